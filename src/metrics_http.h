/*
 * metrics_http.h: the /metrics endpoint of metrics_listen, served by
 * libmicrohttpd on brinkd's libev loop (no thread: MHD's epoll
 * descriptor is one ev_io, its timeout one ev_timer).
 */
#ifndef BRINK_METRICS_HTTP_H
#define BRINK_METRICS_HTTP_H

#include <ev.h>

struct config;
struct store;
struct metrics_http;

/*
 * Listen on cfg->metrics_listen and answer GET /metrics with
 * metrics_write for cfg and store (both borrowed until
 * metrics_http_stop or the next metrics_http_set_config).  NULL, logged
 * with the address and the reason, when it cannot listen.
 */
struct metrics_http	*metrics_http_start(struct ev_loop *,
			    const struct config *cfg, struct store *store);
/* A reload: scrape the feeds and sinks of cfg from now on. */
void			 metrics_http_set_config(struct metrics_http *,
			    const struct config *cfg);
/* The address as it was given ("127.0.0.1:9464"), borrowed. */
const char		*metrics_http_address(const struct metrics_http *);
/* Close the socket and every connection.  NULL is fine. */
void			 metrics_http_stop(struct metrics_http *);

#endif
