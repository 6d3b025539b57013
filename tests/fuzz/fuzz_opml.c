/*
 * fuzz_opml.c: arbitrary bytes as an OPML file (feeds_opml).  The
 * parser must return feeds or a "line N: ..." error, and every feed a
 * non-empty URL and a name in brink.conf's alphabet (letters, digits,
 * '-', '_', '.'; at most 64 bytes), however hostile the titles.
 */
#include "autoconf.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "opml.h"

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
	struct opml *o;
	char err[512], *name, *p;
	size_t i;

	if ((o = opml_parse((const char *)data, size, err, sizeof(err))) ==
	    NULL) {
		if (strncmp(err, "line ", 5) != 0 ||
		    !isdigit((unsigned char)err[5]))
			abort();
		return 0;
	}
	for (i = 0; i < o->n_feeds; i++) {
		if (o->feeds[i].url == NULL || o->feeds[i].url[0] == '\0' ||
		    o->feeds[i].line < 0)
			abort();
		if ((name = opml_feed_name(&o->feeds[i])) == NULL)
			continue;
		if (name[0] == '\0' || strlen(name) > 64)
			abort();
		for (p = name; *p != '\0'; p++)
			if (!isalnum((unsigned char)*p) &&
			    strchr("-_.", *p) == NULL)
				abort();
		free(name);
	}
	opml_free(o);
	return 0;
}
