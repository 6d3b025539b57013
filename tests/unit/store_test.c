/*
 * store_test: the state database keeps what it is told across a close
 * and reopen, prunes only what a feed no longer lists, rolls back whole
 * transactions, and refuses a damaged or newer database by name.
 */
#include "autoconf.h"

#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "../check.h"
#include "../../src/log.h"
#include "../../src/store.h"

static char dir[] = "/tmp/brink-store-test.XXXXXX";
static char db_path[256];

static void
cleanup(void)
{
	char path[300];
	const char *suffix[] = { "", "-wal", "-shm" };
	size_t i;

	for (i = 0; i < 3; i++) {
		snprintf(path, sizeof(path), "%s%s", db_path, suffix[i]);
		unlink(path);
	}
	rmdir(dir);
}

static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (f == NULL) {
		perror(path);
		exit(99);
	}
	fputs(text, f);
	fclose(f);
}

static void
test_seen_survives_reopen(void)
{
	struct store *s;

	s = store_open(dir);
	CHECK(s != NULL, "a new database opens in a fresh directory");
	if (s == NULL)
		return;
	CHECK_STR(store_path(s), db_path, "the database is state_dir/brink.db");
	CHECK_INT(store_feed_is_new(s, "world"), 1, "an unknown feed is new");
	CHECK_INT(store_is_seen(s, "world", "a"), 0, "an unknown item is new");
	CHECK_INT(store_begin(s), 0, "a transaction starts");
	CHECK_INT(store_mark_seen(s, "world", "a", 1000), 0, "mark seen");
	CHECK_INT(store_commit(s), 0, "the transaction commits");
	CHECK_INT(store_is_seen(s, "world", "a"), 1, "a marked item is seen");
	CHECK_INT(store_is_seen(s, "other", "a"), 0,
	    "the same key in another feed is new");
	CHECK_INT(store_feed_is_new(s, "world"), 0,
	    "a feed with a seen item is not new");

	CHECK_INT(store_begin(s), 0, "a second transaction starts");
	CHECK_INT(store_mark_seen(s, "world", "b", 1000), 0, "mark b");
	store_rollback(s);
	CHECK_INT(store_is_seen(s, "world", "b"), 0,
	    "a rolled back mark is forgotten");

	/* A feed's items in one transaction, one of them undone. */
	CHECK_INT(store_begin(s), 0, "a feed's transaction starts");
	CHECK_INT(store_item_begin(s), 0, "item c starts");
	CHECK_INT(store_mark_seen(s, "world", "c", 1000), 0, "mark c");
	CHECK_INT(store_item_end(s), 0, "item c is kept");
	CHECK_INT(store_item_begin(s), 0, "item d starts");
	CHECK_INT(store_mark_seen(s, "world", "d", 1000), 0, "mark d");
	CHECK_INT(store_item_undo(s), 0, "item d is undone");
	CHECK_INT(store_item_begin(s), 0, "item e starts after the undo");
	CHECK_INT(store_mark_seen(s, "world", "e", 1000), 0, "mark e");
	CHECK_INT(store_item_end(s), 0, "item e is kept");
	CHECK_INT(store_commit(s), 0, "the feed's transaction commits");
	CHECK(store_is_seen(s, "world", "c") == 1 &&
	    store_is_seen(s, "world", "e") == 1,
	    "the kept items of the feed are seen");
	CHECK_INT(store_is_seen(s, "world", "d"), 0,
	    "the undone item is not, though its feed committed");

	/* An item without a savepoint (no alert) that failed: the
	 * transaction goes on while it is open, not once it is gone. */
	CHECK_INT(store_begin(s), 0, "a transaction for items without one");
	CHECK_INT(store_mark_seen(s, "world", "f", 1000), 0, "mark f");
	CHECK_INT(store_item_failed(s), 0,
	    "a failed item in an open transaction lets the feed go on");
	CHECK_INT(store_commit(s), 0, "that transaction commits");
	CHECK_INT(store_is_seen(s, "world", "f"), 1, "f is seen");
	CHECK_INT(store_begin(s), 0, "another transaction starts");
	CHECK_INT(sqlite3_exec(store_db(s), "ROLLBACK", NULL, NULL, NULL),
	    SQLITE_OK, "SQLite ends it by itself (as on a full disk)");
	CHECK_INT(store_item_failed(s), -1,
	    "a failed item whose transaction is gone stops the feed");
	store_close(s);

	s = store_open(dir);
	CHECK(s != NULL, "the database opens again");
	if (s == NULL)
		return;
	CHECK_INT(store_is_seen(s, "world", "a"), 1,
	    "a seen item is still seen after a reopen");
	store_close(s);
}

static void
test_prune(void)
{
	struct store *s;

	if ((s = store_open(dir)) == NULL) {
		CHECK(0, "open for pruning");
		return;
	}
	store_mark_seen(s, "p", "old", 100);
	store_mark_seen(s, "p", "listed", 100);
	store_mark_seen(s, "q", "other", 100);
	CHECK_INT(store_touch_seen(s, "p", "listed", 5000), 0,
	    "touching an item still listed");
	CHECK_INT(store_prune(s, "p", 5000, 1000), 0, "pruning");
	CHECK_INT(store_is_seen(s, "p", "old"), 0,
	    "an item gone from the feed beyond retention is forgotten");
	CHECK_INT(store_is_seen(s, "p", "listed"), 1,
	    "an item the feed still lists is kept");
	CHECK_INT(store_is_seen(s, "q", "other"), 1,
	    "pruning one feed leaves the others alone");
	store_close(s);
}

static void
test_feed_state(void)
{
	struct store *s;
	struct store_feed_state fs, got;

	if ((s = store_open(dir)) == NULL) {
		CHECK(0, "open for feed state");
		return;
	}
	CHECK_INT(store_get_feed(s, "nowhere", &got), 0, "unknown feed reads");
	CHECK(got.etag == NULL && got.last_modified == NULL &&
	    got.failures == 0 && got.next_due == 0 && got.last_success == 0,
	    "an unknown feed's state is all zero");
	store_feed_state_clear(&got);

	memset(&fs, 0, sizeof(fs));
	fs.etag = "\"abc-123\"";
	fs.last_modified = "Mon, 23 Nov 2026 06:00:00 GMT";
	fs.last_success = 1234;
	fs.failures = 3;
	fs.next_due = 5678;
	CHECK_INT(store_put_feed(s, "world", "http://x/w.rss", &fs), 0,
	    "feed state saved");
	fs.failures = 4;
	fs.last_error = "HTTP 503";
	CHECK_INT(store_put_feed(s, "world", "http://x/w.rss", &fs), 0,
	    "feed state saved again");
	store_close(s);

	s = store_open(dir);
	CHECK_INT(store_get_feed(s, "world", &got), 0, "feed state read");
	CHECK_STR(got.url, "http://x/w.rss", "the URL of the validators survives");
	CHECK_STR(got.etag, "\"abc-123\"", "the ETag survives");
	CHECK_STR(got.last_modified, "Mon, 23 Nov 2026 06:00:00 GMT",
	    "Last-Modified survives");
	CHECK_INT(got.last_success, 1234, "last success survives");
	CHECK_INT(got.failures, 4, "the newest failure count wins");
	CHECK_INT(got.next_due, 5678, "next due survives");
	CHECK_STR(got.last_error, "HTTP 503", "the last error survives");
	store_feed_state_set_error(&got, NULL);
	CHECK(got.last_error == NULL, "a success clears the last error");
	store_feed_state_clear(&got);
	CHECK_INT(store_feed_is_new(s, "world"), 0,
	    "a feed polled successfully is not new");
	store_close(s);
}

static void
test_schema(void)
{
	struct store *s;
	sqlite3_stmt *st;
	int tables = 0;

	if ((s = store_open(dir)) == NULL) {
		CHECK(0, "open for the schema");
		return;
	}
	if (sqlite3_prepare_v2(store_db(s), "SELECT count(*) FROM "
	    "sqlite_master WHERE type = 'table' AND name IN "
	    "('feed_state', 'seen', 'spool', 'migrations')", -1, &st,
	    NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		tables = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	CHECK_INT(tables, 4, "feed_state, seen, spool and migrations exist");
	CHECK_INT(sqlite3_exec(store_db(s), "INSERT INTO spool (sink, "
	    "alert_id, body, created) VALUES ('chat', 'x', '{}', 1)",
	    NULL, NULL, NULL), SQLITE_OK, "the spool takes a row");
	CHECK(sqlite3_exec(store_db(s), "INSERT INTO spool (sink, "
	    "alert_id, body, created) VALUES ('chat', 'x', '{}', 1)",
	    NULL, NULL, NULL) != SQLITE_OK,
	    "the spool refuses the same alert twice for one sink");
	/* A schema from a newer brinkd must not be touched. */
	sqlite3_exec(store_db(s), "INSERT INTO migrations VALUES (99, 0)",
	    NULL, NULL, NULL);
	store_close(s);
	s = store_open(dir);
	CHECK(s == NULL, "a database from a newer version is refused");
	store_close(s);
	cleanup();
}

/* The first integer of sql's first row, or -1. */
static long
query_int(struct store *s, const char *sql)
{
	sqlite3_stmt *st;
	long v = -1;

	if (sqlite3_prepare_v2(store_db(s), sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Does the query plan of sql name index? */
static int
plan_uses(struct store *s, const char *sql, const char *index)
{
	sqlite3_stmt *st;
	char explain[512];
	const char *detail;
	int found = 0;

	snprintf(explain, sizeof(explain), "EXPLAIN QUERY PLAN %s", sql);
	if (sqlite3_prepare_v2(store_db(s), explain, -1, &st, NULL) !=
	    SQLITE_OK)
		return 0;
	while (sqlite3_step(st) == SQLITE_ROW)
		if ((detail = (const char *)sqlite3_column_text(st, 3)) !=
		    NULL && strstr(detail, index) != NULL)
			found = 1;
	sqlite3_finalize(st);
	return found;
}

/*
 * A version 6 database (the one before story_article's index on seen,
 * and before the stories' words and actors of version 8) is brought to
 * the current version on open, keeping its rows; the prune of old story
 * articles then reads the index, not the whole table, and an old story
 * has no words.
 */
static void
test_upgrade_from_6(void)
{
	static const char prune[] =
	    "DELETE FROM story_article WHERE seen < 100";
	struct store *s;

	strcpy(dir, "/tmp/brink-store-test.XXXXXX");
	if (mkdtemp(dir) == NULL) {
		CHECK(0, "mkdtemp for the upgrade");
		return;
	}
	snprintf(db_path, sizeof(db_path), "%s/brink.db", dir);
	if ((s = store_open(dir)) == NULL) {
		CHECK(0, "open for the upgrade");
		cleanup();
		return;
	}
	/* Version 6 is the current one without migrations 7 to 9 and 11. */
	CHECK_INT(sqlite3_exec(store_db(s),
	    "DROP TABLE story_word;"
	    "DROP TABLE story_name;"
	    "DROP INDEX story_article_seen;"
	    "DROP TABLE story_actor;"
	    "ALTER TABLE story DROP COLUMN words;"
	    "ALTER TABLE story DROP COLUMN names;"
	    "DELETE FROM migrations WHERE version >= 7;"
	    "INSERT INTO story_article VALUES ('l:http://a/1', 's1', 'a1', 50);"
	    "INSERT INTO story_article VALUES ('l:http://a/2', 's1', 'a2', 150);"
	    "INSERT INTO story (id, family, actors, targets, sketch,"
	    " first_seen, last_seen, severity, articles, feeds) VALUES"
	    " ('s1', 'hostile', 'iran', '', x'', 50, 150, 3, 2, '[]');",
	    NULL, NULL, NULL), SQLITE_OK, "a version 6 database made");
	CHECK(!plan_uses(s, prune, "story_article_seen"),
	    "version 6 has no index on story_article (seen)");
	store_close(s);

	if ((s = store_open(dir)) == NULL) {
		CHECK(0, "a version 6 database opens");
		cleanup();
		return;
	}
	CHECK_INT(query_int(s, "SELECT max(version) FROM migrations"), 11,
	    "a version 6 database is migrated to 11");
	CHECK_INT(query_int(s, "SELECT count(*) FROM story_article"), 2,
	    "the upgrade keeps the story articles");
	CHECK_INT(query_int(s, "SELECT length(words) FROM story"), 0,
	    "the upgrade keeps the story, without words");
	CHECK_INT(query_int(s, "SELECT count(*) FROM story_actor"), 0,
	    "and the table of stories' actors is there");
	CHECK(plan_uses(s, prune, "story_article_seen"),
	    "the prune of story articles reads the index on seen");
	CHECK_INT(query_int(s, "SELECT count(*) FROM story_name"), 0,
	    "the table of stories' names is there");
	CHECK(plan_uses(s, "SELECT story FROM story_name WHERE name = 7"
	    " AND family = 'hostile' AND first_seen >= 10 AND first_seen <= 20",
	    "PRIMARY KEY (name=? AND family=? AND first_seen>? AND "
	    "first_seen<?)"), "the stories of a name within a window are "
	    "read by its key");
	store_close(s);
	cleanup();
}

/*
 * A version 9 database (seen with a rowid, its key in a second index
 * and an index on (feed, last_listed)) is brought to version 10, whose
 * seen is one b-tree in the order of its key: every row is kept as it
 * was, and marking, looking up, touching and pruning work as before.
 */
static void
test_upgrade_from_9(void)
{
	struct store *s;

	strcpy(dir, "/tmp/brink-store-test.XXXXXX");
	if (mkdtemp(dir) == NULL) {
		CHECK(0, "mkdtemp for the upgrade from 9");
		return;
	}
	snprintf(db_path, sizeof(db_path), "%s/brink.db", dir);
	if ((s = store_open(dir)) == NULL) {
		CHECK(0, "open for the upgrade from 9");
		cleanup();
		return;
	}
	CHECK_INT(sqlite3_exec(store_db(s),
	    "DROP TABLE seen;"
	    "CREATE TABLE seen ("
	    "  feed TEXT NOT NULL, key TEXT NOT NULL,"
	    "  first_seen INTEGER NOT NULL, last_listed INTEGER NOT NULL,"
	    "  PRIMARY KEY (feed, key));"
	    "CREATE INDEX seen_listed ON seen (feed, last_listed);"
	    "INSERT INTO seen VALUES ('w', 'old', 100, 200);"
	    "INSERT INTO seen VALUES ('w', 'kept', 150, 5000);"
	    "INSERT INTO seen VALUES ('x', 'old', 120, 130);"
	    "DROP TABLE story_word;"
	    "DELETE FROM migrations WHERE version >= 10;",
	    NULL, NULL, NULL), SQLITE_OK, "a version 9 database made");
	store_close(s);

	if ((s = store_open(dir)) == NULL) {
		CHECK(0, "a version 9 database opens");
		cleanup();
		return;
	}
	CHECK_INT(query_int(s, "SELECT max(version) FROM migrations"), 11,
	    "a version 9 database is migrated to 11");
	CHECK_INT(query_int(s, "SELECT count(*) FROM seen"), 3,
	    "the upgrade keeps every seen item");
	CHECK_INT(query_int(s, "SELECT first_seen + last_listed FROM seen "
	    "WHERE feed = 'w' AND key = 'kept'"), 5150,
	    "and their times");
	CHECK_INT(query_int(s, "SELECT count(*) FROM sqlite_master WHERE "
	    "name = 'seen' AND sql LIKE '%WITHOUT ROWID%'"), 1,
	    "seen is kept in the order of its key, without a rowid");
	CHECK_INT(query_int(s, "SELECT count(*) FROM sqlite_master WHERE "
	    "type = 'index' AND tbl_name = 'seen'"), 0,
	    "and has no index beside its key");
	CHECK(plan_uses(s, "SELECT 1 FROM seen WHERE feed = 'w' AND "
	    "key = 'kept'", "PRIMARY KEY"), "an item is looked up by its key");
	CHECK(plan_uses(s, "DELETE FROM seen WHERE feed = 'w' AND "
	    "last_listed < 1000", "PRIMARY KEY"),
	    "the prune reads one feed's rows through the key");
	CHECK_INT(store_is_seen(s, "w", "old"), 1, "an old item is seen");
	CHECK_INT(store_mark_seen(s, "w", "kept", 9000), 0,
	    "marking a seen item again");
	CHECK_INT(query_int(s, "SELECT first_seen FROM seen WHERE feed = 'w'"
	    " AND key = 'kept'"), 150, "keeps its first first_seen");
	CHECK_INT(store_prune(s, "w", 6000, 1000), 0, "pruning after it");
	CHECK_INT(store_is_seen(s, "w", "old"), 0,
	    "the item gone beyond retention is forgotten");
	CHECK_INT(store_is_seen(s, "w", "kept") + store_is_seen(s, "x", "old"),
	    2, "the listed item and the other feed's stay");
	store_close(s);
	cleanup();
}

/*
 * A feed without a seen item, found so by store_feed_is_new inside a
 * transaction, has its items answered new without a query; the answer
 * must follow every write to seen and end with the transaction.
 */
static void
test_unseen_feed(void)
{
	struct store *s;

	if ((s = store_open(dir)) == NULL) {
		CHECK(0, "open for the unseen feed");
		return;
	}
	store_begin(s);
	store_mark_seen(s, "other", "k", 100);
	store_commit(s);

	CHECK_INT(store_begin(s), 0, "a cold feed's transaction starts");
	CHECK_INT(store_feed_is_new(s, "cold"), 1, "the cold feed is new");
	CHECK_INT(store_is_seen(s, "cold", "k"), 0, "its item is new");
	CHECK_INT(store_is_seen(s, "other", "k"), 1,
	    "another feed's seen item is still seen");
	CHECK_INT(store_mark_seen(s, "cold", "k", 200), 0, "its item marked");
	CHECK_INT(store_is_seen(s, "cold", "k"), 1,
	    "and seen at once, in the same transaction");
	CHECK_INT(store_is_seen(s, "cold", "j"), 0, "another item still new");
	CHECK_INT(store_commit(s), 0, "committed");

	CHECK_INT(store_begin(s), 0, "a second transaction");
	CHECK_INT(store_feed_is_new(s, "cold"), 0, "the feed is known now");
	CHECK_INT(store_is_seen(s, "cold", "k"), 1, "its item is seen");
	store_rollback(s);

	CHECK_INT(store_begin(s), 0, "a third transaction");
	CHECK_INT(store_feed_is_new(s, "fresh"), 1, "a fresh feed is new");
	CHECK_INT(store_is_seen(s, "fresh", "k"), 0, "its item is new");
	store_rollback(s);
	/* Outside a transaction nothing is taken on trust: another
	 * process may write between two calls. */
	CHECK_INT(sqlite3_exec(store_db(s), "INSERT INTO seen VALUES "
	    "('fresh', 'k', 1, 1)", NULL, NULL, NULL), SQLITE_OK,
	    "an item of the fresh feed written by another hand");
	CHECK_INT(store_feed_is_new(s, "fresh"), 0,
	    "the fresh feed has a seen item now");
	CHECK_INT(store_is_seen(s, "fresh", "k"), 1, "and it is seen");
	store_close(s);
	cleanup();
}

static void
test_refusals(void)
{
	struct store *s;

	if (mkdtemp(dir) == NULL)
		return;
	snprintf(db_path, sizeof(db_path), "%s/brink.db", dir);
	write_file(db_path, "this is not an SQLite database, but long "
	    "enough to look like a damaged header of one................"
	    "............................................................");
	s = store_open(dir);
	CHECK(s == NULL, "a damaged database is refused, not overwritten");
	store_close(s);
	cleanup();

	s = store_open("/proc/brink-cannot-be-here");
	CHECK(s == NULL, "an impossible state_dir is refused");
	store_close(s);
}

int
main(void)
{
	log_init("store_test", LOG_TO_STDERR, LOG_LEVEL_ERROR);
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 99;
	}
	snprintf(db_path, sizeof(db_path), "%s/brink.db", dir);
	test_seen_survives_reopen();
	test_prune();
	test_feed_state();
	test_schema();
	test_upgrade_from_6();
	test_upgrade_from_9();
	test_unseen_feed();
	strcpy(dir, "/tmp/brink-store-test.XXXXXX");
	test_refusals();
	return check_done();
}
