/*
 * sink_text.c: the alert record read for people; see sink_text.h.
 */
#include "autoconf.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "sink_text.h"

#define ELLIPSIS	"..."

const char *
sink_text_get(const json_t *alert, const char *key)
{
	const char *s = json_string_value(json_object_get(alert, key));

	return s != NULL ? s : "";
}

const char *
sink_text_item(const json_t *alert, const char *key)
{
	const char *s;

	s = json_string_value(json_object_get(json_object_get(alert, "item"),
	    key));
	return s != NULL ? s : "";
}

const char *
sink_text_sentence(const json_t *alert)
{
	const json_t *hits, *hit, *best = NULL;
	const char *rule, *s;
	size_t i;

	rule = sink_text_get(alert, "rule");
	hits = json_object_get(alert, "hits");
	json_array_foreach(hits, i, hit) {
		if (best == NULL)
			best = hit;
		s = json_string_value(json_object_get(hit, "rule"));
		if (s != NULL && strcmp(s, rule) == 0) {
			best = hit;
			break;
		}
	}
	s = json_string_value(json_object_get(best, "sentence"));
	return s != NULL ? s : "";
}

/* Append the strings of array to f, separated by ", ", each by its
 * display name in names when it has one. */
static void
join(FILE *f, const json_t *array, const json_t *names)
{
	const json_t *v;
	const char *s, *shown;
	size_t i;
	int first = 1;

	json_array_foreach(array, i, v) {
		if ((s = json_string_value(v)) == NULL)
			continue;
		shown = json_string_value(json_object_get(names, s));
		fprintf(f, "%s%s", first ? "" : ", ", shown != NULL ? shown :
		    s);
		first = 0;
	}
}

char *
sink_text_who(const json_t *alert, const char *arrow)
{
	return sink_text_who_named(alert, arrow, NULL);
}

char *
sink_text_who_named(const json_t *alert, const char *arrow,
    const json_t *names)
{
	const json_t *actors, *targets;
	char *out = NULL;
	size_t len;
	FILE *f;

	if ((f = open_memstream(&out, &len)) == NULL)
		return NULL;
	actors = json_object_get(alert, "actors");
	targets = json_object_get(alert, "targets");
	join(f, actors, names);
	if (json_array_size(targets) > 0) {
		fprintf(f, "%s%s ", json_array_size(actors) > 0 ? " " : "",
		    arrow);
		join(f, targets, names);
	}
	if (fclose(f) != 0) {
		free(out);
		return NULL;
	}
	return out;
}

size_t
sink_text_cut(const char *s, size_t max)
{
	size_t len = strlen(s);

	if (len <= max)
		return len;
	/* Step back over continuation bytes (10xxxxxx) to a lead byte. */
	while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
		max--;
	return max;
}

char *
sink_text_line(const char *s, size_t max)
{
	size_t len, keep;
	char *out, *p;

	len = strlen(s);
	if (len > max && max >= sizeof(ELLIPSIS) - 1)
		keep = sink_text_cut(s, max - (sizeof(ELLIPSIS) - 1));
	else
		keep = sink_text_cut(s, max);
	if ((out = malloc(keep + sizeof(ELLIPSIS))) == NULL)
		return NULL;
	memcpy(out, s, keep);
	out[keep] = '\0';
	if (keep < len && max >= sizeof(ELLIPSIS) - 1)
		strcat(out, ELLIPSIS);
	for (p = out; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = ' ';
	return out;
}

char *
sink_text_upper(const char *s)
{
	char *out, *p;

	if ((out = strdup(s)) == NULL)
		return NULL;
	for (p = out; *p != '\0'; p++)
		*p = (char)toupper((unsigned char)*p);
	return out;
}
