#!/bin/sh
# SIGHUP while a webhook post is under way (the receiver has the alert
# and has not answered yet): the post goes on across the reloads and the
# alert reaches the receiver once, not once more per reload.
. "$top_srcdir/tests/lib.sh"

[ -x "$BRINKD" ] || hard_error "$BRINKD not built"
command -v sqlite3 >/dev/null 2>&1 ||
    skip "sqlite3 not installed (./bootstrap installs it)"

mkdir -p "$T/www"
poll_feed "$T/www/world.rss" \
    "Southland vows revenge on Northland after raid" \
    "Northland vows to retaliate against Southland"
start_nginx "$T/www"
# The first post is held until the test releases it; the rest go at once.
start_receiver --mode hold --count 1 --release "$T/release"

cat > "$T/brink.conf" <<CONF
state_dir = "$T/state"
feed world {
	url = "http://127.0.0.1:$NGINX_PORT/world.rss"
	interval = "1h"
}
actor northland { names = {"Northland"} }
actor southland { names = {"Southland"} }
rule retaliation-vow {
	category = "retaliation"
	severity = "high"
	terms = {"vow* to retaliat*", "vow* revenge"}
}
sink chat {
	type = "webhook"
	url = "$RECEIVER_URL/hook"
	timeout = "5m"
	rate_limit = 0
}
CONF

requests_are() { [ "$(receiver_count)" -ge "$1" ]; }
reloads_are() { [ "$(grep -c "configuration reloaded" "$BRINKD_LOG")" -ge "$1" ]; }

start_brinkd "$T/brink.conf"
wait_for 60 requests_are 1 ||
    hard_error "no post reached the receiver: $(cat "$BRINKD_LOG")"
# Three reloads while the receiver holds the first post.
for n in 1 2 3; do
	kill -HUP $BRINKD_PID
	wait_for 30 reloads_are $n || hard_error "reload $n not done: $(cat "$BRINKD_LOG")"
done
touch "$T/release"
# Posts go in order: once the second alert is there, a copy of the
# first would have come before it.
check "the second alert is posted" wait_for 60 requests_are 2
receiver_ids hold > "$T/ids"
receiver_ids 200 >> "$T/ids"
check "two alerts posted" [ "$(sort -u "$T/ids" | wc -l)" -eq 2 ]
check "two posts: the held one was not posted again" [ "$(receiver_count)" -eq 2 ]
spool_is() { test "$(state_query 'SELECT count(*) FROM spool')" = "$1"; }
check "the post answered after the reloads took its alert out of the spool" \
    wait_for 30 spool_is 0
stop_brinkd
check "brinkd stops cleanly" [ "$BRINKD_STATUS" -eq 0 ]
[ $failures -eq 0 ] || { cat "$T/ids"; tail -n 20 "$BRINKD_LOG"; }
finish
