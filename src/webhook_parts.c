/*
 * webhook_parts.c: the pieces every chat message is made of (the look of
 * a severity, who threatened whom by display name, the title and its
 * link, the feed and the time, a digest's list); see webhook_impl.h.
 * Article text is untrusted: it is cut to each service's limits here,
 * and escaped for each markup by the format that uses it
 * (webhook_text.c).
 */
#include "autoconf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "sink_text.h"
#include "webhook_impl.h"
#include "webhook_text.h"

#define DIGEST_LIST_MAX	25	/* alerts listed by title in a digest */

/* How each severity looks; the unknown one falls back to medium. */
static const struct webhook_look looks[] = {
	{ "info",     "\xe2\x9a\xaa",         "#8a8f98", "Default",   1,
	    "white_circle" },
	{ "low",      "\xf0\x9f\x94\xb5",     "#2f7dd1", "Accent",    2,
	    "large_blue_circle" },
	{ "medium",   "\xf0\x9f\x9f\xa0",     "#f2a900", "Warning",   3,
	    "orange_circle" },
	{ "high",     "\xf0\x9f\x94\xb4",     "#d9302c", "Attention", 4,
	    "red_circle" },
	{ "critical", "\xf0\x9f\x9a\xa8",     "#8b0000", "Attention", 5,
	    "rotating_light" },
};

const struct webhook_look *
webhook_look_of(const json_t *alert)
{
	const char *sev = sink_text_get(alert, "severity");
	size_t i;

	for (i = 0; i < sizeof(looks) / sizeof(looks[0]); i++)
		if (strcmp(sev, looks[i].name) == 0)
			return &looks[i];
	return &looks[2];
}

const struct webhook_look *
webhook_look_max(json_t *const *alerts, size_t n)
{
	const struct webhook_look *best = &looks[0], *l;
	size_t i;

	for (i = 0; i < n; i++)
		if ((l = webhook_look_of(alerts[i])) > best)
			best = l;
	return best;
}

char *
webhook_fmt(const char *format, ...)
{
	va_list ap;
	char *s;

	va_start(ap, format);
	if (vasprintf(&s, format, ap) == -1)
		abort();
	va_end(ap);
	return s;
}

char *
webhook_line(const char *s, size_t max)
{
	char *out;

	if ((out = sink_text_line(s, max)) == NULL)
		abort();
	return out;
}

void
webhook_put_str(json_t *obj, const char *key, char *value)
{
	json_object_set_new(obj, key, json_string(value));
	free(value);
}

json_t *
webhook_fields(const json_t *alert, const json_t *names,
    json_t *(*make)(const char *title, char *value))
{
	json_t *fields = json_array();

	json_array_append_new(fields, make("Severity",
	    webhook_line(sink_text_get(alert, "severity"), 50)));
	json_array_append_new(fields, make("Category",
	    webhook_line(sink_text_get(alert, "category"), 100)));
	json_array_append_new(fields, make("Who",
	    webhook_who_of(alert, names, 500)));
	json_array_append_new(fields, make("Feed", webhook_feed_of(alert)));
	return fields;
}

/*
 * The feed, and for an update of a story (story.h) how many articles
 * from which feeds reported it: "wire \xc2\xb7 update: 7 articles from
 * wire, daily, ...".
 */
char *
webhook_feed_of(const json_t *alert)
{
	const json_t *story = json_object_get(alert, "story");
	const json_t *feeds = json_object_get(story, "feeds"), *f;
	char *feed, *list, *out, *more;
	size_t i;

	feed = webhook_line(sink_text_get(alert, "feed"), 200);
	if (story == NULL || json_is_true(json_object_get(story, "first")))
		return feed;
	list = webhook_fmt("%s", "");
	json_array_foreach(feeds, i, f) {
		if (json_string_value(f) == NULL)
			continue;
		more = webhook_fmt("%s%s%s", list, *list != '\0' ? ", " : "",
		    json_string_value(f));
		free(list);
		list = more;
	}
	out = webhook_fmt("%s \xc2\xb7 update: %lld article%s from %s", feed,
	    (long long)json_integer_value(json_object_get(story, "articles")),
	    json_integer_value(json_object_get(story, "articles")) == 1 ?
	    "" : "s", list);
	free(feed);
	free(list);
	more = webhook_line(out, 400);
	free(out);
	return more;
}

/* "2026-11-23T06:00:00Z" -> "2026-11-23 06:00:00 UTC". */
char *
webhook_human_time(const char *rfc3339)
{
	char *s = webhook_line(rfc3339, 64), *p;
	size_t len = strlen(s);

	if ((p = strchr(s, 'T')) != NULL)
		*p = ' ';
	if (len > 0 && s[len - 1] == 'Z') {
		s[len - 1] = '\0';
		p = webhook_fmt("%s UTC", s);
		free(s);
		s = p;
	}
	return s;
}

long long
webhook_epoch_of(const char *rfc3339)
{
	struct tm tm;
	const char *end;

	memset(&tm, 0, sizeof(tm));
	end = strptime(rfc3339, "%Y-%m-%dT%H:%M:%S", &tm);
	if (end == NULL)
		return 0;
	return (long long)timegm(&tm);
}

char *
webhook_who_of(const json_t *alert, const json_t *names, size_t max)
{
	char *who, *out;

	if ((who = sink_text_who_named(alert, "\xe2\x86\x92", names)) ==
	    NULL)
		abort();
	out = webhook_line(*who != '\0' ? who : "unknown actor", max);
	free(who);
	return out;
}

char *
webhook_link_of(const json_t *alert)
{
	char why[256];

	return webhook_text_link(sink_text_item(alert, "link"), why,
	    sizeof(why));
}

const char *
webhook_title_of(const json_t *alert)
{
	const char *t = sink_text_item(alert, "title");

	return *t != '\0' ? t : "(no title)";
}

char *
webhook_headline(const json_t *alert, const json_t *names, const char *bold)
{
	char *sev, *who, *cat, *out;

	if ((sev = sink_text_upper(sink_text_get(alert, "severity"))) == NULL)
		abort();
	who = webhook_who_of(alert, names, 200);
	cat = webhook_line(sink_text_get(alert, "category"), 100);
	out = webhook_fmt("%s %s%s%s %s: %s", webhook_look_of(alert)->emoji,
	    bold, sev, bold, cat, who);
	free(sev);
	free(who);
	free(cat);
	return out;
}

char *
webhook_md_link(const json_t *alert, size_t max)
{
	char *text, *link, *url, *out;

	text = webhook_text_md_link_text(webhook_title_of(alert), max);
	if ((link = webhook_link_of(alert)) == NULL)
		return text;
	url = webhook_text_md_url(link);
	out = webhook_fmt("[%s](%s)", text, url);
	free(text);
	free(link);
	free(url);
	return out;
}

char *
webhook_digest_headline(size_t n, const char *sink)
{
	return webhook_fmt("%zu alert%s held by flood control on sink %s", n,
	    n == 1 ? "" : "s", sink);
}

char *
webhook_digest_list(json_t *const *alerts, size_t n,
    enum webhook_digest_style style)
{
	char *out = NULL, *sev, *s, *t, *link;
	size_t len, i;
	FILE *f;

	if ((f = open_memstream(&out, &len)) == NULL)
		abort();
	for (i = 0; i < n && i < DIGEST_LIST_MAX; i++) {
		if ((sev = sink_text_upper(sink_text_get(alerts[i],
		    "severity"))) == NULL)
			abort();
		link = webhook_link_of(alerts[i]);
		if (style == DIGEST_MARKDOWN) {
			s = webhook_md_link(alerts[i], 200);
			fprintf(f, "%s- %s %s", i > 0 ? "\n" : "", sev, s);
		} else if (style == DIGEST_SLACK) {
			t = webhook_line(webhook_title_of(alerts[i]), 200);
			s = webhook_text_slack(t);
			free(t);
			fprintf(f, "%s\xe2\x80\xa2 %s %s%s%s%s",
			    i > 0 ? "\n" : "", sev, link != NULL ? "<" : "",
			    link != NULL ? link : "", link != NULL ? "|" : "", s);
			if (link != NULL)
				fputc('>', f);
		} else {
			s = webhook_line(webhook_title_of(alerts[i]), 200);
			fprintf(f, "%s\xe2\x80\xa2 %s %s%s%s",
			    i > 0 ? "\n" : "", sev, s, link != NULL ? " " : "",
			    link != NULL ? link : "");
		}
		free(sev);
		free(s);
		free(link);
	}
	if (n > DIGEST_LIST_MAX)
		fprintf(f, "\nand %zu more", n - DIGEST_LIST_MAX);
	if (fclose(f) != 0)
		abort();
	return out;
}
