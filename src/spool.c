/*
 * spool.c: webhook posts that survive restarts; see spool.h.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "log.h"
#include "spool.h"

/* Deletes the database refused are tried again after this, doubling. */
#define UNWRITTEN_RETRY_FIRST	1.0
#define UNWRITTEN_RETRY_MAX	60.0

enum {
	STMT_ADD,
	STMT_PEEK,
	STMT_PEEK_NEWEST,
	STMT_GET,
	STMT_REMOVE,
	STMT_DEFER,
	STMT_CHECKPOINT,
	STMT_COUNT,
	STMT_N
};

#define SPOOL_COLUMNS	"id, alert_id, body, created, attempts, next_try, " \
	"waited"

static const char *const spool_sql[STMT_N] = {
	[STMT_ADD] = "INSERT OR IGNORE INTO spool (sink, alert_id, body, "
	    "created, waited) VALUES (?1, ?2, ?3, ?4, ?5)",
	[STMT_PEEK] = "SELECT " SPOOL_COLUMNS " FROM spool WHERE sink = ?1 "
	    "ORDER BY id LIMIT ?2",
	[STMT_PEEK_NEWEST] = "SELECT " SPOOL_COLUMNS " FROM spool "
	    "WHERE sink = ?1 ORDER BY id DESC LIMIT ?2",
	[STMT_GET] = "SELECT " SPOOL_COLUMNS " FROM spool WHERE id = ?1",
	[STMT_REMOVE] = "DELETE FROM spool WHERE id = ?1",
	[STMT_DEFER] = "UPDATE spool SET attempts = ?2, next_try = ?3 "
	    "WHERE id = ?1",
	[STMT_CHECKPOINT] = "UPDATE spool SET waited = waited + ?2 "
	    "WHERE sink = ?1",
	[STMT_COUNT] = "SELECT count(*) FROM spool WHERE sink = ?1",
};

struct spool {
	sqlite3		*db;
	char		*path;
	char		*sink;
	sqlite3_stmt	*stmt[STMT_N];
	/* The column waited holds the seconds an entry waited until base
	 * on the caller's clock: an entry added at t holds base - t. */
	double		 base;
	/* Removed, but the database refused the delete: sorted rowids. */
	int64_t		*unwritten;
	size_t		 n_unwritten, cap_unwritten;
	double		 retry_at, retry_delay;
};

static int
spool_fail(struct spool *sp, const char *what)
{
	log_error("sink %s: spool in %s: cannot %s: %s", sp->sink, sp->path,
	    what, sqlite3_errmsg(sp->db));
	return -1;
}

struct spool *
spool_open(sqlite3 *db, const char *path, const char *sink, double now)
{
	struct spool *sp;
	int i;

	if ((sp = calloc(1, sizeof(*sp))) == NULL ||
	    (sp->path = strdup(path)) == NULL ||
	    (sp->sink = strdup(sink)) == NULL)
		log_fatal("out of memory");
	sp->db = db;
	sp->base = now;
	for (i = 0; i < STMT_N; i++) {
		if (sqlite3_prepare_v2(db, spool_sql[i], -1, &sp->stmt[i],
		    NULL) != SQLITE_OK) {
			spool_fail(sp, "prepare its statements");
			spool_close(sp);
			return NULL;
		}
	}
	return sp;
}

void
spool_close(struct spool *sp)
{
	int i;

	if (sp == NULL)
		return;
	if (sp->n_unwritten > 0)
		log_warn("sink %s: %zu posted alert%s could not be taken out "
		    "of the spool in %s; after a restart they are posted "
		    "again", sp->sink, sp->n_unwritten,
		    sp->n_unwritten == 1 ? "" : "s", sp->path);
	for (i = 0; i < STMT_N; i++)
		sqlite3_finalize(sp->stmt[i]);
	free(sp->unwritten);
	free(sp->path);
	free(sp->sink);
	free(sp);
}

/* Run a statement that returns no rows, and reset it. */
static int
spool_exec(struct spool *sp, sqlite3_stmt *st, const char *what)
{
	int rc;

	rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE)
		return what != NULL ? spool_fail(sp, what) : -1;
	return 0;
}

int
spool_add(struct spool *sp, const char *alert_id, const char *body,
    time_t created, double now)
{
	sqlite3_stmt *st = sp->stmt[STMT_ADD];

	sqlite3_bind_text(st, 1, sp->sink, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, alert_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, body, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)created);
	sqlite3_bind_double(st, 5, sp->base - now);
	return spool_exec(sp, st, "add an alert");
}

/* Where id is, or would go, in the sorted unwritten list. */
static size_t
unwritten_find(const struct spool *sp, int64_t id)
{
	size_t lo = 0, hi = sp->n_unwritten, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (sp->unwritten[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int
unwritten_has(const struct spool *sp, int64_t id)
{
	size_t at = unwritten_find(sp, id);

	return at < sp->n_unwritten && sp->unwritten[at] == id;
}

static char *
column_dup(sqlite3_stmt *st, int col)
{
	const unsigned char *s = sqlite3_column_text(st, col);
	char *out;

	if ((out = strdup(s != NULL ? (const char *)s : "")) == NULL)
		log_fatal("out of memory");
	return out;
}

static void
row_take(const struct spool *sp, sqlite3_stmt *st, double now,
    struct spool_entry *e)
{
	e->id = sqlite3_column_int64(st, 0);
	e->alert_id = column_dup(st, 1);
	e->body = column_dup(st, 2);
	e->created = (time_t)sqlite3_column_int64(st, 3);
	e->attempts = sqlite3_column_int(st, 4);
	e->next_try = (time_t)sqlite3_column_int64(st, 5);
	e->waited = sqlite3_column_double(st, 6) + (now - sp->base);
}

int
spool_peek(struct spool *sp, struct spool_entry *out, size_t max,
    int newest, double now, size_t *n)
{
	sqlite3_stmt *st = sp->stmt[newest ? STMT_PEEK_NEWEST : STMT_PEEK];
	int rc = SQLITE_DONE;

	*n = 0;
	sqlite3_bind_text(st, 1, sp->sink, -1, SQLITE_STATIC);
	/* Entries taken out in memory only are read, and skipped. */
	sqlite3_bind_int64(st, 2, (sqlite3_int64)(max + sp->n_unwritten));
	while (*n < max && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (unwritten_has(sp, sqlite3_column_int64(st, 0)))
			continue;
		row_take(sp, st, now, &out[(*n)++]);
	}
	if (*n == max)
		rc = SQLITE_DONE;
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE) {
		while (*n > 0)
			spool_entry_clear(&out[--(*n)]);
		return spool_fail(sp, "read the queue");
	}
	return 0;
}

int
spool_get(struct spool *sp, int64_t id, double now, struct spool_entry *out)
{
	sqlite3_stmt *st = sp->stmt[STMT_GET];
	int rc, found = 0;

	if (unwritten_has(sp, id))
		return 0;
	sqlite3_bind_int64(st, 1, (sqlite3_int64)id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		row_take(sp, st, now, out);
		found = 1;
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return spool_fail(sp, "read a queued alert");
	return found;
}

void
spool_entry_clear(struct spool_entry *e)
{
	free(e->alert_id);
	free(e->body);
	memset(e, 0, sizeof(*e));
}

static int
spool_delete(struct spool *sp, int64_t id)
{
	sqlite3_stmt *st = sp->stmt[STMT_REMOVE];

	sqlite3_bind_int64(st, 1, (sqlite3_int64)id);
	return spool_exec(sp, st, NULL);
}

static void
unwritten_add(struct spool *sp, int64_t id)
{
	size_t at = unwritten_find(sp, id);
	int64_t *grown;

	if (at < sp->n_unwritten && sp->unwritten[at] == id)
		return;
	if (sp->n_unwritten == sp->cap_unwritten) {
		sp->cap_unwritten = sp->cap_unwritten ? 2 * sp->cap_unwritten :
		    64;
		if ((grown = reallocarray(sp->unwritten, sp->cap_unwritten,
		    sizeof(*grown))) == NULL)
			log_fatal("out of memory");
		sp->unwritten = grown;
	}
	memmove(&sp->unwritten[at + 1], &sp->unwritten[at],
	    (sp->n_unwritten - at) * sizeof(*sp->unwritten));
	sp->unwritten[at] = id;
	sp->n_unwritten++;
}

/* The database refused a delete: back off before the next write. */
static void
unwritten_backoff(struct spool *sp, double now)
{
	if (sp->retry_delay == 0) {
		sp->retry_delay = UNWRITTEN_RETRY_FIRST;
		log_error("sink %s: spool in %s: cannot take posted alerts "
		    "out: %s; they are kept out in memory and not posted "
		    "again; retrying the write with backoff", sp->sink,
		    sp->path, sqlite3_errmsg(sp->db));
	} else if ((sp->retry_delay *= 2) > UNWRITTEN_RETRY_MAX)
		sp->retry_delay = UNWRITTEN_RETRY_MAX;
	sp->retry_at = now + sp->retry_delay;
}

void
spool_remove(struct spool *sp, int64_t id, double now)
{
	/* While the database refuses, new deletes wait for the retry. */
	if (sp->n_unwritten > 0 && now < sp->retry_at) {
		unwritten_add(sp, id);
		return;
	}
	if (spool_delete(sp, id) == 0)
		return;
	unwritten_add(sp, id);
	unwritten_backoff(sp, now);
}

double
spool_retry_removals(struct spool *sp, double now)
{
	size_t done = 0;

	if (sp->n_unwritten == 0)
		return -1;
	if (now < sp->retry_at)
		return sp->retry_at - now;
	while (done < sp->n_unwritten &&
	    spool_delete(sp, sp->unwritten[done]) == 0)
		done++;
	memmove(sp->unwritten, sp->unwritten + done,
	    (sp->n_unwritten - done) * sizeof(*sp->unwritten));
	sp->n_unwritten -= done;
	if (sp->n_unwritten > 0) {
		unwritten_backoff(sp, now);
		return sp->retry_at - now;
	}
	log_info("sink %s: spool in %s: the posted alerts are taken out "
	    "again", sp->sink, sp->path);
	sp->retry_delay = 0;
	return -1;
}

size_t
spool_unwritten(const struct spool *sp)
{
	return sp->n_unwritten;
}

int
spool_defer(struct spool *sp, int64_t id, int attempts, time_t next_try)
{
	sqlite3_stmt *st = sp->stmt[STMT_DEFER];

	sqlite3_bind_int64(st, 1, (sqlite3_int64)id);
	sqlite3_bind_int(st, 2, attempts);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)next_try);
	return spool_exec(sp, st, "record a failed post");
}

int
spool_checkpoint(struct spool *sp, double now)
{
	sqlite3_stmt *st = sp->stmt[STMT_CHECKPOINT];

	sqlite3_bind_text(st, 1, sp->sink, -1, SQLITE_STATIC);
	sqlite3_bind_double(st, 2, now - sp->base);
	if (spool_exec(sp, st, "record how long alerts waited") == -1)
		return -1;
	sp->base = now;
	return 0;
}

long
spool_count(struct spool *sp)
{
	sqlite3_stmt *st = sp->stmt[STMT_COUNT];
	long count = -1;

	sqlite3_bind_text(st, 1, sp->sink, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		count = (long)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (count == -1) {
		spool_fail(sp, "count the queue");
		return -1;
	}
	/* Taken out in memory is taken out. */
	count -= (long)sp->n_unwritten;
	return count > 0 ? count : 0;
}

/*
 * Seconds on a clock no one sets: retries, the rate window and the age
 * of alerts must not jump with the wall clock (NTP steps, VM resumes).
 * CLOCK_BOOTTIME also counts time suspended, which an alert did wait.
 * libev's timers run on CLOCK_MONOTONIC; only its ev_now() is wall time.
 */
double
spool_clock(void)
{
	struct timespec ts;

#ifdef CLOCK_BOOTTIME
	if (clock_gettime(CLOCK_BOOTTIME, &ts) == 0)
		return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
#endif
	if (clock_gettime(CLOCK_MONOTONIC, &ts) == -1)
		log_fatal("no monotonic clock");
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}
