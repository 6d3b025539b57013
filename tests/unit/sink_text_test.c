/*
 * sink_text_test.c: reading alert records for people.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "alert_sample.h"
#include "sink_text.h"

int
main(void)
{
	json_t *a = sample_alert("0123456789abcdef", "high", NULL);
	char *s;

	CHECK_STR(sink_text_get(a, "severity"), "high", "top-level field");
	CHECK_STR(sink_text_get(a, "nothing"), "", "absent field is empty");
	CHECK_STR(sink_text_item(a, "link"), SAMPLE_LINK, "item field");
	CHECK_STR(sink_text_sentence(a), SAMPLE_SENTENCE,
	    "the strongest hit's sentence");
	s = sink_text_who(a, "->");
	CHECK_STR(s, "northland -> southland", "who threatened whom");
	free(s);
	json_array_append_new(json_object_get(a, "actors"),
	    json_string("eastland"));
	json_array_clear(json_object_get(a, "targets"));
	s = sink_text_who(a, "->");
	CHECK_STR(s, "northland, eastland", "actors only, no arrow");
	free(s);
	json_decref(a);

	s = sink_text_line("two\nlines\tand\x1b[31m escape", 100);
	CHECK_STR(s, "two lines and [31m escape", "control characters blanked");
	free(s);
	s = sink_text_line("abcdefghij", 8);
	CHECK_STR(s, "abcde...", "cut to max bytes with an ellipsis");
	free(s);
	/* "é" is two bytes: a cut must not split it. */
	CHECK_INT(sink_text_cut("ab\xc3\xa9z", 3), 2,
	    "cut never splits a UTF-8 character");
	CHECK_INT(sink_text_cut("ab\xc3\xa9z", 4), 4, "cut after it");
	s = sink_text_line("short", 100);
	CHECK_STR(s, "short", "short text unchanged");
	free(s);
	s = sink_text_upper("critical");
	CHECK_STR(s, "CRITICAL", "upper case");
	free(s);
	return check_done();
}
