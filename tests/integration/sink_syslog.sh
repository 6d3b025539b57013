#!/bin/sh
# The syslog sink against a real rsyslogd that listens on a private
# /dev/log: in a mount namespace of its own, /dev is overlaid so that the
# socket exists only for this test.  Checks the priority of each
# severity, the facility and ident, the one-line format, and that a long
# title is shortened to keep the datagram under 1 KiB while the link and
# the alert id stay whole.
. "$top_srcdir/tests/lib.sh"

TOOL="$top_builddir/tests/sink_tool"
[ -x "$TOOL" ] || hard_error "$TOOL not built"
[ -x "$RSYSLOGD" ] || skip "rsyslogd not installed (./bootstrap installs rsyslog)"
command -v unshare >/dev/null 2>&1 || skip "unshare not installed (util-linux)"
unshare -m -p -f --mount-proc true 2>/dev/null ||
    skip "cannot create a mount namespace here (needs root or CAP_SYS_ADMIN) for a private /dev/log"

mkdir -p "$T/rs" "$T/ns"
devlog_before=$(ls -la /dev/log 2>&1 | sed 's/ [A-Z][a-z][a-z] .*//')
cat > "$T/rsyslog.conf" <<RS_EOF
global(workDirectory="$T/rs" maxMessageSize="8k")
module(load="imuxsock" SysSock.Name="/dev/log" SysSock.RateLimit.Interval="0"
       SysSock.Annotate="off")
template(name="fields" type="string"
         string="%syslogfacility-text%|%syslogseverity-text%|%programname%|%msg:2:\$%|%rawmsg%\n")
*.* action(type="omfile" file="$T/out.log" template="fields")
RS_EOF

# Alerts of every severity, then one with a 3000-byte title.
{
	make_alerts 1 2 critical "Capital warns of overwhelming force"
	make_alerts 2 3 high "Northland vows response after port strike"
	make_alerts 3 4 medium
	make_alerts 4 5 low
	make_alerts 5 6 info
	make_alerts 6 7 high "$("$PYTHON3" -c 'print("Long title " + "é" * 1500)')"
} > "$T/alerts.jsonl"

# Inside the namespace: overlay /dev, start rsyslogd, send, wait for
# the six lines, stop.  -p -f: everything in it dies with it.  Each wait
# is bounded at a minute: a loaded machine starts rsyslogd slowly.
cat > "$T/inside.sh" <<IN_EOF
set -e
mount -t tmpfs brink-test "$T/ns"
mkdir "$T/ns/up" "$T/ns/work"
mount -t overlay overlay -o lowerdir=/dev,upperdir=$T/ns/up,workdir=$T/ns/work /dev
"$RSYSLOGD" -n -f "$T/rsyslog.conf" -i "$T/rs/pid" 2>"$T/rsyslogd.err" &
i=0; while [ ! -S /dev/log ] && [ \$i -lt 600 ]; do sleep 0.1; i=\$((i+1)); done
[ -S /dev/log ] || { echo "rsyslogd did not create /dev/log"; exit 99; }
"$TOOL" syslog brink-test local3 < "$T/alerts.jsonl" > "$T/tool.out"
i=0; while [ "\$(cat "$T/out.log" 2>/dev/null | grep -c '|brink-test|')" -lt 6 ] && [ \$i -lt 600 ]; do sleep 0.1; i=\$((i+1)); done
kill \$!
IN_EOF
timeout 300 unshare -m -p -f --mount-proc sh "$T/inside.sh" > "$T/inside.out" 2>&1
rc=$?
[ $rc -eq 99 ] && hard_error "$(cat "$T/inside.out" "$T/rsyslogd.err" 2>/dev/null)"
check "the test ran in its namespace" [ $rc -eq 0 ]
check "the real /dev/log is untouched" \
    [ "$(ls -la /dev/log 2>&1 | sed 's/ [A-Z][a-z][a-z] .*//')" = "$devlog_before" ]
check "sink delivered six alerts" grep -qx "delivered 6" "$T/tool.out"

grep "|brink-test|" "$T/out.log" > "$T/ours.log"
# nth N PATTERN: line N of what our ident logged starts with PATTERN
nth() { sed -n "${1}p" "$T/ours.log" | grep -q "^$2"; }
check "critical is LOG_CRIT on local3" nth 1 "local3|crit|brink-test|"
check "high is LOG_ERR" nth 2 "local3|err|"
check "medium is LOG_WARNING" nth 3 "local3|warning|"
check "low is LOG_NOTICE" nth 4 "local3|notice|"
check "info is LOG_INFO" nth 5 "local3|info|"
check "one readable line: severity, category, who, feed, title, link, id" \
    sh -c "grep '|brink-test|' '$T/out.log' | sed -n 2p | grep -qF '|HIGH retaliation: northland -> southland [feed world-desk] Northland vows response after port strike <https://news.example/world/2> id 0000000000000002|'"

"$PYTHON3" - "$T/out.log" > "$T/long.verdict" <<'PY_EOF'
import sys
lines = [l for l in open(sys.argv[1], encoding="utf-8", errors="replace")
         if "|brink-test|" in l]
raw = lines[5].rstrip("\n").split("|", 4)[4]
msg = lines[5].split("|", 4)[3]
print("bytes-ok" if len(raw.encode()) < 1024 else "too-long %d" % len(raw.encode()))
print("link-whole" if "<https://news.example/world/6>" in msg else "link-cut")
print("id-whole" if msg.rstrip().endswith("id 0000000000000006") else "id-cut")
print("title-shortened" if "Long title" in msg and "..." in msg else "title-not-shortened")
print("utf8-ok" if "\ufffd" not in msg else "utf8-broken")
PY_EOF
check "long title: datagram under 1 KiB" grep -qx bytes-ok "$T/long.verdict"
check "long title: link kept whole" grep -qx link-whole "$T/long.verdict"
check "long title: alert id kept whole" grep -qx id-whole "$T/long.verdict"
check "long title: title shortened" grep -qx title-shortened "$T/long.verdict"
check "long title: cut between characters" grep -qx utf8-ok "$T/long.verdict"
[ $failures -ne 0 ] && { cat "$T/long.verdict"; cat "$T/out.log"; }
finish
