/*
 * fuzz_alert_line.c: arbitrary bytes as an alert record (JSON, as the
 * file and syslog sinks receive it, and as a spool or an older brinkd
 * may hand it back) through the file sink's text and JSON lines and the
 * syslog sink's line.  Fields may be missing, of the wrong type, huge
 * or full of control characters; sink_lines.h says what must hold.
 * Only the fields brink writes itself (id: a hash; time: a date;
 * severity; category: the configuration's) are taken as the formatters
 * trust them: strings without control characters.  Everything from the
 * article (title, link, sentence, actors, feed) is hostile.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "sink_lines.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Whether the top-level key of alert, if present, is brink's own: a
 * string without control characters. */
static int
own_field(const json_t *alert, const char *key)
{
	const json_t *v = json_object_get(alert, key);
	const char *s;

	if (v == NULL)
		return 1;
	if ((s = json_string_value(v)) == NULL)
		return 1;	/* read as "" */
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 0;
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	json_t *alert;

	if ((alert = json_loadb((const char *)data, size, JSON_DECODE_ANY,
	    NULL)) == NULL)
		return 0;
	if (own_field(alert, "id") && own_field(alert, "time") &&
	    own_field(alert, "severity") && own_field(alert, "category"))
		check_lines(alert);
	json_decref(alert);
	return 0;
}
