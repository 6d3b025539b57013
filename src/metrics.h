/*
 * metrics.h: the counters brinkd keeps for Prometheus, and their text
 * exposition (format 0.0.4).  Polls, deliveries and alerts are counted
 * where they happen, through the one-line calls below; the gauges
 * (failures in a row, last success, spool depth and age) are read from
 * the state database at each scrape, so that they hold across a restart
 * and agree with brinkd --status.
 *
 * Every name is prefixed brink_.  Counters are kept for the life of the
 * process, keyed by feed or sink name (a feed renamed by a reload starts
 * from zero, as Prometheus expects of a new series).  One thread: the
 * calls are made from the loop.
 */
#ifndef BRINK_METRICS_H
#define BRINK_METRICS_H

#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include <jansson.h>

struct config;
struct store;

/* A feed's fetch starts, and ends with an answer or a transport error. */
void	metrics_poll_started(const char *feed);
void	metrics_poll_ended(const char *feed);
/* A poll's outcome as the feed's schedule saw it (ok 0: an error). */
void	metrics_feed_result(const char *feed, int ok);
/* New items read from a feed. */
void	metrics_feed_items(const char *feed, size_t n);
/* An alert raised (its feed, category and severity are read from it). */
void	metrics_alert(const json_t *alert);
/* n alerts reached a sink's destination, were dropped, or a post
 * failed and will be tried again. */
void	metrics_sink_delivered(const char *sink, size_t n);
void	metrics_sink_dropped(const char *sink, size_t n);
void	metrics_sink_failed(const char *sink);

/*
 * Write every metric for the feeds and sinks of cfg to f, with the
 * gauges read from store (may be NULL: those are left out).  0, or -1
 * when the store could not be read (what was written is still valid).
 */
int	metrics_write(FILE *f, const struct config *cfg, struct store *store,
	    time_t now);
/* Forget every counter (at exit, and between tests). */
void	metrics_reset(void);

#endif
