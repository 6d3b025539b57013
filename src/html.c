/*
 * html.c: HTML -> plain text.  libxml2's HTML parser does the hard part
 * (tag soup, implied elements, character references); this file only
 * listens to its SAX events and decides where words end.  No tree is
 * built and nothing recurses, so a deeply nested page costs no stack.
 */
#include "autoconf.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "html.h"

#define HTML_OPTIONS	(HTML_PARSE_NONET | HTML_PARSE_RECOVER | \
			 HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING)

enum sep {
	SEP_NONE,
	SEP_SPACE,
	SEP_BREAK
};

struct out {
	char		*buf;		/* the text so far, NUL-terminated */
	size_t		 len, cap;
	enum sep	pending;	/* owed before the next character */
	int		keep_blocks;
	int		skip;		/* inside script, style, head */
	int		failed;
};

/* Elements that end a word (a space) or, with HTML_KEEP_BLOCKS, a line. */
static const char *const block_tags[] = {
	"address", "article", "aside", "blockquote", "br", "caption", "dd",
	"div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
	"form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
	"main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td",
	"tfoot", "th", "thead", "tr", "ul", "body", "html", "title", NULL
};

/* Elements whose content is never text a reader sees. */
static const char *const dropped_tags[] = {
	"script", "style", "head", "noscript", "template", NULL
};

/* libxml2's HTML parser gives element names in lower case. */
static int
in_list(const xmlChar *name, const char *const *list)
{
	for (; *list != NULL; list++)
		if ((*list)[0] == (char)name[0] &&
		    strcmp((const char *)name, *list) == 0)
			return 1;
	return 0;
}

static void
out_break(struct out *o)
{
	enum sep want = o->keep_blocks ? SEP_BREAK : SEP_SPACE;

	if (o->pending < want)
		o->pending = want;
}

/* Room for n more bytes and a NUL. */
static int
out_reserve(struct out *o, size_t n)
{
	char *grown;
	size_t cap;

	if (o->len + n + 1 <= o->cap)
		return 0;
	for (cap = o->cap ? o->cap : 256; cap < o->len + n + 1; cap *= 2)
		;
	if ((grown = realloc(o->buf, cap)) == NULL) {
		o->failed = 1;
		return -1;
	}
	o->buf = grown;
	o->cap = cap;
	return 0;
}

static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Append text, collapsing white space on the way; a separator owed
 * from before is written only when more text follows. */
static void
out_text(struct out *o, const xmlChar *s, size_t len)
{
	const xmlChar *end = s + len;
	char *d;

	/* At most one byte out per byte in, plus the owed separator. */
	if (out_reserve(o, len + 1) == -1)
		return;
	d = o->buf + o->len;
	for (; s < end; s++) {
		/* A no-break space (&nbsp;) is a space in plain text. */
		if (is_space(*s) || (s[0] == 0xc2 && s + 1 < end &&
		    s[1] == 0xa0 && s++)) {
			if (o->pending < SEP_SPACE)
				o->pending = SEP_SPACE;
			continue;
		}
		if (o->pending != SEP_NONE) {
			if (d != o->buf)
				*d++ = o->pending == SEP_BREAK ? '\n' : ' ';
			o->pending = SEP_NONE;
		}
		*d++ = (char)*s;
	}
	o->len = d - o->buf;
	o->buf[o->len] = '\0';
}

/* The SAX callbacks: the parser's context carries our state in
 * _private.  No tree is built, so a page costs no more than its text. */
static struct out *
out_of(void *ctx)
{
	return ((htmlParserCtxtPtr)ctx)->_private;
}

static void
on_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
	struct out *o = out_of(ctx);

	if (o->skip > 0 || in_list(name, dropped_tags))
		o->skip++;
	else if (in_list(name, block_tags))
		out_break(o);
}

static void
on_end(void *ctx, const xmlChar *name)
{
	struct out *o = out_of(ctx);

	if (o->skip > 0)
		o->skip--;
	else if (in_list(name, block_tags))
		out_break(o);
}

static void
on_text(void *ctx, const xmlChar *s, int len)
{
	struct out *o = out_of(ctx);

	if (o->skip == 0)
		out_text(o, s, (size_t)len);
}

/* Text without markup or references needs no parser at all. */
static int
is_plain(const char *s, size_t len)
{
	return memchr(s, '<', len) == NULL && memchr(s, '&', len) == NULL;
}

char *
html_to_text(const char *html, size_t len, int flags)
{
	htmlParserCtxtPtr ctxt;
	struct out o;

	memset(&o, 0, sizeof(o));
	o.keep_blocks = (flags & HTML_KEEP_BLOCKS) != 0;
	if (out_reserve(&o, 0) == -1)
		return NULL;
	o.buf[0] = '\0';
	if (len > (size_t)INT_MAX)
		len = 0;	/* nobody's text; html.h promises a string */
	if (len > 0 && is_plain(html, len))
		out_text(&o, (const xmlChar *)html, len);
	else if (len > 0) {
		if ((ctxt = htmlNewParserCtxt()) == NULL) {
			free(o.buf);
			return NULL;
		}
		/* Our callbacks instead of the tree builder's. */
		memset(ctxt->sax, 0, sizeof(*ctxt->sax));
		ctxt->sax->startElement = on_start;
		ctxt->sax->endElement = on_end;
		ctxt->sax->characters = on_text;
		ctxt->sax->ignorableWhitespace = on_text;
		ctxt->sax->cdataBlock = on_text;
		ctxt->_private = &o;
		(void)htmlCtxtReadMemory(ctxt, html, (int)len, NULL, "UTF-8",
		    HTML_OPTIONS);
		htmlFreeParserCtxt(ctxt);
	}
	if (o.failed) {
		free(o.buf);
		return NULL;
	}
	return o.buf;
}
