#!/bin/sh
# poll.sh: poll $FEEDS feeds from a private nginx, cold and warm, with
# sfeed_update (16 jobs), newsboat -x reload (16 threads) and brinkd --once,
# $RUNS times each; records the medians of wall time, CPU time and peak
# RSS, and how many warm answers were 304.
#
#   POLL_TOOLS="curl sfeed newsboat brink"   which tools (default: all);
#                                       curl is the floor: one process
#                                       fetching every feed, 16 at once,
#                                       gzip, no parsing, no state
#   BRINK_PER_HOST=16                   brinkd's max_per_host here (the
#                                       peers run 16 at once; brinkd's
#                                       polite default is 4)
. "$(dirname "$0")/lib.sh"

: "${POLL_TOOLS:=curl sfeed newsboat brink}"
: "${BRINK_PER_HOST:=16}"

ensure_corpus
serve "$CORPUS"
say "nginx on 127.0.0.1:$PORT, $FEEDS feeds, $RUNS runs"

url() { echo "http://127.0.0.1:$PORT/f$1.xml"; }

# curl: a config file with every URL, its body thrown away.
i=1
while [ $i -le "$FEEDS" ]; do
	echo "url = \"$(url $i)\""
	echo "output = \"/dev/null\""
	i=$((i + 1))
done > "$W/curl.conf"

# sfeed: an sfeedrc is a shell script with a feeds() function.
{
	echo "sfeedpath=\"$W/sfeed/feeds\""
	echo "maxjobs=16"
	echo "feeds() {"
	i=1
	while [ $i -le "$FEEDS" ]; do
		echo "	feed \"f$i\" \"$(url $i)\""
		i=$((i + 1))
	done
	echo "}"
} > "$W/sfeedrc"

# newsboat: a urls file, a config, a throwaway cache and home.
i=1
while [ $i -le "$FEEDS" ]; do url $i; i=$((i + 1)); done > "$W/urls"
echo "reload-threads 16" > "$W/newsboat.conf"
mkdir -p "$W/home"

# brinkd: every feed, the default rule pack if there is one, a file sink.
brink_conf() {
	{
		echo "state_dir = \"$W/brink-state\""
		echo "max_per_host = $BRINK_PER_HOST"
		echo "max_transfers = 32"
		if [ -f "$top_srcdir/etc/rules/default.conf" ]; then
			echo "include(\"$top_srcdir/etc/rules/default.conf\")"
		fi
		echo "sink alerts {"
		echo "	type = \"file\""
		echo "	path = \"$W/alerts.jsonl\""
		echo "}"
		i=1
		while [ $i -le "$FEEDS" ]; do
			echo "feed f$i { url = \"$(url $i)\" }"
			i=$((i + 1))
		done
	} > "$W/brink.conf"
}

run_curl() {
	log_reset
	timed "$W/curl.cold" curl -s --compressed --parallel --parallel-max 16 \
	    -K "$W/curl.conf"
	echo "$(log_count 200)/$(log_count)" >> "$W/curl.200"
}

run_sfeed() {
	rm -rf "$W/sfeed"
	timed "$W/sfeed.cold" env HOME="$W/home" sfeed_update "$W/sfeedrc"
	log_reset
	timed "$W/sfeed.warm" env HOME="$W/home" sfeed_update "$W/sfeedrc"
	echo "$(log_count 304)/$(log_count)" >> "$W/sfeed.304"
}

run_newsboat() {
	nb() {
		timed "$1" env HOME="$W/home" LANG=C.UTF-8 newsboat -x reload \
		    -u "$W/urls" -c "$W/newsboat.db" -C "$W/newsboat.conf"
	}
	rm -f "$W/newsboat.db" "$W/newsboat.db.lock"
	nb "$W/newsboat.cold"
	# newsboat keeps a feed's validators only from its second reload on,
	# so its first warm run still gets 200s: prime once, measure the next.
	nb "$W/newsboat.prime"
	log_reset
	nb "$W/newsboat.warm"
	echo "$(log_count 304)/$(log_count)" >> "$W/newsboat.304"
}

run_brink() {
	rm -rf "$W/brink-state" "$W/alerts.jsonl"
	mkdir -p "$W/brink-state"
	log_reset
	timed "$W/brink.cold" "$BRINKD" -c "$W/brink.conf" --once
	echo "$(log_count 200)/$(log_count)" >> "$W/brink.200"
	wc -l < "$W/alerts.jsonl" 2>/dev/null >> "$W/brink.alerts" || echo 0 >> "$W/brink.alerts"
	log_reset
	timed "$W/brink.warm" "$BRINKD" -c "$W/brink.conf" --once
	echo "$(log_count 304)/$(log_count)" >> "$W/brink.304"
}

tools=""
for t in $POLL_TOOLS; do
	case $t in
	curl) command -v curl >/dev/null || { say "no curl"; continue; } ;;
	sfeed) command -v sfeed_update >/dev/null || { say "no sfeed_update (./bootstrap --bench)"; continue; } ;;
	newsboat) command -v newsboat >/dev/null || { say "no newsboat (./bootstrap --bench)"; continue; } ;;
	brink)
		brink_conf
		if ! "$BRINKD" -c "$W/brink.conf" -t >"$W/check.out" 2>&1; then
			say "brinkd cannot run this configuration yet, skipped: $(head -n 3 "$W/check.out" | tr '\n' ' ')"
			continue
		fi ;;
	esac
	tools="$tools $t"
done

# Interleave the tools run by run, so that a burst of load from elsewhere
# on the machine spreads over all of them rather than one.
r=1
while [ $r -le "$RUNS" ]; do
	for t in $tools; do
		say "run $r/$RUNS: $t"
		"run_$t"
	done
	r=$((r + 1))
done

# The distinct values over all runs, e.g. "1000/1000".
last() { sort -u "$1" 2>/dev/null | tr '\n' ' ' | sed 's/ $//'; }
for t in $tools; do
	case $t in
	curl) record poll-cold "curl (floor) 16 at once" "$W/curl.cold" "200s: $(last "$W/curl.200")" ;;
	sfeed) record poll-cold "sfeed_update -j16" "$W/sfeed.cold"
	    record poll-warm "sfeed_update -j16" "$W/sfeed.warm" "304s: $(last "$W/sfeed.304") (no conditional GET)" ;;
	newsboat) record poll-cold "newsboat reload 16t" "$W/newsboat.cold"
	    record poll-warm "newsboat reload 16t" "$W/newsboat.warm" "304s: $(last "$W/newsboat.304")" ;;
	brink) record poll-cold "brinkd --once" "$W/brink.cold" "200s: $(last "$W/brink.200"), alerts: $(last "$W/brink.alerts")"
	    record poll-warm "brinkd --once" "$W/brink.warm" "304s: $(last "$W/brink.304")" ;;
	esac
done
