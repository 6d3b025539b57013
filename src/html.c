/*
 * html.c: HTML -> plain text.  libxml2's HTML parser does the hard part
 * (tag soup, implied elements, character references); this file only
 * listens to its SAX events and decides where words end.  No tree is
 * built and nothing recurses, so a deeply nested page costs no stack.
 * Simple HTML, most of what feeds hold, is read by html_simple.c with
 * the same result and without the parser's cost.
 */
#include "autoconf.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "html.h"
#include "html_int.h"

#define HTML_OPTIONS	(HTML_PARSE_NONET | HTML_PARSE_RECOVER | \
			 HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING)

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
	html_tag_start(out_of(ctx), (const char *)name);
}

static void
on_end(void *ctx, const xmlChar *name)
{
	html_tag_end(out_of(ctx), (const char *)name);
}

static void
on_text(void *ctx, const xmlChar *s, int len)
{
	struct out *o = out_of(ctx);

	if (o->skip == 0)
		html_out_text(o, s, (size_t)len);
}

/* Text without markup or references needs no parser at all. */
static int
is_plain(const char *s, size_t len)
{
	return memchr(s, '<', len) == NULL && memchr(s, '&', len) == NULL;
}

/* The whole of html through libxml2's HTML parser. */
static int
html_parse(struct out *o, const char *html, size_t len)
{
	htmlParserCtxtPtr ctxt;

	if ((ctxt = htmlNewParserCtxt()) == NULL)
		return -1;
	/* Our callbacks instead of the tree builder's. */
	memset(ctxt->sax, 0, sizeof(*ctxt->sax));
	ctxt->sax->startElement = on_start;
	ctxt->sax->endElement = on_end;
	ctxt->sax->characters = on_text;
	ctxt->sax->ignorableWhitespace = on_text;
	ctxt->sax->cdataBlock = on_text;
	ctxt->_private = o;
	(void)htmlCtxtReadMemory(ctxt, html, (int)len, NULL, "UTF-8",
	    HTML_OPTIONS);
	htmlFreeParserCtxt(ctxt);
	return 0;
}

char *
html_to_text(const char *html, size_t len, int flags)
{
	struct out o;

	memset(&o, 0, sizeof(o));
	o.keep_blocks = (flags & HTML_KEEP_BLOCKS) != 0;
	if (html_out_reserve(&o, 0) == -1)
		return NULL;
	o.buf[0] = '\0';
	if (len > (size_t)INT_MAX)
		len = 0;	/* nobody's text; html.h promises a string */
	if (len > 0 && is_plain(html, len))
		html_out_text(&o, (const xmlChar *)html, len);
	else if (len > 0 && html_simple(&o, html, len) == -1) {
		/* Start again from nothing with the real parser. */
		o.len = 0;
		o.buf[0] = '\0';
		o.pending = SEP_NONE;
		o.skip = 0;
		if (!o.failed && html_parse(&o, html, len) == -1)
			o.failed = 1;
	}
	if (o.failed) {
		free(o.buf);
		return NULL;
	}
	return o.buf;
}
