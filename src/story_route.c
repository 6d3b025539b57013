/*
 * story_route.c: which sinks get a story's alert, by what each was
 * sent of it (story_db.h, the story_sent table of story_db.c).
 */
#include "autoconf.h"

#include <time.h>

#include <jansson.h>
#include <sqlite3.h>

#include "alert.h"
#include "config.h"
#include "story_db.h"
#include "story_db_priv.h"

int
story_db_route(struct story_db *sd, const struct config_sink *sink,
    const json_t *alert, time_t now)
{
	const json_t *story = json_object_get(alert, "story");
	enum sink_stories mode = sink->stories;
	sqlite3_stmt *st;
	const char *id;
	time_t sent = 0;
	int rc, severity, articles, sent_severity = 0, sent_articles = 0;
	int have;

	if (mode == STORIES_DEFAULT)
		mode = sink->type == SINK_WEBHOOK ? STORIES_UPDATES :
		    STORIES_ALL;
	if (mode == STORIES_ALL || story == NULL ||
	    (id = json_string_value(json_object_get(story, "id"))) == NULL)
		return 1;
	severity = alert_severity(alert);
	articles = (int)json_integer_value(json_object_get(story,
	    "articles"));

	st = story_db_stmt(sd, SQ_GET_SENT);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, sink->name, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		sent = (time_t)sqlite3_column_int64(st, 0);
		sent_severity = sqlite3_column_int(st, 1);
		sent_articles = sqlite3_column_int(st, 2);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return story_db_fail(sd, "reading what a sink was sent");
	have = rc == SQLITE_ROW;
	/* The first alert of the story that passed this sink's filters
	 * goes at once; an update only when the story grew and the period
	 * is over, or at once when it got more severe. */
	if (have && (mode == STORIES_FIRST || (severity <= sent_severity &&
	    (articles <= sent_articles ||
	    difftime(now, sent) < sd->cfg->story_update))))
		return 0;
	st = story_db_stmt(sd, SQ_PUT_SENT);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, sink->name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)now);
	sqlite3_bind_int(st, 4, severity > sent_severity ? severity :
	    sent_severity);
	sqlite3_bind_int(st, 5, articles);
	if (story_db_done(sd, st, "recording what a sink was sent") == -1)
		return -1;
	return 1;
}
