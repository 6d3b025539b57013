/*
 * feed_check.c: check the secrets in the feeds' headers; see
 * feed_check.h.
 *
 * A feed behind a token names it as ${env:NAME} or ${file:PATH} so that
 * the token stays out of a world-readable brink.conf.  One that does
 * not resolve would fail every poll of its feed; found by -t, a start
 * or a reload, it is named with the file and line instead.
 */
#include "autoconf.h"

#include <stdio.h>

#include "feed_check.h"
#include "secret.h"

int
feeds_check(const struct config *cfg, config_report_fn *report, void *arg)
{
	const struct config_feed *f;
	char err[512], msg[1024], *value;
	size_t i, h;
	int errors = 0;

	for (i = 0; i < cfg->n_feeds; i++) {
		f = &cfg->feeds[i];
		for (h = 0; h < f->headers.n; h++) {
			if ((value = secret_expand(f->headers.v[h], err,
			    sizeof(err))) != NULL) {
				secret_free(value);
				continue;
			}
			snprintf(msg, sizeof(msg), "%s:%d: feed %s: header "
			    "%zu: %s", f->file, f->line, f->name, h + 1, err);
			report(arg, 1, msg);
			errors++;
		}
	}
	return errors;
}
