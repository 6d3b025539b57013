/*
 * story_test: what makes two alerts one story.  The same statement in
 * other words is one story; another statement by the same actor, the
 * other family, other actors, or an old story are not (targets named
 * apart do not part a story: outlets name different parties); the
 * same link from a second feed is one article; each sink gets what its
 * stories option says, and all of it survives a reopen of the store.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>
#include <sqlite3.h>

#include "../check.h"
#include "story_fixture.h"
#include "../../src/alert.h"
#include "../../src/config.h"
#include "../../src/store.h"
#include "../../src/story.h"
#include "../../src/story_db.h"
#include "../../src/story_record.h"
#include "../../src/text.h"

static struct text_stemmer *stem;

static double
similarity(const char *a, const char *b)
{
	struct story_sketch x, y;

	memset(&x, 0, sizeof(x));
	memset(&y, 0, sizeof(y));
	if (story_sketch_add(&x, stem, a, strlen(a)) == -1 ||
	    story_sketch_add(&y, stem, b, strlen(b)) == -1)
		return -1;
	return story_similarity(&x, &y);
}

static void
test_sketch(void)
{
	struct story_sketch sk;
	char buf[8192];
	size_t i, at = 0;
	double same, reworded, other;

	same = similarity("Iran vows to retaliate against Israel.",
	    "Iran vows to retaliate against Israel.");
	CHECK(same > 0.99, "a statement is its own near-duplicate");
	reworded = similarity(
	    "Iran vowed to retaliate against Israel for the strike on its "
	    "consulate in Damascus.",
	    "Tehran's leaders vow retaliation against Israel over the "
	    "Damascus consulate strike.");
	printf("# reworded %.2f\n", reworded);
	CHECK(reworded >= 0.3, "the same statement reworded overlaps by "
	    "0.3 or more");
	other = similarity(
	    "Iran vowed to retaliate against Israel for the strike on its "
	    "consulate in Damascus.",
	    "Iran warned it would close the Strait of Hormuz to shipping if "
	    "sanctions on its oil exports are tightened.");
	printf("# other %.2f\n", other);
	CHECK(other < 0.15, "another statement by the same actor overlaps "
	    "little");
	CHECK(similarity("the of and to", "Iran vows revenge") == 0,
	    "stop words alone are no statement");

	/* A long article keeps a bounded sketch, smallest hashes first. */
	memset(&sk, 0, sizeof(sk));
	for (i = 0; i < 500; i++)
		at += (size_t)snprintf(buf + at, sizeof(buf) - at, "w%zu ",
		    i);
	CHECK(story_sketch_add(&sk, stem, buf, at) == 0, "a long text "
	    "sketches");
	CHECK_INT(sk.n, STORY_SKETCH_MAX, "the sketch keeps 64 hashes");
	for (i = 1; i < sk.n; i++)
		if (sk.h[i - 1] >= sk.h[i])
			break;
	CHECK_INT(i, sk.n, "the sketch is ascending and distinct");

	CHECK_STR(story_family("threat"), "hostile", "threats are hostile");
	CHECK_STR(story_family("retaliation"), "hostile",
	    "retaliation is hostile too");
	CHECK_STR(story_family("deescalation"), "deescalation",
	    "de-escalation is its own family");
}

static double
overlap(const char *a, const char *b, size_t *shared)
{
	struct story_sketch x, y;

	memset(&x, 0, sizeof(x));
	memset(&y, 0, sizeof(y));
	if (story_words_add(&x, NULL, stem, a, strlen(a)) == -1 ||
	    story_words_add(&y, NULL, stem, b, strlen(b)) == -1)
		return -1;
	return story_overlap(&x, &y, shared);
}

/* The looser test: most of the shorter statement's stems, and the
 * names compared one by one. */
static void
test_overlap(void)
{
	double v;
	size_t shared;

	v = overlap("A senior aide to the cleric Haldo Brenn on Monday called "
	    "on the Selm militia to cease fire across Varnia.",
	    "Haldo Brenn called on his Selm militia to stop fighting across "
	    "Varnia.", &shared);
	printf("# aide and cleric %.2f, %zu stems\n", v, shared);
	CHECK(v >= 0.6 && shared >= STORY_OVERLAP_WORDS, "one call in two "
	    "wordings shares most of the shorter one's stems");
	v = overlap("Haldo Brenn called on his Selm militia to stop fighting "
	    "across Varnia.", "Fighters of the Selm militia began handing "
	    "in their rifles under the amnesty.", &shared);
	printf("# call and disarmament %.2f, %zu stems\n", v, shared);
	CHECK(v < 0.6, "the next step of the crisis shares little");
	CHECK(overlap("Varnia warns Ostland", "Varnia warns Ostland again",
	    &shared) == 1 && shared == 3, "a headline inside another: all "
	    "of it, three stems");
	CHECK(overlap("the of and", "Varnia warns", &shared) == 0 &&
	    shared == 0, "stop words alone share nothing");

	/* One statement from a London desk and from a New York one. */
	v = overlap("Varnia agreed to suspend its enrichment programme and "
	    "criticised the sanctions at the centre of the defence talks.",
	    "Varnia agreed to suspend its enrichment program and criticized "
	    "the sanctions at the center of the defense talks.", &shared);
	printf("# british and american spelling %.2f, %zu stems\n", v,
	    shared);
	CHECK(v == 1 && shared == 10, "British and American spellings of "
	    "a word are one word");
	CHECK(overlap("Ostland raised the labour levy", "Ostland raises the "
	    "labor levy", &shared) == 1 && shared == 4, "a word's forms "
	    "keep one spelling (raise, raised, raises)");
	CHECK(overlap("Ostland praised the organisers", "Ostland praises "
	    "the organizers", &shared) == 1 && shared == 3, "praise, "
	    "organise: the forms of a rewritten word agree");
	CHECK(overlap("Ostland hours", "Ostland hors", &shared) < 1,
	    "a short word is no British spelling (hours is not hors)");

	CHECK_INT(story_dateline("WASHINGTON -- Varnia said", 25), 14,
	    "a dateline with two dashes");
	CHECK_INT(story_dateline("KESSEL, Varnia (Wire) - Rebels", 30), 24,
	    "a dateline with a place, a country and an agency");
	CHECK_INT(story_dateline("AFP - The union", 15), 6, "an agency "
	    "alone");
	CHECK_INT(story_dateline("US-led troops", 13), 0, "a capitalised "
	    "word before a hyphen is no dateline");
	CHECK_INT(story_dateline("NATO said - later", 17), 0, "nor "
	    "capitals, a word and a dash");
	CHECK_INT(story_dateline("Varnia -- the capital", 21), 0, "nor a "
	    "capitalised word");

	CHECK(story_names_share("iran,official", "official"), "a name in "
	    "common");
	CHECK(story_names_share("hamas", "hamas,israel"), "the first name "
	    "in common");
	CHECK(!story_names_share("iran", "iraq,iranian"), "names are "
	    "compared whole");
	CHECK(!story_names_share("", ""), "no names, nothing in common");
}

/* The counts of a text (numbers of two or more in digits, no year, no
 * time); -1 when out of memory. */
static long
counts_of(const char *text, struct story_sketch *counts,
    struct story_sketch *words)
{
	memset(counts, 0, sizeof(*counts));
	memset(words, 0, sizeof(*words));
	if (story_statement_add(NULL, words, NULL, counts, stem, text,
	    strlen(text)) == -1)
		return -1;
	return (long)counts->n;
}

/* A count is a number of things an event did, in digits. */
static void
test_counts(void)
{
	struct story_sketch c[2], w[2];

	CHECK_INT(counts_of("Selm militia frees 24 hostages and 39 prisoners",
	    &c[0], &w[0]), 2, "two counts");
	CHECK_INT(counts_of("Varnia gave the militia 48 hours, a 4-day truce",
	    &c[0], &w[0]), 0, "a time is no count");
	CHECK_INT(counts_of("Varnia said in 2024 that 1 hostage and 0 "
	    "prisoners", &c[0], &w[0]), 0, "nor a year, nor 1 or 0");
	CHECK_INT(counts_of("Ostland's 2 envoys", &c[0], &w[0]), 1,
	    "2 is a count");
	CHECK_INT(counts_of("1,200 troops and 1.1 million people, 1 million "
	    "more", &c[0], &w[0]), 3, "so are 1,200 and numbers before a "
	    "magnitude");
	CHECK_INT(counts_of("a 7.8 magnitude quake", &c[0], &w[0]), 0,
	    "a fraction alone is none");
	(void)counts_of("Varnia told 1.1 million people to leave", &c[0],
	    &w[0]);
	(void)counts_of("1.1 million told to go south", &c[1], &w[1]);
	CHECK(story_counts_share(&c[0], &w[1]), "1.1 million is one count");
	(void)counts_of("1.1 billion in aid", &c[1], &w[1]);
	CHECK(!story_counts_share(&c[0], &w[1]), "1.1 billion another");
	(void)counts_of("The militia freed 24 hostages", &c[0], &w[0]);
	(void)counts_of("24 captives released", &c[1], &w[1]);
	CHECK(story_counts_share(&c[0], &w[1]) &&
	    story_counts_share(&c[1], &w[0]), "a count in common");
	(void)counts_of("The militia was given 24 hours", &c[1], &w[1]);
	CHECK(!story_counts_share(&c[0], &w[1]), "24 hours is not the count "
	    "24");
	(void)counts_of("The militia freed 17 hostages", &c[1], &w[1]);
	CHECK(!story_counts_share(&c[0], &w[1]), "another count");
}


/* A wire dateline is no part of the statement an alert is compared by. */
static void
test_statement(void)
{
	struct story_sketch sk[2], words[2], names[2], counts[2], named[2];
	struct story_lex lex = { NULL, NULL, 0 };
	struct config cfg;
	json_t *a, *b;

	lex.stem = stem;
	memset(&cfg, 0, sizeof(cfg));
	a = alert("d1", "wire", "threat", "high", "varnia", NULL,
	    "https://d.example/1", "KESSEL, Varnia (Wire) - Varnia vowed to "
	    "shell the Ostland border posts.");
	b = alert("d2", "wire", "threat", "high", "varnia", NULL,
	    "https://d.example/2", "Varnia vowed to shell the Ostland border "
	    "posts.");
	CHECK(story_record_statement(a, &cfg, &lex, &sk[0], &words[0],
	    &names[0], &counts[0], &named[0]) == 0 &&
	    story_record_statement(b, &cfg, &lex, &sk[1], &words[1],
	    &names[1], &counts[1], &named[1]) == 0,
	    "two statements read");
	CHECK(words[0].n == words[1].n && memcmp(words[0].h, words[1].h,
	    words[0].n * sizeof(words[0].h[0])) == 0, "a dateline adds no "
	    "word to the statement");
	CHECK(names[0].n == names[1].n, "nor a name");
	json_decref(a);
	json_decref(b);
}

static int
is_first(const json_t *a)
{
	return json_is_true(json_object_get(json_object_get(a, "story"),
	    "first"));
}

static void
test_db(void)
{
	struct config cfg;
	struct config_sink chat, log, firsts;
	struct store *st;
	struct story_db *sd;
	json_t *a1, *a2, *a3, *a4, *a5, *a6, *dup, *replay[3];
	char dir[] = "/tmp/brink-story-test.XXXXXX", cmd[128];
	int i;
	time_t t0 = 1800000000;

	story_config(&cfg);
	memset(&chat, 0, sizeof(chat));
	chat.name = "chat";
	chat.type = SINK_WEBHOOK;
	log = chat;
	log.name = "log";
	log.type = SINK_FILE;
	firsts = chat;
	firsts.name = "firsts";
	firsts.type = SINK_FILE;
	firsts.stories = STORIES_FIRST;

	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		exit(99);
	}
	st = store_open(dir);
	sd = st != NULL ? story_db_open(st, &cfg) : NULL;
	CHECK(sd != NULL, "stories open in a new store");
	if (sd == NULL)
		exit(99);

	a1 = alert("a1", "wire", "retaliation", "high", "iran", "israel",
	    "https://a.example/1", "Iran vowed to retaliate against Israel "
	    "for the strike on its consulate in Damascus.");
	CHECK_INT(story_db_join(sd, a1, t0), STORY_JOINED, "an alert starts "
	    "a story");
	CHECK(is_first(a1), "the first alert is the story's first");
	CHECK_INT(story_db_route(sd, &chat, a1, t0), 1, "chat gets the "
	    "first alert at once");
	CHECK_INT(story_db_route(sd, &log, a1, t0), 1, "the log gets it");

	a2 = alert("a2", "daily", "threat", "high", "iran", NULL,
	    "https://b.example/2", "Tehran's leaders vow retaliation "
	    "against Israel over the Damascus consulate strike.");
	CHECK_INT(story_db_join(sd, a2, t0 + 600), STORY_JOINED,
	    "a rewording joins");
	CHECK_STR(story_id(a2), story_id(a1), "a threat rewording the "
	    "retaliation vow is the same story");
	CHECK(!is_first(a2), "it is an update");
	CHECK_INT(json_integer_value(json_object_get(json_object_get(a2,
	    "story"), "articles")), 2, "the story has two articles");
	CHECK_INT(json_array_size(json_object_get(json_object_get(a2,
	    "story"), "feeds")), 2, "and two feeds");
	CHECK_INT(story_db_route(sd, &chat, a2, t0 + 600), 0, "chat gets "
	    "no update within the period");
	CHECK_INT(story_db_route(sd, &log, a2, t0 + 600), 1, "the log gets "
	    "every article");

	dup = alert("d1", "agency", "retaliation", "high", "iran", "israel",
	    "https://a.example/1", "Iran vowed to retaliate against Israel "
	    "for the strike on its consulate in Damascus.");
	CHECK_INT(story_db_join(sd, dup, t0 + 700), STORY_DUPLICATE,
	    "the same link from another feed is one article");
	CHECK_INT(json_array_size(json_object_get(json_object_get(dup,
	    "story"), "feeds")), 3, "the story lists that feed too");
	CHECK_INT(json_integer_value(json_object_get(json_object_get(dup,
	    "story"), "articles")), 2, "and counts the article once");

	a3 = alert("a3", "daily", "deescalation", "medium", "iran", "israel",
	    "https://b.example/3", "Iran vowed to retaliate against Israel "
	    "for the strike on its consulate in Damascus, then agreed to "
	    "talks.");
	story_db_join(sd, a3, t0 + 800);
	CHECK(strcmp(story_id(a3), story_id(a1)) != 0,
	    "de-escalation is never a threat's story");
	a4 = alert("a4", "wire", "threat", "high", "russia", "israel",
	    "https://a.example/4", "Russia vowed to retaliate against Israel "
	    "for the strike on its consulate in Damascus.");
	story_db_join(sd, a4, t0 + 900);
	CHECK(strcmp(story_id(a4), story_id(a1)) != 0,
	    "another actor is another story");
	a5 = alert("a5", "wire", "threat", "critical", "iran", "israel",
	    "https://a.example/5", "Iran warned it would close the Strait "
	    "of Hormuz to shipping.");
	story_db_join(sd, a5, t0 + 1000);
	CHECK(strcmp(story_id(a5), story_id(a1)) != 0,
	    "another statement is another story");

	a6 = alert("a6", "agency", "retaliation", "critical", "iran",
	    "israel", "https://c.example/6", "Iran vows to retaliate against "
	    "Israel for the Damascus consulate strike.");
	story_db_join(sd, a6, t0 + 1200);
	CHECK_STR(story_id(a6), story_id(a1), "a third wording joins");
	CHECK_INT(story_db_route(sd, &chat, a6, t0 + 1200), 1, "chat gets "
	    "an update at once when the severity rises");
	CHECK_INT(story_db_route(sd, &firsts, a6, t0 + 1200), 1,
	    "a first-only sink that had nothing of the story gets it");
	CHECK_INT(story_db_route(sd, &firsts, a6, t0 + 1300), 0,
	    "and then nothing more");

	/* Reopen: the story and what chat was sent are remembered. */
	story_db_close(sd);
	store_close(st);
	st = store_open(dir);
	sd = st != NULL ? story_db_open(st, &cfg) : NULL;
	CHECK(sd != NULL, "stories reopen");
	if (sd == NULL)
		exit(99);
	json_decref(a2);
	a2 = alert("a7", "other", "threat", "critical", "iran", "israel",
	    "https://d.example/7", "Iran has vowed to retaliate against "
	    "Israel after the strike on its Damascus consulate.");
	story_db_join(sd, a2, t0 + 1500);
	CHECK_STR(story_id(a2), story_id(a1), "after a reopen a rewording "
	    "still joins the story");
	CHECK_INT(story_db_route(sd, &chat, a2, t0 + 1500), 0, "and chat "
	    "still waits for the period");
	CHECK_INT(story_db_route(sd, &chat, a2, t0 + 1200 + 3600), 1,
	    "an update goes once the period is over and the story grew");

	json_decref(a3);
	a3 = alert("a8", "wire", "retaliation", "high", "iran", "israel",
	    "https://e.example/8", "Iran vowed to retaliate against Israel "
	    "for the strike on its consulate in Damascus.");
	story_db_join(sd, a3, t0 + 49 * 3600);
	CHECK(strcmp(story_id(a3), story_id(a1)) != 0, "after the window "
	    "the same words start a new story");

	/* A replay fetched at once: the window goes by the articles' own
	 * dates, so the same words ten days apart are two stories, and a
	 * day apart one. */
	replay[0] = alert("r1", "archive", "threat", "high", "varnia",
	    "ostland", "https://r.example/1", "Varnia threatened to close "
	    "the Selm pass to Ostland's convoys.");
	replay[1] = alert("r2", "archive", "threat", "high", "varnia",
	    "ostland", "https://r.example/2", "Varnia threatens to close "
	    "the Selm pass to convoys from Ostland.");
	replay[2] = alert("r3", "archive", "threat", "high", "varnia",
	    "ostland", "https://r.example/3", "Varnia threatened to close "
	    "the Selm pass to Ostland's convoys.");
	json_object_set_new(json_object_get(replay[0], "item"), "published",
	    alert_time(t0 - 20 * 86400));
	json_object_set_new(json_object_get(replay[1], "item"), "published",
	    alert_time(t0 - 10 * 86400));
	json_object_set_new(json_object_get(replay[2], "item"), "published",
	    alert_time(t0 - 9 * 86400));
	for (i = 0; i < 3; i++)
		story_db_join(sd, replay[i], t0 + 50 * 3600);
	CHECK(strcmp(story_id(replay[0]), story_id(replay[1])) != 0,
	    "a replay: the same words ten days apart are two stories");
	CHECK_STR(story_id(replay[2]), story_id(replay[1]),
	    "a day apart, one");
	CHECK_STR(json_string_value(json_object_get(json_object_get(
	    replay[0], "story"), "first_seen")), json_string_value(
	    json_object_get(json_object_get(replay[0], "item"), "published")),
	    "a story is first seen at its article's date");
	for (i = 0; i < 3; i++)
		json_decref(replay[i]);

	CHECK_INT(story_db_prune(sd, t0 + 31 * 86400), 0, "old stories "
	    "are pruned");
	json_decref(a4);
	a4 = alert("a9", "late", "retaliation", "high", "iran", "israel",
	    "https://a.example/1", "Iran vowed to retaliate.");
	CHECK_INT(story_db_join(sd, a4, t0 + 31 * 86400), STORY_JOINED,
	    "a pruned article is an article again");

	story_db_close(sd);
	store_close(st);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	if (system(cmd) != 0)
		perror(cmd);
	json_decref(a1);
	json_decref(a2);
	json_decref(a3);
	json_decref(a4);
	json_decref(a5);
	json_decref(a6);
	json_decref(dup);
}

static int
count_rows(void *arg, int n, char **values, char **names)
{
	(void)n;
	(void)values;
	(void)names;
	(*(int *)arg)++;
	return 0;
}

/*
 * Reports of one event in other words, from outlets that name the
 * actors differently, join through an actor in common and a name in
 * common; another event of the same crisis, no actor in common, stock
 * words with no name in common, or the test turned off keep them apart.
 */
static void
test_db_overlap(void)
{
	struct config cfg;
	struct store *st;
	struct story_db *sd;
	json_t *aide, *cleric, *disarm, *other_actor, *other_target, *off;
	json_t *stock[2], *spelt[2], *unnamed[4], *opening[4], *counted[3];
	struct config_role roles[2];
	struct config_actor actors[1];
	int rows = 0;
	char dir[] = "/tmp/brink-story-test.XXXXXX", cmd[128];
	time_t t0 = 1800000000;

	story_config(&cfg);
	memset(roles, 0, sizeof(roles));
	roles[0].name = "official";
	roles[1].name = "armed-group";
	cfg.roles = roles;
	cfg.n_roles = 2;
	memset(actors, 0, sizeof(actors));
	actors[0].name = "brisland";
	cfg.actors = actors;
	cfg.n_actors = 1;
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		exit(99);
	}
	st = store_open(dir);
	sd = st != NULL ? story_db_open(st, &cfg) : NULL;
	CHECK(sd != NULL, "stories open for the looser test");
	if (sd == NULL)
		exit(99);

	aide = alert("o1", "wire", "deescalation", "medium", "selm-militia",
	    NULL, "https://a.example/o1", "A senior aide to the cleric Haldo "
	    "Brenn on Monday called on the Selm militia to cease fire "
	    "across Varnia.");
	json_array_append_new(json_object_get(aide, "actors"),
	    json_string("official"));
	story_db_join(sd, aide, t0);
	cleric = alert("o2", "daily", "deescalation", "medium",
	    "selm-militia", NULL, "https://b.example/o2", "Haldo Brenn "
	    "called on his Selm militia to stop fighting across Varnia.");
	story_db_join(sd, cleric, t0 + 900);
	CHECK_STR(story_id(cleric), story_id(aide), "the aide's call and the "
	    "cleric's, actors named apart, are one story");
	CHECK_INT(json_integer_value(json_object_get(json_object_get(cleric,
	    "story"), "articles")), 2, "of two articles");

	disarm = alert("o3", "wire", "deescalation", "medium", "selm-militia",
	    NULL, "https://a.example/o3", "Fighters of the Selm militia "
	    "began handing in their rifles under the amnesty.");
	story_db_join(sd, disarm, t0 + 1800);
	CHECK(strcmp(story_id(disarm), story_id(aide)) != 0, "the next step "
	    "of the crisis by the same actor is another story");
	other_actor = alert("o4", "daily", "deescalation", "medium",
	    "ostland", NULL, "https://c.example/o4", "Haldo Brenn called on "
	    "his Selm militia to stop fighting across Varnia.");
	story_db_join(sd, other_actor, t0 + 2000);
	CHECK(strcmp(story_id(other_actor), story_id(aide)) != 0, "the same "
	    "words with no actor in common are another story");
	other_target = alert("o5", "daily", "deescalation", "medium",
	    "selm-militia", "ostland", "https://c.example/o5", "Haldo Brenn "
	    "called on his Selm militia to stop fighting across Varnia.");
	story_db_join(sd, other_target, t0 + 2100);
	CHECK_STR(story_id(other_target), story_id(aide), "a target named "
	    "by one report only agrees");
	/* One outlet names the mediators, another the adversary. */
	{
		json_t *m1, *m2;

		m1 = alert("o15", "wire", "deescalation", "medium",
		    "brisland", "ostland", "https://k.example/o15", "Brisland "
		    "accepted the truce proposal for Selm brokered by Ostland "
		    "and Kessel.");
		m2 = alert("o16", "daily", "deescalation", "medium",
		    "brisland", "varnia", "https://l.example/o16", "Brisland "
		    "accepted the Kessel and Ostland truce proposal for Selm, "
		    "as Varnia weighs it.");
		story_db_join(sd, m1, t0 + 2150);
		story_db_join(sd, m2, t0 + 2160);
		CHECK_STR(story_id(m2), story_id(m1), "two reports naming "
		    "different targets are one story");
		json_decref(m1);
		json_decref(m2);
	}

	stock[0] = alert("o7", "wire", "deescalation", "medium", "official",
	    NULL, "https://e.example/o7", "The foreign minister said on "
	    "Monday that peace talks would resume next week in Varnia.");
	stock[1] = alert("o8", "daily", "deescalation", "medium", "official",
	    NULL, "https://f.example/o8", "The foreign minister said on "
	    "Monday that peace talks would resume next week in Ostland.");
	json_array_append_new(json_object_get(stock[0], "actors"),
	    json_string("varnia"));
	story_db_join(sd, stock[0], t0 + 2200);
	story_db_join(sd, stock[1], t0 + 2300);
	CHECK(strcmp(story_id(stock[0]), story_id(stock[1])) != 0, "stock "
	    "words with no name in common (a weekday is none) are two "
	    "stories");

	/* A report that names no actor, only a role ("the cleric" is an
	 * official), is not another actor's: it joins the story of the
	 * actor its words tell of, before or after it, and only that. */
	unnamed[0] = alert("o11", "wire", "hostile", "high", "official",
	    NULL, "https://i.example/o11", "The cleric Tamas Orel returned "
	    "to Kessel vowing to drive the Ostland garrison from the old "
	    "city.");
	unnamed[1] = alert("o12", "daily", "hostile", "high", "varnia",
	    NULL, "https://j.example/o12", "Varnia's senior cleric Tamas "
	    "Orel came back to Kessel and vowed to drive the Ostland "
	    "garrison out.");
	story_db_join(sd, unnamed[0], t0 + 2310);
	story_db_join(sd, unnamed[1], t0 + 2320);
	CHECK_STR(story_id(unnamed[1]), story_id(unnamed[0]), "a named "
	    "actor's report joins the story of the same words that named "
	    "only a role");
	unnamed[2] = alert("o13", "agency", "hostile", "high", "armed-group",
	    NULL, "https://k.example/o13", "Fighters loyal to Tamas Orel in "
	    "Kessel vowed to drive the Ostland garrison out of the city.");
	story_db_join(sd, unnamed[2], t0 + 2330);
	CHECK_STR(story_id(unnamed[2]), story_id(unnamed[0]), "and a later "
	    "report that names only a role joins it too");
	unnamed[3] = alert("o14", "agency", "hostile", "high", "official",
	    NULL, "https://l.example/o14", "Officials in Kessel said the "
	    "Ostland garrison would be relieved by fresh troops next month.");
	story_db_join(sd, unnamed[3], t0 + 2340);
	CHECK(strcmp(story_id(unnamed[3]), story_id(unnamed[0])) != 0,
	    "a report naming only a role with other words is another "
	    "story");

	/* A named actor is a name where the text opens a sentence with it
	 * (where a capital is no name), and a dateline is no part of the
	 * statement; but the actor's own name is not one of the four
	 * stems a statement must share: a short headline is not enough. */
	opening[0] = alert("o15", "wire", "deescalation", "low", "brisland",
	    NULL, "https://m.example/o15", "TALLINGHAM -- Brisland said on "
	    "Monday it would suspend uranium enrichment, an attempt to ease "
	    "suspicions that its program hides weapons.");
	opening[1] = alert("o16", "daily", "deescalation", "low", "brisland",
	    NULL, "https://n.example/o16", "Brisland has agreed, diplomats "
	    "said, that uranium enrichment will be suspended: its weapons "
	    "program eased suspicions, an attempt it made.");
	/* Other actors than the first (an official besides), so that
	 * only the looser test can join them. */
	json_array_append_new(json_object_get(opening[1], "actors"),
	    json_string("official"));
	story_db_join(sd, opening[0], t0 + 2350);
	story_db_join(sd, opening[1], t0 + 2360);
	CHECK_STR(story_id(opening[1]), story_id(opening[0]), "a statement "
	    "whose only name is the actor opening it, after a dateline, "
	    "joins its rewording");
	opening[2] = alert("o17", "agency", "deescalation", "low",
	    "brisland", NULL, "https://o.example/o17", "Brisland walked out "
	    "of the peace talks in Kessel, accusing Ostland of stalling "
	    "since they resumed.");
	opening[3] = alert("o18", "agency", "deescalation", "low",
	    "brisland", NULL, "https://p.example/o18", "Brisland peace talks "
	    "resume");
	story_db_join(sd, opening[2], t0 + 2370);
	story_db_join(sd, opening[3], t0 + 2380);
	CHECK(strcmp(story_id(opening[3]), story_id(opening[2])) != 0,
	    "a headline of the actor and three words of a story is another "
	    "story");

	/* A count in common joins two reports of one release, though
	 * they share under story_overlap of their stems (4 of 8); the
	 * same digits as a time do not. */
	counted[0] = alert("o19", "wire", "deescalation", "low",
	    "selm-militia", NULL, "https://q.example/o19", "The Selm militia "
	    "freed 24 hostages in Kessel on the first day of the truce.");
	counted[1] = alert("o20", "daily", "deescalation", "low",
	    "selm-militia", NULL, "https://r.example/o20", "Selm militia "
	    "releases 24 captives as Varnia truce holds.");
	counted[2] = alert("o21", "agency", "deescalation", "low",
	    "selm-militia", NULL, "https://s.example/o21", "Ostland gave the "
	    "Selm militia 24 hours to leave Kessel under the truce.");
	story_db_join(sd, counted[0], t0 + 2390);
	story_db_join(sd, counted[1], t0 + 2391);
	story_db_join(sd, counted[2], t0 + 2392);
	CHECK_STR(story_id(counted[1]), story_id(counted[0]), "a count in "
	    "common is one story");
	CHECK(strcmp(story_id(counted[2]), story_id(counted[0])) != 0, "the "
	    "same digits as a time are another story");

	cfg.story_overlap = 0;
	story_db_configure(sd, &cfg);
	off = alert("o6", "agency", "deescalation", "medium", "selm-militia",
	    NULL, "https://d.example/o6", "Haldo Brenn urged the Selm "
	    "militia to stop fighting across Varnia.");
	story_db_join(sd, off, t0 + 2400);
	CHECK(strcmp(story_id(off), story_id(aide)) != 0, "story_overlap = 0 "
	    "turns the looser test off");

	/* The same statement in British and American spelling shares
	 * under story_overlap of its stems letter for letter (6 of 11),
	 * all of them once the spellings are one. */
	spelt[0] = alert("o9", "wire", "deescalation", "medium", "ostland",
	    NULL, "https://g.example/o9", "Ostland will suspend the Kessel "
	    "programme, its labour minister said, to end the rumours and "
	    "normalise the defence accord.");
	spelt[1] = alert("o10", "daily", "deescalation", "medium", "ostland",
	    "varnia", "https://h.example/o10", "Ostland will suspend the "
	    "Kessel program, the labor minister said, to end rumors and "
	    "normalize the defense accord.");
	story_db_join(sd, spelt[0], t0 + 2250);
	story_db_join(sd, spelt[1], t0 + 2260);
	CHECK_STR(story_id(spelt[1]), story_id(spelt[0]), "one statement "
	    "in British and in American spelling is one story");

	sqlite3_exec(store_db(st), "SELECT 1 FROM story_actor", count_rows,
	    &rows, NULL);
	CHECK(rows >= 4, "each story's actors are kept for the look-up");
	rows = 0;
	sqlite3_exec(store_db(st), "SELECT 1 FROM story_name", count_rows,
	    &rows, NULL);
	CHECK(rows >= 4, "and its names");
	CHECK_INT(story_db_prune(sd, t0 + 31 * 86400), 0, "the stories are "
	    "pruned");
	rows = 0;
	CHECK_INT(sqlite3_exec(store_db(st), "SELECT 1 FROM story_actor",
	    count_rows, &rows, NULL), SQLITE_OK, "their actors are read");
	CHECK_INT(rows, 0, "and pruned with them");
	rows = 0;
	CHECK_INT(sqlite3_exec(store_db(st), "SELECT 1 FROM story_name",
	    count_rows, &rows, NULL), SQLITE_OK, "their names are read");
	CHECK_INT(rows, 0, "and pruned with them too");

	story_db_close(sd);
	store_close(st);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	if (system(cmd) != 0)
		perror(cmd);
	json_decref(aide);
	json_decref(cleric);
	json_decref(disarm);
	json_decref(other_actor);
	json_decref(other_target);
	json_decref(off);
	json_decref(stock[0]);
	json_decref(stock[1]);
	json_decref(spelt[0]);
	json_decref(spelt[1]);
	for (rows = 0; rows < 4; rows++)
		json_decref(unnamed[rows]);
	for (rows = 0; rows < 4; rows++)
		json_decref(opening[rows]);
	for (rows = 0; rows < 3; rows++)
		json_decref(counted[rows]);
}

/*
 * A report that asks ("what did Brisland accept?") tells no event: the
 * looser test joins it to no story and no report to its story, while a
 * question a report only quotes still tells.
 */
static void
test_db_question(void)
{
	struct config cfg;
	struct config_actor actors[3];
	struct store *st;
	struct story_db *sd;
	json_t *told, *asked, *quoted, *ask2, *told2;
	char dir[] = "/tmp/brink-story-test.XXXXXX", cmd[128];
	time_t t0 = 1800000000;

	CHECK(story_asks("What did Ostland offer?", 23), "a sentence "
	    "ending in a question mark asks");
	CHECK(story_asks("Truce for Selm: what now? \n", 27), "trailing "
	    "spaces are not read");
	CHECK(!story_asks("Varnia replied: 'why not?'", 26), "a quoted "
	    "question is told of");
	CHECK(!story_asks("Varnia accepted the offer.", 26), "a statement "
	    "tells");
	CHECK(!story_asks("", 0), "nothing asks nothing");

	story_config_actors(&cfg, actors);
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		exit(99);
	}
	st = store_open(dir);
	sd = st != NULL ? story_db_open(st, &cfg) : NULL;
	CHECK(sd != NULL, "stories open for the questions");
	if (sd == NULL)
		exit(99);

	told = alert("q1", "wire", "deescalation", "medium", "brisland",
	    NULL, "https://a.example/q1", "Brisland accepted the Kessel "
	    "truce proposal for the Selm valley on Tuesday.");
	story_db_join(sd, told, t0);
	asked = alert("q2", "daily", "deescalation", "medium", "brisland",
	    NULL, "https://b.example/q2", "Kessel truce proposal for the "
	    "Selm valley: what has Brisland accepted?");
	story_db_join(sd, asked, t0 + 600);
	CHECK(strcmp(story_id(asked), story_id(told)) != 0, "a question on "
	    "the event is a story of its own");
	quoted = alert("q3", "daily", "deescalation", "medium", "brisland",
	    NULL, "https://c.example/q3", "Brisland accepted the Kessel "
	    "proposal for a Selm valley truce: 'why not?'");
	story_db_join(sd, quoted, t0 + 900);
	CHECK_STR(story_id(quoted), story_id(told), "a report quoting a "
	    "question still joins its story");

	/* Three days on, a question first, then a report of the event. */
	ask2 = alert("q4", "daily", "deescalation", "medium", "brisland",
	    NULL, "https://b.example/q4", "Darfur prisoner exchange at "
	    "Nyala: what has Brisland agreed?");
	story_db_join(sd, ask2, t0 + 3 * 86400);
	told2 = alert("q5", "wire", "deescalation", "medium", "brisland",
	    NULL, "https://a.example/q5", "Brisland agreed to a prisoner "
	    "exchange at Nyala in Darfur on Friday.");
	story_db_join(sd, told2, t0 + 3 * 86400 + 600);
	CHECK(strcmp(story_id(told2), story_id(ask2)) != 0, "a report does "
	    "not join the story of a question");

	story_db_close(sd);
	store_close(st);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	if (system(cmd) != 0)
		perror("rm");
	json_decref(told);
	json_decref(asked);
	json_decref(quoted);
	json_decref(ask2);
	json_decref(told2);
}

int
main(void)
{
	stem = text_stemmer_new("english");
	test_sketch();
	test_overlap();
	test_counts();
	test_statement();
	test_db();
	test_db_overlap();
	test_db_question();
	text_stemmer_free(stem);
	return check_done();
}
