/*
 * stem_cache.c: folded token -> stem, open addressing with linear
 * probing over STEM_SLOTS slots; the strings live in one arena, the key
 * followed by its stem.  Emptied whole when the slots are three quarters
 * used or the arena is full: cheaper and simpler than evicting one by
 * one, and the common words come back within a few articles.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "stem_cache.h"

#define STEM_SLOTS	16384			/* a power of two */
#define STEM_ARENA	(STEM_SLOTS * 24)	/* bytes of keys and stems */
#define STEM_KEY_MAX	64			/* longer tokens are not kept */

struct stem_slot {
	uint64_t	hash;		/* 0: empty */
	uint32_t	at;		/* key's offset in the arena */
	uint16_t	key_len;
	uint16_t	stem_len;	/* the stem follows the key */
};

struct stem_cache {
	struct stem_slot	*slots;
	size_t			 used;
	char			*arena;
	size_t			 arena_len;
	unsigned long		 hits, misses;
};

/* FNV-1a, never 0 (0 marks an empty slot). */
static uint64_t
stem_hash(const char *s, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h != 0 ? h : 1;
}

struct stem_cache *
stem_cache_new(void)
{
	struct stem_cache *c;

	if ((c = calloc(1, sizeof(*c))) == NULL)
		return NULL;
	if ((c->slots = calloc(STEM_SLOTS, sizeof(*c->slots))) == NULL ||
	    (c->arena = malloc(STEM_ARENA)) == NULL) {
		stem_cache_free(c);
		return NULL;
	}
	return c;
}

void
stem_cache_free(struct stem_cache *c)
{
	if (c == NULL)
		return;
	free(c->slots);
	free(c->arena);
	free(c);
}

/* The slot of fold: its own, or the empty one where it would go. */
static struct stem_slot *
stem_slot_of(struct stem_cache *c, uint64_t h, const char *fold, size_t len)
{
	struct stem_slot *s;
	size_t i = (size_t)h & (STEM_SLOTS - 1);

	for (;; i = (i + 1) & (STEM_SLOTS - 1)) {
		s = &c->slots[i];
		if (s->hash == 0 || (s->hash == h && s->key_len == len &&
		    memcmp(c->arena + s->at, fold, len) == 0))
			return s;
	}
}

const char *
stem_cache_get(struct stem_cache *c, const char *fold, size_t len,
    size_t *stem_len)
{
	struct stem_slot *s;

	if (len == 0 || len > STEM_KEY_MAX) {
		c->misses++;
		return NULL;
	}
	s = stem_slot_of(c, stem_hash(fold, len), fold, len);
	if (s->hash == 0) {
		c->misses++;
		return NULL;
	}
	c->hits++;
	*stem_len = s->stem_len;
	return c->arena + s->at + s->key_len;
}

const char *
stem_cache_put(struct stem_cache *c, const char *fold, size_t len,
    const char *stem, size_t stem_len)
{
	struct stem_slot *s;
	uint64_t h;

	if (len == 0 || len > STEM_KEY_MAX || stem_len > STEM_KEY_MAX)
		return stem;
	if (c->used >= STEM_SLOTS / 4 * 3 ||
	    c->arena_len + len + stem_len > STEM_ARENA) {
		memset(c->slots, 0, STEM_SLOTS * sizeof(*c->slots));
		c->used = 0;
		c->arena_len = 0;
	}
	h = stem_hash(fold, len);
	s = stem_slot_of(c, h, fold, len);
	if (s->hash != 0)		/* already there */
		return c->arena + s->at + s->key_len;
	s->hash = h;
	s->at = (uint32_t)c->arena_len;
	s->key_len = (uint16_t)len;
	s->stem_len = (uint16_t)stem_len;
	memcpy(c->arena + c->arena_len, fold, len);
	memcpy(c->arena + c->arena_len + len, stem, stem_len);
	c->arena_len += len + stem_len;
	c->used++;
	return c->arena + s->at + len;
}

void
stem_cache_counts(const struct stem_cache *c, unsigned long *hits,
    unsigned long *misses)
{
	*hits = c->hits;
	*misses = c->misses;
}
