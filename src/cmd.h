/*
 * cmd.h: brinkd's modes, one file each, called by main in brinkd.c.
 * Each returns the process exit status: 0 ok, 1 bad input (or, for
 * --once, a feed that failed; for -t, a bad configuration, as nginx -t),
 * 2 usage, 78 a configuration the daemon or --once cannot start with
 * (sysexits' EX_CONFIG: the unit's RestartPreventExitStatus, as
 * restarting cannot help).
 */
#ifndef BRINK_CMD_H
#define BRINK_CMD_H

#define EXIT_OK		0
#define EXIT_BAD_INPUT	1
#define EXIT_USAGE	2
#define EXIT_CONFIG	78

/* -t: load and check the configuration and its sinks (secrets resolved,
 * files writable, URLs parsed; nothing sent), print "configuration ok" or
 * every problem as FILE:LINE: message. */
int	cmd_check(const char *config_path);
/* --parse: print the items of a feed file ("-" for stdin) as JSON lines. */
int	cmd_parse(const char *path);
/* --match: run the rules over a document (every item of a feed) and
 * print its alerts as JSON lines; explain adds, on stderr, why each hit
 * fired or was cancelled; summary prints counts instead of the alerts:
 * items read, alerts and hits per rule and per category, items without
 * an alert. */
int	cmd_match(const char *config_path, const char *path, int explain,
	    int summary);
/* --status: each feed's and sink's state and the recent alerts, read
 * from the state database without disturbing a running daemon. */
int	cmd_status(const char *config_path);
/* --trend: the escalation meter per actor pair, read from the state
 * database; json prints one object per pair and kind instead. */
int	cmd_trend(const char *config_path, int json);
/* The daemon: poll forever (foreground or detached), or once. */
int	cmd_run(const char *config_path, int foreground, int once);

#endif
