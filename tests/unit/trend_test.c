/*
 * trend_test: the escalation meter.  The figures of a series (last day,
 * week, baseline, ratio with its floor, the days of the sparkline); and
 * in a store: a quiet baseline then a burst raises one escalation for
 * its pair and none for a pair with one story, none again while it
 * stands (across a reopen), a de-escalation trend only where
 * de-escalation outweighs the threats, and --trend's reading of it all.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "../check.h"
#include "../../src/alert.h"
#include "../../src/config.h"
#include "../../src/store.h"
#include "../../src/trend.h"
#include "../../src/trend_db.h"

#define T0	1800000000	/* "now" of the tests */
#define HOUR	3600

static void
test_figures(void)
{
	struct trend_point pts[] = {
		{ T0 - 25 * TREND_DAY, 4 }, { T0 - 15 * TREND_DAY, 4 },
		{ T0 - 5 * TREND_DAY - HOUR, 4 },
		{ T0 - 2 * HOUR, 4 }, { T0 - 3 * HOUR, 5 },
		{ T0 - 40 * TREND_DAY, 4 },	/* before the span */
		{ T0 + HOUR, 4 },		/* after now */
	};
	struct trend_figures f;
	char spark[TREND_SPARK_LEN];
	double days[TREND_DAYS];
	int i;

	trend_figures(pts, sizeof(pts) / sizeof(pts[0]), T0, 2, &f);
	CHECK(f.last_day == 9, "the last day weighs its two stories");
	CHECK(f.last_week == 13, "the last week adds the one of 5 days ago");
	CHECK(f.baseline > 0.39 && f.baseline < 0.41,
	    "the baseline is the 30 days before, a day: 12 / 30");
	CHECK(f.ratio == 4.5, "a quiet pair's ratio is over the floor: 9 / 2");
	CHECK(f.days[TREND_DAYS - 1] == 9 && f.days[TREND_DAYS - 6] == 4 &&
	    f.days[0] == 0, "the days are oldest first, the last day last");
	trend_figures(pts, 3, T0, 0.1, &f);
	CHECK(f.ratio == 0, "no story in the last day is a ratio of 0");
	trend_figures(pts + 3, 2, T0, 0.1, &f);
	CHECK(f.ratio == 90, "without a baseline the floor is the divisor");

	CHECK(trend_weight(SEV_INFO) == 1 && trend_weight(SEV_CRITICAL) == 5 &&
	    trend_weight(-1) == 1, "severities weigh 1 to 5");

	memset(days, 0, sizeof(days));
	trend_sparkline(days, spark);
	CHECK_STR(spark, "              ", "an empty series is spaces");
	for (i = 0; i < TREND_DAYS; i++)
		days[i] = i < 6 ? 0 : i - 5;
	trend_sparkline(days, spark);
	CHECK_STR(spark, "      \xe2\x96\x81\xe2\x96\x82\xe2\x96\x83"
	    "\xe2\x96\x84\xe2\x96\x85\xe2\x96\x86\xe2\x96\x87\xe2\x96\x88",
	    "a rising series rises one eighth a day to the full block");
}

static json_t *
story_alert(const char *story, const char *category, const char *severity,
    const char *actor, const char *target, time_t published)
{
	json_t *a;

	a = json_pack("{s:s, s:s, s:s, s:{s:s, s:o}, s:[s], s:[], s:{s:s}}",
	    "id", story, "category", category, "severity", severity, "item",
	    "title", story, "published", alert_time(published), "actors",
	    actor, "targets", "story", "id", story);
	if (a != NULL && target != NULL)
		json_array_append_new(json_object_get(a, "targets"),
		    json_string(target));
	return a;
}

/* Note one story; the number of trend alerts it raised, the first kept
 * in *first (caller decrefs) when first is not NULL. */
static int
note(struct trend_db *td, const char *story, const char *category,
    const char *severity, const char *actor, const char *target,
    time_t published, json_t **first)
{
	json_t *a = story_alert(story, category, severity, actor, target,
	    published), *raised = NULL;
	int n;

	if (a == NULL || trend_db_note(td, a, T0, &raised) == -1) {
		json_decref(a);
		return -1;
	}
	n = (int)json_array_size(raised);
	if (first != NULL && n > 0)
		*first = json_incref(json_array_get(raised, 0));
	json_decref(raised);
	json_decref(a);
	return n;
}

struct seen_pairs {
	int	pairs;
	int	raised_ab;
	double	ratio_ab;
	int	raised_other;
};

static void
count_pair(void *arg, const struct trend_pair *p)
{
	struct seen_pairs *s = arg;

	s->pairs++;
	if (strcmp(p->actor, "varnia") == 0 &&
	    strcmp(p->target, "ostland") == 0 &&
	    strcmp(p->kind, "escalation") == 0) {
		s->raised_ab = p->raised != 0;
		s->ratio_ab = p->fig.ratio;
	} else if (p->raised != 0 && strcmp(p->kind, "escalation") == 0)
		s->raised_other++;
}

static void
test_db(void)
{
	struct config cfg;
	struct store *st;
	struct trend_db *td;
	struct seen_pairs seen;
	json_t *esc = NULL, *de = NULL, *tr;
	char dir[] = "/tmp/brink-trend-test.XXXXXX", cmd[128];
	int n;

	memset(&cfg, 0, sizeof(cfg));
	cfg.trend_factor = 3;
	cfg.trend_floor = 2;
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		exit(99);
	}
	st = store_open(dir);
	td = st != NULL ? trend_db_open(st, &cfg) : NULL;
	CHECK(td != NULL, "the meter opens in a new store");
	if (td == NULL)
		exit(99);

	/* A quiet month for varnia -> ostland, one story for ostland ->
	 * varnia today. */
	n = note(td, "b1", "threat", "high", "varnia", "ostland",
	    T0 - 25 * TREND_DAY, NULL);
	n += note(td, "b2", "retaliation", "high", "varnia", "ostland",
	    T0 - 12 * TREND_DAY, NULL);
	n += note(td, "o1", "threat", "critical", "ostland", "varnia",
	    T0 - HOUR, NULL);
	CHECK_INT(n, 0, "a quiet baseline and one story raise nothing");
	n = note(td, "s1", "threat", "high", "varnia", "ostland",
	    T0 - 5 * HOUR, NULL);
	CHECK_INT(n, 0, "one story of the burst is under the floor");
	n = note(td, "s1", "threat", "high", "varnia", "ostland",
	    T0 - 5 * HOUR, NULL);
	CHECK_INT(n, 0, "the same story again weighs nothing more");
	n = note(td, "s2", "threat", "high", "varnia", "ostland",
	    T0 - 4 * HOUR, &esc);
	CHECK_INT(n, 1, "the second story of the burst raises the trend");
	tr = json_object_get(esc, "trend");
	CHECK_STR(json_string_value(json_object_get(esc, "category")),
	    "escalation", "it is an escalation");
	CHECK_STR(json_string_value(json_object_get(tr, "actor")), "varnia",
	    "naming the actor");
	CHECK_STR(json_string_value(json_object_get(tr, "target")), "ostland",
	    "and the target");
	CHECK(json_real_value(json_object_get(tr, "last_24h")) == 8 &&
	    json_real_value(json_object_get(tr, "ratio")) == 4,
	    "with its figures: 8 in the last day, 4 times the floor");
	CHECK_INT(json_array_size(json_object_get(tr, "stories")), 2,
	    "and the two stories behind it");
	CHECK_STR(json_string_value(json_object_get(json_array_get(
	    json_object_get(tr, "stories"), 0), "id")), "s2",
	    "newest first");
	CHECK(strstr(json_string_value(json_object_get(json_object_get(esc,
	    "item"), "title")), "varnia -> ostland") != NULL,
	    "its title says the pair, for the sinks");
	CHECK_STR(json_string_value(json_object_get(json_array_get(
	    json_object_get(esc, "hits"), 0), "sentence")), "Stories: s2; s1",
	    "its quoted sentence, the stories' titles");
	n = note(td, "s3", "retaliation", "critical", "varnia", "ostland",
	    T0 - 3 * HOUR, NULL);
	CHECK_INT(n, 0, "a third story raises no second alert");

	/* De-escalation dominates for kesh -> ostland, not for ostland ->
	 * varnia where the threat of today outweighs it. */
	n = note(td, "d1", "deescalation", "medium", "kesh", "ostland",
	    T0 - 2 * HOUR, NULL);
	n += note(td, "d2", "deescalation", "medium", "kesh", "ostland",
	    T0 - 2 * HOUR, &de);
	CHECK_INT(n, 1, "two de-escalation stories raise a de-escalation");
	CHECK_STR(json_string_value(json_object_get(de, "category")),
	    "deescalation", "of that kind");
	n = note(td, "d3", "deescalation", "medium", "ostland", "varnia",
	    T0 - 2 * HOUR, NULL);
	n += note(td, "d4", "deescalation", "low", "ostland", "varnia",
	    T0 - 2 * HOUR, NULL);
	CHECK_INT(n, 0, "not where threats weigh as much");

	memset(&seen, 0, sizeof(seen));
	CHECK(trend_db_each(store_db(st), T0, 2, count_pair, &seen) == 0,
	    "--trend reads the pairs");
	CHECK_INT(seen.pairs, 4, "two pairs with threats, two with "
	    "de-escalation: four rows");
	CHECK(seen.raised_ab && seen.ratio_ab == 6.5,
	    "varnia -> ostland stands raised at 13 over the floor");
	CHECK_INT(seen.raised_other, 0, "no other pair is");

	/* Reopened: the trend still stands. */
	trend_db_close(td);
	store_close(st);
	st = store_open(dir);
	td = st != NULL ? trend_db_open(st, &cfg) : NULL;
	CHECK(td != NULL, "the meter reopens");
	if (td == NULL)
		exit(99);
	n = note(td, "s4", "threat", "high", "varnia", "ostland",
	    T0 - HOUR, NULL);
	CHECK_INT(n, 0, "after a restart the standing trend is not raised "
	    "again");
	CHECK(trend_db_prune(td, T0 + 40 * TREND_DAY) == 0,
	    "old stories are pruned");
	memset(&seen, 0, sizeof(seen));
	trend_db_each(store_db(st), T0 + 40 * TREND_DAY, 2, count_pair,
	    &seen);
	CHECK_INT(seen.pairs, 0, "and gone from --trend");

	json_decref(esc);
	json_decref(de);
	trend_db_close(td);
	store_close(st);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	if (system(cmd) != 0)
		perror(cmd);
}

int
main(void)
{
	test_figures();
	test_db();
	return check_done();
}
