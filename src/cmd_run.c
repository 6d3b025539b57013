/*
 * cmd_run.c: placeholder until the mode is built.
 */
#include "autoconf.h"

#include <stdio.h>

#include "cmd.h"

int
cmd_run(const char *config_path, int foreground, int once)
{
	fprintf(stderr, "brinkd: running the daemon is not built yet\n");
	return EXIT_USAGE;
}
