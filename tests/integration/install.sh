#!/bin/sh
# make install and make uninstall into a scratch DESTDIR, as a packager or
# an administrator would run them: everything lands where it should, a
# configuration file changed by the administrator survives a reinstall
# (the new version goes beside it as .dist) and an uninstall.
. "$top_srcdir/tests/lib.sh"

root="$T/root"
# The tree was built by make check already; this only copies files.
inst() {
	${MAKE:-make} -s -C "$top_builddir" "$@" DESTDIR="$root" \
	    > "$T/make.out" 2>&1
}
inst install || hard_error "make install failed: $(cat "$T/make.out")"

# one NAME: the single installed file whose path ends in NAME.
one() {
	find "$root" -path "*/$1" -type f | head -n 1
}
brinkd=$(one sbin/brinkd)
check "brinkd in sbindir" test -x "$brinkd"
check "brinkd.8 installed" test -n "$(one man8/brinkd.8)"
check "brink.conf.5 installed" test -n "$(one man5/brink.conf.5)"
rotate=$(one logrotate.d/brink)
check "logrotate.d/brink installed" test -n "$rotate"
# logrotate reads /etc/logrotate.d and nothing under /usr/local: that is
# where the file goes whatever the prefix, unless configure was told
# otherwise (distcheck, an unprivileged prefix).
if ! "$top_builddir/config.status" --config | grep -q with-logrotatedir; then
	check "the logrotate file is where logrotate reads it" \
	    test -f "$root/etc/logrotate.d/brink"
fi
if grep -q '^systemdsystemunitdir = .' "$top_builddir/Makefile"; then
	unit=$(one system/brinkd.service)
	check "brinkd.service installed" test -n "$unit"
	check "the unit runs the installed brinkd" \
	    grep -q "^ExecStart=${brinkd#"$root"} -f " "$unit"
fi
if [ -f "$top_srcdir/etc/brink.conf" ]; then
	check "brink.conf installed" test -n "$(one brink/brink.conf)"
fi
check "conf.d/ with its example for local overrides" \
    test -n "$(one brink/conf.d/local.conf.example)"
for f in "$top_srcdir"/etc/rules/*.conf; do
	[ -f "$f" ] || continue
	check "rule pack: $(basename "$f")" \
	    test -n "$(one "brink/rules/$(basename "$f")")"
done

# An unchanged file from an older release is updated by a reinstall: the
# pristine copy in pkgdatadir tells it from one the administrator changed.
pristine=$(one dist/etc/logrotate.d/brink)
check "a pristine copy of what was shipped is kept" test -n "$pristine"
echo "# as an older release shipped it" | tee "$rotate" > "$pristine"
inst install || hard_error "make install failed: $(cat "$T/make.out")"
check "an unchanged file is updated by a reinstall" \
    cmp -s "$rotate" "$top_srcdir/etc/logrotate.d/brink"
check "and gets no .dist beside it" test ! -e "$rotate.dist"

# The administrator edits the configuration files; a reinstall keeps
# every one of them.
edited="$rotate"
for f in $(find "$root" -path '*/brink/brink.conf' -o \
    -path '*/brink/rules/*.conf' -not -path '*/dist/*'); do
	edited="$edited $f"
done
for f in $edited; do
	echo "# changed by the administrator" >> "$f"
	cp "$f" "$f.saved"
done
inst install || hard_error "second make install failed: $(cat "$T/make.out")"
for f in $edited; do
	check "changed $(basename "$f") survives a reinstall" \
	    cmp -s "$f" "$f.saved"
	check "the new $(basename "$f") is beside it as .dist" \
	    test -f "$f.dist"
done
check "the new logrotate file is the shipped one" \
    cmp -s "$rotate.dist" "$top_srcdir/etc/logrotate.d/brink"

inst uninstall || hard_error "make uninstall failed: $(cat "$T/make.out")"
for f in $edited; do
	check "changed $(basename "$f") survives make uninstall" \
	    cmp -s "$f" "$f.saved"
	rm -f "$f" "$f.saved"
done
left=$(find "$root" -type f)
if [ -z "$left" ]; then
	pass "make uninstall removes everything else"
else
	fail "make uninstall left: $left"
fi
# brink's own directories go with its files; the standard ones (sbindir,
# mandir, the unit directory) are shared with other packages and stay.
# (A fresh install: above, the files kept as changed kept their
# directories too, as they should.)
inst install || hard_error "make install failed: $(cat "$T/make.out")"
inst uninstall || hard_error "make uninstall failed: $(cat "$T/make.out")"
# Judged below the prefix: distcheck's prefix is itself a path with
# "brink" in it (.../brink-VERSION/_inst), which says nothing of whose
# directory it is.
prefix=$(sed -n 's/^prefix = //p' "$top_builddir/Makefile")
left=$(cd "$root" && find . -type d -empty | while read -r d; do
	below=${d#".$prefix"}
	case $below in
	*brink*|*/logrotate.d) echo "$d" ;;
	esac
done)
if [ -z "$left" ]; then
	pass "make uninstall leaves none of brink's directories empty"
else
	fail "make uninstall left empty directories: $left"
fi

finish
