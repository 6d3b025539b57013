#!/bin/sh
# Prometheus metrics: with metrics_listen, a running brinkd answers
# GET /metrics (scraped here with curl) with per-feed and per-sink
# counters and gauges that agree with what it did: polls, errors,
# failures in a row, last success, items, alerts by category and
# severity, deliveries, spool depth and age, the poll duration
# histogram; promtool accepts the text.  A bad address is refused by
# -t and at start, naming file:line; a port in use stops the start.
. "$top_srcdir/tests/lib.sh"

command -v curl >/dev/null 2>&1 || skip "curl is not installed"
mkdir -p "$T/state" "$T/log" "$T/feeds"
cp "$top_srcdir/share/samples/harbour-herald.rss" "$T/feeds/"
start_receiver
closed=$(free_port)
receiver_port=$(cat "$T/receiver.port")

# write_conf LISTEN: the configuration with metrics_listen = LISTEN.
write_conf() {
	cat > "$T/brink.conf" <<CONF
state_dir = "$T/state"
interval  = "1h"
max_age   = "3650d"
metrics_listen = "$1"
include("$top_srcdir/etc/rules/default.conf")
actor ostrel { names = {"Ostrel", "Ostreli", "Dovrin", "Tamar Ruslo"}
	rivals = {"varnia"} }
actor varnia { names = {"Varnia", "Varnian", "Selvek", "Anja Merrow"} }
feed herald { url = "file://$T/feeds/harbour-herald.rss" }
feed missing { url = "file://$T/feeds/not-there.rss" }
sink log { type = "file" path = "$T/log/alerts.jsonl" }
sink chat { type = "webhook" url = "$RECEIVER_URL/hook" stories = "all" rate_limit = 0 }
sink dead { type = "webhook" url = "http://127.0.0.1:$closed/hook" stories = "all" }
CONF
}

# A bad address: -t and the start both name the line and say what to
# write; nothing is listened on.
write_conf "localhost:9464"
"$BRINKD" -t -c "$T/brink.conf" > "$T/t.out" 2>&1
check "-t refuses metrics_listen = localhost:9464: exit 1" test $? -eq 1
check "-t names brink.conf:4 and gives an example: $(cat "$T/t.out")" \
    grep -q 'brink.conf:4: .*metrics_listen "localhost:9464": .*127.0.0.1:9464' \
    "$T/t.out"
"$BRINKD" -f -c "$T/brink.conf" > "$T/bad.out" 2>&1
check "the daemon refuses it at start with EX_CONFIG (78)" test $? -eq 78
check "and says why at start" \
    grep -q 'brink.conf:4: .*metrics_listen "localhost:9464"' "$T/bad.out"

# A port in use (the receiver's): a clear error, no daemon left running.
write_conf "127.0.0.1:$receiver_port"
"$BRINKD" -t -c "$T/brink.conf" > "$T/t2.out" 2>&1
check "-t accepts a well-formed address" test $? -eq 0
"$BRINKD" -f -c "$T/brink.conf" > "$T/busy.out" 2>&1
check "a port in use stops the start: exit $?" test $? -ne 0
check "saying it cannot listen: $(cat "$T/busy.out")" \
    grep -q "metrics_listen \"127.0.0.1:$receiver_port\": cannot listen" \
    "$T/busy.out"

# The daemon, on a free port; the port can be taken between free_port
# and the bind, so a start that says "cannot listen" is tried again.
BRINKD_LOG="$T/brinkd.log"
started=$(date +%s)
for try in 1 2 3; do
	port=$(free_port)
	write_conf "127.0.0.1:$port"
	: > "$BRINKD_LOG"
	start_brinkd "$T/brink.conf"
	wait_for 30 sh -c "grep -q 'metrics: serving' '$BRINKD_LOG' ||
	    ! kill -0 $BRINKD_PID" || hard_error "brinkd neither served "\
"metrics nor stopped: $(tail -n 5 "$BRINKD_LOG")"
	grep -q 'metrics: serving' "$BRINKD_LOG" && break
	grep -q 'cannot listen' "$BRINKD_LOG" ||
	    hard_error "brinkd did not start: $(tail -n 5 "$BRINKD_LOG")"
done
grep -q "metrics: serving http://127.0.0.1:$port/metrics" "$BRINKD_LOG" ||
    hard_error "no free port for the metrics after 3 tries"
URL="http://127.0.0.1:$port/metrics"

wait_for 60 grep -Eq 'feed herald: [0-9]+ new items?, [1-9][0-9]* alerts?' \
    "$BRINKD_LOG" ||
    hard_error "no alert from the sample feed: $(tail -n 5 "$BRINKD_LOG")"
wait_for 60 grep -q 'feed missing: ' "$BRINKD_LOG" ||
    hard_error "the missing feed was not tried: $(tail -n 5 "$BRINKD_LOG")"
n=$(wc -l < "$T/log/alerts.jsonl")
items=$(sed -n 's/^.*feed herald: \([0-9]*\) new items\{0,1\}, .*$/\1/p' \
    "$BRINKD_LOG" | head -n 1)

scrape() {
	curl -sS -f -D "$T/headers" -o "$T/metrics.txt" "$URL"
}
# metric NAME{LABELS}: its value in the last scrape (empty if absent).
metric() {
	awk -v k="$1" '$1 == k { print $2 }' "$T/metrics.txt"
}
# Everything delivered to the receiver, a post failed on the dead sink.
wait_for 60 sh -c "$(command -v curl) -sf '$URL' | grep -qx \
    'brink_sink_spool_depth{sink=\"chat\"} 0'" ||
    fail "the chat sink's spool did not empty"
wait_for 60 sh -c "$(command -v curl) -sf '$URL' | grep -Eq \
    '^brink_sink_failures_total\\{sink=\"dead\"\\} [1-9]'" ||
    fail "no failed post counted for the dead sink"

scrape
check "a scrape with curl succeeds" test $? -eq 0
check "the Prometheus text format, version 0.0.4" \
    grep -qi '^content-type: text/plain; version=0.0.4' "$T/headers"
check "every metric is named brink_*" \
    sh -c "! grep -v '^#' '$T/metrics.txt' | grep -qv '^brink_'"
polls=$(metric 'brink_feed_polls_total{feed="herald"}')
check "herald was polled ($polls)" test "${polls:-0}" -ge 1
check "herald: no error" \
    test "$(metric 'brink_feed_errors_total{feed="herald"}')" = 0
check "missing: errors counted" \
    test "$(metric 'brink_feed_errors_total{feed="missing"}')" -ge 1
check "missing: failures in a row" \
    test "$(metric 'brink_feed_consecutive_failures{feed="missing"}')" -ge 1
check "herald: no failure in a row" \
    test "$(metric 'brink_feed_consecutive_failures{feed="herald"}')" = 0
last=$(metric 'brink_feed_last_success_timestamp_seconds{feed="herald"}')
check "herald: last success since the start ($last >= $started)" \
    test "${last:-0}" -ge "$started" -a "${last:-0}" -le "$(date +%s)"
check "missing: never a success" test \
    "$(metric 'brink_feed_last_success_timestamp_seconds{feed="missing"}')" = 0
check "herald: $items new items" \
    test "$(metric 'brink_feed_items_total{feed="herald"}')" = "$items"
sum=$(awk '/^brink_alerts_total\{feed="herald",category="[a-z-]+",severity="[a-z]+"\} / { s += $2 } END { print s + 0 }' \
    "$T/metrics.txt")
check "alerts by category and severity add up to the $n in the alert log" \
    test "$sum" = "$n"
check "the file sink delivered $n" \
    test "$(metric 'brink_sink_deliveries_total{sink="log"}')" = "$n"
got=$(receiver_ids | tr ',' '\n' | grep -c .)
check "the chat sink delivered what the receiver got ($got)" \
    test "$(metric 'brink_sink_deliveries_total{sink="chat"}')" = "$got"
spooled=$(sqlite3 "$T/state/brink.db" \
    "SELECT count(*) FROM spool WHERE sink = 'dead'")
check "the dead sink's spool depth is what the spool holds ($spooled)" \
    test "$(metric 'brink_sink_spool_depth{sink="dead"}')" = "$spooled" \
    -a "$spooled" -ge 1
age=$(metric 'brink_sink_spool_oldest_age_seconds{sink="dead"}')
check "its oldest entry's age is within the run ($age s)" \
    test "${age:-x}" -ge 0 -a "${age:-0}" -le $(( $(date +%s) - started ))
check "the poll duration histogram counts every poll" test \
    "$(metric 'brink_feed_poll_duration_seconds_count{feed="herald"}')" = "$polls"
check "its +Inf bucket too" test "$(metric \
    'brink_feed_poll_duration_seconds_bucket{feed="herald",le="+Inf"}')" = "$polls"

if command -v promtool >/dev/null 2>&1; then
	promtool check metrics < "$T/metrics.txt" > "$T/promtool.out" 2>&1
	check "promtool check metrics accepts it: $(cat "$T/promtool.out")" \
	    test $? -eq 0
else
	echo "# promtool not installed (Debian package prometheus): the" \
	    "text is not linted"
fi

code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/other")
check "another path: 404 ($code)" test "$code" = 404
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -d x "$URL")
check "a POST: 405 ($code)" test "$code" = 405

# The daemon goes on: it answers SIGUSR1 after the scrapes.
before=$(grep -c . "$BRINKD_LOG")
kill -USR1 "$BRINKD_PID"
check "the daemon still runs and answers a signal" \
    wait_for 30 sh -c "[ \$(grep -c . '$BRINKD_LOG') -gt $before ]"
stop_brinkd
check "it stops cleanly" test "$BRINKD_STATUS" = 0
port_closed() { ! port_open "$1"; }
check "and the port is closed" port_closed "$port"
finish
