# shellcheck shell=sh
# tests/debroot.sh: a minimal Debian root (debootstrap) for the tests
# that boot or install brink in one: tests/integration/systemd_live.sh and
# .ci/deb.  Sourced; needs tests/lib.sh's skip for debroot_need.
#
# The root comes from the archive and release apt uses on this machine,
# so it matches what brink was built against.  Making one downloads some
# 100 MB and takes minutes; it is kept in $BRINK_DEBROOT_CACHE
# (/var/cache/brink-tests by default) under a name that says what is in
# it, and copied for each use, so later runs take seconds.

# debroot_need: skip unless this machine can make and use such a root.
debroot_need() {
	[ "$(id -u)" = 0 ] ||
	    skip "needs root to debootstrap and boot a Debian root (CI runs as root)"
	command -v debootstrap >/dev/null 2>&1 ||
	    skip "debootstrap not installed (./bootstrap installs it)"
	command -v apt-get >/dev/null 2>&1 ||
	    skip "not a Debian or Ubuntu machine: no archive to debootstrap from"
}

# debroot_archive: "URI SUITE" of the archive apt installs this release from.
debroot_archive() {
	. /etc/os-release
	# shellcheck disable=SC2016
	apt-get indextargets --format '$(REPO_URI) $(RELEASE)' \
	    'Created-By: Packages' 2>/dev/null |
	    awk -v suite="${VERSION_CODENAME:-}" '$2 == suite { print; exit }'
}

# debroot_libs BINARY: the Debian packages holding BINARY's shared
# libraries (asked about as ldd names them and as resolved: with a merged
# /usr, dpkg knows only one of the two paths).
debroot_libs() {
	# shellcheck disable=SC2046
	dpkg -S $(ldd "$1" | awk '$3 ~ /^\// { print $3 }' |
	    while read -r lib; do echo "$lib"; readlink -f "$lib"; done) \
	    2>/dev/null | sed 's/:.*//; s/,.*//' | sort -u |
	    grep -v '^libc6$' | tr '\n' ' '
}

# debroot_make PACKAGES...: sets debroot to the path of a cached root with
# systemd and PACKAGES in it, making it first if needed (no subshell, so
# that its skip or error message is seen).
debroot_make() {
	archive=$(debroot_archive)
	[ -n "$archive" ] ||
	    skip "cannot tell which archive apt uses (apt-get indextargets); run apt-get update"
	set -- systemd systemd-sysv "$@"
	include=$(printf '%s\n' "$@" | sort -u | tr '\n' ',' | sed 's/,$//')
	key=$(printf '%s %s' "$archive" "$include" | md5sum | cut -c1-12)
	cache="${BRINK_DEBROOT_CACHE:-/var/cache/brink-tests}"
	cached_root="$cache/debroot-${archive##* }-$key"
	if [ ! -f "$cached_root/.complete" ]; then
		rm -rf "$cached_root.tmp"
		mkdir -p "$cache"
		# shellcheck disable=SC2086
		if ! debootstrap --variant=minbase --include="$include" \
		    ${archive##* } "$cached_root.tmp" ${archive%% *} \
		    > "$cache/debootstrap.log" 2>&1; then
			tail -n 20 "$cache/debootstrap.log" >&2
			hard_error "debootstrap from $archive failed ($cache/debootstrap.log)"
		fi
		touch "$cached_root.tmp/.complete"
		rm -rf "$cached_root"
		mv "$cached_root.tmp" "$cached_root"
	fi
	# shellcheck disable=SC2034
	debroot=$cached_root
}

# debroot_copy CACHED DEST: a throwaway copy of a cached root.
debroot_copy() {
	rm -rf "$2"
	cp -a "$1" "$2"
}

# debroot_deb_depends DEB: the packages DEB depends on (the first of each
# set of alternatives), for debroot_make, since dpkg -i fetches nothing.
debroot_deb_depends() {
	dpkg-deb -f "$1" Depends Pre-Depends | tr ',' '\n' |
	    sed 's/^[A-Za-z-]*: //; s/|.*//; s/(.*//; s/[[:space:]]//g' |
	    grep . | sort -u | tr '\n' ' '
}
