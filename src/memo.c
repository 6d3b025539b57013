/*
 * memo.c: open addressing with linear probing over a power of two of
 * slots; keys and values live in one arena, each key followed by its
 * value.  Emptied whole when the slots are three quarters used or the
 * arena is full: cheaper and simpler than evicting one by one, and the
 * common words come back within a few articles.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "memo.h"

uint64_t
memo_key_hash(const void *key, size_t len)
{
	const unsigned char *s = key;
	uint64_t h = MEMO_HASH_SEED, word = 0;
	size_t i;

	for (i = 0; i < len; i++) {
		word |= (uint64_t)s[i] << (8 * (i & 7));
		if ((i & 7) == 7) {
			h = memo_hash_step(h, word);
			word = 0;
		}
	}
	if ((len & 7) != 0)
		h = memo_hash_step(h, word);
	return memo_hash_end(h, len);
}

static int
power_of_two(size_t n)
{
	return n != 0 && (n & (n - 1)) == 0;
}

struct memo *
memo_new(size_t slots, size_t arena_len, size_t key_max, size_t val_max,
    size_t align)
{
	struct memo *m;

	if (!power_of_two(slots) || !power_of_two(align) ||
	    key_max > UINT16_MAX || val_max > UINT16_MAX ||
	    arena_len > UINT32_MAX)
		return NULL;
	if ((m = calloc(1, sizeof(*m))) == NULL)
		return NULL;
	m->n_slots = slots;
	m->arena_cap = arena_len;
	m->key_max = key_max;
	m->val_max = val_max;
	m->align = align;
	if ((m->slots = calloc(slots, sizeof(*m->slots))) == NULL ||
	    (m->arena = malloc(arena_len > 0 ? arena_len : 1)) == NULL) {
		memo_free(m);
		return NULL;
	}
	return m;
}

void
memo_free(struct memo *m)
{
	if (m == NULL)
		return;
	free(m->slots);
	free(m->arena);
	free(m);
}

const void *
memo_get(struct memo *m, unsigned tag, const void *key, size_t len,
    size_t *val_len)
{
	return memo_get_hashed(m, tag, key, len, memo_key_hash(key, len),
	    val_len);
}

const void *
memo_put(struct memo *m, unsigned tag, const void *key, size_t len,
    const void *val, size_t val_len)
{
	struct memo_slot *s;
	uint64_t h;
	size_t at;

	tag &= 0xff;
	if (len == 0 || len > m->key_max || val_len > m->val_max ||
	    memo_val_at(m, 0, len) + val_len > m->arena_cap)
		return NULL;
	if (m->used >= m->n_slots / 4 * 3 ||
	    memo_val_at(m, m->arena_len, len) + val_len > m->arena_cap) {
		memset(m->slots, 0, m->n_slots * sizeof(*m->slots));
		m->used = 0;
		m->arena_len = 0;
	}
	h = memo_hash(tag, memo_key_hash(key, len));
	s = memo_slot_of(m, h, tag, key, len);
	if (s->hash != 0)		/* already there */
		return m->arena + s->val_at;
	at = memo_val_at(m, m->arena_len, len);
	s->hash = h;
	s->at = (uint32_t)m->arena_len;
	s->val_at = (uint32_t)at;
	s->key_len = (uint16_t)len;
	s->val_len = (uint16_t)val_len;
	s->tag = (uint8_t)tag;
	memcpy(m->arena + m->arena_len, key, len);
	if (val_len > 0)
		memcpy(m->arena + at, val, val_len);
	m->arena_len = at + val_len;
	m->used++;
	return m->arena + at;
}

void
memo_counts(const struct memo *m, unsigned long *hits,
    unsigned long *misses)
{
	*hits = m->hits;
	*misses = m->misses;
}
