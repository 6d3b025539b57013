#!/usr/bin/env python3
"""agnews_eval: brink's rules measured on real wire copy (AG News, see
../shared/eval/agnews/README.md) that nobody on the project wrote.

Labelled mode (the default) runs brinkd over the World items of
world-dev.csv that have hand labels (agnews-world-dev.tsv beside this
script, made under LABELS.md) and prints, for

  - alarm: an alert with a hit of category threat or retaliation,
    against the label `threat`;
  - de-escalation: a hit of category deescalation, against `deesc`,

precision, recall and F1 with their counts.  -v lists the false
positives and the misses: row, the rules that fired, the title.

--parties scores who threatens whom: for each threat or retaliation
hit on an item of agnews-world-parties.tsv (the party that threatens
and the parties threatened in each alerted threat item, labelled by
hand under LABELS.md), whether the hit's first actor is that party,
another, or no one; how many of the targets it lists are threatened
parties; and whether it lists one.

--other runs over other-classes.csv (Sports, Business, Sci/Tech: a
false-alarm corpus) and counts the items with an alarm and those with
a de-escalation hit; -v lists them.  --max-alarm and --max-deesc make
the exit status 1 when a count is above them, for a test.

The items are written, a few hundred at a time, into temporary RSS
feeds (guid = the CSV row) and each feed goes through one
`brinkd -c CONFIG --match FEED`; an alert names its item by that guid.
The text is read from the CSV and printed to the terminal only: nothing
of it is written anywhere but the temporary directory.

Exit status: 0; 1 when a limit is passed; 2 when brinkd fails or an
input cannot be read; 77 when the CSV is absent (it lives outside the
repository).

usage: agnews_eval.py [--brinkd PATH] [--config FILE] [--csv FILE]
                      [--labels FILE] [--items FROM-TO] [--parties [FILE]]
                      [--other]
                      [--max-alarm N] [--max-deesc N] [-v]
"""

import argparse
import concurrent.futures
import csv
import html
import json
import os
import re
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
AGNEWS = os.path.join(os.path.dirname(TOP), "shared", "eval", "agnews")

ALARM = {"threat", "retaliation"}
DEESC = "deescalation"
# --match reads at most max_items (1000) items of a feed today.
FEED_ITEMS = 500

# The dataset replaced each '&' of an HTML entity with a space
# ("yesterday #39;s", "Johnson  amp; Johnson"); put the '&' back where
# the space was, but never inside a word ("camp;").
SPACED_ENTITY = re.compile(
    r"(?: |(?<![A-Za-z0-9&#]))(#[0-9]+|quot|amp|lt|gt|hellip|nbsp);")
TAG = re.compile(r"<[^>]*>")
SPACE = re.compile(r"\s+")


def unescape(text):
    """The item's text as it was written, per the README: \\$ is a
    dollar, another backslash a line break, entities decoded (#151; is
    a Windows-1252 dash, as browsers read it), tags dropped."""
    text = text.replace("\\$", "$").replace("\\", " ")
    text = SPACED_ENTITY.sub(lambda m: "&" + m.group(1) + ";", text)
    text = html.unescape(text)
    text = TAG.sub(" ", text)
    return SPACE.sub(" ", text).strip()


def read_items(path, other):
    """{row: (class, title, description)} in file order."""
    items = {}
    with open(path, encoding="utf-8", newline="") as fp:
        for n, rec in enumerate(csv.reader(fp), 1):
            if len(rec) != (4 if other else 3) or not rec[0].isdigit():
                raise ValueError("%s:%d: want %s, got %d fields" % (
                    path, n, "row,class,title,description" if other
                    else "row,title,description", len(rec)))
            if other:
                row, cls, title, desc = rec
            else:
                (row, title, desc), cls = rec, "1"
            items[row] = (cls, unescape(title), unescape(desc))
    return items


def tsv_rows(path):
    """(line number, fields) of each data line of a tab-separated label
    file: blank lines, comments and the header line are left out."""
    with open(path, encoding="utf-8") as fp:
        for n, line in enumerate(fp, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#") or line.startswith("row\t"):
                continue
            yield n, line.split("\t")


def read_labels(path):
    """{row: (threat, deesc)}, in file order."""
    labels = {}
    for n, f in tsv_rows(path):
        if len(f) != 3 or f[1] not in "01" or f[2] not in "01" or \
                not f[0].isdigit():
            raise ValueError("%s:%d: want row<TAB>threat<TAB>deesc "
                             "with 0 or 1, got %r" % (path, n, "\t".join(f)))
        if f[0] in labels:
            raise ValueError("%s:%d: row %s labelled twice"
                             % (path, n, f[0]))
        labels[f[0]] = (f[1] == "1", f[2] == "1")
    return labels


def write_feed(path, rows, items, dates=None):
    """An RSS feed of rows; dates, if given, {row: RFC 822 pubDate}."""
    with open(path, "w", encoding="utf-8") as fp:
        fp.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                 '<rss version="2.0"><channel><title>agnews</title>\n')
        for row in rows:
            _, title, desc = items[row]
            date = ""
            if dates is not None:
                date = "<pubDate>%s</pubDate>" % dates[row]
            fp.write('<item><guid isPermaLink="false">%s</guid>'
                     '<title>%s</title><description>%s</description>%s'
                     '</item>\n' % (row, escape(title), escape(desc), date))
        fp.write("</channel></rss>\n")


def run_feed(brinkd, config, feed):
    """{row: [(rule, category, actors, targets), ...]} for the items
    that got an alert; actors and targets are the tuples the hit names,
    None for the alert's own rule (its parties are all its hits')."""
    proc = subprocess.run([brinkd, "-c", config, "--match", feed],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          timeout=1800)
    if proc.returncode != 0:
        raise RuntimeError("brinkd exited %d on %s: %s" % (
            proc.returncode, feed, proc.stderr.decode("utf-8", "replace")))
    fired = {}
    for line in proc.stdout.decode("utf-8").splitlines():
        alert = json.loads(line)
        hits = [(h["rule"], h["category"], tuple(h.get("actors") or ()),
                 tuple(h.get("targets") or ())) for h in alert["hits"]]
        # The record quotes at most 32 hits but always the strongest.
        hits.append((alert["rule"], alert["category"], None, None))
        fired[alert["item"]["id"]] = hits
    return fired


def match_all(brinkd, config, rows, items):
    fired = {}
    with tempfile.TemporaryDirectory(prefix="agnews-") as tmp:
        feeds = []
        for k in range(0, len(rows), FEED_ITEMS):
            feed = os.path.join(tmp, "agnews-%d.xml" % (k // FEED_ITEMS))
            write_feed(feed, rows[k:k + FEED_ITEMS], items)
            feeds.append(feed)
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            for got in pool.map(lambda f: run_feed(brinkd, config, f),
                                feeds):
                fired.update(got)
    return fired


def rules_of(hits, want):
    names = []
    for rule, cat, _, _ in hits:
        if want(cat) and rule not in names:
            names.append(rule)
    return names


def is_alarm(cat):
    return cat in ALARM


def is_deesc(cat):
    return cat == DEESC


def score(name, rows, truth, fired, want, text, verbose):
    """Print precision, recall and F1 of want over rows; text is
    {row: what -v prints beside a miss or a false positive}."""
    tp = fp = fn = 0
    wrong = []
    for row in rows:
        rules = rules_of(fired.get(row, []), want)
        if rules and truth[row]:
            tp += 1
        elif rules:
            fp += 1
            wrong.append(("false positive", row, rules))
        elif truth[row]:
            fn += 1
            wrong.append(("miss", row, rules_of(fired.get(row, []),
                                                lambda c: True)))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print("%-13s precision %.2f (%d/%d)  recall %.2f (%d/%d)  F1 %.2f"
          % (name + ":", p, tp, tp + fp, r, tp, tp + fn, f1))
    if verbose:
        for kind, row, rules in wrong:
            print("  %-14s %5s  %-30s %s" % (kind, row,
                  ",".join(rules) or "-", text[row]))


def labelled(args, brinkd, config):
    labels = read_labels(args.labels)
    items = read_items(args.csv, False)
    missing = [r for r in labels if r not in items]
    if missing:
        raise ValueError("%s: rows %s are not in %s" % (
            args.labels, ",".join(missing[:5]), args.csv))
    rows = list(labels)[args.items[0] - 1:args.items[1]]
    fired = match_all(brinkd, config, rows, items)
    n_threat = sum(1 for r in rows if labels[r][0])
    n_deesc = sum(1 for r in rows if labels[r][1])
    print("%d labelled items: %d threat, %d deesc"
          % (len(rows), n_threat, n_deesc))
    titles = {r: items[r][1] for r in rows}
    score("alarm", rows, {r: labels[r][0] for r in rows}, fired, is_alarm,
          titles, args.verbose)
    score("deescalation", rows, {r: labels[r][1] for r in rows}, fired,
          is_deesc, titles, args.verbose)
    return 0


def read_parties(path):
    """{row: (who, whom)}: the set of names that may stand for who
    threatens, and the set of parties threatened (maybe empty)."""
    parties = {}
    for n, f in tsv_rows(path):
        if len(f) != 3 or not f[0].isdigit() or not f[1] or not f[2]:
            raise ValueError("%s:%d: want row<TAB>actor[|actor...]<TAB>"
                             "target[,target...] or -, got %r"
                             % (path, n, "\t".join(f)))
        whom = set() if f[2] == "-" else set(f[2].split(","))
        parties[f[0]] = (set(f[1].split("|")), whom)
    return parties


def parties(args, brinkd, config):
    """Who threatens whom, hit by hit, over the items labelled with the
    parties (see score_parties)."""
    who = read_parties(args.parties)
    items = read_items(args.csv, False)
    rows = [r for r in who if r in items]
    fired = match_all(brinkd, config, rows, items)
    score_parties("who threatens", rows, who, fired, is_alarm,
                  {r: items[r][1] for r in rows}, args.verbose)
    return 0


def score_parties(name, rows, who, fired, want, titles, verbose,
                  whom_name="whom", party="threatened"):
    """Print who acts and whom over the hits of the categories want
    accepts on rows: how many hits name the labelled party first, how
    many name another, how many name no one (who[row][0], the names
    that may stand for the party, is empty when the copy names none:
    then any name is wrong); of the targets the hits list, how many are
    labelled parties (who[row][1], printed as party); and how many hits
    list one where the label has one.  Hits of one rule naming the same
    actors count once per row."""
    right = wrong = none = 0
    listed = []
    targets = targets_right = with_whom = whom_found = 0
    for row in rows:
        seen = set()
        for rule, cat, actors, whom in fired.get(row, []):
            if not want(cat) or actors is None or \
                    (rule, actors) in seen:
                continue
            seen.add((rule, actors))
            threatened = who[row][1]
            targets += len(whom)
            targets_right += len([t for t in whom if t in threatened])
            if threatened:
                with_whom += 1
                whom_found += any(t in threatened for t in whom)
            if not actors:
                none += 1
            elif actors[0] in who[row][0]:
                right += 1
            else:
                wrong += 1
                listed.append((row, rule, actors[0]))
    hits = right + wrong + none
    print("%s: %d hits on %d labelled items: right %d, wrong %d, "
          "no one named %d" % (name, hits, len(rows), right, wrong, none))
    print("%s: %d targets listed, %d of them %s (%.2f); %d of %d "
          "hits list a %s party (%.2f)" % (
              whom_name, targets, targets_right, party,
              targets_right / targets if targets else 0.0, whom_found,
              with_whom, party,
              whom_found / with_whom if with_whom else 0.0))
    if verbose:
        for row, rule, actor in listed:
            print("  wrong %5s  %-24s %-16s (label %s)  %s" % (
                row, rule, actor,
                "|".join(sorted(who[row][0])) or "-", titles[row]))


def other(args, brinkd, config):
    items = read_items(args.csv, True)
    rows = list(items)
    fired = match_all(brinkd, config, rows, items)
    status = 0
    for name, want, limit in (("alarm", is_alarm, args.max_alarm),
                              ("deescalation", is_deesc, args.max_deesc)):
        hit = [r for r in rows if rules_of(fired.get(r, []), want)]
        print("%-13s %d of %d items%s" % (name + ":", len(hit), len(rows),
              "" if limit is None else " (at most %d)" % limit))
        if args.verbose:
            for r in hit:
                print("  %5s class %s  %-30s %s" % (r, items[r][0],
                      ",".join(rules_of(fired[r], want)), items[r][1]))
        if limit is not None and len(hit) > limit:
            status = 1
    return status


def item_range(text):
    """FROM-TO, 1-based and inclusive; TO may be left out."""
    first, _, last = text.partition("-")
    try:
        lo, hi = int(first), int(last) if last else None
    except ValueError:
        raise argparse.ArgumentTypeError("want FROM-TO, e.g. 1-650")
    if lo < 1 or (hi is not None and hi < lo):
        raise argparse.ArgumentTypeError("want 1 <= FROM <= TO")
    return lo, hi


def csv_absent(tool, path):
    """Say that the AG News items are not beside the repository; 77."""
    sys.stderr.write("%s: %s is absent: the AG News items are kept outside "
                     "the repository, in ../shared/eval/agnews beside it; "
                     "nothing to measure\n" % (tool, path))
    return 77


def text_absent(tool, path, what, doc):
    """Say that what (the text of a yardstick, at path) is not kept with
    the project and that doc says where to get it; 77."""
    sys.stderr.write("%s: %s is absent: %s not kept with the project "
                     "(%s says where to get them); nothing to measure\n" %
                     (tool, path, what, doc))
    return 77


def default_config(directory, settings=()):
    """A brink.conf in directory with the pack as etc/brink.conf has it
    (the rules and the countries) and the given top-level settings."""
    config = os.path.join(directory, "brink.conf")
    with open(config, "w") as fp:
        for part in ("default.conf", "countries.conf"):
            fp.write('include("%s")\n' % os.path.join(TOP, "etc", "rules",
                                                      part))
        for line in settings:
            fp.write(line + "\n")
    return config


def main():
    ap = argparse.ArgumentParser(
        description="brink's rules on AG News items (evaluation only)")
    ap.add_argument("--brinkd",
                    default=os.path.join(TOP, "src", "brinkd"))
    ap.add_argument("--config",
                    help="a brink.conf; default: one that includes "
                    "etc/rules/default.conf and countries.conf, as "
                    "etc/brink.conf does")
    ap.add_argument("--csv", help="default: world-dev.csv, or "
                    "other-classes.csv with --other, in %s" % AGNEWS)
    ap.add_argument("--labels",
                    default=os.path.join(HERE, "agnews-world-dev.tsv"))
    ap.add_argument("--items", type=item_range, default=(1, None),
                    metavar="FROM-TO",
                    help="score only the labelled items FROM to TO (1-based, "
                    "in the label file's order), e.g. 1-650 to tune on and "
                    "651-1300 to check on")
    ap.add_argument("--parties", nargs="?", metavar="FILE",
                    const=os.path.join(HERE, "agnews-world-parties.tsv"),
                    help="score who threatens in each threat hit against "
                    "FILE (default agnews-world-parties.tsv)")
    ap.add_argument("--other", action="store_true",
                    help="count the alerts on other-classes.csv")
    ap.add_argument("--max-alarm", type=int,
                    help="--other: exit 1 above this many alarms")
    ap.add_argument("--max-deesc", type=int,
                    help="--other: exit 1 above this many de-escalations")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    if args.csv is None:
        args.csv = os.path.join(AGNEWS, "other-classes.csv" if args.other
                                else "world-dev.csv")
    if not os.path.exists(args.csv):
        return csv_absent("agnews_eval", args.csv)
    with tempfile.TemporaryDirectory(prefix="agnews-conf-") as tmp:
        config = args.config or default_config(tmp)
        try:
            mode = other if args.other else \
                parties if args.parties else labelled
            return mode(args, args.brinkd, config)
        except (OSError, ValueError, RuntimeError) as e:
            sys.stderr.write("agnews_eval: %s\n" % e)
            return 2


if __name__ == "__main__":
    sys.exit(main())
