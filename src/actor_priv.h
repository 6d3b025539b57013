/*
 * actor_priv.h: what actor.c (the mentions) and actor_agent.c (who acts)
 * share: the word lists both read, and the tests on words.  Not a
 * contract: only those include it.
 */
#ifndef BRINK_ACTOR_PRIV_H
#define BRINK_ACTOR_PRIV_H

#include <stddef.h>

#include "text.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* Is fold in the sorted list words of n? */
int	 actor_in(const char *fold, const char *const *words, size_t n);
#define ACTOR_IN(fold, list)	actor_in((fold), (list), NELEM(list))

/* The token where the phrase at first begins, past the articles before
 * it ("the", "its"), looking no further back than lo. */
size_t	 actor_phrase_start(const struct text_doc *, size_t first, size_t lo);
int	 actor_modifier_ok(const struct text_token *);

/* Function words that end a noun phrase or link two. */
extern const char *const actor_stop_words[];
extern const size_t	 actor_n_stop_words;
/* Before a name: an object or a place, never who acts. */
extern const char *const actor_prepositions[];
extern const size_t	 actor_n_prepositions;
/* Articles and possessive pronouns before a noun. */
extern const char *const actor_determiners[];
extern const size_t	 actor_n_determiners;

/* Does token t, after a name, make that name a backer ("Iran-backed",
 * "US-led")? */
int	 actor_backing(const struct text_doc *doc, size_t t);

#endif
