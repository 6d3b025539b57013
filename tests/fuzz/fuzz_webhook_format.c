/*
 * fuzz_webhook_format.c: arbitrary bytes as an alert record (spooled
 * bodies come back from the database and could be damaged) through every
 * webhook format, a digest, the syslog and text helpers, and
 * secret_expand on a copy.  Whatever the record holds (wrong types,
 * missing fields, odd UTF-8 lengths), formatting must return, free what
 * it took and stay in bounds.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "config.h"
#include "secret.h"
#include "sink_text.h"
#include "webhook_format.h"
#include "webhook_target.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum sink_format formats[] = {
		FORMAT_GENERIC, FORMAT_SLACK, FORMAT_MATTERMOST, FORMAT_DISCORD,
		FORMAT_TEAMS,
		FORMAT_NTFY
	};
	char err[256], *s, *copy, *root, *topic;
	json_t *alert, *list[2];
	size_t i;

	/* ${...} expansion over the raw bytes (env only: no file reads). */
	if ((copy = strndup((const char *)data, size)) == NULL)
		return 0;
	if (strstr(copy, "${file:") == NULL) {
		s = secret_expand(copy, err, sizeof(err));
		free(s);
	}
	if (webhook_target_ntfy_url(copy, &root, &topic) == 0) {
		free(root);
		free(topic);
	}
	s = sink_text_line(copy, size / 2);
	free(s);
	free(copy);

	alert = json_loadb((const char *)data, size, 0, NULL);
	if (!json_is_object(alert)) {
		json_decref(alert);
		return 0;
	}
	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		s = webhook_format_alert(formats[i], alert, "topic", NULL, err,
		    sizeof(err));
		free(s);
		list[0] = list[1] = alert;
		s = webhook_format_digest(formats[i], list, 2, "fuzz", "topic",
		    err, sizeof(err));
		free(s);
	}
	s = sink_text_who(alert, "->");
	free(s);
	json_decref(alert);
	return 0;
}
