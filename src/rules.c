/*
 * rules.c: actors and rules compiled into one trie over word ids (see
 * rules.h; matching is in rules_match.c, the actor of a hit in
 * rules_actor.c).
 *
 * Every phrase of the configuration (a term, an actor's alias, a negation
 * cue, an exclusion) becomes a path of word ids in one trie.  A word id
 * stands for a Snowball stem in one language, a prefix ("retaliat*"), a
 * word in capitals ("US"), any word (a lone "*") or a gap ("...").  For
 * each token of a text, rules_match.c looks up its few possible ids in a
 * hash table and walks the trie from there: the work per token depends
 * on the length of the longest phrase, never on how many there are.
 */
#include "autoconf.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "rules.h"
#include "rules_priv.h"
#include "text.h"

/* Negation cues for rules that set none, when the configuration has no
 * global `negations` either.  Two cues cancel each other ("did not rule
 * out strikes" is a threat). */
static const char *const rules_default_negations[] = {
	"not", "no", "never", "nor", "neither", "without", "no longer",
	"ruled out", "rule out", "rules out", "ruling out", "denied",
	"denies", "deny", "denying", "refused to", "refuses to",
	"unlikely to", "has no intention", "have no intention",
	"had no intention", "no plans to", "rejected", "dismissed",
	"far from", "instead of", "rather than", NULL
};

/* FNV-1a, as hash.c, over one buffer. */
static uint64_t
rules_hash(const char *s, size_t n)
{
	uint64_t h = UINT64_C(14695981039346656037);

	while (n-- > 0) {
		h ^= (unsigned char)*s++;
		h *= UINT64_C(1099511628211);
	}
	return h;
}

static uint64_t
rules_mix(uint64_t k)
{
	k ^= k >> 33;
	k *= UINT64_C(0xff51afd7ed558ccd);
	k ^= k >> 33;
	return k;
}

/* Word id of key, or -1. */
long
rules_word_find(const struct rules *r, const char *key, size_t len)
{
	uint64_t h = rules_hash(key, len);
	size_t i, mask = r->words_cap - 1;

	for (i = h & mask; r->words[i].key != NULL; i = (i + 1) & mask)
		if (r->words[i].hash == h && r->words[i].len == len &&
		    memcmp(r->words[i].key, key, len) == 0)
			return r->words[i].id;
	return -1;
}

static int
rules_word_grow(struct rules *r)
{
	struct rules_strslot *old = r->words, *nw;
	size_t i, j, cap = r->words_cap * 2, oldcap = r->words_cap;

	if ((nw = calloc(cap, sizeof(*nw))) == NULL)
		return -1;
	for (i = 0; i < oldcap; i++) {
		if (old[i].key == NULL)
			continue;
		for (j = old[i].hash & (cap - 1); nw[j].key != NULL;
		    j = (j + 1) & (cap - 1))
			;
		nw[j] = old[i];
	}
	free(old);
	r->words = nw;
	r->words_cap = cap;
	return 0;
}

/* Word id of key, added if new; -1 when out of memory. */
static long
rules_word_add(struct rules *r, const char *key, size_t len)
{
	long id;
	size_t i, mask;
	uint64_t h;

	if ((id = rules_word_find(r, key, len)) != -1)
		return id;
	if ((r->n_words + 1) * 2 > r->words_cap && rules_word_grow(r) == -1)
		return -1;
	h = rules_hash(key, len);
	mask = r->words_cap - 1;
	for (i = h & mask; r->words[i].key != NULL; i = (i + 1) & mask)
		;
	if ((r->words[i].key = malloc(len + 1)) == NULL)
		return -1;
	memcpy(r->words[i].key, key, len);
	r->words[i].key[len] = '\0';
	r->words[i].len = len;
	r->words[i].hash = h;
	r->words[i].id = (uint32_t)++r->n_words;	/* 0 is the wildcard */
	return r->words[i].id;
}

long
rules_edge_find(const struct rules *r, uint32_t node, uint32_t word)
{
	uint64_t key = ((uint64_t)(node + 1) << 32) | word;
	size_t i, mask = r->edges_cap - 1;

	for (i = rules_mix(key) & mask; r->edges[i].key != 0;
	    i = (i + 1) & mask)
		if (r->edges[i].key == key)
			return r->edges[i].child;
	return -1;
}

static int
rules_edge_put(struct rules *r, uint32_t node, uint32_t word, uint32_t child)
{
	struct rules_edgeslot *old = r->edges, *nw;
	uint64_t key = ((uint64_t)(node + 1) << 32) | word;
	size_t i, j, cap, mask;

	if ((r->n_edges + 1) * 2 > r->edges_cap) {
		cap = r->edges_cap * 2;
		if ((nw = calloc(cap, sizeof(*nw))) == NULL)
			return -1;
		for (i = 0; i < r->edges_cap; i++) {
			if (old[i].key == 0)
				continue;
			for (j = rules_mix(old[i].key) & (cap - 1);
			    nw[j].key != 0; j = (j + 1) & (cap - 1))
				;
			nw[j] = old[i];
		}
		free(old);
		r->edges = nw;
		r->edges_cap = cap;
	}
	mask = r->edges_cap - 1;
	for (i = rules_mix(key) & mask; r->edges[i].key != 0; i = (i + 1) & mask)
		;
	r->edges[i].key = key;
	r->edges[i].child = child;
	r->n_edges++;
	return 0;
}

static long
rules_node_new(struct rules *r)
{
	struct rules_node *n;
	size_t cap;

	if (r->n_nodes == r->cap_nodes) {
		cap = r->cap_nodes ? r->cap_nodes * 2 : 256;
		if ((n = realloc(r->nodes, cap * sizeof(*n))) == NULL)
			return -1;
		r->nodes = n;
		r->cap_nodes = cap;
	}
	r->nodes[r->n_nodes].out = -1;
	r->nodes[r->n_nodes].gaps = 0;
	return (long)r->n_nodes++;
}

/* N of "...N": 1 to GAP_MAX, or -1. */
static long
rules_gap_size(const char *digits, size_t n)
{
	long v = 0;
	size_t k;

	if (n > 2)
		return -1;
	for (k = 0; k < n; k++) {
		if (digits[k] < '0' || digits[k] > '9')
			return -1;
		v = v * 10 + (digits[k] - '0');
	}
	return v >= 1 && v <= RULES_GAP_MAX ? v : -1;
}

/* Key of a word id: a tag, then the language for stems, then text. */
size_t
rules_key(char *buf, size_t cap, char tag, int lang, const char *s, size_t n)
{
	size_t k = 0;

	if (n + 2 > cap)
		return 0;
	buf[k++] = tag;
	if (tag == 'E')
		buf[k++] = (char)('0' + lang);
	memcpy(buf + k, s, n);
	return k + n;
}

/* Is this the two- or three-letter word in capitals that matches only
 * in capitals ("US" is not "us")? */
static int
rules_caps_only(const struct text_token *t)
{
	return (t->flags & TEXT_CAPS) && t->fold_len >= 2 && t->fold_len <= 3;
}

static int
rules_add_output(struct rules *r, uint32_t node, uint32_t pat)
{
	struct rules_out *o;
	size_t cap;

	if (r->n_outs == r->cap_outs) {
		cap = r->cap_outs ? r->cap_outs * 2 : 256;
		if ((o = realloc(r->outs, cap * sizeof(*o))) == NULL)
			return -1;
		r->outs = o;
		r->cap_outs = cap;
	}
	r->outs[r->n_outs].pat = pat;
	r->outs[r->n_outs].next = r->nodes[node].out;
	r->nodes[node].out = (int32_t)r->n_outs++;
	return 0;
}

/*
 * Add one phrase.  Words are separated by blanks; a word may hold several
 * tokens ("de-escalat*" is "de" then "escalat*"); "*" at the end of a word
 * makes its last token a prefix; a lone "*" is any one word.
 */
static int
rules_add_phrase(struct rules *r, enum rules_kind kind, size_t owner,
    int lang, const char *text, char *err, size_t errlen)
{
	struct text_doc doc;
	struct rules_pat *p;
	const char *w, *we, *stem;
	char key[RULES_MAX_KEY];
	uint32_t node = 0;
	long word, child;
	size_t t, n, stem_len, depth = 0, cap;
	int prefix, last_gap = 0;

	for (w = text; *w != '\0'; w = we) {
		while (*w == ' ' || *w == '\t')
			w++;
		if (*w == '\0')
			break;
		for (we = w; *we != '\0' && *we != ' ' && *we != '\t'; we++)
			;
		if ((we - w == 1 && *w == '*') ||
		    (we - w >= 3 && strncmp(w, "...", 3) == 0)) {
			uint32_t special = RULES_WILDCARD;
			long gap = 0;

			if (*w == '.') {
				gap = RULES_GAP_DEFAULT;
				if (we - w > 3 && (gap = rules_gap_size(w + 3,
				    (size_t)(we - w - 3))) == -1) {
					snprintf(err, errlen, "phrase \"%s\": a gap "
					    "is \"...\" or \"...N\" with N from 1 "
					    "to %d", text, RULES_GAP_MAX);
					return -1;
				}
				special = RULES_GAP - (uint32_t)gap;
			}
			if (gap > 0 && (depth == 0 || last_gap ||
			    we[strspn(we, " \t")] == '\0')) {
				snprintf(err, errlen, "phrase \"%s\": \"...\" "
				    "goes between two words", text);
				return -1;
			}
			last_gap = gap > 0;
			if ((child = rules_edge_find(r, node, special)) == -1) {
				if ((child = rules_node_new(r)) == -1 ||
				    rules_edge_put(r, node, special,
				    (uint32_t)child) == -1)
					goto oom;
				if (gap > 0)
					r->nodes[node].gaps |= 1U << gap;
			}
			node = (uint32_t)child;
			depth++;
			continue;
		}
		last_gap = 0;
		prefix = we[-1] == '*';
		if (text_analyse(w, (size_t)(we - w), &doc) == -1) {
			text_doc_free(&doc);
			goto oom;
		}
		for (t = 0; t < doc.n_tokens; t++) {
			const struct text_token *tk = &doc.tokens[t];

			if (prefix && t + 1 == doc.n_tokens) {
				n = rules_key(key, sizeof(key), 'P', 0,
				    tk->fold, tk->fold_len);
				if (tk->fold_len > r->max_prefix)
					r->max_prefix = tk->fold_len;
			} else if (kind == PAT_ACTOR && rules_caps_only(tk)) {
				n = rules_key(key, sizeof(key), 'C', 0,
				    tk->fold, tk->fold_len);
				r->has_caps = 1;
			} else {
				stem = text_stem(r->stem[lang], tk->fold,
				    tk->fold_len, &stem_len);
				n = rules_key(key, sizeof(key), 'E', lang,
				    stem, stem_len);
			}
			if (n == 0 || (word = rules_word_add(r, key, n)) == -1) {
				text_doc_free(&doc);
				if (n == 0) {
					snprintf(err, errlen, "phrase \"%s\": a "
					    "word is too long", text);
					return -1;
				}
				goto oom;
			}
			if ((child = rules_edge_find(r, node, (uint32_t)word))
			    == -1) {
				if ((child = rules_node_new(r)) == -1 ||
				    rules_edge_put(r, node, (uint32_t)word,
				    (uint32_t)child) == -1) {
					text_doc_free(&doc);
					goto oom;
				}
			}
			node = (uint32_t)child;
			depth++;
		}
		text_doc_free(&doc);
	}
	if (depth == 0) {
		snprintf(err, errlen, "phrase \"%s\" has no words", text);
		return -1;
	}
	if (depth > RULES_MAX_DEPTH) {
		snprintf(err, errlen, "phrase \"%s\" has more than %d words",
		    text, RULES_MAX_DEPTH);
		return -1;
	}
	if (r->n_pats == r->cap_pats) {
		cap = r->cap_pats ? r->cap_pats * 2 : 256;
		if ((p = realloc(r->pats, cap * sizeof(*p))) == NULL)
			goto oom;
		r->pats = p;
		r->cap_pats = cap;
	}
	p = &r->pats[r->n_pats];
	p->kind = kind;
	p->owner = owner;
	p->lang = lang;
	p->text = text;
	if (rules_add_output(r, node, (uint32_t)r->n_pats) == -1)
		goto oom;
	r->n_pats++;
	return 0;
oom:
	snprintf(err, errlen, "out of memory");
	return -1;
}

/* Index of language name among the stemmers, added if new; -1 if
 * libstemmer does not know it. */
static int
rules_lang(struct rules *r, const char *name)
{
	int i;

	if (name == NULL || *name == '\0')
		name = "english";
	for (i = 0; i < r->n_langs; i++)
		if (strcmp(r->lang_name[i], name) == 0)
			return i;
	if (r->n_langs == RULES_MAX_LANGS)
		return -1;
	if ((r->stem[r->n_langs] = text_stemmer_new(name)) == NULL)
		return -1;
	r->lang_name[r->n_langs] = name;
	return r->n_langs++;
}

static long
rules_actor_index(const struct config *cfg, const char *name)
{
	size_t i;

	for (i = 0; i < cfg->n_actors; i++)
		if (strcmp(cfg->actors[i].name, name) == 0)
			return (long)i;
	return -1;
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
		if ((a = rules_actor_index(cfg, names->v[i])) == -1) {
			rules_where(rule, err, errlen, "no actor is named \"%s\" "
			    "(define it with actor NAME { names = {...} })",
			    names->v[i]);
			return -1;
		}
		(*ids)[(*n_ids)++] = (size_t)a;
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
	int l;

	if ((r = calloc(1, sizeof(*r))) == NULL)
		goto oom;
	r->cfg = cfg;
	r->words_cap = 1024;
	r->edges_cap = 1024;
	if ((r->words = calloc(r->words_cap, sizeof(*r->words))) == NULL ||
	    (r->edges = calloc(r->edges_cap, sizeof(*r->edges))) == NULL ||
	    rules_node_new(r) == -1)
		goto oom;
	if ((r->rule_lang = calloc(nr + 1, sizeof(int))) == NULL ||
	    (r->rule_any_actor = calloc(nr + 1, sizeof(int))) == NULL ||
	    (r->rule_any_target = calloc(nr + 1, sizeof(int))) == NULL ||
	    (r->rule_actor_ids = calloc(nr + 1, sizeof(size_t *))) == NULL ||
	    (r->rule_n_actor_ids = calloc(nr + 1, sizeof(size_t))) == NULL ||
	    (r->rule_target_ids = calloc(nr + 1, sizeof(size_t *))) == NULL ||
	    (r->rule_n_target_ids = calloc(nr + 1, sizeof(size_t))) == NULL)
		goto oom;
	if (rules_lang(r, "english") != 0) {
		snprintf(err, errlen, "libstemmer has no English stemmer");
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
	}

	/* Shared cues and actors' names, once per language in use. */
	negs = &cfg->negations;
	for (l = 0; l < r->n_langs; l++) {
		if (negs->n > 0) {
			for (k = 0; k < negs->n; k++)
				if (rules_add_phrase(r, PAT_NEG, RULES_SHARED, l,
				    negs->v[k], err, errlen) == -1)
					goto fail_neg;
		} else {
			for (k = 0; rules_default_negations[k] != NULL; k++)
				if (rules_add_phrase(r, PAT_NEG, RULES_SHARED, l,
				    rules_default_negations[k], err, errlen)
				    == -1)
					goto fail;
		}
		for (i = 0; i < cfg->n_actors; i++)
			for (k = 0; k < cfg->actors[i].names.n; k++)
				if (rules_add_phrase(r, PAT_ACTOR, i, l,
				    cfg->actors[i].names.v[k], err, errlen)
				    == -1)
					goto fail_actor;
	}
	return r;

fail_rule:
	{
		char msg[512];

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
	if (r->words != NULL)
		for (i = 0; i < r->words_cap; i++)
			free(r->words[i].key);
	free(r->words);
	free(r->edges);
	free(r->nodes);
	free(r->outs);
	free(r->pats);
	free(r);
}
