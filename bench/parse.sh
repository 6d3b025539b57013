#!/bin/sh
# parse.sh: parse one $BIG_MB MB feed with sfeed, xmllint --stream and
# brinkd --parse, $RUNS times each (file in the page cache, output to
# /dev/null); records the medians and MB/s.
. "$(dirname "$0")/lib.sh"

ensure_corpus
BIG="$CORPUS/big.xml"
size=$(wc -c < "$BIG" | tr -d ' ')
cat "$BIG" > /dev/null		# into the page cache

# mbps FILE: MB/s at the median wall time of a timed() file.
mbps() {
	"$PYTHON3" -c 'import statistics, sys
w = statistics.median(float(l.split()[0]) for l in open(sys.argv[1]) if l.strip())
print("%.0f MB/s" % (int(sys.argv[2]) / 1e6 / max(w, 0.001)))' "$1" "$size"
}

tools=""
command -v sfeed >/dev/null && tools="$tools sfeed" || say "no sfeed (./bootstrap --bench)"
command -v xmllint >/dev/null && tools="$tools xmllint" || say "no xmllint (./bootstrap --bench)"
if have_brinkd --parse "$CORPUS/f1.xml"; then
	tools="$tools brink"
else
	say "brinkd --parse does not work yet, skipped"
fi

r=1
while [ $r -le "$RUNS" ]; do
	for t in $tools; do
		case $t in
		sfeed) timed "$W/sfeed" sh -c 'exec sfeed < "$1" > /dev/null' sh "$BIG" ;;
		xmllint) timed "$W/xmllint" xmllint --stream --noout "$BIG" ;;
		brink) timed "$W/brink" sh -c 'exec "$1" --parse "$2" > /dev/null' sh "$BRINKD" "$BIG" ;;
		esac
	done
	r=$((r + 1))
done

items=$(grep -c '<item>' "$BIG")
for t in $tools; do
	case $t in
	sfeed) record parse "sfeed < FILE" "$W/sfeed" "$(mbps "$W/sfeed")" ;;
	xmllint) record parse "xmllint --stream" "$W/xmllint" "$(mbps "$W/xmllint")" ;;
	brink)
		n=$("$BRINKD" --parse "$BIG" | wc -l | tr -d ' ')
		record parse "brinkd --parse" "$W/brink" "$(mbps "$W/brink"), $n of $items items" ;;
	esac
done
