#!/bin/sh
# A receiver slower than the sink's timeout acts on every post it gets,
# but brink sees only timeouts: the copies must stay bounded.  After a
# timeout brink backs off and waits twice as long for the next answer,
# up to 8 times the timeout, so an alert reaches such a receiver at most
# 4 times (1 s, 2 s, 4 s, 8 s), and the alerts after it go with the
# longer wait.  Every
# post carries the alert id as Idempotency-Key, the same on each copy.
# Once the receiver answers within the timeout again, the wait shrinks
# back: a slow spell does not leave it long for good.
. "$top_srcdir/tests/lib.sh"

TOOL="$top_builddir/tests/webhook_tool"
[ -x "$TOOL" ] || hard_error "$TOOL not built"

# The receiver answers each post after 2.5 s; the timeout is 1 s.
start_receiver --mode slow --delay 2.5
make_alerts 0 3 | "$TOOL" -w 90 -t 1 "$T/state" generic "$RECEIVER_URL/hook" \
    > "$T/run.out" 2> "$T/run.err"
check "every alert is delivered in the end" grep -qx "spool empty" "$T/run.out"
"$PYTHON3" - "$RECEIVER_LOG" > "$T/copies" <<'PY_EOF'
import collections, json, sys
copies = collections.Counter()
keys_ok = True
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    aid = (r["json"] or {}).get("id", "?")
    copies[aid] += 1
    keys_ok &= r["headers"].get("Idempotency-Key") == aid
print("ids", " ".join(sorted(copies)))
print("max", max(copies.values()) if copies else 0)
print("later", max(copies[a] for a in sorted(copies)[1:]) if len(copies) > 1 else 0)
print("keys", "ok" if keys_ok and copies else "wrong")
PY_EOF
check "the three alerts reached it" grep -qx "ids 0000000000000000 0000000000000001 0000000000000002" "$T/copies"
check "at most 4 copies of an alert" [ "$(sed -n 's/^max //p' "$T/copies")" -le 4 ]
check "the alerts after the first go with the longer wait (at most 2 copies)" \
    [ "$(sed -n 's/^later //p' "$T/copies")" -le 2 ]
check "each post carries the alert id as Idempotency-Key" grep -qx "keys ok" "$T/copies"
check "the timeout is logged with the longer wait" \
    grep -q "sink chat: .*retrying in .* s (attempt 1), waiting longer for the answer" "$T/run.err"
[ $failures -eq 0 ] || cat "$T/copies"

# The receiver is slow for one answer (7 s against a timeout of 3 s),
# then quick: the wait comes back to the sink's own timeout.
start_receiver --mode slow --delay 7 --count 1
make_alerts 0 6 | "$TOOL" -w 90 -t 3 "$T/state2" generic \
    "$RECEIVER_URL/hook" > "$T/run2.out" 2> "$T/run2.err"
check "after a slow spell every alert is delivered" \
    grep -qx "spool empty" "$T/run2.out"
check "the first post timed out and waited longer" \
    grep -q "sink chat: .*waiting longer for the answer" "$T/run2.err"
check "the quick answers brought the wait back to the timeout" \
    grep -qF "sink chat: the receiver answers within the timeout (3 s) again" \
    "$T/run2.err"
finish
