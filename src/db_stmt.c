/*
 * db_stmt.c: prepared statements kept for the run; see db_stmt.h.
 */
#include "autoconf.h"

#include "db_stmt.h"

int
db_stmt_prepare_all(sqlite3 *db, const char *const sql[], size_t n,
    sqlite3_stmt *st[])
{
	size_t i;
	int rc;

	for (i = 0; i < n; i++)
		st[i] = NULL;
	for (i = 0; i < n; i++)
		if ((rc = sqlite3_prepare_v3(db, sql[i], -1,
		    SQLITE_PREPARE_PERSISTENT, &st[i], NULL)) != SQLITE_OK)
			return rc;
	return SQLITE_OK;
}

void
db_stmt_finalize_all(sqlite3_stmt *st[], size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		sqlite3_finalize(st[i]);
		st[i] = NULL;
	}
}

sqlite3_stmt *
db_stmt_fresh(sqlite3_stmt *st)
{
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return st;
}

int
db_stmt_run(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	return rc;
}
