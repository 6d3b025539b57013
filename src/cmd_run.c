/*
 * cmd_run.c: the daemon (brinkd [-f]) and the one-shot run (--once).
 *
 * Owns the loop and the signals: SIGTERM and SIGINT stop cleanly, SIGHUP
 * reloads the configuration (validated first: a broken file leaves the
 * running one in place; under --once it only reopens the alert logs),
 * SIGUSR1 logs the counters of every feed.  Tells systemd where it
 * stands when built with libsystemd.
 */
#include "autoconf.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <ev.h>
#include <libxml/parser.h>
#ifdef HAVE_LIBSYSTEMD
#include <systemd/sd-daemon.h>
#endif

#include "cmd.h"
#include "config.h"
#include "feed_check.h"
#include "log.h"
#include "metrics.h"
#include "metrics_http.h"
#include "pid_file.h"
#include "pipeline.h"
#include "poll.h"
#include "rules.h"
#include "sink.h"
#include "sink_check.h"
#include "store.h"

/* How long transfers in flight may finish after SIGTERM. */
#define STOP_GRACE	3.0

struct run {
	const char		*config_path;
	struct ev_loop		*loop;
	struct config		*cfg;
	struct rules		*rules;
	struct sinks		*sinks;
	struct store		*store;
	char			*state_dir;	/* the store's, until a restart */
	struct poll		*poll;
	struct pipeline		*pipeline;
	struct metrics_http	*metrics;	/* NULL: no metrics_listen */
	int			 once;
	int			 stopping;
	struct pid_file		*pid_file;	/* the one written; NULL: none */
	ev_signal		 sigterm, sigint, sighup, sigusr1;
	ev_timer		 watchdog;
	ev_timer		 ready;
	ev_timer		 status;
};

/* How often `systemctl status` gets a fresh summary line. */
#define STATUS_EVERY	30.0

static void
notify(const char *state)
{
#ifdef HAVE_LIBSYSTEMD
	sd_notify(0, state);
#else
	(void)state;
#endif
}

static void
report(void *arg, int is_error, const char *msg)
{
	const char *label;

	if (is_error) {
		log_error("%s", msg);
		return;
	}
	/* "FILE:LINE: warning: text": log.c says "warning: " itself. */
	if ((label = strstr(msg, ": warning: ")) != NULL)
		log_warn("%.*s: %s", (int)(label - msg), msg,
		    label + sizeof(": warning: ") - 1);
	else
		log_warn("%s", msg);
}

/* Load and compile a configuration whole, or nothing (all logged). */
static int
load(const char *path, struct config **cfg, struct rules **rules)
{
	char err[512];

	if ((*cfg = config_load(path, report, NULL)) == NULL) {
		log_error("%s: the configuration has errors (see above)", path);
		return -1;
	}
	if (feeds_check(*cfg, report, NULL) > 0) {
		log_error("%s: a feed's header does not resolve (see above)",
		    path);
		config_free(*cfg);
		*cfg = NULL;
		return -1;
	}
	err[0] = '\0';
	if ((*rules = rules_compile(*cfg, err, sizeof(err))) == NULL) {
		log_error("%s: the rules do not compile: %s", path, err);
		config_free(*cfg);
		*cfg = NULL;
		return -1;
	}
	return 0;
}

static void
on_stopped(void *arg)
{
	struct run *r = arg;

	ev_break(r->loop, EVBREAK_ALL);
}

static void
on_once_done(void *arg)
{
	struct run *r = arg;

	ev_break(r->loop, EVBREAK_ALL);
}

static void
on_stop_signal(struct ev_loop *loop, ev_signal *w, int revents)
{
	struct run *r = w->data;

	if (r->stopping)
		return;
	r->stopping = 1;
	notify("STOPPING=1");
	log_info("stopping on signal %d", w->signum);
	poll_stop(r->poll, STOP_GRACE, on_stopped, r);
}

/* The listener follows metrics_listen; a new address that cannot be
 * listened on is logged and leaves metrics off until the next reload. */
static void
metrics_reload(struct run *r, const struct config *cfg)
{
	if (r->metrics != NULL && cfg->metrics_listen != NULL &&
	    strcmp(metrics_http_address(r->metrics), cfg->metrics_listen) ==
	    0) {
		metrics_http_set_config(r->metrics, cfg);
		return;
	}
	metrics_http_stop(r->metrics);
	r->metrics = NULL;
	if (cfg->metrics_listen != NULL)
		r->metrics = metrics_http_start(r->loop, cfg, r->store);
}

/*
 * The pid file follows pid_file: a new one is written before the old is
 * removed, so that a reader always finds one.  One that cannot be
 * written (or is locked by another brinkd) is logged, and the old stays
 * until a reload that works: the process still runs and still holds it.
 */
static void
pid_file_reload(struct run *r, const struct config *cfg)
{
	struct pid_file *moved;

	if (cfg->pid_file == NULL) {
		pid_file_close(r->pid_file);
		r->pid_file = NULL;
		return;
	}
	/* The file we hold, by its name or another: a second lock of ours
	 * on it would fail as if another brinkd held it.  The same name
	 * with the file gone (a cleaner of /run, a hand) is written anew. */
	if (r->pid_file != NULL && pid_file_is(r->pid_file, cfg->pid_file))
		return;
	if ((moved = pid_file_open(cfg->pid_file)) == NULL) {
		if (r->pid_file != NULL)
			log_warn("pid file still %s until a reload can "
			    "write %s", pid_file_path(r->pid_file),
			    cfg->pid_file);
		return;
	}
	pid_file_close(r->pid_file);
	r->pid_file = moved;
}

static void
on_reload(struct ev_loop *loop, ev_signal *w, int revents)
{
	struct run *r = w->data;
	struct config *cfg;
	struct rules *rules;
	struct sinks *sinks;

	if (r->stopping)
		return;
	/* Loading blocks the loop, and with it the watchdog's timer: the
	 * load starts with a whole watchdog period before it. */
	notify("RELOADING=1");
	notify("WATCHDOG=1");
	log_info("reloading %s", r->config_path);
	if (load(r->config_path, &cfg, &rules) == -1) {
		log_error("reload failed: still running on the configuration "
		    "loaded before");
		/* logrotate's SIGHUP must still reopen the alert logs. */
		sinks_reopen(r->sinks);
		goto out;
	}
	/* Opening the new sinks is also the reopen that logrotate wants. */
	if ((sinks = sinks_open(cfg, r->store, r->poll)) == NULL) {
		log_error("reload failed: the sinks of the new configuration "
		    "do not open; still running on the one loaded before");
		rules_free(rules);
		config_free(cfg);
		sinks_reopen(r->sinks);
		goto out;
	}
	/* Against the directory the store was opened in, not the last
	 * configuration's: changed back, it is the one in use again. */
	if (strcmp(cfg->state_dir, r->state_dir) != 0)
		log_warn("state_dir changed to %s: it takes a restart; still "
		    "using %s", cfg->state_dir, store_path(r->store));
	pipeline_set(r->pipeline, cfg, rules, sinks);
	poll_reconfigure(r->poll, cfg);
	metrics_reload(r, cfg);
	pid_file_reload(r, cfg);
	/* A webhook post under way goes on and is answered to the new
	 * sink: cancelled and posted again, it would reach the room twice. */
	sinks_adopt(sinks, r->sinks);
	sinks_close(r->sinks);
	rules_free(r->rules);
	config_free(r->cfg);
	r->cfg = cfg;
	r->rules = rules;
	r->sinks = sinks;
	log_set_level((enum log_level)cfg->log_level);
	log_info("configuration reloaded: %zu feed%s, %zu rule%s, %zu sink%s",
	    cfg->n_feeds, cfg->n_feeds == 1 ? "" : "s", cfg->n_rules,
	    cfg->n_rules == 1 ? "" : "s", cfg->n_sinks,
	    cfg->n_sinks == 1 ? "" : "s");
out:
	notify("READY=1");
}

/*
 * --once is run from cron, where logrotate's postrotate SIGHUP may come
 * in the middle of a run: the alert logs are reopened, so that the
 * rest of the run writes to the new files, and the run goes on.  The
 * configuration is not read again: a run is one pass of one
 * configuration.
 */
static void
on_once_hup(struct ev_loop *loop, ev_signal *w, int revents)
{
	struct run *r = w->data;

	log_info("SIGHUP: reopening the alert logs (--once does not reload "
	    "the configuration)");
	sinks_reopen(r->sinks);
}

static void
on_usr1(struct ev_loop *loop, ev_signal *w, int revents)
{
	struct run *r = w->data;

	poll_log_counters(r->poll);
}

static void
on_ready(struct ev_loop *loop, ev_timer *w, int revents)
{
	/* Fired from inside ev_run: the loop really runs. */
	notify("READY=1");
}

/* "12 feeds (1 failing), 3 alerts in the last hour, 0 posts waiting". */
static void
on_status(struct ev_loop *loop, ev_timer *w, int revents)
{
	struct run *r = w->data;
	struct store_summary sum;
	char line[256];

	if (store_summary(r->store, time(NULL), &sum) == -1)
		return;
	snprintf(line, sizeof(line), "STATUS=%zu feed%s (%d failing), %d "
	    "alert%s in the last hour, %d webhook post%s waiting",
	    r->cfg->n_feeds, r->cfg->n_feeds == 1 ? "" : "s",
	    sum.failing_feeds, sum.alerts_hour, sum.alerts_hour == 1 ? "" :
	    "s", sum.spooled, sum.spooled == 1 ? "" : "s");
	notify(line);
}

static void
on_watchdog(struct ev_loop *loop, ev_timer *w, int revents)
{
	/* Sent from the loop: a stuck loop stops the pings. */
	notify("WATCHDOG=1");
}

static void
signals_start(struct run *r)
{
	ev_signal *const all[] = { &r->sigterm, &r->sigint, &r->sighup,
	    &r->sigusr1 };
	size_t i;

	ev_signal_init(&r->sigterm, on_stop_signal, SIGTERM);
	ev_signal_init(&r->sigint, on_stop_signal, SIGINT);
	ev_signal_init(&r->sighup, r->once ? on_once_hup : on_reload, SIGHUP);
	ev_signal_init(&r->sigusr1, on_usr1, SIGUSR1);
	for (i = 0; i < sizeof(all) / sizeof(all[0]); i++) {
		all[i]->data = r;
		ev_signal_start(r->loop, all[i]);
	}
}

static void
signals_stop(struct run *r)
{
	ev_signal_stop(r->loop, &r->sigterm);
	ev_signal_stop(r->loop, &r->sigint);
	ev_signal_stop(r->loop, &r->sighup);
	ev_signal_stop(r->loop, &r->sigusr1);
}

static void
watchdog_start(struct run *r)
{
#ifdef HAVE_LIBSYSTEMD
	uint64_t usec;

	if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0) {
		ev_timer_init(&r->watchdog, on_watchdog, 0.,
		    (double)usec / 2e6);
		ev_timer_again(r->loop, &r->watchdog);
	}
#endif
}

int
cmd_run(const char *config_path, int foreground, int once)
{
	struct run r;
	int where, journal, status = EXIT_BAD_INPUT;
	size_t failed;

	memset(&r, 0, sizeof(r));
	r.config_path = config_path;
	r.once = once;
	/* Under systemd, stderr is the journal: write to the journal
	 * itself, so that priorities and fields survive (log.c). */
	journal = log_stderr_is_journal();
	if (journal)
		where = LOG_TO_JOURNAL;
	else if (once)
		where = LOG_TO_STDERR;
	else if (foreground)
		where = LOG_TO_STDERR | LOG_TO_SYSLOG;
	else
		where = LOG_TO_JOURNAL;	/* detached: syslog if no journal */
	/* Until detached, problems go to the terminal that started us. */
	log_init("brinkd", journal ? LOG_TO_JOURNAL : LOG_TO_STDERR,
	    LOG_LEVEL_INFO);

	/* What -t would refuse stops the start with EX_CONFIG, so that
	 * systemd stops at once instead of restarting in a loop. */
	if (load(config_path, &r.cfg, &r.rules) == -1)
		return EXIT_CONFIG;
	if (sinks_check(r.cfg, report, NULL) > 0) {
		log_error("%s: the sinks cannot open (see above)",
		    config_path);
		status = EXIT_CONFIG;
		goto out;
	}
	log_set_level((enum log_level)r.cfg->log_level);
	if (!once && !foreground && daemon(0, 0) == -1) {
		log_error("cannot detach: %s", strerror(errno));
		goto out;
	}
	/* From here the messages go where the mode wants them. */
	log_init("brinkd", where, (enum log_level)r.cfg->log_level);
	signal(SIGPIPE, SIG_IGN);
	if (poll_library_init() == -1)
		goto out;
	r.loop = ev_default_loop(EVFLAG_AUTO);
	if (r.loop == NULL) {
		log_error("cannot start the event loop (libev)");
		goto out_curl;
	}
	/* A database brinkd cannot use is a fault of the set-up: systemd
	 * must not restart into it in a loop.  A lock or a full disk may
	 * pass, and a restart is then what is wanted. */
	if ((r.store = store_open(r.cfg->state_dir)) == NULL) {
		if (!store_open_transient())
			status = EXIT_CONFIG;
		goto out_loop;
	}
	if ((r.state_dir = strdup(r.cfg->state_dir)) == NULL)
		log_fatal("out of memory");
	r.pipeline = pipeline_new(r.store);
	if ((r.poll = poll_new(r.loop, r.cfg, r.store, pipeline_feed,
	    r.pipeline)) == NULL)
		goto out_store;
	if ((r.sinks = sinks_open(r.cfg, r.store, r.poll)) == NULL) {
		status = EXIT_CONFIG;
		goto out_poll;
	}
	pipeline_set(r.pipeline, r.cfg, r.rules, r.sinks);
	signals_start(&r);
	/* Written once SIGTERM is handled: whoever reads the pid may use it. */
	if (!once && r.cfg->pid_file != NULL &&
	    (r.pid_file = pid_file_open(r.cfg->pid_file)) == NULL)
		goto out_signals;

	if (once) {
		poll_once(r.poll, on_once_done, &r);
		ev_run(r.loop, 0);
		if (r.stopping)
			status = EXIT_OK;
		else if ((failed = poll_once_failures(r.poll)) > 0) {
			log_error("%zu of %zu feed%s failed", failed,
			    r.cfg->n_feeds, r.cfg->n_feeds == 1 ? "" : "s");
			status = EXIT_BAD_INPUT;
		} else
			status = EXIT_OK;
	} else {
		/* Before the first poll: a scrape target that cannot
		 * listen is a failed start, as nginx fails on its port. */
		if (r.cfg->metrics_listen != NULL && (r.metrics =
		    metrics_http_start(r.loop, r.cfg, r.store)) == NULL)
			goto out_signals;
		poll_start(r.poll);
		watchdog_start(&r);
		log_info("started: %zu feed%s, %zu rule%s, %zu sink%s, "
		    "state in %s", r.cfg->n_feeds, r.cfg->n_feeds == 1 ?
		    "" : "s", r.cfg->n_rules, r.cfg->n_rules == 1 ? "" : "s",
		    r.cfg->n_sinks, r.cfg->n_sinks == 1 ? "" : "s",
		    store_path(r.store));
		ev_timer_init(&r.ready, on_ready, 0., 0.);
		ev_timer_start(r.loop, &r.ready);
		ev_timer_init(&r.status, on_status, 1., STATUS_EVERY);
		r.status.data = &r;
		ev_timer_start(r.loop, &r.status);
		ev_run(r.loop, 0);
		log_info("stopped");
		status = EXIT_OK;
	}

	ev_timer_stop(r.loop, &r.watchdog);
	ev_timer_stop(r.loop, &r.ready);
	ev_timer_stop(r.loop, &r.status);
out_signals:
	metrics_http_stop(r.metrics);
	signals_stop(&r);
	/* Sinks first: a post still in flight then ends in poll_free with
	 * an error, which the webhook sink expects of a closed sink. */
	sinks_close(r.sinks);
out_poll:
	poll_free(r.poll);
out_store:
	pipeline_free(r.pipeline);
	store_close(r.store);
out_loop:
	ev_loop_destroy(r.loop);
out_curl:
	poll_library_cleanup();
out:
	/* The file written, whatever the configuration now says. */
	pid_file_close(r.pid_file);
	rules_free(r.rules);
	config_free(r.cfg);
	metrics_reset();
	free(r.state_dir);
	xmlCleanupParser();
	return status;
}
