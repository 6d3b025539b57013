#!/usr/bin/env python3
"""fulltext_judged: brink's de-escalation hits on the full text of the
BBC News articles of January to March 2025, as a feed with full content
gives them, scored against one reader's judgement of each hit's
sentence (bbc-2025-fulltext-judged.tsv beside this script;
LABELS-bbc2025.md says how it was made).

The judgements were made with brink's output in view, sentence by
sentence: they measure precision only (how many of the hits are right),
not recall.  A sentence is known by its article's address and the first
10 hex digits of the SHA-1 of its text with white space collapsed, so
no text is kept here.

All the articles go through `brinkd -c CONFIG --match` as the items of
one feed (title, and the whole text as description), from the CSV that
`bbc2025_items.py --full` makes of the scrape.  It prints how many
de-escalation hits were judged right, wrong, or not judged (a sentence
a later rule reaches), the judged precision, and with -v the wrong and
unjudged ones (rule, reason of the judgement, start of the sentence, to
the terminal only).

Exit status: 0; 2 when brinkd fails or an input cannot be read; 77 when
the CSV is absent.

usage: fulltext_judged.py --csv FILE [--brinkd PATH] [--config FILE]
                          [--judged FILE] [-v]
"""

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile

import agnews_eval
import bbc_eval

HERE = agnews_eval.HERE
TOP = agnews_eval.TOP


def sentence_key(text):
    """The first 10 hex digits of the SHA-1 of text, white space
    collapsed."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")) \
        .hexdigest()[:10]


def read_judged(path):
    """{(guid, sentence key): (judgement, reason)}."""
    judged = {}
    for n, f in agnews_eval.tsv_rows(path):
        if len(f) != 4 or f[2] not in "01" or len(f[1]) != 10:
            raise ValueError("%s:%d: want guid<TAB>sha1-10<TAB>0|1<TAB>"
                             "reason, got %r" % (path, n, "\t".join(f)))
        judged[(f[0], f[1])] = (f[2] == "1", f[3])
    return judged


def deescalation_hits(brinkd, config, items):
    """[(guid, rule, sentence)] of the de-escalation hits."""
    hits = []
    with tempfile.TemporaryDirectory(prefix="fulltext-") as tmp:
        feed = os.path.join(tmp, "bbc2025.xml")
        agnews_eval.write_feed(feed, list(items), items)
        proc = subprocess.run([brinkd, "-c", config, "--match", feed],
                              stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=3600)
    if proc.returncode != 0:
        raise RuntimeError("brinkd exited %d: %s" % (
            proc.returncode, proc.stderr.decode("utf-8", "replace")))
    for line in proc.stdout.decode("utf-8").splitlines():
        alert = json.loads(line)
        for h in alert["hits"]:
            if h["category"] == "deescalation":
                hits.append((alert["item"]["id"], h["rule"],
                             h["sentence"]))
    return hits


def main():
    ap = argparse.ArgumentParser(
        description="brink's de-escalation hits on the full text of BBC "
        "articles of 2025, against judged sentences (evaluation only)")
    ap.add_argument("--csv", required=True,
                    help="what bbc2025_items.py --full makes")
    ap.add_argument("--brinkd", default=os.path.join(TOP, "src", "brinkd"))
    ap.add_argument("--config")
    ap.add_argument("--judged", default=os.path.join(
        HERE, "bbc-2025-fulltext-judged.tsv"))
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    if not os.path.exists(args.csv):
        return agnews_eval.text_absent("fulltext_judged", args.csv,
                                       "the articles are",
                                       "LABELS-bbc2025.md")
    try:
        items = bbc_eval.read_items(args.csv)
        judged = read_judged(args.judged)
        with tempfile.TemporaryDirectory(prefix="fulltext-conf-") as tmp:
            config = args.config or agnews_eval.default_config(tmp)
            hits = deescalation_hits(args.brinkd, config, items)
    except (OSError, ValueError, RuntimeError) as e:
        sys.stderr.write("fulltext_judged: %s\n" % e)
        return 2
    right = wrong = unjudged = 0
    for guid, rule, sentence in hits:
        j = judged.get((guid, sentence_key(sentence)))
        if j is None:
            unjudged += 1
        elif j[0]:
            right += 1
        else:
            wrong += 1
        if args.verbose and not (j and j[0]):
            print("  %-9s %-24s %-18s %s" % (
                "unjudged" if j is None else "wrong", rule,
                "" if j is None else j[1], sentence[:100]))
    n = right + wrong
    print("de-escalation hits: %d judged right, %d judged wrong, %d not "
          "judged; judged precision %.2f (%d/%d)" % (
              right, wrong, unjudged, right / n if n else 0.0, right, n))
    return 0


if __name__ == "__main__":
    sys.exit(main())
