/*
 * story_words.c: the memory of how common each word is (story_freq.h)
 * fed by every item read, and kept in the store's story_word table, one
 * row a day (story_db_priv.h).
 */
#include "autoconf.h"

#include <stddef.h>
#include <time.h>

#include <sqlite3.h>

#include "log.h"
#include "story_db.h"
#include "story_db_priv.h"
#include "story_freq.h"

void
story_db_read(struct story_db *sd, const char *title, size_t len, time_t t)
{
	/* Out of memory, the item is left uncounted: its words only
	 * seem rarer than they are. */
	if (sd->freq != NULL && len > 0)
		(void)story_freq_note(sd->freq, &sd->lex, title, len, t);
}

int
story_db_words_load(struct story_db *sd)
{
	sqlite3_stmt *st = story_db_stmt(sd, SQ_WORD_ALL);
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (sd->freq != NULL && story_freq_load(sd->freq,
		    (long)sqlite3_column_int64(st, 0),
		    (size_t)sqlite3_column_int64(st, 1),
		    sqlite3_column_blob(st, 2),
		    (size_t)sqlite3_column_bytes(st, 2)) == -1)
			log_error("stories: out of memory reading how "
			    "common words are");
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : story_db_fail(sd,
	    "reading how common words are");
}

static int
story_db_word_put(void *arg, long day, size_t items,
    const unsigned char *words, size_t len)
{
	struct story_db *sd = arg;
	sqlite3_stmt *st = story_db_stmt(sd, SQ_WORD_PUT);

	sqlite3_bind_int64(st, 1, (sqlite3_int64)day);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)items);
	sqlite3_bind_blob(st, 3, words, (int)len, SQLITE_STATIC);
	return story_db_done(sd, st, "saving how common words are");
}

int
story_db_words_save(struct story_db *sd)
{
	if (sd->freq == NULL)
		return 0;
	return story_freq_save(sd->freq, story_db_word_put, sd);
}
