/*
 * poll_feed_test: the schedule's arithmetic, without a network.  Backoff
 * doubles from the interval up to backoff_max with half of it random;
 * Retry-After is honoured up to backoff_max; a 410 stops the feed; an
 * answer after failures resets the count; a good poll comes back after
 * an interval, give or take a tenth.
 */
#include "autoconf.h"

#include "../../src/poll_feed.c"

#include "../check.h"

static struct poll_feed *
setup(struct poll *p, struct config *cfg, struct config_feed *cf,
    struct ev_loop *loop)
{
	memset(p, 0, sizeof(*p));
	memset(cfg, 0, sizeof(*cfg));
	memset(cf, 0, sizeof(*cf));
	cfg->limits.interval = 60;
	cfg->backoff_max = 600;
	cf->name = "world";
	cf->url = "http://127.0.0.1/world.rss";
	cf->limits.interval = 60;
	cf->file = "brink.conf";
	cf->line = 7;
	p->loop = loop;
	p->cfg = cfg;
	TAILQ_INIT(&p->feeds);
	return poll_feed_new(p, cf);
}

/* Every backoff after n failures lies in [lo, hi]. */
static int
backoff_within(struct poll_feed *f, int n, double lo, double hi)
{
	double d;
	int i;

	f->failures = n;
	for (i = 0; i < 2000; i++) {
		d = feed_backoff(f);
		if (d < lo || d > hi) {
			printf("# failures %d: %.1f not in [%.1f, %.1f]\n", n,
			    d, lo, hi);
			return 0;
		}
	}
	return 1;
}

/*
 * The timer's time left is its deadline minus the loop's monotonic clock,
 * both doubles near the machine's uptime: the subtraction can land an ulp
 * (about 1e-13 s at ten minutes of uptime) either side of the exact
 * delay.  A microsecond covers that rounding at any plausible uptime and
 * still catches any real error in the schedule.
 */
#define TIMER_ROUNDING 1e-6

/* The feed's timer fires between lo and hi seconds from now. */
static int
left_within(struct ev_loop *loop, struct poll_feed *f, double lo, double hi)
{
	double left = ev_timer_remaining(loop, &f->timer);

	if (left >= lo - TIMER_ROUNDING && left <= hi + TIMER_ROUNDING)
		return 1;
	printf("# time left %.17g not in [%g, %g]\n", left, lo, hi);
	return 0;
}

/* What the pipeline answers for a 200: its status and whether a failure
 * was local (the store or a sink) rather than the feed's. */
static int process_status, process_local;

static int
process_stub(void *arg, const struct config_feed *cf, const char *url,
    const char *body, size_t len, struct poll_result *out)
{
	(void)arg, (void)cf, (void)url, (void)body, (void)len;
	memset(out, 0, sizeof(*out));
	out->local_failure = process_local;
	return process_status;
}

static void
answer(struct poll_feed *f, long status, double retry_after)
{
	struct fetch_result r;

	memset(&r, 0, sizeof(r));
	r.status = status;
	r.retry_after = retry_after;
	r.asked_url = r.url = f->cf->url;
	r.body = "";
	f->xfer = (struct transfer *)f;	/* as if one were in flight */
	poll_feed_done(f, &r);
}

int
main(void)
{
	struct ev_loop *loop = ev_loop_new(EVFLAG_AUTO);
	struct config cfg;
	struct config_feed cf;
	struct poll p;
	struct poll_feed *f;

	log_init("poll_feed_test", LOG_TO_STDERR, LOG_LEVEL_ERROR);
	f = setup(&p, &cfg, &cf, loop);

	CHECK(backoff_within(f, 1, 30, 60),
	    "first failure: half to one interval");
	CHECK(backoff_within(f, 2, 60, 120), "second failure: doubled");
	CHECK(backoff_within(f, 4, 240, 480), "fourth failure: eight times");
	CHECK(backoff_within(f, 5, 300, 600),
	    "fifth failure: held under backoff_max");
	CHECK(backoff_within(f, 1000, 300, 600),
	    "a thousand failures: still under backoff_max, no overflow");

	f->failures = 0;
	answer(f, 500, -1);
	CHECK_INT(f->failures, 1, "a 500 counts as a failure");
	CHECK(ev_is_active(&f->timer), "... and the feed is retried");
	CHECK(left_within(loop, f, 30, 60), "... after the first backoff");

	answer(f, 429, 120);
	CHECK(left_within(loop, f, 119, 120),
	    "429: retried when Retry-After says");
	answer(f, 503, 86400);
	CHECK(left_within(loop, f, 599, 600),
	    "503: a Retry-After beyond backoff_max is cut to it");
	CHECK_INT(f->failures, 3, "three failures in a row");

	answer(f, 304, -1);
	CHECK_INT(f->failures, 0, "an answer resets the failures");
	CHECK_INT(f->not_modified, 1, "... and counts as a 304");
	CHECK(left_within(loop, f, 54, 66),
	    "the next poll comes after an interval, give or take a tenth");

	/* A full disk after four failures of the server: no fifth backoff
	 * (240-600 s), the next try at the interval, within a minute. */
	p.process = process_stub;
	process_status = -1;
	process_local = 1;
	f->failures = 4;
	answer(f, 200, -1);
	CHECK_INT(f->failures, 4,
	    "a local failure does not count against the feed");
	CHECK(left_within(loop, f, 54, 66),
	    "... and is retried at the interval, not backed off");
	cf.limits.interval = 3600;
	answer(f, 200, -1);
	CHECK(left_within(loop, f, 54, 66),
	    "... within a minute for an hourly feed");
	cf.limits.interval = 60;
	process_local = 0;
	answer(f, 200, -1);
	CHECK_INT(f->failures, 5, "a body that is no feed is the feed's failure");
	CHECK(left_within(loop, f, 300, 600), "... and backs it off");
	p.process = NULL;

	answer(f, 410, -1);
	CHECK(f->gone, "410: the feed is marked gone");
	CHECK(!ev_is_active(&f->timer), "410: the feed is no longer polled");
	CHECK_STR(f->last_error, "HTTP 410 Gone: the server says the feed "
	    "was removed", "410: the reason is kept for --once's summary");

	poll_feed_free(f);
	ev_loop_destroy(loop);
	return check_done();
}
