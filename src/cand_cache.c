/*
 * cand_cache.c: token -> word ids, a memo (memo.c) whose key is the
 * folded token under the tag of its capitals, and whose value is the
 * ids followed by the mark byte.  The ids come first, at an offset the
 * memo aligns to 4, so a hit hands out the memo's own copy as uint32_t
 * with no copying; the mark sits after them and gives their number.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cand_cache.h"
#include "memo.h"

#define CAND_SLOTS	16384		/* a power of two */
#define CAND_KEY_MAX	1024		/* longer tokens are not kept */
/* Bytes of keys (12 a slot), of ids (4 a slot) and of the mark and the
 * padding before the next key's ids (4 a slot). */
#define CAND_ARENA	(CAND_SLOTS * (12 + 4 * sizeof(uint32_t) + 4))
#define CAND_VAL_MAX	(CAND_CACHE_MAX_IDS * sizeof(uint32_t) + 1)

struct cand_cache *
cand_cache_new(void)
{
	struct cand_cache *c;

	if ((c = calloc(1, sizeof(*c))) == NULL)
		return NULL;
	if ((c->memo = memo_new(CAND_SLOTS, CAND_ARENA, CAND_KEY_MAX,
	    CAND_VAL_MAX, sizeof(uint32_t))) == NULL) {
		free(c);
		return NULL;
	}
	return c;
}

void
cand_cache_free(struct cand_cache *c)
{
	if (c == NULL)
		return;
	memo_free(c->memo);
	free(c);
}

void
cand_cache_put(struct cand_cache *c, const char *fold, size_t len, int caps,
    const uint32_t *ids, size_t n, int mark)
{
	uint32_t val[CAND_CACHE_MAX_IDS + 1];

	if (n > CAND_CACHE_MAX_IDS)
		return;
	if (n > 0)
		memcpy(val, ids, n * sizeof(*ids));
	((unsigned char *)val)[n * sizeof(*ids)] = (unsigned char)mark;
	(void)memo_put(c->memo, caps ? 1 : 0, fold, len, val,
	    n * sizeof(*ids) + 1);
}

void
cand_cache_counts(const struct cand_cache *c, unsigned long *hits,
    unsigned long *misses)
{
	memo_counts(c->memo, hits, misses);
}
