/*
 * trend.h: the escalation meter's arithmetic, as a pure module (no I/O,
 * no logging); trend_db.c keeps the series in the store and raises the
 * trend alerts, cmd_trend.c prints them.
 *
 * A directed actor pair (actor -> target) has a series of distinct
 * stories, each weighted by its severity (info 1 ... critical 5) and
 * placed at its first article's date.  Its figures at a time now:
 *
 *   last_day   the weight of the stories of the last 24 hours
 *   last_week  the same over the last 7 days
 *   baseline   the mean weight per day over the 30 days before the
 *              last 24 hours (the pair's own normal)
 *   ratio      last_day / max(baseline, floor): the floor keeps a quiet
 *              pair (baseline near 0) from reading one story as a surge
 *   days       the weight per day of the last 14 days, oldest first
 */
#ifndef BRINK_TREND_H
#define BRINK_TREND_H

#include <stddef.h>
#include <time.h>

#define TREND_DAY		86400
#define TREND_DAYS		14	/* the sparkline's days */
#define TREND_BASELINE_DAYS	30
/* How far back a pair's figures read: the baseline and the last day. */
#define TREND_SPAN		((TREND_BASELINE_DAYS + 1) * TREND_DAY)
/* Bytes of a sparkline: TREND_DAYS characters of up to 3 bytes, NUL. */
#define TREND_SPARK_LEN		(TREND_DAYS * 3 + 1)

struct trend_point {
	time_t		time;
	int		weight;
};

struct trend_figures {
	double		last_day;
	double		last_week;
	double		baseline;
	double		ratio;
	double		days[TREND_DAYS];
};

/* The weight of a story of severity (enum severity); 1 for an unknown
 * one. */
int	trend_weight(int severity);

/* The figures of the n points at now with floor (see above).  Points
 * after now or older than TREND_SPAN count nowhere. */
void	trend_figures(const struct trend_point *points, size_t n, time_t now,
	    double floor, struct trend_figures *out);

/*
 * The days as a line of block characters (UTF-8, U+2581 to U+2588),
 * scaled to the largest day; a day with nothing is a space.  out holds
 * TREND_SPARK_LEN bytes.
 */
void	trend_sparkline(const double days[TREND_DAYS],
	    char out[TREND_SPARK_LEN]);

#endif
