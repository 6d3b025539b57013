/*
 * harden_alert_test: an article with a megabyte-long title, through the
 * rules and into the alert record.  The rules must still find the threat
 * at its start, and the record must quote at most a few kilobytes of it,
 * cut on a character boundary, so that no alert log line or webhook post
 * carries the megabyte.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "../check.h"
#include "../../src/alert.h"
#include "../../src/rules.h"

#define BIG	(1024 * 1024)

int
main(void)
{
	static char *north[] = { "Northland" }, *south[] = { "Southland" };
	static char *any[] = { "*" }, *terms[] = { "vow* to retaliat*" };
	struct config_actor actors[2];
	struct config_rule rule;
	struct config cfg;
	struct rules *r;
	struct rules_result res;
	struct feed_item item;
	const char *head = "Northland vows to retaliate against Southland ";
	const char *title, *sentence;
	char err[256], *big;
	json_t *a, *hit;
	size_t i, len;

	memset(actors, 0, sizeof(actors));
	actors[0].name = "northland";
	actors[0].names = (struct config_list){ north, 1 };
	actors[1].name = "southland";
	actors[1].names = (struct config_list){ south, 1 };
	memset(&rule, 0, sizeof(rule));
	rule.name = "vow";
	rule.category = "retaliation";
	rule.severity = SEV_HIGH;
	rule.terms = (struct config_list){ terms, 1 };
	rule.actors = (struct config_list){ any, 1 };
	rule.language = "english";
	memset(&cfg, 0, sizeof(cfg));
	cfg.actors = actors;
	cfg.n_actors = 2;
	cfg.rules = &rule;
	cfg.n_rules = 1;
	r = rules_compile(&cfg, err, sizeof(err));
	CHECK(r != NULL, "the rule compiles");
	if (r == NULL)
		return check_done();

	/* The threat, then "é" (two bytes) over and over: any cut that
	 * is not on a character boundary would split one. */
	if ((big = malloc(BIG + 1)) == NULL)
		abort();
	len = strlen(head);
	memcpy(big, head, len);
	for (i = len; i + 2 <= BIG; i += 2)
		memcpy(big + i, "\xc3\xa9", 2);
	big[i] = '\0';

	CHECK(rules_match(r, big, "", &res) == 0, "a 1 MB title is matched");
	CHECK(res.n_hits >= 1, "the threat at its start is found");

	memset(&item, 0, sizeof(item));
	item.key = "urn:big:1";
	item.title = big;
	item.link = "https://news.example/big";
	a = alert_build("wire", &item, &res, 1763877600);
	CHECK(a != NULL, "an alert is built");
	title = json_string_value(json_object_get(json_object_get(a, "item"),
	    "title"));
	hit = json_array_get(json_object_get(a, "hits"), 0);
	sentence = json_string_value(json_object_get(hit, "sentence"));
	CHECK(title != NULL && strlen(title) <= 4096,
	    "the record's title is at most 4 KB");
	CHECK(title != NULL && strncmp(title, head, strlen(head)) == 0,
	    "... it starts as the article's title does");
	CHECK(title != NULL && strlen(title) > 3 &&
	    strcmp(title + strlen(title) - 3, "...") == 0,
	    "... and ends in \"...\" to show it was cut");
	CHECK(title != NULL && strlen(title) % 2 == 1,
	    "... on a character boundary (no half \"\xc3\xa9\")");
	CHECK(sentence != NULL && strlen(sentence) <= 4096 &&
	    strncmp(sentence, "Northland vows", 14) == 0,
	    "the quoted sentence is at most 4 KB too");

	json_decref(a);
	rules_result_free(&res);

	/* A title of normal length is kept whole. */
	item.title = "Northland vows to retaliate";
	CHECK(rules_match(r, item.title, "", &res) == 0 && res.n_hits == 1,
	    "a short title matches");
	a = alert_build("wire", &item, &res, 1763877600);
	CHECK_STR(json_string_value(json_object_get(json_object_get(a,
	    "item"), "title")), "Northland vows to retaliate",
	    "a short title is kept whole");
	json_decref(a);
	rules_result_free(&res);
	rules_free(r);
	free(big);
	return check_done();
}
