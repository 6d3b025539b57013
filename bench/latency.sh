#!/bin/sh
# latency.sh: alert latency.  A feed polled every $LAT_INTERVAL s gains a
# threat item; the time from the file change (the rename that publishes
# it) to the webhook receiver's arrival, p50 and p99 over $TRIALS trials.
#
#   TRIALS=20  LAT_INTERVAL=2
. "$(dirname "$0")/lib.sh"

: "${TRIALS:=20}"
: "${LAT_INTERVAL:=2}"

mkdir -p "$W/www" "$W/state"
chmod 755 "$W/www"
"$PYTHON3" "$BENCH/gen_feeds.py" latency "$W/www/lat.xml" --trial 0 >/dev/null
chmod a+r "$W/www/lat.xml"
serve "$W/www"

"$PYTHON3" "$BENCH/receiver.py" "$W/hook.port" "$W/hook.log" \
    --max-seconds $((TRIALS * 60 + 120)) &
track $!
i=0
until [ -s "$W/hook.port" ]; do
	i=$((i + 1)); [ $i -le 100 ] || die "the webhook receiver did not start"
	sleep 0.1
done
: > "$W/hook.log"
hook=$(cat "$W/hook.port")

# Our own actor and rule, so that the figure does not depend on the rule
# pack: every trial item has one actor threatening another.
cat > "$W/brink.conf" <<EOF
state_dir = "$W/state"
actor bench-state {
	names = {"Iran", "Israel", "Russia", "Ukraine", "China", "Taiwan",
	    "North Korea", "South Korea", "India", "Pakistan",
	    "United States", "Hezbollah", "Hamas", "Turkey", "Syria",
	    "Venezuela"}
}
rule bench-threat {
	category = "threat"
	severity = "high"
	terms = {"warn*", "vow*", "ultimatum", "threaten*", "unanswered"}
	actors = {"*"}
}
sink hook {
	type = "webhook"
	format = "generic"
	url = "http://127.0.0.1:$hook/alert"
	rate_limit = 0
}
feed lat {
	url = "http://127.0.0.1:$PORT/lat.xml"
	interval = "${LAT_INTERVAL}s"
}
EOF
"$BRINKD" -c "$W/brink.conf" -t >"$W/check.out" 2>&1 ||
    die "brinkd cannot run this configuration yet: $(head -n 3 "$W/check.out" | tr '\n' ' ')"

"$BRINKD" -c "$W/brink.conf" -f >"$W/brinkd.out" 2>&1 &
pid=$!
track $pid
# Wait for two polls of the quiet feed: its items are then seen.
i=0
until [ "$(log_count)" -ge 2 ]; do
	i=$((i + 1)); [ $i -le 300 ] || die "brinkd never polled: $(tail -n 5 "$W/brinkd.out")"
	sleep 0.1
done
[ -s "$W/hook.log" ] && die "the quiet feed raised alerts: $(head -c 300 "$W/hook.log")"

: > "$W/latency"
k=1
while [ $k -le "$TRIALS" ]; do
	# A random phase against the poll timer.
	sleep "$("$PYTHON3" -c "import random; print(round(random.uniform(0, $LAT_INTERVAL), 3))")"
	t0=$("$PYTHON3" "$BENCH/gen_feeds.py" latency "$W/www/lat.xml" --trial $k)
	chmod a+r "$W/www/lat.xml"
	i=0
	until [ "$(wc -l < "$W/hook.log")" -ge $k ]; do
		i=$((i + 1))
		[ $i -le 600 ] || die "trial $k: no alert within 30 s: $(tail -n 5 "$W/brinkd.out")"
		sleep 0.05
	done
	t1=$(sed -n "${k}p" "$W/hook.log" | cut -f 1)
	grep -q "Trial $k:" "$W/hook.log" || say "trial $k: the alert does not name the trial item"
	echo "$t0 $t1" | awk '{ printf "%.3f\n", $2 - $1 }' >> "$W/latency"
	k=$((k + 1))
done
kill $pid

summary=$("$PYTHON3" -c 'import sys
v = sorted(float(l) for l in open(sys.argv[1]) if l.strip())
def pct(p):
    # nearest rank
    import math
    return v[max(0, math.ceil(p / 100 * len(v)) - 1)]
print("p50 %.3f s, p99 %.3f s, min %.3f s, max %.3f s over %d trials at a %s s interval"
      % (pct(50), pct(99), v[0], v[-1], len(v), sys.argv[2]))' "$W/latency" "$LAT_INTERVAL")
note latency "brinkd webhook" "$summary"
