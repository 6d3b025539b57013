/*
 * feed_text_test: which text of an item the rules read (feed_item_text),
 * on items parsed from a real RSS document.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "feed.h"

static const char doc[] =
    "<?xml version=\"1.0\"?>\n"
    "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n"
    "<channel><title>Wire</title><link>https://wire.example/</link>\n"
    /* 1: the standfirst is not in the article: both are read */
    "<item><title>Border talks stall</title>"
    "<description>Avaria warned it would strike the dam within days.</description>"
    "<content:encoded><![CDATA[<p>Negotiators left the hall without a date.</p>"
    "<p>Both delegations spoke of patience.</p>]]></content:encoded></item>\n"
    /* 2: the teaser is the article's first sentence: read once */
    "<item><title>Ceasefire holds</title>"
    "<description>The ceasefire held for a third night.</description>"
    "<content:encoded><![CDATA[<p>The ceasefire held for a third night. "
    "Markets reopened.</p>]]></content:encoded></item>\n"
    /* 3: a teaser cut short with an ellipsis: still read once */
    "<item><title>Harbour reopens</title>"
    "<description>The harbour reopened on Monday after [&#8230;]</description>"
    "<content:encoded><![CDATA[<p>The harbour reopened on Monday after "
    "a week of storms.</p>]]></content:encoded></item>\n"
    /* 4: no content: the summary alone */
    "<item><title>Short note</title>"
    "<description>Only a summary here.</description></item>\n"
    "</channel></rss>\n";

static int
has(const char *text, const char *part)
{
	return text != NULL && strstr(text, part) != NULL;
}

static int
count(const char *text, const char *part)
{
	const char *p;
	int n = 0;

	for (p = text; p != NULL && (p = strstr(p, part)) != NULL; p++)
		n++;
	return n;
}

int
main(void)
{
	struct feed *f;
	char err[256], *t;

	f = feed_parse(doc, sizeof(doc) - 1, NULL, NULL, err, sizeof(err));
	if (!CHECK(f != NULL && f->n_items == 4, "the test feed parses"))
		return check_done();

	t = feed_item_text(&f->items[0]);
	CHECK(has(t, "would strike the dam"),
	    "a standfirst missing from the article is read");
	CHECK(has(t, "without a date"), "and the article too");
	CHECK(t != NULL && strchr(t, '\n') != NULL &&
	    strchr(t, '\n') < strstr(t, "Negotiators"),
	    "the standfirst stands apart, before the article");
	free(t);

	t = feed_item_text(&f->items[1]);
	CHECK_INT(count(t, "third night"), 1,
	    "a teaser the article starts with is read once");
	free(t);

	t = feed_item_text(&f->items[2]);
	CHECK_INT(count(t, "reopened on Monday"), 1,
	    "a teaser cut with an ellipsis is read once");
	CHECK(has(t, "week of storms"), "the article is the text read");
	free(t);

	t = feed_item_text(&f->items[3]);
	CHECK_STR(t, "Only a summary here.", "no content: the summary");
	free(t);

	feed_free(f);
	return check_done();
}
