/*
 * rules_filter.c: which sentences can hold a rule's term.  A term is
 * found only where the tokens stand for each of its literal words, and
 * about one sentence in twenty of news holds a term at all, so a
 * sentence that lacks a word of every term is not scanned for phrases,
 * actors or cues (rules_match.c).  The test is a necessary condition,
 * never a sufficient one: order and gaps are left to the trie.
 *
 * Built once from the finished trie (rules_filter_build); each path of a
 * term is indexed by one of its literal words, its anchor (the one in
 * fewest terms), which rules_scan marks on the tokens (RULES_ANCHOR).
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rules.h"
#include "rules_priv.h"

/* Is node a path's end for a rule's term? */
static int
rules_node_ends_term(const struct rules *r, size_t node)
{
	int32_t o;

	for (o = r->nodes[node].out; o != -1; o = r->outs[o].next)
		if (r->pats[r->outs[o].pat].kind == PAT_TERM)
			return 1;
	return 0;
}

/* Is w the id of a word (not the wildcard, not a gap)? */
static int
rules_literal(const struct rules *r, uint32_t w)
{
	return w != RULES_WILDCARD && w < r->n_anchor;
}

/* Sort the words of path p by their counts, the fewest first. */
static void
rules_path_sort(struct rules *r, uint32_t p, const uint32_t *count)
{
	uint32_t *v = r->req_words + r->req_start[p], t;
	size_t n = r->req_start[p + 1] - r->req_start[p], i, j;

	for (i = 1; i < n; i++)
		for (j = i; j > 0 && count[v[j - 1]] > count[v[j]]; j--) {
			t = v[j];
			v[j] = v[j - 1];
			v[j - 1] = t;
		}
}

/* Does path b need every word that path a needs (their anchor aside)? */
static int
rules_path_within(const struct rules *r, uint32_t a, uint32_t b)
{
	uint32_t i, j;

	for (i = r->req_start[a] + 1; i < r->req_start[a + 1]; i++) {
		for (j = r->req_start[b] + 1; j < r->req_start[b + 1] &&
		    r->req_words[j] != r->req_words[i]; j++)
			;
		if (j == r->req_start[b + 1])
			return 0;
	}
	return 1;
}

/* A bit for each word of path p (its anchor aside), by the word's id
 * modulo 64: a path whose bits are not all among another's needs a word
 * that the other does not, and most pairs are told apart so. */
uint64_t
rules_path_bits(const struct rules *r, uint32_t p)
{
	uint64_t bits = 0;
	uint32_t i;

	for (i = r->req_start[p] + 1; i < r->req_start[p + 1]; i++)
		bits |= (uint64_t)1 << (r->req_words[i] % 64);
	return bits;
}

/*
 * Keep, of the paths of each anchor, only those that need no more than
 * another: where a path's words are all held, so are those of any path
 * that needs fewer, and the classes make many paths that need the same
 * words (a multiword member, "...", a wildcard).  The first of equal
 * paths is kept.  by_anchor is compacted and anchor_off moved with it.
 * bits[p] is rules_path_bits of path p: the anchors of many paths made
 * this pairwise test a large part of loading the rules.
 */
static void
rules_filter_minimal(struct rules *r, const uint64_t *bits)
{
	uint32_t w, a, b, pa, pb, start, out = 0;
	int dropped;

	for (w = 0; w < r->n_anchor; w++) {
		start = r->anchor_off[w];
		r->anchor_off[w] = out;
		for (a = start; a < r->anchor_off[w + 1]; a++) {
			dropped = 0;
			pa = r->by_anchor[a];
			for (b = start; b < r->anchor_off[w + 1] && !dropped;
			    b++) {
				pb = r->by_anchor[b];
				if (b == a || (bits[pb] & ~bits[pa]) != 0 ||
				    !rules_path_within(r, pb, pa))
					continue;
				/* b needs no more than a: a goes, unless
				 * they need the same and a came first */
				dropped = b < a || bits[pa] != bits[pb] ||
				    !rules_path_within(r, pa, pb);
			}
			if (!dropped)
				r->by_anchor[out++] = r->by_anchor[a];
		}
	}
	r->anchor_off[r->n_anchor] = out;
}

/* The second word of path p, or its anchor if it has one word. */
static uint32_t
rules_path_next(const struct rules *r, uint32_t p)
{
	return r->req_words[r->req_start[p] +
	    (r->req_start[p + 1] - r->req_start[p] > 1 ? 1 : 0)];
}

/*
 * The paths of each anchor by their second word, so that one look at
 * the stamp of a word the sentence lacks passes over every path that
 * needs it next (the classes make many): anchor_off then indexes the
 * distinct second words (anchor_next), and next_off the paths
 * (by_anchor) of each.  0, or -1 out of memory.
 */
static int
rules_filter_by_next(struct rules *r)
{
	uint32_t w, a, j, start, t, n = r->anchor_off[r->n_anchor], out = 0;

	if ((r->anchor_next = calloc(n + 1, sizeof(uint32_t))) == NULL ||
	    (r->next_off = calloc(n + 1, sizeof(uint32_t))) == NULL)
		return -1;
	for (w = 0; w < r->n_anchor; w++) {
		start = r->anchor_off[w];
		r->anchor_off[w] = out;
		for (a = start + 1; a < r->anchor_off[w + 1]; a++)
			for (j = a; j > start && rules_path_next(r,
			    r->by_anchor[j - 1]) > rules_path_next(r,
			    r->by_anchor[j]); j--) {
				t = r->by_anchor[j];
				r->by_anchor[j] = r->by_anchor[j - 1];
				r->by_anchor[j - 1] = t;
			}
		for (a = start; a < r->anchor_off[w + 1]; a++) {
			t = rules_path_next(r, r->by_anchor[a]);
			if (a > start && t == r->anchor_next[out - 1])
				continue;
			r->anchor_next[out] = t;
			r->next_off[out++] = a;
		}
	}
	r->anchor_off[r->n_anchor] = out;
	r->next_off[out] = n;
	return 0;
}

/* Each class's count (of the paths that need it) times its members:
 * a class stands for each of them in text, and one of many met often
 * made a poor anchor, asked of most sentences.  Out of memory, the
 * counts stay as they are: the filter is only slower. */
static void
rules_filter_weigh(const struct rules *r, uint32_t *count)
{
	uint32_t *members, w, c;

	if ((members = calloc(r->n_anchor + 1, sizeof(*members))) == NULL)
		return;
	for (w = 0; w + 1 < r->n_class_map && w < r->n_anchor; w++)
		for (c = r->class_off[w]; c < r->class_off[w + 1]; c++)
			if (r->class_of[c] < r->n_anchor)
				members[r->class_of[c]]++;
	for (w = 0; w < r->n_anchor; w++)
		if (members[w] > 0)
			count[w] *= members[w];
	free(members);
}

/*
 * Each node but the root has one parent (rules_child makes a node per
 * edge), found from the edges with the word of the edge into it; a
 * path's words are read by climbing to the root.
 */
int
rules_filter_build(struct rules *r)
{
	uint32_t *parent = NULL, *word = NULL, *fill = NULL, w, p;
	uint64_t *bits = NULL;
	size_t i, n, n_paths = 0, n_req = 0;
	int rc = -1;

	r->n_anchor = r->n_words + 1;
	if ((parent = calloc(r->n_nodes, sizeof(*parent))) == NULL ||
	    (word = calloc(r->n_nodes, sizeof(*word))) == NULL ||
	    (r->anchor = calloc(r->n_anchor, 1)) == NULL ||
	    (r->anchor_off = calloc(r->n_anchor + 1, sizeof(uint32_t))) ==
	    NULL || (r->stamp = calloc(r->n_anchor + 1, sizeof(uint32_t))) ==
	    NULL)
		goto done;
	for (i = 0; i < r->edges_cap; i++)
		if (r->edges[i].key != 0) {
			parent[r->edges[i].child] =
			    (uint32_t)((r->edges[i].key >> 32) - 1);
			word[r->edges[i].child] = (uint32_t)r->edges[i].key;
		}
	/* Count the paths and their words. */
	for (i = 1; i < r->n_nodes; i++) {
		if (!rules_node_ends_term(r, i))
			continue;
		n_paths++;
		for (n = i; n != 0; n = parent[n])
			if (rules_literal(r, word[n]))
				n_req++;
	}
	if ((r->req_start = calloc(n_paths + 1, sizeof(uint32_t))) == NULL ||
	    (r->req_words = calloc(n_req + 1, sizeof(uint32_t))) == NULL ||
	    (r->by_anchor = calloc(n_paths + 1, sizeof(uint32_t))) == NULL ||
	    (fill = calloc(r->n_anchor + 1, sizeof(*fill))) == NULL ||
	    (bits = calloc(n_paths + 1, sizeof(*bits))) == NULL)
		goto done;
	/* The words of each path, and in how many paths each word is. */
	n_paths = n_req = 0;
	for (i = 1; i < r->n_nodes; i++) {
		if (!rules_node_ends_term(r, i))
			continue;
		r->req_start[n_paths] = (uint32_t)n_req;
		for (n = i; n != 0; n = parent[n])
			if (rules_literal(r, word[n])) {
				r->req_words[n_req++] = word[n];
				fill[word[n]]++;
			}
		n_paths++;
	}
	r->req_start[n_paths] = (uint32_t)n_req;
	rules_filter_weigh(r, fill);
	/* Each path's words, the rarest among the rules first (a class
	 * weighed by its members): it is the anchor, and a word in few
	 * terms is likely rare in text too, so a path that is not held
	 * fails at its first words. */
	for (p = 0; p < n_paths; p++) {
		rules_path_sort(r, p, fill);
		if (r->req_start[p] == r->req_start[p + 1])
			r->anchor_all = 1;	/* nothing but wildcards */
		else
			r->anchor_off[r->req_words[r->req_start[p]]]++;
	}
	/* The paths by anchor: counts to offsets, then filled. */
	for (w = 0, n = 0; w <= r->n_anchor; w++) {
		p = r->anchor_off[w];
		r->anchor_off[w] = (uint32_t)n;
		fill[w] = (uint32_t)n;
		n += w < r->n_anchor ? p : 0;
		if (w < r->n_anchor && p > 0)
			r->anchor[w] = RULES_ANCHOR;
	}
	for (p = 0; p < n_paths; p++)
		if (r->req_start[p] < r->req_start[p + 1])
			r->by_anchor[fill[r->req_words[r->req_start[p]]]++] =
			    p;
	for (p = 0; p < n_paths; p++)
		bits[p] = rules_path_bits(r, p);
	rules_filter_minimal(r, bits);
	if (rules_filter_by_next(r) == -1)
		goto done;
	/* A sentence's tokens stamp only the words that the paths kept
	 * ask for, and rules_scan marks the tokens that stand for one. */
	for (i = 0; i < r->anchor_off[r->n_anchor]; i++)
		r->anchor[r->anchor_next[i]] |= RULES_NEEDED;
	for (i = 0; i < r->next_off[r->anchor_off[r->n_anchor]]; i++) {
		p = r->by_anchor[i];
		for (n = r->req_start[p] + 1; n < r->req_start[p + 1]; n++)
			r->anchor[r->req_words[n]] |= RULES_NEEDED;
	}
	rc = 0;
done:
	free(parent);
	free(word);
	free(fill);
	free(bits);
	return rc;
}

void
rules_filter_free(struct rules *r)
{
	free(r->anchor);
	free(r->anchor_off);
	free(r->stamp);
	free(r->req_start);
	free(r->req_words);
	free(r->by_anchor);
	free(r->anchor_next);
	free(r->next_off);
}

/* Does every word of path p stand among the sentence's stamped ids? */
static int
rules_path_held(const struct rules *r, uint32_t p, uint32_t serial)
{
	uint32_t k;

	for (k = r->req_start[p] + 1; k < r->req_start[p + 1]; k++)
		if (r->stamp[r->req_words[k]] != serial)
			return 0;
	return 1;
}

/* Is id the anchor of a path whose words the sentence stamped with
 * serial all holds?  Most paths fail at their second word: asked first,
 * once for all the paths that need it next. */
static inline int
rules_anchor_held(const struct rules *r, uint32_t id, uint32_t serial)
{
	uint32_t j, a;

	if (id >= r->n_anchor || !(r->anchor[id] & RULES_ANCHOR))
		return 0;
	for (j = r->anchor_off[id]; j < r->anchor_off[id + 1]; j++) {
		if (r->stamp[r->anchor_next[j]] != serial)
			continue;
		for (a = r->next_off[j]; a < r->next_off[j + 1]; a++)
			if (rules_path_held(r, r->by_anchor[a], serial))
				return 1;
	}
	return 0;
}

/* May tokens [first, end) of run's text hold a rule's term? */
int
rules_filter_pass(const struct rules_run *run, size_t first, size_t end)
{
	const struct rules *r = run->r;
	uint32_t serial, id;
	size_t k, c;

	if (r->anchor_all)
		return 1;
	for (k = first; k < end && !(run->starts[k] & RULES_ANCHOR); k++)
		;
	if (k == end)
		return 0;
	/* Stamp the ids of the sentence with its number: those of the
	 * tokens that stand for a needed word (most stand for none). */
	if ((serial = ++r->stamp[r->n_anchor]) == 0) {
		memset(r->stamp, 0, r->n_anchor * sizeof(*r->stamp));
		serial = r->stamp[r->n_anchor] = 1;
	}
	for (k = first; k < end; k++) {
		if (!(run->starts[k] & RULES_NEEDED))
			continue;
		for (c = run->cand_off[k]; c < run->cand_off[k + 1]; c++)
			if ((id = run->cands[c]) < r->n_anchor)
				r->stamp[id] = serial;
		if (!(run->starts[k] & RULES_JOINED))
			continue;
		for (c = run->join_off[k]; c < run->join_off[k + 1]; c++)
			if ((id = run->join_cands[c]) < r->n_anchor)
				r->stamp[id] = serial;
	}
	for (k = first; k < end; k++) {
		if (!(run->starts[k] & RULES_ANCHOR))
			continue;
		for (c = run->cand_off[k]; c < run->cand_off[k + 1]; c++)
			if (rules_anchor_held(r, run->cands[c], serial))
				return 1;
		if (!(run->starts[k] & RULES_JOINED))
			continue;
		for (c = run->join_off[k]; c < run->join_off[k + 1]; c++)
			if (rules_anchor_held(r, run->join_cands[c], serial))
				return 1;
	}
	return 0;
}
