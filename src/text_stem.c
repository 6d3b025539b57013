/*
 * text_stem.c: the Snowball stemmer of a language (libstemmer) and its
 * memo of answers (stem_cache.c), for the rules (see text.h).
 */
#include "autoconf.h"

#include <stdlib.h>

#include <libstemmer.h>

#include "stem_cache.h"
#include "text.h"

struct text_stemmer {
	struct sb_stemmer	*sb;
	struct stem_cache	*cache;		/* NULL: every word stemmed */
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
	st->cache = stem_cache_new();
	return st;
}

void
text_stemmer_free(struct text_stemmer *st)
{
	if (st == NULL)
		return;
	sb_stemmer_delete(st->sb);
	stem_cache_free(st->cache);
	free(st);
}

const char *
text_stem(struct text_stemmer *st, const char *fold, size_t len,
    size_t *stem_len)
{
	const sb_symbol *stem;
	const char *known;

	/* News repeats its words: Snowball once per word, not per use. */
	if (st->cache != NULL && (known = stem_cache_get(st->cache, fold, len,
	    stem_len)) != NULL)
		return known;
	stem = sb_stemmer_stem(st->sb, (const sb_symbol *)fold, (int)len);
	if (stem == NULL) {
		*stem_len = len;
		return fold;
	}
	*stem_len = (size_t)sb_stemmer_length(st->sb);
	if (st->cache != NULL)
		return stem_cache_put(st->cache, fold, len,
		    (const char *)stem, *stem_len);
	return (const char *)stem;
}
