/*
 * feed_xml.c: the feed parser's view of the current element (struct
 * xml_node, from the stream or the recovery tree).  Element names
 * are mapped to one spelling whatever prefix a document chose, and the
 * content of the element being read is collected here: as text while it
 * is text, as re-serialised markup once a child element appears (Atom's
 * inline XHTML, HTML written straight into an RSS description), with
 * the document's own internal entities expanded within a budget.
 */
#include "autoconf.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/entities.h>
#include <libxml/uri.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>

#include "feed_int.h"

void
feed_set_reason(char *dst, size_t len, const char *fmt, ...)
{
	va_list ap;

	if (dst[0] != '\0')
		return;
	va_start(ap, fmt);
	vsnprintf(dst, len, fmt, ap);
	va_end(ap);
}

char *
feed_strdup(struct parser *p, const char *s)
{
	char *d;

	if (s == NULL)
		return NULL;
	if ((d = strdup(s)) == NULL)
		p->nomem = 1;
	return d;
}

void
feed_replace(char **slot, char *value)
{
	free(*slot);
	*slot = value;
}

/* Trim ASCII white space at both ends, in place. */
char *
feed_trim(char *s)
{
	size_t n;

	while (isspace((unsigned char)*s))
		s++;
	n = strlen(s);
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	return s;
}

/* Namespaces by the prefix this file calls them; "" for the feed
 * formats' own, whose elements go by their bare names. */
static const struct {
	const char	*uri;
	const char	*prefix;
} namespaces[] = {
	{ "http://www.w3.org/2005/Atom",			"" },
	{ "http://purl.org/atom/ns#",				"" },
	{ "http://purl.org/rss/1.0/",				"" },
	{ "http://my.netscape.com/rdf/simple/0.9/",		"" },
	{ "http://backend.userland.com/rss2",			"" },
	{ "http://blogs.law.harvard.edu/tech/rss",		"" },
	{ "http://purl.org/dc/elements/1.1/",			"dc" },
	{ "http://purl.org/dc/terms/",				"dcterms" },
	{ "http://purl.org/rss/1.0/modules/content/",		"content" },
	{ "http://www.itunes.com/dtds/podcast-1.0.dtd",		"itunes" },
	{ "http://search.yahoo.com/mrss/",			"media" },
	{ "http://search.yahoo.com/mrss",			"media" },
	{ "http://www.w3.org/1999/xhtml",			"xhtml" },
	{ "http://www.w3.org/1999/02/22-rdf-syntax-ns#",	"rdf" },
	{ NULL,							NULL }
};

/* The element's name as this file knows it: "dc:date" whatever prefix
 * the document chose, "title" for RSS's and Atom's own. */
const char *
feed_cname(struct parser *p)
{
	const char *uri = p->node.uri, *local = p->node.local;
	const char *prefix = NULL, *colon;
	char undeclared[32];
	size_t plen, llen;
	int i;

	if (local == NULL)
		return "";
	if (uri != NULL) {
		for (i = 0; namespaces[i].uri != NULL; i++)
			if (strcasecmp(uri, namespaces[i].uri) == 0) {
				prefix = namespaces[i].prefix;
				break;
			}
		if (prefix == NULL) {
			prefix = p->node.prefix;
			if (prefix == NULL)
				/* an unknown default namespace:
				 * matches nothing */
				prefix = "?";
		}
	} else if ((colon = strchr(local, ':')) != NULL &&
	    (size_t)(colon - local) < sizeof(undeclared)) {
		/* A prefix the document never declared ("dc:creator"
		 * without xmlns:dc): go by the prefix as written. */
		memcpy(undeclared, local, colon - local);
		undeclared[colon - local] = '\0';
		prefix = undeclared;
		local = colon + 1;
	}
	if (prefix == NULL || *prefix == '\0')
		return local;	/* the common case: no copy */
	plen = strlen(prefix);
	llen = strlen(local);
	if (plen + 1 + llen >= sizeof(p->cname))
		return "";	/* no element we know is that long */
	memcpy(p->cname, prefix, plen);
	p->cname[plen] = ':';
	memcpy(p->cname + plen + 1, local, llen + 1);
	return p->cname;
}

/* An attribute's value as libxml2's tree would give it: SAX2 hands
 * over a value holding an entity reference still escaped ("&#38;" for
 * "&amp;", "&name;" for a declared entity) and NUL-terminated, the
 * plain case as a slice of the input.  Caller frees. */
static char *
sax_attr_value(struct parser *p, const xmlChar *v, const xmlChar *end)
{
	xmlNodePtr list;
	xmlChar *s;
	char *copy;

	if (*end != '\0') {
		if ((copy = malloc(end - v + 1)) == NULL) {
			p->nomem = 1;
			return NULL;
		}
		memcpy(copy, v, end - v);
		copy[end - v] = '\0';
		return copy;
	}
	list = xmlStringLenGetNodeList(p->doc, v, (int)(end - v));
	s = xmlNodeListGetString(p->doc, list, 1);
	xmlFreeNodeList(list);
	copy = feed_strdup(p, s != NULL ? (const char *)s : "");
	xmlFree(s);
	return copy;
}

/* A tree attribute's value, as the reader read it; caller frees. */
static char *
tree_attr_value(struct parser *p, xmlAttrPtr a)
{
	xmlChar *s = xmlNodeListGetString(p->doc, a->children, 1);
	char *copy;

	if (s == NULL)
		return NULL;
	/* libxml2 allocates with xmlMalloc: hand back a string the
	 * caller may free(). */
	copy = feed_strdup(p, (const char *)s);
	xmlFree(s);
	return copy;
}

/* An attribute by local name, any case and any namespace (feeds write
 * isPermaLink, ispermalink and rdf:about); caller frees.  An attribute
 * whose prefix was never declared goes by "prefix:name" whole, and so
 * matches none of ours. */
char *
feed_attr(struct parser *p, const char *name)
{
	const struct xml_node *n = &p->node;
	xmlAttrPtr a;
	int i;

	for (i = 0; i < n->n_sax_attrs; i++) {
		const xmlChar **at = n->sax_attrs + 5 * i;

		if ((at[1] != NULL && at[2] == NULL) ||
		    strcasecmp((const char *)at[0], name) != 0)
			continue;
		return sax_attr_value(p, at[3], at[4]);
	}
	for (a = n->tree_attrs; a != NULL; a = a->next)
		if (a->name != NULL &&
		    strcasecmp((const char *)a->name, name) == 0)
			return tree_attr_value(p, a);
	return NULL;
}

/* The element's own xml:base; caller frees. */
static char *
xml_base(struct parser *p)
{
	const struct xml_node *n = &p->node;
	xmlAttrPtr a;
	int i;

	for (i = 0; i < n->n_sax_attrs; i++) {
		const xmlChar **at = n->sax_attrs + 5 * i;

		if (at[2] != NULL && strcmp((const char *)at[0], "base") == 0 &&
		    strcmp((const char *)at[2],
		    (const char *)XML_XML_NAMESPACE) == 0)
			return sax_attr_value(p, at[3], at[4]);
	}
	for (a = n->tree_attrs; a != NULL; a = a->next)
		if (a->ns != NULL && a->name != NULL &&
		    strcmp((const char *)a->name, "base") == 0 &&
		    xmlStrEqual(a->ns->href, XML_XML_NAMESPACE))
			return tree_attr_value(p, a);
	return NULL;
}

/*
 * The element starts: an xml:base on it is resolved against the one in
 * force (as xmlNodeGetBase resolves a node's against its ancestors') and
 * holds until feed_base_leave() at its end.
 */
void
feed_base_enter(struct parser *p)
{
	struct xml_base *grown;
	char *own, *uri;
	xmlChar *built;

	if ((own = xml_base(p)) == NULL)
		return;
	uri = own;
	if (p->n_bases > 0 && strncmp(own, "http://", 7) != 0 &&
	    strncmp(own, "ftp://", 6) != 0 && strncmp(own, "urn:", 4) != 0) {
		built = xmlBuildURI((const xmlChar *)own,
		    (const xmlChar *)p->bases[p->n_bases - 1].uri);
		if (built != NULL) {
			uri = feed_strdup(p, (const char *)built);
			xmlFree(built);
			free(own);
			if (uri == NULL)
				return;
		}
	}
	if (p->n_bases == p->bases_alloc) {
		size_t n = p->bases_alloc ? p->bases_alloc * 2 : 8;

		if ((grown = reallocarray(p->bases, n, sizeof(*grown))) ==
		    NULL) {
			p->nomem = 1;
			free(uri);
			return;
		}
		p->bases = grown;
		p->bases_alloc = n;
	}
	p->bases[p->n_bases].depth = p->node.depth;
	p->bases[p->n_bases].uri = uri;
	p->n_bases++;
}

/* The element at depth ends: its xml:base no longer holds. */
void
feed_base_leave(struct parser *p, int depth)
{
	while (p->n_bases > 0 && p->bases[p->n_bases - 1].depth >= depth)
		free(p->bases[--p->n_bases].uri);
}

/* The base URI in force at the current element, for xmlBuildURI. */
char *
feed_base_uri(struct parser *p)
{
	if (p->n_bases == 0)
		return NULL;
	return feed_strdup(p, p->bases[p->n_bases - 1].uri);
}

/* Stop the walk; status as struct parser says. */
void
feed_halt(struct parser *p, int status)
{
	if (p->halted)
		return;
	p->halted = 1;
	p->status = status;
	if (p->ctxt != NULL)
		xmlStopParser(p->ctxt);
}

int
feed_is_absolute(const char *uri)
{
	const char *s = uri;

	if (!isalpha((unsigned char)*s))
		return 0;
	while (isalnum((unsigned char)*s) || *s == '+' || *s == '-' ||
	    *s == '.')
		s++;
	return *s == ':';
}

/* uri resolved against base; a copy of uri when that fails. */
char *
feed_resolve(struct parser *p, const char *uri, const char *base)
{
	xmlChar *built;
	char *copy;

	if (base == NULL || *base == '\0' || feed_is_absolute(uri))
		return feed_strdup(p, uri);
	built = xmlBuildURI((const xmlChar *)uri, (const xmlChar *)base);
	if (built == NULL)
		return feed_strdup(p, uri);
	copy = feed_strdup(p, (const char *)built);
	xmlFree(built);
	return copy;
}

/* Append len bytes to b, which grows as needed. */
static void
buf_add(struct parser *p, struct cap_buf *b, const char *s, size_t len)
{
	char *grown;
	size_t n;

	if (b->len + len + 1 > b->alloc) {
		for (n = b->alloc ? b->alloc : 256; n < b->len + len + 1;
		    n *= 2)
			;
		if ((grown = realloc(b->data, n)) == NULL) {
			p->nomem = 1;
			return;
		}
		b->data = grown;
		b->alloc = n;
	}
	memcpy(b->data + b->len, s, len);
	b->len += len;
	b->data[b->len] = '\0';
}

/* Append len bytes to the capture, no further than max_text and never
 * through the middle of a UTF-8 sequence. */
static void
cap_append(struct parser *p, const char *s, size_t len)
{
	size_t have = p->cap.buf.len;

	if (have + len > p->max_text) {
		len = have < p->max_text ? p->max_text - have : 0;
		while (len > 0 && ((unsigned char)s[len] & 0xc0) == 0x80)
			len--;
		p->truncated = 1;
	}
	if (len > 0)
		buf_add(p, &p->cap.buf, s, len);
}

/* Text as markup: what would read back as the same characters. */
static void
cap_append_escaped(struct parser *p, const char *s, size_t len)
{
	const char *run = s, *end = s + len;

	for (; s < end; s++) {
		const char *esc;

		switch (*s) {
		case '&':
			esc = "&amp;";
			break;
		case '<':
			esc = "&lt;";
			break;
		case '>':
			esc = "&gt;";
			break;
		default:
			continue;
		}
		cap_append(p, run, s - run);
		cap_append(p, esc, strlen(esc));
		run = s + 1;
	}
	cap_append(p, run, end - run);
}

/* Fields that are text constructs: they may hold markup.  The others
 * (ids, links, dates, names, categories) keep only their own text. */
static int
cap_is_text_construct(const struct capture *c)
{
	return c->field == FLD_TITLE || c->field == FLD_MEDIA_TITLE ||
	    c->field == FLD_SUMMARY || c->field == FLD_CONTENT ||
	    c->field == FLD_FEED_TITLE;
}

void
feed_cap_text(struct parser *p, const char *s, size_t len)
{
	if (!cap_is_text_construct(&p->cap)) {
		if (p->cap.child_depth == 0)
			cap_append(p, s, len);
	} else if (p->cap.markup && p->cap.type != VALUE_HTML)
		cap_append_escaped(p, s, len);
	else
		/* Escaped HTML stays HTML source even between tags
		 * (a <div> written into type="html" content). */
		cap_append(p, s, len);
}

/* A child element inside captured content: from here on the content is
 * markup, and what was collected as text so far is escaped to match. */
void
feed_cap_child_start(struct parser *p, const char *name, int empty)
{
	if (!cap_is_text_construct(&p->cap)) {
		if (!empty)
			p->cap.child_depth++;
		return;
	}
	if (!p->cap.markup) {
		struct cap_buf text = p->cap.buf;

		memset(&p->cap.buf, 0, sizeof(p->cap.buf));
		p->cap.markup = 1;
		if (text.len > 0 && p->cap.type == VALUE_HTML)
			cap_append(p, text.data, text.len);
		else if (text.len > 0)
			cap_append_escaped(p, text.data, text.len);
		free(text.data);
	}
	cap_append(p, "<", 1);
	cap_append(p, name, strlen(name));
	cap_append(p, ">", 1);
	if (empty) {
		cap_append(p, "</", 2);
		cap_append(p, name, strlen(name));
		cap_append(p, ">", 1);
	}
}

void
feed_cap_child_end(struct parser *p, const char *name)
{
	if (!cap_is_text_construct(&p->cap)) {
		p->cap.child_depth--;
		return;
	}
	cap_append(p, "</", 2);
	cap_append(p, name, strlen(name));
	cap_append(p, ">", 1);
}

/*
 * An entity reference the document's own DTD declared.  libxml2 leaves
 * it unexpanded (no XML_PARSE_NOENT); internal entities are expanded
 * here, nested ones too, up to ENTITY_BUDGET bytes per document, so
 * that a "billion laughs" stops after a few hundred kilobytes.  External
 * entities are never read.
 */
int
feed_expand_entity(struct parser *p, const char *name, int level)
{
	xmlEntityPtr ent;
	const char *s, *run;

	if (level > ENTITY_DEPTH) {
		feed_set_reason(p->stop_reason, sizeof(p->stop_reason),
		    "entities nested deeper than %d levels", ENTITY_DEPTH);
		return -1;
	}
	if ((ent = xmlGetPredefinedEntity((const xmlChar *)name)) == NULL)
		ent = xmlGetDocEntity(p->doc, (const xmlChar *)name);
	if (ent == NULL || ent->etype == XML_EXTERNAL_GENERAL_PARSED_ENTITY ||
	    ent->etype == XML_EXTERNAL_GENERAL_UNPARSED_ENTITY ||
	    ent->content == NULL)
		return 0;
	p->entity_spent += (size_t)xmlStrlen(ent->content);
	if (p->entity_spent > ENTITY_BUDGET) {
		feed_set_reason(p->stop_reason, sizeof(p->stop_reason),
		    "entity expansion over %d bytes (an entity bomb?)",
		    ENTITY_BUDGET);
		return -1;
	}
	if (ent->etype == XML_INTERNAL_PREDEFINED_ENTITY) {
		feed_cap_text(p, (const char *)ent->content,
		    (size_t)xmlStrlen(ent->content));
		return 0;
	}
	for (s = run = (const char *)ent->content; *s != '\0'; s++) {
		const char *semi;
		char ref[64];

		if (*s != '&' || (semi = strchr(s, ';')) == NULL ||
		    (size_t)(semi - s - 1) >= sizeof(ref) || s[1] == '#')
			continue;
		feed_cap_text(p, run, s - run);
		memcpy(ref, s + 1, semi - s - 1);
		ref[semi - s - 1] = '\0';
		if (feed_expand_entity(p, ref, level + 1) == -1)
			return -1;
		s = semi;
		run = s + 1;
	}
	feed_cap_text(p, run, s - run);
	return 0;
}

void
feed_cap_begin(struct parser *p, int depth, enum field field,
    enum value_type dflt)
{
	char *type = feed_attr(p, "type"), *mode = feed_attr(p, "mode");

	p->cap.active = 1;
	p->cap.depth = depth;
	p->cap.field = field;
	p->cap.type = value_type_of(type, dflt);
	p->cap.base64 = mode != NULL && strcasecmp(mode, "base64") == 0;
	if (mode != NULL && strcasecmp(mode, "xml") == 0 && type == NULL)
		p->cap.type = VALUE_XHTML;
	if (mode != NULL && strcasecmp(mode, "escaped") == 0 &&
	    type == NULL)
		p->cap.type = VALUE_HTML;
	p->cap.markup = 0;
	p->cap.child_depth = 0;
	free(type);
	free(mode);
	p->cap.buf.len = 0;
}
