/*
 * feed.c: RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 -> items, on libxml2's
 * streaming xmlTextReader.  A reader keeps only the current branch of
 * the tree, so a 50 MB feed costs a few megabytes.  This file is the
 * top: it sets the reader up over memory or a descriptor, has
 * feed_read.c walk it, and when the document is ill-formed has
 * feed_fix.c repair the bytes and feed_recover.c read them again.
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
