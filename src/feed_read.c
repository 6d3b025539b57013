/*
 * feed_read.c: what the document's start tags, text, entity references
 * and end tags mean.  They come from the stream (feed_sax.c, libxml2's
 * SAX2 push parser) or from the tree of the recovery pass
 * (feed_recover.c), one event at a time, the element in p->node; each
 * goes to feed_xml.c (content) or feed_item.c (meaning).  At the end
 * feed_finish() says what was wrong.  It knows nothing of where the
 * events come from.
 */
#include "autoconf.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "feed_int.h"

/* libxml2's complaints are collected, never printed: this is a pure
 * module.  Namespace errors (an undeclared prefix) do not make a feed
 * ill-formed for us; its elements are still read by prefix. */
void
feed_on_xml_error(void *arg, xmlErrorPtr e)
{
	struct parser *p = arg;
	char msg[200];
	size_t n;

	if (e == NULL || e->level < XML_ERR_ERROR ||
	    e->domain == XML_FROM_NAMESPACE)
		return;
	if (e->code == XML_ERR_INVALID_CHAR && e->message != NULL &&
	    strstr(e->message, "UTF-8") != NULL)
		p->utf8_error = 1;
	/* libxml2 ends the document at a NUL byte, recovering or not. */
	if (e->code == XML_ERR_INVALID_CHAR && e->message != NULL &&
	    strstr(e->message, "Char 0x0 ") != NULL)
		p->nul_byte = 1;
	if (e->code == XML_ERR_UNSUPPORTED_ENCODING)
		p->bad_encoding = 1;
	/* Depth, entity amplification, a huge text node: a hostile
	 * document, not a sloppy one; it gets no second chance.  The
	 * internal error that only echoes an earlier error in an
	 * element's content (after a NUL byte, say) is not one of them. */
	if ((e->code == XML_ERR_INTERNAL_ERROR && (e->message == NULL ||
	    strstr(e->message, "detected an error in element content") ==
	    NULL)) ||
	    e->code == XML_ERR_ENTITY_LOOP || e->code == XML_ERR_NO_MEMORY)
		p->over_limit = 1;
	snprintf(msg, sizeof(msg), "%s", e->message ? e->message : "error");
	n = strlen(msg);
	while (n > 0 && isspace((unsigned char)msg[n - 1]))
		msg[--n] = '\0';
	feed_set_reason(p->xml_error, sizeof(p->xml_error), "line %d: %s",
	    e->line, msg);
}

/* The root element decides the format; anything else is not a feed. */
static int
root_element(struct parser *p, const char *name, char *err, size_t errlen)
{
	if (strcmp(name, "rss") == 0 || strcmp(name, "channel") == 0)
		p->feed->kind = FEED_RSS;
	else if (strcmp(name, "rdf:RDF") == 0 || strcmp(name, "RDF") == 0)
		p->feed->kind = FEED_RDF;
	else if (strcmp(name, "feed") == 0) {
		p->feed->kind = FEED_ATOM;
		p->chan_depth = 0;
	} else {
		const struct xml_node *n = &p->node;

		snprintf(err, errlen, "not a feed: the root element is "
		    "<%s%s%s>, not <rss>, <rdf:RDF> or <feed>",
		    n->prefix != NULL ? n->prefix : "",
		    n->prefix != NULL ? ":" : "", n->local);
		return -1;
	}
	if (strcmp(name, "channel") == 0)
		p->chan_depth = 0;
	p->root_seen = 1;
	return 0;
}

static int
on_start(struct parser *p, char *err, size_t errlen)
{
	int depth = p->node.depth;
	int empty = p->node.empty;
	const char *name;
	char *v;

	if (p->cap.active) {
		feed_cap_child_start(p, p->node.local, empty);
		return 0;
	}
	name = feed_cname(p);
	if (!p->root_seen)
		return root_element(p, name, err, errlen);

	if (!p->in_item) {
		int atom = p->feed->kind == FEED_ATOM;

		if ((atom && strcmp(name, "entry") == 0) ||
		    (!atom && strcmp(name, "item") == 0)) {
			feed_item_begin(p, depth);
			if (empty)
				feed_item_end(p);
			return 0;
		}
		if (p->chan_depth < 0 && strcmp(name, "channel") == 0)
			p->chan_depth = depth;
		if (p->chan_depth < 0 || depth != p->chan_depth + 1)
			return 0;
		if (strcmp(name, "title") == 0 && !empty)
			feed_cap_begin(p, depth, FLD_FEED_TITLE,
			    p->feed->kind == FEED_ATOM ? VALUE_TEXT :
			    VALUE_GUESS);
		else if (strcmp(name, "link") == 0 &&
		    !feed_atom_link(p, &p->feed->link, &p->feed_link_prio) &&
		    !empty) {
			feed_cap_begin(p, depth, FLD_FEED_LINK, VALUE_TEXT);
			p->cap.base = feed_base_uri(p);
		}
		return 0;
	}

	if (strcmp(name, "itunes:category") == 0) {
		/* Nested categories are subcategories: all count. */
		if ((v = feed_attr(p, "text")) != NULL) {
			feed_add_category(p, v, strlen(v));
			free(v);
		}
		return 0;
	}
	if (p->person_depth > 0) {
		if (depth != p->person_depth + 1 || empty)
			return 0;
		if (strcmp(name, "name") == 0)
			feed_cap_begin(p, depth, FLD_PERSON_NAME, VALUE_TEXT);
		else if (strcmp(name, "email") == 0)
			feed_cap_begin(p, depth, FLD_PERSON_EMAIL, VALUE_TEXT);
		return 0;
	}
	if (depth == p->item_depth + 1)
		feed_item_child(p, name, depth, empty);
	return 0;
}

/* Elements nested deeper than the limit stop the walk: depth is that
 * of the element, or for text that of its parent plus one. */
static int
too_deep(struct parser *p, int depth)
{
	if ((size_t)depth <= p->max_depth)
		return 0;
	feed_set_reason(p->stop_reason, sizeof(p->stop_reason),
	    "elements nested deeper than %zu levels", p->max_depth);
	feed_halt(p, 1);
	return 1;
}

static void
after_event(struct parser *p)
{
	if (p->nomem || p->dropped_items)
		feed_halt(p, 1);
}

/* A start tag, the element in p->node. */
void
feed_ev_start(struct parser *p, char *err, size_t errlen)
{
	int depth = p->node.depth;

	if (p->halted || too_deep(p, depth))
		return;
	feed_base_enter(p);
	if (on_start(p, err, errlen) == -1) {
		feed_halt(p, -1);
		return;
	}
	/* <x/> has no end tag of its own. */
	if (p->node.empty) {
		if (p->cap.active && p->cap.depth == depth)
			feed_cap_finish(p);
		else if (p->in_item && p->person_depth == depth)
			feed_person_end(p);
		feed_base_leave(p, depth);
	}
	after_event(p);
}

/* The end tag of the element at depth (never of an empty one). */
void
feed_ev_end(struct parser *p, int depth)
{
	if (p->halted)
		return;
	if (p->cap.active) {
		if (depth > p->cap.depth)
			feed_cap_child_end(p, p->node.local);
		else
			feed_cap_finish(p);
	} else if (p->in_item && p->person_depth > 0 &&
	    depth == p->person_depth)
		feed_person_end(p);
	else if (p->in_item && depth == p->item_depth)
		feed_item_end(p);
	feed_base_leave(p, depth);
	after_event(p);
}

/* Text (character data, CDATA, white space) at depth. */
void
feed_ev_text(struct parser *p, int depth, const char *s, size_t len)
{
	if (p->halted || too_deep(p, depth))
		return;
	if (p->cap.active)
		feed_cap_text(p, s, len);
	after_event(p);
}

/* A reference to an entity the document declared, at depth. */
void
feed_ev_reference(struct parser *p, int depth, const char *name)
{
	if (p->halted || too_deep(p, depth))
		return;
	if (p->cap.active && feed_expand_entity(p, name, 0) == -1) {
		feed_halt(p, 1);
		return;
	}
	after_event(p);
}

/* The walk is over (p->status says how): the feed, or NULL with the
 * reason in err. */
struct feed *
feed_finish(struct parser *p, char *err, size_t errlen)
{
	struct feed *f = p->feed;
	int status = p->status;
	size_t i;

	if (status == -1 && err[0] != '\0')
		goto fail;	/* not a feed: root_element() said why */
	p->xml_stopped = status == -1 && p->stop_reason[0] == '\0' &&
	    !p->nomem;
	if (p->nomem)
		goto nomem;
	if (!p->root_seen) {
		if (p->xml_error[0] != '\0')
			snprintf(err, errlen, "not a feed: XML error before "
			    "the first element (%s)", p->xml_error);
		else
			snprintf(err, errlen, "not a feed: no XML element "
			    "in the document");
		goto fail;
	}
	/* The document ended inside an item (cut short, recovered): keep
	 * what the item had. */
	if (p->in_item && status == 0) {
		if (p->cap.active)
			feed_cap_finish(p);
		feed_item_end(p);
	}
	if (p->stop_reason[0] != '\0' || status == -1) {
		const char *why = p->stop_reason[0] != '\0' ? p->stop_reason :
		    p->xml_error[0] != '\0' ? p->xml_error : "unreadable XML";

		if (p->n_done == 0) {
			snprintf(err, errlen, "refused: %s", why);
			goto fail;
		}
		snprintf(err, errlen, "stopped early (%s); kept the %zu "
		    "items before", why, p->n_done);
		f->recovered = p->xml_error[0] != '\0';
	} else if (p->xml_error[0] != '\0') {
		f->recovered = 1;
		snprintf(err, errlen, "ill-formed XML, read in recovery mode "
		    "(%s)", p->xml_error);
	} else if (p->dropped_items)
		snprintf(err, errlen, "more than %zu items; kept the first",
		    p->max_items);
	else if (p->truncated)
		snprintf(err, errlen, "a field longer than %zu bytes was cut",
		    p->max_text);
	if (f->link != NULL && !feed_is_absolute(f->link) &&
	    p->base_url != NULL)
		feed_replace(&f->link, feed_resolve(p, f->link, p->base_url));
	for (i = 0; i < f->n_items; i++)
		if (feed_item_finish(p, &f->items[i]) == -1)
			goto nomem;
	if (f->title == NULL && (f->title = strdup("")) == NULL)
		goto nomem;
	if (p->nomem)
		goto nomem;
	return f;

nomem:
	snprintf(err, errlen, "out of memory");
fail:
	feed_free(f);
	p->feed = NULL;
	return NULL;
}
