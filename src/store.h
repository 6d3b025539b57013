/*
 * store.h: brink's state in one SQLite database, state_dir/brink.db (WAL
 * mode, schema version with migrations): feed state, seen items and the
 * webhook spool.  Every error is logged once here with the database path
 * and what to do; callers only propagate -1.
 *
 * Schema (version 6), which spool.c, brinkd --status and story_db.c rely
 * on:
 *
 *   feed_state(feed TEXT PRIMARY KEY, url TEXT, etag TEXT,
 *              last_modified TEXT, last_success INTEGER,
 *              failures INTEGER NOT NULL DEFAULT 0, next_due INTEGER,
 *              last_error TEXT)   (last_error: version 6)
 *   seen(feed TEXT NOT NULL, key TEXT NOT NULL, first_seen INTEGER NOT NULL,
 *        last_listed INTEGER NOT NULL, PRIMARY KEY (feed, key))
 *   spool(id INTEGER PRIMARY KEY, sink TEXT NOT NULL, alert_id TEXT NOT NULL,
 *         body TEXT NOT NULL, created INTEGER NOT NULL,
 *         attempts INTEGER NOT NULL DEFAULT 0,
 *         next_try INTEGER NOT NULL DEFAULT 0, UNIQUE (sink, alert_id),
 *         waited REAL NOT NULL DEFAULT 0)   (version 2)
 *   alert_log(alert_id TEXT PRIMARY KEY, feed TEXT NOT NULL,
 *             time INTEGER NOT NULL, severity TEXT, category TEXT)
 *             (version 3; rows older than 7 days are pruned)
 *
 *   story, story_article, story_sent (version 4): see story_db.c and the
 *   migration
 *   trend_story, trend_raised (version 5): see trend_db.c
 *
 * Times are Unix seconds; spool.waited counts seconds on a monotonic
 * clock, relative to the open spool (spool.h).  spool.body is the alert record as JSON; the
 * webhook sink formats it when it posts.
 */
#ifndef BRINK_STORE_H
#define BRINK_STORE_H

#include <time.h>

#include <sqlite3.h>

struct store;

struct store_feed_state {
	char	*url;			/* the URL the validators came from;
					   NULL if none (ignored by put) */
	char	*etag;			/* NULL if none */
	char	*last_modified;		/* NULL if none */
	time_t	 last_success;		/* 0: never */
	int	 failures;		/* consecutive */
	time_t	 next_due;		/* 0: now */
	char	*last_error;		/* why the last poll failed; NULL
					   after a success (version 6) */
};

/* Open (creating and migrating) state_dir/brink.db; with state_dir NULL,
 * a database in memory that ends with store_close.  NULL on error. */
struct store	*store_open(const char *state_dir);
/* After store_open failed: 1 if the cause may pass by itself (a lock
 * held by another process, a full disk, an I/O error), 0 if it is the
 * set-up (a database that is damaged, empty or read-only, a state_dir
 * that is not a directory), which a restart would only repeat. */
int		 store_open_transient(void);
void		 store_close(struct store *);
/* The open handle, for modules that own their own tables (spool.c). */
sqlite3		*store_db(struct store *);
const char	*store_path(const struct store *);

/*
 * One transaction at a time: the items of one fetched feed share one,
 * each item's alerts and seen mark inside it (pipeline.c).
 */
int		 store_begin(struct store *);
int		 store_commit(struct store *);
void		 store_rollback(struct store *);
/*
 * Inside a transaction, one item's writes: begin, then end to keep them
 * or undo to take them back and go on with the next item.  undo returns
 * -1 when the whole transaction is gone (SQLite rolled it back itself on
 * a full disk or an I/O error; logged): stop and report the failure.
 */
int		 store_item_begin(struct store *);
int		 store_item_end(struct store *);
int		 store_item_undo(struct store *);
/* An item that failed without store_item_begin, its one write undone
 * by SQLite: 0, or -1 when the transaction is gone (as store_item_undo). */
int		 store_item_failed(struct store *);

/* 1 seen, 0 new, -1 error. */
int		 store_is_seen(struct store *, const char *feed, const char *key);
int		 store_mark_seen(struct store *, const char *feed,
		    const char *key, time_t now);
/* The item is still in the feed: keeps it from being pruned. */
int		 store_touch_seen(struct store *, const char *feed,
		    const char *key, time_t now);
/* Forget items of feed not listed since before now - retention (and
 * alert log rows older than 7 days). */
int		 store_prune(struct store *, const char *feed, time_t now,
		    double retention);
/* 1 if the feed was never polled successfully (no seen items, no success). */
int		 store_feed_is_new(struct store *, const char *feed);

/* Fill st (caller frees with store_feed_state_clear); all zero if unknown. */
int		 store_get_feed(struct store *, const char *feed,
		    struct store_feed_state *st);
int		 store_put_feed(struct store *, const char *feed,
		    const char *url, const struct store_feed_state *st);
void		 store_feed_state_clear(struct store_feed_state *);
/* Replace st's last_error with a copy of error (NULL or "": none). */
void		 store_feed_state_set_error(struct store_feed_state *,
		    const char *error);

/* Note an alert raised, in the item's transaction (--status counts). */
int		 store_log_alert(struct store *, const char *alert_id,
		    const char *feed, time_t when, const char *severity,
		    const char *category);

/* A one-line picture for systemd's STATUS=. */
struct store_summary {
	int	failing_feeds;		/* failures in a row > 0 */
	int	alerts_hour;		/* raised in the last hour */
	int	spooled;		/* webhook posts waiting */
};
int		 store_summary(struct store *, time_t now,
		    struct store_summary *);

#endif
