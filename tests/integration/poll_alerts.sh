#!/bin/sh
# End to end on the running daemon: a feed's new threat raises one alert
# in the alert log; an item appended later raises its own, once; after a
# restart nothing is raised again; and a feed's first poll does not flood
# with what is older than max_age.
. "$top_srcdir/tests/lib.sh"

mkdir -p "$T/www"
poll_feed "$T/www/world.rss" \
    "Ruritania vows to retaliate against Borduria after border shelling" \
    "Harbour reopens after storm" \
    "old:Borduria vowed to retaliate against Ruritania over fishing rights"
start_nginx "$T/www"

cat > "$T/brink.conf" <<CONF
state_dir = "$T/state"
feed world {
	url      = "http://127.0.0.1:$NGINX_PORT/world.rss"
	interval = "1s"
}
actor ruritania {
	names = {"Ruritania", "Ruritanian"}
}
actor borduria {
	names = {"Borduria", "Bordurian"}
}
rule vow {
	category = "retaliation"
	severity = "high"
	terms    = {"vow* to retaliat*"}
	actors   = {"*"}
}
sink log {
	type = "file"
	path = "$T/alerts.jsonl"
}
CONF

alerts() { grep -c . "$T/alerts.jsonl" 2>/dev/null || echo 0; }
alerts_are() { test "$(alerts)" = "$1"; }

start_brinkd "$T/brink.conf"
wait_for 20 seen_is world 3 || fail "the first poll did not record the items"
check "the first poll raised one alert, for the new threat only" \
    alerts_are 1
check "the alert names actor, target and the quoted sentence" \
    "$PYTHON3" -c 'import json, sys
a = json.loads(open(sys.argv[1]).readline())
assert a["feed"] == "world" and a["rule"] == "vow", a
assert a["actors"] == ["ruritania"] and a["targets"] == ["borduria"], a
assert "vows to retaliate" in a["hits"][0]["sentence"], a' "$T/alerts.jsonl"

sleep 1	# a new Last-Modified second
poll_feed "$T/www/world.rss" \
    "Bordurian minister vows to retaliate for the shelling" \
    "Ruritania vows to retaliate against Borduria after border shelling" \
    "Harbour reopens after storm" \
    "old:Borduria vowed to retaliate against Ruritania over fishing rights"
check "the appended threat raised its alert" wait_for 20 alerts_are 2
polls=$(nginx_count 'GET /world.rss')
wait_for 20 requests_at_least 'GET /world.rss' $((polls + 3)) ||
    fail "the daemon stopped polling"
check "later polls raised nothing more" alerts_are 2
stop_brinkd
check "brinkd stopped with status 0" test "$BRINKD_STATUS" = 0

# After a restart, the rewritten feed (same items, new dates) is read
# whole again and raises nothing.
sleep 1
poll_feed "$T/www/world.rss" \
    "Bordurian minister vows to retaliate for the shelling" \
    "Ruritania vows to retaliate against Borduria after border shelling" \
    "Harbour reopens after storm"
fetched=$(nginx_count 'GET /world.rss 200')
start_brinkd "$T/brink.conf"
wait_for 20 requests_at_least 'GET /world.rss 200' $((fetched + 1)) ||
    fail "the restarted daemon did not fetch the feed"
polls=$(nginx_count 'GET /world.rss')
wait_for 20 requests_at_least 'GET /world.rss' $((polls + 2)) ||
    fail "the restarted daemon stopped polling"
check "after the restart no alert is raised twice" alerts_are 2
check "every alert id is unique" \
    sh -c "test \$(sed 's/.*\"id\": *\"\\([^\"]*\\)\".*/\\1/' '$T/alerts.jsonl' | sort -u | wc -l) = 2"

# logrotate moves the log and sends SIGHUP while the configuration is
# broken: the reload fails, yet the alert log is reopened.
mv "$T/alerts.jsonl" "$T/alerts.jsonl.1"
echo 'feed broken {' >> "$T/brink.conf"
kill -HUP "$BRINKD_PID"
wait_for 20 log_has "reload failed" || fail "the failed reload was not logged"
sleep 1
poll_feed "$T/www/world.rss" \
    "Ruritanian generals vow to retaliate within days" \
    "Bordurian minister vows to retaliate for the shelling" \
    "Ruritania vows to retaliate against Borduria after border shelling" \
    "Harbour reopens after storm"
check "after a failed reload, the next alert goes to the reopened log" \
    wait_for 20 alerts_are 1
check "the moved log kept its two" \
    test "$(grep -c . "$T/alerts.jsonl.1")" = 2
stop_brinkd
check "brinkd stopped with status 0" test "$BRINKD_STATUS" = 0
finish
