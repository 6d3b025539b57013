/*
 * date_test.c: the date forms feeds write, and the ones we refuse.
 */
#include "autoconf.h"

#include <stdio.h>
#include <time.h>

#include "../check.h"
#include "date.h"

/* The RFC 3339 form of a parsed date, or "fail". */
static const char *
parsed(const char *s)
{
	static char out[DATE_RFC3339_LEN + 1];
	time_t t;

	if (date_parse(s, &t) == -1 || date_format(t, out) == -1)
		return "fail";
	return out;
}

int
main(void)
{
	/* RFC 822 and RFC 2822 */
	CHECK_STR(parsed("Sat, 04 Nov 2023 10:00:00 GMT"),
	    "2023-11-04T10:00:00Z", "RFC 822 with GMT");
	CHECK_STR(parsed("Sat, 04 Nov 2023 10:00:00 +0200"),
	    "2023-11-04T08:00:00Z", "RFC 822 numeric zone east");
	CHECK_STR(parsed("Sat, 4 Nov 2023 10:00:00 -0530"),
	    "2023-11-04T15:30:00Z", "numeric zone west with minutes");
	CHECK_STR(parsed("Sat, 04 Nov 2023 10:00 EST"),
	    "2023-11-04T15:00:00Z", "named zone, no seconds");
	CHECK_STR(parsed("Sun, 5 Nov 23 08:30 PDT"),
	    "2023-11-05T15:30:00Z", "two-digit year below 50 is 20xx");
	CHECK_STR(parsed("Fri, 13 Mar 98 12:00:00 GMT"),
	    "1998-03-13T12:00:00Z", "two-digit year from 50 is 19xx");
	CHECK_STR(parsed("04 Nov 2023 10:00:00 UT"),
	    "2023-11-04T10:00:00Z", "no day name, UT");
	CHECK_STR(parsed("Sat,04 Nov 2023 10:00:00 Z"),
	    "2023-11-04T10:00:00Z", "no space after the comma, military Z");
	CHECK_STR(parsed("Sat, 04 Nov 2023 10:00:00 A"),
	    "2023-11-04T09:00:00Z", "military zone A is +1");
	CHECK_STR(parsed("Sat, 04 Nov 2023 10:00:00"),
	    "2023-11-04T10:00:00Z", "no zone is UTC");
	CHECK_STR(parsed("Saturday, 04 November 2023 10:00:00 CET"),
	    "2023-11-04T09:00:00Z", "names in full, CET");
	CHECK_STR(parsed("Sat Nov  4 10:00:00 2023"),
	    "2023-11-04T10:00:00Z", "asctime");
	CHECK_STR(parsed("November 4, 2023 10:00 GMT+0100"),
	    "2023-11-04T09:00:00Z", "month first, GMT+hhmm");
	CHECK_STR(parsed("  Sat, 04 Nov 2023 10:00:00 gmt  "),
	    "2023-11-04T10:00:00Z", "white space around, zone in lower case");
	CHECK_STR(parsed("Thu, 29 Feb 2024 23:59:59 +0000"),
	    "2024-02-29T23:59:59Z", "leap day");

	/* RFC 3339, ISO 8601, W3C-DTF */
	CHECK_STR(parsed("2023-11-04T10:00:00Z"), "2023-11-04T10:00:00Z",
	    "RFC 3339 UTC");
	CHECK_STR(parsed("2023-11-04T10:00:00.123456+01:00"),
	    "2023-11-04T09:00:00Z", "fraction and offset");
	CHECK_STR(parsed("2023-11-04t10:00:00-0800"), "2023-11-04T18:00:00Z",
	    "lower-case t, offset without colon");
	CHECK_STR(parsed("2023-11-04 10:00:00"), "2023-11-04T10:00:00Z",
	    "space instead of T, no zone");
	CHECK_STR(parsed("2023-11-04T10:00Z"), "2023-11-04T10:00:00Z",
	    "W3C-DTF without seconds");
	CHECK_STR(parsed("2023-11-04"), "2023-11-04T00:00:00Z", "date only");
	CHECK_STR(parsed("2023-11"), "2023-11-01T00:00:00Z", "year and month");
	CHECK_STR(parsed("2023"), "2023-01-01T00:00:00Z", "year only");
	CHECK_STR(parsed("20231104T100000Z"), "2023-11-04T10:00:00Z",
	    "ISO 8601 basic form");
	CHECK_STR(parsed("2023-11-04T10:00:00 GMT"), "2023-11-04T10:00:00Z",
	    "ISO time with a named zone");
	CHECK_STR(parsed("1969-12-31T23:59:59Z"), "1969-12-31T23:59:59Z",
	    "before the epoch");

	/* refused */
	CHECK_STR(parsed(""), "fail", "empty");
	CHECK_STR(parsed("yesterday"), "fail", "a word");
	CHECK_STR(parsed("2023-13-01"), "fail", "month 13");
	CHECK_STR(parsed("2023-02-30"), "fail", "30 February");
	CHECK_STR(parsed("2023-11-04T25:00:00Z"), "fail", "hour 25");
	CHECK_STR(parsed("Sat, 31 Nov 2023 10:00:00 GMT"), "fail",
	    "31 November");
	CHECK_STR(parsed("Sat, 04 Nov 2023 10:00:00 XYZ"), "fail",
	    "unknown zone");
	CHECK_STR(parsed("2023-11-04T10:00:00Z trailing"), "fail",
	    "trailing words");
	CHECK_STR(parsed("04 Nov"), "fail", "no year");
	CHECK(date_parse(NULL, &(time_t){0}) == -1, "NULL is not a date");
	return check_done();
}
