#!/bin/sh
# brinkd's own messages in a real systemd-journald, started by the test in
# a private mount namespace (its own /run/systemd and /run/log): under a
# unit (stderr is the journal's stream, JOURNAL_STREAM names it) and
# detached, a warning is filed at priority 4 and an error at 3, with
# brinkd as the identifier, no "brinkd: warning: " inside the message,
# and FEED= or SINK= naming what it is about.  Nothing doubled on stderr.
JOURNALD=/lib/systemd/systemd-journald

if [ -z "${BRINK_LOG_NS:-}" ]; then
	# Before lib.sh: the test runs again inside the namespace.
	why=""
	if [ "$(id -u)" != 0 ]; then
		why="needs root for a private mount namespace"
	elif [ ! -x "$JOURNALD" ] || ! command -v journalctl >/dev/null; then
		why="systemd-journald not installed (./bootstrap installs systemd)"
	elif ! grep -q '^#define HAVE_LIBSYSTEMD 1' \
	    "${top_builddir:-.}/autoconf.h" 2>/dev/null; then
		why="brinkd built without libsystemd"
	elif ! unshare -m --propagation private true 2>/dev/null; then
		why="unshare -m is not allowed here"
	fi
	if [ -n "$why" ]; then
		echo "SKIP: $why"
		exit 77
	fi
	BRINK_LOG_NS=1 exec unshare -m --propagation private sh "$0"
fi

. "$top_srcdir/tests/lib.sh"

# The journal's places, private to this namespace.
mkdir -p /run/systemd /run/log
mount -t tmpfs brink-test /run/systemd || hard_error "cannot mount /run/systemd"
mount -t tmpfs brink-test /run/log || hard_error "cannot mount /run/log"
if [ -d /var/log/journal ]; then
	mount -t tmpfs brink-test /var/log/journal ||
	    hard_error "cannot mount /var/log/journal"
fi
mkdir -p /run/systemd/journal
"$JOURNALD" > "$T/journald.out" 2>&1 &
track $!
wait_for 30 test -S /run/systemd/journal/stdout ||
    hard_error "systemd-journald did not start: $(cat "$T/journald.out")"

# entries FIELD=VALUE...: brinkd's entries matching them, one JSON
# object a line.
entries() {
	journalctl -D /run/log/journal -o json --no-pager SYSLOG_IDENTIFIER=brinkd "$@"
}
# has_entry PRIORITY MESSAGE-START FIELD=VALUE...: an entry at that
# priority whose message starts so.
has_entry() {
	prio=$1 start=$2; shift 2
	entries "$@" | "$PYTHON3" -c 'import json, sys
prio, start = sys.argv[1], sys.argv[2]
for line in sys.stdin:
    e = json.loads(line)
    if e.get("PRIORITY") == prio and str(e.get("MESSAGE", "")).startswith(start):
        sys.exit(0)
sys.exit(1)' "$prio" "$start"
}

# As systemd runs a unit: stderr connected to journald's stream socket
# (identifier brinkd, level prefixes read) and JOURNAL_STREAM naming it.
# "$PYTHON3" -c "$AS_UNIT" COMMAND...: runs COMMAND so, in its own pid.
AS_UNIT='import os, socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.connect("/run/systemd/journal/stdout")
s.sendall(b"brinkd\n\n6\n1\n0\n0\n0\n")
os.dup2(s.fileno(), 1)
os.dup2(s.fileno(), 2)
st = os.fstat(2)
os.environ["JOURNAL_STREAM"] = "%d:%d" % (st.st_dev, st.st_ino)
os.execv(sys.argv[1], sys.argv[1:])'

# A feed that is not there, and a sample feed whose alerts go to a
# webhook nothing listens on: a warning about a feed and one about a sink.
mkdir -p "$T/state" "$T/log"
closed=$(free_port)
cat > "$T/brink.conf" <<CONF
state_dir = "$T/state"
pid_file  = "$T/brinkd.pid"
interval  = "1h"
max_age   = "3650d"
include("$top_srcdir/etc/rules/default.conf")
feed gone-feed { url = "file://$T/no-such-feed.xml" }
actor ostrel { names = {"Ostrel", "Ostreli", "Dovrin", "Tamar Ruslo"}
	rivals = {"varnia"} }
actor varnia { names = {"Varnia", "Varnian", "Selvek", "Anja Merrow"} }
feed herald { url = "file://$top_srcdir/share/samples/harbour-herald.rss" }
sink alerts { type = "file" path = "$T/log/alerts.jsonl" }
sink chat { type = "webhook" url = "http://127.0.0.1:$closed/hook" }
CONF

# 1. Under a unit (brinkd -f, as ExecStart).
"$PYTHON3" -c "$AS_UNIT" "$BRINKD" -f -c "$T/brink.conf" &
pid=$!
track $pid
if wait_for 30 has_entry 4 "feed gone-feed: " FEED=gone-feed; then
	pass "unit: the feed's warning is at priority 4 with FEED=gone-feed"
else
	fail "unit: no warning at priority 4 with FEED=: $(entries | tail -n 3)"
fi
# journald reads each socket on its own, so an entry sent before another
# may be stored after it: every entry is waited for, not looked up once.
check "unit: the start is at priority 6" \
    wait_for 30 has_entry 6 "started: " _PID=$pid
if wait_for 30 has_entry 4 "sink chat: " SINK=chat; then
	pass "unit: the sink's warning is at priority 4 with SINK=chat"
else
	fail "unit: no sink warning with SINK=: $(entries | tail -n 3)"
fi
entries _PID=$pid | "$PYTHON3" -c 'import json, sys
bad = [e["MESSAGE"] for e in map(json.loads, sys.stdin)
       if str(e.get("MESSAGE", "")).startswith(("brinkd:", "warning:", "error:"))]
for m in bad:
    print(m)' > "$T/doubled"
check "unit: no doubled prefix: $(cat "$T/doubled")" test ! -s "$T/doubled"
entries _PID=$pid _TRANSPORT=stdout > "$T/stream"
check "unit: nothing went through the stream as well: $(cat "$T/stream")" \
    test ! -s "$T/stream"
kill $pid
wait_for 10 sh -c "! kill -0 $pid" || fail "brinkd did not stop"

# 2. A configuration error at start, under a unit: priority 3, with its
# file and line, and exit 78.
cp "$T/brink.conf" "$T/bad.conf"
echo 'feed broken { url = }' >> "$T/bad.conf"
bad_line=$(wc -l < "$T/bad.conf")	# the line just appended
"$PYTHON3" -c "$AS_UNIT" "$BRINKD" -f -c "$T/bad.conf"
check "unit: a bad configuration exits 78" test $? -eq 78
check "unit: the error is at priority 3 with the file and line" \
    wait_for 30 has_entry 3 "$T/bad.conf:$bad_line: "

# 3. brinkd -t under systemctl reload (ExecReload): errors at priority 3.
"$PYTHON3" -c "$AS_UNIT" "$BRINKD" -t -c "$T/bad.conf"
check "reload check: a bad configuration exits 1" test $? -eq 1
check "reload check: the error is at priority 3" \
    wait_for 30 has_entry 3 "$T/bad.conf:$bad_line: " _TRANSPORT=stdout

# 4. Detached (no -f): straight to the journal, with fields.
rm -f "$T/brinkd.pid"
sed 's/gone-feed/detached-feed/' "$T/brink.conf" > "$T/detached.conf"
"$BRINKD" -c "$T/detached.conf" > "$T/detached.out" 2>&1
check "detached: brinkd started" test $? -eq 0
wait_for 30 test -s "$T/brinkd.pid" && track "$(cat "$T/brinkd.pid")"
if wait_for 30 has_entry 4 "feed detached-feed: " FEED=detached-feed; then
	pass "detached: the feed's warning is at priority 4 with FEED="
else
	fail "detached: no warning with FEED=: $(entries | tail -n 3)"
fi
check "detached: nothing on the terminal: $(cat "$T/detached.out")" \
    test ! -s "$T/detached.out"
[ -s "$T/brinkd.pid" ] && kill "$(cat "$T/brinkd.pid")"

# 5. On a terminal nothing changes: "brinkd: warning: feed ...".
"$BRINKD" --once -c "$T/brink.conf" > /dev/null 2> "$T/once.err"
check "terminal: the level is written out: $(head -n 1 "$T/once.err")" \
    grep -q '^brinkd: warning: feed gone-feed: ' "$T/once.err"

finish
