/*
 * store_schema.c: the schema of the state database, as the steps that
 * build it (store.c runs them; see store_schema.h).
 */
#include "autoconf.h"

#include <stddef.h>

#include "store_schema.h"

/* Migration n brings the schema from version n - 1 to n. */
const char *const store_migrations[STORE_VERSION + 1] = {
	NULL,
	"CREATE TABLE feed_state ("
	"  feed TEXT PRIMARY KEY, url TEXT, etag TEXT, last_modified TEXT,"
	"  last_success INTEGER, failures INTEGER NOT NULL DEFAULT 0,"
	"  next_due INTEGER);"
	"CREATE TABLE seen ("
	"  feed TEXT NOT NULL, key TEXT NOT NULL,"
	"  first_seen INTEGER NOT NULL, last_listed INTEGER NOT NULL,"
	"  PRIMARY KEY (feed, key));"
	"CREATE INDEX seen_listed ON seen (feed, last_listed);"
	"CREATE TABLE spool ("
	"  id INTEGER PRIMARY KEY, sink TEXT NOT NULL, alert_id TEXT NOT NULL,"
	"  body TEXT NOT NULL, created INTEGER NOT NULL,"
	"  attempts INTEGER NOT NULL DEFAULT 0,"
	"  next_try INTEGER NOT NULL DEFAULT 0, UNIQUE (sink, alert_id));",
	/* How long a webhook post waited, on a monotonic clock (spool.h). */
	"ALTER TABLE spool ADD COLUMN waited REAL NOT NULL DEFAULT 0;",
	/* 3: the alerts raised, for brinkd --status and STATUS=. */
	"CREATE TABLE alert_log ("
	"  alert_id TEXT PRIMARY KEY, feed TEXT NOT NULL,"
	"  time INTEGER NOT NULL, severity TEXT, category TEXT);"
	"CREATE INDEX alert_log_time ON alert_log (time);",
	/* 4: Stories (story_db.c): one row per story, the articles that
	 * joined one (by link and by GUID), what each sink was sent. */
	"CREATE TABLE story ("
	"  id TEXT PRIMARY KEY, family TEXT NOT NULL, actors TEXT NOT NULL,"
	"  targets TEXT NOT NULL, sketch BLOB NOT NULL,"
	"  first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL,"
	"  severity INTEGER NOT NULL, articles INTEGER NOT NULL,"
	"  feeds TEXT NOT NULL);"
	"CREATE INDEX story_key ON story (family, actors, first_seen);"
	"CREATE INDEX story_last ON story (last_seen);"
	"CREATE TABLE story_article ("
	"  article TEXT PRIMARY KEY, story TEXT NOT NULL,"
	"  alert_id TEXT NOT NULL, seen INTEGER NOT NULL);"
	"CREATE INDEX story_article_story ON story_article (story);"
	"CREATE TABLE story_sent ("
	"  story TEXT NOT NULL, sink TEXT NOT NULL, sent INTEGER NOT NULL,"
	"  severity INTEGER NOT NULL, articles INTEGER NOT NULL,"
	"  PRIMARY KEY (story, sink));",
	/* 5: The escalation meter (trend_db.c): each story in the series
	 * of every directed actor pair it names, and the trends standing. */
	"CREATE TABLE trend_story ("
	"  story TEXT NOT NULL, actor TEXT NOT NULL, target TEXT NOT NULL,"
	"  family TEXT NOT NULL, weight INTEGER NOT NULL,"
	"  time INTEGER NOT NULL, title TEXT,"
	"  PRIMARY KEY (story, actor, target));"
	"CREATE INDEX trend_pair ON trend_story (actor, target, family, time);"
	"CREATE INDEX trend_time ON trend_story (time);"
	"CREATE TABLE trend_raised ("
	"  actor TEXT NOT NULL, target TEXT NOT NULL, kind TEXT NOT NULL,"
	"  raised INTEGER NOT NULL, PRIMARY KEY (actor, target, kind));",
	/* 6: why the last poll of each feed failed, for brinkd --status
	 * (NULL after a success). */
	"ALTER TABLE feed_state ADD COLUMN last_error TEXT;",
	/* 7: the prune of stories (story_db.c) deletes the articles seen
	 * before the retention; without an index that read the whole
	 * table once a minute. */
	"CREATE INDEX story_article_seen ON story_article (seen);",
	/* 8: the looser test of one story (story.h): each story's content
	 * stems and its names, and its actors one a row, so that the
	 * stories sharing an actor within the window are read through an
	 * index (with all its actors, so that those of the same actors,
	 * read already, are passed over without reading the story). */
	"ALTER TABLE story ADD COLUMN words BLOB NOT NULL DEFAULT x'';"
	"ALTER TABLE story ADD COLUMN names BLOB NOT NULL DEFAULT x'';"
	"CREATE TABLE story_actor ("
	"  actor TEXT NOT NULL, family TEXT NOT NULL,"
	"  first_seen INTEGER NOT NULL, story TEXT NOT NULL,"
	"  actors TEXT NOT NULL,"
	"  PRIMARY KEY (actor, family, first_seen, story)) WITHOUT ROWID;"
	"CREATE INDEX story_actor_story ON story_actor (story);",
	/* 9: a report that names no actor (only roles: "officials",
	 * "militants") may be of any story of its family that shares a
	 * name with it (story.h), so each story's names are kept one a
	 * row and those stories are read through an index. */
	"CREATE TABLE story_name ("
	"  name INTEGER NOT NULL, family TEXT NOT NULL,"
	"  first_seen INTEGER NOT NULL, story TEXT NOT NULL,"
	"  PRIMARY KEY (name, family, first_seen, story)) WITHOUT ROWID;"
	"CREATE INDEX story_name_story ON story_name (story);",
	/* 10: a seen item is one b-tree entry, not three: the table keeps
	 * its rows in the order of its key (no rowid, no second copy of
	 * the key in an index), and the index on (feed, last_listed) goes.
	 * Marking an item seen is the commonest write of a poll; the prune
	 * of a feed reads that feed's rows through the key, as the touches
	 * of its listed items do anyway. */
	"CREATE TABLE seen_by_key ("
	"  feed TEXT NOT NULL, key TEXT NOT NULL,"
	"  first_seen INTEGER NOT NULL, last_listed INTEGER NOT NULL,"
	"  PRIMARY KEY (feed, key)) WITHOUT ROWID;"
	"INSERT INTO seen_by_key (feed, key, first_seen, last_listed)"
	"  SELECT feed, key, first_seen, last_listed FROM seen;"
	"DROP TABLE seen;"
	"ALTER TABLE seen_by_key RENAME TO seen;",
	/* 11: how common each word was in the items of each day
	 * (story_freq.h), one row a day, its words packed in a blob: the
	 * memory is read once at start and written a day at a time. */
	"CREATE TABLE story_word ("
	"  day INTEGER PRIMARY KEY, items INTEGER NOT NULL,"
	"  words BLOB NOT NULL);",
};
