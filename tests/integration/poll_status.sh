#!/bin/sh
# What a server's status asks for: 429 with Retry-After holds the next
# poll back as long as it says, 410 Gone stops polling the feed with an
# error, and a permanent redirect is followed and logged with the new URL.
. "$top_srcdir/tests/lib.sh"

mkdir -p "$T/www"
poll_feed "$T/www/world.rss" "Harbour reopens after storm"
start_nginx "$T/www" '
	location = /busy.rss { add_header Retry-After 120 always; return 429; }
	location = /gone.rss { return 410; }
	location = /old.rss { return 301 /world.rss; }
'

cat > "$T/brink.conf" <<CONF
state_dir = "$T/state"
feed busy {
	url      = "http://127.0.0.1:$NGINX_PORT/busy.rss"
	interval = "1s"
}
feed gone {
	url      = "http://127.0.0.1:$NGINX_PORT/gone.rss"
	interval = "1s"
}
feed moved {
	url      = "http://127.0.0.1:$NGINX_PORT/old.rss"
	interval = "1s"
}
CONF

start_brinkd "$T/brink.conf"
wait_for 20 log_has "feed busy: HTTP 429" || fail "the 429 was not logged"
wait_for 20 log_has "feed gone: HTTP 410" || fail "the 410 was not logged"
wait_for 20 seen_is moved 1 ||
    fail "the moved feed was not read at its new place"

# With a 1 s interval, a poller that ignored them would ask again and
# again within these seconds.
sleep 4
check "429: retrying when Retry-After says" \
    log_has "feed busy: HTTP 429; retrying in 120 s as Retry-After asks"
check "429: no second request within Retry-After" \
    test "$(nginx_count 'GET /busy.rss')" = 1
check "410: the error says polling stopped and where the feed is defined" \
    log_has "error: feed gone: HTTP 410 Gone.*polling stopped.*brink.conf:[0-9]+"
check "410: the feed is not polled again" \
    test "$(nginx_count 'GET /gone.rss')" = 1
check "301: the new URL is logged, with where to change it" \
    log_has "feed moved: moved permanently to http://127.0.0.1:$NGINX_PORT/world.rss; update its url in .*brink.conf:[0-9]+"
check "301: the moved feed keeps being polled" \
    wait_for 20 requests_at_least 'GET /old.rss' 2
check "301: the new URL is logged once, not at every poll" \
    test "$(grep -c 'moved permanently' "$BRINKD_LOG")" = 1
stop_brinkd
check "brinkd stopped with status 0" test "$BRINKD_STATUS" = 0
finish
