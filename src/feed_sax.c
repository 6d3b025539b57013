/*
 * feed_sax.c: the stream.  libxml2's SAX2 push parser calls back for
 * each start tag, run of text, entity reference and end tag, and each
 * goes straight to feed_read.c: no tree is built and none freed.  (The
 * xmlTextReader this replaces builds a node for each of them, fed 512
 * bytes at a time; on the poll's 1,000 feeds that cost nearly as much
 * again as the parse itself: bench/README.md.)
 *
 * What the reader did for us is done here: the depth of each element,
 * whether it is empty (<x/>, which has no end event of its own for
 * feed_read.c), and the prefix of a name the document never declared.
 * The DTD goes through libxml2's own SAX2 handlers, so its entities are
 * known as they were; when libxml2 parses an entity's text to check it,
 * it calls these handlers with a context of its own, and they hand that
 * to libxml2's tree builders, as the reader did.
 */
#include "autoconf.h"

#include <string.h>

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include "feed_int.h"

/* The parser of a call from the document itself; NULL when libxml2
 * is parsing an entity's text in a context of its own. */
static struct parser *
stream_of(void *ctx)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct parser *p = ctxt->_private;

	return p != NULL && p->ctxt == ctxt ? p : NULL;
}

/*
 * Whether the stream has stopped: the walk was halted, or the document
 * is no longer well-formed.  libxml2 marks that only after it has
 * reported the error, so it is looked at here, before each event: the
 * stream stops at the first error, as the reader did, and the events
 * before it count.
 */
static inline int
stopped(struct parser *p)
{
	if (!p->halted && !p->ctxt->wellFormed)
		feed_halt(p, -1);
	return p->halted;
}

/* libxml2's complaints, from the document or an entity's text. */
static void
on_error(void *ctx, xmlErrorPtr e)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct parser *p = ctxt->_private;
	xmlParserInputPtr in;

	if (p == NULL)
		return;
	feed_on_xml_error(p, e);
	/* Whether the document is being read as UTF-8 (no conversion),
	 * for feed.c's repair: asked now, as libxml2 may drop its input
	 * once it has reported a fatal error. */
	in = p->ctxt != NULL && !p->halted ? p->ctxt->input : NULL;
	if (in != NULL && in->buf != NULL)
		p->utf8_input = in->buf->encoder == NULL;
}

static void
on_start(void *ctx, const xmlChar *local, const xmlChar *prefix,
    const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
    int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct parser *p = stream_of(ctx);
	struct xml_node *n;

	if (p == NULL) {
		xmlSAX2StartElementNs(ctx, local, prefix, uri, nb_namespaces,
		    namespaces, nb_attributes, nb_defaulted, attributes);
		return;
	}
	if (stopped(p))
		return;
	p->doc = ctxt->myDoc;
	n = &p->node;
	n->depth = p->sax_depth++;
	/* libxml2 calls back with the input at the tag's "/>" or ">". */
	n->empty = ctxt->input != NULL && ctxt->input->cur != NULL &&
	    ctxt->input->cur[0] == '/';
	if (prefix != NULL && uri == NULL) {
		/* Undeclared: named whole, as the tree names it. */
		n->local = (const char *)xmlDictQLookup(ctxt->dict, prefix,
		    local);
		n->prefix = NULL;
		if (n->local == NULL)
			n->local = (const char *)local;
	} else {
		n->local = (const char *)local;
		n->prefix = (const char *)prefix;
	}
	n->uri = (const char *)uri;
	n->sax_attrs = attributes;
	n->n_sax_attrs = nb_attributes;
	n->tree_attrs = NULL;
	p->skip_end = n->empty;
	feed_ev_start(p, p->err, p->errlen);
	n->sax_attrs = NULL;
	n->n_sax_attrs = 0;
}

static void
on_end(void *ctx, const xmlChar *local, const xmlChar *prefix,
    const xmlChar *uri)
{
	struct parser *p = stream_of(ctx);

	if (p == NULL) {
		xmlSAX2EndElementNs(ctx, local, prefix, uri);
		return;
	}
	p->sax_depth--;
	if (p->skip_end) {
		p->skip_end = 0;
		return;
	}
	if (stopped(p))
		return;
	if (prefix != NULL && uri == NULL) {
		xmlParserCtxtPtr ctxt = ctx;

		p->node.local = (const char *)xmlDictQLookup(ctxt->dict,
		    prefix, local);
		if (p->node.local == NULL)
			p->node.local = (const char *)local;
	} else
		p->node.local = (const char *)local;
	p->node.depth = p->sax_depth;
	feed_ev_end(p, p->sax_depth);
}

static void
on_text(void *ctx, const xmlChar *s, int len)
{
	struct parser *p = stream_of(ctx);

	if (p == NULL) {
		xmlSAX2Characters(ctx, s, len);
		return;
	}
	if (stopped(p))
		return;
	feed_ev_text(p, p->sax_depth, (const char *)s, (size_t)len);
}

static void
on_reference(void *ctx, const xmlChar *name)
{
	struct parser *p = stream_of(ctx);

	if (p == NULL) {
		xmlSAX2Reference(ctx, name);
		return;
	}
	if (stopped(p))
		return;
	p->doc = ((xmlParserCtxtPtr)ctx)->myDoc;
	feed_ev_reference(p, p->sax_depth, (const char *)name);
}

/*
 * A push parser for p, given the document's first bytes (first_len, at
 * least 4 where the document has them: libxml2 guesses the encoding from
 * them, as the reader had it do).  0, or -1 when out of memory.
 */
int
feed_sax_begin(struct parser *p, const char *first, size_t first_len)
{
	xmlSAXHandler sax;

	memset(&sax, 0, sizeof(sax));
	xmlSAXVersion(&sax, 2);
	sax.startElementNs = on_start;
	sax.endElementNs = on_end;
	sax.characters = on_text;
	sax.ignorableWhitespace = on_text;
	sax.cdataBlock = on_text;
	sax.reference = on_reference;
	sax.comment = NULL;
	sax.processingInstruction = NULL;
	sax.serror = on_error;
	sax.error = NULL;
	sax.warning = NULL;
	if ((p->ctxt = xmlCreatePushParserCtxt(&sax, NULL, first,
	    (int)first_len, NULL)) == NULL)
		return -1;
	p->ctxt->_private = p;
	xmlCtxtUseOptions(p->ctxt, PARSE_OPTIONS);
	return 0;
}

/* Hand len more bytes to the parser; last at the end of the document. */
void
feed_sax_push(struct parser *p, const char *buf, size_t len, int last,
    char *err, size_t errlen)
{
	p->err = err;
	p->errlen = errlen;
	if (!stopped(p))
		xmlParseChunk(p->ctxt, buf, (int)len, last);
	(void)stopped(p);
}

void
feed_sax_end(struct parser *p)
{
	if (p->ctxt == NULL)
		return;
	if (p->ctxt->myDoc != NULL)
		xmlFreeDoc(p->ctxt->myDoc);
	p->ctxt->myDoc = NULL;
	p->doc = NULL;
	xmlFreeParserCtxt(p->ctxt);
	p->ctxt = NULL;
}
