#!/bin/sh
# Conditional GET: the second poll of an unchanged feed sends the ETag it
# was given and gets 304 Not Modified, as nginx's access log shows; the
# items of the first poll are recorded once.
. "$top_srcdir/tests/lib.sh"

mkdir -p "$T/www"
poll_feed "$T/www/world.rss" "Harbour reopens after storm" \
    "Talks resume in the capital"
start_nginx "$T/www"

cat > "$T/brink.conf" <<CONF
state_dir = "$T/state"
feed world {
	url      = "http://127.0.0.1:$NGINX_PORT/world.rss"
	interval = "5m"
}
CONF

check "the first --once succeeds" \
    sh -c "'$BRINKD' -c '$T/brink.conf' --once >>'$T/once.log' 2>&1"
check "the first poll fetched the feed whole" \
    grep -q '^GET /world.rss 200 [1-9][0-9]* "-"$' "$NGINX_LOG"
check "both items are recorded as seen" test "$(seen_count world)" = 2

check "the second --once succeeds" \
    sh -c "'$BRINKD' -c '$T/brink.conf' --once >>'$T/once.log' 2>&1"
check "the second poll sent If-None-Match and got 304" \
    grep -q '^GET /world.rss 304 0 "[^-].*"$' "$NGINX_LOG"
check "exactly two requests were made" test "$(nginx_count 'GET /world.rss')" = 2

# A feed that changed is fetched whole again.
sleep 1	# a new Last-Modified second, so that nginx's ETag changes
poll_feed "$T/www/world.rss" "Harbour reopens after storm" \
    "Talks resume in the capital" "Ferry service restored"
check "the third --once succeeds" \
    sh -c "'$BRINKD' -c '$T/brink.conf' --once >>'$T/once.log' 2>&1"
check "a changed feed is fetched whole (200)" \
    test "$(nginx_count 'GET /world.rss 200')" = 2
check "only the new item is added" test "$(seen_count world)" = 3
cat "$T/once.log"
finish
