/*
 * html_simple.c: the common case of HTML to text without a parser.
 * Most HTML in feeds is paragraphs of text with a few inline tags,
 * correctly nested.  html_simple() reads exactly that subset and gives
 * the text libxml2's HTML parser (2.9) would give: the same start and
 * end events for the tags, the same implied <html>, <body> and <p> and
 * the same elements closed by a new tag (<p> closes an open <p>, <b>,
 * <i>, ...), the same character references.  Anything else (a tag
 * outside the subset, an end tag that does not close the innermost
 * element, a comment, a reference it would not decode, a byte that is
 * not valid UTF-8 or a control character) makes it return -1, and
 * html_to_text() starts again with the parser.  tests/unit/html_test.c
 * holds the two to the same results.
 */
#include "autoconf.h"

#include <ctype.h>
#include <stdint.h>
#include <string.h>

#include <libxml/HTMLparser.h>

#include "html_int.h"

/* The tags of the subset, by first letter: br and img are empty
 * elements. */
static const char *const simple_a[] = { "a", NULL };
static const char *const simple_b[] = { "b", "blockquote", "br", NULL };
static const char *const simple_c[] = { "cite", "code", NULL };
static const char *const simple_d[] = { "div", NULL };
static const char *const simple_e[] = { "em", NULL };
static const char *const simple_h[] = { "h1", "h2", "h3", "h4", "h5", "h6",
	NULL };
static const char *const simple_i[] = { "i", "img", NULL };
static const char *const simple_l[] = { "li", NULL };
static const char *const simple_o[] = { "ol", NULL };
static const char *const simple_p[] = { "p", NULL };
static const char *const simple_s[] = { "small", "span", "strong", "sub",
	"sup", NULL };
static const char *const simple_u[] = { "u", "ul", NULL };

static const char *const *const simple_tags[26] = {
	['a' - 'a'] = simple_a, ['b' - 'a'] = simple_b,
	['c' - 'a'] = simple_c, ['d' - 'a'] = simple_d,
	['e' - 'a'] = simple_e, ['h' - 'a'] = simple_h,
	['i' - 'a'] = simple_i, ['l' - 'a'] = simple_l,
	['o' - 'a'] = simple_o, ['p' - 'a'] = simple_p,
	['s' - 'a'] = simple_s, ['u' - 'a'] = simple_u,
};

#define SIMPLE_DEPTH	64

struct simple {
	struct out	*o;
	int		 started;	/* the implied html and body are open */
	const char	*open[SIMPLE_DEPTH];
	int		 depth;
};

static int
is_blank(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int
is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_alnum(int c)
{
	return is_alpha(c) || (c >= '0' && c <= '9');
}

/* Eight bytes at a time: 1 if none is below 0x20 or above 0x7e. */
static int
printable_ascii8(const unsigned char *s)
{
	uint64_t x;

	memcpy(&x, s, sizeof(x));
	return ((x | (x - 0x2020202020202020ULL) |
	    (x + 0x0101010101010101ULL)) & 0x8080808080808080ULL) == 0;
}

/* Text libxml2 passes through unchanged: valid UTF-8 of characters
 * XML allows, no BOM in front. */
static int
simple_chars_ok(const unsigned char *s, size_t len)
{
	size_t i = 0, n, k;
	unsigned long c;

	if (len >= 3 && s[0] == 0xef && s[1] == 0xbb && s[2] == 0xbf)
		return 0;
	while (i < len) {
		if (len - i >= 8 && printable_ascii8(s + i)) {
			i += 8;
			continue;
		}
		if (s[i] >= 0x20 && s[i] < 0x80) {
			i++;
			continue;
		}
		if (s[i] < 0x20) {
			if (s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
				return 0;
			i++;
			continue;
		}
		if (s[i] >= 0xc2 && s[i] <= 0xdf) {
			n = 2;
			c = s[i] & 0x1f;
		} else if (s[i] >= 0xe0 && s[i] <= 0xef) {
			n = 3;
			c = s[i] & 0x0f;
		} else if (s[i] >= 0xf0 && s[i] <= 0xf4) {
			n = 4;
			c = s[i] & 0x07;
		} else
			return 0;
		if (n > len - i)
			return 0;
		for (k = 1; k < n; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return 0;
			c = (c << 6) | (s[i + k] & 0x3f);
		}
		if ((n == 3 && c < 0x800) || (n == 4 && c < 0x10000) ||
		    c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff) ||
		    c == 0xfffe || c == 0xffff)
			return 0;
		i += n;
	}
	return 1;
}

/* The lower-case name at s (letters and digits) if it is one of the
 * subset's tags and ends where a tag name ends; its length in *n. */
static const char *
simple_tag(const char *s, const char *end, size_t *n)
{
	char name[16];
	const char *const *t;
	size_t i;

	for (i = 0; s + i < end && is_alnum((unsigned char)s[i]); i++) {
		if (i + 1 >= sizeof(name))
			return NULL;
		name[i] = (char)tolower((unsigned char)s[i]);
	}
	if (i == 0 || s + i >= end || !(is_blank((unsigned char)s[i]) ||
	    s[i] == '>' || s[i] == '/'))
		return NULL;
	name[i] = '\0';
	*n = i;
	if (name[0] < 'a' || name[0] > 'z' ||
	    (t = simple_tags[name[0] - 'a']) == NULL)
		return NULL;
	for (; *t != NULL; t++)
		if (strcmp(*t, name) == 0)
			return *t;
	return NULL;
}

/* 1 if libxml2 closes an open top when tag starts (its table of
 * start tags that end elements, for the subset's tags). */
static int
simple_closes(const char *tag, const char *top)
{
	if (strcmp(tag, "p") == 0)
		return strcmp(top, "p") == 0 || strcmp(top, "b") == 0 ||
		    strcmp(top, "i") == 0 || strcmp(top, "u") == 0 ||
		    strcmp(top, "small") == 0 ||
		    (top[0] == 'h' && top[1] >= '1' && top[1] <= '6');
	if (strcmp(tag, "li") == 0)
		return strcmp(top, "li") == 0 || strcmp(top, "p") == 0 ||
		    (top[0] == 'h' && top[1] >= '1' && top[1] <= '6');
	if (strcmp(tag, "ul") == 0)
		return strcmp(top, "ol") == 0 || strcmp(top, "p") == 0;
	if (strcmp(tag, "ol") == 0)
		return strcmp(top, "ul") == 0 || strcmp(top, "p") == 0;
	if (strcmp(tag, "a") == 0)
		return strcmp(top, "a") == 0;
	if (strcmp(tag, "div") == 0 || strcmp(tag, "blockquote") == 0 ||
	    (tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6'))
		return strcmp(top, "p") == 0;
	return 0;
}

/* The implied elements libxml2 opens before the first tag or text. */
static void
simple_begin(struct simple *st, int paragraph)
{
	if (st->started)
		return;
	st->started = 1;
	html_tag_start(st->o, "html");
	html_tag_start(st->o, "body");
	if (paragraph) {
		html_tag_start(st->o, "p");
		st->open[st->depth++] = "p";
	}
}

/* A start tag from just after its name; the position after it, or
 * NULL if it is outside the subset. */
static const char *
simple_start(struct simple *st, const char *tag, const char *s,
    const char *end)
{
	int self_closing = 0;
	char q;

	for (;;) {
		while (s < end && is_blank((unsigned char)*s))
			s++;
		if (s >= end)
			return NULL;
		if (*s == '>') {
			s++;
			break;
		}
		if (*s == '/') {
			if (s + 1 >= end || s[1] != '>')
				return NULL;
			self_closing = 1;
			s += 2;
			break;
		}
		/* An attribute: a name, then perhaps a quoted value. */
		if (!is_alpha((unsigned char)*s) && *s != '_' && *s != ':')
			return NULL;
		while (s < end && (is_alnum((unsigned char)*s) || *s == '_' ||
		    *s == ':' || *s == '.' || *s == '-'))
			s++;
		while (s < end && is_blank((unsigned char)*s))
			s++;
		if (s < end && *s == '=') {
			s++;
			while (s < end && is_blank((unsigned char)*s))
				s++;
			if (s >= end || (*s != '"' && *s != '\''))
				return NULL;
			q = *s++;
			if ((s = memchr(s, q, end - s)) == NULL)
				return NULL;
			s++;
		} else if (s < end && *s != '>' && *s != '/' &&
		    !is_alpha((unsigned char)*s) && *s != '_' && *s != ':')
			return NULL;
	}
	simple_begin(st, 0);
	while (st->depth > 0 && simple_closes(tag, st->open[st->depth - 1]))
		html_tag_end(st->o, st->open[--st->depth]);
	if (st->depth == SIMPLE_DEPTH)
		return NULL;
	html_tag_start(st->o, tag);
	if (self_closing || strcmp(tag, "br") == 0 || strcmp(tag, "img") == 0)
		html_tag_end(st->o, tag);
	else
		st->open[st->depth++] = tag;
	return s;
}

/* A character reference from the '&'; the position after it, or NULL
 * if libxml2 would do anything but decode it or keep it as written. */
static const char *
simple_reference(struct simple *st, const char *s, const char *end)
{
	const htmlEntityDesc *ent;
	char name[33], utf8[4];
	unsigned long c = 0;
	size_t n = 0, len;
	int hex;

	simple_begin(st, 1);
	if (s + 1 < end && s[1] == '#') {
		/* Numeric: only well-formed references to characters
		 * XML allows (libxml2 drops the others silently). */
		hex = s + 2 < end && (s[2] == 'x' || s[2] == 'X');
		for (s += hex ? 3 : 2; s < end && *s != ';'; s++, n++) {
			if (n == 7)
				return NULL;
			if (*s >= '0' && *s <= '9')
				c = c * (hex ? 16 : 10) + (*s - '0');
			else if (hex && *s >= 'a' && *s <= 'f')
				c = c * 16 + (*s - 'a' + 10);
			else if (hex && *s >= 'A' && *s <= 'F')
				c = c * 16 + (*s - 'A' + 10);
			else
				return NULL;
		}
		if (n == 0 || s >= end || !(c == 0x9 || c == 0xa ||
		    c == 0xd || (c >= 0x20 && c <= 0xd7ff) ||
		    (c >= 0xe000 && c <= 0xfffd) ||
		    (c >= 0x10000 && c <= 0x10ffff)))
			return NULL;
		s++;
	} else {
		for (len = 0; s + 1 + len < end &&
		    is_alnum((unsigned char)s[1 + len]); len++)
			if (len + 1 >= sizeof(name))
				return NULL;
		memcpy(name, s + 1, len);
		name[len] = '\0';
		if (len == 0 || s + 1 + len >= end || s[1 + len] != ';' ||
		    (ent = htmlEntityLookup((const xmlChar *)name)) == NULL) {
			/* Not one HTML knows: kept as written. */
			html_out_text(st->o, (const xmlChar *)"&", 1);
			return s + 1;
		}
		c = ent->value;
		s += len + 2;
	}
	if (c < 0x80) {
		utf8[0] = (char)c;
		n = 1;
	} else if (c < 0x800) {
		utf8[0] = (char)(0xc0 | (c >> 6));
		utf8[1] = (char)(0x80 | (c & 0x3f));
		n = 2;
	} else if (c < 0x10000) {
		utf8[0] = (char)(0xe0 | (c >> 12));
		utf8[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		utf8[2] = (char)(0x80 | (c & 0x3f));
		n = 3;
	} else {
		utf8[0] = (char)(0xf0 | (c >> 18));
		utf8[1] = (char)(0x80 | ((c >> 12) & 0x3f));
		utf8[2] = (char)(0x80 | ((c >> 6) & 0x3f));
		utf8[3] = (char)(0x80 | (c & 0x3f));
		n = 4;
	}
	html_out_text(st->o, (const xmlChar *)utf8, n);
	return s;
}

/* 0 with the text in o, or -1 if html is outside the subset. */
int
html_simple(struct out *o, const char *html, size_t len)
{
	const char *s = html, *end = html + len, *tag;
	struct simple st;
	size_t n;

	if (!simple_chars_ok((const unsigned char *)html, len))
		return -1;
	memset(&st, 0, sizeof(st));
	st.o = o;
	while (s < end && is_blank((unsigned char)*s))
		s++;
	while (s < end) {
		if (*s == '&') {
			if ((s = simple_reference(&st, s, end)) == NULL)
				return -1;
		} else if (*s != '<') {
			simple_begin(&st, 1);
			s = (const char *)html_out_run(o, (const xmlChar *)s,
			    (const xmlChar *)end, 1);
		} else if (s + 1 < end && s[1] == '/') {
			/* An end tag must close the innermost element. */
			if ((tag = simple_tag(s + 2, end, &n)) == NULL ||
			    st.depth == 0 ||
			    strcmp(st.open[st.depth - 1], tag) != 0)
				return -1;
			for (s += 2 + n; s < end && is_blank((unsigned char)*s);
			    s++)
				;
			if (s >= end || *s != '>')
				return -1;
			s++;
			html_tag_end(o, tag);
			st.depth--;
		} else if (s + 1 < end && is_alpha((unsigned char)s[1])) {
			if ((tag = simple_tag(s + 1, end, &n)) == NULL ||
			    (s = simple_start(&st, tag, s + 1 + n, end)) ==
			    NULL)
				return -1;
		} else if (st.started && s + 1 < end && s[1] != '!' &&
		    s[1] != '?' && s[1] != '_' && s[1] != ':') {
			/* "a < b": a "<" that starts no tag is text. */
			html_out_text(o, (const xmlChar *)"<", 1);
			s++;
		} else
			return -1;
	}
	while (st.depth > 0)
		html_tag_end(o, st.open[--st.depth]);
	if (st.started) {
		html_tag_end(o, "body");
		html_tag_end(o, "html");
	}
	return o->failed ? -1 : 0;
}
