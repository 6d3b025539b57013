/*
 * feed.c: RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 -> items, on libxml2's
 * streaming xmlTextReader.  A reader keeps only the current branch of
 * the tree, so a 50 MB feed costs a few megabytes, and this file sees
 * the document as a stream of start tags, text and end tags.
 *
 * Safety: no network, no DTD loading and no entity substitution by
 * libxml2 (XML_PARSE_NOENT would let an entity read a local file).
 * Internal entities that a feed declares are expanded here, within a
 * budget; external ones are dropped.  Depth, field size and item count
 * are bounded by struct feed_limits, libxml2's own limits stay on.
 *
 * Which element means what follows RSS and Atom as real readers apply
 * them (see feed_value.c for text versus HTML): only direct children of
 * an item count, except itunes:category, which nests.
 */
#include "autoconf.h"

#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/entities.h>
#include <libxml/uri.h>
#include <libxml/xmlreader.h>

#include "date.h"
#include "feed.h"
#include "feed_value.h"
#include "hash.h"

#define DEFAULT_MAX_ITEMS	1000
#define DEFAULT_MAX_DEPTH	256
#define DEFAULT_MAX_TEXT	(1024 * 1024)
/* Bytes of internal entity text one document may expand, and how deep
 * entities may refer to entities: enough for real DOCTYPEs, far too
 * little for an entity bomb. */
#define ENTITY_BUDGET		(256 * 1024)
#define ENTITY_DEPTH		8

#define READER_OPTIONS	(XML_PARSE_NONET | XML_PARSE_RECOVER | \
			 XML_PARSE_NOCDATA | XML_PARSE_COMPACT)

enum field {
	FLD_NONE,
	FLD_TITLE,
	FLD_MEDIA_TITLE,	/* a title only where there is no other */
	FLD_LINK,
	FLD_GUID,
	FLD_ID,
	FLD_PUBLISHED,
	FLD_UPDATED,
	FLD_AUTHOR,
	FLD_PERSON_NAME,	/* inside an Atom author */
	FLD_PERSON_EMAIL,
	FLD_SUMMARY,
	FLD_CONTENT,
	FLD_CATEGORY,
	FLD_CATEGORY_LIST,	/* comma-separated: media:keywords, tags */
	FLD_FEED_TITLE,
	FLD_FEED_LINK
};

struct rule {
	const char	*name;		/* canonical: "title", "dc:date" */
	enum field	 field;
	enum value_type	 type;		/* when no type attribute says */
};

/* The elements an item's direct children may be. */
static const struct rule item_rules[] = {
	{ "title",		FLD_TITLE,		VALUE_GUESS },
	{ "dc:title",		FLD_TITLE,		VALUE_GUESS },
	{ "media:title",	FLD_MEDIA_TITLE,	VALUE_TEXT },
	{ "link",		FLD_LINK,		VALUE_TEXT },
	{ "guid",		FLD_GUID,		VALUE_TEXT },
	{ "id",			FLD_ID,			VALUE_TEXT },
	{ "pubDate",		FLD_PUBLISHED,		VALUE_TEXT },
	{ "dcterms:issued",	FLD_PUBLISHED,		VALUE_TEXT },
	{ "published",		FLD_PUBLISHED,		VALUE_TEXT },
	{ "issued",		FLD_PUBLISHED,		VALUE_TEXT },
	{ "dc:date",		FLD_UPDATED,		VALUE_TEXT },
	{ "dcterms:modified",	FLD_UPDATED,		VALUE_TEXT },
	{ "updated",		FLD_UPDATED,		VALUE_TEXT },
	{ "modified",		FLD_UPDATED,		VALUE_TEXT },
	{ "author",		FLD_AUTHOR,		VALUE_TEXT },
	{ "dc:creator",		FLD_AUTHOR,		VALUE_TEXT },
	{ "dc:author",		FLD_AUTHOR,		VALUE_TEXT },
	{ "itunes:author",	FLD_AUTHOR,		VALUE_TEXT },
	{ "description",	FLD_SUMMARY,		VALUE_HTML },
	{ "dc:description",	FLD_SUMMARY,		VALUE_HTML },
	{ "summary",		FLD_SUMMARY,		VALUE_GUESS },
	{ "itunes:summary",	FLD_SUMMARY,		VALUE_GUESS },
	{ "content:encoded",	FLD_CONTENT,		VALUE_HTML },
	{ "content",		FLD_CONTENT,		VALUE_TEXT },
	{ "xhtml:body",		FLD_CONTENT,		VALUE_XHTML },
	{ "fullitem",		FLD_CONTENT,		VALUE_HTML },
	{ "category",		FLD_CATEGORY,		VALUE_TEXT },
	{ "dc:subject",		FLD_CATEGORY,		VALUE_TEXT },
	{ "media:keywords",	FLD_CATEGORY_LIST,	VALUE_TEXT },
	{ "tags",		FLD_CATEGORY_LIST,	VALUE_TEXT },
	{ NULL,			FLD_NONE,		VALUE_TEXT }
};

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

/* The element whose content is being collected. */
struct capture {
	int		 active;
	int		 depth;
	enum field	 field;
	enum value_type	 type;
	int		 base64;	/* Atom 0.3 mode="base64" */
	int		 markup;	/* child elements were serialised */
	int		 permalink;	/* RSS guid: isPermaLink absent/"true" */
	char		*base;		/* xml:base in force, for links */
	xmlBufferPtr	 buf;
};

struct parser {
	xmlTextReaderPtr	 reader;
	struct feed		*feed;
	size_t			 max_items, max_depth, max_text;
	const char		*base_url;

	int		 root_seen;
	int		 chan_depth;	/* depth of channel (Atom: feed) */
	int		 feed_link_prio;

	int		 in_item;
	int		 item_depth;
	struct feed_item item;
	int		 title_set;	/* by title, not media:title */
	int		 permalink;	/* the guid may stand for the link */
	char		*guid;
	int		 link_prio;
	int		 person_depth;	/* > 0 inside an Atom author */
	char		*person_name, *person_email;
	size_t		 cat_alloc;

	struct capture	 cap;
	size_t		 entity_spent;
	char		 cname[128];

	/* Why the parse stopped or what was wrong: the first of each. */
	char		 stop_reason[256];
	char		 xml_error[256];
	int		 truncated;
	int		 dropped_items;
	int		 nomem;
};

static void
set_reason(char *dst, size_t len, const char *fmt, ...)
{
	va_list ap;

	if (dst[0] != '\0')
		return;
	va_start(ap, fmt);
	vsnprintf(dst, len, fmt, ap);
	va_end(ap);
}

/* libxml2's complaints are collected, never printed: this is a pure
 * module.  Namespace errors (an undeclared prefix) do not make a feed
 * ill-formed for us; its elements are still read by prefix. */
static void
on_xml_error(void *arg, xmlErrorPtr e)
{
	struct parser *p = arg;
	char msg[200];
	size_t n;

	if (e == NULL || e->level < XML_ERR_ERROR ||
	    e->domain == XML_FROM_NAMESPACE)
		return;
	snprintf(msg, sizeof(msg), "%s", e->message ? e->message : "error");
	n = strlen(msg);
	while (n > 0 && isspace((unsigned char)msg[n - 1]))
		msg[--n] = '\0';
	set_reason(p->xml_error, sizeof(p->xml_error), "line %d: %s",
	    e->line, msg);
}

static char *
xstrdup(struct parser *p, const char *s)
{
	char *d;

	if (s == NULL)
		return NULL;
	if ((d = strdup(s)) == NULL)
		p->nomem = 1;
	return d;
}

static void
replace(char **slot, char *value)
{
	free(*slot);
	*slot = value;
}

/* Trim ASCII white space at both ends, in place. */
static char *
trim(char *s)
{
	size_t n;

	while (isspace((unsigned char)*s))
		s++;
	n = strlen(s);
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	return s;
}

/* The element's name as this file knows it: "dc:date" whatever prefix
 * the document chose, "title" for RSS's and Atom's own. */
static const char *
canonical_name(struct parser *p)
{
	const char *uri = (const char *)xmlTextReaderConstNamespaceUri(
	    p->reader);
	const char *local = (const char *)xmlTextReaderConstLocalName(
	    p->reader);
	const char *prefix = NULL, *colon;
	char undeclared[32];
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
			prefix = (const char *)xmlTextReaderConstPrefix(
			    p->reader);
			if (prefix == NULL)
				prefix = "?";	/* unknown default: no match */
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
	snprintf(p->cname, sizeof(p->cname), "%s%s%s",
	    prefix != NULL ? prefix : "",
	    prefix != NULL && *prefix != '\0' ? ":" : "", local);
	return p->cname;
}

/* An attribute by local name, any case and any namespace (feeds write
 * isPermaLink, ispermalink and rdf:about); caller frees. */
static char *
attr(struct parser *p, const char *name)
{
	char *value = NULL;

	if (xmlTextReaderHasAttributes(p->reader) != 1)
		return NULL;
	while (xmlTextReaderMoveToNextAttribute(p->reader) == 1) {
		const char *local = (const char *)xmlTextReaderConstLocalName(
		    p->reader);

		if (xmlTextReaderIsNamespaceDecl(p->reader) == 1 ||
		    local == NULL || strcasecmp(local, name) != 0)
			continue;
		value = (char *)xmlTextReaderValue(p->reader);
		if (value != NULL) {
			/* libxml2 allocates with xmlMalloc: hand back a
			 * string the caller may free(). */
			char *copy = xstrdup(p, value);

			xmlFree(value);
			value = copy;
		}
		break;
	}
	xmlTextReaderMoveToElement(p->reader);
	return value;
}

/* The base URI in force at the current element, for xmlBuildURI. */
static char *
current_base(struct parser *p)
{
	xmlChar *base = xmlTextReaderBaseUri(p->reader);
	char *copy;

	if (base == NULL)
		return NULL;
	copy = xstrdup(p, (const char *)base);
	xmlFree(base);
	return copy;
}

static int
is_absolute(const char *uri)
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
static char *
resolve(struct parser *p, const char *uri, const char *base)
{
	xmlChar *built;
	char *copy;

	if (base == NULL || *base == '\0' || is_absolute(uri))
		return xstrdup(p, uri);
	built = xmlBuildURI((const xmlChar *)uri, (const xmlChar *)base);
	if (built == NULL)
		return xstrdup(p, uri);
	copy = xstrdup(p, (const char *)built);
	xmlFree(built);
	return copy;
}

/* Append len bytes to the capture, no further than max_text and never
 * through the middle of a UTF-8 sequence. */
static void
cap_append(struct parser *p, const char *s, size_t len)
{
	size_t have = (size_t)xmlBufferLength(p->cap.buf);

	if (have + len > p->max_text) {
		len = have < p->max_text ? p->max_text - have : 0;
		while (len > 0 && ((unsigned char)s[len] & 0xc0) == 0x80)
			len--;
		p->truncated = 1;
	}
	if (len > 0 && xmlBufferAdd(p->cap.buf, (const xmlChar *)s,
	    (int)len) != 0)
		p->nomem = 1;
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

static void
cap_text(struct parser *p, const char *s, size_t len)
{
	if (p->cap.markup)
		cap_append_escaped(p, s, len);
	else
		cap_append(p, s, len);
}

/* A child element inside captured content: from here on the content is
 * markup, and what was collected as text so far is escaped to match. */
static void
cap_child_start(struct parser *p, const char *name, int empty)
{
	if (!p->cap.markup) {
		xmlBufferPtr text = p->cap.buf;

		if ((p->cap.buf = xmlBufferCreate()) == NULL) {
			p->cap.buf = text;
			p->nomem = 1;
			return;
		}
		p->cap.markup = 1;
		cap_append_escaped(p, (const char *)xmlBufferContent(text),
		    (size_t)xmlBufferLength(text));
		xmlBufferFree(text);
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

static void
cap_child_end(struct parser *p, const char *name)
{
	cap_append(p, "</", 2);
	cap_append(p, name, strlen(name));
	cap_append(p, ">", 1);
}

/* The document being read.  Not xmlTextReaderCurrentDoc(): that hands
 * the document over to the caller, and the reader would not free it. */
static xmlDocPtr
current_doc(struct parser *p)
{
	xmlNodePtr node = xmlTextReaderCurrentNode(p->reader);

	return node != NULL ? node->doc : NULL;
}

/*
 * An entity reference the document's own DTD declared.  libxml2 leaves
 * it unexpanded (no XML_PARSE_NOENT); internal entities are expanded
 * here, nested ones too, up to ENTITY_BUDGET bytes per document, so
 * that a "billion laughs" stops after a few hundred kilobytes.  External
 * entities are never read.
 */
static int
expand_entity(struct parser *p, const char *name, int level)
{
	xmlEntityPtr ent;
	const char *s, *run;

	if (level > ENTITY_DEPTH) {
		set_reason(p->stop_reason, sizeof(p->stop_reason),
		    "entities nested deeper than %d levels", ENTITY_DEPTH);
		return -1;
	}
	if ((ent = xmlGetPredefinedEntity((const xmlChar *)name)) == NULL)
		ent = xmlGetDocEntity(current_doc(p), (const xmlChar *)name);
	if (ent == NULL || ent->etype == XML_EXTERNAL_GENERAL_PARSED_ENTITY ||
	    ent->etype == XML_EXTERNAL_GENERAL_UNPARSED_ENTITY ||
	    ent->content == NULL)
		return 0;
	p->entity_spent += (size_t)xmlStrlen(ent->content);
	if (p->entity_spent > ENTITY_BUDGET) {
		set_reason(p->stop_reason, sizeof(p->stop_reason),
		    "entity expansion over %d bytes (an entity bomb?)",
		    ENTITY_BUDGET);
		return -1;
	}
	if (ent->etype == XML_INTERNAL_PREDEFINED_ENTITY) {
		cap_text(p, (const char *)ent->content,
		    (size_t)xmlStrlen(ent->content));
		return 0;
	}
	for (s = run = (const char *)ent->content; *s != '\0'; s++) {
		const char *semi;
		char ref[64];

		if (*s != '&' || (semi = strchr(s, ';')) == NULL ||
		    (size_t)(semi - s - 1) >= sizeof(ref) || s[1] == '#')
			continue;
		cap_text(p, run, s - run);
		memcpy(ref, s + 1, semi - s - 1);
		ref[semi - s - 1] = '\0';
		if (expand_entity(p, ref, level + 1) == -1)
			return -1;
		s = semi;
		run = s + 1;
	}
	cap_text(p, run, s - run);
	return 0;
}

static void
cap_begin(struct parser *p, int depth, enum field field,
    enum value_type dflt)
{
	char *type = attr(p, "type"), *mode = attr(p, "mode");

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
	free(type);
	free(mode);
	xmlBufferEmpty(p->cap.buf);
}

static void
add_category(struct parser *p, const char *raw, size_t len)
{
	struct feed_item *it = &p->item;
	char *term, *t;
	size_t i;

	if ((term = malloc(len + 1)) == NULL) {
		p->nomem = 1;
		return;
	}
	memcpy(term, raw, len);
	term[len] = '\0';
	value_collapse(term);
	t = term;
	if (*t == '\0')
		goto drop;
	for (i = 0; i < it->n_categories; i++)
		if (strcmp(it->categories[i], t) == 0)
			goto drop;
	if (it->n_categories == p->cat_alloc) {
		size_t n = p->cat_alloc ? p->cat_alloc * 2 : 4;
		char **grown;

		if (n > 4096)
			goto drop;	/* enough for any honest item */
		if ((grown = reallocarray(it->categories, n,
		    sizeof(*grown))) == NULL) {
			p->nomem = 1;
			goto drop;
		}
		it->categories = grown;
		p->cat_alloc = n;
	}
	it->categories[it->n_categories++] = term;
	return;
drop:
	free(term);
}

static void
add_category_list(struct parser *p, const char *s)
{
	const char *comma;

	while ((comma = strchr(s, ',')) != NULL) {
		add_category(p, s, comma - s);
		s = comma + 1;
	}
	add_category(p, s, strlen(s));
}

static void
set_date(struct parser *p, const char *s, time_t *when, int *has)
{
	time_t t;

	if (date_parse(s, &t) == 0) {
		*when = t;
		*has = 1;
	}
}

/* The captured element is complete: give its value to the field. */
static void
cap_finish(struct parser *p)
{
	struct feed_item *it = &p->item;
	char *raw, *text = NULL, *v;
	size_t len;

	p->cap.active = 0;
	if (xmlBufferAdd(p->cap.buf, (const xmlChar *)"", 0) != 0)
		p->nomem = 1;
	len = (size_t)xmlBufferLength(p->cap.buf);
	if ((raw = malloc(len + 1)) == NULL) {
		p->nomem = 1;
		goto out;
	}
	memcpy(raw, xmlBufferContent(p->cap.buf), len);
	raw[len] = '\0';
	if (p->cap.base64 && !p->cap.markup) {
		long n = value_base64_decode(raw);

		if (n < 0 || !xmlCheckUTF8((const unsigned char *)raw)) {
			memcpy(raw, xmlBufferContent(p->cap.buf), len);
			raw[len] = '\0';
		} else
			len = (size_t)n;
	}

	switch (p->cap.field) {
	case FLD_TITLE:
	case FLD_MEDIA_TITLE:
	case FLD_SUMMARY:
	case FLD_CONTENT:
	case FLD_FEED_TITLE:
		if ((text = value_to_text(raw, len, p->cap.type,
		    p->cap.markup)) == NULL) {
			p->nomem = 1;
			goto out;
		}
		break;
	default:
		break;
	}

	switch (p->cap.field) {
	case FLD_TITLE:
		replace(&it->title, text);
		text = NULL;
		p->title_set = 1;
		break;
	case FLD_MEDIA_TITLE:
		if (!p->title_set) {
			replace(&it->title, text);
			text = NULL;
		}
		break;
	case FLD_SUMMARY:
		if (it->summary == NULL && *text != '\0') {
			it->summary = text;
			text = NULL;
		}
		break;
	case FLD_CONTENT:
		if (it->content == NULL && *text != '\0') {
			it->content = text;
			text = NULL;
		}
		break;
	case FLD_LINK:
		v = trim(raw);
		if (*v != '\0' && p->link_prio <= 1) {
			replace(&it->link, resolve(p, v, p->cap.base));
			p->link_prio = 1;
		}
		break;
	case FLD_GUID:
		v = trim(raw);
		replace(&it->id, xstrdup(p, v));
		replace(&p->guid, xstrdup(p, v));
		p->permalink = p->cap.permalink;
		break;
	case FLD_ID:
		replace(&it->id, xstrdup(p, trim(raw)));
		break;
	case FLD_PUBLISHED:
		set_date(p, raw, &it->published, &it->has_published);
		break;
	case FLD_UPDATED:
		set_date(p, raw, &it->updated, &it->has_updated);
		break;
	case FLD_AUTHOR:
		value_collapse(raw);
		if (*raw != '\0')
			replace(&it->author, xstrdup(p, raw));
		break;
	case FLD_PERSON_NAME:
		value_collapse(raw);
		replace(&p->person_name, xstrdup(p, raw));
		break;
	case FLD_PERSON_EMAIL:
		value_collapse(raw);
		replace(&p->person_email, xstrdup(p, raw));
		break;
	case FLD_CATEGORY:
		add_category(p, raw, strlen(raw));
		break;
	case FLD_CATEGORY_LIST:
		add_category_list(p, raw);
		break;
	case FLD_FEED_TITLE:
		replace(&p->feed->title, text);
		text = NULL;
		break;
	case FLD_FEED_LINK:
		v = trim(raw);
		if (*v != '\0' && p->feed_link_prio <= 1) {
			replace(&p->feed->link, resolve(p, v, p->cap.base));
			p->feed_link_prio = 1;
		}
		break;
	case FLD_NONE:
		break;
	}
out:
	free(text);
	free(raw);
	replace(&p->cap.base, NULL);
}

/*
 * A link element with an href (Atom, or atom:link in RSS).  The link of
 * an item is its rel="alternate" HTML link: the first such wins over
 * links of other types, which win over nothing.
 */
static int
atom_link(struct parser *p, char **slot, int *prio)
{
	char *href, *rel, *type, *base;
	int rank = 0;

	if ((href = attr(p, "href")) == NULL &&
	    (href = attr(p, "url")) == NULL &&
	    (href = attr(p, "uri")) == NULL)
		return 0;
	rel = attr(p, "rel");
	type = attr(p, "type");
	if (rel == NULL || strcasecmp(rel, "alternate") == 0) {
		if (type == NULL || strcasecmp(type, "text/html") == 0 ||
		    strcasecmp(type, "application/xhtml+xml") == 0)
			rank = 3;
		else
			rank = 2;
	}
	if (rank > *prio && *trim(href) != '\0') {
		base = current_base(p);
		replace(slot, resolve(p, trim(href), base));
		free(base);
		*prio = rank;
	}
	free(href);
	free(rel);
	free(type);
	return 1;
}

static void
item_begin(struct parser *p, int depth)
{
	memset(&p->item, 0, sizeof(p->item));
	p->in_item = 1;
	p->item_depth = depth;
	p->title_set = 0;
	p->permalink = 0;
	p->link_prio = 0;
	p->person_depth = 0;
	p->cat_alloc = 0;
	replace(&p->guid, NULL);
	/* RSS 1.0 names its items with rdf:about. */
	if (p->feed->kind == FEED_RDF)
		p->item.id = attr(p, "about");
}

static void
item_clear(struct feed_item *it)
{
	size_t i;

	free(it->id);
	free(it->key);
	free(it->title);
	free(it->link);
	free(it->author);
	free(it->summary);
	free(it->content);
	for (i = 0; i < it->n_categories; i++)
		free(it->categories[i]);
	free(it->categories);
	memset(it, 0, sizeof(*it));
}

static void
item_end(struct parser *p)
{
	struct feed *f = p->feed;
	struct feed_item *it = &p->item, *grown;

	p->in_item = 0;
	replace(&p->person_name, NULL);
	replace(&p->person_email, NULL);
	if (f->n_items >= p->max_items) {
		p->dropped_items = 1;
		item_clear(it);
		return;
	}
	/* An RSS guid is the item's permalink unless it says otherwise. */
	if (it->link == NULL && p->guid != NULL && p->permalink &&
	    *p->guid != '\0')
		it->link = xstrdup(p, p->guid);
	if (it->title == NULL)
		it->title = xstrdup(p, "");
	if (it->summary == NULL)
		it->summary = xstrdup(p, it->content != NULL ?
		    it->content : "");
	if (p->nomem || it->title == NULL || it->summary == NULL) {
		p->nomem = 1;
		item_clear(it);
		return;
	}
	if ((f->n_items & (f->n_items - 1)) == 0) {
		/* Grow at powers of two. */
		size_t n = f->n_items ? f->n_items * 2 : 16;

		if ((grown = reallocarray(f->items, n, sizeof(*grown))) ==
		    NULL) {
			p->nomem = 1;
			item_clear(it);
			return;
		}
		f->items = grown;
	}
	f->items[f->n_items++] = *it;
	memset(it, 0, sizeof(*it));
}

static void
person_end(struct parser *p)
{
	struct feed_item *it = &p->item;
	const char *name = p->person_name, *email = p->person_email;
	char *author = NULL;
	size_t n;

	p->person_depth = 0;
	if (name != NULL && *name == '\0')
		name = NULL;
	if (email != NULL && *email == '\0')
		email = NULL;
	if (name != NULL && email != NULL) {
		n = strlen(name) + strlen(email) + 4;
		if ((author = malloc(n)) == NULL)
			p->nomem = 1;
		else
			snprintf(author, n, "%s (%s)", name, email);
	} else if (name != NULL || email != NULL)
		author = xstrdup(p, name != NULL ? name : email);
	if (author != NULL)
		replace(&it->author, author);
	replace(&p->person_name, NULL);
	replace(&p->person_email, NULL);
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
		snprintf(err, errlen, "not a feed: the root element is <%s>, "
		    "not <rss>, <rdf:RDF> or <feed>",
		    (const char *)xmlTextReaderConstName(p->reader));
		return -1;
	}
	if (strcmp(name, "channel") == 0)
		p->chan_depth = 0;
	p->root_seen = 1;
	return 0;
}

static const struct rule *
item_rule(const char *name)
{
	const struct rule *r;

	for (r = item_rules; r->name != NULL; r++)
		if (strcmp(r->name, name) == 0)
			return r;
	return NULL;
}

static void
item_child(struct parser *p, const char *name, int depth, int empty)
{
	const struct rule *r = item_rule(name);
	enum value_type dflt;
	char *v;

	if (r == NULL)
		return;
	dflt = r->type;
	/* Atom's text constructs are text unless their type says. */
	if (p->feed->kind == FEED_ATOM && r->type == VALUE_GUESS)
		dflt = VALUE_TEXT;
	switch (r->field) {
	case FLD_LINK:
		if (atom_link(p, &p->item.link, &p->link_prio))
			return;
		break;
	case FLD_CATEGORY:
		if ((v = attr(p, "term")) != NULL) {
			add_category(p, v, strlen(v));
			free(v);
			return;
		}
		break;
	case FLD_AUTHOR:
		if (p->feed->kind == FEED_ATOM && strcmp(name, "author") == 0) {
			p->person_depth = depth;
			if (empty)
				person_end(p);
			return;
		}
		break;
	default:
		break;
	}
	if (empty)
		return;
	cap_begin(p, depth, r->field, dflt);
	if (r->field == FLD_GUID) {
		v = attr(p, "isPermaLink");
		p->cap.permalink = v == NULL || strcmp(v, "true") == 0;
		free(v);
	}
	if (r->field == FLD_LINK)
		p->cap.base = current_base(p);
}

static int
on_start(struct parser *p, char *err, size_t errlen)
{
	int depth = xmlTextReaderDepth(p->reader);
	int empty = xmlTextReaderIsEmptyElement(p->reader) == 1;
	const char *name;
	char *v;

	if (p->cap.active) {
		cap_child_start(p, (const char *)
		    xmlTextReaderConstLocalName(p->reader), empty);
		return 0;
	}
	name = canonical_name(p);
	if (!p->root_seen)
		return root_element(p, name, err, errlen);

	if (!p->in_item) {
		if ((p->feed->kind == FEED_ATOM && strcmp(name, "entry") == 0) ||
		    (p->feed->kind != FEED_ATOM && strcmp(name, "item") == 0)) {
			item_begin(p, depth);
			if (empty)
				item_end(p);
			return 0;
		}
		if (p->chan_depth < 0 && strcmp(name, "channel") == 0)
			p->chan_depth = depth;
		if (p->chan_depth < 0 || depth != p->chan_depth + 1)
			return 0;
		if (strcmp(name, "title") == 0 && !empty)
			cap_begin(p, depth, FLD_FEED_TITLE,
			    p->feed->kind == FEED_ATOM ? VALUE_TEXT :
			    VALUE_GUESS);
		else if (strcmp(name, "link") == 0 &&
		    !atom_link(p, &p->feed->link, &p->feed_link_prio) &&
		    !empty) {
			cap_begin(p, depth, FLD_FEED_LINK, VALUE_TEXT);
			p->cap.base = current_base(p);
		}
		return 0;
	}

	if (strcmp(name, "itunes:category") == 0) {
		/* Nested categories are subcategories: all count. */
		if ((v = attr(p, "text")) != NULL) {
			add_category(p, v, strlen(v));
			free(v);
		}
		return 0;
	}
	if (p->person_depth > 0) {
		if (depth != p->person_depth + 1 || empty)
			return 0;
		if (strcmp(name, "name") == 0)
			cap_begin(p, depth, FLD_PERSON_NAME, VALUE_TEXT);
		else if (strcmp(name, "email") == 0)
			cap_begin(p, depth, FLD_PERSON_EMAIL, VALUE_TEXT);
		return 0;
	}
	if (depth == p->item_depth + 1)
		item_child(p, name, depth, empty);
	return 0;
}

static void
on_end(struct parser *p)
{
	int depth = xmlTextReaderDepth(p->reader);

	if (p->cap.active) {
		if (depth > p->cap.depth)
			cap_child_end(p, (const char *)
			    xmlTextReaderConstLocalName(p->reader));
		else
			cap_finish(p);
		return;
	}
	if (p->in_item && p->person_depth > 0 && depth == p->person_depth)
		person_end(p);
	else if (p->in_item && depth == p->item_depth)
		item_end(p);
}

/* Links still relative after xml:base: against the feed's own link,
 * then the URL the feed came from. */
static void
resolve_leftovers(struct parser *p)
{
	struct feed *f = p->feed;
	char *base = NULL;
	size_t i;

	if (f->link != NULL && !is_absolute(f->link) && p->base_url != NULL)
		replace(&f->link, resolve(p, f->link, p->base_url));
	for (i = 0; i < f->n_items; i++) {
		struct feed_item *it = &f->items[i];

		if (it->link == NULL || is_absolute(it->link))
			continue;
		if (f->link != NULL && is_absolute(f->link))
			base = f->link;
		else
			base = (char *)p->base_url;
		if (base != NULL)
			replace(&it->link, resolve(p, it->link, base));
	}
}

/* Item keys last, once links are final: id, else link, else a hash. */
static int
make_keys(struct parser *p)
{
	char hex[HASH_HEX_LEN + 1 + 2];
	size_t i;

	for (i = 0; i < p->feed->n_items; i++) {
		struct feed_item *it = &p->feed->items[i];

		if (it->id != NULL && *it->id != '\0')
			it->key = xstrdup(p, it->id);
		else if (it->link != NULL && *it->link != '\0')
			it->key = xstrdup(p, it->link);
		else {
			hex[0] = 'h';
			hex[1] = ':';
			hash_hex(hash_strings(it->title, it->summary, NULL),
			    hex + 2);
			it->key = xstrdup(p, hex);
		}
		if (it->key == NULL)
			return -1;
	}
	return 0;
}

static void
parser_run(struct parser *p, int *status, char *err, size_t errlen)
{
	int ret;

	while ((ret = xmlTextReaderRead(p->reader)) == 1) {
		int type = xmlTextReaderNodeType(p->reader);
		size_t depth = (size_t)xmlTextReaderDepth(p->reader);
		const char *value;

		if (depth > p->max_depth) {
			set_reason(p->stop_reason, sizeof(p->stop_reason),
			    "elements nested deeper than %zu levels",
			    p->max_depth);
			break;
		}
		switch (type) {
		case XML_READER_TYPE_ELEMENT:
			if (on_start(p, err, errlen) == -1) {
				*status = -1;
				return;
			}
			/* <x/> has no end tag of its own. */
			if (xmlTextReaderIsEmptyElement(p->reader) == 1 &&
			    p->cap.active && (size_t)p->cap.depth == depth)
				cap_finish(p);
			else if (xmlTextReaderIsEmptyElement(p->reader) == 1 &&
			    p->in_item && p->person_depth == (int)depth)
				person_end(p);
			break;
		case XML_READER_TYPE_END_ELEMENT:
			on_end(p);
			break;
		case XML_READER_TYPE_TEXT:
		case XML_READER_TYPE_CDATA:
		case XML_READER_TYPE_WHITESPACE:
		case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
			if (!p->cap.active)
				break;
			value = (const char *)xmlTextReaderConstValue(
			    p->reader);
			if (value != NULL)
				cap_text(p, value, strlen(value));
			break;
		case XML_READER_TYPE_ENTITY_REFERENCE:
			if (p->cap.active && expand_entity(p, (const char *)
			    xmlTextReaderConstName(p->reader), 0) == -1)
				goto stop;
			break;
		default:
			break;
		}
		if (p->nomem || p->dropped_items)
			break;
	}
stop:
	*status = ret;
}

static void
feed_init_limits(struct parser *p, const struct feed_limits *lim)
{
	p->max_items = lim != NULL && lim->max_items ? lim->max_items :
	    DEFAULT_MAX_ITEMS;
	p->max_depth = lim != NULL && lim->max_depth ? lim->max_depth :
	    DEFAULT_MAX_DEPTH;
	p->max_text = lim != NULL && lim->max_text ? lim->max_text :
	    DEFAULT_MAX_TEXT;
}

struct feed *
feed_parse(const char *buf, size_t len, const char *base_url,
    const struct feed_limits *limits, char *err, size_t errlen)
{
	struct parser p;
	struct feed *f = NULL;
	int status = 0;

	if (errlen > 0)
		err[0] = '\0';
	memset(&p, 0, sizeof(p));
	feed_init_limits(&p, limits);
	p.base_url = base_url;
	p.chan_depth = -1;
	if (len == 0) {
		snprintf(err, errlen, "not a feed: the document is empty");
		return NULL;
	}
	if (len > (size_t)INT_MAX) {
		snprintf(err, errlen, "not a feed: over %d bytes", INT_MAX);
		return NULL;
	}
	if ((p.feed = f = calloc(1, sizeof(*f))) == NULL ||
	    (p.cap.buf = xmlBufferCreate()) == NULL)
		goto nomem;
	p.reader = xmlReaderForMemory(buf, (int)len, NULL, NULL,
	    READER_OPTIONS);
	if (p.reader == NULL)
		goto nomem;
	xmlTextReaderSetStructuredErrorHandler(p.reader, on_xml_error, &p);

	parser_run(&p, &status, err, errlen);
	if (status == -1 && err[0] != '\0')
		goto fail;	/* not a feed: root_element() said why */
	if (p.nomem)
		goto nomem;
	if (!p.root_seen) {
		if (p.xml_error[0] != '\0')
			snprintf(err, errlen, "not a feed: XML error before "
			    "the first element (%s)", p.xml_error);
		else
			snprintf(err, errlen, "not a feed: no XML element "
			    "in the document");
		goto fail;
	}
	/* The document ended inside an item (cut short, recovered): keep
	 * what the item had. */
	if (p.in_item && status == 0) {
		if (p.cap.active)
			cap_finish(&p);
		item_end(&p);
	}
	if (p.stop_reason[0] != '\0' || status == -1) {
		const char *why = p.stop_reason[0] != '\0' ? p.stop_reason :
		    p.xml_error[0] != '\0' ? p.xml_error : "unreadable XML";

		if (f->n_items == 0) {
			snprintf(err, errlen, "refused: %s", why);
			goto fail;
		}
		snprintf(err, errlen, "stopped early (%s); kept the %zu "
		    "items before", why, f->n_items);
		f->recovered = p.xml_error[0] != '\0';
	} else if (p.xml_error[0] != '\0') {
		f->recovered = 1;
		snprintf(err, errlen, "ill-formed XML, read in recovery mode "
		    "(%s)", p.xml_error);
	} else if (p.dropped_items)
		snprintf(err, errlen, "more than %zu items; kept the first",
		    p.max_items);
	else if (p.truncated)
		snprintf(err, errlen, "a field longer than %zu bytes was cut",
		    p.max_text);
	resolve_leftovers(&p);
	if (f->title == NULL && (f->title = strdup("")) == NULL)
		goto nomem;
	if (make_keys(&p) == -1 || p.nomem)
		goto nomem;
	goto done;

nomem:
	snprintf(err, errlen, "out of memory");
fail:
	feed_free(f);
	f = NULL;
done:
	item_clear(&p.item);
	free(p.guid);
	free(p.person_name);
	free(p.person_email);
	free(p.cap.base);
	if (p.cap.buf != NULL)
		xmlBufferFree(p.cap.buf);
	if (p.reader != NULL)
		xmlFreeTextReader(p.reader);
	return f;
}

void
feed_free(struct feed *f)
{
	size_t i;

	if (f == NULL)
		return;
	for (i = 0; i < f->n_items; i++)
		item_clear(&f->items[i]);
	free(f->items);
	free(f->title);
	free(f->link);
	free(f);
}
