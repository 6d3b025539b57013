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

#include <jansson.h>
#include <libxml/parser.h>

#include "cmd.h"
#include "date.h"
#include "feed.h"
#include "log.h"

/* feed.h promises valid UTF-8 (feed_item.c repairs what is not), so
 * jansson need not check every string again. */
static json_t *
string_or_null(const char *s)
{
	return s != NULL ? json_string_nocheck(s) : json_null();
}

static json_t *
date_or_null(time_t t, int has)
{
	char buf[DATE_RFC3339_LEN + 1];

	if (!has || date_format(t, buf) == -1)
		return json_null();
	return json_string_nocheck(buf);
}

/* The item as the object --parse prints, in o (made once, its values
 * replaced for each item: the keys keep their documented order and
 * need no new allocation); -1 when out of memory. */
static int
item_json(json_t *o, const struct feed_item *it)
{
	json_t *cats;
	size_t i;
	int bad = 0;

	if ((cats = json_array()) == NULL)
		return -1;
	for (i = 0; i < it->n_categories; i++)
		bad |= json_array_append_new(cats,
		    json_string_nocheck(it->categories[i]));
	bad |= json_object_set_new(o, "id", string_or_null(it->id));
	bad |= json_object_set_new(o, "title", string_or_null(it->title));
	bad |= json_object_set_new(o, "link", string_or_null(it->link));
	bad |= json_object_set_new(o, "published",
	    date_or_null(it->published, it->has_published));
	bad |= json_object_set_new(o, "updated",
	    date_or_null(it->updated, it->has_updated));
	bad |= json_object_set_new(o, "author", string_or_null(it->author));
	bad |= json_object_set_new(o, "summary", string_or_null(it->summary));
	bad |= json_object_set_new(o, "categories", cats);
	return bad ? -1 : 0;
}

struct printer {
	const char	*path;
	size_t		 n;
	int		 failed;
	char		*buf;		/* one item's JSON */
	size_t		 cap;
	json_t		*obj;		/* one item's object, reused */
};

/* Called by the parser for each item as soon as it is read, so that a
 * large feed streams through in constant memory. */
static void
print_item(const struct feed_item *it, void *arg)
{
	struct printer *pr = arg;
	json_t *o = pr->obj;
	size_t n = 0;
	char *grown;

	pr->n++;
	if (o != NULL && item_json(o, it) == -1)
		o = NULL;
	/* Into one reused buffer: no allocation and no stdio call per
	 * JSON token. */
	if (o != NULL && (n = json_dumpb(o, pr->buf, pr->cap,
	    JSON_PRESERVE_ORDER)) >= pr->cap && n > 0) {
		if ((grown = realloc(pr->buf, n + 1)) != NULL) {
			pr->buf = grown;
			pr->cap = n + 1;
			n = json_dumpb(o, pr->buf, pr->cap,
			    JSON_PRESERVE_ORDER);
		} else
			n = 0;
	}
	if (n == 0 || n >= pr->cap) {
		log_error("%s: item %zu: cannot write it as JSON", pr->path,
		    pr->n);
		pr->failed = 1;
		return;
	}
	pr->buf[n] = '\n';
	fwrite(pr->buf, 1, n + 1, stdout);
}

int
cmd_parse(const char *path)
{
	/* Nothing is held but the item being read: no item limit. */
	/* Nor is the content printed: its text is made only where it
	 * stands in for a missing summary. */
	const struct feed_limits limits = { SIZE_MAX, 0, 0, 1 };
	struct printer pr = { path, 0, 0, NULL, 0, NULL };
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
	pr.obj = json_object();
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
	json_decref(pr.obj);
	free(pr.buf);
	xmlCleanupParser();
	if (fflush(stdout) == EOF || ferror(stdout)) {
		log_error("%s: cannot write the items: %s", path,
		    strerror(errno));
		return EXIT_BAD_INPUT;
	}
	return status;
}
