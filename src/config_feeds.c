/*
 * config_feeds.c: what a feed may have beyond its url and limits
 * (enabled = false, request headers), and the feeds of an OPML file
 * (feeds_opml = "/etc/brink/feeds.opml"), the list every feed reader
 * exports.  OPML feeds are named after their titles (opml.c) and take
 * the global limits; a feed section with the same URL replaces the
 * OPML entry, so one feed of the list can be given headers, limits or
 * enabled = false without editing the export.
 */
#include "autoconf.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "config_priv.h"
#include "log.h"
#include "opml.h"

/* An OPML file larger than this is not a subscription list. */
#define OPML_MAX_BYTES	(16 * 1024 * 1024)

void
config_take_feed_extra(struct config_section *s, struct config_feed *f)
{
	const char *text;
	size_t i, n;
	int line, *lines;

	f->enabled = 1;
	if ((text = config_value(s, "enabled", &line)) != NULL &&
	    config_parse_bool(text, &f->enabled) == -1)
		config_msg_at(s->ld, 1, line, "enabled \"%s\" is not a "
		    "boolean; use true or false", text);
	config_take_list(s, "headers", &f->headers, &lines);
	for (i = 0; i < f->headers.n; i++) {
		const char *h = f->headers.v[i];

		n = strspn(h, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuv"
		    "wxyz0123456789-_");
		if (n == 0 || h[n] != ':' || strpbrk(h, "\r\n") != NULL)
			config_msg_at(s->ld, 1, lines[i], "feed '%s': header "
			    "\"%s\" must read \"Name: value\"", f->name, h);
	}
	free(lines);
}

/* The whole of path, or NULL after a message at line. */
static char *
opml_read(struct config_load *ld, int line, const char *path, size_t *lenp)
{
	struct stat st;
	char *buf = NULL;
	size_t len = 0;
	ssize_t got;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK |
	    O_NOCTTY)) == -1) {
		config_msg_at(ld, 1, line, "feeds_opml \"%s\": cannot open: "
		    "%s; export the subscriptions from a feed reader as OPML "
		    "there", path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) ||
	    st.st_size > OPML_MAX_BYTES) {
		config_msg_at(ld, 1, line, "feeds_opml \"%s\": %s", path,
		    !S_ISREG(st.st_mode) ? "not a regular file" :
		    "larger than 16 MB; is it the right file?");
		close(fd);
		return NULL;
	}
	if ((buf = malloc((size_t)st.st_size + 1)) == NULL)
		log_fatal("out of memory");
	while (len < (size_t)st.st_size) {
		got = read(fd, buf + len, (size_t)st.st_size - len);
		if (got == -1 && errno == EINTR)
			continue;
		if (got <= 0) {
			config_msg_at(ld, 1, line, "feeds_opml \"%s\": cannot "
			    "read: %s", path, got == 0 ? "the file shrank" :
			    strerror(errno));
			free(buf);
			close(fd);
			return NULL;
		}
		len += (size_t)got;
	}
	close(fd);
	buf[len] = '\0';
	*lenp = len;
	return buf;
}

static int
feed_with_url(const struct config *c, size_t n, const char *url)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (c->feeds[i].url != NULL && strcmp(c->feeds[i].url, url) == 0)
			return 1;
	return 0;
}

/* A name for feed o not yet taken: its own, else with -2, -3, ... */
static char *
unique_name(const struct config *c, const struct opml_feed *o)
{
	char *base, *name;
	int k;

	if ((base = opml_feed_name(o)) == NULL)
		log_fatal("out of memory");
	if (!config_has_feed(c, base))
		return base;
	for (k = 2;; k++) {
		if (asprintf(&name, "%.58s-%d", base, k) == -1)
			log_fatal("out of memory");
		if (!config_has_feed(c, name))
			break;
		free(name);
	}
	free(base);
	return name;
}

void
config_feeds_opml(struct config_load *ld, cfg_t *cfg)
{
	cfg_opt_t *opt = cfg_getopt(cfg, "feeds_opml");
	struct config *c = ld->config;
	struct config_feed *f;
	struct opml *o;
	const char *value, *file, *slash;
	char *path, *buf, *name, err[512], why[256];
	size_t len, i, n_sections = c->n_feeds;
	int line, file_line, source;

	if (opt == NULL || !(opt->flags & CFGF_MODIFIED) || opt->nvalues == 0)
		return;
	line = config_origin_line(ld, opt, 0, 1);
	if (opt->nvalues > 1) {
		config_msg_at(ld, 1, line, "feeds_opml takes one file");
		return;
	}
	value = cfg_opt_getnstr(opt, 0);
	if (!ld->allow_include) {
		/* Text without a file (the fuzz target) reads no file. */
		config_msg_at(ld, 1, line, "feeds_opml cannot be read from a "
		    "configuration given as text");
		return;
	}
	/* Relative to the file that names it, as include() is. */
	config_source_where(ld, line, &source, &file_line);
	file = source >= 0 ? ld->sources[source].name : c->path;
	if (value[0] == '/' || (slash = strrchr(file, '/')) == NULL)
		path = config_strdup(value);
	else if (asprintf(&path, "%.*s%s", (int)(slash - file) + 1, file,
	    value) == -1)
		log_fatal("out of memory");
	if ((buf = opml_read(ld, line, path, &len)) == NULL) {
		free(path);
		return;
	}
	/* The OPML file names its own lines in messages and in its feeds'
	 * file:line. */
	if ((source = config_source_add(ld, path, source)) == -1)
		log_fatal("out of memory");
	if ((o = opml_parse(buf, len, err, sizeof(err))) == NULL) {
		/* err is "line N: ..." */
		config_msg(ld, 1, source, atoi(err + strlen("line ")), "%s",
		    strchr(err, ':') != NULL ? strchr(err, ':') + 2 : err);
		goto done;
	}
	if (o->skipped_line > 0)
		config_msg(ld, 0, source, o->skipped_line, "%s skipped",
		    o->skipped);
	if (o->n_feeds == 0)
		config_msg(ld, 0, source, 1, "no outline with an xmlUrl: "
		    "the file names no feed");
	for (i = 0; i < o->n_feeds; i++) {
		const struct opml_feed *of = &o->feeds[i];

		/* A feed section for this URL says how to poll it. */
		if (feed_with_url(c, n_sections, of->url))
			continue;
		if (feed_with_url(c, c->n_feeds, of->url)) {
			config_msg(ld, 0, source, of->line, "%s is listed "
			    "twice; polled once", of->url);
			continue;
		}
		if (config_url_check(of->url, 0, why, sizeof(why)) == -1) {
			config_msg(ld, 1, source, of->line, "xmlUrl \"%s\" is "
			    "not usable: %s", of->url, why);
			continue;
		}
		name = unique_name(c, of);
		c->feeds = config_grow(c->feeds, c->n_feeds, sizeof(*c->feeds));
		f = &c->feeds[c->n_feeds++];
		f->name = name;
		f->url = config_strdup(of->url);
		f->enabled = 1;
		f->file = ld->sources[source].name;
		f->line = of->line;
		f->limits.interval = f->limits.connect_timeout = -1;
		f->limits.timeout = f->limits.low_speed_time = -1;
		f->limits.max_age = -1;
		f->limits.low_speed_limit = -1;
		f->limits.max_body = f->limits.max_items = (size_t)-1;
	}
done:
	opml_free(o);
	free(buf);
	free(path);
}

void
config_feeds_drop_disabled(struct config *c)
{
	size_t i, kept = 0;

	if (c == NULL)
		return;
	for (i = 0; i < c->n_feeds; i++) {
		if (!c->feeds[i].enabled) {
			config_feed_clear(&c->feeds[i]);
			continue;
		}
		c->feeds[kept++] = c->feeds[i];
	}
	c->n_feeds = kept;
}
