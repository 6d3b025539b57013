/*
 * rules_trie.c: the trie of word ids that every phrase of the
 * configuration becomes (a term, an actor's or a role's name, a negation
 * cue, an exclusion, a raise phrase), and the word classes in it.
 *
 * A word id stands for a Snowball stem in one language, a prefix
 * ("retaliat*"), an exact form ("=aide"), a word in capitals ("US"),
 * any word (a lone "*"), a gap
 * ("...") or a word class ("@force").  For each token of a text,
 * rules_match.c looks up its few possible ids in a hash table and walks
 * the trie from there: the work per token depends on the length of the
 * longest phrase, never on how many there are.
 *
 * A class is one edge, not a list of paths: a token whose id is a
 * single-word member of a class also stands for the class's id (the
 * class_of map that rules.c makes), so "@modal ...6 @force" is one path
 * however long the classes are.  Only multiword members ("is going to")
 * are spelt out as paths of their own.
 */
#include "autoconf.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "memo.h"
#include "rules.h"
#include "rules_priv.h"
#include "text.h"

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
long
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

/* The child of node by word id, or -1, from the table of edges (callers
 * ask rules_edge_find, which reads the node's bits first). */
long
rules_edge_lookup(const struct rules *r, uint32_t node, uint32_t word)
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
	r->nodes[node].words |= UINT64_C(1) << (word & 63);
	return 0;
}

long
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
	r->nodes[r->n_nodes].words = 0;
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

/* One phrase being added: its pattern and what its paths share. */
struct rules_phrase {
	struct rules	*r;
	enum rules_kind	 kind;
	int		 lang;
	const char	*text;		/* as written, for messages */
	uint32_t	 pat;
	size_t		 paths;		/* ends reached, bounded */
	char		*err;
	size_t		 errlen;
};

/* The form of a phrase's word of len bytes: "=" before it asks for its
 * exact form, "*" after it for a prefix (which "=" does not change). */
enum rules_form
rules_word_form(const char *word, size_t len)
{
	if (len > 0 && word[len - 1] == '*')
		return RULES_PREFIX;
	return len > 1 && word[0] == '=' ? RULES_EXACT : RULES_STEM;
}

/* The key of one token of a phrase's word, in form (a prefix applies to
 * the word's last token only); 0 if it is too long. */
size_t
rules_token_key(struct rules *r, enum rules_kind kind, int lang,
    const struct text_token *tk, enum rules_form form, char *key, size_t cap)
{
	const char *stem;
	size_t stem_len;

	if (form == RULES_EXACT) {
		r->has_exact = 1;
		return rules_key(key, cap, 'X', 0, tk->fold, tk->fold_len);
	}
	if (form == RULES_PREFIX) {
		if (tk->fold_len > r->max_prefix)
			r->max_prefix = tk->fold_len;
		r->prefix_lens |= UINT64_C(1) << (tk->fold_len < 63 ?
		    tk->fold_len : 63);
		return rules_key(key, cap, 'P', 0, tk->fold, tk->fold_len);
	}
	if ((kind == PAT_ACTOR || kind == PAT_ROLE) && rules_caps_only(tk)) {
		r->has_caps = 1;
		return rules_key(key, cap, 'C', 0, tk->fold, tk->fold_len);
	}
	stem = text_stem(r->stem[lang], tk->fold, tk->fold_len, &stem_len);
	return rules_key(key, cap, 'E', lang, stem, stem_len);
}

/* The child of node by word, made if new; -1 when out of memory. */
static long
rules_child(struct rules *r, uint32_t node, uint32_t word)
{
	long child;

	if ((child = rules_edge_find(r, node, word)) != -1)
		return child;
	if ((child = rules_node_new(r)) == -1 ||
	    rules_edge_put(r, node, word, (uint32_t)child) == -1)
		return -1;
	return child;
}

/* Index of class name (n bytes), or -1. */
long
rules_class_index(const struct config *cfg, const char *name, size_t n)
{
	size_t i;

	/* Asked for every class a phrase names, as each phrase is spelt
	 * out (10,000 times for the default rules): the first byte and
	 * then the name compared, not strlen of every class's name. */
	for (i = 0; i < cfg->n_classes; i++)
		if ((n == 0 || cfg->classes[i].name[0] == name[0]) &&
		    strncmp(cfg->classes[i].name, name, n) == 0 &&
		    cfg->classes[i].name[n] == '\0')
			return (long)i;
	return -1;
}

/* Is this member of a class one word of one token, that is one edge? */
int
rules_member_single(const char *m)
{
	struct text_doc doc;
	size_t n;
	int single;

	m += strspn(m, " \t");
	n = strcspn(m, " \t");
	if (n == 0 || m[n + strspn(m + n, " \t")] != '\0' || *m == '@' ||
	    (n == 1 && *m == '*') || strncmp(m, "...", 3) == 0)
		return 0;
	if (text_analyse(m, n, &doc) == -1) {
		text_doc_free(&doc);
		return 0;
	}
	single = doc.n_tokens == 1;
	text_doc_free(&doc);
	return single;
}

static int rules_path(struct rules_phrase *, uint32_t node, const char *w,
    size_t depth, int last_gap, int nest);

/* member, a blank, then rest, in a new string; NULL out of memory.  A
 * class's multiword members are spelt out anew before the rest of every
 * phrase that uses the class, tens of thousands of times for the
 * default rules: asprintf's format cost the load more than the copy. */
char *
rules_member_join(const char *member, const char *rest)
{
	size_t lm = strlen(member), lr = strlen(rest);
	char *s;

	if ((s = malloc(lm + lr + 2)) == NULL)
		return NULL;
	memcpy(s, member, lm);
	s[lm] = ' ';
	memcpy(s + lm + 1, rest, lr + 1);
	return s;
}

/*
 * The multiword members of class k (and of the classes it uses), each
 * followed by rest, from node: a single-word member is the class's one
 * edge instead.
 */
static int
rules_class_paths(struct rules_phrase *ph, uint32_t node, size_t k,
    const char *rest, size_t depth, int last_gap, int nest)
{
	const struct config_class *c = &ph->r->cfg->classes[k];
	const char *m;
	char *joined;
	size_t i, n;
	long d;
	int rc;

	if (nest > RULES_MAX_NEST) {
		snprintf(ph->err, ph->errlen, "phrase \"%s\": classes are "
		    "nested more than %d deep (does a class use itself?)",
		    ph->text, RULES_MAX_NEST);
		return -1;
	}
	for (i = 0; i < c->words.n; i++) {
		m = c->words.v[i] + strspn(c->words.v[i], " \t");
		n = strcspn(m, " \t");
		if (*m == '@' && m[n + strspn(m + n, " \t")] == '\0') {
			if ((d = rules_class_index(ph->r->cfg, m + 1, n - 1))
			    == -1) {
				snprintf(ph->err, ph->errlen, "class %s: @%.*s "
				    "names no class", c->name, (int)(n - 1),
				    m + 1);
				return -1;
			}
			if (rules_class_paths(ph, node, (size_t)d, rest, depth,
			    last_gap, nest + 1) == -1)
				return -1;
			continue;
		}
		if (ph->r->member_single[k][i])
			continue;
		if ((joined = rules_member_join(m, rest)) == NULL) {
			snprintf(ph->err, ph->errlen, "out of memory");
			return -1;
		}
		rc = rules_path(ph, node, joined, depth, last_gap, nest + 1);
		free(joined);
		if (rc == -1)
			return -1;
	}
	return 0;
}

/* The end of one path of a phrase: its pattern is an output there. */
static int
rules_path_end(struct rules_phrase *ph, uint32_t node, size_t depth)
{
	struct rules *r = ph->r;
	int32_t o;

	if (depth == 0) {
		snprintf(ph->err, ph->errlen, "phrase \"%s\" has no words",
		    ph->text);
		return -1;
	}
	if (depth > RULES_MAX_DEPTH) {
		snprintf(ph->err, ph->errlen, "phrase \"%s\" has more than %d "
		    "words", ph->text, RULES_MAX_DEPTH);
		return -1;
	}
	if (++ph->paths > RULES_MAX_PATHS) {
		snprintf(ph->err, ph->errlen, "phrase \"%s\" stands for more "
		    "than %d phrases; make its classes' members single words",
		    ph->text, RULES_MAX_PATHS);
		return -1;
	}
	for (o = r->nodes[node].out; o != -1; o = r->outs[o].next)
		if (r->outs[o].pat == ph->pat)
			return 0;
	if (rules_add_output(r, node, ph->pat) == -1) {
		snprintf(ph->err, ph->errlen, "out of memory");
		return -1;
	}
	return 0;
}

/* Bounds of the memo of a phrase's words (rules_word_ids): a few
 * thousand distinct words, each a handful of ids. */
#define PHRASE_WORDS_SLOTS	8192
#define PHRASE_WORDS_ARENA	(256 * 1024)
#define PHRASE_WORDS_KEY_MAX	255
#define PHRASE_WORDS_VAL_MAX	(64 * sizeof(uint32_t))

/*
 * The word ids of the len bytes at w, one word of a phrase (one id per
 * token, as rules_token_key keys it), in ph->r->word_ids; their number
 * in *n.  0, or -1 with ph->err set.  The same words are asked for again
 * and again: a class's multiword members are spelt out anew in every
 * phrase that uses the class, and the ids do not change (they depend
 * on the word, on whether the phrase names an actor or a role, and on
 * its language); an analysis and a stem cost more than the memo.
 */
static int
rules_word_ids(struct rules_phrase *ph, const char *w, size_t len,
    size_t *n)
{
	struct rules *r = ph->r;
	struct text_doc doc;
	const void *val;
	char key[RULES_MAX_KEY];
	enum rules_form form;
	size_t t, k, val_len;
	uint32_t *grown;
	long word;
	unsigned tag = (unsigned)ph->lang * 2 + (ph->kind == PAT_ACTOR ||
	    ph->kind == PAT_ROLE);

	if (r->phrase_words == NULL)	/* without it, no memo: slower */
		r->phrase_words = memo_new(PHRASE_WORDS_SLOTS,
		    PHRASE_WORDS_ARENA, PHRASE_WORDS_KEY_MAX,
		    PHRASE_WORDS_VAL_MAX, sizeof(uint32_t));
	if (r->phrase_words != NULL && (val = memo_get(r->phrase_words, tag,
	    w, len, &val_len)) != NULL) {
		*n = val_len / sizeof(uint32_t);
		if (*n > 0)
			memcpy(r->word_ids, val, val_len);
		return 0;
	}
	form = rules_word_form(w, len);
	if (text_analyse(w, len, &doc) == -1)
		goto oom;
	if (doc.n_tokens > r->word_ids_cap) {
		if ((grown = realloc(r->word_ids, doc.n_tokens *
		    sizeof(*grown))) == NULL)
			goto oom;
		r->word_ids = grown;
		r->word_ids_cap = doc.n_tokens;
	}
	for (t = 0; t < doc.n_tokens; t++) {
		k = rules_token_key(r, ph->kind, ph->lang, &doc.tokens[t],
		    form == RULES_PREFIX && t + 1 < doc.n_tokens ?
		    RULES_STEM : form, key, sizeof(key));
		if (k == 0) {
			text_doc_free(&doc);
			snprintf(ph->err, ph->errlen, "phrase \"%s\": a "
			    "word is too long", ph->text);
			return -1;
		}
		if ((word = rules_word_add(r, key, k)) == -1)
			goto oom;
		r->word_ids[t] = (uint32_t)word;
	}
	*n = doc.n_tokens;
	text_doc_free(&doc);
	if (r->phrase_words != NULL)
		memo_put(r->phrase_words, tag, w, len, r->word_ids,
		    *n * sizeof(uint32_t));
	return 0;
oom:
	text_doc_free(&doc);
	snprintf(ph->err, ph->errlen, "out of memory");
	return -1;
}

/*
 * The words of w from node on.  Words are separated by blanks; a word
 * may hold several tokens ("de-escalat*" is "de" then "escalat*"); "*"
 * at the end of a word makes its last token a prefix; a lone "*" is any
 * one word; "..." or "...N" is a gap; "@name" is a word class: one edge
 * for its single-word members, and a path for each multiword one.
 */
static int
rules_path(struct rules_phrase *ph, uint32_t node, const char *w,
    size_t depth, int last_gap, int nest)
{
	struct rules *r = ph->r;
	const char *we;
	long child, k;
	size_t t, n;

	for (;; w = we) {
		while (*w == ' ' || *w == '\t')
			w++;
		if (*w == '\0')
			break;
		for (we = w; *we != '\0' && *we != ' ' && *we != '\t'; we++)
			;
		if (*w == '@' && we - w > 1) {
			if ((k = rules_class_index(r->cfg, w + 1,
			    (size_t)(we - w - 1))) == -1) {
				snprintf(ph->err, ph->errlen, "phrase \"%s\": "
				    "@%.*s names no class", ph->text,
				    (int)(we - w - 1), w + 1);
				return -1;
			}
			if (r->class_single[k]) {
				if ((child = rules_child(r, node,
				    r->class_id[k])) == -1)
					goto oom;
				if (rules_path(ph, (uint32_t)child, we,
				    depth + 1, 0, nest) == -1)
					return -1;
			}
			return rules_class_paths(ph, node, (size_t)k, we,
			    depth, last_gap, nest);
		}
		if ((we - w == 1 && *w == '*') ||
		    (we - w >= 3 && strncmp(w, "...", 3) == 0)) {
			uint32_t special = RULES_WILDCARD;
			long gap = 0;

			if (*w == '.') {
				gap = RULES_GAP_DEFAULT;
				if (we - w > 3 && (gap = rules_gap_size(w + 3,
				    (size_t)(we - w - 3))) == -1) {
					snprintf(ph->err, ph->errlen, "phrase "
					    "\"%s\": a gap is \"...\" or "
					    "\"...N\" with N from 1 to %d",
					    ph->text, RULES_GAP_MAX);
					return -1;
				}
				special = RULES_GAP - (uint32_t)gap;
			}
			if (gap > 0 && (depth == 0 || last_gap ||
			    we[strspn(we, " \t")] == '\0')) {
				snprintf(ph->err, ph->errlen, "phrase \"%s\": "
				    "\"...\" goes between two words", ph->text);
				return -1;
			}
			last_gap = gap > 0;
			if ((child = rules_child(r, node, special)) == -1)
				goto oom;
			if (gap > 0)
				r->nodes[node].gaps |= 1U << gap;
			node = (uint32_t)child;
			depth++;
			continue;
		}
		last_gap = 0;
		if (rules_word_ids(ph, w, (size_t)(we - w), &n) == -1)
			return -1;
		for (t = 0; t < n; t++) {
			if ((child = rules_child(r, node, r->word_ids[t]))
			    == -1)
				goto oom;
			node = (uint32_t)child;
			depth++;
		}
	}
	return rules_path_end(ph, node, depth);
oom:
	snprintf(ph->err, ph->errlen, "out of memory");
	return -1;
}

/* Add one phrase of a rule, an actor, a role or the shared cues. */
int
rules_add_phrase(struct rules *r, enum rules_kind kind, size_t owner,
    int lang, const char *text, char *err, size_t errlen)
{
	struct rules_phrase ph;
	struct rules_pat *p;
	size_t cap;

	if (r->n_pats == r->cap_pats) {
		cap = r->cap_pats ? r->cap_pats * 2 : 256;
		if ((p = realloc(r->pats, cap * sizeof(*p))) == NULL) {
			snprintf(err, errlen, "out of memory");
			return -1;
		}
		r->pats = p;
		r->cap_pats = cap;
	}
	memset(&ph, 0, sizeof(ph));
	ph.r = r;
	ph.kind = kind;
	ph.lang = lang;
	ph.text = text;
	ph.pat = (uint32_t)r->n_pats;
	ph.err = err;
	ph.errlen = errlen;
	if (rules_path(&ph, 0, text, 0, 0, 0) == -1)
		return -1;
	p = &r->pats[r->n_pats++];
	p->kind = kind;
	p->owner = owner;
	p->lang = lang;
	p->text = text;
	return 0;
}
/* Index of language name among the stemmers, added if new; -1 if
 * libstemmer does not know it. */
int
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

