#!/bin/sh
# The wall clock steps a day back, then (in a second run) a day forward,
# while alerts wait for a failing receiver: once it is back, every alert
# arrives, once; nothing stalls behind the old time and nothing is
# dropped as too old (max_age is an hour here).  The step comes from
# libfaketime with a time file changed during the run; the monotonic
# clock is left alone, as a real step (NTP, a VM resumed) leaves it.
. "$top_srcdir/tests/lib.sh"

TOOL="$top_builddir/tests/webhook_tool"
[ -x "$TOOL" ] || hard_error "$TOOL not built"
FAKETIME_LIB=""
for lib in /usr/lib/*/faketime/libfaketime.so.1 /usr/lib/faketime/libfaketime.so.1; do
	[ -f "$lib" ] && FAKETIME_LIB=$lib && break
done
[ -n "$FAKETIME_LIB" ] ||
    skip "libfaketime not installed (./bootstrap installs the faketime package)"

clock="$T/clock"
# run_faked ARGS...: the tool with its wall clock read from $clock.
# libfaketime comes before an ASan runtime in the library list, which
# ASan accepts only when told not to verify the order.
run_faked() {
	env LD_PRELOAD="$FAKETIME_LIB" FAKETIME_TIMESTAMP_FILE="$clock" \
	    FAKETIME_NO_CACHE=1 FAKETIME_DONT_FAKE_MONOTONIC=1 \
	    ASAN_OPTIONS="${ASAN_OPTIONS:-}${ASAN_OPTIONS:+:}verify_asan_link_order=0" \
	    "$TOOL" "$@"
}

# Can the preload and this build's sanitizer runtime share a process?
echo "+0" > "$clock"
run_faked -w 5 "$T/probe" generic "http://127.0.0.1:1/hook" < /dev/null \
    > "$T/probe.out" 2> "$T/probe.err"
grep -qx "spool empty" "$T/probe.out" ||
    skip "libfaketime and this build cannot run together: $(head -3 "$T/probe.err")"
real=$(date +%s)
faked=$(env LD_PRELOAD="$FAKETIME_LIB" FAKETIME_TIMESTAMP_FILE="$clock" \
    FAKETIME_NO_CACHE=1 sh -c 'echo "-1d" > "$FAKETIME_TIMESTAMP_FILE"; date +%s')
[ $((real - faked)) -gt 80000 ] ||
    skip "libfaketime does not step the clock here ($real, then $faked)"

failed_posts() { [ "$(receiver_count 500)" -ge "$1" ]; }
# every id FROM..TO-1 once, singles and digests alike, nothing else
all_once() {
	receiver_ids 200 | "$PYTHON3" -c 'import sys
got = []
for line in sys.stdin:
    line = line.strip()
    got += line[7:].split(",") if line.startswith("digest:") else [line]
want = ["%016x" % n for n in range(int(sys.argv[1]), int(sys.argv[2]))]
sys.exit(0 if sorted(got) == want else 1)' "$1" "$2"
}

# 1. A day back, with flood control on: retries and the rate window
# must not wait a day.
start_receiver --mode 500
echo "+0" > "$clock"
make_alerts 0 8 | run_faked -w 120 -a 3600 -r 3/2 "$T/state1" generic \
    "$RECEIVER_URL/hook" > "$T/run1.out" 2> "$T/run1.err" &
pid=$!; track $pid
wait_for 60 failed_posts 3 || hard_error "no failing posts: $(cat "$T/run1.err")"
echo "-1d" > "$clock"
receiver_set ok
check "a day back: the spool empties" wait_for 90 grep -qx "spool empty" "$T/run1.out"
wait $pid
check "a day back: every alert arrived once" all_once 0 8
check "a day back: nothing dropped" sh -c "! grep -q 'max_age' '$T/run1.err'"
kill $RECEIVER_PID; wait $RECEIVER_PID 2>/dev/null

# 2. A day forward: the alerts waited seconds, not a day.
start_receiver --mode 500
echo "+0" > "$clock"
make_alerts 10 15 | run_faked -w 120 -a 3600 "$T/state2" generic \
    "$RECEIVER_URL/hook" > "$T/run2.out" 2> "$T/run2.err" &
pid=$!; track $pid
wait_for 60 failed_posts 3 || hard_error "no failing posts: $(cat "$T/run2.err")"
echo "+1d" > "$clock"
receiver_set ok
check "a day forward: the spool empties" wait_for 90 grep -qx "spool empty" "$T/run2.out"
wait $pid
check "a day forward: nothing dropped as too old" sh -c "! grep -q 'max_age' '$T/run2.err'"
check "a day forward: every alert arrived once" all_once 10 15
[ $failures -eq 0 ] || tail -n 5 "$T/run1.err" "$T/run2.err"
finish
