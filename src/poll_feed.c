/*
 * poll_feed.c: each feed's schedule and what an answer means for it.
 *
 * A feed has one ev_timer: its first poll comes soon (spread out with
 * jitter), then one every interval (give or take a tenth); a failure
 * backs off exponentially with jitter up to backoff_max, or as long as a
 * 429/503's Retry-After says; a 410 stops the feed until a reload; a body
 * that could not be processed for a local reason (the store, a sink) is
 * fetched again at the interval, within a minute, without backoff.  The
 * validators, the failure count and the next due time live in the store,
 * so that they hold across a restart.
 */
#include "autoconf.h"

#include <sys/queue.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <ev.h>

#include "config.h"
#include "http.h"
#include "log.h"
#include "metrics.h"
#include "poll.h"
#include "poll_impl.h"
#include "store.h"

#define DEFAULT_INTERVAL	300.0
#define DEFAULT_BACKOFF_MAX	(6 * 3600.0)
/* The first poll of each feed is spread over this much of its interval,
 * at most FIRST_SPREAD_MAX seconds: enough to stagger 1,000 feeds. */
#define FIRST_SPREAD		0.1
#define FIRST_SPREAD_MAX	10.0
/* A failure here (a full disk, a sink that cannot write) says nothing of
 * the feed's server: the feed is tried again at its interval, but never
 * later than this, so that alerts resume soon after the fault is fixed. */
#define LOCAL_RETRY_MAX		60.0

static void	poll_feed_done(void *, const struct fetch_result *);

static double
limit_or(double value, double fallback)
{
	return value > 0 ? value : fallback;
}

/* A uniform random number in [0, 1), for jitter (seeded by poll_new). */
static double
feed_jitter(void)
{
	return (double)random() / ((double)RAND_MAX + 1.0);
}

static double
feed_interval(const struct poll_feed *f)
{
	return limit_or(f->cf->limits.interval, limit_or(
	    f->poll->cfg->limits.interval, DEFAULT_INTERVAL));
}

static double
backoff_max(const struct poll *p)
{
	return limit_or(p->cfg->backoff_max, DEFAULT_BACKOFF_MAX);
}

/* When to try again after the n-th failure in a row. */
static double
feed_backoff(const struct poll_feed *f)
{
	double delay;
	int n = f->failures < 31 ? f->failures : 31;

	delay = feed_interval(f) * ldexp(1.0, n - 1);
	if (delay > backoff_max(f->poll))
		delay = backoff_max(f->poll);
	/* Half of it random, so that feeds on one dead host spread out. */
	return delay * (0.5 + 0.5 * feed_jitter());
}

static void
feed_schedule(struct poll_feed *f, double delay)
{
	struct poll *p = f->poll;

	ev_timer_stop(p->loop, &f->timer);
	ev_timer_set(&f->timer, delay > 0 ? delay : 0., 0.);
	ev_timer_start(p->loop, &f->timer);
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
	poll_feed_fetch(f);
}

struct poll_feed *
poll_feed_new(struct poll *p, const struct config_feed *cf)
{
	struct store_feed_state st;
	struct poll_feed *f;

	if ((f = calloc(1, sizeof(*f))) == NULL ||
	    (f->name = strdup(cf->name)) == NULL)
		log_fatal("out of memory");
	f->poll = p;
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

void
poll_feed_free(struct poll_feed *f)
{
	struct poll *p = f->poll;

	ev_timer_stop(p->loop, &f->timer);
	if (f->xfer != NULL)
		http_drop(f->xfer);
	TAILQ_REMOVE(&p->feeds, f, entry);
	free(f->name);
	free(f);
}

/*
 * Save what the next poll needs.  Validators are kept from a good answer
 * and forgotten after a body that could not be processed (so that it is
 * fetched whole again, not answered 304); they belong to the URL fetched.
 */
static void
feed_save(struct poll_feed *f, const struct fetch_result *r, int ok,
    double delay)
{
	struct store_feed_state st;
	time_t now = time(NULL);
	char *etag = NULL, *last_modified = NULL;

	metrics_feed_result(f->name, ok);
	if (f->poll->store == NULL ||
	    store_get_feed(f->poll->store, f->name, &st) == -1)
		return;
	if (ok && r != NULL && (r->etag != NULL || r->last_modified != NULL)) {
		if ((r->etag != NULL && (etag = strdup(r->etag)) == NULL) ||
		    (r->last_modified != NULL &&
		    (last_modified = strdup(r->last_modified)) == NULL))
			log_fatal("out of memory");
		free(st.etag);
		free(st.last_modified);
		st.etag = etag;
		st.last_modified = last_modified;
	} else if (!ok && r != NULL && r->len > 0) {
		free(st.etag);
		free(st.last_modified);
		st.etag = st.last_modified = NULL;
	}
	if (ok)
		st.last_success = now;
	st.failures = f->failures;
	store_feed_state_set_error(&st, ok ? NULL : f->last_error);
	st.next_due = now + (time_t)ceil(delay);
	/* A reload may have changed the url while this fetch ran. */
	store_put_feed(f->poll->store, f->name, r != NULL ? r->asked_url :
	    f->cf->url, &st);
	store_feed_state_clear(&st);
}

static void
feed_failed(struct poll_feed *f, const struct fetch_result *r,
    double retry_after)
{
	struct poll *p = f->poll;
	double delay;

	f->errors++;
	f->failures++;
	f->once_state = -1;
	delay = feed_backoff(f);
	if (retry_after > 0)
		/* The server said when; the ceiling still holds. */
		delay = retry_after < backoff_max(p) ? retry_after :
		    backoff_max(p);
	feed_save(f, r, 0, delay);
	if (p->once || p->stopping) {
		log_warn("feed %s: %s", f->name, f->last_error);
		return;
	}
	log_warn("feed %s: %s; retrying in %.0f s%s (failure %d in a row)",
	    f->name, f->last_error, ceil(delay),
	    retry_after > 0 ? " as Retry-After asks" : "", f->failures);
	feed_schedule(f, delay);
}

/*
 * The body could not be processed for a reason of this machine's: no
 * backoff (the failure count stays as the server left it), the next try
 * at the interval or within LOCAL_RETRY_MAX, and the body fetched whole.
 */
static void
feed_failed_here(struct poll_feed *f, const struct fetch_result *r)
{
	struct poll *p = f->poll;
	double delay;

	f->errors++;
	f->once_state = -1;
	delay = feed_interval(f);
	if (delay > LOCAL_RETRY_MAX)
		delay = LOCAL_RETRY_MAX;
	delay *= 0.9 + 0.2 * feed_jitter();
	feed_save(f, r, 0, delay);
	if (p->once || p->stopping) {
		log_warn("feed %s: %s", f->name, f->last_error);
		return;
	}
	/* Rounded, not ceiled: the jitter of a 1 s interval (0.9 to 1.1 s)
	 * is still "1 s", as the user configured it. */
	log_warn("feed %s: %s; a local failure, not the feed's: retrying in "
	    "%.0f s", f->name, f->last_error, delay);
	feed_schedule(f, delay);
}

static void
feed_succeeded(struct poll_feed *f, const struct fetch_result *r)
{
	struct poll *p = f->poll;
	double delay;

	if (f->failures > 0)
		log_info("feed %s: recovered after %d failure%s", f->name,
		    f->failures, f->failures == 1 ? "" : "s");
	f->failures = 0;
	f->once_state = 1;
	f->last_error[0] = '\0';
	delay = feed_interval(f) * (0.9 + 0.2 * feed_jitter());
	feed_save(f, r, 1, delay);
	if (!p->once && !p->stopping)
		feed_schedule(f, delay);
}

void
poll_feed_fetch(struct poll_feed *f)
{
	struct poll *p = f->poll;
	struct store_feed_state st;
	struct fetch_request req;
	char err[256];

	if (p->stopping || f->xfer != NULL)
		return;
	metrics_poll_started(f->name);
	memset(&req, 0, sizeof(req));
	memset(&st, 0, sizeof(st));
	req.url = f->cf->url;
	req.limits = &f->cf->limits;
	req.headers = &f->cf->headers;
	if (p->store != NULL && store_get_feed(p->store, f->name, &st) == 0 &&
	    st.url != NULL && strcmp(st.url, f->cf->url) == 0) {
		/* Conditional GET, with what this URL answered last. */
		req.etag = st.etag;
		req.last_modified = st.last_modified;
	}
	f->xfer = http_fetch(p->http, &req, poll_feed_done, f, err,
	    sizeof(err));
	store_feed_state_clear(&st);
	if (f->xfer == NULL) {
		snprintf(f->last_error, sizeof(f->last_error), "%s", err);
		feed_failed(f, NULL, -1);
	}
}

/* Why a fetch failed, in words an operator can act on. */
static void
feed_describe_error(struct poll_feed *f, const struct fetch_result *r)
{
	switch (r->error) {
	case FETCH_TOO_BIG:
		snprintf(f->last_error, sizeof(f->last_error),
		    "body larger than %zu bytes (max_body), cut off; raise "
		    "max_body for this feed if it is genuine", r->max_body);
		break;
	case FETCH_TIMEOUT:
		snprintf(f->last_error, sizeof(f->last_error),
		    "timed out: %.300s", r->reason);
		break;
	case FETCH_REDIRECTS:
		/* With none allowed, any redirect ends here: no loop. */
		if (f->poll->cfg->max_redirects == 0)
			snprintf(f->last_error, sizeof(f->last_error), "the "
			    "server redirects and max_redirects = 0 follows "
			    "none: refused; point the feed's url where it "
			    "leads, or allow redirects");
		else
			snprintf(f->last_error, sizeof(f->last_error), "%.300s "
			    "(a redirect loop?): refused; check the feed's url",
			    r->reason);
		break;
	case FETCH_PROTOCOL:
		snprintf(f->last_error, sizeof(f->last_error), "%.200s: "
		    "refused; only http and https are fetched (file:// only "
		    "when the feed's own url says so) and redirects never "
		    "leave them", r->reason);
		break;
	case FETCH_TLS:
		snprintf(f->last_error, sizeof(f->last_error), "%.250s: if "
		    "the server's certificate comes from a private authority, "
		    "name its certificate with ca_file", r->reason);
		break;
	default:
		snprintf(f->last_error, sizeof(f->last_error), "%.400s",
		    r->reason);
		break;
	}
}

static const char *
feed_where(const struct poll_feed *f)
{
	return f->cf->file != NULL ? f->cf->file : "the configuration";
}

/* 2xx: the body goes through the pipeline. */
static void
feed_process(struct poll_feed *f, const struct fetch_result *r)
{
	struct poll *p = f->poll;
	struct poll_result result;

	f->ok++;
	memset(&result, 0, sizeof(result));
	if (p->process != NULL && p->process(p->process_arg, f->cf, r->url,
	    r->body, r->len, &result) == -1) {
		snprintf(f->last_error, sizeof(f->last_error),
		    "could not be processed (see above)");
		if (result.local_failure)
			feed_failed_here(f, r);
		else
			feed_failed(f, r, -1);
		return;
	}
	f->items += result.items;
	metrics_feed_items(f->name, result.items);
	f->alerts += result.alerts;
	log_debug("feed %s: %zu bytes, %zu new item%s, %zu alert%s", f->name,
	    r->len, result.items, result.items == 1 ? "" : "s",
	    result.alerts, result.alerts == 1 ? "" : "s");
	feed_succeeded(f, r);
}

/* How the fetch of f (arg) went: http_fetch's done. */
static void
poll_feed_done(void *arg, const struct fetch_result *r)
{
	struct poll_feed *f = arg;
	struct poll *p = f->poll;

	f->xfer = NULL;
	if (r->error == FETCH_DROPPED)
		return;
	f->polls++;
	metrics_poll_ended(f->name);
	if (r->error != FETCH_OK) {
		feed_describe_error(f, r);
		feed_failed(f, r, -1);
		return;
	}
	if (r->moved && !f->moved_logged && r->status < 400) {
		log_warn("feed %s: moved permanently to %s; update its url in "
		    "%s:%d", f->name, r->url, feed_where(f), f->cf->line);
		f->moved_logged = 1;
	}
	if (r->status == 304) {
		f->not_modified++;
		log_debug("feed %s: not modified", f->name);
		feed_succeeded(f, r);
	} else if (r->status >= 200 && r->status < 300) {
		feed_process(f, r);
	} else if (r->status == 410) {
		f->errors++;
		f->once_state = -1;
		f->gone = 1;
		snprintf(f->last_error, sizeof(f->last_error), "HTTP 410 Gone: "
		    "the server says the feed was removed");
		log_error("feed %s: %s; polling stopped: remove the feed or "
		    "fix its url in %s:%d, then reload", f->name,
		    f->last_error, feed_where(f), f->cf->line);
		ev_timer_stop(p->loop, &f->timer);
	} else {
		snprintf(f->last_error, sizeof(f->last_error), "HTTP %ld",
		    r->status);
		feed_failed(f, r, r->status == 429 || r->status == 503 ?
		    r->retry_after : -1);
	}
}

/* The first poll of f: soon, spread out, unless a backoff still runs. */
void
poll_feed_start(struct poll_feed *f)
{
	struct store_feed_state st;
	double delay, spread;
	time_t now = time(NULL);

	spread = feed_interval(f) * FIRST_SPREAD;
	if (spread > FIRST_SPREAD_MAX)
		spread = FIRST_SPREAD_MAX;
	delay = spread * feed_jitter();
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
poll_feed_stop(struct poll_feed *f)
{
	ev_timer_stop(f->poll->loop, &f->timer);
}

void
poll_feed_reconfigure(struct poll_feed *f, const struct config_feed *cf)
{
	struct poll *p = f->poll;
	int changed;

	changed = strcmp(f->cf->url, cf->url) != 0 ||
	    f->cf->limits.interval != cf->limits.interval;
	f->cf = cf;
	f->keep = 1;
	if (!changed && !f->gone)
		return;
	f->gone = 0;
	f->moved_logged = 0;
	if (!p->stopping && !p->once && f->xfer == NULL) {
		log_info("feed %s: changed, rescheduled", f->name);
		poll_feed_start(f);
	}
}

void
poll_feed_log_counters(const struct poll_feed *f)
{
	log_info("feed %s: polls %lu, 200 %lu, 304 %lu, errors %lu, "
	    "items %lu, alerts %lu, failing %d%s", f->name, f->polls,
	    f->ok, f->not_modified, f->errors, f->items, f->alerts,
	    f->failures, f->gone ? ", stopped (410 Gone)" :
	    f->xfer != NULL ? ", fetching now" :
	    ev_is_active(&f->timer) ? "" : ", not scheduled");
}
