/*
 * store_check.c: the state database is checked when brinkd starts, so
 * that a database brinkd cannot use stops the start (exit 78, with the
 * path and what to do) instead of failing at the first poll, and a
 * database that is not what brinkd left is never taken for a new one.
 *
 * Why a new database is made under another name and renamed: SQLite
 * creates an empty file at open and writes it only at the first
 * commit, and reads an empty file as a new database.  A brink.db of
 * 0 bytes would then be either a first start that stopped early or a
 * database cut short (a full disk, a copy gone wrong, "> brink.db"),
 * and a cut one started afresh alerts again on the last max_age (two
 * days by default) of every feed.  Made whole and linked into place,
 * a brink.db of brinkd's is never empty, so an empty one is damage.
 */
#include "autoconf.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "log.h"
#include "store_check.h"

/* What a database of brinkd's says in its header ("brk1"). */
#define STORE_APPLICATION_ID	0x62726b31

int
store_check_dir(const char *state_dir, const char *path)
{
	struct stat st;

	if (stat(state_dir, &st) == -1) {
		log_error("store %s: cannot use the directory %s: %s (%s)",
		    path, state_dir, strerror(errno), errno == ENOTDIR ?
		    "a part of the path is a file, not a directory: set "
		    "state_dir to a directory" : "create it, writable by the "
		    "user brinkd runs as, or set state_dir elsewhere");
		return -1;
	}
	if (!S_ISDIR(st.st_mode)) {
		log_error("store %s: state_dir %s is a file, not a directory: "
		    "move the file aside, or set state_dir to a directory",
		    path, state_dir);
		return -1;
	}
	return 0;
}

/* Make an empty database at path.new.PID, whole, and link it to path:
 * link(2), unlike rename(2), never replaces a database another brinkd
 * starting at the same moment has just put there. */
static int
store_check_create(const char *path)
{
	sqlite3 *db = NULL;
	char *tmp = NULL, sql[64];
	int rc, fd;

	if (asprintf(&tmp, "%s.new.%ld", path, (long)getpid()) == -1)
		log_fatal("out of memory");
	/* Left by a start of the same pid that stopped early: never used. */
	unlink(tmp);
	rc = sqlite3_open_v2(tmp, &db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL);
	snprintf(sql, sizeof(sql), "PRAGMA application_id = %d",
	    STORE_APPLICATION_ID);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		log_error("store %s: cannot create %s: %s (make the directory "
		    "writable by the user brinkd runs as, or set state_dir "
		    "elsewhere)", path, tmp, db != NULL ? sqlite3_errmsg(db) :
		    sqlite3_errstr(rc));
		goto fail;
	}
	if (sqlite3_close(db) != SQLITE_OK) {
		db = NULL;
		log_error("store %s: cannot close %s", path, tmp);
		goto fail;
	}
	db = NULL;
	if ((fd = open(tmp, O_RDONLY | O_CLOEXEC)) != -1) {
		fsync(fd);
		close(fd);
	}
	if (link(tmp, path) == -1 && errno != EEXIST) {
		log_error("store %s: cannot link %s into place: %s", path,
		    tmp, strerror(errno));
		goto fail;
	}
	unlink(tmp);
	free(tmp);
	return 0;
fail:
	sqlite3_close(db);
	unlink(tmp);
	free(tmp);
	return -1;
}

int
store_check_file(const char *path)
{
	struct stat st, wal;
	char *wal_path;
	int has_wal;

	if (stat(path, &st) == -1) {
		if (errno == ENOENT)
			return store_check_create(path);
		log_error("store %s: %s (make the file and its directory "
		    "readable by the user brinkd runs as)", path,
		    strerror(errno));
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		log_error("store %s: not a regular file: move it aside, or "
		    "set state_dir elsewhere", path);
		return -1;
	}
	if (st.st_size > 0)
		return 0;
	/* What is committed may still be in the write-ahead log only. */
	if (asprintf(&wal_path, "%s-wal", path) == -1)
		log_fatal("out of memory");
	has_wal = stat(wal_path, &wal) == 0 && wal.st_size > 0;
	free(wal_path);
	if (has_wal)
		return 0;
	log_error("store %s: the database is empty (0 bytes), which brinkd "
	    "never leaves: it was cut short or emptied.  Restore it from a "
	    "backup; or, to start afresh knowing that every feed's items "
	    "of the last max_age will alert again, remove the file", path);
	return -1;
}

enum store_check
store_check_open(sqlite3 *db, const char *path, int waited_s)
{
	sqlite3_stmt *st = NULL;
	const char *first;
	char why[256], *nl;
	int rc, damaged = 0;

	/* SQLite opens a file it may not write read-only, without a word:
	 * every poll would then fail to mark its items seen. */
	if (sqlite3_db_readonly(db, "main") == 1) {
		log_error("store %s: the database is read-only: make the file "
		    "and its directory writable by the user brinkd runs as "
		    "(uid %ld), or set state_dir elsewhere", path,
		    (long)geteuid());
		return STORE_CHECK_REFUSED;
	}
	/* quick_check reads every page but skips the index cross-checks:
	 * a damaged page found now stops the start, not the first poll. */
	rc = sqlite3_prepare_v2(db, "PRAGMA quick_check(1)", -1, &st, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		first = (const char *)sqlite3_column_text(st, 0);
		if (first == NULL || strcmp(first, "ok") != 0) {
			snprintf(why, sizeof(why), "%s", first != NULL ?
			    first : "no answer");
			while ((nl = strchr(why, '\n')) != NULL)
				*nl = ' ';
			log_error("store %s: the database is damaged (%s): "
			    "restore it from a backup, or move the file aside "
			    "and brinkd starts afresh (every feed's items of "
			    "the last max_age alert again)", path, why);
			damaged = 1;
		}
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	if (damaged)
		return STORE_CHECK_REFUSED;
	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
		log_error("store %s: the database stayed locked by another "
		    "process for %d s: find it (fuser %s) and stop it, or "
		    "end its transaction; the database itself is not "
		    "damaged", path, waited_s, path);
		return STORE_CHECK_LOCKED;
	}
	if (rc != SQLITE_OK) {
		log_error("store %s: the database is damaged or not one (%s): "
		    "restore it from a backup, or move the file aside and "
		    "brinkd starts afresh (every feed's items of the last "
		    "max_age alert again)", path, sqlite3_errmsg(db));
		return STORE_CHECK_REFUSED;
	}
	return STORE_CHECK_OK;
}
