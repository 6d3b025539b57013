/*
 * story_db.h: stories in the store (story.h says what one is).  Each
 * alert joins a story or starts one, inside the item's transaction, and
 * gains a "story" object; each sink then asks whether it wants the
 * alert, by its "stories" option.  What a sink was sent is recorded in
 * the same transaction, so a restart neither repeats a story's first
 * post nor forgets the story.
 */
#ifndef BRINK_STORY_DB_H
#define BRINK_STORY_DB_H

#include <time.h>

#include <jansson.h>

#include "config.h"

struct store;
struct story_db;

/* Stories kept in store (borrowed until story_db_close), with the
 * window, retention, update period and similarity of cfg (borrowed
 * until the next story_db_configure).  NULL on error (logged). */
struct story_db	*story_db_open(struct store *store, const struct config *cfg);
void		 story_db_configure(struct story_db *, const struct config *cfg);
void		 story_db_close(struct story_db *);

#define STORY_JOINED	0	/* the alert joined or started a story */
#define STORY_DUPLICATE	1	/* the same article (link or GUID) was
				   alerted from another feed: the story
				   lists this feed too; raise nothing */

/* When alert's article was published: its item's date when it has one
 * that is not after now, else now.  A story's window and the escalation
 * meter go by it. */
time_t		 story_db_time(const json_t *alert, time_t now);

/*
 * Count the words of an item's title (len bytes) in the memory of how
 * common each word is (story_freq.h), as an item published at t, for
 * the sameness of stories; every item read, alert or not.
 */
void		 story_db_read(struct story_db *, const char *title, size_t len,
		    time_t t);

/*
 * Put alert (from alert_build) in its story at now and set its "story"
 * object.  It joins a story first seen (story_db_time) within
 * story_window of its own date, before or after.  Returns STORY_JOINED,
 * STORY_DUPLICATE, or -1 on a store error (logged; the caller rolls
 * back).
 */
int		 story_db_join(struct story_db *, json_t *alert, time_t now);

/*
 * Does sink (by name, with its stories option; a webhook by default
 * gets updates, the others all) want alert at now?  1 yes (and it is
 * recorded as sent), 0 no, -1 on a store error (logged).
 */
int		 story_db_route(struct story_db *, const struct config_sink *sink,
		    const json_t *alert, time_t now);

/* Forget stories not reported since before now - story_retention;
 * does the work at most once a minute.  0 or -1 (logged). */
int		 story_db_prune(struct story_db *, time_t now);

#endif
