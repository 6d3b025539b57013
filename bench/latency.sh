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
	terms = {"warn*", "vow*", "ultimatum", "threaten*",
	    "would not go unanswered"}
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
	echo "$t0 $t1" >> "$W/trials"
	k=$((k + 1))
done
kill $pid

# Split each latency in two with nginx's log: the wait for the next poll
# (change to the first 200 answer after it) and brinkd's own part (that
# answer to the webhook's arrival: parse, match, store, post).
summary=$("$PYTHON3" - "$W/trials" "$NGINX_LOG" "$LAT_INTERVAL" <<'PY'
import math, sys
trials = [tuple(map(float, l.split())) for l in open(sys.argv[1]) if l.strip()]
gets = sorted(float(l.split()[0]) for l in open(sys.argv[2])
              if l.split()[1:4] == ["GET", "/lat.xml", "200"])
def pct(v, p):
    v = sorted(v)
    return v[max(0, math.ceil(p / 100 * len(v)) - 1)]   # nearest rank
total = [t1 - t0 for t0, t1 in trials]
own = []
for t0, t1 in trials:
    after = [g for g in gets if t0 <= g <= t1]
    if after:
        own.append(t1 - after[0])
print("p50 %.3f s, p99 %.3f s (min %.3f, max %.3f) over %d trials at a %s s "
      "interval; after the poll's answer: p50 %.3f s, p99 %.3f s"
      % (pct(total, 50), pct(total, 99), min(total), max(total), len(total),
         sys.argv[3], pct(own, 50) if own else -1, pct(own, 99) if own else -1))
PY
)
note latency "brinkd webhook" "$summary"
