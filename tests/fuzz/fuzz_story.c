/*
 * fuzz_story: a story's statement read from hostile text, as a hit's
 * sentence reaches story_record_statement: the wire dateline skipped,
 * then the words stemmed (British endings rewritten) into the sketch,
 * the stems, the names and the counts.  Aborts when the dateline runs
 * past the text, a sketch is not ascending and distinct within its
 * bound, or a count is missing from the stems that were not cut.  The
 * same text is also read as a title by the memory of how common words
 * are (story_freq.h), which every item of every feed reaches: a word's
 * weight must lie between none and that of a word never read.
 */
#include "autoconf.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "story.h"
#include "story_freq.h"
#include "text.h"

#define FUZZ_DAY	1800000000	/* every input is read on one day */

static struct text_stemmer *stem;
static struct story_freq *freq;

/* Read text as a title; then the weights of words' stems. */
static void
check_freq(const char *text, size_t size, const struct story_sketch *words)
{
	struct story_lex lex = { NULL, NULL, 0 };
	double w[STORY_SKETCH_MAX];
	size_t items = 0, k;

	lex.stem = stem;
	if (freq == NULL && (freq = story_freq_new()) == NULL)
		return;
	if (story_freq_note(freq, &lex, text, size, FUZZ_DAY) != 0)
		return;
	story_freq_weigh(freq, FUZZ_DAY, FUZZ_DAY, words, w, &items);
	if (items == 0)
		abort();
	for (k = 0; k < words->n; k++)
		if (!(w[k] >= 0 && w[k] <= log((double)items + 1) + 1e-9))
			abort();
}

static void
check_sketch(const struct story_sketch *sk)
{
	size_t i;

	if (sk->n > STORY_SKETCH_MAX)
		abort();
	for (i = 1; i < sk->n; i++)
		if (sk->h[i - 1] >= sk->h[i])
			abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct story_sketch sk, words, names, counts;
	const char *text = (const char *)data;
	size_t skip, k;

	if (stem == NULL && (stem = text_stemmer_new("english")) == NULL)
		abort();
	memset(&sk, 0, sizeof(sk));
	memset(&words, 0, sizeof(words));
	memset(&names, 0, sizeof(names));
	memset(&counts, 0, sizeof(counts));
	if ((skip = story_dateline(text, size)) > size)
		abort();
	if (story_statement_add(&sk, &words, &names, &counts, stem,
	    text + skip, size - skip) == 0) {
		check_sketch(&sk);
		check_sketch(&words);
		check_sketch(&names);
		check_sketch(&counts);
		/* every count is a word too, unless the words were cut */
		for (k = 0; words.n < STORY_SKETCH_MAX && k < counts.n; k++)
			if (!story_sketch_has(&words, counts.h[k]))
				abort();
		if (words.n > 0 && story_overlap(&words, &words, &skip) != 1)
			abort();
		check_freq(text, size, &words);
	}
	return 0;
}
