#!/bin/sh
# What only shows when a sink opens is caught by brinkd -t, and stops a
# start with 78 (EX_CONFIG) rather than 1: a secret that does not resolve,
# a URL libcurl will not take, an alert log brinkd cannot write.  Nothing
# is sent or created by the check, and no secret is printed.
. "$top_srcdir/tests/lib.sh"

mkdir -p "$T/state" "$T/log"
base() {
	cat <<CONF
state_dir = "$T/state"
feed local { url = "file://$top_srcdir/share/samples/meridian-wire.atom" }
CONF
}

# expect_refused NAME WANT: -t exits 1, --once and the daemon exit 78,
# each naming WANT (a fixed string) on stderr.
expect_refused() {
	name=$1 want=$2
	"$BRINKD" -t -c "$T/$name.conf" >"$T/out" 2>"$T/err"
	rc=$?
	check "$name: -t exits 1 (got $rc)" test $rc -eq 1
	check "$name: -t says '$want': $(cat "$T/err")" grep -qF -- "$want" "$T/err"
	check "$name: -t does not say ok" test ! -s "$T/out"
	"$BRINKD" --once -c "$T/$name.conf" >"$T/out" 2>"$T/err"
	rc=$?
	check "$name: --once exits 78 (got $rc)" test $rc -eq 78
	check "$name: --once says '$want'" grep -qF -- "$want" "$T/err"
	"$BRINKD" -f -c "$T/$name.conf" >"$T/out" 2>"$T/err" &
	pid=$!
	track $pid
	if wait_for 30 sh -c "! kill -0 $pid 2>/dev/null"; then
		wait $pid
		rc=$?
		check "$name: the daemon exits 78 (got $rc)" test $rc -eq 78
		check "$name: the daemon says '$want'" grep -qF -- "$want" "$T/err"
	else
		fail "$name: the daemon started: $(cat "$T/err")"
	fi
}

# A webhook whose URL is in an environment variable that is not set.
{ base; cat <<'CONF'
sink chat {
	type = "webhook"
	url  = "${env:BRINK_TEST_UNSET_URL}"
}
CONF
} > "$T/unset-env.conf"
unset BRINK_TEST_UNSET_URL
expect_refused unset-env "unset-env.conf:3: sink chat: url: \${env:BRINK_TEST_UNSET_URL}: the environment variable BRINK_TEST_UNSET_URL is not set"

# A header from a file that is not there.
{ base; cat <<CONF
sink chat {
	type    = "webhook"
	url     = "http://127.0.0.1:9/hook"
	headers = {"Authorization: Bearer \${file:$T/no-token}"}
}
CONF
} > "$T/no-file.conf"
expect_refused no-file "no-file.conf:3: sink chat: header 1: cannot read \${file:$T/no-token}: No such file or directory"

# A URL libcurl does not take, with its secret part not printed.
{ base; cat <<'CONF'
sink chat {
	type = "webhook"
	url  = "https://hooks.exa mple.com/${env:BRINK_TEST_TOKEN}"
}
CONF
} > "$T/bad-url.conf"
BRINK_TEST_TOKEN=s3cret-token; export BRINK_TEST_TOKEN
expect_refused bad-url "bad-url.conf:3: sink chat: url does not parse:"
check "bad-url: the secret is not printed" \
    sh -c "! grep -q s3cret-token '$T/err'"

# Not http(s), once the secret is in.
{ base; cat <<'CONF'
sink chat {
	type = "webhook"
	url  = "${env:BRINK_TEST_URL}"
}
CONF
} > "$T/ftp.conf"
BRINK_TEST_URL=ftp://hooks.example.com/s3cret-token; export BRINK_TEST_URL
expect_refused ftp "ftp.conf:3: sink chat: the url must start with https:// (or http://)"

# ntfy needs a topic.
{ base; cat <<'CONF'
sink phone {
	type   = "webhook"
	format = "ntfy"
	url    = "https://ntfy.example.com/"
}
CONF
} > "$T/ntfy.conf"
expect_refused ntfy "ntfy.conf:3: sink phone: an ntfy url names the topic"

# An alert log two missing directories deep (the sink creates one).
{ base; cat <<CONF
sink log {
	type = "file"
	path = "$T/log/no/such/alerts.jsonl"
}
CONF
} > "$T/deep.conf"
expect_refused deep "deep.conf:3: sink log: cannot create directory $T/log/no/such: No such file or directory"
check "deep: nothing was created" test ! -e "$T/log/no"

# An alert log that is a directory.
mkdir -p "$T/log/adir"
{ base; cat <<CONF
sink log {
	type = "file"
	path = "$T/log/adir"
}
CONF
} > "$T/isdir.conf"
expect_refused isdir "isdir.conf:3: sink log: cannot write $T/log/adir: Is a directory"

# A bad file is 1 for -t (like nginx -t) and 78 for a start.
{ base; echo 'feed broken { url = }'; } > "$T/syntax.conf"
"$BRINKD" -t -c "$T/syntax.conf" >/dev/null 2>&1
check "bad syntax: -t exits 1" test $? -eq 1
"$BRINKD" --once -c "$T/syntax.conf" >/dev/null 2>"$T/err"
check "bad syntax: --once exits 78" test $? -eq 78
check "bad syntax: --once names the line" grep -qF "syntax.conf:3:" "$T/err"

# The same sinks, fixed, pass: a missing alert log one directory deep is
# fine (the sink creates it), and the check creates nothing.
echo "https-token" > "$T/token"
{ base; cat <<CONF
sink log {
	type = "file"
	path = "$T/log/new/alerts.jsonl"
}
sink chat {
	type    = "webhook"
	url     = "https://hooks.example.com/\${env:BRINK_TEST_TOKEN}"
	headers = {"Authorization: Bearer \${file:$T/token}"}
}
CONF
} > "$T/good.conf"
"$BRINKD" -t -c "$T/good.conf" >"$T/out" 2>"$T/err"
check "good: -t exits 0: $(cat "$T/err")" test $? -eq 0
check "good: configuration ok" grep -qx "configuration ok" "$T/out"
check "good: the check created nothing" test ! -e "$T/log/new"
check "good: no secret printed" \
    sh -c "! grep -q 's3cret-token\|https-token' '$T/out' '$T/err'"

finish
