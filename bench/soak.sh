#!/bin/sh
# soak.sh: brinkd -f, best built with --enable-sanitizers (ASan + LSan),
# on $SOAK_FEEDS local feeds at a $SOAK_INTERVAL s interval for
# $SOAK_SECONDS while a churner keeps adding items (one in four a
# threat) and the webhook receiver fails now and then.  Every 10 s it
# samples brinkd's CPU ticks, resident memory and open descriptors; then
# it measures the CPU of an idle brinkd (three feeds at a 10 minute
# interval), stops both with SIGTERM and reads the sanitizers' verdict.
# Run by hand, never in make check:
#
#   sh bench/soak.sh              SOAK_SECONDS=600 SOAK_FEEDS=300
#                                 SOAK_INTERVAL=5 IDLE_SECONDS=60
. "$(dirname "$0")/lib.sh"

: "${SOAK_SECONDS:=600}"
: "${SOAK_FEEDS:=300}"
: "${SOAK_INTERVAL:=5}"
: "${IDLE_SECONDS:=60}"

[ -x "$BRINKD" ] || die "no brinkd at $BRINKD"
if ldd "$BRINKD" 2>/dev/null | grep -q libasan; then
	sanitized=yes
else
	sanitized=no
	say "$BRINKD is not built with --enable-sanitizers: no leak verdict"
fi

mkdir -p "$W/www" "$W/state"
# The churner: writes every feed once, then, until its deadline, adds an
# item to five random feeds a second (keeping each feed's newest 20).
cat > "$W/churn.py" <<'PY'
import os, random, sys, time
www, feeds, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
rng = random.Random(7)
items = {f: [] for f in range(1, feeds + 1)}
serial = 0

def add(f):
    global serial
    serial += 1
    if serial % 4 == 0:
        title = "Northland vows to retaliate against Southland (%d)" % serial
    else:
        title = "Harbour traffic report number %d" % serial
    when = time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime())
    items[f].insert(0, "<item><title>%s</title><guid>soak-%d</guid>"
                    "<pubDate>%s</pubDate><description>&lt;p&gt;%s, "
                    "the wire says.&lt;/p&gt;</description></item>"
                    % (title, serial, when, title))
    del items[f][20:]
    tmp = os.path.join(www, "f%d.rss.tmp" % f)
    with open(tmp, "w") as out:
        out.write('<?xml version="1.0"?><rss version="2.0"><channel>'
                  "<title>Soak %d</title>%s</channel></rss>\n"
                  % (f, "".join(items[f])))
    os.rename(tmp, os.path.join(www, "f%d.rss" % f))

for f in items:
    add(f)
print(serial, flush=True)
end = time.time() + seconds
while time.time() < end:
    for _ in range(5):
        add(rng.randint(1, feeds))
    time.sleep(1)
print(serial, flush=True)
PY
"$PYTHON3" "$W/churn.py" "$W/www" "$SOAK_FEEDS" 0 > "$W/churn.first"
chmod -R a+rX "$W/www"
serve "$W/www"

# The receiver answers 500 to five posts at the start of every minute.
"$PYTHON3" "$top_srcdir/tests/webhook_receiver.py" --log "$W/posts.jsonl" \
    --port-file "$W/receiver.port" --control "$W/receiver.control" \
    2>"$W/receiver.err" &
track $!
i=0
while [ ! -s "$W/receiver.port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
[ -s "$W/receiver.port" ] || die "the webhook receiver did not start"

conf() {	# conf FEEDS INTERVAL: the configuration on stdout
	echo "state_dir = \"$W/state$1\""
	echo "interval = \"$2\""
	cat <<CONF
actor northland { names = {"Northland"} }
actor southland { names = {"Southland"} }
rule retaliation-vow {
	category = "retaliation"
	severity = "high"
	terms = {"vow* to retaliat*"}
}
sink log { type = "file" path = "$W/alerts$1.jsonl" }
sink chat {
	type = "webhook"
	url = "http://127.0.0.1:$(cat "$W/receiver.port")/hook"
	rate_limit = 0
}
CONF
	i=1
	while [ $i -le "$1" ]; do
		echo "feed f$i { url = \"http://127.0.0.1:$PORT/f$i.rss\" }"
		i=$((i + 1))
	done
}
conf "$SOAK_FEEDS" "${SOAK_INTERVAL}s" > "$W/soak.conf"
"$BRINKD" -t -c "$W/soak.conf" > "$W/check.out" 2>&1 ||
    die "configuration refused: $(cat "$W/check.out")"

cpu() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
rss() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }
fds() { ls "/proc/$1/fd" | wc -l; }
hz=$(getconf CLK_TCK)

# stop PID: SIGTERM, at most 30 s (ASan's leak check takes a while);
# the exit status in $STATUS.  (Not in $(...): only this shell can reap
# its child, and an unreaped zombie still answers kill -0.)
stop() {
	kill -TERM "$1" 2>/dev/null || return 0
	i=0
	while kill -0 "$1" 2>/dev/null && [ $i -lt 300 ]; do
		sleep 0.1; i=$((i + 1))
	done
	if kill -0 "$1" 2>/dev/null; then
		say "brinkd $1 did not stop within 30 s of SIGTERM"
		kill -9 "$1"
	fi
	STATUS=0
	wait "$1" || STATUS=$?
}

"$BRINKD" -f -c "$W/soak.conf" > "$W/soak.out" 2>&1 &
pid=$!
track $pid
"$PYTHON3" "$W/churn.py" "$W/www" "$SOAK_FEEDS" "$SOAK_SECONDS" \
    > "$W/churn.out" &
churn=$!
track $churn
say "brinkd pid $pid: $SOAK_FEEDS feeds every ${SOAK_INTERVAL}s for ${SOAK_SECONDS}s"

samples=$((SOAK_SECONDS / 10))
n=0
echo "# s cpu_ticks rss_kb fds alerts posts" > "$W/samples"
while [ $n -lt $samples ]; do
	sleep 10
	n=$((n + 1))
	kill -0 $pid 2>/dev/null ||
	    die "brinkd exited early: $(tail -n 5 "$W/soak.out")"
	if [ $((n % 6)) = 1 ]; then	# a failing minute start
		printf '{"mode": "500", "count": 5}\n' > "$W/receiver.control"
	fi
	echo "$((n * 10)) $(cpu $pid) $(rss $pid) $(fds $pid)" \
	    "$(cat "$W/alerts$SOAK_FEEDS.jsonl" 2>/dev/null | wc -l)" \
	    "$(wc -l < "$W/posts.jsonl")" >> "$W/samples"
done
wait $churn || true
sleep 10	# the last items' alerts and posts
stop $pid
soak_status=$STATUS

# Idle: three feeds at 10 minutes; after the first poll nothing is due.
conf 3 10m > "$W/idle.conf"
"$BRINKD" -f -c "$W/idle.conf" > "$W/idle.out" 2>&1 &
idle=$!
track $idle
sleep 5
c0=$(cpu $idle)
f0=$(fds $idle)
sleep "$IDLE_SECONDS"
c1=$(cpu $idle)
f1=$(fds $idle)
stop $idle
idle_status=$STATUS

"$PYTHON3" - "$W/samples" "$hz" "$W/churn.first" "$W/churn.out" \
    "$W/alerts$SOAK_FEEDS.jsonl" "$W/posts.jsonl" "$W/state$SOAK_FEEDS/brink.db" \
    "$SOAK_FEEDS" <<'PY'
import json, sqlite3, sys
rows = [list(map(int, l.split())) for l in open(sys.argv[1])
        if not l.startswith("#")]
hz = int(sys.argv[2])
items = int(open(sys.argv[4]).read().split()[-1])
threats = items // 4
alerts = [json.loads(l)["id"] for l in open(sys.argv[5])]
posts = [json.loads(l) for l in open(sys.argv[6])]
ok_ids = set(p["json"]["id"] for p in posts if p["status"] == "200")
db = sqlite3.connect(sys.argv[7])
seen = db.execute("SELECT count(*) FROM seen").fetchone()[0]
spool = db.execute("SELECT count(*) FROM spool").fetchone()[0]
first = next(r for r in rows if r[0] >= min(60, rows[-1][0]))
last = rows[-1]
span = last[0] - first[0]
print("soak: %d s, %d feeds; %d items written, %d of them threats"
      % (last[0], int(sys.argv[8]), items, threats))
print("  rss: minute 1 %.1f MB, end %.1f MB, max %.1f MB"
      % (first[2] / 1024, last[2] / 1024, max(r[2] for r in rows) / 1024))
late = [r for r in rows if r[0] >= first[0]]
mx = sum(r[0] for r in late) / len(late)
my = sum(r[2] for r in late) / len(late)
slope = sum((r[0] - mx) * (r[2] - my) for r in late) / \
    max(1, sum((r[0] - mx) ** 2 for r in late))
print("  rss trend after minute 1: %+.3f MB a minute (least squares)"
      % (slope * 60 / 1024))
print("  fds: min %d, max %d, at minute 1 %d, at the end %d"
      % (min(r[3] for r in rows), max(r[3] for r in rows), first[3], last[3]))
print("  cpu: %.1f%% of a core on average, %.1f%% after minute 1"
      % (100.0 * last[1] / hz / last[0],
         100.0 * (last[1] - first[1]) / hz / max(1, span)))
print("  alerts: %d log lines, %d distinct; %d posts, %d distinct ids "
      "answered 200; %d items seen; %d left in the spool"
      % (len(alerts), len(set(alerts)), len(posts), len(ok_ids), seen, spool))
PY
echo "  idle: $(( c1 - c0 )) CPU ticks (of $hz a second) in ${IDLE_SECONDS} s; fds $f0 -> $f1"
echo "  exit status on SIGTERM: soak $soak_status, idle $idle_status (sanitized: $sanitized)"
for f in soak idle; do
	if grep -q "ERROR: \(Leak\|Address\|Undefined\)Sanitizer\|runtime error:" \
	    "$W/$f.out"; then
		echo "  $f: SANITIZER REPORT:"
		grep -A 12 "ERROR: \|runtime error:" "$W/$f.out" | head -40
	else
		echo "  $f: no sanitizer report"
	fi
done
echo "  raw: $W"
