/*
 * alert.h: the alert record, one per article that fires (DESIGN.md, "The
 * alert"): built once here with jansson, then handed to every sink.
 */
#ifndef BRINK_ALERT_H
#define BRINK_ALERT_H

#include <time.h>

#include <jansson.h>

#include "feed.h"
#include "rules.h"

/*
 * How an alert record is written out.  Fifteen significant digits print
 * a figure rounded to 0.01 (a trend's baseline) as "0.27", where
 * jansson's default of seventeen prints the binary error too.
 */
#define ALERT_JSON_FLAGS	(JSON_COMPACT | JSON_REAL_PRECISION(15))

/*
 * Build the record for item of feed feed_name from result, stamped with
 * now.  Its "id" is a stable hash of the feed name and the item's key, so
 * a re-processed item gets the same id.  The top-level rule, category and
 * severity are the strongest hit's.  Returns a new reference (caller
 * json_decref()s), or NULL when result has no hits.
 */
json_t	*alert_build(const char *feed_name, const struct feed_item *item,
	    const struct rules_result *result, time_t now);

/* The record's severity as an enum severity (for sink filters); -1 if
 * the record has none. */
int	 alert_severity(const json_t *alert);
/* t as an RFC 3339 UTC string, or null when t is out of range (a new
 * reference, caller decrefs). */
json_t	*alert_time(time_t t);

#endif
