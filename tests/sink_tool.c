/*
 * sink_tool.c: feed alert records (one JSON object per line on stdin)
 * through one real sink, for the shell tests that watch what comes out
 * (rsyslogd's file, the alert log under a logrotate-style move).
 *
 *	sink_tool file PATH json|text [nofsync]
 *	sink_tool syslog IDENT FACILITY
 *
 * SIGHUP reopens the sink before the next alert, as brinkd does.  Prints
 * "delivered N" on stdout when stdin ends; exits 1 if a delivery failed.
 */
#include "autoconf.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

#include <jansson.h>

#include "config.h"
#include "log.h"
#include "sink_impl.h"

static volatile sig_atomic_t hup;

static void
on_hup(int sig)
{
	hup = 1;
}

static int
facility_parse(const char *name)
{
	static const struct {
		const char	*name;
		int		 value;
	} map[] = {
		{ "daemon", LOG_DAEMON }, { "user", LOG_USER },
		{ "local0", LOG_LOCAL0 }, { "local1", LOG_LOCAL1 },
		{ "local2", LOG_LOCAL2 }, { "local3", LOG_LOCAL3 },
		{ "local4", LOG_LOCAL4 }, { "local5", LOG_LOCAL5 },
		{ "local6", LOG_LOCAL6 }, { "local7", LOG_LOCAL7 },
	};
	size_t i;

	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (strcmp(name, map[i].name) == 0)
			return map[i].value;
	return -1;
}

int
main(int argc, char **argv)
{
	struct config_sink cfg;
	struct sigaction sa;
	struct sink s;
	char line[65536];
	json_t *alert;
	long n = 0;
	int failed = 0;

	log_init("sink_tool", LOG_TO_STDERR, LOG_LEVEL_INFO);
	memset(&cfg, 0, sizeof(cfg));
	memset(&s, 0, sizeof(s));
	cfg.name = "test";
	if (argc >= 4 && strcmp(argv[1], "file") == 0) {
		cfg.type = SINK_FILE;
		cfg.path = argv[2];
		cfg.format = strcmp(argv[3], "text") == 0 ? FORMAT_TEXT :
		    FORMAT_JSON;
		cfg.fsync = !(argc >= 5 && strcmp(argv[4], "nofsync") == 0);
		s.ops = &sink_file_ops;
	} else if (argc == 4 && strcmp(argv[1], "syslog") == 0) {
		cfg.type = SINK_SYSLOG;
		cfg.ident = argv[2];
		if ((cfg.facility = facility_parse(argv[3])) == -1) {
			fprintf(stderr, "sink_tool: unknown facility %s\n",
			    argv[3]);
			return 2;
		}
		s.ops = &sink_syslog_ops;
	} else {
		fprintf(stderr, "usage: sink_tool file PATH json|text "
		    "[nofsync] | syslog IDENT FACILITY\n");
		return 2;
	}
	s.cfg = &cfg;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_hup;
	sa.sa_flags = SA_RESTART;
	sigaction(SIGHUP, &sa, NULL);
	if (s.ops->open(&s) == -1)
		return 1;
	while (fgets(line, sizeof(line), stdin) != NULL) {
		if (hup) {
			hup = 0;
			if (s.ops->reopen(&s) == -1)
				failed = 1;
		}
		if ((alert = json_loads(line, JSON_DISABLE_EOF_CHECK,
		    NULL)) == NULL) {
			fprintf(stderr, "sink_tool: not JSON: %s", line);
			failed = 1;
			continue;
		}
		if (s.ops->deliver(&s, alert) == -1)
			failed = 1;
		else
			n++;
		json_decref(alert);
	}
	s.ops->close(&s);
	printf("delivered %ld\n", n);
	return failed;
}
