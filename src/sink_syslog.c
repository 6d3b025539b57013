/*
 * sink_syslog.c: one readable syslog(3) line per alert, with the sink's
 * ident and facility, at a priority that follows the alert's severity.
 *
 * Many syslog daemons and relays cut messages at 1 KiB.  The line is
 * kept below that by shortening the title (and, if it must, the actor
 * list and feed name), never the link or the alert id: those are what a
 * reader needs to find the article and the record in the alert log.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

#include <jansson.h>

#include "config.h"
#include "log.h"
#include "sink_impl.h"
#include "sink_text.h"

/*
 * Room for the whole datagram, header included: "<PRI>Mmm dd hh:mm:ss
 * " is at most 21 bytes, "[pid]: " at most 10, then the ident.
 */
#define SYSLOG_DATAGRAM_MAX	1024
#define SYSLOG_HEADER_MAX	40
#define WHO_MAX			200
#define FEED_MAX		100

static int
syslog_priority(const char *severity)
{
	static const struct {
		const char	*name;
		int		 priority;
	} map[] = {
		{ "critical",	LOG_CRIT },
		{ "high",	LOG_ERR },
		{ "medium",	LOG_WARNING },
		{ "low",	LOG_NOTICE },
		{ "info",	LOG_INFO },
	};
	size_t i;

	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (strcmp(severity, map[i].name) == 0)
			return map[i].priority;
	return LOG_WARNING;
}

/*
 * "HIGH retaliation: iran -> israel [feed reuters-world] title <link>
 * id 0123456789abcdef", at most max bytes.  Caller frees.
 */
static char *
syslog_line(const json_t *alert, size_t max)
{
	char *sev = NULL, *who = NULL, *feed = NULL, *title = NULL,
	    *link = NULL, *head = NULL, *tail = NULL, *line = NULL;
	const char *id;
	size_t fixed;
	int n;

	id = sink_text_get(alert, "id");
	sev = sink_text_upper(sink_text_get(alert, "severity"));
	if ((who = sink_text_who(alert, "->")) != NULL) {
		char *w = sink_text_line(who, WHO_MAX);

		free(who);
		who = w;
	}
	feed = sink_text_line(sink_text_get(alert, "feed"), FEED_MAX);
	link = sink_text_line(sink_text_item(alert, "link"), SIZE_MAX);
	if (sev == NULL || who == NULL || feed == NULL || link == NULL)
		goto done;
	n = asprintf(&head, "%s %s%s%s [feed %s] ", sev,
	    sink_text_get(alert, "category"), *who != '\0' ? ": " : "", who,
	    feed);
	if (n == -1) {
		head = NULL;
		goto done;
	}
	n = asprintf(&tail, "%s%s%sid %s", *link != '\0' ? "<" : "", link,
	    *link != '\0' ? "> " : "", id);
	if (n == -1) {
		tail = NULL;
		goto done;
	}
	fixed = strlen(head) + strlen(tail) + 1;
	title = sink_text_line(sink_text_item(alert, "title"),
	    fixed < max ? max - fixed : 0);
	if (title == NULL)
		goto done;
	if (asprintf(&line, "%s%s%s%s", head, title, *title != '\0' ? " " : "",
	    tail) == -1)
		line = NULL;
done:
	free(sev);
	free(who);
	free(feed);
	free(link);
	free(head);
	free(tail);
	free(title);
	return line;
}

static int
syslog_open(struct sink *s)
{
	return 0;
}

static int
syslog_deliver(struct sink *s, const json_t *alert)
{
	const char *ident = s->cfg->ident != NULL ? s->cfg->ident : "brinkd";
	size_t max;
	char *line;

	max = SYSLOG_DATAGRAM_MAX - SYSLOG_HEADER_MAX - strlen(ident);
	if (strlen(ident) > SYSLOG_DATAGRAM_MAX / 2)
		max = SYSLOG_DATAGRAM_MAX / 2;
	if ((line = syslog_line(alert, max)) == NULL)
		log_fatal("out of memory");
	openlog(ident, LOG_PID | LOG_NDELAY, s->cfg->facility);
	syslog(s->cfg->facility |
	    syslog_priority(sink_text_get(alert, "severity")), "%s", line);
	log_syslog_restore();
	free(line);
	return 0;
}

static int
syslog_reopen(struct sink *s)
{
	return 0;
}

static void
syslog_close(struct sink *s)
{
}

const struct sink_ops sink_syslog_ops = {
	.type = "syslog",
	.open = syslog_open,
	.deliver = syslog_deliver,
	.reopen = syslog_reopen,
	.close = syslog_close,
};
