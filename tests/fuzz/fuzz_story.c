/*
 * fuzz_story: a story's statement read from hostile text, as a hit's
 * sentence reaches story_record_statement: the wire dateline skipped,
 * then the words stemmed (British endings rewritten) into the sketch,
 * the stems and the names.  Aborts when the dateline runs past the
 * text or a sketch is not ascending and distinct within its bound.
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
	struct story_sketch sk, words, names;
	const char *text = (const char *)data;
	size_t skip;

	if (stem == NULL && (stem = text_stemmer_new("english")) == NULL)
		abort();
	memset(&sk, 0, sizeof(sk));
	memset(&words, 0, sizeof(words));
	memset(&names, 0, sizeof(names));
	if ((skip = story_dateline(text, size)) > size)
		abort();
	if (story_statement_add(&sk, &words, &names, stem, text + skip,
	    size - skip) == 0) {
		check_sketch(&sk);
		check_sketch(&words);
		check_sketch(&names);
		if (words.n > 0 && story_overlap(&words, &words, &skip) != 1)
			abort();
	}
	return 0;
}
