#!/bin/sh
# The manual pages: lint-clean under mandoc, every option of
# `brinkd --help` in brinkd(8), and every key of the configuration schema
# (the key tables of src/config.c) in brink.conf(5).
. "$top_srcdir/tests/lib.sh"

: "${MANDOC:=$(command -v mandoc || true)}"
[ -n "$MANDOC" ] || skip "mandoc not installed (./bootstrap installs mandoc)"

brinkd8="$top_srcdir/man/brinkd.8"
conf5="$top_srcdir/man/brink.conf.5"

# -W warning: style hints such as "referenced manual not found" depend on
# what this machine has installed, not on the page.
for page in "$brinkd8" "$conf5"; do
	if "$MANDOC" -T lint -W warning "$page" > "$T/lint.out" 2>&1; then
		pass "mandoc lint: $(basename "$page")"
	else
		fail "mandoc lint: $(basename "$page"):
$(cat "$T/lint.out")"
	fi
done

# render PAGE: the page as a reader sees it, without overstrike.
render() {
	"$MANDOC" -T ascii "$1" | sed 's/.\x08//g'
}
render "$brinkd8" > "$T/brinkd.txt"
render "$conf5" > "$T/conf.txt"

# Every -x and --long-option that the help lists.
"$BRINKD" --help > "$T/help.txt" || fail "brinkd --help exits non-zero"
# An option stands after a space, a bracket or the line's start; the "-"
# inside a path (the default configuration under a build directory such
# as /tmp/brink-x) is not one.
grep -oE -- '(^|[[:space:][(])--?[A-Za-z][A-Za-z-]*' "$T/help.txt" |
    sed 's/^[[:space:][(]*//' | grep '^-' | sort -u \
    > "$T/options.txt"
[ "$(wc -l < "$T/options.txt")" -ge 9 ] ||
    hard_error "found only $(wc -l < "$T/options.txt") options in brinkd --help"
# The entries of the OPTIONS section: its lines that start with an option.
sed -n '/^OPTIONS/,/^[A-Z]/p' "$T/brinkd.txt" | grep '^ *-' > "$T/entries.txt"
while read -r opt; do
	if grep -q -- "$opt\\b" "$T/entries.txt"; then
		pass "brinkd.8 documents $opt"
	else
		fail "brinkd.8 does not document $opt (listed by brinkd --help)"
	fi
done < "$T/options.txt"

# Every signal the daemon handles (ev_signal_init in src/) has an entry in
# the SIGNALS section.
grep -ho 'ev_signal_init([^;]*SIG[A-Z0-9]*)' "$top_srcdir"/src/*.c |
    grep -o 'SIG[A-Z0-9]*' | sort -u > "$T/signals.txt"
[ -s "$T/signals.txt" ] || hard_error "no ev_signal_init found in src/"
sed -n '/^SIGNALS/,/^[A-Z]/p' "$T/brinkd.txt" | grep '^ *SIG' \
    > "$T/signal-entries.txt"
while read -r sig; do
	check "brinkd.8 documents $sig" grep -qw -- "$sig" "$T/signal-entries.txt"
done < "$T/signals.txt"

# Every key of the schema.  src/config.c lists each section's keys in
# tables of struct key, { "state_dir", 0 }, and the sections in a table of
# struct kind, { "feed", feed_keys, ... }.
sed -n '/^static const struct key [a-z_]*\[\] = {/,/^};/p;
    /^#define LIMIT_KEYS/,/[^\\]$/p;
    /^} kinds\[\] = {/,/^};/p' "$top_srcdir/src/config.c" |
    grep -o '{ "[a-z_]*",' | sed 's/{ "\(.*\)",/\1/' | sort -u \
    > "$T/keys.txt"
[ "$(wc -l < "$T/keys.txt")" -ge 20 ] ||
    hard_error "found only $(wc -l < "$T/keys.txt") keys in src/config.c"
# A key is documented when an entry starts with it (a tag: "url string").
while read -r key; do
	if grep -qE -- "^ +$key( |\$)" "$T/conf.txt"; then
		pass "brink.conf.5 documents $key"
	else
		fail "brink.conf.5 does not document $key (a key of src/config.c)"
	fi
done < "$T/keys.txt"
check "brink.conf.5 documents include()" grep -q 'include(' "$T/conf.txt"

finish
