/*
 * webhook_tool.c: the webhook sink with its real parts (store, spool,
 * poll_http on libcurl multi and libev, sinks) and no feed: alert records
 * from stdin are spooled one transaction each, as brinkd does for an
 * item, then the loop runs until the spool is empty.
 *
 *	webhook_tool STATE_DIR FORMAT URL [-H 'Name: value'] [-r N/SECONDS]
 *	    [-a MAX_AGE] [-t TIMEOUT] [-w SECONDS] < alerts.jsonl
 *
 * Prints "spooled N" once the input is in the store, then "spool empty"
 * when every alert was posted (or dropped).  -w gives up after SECONDS
 * (exit 1).  Killed with -9 at any point, a new run with no input resumes
 * what the old one left.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <ev.h>
#include <jansson.h>
#include <sqlite3.h>

#include "config.h"
#include "log.h"
#include "poll.h"
#include "sink.h"
#include "store.h"

struct tool {
	struct store	*store;
	ev_timer	 check;
	double		 give_up;	/* monotonic time after which we fail */
	int		 status;
};

static enum sink_format
format_parse(const char *name)
{
	static const struct {
		const char		*name;
		enum sink_format	 format;
	} map[] = {
		{ "generic", FORMAT_GENERIC }, { "slack", FORMAT_SLACK },
		{ "discord", FORMAT_DISCORD }, { "teams", FORMAT_TEAMS },
		{ "ntfy", FORMAT_NTFY }, { "mattermost", FORMAT_MATTERMOST },
	};
	size_t i;

	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (strcmp(name, map[i].name) == 0)
			return map[i].format;
	fprintf(stderr, "webhook_tool: unknown format %s\n", name);
	exit(2);
}

static long
spool_left(struct store *store)
{
	sqlite3_stmt *st;
	long n = -1;

	if (sqlite3_prepare_v2(store_db(store), "SELECT count(*) FROM spool",
	    -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* The tests step the wall clock under us (libfaketime): not ev_now(). */
static double
monotonic(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
check_cb(struct ev_loop *loop, ev_timer *w, int revents)
{
	struct tool *t = w->data;

	if (spool_left(t->store) == 0) {
		printf("spool empty\n");
		fflush(stdout);
		ev_break(loop, EVBREAK_ALL);
	} else if (t->give_up > 0 && monotonic() > t->give_up) {
		printf("gave up with %ld left\n", spool_left(t->store));
		t->status = 1;
		ev_break(loop, EVBREAK_ALL);
	}
}

int
main(int argc, char **argv)
{
	static char *headers[16];
	struct config cfg;
	struct config_sink sc;
	struct tool t;
	struct ev_loop *loop;
	struct poll *poll;
	struct sinks *sinks;
	char line[65536];
	json_t *alert;
	long spooled = 0;
	double wait = 0;
	int ch, nh = 0;

	memset(&cfg, 0, sizeof(cfg));
	memset(&sc, 0, sizeof(sc));
	sc.name = "chat";
	sc.type = SINK_WEBHOOK;
	sc.min_severity = SEV_INFO;
	sc.timeout = 10;
	sc.max_age = 24 * 3600;
	while ((ch = getopt(argc, argv, "H:r:a:t:w:")) != -1) {
		switch (ch) {
		case 'H':
			if (nh < 15)
				headers[nh++] = optarg;
			break;
		case 'r':
			if (sscanf(optarg, "%d/%lf", &sc.rate_limit,
			    &sc.rate_interval) != 2)
				return 2;
			break;
		case 'a':
			sc.max_age = atof(optarg);
			break;
		case 't':
			sc.timeout = atof(optarg);
			break;
		case 'w':
			wait = atof(optarg);
			break;
		default:
			return 2;
		}
	}
	if (argc - optind != 3) {
		fprintf(stderr, "usage: webhook_tool STATE_DIR FORMAT URL "
		    "[-H header] [-r N/S] [-a max_age] [-t timeout] "
		    "[-w wait]\n");
		return 2;
	}
	cfg.state_dir = argv[optind];
	sc.format = format_parse(argv[optind + 1]);
	sc.url = argv[optind + 2];
	sc.headers.v = headers;
	sc.headers.n = (size_t)nh;
	cfg.sinks = &sc;
	cfg.n_sinks = 1;

	log_init("webhook_tool", LOG_TO_STDERR, LOG_LEVEL_DEBUG);
	if (poll_library_init() == -1)
		return 1;
	loop = EV_DEFAULT;
	memset(&t, 0, sizeof(t));
	if ((t.store = store_open(cfg.state_dir)) == NULL)
		return 1;
	if ((poll = poll_new(loop, &cfg, t.store, NULL, NULL)) == NULL)
		return 1;
	if ((sinks = sinks_open(&cfg, t.store, poll)) == NULL)
		return 1;
	while (fgets(line, sizeof(line), stdin) != NULL) {
		if ((alert = json_loads(line, JSON_DISABLE_EOF_CHECK,
		    NULL)) == NULL) {
			fprintf(stderr, "webhook_tool: not JSON: %s", line);
			return 1;
		}
		/* One transaction per item, as brinkd does. */
		if (store_begin(t.store) == -1 ||
		    sinks_deliver(sinks, alert) == -1) {
			store_rollback(t.store);
			t.status = 1;
		} else if (store_commit(t.store) == -1) {
			t.status = 1;
		} else {
			spooled++;
			sinks_flush(sinks);
		}
		json_decref(alert);
	}
	printf("spooled %ld\n", spooled);
	fflush(stdout);

	ev_timer_init(&t.check, check_cb, 0.05, 0.05);
	t.check.data = &t;
	ev_timer_start(loop, &t.check);
	t.give_up = wait > 0 ? monotonic() + wait : 0;
	ev_run(loop, 0);

	ev_timer_stop(loop, &t.check);
	sinks_close(sinks);
	poll_free(poll);
	store_close(t.store);
	ev_loop_destroy(loop);
	poll_library_cleanup();
	return t.status;
}
