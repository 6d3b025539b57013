#!/bin/sh
# brinkd --once against hostile or broken servers: an oversized body and
# a gzip bomb are cut off, a redirect loop and a redirect to file:// are
# refused, a server that accepts and never answers times out; the run
# exits 1 with one summary line per failed feed, and 0 when all is well
# (file:// included, for a feed whose own url says so); a limit set to 0
# means none (no redirect, no low-speed abort).
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
# A small feed that /slow.rss trickles at 50 bytes/s (headers too), under
# a low-speed abort of 100 bytes/s: about 7 s to read whole.
echo '<?xml version="1.0"?><rss version="2.0"><channel><title>S</title><item><title>Slow wire item</title><guid>urn:slow:1</guid></item></channel></rss>' \
    > "$T/www/slow.rss"
start_nginx "$T/www" '
	location = /moved.rss { return 302 /world.rss; }
	location = /slow.rss { gzip off; limit_rate 50; }
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

# 0 means what it says (each was read as "the default"): max_redirects
# = 0 follows no redirect, and a low_speed_time or low_speed_limit of 0
# turns the low-speed abort off.  However slow the machine, /slow.rss
# stays under 100 bytes/s, and the feeds that turn the abort off wait it
# out.
cat > "$T/zero.conf" <<CONF
state_dir       = "$T/zero-state"
max_redirects   = 0
low_speed_time  = "1s"
low_speed_limit = 100
feed moved {
	url = "$base/moved.rss"
}
feed slow {
	url = "$base/slow.rss"
}
feed slow_no_time {
	url            = "$base/slow.rss"
	low_speed_time = 0
}
feed slow_no_limit {
	url             = "$base/slow.rss"
	low_speed_limit = 0
}
CONF
world=$(nginx_count 'GET /world.rss')
status=0
"$BRINKD" -c "$T/zero.conf" --once >"$T/zero.out" 2>"$T/zero.log" ||
    status=$?
cat "$T/zero.log"
zero_seen() {
	sqlite3 -readonly "$T/zero-state/brink.db" \
	    "SELECT count(*) FROM seen WHERE feed = '$1'" 2>/dev/null
}
check "max_redirects = 0: the redirected feed fails, saying why" \
    grep -q "error: feed moved: failed: the server redirects and max_redirects = 0 follows none" \
    "$T/zero.log"
wait_for 10 requests_at_least 'GET /moved.rss' 1 ||
    fail "nginx logged no request of /moved.rss"
check "... and the redirect was not followed" \
    test "$(nginx_count 'GET /world.rss')" = "$world"
check "a slow feed under the low-speed abort is cut off" \
    grep -q "error: feed slow: failed: timed out" "$T/zero.log"
check "low_speed_time = 0 in a feed: no low-speed abort" \
    test "$(zero_seen slow_no_time)" = 1
check "low_speed_limit = 0 in a feed: no low-speed abort" \
    test "$(zero_seen slow_no_limit)" = 1
check "two of the four feeds failed" \
    grep -q "error: 2 of 4 feeds failed" "$T/zero.log"

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
