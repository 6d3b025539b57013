#!/bin/sh
# Chat formats that render safely, against the receiver playing a strict
# service (--check-links answers 400 to a malformed link, as Discord
# does): an alert whose link is bad still arrives, without the link, and
# the log says why; a link with a space arrives mended; article text
# cannot ping a channel or make a link of its own; the severity is bold
# in both Slack's and Mattermost's markup.
. "$top_srcdir/tests/lib.sh"

TOOL="$top_builddir/tests/webhook_tool"
[ -x "$TOOL" ] || hard_error "$TOOL not built"

start_receiver --check-links

# Three alerts: a javascript: link, a link with spaces, a good link; and
# a title and sentence written to ping and to link.
"$PYTHON3" - > "$T/alerts.jsonl" <<'PY_EOF'
import json
links = ["javascript:alert(document.cookie)",
         "https://news.example/world/talks resume",
         "https://news.example/world/3"]
for n, link in enumerate(links, 1):
    print(json.dumps({
        "id": "%016x" % n, "time": "2026-11-23T06:00:00Z",
        "severity": "critical", "category": "threat",
        "rule": "threat-ultimatum", "feed": "world-desk",
        "item": {"id": "item-%d" % n,
                 "title": "@channel <!here> @all Northland ultimatum %d "
                          "[read](https://evil.example/%d)" % (n, n),
                 "link": link, "published": "2026-11-23T05:58:00Z"},
        "actors": ["northland"], "targets": ["southland"],
        "hits": [{"rule": "threat-ultimatum", "category": "threat",
                  "severity": "critical",
                  "sentence": "@here Northland gave Southland 48 hours, "
                              "see <https://evil.example|this> and "
                              "[proof](javascript:alert(1)).",
                  "terms": ["48 hours"], "actors": ["northland"],
                  "targets": ["southland"]}]}))
PY_EOF

for f in discord slack mattermost teams ntfy generic; do
	"$TOOL" -w 30 "$T/state-$f" "$f" "$RECEIVER_URL/hook-$f" \
	    < "$T/alerts.jsonl" > "$T/$f.out" 2> "$T/$f.err" ||
	    fail "$f: the tool failed: $(cat "$T/$f.err")"
	check "$f: the bad link is logged with the reason" grep -qF \
	    "alert 0000000000000001: sent without the article's link: only http and https links are sent (this one is javascript:)" \
	    "$T/$f.err"
	check "$f: no alert was dropped" \
	    sh -c "! grep -q 'dropped\|refuses' '$T/$f.err'"
done

"$PYTHON3" - "$RECEIVER_LOG" <<'PY_EOF'
import json, sys
reqs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
fails = 0
def check(what, cond):
    global fails
    print(("ok: " if cond else "FAIL: ") + what)
    fails += 0 if cond else 1

def strings(v):
    if isinstance(v, str):
        yield v
    elif isinstance(v, dict):
        for k, x in v.items():
            yield from strings(x)
    elif isinstance(v, list):
        for x in v:
            yield from strings(x)

def text(r):
    return "\n".join(strings(r["json"]))

def links(v):
    """The values of the fields services make clickable."""
    if isinstance(v, dict):
        for k, x in v.items():
            if k in ("url", "title_link", "click", "link") and isinstance(x, str):
                yield x
            else:
                yield from links(x)
    elif isinstance(v, list):
        for x in v:
            yield from links(x)

def posts(f):
    # ntfy posts to the server's root, the topic in the body.
    return [r for r in reqs if r["path"] == "/hook-" + f or
            (f == "ntfy" and r["path"] == "/" and
             (r["json"] or {}).get("topic") == "hook-ntfy")]

for f in ("discord", "slack", "mattermost", "teams", "ntfy", "generic"):
    rs = posts(f)
    check(f + ": three posts, all accepted (200)",
          len(rs) == 3 and all(r["status"] == "200" for r in rs))
    check(f + ": each alert arrived once, with its title",
          all(any("ultimatum %d" % n in text(r) for r in rs)
              for n in (1, 2, 3)))
    bodies = "\n".join(r["body"] for r in rs)
    check(f + ": javascript: in no link field",
          not any("javascript" in l.lower() for r in rs for l in links(r["json"])))
    check(f + ": the link with a space arrives mended",
          "https://news.example/world/talks%20resume" in bodies and
          "talks resume" not in bodies)
    check(f + ": the good link arrives as it was",
          "https://news.example/world/3" in bodies)
    if f in ("slack", "mattermost", "teams", "discord"):
        check(f + ": no markdown link from the article",
              "](https://evil" not in bodies and "](javascript" not in bodies)

s = [r["json"] for r in reqs if r["path"] == "/hook-slack"]
m = [r["json"] for r in reqs if r["path"] == "/hook-mattermost"]
for name, js in (("slack", s), ("mattermost", m)):
    body = "\n".join(text({"json": j}) for j in js)
    for mention in ("@channel", "@here", "@all", "<!here>", "<!channel>",
                    "<https://evil"):
        check(name + ": no live " + mention, mention not in body)
check("mattermost: **CRITICAL** in text", all("**CRITICAL**" in j["text"] for j in m))
check("slack: *CRITICAL* in a mrkdwn block",
      all(j["blocks"][0]["text"]["type"] == "mrkdwn" and
          "*CRITICAL*" in j["blocks"][0]["text"]["text"] and
          "**" not in j["blocks"][0]["text"]["text"] for j in s))
g = [r["json"] for r in reqs if r["path"] == "/hook-generic"]
check("generic: the unusable link is null in the record",
      any(j["item"]["link"] is None and j["id"] == "0000000000000001" for j in g))
sys.exit(1 if fails else 0)
PY_EOF
[ $? -eq 0 ] || fail "the payloads (see above)"

finish
