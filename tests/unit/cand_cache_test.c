/*
 * cand_cache_test: the token memo answers what was put, tells a word in
 * capitals from the same word in lower case, misses what was not put,
 * and stays right when it fills and is emptied: every answer checked
 * against the ids that were put.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../../src/cand_cache.h"
#include "../../src/memo.h"

#include "../check.h"

/* cand_cache_get with the key's hash made as the tokeniser makes it. */
static const uint32_t *
lookup(struct cand_cache *c, const char *fold, size_t len, int caps,
    size_t *n, int *mark)
{
	return cand_cache_get(c, fold, len, memo_key_hash(fold, len), caps, n,
	    mark);
}

/* The made-up ids of token n: n % 7 + 1 of them, from n upwards. */
static size_t
ids_of(unsigned n, uint32_t *ids)
{
	size_t k, m = n % 7 + 1;

	for (k = 0; k < m; k++)
		ids[k] = n + (uint32_t)k;
	return m;
}

static int
same(const uint32_t *got, size_t n, const uint32_t *want, size_t m)
{
	return got != NULL && n == m &&
	    (n == 0 || memcmp(got, want, n * sizeof(*got)) == 0);
}

int
main(void)
{
	struct cand_cache *c = cand_cache_new();
	const uint32_t *got;
	uint32_t want[8], many[300];
	char w[32], longer[2000];
	unsigned long hits, misses;
	size_t n = 0, m;
	int mark = -1;
	unsigned i, wrong = 0, found = 0;

	CHECK(c != NULL, "a cache is made");
	if (c == NULL)
		return check_done();
	CHECK(lookup(c, "us", 2, 1, &n, &mark) == NULL,
	    "an empty cache knows no token");
	want[0] = 0;
	want[1] = 42;
	cand_cache_put(c, "us", 2, 1, want, 2, 1);
	got = lookup(c, "us", 2, 1, &n, &mark);
	CHECK(same(got, n, want, 2) && mark == 1, "the ids and the mark "
	    "put are found");
	CHECK(lookup(c, "us", 2, 0, &n, &mark) == NULL,
	    "\"us\" in lower case is another token than \"US\"");
	CHECK(lookup(c, "u", 1, 1, &n, &mark) == NULL,
	    "a prefix of a cached token is another token");
	cand_cache_put(c, "the", 3, 0, want, 0, 0);
	got = lookup(c, "the", 3, 0, &n, &mark);
	CHECK(got != NULL && n == 0 && mark == 0, "a token with no ids is "
	    "remembered as having none");

	memset(longer, 'a', sizeof(longer));
	cand_cache_put(c, longer, sizeof(longer), 0, want, 2, 0);
	CHECK(lookup(c, longer, sizeof(longer), 0, &n, &mark) == NULL,
	    "a token too long to keep is not kept");
	memset(many, 0, sizeof(many));
	cand_cache_put(c, "many", 4, 0, many, 300, 0);
	CHECK(lookup(c, "many", 4, 0, &n, &mark) == NULL,
	    "a list too long to keep is not kept");

	/* Ten times the slots: the cache empties itself several times. */
	for (i = 0; i < 200000; i++) {
		snprintf(w, sizeof(w), "word%u", i % 163840);
		m = ids_of(i % 163840, want);
		if ((got = lookup(c, w, strlen(w), (int)(i & 1),
		    &n, &mark)) != NULL) {
			found++;
			if (!same(got, n, want, m) ||
			    mark != (int)(i % 163840 % 3))
				wrong++;
			continue;
		}
		cand_cache_put(c, w, strlen(w), (int)(i & 1), want, m,
		    (int)(i % 163840 % 3));
	}
	CHECK_INT(wrong, 0, "through 200,000 lookups and refills every "
	    "list and mark given is the one put");
	/* A small vocabulary again and again: after the first round all
	 * hits. */
	found = 0;
	for (i = 0; i < 10000; i++) {
		snprintf(w, sizeof(w), "word%u", i % 100);
		m = ids_of(i % 100, want);
		if ((got = lookup(c, w, strlen(w), 0, &n, &mark)) !=
		    NULL) {
			found += same(got, n, want, m);
			continue;
		}
		cand_cache_put(c, w, strlen(w), 0, want, m, 0);
	}
	CHECK(found >= 9900, "a small vocabulary is found after its first "
	    "round");
	cand_cache_counts(c, &hits, &misses);
	CHECK(hits > 0 && misses > 0, "hits and misses are counted");
	cand_cache_free(c);
	return check_done();
}
