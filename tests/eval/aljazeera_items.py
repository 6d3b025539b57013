#!/usr/bin/env python3
"""aljazeera_items: turn a public table of Al Jazeera items about Israel
and the Palestinians, May 2021 to December 2023 (a CSV with the columns
headline, description, date as DD-MM-YYYY; LABELS-aljazeera.md says
where it is) into the feed CSV that bbc_eval.py reads (title, pubDate,
guid, link, description).

The title is the headline, the description the site's one-sentence
standfirst, both with the soft hyphens the site puts in for line
breaking removed and spaces collapsed.  The table gives no address, so
the guid is "aj:" and the first 16 hex digits of the SHA-1 of the
cleaned headline, and the link is empty; a headline seen twice is read
once (the first).

With --exclude FILE (gaza-news.txt of LABELS-gaza.md: date, outlet,
title, address, tab-separated), an item whose headline is also a title
there (compared in lower case, letters and digits only, the " - outlet"
tail dropped) is left out, since the Gaza yardstick already holds it.

usage: aljazeera_items.py [--exclude gaza-news.txt] TABLE.csv > items.csv
"""

import csv
import hashlib
import re
import sys

import bbc2025_items
import gaza_eval


def clean(s):
    """Text without soft hyphens, with its spaces collapsed."""
    return re.sub(r"\s+", " ", (s or "").replace("\u00ad", "")).strip()


def guid(title):
    return "aj:" + hashlib.sha1(clean(title).encode("utf-8")).hexdigest()[:16]


def norm(s):
    return re.sub(r"[^a-z0-9]+", " ", s.lower()).strip()


def excluded(path):
    """The normalised titles of the Gaza headlines (gaza_eval reads
    them, the outlet's tail dropped), or none."""
    if not path:
        return set()
    return {norm(title) for _, title, _ in
            gaza_eval.read_items(path).values()}


def pubdate(day):
    """The table's DD-MM-YYYY as a feed's pubDate; empty if it is not
    a date."""
    m = re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{4})", day.strip())
    return bbc2025_items.rfc822("%s-%s-%s" % (m[3], m[2], m[1])) \
        if m else ""


def main(argv):
    exclude = None
    if argv[:1] == ["--exclude"] and len(argv) > 2:
        exclude, argv = argv[1], argv[2:]
    if len(argv) != 1:
        sys.stderr.write(__doc__.strip().splitlines()[-1] + "\n")
        return 2
    skip = excluded(exclude)
    out = csv.writer(sys.stdout)
    out.writerow(["title", "pubDate", "guid", "link", "description"])
    seen = set()
    with open(argv[0], encoding="utf-8", newline="") as fp:
        for rec in csv.DictReader(fp):
            title = clean(rec["headline"])
            key = guid(title)
            if key in seen or norm(title) in skip:
                continue
            seen.add(key)
            out.writerow([title, pubdate(rec["date"]), key, "",
                          clean(rec["description"])])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
