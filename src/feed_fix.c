/*
 * feed_fix.c: byte-level repairs for the recovery pass.  libxml2's
 * recovery mode gets past most damage, but after the first error it
 * drops every entity reference that follows, "&lt;" and "&amp;"
 * included, which turns the HTML of every later item into garbage.  The
 * commonest damage in real feeds is a bare "&" ("Fish & chips") and an
 * HTML entity XML does not know ("&nbsp;"); the first is repaired here,
 * before parsing, the second by the recovery pass's entity lookup.  A
 * NUL byte, which libxml2 takes for the end of its input even in
 * recovery mode, is dropped here too.
 */
#include "autoconf.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "feed_int.h"

static int
name_start(int c)
{
	return isalpha(c) || c == '_' || c == ':' || c >= 0x80;
}

static int
name_char(int c)
{
	return name_start(c) || isdigit(c) || c == '-' || c == '.';
}

/* Length of a well-formed reference at s ("&amp;", "&#38;", "&#x26;"),
 * 0 if s starts none.  *upper_x is set for "&#X26;", which HTML allows
 * and XML does not. */
static size_t
reference_length(const unsigned char *s, const unsigned char *end,
    int *upper_x)
{
	const unsigned char *p = s + 1;

	*upper_x = 0;
	if (p < end && *p == '#') {
		p++;
		if (p < end && (*p == 'x' || *p == 'X')) {
			*upper_x = *p == 'X';
			for (p++; p < end && isxdigit(*p); p++)
				;
			if (p == s + 3)
				return 0;
		} else {
			for (; p < end && isdigit(*p); p++)
				;
			if (p == s + 2)
				return 0;
		}
	} else {
		if (p >= end || !name_start(*p))
			return 0;
		for (p++; p < end && name_char(*p); p++)
			;
	}
	return p < end && *p == ';' ? (size_t)(p - s) + 1 : 0;
}

/* Where a section that holds literal "&" ends, if one starts at s:
 * CDATA, a comment, a processing instruction. */
static const unsigned char *
literal_section_end(const unsigned char *s, const unsigned char *end)
{
	static const struct {
		const char	*open, *close;
	} sections[] = {
		{ "<![CDATA[", "]]>" },
		{ "<!--", "-->" },
		{ "<?", "?>" }
	};
	size_t i, n;
	const unsigned char *p;

	for (i = 0; i < sizeof(sections) / sizeof(sections[0]); i++) {
		n = strlen(sections[i].open);
		if ((size_t)(end - s) < n || memcmp(s, sections[i].open, n))
			continue;
		for (p = s + n; p < end; p++)
			if (*p == sections[i].close[0] &&
			    (size_t)(end - p) >= strlen(sections[i].close) &&
			    memcmp(p, sections[i].close,
			    strlen(sections[i].close)) == 0)
				return p + strlen(sections[i].close);
		return end;	/* unterminated: the rest is literal */
	}
	return NULL;
}

/*
 * A copy of the len bytes at in with each "&" that starts no reference
 * written as "&amp;", and "&#X" as "&#x"; NULL when nothing needed it
 * or out of memory (*failed).  Caller frees; its length in *outlen.
 */
char *
feed_fix_references(const char *in, size_t len, size_t *outlen, int *failed)
{
	const unsigned char *s = (const unsigned char *)in, *end = s + len;
	const unsigned char *p, *skip;
	size_t bare = 0, n;
	int upper_x, changed = 0;
	char *out, *o;

	*failed = 0;
	/* Count first: each bare "&" grows by four bytes. */
	for (p = s; p < end; p++) {
		if (*p == '<' && (skip = literal_section_end(p, end)) != NULL) {
			p = skip - 1;
			continue;
		}
		if (*p != '&')
			continue;
		if ((n = reference_length(p, end, &upper_x)) == 0)
			bare++;
		changed |= bare > 0 || upper_x;
	}
	if (!changed)
		return NULL;
	if ((out = malloc(len + bare * 4 + 1)) == NULL) {
		*failed = 1;
		return NULL;
	}
	for (p = s, o = out; p < end; p++) {
		if (*p == '<' && (skip = literal_section_end(p, end)) != NULL) {
			memcpy(o, p, skip - p);
			o += skip - p;
			p = skip - 1;
			continue;
		}
		*o++ = (char)*p;
		if (*p != '&')
			continue;
		if ((n = reference_length(p, end, &upper_x)) == 0) {
			memcpy(o, "amp;", 4);
			o += 4;
		} else if (upper_x) {
			*o++ = '#';
			*o++ = 'x';
			p += 2;
		}
	}
	*o = '\0';
	*outlen = (size_t)(o - out);
	return out;
}

/*
 * in without its NUL bytes: XML allows none anywhere, and libxml2 stops
 * at the first, so one NUL would lose every item after it.  Dropping them
 * changes no text a reader could see.  *count gets how many there were
 * and *first_line the line of the first.  Returns a new string of
 * *outlen bytes (caller frees), or NULL when there is no NUL (or, with
 * *failed set, no memory).
 */
char *
feed_fix_nul(const char *in, size_t len, size_t *outlen, size_t *count,
    size_t *first_line, int *failed)
{
	const char *p, *end = in + len, *nul;
	char *out, *o;

	*failed = 0;
	*count = 0;
	*first_line = 0;
	/* A NUL among the first four bytes: UTF-16 or UTF-32, whose NULs
	 * are half its characters. */
	if (memchr(in, '\0', len < 4 ? len : 4) != NULL ||
	    (nul = memchr(in, '\0', len)) == NULL)
		return NULL;
	*first_line = 1;
	for (p = in; p < nul; p++)
		if (*p == '\n')
			(*first_line)++;
	if ((out = malloc(len + 1)) == NULL) {
		*failed = 1;
		return NULL;
	}
	for (p = in, o = out; p < end; p++) {
		if (*p == '\0')
			(*count)++;
		else
			*o++ = *p;
	}
	*o = '\0';
	*outlen = (size_t)(o - out);
	return out;
}
