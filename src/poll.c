/*
 * poll.c: every HTTP transfer brinkd makes, on one libev loop driving
 * libcurl's multi-socket interface: feed fetches (for poll_feed.c, which
 * decides when) and webhook posts (poll_http).
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
#include "log.h"
#include "poll.h"
#include "poll_impl.h"

/* Fallbacks when a limit is 0 (the configuration fills them normally). */
#define DEFAULT_CONNECT_TIMEOUT	10.0
#define DEFAULT_TIMEOUT		60.0
#define DEFAULT_LOW_SPEED_TIME	30.0
#define DEFAULT_MAX_BODY	(10 * 1024 * 1024)
#define DEFAULT_MAX_TRANSFERS	32
#define DEFAULT_MAX_PER_HOST	4
#define DEFAULT_MAX_REDIRECTS	5
/* A webhook's answer is only read for its status and a short reason. */
#define HTTP_MAX_BODY		(1024 * 1024)
#define DEFAULT_POST_TIMEOUT	10.0
struct transfer {
	/* in the poll's active or pending list */
	TAILQ_ENTRY(transfer)	 entry;
	struct poll		*poll;
	CURL			*easy;
	struct poll_feed	*feed;		/* NULL: poll_http */
	char			*url;		/* as asked for */
	char			*host;		/* per-host cap */
	int			 active;
	struct curl_slist	*headers;
	char			*buf;		/* body, decoded */
	size_t			 len, cap, max_body;
	int			 too_big;
	int			 moved;		/* 301/308 seen */
	int			 dropped;	/* given up */
	char			*etag, *last_modified;
	poll_http_done_fn	*done;
	void			*done_arg;
	char			*what;
	char			 errbuf[CURL_ERROR_SIZE];
};

/* libcurl's interest in one socket, as an ev_io. */
struct sock {
	ev_io		 io;
	struct poll	*poll;
	curl_socket_t	 fd;
	int		 events;
};

static void	transfer_end(struct transfer *, CURLcode, const char *why);
static void	transfer_drop(struct transfer *, const char *why);
static void	poll_dispatch(struct poll *);

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

static double
limit_or(double value, double fallback)
{
	return value > 0 ? value : fallback;
}

double
poll_jitter(void)
{
	return (double)random() / ((double)RAND_MAX + 1.0);
}

static int
is_file_url(const char *url)
{
	return strncasecmp(url, "file:", 5) == 0;
}

/* The host part of url, for the per-host cap ("" for file://). */
static char *
url_host(const char *url)
{
	CURLU *u;
	char *host = NULL, *copy;

	if ((u = curl_url()) == NULL)
		log_fatal("out of memory");
	if (curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK)
		copy = xstrdup(host);
	else
		copy = xstrdup("");
	curl_free(host);
	curl_url_cleanup(u);
	return copy;
}

/*
 * libcurl plumbing: sockets and its timer on the loop.
 */

static void
poll_check_info(struct poll *p)
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
			log_fatal("poll: a finished transfer has no owner");
		transfer_end(t, rc, NULL);
	}
	poll_dispatch(p);
}

static void
poll_socket_action(struct poll *p, curl_socket_t fd, int action)
{
	CURLMcode mc;
	int running;

	mc = curl_multi_socket_action(p->multi, fd, action, &running);
	if (mc != CURLM_OK)
		log_error("poll: curl_multi_socket_action: %s",
		    curl_multi_strerror(mc));
	poll_check_info(p);
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
	poll_socket_action(s->poll, s->fd, action);
}

static void
on_curl_timer(struct ev_loop *loop, ev_timer *w, int revents)
{
	poll_socket_action(w->data, CURL_SOCKET_TIMEOUT, 0);
}

static int
on_socket(CURL *easy, curl_socket_t fd, int what, void *userp, void *sockp)
{
	struct poll *p = userp;
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
		s->poll = p;
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
	struct poll *p = userp;

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

#define SETOPT(opt, val) do {						\
	if (rc == CURLE_OK)						\
		rc = curl_easy_setopt(t->easy, (opt), (val));		\
} while (0)

/* A transfer of url with what every transfer shares. */
static struct transfer *
transfer_new(struct poll *p, const char *url, const char *protocols,
    double connect_timeout, double timeout)
{
	const struct config *cfg = p->cfg;
	struct transfer *t;
	CURLcode rc = CURLE_OK;

	t = xcalloc(1, sizeof(*t));
	t->poll = p;
	t->url = xstrdup(url);
	t->host = url_host(url);
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
		log_error("poll: cannot set up a transfer of %s: %s", url,
		    curl_easy_strerror(rc));
		curl_easy_cleanup(t->easy);
		free(t->url);
		free(t->host);
		free(t);
		return NULL;
	}
	return t;
}

static void
transfer_free(struct transfer *t)
{
	curl_easy_cleanup(t->easy);
	curl_slist_free_all(t->headers);
	free(t->url);
	free(t->host);
	free(t->buf);
	free(t->etag);
	free(t->last_modified);
	free(t->what);
	free(t);
}

static int
host_active(struct poll *p, const char *host)
{
	struct transfer *t;
	int n = 0;

	TAILQ_FOREACH(t, &p->active, entry)
		if (strcasecmp(t->host, host) == 0)
			n++;
	return n;
}

static int
transfer_activate(struct transfer *t)
{
	struct poll *p = t->poll;
	CURLMcode mc;

	if ((mc = curl_multi_add_handle(p->multi, t->easy)) != CURLM_OK) {
		log_error("poll: cannot start a transfer: %s",
		    curl_multi_strerror(mc));
		return -1;
	}
	t->active = 1;
	p->n_active++;
	TAILQ_INSERT_TAIL(&p->active, t, entry);
	return 0;
}

/* Start what waits, as far as the caps allow. */
static void
poll_dispatch(struct poll *p)
{
	struct transfer *t, *next;
	int max_all, max_host;

	max_all = p->cfg->max_transfers > 0 ? p->cfg->max_transfers :
	    DEFAULT_MAX_TRANSFERS;
	max_host = p->cfg->max_per_host > 0 ? p->cfg->max_per_host :
	    DEFAULT_MAX_PER_HOST;
	for (t = TAILQ_FIRST(&p->pending); t != NULL; t = next) {
		next = TAILQ_NEXT(t, entry);
		if (p->n_active >= max_all)
			break;
		if (host_active(p, t->host) >= max_host)
			continue;
		TAILQ_REMOVE(&p->pending, t, entry);
		if (transfer_activate(t) == -1)
			transfer_end(t, CURLE_FAILED_INIT, "could not start");
	}
}

static void	feed_done(struct transfer *, CURLcode rc);
static void	http_done(struct transfer *, CURLcode rc);

/*
 * The transfer is over, finished (rc from libcurl) or given up (why says
 * why): take it off the multi, tell its owner, if any, and free it.
 */
static void
transfer_end(struct transfer *t, CURLcode rc, const char *why)
{
	struct poll *p = t->poll;

	if (why != NULL && t->errbuf[0] == '\0')
		snprintf(t->errbuf, sizeof(t->errbuf), "%s", why);

	if (t->active) {
		TAILQ_REMOVE(&p->active, t, entry);
		p->n_active--;
		curl_multi_remove_handle(p->multi, t->easy);
		t->active = 0;
	} else
		TAILQ_REMOVE(&p->pending, t, entry);
	if (t->feed != NULL)
		feed_done(t, rc);
	else if (t->done != NULL)
		http_done(t, rc);
	transfer_free(t);
	poll_kick(p);
}

/* Give a transfer up without a word to a feed (shutdown, removal); a
 * poll_http caller still hears that it failed. */
static void
transfer_drop(struct transfer *t, const char *why)
{
	t->dropped = 1;
	transfer_end(t, CURLE_ABORTED_BY_CALLBACK, why);
}

/*
 * libcurl's words for a failed transfer.  curl 7.x refuses a response
 * header over 100 kB (CURL_MAX_HTTP_HEADER) with CURLE_OUT_OF_MEMORY and
 * no message of its own: "Out of memory" would send the operator after
 * brinkd's memory, when the server sent a header it should not have.
 */
static const char *
transfer_reason(struct transfer *t, CURLcode rc)
{
	if (t->errbuf[0] != '\0')
		return t->errbuf;
	if (rc == CURLE_OUT_OF_MEMORY)
		return "response header too large (libcurl refuses one over "
		    "100 kB and calls it \"out of memory\")";
	return curl_easy_strerror(rc);
}

/*
 * poll_http: webhook posts.
 */

static void
http_done(struct transfer *t, CURLcode rc)
{
	struct http_response r;
	curl_off_t retry = -1;
	long status = 0;

	memset(&r, 0, sizeof(r));
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
poll_http(struct poll *p, const struct http_request *req,
    poll_http_done_fn *done, void *arg)
{
	const char *const *h;
	struct curl_slist *grown;
	struct transfer *t;
	double timeout, connect_timeout;
	CURLcode rc = CURLE_OK;

	if (p->stopping)
		return -1;
	timeout = limit_or(req->timeout, DEFAULT_POST_TIMEOUT);
	connect_timeout = limit_or(p->cfg->limits.connect_timeout,
	    DEFAULT_CONNECT_TIMEOUT);
	if (connect_timeout > timeout)
		connect_timeout = timeout;
	if ((t = transfer_new(p, req->url, "http,https", connect_timeout,
	    timeout)) == NULL)
		return -1;
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
poll_http_cancel(struct poll *p, void *arg)
{
	struct transfer *t, *next;
	struct transfer_list *lists[2] = { &p->active, &p->pending };
	int i;

	for (i = 0; i < 2; i++) {
		for (t = TAILQ_FIRST(lists[i]); t != NULL; t = next) {
			next = TAILQ_NEXT(t, entry);
			if (t->feed == NULL && t->done_arg == arg) {
				t->done = NULL;
				transfer_end(t, CURLE_ABORTED_BY_CALLBACK,
				    NULL);
			}
		}
	}
}

struct ev_loop *
poll_loop(struct poll *p)
{
	return p->loop;
}

/*
 * Feed fetches, for poll_feed.c.
 */

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

struct transfer *
poll_fetch(struct poll *p, const struct fetch_request *req,
    struct poll_feed *feed, char *err, size_t errlen)
{
	const struct config_limits *l = req->limits;
	const struct config_limits *g = &p->cfg->limits;
	struct transfer *t;
	CURLcode rc = CURLE_OK;
	long redirects;
	size_t i;

	t = transfer_new(p, req->url,
	    is_file_url(req->url) ? "file" : "http,https",
	    limit_or(l->connect_timeout, limit_or(g->connect_timeout,
	    DEFAULT_CONNECT_TIMEOUT)),
	    limit_or(l->timeout, limit_or(g->timeout, DEFAULT_TIMEOUT)));
	if (t == NULL) {
		snprintf(err, errlen, "cannot set up the transfer");
		return NULL;
	}
	t->feed = feed;
	t->max_body = (size_t)limit_or((double)l->max_body,
	    limit_or((double)g->max_body, DEFAULT_MAX_BODY));
	redirects = p->cfg->max_redirects > 0 ? p->cfg->max_redirects :
	    DEFAULT_MAX_REDIRECTS;
	SETOPT(CURLOPT_FOLLOWLOCATION, 1L);
	SETOPT(CURLOPT_MAXREDIRS, redirects);
	SETOPT(CURLOPT_LOW_SPEED_TIME, (long)limit_or(l->low_speed_time,
	    limit_or(g->low_speed_time, DEFAULT_LOW_SPEED_TIME)));
	SETOPT(CURLOPT_LOW_SPEED_LIMIT, l->low_speed_limit > 0 ?
	    l->low_speed_limit : g->low_speed_limit > 0 ?
	    g->low_speed_limit : 100L);
	/* A declared length over the limit is refused before any byte. */
	SETOPT(CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)t->max_body);
	if (req->etag != NULL)
		append_header(t, "If-None-Match", req->etag);
	if (req->last_modified != NULL)
		append_header(t, "If-Modified-Since", req->last_modified);
	for (i = 0; req->headers != NULL && i < req->headers->n; i++) {
		struct curl_slist *grown;

		if ((grown = curl_slist_append(t->headers,
		    req->headers->v[i])) == NULL)
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
	TAILQ_INSERT_TAIL(&p->pending, t, entry);
	poll_dispatch(p);
	return t;
}

void
poll_fetch_drop(struct transfer *t)
{
	transfer_drop(t, NULL);
}

/* Tell the feed how its fetch went, in poll_impl.h's terms. */
static void
feed_done(struct transfer *t, CURLcode rc)
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
	if (r.error == FETCH_OK && r.status == 0 && is_file_url(r.url))
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
	poll_feed_done(t->feed, &r);
}

/*
 * Completion of poll_once and poll_stop, looked at from the loop.
 */

static int
poll_busy(struct poll *p)
{
	return p->n_active > 0 || !TAILQ_EMPTY(&p->pending);
}

static void
on_kick(struct ev_loop *loop, ev_timer *w, int revents)
{
	struct poll *p = w->data;
	void (*done)(void *);

	if (poll_busy(p))
		return;
	if (p->stopping && p->stop_done != NULL) {
		ev_timer_stop(p->loop, &p->grace);
		done = p->stop_done;
		p->stop_done = NULL;
		done(p->stop_arg);
	} else if (p->once && p->once_done != NULL) {
		done = p->once_done;
		p->once_done = NULL;
		done(p->once_arg);
	}
}

void
poll_kick(struct poll *p)
{
	if ((p->stopping && p->stop_done != NULL) ||
	    (p->once && p->once_done != NULL)) {
		if (!ev_is_active(&p->kick)) {
			ev_timer_set(&p->kick, 0., 0.);
			ev_timer_start(p->loop, &p->kick);
		}
	}
}

static void
on_grace(struct ev_loop *loop, ev_timer *w, int revents)
{
	struct poll *p = w->data;

	if (p->n_active > 0)
		log_warn("abandoning %d transfer%s still running",
		    p->n_active, p->n_active == 1 ? "" : "s");
	while (!TAILQ_EMPTY(&p->active))
		transfer_drop(TAILQ_FIRST(&p->active), "abandoned at "
		    "shutdown");
	poll_kick(p);
}

/*
 * The public face.
 */

int
poll_library_init(void)
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
poll_library_cleanup(void)
{
	curl_global_cleanup();
}

struct poll *
poll_new(struct ev_loop *loop, const struct config *cfg, struct store *store,
    poll_process_fn *process, void *arg)
{
	struct poll *p;

	p = xcalloc(1, sizeof(*p));
	p->loop = loop;
	p->cfg = cfg;
	p->store = store;
	p->process = process;
	p->process_arg = arg;
	TAILQ_INIT(&p->active);
	TAILQ_INIT(&p->pending);
	TAILQ_INIT(&p->feeds);
	ev_timer_init(&p->curl_timer, on_curl_timer, 0., 0.);
	p->curl_timer.data = p;
	ev_timer_init(&p->kick, on_kick, 0., 0.);
	p->kick.data = p;
	ev_timer_init(&p->grace, on_grace, 0., 0.);
	p->grace.data = p;
	srandom((unsigned)time(NULL) ^ (unsigned)getpid());
	if ((p->multi = curl_multi_init()) == NULL ||
	    curl_multi_setopt(p->multi, CURLMOPT_SOCKETFUNCTION, on_socket) ||
	    curl_multi_setopt(p->multi, CURLMOPT_SOCKETDATA, p) ||
	    curl_multi_setopt(p->multi, CURLMOPT_TIMERFUNCTION,
	    on_timer_change) ||
	    curl_multi_setopt(p->multi, CURLMOPT_TIMERDATA, p)) {
		log_error("poll: cannot set up libcurl's multi interface");
		poll_free(p);
		return NULL;
	}
	poll_feeds_new(p);
	return p;
}

void
poll_stop(struct poll *p, double grace, void (*done)(void *), void *arg)
{
	p->stopping = 1;
	p->stop_done = done;
	p->stop_arg = arg;
	poll_feeds_stop(p);
	/* What has not started yet never will. */
	while (!TAILQ_EMPTY(&p->pending))
		transfer_drop(TAILQ_FIRST(&p->pending), "not started: "
		    "shutting down");
	if (p->n_active > 0) {
		ev_timer_set(&p->grace, grace, 0.);
		ev_timer_start(p->loop, &p->grace);
	}
	poll_kick(p);
}

void
poll_free(struct poll *p)
{
	if (p == NULL)
		return;
	/* No feed is processed from here on. */
	p->process = NULL;
	p->once_done = p->stop_done = NULL;
	poll_feeds_free(p);
	/* Posts still in flight hear that they failed, so that their
	 * owners can free what they attached. */
	while (!TAILQ_EMPTY(&p->active))
		transfer_drop(TAILQ_FIRST(&p->active), "shutting down");
	while (!TAILQ_EMPTY(&p->pending))
		transfer_drop(TAILQ_FIRST(&p->pending), "shutting down");
	ev_timer_stop(p->loop, &p->curl_timer);
	ev_timer_stop(p->loop, &p->kick);
	ev_timer_stop(p->loop, &p->grace);
	if (p->multi != NULL)
		curl_multi_cleanup(p->multi);
	free(p);
}
