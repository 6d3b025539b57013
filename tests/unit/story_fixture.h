/*
 * story_fixture.h: an alert as the story tests build it, its story id,
 * and the stories' configuration, for story_test, story_names_test and
 * story_freq_test.
 */
#ifndef STORY_FIXTURE_H
#define STORY_FIXTURE_H

#include <string.h>

#include <jansson.h>

#include "../../src/config.h"

/* An alert of one actor (and target, or NULL) on one sentence, its
 * item at link. */
static json_t *
alert(const char *id, const char *feed, const char *category,
    const char *severity, const char *actor, const char *target,
    const char *link, const char *sentence)
{
	json_t *a;

	a = json_pack("{s:s, s:s, s:s, s:s, s:{s:s, s:s, s:s}, s:[s], s:[],"
	    " s:[{s:s}]}", "id", id, "severity", severity, "category",
	    category, "feed", feed, "item", "id", link, "title", sentence,
	    "link", link, "actors", actor, "targets", "hits", "sentence",
	    sentence);
	if (a != NULL && target != NULL)
		json_array_append_new(json_object_get(a, "targets"),
		    json_string(target));
	return a;
}

static const char *
story_id(const json_t *a)
{
	return json_string_value(json_object_get(json_object_get(a, "story"),
	    "id"));
}

/* The stories' keys the tests share: a 48-hour window, 30 days kept,
 * an update an hour at most, brinkd's default thresholds. */
static inline void
story_config(struct config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->story_window = 48 * 3600;
	cfg->story_retention = 30 * 86400;
	cfg->story_update = 3600;
	cfg->story_similarity = 0.3;
	cfg->story_overlap = 0.6;
}

/* story_config with three named actors of no names of their own. */
static inline void
story_config_actors(struct config *cfg, struct config_actor actors[3])
{
	story_config(cfg);
	memset(actors, 0, 3 * sizeof(actors[0]));
	actors[0].name = "ostlanders";
	actors[1].name = "brisland";
	actors[2].name = "varnia";
	cfg->actors = actors;
	cfg->n_actors = 3;
}

#endif
