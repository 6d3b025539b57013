/*
 * config_msg.c: the loader's messages, kept until the load ends and then
 * given out in file order, and where a line of the joined text is in the
 * files (the map config_source.c draws as it joins them).
 */
#include "autoconf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "config_priv.h"
#include "log.h"

void
config_msg(struct config_load *ld, int is_error, int source, int line,
    const char *fmt, ...)
{
	struct config_msg *msgs, *m;
	va_list ap;
	char *text;
	int rc;

	va_start(ap, fmt);
	rc = vasprintf(&text, fmt, ap);
	va_end(ap);
	if (rc == -1)
		log_fatal("out of memory");
	msgs = reallocarray(ld->msgs, ld->n_msgs + 1, sizeof(*msgs));
	if (msgs == NULL)
		log_fatal("out of memory");
	ld->msgs = msgs;
	m = &msgs[ld->n_msgs];
	m->is_error = is_error;
	m->source = source;
	m->line = line;
	m->seq = ld->n_msgs++;
	m->text = text;
	if (is_error)
		ld->n_errors++;
}

void
config_msg_at(struct config_load *ld, int is_error, int line,
    const char *fmt, ...)
{
	va_list ap;
	char *text;
	int source, source_line, rc;

	va_start(ap, fmt);
	rc = vasprintf(&text, fmt, ap);
	va_end(ap);
	if (rc == -1)
		log_fatal("out of memory");
	config_source_where(ld, line, &source, &source_line);
	config_msg(ld, is_error, source, source_line, "%s", text);
	free(text);
}

static int
msg_order(const void *a, const void *b)
{
	const struct config_msg *x = a, *y = b;

	if (x->source != y->source)
		return x->source < y->source ? -1 : 1;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Give out the messages of a load, in file order, to report. */
void
config_msg_deliver(struct config_load *ld, config_report_fn *report, void *arg)
{
	char *line;
	size_t i;

	if (ld->n_msgs == 0)
		return;
	qsort(ld->msgs, ld->n_msgs, sizeof(*ld->msgs), msg_order);
	for (i = 0; i < ld->n_msgs; i++) {
		struct config_msg *m = &ld->msgs[i];
		int rc;

		if (m->source >= 0)
			rc = asprintf(&line, "%s:%d: %s%s",
			    ld->sources[m->source].name, m->line,
			    m->is_error ? "" : "warning: ", m->text);
		else
			rc = asprintf(&line, "%s%s",
			    m->is_error ? "" : "warning: ", m->text);
		if (rc == -1)
			log_fatal("out of memory");
		if (report != NULL)
			report(arg, m->is_error, line);
		free(line);
	}
}

/* The file and line of a line in the joined text. */
void
config_source_where(const struct config_load *ld, int line, int *source,
    int *source_line)
{
	size_t i;

	*source = -1;
	*source_line = line;
	for (i = 0; i < ld->n_segments; i++) {
		if (ld->segments[i].line > line)
			continue;
		/* Segments are in order; the last one that starts at or
		 * before the line holds it. */
		*source = ld->segments[i].source;
		*source_line = ld->segments[i].source_line +
		    (line - ld->segments[i].line);
	}
}

/* The line where the top-level section closing at close_line opened. */
int
config_span_open(const struct config_load *ld, int close_line)
{
	size_t lo = 0, hi = ld->n_spans, mid;

	/* Spans are noted as the text is joined, so in the order of their
	 * closing lines: a binary search, once per section. */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (ld->spans[mid].close_line < close_line)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < ld->n_spans && ld->spans[lo].close_line == close_line)
		return ld->spans[lo].open_line;
	return close_line;
}

/* Where a line of the joined text is, for struct config. */
void
config_where(struct config_load *ld, int line, const char **file,
    int *file_line)
{
	int source;

	config_source_where(ld, line, &source, file_line);
	*file = source >= 0 ? ld->sources[source].name : ld->config->path;
}
