/*
 * sink_text.h: reading an alert record (DESIGN.md, "The alert") for
 * people: its fields, who threatened whom, and text made safe for one
 * line and shortened without splitting a UTF-8 character.  Pure: no I/O,
 * no logging.
 */
#ifndef BRINK_SINK_TEXT_H
#define BRINK_SINK_TEXT_H

#include <stddef.h>

#include <jansson.h>

/* The top-level string field key of alert, or "" if absent.  Borrowed
 * from alert. */
const char	*sink_text_get(const json_t *alert, const char *key);
/* The string field key of alert's "item" object, or "". */
const char	*sink_text_item(const json_t *alert, const char *key);
/* The sentence of the strongest hit (the hit whose rule is the alert's
 * rule, else the first), or "". */
const char	*sink_text_sentence(const json_t *alert);

/* "iran, hezbollah -> israel": actors, arrow, targets; only the actors
 * when there are no targets; "" when there are neither.  Caller frees;
 * NULL only when out of memory. */
char		*sink_text_who(const json_t *alert, const char *arrow);
/* The same with each name that names maps ({"iran": "Iran"}) shown as
 * its display name; names may be NULL. */
char		*sink_text_who_named(const json_t *alert, const char *arrow,
		    const json_t *names);

/* A copy of s with every control character (newlines, tabs, escapes)
 * replaced by a space, so it cannot break a line or a terminal, and at
 * most max bytes long: a longer text is cut at a character boundary and
 * ends in "...".  Caller frees; NULL when out of memory. */
char		*sink_text_line(const char *s, size_t max);
/* The longest prefix of s of at most max bytes that ends on a UTF-8
 * character boundary, as a byte count. */
size_t		 sink_text_cut(const char *s, size_t max);

/* "HIGH" for "high": an upper-case copy of an ASCII word.  Caller frees. */
char		*sink_text_upper(const char *s);

#endif
