/*
 * cmd_check.c: brinkd -t, check a configuration like nginx -t: every
 * problem on stderr as FILE:LINE: message, or "configuration ok".
 *
 * The rules are compiled too: a phrase the matcher cannot use (no words,
 * a misplaced "...") is only seen there, and -t must catch everything a
 * start or a reload would refuse.  So are the sinks (sink_check.h): a
 * secret that does not resolve or a log directory brinkd may not write
 * would otherwise pass -t and then stop the service; and so are the
 * secrets in the feeds' headers (feed_check.h).
 */
#include "autoconf.h"

#include <stdio.h>
#include <syslog.h>

#include "cmd.h"
#include "config.h"
#include "feed_check.h"
#include "log.h"
#include "rules.h"
#include "sink_check.h"

static void
print_problem(void *arg, int is_error, const char *msg)
{
	/* Under systemctl reload, stderr is the journal: the level prefix
	 * files the line as an error or warning there (sd-daemon(3)). */
	if (log_stderr_is_journal())
		fprintf(stderr, "<%d>", is_error ? LOG_ERR : LOG_WARNING);
	fprintf(stderr, "%s\n", msg);
}

int
cmd_check(const char *config_path)
{
	struct config *config;
	struct rules *rules;
	char err[1024];

	if ((config = config_load(config_path, print_problem, NULL)) == NULL)
		return EXIT_BAD_INPUT;
	if ((rules = rules_compile(config, err, sizeof(err))) == NULL) {
		print_problem(NULL, 1, err);
		config_free(config);
		return EXIT_BAD_INPUT;
	}
	rules_free(rules);
	if (feeds_check(config, print_problem, NULL) +
	    sinks_check(config, print_problem, NULL) > 0) {
		config_free(config);
		return EXIT_BAD_INPUT;
	}
	config_free(config);
	printf("configuration ok\n");
	return EXIT_OK;
}
