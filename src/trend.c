/*
 * trend.c: the escalation meter's figures and sparkline (trend.h).
 */
#include "autoconf.h"

#include <string.h>
#include <time.h>

#include "config.h"
#include "trend.h"

int
trend_weight(int severity)
{
	if (severity < SEV_INFO || severity > SEV_CRITICAL)
		return 1;
	return severity - SEV_INFO + 1;
}

void
trend_figures(const struct trend_point *points, size_t n, time_t now,
    double floor, struct trend_figures *out)
{
	double age, base = 0;
	size_t i;
	int day;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < n; i++) {
		age = difftime(now, points[i].time);
		if (age < 0 || age >= TREND_SPAN)
			continue;
		if (age < TREND_DAY)
			out->last_day += points[i].weight;
		else
			base += points[i].weight;
		if (age < 7 * TREND_DAY)
			out->last_week += points[i].weight;
		/* Day 0 is the last 24 hours, kept last in days[]. */
		day = (int)(age / TREND_DAY);
		if (day < TREND_DAYS)
			out->days[TREND_DAYS - 1 - day] += points[i].weight;
	}
	out->baseline = base / TREND_BASELINE_DAYS;
	out->ratio = out->last_day / (out->baseline > floor ?
	    out->baseline : floor);
}

void
trend_sparkline(const double days[TREND_DAYS], char out[TREND_SPARK_LEN])
{
	/* U+2581 LOWER ONE EIGHTH BLOCK .. U+2588 FULL BLOCK. */
	static const char *const bars[8] = {
		"\xe2\x96\x81", "\xe2\x96\x82", "\xe2\x96\x83",
		"\xe2\x96\x84", "\xe2\x96\x85", "\xe2\x96\x86",
		"\xe2\x96\x87", "\xe2\x96\x88"
	};
	double top = 0;
	size_t at = 0;
	int i, level;

	for (i = 0; i < TREND_DAYS; i++)
		if (days[i] > top)
			top = days[i];
	for (i = 0; i < TREND_DAYS; i++) {
		if (days[i] <= 0) {
			out[at++] = ' ';
			continue;
		}
		/* The smallest day that has anything shows at least 1/8. */
		level = (int)(days[i] / top * 8 + 0.5) - 1;
		if (level < 0)
			level = 0;
		if (level > 7)
			level = 7;
		memcpy(out + at, bars[level], 3);
		at += 3;
	}
	out[at] = '\0';
}
