/*
 * alert.c: the alert record (DESIGN.md, "The alert"), built once per
 * article with jansson and handed as is to every sink.  Keys keep the
 * order of the design, so that a person reading the log finds them
 * where the documentation says (sinks dump with JSON_PRESERVE_ORDER).
 */
#include "autoconf.h"

#include <string.h>
#include <time.h>

#include <jansson.h>

#include "alert.h"
#include "config.h"
#include "date.h"
#include "hash.h"

#define ALERT_TEXT_MAX	4096	/* bytes of a title or a quoted sentence */
#define ALERT_HITS_MAX	32	/* hits quoted in one record */

static const char *const alert_severities[] = {
	"info", "low", "medium", "high", "critical"
};

/* Categories by strength, for hits of equal severity. */
static const char *const alert_categories[] = {
	"threat", "retaliation", "deescalation", NULL
};

static const char *
alert_severity_name(enum severity s)
{
	if ((int)s < 0 || (size_t)s >= sizeof(alert_severities) /
	    sizeof(alert_severities[0]))
		return "medium";
	return alert_severities[s];
}

static int
alert_category_rank(const char *category)
{
	int k;

	for (k = 0; alert_categories[k] != NULL; k++)
		if (strcmp(category, alert_categories[k]) == 0)
			return k;
	return k;
}

/* Is hit a stronger than hit b? */
static int
alert_stronger(const struct rule_hit *a, const struct rule_hit *b)
{
	if (rules_hit_severity(a) != rules_hit_severity(b))
		return rules_hit_severity(a) > rules_hit_severity(b);
	return alert_category_rank(rules_hit_category(a)) <
	    alert_category_rank(rules_hit_category(b));
}

json_t *
alert_time(time_t t)
{
	char buf[DATE_RFC3339_LEN + 1];

	if (date_format(t, buf) == -1)
		return json_null();
	return json_string(buf);
}

static json_t *
alert_string_or_null(const char *s)
{
	json_t *j;

	if (s == NULL)
		return json_null();
	/* Text from a feed is UTF-8 after libxml2, but a plain file given
	 * to --match may not be: never drop the alert for that. */
	if ((j = json_string(s)) == NULL)
		j = json_string("(not UTF-8)");
	return j;
}

/*
 * A feed's text for the record, at most ALERT_TEXT_MAX bytes: a title or
 * a sentence of a megabyte (a hostile or broken feed) would otherwise go
 * whole into every alert log line and every webhook post.  A longer one
 * is cut on a UTF-8 character boundary and ends in "...".
 */
static json_t *
alert_text(const char *s)
{
	json_t *j;
	char buf[ALERT_TEXT_MAX + 4];
	size_t len;

	if (s == NULL || strlen(s) <= ALERT_TEXT_MAX)
		return alert_string_or_null(s);
	len = ALERT_TEXT_MAX - 3;
	while (len > 0 && ((unsigned char)s[len] & 0xc0) == 0x80)
		len--;
	memcpy(buf, s, len);
	memcpy(buf + len, "...", 4);
	if ((j = json_string(buf)) == NULL)
		j = json_string("(not UTF-8)");
	return j;
}

static int
alert_has_string(const json_t *arr, const char *s)
{
	size_t i;

	for (i = 0; i < json_array_size(arr); i++)
		if (strcmp(json_string_value(json_array_get(arr, i)), s) == 0)
			return 1;
	return 0;
}

/* Append to arr the strings of v not already there, nor in except (may
 * be NULL). */
static int
alert_add_strings_except(json_t *arr, char **v, size_t n,
    const json_t *except)
{
	size_t k;

	for (k = 0; k < n; k++) {
		if (alert_has_string(arr, v[k]) ||
		    (except != NULL && alert_has_string(except, v[k])))
			continue;
		if (json_array_append_new(arr, alert_string_or_null(v[k])) ==
		    -1)
			return -1;
	}
	return 0;
}

/* A JSON array of strings, each once. */
static int
alert_add_strings(json_t *arr, char **v, size_t n)
{
	return alert_add_strings_except(arr, v, n, NULL);
}

/*
 * The alert's actors and targets: the strongest hit's first, since it
 * says who threatened whom, then the other hits' in text order.  One
 * name is never both: a later hit that makes an actor of the top hit's
 * target (or the reverse), as "Varnia would pay a heavy price" read
 * alone does, does not turn the alert around.
 */
static int
alert_parties(json_t *actors, json_t *targets,
    const struct rules_result *result, const struct rule_hit *top)
{
	const struct rule_hit *h;
	size_t k;

	if (alert_add_strings(actors, top->actors, top->n_actors) == -1 ||
	    alert_add_strings_except(targets, top->targets, top->n_targets,
	    actors) == -1)
		return -1;
	for (k = 0; k < result->n_hits; k++) {
		h = &result->hits[k];
		if (h == top)
			continue;
		if (alert_add_strings_except(actors, h->actors, h->n_actors,
		    targets) == -1 || alert_add_strings_except(targets,
		    h->targets, h->n_targets, actors) == -1)
			return -1;
	}
	return 0;
}

static json_t *
alert_hit(const struct rule_hit *h)
{
	json_t *o, *terms, *words, *actors, *targets;

	o = json_object();
	terms = json_array();
	words = json_array();
	actors = json_array();
	targets = json_array();
	if (o == NULL || terms == NULL || words == NULL || actors == NULL ||
	    targets == NULL ||
	    alert_add_strings(terms, h->terms, h->n_terms) == -1 ||
	    alert_add_strings(words, h->words, h->n_words) == -1 ||
	    alert_add_strings(actors, h->actors, h->n_actors) == -1 ||
	    alert_add_strings(targets, h->targets, h->n_targets) == -1)
		goto fail;
	json_object_set_new(o, "rule", json_string(h->rule->name));
	json_object_set_new(o, "category",
	    json_string(rules_hit_category(h)));
	json_object_set_new(o, "severity",
	    json_string(alert_severity_name(rules_hit_severity(h))));
	json_object_set_new(o, "sentence", alert_text(h->sentence));
	json_object_set_new(o, "terms", terms);
	json_object_set_new(o, "words", words);
	json_object_set_new(o, "actors", actors);
	json_object_set_new(o, "targets", targets);
	return o;
fail:
	json_decref(o);
	json_decref(terms);
	json_decref(words);
	json_decref(actors);
	json_decref(targets);
	return NULL;
}

json_t *
alert_build(const char *feed_name, const struct feed_item *item,
    const struct rules_result *result, time_t now)
{
	const struct rule_hit *top;
	json_t *a = NULL, *it = NULL, *actors = NULL, *targets = NULL;
	json_t *hits = NULL, *h;
	char id[HASH_HEX_LEN + 1];
	size_t k;

	if (result == NULL || result->n_hits == 0)
		return NULL;
	top = &result->hits[0];
	for (k = 1; k < result->n_hits; k++)
		if (alert_stronger(&result->hits[k], top))
			top = &result->hits[k];

	hash_hex(hash_strings(feed_name, item->key, NULL), id);
	if ((a = json_object()) == NULL || (it = json_object()) == NULL ||
	    (actors = json_array()) == NULL ||
	    (targets = json_array()) == NULL || (hits = json_array()) == NULL)
		goto fail;
	for (k = 0; k < result->n_hits; k++) {
		/* The first ALERT_HITS_MAX and the strongest are quoted; an
		 * article of a thousand threats is one alert, not a
		 * megabyte.  Actors and targets still come from all. */
		if ((k < ALERT_HITS_MAX || &result->hits[k] == top) &&
		    ((h = alert_hit(&result->hits[k])) == NULL ||
		    json_array_append_new(hits, h) == -1))
			goto fail;
	}
	if (alert_parties(actors, targets, result, top) == -1)
		goto fail;
	json_object_set_new(it, "id",
	    alert_string_or_null(item->id != NULL ? item->id : item->key));
	json_object_set_new(it, "title", alert_text(item->title));
	json_object_set_new(it, "link", alert_string_or_null(item->link));
	json_object_set_new(it, "published", item->has_published ?
	    alert_time(item->published) : json_null());

	json_object_set_new(a, "id", json_string(id));
	json_object_set_new(a, "time", alert_time(now));
	json_object_set_new(a, "severity",
	    json_string(alert_severity_name(rules_hit_severity(top))));
	json_object_set_new(a, "category",
	    json_string(rules_hit_category(top)));
	json_object_set_new(a, "rule", json_string(top->rule->name));
	json_object_set_new(a, "feed", alert_string_or_null(feed_name));
	json_object_set_new(a, "item", it);
	json_object_set_new(a, "actors", actors);
	json_object_set_new(a, "targets", targets);
	json_object_set_new(a, "hits", hits);
	return a;
fail:
	json_decref(a);
	json_decref(it);
	json_decref(actors);
	json_decref(targets);
	json_decref(hits);
	return NULL;
}

int
alert_severity(const json_t *alert)
{
	const char *s;
	size_t k;

	if ((s = json_string_value(json_object_get(alert, "severity"))) ==
	    NULL)
		return -1;
	for (k = 0; k < sizeof(alert_severities) / sizeof(alert_severities[0]);
	    k++)
		if (strcmp(s, alert_severities[k]) == 0)
			return (int)k;
	return -1;
}
