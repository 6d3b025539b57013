#!/bin/sh
# kill -9 with alerts in the spool, twice, while the receiver is down;
# once it is back, a restart delivers every alert, in order, none lost.
. "$top_srcdir/tests/lib.sh"

TOOL="$top_builddir/tests/webhook_tool"
[ -x "$TOOL" ] || hard_error "$TOOL not built"

start_receiver --mode 503
# A first process spools 25 alerts and starts failing to post them.
make_alerts 0 25 > "$T/alerts.jsonl"
"$TOOL" "$T/state" generic "$RECEIVER_URL/hook" < "$T/alerts.jsonl" \
    > "$T/run1.out" 2> "$T/run1.err" &
pid=$!; track $pid
wait_for 30 grep -qx "spooled 25" "$T/run1.out" || hard_error "not spooled: $(cat "$T/run1.err")"
wait_for 30 sh -c "[ \$(grep -c '\"status\": \"503\"' '$RECEIVER_LOG') -ge 1 ]" ||
    hard_error "no post reached the receiver: $(cat "$T/run1.err")"
kill -9 $pid; wait $pid 2>/dev/null
pass "first process killed with 25 alerts spooled"

# A second one resumes, fails again, and is killed too.
before=$(receiver_count 503)
"$TOOL" "$T/state" generic "$RECEIVER_URL/hook" < /dev/null \
    > "$T/run2.out" 2> "$T/run2.err" &
pid=$!; track $pid
wait_for 30 sh -c "[ \$(grep -c '\"status\": \"503\"' '$RECEIVER_LOG') -gt $before ]" ||
    hard_error "the restarted process did not resume: $(cat "$T/run2.err")"
kill -9 $pid; wait $pid 2>/dev/null
pass "second process resumed the spool and was killed"

# The receiver is back; a third process delivers everything.
receiver_set ok
"$TOOL" -w 120 "$T/state" generic "$RECEIVER_URL/hook" < /dev/null \
    > "$T/run3.out" 2> "$T/run3.err"
check "third process emptied the spool" grep -qx "spool empty" "$T/run3.out"
receiver_ids 200 > "$T/got"
"$PYTHON3" - "$T/got" > "$T/verdict" <<'PY_EOF'
import sys
got = [l.strip() for l in open(sys.argv[1])]
want = ["%016x" % n for n in range(25)]
first = []
for i in got:
    if i not in first:
        first.append(i)
print("all-in-order" if first == want else "wrong %r" % got)
PY_EOF
check "every alert arrived, in order, none lost" grep -qx all-in-order "$T/verdict"
check "nothing posted twice" [ "$(wc -l < "$T/got")" -eq 25 ]
finish
