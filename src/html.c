/*
 * html.c: HTML -> plain text.  libxml2's HTML parser does the hard part
 * (tag soup, implied elements, character references); this file only
 * walks the tree it builds and decides where words end.  The walk is a
 * loop, not recursion, so a deeply nested page cannot exhaust the stack.
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

static int
in_list(const xmlChar *name, const char *const *list)
{
	for (; *list != NULL; list++)
		if (xmlStrcasecmp(name, (const xmlChar *)*list) == 0)
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
out_text(struct out *o, const xmlChar *s)
{
	const xmlChar *run;

	while (*s != '\0') {
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
		for (run = s; *s != '\0' && *s != ' ' && *s != '\t' &&
		    *s != '\n' && *s != '\r' && *s != '\f'; s++)
			;
		if (xmlBufferAdd(o->buf, run, s - run) != 0)
			o->failed = 1;
	}
}

/* Depth-first over the tree without recursion. */
static void
walk(struct out *o, xmlNodePtr root)
{
	xmlNodePtr n = root;

	while (n != NULL) {
		int descend = 0;

		switch (n->type) {
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			if (n->content != NULL)
				out_text(o, n->content);
			break;
		case XML_ELEMENT_NODE:
			if (in_list(n->name, dropped_tags))
				break;
			if (in_list(n->name, block_tags))
				out_break(o);
			descend = n->children != NULL;
			break;
		default:
			break;	/* comments, processing instructions, DTD */
		}
		if (descend) {
			n = n->children;
			continue;
		}
		/* Climb until a sibling is found, closing blocks on the way. */
		while (n != NULL && n != root && n->next == NULL) {
			n = n->parent;
			if (n != NULL && n->type == XML_ELEMENT_NODE &&
			    in_list(n->name, block_tags))
				out_break(o);
		}
		if (n == NULL || n == root)
			break;
		n = n->next;
	}
}

char *
html_to_text(const char *html, size_t len, int flags)
{
	struct out o;
	htmlDocPtr doc;
	char *text;

	memset(&o, 0, sizeof(o));
	o.keep_blocks = (flags & HTML_KEEP_BLOCKS) != 0;
	if ((o.buf = xmlBufferCreate()) == NULL)
		return NULL;
	if (len > 0 && len <= (size_t)INT_MAX) {
		doc = htmlReadMemory(html, (int)len, NULL, "UTF-8",
		    HTML_OPTIONS);
		if (doc != NULL) {
			walk(&o, xmlDocGetRootElement(doc));
			xmlFreeDoc(doc);
		}
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
