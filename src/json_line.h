/*
 * json_line.h: one flat JSON object written as a line, for output that
 * is one object per item and millions of items (brinkd --parse).
 * jansson stays the JSON library everywhere else; this writer exists
 * because jansson's generic dump, which decodes every string as UTF-8
 * again and walks an object per value, was a third of --parse's time
 * (bench/README.md, "Parse: a JSON line writer").  Its output is
 * byte-for-byte what json_dumpb(obj, JSON_PRESERVE_ORDER) gives for the
 * same object: tests/unit/json_line_test.c and fuzz_json_line hold it
 * to that.
 */
#ifndef BRINK_JSON_LINE_H
#define BRINK_JSON_LINE_H

#include <stddef.h>

struct json_line {
	char	*buf;		/* the line so far; caller frees with json_line_free */
	size_t	 len;
	size_t	 cap;
	int	 failed;	/* out of memory: the line is incomplete */
	int	 fields;	/* members written since json_line_start */
};

/* Empties the line and opens its object. */
void	json_line_start(struct json_line *);
/* A member whose value is a string, or null when value is NULL.  key and
 * value must be valid UTF-8 (as feed.h promises of every item field). */
void	json_line_string(struct json_line *, const char *key,
	    const char *value);
/* A member whose value is an array of n strings (valid UTF-8). */
void	json_line_strings(struct json_line *, const char *key,
	    char *const *values, size_t n);
/* Closes the object and ends the line with a newline; 0, or -1 when
 * memory ran out somewhere on the line. */
int	json_line_end(struct json_line *);
void	json_line_free(struct json_line *);

#endif
