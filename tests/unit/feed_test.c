/*
 * feed_test.c: feed_parse on brink's own fixtures and on documents built
 * here: the formats, the text rules, broken and hostile XML.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "../check.h"
#include "date.h"
#include "feed.h"
#include "feed_value.h"
#include "hash.h"

static char err[512];

static char *
slurp(const char *name, size_t *len)
{
	const char *top = getenv("top_srcdir");
	char path[1024];
	FILE *fp;
	char *buf;
	long n;

	snprintf(path, sizeof(path), "%s/tests/fixtures/feeds/%s",
	    top != NULL ? top : ".", name);
	if ((fp = fopen(path, "rb")) == NULL) {
		printf("Bail out! cannot open %s\n", path);
		exit(99);
	}
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	buf = malloc(n + 1);
	if (buf == NULL || fread(buf, 1, n, fp) != (size_t)n) {
		printf("Bail out! cannot read %s\n", path);
		exit(99);
	}
	buf[n] = '\0';
	fclose(fp);
	*len = (size_t)n;
	return buf;
}

static struct feed *
parse_file(const char *name, const char *base)
{
	size_t len;
	char *buf = slurp(name, &len);
	struct feed *f = feed_parse(buf, len, base, NULL, err, sizeof(err));

	free(buf);
	return f;
}

static struct feed *
parse_str(const char *doc)
{
	return feed_parse(doc, strlen(doc), NULL, NULL, err, sizeof(err));
}

static const char *
rfc3339(time_t t)
{
	static char out[DATE_RFC3339_LEN + 1];

	if (date_format(t, out) == -1)
		return "bad";
	return out;
}

static void
test_rss2(void)
{
	struct feed *f = parse_file("rss2.xml", NULL);
	char hex[HASH_HEX_LEN + 3] = "h:";

	CHECK(f != NULL, "rss2.xml parses");
	if (f == NULL)
		return;
	CHECK_STR(err, "", "rss2.xml: no warning");
	CHECK_INT(f->kind, FEED_RSS, "rss2.xml is RSS");
	CHECK_STR(f->title, "Harbour Wire & Friends", "channel title");
	CHECK_STR(f->link, "https://news.example.org/world/", "channel link");
	CHECK_INT(f->n_items, 4, "four items");
	if (f->n_items != 4)
		goto out;
	CHECK_STR(f->items[0].id, "wire-2023-0001", "guid is the id");
	CHECK_STR(f->items[0].key, "wire-2023-0001", "the id is the key");
	CHECK_STR(f->items[0].link, "https://news.example.org/world/border-talks",
	    "a non-permalink guid does not replace the link");
	CHECK_INT(f->items[0].has_published, 1, "pubDate read");
	CHECK_STR(rfc3339(f->items[0].published), "2023-11-04T10:00:00Z",
	    "pubDate value");
	CHECK_INT(f->items[0].has_updated, 0, "no updated date");
	CHECK_STR(f->items[0].author, "Ada Quill", "dc:creator is the author");
	CHECK_INT(f->items[0].n_categories, 2, "two categories");
	if (f->items[0].n_categories == 2)
		CHECK_STR(f->items[0].categories[1], "Borders",
		    "categories in order");
	CHECK_STR(f->items[0].summary, "Two foreign ministers met on Saturday.",
	    "description's HTML becomes text");
	CHECK_STR(f->items[0].content,
	    "Two foreign ministers met on Saturday.\nThey agreed to talk again.",
	    "content:encoded kept as content, paragraphs on lines");

	CHECK_STR(f->items[1].title, "Storm warning lifted for the coast",
	    "CDATA title with markup becomes text");
	CHECK_STR(f->items[1].link, "https://news.example.org/world/storm-lifted",
	    "relative link resolved against the channel link");
	CHECK_STR(rfc3339(f->items[1].published), "2023-11-05T13:30:00Z",
	    "two-digit year and EST");
	CHECK_STR(f->items[1].key, f->items[1].link,
	    "without an id the link is the key");

	CHECK_STR(f->items[2].link, "https://news.example.org/world/ferry-resumes",
	    "a permalink guid stands in for the missing link");
	CHECK_STR(f->items[2].summary, "", "an empty description is \"\"");

	CHECK(f->items[3].id == NULL && f->items[3].link == NULL,
	    "last item has neither id nor link");
	hash_hex(hash_strings("No link, no guid",
	    "An item that only has words.", NULL), hex + 2);
	CHECK_STR(f->items[3].key, hex, "key is h: and the title+summary hash");
out:
	feed_free(f);
}

static void
test_atom(void)
{
	struct feed *f = parse_file("atom.xml", NULL);

	CHECK(f != NULL, "atom.xml parses");
	if (f == NULL)
		return;
	CHECK_INT(f->kind, FEED_ATOM, "atom.xml is Atom");
	CHECK_STR(f->link, "https://blog.example.net/",
	    "feed link is the alternate one, not self");
	CHECK_INT(f->n_items, 2, "two entries");
	if (f->n_items != 2)
		goto out;
	CHECK_STR(f->items[0].title, "Council postpones the vote",
	    "type=html title becomes text");
	CHECK_STR(f->items[0].link, "https://blog.example.net/posts/12",
	    "alternate link beats edit, resolved against xml:base");
	CHECK_STR(f->items[0].id, "urn:example:post:12", "atom:id");
	CHECK_STR(rfc3339(f->items[0].published), "2023-11-04T08:15:00Z",
	    "published with an offset");
	CHECK_STR(rfc3339(f->items[0].updated), "2023-11-04T11:00:00Z",
	    "updated");
	CHECK_STR(f->items[0].author, "Bo Lindqvist (bo@example.net)",
	    "author is name (email)");
	CHECK_INT(f->items[0].n_categories, 2, "category terms");
	CHECK_STR(f->items[0].summary, "The vote moves to <next week>.",
	    "type=text summary taken literally");
	CHECK_STR(f->items[0].content,
	    "The council postponed the vote.\nResidents asked for time.",
	    "xhtml content becomes text, paragraphs on lines");
	CHECK_STR(f->items[1].link,
	    "https://other.example.com/archive/2023/library",
	    "entry xml:base wins over the feed's");
	CHECK_STR(f->items[1].summary, "Opening hours change & extend.",
	    "summary falls back to the content");
	CHECK_STR(rfc3339(f->items[1].updated), "2023-11-03T00:00:00Z",
	    "W3C-DTF date only");
out:
	feed_free(f);
}

static void
test_rdf(void)
{
	struct feed *f = parse_file("rdf.xml", NULL);

	CHECK(f != NULL, "rdf.xml parses");
	if (f == NULL)
		return;
	CHECK_INT(f->kind, FEED_RDF, "rdf.xml is RSS 1.0");
	CHECK_STR(f->title, "Caf\xc3\xa9 Bulletin",
	    "ISO-8859-1 from the prolog decoded to UTF-8");
	CHECK_INT(f->n_items, 1, "one item");
	if (f->n_items == 1) {
		CHECK_STR(f->items[0].id, "http://rdf.example.org/items/7",
		    "rdf:about is the id");
		CHECK_STR(rfc3339(f->items[0].updated), "2023-11-02T23:45:00Z",
		    "dc:date is the updated date");
		CHECK_INT(f->items[0].n_categories, 1, "dc:subject category");
	}
	feed_free(f);
}

static void
test_text_rules(void)
{
	struct feed *f;

	f = parse_str("\xef\xbb\xbf<?xml version=\"1.0\"?><rss><channel><item>"
	    "<title>AT&amp;T &lt;b&gt;wins&lt;/b&gt;</title>"
	    "<summary>x &lt; y</summary></item></channel></rss>");
	CHECK(f != NULL && f->n_items == 1, "a BOM is accepted");
	if (f != NULL && f->n_items == 1) {
		CHECK_STR(f->items[0].title, "AT&T wins",
		    "RSS title that holds HTML is stripped");
		CHECK_STR(f->items[0].summary, "x < y",
		    "RSS text that is not HTML is kept literally");
	}
	feed_free(f);

	f = parse_str("<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\">"
	    "<entry><title mode=\"base64\">SGVsbG8gPGI+eDwvYj4=</title>"
	    "<issued>2004-01-01T19:48:21Z</issued>"
	    "<link rel=\"alternate\" type=\"text/html\" href=\"http://a.example/1\"/>"
	    "</entry></feed>");
	CHECK(f != NULL && f->n_items == 1, "Atom 0.3 parses");
	if (f != NULL && f->n_items == 1) {
		CHECK_STR(f->items[0].title, "Hello <b>x</b>",
		    "Atom 0.3 base64 title, text/plain by default");
		CHECK_STR(rfc3339(f->items[0].published),
		    "2004-01-01T19:48:21Z", "Atom 0.3 issued is published");
		CHECK_STR(f->items[0].link, "http://a.example/1", "0.3 link");
	}
	feed_free(f);

	f = parse_str("<rss><channel><item><guid>tag:x,2023:1</guid>"
	    "<description><p>naked <b>markup</b></p></description>"
	    "<category>a</category><category> a </category>"
	    "<media:keywords xmlns:media=\"http://search.yahoo.com/mrss/\">"
	    "b, c,,a</media:keywords></item></channel></rss>");
	CHECK(f != NULL && f->n_items == 1, "naked markup parses");
	if (f != NULL && f->n_items == 1) {
		CHECK_STR(f->items[0].summary, "naked markup",
		    "markup written into description becomes text");
		CHECK_STR(f->items[0].link, "tag:x,2023:1",
		    "a guid without isPermaLink is the link");
		CHECK_INT(f->items[0].n_categories, 3,
		    "categories trimmed, split at commas, deduplicated");
	}
	feed_free(f);

	f = parse_str("<rss xmlns:content=\"http://purl.org/rss/1.0/modules/"
	    "content/\"><channel><item><content:encoded>&lt;p&gt;One.&lt;/p&gt;"
	    "&lt;p&gt;Two.&lt;/p&gt;</content:encoded></item></channel></rss>");
	CHECK(f != NULL && f->n_items == 1, "content-only item parses");
	if (f != NULL && f->n_items == 1) {
		CHECK_STR(f->items[0].content, "One.\nTwo.",
		    "content keeps paragraphs on lines");
		CHECK_STR(f->items[0].summary, "One. Two.",
		    "a summary taken from content is one line");
	}
	feed_free(f);

	CHECK(value_looks_like_html("a <b>b</b>"), "closing tag looks like HTML");
	CHECK(value_looks_like_html("AT&amp;T"), "entity looks like HTML");
	CHECK(!value_looks_like_html("a < b > c"), "comparison is not HTML");
	CHECK(!value_looks_like_html("<foo>x</foo>"), "unknown tag is not HTML");
	CHECK(!value_looks_like_html("&bogus;"), "unknown entity is not HTML");
}

static void
test_broken(void)
{
	struct feed *f;
	struct feed_limits lim = { 2, 0, 0, 0 };
	const char *long_title = "<rss><channel><item><title>"
	    "0123456789abcdef</title></item></channel></rss>";
	const char *deep = "<rss><channel><item><title>a</title></item>"
	    "<item><a><b><c>deep</c></b></a></item></channel></rss>";
	const char *three = "<rss><channel><item><title>1</title></item>"
	    "<item><title>2</title></item><item><title>3</title></item>"
	    "</channel></rss>";

	f = parse_str("<rss><channel><item><title>kept</title></item>"
	    "<item><title>ok & then <broken</title></item></channel></rss>");
	CHECK(f != NULL, "ill-formed feed is recovered");
	if (f != NULL) {
		CHECK(f->n_items >= 1, "items before the damage kept");
		CHECK_STR(f->items[0].title, "kept", "first item intact");
		CHECK(f->recovered, "marked as recovered");
		CHECK(err[0] != '\0', "with a warning");
	}
	feed_free(f);

	/* A NUL byte: libxml2 stops at it even when recovering, which lost
	 * the whole feed; the bytes go, the items stay, the warning says
	 * what and where. */
	{
		static const char nul[] = "<?xml version=\"1.0\"?>\n"
		    "<rss version=\"2.0\"><channel><title>T</title>\n"
		    "<item><title>One</title><guid>1</guid></item>\n"
		    "<item><title>Tw\0o</title><guid>2</guid></item>\n"
		    "<item><title>Three\0\0</title><guid>3</guid></item>\n"
		    "</channel></rss>\n";

		f = feed_parse(nul, sizeof(nul) - 1, NULL, NULL, err,
		    sizeof(err));
		CHECK(f != NULL && f->n_items == 3,
		    "NUL bytes: every item kept");
		if (f != NULL && f->n_items == 3) {
			CHECK_STR(f->items[1].title, "Two",
			    "NUL bytes: dropped from the text");
			CHECK_STR(f->items[2].title, "Three",
			    "NUL bytes: the item after them intact");
		}
		CHECK_STR(err, "ill-formed XML, read in recovery mode (line "
		    "4: 3 NUL bytes, which XML does not allow, dropped)",
		    "NUL bytes: the warning says what and where");
		feed_free(f);
	}

	/* After the first error libxml2 drops entity references; the
	 * recovery pass must not lose the escaped HTML of later items. */
	f = parse_str("<rss><channel><item><title>Fish & chips</title></item>"
	    "<item><title>caf&eacute; &#X41;&bogus;</title><description>"
	    "&lt;p&gt;Later &amp;amp; &lt;b&gt;bold&lt;/b&gt;&lt;/p&gt;"
	    "<![CDATA[ <i>x & y</i>]]></description></item></channel></rss>");
	CHECK(f != NULL && f->n_items == 2, "bare & and HTML entities recovered");
	if (f != NULL && f->n_items == 2) {
		CHECK_STR(f->items[0].title, "Fish & chips", "bare & kept as &");
		CHECK_STR(f->items[1].title, "caf\xc3\xa9 A&bogus;",
		    "HTML entity decoded, &#X41; read, unknown kept as written");
		CHECK_STR(f->items[1].summary, "Later & bold x & y",
		    "escaped HTML after the damage still becomes text");
	}
	feed_free(f);

	f = parse_str("<?xml version=\"1.0\" encoding=\"x-no-such\"?><rss>"
	    "<channel><item><title>caf\xe9 cr\xc3\xa8me</title></item>"
	    "</channel></rss>");
	CHECK(f != NULL && f->n_items == 1,
	    "an unknown declared encoding is read as UTF-8");
	if (f != NULL && f->n_items == 1)
		CHECK_STR(f->items[0].title, "caf\xc3\xa9 cr\xc3\xa8me",
		    "with stray bytes as Windows-1252");
	feed_free(f);

	f = parse_str("<html><body>not a feed</body></html>");
	CHECK(f == NULL, "HTML page is not a feed");
	CHECK(strstr(err, "not a feed") != NULL && strstr(err, "<html>"),
	    "the error names the root element");

	f = parse_str("just some words");
	CHECK(f == NULL, "text that is not XML is refused");
	CHECK(strstr(err, "not a feed") != NULL, "reason given");

	f = feed_parse("", 0, NULL, NULL, err, sizeof(err));
	CHECK(f == NULL && strstr(err, "empty") != NULL,
	    "empty document refused as empty");

	f = feed_parse(three, strlen(three), NULL, &lim, err, sizeof(err));
	CHECK(f != NULL && f->n_items == 2, "max_items keeps the first two");
	CHECK(strstr(err, "more than 2 items") != NULL, "and says so");
	feed_free(f);

	lim.max_items = 0;
	lim.max_depth = 4;
	f = feed_parse(deep, strlen(deep), NULL, &lim, err, sizeof(err));
	CHECK(f != NULL && f->n_items == 1, "max_depth: items before kept");
	CHECK(strstr(err, "deeper than 4") != NULL, "max_depth: and says so");
	feed_free(f);
	lim.max_depth = 0;
	lim.max_text = 8;
	f = feed_parse(long_title, strlen(long_title), NULL, &lim, err,
	    sizeof(err));
	CHECK(f != NULL && f->n_items == 1 &&
	    strlen(f->items[0].title) <= 8, "max_text cuts a long field");
	feed_free(f);
}

/* The hostile documents of issue 2: each refused or bounded. */
static void
test_hostile(void)
{
	char path[] = "/tmp/brink-xxe-XXXXXX";
	char doc[1024], *big;
	struct feed *f;
	size_t i, n;
	int fd;

	/* XXE: an external entity naming a local file. */
	if ((fd = mkstemp(path)) == -1) {
		printf("Bail out! mkstemp\n");
		exit(99);
	}
	if (write(fd, "SECRET-CONTENT", 14) != 14)
		exit(99);
	close(fd);
	snprintf(doc, sizeof(doc), "<?xml version=\"1.0\"?>\n"
	    "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file://%s\">]>\n"
	    "<rss><channel><item><title>a&xxe;b</title>"
	    "<description>&xxe;</description></item></channel></rss>", path);
	f = parse_str(doc);
	CHECK(f == NULL || f->n_items == 0 ||
	    (strstr(f->items[0].title, "SECRET") == NULL &&
	    strstr(f->items[0].summary, "SECRET") == NULL),
	    "XXE: the file's content does not appear");
	feed_free(f);
	unlink(path);

	/* Billion laughs. */
	f = parse_str("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n"
	    "<!ENTITY a \"aaaaaaaaaa\">\n"
	    "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
	    "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
	    "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
	    "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
	    "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n"
	    "<!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">\n"
	    "<!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">\n"
	    "<!ENTITY i \"&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;\">\n"
	    "]>\n<rss><channel><item><title>&i;</title></item>"
	    "</channel></rss>");
	CHECK(f == NULL || f->n_items == 0 ||
	    strlen(f->items[0].title) <= 1024 * 1024,
	    "billion laughs: refused or bounded");
	feed_free(f);

	/* 100,000 nested elements. */
	n = 100000;
	big = malloc(n * 3 + 64);
	strcpy(big, "<rss><channel><item>");
	for (i = 0; i < n; i++)
		memcpy(big + 20 + i * 3, "<a>", 3);
	big[20 + n * 3] = '\0';
	f = feed_parse(big, strlen(big), NULL, NULL, err, sizeof(err));
	CHECK(f == NULL, "100,000-deep nesting refused");
	CHECK(err[0] != '\0', "with a reason");
	feed_free(f);
	free(big);

	/* A 50 MB text node. */
	n = 50 * 1024 * 1024;
	big = malloc(n + 128);
	strcpy(big, "<rss><channel><item><title>");
	memset(big + 27, 'x', n);
	strcpy(big + 27 + n, "</title></item></channel></rss>");
	f = feed_parse(big, strlen(big), NULL, NULL, err, sizeof(err));
	CHECK(f == NULL || f->n_items == 0 ||
	    strlen(f->items[0].title) <= 1024 * 1024,
	    "50 MB text node refused or cut to max_text");
	feed_free(f);
	free(big);
}

struct seen {
	size_t	n;
	int	in_order;
	int	keyed;
};

static void
count_item(const struct feed_item *it, void *arg)
{
	struct seen *seen = arg;
	char want[32];

	snprintf(want, sizeof(want), "Item %zu", seen->n);
	if (strcmp(it->title, want) != 0)
		seen->in_order = 0;
	if (it->key == NULL || it->link == NULL ||
	    strncmp(it->link, "https://s.example/a/", 20) != 0)
		seen->keyed = 0;
	seen->n++;
}

/* feed_parse_fd: a small document (read whole, recovery possible) and
 * one past the recovery size, streamed item by item. */
static void
test_fd(void)
{
	char path[] = "/tmp/brink-feed-fd-XXXXXX";
	struct seen seen;
	struct feed *f;
	FILE *fp;
	size_t i, n;
	int fd;

	for (n = 3; n <= 60000; n += 60000 - 3) {
		strcpy(path, "/tmp/brink-feed-fd-XXXXXX");
		if ((fd = mkstemp(path)) == -1 ||
		    (fp = fdopen(fd, "w+")) == NULL) {
			printf("Bail out! temporary file\n");
			exit(99);
		}
		fprintf(fp, "<rss><channel><link>https://s.example/</link>\n");
		for (i = 0; i < n; i++)
			fprintf(fp, "<item><title>Item %zu</title><link>a/%zu"
			    "</link><description>Some words about item %zu "
			    "so that the feed grows.</description></item>\n",
			    i, i, i);
		fprintf(fp, "</channel></rss>\n");
		fflush(fp);
		rewind(fp);
		memset(&seen, 0, sizeof(seen));
		seen.in_order = seen.keyed = 1;
		f = feed_parse_fd(fileno(fp), NULL,
		    &(struct feed_limits){ (size_t)-1, 0, 0, 0 }, count_item,
		    &seen, err, sizeof(err));
		CHECK(f != NULL, n == 3 ? "fd: a small feed parses" :
		    "fd: a feed larger than the recovery size streams");
		CHECK_INT(seen.n, n, "fd: every item handed over");
		CHECK(seen.in_order, "fd: in document order");
		CHECK(seen.keyed, "fd: links resolved and keys set");
		CHECK(f == NULL || f->n_items == 0, "fd: the feed keeps none");
		CHECK_STR(f != NULL ? f->link : NULL, "https://s.example/",
		    "fd: the channel link is kept");
		feed_free(f);
		fclose(fp);
		unlink(path);
	}

	/* Recovery through a descriptor. */
	strcpy(path, "/tmp/brink-feed-fd-XXXXXX");
	if ((fd = mkstemp(path)) == -1 || (fp = fdopen(fd, "w+")) == NULL)
		exit(99);
	fputs("<rss><channel><item><title>Item 0</title><link>"
	    "https://s.example/a/0</link></item><item><title>Item 1 &amp "
	    "&nbsp; broken</title><link>https://s.example/a/1</link></item>"
	    "</channel></rss>", fp);
	fflush(fp);
	rewind(fp);
	memset(&seen, 0, sizeof(seen));
	seen.in_order = seen.keyed = 1;
	f = feed_parse_fd(fileno(fp), NULL, NULL, count_item, &seen, err,
	    sizeof(err));
	CHECK(f != NULL && f->recovered, "fd: an ill-formed feed is recovered");
	CHECK_INT(seen.n, 2, "fd: both items, also the one after the damage");
	CHECK(strstr(err, "recovery") != NULL, "fd: with a warning");
	feed_free(f);
	fclose(fp);
	unlink(path);

	/* An undeclared entity, a stray Latin-1 byte, a C1 quote. */
	f = parse_str("<rss><channel><item><title>caf\xe9 &nbsp; don\xc2\x92t"
	    "</title></item></channel></rss>");
	CHECK(f != NULL && f->n_items == 1, "bad UTF-8 and &nbsp; recovered");
	if (f != NULL && f->n_items == 1)
		CHECK_STR(f->items[0].title,
		    "caf\xc3\xa9 don\xe2\x80\x99t",
		    "stray byte read as Windows-1252, C1 quote mapped");
	feed_free(f);

	/* The first error (a bare "&") stops the stream long before a
	 * stray byte further on; the byte is still repaired before the
	 * recovery pass, where libxml2 would otherwise drop the escaped
	 * markup that follows it. */
	{
		char doc[4096];
		char pad[2049];

		memset(pad, 'x', sizeof(pad) - 1);
		pad[sizeof(pad) - 1] = '\0';
		snprintf(doc, sizeof(doc), "<rss><channel><item><title>Salt & "
		    "vinegar</title></item><item><title>Padding</title>"
		    "<description>%s</description></item><item><title>"
		    "don\x92t wait</title><description>&lt;p&gt;caf\xc3\xa9 "
		    "&lt;b&gt;cr\xc3\xa8me&lt;/b&gt;&lt;/p&gt;</description>"
		    "</item></channel></rss>", pad);
		f = parse_str(doc);
		CHECK(f != NULL && f->n_items == 3,
		    "a bad byte far past the first error: every item");
		if (f != NULL && f->n_items == 3) {
			CHECK_STR(f->items[2].title, "don\xe2\x80\x99t wait",
			    "the bad byte read as Windows-1252");
			CHECK_STR(f->items[2].summary,
			    "caf\xc3\xa9 cr\xc3\xa8me",
			    "the escaped HTML after it still becomes text");
		}
		feed_free(f);
	}
}

/* skip_content: no content, and the same summaries as without it. */
static void
test_skip_content(void)
{
	const struct feed_limits skip = { 0, 0, 0, 1 };
	const char *doc = "<rss><channel>"
	    "<item><title>a</title><description>&lt;p&gt;Own words"
	    "&lt;/p&gt;</description><content:encoded xmlns:content="
	    "\"http://purl.org/rss/1.0/modules/content/\">&lt;p&gt;Body"
	    "&lt;/p&gt;</content:encoded></item>"
	    "<item><title>b</title><content:encoded xmlns:content="
	    "\"http://purl.org/rss/1.0/modules/content/\">&lt;p&gt;&lt;/p"
	    "&gt;</content:encoded><content:encoded xmlns:content="
	    "\"http://purl.org/rss/1.0/modules/content/\">&lt;p&gt;First"
	    "&lt;/p&gt;&lt;p&gt;Second&lt;/p&gt;</content:encoded></item>"
	    "<item><title>c</title><content:encoded xmlns:content="
	    "\"http://purl.org/rss/1.0/modules/content/\"> </content:encoded>"
	    "</item></channel></rss>";
	struct feed *with, *without;
	size_t i;

	with = feed_parse(doc, strlen(doc), NULL, NULL, err, sizeof(err));
	without = feed_parse(doc, strlen(doc), NULL, &skip, err, sizeof(err));
	CHECK(with != NULL && without != NULL && with->n_items == 3 &&
	    without->n_items == 3, "skip_content: the same items");
	if (with == NULL || without == NULL || with->n_items != 3 ||
	    without->n_items != 3)
		goto out;
	CHECK_STR(with->items[1].content, "First\nSecond",
	    "the first content with text is the content");
	for (i = 0; i < 3; i++) {
		CHECK(without->items[i].content == NULL,
		    "skip_content: no content");
		CHECK_STR(without->items[i].summary, with->items[i].summary,
		    "skip_content: the same summary");
	}
	CHECK_STR(without->items[0].summary, "Own words",
	    "skip_content: a description is the summary");
	CHECK_STR(without->items[1].summary, "First Second",
	    "skip_content: else the first content with text, on one line");
	CHECK_STR(without->items[2].summary, "",
	    "skip_content: else nothing");
out:
	feed_free(with);
	feed_free(without);
}

int
main(void)
{
	test_rss2();
	test_atom();
	test_rdf();
	test_text_rules();
	test_broken();
	test_hostile();
	test_fd();
	test_skip_content();
	xmlCleanupParser();
	return check_done();
}
