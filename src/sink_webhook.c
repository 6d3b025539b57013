/*
 * sink_webhook.c: alerts to chat rooms, through the durable spool.
 *
 * deliver() only adds the alert record to the spool, inside the item's
 * transaction; after the commit, flush() wakes the worker, which posts
 * the sink's entries one at a time, oldest first, on the poller's libcurl
 * multi and libev loop:
 *
 *   2xx            the entry is removed
 *   429            retried after Retry-After (or the backoff)
 *   5xx, 408, no answer (timeout, refused, reset)
 *                  retried with exponential backoff and jitter
 *   401 403 404 410, 3xx
 *                  the endpoint refuses us (a revoked token, a deleted
 *                  hook): logged once, entries kept and retried slowly,
 *                  so nothing is lost while someone fixes the url
 *   other 4xx      the service refuses this message: logged with the
 *                  first line of its answer and dropped
 *
 * Entries older than max_age are dropped with an error and counted.
 * Flood control: past rate_limit messages in rate_interval the worker
 * holds back, and the next window starts with one digest of everything
 * that waited.
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

#include "config.h"
#include "log.h"
#include "poll.h"
#include "secret.h"
#include "sink_impl.h"
#include "sink_text.h"
#include "spool.h"
#include "store.h"
#include "webhook_format.h"

#define BACKOFF_FIRST	1.0	/* seconds before the first retry */
#define BACKOFF_MAX	60.0	/* ceiling: a receiver back up is found soon */
#define REFUSED_RETRY	300.0	/* an endpoint that refuses us: a person must act */
#define RETRY_AFTER_MAX	3600.0
#define BATCH_MAX	100	/* entries read at once; alerts per digest */

struct webhook;

/* A post in flight. */
struct webhook_post {
	struct webhook	*wh;
	int64_t		 ids[BATCH_MAX];
	size_t		 n;
	int		 attempts;	/* of the first entry, before this one */
	char		*alert_id;	/* of the first entry, for messages */
};

struct webhook {
	struct sink		*sink;
	const char		*name;
	char			*what;		/* "sink NAME", for poll's logs */
	char			*url;		/* expanded: a secret */
	char			*topic;		/* ntfy's, else NULL */
	enum sink_format	 format;
	char			**headers;	/* expanded: secrets */
	struct spool		*spool;
	struct ev_loop		*loop;
	ev_timer		 timer;
	struct webhook_post	*post;
	double			 window_start;	/* flood control */
	int			 window_sent;
	int			 holding;	/* alerts wait for a digest */
	int			 refused;	/* endpoint refusal logged */
	int			 failing;	/* last post failed */
	unsigned long		 dropped;	/* past max_age or refused */
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
webhook_remove_batch(struct webhook *wh, const struct webhook_post *p)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		spool_remove(wh->spool, p->ids[i]);
}

/* Retry the first entry of p after delay seconds. */
static void
webhook_defer(struct webhook *wh, const struct webhook_post *p, double delay)
{
	spool_defer(wh->spool, p->ids[0], p->attempts + 1,
	    time(NULL) + (time_t)ceil(delay));
	webhook_arm(wh, delay);
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
		webhook_remove_batch(wh, p);
		wh->window_sent++;
		if (wh->failing || wh->refused)
			log_info("sink %s: the receiver accepts posts again",
			    wh->name);
		wh->failing = wh->refused = 0;
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
		if (st == 0)
			log_warn("sink %s: %s, retrying in %.0f s (attempt %d)",
			    wh->name, res->error != NULL ? res->error :
			    "no answer", delay, p->attempts + 1);
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
		log_error("sink %s: HTTP %ld: %s; the service refuses alert "
		    "%s%s, dropped (%lu dropped so far)", wh->name, st, line,
		    p->alert_id, p->n > 1 ? " and the digest with it" : "",
		    wh->dropped);
		free(line);
		webhook_remove_batch(wh, p);
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
	free(p->alert_id);
	free(p);
}

/* Drop entries at the head that are older than max_age.  Returns how
 * many of the n entries remain at the front of e[]. */
static size_t
webhook_expire(struct webhook *wh, struct spool_entry *e, size_t n,
    time_t now)
{
	double max_age = wh->sink->cfg->max_age;
	size_t gone = 0, i;
	json_t *alert;

	if (max_age <= 0)
		return n;
	while (gone < n && difftime(now, e[gone].created) > max_age) {
		alert = json_loads(e[gone].body, 0, NULL);
		wh->dropped++;
		log_error("sink %s: alert %s \"%s\" waited more than max_age "
		    "(%.0f s) and is dropped after %d attempts (%lu dropped "
		    "so far)", wh->name, e[gone].alert_id,
		    alert != NULL ? sink_text_item(alert, "title") : "",
		    max_age, e[gone].attempts, wh->dropped);
		json_decref(alert);
		spool_remove(wh->spool, e[gone].id);
		spool_entry_clear(&e[gone]);
		gone++;
	}
	for (i = gone; i < n; i++)
		e[i - gone] = e[i];
	return n - gone;
}

/* Format entries e[0..n) as one body (a digest when n > 1).  Entries
 * whose record cannot be read are dropped.  NULL if none is left. */
static char *
webhook_body(struct webhook *wh, struct spool_entry *e, size_t n,
    struct webhook_post *p)
{
	json_t *alerts[BATCH_MAX];
	char err[256], *body = NULL;
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		if ((alerts[k] = json_loads(e[i].body, 0, NULL)) == NULL) {
			log_error("sink %s: spooled alert %s is not JSON; "
			    "dropped", wh->name, e[i].alert_id);
			spool_remove(wh->spool, e[i].id);
			continue;
		}
		p->ids[k++] = e[i].id;
	}
	p->n = k;
	if (k == 1)
		body = webhook_format_alert(wh->format, alerts[0],
		    wh->topic, err, sizeof(err));
	else if (k > 1)
		body = webhook_format_digest(wh->format, alerts, k,
		    wh->name, wh->topic, err, sizeof(err));
	if (k > 0 && body == NULL) {
		log_error("sink %s: cannot format alert %s: %s; dropped",
		    wh->name, e[0].alert_id, err);
		for (i = 0; i < k; i++)
			spool_remove(wh->spool, p->ids[i]);
	}
	for (i = 0; i < k; i++)
		json_decref(alerts[i]);
	return body;
}

static void
webhook_post(struct webhook *wh, struct spool_entry *e, size_t n)
{
	struct http_request req;
	struct webhook_post *p;
	char *body;

	if ((p = calloc(1, sizeof(*p))) == NULL ||
	    (p->alert_id = strdup(e[0].alert_id)) == NULL)
		log_fatal("out of memory");
	p->wh = wh;
	p->attempts = e[0].attempts;
	if ((body = webhook_body(wh, e, n, p)) == NULL) {
		free(p->alert_id);
		free(p);
		webhook_arm(wh, 0);
		return;
	}
	memset(&req, 0, sizeof(req));
	req.url = wh->url;
	req.method = "POST";
	req.body = body;
	req.body_len = strlen(body);
	req.headers = (const char *const *)wh->headers;
	req.timeout = wh->sink->cfg->timeout > 0 ? wh->sink->cfg->timeout : 10;
	req.what = wh->what;
	wh->post = p;
	if (poll_http(wh->sink->poll, &req, webhook_done, p) == -1) {
		wh->post = NULL;
		log_warn("sink %s: cannot start a post, retrying", wh->name);
		webhook_defer(wh, p, webhook_backoff(p->attempts + 1));
		free(p->alert_id);
		free(p);
	}
	free(body);
}

/*
 * The worker: one post at a time per sink, oldest entry first.  Called
 * from the timer; arms the timer again for whatever it waits for.
 */
static void
webhook_run(struct webhook *wh)
{
	const struct config_sink *cfg = wh->sink->cfg;
	struct spool_entry e[BATCH_MAX];
	size_t n, i, take = 1;
	time_t now = time(NULL);
	double t = ev_now(wh->loop);

	if (wh->post != NULL)
		return;		/* its completion runs us again */
	if (spool_peek(wh->spool, e, BATCH_MAX, &n) == -1) {
		webhook_arm(wh, BACKOFF_MAX);
		return;
	}
	n = webhook_expire(wh, e, n, now);
	if (n == 0)
		return;		/* idle until flush() */
	if (e[0].next_try > now) {
		webhook_arm(wh, difftime(e[0].next_try, now));
		goto done;
	}
	if (cfg->rate_limit > 0) {
		if (t >= wh->window_start + cfg->rate_interval) {
			wh->window_start = t;
			wh->window_sent = 0;
		}
		if (wh->window_sent >= cfg->rate_limit) {
			if (!wh->holding)
				log_info("sink %s: %d messages in %.0f s, "
				    "holding alerts for one digest", wh->name,
				    cfg->rate_limit, cfg->rate_interval);
			wh->holding = 1;
			webhook_arm(wh, wh->window_start +
			    cfg->rate_interval - t);
			goto done;
		}
		if (wh->holding)
			take = n;
	}
	wh->holding = 0;
	webhook_post(wh, e, take);
done:
	for (i = 0; i < n; i++)
		spool_entry_clear(&e[i]);
}

static void
webhook_free(struct webhook *wh)
{
	size_t i;

	if (wh->url != NULL) {
		explicit_bzero(wh->url, strlen(wh->url));
		free(wh->url);
	}
	free(wh->topic);
	free(wh->what);
	for (i = 0; wh->headers != NULL && wh->headers[i] != NULL; i++) {
		explicit_bzero(wh->headers[i], strlen(wh->headers[i]));
		free(wh->headers[i]);
	}
	free(wh->headers);
	spool_close(wh->spool);
	free(wh);
}

/* Expand the url and headers; add Content-Type unless one is given. */
static int
webhook_secrets(struct webhook *wh)
{
	const struct config_sink *cfg = wh->sink->cfg;
	char err[512], *root;
	size_t i, n = 0;
	int has_type = 0;

	/* "json" on a webhook is the record as the body: generic. */
	wh->format = cfg->format == FORMAT_JSON ? FORMAT_GENERIC : cfg->format;
	if (wh->format != FORMAT_GENERIC && wh->format != FORMAT_SLACK &&
	    wh->format != FORMAT_DISCORD && wh->format != FORMAT_TEAMS &&
	    wh->format != FORMAT_NTFY) {
		log_error("sink %s: a webhook's format is generic, slack, "
		    "discord, teams or ntfy", wh->name);
		return -1;
	}
	if (cfg->url == NULL || *cfg->url == '\0') {
		log_error("sink %s: a webhook sink needs a url", wh->name);
		return -1;
	}
	if ((wh->url = secret_expand(cfg->url, err, sizeof(err))) == NULL) {
		log_error("sink %s: url: %s", wh->name, err);
		return -1;
	}
	if (strncmp(wh->url, "http://", 7) != 0 &&
	    strncmp(wh->url, "https://", 8) != 0) {
		log_error("sink %s: the url must start with https:// (or "
		    "http://)", wh->name);
		return -1;
	}
	if (wh->format == FORMAT_NTFY) {
		if (webhook_format_ntfy_url(wh->url, &root, &wh->topic) == -1) {
			log_error("sink %s: an ntfy url names the topic, as "
			    "in https://ntfy.sh/TOPIC", wh->name);
			return -1;
		}
		explicit_bzero(wh->url, strlen(wh->url));
		free(wh->url);
		wh->url = root;
	}
	if ((wh->headers = calloc(cfg->headers.n + 2, sizeof(char *))) == NULL)
		log_fatal("out of memory");
	for (i = 0; i < cfg->headers.n; i++) {
		if (strchr(cfg->headers.v[i], ':') == NULL) {
			log_error("sink %s: header %zu is not \"Name: value\"",
			    wh->name, i + 1);
			return -1;
		}
		if (strncasecmp(cfg->headers.v[i], "content-type:", 13) == 0)
			has_type = 1;
		if ((wh->headers[n] = secret_expand(cfg->headers.v[i], err,
		    sizeof(err))) == NULL) {
			log_error("sink %s: header %zu: %s", wh->name, i + 1,
			    err);
			return -1;
		}
		n++;
	}
	if (!has_type && (wh->headers[n++] =
	    strdup("Content-Type: application/json")) == NULL)
		log_fatal("out of memory");
	return 0;
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
	if (webhook_secrets(wh) == -1)
		goto fail;
	wh->spool = spool_open(store_db(s->store), store_path(s->store),
	    s->cfg->name);
	if (wh->spool == NULL)
		goto fail;
	srandom((unsigned)time(NULL) ^ (unsigned)getpid());
	wh->loop = poll_loop(s->poll);
	ev_timer_init(&wh->timer, webhook_timer_cb, 0, 0);
	wh->timer.data = wh;
	/* What a previous run left in the spool goes out first. */
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
	if ((body = json_dumps(alert, JSON_COMPACT)) == NULL)
		log_fatal("out of memory");
	rc = spool_add(wh->spool, id, body, time(NULL));
	free(body);
	return rc;
}

static void
webhook_flush(struct sink *s)
{
	struct webhook *wh = s->data;

	if (wh->post == NULL)
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
	if ((left = spool_count(wh->spool)) > 0)
		log_info("sink %s: %ld alert%s kept in the spool for the next "
		    "run", wh->name, left, left == 1 ? "" : "s");
	/* A post in flight is abandoned; its entry stays in the spool and
	 * goes out after the restart or reload. */
	if (wh->post != NULL) {
		poll_http_cancel(s->poll, wh->post);
		free(wh->post->alert_id);
		free(wh->post);
	}
	webhook_free(wh);
	s->data = NULL;
}

const struct sink_ops sink_webhook_ops = {
	.type = "webhook",
	.open = webhook_open,
	.deliver = webhook_deliver,
	.reopen = webhook_reopen,
	.close = webhook_close,
	.flush = webhook_flush,
};
