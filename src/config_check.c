/*
 * config_check.c: the checks that need the whole configuration: names a
 * rule or sink refers to, sinks that can never receive an alert, and a
 * configuration with nothing to do.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "config_priv.h"

static int
name_order(const void *a, const void *b)
{
	const struct config_name *x = a, *y = b;
	int d;

	if ((d = strcmp(x->kind, y->kind)) != 0 ||
	    (d = strcmp(x->name, y->name)) != 0)
		return d;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/*
 * A name defined twice in one kind of section, each later one reported
 * with the first.  Sorted once, rather than each section compared with
 * all before it: a file may hold 100,000 feeds.
 */
void
config_check_twice(struct config_load *ld)
{
	const struct config_name *first = NULL, *n;
	const char *file;
	size_t i;
	int line;

	if (ld->n_names > 1)
		qsort(ld->names, ld->n_names, sizeof(*ld->names), name_order);
	for (i = 0; i < ld->n_names; i++) {
		n = &ld->names[i];
		if (first == NULL || strcmp(first->kind, n->kind) != 0 ||
		    strcmp(first->name, n->name) != 0) {
			first = n;
			continue;
		}
		config_where(ld, first->line, &file, &line);
		config_msg_at(ld, 1, n->line, "%s '%s' is defined twice: here "
		    "and at %s:%d; rename or remove one", n->kind, n->name,
		    file, line);
	}
}

static const char *
suggest_actor(const struct config *c, const char *name)
{
	const char *choices[256];
	size_t i, n = 0;

	for (i = 0; i < c->n_actors && n < 256; i++)
		choices[n++] = c->actors[i].name;
	return config_suggest(name, choices, n);
}

static int
has_actor(const struct config *c, const char *name)
{
	return config_actor_index(c, name) != -1;
}

static int
has_category(const struct config *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->n_rules; i++)
		if ((c->rules[i].category != NULL &&
		    strcmp(c->rules[i].category, name) == 0) ||
		    (c->rules[i].negated != NULL &&
		    strcmp(c->rules[i].negated, name) == 0))
			return 1;
	return 0;
}

/* "@name" in a phrase: a class must have that name. */
static void
check_class_ref(struct config_load *ld, const struct config_ref *ref)
{
	const struct config *c = ld->config;
	const char *choices[256], *best;
	char name[128];
	size_t i, n = config_class_ref(ref->name), k = 0;

	for (i = 0; i < c->n_classes; i++)
		if (strlen(c->classes[i].name) == n &&
		    strncmp(c->classes[i].name, ref->name, n) == 0)
			return;
	snprintf(name, sizeof(name), "%.*s", (int)n, ref->name);
	for (i = 0; i < c->n_classes && k < 256; i++)
		choices[k++] = c->classes[i].name;
	best = config_suggest(name, choices, k);
	config_msg_at(ld, 1, ref->line, "@%s names no class%s%s%s", name,
	    best ? " (did you mean @" : "; define it with class NAME { words "
	    "= {...} }", best ? best : "", best ? "?)" : "");
}

void
config_check_rival(struct config_load *ld, int line, const char *owner,
    const char *rival)
{
	const char *best;

	if (strcmp(rival, owner) == 0) {
		config_msg_at(ld, 1, line, "actor '%s' names itself as a rival; "
		    "name the actors it is in conflict with", owner);
		return;
	}
	if (has_actor(ld->config, rival))
		return;
	best = suggest_actor(ld->config, rival);
	config_msg_at(ld, 1, line, "actor '%s' names rival \"%s\", which is "
	    "not an actor%s%s%s", owner, rival, best ? " (did you mean \"" :
	    "; define it with actor NAME { names = {...} }", best ? best : "",
	    best ? "\"?)" : "");
}

static void
check_ref(struct config_load *ld, const struct config_ref *ref)
{
	const struct config *c = ld->config;
	const char *owner, *best;

	if (ref->what == REF_CLASS) {
		check_class_ref(ld, ref);
		return;
	}
	if (ref->what == REF_RULE_ACTOR || ref->what == REF_RULE_TARGET)
		owner = c->rules[ref->owner].name;
	else if (ref->what == REF_ACTOR_RIVAL)
		owner = c->actors[ref->owner].name;
	else
		owner = c->sinks[ref->owner].name;
	switch (ref->what) {
	case REF_ACTOR_RIVAL:
		config_check_rival(ld, ref->line, owner, ref->name);
		return;
	case REF_RULE_ACTOR:
	case REF_RULE_TARGET:
	case REF_SINK_ACTOR:
		if (strcmp(ref->name, "*") == 0 || has_actor(c, ref->name))
			return;
		best = suggest_actor(c, ref->name);
		config_msg_at(ld, 1, ref->line, "%s '%s' names actor \"%s\", "
		    "which is not defined%s%s%s", ref->what == REF_SINK_ACTOR ?
		    "sink" : "rule", owner, ref->name,
		    best ? " (did you mean \"" : "; define it with actor NAME "
		    "{ names = {...} }", best ? best : "", best ? "\"?)" : "");
		return;
	case REF_SINK_FEED:
		if (config_has_feed(c, ref->name))
			return;
		config_msg_at(ld, 1, ref->line, "sink '%s' names feed \"%s\", "
		    "which is not defined", owner, ref->name);
		return;
	case REF_SINK_CATEGORY:
		if (has_category(c, ref->name) || c->n_rules == 0)
			return;
		config_msg_at(ld, 0, ref->line, "sink '%s' names category "
		    "\"%s\", which no rule has", owner, ref->name);
		return;
	}
}

/* The source a file name of struct config belongs to. */
static int
source_of(const struct config_load *ld, const char *file)
{
	size_t i;

	for (i = 0; i < ld->n_sources; i++)
		if (ld->sources[i].name == file)
			return (int)i;
	return 0;
}

/* Whether an alert from rule r could involve one of the actors. */
static int
rule_involves(const struct config_rule *r, const struct config_list *actors)
{
	size_t i;

	if (config_list_has(&r->actors, "*") ||
	    config_list_has(&r->targets, "*"))
		return 1;
	for (i = 0; i < actors->n; i++)
		if (config_list_has(&r->actors, actors->v[i]) ||
		    config_list_has(&r->targets, actors->v[i]))
			return 1;
	return 0;
}

/* A sink whose filters no rule can pass never gets an alert. */
static void
check_sink_reachable(struct config_load *ld, const struct config_sink *k)
{
	const struct config *c = ld->config;
	size_t i;

	for (i = 0; i < c->n_rules; i++) {
		const struct config_rule *r = &c->rules[i];

		if (r->severity < k->min_severity)
			continue;
		if (k->categories.n > 0 && (r->category == NULL ||
		    !config_list_has(&k->categories, r->category)))
			continue;
		if (k->actors.n > 0 && !rule_involves(r, &k->actors))
			continue;
		return;
	}
	config_msg(ld, 0, source_of(ld, k->file), k->line, "sink '%s' can "
	    "match nothing: no rule passes its filters (min_severity = %s%s%s)",
	    k->name, config_severity_name(k->min_severity),
	    k->categories.n ? ", categories" : "",
	    k->actors.n ? ", actors" : "");
}

void
config_check_all(struct config_load *ld)
{
	const struct config *c = ld->config;
	size_t i;

	for (i = 0; i < ld->n_refs; i++)
		check_ref(ld, &ld->refs[i]);
	config_check_classes(ld);
	if (c->n_feeds == 0)
		config_msg(ld, 0, 0, 1, "no feed is defined, so brinkd has "
		    "nothing to poll; add feed NAME { url = \"https://...\" }");
	if (c->n_rules == 0)
		config_msg(ld, 0, 0, 1, "no rule is defined, so no article "
		    "will ever alert; include(\"rules/default.conf\") or add "
		    "rule NAME { ... }");
	if (c->n_sinks == 0)
		config_msg(ld, 0, 0, 1, "no sink is defined, so alerts go "
		    "nowhere; add sink NAME { type = \"file\" ... }");
	if (c->n_rules == 0)
		return;
	for (i = 0; i < c->n_sinks; i++)
		check_sink_reachable(ld, &c->sinks[i]);
}
