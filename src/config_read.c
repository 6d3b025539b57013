/*
 * config_read.c: reading one section's values, each with the line it
 * came from (libconfuse keeps no line per value), and the checks every
 * kind of section shares: its name, its language, the names it refers
 * to, kept to be checked once every section is in.
 */
#include "autoconf.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <confuse.h>
#include <libstemmer.h>

#include "config.h"
#include "config_priv.h"
#include "log.h"

/* One more origin: opt's value index (or CONFIG_ORIGIN_START) came
 * from line, written = or +=. */
static void
origin_add(struct config_load *ld, const cfg_opt_t *opt, unsigned index,
    int line, int appended)
{
	struct config_origin *o;

	o = reallocarray(ld->origins, ld->n_origins + 1, sizeof(*o));
	if (o == NULL)
		log_fatal("out of memory");
	ld->origins = o;
	o[ld->n_origins].opt = opt;
	o[ld->n_origins].index = index;
	o[ld->n_origins].line = line;
	o[ld->n_origins].appended = appended;
	ld->n_origins++;
}

/* The value just read of opt came from line, written = or +=. */
void
config_origin_note(struct config_load *ld, cfg_opt_t *opt, int line,
    int appended)
{
	origin_add(ld, opt, opt->nvalues - 1, line, appended);
}

/* The key opt, not set before in its section, is given with += next:
 * noted even if no value comes (key += {}), for config_option_appends. */
void
config_origin_start(struct config_load *ld, const cfg_opt_t *opt, int line)
{
	origin_add(ld, opt, CONFIG_ORIGIN_START, line, 1);
}

/* The line where config_origin_start last noted opt, or -1. */
int
config_origin_started(struct config_load *ld, const cfg_opt_t *opt)
{
	size_t i;

	for (i = ld->n_origins; i > 0; i--)
		if (ld->origins[i - 1].opt == opt &&
		    ld->origins[i - 1].index == CONFIG_ORIGIN_START)
			return ld->origins[i - 1].line;
	return -1;
}

int
config_origin_line(struct config_load *ld, const cfg_opt_t *opt, unsigned index,
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
void
config_origin_forget(struct config_load *ld, cfg_t *sec)
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

/* The option key of the section, if the file set it. */
cfg_opt_t *
config_option(struct config_section *s, const char *key)
{
	cfg_opt_t *opt = cfg_getopt(s->cfg, key);

	if (opt == NULL || !(opt->flags & CFGF_MODIFIED))
		return NULL;
	return opt;
}

/* Whether the file set key with += (key += {...}), first of all: then
 * like adds the list to the one it takes. */
int
config_option_appends(struct config_section *s, const char *key)
{
	const struct config_origin *o;
	cfg_opt_t *opt;
	size_t i;
	int started = 0;

	if ((opt = config_option(s, key)) == NULL)
		return 0;
	/* The latest first value tells; with none (key += {}), the
	 * mark that += began the list. */
	for (i = s->ld->n_origins; i > 0; i--) {
		o = &s->ld->origins[i - 1];
		if (o->opt != opt)
			continue;
		if (o->index == 0)
			return o->appended;
		if (o->index == CONFIG_ORIGIN_START)
			started = 1;
	}
	return started;
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

/* Names end up in logs, JSON and file names: keep them plain. */
int
config_name_ok(const char *name)
{
	const char *p;

	if (*name == '\0' || strlen(name) > 64)
		return 0;
	for (p = name; *p != '\0'; p++)
		if (!isalnum((unsigned char)*p) && strchr("-_.", *p) == NULL)
			return 0;
	return 1;
}

/* The name in the section's title: usable; noted, so that a name taken
 * twice is found once every section is in (config_check_twice). */
void
config_check_name(struct config_section *s, const char *what, const char *name)
{
	struct config_load *ld = s->ld;
	struct config_name *names;
	size_t cap;

	if (!config_name_ok(name))
		config_msg_at(ld, 1, s->line, "%s name \"%s\" may hold only "
		    "letters, digits, '-', '_' and '.'", what, name);
	if (ld->n_names == ld->cap_names) {
		cap = ld->cap_names ? ld->cap_names * 2 : 64;
		if ((names = reallocarray(ld->names, cap, sizeof(*names))) ==
		    NULL)
			log_fatal("out of memory");
		ld->names = names;
		ld->cap_names = cap;
	}
	names = &ld->names[ld->n_names];
	names->kind = what;
	names->name = config_strdup(name);
	names->line = s->line;
	names->seq = ld->n_names++;
}

/* The language of a rule must have a Snowball stemmer. */
void
config_check_language(struct config_load *ld, const char *language, int line)
{
	const char **list = sb_stemmer_list();
	char names[1024];
	size_t i, used = 0;

	for (i = 0; list[i] != NULL; i++)
		if (strcmp(list[i], language) == 0)
			return;
	names[0] = '\0';
	for (i = 0; list[i] != NULL && used < sizeof(names); i++) {
		/* The list repeats each stemmer in several encodings. */
		if (i > 0 && strcmp(list[i], list[i - 1]) == 0)
			continue;
		used += (size_t)snprintf(names + used, sizeof(names) - used,
		    "%s%s", used ? ", " : "", list[i]);
	}
	config_msg_at(ld, 1, line, "language \"%s\" has no stemmer; use one "
	    "of %s", language, names);
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

/* config.h: the actor of that name among those configured so far. */
long
config_actor_index(const struct config *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->n_actors; i++)
		if (strcmp(c->actors[i].name, name) == 0)
			return (long)i;
	return -1;
}

/* The index of the first rule of that name configured so far, or -1. */
ssize_t
config_rule_index(const struct config *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->n_rules; i++)
		if (strcmp(c->rules[i].name, name) == 0)
			return (ssize_t)i;
	return -1;
}

/* 1 if a feed of that name is configured so far. */
int
config_has_feed(const struct config *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->n_feeds; i++)
		if (strcmp(c->feeds[i].name, name) == 0)
			return 1;
	return 0;
}
