/*
 * sink_alertmanager.c: alerts to a Prometheus Alertmanager, POST
 * /api/v2/alerts, so that its silences, inhibition, grouping, clustering
 * and receivers (e-mail, PagerDuty, Telegram, ...) apply to brink's.
 *
 * Each alert becomes one Alertmanager alert: labels say what it is
 * (alertname brink, category, severity, rule, actor, target, feed, the
 * story when there is one, and the alert id, so that two articles are
 * two alerts), annotations what to read (the title, the sentence, the
 * link), startsAt the article's alert time and endsAt an hour later:
 * an article is an event, not a condition that stays.
 *
 * Like a webhook, an alert is spooled in its item's transaction and
 * posted after the commit; Alertmanager takes a list, so whatever waits
 * goes in one post.  A failed post is retried with backoff, and a
 * restart resumes what was left.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>
#include <ev.h>
#include <jansson.h>

#include "alert.h"
#include "config.h"
#include "log.h"
#include "metrics.h"
#include "poll.h"
#include "secret.h"
#include "sink_impl.h"
#include "sink_text.h"
#include "spool.h"
#include "store.h"
#include "webhook_text.h"

#define AM_PATH		"/api/v2/alerts"
#define AM_BATCH	64		/* alerts per post */
#define AM_ENDS_AFTER	3600		/* endsAt: an hour after startsAt */
#define AM_BACKOFF_MAX	60.0
#define AM_LABEL_MAX	1000

struct am_sink {
	struct sink		*sink;
	char			*url;		/* expanded: a secret */
	char			**headers;	/* expanded: secrets */
	char			*what;		/* "sink NAME" */
	struct spool		*spool;
	struct ev_loop		*loop;
	ev_timer		 timer;
	int			 in_flight;
	int			 attempts;	/* failed posts in a row */
	int64_t			 ids[AM_BATCH];	/* of the post in flight */
	size_t			 n_ids;
};

static void	am_run(struct am_sink *);

static void
am_arm(struct am_sink *am, double delay)
{
	ev_timer_stop(am->loop, &am->timer);
	ev_timer_set(&am->timer, delay, 0.);
	ev_timer_start(am->loop, &am->timer);
}

static void
am_timer_cb(struct ev_loop *loop, ev_timer *w, int revents)
{
	am_run(w->data);
}

/* "a, b" from a JSON array of strings, at most AM_LABEL_MAX bytes. */
static char *
am_join(const json_t *array)
{
	char *out = NULL, *cut;
	const json_t *v;
	size_t len, i;
	FILE *f;

	if ((f = open_memstream(&out, &len)) == NULL)
		log_fatal("out of memory");
	json_array_foreach(array, i, v)
		if (json_is_string(v))
			fprintf(f, "%s%s", i > 0 ? "," : "",
			    json_string_value(v));
	if (fclose(f) != 0)
		log_fatal("out of memory");
	if ((cut = sink_text_line(out, AM_LABEL_MAX)) == NULL)
		log_fatal("out of memory");
	free(out);
	return cut;
}

/* "2026-11-23T07:00:00Z": t plus AM_ENDS_AFTER, as RFC 3339. */
static char *
am_ends_at(const char *starts)
{
	struct tm tm;
	time_t t;
	char buf[32];

	memset(&tm, 0, sizeof(tm));
	if (strptime(starts, "%Y-%m-%dT%H:%M:%S", &tm) == NULL)
		t = time(NULL);
	else
		t = timegm(&tm);
	t += AM_ENDS_AFTER;
	gmtime_r(&t, &tm);
	strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
	return strdup(buf);
}

/* Set label key to s when it is not empty (Alertmanager drops empty
 * labels anyway, and says so in a warning). */
static void
am_label(json_t *labels, const char *key, const char *s)
{
	char *v;

	if (s == NULL || *s == '\0')
		return;
	if ((v = sink_text_line(s, AM_LABEL_MAX)) == NULL)
		log_fatal("out of memory");
	json_object_set_new(labels, key, json_string(v));
	free(v);
}

/* The Alertmanager alert for a brink alert record; caller decrefs. */
static json_t *
am_alert(const json_t *alert)
{
	json_t *am, *labels, *ann, *story;
	char *s, *link, why[256];

	labels = json_object();
	am_label(labels, "alertname", "brink");
	am_label(labels, "category", sink_text_get(alert, "category"));
	am_label(labels, "severity", sink_text_get(alert, "severity"));
	am_label(labels, "rule", sink_text_get(alert, "rule"));
	am_label(labels, "feed", sink_text_get(alert, "feed"));
	am_label(labels, "alert_id", sink_text_get(alert, "id"));
	s = am_join(json_object_get(alert, "actors"));
	am_label(labels, "actor", s);
	free(s);
	s = am_join(json_object_get(alert, "targets"));
	am_label(labels, "target", s);
	free(s);
	story = json_object_get(alert, "story");
	if (json_is_object(story))
		am_label(labels, "story", json_string_value(json_object_get(
		    story, "id")));

	ann = json_object();
	am_label(ann, "summary", sink_text_item(alert, "title"));
	am_label(ann, "sentence", sink_text_sentence(alert));
	link = webhook_text_link(sink_text_item(alert, "link"), why,
	    sizeof(why));
	am = json_pack("{s:o,s:o,s:s}", "labels", labels, "annotations", ann,
	    "startsAt", sink_text_get(alert, "time"));
	if (link != NULL) {
		json_object_set_new(ann, "link", json_string(link));
		json_object_set_new(am, "generatorURL", json_string(link));
		free(link);
	}
	if ((s = am_ends_at(sink_text_get(alert, "time"))) == NULL)
		log_fatal("out of memory");
	json_object_set_new(am, "endsAt", json_string(s));
	free(s);
	return am;
}

static double
am_backoff(int attempts)
{
	double d = 1.0;

	while (attempts-- > 1 && d < AM_BACKOFF_MAX)
		d *= 2;
	return d < AM_BACKOFF_MAX ? d : AM_BACKOFF_MAX;
}

static void
am_done(void *arg, const struct http_response *res)
{
	struct am_sink *am = arg;
	size_t i;

	am->in_flight = 0;
	if (res->status >= 200 && res->status < 300) {
		metrics_sink_delivered(am->sink->cfg->name, am->n_ids);
		for (i = 0; i < am->n_ids; i++)
			spool_remove(am->spool, am->ids[i], spool_clock());
		if (am->attempts > 0)
			log_info("%s: Alertmanager takes alerts again",
			    am->what);
		am->attempts = 0;
		am_arm(am, 0.);		/* more may wait */
		return;
	}
	am->attempts++;
	metrics_sink_failed(am->sink->cfg->name);
	if (res->status == 400)
		log_error("%s: Alertmanager refuses the alerts (HTTP 400: "
		    "%.*s); kept, retrying in %.0f s", am->what,
		    (int)(res->body_len < 200 ? res->body_len : 200),
		    res->body != NULL ? res->body : "", am_backoff(
		    am->attempts));
	else
		log_warn("%s: %s%s, retrying in %.0f s (attempt %d)",
		    am->what, res->error != NULL ? res->error : "HTTP ",
		    res->error != NULL ? "" : "error", am_backoff(
		    am->attempts), am->attempts);
	am_arm(am, am_backoff(am->attempts));
}

/* Post what the spool holds (dropping what passed max_age). */
static void
am_run(struct am_sink *am)
{
	struct spool_entry e[AM_BATCH];
	struct http_request req;
	json_t *list, *one;
	size_t n = 0, i;
	char *body;
	double now = spool_clock();

	if (am->in_flight)
		return;
	(void)spool_retry_removals(am->spool, now);
	if (spool_peek(am->spool, e, AM_BATCH, 0, now, &n) == -1 || n == 0)
		return;
	list = json_array();
	am->n_ids = 0;
	for (i = 0; i < n; i++) {
		/* Aged by time waited, not by the wall clock (spool.h). */
		if (e[i].waited > am->sink->cfg->max_age) {
			log_error("%s: alert %s waited more than max_age; "
			    "dropped", am->what, e[i].alert_id);
			metrics_sink_dropped(am->sink->cfg->name, 1);
			spool_remove(am->spool, e[i].id, now);
		} else if ((one = json_loads(e[i].body, 0, NULL)) != NULL) {
			json_array_append_new(list, one);
			am->ids[am->n_ids++] = e[i].id;
		} else {
			log_error("%s: spooled alert %s is not JSON; dropped",
			    am->what, e[i].alert_id);
			metrics_sink_dropped(am->sink->cfg->name, 1);
			spool_remove(am->spool, e[i].id, now);
		}
		spool_entry_clear(&e[i]);
	}
	if (am->n_ids == 0) {
		json_decref(list);
		return;
	}
	if ((body = json_dumps(list, ALERT_JSON_FLAGS)) == NULL)
		log_fatal("out of memory");
	json_decref(list);
	memset(&req, 0, sizeof(req));
	req.url = am->url;
	req.method = "POST";
	req.body = body;
	req.body_len = strlen(body);
	req.headers = (const char *const *)am->headers;
	req.timeout = am->sink->cfg->timeout;
	req.what = am->what;
	if (poll_http(am->sink->poll, &req, am_done, am) == -1) {
		am->attempts++;
		am_arm(am, am_backoff(am->attempts));
	} else
		am->in_flight = 1;
	free(body);
}

static void
am_free(struct am_sink *am)
{
	size_t i;

	if (am == NULL)
		return;
	if (am->loop != NULL)
		ev_timer_stop(am->loop, &am->timer);
	if (am->sink != NULL && am->sink->poll != NULL)
		poll_http_cancel(am->sink->poll, am);
	if (am->spool != NULL)
		(void)spool_checkpoint(am->spool, spool_clock());
	spool_close(am->spool);
	if (am->url != NULL)
		explicit_bzero(am->url, strlen(am->url));
	free(am->url);
	for (i = 0; am->headers != NULL && am->headers[i] != NULL; i++) {
		explicit_bzero(am->headers[i], strlen(am->headers[i]));
		free(am->headers[i]);
	}
	free(am->headers);
	free(am->what);
	free(am);
}

/* The URL to post to: the one given, or its server's /api/v2/alerts
 * when it names no path.  NULL (logged) if it does not parse. */
static char *
am_post_url(struct am_sink *am, const char *given)
{
	char *path = NULL, *out = NULL;
	CURLU *u;

	if ((u = curl_url()) == NULL)
		log_fatal("out of memory");
	if (curl_url_set(u, CURLUPART_URL, given, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_PATH, &path, 0) != CURLUE_OK) {
		log_error("%s: the url does not parse", am->what);
		goto done;
	}
	if ((strcmp(path, "/") == 0 || *path == '\0') &&
	    curl_url_set(u, CURLUPART_PATH, AM_PATH, 0) != CURLUE_OK) {
		log_error("%s: cannot add %s to the url", am->what, AM_PATH);
		goto done;
	}
	if (curl_url_get(u, CURLUPART_URL, &out, 0) != CURLUE_OK)
		out = NULL;
done:
	curl_free(path);
	curl_url_cleanup(u);
	if (out != NULL) {
		char *copy = strdup(out);

		explicit_bzero(out, strlen(out));
		curl_free(out);
		return copy;
	}
	return NULL;
}

static int
am_open(struct sink *s)
{
	const struct config_sink *cfg = s->cfg;
	struct am_sink *am;
	char err[512], *given;
	size_t i, n = 0;

	if ((am = calloc(1, sizeof(*am))) == NULL ||
	    asprintf(&am->what, "sink %s", cfg->name) == -1)
		log_fatal("out of memory");
	am->sink = s;
	if (cfg->url == NULL || (given = secret_expand(cfg->url, err,
	    sizeof(err))) == NULL) {
		log_error("%s: url: %s", am->what, cfg->url == NULL ?
		    "missing" : err);
		goto fail;
	}
	am->url = am_post_url(am, given);
	explicit_bzero(given, strlen(given));
	free(given);
	if (am->url == NULL)
		goto fail;
	if ((am->headers = calloc(cfg->headers.n + 2, sizeof(char *))) == NULL)
		log_fatal("out of memory");
	for (i = 0; i < cfg->headers.n; i++)
		if ((am->headers[n++] = secret_expand(cfg->headers.v[i], err,
		    sizeof(err))) == NULL) {
			log_error("%s: header %zu: %s", am->what, i + 1, err);
			goto fail;
		}
	if ((am->headers[n++] = strdup("Content-Type: application/json")) ==
	    NULL)
		log_fatal("out of memory");
	if ((am->spool = spool_open(store_db(s->store), store_path(s->store),
	    cfg->name, spool_clock())) == NULL)
		goto fail;
	am->loop = poll_loop(s->poll);
	ev_timer_init(&am->timer, am_timer_cb, 0., 0.);
	am->timer.data = am;
	am_arm(am, 0.);		/* what a previous run left goes first */
	s->data = am;
	return 0;
fail:
	am_free(am);
	return -1;
}

static int
am_deliver(struct sink *s, const json_t *alert)
{
	struct am_sink *am = s->data;
	json_t *one = am_alert(alert);
	char *body;
	int rc;

	if ((body = json_dumps(one, ALERT_JSON_FLAGS)) == NULL)
		log_fatal("out of memory");
	json_decref(one);
	rc = spool_add(am->spool, sink_text_get(alert, "id"), body,
	    time(NULL), spool_clock());
	free(body);
	return rc;
}

static void
am_flush(struct sink *s)
{
	struct am_sink *am = s->data;

	if (!am->in_flight && am->attempts == 0)
		am_arm(am, 0.);
}

static int
am_reopen(struct sink *s)
{
	return 0;
}

static void
am_close(struct sink *s)
{
	am_free(s->data);
	s->data = NULL;
}

const struct sink_ops sink_alertmanager_ops = {
	.type = "alertmanager",
	.open = am_open,
	.deliver = am_deliver,
	.reopen = am_reopen,
	.close = am_close,
	.flush = am_flush,
};
