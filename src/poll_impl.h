/*
 * poll_impl.h: what poll.c (HTTP on the loop, the only file with
 * libcurl) and poll_feed.c (each feed's schedule and what an answer
 * means for it) share.  Private to the two.
 */
#ifndef BRINK_POLL_IMPL_H
#define BRINK_POLL_IMPL_H

#include <sys/queue.h>

#include <stddef.h>

#include <ev.h>

#include "poll.h"

struct config_limits;
struct poll_feed;
struct transfer;

TAILQ_HEAD(transfer_list, transfer);
TAILQ_HEAD(poll_feed_list, poll_feed);

struct poll {
	struct ev_loop		*loop;
	const struct config	*cfg;
	struct store		*store;
	poll_process_fn		*process;
	void			*process_arg;
	void			*multi;		/* CURLM */
	ev_timer		 curl_timer;	/* libcurl's own timeout */
	ev_timer		 kick;		/* once/stop done? */
	ev_timer		 grace;		/* poll_stop's wait */
	struct transfer_list	 active, pending;
	int			 n_active;
	struct poll_feed_list	 feeds;
	int			 once;
	void			(*once_done)(void *);
	void			*once_arg;
	int			 stopping;
	void			(*stop_done)(void *);
	void			*stop_arg;
};

/* A feed fetch as poll_feed.c asks for it. */
struct fetch_request {
	const char			*url;
	const struct config_limits	*limits;	/* feed's */
	const char			*etag;		/* NULL: none */
	const char			*last_modified;	/* NULL */
	const struct config_list	*headers;	/* the feed's own; NULL */
};

enum fetch_error {
	FETCH_OK,
	FETCH_DROPPED,		/* given up without an answer (shutdown,
				   feed removed): say nothing */
	FETCH_TOO_BIG,		/* over max_body, decoded */
	FETCH_TIMEOUT,
	FETCH_REDIRECTS,	/* more than max_redirects */
	FETCH_PROTOCOL,		/* a scheme other than the feed's own */
	FETCH_TLS,		/* the server's certificate did not verify */
	FETCH_OTHER
};

/* What came back; everything borrowed until poll_feed_done returns. */
struct fetch_result {
	enum fetch_error error;
	const char	*reason;	/* libcurl's words, if error */
	long		 status;	/* 200 for a file:// read */
	const char	*asked_url;
	const char	*url;		/* after redirects */
	int		 moved;		/* a 301 or 308 on the way */
	const char	*body;
	size_t		 len;
	size_t		 max_body;
	double		 retry_after;	/* seconds; -1 if none */
	const char	*etag;		/* of the last answer; NULL */
	const char	*last_modified;
};

/* poll.c: start a fetch for feed (queued behind the caps); NULL with the
 * reason in err if it could not be set up.  poll_feed_done() follows. */
struct transfer	*poll_fetch(struct poll *, const struct fetch_request *,
		    struct poll_feed *feed, char *err, size_t errlen);
/* poll.c: give a fetch up; the feed hears FETCH_DROPPED. */
void		 poll_fetch_drop(struct transfer *);
/* poll.c: look again, from the loop, whether once/stop are complete. */
void		 poll_kick(struct poll *);
/* poll.c: a uniform random number in [0, 1), for jitter. */
double		 poll_jitter(void);

/* poll_feed.c: a fetch of feed ended. */
void		 poll_feed_done(struct poll_feed *,
		    const struct fetch_result *);
/* poll_feed.c: the feeds of p->cfg, not yet scheduled. */
void		 poll_feeds_new(struct poll *);
/* poll_feed.c: stop every feed's timer (poll_stop). */
void		 poll_feeds_stop(struct poll *);
/* poll_feed.c: free every feed, dropping its fetch. */
void		 poll_feeds_free(struct poll *);

#endif
