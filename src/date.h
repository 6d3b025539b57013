/*
 * date.h: the dates feeds write -> time_t (UTC).  A pure module.
 *
 * Understood: RFC 822/1123/2822 ("Sat, 04 Nov 2023 10:00:00 GMT"), with
 * or without the day name and seconds, two- or four-digit years, named
 * zones (UT, GMT, Z, EST ... PDT, military letters) and numeric ones;
 * RFC 3339 / ISO 8601 / W3C-DTF ("2023-11-04T10:00:00Z", "2023-11-04",
 * "2023-11", "2023", fractions, "+01:00" or "+0100", a space instead of
 * "T", the basic form "20231104T100000Z"); asctime ("Sat Nov  4
 * 10:00:00 2023"); and a few forms seen in the wild: ISO dates with RFC
 * 822 zones and month names in full.  A date without a zone is taken as
 * UTC.
 */
#ifndef BRINK_DATE_H
#define BRINK_DATE_H

#include <stddef.h>
#include <time.h>

#define DATE_RFC3339_LEN	20	/* "2023-11-04T10:00:00Z" without NUL */

/* Parse s; 0 with the instant in *out, -1 if s is not a date we know. */
int	date_parse(const char *s, time_t *out);
/* Write t as RFC 3339 UTC ("2023-11-04T10:00:00Z") and a NUL into out;
 * -1 if t is outside years 0-9999. */
int	date_format(time_t t, char out[DATE_RFC3339_LEN + 1]);

#endif
