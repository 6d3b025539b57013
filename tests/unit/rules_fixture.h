/*
 * rules_fixture.h: the configuration the rules tests build by hand (the
 * loader is tested in the configuration area's tests), four actors and
 * room for eight rules, and the calls that match
 * a text and read the hits.  Included by one test program each; the
 * helpers are inline so that a program need not use them all.
 */
#ifndef BRINK_RULES_FIXTURE_H
#define BRINK_RULES_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "../../src/actor.h"
#include "../../src/config.h"
#include "../../src/rules.h"

#define LIST(...)	mklist((const char *[]){ __VA_ARGS__, NULL })
#define NONE		mklist((const char *[]){ NULL })

/* The compound literals die with the caller's block: keep a copy. */
static char *list_pool[1024];
static size_t list_used;

static inline struct config_list
mklist(const char **v)
{
	struct config_list l;

	l.v = &list_pool[list_used];
	for (l.n = 0; v[l.n] != NULL; l.n++) {
		if (list_used == sizeof(list_pool) / sizeof(list_pool[0]))
			abort();
		list_pool[list_used++] = (char *)v[l.n];
	}
	return l;
}

static struct config_actor actors[4];
static struct config_rule rules[8];
static struct config cfg;

static inline struct config_rule *
add_rule(const char *name, const char *category, enum severity sev,
    struct config_list terms)
{
	struct config_rule *r = &rules[cfg.n_rules++];

	memset(r, 0, sizeof(*r));
	r->name = (char *)name;
	r->category = (char *)category;
	r->severity = sev;
	r->terms = terms;
	r->actors = LIST("*");
	r->language = "english";
	return r;
}

static inline void
setup(void)
{
	memset(&cfg, 0, sizeof(cfg));
	actors[0].name = "iran";
	actors[0].names = LIST("Iran", "Iranian*", "Tehran", "Islamic Republic",
	    "Islamic Republic of Iran");
	actors[1].name = "israel";
	actors[1].names = LIST("Israel*", "Netanyahu");
	actors[2].name = "us";
	actors[2].names = LIST("US", "U.S.", "United States", "Washington");
	actors[3].name = "hamas";
	actors[3].names = LIST("Hamas", "Haniyeh");
	cfg.actors = actors;
	cfg.n_actors = 4;
	cfg.rules = rules;
}

/* Two states of their own in place of the four actors, for the tests
 * of the clause keys. */
static inline void
setup_sudan_chad(void)
{
	actors[0].name = "sudan";
	actors[0].names = LIST("Sudan", "Sudanese", "Khartoum");
	actors[0].kind = ACTOR_STATE;
	actors[1].name = "chad";
	actors[1].names = LIST("Chad", "N'Djamena");
	actors[1].kind = ACTOR_STATE;
	cfg.n_actors = 2;
}

/* Match an article and return the number of hits; res holds them. */
static struct rules_result res;
static const struct rules *compiled;

static inline size_t
run_article(const char *title, const char *body)
{
	rules_result_free(&res);
	if (rules_match(compiled, title, body, &res) == -1)
		abort();
	return res.n_hits;
}

/* Text alone, under an empty title. */
static inline size_t
run(const char *text)
{
	return run_article("", text);
}

/* As run, with text as the title and a body that matches nothing. */
static inline size_t
run_title(const char *text)
{
	return run_article(text, "Nothing else.");
}

static inline const char *
hit_rule(size_t i)
{
	return i < res.n_hits ? res.hits[i].rule->name : "(none)";
}

static inline const char *
hit_actor(size_t i)
{
	return i < res.n_hits && res.hits[i].n_actors > 0 ?
	    res.hits[i].actors[0] : "(none)";
}

static char explained[4096];

static inline void
collect(void *arg, const char *line)
{
	size_t used = strlen(explained);

	snprintf(explained + used, sizeof(explained) - used, "%s\n", line);
}


/* Compile the configuration built so far and make it the one run()
 * matches with; what names the check.  NULL, with the reason printed,
 * when it does not compile. */
static inline struct rules *
compile_checked(const char *what)
{
	char err[256];
	struct rules *r = rules_compile(&cfg, err, sizeof(err));

	CHECK(r != NULL, what);
	if (r == NULL)
		printf("# %s\n", err);
	compiled = r;
	return r;
}

#endif
