#!/usr/bin/env python3
"""headlines_eval: brink's rules measured on modern headlines from many
outlets: the posts of Reddit's r/worldnews and r/ukraine, November 2021
to July 2022 (the months before and after Russia's invasion of
Ukraine), each a headline as its outlet wrote it (Reuters, the
Guardian, the BBC, AP, CNN, Al Jazeera, ... 536 sites).  Nobody on
the project wrote them, and no rule was shaped on them before they were
labelled.

The headlines are not here, nor in ../shared: they are a public
collection (see LABELS-headlines.md for where to get it), read from the
JSON file given with --json (a list of objects with title, domain,
category, link and timestamp).  headlines-2022-labels.tsv beside this
script labels, by link, the world headlines that could hold a threat or
a step down (LABELS-headlines.md says which and how); a world headline
without a label is read as neither.  Each label is in split dev (rules
may be tuned on it) or test (only measured).

A headline is matched as an item with a title and no description, which
is how a feed that gives headlines only reads.  It prints, for each
split and for both together, as bbc_eval.py does (with its code), alarm
and de-escalation precision, recall and F1 with their counts; alerts on
world headlines without a label count as false and are listed.  With
--other it counts instead the alerts on the collection's headlines of
technology, television, sport, science, "uplifting news" and "not the
onion" (3,207 headlines where a threat of force is almost surely not
meant), and exits 1 when they pass --max-alarm or --max-deesc.  -v
lists the misses and the false alarms.  The text is printed to the
terminal only.

Exit status: 0; 1 above a --max bound; 2 when brinkd fails or an input
cannot be read; 77 when the JSON file is absent.

With --categories news,politics and --labels
headlines-2022-us-labels.tsv it measures instead on the collection's
r/news and r/politics headlines (3,767, mostly US domestic news), whose
labels were made blind to brink's output after the rules of stop 30
(LABELS-headlines.md says how): the kind of copy a US outlet's feed
carries, where a false alarm is the common failure.

usage: headlines_eval.py --json FILE [--brinkd PATH] [--config FILE]
                         [--labels FILE] [--split dev|test]
                         [--categories LIST] [--other
                         [--max-alarm N] [--max-deesc N]] [-v]
"""

import argparse
import json
import os
import sys
import tempfile

import agnews_eval
import bbc_eval

HERE = agnews_eval.HERE
TOP = agnews_eval.TOP

WORLD = ("worldnews", "ukraine")
OTHER = ("technology", "television", "sports", "science", "UpliftingNews",
         "nottheonion")


def read_items(path, categories):
    """{link: (None, title, "")}: the first headline of each link in one
    of categories (the collection repeats a post that stayed hot)."""
    with open(path, encoding="utf-8") as fp:
        posts = json.load(fp)
    if not isinstance(posts, list):
        raise ValueError("%s: want a JSON list of headlines" % path)
    items = {}
    for n, p in enumerate(posts):
        if not isinstance(p, dict) or not isinstance(p.get("title"), str) \
                or not isinstance(p.get("link"), str):
            raise ValueError("%s: headline %d has no title or link" %
                             (path, n))
        if p.get("category") in categories:
            items.setdefault(p["link"], (None, p["title"], ""))
    return items


def count_other(args, fired, items):
    alarms = [k for k in fired if agnews_eval.rules_of(
        fired[k], agnews_eval.is_alarm)]
    deesc = [k for k in fired if agnews_eval.rules_of(
        fired[k], agnews_eval.is_deesc)]
    print("other: %d headlines, %d with an alarm, %d with a "
          "de-escalation" % (len(items), len(alarms), len(deesc)))
    for k in fired:
        print("  %-30s %s" % (",".join(agnews_eval.rules_of(
            fired[k], lambda c: True)), items[k][1]))
    over = (args.max_alarm is not None and len(alarms) > args.max_alarm) or \
        (args.max_deesc is not None and len(deesc) > args.max_deesc)
    return 1 if over else 0


def main():
    ap = argparse.ArgumentParser(
        description="brink's rules on r/worldnews headlines of 2021-2022 "
        "(evaluation only)")
    ap.add_argument("--json", required=True)
    ap.add_argument("--brinkd", default=os.path.join(TOP, "src", "brinkd"))
    ap.add_argument("--config")
    ap.add_argument("--labels",
                    default=os.path.join(HERE, "headlines-2022-labels.tsv"))
    ap.add_argument("--split", choices=("dev", "test"))
    ap.add_argument("--categories", default=",".join(WORLD),
                    help="the collection's categories to measure on, "
                    "comma-separated (default: %(default)s); "
                    "headlines-2022-us-labels.tsv labels news,politics")
    ap.add_argument("--other", action="store_true",
                    help="count the alerts on the headlines of technology, "
                    "television, sport, science and light news")
    ap.add_argument("--max-alarm", type=int)
    ap.add_argument("--max-deesc", type=int)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    if not os.path.exists(args.json):
        return agnews_eval.text_absent("headlines_eval", args.json,
                                       "the headlines are",
                                       "LABELS-headlines.md")
    try:
        items = read_items(args.json, OTHER if args.other else
                           tuple(args.categories.split(",")))
        labels = {} if args.other else bbc_eval.read_labels(args.labels,
                                                               "link")
        missing = [k for k in labels if k not in items]
        if missing:
            raise ValueError("%s: %s is not in %s" % (
                args.labels, missing[0], args.json))
        with tempfile.TemporaryDirectory(prefix="headlines-") as tmp:
            config = args.config or agnews_eval.default_config(tmp)
            fired = agnews_eval.match_all(args.brinkd, config, list(items),
                                          items)
    except (OSError, ValueError, RuntimeError) as e:
        sys.stderr.write("headlines_eval: %s\n" % e)
        return 2
    if args.other:
        return count_other(args, fired, items)
    bbc_eval.report(items, labels, fired, args.split, args.verbose,
                    noun="headlines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
