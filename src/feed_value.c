/*
 * feed_value.c: the rules that decide whether a feed's text is HTML, and
 * the conversions that follow.  They follow what widely used readers do,
 * because that is what publishers test their feeds against: RSS titles
 * are plain text unless they plainly hold HTML, descriptions are HTML,
 * Atom says which it is.
 */
#include "autoconf.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/xmlstring.h>

#include "feed_value.h"
#include "html.h"

/* Tags an HTML fragment in a feed may hold; a "tag" outside this list
 * means the text is something else ("<3", "Vector<int>"). */
static const char *const html_tags[] = {
	"a", "abbr", "acronym", "address", "area", "article", "aside",
	"audio", "b", "big", "blockquote", "br", "button", "canvas",
	"caption", "center", "cite", "code", "col", "colgroup", "command",
	"datagrid", "datalist", "dd", "del", "details", "dfn", "dialog",
	"dir", "div", "dl", "dt", "em", "fieldset", "figcaption", "figure",
	"footer", "font", "form", "header", "h1", "h2", "h3", "h4", "h5",
	"h6", "hr", "i", "img", "input", "ins", "keygen", "kbd", "label",
	"legend", "li", "m", "map", "menu", "meter", "multicol", "nav",
	"nextid", "ol", "output", "optgroup", "option", "p", "pre",
	"progress", "q", "s", "samp", "section", "select", "small", "sound",
	"source", "spacer", "span", "strike", "strong", "sub", "sup",
	"table", "tbody", "td", "textarea", "time", "tfoot", "th", "thead",
	"tr", "tt", "u", "ul", "var", "video", "noscript", NULL
};

enum value_type
value_type_of(const char *type, enum value_type dflt)
{
	if (type == NULL || *type == '\0')
		return dflt;
	if (strcasecmp(type, "text") == 0 ||
	    strcasecmp(type, "text/plain") == 0)
		return VALUE_TEXT;
	if (strcasecmp(type, "html") == 0 ||
	    strcasecmp(type, "text/html") == 0)
		return VALUE_HTML;
	if (strcasecmp(type, "xhtml") == 0 ||
	    strcasecmp(type, "application/xhtml+xml") == 0)
		return VALUE_XHTML;
	/* RFC 4287 4.1.3.3: other text/ and XML types are inline text;
	 * everything else is base64. */
	if (strncasecmp(type, "text/", 5) == 0)
		return VALUE_TEXT;
	if (strlen(type) > 4 &&
	    (strcasecmp(type + strlen(type) - 4, "+xml") == 0 ||
	    strcasecmp(type + strlen(type) - 4, "/xml") == 0))
		return VALUE_XHTML;
	return VALUE_BINARY;
}

static int
is_word(int c)
{
	return isalnum(c) || c == '_';
}

static int
known_tag(const char *name, size_t len)
{
	const char *const *t;

	for (t = html_tags; *t != NULL; t++)
		if (strlen(*t) == len && strncasecmp(*t, name, len) == 0)
			return 1;
	return 0;
}

int
value_looks_like_html(const char *s)
{
	const char *p;
	int evidence = 0;

	for (p = s; *p != '\0'; p++) {
		if (*p == '<') {
			const char *name = p + 1, *end;

			if (*name == '/')
				name++;
			for (end = name; is_word((unsigned char)*end); end++)
				;
			if (end == name)
				continue;
			if (!known_tag(name, end - name))
				return 0;
			if (p[1] == '/' && *end == '>')
				evidence = 1;
		} else if (*p == '&') {
			const char *name = p + 1, *end;

			if (*name == '#')
				name++;
			for (end = name; is_word((unsigned char)*end); end++)
				;
			if (end == name || *end != ';')
				continue;
			evidence = 1;
			if (p[1] != '#') {
				char ent[32];

				if ((size_t)(end - name) >= sizeof(ent))
					return 0;
				memcpy(ent, name, end - name);
				ent[end - name] = '\0';
				if (htmlEntityLookup((const xmlChar *)ent) ==
				    NULL)
					return 0;
			}
		}
	}
	return evidence;
}

static int
b64_value(int c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+' || c == '-')
		return 62;
	if (c == '/' || c == '_')
		return 63;
	return -1;
}

long
value_base64_decode(char *s)
{
	unsigned long acc = 0;
	int bits = 0, v;
	char *in, *out = s;

	for (in = s; *in != '\0'; in++) {
		if (isspace((unsigned char)*in))
			continue;
		if (*in == '=')
			break;
		if ((v = b64_value((unsigned char)*in)) < 0)
			return -1;
		acc = (acc << 6) | (unsigned long)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			*out++ = (char)((acc >> bits) & 0xff);
		}
	}
	*out = '\0';
	return out - s;
}

void
value_collapse(char *s)
{
	char *in, *out = s;
	int space = 0;

	for (in = s; *in != '\0'; in++) {
		if (*in == ' ' || *in == '\t' || *in == '\n' || *in == '\r' ||
		    *in == '\f' || *in == '\v') {
			space = 1;
			continue;
		}
		/* A no-break space is a space in plain text. */
		if ((unsigned char)in[0] == 0xc2 &&
		    (unsigned char)in[1] == 0xa0) {
			space = 1;
			in++;
			continue;
		}
		if (space && out != s)
			*out++ = ' ';
		space = 0;
		*out++ = *in;
	}
	*out = '\0';
}

char *
value_to_text(const char *raw, size_t len, enum value_type type, int markup,
    int html_flags)
{
	char *text;

	if (markup || type == VALUE_HTML || type == VALUE_XHTML)
		return html_to_text(raw, len, html_flags);
	if ((text = malloc(len + 1)) == NULL)
		return NULL;
	memcpy(text, raw, len);
	text[len] = '\0';
	if (type == VALUE_BINARY) {
		/* A value that does not decode is kept as written. */
		char *copy = strdup(text);

		if (copy == NULL) {
			free(text);
			return NULL;
		}
		if (value_base64_decode(copy) < 0 ||
		    !xmlCheckUTF8((const unsigned char *)copy))
			free(copy);
		else {
			free(text);
			text = copy;
		}
	} else if (type == VALUE_GUESS && value_looks_like_html(text)) {
		char *html = html_to_text(text, len, html_flags);

		free(text);
		return html;
	}
	value_collapse(text);
	return text;
}

/* Windows-1252 0x80-0x9f; 0 where the code page leaves a hole. */
static const unsigned short cp1252[32] = {
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
	0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178
};

/* Length of the well-formed UTF-8 sequence at s (at most len bytes),
 * its code point in *cp; 0 if there is none. */
static size_t
utf8_next(const unsigned char *s, size_t len, unsigned long *cp)
{
	size_t n, i;
	unsigned long c;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		n = 2;
		c = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		n = 3;
		c = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		n = 4;
		c = s[0] & 0x07;
	} else
		return 0;
	if (n > len)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 ||
	    c > 0x10ffff)) || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

static size_t
utf8_put(unsigned long c, char *out)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xc0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	out[0] = (char)(0xe0 | (c >> 12));
	out[1] = (char)(0x80 | ((c >> 6) & 0x3f));
	out[2] = (char)(0x80 | (c & 0x3f));
	return 3;
}

/* 1 if the eight bytes at s are all ASCII. */
static int
ascii8(const unsigned char *s)
{
	uint64_t x;

	memcpy(&x, s, sizeof(x));
	return (x & 0x8080808080808080ULL) == 0;
}

char *
value_utf8_repair(const char *in, size_t len, size_t *outlen, int *failed)
{
	const unsigned char *s = (const unsigned char *)in;
	unsigned long c;
	size_t i, n, o = 0;
	char *out;

	*failed = 0;
	/* Most text is ASCII: skip it eight bytes at a time, without
	 * decoding. */
	for (i = 0; i < len; i += n) {
		if (len - i >= 8 && ascii8(s + i)) {
			n = 8;
			continue;
		}
		if ((n = utf8_next(s + i, len - i, &c)) == 0 ||
		    (c >= 0x80 && c <= 0x9f))
			break;
	}
	if (i >= len)
		return NULL;	/* already clean */
	/* Each byte becomes at most three. */
	if ((out = malloc(len * 3 + 1)) == NULL) {
		*failed = 1;
		return NULL;
	}
	for (i = 0; i < len; i += n) {
		if ((n = utf8_next(s + i, len - i, &c)) == 0) {
			n = 1;
			c = s[i];	/* a stray byte: Windows-1252 */
		}
		if (c >= 0x80 && c <= 0x9f)
			c = cp1252[c - 0x80] ? cp1252[c - 0x80] : 0xfffd;
		if (c >= 0x10000) {
			memcpy(out + o, s + i, n);
			o += n;
		} else
			o += utf8_put(c, out + o);
	}
	out[o] = '\0';
	*outlen = o;
	return out;
}
