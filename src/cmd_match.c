/*
 * cmd_match.c: placeholder until the mode is built.
 */
#include "autoconf.h"

#include <stdio.h>

#include "cmd.h"

int
cmd_match(const char *config_path, const char *path, int explain)
{
	fprintf(stderr, "brinkd: --match is not built yet\n");
	return EXIT_USAGE;
}
