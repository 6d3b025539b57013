#!/bin/sh
# bench/reload.sh: how long a reload (SIGHUP) of a running brinkd takes
# with N feeds, for N = 5,000 up to 20,000, to show whether matching the
# new configuration's feeds to the running ones grows linearly.  A
# benchmark, not a test: it prints figures for bench/README.md
# ("## Reload").
#
#   bench/reload.sh [N ...]     (default 5000 10000 20000)
#
# Each feed points at a closed port on 127.0.0.1, so its first poll ends
# at once in "connection refused" and no server is needed.  brinkd runs
# in the foreground; once every feed has had its first poll (every
# failure logged), it gets SIGHUP, and the figure is the time from the
# signal to "configuration reloaded", in wall-clock seconds and in CPU
# seconds of the daemon (from /proc).  BRINKD picks the binary (default
# src/brinkd; build it without the sanitizers for honest figures).
# LIMIT (default 1800) bounds each wait in seconds.
set -eu

cd "$(dirname "$0")/.."
top=$(pwd)
: "${BRINKD:=$top/src/brinkd}"
: "${LIMIT:=1800}"
T=$(mktemp -d "${TMPDIR:-/tmp}/brink-bench-reload.XXXXXX")
pid=""
trap '[ -z "$pid" ] || kill "$pid" 2>/dev/null || true; rm -rf "$T"' EXIT

[ -x "$BRINKD" ] || { echo "bench: build brinkd first ($BRINKD)" >&2; exit 1; }
[ $# -gt 0 ] || set -- 5000 10000 20000
hz=$(getconf CLK_TCK)

# cpu_ticks PID: user and system time of the process, in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# wait_lines N PATTERN: until the log has N lines matching PATTERN.
wait_lines() {
	i=0
	while [ "$(grep -c "$2" "$T/log" || true)" -lt "$1" ]; do
		kill -0 "$pid" 2>/dev/null ||
		    { echo "bench: brinkd stopped:" >&2; tail -5 "$T/log" >&2; exit 1; }
		[ $i -lt $((LIMIT * 10)) ] ||
		    { echo "bench: no $2 after $LIMIT s" >&2; exit 1; }
		sleep 0.1; i=$((i + 1))
	done
}

printf '%8s %12s %10s %10s\n' feeds first_polls_s reload_s reload_cpu_s
for n in "$@"; do
	rm -rf "$T/state"
	awk -v n="$n" -v dir="$T/state" 'BEGIN {
		printf "state_dir = \"%s\"\ninterval = \"1d\"\n", dir
		for (i = 0; i < n; i++)
			printf "feed site-%06d { url = \"http://127.0.0.1:9/%d.rss\" }\n", i, i
	}' >"$T/brink.conf"
	: >"$T/log"
	t0=$(date +%s.%N)
	"$BRINKD" -f -c "$T/brink.conf" >"$T/log" 2>&1 &
	pid=$!
	wait_lines "$n" ": failed: \|: warning: feed "
	t1=$(date +%s.%N)
	c0=$(cpu_ticks "$pid")
	s0=$(date +%s.%N)
	kill -HUP "$pid"
	wait_lines 1 "configuration reloaded"
	s1=$(date +%s.%N)
	c1=$(cpu_ticks "$pid")
	kill "$pid"
	wait "$pid" 2>/dev/null || true
	pid=""
	awk -v n="$n" -v t0="$t0" -v t1="$t1" -v s0="$s0" -v s1="$s1" \
	    -v c="$((c1 - c0))" -v hz="$hz" 'BEGIN {
		printf "%8d %12.1f %10.2f %10.2f\n", n, t1 - t0, s1 - s0, c / hz
	}'
done
