#!/bin/sh
# The alert log cannot be written (a full disk: /dev/full): brinkd logs
# the error with the path, leaves the article unseen and tries again at
# the next poll, without backing the feed off (the fault is not the
# server's); once the log can be written (a reload pointing it at a
# real file), the alert is written and the article marked seen.
. "$top_srcdir/tests/lib.sh"

[ -x "$BRINKD" ] || hard_error "$BRINKD not built"
[ -w /dev/full ] || skip "no /dev/full to fill"
command -v sqlite3 >/dev/null 2>&1 || skip "sqlite3 not installed (./bootstrap installs it)"

mkdir -p "$T/www"
poll_feed "$T/www/world.rss" "Northland vows to retaliate against Southland"
start_nginx "$T/www"
conf() {
	cat > "$T/brink.conf" <<CONF
state_dir = "$T/state"
feed world {
	url = "http://127.0.0.1:$NGINX_PORT/world.rss"
	interval = "1s"
}
actor northland { names = {"Northland"} }
rule retaliation-vow {
	category = "retaliation"
	severity = "high"
	terms = {"vow* to retaliat*"}
}
sink log { type = "file" path = "$1" }
CONF
}
conf /dev/full
start_brinkd "$T/brink.conf"
errors() { [ "$(grep -c "sink log: cannot write to /dev/full: No space left on device" "$BRINKD_LOG")" -ge "$1" ]; }
wait_for 30 errors 2 || hard_error "no write error seen twice: $(cat "$BRINKD_LOG")"
pass "the write error is logged with the path, and tried again"
check "a full disk is a local failure: retried at the interval, no backoff" \
    log_has "feed world: could not be processed \(see above\); a local failure, not the feed's: retrying in 1 s"
check "... and not counted against the feed" sh -c "! grep -q 'in a row' '$BRINKD_LOG'"
check "the article is still unseen" [ "$(seen_count world)" = 0 ]

conf "$T/log/alerts.jsonl"
kill -HUP $BRINKD_PID
wait_for 30 test -s "$T/log/alerts.jsonl" || fail "the alert never reached the log"
wait_for 10 seen_is world 1 || fail "the article was not marked seen"
check "one alert, the vow" grep -q '"title":"Northland vows to retaliate against Southland"' "$T/log/alerts.jsonl"
stop_brinkd
check "brinkd stops cleanly" [ "$BRINKD_STATUS" -eq 0 ]
finish
