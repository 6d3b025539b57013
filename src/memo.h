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
#include <string.h>

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
 * The memo is open here, and memo_get_hashed is inline: the memo of
 * word ids (cand_cache.h) is asked for every token of every article,
 * and a call, its checks and a slot's key length and offset read
 * through a function cost as much again as the probe itself.
 */
struct memo_slot {
	uint64_t	hash;		/* 0: empty */
	uint32_t	at;		/* key's offset in the arena */
	uint32_t	val_at;		/* the value's (memo_val_at), kept
					   so that a hit need not align it:
					   the slot's padding had the room */
	uint16_t	key_len;
	uint16_t	val_len;	/* the value follows the key, aligned */
	uint8_t		tag;
};

struct memo {
	struct memo_slot	*slots;
	size_t			 n_slots, used;
	char			*arena;
	size_t			 arena_cap, arena_len;
	size_t			 key_max, val_max, align;
	unsigned long		 hits, misses;
};

/* The hash of a slot: the key's, then its tag; never 0 (0 marks an
 * empty slot). */
static inline uint64_t
memo_hash(unsigned tag, uint64_t key_hash)
{
	uint64_t h = key_hash ^ tag;

	return h != 0 ? h : 1;
}

/* Where the value of a key at..at+key_len starts. */
static inline size_t
memo_val_at(const struct memo *m, size_t at, size_t key_len)
{
	return (at + key_len + m->align - 1) & ~(m->align - 1);
}

/* The slot of the key: its own, or the empty one where it would go. */
static inline struct memo_slot *
memo_slot_of(struct memo *m, uint64_t h, unsigned tag, const void *key,
    size_t len)
{
	struct memo_slot *s;
	size_t mask = m->n_slots - 1, i = (size_t)h & mask;

	for (;; i = (i + 1) & mask) {
		s = &m->slots[i];
		if (s->hash == 0 || (s->hash == h && s->key_len == len &&
		    s->tag == tag &&
		    memcmp(m->arena + s->at, key, len) == 0))
			return s;
	}
}

/*
 * memo_get for a caller that has the key's hash at hand already
 * (memo_key_hash of its bytes: the tokeniser makes it for every token
 * as it lowers the bytes, text.h).
 */
static inline const void *
memo_get_hashed(struct memo *m, unsigned tag, const void *key, size_t len,
    uint64_t key_hash, size_t *val_len)
{
	struct memo_slot *s;

	tag &= 0xff;
	if (len == 0 || len > m->key_max) {
		m->misses++;
		return NULL;
	}
	s = memo_slot_of(m, memo_hash(tag, key_hash), tag, key, len);
	if (s->hash == 0) {
		m->misses++;
		return NULL;
	}
	m->hits++;
	*val_len = s->val_len;
	return m->arena + s->val_at;
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
