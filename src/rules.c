/*
 * rules.c: actors, roles, classes and rules compiled (see rules.h): each
 * phrase into the trie of rules_trie.c, each rule's conditions into
 * lists and bit sets.  Matching is in rules_match.c, the clause keys of
 * a rule in rules_clause.c, the actor of an old-style hit in
 * rules_actor.c.
 */
#include "autoconf.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actor.h"
#include "clause.h"
#include "config.h"
#include "rules.h"
#include "rules_priv.h"
#include "text.h"

/* Negation cues for rules that set none, when the configuration has no
 * global `negations` either.  Two cues cancel each other ("did not rule
 * out strikes" is a threat); the verbs whose negation asserts the act
 * ("hesitate") come from the language's clause tables, as cues too. */
static const char *const rules_default_negations[] = {
	"not", "no", "never", "nor", "neither", "without", "no longer",
	"ruled out", "rule out", "rules out", "ruling out", "denied",
	"denies", "deny", "denying", "refused to", "refuses to",
	"unlikely to", "has no intention", "have no intention",
	"had no intention", "no plans to", "rejected", "dismissed",
	"far from", "instead of", "rather than", NULL
};

/* Each phrase of a NULL-terminated list, as rules_add_phrase. */
static int
rules_add_words(struct rules *r, enum rules_kind kind, size_t owner, int lang,
    const char *const *words, char *err, size_t errlen)
{
	size_t k;

	for (k = 0; words[k] != NULL; k++)
		if (rules_add_phrase(r, kind, owner, lang, words[k], err,
		    errlen) == -1)
			return -1;
	return 0;
}

/* "FILE:LINE: rule NAME: " before a message about a rule. */
static void
rules_where(const struct config_rule *rule, char *err, size_t errlen,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void
rules_where(const struct config_rule *rule, char *err, size_t errlen,
    const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (rule->file != NULL)
		snprintf(err, errlen, "%s:%d: rule %s: %s", rule->file,
		    rule->line, rule->name, msg);
	else
		snprintf(err, errlen, "rule %s: %s", rule->name, msg);
}

/* Resolve a list of actor names into indices; "*" sets *any. */
static int
rules_resolve_actors(const struct config *cfg, const struct config_rule *rule,
    const struct config_list *names, size_t **ids, size_t *n_ids, int *any,
    char *err, size_t errlen)
{
	size_t i;
	long a;

	*any = 0;
	*n_ids = 0;
	if ((*ids = calloc(names->n + 1, sizeof(**ids))) == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	for (i = 0; i < names->n; i++) {
		if (strcmp(names->v[i], "*") == 0) {
			*any = 1;
			continue;
		}
		if ((a = config_actor_index(cfg, names->v[i])) == -1) {
			rules_where(rule, err, errlen, "no actor is named \"%s\" "
			    "(define it with actor NAME { names = {...} })",
			    names->v[i]);
			return -1;
		}
		(*ids)[(*n_ids)++] = (size_t)a;
	}
	return 0;
}

/* One (word id, class id) pair of the class_of map. */
struct rules_pair {
	uint32_t	 word, cls;
};

static int
rules_pair_order(const void *a, const void *b)
{
	const struct rules_pair *x = a, *y = b;

	if (x->word != y->word)
		return x->word < y->word ? -1 : 1;
	return x->cls < y->cls ? -1 : x->cls > y->cls;
}

/* The word id of a single-word member of a class, added if new. */
static long
rules_member_id(struct rules *r, int lang, const char *m, char *err,
    size_t errlen)
{
	struct text_doc doc;
	char key[RULES_MAX_KEY];
	size_t n, len;
	long id;

	m += strspn(m, " \t");
	len = strcspn(m, " \t");
	if (text_analyse(m, len, &doc) == -1 || doc.n_tokens != 1) {
		text_doc_free(&doc);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	n = rules_token_key(r, PAT_TERM, lang, &doc.tokens[0],
	    rules_word_form(m, len), key, sizeof(key));
	text_doc_free(&doc);
	if (n == 0) {
		snprintf(err, errlen, "\"%.*s\": a word is too long",
		    (int)len, m);
		return -1;
	}
	if ((id = rules_word_add(r, key, n)) == -1)
		snprintf(err, errlen, "out of memory");
	return id;
}

/*
 * The classes of the configuration: an id each, and the map from the
 * ids of their single-word members (and of the classes they use) to
 * theirs.  Before any phrase, which may use them.  The error is
 * "class NAME: ..." without a place (the caller adds it).
 */
static int
rules_compile_classes(struct rules *r, long *failed, char *err,
    size_t errlen)
{
	const struct config *cfg = r->cfg;
	const struct config_class *c;
	struct rules_pair *pairs = NULL, *np;
	char key[RULES_MAX_KEY];
	size_t k, i, n, len, n_pairs = 0, cap = 0, round;
	long id, d;
	int lang, changed;

	*failed = -1;
	if ((r->class_id = calloc(cfg->n_classes + 1, sizeof(uint32_t))) ==
	    NULL || (r->class_single = calloc(cfg->n_classes + 1,
	    sizeof(int))) == NULL || (r->member_single = calloc(
	    cfg->n_classes + 1, sizeof(*r->member_single))) == NULL)
		goto oom;
	for (k = 0; k < cfg->n_classes; k++) {
		len = rules_key(key, sizeof(key), 'K', 0,
		    cfg->classes[k].name, strlen(cfg->classes[k].name));
		if (len == 0 || (id = rules_word_add(r, key, len)) == -1)
			goto oom;
		r->class_id[k] = (uint32_t)id;
		/* Asked again for every phrase that uses the class: each
		 * answer costs an analysis of the member. */
		if ((r->member_single[k] = calloc(cfg->classes[k].words.n + 1,
		    1)) == NULL)
			goto oom;
		for (i = 0; i < cfg->classes[k].words.n; i++)
			if (rules_member_single(cfg->classes[k].words.v[i])) {
				r->member_single[k][i] = 1;
				r->class_single[k] = 1;
			}
	}
	/* A class that uses one with single-word members has them too.
	 * Rounds until one marks no class more (a round after that would
	 * mark none either), at most one a class: running every round
	 * read all the members as many times as there are classes. */
	for (round = 0, changed = 1; changed && round < cfg->n_classes;
	    round++) {
		changed = 0;
		for (k = 0; k < cfg->n_classes; k++)
			for (i = 0; i < cfg->classes[k].words.n &&
			    !r->class_single[k]; i++) {
				const char *m = cfg->classes[k].words.v[i];

				m += strspn(m, " \t");
				n = strcspn(m, " \t");
				if (*m == '@' && (d = rules_class_index(cfg,
				    m + 1, n - 1)) != -1 &&
				    r->class_single[d]) {
					r->class_single[k] = 1;
					changed = 1;
				}
			}
	}
	for (k = 0; k < cfg->n_classes; k++) {
		c = &cfg->classes[k];
		*failed = (long)k;
		if ((lang = rules_lang(r, c->language)) == -1) {
			snprintf(err, errlen, "libstemmer knows no language "
			    "\"%s\"", c->language);
			goto fail;
		}
		for (i = 0; i < c->words.n; i++) {
			const char *m = c->words.v[i] + strspn(c->words.v[i],
			    " \t");

			n = strcspn(m, " \t");
			id = -1;
			if (*m == '@' && m[n + strspn(m + n, " \t")] == '\0') {
				if ((d = rules_class_index(cfg, m + 1, n - 1))
				    == -1) {
					snprintf(err, errlen, "@%.*s names no "
					    "class", (int)(n - 1), m + 1);
					goto fail;
				}
				if (r->class_single[d])
					id = r->class_id[d];
			} else if (r->member_single[k][i] &&
			    (id = rules_member_id(r, lang, m, err, errlen)) ==
			    -1)
				goto fail;
			if (id == -1)
				continue;
			if (n_pairs == cap) {
				cap = cap ? cap * 2 : 64;
				if ((np = realloc(pairs, cap * sizeof(*np))) ==
				    NULL)
					goto oom;
				pairs = np;
			}
			pairs[n_pairs].word = (uint32_t)id;
			pairs[n_pairs++].cls = r->class_id[k];
		}
	}
	*failed = -1;
	if (n_pairs > 0)
		qsort(pairs, n_pairs, sizeof(*pairs), rules_pair_order);
	r->n_class_map = r->n_words + 1;
	if ((r->class_off = calloc(r->n_class_map + 1, sizeof(uint32_t))) ==
	    NULL || (r->class_of = calloc(n_pairs + 1, sizeof(uint32_t))) ==
	    NULL)
		goto oom;
	for (i = 0; i < n_pairs; i++) {
		r->class_of[i] = pairs[i].cls;
		r->class_off[pairs[i].word + 1] = (uint32_t)(i + 1);
	}
	for (i = 1; i <= r->n_class_map; i++)
		if (r->class_off[i] < r->class_off[i - 1])
			r->class_off[i] = r->class_off[i - 1];
	free(pairs);
	return 0;
oom:
	snprintf(err, errlen, "out of memory");
fail:
	free(pairs);
	return -1;
}

/*
 * The bits of one actor_kinds or mood member (key says which): a name
 * that parse knows, or "@class", a class whose words are such names (or
 * classes of them), so that a pack names its armed kinds or its moods
 * of the unreal once.
 */
static int
rules_name_bits(struct rules *r, const struct config_rule *rule,
    const char *key, int (*parse)(const char *), const char *name,
    int depth, unsigned *bits, char *err, size_t errlen)
{
	const struct config_class *c;
	long ci;
	size_t k;
	int v;

	if (name[0] != '@') {
		if ((v = parse(name)) == -1) {
			rules_where(rule, err, errlen, "%s: \"%s\" is "
			    "unknown", key, name);
			return -1;
		}
		*bits |= 1U << v;
		return 0;
	}
	if ((ci = rules_class_index(r->cfg, name + 1, strlen(name + 1))) ==
	    -1) {
		rules_where(rule, err, errlen, "%s: %s names no class", key,
		    name);
		return -1;
	}
	if (depth >= RULES_MAX_NEST) {
		rules_where(rule, err, errlen, "%s: %s: classes nested too "
		    "deep (in a circle?)", key, name);
		return -1;
	}
	c = &r->cfg->classes[ci];
	for (k = 0; k < c->words.n; k++)
		if (rules_name_bits(r, rule, key, parse, c->words.v[k],
		    depth + 1, bits, err, errlen) == -1)
			return -1;
	return 0;
}

/*
 * A rule's mood, actor_kinds and negated keys as bit sets (the loader
 * has checked the names; a hand-made configuration is checked here).
 */
static int
rules_clause_keys(struct rules *r, size_t i, char *err, size_t errlen)
{
	const struct config_rule *rule = &r->cfg->rules[i];
	const char *name;
	size_t k;
	unsigned moods = 0, refused = 0;
	int not;

	r->rule_clauses[i] = rule->mood.n > 0 || rule->actor_kinds.n > 0 ||
	    rule->negated != NULL || rule->opposed_by.n > 0 ||
	    rule->object_party || rule->callers_parties ||
	    rule->agent == RULE_AGENT_OWNER;
	for (k = 0; k < rule->mood.n; k++) {
		/* "!demand": any group but a demand */
		name = rule->mood.v[k];
		if ((not = name[0] == '!'))
			name++;
		if (rules_name_bits(r, rule, "mood", config_mood_parse,
		    name, 0, not ? &refused : &moods, err, errlen) == -1)
			return -1;
	}
	if ((moods & refused) != 0) {
		rules_where(rule, err, errlen, "mood: a tense or mood is both "
		    "required and refused (\"!\")");
		return -1;
	}
	/* config_mood_parse gives the four tenses first, then the moods */
	r->rule_tenses[i] = moods & 0xfU;
	r->rule_moods[i] = moods >> 4;
	r->rule_not_tenses[i] = refused & 0xfU;
	r->rule_not_moods[i] = refused >> 4;
	for (k = 0; k < rule->actor_kinds.n; k++)
		if (rules_name_bits(r, rule, "actor_kinds", actor_kind_parse,
		    rule->actor_kinds.v[k], 0, &r->rule_kinds[i], err,
		    errlen) == -1)
			return -1;
	/* actor_kinds asks who acts; agent = "none" says no one does, so
	 * the rule could never fire. */
	if (rule->agent == RULE_AGENT_NONE && rule->actor_kinds.n > 0) {
		rules_where(rule, err, errlen, "agent \"none\" names no one "
		    "acting, so actor_kinds can never be met; drop one of "
		    "them");
		return -1;
	}
	return 0;
}

struct rules *
rules_compile(const struct config *cfg, char *err, size_t errlen)
{
	const struct config_rule *rule;
	const struct config_list *negs;
	struct rules *r;
	size_t i, k, nr = cfg->n_rules;
	long failed;
	int l;

	if ((r = calloc(1, sizeof(*r))) == NULL)
		goto oom;
	r->cfg = cfg;
	r->words_cap = 1024;
	r->edges_cap = 1024;
	if ((r->words = calloc(r->words_cap, sizeof(*r->words))) == NULL ||
	    (r->edges = calloc(r->edges_cap, sizeof(*r->edges))) == NULL ||
	    (r->cand_cache = cand_cache_new()) == NULL ||
	    rules_node_new(r) == -1)
		goto oom;
	if ((r->rule_lang = calloc(nr + 1, sizeof(int))) == NULL ||
	    (r->rule_any_actor = calloc(nr + 1, sizeof(int))) == NULL ||
	    (r->rule_any_target = calloc(nr + 1, sizeof(int))) == NULL ||
	    (r->rule_actor_ids = calloc(nr + 1, sizeof(size_t *))) == NULL ||
	    (r->rule_n_actor_ids = calloc(nr + 1, sizeof(size_t))) == NULL ||
	    (r->rule_target_ids = calloc(nr + 1, sizeof(size_t *))) == NULL ||
	    (r->rule_n_target_ids = calloc(nr + 1, sizeof(size_t))) == NULL ||
	    (r->rule_clauses = calloc(nr + 1, sizeof(int))) == NULL ||
	    (r->rule_tenses = calloc(nr + 1, sizeof(unsigned))) == NULL ||
	    (r->rule_moods = calloc(nr + 1, sizeof(unsigned))) == NULL ||
	    (r->rule_not_tenses = calloc(nr + 1, sizeof(unsigned))) == NULL ||
	    (r->rule_not_moods = calloc(nr + 1, sizeof(unsigned))) == NULL ||
	    (r->rule_kinds = calloc(nr + 1, sizeof(unsigned))) == NULL)
		goto oom;
	if (rules_lang(r, "english") != 0) {
		snprintf(err, errlen, "libstemmer has no English stemmer");
		goto fail;
	}
	if (rules_compile_classes(r, &failed, err, errlen) == -1) {
		if (failed >= 0) {
			const struct config_class *c = &cfg->classes[failed];
			char msg[512];

			snprintf(msg, sizeof(msg), "%s", err);
			if (c->file != NULL)
				snprintf(err, errlen, "%s:%d: class %s: %s",
				    c->file, c->line, c->name, msg);
			else
				snprintf(err, errlen, "class %s: %s", c->name,
				    msg);
		}
		goto fail;
	}

	for (i = 0; i < nr; i++) {
		rule = &cfg->rules[i];
		if ((l = rules_lang(r, rule->language)) == -1) {
			rules_where(rule, err, errlen, "libstemmer knows no "
			    "language \"%s\" (try english, french, german, "
			    "russian, arabic, ...)", rule->language);
			goto fail;
		}
		r->rule_lang[i] = l;
		if (rules_resolve_actors(cfg, rule, &rule->actors,
		    &r->rule_actor_ids[i], &r->rule_n_actor_ids[i],
		    &r->rule_any_actor[i], err, errlen) == -1 ||
		    rules_resolve_actors(cfg, rule, &rule->targets,
		    &r->rule_target_ids[i], &r->rule_n_target_ids[i],
		    &r->rule_any_target[i],
		    err, errlen) == -1)
			goto fail;
		if (rule->terms.n == 0) {
			rules_where(rule, err, errlen, "has no terms");
			goto fail;
		}
		for (k = 0; k < rule->terms.n; k++)
			if (rules_add_phrase(r, PAT_TERM, i, l, rule->terms.v[k],
			    err, errlen) == -1)
				goto fail_rule;
		for (k = 0; k < rule->exclude.n; k++)
			if (rules_add_phrase(r, PAT_EXCL, i, l,
			    rule->exclude.v[k], err, errlen) == -1)
				goto fail_rule;
		if (rule->has_negations)
			for (k = 0; k < rule->negations.n; k++)
				if (rules_add_phrase(r, PAT_NEG, i, l,
				    rule->negations.v[k], err, errlen) == -1)
					goto fail_rule;
		for (k = 0; k < rule->context.n; k++)
			if (rules_add_phrase(r, PAT_CONTEXT, i, l,
			    rule->context.v[k], err, errlen) == -1)
				goto fail_rule;
		for (k = 0; k < rule->raise.n; k++)
			if (rules_add_phrase(r, PAT_RAISE, i, l,
			    rule->raise.v[k], err, errlen) == -1)
				goto fail_rule;
		for (k = 0; k < rule->opposed_by.n; k++)
			if (rules_add_phrase(r, PAT_OPPOSED, i, l,
			    rule->opposed_by.v[k], err, errlen) == -1)
				goto fail_rule;
		if (rules_clause_keys(r, i, err, errlen) == -1)
			goto fail;
	}
	for (l = 0; l < r->n_langs; l++)
		r->clause_lang[l] = clause_lang_find(r->lang_name[l]);

	/* Shared cues and actors' names, once per language in use. */
	negs = &cfg->negations;
	for (l = 0; l < r->n_langs; l++) {
		if (negs->n > 0) {
			for (k = 0; k < negs->n; k++)
				if (rules_add_phrase(r, PAT_NEG, RULES_SHARED, l,
				    negs->v[k], err, errlen) == -1)
					goto fail_neg;
		} else {
			if (rules_add_words(r, PAT_NEG, RULES_SHARED, l,
			    rules_default_negations, err, errlen) == -1)
				goto fail;
			if (r->clause_lang[l] != NULL &&
			    rules_add_words(r, PAT_NEG, RULES_SHARED, l,
			    clause_lang_hesitate_verbs(r->clause_lang[l]), err,
			    errlen) == -1)
				goto fail;
		}
		for (i = 0; i < cfg->n_actors; i++)
			for (k = 0; k < cfg->actors[i].names.n; k++)
				if (rules_add_phrase(r, PAT_ACTOR, i, l,
				    cfg->actors[i].names.v[k], err, errlen)
				    == -1)
					goto fail_actor;
		for (i = 0; i < cfg->n_roles; i++)
			for (k = 0; k < cfg->roles[i].names.n; k++)
				if (rules_add_phrase(r, PAT_ROLE, i, l,
				    cfg->roles[i].names.v[k], err, errlen)
				    == -1)
					goto fail_role;
	}
	if (rules_filter_build(r) == -1 || rules_between_build(r) == -1 ||
	    rules_context_build(r) == -1)
		goto oom;
	return r;

fail_role:
	{
		char msg[512];
		const struct config_role *ro = &cfg->roles[i];

		snprintf(msg, sizeof(msg), "%s", err);
		if (ro->file != NULL)
			snprintf(err, errlen, "%s:%d: role %s: %s", ro->file,
			    ro->line, ro->name, msg);
		else
			snprintf(err, errlen, "role %s: %s", ro->name, msg);
	}
	goto fail;

fail_rule:
	{
		char msg[512];
		size_t len = strlen(err);

		/* A long phrase quoted whole pushes the reason, which ends
		 * the message, past the buffer: keep its start and the end. */
		if (len > 300)
			snprintf(msg, sizeof(msg), "%.150s ... %s", err,
			    err + len - 150);
		else
			snprintf(msg, sizeof(msg), "%s", err);
		rules_where(&cfg->rules[i], err, errlen, "%s", msg);
	}
	goto fail;
fail_neg:
	{
		char msg[512];

		snprintf(msg, sizeof(msg), "negations: %s", err);
		snprintf(err, errlen, "%s", msg);
	}
	goto fail;
fail_actor:
	{
		char msg[512];
		const struct config_actor *a = &cfg->actors[i];

		snprintf(msg, sizeof(msg), "%s", err);
		if (a->file != NULL)
			snprintf(err, errlen, "%s:%d: actor %s: %s", a->file,
			    a->line, a->name, msg);
		else
			snprintf(err, errlen, "actor %s: %s", a->name, msg);
	}
	goto fail;
oom:
	snprintf(err, errlen, "out of memory");
fail:
	rules_free(r);
	return NULL;
}

void
rules_free(struct rules *r)
{
	size_t i, nr;
	int l;

	if (r == NULL)
		return;
	nr = r->cfg->n_rules;
	for (l = 0; l < r->n_langs; l++)
		text_stemmer_free(r->stem[l]);
	for (i = 0; i < nr; i++) {
		if (r->rule_actor_ids != NULL)
			free(r->rule_actor_ids[i]);
		if (r->rule_target_ids != NULL)
			free(r->rule_target_ids[i]);
	}
	free(r->rule_lang);
	free(r->rule_any_actor);
	free(r->rule_any_target);
	free(r->rule_actor_ids);
	free(r->rule_n_actor_ids);
	free(r->rule_target_ids);
	free(r->rule_n_target_ids);
	free(r->rule_clauses);
	free(r->rule_tenses);
	free(r->rule_moods);
	free(r->rule_not_tenses);
	free(r->rule_not_moods);
	free(r->rule_kinds);
	free(r->class_id);
	memo_free(r->phrase_words);
	free(r->word_ids);
	free(r->class_single);
	if (r->member_single != NULL)
		for (i = 0; i < r->cfg->n_classes; i++)
			free(r->member_single[i]);
	free(r->member_single);
	free(r->class_off);
	free(r->class_of);
	if (r->words != NULL)
		for (i = 0; i < r->words_cap; i++)
			free(r->words[i].key);
	free(r->words);
	free(r->edges);
	free(r->nodes);
	free(r->outs);
	free(r->pats);
	rules_filter_free(r);
	free(r->rival_linked);
	free(r->context_first);
	cand_cache_free(r->cand_cache);
	free(r);
}
