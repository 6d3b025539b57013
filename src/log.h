/*
 * log.h: the daemon's own messages.  Only log.c writes them: to stderr
 * in the foreground (and in the one-shot modes), to systemd's journal
 * when stderr is the journal or when detached (syslog(3) where there is
 * no journal).  Messages start in lower case and carry no final period;
 * a message about a feed or sink starts with "feed NAME: " or
 * "sink NAME: ", which the journal gets as a FEED= or SINK= field.
 */
#ifndef BRINK_LOG_H
#define BRINK_LOG_H

#include <stdarg.h>

enum log_level {
	LOG_LEVEL_ERROR,
	LOG_LEVEL_WARNING,
	LOG_LEVEL_INFO,
	LOG_LEVEL_DEBUG
};

/* Where messages go: LOG_TO_STDERR, LOG_TO_SYSLOG, or both; or
 * LOG_TO_JOURNAL: the journal with the message's priority and fields,
 * else a "<N>" level prefix on stderr if it is the journal's stream,
 * else syslog(3). */
#define LOG_TO_STDERR	0x1
#define LOG_TO_SYSLOG	0x2
#define LOG_TO_JOURNAL	0x4

/* 1 if stderr is the journal's stream (JOURNAL_STREAM names it): lines
 * written there would be filed at priority info. */
int	log_stderr_is_journal(void);

/* Set the destinations and the most verbose level shown. */
void	log_init(const char *ident, int where, enum log_level level);
void	log_set_level(enum log_level level);
/* The syslog sink called openlog(3) with its own ident and facility:
 * take syslog back for brinkd's own messages. */
void	log_syslog_restore(void);
/* Parse "error", "warning", "info" or "debug"; -1 if unknown. */
int	log_level_parse(const char *name);

void	log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void	log_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void	log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void	log_debug(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Out of memory or a broken invariant: log and exit(1). */
void	log_fatal(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2), noreturn));

#endif
