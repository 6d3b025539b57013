/*
 * feed_item.c: what the elements of an item mean.  RSS, RSS 1.0 and
 * Atom name the same things differently; the table below maps them onto
 * struct feed_item, following what widely used readers do with real
 * feeds (the first description wins, the last author does, an RSS guid
 * is the permalink unless it says otherwise, Atom's alternate link is
 * the item's link).
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/xmlstring.h>

#include "date.h"
#include "feed_int.h"
#include "hash.h"
#include "html.h"

#define MAX_CATEGORIES	256

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
	{ "body",		FLD_CONTENT,		VALUE_XHTML },
	{ "fullitem",		FLD_CONTENT,		VALUE_HTML },
	{ "category",		FLD_CATEGORY,		VALUE_TEXT },
	{ "dc:subject",		FLD_CATEGORY,		VALUE_TEXT },
	{ "media:keywords",	FLD_CATEGORY_LIST,	VALUE_TEXT },
	{ "tags",		FLD_CATEGORY_LIST,	VALUE_TEXT },
	{ NULL,			FLD_NONE,		VALUE_TEXT }
};

void
feed_add_category(struct parser *p, const char *raw, size_t len)
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

		/* Enough for any honest item, and it keeps the
		 * duplicate check above cheap. */
		if (n > MAX_CATEGORIES)
			goto drop;
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
		feed_add_category(p, s, comma - s);
		s = comma + 1;
	}
	feed_add_category(p, s, strlen(s));
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

void
feed_raw_contents_clear(struct parser *p)
{
	size_t i;

	for (i = 0; i < p->n_raw_contents; i++)
		free(p->raw_contents[i].raw);
	p->n_raw_contents = 0;
}

/* Keep raw (taken over) for content_from_raw(). */
static void
keep_raw_content(struct parser *p, char *raw, size_t len)
{
	struct raw_content *grown;

	if (p->n_raw_contents == p->raw_contents_alloc) {
		size_t n = p->raw_contents_alloc ? p->raw_contents_alloc * 2 :
		    2;

		if ((grown = reallocarray(p->raw_contents, n,
		    sizeof(*grown))) == NULL) {
			p->nomem = 1;
			free(raw);
			return;
		}
		p->raw_contents = grown;
		p->raw_contents_alloc = n;
	}
	p->raw_contents[p->n_raw_contents].raw = raw;
	p->raw_contents[p->n_raw_contents].len = len;
	p->raw_contents[p->n_raw_contents].type = p->cap.type;
	p->raw_contents[p->n_raw_contents].markup = p->cap.markup;
	p->n_raw_contents++;
}

/* The item's content as feed_cap_finish() would have made it: the
 * text of the first content element that has any. */
static void
content_from_raw(struct parser *p)
{
	struct raw_content *rc;
	char *text;
	size_t i;

	for (i = 0; i < p->n_raw_contents && p->item.content == NULL; i++) {
		rc = &p->raw_contents[i];
		if ((text = value_to_text(rc->raw, rc->len, rc->type,
		    rc->markup, HTML_KEEP_BLOCKS)) == NULL) {
			p->nomem = 1;
			return;
		}
		if (*text != '\0')
			p->item.content = text;
		else
			free(text);
	}
}

/* The captured element is complete: give its value to the field. */
void
feed_cap_finish(struct parser *p)
{
	struct feed_item *it = &p->item;
	char *raw, *text = NULL, *v;
	size_t len;

	p->cap.active = 0;
	len = p->cap.buf.len;
	if ((raw = malloc(len + 1)) == NULL) {
		p->nomem = 1;
		goto out;
	}
	if (len > 0)
		memcpy(raw, p->cap.buf.data, len);
	raw[len] = '\0';
	if (p->cap.base64 && !p->cap.markup) {
		long n = value_base64_decode(raw);

		if (n < 0 || !xmlCheckUTF8((const unsigned char *)raw)) {
			if (len > 0)
				memcpy(raw, p->cap.buf.data, len);
			raw[len] = '\0';
		} else
			len = (size_t)n;
	}

	/* Content nobody reads is made into text only if the summary
	 * needs it (feed_item_end). */
	if (p->cap.field == FLD_CONTENT && p->skip_content) {
		keep_raw_content(p, raw, len);
		raw = NULL;
		goto out;
	}

	switch (p->cap.field) {
	case FLD_TITLE:
	case FLD_MEDIA_TITLE:
	case FLD_SUMMARY:
	case FLD_CONTENT:
	case FLD_FEED_TITLE:
		/* Content keeps its paragraphs apart for sentence
		 * splitting (feed.h); everything else is one line. */
		if ((text = value_to_text(raw, len, p->cap.type,
		    p->cap.markup, p->cap.field == FLD_CONTENT ?
		    HTML_KEEP_BLOCKS : 0)) == NULL) {
			p->nomem = 1;
			goto out;
		}
		break;
	default:
		break;
	}

	switch (p->cap.field) {
	case FLD_TITLE:
		feed_replace(&it->title, text);
		text = NULL;
		p->title_set = 1;
		break;
	case FLD_MEDIA_TITLE:
		if (!p->title_set) {
			feed_replace(&it->title, text);
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
		v = feed_trim(raw);
		if (*v != '\0' && p->link_prio <= 1) {
			feed_replace(&it->link,
			    feed_resolve(p, v, p->cap.base));
			p->link_prio = 1;
		}
		break;
	case FLD_GUID:
		v = feed_trim(raw);
		feed_replace(&it->id, feed_strdup(p, v));
		feed_replace(&p->guid, feed_strdup(p, v));
		p->permalink = p->cap.permalink;
		break;
	case FLD_ID:
		feed_replace(&it->id, feed_strdup(p, feed_trim(raw)));
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
			feed_replace(&it->author, feed_strdup(p, raw));
		break;
	case FLD_PERSON_NAME:
		value_collapse(raw);
		feed_replace(&p->person_name, feed_strdup(p, raw));
		break;
	case FLD_PERSON_EMAIL:
		value_collapse(raw);
		feed_replace(&p->person_email, feed_strdup(p, raw));
		break;
	case FLD_CATEGORY:
		feed_add_category(p, raw, strlen(raw));
		break;
	case FLD_CATEGORY_LIST:
		add_category_list(p, raw);
		break;
	case FLD_FEED_TITLE:
		feed_replace(&p->feed->title, text);
		text = NULL;
		break;
	case FLD_FEED_LINK:
		v = feed_trim(raw);
		if (*v != '\0' && p->feed_link_prio <= 1) {
			feed_replace(&p->feed->link,
			    feed_resolve(p, v, p->cap.base));
			p->feed_link_prio = 1;
		}
		break;
	case FLD_NONE:
		break;
	}
out:
	free(text);
	free(raw);
	feed_replace(&p->cap.base, NULL);
}

/*
 * A link element with an href (Atom, or atom:link in RSS).  The link of
 * an item is its rel="alternate" HTML link: the first such wins over
 * links of other types, which win over nothing.
 */
int
feed_atom_link(struct parser *p, char **slot, int *prio)
{
	char *href, *rel, *type, *base;
	int rank = 0;

	if ((href = feed_attr(p, "href")) == NULL &&
	    (href = feed_attr(p, "url")) == NULL &&
	    (href = feed_attr(p, "uri")) == NULL)
		return 0;
	rel = feed_attr(p, "rel");
	type = feed_attr(p, "type");
	if (rel == NULL || strcasecmp(rel, "alternate") == 0) {
		if (type == NULL || strcasecmp(type, "text/html") == 0 ||
		    strcasecmp(type, "application/xhtml+xml") == 0)
			rank = 3;
		else
			rank = 2;
	}
	if (rank > *prio && *feed_trim(href) != '\0') {
		base = feed_base_uri(p);
		feed_replace(slot, feed_resolve(p, feed_trim(href), base));
		free(base);
		*prio = rank;
	}
	free(href);
	free(rel);
	free(type);
	return 1;
}

void
feed_item_begin(struct parser *p, int depth)
{
	memset(&p->item, 0, sizeof(p->item));
	p->in_item = 1;
	p->item_depth = depth;
	p->title_set = 0;
	p->permalink = 0;
	p->link_prio = 0;
	p->person_depth = 0;
	p->cat_alloc = 0;
	feed_raw_contents_clear(p);
	feed_replace(&p->guid, NULL);
	/* RSS 1.0 names its items with rdf:about. */
	if (p->feed->kind == FEED_RDF)
		p->item.id = feed_attr(p, "about");
}

void
feed_item_clear(struct feed_item *it)
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

void
feed_item_end(struct parser *p)
{
	struct feed *f = p->feed;
	struct feed_item *it = &p->item, *grown;
	char *nl;

	p->in_item = 0;
	feed_replace(&p->person_name, NULL);
	feed_replace(&p->person_email, NULL);
	if (p->n_done >= p->max_items) {
		p->dropped_items = 1;
		feed_item_clear(it);
		return;
	}
	/* An RSS guid is the item's permalink unless it says otherwise. */
	if (it->link == NULL && p->guid != NULL && p->permalink &&
	    *p->guid != '\0')
		it->link = feed_strdup(p, p->guid);
	if (it->title == NULL)
		it->title = feed_strdup(p, "");
	if (p->skip_content) {
		if (it->summary == NULL)
			content_from_raw(p);
		feed_raw_contents_clear(p);
	}
	if (it->summary == NULL) {
		/* The content's paragraphs, on one line. */
		it->summary = feed_strdup(p, it->content != NULL ?
		    it->content : "");
		for (nl = it->summary; nl != NULL &&
		    (nl = strchr(nl, '\n')) != NULL; nl++)
			*nl = ' ';
	}
	if (p->skip_content)
		feed_replace(&it->content, NULL);
	if (p->nomem || it->title == NULL || it->summary == NULL) {
		p->nomem = 1;
		feed_item_clear(it);
		return;
	}
	p->n_done++;
	if (p->on_item != NULL) {
		/* Streaming: the channel's link is known by now in any
		 * sensible feed, so the item can be finished at once. */
		if (feed_item_finish(p, it) == 0)
			p->on_item(it, p->on_item_arg);
		feed_item_clear(it);
		return;
	}
	if ((f->n_items & (f->n_items - 1)) == 0) {
		/* Grow at powers of two. */
		size_t n = f->n_items ? f->n_items * 2 : 16;

		if ((grown = reallocarray(f->items, n, sizeof(*grown))) ==
		    NULL) {
			p->nomem = 1;
			feed_item_clear(it);
			return;
		}
		f->items = grown;
	}
	f->items[f->n_items++] = *it;
	memset(it, 0, sizeof(*it));
}

void
feed_person_end(struct parser *p)
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
		author = feed_strdup(p, name != NULL ? name : email);
	if (author != NULL)
		feed_replace(&it->author, author);
	feed_replace(&p->person_name, NULL);
	feed_replace(&p->person_email, NULL);
}

static const struct rule *
item_rule(const char *name)
{
	const struct rule *r;

	for (r = item_rules; r->name != NULL; r++)
		if (r->name[0] == name[0] && strcmp(r->name, name) == 0)
			return r;
	return NULL;
}

void
feed_item_child(struct parser *p, const char *name, int depth, int empty)
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
		if (feed_atom_link(p, &p->item.link, &p->link_prio))
			return;
		break;
	case FLD_CATEGORY:
		if ((v = feed_attr(p, "term")) != NULL) {
			feed_add_category(p, v, strlen(v));
			free(v);
			return;
		}
		break;
	case FLD_AUTHOR:
		if (p->feed->kind == FEED_ATOM && strcmp(name, "author") == 0) {
			p->person_depth = depth;
			if (empty)
				feed_person_end(p);
			return;
		}
		break;
	default:
		break;
	}
	if (empty)
		return;
	feed_cap_begin(p, depth, r->field, dflt);
	if (r->field == FLD_GUID) {
		v = feed_attr(p, "isPermaLink");
		p->cap.permalink = v == NULL || strcmp(v, "true") == 0;
		free(v);
	}
	if (r->field == FLD_LINK)
		p->cap.base = feed_base_uri(p);
}

/*
 * Last touches once an item is complete: a link still relative after
 * xml:base is resolved against the channel's link, else the URL the
 * feed came from; then the key: id, else link, else a hash of title and
 * summary.  0, or -1 when out of memory.
 */
/* Whatever the document held, the item's strings are UTF-8. */
static void
repair(struct parser *p, char **slot)
{
	char *fixed;
	size_t len;
	int failed;

	if (*slot == NULL)
		return;
	fixed = value_utf8_repair(*slot, strlen(*slot), &len, &failed);
	if (failed)
		p->nomem = 1;
	else if (fixed != NULL)
		feed_replace(slot, fixed);
}

int
feed_item_finish(struct parser *p, struct feed_item *it)
{
	const struct feed *f = p->feed;
	const char *base = NULL;
	char hex[HASH_HEX_LEN + 1 + 2];

	if (f->link != NULL && feed_is_absolute(f->link))
		base = f->link;
	else if (p->base_url != NULL)
		base = p->base_url;
	size_t i;

	if (it->link != NULL && !feed_is_absolute(it->link) && base != NULL)
		feed_replace(&it->link, feed_resolve(p, it->link, base));
	repair(p, &it->id);
	repair(p, &it->title);
	repair(p, &it->link);
	repair(p, &it->author);
	repair(p, &it->summary);
	repair(p, &it->content);
	for (i = 0; i < it->n_categories; i++)
		repair(p, &it->categories[i]);
	free(it->key);
	if (it->id != NULL && *it->id != '\0')
		it->key = feed_strdup(p, it->id);
	else if (it->link != NULL && *it->link != '\0')
		it->key = feed_strdup(p, it->link);
	else {
		hex[0] = 'h';
		hex[1] = ':';
		hash_hex(hash_strings(it->title, it->summary, NULL), hex + 2);
		it->key = feed_strdup(p, hex);
	}
	return it->key != NULL && !p->nomem ? 0 : -1;
}

void
feed_free(struct feed *f)
{
	size_t i;

	if (f == NULL)
		return;
	for (i = 0; i < f->n_items; i++)
		feed_item_clear(&f->items[i]);
	free(f->items);
	free(f->title);
	free(f->link);
	free(f);
}
