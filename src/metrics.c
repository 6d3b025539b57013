/*
 * metrics.c: brinkd's counters and their Prometheus text; see metrics.h.
 *
 * The exposition format is written by hand: it is a few lines of text
 * per series (name{labels} value), and the C clients for Prometheus
 * (prometheus-client-c) are not packaged by Debian.  Label values are
 * escaped as the format says (backslash, quote, newline).
 */
#include "autoconf.h"

#include <search.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>
#include <sqlite3.h>

#include "config.h"
#include "log.h"
#include "metrics.h"
#include "store.h"

/* Poll durations, in seconds: a local file takes milliseconds, a slow
 * server the whole timeout. */
static const double poll_buckets[] = {
	0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60
};
#define N_BUCKETS	(sizeof(poll_buckets) / sizeof(poll_buckets[0]))

struct feed_counts {
	char		*name;
	unsigned long	 polls, errors, items;
	double		 started;		/* monotonic; 0: none */
	unsigned long	 bucket[N_BUCKETS];	/* not cumulative */
	double		 seconds;		/* sum of durations */
};

struct sink_counts {
	char		*name;
	unsigned long	 delivered, dropped, failed;
};

struct alert_counts {
	char		*feed, *category, *severity;
	unsigned long	 n;
};

/* The feeds are looked up by name at every poll, and once each per
 * scrape: a tsearch(3) tree keeps that logarithmic (a list made a first
 * poll of 20,000 feeds spend nine tenths of its time in strcmp).  The
 * array holds the same counts, to free them. */
static struct {
	struct feed_counts	**feeds;
	size_t			 n_feeds;
	void			*feed_tree;
	struct sink_counts	*sinks;
	size_t			 n_sinks;
	struct alert_counts	*alerts;
	size_t			 n_alerts;
} counts;

static char *
xstrdup(const char *s)
{
	char *copy;

	if ((copy = strdup(s != NULL ? s : "")) == NULL)
		log_fatal("out of memory");
	return copy;
}

static void *
grow(void *v, size_t n, size_t size)
{
	if ((v = reallocarray(v, n + 1, size)) == NULL)
		log_fatal("out of memory");
	memset((char *)v + n * size, 0, size);
	return v;
}

static double
monotonic(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
feed_compare(const void *a, const void *b)
{
	return strcmp(((const struct feed_counts *)a)->name,
	    ((const struct feed_counts *)b)->name);
}

/* The counts of feed; NULL if it has none yet. */
static struct feed_counts *
feed_find(const char *feed)
{
	struct feed_counts key, **found;

	key.name = (char *)feed;
	found = tfind(&key, &counts.feed_tree, feed_compare);
	return found != NULL ? *found : NULL;
}

static struct feed_counts *
feed_counts(const char *feed)
{
	struct feed_counts *fc;

	if ((fc = feed_find(feed)) != NULL)
		return fc;
	if ((fc = calloc(1, sizeof(*fc))) == NULL)
		log_fatal("out of memory");
	fc->name = xstrdup(feed);
	if (tsearch(fc, &counts.feed_tree, feed_compare) == NULL)
		log_fatal("out of memory");
	counts.feeds = grow(counts.feeds, counts.n_feeds,
	    sizeof(*counts.feeds));
	counts.feeds[counts.n_feeds++] = fc;
	return fc;
}

static struct sink_counts *
sink_counts(const char *sink)
{
	size_t i;

	for (i = 0; i < counts.n_sinks; i++)
		if (strcmp(counts.sinks[i].name, sink) == 0)
			return &counts.sinks[i];
	counts.sinks = grow(counts.sinks, counts.n_sinks,
	    sizeof(*counts.sinks));
	counts.sinks[counts.n_sinks].name = xstrdup(sink);
	return &counts.sinks[counts.n_sinks++];
}

void
metrics_poll_started(const char *feed)
{
	feed_counts(feed)->started = monotonic();
}

void
metrics_poll_ended(const char *feed)
{
	struct feed_counts *fc = feed_counts(feed);
	double d;
	size_t i;

	fc->polls++;
	if (fc->started <= 0)
		return;
	d = monotonic() - fc->started;
	fc->started = 0;
	fc->seconds += d;
	for (i = 0; i < N_BUCKETS; i++)
		if (d <= poll_buckets[i]) {
			fc->bucket[i]++;
			return;
		}
	/* Beyond the last bucket: only +Inf (the count) has it. */
}

void
metrics_feed_result(const char *feed, int ok)
{
	if (!ok)
		feed_counts(feed)->errors++;
}

void
metrics_feed_items(const char *feed, size_t n)
{
	feed_counts(feed)->items += n;
}

static const char *
field(const json_t *alert, const char *key)
{
	const char *s = json_string_value(json_object_get(alert, key));

	return s != NULL ? s : "";
}

void
metrics_alert(const json_t *alert)
{
	const char *feed = field(alert, "feed"),
	    *category = field(alert, "category"),
	    *severity = field(alert, "severity");
	struct alert_counts *a;
	size_t i;

	for (i = 0; i < counts.n_alerts; i++) {
		a = &counts.alerts[i];
		if (strcmp(a->feed, feed) == 0 &&
		    strcmp(a->category, category) == 0 &&
		    strcmp(a->severity, severity) == 0) {
			a->n++;
			return;
		}
	}
	counts.alerts = grow(counts.alerts, counts.n_alerts,
	    sizeof(*counts.alerts));
	a = &counts.alerts[counts.n_alerts++];
	a->feed = xstrdup(feed);
	a->category = xstrdup(category);
	a->severity = xstrdup(severity);
	a->n = 1;
}

void
metrics_sink_delivered(const char *sink, size_t n)
{
	sink_counts(sink)->delivered += n;
}

void
metrics_sink_dropped(const char *sink, size_t n)
{
	sink_counts(sink)->dropped += n;
}

void
metrics_sink_failed(const char *sink)
{
	sink_counts(sink)->failed++;
}

void
metrics_reset(void)
{
	size_t i;

	for (i = 0; i < counts.n_feeds; i++) {
		tdelete(counts.feeds[i], &counts.feed_tree, feed_compare);
		free(counts.feeds[i]->name);
		free(counts.feeds[i]);
	}
	for (i = 0; i < counts.n_sinks; i++)
		free(counts.sinks[i].name);
	for (i = 0; i < counts.n_alerts; i++) {
		free(counts.alerts[i].feed);
		free(counts.alerts[i].category);
		free(counts.alerts[i].severity);
	}
	free(counts.feeds);
	free(counts.sinks);
	free(counts.alerts);
	memset(&counts, 0, sizeof(counts));
}

/*
 * The exposition.
 */

/* A label value, escaped as the text format asks. */
static void
put_label(FILE *f, const char *name, const char *value)
{
	fprintf(f, "%s=\"", name);
	for (; *value != '\0'; value++) {
		if (*value == '\\')
			fputs("\\\\", f);
		else if (*value == '"')
			fputs("\\\"", f);
		else if (*value == '\n')
			fputs("\\n", f);
		else
			fputc(*value, f);
	}
	fputc('"', f);
}

static void
head(FILE *f, const char *name, const char *type, const char *help)
{
	fprintf(f, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
}

/* name{label="value"} n */
static void
one(FILE *f, const char *name, const char *label, const char *value,
    double n)
{
	fprintf(f, "%s{", name);
	put_label(f, label, value);
	fprintf(f, "} %.17g\n", n);
}

static const struct sink_counts *
sink_known(const char *sink)
{
	size_t i;

	for (i = 0; i < counts.n_sinks; i++)
		if (strcmp(counts.sinks[i].name, sink) == 0)
			return &counts.sinks[i];
	return NULL;
}

enum feed_count { FEED_POLLS, FEED_ERRORS, FEED_ITEMS };

/* Every configured feed gets a series, zero before its first poll. */
static void
write_feed_counter(FILE *f, const struct config *cfg, const char *name,
    const char *help, enum feed_count which)
{
	const struct feed_counts *fc;
	unsigned long v;
	size_t i;

	head(f, name, "counter", help);
	for (i = 0; i < cfg->n_feeds; i++) {
		fc = feed_find(cfg->feeds[i].name);
		v = fc == NULL ? 0 : which == FEED_POLLS ? fc->polls :
		    which == FEED_ERRORS ? fc->errors : fc->items;
		one(f, name, "feed", cfg->feeds[i].name, (double)v);
	}
}

static void
write_durations(FILE *f, const struct config *cfg)
{
	static const char *name = "brink_feed_poll_duration_seconds";
	const struct feed_counts *fc;
	unsigned long cumulative;
	size_t i, b;

	head(f, name, "histogram", "Time from the start of a feed's fetch "
	    "(waiting behind the transfer caps included) to its answer.");
	for (i = 0; i < cfg->n_feeds; i++) {
		fc = feed_find(cfg->feeds[i].name);
		cumulative = 0;
		for (b = 0; b < N_BUCKETS; b++) {
			cumulative += fc != NULL ? fc->bucket[b] : 0;
			fprintf(f, "%s_bucket{", name);
			put_label(f, "feed", cfg->feeds[i].name);
			fprintf(f, ",le=\"%g\"} %lu\n", poll_buckets[b],
			    cumulative);
		}
		fprintf(f, "%s_bucket{", name);
		put_label(f, "feed", cfg->feeds[i].name);
		fprintf(f, ",le=\"+Inf\"} %lu\n", fc != NULL ? fc->polls : 0);
		one(f, "brink_feed_poll_duration_seconds_sum", "feed",
		    cfg->feeds[i].name, fc != NULL ? fc->seconds : 0);
		one(f, "brink_feed_poll_duration_seconds_count", "feed",
		    cfg->feeds[i].name, fc != NULL ? (double)fc->polls : 0);
	}
}

static void
write_alerts(FILE *f)
{
	size_t i;

	head(f, "brink_alerts_total", "counter", "Alerts raised, by feed, "
	    "category and severity.");
	for (i = 0; i < counts.n_alerts; i++) {
		fputs("brink_alerts_total{", f);
		put_label(f, "feed", counts.alerts[i].feed);
		fputc(',', f);
		put_label(f, "category", counts.alerts[i].category);
		fputc(',', f);
		put_label(f, "severity", counts.alerts[i].severity);
		fprintf(f, "} %lu\n", counts.alerts[i].n);
	}
}

static void
write_sink_counters(FILE *f, const struct config *cfg)
{
	static const struct {
		const char	*name, *help;
		int		 which;
	} c[] = {
		{ "brink_sink_deliveries_total", "Alerts a sink delivered "
		    "(written, or accepted by the receiver).", 0 },
		{ "brink_sink_drops_total", "Alerts a sink gave up: refused "
		    "by the receiver, past max_age, or unreadable.", 1 },
		{ "brink_sink_failures_total", "Posts that failed and are "
		    "tried again.", 2 },
	};
	const struct sink_counts *sc;
	unsigned long v;
	size_t i, k;

	for (k = 0; k < sizeof(c) / sizeof(c[0]); k++) {
		head(f, c[k].name, "counter", c[k].help);
		for (i = 0; i < cfg->n_sinks; i++) {
			sc = sink_known(cfg->sinks[i].name);
			v = sc == NULL ? 0 : c[k].which == 0 ? sc->delivered :
			    c[k].which == 1 ? sc->dropped : sc->failed;
			one(f, c[k].name, "sink", cfg->sinks[i].name,
			    (double)v);
		}
	}
}

/* Failures in a row and the last success, as the store keeps them. */
static int
write_feed_state(FILE *f, const struct config *cfg, sqlite3 *db)
{
	sqlite3_stmt *st;
	size_t i;
	int pass, rc = 0;

	if (sqlite3_prepare_v2(db, "SELECT failures, last_success FROM "
	    "feed_state WHERE feed = ?1", -1, &st, NULL) != SQLITE_OK)
		return -1;
	for (pass = 0; pass < 2; pass++) {
		if (pass == 0)
			head(f, "brink_feed_consecutive_failures", "gauge",
			    "Failed polls of the feed since its last "
			    "success.");
		else
			head(f, "brink_feed_last_success_timestamp_seconds",
			    "gauge", "When the feed last answered (Unix "
			    "time; 0: never).");
		for (i = 0; i < cfg->n_feeds; i++) {
			double v = 0;

			sqlite3_bind_text(st, 1, cfg->feeds[i].name, -1,
			    SQLITE_STATIC);
			switch (sqlite3_step(st)) {
			case SQLITE_ROW:
				v = (double)sqlite3_column_int64(st, pass);
				break;
			case SQLITE_DONE:
				break;
			default:
				rc = -1;
			}
			sqlite3_reset(st);
			one(f, pass == 0 ? "brink_feed_consecutive_failures" :
			    "brink_feed_last_success_timestamp_seconds",
			    "feed", cfg->feeds[i].name, v);
		}
	}
	sqlite3_finalize(st);
	return rc;
}

static int
is_spooled(const struct config_sink *k)
{
	return k->type == SINK_WEBHOOK || k->type == SINK_ALERTMANAGER;
}

/* Spool depth and the age of its oldest entry, per spooled sink. */
static int
write_spool(FILE *f, const struct config *cfg, sqlite3 *db, time_t now)
{
	sqlite3_stmt *st;
	size_t i;
	int pass, rc = 0;

	if (sqlite3_prepare_v2(db, "SELECT count(*), coalesce(min(created), "
	    "0) FROM spool WHERE sink = ?1", -1, &st, NULL) != SQLITE_OK)
		return -1;
	for (pass = 0; pass < 2; pass++) {
		if (pass == 0)
			head(f, "brink_sink_spool_depth", "gauge", "Alerts "
			    "waiting in the sink's spool.");
		else
			head(f, "brink_sink_spool_oldest_age_seconds", "gauge",
			    "Age of the oldest alert in the spool (0: "
			    "empty).");
		for (i = 0; i < cfg->n_sinks; i++) {
			double v = 0;

			if (!is_spooled(&cfg->sinks[i]))
				continue;
			sqlite3_bind_text(st, 1, cfg->sinks[i].name, -1,
			    SQLITE_STATIC);
			if (sqlite3_step(st) == SQLITE_ROW) {
				if (pass == 0)
					v = sqlite3_column_int(st, 0);
				else if (sqlite3_column_int(st, 0) > 0)
					v = (double)(now -
					    sqlite3_column_int64(st, 1));
			} else
				rc = -1;
			sqlite3_reset(st);
			one(f, pass == 0 ? "brink_sink_spool_depth" :
			    "brink_sink_spool_oldest_age_seconds", "sink",
			    cfg->sinks[i].name, v < 0 ? 0 : v);
		}
	}
	sqlite3_finalize(st);
	return rc;
}

int
metrics_write(FILE *f, const struct config *cfg, struct store *store,
    time_t now)
{
	int rc = 0;

	head(f, "brink_build_info", "gauge", "brinkd's version.");
	fprintf(f, "brink_build_info{version=\"%s\"} 1\n", PACKAGE_VERSION);
	write_feed_counter(f, cfg, "brink_feed_polls_total", "Fetches of "
	    "the feed that ended with an answer or a transport error.",
	    FEED_POLLS);
	write_feed_counter(f, cfg, "brink_feed_errors_total", "Polls of the "
	    "feed that failed (transport, HTTP status, or the body could "
	    "not be processed).", FEED_ERRORS);
	write_feed_counter(f, cfg, "brink_feed_items_total", "New items "
	    "read from the feed.", FEED_ITEMS);
	write_durations(f, cfg);
	write_alerts(f);
	write_sink_counters(f, cfg);
	if (store != NULL) {
		if (write_feed_state(f, cfg, store_db(store)) == -1 ||
		    write_spool(f, cfg, store_db(store), now) == -1)
			rc = -1;
	}
	return rc;
}
