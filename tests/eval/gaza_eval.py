#!/usr/bin/env python3
"""gaza_eval: brink's rules and stories measured on dated headlines from
many outlets: Google News headlines about Gaza, October 2023 to June
2024 (Al Jazeera, Reuters, AP, CNN, the New York Times, the BBC, ...
some 11,500 of them), a public collection (LABELS-gaza.md says where to
get it and at which commit).  Nobody on the project wrote them; the
labels beside this script were made blind to brink's output.

The headlines are not here, nor in ../shared: they are read from the
collection's gaza-news.txt, given with --txt (date, publisher, title
and link by tab, one headline a line).  An item is named by its line
number in that file; its title loses the " - Publisher" the collection
appends.

Without --stories, gaza-2024-labels.tsv (line<TAB>threat<TAB>deesc<TAB>
dev|test) labels a random sample of the headlines, and the labelled
ones are matched as items with a title only; it prints, per split and
for both, alarm and de-escalation precision, recall and F1 as
bbc_eval.py does (with its code).  --labels gaza-2024-labels-3.tsv
measures on the third sample instead, labelled after the rules of stop
31 were shaped on the first two; gaza-2024-labels-4.tsv on the fourth,
labelled at the start of stop 33; gaza-2024-labels-5.tsv on the fifth,
labelled in stop 47.

With --stories, gaza-2024-stories.tsv (line<TAB>story) says, for every
headline of three five-day stretches, which story it reports
(LABELS-stories.md's guide).  The headlines of those days go, dated
(noon UTC of their day) and in order, into one feed and one `brinkd
--match`, which groups its alerts into stories as the daemon does; the
same headline from the same outlet listed twice is read once, as one
article.  Over every pair of alerted headlines it prints pairwise
precision and recall as story_eval.py does (with its code).
--labels gaza-2024-stories-4.tsv or gaza-2024-stories-5.tsv measures
on a fourth or a fifth stretch instead, labelled later.

-v lists the misses and the false alarms, or the wrong pairs.  The text
is printed to the terminal only.

Exit status: 0; 2 when brinkd fails or an input cannot be read; 77 when
the collection's file is absent.

usage: gaza_eval.py --txt FILE [--brinkd PATH] [--config FILE]
                    [--labels FILE] [--split dev|test] [--stories] [-v]
"""

import argparse
import datetime
import email.utils
import os
import sys
import tempfile

import agnews_eval
import bbc_eval
import story_eval

HERE = agnews_eval.HERE
TOP = agnews_eval.TOP


def read_items(path):
    """{line: (date, title, publisher)} of the collection's file."""
    items = {}
    with open(path, encoding="utf-8") as fp:
        for n, line in enumerate(fp, 1):
            f = line.rstrip("\n").split("\t")
            if len(f) == 1 and f[0].strip("\x1a ") == "":
                continue   # the file ends with a DOS end-of-file mark
            if len(f) != 4:
                raise ValueError("%s:%d: want date<TAB>publisher<TAB>"
                                 "title<TAB>link" % (path, n))
            date, publisher, title = f[0], f[1], f[2]
            tail = " - " + publisher
            if publisher and title.endswith(tail):
                title = title[:-len(tail)]
            items[str(n)] = (date, title.strip(), publisher)
    return items


def detection(args, items, config):
    labels = bbc_eval.read_labels(args.labels or os.path.join(
        HERE, "gaza-2024-labels.tsv"), "line")
    missing = [k for k in labels if k not in items]
    if missing:
        raise ValueError("line %s of the labels is not in %s" %
                         (missing[0], args.txt))
    chosen = {k: (None, items[k][1], "") for k in labels}
    fired = agnews_eval.match_all(args.brinkd, config, list(chosen), chosen)
    bbc_eval.report(chosen, labels, fired, args.split, args.verbose,
                    noun="headlines")


def stories(args, items, config):
    labels = story_eval.read_labels(args.labels or os.path.join(
        HERE, "gaza-2024-stories.tsv"))
    missing = [k for k in labels if k not in items]
    if missing:
        raise ValueError("line %s of the labels is not in %s" %
                         (missing[0], args.txt))
    seen = set()
    rows = []
    for k in sorted(labels, key=int):
        date, title, publisher = items[k]
        if (title, publisher) in seen:
            continue
        seen.add((title, publisher))
        rows.append(k)
    chosen = {k: (None, items[k][1], "") for k in rows}
    dates = {k: email.utils.format_datetime(datetime.datetime.combine(
        datetime.date.fromisoformat(items[k][0]), datetime.time(12),
        datetime.timezone.utc)) for k in rows}
    alerts = story_eval.run(args.brinkd, config, chosen, dates)
    print("%d headlines of %d labelled read (the same outlet's same "
          "headline once)" % (len(rows), len(labels)))
    story_eval.score(alerts, {k: labels[k] for k in rows}, chosen,
                     args.verbose)


def main():
    ap = argparse.ArgumentParser(
        description="brink's rules and stories on Google News headlines "
        "about Gaza, 2023-2024 (evaluation only)")
    ap.add_argument("--txt", required=True,
                    help="the collection's gaza-news.txt")
    ap.add_argument("--brinkd", default=os.path.join(TOP, "src", "brinkd"))
    ap.add_argument("--config")
    ap.add_argument("--labels", help="default: gaza-2024-labels.tsv, or "
                    "gaza-2024-stories.tsv with --stories")
    ap.add_argument("--split", choices=("dev", "test"))
    ap.add_argument("--stories", action="store_true",
                    help="measure the story grouping instead")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    if not os.path.exists(args.txt):
        return agnews_eval.text_absent("gaza_eval", args.txt,
                                       "the headlines are", "LABELS-gaza.md")
    try:
        items = read_items(args.txt)
        with tempfile.TemporaryDirectory(prefix="gaza-") as tmp:
            config = args.config or agnews_eval.default_config(tmp)
            if args.stories:
                stories(args, items, config)
            else:
                detection(args, items, config)
    except (OSError, ValueError, RuntimeError) as e:
        sys.stderr.write("gaza_eval: %s\n" % e)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
