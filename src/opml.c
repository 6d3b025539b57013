/*
 * opml.c: OPML subscription lists -> feeds.  An OPML file is small (a
 * few hundred outlines), so it is read as a tree with libxml2 and
 * walked without recursion.  Every outline with an xmlUrl is a feed,
 * wherever it is under <body>; an outline without one is a folder and
 * its title goes with the feeds inside it.
 *
 * Safety as in feed.c: no network, no DTD loading, no entity
 * substitution, libxml2's own limits on (XML_PARSE_HUGE never set).
 */
#include "autoconf.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "opml.h"

#define OPML_OPTIONS	(XML_PARSE_NONET | XML_PARSE_NOCDATA | \
			 XML_PARSE_NOERROR | XML_PARSE_NOWARNING | \
			 XML_PARSE_BIG_LINES)
#define NAME_MAX_LEN	64

/* The first XML error, with its line. */
struct errors {
	int	 line;
	char	 msg[200];
};

/* The context's _private is the errors. */
static void
on_error(void *arg, xmlErrorPtr e)
{
	struct errors *er = ((xmlParserCtxtPtr)arg)->_private;
	size_t n;

	if (e == NULL || e->level < XML_ERR_ERROR || er->msg[0] != '\0')
		return;
	er->line = e->line;
	snprintf(er->msg, sizeof(er->msg), "%s",
	    e->message != NULL ? e->message : "XML error");
	n = strlen(er->msg);
	while (n > 0 && isspace((unsigned char)er->msg[n - 1]))
		er->msg[--n] = '\0';
}

/* The value of attribute name of n, compared without case (exporters
 * write xmlUrl, xmlurl and XMLURL), trimmed; NULL if absent.  Caller
 * frees with free(). */
static char *
attr(xmlNodePtr n, const char *name)
{
	xmlAttrPtr a;
	xmlChar *v;
	char *s, *start, *end;

	for (a = n->properties; a != NULL; a = a->next)
		if (a->ns == NULL &&
		    xmlStrcasecmp(a->name, (const xmlChar *)name) == 0)
			break;
	if (a == NULL || (v = xmlNodeListGetString(n->doc, a->children, 1)) ==
	    NULL)
		return NULL;
	for (start = (char *)v; isspace((unsigned char)*start); start++)
		;
	end = start + strlen(start);
	while (end > start && isspace((unsigned char)end[-1]))
		end--;
	s = strndup(start, (size_t)(end - start));
	xmlFree(v);
	return s;
}

static int
is_element(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	    xmlStrcasecmp(n->name, (const xmlChar *)name) == 0;
}

static void
feed_clear(struct opml_feed *f)
{
	free(f->url);
	free(f->title);
	free(f->folder);
}

void
opml_free(struct opml *o)
{
	size_t i;

	if (o == NULL)
		return;
	for (i = 0; i < o->n_feeds; i++)
		feed_clear(&o->feeds[i]);
	free(o->feeds);
	free(o);
}

/* Add the feed of outline n (which has url, taken over); -1 when out of
 * memory. */
static int
add_feed(struct opml *o, xmlNodePtr n, char *url, const char *folder)
{
	struct opml_feed *grown, *f;

	if ((grown = reallocarray(o->feeds, o->n_feeds + 1,
	    sizeof(*grown))) == NULL) {
		free(url);
		return -1;
	}
	o->feeds = grown;
	f = &o->feeds[o->n_feeds++];
	memset(f, 0, sizeof(*f));
	f->url = url;
	f->line = (int)xmlGetLineNo(n);
	if ((f->title = attr(n, "title")) == NULL || f->title[0] == '\0') {
		free(f->title);
		f->title = attr(n, "text");
	}
	if (f->title != NULL && f->title[0] == '\0') {
		free(f->title);
		f->title = NULL;
	}
	if (folder != NULL && (f->folder = strdup(folder)) == NULL)
		return -1;
	return 0;
}

/* The title (else text) of folder outline n; NULL if neither. */
static char *
folder_title(xmlNodePtr n)
{
	char *t;

	if ((t = attr(n, "title")) != NULL && t[0] != '\0')
		return t;
	free(t);
	if ((t = attr(n, "text")) != NULL && t[0] != '\0')
		return t;
	free(t);
	return NULL;
}

/* The innermost folder above n with a title, below body. */
static char *
folder_of(xmlNodePtr n, xmlNodePtr body)
{
	char *t;

	for (n = n->parent; n != NULL && n != body; n = n->parent)
		if (is_element(n, "outline") && (t = folder_title(n)) != NULL)
			return t;
	return NULL;
}

/* Every outline under body, depth first and in document order, without
 * recursion; -1 when out of memory. */
static int
walk(struct opml *o, xmlNodePtr body)
{
	xmlNodePtr n = body->children;
	char *url, *folder;
	int rc;

	while (n != NULL) {
		if (is_element(n, "outline") &&
		    (url = attr(n, "xmlUrl")) != NULL) {
			if (url[0] == '\0') {
				free(url);
				if (o->skipped_line == 0) {
					o->skipped_line = (int)xmlGetLineNo(n);
					snprintf(o->skipped,
					    sizeof(o->skipped), "an outline "
					    "with an empty xmlUrl");
				}
			} else {
				folder = folder_of(n, body);
				rc = add_feed(o, n, url, folder);
				free(folder);
				if (rc == -1)
					return -1;
			}
		}
		/* Into the children of an outline (a folder), then on to
		 * the next sibling, else up until there is one. */
		if (is_element(n, "outline") && n->children != NULL) {
			n = n->children;
			continue;
		}
		while (n != body && n->next == NULL)
			n = n->parent;
		if (n == body)
			break;
		n = n->next;
	}
	return 0;
}

struct opml *
opml_parse(const char *buf, size_t len, char *err, size_t errlen)
{
	struct errors er;
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc = NULL;
	xmlNodePtr root, body;
	struct opml *o = NULL;

	if (errlen > 0)
		err[0] = '\0';
	memset(&er, 0, sizeof(er));
	if (len == 0) {
		snprintf(err, errlen, "line 1: the file is empty; export the "
		    "subscriptions from a feed reader as OPML");
		return NULL;
	}
	if (len > 0x7fffffff) {
		snprintf(err, errlen, "line 1: the file is too large");
		return NULL;
	}
	if ((ctxt = xmlNewParserCtxt()) == NULL)
		goto nomem;
	ctxt->sax->serror = on_error;
	ctxt->sax->error = NULL;
	ctxt->sax->warning = NULL;
	ctxt->_private = &er;
	doc = xmlCtxtReadMemory(ctxt, buf, (int)len, NULL, NULL, OPML_OPTIONS);
	xmlFreeParserCtxt(ctxt);
	if (doc == NULL || er.msg[0] != '\0') {
		snprintf(err, errlen, "line %d: not well-formed XML: %s",
		    er.line > 0 ? er.line : 1, er.msg[0] != '\0' ? er.msg :
		    "no element");
		goto fail;
	}
	if ((root = xmlDocGetRootElement(doc)) == NULL ||
	    !is_element(root, "opml")) {
		snprintf(err, errlen, "line %ld: the root element is <%s>, "
		    "not <opml>; is this an OPML export?",
		    root != NULL ? xmlGetLineNo(root) : 1L,
		    root != NULL ? (const char *)root->name : "");
		goto fail;
	}
	for (body = root->children; body != NULL; body = body->next)
		if (is_element(body, "body"))
			break;
	if (body == NULL) {
		snprintf(err, errlen, "line %ld: <opml> has no <body> (the "
		    "outlines go there)", xmlGetLineNo(root));
		goto fail;
	}
	if ((o = calloc(1, sizeof(*o))) == NULL || walk(o, body) == -1)
		goto nomem;
	xmlFreeDoc(doc);
	return o;

nomem:
	snprintf(err, errlen, "line 1: out of memory");
fail:
	opml_free(o);
	xmlFreeDoc(doc);
	return NULL;
}

char *
opml_feed_name(const struct opml_feed *f)
{
	const char *from = f->title, *p, *host, *end;
	char name[NAME_MAX_LEN + 1];
	size_t n = 0;
	int dash = 0;

	if (from == NULL || strspn(from, " ") == strlen(from))
		from = NULL;
	if (from != NULL) {
		for (p = from; *p != '\0' && n < NAME_MAX_LEN; p++) {
			if (isalnum((unsigned char)*p) || *p == '_' ||
			    *p == '.') {
				if (dash && n > 0 && n + 1 < NAME_MAX_LEN)
					name[n++] = '-';
				dash = 0;
				name[n++] = (char)tolower((unsigned char)*p);
			} else
				dash = 1;
		}
	}
	if (n == 0) {
		/* No ASCII letter in the title: the URL's host. */
		host = strstr(f->url, "://");
		host = host != NULL ? host + 3 : f->url;
		end = host + strcspn(host, "/?#:@");
		for (p = host; p < end && n < NAME_MAX_LEN; p++)
			if (isalnum((unsigned char)*p) || *p == '-' ||
			    *p == '.' || *p == '_')
				name[n++] = (char)tolower((unsigned char)*p);
	}
	if (n == 0) {
		memcpy(name, "feed", 4);
		n = 4;
	}
	name[n] = '\0';
	return strdup(name);
}
