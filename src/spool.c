/*
 * spool.c: webhook posts that survive restarts; see spool.h.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "log.h"
#include "spool.h"

enum {
	STMT_ADD,
	STMT_PEEK,
	STMT_REMOVE,
	STMT_DEFER,
	STMT_COUNT,
	STMT_N
};

static const char *const spool_sql[STMT_N] = {
	[STMT_ADD] = "INSERT OR IGNORE INTO spool (sink, alert_id, body, "
	    "created) VALUES (?1, ?2, ?3, ?4)",
	[STMT_PEEK] = "SELECT id, alert_id, body, created, attempts, "
	    "next_try FROM spool WHERE sink = ?1 ORDER BY id LIMIT ?2",
	[STMT_REMOVE] = "DELETE FROM spool WHERE id = ?1",
	[STMT_DEFER] = "UPDATE spool SET attempts = ?2, next_try = ?3 "
	    "WHERE id = ?1",
	[STMT_COUNT] = "SELECT count(*) FROM spool WHERE sink = ?1",
};

struct spool {
	sqlite3		*db;
	char		*path;
	char		*sink;
	sqlite3_stmt	*stmt[STMT_N];
};

static int
spool_fail(struct spool *sp, const char *what)
{
	log_error("sink %s: spool in %s: cannot %s: %s", sp->sink, sp->path,
	    what, sqlite3_errmsg(sp->db));
	return -1;
}

struct spool *
spool_open(sqlite3 *db, const char *path, const char *sink)
{
	struct spool *sp;
	int i;

	if ((sp = calloc(1, sizeof(*sp))) == NULL ||
	    (sp->path = strdup(path)) == NULL ||
	    (sp->sink = strdup(sink)) == NULL)
		log_fatal("out of memory");
	sp->db = db;
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
	for (i = 0; i < STMT_N; i++)
		sqlite3_finalize(sp->stmt[i]);
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
		return spool_fail(sp, what);
	return 0;
}

int
spool_add(struct spool *sp, const char *alert_id, const char *body,
    time_t now)
{
	sqlite3_stmt *st = sp->stmt[STMT_ADD];

	sqlite3_bind_text(st, 1, sp->sink, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, alert_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, body, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)now);
	return spool_exec(sp, st, "add an alert");
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

int
spool_peek(struct spool *sp, struct spool_entry *out, size_t max, size_t *n)
{
	sqlite3_stmt *st = sp->stmt[STMT_PEEK];
	struct spool_entry *e;
	int rc;

	*n = 0;
	sqlite3_bind_text(st, 1, sp->sink, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)max);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < max) {
		e = &out[(*n)++];
		e->id = sqlite3_column_int64(st, 0);
		e->alert_id = column_dup(st, 1);
		e->body = column_dup(st, 2);
		e->created = (time_t)sqlite3_column_int64(st, 3);
		e->attempts = sqlite3_column_int(st, 4);
		e->next_try = (time_t)sqlite3_column_int64(st, 5);
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		while (*n > 0)
			spool_entry_clear(&out[--(*n)]);
		return spool_fail(sp, "read the queue");
	}
	return 0;
}

void
spool_entry_clear(struct spool_entry *e)
{
	free(e->alert_id);
	free(e->body);
	memset(e, 0, sizeof(*e));
}

int
spool_remove(struct spool *sp, int64_t id)
{
	sqlite3_stmt *st = sp->stmt[STMT_REMOVE];

	sqlite3_bind_int64(st, 1, (sqlite3_int64)id);
	return spool_exec(sp, st, "remove a posted alert");
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
	if (count == -1)
		spool_fail(sp, "count the queue");
	return count;
}
