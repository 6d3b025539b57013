/*
 * metrics_http.c: /metrics on libmicrohttpd, driven by libev; see
 * metrics_http.h.
 *
 * libmicrohttpd (Debian's libmicrohttpd) parses HTTP, keeps
 * connections, enforces timeouts and limits: the parts a hand-written
 * server gets wrong.  It runs without a thread of its own: in epoll
 * mode it exposes one descriptor that is readable whenever any of its
 * sockets needs attention, which is watched by an ev_io; MHD_run does
 * the work, and MHD_get_timeout says when to call it again for idle
 * connections.  So a scrape is answered from the loop, between polls,
 * and reads the counters and the store without locks.
 */
#include "autoconf.h"

#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <ev.h>
#include <microhttpd.h>

#include "config.h"
#include "log.h"
#include "metrics.h"
#include "metrics_addr.h"
#include "metrics_http.h"

/* A scraper or two, and a curl by hand: more is a misconfiguration. */
#define MAX_CONNECTIONS		16
#define CONNECTION_TIMEOUT	10	/* seconds idle */
#define CONTENT_TYPE		"text/plain; version=0.0.4; charset=utf-8"

struct metrics_http {
	struct ev_loop		*loop;
	struct MHD_Daemon	*mhd;
	ev_io			 io;
	ev_timer		 timer;
	const struct config	*cfg;
	struct store		*store;
	char			*address;
	char			 last_error[256];
};

static void
mhd_logger(void *arg, const char *format, va_list ap)
{
	struct metrics_http *h = arg;
	size_t len;

	vsnprintf(h->last_error, sizeof(h->last_error), format, ap);
	len = strlen(h->last_error);
	while (len > 0 && (h->last_error[len - 1] == '\n' ||
	    h->last_error[len - 1] == '.'))
		h->last_error[--len] = '\0';
	/* Once listening, what MHD says is about one connection. */
	if (h->io.data != NULL)
		log_debug("metrics %s: %s", h->address, h->last_error);
}

static enum MHD_Result
reply(struct MHD_Connection *c, unsigned int status, const char *type,
    char *body, size_t len)
{
	struct MHD_Response *r;
	enum MHD_Result rc;

	r = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
	if (r == NULL) {
		free(body);
		return MHD_NO;
	}
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	if (status == MHD_HTTP_METHOD_NOT_ALLOWED)
		MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
	rc = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return rc;
}

static enum MHD_Result
reply_text(struct MHD_Connection *c, unsigned int status, const char *text)
{
	char *body;

	if ((body = strdup(text)) == NULL)
		return MHD_NO;
	return reply(c, status, "text/plain; charset=utf-8", body,
	    strlen(body));
}

static enum MHD_Result
on_request(void *arg, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **state)
{
	struct metrics_http *h = arg;
	char *body = NULL;
	size_t len = 0;
	FILE *f;

	if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 &&
	    strcmp(method, MHD_HTTP_METHOD_HEAD) != 0)
		return reply_text(c, MHD_HTTP_METHOD_NOT_ALLOWED,
		    "only GET /metrics\n");
	if (strcmp(url, "/metrics") != 0)
		return reply_text(c, MHD_HTTP_NOT_FOUND,
		    "brinkd serves /metrics\n");
	if ((f = open_memstream(&body, &len)) == NULL)
		log_fatal("out of memory");
	if (metrics_write(f, h->cfg, h->store, time(NULL)) == -1)
		log_warn("metrics %s: the state database could not be read; "
		    "the gauges from it are left out of this scrape",
		    h->address);
	if (fclose(f) != 0)
		log_fatal("out of memory");
	return reply(c, MHD_HTTP_OK, CONTENT_TYPE, body, len);
}

/* Call MHD_run again when MHD says, or never. */
static void
rearm(struct metrics_http *h)
{
	MHD_UNSIGNED_LONG_LONG ms;

	ev_timer_stop(h->loop, &h->timer);
	if (MHD_get_timeout(h->mhd, &ms) == MHD_YES) {
		ev_timer_set(&h->timer, (double)ms / 1000.0, 0.);
		ev_timer_start(h->loop, &h->timer);
	}
}

static void
on_io(struct ev_loop *loop, ev_io *w, int revents)
{
	struct metrics_http *h = w->data;

	MHD_run(h->mhd);
	rearm(h);
}

static void
on_timer(struct ev_loop *loop, ev_timer *w, int revents)
{
	struct metrics_http *h = w->data;

	MHD_run(h->mhd);
	rearm(h);
}

struct metrics_http *
metrics_http_start(struct ev_loop *loop, const struct config *cfg,
    struct store *store)
{
	struct sockaddr_storage ss;
	const union MHD_DaemonInfo *info;
	struct metrics_http *h;
	char why[256];

	if (metrics_addr_parse(cfg->metrics_listen, &ss, why,
	    sizeof(why)) == -1) {
		log_error("metrics_listen \"%s\": %s", cfg->metrics_listen,
		    why);
		return NULL;
	}
	if ((h = calloc(1, sizeof(*h))) == NULL ||
	    (h->address = strdup(cfg->metrics_listen)) == NULL)
		log_fatal("out of memory");
	h->loop = loop;
	h->cfg = cfg;
	h->store = store;
	/* The port is in ss; given again, MHD's messages name it. */
	h->mhd = MHD_start_daemon(MHD_USE_EPOLL | MHD_USE_ERROR_LOG,
	    ntohs(ss.ss_family == AF_INET6 ?
	    ((struct sockaddr_in6 *)&ss)->sin6_port :
	    ((struct sockaddr_in *)&ss)->sin_port),
	    NULL, NULL, on_request, h,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned int)MAX_CONNECTIONS,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)CONNECTION_TIMEOUT,
	    MHD_OPTION_EXTERNAL_LOGGER, mhd_logger, h,
	    MHD_OPTION_END);
	if (h->mhd == NULL) {
		log_error("metrics_listen \"%s\": cannot listen: %s; choose "
		    "another address or port, or remove metrics_listen",
		    h->address, h->last_error[0] != '\0' ? h->last_error :
		    "libmicrohttpd could not start");
		free(h->address);
		free(h);
		return NULL;
	}
	info = MHD_get_daemon_info(h->mhd, MHD_DAEMON_INFO_EPOLL_FD);
	ev_io_init(&h->io, on_io, info->epoll_fd, EV_READ);
	h->io.data = h;
	ev_io_start(loop, &h->io);
	ev_timer_init(&h->timer, on_timer, 0., 0.);
	h->timer.data = h;
	rearm(h);
	log_info("metrics: serving http://%s/metrics", h->address);
	return h;
}

void
metrics_http_set_config(struct metrics_http *h, const struct config *cfg)
{
	h->cfg = cfg;
}

const char *
metrics_http_address(const struct metrics_http *h)
{
	return h->address;
}

void
metrics_http_stop(struct metrics_http *h)
{
	if (h == NULL)
		return;
	ev_io_stop(h->loop, &h->io);
	ev_timer_stop(h->loop, &h->timer);
	MHD_stop_daemon(h->mhd);
	free(h->address);
	free(h);
}
