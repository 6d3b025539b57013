#!/bin/sh
# systemd's Type=notify protocol, spoken to a stand-in notification
# socket: READY=1 once the loop runs, RELOADING=1 then READY=1 around a
# SIGHUP, WATCHDOG=1 pings when WATCHDOG_USEC asks for them, STOPPING=1
# on SIGTERM.
. "$top_srcdir/tests/lib.sh"

grep -q '^#define HAVE_LIBSYSTEMD 1' "$top_builddir/autoconf.h" 2>/dev/null ||
    skip "built without libsystemd: brinkd does not speak sd_notify"

mkdir -p "$T/www"
poll_feed "$T/www/world.rss" "Harbour reopens after storm"
start_nginx "$T/www"
cat > "$T/brink.conf" <<CONF
state_dir = "$T/state"
feed world {
	url      = "http://127.0.0.1:$NGINX_PORT/world.rss"
	interval = "1s"
}
CONF

NOTES=$T/notes
"$PYTHON3" "$top_srcdir/tests/poll_notify_listen.py" "$T/notify.sock" \
    "$NOTES" &
track $!
wait_for 10 test -e "$NOTES.ready" || hard_error "the listener did not start"

has_note() { grep -qx "$1" "$NOTES" 2>/dev/null; }
NOTIFY_SOCKET=$T/notify.sock WATCHDOG_USEC=400000
export NOTIFY_SOCKET WATCHDOG_USEC
start_brinkd "$T/brink.conf"
unset NOTIFY_SOCKET WATCHDOG_USEC
check "READY=1 when the loop runs" wait_for 20 has_note READY=1
check "WATCHDOG=1 pings from the loop" wait_for 10 has_note WATCHDOG=1
kill -HUP "$BRINKD_PID"
check "RELOADING=1 on SIGHUP" wait_for 10 has_note RELOADING=1
check "READY=1 again after the reload" \
    wait_for 10 sh -c "sed -n '/^RELOADING=1\$/,\$p' '$NOTES' | grep -qx READY=1"
stop_brinkd
check "STOPPING=1 on SIGTERM" has_note STOPPING=1
check "brinkd stopped with status 0" test "$BRINKD_STATUS" = 0
finish
