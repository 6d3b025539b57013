#!/bin/sh
# Every webhook format, posted for real and read back from the receiver
# field by field; headers from ${env:} and ${file:} reach the receiver
# and never the log.
. "$top_srcdir/tests/lib.sh"

TOOL="$top_builddir/tests/webhook_tool"
[ -x "$TOOL" ] || hard_error "$TOOL not built"

start_receiver
export BRINK_TEST_TOKEN="tok-$$-secret"
printf 'file-%s-secret\n' $$ > "$T/token"
make_alerts 5 6 critical "Northland issues ultimatum to Southland" > "$T/alert.jsonl"
for f in generic slack mattermost discord teams ntfy; do
	"$TOOL" -w 30 -H 'Authorization: Bearer ${env:BRINK_TEST_TOKEN}' \
	    -H "X-Extra: \${file:$T/token}" "$T/state-$f" "$f" \
	    "$RECEIVER_URL/hook-$f" < "$T/alert.jsonl" \
	    > "$T/$f.out" 2> "$T/$f.err" ||
	    fail "$f: the tool failed: $(cat "$T/$f.err")"
done
# ntfy behind a path prefix, with its ?auth= token in the query: both
# must reach the server (the topic goes into the body).
"$TOOL" -w 30 "$T/state-ntfy-prefix" ntfy \
    "$RECEIVER_URL/tools/ntfy/desk?auth=QmFzaWM$$" < "$T/alert.jsonl" \
    > "$T/ntfy-prefix.out" 2> "$T/ntfy-prefix.err" ||
    fail "ntfy with a prefix: the tool failed: $(cat "$T/ntfy-prefix.err")"

"$PYTHON3" - "$RECEIVER_LOG" "$BRINK_TEST_TOKEN" "file-$$-secret" $$ <<'PY_EOF'
import json, sys
reqs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
token, filetok = sys.argv[2], sys.argv[3]
by = {}
for r in reqs:
    path = r["path"]
    if path.startswith("/hook-"):
        fmt = path[len("/hook-"):]
    elif path.startswith("/tools/"):
        fmt = "ntfy-prefix"
    else:
        fmt = "ntfy"
    by[fmt] = r
title = "Northland issues ultimatum to Southland"
link = "https://news.example/world/5"
sentence = "Northland said it would answer the strike on its port at a time of its choosing."
who = "northland \u2192 southland"
checks = []
def check(what, cond):
    checks.append(cond)
    print(("ok: " if cond else "FAIL: ") + what)

for f in ("generic", "slack", "mattermost", "discord", "teams", "ntfy"):
    r = by.get(f)
    check(f + ": one post arrived", r is not None)
    if r is None:
        continue
    h = {k.lower(): v for k, v in r["headers"].items()}
    check(f + ": POST", r["method"] == "POST")
    check(f + ": JSON content type", h.get("content-type") == "application/json")
    check(f + ": ${env:} header expanded", h.get("authorization") == "Bearer " + token)
    check(f + ": ${file:} header expanded", h.get("x-extra") == filetok)
    check(f + ": body is JSON", r["json"] is not None)

g = by["generic"]["json"]
check("generic: the alert record", g["id"] == "0000000000000005" and g["item"]["title"] == title and g["hits"][0]["sentence"] == sentence)

s = by["slack"]["json"]
b = s["blocks"]
a = s["attachments"][0]
check("slack: text (notifications) says CRITICAL, category, who", "CRITICAL" in s["text"] and "retaliation" in s["text"] and who in s["text"])
check("slack: Block Kit sections in mrkdwn", [x["type"] for x in b] == ["section", "section"] and all(x["text"]["type"] == "mrkdwn" for x in b))
check("slack: the headline in *bold*", "*CRITICAL* retaliation: " + who in b[0]["text"]["text"])
check("slack: the title links the article, the sentence quoted", b[1]["text"]["text"] == "*<%s|%s>*\n> %s" % (link, title, sentence))
check("slack: the attachment keeps the colour, in blocks only", a["color"] == "#8b0000" and "fields" not in a and "title" not in a)
f = a["blocks"][0]["fields"]
check("slack: fields severity/category/who/feed", [x["text"].split("\n")[0] for x in f] == ["*Severity*", "*Category*", "*Who*", "*Feed*"] and f[3]["text"] == "*Feed*\nworld-desk")
check("slack: time in the context", a["blocks"][1]["type"] == "context" and "2026-11-23 06:00:00 UTC" in a["blocks"][1]["elements"][0]["text"])

m = by["mattermost"]["json"]
a = m["attachments"][0]
check("mattermost: text says **CRITICAL**, category, who", "**CRITICAL**" in m["text"] and "retaliation" in m["text"] and who in m["text"])
check("mattermost: no Block Kit", "blocks" not in m)
check("mattermost: colour", a["color"] == "#8b0000")
check("mattermost: title links the article", a["title"] == title and a["title_link"] == link)
check("mattermost: sentence quoted", a["text"] == "> " + sentence)
check("mattermost: fields severity/category/who/feed", [x["title"] for x in a["fields"]] == ["Severity", "Category", "Who", "Feed"] and a["fields"][3]["value"] == "world-desk")
check("mattermost: time", "2026-11-23 06:00:00 UTC" in a["footer"] and isinstance(a["ts"], int))

d = by["discord"]["json"]
e = d["embeds"][0]
check("discord: content headline", "**CRITICAL**" in d["content"] and who in d["content"])
check("discord: no mentions", d["allowed_mentions"] == {"parse": []})
check("discord: embed title links the article", e["title"] == title and e["url"] == link)
check("discord: sentence", sentence.split("'")[0] in e["description"])
check("discord: colour integer", e["color"] == 0x8b0000)
check("discord: timestamp", e["timestamp"] == "2026-11-23T06:00:00Z")
check("discord: fields", [x["name"] for x in e["fields"]] == ["Severity", "Category", "Who", "Feed"])

t = by["teams"]["json"]
att = t["attachments"][0]
c = att["content"]
check("teams: message with an Adaptive Card", t["type"] == "message" and att["contentType"] == "application/vnd.microsoft.card.adaptive" and att["contentUrl"] is None)
check("teams: card 1.4", c["type"] == "AdaptiveCard" and c["version"] == "1.4")
texts = [b.get("text", "") for b in c["body"]]
check("teams: severity and category", "CRITICAL" in texts[0] and "retaliation" in texts[0])
check("teams: who", texts[1] == who)
check("teams: title as a link", texts[2] == "[%s](%s)" % (title, link))
check("teams: sentence", sentence in texts[3])
check("teams: facts", [f["title"] for f in c["body"][4]["facts"]] == ["Feed", "Time", "Rule"])
check("teams: open the article", c["actions"][0]["url"] == link)

n = by["ntfy"]
j = n["json"]
check("ntfy: posted to the server root", n["path"] == "/")
check("ntfy: topic from the url", j["topic"] == "hook-ntfy")
check("ntfy: title", j["title"] == "CRITICAL retaliation: " + who)
check("ntfy: message", title in j["message"] and sentence in j["message"] and "world-desk" in j["message"])
check("ntfy: priority 5, tags", j["priority"] == 5 and j["tags"][0] == "rotating_light")
check("ntfy: click opens the article", j["click"] == link)
p = by.get("ntfy-prefix")
check("ntfy: a path prefix and its query are kept", p is not None and p["path"] == "/tools/ntfy/?auth=QmFzaWM%d" % int(sys.argv[4]))
check("ntfy: the topic after the prefix", p is not None and p["json"]["topic"] == "desk")
sys.exit(0 if all(checks) else 1)
PY_EOF
check "every format has its documented shape" [ $? -eq 0 ]
check "secrets never reach the log" sh -c "! grep -q -e '$BRINK_TEST_TOKEN' -e 'file-$$-secret' '$T'/*.err"
finish
