#!/bin/sh
# parse.sh: brinkd --parse end to end, as a user runs it: JSON lines on
# stdout, one line on stderr for a document that is not a feed, a warning
# for a recovered one, and hostile documents refused quickly and safely.
. "$top_srcdir/tests/lib.sh"

FEEDS="$FIXTURES/feeds"
[ -x "$BRINKD" ] || hard_error "no brinkd at $BRINKD"

# run NAME ARGS...: brinkd with a time limit that catches a hang, not a
# loaded machine (ten minutes, for the 50 MB inputs); sets $rc and
# leaves stdout and stderr in $T/NAME.out and $T/NAME.err.
run() {
	name=$1; shift
	rc=0
	timeout 600 "$BRINKD" "$@" >"$T/$name.out" 2>"$T/$name.err" || rc=$?
}

lines() { wc -l < "$1" | tr -d ' '; }

# No sanitizer report, no signal, no timeout.
clean_exit() {
	[ "$rc" -lt 124 ] && ! grep -q -e 'Sanitizer' -e 'runtime error' "$T/$1.err"
}

# --- a good RSS feed -------------------------------------------------
run rss --parse "$FEEDS/rss2.xml"
check "rss2.xml: exit 0" [ "$rc" -eq 0 ]
check "rss2.xml: four JSON lines" [ "$(lines "$T/rss.out")" -eq 4 ]
check "rss2.xml: nothing on stderr" [ ! -s "$T/rss.err" ]
check "rss2.xml: keys in the documented order, values as written" \
    "$PYTHON3" - "$T/rss.out" <<'PY'
import json, sys
items = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
keys = ["id", "title", "link", "published", "updated", "author",
        "summary", "categories"]
assert all(list(i.keys()) == keys for i in items), [list(i) for i in items]
first = items[0]
assert first["id"] == "wire-2023-0001", first
assert first["title"] == "Ministers meet at the border crossing", first
assert first["link"] == "https://news.example.org/world/border-talks", first
assert first["published"] == "2023-11-04T10:00:00Z", first
assert first["updated"] is None, first
assert first["author"] == "Ada Quill", first
assert first["summary"] == "Two foreign ministers met on Saturday.", first
assert first["categories"] == ["Diplomacy", "Borders"], first
assert items[1]["link"] == "https://news.example.org/world/storm-lifted"
assert items[1]["published"] == "2023-11-05T13:30:00Z"
PY

run stdin --parse - < "$FEEDS/atom.xml"
check "stdin (-): exit 0" [ "$rc" -eq 0 ]
check "stdin (-): two Atom entries" [ "$(lines "$T/stdin.out")" -eq 2 ]
check "Atom: alternate link resolved against xml:base" \
    grep -q '"link": "https://blog.example.net/posts/12"' "$T/stdin.out"
check "Atom: author as name (email)" \
    grep -q '"author": "Bo Lindqvist (bo@example.net)"' "$T/stdin.out"

run rdf --parse "$FEEDS/rdf.xml"
check "RSS 1.0 in ISO-8859-1: exit 0 and UTF-8 out" \
    sh -c "[ $rc -eq 0 ] && grep -q 'Café reopens' '$T/rdf.out'"

# --- documents that are not feeds -------------------------------------
not_a_feed() {
	name=$1; file=$2
	run "$name" --parse "$file"
	check "$name: exit 1" [ "$rc" -eq 1 ]
	check "$name: nothing on stdout" [ ! -s "$T/$name.out" ]
	check "$name: exactly one line on stderr" \
	    [ "$(lines "$T/$name.err")" -eq 1 ]
	check "$name: the line names the file" \
	    grep -qF "$file" "$T/$name.err"
}

printf '<html><body><p>Hello</p></body></html>\n' > "$T/page.html"
not_a_feed html "$T/page.html"
check "html: the reason names the root element" \
    grep -q 'not a feed.*<html>' "$T/html.err"
: > "$T/empty.xml"
not_a_feed empty "$T/empty.xml"
printf 'This is plain text, not XML at all.\n' > "$T/words.txt"
not_a_feed not-xml "$T/words.txt"
printf '\0\1\2\377\376binary' > "$T/binary.bin"
not_a_feed binary "$T/binary.bin"
not_a_feed missing "$T/no-such-file.xml"
check "missing: says it cannot open it" grep -q 'cannot open' "$T/missing.err"

# --- a broken feed is recovered, with a warning ------------------------
cat > "$T/broken.xml" <<'XML'
<rss version="2.0"><channel><title>Broken</title>
<item><title>Before the damage</title><link>http://x.example/1</link></item>
<item><title>Fish & chips <b>unclosed</title><link>http://x.example/2</link></item>
</channel></rss>
XML
run broken --parse "$T/broken.xml"
check "broken: exit 0" [ "$rc" -eq 0 ]
check "broken: the item before the damage is printed" \
    grep -q '"title": "Before the damage"' "$T/broken.out"
check "broken: one warning line naming the file" \
    sh -c "[ \$(wc -l < '$T/broken.err') -eq 1 ] &&
        grep -q 'warning: $T/broken.xml: ill-formed' '$T/broken.err'"

# --- hostile documents: refused or bounded, quickly, no crash ----------
printf 'SECRET-%s-CONTENT\n' "$$" > "$T/secret.txt"
cat > "$T/xxe.xml" <<XML
<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://$T/secret.txt">]>
<rss version="2.0"><channel><item><title>before &xxe; after</title>
<description>&xxe;</description></item></channel></rss>
XML
run xxe --parse "$T/xxe.xml"
check "XXE: no crash" clean_exit xxe
check "XXE: the local file's content does not appear" \
    sh -c "! grep -q 'SECRET-' '$T/xxe.out' '$T/xxe.err'"

{
	echo '<?xml version="1.0"?>'
	echo '<!DOCTYPE rss ['
	echo '<!ENTITY l0 "ha">'
	i=1
	while [ $i -le 12 ]; do
		p=$((i - 1))
		echo "<!ENTITY l$i \"&l$p;&l$p;&l$p;&l$p;&l$p;&l$p;&l$p;&l$p;&l$p;&l$p;\">"
		i=$((i + 1))
	done
	echo ']>'
	echo '<rss><channel><item><title>&l12;</title></item></channel></rss>'
} > "$T/laughs.xml"
run laughs --parse "$T/laughs.xml"
check "billion laughs: no crash" clean_exit laughs
check "billion laughs: output stays small" \
    [ "$(wc -c < "$T/laughs.out")" -lt 2000000 ]
check "billion laughs: refused with one line" \
    sh -c "[ $rc -eq 1 ] && [ \$(wc -l < '$T/laughs.err') -eq 1 ]"

"$PYTHON3" -c 'import sys
sys.stdout.write("<rss><channel><item>" + "<x>" * 100000)' > "$T/deep.xml"
run deep --parse "$T/deep.xml"
check "100,000-deep nesting: no crash" clean_exit deep
check "100,000-deep nesting: refused" [ "$rc" -eq 1 ]
check "100,000-deep nesting: the reason is the depth" \
    grep -qi 'depth\|deeper' "$T/deep.err"

"$PYTHON3" -c 'import sys
sys.stdout.write("<rss><channel><item><title>ok</title></item><item><title>")
sys.stdout.write("x" * (50 << 20))
sys.stdout.write("</title></item></channel></rss>")' > "$T/huge.xml"
run huge --parse "$T/huge.xml"
check "50 MB text node: no crash" clean_exit huge
check "50 MB text node: the item before it is kept" \
    grep -q '"title": "ok"' "$T/huge.out"
check "50 MB text node: the huge field is not printed whole" \
    [ "$(wc -c < "$T/huge.out")" -lt 2000000 ]
check "50 MB text node: a warning says why" [ -s "$T/huge.err" ]

# An ill-formed document made of tiny elements: the recovery pass (a
# tree) stops at its element budget instead of growing without bound.
"$PYTHON3" -c 'import sys
sys.stdout.write("<rss><channel><title>a &nbsp; b</title>")
sys.stdout.write("<item><x/><x/><x/><x/><x/></item>" * 100000)
sys.stdout.write("</channel></rss>")' > "$T/swarm.xml"
run swarm --parse "$T/swarm.xml"
check "element swarm: no crash" clean_exit swarm
check "element swarm: recovery stops at its budget, with a warning" \
    grep -q 'stopped early (more than [0-9]* elements' "$T/swarm.err"

# --- a large feed streams through, every item printed ------------------
"$PYTHON3" - "$T/large.xml" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write('<rss version="2.0"><channel><link>https://l.example/</link>\n')
    for i in range(20000):
        f.write("<item><title>Item %d</title><link>/a/%d</link>"
                "<description>&lt;p&gt;Body of item %d&lt;/p&gt;"
                "</description></item>\n" % (i, i, i))
    f.write("</channel></rss>\n")
PY
run large --parse "$T/large.xml"
check "20,000 items: exit 0" [ "$rc" -eq 0 ]
check "20,000 items: all printed, none dropped" \
    [ "$(lines "$T/large.out")" -eq 20000 ]
check "20,000 items: the last one resolved against the channel link" \
    grep -q '"link": "https://l.example/a/19999"' "$T/large.out"

# --- the seed articles, as a publisher would wrap them -----------------
# Each of ../shared/corpus/seeds becomes an item: paragraphs as escaped
# HTML in description, CDATA HTML in content:encoded; the summary must be
# the article's words exactly, in order, with nothing lost or added.
seeds="$BRINK_SHARED/corpus/seeds"
if [ -d "$seeds" ]; then
	"$PYTHON3" - "$seeds" "$T/seeds.xml" "$T/seeds.want" <<'PY'
import html, json, os, re, sys
seeds, feed, want = sys.argv[1:4]
items, expected = [], []
for name in sorted(os.listdir(seeds)):
    text = open(os.path.join(seeds, name), encoding="utf-8").read()
    paras = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    body = "".join("<p>%s</p>\n" % html.escape(p) for p in paras)
    items.append("<item><title>%s</title><guid>seed:%s</guid>"
                 "<description>%s</description>"
                 "<content:encoded><![CDATA[%s]]></content:encoded></item>"
                 % (html.escape(paras[0]), name, html.escape(body),
                    body.replace("]]>", "]]&gt;")))
    expected.append({"id": "seed:" + name,
                     "summary": " ".join(" ".join(paras).split())})
with open(feed, "w", encoding="utf-8") as f:
    f.write('<rss version="2.0" xmlns:content='
            '"http://purl.org/rss/1.0/modules/content/"><channel>\n')
    f.write("\n".join(items))
    f.write("\n</channel></rss>\n")
json.dump(expected, open(want, "w"))
PY
	run seeds --parse "$T/seeds.xml"
	check "seed articles: exit 0" [ "$rc" -eq 0 ]
	check "seed articles: every word of every article, in order" \
	    "$PYTHON3" - "$T/seeds.out" "$T/seeds.want" <<'PY'
import json, sys
got = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
want = json.load(open(sys.argv[2]))
assert len(got) == len(want), (len(got), len(want))
for g, w in zip(got, want):
    assert g["id"] == w["id"], (g["id"], w["id"])
    # Words, not spacing: brink keeps thin and no-break spaces as they
    # are, Python's split() breaks at them too.
    assert g["summary"].split() == w["summary"].split(), (g["id"],
        g["summary"][:200], w["summary"][:200])
PY
else
	echo "# no seed articles at $seeds: that part skipped"
fi

finish
