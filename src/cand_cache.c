/*
 * cand_cache.c: token -> word ids, open addressing with linear probing
 * over CAND_SLOTS slots; the keys live in one arena and the ids in
 * another.  Emptied whole when the slots are three quarters used or an
 * arena is full, as stem_cache.c is: the common words come back within
 * a few articles.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cand_cache.h"

#define CAND_SLOTS	16384			/* a power of two */
#define CAND_KEYS	(CAND_SLOTS * 12)	/* bytes of keys */
#define CAND_IDS	(CAND_SLOTS * 4)	/* ids */
#define CAND_KEY_MAX	1024			/* longer tokens are not kept */

struct cand_slot {
	uint64_t	hash;		/* 0: empty */
	uint32_t	key_at;		/* offset in keys */
	uint32_t	ids_at;		/* offset in ids */
	uint16_t	key_len;
	uint8_t		caps;
	uint8_t		n_ids;
	uint8_t		mark;
};

struct cand_cache {
	struct cand_slot	*slots;
	size_t			 used;
	char			*keys;
	size_t			 keys_len;
	uint32_t		*ids;
	size_t			 ids_len;
	unsigned long		 hits, misses;
};

/* FNV-1a of the key and its capitals, never 0 (0 marks an empty slot). */
static uint64_t
cand_hash(const char *s, size_t len, int caps)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	h ^= caps ? 1 : 0;
	return h != 0 ? h : 1;
}

struct cand_cache *
cand_cache_new(void)
{
	struct cand_cache *c;

	if ((c = calloc(1, sizeof(*c))) == NULL)
		return NULL;
	if ((c->slots = calloc(CAND_SLOTS, sizeof(*c->slots))) == NULL ||
	    (c->keys = malloc(CAND_KEYS)) == NULL ||
	    (c->ids = malloc(CAND_IDS * sizeof(*c->ids))) == NULL) {
		cand_cache_free(c);
		return NULL;
	}
	return c;
}

void
cand_cache_free(struct cand_cache *c)
{
	if (c == NULL)
		return;
	free(c->slots);
	free(c->keys);
	free(c->ids);
	free(c);
}

/* The slot of the token: its own, or the empty one where it would go. */
static struct cand_slot *
cand_slot_of(struct cand_cache *c, uint64_t h, const char *fold, size_t len,
    int caps)
{
	struct cand_slot *s;
	size_t i = (size_t)h & (CAND_SLOTS - 1);

	for (;; i = (i + 1) & (CAND_SLOTS - 1)) {
		s = &c->slots[i];
		if (s->hash == 0 || (s->hash == h && s->key_len == len &&
		    s->caps == (caps ? 1 : 0) &&
		    memcmp(c->keys + s->key_at, fold, len) == 0))
			return s;
	}
}

const uint32_t *
cand_cache_get(struct cand_cache *c, const char *fold, size_t len, int caps,
    size_t *n, int *mark)
{
	struct cand_slot *s;

	if (len == 0 || len > CAND_KEY_MAX) {
		c->misses++;
		return NULL;
	}
	s = cand_slot_of(c, cand_hash(fold, len, caps), fold, len, caps);
	if (s->hash == 0) {
		c->misses++;
		return NULL;
	}
	c->hits++;
	*n = s->n_ids;
	*mark = s->mark;
	return c->ids + s->ids_at;
}

void
cand_cache_put(struct cand_cache *c, const char *fold, size_t len, int caps,
    const uint32_t *ids, size_t n, int mark)
{
	struct cand_slot *s;
	uint64_t h;

	if (len == 0 || len > CAND_KEY_MAX || n > CAND_CACHE_MAX_IDS)
		return;
	if (c->used >= CAND_SLOTS / 4 * 3 || c->keys_len + len > CAND_KEYS ||
	    c->ids_len + n > CAND_IDS) {
		memset(c->slots, 0, CAND_SLOTS * sizeof(*c->slots));
		c->used = 0;
		c->keys_len = 0;
		c->ids_len = 0;
	}
	h = cand_hash(fold, len, caps);
	s = cand_slot_of(c, h, fold, len, caps);
	if (s->hash != 0)		/* already there */
		return;
	s->hash = h;
	s->key_at = (uint32_t)c->keys_len;
	s->ids_at = (uint32_t)c->ids_len;
	s->key_len = (uint16_t)len;
	s->caps = caps ? 1 : 0;
	s->n_ids = (uint8_t)n;
	s->mark = (uint8_t)mark;
	memcpy(c->keys + c->keys_len, fold, len);
	if (n > 0)
		memcpy(c->ids + c->ids_len, ids, n * sizeof(*ids));
	c->keys_len += len;
	c->ids_len += n;
	c->used++;
}

void
cand_cache_counts(const struct cand_cache *c, unsigned long *hits,
    unsigned long *misses)
{
	*hits = c->hits;
	*misses = c->misses;
}
