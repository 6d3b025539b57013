/*
 * http_impl.h: what http.c (libcurl on the loop, the transfers, the
 * caps, posts) and http_fetch.c (feed fetches) share, and nobody else.
 */
#ifndef BRINK_HTTP_IMPL_H
#define BRINK_HTTP_IMPL_H

#include <sys/queue.h>

#include <curl/curl.h>
#include <ev.h>

#include "http.h"

/* Fallbacks when a limit is 0 (the configuration fills them normally). */
#define DEFAULT_CONNECT_TIMEOUT	10.0
#define DEFAULT_TIMEOUT		60.0

TAILQ_HEAD(transfer_list, transfer);

/*
 * One server's share of the caps (max_per_host): its transfers running
 * and waiting.  Kept per host so that starting the next transfer costs
 * the same with 40,000 feeds waiting on one server as with 10; a scan of
 * every waiting transfer at each end made a first poll quadratic.
 */
struct http_host {
	char			*name;		/* as libcurl parsed it */
	int			 refs;		/* transfers naming it */
	int			 active;	/* of those, running */
	struct transfer_list	 pending;	/* waiting, oldest first */
	int			 ready;		/* in the client's ready list */
	TAILQ_ENTRY(http_host)	 ready_entry;
};
TAILQ_HEAD(http_host_list, http_host);

struct http {
	struct ev_loop		*loop;
	const struct config	*cfg;
	CURLM			*multi;
	ev_timer		 curl_timer;	/* libcurl's own timeout */
	struct transfer_list	 active, pending;
	int			 n_active;
	void			*hosts;		/* tsearch(3) tree of http_host */
	struct http_host_list	 ready;		/* hosts with a transfer
						   waiting and room to start it */
	void			(*ended)(void *);
	void			*ended_arg;
};

struct transfer {
	/* in the client's active or pending list */
	TAILQ_ENTRY(transfer)	 entry;
	struct http		*http;
	CURL			*easy;
	/* How the transfer ends for its owner: post_done or fetch_done. */
	void			(*finish)(struct transfer *, CURLcode);
	fetch_done_fn		*fetched;	/* NULL: a post */
	char			*url;		/* as asked for */
	struct http_host	*host;		/* per-host cap */
	TAILQ_ENTRY(transfer)	 host_entry;	/* in host->pending */
	int			 active;
	int			 queued;	/* in the pending lists */
	struct curl_slist	*headers;
	char			*buf;		/* body, decoded */
	size_t			 len, cap, max_body;
	int			 too_big;
	int			 moved;		/* 301/308 seen */
	int			 dropped;	/* given up */
	char			*etag, *last_modified;
	http_done_fn		*done;		/* a post's */
	void			*done_arg;	/* either's */
	char			*what;
	char			 errbuf[CURL_ERROR_SIZE];
};

/* value if positive, else fallback. */
double		 http_limit_or(double value, double fallback);
int		 http_is_file_url(const char *url);
/* What went wrong, in words an operator can act on. */
const char	*transfer_reason(const struct transfer *, CURLcode);
/* A transfer of url with what every transfer shares; NULL (logged). */
struct transfer	*transfer_new(struct http *, const char *url,
		    const char *protocols, double connect_timeout,
		    double timeout);
void		 transfer_free(struct transfer *);
/* Queue t behind the caps and start what they allow. */
void		 transfer_queue(struct transfer *t);
/* Give t up: its finish() hears CURLE_ABORTED_BY_CALLBACK, dropped set. */
void		 transfer_drop(struct transfer *, const char *why);

/* http_host.c.  The host of url ("" for file://), case aside, made on
 * first use; each transfer holds one reference. */
struct http_host *http_host_of_url(struct http *, const char *url);
/* Drop a reference; the last one frees the host. */
void		 http_host_unref(struct http *, struct http_host *);
/* Put host in p's ready list, or take it out, as it has a transfer
 * waiting and fewer than max_per_host running. */
void		 http_host_update(struct http *, struct http_host *,
		    int max_per_host);

#endif
