/*
 * trend_db.h: the escalation meter in the store (trend.h says what it
 * measures).  Each alert that joined a story adds the story, once, to
 * the series of every directed pair it names (actor -> target; "" when
 * the alert names no target), in the item's transaction.  When a pair's
 * last 24 hours reach trend_factor times its baseline, one trend alert
 * is raised for the sinks:
 *
 *   "escalation"    threat and retaliation stories
 *   "deescalation"  de-escalation stories, when they also outweigh the
 *                   pair's hostile ones in the last 24 hours
 *
 * and no other for that pair and kind until its ratio has fallen below
 * the factor again.
 */
#ifndef BRINK_TREND_DB_H
#define BRINK_TREND_DB_H

#include <time.h>

#include <jansson.h>
#include <sqlite3.h>

#include "config.h"
#include "trend.h"

struct store;
struct trend_db;

/* The meter in store (borrowed until trend_db_close), with the factor
 * and floor of cfg (borrowed until the next trend_db_configure).  NULL
 * on error (logged). */
struct trend_db	*trend_db_open(struct store *store, const struct config *cfg);
void		 trend_db_configure(struct trend_db *, const struct config *cfg);
void		 trend_db_close(struct trend_db *);

/*
 * Add alert (with its "story" object, from story_db_join) to the series
 * of its pairs at now.  *raised is set to a new JSON array of the trend
 * alerts to deliver (caller decrefs), or NULL when there are none.
 * Returns 0, or -1 on a store error (logged; the caller rolls back).
 */
int		 trend_db_note(struct trend_db *, const json_t *alert,
		    time_t now, json_t **raised);

/* Forget stories older than the meter reads; at most once a minute.
 * 0 or -1 (logged). */
int		 trend_db_prune(struct trend_db *, time_t now);

/* One pair and kind, for brinkd --trend. */
struct trend_pair {
	const char		*actor;
	const char		*target;	/* "" when none was named */
	const char		*kind;		/* "escalation", "deescalation" */
	struct trend_figures	 fig;
	time_t			 raised;	/* 0: no alert standing */
};

/*
 * Call fn for every pair and kind with a story in the last TREND_SPAN
 * before now, in db (a handle of a store of version 5 or later, which
 * may be read-only), by actor, target and kind.  Returns 0, or -1 with
 * db's error (not logged: the caller says it).
 */
int		 trend_db_each(sqlite3 *db, time_t now, double floor,
		    void (*fn)(void *arg, const struct trend_pair *),
		    void *arg);

#endif
