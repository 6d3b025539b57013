/*
 * spool.h: the durable queue of webhook posts, on the spool table of
 * the store (schema in store.h).  An alert is added inside its item's
 * transaction, so it is spooled if and only if the item is marked seen;
 * the webhook sink takes entries out in order once they were posted.
 * Every SQLite error is logged here with the database path; callers
 * propagate -1.
 */
#ifndef BRINK_SPOOL_H
#define BRINK_SPOOL_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include <sqlite3.h>

struct spool;

struct spool_entry {
	int64_t		 id;		/* rowid: the order of arrival */
	char		*alert_id;
	char		*body;		/* the alert record as JSON */
	time_t		 created;
	int		 attempts;
	time_t		 next_try;
};

/*
 * Prepare the statements for sink's entries on db (borrowed; path is
 * for messages).  NULL on error (logged).
 */
struct spool	*spool_open(sqlite3 *db, const char *path, const char *sink);
void		 spool_close(struct spool *);

/* Add an alert; one already spooled for this sink is left as it is.
 * 0, or -1 (logged). */
int		 spool_add(struct spool *, const char *alert_id,
		    const char *body, time_t now);
/*
 * The oldest max entries, in order, into out[] (filled with *n entries;
 * free each with spool_entry_clear).  0, or -1 (logged).
 */
int		 spool_peek(struct spool *, struct spool_entry *out,
		    size_t max, size_t *n);
void		 spool_entry_clear(struct spool_entry *);
/* Posted: forget the entry. */
int		 spool_remove(struct spool *, int64_t id);
/* Failed: count the attempt and wait until next_try. */
int		 spool_defer(struct spool *, int64_t id, int attempts,
		    time_t next_try);
/* How many entries wait; -1 on error. */
long		 spool_count(struct spool *);

#endif
