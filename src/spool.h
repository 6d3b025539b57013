/*
 * spool.h: the durable queue of webhook posts, on the spool table of
 * the store (schema in store.h).  An alert is added inside its item's
 * transaction, so it is spooled if and only if the item is marked seen;
 * the webhook sink takes entries out once they were posted.
 *
 * Taking an entry out never fails as far as the caller can see: when
 * the database refuses the delete (disk full, read-only), the entry is
 * gone from the queue in memory at once and the delete is tried again
 * with backoff, so that a posted alert is never posted again because
 * the bookkeeping failed.
 *
 * How long an entry waited is counted on a clock the caller gives (a
 * monotonic one, in seconds) while a spool is open, so that a step of
 * the wall clock neither ages nor rejuvenates it; the time accrued is
 * written back by spool_checkpoint.  Every SQLite error is logged here
 * with the database path; callers propagate -1.
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
	time_t		 created;	/* wall clock, for people */
	double		 waited;	/* seconds spent in the queue */
	int		 attempts;
	time_t		 next_try;	/* wall clock, for people */
};

/*
 * Prepare the statements for sink's entries on db (borrowed; path is
 * for messages); now is the caller's monotonic clock.  NULL on error
 * (logged).
 */
struct spool	*spool_open(sqlite3 *db, const char *path, const char *sink,
		    double now);
/* Close; the caller checkpoints first if it wants the waiting kept. */
void		 spool_close(struct spool *);

/* Add an alert; one already spooled for this sink is left as it is.
 * 0, or -1 (logged). */
int		 spool_add(struct spool *, const char *alert_id,
		    const char *body, time_t created, double now);
/*
 * The oldest (or, with newest set, the newest) max entries into out[],
 * in that order (filled with *n entries; free each with
 * spool_entry_clear).  0, or -1 (logged).
 */
int		 spool_peek(struct spool *, struct spool_entry *out,
		    size_t max, int newest, double now, size_t *n);
/* The entry with that rowid: 1 found, 0 gone, -1 on error (logged). */
int		 spool_get(struct spool *, int64_t id, double now,
		    struct spool_entry *out);
void		 spool_entry_clear(struct spool_entry *);
/* Posted or dropped: forget the entry (see above: cannot fail). */
void		 spool_remove(struct spool *, int64_t id, double now);
/*
 * Write the deletes the database refused before, if their backoff has
 * passed.  Returns the seconds until the next try, or -1 when nothing
 * waits to be written.
 */
double		 spool_retry_removals(struct spool *, double now);
/* Deletes not yet written, for the sink's own messages and tests. */
size_t		 spool_unwritten(const struct spool *);
/* Failed: count the attempt and when it is tried next.  0, or -1. */
int		 spool_defer(struct spool *, int64_t id, int attempts,
		    time_t next_try);
/* Write how long the entries waited until now.  0, or -1 (logged). */
int		 spool_checkpoint(struct spool *, double now);
/* The monotonic clock, in seconds, that the sinks give as now. */
double		 spool_clock(void);
/* How many entries wait; -1 on error. */
long		 spool_count(struct spool *);

#endif
