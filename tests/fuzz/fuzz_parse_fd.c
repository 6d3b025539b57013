/*
 * fuzz_parse_fd.c: arbitrary bytes through the streaming path of
 * brinkd --parse: feed_parse_fd() reading a descriptor, each item
 * printed by cmd_parse.c's print_item as it completes.  Beyond not
 * crashing, every item must keep feed.h's promise that its strings are
 * valid UTF-8 (cmd_parse.c's JSON line writer trusts it), and the
 * line printed must be JSON that reads back.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>
#include <libxml/parser.h>

/* The statics: print_item and its printer. */
#include "../../src/cmd_parse.c"

int	LLVMFuzzerInitialize(int *, char ***);
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static FILE *scratch;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	xmlInitParser();
	/* print_item writes to stdout: keep the fuzzer's output readable. */
	if (freopen("/dev/null", "w", stdout) == NULL)
		abort();
	if ((scratch = tmpfile()) == NULL)
		abort();
	return 0;
}

static void
check_utf8(const char *s)
{
	json_t *j;

	if (s == NULL)
		return;
	/* json_string checks what json_string_nocheck trusts. */
	if ((j = json_string(s)) == NULL)
		abort();
	json_decref(j);
}

static void
check_item(const struct feed_item *it, void *arg)
{
	struct printer *pr = arg;
	json_t *back;
	size_t i, n;

	check_utf8(it->id);
	check_utf8(it->key);
	check_utf8(it->title);
	check_utf8(it->link);
	check_utf8(it->author);
	check_utf8(it->summary);
	for (i = 0; i < it->n_categories; i++)
		check_utf8(it->categories[i]);
	print_item(it, pr);
	if (pr->failed)
		return;
	/* The line just printed, from the printer's buffer. */
	n = strcspn(pr->line.buf, "\n");
	if ((back = json_loadb(pr->line.buf, n, 0, NULL)) == NULL)
		abort();
	json_decref(back);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* As cmd_parse sets them, with a small field limit so that the
	 * fuzzer reaches it. */
	const struct feed_limits limits = { SIZE_MAX, 64, 4096, 1 };
	struct printer pr = { "fuzz", 0, 0, { NULL, 0, 0, 0, 0 } };
	struct feed *f;
	char err[512];
	int fd = fileno(scratch);

	if (ftruncate(fd, 0) == -1 || pwrite(fd, data, size, 0) !=
	    (ssize_t)size || lseek(fd, 0, SEEK_SET) == -1)
		abort();
	f = feed_parse_fd(fd, "http://fuzz.example/dir/", &limits,
	    check_item, &pr, err, sizeof(err));
	feed_free(f);
	json_line_free(&pr.line);
	return 0;
}
