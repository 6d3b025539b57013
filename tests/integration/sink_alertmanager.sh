#!/bin/sh
# The Alertmanager sink against a real prometheus-alertmanager on
# 127.0.0.1: alerts raised while it is down wait in the spool and arrive
# once it is up, each with its labels (alertname, category, severity,
# rule, actor, target, feed, alert id), annotations (title, sentence,
# link) and an endsAt, as `amtool alert query` shows them.
. "$top_srcdir/tests/lib.sh"

: "${ALERTMANAGER:=$(command -v prometheus-alertmanager || echo /usr/bin/prometheus-alertmanager)}"
: "${AMTOOL:=$(command -v amtool || echo /usr/bin/amtool)}"
[ -x "$ALERTMANAGER" ] && [ -x "$AMTOOL" ] ||
    skip "prometheus-alertmanager not installed (./bootstrap installs it)"

port=$(free_port)
AM_URL="http://127.0.0.1:$port"
mkdir -p "$T/state" "$T/log" "$T/feeds" "$T/am"
cp "$top_srcdir/share/samples/harbour-herald.rss" "$T/feeds/"
cat > "$T/brink.conf" <<CONF
state_dir = "$T/state"
max_age   = "3650d"
include("$top_srcdir/etc/rules/default.conf")
actor ostrel { names = {"Ostrel", "Ostreli", "Dovrin", "Tamar Ruslo"}
	rivals = {"varnia"} }
actor varnia { names = {"Varnia", "Varnian", "Selvek", "Anja Merrow"} }
feed herald { url = "file://$T/feeds/harbour-herald.rss" }
sink log { type = "file" path = "$T/log/alerts.jsonl" }
sink am { type = "alertmanager" url = "$AM_URL" }
CONF
"$BRINKD" -t -c "$T/brink.conf" > "$T/t.out" 2>&1
check "-t takes an alertmanager sink: $(cat "$T/t.out")" \
    grep -qx "configuration ok" "$T/t.out"

# Alertmanager is not up yet: the alerts wait in the spool.
"$BRINKD" --once -c "$T/brink.conf" > "$T/once1.out" 2>&1
check "--once with Alertmanager down still succeeds" test $? -eq 0
n=$(wc -l < "$T/log/alerts.jsonl")
check "the sample feed raised alerts ($n)" test "$n" -ge 1
"$BRINKD" --status -c "$T/brink.conf" > "$T/status.out" 2>&1
check "they wait in the spool: $(grep 'am:' "$T/status.out")" \
    grep -q "^  am: alertmanager, $n spooled" "$T/status.out"

cat > "$T/am.yml" <<'YML'
route:
  receiver: nowhere
  group_wait: 1h
receivers:
  - name: nowhere
YML
"$ALERTMANAGER" --config.file="$T/am.yml" --storage.path="$T/am" \
    --web.listen-address="127.0.0.1:$port" --cluster.listen-address= \
    > "$T/am.log" 2>&1 &
track $!
wait_for 60 curl -sf "$AM_URL/-/ready" -o /dev/null ||
    hard_error "alertmanager did not start: $(tail -n 5 "$T/am.log")"

# The next run sends what waited.
"$BRINKD" --once -c "$T/brink.conf" > "$T/once2.out" 2>&1
check "--once with Alertmanager up: exit 0: $(tail -n 3 "$T/once2.out")" \
    test $? -eq 0
query() {
	"$AMTOOL" alert query --alertmanager.url="$AM_URL" -o json \
	    > "$T/query.json" 2> "$T/query.err"
}
check "Alertmanager holds $n alerts" wait_for 30 sh -c "
	'$AMTOOL' alert query --alertmanager.url='$AM_URL' -o json |
	'$PYTHON3' -c 'import json, sys; sys.exit(len(json.load(sys.stdin)) != $n)'"
query
"$PYTHON3" - "$T/query.json" "$T/log/alerts.jsonl" <<'PY_EOF'
import json, sys
got = {a["labels"]["alert_id"]: a for a in json.load(open(sys.argv[1]))}
want = [json.loads(l) for l in open(sys.argv[2])]
fails = 0
def check(what, cond):
    global fails
    print(("ok: " if cond else "FAIL: ") + what)
    fails += 0 if cond else 1
for w in want:
    a = got.get(w["id"])
    check("alert %s arrived" % w["id"], a is not None)
    if a is None:
        continue
    l, an = a["labels"], a["annotations"]
    check("%s: alertname brink" % w["id"], l.get("alertname") == "brink")
    for key in ("category", "severity", "rule", "feed"):
        check("%s: label %s = %s" % (w["id"], key, w[key]), l.get(key) == w[key])
    check("%s: label actor" % w["id"], l.get("actor") == ",".join(w["actors"]))
    if w["targets"]:
        check("%s: label target" % w["id"], l.get("target") == ",".join(w["targets"]))
    check("%s: summary is the title" % w["id"], an.get("summary") == w["item"]["title"])
    check("%s: the sentence" % w["id"],
          any(an.get("sentence") == h["sentence"] for h in w["hits"]))
    check("%s: the link" % w["id"], an.get("link") == w["item"]["link"])
    check("%s: endsAt after startsAt" % w["id"], a["endsAt"] > a["startsAt"])
    check("%s: active" % w["id"], a["status"]["state"] == "active")
sys.exit(1 if fails else 0)
PY_EOF
[ $? -eq 0 ] || fail "the alerts in Alertmanager (see above)"
"$BRINKD" --status -c "$T/brink.conf" > "$T/status.out" 2>&1
check "the spool is empty" grep -q "^  am: alertmanager, 0 spooled" \
    "$T/status.out"

finish
