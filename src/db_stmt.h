/*
 * db_stmt.h: the prepared statements that a part of the state database
 * (the store, the stories, the escalation meter) keeps for the whole
 * run, one array each.
 */
#ifndef BRINK_DB_STMT_H
#define BRINK_DB_STMT_H

#include <stddef.h>

#include <sqlite3.h>

/* Prepare sql[0..n) into st[0..n) to be kept; SQLITE_OK, or the failing
 * one's code (sqlite3_errmsg(db) says why) with the rest left NULL. */
int		 db_stmt_prepare_all(sqlite3 *db, const char *const sql[],
		    size_t n, sqlite3_stmt *st[]);
/* Finalize st[0..n); NULLs are fine. */
void		 db_stmt_finalize_all(sqlite3_stmt *st[], size_t n);
/* st reset, its bindings cleared, ready to bind and step. */
sqlite3_stmt	*db_stmt_fresh(sqlite3_stmt *st);
/* Step st that returns no row, and reset it: SQLITE_DONE when it ran,
 * else the error's code. */
int		 db_stmt_run(sqlite3_stmt *st);

#endif
