#!/bin/sh
# What `make demo` runs: brinkd --once over the sample feeds, with the
# demo's configuration.  It raises exactly the alerts that --match finds in
# the samples (tests/integration/samples.sh checks those), prints each on
# the terminal through the text sink, writes each to the JSON log, and a
# second run raises nothing new.
. "$top_srcdir/tests/lib.sh"

command -v "$PYTHON3" >/dev/null 2>&1 || skip "python3 not installed"

mkdir -p "$T/state"
sed -e "s|@SAMPLES@|$top_srcdir/share/samples|g" \
    -e "s|@STATE@|$T/state|g" \
    -e "s|@RULES@|$top_srcdir/etc/rules|g" \
    "$top_srcdir/share/samples/demo.conf.in" > "$T/demo.conf"

"$BRINKD" -c "$T/demo.conf" --once > "$T/stdout" 2> "$T/stderr"
rc=$?
check "brinkd --once exits 0" test $rc -eq 0
[ $rc -eq 0 ] || echo "# stderr: $(cat "$T/stderr")"
check "the text sink printed alerts on stdout" test -s "$T/stdout"
check "the JSON log was written" test -s "$T/state/alerts.jsonl"

for f in meridian-wire.atom harbour-herald.rss northgate-radio.rdf; do
	"$BRINKD" -c "$T/demo.conf" --match "$top_srcdir/share/samples/$f" \
	    >> "$T/match.jsonl" 2>/dev/null
done
# links FILE: "link category" per alert, sorted.
links() {
	"$PYTHON3" -c 'import json, sys
for line in open(sys.argv[1]):
    a = json.loads(line)
    print(a["item"]["link"], a["category"], a["severity"])' "$1" | sort
}
links "$T/match.jsonl" > "$T/match.txt"
links "$T/state/alerts.jsonl" > "$T/once.txt" ||
    fail "alerts.jsonl is not one JSON alert record per line"
if cmp -s "$T/match.txt" "$T/once.txt"; then
	pass "--once raised the $(wc -l < "$T/once.txt") alerts --match finds"
else
	fail "--once and --match differ:
$(diff "$T/match.txt" "$T/once.txt")"
fi

# Every alert in the log was also printed for the reader, with its link.
while read -r link category severity; do
	check "printed: $link" grep -qF -- "$link" "$T/stdout"
done < "$T/once.txt"

# Seen items stay seen: a second run over the same feeds is silent.
n=$(wc -l < "$T/state/alerts.jsonl")
"$BRINKD" -c "$T/demo.conf" --once > "$T/stdout2" 2>> "$T/stderr"
check "a second --once raises nothing new" test ! -s "$T/stdout2"
check "and adds nothing to the JSON log" \
    test "$(wc -l < "$T/state/alerts.jsonl")" -eq "$n"

finish
