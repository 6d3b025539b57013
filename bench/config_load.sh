#!/bin/sh
# bench/config_load.sh: how long `brinkd -t` takes to load and check a
# configuration of N feeds, for N = 10,000 up to 140,000 (15 MB, near
# the 16 MB a file may hold), to show whether loading grows linearly
# with the file.  A benchmark, not a test: it
# prints figures for bench/README.md ("## Configuration loading").
#
#   bench/config_load.sh [N ...]     (default 10000 20000 40000 80000 140000)
#
# BRINKD picks the binary (default src/brinkd; build it without the
# sanitizers for honest figures).  LIMIT (default 600) bounds each run in
# seconds: a run cut by it is reported as ">LIMIT".  Each feed is five
# lines, like a real one: a name, a url, an interval, a timeout, a close.
set -eu

cd "$(dirname "$0")/.."
top=$(pwd)
: "${BRINKD:=$top/src/brinkd}"
: "${LIMIT:=600}"
T=$(mktemp -d "${TMPDIR:-/tmp}/brink-bench-config.XXXXXX")
trap 'rm -rf "$T"' EXIT

[ -x "$BRINKD" ] || { echo "bench: build brinkd first ($BRINKD)" >&2; exit 1; }
[ $# -gt 0 ] || set -- 10000 20000 40000 80000 140000

printf '%8s %10s %8s %8s %10s\n' feeds bytes wall_s cpu_s peak_kB
for n in "$@"; do
	conf="$T/brink-$n.conf"
	awk -v n="$n" -v dir="$T/state" 'BEGIN {
		printf "state_dir = \"%s\"\n", dir
		for (i = 0; i < n; i++) {
			printf "feed site-%06d {\n", i
			printf "  url = \"https://news%d.example.org/feed/%d.rss\"\n", i % 97, i
			printf "  interval = \"%dm\"\n", 5 + i % 30
			printf "  timeout = \"30s\"\n}\n"
		}
		print "sink log {\n  type = \"file\"\n  path = \"/dev/null\"\n}"
	}' >"$conf"
	bytes=$(wc -c <"$conf")
	if /usr/bin/time -f '%e %U %S %M' -o "$T/time" \
	    timeout "$LIMIT" "$BRINKD" -c "$conf" -t >"$T/out" 2>&1; then
		read -r wall user sys peak <"$T/time"
		cpu=$(echo "$user $sys" | awk '{ printf "%.2f", $1 + $2 }')
		printf '%8d %10d %8s %8s %10s\n' "$n" "$bytes" "$wall" "$cpu" "$peak"
	else
		if grep -q 'status 124' "$T/time"; then
			printf '%8d %10d %8s\n' "$n" "$bytes" ">$LIMIT"
		else
			echo "bench: brinkd -t failed on $n feeds:" >&2
			tail -5 "$T/out" >&2
			exit 1
		fi
	fi
	rm -f "$conf"
done
