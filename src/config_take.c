/*
 * config_take.c: one closed section of the file into struct config:
 * each value read, checked and reported at its own line.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

#include <confuse.h>

#include "config.h"
#include "config_priv.h"
#include "log.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* Where a line of the joined text is, for struct config. */
void
config_where(struct config_load *ld, int line, const char **file,
    int *file_line)
{
	int source;

	config_source_where(ld, line, &source, file_line);
	*file = source >= 0 ? ld->sources[source].name : ld->config->path;
}

/* Reading one section's values. */

/* The option key of the section, if the file set it. */
cfg_opt_t *
config_option(struct config_section *s, const char *key)
{
	cfg_opt_t *opt = cfg_getopt(s->cfg, key);

	if (opt == NULL || !(opt->flags & CFGF_MODIFIED))
		return NULL;
	return opt;
}

/* A key's one value, or NULL if unset (or wrongly given, after a
 * message).  *line gets the line of the value. */
const char *
config_value(struct config_section *s, const char *key, int *line)
{
	cfg_opt_t *opt;

	*line = s->line;
	if ((opt = config_option(s, key)) == NULL)
		return NULL;
	*line = config_origin_line(s->ld, opt, 0, s->line);
	if (opt->nvalues == 0) {
		config_msg_at(s->ld, 1, *line, "%s is empty; give it a value "
		    "or leave it out", key);
		return NULL;
	}
	if (opt->nvalues > 1) {
		config_msg_at(s->ld, 1, *line, "%s takes one value, not a "
		    "list", key);
		return NULL;
	}
	return cfg_opt_getnstr(opt, 0);
}

char *
config_strdup(const char *text)
{
	char *copy;

	if ((copy = strdup(text)) == NULL)
		log_fatal("out of memory");
	return copy;
}

/* A string key: a copy of its value, or of fallback (which may be NULL)
 * when unset. */
char *
config_take_string(struct config_section *s, const char *key,
    const char *fallback)
{
	const char *text;
	int line;

	if ((text = config_value(s, key, &line)) == NULL)
		return fallback ? config_strdup(fallback) : NULL;
	if (*text == '\0') {
		config_msg_at(s->ld, 1, line, "%s is empty; give it a value "
		    "or leave it out", key);
		return fallback ? config_strdup(fallback) : NULL;
	}
	return config_strdup(text);
}

/* A list key into list; lines (if not NULL) gets the line of each entry
 * (caller frees).  Returns whether the file set it. */
int
config_take_list(struct config_section *s, const char *key,
    struct config_list *list, int **lines)
{
	cfg_opt_t *opt;
	unsigned i;

	list->v = NULL;
	list->n = 0;
	if (lines != NULL)
		*lines = NULL;
	if ((opt = config_option(s, key)) == NULL)
		return 0;
	if (opt->nvalues > 0) {
		list->v = calloc(opt->nvalues, sizeof(*list->v));
		if (lines != NULL)
			*lines = calloc(opt->nvalues, sizeof(**lines));
		if (list->v == NULL || (lines != NULL && *lines == NULL))
			log_fatal("out of memory");
	}
	for (i = 0; i < opt->nvalues; i++) {
		int line = config_origin_line(s->ld, opt, i, s->line);

		if (cfg_opt_getnstr(opt, i)[0] == '\0') {
			config_msg_at(s->ld, 1, line, "%s holds an empty "
			    "string", key);
			continue;
		}
		if (lines != NULL)
			(*lines)[list->n] = line;
		list->v[list->n++] = config_strdup(cfg_opt_getnstr(opt, i));
	}
	return 1;
}

void
config_list_free(struct config_list *list)
{
	size_t i;

	for (i = 0; i < list->n; i++)
		free(list->v[i]);
	free(list->v);
	list->v = NULL;
	list->n = 0;
}

static int
take_duration(struct config_section *s, const char *key, double *out,
    int positive)
{
	const char *text;
	int line;
	double seconds;

	if ((text = config_value(s, key, &line)) == NULL)
		return 0;
	if (config_parse_duration(text, &seconds) == -1) {
		config_msg_at(s->ld, 1, line, "%s \"%s\" is not a duration; "
		    "write a number and a unit: 90s, 5m, 1.5h, 2d", key, text);
		return -1;
	}
	if (positive && seconds <= 0) {
		config_msg_at(s->ld, 1, line, "%s must be more than 0", key);
		return -1;
	}
	*out = seconds;
	return 1;
}

static int
take_size(struct config_section *s, const char *key, size_t *out)
{
	const char *text;
	int line;
	size_t bytes;

	if ((text = config_value(s, key, &line)) == NULL)
		return 0;
	if (config_parse_size(text, &bytes) == -1) {
		config_msg_at(s->ld, 1, line, "%s \"%s\" is not a size; write "
		    "bytes or a number with K, M or G: 512K, 10M, 1G", key,
		    text);
		return -1;
	}
	*out = bytes;
	return 1;
}

static int
take_count(struct config_section *s, const char *key, long min, long max,
    long *out)
{
	const char *text;
	int line;
	long n;

	if ((text = config_value(s, key, &line)) == NULL)
		return 0;
	if (config_parse_count(text, max, &n) == -1 || n < min) {
		config_msg_at(s->ld, 1, line, "%s \"%s\" must be a whole "
		    "number from %ld to %ld", key, text, min, max);
		return -1;
	}
	*out = n;
	return 1;
}

static int
take_severity(struct config_section *s, const char *key, enum severity *out)
{
	static const char *const names[] = {
		"info", "low", "medium", "high", "critical"
	};
	const char *text, *best;
	int line, sev;

	if ((text = config_value(s, key, &line)) == NULL)
		return 0;
	if ((sev = config_severity_parse(text)) == -1) {
		best = config_suggest(text, names, NELEM(names));
		config_msg_at(s->ld, 1, line, "%s \"%s\" is unknown%s%s%s; "
		    "use info, low, medium, high or critical", key, text,
		    best ? " (did you mean \"" : "", best ? best : "",
		    best ? "\"?)" : "");
		return -1;
	}
	*out = (enum severity)sev;
	return 1;
}

/* The limits a feed or the globals set; unset ones are left alone. */
static void
take_limits(struct config_section *s, struct config_limits *l)
{
	size_t bytes;
	long n;

	take_duration(s, "interval", &l->interval, 1);
	take_duration(s, "connect_timeout", &l->connect_timeout, 1);
	take_duration(s, "timeout", &l->timeout, 1);
	take_duration(s, "low_speed_time", &l->low_speed_time, 0);
	/* bytes per second, so "1K" reads well too */
	if (take_size(s, "low_speed_limit", &bytes) == 1)
		l->low_speed_limit = (long)bytes;
	if (take_size(s, "max_body", &l->max_body) == 1 && l->max_body < 1024)
		config_msg_at(s->ld, 1, config_origin_line(s->ld,
		    config_option(s, "max_body"), 0, s->line), "max_body must be at "
		    "least 1K");
	if (take_count(s, "max_items", 1, 1000000, &n) == 1)
		l->max_items = (size_t)n;
	take_duration(s, "max_age", &l->max_age, 0);
}

/* The name in the section's title: usable, and not taken before. */
void
config_check_name(struct config_section *s, const char *what, const char *name,
    const char *taken_file, int taken_line)
{
	if (!config_name_ok(name))
		config_msg_at(s->ld, 1, s->line, "%s name \"%s\" may hold only "
		    "letters, digits, '-', '_' and '.'", what, name);
	if (taken_file != NULL)
		config_msg_at(s->ld, 1, s->line, "%s '%s' is defined twice: "
		    "here and at %s:%d; rename or remove one", what, name,
		    taken_file, taken_line);
}

void *
config_grow(void *array, size_t n, size_t size)
{
	void *grown;

	if ((grown = reallocarray(array, n + 1, size)) == NULL)
		log_fatal("out of memory");
	memset((char *)grown + n * size, 0, size);
	return grown;
}

void
config_take_feed(struct config_section *s)
{
	struct config *c = s->ld->config;
	struct config_feed *f;
	const char *url, *taken_file = NULL;
	char why[256];
	size_t i;
	int line, taken_line = 0;

	for (i = 0; i < c->n_feeds; i++)
		if (strcmp(c->feeds[i].name, s->title) == 0) {
			taken_file = c->feeds[i].file;
			taken_line = c->feeds[i].line;
		}
	config_check_name(s, "feed", s->title, taken_file, taken_line);
	c->feeds = config_grow(c->feeds, c->n_feeds, sizeof(*c->feeds));
	f = &c->feeds[c->n_feeds++];
	f->name = config_strdup(s->title);
	config_where(s->ld, s->line, &f->file, &f->line);

	/* Unset limits stay negative until the globals are known. */
	f->limits.interval = f->limits.connect_timeout = f->limits.timeout = -1;
	f->limits.low_speed_time = f->limits.max_age = -1;
	f->limits.low_speed_limit = -1;
	f->limits.max_body = f->limits.max_items = (size_t)-1;
	take_limits(s, &f->limits);
	config_take_feed_extra(s, f);

	if ((url = config_value(s, "url", &line)) == NULL) {
		if (config_option(s, "url") == NULL)
			config_msg_at(s->ld, 1, s->line, "feed '%s' has no "
			    "url; add url = \"https://...\"", f->name);
		return;
	}
	f->url = config_strdup(url);
	if (config_url_check(url, 1, why, sizeof(why)) == -1)
		config_msg_at(s->ld, 1, line, "feed '%s': url \"%s\" is not "
		    "usable: %s", f->name, url, why);
}

void
config_take_actor(struct config_section *s)
{
	struct config *c = s->ld->config;
	struct config_actor *a;
	const char *taken_file = NULL;
	size_t i;
	int taken_line = 0, *lines;

	if (config_override_take(s))
		return;
	for (i = 0; i < c->n_actors; i++)
		if (strcmp(c->actors[i].name, s->title) == 0) {
			taken_file = c->actors[i].file;
			taken_line = c->actors[i].line;
		}
	config_check_name(s, "actor", s->title, taken_file, taken_line);
	if (strcmp(s->title, "*") == 0)
		config_msg_at(s->ld, 1, s->line, "actor '*' is reserved: in "
		    "a rule it means any actor");
	c->actors = config_grow(c->actors, c->n_actors, sizeof(*c->actors));
	a = &c->actors[c->n_actors++];
	a->name = config_strdup(s->title);
	config_where(s->ld, s->line, &a->file, &a->line);
	config_take_list(s, "names", &a->names, &lines);
	config_defer_classes(s, &a->names, lines);
	if (a->names.n == 0)
		config_msg_at(s->ld, 1, s->line, "actor '%s' has no names; add "
		    "names = {\"...\", \"...\"}", a->name);
	a->kind = config_take_kind(s, "state");
}

/* Remember the actors a rule or sink names, to check once all are in. */
void
config_defer_refs(struct config_section *s, int what,
    const struct config_list *list, int *lines, size_t owner)
{
	struct config_load *ld = s->ld;
	size_t i;

	for (i = 0; i < list->n; i++) {
		ld->refs = config_grow(ld->refs, ld->n_refs, sizeof(*ld->refs));
		ld->refs[ld->n_refs].what = what;
		ld->refs[ld->n_refs].name = list->v[i];
		ld->refs[ld->n_refs].line = lines[i];
		ld->refs[ld->n_refs].owner = owner;
		ld->n_refs++;
	}
	free(lines);
}

void
config_take_rule(struct config_section *s)
{
	struct config *c = s->ld->config;
	struct config_rule *r;
	const char *taken_file = NULL;
	size_t i;
	long n;
	int taken_line = 0, *lines;

	if (config_override_take(s))
		return;
	for (i = 0; i < c->n_rules; i++)
		if (strcmp(c->rules[i].name, s->title) == 0) {
			taken_file = c->rules[i].file;
			taken_line = c->rules[i].line;
		}
	config_check_name(s, "rule", s->title, taken_file, taken_line);
	c->rules = config_grow(c->rules, c->n_rules, sizeof(*c->rules));
	r = &c->rules[c->n_rules++];
	r->name = config_strdup(s->title);
	config_where(s->ld, s->line, &r->file, &r->line);

	r->category = config_take_string(s, "category", NULL);
	if (r->category == NULL && config_option(s, "category") == NULL)
		config_msg_at(s->ld, 1, s->line, "rule '%s' has no category; "
		    "add category = \"threat\" (or retaliation, deescalation, "
		    "...)", r->name);
	r->severity = SEV_MEDIUM;
	take_severity(s, "severity", &r->severity);
	config_take_list(s, "terms", &r->terms, &lines);
	config_defer_classes(s, &r->terms, lines);
	if (r->terms.n == 0)
		config_msg_at(s->ld, 1, s->line, "rule '%s' has no terms; add "
		    "terms = {\"...\"}", r->name);
	if (config_take_list(s, "actors", &r->actors, &lines))
		config_defer_refs(s, REF_RULE_ACTOR, &r->actors, lines,
		    c->n_rules - 1);
	else {
		r->actors.v = calloc(1, sizeof(*r->actors.v));
		if (r->actors.v == NULL)
			log_fatal("out of memory");
		r->actors.v[r->actors.n++] = config_strdup("*");
	}
	config_take_list(s, "targets", &r->targets, &lines);
	config_defer_refs(s, REF_RULE_TARGET, &r->targets, lines,
	    c->n_rules - 1);
	if (take_count(s, "window", 0, 1000, &n) == 1)
		r->window = (int)n;
	r->has_negations = config_take_list(s, "negations", &r->negations,
	    &lines);
	config_defer_classes(s, &r->negations, lines);
	config_take_list(s, "exclude", &r->exclude, &lines);
	config_defer_classes(s, &r->exclude, lines);
	r->language = config_take_string(s, "language", "english");
	config_check_language(s->ld, r->language, s->line);
	config_take_rule_clauses(s, r);
}

/* A key that does nothing for this type of sink is worth a warning. */
static void
unused_for(struct config_section *s, const char *type, const char *const *keys)
{
	cfg_opt_t *opt;
	size_t i;

	for (i = 0; keys[i] != NULL; i++) {
		if ((opt = config_option(s, keys[i])) == NULL)
			continue;
		config_msg_at(s->ld, 0, config_origin_line(s->ld, opt, 0,
		    s->line), "%s has no effect on a %s sink", keys[i], type);
	}
}

/* A URL with ${env:...} or ${file:...} in it is checked when the sink
 * expands it; here only its start. */
static void
check_webhook_url(struct config_section *s, const struct config_sink *k)
{
	char why[256];
	int line;

	line = config_origin_line(s->ld, config_option(s, "url"), 0, s->line);
	if (strstr(k->url, "${") != NULL) {
		if (strncmp(k->url, "${", 2) != 0 &&
		    strncasecmp(k->url, "http://", 7) != 0 &&
		    strncasecmp(k->url, "https://", 8) != 0)
			config_msg_at(s->ld, 1, line, "sink '%s': url must "
			    "start with http:// or https://", k->name);
	} else if (config_url_check(k->url, 0, why, sizeof(why)) == -1) {
		config_msg_at(s->ld, 1, line, "sink '%s': url is not usable: "
		    "%s", k->name, why);
	}
}

static void
take_sink_type(struct config_section *s, struct config_sink *k)
{
	static const char *const not_syslog[] = {
		"path", "fsync", "url", "headers", "timeout", "max_age",
		"rate_limit", "rate_interval", NULL
	};
	static const char *const not_file[] = {
		"ident", "facility", "url", "headers", "timeout", "max_age",
		"rate_limit", "rate_interval", NULL
	};
	static const char *const not_webhook[] = {
		"ident", "facility", "path", "fsync", NULL
	};
	static const char *const not_alertmanager[] = {
		"ident", "facility", "path", "fsync", "rate_limit",
		"rate_interval", NULL
	};
	static const char *const formats[] = {
		"json", "text", "generic", "slack", "discord", "teams", "ntfy"
	};
	const char *text, *best;
	int line, fmt, facility;

	switch (k->type) {
	case SINK_SYSLOG:
		unused_for(s, "syslog", not_syslog);
		if ((text = config_value(s, "facility", &line)) != NULL) {
			if ((facility = config_facility_parse(text)) == -1)
				config_msg_at(s->ld, 1, line, "facility \"%s\" "
				    "is unknown; use one of %s", text,
				    config_facility_names());
			else
				k->facility = facility;
		}
		break;
	case SINK_FILE:
		unused_for(s, "file", not_file);
		if (k->path == NULL && config_option(s, "path") == NULL)
			config_msg_at(s->ld, 1, s->line, "sink '%s' writes a "
			    "file but has no path; add path = "
			    "\"/var/log/brink/alerts.jsonl\"", k->name);
		k->format = FORMAT_JSON;
		break;
	case SINK_WEBHOOK:
		unused_for(s, "webhook", not_webhook);
		k->format = FORMAT_GENERIC;
		if (k->url == NULL && config_option(s, "url") == NULL)
			config_msg_at(s->ld, 1, s->line, "sink '%s' is a "
			    "webhook but has no url; add url = "
			    "\"https://...\"", k->name);
		if (k->url != NULL)
			check_webhook_url(s, k);
		break;
	case SINK_ALERTMANAGER:
		unused_for(s, "alertmanager", not_alertmanager);
		if (k->url == NULL && config_option(s, "url") == NULL)
			config_msg_at(s->ld, 1, s->line, "sink '%s' posts to "
			    "Alertmanager but has no url; add url = "
			    "\"http://127.0.0.1:9093\"", k->name);
		if (k->url != NULL)
			check_webhook_url(s, k);
		break;
	}
	if ((text = config_value(s, "format", &line)) == NULL)
		return;
	if ((fmt = config_format_parse(text)) == -1) {
		best = config_suggest(text, formats, NELEM(formats));
		config_msg_at(s->ld, 1, line, "format \"%s\" is unknown%s%s%s; "
		    "a %s sink takes %s", text, best ? " (did you mean \"" : "",
		    best ? best : "", best ? "\"?)" : "",
		    config_sink_type_name(k->type),
		    config_formats_for(k->type));
	} else if (!config_format_fits(k->type, (enum sink_format)fmt)) {
		config_msg_at(s->ld, 1, line, "format \"%s\" does not fit a %s "
		    "sink, which takes %s", text,
		    config_sink_type_name(k->type),
		    config_formats_for(k->type));
	} else {
		k->format = (enum sink_format)fmt;
	}
}

static void
check_headers(struct config_section *s, const struct config_sink *k, int *lines)
{
	size_t i, n;

	for (i = 0; i < k->headers.n; i++) {
		const char *h = k->headers.v[i];

		n = strspn(h, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuv"
		    "wxyz0123456789-_");
		if (n == 0 || h[n] != ':' || strpbrk(h, "\r\n") != NULL)
			config_msg_at(s->ld, 1, lines[i], "header \"%s\" must "
			    "read \"Name: value\"", h);
	}
	free(lines);
}

void
config_take_sink(struct config_section *s)
{
	static const char *const types[] = {
		"syslog", "file", "webhook", "alertmanager"
	};
	struct config *c = s->ld->config;
	struct config_sink *k;
	const char *text, *taken_file = NULL, *best;
	size_t i;
	long n;
	int line, type, taken_line = 0, *lines;

	for (i = 0; i < c->n_sinks; i++)
		if (strcmp(c->sinks[i].name, s->title) == 0) {
			taken_file = c->sinks[i].file;
			taken_line = c->sinks[i].line;
		}
	config_check_name(s, "sink", s->title, taken_file, taken_line);
	c->sinks = config_grow(c->sinks, c->n_sinks, sizeof(*c->sinks));
	k = &c->sinks[c->n_sinks++];
	k->name = config_strdup(s->title);
	config_where(s->ld, s->line, &k->file, &k->line);

	k->min_severity = SEV_INFO;
	take_severity(s, "min_severity", &k->min_severity);
	config_take_list(s, "categories", &k->categories, &lines);
	config_defer_refs(s, REF_SINK_CATEGORY, &k->categories, lines, c->n_sinks - 1);
	config_take_list(s, "feeds", &k->feeds, &lines);
	config_defer_refs(s, REF_SINK_FEED, &k->feeds, lines, c->n_sinks - 1);
	config_take_list(s, "actors", &k->actors, &lines);
	config_defer_refs(s, REF_SINK_ACTOR, &k->actors, lines, c->n_sinks - 1);
	k->ident = config_take_string(s, "ident", "brinkd");
	k->facility = LOG_DAEMON;
	k->path = config_take_string(s, "path", NULL);
	k->fsync = 1;
	if ((text = config_value(s, "fsync", &line)) != NULL &&
	    config_parse_bool(text, &k->fsync) == -1)
		config_msg_at(s->ld, 1, line, "fsync \"%s\" is not a boolean; "
		    "use true or false", text);
	k->url = config_take_string(s, "url", NULL);
	config_take_list(s, "headers", &k->headers, &lines);
	check_headers(s, k, lines);
	k->timeout = 10;
	take_duration(s, "timeout", &k->timeout, 1);
	k->max_age = 24 * 3600;
	take_duration(s, "max_age", &k->max_age, 1);
	k->rate_limit = 10;
	if (take_count(s, "rate_limit", 0, 1000000, &n) == 1)
		k->rate_limit = (int)n;
	k->rate_interval = 60;
	take_duration(s, "rate_interval", &k->rate_interval, 1);
	if ((text = config_value(s, "stories", &line)) != NULL) {
		if (strcmp(text, "first") == 0)
			k->stories = STORIES_FIRST;
		else if (strcmp(text, "updates") == 0)
			k->stories = STORIES_UPDATES;
		else if (strcmp(text, "all") == 0)
			k->stories = STORIES_ALL;
		else
			config_msg_at(s->ld, 1, line, "stories \"%s\" is "
			    "unknown; use \"first\", \"updates\" or \"all\"",
			    text);
	}

	if ((text = config_value(s, "type", &line)) == NULL) {
		if (config_option(s, "type") == NULL)
			config_msg_at(s->ld, 1, s->line, "sink '%s' has no "
			    "type; add type = \"syslog\", \"file\" or "
			    "\"webhook\"", k->name);
		return;
	}
	if ((type = config_sink_type_parse(text)) == -1) {
		best = config_suggest(text, types, NELEM(types));
		config_msg_at(s->ld, 1, line, "sink type \"%s\" is "
		    "unknown%s%s%s; use syslog, file, webhook or "
		    "alertmanager", text,
		    best ? " (did you mean \"" : "", best ? best : "",
		    best ? "\"?)" : "");
		return;
	}
	k->type = (enum sink_type)type;
	take_sink_type(s, k);
}

/* The globals, read once the whole file is parsed. */
void
config_take_globals(struct config_load *ld, cfg_t *cfg)
{
	struct config *c = ld->config;
	struct config_section s = { ld, cfg, "root", "", 1 };
	const char *text;
	long n;
	int line, level, *lines;

	free(c->state_dir);
	c->state_dir = config_take_string(&s, "state_dir", "/var/lib/brink");
	c->pid_file = config_take_string(&s, "pid_file", NULL);
	free(c->user_agent);
	c->user_agent = config_take_string(&s, "user_agent",
	    "brinkd/" PACKAGE_VERSION);
	c->ca_file = config_take_string(&s, "ca_file", NULL);
	if ((text = config_value(&s, "log_level", &line)) != NULL) {
		if ((level = log_level_parse(text)) == -1)
			config_msg_at(ld, 1, line, "log_level \"%s\" is "
			    "unknown; use error, warning, info or debug", text);
		else
			c->log_level = level;
	}
	take_limits(&s, &c->limits);
	take_duration(&s, "retention", &c->retention, 0);
	take_duration(&s, "backoff_max", &c->backoff_max, 1);
	if (take_count(&s, "max_transfers", 1, 10000, &n) == 1)
		c->max_transfers = (int)n;
	if (take_count(&s, "max_per_host", 1, 1000, &n) == 1)
		c->max_per_host = (int)n;
	if (take_count(&s, "max_redirects", 0, 100, &n) == 1)
		c->max_redirects = (int)n;
	config_take_list(&s, "negations", &c->negations, &lines);
	config_defer_classes(&s, &c->negations, lines);
	take_duration(&s, "story_window", &c->story_window, 1);
	take_duration(&s, "story_retention", &c->story_retention, 1);
	take_duration(&s, "story_update", &c->story_update, 0);
	if ((text = config_value(&s, "story_similarity", &line)) != NULL) {
		char *end;
		double v = strtod(text, &end);

		if (end == text || *end != '\0' || !(v > 0 && v <= 1))
			config_msg_at(ld, 1, line, "story_similarity \"%s\" "
			    "is not a number above 0 and at most 1 (the share "
			    "of words two statements must have in common; "
			    "0.3 by default)", text);
		else
			c->story_similarity = v;
	}
}

struct config *
config_new(const char *path)
{
	struct config *c;

	if ((c = calloc(1, sizeof(*c))) == NULL ||
	    (c->files = calloc(1, sizeof(*c->files))) == NULL)
		log_fatal("out of memory");
	c->path = config_strdup(path);
	c->state_dir = config_strdup("/var/lib/brink");
	c->user_agent = config_strdup("brinkd/" PACKAGE_VERSION);
	c->log_level = LOG_LEVEL_INFO;
	c->limits.interval = 5 * 60;
	c->limits.connect_timeout = 10;
	c->limits.timeout = 60;
	c->limits.low_speed_time = 30;
	c->limits.low_speed_limit = 100;
	c->limits.max_body = 10 * 1024 * 1024;
	c->limits.max_items = 1000;
	c->limits.max_age = 2 * 86400;
	c->retention = 30 * 86400;
	c->backoff_max = 6 * 3600;
	c->max_transfers = 32;
	c->max_per_host = 4;
	c->max_redirects = 5;
	c->story_window = 48 * 3600;
	c->story_retention = 30 * 86400;
	c->story_update = 3600;
	c->story_similarity = 0.3;
	return c;
}

/* A feed inherits each limit it did not set from the globals. */
void
config_inherit_limits(struct config *c)
{
	const struct config_limits *g = &c->limits;
	size_t i;

	for (i = 0; i < c->n_feeds; i++) {
		struct config_limits *l = &c->feeds[i].limits;

		if (l->interval < 0)
			l->interval = g->interval;
		if (l->connect_timeout < 0)
			l->connect_timeout = g->connect_timeout;
		if (l->timeout < 0)
			l->timeout = g->timeout;
		if (l->low_speed_time < 0)
			l->low_speed_time = g->low_speed_time;
		if (l->low_speed_limit < 0)
			l->low_speed_limit = g->low_speed_limit;
		if (l->max_body == (size_t)-1)
			l->max_body = g->max_body;
		if (l->max_items == (size_t)-1)
			l->max_items = g->max_items;
		if (l->max_age < 0)
			l->max_age = g->max_age;
	}
}
