#!/bin/sh
# brinkd --once against hostile or broken servers: an oversized body and
# a gzip bomb are cut off, a redirect loop and a redirect to file:// are
# refused, a server that accepts and never answers times out; the run
# exits 1 with one summary line per failed feed, and 0 when all is well
# (file:// included, for a feed whose own url says so).
. "$top_srcdir/tests/lib.sh"

mkdir -p "$T/www"
poll_feed "$T/www/world.rss" "Harbour reopens after storm"
# 300 KB of feed: over a max_body of 100K.
{
	echo '<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>'
	i=0
	while [ $i -lt 2000 ]; do
		echo "<item><title>Padding item $i</title><guid>p$i</guid><description>$(printf '%0120d' 0)</description></item>"
		i=$((i + 1))
	done
	echo '</channel></rss>'
} > "$T/www/big.rss"
# 20 MB of blanks that nginx gzips to a few tens of KB on the wire: only
# counting decoded bytes stops it at max_body.
head -c 20000000 /dev/zero | tr '\0' ' ' > "$T/www/bomb.rss"
start_nginx "$T/www" '
	location = /loop.rss { return 302 /loop.rss; }
	location = /tofile.rss { return 302 file:///etc/passwd; }
	location = /bomb.rss {
		if ($http_accept_encoding !~ gzip) { return 406; }
	}
'
"$PYTHON3" "$top_srcdir/tests/poll_never_answer.py" "$T/hang.port" \
    "$T/hang.accepted" &
track $!
wait_for 30 test -s "$T/hang.port" || hard_error "the silent server did not start"
HANG_PORT=$(cat "$T/hang.port")

base="http://127.0.0.1:$NGINX_PORT"
cat > "$T/brink.conf" <<CONF
state_dir = "$T/state"
max_body  = "100K"
feed world {
	url = "$base/world.rss"
}
feed big {
	url = "$base/big.rss"
}
feed bomb {
	url = "$base/bomb.rss"
}
feed loop {
	url = "$base/loop.rss"
}
feed tofile {
	url = "$base/tofile.rss"
}
feed silent {
	url     = "http://127.0.0.1:$HANG_PORT/silent.rss"
	timeout = "2s"
}
CONF

status=0
"$BRINKD" -c "$T/brink.conf" --once >"$T/once.out" 2>"$T/once.log" ||
    status=$?
cat "$T/once.log"
check "--once exits 1 when a feed failed" test "$status" = 1
check "the good feed was processed anyway" test "$(seen_count world)" = 1
summary() { grep -q "error: feed $1: failed: $2" "$T/once.log"; }
check "oversized body: cut off at max_body" \
    summary big "body larger than 10[0-9]* bytes (max_body)"
check "gzip bomb: cut off at max_body counted decoded" \
    summary bomb "body larger than 10[0-9]* bytes (max_body)"
# nginx answers 406 unless asked for gzip; fewer than max_body bytes on
# the wire means only the decoded count could have stopped it.
check "the bomb came gzipped, smaller than max_body on the wire" \
    sh -c "test \$(sed -n 's|^GET /bomb.rss 200 \\([0-9]*\\) .*|\\1|p' '$NGINX_LOG') -lt 100000"
check "redirect loop: refused" summary loop ".*redirects"
check "redirect to file://: refused" summary tofile ".*only http and https"
check "silent server: timed out" summary silent "timed out"
check "one summary line per failed feed, none for the good one" \
    test "$(grep -c 'failed: ' "$T/once.log")" = 5
check "a final line counts the failures" \
    grep -q "error: 5 of 6 feeds failed" "$T/once.log"
check "the loop stopped after max_redirects (5) redirects" \
    test "$(nginx_count 'GET /loop.rss')" = 6
check "nothing of the broken feeds was recorded" \
    test "$(seen_count big)$(seen_count bomb)" = 00

cat > "$T/good.conf" <<CONF
state_dir = "$T/state"
feed world {
	url = "$base/world.rss"
}
feed local {
	url = "file://$T/www/world.rss"
}
CONF
status=0
"$BRINKD" -c "$T/good.conf" --once >"$T/good.out" 2>&1 || status=$?
check "--once exits 0 when every feed succeeded" test "$status" = 0
check "... and prints no failure" sh -c "! grep -q failed '$T/good.out'"
check "a feed whose own url says file:// is read from the file" \
    seen_is local 1

# SIGTERM while a fetch hangs: stop within the grace, status 0.
cat > "$T/hang.conf" <<CONF
state_dir = "$T/state"
feed silent {
	url     = "http://127.0.0.1:$HANG_PORT/silent.rss"
	timeout = "60s"
}
CONF
accepted=$(cat "$T/hang.accepted" 2>/dev/null | wc -l)
"$BRINKD" -c "$T/hang.conf" --once >"$T/hang.log" 2>&1 &
pid=$!
track $pid
# Signal it only once its fetch hangs on the silent server.
wait_for 30 sh -c "[ \$(cat '$T/hang.accepted' | wc -l) -gt $accepted ]" ||
    hard_error "brinkd never connected to the silent server: $(cat "$T/hang.log")"
kill -TERM $pid
check "SIGTERM ends a hanging --once within 5 s" \
    wait_for 5 sh -c "! kill -0 $pid"
status=0
wait $pid || status=$?
check "... with status 0" test "$status" = 0
check "... saying it abandoned the transfer" \
    grep -q "abandoning 1 transfer" "$T/hang.log"
finish
