/*
 * cand_cache.h: a bounded memo of the word ids a token may stand for in
 * the compiled rules (its stem, its capitals, its prefixes and their
 * classes; rules_scan.c), kept across articles.  Finding them costs
 * a stem and a handful of hash lookups per token, about a fifth of a
 * cold poll; news repeats its words from one article to the next, so
 * nearly every token is one met before.  Pure: no I/O, no logging.
 *
 * The key is the token's folded form and whether it is written in
 * capitals only.  A typed face of memo.h: fixed slots and arena; when
 * one fills, the cache is emptied and fills again, so memory stays
 * bounded whatever the text.
 */
#ifndef BRINK_CAND_CACHE_H
#define BRINK_CAND_CACHE_H

#include <stddef.h>
#include <stdint.h>

#define CAND_CACHE_MAX_IDS	255	/* longer lists are not kept */

#include "memo.h"

/* The memo (memo.h): key the folded token under the tag of its
 * capitals, value the ids and then the mark byte.  Open here so that
 * the lookup, asked for every token of every article, is inline. */
struct cand_cache {
	struct memo	*memo;
};

/* An empty cache; NULL when out of memory.  Caller frees. */
struct cand_cache	*cand_cache_new(void);
void			 cand_cache_free(struct cand_cache *);
/*
 * The ids remembered for the len bytes at fold (fold_hash: their
 * memo_key_hash, as text.h's tokens carry it; caps: written in
 * capitals only), their number in *n and the mark put with them in
 * *mark; NULL if not cached.  Valid until the next cand_cache_put.
 */
static inline const uint32_t *
cand_cache_get(struct cand_cache *c, const char *fold, size_t len,
    uint64_t fold_hash, int caps, size_t *n, int *mark)
{
	const unsigned char *val;
	size_t val_len;

	if ((val = memo_get_hashed(c->memo, caps ? 1 : 0, fold, len,
	    fold_hash, &val_len)) == NULL)
		return NULL;
	/* the ids come first, at an offset the memo aligns to 4 */
	*n = (val_len - 1) / sizeof(uint32_t);
	*mark = val[val_len - 1];
	return (const uint32_t *)(const void *)val;
}
/*
 * Remember n ids and a mark (0 to 255; the caller's meaning) for the
 * token; a token or list too long is not kept.
 */
void			 cand_cache_put(struct cand_cache *, const char *fold,
			    size_t len, int caps, const uint32_t *ids,
			    size_t n, int mark);
/* How many gets found their ids, and how many did not. */
void			 cand_cache_counts(const struct cand_cache *,
			    unsigned long *hits, unsigned long *misses);

#endif
