#!/bin/sh
# Group commit: the new items of one fetched feed are one batch.  Their
# alerts are written to the alert log, synced once, and only then are the
# items marked seen, in one commit.  So:
#   - a feed of 30 threats costs one fsync of the alert log, not 30;
#   - brinkd killed at that fsync (every line written, none synced, no
#     item committed: the widest window the batching opens) loses nothing
#     and duplicates nothing: the next run processes the items again and
#     the file sink skips the ids already at the log's tail.
# The kill is placed exactly by strace's fault injection (SIGKILL on
# entering the first fsync), not by timing.
. "$top_srcdir/tests/lib.sh"

[ -x "$BRINKD" ] || hard_error "$BRINKD not built"
command -v sqlite3 >/dev/null 2>&1 ||
    skip "sqlite3 not installed (./bootstrap installs it)"
command -v strace >/dev/null 2>&1 ||
    skip "strace not installed (./bootstrap installs it)"
strace -f -o /dev/null -e trace=none true 2>/dev/null ||
    skip "strace cannot trace here (ptrace is not permitted)"

N=30
mkdir -p "$T/www"
titles=""
i=1
while [ $i -le $N ]; do
	titles="$titles
Northland vows to retaliate against Southland, report $i"
	i=$((i + 1))
done
# shellcheck disable=SC2086
(IFS='
'; poll_feed "$T/www/wire.rss" $titles "Harvest festival opens in the town")
start_nginx "$T/www"

cat > "$T/brink.conf" <<CONF
state_dir = "$T/state"
feed wire { url = "http://127.0.0.1:$NGINX_PORT/wire.rss" }
actor northland { names = {"Northland"} }
actor southland { names = {"Southland"} }
rule retaliation-vow {
	category = "retaliation"
	severity = "high"
	terms = {"vow* to retaliat*"}
}
sink log { type = "file" path = "$T/alerts.jsonl" }
CONF
"$BRINKD" -t -c "$T/brink.conf" > "$T/check.out" 2>&1 ||
    hard_error "configuration refused: $(cat "$T/check.out")"

lines() { if [ -f "$1" ]; then wc -l < "$1"; else echo 0; fi; }
# LeakSanitizer cannot run under ptrace: off for the traced runs only.
traced() {
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
	    strace -f "$@"
}
seen() {
	n=$(state_query "SELECT count(*) FROM seen")
	echo "${n:-0}"
}

# 1. Killed at the alert log's first fsync (-P: the fsyncs of that file
# only; a new state database is synced when it is made, before).
traced -o "$T/strace.out" -P "$T/alerts.jsonl" -e trace=fsync \
    -e inject=fsync:signal=KILL:when=1 \
    "$BRINKD" -f -c "$T/brink.conf" --once > "$T/run1.log" 2>&1
status=$?
check "the first run was killed at its first fsync (status $status)" \
    [ "$status" -eq 137 ]
check "every alert of the batch was written before the one sync ($(lines "$T/alerts.jsonl") lines)" \
    [ "$(lines "$T/alerts.jsonl")" -eq $N ]
check "no item was marked seen before the sync ($(seen) seen)" \
    [ "$(seen)" -eq 0 ]

# 2. Started again: the items come back, their alerts are not repeated.
"$BRINKD" -f -c "$T/brink.conf" --once > "$T/run2.log" 2>&1
status=$?
check "the second run completed (status $status)" [ "$status" -eq 0 ]
check "every item is seen now ($(seen) of $((N + 1)))" \
    [ "$(seen)" -eq $((N + 1)) ]
check "the alert log still has one line per threat ($(lines "$T/alerts.jsonl"))" \
    [ "$(lines "$T/alerts.jsonl")" -eq $N ]
"$PYTHON3" - "$T/alerts.jsonl" $N > "$T/verdict" <<'PY_EOF'
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
ids = [r["id"] for r in recs]
titles = [r["item"]["title"] for r in recs]
print("ids %d distinct of %d, titles %d distinct" %
      (len(set(ids)), len(ids), len(set(titles))))
sys.exit(0 if len(set(ids)) == len(ids) == len(set(titles)) ==
         int(sys.argv[2]) else 1)
PY_EOF
check "each alert is in the log once: $(cat "$T/verdict")" [ $? -eq 0 ]
check "the second run said it skipped the alerts already written" \
    grep -q "already at the end of" "$T/run2.log"

# 3. N more threats in the feed: one fsync of the alert log for them all.
more=""
i=1
while [ $i -le $N ]; do
	more="$more
Southland vows to retaliate against Northland, report $i"
	i=$((i + 1))
done
# shellcheck disable=SC2086
(IFS='
'; poll_feed "$T/www/wire.rss.tmp" $more $titles "Harvest festival opens in the town")
mv "$T/www/wire.rss.tmp" "$T/www/wire.rss"
traced -y -o "$T/strace3.out" -e trace=fsync \
    "$BRINKD" -f -c "$T/brink.conf" --once > "$T/run3.log" 2>&1
status=$?
check "the third run completed (status $status)" [ "$status" -eq 0 ]
check "it wrote the $N new alerts ($(lines "$T/alerts.jsonl") lines in all)" \
    [ "$(lines "$T/alerts.jsonl")" -eq $((N * 2)) ]
log_syncs=$(grep -c 'fsync([0-9]*<[^>]*alerts.jsonl>' "$T/strace3.out")
check "the alert log was synced once for the batch, not once per alert ($log_syncs)" \
    [ "$log_syncs" -eq 1 ]

finish
