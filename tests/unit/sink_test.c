/*
 * sink_test.c: the fan-out: each sink's filters (min_severity,
 * categories, feeds, actors), a failing sink reported to the caller, and
 * an alert retried because of another sink not written twice.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "alert_sample.h"
#include "config.h"
#include "sink.h"

static char dir[] = "/tmp/brink-sink-XXXXXX";

static long
lines(const char *name)
{
	char path[256];
	long n = 0;
	FILE *f;
	int c;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	while ((c = fgetc(f)) != EOF)
		n += c == '\n';
	fclose(f);
	return n;
}

static void
file_sink(struct config_sink *s, const char *name, char *path)
{
	memset(s, 0, sizeof(*s));
	s->name = (char *)name;
	s->type = SINK_FILE;
	s->format = FORMAT_JSON;
	snprintf(path, 256, "%s/%s", dir, name);
	s->path = path;
	s->min_severity = SEV_INFO;
}

int
main(void)
{
	static char *threat[] = { "threat" }, *other[] = { "other-feed" },
	    *south[] = { "Southland" };
	char paths[7][256], cmd[300];
	struct config_sink sc[7];
	struct config cfg;
	struct sinks *sinks;
	json_t *high, *low, *again;

	if (mkdtemp(dir) == NULL)
		return 99;
	memset(&cfg, 0, sizeof(cfg));
	file_sink(&sc[0], "all", paths[0]);
	file_sink(&sc[1], "high-only", paths[1]);
	sc[1].min_severity = SEV_HIGH;
	file_sink(&sc[2], "threats", paths[2]);
	sc[2].categories.v = threat;
	sc[2].categories.n = 1;
	file_sink(&sc[3], "other-feed", paths[3]);
	sc[3].feeds.v = other;
	sc[3].feeds.n = 1;
	file_sink(&sc[4], "southland", paths[4]);
	sc[4].actors.v = south;
	sc[4].actors.n = 1;
	memset(&sc[5], 0, sizeof(sc[5]));
	sc[5].name = "chat";
	sc[5].type = SINK_WEBHOOK;
	sc[5].url = "http://127.0.0.1:9/";
	cfg.sinks = sc;
	cfg.n_sinks = 6;

	sinks = sinks_open(&cfg, NULL, NULL);
	CHECK(sinks != NULL, "sinks open (a webhook is skipped outside "
	    "the daemon)");
	high = sample_alert("00000000000000a1", "high", NULL);
	low = sample_alert("00000000000000a2", "low", NULL);
	json_object_set_new(low, "category", json_string("threat"));
	json_object_set_new(low, "targets", json_pack("[s]", "eastland"));
	CHECK_INT(sinks_deliver(sinks, high), 0, "deliver a high alert");
	CHECK_INT(sinks_deliver(sinks, low), 0, "deliver a low alert");
	CHECK_INT(lines("all"), 2, "no filter: both");
	CHECK_INT(lines("high-only"), 1, "min_severity high: one");
	CHECK_INT(lines("threats"), 1, "category filter: the threat");
	CHECK_INT(lines("other-feed"), 0, "feed filter: none");
	CHECK_INT(lines("southland"), 1,
	    "actor filter: the one naming it as target (any case)");
	CHECK_INT(sinks_reopen(sinks), 0, "reopen");
	sinks_close(sinks);

	/* A sink that fails: the caller hears of it; the retry of the
	 * same alert does not write it again where it went. */
	file_sink(&sc[0], "all", paths[0]);
	file_sink(&sc[1], "full", paths[1]);
	sc[1].path = "/dev/full";
	cfg.n_sinks = 2;
	sinks = sinks_open(&cfg, NULL, NULL);
	again = sample_alert("00000000000000a3", "medium", NULL);
	CHECK_INT(sinks_deliver(sinks, again), -1, "a failing sink is reported");
	CHECK_INT(sinks_deliver(sinks, again), -1, "again on the retry");
	CHECK_INT(lines("all"), 3, "the good sink wrote the alert once");
	sinks_close(sinks);

	/* A path that cannot be opened fails sinks_open. */
	file_sink(&sc[0], "all", paths[0]);
	snprintf(paths[0], 256, "%s/all/x/y", dir);
	cfg.n_sinks = 1;
	CHECK(sinks_open(&cfg, NULL, NULL) == NULL, "bad path: open fails");

	json_decref(high);
	json_decref(low);
	json_decref(again);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		return 99;
	return check_done();
}
