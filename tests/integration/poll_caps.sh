#!/bin/sh
# The caps on transfers at once: ten feeds on one host never have more
# than max_per_host requests in flight there, and feeds on two hosts
# never more than max_transfers in all; every feed is still polled.  And
# each request says who asks (User-Agent) and what it can decode.
. "$top_srcdir/tests/lib.sh"

"$PYTHON3" "$top_srcdir/tests/poll_slow_server.py" "$T/slow.port" 0.5 \
    "$T/peak" &
track $!
wait_for 30 test -s "$T/slow.port" || hard_error "the slow server did not start"
PORT=$(cat "$T/slow.port")

# feeds HOST COUNT: COUNT feed sections on HOST (127.0.0.1 or localhost
# reach the same server, but are two hosts to brinkd).
feeds() {
	i=0
	while [ $i -lt "$2" ]; do
		printf 'feed %s-%d {\n\turl = "http://%s:%d/f%d.rss"\n}\n' \
		    "$(echo "$1" | tr . -)" $i "$1" "$PORT" $i
		i=$((i + 1))
	done
}

{
	echo "state_dir    = \"$T/state\""
	echo "max_per_host = 2"
	feeds 127.0.0.1 10
} > "$T/host.conf"
status=0
"$BRINKD" -c "$T/host.conf" --once >"$T/host.log" 2>&1 || status=$?
check "every feed on the host was polled" test "$status" = 0
check "at most max_per_host (2) requests to one host at once" \
    test "$(cat "$T/peak")" = 2
version=$("$BRINKD" -V | sed 's/^brinkd //')
check "the User-Agent names brinkd and its version" \
    grep -qx "user-agent: brinkd/$version" "$T/peak.headers"
check "gzip is offered, as libcurl can decode it" \
    grep -q "^accept-encoding: .*gzip" "$T/peak.headers"

rm -f "$T/peak"
{
	echo "state_dir     = \"$T/state2\""
	echo "max_per_host  = 10"
	echo "max_transfers = 3"
	feeds 127.0.0.1 6
	feeds localhost 6
} > "$T/all.conf"
status=0
"$BRINKD" -c "$T/all.conf" --once >"$T/all.log" 2>&1 || status=$?
check "every feed on both hosts was polled" test "$status" = 0
check "at most max_transfers (3) requests at once in all" \
    test "$(cat "$T/peak")" = 3
cat "$T/host.log" "$T/all.log" | grep -v "new item\|first poll" || true
finish
