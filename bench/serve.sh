#!/bin/sh
# serve.sh: a private nginx on 127.0.0.1 for the benchmarks.
#
#   serve.sh start ROOT DIR   serve directory ROOT on a free port; print the
#                             port.  DIR holds nginx.conf, nginx.pid (the
#                             master's pid), access.log and error.log.
#   serve.sh stop DIR         stop that nginx by its pid and wait for it.
#
# ETag, Last-Modified and gzip are on, as on a real news site, so that
# conditional GETs answer 304.  The access log has one line per request:
#   MSEC METHOD URI STATUS BYTES "IF-NONE-MATCH" "IF-MODIFIED-SINCE" REQUEST_TIME
set -eu

: "${NGINX:=$(command -v nginx || echo /usr/sbin/nginx)}"
: "${PYTHON3:=python3}"

usage() {
	echo "usage: serve.sh start ROOT DIR | serve.sh stop DIR" >&2
	exit 2
}

free_port() {
	"$PYTHON3" -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])'
}

port_open() {
	"$PYTHON3" -c 'import socket, sys
s = socket.socket()
s.settimeout(0.5)
sys.exit(s.connect_ex(("127.0.0.1", int(sys.argv[1]))))' "$1"
}

start() {
	root=$(cd "$1" && pwd); dir=$2
	[ -x "$NGINX" ] || { echo "serve.sh: nginx not found (./bootstrap installs nginx-light)" >&2; exit 1; }
	mkdir -p "$dir/tmp"
	dir=$(cd "$dir" && pwd)
	port=$(free_port)
	user=""
	[ "$(id -u)" = 0 ] && user="user root root;"
	# One worker: the clients being measured get the other core.
	cat > "$dir/nginx.conf" <<EOF
$user
worker_processes 1;
worker_rlimit_nofile 8192;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 4096; }
http {
	access_log off;
	client_body_temp_path $dir/tmp/body;
	proxy_temp_path $dir/tmp/proxy;
	fastcgi_temp_path $dir/tmp/fastcgi;
	uwsgi_temp_path $dir/tmp/uwsgi;
	scgi_temp_path $dir/tmp/scgi;
	types { application/rss+xml rss; application/atom+xml atom;
		application/xml xml; text/plain txt; }
	default_type application/octet-stream;
	log_format bench '\$msec \$request_method \$uri \$status \$body_bytes_sent '
	    '"\$http_if_none_match" "\$http_if_modified_since" \$request_time';
	gzip on;
	gzip_types application/rss+xml application/atom+xml application/xml;
	gzip_min_length 256;
	etag on;
	keepalive_requests 100000;
	server {
		listen 127.0.0.1:$port;
		root $root;
		access_log $dir/access.log bench;
	}
}
EOF
	rm -f "$dir/nginx.pid"
	"$NGINX" -c "$dir/nginx.conf" -p "$dir" >"$dir/stdout" 2>&1 || {
		echo "serve.sh: nginx did not start: $(cat "$dir/error.log" "$dir/stdout" 2>/dev/null)" >&2
		exit 1
	}
	i=0
	until [ -s "$dir/nginx.pid" ] && port_open "$port"; do
		i=$((i + 1))
		if [ $i -gt 100 ]; then
			echo "serve.sh: nginx did not listen on $port: $(cat "$dir/error.log")" >&2
			exit 1
		fi
		sleep 0.1
	done
	echo "$port" > "$dir/port"
	echo "$port"
}

stop() {
	dir=$1
	[ -f "$dir/nginx.pid" ] || return 0
	pid=$(cat "$dir/nginx.pid")
	kill "$pid" 2>/dev/null || { rm -f "$dir/nginx.pid"; return 0; }
	i=0
	while kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do
		sleep 0.1; i=$((i + 1))
	done
	kill -9 "$pid" 2>/dev/null || true
	rm -f "$dir/nginx.pid"
}

[ $# -ge 1 ] || usage
case "$1" in
start) [ $# -eq 3 ] || usage; start "$2" "$3" ;;
stop) [ $# -eq 2 ] || usage; stop "$2" ;;
*) usage ;;
esac
