#!/bin/sh
# Flood control: at most 3 messages per 3 s; 12 alerts at once give 3
# messages, then one digest that says 9 were held and lists them.
. "$top_srcdir/tests/lib.sh"

TOOL="$top_builddir/tests/webhook_tool"
[ -x "$TOOL" ] || hard_error "$TOOL not built"

start_receiver
make_alerts 0 12 | "$TOOL" -w 60 -r 3/3 "$T/state" generic "$RECEIVER_URL/hook" \
    > "$T/run.out" 2> "$T/run.err"
check "the spool emptied" grep -qx "spool empty" "$T/run.out"
receiver_ids 200 > "$T/got"
printf '%s\n' 0000000000000000 0000000000000001 0000000000000002 \
    "digest:0000000000000003,0000000000000004,0000000000000005,0000000000000006,0000000000000007,0000000000000008,0000000000000009,000000000000000a,000000000000000b" \
    > "$T/want"
check "three messages, then one digest of the nine held, in order" cmp -s "$T/got" "$T/want"
[ $failures -eq 0 ] || cat "$T/got"
"$PYTHON3" -c 'import json, sys
rs = [json.loads(l) for l in open(sys.argv[1])]
d = rs[-1]["json"]
ok = d["held"] == 9 and d["sink"] == "chat" and [a["item"]["title"] for a in d["alerts"]] == ["Alert %d" % n for n in range(3, 12)]
sys.exit(0 if ok else 1)' "$RECEIVER_LOG"
check "the digest says how many were held, with their titles" [ $? -eq 0 ]
check "holding is logged" grep -q "sink chat: 3 messages in 3 s, holding alerts for one digest" "$T/run.err"

# The same in Slack's shape (Block Kit): one message listing the held
# titles.
kill $RECEIVER_PID; wait $RECEIVER_PID 2>/dev/null
rm -f "$RECEIVER_LOG"
start_receiver
make_alerts 0 6 | "$TOOL" -w 60 -r 2/3 "$T/state2" slack "$RECEIVER_URL/hook" \
    > "$T/run2.out" 2> "$T/run2.err"
"$PYTHON3" -c 'import json, sys
rs = [json.loads(l)["json"] for l in open(sys.argv[1])]
d = rs[-1]
ok = len(rs) == 3 and "4 alerts held" in d["text"] and all("Alert %d" % n in d["attachments"][0]["blocks"][0]["text"]["text"] for n in range(2, 6))
sys.exit(0 if ok else 1)' "$RECEIVER_LOG"
check "slack: two messages, then one digest listing four titles" [ $? -eq 0 ]
finish
