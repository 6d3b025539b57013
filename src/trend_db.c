/*
 * trend_db.c: the escalation meter in the SQLite store (trend_db.h).
 * Tables, from store.c's migration 5:
 *
 *   trend_story(story, actor, target, family, weight, time, title)
 *         one row per story and directed pair; family is story.h's
 *         ("hostile" or "deescalation"), weight the story's highest
 *         severity as trend_weight, time its first article's date (the
 *         item's own where it has one, else when it was seen), title
 *         that article's
 *   trend_raised(actor, target, kind, raised)   the trend alerts
 *         standing: one per pair and kind until its ratio falls back
 *
 * A pair's figures read only its own rows of the last TREND_SPAN (an
 * index), a few dozen at most, so the cost stays flat as the table
 * grows.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>
#include <sqlite3.h>

#include "alert.h"
#include "config.h"
#include "db_stmt.h"
#include "hash.h"
#include "log.h"
#include "store.h"
#include "story.h"
#include "story_db.h"
#include "trend.h"
#include "trend_db.h"

#define PRUNE_EVERY	60	/* seconds between two prunes */
#define POINTS_MAX	4096	/* stories read for one pair's figures */
#define BEHIND_MAX	20	/* stories named in one trend alert */

enum {
	SQ_ADD,
	SQ_WEIGH,
	SQ_POINTS,
	SQ_BEHIND,
	SQ_GET_RAISED,
	SQ_PUT_RAISED,
	SQ_CLEAR_RAISED,
	SQ_PRUNE,
	SQ_PRUNE_RAISED,
	SQ_COUNT
};

static const char *const trend_sql[SQ_COUNT] = {
	[SQ_ADD] = "INSERT OR IGNORE INTO trend_story (story, actor, target,"
	    " family, weight, time, title) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[SQ_WEIGH] = "UPDATE trend_story SET weight = max(weight, ?4)"
	    " WHERE story = ?1 AND actor = ?2 AND target = ?3",
	[SQ_POINTS] = "SELECT time, weight FROM trend_story WHERE actor = ?1"
	    " AND target = ?2 AND family = ?3 AND time > ?4 LIMIT 4096",
	[SQ_BEHIND] = "SELECT story, time, weight, title FROM trend_story"
	    " WHERE actor = ?1 AND target = ?2 AND family = ?3 AND time > ?4"
	    " AND time <= ?5 ORDER BY time DESC LIMIT 20",
	[SQ_GET_RAISED] = "SELECT raised FROM trend_raised WHERE actor = ?1"
	    " AND target = ?2 AND kind = ?3",
	[SQ_PUT_RAISED] = "INSERT OR REPLACE INTO trend_raised (actor, target,"
	    " kind, raised) VALUES (?1, ?2, ?3, ?4)",
	[SQ_CLEAR_RAISED] = "DELETE FROM trend_raised WHERE actor = ?1"
	    " AND target = ?2 AND kind = ?3",
	[SQ_PRUNE] = "DELETE FROM trend_story WHERE time < ?1",
	[SQ_PRUNE_RAISED] = "DELETE FROM trend_raised WHERE raised < ?1",
};

struct trend_db {
	struct store		*store;
	sqlite3			*db;
	sqlite3_stmt		*stmt[SQ_COUNT];
	const struct config	*cfg;
	time_t			 pruned;
};

/* A pair being weighed, and what kind of trend its family makes. */
struct trend_key {
	const char	*actor;
	const char	*target;
	const char	*family;
	const char	*kind;
};

static int
trend_db_fail(struct trend_db *td, const char *what)
{
	log_error("store %s: escalation meter: %s: %s (see brinkd(8) on the "
	    "store)", store_path(td->store), what, sqlite3_errmsg(td->db));
	return -1;
}

static sqlite3_stmt *
trend_db_stmt(struct trend_db *td, int which)
{
	return db_stmt_fresh(td->stmt[which]);
}

static int
trend_db_done(struct trend_db *td, sqlite3_stmt *st, const char *what)
{
	return db_stmt_run(st) == SQLITE_DONE ? 0 : trend_db_fail(td, what);
}

struct trend_db *
trend_db_open(struct store *store, const struct config *cfg)
{
	struct trend_db *td;

	if ((td = calloc(1, sizeof(*td))) == NULL)
		log_fatal("out of memory");
	td->store = store;
	td->db = store_db(store);
	td->cfg = cfg;
	if (db_stmt_prepare_all(td->db, trend_sql, SQ_COUNT, td->stmt) !=
	    SQLITE_OK) {
		trend_db_fail(td, "preparing a statement");
		trend_db_close(td);
		return NULL;
	}
	return td;
}

void
trend_db_configure(struct trend_db *td, const struct config *cfg)
{
	td->cfg = cfg;
}

void
trend_db_close(struct trend_db *td)
{
	if (td == NULL)
		return;
	db_stmt_finalize_all(td->stmt, SQ_COUNT);
	free(td);
}

static void
trend_bind_key(sqlite3_stmt *st, const struct trend_key *k)
{
	sqlite3_bind_text(st, 1, k->actor, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, k->target, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, k->family, -1, SQLITE_STATIC);
}

/*
 * Step st (SQ_POINTS, bound to a pair, family and the span's start) and
 * compute its figures at now with floor.  0, or -1 with the handle's
 * error.  Shared by the daemon and brinkd --trend.
 */
static int
trend_read_figures(sqlite3_stmt *st, time_t now, double floor,
    struct trend_figures *fig)
{
	struct trend_point *points;
	size_t n = 0;
	int rc;

	/* malloc, not calloc: only the n points read are looked at, and
	 * zeroing all POINTS_MAX cost more than the figures (17 M
	 * instructions of a cold poll of 261 alerts). */
	if ((points = malloc(POINTS_MAX * sizeof(*points))) == NULL)
		log_fatal("out of memory");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < POINTS_MAX) {
		points[n].time = (time_t)sqlite3_column_int64(st, 0);
		points[n].weight = sqlite3_column_int(st, 1);
		n++;
	}
	sqlite3_reset(st);
	trend_figures(points, n, now, floor, fig);
	free(points);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

/* The figures of a pair's family at now.  0 or -1 (logged). */
static int
trend_db_figures(struct trend_db *td, const struct trend_key *k, time_t now,
    struct trend_figures *fig)
{
	sqlite3_stmt *st = trend_db_stmt(td, SQ_POINTS);

	trend_bind_key(st, k);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)(now - TREND_SPAN));
	if (trend_read_figures(st, now, td->cfg->trend_floor, fig) == -1)
		return trend_db_fail(td, "reading a pair's stories");
	return 0;
}

/* "iran -> israel", or "iran -> (anyone)" without a target; caller
 * frees. */
static char *
trend_pair_name(const struct trend_key *k)
{
	char *s;

	if (asprintf(&s, "%s -> %s", k->actor, *k->target != '\0' ?
	    k->target : "(anyone)") == -1)
		log_fatal("out of memory");
	return s;
}

static json_t *
trend_names(const char *name)
{
	json_t *a = json_array();

	if (a == NULL)
		log_fatal("out of memory");
	if (*name != '\0')
		json_array_append_new(a, json_string(name));
	return a;
}

static json_t *
trend_days(const struct trend_figures *fig)
{
	json_t *a = json_array();
	int i;

	if (a == NULL)
		log_fatal("out of memory");
	for (i = 0; i < TREND_DAYS; i++)
		json_array_append_new(a, json_real(fig->days[i]));
	return a;
}

/* A figure rounded to two decimals, as people read it. */
static json_t *
trend_number(double v)
{
	return json_real((double)(long long)(v * 100 + 0.5) / 100);
}

/* The stories of the last 24 hours behind a trend, newest first. */
static int
trend_db_behind(struct trend_db *td, const struct trend_key *k, time_t now,
    json_t *stories)
{
	sqlite3_stmt *st = trend_db_stmt(td, SQ_BEHIND);
	const char *title;
	json_t *o, *t;
	int rc;

	trend_bind_key(st, k);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)(now - TREND_DAY));
	sqlite3_bind_int64(st, 5, (sqlite3_int64)now);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((o = json_object()) == NULL)
			log_fatal("out of memory");
		title = (const char *)sqlite3_column_text(st, 3);
		json_object_set_new(o, "id", json_string((const char *)
		    sqlite3_column_text(st, 0)));
		json_object_set_new(o, "time", alert_time((time_t)
		    sqlite3_column_int64(st, 1)));
		json_object_set_new(o, "weight",
		    json_integer(sqlite3_column_int(st, 2)));
		/* A title that is not UTF-8 (from --match on a plain
		 * file) is left out rather than the alert. */
		if (title == NULL || (t = json_string(title)) == NULL)
			t = json_string("");
		json_object_set_new(o, "title", t);
		json_array_append_new(stories, o);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return trend_db_fail(td, "reading the stories of a trend");
	return 0;
}

/* The titles of the stories behind a trend, for people: "Stories: A;
 * B; C and 2 more". */
static json_t *
trend_behind_text(const json_t *stories)
{
	const json_t *o;
	json_t *out;
	char *buf;
	size_t i, len, shown = 0;
	FILE *f;

	if ((f = open_memstream(&buf, &len)) == NULL)
		log_fatal("out of memory");
	fputs("Stories:", f);
	json_array_foreach(stories, i, o) {
		if (shown == 5)
			break;
		fprintf(f, "%s %s", shown > 0 ? ";" : "", json_string_value(
		    json_object_get(o, "title")));
		shown++;
	}
	if (json_array_size(stories) > shown)
		fprintf(f, " and %zu more", json_array_size(stories) - shown);
	if (fclose(f) != 0)
		log_fatal("out of memory");
	out = json_string(buf);
	free(buf);
	return out != NULL ? out : json_string("");
}

/*
 * The trend alert: shaped as an article's (DESIGN.md, "The alert") so
 * that every sink reads it as it reads the others, with the figures as
 * its title and sentence, no feed, and a "trend" object for programs.
 */
static json_t *
trend_alert(struct trend_db *td, const struct trend_key *k,
    const struct trend_figures *fig, time_t now)
{
	const char *severity = strcmp(k->kind, "escalation") == 0 ? "high" :
	    "medium";
	json_t *alert, *item, *hit, *trend, *stories;
	char id[HASH_HEX_LEN + 1], when[32], *pair, *text;
	double floor = td->cfg->trend_floor;

	snprintf(when, sizeof(when), "%lld", (long long)now);
	hash_hex(hash_strings("trend", k->kind, k->actor, k->target, when,
	    NULL), id);
	pair = trend_pair_name(k);
	if (asprintf(&text, "%s %s: weight %.4g in the last 24 hours, %.3g "
	    "times its baseline of %.2g a day (floor %.4g, factor %.4g)",
	    strcmp(k->kind, "escalation") == 0 ? "escalation" :
	    "de-escalation", pair, fig->last_day, fig->ratio, fig->baseline,
	    floor, td->cfg->trend_factor) == -1)
		log_fatal("out of memory");
	if ((alert = json_object()) == NULL || (item = json_object()) ==
	    NULL || (hit = json_object()) == NULL || (trend = json_object()) ==
	    NULL || (stories = json_array()) == NULL)
		log_fatal("out of memory");
	if (trend_db_behind(td, k, now, stories) == -1) {
		json_decref(alert);
		json_decref(item);
		json_decref(hit);
		json_decref(trend);
		json_decref(stories);
		free(pair);
		free(text);
		return NULL;
	}
	json_object_set_new(alert, "id", json_string(id));
	json_object_set_new(alert, "time", alert_time(now));
	json_object_set_new(alert, "severity", json_string(severity));
	json_object_set_new(alert, "category", json_string(k->kind));
	json_object_set_new(alert, "rule", json_string("trend"));
	json_object_set_new(alert, "feed", json_null());
	json_object_set_new(item, "id", json_null());
	json_object_set_new(item, "title", json_string(text));
	json_object_set_new(item, "link", json_null());
	json_object_set_new(item, "published", json_null());
	json_object_set_new(alert, "item", item);
	json_object_set_new(alert, "actors", trend_names(k->actor));
	json_object_set_new(alert, "targets", trend_names(k->target));
	json_object_set_new(hit, "rule", json_string("trend"));
	json_object_set_new(hit, "category", json_string(k->kind));
	json_object_set_new(hit, "severity", json_string(severity));
	json_object_set_new(hit, "sentence", trend_behind_text(stories));
	json_object_set_new(hit, "terms", json_array());
	json_object_set_new(hit, "actors", trend_names(k->actor));
	json_object_set_new(hit, "targets", trend_names(k->target));
	json_object_set_new(alert, "hits", json_pack("[o]", hit));
	json_object_set_new(trend, "actor", json_string(k->actor));
	json_object_set_new(trend, "target", *k->target != '\0' ?
	    json_string(k->target) : json_null());
	json_object_set_new(trend, "last_24h", trend_number(fig->last_day));
	json_object_set_new(trend, "last_7d", trend_number(fig->last_week));
	json_object_set_new(trend, "baseline", trend_number(fig->baseline));
	json_object_set_new(trend, "floor", trend_number(floor));
	json_object_set_new(trend, "ratio", trend_number(fig->ratio));
	json_object_set_new(trend, "factor",
	    trend_number(td->cfg->trend_factor));
	json_object_set_new(trend, "days", trend_days(fig));
	json_object_set_new(trend, "stories", stories);
	json_object_set_new(alert, "trend", trend);
	free(pair);
	free(text);
	return alert;
}

/* Is a trend of this pair and kind standing?  1, 0, or -1 (logged). */
static int
trend_db_standing(struct trend_db *td, const struct trend_key *k)
{
	sqlite3_stmt *st = trend_db_stmt(td, SQ_GET_RAISED);
	int rc;

	sqlite3_bind_text(st, 1, k->actor, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, k->target, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, k->kind, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return trend_db_fail(td, "reading the trends standing");
}

static int
trend_db_mark(struct trend_db *td, const struct trend_key *k, time_t now,
    int raise)
{
	sqlite3_stmt *st = trend_db_stmt(td, raise ? SQ_PUT_RAISED :
	    SQ_CLEAR_RAISED);

	sqlite3_bind_text(st, 1, k->actor, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, k->target, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, k->kind, -1, SQLITE_STATIC);
	if (raise)
		sqlite3_bind_int64(st, 4, (sqlite3_int64)now);
	return trend_db_done(td, st, "recording a trend");
}

/* Weigh a pair after a story joined it: raise its trend alert into
 * raised when it crosses the factor, stand it down when it fell back. */
static int
trend_db_weigh(struct trend_db *td, const struct trend_key *k, time_t now,
    json_t *raised)
{
	struct trend_figures fig, hostile;
	struct trend_key other;
	json_t *alert;
	int over, standing;

	if (trend_db_figures(td, k, now, &fig) == -1)
		return -1;
	over = fig.ratio >= td->cfg->trend_factor;
	if (over && strcmp(k->family, "hostile") != 0) {
		/* De-escalation must also outweigh the hostile stories. */
		other = *k;
		other.family = "hostile";
		if (trend_db_figures(td, &other, now, &hostile) == -1)
			return -1;
		over = fig.last_day > hostile.last_day;
	}
	if ((standing = trend_db_standing(td, k)) == -1)
		return -1;
	if (!over)
		return standing ? trend_db_mark(td, k, now, 0) : 0;
	if (standing)
		return 0;
	if ((alert = trend_alert(td, k, &fig, now)) == NULL)
		return -1;
	json_array_append_new(raised, alert);
	return trend_db_mark(td, k, now, 1);
}

/* Put the story into one pair's series (once; its weight the highest). */
static int
trend_db_add(struct trend_db *td, const char *story,
    const struct trend_key *k, int weight, time_t t, const char *title)
{
	sqlite3_stmt *st = trend_db_stmt(td, SQ_ADD);

	sqlite3_bind_text(st, 1, story, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, k->actor, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, k->target, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, k->family, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 5, weight);
	sqlite3_bind_int64(st, 6, (sqlite3_int64)t);
	sqlite3_bind_text(st, 7, title, -1, SQLITE_STATIC);
	if (trend_db_done(td, st, "recording a story of a pair") == -1)
		return -1;
	st = trend_db_stmt(td, SQ_WEIGH);
	sqlite3_bind_text(st, 1, story, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, k->actor, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, k->target, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, weight);
	return trend_db_done(td, st, "weighing a story of a pair");
}

int
trend_db_note(struct trend_db *td, const json_t *alert, time_t now,
    json_t **raised)
{
	const json_t *actors, *targets, *a, *b;
	struct trend_key k;
	const char *story, *title;
	time_t t;
	size_t i, j, n_targets;
	int weight;

	*raised = NULL;
	story = json_string_value(json_object_get(json_object_get(alert,
	    "story"), "id"));
	k.family = story_family(json_string_value(json_object_get(alert,
	    "category")));
	if (strcmp(k.family, "hostile") == 0)
		k.kind = "escalation";
	else if (strcmp(k.family, "deescalation") == 0)
		k.kind = "deescalation";
	else
		return 0;
	if (story == NULL)
		return 0;
	if ((title = json_string_value(json_object_get(json_object_get(alert,
	    "item"), "title"))) == NULL)
		title = "";
	weight = trend_weight(alert_severity(alert));
	t = story_db_time(alert, now);
	actors = json_object_get(alert, "actors");
	targets = json_object_get(alert, "targets");
	n_targets = json_array_size(targets);
	if ((*raised = json_array()) == NULL)
		log_fatal("out of memory");
	json_array_foreach(actors, i, a) {
		if ((k.actor = json_string_value(a)) == NULL)
			continue;
		/* An alert that names no target still counts, for the
		 * actor against "(anyone)". */
		for (j = 0; j < (n_targets > 0 ? n_targets : 1); j++) {
			b = json_array_get(targets, j);
			k.target = b != NULL && json_string_value(b) != NULL ?
			    json_string_value(b) : "";
			if (strcmp(k.actor, k.target) == 0)
				continue;
			if (trend_db_add(td, story, &k, weight, t,
			    title) == -1 ||
			    trend_db_weigh(td, &k, now, *raised) == -1)
				goto fail;
		}
	}
	if (json_array_size(*raised) == 0) {
		json_decref(*raised);
		*raised = NULL;
	}
	return 0;
fail:
	json_decref(*raised);
	*raised = NULL;
	return -1;
}

int
trend_db_prune(struct trend_db *td, time_t now)
{
	sqlite3_stmt *st;

	if (td->pruned != 0 && difftime(now, td->pruned) < PRUNE_EVERY)
		return 0;
	st = trend_db_stmt(td, SQ_PRUNE);
	sqlite3_bind_int64(st, 1, (sqlite3_int64)(now - TREND_SPAN));
	if (trend_db_done(td, st, "pruning old stories") == -1)
		return -1;
	/* A trend with no story left in the span cannot be standing. */
	st = trend_db_stmt(td, SQ_PRUNE_RAISED);
	sqlite3_bind_int64(st, 1, (sqlite3_int64)(now - TREND_SPAN));
	if (trend_db_done(td, st, "pruning old trends") == -1)
		return -1;
	td->pruned = now;
	return 0;
}

int
trend_db_each(sqlite3 *db, time_t now, double floor,
    void (*fn)(void *arg, const struct trend_pair *), void *arg)
{
	sqlite3_stmt *pairs = NULL, *points = NULL, *raised = NULL;
	struct trend_pair p;
	const char *family;
	int rc = -1, r;

	if (sqlite3_prepare_v2(db, "SELECT DISTINCT actor, target, family"
	    " FROM trend_story WHERE time > ?1 ORDER BY actor, target,"
	    " family DESC", -1, &pairs, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, trend_sql[SQ_POINTS], -1, &points,
	    NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, trend_sql[SQ_GET_RAISED], -1, &raised,
	    NULL) != SQLITE_OK)
		goto out;
	sqlite3_bind_int64(pairs, 1, (sqlite3_int64)(now - TREND_SPAN));
	while ((r = sqlite3_step(pairs)) == SQLITE_ROW) {
		memset(&p, 0, sizeof(p));
		p.actor = (const char *)sqlite3_column_text(pairs, 0);
		p.target = (const char *)sqlite3_column_text(pairs, 1);
		family = (const char *)sqlite3_column_text(pairs, 2);
		if (p.actor == NULL || p.target == NULL || family == NULL)
			continue;
		p.kind = strcmp(family, "hostile") == 0 ? "escalation" :
		    "deescalation";
		sqlite3_bind_text(points, 1, p.actor, -1, SQLITE_STATIC);
		sqlite3_bind_text(points, 2, p.target, -1, SQLITE_STATIC);
		sqlite3_bind_text(points, 3, family, -1, SQLITE_STATIC);
		sqlite3_bind_int64(points, 4, (sqlite3_int64)(now -
		    TREND_SPAN));
		if (trend_read_figures(points, now, floor, &p.fig) == -1)
			goto out;
		sqlite3_bind_text(raised, 1, p.actor, -1, SQLITE_STATIC);
		sqlite3_bind_text(raised, 2, p.target, -1, SQLITE_STATIC);
		sqlite3_bind_text(raised, 3, p.kind, -1, SQLITE_STATIC);
		if ((r = sqlite3_step(raised)) == SQLITE_ROW)
			p.raised = (time_t)sqlite3_column_int64(raised, 0);
		sqlite3_reset(raised);
		if (r != SQLITE_ROW && r != SQLITE_DONE)
			goto out;
		fn(arg, &p);
	}
	if (r == SQLITE_DONE)
		rc = 0;
out:
	sqlite3_finalize(pairs);
	sqlite3_finalize(points);
	sqlite3_finalize(raised);
	return rc;
}
