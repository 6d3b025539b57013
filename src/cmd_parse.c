/*
 * cmd_parse.c: placeholder until the mode is built.
 */
#include "autoconf.h"

#include <stdio.h>

#include "cmd.h"

int
cmd_parse(const char *path)
{
	fprintf(stderr, "brinkd: --parse is not built yet\n");
	return EXIT_USAGE;
}
