# tests/lib.sh: what brink's shell tests share.  Source it first:
#
#	. "$top_srcdir/tests/lib.sh"
#
# It gives each test a scratch directory ($T), a teardown that stops what
# the test started, ephemeral ports on 127.0.0.1 and the real servers the
# tests talk to.  Exit 0 passes, 77 skips, 99 is a hard error (automake).

set -u

: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
: "${BRINKD:=$top_builddir/src/brinkd}"
: "${PYTHON3:=python3}"
: "${NGINX:=$(command -v nginx || echo /usr/sbin/nginx)}"
: "${RSYSLOGD:=$(command -v rsyslogd || echo /usr/sbin/rsyslogd)}"
FIXTURES="$top_srcdir/tests/fixtures"
# The shared folder beside the repository (seeds, peer suites), if any.
: "${BRINK_SHARED:=$top_srcdir/../shared}"

TEST_NAME=$(basename "$0" .sh)
T=$(mktemp -d "${TMPDIR:-/tmp}/brink-$TEST_NAME.XXXXXX")
chmod 755 "$T"		# nginx's workers must read what the test serves
PIDS=""
failures=0

teardown() {
	for pid in $PIDS; do
		kill "$pid" 2>/dev/null
	done
	for pid in $PIDS; do
		# give each a moment, then insist
		i=0
		while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do
			sleep 0.1; i=$((i + 1))
		done
		kill -9 "$pid" 2>/dev/null
	done
	if [ "${KEEP:-}" = 1 ] || [ $failures -ne 0 ]; then
		echo "# scratch files kept in $T"
	else
		rm -rf "$T"
	fi
}
trap teardown EXIT
trap 'exit 99' INT TERM

# Remember a pid for teardown.
track() { PIDS="$PIDS $1"; }

skip() { echo "SKIP: $*"; exit 77; }
hard_error() { echo "ERROR: $*"; exit 99; }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }
# End the test: 1 if any check failed.
finish() {
	if [ $failures -ne 0 ]; then
		echo "$failures check(s) failed"
		exit 1
	fi
	exit 0
}

# check DESCRIPTION COMMAND...: run the command; pass or fail.
check() {
	what=$1; shift
	if "$@"; then pass "$what"; else fail "$what"; fi
}

# A free TCP port on 127.0.0.1 (the kernel picks it).
free_port() {
	"$PYTHON3" -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])'
}

# wait_for SECONDS COMMAND...: retry the command every 0.1 s until it
# succeeds; 1 if it never did.
wait_for() {
	limit=$(( $1 * 10 )); shift
	i=0
	while [ $i -lt $limit ]; do
		if "$@" 2>/dev/null; then return 0; fi
		sleep 0.1; i=$((i + 1))
	done
	return 1
}

port_open() {
	"$PYTHON3" -c 'import socket, sys
s = socket.socket()
s.settimeout(0.5)
sys.exit(s.connect_ex(("127.0.0.1", int(sys.argv[1]))))' "$1"
}

# start_nginx ROOT [EXTRA]: serve directory ROOT on a fresh port with
# ETag, Last-Modified and gzip on; EXTRA is more nginx config for the
# server block, where @PORT2@ stands for a second fresh port (a TLS
# listen).  Sets NGINX_PORT, NGINX_PORT2, NGINX_LOG (access log, one
# line per request: "METHOD URI STATUS BYTES IF-NONE-MATCH") and
# NGINX_DIR.
#
# The ports are free when chosen but could be taken (by another test's
# connection) before nginx binds them: then nginx exits saying so, and it
# is started again on other ports.
start_nginx() {
	[ -x "$NGINX" ] || skip "nginx not installed (./bootstrap installs nginx-light)"
	root=$1; extra=${2:-}
	NGINX_DIR="$T/nginx"
	NGINX_LOG="$NGINX_DIR/access.log"
	mkdir -p "$NGINX_DIR/tmp"
	attempt=1
	while ! nginx_try_start "$root" "$extra"; do
		if ! grep -q "Address already in use" "$NGINX_DIR/error.log" \
		    "$NGINX_DIR/stdout" 2>/dev/null || [ $attempt -ge 5 ]; then
			hard_error "nginx did not start: $(cat "$NGINX_DIR/error.log" "$NGINX_DIR/stdout" 2>/dev/null)"
		fi
		echo "# port $NGINX_PORT was taken meanwhile; nginx again on another"
		attempt=$((attempt + 1))
	done
}

# nginx_try_start ROOT EXTRA: one attempt of start_nginx on a fresh port;
# 1 if nginx exited or never listened.
nginx_try_start() {
	NGINX_PORT=$(free_port)
	NGINX_PORT2=$(free_port)
	server_extra=$(printf '%s\n' "$2" | sed "s/@PORT2@/$NGINX_PORT2/g")
	rm -f "$NGINX_DIR/error.log" "$NGINX_DIR/stdout"
	user=""
	[ "$(id -u)" = 0 ] && user="user root root;"
	cat > "$NGINX_DIR/nginx.conf" <<NGINX_EOF
$user
daemon off;
worker_processes 1;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/error.log warn;
events { worker_connections 1024; }
http {
	access_log off;
	client_body_temp_path $NGINX_DIR/tmp/body;
	proxy_temp_path $NGINX_DIR/tmp/proxy;
	fastcgi_temp_path $NGINX_DIR/tmp/fastcgi;
	uwsgi_temp_path $NGINX_DIR/tmp/uwsgi;
	scgi_temp_path $NGINX_DIR/tmp/scgi;
	types { application/rss+xml rss; application/atom+xml atom;
		application/xml xml; text/html html; text/plain txt; }
	default_type application/octet-stream;
	log_format brink '\$request_method \$uri \$status \$body_bytes_sent "\$http_if_none_match"';
	gzip on;
	gzip_types application/rss+xml application/atom+xml application/xml;
	gzip_min_length 1;
	etag on;
	server {
		listen 127.0.0.1:$NGINX_PORT;
		root $1;
		access_log $NGINX_LOG brink;
		$server_extra
	}
}
NGINX_EOF
	"$NGINX" -c "$NGINX_DIR/nginx.conf" -p "$NGINX_DIR" \
	    >"$NGINX_DIR/stdout" 2>&1 &
	NGINX_PID=$!
	track $NGINX_PID
	nginx_wait_listening && return 0
	kill "$NGINX_PID" 2>/dev/null
	wait "$NGINX_PID" 2>/dev/null
	return 1
}

# nginx_wait_listening: 0 once nginx itself (not whoever might hold the
# port) listens, 1 as soon as it has exited or after 30 s.
nginx_wait_listening() {
	i=0
	while [ $i -lt 300 ] && kill -0 "$NGINX_PID" 2>/dev/null; do
		if [ -s "$NGINX_DIR/nginx.pid" ] && port_open "$NGINX_PORT"; then
			return 0
		fi
		sleep 0.1; i=$((i + 1))
	done
	return 1
}

stop_nginx() {
	kill "$NGINX_PID" 2>/dev/null
	wait_for 5 sh -c "! kill -0 $NGINX_PID"
}

# Count requests in nginx's log whose line matches a grep pattern.
nginx_count() {
	grep -c -- "$1" "$NGINX_LOG" 2>/dev/null || true
}

# --- sinks: alert records, the webhook receiver ------------------------

# make_alerts FROM TO [SEVERITY [TITLE]]: alert records FROM..TO-1, one
# JSON line each, in the shape of DESIGN.md's alert; ids are the number
# as 16 hex digits, titles "Alert N" unless TITLE is given.
make_alerts() {
	"$PYTHON3" - "$@" <<'PY_EOF'
import json, sys
lo, hi = int(sys.argv[1]), int(sys.argv[2])
sev = sys.argv[3] if len(sys.argv) > 3 else "high"
for n in range(lo, hi):
    title = sys.argv[4] if len(sys.argv) > 4 else "Alert %d" % n
    print(json.dumps({
        "id": "%016x" % n, "time": "2026-11-23T06:00:00Z",
        "severity": sev, "category": "retaliation",
        "rule": "retaliation-vow", "feed": "world-desk",
        "item": {"id": "item-%d" % n, "title": title,
                 "link": "https://news.example/world/%d" % n,
                 "published": "2026-11-23T05:58:00Z"},
        "actors": ["northland"], "targets": ["southland"],
        "hits": [{"rule": "retaliation-vow", "category": "retaliation",
                  "severity": sev,
                  "sentence": "Northland said it would answer the strike "
                              "on its port at a time of its choosing.",
                  "terms": ["answer"], "actors": ["northland"],
                  "targets": ["southland"]}]}, ensure_ascii=False))
PY_EOF
}

# start_receiver [ARGS...]: tests/webhook_receiver.py on a fresh port,
# with an empty log;
# ARGS as in its --help (--mode, --count, --retry-after).  Sets
# RECEIVER_URL, RECEIVER_LOG (one JSON line per request), RECEIVER_CONTROL
# (write a JSON object there to change its behaviour) and RECEIVER_PID.
start_receiver() {
	RECEIVER_LOG="$T/receiver.jsonl"
	RECEIVER_CONTROL="$T/receiver.control"
	rm -f "$T/receiver.port" "$RECEIVER_CONTROL"
	: > "$RECEIVER_LOG"
	"$PYTHON3" "$top_srcdir/tests/webhook_receiver.py" \
	    --log "$RECEIVER_LOG" --port-file "$T/receiver.port" \
	    --control "$RECEIVER_CONTROL" "$@" 2>"$T/receiver.err" &
	RECEIVER_PID=$!
	track $RECEIVER_PID
	wait_for 10 test -s "$T/receiver.port" ||
	    hard_error "webhook receiver did not start: $(cat "$T/receiver.err")"
	RECEIVER_URL="http://127.0.0.1:$(cat "$T/receiver.port")"
}

# receiver_count [STATUS]: requests the receiver got (answered STATUS).
receiver_count() {
	"$PYTHON3" -c 'import json, sys
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    if len(sys.argv) < 3 or r["status"] == sys.argv[2]:
        n += 1
print(n)' "$RECEIVER_LOG" "$@" 2>/dev/null || echo 0
}

# receiver_ids [STATUS]: the alert ids of the generic-format posts the
# receiver answered STATUS (default 200), in arrival order; a digest
# shows as "digest:ID,ID,...".
receiver_ids() {
	"$PYTHON3" -c 'import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    if r["status"] != sys.argv[2]:
        continue
    j = r["json"] or {}
    if j.get("type") == "digest":
        print("digest:" + ",".join(a["id"] for a in j["alerts"]))
    else:
        print(j.get("id", "?"))' "$RECEIVER_LOG" "${1:-200}"
}

# receiver_set MODE [COUNT [RETRY_AFTER]]: change the receiver's answer
# for its next COUNT requests (all of them without COUNT).
receiver_set() {
	printf '{"mode": "%s", "count": %s, "retry_after": %s}\n' "$1" \
	    "${2:-1073741824}" "${3:-null}" > "$RECEIVER_CONTROL.tmp"
	mv "$RECEIVER_CONTROL.tmp" "$RECEIVER_CONTROL"
}

# --- poll area: feeds, configurations and the daemon for the polling tests

# poll_feed FILE TITLE...: write an RSS 2.0 feed with one item per title,
# dated now (so that a first poll treats them as news), newest first.  A
# title written "old:Title" is dated in 2020 instead.  The file is written
# aside and renamed into place, so a server never serves half of it (a
# poll that read a half-written feed once saw it change twice).
poll_feed() {
	file=$1; shift
	now=$(date -u '+%a, %d %b %Y %H:%M:%S +0000')
	{
		echo '<?xml version="1.0" encoding="UTF-8"?>'
		echo '<rss version="2.0"><channel><title>Test wire</title>'
		echo '<link>http://127.0.0.1/</link>'
		for title in "$@"; do
			date=$now
			case "$title" in
			old:*)	title=${title#old:}
				date="Mon, 06 Jan 2020 09:00:00 +0000" ;;
			esac
			key=$(echo "$title" | tr -c 'A-Za-z0-9\n' '-')
			echo "<item><title>$title</title>"
			echo "<link>http://127.0.0.1/news/$key</link>"
			echo "<guid>urn:brink-test:$key</guid>"
			echo "<pubDate>$date</pubDate>"
			echo "<description>$title, the wire reports.</description></item>"
		done
		echo '</channel></rss>'
	} > "$file.part"
	mv "$file.part" "$file"
}

# start_brinkd CONFIG: run brinkd -f in the background, its messages in
# $BRINKD_LOG; sets BRINKD_PID.
start_brinkd() {
	BRINKD_LOG=${BRINKD_LOG:-$T/brinkd.log}
	"$BRINKD" -f -c "$1" >>"$BRINKD_LOG" 2>&1 &
	BRINKD_PID=$!
	track $BRINKD_PID
}

# stop_brinkd: SIGTERM and wait (at most 10 s); sets BRINKD_STATUS.
stop_brinkd() {
	kill -TERM "$BRINKD_PID" 2>/dev/null
	wait_for 10 sh -c "! kill -0 $BRINKD_PID" || kill -9 "$BRINKD_PID"
	BRINKD_STATUS=0
	wait "$BRINKD_PID" || BRINKD_STATUS=$?
}

# log_has PATTERN: the daemon's log has a line matching it (grep -E).
log_has() {
	grep -Eq -- "$1" "$BRINKD_LOG"
}

# restart_nginx: start nginx again on the same port after stop_nginx.
restart_nginx() {
	"$NGINX" -c "$NGINX_DIR/nginx.conf" -p "$NGINX_DIR" \
	    >>"$NGINX_DIR/stdout" 2>&1 &
	NGINX_PID=$!
	track $NGINX_PID
	nginx_wait_listening ||
	    hard_error "nginx did not start again: $(cat "$NGINX_DIR/error.log")"
}

# state_query SQL: the state database's answer, opened read-only.  A
# test often asks before brinkd has made the database, and the sqlite3
# shell opening a missing file for writing leaves it empty (0 bytes),
# which brinkd then refuses as cut short: read-only, a missing database
# is an empty answer and stays missing.
state_query() {
	sqlite3 -readonly "$T/state/brink.db" "$1" 2>/dev/null
}

# seen_count FEED: how many items of FEED the state database holds.
seen_count() {
	state_query "SELECT count(*) FROM seen WHERE feed = '$1'"
}

# For wait_for (which runs its command again, unexpanded): the feed has N
# seen items; nginx logged at least N requests matching PATTERN.
seen_is() { test "$(seen_count "$1")" = "$2"; }
requests_at_least() { test "$(nginx_count "$1")" -ge "$2"; }
