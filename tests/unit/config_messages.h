/*
 * config_messages.h: what the tests of configuration files share: the
 * loader's messages kept so a check can ask whether one was said, and
 * files written into a scratch directory of the test's own.  The
 * helpers are inline so that a program need not use them all.
 */
#ifndef CONFIG_MESSAGES_H
#define CONFIG_MESSAGES_H

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/config.h"

#define MAX_MSGS	64

static char	*msgs[MAX_MSGS];
static int	 n_msgs, n_errors;
static char	 scratch[PATH_MAX];

/* A config_report_fn: keeps the message and counts the errors; the
 * message is printed too, so a failing check shows what was said. */
static inline void
collect(void *arg, int is_error, const char *msg)
{
	(void)arg;
	if (n_msgs < MAX_MSGS)
		msgs[n_msgs++] = strdup(msg);
	if (is_error)
		n_errors++;
	printf("#   %s\n", msg);
}

static inline void
forget(void)
{
	while (n_msgs > 0)
		free(msgs[--n_msgs]);
	n_errors = 0;
}

/* Whether some message contains text. */
static inline int
said(const char *text)
{
	int i;

	for (i = 0; i < n_msgs; i++)
		if (strstr(msgs[i], text) != NULL)
			return 1;
	return 0;
}

/* Makes the scratch directory from tmpl ("/tmp/NAME.XXXXXX"); exits
 * 99 (a hard error to the test driver) when it cannot. */
static inline void
scratch_make(const char *tmpl)
{
	snprintf(scratch, sizeof(scratch), "%s", tmpl);
	if (mkdtemp(scratch) == NULL) {
		perror("mkdtemp");
		exit(99);
	}
}

/* Write text to name in the scratch directory; its path. */
static inline const char *
put_file(const char *name, const char *text)
{
	static char path[PATH_MAX + 64];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", scratch, name);
	if ((fp = fopen(path, "w")) == NULL) {
		perror(path);
		exit(99);
	}
	fputs(text, fp);
	fclose(fp);
	return path;
}

/* Loads text as a configuration file, the earlier messages forgotten. */
static inline struct config *
load_text(const char *text)
{
	forget();
	return config_load(put_file("test.conf", text), collect, NULL);
}

#endif
