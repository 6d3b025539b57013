/*
 * fuzz_json_line.c: arbitrary bytes as an item's value and its list of
 * categories (split at NUL bytes).  Where jansson takes them (valid
 * UTF-8, as feed.h promises), json_line.c must write the same bytes.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../json_line_oracle.h"
#include "json_line.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct json_line jl = { NULL, 0, 0, 0, 0 };
	char *s, *values[16], *want, *got, *p;
	size_t n = 0;

	if (size > 65536 || (s = malloc(size + 1)) == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	/* The first string is the value; those after each NUL the list. */
	for (p = s + strlen(s); p < s + size && n < 16; p += strlen(p))
		values[n++] = ++p;
	if ((want = oracle_line("value", s, values, n)) != NULL) {
		got = writer_line(&jl, "value", s, values, n);
		if (strcmp(got, want) != 0)
			abort();
		free(got);
		free(want);
	}
	json_line_free(&jl);
	free(s);
	return 0;
}
