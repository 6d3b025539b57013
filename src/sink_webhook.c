/*
 * sink_webhook.c: alerts to chat rooms, through the durable spool.
 *
 * deliver() only adds the alert record to the spool, inside the item's
 * transaction; after the commit, flush() wakes the worker, which posts
 * the sink's entries one post at a time on the poller's libcurl multi
 * and libev loop:
 *
 *   2xx            the entries are taken out of the spool
 *   429            retried after Retry-After (or the backoff)
 *   5xx, 408, no answer (timeout, refused, reset)
 *                  retried with exponential backoff and jitter; after a
 *                  timeout the next try also waits twice as long for
 *                  the answer (up to SLOW_MAX times the timeout), and
 *                  each answer within the timeout halves the wait again
 *   401 403 404 410, 3xx
 *                  the endpoint refuses us (a revoked token, a deleted
 *                  hook): logged once, entries kept and retried slowly,
 *                  so nothing is lost while someone fixes the url
 *   other 4xx      the service refuses this message: logged with the
 *                  first line of its answer and dropped
 *
 * A post that failed is tried again as it was, with the same
 * Idempotency-Key header (the alert id, or a digest's hash of its ids),
 * so a receiver that acted on a post whose answer was lost can tell.
 * Retries, the rate window and the age of an entry run on the
 * monotonic clock: a step of the wall clock neither stalls nor expires
 * anything.  Entries that waited longer than max_age are dropped with an
 * error and counted.
 *
 * Flood control and backlogs: past rate_limit messages in rate_interval
 * the worker holds back.  Once it held back or a post failed, and more
 * alerts wait than the window still allows, they go out as digests of
 * up to BATCH_MAX, the newest first, so that a fresh alert is not queued
 * behind an outage's backlog; when what waits fits the window again,
 * alerts go one by one, oldest first.
 */
#include "autoconf.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <ev.h>
#include <jansson.h>

#include "alert.h"
#include "config.h"
#include "log.h"
#include "metrics.h"
#include "poll.h"
#include "sink_impl.h"
#include "sink_text.h"
#include "spool.h"
#include "store.h"
#include "webhook_format.h"
#include "webhook_target.h"


#define BACKOFF_FIRST	1.0	/* seconds before the first retry */
#define BACKOFF_MAX	60.0	/* ceiling: a receiver back up is found soon */
#define REFUSED_RETRY	300.0	/* an endpoint that refuses us: a person must act */
#define RETRY_AFTER_MAX	3600.0
#define BATCH_MAX	100	/* alerts per digest */
#define SLOW_MAX	8	/* the timeout grows up to this many times */
#define CHECKPOINT_EVERY 300.0	/* seconds between writes of the waiting */
#define KEY_HEADER	"Idempotency-Key"

struct webhook;

/* A post in flight, or one that failed and waits to be tried again. */
struct webhook_post {
	struct webhook	*wh;
	int64_t		 ids[BATCH_MAX];
	size_t		 n;
	int		 attempts;	/* made before this one */
	char		*alert_id;	/* of the first entry, for messages */
};

struct webhook {
	struct sink		*sink;
	const char		*name;
	char			*what;		/* "sink NAME", for poll's logs */
	struct webhook_target	*target;	/* url, format, headers */
	struct spool		*spool;
	struct ev_loop		*loop;
	ev_timer		 timer;
	struct webhook_post	*post;		/* in flight */
	struct webhook_post	*retry;		/* failed, tried again at */
	double			 retry_at;	/* ... this monotonic time */
	double			 checkpointed;
	double			 window_start;	/* flood control */
	int			 window_sent;
	int			 backlog;	/* held back or failed: digests */
	int			 holding;	/* holding was logged */
	int			 refused;	/* endpoint refusal logged */
	int			 failing;	/* last post failed */
	int			 slow;		/* timeout multiplier, 1..SLOW_MAX */
	unsigned long		 dropped;	/* past max_age or refused */
	json_t			*names;		/* actor -> display name */
};

static void	webhook_run(struct webhook *);

/* Run the worker after delay seconds (0: on the next loop iteration). */
static void
webhook_arm(struct webhook *wh, double delay)
{
	ev_timer_stop(wh->loop, &wh->timer);
	ev_timer_set(&wh->timer, delay > 0 ? delay : 0, 0);
	ev_timer_start(wh->loop, &wh->timer);
}

static void
webhook_timer_cb(struct ev_loop *loop, ev_timer *w, int revents)
{
	webhook_run(w->data);
}

/* Exponential backoff with jitter: attempt 1 waits about BACKOFF_FIRST,
 * each next one twice as long, up to BACKOFF_MAX, each scaled by a
 * random factor in [0.5, 1) so that many brinks do not retry in step. */
static double
webhook_backoff(int attempts)
{
	double delay;

	delay = BACKOFF_FIRST * pow(2.0, attempts > 1 ? attempts - 1 : 0);
	if (delay > BACKOFF_MAX)
		delay = BACKOFF_MAX;
	return delay * (0.5 + 0.5 * ((double)random() / ((double)RAND_MAX + 1)));
}

/* The first line of a response body, cleaned, for one log line. */
static char *
first_line(const struct http_response *res)
{
	char *copy, *out;
	size_t len = 0;

	if (res->body != NULL)
		while (len < res->body_len && len < 300 &&
		    res->body[len] != '\n' && res->body[len] != '\r' &&
		    res->body[len] != '\0')
			len++;
	if ((copy = strndup(res->body != NULL ? res->body : "", len)) == NULL)
		log_fatal("out of memory");
	if ((out = sink_text_line(*copy != '\0' ? copy : "(empty answer)",
	    200)) == NULL)
		log_fatal("out of memory");
	free(copy);
	return out;
}

static void
webhook_post_free(struct webhook_post *p)
{
	if (p == NULL)
		return;
	free(p->alert_id);
	free(p);
}

/* Posted, or dropped: out of the spool (in memory at once, see spool.h). */
static void
webhook_remove_batch(struct webhook *wh, const struct webhook_post *p)
{
	double now = spool_clock();
	size_t i;

	for (i = 0; i < p->n; i++)
		spool_remove(wh->spool, p->ids[i], now);
}

/* p failed: keep it, to be tried again as it is after delay seconds. */
static void
webhook_defer(struct webhook *wh, struct webhook_post *p, double delay)
{
	p->attempts++;
	metrics_sink_failed(wh->name);
	/* For people and the next run; the schedule itself is kept here,
	 * on the monotonic clock, and a refused write changes nothing. */
	spool_defer(wh->spool, p->ids[0], p->attempts,
	    time(NULL) + (time_t)ceil(delay));
	webhook_post_free(wh->retry);
	wh->retry = p;
	wh->retry_at = spool_clock() + delay;
	wh->backlog = 1;
	webhook_arm(wh, delay);
}

/* The sink's own timeout for a post, before any longer wait. */
static double
webhook_timeout(const struct webhook *wh)
{
	double t = wh->sink->cfg->timeout;

	return t > 0 ? t : 10;
}

/* A receiver that answered within the sink's own timeout is slow no
 * longer: halve the longer wait a timeout gave it, so that one slow
 * spell does not leave every later post waiting SLOW_MAX times as long
 * for a receiver that has gone away. */
static void
webhook_faster(struct webhook *wh, double elapsed)
{
	if (wh->slow == 1 || elapsed > webhook_timeout(wh))
		return;
	wh->slow /= 2;
	if (wh->slow == 1)
		log_info("sink %s: the receiver answers within the timeout "
		    "(%.0f s) again", wh->name, webhook_timeout(wh));
}

static void
webhook_done(void *arg, const struct http_response *res)
{
	struct webhook_post *p = arg;
	struct webhook *wh = p->wh;
	double delay;
	char *line;
	long st = res->status;

	wh->post = NULL;
	if (st >= 200 && st <= 299) {
		webhook_faster(wh, res->elapsed);
		metrics_sink_delivered(wh->name, p->n);
		webhook_remove_batch(wh, p);
		wh->window_sent++;
		if (wh->failing || wh->refused)
			log_info("sink %s: the receiver accepts posts again",
			    wh->name);
		wh->failing = wh->refused = 0;
		webhook_post_free(p);
		webhook_arm(wh, 0);
	} else if (st == 429) {
		delay = res->retry_after >= 0 ? res->retry_after :
		    webhook_backoff(p->attempts + 1);
		if (delay > RETRY_AFTER_MAX)
			delay = RETRY_AFTER_MAX;
		log_warn("sink %s: HTTP 429 (too many requests), retrying in "
		    "%.0f s", wh->name, delay);
		wh->failing = 1;
		webhook_defer(wh, p, delay);
	} else if (st == 0 || st >= 500 || st == 408) {
		delay = webhook_backoff(p->attempts + 1);
		/* It may have been acted on: the next try must not time out
		 * again for the same reason, and post a copy per timeout. */
		if (res->timed_out && wh->slow < SLOW_MAX)
			wh->slow *= 2;
		if (st == 0)
			log_warn("sink %s: %s, retrying in %.0f s (attempt %d)%s",
			    wh->name, res->error != NULL ? res->error :
			    "no answer", delay, p->attempts + 1,
			    res->timed_out ? ", waiting longer for the answer" :
			    "");
		else
			log_warn("sink %s: HTTP %ld, retrying in %.0f s "
			    "(attempt %d)", wh->name, st, delay,
			    p->attempts + 1);
		wh->failing = 1;
		webhook_defer(wh, p, delay);
	} else if (st >= 400 && st <= 499 && st != 401 && st != 403 &&
	    st != 404 && st != 410) {
		line = first_line(res);
		wh->dropped += p->n;
		metrics_sink_dropped(wh->name, p->n);
		log_error("sink %s: HTTP %ld: %s; the service refuses alert "
		    "%s%s, dropped (%lu dropped so far)", wh->name, st, line,
		    p->alert_id, p->n > 1 ? " and the digest with it" : "",
		    wh->dropped);
		free(line);
		webhook_remove_batch(wh, p);
		webhook_post_free(p);
		webhook_arm(wh, 0);
	} else {
		/* 401, 403, 404, 410, or a redirect not followed: the
		 * endpoint, not the message, is the problem. */
		if (!wh->refused) {
			line = first_line(res);
			log_error("sink %s: HTTP %ld: %s; the endpoint refuses "
			    "brink: check the sink's url and headers, then "
			    "reload; alerts are kept for max_age and retried "
			    "every %.0f s", wh->name, st, line, REFUSED_RETRY);
			free(line);
		}
		wh->refused = 1;
		webhook_defer(wh, p, REFUSED_RETRY);
	}
}

/* Drop the entries that waited longer than max_age; the others stay in
 * e[], in order.  Returns how many stay. */
static size_t
webhook_expire(struct webhook *wh, struct spool_entry *e, size_t n)
{
	double max_age = wh->sink->cfg->max_age, now = spool_clock();
	size_t kept = 0, i;
	json_t *alert;

	for (i = 0; i < n; i++) {
		if (max_age <= 0 || e[i].waited <= max_age) {
			e[kept++] = e[i];
			continue;
		}
		alert = json_loads(e[i].body, 0, NULL);
		wh->dropped++;
		metrics_sink_dropped(wh->name, 1);
		log_error("sink %s: alert %s \"%s\" waited more than max_age "
		    "(%.0f s) and is dropped after %d attempts (%lu dropped "
		    "so far)", wh->name, e[i].alert_id,
		    alert != NULL ? sink_text_item(alert, "title") : "",
		    max_age, e[i].attempts, wh->dropped);
		json_decref(alert);
		spool_remove(wh->spool, e[i].id, now);
		spool_entry_clear(&e[i]);
	}
	return kept;
}

/* Format entries e[0..n) as one body (a digest when n > 1) and fill
 * p's ids.  Entries whose record cannot be read are dropped.  NULL if
 * none is left. */
static char *
webhook_body(struct webhook *wh, struct spool_entry *e, size_t n,
    struct webhook_post *p)
{
	json_t *alerts[BATCH_MAX];
	char err[256], *body = NULL;
	double now = spool_clock();
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		if ((alerts[k] = json_loads(e[i].body, 0, NULL)) == NULL) {
			log_error("sink %s: spooled alert %s is not JSON; "
			    "dropped", wh->name, e[i].alert_id);
			metrics_sink_dropped(wh->name, 1);
			spool_remove(wh->spool, e[i].id, now);
			continue;
		}
		p->ids[k++] = e[i].id;
	}
	p->n = k;
	if (k == 1)
		body = webhook_format_alert(wh->target->format, alerts[0],
		    wh->target->topic, wh->names, err, sizeof(err));
	else if (k > 1)
		body = webhook_format_digest(wh->target->format, alerts, k,
		    wh->name, wh->target->topic, err, sizeof(err));
	if (k > 0 && body == NULL) {
		log_error("sink %s: cannot format alert %s: %s; dropped",
		    wh->name, e[0].alert_id, err);
		metrics_sink_dropped(wh->name, k);
		for (i = 0; i < k; i++)
			spool_remove(wh->spool, p->ids[i], now);
	}
	for (i = 0; i < k; i++)
		json_decref(alerts[i]);
	return body;
}

/* Post e[0..n) (freed by the caller) as p, which the worker owns until
 * webhook_done. */
static void
webhook_post(struct webhook *wh, struct webhook_post *p,
    struct spool_entry *e, size_t n)
{
	struct http_request req;
	const char **ids, **headers;
	char *body;
	size_t i;

	free(p->alert_id);
	if ((p->alert_id = strdup(e[0].alert_id)) == NULL)
		log_fatal("out of memory");
	p->wh = wh;
	if ((body = webhook_body(wh, e, n, p)) == NULL) {
		webhook_post_free(p);
		webhook_arm(wh, 0);
		return;
	}
	if ((ids = calloc(n, sizeof(*ids))) == NULL)
		log_fatal("out of memory");
	for (i = 0; i < n; i++)
		ids[i] = e[i].alert_id;
	headers = webhook_target_headers(wh->target, ids, n);
	free(ids);
	memset(&req, 0, sizeof(req));
	req.url = wh->target->url;
	req.method = "POST";
	req.body = body;
	req.body_len = strlen(body);
	req.headers = headers;
	req.timeout = webhook_timeout(wh) * wh->slow;
	req.what = wh->what;
	wh->post = p;
	if (poll_http(wh->sink->poll, &req, webhook_done, p) == -1) {
		wh->post = NULL;
		log_warn("sink %s: cannot start a post, retrying", wh->name);
		webhook_defer(wh, p, webhook_backoff(p->attempts + 1));
	}
	webhook_target_headers_free(wh->target, headers);
	free(body);
}

/* The entries of a post that failed, still in the spool, into e[]. */
static size_t
webhook_fetch(struct webhook *wh, const struct webhook_post *p,
    struct spool_entry *e)
{
	double now = spool_clock();
	size_t i, n = 0;

	for (i = 0; i < p->n; i++)
		if (spool_get(wh->spool, p->ids[i], now, &e[n]) == 1)
			n++;
	return n;
}

/*
 * Choose what goes next when no post waits to be tried again: one alert,
 * oldest first, or in a backlog a digest of the newest.  Fills e[] (in
 * the order of arrival) and returns how many; 0 when nothing may go now,
 * with *wake set to when to look again (-1: when flushed).
 */
static size_t
webhook_choose(struct webhook *wh, struct spool_entry *e, double now,
    double *wake)
{
	const struct config_sink *cfg = wh->sink->cfg;
	struct spool_entry tmp;
	long waiting, allowance = -1;
	size_t n = 0, i;

	if (cfg->rate_limit > 0) {
		if (now >= wh->window_start + cfg->rate_interval) {
			wh->window_start = now;
			wh->window_sent = 0;
		}
		allowance = cfg->rate_limit - wh->window_sent;
		if (allowance <= 0) {
			if (spool_count(wh->spool) <= 0)
				return 0;
			if (!wh->holding)
				log_info("sink %s: %d messages in %.0f s, "
				    "holding alerts for one digest", wh->name,
				    cfg->rate_limit, cfg->rate_interval);
			wh->holding = wh->backlog = 1;
			*wake = wh->window_start + cfg->rate_interval - now;
			return 0;
		}
	}
	wh->holding = 0;
	if (wh->backlog) {
		waiting = spool_count(wh->spool);
		if (allowance < 0 || waiting <= allowance)
			wh->backlog = 0;
	}
	if (spool_peek(wh->spool, e, wh->backlog ? BATCH_MAX : 1,
	    wh->backlog, now, &n) == -1) {
		*wake = BACKOFF_MAX;
		return 0;
	}
	for (i = 0; i < n / 2; i++) {
		tmp = e[i];
		e[i] = e[n - 1 - i];
		e[n - 1 - i] = tmp;
	}
	return n;
}

/*
 * The worker: one post at a time per sink.  Called from the timer; arms
 * the timer again for whatever it waits for.
 */
static void
webhook_run(struct webhook *wh)
{
	struct spool_entry e[BATCH_MAX];
	struct webhook_post *p;
	double now = spool_clock(), wake = -1, removals;
	size_t n = 0, i;

	removals = spool_retry_removals(wh->spool, now);
	if (now - wh->checkpointed >= CHECKPOINT_EVERY &&
	    spool_checkpoint(wh->spool, now) == 0)
		wh->checkpointed = now;
	if (wh->post != NULL)
		goto out;	/* its completion runs us again */
	if (wh->retry != NULL) {
		if (now < wh->retry_at) {
			wake = wh->retry_at - now;
			goto out;
		}
		p = wh->retry;
		wh->retry = NULL;
		n = webhook_expire(wh, e, webhook_fetch(wh, p, e));
	} else {
		if ((p = calloc(1, sizeof(*p))) == NULL)
			log_fatal("out of memory");
		n = webhook_expire(wh, e, webhook_choose(wh, e, now, &wake));
	}
	if (n == 0) {
		webhook_post_free(p);
		/* Expired or gone: look again at once; else wait. */
		if (wake < 0 && spool_count(wh->spool) > 0)
			wake = 0;
		goto out;
	}
	webhook_post(wh, p, e, n);
	for (i = 0; i < n; i++)
		spool_entry_clear(&e[i]);
	wake = -1;	/* webhook_post armed what it needs */
out:
	if (removals >= 0 && (wake < 0 || removals < wake))
		wake = removals;
	if (wake >= 0)
		webhook_arm(wh, wake);
}

static void
webhook_free(struct webhook *wh)
{
	webhook_target_free(wh->target);
	json_decref(wh->names);
	free(wh->what);
	webhook_post_free(wh->retry);
	spool_close(wh->spool);
	free(wh);
}

/* The actors' display names, as the formats take them; NULL if none. */
static json_t *
display_names(const struct config *cfg)
{
	json_t *names = NULL;
	size_t i;

	for (i = 0; cfg != NULL && i < cfg->n_actors; i++) {
		if (cfg->actors[i].display == NULL)
			continue;
		if (names == NULL && (names = json_object()) == NULL)
			log_fatal("out of memory");
		json_object_set_new(names, cfg->actors[i].name,
		    json_string(cfg->actors[i].display));
	}
	return names;
}

static int
webhook_open(struct sink *s)
{
	struct webhook *wh;

	if ((wh = calloc(1, sizeof(*wh))) == NULL)
		log_fatal("out of memory");
	wh->sink = s;
	wh->name = s->cfg->name;
	if (asprintf(&wh->what, "sink %s", wh->name) == -1)
		log_fatal("out of memory");
	if ((wh->target = webhook_target_new(s->cfg)) == NULL)
		goto fail;
	wh->names = display_names(s->config);
	wh->slow = 1;
	wh->checkpointed = spool_clock();
	wh->spool = spool_open(store_db(s->store), store_path(s->store),
	    s->cfg->name, wh->checkpointed);
	if (wh->spool == NULL)
		goto fail;
	srandom((unsigned)time(NULL) ^ (unsigned)getpid());
	wh->loop = poll_loop(s->poll);
	ev_timer_init(&wh->timer, webhook_timer_cb, 0, 0);
	wh->timer.data = wh;
	/* What a previous run left is a backlog: it goes out as digests
	 * if it does not fit the rate window. */
	wh->backlog = spool_count(wh->spool) > 0;
	webhook_arm(wh, 0);
	s->data = wh;
	return 0;
fail:
	webhook_free(wh);
	return -1;
}

static int
webhook_deliver(struct sink *s, const json_t *alert)
{
	struct webhook *wh = s->data;
	const char *id;
	char *body;
	int rc;

	id = json_string_value(json_object_get(alert, "id"));
	if (id == NULL || *id == '\0') {
		log_error("sink %s: an alert without an id cannot be spooled",
		    wh->name);
		return -1;
	}
	if ((body = json_dumps(alert, ALERT_JSON_FLAGS)) == NULL)
		log_fatal("out of memory");
	rc = spool_add(wh->spool, id, body, time(NULL), spool_clock());
	free(body);
	return rc;
}

static void
webhook_flush(struct sink *s)
{
	struct webhook *wh = s->data;

	if (wh->post == NULL && wh->retry == NULL)
		webhook_arm(wh, 0);
}

static int
webhook_reopen(struct sink *s)
{
	return 0;
}

static void
webhook_close(struct sink *s)
{
	struct webhook *wh = s->data;
	long left;

	if (wh == NULL)
		return;
	ev_timer_stop(wh->loop, &wh->timer);
	spool_retry_removals(wh->spool, spool_clock());
	spool_checkpoint(wh->spool, spool_clock());
	if ((left = spool_count(wh->spool)) > 0)
		log_info("sink %s: %ld alert%s kept in the spool for the next "
		    "run", wh->name, left, left == 1 ? "" : "s");
	/* A post in flight at exit is abandoned; its entry stays in the
	 * spool and goes out after the restart.  (A reload adopted it.) */
	if (wh->post != NULL) {
		poll_http_cancel(s->poll, wh->post);
		webhook_post_free(wh->post);
	}
	webhook_free(wh);
	s->data = NULL;
}

/*
 * SIGHUP: the sink of the new configuration takes over from the old one
 * the post in flight (answered to us now), the post waiting to be tried
 * again, the spool with the deletes it could not write yet, and the
 * flood control.  A changed url or headers start afresh: what waits is
 * tried at once, with the configured timeout.
 */
static void
webhook_adopt(struct sink *s, struct sink *old_sink)
{
	struct webhook *wh = s->data, *old = old_sink->data;
	struct spool *spool;
	int same;

	if (wh == NULL || old == NULL)
		return;
	same = webhook_target_same(wh->target, old->target);
	if ((wh->post = old->post) != NULL)
		wh->post->wh = wh;
	if ((wh->retry = old->retry) != NULL) {
		wh->retry->wh = wh;
		wh->retry_at = same ? old->retry_at : 0;
	}
	old->post = old->retry = NULL;
	spool = wh->spool;
	wh->spool = old->spool;
	old->spool = spool;
	wh->checkpointed = old->checkpointed;
	wh->window_start = old->window_start;
	wh->window_sent = old->window_sent;
	wh->backlog = old->backlog;
	wh->holding = old->holding;
	wh->dropped = old->dropped;
	if (same) {
		wh->failing = old->failing;
		wh->refused = old->refused;
		wh->slow = old->slow;
	}
}

const struct sink_ops sink_webhook_ops = {
	.type = "webhook",
	.open = webhook_open,
	.deliver = webhook_deliver,
	.reopen = webhook_reopen,
	.close = webhook_close,
	.flush = webhook_flush,
	.adopt = webhook_adopt,
};
