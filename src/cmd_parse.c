/*
 * cmd_parse.c: brinkd --parse FILE.  Prints a feed's items as JSON
 * lines, one object per item with the keys in a fixed order, so that
 * people and scripts can see exactly what brinkd reads from a feed.
 */
#include "autoconf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <libxml/parser.h>

#include "cmd.h"
#include "date.h"
#include "feed.h"
#include "log.h"

/* Larger files are refused rather than read: no honest feed is. */
#define PARSE_MAX_BYTES	(256UL * 1024 * 1024)

/* Read all of path ("-": stdin) into a buffer the caller frees. */
static char *
read_all(const char *path, size_t *lenp, char *err, size_t errlen)
{
	FILE *fp;
	char *buf = NULL, *grown;
	size_t len = 0, cap = 0, n;

	if (strcmp(path, "-") == 0)
		fp = stdin;
	else if ((fp = fopen(path, "rb")) == NULL) {
		snprintf(err, errlen, "cannot open: %s", strerror(errno));
		return NULL;
	}
	for (;;) {
		if (len == cap) {
			cap = cap ? cap * 2 : 65536;
			if (cap > PARSE_MAX_BYTES + 1)
				cap = PARSE_MAX_BYTES + 1;
			if (len == cap) {
				snprintf(err, errlen, "larger than %lu MB; "
				    "not a feed brinkd will read",
				    PARSE_MAX_BYTES >> 20);
				goto fail;
			}
			if ((grown = realloc(buf, cap)) == NULL) {
				snprintf(err, errlen, "out of memory");
				goto fail;
			}
			buf = grown;
		}
		n = fread(buf + len, 1, cap - len, fp);
		len += n;
		if (n == 0)
			break;
	}
	if (ferror(fp)) {
		snprintf(err, errlen, "cannot read: %s", strerror(errno));
		goto fail;
	}
	if (fp != stdin)
		fclose(fp);
	*lenp = len;
	return buf;
fail:
	if (fp != stdin)
		fclose(fp);
	free(buf);
	return NULL;
}

static json_t *
string_or_null(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

static json_t *
date_or_null(time_t t, int has)
{
	char buf[DATE_RFC3339_LEN + 1];

	if (!has || date_format(t, buf) == -1)
		return json_null();
	return json_string(buf);
}

static json_t *
item_json(const struct feed_item *it)
{
	json_t *o, *cats;
	size_t i;

	if ((o = json_object()) == NULL || (cats = json_array()) == NULL) {
		json_decref(o);
		return NULL;
	}
	for (i = 0; i < it->n_categories; i++)
		json_array_append_new(cats, json_string(it->categories[i]));
	/* json_object_set_new copes with a NULL value by failing; the
	 * strings come from libxml2 and are valid UTF-8. */
	json_object_set_new(o, "id", string_or_null(it->id));
	json_object_set_new(o, "title", json_string(it->title));
	json_object_set_new(o, "link", string_or_null(it->link));
	json_object_set_new(o, "published",
	    date_or_null(it->published, it->has_published));
	json_object_set_new(o, "updated",
	    date_or_null(it->updated, it->has_updated));
	json_object_set_new(o, "author", string_or_null(it->author));
	json_object_set_new(o, "summary", json_string(it->summary));
	json_object_set_new(o, "categories", cats);
	return o;
}

int
cmd_parse(const char *path)
{
	char err[512];
	struct feed *f;
	char *buf, *line;
	size_t len, i;
	int status = EXIT_OK;

	if ((buf = read_all(path, &len, err, sizeof(err))) == NULL) {
		log_error("%s: %s", path, err);
		return EXIT_BAD_INPUT;
	}
	f = feed_parse(buf, len, NULL, NULL, err, sizeof(err));
	free(buf);
	if (f == NULL) {
		log_error("%s: %s", path, err);
		xmlCleanupParser();
		return EXIT_BAD_INPUT;
	}
	for (i = 0; i < f->n_items; i++) {
		json_t *o = item_json(&f->items[i]);

		line = o != NULL ? json_dumps(o,
		    JSON_PRESERVE_ORDER) : NULL;
		json_decref(o);
		if (line == NULL) {
			log_error("%s: item %zu: cannot write it as JSON",
			    path, i + 1);
			status = EXIT_BAD_INPUT;
			continue;
		}
		puts(line);
		free(line);
	}
	if (err[0] != '\0')
		log_warn("%s: %s", path, err);
	feed_free(f);
	xmlCleanupParser();
	if (fflush(stdout) == EOF || ferror(stdout)) {
		log_error("%s: cannot write the items: %s", path,
		    strerror(errno));
		return EXIT_BAD_INPUT;
	}
	return status;
}
