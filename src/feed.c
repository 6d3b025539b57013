/*
 * feed.c: RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 -> items, on libxml2's
 * streaming xmlTextReader.  A reader keeps only the current branch of
 * the tree, so a 50 MB feed costs a few megabytes; this file walks the
 * stream of start tags, text and end tags and hands each to
 * feed_xml.c (content) or feed_item.c (meaning); feed_recover.c reads
 * an ill-formed document a second time.
 *
 * Safety: no network, no DTD loading and no entity substitution by
 * libxml2 (XML_PARSE_NOENT would let an entity read a local file).
 * Internal entities that a feed declares are expanded by feed_xml.c
 * within a budget; external ones are dropped.  Depth, field size and
 * item count are bounded by struct feed_limits, and libxml2's own
 * limits (10 MB text nodes, depth 256, entity amplification) stay on:
 * XML_PARSE_HUGE is never set.
 */
#include "autoconf.h"

#include <sys/stat.h>

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/xmlreader.h>

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

static int
on_start(struct parser *p, char *err, size_t errlen)
{
	int depth = xmlTextReaderDepth(p->reader);
	int empty = xmlTextReaderIsEmptyElement(p->reader) == 1;
	const char *name;
	char *v;

	if (p->cap.active) {
		feed_cap_child_start(p, (const char *)
		    xmlTextReaderConstLocalName(p->reader), empty);
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

static void
on_end(struct parser *p)
{
	int depth = xmlTextReaderDepth(p->reader);

	if (p->cap.active) {
		if (depth > p->cap.depth)
			feed_cap_child_end(p, (const char *)
			    xmlTextReaderConstLocalName(p->reader));
		else
			feed_cap_finish(p);
		return;
	}
	if (p->in_item && p->person_depth > 0 && depth == p->person_depth)
		feed_person_end(p);
	else if (p->in_item && depth == p->item_depth)
		feed_item_end(p);
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
			feed_set_reason(p->stop_reason, sizeof(p->stop_reason),
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
				feed_cap_finish(p);
			else if (xmlTextReaderIsEmptyElement(p->reader) == 1 &&
			    p->in_item && p->person_depth == (int)depth)
				feed_person_end(p);
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
				feed_cap_text(p, value, strlen(value));
			break;
		case XML_READER_TYPE_ENTITY_REFERENCE:
			if (p->cap.active && feed_expand_entity(p,
			    (const char *)xmlTextReaderConstName(p->reader),
			    0) == -1)
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
	p->skip_content = lim != NULL && lim->skip_content;
}

/* Read the whole document with the reader set up in p; the feed, or
 * NULL with the reason in err. */
struct feed *
feed_run(struct parser *p, char *err, size_t errlen)
{
	struct feed *f = p->feed;
	int status = 0;
	size_t i;

	parser_run(p, &status, err, errlen);
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

static int
parser_init(struct parser *p, const char *base_url,
    const struct feed_limits *limits)
{
	memset(p, 0, sizeof(*p));
	feed_init_limits(p, limits);
	p->base_url = base_url;
	p->chan_depth = -1;
	if ((p->feed = calloc(1, sizeof(*p->feed))) == NULL ||
	    (p->cap.buf = xmlBufferCreate()) == NULL)
		return -1;
	return 0;
}

static void
parser_done(struct parser *p)
{
	size_t i;

	for (i = 0; i < p->n_html_entities; i++) {
		xmlFree((xmlChar *)p->html_entities[i]->name);
		xmlFree(p->html_entities[i]->content);
		xmlFree(p->html_entities[i]);
	}
	p->n_html_entities = 0;
	feed_item_clear(&p->item);
	feed_raw_contents_clear(p);
	free(p->raw_contents);
	free(p->guid);
	free(p->person_name);
	free(p->person_email);
	free(p->cap.base);
	if (p->cap.buf != NULL)
		xmlBufferFree(p->cap.buf);
	if (p->reader != NULL)
		xmlFreeTextReader(p->reader);
}

struct feed *
feed_parse(const char *buf, size_t len, const char *base_url,
    const struct feed_limits *limits, char *err, size_t errlen)
{
	struct parser p;
	struct feed *f = NULL;
	char first_error[sizeof(p.xml_error)];

	if (errlen > 0)
		err[0] = '\0';
	if (len == 0) {
		snprintf(err, errlen, "not a feed: the document is empty");
		return NULL;
	}
	if (len > (size_t)INT_MAX) {
		snprintf(err, errlen, "not a feed: over %d bytes", INT_MAX);
		return NULL;
	}
	if (parser_init(&p, base_url, limits) == -1 ||
	    (p.reader = xmlReaderForMemory(buf, (int)len, NULL, NULL,
	    READER_OPTIONS)) == NULL) {
		snprintf(err, errlen, "out of memory");
		feed_free(p.feed);
		parser_done(&p);
		return NULL;
	}
	xmlTextReaderSetStructuredErrorHandler(p.reader, feed_on_xml_error, &p);
	f = feed_run(&p, err, errlen);
	if ((p.xml_stopped || p.nul_byte) && !p.over_limit &&
	    len <= RECOVER_MAX) {
		/* Start again on the tree, keeping the first pass's
		 * complaint: the walk itself sees no syntax.  A document
		 * that is not the UTF-8 it claims is repaired first, NUL
		 * bytes dropped and bare "&" escaped (feed_fix.c says
		 * why). */
		/* An encoding nobody knows is read as UTF-8, repaired. */
		int bad_encoding = p.bad_encoding, failed = 0;
		int utf8_error = p.utf8_error || bad_encoding;
		const char *doc = buf;
		char *utf8 = NULL, *refs = NULL, *nul = NULL;
		size_t doc_len = len, n, nuls, nul_line;

		memcpy(first_error, p.xml_error, sizeof(first_error));
		feed_free(f);
		f = NULL;
		parser_done(&p);
		if (utf8_error && (utf8 = value_utf8_repair(doc, doc_len, &n,
		    &failed)) != NULL) {
			doc = utf8;
			doc_len = n;
		}
		if (!failed && (nul = feed_fix_nul(doc, doc_len, &n, &nuls,
		    &nul_line, &failed)) != NULL) {
			doc = nul;
			doc_len = n;
			/* libxml2 says "Char 0x0 out of allowed range". */
			if (strstr(first_error, "Char 0x0 ") != NULL)
				snprintf(first_error, sizeof(first_error),
				    "line %zu: %zu NUL byte%s, which XML "
				    "does not allow, dropped", nul_line, nuls,
				    nuls == 1 ? "" : "s");
		}
		if (!failed && (refs = feed_fix_references(doc, doc_len, &n,
		    &failed)) != NULL) {
			doc = refs;
			doc_len = n;
		}
		if (failed || parser_init(&p, base_url, limits) == -1) {
			snprintf(err, errlen, "out of memory");
			feed_free(p.feed);
			p.feed = NULL;
		} else {
			memcpy(p.xml_error, first_error, sizeof(first_error));
			err[0] = '\0';
			f = feed_recover(&p, doc, doc_len,
			    bad_encoding ? "UTF-8" : NULL, err, errlen);
		}
		free(utf8);
		free(nul);
		free(refs);
	}
	parser_done(&p);
	return f;
}

/* The descriptor after a prefix already read from it, for libxml2. */
struct fd_input {
	int		 fd;
	char		*prefix;
	size_t		 prefix_len, prefix_pos;
};

static int
fd_input_read(void *arg, char *out, int len)
{
	struct fd_input *in = arg;
	ssize_t n;

	if (in->prefix_pos < in->prefix_len) {
		size_t left = in->prefix_len - in->prefix_pos;

		if ((size_t)len > left)
			len = (int)left;
		memcpy(out, in->prefix + in->prefix_pos, len);
		in->prefix_pos += len;
		if (in->prefix_pos == in->prefix_len) {
			/* Streaming from here: give the memory back. */
			free(in->prefix);
			in->prefix = NULL;
		}
		return len;
	}
	do
		n = read(in->fd, out, len);
	while (n == -1 && errno == EINTR);
	return (int)n;
}

static int
fd_input_close(void *arg)
{
	return 0;	/* the caller owns the descriptor */
}

/* Read up to max bytes of fd; the count, or -1 on a read error. */
static ssize_t
read_prefix(int fd, char *buf, size_t max)
{
	size_t have = 0;
	ssize_t n;

	while (have < max) {
		n = read(fd, buf + have, max - have);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			return -1;
		if (n == 0)
			break;
		have += (size_t)n;
	}
	return (ssize_t)have;
}

/*
 * A document that fits in RECOVER_MAX is read whole and parsed as
 * feed_parse does, so that it gets the recovery pass; a larger one is
 * streamed, the part already read first.
 */
struct feed *
feed_parse_fd(int fd, const char *base_url, const struct feed_limits *limits,
    void (*on_item)(const struct feed_item *, void *), void *arg,
    char *err, size_t errlen)
{
	struct fd_input in;
	struct stat sb;
	struct parser p;
	struct feed *f = NULL;
	ssize_t n;
	size_t i;

	if (errlen > 0)
		err[0] = '\0';
	memset(&in, 0, sizeof(in));
	in.fd = fd;
	/* A large regular file is streamed from its start: no need to
	 * look ahead to learn its size. */
	if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) &&
	    sb.st_size > RECOVER_MAX)
		goto stream;
	if ((in.prefix = malloc(RECOVER_MAX + 1)) == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	if ((n = read_prefix(fd, in.prefix, RECOVER_MAX + 1)) == -1) {
		snprintf(err, errlen, "cannot read: %s", strerror(errno));
		free(in.prefix);
		return NULL;
	}
	in.prefix_len = (size_t)n;
	if (in.prefix_len <= RECOVER_MAX) {
		f = feed_parse(in.prefix, in.prefix_len, base_url, limits,
		    err, errlen);
		free(in.prefix);
		if (f == NULL)
			return NULL;
		for (i = 0; i < f->n_items; i++) {
			on_item(&f->items[i], arg);
			feed_item_clear(&f->items[i]);
		}
		free(f->items);
		f->items = NULL;
		f->n_items = 0;
		return f;
	}

stream:
	if (parser_init(&p, base_url, limits) == -1 ||
	    (p.reader = xmlReaderForIO(fd_input_read, fd_input_close, &in,
	    NULL, NULL, READER_OPTIONS)) == NULL) {
		snprintf(err, errlen, "out of memory");
		feed_free(p.feed);
	} else {
		p.on_item = on_item;
		p.on_item_arg = arg;
		xmlTextReaderSetStructuredErrorHandler(p.reader, feed_on_xml_error,
		    &p);
		f = feed_run(&p, err, errlen);
	}
	parser_done(&p);
	free(in.prefix);
	return f;
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

