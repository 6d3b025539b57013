/*
 * rules.c: actors and rules compiled into one trie over word ids, then
 * matched sentence by sentence (see rules.h).
 *
 * Every phrase of the configuration (a term, an actor's alias, a negation
 * cue, an exclusion) becomes a path of word ids in one trie.  A word id
 * stands for a Snowball stem in one language, a prefix ("retaliat*"), a
 * word in capitals ("US") or any word (a lone "*").  For each token of
 * the text we look up its few possible ids in a hash table, then walk
 * the trie from each token: the work per token depends on the length of
 * the longest phrase, never on how many phrases there are.
 *
 * Then each sentence is judged: terms preceded by a negation cue in the
 * same clause are dropped, a rule's exclusions veto the sentence, and the
 * rule's actor and target conditions are checked.
 */
#include "autoconf.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "rules.h"
#include "text.h"

#define RULES_WILDCARD	0	/* word id of a lone "*" */
/* "..." is 0 to 3 words, "...N" 0 to N words (N up to GAP_MAX); the gap
 * of N words has word id GAP - N, and a node knows which it has. */
#define RULES_GAP	UINT32_MAX
#define RULES_GAP_DEFAULT 3
#define RULES_GAP_MAX	12
#define RULES_MAX_SPAN	64	/* tokens one occurrence may cover */
#define RULES_MAX_LANGS	8
#define RULES_NEG_REACH	8	/* tokens from a cue's end to the term */
#define RULES_MAX_DEPTH	32	/* words in one phrase */
#define RULES_MAX_CANDS	64	/* word ids one token may stand for */
#define RULES_MAX_KEY	600	/* bytes of a word id's key */

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

/* Words that open a new clause, so that a cue before them governs
 * nothing after them ("does not want war, but if ..."). */
static const char *const rules_clause_words[] = {
	"but", "however", "although", "though", "while", "whereas", "yet",
	"if", "unless", "because", "otherwise", "whether", "and", NULL
};

/* Verbs that report speech.  The actor of a term is looked for first
 * after the last of them ("officials said Iran had vowed ..."). */
static const char *const rules_speech_words[] = {
	"said", "say", "says", "saying", "added", "stated", "states",
	"claimed", "claims", "reported", "according", "announced",
	"insisted", "noted", "argued", "declared", "believes", "believe",
	"thinks", "wrote", "tweeted", "posted", "confirmed", "revealed",
	"told", "tells", "tell", "warned", "warns", "urged", "urges",
	"urge", "informed", "assured", "reminded", "called", "asked",
	"implored", "pressed", "press", NULL
};

/* Of those, the ones whose next word is the listener, not the speaker
 * ("Starmer told Pezeshkian that ..."). */
static const char *const rules_object_speech_words[] = {
	"told", "tells", "tell", "warned", "warns", "urged", "urges",
	"urge", "informed", "assured", "reminded", "called", "asked",
	"implored", "pressed", "press", NULL
};

/* A name after one of these is an object or a place, not who speaks
 * ("the killing of Haniyeh", "militants in Lebanon"). */
static const char *const rules_object_words[] = {
	"of", "to", "in", "on", "at", "by", "for", "from", "with", "against",
	"into", "onto", "toward", "towards", "over", "near", "across",
	"inside", "about", "via", "through", "between", "among", "than",
	"upon", "within", NULL
};

/* A name before one of these only qualifies the next one
 * ("Iran-backed Hezbollah", "Iranian-backed militias"). */
static const char *const rules_modifier_words[] = {
	"backed", "back", "allied", "aligned", "affiliated", "sponsored",
	"supported", "linked", "funded", "armed", "controlled", "led",
	"run", "based", "held", NULL
};

static const char *const rules_article_words[] = {
	"the", "a", "an", "its", "their", "his", "her", NULL
};

enum rules_kind {
	PAT_TERM,
	PAT_ACTOR,
	PAT_NEG,
	PAT_EXCL
};

#define RULES_SHARED	SIZE_MAX	/* owner of the shared negation cues */

struct rules_pat {
	enum rules_kind	 kind;
	size_t		 owner;		/* rule or actor index, or SHARED */
	int		 lang;
	const char	*text;		/* as written, borrowed */
};

struct rules_node {
	int32_t		 out;		/* first of its outputs, or -1 */
	uint32_t	 gaps;		/* bit N: it has a gap of N words */
};

struct rules_out {
	uint32_t	 pat;
	int32_t		 next;
};

struct rules_strslot {
	char		*key;		/* NULL: empty */
	size_t		 len;
	uint64_t	 hash;
	uint32_t	 id;
};

struct rules_edgeslot {
	uint64_t	 key;		/* 0: empty */
	uint32_t	 child;
};

struct rules {
	const struct config	 *cfg;
	struct text_stemmer	 *stem[RULES_MAX_LANGS];
	const char		 *lang_name[RULES_MAX_LANGS];
	int			  n_langs;
	int			 *rule_lang;	/* per rule */
	int			 *rule_any_actor;
	int			 *rule_any_target;
	size_t			**rule_actor_ids;	/* per rule, sorted list */
	size_t			 *rule_n_actor_ids;
	size_t			**rule_target_ids;
	size_t			 *rule_n_target_ids;

	struct rules_pat	 *pats;
	size_t			  n_pats, cap_pats;
	struct rules_node	 *nodes;
	size_t			  n_nodes, cap_nodes;
	struct rules_out	 *outs;
	size_t			  n_outs, cap_outs;
	struct rules_strslot	 *words;	/* word id by key */
	size_t			  words_cap, n_words;
	struct rules_edgeslot	 *edges;	/* child by (node, word id) */
	size_t			  edges_cap, n_edges;
	size_t			  max_prefix;	/* bytes of the longest prefix */
	int			  has_caps;
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
static long
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

static long
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
static size_t
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

/* A phrase found in the text: tokens [start, end). */
struct rules_occ {
	uint32_t	 pat;
	size_t		 start, end;
	uint64_t	 literal;	/* bit k: token start+k is one of the
					   phrase's own words, not a gap's */
};

struct rules_mention {
	size_t		 actor;
	size_t		 start, end;
};

/* Everything one call of rules_match works with. */
struct rules_run {
	const struct rules	*r;
	const char		*text;
	struct text_doc		 doc;
	uint32_t		*cands;		/* word ids, per token */
	size_t			*cand_off;	/* token i: cands[off[i]..off[i+1]) */
	struct rules_occ	*occs;
	size_t			 n_occs, cap_occs;
	struct rules_mention	*mentions;
	int			*allowed;	/* per mention, for one rule */
	size_t			 n_mentions;
	struct rules_result	*out;
	size_t			 cap_hits;
	rules_explain_fn	*explain;
	void			*arg;
};

/* The word ids token t may stand for; returns how many were written. */
static size_t
rules_token_cands(const struct rules *r, const struct text_token *t,
    uint32_t *ids)
{
	char key[RULES_MAX_KEY];
	const char *stem;
	size_t n = 0, k, klen, stem_len;
	long id;
	int l;

	ids[n++] = RULES_WILDCARD;
	if (t->fold_len + 2 > sizeof(key))
		return n;
	for (l = 0; l < r->n_langs; l++) {
		stem = text_stem(r->stem[l], t->fold, t->fold_len, &stem_len);
		klen = rules_key(key, sizeof(key), 'E', l, stem, stem_len);
		if (klen != 0 && (id = rules_word_find(r, key, klen)) != -1)
			ids[n++] = (uint32_t)id;
	}
	if (r->has_caps && (t->flags & TEXT_CAPS)) {
		klen = rules_key(key, sizeof(key), 'C', 0, t->fold, t->fold_len);
		if ((id = rules_word_find(r, key, klen)) != -1)
			ids[n++] = (uint32_t)id;
	}
	/* Every prefix up to the longest one in the rules, at code point
	 * boundaries. */
	for (k = 1; k <= t->fold_len && k <= r->max_prefix &&
	    n < RULES_MAX_CANDS; k++) {
		if (k < t->fold_len && ((unsigned char)t->fold[k] & 0xc0) == 0x80)
			continue;
		klen = rules_key(key, sizeof(key), 'P', 0, t->fold, k);
		if ((id = rules_word_find(r, key, klen)) != -1)
			ids[n++] = (uint32_t)id;
	}
	return n;
}

static int
rules_push_occ(struct rules_run *run, uint32_t pat, size_t start, size_t end,
    uint64_t literal)
{
	struct rules_occ *o;
	size_t cap;

	if (run->n_occs == run->cap_occs) {
		cap = run->cap_occs ? run->cap_occs * 2 : 64;
		if ((o = realloc(run->occs, cap * sizeof(*o))) == NULL)
			return -1;
		run->occs = o;
		run->cap_occs = cap;
	}
	o = &run->occs[run->n_occs++];
	o->pat = pat;
	o->start = start;
	o->end = end;
	o->literal = literal;
	return 0;
}

/*
 * Follow the trie from node with token j onwards; phrases begin at i.
 * literal marks the tokens matched by words of the phrase so far (a
 * wildcard's or a gap's are not: a negation cue there still counts).
 */
static int
rules_walk(struct rules_run *run, uint32_t node, size_t i, size_t j,
    size_t end, uint64_t literal)
{
	const struct rules *r = run->r;
	uint64_t lit;
	size_t c, skip;
	uint32_t gap;
	long child;
	int32_t o;

	if (j - i >= RULES_MAX_SPAN)
		return 0;
	for (gap = 1; r->nodes[node].gaps >> gap != 0; gap++) {
		if (!((r->nodes[node].gaps >> gap) & 1) ||
		    (child = rules_edge_find(r, node, RULES_GAP - gap)) == -1)
			continue;
		for (skip = 0; skip <= gap && j + skip < end; skip++)
			if (rules_walk(run, (uint32_t)child, i, j + skip, end,
			    literal) == -1)
				return -1;
	}
	for (c = run->cand_off[j]; c < run->cand_off[j + 1]; c++) {
		if ((child = rules_edge_find(r, node, run->cands[c])) == -1)
			continue;
		lit = literal;
		if (run->cands[c] != RULES_WILDCARD)
			lit |= UINT64_C(1) << (j - i);
		for (o = r->nodes[child].out; o != -1; o = r->outs[o].next)
			if (rules_push_occ(run, r->outs[o].pat, i, j + 1, lit)
			    == -1)
				return -1;
		if (j + 1 < end && rules_walk(run, (uint32_t)child, i, j + 1,
		    end, lit) == -1)
			return -1;
	}
	return 0;
}

static int
rules_is_clause_word(const struct text_token *t)
{
	size_t k;

	for (k = 0; rules_clause_words[k] != NULL; k++)
		if (strcmp(t->fold, rules_clause_words[k]) == 0)
			return 1;
	return 0;
}

/* First token of the clause that holds token ts of the sentence. */
static size_t
rules_clause_start(const struct rules_run *run, const struct text_sentence *sn,
    size_t ts)
{
	size_t k;

	for (k = ts; k > sn->first; k--)
		if ((run->doc.tokens[k].flags & TEXT_CLAUSE) ||
		    rules_is_clause_word(&run->doc.tokens[k]))
			return k;
	return sn->first;
}

/*
 * Is the term occurrence t of rule ri negated?  The cues that stand in
 * its clause, before it and close to it, are counted without overlaps;
 * an odd count negates ("did not rule out strikes" has two).  *cue gets
 * the nearest one for --explain.
 */
static int
rules_negated(const struct rules_run *run, const struct text_sentence *sn,
    size_t ri, const struct rules_occ *t, const char **cue)
{
	const struct rules *r = run->r;
	const struct config_rule *rule = &r->cfg->rules[ri];
	const struct rules_occ *o, *best;
	size_t cs, pos, count = 0, k, j;

	cs = rules_clause_start(run, sn, t->start);
	*cue = NULL;
	/* Greedy left to right: at each position the longest cue wins.
	 * Cues inside the term count only in its gaps ("would not ...
	 * attack"), never in its own words ("will not hesitate"). */
	for (pos = cs; pos < t->end; ) {
		best = NULL;
		for (k = 0; k < run->n_occs; k++) {
			o = &run->occs[k];
			if (r->pats[o->pat].kind != PAT_NEG || o->start != pos ||
			    o->end > t->end)
				continue;
			if (o->end <= t->start &&
			    t->start - o->end > RULES_NEG_REACH)
				continue;
			if (rule->has_negations ? r->pats[o->pat].owner != ri :
			    (r->pats[o->pat].owner != RULES_SHARED ||
			    r->pats[o->pat].lang != r->rule_lang[ri]))
				continue;
			for (j = o->start; j < o->end; j++)
				if (j >= t->start &&
				    (t->literal >> (j - t->start)) & 1)
					break;
			if (j < o->end)
				continue;
			if (best == NULL || o->end > best->end)
				best = o;
		}
		if (best != NULL) {
			count++;
			*cue = r->pats[best->pat].text;
			pos = best->end;
		} else
			pos++;
	}
	return count % 2 == 1;
}

/* Actors named in the sentence: the longest name wins where two overlap
 * ("Islamic Republic of Iran" over "Iran"). */
static int
rules_find_mentions(struct rules_run *run)
{
	const struct rules *r = run->r;
	struct rules_mention *m;
	const struct rules_occ *o;
	size_t k, j, n = 0;
	int overlap;

	free(run->mentions);
	free(run->allowed);
	run->mentions = NULL;
	run->n_mentions = 0;
	if ((run->allowed = calloc(run->n_occs + 1, sizeof(int))) == NULL)
		return -1;
	if ((m = calloc(run->n_occs + 1, sizeof(*m))) == NULL)
		return -1;
	for (k = 0; k < run->n_occs; k++) {
		o = &run->occs[k];
		if (r->pats[o->pat].kind != PAT_ACTOR)
			continue;
		overlap = 0;
		for (j = 0; j < n; j++) {
			if (o->start >= m[j].end || o->end <= m[j].start)
				continue;
			overlap = 1;
			if (o->end - o->start > m[j].end - m[j].start) {
				m[j].actor = r->pats[o->pat].owner;
				m[j].start = o->start;
				m[j].end = o->end;
			}
			break;
		}
		if (!overlap) {
			m[n].actor = r->pats[o->pat].owner;
			m[n].start = o->start;
			m[n].end = o->end;
			n++;
		}
	}
	/* text order, for "actors in text order" */
	for (k = 1; k < n; k++)
		for (j = k; j > 0 && m[j - 1].start > m[j].start; j--) {
			struct rules_mention tmp = m[j];

			m[j] = m[j - 1];
			m[j - 1] = tmp;
		}
	run->mentions = m;
	run->n_mentions = n;
	return 0;
}

static const char *const rules_severity_names[] = {
	"info", "low", "medium", "high", "critical"
};

static void
rules_hit_clear(struct rule_hit *h)
{
	size_t k;

	free(h->sentence);
	for (k = 0; k < h->n_terms; k++)
		free(h->terms[k]);
	free(h->terms);
	for (k = 0; k < h->n_actors; k++)
		free(h->actors[k]);
	free(h->actors);
	for (k = 0; k < h->n_targets; k++)
		free(h->targets[k]);
	free(h->targets);
	memset(h, 0, sizeof(*h));
}

static int
rules_has_id(const size_t *ids, size_t n, size_t id)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (ids[k] == id)
			return 1;
	return 0;
}

static size_t
rules_distance(size_t as, size_t ae, size_t bs, size_t be)
{
	if (ae <= bs)
		return bs - ae;
	if (be <= as)
		return as - be;
	return 0;
}

static void
rules_say(struct rules_run *run, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
rules_say(struct rules_run *run, const char *fmt, ...)
{
	char line[2048];
	va_list ap;

	if (run->explain == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	run->explain(run->arg, line);
}

static int
rules_add_string(char ***v, size_t *n, const char *s)
{
	char **nv;
	size_t k;

	for (k = 0; k < *n; k++)
		if (strcmp((*v)[k], s) == 0)
			return 0;
	if ((nv = realloc(*v, (*n + 1) * sizeof(*nv))) == NULL)
		return -1;
	*v = nv;
	if ((nv[*n] = strdup(s)) == NULL)
		return -1;
	(*n)++;
	return 0;
}

/* Join a hit's strings for --explain. */
static void
rules_join(char *buf, size_t len, char **v, size_t n)
{
	size_t k, used = 0;

	buf[0] = '\0';
	for (k = 0; k < n && used < len; k++)
		used += (size_t)snprintf(buf + used, len - used, "%s\"%s\"",
		    k ? ", " : "", v[k]);
	if (n == 0)
		snprintf(buf, len, "(none)");
}

static int
rules_in(const struct text_token *t, const char *const *words)
{
	size_t k;

	for (k = 0; words[k] != NULL; k++)
		if (strcmp(t->fold, words[k]) == 0)
			return 1;
	return 0;
}

/* May mention m stand as rule ri's actor (the list, the window)? */
static int
rules_allowed(const struct rules_run *run, size_t ri,
    const struct rules_mention *m)
{
	const struct rules *r = run->r;
	const struct config_rule *rule = &r->cfg->rules[ri];
	const struct rules_occ *o;
	size_t j;

	if (!r->rule_any_actor[ri] && r->rule_n_actor_ids[ri] > 0 &&
	    !rules_has_id(r->rule_actor_ids[ri], r->rule_n_actor_ids[ri],
	    m->actor))
		return 0;
	if (rule->window <= 0)
		return 1;
	for (j = 0; j < run->n_occs; j++) {
		o = &run->occs[j];
		if (r->pats[o->pat].kind == PAT_TERM &&
		    r->pats[o->pat].owner == ri && rules_distance(m->start,
		    m->end, o->start, o->end) <= (size_t)rule->window)
			return 1;
	}
	return 0;
}

/*
 * Could mention k be the one who acts, by the words around it?  Not
 * after a preposition (skipping an article), not before "backed", not
 * right after a verb that takes a listener; a name joined by "and" to
 * one that cannot act cannot either.
 */
static int
rules_can_act(const struct rules_run *run, const struct text_sentence *sn,
    size_t k)
{
	const struct text_token *tok = run->doc.tokens;
	const struct rules_mention *m = &run->mentions[k];
	size_t p = m->start;

	if (m->end < sn->first + sn->n_tokens &&
	    rules_in(&tok[m->end], rules_modifier_words))
		return 0;
	while (p > sn->first && rules_in(&tok[p - 1], rules_article_words))
		p--;
	if (p == sn->first)
		return 1;
	if (rules_in(&tok[p - 1], rules_object_words) ||
	    rules_in(&tok[p - 1], rules_object_speech_words))
		return 0;
	if ((strcmp(tok[p - 1].fold, "and") == 0 ||
	    strcmp(tok[p - 1].fold, "or") == 0) && k > 0 &&
	    run->mentions[k - 1].end == p - 1)
		return rules_can_act(run, sn, k - 1);
	return 1;
}

/* The first mention in tokens [from, to) that is allowed and can act. */
static const struct rules_mention *
rules_first_actor(const struct rules_run *run, const struct text_sentence *sn,
    size_t from, size_t to)
{
	size_t k;

	for (k = 0; k < run->n_mentions; k++) {
		const struct rules_mention *m = &run->mentions[k];

		if (m->start >= from && m->end <= to && run->allowed[k] &&
		    rules_can_act(run, sn, k))
			return m;
	}
	return NULL;
}

/* In tokens [from, to): after the last verb of speech, else before it. */
static const struct rules_mention *
rules_speaker(const struct rules_run *run, const struct text_sentence *sn,
    size_t from, size_t to)
{
	const struct rules_mention *m;
	size_t k, speech = SIZE_MAX;

	for (k = from; k < to; k++)
		if (rules_in(&run->doc.tokens[k], rules_speech_words))
			speech = k;
	if (speech == SIZE_MAX)
		return rules_first_actor(run, sn, from, to);
	if ((m = rules_first_actor(run, sn, speech + 1, to)) != NULL)
		return m;
	return rules_first_actor(run, sn, from, speech);
}

/*
 * Who acts in a sentence whose first term starts at token ts: looked
 * for in the term's clause, then in the sentence before the term (the
 * speaker keeps the reported vow: "US officials said Iran had vowed to
 * retaliate" is Iran's), then the first allowed name after it ("'We will
 * respond,' Iran said").
 */
static const struct rules_mention *
rules_subject(const struct rules_run *run, const struct text_sentence *sn,
    size_t ts)
{
	const struct rules_mention *m;
	size_t k;

	if ((m = rules_speaker(run, sn, rules_clause_start(run, sn, ts), ts))
	    != NULL)
		return m;
	if ((m = rules_speaker(run, sn, sn->first, ts)) != NULL)
		return m;
	for (k = 0; k < run->n_mentions; k++)
		if (run->allowed[k] && run->mentions[k].start >= ts)
			return &run->mentions[k];
	for (k = 0; k < run->n_mentions; k++)
		if (run->allowed[k])
			return &run->mentions[k];
	return NULL;
}

/* Judge rule ri on sentence sn; append a hit if it fires. */
static int
rules_judge(struct rules_run *run, const struct text_sentence *sn, size_t ri)
{
	const struct rules *r = run->r;
	const struct config_rule *rule = &r->cfg->rules[ri];
	const struct rules_occ *o, *first = NULL;
	const struct rules_mention *m, *subject = NULL;
	const char *cue, *stext;
	struct rule_hit hit, *nh;
	size_t k, slen, cap;
	int needed, found;
	char list[512];

	memset(&hit, 0, sizeof(hit));
	stext = run->text + sn->start;
	slen = sn->end - sn->start;

	for (k = 0; k < run->n_occs; k++) {
		o = &run->occs[k];
		if (r->pats[o->pat].kind == PAT_EXCL &&
		    r->pats[o->pat].owner == ri) {
			rules_say(run, "cancelled: rule %s: exclusion \"%s\" "
			    "vetoes the sentence: %.*s", rule->name,
			    r->pats[o->pat].text, (int)slen, stext);
			return 0;
		}
	}
	for (k = 0; k < run->n_occs; k++) {
		o = &run->occs[k];
		if (r->pats[o->pat].kind != PAT_TERM ||
		    r->pats[o->pat].owner != ri)
			continue;
		if (rules_negated(run, sn, ri, o, &cue)) {
			rules_say(run, "cancelled: rule %s: term \"%s\" is "
			    "negated by \"%s\": %.*s", rule->name,
			    r->pats[o->pat].text, cue, (int)slen, stext);
			continue;
		}
		if (first == NULL || o->start < first->start)
			first = o;
		if (rules_add_string(&hit.terms, &hit.n_terms,
		    r->pats[o->pat].text) == -1)
			goto oom;
	}
	if (first == NULL)
		goto cancelled;

	/* The actor condition, then the actor of the hit (rules_subject). */
	needed = r->rule_any_actor[ri] || r->rule_n_actor_ids[ri] > 0;
	found = 0;
	for (k = 0; k < run->n_mentions; k++) {
		m = &run->mentions[k];
		run->allowed[k] = rules_allowed(run, ri, m);
		if (run->allowed[k])
			found = 1;
	}
	subject = rules_subject(run, sn, first->start);
	if (needed && !found) {
		rules_say(run, "cancelled: rule %s: no actor %s: %.*s",
		    rule->name, rule->window > 0 ? "within the window" :
		    "in the sentence", (int)slen, stext);
		goto cancelled;
	}
	if (subject != NULL && rules_add_string(&hit.actors, &hit.n_actors,
	    r->cfg->actors[subject->actor].name) == -1)
		goto oom;

	/* Targets: the other actors named after the subject. */
	found = 0;
	for (k = 0; k < run->n_mentions; k++) {
		m = &run->mentions[k];
		if (subject != NULL && (m->actor == subject->actor ||
		    m->start < subject->end))
			continue;
		if (rules_add_string(&hit.targets, &hit.n_targets,
		    r->cfg->actors[m->actor].name) == -1)
			goto oom;
		if (r->rule_any_target[ri] || rules_has_id(
		    r->rule_target_ids[ri], r->rule_n_target_ids[ri], m->actor))
			found = 1;
	}
	if (rule->targets.n > 0 && !found) {
		rules_say(run, "cancelled: rule %s: no target among its "
		    "targets: %.*s", rule->name, (int)slen, stext);
		goto cancelled;
	}

	hit.rule = rule;
	hit.start = sn->start;
	hit.end = sn->end;
	if ((hit.sentence = strndup(stext, slen)) == NULL)
		goto oom;
	if (run->out->n_hits == run->cap_hits) {
		cap = run->cap_hits ? run->cap_hits * 2 : 8;
		if ((nh = realloc(run->out->hits, cap * sizeof(*nh))) == NULL)
			goto oom;
		run->out->hits = nh;
		run->cap_hits = cap;
	}
	if (run->explain != NULL) {
		char terms[512], actors[256];

		rules_join(terms, sizeof(terms), hit.terms, hit.n_terms);
		rules_join(actors, sizeof(actors), hit.actors, hit.n_actors);
		rules_join(list, sizeof(list), hit.targets, hit.n_targets);
		rules_say(run, "hit: rule %s (%s, %s): terms %s; actors %s; "
		    "targets %s: %s", rule->name, rule->category,
		    rules_severity_names[rule->severity], terms, actors, list,
		    hit.sentence);
	}
	run->out->hits[run->out->n_hits++] = hit;
	return 0;

cancelled:
	rules_hit_clear(&hit);
	return 0;
oom:
	rules_hit_clear(&hit);
	return -1;
}

/*
 * One hit per category and sentence: where two rules of a category fire
 * on the same sentence ("vowed to retaliate" is a vow and talk of
 * retaliation), the more severe one stays, or the first of equals.
 */
static void
rules_keep_strongest(struct rules_run *run, size_t h0)
{
	struct rule_hit *h = run->out->hits;
	size_t i, j, n = run->out->n_hits;

	for (i = h0; i < n; i++) {
		for (j = h0; j < n; j++) {
			if (i == j || strcmp(h[i].rule->category,
			    h[j].rule->category) != 0)
				continue;
			if (h[j].rule->severity > h[i].rule->severity ||
			    (h[j].rule->severity == h[i].rule->severity &&
			    j < i))
				break;
		}
		if (j < n) {
			rules_say(run, "superseded: rule %s by rule %s on the "
			    "same sentence", h[i].rule->name, h[j].rule->name);
			rules_hit_clear(&h[i]);
			memmove(&h[i], &h[i + 1], (n - i - 1) * sizeof(*h));
			n--;
			i--;
		}
	}
	run->out->n_hits = n;
}

/* Match one sentence: find its phrases, then judge each rule that has a
 * term in it (only those: no loop over all rules). */
static int
rules_sentence(struct rules_run *run, const struct text_sentence *sn)
{
	const struct rules *r = run->r;
	size_t i, k, j, n_rules = 0, *touched, h0;
	int rc = 0;

	run->n_occs = 0;
	for (i = sn->first; i < sn->first + sn->n_tokens; i++)
		if (rules_walk(run, 0, i, i, sn->first + sn->n_tokens, 0) == -1)
			return -1;
	if (run->n_occs == 0)
		return 0;
	if (rules_find_mentions(run) == -1)
		return -1;
	if ((touched = calloc(run->n_occs, sizeof(*touched))) == NULL)
		return -1;
	for (k = 0; k < run->n_occs; k++) {
		const struct rules_pat *p = &r->pats[run->occs[k].pat];

		if (p->kind != PAT_TERM)
			continue;
		for (j = 0; j < n_rules && touched[j] != p->owner; j++)
			;
		if (j == n_rules)
			touched[n_rules++] = p->owner;
	}
	/* rules in configuration order, for stable output */
	for (k = 1; k < n_rules; k++)
		for (j = k; j > 0 && touched[j - 1] > touched[j]; j--) {
			size_t tmp = touched[j];

			touched[j] = touched[j - 1];
			touched[j - 1] = tmp;
		}
	h0 = run->out->n_hits;
	for (k = 0; k < n_rules && rc == 0; k++)
		rc = rules_judge(run, sn, touched[k]);
	free(touched);
	if (rc == 0)
		rules_keep_strongest(run, h0);
	return rc;
}

int
rules_match_explain(const struct rules *r, const char *title,
    const char *body, struct rules_result *out, rules_explain_fn *explain,
    void *arg)
{
	struct rules_run run;
	uint32_t ids[RULES_MAX_CANDS];
	size_t tl, bl, i, n, total = 0;
	char *text = NULL;
	int rc = -1;

	memset(out, 0, sizeof(*out));
	memset(&run, 0, sizeof(run));
	run.r = r;
	run.out = out;
	run.explain = explain;
	run.arg = arg;
	if (title == NULL)
		title = "";
	tl = strlen(title);
	bl = body != NULL ? strlen(body) : 0;
	if ((text = malloc(tl + bl + 2)) == NULL)
		return -1;
	memcpy(text, title, tl);
	text[tl] = '\n';
	if (bl > 0)
		memcpy(text + tl + 1, body, bl);
	text[tl + 1 + bl] = '\0';
	run.text = text;

	if (text_analyse(text, tl + 1 + bl, &run.doc) == -1)
		goto done;
	if ((run.cand_off = calloc(run.doc.n_tokens + 1,
	    sizeof(*run.cand_off))) == NULL)
		goto done;
	for (i = 0; i < run.doc.n_tokens; i++) {
		uint32_t *nc;

		n = rules_token_cands(r, &run.doc.tokens[i], ids);
		if ((nc = realloc(run.cands, (total + n) * sizeof(*nc))) ==
		    NULL)
			goto done;
		run.cands = nc;
		memcpy(run.cands + total, ids, n * sizeof(*ids));
		run.cand_off[i] = total;
		total += n;
		run.cand_off[i + 1] = total;
	}
	for (i = 0; i < run.doc.n_sentences; i++)
		if (rules_sentence(&run, &run.doc.sentences[i]) == -1)
			goto done;
	rc = 0;
done:
	if (rc == -1)
		rules_result_free(out);
	free(run.cands);
	free(run.cand_off);
	free(run.occs);
	free(run.mentions);
	free(run.allowed);
	text_doc_free(&run.doc);
	free(text);
	return rc;
}

int
rules_match(const struct rules *r, const char *title, const char *body,
    struct rules_result *out)
{
	return rules_match_explain(r, title, body, out, NULL, NULL);
}

void
rules_result_free(struct rules_result *res)
{
	size_t k;

	for (k = 0; k < res->n_hits; k++)
		rules_hit_clear(&res->hits[k]);
	free(res->hits);
	res->hits = NULL;
	res->n_hits = 0;
}
