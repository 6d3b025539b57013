#!/bin/sh
# The command line: an option that a mode would ignore is refused with
# status 2 and a message naming both (brinkd.8, EXIT STATUS), instead of
# running the mode as if it had not been given.
. "$top_srcdir/tests/lib.sh"

[ -x "$BRINKD" ] || hard_error "$BRINKD not built"

printf 'state_dir = "%s/state"\nfeed f { url = "file:///dev/null" }\n' "$T" \
    > "$T/brink.conf"

# refused MESSAGE ARGS...: brinkd ARGS exits 2, says MESSAGE on stderr
# and nothing on stdout.
refused() {
	message=$1; shift
	status=0
	"$BRINKD" "$@" </dev/null >"$T/out" 2>"$T/err" || status=$?
	[ "$status" = 2 ] && grep -qF -- "$message" "$T/err" && ! [ -s "$T/out" ]
}

check "-t --json is refused, naming both" \
    refused "brinkd: --json goes with --trend, not with -t" \
    -t --json -c "$T/brink.conf"
check "... in either order" \
    refused "brinkd: --json goes with --trend, not with -t" \
    --json -t -c "$T/brink.conf"
check "--json with --status is refused" \
    refused "brinkd: --json goes with --trend, not with --status" \
    --status --json -c "$T/brink.conf"
check "--json alone still says where it goes" \
    refused "brinkd: --json goes with --trend" --json -c "$T/brink.conf"
check "-f -t is refused, naming both" \
    refused "brinkd: -f goes with the daemon and --once, not with -t" \
    -f -t -c "$T/brink.conf"
# -f --once: the loop run once stays in the foreground; -f is taken.
"$BRINKD" -f --once -c "$T/brink.conf" </dev/null >"$T/once.out" \
    2>"$T/once.err" || true
check "-f --once is taken" sh -c '! grep -q -- "-f goes with" "$1"' sh \
    "$T/once.err"
check "-f --parse is refused" \
    refused "brinkd: -f goes with the daemon and --once, not with --parse" \
    --parse /dev/null -f
check "-c --parse is refused: --parse reads no configuration" \
    refused "brinkd: -c goes with every mode but --parse" \
    --parse /dev/null -c "$T/brink.conf"
check "... in either order" \
    refused "brinkd: -c goes with every mode but --parse" \
    -c "$T/brink.conf" --parse -
check "-f --match is refused" \
    refused "brinkd: -f goes with the daemon and --once, not with --match" \
    --match - -f -c "$T/brink.conf"
check "-f --status is refused" \
    refused "brinkd: -f goes with the daemon and --once, not with --status" \
    -f --status -c "$T/brink.conf"
check "-f --trend is refused" \
    refused "brinkd: -f goes with the daemon and --once, not with --trend" \
    -f --trend -c "$T/brink.conf"

# What goes together still works.
status=0
"$BRINKD" -t -c "$T/brink.conf" >"$T/t.out" 2>&1 || status=$?
check "-t alone still checks" test "$status" = 0
check "... and says so" grep -q "configuration ok" "$T/t.out"
finish
