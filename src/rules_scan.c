/*
 * rules_scan.c: the phrases of the rules found in a text.  Each token
 * gets the word ids it may stand for (its stem, its capitals, its
 * prefixes, the word classes of those), then the trie is walked from
 * each token of a sentence; every phrase found is an occurrence.
 *
 * Two tokens joined by a hyphen also stand, together, for the ids of
 * the word they spell closed up: a compound is written closed, with a
 * hyphen or open ("ceasefire", "cease-fire", "cease fire"), and a rule
 * that names the closed word ("@truce" holds "ceasefire") finds the
 * hyphened one.  The open spelling is the rule's to name, as a phrase.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cand_cache.h"
#include "clause.h"
#include "config.h"
#include "memo.h"
#include "rules.h"
#include "rules_priv.h"
#include "text.h"

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
	if (r->has_exact) {
		klen = rules_key(key, sizeof(key), 'X', 0, t->fold, t->fold_len);
		if ((id = rules_word_find(r, key, klen)) != -1)
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
		/* only the lengths some prefix has: most tokens then cost
		 * a few lookups, not one per byte of the longest prefix */
		if (k < 63 && !((r->prefix_lens >> k) & 1))
			continue;
		if (k < t->fold_len && ((unsigned char)t->fold[k] & 0xc0) == 0x80)
			continue;
		klen = rules_key(key, sizeof(key), 'P', 0, t->fold, k);
		if ((id = rules_word_find(r, key, klen)) != -1)
			ids[n++] = (uint32_t)id;
	}
	/* The classes its ids are members of, and the classes that use
	 * those: each once. */
	for (k = 1; k < n && r->n_class_map > 0; k++) {
		uint32_t c, j;

		if (ids[k] >= r->n_class_map)
			continue;
		for (c = r->class_off[ids[k]]; c < r->class_off[ids[k] + 1] &&
		    n < RULES_MAX_CANDS; c++) {
			for (j = 1; j < n && ids[j] != r->class_of[c]; j++)
				;
			if (j == n)
				ids[n++] = r->class_of[c];
		}
	}
	return n;
}

/*
 * May a phrase whose words matched the tokens literal marks in [start,
 * end) stand?  Not when a word of it is one a hyphen binds to a
 * negating prefix ("escalation" in "de-escalation") and the prefix is
 * no word of the phrase: "call* for ...2 escalation" does not find "call
 * for de-escalation", "de-escalat*" does.  Names of parties are left
 * as they are: an anti-Varnia protest still names Varnia.
 */
static int __attribute__((noinline))
rules_bound_ok(const struct rules_run *run, uint32_t pat, size_t start,
    size_t end, uint64_t literal)
{
	size_t k;

	if (run->r->pats[pat].kind == PAT_ACTOR ||
	    run->r->pats[pat].kind == PAT_ROLE)
		return 1;
	for (k = start; k < end; k++)
		if ((run->starts[k] & RULES_BOUND) &&
		    ((literal >> (k - start)) & 1) && (k == start ||
		    !((literal >> (k - 1 - start)) & 1)))
			return 0;
	return 1;
}

static int
rules_push_occ(struct rules_run *run, uint32_t pat, size_t start, size_t end,
    uint64_t literal)
{
	struct rules_occ *o;
	size_t cap;

	/* the flag first, and the check out of line: inlined, it kept
	 * rules_push_occ itself out of rules_walk, a call per phrase */
	if (run->bound && !rules_bound_ok(run, pat, start, end, literal))
		return 0;

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

static int rules_walk_joined(struct rules_run *, uint32_t node, size_t i,
    size_t j, size_t end, uint64_t literal);

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
	/* tokens j and j + 1 read as one closed-up word (rare: a flag
	 * first, since this runs at every step of every walk) */
	if ((run->starts[j] & RULES_JOINED) && j + 1 < end)
		return rules_walk_joined(run, node, i, j, end, literal);
	return 0;
}

/* rules_walk's step over the hyphened pair at j and j + 1, read as one
 * word: apart, so that the common walk stays small. */
static int
rules_walk_joined(struct rules_run *run, uint32_t node, size_t i, size_t j,
    size_t end, uint64_t literal)
{
	const struct rules *r = run->r;
	uint64_t lit;
	size_t c;
	long child;
	int32_t o;

	if (j + 1 - i >= RULES_MAX_SPAN)
		return 0;
	for (c = run->join_off[j]; c < run->join_off[j + 1]; c++) {
		if ((child = rules_edge_find(r, node,
		    run->join_cands[c])) == -1)
			continue;
		lit = literal | (UINT64_C(3) << (j - i)) | RULES_LIT_JOINED;
		for (o = r->nodes[child].out; o != -1; o = r->outs[o].next)
			if (rules_push_occ(run, r->outs[o].pat, i, j + 2, lit)
			    == -1)
				return -1;
		if (j + 2 < end && rules_walk(run, (uint32_t)child, i, j + 2,
		    end, lit) == -1)
			return -1;
	}
	return 0;
}

/* What a token with these ids may be to the phrases: RULES_START if
 * the root of the trie has an edge for one of them (or has gaps, which
 * rules_add_phrase refuses at a phrase's start today), RULES_ANCHOR if
 * one anchors a term, RULES_NEEDED if a term needs one beside its
 * anchor (rules_filter.c), RULES_CONTEXT if a context phrase may begin
 * with one (rules_context.c). */
static int
rules_token_marks(const struct rules *r, const uint32_t *ids, size_t n)
{
	size_t k;
	int marks = r->anchor_all ? RULES_ANCHOR : 0;

	if (r->nodes[0].gaps != 0)
		marks |= RULES_START;
	if (r->context_all)
		marks |= RULES_CONTEXT;
	for (k = 0; k < n; k++) {
		if (rules_edge_find(r, 0, ids[k]) != -1)
			marks |= RULES_START;
		if (ids[k] < r->n_anchor)
			marks |= r->anchor[ids[k]];
		if (ids[k] <= r->n_words && r->context_first[ids[k]])
			marks |= RULES_CONTEXT;
	}
	return marks;
}

/* rules_token_ids for a token not in the cache: found and kept.  Apart,
 * so that the lookup, which nearly every token ends at, stays inline. */
static const uint32_t *
rules_token_ids_find(const struct rules *r, const struct text_token *t,
    uint32_t *ids, size_t *n, int *marks)
{
	*n = rules_token_cands(r, t, ids);
	*marks = rules_token_marks(r, ids, *n);
	cand_cache_put(r->cand_cache, t->fold, t->fold_len,
	    (t->flags & TEXT_CAPS) != 0, ids, *n, *marks);
	return ids;
}

/*
 * The ids token t may stand for (fold_hash: memo_key_hash of its fold)
 * and what they may be to the phrases (*marks): from the cache when the
 * token was met before, in this article or an earlier one, else found
 * (into ids) and kept there.  *n gets their number.
 */
static inline const uint32_t *
rules_token_ids(const struct rules *r, const struct text_token *t,
    uint64_t fold_hash, uint32_t *ids, size_t *n, int *marks)
{
	const uint32_t *src;

	if ((src = cand_cache_get(r->cand_cache, t->fold, t->fold_len,
	    fold_hash, (t->flags & TEXT_CAPS) != 0, n, marks)) != NULL)
		return src;
	return rules_token_ids_find(r, t, ids, n, marks);
}

/*
 * The ids of each pair of tokens joined by a hyphen, read as the word
 * they spell closed up (run->join_cands, join_off: pair i is tokens i
 * and i + 1), and what they may be to the phrases, added to token i's
 * marks.  Not the wildcard: a "*" is one token, whatever joins it.
 * Only the offsets of a pair that RULES_JOINED marks are written, the
 * only ones read: a pair's end is the start of the next one's.
 */
static int
rules_scan_joins(struct rules_run *run)
{
	uint32_t ids[RULES_MAX_CANDS], *nc;
	const struct text_token *tok = run->doc.tokens;
	struct text_token joined;
	char word[RULES_MAX_KEY];
	const uint32_t *src;
	size_t i, k, n, total = 0, cap = 0;
	int marks;

	if ((run->join_off = malloc((run->doc.n_tokens + 1) *
	    sizeof(*run->join_off))) == NULL)
		return -1;
	for (i = 0; i < run->doc.n_tokens; i++) {
		if (i + 1 == run->doc.n_tokens ||
		    !(tok[i + 1].flags & TEXT_HYPHEN) ||
		    tok[i].fold_len + tok[i + 1].fold_len >= sizeof(word))
			continue;
		memcpy(word, tok[i].fold, tok[i].fold_len);
		memcpy(word + tok[i].fold_len, tok[i + 1].fold,
		    tok[i + 1].fold_len);
		memset(&joined, 0, sizeof(joined));
		joined.fold = word;
		joined.fold_len = tok[i].fold_len + tok[i + 1].fold_len;
		joined.flags = tok[i].flags & tok[i + 1].flags & TEXT_CAPS;
		src = rules_token_ids(run->r, &joined,
		    memo_key_hash(word, joined.fold_len), ids, &n, &marks);
		if (n <= 1)	/* the wildcard alone */
			continue;
		if (total + n - 1 > cap) {
			cap = cap * 2 > total + n ? cap * 2 : total + n + 16;
			if ((nc = realloc(run->join_cands, cap *
			    sizeof(*nc))) == NULL)
				return -1;
			run->join_cands = nc;
		}
		run->join_off[i] = total;
		for (k = 1; k < n; k++)	/* [0] is the wildcard */
			run->join_cands[total++] = src[k];
		run->join_off[i + 1] = total;
		run->starts[i] |= (unsigned char)(marks | RULES_JOINED);
	}
	return 0;
}

/* Is fold one of the negating prefixes of a language the rules use? */
static int
rules_negating_prefix(const struct rules *r, const char *fold)
{
	const char *const *p;
	int l;

	for (l = 0; l < r->n_langs; l++)
		if (r->clause_lang[l] != NULL)
			for (p = clause_lang_negating_prefixes(
			    r->clause_lang[l]); p != NULL && *p != NULL; p++)
				if (strcmp(*p, fold) == 0)
					return 1;
	return 0;
}

/* Mark the tokens a hyphen binds to a negating prefix (RULES_BOUND). */
static void
rules_scan_bound(struct rules_run *run)
{
	const struct text_token *tok = run->doc.tokens;
	size_t i;

	run->bound = 0;
	for (i = 1; i < run->doc.n_tokens; i++)
		if ((tok[i].flags & TEXT_HYPHEN) &&
		    rules_negating_prefix(run->r, tok[i - 1].fold)) {
			run->starts[i] |= RULES_BOUND;
			run->bound = 1;
		}
}

/*
 * The candidates of every token of run->doc (run->cands, cand_off), and
 * what it may be to the phrases (run->starts).  A token met before,
 * in this article or an earlier one, takes what was found for it then
 * (cand_cache.c): stemming and the key lookups are most of the cost of
 * a token, and news repeats its words.
 */
int
rules_scan_cands(struct rules_run *run)
{
	uint32_t ids[RULES_MAX_CANDS];
	const struct text_token *tok = run->doc.tokens;
	const uint32_t *src;
	size_t i, k, n, total = 0, cap = 0;
	int starts;

	/* Every offset is written below; the ids are reserved at a few a
	 * token (most tokens have two to four), grown by doubling past. */
	cap = run->doc.n_tokens * 4 + 16;
	if ((run->cand_off = malloc((run->doc.n_tokens + 1) *
	    sizeof(*run->cand_off))) == NULL ||
	    (run->starts = malloc(run->doc.n_tokens + 1)) == NULL ||
	    (run->cands = malloc(cap * sizeof(*run->cands))) == NULL)
		return -1;
	run->cand_off[0] = 0;
	for (i = 0; i < run->doc.n_tokens; i++) {
		uint32_t *nc;

		src = rules_token_ids(run->r, &tok[i], tok[i].fold_hash, ids,
		    &n, &starts);
		/* Grown by doubling: one realloc per token made a long
		 * text quadratic (10 minutes for a 1 MB title under ASan). */
		if (total + n > cap) {
			cap = cap * 2 > total + n ? cap * 2 : total + n + 64;
			if ((nc = realloc(run->cands, cap * sizeof(*nc))) ==
			    NULL)
				return -1;
			run->cands = nc;
		}
		for (k = 0; k < n; k++)	/* a few ids: no memcpy call */
			run->cands[total + k] = src[k];
		total += n;
		run->cand_off[i + 1] = total;
		run->starts[i] = (unsigned char)starts;
	}
	/* A text without a hyphened pair has none to look up (join_off
	 * is read only where RULES_JOINED marks a pair); text_analyse
	 * noted whether it has one. */
	if (!run->doc.hyphens)
		return 0;
	rules_scan_bound(run);
	return rules_scan_joins(run);
}

int
rules_scan_marked(struct rules_run *run, size_t first, size_t end, int mark)
{
	size_t i;

	for (i = first; i < end; i++)
		if ((run->starts[i] & mark) &&
		    rules_walk(run, 0, i, i, end, 0) == -1)
			return -1;
	return 0;
}

/* Append the phrases that begin in tokens [first, end) to run->occs;
 * none reaches past end. */
int
rules_scan(struct rules_run *run, size_t first, size_t end)
{
	return rules_scan_marked(run, first, end, RULES_START);
}
