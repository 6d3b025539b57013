/*
 * stem_cache.h: a bounded memo of a stemmer's answers, folded token ->
 * stem.  News text is Zipfian: a few thousand words make most of it, and
 * Snowball stemming each again costs about a third of a cold poll
 * (bench/README.md).  Pure: no I/O, no logging.
 *
 * The table has a fixed number of slots and a fixed arena for the
 * strings; when either fills, it is emptied and fills again, so memory
 * stays bounded whatever the vocabulary.
 */
#ifndef BRINK_STEM_CACHE_H
#define BRINK_STEM_CACHE_H

#include <stddef.h>

struct stem_cache;

/* An empty cache; NULL when out of memory.  Caller frees. */
struct stem_cache	*stem_cache_new(void);
void			 stem_cache_free(struct stem_cache *);
/*
 * The stem of the len bytes at fold, if cached: a pointer into the cache
 * (not NUL-terminated), its length in *stem_len; NULL if not cached.
 * Valid until the next stem_cache_put.
 */
const char		*stem_cache_get(struct stem_cache *, const char *fold,
			    size_t len, size_t *stem_len);
/*
 * Remember stem (stem_len bytes) for fold (len bytes).  Returns the
 * cached copy of stem, valid until the next stem_cache_put, or stem
 * itself when the pair is too long to keep.
 */
const char		*stem_cache_put(struct stem_cache *, const char *fold,
			    size_t len, const char *stem, size_t stem_len);
/* How many gets found their stem, and how many did not. */
void			 stem_cache_counts(const struct stem_cache *,
			    unsigned long *hits, unsigned long *misses);

#endif
