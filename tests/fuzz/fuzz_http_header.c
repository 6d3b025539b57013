/*
 * fuzz_http_header.c: arbitrary bytes as the header lines of HTTP
 * responses, handed to http.c's header callback the way libcurl hands
 * them: one line at a time, in a buffer that is exactly the line, with
 * no NUL after it (nor in it: libcurl refuses that).  ETag and Last-Modified must come out as trimmed
 * strings, and a new status line must forget the previous response's.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The statics: on_header and struct transfer. */
#include "../../src/http.c"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
check_value(const char *v)
{
	size_t n;

	if (v == NULL)
		return;
	n = strlen(v);
	if (n == 0 || v[0] == ' ' || v[0] == '\t' || v[n - 1] == ' ' ||
	    v[n - 1] == '\t' || v[n - 1] == '\r' || v[n - 1] == '\n')
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct transfer t;
	const uint8_t *line = data, *end = data + size, *nl;
	size_t len;
	char *exact;

	memset(&t, 0, sizeof(t));
	while (line < end) {
		nl = memchr(line, '\n', (size_t)(end - line));
		len = nl != NULL ? (size_t)(nl - line) + 1 :
		    (size_t)(end - line);
		/* A heap copy of exactly len bytes: reading past the line
		 * is caught. */
		if ((exact = malloc(len)) == NULL)
			break;
		memcpy(exact, line, len);
		/* libcurl refuses a header with a NUL byte in it ("Nul
		 * byte in header"): none reaches the callback. */
		if (memchr(exact, '\0', len) != NULL) {
			free(exact);
			line += len;
			continue;
		}
		if (on_header(exact, 1, len, &t) != len)
			abort();
		free(exact);
		check_value(t.etag);
		check_value(t.last_modified);
		line += len;
	}
	free(t.etag);
	free(t.last_modified);
	return 0;
}
