/*
 * story_fixture.h: an alert as the story tests build it, and its story
 * id, for story_test and story_names_test.
 */
#ifndef STORY_FIXTURE_H
#define STORY_FIXTURE_H

#include <jansson.h>

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

#endif
