/*
 * cmd_check.c: placeholder until the mode is built.
 */
#include "autoconf.h"

#include <stdio.h>

#include "cmd.h"

int
cmd_check(const char *config_path)
{
	fprintf(stderr, "brinkd: -t is not built yet\n");
	return EXIT_USAGE;
}
