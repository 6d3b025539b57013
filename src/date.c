/*
 * date.c: feed dates -> time_t.  Feeds write dates in every form people
 * ever typed, so the RFC 822 side reads tokens in any order (day name,
 * day, month, year, time, zone) rather than one fixed pattern, and the
 * ISO 8601 side takes every truncation W3C-DTF allows.  No locale, no
 * strptime: the month and zone names are English whatever LC_TIME says.
 */
#include "autoconf.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "date.h"

struct civil {
	long	year;
	int	month;		/* 1-12 */
	int	day;		/* 1-31 */
	int	hour, minute, second;
	long	offset;		/* seconds east of UTC */
};

static const char *const month_names[12] = {
	"jan", "feb", "mar", "apr", "may", "jun",
	"jul", "aug", "sep", "oct", "nov", "dec"
};

static const char *const day_names[7] = {
	"mon", "tue", "wed", "thu", "fri", "sat", "sun"
};

/* Named zones: RFC 822's, and the few others common in real feeds. */
static const struct {
	const char	*name;
	int		 minutes;
} zones[] = {
	{ "UT", 0 }, { "UTC", 0 }, { "GMT", 0 }, { "Z", 0 },
	{ "EST", -300 }, { "EDT", -240 }, { "CST", -360 }, { "CDT", -300 },
	{ "MST", -420 }, { "MDT", -360 }, { "PST", -480 }, { "PDT", -420 },
	{ "AKST", -540 }, { "AKDT", -480 }, { "HST", -600 },
	{ "AST", -240 }, { "ADT", -180 }, { "NST", -210 }, { "NDT", -150 },
	{ "WET", 0 }, { "WEST", 60 }, { "BST", 60 }, { "CET", 60 },
	{ "CEST", 120 }, { "MET", 60 }, { "MEST", 120 }, { "EET", 120 },
	{ "EEST", 180 }, { "MSK", 180 }, { "IST", 330 }, { "SGT", 480 },
	{ "HKT", 480 }, { "JST", 540 }, { "KST", 540 }, { "AWST", 480 },
	{ "ACST", 570 }, { "AEST", 600 }, { "AEDT", 660 }, { "NZST", 720 },
	{ "NZDT", 780 }
};

static int
days_in_month(long year, int month)
{
	static const int days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	return days[month - 1] + (month == 2 && leap);
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
 * algorithm), so that no timegm() or TZ setting is involved. */
static long long
days_from_civil(long y, int m, int d)
{
	long long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int
civil_to_time(const struct civil *c, time_t *out)
{
	long long t;

	if (c->year < 1 || c->year > 9999 || c->month < 1 || c->month > 12 ||
	    c->day < 1 || c->day > days_in_month(c->year, c->month) ||
	    c->hour < 0 || c->hour > 24 || c->minute < 0 || c->minute > 59 ||
	    c->second < 0 || c->second > 60 ||
	    (c->hour == 24 && (c->minute != 0 || c->second != 0)))
		return -1;
	t = days_from_civil(c->year, c->month, c->day) * 86400LL +
	    c->hour * 3600LL + c->minute * 60LL + c->second - c->offset;
	if ((long long)(time_t)t != t)
		return -1;
	*out = (time_t)t;
	return 0;
}

/* Read exactly n digits at *p; -1 if they are not there. */
static long
digits(const char **p, int n)
{
	long v = 0;
	int i;

	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*p)[i]))
			return -1;
		v = v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	return v;
}

static int
zone_by_name(const char *name, size_t len, long *offset)
{
	size_t i;

	for (i = 0; i < sizeof(zones) / sizeof(zones[0]); i++) {
		if (strlen(zones[i].name) == len &&
		    strncasecmp(zones[i].name, name, len) == 0) {
			*offset = zones[i].minutes * 60L;
			return 0;
		}
	}
	/* Military zones: A-I +1..+9, K-M +10..+12, N-Y -1..-12. */
	if (len == 1 && isalpha((unsigned char)name[0])) {
		int c = toupper((unsigned char)name[0]);

		if (c >= 'A' && c <= 'I')
			*offset = (c - 'A' + 1) * 3600L;
		else if (c >= 'K' && c <= 'M')
			*offset = (c - 'K' + 10) * 3600L;
		else if (c >= 'N' && c <= 'Y')
			*offset = -(c - 'N' + 1) * 3600L;
		else
			return -1;	/* J is not a zone */
		return 0;
	}
	return -1;
}

/* "+hh:mm", "+hhmm", "+hh" (the sign at *p).  Advances *p. */
static int
numeric_zone(const char **p, long *offset)
{
	const char *s = *p;
	long hh, mm = 0;
	int sign = *s == '-' ? -1 : 1;

	s++;
	if ((hh = digits(&s, 2)) < 0)
		return -1;
	if (*s == ':')
		s++;
	if (isdigit((unsigned char)*s) && (mm = digits(&s, 2)) < 0)
		return -1;
	if (hh > 23 || mm > 59)
		return -1;
	*offset = sign * (hh * 3600 + mm * 60);
	*p = s;
	return 0;
}

/* What may follow a time: nothing, "Z", a numeric zone or a named one
 * (some feeds put "GMT" after an ISO time). */
static int
trailing_zone(const char *s, long *offset)
{
	const char *name;

	while (isspace((unsigned char)*s))
		s++;
	*offset = 0;
	if (*s == '\0')
		return 0;
	if (*s == '+' || *s == '-') {
		if (numeric_zone(&s, offset) == -1)
			return -1;
	} else {
		for (name = s; isalpha((unsigned char)*s); s++)
			;
		if (s == name || zone_by_name(name, s - name, offset) == -1)
			return -1;
		/* "GMT+01:00" */
		if (*s == '+' || *s == '-') {
			long extra;

			if (numeric_zone(&s, &extra) == -1)
				return -1;
			*offset += extra;
		}
	}
	while (isspace((unsigned char)*s))
		s++;
	return *s == '\0' ? 0 : -1;
}

/* hh:mm[:ss[.frac]] or, in ISO basic form, hhmm[ss].  Advances *p. */
static int
clock_time(const char **p, struct civil *c, int basic)
{
	const char *s = *p;

	if ((c->hour = digits(&s, 2)) < 0) {
		/* "9:05" */
		if ((c->hour = digits(&s, 1)) < 0)
			return -1;
	}
	if (!basic && *s++ != ':')
		return -1;
	if ((c->minute = digits(&s, 2)) < 0)
		return -1;
	c->second = 0;
	if (basic ? isdigit((unsigned char)*s) : *s == ':') {
		if (!basic)
			s++;
		if ((c->second = digits(&s, 2)) < 0)
			return -1;
		if (*s == '.' || *s == ',') {
			s++;
			while (isdigit((unsigned char)*s))
				s++;
		}
	}
	*p = s;
	return 0;
}

/* RFC 3339, ISO 8601 and W3C-DTF: every truncation of
 * YYYY-MM-DDThh:mm:ss.fracZ, and the basic form without separators. */
static int
parse_iso(const char *s, struct civil *c)
{
	int basic;

	if ((c->year = digits(&s, 4)) < 0)
		return -1;
	c->month = c->day = 1;
	c->hour = c->minute = c->second = 0;
	c->offset = 0;
	if (*s == '\0')
		return 0;
	basic = isdigit((unsigned char)*s);
	if (!basic && *s++ != '-')
		return -1;
	if ((c->month = digits(&s, 2)) < 0)
		return -1;
	if (*s == '\0' && !basic)
		return 0;
	if (!basic && *s++ != '-')
		return -1;
	if ((c->day = digits(&s, 2)) < 0)
		return -1;
	if (*s == 'T' || *s == 't' || (*s == ' ' &&
	    isdigit((unsigned char)s[1]))) {
		s++;
		if (clock_time(&s, c, basic) == -1)
			return -1;
	}
	return trailing_zone(s, &c->offset);
}

static int
lookup(const char *tok, size_t len, const char *const *names, int n)
{
	int i;

	if (len < 3)
		return -1;
	for (i = 0; i < n; i++)
		if (strncasecmp(tok, names[i], 3) == 0)
			return i;
	return -1;
}

/* RFC 822 and its relatives, read as tokens in any order: "Sat, 04 Nov
 * 2023 10:00:00 +0000", "4 Nov 23 10:00 EST", "Sat Nov  4 10:00:00 2023",
 * "November 4, 2023 10:00 GMT". */
static int
parse_rfc822(const char *s, struct civil *c)
{
	int have_time = 0, have_zone = 0;
	long day = -1, year = -1;
	int year_digits = 0;

	c->month = 0;
	c->hour = c->minute = c->second = 0;
	c->offset = 0;
	while (*s != '\0') {
		const char *tok;
		size_t len;

		while (isspace((unsigned char)*s) || *s == ',' || *s == '.')
			s++;
		if (*s == '\0')
			break;
		tok = s;
		if (isdigit((unsigned char)*s)) {
			long v = 0;

			while (isdigit((unsigned char)*s) && s - tok < 6)
				v = v * 10 + (*s++ - '0');
			len = s - tok;
			if (*s == ':') {
				if (have_time)
					return -1;
				s = tok;
				if (clock_time(&s, c, 0) == -1)
					return -1;
				have_time = 1;
			} else if (isdigit((unsigned char)*s)) {
				return -1;
			} else if (day < 0 && len <= 2 && v >= 1) {
				day = v;
				/* "4th" */
				while (isalpha((unsigned char)*s))
					s++;
			} else if (year < 0) {
				year = v;
				year_digits = len;
			} else
				return -1;
		} else if ((*s == '+' || *s == '-') &&
		    isdigit((unsigned char)s[1])) {
			if (have_zone || numeric_zone(&s, &c->offset) == -1)
				return -1;
			have_zone = 1;
		} else if (isalpha((unsigned char)*s)) {
			int m;

			while (isalpha((unsigned char)*s))
				s++;
			len = s - tok;
			if (c->month == 0 && (m = lookup(tok, len,
			    month_names, 12)) >= 0)
				c->month = m + 1;
			else if (lookup(tok, len, day_names, 7) >= 0)
				continue;
			else if (!have_zone &&
			    zone_by_name(tok, len, &c->offset) == 0) {
				have_zone = 1;
				/* "GMT+0100" */
				if ((*s == '+' || *s == '-') &&
				    isdigit((unsigned char)s[1])) {
					long extra;

					if (numeric_zone(&s, &extra) == -1)
						return -1;
					c->offset += extra;
				}
			} else
				return -1;
		} else if (*s == '-' || *s == '/') {
			s++;	/* "04-Nov-2023" */
		} else
			return -1;
	}
	if (day < 0 || year < 0 || c->month == 0)
		return -1;
	/* RFC 2822 section 4.3: two digits below 50 are 20xx, else 19xx;
	 * three digits are counted from 1900. */
	if (year_digits <= 2)
		year += year < 50 ? 2000 : 1900;
	else if (year_digits == 3)
		year += 1900;
	c->year = year;
	c->day = (int)day;
	return 0;
}

int
date_parse(const char *s, time_t *out)
{
	struct civil c;
	size_t len;
	char buf[128];

	if (s == NULL)
		return -1;
	while (isspace((unsigned char)*s))
		s++;
	len = strlen(s);
	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	if (len == 0 || len >= sizeof(buf))
		return -1;
	memcpy(buf, s, len);
	buf[len] = '\0';

	memset(&c, 0, sizeof(c));
	if (len >= 4 && isdigit((unsigned char)buf[0]) &&
	    isdigit((unsigned char)buf[1]) && isdigit((unsigned char)buf[2]) &&
	    isdigit((unsigned char)buf[3]) && parse_iso(buf, &c) == 0)
		return civil_to_time(&c, out);
	memset(&c, 0, sizeof(c));
	if (parse_rfc822(buf, &c) == 0)
		return civil_to_time(&c, out);
	return -1;
}

/* v (0 <= v < 10^n) as n decimal digits, zero-padded. */
static void
put_digits(char *d, int v, int n)
{
	while (n-- > 0) {
		d[n] = (char)('0' + v % 10);
		v /= 10;
	}
}

int
date_format(time_t t, char out[DATE_RFC3339_LEN + 1])
{
	struct tm tm;

	if (gmtime_r(&t, &tm) == NULL || tm.tm_year + 1900 < 0 ||
	    tm.tm_year + 1900 > 9999)
		return -1;
	/* By hand: brinkd --parse writes two dates an item, and
	 * snprintf cost more than the rest of the item's JSON. */
	put_digits(out, tm.tm_year + 1900, 4);
	out[4] = '-';
	put_digits(out + 5, tm.tm_mon + 1, 2);
	out[7] = '-';
	put_digits(out + 8, tm.tm_mday, 2);
	out[10] = 'T';
	put_digits(out + 11, tm.tm_hour, 2);
	out[13] = ':';
	put_digits(out + 14, tm.tm_min, 2);
	out[16] = ':';
	put_digits(out + 17, tm.tm_sec, 2);
	out[19] = 'Z';
	out[20] = '\0';
	return 0;
}
