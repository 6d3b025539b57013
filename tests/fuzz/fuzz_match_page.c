/*
 * fuzz_match_page.c: arbitrary bytes as the document of brinkd --match:
 * what kind it is sniffed to be (match_sniff), and for a page, its title
 * and text (match_page: libxml2's HTML tree for the title, html_to_text
 * for the text).  The body must lie inside the text, and the title and
 * text must be strings.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

/* The statics: match_sniff and match_page. */
#include "../../src/cmd_match.c"

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
	const char *buf = (const char *)data, *body;
	char *title, *text;

	/* html_to_text's callers hand it bounded values. */
	if (size > 1 << 20)
		return 0;
	switch (match_sniff(buf, size)) {
	case MATCH_FEED:
	case MATCH_HTML:
	case MATCH_TEXT:
		break;
	default:
		abort();
	}
	if (match_page(buf, size, &title, &text, &body) == -1)
		return 0;
	if (body < text || body > text + strlen(text))
		abort();
	if (title != NULL)
		(void)strlen(title);
	free(title);
	free(text);
	return 0;
}
