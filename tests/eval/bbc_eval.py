#!/usr/bin/env python3
"""bbc_eval: brink's rules measured on modern real news in the form brink
reads: 6,168 items of the BBC News RSS feeds, March to August 2022 (the
first months of the war in Ukraine), title and description as the feeds
gave them.  Nobody on the project wrote them.

The items are not here, nor in ../shared: they are a public copy of a
feed archive (see LABELS-bbc.md for where to get it), read from the CSV
given with --csv (columns title, pubDate, guid, link, description).
bbc-2022-labels.tsv beside this script labels, by guid, the items that
could hold a threat or a step down (LABELS-bbc.md says which and how);
an item without a label is read as neither.  Each label is in split dev
(rules may be tuned on it) or test (only measured).

It prints, for each split and for both together, as agnews_eval.py
does:

  - alarm: an alert with a hit of category threat or retaliation,
    against the label `threat`;
  - de-escalation: a hit of category deescalation, against `deesc`,

precision, recall and F1 with their counts, and the alerts on items
that have no label (outside the labelled sections, or an item the
keyword screen passed over): those count as false in the figures and
are listed, for someone to read.  -v lists the misses and the false
alarms.  The text is read from the CSV and printed to the terminal
only.

Exit status: 0; 2 when brinkd fails or an input cannot be read; 77 when
the CSV is absent.

usage: bbc_eval.py --csv FILE [--brinkd PATH] [--config FILE]
                   [--labels FILE] [--split dev|test]
                   [--parties FILE] [-v]
"""

import argparse
import csv
import html
import os
import sys
import tempfile

import agnews_eval

HERE = agnews_eval.HERE
TOP = agnews_eval.TOP


def read_items(path):
    """{guid: (None, title, description)}: the first item of each guid
    (the archive repeats items that stayed in a feed)."""
    items = {}
    with open(path, encoding="utf-8", newline="") as fp:
        for n, rec in enumerate(csv.DictReader(fp), 2):
            if not rec.get("guid") or "title" not in rec or \
                    "description" not in rec:
                raise ValueError("%s:%d: want the columns title, pubDate, "
                                 "guid, link, description" % (path, n))
            items.setdefault(rec["guid"], (
                None, html.unescape(rec["title"] or ""),
                html.unescape(rec["description"] or "")))
    return items


def read_labels(path, key="guid"):
    """{key: (threat, deesc, split)}: a file of key<TAB>threat<TAB>deesc
    <TAB>dev|test lines (headlines_eval.py keys by link)."""
    labels = {}
    for n, f in agnews_eval.tsv_rows(path):
        if len(f) != 4 or f[1] not in "01" or f[2] not in "01" or \
                f[3] not in ("dev", "test"):
            raise ValueError("%s:%d: want %s<TAB>threat<TAB>deesc<TAB>"
                             "dev|test, got %r" % (path, n, key,
                                                   "\t".join(f)))
        if f[0] in labels:
            raise ValueError("%s:%d: %s labelled twice" % (path, n, f[0]))
        labels[f[0]] = (f[1] == "1", f[2] == "1", f[3])
    return labels


def report(items, labels, fired, split, verbose, noun="items"):
    """Print the figures of each split (or of split alone) and of both
    together, then the alerts on unlabelled items; items is {key:
    (None, title, description)}."""
    titles = {k: items[k][1] for k in items}
    # alerts on unlabelled items count against precision in every
    # figure; they belong to no split
    extra = [k for k in items if k not in labels and k in fired]
    for one in [split] if split else ["dev", "test", None]:
        rows = [k for k in items if k in labels and
                (one is None or labels[k][2] == one)]
        print("%s: %d labelled %s, %d threat, %d deesc" % (
            one or "all", len(rows), noun, sum(labels[k][0] for k in rows),
            sum(labels[k][1] for k in rows)))
        truth_t = {k: labels[k][0] for k in rows}
        truth_d = {k: labels[k][1] for k in rows}
        truth_t.update({k: False for k in extra})
        truth_d.update({k: False for k in extra})
        agnews_eval.score("alarm", rows + extra, truth_t, fired,
                          agnews_eval.is_alarm, titles, verbose)
        agnews_eval.score("deescalation", rows + extra, truth_d, fired,
                          agnews_eval.is_deesc, titles, verbose)
    print("alerts on unlabelled %s: %d" % (noun, len(extra)))
    for k in extra:
        print("  %-30s %s  %s" % (",".join(agnews_eval.rules_of(
            fired[k], lambda c: True)), k, titles[k]))


def read_parties(path):
    """{"threat": {guid: (who, whom)}, "deesc": {...}}: the names that
    may stand for the party that acts (empty for '-', the copy names
    none) and the parties acted against, from guid<TAB>threat|deesc
    <TAB>who<TAB>whom lines."""
    kinds = {"threat": {}, "deesc": {}}
    for n, f in agnews_eval.tsv_rows(path):
        if f[0] == "guid":
            continue
        if len(f) != 4 or f[1] not in kinds or not f[2] or not f[3]:
            raise ValueError("%s:%d: want guid<TAB>threat|deesc<TAB>"
                             "who[|who...] or -<TAB>whom[,whom...] or -, "
                             "got %r" % (path, n, "\t".join(f)))
        if f[0] in kinds[f[1]]:
            raise ValueError("%s:%d: %s %s labelled twice"
                             % (path, n, f[0], f[1]))
        kinds[f[1]][f[0]] = (
            set() if f[2] == "-" else set(f[2].split("|")),
            set() if f[3] == "-" else set(f[3].split(",")))
    return kinds


def report_parties(items, labels, parties, fired, split, verbose):
    """Who threatens whom on the threat rows, who steps down towards
    whom on the deesc rows, of split (or all)."""
    titles = {k: items[k][1] for k in items}
    for kind, name, whom_name, party, want in (
            ("threat", "who threatens", "whom", "threatened",
             agnews_eval.is_alarm),
            ("deesc", "who steps down", "towards whom", "labelled",
             agnews_eval.is_deesc)):
        who = parties[kind]
        rows = [g for g in who if split is None or labels[g][2] == split]
        agnews_eval.score_parties(name, rows, who, fired, want, titles,
                                  verbose, whom_name, party)


def main():
    ap = argparse.ArgumentParser(
        description="brink's rules on the BBC's 2022 RSS items "
        "(evaluation only)")
    ap.add_argument("--csv", required=True)
    ap.add_argument("--brinkd", default=os.path.join(TOP, "src", "brinkd"))
    ap.add_argument("--config")
    ap.add_argument("--labels",
                    default=os.path.join(HERE, "bbc-2022-labels.tsv"))
    ap.add_argument("--split", choices=("dev", "test"))
    ap.add_argument("--parties", metavar="FILE",
                    help="score who acts and whom against FILE")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    if not os.path.exists(args.csv):
        return agnews_eval.text_absent("bbc_eval", args.csv,
                                       "the BBC items are", "LABELS-bbc.md")
    try:
        items = read_items(args.csv)
        labels = read_labels(args.labels)
        missing = [g for g in labels if g not in items]
        if missing:
            raise ValueError("%s: %s is not in %s" % (
                args.labels, missing[0], args.csv))
        parties = read_parties(args.parties) if args.parties else None
        for who in (parties or {}).values():
            missing = [g for g in who if g not in labels]
            if missing:
                raise ValueError("%s: %s is not labelled in %s" % (
                    args.parties, missing[0], args.labels))
        with tempfile.TemporaryDirectory(prefix="bbc-") as tmp:
            config = args.config or agnews_eval.default_config(tmp)
            fired = agnews_eval.match_all(args.brinkd, config, list(items),
                                          items)
    except (OSError, ValueError, RuntimeError) as e:
        sys.stderr.write("bbc_eval: %s\n" % e)
        return 2
    if parties is not None:
        report_parties(items, labels, parties, fired, args.split,
                       args.verbose)
    else:
        report(items, labels, fired, args.split, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
