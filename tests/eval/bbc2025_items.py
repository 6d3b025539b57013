#!/usr/bin/env python3
"""bbc2025_items: turn a public scrape of BBC News articles of January to
March 2025 (a CSV with the columns url, content, headline,
publish_date; LABELS-bbc2025.md says where it is) into the feed CSV
that bbc_eval.py reads (title, pubDate, guid, link, description).

An item is what a feed without full text gives: the headline as title,
and as description the lead, the article's first sentences up to 200
characters or more (at most 500).  The scrape runs paragraphs together
("century.The decision"); a space is put back after a sentence's end
before a capital.  The guid is the article's address; an address seen
twice is read once.  With --full the description is the whole text (so
spaced), as a feed with full content gives it: what
fulltext_judged.py reads.

usage: bbc2025_items.py [--full] SCRAPE.csv > items.csv
"""

import csv
import datetime
import email.utils
import re
import sys

END_RUN_ON = re.compile(r'([.?!]["\u201d\u2019]?)(?=[A-Z\u201c"])')
SENTENCE_GAP = re.compile(
    r'(?:(?<=[.?!])|(?<=[.?!]["\u201d\u2019]))\s+(?=[A-Z\u201c"])')
LEAD_AT_LEAST = 200
LEAD_AT_MOST = 500


def lead(content):
    """The first sentences of an article's text, as a feed's summary."""
    text = END_RUN_ON.sub(r"\1 ", content)
    out = ""
    for sentence in SENTENCE_GAP.split(text):
        if len(out) >= LEAD_AT_LEAST:
            break
        out = (out + " " + sentence).strip()
    if len(out) > LEAD_AT_MOST:
        out = out[:LEAD_AT_MOST].rsplit(" ", 1)[0] + " ..."
    return out


def rfc822(day):
    """publish_date (YYYY-MM-DD, or NaN when the scrape has none) as a
    feed's pubDate; empty when there is none."""
    try:
        when = datetime.datetime.strptime(day, "%Y-%m-%d")
    except ValueError:
        return ""
    return email.utils.format_datetime(
        when.replace(tzinfo=datetime.timezone.utc))


def full(content):
    """The whole text of an article, its run-on sentences spaced."""
    return END_RUN_ON.sub(r"\1 ", content).strip()


def main():
    args = sys.argv[1:]
    whole = args[:1] == ["--full"]
    if whole:
        args = args[1:]
    if len(args) != 1:
        sys.stderr.write("usage: bbc2025_items.py [--full] SCRAPE.csv "
                         "> items.csv\n")
        return 2
    seen = set()
    out = csv.DictWriter(sys.stdout, lineterminator="\r\n", fieldnames=[
        "title", "pubDate", "guid", "link", "description"])
    out.writeheader()
    with open(args[0], encoding="utf-8", errors="replace",
              newline="") as fp:
        for rec in csv.DictReader(fp):
            url = rec["url"].strip()
            if url in seen or not rec["headline"].strip():
                continue
            seen.add(url)
            out.writerow({"title": rec["headline"].strip(),
                          "pubDate": rfc822(rec["publish_date"]),
                          "guid": url, "link": url,
                          "description": (full if whole else lead)(
                              rec["content"])})
    return 0


if __name__ == "__main__":
    sys.exit(main())
