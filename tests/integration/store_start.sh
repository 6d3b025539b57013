#!/bin/sh
# The state database is checked when brinkd starts: a database it cannot
# use (empty, damaged, read-only, or a state_dir that is a file) stops the
# start with exit 78 (EX_CONFIG, so systemd does not restart into it),
# the path and what to do, instead of failing at the first poll or, for
# an empty file, starting afresh and alerting the last two days again.
# A lock held by another process is waited for and, if it stays, said
# to be one (exit 1, which systemd restarts).  A state_dir changed by a
# reload and changed back is not reported as a change.
. "$top_srcdir/tests/lib.sh"

[ -x "$BRINKD" ] || hard_error "$BRINKD not built"
command -v sqlite3 >/dev/null 2>&1 ||
    skip "sqlite3 not installed (./bootstrap installs it)"

poll_feed "$T/feed.rss" "Northland vows to retaliate against Southland"

# conf FILE STATE_DIR: a configuration polling the feed file.
conf() {
	cat > "$1" <<CONF
state_dir = "$2"
interval = "1h"
feed wire { url = "file://$T/feed.rss" }
rule retaliation-vow {
	category = "retaliation"
	terms = {"vow* to retaliat*"}
}
sink log { type = "file" path = "$T/alerts.jsonl" }
CONF
}
conf "$T/brink.conf" "$T/state"
DB="$T/state/brink.db"

# once: brinkd --once; its exit status in $rc, its messages in $T/out.
once() {
	rc=0
	"$BRINKD" -c "$T/brink.conf" --once > "$T/out" 2>&1 || rc=$?
}
said() { grep -qF -- "$1" "$T/out"; }

# A first start makes the database whole: never an empty brink.db.
once
check "a first start works" test "$rc" -eq 0
check "and leaves a database that is not empty" test -s "$DB"
check "and no file beside it" sh -c "! ls '$DB'.new* >/dev/null 2>&1"
seen_before=$(sqlite3 "$DB" "SELECT count(*) FROM seen")
check "its item is seen" test "$seen_before" -eq 1

# An empty file is damage, not a new database.
cp "$DB" "$T/backup.db"
: > "$DB"
rm -f "$DB-wal" "$DB-shm"
once
check "an empty database stops the start with 78 (got $rc)" \
    test "$rc" -eq 78
check "naming the path and what to do" \
    said "store $DB: the database is empty (0 bytes)"
check "and the way to start afresh" said "remove the file"
check "the empty file is left as it was" test ! -s "$DB"
check "and no alert was raised" test ! -s "$T/alerts.jsonl"

# A damaged page: found at the start, not at the first poll.
cp "$T/backup.db" "$DB"
pages=$(sqlite3 "$DB" "PRAGMA page_count")
dd if=/dev/zero of="$DB" bs=4096 seek=2 count=$((pages - 2)) conv=notrunc \
    2>/dev/null
printf 'not a b-tree page' | dd of="$DB" bs=1 seek=8192 conv=notrunc \
    2>/dev/null
once
check "a damaged database stops the start with 78 (got $rc)" \
    test "$rc" -eq 78
check "naming the path, the damage and what to do" \
    sh -c "grep -qF 'store $DB: the database ' '$T/out' &&
    grep -qF 'restore it from a backup' '$T/out'"

# A file where state_dir should be: not advice about permissions.
conf "$T/file.conf" "$T/a-file"
echo "not a directory" > "$T/a-file"
rc=0
"$BRINKD" -c "$T/file.conf" --once > "$T/out" 2>&1 || rc=$?
check "state_dir that is a file stops the start with 78 (got $rc)" \
    test "$rc" -eq 78
check "and says it is a file" \
    said "state_dir $T/a-file is a file, not a directory"
check "not that it is not writable" sh -c "! grep -q writable '$T/out'"

# Read-only: SQLite would open it read-only without a word, and every
# poll would fail to mark its items seen.  As root, chmod does not stop
# a write: a read-only bind mount in a mount namespace of its own does.
cp "$T/backup.db" "$DB"
rm -f "$DB-wal" "$DB-shm"
rc=0
if [ "$(id -u)" -eq 0 ]; then
	command -v unshare >/dev/null 2>&1 ||
	    skip "unshare not installed (util-linux)"
	unshare -m sh -c 'mount --bind -o ro "$1" "$1" &&
	    exec "$2" -c "$3" --once' sh "$T/state" "$BRINKD" \
	    "$T/brink.conf" > "$T/out" 2>&1 || rc=$?
else
	chmod 555 "$T/state"
	chmod 444 "$DB"
	once
	chmod 755 "$T/state"
	chmod 644 "$DB"
fi
check "a read-only database stops the start with 78 (got $rc)" \
    test "$rc" -eq 78
check "naming the path and what to do" \
    sh -c "grep -qF 'store $DB: ' '$T/out' &&
    grep -qF 'writable by the user brinkd runs as' '$T/out'"

# The good database back: brinkd starts, and nothing is alerted again.
: > "$T/alerts.jsonl"
once
check "the database restored, brinkd starts (got $rc)" test "$rc" -eq 0
check "and raises nothing twice" test ! -s "$T/alerts.jsonl"

# A lock held by another process (brinkd --status, a sqlite3 shell, a
# backup, a reader that found the database after a crash) is waited
# for, not taken for damage.  hold_lock holds an exclusive lock on the
# database until $T/release appears.
hold_lock() {
	rm -f "$T/held" "$T/release"
	"$PYTHON3" - "$DB" "$T/held" "$T/release" <<'PY_EOF' &
import os, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA locking_mode = EXCLUSIVE")
db.execute("BEGIN EXCLUSIVE")
db.execute("SELECT count(*) FROM seen").fetchall()
open(sys.argv[2], "w").close()
while not os.path.exists(sys.argv[3]):
    time.sleep(0.05)
db.execute("COMMIT")
db.close()
PY_EOF
	HOLDER=$!
	track $HOLDER
	wait_for 30 test -e "$T/held" || hard_error "the lock was not taken"
}
# asleep PID: the process waits in a sleep (SQLite's busy wait) or is gone.
asleep() {
	! kill -0 "$1" 2>/dev/null ||
	    grep -q nanosleep "/proc/$1/wchan" 2>/dev/null
}
hold_lock
rc=0
"$BRINKD" -c "$T/brink.conf" --once > "$T/out" 2>&1 &
once_pid=$!
wait_for 30 asleep $once_pid || hard_error "brinkd neither waited nor ended"
touch "$T/release"
wait $once_pid || rc=$?
wait $HOLDER
check "a lock released while brinkd waits: it starts (got $rc)" \
    test "$rc" -eq 0
check "and says nothing of damage" sh -c "! grep -q damaged '$T/out'"

# A lock that stays: brinkd says so, and exits 1, which systemd
# restarts (a lock may pass; damage does not).
hold_lock
once
touch "$T/release"
wait $HOLDER
check "a lock that stays stops the start with 1 (got $rc)" test "$rc" -eq 1
check "and says the database is locked, not damaged" \
    sh -c "grep -qF 'store $DB: the database stayed locked by another process' '$T/out' &&
    ! grep -q 'damaged or' '$T/out'"

# A reload that changes state_dir is warned about; one that changes it
# back to the directory in use is not.
conf "$T/run.conf" "$T/state"
start_brinkd "$T/run.conf"
wait_for 30 log_has "started:" || hard_error "brinkd did not start"
conf "$T/run.conf" "$T/elsewhere"
kill -HUP "$BRINKD_PID"
wait_for 30 log_has "state_dir changed to $T/elsewhere" ||
    fail "a changed state_dir is not warned about"
wait_for 30 sh -c "[ \$(grep -c 'configuration reloaded' '$BRINKD_LOG') -ge 1 ]" ||
    hard_error "the first reload did not finish"
conf "$T/run.conf" "$T/state"
kill -HUP "$BRINKD_PID"
wait_for 30 sh -c "[ \$(grep -c 'configuration reloaded' '$BRINKD_LOG') -ge 2 ]" ||
    hard_error "the second reload did not finish"
check "changed back, state_dir is not reported as changed" \
    sh -c "! grep -q 'state_dir changed to $T/state:' '$BRINKD_LOG'"
stop_brinkd

finish
