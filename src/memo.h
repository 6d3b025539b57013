/*
 * memo.h: a bounded memo, byte key -> byte value, emptied whole when
 * full.  For answers that cost more to compute than to look up and that
 * news text asks for again and again (a few thousand words make most of
 * it): the stems of text_stem.c, the word ids of cand_cache.c.  Pure:
 * no I/O, no logging.
 *
 * The table has a fixed number of slots and a fixed arena for keys and
 * values; when either fills, it is emptied and fills again, so memory
 * stays bounded whatever the vocabulary.
 *
 * A key is its bytes and a tag (0 to 255): the same bytes under two
 * tags are two keys, so a flag of the key (a word written in capitals)
 * need not be copied in front of every key to look it up.
 */
#ifndef BRINK_MEMO_H
#define BRINK_MEMO_H

#include <stddef.h>
#include <stdint.h>

struct memo;

/*
 * An empty memo of slots slots (a power of two) and an arena of
 * arena_len bytes for keys and values; keys longer than key_max bytes
 * (at most 65535) and values longer than val_max (at most 65535) are
 * not kept.  Every value starts at a multiple of align bytes (a power of
 * two; 4 for a value holding uint32_t) from the arena, which malloc
 * aligns for any type.  NULL when out of memory or a size is wrong.
 * Caller frees.
 */
struct memo	*memo_new(size_t slots, size_t arena_len, size_t key_max,
		    size_t val_max, size_t align);
void		 memo_free(struct memo *);
/*
 * The value remembered for the key (tag, len bytes at key): a pointer
 * into the memo, its length in *val_len; NULL if not remembered.  Valid
 * until the next memo_put.
 */
const void	*memo_get(struct memo *, unsigned tag, const void *key,
		    size_t len, size_t *val_len);
/*
 * memo_get for a caller that has the key's hash at hand already
 * (memo_key_hash of its bytes: the tokeniser makes it for every token
 * as it lowers the bytes, text.h).
 */
const void	*memo_get_hashed(struct memo *, unsigned tag, const void *key,
		    size_t len, uint64_t key_hash, size_t *val_len);
/*
 * The hash of a key's bytes (the tag is mixed in after): the key read
 * eight bytes at a time as little-endian words, the last padded with
 * zeros, each folded in by memo_hash_step from MEMO_HASH_SEED, then
 * its length by memo_hash_end.  A caller that has a key's bytes padded
 * already (the tokeniser) makes the same hash with the two steps.
 */
uint64_t	 memo_key_hash(const void *key, size_t len);

#define MEMO_HASH_SEED	0xcbf29ce484222325ULL
#define MEMO_HASH_MUL	0x9e3779b97f4a7c15ULL

static inline uint64_t
memo_hash_step(uint64_t h, uint64_t word)
{
	return (h ^ word) * MEMO_HASH_MUL;
}

/* The high bits of the products go into the low ones, which pick the
 * slot. */
static inline uint64_t
memo_hash_end(uint64_t h, size_t len)
{
	h = (h ^ len) * MEMO_HASH_MUL;
	return h ^ (h >> 29);
}
/*
 * Remember val (val_len bytes) for the key.  Returns the memo's copy of
 * the value, valid until the next memo_put, or NULL when the key or the
 * value is too long to keep (or the key empty).  A key already there
 * keeps its value.
 */
const void	*memo_put(struct memo *, unsigned tag, const void *key,
		    size_t len, const void *val, size_t val_len);
/* How many gets found their value, and how many did not. */
void		 memo_counts(const struct memo *, unsigned long *hits,
		    unsigned long *misses);

#endif
