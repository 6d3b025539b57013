/*
 * feed_text.c: the text of an item that the rules read.
 *
 * News feeds often give a standfirst in <description> and the article in
 * <content:encoded>, and the standfirst is not always the article's first
 * paragraph: a threat stated only there must still be read.  So the body
 * is the summary and the content together, unless the content already
 * holds the summary (the common case of a teaser cut from the article),
 * where reading it twice would quote the same sentence twice.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "feed.h"

/* Length of s without a trailing ellipsis ("...", "…", "[…]") or space,
 * the marks of a teaser cut short. */
static size_t
teaser_length(const char *s)
{
	static const char *const marks[] = {
		"[\xe2\x80\xa6]", "[...]", "\xe2\x80\xa6", "...", " "
	};
	size_t len = strlen(s), m, k;
	int cut;

	do {
		cut = 0;
		for (k = 0; k < sizeof(marks) / sizeof(marks[0]); k++) {
			m = strlen(marks[k]);
			if (len >= m && memcmp(s + len - m, marks[k], m) == 0) {
				len -= m;
				cut = 1;
			}
		}
	} while (cut && len > 0);
	return len;
}

/* Whether the first len bytes of needle stand somewhere in haystack. */
static int
contains(const char *haystack, const char *needle, size_t len)
{
	const char *p;

	for (p = haystack; (p = strchr(p, needle[0])) != NULL; p++)
		if (strncmp(p, needle, len) == 0)
			return 1;
	return 0;
}

char *
feed_item_text(const struct feed_item *item)
{
	const char *summary = item->summary != NULL ? item->summary : "";
	const char *content = item->content;
	size_t teaser, slen, clen;
	char *text;

	teaser = teaser_length(summary);
	if (content == NULL || content[0] == '\0')
		return strdup(summary);
	if (teaser == 0 || contains(content, summary, teaser))
		return strdup(content);
	slen = strlen(summary);
	clen = strlen(content);
	if ((text = malloc(slen + 1 + clen + 1)) == NULL)
		return NULL;
	memcpy(text, summary, slen);
	text[slen] = '\n';	/* a block break: the sentences stay apart */
	memcpy(text + slen + 1, content, clen + 1);
	return text;
}
