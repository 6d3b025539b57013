#!/bin/sh
# The checks tests/integration/systemd_live.sh runs inside the container
# it boots, as root under the container's systemd.  Each writes "ok NAME"
# or "not ok NAME: why" to /live-out/results; the journal goes to
# /live-out/journal for whoever reads a failure.  $CONF and $BRINKD come
# from the unit that runs this script.
out=/live-out/results
: > "$out"
ok() { echo "ok $*" >> "$out"; }
not_ok() { echo "not ok $*" | tr '\n' ' ' >> "$out"; echo >> "$out"; }

# wait_until SECONDS COMMAND...: true once COMMAND is, false if it is not
# within SECONDS (generous: the machine may be loaded).
wait_until() {
	limit=$1; shift
	waited=0
	until "$@" 2>/dev/null; do
		[ "$waited" -ge "$limit" ] && return 1
		sleep 1
		waited=$((waited + 1))
	done
}
prop() { systemctl show -P "$1" brinkd.service; }
active() { [ "$(prop ActiveState)" = active ]; }
alerts() { grep -c . /var/log/brink/alerts.jsonl 2>/dev/null || echo 0; }
has_alert() { [ "$(alerts)" -gt 0 ]; }
spooled() {
	"$BRINKD" --status -c "$CONF" 2>/dev/null |
	    sed -n 's/^  hook: .*[ ,]\([0-9][0-9]*\) spooled.*/\1/p'
}
spool_nonempty() { [ "${1:-$(spooled)}" -gt 0 ] 2>/dev/null; }

# 1. Start: with Type=notify, systemctl start returns once brinkd said
# READY=1, so the unit is active when it does.
if [ "$(prop Type)" != notify ]; then
	not_ok "the unit is Type=notify: it is $(prop Type)"
fi
if systemctl start brinkd.service && active; then
	ok "systemctl start returns with brinkd active (Type=notify)"
else
	# Nothing after this can pass; waiting out every check's limit
	# (some 22 minutes) would only delay the failure.
	not_ok "start: $(systemctl status brinkd.service 2>&1 | tail -n 5)"
	journalctl --no-pager -b > /live-out/journal 2>&1
	ok "all checks ran (the rest skipped: brinkd did not start)"
	exit 0
fi
pid=$(prop MainPID)

# 2. An alert from the local feed reaches the alert log.
if wait_until 300 has_alert; then
	ok "an alert from a local feed in /var/log/brink/alerts.jsonl"
else
	not_ok "no alert in /var/log/brink/alerts.jsonl within 300 s"
fi

# 3. The webhook receiver does not answer: the alerts wait in the spool.
if wait_until 300 spool_nonempty; then
	depth=$(spooled)
	ok "the webhook's alerts wait in the spool ($depth)"
else
	depth=0
	not_ok "nothing spooled for the unreachable webhook within 300 s"
fi

# 4. A good reload is taken by the same process.
echo "# reloaded" >> "$CONF"
reloaded() {
	journalctl -u brinkd.service --no-pager -o cat |
	    grep -q "configuration reloaded"
}
# brinkd says RELOADING=1 on SIGHUP and READY=1 once done, so the unit
# may be "reloading" for a moment after systemctl reload returns.
if systemctl reload brinkd.service && wait_until 120 reloaded &&
    wait_until 120 active && [ "$(prop MainPID)" = "$pid" ]; then
	ok "a good configuration reloads, same brinkd"
else
	not_ok "good reload: $(journalctl -u brinkd.service --no-pager | tail -n 5)"
fi

# 5. A bad one fails the reload, with the reason, and brinkd runs on.
cp "$CONF" /root/good.conf
echo 'feed broken { url = }' >> "$CONF"
if systemctl reload brinkd.service 2> /root/reload.err; then
	not_ok "a bad configuration reloaded without error"
else
	ok "a bad configuration fails systemctl reload"
fi
if active && [ "$(prop MainPID)" = "$pid" ]; then
	ok "brinkd runs on after the refused reload"
else
	not_ok "brinkd after the refused reload: $(prop ActiveState) pid $(prop MainPID)"
fi
if journalctl -u brinkd.service --no-pager | grep -q "brink.conf:[0-9]"; then
	ok "the journal names the bad file and line"
else
	not_ok "the journal does not name brink.conf:LINE"
fi
cp /root/good.conf "$CONF"

# 6. A restart keeps the spool.
systemctl restart brinkd.service
if active && spool_nonempty "$depth" && [ "$(spooled)" -ge "$depth" ]; then
	ok "the spool survives a restart ($(spooled) waiting)"
else
	not_ok "spool after restart: $(spooled), before $depth"
fi

# 7. The watchdog restarts a brinkd that stops answering.
pid=$(prop MainPID)
restarts=$(prop NRestarts)
kill -STOP "$pid"
restarted() {
	active && [ "$(prop MainPID)" != "$pid" ] &&
	    [ "$(prop NRestarts)" -gt "$restarts" ]
}
if wait_until 600 restarted; then
	ok "the watchdog restarted brinkd after SIGSTOP"
else
	not_ok "no watchdog restart within 600 s: $(prop ActiveState) pid $(prop MainPID)"
fi
if journalctl -u brinkd.service --no-pager | grep -qi "watchdog timeout"; then
	ok "the journal says the watchdog fired"
else
	not_ok "the journal has no watchdog timeout"
fi
if spool_nonempty && [ "$(spooled)" -ge "$depth" ]; then
	ok "the spool survives the watchdog's restart"
else
	not_ok "spool after the watchdog restart: $(spooled), before $depth"
fi

# 8. The exposure systemd reports for the running unit.
systemd-analyze security brinkd.service > /root/security.out 2>&1
score=$(sed -n 's/.*Overall exposure level for brinkd.service: \([0-9.]*\).*/\1/p' \
    /root/security.out)
if [ -n "$score" ] && awk -v s="$score" 'BEGIN { exit !(s <= 2.0) }'; then
	ok "systemd-analyze security: $score (2.0 or lower)"
else
	not_ok "systemd-analyze security: ${score:-no score}: $(tail -n 3 /root/security.out)"
fi

journalctl --no-pager -b > /live-out/journal 2>&1
ok "all checks ran"
