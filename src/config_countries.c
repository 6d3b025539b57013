/*
 * config_countries.c: every country as an actor of kind state, read from
 * Debian's iso-codes (ISO 3166-1 as JSON), never copied into brink.
 *
 *	countries = "/usr/share/iso-codes/json/iso_3166-1.json"
 *	country sudan { names = {"Sudanese", "Khartoum"} }
 *	country russia { code = "RU"; names = {"Russian*", "Moscow"} }
 *
 * Each country becomes actor NAME, NAME the lower-case slug of its common
 * name ("sudan", "south-korea"), with its ISO names as aliases.  A
 * `country` block adds the names iso-codes lacks (demonyms, capitals);
 * with a code (ISO 3166-1 alpha-2) it also renames the country, where
 * the slug of the ISO name is not the name people use ("Russian
 * Federation", "Türkiye").
 * The configuration's own actors win: an actor of the same name is that
 * country and gains the ISO names it lacks; an actor that already lists
 * one of the country's names stands for it, and no second actor is made.
 * Either way the country block's names go to the actor that stands for
 * the country, save those another actor of the configuration lists.
 */
#include "autoconf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <confuse.h>
#include <jansson.h>

#include "actor.h"
#include "config.h"
#include "config_priv.h"
#include "log.h"
#include "text.h"

/* Names of one country: its common name, its short ISO name, its
 * official name. */
#define COUNTRY_NAMES	3

/* A `country` block, kept until the end of the pass. */
struct config_country {
	char			*name;
	char			*code;		/* alpha-2, or NULL */
	struct config_list	 names;
	int			 line;		/* joined text */
	int			 used;
};

/* One country of the file. */
struct country {
	char	 code[3];		/* alpha-2 */
	char	*slug;
	char	*names[COUNTRY_NAMES];
	size_t	 n_names;
};

/* The file and line where a line of the joined text is. */
static void
where(struct config_load *ld, int line, const char **file, int *file_line)
{
	int source;

	config_source_where(ld, line, &source, file_line);
	*file = source >= 0 ? ld->sources[source].name : ld->config->path;
}

/* A list key of a section, as config_take.c reads them. */
static void
take_names(struct config_section *s, struct config_list *list)
{
	cfg_opt_t *opt = cfg_getopt(s->cfg, "names");
	unsigned i;

	list->v = NULL;
	list->n = 0;
	if (opt == NULL || !(opt->flags & CFGF_MODIFIED) || opt->nvalues == 0)
		return;
	if ((list->v = calloc(opt->nvalues, sizeof(*list->v))) == NULL)
		log_fatal("out of memory");
	for (i = 0; i < opt->nvalues; i++) {
		if (cfg_opt_getnstr(opt, i)[0] == '\0') {
			config_msg_at(s->ld, 1, config_origin_line(s->ld, opt,
			    i, s->line), "names holds an empty string");
			continue;
		}
		list->v[list->n++] = config_strdup(cfg_opt_getnstr(opt, i));
	}
}

/* The code key: two capital letters; -1 after a message. */
static int
take_code(struct config_section *s, char **code)
{
	cfg_opt_t *opt = cfg_getopt(s->cfg, "code");
	const char *v;
	int line;

	*code = NULL;
	if (opt == NULL || !(opt->flags & CFGF_MODIFIED))
		return 0;
	line = config_origin_line(s->ld, opt, 0, s->line);
	v = opt->nvalues == 1 ? cfg_opt_getnstr(opt, 0) : "";
	if (strlen(v) != 2 || v[0] < 'A' || v[0] > 'Z' || v[1] < 'A' ||
	    v[1] > 'Z') {
		config_msg_at(s->ld, 1, line, "country '%s': code \"%s\" is "
		    "not an ISO 3166-1 alpha-2 code; use two capitals such as "
		    "\"RU\"", s->title, v);
		return -1;
	}
	*code = config_strdup(v);
	return 0;
}

void
config_take_country(struct config_section *s)
{
	struct config_load *ld = s->ld;
	struct config_country *c;
	size_t i;
	int twice = 0;

	for (i = 0; i < ld->n_countries; i++)
		if (strcmp(ld->countries[i].name, s->title) == 0)
			twice = 1;
	if (twice)
		config_msg_at(ld, 1, s->line, "country '%s' is given twice; "
		    "join the two names lists", s->title);
	ld->countries = config_grow(ld->countries, ld->n_countries,
	    sizeof(*ld->countries));
	c = &ld->countries[ld->n_countries++];
	c->name = config_strdup(s->title);
	c->line = s->line;
	/* Reported already: not again as a country not found. */
	c->used = twice || take_code(s, &c->code) == -1;
	take_names(s, &c->names);
	if (c->names.n == 0)
		config_msg_at(ld, 1, s->line, "country '%s' has no names; add "
		    "names = {\"...\"} (its demonyms, its capital)", c->name);
}

void
config_countries_free(struct config_load *ld)
{
	size_t i;

	for (i = 0; i < ld->n_countries; i++) {
		free(ld->countries[i].name);
		free(ld->countries[i].code);
		config_list_free(&ld->countries[i].names);
	}
	free(ld->countries);
	ld->countries = NULL;
	ld->n_countries = 0;
}

/* Folded for comparison, without a prefix's "*"; caller frees. */
static char *
fold_name(const char *name)
{
	size_t n = strlen(name);
	char *f;

	if (n > 0 && name[n - 1] == '*')
		n--;
	if ((f = text_fold(name, n)) == NULL)
		f = config_strdup(name);
	return f;
}

/* "South Korea" -> "south-korea", "Côte d'Ivoire" -> "cote-d-ivoire". */
static char *
slug_of(const char *name)
{
	char *f = fold_name(name), *p, *q;

	for (p = q = f; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
			*q++ = *p;
		else if (*p == '.')
			continue;	/* "U.S." is one word */
		else if (q > f && q[-1] != '-')
			*q++ = '-';
	}
	while (q > f && q[-1] == '-')
		q--;
	*q = '\0';
	return f;
}

/*
 * ISO's short names are written for sorted lists: "Congo, The Democratic
 * Republic of the", "Virgin Islands, British", "Falkland Islands
 * (Malvinas)".  As a phrase in a text: "Democratic Republic of the
 * Congo", "British Virgin Islands", "Falkland Islands".  A tail that
 * does not read before the head ("Bonaire, Sint Eustatius and Saba") is
 * dropped.
 */
static char *
phrase_of(const char *iso)
{
	const char *comma, *tail;
	char *head, *out, *paren;
	size_t tl;

	head = config_strdup(iso);
	if ((paren = strstr(head, " (")) != NULL)
		*paren = '\0';
	if ((comma = strstr(head, ", ")) == NULL)
		return head;
	tail = comma + 2;
	head[comma - head] = '\0';
	if (strncmp(tail, "The ", 4) == 0 || strncmp(tail, "the ", 4) == 0)
		tail += 4;
	tl = strlen(tail);
	if ((tl > 3 && strcmp(tail + tl - 3, " of") == 0) ||
	    (tl > 7 && strcmp(tail + tl - 7, " of the") == 0) ||
	    strchr(tail, ' ') == NULL) {
		if (asprintf(&out, "%s %s", tail, head) == -1)
			log_fatal("out of memory");
		free(head);
		return out;
	}
	return head;
}

static void
country_add_name(struct country *c, char *name)
{
	char *f = fold_name(name), *g;
	size_t i;

	for (i = 0; i < c->n_names; i++) {
		g = fold_name(c->names[i]);
		if (strcmp(f, g) == 0) {
			free(g);
			free(f);
			free(name);
			return;
		}
		free(g);
	}
	free(f);
	c->names[c->n_names++] = name;
}

/* One entry of the ISO list; 0, or -1 when it has no name. */
static int
country_read(json_t *entry, struct country *c)
{
	const char *common, *name, *official, *code;
	char *o;

	memset(c, 0, sizeof(*c));
	if ((code = json_string_value(json_object_get(entry, "alpha_2"))) !=
	    NULL && strlen(code) == 2)
		memcpy(c->code, code, 3);
	common = json_string_value(json_object_get(entry, "common_name"));
	name = json_string_value(json_object_get(entry, "name"));
	official = json_string_value(json_object_get(entry, "official_name"));
	if (name == NULL || name[0] == '\0')
		return -1;
	if (common != NULL && common[0] != '\0')
		country_add_name(c, config_strdup(common));
	country_add_name(c, phrase_of(name));
	if (official != NULL && strchr(official, ',') == NULL &&
	    strchr(official, '(') == NULL) {
		/* "the State of Palestine" */
		o = config_strdup(official + (strncmp(official, "the ", 4) ==
		    0 ? 4 : 0));
		country_add_name(c, o);
	}
	c->slug = slug_of(c->names[0]);
	return c->slug[0] == '\0' ? -1 : 0;
}

static void
country_free(struct country *c)
{
	size_t i;

	free(c->slug);
	for (i = 0; i < c->n_names; i++)
		free(c->names[i]);
}

/* Does list hold name (folded, a prefix's "*" aside)? */
static int
list_holds(const struct config_list *list, const char *name)
{
	char *f = fold_name(name), *g;
	size_t i;
	int found = 0;

	for (i = 0; i < list->n && !found; i++) {
		g = fold_name(list->v[i]);
		found = strcmp(f, g) == 0;
		free(g);
	}
	free(f);
	return found;
}

/* The folded names of the configuration's own actors, sorted, with
 * the actor of each: a name one of them lists is never given to a
 * country's actor too ("Sanaa" stays the Houthis'). */
struct own_name {
	char	*fold;
	size_t	 actor;
};

struct own_names {
	struct own_name	*v;
	size_t		 n;
};

static int
own_cmp(const void *a, const void *b)
{
	return strcmp(((const struct own_name *)a)->fold,
	    ((const struct own_name *)b)->fold);
}

static void
own_index(const struct config *cfg, struct own_names *own)
{
	size_t i, j;

	own->v = NULL;
	own->n = 0;
	for (i = 0; i < cfg->n_actors; i++)
		for (j = 0; j < cfg->actors[i].names.n; j++) {
			own->v = config_grow(own->v, own->n, sizeof(*own->v));
			own->v[own->n].fold =
			    fold_name(cfg->actors[i].names.v[j]);
			own->v[own->n++].actor = i;
		}
	if (own->n > 0)
		qsort(own->v, own->n, sizeof(*own->v), own_cmp);
}

static void
own_free(struct own_names *own)
{
	size_t i;

	for (i = 0; i < own->n; i++)
		free(own->v[i].fold);
	free(own->v);
}

/* The configuration's actor that lists name, or -1. */
static long
own_lookup(const struct own_names *own, const char *name)
{
	struct own_name key, *hit;

	if (own->n == 0)
		return -1;
	key.fold = fold_name(name);
	hit = bsearch(&key, own->v, own->n, sizeof(*own->v), own_cmp);
	free(key.fold);
	return hit != NULL ? (long)hit->actor : -1;
}

/* Give name to list, unless it has it or an actor of the configuration
 * lists it. */
static void
list_add(const struct own_names *own, struct config_list *list,
    const char *name)
{
	if (own_lookup(own, name) >= 0 || list_holds(list, name))
		return;
	list->v = config_grow(list->v, list->n, sizeof(*list->v));
	list->v[list->n++] = config_strdup(name);
}

/* The configuration's actor that stands for country c: by name, else
 * by one of c's names.  -1 if none. */
static long
standing_for(const struct config *cfg, const struct own_names *own,
    size_t n_own, const struct country *c, int *by_name)
{
	size_t i;
	long k;

	*by_name = 1;
	for (i = 0; i < n_own; i++)
		if (strcmp(cfg->actors[i].name, c->slug) == 0)
			return (long)i;
	*by_name = 0;
	for (i = 0; i < c->n_names; i++)
		if ((k = own_lookup(own, c->names[i])) >= 0)
			return k;
	return -1;
}

/* The country block for c, by its code or else its slug (a block with
 * a code takes only its own country), marked used; or NULL.  A block
 * with a code renames the country. */
static struct config_country *
block_for(struct config_load *ld, struct country *c)
{
	struct config_country *b;
	size_t i;

	for (i = 0; i < ld->n_countries; i++) {
		b = &ld->countries[i];
		if (b->code != NULL ? strcmp(b->code, c->code) == 0 :
		    strcmp(b->name, c->slug) == 0) {
			b->used = 1;
			if (b->code != NULL) {
				free(c->slug);
				c->slug = config_strdup(b->name);
			}
			return b;
		}
	}
	return NULL;
}

/* Country c into the configuration's actors. */
static void
country_apply(struct config_load *ld, const struct own_names *own,
    size_t n_own, struct country *c, const char *file, int line)
{
	struct config *cfg = ld->config;
	struct config_country *block = block_for(ld, c);
	struct config_actor *a;
	long k;
	size_t i;
	int by_name;

	if ((k = standing_for(cfg, own, n_own, c, &by_name)) >= 0) {
		a = &cfg->actors[k];
		if (by_name)
			for (i = 0; i < c->n_names; i++)
				list_add(own, &a->names, c->names[i]);
	} else {
		cfg->actors = config_grow(cfg->actors, cfg->n_actors,
		    sizeof(*cfg->actors));
		a = &cfg->actors[cfg->n_actors++];
		a->name = config_strdup(c->slug);
		a->kind = ACTOR_STATE;
		a->file = file;
		a->line = line;
		for (i = 0; i < c->n_names; i++)
			list_add(own, &a->names, c->names[i]);
	}
	if (block != NULL)
		for (i = 0; i < block->names.n; i++)
			list_add(own, &a->names, block->names.v[i]);
}

/* path as written, from the directory of the file that set it. */
static char *
resolve(const char *from, const char *path)
{
	const char *slash = strrchr(from, '/');
	char *joined;

	if (path[0] == '/' || slash == NULL)
		return config_strdup(path);
	if (asprintf(&joined, "%.*s%s", (int)(slash - from) + 1, from, path) ==
	    -1)
		log_fatal("out of memory");
	return joined;
}

/* The countries of the file at path, or NULL after a message. */
static json_t *
countries_open(struct config_load *ld, int line, const char *path)
{
	json_error_t err;
	json_t *root, *list;

	if (access(path, R_OK) == -1) {
		config_msg_at(ld, 1, line, "countries \"%s\": %s; install "
		    "Debian's iso-codes package (apt-get install iso-codes) "
		    "or point countries at its iso_3166-1.json", path,
		    strerror(errno));
		return NULL;
	}
	if ((root = json_load_file(path, 0, &err)) == NULL) {
		config_msg_at(ld, 1, line, "countries \"%s\": line %d: %s; "
		    "the file is not iso-codes' JSON: reinstall iso-codes or "
		    "point countries at its iso_3166-1.json", path, err.line,
		    err.text);
		return NULL;
	}
	if (!json_is_array(list = json_object_get(root, "3166-1"))) {
		config_msg_at(ld, 1, line, "countries \"%s\": no \"3166-1\" "
		    "list of countries; point countries at iso-codes' "
		    "iso_3166-1.json", path);
		json_decref(root);
		return NULL;
	}
	return root;
}

/* The country blocks that name no country of the file. */
static void
report_unused(struct config_load *ld, const char *const *slugs, size_t n_slugs,
    const char *path)
{
	const char *best;
	size_t i;

	for (i = 0; i < ld->n_countries; i++) {
		if (ld->countries[i].used)
			continue;
		if (ld->countries[i].code != NULL) {
			config_msg_at(ld, 1, ld->countries[i].line, "country "
			    "'%s': code %s is not in %s; see the alpha_2 codes "
			    "there", ld->countries[i].name,
			    ld->countries[i].code, path);
			continue;
		}
		best = config_suggest(ld->countries[i].name, slugs, n_slugs);
		config_msg_at(ld, 1, ld->countries[i].line, "country '%s' is "
		    "not in %s%s%s%s", ld->countries[i].name, path,
		    best ? " (did you mean '" : "; names are slugs of the "
		    "common names such as south-korea", best ? best : "",
		    best ? "'?)" : "");
	}
}

void
config_countries_load(struct config_load *ld, cfg_t *cfg)
{
	cfg_opt_t *opt = cfg_getopt(cfg, "countries");
	json_t *root, *list;
	struct country c;
	struct own_names own;
	char **slugs;
	const char *file;
	char *path;
	size_t i, n_own = ld->config->n_actors, n_slugs = 0;
	int line, file_line;

	if (opt == NULL || !(opt->flags & CFGF_MODIFIED) || opt->nvalues == 0) {
		if (ld->n_countries > 0)
			config_msg_at(ld, 1, ld->countries[0].line, "country "
			    "'%s' adds names to a country of the countries "
			    "file, and none is set; add countries = "
			    "\"/usr/share/iso-codes/json/iso_3166-1.json\"",
			    ld->countries[0].name);
		return;
	}
	line = config_origin_line(ld, opt, 0, 1);
	if (!ld->allow_include) {
		/* Text without a file (the fuzz target) reads no file. */
		config_msg_at(ld, 1, line, "countries cannot be read from a "
		    "configuration given as text");
		return;
	}
	where(ld, line, &file, &file_line);
	path = resolve(file, cfg_opt_getnstr(opt, 0));
	if ((root = countries_open(ld, line, path)) == NULL) {
		free(path);
		return;
	}
	list = json_object_get(root, "3166-1");
	own_index(ld->config, &own);
	if ((slugs = calloc(json_array_size(list) + 1, sizeof(*slugs))) ==
	    NULL)
		log_fatal("out of memory");
	for (i = 0; i < json_array_size(list); i++) {
		if (country_read(json_array_get(list, i), &c) == -1) {
			country_free(&c);
			continue;
		}
		country_apply(ld, &own, n_own, &c, file, file_line);
		slugs[n_slugs++] = c.slug;	/* for suggestions */
		c.slug = NULL;
		country_free(&c);
	}
	own_free(&own);
	report_unused(ld, (const char *const *)slugs, n_slugs, path);
	for (i = 0; i < n_slugs; i++)
		free(slugs[i]);
	free(slugs);
	json_decref(root);
	free(path);
}
