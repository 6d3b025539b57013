/*
 * html_test.c: HTML fragments and pages -> the text a reader sees, and
 * html.c's own reader of simple HTML held to libxml2's results.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "../check.h"
/* The statics too: html_simple() against html_parse(). */
#include "../../src/html.c"
#include "../../src/html_simple.c"
#include "../../src/html_out.c"

static char result[4096];
static int simple_used, differ;

/* The text of html by each reader; 1 if they agree or the simple one
 * declined, 0 (and the difference on stderr) if not. */
static int
same_text(const char *html, size_t len, int flags)
{
	struct out fast, slow;
	int ok = 1;

	memset(&fast, 0, sizeof(fast));
	memset(&slow, 0, sizeof(slow));
	fast.keep_blocks = slow.keep_blocks = (flags & HTML_KEEP_BLOCKS) != 0;
	if (html_out_reserve(&fast, 0) == -1 || html_out_reserve(&slow, 0) == -1)
		return 0;
	fast.buf[0] = slow.buf[0] = '\0';
	if (html_simple(&fast, html, len) == 0) {
		simple_used++;
		if (html_parse(&slow, html, len) == -1 ||
		    strcmp(fast.buf, slow.buf) != 0) {
			fprintf(stderr, "# differ on \"%.*s\"\n#   simple "
			    "\"%s\"\n#   libxml2 \"%s\"\n", (int)len, html,
			    fast.buf, slow.buf);
			differ++;
			ok = 0;
		}
	}
	free(fast.buf);
	free(slow.buf);
	return ok;
}

/* Fragments built from the pieces simple HTML is made of, and some it
 * is not, in random order: the two readers must agree on every one the
 * simple reader takes. */
static const char *const pieces[] = {
	"<p>", "</p>", "<b>", "</b>", "<i>", "</i>", "<em>", "</em>",
	"<strong>", "</strong>", "<a href=\"https://x.example/?a=1&amp;b\">",
	"</a>", "<span class='s'>", "</span>", "<br>", "<br/>", "<br />",
	"<img src=\"i.png\" alt=\"a > b\"/>", "<div>", "</div>", "<ul>",
	"</ul>", "<ol>", "</ol>", "<li>", "</li>", "<h2>", "</h2>",
	"<blockquote>", "</blockquote>", "<u>", "</u>", "<small>",
	"</small>", "<code>", "</code>", "<P>", "</P >", "<A HREF=x>",
	"Word", "two words", " ", "\n", "\t", "\r\n", "&amp;", "&lt;",
	"&nbsp;", "&eacute;", "&#233;", "&#xE9;", "&#X2019;", "&#10;",
	"&#0;", "&#1;", "&#x110000;", "&nosuch;", "&amp", "& ", "&",
	"&#;", "a < b", "<", ">", "\xc3\xa9", "\xc2\xa0", "\xe2\x80\x99",
	"\xf0\x9f\x98\x80", "\xef\xbf\xbe", "\xc3", "\x01", "\x0c",
	"<!-- c -->", "<script>x</script>", "<title>t</title>", "<hr>",
	"<table>", "<td>", "</br>", "<p/>", "<b/>", "<li/>", "< p>",
	"<p x=\"1\" y>", "<p\tclass=\"c\"\n>", "\xef\xbb\xbf", NULL
};

static unsigned long rng_state = 12345;

static size_t
rng(size_t n)
{
	rng_state = rng_state * 6364136223846793005UL + 1442695040888963407UL;
	return (size_t)(rng_state >> 33) % n;
}

static void
check_against_libxml2(void)
{
	static const char *const fixed[] = {
		"<p>One.</p><p>Two.</p>", "text<p>para", "text</p>after",
		"<b>x<p>y</p>z", "<ul><li>a<li>b</ul>", "<p>a<div>b</div>c",
		"<h1>t<p>x</h1>", "a<br>b", "<a>1<a>2</a>3", "x &amp; y",
		"&amp; first", "  <p> lead </p>  ", "<p>\xc2\xa0</p>x",
		"<i>a</i><i>b</i>", "<ol><li>1</li></ol><ul><li>2</li></ul>",
		"<p>a</p> b <p>c</p>", "a < b and c > d", NULL
	};
	char buf[512];
	size_t n_pieces, i, k, len;
	const char *const *f;
	int all = 1;

	for (f = fixed; *f != NULL; f++) {
		all &= same_text(*f, strlen(*f), 0);
		all &= same_text(*f, strlen(*f), HTML_KEEP_BLOCKS);
	}
	for (n_pieces = 0; pieces[n_pieces] != NULL; n_pieces++)
		;
	for (i = 0; i < 20000; i++) {
		size_t count = 1 + rng(12);

		len = 0;
		for (k = 0; k < count; k++) {
			const char *p = pieces[rng(n_pieces)];
			size_t plen = strlen(p);

			if (len + plen >= sizeof(buf))
				break;
			memcpy(buf + len, p, plen);
			len += plen;
		}
		all &= same_text(buf, len, i % 2 ? HTML_KEEP_BLOCKS : 0);
	}
	CHECK(all && differ == 0, "the simple reader gives libxml2's text "
	    "on every fragment it takes");
	/* It must take a good share, or the test above proves nothing
	 * and feeds get no faster. */
	CHECK(simple_used > 2000, "the simple reader takes the simple "
	    "fragments");
	if (simple_used <= 2000)
		fprintf(stderr, "# simple reader took %d\n", simple_used);
}

static const char *
text(const char *html, int flags)
{
	char *t = html_to_text(html, strlen(html), flags);

	snprintf(result, sizeof(result), "%s", t != NULL ? t : "(null)");
	free(t);
	return result;
}

int
main(void)
{
	char *deep, *t;
	size_t i, n;

	CHECK_STR(text("plain words", 0), "plain words", "plain text stays");
	CHECK_STR(text("", 0), "", "empty input gives empty text");
	CHECK_STR(text("<b>bold</b> and <i>it</i>alic", 0),
	    "bold and italic", "inline tags vanish without a space");
	CHECK_STR(text("<p>One.</p><p>Two.</p>", 0), "One. Two.",
	    "paragraphs become a space");
	CHECK_STR(text("<p>One.</p><p>Two.</p>", HTML_KEEP_BLOCKS),
	    "One.\nTwo.", "paragraphs become a line break with KEEP_BLOCKS");
	CHECK_STR(text("line<br>next<br/>last", HTML_KEEP_BLOCKS),
	    "line\nnext\nlast", "br breaks lines");
	CHECK_STR(text("<ul><li>a</li><li>b</li></ul>", 0), "a b",
	    "list items are words apart");
	CHECK_STR(text("  lots \n\t of   space  ", 0), "lots of space",
	    "white space collapsed and trimmed");
	CHECK_STR(text("Tom &amp; Jerry &lt;3 &#233;t&#xE9; &eacute;", 0),
	    "Tom & Jerry <3 \xc3\xa9t\xc3\xa9 \xc3\xa9",
	    "character references decoded");
	CHECK_STR(text("safe<script>alert('x')</script> text", 0),
	    "safe text", "script dropped");
	CHECK_STR(text("<style>p { color: red }</style>shown", 0), "shown",
	    "style dropped");
	CHECK_STR(text("before<!-- hidden -->after", 0), "beforeafter",
	    "comments dropped");
	CHECK_STR(text("<html><head><title>T</title></head><body>"
	    "<h1>Head</h1><div>Body text</div></body></html>", 0),
	    "Head Body text", "a whole page: head left out");
	CHECK_STR(text("<p>unclosed <b>tags <i>everywhere", 0),
	    "unclosed tags everywhere", "tag soup recovered");
	CHECK_STR(text("<table><tr><td>a</td><td>b</td></tr></table>", 0),
	    "a b", "table cells apart");
	CHECK_STR(text("x &nosuchentity; y", 0), "x &nosuchentity; y",
	    "unknown entity kept as written");
	CHECK_STR(text("a&nbsp;b &nbsp; c", 0), "a b c",
	    "no-break spaces are spaces");
	/* A run of words and single spaces is copied whole; what ends
	 * one (two spaces, a line break, a space at the end, markup, a
	 * no-break space) is read byte by byte. */
	CHECK_STR(text("a run of words, one space apart.  Two\nthen "
	    "<b>bold</b>\xc2\xa0" "and \xc2\xa9 sign, \xc3\xa9t\xc3\xa9 ", 0),
	    "a run of words, one space apart. Two then bold and \xc2\xa9 "
	    "sign, \xc3\xa9t\xc3\xa9", "runs of words end where their "
	    "spaces do");
	CHECK_STR(text("x y", 0), "x y", "a run of three bytes");
	CHECK_STR(text("x ", 0), "x", "a word and a space at the end");

	/* 100,000 nested elements: bounded, no crash, no stack overflow. */
	n = 100000;
	deep = malloc(n * 5 + 16);
	for (i = 0; i < n; i++)
		memcpy(deep + i * 5, "<div>", 5);
	strcpy(deep + n * 5, "deep");
	t = html_to_text(deep, strlen(deep), 0);
	CHECK(t != NULL, "100,000 nested divs give a result");
	free(t);
	free(deep);

	check_against_libxml2();

	xmlCleanupParser();
	return check_done();
}
