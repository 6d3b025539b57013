#!/bin/sh
# brinkd --status beside a running brinkd: each feed's last success,
# failures in a row, last error and next poll, each webhook's spool depth and oldest
# entry, the alerts of the last hour and day, all read from the state
# database without stopping or slowing the daemon; and the one-line
# STATUS= the daemon gives systemd for `systemctl status`.
. "$top_srcdir/tests/lib.sh"

mkdir -p "$T/state" "$T/log" "$T/feeds"
cp "$top_srcdir/share/samples/harbour-herald.rss" "$T/feeds/"
closed=$(free_port)
cat > "$T/brink.conf" <<CONF
state_dir = "$T/state"
interval  = "1h"
max_age   = "3650d"
include("$top_srcdir/etc/rules/default.conf")
actor ostrel { names = {"Ostrel", "Ostreli", "Dovrin", "Tamar Ruslo"}
	rivals = {"varnia"} }
actor varnia { names = {"Varnia", "Varnian", "Selvek", "Anja Merrow"} }
feed herald { url = "file://$T/feeds/harbour-herald.rss" }
feed missing { url = "file://$T/feeds/not-there.rss" }
sink log { type = "file" path = "$T/log/alerts.jsonl" }
sink chat { type = "webhook" url = "http://127.0.0.1:$closed/hook" }
CONF

"$BRINKD" --status -c "$T/brink.conf" > "$T/none.out" 2> "$T/none.err"
check "--status before any run: exit 1" test $? -eq 1
check "--status before any run says there is no state yet" \
    grep -qF "no state yet" "$T/none.err"

NOTES=$T/notes
have_notify=0
if grep -q '^#define HAVE_LIBSYSTEMD 1' "$top_builddir/autoconf.h"; then
	"$PYTHON3" "$top_srcdir/tests/poll_notify_listen.py" \
	    "$T/notify.sock" "$NOTES" &
	track $!
	wait_for 10 test -e "$NOTES.ready" ||
	    hard_error "the notification listener did not start"
	have_notify=1
fi

BRINKD_LOG="$T/brinkd.log"
NOTIFY_SOCKET=$T/notify.sock "$BRINKD" -f -c "$T/brink.conf" \
    > "$BRINKD_LOG" 2>&1 &
pid=$!
track $pid
alerts() { cat "$T/log/alerts.jsonl" 2>/dev/null | wc -l; }
wait_for 60 grep -Eq 'feed herald: [0-9]+ new items?, [1-9][0-9]* alerts?' \
    "$BRINKD_LOG" ||
    hard_error "no alert from the sample feed: $(tail -n 5 "$BRINKD_LOG")"
wait_for 60 grep -q 'feed missing: ' "$BRINKD_LOG" ||
    hard_error "the missing feed was not tried: $(tail -n 5 "$BRINKD_LOG")"
n=$(alerts)

# While the daemon runs (and keeps failing to post to the closed port).
"$BRINKD" --status -c "$T/brink.conf" > "$T/status.out" 2> "$T/status.err"
check "--status beside the daemon: exit 0: $(cat "$T/status.err")" \
    test $? -eq 0
cat "$T/status.out"
check "the daemon still runs" kill -0 $pid
check "herald: a last success, no failure, the next poll in the future" \
    grep -Eq '^  herald: last success [0-9-]+ [0-9:]+ UTC \([0-9]+ s ago\), 0 failures in a row, next poll [0-9-]+ [0-9:]+ UTC \(in [0-9]+ min\)$' \
    "$T/status.out"
check "missing: never a success, failures in a row" \
    grep -Eq '^  missing: last success never, [1-9][0-9]* failures? in a row' \
    "$T/status.out"
# The error the daemon logged for the feed is the one --status shows.
why=$(sed -n 's/^.*feed missing: \(.*\); retrying in .*$/\1/p' \
    "$BRINKD_LOG" | tail -n 1)
check "the daemon logged why the missing feed failed" test -n "$why"
check "missing: --status gives its last error: $why" \
    grep -qF ", last error: $why" "$T/status.out"
check "herald: no last error after a success" \
    sh -c "! grep -q '^  herald: .*last error' '$T/status.out'"
check "the file sink writes at once" \
    grep -qx '  log: file, writes at once' "$T/status.out"
check "the webhook's spool: $n alerts waiting, with the oldest" \
    grep -Eq "^  chat: webhook, $n spooled, oldest [0-9-]+ [0-9:]+ UTC" \
    "$T/status.out"
check "alerts: $n in the last hour and in the last day" \
    grep -qx "alerts: $n in the last hour, $n in the last day" \
    "$T/status.out"
# The daemon goes on after --status looked: it answers SIGUSR1.
before=$(grep -c . "$BRINKD_LOG")
kill -USR1 $pid
check "and answers a signal after it" \
    wait_for 30 sh -c "[ \$(grep -c . '$BRINKD_LOG') -gt $before ]"

if [ $have_notify = 1 ]; then
	check "STATUS= for systemctl status: 2 feeds, 1 failing, $n alerts" \
	    wait_for 60 grep -Eq "^STATUS=2 feeds \(1 failing\), $n alerts? in the last hour, $n webhook posts? waiting$" "$NOTES"
else
	echo "# built without libsystemd: no STATUS= to check"
fi

kill -TERM $pid
wait_for 30 sh -c "! kill -0 $pid" || fail "brinkd did not stop"
finish
