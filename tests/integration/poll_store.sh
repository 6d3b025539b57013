#!/bin/sh
# The state database under trouble: while another process holds it
# locked, --once fails saying so (path and what to do) and loses nothing:
# the new item is processed once the lock is gone.  A damaged database is
# refused with what to do, never overwritten.
. "$top_srcdir/tests/lib.sh"

mkdir -p "$T/www"
poll_feed "$T/www/world.rss" "Harbour reopens after storm"
start_nginx "$T/www"
cat > "$T/brink.conf" <<CONF
state_dir = "$T/state"
feed world {
	url = "http://127.0.0.1:$NGINX_PORT/world.rss"
}
CONF
once() { "$BRINKD" -c "$T/brink.conf" --once >"$T/$1.log" 2>&1; }

check "the first run succeeds" once first
check "its item is recorded" seen_is world 1

sleep 1	# a new Last-Modified second
poll_feed "$T/www/world.rss" "Ferry service restored" \
    "Harbour reopens after storm"
"$PYTHON3" "$top_srcdir/tests/poll_hold_lock.py" "$T/state/brink.db" \
    "$T/locked" &
locker=$!
track $locker
wait_for 10 test -e "$T/locked" || hard_error "could not lock the database"
status=0
once locked || status=$?
cat "$T/locked.log"
check "with the database locked, --once fails" test "$status" = 1
check "... naming the database and the likely cause" \
    grep -q "store $T/state/brink.db: .*locked.*second brinkd" "$T/locked.log"
kill $locker
wait $locker 2>/dev/null
check "the new item was not marked seen" seen_is world 1

check "once the lock is gone, --once succeeds" once after
check "... and processes the new item, once" \
    grep -q "feed world: 1 new item" "$T/after.log"
check "both items are now recorded" seen_is world 2

# A damaged database file is refused and left as it is.
rm -rf "$T/state"
mkdir "$T/state"
head -c 8192 /dev/urandom > "$T/state/brink.db"
cp "$T/state/brink.db" "$T/damaged.copy"
status=0
once damaged || status=$?
cat "$T/damaged.log"
check "a damaged database stops --once with status 78 (EX_CONFIG: a restart would not help)" \
    test "$status" = 78
check "... saying what to do" \
    grep -q "store $T/state/brink.db: .*damaged.*move the file aside" \
    "$T/damaged.log"
check "... and leaves the file untouched" \
    cmp -s "$T/state/brink.db" "$T/damaged.copy"
finish
