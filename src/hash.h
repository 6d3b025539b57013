/*
 * hash.h: stable short digests for keys and alert ids.  The value must
 * never change between releases: it names items in the store and alerts
 * in sinks across restarts and upgrades.
 */
#ifndef BRINK_HASH_H
#define BRINK_HASH_H

#include <stddef.h>
#include <stdint.h>

#define HASH_HEX_LEN	16	/* hex digits, without the NUL */

/* 64-bit FNV-1a over the pieces given, each followed by a 0 byte so that
 * ("ab", "c") and ("a", "bc") differ.  The list ends with NULL. */
uint64_t	hash_strings(const char *first, ...);
/* Write h as HASH_HEX_LEN lower-case hex digits and a NUL into out. */
void		hash_hex(uint64_t h, char out[HASH_HEX_LEN + 1]);

#endif
