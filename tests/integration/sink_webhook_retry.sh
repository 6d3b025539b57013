#!/bin/sh
# Webhook delivery through the real spool, store and poll_http against
# the python receiver: a receiver failing for a while (500, 429 with
# Retry-After, a hung connection) gets every alert afterwards, in order,
# none lost; a refused message is dropped with the service's answer; an
# alert past max_age is dropped with an error.
. "$top_srcdir/tests/lib.sh"

TOOL="$top_builddir/tests/webhook_tool"
[ -x "$TOOL" ] || hard_error "$TOOL not built"

expect_ids() {	# FROM TO: the ids FROM..TO-1, one per line
	"$PYTHON3" -c 'import sys
for n in range(int(sys.argv[1]), int(sys.argv[2])): print("%016x" % n)' "$@"
}

# 1. 500 for the first three posts, then fine.
start_receiver --mode 500 --count 3
make_alerts 0 10 | "$TOOL" -w 60 "$T/state1" generic "$RECEIVER_URL/hook" \
    > "$T/run1.out" 2> "$T/run1.err"
check "500 x3: the tool finished with an empty spool" grep -qx "spool empty" "$T/run1.out"
check "500 x3: three failures seen" [ "$(receiver_count 500)" -eq 3 ]
receiver_ids 200 > "$T/got1"; expect_ids 0 10 > "$T/want1"
check "500 x3: every alert afterwards, in order, once" cmp -s "$T/got1" "$T/want1"
check "500 x3: retries logged with backoff" grep -q "sink chat: HTTP 500, retrying in" "$T/run1.err"
kill $RECEIVER_PID; wait $RECEIVER_PID 2>/dev/null

# 2. 429 with Retry-After: 2, twice: the next post waits that long.
start_receiver --mode 429 --count 2 --retry-after 2
make_alerts 20 25 | "$TOOL" -w 60 "$T/state2" generic "$RECEIVER_URL/hook" \
    > "$T/run2.out" 2> "$T/run2.err"
receiver_ids 200 > "$T/got2"; expect_ids 20 25 > "$T/want2"
check "429: every alert, in order, once" cmp -s "$T/got2" "$T/want2"
check "429: Retry-After honoured in the log" grep -q "HTTP 429 (too many requests), retrying in 2 s" "$T/run2.err"
"$PYTHON3" -c 'import json, sys
rs = [json.loads(l) for l in open(sys.argv[1])]
gaps = [b["time"] - a["time"] for a, b in zip(rs, rs[1:]) if a["status"] == "429"]
sys.exit(0 if gaps and min(gaps) >= 1.9 else 1)' "$RECEIVER_LOG"
check "429: no post came before Retry-After passed" [ $? -eq 0 ]
kill $RECEIVER_PID; wait $RECEIVER_PID 2>/dev/null

# 3. A hung connection: the post times out (5 s) and is retried.  Not
# 1 s: on a loaded machine the receiver can take that long to answer a
# good post, which then times out, is sent again and arrives twice.
start_receiver --mode hang --count 1
make_alerts 30 33 | "$TOOL" -w 60 -t 5 "$T/state3" generic "$RECEIVER_URL/hook" \
    > "$T/run3.out" 2> "$T/run3.err"
receiver_ids 200 > "$T/got3"; expect_ids 30 33 > "$T/want3"
check "hang: every alert after the timeout, in order" cmp -s "$T/got3" "$T/want3"
check "hang: the timeout is logged and retried" grep -q "sink chat: .*retrying in" "$T/run3.err"
kill $RECEIVER_PID; wait $RECEIVER_PID 2>/dev/null

# 4. 400: the service refuses that message; it is dropped, logged once
# with the first line of the answer, and the next ones go through.
start_receiver --mode 400 --count 1
make_alerts 40 43 | "$TOOL" -w 60 "$T/state4" generic "$RECEIVER_URL/hook" \
    > "$T/run4.out" 2> "$T/run4.err"
receiver_ids 200 > "$T/got4"; expect_ids 41 43 > "$T/want4"
check "400: the others arrive" cmp -s "$T/got4" "$T/want4"
check "400: one post of the refused alert, not retried" [ "$(receiver_count 400)" -eq 1 ]
check "400: logged with the answer's first line" \
    grep -q "sink chat: HTTP 400: invalid_payload; the service refuses alert 0000000000000028" "$T/run4.err"
check "400: logged once" [ "$(grep -c "HTTP 400" "$T/run4.err")" -eq 1 ]
check "400: second line of the answer not logged" sh -c "! grep -q 'second line' '$T/run4.err'"
kill $RECEIVER_PID; wait $RECEIVER_PID 2>/dev/null

# 5. max_age: a receiver that never recovers; the alert is dropped after
# 2 s with an error naming it, and the spool empties.
start_receiver --mode 500
make_alerts 50 51 | "$TOOL" -w 60 -a 2 "$T/state5" generic "$RECEIVER_URL/hook" \
    > "$T/run5.out" 2> "$T/run5.err"
check "max_age: the spool empties" grep -qx "spool empty" "$T/run5.out"
check "max_age: dropped with an error and a count" \
    grep -q "sink chat: alert 0000000000000032 \"Alert 50\" waited more than max_age (2 s) and is dropped after .* attempts (1 dropped so far)" "$T/run5.err"
check "max_age: never delivered" [ "$(receiver_count 200)" -eq 0 ]
kill $RECEIVER_PID; wait $RECEIVER_PID 2>/dev/null

# 6. 404: the endpoint refuses brink (a deleted hook): logged once with
# its answer, the alerts are kept for when the url is fixed.  The tool
# waits 15 s, time for a loaded machine to make the first post.
start_receiver --mode 404
make_alerts 60 63 | "$TOOL" -w 15 "$T/state6" generic "$RECEIVER_URL/hook" \
    > "$T/run6.out" 2> "$T/run6.err"
check "404: the alerts stay spooled" grep -qx "gave up with 3 left" "$T/run6.out"
check "404: closing says what waits for the next run" \
    grep -q "sink chat: 3 alerts kept in the spool for the next run" "$T/run6.err"
check "404: logged once, with the answer and what to do" \
    [ "$(grep -c "sink chat: HTTP 404: no_such_hook; the endpoint refuses brink: check the sink's url and headers" "$T/run6.err")" -eq 1 ]
kill $RECEIVER_PID; wait $RECEIVER_PID 2>/dev/null

# 7. Closing with a post in flight (the receiver hangs): the post is
# abandoned cleanly, the alert stays spooled for the next run.
start_receiver --mode hang
make_alerts 70 71 | "$TOOL" -w 2 -t 60 "$T/state7" generic "$RECEIVER_URL/hook" \
    > "$T/run7.out" 2> "$T/run7.err"
status=$?
check "hang at exit: the tool exits normally" [ $status -eq 1 ]
check "hang at exit: the alert stays spooled" grep -qx "gave up with 1 left" "$T/run7.out"
check "hang at exit: nothing leaked or freed twice" sh -c "! grep -q Sanitizer '$T/run7.err'"
receiver_set ok
"$TOOL" -w 30 "$T/state7" generic "$RECEIVER_URL/hook" < /dev/null \
    > "$T/run7b.out" 2> "$T/run7b.err"
check "hang at exit: the next run delivers it" [ "$(receiver_ids 200)" = 0000000000000046 ]
finish
