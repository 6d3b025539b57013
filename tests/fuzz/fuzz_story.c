/*
 * fuzz_story: a story's statement read from hostile text, as a hit's
 * sentence reaches story_record_statement: the wire dateline skipped,
 * then the words stemmed (British endings rewritten) into the sketch,
 * the stems, the names and the counts.  Aborts when the dateline runs
 * past the text, a sketch is not ascending and distinct within its
 * bound, or a count is missing from the stems that were not cut.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "story.h"
#include "text.h"

static struct text_stemmer *stem;

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
	}
	return 0;
}
