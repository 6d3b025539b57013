/*
 * story_freq_test: the looser story test weighs each word by its rarity
 * in the items read (story_freq.h).  A week of one war's news makes
 * its stock words weigh little: two reports of one event in other
 * words meet on their rare words, and two reports that share only the
 * war's stock words stay apart, where counting words did the reverse;
 * with too few items read, the words are counted as before.
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
#include "../../src/story.h"
#include "../../src/story_db.h"
#include "../../src/story_freq.h"

/* The week's news of the war, each line read fifteen times. */
static const char *const news[] = {
	"Ostland troops shell border posts near Tarmo after talks stall",
	"Varnia army shells village near Tarmo, officials say",
	"Officials say talks on Tarmo stall as troops mass at border",
	"Varnia army and Ostland troops trade fire near Tarmo village",
};

/* An alert on one wire item of actors (comma-joined). */
static json_t *
wire_alert(const char *id, const char *actors, const char *sentence)
{
	char link[64], *list, *p;
	json_t *a;

	snprintf(link, sizeof(link), "https://news.example/%s", id);
	if ((list = strdup(actors)) == NULL)
		return NULL;
	p = strchr(list, ',');
	if (p != NULL)
		*p++ = '\0';
	a = alert(id, "wire", "threat", "low", list, NULL, link, sentence);
	if (a != NULL && p != NULL)
		json_array_append_new(json_object_get(a, "actors"),
		    json_string(p));
	free(list);
	return a;
}

/* Read a's title, then b's, join a, then b a minute later: are they
 * one story? */
static int
one_story(struct story_db *sd, json_t *a, json_t *b, time_t t)
{
	const char *ta = json_string_value(json_object_get(json_object_get(a,
	    "item"), "title"));
	const char *tb = json_string_value(json_object_get(json_object_get(b,
	    "item"), "title"));

	story_db_read(sd, ta, strlen(ta), t);
	story_db_read(sd, tb, strlen(tb), t + 60);
	story_db_join(sd, a, t);
	story_db_join(sd, b, t + 60);
	return story_id(a) != NULL && story_id(b) != NULL &&
	    strcmp(story_id(a), story_id(b)) == 0;
}

static struct story_db *
open_stories(struct store **st, struct config *cfg, const char *dir)
{
	*st = store_open(dir);
	return *st != NULL ? story_db_open(*st, cfg) : NULL;
}

/* The rarity test alone: -1 with too few items read. */
static void
check_few_items(void)
{
	struct story_freq *f = story_freq_new();
	struct story_sketch a, b;
	double overlap = -2;
	int i;

	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	story_words_add(&a, NULL, NULL, "lighthouse keepers freed", 24);
	story_words_add(&b, NULL, NULL, "lighthouse keepers freed", 24);
	CHECK(f != NULL, "memory made");
	if (f == NULL)
		return;
	for (i = 0; i < STORY_RARE_ITEMS - 1; i++)
		story_freq_note(f, NULL, news[i % 4], strlen(news[i % 4]),
		    1800000000);
	CHECK_INT(story_freq_rare(f, 1800000000 - 3600, 1800000000 + 3600,
	    &a, &b, &overlap), -1, "too few items read: words counted");
	CHECK(overlap == -2, "the share left alone");
	story_freq_note(f, NULL, news[0], strlen(news[0]), 1800000000);
	CHECK_INT(story_freq_rare(f, 1800000000 - 3600, 1800000000 + 3600,
	    &a, &b, &overlap), 0, "enough read: rare words in common join");
	CHECK_INT(story_freq_rare(f, 1800000000 + 3 * 86400,
	    1800000000 + 4 * 86400, &a, &b, &overlap), -1,
	    "the items of other days do not count");
	story_freq_free(f);
}

/* The weight of the one word of text after the memory read title
 * sixty times. */
static double
weight_after(const char *title, const char *text)
{
	struct story_freq *f = story_freq_new();
	struct story_sketch sk;
	double w[STORY_SKETCH_MAX];
	size_t items = 0;
	int i;

	memset(&sk, 0, sizeof(sk));
	story_words_add(&sk, NULL, NULL, text, strlen(text));
	if (f == NULL || sk.n != 1) {
		story_freq_free(f);
		return -1;
	}
	for (i = 0; i < 60; i++)
		story_freq_note(f, NULL, title, strlen(title), 1800000000);
	story_freq_weigh(f, 1800000000 - 3600, 1800000000 + 3600, &sk, w,
	    &items);
	story_freq_free(f);
	return items == 60 ? w[0] : -1;
}

/* Words in any script are counted as the statements' words are: a
 * word met in every item weighs nothing, one never met the most. */
static void
check_every_script(void)
{
	/* "Varnia" in Cyrillic */
	const char *varnia = "\xd0\x92\xd0\xb0\xd1\x80\xd0\xbd\xd0\xb8"
	    "\xd1\x8f";
	char title[96];
	double w;

	snprintf(title, sizeof(title), "%s\xe2\x80\x99s envoy flies to "
	    "Z\xc3\xbcrich", varnia);
	w = weight_after(title, "Z\xc3\xbcrich");
	CHECK(w >= 0 && w < 0.1, "a word with a mark is counted");
	w = weight_after(title, varnia);
	CHECK(w >= 0 && w < 0.1,
	    "a Cyrillic word before a curly possessive is counted");
	w = weight_after(title, "lighthouse");
	CHECK(w > 4, "a word never read weighs most");
}

int
main(void)
{
	struct config cfg;
	struct config_actor actors[3];
	struct store *st;
	struct story_db *sd;
	json_t *a[6];
	char dir[] = "/tmp/brink-story-freq.XXXXXX", cmd[128];
	time_t t0 = 1800000000;
	int i;

	check_few_items();
	check_every_script();
	story_config_actors(&cfg, actors);
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 99;
	}

	/* Nothing read yet: four stems in common of ten is under
	 * story_overlap, and counted words keep the two apart. */
	sd = open_stories(&st, &cfg, dir);
	CHECK(sd != NULL, "stories open");
	if (sd == NULL)
		return 99;
	a[0] = wire_alert("f1", "brisland", "Brisland troops release "
	    "lighthouse keepers near Tarmo after border talks stall");
	a[1] = wire_alert("f2", "brisland", "Lighthouse keepers of Tarmo "
	    "released by Brisland as Varnia army shells village, officials "
	    "say");
	CHECK(!one_story(sd, a[0], a[1], t0), "few items read: the words "
	    "are counted");
	story_db_close(sd);
	store_close(st);
	snprintf(cmd, sizeof(cmd), "rm -rf %s/*", dir);
	if (system(cmd) != 0)
		perror(cmd);

	sd = open_stories(&st, &cfg, dir);
	CHECK(sd != NULL, "stories open again");
	if (sd == NULL)
		return 99;
	for (i = 0; i < 60; i++)
		story_db_read(sd, news[i % 4], strlen(news[i % 4]),
		    t0 - 3600 + i);
	/* The memory is in the store: a restart keeps it. */
	story_db_close(sd);
	store_close(st);
	sd = open_stories(&st, &cfg, dir);
	CHECK(sd != NULL, "stories open after a restart");
	if (sd == NULL)
		return 99;

	/* The same two reports after the week's news: "troops",
	 * "border", "talks" and "Tarmo" are in every other item, the
	 * keepers and their release in none. */
	a[2] = wire_alert("f3", "brisland", "Brisland troops release "
	    "lighthouse keepers near Tarmo after border talks stall");
	a[3] = wire_alert("f4", "brisland", "Lighthouse keepers of Tarmo "
	    "released by Brisland as Varnia army shells village, officials "
	    "say");
	CHECK(one_story(sd, a[2], a[3], t0), "one event in other words "
	    "meets on its rare words");

	/* Six stems in common of eight, all of them the war's stock
	 * words: two reports of the war, not of one event. */
	a[4] = wire_alert("f5", "brisland", "Brisland says talks near Tarmo "
	    "stall as troops mass at border");
	a[5] = wire_alert("f6", "brisland,ostlanders", "Brisland troops shell "
	    "border posts near Tarmo after talks stall");
	CHECK(!one_story(sd, a[4], a[5], t0 + 600), "stock words alone do "
	    "not make one story");

	story_db_close(sd);
	store_close(st);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	if (system(cmd) != 0)
		perror(cmd);
	for (i = 0; i < 6; i++)
		json_decref(a[i]);
	return check_done();
}
