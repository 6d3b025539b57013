/*
 * store_check.h: what store_open checks before and after it opens the
 * state database, so that brinkd refuses to start on one it cannot use.
 * Each logs its error once, with the path and what to do, and returns
 * -1; 0 when all is well.
 */
#ifndef BRINK_STORE_CHECK_H
#define BRINK_STORE_CHECK_H

#include <sqlite3.h>

/* state_dir (holding path) is a directory. */
int	store_check_dir(const char *state_dir, const char *path);
/* path is a database of brinkd's, or absent and then made, whole: an
 * empty file is refused as damage. */
int	store_check_file(const char *path);
/* What store_check_open found: a lock may pass by itself (a restart
 * is then right), the other faults are the set-up's. */
enum store_check {
	STORE_CHECK_OK = 0,
	STORE_CHECK_REFUSED = -1,
	STORE_CHECK_LOCKED = -2
};
/* The database opened at path is writable and undamaged; a lock held
 * past db's busy timeout (waited_s, for the message) is said to be
 * one, not taken for damage. */
enum store_check store_check_open(sqlite3 *db, const char *path,
	    int waited_s);

#endif
