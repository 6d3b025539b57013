/*
 * story_names_test: the actors' own names in the looser story test
 * (story.h).  An actor's name is taken out of both statements as their
 * words are stemmed ("ostlanders" is the stem "ostland" in the text), out
 * of the share of words as out of their count; a target's name is a word
 * of the statement (targets do not gate, so nothing else compares them).
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "../check.h"
#include "story_fixture.h"
#include "../../src/config.h"
#include "../../src/store.h"
#include "../../src/story_db.h"

/* An alert on one wire item, its link made from its id. */
static json_t *
wire_alert(const char *id, const char *category, const char *actor,
    const char *target, const char *sentence)
{
	char link[64];

	snprintf(link, sizeof(link), "https://news.example/%s", id);
	return alert(id, "wire", category, "low", actor, target, link,
	    sentence);
}

/* Join a's statement, then b's a minute later; are they one story? */
static int
one_story(struct story_db *sd, json_t *a, json_t *b, time_t t)
{
	story_db_join(sd, a, t);
	story_db_join(sd, b, t + 60);
	return story_id(a) != NULL && story_id(b) != NULL &&
	    strcmp(story_id(a), story_id(b)) == 0;
}

int
main(void)
{
	struct config cfg;
	struct config_actor actors[3];
	struct store *st;
	struct story_db *sd;
	json_t *a[6];
	char dir[] = "/tmp/brink-story-names.XXXXXX", cmd[128];
	time_t t0 = 1800000000;
	int i;

	story_config_actors(&cfg, actors);
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 99;
	}
	st = store_open(dir);
	sd = st != NULL ? story_db_open(st, &cfg) : NULL;
	CHECK(sd != NULL, "stories open");
	if (sd == NULL)
		return 99;

	/* Named "ostlanders" in the configuration, "Ostlanders" (the stem
	 * "ostland") in the text: the name is still no word of the
	 * statement, so three stock words do not make a story. */
	a[0] = wire_alert("n1", "deescalation", "ostlanders", NULL, "Ostlanders "
	    "walked out of the peace talks in Tarmo, accusing Chad of "
	    "stalling since they resumed.");
	a[1] = wire_alert("n2", "deescalation", "ostlanders", NULL, "Ostlanders "
	    "peace talks resume");
	CHECK(!one_story(sd, a[0], a[1], t0), "an actor's name stemmed "
	    "apart from its configuration name does not count as a word "
	    "in common");

	/* Six stems in common of ten, but one of them the actor's name:
	 * five of nine is under story_overlap. */
	a[2] = wire_alert("n3", "threat", "brisland", NULL, "Brisland troops will "
	    "shell the port of Tarmo on Monday at dawn unless the fishermen "
	    "leave, officials in Kessel said.");
	a[3] = wire_alert("n4", "threat", "brisland", NULL, "Brisland troops vowed "
	    "to storm the port of Tarmo, officials in Kessel said, to end "
	    "the siege.");
	CHECK(!one_story(sd, a[2], a[3], t0 + 600), "the share of words in "
	    "common leaves the actor's name out too");

	/* The target is a word of what was said: "Varnia" is one of the
	 * four stems the statements share (other actors besides, so that
	 * only the looser test can join them). */
	a[4] = wire_alert("n5", "deescalation", "brisland", "varnia", "Brisland "
	    "agreed to the Varnia truce plan for Kessel.");
	a[5] = wire_alert("n6", "deescalation", "brisland", "varnia", "Brisland "
	    "and Ostlanders agree Varnia truce plan");
	json_array_append_new(json_object_get(a[5], "actors"),
	    json_string("ostlanders"));
	CHECK(one_story(sd, a[4], a[5], t0 + 1200), "a target's name counts "
	    "as a word of the statement");

	story_db_close(sd);
	store_close(st);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	if (system(cmd) != 0)
		perror(cmd);
	for (i = 0; i < 6; i++)
		json_decref(a[i]);
	return check_done();
}
