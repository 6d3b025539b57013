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
int
html_out_reserve(struct out *o, size_t n)
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

/* What html_out_run() does with a byte. */
enum byte_class {
	BYTE_WORD,
	BYTE_SPACE,
	BYTE_C2,		/* perhaps the start of a no-break space */
	BYTE_MARKUP		/* '<' or '&' */
};

static const unsigned char byte_class[256] = {
	['\t'] = BYTE_SPACE, ['\n'] = BYTE_SPACE, ['\r'] = BYTE_SPACE,
	['\f'] = BYTE_SPACE, [' '] = BYTE_SPACE, [0xc2] = BYTE_C2,
	['<'] = BYTE_MARKUP, ['&'] = BYTE_MARKUP
};

/*
 * Append text from s, collapsing white space on the way; a separator
 * owed from before is written only when more text follows.  With
 * stop_at_markup, stop before a '<' or '&'.  Returns where it stopped.
 */
const xmlChar *
html_out_run(struct out *o, const xmlChar *s, const xmlChar *end,
    int stop_at_markup)
{
	char *d;
	int cls;

	/* At most one byte out per byte in, plus the owed separator. */
	if (html_out_reserve(o, (size_t)(end - s) + 1) == -1)
		return end;
	d = o->buf + o->len;
	while (s < end) {
		cls = byte_class[*s];
		/* A no-break space (&nbsp;) is a space in plain text. */
		if (cls == BYTE_SPACE || (cls == BYTE_C2 && s + 1 < end &&
		    s[1] == 0xa0)) {
			if (o->pending < SEP_SPACE)
				o->pending = SEP_SPACE;
			s += cls == BYTE_C2 ? 2 : 1;
			continue;
		}
		if (cls == BYTE_MARKUP && stop_at_markup)
			break;
		if (o->pending != SEP_NONE) {
			if (d != o->buf)
				*d++ = o->pending == SEP_BREAK ? '\n' : ' ';
			o->pending = SEP_NONE;
		}
		*d++ = (char)*s++;
		/* The rest of the word, and single spaces between words,
		 * in one go: that is most text. */
		while (s < end) {
			if (byte_class[*s] == BYTE_WORD)
				*d++ = (char)*s++;
			else if (*s == ' ' && s + 1 < end &&
			    byte_class[s[1]] == BYTE_WORD) {
				d[0] = ' ';
				d[1] = (char)s[1];
				d += 2;
				s += 2;
			} else
				break;
		}
	}
	o->len = d - o->buf;
	o->buf[o->len] = '\0';
	return s;
}

void
html_out_text(struct out *o, const xmlChar *s, size_t len)
{
	(void)html_out_run(o, s, s + len, 0);
}

/* What a tag does to the text, for both readers. */
void
html_tag_start(struct out *o, const char *name)
{
	if (o->skip > 0 || in_list((const xmlChar *)name, dropped_tags))
		o->skip++;
	else if (in_list((const xmlChar *)name, block_tags))
		out_break(o);
}

void
html_tag_end(struct out *o, const char *name)
{
	if (o->skip > 0)
		o->skip--;
	else if (in_list((const xmlChar *)name, block_tags))
		out_break(o);
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
