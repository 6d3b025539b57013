/*
 * story_bench: does a story lookup stay flat as the story table grows?
 * Joins alerts at a steady rate (100,000 over 30 days, among 1,000 actor
 * pairs, each its own statement naming one of 16 places; with a second
 * argument N, every Nth alert names no actor but the role "official")
 * into a store in a temporary directory, configured with the pack's
 * eleven roles, and prints, at each tenfold of the table, the mean time
 * of a join (the lookups of the article and of the candidate stories,
 * and the writes) and of the commit that follows it, apart: the commit
 * is the store's cost for any write, the join is the story's.  A
 * benchmark, not a test: it prints figures and asserts nothing
 * (bench/story.sh, bench/README.md, "Stories").
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>
#include <sqlite3.h>

#include "../src/config.h"
#include "../src/store.h"
#include "../src/story_db.h"

#define STORIES	100000
#define PAIRS	1000
#define SPAN	(30 * 86400)

static const char *const words[] = { "border", "shelling", "refinery",
	"drone", "blockade", "ports", "gas", "embassy", "convoy", "missile",
	"harbour", "airbase", "pipeline", "strait", "garrison", "capital" };

/* Places, capitalised in the statement: names, as real copy has. */
static const char *const places[] = { "Arvel", "Brosk", "Calden",
	"Dunmar", "Essen", "Farrow", "Galt", "Harnby", "Istel", "Jorvik",
	"Kessel", "Lunde", "Morrow", "Nattan", "Orsk", "Pellin" };

/* The roles of etc/rules/default.conf: a join reads the stories of
 * each within the window. */
static const char *const roles[] = { "military", "official",
	"armed-group", "hostage-takers", "parties", "police", "workers",
	"sports", "company", "court", "individuals" };
#define N_ROLES	(sizeof(roles) / sizeof(roles[0]))

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int
main(int argc, char *argv[])
{
	struct config cfg;
	struct config_role role[N_ROLES];
	struct store *st;
	struct story_db *sd;
	json_t *a;
	sqlite3_stmt *count = NULL;
	char dir[] = "/tmp/brink-story-bench.XXXXXX", id[32], actor[32];
	char link[64], sentence[256], cmd[128];
	double t, spent = 0, committing = 0;
	long i, mark = 1000, n = argc > 1 ? atol(argv[1]) : STORIES;
	long unnamed = argc > 2 ? atol(argv[2]) : 0, since = 0;
	size_t r;
	time_t t0 = 1800000000;

	memset(&cfg, 0, sizeof(cfg));
	cfg.story_window = 48 * 3600;
	cfg.story_retention = 365 * 86400.0;
	cfg.story_similarity = 0.3;
	cfg.story_overlap = 0.6;
	memset(role, 0, sizeof(role));
	for (r = 0; r < N_ROLES; r++)
		role[r].name = (char *)roles[r];
	cfg.roles = role;
	cfg.n_roles = N_ROLES;
	if (mkdtemp(dir) == NULL || (st = store_open(dir)) == NULL ||
	    (sd = story_db_open(st, &cfg)) == NULL)
		return 99;
	printf("stories\tmean join (us)\tmean commit (us)\n");
	for (i = 1; i <= n; i++) {
		snprintf(id, sizeof(id), "a%ld", i);
		if (unnamed > 0 && i % unnamed == 0)
			snprintf(actor, sizeof(actor), "official");
		else
			snprintf(actor, sizeof(actor), "actor%ld", i % PAIRS);
		snprintf(link, sizeof(link), "https://x.example/%ld", i);
		snprintf(sentence, sizeof(sentence), "%s vowed to retaliate "
		    "for the %s %s near the %s of %s number %ld.", actor,
		    words[i % 16], words[(i / 16) % 16], words[(i / 256) % 16],
		    places[(i / 7) % 16], i);
		a = json_pack("{s:s, s:s, s:s, s:s, s:{s:s, s:s}, s:[s],"
		    " s:[s], s:[{s:s}]}", "id", id, "severity", "high",
		    "category", "threat", "feed", "wire", "item", "id", link,
		    "link", link, "actors", actor, "targets", "other", "hits",
		    "sentence", sentence);
		if (store_begin(st) == -1)
			return 99;
		t = now_s();
		if (story_db_join(sd, a, t0 + (time_t)(i * (double)SPAN /
		    STORIES)) == -1)
			return 99;
		spent += now_s() - t;
		t = now_s();
		if (store_commit(st) == -1)
			return 99;
		committing += now_s() - t;
		json_decref(a);
		if (i == mark) {
			printf("%ld\t%.1f\t%.1f\n", i, spent * 1e6 /
			    (double)(i - since), committing * 1e6 /
			    (double)(i - since));
			fflush(stdout);
			spent = committing = 0;
			since = i;
			mark *= 10;
		}
	}
	/* How many stories the alerts made: the figures are of a table
	 * that grows by one story an alert only when none joined. */
	if (sqlite3_prepare_v2(store_db(st), "SELECT count(*) FROM story",
	    -1, &count, NULL) == SQLITE_OK && sqlite3_step(count) ==
	    SQLITE_ROW)
		printf("# %ld alerts, %lld stories\n", n,
		    (long long)sqlite3_column_int64(count, 0));
	sqlite3_finalize(count);
	story_db_close(sd);
	store_close(st);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	return system(cmd) == 0 ? 0 : 1;
}
