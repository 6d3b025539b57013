#!/usr/bin/env python3
"""polls.py: did every feed get polled every interval?  Reads serve.sh's
nginx access log.

  polls.py LOG --feeds N --interval S --start T0 --end T1

Counts, for each of f1.xml .. fN.xml, the GETs between T0 and T1 (Unix
seconds) and the gaps between consecutive ones.  A feed is "on time" if
it was fetched in every interval: no gap longer than 1.5 intervals (the
schedule may jitter a poll by a fraction of the interval) and a first and
last poll within 1.5 intervals of the window's edges.  Prints one line:
feeds seen, on time, polls per feed (min/median/max), the longest gap, and
the statuses.
"""

import argparse
import collections
import re
import statistics
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("log")
    ap.add_argument("--feeds", type=int, required=True)
    ap.add_argument("--interval", type=float, required=True)
    ap.add_argument("--start", type=float, required=True)
    ap.add_argument("--end", type=float, required=True)
    a = ap.parse_args()

    times = collections.defaultdict(list)
    statuses = collections.Counter()
    uri = re.compile(r"^/f(\d+)\.xml$")
    with open(a.log, encoding="utf-8", errors="replace") as f:
        for line in f:
            p = line.split()
            if len(p) < 4 or p[1] != "GET":
                continue
            t = float(p[0])
            m = uri.match(p[2])
            if not m or t < a.start or t > a.end:
                continue
            times[int(m.group(1))].append(t)
            statuses[p[3]] += 1

    slack = 1.5 * a.interval
    counts, late, worst = [], [], 0.0
    for n in range(1, a.feeds + 1):
        ts = sorted(times.get(n, []))
        counts.append(len(ts))
        if not ts:
            late.append(n)
            continue
        edges = [ts[0] - a.start, a.end - ts[-1]]
        gaps = [b - x for x, b in zip(ts, ts[1:])]
        g = max(gaps + edges)
        worst = max(worst, max(gaps) if gaps else 0.0)
        if g > slack:
            late.append(n)
    print("feeds %d/%d polled, %d on time every %.0fs; polls per feed "
          "min %d median %d max %d; longest gap %.1fs; statuses %s"
          % (len(times), a.feeds, a.feeds - len(late), a.interval,
             min(counts), statistics.median(counts), max(counts), worst,
             " ".join("%s:%d" % kv for kv in sorted(statuses.items()))))
    if late:
        print("late or missing: %s%s" % (" ".join("f%d" % n for n in late[:20]),
                                         " ..." if len(late) > 20 else ""),
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
