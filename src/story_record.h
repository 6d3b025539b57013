/*
 * story_record.h: an alert's parts as the story tables keep them: its
 * actors as one string, its article's keys, the sketches as bytes.
 */
#ifndef BRINK_STORY_RECORD_H
#define BRINK_STORY_RECORD_H

#include <stddef.h>

#include <jansson.h>

#include "story.h"

struct config;
struct story_lex;

/* The strings of a JSON array, sorted and comma-joined; caller frees. */
char	*story_record_names(const json_t *arr);
/* The next name of a comma-joined list (story_record_names) at *p: its
 * length, with *name at it and *p past it; 0 at the end. */
size_t	 story_record_next_name(const char **p, const char **name);
/*
 * Does the comma-joined actor list name no actor, only roles of cfg
 * ("official", "armed-group") or none at all?  Such a report does not
 * say who acted, so it is not another actor's.
 */
int	 story_record_unnamed(const struct config *cfg, const char *actors);
/*
 * An alert's statement: its quoted sentences (less a wire dateline), or
 * its title when none is, as a sketch, a set of content stems, a set of
 * names and a set of counts (story.h), read as lex reads words;
 * its named actors and targets (cfg's actors, not roles) are names too,
 * hashed as its words are; the actors alone are in actors (a target is
 * a word of what was said: targets do not gate a story, so nothing else
 * compares them).  A statement whose every sentence asks (story_asks)
 * tells no event, so it has no sketch, content stems nor counts: it is
 * a story of its own, which no later report joins.  0, or -1 when out
 * of memory.
 */
int	 story_record_statement(const json_t *alert,
	    const struct config *cfg, const struct story_lex *lex,
	    struct story_sketch *sketch, struct story_sketch *words,
	    struct story_sketch *names, struct story_sketch *counts,
	    struct story_sketch *actors);
/* "TAG:" + the item's field (link, id) of alert; NULL where it has
 * none.  Caller frees. */
char	*story_record_article_key(const json_t *alert, const char *field,
	    const char *tag);
/* A sketch as 8 little-endian bytes a hash (out holds sk->n * 8), and
 * back (at most STORY_SKETCH_MAX hashes). */
void	 story_record_pack(const struct story_sketch *sk, unsigned char *out);
void	 story_record_unpack(const unsigned char *in, size_t len,
	    struct story_sketch *sk);

#endif
