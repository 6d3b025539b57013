#!/bin/sh
# feeds_opml: brinkd polls the feeds an OPML export names (nested folders
# too) from a real nginx, leaves out the one a feed section disables,
# sends a feed's own request headers, and names the OPML file and line
# when the export is broken.
. "$top_srcdir/tests/lib.sh"

mkdir -p "$T/www"
for f in world region local mirror private; do
	poll_feed "$T/www/$f.rss" "Harbour reopens in $f" "Talks resume in $f"
done
# /private.rss answers only to the feed's token.
start_nginx "$T/www" 'location = /private.rss {
		if ($http_authorization != "Bearer t0ken") { return 401; }
	}'
base="http://127.0.0.1:$NGINX_PORT"

cat > "$T/feeds.opml" <<OPML
<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Desk subscriptions</title></head>
  <body>
    <outline text="News" title="News">
      <outline type="rss" text="World Wire" title="World Wire" xmlUrl="$base/world.rss" htmlUrl="$base/"/>
      <outline text="Regional">
        <outline type="rss" text="Region &amp; Co" xmlUrl="$base/region.rss"/>
      </outline>
    </outline>
    <outline type="rss" text="Local" xmlUrl="$base/local.rss"/>
    <outline type="rss" text="Mirror" xmlUrl="$base/mirror.rss"/>
    <outline type="rss" text="Private" xmlUrl="$base/private.rss"/>
  </body>
</opml>
OPML

cat > "$T/brink.conf" <<CONF
state_dir = "$T/state"
feeds_opml = "feeds.opml"
feed mirror {
	url = "$base/mirror.rss"
	enabled = false
}
feed private {
	url = "$base/private.rss"
	headers = {"Authorization: Bearer t0ken"}
}
CONF

"$BRINKD" -t -c "$T/brink.conf" >"$T/check.out" 2>&1
check "brinkd -t accepts feeds_opml" test $? = 0

"$BRINKD" --once -c "$T/brink.conf" >"$T/once.out" 2>&1
rc=$?
check "brinkd --once over the OPML feeds exits 0 (got $rc)" test $rc = 0
for f in world region local; do
	check "the OPML feed $f.rss was fetched" \
	    test "$(nginx_count "GET /$f.rss 200")" -ge 1
done
check "the nested folder's feed is named after its title" \
    test "$(seen_count region-co)" = 2
check "the OPML feeds are named after their titles" \
    test "$(seen_count world-wire)" = 2 -a "$(seen_count local)" = 2
check "the feed disabled by its section was not fetched" \
    test "$(nginx_count "GET /mirror.rss")" = 0
check "the feed's Authorization header was sent" \
    test "$(nginx_count "GET /private.rss 200")" -ge 1 -a \
    "$(nginx_count "GET /private.rss 401")" = 0
check "and its items read" test "$(seen_count private)" = 2

# A broken export: the OPML file and line, and no start.
sed 's|<outline text="Regional">|<outline text="Regional"|' \
    "$T/feeds.opml" > "$T/broken.opml"
sed 's|"feeds\.opml"|"broken.opml"|' "$T/brink.conf" > "$T/broken.conf"
"$BRINKD" -t -c "$T/broken.conf" >"$T/broken.out" 2>&1
rc=$?
check "brinkd -t refuses a broken OPML file (status $rc)" test $rc = 1
check "naming the OPML file and line" \
    grep -q "broken.opml:8: not well-formed XML" "$T/broken.out"
finish
