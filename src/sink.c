/*
 * sink.c: the configured sinks, their filters and the fan-out of each
 * alert to them; see sink.h.  The back ends are found through one table
 * by enum sink_type.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <jansson.h>

#include "alert.h"
#include "config.h"
#include "log.h"
#include "metrics.h"
#include "sink_impl.h"
#include "sink_text.h"
#include "webhook_text.h"
#include "story_db.h"

/* Alert ids a sink already wrote in this process: an item retried
 * because another sink failed is not written twice. */
#define RECENT_IDS	256
#define ID_MAX		64

static const struct sink_ops *const sink_table[] = {
	[SINK_SYSLOG] = &sink_syslog_ops,
	[SINK_FILE] = &sink_file_ops,
	[SINK_WEBHOOK] = &sink_webhook_ops,
	[SINK_ALERTMANAGER] = &sink_alertmanager_ops,
};

struct sink_slot {
	struct sink	  sink;
	int		  opened;
	char		(*recent)[ID_MAX];	/* ring of RECENT_IDS */
	size_t		  recent_next;
};

struct sinks {
	struct sink_slot	*v;
	size_t			 n;
	struct story_db		*stories;	/* NULL without a store: every
						   sink gets every alert */
};

static int
list_has(const struct config_list *list, const char *s)
{
	size_t i;

	for (i = 0; i < list->n; i++)
		if (strcasecmp(list->v[i], s) == 0)
			return 1;
	return 0;
}

/* 1 if one string of the JSON array is in list. */
static int
list_has_any(const struct config_list *list, const json_t *array)
{
	const json_t *v;
	size_t i;

	json_array_foreach(array, i, v)
		if (json_string_value(v) != NULL &&
		    list_has(list, json_string_value(v)))
			return 1;
	return 0;
}

/*
 * The filters of a sink: severity at least min_severity, and, where a
 * list is given, the category, the feed, and an actor or a target in
 * it.
 */
static int
sink_wants(const struct config_sink *cfg, const json_t *alert)
{
	const char *s;

	if (alert_severity(alert) < (int)cfg->min_severity)
		return 0;
	if (cfg->categories.n > 0) {
		s = json_string_value(json_object_get(alert, "category"));
		if (s == NULL || !list_has(&cfg->categories, s))
			return 0;
	}
	if (cfg->feeds.n > 0) {
		s = json_string_value(json_object_get(alert, "feed"));
		if (s == NULL || !list_has(&cfg->feeds, s))
			return 0;
	}
	if (cfg->actors.n > 0 &&
	    !list_has_any(&cfg->actors, json_object_get(alert, "actors")) &&
	    !list_has_any(&cfg->actors, json_object_get(alert, "targets")))
		return 0;
	return 1;
}

struct sinks *
sinks_open(const struct config *cfg, struct store *store, struct poll *poll)
{
	struct sinks *sinks;
	struct sink_slot *slot;
	const struct config_sink *sc;
	size_t i;

	if ((sinks = calloc(1, sizeof(*sinks))) == NULL ||
	    (sinks->v = calloc(cfg->n_sinks + 1, sizeof(*sinks->v))) == NULL)
		log_fatal("out of memory");
	if (store != NULL && (sinks->stories = story_db_open(store,
	    cfg)) == NULL)
		goto fail;
	for (i = 0; i < cfg->n_sinks; i++) {
		sc = &cfg->sinks[i];
		if ((size_t)sc->type >= sizeof(sink_table) /
		    sizeof(sink_table[0]) || sink_table[sc->type] == NULL) {
			log_error("sink %s: unknown type %d", sc->name,
			    (int)sc->type);
			goto fail;
		}
		if ((sc->type == SINK_WEBHOOK ||
		    sc->type == SINK_ALERTMANAGER) &&
		    (store == NULL || poll == NULL)) {
			log_debug("sink %s: webhooks post only from the "
			    "daemon; not opened", sc->name);
			continue;
		}
		slot = &sinks->v[sinks->n];
		slot->sink.cfg = sc;
		slot->sink.config = cfg;
		slot->sink.ops = sink_table[sc->type];
		slot->sink.store = store;
		slot->sink.poll = poll;
		if (slot->sink.ops->flush == NULL &&
		    (slot->recent = calloc(RECENT_IDS, ID_MAX)) == NULL)
			log_fatal("out of memory");
		sinks->n++;
		if (slot->sink.ops->open(&slot->sink) == -1)
			goto fail;
		slot->opened = 1;
	}
	return sinks;
fail:
	sinks_close(sinks);
	return NULL;
}

static int
recent_has(const struct sink_slot *slot, const char *id)
{
	size_t i;

	for (i = 0; i < RECENT_IDS; i++)
		if (strcmp(slot->recent[i], id) == 0)
			return 1;
	return 0;
}

static void
recent_add(struct sink_slot *slot, const char *id)
{
	if (strlen(id) >= ID_MAX)
		return;
	strcpy(slot->recent[slot->recent_next], id);
	slot->recent_next = (slot->recent_next + 1) % RECENT_IDS;
}

/*
 * A chat message goes out without a link it cannot carry (a service
 * refuses the whole message for a malformed one, and javascript: must
 * never be clickable): say so once per alert, at the first chat sink.
 */
static void
note_bad_link(const struct sink_slot *slot, const json_t *alert,
    const char *id, int *noted)
{
	char why[256], *link;

	if (*noted || slot->sink.cfg->type != SINK_WEBHOOK)
		return;
	*noted = 1;
	if ((link = webhook_text_link(sink_text_item(alert, "link"), why,
	    sizeof(why))) != NULL)
		free(link);
	else if (*why != '\0')
		log_warn("sink %s: alert %s: sent without the article's link: "
		    "%s", slot->sink.cfg->name, id != NULL ? id : "?", why);
}

int
sinks_deliver(struct sinks *sinks, const json_t *alert)
{
	struct sink_slot *slot;
	const char *id;
	size_t i;
	time_t now = time(NULL);
	int rc = 0, noted = 0, r;

	id = json_string_value(json_object_get(alert, "id"));
	for (i = 0; i < sinks->n; i++) {
		slot = &sinks->v[i];
		if (!sink_wants(slot->sink.cfg, alert))
			continue;
		if (slot->recent != NULL && id != NULL && *id != '\0' &&
		    recent_has(slot, id))
			continue;
		/* Which alerts of a story this sink gets (story_db.h). */
		if (sinks->stories != NULL && (r = story_db_route(
		    sinks->stories, slot->sink.cfg, alert, now)) != 1) {
			if (r == -1)
				rc = -1;
			continue;
		}
		note_bad_link(slot, alert, id, &noted);
		if (slot->sink.ops->deliver(&slot->sink, alert) == -1) {
			rc = -1;
			continue;
		}
		/* The spooled sinks count when the receiver takes it. */
		if (slot->sink.cfg->type == SINK_FILE ||
		    slot->sink.cfg->type == SINK_SYSLOG)
			metrics_sink_delivered(slot->sink.cfg->name, 1);
		if (slot->recent != NULL && id != NULL && *id != '\0')
			recent_add(slot, id);
	}
	return rc;
}

int
sinks_sync(struct sinks *sinks)
{
	size_t i;
	int rc = 0;

	for (i = 0; i < sinks->n; i++)
		if (sinks->v[i].sink.ops->sync != NULL &&
		    sinks->v[i].sink.ops->sync(&sinks->v[i].sink) == -1)
			rc = -1;
	return rc;
}

void
sinks_flush(struct sinks *sinks)
{
	size_t i;

	for (i = 0; i < sinks->n; i++)
		if (sinks->v[i].sink.ops->flush != NULL)
			sinks->v[i].sink.ops->flush(&sinks->v[i].sink);
}

void
sinks_adopt(struct sinks *sinks, struct sinks *old)
{
	struct sink *s, *was;
	size_t i, j;

	for (i = 0; i < sinks->n; i++) {
		s = &sinks->v[i].sink;
		if (s->ops->adopt == NULL)
			continue;
		for (j = 0; j < old->n; j++) {
			was = &old->v[j].sink;
			if (was->ops == s->ops &&
			    strcmp(was->cfg->name, s->cfg->name) == 0)
				s->ops->adopt(s, was);
		}
	}
}

int
sinks_reopen(struct sinks *sinks)
{
	size_t i;
	int rc = 0;

	for (i = 0; i < sinks->n; i++)
		if (sinks->v[i].sink.ops->reopen(&sinks->v[i].sink) == -1)
			rc = -1;
	return rc;
}

void
sinks_close(struct sinks *sinks)
{
	size_t i;

	if (sinks == NULL)
		return;
	for (i = 0; i < sinks->n; i++) {
		if (sinks->v[i].opened)
			sinks->v[i].sink.ops->close(&sinks->v[i].sink);
		free(sinks->v[i].recent);
	}
	story_db_close(sinks->stories);
	free(sinks->v);
	free(sinks);
}
