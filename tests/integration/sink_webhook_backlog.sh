#!/bin/sh
# After an outage a backlog of 3,000 alerts drains as digests of up to
# 100, the newest first: a new alert goes in the first post, and the
# whole backlog takes 31 posts, all within the first rate window (40
# messages a minute here), each alert once.
. "$top_srcdir/tests/lib.sh"

TOOL="$top_builddir/tests/webhook_tool"
[ -x "$TOOL" ] || hard_error "$TOOL not built"

# The receiver is down while 3,000 alerts are spooled.
start_receiver --mode 503
make_alerts 0 3000 | "$TOOL" -w 3 "$T/state" generic "$RECEIVER_URL/hook" \
    > "$T/run1.out" 2> "$T/run1.err"
grep -qx "gave up with 3000 left" "$T/run1.out" ||
    hard_error "the backlog is not spooled: $(cat "$T/run1.out" "$T/run1.err")"

# The receiver is back, brink restarts and a new alert comes in.
receiver_set ok
make_alerts 3000 3001 | "$TOOL" -w 240 -r 40/60 "$T/state" generic \
    "$RECEIVER_URL/hook" > "$T/run2.out" 2> "$T/run2.err"
check "the backlog drains" grep -qx "spool empty" "$T/run2.out"
receiver_ids 200 > "$T/posts"
"$PYTHON3" - "$T/posts" > "$T/verdict" <<'PY_EOF'
import sys
posts = [l.strip() for l in open(sys.argv[1])]
ids = [p[7:].split(",") if p.startswith("digest:") else [p] for p in posts]
flat = [i for p in ids for i in p]
print("posts", len(posts))
print("once", "yes" if sorted(flat) == ["%016x" % n for n in range(3001)] else "no")
print("first", "new" if ids and "%016x" % 3000 in ids[0] else "old")
newest = [max(p) for p in ids]
print("order", "newest-first" if newest == sorted(newest, reverse=True) else "mixed")
PY_EOF
check "each of the 3,001 alerts arrives once" grep -qx "once yes" "$T/verdict"
check "the new alert goes in the first post" grep -qx "first new" "$T/verdict"
check "the backlog goes newest first" grep -qx "order newest-first" "$T/verdict"
check "in 31 posts" grep -qx "posts 31" "$T/verdict"
[ $failures -eq 0 ] || cat "$T/verdict"
finish
