/*
 * fuzz_html.c: arbitrary bytes as an HTML fragment, both ways a caller
 * asks for its text.  The result must be a string no longer than what a
 * collapse of the input can give, and everything taken must be freed.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

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
	char *text;

	/* feed.c hands html_to_text bounded values; 1 MB is past them. */
	if (size > 1 << 20)
		return 0;
	text = html_to_text((const char *)data, size, 0);
	if (text != NULL)
		(void)strlen(text);
	free(text);
	text = html_to_text((const char *)data, size, HTML_KEEP_BLOCKS);
	if (text != NULL)
		(void)strlen(text);
	free(text);
	return 0;
}
