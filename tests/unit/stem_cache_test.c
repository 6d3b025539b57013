/*
 * stem_cache_test: the stem memo answers what was put, misses what was
 * not, keeps nothing too long, and stays right when it fills and is
 * emptied: every answer checked against the stems that were put.
 */
#include "autoconf.h"

#include <stdio.h>
#include <string.h>

#include "../../src/stem_cache.h"

#include "../check.h"

/* A made-up stem for word n: "w<n>" with the last letter dropped. */
static void
word(unsigned n, char *w, size_t wlen, char *stem, size_t slen)
{
	snprintf(w, wlen, "word%uing", n);
	snprintf(stem, slen, "word%u", n);
}

static int
same(const char *got, size_t got_len, const char *want)
{
	return got != NULL && got_len == strlen(want) &&
	    memcmp(got, want, got_len) == 0;
}

int
main(void)
{
	struct stem_cache *c = stem_cache_new();
	const char *s;
	char w[32], stem[32], longer[100];
	unsigned long hits, misses;
	size_t len = 0;
	unsigned i, wrong = 0, found = 0;

	CHECK(c != NULL, "a cache is made");
	if (c == NULL)
		return check_done();
	CHECK(stem_cache_get(c, "threatened", 10, &len) == NULL,
	    "an empty cache knows no stem");
	s = stem_cache_put(c, "threatened", 10, "threaten", 8);
	CHECK(same(s, 8, "threaten"), "put gives back the stem");
	s = stem_cache_get(c, "threatened", 10, &len);
	CHECK(same(s, len, "threaten"), "the stem put is found");
	CHECK(stem_cache_get(c, "threaten", 8, &len) == NULL,
	    "a prefix of a cached token is another token");
	CHECK(stem_cache_get(c, "threatenedx", 11, &len) == NULL,
	    "a longer token is another token");

	memset(longer, 'a', sizeof(longer));
	s = stem_cache_put(c, longer, sizeof(longer), "a", 1);
	CHECK(s != NULL && s[0] == 'a', "a token too long to keep is "
	    "still answered");
	CHECK(stem_cache_get(c, longer, sizeof(longer), &len) == NULL,
	    "... but not kept");

	/* Ten times the slots: the cache empties itself several times. */
	for (i = 0; i < 200000; i++) {
		word(i % 163840, w, sizeof(w), stem, sizeof(stem));
		if ((s = stem_cache_get(c, w, strlen(w), &len)) != NULL) {
			found++;
			if (!same(s, len, stem))
				wrong++;
			continue;
		}
		s = stem_cache_put(c, w, strlen(w), stem, strlen(stem));
		if (!same(s, strlen(stem), stem))
			wrong++;
	}
	CHECK_INT(wrong, 0, "through 200,000 lookups and refills every "
	    "stem given is the one put");
	/* A small vocabulary again and again: after the first round all
	 * hits. */
	found = 0;
	for (i = 0; i < 10000; i++) {
		word(i % 100, w, sizeof(w), stem, sizeof(stem));
		if ((s = stem_cache_get(c, w, strlen(w), &len)) != NULL) {
			found += same(s, len, stem);
			continue;
		}
		stem_cache_put(c, w, strlen(w), stem, strlen(stem));
	}
	CHECK(found >= 9900, "a small vocabulary is found after its first "
	    "round");
	stem_cache_counts(c, &hits, &misses);
	CHECK(hits > 0 && misses > 0, "hits and misses are counted");
	stem_cache_free(c);
	return check_done();
}
