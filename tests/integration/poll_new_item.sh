#!/bin/sh
# A running brinkd processes an item appended to a feed exactly once, and
# after a restart processes nothing again: what was seen stays seen.
. "$top_srcdir/tests/lib.sh"

mkdir -p "$T/www"
poll_feed "$T/www/world.rss" "Harbour reopens after storm" \
    "Talks resume in the capital"
start_nginx "$T/www"

cat > "$T/brink.conf" <<CONF
state_dir = "$T/state"
feed world {
	url      = "http://127.0.0.1:$NGINX_PORT/world.rss"
	interval = "1s"
}
CONF

new_lines() { grep -c "feed world: .* new item" "$BRINKD_LOG" || true; }

start_brinkd "$T/brink.conf"
wait_for 20 seen_is world 2 ||
    fail "the first poll did not record the two items"
check "the first poll processed two items" \
    log_has "feed world: 2 new items"

sleep 1	# a new Last-Modified second
poll_feed "$T/www/world.rss" "Ferry service restored" \
    "Harbour reopens after storm" "Talks resume in the capital"
wait_for 20 seen_is world 3 ||
    fail "the appended item was not recorded"
check "the appended item was processed, alone" \
    log_has "feed world: 1 new item, "
# Let a few more polls happen (304s): nothing is processed again.
polls=$(nginx_count 'GET /world.rss')
wait_for 20 requests_at_least 'GET /world.rss' $((polls + 3)) ||
    fail "the daemon stopped polling"
check "the later polls were conditional (304)" \
    test "$(nginx_count 'GET /world.rss 304')" -ge 3
check "nothing was processed twice" test "$(new_lines)" = 2

stop_brinkd
check "brinkd stopped with status 0" test "$BRINKD_STATUS" = 0

# Restart; the feed is rewritten (new dates, same items) so that it is
# fetched whole and every item is looked at again.
sleep 1
poll_feed "$T/www/world.rss" "Ferry service restored" \
    "Harbour reopens after storm" "Talks resume in the capital"
fetched=$(nginx_count 'GET /world.rss 200')
restarted=$(date +%s)
BRINKD_LOG=$T/brinkd-restarted.log
start_brinkd "$T/brink.conf"
wait_for 20 requests_at_least 'GET /world.rss 200' $((fetched + 1)) ||
    fail "the restarted daemon did not fetch the feed"
# last_success is written after the body was processed.
processed_since() {
	test "$(state_query "SELECT last_success >= $1
	    FROM feed_state WHERE feed = 'world'")" = 1
}
wait_for 20 processed_since "$restarted" ||
    fail "the restarted daemon did not finish processing the feed"
check "after the restart nothing is processed again" \
    test "$(new_lines)" = 0
check "the store still holds three items" test "$(seen_count world)" = 3
stop_brinkd
check "the restarted brinkd stopped with status 0" test "$BRINKD_STATUS" = 0
finish
