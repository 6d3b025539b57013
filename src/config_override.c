/*
 * config_override.c: changing a rule or an actor of the rule pack from a
 * local file, without copying it.
 *
 * The model is fail2ban's jail.conf / jail.local / jail.d: the pack is
 * the administrator's to upgrade, local changes live in files of their
 * own (the .conf files in conf.d/) and survive the upgrade.  A section
 * that repeats a name is an error ("defined twice"), because that is
 * usually a mistake; one that says override = true changes the section
 * of that name instead:
 *
 *	rule NAME  { override = true  severity = "critical" }
 *	rule NAME  { override = true  enabled = false }
 *	actor NAME { override = true  names = {"More", "Aliases"} }
 *	actor NAME { override = true  rivals = {"another-actor"} }
 *
 * A rule may also be defined with enabled = false, to ship it off.
 * Overrides apply once every section is in, in the order the files are
 * read, so the last word wins wherever the pack is included.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include <confuse.h>

#include "config.h"
#include "config_priv.h"
#include "log.h"

/* What an override may set, beyond "override" itself. */
static const char *const rule_keys[] = { "override", "enabled", NULL };
static const char *const actor_keys[] = { "override", NULL };
static const char *const rule_may_set[] = { "severity", "enabled", NULL };
static const char *const actor_may_set[] = { "names", "rivals", NULL };

struct config_override {
	int		 is_rule;	/* else an actor */
	char		*name;
	int		 line;		/* joined text, for messages */
	int		 defines;	/* a definition's own enabled = ... */
	int		 severity;	/* -1: unchanged */
	int		 enabled;	/* -1: unchanged, 0, 1 */
	struct config_list names;	/* added to an actor's */
	struct config_list rivals;	/* added to an actor's */
	int		 rivals_line;
};

const char *const *
config_override_keys(const char *section)
{
	if (strcmp(section, "rule") == 0)
		return rule_keys;
	if (strcmp(section, "actor") == 0)
		return actor_keys;
	return NULL;
}

/* The key's one value, or NULL if unset; *line its line. */
static const char *
one_value(struct config_section *s, const char *key, int *line)
{
	cfg_opt_t *opt = cfg_getopt(s->cfg, key);

	*line = s->line;
	if (opt == NULL || !(opt->flags & CFGF_MODIFIED))
		return NULL;
	*line = config_origin_line(s->ld, opt, 0, s->line);
	if (opt->nvalues != 1) {
		config_msg_at(s->ld, 1, *line, "%s takes one value: true or "
		    "false", key);
		return NULL;
	}
	return cfg_opt_getnstr(opt, 0);
}

/* A boolean key: 1, 0, or -1 if unset or wrong (after a message). */
static int
take_bool(struct config_section *s, const char *key)
{
	const char *text;
	int line, b;

	if ((text = one_value(s, key, &line)) == NULL)
		return -1;
	if (config_parse_bool(text, &b) == -1) {
		config_msg_at(s->ld, 1, line, "%s \"%s\" is not true or false",
		    key, text);
		return -1;
	}
	return b;
}

static int
listed(const char *const *list, const char *name)
{
	for (; *list != NULL; list++)
		if (strcmp(*list, name) == 0)
			return 1;
	return 0;
}

static struct config_override *
add(struct config_load *ld, struct config_section *s)
{
	struct config_override *o;

	ld->overrides = config_grow(ld->overrides, ld->n_overrides,
	    sizeof(*ld->overrides));
	o = &ld->overrides[ld->n_overrides++];
	o->is_rule = strcmp(s->kind, "rule") == 0;
	o->name = config_strdup(s->title);
	o->line = s->line;
	o->severity = -1;
	o->enabled = -1;
	return o;
}

/* The keys an override sets that it may not: one message each. */
static void
refuse_other_keys(struct config_section *s, const char *const *may_set)
{
	cfg_opt_t *opt;
	unsigned i;

	for (i = 0; i < cfg_num(s->cfg); i++) {
		opt = cfg_getnopt(s->cfg, i);
		if (!(opt->flags & CFGF_MODIFIED) ||
		    strcmp(opt->name, "override") == 0 ||
		    strcmp(opt->name, CONFIG_APPEND_KEY) == 0 ||
		    listed(may_set, opt->name))
			continue;
		config_msg_at(s->ld, 1, config_origin_line(s->ld, opt, 0,
		    s->line), "%s '%s': an override may set %s only; to "
		    "change %s, copy the %s under a new name and disable "
		    "this one", s->kind, s->title, strcmp(s->kind, "rule") ==
		    0 ? "severity and enabled" : "names and rivals (which it "
		    "adds)",
		    opt->name, s->kind);
	}
}

/* The non-empty values of list key into *to; the key's line, or the
 * section's when it is unset. */
static int
take_added(struct config_section *s, const char *key,
    struct config_list *to)
{
	cfg_opt_t *opt;
	unsigned i;

	if ((opt = cfg_getopt(s->cfg, key)) == NULL ||
	    !(opt->flags & CFGF_MODIFIED))
		return s->line;
	for (i = 0; i < opt->nvalues; i++) {
		if (cfg_opt_getnstr(opt, i)[0] == '\0')
			continue;
		to->v = config_grow(to->v, to->n, sizeof(*to->v));
		to->v[to->n++] = config_strdup(cfg_opt_getnstr(opt, i));
	}
	return config_origin_line(s->ld, opt, 0, s->line);
}

int
config_override_take(struct config_section *s)
{
	struct config_override *o;
	const char *text;
	int override, enabled, line, sev;

	if (config_override_keys(s->kind) == NULL)
		return 0;
	override = take_bool(s, "override");
	enabled = strcmp(s->kind, "rule") == 0 ? take_bool(s, "enabled") : -1;
	if (override != 1) {
		/* A definition; remember only that it ships disabled. */
		if (enabled != -1) {
			o = add(s->ld, s);
			o->defines = 1;
			o->enabled = enabled;
		}
		return 0;
	}
	o = add(s->ld, s);
	o->enabled = enabled;
	if (strcmp(s->kind, "rule") == 0) {
		refuse_other_keys(s, rule_may_set);
		if ((text = one_value(s, "severity", &line)) != NULL) {
			if ((sev = config_severity_parse(text)) == -1)
				config_msg_at(s->ld, 1, line, "severity \"%s\" "
				    "is unknown; use info, low, medium, high "
				    "or critical", text);
			o->severity = sev;
		}
		return 1;
	}
	refuse_other_keys(s, actor_may_set);
	take_added(s, "names", &o->names);
	/* A crisis desk adds the conflicts of its region ("mali" and
	 * "jihadists") without editing the pack. */
	o->rivals_line = take_added(s, "rivals", &o->rivals);
	if (o->names.n == 0 && o->rivals.n == 0)
		config_msg_at(s->ld, 1, s->line, "actor '%s': an override "
		    "adds names or rivals; add names = {\"...\"} or rivals = "
		    "{\"...\"}", s->title);
	return 1;
}

/* Append the values of from that list lacks. */
static void
add_new(struct config_list *list, const struct config_list *from)
{
	size_t k;

	for (k = 0; k < from->n; k++) {
		if (config_list_has(list, from->v[k]))
			continue;
		list->v = config_grow(list->v, list->n, sizeof(*list->v));
		list->v[list->n++] = config_strdup(from->v[k]);
	}
}

/* Drop rule i: config_free() knows every field a rule owns. */
static void
rule_remove(struct config *c, size_t i)
{
	struct config *gone;

	if ((gone = calloc(1, sizeof(*gone))) == NULL ||
	    (gone->rules = malloc(sizeof(*gone->rules))) == NULL)
		log_fatal("out of memory");
	gone->rules[0] = c->rules[i];
	gone->n_rules = 1;
	config_free(gone);
	memmove(&c->rules[i], &c->rules[i + 1],
	    (c->n_rules - i - 1) * sizeof(*c->rules));
	c->n_rules--;
}

void
config_override_apply(struct config_load *ld)
{
	struct config *c = ld->config;
	struct config_override *o;
	struct config_actor *a;
	char *off;
	ssize_t r;
	size_t i, k;
	long ai;

	if ((off = calloc(c->n_rules + 1, 1)) == NULL)
		log_fatal("out of memory");
	for (i = 0; i < ld->n_overrides; i++) {
		o = &ld->overrides[i];
		if (!o->is_rule) {
			if ((ai = config_actor_index(c, o->name)) == -1) {
				config_msg_at(ld, 1, o->line, "actor '%s' is "
				    "overridden here but defined nowhere; check "
				    "the name and that its file is included",
				    o->name);
				continue;
			}
			a = &c->actors[ai];
			add_new(&a->names, &o->names);
			/* Checked here: the references were checked before
			 * the overrides applied. */
			for (k = 0; k < o->rivals.n; k++)
				config_check_rival(ld, o->rivals_line, o->name,
				    o->rivals.v[k]);
			add_new(&a->rivals, &o->rivals);
			continue;
		}
		if ((r = config_rule_index(c, o->name)) == -1) {
			if (!o->defines)
				config_msg_at(ld, 1, o->line, "rule '%s' is "
				    "overridden here but defined nowhere; "
				    "check the name and that its file is "
				    "included", o->name);
			continue;
		}
		if (o->severity != -1)
			c->rules[r].severity = (enum severity)o->severity;
		if (o->enabled != -1)
			off[r] = !o->enabled;
	}
	/* Last, so that the indexes above held. */
	for (i = c->n_rules; i > 0; i--)
		if (off[i - 1])
			rule_remove(c, i - 1);
	free(off);
}

void
config_override_free(struct config_load *ld)
{
	size_t i;

	for (i = 0; i < ld->n_overrides; i++) {
		free(ld->overrides[i].name);
		config_list_free(&ld->overrides[i].names);
		config_list_free(&ld->overrides[i].rivals);
	}
	free(ld->overrides);
	ld->overrides = NULL;
	ld->n_overrides = 0;
}
