/*
 * story_db_stmt.c: the statements the story tables share (story_db.c,
 * story_route.c, story_words.c): fetched fresh, run, and their store
 * errors reported the one way.  Below all three, so that none of them
 * calls another for these.
 */
#include "autoconf.h"

#include <sqlite3.h>

#include "db_stmt.h"
#include "log.h"
#include "store.h"
#include "story_db_priv.h"

int
story_db_fail(struct story_db *sd, const char *what)
{
	log_error("store %s: stories: %s: %s (see brinkd(8) on the store)",
	    store_path(sd->store), what, sqlite3_errmsg(sd->db));
	return -1;
}

sqlite3_stmt *
story_db_stmt(struct story_db *sd, int which)
{
	return db_stmt_fresh(sd->stmt[which]);
}

int
story_db_done(struct story_db *sd, sqlite3_stmt *st, const char *what)
{
	return db_stmt_run(st) == SQLITE_DONE ? 0 : story_db_fail(sd, what);
}
