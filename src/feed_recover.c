/*
 * feed_recover.c: the second pass for ill-formed documents.  The stream
 * (feed_sax.c) gives up at the first well-formedness error; a document
 * small enough is then built as a tree in libxml2's recovery mode and
 * walked here, each node handed to feed_read.c as the stream hands its
 * events.  The tree is bounded in elements, undeclared entity names are
 * read as HTML's, and the safety of the first pass holds: no network,
 * no entity substitution, libxml2's limits on.
 */
#include "autoconf.h"

#include <stdio.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/entities.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>

#include "feed_int.h"

/* libxml2's complaints while building a tree, for the recovery pass;
 * the context's _private is the parser. */
static void
on_tree_error(void *arg, xmlErrorPtr e)
{
	xmlParserCtxtPtr ctxt = arg;

	feed_on_xml_error(ctxt->_private, e);
}

/* An entity made for a name the document never declared: an HTML
 * entity's character, or else the reference as written, so that
 * libxml2 sees no error (see feed_fix.c).  Freed in parser_done. */
static xmlEntityPtr
html_entity(struct parser *p, const xmlChar *name)
{
	const htmlEntityDesc *desc;
	xmlEntityPtr ent;
	xmlChar utf8[8], *text;
	int n;
	size_t i;

	for (i = 0; i < p->n_html_entities; i++)
		if (xmlStrEqual(p->html_entities[i]->name, name))
			return p->html_entities[i];
	if (p->n_html_entities == sizeof(p->html_entities) /
	    sizeof(p->html_entities[0]))
		return NULL;
	if ((desc = htmlEntityLookup(name)) != NULL &&
	    (n = xmlCopyCharMultiByte(utf8, (int)desc->value)) > 0) {
		utf8[n] = '\0';
		text = xmlStrdup(utf8);
	} else {
		text = xmlStrncatNew(BAD_CAST "&", name, -1);
		text = xmlStrcat(text, BAD_CAST ";");
	}
	if (text == NULL)
		return NULL;
	if ((ent = xmlMalloc(sizeof(*ent))) == NULL) {
		xmlFree(text);
		return NULL;
	}
	memset(ent, 0, sizeof(*ent));
	ent->type = XML_ENTITY_DECL;
	/* "Predefined" makes libxml2 insert the text as it does for
	 * &amp;, with no tree of its own. */
	ent->etype = XML_INTERNAL_PREDEFINED_ENTITY;
	ent->name = xmlStrdup(name);
	ent->content = text;
	ent->length = xmlStrlen(text);
	if (ent->name == NULL || ent->content == NULL) {
		xmlFree((xmlChar *)ent->name);
		xmlFree(ent->content);
		xmlFree(ent);
		return NULL;
	}
	p->html_entities[p->n_html_entities++] = ent;
	return ent;
}

/* In the recovery pass, an entity the document never declared is
 * most often one of HTML's, as feeds written by HTML tools assume. */
static xmlEntityPtr
on_tree_entity(void *arg, const xmlChar *name)
{
	xmlParserCtxtPtr ctxt = arg;
	xmlEntityPtr ent;

	if ((ent = xmlSAX2GetEntity(arg, name)) != NULL)
		return ent;
	return html_entity(ctxt->_private, name);
}

/* Counts the recovery tree's elements and stops the parser past
 * RECOVER_MAX_ELEMENTS, before the tree can grow out of proportion. */
static void
on_tree_element(void *arg, const xmlChar *localname, const xmlChar *prefix,
    const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
    int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
	xmlParserCtxtPtr ctxt = arg;
	struct parser *p = ctxt->_private;

	if (++p->tree_elements > RECOVER_MAX_ELEMENTS) {
		feed_set_reason(p->stop_reason, sizeof(p->stop_reason),
		    "more than %d elements to recover", RECOVER_MAX_ELEMENTS);
		xmlStopParser(ctxt);
		return;
	}
	p->tree_start(arg, localname, prefix, uri, nb_namespaces,
	    namespaces, nb_attributes, nb_defaulted, attributes);
}

/* An element of the tree as feed_read.c sees the stream's: childless
 * is empty, as the reader's walker had it. */
static void
tree_start(struct parser *p, xmlNodePtr n, int depth, char *err,
    size_t errlen)
{
	struct xml_node *x = &p->node;

	x->depth = depth;
	x->empty = n->children == NULL;
	x->local = (const char *)n->name;
	x->prefix = n->ns != NULL ? (const char *)n->ns->prefix : NULL;
	x->uri = n->ns != NULL ? (const char *)n->ns->href : NULL;
	x->sax_attrs = NULL;
	x->n_sax_attrs = 0;
	x->tree_attrs = n->properties;
	feed_ev_start(p, err, errlen);
	x->tree_attrs = NULL;
}

/* Every node under the root in document order, without recursion: the
 * tree may be as deep as libxml2 allows. */
static void
tree_walk(struct parser *p, xmlNodePtr root, char *err, size_t errlen)
{
	xmlNodePtr n = root;
	int depth = 0;

	while (n != NULL && !p->halted) {
		switch (n->type) {
		case XML_ELEMENT_NODE:
			tree_start(p, n, depth, err, errlen);
			if (n->children != NULL && !p->halted) {
				n = n->children;
				depth++;
				continue;
			}
			break;
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			if (n->content != NULL)
				feed_ev_text(p, depth, (const char *)n->content,
				    strlen((const char *)n->content));
			break;
		case XML_ENTITY_REF_NODE:
			feed_ev_reference(p, depth, (const char *)n->name);
			break;
		default:
			break;
		}
		/* Up past every element that has no next sibling, each
		 * ending as it is left. */
		while (n != root && n->next == NULL && !p->halted) {
			n = n->parent;
			depth--;
			p->node.local = (const char *)n->name;
			p->node.depth = depth;
			feed_ev_end(p, depth);
		}
		if (n == root)
			break;
		n = n->next;
	}
}

/*
 * The recovery pass: the document as a tree, built in recovery mode,
 * walked exactly as the stream was.  The same safety holds: no network,
 * no entity substitution, libxml2's limits on.
 */
struct feed *
feed_recover(struct parser *p, const char *buf, size_t len,
    const char *encoding, char *err, size_t errlen)
{
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc = NULL;
	xmlNodePtr root = NULL;
	struct feed *f = NULL;

	if ((ctxt = xmlNewParserCtxt()) == NULL) {
		snprintf(err, errlen, "out of memory");
		feed_free(p->feed);
		p->feed = NULL;
		return NULL;
	}
	ctxt->_private = p;
	p->tree_start = ctxt->sax->startElementNs;
	ctxt->sax->startElementNs = on_tree_element;
	ctxt->sax->getEntity = on_tree_entity;
	ctxt->sax->serror = on_tree_error;
	ctxt->sax->error = NULL;
	ctxt->sax->warning = NULL;
	/* With an encoding given, the document's own declaration is
	 * ignored: it named one libxml2 cannot read. */
	doc = xmlCtxtReadMemory(ctxt, buf, (int)len, NULL, encoding,
	    PARSE_OPTIONS | (encoding != NULL ? XML_PARSE_IGNORE_ENC : 0));
	xmlFreeParserCtxt(ctxt);
	if (doc == NULL) {
		if (p->xml_error[0] == '\0')
			snprintf(p->xml_error, sizeof(p->xml_error),
			    "no XML element could be recovered");
		snprintf(err, errlen, "not a feed: %s", p->xml_error);
		feed_free(p->feed);
		p->feed = NULL;
	} else {
		p->doc = doc;
		if ((root = xmlDocGetRootElement(doc)) != NULL)
			tree_walk(p, root, err, errlen);
		if ((f = feed_finish(p, err, errlen)) != NULL &&
		    err[0] == '\0') {
			/* The walk saw no error, but the first pass did. */
			f->recovered = 1;
			snprintf(err, errlen, "ill-formed XML, read in "
			    "recovery mode (%s)", p->xml_error);
		}
		p->doc = NULL;
	}
	xmlFreeDoc(doc);
	return f;
}
