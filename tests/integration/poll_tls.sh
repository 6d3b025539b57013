#!/bin/sh
# TLS is verified: a feed served over https with a certificate nobody
# vouches for is refused, and accepted once ca_file names its issuer.
. "$top_srcdir/tests/lib.sh"

command -v openssl >/dev/null 2>&1 || skip "openssl not installed"
mkdir -p "$T/www" "$T/tls"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" \
    -addext "subjectAltName=IP:127.0.0.1" \
    -keyout "$T/tls/key.pem" -out "$T/tls/cert.pem" >"$T/tls/log" 2>&1 ||
    hard_error "openssl could not make a certificate: $(cat "$T/tls/log")"
poll_feed "$T/www/world.rss" "Harbour reopens after storm"
start_nginx "$T/www" "
	listen 127.0.0.1:@PORT2@ ssl;
	ssl_certificate $T/tls/cert.pem;
	ssl_certificate_key $T/tls/key.pem;
"
TLS_PORT=$NGINX_PORT2
wait_for 10 port_open "$TLS_PORT" || hard_error "nginx does not listen for TLS"

config() {
	cat <<CONF
state_dir = "$T/state"
$1
feed world {
	url = "https://127.0.0.1:$TLS_PORT/world.rss"
}
CONF
}
config "" > "$T/untrusted.conf"
config "ca_file = \"$T/tls/cert.pem\"" > "$T/trusted.conf"

status=0
"$BRINKD" -c "$T/untrusted.conf" --once >"$T/untrusted.log" 2>&1 ||
    status=$?
cat "$T/untrusted.log"
check "a certificate nobody vouches for fails the feed" test "$status" = 1
check "... saying it is the certificate, and what to do" \
    grep -qi "feed world: failed: .*certificate.*ca_file" "$T/untrusted.log"
check "... and nothing was fetched" \
    test "$(nginx_count 'GET /world.rss')" = 0

status=0
"$BRINKD" -c "$T/trusted.conf" --once >"$T/trusted.log" 2>&1 || status=$?
check "with ca_file naming the issuer, the feed is fetched" \
    test "$status" = 0
check "... and its item recorded" seen_is world 1
finish
