/*
 * poll.h: the per-feed schedule and every HTTP transfer, on one libev
 * loop driving libcurl's multi-socket interface.  The only module that
 * includes both <ev.h> and <curl/curl.h>.
 */
#ifndef BRINK_POLL_H
#define BRINK_POLL_H

#include <stddef.h>

struct ev_loop;
struct config;
struct poll;

/* An HTTP request that is not a feed fetch (webhook posts). */
struct http_request {
	const char		*url;
	const char		*method;	/* "POST" */
	const char		*body;		/* copied by poll_http */
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
};

typedef void poll_http_done_fn(void *arg, const struct http_response *);

/*
 * Start req on the loop; done(arg, response) is called exactly once, from
 * the loop, when it finished or failed.  Returns 0, or -1 if it could not
 * be started (done is then not called).
 */
int		 poll_http(struct poll *, const struct http_request *req,
		    poll_http_done_fn *done, void *arg);

/* The loop the poller runs on (for sinks' own timers). */
struct ev_loop	*poll_loop(struct poll *);

#endif
