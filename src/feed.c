/*
 * feed.c: RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 -> items, on libxml2's
 * SAX2 push parser (feed_sax.c).  No tree is built and the document is
 * handed over PUSH_CHUNK bytes at a time, so a 50 MB feed costs a few
 * megabytes.  This file is the top: it feeds the parser from memory or
 * a descriptor, and when the document is ill-formed has feed_fix.c
 * repair the bytes and feed_recover.c read them again.
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

#include <libxml/parser.h>

#include "feed_int.h"

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

static int
parser_init(struct parser *p, const char *base_url,
    const struct feed_limits *limits)
{
	memset(p, 0, sizeof(*p));
	feed_init_limits(p, limits);
	p->base_url = base_url;
	p->chan_depth = -1;
	if ((p->feed = calloc(1, sizeof(*p->feed))) == NULL)
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
	free(p->cap.buf.data);
	memset(&p->cap.buf, 0, sizeof(p->cap.buf));
	feed_base_leave(p, 0);
	free(p->bases);
	p->bases = NULL;
	p->bases_alloc = 0;
	feed_sax_end(p);
}

/* The stream over len bytes of buf, PUSH_CHUNK at a time; the feed, or
 * NULL with the reason in err. */
static struct feed *
stream_memory(struct parser *p, const char *buf, size_t len, char *err,
    size_t errlen)
{
	size_t first = len < 4 ? len : 4, off = first, n;

	if (feed_sax_begin(p, buf, first) == -1) {
		snprintf(err, errlen, "out of memory");
		feed_free(p->feed);
		p->feed = NULL;
		return NULL;
	}
	do {
		n = len - off < PUSH_CHUNK ? len - off : PUSH_CHUNK;
		feed_sax_push(p, buf + off, n, off + n == len, err, errlen);
		off += n;
	} while (off < len && !p->halted);
	return feed_finish(p, err, errlen);
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
	if (parser_init(&p, base_url, limits) == -1) {
		snprintf(err, errlen, "out of memory");
		feed_free(p.feed);
		parser_done(&p);
		return NULL;
	}
	f = stream_memory(&p, buf, len, err, errlen);
	if ((p.xml_stopped || p.nul_byte) && !p.over_limit &&
	    len <= RECOVER_MAX) {
		/* Start again on the tree, keeping the first pass's
		 * complaint: the walk itself sees no syntax.  A document
		 * that is not the UTF-8 it claims is repaired first, NUL
		 * bytes dropped and bare "&" escaped (feed_fix.c says
		 * why). */
		/* An encoding nobody knows is read as UTF-8, repaired.
		 * The stream stops at the first error, so a bad byte
		 * after it went unseen: a document read as UTF-8 is
		 * repaired whenever it needs it (value_utf8_repair()
		 * leaves a sound one alone), before libxml2's recovery
		 * would read the rest of it as Latin-1. */
		int bad_encoding = p.bad_encoding, failed = 0;
		int utf8_error = p.utf8_error || bad_encoding ||
		    p.utf8_input;
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
 * The stream over what was read ahead (*prefix, freed once handed over)
 * and then the rest of fd, PUSH_CHUNK bytes at a time: the feed, or
 * NULL with the reason in err.
 */
static struct feed *
stream_fd(struct parser *p, int fd, char **prefix, size_t prefix_len,
    char *err, size_t errlen)
{
	char *chunk;
	const char *data;
	size_t off = 0, n, first;
	ssize_t got;
	int began = 0, last = 0;

	if ((chunk = malloc(PUSH_CHUNK)) == NULL)
		goto nomem;
	while (!last && !p->halted) {
		if (off < prefix_len) {
			n = prefix_len - off < PUSH_CHUNK ? prefix_len - off :
			    PUSH_CHUNK;
			data = *prefix + off;
			off += n;
		} else {
			if ((got = read_prefix(fd, chunk, PUSH_CHUNK)) == -1) {
				feed_set_reason(p->stop_reason,
				    sizeof(p->stop_reason), "cannot read: %s",
				    strerror(errno));
				feed_halt(p, 1);
				break;
			}
			n = (size_t)got;
			data = chunk;
			last = n < PUSH_CHUNK;
		}
		if (!began) {
			/* libxml2 guesses the encoding from these. */
			first = n < 4 ? n : 4;
			if (feed_sax_begin(p, data, first) == -1)
				goto nomem;
			began = 1;
			data += first;
			n -= first;
		}
		feed_sax_push(p, data, n, last, err, errlen);
		if (off == prefix_len && *prefix != NULL) {
			/* Streaming from here: give the memory back. */
			free(*prefix);
			*prefix = NULL;
		}
	}
	free(chunk);
	return feed_finish(p, err, errlen);

nomem:
	free(chunk);
	snprintf(err, errlen, "out of memory");
	feed_free(p->feed);
	p->feed = NULL;
	return NULL;
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
	struct stat sb;
	struct parser p;
	struct feed *f = NULL;
	char *prefix = NULL;
	size_t prefix_len = 0, i;
	ssize_t n;

	if (errlen > 0)
		err[0] = '\0';
	/* A large regular file is streamed from its start: no need to
	 * look ahead to learn its size. */
	if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) &&
	    sb.st_size > RECOVER_MAX)
		goto stream;
	if ((prefix = malloc(RECOVER_MAX + 1)) == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	if ((n = read_prefix(fd, prefix, RECOVER_MAX + 1)) == -1) {
		snprintf(err, errlen, "cannot read: %s", strerror(errno));
		free(prefix);
		return NULL;
	}
	prefix_len = (size_t)n;
	if (prefix_len <= RECOVER_MAX) {
		f = feed_parse(prefix, prefix_len, base_url, limits,
		    err, errlen);
		free(prefix);
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
	if (parser_init(&p, base_url, limits) == -1) {
		snprintf(err, errlen, "out of memory");
		feed_free(p.feed);
	} else {
		p.on_item = on_item;
		p.on_item_arg = arg;
		f = stream_fd(&p, fd, &prefix, prefix_len, err, errlen);
	}
	parser_done(&p);
	free(prefix);
	return f;
}
