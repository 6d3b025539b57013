/*
 * json_line_test.c: brinkd --parse's line writer gives what jansson
 * gives for the same object, byte for byte, on every ASCII byte, on
 * multi-byte UTF-8 and on the shapes an item has (null values, empty
 * and long lists, long text that grows the buffer).
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "../json_line_oracle.h"
#include "json_line.h"

/* Both writers on one object; 1 when they agree. */
static int
same(struct json_line *jl, const char *key, const char *value,
    char *const *values, size_t n)
{
	char *want = oracle_line(key, value, values, n);
	char *got = writer_line(jl, key, value, values, n);
	int ok = want != NULL && strcmp(got, want) == 0;

	if (!ok)
		printf("#   got:      %s#   expected: %s", got,
		    want != NULL ? want : "(refused)\n");
	free(want);
	free(got);
	return ok;
}

int
main(void)
{
	struct json_line jl = { NULL, 0, 0, 0, 0 };
	char byte[4], *list[3], *big;
	char what[64];
	int c, all_bytes = 1;

	/* Every byte below 0x80 alone and between letters: the escapes
	 * (quote, backslash, the short forms, \u00XX) and what passes. */
	for (c = 1; c < 0x80; c++) {
		byte[0] = (char)c;
		byte[1] = '\0';
		if (!same(&jl, "k", byte, NULL, 0))
			all_bytes = 0;
		snprintf(what, sizeof(what), "a%cb", c);
		if (!same(&jl, what, what, NULL, 0))
			all_bytes = 0;
	}
	CHECK(all_bytes, "each ASCII byte is written as jansson writes it");

	CHECK(same(&jl, "title", "Caf\xc3\xa9 \xe2\x80\xa8 \xf0\x9f\x93\xb0 "
	    "\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85", NULL, 0),
	    "multi-byte UTF-8 (and U+2028) passes as it is");
	CHECK(same(&jl, "updated", NULL, NULL, 0), "a missing value is null");
	CHECK(same(&jl, "summary", "", NULL, 0), "an empty string");
	list[0] = "World";
	list[1] = "Middle \"East\"";
	list[2] = "";
	CHECK(same(&jl, "id", "x", list, 3),
	    "a list of strings, escaped, and an empty one");
	CHECK(same(&jl, "id", "x", list, 1), "a list of one");

	/* Larger than the first buffer, with escapes at its ends. */
	if ((big = malloc(100001)) == NULL)
		return 99;
	memset(big, 'x', 100000);
	big[0] = '"';
	big[99999] = '\n';
	big[100000] = '\0';
	CHECK(same(&jl, "summary", big, NULL, 0),
	    "a 100 kB value grows the buffer");
	free(big);

	/* The buffer is reused: a short line after a long one. */
	CHECK(same(&jl, "a", "b", NULL, 0), "a line after a longer one");
	CHECK_INT(jl.len, strlen("{\"a\": \"b\", \"list\": []}\n"),
	    "and holds only its own bytes");
	json_line_free(&jl);
	return check_done();
}
