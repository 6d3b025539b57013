#!/bin/sh
# Stories end to end: three feeds on nginx carry the same statements in
# their own words, and one article (same link and GUID) in two of them.
# brinkd runs with an alert log and a chat webhook.  The log gets every
# article with its story id; chat gets one post per story; the shared
# article is one alert whose story lists both feeds; brinkd killed and
# restarted in the middle neither repeats a story's first post nor
# forgets the story; a rise in severity posts an update at once.
. "$top_srcdir/tests/lib.sh"

[ -x "$BRINKD" ] || hard_error "$BRINKD not built"

# feed FILE "LINK|TITLE|DESCRIPTION"...: an RSS feed dated now.
feed() {
	file=$1; shift
	now=$(date -u '+%a, %d %b %Y %H:%M:%S +0000')
	{
		echo '<?xml version="1.0" encoding="UTF-8"?>'
		echo '<rss version="2.0"><channel><title>t</title>'
		echo '<link>http://127.0.0.1/</link>'
		for it in "$@"; do
			link=${it%%|*}; rest=${it#*|}
			echo "<item><title>${rest%%|*}</title>"
			echo "<link>http://127.0.0.1/$link</link>"
			echo "<guid>urn:story-test:$link</guid>"
			echo "<pubDate>$now</pubDate>"
			echo "<description>${rest#*|}</description></item>"
		done
		echo '</channel></rss>'
	} > "$file.tmp"
	mv "$file.tmp" "$file"
}

A1="wire/a1|Varnia vows to retaliate against Ostland for border shelling|Varnia vowed to retaliate against Ostland for the shelling of its border towns."
A2="daily/a2|Varnian leaders vow retaliation over Ostland shelling|The Varnian government vowed retaliation against Ostland over the shelling of border towns."
B1="wire/b1|Ostland threatens to cut gas supplies to Varnia|Ostland threatened to cut gas supplies to Varnia unless the blockade of its ports ends."
S1="shared/s1|Ostland vows revenge on Varnia after drone strike on refinery|Ostland vowed revenge on Varnia after a drone strike set its main refinery ablaze."
A3="agency/a3|Varnia says it will retaliate against Ostland for shelled border towns|Varnia said it vows to retaliate against Ostland after the shelling of towns on its border."
S2="wire/s2|Ostland vows revenge for refinery drone strike by Varnia|Ostland has vowed revenge on Varnia for the drone strike that set the refinery ablaze."
A4="agency/a4|Varnia threatens all-out war over Ostland border shelling|Varnia threatened all-out war and vowed to retaliate against Ostland for the shelling of its border towns."

mkdir -p "$T/www"
feed "$T/www/wire.rss" "$A1" "$B1"
feed "$T/www/daily.rss" "$A2" "$S1"
feed "$T/www/agency.rss" "$S1"
start_nginx "$T/www"
start_receiver

cat > "$T/brink.conf" <<CONF
state_dir = "$T/state"
interval = "1s"
feed wire { url = "http://127.0.0.1:$NGINX_PORT/wire.rss" }
feed daily { url = "http://127.0.0.1:$NGINX_PORT/daily.rss" }
feed agency { url = "http://127.0.0.1:$NGINX_PORT/agency.rss" }
actor varnia { names = {"Varnia", "Varnian"} }
actor ostland { names = {"Ostland"} }
rule retaliation-vow {
	category = "retaliation"
	severity = "high"
	terms = {"vow* to retaliat*", "vow* retaliation", "vow* revenge"}
}
rule supply-threat {
	category = "threat"
	severity = "medium"
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

lines() { cat "$T/alerts.jsonl" 2>/dev/null | wc -l; }
has_lines() { [ "$(lines)" -ge "$1" ]; }
posts() { [ "$(receiver_count 200)" -ge "$1" ]; }
# log_table: per alert log line, "link story-id first articles feeds"
log_table() {
	"$PYTHON3" -c 'import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    a = json.loads(line)
    s = a["story"]
    print(a["item"]["link"].split("/", 3)[3], s["id"], s["first"],
          s["articles"], ",".join(sorted(s["feeds"])))' "$T/alerts.jsonl"
}
story_of() { log_table | awk -v l="$1" '$1 == l { print $2 }'; }
posted() {
	"$PYTHON3" -c 'import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    j = r["json"] or {}
    if r["status"] == "200":
        print(j["item"]["link"].split("/", 3)[3], j["story"]["first"],
              j["story"]["articles"])' "$RECEIVER_LOG"
}

# 1. Three feeds, four articles, three stories.
start_brinkd "$T/brink.conf"
wait_for 60 has_lines 4 || hard_error "fewer than four alerts: $(cat "$BRINKD_LOG")"
wait_for 60 posts 3 || hard_error "fewer than three posts: $(posted)"
check "the alert log has every article with its story id" \
    [ "$(lines)" -eq 4 -a "$(log_table | awk 'NF == 5' | wc -l)" -eq 4 ]
check "two wordings of Varnia's vow are one story" \
    [ -n "$(story_of wire/a1)" -a "$(story_of wire/a1)" = "$(story_of daily/a2)" ]
check "the gas threat is a story of its own" \
    [ -n "$(story_of wire/b1)" -a "$(story_of wire/b1)" != "$(story_of wire/a1)" ]
check "the article in two feeds is one alert" \
    [ "$(log_table | grep -c '^shared/s1 ')" -eq 1 ]
check "brinkd says it saw it in the other feed" \
    log_has "already alerted from another feed"
pass "first round: $(log_table | tr '\n' ';')"

# 2. Killed in the middle; new wordings appear while it is down.
kill -9 $BRINKD_PID; wait $BRINKD_PID 2>/dev/null
feed "$T/www/agency.rss" "$A3" "$S1"
feed "$T/www/wire.rss" "$S2" "$A1" "$B1"
start_brinkd "$T/brink.conf"
wait_for 60 has_lines 6 || hard_error "the new wordings gave no alerts: $(tail "$BRINKD_LOG")"
check "after the restart a rewording joins the story it had" \
    [ "$(story_of agency/a3)" = "$(story_of wire/a1)" ]
check "the drone strike story is the shared article's" \
    [ "$(story_of wire/s2)" = "$(story_of shared/s1)" ]
check "and lists the feeds that carried it, both of the shared one's too" \
    [ "$(log_table | awk '$1 == "wire/s2" { print $5 }')" = "agency,daily,wire" ]

# 3. A stronger wording raises the story's severity: an update at once.
feed "$T/www/agency.rss" "$A4" "$A3" "$S1"
wait_for 60 has_lines 7 || hard_error "no war threat alert: $(tail "$BRINKD_LOG")"
wait_for 60 posts 4 || fail "the severity rise was not posted: $(posted)"
stop_brinkd
check "brinkd stops cleanly" [ "$BRINKD_STATUS" -eq 0 ]
check "the war threat is the vow's story" \
    [ "$(story_of agency/a4)" = "$(story_of wire/a1)" ]
check "chat got one post per story, then the update, and nothing twice" \
    [ "$(receiver_count 200)" -eq 4 ]
check "the three first posts are first of their stories" \
    [ "$(posted | sed -n 1,3p | grep -c ' True ')" -eq 3 ]
check "the fourth is an update of the vow's story with four articles" \
    [ "$(posted | sed -n 4p)" = "agency/a4 False 4" ]
finish
