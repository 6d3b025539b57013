/*
 * poll.h: the poller: every feed on its own schedule on one libev loop,
 * its fetches and the webhook posts made through http.h (libcurl's
 * multi-socket interface on that loop).
 */
#ifndef BRINK_POLL_H
#define BRINK_POLL_H

#include <stddef.h>

#include "http.h"

struct ev_loop;
struct config;
struct config_feed;
struct store;
struct poll;

/* A post's request and answer (http.h). */
typedef http_done_fn poll_http_done_fn;

/*
 * Start req on the loop; done(arg, response) is called exactly once, from
 * the loop, when it finished or failed.  Returns 0, or -1 if it could not
 * be started (done is then not called).
 */
int		 poll_http(struct poll *, const struct http_request *req,
		    poll_http_done_fn *done, void *arg);

/*
 * Forget every poll_http transfer started with arg: they are aborted and
 * their done() is never called.  For a sink that closes while a post is
 * in flight (the post stays in the spool and is retried later).
 */
void		 poll_http_cancel(struct poll *, void *arg);

/* What processing a fetched feed found, for the counters. */
struct poll_result {
	size_t	items;		/* new items processed */
	size_t	alerts;		/* alerts raised */
	int	local_failure;	/* failed here (store, sink), not the feed */
};

/*
 * A feed answered 200: process len bytes of body (url is where it came
 * from, after redirects).  Returns 0 when done, -1 when it failed (logged
 * by the callee): its validators are not kept, so the next poll fetches
 * it whole again.  A failure of the feed (a body that is no feed) backs
 * the feed off; one that sets local_failure (a full disk, a sink that
 * cannot write) is no fault of the server and is retried soon.
 */
typedef int poll_process_fn(void *arg, const struct config_feed *feed,
    const char *url, const char *body, size_t len, struct poll_result *);

/* libcurl's global set-up and tear-down, once per process around every
 * poller.  poll_library_init returns 0 or -1 (logged). */
int		 poll_library_init(void);
void		 poll_library_cleanup(void);

/*
 * A poller on loop for the feeds of cfg (borrowed until poll_reconfigure
 * or poll_free), keeping validators and schedule in store (may be NULL
 * when only poll_http is used).  Needs poll_library_init() first.  Returns
 * NULL on error (logged).  Caller frees with poll_free.
 */
struct poll	*poll_new(struct ev_loop *loop, const struct config *cfg,
		    struct store *store, poll_process_fn *process, void *arg);
/* Schedule every feed: first poll soon (with jitter), then every interval. */
void		 poll_start(struct poll *);
/*
 * Poll every feed once, now and concurrently; when every feed and every
 * poll_http transfer has finished, call done(arg).
 */
void		 poll_once(struct poll *, void (*done)(void *), void *arg);
/* After poll_once: log one line per failed feed; the number that failed. */
size_t		 poll_once_failures(struct poll *);
/*
 * SIGHUP: switch to cfg.  Feeds are matched by name: added ones start,
 * removed ones stop (an in-flight fetch is abandoned), changed ones are
 * rescheduled; counters and state are kept.  The old configuration may
 * be freed when this returns.
 */
void		 poll_reconfigure(struct poll *, const struct config *cfg);
/*
 * Stop: no new transfers; those in flight get grace seconds, then are
 * abandoned (poll_http callers get done() with an error).  done(arg) is
 * called from the loop when nothing is left.
 */
void		 poll_stop(struct poll *, double grace, void (*done)(void *),
		    void *arg);
/* SIGUSR1: log the counters of every feed. */
void		 poll_log_counters(struct poll *);
/* Free everything; a poll_http transfer still in flight gets done() with
 * an error first. */
void		 poll_free(struct poll *);

/* The loop the poller runs on (for sinks' own timers). */
struct ev_loop	*poll_loop(struct poll *);

#endif
