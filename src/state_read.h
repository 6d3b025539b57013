/*
 * state_read.h: the state database opened read-only, for the commands
 * that report on a daemon (--status, --trend) without disturbing it.
 */
#ifndef BRINK_STATE_READ_H
#define BRINK_STATE_READ_H

#include <sqlite3.h>

#include "config.h"

/*
 * Open cfg's state database read-only, waiting a while for a writer's
 * lock.  On success the database, and in *path its file (free it).  On
 * failure NULL, with the reason on stderr naming option (the command
 * line option, for the advice), and *path NULL or the file.
 */
sqlite3	*state_read_open(const struct config *cfg, const char *option,
	    char **path);

#endif
