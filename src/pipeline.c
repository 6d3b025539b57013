/*
 * pipeline.c: a fetched feed's body -> items -> for each new one,
 * text -> rules_match -> alert_build -> sinks_deliver -> store_mark_seen.
 *
 * Group commit: the items of one feed share one store transaction, each
 * item inside it undone alone if it fails.  The sinks that write at once
 * (the alert log) make what they took durable once, with sinks_sync,
 * before that commit marks the items seen; so an alert is on disk before
 * its item is seen, at one sync per feed instead of one per alert.  A
 * crash between the sync and the commit brings the items back, and the
 * alert log skips the ids already at its tail (sink_file.c).
 *
 * Items a feed lists again are only touched (to keep them from being
 * pruned); on the very first poll of a feed, items older than max_age
 * are recorded as seen without alerts, so adding a feed does not flood.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "alert.h"
#include "config.h"
#include "feed.h"
#include "log.h"
#include "metrics.h"
#include "pipeline.h"
#include "poll.h"
#include "rules.h"
#include "sink.h"
#include "store.h"
#include "story_db.h"
#include "trend_db.h"

#define DEFAULT_MAX_AGE		(2 * 86400.0)
#define DEFAULT_RETENTION	(30 * 86400.0)

struct pipeline {
	struct store		*store;
	const struct config	*cfg;
	const struct rules	*rules;
	struct sinks		*sinks;
	struct story_db		*stories;	/* NULL until a config */
	struct trend_db		*trend;		/* NULL until a config */
};

struct pipeline *
pipeline_new(struct store *store)
{
	struct pipeline *pl;

	if ((pl = calloc(1, sizeof(*pl))) == NULL)
		log_fatal("out of memory");
	pl->store = store;
	return pl;
}

void
pipeline_set(struct pipeline *pl, const struct config *cfg,
    const struct rules *rules, struct sinks *sinks)
{
	pl->cfg = cfg;
	pl->rules = rules;
	pl->sinks = sinks;
	if (pl->stories != NULL)
		story_db_configure(pl->stories, cfg);
	else if (cfg != NULL && (pl->stories = story_db_open(pl->store,
	    cfg)) == NULL)
		log_fatal("store %s: cannot keep stories",
		    store_path(pl->store));
	if (pl->trend != NULL)
		trend_db_configure(pl->trend, cfg);
	else if (cfg != NULL && (pl->trend = trend_db_open(pl->store,
	    cfg)) == NULL)
		log_fatal("store %s: cannot keep the escalation meter",
		    store_path(pl->store));
}

void
pipeline_free(struct pipeline *pl)
{
	if (pl == NULL)
		return;
	story_db_close(pl->stories);
	trend_db_close(pl->trend);
	free(pl);
}

/* The item's own date: published, else updated; 0 when it has none. */
static time_t
item_time(const struct feed_item *item)
{
	if (item->has_published)
		return item->published;
	if (item->has_updated)
		return item->updated;
	return 0;
}

/* Deliver the trend alerts an article raised (trend_db.h), in its
 * transaction.  0 or -1. */
static int
pipeline_trends(struct pipeline *pl, const json_t *trends, time_t now)
{
	const json_t *t;
	size_t i;

	json_array_foreach(trends, i, t) {
		log_info("%s", json_string_value(json_object_get(
		    json_object_get(t, "item"), "title")));
		if (pl->sinks != NULL && sinks_deliver(pl->sinks, t) == -1)
			return -1;
		if (store_log_alert(pl->store, json_string_value(
		    json_object_get(t, "id")), "", now,
		    json_string_value(json_object_get(t, "severity")),
		    json_string_value(json_object_get(t, "category"))) == -1)
			return -1;
	}
	return 0;
}

/*
 * Run one new item through the rules and the sinks and mark it seen,
 * inside the feed's transaction.  Returns 1 if it raised an alert, 0 if
 * not, -1 on failure (its writes to be undone: the item stays unseen and
 * is tried again).  *saved is set when it opened the item's savepoint
 * (store_item_begin), which the caller then ends or undoes.
 */
static int
pipeline_item(struct pipeline *pl, const char *feed,
    const struct feed_item *item, time_t now, int *saved)
{
	struct rules_result result;
	json_t *alert = NULL, *trends = NULL;
	char *body = NULL;
	int raised = 0, joined;

	memset(&result, 0, sizeof(result));
	/* Every item read tells which words are common news this week
	 * (story_freq.h), alerted or not. */
	if (pl->stories != NULL)
		story_db_read(pl->stories, item->title, strlen(item->title),
		    item->has_published && difftime(item->published, now) <= 0 ?
		    item->published : now);
	if (pl->rules != NULL) {
		if ((body = feed_item_text(item)) == NULL ||
		    rules_match(pl->rules, item->title, body, &result) == -1) {
			log_error("feed %s: out of memory matching \"%s\"",
			    feed, item->title);
			goto fail;
		}
		alert = alert_build(feed, item, &result, now);
	}
	/* An item without an alert writes one row, its seen mark, and a
	 * statement that fails leaves nothing of its own (or SQLite ends
	 * the transaction, which store_item_failed sees): only an
	 * alert's several writes need a savepoint to be undone together.
	 * One for every item cost some 4,800 instructions each (its
	 * statements and the seen mark's page written aside), and of a
	 * cold poll's 20,000 items a few hundred raise an alert. */
	if (alert != NULL) {
		if (store_item_begin(pl->store) == -1)
			goto fail;
		*saved = 1;
	}
	/* The alert joins its story; the same article from another feed
	 * raises nothing more (story_db.h). */
	if (alert != NULL && pl->stories != NULL) {
		if ((joined = story_db_join(pl->stories, alert, now)) == -1)
			goto fail;
		if (joined == STORY_DUPLICATE) {
			log_info("feed %s: already alerted from another feed, "
			    "story %s: %s", feed, json_string_value(
			    json_object_get(json_object_get(alert, "story"),
			    "id")), item->title);
			json_decref(alert);
			alert = NULL;
		}
	}
	/* Its story weighs on its actor pairs' escalation meter. */
	if (alert != NULL && pl->trend != NULL &&
	    trend_db_note(pl->trend, alert, now, &trends) == -1)
		goto fail;
	if (alert != NULL) {
		log_info("feed %s: alert %s (%s %s, rule %s): %s", feed,
		    json_string_value(json_object_get(alert, "id")),
		    json_string_value(json_object_get(alert, "severity")),
		    json_string_value(json_object_get(alert, "category")),
		    json_string_value(json_object_get(alert, "rule")),
		    item->title);
		if (pl->sinks != NULL && sinks_deliver(pl->sinks, alert) == -1)
			goto fail;
		if (store_log_alert(pl->store, json_string_value(
		    json_object_get(alert, "id")), feed, now,
		    json_string_value(json_object_get(alert, "severity")),
		    json_string_value(json_object_get(alert, "category"))) == -1)
			goto fail;
		if (trends != NULL && pipeline_trends(pl, trends, now) == -1)
			goto fail;
		raised = 1;
	} else
		log_debug("feed %s: new item, no alert: %s", feed, item->title);
	if (store_mark_seen(pl->store, feed, item->key, now) == -1)
		goto fail;
	/* Counted once the item's writes are done.  Should the feed's
	 * transaction then fail (a full disk), the item is retried and
	 * counted again: the metrics may overcount, the alerts do not. */
	if (raised)
		metrics_alert(alert);
	free(body);
	json_decref(alert);
	json_decref(trends);
	rules_result_free(&result);
	return raised;
fail:
	free(body);
	json_decref(alert);
	json_decref(trends);
	rules_result_free(&result);
	return -1;
}

/*
 * The items that need no alert, first in the feed's transaction: those
 * still listed are touched, old ones of a first poll marked seen; then
 * what the feed stopped listing beyond the retention is pruned (the new
 * items are marked after, with a later last_listed, so they are never
 * pruned).
 */
static int
pipeline_bookkeeping(struct pipeline *pl, const char *feed,
    const struct feed *doc, const char *is_new, int first, double max_age,
    time_t now)
{
	const struct feed_item *item;
	double retention;
	time_t t;
	size_t i;

	for (i = 0; i < doc->n_items; i++) {
		item = &doc->items[i];
		if (!is_new[i]) {
			if (store_touch_seen(pl->store, feed, item->key,
			    now) == -1)
				return -1;
			continue;
		}
		t = item_time(item);
		if (first && (t == 0 || difftime(now, t) > max_age) &&
		    store_mark_seen(pl->store, feed, item->key, now) == -1)
			return -1;
	}
	retention = pl->cfg != NULL && pl->cfg->retention > 0 ?
	    pl->cfg->retention : DEFAULT_RETENTION;
	if (store_prune(pl->store, feed, now, retention) == -1 ||
	    (pl->stories != NULL && story_db_prune(pl->stories, now) == -1) ||
	    (pl->trend != NULL && trend_db_prune(pl->trend, now) == -1))
		return -1;
	return 0;
}

/*
 * The items of doc that are new, oldest first, each inside the feed's
 * transaction.  A failed item is undone and stays unseen, to be retried;
 * the ones after it go on, so that one item that always fails cannot
 * hold back the rest of its feed for good.  Returns how many failed, or
 * -1 when the transaction cannot go on (the caller rolls it back).
 */
static long
pipeline_items(struct pipeline *pl, const struct config_feed *cf,
    const struct feed *doc, const char *is_new, int first, double max_age,
    time_t now, struct poll_result *out, size_t *silent)
{
	const struct feed_item *item;
	long failed = 0;
	time_t t;
	size_t i;
	int r, saved;

	/* Feeds list the newest on top, and alerts should come in the
	 * order things happened. */
	for (i = doc->n_items; i-- > 0;) {
		item = &doc->items[i];
		if (!is_new[i])
			continue;
		t = item_time(item);
		if (first && (t == 0 || difftime(now, t) > max_age)) {
			(*silent)++;
			continue;
		}
		saved = 0;
		if ((r = pipeline_item(pl, cf->name, item, now, &saved)) ==
		    -1) {
			log_warn("feed %s: item \"%s\" left unseen, to be "
			    "processed again at the next poll", cf->name,
			    item->title);
			failed++;
			if ((saved ? store_item_undo(pl->store) :
			    store_item_failed(pl->store)) == -1)
				return -1;
			continue;
		}
		if (saved && store_item_end(pl->store) == -1)
			return -1;
		out->items++;
		out->alerts += (size_t)r;
	}
	return failed;
}

int
pipeline_feed(void *arg, const struct config_feed *cf, const char *url,
    const char *body, size_t len, struct poll_result *out)
{
	struct pipeline *pl = arg;
	struct feed_limits limits;
	struct feed *doc;
	char err[512], *is_new = NULL;
	double max_age;
	time_t now = time(NULL);
	size_t i, silent = 0;
	long failed;
	int first, rc = -1, r;

	memset(out, 0, sizeof(*out));
	memset(&limits, 0, sizeof(limits));
	limits.max_items = cf->limits.max_items;
	err[0] = '\0';
	if ((doc = feed_parse(body, len, url, &limits, err,
	    sizeof(err))) == NULL) {
		log_warn("feed %s: not a feed brink can read: %s", cf->name,
		    err[0] != '\0' ? err : "no reason given");
		return -1;
	}
	if (err[0] != '\0')
		log_warn("feed %s: %s", cf->name, err);
	if (doc->n_items > 0 &&
	    (is_new = calloc(doc->n_items, 1)) == NULL)
		log_fatal("out of memory");
	max_age = cf->limits.max_age > 0 ? cf->limits.max_age :
	    DEFAULT_MAX_AGE;
	/* What is new is decided inside the transaction, which holds the
	 * write lock: another brinkd (a --once run) cannot take an item
	 * between the look-up and the mark. */
	if (store_begin(pl->store) == -1)
		goto out;
	if ((first = store_feed_is_new(pl->store, cf->name)) == -1)
		goto rollback;
	for (i = 0; i < doc->n_items; i++) {
		if ((r = store_is_seen(pl->store, cf->name,
		    doc->items[i].key)) == -1)
			goto rollback;
		is_new[i] = r == 0;
	}
	if (pipeline_bookkeeping(pl, cf->name, doc, is_new, first, max_age,
	    now) == -1)
		goto rollback;
	if ((failed = pipeline_items(pl, cf, doc, is_new, first, max_age,
	    now, out, &silent)) == -1)
		goto rollback;
	/* The alerts on disk before their items are marked seen. */
	if (pl->sinks != NULL && sinks_sync(pl->sinks) == -1)
		goto rollback;
	if (store_commit(pl->store) == -1)
		goto rollback;
	if (pl->sinks != NULL && out->alerts > 0)
		sinks_flush(pl->sinks);
	if (first)
		log_info("feed %s: first poll, %zu item%s, %zu older than "
		    "max_age recorded without alerts", cf->name, doc->n_items,
		    doc->n_items == 1 ? "" : "s", silent);
	if (out->items > 0)
		log_info("feed %s: %zu new item%s, %zu alert%s", cf->name,
		    out->items, out->items == 1 ? "" : "s", out->alerts,
		    out->alerts == 1 ? "" : "s");
	rc = failed > 0 ? -1 : 0;
	goto out;
rollback:
	/* Safe when SQLite or a failed commit already rolled back. */
	store_rollback(pl->store);
	if (out->items > 0)
		log_warn("feed %s: %zu new item%s left unseen, to be "
		    "processed again at the next poll", cf->name, out->items,
		    out->items == 1 ? "" : "s");
	out->items = out->alerts = 0;
out:
	/* The body was a feed: what failed is the store or a sink. */
	out->local_failure = rc == -1;
	free(is_new);
	feed_free(doc);
	return rc;
}
