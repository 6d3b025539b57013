/*
 * spool_test.c: the webhook spool on a real SQLite file with the store's
 * schema (store.h): order, duplicates, deferral, removal, per sink; a
 * removal the database refuses, and the waiting on the caller's clock.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "../check.h"
#include "spool.h"

static const char schema[] =
    "CREATE TABLE spool(id INTEGER PRIMARY KEY, sink TEXT NOT NULL, "
    "alert_id TEXT NOT NULL, body TEXT NOT NULL, created INTEGER NOT NULL, "
    "attempts INTEGER NOT NULL DEFAULT 0, "
    "next_try INTEGER NOT NULL DEFAULT 0, "
    "waited REAL NOT NULL DEFAULT 0, UNIQUE (sink, alert_id))";
static const char refuse_deletes[] =
    "CREATE TRIGGER refuse BEFORE DELETE ON spool "
    "BEGIN SELECT RAISE(ABORT, 'disk full, say'); END";

static void
clear(struct spool_entry *e, size_t n)
{
	while (n > 0)
		spool_entry_clear(&e[--n]);
}

int
main(void)
{
	char dir[] = "/tmp/brink-spool-XXXXXX", path[256];
	struct spool_entry e[8], one;
	struct spool *chat, *ops;
	sqlite3 *db;
	size_t n;

	if (mkdtemp(dir) == NULL)
		return 99;
	snprintf(path, sizeof(path), "%s/brink.db", dir);
	if (sqlite3_open(path, &db) != SQLITE_OK ||
	    sqlite3_exec(db, schema, NULL, NULL, NULL) != SQLITE_OK)
		return 99;
	chat = spool_open(db, path, "chat", 1000);
	ops = spool_open(db, path, "ops", 1000);
	CHECK(chat != NULL && ops != NULL, "spool opens on the schema");

	CHECK_INT(spool_add(chat, "a1", "{\"id\":\"a1\"}", 100, 1000), 0,
	    "add a1");
	CHECK_INT(spool_add(chat, "a2", "{\"id\":\"a2\"}", 101, 1010), 0,
	    "add a2");
	CHECK_INT(spool_add(ops, "a1", "{\"id\":\"a1\"}", 100, 1000), 0,
	    "same alert for another sink");
	CHECK_INT(spool_add(chat, "a1", "{\"id\":\"a1\",\"again\":1}", 102,
	    1020), 0, "a re-processed alert is not an error");
	CHECK_INT(spool_count(chat), 2, "but it is spooled once");
	CHECK_INT(spool_count(ops), 1, "sinks have their own queues");

	CHECK_INT(spool_peek(chat, e, 8, 0, 1030, &n), 0, "peek");
	CHECK_INT(n, 2, "two waiting");
	CHECK_STR(e[0].alert_id, "a1", "oldest first");
	CHECK_STR(e[0].body, "{\"id\":\"a1\"}", "first body kept");
	CHECK_INT(e[0].created, 100, "created");
	CHECK(e[0].waited == 30 && e[1].waited == 20,
	    "waited counts on the caller's clock from the add");
	CHECK_STR(e[1].alert_id, "a2", "then the next");
	CHECK_INT(spool_defer(chat, e[0].id, 3, 500), 0, "defer");
	clear(e, n);
	spool_peek(chat, e, 8, 1, 1030, &n);
	CHECK(n == 2 && strcmp(e[0].alert_id, "a2") == 0,
	    "newest first when asked");
	clear(e, n);
	spool_peek(chat, e, 8, 0, 1030, &n);
	CHECK_INT(e[0].attempts, 3, "attempts recorded");
	CHECK_INT(e[0].next_try, 500, "next try recorded");
	CHECK_INT(spool_get(chat, e[1].id, 1030, &one), 1, "get by rowid");
	CHECK_STR(one.alert_id, "a2", "... the right one");
	spool_entry_clear(&one);
	spool_remove(chat, e[0].id, 1030);
	CHECK_INT(spool_get(chat, e[0].id, 1030, &one), 0, "removed: gone");
	clear(e, n);
	spool_peek(chat, e, 8, 0, 1030, &n);
	CHECK(n == 1 && strcmp(e[0].alert_id, "a2") == 0,
	    "removed one is gone, order kept");
	clear(e, n);

	/* The database refuses deletes (disk full): a removed entry is
	 * out of the queue at once all the same, and written later. */
	CHECK_INT(spool_add(chat, "a3", "{}", 103, 1030), 0, "add a3");
	CHECK_INT(spool_add(chat, "a4", "{}", 104, 1030), 0, "add a4");
	sqlite3_exec(db, refuse_deletes, NULL, NULL, NULL);
	spool_peek(chat, e, 8, 0, 1040, &n);
	CHECK_INT(n, 3, "three waiting");
	spool_remove(chat, e[0].id, 1040);
	spool_remove(chat, e[1].id, 1040);
	CHECK_INT(spool_unwritten(chat), 2, "two deletes not written");
	CHECK_INT(spool_count(chat), 1, "the queue counts one");
	clear(e, n);
	spool_peek(chat, e, 8, 0, 1040, &n);
	CHECK(n == 1 && strcmp(e[0].alert_id, "a4") == 0,
	    "the removed ones are not read again");
	clear(e, n);
	spool_peek(chat, e, 1, 1, 1040, &n);
	CHECK(n == 1 && strcmp(e[0].alert_id, "a4") == 0,
	    "... from either end");
	clear(e, n);
	CHECK(spool_retry_removals(chat, 1040) > 0,
	    "the write waits for its backoff");
	CHECK(spool_retry_removals(chat, 1041) > 1,
	    "refused again: the backoff grows");
	sqlite3_exec(db, "DROP TRIGGER refuse", NULL, NULL, NULL);
	CHECK(spool_retry_removals(chat, 2000) < 0,
	    "the disk takes it: nothing left to write");
	CHECK_INT(spool_unwritten(chat), 0, "... none in memory");
	CHECK_INT(spool_count(chat), 1, "... and the queue is the same");

	/* The waiting is written at a checkpoint, for the next run. */
	CHECK_INT(spool_checkpoint(chat, 2000), 0, "checkpoint");

	/* A second connection, as after a restart, sees the same queue. */
	spool_close(chat);
	spool_close(ops);
	sqlite3_close(db);
	sqlite3_open(path, &db);
	chat = spool_open(db, path, "chat", 5);
	CHECK_INT(spool_count(chat), 1, "the queue survives a reopen");
	spool_peek(chat, e, 8, 0, 15, &n);
	CHECK(n == 1 && e[0].waited == 2000 - 1030 + 10,
	    "the waiting goes on from the checkpoint on a new clock");
	clear(e, n);
	spool_close(chat);
	sqlite3_close(db);

	/* Without the table: a clear error, not a crash. */
	snprintf(path, sizeof(path), "%s/empty.db", dir);
	sqlite3_open(path, &db);
	CHECK(spool_open(db, path, "chat", 0) == NULL,
	    "no spool table is an error");
	sqlite3_close(db);
	snprintf(path, sizeof(path), "rm -rf '%s'", dir);
	if (system(path) != 0)
		return 99;
	return check_done();
}
