/*
 * story_lex_test: how the looser story test reads a statement's words
 * (story.h): two words a hyphen joins are also the word they spell
 * closed up ("cease-fire", "ceasefire"), in the statements and in the
 * memory of how common words are.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "../../src/story.h"
#include "../../src/story_freq.h"
#include "../../src/text.h"

#define DAY0	1800000000

static struct text_stemmer *stem;

static void
words_of(const char *text, struct story_sketch *sk)
{
	memset(sk, 0, sizeof(*sk));
	if (story_statement_add(NULL, sk, NULL, NULL, stem, text,
	    strlen(text)) == -1)
		exit(99);
}

static size_t
shared(const char *a, const char *b)
{
	struct story_sketch x, y;
	size_t n = 0;

	words_of(a, &x);
	words_of(b, &y);
	(void)story_overlap(&x, &y, &n);
	return n;
}

/* "cease-fire" is also "ceasefire"; "Varnia-Ostland" keeps both names. */
static void
test_hyphen(void)
{
	struct story_sketch sk;

	words_of("Varnia and Ostland sign a cease-fire at Kessel", &sk);
	CHECK(story_sketch_has(&sk, story_word_hash(stem, "ceasefire", 9)),
	    "a hyphened pair is also the word closed up");
	CHECK(story_sketch_has(&sk, story_word_hash(stem, "cease", 5)) &&
	    story_sketch_has(&sk, story_word_hash(stem, "fire", 4)),
	    "and its two words");
	CHECK(shared("Varnia and Ostland sign a cease-fire at Kessel",
	    "Varnia and Ostland sign a ceasefire at Kessel") == 5,
	    "two spellings of one compound share it");
	words_of("The Varnia-Ostland talks", &sk);
	CHECK(story_sketch_has(&sk, story_word_hash(stem, "varnia", 6)) &&
	    story_sketch_has(&sk, story_word_hash(stem, "ostland", 7)),
	    "two names a hyphen joins stay two names");
}

/* The memory counts the closed word of a hyphened title, as the
 * statements hold it. */
static void
test_freq_hyphen(void)
{
	struct story_freq *f;
	struct story_sketch sk;
	double w[STORY_SKETCH_MAX];
	size_t items = 0;
	uint64_t t;

	if ((f = story_freq_new()) == NULL)
		exit(99);
	CHECK(story_freq_note(f, stem, "Kessel cease-fire holds", 23,
	    DAY0) == 0, "a title read");
	memset(&sk, 0, sizeof(sk));
	sk.h[0] = story_word_hash(stem, "ceasefire", 9);
	sk.h[1] = story_word_hash(stem, "armistice", 9);
	if (sk.h[0] > sk.h[1]) {
		t = sk.h[0];
		sk.h[0] = sk.h[1];
		sk.h[1] = t;
	}
	sk.n = 2;
	story_freq_weigh(f, DAY0, DAY0, &sk, w, &items);
	CHECK(items == 1 && w[0] != w[1], "the closed word was counted, "
	    "a word not read was not");
	story_freq_free(f);
}

int
main(void)
{
	if ((stem = text_stemmer_new("english")) == NULL)
		return 77;
	test_hyphen();
	test_freq_hyphen();
	text_stemmer_free(stem);
	return check_done();
}
