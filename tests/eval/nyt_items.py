#!/usr/bin/env python3
"""nyt_items: turn a public table of New York Times items about Russia
and Ukraine, February to July 2022 (LABELS-nyt.md says where it is) into
the feed CSV that bbc_eval.py reads (title, pubDate, guid, link,
description).

The table's header is one column off its contents: under URL, Date,
Title and Text it holds the publication time (ISO 8601), the headline,
the lead paragraph and the abstract (the one-sentence summary the
paper's feeds give as description).  The title is the headline, the
description the abstract, spaces collapsed.  The table gives no
address, so the guid is "nyt:" and the first 16 hex digits of the SHA-1
of the headline, and the link is empty; a headline seen twice is read
once (the first).

With --sample, only the labelled sample of LABELS-nyt.md is written:
the items whose headline or abstract has a word of threats or of steps
down (SCREEN below).  An item outside it has no label, so the sample
alone is measured.

usage: nyt_items.py [--sample] TABLE.csv > items.csv
"""

import csv
import hashlib
import re
import sys

import bbc2025_items

# The word screen of the sample: threats, warnings and force to come;
# truces, talks, deals, captives and their exchange.  A word that starts
# with one of these stems; case is ignored.  Words of war itself (war,
# invasion, attack, strike, missile) are left out: nearly every item of
# the table has one.
SCREEN = re.compile(
    r"\b(threat|warn|vow|ultimat|deadline|revenge|retaliat|reprisal|"
    r"nuclear|escalat|de-escalat|ceasefire|cease-fire|truce|talk|"
    r"negotiat|peace|mediat|diplomac|deal|agree|accord|surrender|"
    r"withdraw|pull back|stand down|call(?:s|ed|ing)? off|halt|pause|"
    r"suspend|evacuat|corridor|prisoner|captive|hostage|swap|exchange|"
    r"annex|mobiliz|counterstrike|offensive|red line|consequence)",
    re.IGNORECASE)

csv.field_size_limit(1 << 26)


def clean(s):
    """Text with its spaces collapsed."""
    return re.sub(r"\s+", " ", s or "").strip()


def guid(title):
    digest = hashlib.sha1(clean(title).encode("utf-8")).hexdigest()
    return "nyt:" + digest[:16]


def items(path):
    """[(title, pubDate, guid, abstract)] of the table, first of each
    headline."""
    out, seen = [], set()
    with open(path, encoding="utf-8", newline="") as fp:
        for rec in csv.DictReader(fp):
            title = clean(rec["Date"])
            key = guid(title)
            if not title or key in seen:
                continue
            seen.add(key)
            day = bbc2025_items.rfc822(rec["URL"][:10])
            out.append((title, day, key, clean(rec["Text"])))
    return out


def sample(rows):
    """The items the screen passes, in table order."""
    return [r for r in rows if SCREEN.search(r[0] + " " + r[3])]


def main(argv):
    take = False
    if argv[:1] == ["--sample"]:
        take, argv = True, argv[1:]
    if len(argv) != 1:
        sys.stderr.write(__doc__.strip().splitlines()[-1] + "\n")
        return 2
    rows = items(argv[0])
    if take:
        rows = sample(rows)
    out = csv.writer(sys.stdout)
    out.writerow(["title", "pubDate", "guid", "link", "description"])
    for title, day, key, desc in rows:
        out.writerow([title, day, key, "", desc])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
