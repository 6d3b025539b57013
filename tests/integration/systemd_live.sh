#!/bin/sh
# brinkd under a real systemd: a minimal Debian (debootstrap, from the
# archive apt uses here; tests/debroot.sh) is booted with systemd-nspawn,
# brink is installed in it (the .deb named by $BRINK_DEB, as .ci/run does
# after building it, or else `make install DESTDIR=` of this tree), and a
# script inside checks what an operator relies on: the start waits for
# READY=1 (Type=notify), an alert from a local feed reaches the alert
# log, a good reload is taken and a bad one fails with brinkd still
# running, the watchdog restarts a brinkd stopped with SIGSTOP, the
# webhook spool survives restarts, and `systemd-analyze security` rates
# the unit 2.0 or lower.  Skipped where nspawn cannot boot a container.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/debroot.sh"

debroot_need
command -v systemd-nspawn >/dev/null 2>&1 ||
    skip "systemd-nspawn not installed (./bootstrap installs systemd-container)"

# Where make install puts things, and whether systemd would find the unit
# there (not under distcheck's prefix).
if [ -z "${BRINK_DEB:-}" ]; then
	mkvar() { sed -n "s/^$1 = //p" "$top_builddir/Makefile"; }
	prefix=$(mkvar prefix)
	expand() { sed "s|\${prefix}|$prefix|; s|\$(prefix)|$prefix|; s|\${exec_prefix}|$prefix|"; }
	sysconfdir=$(mkvar sysconfdir | expand)
	sbindir=$(mkvar sbindir | expand)
	unitdir=$(mkvar systemdsystemunitdir | expand)
	case "$unitdir" in
	/etc/systemd/system|/usr/local/lib/systemd/system|/usr/lib/systemd/system|/lib/systemd/system) ;;
	*) skip "this build installs the unit in '$unitdir', where systemd does not look (distcheck's prefix?); configure with the default prefix" ;;
	esac
else
	[ -f "$BRINK_DEB" ] || hard_error "BRINK_DEB=$BRINK_DEB: no such file"
	sysconfdir=/etc sbindir=/usr/sbin
fi

# What brink needs in the root: the package's dependencies, or the
# libraries the brinkd of this tree links (the sanitizers' too, in a
# sanitizer build).
if [ -n "${BRINK_DEB:-}" ]; then
	needs=$(debroot_deb_depends "$BRINK_DEB")
else
	# procps: the unit's ExecReload runs /bin/kill, which a standard
	# Debian has and a minimal root has not (the .deb depends on it).
	needs="$(debroot_libs "$BRINKD") iso-codes procps"
fi
# shellcheck disable=SC2086
debroot_make $needs
root="$T/root"
debroot_copy "$debroot" "$root"

if [ -n "${BRINK_DEB:-}" ]; then
	cp "$BRINK_DEB" "$root/tmp/brink.deb"
	chroot "$root" dpkg -i /tmp/brink.deb > "$T/install.out" 2>&1 ||
	    hard_error "dpkg -i in the root failed: $(cat "$T/install.out")"
else
	${MAKE:-make} -s -C "$top_builddir" install DESTDIR="$root" \
	    > "$T/install.out" 2>&1 ||
	    hard_error "make install failed: $(cat "$T/install.out")"
	# The .deb's postinst enables the unit; after make install the
	# administrator does.
	chroot "$root" systemctl enable brinkd.service > "$T/enable.out" 2>&1 ||
	    hard_error "systemctl enable in the root: $(cat "$T/enable.out")"
fi
[ -f "$root$sysconfdir/brink/rules/default.conf" ] ||
    hard_error "no rule pack at $sysconfdir/brink/rules in the root"

# A feed read from a file (the container has no network but loopback),
# an alert log, and a webhook sink whose receiver never answers, so that
# its alerts wait in the spool.
mkdir -p "$root/srv/brink-live"
cp "$top_srcdir/share/samples/meridian-wire.atom" "$root/srv/brink-live/"
chmod -R a+rX "$root/srv/brink-live"
cat > "$root$sysconfdir/brink/brink.conf" <<CONF
state_dir = "/var/lib/brink"
max_age   = "3650d"
include("$sysconfdir/brink/rules/default.conf")
actor ostrel {
	names = {"Ostrel", "Ostreli", "Dovrin", "Tamar Ruslo", "Ilse Varga"}
	rivals = {"varnia"}
}
actor varnia {
	names = {"Varnia", "Varnian", "Selvek", "Anja Merrow"}
}
feed meridian-wire {
	url = "file:///srv/brink-live/meridian-wire.atom"
}
sink log {
	type   = "file"
	format = "json"
	path   = "/var/log/brink/alerts.jsonl"
}
sink hook {
	type = "webhook"
	url  = "http://127.0.0.1:9/hook"
}
CONF
chmod 644 "$root$sysconfdir/brink/brink.conf"

# A shorter watchdog than the shipped minute, so the test does not wait
# for it; leak checking of a sanitizer build is the unit tests' job (the
# sandbox forbids what LeakSanitizer does at exit).
mkdir -p "$root/etc/systemd/system/brinkd.service.d"
cat > "$root/etc/systemd/system/brinkd.service.d/live-test.conf" <<'UNIT'
[Service]
WatchdogSec=20s
Environment=ASAN_OPTIONS=detect_leaks=0:abort_on_error=1
UNIT

# The checks run inside, as a service started once the system is up;
# they write "ok NAME" or "not ok NAME: why" lines to /live-out, a
# directory shared with this test, and power the container off.
mkdir -p "$T/out"
cat > "$root/etc/systemd/system/brink-live-check.service" <<UNIT
[Unit]
Description=brink live checks
After=multi-user.target
[Service]
Type=oneshot
TimeoutStartSec=infinity
Environment=CONF=$sysconfdir/brink/brink.conf BRINKD=$sbindir/brinkd
ExecStart=/bin/sh /usr/local/lib/brink-live-check.sh
ExecStopPost=/bin/systemctl --no-block poweroff
StandardOutput=journal+console
[Install]
WantedBy=multi-user.target
UNIT
mkdir -p "$root/usr/local/lib"
cp "$top_srcdir/tests/integration/systemd_live_inside.sh" \
    "$root/usr/local/lib/brink-live-check.sh"
chroot "$root" systemctl enable brink-live-check.service \
    > "$T/enable.out" 2>&1 ||
    hard_error "enabling the check service: $(cat "$T/enable.out")"

# Can this machine boot a container at all?  (Not in every sandbox: it
# needs mount, PID and UTS namespaces and a writable cgroup tree.)
if ! timeout 120 systemd-nspawn --quiet --register=no --keep-unit \
    --private-network -D "$root" /bin/true > "$T/probe.out" 2>&1; then
	skip "systemd-nspawn cannot run a container here: $(tail -n 3 "$T/probe.out" | tr '\n' ' ')"
fi

# Bounded: a hung boot ends the test, not CI.  Every wait inside has its
# own bound well under this one.
status=0
timeout 1500 systemd-nspawn --quiet --boot --register=no --keep-unit \
    --private-network -D "$root" --bind="$T/out:/live-out" \
    > "$T/console.out" 2>&1 || status=$?
if [ ! -s "$T/out/results" ]; then
	tail -n 40 "$T/console.out"
	hard_error "the container ran no checks (nspawn exit $status; console above)"
fi
while read -r verdict rest; do
	case "$verdict" in
	ok) pass "$rest" ;;
	*) fail "${rest#ok }" ;;
	esac
done < "$T/out/results"
grep -q '^ok all checks ran' "$T/out/results" ||
    fail "the checks inside stopped early (console: $(tail -n 20 "$T/console.out"))"
if [ "$failures" -gt 0 ] && [ -f "$T/out/journal" ]; then
	tail -n 60 "$T/out/journal"
fi
finish
