#!/bin/sh
# The running daemon and its signals: SIGHUP with a broken configuration
# logs the error with file and line and keeps the old one running; SIGHUP
# with a good one adds the new feed without a restart (and another stops
# polling a feed taken out); SIGUSR1 logs the
# counters of every feed; a reload moves or removes the pid file;
# SIGTERM stops it with status 0 within 5 s.
. "$top_srcdir/tests/lib.sh"

mkdir -p "$T/www"
poll_feed "$T/www/world.rss" "Harbour reopens after storm"
poll_feed "$T/www/region.rss" "Border crossing opens for trucks"
start_nginx "$T/www"

write_config() {
	cat > "$T/brink.conf" <<CONF
state_dir = "$T/state"
pid_file  = "$T/brinkd.pid"
feed world {
	url      = "http://127.0.0.1:$NGINX_PORT/world.rss"
	interval = "1s"
}
$1
CONF
}
write_config ""
start_brinkd "$T/brink.conf"
wait_for 20 seen_is world 1 || fail "the first poll failed"
check "the pid file names the daemon" \
    test "$(cat "$T/brinkd.pid" 2>/dev/null)" = "$BRINKD_PID"

# A second daemon on the same pid file refuses to start.
status=0
"$BRINKD" -f -c "$T/brink.conf" >"$T/second.log" 2>&1 || status=$?
check "a second brinkd refuses to run beside the first" test "$status" = 1
check "... and says why" grep -q "already running" "$T/second.log"

# A broken file: the error has its file and line; the old one goes on.
write_config 'feed broken {
	url = 
}'
kill -HUP "$BRINKD_PID"
wait_for 20 log_has "reload failed" || fail "the failed reload was not logged"
check "the broken reload names file and line" \
    log_has "brink.conf:[0-9]+:"
check "the daemon is still running" kill -0 "$BRINKD_PID"
polls=$(nginx_count 'GET /world.rss')
check "it still polls on the old configuration" \
    wait_for 20 requests_at_least 'GET /world.rss' $((polls + 2))

# A good file: the new feed starts without a restart, the old goes on.
write_config "feed region {
	url      = \"http://127.0.0.1:$NGINX_PORT/region.rss\"
	interval = \"1s\"
}"
kill -HUP "$BRINKD_PID"
wait_for 20 log_has "configuration reloaded" ||
    fail "the good reload was not logged"
check "the added feed is polled" \
    wait_for 20 seen_is region 1
check "the same process goes on" kill -0 "$BRINKD_PID"
check "the state of the first feed was kept" test "$(seen_count world)" = 1

# A feed taken out of the file is no longer polled; the other goes on.
cat > "$T/brink.conf" <<CONF
state_dir = "$T/state"
pid_file  = "$T/brinkd.pid"
feed region {
	url      = "http://127.0.0.1:$NGINX_PORT/region.rss"
	interval = "1s"
}
CONF
region=$(nginx_count 'GET /region.rss')
kill -HUP "$BRINKD_PID"
wait_for 20 log_has "feed world: removed" || fail "the removal was not logged"
# A request of the removed feed already sent is in nginx's log once nginx
# has answered a later one (one worker, in order).
wait_for 20 requests_at_least 'GET /region.rss' $((region + 1)) ||
    fail "the remaining feed was not polled after the reload"
world=$(nginx_count 'GET /world.rss')
region=$(nginx_count 'GET /region.rss')
check "the remaining feed goes on" \
    wait_for 20 requests_at_least 'GET /region.rss' $((region + 2))
check "the removed feed is no longer polled" \
    test "$(nginx_count 'GET /world.rss')" = "$world"

kill -USR1 "$BRINKD_PID"
check "SIGUSR1 logs the counters of each feed" \
    wait_for 10 log_has "feed region: polls [0-9]+, 200 1, 304 [0-9]+, errors 0, items 1, alerts 0"

# The pid file follows a reload: written anew where pid_file now points
# and removed where it pointed, removed when pid_file goes, and put back.
pid_config() {
	cat > "$T/brink.conf" <<CONF
state_dir = "$T/state"
$1
feed region {
	url      = "http://127.0.0.1:$NGINX_PORT/region.rss"
	interval = "1s"
}
CONF
}
reloads_over() { test "$(grep -c 'configuration reloaded' "$BRINKD_LOG")" -gt "$1"; }
pid_reload() {
	reloads=$(grep -c 'configuration reloaded' "$BRINKD_LOG")
	pid_config "$1"
	kill -HUP "$BRINKD_PID"
	wait_for 20 reloads_over "$reloads" || fail "the reload was not logged"
}
pid_reload "pid_file = \"$T/moved.pid\""
check "a reload that moves pid_file writes the new file" \
    test "$(cat "$T/moved.pid" 2>/dev/null)" = "$BRINKD_PID"
check "... and removes the old one" test ! -e "$T/brinkd.pid"
pid_reload ""
check "a reload that drops pid_file removes the file" test ! -e "$T/moved.pid"
pid_reload "pid_file = \"$T/brinkd.pid\""
check "a reload that sets pid_file again writes it" \
    test "$(cat "$T/brinkd.pid" 2>/dev/null)" = "$BRINKD_PID"
rm -f "$T/brinkd.pid"
pid_reload "pid_file = \"$T/brinkd.pid\""
check "a reload writes again a pid file removed from under it" \
    test "$(cat "$T/brinkd.pid" 2>/dev/null)" = "$BRINKD_PID"

kill -TERM "$BRINKD_PID"
check "SIGTERM stops it within 5 s" \
    wait_for 5 sh -c "! kill -0 $BRINKD_PID"
status=0
wait "$BRINKD_PID" || status=$?
check "... with status 0" test "$status" = 0
check "... and says so" log_has "stopped"
check "the pid file is removed" test ! -e "$T/brinkd.pid"
check "... and no other is left behind" test ! -e "$T/moved.pid"
check "the database is closed cleanly (no WAL left)" \
    test ! -s "$T/state/brink.db-wal"

# Without -f it detaches: the command returns, the pid file names the
# daemon, and SIGTERM still stops it cleanly.
status=0
"$BRINKD" -c "$T/brink.conf" >"$T/detached.log" 2>&1 || status=$?
check "without -f, brinkd detaches and returns 0" test "$status" = 0
check "the detached daemon writes its pid file" \
    wait_for 10 test -s "$T/brinkd.pid"
pid=$(cat "$T/brinkd.pid" 2>/dev/null)
if [ -n "$pid" ]; then
	track "$pid"
	check "the detached daemon is running" kill -0 "$pid"
	kill -TERM "$pid"
	check "the detached daemon stops on SIGTERM" \
	    wait_for 5 sh -c "! kill -0 $pid"
	check "... and removes its pid file" wait_for 5 test ! -e "$T/brinkd.pid"
fi
finish
