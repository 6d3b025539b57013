/*
 * http_host.c: the servers the transfers go to, each with its running
 * count and its queue, in a tsearch(3) tree by name; see http_impl.h.
 *
 * The client starts the next transfer from the first host of its ready
 * list, so the caps cost one step per start whatever waits, and hosts
 * take turns: a server with 500 feeds waiting does not hold back the
 * one feed of another.
 */
#include "autoconf.h"

#include <search.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "http_impl.h"
#include "log.h"

static int
host_compare(const void *a, const void *b)
{
	return strcasecmp(((const struct http_host *)a)->name,
	    ((const struct http_host *)b)->name);
}

/* The host part of url, by libcurl's URL parser; "" if it has none. */
static char *
url_host(const char *url)
{
	CURLU *u;
	char *host = NULL, *copy;

	if ((u = curl_url()) == NULL)
		log_fatal("out of memory");
	if (curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK)
		host = NULL;
	if ((copy = strdup(host != NULL ? host : "")) == NULL)
		log_fatal("out of memory");
	curl_free(host);
	curl_url_cleanup(u);
	return copy;
}

struct http_host *
http_host_of_url(struct http *p, const char *url)
{
	struct http_host key, *h, **found;

	key.name = url_host(url);
	found = tfind(&key, &p->hosts, host_compare);
	if (found != NULL) {
		free(key.name);
		(*found)->refs++;
		return *found;
	}
	if ((h = calloc(1, sizeof(*h))) == NULL)
		log_fatal("out of memory");
	h->name = key.name;
	TAILQ_INIT(&h->pending);
	if (tsearch(h, &p->hosts, host_compare) == NULL)
		log_fatal("out of memory");
	h->refs = 1;
	return h;
}

void
http_host_unref(struct http *p, struct http_host *h)
{
	if (--h->refs > 0)
		return;
	if (h->ready)
		TAILQ_REMOVE(&p->ready, h, ready_entry);
	tdelete(h, &p->hosts, host_compare);
	free(h->name);
	free(h);
}

void
http_host_update(struct http *p, struct http_host *h, int max_per_host)
{
	int want = !TAILQ_EMPTY(&h->pending) && h->active < max_per_host;

	if (want && !h->ready)
		TAILQ_INSERT_TAIL(&p->ready, h, ready_entry);
	else if (!want && h->ready)
		TAILQ_REMOVE(&p->ready, h, ready_entry);
	h->ready = want;
}
