#!/bin/sh
# brinkd end to end with every sink: a feed on nginx, the alert log in
# both formats and a webhook whose receiver is down while brinkd is
# killed with -9 twice; once the receiver is back every alert arrives, in
# order, once.  Then a logrotate-style move + SIGHUP loses no alert.
. "$top_srcdir/tests/lib.sh"

[ -x "$BRINKD" ] || hard_error "$BRINKD not built"

mkdir -p "$T/www"
poll_feed "$T/www/world.rss" \
    "Northland vows to retaliate against Southland" \
    "Harvest festival opens in the Northland capital" \
    "Southland vows revenge on Northland after raid"
start_nginx "$T/www"
start_receiver --mode 503

cat > "$T/brink.conf" <<CONF
state_dir = "$T/state"
feed world {
	url = "http://127.0.0.1:$NGINX_PORT/world.rss"
	interval = "1s"
}
actor northland { names = {"Northland"} }
actor southland { names = {"Southland"} }
rule retaliation-vow {
	category = "retaliation"
	severity = "high"
	terms = {"vow* to retaliat*", "vow* revenge"}
}
sink log { type = "file" path = "$T/log/alerts.jsonl" }
sink people { type = "file" path = "$T/log/alerts.log" format = "text" }
sink chat {
	type = "webhook"
	url = "$RECEIVER_URL/hook"
	rate_limit = 0
	# Every alert, not one post per story: this tests delivery.
	stories = "all"
}
CONF

records() { cat "$@" 2>/dev/null | wc -l; }
has_records() { [ "$(records "$1")" -ge "$2" ]; }
failed_posts() { [ "$(receiver_count 503)" -ge "$1" ]; }

# 1. The receiver is down; brinkd writes the log and spools the posts.
start_brinkd "$T/brink.conf"
wait_for 30 has_records "$T/log/alerts.jsonl" 2 ||
    hard_error "no alerts in the log: $(cat "$BRINKD_LOG")"
wait_for 30 failed_posts 1 || hard_error "no post: $(cat "$BRINKD_LOG")"
kill -9 $BRINKD_PID; wait $BRINKD_PID 2>/dev/null
pass "brinkd killed with two alerts spooled"

# 2. A new article while brinkd is down; brinkd comes back, spools it,
# retries, and is killed again.
poll_feed "$T/www/world.rss" \
    "Northland vows to retaliate against Southland" \
    "Harvest festival opens in the Northland capital" \
    "Southland vows revenge on Northland after raid" \
    "Eastland vows to retaliate for the Northland blockade"
n=$(receiver_count 503)
start_brinkd "$T/brink.conf"
wait_for 30 has_records "$T/log/alerts.jsonl" 3 ||
    hard_error "the new article gave no alert: $(cat "$BRINKD_LOG")"
wait_for 30 failed_posts $((n + 1)) || hard_error "no retry after restart"
kill -9 $BRINKD_PID; wait $BRINKD_PID 2>/dev/null
pass "brinkd killed again with three alerts spooled"

# 3. The receiver is back: everything arrives, in the log's order, once.
receiver_set ok
start_brinkd "$T/brink.conf"
delivered() { [ "$(receiver_count 200)" -ge "$1" ]; }
wait_for 60 delivered 3 || fail "not every alert arrived: $(receiver_ids 200)"
sleep 2		# a duplicate would come now
"$PYTHON3" -c 'import json, sys
log = [json.loads(l)["id"] for l in open(sys.argv[1])]
print("\n".join(log))' "$T/log/alerts.jsonl" > "$T/log.ids"
receiver_ids 200 > "$T/posted.ids"
check "alert log: three records, none twice" [ "$(sort -u "$T/log.ids" | wc -l)" -eq 3 ] 
check "every alert posted once, in the log's order" cmp -s "$T/log.ids" "$T/posted.ids"
check "text log: three alerts, each with its sentence" [ "$(grep -c '^    "' "$T/log/alerts.log")" -eq 3 ]
check "text log: the headline reads well" \
    grep -q ' HIGH     retaliation northland -> southland: Northland vows to retaliate against Southland <http://127.0.0.1/news/' "$T/log/alerts.log"

# 4. logrotate: move both logs, SIGHUP, one more article.
mv "$T/log/alerts.jsonl" "$T/log/alerts.jsonl.1"
mv "$T/log/alerts.log" "$T/log/alerts.log.1"
kill -HUP $BRINKD_PID
# The new article must come after the reopen, not merely a second later.
wait_for 30 log_has "configuration reloaded" ||
    fail "the SIGHUP was not handled: $(tail -5 "$BRINKD_LOG")"
poll_feed "$T/www/world.rss" \
    "Northland vows to retaliate against Southland" \
    "Harvest festival opens in the Northland capital" \
    "Southland vows revenge on Northland after raid" \
    "Eastland vows to retaliate for the Northland blockade" \
    "Westland vows revenge against Southland"
wait_for 30 has_records "$T/log/alerts.jsonl" 1 ||
    fail "no alert in the reopened log: $(tail -5 "$BRINKD_LOG")"
check "after the move: old file kept its three, new file has the new one" \
    [ "$(records "$T/log/alerts.jsonl.1")" -eq 3 -a "$(records "$T/log/alerts.jsonl")" -eq 1 ]
check "text log reopened too" test -s "$T/log/alerts.log"
wait_for 30 delivered 4 || fail "the fourth alert was not posted"
stop_brinkd
check "brinkd stops cleanly on SIGTERM" [ "$BRINKD_STATUS" -eq 0 ]
finish
