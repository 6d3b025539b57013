/*
 * html_test.c: HTML fragments and pages -> the text a reader sees.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "../check.h"
#include "html.h"

static char result[4096];

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

	xmlCleanupParser();
	return check_done();
}
