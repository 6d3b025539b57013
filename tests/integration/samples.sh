#!/bin/sh
# The sample feeds of `make demo` raise what share/samples/README promises:
# through `brinkd --match` and the default rule pack, alerts for the
# threats, the vow of retaliation, the ultimatum, the appeals for calm and
# the denial, with the right actors, and none for the strike, the cup
# match, the trade row, the festival or the weather.
. "$top_srcdir/tests/lib.sh"

command -v "$PYTHON3" >/dev/null 2>&1 || skip "python3 not installed"

# The demo's configuration, filled in as mk/run.am does.
mkdir -p "$T/state"
sed -e "s|@SAMPLES@|$top_srcdir/share/samples|g" \
    -e "s|@STATE@|$T/state|g" \
    -e "s|@RULES@|$top_srcdir/etc/rules|g" \
    "$top_srcdir/share/samples/demo.conf.in" > "$T/demo.conf"

if "$BRINKD" -c "$T/demo.conf" -t > "$T/check.out" 2>&1; then
	pass "the demo configuration loads"
else
	fail "the demo configuration does not load: $(cat "$T/check.out")"
fi

for f in meridian-wire.atom harbour-herald.rss northgate-radio.rdf; do
	"$BRINKD" -c "$T/demo.conf" --match "$top_srcdir/share/samples/$f" \
	    >> "$T/alerts.jsonl" 2> "$T/stderr" ||
	    fail "brinkd --match $f: $(cat "$T/stderr")"
done

# expect LINK-FRAGMENT CATEGORIES ACTOR: an alert for the item whose link
# contains LINK-FRAGMENT, of one of CATEGORIES (a|b), naming ACTOR among
# its actors or targets ("-": any).
"$PYTHON3" - "$T/alerts.jsonl" > "$T/alerts.txt" <<'PY' ||
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
# The alert quotes the sentence that says it: the denial in the title,
# not the spokesman's line on negotiation; and who threatened whom is
# one way round: ostrel warns varnia, varnia is no actor of that alert.
"$PYTHON3" - "$T/alerts.jsonl" > "$T/parties.txt" <<'PY' ||
import json, sys
for line in open(sys.argv[1]):
    a = json.loads(line)
    top = [h for h in a["hits"] if h["rule"] == a["rule"]][0]
    print(a["item"]["link"], a["rule"], ",".join(a["actors"]) or "-",
          ",".join(a["targets"]) or "-", top["sentence"])
PY
    fail "alerts.jsonl is not one JSON alert record per line"
line=$(grep -F news/4418 "$T/parties.txt")
case "$line" in
*" Ostrel denies any plan to attack the dam")
	pass "the denial's alert quotes the denial" ;;
*)	fail "the denial's alert quotes another sentence: $line" ;;
esac
line=$(grep -F 1041-ostrel-warns-varnia "$T/parties.txt")
case "$line" in
*" ostrel varnia "*) pass "the warning is ostrel's, against varnia" ;;
*)	fail "the warning's actors and targets are not ostrel -> varnia: $line" ;;
esac

quiet port-lessar-strike
quiet cheese-tariffs
quiet harbour-festival
quiet news/4421
quiet news/4429

finish
