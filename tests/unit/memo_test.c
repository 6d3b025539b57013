/*
 * memo_test: the memo answers what was put, misses what was not, keeps
 * nothing too long, tells the same bytes under two tags apart, hands out
 * aligned values, and stays right when it fills and is emptied: every
 * answer checked against what was put.  Sized as text_stem.c's memo of
 * stems (cand_cache_test checks the word ids' memo through its face).
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../../src/memo.h"

#include "../check.h"

#define SLOTS	16384

/* A made-up stem for word n: "word<n>ing" -> "word<n>". */
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
	struct memo *c = memo_new(SLOTS, SLOTS * 24, 64, 64, 1);
	struct memo *a;
	const char *s;
	char w[32], stem[32], longer[100];
	unsigned long hits, misses;
	uint32_t ids[3] = { 7, 8, 9 };
	size_t len = 0;
	unsigned i, wrong = 0, found = 0, odd = 0;

	CHECK(memo_new(1000, 100, 8, 8, 1) == NULL,
	    "slots not a power of two are refused");
	CHECK(c != NULL, "a memo is made");
	if (c == NULL)
		return check_done();
	CHECK(memo_get(c, 0, "threatened", 10, &len) == NULL,
	    "an empty memo knows no value");
	s = memo_put(c, 0, "threatened", 10, "threaten", 8);
	CHECK(same(s, 8, "threaten"), "put gives back the value");
	s = memo_get(c, 0, "threatened", 10, &len);
	CHECK(same(s, len, "threaten"), "the value put is found");
	CHECK(memo_get(c, 0, "threaten", 8, &len) == NULL,
	    "a prefix of a key is another key");
	CHECK(memo_get(c, 0, "threatenedx", 11, &len) == NULL,
	    "a longer key is another key");
	CHECK(memo_get(c, 1, "threatened", 10, &len) == NULL,
	    "the same bytes under another tag are another key");
	memo_put(c, 1, "threatened", 10, "THREATEN", 8);
	s = memo_get(c, 1, "threatened", 10, &len);
	CHECK(same(s, len, "THREATEN"), "each tag keeps its own value");
	s = memo_get(c, 0, "threatened", 10, &len);
	CHECK(same(s, len, "threaten"), "... and the first its own");

	memset(longer, 'a', sizeof(longer));
	CHECK(memo_put(c, 0, longer, sizeof(longer), "a", 1) == NULL,
	    "a key too long to keep is refused");
	CHECK(memo_get(c, 0, longer, sizeof(longer), &len) == NULL,
	    "... and not kept");
	CHECK(memo_put(c, 0, "long", 4, longer, sizeof(longer)) == NULL,
	    "a value too long to keep is refused");
	CHECK(memo_get(c, 0, "long", 4, &len) == NULL, "... and not kept");

	/* Ten times the slots: the memo empties itself several times. */
	for (i = 0; i < 200000; i++) {
		word(i % 163840, w, sizeof(w), stem, sizeof(stem));
		if ((s = memo_get(c, 0, w, strlen(w), &len)) != NULL) {
			found++;
			if (!same(s, len, stem))
				wrong++;
			continue;
		}
		s = memo_put(c, 0, w, strlen(w), stem, strlen(stem));
		if (!same(s, strlen(stem), stem))
			wrong++;
	}
	CHECK_INT(wrong, 0, "through 200,000 lookups and refills every "
	    "value given is the one put");
	CHECK(memo_get(c, 0, "threatened", 10, &len) == NULL,
	    "a full memo was emptied: the first key is gone");
	/* A small vocabulary again and again: after the first round all
	 * hits. */
	found = 0;
	for (i = 0; i < 10000; i++) {
		word(i % 100, w, sizeof(w), stem, sizeof(stem));
		if ((s = memo_get(c, 0, w, strlen(w), &len)) != NULL) {
			found += same(s, len, stem);
			continue;
		}
		memo_put(c, 0, w, strlen(w), stem, strlen(stem));
	}
	CHECK(found >= 9900, "a small vocabulary is found after its first "
	    "round");
	memo_counts(c, &hits, &misses);
	CHECK(hits > 0 && misses > 0, "hits and misses are counted");
	memo_free(c);

	/* Keys of every length before values of uint32_t, in a small
	 * arena that fills often: every value starts on a multiple of 4. */
	a = memo_new(64, 256, 32, sizeof(ids), sizeof(uint32_t));
	CHECK(a != NULL, "an aligned memo is made");
	if (a == NULL)
		return check_done();
	wrong = 0;
	for (i = 0; i < 1000; i++) {
		const void *v;

		snprintf(w, sizeof(w), "%.*s%u", (int)(i % 7), "abcdefg", i);
		v = memo_put(a, 0, w, strlen(w), ids, sizeof(ids));
		if (v == NULL || (uintptr_t)v % sizeof(uint32_t) != 0)
			odd++;
		else if (memcmp(v, ids, sizeof(ids)) != 0)
			wrong++;
	}
	CHECK_INT(odd, 0, "every value is kept and aligned to 4");
	CHECK_INT(wrong, 0, "every aligned value is the one put");
	memo_free(a);
	return check_done();
}
