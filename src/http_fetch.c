/*
 * http_fetch.c: a feed fetch on the HTTP client (http.h): conditional
 * (If-None-Match, If-Modified-Since), within the feed's limits of time,
 * speed, size and redirects, and its outcome told to the caller in
 * fetch_result's terms.
 */
#include "autoconf.h"

#include <sys/queue.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>
#include <ev.h>

#include "config.h"
#include "http.h"
#include "http_impl.h"
#include "log.h"
#include "secret.h"

#define DEFAULT_LOW_SPEED_TIME	30.0
#define DEFAULT_LOW_SPEED_LIMIT	100.0
#define DEFAULT_MAX_BODY	(10 * 1024 * 1024)
#define DEFAULT_MAX_REDIRECTS	5

#define SETOPT(opt, val) do {						\
	if (rc == CURLE_OK)						\
		rc = curl_easy_setopt(t->easy, (opt), (val));		\
} while (0)

static void
append_header(struct transfer *t, const char *name, const char *value)
{
	struct curl_slist *grown;
	char header[1024];

	snprintf(header, sizeof(header), "%s: %s", name, value);
	if ((grown = curl_slist_append(t->headers, header)) == NULL)
		log_fatal("out of memory");
	t->headers = grown;
}

static void	fetch_done(struct transfer *, CURLcode rc);

/* A limit where 0 means what it says: negative is unset (config.h). */
static double
setting_or(double value, double fallback)
{
	return value >= 0 ? value : fallback;
}

struct transfer *
http_fetch(struct http *p, const struct fetch_request *req,
    fetch_done_fn *done, void *arg, char *err, size_t errlen)
{
	const struct config_limits *l = req->limits;
	const struct config_limits *g = &p->cfg->limits;
	struct transfer *t;
	CURLcode rc = CURLE_OK;
	double low_speed_time;
	long redirects;
	size_t i;

	t = transfer_new(p, req->url,
	    http_is_file_url(req->url) ? "file" : "http,https",
	    http_limit_or(l->connect_timeout, http_limit_or(g->connect_timeout,
	    DEFAULT_CONNECT_TIMEOUT)),
	    http_limit_or(l->timeout, http_limit_or(g->timeout, DEFAULT_TIMEOUT)));
	if (t == NULL) {
		snprintf(err, errlen, "cannot set up the transfer");
		return NULL;
	}
	t->finish = fetch_done;
	t->fetched = done;
	t->done_arg = arg;
	t->max_body = (size_t)http_limit_or((double)l->max_body,
	    http_limit_or((double)g->max_body, DEFAULT_MAX_BODY));
	/* 0 is a setting here, not "unset": no redirect is followed, and
	 * either low-speed value at 0 turns the abort off (curl reads
	 * both so).  Only a negative value, a limit never set, falls back. */
	redirects = p->cfg->max_redirects >= 0 ? p->cfg->max_redirects :
	    DEFAULT_MAX_REDIRECTS;
	SETOPT(CURLOPT_FOLLOWLOCATION, 1L);
	SETOPT(CURLOPT_MAXREDIRS, redirects);
	low_speed_time = setting_or(l->low_speed_time,
	    setting_or(g->low_speed_time, DEFAULT_LOW_SPEED_TIME));
	/* curl counts whole seconds: "500ms" is 1 s, not 0 (off). */
	if (low_speed_time > 0 && low_speed_time < 1)
		low_speed_time = 1;
	SETOPT(CURLOPT_LOW_SPEED_TIME, (long)low_speed_time);
	SETOPT(CURLOPT_LOW_SPEED_LIMIT, (long)setting_or(
	    (double)l->low_speed_limit, setting_or((double)g->low_speed_limit,
	    DEFAULT_LOW_SPEED_LIMIT)));
	/* A declared length over the limit is refused before any byte. */
	SETOPT(CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)t->max_body);
	if (req->etag != NULL)
		append_header(t, "If-None-Match", req->etag);
	if (req->last_modified != NULL)
		append_header(t, "If-Modified-Since", req->last_modified);
	/* Expanded at each fetch: a token file rewritten by its owner is
	 * read anew without a reload.  libcurl copies each header; the
	 * copy here is wiped at once. */
	for (i = 0; req->headers != NULL && i < req->headers->n; i++) {
		struct curl_slist *grown;
		char why[512], *header;

		if ((header = secret_expand(req->headers->v[i], why,
		    sizeof(why))) == NULL) {
			snprintf(err, errlen, "header %zu: %s", i + 1, why);
			transfer_free(t);
			return NULL;
		}
		grown = curl_slist_append(t->headers, header);
		secret_free(header);
		if (grown == NULL)
			log_fatal("out of memory");
		t->headers = grown;
	}
	SETOPT(CURLOPT_HTTPHEADER, t->headers);
	if (rc != CURLE_OK) {
		snprintf(err, errlen, "cannot set up the transfer: %s",
		    curl_easy_strerror(rc));
		transfer_free(t);
		return NULL;
	}
	transfer_queue(t);
	return t;
}

void
http_drop(struct transfer *t)
{
	transfer_drop(t, NULL);
}

/* Tell the fetch's owner how it went, in http.h's terms. */
static void
fetch_done(struct transfer *t, CURLcode rc)
{
	struct fetch_result r;
	curl_off_t retry = -1;
	char *url = NULL, *nl;

	memset(&r, 0, sizeof(r));
	if ((nl = strchr(t->errbuf, '\n')) != NULL)
		*nl = '\0';
	r.reason = transfer_reason(t, rc);
	if (t->dropped)
		r.error = FETCH_DROPPED;
	else if (t->too_big || rc == CURLE_FILESIZE_EXCEEDED)
		r.error = FETCH_TOO_BIG;
	else if (rc == CURLE_OK)
		r.error = FETCH_OK;
	else if (rc == CURLE_OPERATION_TIMEDOUT)
		r.error = FETCH_TIMEOUT;
	else if (rc == CURLE_TOO_MANY_REDIRECTS)
		r.error = FETCH_REDIRECTS;
	else if (rc == CURLE_UNSUPPORTED_PROTOCOL)
		r.error = FETCH_PROTOCOL;
	else if (rc == CURLE_PEER_FAILED_VERIFICATION)
		r.error = FETCH_TLS;
	else
		r.error = FETCH_OTHER;
	curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &r.status);
	curl_easy_getinfo(t->easy, CURLINFO_EFFECTIVE_URL, &url);
	r.asked_url = t->url;
	r.url = url != NULL ? url : t->url;
	if (r.error == FETCH_OK && r.status == 0 && http_is_file_url(r.url))
		r.status = 200;
	if (curl_easy_getinfo(t->easy, CURLINFO_RETRY_AFTER, &retry) !=
	    CURLE_OK || retry <= 0)
		retry = -1;
	r.retry_after = (double)retry;
	r.moved = t->moved;
	r.body = t->buf != NULL ? t->buf : "";
	r.len = t->len;
	r.max_body = t->max_body;
	r.etag = t->etag;
	r.last_modified = t->last_modified;
	t->fetched(t->done_arg, &r);
}

