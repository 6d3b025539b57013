#!/bin/sh
# steady.sh: the daemon watching $FEEDS feeds at a 60 s interval for
# $STEADY_SECONDS (default 600): average CPU, resident memory at minute 1
# and at the end, and whether every feed was polled every interval
# (counted from nginx's log by polls.py).
#
#   STEADY_SECONDS=600  STEADY_INTERVAL=60
. "$(dirname "$0")/lib.sh"

: "${STEADY_SECONDS:=600}"
: "${STEADY_INTERVAL:=60}"
: "${BRINK_PER_HOST:=16}"

ensure_corpus
serve "$CORPUS"

mkdir -p "$W/state"
{
	echo "state_dir = \"$W/state\""
	echo "interval = \"${STEADY_INTERVAL}s\""
	echo "max_per_host = $BRINK_PER_HOST"
	if [ -f "$top_srcdir/etc/rules/default.conf" ]; then
		echo "include(\"$top_srcdir/etc/rules/default.conf\")"
	fi
	echo "sink alerts {"
	echo "	type = \"file\""
	echo "	path = \"$W/alerts.jsonl\""
	echo "}"
	i=1
	while [ $i -le "$FEEDS" ]; do
		echo "feed f$i { url = \"http://127.0.0.1:$PORT/f$i.xml\" }"
		i=$((i + 1))
	done
} > "$W/brink.conf"
"$BRINKD" -c "$W/brink.conf" -t >"$W/check.out" 2>&1 ||
    die "brinkd cannot run this configuration yet: $(head -n 3 "$W/check.out" | tr '\n' ' ')"

hz=$(getconf CLK_TCK)
# cpu PID: user + system ticks so far; rss PID: resident KB.
cpu() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
rss() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }

start=$(date +%s.%N)
"$BRINKD" -c "$W/brink.conf" -f >"$W/brinkd.out" 2>&1 &
pid=$!
track $pid
say "brinkd pid $pid on $FEEDS feeds every ${STEADY_INTERVAL}s for ${STEADY_SECONDS}s"

# Sample every 10 s; the loop is bounded by its count.
samples=$((STEADY_SECONDS / 10))
n=0
rss1="" cpu1=""
: > "$W/samples"
while [ $n -lt $samples ]; do
	sleep 10
	n=$((n + 1))
	kill -0 $pid 2>/dev/null || die "brinkd exited early: $(tail -n 5 "$W/brinkd.out")"
	c=$(cpu $pid); m=$(rss $pid)
	echo "$((n * 10)) $c $m" >> "$W/samples"
	if [ $((n * 10)) -eq 60 ]; then rss1=$m; cpu1=$c; fi
done
end=$(date +%s.%N)
cpu_end=$(cpu $pid); rss_end=$(rss $pid)
kill $pid
i=0
while kill -0 $pid 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
kill -0 $pid 2>/dev/null && say "brinkd did not stop on SIGTERM within 10 s"

# Per interval of every feed, from the first poll on: skip the warm-up
# before the first request of the run.
polls=$("$PYTHON3" "$BENCH/polls.py" "$NGINX_LOG" --feeds "$FEEDS" \
    --interval "$STEADY_INTERVAL" --start "$start" --end "$end" 2>"$W/late")
[ -s "$W/late" ] && say "$(cat "$W/late")"

summary=$("$PYTHON3" -c 'import sys
hz, secs, start, end = float(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
c1, c_end, r1, r_end = (float(x) if x else float("nan") for x in sys.argv[5:9])
tot = c_end / hz / (end - start) * 100
rest = (c_end - c1) / hz / (end - start - 60) * 100
print("cpu avg %.2f%% (after minute 1: %.2f%%); rss minute 1 %.1f MB, end %.1f MB (%+.1f MB)"
      % (tot, rest, r1 / 1024, r_end / 1024, (r_end - r1) / 1024))' \
    "$hz" "$STEADY_SECONDS" "$start" "$end" "$cpu1" "$cpu_end" "$rss1" "$rss_end")
note steady "brinkd ${STEADY_INTERVAL}s" "$summary"
note steady "brinkd polls" "$polls"
