/*
 * fuzz_feed.c: arbitrary bytes into feed_parse (and, for short inputs,
 * date_parse and html_to_text).  Whatever the bytes, the parser must
 * return, free what it took and never read or write out of bounds.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/parser.h>

#include "date.h"
#include "feed.h"
#include "html.h"

int	LLVMFuzzerInitialize(int *, char ***);
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	xmlInitParser();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* Small limits so that the fuzzer reaches them often. */
	const struct feed_limits limits = { 50, 64, 4096, 0 };
	struct feed *f;
	char err[256], *s, *text;
	time_t t;

	f = feed_parse((const char *)data, size, "http://fuzz.example/dir/",
	    &limits, err, sizeof(err));
	feed_free(f);

	if (size < 512 && (s = malloc(size + 1)) != NULL) {
		memcpy(s, data, size);
		s[size] = '\0';
		(void)date_parse(s, &t);
		text = html_to_text(s, strlen(s), HTML_KEEP_BLOCKS);
		free(text);
		free(s);
	}
	return 0;
}
