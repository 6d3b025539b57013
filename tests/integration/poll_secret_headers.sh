#!/bin/sh
# A feed behind a token names it in its headers as ${file:PATH} or
# ${env:NAME}, so the token stays out of brink.conf.  brinkd sends the
# token, never prints it, reads the file anew at each fetch (a token
# rotated by its owner needs no reload), and a secret that does not
# resolve is named with the file and line by -t and stops the start
# with 78 (EX_CONFIG), as a sink's does.
. "$top_srcdir/tests/lib.sh"

command -v sqlite3 >/dev/null 2>&1 ||
    skip "sqlite3 not installed (./bootstrap installs it)"
mkdir -p "$T/www"
poll_feed "$T/www/filed.rss" "Harbour reopens" "Talks resume"
poll_feed "$T/www/env.rss" "Ferry runs again"
# Each feed answers only to its own token.
start_nginx "$T/www" 'location = /filed.rss {
		if ($http_authorization != "Bearer s3cret-filed") { return 401; }
	}
	location = /env.rss {
		if ($http_authorization != "Bearer s3cret-env") { return 401; }
	}'
base="http://127.0.0.1:$NGINX_PORT"

cat > "$T/brink.conf" <<CONF
state_dir = "$T/state"
interval = "1s"
backoff_max = "1s"
feed filed {
	url = "$base/filed.rss"
	headers = {"Authorization: Bearer \${file:$T/token}"}
}
feed env {
	url = "$base/env.rss"
	headers = {"Accept: application/rss+xml",
		"Authorization: Bearer \${env:BRINK_TEST_TOKEN}"}
}
CONF
env_feed_line=$(grep -n '^feed env' "$T/brink.conf" | cut -d: -f1)

# Unresolved: -t names the file, the line, the feed and what is missing.
echo "s3cret-filed" > "$T/token"
rc=0
env -u BRINK_TEST_TOKEN "$BRINKD" -t -c "$T/brink.conf" > "$T/check.out" 2>&1 ||
    rc=$?
check "-t refuses an unset variable in a feed header (got $rc)" test $rc = 1
check "naming the file, line, feed and variable" \
    grep -qF "$T/brink.conf:$env_feed_line: feed env: header 2: \${env:BRINK_TEST_TOKEN}: the environment variable BRINK_TEST_TOKEN is not set" \
    "$T/check.out"
rc=0
env -u BRINK_TEST_TOKEN "$BRINKD" --once -c "$T/brink.conf" \
    > "$T/start.out" 2>&1 || rc=$?
check "and a start stops with 78 (got $rc)" test $rc = 78
check "nothing was fetched" test "$(nginx_count GET)" = 0

# Resolved: -t passes, the tokens are sent and never printed.
export BRINK_TEST_TOKEN=s3cret-env
rc=0
"$BRINKD" -t -c "$T/brink.conf" > "$T/check.out" 2>&1 || rc=$?
check "-t accepts resolved feed headers (got $rc)" test $rc = 0
rc=0
"$BRINKD" --once -c "$T/brink.conf" > "$T/once.out" 2>&1 || rc=$?
check "--once fetches both feeds (got $rc)" test $rc = 0
check "the token from the file was sent" \
    test "$(nginx_count "GET /filed.rss 200")" -ge 1
check "the token from the environment was sent" \
    test "$(nginx_count "GET /env.rss 200")" -ge 1
check "no 401" test "$(nginx_count " 401 ")" = 0
check "no token in brinkd's output" \
    sh -c "! grep -q s3cret '$T/check.out' '$T/once.out' '$T/start.out'"

# A rotated token is read at the next fetch, without a reload.
echo "expired" > "$T/token"
start_brinkd "$T/brink.conf"
wait_for 60 requests_at_least "GET /filed.rss 401" 1 ||
    fail "the stale token was not sent"
ok_before=$(nginx_count "GET /filed.rss 200")
echo "s3cret-filed" > "$T/token"
check "the rotated token is sent without a reload" \
    wait_for 60 requests_at_least "GET /filed.rss 200" $((ok_before + 1))
stop_brinkd
check "no token in the daemon's log" sh -c "! grep -q s3cret '$BRINKD_LOG'"
finish
