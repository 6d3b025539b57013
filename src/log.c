/*
 * log.c: the only place brinkd's own messages are written.
 *
 * Under systemd, stderr is a stream into the journal, which files every
 * line at priority 6 ("info") and puts its own "brinkd[pid]: " in front
 * of ours: `journalctl -p warning` then showed nothing.  So when stderr
 * is the journal, or when detached, messages go to the journal's native
 * socket with their priority, brinkd's identifier and, for a message
 * about a feed or a sink, a FEED= or SINK= field to filter on
 * (journalctl FEED=reuters-world).  Where the journal is not there they
 * fall back to what it would have done with them: a "<N>" level prefix
 * on the stream (which journald reads as the priority), or syslog(3).
 */
#include "autoconf.h"

#include <sys/stat.h>
#include <sys/uio.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>

#ifdef HAVE_LIBSYSTEMD
#include <systemd/sd-journal.h>
#endif

#include "log.h"

#define LOG_MSG_MAX	2048
#define LOG_NAME_MAX	128	/* a feed or sink name in a FEED=/SINK= field */
/* Where sd_journal_sendv() sends (systemd's journal-send.c). */
#define LOG_JOURNAL_SOCKET	"/run/systemd/journal/socket"

static int		 log_where = LOG_TO_STDERR;
static enum log_level	 log_max = LOG_LEVEL_INFO;
static const char	*log_ident = "brinkd";
static int		 log_stream;	/* stderr is the journal */

/* syslog(3) priorities: the journal and syslog read the same numbers. */
static const int log_priority[] = {
	[LOG_LEVEL_ERROR] = LOG_ERR,
	[LOG_LEVEL_WARNING] = LOG_WARNING,
	[LOG_LEVEL_INFO] = LOG_INFO,
	[LOG_LEVEL_DEBUG] = LOG_DEBUG,
};

int
log_stderr_is_journal(void)
{
	unsigned long long dev, ino;
	const char *stream;
	struct stat st;
	char end;

	/* systemd sets JOURNAL_STREAM=DEV:INODE for the unit's stdout and
	 * stderr; a child whose stderr was redirected inherits it, so the
	 * inode must also be stderr's own. */
	if ((stream = getenv("JOURNAL_STREAM")) == NULL ||
	    sscanf(stream, "%llu:%llu%c", &dev, &ino, &end) != 2)
		return 0;
	if (fstat(STDERR_FILENO, &st) == -1)
		return 0;
	return (unsigned long long)st.st_dev == dev &&
	    (unsigned long long)st.st_ino == ino;
}

void
log_init(const char *ident, int where, enum log_level level)
{
	if (log_where & (LOG_TO_SYSLOG | LOG_TO_JOURNAL))
		closelog();
	log_ident = ident;
	log_where = where;
	log_max = level;
	log_stream = (where & LOG_TO_JOURNAL) && log_stderr_is_journal();
	if (where & LOG_TO_SYSLOG)
		openlog(ident, LOG_PID | LOG_NDELAY, LOG_DAEMON);
	else if (where & LOG_TO_JOURNAL)
		openlog(ident, LOG_PID, LOG_DAEMON);	/* the fall-back */
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
	else if (log_where & LOG_TO_JOURNAL)
		openlog(log_ident, LOG_PID, LOG_DAEMON);
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

/*
 * "feed NAME: text" -> "NAME" in name (for FEED=), and likewise for
 * "sink ".  0 if msg is about neither or the name is not one word.
 */
static int
log_subject(const char *msg, const char *what, char *name, size_t len)
{
	size_t wlen = strlen(what), n;

	if (strncmp(msg, what, wlen) != 0 || msg[wlen] != ' ')
		return 0;
	msg += wlen + 1;
	n = strcspn(msg, ": \t");
	if (n == 0 || n >= len || msg[n] != ':')
		return 0;
	memcpy(name, msg, n);
	name[n] = '\0';
	return 1;
}

/* The journal's native protocol; 0, or -1 if it is not there. */
static int
log_journal(int priority, const char *msg)
{
#ifdef HAVE_LIBSYSTEMD
	char name[LOG_NAME_MAX], *fields[5] = { NULL };
	struct iovec iov[5];
	int n = 0, i, rc;

	/* sd_journal_sendv() reports success when there is no journal
	 * (it drops the message): look for its socket first. */
	if (access(LOG_JOURNAL_SOCKET, W_OK) == -1)
		return -1;
	if (asprintf(&fields[n++], "MESSAGE=%s", msg) == -1 ||
	    asprintf(&fields[n++], "PRIORITY=%d", priority) == -1 ||
	    asprintf(&fields[n++], "SYSLOG_IDENTIFIER=%s", log_ident) == -1 ||
	    asprintf(&fields[n++], "SYSLOG_FACILITY=%d", LOG_DAEMON >> 3) ==
	    -1)
		abort();
	if (log_subject(msg, "feed", name, sizeof(name))) {
		if (asprintf(&fields[n++], "FEED=%s", name) == -1)
			abort();
	} else if (log_subject(msg, "sink", name, sizeof(name))) {
		if (asprintf(&fields[n++], "SINK=%s", name) == -1)
			abort();
	}
	for (i = 0; i < n; i++) {
		iov[i].iov_base = fields[i];
		iov[i].iov_len = strlen(fields[i]);
	}
	rc = sd_journal_sendv(iov, n);
	for (i = 0; i < n; i++)
		free(fields[i]);
	return rc < 0 ? -1 : 0;
#else
	(void)priority;
	(void)msg;
	return -1;
#endif
}

/* The line for a terminal: "brinkd: warning: text". */
static void
log_stderr(enum log_level level, const char *msg)
{
	static const char *const prefix[] = {
		[LOG_LEVEL_ERROR] = "error: ",
		[LOG_LEVEL_WARNING] = "warning: ",
		[LOG_LEVEL_INFO] = "",
		[LOG_LEVEL_DEBUG] = "debug: ",
	};

	fprintf(stderr, "%s: %s%s\n", log_ident, prefix[level], msg);
}

static void
log_vwrite(enum log_level level, const char *fmt, va_list ap)
{
	char msg[LOG_MSG_MAX];

	if (level > log_max)
		return;
	vsnprintf(msg, sizeof(msg), fmt, ap);
	if (log_where & LOG_TO_STDERR)
		log_stderr(level, msg);
	if (log_where & LOG_TO_SYSLOG)
		syslog(log_priority[level], "%s", msg);
	if ((log_where & LOG_TO_JOURNAL) &&
	    log_journal(log_priority[level], msg) == -1) {
		/* sd-daemon(3)'s level prefix: journald files the line at
		 * that priority and adds the identifier itself. */
		if (log_stream)
			fprintf(stderr, "<%d>%s\n", log_priority[level], msg);
		else
			syslog(log_priority[level], "%s", msg);
	}
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
