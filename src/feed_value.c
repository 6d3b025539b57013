/*
 * feed_value.c: the rules that decide whether a feed's text is HTML, and
 * the conversions that follow.  They follow what widely used readers do,
 * because that is what publishers test their feeds against: RSS titles
 * are plain text unless they plainly hold HTML, descriptions are HTML,
 * Atom says which it is.
 */
#include "autoconf.h"

#include <ctype.h>
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
		if (space && out != s)
			*out++ = ' ';
		space = 0;
		*out++ = *in;
	}
	*out = '\0';
}

char *
value_to_text(const char *raw, size_t len, enum value_type type, int markup)
{
	char *text;

	if (markup || type == VALUE_HTML || type == VALUE_XHTML)
		return html_to_text(raw, len, 0);
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
		char *html = html_to_text(text, len, 0);

		free(text);
		return html;
	}
	value_collapse(text);
	return text;
}
