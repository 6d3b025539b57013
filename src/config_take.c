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
#include "metrics_addr.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

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

void
config_take_feed(struct config_section *s)
{
	struct config *c = s->ld->config;
	struct config_feed *f;
	const char *url;
	char why[256];
	size_t cap;
	int line;

	config_check_name(s, "feed", s->title);
	/* Doubled, not grown by one: a file may hold 100,000 feeds. */
	if (c->n_feeds == s->ld->cap_feeds) {
		cap = s->ld->cap_feeds ? s->ld->cap_feeds * 2 : 16;
		if ((f = reallocarray(c->feeds, cap, sizeof(*f))) == NULL)
			log_fatal("out of memory");
		c->feeds = f;
		s->ld->cap_feeds = cap;
	}
	f = &c->feeds[c->n_feeds++];
	memset(f, 0, sizeof(*f));
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
	int *lines;

	if (config_override_take(s))
		return;
	config_check_name(s, "actor", s->title);
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
	a->display = config_take_string(s, "display", NULL);
	/* Parties at war or in an armed standoff: talks between them
	 * are peace talks in any words (the rule key context). */
	if (config_take_list(s, "rivals", &a->rivals, &lines))
		config_defer_refs(s, REF_ACTOR_RIVAL, &a->rivals, lines,
		    c->n_actors - 1);
}

/*
 * A term of nothing but "*" matches every word.  With actors it still
 * needs one in the sentence; without, the rule fires on every article
 * of every feed and floods every sink, which nobody means.
 */
static void
check_catch_all(struct config_section *s, const struct config_rule *r)
{
	cfg_opt_t *opt = config_option(s, "terms");
	const char *term;
	unsigned i;

	if (opt == NULL || r->actors.n > 0)
		return;
	for (i = 0; i < opt->nvalues; i++) {
		term = cfg_opt_getnstr(opt, i);
		if (term[0] == '\0' || term[strspn(term, "* \t")] != '\0')
			continue;
		config_msg_at(s->ld, 1, config_origin_line(s->ld, opt, i,
		    s->line), "rule '%s': the term \"%s\" matches every word "
		    "and the rule names no actors, so it would fire on every "
		    "article; give the term a word, or the rule actors",
		    r->name, term);
	}
}

void
config_take_rule(struct config_section *s)
{
	struct config *c = s->ld->config;
	struct config_rule *r;
	long n;
	int *lines;

	if (config_override_take(s))
		return;
	config_check_name(s, "rule", s->title);
	c->rules = config_grow(c->rules, c->n_rules, sizeof(*c->rules));
	r = &c->rules[c->n_rules++];
	r->name = config_strdup(s->title);
	config_where(s->ld, s->line, &r->file, &r->line);

	r->category = config_take_string(s, "category", NULL);
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
	check_catch_all(s, r);
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
	/* Talks are peace talks only in an article about a war: phrases
	 * looked for in the whole article, title and text. */
	config_take_list(s, "context", &r->context, &lines);
	config_defer_classes(s, &r->context, lines);
	r->language = config_take_string(s, "language", "english");
	config_check_language(s->ld, r->language, s->line);
	config_take_rule_clauses(s, r);
	config_take_rule_like(s, r);
	if (r->category == NULL && config_option(s, "category") == NULL)
		config_msg_at(s->ld, 1, s->line, "rule '%s' has no category; "
		    "add category = \"threat\" (or retaliation, deescalation, "
		    "...), or like = \"RULE\" to take it from a rule above",
		    r->name);
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
	/* A url with a secret in it cannot be parsed until the secret is
	 * read (sink_check.c parses it then, with libcurl); here only its
	 * scheme, when written out, is looked at. */
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
		"json", "text", "generic", "slack", "discord", "teams", "ntfy",
		"mattermost"
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
	const char *const *types;
	struct config *c = s->ld->config;
	struct config_sink *k;
	const char *text, *best;
	size_t n_types;
	long n;
	int line, type, *lines;

	config_check_name(s, "sink", s->title);
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
			    "type; add type = %s", k->name,
			    config_sink_type_list(1));
		return;
	}
	if ((type = config_sink_type_parse(text)) == -1) {
		types = config_sink_types(&n_types);
		best = config_suggest(text, types, n_types);
		config_msg_at(s->ld, 1, line, "sink type \"%s\" is "
		    "unknown%s%s%s; use %s", text,
		    best ? " (did you mean \"" : "", best ? best : "",
		    best ? "\"?)" : "", config_sink_type_list(0));
		return;
	}
	k->type = (enum sink_type)type;
	take_sink_type(s, k);
}

/*
 * The top-level keys that are plain numbers within bounds: the stories'
 * shares of words (story.h) and the escalation meter's factors
 * (trend.h).  Each is refused with its range and what it means.
 */
static void
take_numbers(struct config_section *s, struct config_load *ld,
    struct config *c)
{
	const struct {
		const char	*key;
		double		*out;
		double		 lo, hi;	/* lo < v < hi, or ... */
		int		 lo_in, hi_in;	/* ... lo <= v, v <= hi */
		const char	*range;
		const char	*what;
	} keys[] = {
		{ "story_similarity", &c->story_similarity, 0, 1, 0, 1,
		    "above 0 and at most 1", "the share of words two "
		    "statements must have in common; 0.3 by default" },
		{ "story_overlap", &c->story_overlap, 0, 1, 1, 1,
		    "from 0 to 1", "the share of the shorter statement's "
		    "words the other must hold; 0.6 by default, 0 turns the "
		    "test off" },
		{ "trend_factor", &c->trend_factor, 0, 1e6, 0, 0, "above 0",
		    "how many times its baseline a pair's last 24 hours must "
		    "weigh to raise a trend; 3 by default" },
		{ "trend_floor", &c->trend_floor, 0, 1e6, 0, 0, "above 0",
		    "the least baseline, in story weight a day; 3 by "
		    "default" },
	};
	const char *text;
	char *end;
	double v;
	size_t i;
	int line;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		if ((text = config_value(s, keys[i].key, &line)) == NULL)
			continue;
		v = strtod(text, &end);
		if (end == text || *end != '\0' ||
		    !(keys[i].lo_in ? v >= keys[i].lo : v > keys[i].lo) ||
		    !(keys[i].hi_in ? v <= keys[i].hi : v < keys[i].hi))
			config_msg_at(ld, 1, line, "%s \"%s\" is not a number "
			    "%s (%s)", keys[i].key, text, keys[i].range,
			    keys[i].what);
		else
			*keys[i].out = v;
	}
}

/* The globals, read once the whole file is parsed. */
/* metrics_listen: checked here as the listener will read it. */
static void
take_metrics_listen(struct config_section *s, struct config *c)
{
	const char *text;
	char why[256];
	int line;

	if ((text = config_value(s, "metrics_listen", &line)) == NULL)
		return;
	if (metrics_addr_parse(text, NULL, why, sizeof(why)) == -1)
		config_msg_at(s->ld, 1, line, "metrics_listen \"%s\": %s",
		    text, why);
	free(c->metrics_listen);
	c->metrics_listen = config_strdup(text);
}

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
	take_metrics_listen(&s, c);
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
	take_numbers(&s, ld, c);
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
