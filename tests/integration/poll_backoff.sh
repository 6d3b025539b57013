#!/bin/sh
# A feed whose server goes away is retried less and less often (backoff
# with jitter, up to backoff_max) and recovers by itself when the server
# is back.
. "$top_srcdir/tests/lib.sh"

mkdir -p "$T/www"
poll_feed "$T/www/world.rss" "Harbour reopens after storm"
start_nginx "$T/www"

cat > "$T/brink.conf" <<CONF
state_dir   = "$T/state"
backoff_max = "8s"
feed world {
	url      = "http://127.0.0.1:$NGINX_PORT/world.rss"
	interval = "1s"
}
CONF

start_brinkd "$T/brink.conf"
wait_for 20 seen_is world 1 ||
    fail "the first poll did not succeed"
stop_nginx

# The n-th failure in a row logs "retrying in N s (failure n in a row)".
wait_for 40 log_has "failure 3 in a row" ||
    fail "three failures in a row were not logged"
delay() {
	sed -n "s/.*feed world: .*retrying in \([0-9]*\) s.*(failure $1 in a row).*/\1/p" \
	    "$BRINKD_LOG" | head -n 1
}
first=$(delay 1); third=$(delay 3)
echo "# delays: first ${first:-?} s, third ${third:-?} s"
check "the failure names the feed and the reason" \
    log_has "feed world: .*(onnect|refused).*retrying in"
check "the third retry waits longer than the first" \
    test "${third:-0}" -gt "${first:-99}"
check "no retry waits longer than backoff_max" \
    sh -c "! grep -Eq 'retrying in (9|[1-9][0-9]+) s' '$BRINKD_LOG'"

before=$(nginx_count 'GET /world.rss')
restart_nginx
wait_for 30 log_has "feed world: recovered after [0-9]+ failures" ||
    fail "the feed did not recover when the server came back"
check "polling goes on after the recovery" \
    wait_for 20 requests_at_least 'GET /world.rss' $((before + 2))
check "the state database forgets the failures" \
    test "$(state_query "SELECT failures FROM feed_state WHERE feed = 'world'")" = 0
stop_brinkd
check "brinkd stopped with status 0" test "$BRINKD_STATUS" = 0
finish
