/*
 * http.h: every HTTP transfer brinkd makes, on one libev loop driving
 * libcurl's multi-socket interface: feed fetches (for poll_feed.c, which
 * decides when) and webhook posts (through poll_http).  It knows nothing
 * of feeds, schedules or the pipeline: whoever starts a transfer hears
 * how it ended through the function it passed.  The only module that
 * includes both <ev.h> and <curl/curl.h>.
 */
#ifndef BRINK_HTTP_H
#define BRINK_HTTP_H

#include <stddef.h>

struct ev_loop;
struct config;
struct config_limits;
struct http;
struct transfer;

/* An HTTP request that is not a feed fetch (webhook posts). */
struct http_request {
	const char		*url;
	const char		*method;	/* "POST" */
	const char		*body;		/* copied by http_post */
	size_t			 body_len;
	const char *const	*headers;	/* "Name: value", NULL-terminated; copied */
	double			 timeout;	/* seconds, whole transfer */
	const char		*what;		/* "sink chat", for log lines */
};

struct http_response {
	long		 status;	/* HTTP status; 0 if none arrived */
	const char	*error;		/* NULL, or why the transfer failed
					   (timeout, refused, ...) */
	const char	*body;		/* borrowed until done() returns */
	size_t		 body_len;
	double		 retry_after;	/* seconds from Retry-After; -1 if none */
	int		 timed_out;	/* no answer within the timeout: the
					   receiver may still have acted */
	double		 elapsed;	/* seconds from the start to the end */
};

typedef void http_done_fn(void *arg, const struct http_response *);

/* A feed fetch: conditional, bounded by the feed's limits. */
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

/* What came back; everything borrowed until the fetch_done_fn returns. */
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

typedef void fetch_done_fn(void *arg, const struct fetch_result *);

/* libcurl's global set-up and tear-down, once per process around every
 * client.  http_library_init returns 0 or -1 (logged). */
int		 http_library_init(void);
void		 http_library_cleanup(void);

/*
 * A client on loop with the caps and limits of cfg (borrowed until
 * http_configure or http_free).  ended(arg), if not NULL, is called
 * after every transfer has ended and its owner heard of it.  NULL on
 * error (logged).  Caller frees with http_free.
 */
struct http	*http_new(struct ev_loop *loop, const struct config *cfg,
		    void (*ended)(void *), void *arg);
void		 http_configure(struct http *, const struct config *cfg);
/*
 * Post req; done(arg, response) is called exactly once, from the loop,
 * when it finished or failed.  Posts do not wait behind the caps.
 * Returns 0, or -1 if it could not be started (done is then not called).
 */
int		 http_post(struct http *, const struct http_request *req,
		    http_done_fn *done, void *arg);
/* Abort every post started with arg; their done() is never called. */
void		 http_cancel(struct http *, void *arg);
/*
 * Fetch a feed (queued behind the global and per-host caps); done(arg,
 * result) follows, from the loop, once.  NULL with the reason in err if
 * it could not be set up (done is then not called).  The transfer is
 * the caller's handle for http_drop until done is called.
 */
struct transfer	*http_fetch(struct http *, const struct fetch_request *req,
		    fetch_done_fn *done, void *arg, char *err, size_t errlen);
/* Give a fetch up now: its done() hears FETCH_DROPPED. */
void		 http_drop(struct transfer *);
/* 1 while a transfer runs or waits behind the caps. */
int		 http_busy(const struct http *);
/* How many transfers run now. */
int		 http_running(const struct http *);
/* Stopping: drop the fetches that have not started. */
void		 http_drop_pending(struct http *);
/* Give up the transfers still running; posts hear that they failed. */
void		 http_drop_active(struct http *, const char *why);
/* Free the client; transfers still there are dropped first. */
void		 http_free(struct http *);

#endif
