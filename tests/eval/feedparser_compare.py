#!/usr/bin/env python3
"""Compare `brinkd --parse` with the peer suite in ../shared/eval/feedparser.

The suite (its README.md says how it was made) holds real test feeds from a
widely used feed parser and expected.jsonl, the items that parser extracts.
This script runs brinkd on every file, pairs its items with the expected
ones and reports agreement per field, as the README prescribes:

  title, summary, author   equal after collapsing white space and NFC
  id, link, published, updated   exactly equal
  categories               equal as sets of collapsed NFC strings

Exit 1 if any of title, link, id, published, updated or summary agrees on
fewer than --threshold of the expected items, or if brinkd crashed or hung
on any file.  Only the Python standard library is used.
"""

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import unicodedata

FIELDS = ["title", "link", "id", "published", "updated", "summary",
          "author", "categories"]
GATED = ["title", "link", "id", "published", "updated", "summary"]
TIME_LIMIT = 10                 # seconds per file
MEMORY_LIMIT = 512 << 20        # bytes of address space per run
SPACE_RUN = re.compile(r"\s+", re.UNICODE)
SANITIZER_REPORT = re.compile(
    r"ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:|"
    r"SUMMARY: UndefinedBehaviorSanitizer")


def text(value):
    if value is None:
        return None
    return unicodedata.normalize("NFC", SPACE_RUN.sub(" ", value).strip())


def same(field, want, got):
    if field in ("title", "summary", "author"):
        return text(want) == text(got)
    if field == "categories":
        return ({text(c) for c in want or []} ==
                {text(c) for c in got or []})
    return want == got


def is_asan_build(path):
    """ASan reserves terabytes of shadow address space, so `ulimit -v`
    would stop it from starting; such builds get ASan's own RSS cap."""
    try:
        with open(path, "rb") as f:
            return b"__asan_init" in f.read()
    except OSError:
        return False


def run(brinkd, path, asan):
    env = dict(os.environ)

    def limit():
        if not asan:
            resource.setrlimit(resource.RLIMIT_AS,
                               (MEMORY_LIMIT, MEMORY_LIMIT))

    if asan:
        opts = env.get("ASAN_OPTIONS", "")
        env["ASAN_OPTIONS"] = (opts + ":" if opts else "") + \
            "hard_rss_limit_mb=%d" % (MEMORY_LIMIT >> 20)
    try:
        proc = subprocess.run([brinkd, "--parse", path], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              preexec_fn=limit, timeout=TIME_LIMIT)
    except subprocess.TimeoutExpired:
        return None, [], "timed out after %d s" % TIME_LIMIT
    stderr = proc.stderr.decode("utf-8", "replace")
    items, bad = [], None
    for line in proc.stdout.decode("utf-8", "replace").splitlines():
        try:
            items.append(json.loads(line))
        except ValueError:
            bad = "output line is not JSON: %r" % line[:80]
    return proc.returncode, items, stderr if bad is None else bad + \
        "\n" + stderr


def align(expected, got):
    """Pairs (expected item, output item or None), in expected order.
    With equal counts, by position; otherwise on id, link or title first,
    then whatever is left, in order."""
    if len(expected) == len(got):
        return list(zip(expected, got))
    used = set()
    pairs = [None] * len(expected)
    for key in ("id", "link", "title"):
        for i, want in enumerate(expected):
            if pairs[i] is not None or not want.get(key):
                continue
            for j, item in enumerate(got):
                if j not in used and item.get(key) == want[key]:
                    pairs[i] = item
                    used.add(j)
                    break
    rest = [item for j, item in enumerate(got) if j not in used]
    for i in range(len(expected)):
        if pairs[i] is None and rest:
            pairs[i] = rest.pop(0)
    return list(zip(expected, pairs))


def short(value, width=70):
    s = json.dumps(value, ensure_ascii=False)
    return s if len(s) <= width else s[:width - 3] + "..."


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--brinkd", required=True, help="path to brinkd")
    ap.add_argument("--suite", required=True,
                    help="the peer suite (holds expected.jsonl)")
    ap.add_argument("--threshold", type=float, default=0.95,
                    help="lowest agreement allowed per gated field")
    ap.add_argument("--verbose", action="store_true",
                    help="list every mismatch, not only the worst")
    args = ap.parse_args()

    expected_path = os.path.join(args.suite, "expected.jsonl")
    try:
        with open(expected_path, encoding="utf-8") as f:
            cases = [json.loads(line) for line in f if line.strip()]
    except (OSError, ValueError) as e:
        print("feedparser_compare: cannot read %s: %s" % (expected_path, e),
              file=sys.stderr)
        return 2
    if not os.access(args.brinkd, os.X_OK):
        print("feedparser_compare: %s is not an executable brinkd"
              % args.brinkd, file=sys.stderr)
        return 2
    asan = is_asan_build(args.brinkd)

    agree = {f: 0 for f in FIELDS}
    total_items = 0
    full_match = 0
    wrong_status, crashes, mismatches = [], [], []

    for case in cases:
        path = os.path.join(args.suite, case["file"])
        status, items, stderr = run(args.brinkd, path, asan)
        if status is None or (status is not None and status < 0) or \
                SANITIZER_REPORT.search(stderr or ""):
            what = stderr if status is None else \
                "status %s: %s" % (status, (stderr or "").strip()[-300:])
            crashes.append((case["file"], what))
        if case["status"] == "error":
            lines = (stderr or "").strip().splitlines()
            if status in (None, 0) or status < 0 or len(lines) != 1:
                wrong_status.append((case["file"],
                                     "want non-zero and one stderr line, "
                                     "got status %s and %d line(s)"
                                     % (status, len(lines))))
            continue
        if status != 0:
            wrong_status.append((case["file"], "want 0, got %s: %s" % (
                status, (stderr or "").strip()[:200])))
        if len(items) != len(case["items"]):
            mismatches.append((len(FIELDS), case["file"], "count",
                               len(case["items"]), len(items)))
        for want, got in align(case["items"], items):
            total_items += 1
            bad = 0
            for field in FIELDS:
                g = got.get(field) if got is not None else None
                if got is not None and same(field, want[field], g):
                    agree[field] += 1
                else:
                    bad += 1
                    mismatches.append((1, case["file"], field, want[field],
                                       g if got is not None else
                                       "(no item)"))
            if bad == 0:
                full_match += 1

    print("peer suite: %s (%d files, %d expected items)"
          % (args.suite, len(cases), total_items))
    print("brinkd: %s%s" % (args.brinkd,
                            " (ASan build: RSS capped by ASan, not ulimit -v)"
                            if asan else ""))
    failed = False
    for field in FIELDS:
        share = agree[field] / total_items if total_items else 0.0
        gate = field in GATED
        low = gate and share < args.threshold
        failed |= low
        print("  %-11s %5.1f%%  (%d/%d)%s" % (
            field, 100 * share, agree[field], total_items,
            "  BELOW %g%%" % (100 * args.threshold) if low else
            "" if gate else "  (not gated)"))
    print("  all fields  %5.1f%%  (%d/%d items match on every field)" % (
        100 * full_match / total_items if total_items else 0, full_match,
        total_items))
    print("wrong exit status: %d file(s)" % len(wrong_status))
    for name, why in wrong_status:
        print("  %s: %s" % (name, why))
    print("crashes and timeouts: %d" % len(crashes))
    for name, why in crashes:
        print("  %s: %s" % (name, why))
    failed |= bool(crashes)

    # Files with the most disagreeing fields first.
    per_file = {}
    for m in mismatches:
        per_file[m[1]] = per_file.get(m[1], 0) + m[0]
    mismatches.sort(key=lambda m: (-per_file[m[1]], m[1]))
    shown = mismatches if args.verbose else mismatches[:25]
    if shown:
        print("mismatches (%s of %d):" % ("all" if args.verbose else
                                          "worst %d" % len(shown),
                                          len(mismatches)))
    for _, name, field, want, got in shown:
        print("  %s %s:\n      want %s\n      got  %s" % (
            name, field, short(want), short(got)))
    print("result: %s" % ("FAIL" if failed else "ok"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
