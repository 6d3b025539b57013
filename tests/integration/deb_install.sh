#!/bin/sh
# The brink package ($BRINK_DEB, built by .ci/deb with dpkg-buildpackage)
# installed with dpkg into a throwaway minimal Debian root, as on a real
# machine: everything lands where Debian puts it, the configuration and
# the rule pack are conffiles, debhelper enabled the unit, an upgrade
# brings the new rule pack where the administrator did not change it and
# keeps the files they did, and a purge leaves nothing behind.  Not in
# make check (it needs the package built first); .ci/run runs it.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/debroot.sh"

[ -n "${BRINK_DEB:-}" ] ||
    skip "no package to check: set BRINK_DEB to a brink .deb (.ci/deb builds one)"
[ -f "$BRINK_DEB" ] || hard_error "BRINK_DEB=$BRINK_DEB: no such file"
debroot_need

# shellcheck disable=SC2046
debroot_make $(debroot_deb_depends "$BRINK_DEB")
root="$T/root"
debroot_copy "$debroot" "$root"
in_root() { chroot "$root" "$@"; }

cp "$BRINK_DEB" "$root/tmp/brink.deb"
in_root dpkg -i /tmp/brink.deb > "$T/dpkg.out" 2>&1 ||
    hard_error "dpkg -i failed: $(cat "$T/dpkg.out")"
pass "dpkg -i installs the package"

check "brinkd in /usr/sbin" test -x "$root/usr/sbin/brinkd"
check "brinkd(8) installed" test -f "$root/usr/share/man/man8/brinkd.8.gz"
check "brink.conf(5) installed" test -f "$root/usr/share/man/man5/brink.conf.5.gz"
check "the copyright file" test -f "$root/usr/share/doc/brink/copyright"
check "the logrotate file where logrotate reads it" \
    test -f "$root/etc/logrotate.d/brink"
check "no pristine copies for make install's conffile handling" \
    test ! -e "$root/usr/share/brink/dist"
unit=$(in_root dpkg -L brink | grep '/systemd/system/brinkd.service$' || true)
check "the unit is in systemd's directory" test -n "$unit"
check "the unit runs /usr/sbin/brinkd" \
    grep -q '^ExecStart=/usr/sbin/brinkd -f -c /etc/brink/brink.conf' "$root$unit"
check "debhelper enabled the unit" \
    test -L "$root/etc/systemd/system/multi-user.target.wants/brinkd.service"

# shellcheck disable=SC2016
in_root dpkg-query -W -f='${Conffiles}\n' brink > "$T/conffiles"
for f in /etc/brink/brink.conf /etc/brink/rules/default.conf \
    /etc/brink/rules/countries.conf /etc/logrotate.d/brink; do
	check "$f is a conffile" grep -q "^ $f " "$T/conffiles"
done

# The shipped configuration passes brinkd's own check as installed.
if in_root /usr/sbin/brinkd -t -c /etc/brink/brink.conf > "$T/t.out" 2>&1; then
	pass "brinkd -t accepts the installed configuration"
else
	fail "brinkd -t on the installed configuration: $(cat "$T/t.out")"
fi

# An upgrade: the same package with a newer version and a changed rule
# pack.  The administrator changed countries.conf, not default.conf.
mkdir "$T/v2"
dpkg-deb -R "$BRINK_DEB" "$T/v2"
version=$(dpkg-deb -f "$BRINK_DEB" Version)
sed -i "s/^Version: .*/Version: $version+upgrade1/" "$T/v2/DEBIAN/control"
for f in default.conf countries.conf; do
	echo "# as the next release ships it" >> "$T/v2/etc/brink/rules/$f"
done
(cd "$T/v2" && find . -path ./DEBIAN -prune -o -type f -print |
    sed 's|^\./||' | xargs md5sum > DEBIAN/md5sums)
dpkg-deb --root-owner-group -b "$T/v2" "$root/tmp/brink-v2.deb" \
    > "$T/build.out" 2>&1 || hard_error "dpkg-deb -b: $(cat "$T/build.out")"
echo "# the administrator's" >> "$root/etc/brink/rules/countries.conf"
cp "$root/etc/brink/rules/countries.conf" "$T/countries.admin"
in_root dpkg -i --force-confold /tmp/brink-v2.deb > "$T/dpkg.out" 2>&1 ||
    hard_error "upgrade failed: $(cat "$T/dpkg.out")"
check "an unchanged rule file is upgraded" \
    cmp -s "$root/etc/brink/rules/default.conf" "$T/v2/etc/brink/rules/default.conf"
check "a rule file the administrator changed is kept" \
    cmp -s "$root/etc/brink/rules/countries.conf" "$T/countries.admin"
check "and the new one is beside it as .dpkg-dist" \
    cmp -s "$root/etc/brink/rules/countries.conf.dpkg-dist" \
    "$T/v2/etc/brink/rules/countries.conf"
check "the unit is still enabled after the upgrade" \
    test -L "$root/etc/systemd/system/multi-user.target.wants/brinkd.service"

# A purge takes everything, the administrator's files included.
in_root dpkg --purge brink > "$T/dpkg.out" 2>&1 ||
    hard_error "dpkg --purge failed: $(cat "$T/dpkg.out")"
check "purge removes /etc/brink" test ! -e "$root/etc/brink"
check "purge removes the logrotate file" test ! -e "$root/etc/logrotate.d/brink"
check "purge removes the unit's enablement" \
    test ! -e "$root/etc/systemd/system/multi-user.target.wants/brinkd.service"
finish
