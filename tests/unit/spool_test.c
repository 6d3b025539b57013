/*
 * spool_test.c: the webhook spool on a real SQLite file with the store's
 * schema (store.h): order, duplicates, deferral, removal, per sink.
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
    "next_try INTEGER NOT NULL DEFAULT 0, UNIQUE (sink, alert_id))";

int
main(void)
{
	char dir[] = "/tmp/brink-spool-XXXXXX", path[256];
	struct spool_entry e[8];
	struct spool *chat, *ops;
	sqlite3 *db;
	size_t n, i;

	if (mkdtemp(dir) == NULL)
		return 99;
	snprintf(path, sizeof(path), "%s/brink.db", dir);
	if (sqlite3_open(path, &db) != SQLITE_OK ||
	    sqlite3_exec(db, schema, NULL, NULL, NULL) != SQLITE_OK)
		return 99;
	chat = spool_open(db, path, "chat");
	ops = spool_open(db, path, "ops");
	CHECK(chat != NULL && ops != NULL, "spool opens on the schema");

	CHECK_INT(spool_add(chat, "a1", "{\"id\":\"a1\"}", 100), 0, "add a1");
	CHECK_INT(spool_add(chat, "a2", "{\"id\":\"a2\"}", 101), 0, "add a2");
	CHECK_INT(spool_add(ops, "a1", "{\"id\":\"a1\"}", 100), 0,
	    "same alert for another sink");
	CHECK_INT(spool_add(chat, "a1", "{\"id\":\"a1\",\"again\":1}", 102), 0,
	    "a re-processed alert is not an error");
	CHECK_INT(spool_count(chat), 2, "but it is spooled once");
	CHECK_INT(spool_count(ops), 1, "sinks have their own queues");

	CHECK_INT(spool_peek(chat, e, 8, &n), 0, "peek");
	CHECK_INT(n, 2, "two waiting");
	CHECK_STR(e[0].alert_id, "a1", "oldest first");
	CHECK_STR(e[0].body, "{\"id\":\"a1\"}", "first body kept");
	CHECK_INT(e[0].created, 100, "created");
	CHECK_STR(e[1].alert_id, "a2", "then the next");
	CHECK_INT(spool_defer(chat, e[0].id, 3, 500), 0, "defer");
	for (i = 0; i < n; i++)
		spool_entry_clear(&e[i]);
	spool_peek(chat, e, 8, &n);
	CHECK_INT(e[0].attempts, 3, "attempts recorded");
	CHECK_INT(e[0].next_try, 500, "next try recorded");
	CHECK_INT(spool_remove(chat, e[0].id), 0, "remove");
	for (i = 0; i < n; i++)
		spool_entry_clear(&e[i]);
	spool_peek(chat, e, 8, &n);
	CHECK(n == 1 && strcmp(e[0].alert_id, "a2") == 0,
	    "removed one is gone, order kept");
	for (i = 0; i < n; i++)
		spool_entry_clear(&e[i]);

	/* A second connection, as after a restart, sees the same queue. */
	spool_close(chat);
	spool_close(ops);
	sqlite3_close(db);
	sqlite3_open(path, &db);
	chat = spool_open(db, path, "chat");
	CHECK_INT(spool_count(chat), 1, "the queue survives a reopen");
	spool_close(chat);
	sqlite3_close(db);

	/* Without the table: a clear error, not a crash. */
	snprintf(path, sizeof(path), "%s/empty.db", dir);
	sqlite3_open(path, &db);
	CHECK(spool_open(db, path, "chat") == NULL,
	    "no spool table is an error");
	sqlite3_close(db);
	snprintf(path, sizeof(path), "rm -rf '%s'", dir);
	if (system(path) != 0)
		return 99;
	return check_done();
}
