#!/bin/sh
# parse.sh: parse one $BIG_MB MB feed with sfeed, xmllint --stream and
# brinkd --parse (file in the page cache, output to /dev/null).  Time is
# hyperfine's (2 warm-ups, $PARSE_RUNS runs; median wall, mean CPU);
# peak RSS is GNU time's median over $RUNS runs.  MB/s is by median wall.
. "$(dirname "$0")/lib.sh"

: "${PARSE_RUNS:=10}"

ensure_corpus
BIG="$CORPUS/big.xml"
size=$(wc -c < "$BIG" | tr -d ' ')
cat "$BIG" > /dev/null		# into the page cache
command -v hyperfine >/dev/null || die "no hyperfine (./bootstrap --bench)"

tools=""
for t in sfeed xmllint; do
	if command -v $t >/dev/null; then
		tools="$tools $t"
	else
		say "no $t (./bootstrap --bench)"
	fi
done
if have_brinkd --parse "$CORPUS/f1.xml"; then
	tools="$tools brink"
else
	say "brinkd --parse does not work yet, skipped"
fi

cmd_for() {
	case $1 in
	sfeed) echo "sfeed < '$BIG' > /dev/null" ;;
	xmllint) echo "xmllint --stream --noout '$BIG'" ;;
	brink) echo "'$BRINKD' --parse '$BIG' > /dev/null" ;;
	esac
}

items=$(grep -c '<item>' "$BIG")
for t in $tools; do
	c=$(cmd_for "$t")
	r=1
	while [ $r -le "$RUNS" ]; do
		timed "$W/$t.time" sh -c "$c"
		r=$((r + 1))
	done
	hyperfine --style none --warmup 2 --runs "$PARSE_RUNS" \
	    --export-json "$W/$t.json" "$c" > "$W/$t.hyperfine" 2>&1 ||
	    { say "$t failed: $(tail -n 3 "$W/$t.hyperfine")"; continue; }
	extra=""
	if [ $t = brink ]; then
		n=$("$BRINKD" --parse "$BIG" | wc -l | tr -d ' ')
		extra=", $n of $items items"
	fi
	"$PYTHON3" - "$W/$t.json" "$W/$t.time" "$size" "$t" "$extra" "$RESULTS" <<'PY'
import json, statistics, sys
hf, tm, size, tool, extra, results = sys.argv[1:7]
names = {"sfeed": "sfeed < FILE", "xmllint": "xmllint --stream",
         "brink": "brinkd --parse"}
r = json.load(open(hf))["results"][0]
rss = statistics.median(float(l.split()[3]) for l in open(tm) if l.strip())
wall, cpu = r["median"], r["user"] + r["system"]
note = "%.0f MB/s (%.0f MB/s of CPU), %d runs%s" % (
    int(size) / 1e6 / wall, int(size) / 1e6 / cpu, len(r["times"]), extra)
line = "parse\t%s\t%.3f\t%.3f\t%d\t%d\t%s" % (names[tool], wall, cpu, rss,
                                            len(r["times"]), note)
open(results, "a").write(line + "\n")
print("%-14s %-22s wall %7.3f s  cpu %7.3f s  rss %7.1f MB  %s"
      % ("parse", names[tool], wall, cpu, rss / 1024, note))
PY
done
