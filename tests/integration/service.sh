#!/bin/sh
# brinkd run the way brinkd.service runs it, with the commands taken from
# the unit that make built: ExecStart in the foreground, ExecReload (check
# with -t, then SIGHUP) refusing a broken configuration or one whose
# secret does not resolve and applying a good one, the shipped logrotate
# file rotating the alert log under the running daemon with no alert
# lost, and SIGTERM (systemd's stop) exiting 0.
. "$top_srcdir/tests/lib.sh"

command -v "$PYTHON3" >/dev/null 2>&1 || skip "python3 not installed"
: "${LOGROTATE:=$(command -v logrotate || echo /usr/sbin/logrotate)}"
[ -x "$LOGROTATE" ] ||
    skip "logrotate not installed (./bootstrap installs logrotate)"
unit="$top_builddir/systemd/brinkd.service"
[ -f "$unit" ] || hard_error "$unit was not built (make builds it)"

# The unit's command lines, with the installed paths swapped for the
# build's brinkd and this test's configuration.
unit_cmd() {
	sed -n "s/^$1=//p" "$unit" |
	    sed -e "s|^[^ ]*/brinkd |$BRINKD |" \
	        -e "s| [^ ]*/brink/brink.conf| $T/brink.conf|"
}

# StateDirectory and LogsDirectory, and the samples as feeds to change.
mkdir -p "$T/state" "$T/log" "$T/feeds"
cp "$top_srcdir"/share/samples/*.atom "$top_srcdir"/share/samples/*.rss \
    "$T/feeds/"
write_conf() {
	cat > "$T/brink.conf" <<CONF
state_dir = "$T/state"
interval  = "1s"
max_age   = "3650d"
include("$top_srcdir/etc/rules/default.conf")
actor ostrel { names = {"Ostrel", "Ostreli", "Dovrin", "Tamar Ruslo"}
	rivals = {"varnia"} }
actor varnia { names = {"Varnia", "Varnian", "Selvek", "Anja Merrow"} }
feed meridian-wire { url = "file://$T/feeds/meridian-wire.atom" }
feed harbour-herald { url = "file://$T/feeds/harbour-herald.rss" }
sink log {
	type = "file"
	path = "$T/log/alerts.jsonl"
}
CONF
}
write_conf

# ExecStart, as systemd would run it.
start=$(unit_cmd ExecStart)
case "$start" in
"$BRINKD -f -c $T/brink.conf") ;;
*) hard_error "unexpected ExecStart: $start" ;;
esac
BRINKD_LOG="$T/brinkd.log"
$start >> "$BRINKD_LOG" 2>&1 &
pid=$!
track $pid

count() { cat "$T"/log/alerts.jsonl* 2>/dev/null | wc -l; }
if wait_for 30 sh -c "[ \$(cat $T/log/alerts.jsonl 2>/dev/null | wc -l) -ge 6 ]"; then
	pass "the service raised the samples' alerts into the alert log"
else
	fail "only $(count) alerts after 30 s: $(tail -n 5 "$BRINKD_LOG")"
fi
before=$(count)

# systemctl reload: every ExecReload line in turn, stopping at the first
# that fails, as systemd does.  $MAINPID is brinkd.
reload() {
	unit_cmd ExecReload | sed "s|\$MAINPID|$pid|" > "$T/reload.cmds"
	while read -r cmd; do
		$cmd >> "$T/reload.out" 2>&1 || return 1
	done < "$T/reload.cmds"
}
echo 'feed broken { url = }' >> "$T/brink.conf"
if reload; then
	fail "systemctl reload accepted a broken configuration"
else
	pass "systemctl reload refuses a broken configuration, naming its line"
fi
check "the error names the file and line" \
    grep -q "brink.conf:[0-9]*:" "$T/reload.out"
sleep 1
check "brinkd was not signalled, and still runs" kill -0 $pid
check "brinkd did not reload" sh -c "! grep -q 'reloading' '$BRINKD_LOG'"

# A configuration brinkd would refuse for a secret that does not resolve
# fails the reload too, naming the variable, instead of a "success" after
# which brinkd logs that it kept the old configuration.
write_conf
cat >> "$T/brink.conf" <<'CONF'
sink chat { type = "webhook" url = "${env:BRINK_SERVICE_TEST_UNSET}" }
CONF
unset BRINK_SERVICE_TEST_UNSET
: > "$T/reload.out"
if reload; then
	fail "systemctl reload accepted a webhook whose secret is unset"
else
	pass "systemctl reload refuses a webhook whose secret is unset"
fi
check "the error names the sink's line and the variable" \
    grep -q "brink.conf:[0-9]*: sink chat: url: .*BRINK_SERVICE_TEST_UNSET is not set" \
    "$T/reload.out"
check "brinkd was not signalled" sh -c "! grep -q 'reloading' '$BRINKD_LOG'"

write_conf
echo "feed northgate-radio { url = \"file://$T/feeds/northgate-radio.rdf\" }" \
    >> "$T/brink.conf"
cp "$top_srcdir/share/samples/northgate-radio.rdf" "$T/feeds/"
if reload; then
	pass "systemctl reload accepts the fixed configuration"
else
	fail "systemctl reload failed: $(cat "$T/reload.out")"
fi
check "brinkd reloaded it" \
    wait_for 10 grep -q 'configuration reloaded' "$BRINKD_LOG"
check "and polls the feed it added" \
    wait_for 30 grep -q 'northgate-radio' "$T/log/alerts.jsonl"
wait_for 10 sh -c "[ \$(cat $T/log/alerts.jsonl* | wc -l) -ge $((before + 3)) ]"
before=$(count)

# logrotate, with the shipped file: /var/log/brink is $T/log, and the
# signal goes to this brinkd instead of through systemctl.
sed -e "s|/var/log/brink|$T/log|g" \
    -e "s|systemctl kill --kill-who=main --signal=HUP brinkd.service|kill -HUP $pid|" \
    "$top_srcdir/etc/logrotate.d/brink" > "$T/logrotate.conf"
chmod 644 "$T/logrotate.conf"
"$LOGROTATE" -f -s "$T/logrotate.state" "$T/logrotate.conf" \
    > "$T/logrotate.out" 2>&1 ||
    fail "logrotate failed: $(cat "$T/logrotate.out")"
check "the alert log was rotated" test -s "$T/log/alerts.jsonl.1"

# A new article after the rotation lands in a new alert log.
sed -i 's|</channel>|<item><title>Varnia vows revenge after a second shelling</title><link>https://harbour-herald.example.com/world/second-shelling</link><guid isPermaLink="false">herald-test-second-shelling</guid><description>President Anja Merrow vowed to retaliate against Ostrel after shells struck a second border post.</description></item></channel>|' \
    "$T/feeds/harbour-herald.rss"
check "the next alert goes to a new alert log" \
    wait_for 30 grep -q second-shelling "$T/log/alerts.jsonl"
check "no alert lost or repeated across the rotation" \
    test "$(count)" -eq $((before + 1))
dups=$(cat "$T"/log/alerts.jsonl* | "$PYTHON3" -c 'import json, sys
ids = [json.loads(l)["id"] for l in sys.stdin]
print(len(ids) - len(set(ids)))')
check "every alert id once" test "$dups" = 0

# systemctl stop sends SIGTERM (KillSignal's default).
kill -TERM $pid
if wait_for 10 sh -c "! kill -0 $pid"; then
	wait $pid
	status=$?
	check "SIGTERM stops brinkd with status 0" test $status -eq 0
else
	fail "brinkd still runs 10 s after SIGTERM"
fi

finish
