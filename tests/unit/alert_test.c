/*
 * alert_test: the alert record as the design shows it.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "../check.h"
#include "../../src/alert.h"
#include "../../src/hash.h"

/* The record's first keys, in the design's order. */
#define WANT "{\"id\":\"%s\",\"time\":\"2025-11-23T06:00:00Z\"," \
	    "\"severity\":\"high\",\"category\":\"retaliation\"," \
	    "\"rule\":\"vow\",\"feed\":\"reuters-world\"," \
	    "\"item\":{\"id\":\"urn:x:1\",\"title\":\"Iran vows\"," \
	    "\"link\":\"https://example.org/a\"," \
	    "\"published\":\"2025-11-23T06:00:00Z\"}," \
	    "\"actors\":[\"iran\",\"uk\"],\"targets\":[\"israel\"]," \
	    "\"hits\":[{\"rule\":\"calm\","

int
main(void)
{
	struct config_rule threat = { 0 }, calm = { 0 }, vow = { 0 };
	char *s1[] = { "respond at the right time" }, *s2[] = { "ceasefire" };
	char *a1[] = { "iran" }, *a2[] = { "uk" }, *t1[] = { "israel" };
	char *t2[] = { "iran", "israel" }, *t3[] = { "israel" };
	char *w1[] = { "respond", "at", "the", "right", "time" };
	struct rule_hit hits[3];
	struct rules_result res = { hits, 3 };
	struct feed_item item = { 0 };
	json_t *a, *h;
	char *dump, id[HASH_HEX_LEN + 1];

	calm.name = "calm";
	calm.category = "deescalation";
	calm.severity = SEV_HIGH;
	vow.name = "vow";
	vow.category = "retaliation";
	vow.severity = SEV_HIGH;
	threat.name = "warn";
	threat.category = "threat";
	threat.severity = SEV_MEDIUM;
	memset(hits, 0, sizeof(hits));
	hits[0] = (struct rule_hit){ &calm, "Calm, said the UK.", 0, 18, s2, 1,
	    a2, 1, t2, 2, NULL, 0, NULL, 0 };
	hits[1] = (struct rule_hit){ &vow, "Iran vowed to respond at the right "
	    "time.", 19, 60, s1, 1, a1, 1, t1, 1, NULL, 0, w1, 5 };
	hits[2] = (struct rule_hit){ &threat, "Iran warned.", 61, 73, s1, 1,
	    a1, 1, t3, 1, NULL, 0, NULL, 0 };

	item.id = "urn:x:1";
	item.key = "urn:x:1";
	item.title = "Iran vows";
	item.link = "https://example.org/a";
	item.published = 1763877600;	/* 2025-11-23T06:00:00Z */
	item.has_published = 1;

	CHECK(alert_build("feed", &item, &(struct rules_result){ NULL, 0 },
	    0) == NULL, "no hits, no alert");

	a = alert_build("reuters-world", &item, &res, 1763877600);
	CHECK(a != NULL, "an alert is built");
	dump = json_dumps(a, JSON_PRESERVE_ORDER | JSON_COMPACT);
	printf("# %s\n", dump);
	hash_hex(hash_strings("reuters-world", "urn:x:1", NULL), id);
	{
		char want[1024];

		snprintf(want, sizeof(want), WANT, id);
		CHECK(strncmp(dump, want, strlen(want)) == 0,
		    "keys in the design's order; the strongest hit (high, "
		    "retaliation over deescalation) on top; its actors and "
		    "targets first, then the other hits', none both actor "
		    "and target");
	}
	free(dump);
	CHECK_INT(json_array_size(json_object_get(a, "hits")), 3, "all hits");
	h = json_array_get(json_object_get(a, "hits"), 1);
	CHECK_STR(json_string_value(json_object_get(h, "sentence")),
	    "Iran vowed to respond at the right time.", "the sentence quoted");
	CHECK_STR(json_string_value(json_array_get(json_object_get(h, "terms"),
	    0)), "respond at the right time", "the term as written");
	{
		json_t *w = json_object_get(h, "words");
		char *hd = json_dumps(h, JSON_PRESERVE_ORDER | JSON_COMPACT);

		CHECK_INT(json_array_size(w), 5, "the words its terms matched");
		CHECK_STR(json_string_value(json_array_get(w, 0)), "respond",
		    "the words as the hit has them");
		CHECK(hd != NULL && strstr(hd, "\"terms\":[\"respond at the "
		    "right time\"],\"words\":[\"respond\",\"at\"") != NULL,
		    "the words come right after the terms");
		free(hd);
		CHECK_INT(json_array_size(json_object_get(json_array_get(
		    json_object_get(a, "hits"), 0), "words")), 0,
		    "a hit without words has an empty list");
	}
	CHECK_INT(alert_severity(a), SEV_HIGH, "alert_severity reads it back");
	json_decref(a);

	a = alert_build("reuters-world", &item, &res, 0);
	CHECK_STR(json_string_value(json_object_get(a, "id")), id,
	    "the id is stable: the same item gets the same id");
	json_decref(a);

	item.id = NULL;
	item.link = NULL;
	item.has_published = 0;
	calm.severity = SEV_CRITICAL;
	a = alert_build("other", &item, &res, 0);
	CHECK_STR(json_string_value(json_object_get(a, "rule")), "calm",
	    "severity first: a critical deescalation beats a high vow");
	CHECK(json_is_null(json_object_get(json_object_get(a, "item"), "link")),
	    "no link is null");
	CHECK(json_is_null(json_object_get(json_object_get(a, "item"),
	    "published")), "no date is null");
	CHECK(strcmp(json_string_value(json_object_get(a, "id")), id) != 0,
	    "another feed, another id");
	json_decref(a);

	/* The demo's "Ostrel warns Varnia of a heavy price": the title says
	 * ostrel -> varnia, a body sentence read alone makes varnia its
	 * actor.  The alert must not list varnia on both sides. */
	{
		struct config_rule veiled = { 0 };
		char *o[] = { "ostrel" }, *v[] = { "varnia" };
		char *terms[] = { "heavy price" };
		struct rule_hit dh[2];
		struct rules_result dr = { dh, 2 };
		json_t *ac, *tg;

		veiled.name = "threat-veiled";
		veiled.category = "threat";
		veiled.severity = SEV_MEDIUM;
		dh[0] = (struct rule_hit){ &veiled, "Ostrel warns Varnia of a "
		    "heavy price", 0, 36, terms, 1, o, 1, v, 1, NULL, 0,
		    NULL, 0 };
		dh[1] = (struct rule_hit){ &veiled, "Varnia would pay a heavy "
		    "price.", 37, 69, terms, 1, v, 1, NULL, 0, NULL, 0,
		    NULL, 0 };
		a = alert_build("demo", &item, &dr, 0);
		ac = json_object_get(a, "actors");
		tg = json_object_get(a, "targets");
		CHECK_INT(json_array_size(ac), 1, "one actor");
		CHECK_STR(json_string_value(json_array_get(ac, 0)), "ostrel",
		    "the actor of the strongest hit");
		CHECK_INT(json_array_size(tg), 1, "one target");
		CHECK_STR(json_string_value(json_array_get(tg, 0)), "varnia",
		    "the target of the strongest hit, not also an actor");
		json_decref(a);
	}
	a = json_object();
	CHECK_INT(alert_severity(a), -1, "no severity: -1");
	json_decref(a);
	return check_done();
}
