#!/bin/sh
# One item whose seen mark the database refuses (a trigger stands in for
# a full or failing disk) must fail alone: it stays unseen and is tried
# again, while the items after it and the other feeds are alerted,
# posted and marked seen as usual.  The failed item's transaction must
# not stay open and swallow everything that follows.
. "$top_srcdir/tests/lib.sh"

[ -x "$BRINKD" ] || hard_error "$BRINKD not built"
command -v sqlite3 >/dev/null 2>&1 ||
    skip "sqlite3 not installed (./bootstrap installs it)"

mkdir -p "$T/www"
poll_feed "$T/www/one.rss" "old:Harbour reopens after storm"
poll_feed "$T/www/two.rss" "old:Ferry timetable changes"
start_nginx "$T/www"
start_receiver

cat > "$T/brink.conf" <<CONF
state_dir = "$T/state"
interval = "1s"
feed one { url = "http://127.0.0.1:$NGINX_PORT/one.rss" }
feed two { url = "http://127.0.0.1:$NGINX_PORT/two.rss" }
actor northland { names = {"Northland"} }
actor southland { names = {"Southland"} }
rule retaliation-vow {
	category = "retaliation"
	severity = "high"
	terms = {"vow* to retaliat*"}
}
sink log { type = "file" path = "$T/alerts.jsonl" }
sink chat {
	type = "webhook"
	url = "$RECEIVER_URL/hook"
	rate_limit = 0
	# Every alert, not one post per story: this tests delivery.
	stories = "all"
}
CONF

# A first run makes the database; then the poison.
"$BRINKD" -c "$T/brink.conf" --once > "$T/once.out" 2>&1 ||
    hard_error "the first run failed: $(cat "$T/once.out")"
sqlite3 "$T/state/brink.db" "CREATE TRIGGER poison BEFORE INSERT ON seen
    WHEN NEW.key LIKE '%poison%'
    BEGIN SELECT RAISE(ABORT, 'poisoned for the test'); END;" ||
    hard_error "cannot add the trigger"

# Newest first: the poisoned item is the oldest, processed first.
poll_feed "$T/www/one.rss" \
    "Southland vows to retaliate against Northland" \
    "Northland vows to retaliate poison" \
    "old:Harbour reopens after storm"
poll_feed "$T/www/two.rss" \
    "Northland vows to retaliate against Southland" \
    "old:Ferry timetable changes"
start_brinkd "$T/brink.conf"

logged() { grep -q "$1" "$T/alerts.jsonl" 2>/dev/null; }
posted() { [ "$(receiver_count 200)" -ge "$1" ]; }
check "the item after the poisoned one is alerted" \
    wait_for 30 logged "Southland vows to retaliate against Northland"
check "the other feed's item is alerted" \
    wait_for 30 logged "Northland vows to retaliate against Southland"
check "both are posted (their spool rows were committed)" \
    wait_for 30 posted 2
check "both are marked seen" wait_for 30 sh -c \
    "[ \"\$(sqlite3 '$T/state/brink.db' \"SELECT count(*) FROM seen WHERE key NOT LIKE '%poison%' AND key NOT LIKE '%Harbour%' AND key NOT LIKE '%Ferry%'\")\" = 2 ]"
check "the poisoned item is left unseen, to be tried again" \
    wait_for 30 log_has "feed one: item \"Northland vows to retaliate poison\" left unseen"
# It is tried again at the next polls, each time alone.
tried() { [ "$(grep -c 'retaliate poison" left unseen' "$BRINKD_LOG")" -ge 2 ]; }
check "... and tried again" wait_for 30 tried
check "no transaction left open" \
    sh -c "! grep -q 'within a transaction' '$BRINKD_LOG'"

# The disk is fine again: the item goes through.
stop_brinkd
sqlite3 "$T/state/brink.db" "DROP TRIGGER poison;"
start_brinkd "$T/brink.conf"
poison_seen() {
	[ "$(sqlite3 "$T/state/brink.db" \
	    "SELECT count(*) FROM seen WHERE key LIKE '%poison%'")" = 1 ]
}
check "once the database accepts it, the poisoned item is marked seen" \
    wait_for 30 poison_seen
check "... its alert is in the log" logged "Northland vows to retaliate poison"
check "... and posted" wait_for 30 posted 3
stop_brinkd
check "brinkd stops cleanly on SIGTERM" [ "$BRINKD_STATUS" -eq 0 ]
finish
