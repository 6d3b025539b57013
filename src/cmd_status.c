/*
 * cmd_status.c: brinkd --status, what the state database says about each
 * feed and sink and the alerts of the last hour and day.
 *
 * It opens the database read-only and takes no lock a running brinkd
 * would wait for: SQLite's WAL lets a reader look at the last committed
 * state while the daemon writes.  Nothing is migrated or created; a
 * database the daemon has not yet written says so.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "cmd.h"
#include "config.h"
#include "state_read.h"


static void
ignore_problem(void *arg, int is_error, const char *msg)
{
	if (is_error)
		fprintf(stderr, "%s\n", msg);
}

/* "2026-12-02 00:40:00 UTC (5 min ago)" or "in 3 min"; "never" for 0. */
static void
print_when(time_t t, time_t now)
{
	char buf[64];
	struct tm tm;
	long d;

	if (t <= 0) {
		printf("never");
		return;
	}
	gmtime_r(&t, &tm);
	strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S UTC", &tm);
	d = (long)(now - t);
	if (d >= 0)
		printf("%s (%ld %s ago)", buf, d >= 120 ? d / 60 : d,
		    d >= 120 ? "min" : "s");
	else
		printf("%s (in %ld %s)", buf, -d >= 120 ? -d / 60 : -d,
		    -d >= 120 ? "min" : "s");
}

/* Step a one-row query; 1 with a row, 0 without, -1 on error. */
static int
query(sqlite3 *db, const char *sql, sqlite3_stmt **st, const char *a,
    sqlite3_int64 n)
{
	if (sqlite3_prepare_v2(db, sql, -1, st, NULL) != SQLITE_OK) {
		*st = NULL;
		return -1;
	}
	if (a != NULL)
		sqlite3_bind_text(*st, 1, a, -1, SQLITE_STATIC);
	else
		sqlite3_bind_int64(*st, 1, n);
	switch (sqlite3_step(*st)) {
	case SQLITE_ROW:
		return 1;
	case SQLITE_DONE:
		return 0;
	default:
		return -1;
	}
}

static void
print_feeds(sqlite3 *db, const struct config *cfg, time_t now)
{
	sqlite3_stmt *st;
	size_t i;
	int rc;

	printf("feeds:\n");
	for (i = 0; i < cfg->n_feeds; i++) {
		printf("  %s: ", cfg->feeds[i].name);
		rc = query(db, "SELECT last_success, failures, next_due, "
		    "last_error FROM feed_state WHERE feed = ?1", &st,
		    cfg->feeds[i].name, 0);
		if (rc == -1) {
			/* A database from before version 6: no last_error. */
			sqlite3_finalize(st);
			rc = query(db, "SELECT last_success, failures, "
			    "next_due, NULL FROM feed_state WHERE feed = ?1",
			    &st, cfg->feeds[i].name, 0);
		}
		if (rc == 1) {
			printf("last success ");
			print_when((time_t)sqlite3_column_int64(st, 0), now);
			printf(", %d failure%s in a row, next poll ",
			    sqlite3_column_int(st, 1),
			    sqlite3_column_int(st, 1) == 1 ? "" : "s");
			if (sqlite3_column_int64(st, 2) <= now)
				printf("now");
			else
				print_when((time_t)sqlite3_column_int64(st, 2),
				    now);
			if (sqlite3_column_int(st, 1) > 0 &&
			    sqlite3_column_text(st, 3) != NULL)
				printf(", last error: %s",
				    (const char *)sqlite3_column_text(st, 3));
			printf("\n");
		} else if (rc == 0)
			printf("not polled yet\n");
		else
			printf("unreadable: %s\n", sqlite3_errmsg(db));
		sqlite3_finalize(st);
	}
}

static void
print_sinks(sqlite3 *db, const struct config *cfg, time_t now)
{
	const struct config_sink *k;
	sqlite3_stmt *st;
	size_t i;
	int rc;

	printf("sinks:\n");
	for (i = 0; i < cfg->n_sinks; i++) {
		k = &cfg->sinks[i];
		if (k->type != SINK_WEBHOOK && k->type != SINK_ALERTMANAGER) {
			printf("  %s: %s, writes at once\n", k->name,
			    k->type == SINK_FILE ? "file" : "syslog");
			continue;
		}
		rc = query(db, "SELECT count(*), min(created) FROM spool "
		    "WHERE sink = ?1", &st, k->name, 0);
		if (rc == 1) {
			printf("  %s: %s, %d spooled", k->name,
			    k->type == SINK_WEBHOOK ? "webhook" : "alertmanager",
			    sqlite3_column_int(st, 0));
			if (sqlite3_column_int(st, 0) > 0) {
				printf(", oldest ");
				print_when((time_t)sqlite3_column_int64(st, 1),
				    now);
			}
			printf("\n");
		} else
			printf("  %s: spool unreadable: %s\n", k->name,
			    sqlite3_errmsg(db));
		sqlite3_finalize(st);
	}
}

static void
print_alerts(sqlite3 *db, time_t now)
{
	static const struct {
		const char	*what;
		long		 seconds;
	} spans[] = { { "last hour", 3600 }, { "last day", 86400 } };
	sqlite3_stmt *st;
	size_t i;

	printf("alerts:");
	for (i = 0; i < sizeof(spans) / sizeof(spans[0]); i++) {
		if (query(db, "SELECT count(*) FROM alert_log WHERE time >= ?1",
		    &st, NULL, (sqlite3_int64)(now - spans[i].seconds)) != 1) {
			/* A database from before the alert log. */
			printf(" not recorded yet (a brinkd of this version "
			    "records them)\n");
			sqlite3_finalize(st);
			return;
		}
		printf("%s %d in the %s", i > 0 ? "," : "",
		    sqlite3_column_int(st, 0), spans[i].what);
		sqlite3_finalize(st);
	}
	printf("\n");
}

int
cmd_status(const char *config_path)
{
	struct config *cfg;
	sqlite3 *db = NULL;
	char *path = NULL;
	time_t now = time(NULL);
	int status = EXIT_BAD_INPUT;

	if ((cfg = config_load(config_path, ignore_problem, NULL)) == NULL)
		return EXIT_BAD_INPUT;
	if ((db = state_read_open(cfg, "--status", &path)) == NULL)
		goto out;
	printf("state: %s\n", path);
	print_feeds(db, cfg, now);
	print_sinks(db, cfg, now);
	print_alerts(db, now);
	status = EXIT_OK;
out:
	sqlite3_close(db);
	free(path);
	config_free(cfg);
	return status;
}
