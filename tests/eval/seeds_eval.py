#!/usr/bin/env python3
"""seeds_eval: brink's rules measured sentence by sentence on modern
news: the five seed articles in ../shared/corpus/seeds (2023-2024
reporting on Iran, Israel, Hamas and Hezbollah), whose sentences were
labelled by hand (seeds-sentences.tsv beside this script, made under
LABELS.md, "The seed sentences").

Each seed is split into sentences (at line breaks, and at a full stop,
question or exclamation mark followed by a capital, not after a title or
an initial); a sentence that recurs within a seed is scored once.  Every
sentence goes alone, as the description of one item of a temporary RSS
feed (guid = seed and sentence number), through one
`brinkd -c CONFIG --match FEED`: a sentence is judged without the
sentences around it, as on a set of independent sentences.  It prints,
for

  - alarm: a hit of category threat or retaliation, against `threat`;
  - de-escalation: a hit of category deescalation, against `deesc`,

precision, recall and F1 with their counts.  -v lists the misses and
the false alarms: seed, sentence number, the rules that fired, the
sentence.

When ../shared/eval/plover/labels.jsonl is present, PLOVER's sentences
coded "other" (neither threat nor cooperative) go through brinkd the
same way and the report counts those with an alarm and those with a
de-escalation hit: false alarms on modern text that is neither.

The seeds' text is read from ../shared and printed to the terminal
only: the label file keys a sentence by a hash, never by its words.

Exit status: 0; 2 when brinkd fails, an input cannot be read, or a
labelled sentence is no longer in its seed (the seed or the split
changed: the labels must be redone); 77 when the seeds are absent.

usage: seeds_eval.py [--brinkd PATH] [--config FILE] [--seeds DIR]
                     [--labels FILE] [--plover FILE] [-v]
"""

import argparse
import hashlib
import json
import os
import re
import sys
import tempfile

import agnews_eval

HERE = agnews_eval.HERE
TOP = agnews_eval.TOP
SHARED = os.path.join(os.path.dirname(TOP), "shared")

ALARM = agnews_eval.ALARM
DEESC = agnews_eval.DEESC
rules_of = agnews_eval.rules_of
score = agnews_eval.score

# A full stop ends no sentence after a title, a month or an initial
# ("Mr Cleverly" needs none, "Gen. Smith" and "U.S. officials" do).
ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|Capt|Prof|Rep|Sen|Gov|St|Jan|"
    r"Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|vs|etc|Inc|Ltd|Co)"
    r"|\b[A-Z](?:\.[A-Z])*)\.$")
# The end of a sentence: the mark, any closing quotes or brackets, space,
# then what may open the next one.
SENTENCE_END = re.compile(r'[.!?]["\u201d\u2019)\]]*\s+'
                          r'(?=["\u201c\u2018(\[]?[A-Z0-9])')


def split_sentences(text):
    """The sentences of text, in order, white space collapsed."""
    out = []
    for para in text.split("\n"):
        para = " ".join(para.split())
        start = 0
        for m in SENTENCE_END.finditer(para):
            if ABBREV.search(para[start:m.start() + 1]):
                continue
            out.append(para[start:m.end()].strip())
            start = m.end()
        if para[start:].strip():
            out.append(para[start:].strip())
    return out


def sentence_key(sentence):
    return hashlib.sha1(" ".join(sentence.split()).encode("utf-8")
                        ).hexdigest()[:10]


def read_labels(path):
    """[(seed, n, key, threat, deesc, actor)] in file order."""
    rows, seen = [], set()
    with open(path, encoding="utf-8") as fp:
        for n, line in enumerate(fp, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#") or line.startswith("seed\t"):
                continue
            f = line.split("\t")
            if len(f) != 6 or not f[1].isdigit() or f[3] not in "01" or \
                    f[4] not in "01" or len(f[3]) != 1 or len(f[4]) != 1:
                raise ValueError("%s:%d: want seed<TAB>n<TAB>sha1<TAB>"
                                 "threat<TAB>deesc<TAB>actor, got %r"
                                 % (path, n, line))
            if (f[0], f[2]) in seen:
                raise ValueError("%s:%d: %s sentence %s labelled twice"
                                 % (path, n, f[0], f[2]))
            seen.add((f[0], f[2]))
            rows.append((f[0], int(f[1]), f[2], f[3] == "1", f[4] == "1",
                         f[5]))
    return rows


def seed_sentences(seeds, labels):
    """{(seed, key): sentence} for every labelled sentence; an error
    names the first one its seed no longer holds."""
    text = {}
    for seed in sorted({r[0] for r in labels}):
        with open(os.path.join(seeds, seed), encoding="utf-8") as fp:
            for s in split_sentences(fp.read()):
                text.setdefault((seed, sentence_key(s)), s)
    for seed, n, key, _, _, _ in labels:
        if (seed, key) not in text:
            raise ValueError("%s sentence %d (%s) is not in the seed as "
                             "split now: the seed or the split changed; "
                             "label it again" % (seed, n, key))
    return text


def run_sentences(brinkd, config, sentences):
    """{guid: [(rule, category), ...]} for the sentences (a list of
    (guid, text)) on which a rule fired; one brinkd for all, each
    sentence an item of its own with no title."""
    with tempfile.TemporaryDirectory(prefix="seeds-") as tmp:
        feed = os.path.join(tmp, "sentences.xml")
        agnews_eval.write_feed(feed, [g for g, _ in sentences],
                               {g: (None, "", t) for g, t in sentences})
        return agnews_eval.run_feed(brinkd, config, feed)


def plover_other(path, brinkd, config, verbose):
    """Count the alarms and de-escalations on PLOVER's "other"."""
    with open(path, encoding="utf-8") as fp:
        rows = [json.loads(line) for line in fp if line.strip()]
    other = [("p%d" % i, r["text"]) for i, r in enumerate(rows)
             if r.get("label") == "other"]
    fired = run_sentences(brinkd, config, other)
    text = dict(other)
    for name, want in (("alarm", lambda c: c in ALARM),
                       ("deescalation", lambda c: c == DEESC)):
        hit = [g for g, _ in other if rules_of(fired.get(g, []), want)]
        print("plover other: %-13s %d of %d sentences"
              % (name, len(hit), len(other)))
        if verbose:
            for g in hit:
                print("  %-28s %s" % (",".join(rules_of(fired[g], want)),
                                       text[g]))


def main():
    ap = argparse.ArgumentParser(
        description="brink's rules on the seed articles' sentences "
        "(evaluation only)")
    ap.add_argument("--brinkd", default=os.path.join(TOP, "src", "brinkd"))
    ap.add_argument("--config", default=os.path.join(TOP, "etc",
                                                     "brink.conf"))
    ap.add_argument("--seeds", default=os.path.join(SHARED, "corpus",
                                                    "seeds"))
    ap.add_argument("--labels",
                    default=os.path.join(HERE, "seeds-sentences.tsv"))
    ap.add_argument("--plover", default=os.path.join(SHARED, "eval",
                                                     "plover",
                                                     "labels.jsonl"))
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    if not os.path.isdir(args.seeds):
        sys.stderr.write("seeds_eval: %s is absent: the seed articles are "
                         "kept outside the repository, in "
                         "../shared/corpus/seeds beside it; nothing to "
                         "measure\n" % args.seeds)
        return 77
    try:
        labels = read_labels(args.labels)
        sentences = seed_sentences(args.seeds, labels)
        text, rows, threat, deesc = {}, [], {}, {}
        for seed, n, key, t, d, _ in labels:
            guid = "%s:%d" % (seed[:3], n)
            text[guid] = sentences[(seed, key)]
            rows.append(guid)
            threat[guid], deesc[guid] = t, d
        fired = run_sentences(args.brinkd, args.config,
                              [(g, text[g]) for g in rows])
        print("%d labelled sentences of %d seeds: %d threat, %d deesc"
              % (len(rows), len({r[0] for r in labels}),
                 sum(threat.values()), sum(deesc.values())))
        score("alarm", rows, threat, fired, lambda c: c in ALARM, text,
              args.verbose)
        score("deescalation", rows, deesc, fired, lambda c: c == DEESC,
              text, args.verbose)
        if os.path.exists(args.plover):
            plover_other(args.plover, args.brinkd, args.config,
                         args.verbose)
        else:
            print("plover other: %s absent, not counted" % args.plover)
    except (OSError, ValueError, RuntimeError) as e:
        sys.stderr.write("seeds_eval: %s\n" % e)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
