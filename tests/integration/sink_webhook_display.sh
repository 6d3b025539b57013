#!/bin/sh
# Actors by their display names in chat: an actor that declares
# display = "..." is shown so in a Slack message posted by a running
# brinkd to a real receiver, while the generic record keeps the name the
# rules use.
. "$top_srcdir/tests/lib.sh"

mkdir -p "$T/state" "$T/feeds"
cp "$top_srcdir/share/samples/harbour-herald.rss" "$T/feeds/"
start_receiver
cat > "$T/brink.conf" <<CONF
state_dir = "$T/state"
interval  = "1h"
max_age   = "3650d"
include("$top_srcdir/etc/rules/default.conf")
actor ostrel {
	names = {"Ostrel", "Ostreli", "Dovrin", "Tamar Ruslo"}
	display = "the Ostreli Republic"
	rivals = {"varnia"}
}
actor varnia {
	names = {"Varnia", "Varnian", "Selvek", "Anja Merrow"}
	display = "Varnia (Federation)"
}
feed herald { url = "file://$T/feeds/harbour-herald.rss" }
sink slack { type = "webhook" format = "slack" url = "$RECEIVER_URL/slack"
	stories = "all" rate_limit = 0 }
sink record { type = "webhook" url = "$RECEIVER_URL/generic"
	stories = "all" rate_limit = 0 }
CONF
"$BRINKD" -t -c "$T/brink.conf" > "$T/t.out" 2>&1 ||
    hard_error "the configuration does not pass -t: $(cat "$T/t.out")"

start_brinkd "$T/brink.conf"
wait_for 60 grep -Eq 'feed herald: [0-9]+ new items?, [1-9][0-9]* alerts?' \
    "$BRINKD_LOG" ||
    hard_error "no alert from the sample feed: $(tail -n 5 "$BRINKD_LOG")"
n=$(grep -c 'feed herald: alert ' "$BRINKD_LOG")
wait_for 60 sh -c "[ \$(grep -c '\"path\": \"/slack\"' '$RECEIVER_LOG') -ge $n ] &&
    [ \$(grep -c '\"path\": \"/generic\"' '$RECEIVER_LOG') -ge $n ]" ||
    hard_error "the receiver did not get $n posts on each sink"
stop_brinkd

"$PYTHON3" - "$RECEIVER_LOG" <<'PY_EOF'
import json, sys
reqs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
fails = 0
def check(what, cond):
    global fails
    print(("ok: " if cond else "FAIL: ") + what)
    fails += 0 if cond else 1
shown = ("the Ostreli Republic", "Varnia (Federation)")
slack = [r["json"] for r in reqs if r["path"] == "/slack"]
record = [r["json"] for r in reqs if r["path"] == "/generic"]
check("slack: posts arrived", len(slack) > 0)
for j in slack:
    head = j["blocks"][0]["text"]["text"]
    who = j["attachments"][0]["blocks"][0]["fields"][2]["text"]
    check("slack: the headline names display names: " + head,
          any(s in head for s in shown) and "ostrel" not in head and
          "varnia " not in head)
    check("slack: so does the Who field: " + who.replace("\n", " "),
          any(s in who for s in shown))
parties = [p for j in record for p in j["actors"] + j["targets"]]
check("generic: the record keeps the actors' names: %s" % sorted(set(parties)),
      len(record) > 0 and {"ostrel", "varnia"} <= set(parties) and
      not any(s in parties for s in shown))
sys.exit(1 if fails else 0)
PY_EOF
check "chat shows actors by display name (see above)" [ $? -eq 0 ]
finish
