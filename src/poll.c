/*
 * poll.c: the poller's public face (poll.h).  It owns the HTTP client
 * (http.c) and the feeds (poll_feed.c, each its own schedule), starts
 * and reconfigures them, and tells poll_once's and poll_stop's callers
 * when nothing is left to do.  Neither lower file calls back in here:
 * the client reports each ended transfer through a function pointer.
 */
#include "autoconf.h"

#include <sys/queue.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <ev.h>

#include "config.h"
#include "http.h"
#include "log.h"
#include "poll.h"
#include "poll_impl.h"

int
poll_library_init(void)
{
	return http_library_init();
}

void
poll_library_cleanup(void)
{
	http_library_cleanup();
}

int
poll_http(struct poll *p, const struct http_request *req,
    poll_http_done_fn *done, void *arg)
{
	if (p->stopping)
		return -1;
	return http_post(p->http, req, done, arg);
}

void
poll_http_cancel(struct poll *p, void *arg)
{
	http_cancel(p->http, arg);
}

struct ev_loop *
poll_loop(struct poll *p)
{
	return p->loop;
}

/*
 * Completion of poll_once and poll_stop, looked at from the loop.
 */

static void
on_kick(struct ev_loop *loop, ev_timer *w, int revents)
{
	struct poll *p = w->data;
	void (*done)(void *);

	if (http_busy(p->http))
		return;
	if (p->stopping && p->stop_done != NULL) {
		ev_timer_stop(p->loop, &p->grace);
		done = p->stop_done;
		p->stop_done = NULL;
		done(p->stop_arg);
	} else if (p->once && p->once_done != NULL) {
		done = p->once_done;
		p->once_done = NULL;
		done(p->once_arg);
	}
}

/* Look again, from the loop, whether once or stop are complete: after
 * every transfer (the client's ended callback) and when they begin. */
static void
poll_kick(void *arg)
{
	struct poll *p = arg;

	if ((p->stopping && p->stop_done != NULL) ||
	    (p->once && p->once_done != NULL)) {
		if (!ev_is_active(&p->kick)) {
			ev_timer_set(&p->kick, 0., 0.);
			ev_timer_start(p->loop, &p->kick);
		}
	}
}

static void
on_grace(struct ev_loop *loop, ev_timer *w, int revents)
{
	struct poll *p = w->data;
	int n;

	if ((n = http_running(p->http)) > 0)
		log_warn("abandoning %d transfer%s still running", n,
		    n == 1 ? "" : "s");
	http_drop_active(p->http, "abandoned at shutdown");
	poll_kick(p);
}

/*
 * The poller's life.
 */

struct poll *
poll_new(struct ev_loop *loop, const struct config *cfg, struct store *store,
    poll_process_fn *process, void *arg)
{
	struct poll *p;
	size_t i;

	if ((p = calloc(1, sizeof(*p))) == NULL)
		log_fatal("out of memory");
	p->loop = loop;
	p->cfg = cfg;
	p->store = store;
	p->process = process;
	p->process_arg = arg;
	TAILQ_INIT(&p->feeds);
	ev_timer_init(&p->kick, on_kick, 0., 0.);
	p->kick.data = p;
	ev_timer_init(&p->grace, on_grace, 0., 0.);
	p->grace.data = p;
	/* The feeds' jitter. */
	srandom((unsigned)time(NULL) ^ (unsigned)getpid());
	if ((p->http = http_new(loop, cfg, poll_kick, p)) == NULL) {
		poll_free(p);
		return NULL;
	}
	for (i = 0; i < cfg->n_feeds; i++)
		poll_feed_new(p, &cfg->feeds[i]);
	return p;
}

void
poll_start(struct poll *p)
{
	struct poll_feed *f;

	TAILQ_FOREACH(f, &p->feeds, entry)
		poll_feed_start(f);
}

void
poll_once(struct poll *p, void (*done)(void *), void *arg)
{
	struct poll_feed *f;

	p->once = 1;
	p->once_done = done;
	p->once_arg = arg;
	TAILQ_FOREACH(f, &p->feeds, entry) {
		f->once_state = 0;
		poll_feed_fetch(f);
	}
	poll_kick(p);
}

size_t
poll_once_failures(struct poll *p)
{
	struct poll_feed *f;
	size_t n = 0;

	TAILQ_FOREACH(f, &p->feeds, entry) {
		if (f->once_state >= 0)
			continue;
		log_error("feed %s: failed: %s", f->name, f->last_error);
		n++;
	}
	return n;
}

/* Order running feeds by name (qsort and bsearch over pointers). */
static int
feed_cmp(const void *a, const void *b)
{
	const struct poll_feed *fa = *(struct poll_feed *const *)a;
	const struct poll_feed *fb = *(struct poll_feed *const *)b;

	return strcmp(fa->name, fb->name);
}

void
poll_reconfigure(struct poll *p, const struct config *cfg)
{
	struct poll_feed *f, *next, **old = NULL, **found, key, *keyp = &key;
	const struct config_feed *cf;
	size_t i, n;

	p->cfg = cfg;
	http_configure(p->http, cfg);
	/* The running feeds sorted by name, so that each configured feed
	 * finds its own in log time: a walk of the list for each was
	 * quadratic, and a reload of 40,000 feeds outlasted the watchdog. */
	n = 0;
	TAILQ_FOREACH(f, &p->feeds, entry)
		n++;
	if (n > 0 && (old = calloc(n, sizeof(*old))) == NULL)
		log_fatal("out of memory");
	n = 0;
	TAILQ_FOREACH(f, &p->feeds, entry) {
		f->keep = 0;
		old[n++] = f;
	}
	if (n > 1)
		qsort(old, n, sizeof(*old), feed_cmp);
	for (i = 0; i < cfg->n_feeds; i++) {
		cf = &cfg->feeds[i];
		key.name = cf->name;
		found = n > 0 ? bsearch(&keyp, old, n, sizeof(*old),
		    feed_cmp) : NULL;
		f = found != NULL ? *found : NULL;
		if (f != NULL) {
			poll_feed_reconfigure(f, cf);
			continue;
		}
		f = poll_feed_new(p, cf);
		f->keep = 1;
		if (!p->stopping && !p->once)
			poll_feed_start(f);
		log_info("feed %s: added", f->name);
	}
	free(old);
	for (f = TAILQ_FIRST(&p->feeds); f != NULL; f = next) {
		next = TAILQ_NEXT(f, entry);
		if (!f->keep) {
			log_info("feed %s: removed", f->name);
			poll_feed_free(f);
		}
	}
}

void
poll_log_counters(struct poll *p)
{
	struct poll_feed *f;

	TAILQ_FOREACH(f, &p->feeds, entry)
		poll_feed_log_counters(f);
}

void
poll_stop(struct poll *p, double grace, void (*done)(void *), void *arg)
{
	struct poll_feed *f;

	p->stopping = 1;
	p->stop_done = done;
	p->stop_arg = arg;
	TAILQ_FOREACH(f, &p->feeds, entry)
		poll_feed_stop(f);
	/* What has not started yet never will. */
	http_drop_pending(p->http);
	if (http_running(p->http) > 0) {
		ev_timer_set(&p->grace, grace, 0.);
		ev_timer_start(p->loop, &p->grace);
	}
	poll_kick(p);
}

void
poll_free(struct poll *p)
{
	if (p == NULL)
		return;
	/* No feed is processed from here on. */
	p->process = NULL;
	p->once_done = p->stop_done = NULL;
	while (!TAILQ_EMPTY(&p->feeds))
		poll_feed_free(TAILQ_FIRST(&p->feeds));
	/* Posts still in flight hear that they failed, so that their
	 * owners can free what they attached. */
	http_free(p->http);
	ev_timer_stop(p->loop, &p->kick);
	ev_timer_stop(p->loop, &p->grace);
	free(p);
}
