#!/bin/sh
# The service unit as systemd sees it: `systemd-analyze verify` finds
# nothing to say, `systemd-analyze security` rates it 2.0 or lower, and it
# asks for what the README promises (notify when built with libsystemd,
# -f, reload by SIGHUP, an unprivileged user, brink's own directories).
. "$top_srcdir/tests/lib.sh"

command -v systemd-analyze >/dev/null 2>&1 ||
    skip "systemd-analyze not installed (./bootstrap installs systemd)"

unit="$top_builddir/systemd/brinkd.service"
[ -f "$unit" ] || hard_error "$unit was not built (make builds it)"

# verify wants every command to exist: point them at the brinkd just built.
mkdir -p "$T/units"
sed -e "s|^\(Exec[A-Za-z]*=\)[^ ]*/brinkd |\1$BRINKD |" "$unit" \
    > "$T/units/brinkd.service"

# Documentation= is checked with man(1): let it find the pages in the tree.
man_opt=""
if command -v man >/dev/null 2>&1; then
	mkdir -p "$T/man/man5" "$T/man/man8"
	cp "$top_srcdir/man/brinkd.8" "$T/man/man8/"
	cp "$top_srcdir/man/brink.conf.5" "$T/man/man5/"
	MANPATH="$T/man"; export MANPATH
else
	man_opt="--man=no"
fi

# shellcheck disable=SC2086
if systemd-analyze verify $man_opt "$T/units/brinkd.service" \
    > "$T/verify.out" 2>&1 && [ ! -s "$T/verify.out" ]; then
	pass "systemd-analyze verify is clean"
else
	fail "systemd-analyze verify: $(cat "$T/verify.out")"
fi

systemd-analyze security --offline=true "$T/units/brinkd.service" \
    > "$T/security.out" 2>&1
score=$(sed -n 's/.*Overall exposure level for brinkd.service: \([0-9.]*\).*/\1/p' \
    "$T/security.out")
if [ -z "$score" ]; then
	fail "systemd-analyze security gave no score: $(tail -n 5 "$T/security.out")"
elif awk -v s="$score" 'BEGIN { exit !(s <= 2.0) }'; then
	pass "systemd-analyze security: exposure $score (at most 2.0)"
else
	fail "systemd-analyze security: exposure $score, above 2.0:
$(grep '✗' "$T/security.out")"
fi

# has KEY=VALUE: the unit sets exactly that line.
has() { grep -qx -- "$1" "$T/units/brinkd.service"; }

# sd_notify only works if brinkd was linked with libsystemd; a notify unit
# around a brinkd that never says READY=1 would time out on every start.
if grep -q '^#define HAVE_LIBSYSTEMD 1' "$top_builddir/autoconf.h"; then
	check "Type=notify with a watchdog (built with libsystemd)" \
	    sh -c "grep -qx 'Type=notify' '$T/units/brinkd.service' &&
	    grep -q '^WatchdogSec=' '$T/units/brinkd.service'"
else
	check "Type=simple, no watchdog (built without libsystemd)" \
	    sh -c "grep -qx 'Type=simple' '$T/units/brinkd.service' &&
	    ! grep -q '^WatchdogSec=' '$T/units/brinkd.service'"
fi
check "brinkd runs in the foreground" \
    grep -q '^ExecStart=[^ ]*/brinkd -f ' "$T/units/brinkd.service"
check "reload sends SIGHUP" has 'ExecReload=/bin/kill -HUP $MAINPID'
check "restarts on failure" has 'Restart=on-failure'
# brinkd exits 78 (EX_CONFIG) for a configuration it cannot start with:
# systemd must stop at once, not restart it until the start limit.
check "no restart on a bad configuration (78) or usage (2)" \
    has 'RestartPreventExitStatus=2 78'
check "reload runs the full check first" \
    grep -q '^ExecReload=[^ ]*/brinkd -t -c ' "$T/units/brinkd.service"
check "runs as an unprivileged dynamic user" has 'DynamicUser=yes'
for d in StateDirectory LogsDirectory ConfigurationDirectory; do
	check "$d=brink" has "$d=brink"
done
check "no capabilities" has 'CapabilityBoundingSet='
check "file system read-only but for its own directories" \
    has 'ProtectSystem=strict'

finish
