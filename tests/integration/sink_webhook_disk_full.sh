#!/bin/sh
# The state directory on a small tmpfs, filled up while the receiver
# takes every post: each alert is posted once (the deletes the full disk
# refuses are kept in memory), and when space returns the spool empties.
# Needs to mount a tmpfs: run as root (CI does), else skipped.
. "$top_srcdir/tests/lib.sh"

TOOL="$top_builddir/tests/webhook_tool"
[ -x "$TOOL" ] || hard_error "$TOOL not built"

disk="$T/disk"
mkdir "$disk"
mount -t tmpfs -o size=4m tmpfs "$disk" 2>"$T/mount.err" ||
    skip "cannot mount a small tmpfs for the full disk (needs root): $(cat "$T/mount.err")"
# Stop what runs on it, then unmount, then the usual teardown.
unmount_disk() {
	for pid in $PIDS; do kill "$pid" 2>/dev/null; done
	for pid in $PIDS; do wait_for 5 sh -c "! kill -0 $pid"; done
	umount "$disk" 2>/dev/null || umount -l "$disk"
	teardown
}
trap unmount_disk EXIT

posted() { receiver_ids 200 | wc -l; }
distinct_is() { [ "$(receiver_ids 200 | sort -u | wc -l)" -ge "$1" ]; }

# The receiver is down while 30 alerts are spooled.
start_receiver --mode 503
make_alerts 0 30 | "$TOOL" -w 240 "$disk/state" generic "$RECEIVER_URL/hook" \
    > "$T/run.out" 2> "$T/run.err" &
pid=$!; track $pid
wait_for 60 grep -qx "spooled 30" "$T/run.out" ||
    hard_error "not spooled: $(cat "$T/run.err")"

# The disk fills up; then the receiver is back.
dd if=/dev/zero of="$disk/filler" bs=4k 2>/dev/null
check "the disk is full" sh -c "! dd if=/dev/zero of='$disk/more' bs=4k count=1 2>/dev/null"
rm -f "$disk/more"
receiver_set ok
# A storm of copies (hundreds of posts) ends the wait early.
storm() { [ "$(wc -l < "$RECEIVER_LOG")" -gt 300 ]; }
delivered_or_storm() { distinct_is 30 || storm; }
wait_for 60 delivered_or_storm
check "every alert reaches the receiver" distinct_is 30
check "the full disk refused the deletes, and that is logged" \
    grep -q "sink chat: spool in .*: cannot take posted alerts out: database or disk is full" "$T/run.err"
check "nothing was posted twice on the full disk" [ "$(posted)" -eq 30 ]

# Space returns: the spool empties.
rm -f "$disk/filler"
check "the spool empties once there is space" \
    wait_for 120 grep -qx "spool empty" "$T/run.out"
wait $pid; status=$?
check "the run ends well" [ $status -eq 0 ]
receiver_ids 200 > "$T/got"
"$PYTHON3" -c 'for n in range(30): print("%016x" % n)' > "$T/want"
check "each alert posted once, in order" cmp -s "$T/got" "$T/want"
[ $failures -eq 0 ] || echo "# $(posted) posts; run log: $(tail -n 5 "$T/run.err")"
finish
