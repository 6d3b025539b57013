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
 * closes it, from a validation callback, and then dropped from
 * libconfuse's tree: that is the only way to see both of two sections
 * with the same name (libconfuse keeps the last), and it keeps loading
 * linear in the number of sections.
 */
#include "autoconf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	{ "metrics_listen", 0 },
	{ "retention", 0 }, { "backoff_max", 0 }, { "max_transfers", 0 },
	{ "max_per_host", 0 }, { "max_redirects", 0 }, { "negations", 1 },
	{ "countries", 0 }, { "feeds_opml", 0 },
	{ "story_window", 0 }, { "story_retention", 0 },
	{ "story_update", 0 }, { "story_similarity", 0 },
	{ "story_overlap", 0 },
	{ "trend_factor", 0 }, { "trend_floor", 0 },
	{ NULL, 0 }
};
static const struct key feed_keys[] = {
	{ "url", 0 }, LIMIT_KEYS, { "enabled", 0 }, { "headers", 1 },
	{ NULL, 0 }
};
static const struct key actor_keys[] = {
	{ "names", 1 }, { "kind", 0 }, { "display", 0 }, { "rivals", 1 },
	{ NULL, 0 }
};
static const struct key role_keys[] = {
	{ "kind", 0 }, { "names", 1 }, { NULL, 0 }
};
static const struct key class_keys[] = {
	{ "words", 1 }, { "language", 0 }, { "synonyms", 0 }, { NULL, 0 }
};
static const struct key country_keys[] = {
	{ "code", 0 }, { "names", 1 }, { NULL, 0 }
};
static const struct key rule_keys[] = {
	{ "category", 0 }, { "severity", 0 }, { "terms", 1 },
	{ "actors", 1 }, { "targets", 1 }, { "window", 0 },
	{ "negations", 1 }, { "exclude", 1 }, { "language", 0 },
	{ "mood", 1 }, { "actor_kinds", 1 }, { "negated", 0 }, { "raise", 1 },
	{ "agent", 0 }, { "like", 0 }, { "opposed_by", 1 }, { "object", 0 },
	{ "context", 1 }, { "callers", 0 }, { "between", 0 },
	{ NULL, 0 }
};
static const struct key sink_keys[] = {
	{ "type", 0 }, { "min_severity", 0 }, { "categories", 1 },
	{ "feeds", 1 }, { "actors", 1 }, { "ident", 0 }, { "facility", 0 },
	{ "path", 0 }, { "fsync", 0 }, { "format", 0 }, { "url", 0 },
	{ "headers", 1 }, { "timeout", 0 }, { "max_age", 0 },
	{ "rate_limit", 0 }, { "rate_interval", 0 }, { "stories", 0 },
	{ NULL, 0 }
};

static const struct kind {
	const char		*name;
	const struct key	*keys;
	void			(*take)(struct config_section *);
} kinds[] = {
	{ "feed", feed_keys, config_take_feed },
	{ "actor", actor_keys, config_take_actor },
	{ "role", role_keys, config_take_role },
	{ "class", class_keys, config_take_class },
	{ "country", country_keys, config_take_country },
	{ "rule", rule_keys, config_take_rule },
	{ "sink", sink_keys, config_take_sink }
};

/*
 * libconfuse's callbacks carry no pointer of ours, so the load in
 * progress is kept here.  Loads do not nest and brinkd has one thread.
 */
static struct config_load *current;

static const struct key *keys_of(const char *section);

/* Whether key of section takes a list; unknown keys (the overrides')
 * are let be. */
static int
takes_one(const char *section, const char *key)
{
	const struct key *keys = keys_of(section);
	size_t i;

	for (i = 0; keys != NULL && keys[i].name != NULL; i++)
		if (strcmp(keys[i].name, key) == 0)
			return !keys[i].list;
	return 0;
}

/*
 * libconfuse callback: every value read; remembers its line.  A key set
 * a second time in one section is refused: libconfuse would keep the
 * last value without a word, and which of the two was meant (the old
 * url or the new, the test sink's path or the real one) only the
 * author knows.  "key += {...}" adds to a list and is not a second
 * setting.
 */
static int
on_value(cfg_t *cfg, cfg_opt_t *opt, const char *value, void *result)
{
	const char *file;
	char in[160] = "";
	int first, file_line, appended = current->append_opt == opt;

	if (cfg->title != NULL)
		snprintf(in, sizeof(in), " in %s '%s'", cfg->name, cfg->title);
	current->append_opt = NULL;
	if (appended && takes_one(cfg->name, opt->name))
		config_msg_at(current, 1, cfg->line, "%s takes one value%s, "
		    "and += adds to a list; write %s = \"...\"", opt->name,
		    in, opt->name);
	/* The first value of a plain =, after key += {} in the section
	 * (whose mark the joined text ended with the list): set twice too. */
	if (opt->nvalues == 1 &&
	    ((first = config_origin_line(current, opt, 0, -1)) != -1 ||
	    (!appended && (first = config_origin_started(current, opt)) !=
	    -1))) {
		config_where(current, first, &file, &file_line);
		config_msg_at(current, 1, cfg->line, "%s is set twice%s: here "
		    "and at %s:%d; keep one (a list grows with %s += {...})",
		    opt->name, in, file, file_line, opt->name);
	}
	config_origin_note(current, opt, cfg->line,
	    appended && current->append_start && opt->nvalues == 1);
	*(const char **)result = value;
	return 0;
}

/*
 * libconfuse callback: CONFIG_APPEND_KEY = KEY, which the joined text
 * puts before each KEY += (config_source.c).  The next value of KEY is
 * the first of a +=; it begins the list if KEY had none in this
 * section, or only a += {} before.
 */
static int
on_append_mark(cfg_t *cfg, cfg_opt_t *mark, const char *value, void *result)
{
	cfg_opt_t *opt;

	(void)mark;
	current->append_opt = NULL;
	/* Not cfg_getopt: it reports a key it does not find as an error. */
	for (opt = cfg->opts; opt->name != NULL; opt++)
		if (strcmp(opt->name, value) == 0)
			break;
	if (opt->name != NULL) {
		current->append_opt = opt;
		current->append_start = opt->nvalues == 0 &&
		    (!(opt->flags & CFGF_MODIFIED) ||
		    config_origin_started(current, opt) != -1);
		if (current->append_start)
			config_origin_start(current, opt, cfg->line);
	}
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
	for (i = 0; keys[i].name != NULL && n < NELEM(choices) - 12; i++)
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
		    "role, class, country, rule and sink sections",
		    is_section ? "section" : "key", name);
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

	current->append_opt = NULL;
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
	struct config_section s;
	unsigned i;

	/* A key += {} left its mark; the section's memory is reused. */
	current->append_opt = NULL;
	for (i = 0; i < opt->nvalues; i++) {
		cfg_t *sec = opt->values[i]->section;

		s.ld = current;
		s.cfg = sec;
		s.kind = opt->name;
		s.title = sec->title ? sec->title : "";
		s.line = config_span_open(current, sec->line);
		if (kind != NULL)
			kind->take(&s);
		config_origin_forget(current, sec);
	}
	/*
	 * A taken section is dropped at once.  libconfuse looks for a
	 * section of the same title before it adds one, in a list it
	 * keeps as it goes: kept, every section would be compared with all
	 * before it, and a file of 100,000 feeds would load for minutes.
	 */
	while (opt->nvalues > 0)
		if (cfg_opt_rmnsec(opt, opt->nvalues - 1) != CFG_SUCCESS)
			log_fatal("libconfuse: cannot drop a section");
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
	static cfg_opt_t sec_tmpl =
	    CFG_SEC(NULL, NULL, CFGF_MULTI | CFGF_TITLE);
	static cfg_opt_t end_tmpl = CFG_END();
	const struct key *keys = keys_of(section);
	const char *const *extra = config_override_keys(section);
	cfg_opt_t *opts;
	size_t n = 0, max, i;

	max = 9 + ld->n_stubs;
	for (i = 0; extra != NULL && extra[i] != NULL; i++)
		max++;
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
	for (i = 0; extra != NULL && extra[i] != NULL; i++) {
		opts[n] = list_tmpl;
		opts[n].name = extra[i];
		opts[n].parsecb = on_value;
		n++;
	}
	opts[n] = list_tmpl;
	opts[n].name = CONFIG_APPEND_KEY;
	opts[n].parsecb = on_append_mark;
	n++;
	if (strcmp(section, "root") == 0) {
		for (i = 0; i < NELEM(kinds); i++) {
			opts[n] = sec_tmpl;
			opts[n].name = kinds[i].name;
			opts[n].subopts = build_opts(ld, kinds[i].name,
			    depth + 1);
			opts[n].validcb = on_section;
			n++;
		}
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
	cfg->filename = config_strdup(name);
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
	config_check_twice(ld);
	current = ld;
	config_take_globals(ld, cfg);
	config_countries_load(ld, cfg);
	config_feeds_opml(ld, cfg);
	current = NULL;
	cfg_free(cfg);
	free(joined);
	if (!ld->stopped)
		config_inherit_limits(ld->config);
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
	for (i = 0; i < ld->n_names; i++)
		free(ld->names[i].name);
	free(ld->names);
	free(ld->stop_name);
	free(ld->stop_parent);
	config_countries_free(ld);
	config_override_free(ld);
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
	*stubs = config_grow(*stubs, *n_stubs, sizeof(**stubs));
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
	if (!ld.stopped && !ld.incomplete) {
		config_check_all(&ld);
		config_override_apply(&ld);
	}
	config_msg_deliver(&ld, report, arg);
	if (ld.n_errors == 0) {
		config = ld.config;
		ld.config = NULL;
		config_feeds_drop_disabled(config);
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

