#!/bin/sh
# brinkd -t as a user runs it: "configuration ok" and exit 0 for good
# files; every mistake as FILE:LINE: message on stderr and exit 1 for
# broken ones.
. "$top_srcdir/tests/lib.sh"

CONF="$FIXTURES/config"

# expect_ok FILE: exit 0, "configuration ok" on stdout, nothing on stderr.
expect_ok() {
	"$BRINKD" -t -c "$1" >"$T/out" 2>"$T/err"
	rc=$?
	if [ $rc -eq 0 ] && grep -qx "configuration ok" "$T/out" &&
	    [ ! -s "$T/err" ]; then
		pass "$1 passes -t"
	else
		fail "$1: exit $rc, stdout: $(cat "$T/out"), stderr: $(cat "$T/err")"
	fi
}

# expect_fail FILE LINE...: exit 1, nothing on stdout, and each LINE
# (a fixed string) somewhere on stderr.
expect_fail() {
	file=$1; shift
	"$BRINKD" -t -c "$file" >"$T/out" 2>"$T/err"
	rc=$?
	if [ $rc -ne 1 ] || [ -s "$T/out" ]; then
		fail "$file: exit $rc (want 1), stdout: $(cat "$T/out")"
	fi
	for want in "$@"; do
		if grep -qF -- "$want" "$T/err"; then
			pass "$file: $want"
		else
			fail "$file: no '$want' in: $(cat "$T/err")"
		fi
	done
}

# syslog(3) loses alerts when nothing listens on /dev/log: -t says so,
# as a warning.  syslog_warning FILE LINE: the line -t prints then, or
# nothing where a syslog daemon answers.
syslog_warning() {
	if "$PYTHON3" -c 'import socket, sys
for t in (socket.SOCK_DGRAM, socket.SOCK_STREAM):
    s = socket.socket(socket.AF_UNIX, t)
    try:
        s.connect("/dev/log"); sys.exit(0)
    except OSError:
        pass
sys.exit(1)' 2>/dev/null; then
		: > "$T/want-err"
	else
		"$PYTHON3" -c 'import os, socket
try:
    socket.socket(socket.AF_UNIX, socket.SOCK_STREAM).connect("/dev/log")
except OSError as e:
    print(os.strerror(e.errno))' > "$T/why"
		echo "$1:$2: warning: sink $3: no syslog daemon answers on" \
		    "/dev/log ($(cat "$T/why")): its alerts would be lost;" \
		    "start rsyslog or systemd-journald" > "$T/want-err"
	fi
}

# The example as shipped: good, its sinks open (its alert log's
# directory is created by the sink), and only a missing syslog daemon
# may be worth a warning.
shipped="$top_srcdir/etc/brink.conf"
if [ "$(id -u)" != 0 ]; then
	# /var/log/brink is the service's (LogsDirectory=): as a user,
	# check the same file with the alert log somewhere we may write.
	sed "s|/var/log/brink/|$T/log/|" "$shipped" > "$T/shipped.conf"
	cp -r "$top_srcdir/etc/rules" "$T/rules"
	shipped="$T/shipped.conf"
fi
line=$(grep -n '^sink system' "$shipped" | cut -d: -f1)
syslog_warning "$shipped" "$line" system
"$BRINKD" -t -c "$shipped" >"$T/out" 2>"$T/err"
check "the shipped brink.conf passes -t" test $? -eq 0
check "the shipped brink.conf: configuration ok" \
    grep -qx "configuration ok" "$T/out"
check "the shipped brink.conf: nothing else to say: $(cat "$T/err")" \
    cmp -s "$T/want-err" "$T/err"
grep -v '^[[:space:]]*#' "$shipped" | grep -F '${' > "$T/secrets"
check "the shipped brink.conf needs no secret to start: $(cat "$T/secrets")" \
    test ! -s "$T/secrets"
check "the README and the example name the same variable" \
    sh -c "grep -q 'BRINK_CHAT_URL=' '$top_srcdir/etc/brink.conf' &&
    grep -q 'BRINK_CHAT_URL=' '$top_srcdir/README.md'"
expect_ok "$CONF/minimal.conf"

# A phrase only the rule compiler can judge is still caught by -t.
expect_fail "$CONF/bad-phrase.conf" \
    'bad-phrase.conf:9: rule warning-shot: phrase "... will answer": "..." goes between two words'
# A phrase too long to quote whole: the reason that ends the message
# is kept, the middle of the phrase left out.
words=$(seq 0 69 | sed 's/^/wordnumber/' | tr '\n' ' ' | sed 's/ $//')
sed "s/\"\.\.\. will answer\"/\"$words\"/" "$CONF/bad-phrase.conf" \
    > "$T/long-phrase.conf"
expect_fail "$T/long-phrase.conf" \
    'long-phrase.conf:9: rule warning-shot: phrase "wordnumber0 wordnumber1' \
    'wordnumber69" has more than 32 words'
# full.conf's webhook takes its URL and a header from secrets: -t
# resolves them, and says which is missing, with the sink's line.
unset BRINK_HOOK
expect_fail "$CONF/full.conf" \
    'full.conf:82: sink chat: url: ${env:BRINK_HOOK}: the environment variable BRINK_HOOK is not set' \
    'full.conf:82: sink chat: header 1: cannot read ${file:/etc/brink/token}: No such file or directory'
mkdir -p "$T/srv"
echo "s3cret-token" > "$T/token"
sed -e "s|/etc/brink/token|$T/token|" -e "s|/srv/brink/|$T/srv/|" \
    "$CONF/full.conf" > "$T/full.conf"
BRINK_HOOK=T000/B000/XXXX "$BRINKD" -t -c "$T/full.conf" >"$T/out" 2>"$T/err"
check "full.conf with its secrets: exit 0" test $? -eq 0
check "and no secret on the terminal" \
    sh -c "! grep -q 's3cret-token\|B000' '$T/out' '$T/err'"

# Five mistakes, five lines, each at its own line number.
expect_fail "$CONF/five-mistakes.conf" \
    "five-mistakes.conf:4: interval \"5 minutes\" is not a duration" \
    "five-mistakes.conf:13: severity \"severe\" is unknown; use info, low, medium, high or critical" \
    "five-mistakes.conf:15: rule 'threat-1' names actor \"nort\", which is not defined (did you mean \"north\"?)" \
    "five-mistakes.conf:20: format \"json\" does not fit a webhook sink" \
    "five-mistakes.conf:24: sink 'log' writes a file but has no path"
check "five mistakes give exactly five lines" \
    test "$(wc -l < "$T/err")" -eq 5

# An error in an included file names that file, wherever brinkd runs.
(cd / && "$BRINKD" -t -c "$CONF/include-main.conf") >"$T/out" 2>"$T/err"
check "include from another directory: exit 1" test $? -eq 1
check "the included file and its line are named" \
    grep -qF "config/rules/broken.conf:7: severity \"mild\" is unknown" "$T/err"

# A broken file copied elsewhere keeps its messages relative to itself.
mkdir -p "$T/etc/rules"
cp "$CONF/include-main.conf" "$T/etc/brink.conf"
cp "$CONF/rules/ok.conf" "$T/etc/rules/broken.conf"
expect_ok "$T/etc/brink.conf"

# Unknown keys do not hide what comes after them.
cat > "$T/typos.conf" <<'CONF_EOF'
# a comment, so that line numbers after comments are checked too
feed world {
	url     = "https://news.example.org/world.rss"
	intervl = "5m"
}
sinks log {
	type = "file"
}
sink log {
	type = "file"
	path = "/var/log/brink/alerts.jsonl"
	min_severity = "urgent"
}
CONF_EOF
expect_fail "$T/typos.conf" \
    "typos.conf:4: unknown key 'intervl' in feed 'world' (did you mean 'interval'?)" \
    "typos.conf:6: unknown section 'sinks' (did you mean 'sink'?)" \
    "typos.conf:12: min_severity \"urgent\" is unknown"

# Warnings are printed but do not fail the check.
cat > "$T/warn.conf" <<'CONF_EOF'
actor north { names = {"Northland"} }
rule r { category = "threat" terms = {"final warning"} }
sink log { type = "file" path = "/tmp/alerts.jsonl" }
CONF_EOF
"$BRINKD" -t -c "$T/warn.conf" >"$T/out" 2>"$T/err"
check "warnings only: exit 0" test $? -eq 0
check "warnings only: configuration ok" grep -qx "configuration ok" "$T/out"
check "the warning is shown" \
    grep -qF "warn.conf:1: warning: no feed is defined" "$T/err"

# A file that is not there.
"$BRINKD" -t -c "$T/nowhere.conf" >"$T/out" 2>"$T/err"
check "missing file: exit 1" test $? -eq 1
check "missing file: named" \
    grep -qF "cannot open $T/nowhere.conf: No such file or directory" "$T/err"

# The manual documents every key the loader knows, and lints clean.
PAGE="$top_srcdir/man/brink.conf.5"
grep -o '{ "[a-z_]*", [01] }' "$top_srcdir/src/config.c" |
    sed 's/{ "\([a-z_]*\)".*/\1/' | sort -u > "$T/keys"
check "the loader has keys to document" test "$(wc -l < "$T/keys")" -gt 40
while read -r key; do
	grep -q "Ic.* $key\b\|Ic $key\b" "$PAGE" ||
	    fail "brink.conf.5 does not document $key"
done < "$T/keys"
if [ -n "${MANDOC:-}" ] && [ -x "$MANDOC" ]; then
	"$MANDOC" -T lint -W warning "$PAGE" >"$T/lint" 2>&1
	check "brink.conf.5 lints clean: $(cat "$T/lint")" test ! -s "$T/lint"
else
	echo "# mandoc not installed: brink.conf.5 not linted"
fi

finish
