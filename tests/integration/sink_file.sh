#!/bin/sh
# The alert log: json lines parse with a JSON parser, text lines read
# well, and a logrotate-style move + SIGHUP while alerts keep coming
# leaves no alert behind and none twice.
. "$top_srcdir/tests/lib.sh"

TOOL="$top_builddir/tests/sink_tool"
[ -x "$TOOL" ] || hard_error "$TOOL not built"

# 1. Rotation under load: alerts stream in; after the first 50 the
# shipped etc/logrotate.d/brink (pointed at the test's directory, its
# postrotate signalling the test's sink) rotates the file, or, without
# logrotate, the test moves it and sends SIGHUP itself.  The writer sends
# 200 alerts, then holds the pipe open until the rotation is done and
# sends 200 more: a fast machine could otherwise deliver all of them
# before the rotation, the sink would have exited and the SIGHUP found no
# one, and nothing would be left to go into the new file.
mkfifo "$T/in"
"$TOOL" file "$T/log/alerts.jsonl" json < "$T/in" > "$T/tool.out" 2>"$T/tool.err" &
tool=$!
track $tool
{
	make_alerts 0 200
	wait_for 120 test -e "$T/rotated" ||
	    echo "rotation never finished" > "$T/writer.err"
	make_alerts 200 400
} > "$T/in" &
writer=$!
track $writer
wait_for 30 sh -c "[ \$(cat '$T/log/alerts.jsonl' | wc -l) -ge 50 ]" ||
    hard_error "no alerts written: $(cat "$T/tool.err")"
if command -v logrotate >/dev/null 2>&1; then
	# The postrotate command is two lines (a continued systemctl kill
	# ending in "|| true"): replace both, so that a failed kill fails
	# logrotate and the test says so.
	sed -e "s|/var/log/brink/|$T/log/|g" \
	    -e "/systemctl kill/{N;s|systemctl kill.*|kill -HUP $tool|;}" \
	    "$top_srcdir/etc/logrotate.d/brink" > "$T/logrotate.conf"
	# logrotate refuses a group- or world-writable file (umask 002)
	chmod 644 "$T/logrotate.conf"
	grep -qx "[[:space:]]*kill -HUP $tool" "$T/logrotate.conf" &&
	    ! grep -v "^[[:space:]]*#" "$T/logrotate.conf" |
	    grep -q "systemctl\||| true" ||
	    hard_error "postrotate not rewritten: $(cat "$T/logrotate.conf")"
	logrotate -f -s "$T/logrotate.state" "$T/logrotate.conf" \
	    > "$T/logrotate.out" 2>&1 ||
	    fail "logrotate: $(cat "$T/logrotate.out")"
else
	echo "# logrotate not installed: moving the file by hand"
	mv "$T/log/alerts.jsonl" "$T/log/alerts.jsonl.1"
	check "the sink is still running to be signalled" kill -HUP $tool
fi
: > "$T/rotated"
wait $writer
[ -e "$T/writer.err" ] && fail "writer: $(cat "$T/writer.err")"
wait $tool
status=$?
check "sink_tool delivered every alert" [ $status -eq 0 ]
check "sink_tool says 400" grep -qx "delivered 400" "$T/tool.out"
check "alerts went on into the new file" test -s "$T/log/alerts.jsonl"
"$PYTHON3" - "$T/log/alerts.jsonl.1" "$T/log/alerts.jsonl" > "$T/verdict" <<'PY_EOF'
import json, sys
ids = []
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        data = f.read()
    assert data.endswith("\n"), "%s does not end in a newline" % path
    for line in data.splitlines():
        rec = json.loads(line)          # every line is one whole record
        assert rec["item"]["title"].startswith("Alert "), line
        ids.append(rec["id"])
want = ["%016x" % n for n in range(400)]
print("records %d unique %d in-order %s complete %s" % (len(ids),
    len(set(ids)), ids == want, sorted(ids) == want))
PY_EOF
check "both files hold 400 records, each once, in order, every line JSON" \
    grep -qx "records 400 unique 400 in-order True complete True" "$T/verdict"
cat "$T/verdict"

# 2. Modes: a directory and a file others cannot read.
check "log directory is 0750" [ "$(stat -c %a "$T/log")" = 750 ]
check "log file is 0640" [ "$(stat -c %a "$T/log/alerts.jsonl")" = 640 ]

# 3. The text format, for tail -f: a headline and the quoted sentence.
make_alerts 7 10 critical "Border talks collapse; Northland
issues an ultimatum" | "$TOOL" file "$T/alerts.log" text >/dev/null ||
    fail "text sink failed"
check "text: three alerts, two lines each" [ "$(wc -l < "$T/alerts.log")" -eq 6 ]
check "text: headline with time, SEVERITY, category, who, title, link, id" \
    grep -qx '2026-11-23T06:00:00Z CRITICAL retaliation northland -> southland: Border talks collapse; Northland issues an ultimatum <https://news.example/world/7> id 0000000000000007' "$T/alerts.log"
check "text: quoted sentence indented below" \
    grep -qx '    "Northland said it would answer the strike on its port at a time of its choosing."' "$T/alerts.log"
check "text: no control characters" sh -c "! LC_ALL=C grep -q '[[:cntrl:]]' '$T/alerts.log'"

# 4. A full disk is an error the caller sees (the item stays unseen).
if [ -w /dev/full ]; then
	make_alerts 0 1 | "$TOOL" file /dev/full json > "$T/full.out" 2>"$T/full.err"
	check "full disk: delivery fails" [ $? -eq 1 ]
	check "full disk: logged with the path" grep -q "cannot write to /dev/full: No space left on device" "$T/full.err"
fi
finish
