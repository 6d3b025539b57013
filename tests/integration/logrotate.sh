#!/bin/sh
# etc/logrotate.d/brink as logrotate(8) runs it, on a scratch copy of
# /var/log/brink: it parses, it rotates both kinds of alert log, leaves
# the new file for brinkd to create, and signals brinkd exactly once.
. "$top_srcdir/tests/lib.sh"

: "${LOGROTATE:=$(command -v logrotate || echo /usr/sbin/logrotate)}"
[ -x "$LOGROTATE" ] ||
    skip "logrotate not installed (./bootstrap installs logrotate)"

shipped="$top_srcdir/etc/logrotate.d/brink"
grep -q 'systemctl kill --kill-who=main --signal=HUP brinkd.service' \
    "$shipped" || hard_error "$shipped no longer signals brinkd.service"

# The same file with the log directory moved to $T and systemctl (no
# service manager here) replaced by a line that records the signal.
mkdir -p "$T/log"
sed -e "s|/var/log/brink|$T/log|g" \
    -e "s|systemctl kill --kill-who=main --signal=HUP brinkd.service|sh -c 'echo hup >> $T/signals'|" \
    "$shipped" > "$T/logrotate.conf"
chmod 644 "$T/logrotate.conf"	# logrotate refuses group/world-writable files

if "$LOGROTATE" -d -s "$T/state" "$T/logrotate.conf" > "$T/debug.out" 2>&1 &&
    ! grep -qi '^error' "$T/debug.out"; then
	pass "logrotate reads the file without error"
else
	fail "logrotate -d: $(cat "$T/debug.out")"
fi

echo '{"id":"a1"}' > "$T/log/alerts.jsonl"
echo 'an alert line' > "$T/log/alerts.log"
"$LOGROTATE" -f -s "$T/state" "$T/logrotate.conf" > "$T/run.out" 2>&1 ||
    fail "logrotate -f failed: $(cat "$T/run.out")"
check "alerts.jsonl rotated" grep -q a1 "$T/log/alerts.jsonl.1"
check "alerts.log rotated" grep -q 'an alert line' "$T/log/alerts.log.1"
check "no new file created: brinkd makes its own on reopen" \
    test ! -e "$T/log/alerts.jsonl" -a ! -e "$T/log/alerts.log"
check "brinkd signalled once for both files" \
    test "$(cat "$T/signals" 2>/dev/null)" = hup
check "the last rotation is not compressed yet (delaycompress)" \
    test ! -e "$T/log/alerts.jsonl.1.gz"

finish
