/*
 * poll.c: every HTTP transfer brinkd makes, on one libev loop driving
 * libcurl's multi-socket interface, and the schedule that starts a fetch
 * of each feed on time.
 *
 * A transfer waits in the pending queue until the global and per-host
 * caps let it start; a feed fetch is conditional (validators from the
 * store) and bounded (config_limits); its 200 body goes to the process
 * callback, its failures to an exponential backoff with jitter.
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
#include "store.h"

/* Fallbacks when a limit is 0 (the configuration fills them normally). */
#define DEFAULT_INTERVAL	300.0
#define DEFAULT_CONNECT_TIMEOUT	10.0
#define DEFAULT_TIMEOUT		60.0
#define DEFAULT_LOW_SPEED_TIME	30.0
#define DEFAULT_MAX_BODY	(10 * 1024 * 1024)
#define DEFAULT_BACKOFF_MAX	(6 * 3600.0)
#define DEFAULT_MAX_TRANSFERS	32
#define DEFAULT_MAX_PER_HOST	4
#define DEFAULT_MAX_REDIRECTS	5
/* A webhook's answer is only read for its status and a short reason. */
#define HTTP_MAX_BODY		(1024 * 1024)
/* The first poll of each feed is spread over this much of its interval,
 * at most FIRST_SPREAD_MAX seconds: enough to stagger 1,000 feeds. */
#define FIRST_SPREAD		0.1
#define FIRST_SPREAD_MAX	10.0

struct poll_feed;

struct transfer {
	TAILQ_ENTRY(transfer)	 entry;		/* in poll's active or pending */
	struct poll		*poll;
	CURL			*easy;
	struct poll_feed	*feed;		/* NULL for poll_http */
	char			*url;		/* as asked for */
	char			*host;		/* for the per-host cap */
	int			 active;
	struct curl_slist	*headers;
	char			*buf;		/* the (decoded) body */
	size_t			 len, cap, max_body;
	int			 too_big;
	int			 moved;		/* a 301 or 308 on the way */
	char			*etag, *last_modified;
	poll_http_done_fn	*done;
	void			*done_arg;
	char			*what;
	char			 errbuf[CURL_ERROR_SIZE];
};

TAILQ_HEAD(transfer_list, transfer);

/* libcurl's interest in one socket, as an ev_io. */
struct sock {
	ev_io		 io;
	struct poll	*poll;
	curl_socket_t	 fd;
	int		 events;
};

struct poll_feed {
	TAILQ_ENTRY(poll_feed)	 entry;
	struct poll		*poll;
	char			*name;
	const struct config_feed *cf;
	ev_timer		 timer;
	struct transfer		*xfer;		/* the fetch in flight */
	int			 failures;	/* consecutive */
	int			 gone;		/* 410: wait for a new config */
	int			 moved_logged;
	int			 once_state;	/* 0 running, 1 ok, -1 failed */
	int			 keep;		/* poll_reconfigure's mark */
	char			 last_error[512];
	unsigned long		 polls, ok, not_modified, errors;
	unsigned long		 items, alerts;
};

struct poll {
	struct ev_loop		*loop;
	const struct config	*cfg;
	struct store		*store;
	poll_process_fn		*process;
	void			*process_arg;
	CURLM			*multi;
	ev_timer		 curl_timer;	/* libcurl's own timeout */
	ev_timer		 kick;		/* look at once/stop from the loop */
	ev_timer		 grace;		/* poll_stop's patience */
	struct transfer_list	 active, pending;
	int			 n_active;
	TAILQ_HEAD(, poll_feed)	 feeds;
	int			 once;
	void			(*once_done)(void *);
	void			*once_arg;
	int			 stopping;
	void			(*stop_done)(void *);
	void			*stop_arg;
};

static void	transfer_end(struct transfer *, CURLcode rc, const char *why);
static void	feed_fetch(struct poll_feed *);
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

/* A uniform random number in [0, 1), for jitter. */
static double
jitter(void)
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
		/* A new response (after a redirect): its own headers count. */
		free(t->etag);
		free(t->last_modified);
		t->etag = t->last_modified = NULL;
		if (sscanf(line, "HTTP/%*s %d", &status) == 1 &&
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
static void	poll_kick(struct poll *);

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
	if (t->feed != NULL) {
		t->feed->xfer = NULL;
		t->feed = NULL;
		t->done = NULL;
	}
	transfer_end(t, CURLE_ABORTED_BY_CALLBACK, why);
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
	if (t->too_big)
		r.error = "the answer was larger than 1 MB";
	else if (rc != CURLE_OK)
		r.error = t->errbuf[0] != '\0' ? t->errbuf :
		    curl_easy_strerror(rc);
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
	timeout = limit_or(req->timeout, DEFAULT_CONNECT_TIMEOUT);
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
 * Feeds: schedule, fetch, outcome.
 */

static void
feed_schedule(struct poll_feed *f, double delay)
{
	struct poll *p = f->poll;

	ev_timer_stop(p->loop, &f->timer);
	if (delay < 0)
		delay = 0;
	ev_timer_set(&f->timer, delay, 0.);
	ev_timer_start(p->loop, &f->timer);
}

static double
feed_interval(const struct poll_feed *f)
{
	return limit_or(f->cf->limits.interval, limit_or(
	    f->poll->cfg->limits.interval, DEFAULT_INTERVAL));
}

/* When to try again after the n-th failure in a row. */
static double
feed_backoff(const struct poll_feed *f)
{
	double delay, ceiling;
	int n = f->failures < 31 ? f->failures : 31;

	ceiling = limit_or(f->poll->cfg->backoff_max, DEFAULT_BACKOFF_MAX);
	delay = feed_interval(f) * ldexp(1.0, n - 1);
	if (delay > ceiling)
		delay = ceiling;
	/* Half of it random, so that feeds on one dead host spread out. */
	return delay * (0.5 + 0.5 * jitter());
}

static void
on_feed_timer(struct ev_loop *loop, ev_timer *w, int revents)
{
	struct poll_feed *f = w->data;

	if (f->xfer != NULL) {
		/* Still fetching the last round: skip this one. */
		log_debug("feed %s: previous fetch still running", f->name);
		feed_schedule(f, feed_interval(f));
		return;
	}
	feed_fetch(f);
}

static struct poll_feed *
feed_new(struct poll *p, const struct config_feed *cf)
{
	struct store_feed_state st;
	struct poll_feed *f;

	f = xcalloc(1, sizeof(*f));
	f->poll = p;
	f->name = xstrdup(cf->name);
	f->cf = cf;
	ev_timer_init(&f->timer, on_feed_timer, 0., 0.);
	f->timer.data = f;
	if (p->store != NULL && store_get_feed(p->store, f->name, &st) == 0) {
		f->failures = st.failures;
		store_feed_state_clear(&st);
	}
	TAILQ_INSERT_TAIL(&p->feeds, f, entry);
	return f;
}

static void
feed_free(struct poll_feed *f)
{
	struct poll *p = f->poll;

	ev_timer_stop(p->loop, &f->timer);
	if (f->xfer != NULL)
		transfer_drop(f->xfer, NULL);
	TAILQ_REMOVE(&p->feeds, f, entry);
	free(f->name);
	free(f);
}

static void
feed_fetch(struct poll_feed *f)
{
	struct poll *p = f->poll;
	const struct config_limits *l = &f->cf->limits;
	const struct config_limits *g = &p->cfg->limits;
	struct store_feed_state st = { 0 };
	struct curl_slist *grown;
	struct transfer *t;
	char header[1024];
	CURLcode rc = CURLE_OK;
	long redirects;

	if (p->stopping || f->xfer != NULL)
		return;
	t = transfer_new(p, f->cf->url,
	    is_file_url(f->cf->url) ? "file" : "http,https",
	    limit_or(l->connect_timeout, limit_or(g->connect_timeout,
	    DEFAULT_CONNECT_TIMEOUT)),
	    limit_or(l->timeout, limit_or(g->timeout, DEFAULT_TIMEOUT)));
	if (t == NULL) {
		snprintf(f->last_error, sizeof(f->last_error),
		    "cannot set up the transfer");
		f->once_state = -1;
		return;
	}
	t->feed = f;
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
	if (p->store != NULL && store_get_feed(p->store, f->name, &st) == 0 &&
	    st.url != NULL && strcmp(st.url, f->cf->url) == 0) {
		/* The validators belong to the URL they came from. */
		if (st.etag != NULL) {
			snprintf(header, sizeof(header), "If-None-Match: %s",
			    st.etag);
			if ((grown = curl_slist_append(t->headers, header)) ==
			    NULL)
				log_fatal("out of memory");
			t->headers = grown;
		}
		if (st.last_modified != NULL) {
			snprintf(header, sizeof(header),
			    "If-Modified-Since: %s", st.last_modified);
			if ((grown = curl_slist_append(t->headers, header)) ==
			    NULL)
				log_fatal("out of memory");
			t->headers = grown;
		}
	}
	store_feed_state_clear(&st);
	SETOPT(CURLOPT_HTTPHEADER, t->headers);
	if (rc != CURLE_OK) {
		log_error("feed %s: cannot set up the transfer: %s", f->name,
		    curl_easy_strerror(rc));
		snprintf(f->last_error, sizeof(f->last_error),
		    "cannot set up the transfer");
		f->once_state = -1;
		transfer_free(t);
		return;
	}
	f->xfer = t;
	TAILQ_INSERT_TAIL(&p->pending, t, entry);
	poll_dispatch(p);
}

/* Keep the validators only if the URL they came from is the feed's. */
static void
feed_save(struct poll_feed *f, const struct transfer *t, int ok,
    double delay)
{
	struct store_feed_state st;
	time_t now = time(NULL);

	if (f->poll->store == NULL ||
	    store_get_feed(f->poll->store, f->name, &st) == -1)
		return;
	if (ok && t != NULL && (t->etag != NULL || t->last_modified != NULL)) {
		free(st.etag);
		free(st.last_modified);
		st.etag = t->etag != NULL ? xstrdup(t->etag) : NULL;
		st.last_modified = t->last_modified != NULL ?
		    xstrdup(t->last_modified) : NULL;
	} else if (!ok && t != NULL && t->len > 0) {
		/* A body that failed to process must be fetched whole
		 * next time, not answered with a 304. */
		free(st.etag);
		free(st.last_modified);
		st.etag = st.last_modified = NULL;
	}
	if (ok)
		st.last_success = now;
	st.failures = f->failures;
	st.next_due = now + (time_t)ceil(delay);
	/* The validators are for the URL fetched, which a reload may
	 * have changed meanwhile. */
	store_put_feed(f->poll->store, f->name, t != NULL ? t->url :
	    f->cf->url, &st);
	store_feed_state_clear(&st);
}

static void
feed_failed(struct poll_feed *f, const struct transfer *t,
    double retry_after)
{
	struct poll *p = f->poll;
	double delay;

	f->errors++;
	f->failures++;
	f->once_state = -1;
	delay = feed_backoff(f);
	if (retry_after > 0) {
		/* The server said when; the ceiling still holds. */
		delay = retry_after;
		if (delay > limit_or(p->cfg->backoff_max, DEFAULT_BACKOFF_MAX))
			delay = limit_or(p->cfg->backoff_max,
			    DEFAULT_BACKOFF_MAX);
	}
	if (p->once || p->stopping) {
		log_warn("feed %s: %s", f->name, f->last_error);
		feed_save(f, t, 0, delay);
		return;
	}
	log_warn("feed %s: %s; retrying in %.0f s%s (failure %d in a row)",
	    f->name, f->last_error, ceil(delay),
	    retry_after > 0 ? " as Retry-After asks" : "", f->failures);
	feed_save(f, t, 0, delay);
	feed_schedule(f, delay);
}

static void
feed_succeeded(struct poll_feed *f, const struct transfer *t)
{
	struct poll *p = f->poll;
	double delay;

	if (f->failures > 0)
		log_info("feed %s: recovered after %d failure%s", f->name,
		    f->failures, f->failures == 1 ? "" : "s");
	f->failures = 0;
	f->once_state = 1;
	f->last_error[0] = '\0';
	delay = feed_interval(f) * (0.9 + 0.2 * jitter());
	feed_save(f, t, 1, delay);
	if (!p->once && !p->stopping)
		feed_schedule(f, delay);
}

/* Why a transfer failed, in words an operator can act on. */
static void
feed_describe_error(struct poll_feed *f, struct transfer *t, CURLcode rc)
{
	const char *why;
	char *nl;

	if ((nl = strchr(t->errbuf, '\n')) != NULL)
		*nl = '\0';
	why = t->errbuf[0] != '\0' ? t->errbuf : curl_easy_strerror(rc);
	if (t->too_big || rc == CURLE_FILESIZE_EXCEEDED)
		snprintf(f->last_error, sizeof(f->last_error),
		    "body larger than %zu bytes (max_body), cut off; raise "
		    "max_body for this feed if it is genuine", t->max_body);
	else if (rc == CURLE_OPERATION_TIMEDOUT)
		snprintf(f->last_error, sizeof(f->last_error), "timed out: %.200s",
		    why);
	else if (rc == CURLE_TOO_MANY_REDIRECTS)
		snprintf(f->last_error, sizeof(f->last_error), "%.200s (a redirect "
		    "loop?): refused; check the feed's url", why);
	else if (rc == CURLE_UNSUPPORTED_PROTOCOL)
		snprintf(f->last_error, sizeof(f->last_error), "%.200s: refused; "
		    "only http and https are fetched (file:// only when the "
		    "feed's own url says so) and redirects never leave them",
		    why);
	else
		snprintf(f->last_error, sizeof(f->last_error), "%.300s", why);
}

static void
feed_done(struct transfer *t, CURLcode rc)
{
	struct poll_feed *f = t->feed;
	struct poll *p = f->poll;
	struct poll_result result;
	curl_off_t retry = -1;
	char *url = NULL;
	long status = 0;

	f->xfer = NULL;
	f->polls++;
	curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &status);
	curl_easy_getinfo(t->easy, CURLINFO_EFFECTIVE_URL, &url);
	if (url == NULL)
		url = f->cf->url;
	if (rc != CURLE_OK || t->too_big) {
		feed_describe_error(f, t, rc);
		feed_failed(f, t, -1);
		return;
	}
	if (is_file_url(url) && status == 0)
		status = 200;
	if (t->moved && !f->moved_logged && status < 400) {
		log_warn("feed %s: moved permanently to %s; update its url in "
		    "%s:%d", f->name, url, f->cf->file != NULL ?
		    f->cf->file : "the configuration", f->cf->line);
		f->moved_logged = 1;
	}
	if (status == 304) {
		f->not_modified++;
		log_debug("feed %s: not modified", f->name);
		feed_succeeded(f, t);
		return;
	}
	if (status >= 200 && status < 300) {
		f->ok++;
		memset(&result, 0, sizeof(result));
		if (p->process != NULL && p->process(p->process_arg, f->cf,
		    url, t->buf != NULL ? t->buf : "", t->len, &result) == -1) {
			snprintf(f->last_error, sizeof(f->last_error),
			    "could not be processed (see above)");
			feed_failed(f, t, -1);
			return;
		}
		f->items += result.items;
		f->alerts += result.alerts;
		log_debug("feed %s: %zu bytes, %zu new item%s, %zu alert%s",
		    f->name, t->len, result.items, result.items == 1 ? "" : "s",
		    result.alerts, result.alerts == 1 ? "" : "s");
		feed_succeeded(f, t);
		return;
	}
	if (status == 410) {
		f->errors++;
		f->once_state = -1;
		f->gone = 1;
		snprintf(f->last_error, sizeof(f->last_error), "HTTP 410 Gone: "
		    "the server says the feed was removed");
		log_error("feed %s: %s; polling stopped: remove the feed or "
		    "fix its url in %s:%d, then reload", f->name,
		    f->last_error, f->cf->file != NULL ? f->cf->file :
		    "the configuration", f->cf->line);
		ev_timer_stop(p->loop, &f->timer);
		return;
	}
	snprintf(f->last_error, sizeof(f->last_error), "HTTP %ld", status);
	if (status == 429 || status == 503) {
		if (curl_easy_getinfo(t->easy, CURLINFO_RETRY_AFTER, &retry) !=
		    CURLE_OK || retry <= 0)
			retry = -1;
		feed_failed(f, t, (double)retry);
		return;
	}
	feed_failed(f, t, -1);
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

static void
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
	size_t i;

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
	for (i = 0; i < cfg->n_feeds; i++)
		feed_new(p, &cfg->feeds[i]);
	return p;
}

/* The first poll of f: soon, spread out, unless a backoff still runs. */
static void
feed_start(struct poll_feed *f)
{
	struct store_feed_state st;
	double delay, spread;
	time_t now = time(NULL);

	spread = feed_interval(f) * FIRST_SPREAD;
	if (spread > FIRST_SPREAD_MAX)
		spread = FIRST_SPREAD_MAX;
	delay = spread * jitter();
	if (f->failures > 0 && f->poll->store != NULL &&
	    store_get_feed(f->poll->store, f->name, &st) == 0) {
		/* Retry-After and backoff hold across a restart. */
		if (st.next_due > now)
			delay = (double)(st.next_due - now);
		store_feed_state_clear(&st);
	}
	feed_schedule(f, delay);
}

void
poll_start(struct poll *p)
{
	struct poll_feed *f;

	TAILQ_FOREACH(f, &p->feeds, entry)
		feed_start(f);
}

void
poll_once(struct poll *p, void (*done)(void *), void *arg)
{
	struct poll_feed *f;

	p->once = 1;
	p->once_done = done;
	p->once_arg = arg;
	TAILQ_FOREACH(f, &p->feeds, entry) {
		f->once_state = 0;
		feed_fetch(f);
	}
	poll_kick(p);
}

size_t
poll_once_failures(struct poll *p)
{
	struct poll_feed *f;
	size_t n = 0;

	TAILQ_FOREACH(f, &p->feeds, entry) {
		if (f->once_state >= 0)
			continue;
		log_error("feed %s: failed: %s", f->name, f->last_error);
		n++;
	}
	return n;
}

void
poll_reconfigure(struct poll *p, const struct config *cfg)
{
	struct poll_feed *f, *next;
	const struct config_feed *cf;
	int changed;
	size_t i;

	p->cfg = cfg;
	TAILQ_FOREACH(f, &p->feeds, entry)
		f->keep = 0;
	for (i = 0; i < cfg->n_feeds; i++) {
		cf = &cfg->feeds[i];
		TAILQ_FOREACH(f, &p->feeds, entry)
			if (strcmp(f->name, cf->name) == 0)
				break;
		if (f == NULL) {
			f = feed_new(p, cf);
			f->keep = 1;
			if (!p->stopping && !p->once)
				feed_start(f);
			log_info("feed %s: added", f->name);
			continue;
		}
		changed = strcmp(f->cf->url, cf->url) != 0 ||
		    f->cf->limits.interval != cf->limits.interval;
		f->cf = cf;
		f->keep = 1;
		if (!changed && !f->gone)
			continue;
		f->gone = 0;
		f->moved_logged = 0;
		if (!p->stopping && !p->once && f->xfer == NULL) {
			log_info("feed %s: changed, rescheduled", f->name);
			feed_start(f);
		}
	}
	for (f = TAILQ_FIRST(&p->feeds); f != NULL; f = next) {
		next = TAILQ_NEXT(f, entry);
		if (!f->keep) {
			log_info("feed %s: removed", f->name);
			feed_free(f);
		}
	}
}

void
poll_stop(struct poll *p, double grace, void (*done)(void *), void *arg)
{
	struct poll_feed *f;

	p->stopping = 1;
	p->stop_done = done;
	p->stop_arg = arg;
	TAILQ_FOREACH(f, &p->feeds, entry)
		ev_timer_stop(p->loop, &f->timer);
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
poll_log_counters(struct poll *p)
{
	struct poll_feed *f;
	double next;

	TAILQ_FOREACH(f, &p->feeds, entry) {
		next = ev_is_active(&f->timer) ?
		    ev_timer_remaining(p->loop, &f->timer) : -1;
		log_info("feed %s: polls %lu, 200 %lu, 304 %lu, errors %lu, "
		    "items %lu, alerts %lu, failing %d%s", f->name, f->polls,
		    f->ok, f->not_modified, f->errors, f->items, f->alerts,
		    f->failures, f->gone ? ", stopped (410 Gone)" :
		    f->xfer != NULL ? ", fetching now" : next >= 0 ? "" :
		    ", not scheduled");
	}
}

void
poll_free(struct poll *p)
{
	if (p == NULL)
		return;
	/* No feed is processed from here on. */
	p->process = NULL;
	p->once_done = p->stop_done = NULL;
	while (!TAILQ_EMPTY(&p->feeds))
		feed_free(TAILQ_FIRST(&p->feeds));
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
