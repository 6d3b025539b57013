/*
 * cmd_trend.c: brinkd --trend [--json], the escalation meter read from
 * the state database (trend_db.h) without disturbing a running daemon:
 * per directed actor pair and kind, the last 24 hours, the last 7 days,
 * the baseline, the ratio and a 14-day sparkline; with --json, one
 * object per line for programs.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <jansson.h>
#include <sqlite3.h>

#include "alert.h"
#include "cmd.h"
#include "config.h"
#include "state_read.h"
#include "trend.h"
#include "trend_db.h"


struct trend_print {
	const struct config	*cfg;
	size_t			 pairs;
	int			 json;
};

static void
ignore_problem(void *arg, int is_error, const char *msg)
{
	(void)arg;
	if (is_error)
		fprintf(stderr, "%s\n", msg);
}

static json_t *
rounded(double v)
{
	return json_real((double)(long long)(v * 100 + 0.5) / 100);
}

static void
print_json(const struct trend_print *tp, const struct trend_pair *p)
{
	json_t *o, *days;
	char *line;
	int i;

	if ((o = json_object()) == NULL || (days = json_array()) == NULL)
		return;
	for (i = 0; i < TREND_DAYS; i++)
		json_array_append_new(days, rounded(p->fig.days[i]));
	json_object_set_new(o, "actor", json_string(p->actor));
	json_object_set_new(o, "target", *p->target != '\0' ?
	    json_string(p->target) : json_null());
	json_object_set_new(o, "kind", json_string(p->kind));
	json_object_set_new(o, "last_24h", rounded(p->fig.last_day));
	json_object_set_new(o, "last_7d", rounded(p->fig.last_week));
	json_object_set_new(o, "baseline", rounded(p->fig.baseline));
	json_object_set_new(o, "ratio", rounded(p->fig.ratio));
	json_object_set_new(o, "factor", rounded(tp->cfg->trend_factor));
	json_object_set_new(o, "days", days);
	json_object_set_new(o, "raised", p->raised != 0 ?
	    alert_time(p->raised) : json_null());
	if ((line = json_dumps(o, ALERT_JSON_FLAGS | JSON_PRESERVE_ORDER)) !=
	    NULL)
		printf("%s\n", line);
	free(line);
	json_decref(o);
}

static void
print_pair(void *arg, const struct trend_pair *p)
{
	struct trend_print *tp = arg;
	char spark[TREND_SPARK_LEN], pair[256];

	tp->pairs++;
	if (tp->json) {
		print_json(tp, p);
		return;
	}
	if (tp->pairs == 1)
		printf("%-28s %-12s %6s %6s %8s %6s  %-14s\n", "PAIR", "KIND",
		    "24H", "7D", "BASELINE", "RATIO", "14 DAYS");
	snprintf(pair, sizeof(pair), "%s -> %s", p->actor,
	    *p->target != '\0' ? p->target : "(anyone)");
	trend_sparkline(p->fig.days, spark);
	printf("%-28s %-12s %6.4g %6.4g %8.2f %6.2f  %s%s\n", pair, p->kind,
	    p->fig.last_day, p->fig.last_week, p->fig.baseline, p->fig.ratio,
	    spark, p->raised != 0 ? "  raised" : "");
}

int
cmd_trend(const char *config_path, int json)
{
	struct trend_print tp;
	struct config *cfg;
	sqlite3 *db = NULL;
	char *path = NULL;
	time_t now = time(NULL);
	int status = EXIT_BAD_INPUT;

	if ((cfg = config_load(config_path, ignore_problem, NULL)) == NULL)
		return EXIT_BAD_INPUT;
	if ((db = state_read_open(cfg, "--trend", &path)) == NULL)
		goto out;
	tp.cfg = cfg;
	tp.pairs = 0;
	tp.json = json;
	if (trend_db_each(db, now, cfg->trend_floor, print_pair, &tp) == -1) {
		fprintf(stderr, "brinkd: %s: %s (a brinkd of this version "
		    "records the meter once it has run)\n", path,
		    sqlite3_errmsg(db));
		goto out;
	}
	if (!json && tp.pairs == 0)
		printf("no stories in the last %d days\n",
		    TREND_BASELINE_DAYS + 1);
	else if (!json)
		printf("(weights: info 1 ... critical 5; ratio = 24h / "
		    "max(baseline, %.4g); %.4g or more raises a trend)\n",
		    cfg->trend_floor, cfg->trend_factor);
	status = EXIT_OK;
out:
	sqlite3_close(db);
	free(path);
	config_free(cfg);
	return status;
}
