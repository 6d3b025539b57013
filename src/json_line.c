/*
 * json_line.c: a flat JSON object as one line (see json_line.h for why
 * it is not jansson).  Strings are copied in runs: only '"', '\\' and
 * the control characters below 0x20 are escaped, as RFC 8259 requires
 * and jansson does; bytes from 0x80 up pass as they are, since the
 * caller promises valid UTF-8.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "json_line.h"

/* Room for n more bytes; on failure the line is marked and stays as it
 * was, so later appends are dropped rather than written past its end. */
static int
reserve(struct json_line *jl, size_t n)
{
	size_t cap;
	char *grown;

	if (jl->failed)
		return -1;
	if (jl->cap - jl->len >= n)
		return 0;
	cap = jl->cap > 0 ? jl->cap : 256;
	while (cap - jl->len < n) {
		if (cap > (size_t)-1 / 2)
			goto fail;
		cap *= 2;
	}
	if ((grown = realloc(jl->buf, cap)) == NULL)
		goto fail;
	jl->buf = grown;
	jl->cap = cap;
	return 0;
fail:
	jl->failed = 1;
	return -1;
}

static void
append(struct json_line *jl, const char *s, size_t n)
{
	if (reserve(jl, n) == 0) {
		memcpy(jl->buf + jl->len, s, n);
		jl->len += n;
	}
}

/* The escape of byte c, which needs one: jansson's spelling, the short
 * forms where JSON has them and \u00XX in capitals otherwise. */
static void
append_escape(struct json_line *jl, unsigned char c)
{
	static const char hex[] = "0123456789ABCDEF";
	char seq[6] = { '\\', 'u', '0', '0', 0, 0 };

	switch (c) {
	case '"':  append(jl, "\\\"", 2); return;
	case '\\': append(jl, "\\\\", 2); return;
	case '\b': append(jl, "\\b", 2); return;
	case '\f': append(jl, "\\f", 2); return;
	case '\n': append(jl, "\\n", 2); return;
	case '\r': append(jl, "\\r", 2); return;
	case '\t': append(jl, "\\t", 2); return;
	default:
		seq[4] = hex[c >> 4];
		seq[5] = hex[c & 0x0f];
		append(jl, seq, sizeof(seq));
	}
}

static void
append_string(struct json_line *jl, const char *s)
{
	const unsigned char *p = (const unsigned char *)s, *run = p;

	append(jl, "\"", 1);
	for (; *p != '\0'; p++) {
		if (*p >= 0x20 && *p != '"' && *p != '\\')
			continue;
		append(jl, (const char *)run, (size_t)(p - run));
		append_escape(jl, *p);
		run = p + 1;
	}
	append(jl, (const char *)run, (size_t)(p - run));
	append(jl, "\"", 1);
}

static void
append_key(struct json_line *jl, const char *key)
{
	if (jl->fields++ > 0)
		append(jl, ", ", 2);
	append_string(jl, key);
	append(jl, ": ", 2);
}

void
json_line_start(struct json_line *jl)
{
	jl->len = 0;
	jl->failed = 0;
	jl->fields = 0;
	append(jl, "{", 1);
}

void
json_line_string(struct json_line *jl, const char *key, const char *value)
{
	append_key(jl, key);
	if (value == NULL)
		append(jl, "null", 4);
	else
		append_string(jl, value);
}

void
json_line_strings(struct json_line *jl, const char *key,
    char *const *values, size_t n)
{
	size_t i;

	append_key(jl, key);
	append(jl, "[", 1);
	for (i = 0; i < n; i++) {
		if (i > 0)
			append(jl, ", ", 2);
		append_string(jl, values[i]);
	}
	append(jl, "]", 1);
}

int
json_line_end(struct json_line *jl)
{
	append(jl, "}\n", 2);
	return jl->failed ? -1 : 0;
}

void
json_line_free(struct json_line *jl)
{
	free(jl->buf);
	jl->buf = NULL;
	jl->len = jl->cap = 0;
}
