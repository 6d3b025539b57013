/*
 * store.c: brink's state in one SQLite database under state_dir.
 *
 * Every statement is prepared once at open and finalized at close.  Every
 * failure is logged here, once, with the database's path and what the
 * operator can do about it; callers only see -1.
 */
#include "autoconf.h"

#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "db_stmt.h"
#include "log.h"
#include "store.h"
#include "store_check.h"
#include "store_schema.h"

#define STORE_FILE		"brink.db"
/* How long the alert log keeps a row: enough for --status's day. */
#define STORE_ALERT_KEEP	(7 * 24 * 3600)
/* Another brinkd (or a --once run) may hold the write lock briefly. */
#define STORE_BUSY_MS		10000

enum {
	ST_BEGIN,
	ST_COMMIT,
	ST_ROLLBACK,
	ST_SAVEPOINT,
	ST_RELEASE,
	ST_ROLLBACK_TO,
	ST_IS_SEEN,
	ST_MARK_SEEN,
	ST_TOUCH_SEEN,
	ST_PRUNE,
	ST_FEED_SEEN_ANY,
	ST_GET_FEED,
	ST_PUT_FEED,
	ST_LOG_ALERT,
	ST_PRUNE_ALERTS,
	ST_SUMMARY,
	ST_COUNT
};

static const char *const statement_sql[ST_COUNT] = {
	[ST_BEGIN] = "BEGIN IMMEDIATE",
	[ST_COMMIT] = "COMMIT",
	[ST_ROLLBACK] = "ROLLBACK",
	/* One item inside a feed's transaction (store_item_begin). */
	[ST_SAVEPOINT] = "SAVEPOINT item",
	[ST_RELEASE] = "RELEASE item",
	[ST_ROLLBACK_TO] = "ROLLBACK TO item",
	[ST_IS_SEEN] = "SELECT 1 FROM seen WHERE feed = ?1 AND key = ?2",
	/* OR IGNORE keeps the first first_seen (no upsert before 3.24). */
	[ST_MARK_SEEN] = "INSERT OR IGNORE INTO seen"
	    " (feed, key, first_seen, last_listed) VALUES (?1, ?2, ?3, ?3)",
	[ST_TOUCH_SEEN] = "UPDATE seen SET last_listed = ?3"
	    " WHERE feed = ?1 AND key = ?2",
	[ST_PRUNE] = "DELETE FROM seen WHERE feed = ?1 AND last_listed < ?2",
	[ST_FEED_SEEN_ANY] = "SELECT EXISTS (SELECT 1 FROM seen WHERE feed = ?1),"
	    " EXISTS (SELECT 1 FROM feed_state WHERE feed = ?1"
	    " AND last_success > 0)",
	[ST_GET_FEED] = "SELECT etag, last_modified, last_success, failures,"
	    " next_due, url, last_error FROM feed_state WHERE feed = ?1",
	[ST_PUT_FEED] = "INSERT OR REPLACE INTO feed_state (feed, url, etag,"
	    " last_modified, last_success, failures, next_due, last_error)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[ST_LOG_ALERT] = "INSERT OR IGNORE INTO alert_log"
	    " (alert_id, feed, time, severity, category)"
	    " VALUES (?1, ?2, ?3, ?4, ?5)",
	[ST_PRUNE_ALERTS] = "DELETE FROM alert_log WHERE time < ?1",
	[ST_SUMMARY] = "SELECT (SELECT count(*) FROM feed_state"
	    " WHERE failures > 0),"
	    " (SELECT count(*) FROM alert_log WHERE time >= ?1),"
	    " (SELECT count(*) FROM spool)",
};

struct store {
	sqlite3		*db;
	char		*path;
	sqlite3_stmt	*stmt[ST_COUNT];
	int		 in_transaction;
	/* A feed that store_feed_is_new found without a seen item in the
	 * open transaction, which holds the write lock: store_is_seen
	 * answers 0 for its items without asking SQLite, until seen is
	 * written or the transaction ends.  A cold feed's items are all
	 * new, and asking for each was 4,000 instructions an item. */
	char		*unseen_feed;
};

/* Forget the feed known to have no seen item. */
static void
store_unseen_forget(struct store *s)
{
	free(s->unseen_feed);
	s->unseen_feed = NULL;
}

/* What the operator can do about an SQLite result code. */
static const char *
store_advice(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return "another process holds the database locked; "
		    "is a second brinkd using the same state_dir?";
	case SQLITE_READONLY:
	case SQLITE_PERM:
	case SQLITE_CANTOPEN:
	case SQLITE_AUTH:
		return "make the file and its directory writable by the user "
		    "brinkd runs as, or set state_dir elsewhere";
	case SQLITE_FULL:
		return "the file system is full: free some space; "
		    "nothing was marked seen, so nothing is lost";
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return "the database is damaged: stop brinkd, move the file "
		    "aside (brink starts afresh) or restore a backup";
	case SQLITE_IOERR:
		return "the disk reported an I/O error: check it";
	case SQLITE_NOMEM:
		return "out of memory";
	default:
		return "see the message above";
	}
}

/* Whether the last failure may pass by itself (store_open_transient). */
static int store_transient;

/* Log a failure of what with the database's own message. */
static void
store_fail(const struct store *s, const char *what, int rc)
{
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
	case SQLITE_FULL:
	case SQLITE_IOERR:
	case SQLITE_NOMEM:
		store_transient = 1;
		break;
	default:
		store_transient = 0;
	}
	log_error("store %s: %s: %s (%s)", s->path, what,
	    s->db != NULL ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc),
	    store_advice(rc));
}

static sqlite3_stmt *
store_stmt(struct store *s, int which)
{
	return db_stmt_fresh(s->stmt[which]);
}

/* Run one of the prepared statements that returns no row. */
static int
store_step_done(struct store *s, sqlite3_stmt *st, const char *what)
{
	int rc;

	if ((rc = db_stmt_run(st)) != SQLITE_DONE) {
		store_fail(s, what, rc);
		return -1;
	}
	return 0;
}

static int
store_exec(struct store *s, const char *sql, const char *what)
{
	int rc;

	rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		store_fail(s, what, rc);
		return -1;
	}
	return 0;
}

/* The schema version recorded in the migrations table; 0 if none. */
static int
store_version(struct store *s, int *version)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if (store_exec(s, "CREATE TABLE IF NOT EXISTS migrations ("
	    " version INTEGER PRIMARY KEY, applied INTEGER NOT NULL)",
	    "creating the migrations table") == -1)
		return -1;
	rc = sqlite3_prepare_v2(s->db,
	    "SELECT coalesce(max(version), 0) FROM migrations", -1, &st, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		*version = sqlite3_column_int(st, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_OK) {
		store_fail(s, "reading the schema version", rc);
		return -1;
	}
	return 0;
}

/* Bring the schema up to STORE_VERSION, one transaction per step. */
static int
store_migrate(struct store *s)
{
	char sql[128];
	int version = 0;	/* set by store_version; -O2 cannot tell */

	if (store_exec(s, "BEGIN IMMEDIATE", "starting the migration") == -1)
		return -1;
	if (store_version(s, &version) == -1)
		goto fail;
	if (version > STORE_VERSION) {
		log_error("store %s: schema version %d is newer than this "
		    "brinkd knows (%d): run the newer brinkd, or move the "
		    "file aside", s->path, version, STORE_VERSION);
		goto fail;
	}
	for (version++; version <= STORE_VERSION; version++) {
		if (store_exec(s, store_migrations[version], "migrating") == -1)
			goto fail;
		snprintf(sql, sizeof(sql), "INSERT INTO migrations "
		    "(version, applied) VALUES (%d, %lld)", version,
		    (long long)time(NULL));
		if (store_exec(s, sql, "recording the migration") == -1)
			goto fail;
	}
	return store_exec(s, "COMMIT", "committing the migration");
fail:
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

struct store *
store_open(const char *state_dir)
{
	struct store *s;
	size_t len;
	int rc;

	store_transient = 0;
	if ((s = calloc(1, sizeof(*s))) == NULL)
		log_fatal("out of memory");
	if (state_dir == NULL) {
		/* A store of one run only (--match groups stories). */
		if ((s->path = strdup(":memory:")) == NULL)
			log_fatal("out of memory");
		if ((rc = sqlite3_open(s->path, &s->db)) != SQLITE_OK) {
			store_fail(s, "cannot open", rc);
			goto fail;
		}
		if (store_migrate(s) == -1)
			goto fail;
		goto prepare;
	}
	len = strlen(state_dir) + sizeof("/" STORE_FILE);
	if ((s->path = malloc(len)) == NULL)
		log_fatal("out of memory");
	snprintf(s->path, len, "%s/%s", state_dir, STORE_FILE);

	/* The directory is normally made by systemd (StateDirectory=) or
	 * make install; make it for a first run by hand. */
	if (mkdir(state_dir, 0750) == -1 && errno != EEXIST &&
	    errno != ENOTDIR) {
		log_error("store %s: cannot create the directory %s: %s "
		    "(create it, writable by the user brinkd runs as, or "
		    "set state_dir elsewhere)", s->path, state_dir,
		    strerror(errno));
		goto fail;
	}
	/* Without CREATE: store_check_file makes a new database whole. */
	if (store_check_dir(state_dir, s->path) == -1 ||
	    store_check_file(s->path) == -1)
		goto fail;
	/* No mutex on the connection: brinkd has one thread, and the
	 * connection's lock and unlock around every call into SQLite
	 * were about 1.5% of a cold poll's instructions. */
	rc = sqlite3_open_v2(s->path, &s->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		store_fail(s, "cannot open", rc);
		goto fail;
	}
	/* The wait comes before the check: another process reading the
	 * file (brinkd --status, a sqlite3 shell, a backup) or one that
	 * found it after a crash holds a lock for a moment, and that is
	 * no reason to refuse the start. */
	sqlite3_busy_timeout(s->db, STORE_BUSY_MS);
	switch (store_check_open(s->db, s->path, STORE_BUSY_MS / 1000)) {
	case STORE_CHECK_OK:
		break;
	case STORE_CHECK_LOCKED:
		store_transient = 1;
		goto fail;
	case STORE_CHECK_REFUSED:
		goto fail;
	}
	sqlite3_extended_result_codes(s->db, 0);
	/* WAL: readers never block the writer.  synchronous=NORMAL syncs
	 * at checkpoints only: a power cut may undo the last commits, which
	 * re-processes their items (a repeated alert) but never skips one,
	 * and it spares a disk flush per item and per poll. */
	if (store_exec(s, "PRAGMA journal_mode = WAL",
	    "switching to WAL mode") == -1 ||
	    store_exec(s, "PRAGMA synchronous = NORMAL",
	    "setting synchronous mode") == -1 ||
	    store_exec(s, "PRAGMA foreign_keys = ON",
	    "enabling foreign keys") == -1)
		goto fail;
	if (store_migrate(s) == -1)
		goto fail;
prepare:
	if ((rc = db_stmt_prepare_all(s->db, statement_sql, ST_COUNT,
	    s->stmt)) != SQLITE_OK) {
		store_fail(s, "preparing a statement", rc);
		goto fail;
	}
	return s;
fail:
	store_close(s);
	return NULL;
}

void
store_close(struct store *s)
{
	int rc;

	if (s == NULL)
		return;
	if (s->in_transaction)
		store_rollback(s);
	store_unseen_forget(s);
	db_stmt_finalize_all(s->stmt, ST_COUNT);
	if (s->db != NULL && (rc = sqlite3_close(s->db)) != SQLITE_OK)
		store_fail(s, "closing", rc);
	free(s->path);
	free(s);
}

int
store_open_transient(void)
{
	return store_transient;
}

sqlite3 *
store_db(struct store *s)
{
	return s->db;
}

const char *
store_path(const struct store *s)
{
	return s->path;
}

int
store_begin(struct store *s)
{
	store_unseen_forget(s);
	if (store_step_done(s, store_stmt(s, ST_BEGIN),
	    "starting a transaction") == -1)
		return -1;
	s->in_transaction = 1;
	return 0;
}

int
store_commit(struct store *s)
{
	store_unseen_forget(s);
	if (store_step_done(s, store_stmt(s, ST_COMMIT),
	    "committing; the items will be processed again") == -1) {
		/* A failed COMMIT may leave the transaction open. */
		if (!sqlite3_get_autocommit(s->db))
			store_rollback(s);
		s->in_transaction = 0;
		return -1;
	}
	s->in_transaction = 0;
	return 0;
}

void
store_rollback(struct store *s)
{
	store_unseen_forget(s);
	s->in_transaction = 0;
	/* SQLite may already have rolled back by itself (SQLITE_FULL). */
	if (sqlite3_get_autocommit(s->db))
		return;
	store_step_done(s, store_stmt(s, ST_ROLLBACK), "rolling back");
}

int
store_item_begin(struct store *s)
{
	return store_step_done(s, store_stmt(s, ST_SAVEPOINT),
	    "starting an item");
}

int
store_item_end(struct store *s)
{
	return store_step_done(s, store_stmt(s, ST_RELEASE),
	    "finishing an item");
}

int
store_item_failed(struct store *s)
{
	store_unseen_forget(s);
	/* SQLite may have rolled the whole transaction back by itself
	 * (SQLITE_FULL, SQLITE_IOERR): then there is nothing to undo to,
	 * and what follows must not run outside a transaction.  Else a
	 * failed statement has undone itself. */
	if (sqlite3_get_autocommit(s->db)) {
		s->in_transaction = 0;
		return -1;
	}
	return 0;
}

int
store_item_undo(struct store *s)
{
	if (store_item_failed(s) == -1)
		return -1;
	if (store_step_done(s, store_stmt(s, ST_ROLLBACK_TO),
	    "undoing an item") == -1 ||
	    store_step_done(s, store_stmt(s, ST_RELEASE),
	    "undoing an item") == -1) {
		store_rollback(s);
		return -1;
	}
	return 0;
}

int
store_is_seen(struct store *s, const char *feed, const char *key)
{
	sqlite3_stmt *st;
	int rc;

	if (s->unseen_feed != NULL && strcmp(feed, s->unseen_feed) == 0)
		return 0;
	st = store_stmt(s, ST_IS_SEEN);
	sqlite3_bind_text(st, 1, feed, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	store_fail(s, "looking up an item", rc);
	return -1;
}

static int
store_seen_write(struct store *s, int which, const char *feed,
    const char *key, time_t now, const char *what)
{
	sqlite3_stmt *st = store_stmt(s, which);

	store_unseen_forget(s);
	sqlite3_bind_text(st, 1, feed, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)now);
	return store_step_done(s, st, what);
}

int
store_mark_seen(struct store *s, const char *feed, const char *key,
    time_t now)
{
	return store_seen_write(s, ST_MARK_SEEN, feed, key, now,
	    "marking an item seen");
}

int
store_touch_seen(struct store *s, const char *feed, const char *key,
    time_t now)
{
	return store_seen_write(s, ST_TOUCH_SEEN, feed, key, now,
	    "touching a seen item");
}

int
store_prune(struct store *s, const char *feed, time_t now, double retention)
{
	sqlite3_stmt *st = store_stmt(s, ST_PRUNE);

	store_unseen_forget(s);
	sqlite3_bind_text(st, 1, feed, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)(now - (time_t)retention));
	if (store_step_done(s, st, "pruning seen items") == -1)
		return -1;
	st = store_stmt(s, ST_PRUNE_ALERTS);
	sqlite3_bind_int64(st, 1, (sqlite3_int64)(now - STORE_ALERT_KEEP));
	return store_step_done(s, st, "pruning the alert log");
}

int
store_log_alert(struct store *s, const char *alert_id, const char *feed,
    time_t when, const char *severity, const char *category)
{
	sqlite3_stmt *st = store_stmt(s, ST_LOG_ALERT);

	sqlite3_bind_text(st, 1, alert_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, feed, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)when);
	sqlite3_bind_text(st, 4, severity, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, category, -1, SQLITE_STATIC);
	return store_step_done(s, st, "logging an alert");
}

int
store_summary(struct store *s, time_t now, struct store_summary *sum)
{
	sqlite3_stmt *st = store_stmt(s, ST_SUMMARY);
	int rc;

	sqlite3_bind_int64(st, 1, (sqlite3_int64)(now - 3600));
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		store_fail(s, "reading the summary", rc);
		sqlite3_reset(st);
		return -1;
	}
	sum->failing_feeds = sqlite3_column_int(st, 0);
	sum->alerts_hour = sqlite3_column_int(st, 1);
	sum->spooled = sqlite3_column_int(st, 2);
	sqlite3_reset(st);
	return 0;
}

int
store_feed_is_new(struct store *s, const char *feed)
{
	sqlite3_stmt *st = store_stmt(s, ST_FEED_SEEN_ANY);
	int rc, known = 0, any_seen = 1;

	store_unseen_forget(s);
	sqlite3_bind_text(st, 1, feed, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		any_seen = sqlite3_column_int(st, 0) != 0;
		known = any_seen || sqlite3_column_int(st, 1) != 0;
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW && !any_seen && s->in_transaction &&
	    (s->unseen_feed = strdup(feed)) == NULL)
		log_fatal("out of memory");
	if (rc != SQLITE_ROW) {
		store_fail(s, "looking up a feed", rc);
		return -1;
	}
	return !known;
}

static char *
store_column_strdup(sqlite3_stmt *st, int col)
{
	const unsigned char *text;
	char *copy;

	if ((text = sqlite3_column_text(st, col)) == NULL)
		return NULL;
	if ((copy = strdup((const char *)text)) == NULL)
		log_fatal("out of memory");
	return copy;
}

int
store_get_feed(struct store *s, const char *feed, struct store_feed_state *fs)
{
	sqlite3_stmt *st = store_stmt(s, ST_GET_FEED);
	int rc;

	memset(fs, 0, sizeof(*fs));
	sqlite3_bind_text(st, 1, feed, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		fs->etag = store_column_strdup(st, 0);
		fs->last_modified = store_column_strdup(st, 1);
		fs->last_success = (time_t)sqlite3_column_int64(st, 2);
		fs->failures = sqlite3_column_int(st, 3);
		fs->next_due = (time_t)sqlite3_column_int64(st, 4);
		fs->url = store_column_strdup(st, 5);
		fs->last_error = store_column_strdup(st, 6);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		store_fail(s, "reading a feed's state", rc);
		return -1;
	}
	return 0;
}

int
store_put_feed(struct store *s, const char *feed, const char *url,
    const struct store_feed_state *fs)
{
	sqlite3_stmt *st = store_stmt(s, ST_PUT_FEED);

	sqlite3_bind_text(st, 1, feed, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, url, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, fs->etag, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, fs->last_modified, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)fs->last_success);
	sqlite3_bind_int(st, 6, fs->failures);
	sqlite3_bind_int64(st, 7, (sqlite3_int64)fs->next_due);
	sqlite3_bind_text(st, 8, fs->last_error, -1, SQLITE_STATIC);
	return store_step_done(s, st, "saving a feed's state");
}

void
store_feed_state_set_error(struct store_feed_state *fs, const char *error)
{
	free(fs->last_error);
	fs->last_error = NULL;
	if (error != NULL && *error != '\0' &&
	    (fs->last_error = strdup(error)) == NULL)
		log_fatal("out of memory");
}

void
store_feed_state_clear(struct store_feed_state *fs)
{
	free(fs->url);
	free(fs->etag);
	free(fs->last_modified);
	free(fs->last_error);
	memset(fs, 0, sizeof(*fs));
}
