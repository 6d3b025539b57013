/*
 * state_read.c: the state database opened read-only, for the commands
 * that report on a daemon (--status, --trend) without disturbing it.
 */
#include "autoconf.h"

#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>

#include "state_read.h"

/* A running brinkd holds the write lock only briefly. */
#define STATE_READ_BUSY_MS	5000

sqlite3 *
state_read_open(const struct config *cfg, const char *option, char **path)
{
	struct stat sb;
	sqlite3 *db = NULL;

	if (asprintf(path, "%s/brink.db", cfg->state_dir) == -1) {
		*path = NULL;
		fprintf(stderr, "brinkd: out of memory\n");
		return NULL;
	}
	/* Read-only would still create an empty file where none is. */
	if (stat(*path, &sb) == -1) {
		fprintf(stderr, "brinkd: %s: no state yet (brinkd has not "
		    "run with state_dir %s)\n", *path, cfg->state_dir);
		return NULL;
	}
	if (sqlite3_open_v2(*path, &db, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK) {
		fprintf(stderr, "brinkd: %s: %s (run %s as a user who may "
		    "read it)\n", *path, db != NULL ? sqlite3_errmsg(db) :
		    "cannot open", option);
		sqlite3_close(db);
		return NULL;
	}
	sqlite3_busy_timeout(db, STATE_READ_BUSY_MS);
	return db;
}
