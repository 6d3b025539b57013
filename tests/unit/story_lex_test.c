/*
 * story_lex_test: how the looser story test reads a statement's words
 * (story.h): two words a hyphen joins are also the word they spell
 * closed up ("cease-fire", "ceasefire"), in the statements and in the
 * memory of how common words are; and a word of a synonym class of the
 * pack (synonyms = true) is also the class's name, which its other
 * words share.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../check.h"
#include "../../src/config.h"
#include "../../src/story.h"
#include "../../src/story_freq.h"
#include "../../src/text.h"

#define DAY0	1800000000

static struct text_stemmer *stem;
static int n_errors;

static void
words_of(const struct story_lex *lex, const char *text,
    struct story_sketch *sk)
{
	memset(sk, 0, sizeof(*sk));
	if (story_statement_lex(NULL, sk, NULL, NULL, lex, text,
	    strlen(text)) == -1)
		exit(99);
}

static size_t
shared(const struct story_lex *lex, const char *a, const char *b)
{
	struct story_sketch x, y;
	size_t n = 0;

	words_of(lex, a, &x);
	words_of(lex, b, &y);
	(void)story_overlap(&x, &y, &n);
	return n;
}

/* "cease-fire" is also "ceasefire"; "Varnia-Ostland" keeps both names. */
static void
test_hyphen(void)
{
	struct story_lex lex = { NULL, NULL, 0 };
	struct story_sketch sk;

	lex.stem = stem;
	words_of(&lex, "Varnia and Ostland sign a cease-fire at Kessel", &sk);
	CHECK(story_sketch_has(&sk, story_word_hash(stem, "ceasefire", 9)),
	    "a hyphened pair is also the word closed up");
	CHECK(story_sketch_has(&sk, story_word_hash(stem, "cease", 5)) &&
	    story_sketch_has(&sk, story_word_hash(stem, "fire", 4)),
	    "and its two words");
	CHECK(shared(&lex, "Varnia and Ostland sign a cease-fire at Kessel",
	    "Varnia and Ostland sign a ceasefire at Kessel") == 5,
	    "two spellings of one compound share it");
	words_of(&lex, "The Varnia-Ostland talks", &sk);
	CHECK(story_sketch_has(&sk, story_word_hash(stem, "varnia", 6)) &&
	    story_sketch_has(&sk, story_word_hash(stem, "ostland", 7)),
	    "two names a hyphen joins stay two names");
}

/* The memory counts the closed word of a hyphened title, as the
 * statements hold it. */
static void
test_freq_hyphen(void)
{
	struct story_lex lex = { NULL, NULL, 0 };
	struct story_freq *f;
	struct story_sketch sk;
	double w[STORY_SKETCH_MAX];
	size_t items = 0;

	lex.stem = stem;
	if ((f = story_freq_new()) == NULL)
		exit(99);
	CHECK(story_freq_note(f, &lex, "Kessel cease-fire holds", 23,
	    DAY0) == 0, "a title read");
	memset(&sk, 0, sizeof(sk));
	sk.h[0] = story_word_hash(stem, "ceasefire", 9);
	sk.h[1] = story_word_hash(stem, "armistice", 9);
	if (sk.h[0] > sk.h[1]) {
		uint64_t t = sk.h[0];

		sk.h[0] = sk.h[1];
		sk.h[1] = t;
	}
	sk.n = 2;
	story_freq_weigh(f, DAY0, DAY0, &sk, w, &items);
	CHECK(items == 1 && w[0] != w[1], "the closed word was counted, "
	    "a word not read was not");
	story_freq_free(f);
}

static void
collect(void *arg, int is_error, const char *msg)
{
	(void)arg;
	printf("#   %s\n", msg);
	if (is_error)
		n_errors++;
}

/* The pack's classes, loaded as brinkd loads them. */
static struct config *
load(const char *text)
{
	char path[] = "/tmp/story_lex_test.XXXXXX";
	struct config *c;
	FILE *fp;
	int fd;

	if ((fd = mkstemp(path)) == -1 || (fp = fdopen(fd, "w")) == NULL)
		exit(99);
	fputs(text, fp);
	fclose(fp);
	n_errors = 0;
	c = config_load(path, collect, NULL);
	unlink(path);
	return c;
}

static void
test_synonyms(void)
{
	struct story_lex lex = { NULL, NULL, 0 }, none = { NULL, NULL, 0 };
	struct config *c;

	lex.stem = stem;
	none.stem = stem;
	c = load("class starts { words = {\"begin*\", \"=starts\"}"
	    " synonyms = true }\n"
	    "class onset { words = {\"@starts\", \"dawn of\"}"
	    " synonyms = yes }\n"
	    "class stops { words = {\"halt*\", \"=ends\"} }\n");
	CHECK(c != NULL && n_errors == 0, "synonyms = true is read");
	if (c == NULL)
		return;
	CHECK(story_lex_build(&lex, c) == 0 && lex.n_syn == 4,
	    "the single words of the marked classes, and of the classes "
	    "they name");
	CHECK(shared(&lex, "The Kessel truce begins", "The Kessel truce "
	    "starts") == 3, "two words of one class share its name (of "
	    "the first class that holds them)");
	CHECK(shared(&none, "The Kessel truce begins", "The Kessel truce "
	    "starts") == 2, "without the classes, they do not");
	CHECK(shared(&lex, "The Kessel truce halts", "The Kessel truce "
	    "ends") == 2, "a class without synonyms = true joins nothing");
	CHECK(story_word_class(&lex, "beginning", 9) != 0 &&
	    story_word_class(&lex, "start", 5) == 0,
	    "a prefix, and an exact form only");
	story_lex_clear(&lex);
	CHECK(lex.n_syn == 0, "cleared");
	config_free(c);
	c = load("class starts { words = {\"begin*\"} synonyms = often }\n");
	CHECK(n_errors > 0, "synonyms must be a boolean");
	config_free(c);
}

int
main(void)
{
	if ((stem = text_stemmer_new("english")) == NULL)
		return 77;
	test_hyphen();
	test_freq_hyphen();
	test_synonyms();
	text_stemmer_free(stem);
	return check_done();
}
