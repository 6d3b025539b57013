#!/bin/sh
# Hostile feeds through the whole daemon (brinkd -f), not just the
# parser: a body that never ends, a slowloris server, a gzip bomb,
# nesting 100,000 deep, an entity bomb, 10,000 items, a 1 MB title.
# brinkd must stay up, log a line naming each bad feed, and keep
# polling the good one, which raises its alert while the others misbehave.
# (poll_limits.sh covers the same servers' single --once run.)
. "$top_srcdir/tests/lib.sh"

[ -x "$BRINKD" ] || hard_error "$BRINKD not built"

mkdir -p "$T/www"
poll_feed "$T/www/good.rss" "Harbour reopens after storm"
"$PYTHON3" - "$T/www" <<'PY_EOF'
import os, sys, time
www = sys.argv[1]
head = '<?xml version="1.0"?>\n'
def write(name, text):
    with open(os.path.join(www, name), "w") as f:
        f.write(text)
# Elements nested 100,000 deep inside an item's description.
write("deep.rss", head + '<rss version="2.0"><channel><title>Deep</title>'
      '<item><title>Deep</title><guid>deep</guid><description>'
      + "<b>" * 100000 + "</b>" * 100000 + "</description></item>"
      "</channel></rss>")
# A billion laughs: ten entities each ten times the one before.
dtd = '<!DOCTYPE rss [<!ENTITY e0 "laugh">'
for i in range(1, 10):
    dtd += '<!ENTITY e%d "%s">' % (i, ("&e%d;" % (i - 1)) * 10)
write("entities.rss", head + dtd + ']><rss version="2.0"><channel>'
      '<title>Laughs</title><item><title>&e9;</title><guid>laugh</guid>'
      '<description>&e9;</description></item></channel></rss>')
# 10,000 items, quiet ones.
write("many.rss", head + '<rss version="2.0"><channel><title>Many</title>'
      + "".join("<item><title>Market report %d</title><guid>m%d</guid>"
                "<description>Prices held steady.</description></item>"
                % (i, i) for i in range(10000)) + "</channel></rss>")
# One item whose title is 1 MB of words, a threat at its start, dated
# now so that the first poll alerts on it.
now = time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime())
write("bigtitle.rss", head + '<rss version="2.0"><channel><title>Big</title>'
      "<item><title>Northland vows to retaliate against Southland "
      + "and so on " * 100000 + "</title><guid>big</guid>"
      "<pubDate>" + now + "</pubDate></item></channel></rss>")
PY_EOF
# 20 MB of blanks, a few tens of KB gzipped on the wire.
head -c 20000000 /dev/zero | tr '\0' ' ' > "$T/www/bomb.rss"
start_nginx "$T/www"

"$PYTHON3" "$top_srcdir/tests/harden_hostile_server.py" "$T/hostile.port" \
    2> "$T/hostile.err" &
track $!
wait_for 10 test -s "$T/hostile.port" ||
    hard_error "the hostile server did not start: $(cat "$T/hostile.err")"
HOSTILE="http://127.0.0.1:$(cat "$T/hostile.port")"
base="http://127.0.0.1:$NGINX_PORT"

{
	cat <<CONF
state_dir = "$T/state"
max_body = "4M"
interval = "1s"
actor northland { names = {"Northland"} }
actor southland { names = {"Southland"} }
rule retaliation-vow {
	category = "retaliation"
	severity = "high"
	terms = {"vow* to retaliat*"}
}
sink log { type = "file" path = "$T/alerts.jsonl" }
feed good { url = "$base/good.rss" }
feed endless { url = "$HOSTILE/endless.rss" }
feed slow {
	url = "$HOSTILE/slow.rss"
	low_speed_time = "3s"
}
CONF
	for f in bomb deep entities many bigtitle; do
		echo "feed $f { url = \"$base/$f.rss\" }"
	done
} > "$T/brink.conf"
"$BRINKD" -t -c "$T/brink.conf" > "$T/check.out" 2>&1 ||
    hard_error "configuration refused: $(cat "$T/check.out")"

start_brinkd "$T/brink.conf"
wait_for 60 log_has "feed good: first poll" ||
    hard_error "the good feed was not polled: $(cat "$BRINKD_LOG")"

# Each bad feed gets a line that names it and says what was wrong.
check "endless body: cut off, named" wait_for 60 log_has \
    "feed endless: .*body larger than [0-9]+ bytes \\(max_body\\)"
check "slowloris: given up, named" wait_for 60 log_has \
    "feed slow: .*(too slow|timed out|Operation too slow|speed)"
check "gzip bomb: cut off, named" wait_for 60 log_has \
    "feed bomb: .*body larger than [0-9]+ bytes \\(max_body\\)"
check "deep nesting: refused, named" wait_for 60 log_has \
    "feed deep: .*(nested deeper than|Excessive depth)"
check "entity bomb: a clear line, named" wait_for 60 log_has "feed entities: "
check "10,000 items: kept the first max_items, said so" wait_for 60 log_has \
    "feed many: more than 1000 items; kept the first"

# The good feed is still polled: a threat appears there and is alerted.
poll_feed "$T/www/good.rss" "Harbour reopens after storm" \
    "Northland vows to retaliate against Southland over the harbour"
alert_for() { grep -q "over the harbour" "$T/alerts.jsonl" 2>/dev/null; }
check "the good feed's new threat raised its alert meanwhile" \
    wait_for 60 alert_for
check "brinkd is still up" kill -0 "$BRINKD_PID"

# The bad ones are tried again, not given up for good.
requests() { grep -c "^$1\$" "$T/hostile.port.requests" 2>/dev/null || echo 0; }
retried() { [ "$(requests "$1")" -ge 2 ]; }
check "the endless feed is polled again" wait_for 120 retried /endless.rss
check "the slow feed is polled again" wait_for 120 retried /slow.rss

# rules_match once took ten minutes over this title under ASan.
big_alert() { grep -q '"feed":"bigtitle"' "$T/alerts.jsonl" 2>/dev/null; }
check "the 1 MB title's threat raised its alert" wait_for 60 big_alert
check "... one alert" \
    test "$(grep -c '"feed":"bigtitle"' "$T/alerts.jsonl")" = 1
check "its alert record stays small (under 64 KB)" \
    test "$(grep '"feed":"bigtitle"' "$T/alerts.jsonl" | wc -c)" -lt 65536
check "the 10,000 quiet items raised no alert" \
    sh -c "! grep -q '\"feed\":\"many\"' '$T/alerts.jsonl'"
check "no laugh expanded into an alert" \
    sh -c "! grep -q 'laughlaugh' '$T/alerts.jsonl'"
check "nothing of the refused feeds was recorded" \
    test "$(seen_count deep)$(seen_count endless)$(seen_count bomb)" = 000
stop_brinkd
check "brinkd stops cleanly on SIGTERM with hostile transfers open" \
    [ "$BRINKD_STATUS" -eq 0 ]
finish
