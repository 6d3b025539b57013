/*
 * story_db_priv.h: what story_db.c shares with story_route.c, which
 * routes a story's alerts to the sinks by what each was sent, and with
 * story_words.c, which keeps the memory of how common words are.
 */
#ifndef BRINK_STORY_DB_PRIV_H
#define BRINK_STORY_DB_PRIV_H

#include <stdint.h>
#include <time.h>

#include <sqlite3.h>

#include "config.h"
#include "story.h"

struct store;
struct story_freq;
struct text_stemmer;

enum {
	SQ_ARTICLE,
	SQ_CANDIDATES,
	SQ_ACTOR_CANDIDATES,
	SQ_NAME_CANDIDATES,
	SQ_ADD_NAME,
	SQ_ADD_ACTOR,
	SQ_GET,
	SQ_INSERT,
	SQ_UPDATE,
	SQ_ADD_ARTICLE,
	SQ_GET_SENT,
	SQ_PUT_SENT,
	SQ_PRUNE_ACTOR,
	SQ_PRUNE_NAME,
	SQ_PRUNE_STORY,
	SQ_PRUNE_ARTICLE,
	SQ_PRUNE_SENT,
	SQ_WORD_ALL,
	SQ_WORD_PUT,
	SQ_WORD_PRUNE,
	SQ_COUNT
};

struct story_db {
	struct store		*store;
	sqlite3			*db;
	sqlite3_stmt		*stmt[SQ_COUNT];
	struct text_stemmer	*stem;
	const struct config	*cfg;
	struct story_freq	*freq;		/* NULL when out of memory */
	struct story_lex	 lex;		/* stem, synonyms */
	time_t			 pruned;
};

/* story_db_stmt.c: log a store error of what the stories were doing;
 * -1. */
int		 story_db_fail(struct story_db *, const char *what);

/* Statement which of sd, reset and unbound. */
sqlite3_stmt	*story_db_stmt(struct story_db *, int which);

/* Run st to its end: 0, or -1 (logged as what). */
int		 story_db_done(struct story_db *, sqlite3_stmt *st,
		    const char *what);

/* Read the word-frequency memory (story_freq.h) as the store kept it.
 * 0, or -1 on a store error (logged). */
int		 story_db_words_load(struct story_db *);

/* Save the days of the memory counted since the last save.  0, or -1
 * on a store error (logged). */
int		 story_db_words_save(struct story_db *);

#endif
