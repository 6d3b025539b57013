/*
 * text_stem.c: the Snowball stemmer of a language (libstemmer) and its
 * memo of answers (memo.c), for the rules (see text.h).  News text is
 * Zipfian: a few thousand words make most of it, and Snowball stemming
 * each again costs about a third of a cold poll (bench/README.md).
 */
#include "autoconf.h"

#include <stdlib.h>

#include <libstemmer.h>

#include "memo.h"
#include "text.h"

/* The memo of folded token -> stem: its slots (a power of two), its
 * bytes of tokens and stems, and the longest token (or stem) kept. */
#define STEM_SLOTS	16384
#define STEM_ARENA	(STEM_SLOTS * 24)
#define STEM_KEY_MAX	64

struct text_stemmer {
	struct sb_stemmer	*sb;
	struct memo		*cache;		/* NULL: every word stemmed */
};

struct text_stemmer *
text_stemmer_new(const char *language)
{
	struct text_stemmer *st;

	if ((st = calloc(1, sizeof(*st))) == NULL)
		return NULL;
	if ((st->sb = sb_stemmer_new(language, "UTF_8")) == NULL) {
		free(st);
		return NULL;
	}
	/* Without memory for the cache, stemming still works, slower. */
	st->cache = memo_new(STEM_SLOTS, STEM_ARENA, STEM_KEY_MAX,
	    STEM_KEY_MAX, 1);
	return st;
}

void
text_stemmer_free(struct text_stemmer *st)
{
	if (st == NULL)
		return;
	sb_stemmer_delete(st->sb);
	memo_free(st->cache);
	free(st);
}

const char *
text_stem(struct text_stemmer *st, const char *fold, size_t len,
    size_t *stem_len)
{
	const sb_symbol *stem;
	const char *known;

	/* News repeats its words: Snowball once per word, not per use. */
	if (st->cache != NULL && (known = memo_get(st->cache, 0, fold, len,
	    stem_len)) != NULL)
		return known;
	stem = sb_stemmer_stem(st->sb, (const sb_symbol *)fold, (int)len);
	if (stem == NULL) {
		*stem_len = len;
		return fold;
	}
	*stem_len = (size_t)sb_stemmer_length(st->sb);
	/* A pair too long to keep is answered all the same. */
	if (st->cache != NULL && (known = memo_put(st->cache, 0, fold, len,
	    stem, *stem_len)) != NULL)
		return known;
	return (const char *)stem;
}
