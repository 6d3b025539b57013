/*
 * cmd_check.c: brinkd -t, check a configuration like nginx -t: every
 * problem on stderr as FILE:LINE: message, or "configuration ok".
 */
#include "autoconf.h"

#include <stdio.h>

#include "cmd.h"
#include "config.h"

static void
print_problem(void *arg, int is_error, const char *msg)
{
	fprintf(stderr, "%s\n", msg);
}

int
cmd_check(const char *config_path)
{
	struct config *config;

	if ((config = config_load(config_path, print_problem, NULL)) == NULL)
		return EXIT_BAD_INPUT;
	config_free(config);
	printf("configuration ok\n");
	return EXIT_OK;
}
