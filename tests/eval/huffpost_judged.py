#!/usr/bin/env python3
"""huffpost_judged: brink's alerts on the WORLD NEWS items of one US
outlet, 2018 to 2022 (HuffPost, through the News Category Dataset;
LABELS-huffpost.md says where the text is), scored against one
reader's judgement of each alert (huffpost-2018-2022-judged.tsv beside
this script).

The judgements were made with brink's output in view, alert by alert:
they measure precision only (how many alerts are right), not recall.
An item is its headline and short description, as agnews_eval.py
reads a wire item; its alert is an alarm when a hit is a threat or a
retaliation, a de-escalation when a hit is one (both can hold).  An
item is in split dev (rules may be shaped on it) when the SHA-1 of its
link is even, else in test (never read while shaping).

It prints, per split and for both, how many alarms and de-escalation
alerts were judged right, wrong or not judged (an alert a later pack
raises), and the judged precision; -v lists the wrong and unjudged
ones (rule, reason, headline) on the terminal only.

--labels FILE (by default huffpost-2018-2022-labels.tsv beside this
script, when it is there; --labels "" for none) adds precision,
recall and F1 against labels of every item, made blind to brink's
output (link, threat 0/1, deesc 0/1): an alarm is right on an item
labelled threat, a de-escalation on one labelled deesc, over the
labelled items of the split; -v lists the misses and false positives
(link, rules, headline) on the terminal only.  --disagree lists, instead, the judged
alerts whose judgement the labels contradict (link, family, judged,
labelled).

--other runs over the items of every other category instead (U.S.
news, politics, entertainment, sports, business, ...: 8,804 in the
copy used), a false-alarm corpus of modern copy as other-classes.csv
is of 2004's: it counts the items with an alarm and those with a
de-escalation, by category, unjudged; -v lists them.

Exit status: 0; 2 when brinkd fails or an input cannot be read; 77
when the dataset is absent.

usage: huffpost_judged.py --json FILE [--brinkd PATH] [--config FILE]
                          [--judged FILE] [--labels FILE] [--split dev|test]
                          [--other | --disagree] [-v]
"""

import argparse
import hashlib
import json
import os
import sys
import tempfile

import agnews_eval

HERE = agnews_eval.HERE
TOP = agnews_eval.TOP
FAMILIES = (("alarm", agnews_eval.is_alarm),
            ("deesc", agnews_eval.is_deesc))


def read_items(path, other=False):
    """{link: (category, headline, short description)} of the WORLD NEWS
    items of the dataset's JSON lines, or with other of every other
    category's."""
    items = {}
    with open(path, encoding="utf-8") as fp:
        for line in fp:
            try:
                rec = json.loads(line)
            except ValueError:
                # The copy kept on GitHub ends inside a record.
                continue
            if (rec.get("category") == "WORLD NEWS") != other:
                items[rec["link"]] = (rec.get("category"), rec["headline"],
                                      rec.get("short_description", ""))
    return items


def read_judged(path):
    """{(link, family): (right, reason)}."""
    judged = {}
    for n, f in agnews_eval.tsv_rows(path):
        if len(f) != 4 or f[1] not in ("alarm", "deesc") or f[2] not in "01":
            raise ValueError("%s:%d: want link<TAB>alarm|deesc<TAB>0|1"
                             "<TAB>reason, got %r" % (path, n, "\t".join(f)))
        judged[(f[0], f[1])] = (f[2] == "1", f[3])
    return judged


def read_labels(path):
    """{link: (threat, deesc)} of a label file, one row per item."""
    labels = {}
    for n, f in agnews_eval.tsv_rows(path):
        if len(f) != 3 or f[1] not in ("0", "1") or f[2] not in ("0", "1"):
            raise ValueError("%s:%d: want link<TAB>0|1<TAB>0|1, got %r"
                             % (path, n, "\t".join(f)))
        if f[0] in labels:
            raise ValueError("%s:%d: %s labelled twice" % (path, n, f[0]))
        labels[f[0]] = (f[1] == "1", f[2] == "1")
    return labels


def split_of(link):
    """dev when the SHA-1 of the link is even, else test."""
    digest = hashlib.sha1(link.encode("utf-8")).digest()
    return "test" if digest[-1] & 1 else "dev"


def report(items, fired, judged, split, verbose):
    for family, want in FAMILIES:
        right = wrong = unjudged = 0
        for link in sorted(fired):
            if split and split_of(link) != split:
                continue
            rules = agnews_eval.rules_of(fired[link], want)
            if not rules:
                continue
            j = judged.get((link, family))
            if j is None:
                unjudged += 1
            elif j[0]:
                right += 1
            else:
                wrong += 1
            if verbose and not (j and j[0]):
                print("  %-9s %-26s %-16s %s" % (
                    "unjudged" if j is None else "wrong", rules[0],
                    "" if j is None else j[1], items[link][1][:90]))
        n = right + wrong
        print("%-6s %d judged right, %d judged wrong, %d not judged; "
              "judged precision %.2f (%d/%d)" % (
                  family + ":", right, wrong, unjudged,
                  right / n if n else 0.0, right, n))


def report_labelled(items, fired, labels, split, verbose):
    """Precision and recall of each family against the labels, over the
    labelled items of split (both halves when split is None)."""
    links = [link for link in sorted(labels)
             if not split or split_of(link) == split]
    print("%d labelled items: %d threat, %d deesc" % (
        len(links), sum(1 for k in links if labels[k][0]),
        sum(1 for k in links if labels[k][1])))
    titles = {k: items[k][1][:90] for k in links}
    for (family, want), col in zip(FAMILIES, (0, 1)):
        agnews_eval.score(family, links,
                          {k: labels[k][col] for k in links}, fired, want,
                          titles, verbose)


def report_disagree(fired, judged, labels, split):
    """The judged alerts that the labels contradict."""
    n = 0
    for (link, family), (right, reason) in sorted(judged.items()):
        if split and split_of(link) != split:
            continue
        if link not in labels:
            continue
        label = labels[link][0 if family == "alarm" else 1]
        if label != right:
            n += 1
            want = dict(FAMILIES)[family]
            fires = bool(agnews_eval.rules_of(fired.get(link, []), want))
            print("%-6s judged %d labelled %d%s  %s" % (
                family, right, label, "" if fires else " (no alert now)",
                link))
    print("%d judged alerts disagree with the labels" % n)


def report_other(items, fired, verbose):
    for family, want in FAMILIES:
        by_category = {}
        for link in sorted(fired):
            rules = agnews_eval.rules_of(fired[link], want)
            if not rules:
                continue
            category = items[link][0]
            by_category[category] = by_category.get(category, 0) + 1
            if verbose:
                print("  %-6s %-26s %-14s %s" % (family, rules[0],
                                                 category[:14],
                                                 items[link][1][:80]))
        print("%-6s %d of %d items (%s)" % (
            family + ":", sum(by_category.values()), len(items),
            ", ".join("%s %d" % kv for kv in sorted(by_category.items()))
            or "none"))


def main():
    ap = argparse.ArgumentParser(
        description="brink's alerts on HuffPost world news of 2018-2022, "
        "against judged alerts (evaluation only)")
    ap.add_argument("--json", required=True,
                    help="News_Category_Dataset_v3.json (JSON lines)")
    ap.add_argument("--brinkd", default=os.path.join(TOP, "src", "brinkd"))
    ap.add_argument("--config")
    ap.add_argument("--judged", default=os.path.join(
        HERE, "huffpost-2018-2022-judged.tsv"))
    default_labels = os.path.join(HERE, "huffpost-2018-2022-labels.tsv")
    ap.add_argument("--labels", default=default_labels
                    if os.path.exists(default_labels) else "",
                    help="labels of every item (link, threat, deesc); "
                    "'' for none")
    ap.add_argument("--disagree", action="store_true",
                    help="list judged alerts the labels contradict")
    ap.add_argument("--split", choices=("dev", "test"))
    ap.add_argument("--other", action="store_true",
                    help="count alerts on the other categories' items")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    if not os.path.exists(args.json):
        return agnews_eval.text_absent("huffpost_judged", args.json,
                                       "the items are",
                                       "LABELS-huffpost.md")
    try:
        items = read_items(args.json, args.other)
        judged = read_judged(args.judged)
        labels = read_labels(args.labels) if args.labels else {}
        if args.disagree and not labels:
            raise ValueError("--disagree wants --labels")
        stray = [k for k in labels if k not in items] if not args.other \
            else []
        if stray:
            raise ValueError("%s: %d links are not WORLD NEWS items of %s, "
                             "e.g. %s" % (args.labels, len(stray), args.json,
                                          stray[0]))
        with tempfile.TemporaryDirectory(prefix="huffpost-conf-") as tmp:
            config = args.config or agnews_eval.default_config(tmp)
            fired = agnews_eval.match_all(args.brinkd, config,
                                          sorted(items), items)
    except (OSError, ValueError, KeyError, RuntimeError) as e:
        sys.stderr.write("huffpost_judged: %s\n" % e)
        return 2
    if args.other:
        report_other(items, fired, args.verbose)
        return 0
    if args.disagree:
        report_disagree(fired, judged, labels, args.split)
        return 0
    print("%d WORLD NEWS items, %d with an alert" % (len(items), len(fired)))
    report(items, fired, judged, args.split, args.verbose)
    if labels:
        report_labelled(items, fired, labels, args.split, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
