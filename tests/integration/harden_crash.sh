#!/bin/sh
# The "nothing lost" promise under kill -9: brinkd polls three feeds on
# nginx while threat items keep appearing and the webhook receiver fails
# part of the time, and is killed with SIGKILL at a different moment in
# each round (at start-up, in the middle of a batch of items, in the
# middle of a post, while idle), then started again.  At the end every
# alert is in the alert log and reached the receiver, every item is
# seen, the spool is empty; the alert log has each alert once (a crash
# between its write and the commit leaves an id the sink skips at the
# next start); the receiver may get one twice, only with the same id
# (a crash between its 200 and the spool's delete).
. "$top_srcdir/tests/lib.sh"

[ -x "$BRINKD" ] || hard_error "$BRINKD not built"
command -v sqlite3 >/dev/null 2>&1 ||
    skip "sqlite3 not installed (./bootstrap installs it)"

FEEDS="north south east"
ROUNDS=8
mkdir -p "$T/www" "$T/titles"
for f in $FEEDS; do : > "$T/titles/$f"; done

# add_items ROUND: four threats and two quiet items per feed, newest on
# top, and the feeds rewritten (mv, so nginx never serves half a file).
add_items() {
	for f in $FEEDS; do
		{
			for i in 1 2 3 4; do
				echo "Northland vows to retaliate against Southland $f $1 $i"
			done
			echo "Harvest festival opens in $f town, day $1 a"
			echo "Harvest festival opens in $f town, day $1 b"
			cat "$T/titles/$f"
		} > "$T/titles/$f.new"
		mv "$T/titles/$f.new" "$T/titles/$f"
		# shellcheck disable=SC2046
		(IFS='
'; poll_feed "$T/www/$f.rss.tmp" $(cat "$T/titles/$f"))
		mv "$T/www/$f.rss.tmp" "$T/www/$f.rss"
	done
}

add_items 0
start_nginx "$T/www"
start_receiver --mode 503

{
	echo "state_dir = \"$T/state\""
	for f in $FEEDS; do
		cat <<CONF
feed $f {
	url = "http://127.0.0.1:$NGINX_PORT/$f.rss"
	interval = "1s"
}
CONF
	done
	cat <<CONF
actor northland { names = {"Northland"} }
actor southland { names = {"Southland"} }
rule retaliation-vow {
	category = "retaliation"
	severity = "high"
	terms = {"vow* to retaliat*"}
}
sink log { type = "file" path = "$T/log/alerts.jsonl" }
sink chat {
	type = "webhook"
	url = "$RECEIVER_URL/hook"
	rate_limit = 0
	# Every alert, not one post per story: this tests delivery.
	stories = "all"
}
CONF
} > "$T/brink.conf"
"$BRINKD" -t -c "$T/brink.conf" > "$T/check.out" 2>&1 ||
    hard_error "configuration refused: $(cat "$T/check.out")"

lines() { cat "$1" 2>/dev/null | wc -l; }
grew() { [ "$(lines "$1")" -gt "$2" ]; }
all_seen() {
	[ "$(state_query 'SELECT count(*) FROM seen')" = "$1" ]
}

# Each round: new items, the receiver failing all or part of the time,
# brinkd started and killed at the round's moment.
round=1
while [ $round -le $ROUNDS ]; do
	add_items $round
	if [ $((round % 2)) = 1 ]; then
		receiver_set 503
	else
		receiver_set 500 3
	fi
	log_before=$(lines "$T/log/alerts.jsonl")
	posts_before=$(lines "$RECEIVER_LOG")
	start_brinkd "$T/brink.conf"
	case $((round % 4)) in
	1)	moment="in the middle of a batch of items"
		wait_for 30 grew "$T/log/alerts.jsonl" "$log_before" ;;
	2)	moment="in the middle of the posts"
		wait_for 30 grew "$RECEIVER_LOG" "$posts_before" ;;
	3)	moment="at start-up"
		sleep 0.$((round * 7 % 10)) ;;
	0)	moment="after the batch, while retrying"
		sleep 3 ;;
	esac
	kill -0 "$BRINKD_PID" 2>/dev/null ||
	    hard_error "brinkd died on its own: $(tail -5 "$BRINKD_LOG")"
	kill -9 "$BRINKD_PID"
	wait "$BRINKD_PID" 2>/dev/null
	echo "# round $round: killed $moment; $(lines "$T/log/alerts.jsonl") log lines, $(lines "$RECEIVER_LOG") posts"
	round=$((round + 1))
done
pass "brinkd killed $ROUNDS times while items arrived and posts failed"

# The last run: the receiver answers, brinkd catches up.
receiver_set ok
start_brinkd "$T/brink.conf"
total=0
for f in $FEEDS; do total=$((total + $(lines "$T/titles/$f"))); done
threats=$((total * 2 / 3))
spool_empty() {
	[ "$(state_query 'SELECT count(*) FROM spool')" = 0 ]
}
posted_all() { [ "$(receiver_count 200)" -ge "$threats" ]; }
wait_for 120 all_seen $total ||
    fail "not every item was seen: $(state_query 'SELECT count(*) FROM seen') of $total"
wait_for 120 posted_all || fail "not every alert was posted"
wait_for 30 spool_empty || fail "the spool did not empty"
sleep 2		# a late duplicate would come now
stop_brinkd
check "brinkd stops cleanly on SIGTERM" [ "$BRINKD_STATUS" -eq 0 ]

cat "$T/titles/north" "$T/titles/south" "$T/titles/east" |
    grep 'vows to retaliate' > "$T/threats"
"$PYTHON3" - "$T/threats" "$T/log/alerts.jsonl" "$RECEIVER_LOG" \
    > "$T/verdict" <<'PY_EOF'
import json, sys
threats = set(l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8"))
logged = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
posts = [json.loads(l) for l in open(sys.argv[3], encoding="utf-8")]
posted = [p["json"] for p in posts if p["status"] == "200"]

def ids_by_title(records):
    by = {}
    for r in records:
        by.setdefault(r["item"]["title"], set()).add(r["id"])
    return by

log_by, post_by = ids_by_title(logged), ids_by_title(posted)
problems = []
for t in sorted(threats):
    if t not in log_by:
        problems.append("not in the alert log: " + t)
    if t not in post_by:
        problems.append("never posted: " + t)
for name, by in (("log", log_by), ("receiver", post_by)):
    for t, ids in by.items():
        if len(ids) > 1:
            problems.append("%s: one item, several ids: %s" % (name, t))
        if t not in threats:
            problems.append("%s: an alert for a quiet item: %s" % (name, t))
# The alert log skips the ids already at its end: a kill between the
# write and the commit does not write an alert twice.
if len(logged) != len(set(r["id"] for r in logged)):
    problems.append("log: %d alerts written twice" %
                    (len(logged) - len(set(r["id"] for r in logged))))
if set(r["id"] for r in logged) != set(r["id"] for r in posted):
    problems.append("the log and the receiver have different ids")
print("\n".join(problems) if problems else "ok")
print("# %d threats, %d log lines (%d repeated), %d posts answered 200 "
      "(%d repeated), %d failed" % (len(threats), len(logged),
      len(logged) - len(set(r["id"] for r in logged)), len(posted),
      len(posted) - len(set(r["id"] for r in posted)),
      len(posts) - len(posted)), file=sys.stderr)
PY_EOF
check "every alert in the log and at the receiver, one id per item" \
    grep -qx ok "$T/verdict"
[ -s "$T/verdict" ] && sed 's/^/# /' "$T/verdict" | head -20
check "every item seen ($total)" all_seen $total
finish
