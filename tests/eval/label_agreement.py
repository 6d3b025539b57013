#!/usr/bin/env python3
"""label_agreement: how far two readings of one yardstick agree.

Reads two label files of the form bbc_eval.py reads (key<TAB>threat
<TAB>deesc<TAB>dev|test) and prints, for threat and for deesc, in each
split and in both together, how many items each reader marked, the
share of items on which they agree and Cohen's kappa (agreement beyond
what two readers marking at those rates would reach by chance).  The
two files must label the same keys, in the same splits.

With -v it lists the items the readers disagree on, key and which
reader marked it; with --csv (a feed CSV as nyt_items.py writes it) the
title is shown too, on the terminal only.

usage: label_agreement.py FIRST.tsv SECOND.tsv [--csv ITEMS.csv] [-v]
"""

import argparse
import csv
import sys

import bbc_eval

FIELDS = ("threat", "deesc")


def kappa(pairs):
    """Cohen's kappa of [(a, b)] booleans; None when chance agreement is
    total (both readers gave one answer to every item)."""
    n = len(pairs)
    if not n:
        return None
    seen = sum(1 for a, b in pairs if a == b) / n
    pa = sum(1 for a, _ in pairs if a) / n
    pb = sum(1 for _, b in pairs if b) / n
    chance = pa * pb + (1 - pa) * (1 - pb)
    if chance == 1:
        return None
    return (seen - chance) / (1 - chance)


def figures(first, second, keys, field):
    """(n, first's 1s, second's 1s, both 1s, agreement, kappa)."""
    i = FIELDS.index(field)
    pairs = [(first[k][i], second[k][i]) for k in keys]
    n = len(pairs)
    return (n, sum(a for a, _ in pairs), sum(b for _, b in pairs),
            sum(1 for a, b in pairs if a and b),
            sum(1 for a, b in pairs if a == b) / n if n else 0.0,
            kappa(pairs))


def titles(path):
    with open(path, encoding="utf-8", newline="") as fp:
        return {r["guid"]: r["title"] for r in csv.DictReader(fp)}


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("first")
    ap.add_argument("second")
    ap.add_argument("--csv", help="feed CSV, for titles with -v")
    ap.add_argument("-v", action="store_true", dest="verbose")
    args = ap.parse_args(argv)
    first = bbc_eval.read_labels(args.first)
    second = bbc_eval.read_labels(args.second)
    if set(first) != set(second):
        raise ValueError("the files label different items (%d only in "
                         "the first, %d only in the second)" %
                         (len(set(first) - set(second)),
                          len(set(second) - set(first))))
    for k in first:
        if first[k][2] != second[k][2]:
            raise ValueError("%s: split %s in the first, %s in the "
                             "second" % (k, first[k][2], second[k][2]))
    print("%-6s %-5s %5s %6s %6s %5s %6s %6s" %
          ("label", "split", "items", "first", "second", "both",
           "agree", "kappa"))
    for field in FIELDS:
        for split in ("dev", "test", None):
            keys = [k for k in first
                    if split is None or first[k][2] == split]
            n, a, b, ab, share, kap = figures(first, second, keys,
                                              field)
            print("%-6s %-5s %5d %6d %6d %5d %6.3f %6s" %
                  (field, split or "both", n, a, b, ab, share,
                   "-" if kap is None else "%.2f" % kap))
    if args.verbose:
        names = titles(args.csv) if args.csv else {}
        for field in FIELDS:
            i = FIELDS.index(field)
            for k in first:
                if first[k][i] != second[k][i]:
                    who = "first" if first[k][i] else "second"
                    print("%s\t%s only\t%s\t%s\t%s" % (
                        field, who, first[k][2], k, names.get(k, "")))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
