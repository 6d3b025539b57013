/*
 * log.c: the only place brinkd's own messages are written.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

#include "log.h"

static int		 log_where = LOG_TO_STDERR;
static enum log_level	 log_max = LOG_LEVEL_INFO;
static const char	*log_ident = "brinkd";

void
log_init(const char *ident, int where, enum log_level level)
{
	if (log_where & LOG_TO_SYSLOG)
		closelog();
	log_ident = ident;
	log_where = where;
	log_max = level;
	if (where & LOG_TO_SYSLOG)
		openlog(ident, LOG_PID | LOG_NDELAY, LOG_DAEMON);
}

void
log_set_level(enum log_level level)
{
	log_max = level;
}

void
log_syslog_restore(void)
{
	if (log_where & LOG_TO_SYSLOG)
		openlog(log_ident, LOG_PID | LOG_NDELAY, LOG_DAEMON);
}

int
log_level_parse(const char *name)
{
	static const char *const names[] = {
		"error", "warning", "info", "debug"
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(name, names[i]) == 0)
			return (int)i;
	return -1;
}

static void
log_vwrite(enum log_level level, const char *fmt, va_list ap)
{
	static const int priority[] = {
		LOG_ERR, LOG_WARNING, LOG_INFO, LOG_DEBUG
	};
	static const char *const prefix[] = {
		"error: ", "warning: ", "", "debug: "
	};
	char msg[2048];

	if (level > log_max)
		return;
	vsnprintf(msg, sizeof(msg), fmt, ap);
	if (log_where & LOG_TO_STDERR)
		fprintf(stderr, "%s: %s%s\n", log_ident, prefix[level], msg);
	if (log_where & LOG_TO_SYSLOG)
		syslog(priority[level], "%s", msg);
}

#define LOG_FUNCTION(name, level)			\
void							\
name(const char *fmt, ...)				\
{							\
	va_list ap;					\
							\
	va_start(ap, fmt);				\
	log_vwrite(level, fmt, ap);			\
	va_end(ap);					\
}

LOG_FUNCTION(log_error, LOG_LEVEL_ERROR)
LOG_FUNCTION(log_warn, LOG_LEVEL_WARNING)
LOG_FUNCTION(log_info, LOG_LEVEL_INFO)
LOG_FUNCTION(log_debug, LOG_LEVEL_DEBUG)

void
log_fatal(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_vwrite(LOG_LEVEL_ERROR, fmt, ap);
	va_end(ap);
	exit(1);
}
