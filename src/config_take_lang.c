/*
 * config_take_lang.c: the parts of the rule language that read clauses
 * and actors' kinds: word classes (class NAME { words }), role nouns
 * (role NAME { kind, names }), an actor's kind, a rule's mood,
 * actor_kinds, negated, raise and opposed_by keys, and like (a rule that
 * takes the keys it does not set from one before it).  Each value is
 * checked at its own line; "@name" references are checked once every class is in, and so
 * are cycles among classes.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <confuse.h>

#include "actor.h"
#include "config.h"
#include "config_priv.h"
#include "log.h"

/* The names of a rule's mood list and the bit config_mood_parse gives
 * each (see config.h): the four tenses, then the moods in the order of
 * clause.h's bits, which the guesses (bits 14 and 15) and the forecast
 * (bit 21) no list names. */
static const struct {
	const char	*name;
	int		 bit;
} mood_names[] = {
	{ "none", 0 }, { "past", 1 }, { "present", 2 }, { "future", 3 },
	{ "modal", 4 }, { "ability", 5 }, { "intent", 6 }, { "threat", 7 },
	{ "conditional", 8 }, { "demand", 9 }, { "denied", 10 },
	{ "headline", 11 }, { "reason", 12 }, { "condition", 13 },
	{ "demand-of-other", 16 }, { "wish", 18 }, { "obligation", 19 },
	{ "background", 20 }, { "topic", 22 },
	{ NULL, 0 }
};

int
config_mood_parse(const char *name)
{
	int i;

	for (i = 0; mood_names[i].name != NULL; i++)
		if (strcmp(mood_names[i].name, name) == 0)
			return mood_names[i].bit;
	return -1;
}

/* "state, official, ..." for messages. */
static void
kind_names(char *buf, size_t len)
{
	size_t used = 0;
	int k;

	buf[0] = '\0';
	for (k = 1; k < ACTOR_N_KINDS && used < len; k++)
		used += (size_t)snprintf(buf + used, len - used, "%s%s",
		    k > 1 ? ", " : "", actor_kind_name((enum actor_kind)k));
}

int
config_take_kind(struct config_section *s, const char *fallback)
{
	const char *text;
	char names[512];
	int line, kind;

	if ((text = config_value(s, "kind", &line)) == NULL) {
		if (fallback != NULL)
			return actor_kind_parse(fallback);
		if (config_option(s, "kind") == NULL)
			config_msg_at(s->ld, 1, s->line, "%s '%s' has no kind; "
			    "add kind = \"military\" (or another kind: see "
			    "brink.conf(5))", s->kind, s->title);
		return ACTOR_UNKNOWN;
	}
	if ((kind = actor_kind_parse(text)) == -1) {
		kind_names(names, sizeof(names));
		config_msg_at(s->ld, 1, line, "kind \"%s\" is unknown; use one "
		    "of %s", text, names);
		return ACTOR_UNKNOWN;
	}
	return kind;
}

/* Length of the class name that starts word (after its '@'). */
size_t
config_class_ref(const char *word)
{
	return strspn(word, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuv"
	    "wxyz0123456789-_.");
}

/* Remember every "@name" of the phrases in list, to be checked once all
 * classes are known.  Frees lines. */
void
config_defer_classes(struct config_section *s, const struct config_list *list,
    int *lines)
{
	struct config_load *ld = s->ld;
	const char *p, *w;
	size_t i, n;

	for (i = 0; i < list->n; i++) {
		for (p = list->v[i]; *p != '\0'; p++) {
			if (*p != '@' || (p > list->v[i] && p[-1] != ' ' &&
			    p[-1] != '\t'))
				continue;
			w = p + 1;
			n = config_class_ref(w);
			if (n == 0 || (w[n] != '\0' && w[n] != ' ' &&
			    w[n] != '\t')) {
				config_msg_at(ld, 1, lines != NULL ? lines[i] :
				    s->line, "\"%s\": a word class is written "
				    "@name, a whole word of letters, digits, "
				    "'-', '_' and '.'", list->v[i]);
				continue;
			}
			ld->refs = config_grow(ld->refs, ld->n_refs,
			    sizeof(*ld->refs));
			ld->refs[ld->n_refs].what = REF_CLASS;
			ld->refs[ld->n_refs].name = w;
			ld->refs[ld->n_refs].line = lines != NULL ? lines[i] :
			    s->line;
			ld->refs[ld->n_refs].owner = 0;
			ld->n_refs++;
		}
	}
	free(lines);
}

void
config_take_class(struct config_section *s)
{
	struct config *c = s->ld->config;
	struct config_class *k;
	const char *text;
	int *lines, line;

	config_check_name(s, "class", s->title);
	c->classes = config_grow(c->classes, c->n_classes,
	    sizeof(*c->classes));
	k = &c->classes[c->n_classes++];
	k->name = config_strdup(s->title);
	config_where(s->ld, s->line, &k->file, &k->line);
	config_take_list(s, "words", &k->words, &lines);
	config_defer_classes(s, &k->words, lines);
	if (k->words.n == 0)
		config_msg_at(s->ld, 1, s->line, "class '%s' has no words; add "
		    "words = {\"...\", \"...\"}", k->name);
	k->language = config_take_string(s, "language", NULL);
	if (k->language != NULL)
		config_check_language(s->ld, k->language, s->line);
	if ((text = config_value(s, "synonyms", &line)) != NULL &&
	    config_parse_bool(text, &k->synonyms) == -1)
		config_msg_at(s->ld, 1, line, "synonyms \"%s\" is not a "
		    "boolean; use true or false", text);
}

void
config_take_role(struct config_section *s)
{
	struct config *c = s->ld->config;
	struct config_role *r;
	int *lines;

	config_check_name(s, "role", s->title);
	c->roles = config_grow(c->roles, c->n_roles, sizeof(*c->roles));
	r = &c->roles[c->n_roles++];
	r->name = config_strdup(s->title);
	config_where(s->ld, s->line, &r->file, &r->line);
	config_take_list(s, "names", &r->names, &lines);
	config_defer_classes(s, &r->names, lines);
	if (r->names.n == 0)
		config_msg_at(s->ld, 1, s->line, "role '%s' has no names; add "
		    "names = {\"...\", \"...\"}", r->name);
	r->kind = config_take_kind(s, NULL);
}

/* A key that is "any" (the default) or on; *flag is 1 when on. */
static void
take_switch(struct config_section *s, const char *key, const char *on,
    const char *what, int *flag)
{
	const char *text;
	int line;

	if ((text = config_value(s, key, &line)) == NULL)
		return;
	if (strcmp(text, on) == 0)
		*flag = 1;
	else if (strcmp(text, "any") != 0)
		config_msg_at(s->ld, 1, line, "%s \"%s\" is unknown; use "
		    "\"%s\" (%s) or \"any\" (the default)", key, text, on,
		    what);
}

void
config_take_rule_clauses(struct config_section *s, struct config_rule *r)
{
	const char *text;
	char names[512];
	size_t i;
	int line, *lines;

	config_take_list(s, "mood", &r->mood, &lines);
	/* "@name" is a class of moods, checked by rules_compile as for
	 * actor_kinds below; "!name" refuses what name requires. */
	for (i = 0; i < r->mood.n; i++) {
		text = r->mood.v[i] + (r->mood.v[i][0] == '!');
		if (text[0] != '@' && config_mood_parse(text) == -1)
			config_msg_at(s->ld, 1, lines[i], "mood \"%s\" is "
			    "unknown; use the tenses past, present, future, "
			    "none or the moods modal, ability, intent, "
			    "threat, conditional, demand, demand-of-other, "
			    "denied, headline, reason, condition, wish, "
			    "obligation, background, each alone or after a "
			    "\"!\" that refuses it",
			    r->mood.v[i]);
	}
	free(lines);
	config_take_list(s, "actor_kinds", &r->actor_kinds, &lines);
	/* "@name" is a class of kinds: rules_compile checks its words,
	 * with every class at hand. */
	for (i = 0; i < r->actor_kinds.n; i++)
		if (r->actor_kinds.v[i][0] != '@' &&
		    actor_kind_parse(r->actor_kinds.v[i]) == -1) {
			kind_names(names, sizeof(names));
			config_msg_at(s->ld, 1, lines[i], "actor_kinds: kind "
			    "\"%s\" is unknown; use %s", r->actor_kinds.v[i],
			    names);
		}
	free(lines);
	r->negated = config_take_string(s, "negated", NULL);
	if ((text = config_value(s, "negated", &line)) != NULL &&
	    r->negated != NULL && strcmp(r->negated, "drop") != 0 &&
	    !config_name_ok(r->negated))
		config_msg_at(s->ld, 1, line, "negated \"%s\" is neither "
		    "\"drop\" nor a category name (letters, digits, '-', '_', "
		    "'.')", r->negated);
	/* Idioms whose subject suffers ("X would pay a heavy price") are
	 * the speaker's threat against the subject. */
	if ((text = config_value(s, "agent", &line)) != NULL) {
		if (strcmp(text, "speaker") == 0)
			r->agent = RULE_AGENT_SPEAKER;
		else if (strcmp(text, "none") == 0)
			r->agent = RULE_AGENT_NONE;
		else if (strcmp(text, "owner") == 0)
			r->agent = RULE_AGENT_OWNER;
		else if (strcmp(text, "subject") != 0)
			config_msg_at(s->ld, 1, line, "agent \"%s\" is "
			    "unknown; use \"subject\" (who acts is the "
			    "subject, the default), \"speaker\" (who says "
			    "it acts, the subject is a target), \"owner\" "
			    "(who owns the term's noun acts: \"the Russian "
			    "threat\") or \"none\" (the rule names no one "
			    "acting, every party named is a target)", text);
	}
	/* "Vowed to destroy Hamas", not "vowed to destroy corruption":
	 * verbs that are force only against somebody. */
	take_switch(s, "object", "party", "a party the rules know must "
	    "follow the term, as its object", &r->object_party);
	/* "Biden calls for a ceasefire": a hope, not a step of a party. */
	take_switch(s, "callers", "parties", "a call for the term counts "
	    "only from an armed side or from one whose rival the sentence "
	    "names", &r->callers_parties);
	/* "Varnia's leader met Ostland's": a meeting is a step down
	 * between rivals, and none between friends. */
	take_switch(s, "between", "rivals", "the hit counts only when the "
	    "one acting and another party it names are rivals",
	    &r->between_rivals);
	config_take_list(s, "raise", &r->raise, &lines);
	config_defer_classes(s, &r->raise, lines);
	config_take_list(s, "opposed_by", &r->opposed_by, &lines);
	config_defer_classes(s, &r->opposed_by, lines);
}

/* Depth-first through the classes' @references: 1 when class i reaches
 * a class still on the path (state 1), after an error at i. */
static int
class_cycle(struct config_load *ld, size_t i, char *state)
{
	const struct config *c = ld->config;
	const struct config_class *k = &c->classes[i];
	const char *p;
	size_t w, j, n;

	if (state[i] == 2)
		return 0;
	if (state[i] == 1)
		return 1;
	state[i] = 1;
	for (w = 0; w < k->words.n; w++)
		for (p = k->words.v[w]; (p = strchr(p, '@')) != NULL; p++) {
			n = config_class_ref(p + 1);
			for (j = 0; j < c->n_classes; j++)
				if (strlen(c->classes[j].name) == n &&
				    strncmp(c->classes[j].name, p + 1, n) == 0)
					break;
			if (j == c->n_classes || !class_cycle(ld, j, state))
				continue;
			for (n = 0; n < ld->n_sources &&
			    ld->sources[n].name != k->file; n++)
				;
			config_msg(ld, 1, n < ld->n_sources ? (int)n : 0,
			    k->line, "class '%s' uses itself through @%s; a "
			    "class may use other classes, never in a circle",
			    k->name, c->classes[j].name);
			state[i] = 2;
			return 0;
		}
	state[i] = 2;
	return 0;
}

void
config_check_classes(struct config_load *ld)
{
	const struct config *c = ld->config;
	char *state;
	size_t i;

	if (c->n_classes == 0)
		return;
	if ((state = calloc(c->n_classes, 1)) == NULL)
		log_fatal("out of memory");
	for (i = 0; i < c->n_classes; i++)
		class_cycle(ld, i, state);
	free(state);
}

/* A copy of list into *out. */
static void
copy_list(struct config_list *out, const struct config_list *list)
{
	size_t i;

	config_list_free(out);
	for (i = 0; i < list->n; i++) {
		out->v = config_grow(out->v, out->n, sizeof(*out->v));
		out->v[out->n++] = config_strdup(list->v[i]);
	}
}

/* key += {...} after like: list's entries, copied, before those of
 * *out, which stay where they are (class references point into them). */
static void
prepend_list(struct config_list *out, const struct config_list *list)
{
	char **v;
	size_t i;

	if (list->n == 0)
		return;
	if ((v = calloc(list->n + out->n, sizeof(*v))) == NULL)
		log_fatal("out of memory");
	for (i = 0; i < list->n; i++)
		v[i] = config_strdup(list->v[i]);
	for (i = 0; i < out->n; i++)
		v[list->n + i] = out->v[i];
	free(out->v);
	out->v = v;
	out->n += list->n;
}

/* A copy of text (which may be NULL) into *out. */
static void
copy_string(char **out, const char *text)
{
	free(*out);
	*out = text != NULL ? config_strdup(text) : NULL;
}

/*
 * like = "NAME": a family of rules (the threats, the de-escalations)
 * says its category, severity, kinds, moods, raise and the rest once,
 * in its first rule; the others give their terms and what differs.
 * Only a rule defined before may be named, so that a rule reads from
 * top to bottom and no rule is like itself in a circle.
 */
void
config_take_rule_like(struct config_section *s, struct config_rule *r)
{
	struct config *c = s->ld->config;
	const struct config_rule *t;
	const char *name;
	ssize_t i;
	int line;

	if ((name = config_value(s, "like", &line)) == NULL)
		return;
	/* r is the last rule in: a rule before it, not itself. */
	i = config_rule_index(c, name);
	if (i == -1 || (size_t)i + 1 >= c->n_rules) {
		config_msg_at(s->ld, 1, line, "rule '%s' is like '%s', but no "
		    "rule '%s' comes before it; name a rule defined above",
		    r->name, name, name);
		return;
	}
	t = &c->rules[i];
#define UNSET(key)	(config_option(s, key) == NULL)
	/* A list key set with += adds to the list taken, = replaces it. */
#define LIST(key, field) do {						\
	if (UNSET(key))							\
		copy_list(&r->field, &t->field);			\
	else if (config_option_appends(s, key))				\
		prepend_list(&r->field, &t->field);			\
} while (0)
	if (UNSET("category"))
		copy_string(&r->category, t->category);
	if (UNSET("severity"))
		r->severity = t->severity;
	LIST("actors", actors);
	LIST("targets", targets);
	if (UNSET("window"))
		r->window = t->window;
	if (UNSET("negations"))
		r->has_negations = t->has_negations;
	LIST("negations", negations);
	LIST("exclude", exclude);
	LIST("context", context);
	if (UNSET("language"))
		copy_string(&r->language, t->language);
	LIST("mood", mood);
	LIST("actor_kinds", actor_kinds);
	if (UNSET("negated"))
		copy_string(&r->negated, t->negated);
	LIST("raise", raise);
	LIST("opposed_by", opposed_by);
	if (UNSET("agent"))
		r->agent = t->agent;
	if (UNSET("object"))
		r->object_party = t->object_party;
	if (UNSET("callers"))
		r->callers_parties = t->callers_parties;
	if (UNSET("between"))
		r->between_rivals = t->between_rivals;
#undef LIST
#undef UNSET
}
