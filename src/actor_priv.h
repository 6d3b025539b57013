/*
 * actor_priv.h: what actor.c (the mentions), actor_span.c (which mention
 * stands where) and actor_agent.c (who acts) share: the word lists they
 * read, the tests on words, and the lookups by position.  Not a
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

/* Does fold (len bytes) end in tail with more than two bytes before
 * it ("armed", not "bed")? */
int	 actor_ends(const char *fold, size_t len, const char *tail);

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

/* The lookups of actor_span.c, for actor_agent.c: indices into the
 * mentions m of n, or -1 when none fits. */
struct actor_mention;

/* Can mention k act, its phrase looked at no further back than lo? */
int	 actor_can_act(const struct actor_mention *m, size_t k,
	    const struct text_doc *doc, size_t lo);
/* The first mention in tokens [from, to) that can act. */
long	 actor_in_span(const struct actor_mention *m, size_t n,
	    const struct text_doc *doc, size_t from, size_t to);
/* The mention that ends right before token t. */
long	 actor_before(const struct actor_mention *m, size_t n, size_t t);
/* The first side named after "between" in the subject [from, to). */
long	 actor_between(const struct actor_mention *m, size_t n,
	    const struct text_doc *doc, size_t from, size_t to);
/* The mention after token p, past its determiners, before end. */
long	 actor_object_of(const struct actor_mention *m, size_t n,
	    const struct text_doc *doc, size_t p, size_t end);

#endif
