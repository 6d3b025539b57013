/*
 * config.c: load brink's configuration with libconfuse into struct config,
 * and report every problem as FILE:LINE: message.
 *
 * libconfuse stops at the first thing it does not understand.  Unknown
 * keys are the commonest mistake, so a load runs in passes: when a pass
 * stops at an unknown key, the next pass knows that key as a "stub" (an
 * option brink ignores but reports), and goes on to the next mistake.
 * Only the last pass's findings are reported.  A real syntax error still
 * ends the load there; everything before it is checked.
 *
 * Each section is taken over into struct config the moment libconfuse
 * closes it, from a validation callback: that is the only way to see
 * both of two sections with the same name (libconfuse keeps the last).
 */
#include "autoconf.h"

#include <sys/types.h>

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

#include <confuse.h>

#include "config.h"
#include "config_priv.h"
#include "log.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* Passes, and so unknown keys found, before the load gives up. */
#define MAX_PASSES	64

enum {
	STOP_NONE,
	STOP_SYNTAX,		/* reported; nothing more to learn */
	STOP_UNKNOWN,		/* an unknown key: a stub gets past it */
	STOP_NEED_EQUAL,	/* a stub value was a section after all */
	STOP_NEED_TITLE		/* a titled stub section has no title */
};

/* A key of a section: lists take {"a", "b"}, the others one value. */
struct key {
	const char	*name;
	int		 list;
};

#define LIMIT_KEYS \
	{ "interval", 0 }, { "connect_timeout", 0 }, { "timeout", 0 },	\
	{ "low_speed_time", 0 }, { "low_speed_limit", 0 },		\
	{ "max_body", 0 }, { "max_items", 0 }, { "max_age", 0 }

static const struct key root_keys[] = {
	{ "state_dir", 0 }, { "pid_file", 0 }, { "user_agent", 0 },
	{ "ca_file", 0 }, { "log_level", 0 }, LIMIT_KEYS,
	{ "retention", 0 }, { "backoff_max", 0 }, { "max_transfers", 0 },
	{ "max_per_host", 0 }, { "max_redirects", 0 }, { "negations", 1 },
	{ NULL, 0 }
};
static const struct key feed_keys[] = {
	{ "url", 0 }, LIMIT_KEYS, { NULL, 0 }
};
static const struct key actor_keys[] = {
	{ "names", 1 }, { NULL, 0 }
};
static const struct key rule_keys[] = {
	{ "category", 0 }, { "severity", 0 }, { "terms", 1 },
	{ "actors", 1 }, { "targets", 1 }, { "window", 0 },
	{ "negations", 1 }, { "exclude", 1 }, { "language", 0 },
	{ NULL, 0 }
};
static const struct key sink_keys[] = {
	{ "type", 0 }, { "min_severity", 0 }, { "categories", 1 },
	{ "feeds", 1 }, { "actors", 1 }, { "ident", 0 }, { "facility", 0 },
	{ "path", 0 }, { "fsync", 0 }, { "format", 0 }, { "url", 0 },
	{ "headers", 1 }, { "timeout", 0 }, { "max_age", 0 },
	{ "rate_limit", 0 }, { "rate_interval", 0 }, { NULL, 0 }
};

/* One section being taken over into struct config. */
struct section {
	struct config_load	*ld;
	cfg_t			*cfg;
	const char		*kind;		/* "feed", ... */
	const char		*title;
	int			 line;		/* of its opening, joined text */
};

static void	take_feed(struct section *);
static void	take_actor(struct section *);
static void	take_rule(struct section *);
static void	take_sink(struct section *);

static const struct kind {
	const char		*name;
	const struct key	*keys;
	void			(*take)(struct section *);
} kinds[] = {
	{ "feed", feed_keys, take_feed },
	{ "actor", actor_keys, take_actor },
	{ "rule", rule_keys, take_rule },
	{ "sink", sink_keys, take_sink }
};

/*
 * libconfuse's callbacks carry no pointer of ours, so the load in
 * progress is kept here.  Loads do not nest and brinkd has one thread.
 */
static struct config_load *current;

/* Messages. */

void
config_msg(struct config_load *ld, int is_error, int source, int line,
    const char *fmt, ...)
{
	struct config_msg *msgs, *m;
	va_list ap;
	char *text;
	int rc;

	va_start(ap, fmt);
	rc = vasprintf(&text, fmt, ap);
	va_end(ap);
	if (rc == -1)
		log_fatal("out of memory");
	msgs = reallocarray(ld->msgs, ld->n_msgs + 1, sizeof(*msgs));
	if (msgs == NULL)
		log_fatal("out of memory");
	ld->msgs = msgs;
	m = &msgs[ld->n_msgs];
	m->is_error = is_error;
	m->source = source;
	m->line = line;
	m->seq = ld->n_msgs++;
	m->text = text;
	if (is_error)
		ld->n_errors++;
}

void
config_msg_at(struct config_load *ld, int is_error, int line,
    const char *fmt, ...)
{
	va_list ap;
	char *text;
	int source, source_line;

	va_start(ap, fmt);
	if (vasprintf(&text, fmt, ap) == -1)
		log_fatal("out of memory");
	va_end(ap);
	config_source_where(ld, line, &source, &source_line);
	config_msg(ld, is_error, source, source_line, "%s", text);
	free(text);
}

/* Where a line of the joined text is, for struct config. */
static void
where(struct config_load *ld, int line, const char **file, int *file_line)
{
	int source;

	config_source_where(ld, line, &source, file_line);
	*file = source >= 0 ? ld->sources[source].name : ld->config->path;
}

static int
msg_order(const void *a, const void *b)
{
	const struct config_msg *x = a, *y = b;

	if (x->source != y->source)
		return x->source < y->source ? -1 : 1;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void
deliver(struct config_load *ld, config_report_fn *report, void *arg)
{
	char *line;
	size_t i;

	if (ld->n_msgs == 0)
		return;
	qsort(ld->msgs, ld->n_msgs, sizeof(*ld->msgs), msg_order);
	for (i = 0; i < ld->n_msgs; i++) {
		struct config_msg *m = &ld->msgs[i];
		int rc;

		if (m->source >= 0)
			rc = asprintf(&line, "%s:%d: %s%s",
			    ld->sources[m->source].name, m->line,
			    m->is_error ? "" : "warning: ", m->text);
		else
			rc = asprintf(&line, "%s%s",
			    m->is_error ? "" : "warning: ", m->text);
		if (rc == -1)
			log_fatal("out of memory");
		if (report != NULL)
			report(arg, m->is_error, line);
		free(line);
	}
}

/* Values and where they came from. */

static void
note_origin(struct config_load *ld, cfg_opt_t *opt, int line)
{
	struct config_origin *o;

	o = reallocarray(ld->origins, ld->n_origins + 1, sizeof(*o));
	if (o == NULL)
		log_fatal("out of memory");
	ld->origins = o;
	o[ld->n_origins].opt = opt;
	o[ld->n_origins].index = opt->nvalues - 1;
	o[ld->n_origins].line = line;
	ld->n_origins++;
}

static int
origin_line(struct config_load *ld, const cfg_opt_t *opt, unsigned index,
    int fallback)
{
	size_t i;

	for (i = ld->n_origins; i > 0; i--)
		if (ld->origins[i - 1].opt == opt &&
		    ld->origins[i - 1].index == index)
			return ld->origins[i - 1].line;
	return fallback;
}

/* Forget where the values of a section came from once it is taken. */
static void
forget_origins(struct config_load *ld, cfg_t *sec)
{
	size_t i, kept = 0, n;

	for (n = 0; sec->opts[n].name != NULL; n++)
		continue;
	for (i = 0; i < ld->n_origins; i++) {
		const cfg_opt_t *opt = ld->origins[i].opt;

		if (opt >= sec->opts && opt < sec->opts + n)
			continue;
		ld->origins[kept++] = ld->origins[i];
	}
	ld->n_origins = kept;
}

/* libconfuse callback: every value read; remembers its line. */
static int
on_value(cfg_t *cfg, cfg_opt_t *opt, const char *value, void *result)
{
	note_origin(current, opt, cfg->line);
	*(const char **)result = value;
	return 0;
}

static const struct kind *
kind_named(const char *name)
{
	size_t i;

	for (i = 0; i < NELEM(kinds); i++)
		if (strcmp(kinds[i].name, name) == 0)
			return &kinds[i];
	return NULL;
}

static const struct key *
keys_of(const char *section)
{
	const struct kind *k;

	if (strcmp(section, "root") == 0)
		return root_keys;
	if ((k = kind_named(section)) != NULL)
		return k->keys;
	return NULL;
}

/* "unknown key 'urll' in feed 'x' (did you mean 'url'?)" */
static void
report_unknown(struct config_load *ld, int line, cfg_t *parent,
    const char *name, int is_section)
{
	const char *choices[40], *best;
	const struct key *keys;
	size_t n = 0, i;
	char where_[256] = "";

	if ((keys = keys_of(parent->name)) == NULL)
		return;		/* inside an unknown section: said already */
	for (i = 0; keys[i].name != NULL && n < NELEM(choices) - 8; i++)
		choices[n++] = keys[i].name;
	if (strcmp(parent->name, "root") == 0) {
		for (i = 0; i < NELEM(kinds); i++)
			choices[n++] = kinds[i].name;
		choices[n++] = "include";
	} else {
		snprintf(where_, sizeof(where_), " in %s '%s'", parent->name,
		    parent->title ? parent->title : "");
	}
	best = config_suggest(name, choices, n);
	if (best != NULL)
		config_msg_at(ld, 1, line, "unknown %s '%s'%s (did you mean "
		    "'%s'?)", is_section ? "section" : "key", name, where_,
		    best);
	else if (strcmp(parent->name, "root") == 0)
		config_msg_at(ld, 1, line, "unknown %s '%s'; the top level "
		    "takes global keys (see brink.conf(5)) and feed, actor, "
		    "rule and sink sections", is_section ? "section" : "key",
		    name);
	else {
		char list[512];
		size_t used = 0;

		list[0] = '\0';
		for (i = 0; keys[i].name != NULL && used < sizeof(list); i++)
			used += (size_t)snprintf(list + used,
			    sizeof(list) - used, "%s%s", i ? ", " : "",
			    keys[i].name);
		config_msg_at(ld, 1, line, "unknown %s '%s'%s; a %s takes %s",
		    is_section ? "section" : "key", name, where_,
		    parent->name, list);
	}
}

/* libconfuse callback: a value of a stub, a key brink does not know. */
static int
on_stub_value(cfg_t *cfg, cfg_opt_t *opt, const char *value, void *result)
{
	/* Once per assignment: the first of its values. */
	if (opt->nvalues == 1)
		report_unknown(current, cfg->line, cfg, opt->name, 0);
	*(const char **)result = value;
	return 0;
}

/* libconfuse callback: a stub section closed. */
static int
on_stub_section(cfg_t *cfg, cfg_opt_t *opt)
{
	unsigned i;

	for (i = 0; i < opt->nvalues; i++) {
		cfg_t *sec = opt->values[i]->section;

		if (sec->line < 0)
			continue;
		report_unknown(current, config_span_open(current, sec->line),
		    cfg, opt->name, 1);
		sec->line = -1;
	}
	return 0;
}

/* libconfuse callback: a feed, actor, rule or sink closed; take it. */
static int
on_section(cfg_t *cfg, cfg_opt_t *opt)
{
	const struct kind *kind = kind_named(opt->name);
	struct section s;
	unsigned i;

	for (i = 0; i < opt->nvalues; i++) {
		cfg_t *sec = opt->values[i]->section;

		/* Taken sections are marked; libconfuse no longer needs
		 * the line once the section has closed. */
		if (sec->line < 0)
			continue;
		s.ld = current;
		s.cfg = sec;
		s.kind = opt->name;
		s.title = sec->title ? sec->title : "";
		s.line = config_span_open(current, sec->line);
		if (kind != NULL)
			kind->take(&s);
		forget_origins(current, sec);
		sec->line = -1;
	}
	return 0;
}

/* libconfuse callback: include() that our join did not resolve. */
static int
on_include(cfg_t *cfg, cfg_opt_t *opt, int argc, const char **argv)
{
	config_msg_at(current, 1, cfg->line, "include() takes one file "
	    "name in quotes: include(\"rules/default.conf\")");
	return 0;
}

static char *
quoted(const char *msg)
{
	const char *start, *end;

	if ((start = strchr(msg, '\'')) == NULL ||
	    (end = strrchr(msg, '\'')) == start)
		return strdup("");
	return strndup(start + 1, (size_t)(end - start - 1));
}

static const struct config_stub *
stub_named(struct config_load *ld, const char *parent, const char *name)
{
	size_t i;

	for (i = 0; i < ld->n_stubs; i++)
		if (strcmp(ld->stubs[i].parent, parent) == 0 &&
		    strcmp(ld->stubs[i].name, name) == 0)
			return &ld->stubs[i];
	return NULL;
}

/*
 * libconfuse callback: a parse error.  It is reworded for a reader, or
 * kept as a reason for another pass.
 */
static void
on_error(cfg_t *cfg, const char *fmt, va_list ap)
{
	struct config_load *ld = current;
	const struct config_stub *stub;
	char msg[512], *name;
	int line = cfg->line;

	vsnprintf(msg, sizeof(msg), fmt, ap);
	if (ld == NULL)
		return;
	if ((name = quoted(msg)) == NULL)
		log_fatal("out of memory");
	stub = stub_named(ld, cfg->name, name);
	if (strcmp(fmt, "no such option '%s'") == 0) {
		ld->stopped = STOP_UNKNOWN;
	} else if (strcmp(fmt, "missing equal sign after option '%s'") == 0) {
		if (stub != NULL && stub->kind == STUB_VALUE)
			ld->stopped = STOP_NEED_EQUAL;
		else
			config_msg_at(ld, 1, line, "expected '=' after '%s'",
			    name);
	} else if (strcmp(fmt, "missing title for section '%s'") == 0) {
		if (stub != NULL && stub->kind == STUB_TITLED)
			ld->stopped = STOP_NEED_TITLE;
		else
			config_msg_at(ld, 1, line, "a %s needs a name: "
			    "%s NAME { ... }", name, name);
	} else if (strcmp(fmt, "unexpected token '%s'") == 0) {
		config_msg_at(ld, 1, line, "syntax error at '%s'%s", name,
		    strcmp(name, "{") == 0 ? " (a list is written "
		    "key = {\"a\", \"b\"})" : "");
	} else if (strcmp(fmt, "premature end of file") == 0) {
		config_msg_at(ld, 1, line, "the file ends inside a section or "
		    "list: a '}' is missing");
	} else if (strcmp(fmt, "unexpected closing brace") == 0) {
		config_msg_at(ld, 1, line, "'}' closes nothing");
	} else if (strcmp(fmt, "missing opening brace for section '%s'") ==
	    0) {
		config_msg_at(ld, 1, line, "expected '{' after %s and its "
		    "name", name);
	} else {
		config_msg_at(ld, 1, line, "%s", msg);
	}
	if (ld->stopped == STOP_NONE) {
		ld->stopped = STOP_SYNTAX;
		free(name);
		return;
	}
	if (ld->stopped != STOP_SYNTAX && ld->stop_name == NULL) {
		ld->stop_name = name;
		if ((ld->stop_parent = strdup(cfg->name)) == NULL)
			log_fatal("out of memory");
		ld->stop_line = line;
		return;
	}
	free(name);
}

/* The schema. */

static void
free_opts(cfg_opt_t *opts)
{
	size_t i;

	if (opts == NULL)
		return;
	for (i = 0; opts[i].name != NULL; i++)
		free_opts(opts[i].subopts);
	free(opts);
}

/* The options of a section: its keys, the stubs found inside it, and at
 * the top the sections. */
static cfg_opt_t *
build_opts(struct config_load *ld, const char *section, int depth)
{
	static cfg_opt_t list_tmpl = CFG_STR_LIST(NULL, NULL, CFGF_NODEFAULT);
	static cfg_opt_t sec_tmpl = CFG_SEC(NULL, NULL, CFGF_MULTI | CFGF_TITLE);
	static cfg_opt_t func_tmpl = CFG_FUNC(NULL, NULL);
	static cfg_opt_t end_tmpl = CFG_END();
	const struct key *keys = keys_of(section);
	cfg_opt_t *opts;
	size_t n = 0, max, i;

	max = 8 + ld->n_stubs;
	for (i = 0; keys != NULL && keys[i].name != NULL; i++)
		max++;
	if ((opts = calloc(max, sizeof(*opts))) == NULL)
		log_fatal("out of memory");
	/* Every key takes a list, even those that want one value: then
	 * "url = {...}" is a clear message of ours, not a syntax error. */
	for (i = 0; keys != NULL && keys[i].name != NULL; i++) {
		opts[n] = list_tmpl;
		opts[n].name = keys[i].name;
		opts[n].parsecb = on_value;
		n++;
	}
	if (strcmp(section, "root") == 0) {
		for (i = 0; i < NELEM(kinds); i++) {
			opts[n] = sec_tmpl;
			opts[n].name = kinds[i].name;
			opts[n].subopts = build_opts(ld, kinds[i].name, depth + 1);
			opts[n].validcb = on_section;
			n++;
		}
		opts[n] = func_tmpl;
		opts[n].name = "include";
		opts[n].func = on_include;
		n++;
	}
	for (i = 0; i < ld->n_stubs; i++) {
		const struct config_stub *stub = &ld->stubs[i];

		if (strcmp(stub->parent, section) != 0)
			continue;
		if (stub->kind == STUB_VALUE) {
			opts[n] = list_tmpl;
			opts[n].parsecb = on_stub_value;
		} else {
			opts[n] = sec_tmpl;
			if (stub->kind == STUB_SECTION)
				opts[n].flags = CFGF_MULTI;
			opts[n].validcb = on_stub_section;
			if (depth < 4)
				opts[n].subopts = build_opts(ld, stub->name,
				    depth + 1);
			else
				opts[n].subopts = calloc(1, sizeof(cfg_opt_t));
			if (opts[n].subopts == NULL)
				log_fatal("out of memory");
		}
		opts[n].name = stub->name;
		n++;
	}
	opts[n] = end_tmpl;
	return opts;
}

/* Reading one section's values. */

/* The option key of the section, if the file set it. */
static cfg_opt_t *
option(struct section *s, const char *key)
{
	cfg_opt_t *opt = cfg_getopt(s->cfg, key);

	if (opt == NULL || !(opt->flags & CFGF_MODIFIED))
		return NULL;
	return opt;
}

/* A key's one value, or NULL if unset (or wrongly given, after a
 * message).  *line gets the line of the value. */
static const char *
value(struct section *s, const char *key, int *line)
{
	cfg_opt_t *opt;

	*line = s->line;
	if ((opt = option(s, key)) == NULL)
		return NULL;
	*line = origin_line(s->ld, opt, 0, s->line);
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

static char *
xstrdup(const char *text)
{
	char *copy;

	if ((copy = strdup(text)) == NULL)
		log_fatal("out of memory");
	return copy;
}

/* A string key: a copy of its value, or of fallback (which may be NULL)
 * when unset. */
static char *
take_string(struct section *s, const char *key, const char *fallback)
{
	const char *text;
	int line;

	if ((text = value(s, key, &line)) == NULL)
		return fallback ? xstrdup(fallback) : NULL;
	if (*text == '\0') {
		config_msg_at(s->ld, 1, line, "%s is empty; give it a value "
		    "or leave it out", key);
		return fallback ? xstrdup(fallback) : NULL;
	}
	return xstrdup(text);
}

/* A list key into list; lines (if not NULL) gets the line of each entry
 * (caller frees).  Returns whether the file set it. */
static int
take_list(struct section *s, const char *key, struct config_list *list,
    int **lines)
{
	cfg_opt_t *opt;
	unsigned i;

	list->v = NULL;
	list->n = 0;
	if (lines != NULL)
		*lines = NULL;
	if ((opt = option(s, key)) == NULL)
		return 0;
	if (opt->nvalues > 0) {
		list->v = calloc(opt->nvalues, sizeof(*list->v));
		if (lines != NULL)
			*lines = calloc(opt->nvalues, sizeof(**lines));
		if (list->v == NULL || (lines != NULL && *lines == NULL))
			log_fatal("out of memory");
	}
	for (i = 0; i < opt->nvalues; i++) {
		int line = origin_line(s->ld, opt, i, s->line);

		if (cfg_opt_getnstr(opt, i)[0] == '\0') {
			config_msg_at(s->ld, 1, line, "%s holds an empty "
			    "string", key);
			continue;
		}
		if (lines != NULL)
			(*lines)[list->n] = line;
		list->v[list->n++] = xstrdup(cfg_opt_getnstr(opt, i));
	}
	return 1;
}

static void
list_free(struct config_list *list)
{
	size_t i;

	for (i = 0; i < list->n; i++)
		free(list->v[i]);
	free(list->v);
	list->v = NULL;
	list->n = 0;
}

static int
take_duration(struct section *s, const char *key, double *out, int positive)
{
	const char *text;
	int line;
	double seconds;

	if ((text = value(s, key, &line)) == NULL)
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
take_size(struct section *s, const char *key, size_t *out)
{
	const char *text;
	int line;
	size_t bytes;

	if ((text = value(s, key, &line)) == NULL)
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
take_count(struct section *s, const char *key, long min, long max,
    long *out)
{
	const char *text;
	int line;
	long n;

	if ((text = value(s, key, &line)) == NULL)
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
take_severity(struct section *s, const char *key, enum severity *out)
{
	static const char *const names[] = {
		"info", "low", "medium", "high", "critical"
	};
	const char *text, *best;
	int line, sev;

	if ((text = value(s, key, &line)) == NULL)
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
take_limits(struct section *s, struct config_limits *l)
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
		config_msg_at(s->ld, 1, s->line, "max_body must be at least "
		    "1K");
	if (take_count(s, "max_items", 1, 1000000, &n) == 1)
		l->max_items = (size_t)n;
	take_duration(s, "max_age", &l->max_age, 0);
}

/* The name in the section's title: usable, and not taken before. */
static void
check_name(struct section *s, const char *what, const char *name,
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

static void *
grow(void *array, size_t n, size_t size)
{
	void *grown;

	if ((grown = reallocarray(array, n + 1, size)) == NULL)
		log_fatal("out of memory");
	memset((char *)grown + n * size, 0, size);
	return grown;
}

static void
take_feed(struct section *s)
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
	check_name(s, "feed", s->title, taken_file, taken_line);
	c->feeds = grow(c->feeds, c->n_feeds, sizeof(*c->feeds));
	f = &c->feeds[c->n_feeds++];
	f->name = xstrdup(s->title);
	where(s->ld, s->line, &f->file, &f->line);

	/* Unset limits stay negative until the globals are known. */
	f->limits.interval = f->limits.connect_timeout = f->limits.timeout = -1;
	f->limits.low_speed_time = f->limits.max_age = -1;
	f->limits.low_speed_limit = -1;
	f->limits.max_body = f->limits.max_items = (size_t)-1;
	take_limits(s, &f->limits);

	if ((url = value(s, "url", &line)) == NULL) {
		if (option(s, "url") == NULL)
			config_msg_at(s->ld, 1, s->line, "feed '%s' has no url; "
			    "add url = \"https://...\"", f->name);
		return;
	}
	f->url = xstrdup(url);
	if (config_url_check(url, 1, why, sizeof(why)) == -1)
		config_msg_at(s->ld, 1, line, "feed '%s': url \"%s\" is not "
		    "usable: %s", f->name, url, why);
}

static void
take_actor(struct section *s)
{
	struct config *c = s->ld->config;
	struct config_actor *a;
	const char *taken_file = NULL;
	size_t i;
	int taken_line = 0;

	for (i = 0; i < c->n_actors; i++)
		if (strcmp(c->actors[i].name, s->title) == 0) {
			taken_file = c->actors[i].file;
			taken_line = c->actors[i].line;
		}
	check_name(s, "actor", s->title, taken_file, taken_line);
	if (strcmp(s->title, "*") == 0)
		config_msg_at(s->ld, 1, s->line, "actor '*' is reserved: in "
		    "a rule it means any actor");
	c->actors = grow(c->actors, c->n_actors, sizeof(*c->actors));
	a = &c->actors[c->n_actors++];
	a->name = xstrdup(s->title);
	where(s->ld, s->line, &a->file, &a->line);
	take_list(s, "names", &a->names, NULL);
	if (a->names.n == 0)
		config_msg_at(s->ld, 1, s->line, "actor '%s' has no names; add "
		    "names = {\"...\", \"...\"}", a->name);
}

/* Remember the actors a rule or sink names, to check once all are in. */
static void
defer_refs(struct section *s, int what, const struct config_list *list,
    int *lines, size_t owner)
{
	struct config_load *ld = s->ld;
	size_t i;

	for (i = 0; i < list->n; i++) {
		ld->refs = grow(ld->refs, ld->n_refs, sizeof(*ld->refs));
		ld->refs[ld->n_refs].what = what;
		ld->refs[ld->n_refs].name = list->v[i];
		ld->refs[ld->n_refs].line = lines[i];
		ld->refs[ld->n_refs].owner = owner;
		ld->n_refs++;
	}
	free(lines);
}

static void
take_rule(struct section *s)
{
	struct config *c = s->ld->config;
	struct config_rule *r;
	const char *taken_file = NULL;
	size_t i;
	long n;
	int taken_line = 0, *lines;

	for (i = 0; i < c->n_rules; i++)
		if (strcmp(c->rules[i].name, s->title) == 0) {
			taken_file = c->rules[i].file;
			taken_line = c->rules[i].line;
		}
	check_name(s, "rule", s->title, taken_file, taken_line);
	c->rules = grow(c->rules, c->n_rules, sizeof(*c->rules));
	r = &c->rules[c->n_rules++];
	r->name = xstrdup(s->title);
	where(s->ld, s->line, &r->file, &r->line);

	r->category = take_string(s, "category", NULL);
	if (r->category == NULL && option(s, "category") == NULL)
		config_msg_at(s->ld, 1, s->line, "rule '%s' has no category; "
		    "add category = \"threat\" (or retaliation, deescalation, "
		    "...)", r->name);
	r->severity = SEV_MEDIUM;
	take_severity(s, "severity", &r->severity);
	take_list(s, "terms", &r->terms, NULL);
	if (r->terms.n == 0)
		config_msg_at(s->ld, 1, s->line, "rule '%s' has no terms; add "
		    "terms = {\"...\"}", r->name);
	if (take_list(s, "actors", &r->actors, &lines))
		defer_refs(s, REF_RULE_ACTOR, &r->actors, lines,
		    c->n_rules - 1);
	else {
		r->actors.v = calloc(1, sizeof(*r->actors.v));
		if (r->actors.v == NULL)
			log_fatal("out of memory");
		r->actors.v[r->actors.n++] = xstrdup("*");
	}
	take_list(s, "targets", &r->targets, &lines);
	defer_refs(s, REF_RULE_TARGET, &r->targets, lines, c->n_rules - 1);
	if (take_count(s, "window", 0, 1000, &n) == 1)
		r->window = (int)n;
	r->has_negations = take_list(s, "negations", &r->negations, NULL);
	take_list(s, "exclude", &r->exclude, NULL);
	r->language = take_string(s, "language", "english");
	config_check_language(s->ld, r->language, s->line);
}

/* A key that does nothing for this type of sink is worth a warning. */
static void
unused_for(struct section *s, const char *type, const char *const *keys)
{
	cfg_opt_t *opt;
	size_t i;

	for (i = 0; keys[i] != NULL; i++) {
		if ((opt = option(s, keys[i])) == NULL)
			continue;
		config_msg_at(s->ld, 0, origin_line(s->ld, opt, 0, s->line),
		    "%s has no effect on a %s sink", keys[i], type);
	}
}

/* A URL with ${env:...} or ${file:...} in it is checked when the sink
 * expands it; here only its start. */
static void
check_webhook_url(struct section *s, const struct config_sink *k)
{
	char why[256];
	int line;

	line = origin_line(s->ld, option(s, "url"), 0, s->line);
	if (strstr(k->url, "${") != NULL) {
		if (strncmp(k->url, "${", 2) != 0 &&
		    strncmp(k->url, "http://", 7) != 0 &&
		    strncmp(k->url, "https://", 8) != 0)
			config_msg_at(s->ld, 1, line, "sink '%s': url must "
			    "start with http:// or https://", k->name);
	} else if (config_url_check(k->url, 0, why, sizeof(why)) == -1) {
		config_msg_at(s->ld, 1, line, "sink '%s': url is not usable: "
		    "%s", k->name, why);
	}
}

static void
take_sink_type(struct section *s, struct config_sink *k)
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
	static const char *const formats[] = {
		"json", "text", "generic", "slack", "discord", "teams", "ntfy"
	};
	const char *text, *best;
	int line, fmt, facility;

	switch (k->type) {
	case SINK_SYSLOG:
		unused_for(s, "syslog", not_syslog);
		if ((text = value(s, "facility", &line)) != NULL) {
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
		if (k->path == NULL && option(s, "path") == NULL)
			config_msg_at(s->ld, 1, s->line, "sink '%s' writes a "
			    "file but has no path; add path = "
			    "\"/var/log/brink/alerts.jsonl\"", k->name);
		k->format = FORMAT_JSON;
		break;
	case SINK_WEBHOOK:
		unused_for(s, "webhook", not_webhook);
		k->format = FORMAT_GENERIC;
		if (k->url == NULL && option(s, "url") == NULL)
			config_msg_at(s->ld, 1, s->line, "sink '%s' is a "
			    "webhook but has no url; add url = "
			    "\"https://...\"", k->name);
		if (k->url != NULL)
			check_webhook_url(s, k);
		break;
	}
	if ((text = value(s, "format", &line)) == NULL)
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
check_headers(struct section *s, const struct config_sink *k, int *lines)
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

static void
take_sink(struct section *s)
{
	static const char *const types[] = { "syslog", "file", "webhook" };
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
	check_name(s, "sink", s->title, taken_file, taken_line);
	c->sinks = grow(c->sinks, c->n_sinks, sizeof(*c->sinks));
	k = &c->sinks[c->n_sinks++];
	k->name = xstrdup(s->title);
	where(s->ld, s->line, &k->file, &k->line);

	k->min_severity = SEV_INFO;
	take_severity(s, "min_severity", &k->min_severity);
	take_list(s, "categories", &k->categories, &lines);
	defer_refs(s, REF_SINK_CATEGORY, &k->categories, lines, c->n_sinks - 1);
	take_list(s, "feeds", &k->feeds, &lines);
	defer_refs(s, REF_SINK_FEED, &k->feeds, lines, c->n_sinks - 1);
	take_list(s, "actors", &k->actors, &lines);
	defer_refs(s, REF_SINK_ACTOR, &k->actors, lines, c->n_sinks - 1);
	k->ident = take_string(s, "ident", "brinkd");
	k->facility = LOG_DAEMON;
	k->path = take_string(s, "path", NULL);
	k->fsync = 1;
	if ((text = value(s, "fsync", &line)) != NULL &&
	    config_parse_bool(text, &k->fsync) == -1)
		config_msg_at(s->ld, 1, line, "fsync \"%s\" is not a boolean; "
		    "use true or false", text);
	k->url = take_string(s, "url", NULL);
	take_list(s, "headers", &k->headers, &lines);
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

	if ((text = value(s, "type", &line)) == NULL) {
		if (option(s, "type") == NULL)
			config_msg_at(s->ld, 1, s->line, "sink '%s' has no type; "
			    "add type = \"syslog\", \"file\" or \"webhook\"",
			    k->name);
		return;
	}
	if ((type = config_sink_type_parse(text)) == -1) {
		best = config_suggest(text, types, NELEM(types));
		config_msg_at(s->ld, 1, line, "sink type \"%s\" is unknown%s%s%s;"
		    " use syslog, file or webhook", text,
		    best ? " (did you mean \"" : "", best ? best : "",
		    best ? "\"?)" : "");
		return;
	}
	k->type = (enum sink_type)type;
	take_sink_type(s, k);
}

/* The globals, read once the whole file is parsed. */
static void
take_globals(struct config_load *ld, cfg_t *cfg)
{
	struct config *c = ld->config;
	struct section s = { ld, cfg, "root", "", 1 };
	const char *text;
	long n;
	int line, level;

	free(c->state_dir);
	c->state_dir = take_string(&s, "state_dir", "/var/lib/brink");
	c->pid_file = take_string(&s, "pid_file", NULL);
	free(c->user_agent);
	c->user_agent = take_string(&s, "user_agent", "brinkd/" PACKAGE_VERSION);
	c->ca_file = take_string(&s, "ca_file", NULL);
	if ((text = value(&s, "log_level", &line)) != NULL) {
		if ((level = log_level_parse(text)) == -1)
			config_msg_at(ld, 1, line, "log_level \"%s\" is unknown; "
			    "use error, warning, info or debug", text);
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
	take_list(&s, "negations", &c->negations, NULL);
}

static struct config *
config_new(const char *path)
{
	struct config *c;

	if ((c = calloc(1, sizeof(*c))) == NULL ||
	    (c->files = calloc(1, sizeof(*c->files))) == NULL)
		log_fatal("out of memory");
	c->path = xstrdup(path);
	c->state_dir = xstrdup("/var/lib/brink");
	c->user_agent = xstrdup("brinkd/" PACKAGE_VERSION);
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
	return c;
}

/* A feed inherits each limit it did not set from the globals. */
static void
inherit_limits(struct config *c)
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

/* One pass: join the files, parse, take every section. */
static void
run_pass(struct config_load *ld, const char *name, const char *text,
    size_t len)
{
	cfg_opt_t *opts;
	cfg_t *cfg;
	FILE *fp;
	char *joined;
	int rc;

	ld->config = config_new(name);
	if ((joined = config_source_join(ld, name, text, len)) == NULL) {
		ld->stopped = STOP_SYNTAX;
		return;
	}
	opts = build_opts(ld, "root", 0);
	cfg = cfg_init(opts, CFGF_NONE);
	free_opts(opts);
	if (cfg == NULL)
		log_fatal("out of memory");
	cfg_set_error_function(cfg, on_error);
	/* libconfuse prints this name nowhere (our on_error places
	 * messages), but it wants one. */
	free(cfg->filename);
	cfg->filename = xstrdup(name);
	if ((fp = fmemopen(joined, strlen(joined), "r")) == NULL)
		log_fatal("fmemopen: out of memory");
	current = ld;
	rc = cfg_parse_fp(cfg, fp);
	current = NULL;
	fclose(fp);
	if (rc != CFG_SUCCESS && ld->stopped == STOP_NONE) {
		config_msg(ld, 1, 0, 1, "cannot parse the file");
		ld->stopped = STOP_SYNTAX;
	}
	current = ld;
	take_globals(ld, cfg);
	current = NULL;
	cfg_free(cfg);
	free(joined);
	if (!ld->stopped)
		inherit_limits(ld->config);
}

void
config_load_free(struct config_load *ld)
{
	size_t i;

	for (i = 0; i < ld->n_msgs; i++)
		free(ld->msgs[i].text);
	free(ld->msgs);
	free(ld->sources);
	free(ld->segments);
	free(ld->spans);
	free(ld->origins);
	free(ld->refs);
	free(ld->stop_name);
	free(ld->stop_parent);
	config_free(ld->config);
	memset(ld, 0, sizeof(*ld));
}

/* Learn from a pass that stopped: 1 if another pass can get further. */
static int
learn(struct config_load *ld, struct config_stub **stubs, size_t *n_stubs)
{
	struct config_stub *stub;
	size_t i;

	if (ld->stop_name == NULL)
		return 0;
	for (i = 0; i < *n_stubs; i++) {
		stub = &(*stubs)[i];
		if (strcmp(stub->parent, ld->stop_parent) != 0 ||
		    strcmp(stub->name, ld->stop_name) != 0)
			continue;
		if (ld->stopped == STOP_NEED_EQUAL &&
		    stub->kind == STUB_VALUE) {
			stub->kind = STUB_TITLED;
			return 1;
		}
		if (ld->stopped == STOP_NEED_TITLE &&
		    stub->kind == STUB_TITLED) {
			stub->kind = STUB_SECTION;
			return 1;
		}
		return 0;
	}
	if (ld->stopped != STOP_UNKNOWN)
		return 0;
	*stubs = grow(*stubs, *n_stubs, sizeof(**stubs));
	stub = &(*stubs)[(*n_stubs)++];
	stub->parent = ld->stop_parent;
	stub->name = ld->stop_name;
	stub->kind = STUB_VALUE;
	ld->stop_parent = ld->stop_name = NULL;
	return 1;
}

/* A pass gave up at a key it did not know and no other pass will come:
 * say so. */
static void
report_stop(struct config_load *ld)
{
	if (ld->stop_name == NULL)
		return;
	if (ld->stopped == STOP_UNKNOWN)
		config_msg_at(ld, 1, ld->stop_line, "unknown key '%s'; the "
		    "rest of the file was not read", ld->stop_name);
	else
		config_msg_at(ld, 1, ld->stop_line, "syntax error after '%s'",
		    ld->stop_name);
}

/*
 * Load name, or text as if it were the file name (then include() is
 * refused): the engine of config_load, and the fuzz target's door.
 */
struct config *
config_load_text(const char *name, const char *text, size_t len,
    config_report_fn *report, void *arg)
{
	struct config_load ld;
	struct config_stub *stubs = NULL;
	struct config *config = NULL;
	size_t n_stubs = 0, i;
	int pass;

	for (pass = 0;; pass++) {
		memset(&ld, 0, sizeof(ld));
		ld.allow_include = text == NULL;
		ld.stubs = stubs;
		ld.n_stubs = n_stubs;
		run_pass(&ld, name, text, len);
		if (pass + 1 < MAX_PASSES && learn(&ld, &stubs, &n_stubs)) {
			config_load_free(&ld);
			continue;
		}
		break;
	}
	report_stop(&ld);
	if (!ld.stopped && !ld.incomplete)
		config_check_all(&ld);
	deliver(&ld, report, arg);
	if (ld.n_errors == 0) {
		config = ld.config;
		ld.config = NULL;
	}
	config_load_free(&ld);
	for (i = 0; i < n_stubs; i++) {
		free(stubs[i].parent);
		free(stubs[i].name);
	}
	free(stubs);
	return config;
}

struct config *
config_load(const char *path, config_report_fn *report, void *arg)
{
	return config_load_text(path, NULL, 0, report, arg);
}

void
config_free(struct config *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->n_feeds; i++) {
		free(c->feeds[i].name);
		free(c->feeds[i].url);
	}
	free(c->feeds);
	for (i = 0; i < c->n_actors; i++) {
		free(c->actors[i].name);
		list_free(&c->actors[i].names);
	}
	free(c->actors);
	for (i = 0; i < c->n_rules; i++) {
		struct config_rule *r = &c->rules[i];

		free(r->name);
		free(r->category);
		list_free(&r->terms);
		list_free(&r->actors);
		list_free(&r->targets);
		list_free(&r->negations);
		list_free(&r->exclude);
		free(r->language);
	}
	free(c->rules);
	for (i = 0; i < c->n_sinks; i++) {
		struct config_sink *k = &c->sinks[i];

		free(k->name);
		list_free(&k->categories);
		list_free(&k->feeds);
		list_free(&k->actors);
		free(k->ident);
		free(k->path);
		free(k->url);
		list_free(&k->headers);
	}
	free(c->sinks);
	list_free(&c->negations);
	free(c->path);
	free(c->state_dir);
	free(c->pid_file);
	free(c->user_agent);
	free(c->ca_file);
	if (c->files != NULL) {
		for (i = 0; i < c->files->n; i++)
			free(c->files->names[i]);
		free(c->files->names);
		free(c->files);
	}
	free(c);
}
