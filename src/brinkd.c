/*
 * brinkd: watch news feeds and raise de-escalation alerts.
 *
 * main only reads the command line and hands over to one mode (cmd.h);
 * it holds no feed, rule or sink logic.
 */
#include "autoconf.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"

#ifndef SYSCONFDIR
#define SYSCONFDIR "/etc"
#endif
#define DEFAULT_CONFIG	SYSCONFDIR "/brink/brink.conf"

enum {
	OPT_ONCE = 256,
	OPT_MATCH,
	OPT_PARSE,
	OPT_EXPLAIN,
	OPT_SUMMARY,
	OPT_STATUS,
	OPT_TREND,
	OPT_JSON
};

static void
usage(FILE *out)
{
	fprintf(out,
	    "usage: brinkd [-f] [-c FILE]           run the daemon\n"
	    "       brinkd -t [-c FILE]             check the configuration\n"
	    "       brinkd --once [-c FILE]         poll every feed once, then exit\n"
	    "       brinkd --match DOC [--explain] [--summary] [-c FILE]\n"
	    "                                       print the alerts DOC raises\n"
	    "       brinkd --parse FEED             print a feed's items as JSON lines\n"
	    "       brinkd --status [-c FILE]       what the state database says\n"
	    "       brinkd --trend [--json] [-c FILE]\n"
	    "                                       the escalation meter per actor pair\n"
	    "\n"
	    "  -c, --config FILE   configuration file (default %s)\n"
	    "  -f, --foreground    stay in the foreground, log to stderr too\n"
	    "  -t, --check         check the configuration and exit 0 or 1\n"
	    "      --once          poll every feed once, raise alerts, exit\n"
	    "      --match DOC     a feed, HTML page or text file; - for stdin\n"
	    "      --explain       with --match: say why each rule fired or not\n"
	    "      --summary       with --match: counts per rule and category\n"
	    "      --parse FEED    a feed file; - for stdin\n"
	    "      --status        each feed's and sink's state, recent alerts\n"
	    "      --trend         per actor pair: 24 h, 7 days, baseline, ratio\n"
	    "      --json          with --trend: one JSON object per pair\n"
	    "  -V, --version       print the version and exit\n"
	    "  -h, --help          print this help and exit\n",
	    DEFAULT_CONFIG);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "config",	required_argument,	NULL, 'c' },
		{ "foreground",	no_argument,		NULL, 'f' },
		{ "check",	no_argument,		NULL, 't' },
		{ "once",	no_argument,		NULL, OPT_ONCE },
		{ "match",	required_argument,	NULL, OPT_MATCH },
		{ "explain",	no_argument,		NULL, OPT_EXPLAIN },
		{ "summary",	no_argument,		NULL, OPT_SUMMARY },
		{ "parse",	required_argument,	NULL, OPT_PARSE },
		{ "status",	no_argument,		NULL, OPT_STATUS },
		{ "trend",	no_argument,		NULL, OPT_TREND },
		{ "json",	no_argument,		NULL, OPT_JSON },
		{ "version",	no_argument,		NULL, 'V' },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL,		0,			NULL, 0 }
	};
	const char *config_path = DEFAULT_CONFIG;
	const char *match_path = NULL, *parse_path = NULL;
	int foreground = 0, check = 0, once = 0, explain = 0, summary = 0;
	int status = 0, trend = 0, json = 0, config_given = 0;
	const char *mode;
	int modes, ch;

	while ((ch = getopt_long(argc, argv, "c:ftVh", longopts, NULL)) != -1) {
		switch (ch) {
		case 'c':
			config_path = optarg;
			config_given = 1;
			break;
		case 'f':
			foreground = 1;
			break;
		case 't':
			check = 1;
			break;
		case OPT_ONCE:
			once = 1;
			break;
		case OPT_MATCH:
			match_path = optarg;
			break;
		case OPT_EXPLAIN:
			explain = 1;
			break;
		case OPT_SUMMARY:
			summary = 1;
			break;
		case OPT_PARSE:
			parse_path = optarg;
			break;
		case OPT_STATUS:
			status = 1;
			break;
		case OPT_TREND:
			trend = 1;
			break;
		case OPT_JSON:
			json = 1;
			break;
		case 'V':
			printf("brinkd %s\n", PACKAGE_VERSION);
			return EXIT_OK;
		case 'h':
			usage(stdout);
			return EXIT_OK;
		default:
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "brinkd: unexpected argument '%s'\n",
		    argv[optind]);
		usage(stderr);
		return EXIT_USAGE;
	}
	modes = check + once + status + trend + (match_path != NULL) +
	    (parse_path != NULL);
	if (modes > 1) {
		fprintf(stderr, "brinkd: -t, --once, --match, --parse, "
		    "--status and --trend do not go together; choose one\n");
		return EXIT_USAGE;
	}
	if ((explain || summary) && match_path == NULL) {
		fprintf(stderr, "brinkd: --%s goes with --match\n",
		    explain ? "explain" : "summary");
		return EXIT_USAGE;
	}

	/* An option that would be ignored is refused, naming the mode: a
	 * user who asked for -t --json expects JSON, not silence. */
	mode = check ? "-t" : once ? "--once" : status ? "--status" :
	    trend ? "--trend" : match_path != NULL ? "--match" :
	    parse_path != NULL ? "--parse" : NULL;
	if (json && !trend) {
		fprintf(stderr, "brinkd: --json goes with --trend%s%s\n",
		    mode != NULL ? ", not with " : "", mode != NULL ? mode : "");
		return EXIT_USAGE;
	}
	/* --once is the daemon's loop run once: -f says what it does
	 * anyway, and cron lines and scripts that give both keep working */
	if (foreground && mode != NULL && !once) {
		fprintf(stderr, "brinkd: -f goes with the daemon and --once, "
		    "not with %s\n", mode);
		return EXIT_USAGE;
	}
	/* --parse reads a feed and no configuration: a user who gives -c
	 * expects its settings to count, and none would. */
	if (config_given && parse_path != NULL) {
		fprintf(stderr, "brinkd: -c goes with every mode but --parse, "
		    "which reads no configuration\n");
		return EXIT_USAGE;
	}

	if (check)
		return cmd_check(config_path);
	if (status)
		return cmd_status(config_path);
	if (trend)
		return cmd_trend(config_path, json);
	if (parse_path != NULL)
		return cmd_parse(parse_path);
	if (match_path != NULL)
		return cmd_match(config_path, match_path, explain, summary);
	return cmd_run(config_path, foreground, once);
}
