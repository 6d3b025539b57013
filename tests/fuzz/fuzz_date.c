/*
 * fuzz_date.c: arbitrary bytes as a feed's date.  A date that parses
 * must format (when inside years 0-9999) as RFC 3339, and that text
 * must parse back to the same instant.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char buf[DATE_RFC3339_LEN + 1], *s;
	time_t t, back;

	if (size > 4096)
		return 0;
	if ((s = malloc(size + 1)) == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (date_parse(s, &t) == 0 && date_format(t, buf) == 0) {
		if (strlen(buf) != DATE_RFC3339_LEN)
			abort();
		if (date_parse(buf, &back) != 0 || back != t)
			abort();
	}
	free(s);
	return 0;
}
