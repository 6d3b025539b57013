#!/bin/sh
# The escalation meter end to end: a feed on nginx replays a quiet month
# for three actor pairs (items dated days and weeks ago, which is how a
# replay controls the meter's clock: a story counts at its article's own
# date), then a burst of four distinct stories for one pair in the last
# hours.  brinkd, running, raises exactly one escalation alert for that
# pair and none for the others, through the sinks (the alert log and a
# chat webhook); --trend and --trend --json show it; after a restart a
# fifth story of the burst raises no second alert.
. "$top_srcdir/tests/lib.sh"

[ -x "$BRINKD" ] || hard_error "$BRINKD not built"

ITEMS=""
# item AGO KEY "TITLE|DESCRIPTION": an item dated AGO before now (a
# date(1) offset such as "25 days" or "3 hours"), put on top of the
# feed, as feeds list the newest first.
item() {
	when=$(date -u -d "now - $1" '+%a, %d %b %Y %H:%M:%S +0000') ||
	    hard_error "date(1) cannot say 'now - $1'"
	ITEMS="<item><title>${3%%|*}</title>
<link>http://127.0.0.1/news/$2</link><guid>urn:trend-test:$2</guid>
<pubDate>$when</pubDate><description>${3#*|}</description></item>
$ITEMS"
}
write_feed() {
	{
		echo '<?xml version="1.0" encoding="UTF-8"?>'
		echo '<rss version="2.0"><channel><title>wire</title>'
		echo '<link>http://127.0.0.1/</link>'
		printf '%s' "$ITEMS"
		echo '</channel></rss>'
	} > "$T/www/wire.rss.tmp"
	mv "$T/www/wire.rss.tmp" "$T/www/wire.rss"
}

mkdir -p "$T/www"
# The quiet month: a story every week or two for each pair.
item "26 days" b1 "Varnia threatens to cut gas to Ostland|Varnia threatened to cut gas deliveries to Ostland over unpaid bills."
item "12 days" b2 "Varnia vows revenge on Ostland for sunk trawler|Varnia vowed revenge on Ostland after a fishing trawler sank near Hald."
item "20 days" o1 "Ostland threatens to cut rail links to Varnia|Ostland threatened to cut the rail links to Varnia during the customs row."
item "9 days" o2 "Ostland vows revenge on Varnia for spy arrests|Ostland vowed revenge on Varnia for the arrest of three diplomats."
item "15 days" k1 "Kesh threatens to cut grain to Ostland|Kesh threatened to cut grain exports to Ostland unless tariffs fall."
# Today: one story for Ostland and Kesh, a burst for Varnia -> Ostland.
item "6 hours" o3 "Ostland vows revenge on Varnia over border fence|Ostland vowed revenge on Varnia over a fence built across disputed pasture."
item "7 hours" k2 "Kesh threatens to cut water to Ostland|Kesh threatened to cut the water of the Selm canal to Ostland in the drought."
item "5 hours" s1 "Varnia threatens all-out war with Ostland|Varnia threatened all-out war with Ostland as tank columns gathered at the northern pass."
item "4 hours" s2 "Varnian generals vow revenge on Ostland over school|Varnian generals vowed revenge on Ostland after artillery hit a school in Dovrik."
item "3 hours" s3 "Varnia threatens to cut power to Ostland|Varnia threatened to cut electricity exports to Ostland unless the blockade of Marren ends."
item "2 hours" s4 "Varnia vows to retaliate against Ostland for seized ships|Varnia vowed to retaliate against Ostland for seizing two grain ships off Marren."
write_feed
start_nginx "$T/www"
start_receiver

cat > "$T/brink.conf" <<CONF
state_dir = "$T/state"
interval = "1s"
feed wire {
	url = "http://127.0.0.1:$NGINX_PORT/wire.rss"
	max_age = "40d"
}
actor varnia { names = {"Varnia", "Varnian"} }
actor ostland { names = {"Ostland"} }
actor kesh { names = {"Kesh"} }
rule revenge {
	category = "retaliation"
	severity = "high"
	terms = {"vow* to retaliat*", "vow* revenge"}
}
rule cut-threat {
	category = "threat"
	severity = "high"
	terms = {"threaten* to cut"}
}
rule war-threat {
	category = "threat"
	severity = "critical"
	terms = {"threaten* all-out war"}
}
sink log { type = "file" path = "$T/alerts.jsonl" }
sink chat { type = "webhook" url = "$RECEIVER_URL/hook" rate_limit = 0 }
CONF

# The keys: a bad one is named with its file and line; --trend before
# any state says so; --json goes with --trend only.
printf 'feed f { url = "file:///dev/null" }\ntrend_factor = 0\ntrend_floor = "x"\n' \
    > "$T/bad.conf"
"$BRINKD" -t -c "$T/bad.conf" > "$T/bad.out" 2>&1 &&
    fail "-t took trend_factor = 0"
check "trend_factor 0 is refused with its line" \
    grep -q 'bad.conf:2: trend_factor "0" is not a number above 0' "$T/bad.out"
check "and trend_floor \"x\" with its" \
    grep -q 'bad.conf:3: trend_floor "x" is not a number above 0' "$T/bad.out"
"$BRINKD" -c "$T/brink.conf" --trend > "$T/nostate.out" 2>&1 &&
    fail "--trend without state exits 0"
check "--trend before brinkd ran says there is no state yet" \
    grep -q 'no state yet' "$T/nostate.out"
"$BRINKD" -c "$T/brink.conf" --json > /dev/null 2>&1
check "--json alone is a usage error" [ $? -eq 2 ]

# kinds: per line of the alert log, "category actors->targets".
kinds() {
	"$PYTHON3" -c 'import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    a = json.loads(line)
    print(a["category"], ",".join(a["actors"]) + "->" +
          ",".join(a["targets"]))' "$T/alerts.jsonl" 2>/dev/null
}
escalations() { kinds | grep -c '^escalation ' || true; }
trend_of() {
	"$PYTHON3" -c 'import json, sys
for line in sys.stdin:
    p = json.loads(line)
    if p["kind"] == "escalation" and p["actor"] == sys.argv[1] and \
            (p["target"] or "") == sys.argv[2]:
        print(p["last_24h"], p["baseline"], p["ratio"],
              "raised" if p["raised"] else "-")' "$@"
}

# 1. The replay: eleven articles, one escalation.
start_brinkd "$T/brink.conf"
wait_for 60 log_has "feed wire: 11 new items, 11 alerts" ||
    hard_error "the replay was not alerted: $(cat "$BRINKD_LOG")"
kinds > "$T/kinds"
check "every article of the month was alerted" \
    [ "$(grep -vc '^escalation ' "$T/kinds")" -eq 11 ]
check "the burst pair's stories name actor and target" \
    [ "$(grep -c ' varnia->ostland$' "$T/kinds")" -ge 6 ]
check "exactly one escalation alert" [ "$(escalations)" -eq 1 ]
check "for varnia -> ostland" \
    grep -qx 'escalation varnia->ostland' "$T/kinds"
wait_for 60 sh -c "grep -q '\"category\": *\"escalation\"' '$RECEIVER_LOG'" ||
    fail "chat was not told of the escalation: $(cat "$RECEIVER_LOG")"
"$PYTHON3" -c 'import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    a = json.loads(line)
    if a["category"] == "escalation":
        t = a["trend"]
        print(t["actor"], t["target"], t["last_24h"], t["baseline"],
              t["ratio"], len(t["stories"]), a["item"]["title"])' \
    "$T/alerts.jsonl" > "$T/escalation"
pass "the alert: $(cat "$T/escalation")"
check "it names the pair, its figures and the stories behind it" \
    grep -q '^varnia ostland 9.0 0.27 3.0 2 escalation varnia -> ostland: ' \
    "$T/escalation"

# 2. --trend while the daemon runs.
"$BRINKD" -c "$T/brink.conf" --trend > "$T/trend.txt" 2>&1 ||
    fail "--trend failed: $(cat "$T/trend.txt")"
cat "$T/trend.txt"
check "--trend shows the burst pair raised" \
    grep -Eq '^varnia -> ostland +escalation .* raised$' "$T/trend.txt"
check "and no other pair raised" [ "$(grep -c 'raised$' "$T/trend.txt")" -eq 1 ]
"$BRINKD" -c "$T/brink.conf" --trend --json > "$T/trend.json" ||
    fail "--trend --json failed"
check "--trend --json: the burst pair" \
    [ "$(trend_of varnia ostland < "$T/trend.json" | cut -d' ' -f4)" = raised ]
check "--trend --json: the others under the factor, not raised" \
    [ "$(trend_of ostland varnia < "$T/trend.json")" = "4.0 0.27 1.33 -" -a \
      "$(trend_of kesh ostland < "$T/trend.json")" = "4.0 0.13 1.33 -" ]

# 3. Restarted, a fifth story of the burst: the trend stands, no second.
stop_brinkd
check "brinkd stops cleanly" [ "$BRINKD_STATUS" -eq 0 ]
item "1 hour" s5 "Varnia threatens to cut telephone lines to Ostland|Varnia threatened to cut the telephone cables under the lake to Ostland."
write_feed
start_brinkd "$T/brink.conf"
wait_for 60 log_has "feed wire: 1 new item, 1 alert" ||
    hard_error "the fifth story was not alerted: $(tail "$BRINKD_LOG")"
stop_brinkd
check "the fifth story raises no second escalation" [ "$(escalations)" -eq 1 ]
check "chat got the escalation once" \
    [ "$(grep -c '"category": *"escalation"' "$RECEIVER_LOG")" -eq 1 ]
finish
