/*
 * cmd_parse.c: brinkd --parse FILE.  Prints a feed's items as JSON
 * lines, one object per item with the keys in a fixed order, so that
 * people and scripts can see exactly what brinkd reads from a feed.
 * The feed is streamed: a 50 MB file is read in a few megabytes.
 */
#include "autoconf.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "cmd.h"
#include "date.h"
#include "feed.h"
#include "json_line.h"
#include "log.h"

/* The item's line, members in their documented order.  feed.h promises
 * valid UTF-8 (feed_item.c repairs what is not), which the writer
 * relies on. */
static int
item_line(struct json_line *jl, const struct feed_item *it)
{
	char published[DATE_RFC3339_LEN + 1], updated[DATE_RFC3339_LEN + 1];

	json_line_start(jl);
	json_line_string(jl, "id", it->id);
	json_line_string(jl, "title", it->title);
	json_line_string(jl, "link", it->link);
	json_line_string(jl, "published", it->has_published &&
	    date_format(it->published, published) == 0 ? published : NULL);
	json_line_string(jl, "updated", it->has_updated &&
	    date_format(it->updated, updated) == 0 ? updated : NULL);
	json_line_string(jl, "author", it->author);
	json_line_string(jl, "summary", it->summary);
	json_line_strings(jl, "categories", it->categories,
	    it->n_categories);
	return json_line_end(jl);
}

struct printer {
	const char	*path;
	size_t		 n;
	int		 failed;
	struct json_line line;		/* one item's JSON, its buffer reused */
};

/* Called by the parser for each item as soon as it is read, so that a
 * large feed streams through in constant memory. */
static void
print_item(const struct feed_item *it, void *arg)
{
	struct printer *pr = arg;

	pr->n++;
	if (item_line(&pr->line, it) == -1) {
		log_error("%s: item %zu: cannot write it as JSON", pr->path,
		    pr->n);
		pr->failed = 1;
		return;
	}
	fwrite(pr->line.buf, 1, pr->line.len, stdout);
}

int
cmd_parse(const char *path)
{
	/* Nothing is held but the item being read: no item limit. */
	/* Nor is the content printed: its text is made only where it
	 * stands in for a missing summary. */
	const struct feed_limits limits = { SIZE_MAX, 0, 0, 1 };
	struct printer pr = { path, 0, 0, { NULL, 0, 0, 0, 0 } };
	struct stat sb;
	struct feed *f;
	char err[512];
	int fd, status = EXIT_OK;

	if (strcmp(path, "-") == 0) {
		fd = STDIN_FILENO;
		path = pr.path = "(standard input)";
	}
	else if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		log_error("%s: cannot open: %s", path, strerror(errno));
		return EXIT_BAD_INPUT;
	}
	if (fstat(fd, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		log_error("%s: is a directory, not a feed", path);
		close(fd);
		return EXIT_BAD_INPUT;
	}
	/* Items go out in large writes when nobody reads them live. */
	if (!isatty(STDOUT_FILENO))
		(void)setvbuf(stdout, NULL, _IOFBF, 64 * 1024);
	f = feed_parse_fd(fd, NULL, &limits, print_item, &pr, err,
	    sizeof(err));
	if (fd != STDIN_FILENO)
		close(fd);
	if (f == NULL) {
		log_error("%s: %s", path, err);
		status = EXIT_BAD_INPUT;
	} else if (err[0] != '\0')
		log_warn("%s: %s", path, err);
	if (pr.failed)
		status = EXIT_BAD_INPUT;
	feed_free(f);
	json_line_free(&pr.line);
	xmlCleanupParser();
	if (fflush(stdout) == EOF || ferror(stdout)) {
		log_error("%s: cannot write the items: %s", path,
		    strerror(errno));
		return EXIT_BAD_INPUT;
	}
	return status;
}
