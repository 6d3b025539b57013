/*
 * http.c: every HTTP transfer brinkd makes, on one libev loop driving
 * libcurl's multi-socket interface (http.h): feed fetches and webhook
 * posts.
 *
 * A feed fetch waits in the pending queue until the global and per-host
 * caps let it start; it is conditional, bounded by config_limits (the
 * body counted after decoding, so a gzip bomb stops at max_body) and
 * kept to http and https, or to file for a file:// feed.
 */
#include "autoconf.h"

#include <sys/queue.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>
#include <ev.h>

#include "config.h"
#include "http.h"
#include "http_impl.h"
#include "log.h"

/* Fallbacks when a cap is 0 (the configuration fills them normally). */
#define DEFAULT_MAX_TRANSFERS	32
#define DEFAULT_MAX_PER_HOST	4
/* A webhook's answer is only read for its status and a short reason. */
#define HTTP_MAX_BODY		(1024 * 1024)
#define DEFAULT_POST_TIMEOUT	10.0

/* libcurl's interest in one socket, as an ev_io. */
struct sock {
	ev_io		 io;
	struct http	*http;
	curl_socket_t	 fd;
	int		 events;
};


static void	transfer_end(struct transfer *, CURLcode, const char *why);
static void	http_dispatch(struct http *);

static void *
xcalloc(size_t n, size_t size)
{
	void *p;

	if ((p = calloc(n, size)) == NULL)
		log_fatal("out of memory");
	return p;
}

static char *
xstrdup(const char *s)
{
	char *p;

	if ((p = strdup(s)) == NULL)
		log_fatal("out of memory");
	return p;
}

double
http_limit_or(double value, double fallback)
{
	return value > 0 ? value : fallback;
}

int
http_is_file_url(const char *url)
{
	CURLU *u;
	char *scheme = NULL;
	int file;

	if ((u = curl_url()) == NULL)
		log_fatal("out of memory");
	file = curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
	    strcasecmp(scheme, "file") == 0;
	curl_free(scheme);
	curl_url_cleanup(u);
	return file;
}

/*
 * libcurl plumbing: sockets and its timer on the loop.
 */

static void
http_check_info(struct http *p)
{
	struct transfer *t;
	CURLMsg *msg;
	CURLcode rc;
	int left;

	while ((msg = curl_multi_info_read(p->multi, &left)) != NULL) {
		if (msg->msg != CURLMSG_DONE)
			continue;
		rc = msg->data.result;
		if (curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE,
		    (char **)&t) != CURLE_OK || t == NULL)
			log_fatal("http: a finished transfer has no owner");
		transfer_end(t, rc, NULL);
	}
	http_dispatch(p);
}

static void
http_socket_action(struct http *p, curl_socket_t fd, int action)
{
	CURLMcode mc;
	int running;

	mc = curl_multi_socket_action(p->multi, fd, action, &running);
	if (mc != CURLM_OK)
		log_error("http: curl_multi_socket_action: %s",
		    curl_multi_strerror(mc));
	http_check_info(p);
}

static void
on_io(struct ev_loop *loop, ev_io *w, int revents)
{
	struct sock *s = (struct sock *)w;
	int action = 0;

	if (revents & EV_READ)
		action |= CURL_CSELECT_IN;
	if (revents & EV_WRITE)
		action |= CURL_CSELECT_OUT;
	if (revents & EV_ERROR)
		action |= CURL_CSELECT_ERR;
	/* s may be freed by libcurl's socket callback inside: copy first. */
	http_socket_action(s->http, s->fd, action);
}

static void
on_curl_timer(struct ev_loop *loop, ev_timer *w, int revents)
{
	http_socket_action(w->data, CURL_SOCKET_TIMEOUT, 0);
}

static int
on_socket(CURL *easy, curl_socket_t fd, int what, void *userp, void *sockp)
{
	struct http *p = userp;
	struct sock *s = sockp;
	int events = 0;

	if (what == CURL_POLL_REMOVE) {
		if (s != NULL) {
			ev_io_stop(p->loop, &s->io);
			curl_multi_assign(p->multi, fd, NULL);
			free(s);
		}
		return 0;
	}
	if (what & CURL_POLL_IN)
		events |= EV_READ;
	if (what & CURL_POLL_OUT)
		events |= EV_WRITE;
	if (s == NULL) {
		s = xcalloc(1, sizeof(*s));
		s->http = p;
		s->fd = fd;
		s->events = events;
		ev_io_init(&s->io, on_io, fd, events);
		ev_io_start(p->loop, &s->io);
		curl_multi_assign(p->multi, fd, s);
	} else if (s->events != events) {
		/* Re-arm only on a change: ev_io_set costs a syscall. */
		ev_io_stop(p->loop, &s->io);
		ev_io_set(&s->io, fd, events);
		ev_io_start(p->loop, &s->io);
		s->events = events;
	}
	return 0;
}

static int
on_timer_change(CURLM *multi, long timeout_ms, void *userp)
{
	struct http *p = userp;

	ev_timer_stop(p->loop, &p->curl_timer);
	if (timeout_ms >= 0) {
		/* Even for 0: curl must not be re-entered from here. */
		ev_timer_set(&p->curl_timer, timeout_ms / 1000.0, 0.);
		ev_timer_start(p->loop, &p->curl_timer);
	}
	return 0;
}

/*
 * Transfers.
 */

static size_t
on_write(char *data, size_t size, size_t nmemb, void *arg)
{
	struct transfer *t = arg;
	size_t n = size * nmemb;
	char *grown;

	/* The bytes here are decoded already: a gzip bomb stops here. */
	if (n > t->max_body - t->len) {
		t->too_big = 1;
		return 0;
	}
	if (t->len + n + 1 > t->cap) {
		t->cap = t->cap ? t->cap : 16384;
		while (t->cap < t->len + n + 1)
			t->cap *= 2;
		if ((grown = realloc(t->buf, t->cap)) == NULL)
			log_fatal("out of memory");
		t->buf = grown;
	}
	memcpy(t->buf + t->len, data, n);
	t->len += n;
	t->buf[t->len] = '\0';
	return n;
}

/* Copy a header's value, trimmed, if line is "name: value". */
static int
header_value(const char *line, size_t len, const char *name, char **value)
{
	size_t nlen = strlen(name);
	const char *v, *end;

	if (len <= nlen || strncasecmp(line, name, nlen) != 0 ||
	    line[nlen] != ':')
		return 0;
	v = line + nlen + 1;
	end = line + len;
	while (v < end && (*v == ' ' || *v == '\t'))
		v++;
	while (end > v && (end[-1] == '\r' || end[-1] == '\n' ||
	    end[-1] == ' ' || end[-1] == '\t'))
		end--;
	free(*value);
	*value = NULL;
	if (end > v) {
		if ((*value = strndup(v, (size_t)(end - v))) == NULL)
			log_fatal("out of memory");
	}
	return 1;
}

static size_t
on_header(char *line, size_t size, size_t nmemb, void *arg)
{
	struct transfer *t = arg;
	size_t len = size * nmemb;
	int status;

	if (len > 5 && strncmp(line, "HTTP/", 5) == 0) {
		/* libcurl's line has no NUL after it, and sscanf reads to
		 * one: scan a terminated copy of the status line's start. */
		char status_line[64];
		size_t n = len < sizeof(status_line) ? len :
		    sizeof(status_line) - 1;

		memcpy(status_line, line, n);
		status_line[n] = '\0';
		/* A new response (after a redirect): its own headers count. */
		free(t->etag);
		free(t->last_modified);
		t->etag = t->last_modified = NULL;
		if (sscanf(status_line, "HTTP/%*s %d", &status) == 1 &&
		    (status == 301 || status == 308))
			t->moved = 1;
		return len;
	}
	if (!header_value(line, len, "etag", &t->etag))
		header_value(line, len, "last-modified", &t->last_modified);
	return len;
}

/*
 * libcurl's words for a failed transfer.  curl 7.x refuses a response
 * header over 100 kB (CURL_MAX_HTTP_HEADER) with CURLE_OUT_OF_MEMORY and
 * no message of its own: "Out of memory" would send the operator after
 * brinkd's memory, when the server sent a header it should not have.
 */
const char *
transfer_reason(const struct transfer *t, CURLcode rc)
{
	if (t->errbuf[0] != '\0')
		return t->errbuf;
	if (rc == CURLE_OUT_OF_MEMORY)
		return "response header too large (libcurl refuses one over "
		    "100 kB and calls it \"out of memory\")";
	return curl_easy_strerror(rc);
}

#define SETOPT(opt, val) do {						\
	if (rc == CURLE_OK)						\
		rc = curl_easy_setopt(t->easy, (opt), (val));		\
} while (0)

/* A transfer of url with what every transfer shares. */
struct transfer *
transfer_new(struct http *p, const char *url, const char *protocols,
    double connect_timeout, double timeout)
{
	const struct config *cfg = p->cfg;
	struct transfer *t;
	CURLcode rc = CURLE_OK;

	t = xcalloc(1, sizeof(*t));
	t->http = p;
	t->url = xstrdup(url);
	t->host = http_host_of_url(p, url);
	if ((t->easy = curl_easy_init()) == NULL)
		log_fatal("out of memory");
	SETOPT(CURLOPT_PRIVATE, t);
	SETOPT(CURLOPT_URL, url);
	SETOPT(CURLOPT_NOSIGNAL, 1L);
	SETOPT(CURLOPT_ERRORBUFFER, t->errbuf);
	SETOPT(CURLOPT_WRITEFUNCTION, on_write);
	SETOPT(CURLOPT_WRITEDATA, t);
	SETOPT(CURLOPT_HEADERFUNCTION, on_header);
	SETOPT(CURLOPT_HEADERDATA, t);
	SETOPT(CURLOPT_USERAGENT, cfg != NULL && cfg->user_agent != NULL ?
	    cfg->user_agent : "brinkd/" PACKAGE_VERSION);
	/* "": every encoding this libcurl can decode. */
	SETOPT(CURLOPT_ACCEPT_ENCODING, "");
	SETOPT(CURLOPT_SSL_VERIFYPEER, 1L);
	SETOPT(CURLOPT_SSL_VERIFYHOST, 2L);
	if (cfg != NULL && cfg->ca_file != NULL)
		SETOPT(CURLOPT_CAINFO, cfg->ca_file);
#if LIBCURL_VERSION_NUM >= 0x075500
	SETOPT(CURLOPT_PROTOCOLS_STR, protocols);
	SETOPT(CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
	SETOPT(CURLOPT_PROTOCOLS, strcmp(protocols, "file") == 0 ?
	    (long)CURLPROTO_FILE : (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
	SETOPT(CURLOPT_REDIR_PROTOCOLS,
	    (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
	SETOPT(CURLOPT_CONNECTTIMEOUT_MS, (long)(connect_timeout * 1000));
	SETOPT(CURLOPT_TIMEOUT_MS, (long)(timeout * 1000));
	if (rc != CURLE_OK) {
		log_error("http: cannot set up a transfer of %s: %s", url,
		    curl_easy_strerror(rc));
		curl_easy_cleanup(t->easy);
		free(t->url);
		http_host_unref(p, t->host);
		free(t);
		return NULL;
	}
	return t;
}

void
transfer_free(struct transfer *t)
{
	curl_easy_cleanup(t->easy);
	curl_slist_free_all(t->headers);
	free(t->url);
	http_host_unref(t->http, t->host);
	free(t->buf);
	free(t->etag);
	free(t->last_modified);
	free(t->what);
	free(t);
}

static int
max_per_host(const struct http *p)
{
	return p->cfg->max_per_host > 0 ? p->cfg->max_per_host :
	    DEFAULT_MAX_PER_HOST;
}

static int
transfer_activate(struct transfer *t)
{
	struct http *p = t->http;
	CURLMcode mc;

	if ((mc = curl_multi_add_handle(p->multi, t->easy)) != CURLM_OK) {
		log_error("http: cannot start a transfer: %s",
		    curl_multi_strerror(mc));
		return -1;
	}
	t->active = 1;
	p->n_active++;
	t->host->active++;
	TAILQ_INSERT_TAIL(&p->active, t, entry);
	return 0;
}

/* Take t out of the queues it waits in. */
static void
transfer_unqueue(struct transfer *t)
{
	TAILQ_REMOVE(&t->http->pending, t, entry);
	TAILQ_REMOVE(&t->host->pending, t, host_entry);
	t->queued = 0;
}

/* Start what waits, as far as the caps allow: one step per start, from
 * the hosts with room, in turn. */
static void
http_dispatch(struct http *p)
{
	struct http_host *h;
	struct transfer *t;
	int max_all, max_host = max_per_host(p);

	max_all = p->cfg->max_transfers > 0 ? p->cfg->max_transfers :
	    DEFAULT_MAX_TRANSFERS;
	while (p->n_active < max_all && (h = TAILQ_FIRST(&p->ready)) != NULL) {
		/* To the back of the turn, or out if a reload lowered
		 * max_per_host below what it runs. */
		TAILQ_REMOVE(&p->ready, h, ready_entry);
		h->ready = 0;
		if (h->active >= max_host)
			continue;
		t = TAILQ_FIRST(&h->pending);
		transfer_unqueue(t);
		if (transfer_activate(t) == -1)
			/* Ends t, which may free h. */
			transfer_end(t, CURLE_FAILED_INIT, "could not start");
		else
			http_host_update(p, h, max_host);
	}
}

/* Wait for the caps (http_fetch; posts start at once). */
void
transfer_queue(struct transfer *t)
{
	struct http *p = t->http;

	TAILQ_INSERT_TAIL(&p->pending, t, entry);
	TAILQ_INSERT_TAIL(&t->host->pending, t, host_entry);
	t->queued = 1;
	http_host_update(p, t->host, max_per_host(p));
	http_dispatch(p);
}

/*
 * The transfer is over, finished (rc from libcurl) or given up (why says
 * why): take it off the multi, tell its owner, if any, and free it.
 */
static void
transfer_end(struct transfer *t, CURLcode rc, const char *why)
{
	struct http *p = t->http;

	if (why != NULL && t->errbuf[0] == '\0')
		snprintf(t->errbuf, sizeof(t->errbuf), "%s", why);

	if (t->active) {
		TAILQ_REMOVE(&p->active, t, entry);
		p->n_active--;
		t->host->active--;
		curl_multi_remove_handle(p->multi, t->easy);
		t->active = 0;
	} else if (t->queued)
		transfer_unqueue(t);
	/* Its host may start another; transfer_free may free the host. */
	http_host_update(p, t->host, max_per_host(p));
	if (t->finish != NULL)
		t->finish(t, rc);
	transfer_free(t);
	if (p->ended != NULL)
		p->ended(p->ended_arg);
}

/* Give a transfer up without a word to a feed (shutdown, removal); a
 * post's caller still hears that it failed. */
void
transfer_drop(struct transfer *t, const char *why)
{
	t->dropped = 1;
	transfer_end(t, CURLE_ABORTED_BY_CALLBACK, why);
}

/*
 * Posts (webhooks).
 */

static void
post_done(struct transfer *t, CURLcode rc)
{
	struct http_response r;
	curl_off_t retry = -1, total_us = 0;
	long status = 0;

	if (t->done == NULL)		/* cancelled */
		return;
	memset(&r, 0, sizeof(r));
	if (curl_easy_getinfo(t->easy, CURLINFO_TOTAL_TIME_T, &total_us) ==
	    CURLE_OK)
		r.elapsed = (double)total_us / 1e6;
	curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &status);
	if (curl_easy_getinfo(t->easy, CURLINFO_RETRY_AFTER, &retry) !=
	    CURLE_OK || retry <= 0)
		retry = -1;
	r.status = status;
	r.retry_after = (double)retry;
	r.body = t->buf != NULL ? t->buf : "";
	r.body_len = t->len;
	r.timed_out = rc == CURLE_OPERATION_TIMEDOUT;
	if (t->too_big)
		r.error = "the answer was larger than 1 MB";
	else if (rc != CURLE_OK)
		r.error = transfer_reason(t, rc);
	t->done(t->done_arg, &r);
}

int
http_post(struct http *p, const struct http_request *req,
    http_done_fn *done, void *arg)
{
	const char *const *h;
	struct curl_slist *grown;
	struct transfer *t;
	double timeout, connect_timeout;
	CURLcode rc = CURLE_OK;

	timeout = http_limit_or(req->timeout, DEFAULT_POST_TIMEOUT);
	connect_timeout = http_limit_or(p->cfg->limits.connect_timeout,
	    DEFAULT_CONNECT_TIMEOUT);
	if (connect_timeout > timeout)
		connect_timeout = timeout;
	if ((t = transfer_new(p, req->url, "http,https", connect_timeout,
	    timeout)) == NULL)
		return -1;
	t->finish = post_done;
	t->done = done;
	t->done_arg = arg;
	t->max_body = HTTP_MAX_BODY;
	t->what = xstrdup(req->what != NULL ? req->what : "http");
	for (h = req->headers; h != NULL && *h != NULL; h++) {
		if ((grown = curl_slist_append(t->headers, *h)) == NULL)
			log_fatal("out of memory");
		t->headers = grown;
	}
	/* No "Expect: 100-continue" round trip for a small post. */
	if ((grown = curl_slist_append(t->headers, "Expect:")) == NULL)
		log_fatal("out of memory");
	t->headers = grown;
	SETOPT(CURLOPT_HTTPHEADER, t->headers);
	if (req->body != NULL) {
		SETOPT(CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)req->body_len);
		SETOPT(CURLOPT_COPYPOSTFIELDS, req->body);
	}
	if (req->method != NULL && strcmp(req->method, "POST") != 0)
		SETOPT(CURLOPT_CUSTOMREQUEST, req->method);
	if (rc != CURLE_OK) {
		log_error("%s: cannot set up the request: %s", t->what,
		    curl_easy_strerror(rc));
		transfer_free(t);
		return -1;
	}
	/* Alerts do not queue behind slow feeds: no caps for posts. */
	if (transfer_activate(t) == -1) {
		transfer_free(t);
		return -1;
	}
	return 0;
}

void
http_cancel(struct http *p, void *arg)
{
	struct transfer *t, *next;
	struct transfer_list *lists[2] = { &p->active, &p->pending };
	int i;

	for (i = 0; i < 2; i++) {
		for (t = TAILQ_FIRST(lists[i]); t != NULL; t = next) {
			next = TAILQ_NEXT(t, entry);
			if (t->fetched == NULL && t->done_arg == arg) {
				t->done = NULL;
				transfer_end(t, CURLE_ABORTED_BY_CALLBACK,
				    NULL);
			}
		}
	}
}

/*
 * The client.
 */

int
http_library_init(void)
{
	CURLcode rc;

	if ((rc = curl_global_init(CURL_GLOBAL_DEFAULT)) != CURLE_OK) {
		log_error("cannot initialise libcurl: %s",
		    curl_easy_strerror(rc));
		return -1;
	}
	return 0;
}

void
http_library_cleanup(void)
{
	curl_global_cleanup();
}

struct http *
http_new(struct ev_loop *loop, const struct config *cfg,
    void (*ended)(void *), void *arg)
{
	struct http *p;

	p = xcalloc(1, sizeof(*p));
	p->loop = loop;
	p->cfg = cfg;
	p->ended = ended;
	p->ended_arg = arg;
	TAILQ_INIT(&p->active);
	TAILQ_INIT(&p->pending);
	TAILQ_INIT(&p->ready);
	ev_timer_init(&p->curl_timer, on_curl_timer, 0., 0.);
	p->curl_timer.data = p;
	if ((p->multi = curl_multi_init()) == NULL ||
	    curl_multi_setopt(p->multi, CURLMOPT_SOCKETFUNCTION, on_socket) ||
	    curl_multi_setopt(p->multi, CURLMOPT_SOCKETDATA, p) ||
	    curl_multi_setopt(p->multi, CURLMOPT_TIMERFUNCTION,
	    on_timer_change) ||
	    curl_multi_setopt(p->multi, CURLMOPT_TIMERDATA, p)) {
		log_error("http: cannot set up libcurl's multi interface");
		http_free(p);
		return NULL;
	}
	return p;
}

void
http_configure(struct http *p, const struct config *cfg)
{
	p->cfg = cfg;
}

void
http_drop_pending(struct http *p)
{
	while (!TAILQ_EMPTY(&p->pending))
		transfer_drop(TAILQ_FIRST(&p->pending), "not started: "
		    "shutting down");
}

int
http_busy(const struct http *p)
{
	return p->n_active > 0 || !TAILQ_EMPTY(&p->pending);
}

int
http_running(const struct http *p)
{
	return p->n_active;
}

void
http_drop_active(struct http *p, const char *why)
{
	while (!TAILQ_EMPTY(&p->active))
		transfer_drop(TAILQ_FIRST(&p->active), why);
}

void
http_free(struct http *p)
{
	if (p == NULL)
		return;
	/* Nobody to tell any more that a transfer ended. */
	p->ended = NULL;
	/* Posts still in flight hear that they failed, so that their
	 * owners can free what they attached. */
	http_drop_active(p, "shutting down");
	while (!TAILQ_EMPTY(&p->pending))
		transfer_drop(TAILQ_FIRST(&p->pending), "shutting down");
	ev_timer_stop(p->loop, &p->curl_timer);
	if (p->multi != NULL)
		curl_multi_cleanup(p->multi);
	free(p);
}
