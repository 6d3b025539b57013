#!/bin/sh
# story.sh: does joining an alert to its story stay flat as the story
# table grows?  Runs tests/story_bench (built by `make check`, or
# `make tests/story_bench`): $STORIES alerts (default 100,000) joined,
# one transaction each, into a fresh store; it prints the mean join and
# commit at each tenfold of the table.  A benchmark: it asserts nothing.
#
#   STORIES=100000   how many
#   UNNAMED=0        every UNNAMED-th alert names only a role (0: none)
#   STORY_BENCH=...  the program (default $top_builddir/tests/story_bench)
set -eu

BENCH=$(cd "$(dirname "$0")" && pwd)
: "${top_srcdir:=$(cd "$BENCH/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
: "${STORY_BENCH:=$top_builddir/tests/story_bench}"
: "${STORIES:=100000}"
: "${UNNAMED:=0}"
: "${GNU_TIME:=/usr/bin/time}"

if [ ! -x "$STORY_BENCH" ]; then
	echo "story: $STORY_BENCH not built (make tests/story_bench)" >&2
	exit 1
fi
out=$(mktemp "${TMPDIR:-/tmp}/story-bench.XXXXXX")
trap 'rm -f "$out" "$out.time"' EXIT
echo "story: $STORIES stories, UNNAMED=$UNNAMED, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
# The whole run's CPU time beside the per-join wall times: on a shared
# machine the wall times carry others' load, CPU time much less.
if [ -x "$GNU_TIME" ]; then
	"$GNU_TIME" -f '%e %U %S' -o "$out.time" "$STORY_BENCH" "$STORIES" \
	    "$UNNAMED" | tee "$out"
	read -r wall user sys < "$out.time"
	echo "story: ${wall} s wall, $(awk -v u="$user" -v s="$sys" \
	    'BEGIN { print u + s }') s CPU in all"
else
	"$STORY_BENCH" "$STORIES" "$UNNAMED" | tee "$out"
fi
# A "# ..." line (the stories the alerts made) is no tenfold.
awk '/^#/ { next }
	NR == 2 { j = $2; c = $3 }
	{ lj = $2; lc = $3 }
	END { if (j > 0 && c > 0)
	printf "story: the last tenfold against the first thousand: join " \
	    "%.2fx, commit %.2fx\n", lj / j, lc / c }' "$out"
