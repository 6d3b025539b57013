/*
 * json_line_oracle.h: what jansson writes for the object json_line.c
 * is meant to write, so that a test can hold the two byte for byte
 * (tests/unit/json_line_test.c, tests/fuzz/fuzz_json_line.c).
 */
#ifndef BRINK_JSON_LINE_ORACLE_H
#define BRINK_JSON_LINE_ORACLE_H

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "json_line.h"

/* The object {key: value, "list": [values...]} written by jansson with a
 * newline, or NULL when jansson refuses a string (invalid UTF-8); caller
 * frees. */
static inline char *
oracle_line(const char *key, const char *value, char *const *values,
    size_t n)
{
	json_t *o = json_object(), *a = json_array();
	char *s, *line = NULL;
	size_t i;

	if (o == NULL || a == NULL)
		abort();
	if (json_object_set_new(o, key, value != NULL ? json_string(value) :
	    json_null()) == -1)
		goto done;
	for (i = 0; i < n; i++)
		if (json_array_append_new(a, json_string(values[i])) == -1)
			goto done;
	if (json_object_set(o, "list", a) == -1)
		goto done;
	if ((s = json_dumps(o, JSON_PRESERVE_ORDER)) == NULL)
		goto done;
	if ((line = malloc(strlen(s) + 2)) == NULL)
		abort();
	strcpy(line, s);
	strcat(line, "\n");
	free(s);
done:
	json_decref(a);
	json_decref(o);
	return line;
}

/* The same object written by json_line.c; caller frees the buffer. */
static inline char *
writer_line(struct json_line *jl, const char *key, const char *value,
    char *const *values, size_t n)
{
	char *line;

	json_line_start(jl);
	json_line_string(jl, key, value);
	json_line_strings(jl, "list", values, n);
	if (json_line_end(jl) == -1 || (line = malloc(jl->len + 1)) == NULL)
		abort();
	memcpy(line, jl->buf, jl->len);
	line[jl->len] = '\0';
	return line;
}

#endif
