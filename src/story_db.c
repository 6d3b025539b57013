/*
 * story_db.c: stories in the SQLite store and their routing to sinks
 * (story_db.h).  Tables, from store.c's migrations 4, 7, 8 and 9:
 *
 *   story(id, family, actors, targets, sketch, first_seen, last_seen,
 *         severity, articles, feeds, words, names)   actors and targets
 *         are sorted, comma-joined names; sketch, words and names the
 *         little-endian 64-bit hashes of story.h; feeds a JSON array of
 *         feed names
 *   story_article(article, story, alert_id, seen)   "l:" + link and
 *         "g:" + GUID of every article that joined a story; indexed
 *         by seen for the prune
 *   story_sent(story, sink, sent, severity, articles)   the last alert
 *         of a story each sink was given
 *
 *   story_actor(actor, family, first_seen, story, actors)   each actor
 *         of a story, with all of them, for the looser test of story.h;
 *         "" for a story that names no actor, only roles
 *   story_name(name, family, first_seen, story)   each name (story.h)
 *         of a story, for a report that names no actor
 *   story_word(day, items, words)   how common each word was in the
 *         titles of each day (story_freq.h, story_words.c)
 *
 * A lookup reads only the stories of one family and set of actors, and
 * those of one family and one of the actors or no named actor, first
 * seen within the window (indexes); a report that names no actor reads
 * those of one family and one of its names (the looser test wants one
 * in common).
 * Its cost does not grow with the table.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>
#include <sqlite3.h>

#include "alert.h"
#include "config.h"
#include "date.h"
#include "db_stmt.h"
#include "hash.h"
#include "log.h"
#include "store.h"
#include "story.h"
#include "story_db.h"
#include "story_db_priv.h"
#include "story_freq.h"
#include "story_record.h"
#include "text.h"

#define PRUNE_EVERY	60	/* seconds between two prunes */

static const char *const story_sql[SQ_COUNT] = {
	[SQ_ARTICLE] = "SELECT story, alert_id FROM story_article"
	    " WHERE article = ?1 OR article = ?2 LIMIT 1",
	[SQ_CANDIDATES] = "SELECT id, actors, sketch, words, names"
	    " FROM story"
	    " WHERE family = ?1 AND actors = ?2 AND first_seen >= ?3"
	    " AND first_seen <= ?4",
	[SQ_ACTOR_CANDIDATES] = "SELECT s.id, s.actors, s.sketch, s.words,"
	    " s.names FROM story_actor a JOIN story s ON s.id = a.story"
	    " WHERE a.actor = ?1 AND a.family = ?2 AND a.first_seen >= ?3"
	    " AND a.first_seen <= ?4 AND a.actors <> ?5",
	[SQ_NAME_CANDIDATES] = "SELECT s.id, s.actors, s.sketch, s.words,"
	    " s.names FROM story_name n JOIN story s ON s.id = n.story"
	    " WHERE n.name = ?1 AND n.family = ?2 AND n.first_seen >= ?3"
	    " AND n.first_seen <= ?4 AND s.actors <> ?5",
	[SQ_ADD_NAME] = "INSERT OR IGNORE INTO story_name"
	    " (name, family, first_seen, story) VALUES (?1, ?2, ?3, ?4)",
	[SQ_ADD_ACTOR] = "INSERT OR IGNORE INTO story_actor"
	    " (actor, family, first_seen, story, actors)"
	    " VALUES (?1, ?2, ?3, ?4, ?5)",
	[SQ_GET] = "SELECT first_seen, severity, articles, feeds FROM story"
	    " WHERE id = ?1",
	[SQ_INSERT] = "INSERT OR REPLACE INTO story (id, family, actors,"
	    " targets, sketch, first_seen, last_seen, severity, articles,"
	    " feeds, words, names) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?9, ?7, 1,"
	    " ?8, ?10, ?11)",
	[SQ_UPDATE] = "UPDATE story SET last_seen = ?2, severity = ?3,"
	    " articles = ?4, feeds = ?5 WHERE id = ?1",
	[SQ_ADD_ARTICLE] = "INSERT OR IGNORE INTO story_article"
	    " (article, story, alert_id, seen) VALUES (?1, ?2, ?3, ?4)",
	[SQ_GET_SENT] = "SELECT sent, severity, articles FROM story_sent"
	    " WHERE story = ?1 AND sink = ?2",
	[SQ_PUT_SENT] = "INSERT OR REPLACE INTO story_sent"
	    " (story, sink, sent, severity, articles)"
	    " VALUES (?1, ?2, ?3, ?4, ?5)",
	[SQ_PRUNE_ACTOR] = "DELETE FROM story_actor WHERE story IN"
	    " (SELECT id FROM story WHERE last_seen < ?1)",
	[SQ_PRUNE_NAME] = "DELETE FROM story_name WHERE story IN"
	    " (SELECT id FROM story WHERE last_seen < ?1)",
	[SQ_PRUNE_STORY] = "DELETE FROM story WHERE last_seen < ?1",
	[SQ_PRUNE_ARTICLE] = "DELETE FROM story_article WHERE seen < ?1",
	[SQ_PRUNE_SENT] = "DELETE FROM story_sent"
	    " WHERE story NOT IN (SELECT id FROM story)",
	[SQ_WORD_ALL] = "SELECT day, items, words FROM story_word"
	    " ORDER BY day",
	[SQ_WORD_PUT] = "INSERT OR REPLACE INTO story_word (day, items, words)"
	    " VALUES (?1, ?2, ?3)",
	[SQ_WORD_PRUNE] = "DELETE FROM story_word WHERE day < ?1",
};

/* What an alert brings to a story. */
struct story_key {
	const char		*family;
	char			*actors;	/* sorted, comma-joined */
	char			*targets;
	struct story_sketch	 sketch;
	struct story_sketch	 words;		/* content stems */
	struct story_sketch	 names;		/* those capitalised, and
						   the named actors */
	struct story_sketch	 named;		/* the named actors and
						   targets alone */
	struct story_sketch	 counts;	/* its counts ("24 hostages") */
	int			 severity;
	time_t			 t;		/* its date (story_db_time) */
};

/* The words as the pack's synonym classes read them (story.h); out of
 * memory, none (each word is itself). */
static void
story_db_lex(struct story_db *sd)
{
	sd->lex.stem = sd->stem;
	if (story_lex_build(&sd->lex, sd->cfg) == -1)
		log_error("stories: out of memory reading the synonyms");
	story_freq_forget(sd->freq);
}

struct story_db *
story_db_open(struct store *store, const struct config *cfg)
{
	struct story_db *sd;

	if ((sd = calloc(1, sizeof(*sd))) == NULL)
		log_fatal("out of memory");
	sd->store = store;
	sd->db = store_db(store);
	sd->cfg = cfg;
	/* Without an English stemmer the words are compared folded. */
	sd->stem = text_stemmer_new("english");
	/* Without it the looser test counts words (story.h). */
	sd->freq = story_freq_new();
	story_db_lex(sd);
	if (db_stmt_prepare_all(sd->db, story_sql, SQ_COUNT, sd->stmt) !=
	    SQLITE_OK) {
		story_db_fail(sd, "preparing a statement");
		story_db_close(sd);
		return NULL;
	}
	if (story_db_words_load(sd) == -1) {
		story_db_close(sd);
		return NULL;
	}
	return sd;
}

void
story_db_configure(struct story_db *sd, const struct config *cfg)
{
	sd->cfg = cfg;
	story_db_lex(sd);
}

void
story_db_close(struct story_db *sd)
{
	if (sd == NULL)
		return;
	/* What was read since the last prune, for the next start. */
	if (sd->stmt[SQ_WORD_PUT] != NULL)
		(void)story_db_words_save(sd);
	db_stmt_finalize_all(sd->stmt, SQ_COUNT);
	if (sd->stem != NULL)
		text_stemmer_free(sd->stem);
	story_lex_clear(&sd->lex);
	story_freq_free(sd->freq);
	free(sd);
}

/* The story of this article, if one of its links or GUIDs joined one:
 * 1 (story and alert_id filled, caller frees), 0 none, -1 error. */
static int
story_db_article(struct story_db *sd, const char *link_key,
    const char *guid_key, char **story, char **alert_id)
{
	sqlite3_stmt *st = story_db_stmt(sd, SQ_ARTICLE);
	int rc;

	sqlite3_bind_text(st, 1, link_key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, guid_key, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*story = strdup((const char *)sqlite3_column_text(st, 0));
		*alert_id = strdup((const char *)sqlite3_column_text(st, 1));
		if (*story == NULL || *alert_id == NULL)
			log_fatal("out of memory");
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc != SQLITE_DONE)
		return story_db_fail(sd, "looking up an article");
	return 0;
}

/*
 * How well the candidate story in st's row (id, actors, sketch, words,
 * names) fits key: above 1 for a near-duplicate statement by
 * the same actors, the overlap (0..1] for a looser match with an actor
 * in common, or with one of the two naming no actor (story.h), 0 when
 * it is not the story.
 */
static double
story_db_fit(struct story_db *sd, const struct story_key *key,
    sqlite3_stmt *st)
{
	struct story_sketch other, mine, theirs;
	const char *actors = (const char *)sqlite3_column_text(st, 1);
	double sim, overlap;
	size_t shared;
	time_t from, to;
	int r;

	/* Targets do not gate (they are kept, not compared): one outlet
	 * names the mediators of a truce and another the adversary
	 * ("Hamas accepts Egyptian-Qatari proposal", "Hamas accepts truce
	 * proposal, Israel urges ..."). */
	if (actors == NULL)
		return 0;
	if (strcmp(actors, key->actors) == 0) {
		story_record_unpack(sqlite3_column_blob(st, 2),
		    (size_t)sqlite3_column_bytes(st, 2), &other);
		if ((sim = story_similarity(&key->sketch, &other)) >=
		    sd->cfg->story_similarity)
			return 1 + sim;
	}
	if (sd->cfg->story_overlap <= 0 ||
	    (!story_names_share(key->actors, actors) &&
	    !story_record_unnamed(sd->cfg, key->actors) &&
	    !story_record_unnamed(sd->cfg, actors)))
		return 0;
	story_record_unpack(sqlite3_column_blob(st, 3),
	    (size_t)sqlite3_column_bytes(st, 3), &other);
	/* The actors' own names are the key, not the statement, in the
	 * count and in the share alike: "Chad border talks reopen" is
	 * three words of a Chad story, and two short reports of one
	 * actor share its name before they say anything alike. */
	story_sketch_without(&mine, &key->words, &key->named);
	story_sketch_without(&theirs, &other, &key->named);
	overlap = story_overlap(&mine, &theirs, &shared);
	/* A count in common tells one event in other words ("Darfur rebels
	 * free 31 hostages", "Darfur rebels release 31 captives"). */
	if (story_counts_share(&key->counts, &other))
		return overlap;
	/* Weighed by rarity, the words a report of any day of the war
	 * has ("Gaza", "strike") count for little, and two reports of
	 * one event in other words meet on the few they share; with too
	 * few items read to tell, the words are counted. */
	from = key->t - (time_t)sd->cfg->story_window;
	to = key->t + (time_t)sd->cfg->story_window;
	r = story_freq_rare(sd->freq, from, to, &mine, &theirs, &overlap);
	if (r == 1 || (r == -1 && (overlap < sd->cfg->story_overlap ||
	    shared < STORY_OVERLAP_WORDS)))
		return 0;
	story_record_unpack(sqlite3_column_blob(st, 4),
	    (size_t)sqlite3_column_bytes(st, 4), &other);
	(void)story_overlap(&key->names, &other, &shared);
	if (shared == 0)
		return 0;
	return overlap;
}

/* Step through st's candidates, keeping the best fit in *best and id.
 * 0, or -1 on error. */
static int
story_db_best(struct story_db *sd, const struct story_key *key,
    sqlite3_stmt *st, double *best, char id[HASH_HEX_LEN + 1])
{
	double fit;
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((fit = story_db_fit(sd, key, st)) <= *best)
			continue;
		*best = fit;
		snprintf(id, HASH_HEX_LEN + 1, "%s",
		    (const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return story_db_fail(sd, "looking up stories");
	return 0;
}

/* Step through the stories of family key->family first seen in
 * [from, to] that name actor (len bytes) with other actors than key's
 * (those were read already), as story_db_best. */
static int
story_db_actor_best(struct story_db *sd, const struct story_key *key,
    const char *actor, size_t len, sqlite3_int64 from, sqlite3_int64 to,
    double *best, char id[HASH_HEX_LEN + 1])
{
	sqlite3_stmt *st = story_db_stmt(sd, SQ_ACTOR_CANDIDATES);

	sqlite3_bind_text(st, 1, actor, (int)len, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, key->family, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, from);
	sqlite3_bind_int64(st, 4, to);
	sqlite3_bind_text(st, 5, key->actors, -1, SQLITE_STATIC);
	return story_db_best(sd, key, st, best, id);
}

/* The best story for key first seen within the window of t: the
 * stories of the same actors, then those of each of its actors and
 * those that name no actor; for a key that names no actor, those of
 * each of its names.  1 (id filled), 0 none, -1 error. */
static int
story_db_find(struct story_db *sd, const struct story_key *key, time_t t,
    char id[HASH_HEX_LEN + 1])
{
	sqlite3_stmt *st = story_db_stmt(sd, SQ_CANDIDATES);
	sqlite3_int64 from, to;
	const char *p = key->actors, *name;
	double best = 0;
	size_t len, i;

	from = (sqlite3_int64)(t - (time_t)sd->cfg->story_window);
	to = (sqlite3_int64)(t + (time_t)sd->cfg->story_window);
	sqlite3_bind_text(st, 1, key->family, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, key->actors, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, from);
	sqlite3_bind_int64(st, 4, to);
	if (story_db_best(sd, key, st, &best, id) == -1)
		return -1;
	if (sd->cfg->story_overlap <= 0)
		return best > 0;
	if (story_record_unnamed(sd->cfg, key->actors)) {
		/* The looser test wants a name in common. */
		for (i = 0; i < key->names.n; i++) {
			st = story_db_stmt(sd, SQ_NAME_CANDIDATES);
			sqlite3_bind_int64(st, 1,
			    (sqlite3_int64)key->names.h[i]);
			sqlite3_bind_text(st, 2, key->family, -1,
			    SQLITE_STATIC);
			sqlite3_bind_int64(st, 3, from);
			sqlite3_bind_int64(st, 4, to);
			sqlite3_bind_text(st, 5, key->actors, -1,
			    SQLITE_STATIC);
			if (story_db_best(sd, key, st, &best, id) == -1)
				return -1;
		}
		return best > 0;
	}
	/* Its actors, then the stories that name no actor (recorded
	 * under the actor ""): a story told of "officials" may be this
	 * actor's. */
	while ((len = story_record_next_name(&p, &name)) > 0)
		if (story_db_actor_best(sd, key, name, len, from, to, &best,
		    id) == -1)
			return -1;
	if (story_db_actor_best(sd, key, "", 0, from, to, &best, id) == -1)
		return -1;
	return best > 0;
}

/*
 * Add feed (and an article when count) to story id at now, raising its
 * severity to severity; set the alert's "story" object.
 */
static int
story_db_add(struct story_db *sd, const char *id, const char *feed,
    int severity, int count, json_t *alert, time_t now)
{
	sqlite3_stmt *st = story_db_stmt(sd, SQ_GET);
	json_t *feeds = NULL, *obj;
	const char *text;
	char *dump;
	time_t first_seen = now;
	int rc, articles = 0, old_severity = 0, known = 0;
	size_t i;

	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		first_seen = (time_t)sqlite3_column_int64(st, 0);
		old_severity = sqlite3_column_int(st, 1);
		articles = sqlite3_column_int(st, 2);
		text = (const char *)sqlite3_column_text(st, 3);
		feeds = json_loads(text != NULL ? text : "[]", 0, NULL);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return story_db_fail(sd, "reading a story");
	if (feeds == NULL || !json_is_array(feeds)) {
		json_decref(feeds);
		feeds = json_array();
	}
	for (i = 0; i < json_array_size(feeds); i++)
		if (feed != NULL && json_string_value(json_array_get(feeds,
		    i)) != NULL && strcmp(json_string_value(
		    json_array_get(feeds, i)), feed) == 0)
			known = 1;
	if (!known && feed != NULL)
		json_array_append_new(feeds, json_string(feed));
	if (count)
		articles++;
	if (severity < old_severity)
		severity = old_severity;
	if ((dump = json_dumps(feeds, JSON_COMPACT)) == NULL)
		log_fatal("out of memory");
	st = story_db_stmt(sd, SQ_UPDATE);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)now);
	sqlite3_bind_int(st, 3, severity);
	sqlite3_bind_int(st, 4, articles);
	sqlite3_bind_text(st, 5, dump, -1, SQLITE_STATIC);
	rc = story_db_done(sd, st, "updating a story");
	free(dump);
	if (rc == -1) {
		json_decref(feeds);
		return -1;
	}
	if ((obj = json_object()) == NULL)
		log_fatal("out of memory");
	json_object_set_new(obj, "id", json_string(id));
	json_object_set_new(obj, "first_seen", alert_time(first_seen));
	json_object_set_new(obj, "articles", json_integer(articles));
	json_object_set_new(obj, "feeds", feeds);
	json_object_set_new(obj, "first", json_boolean(0));
	json_object_set_new(alert, "story", obj);
	return 0;
}

/* A new story first seen at t (the article's date), reported at now. */
static int
story_db_new(struct story_db *sd, const struct story_key *key,
    const char *id, const char *feed, json_t *alert, time_t t, time_t now)
{
	sqlite3_stmt *st = story_db_stmt(sd, SQ_INSERT);
	unsigned char blob[STORY_SKETCH_MAX * 8], words[STORY_SKETCH_MAX * 8];
	unsigned char names[STORY_SKETCH_MAX * 8];
	json_t *obj, *feeds;
	const char *p = key->actors, *name;
	char *dump;
	size_t len, i;
	int rc, unnamed;

	story_record_pack(&key->sketch, blob);
	story_record_pack(&key->words, words);
	story_record_pack(&key->names, names);
	if ((feeds = json_array()) == NULL || (obj = json_object()) == NULL)
		log_fatal("out of memory");
	if (feed != NULL)
		json_array_append_new(feeds, json_string(feed));
	if ((dump = json_dumps(feeds, JSON_COMPACT)) == NULL)
		log_fatal("out of memory");
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, key->family, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, key->actors, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, key->targets, -1, SQLITE_STATIC);
	sqlite3_bind_blob(st, 5, blob, (int)(key->sketch.n * 8),
	    SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, (sqlite3_int64)t);
	sqlite3_bind_int(st, 7, key->severity);
	sqlite3_bind_text(st, 8, dump, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 9, (sqlite3_int64)now);
	sqlite3_bind_blob(st, 10, words, (int)(key->words.n * 8),
	    SQLITE_STATIC);
	sqlite3_bind_blob(st, 11, names, (int)(key->names.n * 8),
	    SQLITE_STATIC);
	rc = story_db_done(sd, st, "recording a story");
	free(dump);
	/* A story that names no actor is also recorded under "", for
	 * the look-up of a named report (story_db_find). */
	unnamed = story_record_unnamed(sd->cfg, key->actors);
	while (rc == 0 && ((len = story_record_next_name(&p, &name)) > 0 ||
	    unnamed--)) {
		if (len == 0)
			name = "";
		st = story_db_stmt(sd, SQ_ADD_ACTOR);
		sqlite3_bind_text(st, 1, name, (int)len, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, key->family, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, (sqlite3_int64)t);
		sqlite3_bind_text(st, 4, id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, key->actors, -1, SQLITE_STATIC);
		rc = story_db_done(sd, st, "recording a story's actor");
	}
	for (i = 0; rc == 0 && i < key->names.n; i++) {
		st = story_db_stmt(sd, SQ_ADD_NAME);
		sqlite3_bind_int64(st, 1, (sqlite3_int64)key->names.h[i]);
		sqlite3_bind_text(st, 2, key->family, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, (sqlite3_int64)t);
		sqlite3_bind_text(st, 4, id, -1, SQLITE_STATIC);
		rc = story_db_done(sd, st, "recording a story's name");
	}
	if (rc == -1) {
		json_decref(feeds);
		json_decref(obj);
		return -1;
	}
	json_object_set_new(obj, "id", json_string(id));
	json_object_set_new(obj, "first_seen", alert_time(t));
	json_object_set_new(obj, "articles", json_integer(1));
	json_object_set_new(obj, "feeds", feeds);
	json_object_set_new(obj, "first", json_boolean(1));
	json_object_set_new(alert, "story", obj);
	return 0;
}

static int
story_db_add_article(struct story_db *sd, const char *article,
    const char *story, const char *alert_id, time_t now)
{
	sqlite3_stmt *st;

	if (article == NULL)
		return 0;
	st = story_db_stmt(sd, SQ_ADD_ARTICLE);
	sqlite3_bind_text(st, 1, article, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, story, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, alert_id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)now);
	return story_db_done(sd, st, "recording an article");
}

time_t
story_db_time(const json_t *alert, time_t now)
{
	const char *s;
	time_t t;

	s = json_string_value(json_object_get(json_object_get(alert, "item"),
	    "published"));
	if (s == NULL || date_parse(s, &t) == -1 || t > now)
		return now;
	return t;
}

int
story_db_join(struct story_db *sd, json_t *alert, time_t now)
{
	struct story_key key;
	const char *feed, *alert_id;
	char *link_key, *guid_key, *story = NULL, *first_alert = NULL;
	char id[HASH_HEX_LEN + 1];
	time_t t;
	int rc = -1, r;

	memset(&key, 0, sizeof(key));
	feed = json_string_value(json_object_get(alert, "feed"));
	alert_id = json_string_value(json_object_get(alert, "id"));
	if (alert_id == NULL)
		alert_id = "";
	link_key = story_record_article_key(alert, "link", "l");
	guid_key = story_record_article_key(alert, "id", "g");
	if ((r = story_db_article(sd, link_key, guid_key, &story,
	    &first_alert)) == -1)
		goto out;
	if (r == 1) {
		/* One article, seen again through another feed: the story
		 * lists the feed.  (An item re-processed after a rollback
		 * is not here: its rows were rolled back with it.) */
		if (story_db_add(sd, story, feed, alert_severity(alert), 0,
		    alert, now) == -1)
			goto out;
		rc = STORY_DUPLICATE;
		goto out;
	}
	key.family = story_family(json_string_value(json_object_get(alert,
	    "category")));
	key.actors = story_record_names(json_object_get(alert, "actors"));
	key.targets = story_record_names(json_object_get(alert, "targets"));
	key.severity = alert_severity(alert);
	if (story_record_statement(alert, sd->cfg, &sd->lex, &key.sketch,
	    &key.words, &key.names, &key.counts, &key.named) == -1) {
		log_error("stories: out of memory");
		goto out;
	}
	/* The window is of the articles' own dates: a replay of a month
	 * of copy, all of it fetched at once, is not one day's news. */
	t = story_db_time(alert, now);
	key.t = t;
	if ((r = story_db_find(sd, &key, t, id)) == -1)
		goto out;
	if (r == 1) {
		if (story_db_add(sd, id, feed, key.severity, 1, alert,
		    now) == -1)
			goto out;
	} else {
		hash_hex(hash_strings("story", alert_id, NULL), id);
		if (story_db_new(sd, &key, id, feed, alert, t, now) == -1)
			goto out;
	}
	if (story_db_add_article(sd, link_key, id, alert_id, now) == -1 ||
	    story_db_add_article(sd, guid_key, id, alert_id, now) == -1)
		goto out;
	rc = STORY_JOINED;
out:
	free(key.actors);
	free(key.targets);
	free(link_key);
	free(guid_key);
	free(story);
	free(first_alert);
	return rc;
}

int
story_db_prune(struct story_db *sd, time_t now)
{
	sqlite3_stmt *st;
	sqlite3_int64 before;

	if (sd->pruned != 0 && difftime(now, sd->pruned) < PRUNE_EVERY)
		return 0;
	before = (sqlite3_int64)(now - (time_t)sd->cfg->story_retention);
	st = story_db_stmt(sd, SQ_PRUNE_ACTOR);
	sqlite3_bind_int64(st, 1, before);
	if (story_db_done(sd, st, "pruning stories' actors") == -1)
		return -1;
	st = story_db_stmt(sd, SQ_PRUNE_NAME);
	sqlite3_bind_int64(st, 1, before);
	if (story_db_done(sd, st, "pruning stories' names") == -1)
		return -1;
	st = story_db_stmt(sd, SQ_PRUNE_STORY);
	sqlite3_bind_int64(st, 1, before);
	if (story_db_done(sd, st, "pruning stories") == -1)
		return -1;
	st = story_db_stmt(sd, SQ_PRUNE_ARTICLE);
	sqlite3_bind_int64(st, 1, before);
	if (story_db_done(sd, st, "pruning stories' articles") == -1)
		return -1;
	st = story_db_stmt(sd, SQ_PRUNE_SENT);
	if (story_db_done(sd, st, "pruning what sinks were sent") == -1)
		return -1;
	/* The words of the days out of every window go; the rest is
	 * saved, once a minute at most. */
	if (sd->freq != NULL)
		story_freq_expire(sd->freq, now -
		    (time_t)sd->cfg->story_window);
	st = story_db_stmt(sd, SQ_WORD_PRUNE);
	sqlite3_bind_int64(st, 1, (sqlite3_int64)((now -
	    (time_t)sd->cfg->story_window) / 86400));
	if (story_db_done(sd, st, "pruning how common words are") == -1 ||
	    story_db_words_save(sd) == -1)
		return -1;
	sd->pruned = now;
	return 0;
}
