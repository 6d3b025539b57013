#!/bin/sh
# What `make demo` shows a new user, checked: brinkd --once over the
# sample feeds raises the alerts share/samples/README promises (threats,
# the vow of retaliation, the ultimatum, appeals for calm, the denial),
# with the right actors, and none for the strike, the cup match, the trade
# row, the festival or the weather; a second run raises nothing new.
. "$top_srcdir/tests/lib.sh"

[ -x "$PYTHON3" ] || command -v "$PYTHON3" >/dev/null 2>&1 ||
    skip "python3 not installed"

# The demo's configuration, filled in as mk/run.am does.
mkdir -p "$T/state"
sed -e "s|@SAMPLES@|$top_srcdir/share/samples|g" \
    -e "s|@STATE@|$T/state|g" \
    -e "s|@RULES@|$top_srcdir/etc/rules|g" \
    "$top_srcdir/share/samples/demo.conf.in" > "$T/demo.conf"

"$BRINKD" -c "$T/demo.conf" -t > "$T/check.out" 2>&1 ||
    fail "the demo configuration does not load: $(cat "$T/check.out")"

"$BRINKD" -c "$T/demo.conf" --once > "$T/stdout" 2> "$T/stderr"
rc=$?
check "brinkd --once exits 0" test $rc -eq 0
[ $rc -eq 0 ] || echo "# stderr: $(cat "$T/stderr")"

check "the text sink printed alerts on stdout" test -s "$T/stdout"
check "the JSON log was written" test -s "$T/state/alerts.jsonl"

# expect LINK-FRAGMENT CATEGORIES ACTOR: an alert for the item whose link
# contains LINK-FRAGMENT, of one of CATEGORIES (a|b), naming ACTOR among
# its actors or targets ("-": any).
"$PYTHON3" - "$T/state/alerts.jsonl" > "$T/alerts.txt" <<'PY' ||
import json, sys
for n, line in enumerate(open(sys.argv[1]), 1):
    a = json.loads(line)
    cats = sorted({h["category"] for h in a["hits"]} | {a["category"]})
    who = sorted(set(a.get("actors", [])) | set(a.get("targets", [])))
    print(a["item"]["link"], ",".join(cats), ",".join(who) or "-")
PY
    fail "alerts.jsonl is not one JSON alert record per line"
expect() {
	line=$(grep -F -- "$1" "$T/alerts.txt")
	if [ -z "$line" ]; then
		fail "no alert for $1 (expected $2)"
	elif ! echo "$line" | awk -v c="$2" '{ n = split($2, got, ",");
	    for (i = 1; i <= n; i++) if (got[i] ~ "^(" c ")$") exit 0; exit 1 }'; then
		fail "alert for $1 is $line, expected $2"
	elif [ "$3" != - ] && ! echo "$line" | awk -v who="$3" '{
	    n = split($3, got, ","); for (i = 1; i <= n; i++)
	    if (got[i] == who) exit 0; exit 1 }'; then
		fail "alert for $1 does not name $3: $line"
	else
		pass "alert for $1: $2"
	fi
}
quiet() {
	if grep -qF -- "$1" "$T/alerts.txt"; then
		fail "an alert for $1, which should raise none: $(grep -F -- "$1" "$T/alerts.txt")"
	else
		pass "no alert for $1"
	fi
}

expect 1041-ostrel-warns-varnia 'threat|retaliation' ostrel
expect 1057-varnia-vows-response 'threat|retaliation' varnia
expect selvek-ultimatum 'threat' varnia
expect news/4410 'threat|retaliation' ostrel
expect 1063-un-urges-restraint deescalation -
expect 1070-ostrel-offers-talks deescalation ostrel
expect neighbours-mediate deescalation -
expect news/4418 deescalation ostrel
expect news/4425 deescalation -
quiet port-lessar-strike
quiet cheese-tariffs
quiet harbour-festival
quiet news/4421
quiet news/4429

# Every alert in the log was also printed for the reader.
n_json=$(wc -l < "$T/state/alerts.jsonl")
n_text=$(grep -c 'https://' "$T/stdout")
check "each of the $n_json alerts printed on the terminal ($n_text links)" \
    test "$n_json" -eq "$n_text"

# Seen items stay seen: a second run over the same feeds is silent.
"$BRINKD" -c "$T/demo.conf" --once > "$T/stdout2" 2>> "$T/stderr"
check "a second --once raises nothing new" test ! -s "$T/stdout2"
check "and adds nothing to the JSON log" \
    test "$(wc -l < "$T/state/alerts.jsonl")" -eq "$n_json"

finish
