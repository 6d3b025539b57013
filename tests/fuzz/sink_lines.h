/*
 * sink_lines.h: what fuzz_alert.c and fuzz_alert_line.c hold the file
 * and syslog sinks' lines to, whatever the alert record: the text line is
 * one headline ending in " id ID" and at most one indented quote, with
 * no other control character, and reads back to its id (the file sink
 * skips alerts already in its log by that); the JSON line is one line
 * of JSON; the syslog line fits its datagram and breaks no line.
 * Includes the sinks' sources for their statics.
 */
#include "../../src/sink_file.c"
#undef WHO_MAX
#include "../../src/sink_syslog.c"

/* Which promise broke, for the crash report. */
#define BROKEN(what) do {						\
	fprintf(stderr, "sink_lines.h:%d: %s\n", __LINE__, (what));	\
	abort();							\
} while (0)

static void
no_control(const char *s, const char *end)
{
	for (; s < end; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			BROKEN("a control character in a line");
}

static void
check_lines(const json_t *alert)
{
	const char *id = sink_text_get(alert, "id"), *got;
	char *line, *nl, *copy;
	json_t *back;
	size_t len, max;

	if ((line = file_text_line(alert)) != NULL) {
		if ((nl = strchr(line, '\n')) == NULL)
			BROKEN("the text line has no newline");
		no_control(line, nl);
		if (nl[1] != '\0') {
			/* The quote: four spaces, a line, nothing after. */
			if (strncmp(nl + 1, "    \"", 5) != 0)
				BROKEN("the text line's second line is not "
				    "the quote");
			len = strlen(nl + 1);
			if (nl[len] != '\n')
				BROKEN("the quote does not end the line");
			no_control(nl + 1, nl + len);
		}
		*nl = '\0';
		if (strlen(id) == ID_LEN && strspn(id, "0123456789abcdef") ==
		    ID_LEN) {
			if ((got = file_line_id(line, &len)) == NULL ||
			    len != ID_LEN || memcmp(got, id, ID_LEN) != 0)
				BROKEN("the text line does not read back to "
				    "its id");
		}
		free(line);
	}
	if ((line = file_json_line(alert)) != NULL) {
		len = strlen(line);
		if (len == 0 || line[len - 1] != '\n' ||
		    memchr(line, '\n', len - 1) != NULL)
			BROKEN("the JSON line is not one line");
		if ((back = json_loadb(line, len, 0, NULL)) == NULL)
			BROKEN("the JSON line does not read back");
		json_decref(back);
		if ((copy = strdup(line)) != NULL) {
			copy[len - 1] = '\0';
			if (strlen(id) == ID_LEN &&
			    ((got = file_line_id(copy, &len)) == NULL ||
			    memcmp(got, id, ID_LEN) != 0))
				BROKEN("the JSON line does not read back to "
				    "its id");
			free(copy);
		}
		free(line);
	}
	for (max = 0; max <= SYSLOG_DATAGRAM_MAX; max += 257) {
		if ((line = syslog_line(alert, max)) == NULL)
			continue;
		len = strlen(line);
		no_control(line, line + len);
		/* The title gives way; the fixed parts may not fit a tiny
		 * max, but never a datagram's. */
		if (max == SYSLOG_DATAGRAM_MAX - SYSLOG_HEADER_MAX &&
		    len > max && strlen(sink_text_get(alert, "id")) < 64 &&
		    strlen(sink_text_get(alert, "category")) < 64 &&
		    strlen(sink_text_item(alert, "link")) < 300)
			BROKEN("the syslog line is longer than its datagram");
		free(line);
	}
	(void)syslog_priority(sink_text_get(alert, "severity"));
}
