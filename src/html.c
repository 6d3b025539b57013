/*
 * html.c: HTML -> plain text.  libxml2's HTML parser does the hard part
 * (tag soup, implied elements, character references); this file only
 * listens to its SAX events and decides where words end.  No tree is
 * built and nothing recurses, so a deeply nested page costs no stack.
 */
#include "autoconf.h"

#include <limits.h>
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
	xmlBufferPtr	buf;
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

static void
out_text(struct out *o, const xmlChar *s, size_t len)
{
	const xmlChar *run, *end = s + len;

	while (s < end) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' ||
		    *s == '\f') {
			if (o->pending < SEP_SPACE)
				o->pending = SEP_SPACE;
			s++;
			continue;
		}
		if (o->pending != SEP_NONE && xmlBufferLength(o->buf) > 0 &&
		    xmlBufferAdd(o->buf, (const xmlChar *)
		    (o->pending == SEP_BREAK ? "\n" : " "), 1) != 0)
			o->failed = 1;
		o->pending = SEP_NONE;
		for (run = s; s < end && *s != ' ' && *s != '\t' &&
		    *s != '\n' && *s != '\r' && *s != '\f'; s++)
			;
		if (xmlBufferAdd(o->buf, run, (int)(s - run)) != 0)
			o->failed = 1;
	}
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
	char *text;

	memset(&o, 0, sizeof(o));
	o.keep_blocks = (flags & HTML_KEEP_BLOCKS) != 0;
	if ((o.buf = xmlBufferCreate()) == NULL)
		return NULL;
	if (len > (size_t)INT_MAX)
		len = 0;	/* nobody's text; html.h promises a string */
	if (len > 0 && is_plain(html, len))
		out_text(&o, (const xmlChar *)html, len);
	else if (len > 0) {
		if ((ctxt = htmlNewParserCtxt()) == NULL) {
			xmlBufferFree(o.buf);
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
		xmlBufferFree(o.buf);
		return NULL;
	}
	/* xmlBufferDetach hands over the content; an empty buffer may
	 * still hold a NULL pointer. */
	text = (char *)xmlBufferDetach(o.buf);
	xmlBufferFree(o.buf);
	if (text == NULL)
		text = strdup("");
	return text;
}
