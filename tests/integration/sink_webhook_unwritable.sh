#!/bin/sh
# The state database refuses to take posted alerts out of the spool (a
# trigger stands in for a full or read-only disk) while the receiver
# takes every post: each alert is posted once, not again and again;
# once the database takes writes again, the spool empties.
. "$top_srcdir/tests/lib.sh"

TOOL="$top_builddir/tests/webhook_tool"
[ -x "$TOOL" ] || hard_error "$TOOL not built"
command -v sqlite3 >/dev/null 2>&1 ||
    skip "sqlite3 not installed (./bootstrap installs it)"

db="$T/state/brink.db"
sql() { sqlite3 -cmd ".timeout 10000" "$db" "$1"; }
# how many posts of the generic format carried an alert; and distinct ones
posted() { receiver_ids 200 | wc -l; }
distinct() { receiver_ids 200 | sort -u | wc -l; }
distinct_is() { [ "$(distinct)" -ge "$1" ]; }

# The receiver is down while 20 alerts are spooled.
start_receiver --mode 503
make_alerts 0 20 | "$TOOL" -w 120 "$T/state" generic "$RECEIVER_URL/hook" \
    > "$T/run.out" 2> "$T/run.err" &
pid=$!; track $pid
wait_for 60 grep -qx "spooled 20" "$T/run.out" ||
    hard_error "not spooled: $(cat "$T/run.err")"
sql "CREATE TRIGGER refuse BEFORE DELETE ON spool
    BEGIN SELECT RAISE(ABORT, 'the disk refuses, for the test'); END;" ||
    hard_error "cannot add the trigger"

# The receiver is back; the database refuses every delete.
receiver_set ok
# A storm of copies (hundreds of posts) ends the wait early.
storm() { [ "$(wc -l < "$RECEIVER_LOG")" -gt 300 ]; }
delivered_or_storm() { distinct_is 20 || storm; }
wait_for 60 delivered_or_storm
check "every alert reaches the receiver" distinct_is 20
check "the refused delete is logged with what happens" \
    grep -q "sink chat: spool in .*: cannot take posted alerts out: the disk refuses, for the test; they are kept out in memory and not posted again" "$T/run.err"
check "nothing was posted twice while the writes failed" [ "$(posted)" -eq 20 ]
check "the spool still holds them on disk" [ "$(sql "SELECT count(*) FROM spool")" -eq 20 ]

# The database takes writes again: the backlog of deletes is written.
sql "DROP TRIGGER refuse;" || hard_error "cannot drop the trigger"
check "the spool empties once the database takes writes" \
    wait_for 120 grep -qx "spool empty" "$T/run.out"
wait $pid; status=$?
check "the run ends well" [ $status -eq 0 ]
check "taking them out again is logged" \
    grep -q "sink chat: spool in .*: the posted alerts are taken out again" "$T/run.err"
receiver_ids 200 > "$T/got"
"$PYTHON3" -c 'for n in range(20): print("%016x" % n)' > "$T/want"
check "each alert posted once, in order" cmp -s "$T/got" "$T/want"
[ $failures -eq 0 ] || echo "# $(posted) posts; run log: $(tail -n 5 "$T/run.err")"
finish
