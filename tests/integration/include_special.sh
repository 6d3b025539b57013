#!/bin/sh
# include() of something that is not a file (a FIFO, a terminal's device)
# is refused at once with the file and line, never waited on: a reload
# that waited on a FIFO would hold the daemon forever.
. "$top_srcdir/tests/lib.sh"

mkfifo "$T/fifo.conf" || skip "mkfifo does not work here"
printf '# local\ninclude("fifo.conf")\n' > "$T/brink.conf"
# timeout is only a bound for a broken build: a correct brinkd answers at
# once, and the check fails either way if it does not.
timeout 60 "$BRINKD" -t -c "$T/brink.conf" > "$T/out" 2>&1
rc=$?
check "brinkd -t does not wait on a FIFO (status $rc, 124 is a hang)" \
    test $rc -ne 124
check "brinkd -t refuses it (status $rc)" test $rc = 1
check "naming the including file and line" \
    grep -q "brink.conf:2: .*fifo.conf is not a regular file" "$T/out"
finish
