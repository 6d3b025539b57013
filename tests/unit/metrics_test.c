/*
 * metrics_test.c: the metrics_listen address, and the Prometheus text
 * the counters become (names, label escaping, the histogram).
 */
#include "autoconf.h"

#include <netinet/in.h>
#include <sys/socket.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "../check.h"
#include "config.h"
#include "log.h"
#include "metrics.h"
#include "metrics_addr.h"

static void
test_addr(void)
{
	struct sockaddr_storage ss;
	char why[256];

	CHECK(metrics_addr_parse("127.0.0.1:9464", &ss, why, sizeof(why)) ==
	    0 && ss.ss_family == AF_INET &&
	    ntohs(((struct sockaddr_in *)&ss)->sin_port) == 9464,
	    "127.0.0.1:9464 is IPv4, port 9464");
	CHECK(metrics_addr_parse("[::1]:9464", &ss, why, sizeof(why)) == 0 &&
	    ss.ss_family == AF_INET6, "[::1]:9464 is IPv6");
	CHECK(metrics_addr_parse("0.0.0.0:80", NULL, why, sizeof(why)) == 0,
	    "every address, port 80");
	CHECK(metrics_addr_parse("127.0.0.1", NULL, why, sizeof(why)) == -1 &&
	    strstr(why, "no port") != NULL, "no port: refused, saying so");
	CHECK(metrics_addr_parse("127.0.0.1:0", NULL, why, sizeof(why)) == -1 &&
	    strstr(why, "65535") != NULL, "port 0: refused");
	CHECK(metrics_addr_parse("127.0.0.1:70000", NULL, why, sizeof(why)) ==
	    -1, "port 70000: refused");
	CHECK(metrics_addr_parse("127.0.0.1:94x", NULL, why, sizeof(why)) ==
	    -1, "a port with letters: refused");
	CHECK(metrics_addr_parse("localhost:9464", NULL, why, sizeof(why)) ==
	    -1 && strstr(why, "127.0.0.1:9464") != NULL,
	    "a name: refused, with an example");
	CHECK(metrics_addr_parse("::1:9464", NULL, why, sizeof(why)) == -1 &&
	    strstr(why, "[::1]:9464") != NULL, "IPv6 without brackets");
	CHECK(metrics_addr_parse("[::1]9464", NULL, why, sizeof(why)) == -1,
	    "brackets without a colon");
	CHECK(metrics_addr_parse(":9464", NULL, why, sizeof(why)) == -1,
	    "no address");
	CHECK(metrics_addr_parse("", NULL, why, sizeof(why)) == -1, "empty");
}

static char *
render(const struct config *cfg)
{
	char *out = NULL;
	size_t len;
	FILE *f = open_memstream(&out, &len);

	CHECK_INT(metrics_write(f, cfg, NULL, 1000), 0, "metrics written");
	fclose(f);
	return out;
}

static int
has(const char *text, const char *line)
{
	return strstr(text, line) != NULL;
}

static void
test_text(void)
{
	struct config_feed feeds[2];
	struct config_sink sinks[1];
	struct config cfg;
	json_t *alert;
	char *t;

	memset(&cfg, 0, sizeof(cfg));
	memset(feeds, 0, sizeof(feeds));
	memset(sinks, 0, sizeof(sinks));
	feeds[0].name = "wire";
	feeds[1].name = "odd\"name\\x";
	sinks[0].name = "chat";
	sinks[0].type = SINK_WEBHOOK;
	cfg.feeds = feeds;
	cfg.n_feeds = 2;
	cfg.sinks = sinks;
	cfg.n_sinks = 1;

	metrics_poll_started("wire");
	metrics_poll_ended("wire");
	metrics_feed_result("wire", 1);
	metrics_poll_started("wire");
	metrics_poll_ended("wire");
	metrics_feed_result("wire", 0);
	metrics_feed_items("wire", 7);
	alert = json_pack("{s:s,s:s,s:s}", "feed", "wire", "category",
	    "threat", "severity", "high");
	metrics_alert(alert);
	metrics_alert(alert);
	json_decref(alert);
	metrics_sink_delivered("chat", 3);
	metrics_sink_dropped("chat", 1);
	metrics_sink_failed("chat");

	t = render(&cfg);
	CHECK(has(t, "# TYPE brink_feed_polls_total counter\n"),
	    "polls is a counter");
	CHECK(has(t, "\nbrink_feed_polls_total{feed=\"wire\"} 2\n"),
	    "two polls of wire");
	CHECK(has(t, "\nbrink_feed_errors_total{feed=\"wire\"} 1\n"),
	    "one error of wire");
	CHECK(has(t, "\nbrink_feed_items_total{feed=\"wire\"} 7\n"),
	    "seven items of wire");
	CHECK(has(t, "\nbrink_feed_polls_total{feed=\"odd\\\"name\\\\x\"} 0\n"),
	    "a feed never polled is 0, its name escaped");
	CHECK(has(t, "\nbrink_feed_poll_duration_seconds_bucket{feed=\"wire\","
	    "le=\"+Inf\"} 2\n"), "the histogram's +Inf bucket counts both");
	CHECK(has(t, "\nbrink_feed_poll_duration_seconds_bucket{feed=\"wire\","
	    "le=\"60\"} 2\n"), "both polls took under a minute");
	CHECK(has(t, "\nbrink_feed_poll_duration_seconds_count{feed=\"wire\"} "
	    "2\n"), "the histogram's count");
	CHECK(has(t, "\nbrink_alerts_total{feed=\"wire\",category=\"threat\","
	    "severity=\"high\"} 2\n"), "alerts by feed, category, severity");
	CHECK(has(t, "\nbrink_sink_deliveries_total{sink=\"chat\"} 3\n"),
	    "deliveries of chat");
	CHECK(has(t, "\nbrink_sink_drops_total{sink=\"chat\"} 1\n"),
	    "drops of chat");
	CHECK(has(t, "\nbrink_sink_failures_total{sink=\"chat\"} 1\n"),
	    "failures of chat");
	CHECK(!has(t, "spool_depth"), "no store: no spool gauges");
	free(t);

	metrics_reset();
	t = render(&cfg);
	CHECK(has(t, "\nbrink_feed_polls_total{feed=\"wire\"} 0\n"),
	    "reset: back to zero");
	free(t);
}

int
main(void)
{
	log_init("metrics_test", LOG_TO_STDERR, LOG_LEVEL_ERROR);
	test_addr();
	test_text();
	metrics_reset();
	return check_done();
}
