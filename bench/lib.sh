# bench/lib.sh: what the benchmark scripts share.  Source it first:
#
#	. "$(dirname "$0")/lib.sh"
#
# It gives each script a work directory ($W, kept under $BENCH_WORK), a
# teardown that stops every server the script started (by pid), timing of
# a command with GNU time, medians, and a results file ($RESULTS, one
# tab-separated line per figure) that bench/report.py turns into a table.

set -eu

BENCH=$(cd "$(dirname "$0")" && pwd)
: "${top_srcdir:=$(cd "$BENCH/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
: "${BRINKD:=$top_builddir/src/brinkd}"
: "${PYTHON3:=python3}"
: "${NGINX:=$(command -v nginx || echo /usr/sbin/nginx)}"
: "${GNU_TIME:=/usr/bin/time}"
: "${BENCH_WORK:=/var/tmp/bench-brink}"	# corpus and scratch
: "${RUNS:=5}"			# runs per figure; the median is reported
: "${FEEDS:=1000}"		# feeds in the poll benchmarks
: "${BIG_MB:=50}"		# size of the parse benchmark's feed
: "${RESULTS:=$BENCH_WORK/results.tsv}"

NAME=$(basename "$0" .sh)
mkdir -p "$BENCH_WORK"
W="$BENCH_WORK/$NAME"
rm -rf "$W"
mkdir -p "$W"
chmod 755 "$BENCH_WORK" "$W"	# nginx's workers read what we serve
CORPUS="$BENCH_WORK/corpus"
BENCH_PIDS=""

bench_teardown() {
	for pid in $BENCH_PIDS; do
		kill "$pid" 2>/dev/null || true
	done
	for pid in $BENCH_PIDS; do
		i=0
		while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do
			sleep 0.1; i=$((i + 1))
		done
		kill -9 "$pid" 2>/dev/null || true
	done
	if [ -n "${SERVE_DIR:-}" ]; then
		"$BENCH/serve.sh" stop "$SERVE_DIR" || true
	fi
}
trap bench_teardown EXIT
trap 'exit 130' INT TERM

track() { BENCH_PIDS="$BENCH_PIDS $1"; }
say() { printf '%s: %s\n' "$NAME" "$*" >&2; }
die() { say "$*"; exit 1; }

have_brinkd() {
	[ -x "$BRINKD" ] || return 1
	# The skeleton's modes are placeholders that say so and fail.
	"$BRINKD" "$@" >/dev/null 2>&1
}

# The corpus: $FEEDS feeds and a $BIG_MB MB feed, made once and reused.
ensure_corpus() {
	# The stamp names what made the corpus: a changed generator or size
	# makes a new one.
	stamp="$CORPUS/.made-$FEEDS-$BIG_MB-$(cksum < "$BENCH/gen_feeds.py" | cut -d' ' -f1)"
	if [ ! -f "$stamp" ]; then
		rm -rf "$CORPUS"
		"$PYTHON3" "$BENCH/gen_feeds.py" corpus "$CORPUS" \
		    --feeds "$FEEDS" --big-mb "$BIG_MB" >&2
		touch "$stamp"
	fi
	chmod -R a+rX "$CORPUS"
}

# serve ROOT: a private nginx on 127.0.0.1 for ROOT; sets PORT, NGINX_LOG.
serve() {
	SERVE_DIR="$W/nginx"
	PORT=$("$BENCH/serve.sh" start "$1" "$SERVE_DIR")
	NGINX_LOG="$SERVE_DIR/access.log"
}

# Empty nginx's access log (it appends, so truncating is safe).
log_reset() { : > "$NGINX_LOG"; }
# Requests in the log whose status is $1 (or all with no argument).
log_count() {
	if [ $# -eq 0 ]; then
		wc -l < "$NGINX_LOG" | tr -d ' '
	else
		awk -v s="$1" '$4 == s { n++ } END { print n + 0 }' "$NGINX_LOG"
	fi
}

# timed OUT COMMAND...: run the command under GNU time and append
# "wall_s user_s sys_s maxrss_kb" to OUT.  The command's own output goes
# to $W/last.out and $W/last.err; a failure is reported, not fatal, since
# a peer that fails a feed still did the work.
timed() {
	out=$1; shift
	st=0
	"$GNU_TIME" -f '%e %U %S %M' -o "$W/time.tmp" "$@" \
	    >"$W/last.out" 2>"$W/last.err" || st=$?
	if [ $st -ne 0 ]; then
		say "exit $st from $*: $(tail -n 3 "$W/last.err" | tr '\n' ' ')"
	fi
	# GNU time writes "Command exited with non-zero status" first then.
	tail -n 1 "$W/time.tmp" >> "$out"
	return 0
}

# record FIGURE TOOL TIMES [EXTRA]: the medians of a timed() file as one
# line of $RESULTS: figure, tool, wall s, cpu s, peak RSS KB, runs, extra.
record() {
	"$PYTHON3" - "$1" "$2" "$3" "${4:-}" "$RESULTS" <<'PY'
import statistics, sys
fig, tool, path, extra, results = sys.argv[1:6]
rows = [list(map(float, l.split())) for l in open(path) if l.strip()]
wall = statistics.median(r[0] for r in rows)
cpu = statistics.median(r[1] + r[2] for r in rows)
rss = statistics.median(r[3] for r in rows)
line = "%s\t%s\t%.3f\t%.3f\t%d\t%d\t%s" % (fig, tool, wall, cpu, rss,
                                          len(rows), extra)
with open(results, "a") as f:
    f.write(line + "\n")
print("%-14s %-22s wall %7.3f s  cpu %7.3f s  rss %7.1f MB  (median of %d) %s"
      % (fig, tool, wall, cpu, rss / 1024, len(rows), extra))
PY
}

# note FIGURE TOOL TEXT: a figure that is not a timing (counts, latency).
note() {
	printf '%s\t%s\t\t\t\t\t%s\n' "$1" "$2" "$3" >> "$RESULTS"
	printf '%-14s %-22s %s\n' "$1" "$2" "$3"
}
