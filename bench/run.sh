#!/bin/sh
# run.sh: every benchmark, in order, then the table (`make bench`).
#
#   BENCHMARKS="parse poll match latency steady"   which ones (default: all)
#   RUNS=5 FEEDS=1000 BIG_MB=50 STEADY_SECONDS=600 TRIALS=20
#   BENCH_WORK=/var/tmp/bench-brink                 corpus, scratch, results
#
# Each benchmark skips what brinkd cannot do yet and still measures the
# peers.  Results accumulate in $BENCH_WORK/results.tsv; this run's are
# printed as a table at the end.
set -eu
BENCH=$(cd "$(dirname "$0")" && pwd)
: "${BENCH_WORK:=/var/tmp/bench-brink}"
: "${RESULTS:=$BENCH_WORK/results.tsv}"
: "${BENCHMARKS:=parse poll match latency steady}"
: "${PYTHON3:=python3}"
export BENCH_WORK RESULTS

mkdir -p "$BENCH_WORK"
[ -f "$RESULTS" ] && mv "$RESULTS" "$RESULTS.old"
: > "$RESULTS"
status=0
for b in $BENCHMARKS; do
	if [ ! -f "$BENCH/$b.sh" ]; then
		echo "run: no bench/$b.sh, skipped" >&2
		continue
	fi
	echo "run: $b" >&2
	sh "$BENCH/$b.sh" || { echo "run: $b failed" >&2; status=1; }
done
"$PYTHON3" "$BENCH/report.py" "$RESULTS"
exit $status
