/*
 * hash.c: FNV-1a, chosen because it is tiny, has no dependency and is
 * fixed by definition; collisions among one feed's items are negligible
 * at 64 bits.
 */
#include "autoconf.h"

#include <stdarg.h>
#include <stdio.h>

#include "hash.h"

#define FNV_OFFSET	UINT64_C(14695981039346656037)
#define FNV_PRIME	UINT64_C(1099511628211)

uint64_t
hash_strings(const char *first, ...)
{
	uint64_t h = FNV_OFFSET;
	const char *s;
	va_list ap;

	va_start(ap, first);
	for (s = first; s != NULL; s = va_arg(ap, const char *)) {
		for (; *s != '\0'; s++) {
			h ^= (unsigned char)*s;
			h *= FNV_PRIME;
		}
		h *= FNV_PRIME;	/* the 0 separator: h ^= 0 is a no-op */
	}
	va_end(ap);
	return h;
}

void
hash_hex(uint64_t h, char out[HASH_HEX_LEN + 1])
{
	snprintf(out, HASH_HEX_LEN + 1, "%016llx", (unsigned long long)h);
}
