#!/bin/sh
# brinkd --once and logrotate's SIGHUP: a cron run signalled in its middle
# reopens its alert logs and finishes the run, where SIGHUP ended it.
# One feed is answered at once; the other is held by the server until
# the log has been moved and the signal sent, so its alert can only go
# to the new file.
. "$top_srcdir/tests/lib.sh"

[ -x "$BRINKD" ] || hard_error "$BRINKD not built"

mkdir -p "$T/www" "$T/log"
poll_feed "$T/www/world.rss" "Northland vows to retaliate against Southland"
poll_feed "$T/held.rss" "Southland vows revenge on Northland after raid"
start_nginx "$T/www"
"$PYTHON3" "$top_srcdir/tests/poll_held_server.py" "$T/held.port" \
    "$T/release" "$T/held.rss" 2>"$T/held.err" &
track $!
wait_for 30 test -s "$T/held.port" ||
    hard_error "the holding server did not start: $(cat "$T/held.err")"

cat > "$T/brink.conf" <<CONF
state_dir = "$T/state"
feed world {
	url = "http://127.0.0.1:$NGINX_PORT/world.rss"
}
feed held {
	url     = "http://127.0.0.1:$(cat "$T/held.port")/held.rss"
	timeout = "5m"
}
actor northland { names = {"Northland"} }
actor southland { names = {"Southland"} }
rule retaliation-vow {
	category = "retaliation"
	severity = "high"
	terms = {"vow* to retaliat*", "vow* revenge"}
}
sink log { type = "file" path = "$T/log/alerts.jsonl" }
CONF

records() { cat "$1" 2>/dev/null | wc -l; }
has_records() { [ "$(records "$1")" -ge "$2" ]; }

"$BRINKD" -c "$T/brink.conf" --once >"$T/once.out" 2>"$T/once.log" &
pid=$!
track $pid
wait_for 60 has_records "$T/log/alerts.jsonl" 1 ||
    hard_error "the first feed gave no alert: $(cat "$T/once.log")"
wait_for 60 test -s "$T/held.port.held" ||
    hard_error "brinkd never asked the holding server: $(cat "$T/once.log")"
# As logrotate does: move the log, then signal.
mv "$T/log/alerts.jsonl" "$T/log/alerts.jsonl.1"
kill -HUP $pid
check "SIGHUP is logged as a reopen, the run going on" \
    wait_for 30 grep -q "SIGHUP: reopening the alert logs" "$T/once.log"
check "... and the run is still there" kill -0 $pid
: > "$T/release"
wait_for 60 sh -c "! kill -0 $pid" || fail "--once did not finish"
status=0
wait $pid || status=$?
cat "$T/once.log"
check "the run finished with status 0, not killed by SIGHUP" \
    test "$status" = 0
check "the alert before the signal is in the moved log" \
    grep -q "Northland vows to retaliate" "$T/log/alerts.jsonl.1"
check "the alert after it went to the new file" \
    grep -q "Southland vows revenge" "$T/log/alerts.jsonl"
check "... and only there" \
    test "$(records "$T/log/alerts.jsonl.1")$(records "$T/log/alerts.jsonl")" = 11
finish
