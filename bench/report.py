#!/usr/bin/env python3
"""report.py: print bench results (results.tsv) as a Markdown table, with
brinkd's ratio to the fastest peer of the same figure (a tool marked
"(floor)" is no peer: it shows the limit, not a feed watcher).

  report.py RESULTS

A results line is: figure, tool, wall s, cpu s, peak RSS KB, runs, extra
(the last four or five fields empty for figures that are not timings).
"""

import sys


def main():
    rows = []
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) >= 7:
                rows.append(p[:7])
    print("| figure | tool | wall s | CPU s | peak RSS MB | runs | brink/best peer (wall) | notes |")
    print("|---|---|---:|---:|---:|---:|---:|---|")
    for fig, tool, wall, cpu, rss, runs, extra in rows:
        ratio = ""
        if wall and tool.startswith("brinkd"):
            peers = [float(r[2]) for r in rows
                     if r[0] == fig and r[2] and not r[1].startswith("brinkd")
                     and "(floor)" not in r[1]]
            if peers:
                ratio = "%.3f" % (float(wall) / min(peers))
        mb = "%.1f" % (int(rss) / 1024) if rss else ""
        print("| %s | %s | %s | %s | %s | %s | %s | %s |"
              % (fig, tool, wall, cpu, mb, runs, ratio, extra))
    return 0


if __name__ == "__main__":
    sys.exit(main())
