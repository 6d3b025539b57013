#!/bin/sh
# feedparser.sh: brinkd --parse against the peer suite (real test feeds
# from a widely used feed parser, with the items it extracts), when the
# shared folder beside the repository has it.  Fails under 95% agreement
# on title, link, id, published, updated or summary, or on any crash.
. "$top_srcdir/tests/lib.sh"

suite="$BRINK_SHARED/eval/feedparser"
[ -f "$suite/expected.jsonl" ] ||
    skip "no peer suite at $suite (set BRINK_SHARED to the shared folder that holds eval/feedparser to run it)"
command -v "$PYTHON3" >/dev/null 2>&1 || skip "python3 not installed"
[ -x "$BRINKD" ] || hard_error "no brinkd at $BRINKD"

"$PYTHON3" "$top_srcdir/tests/eval/feedparser_compare.py" \
    --brinkd "$BRINKD" --suite "$suite" --threshold 0.95
