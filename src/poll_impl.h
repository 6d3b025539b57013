/*
 * poll_impl.h: the types that poll.c (the poller's public face: its
 * life, poll_once, poll_stop, reloads) and poll_feed.c (one feed's
 * schedule and what an answer means for it) share.  poll.c drives
 * poll_feed.c; poll_feed.c calls nothing in poll.c.
 */
#ifndef BRINK_POLL_IMPL_H
#define BRINK_POLL_IMPL_H

#include <sys/queue.h>

#include <ev.h>

#include "poll.h"

struct config_feed;
struct http;
struct transfer;

TAILQ_HEAD(poll_feed_list, poll_feed);

struct poll {
	struct ev_loop		*loop;
	const struct config	*cfg;
	struct store		*store;
	poll_process_fn		*process;
	void			*process_arg;
	struct http		*http;		/* every transfer */
	ev_timer		 kick;		/* once/stop done? */
	ev_timer		 grace;		/* poll_stop's wait */
	struct poll_feed_list	 feeds;
	int			 once;
	void			(*once_done)(void *);
	void			*once_arg;
	int			 stopping;
	void			(*stop_done)(void *);
	void			*stop_arg;
};

struct poll_feed {
	TAILQ_ENTRY(poll_feed)	 entry;
	struct poll		*poll;
	char			*name;
	const struct config_feed *cf;
	ev_timer		 timer;
	struct transfer		*xfer;		/* in flight */
	int			 failures;	/* consecutive */
	int			 gone;		/* 410 */
	int			 moved_logged;
	int			 once_state;	/* 0, 1 ok, -1 failed */
	int			 keep;		/* for reconfigure */
	char			 last_error[512];
	unsigned long		 polls, ok, not_modified, errors;
	unsigned long		 items, alerts;
};

/* A feed of p for cf, in p's list, not yet scheduled. */
struct poll_feed *poll_feed_new(struct poll *p, const struct config_feed *cf);
/* Take f off its list and free it, dropping its fetch. */
void		 poll_feed_free(struct poll_feed *f);
/* The first poll of f: soon, spread out, unless a backoff still runs. */
void		 poll_feed_start(struct poll_feed *f);
/* Fetch f now, unless a fetch is in flight or the poller stops. */
void		 poll_feed_fetch(struct poll_feed *f);
/* No more timed polls of f (poll_stop). */
void		 poll_feed_stop(struct poll_feed *f);
/* SIGHUP: f is now configured by cf; rescheduled if its url or
 * interval changed, or if it was stopped by a 410. */
void		 poll_feed_reconfigure(struct poll_feed *f,
		    const struct config_feed *cf);
/* SIGUSR1: one line of f's counters. */
void		 poll_feed_log_counters(const struct poll_feed *f);

#endif
