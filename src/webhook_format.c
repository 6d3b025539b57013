/*
 * webhook_format.c: chat messages for alerts; see webhook_format.h.
 *
 * Every message says, at a glance: how bad (colour and emoji), what kind
 * (category), who threatened whom, the article's title as a link, the
 * quoted sentence, the feed and the time.  Article text is untrusted:
 * it is cut to each service's limits and never allowed to ping a channel,
 * to make a link of its own or to break the markup around it
 * (webhook_text.c).  A link that is not a well-formed http(s) URL is
 * left out and the alert sent without it: a service that refuses the
 * message for its link would otherwise lose the alert.
 */
#include "autoconf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "config.h"
#include "sink_text.h"
#include "webhook_format.h"
#include "webhook_text.h"

#define DIGEST_LIST_MAX	25	/* alerts listed by title in a digest */

/* How each severity looks; the unknown one falls back to medium. */
static const struct look {
	const char	*name;
	const char	*emoji;
	const char	*colour;	/* "#rrggbb" */
	const char	*teams;		/* Adaptive Card text colour */
	int		 ntfy_priority;	/* 1 min .. 5 max */
	const char	*ntfy_tag;	/* an emoji short code */
} looks[] = {
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

static const struct look *
look_of(const json_t *alert)
{
	const char *sev = sink_text_get(alert, "severity");
	size_t i;

	for (i = 0; i < sizeof(looks) / sizeof(looks[0]); i++)
		if (strcmp(sev, looks[i].name) == 0)
			return &looks[i];
	return &looks[2];
}

static int
look_rank(const struct look *l)
{
	return (int)(l - looks);
}

/* The strongest look among alerts, for a digest's colour. */
static const struct look *
look_max(json_t *const *alerts, size_t n)
{
	const struct look *best = &looks[0], *l;
	size_t i;

	for (i = 0; i < n; i++)
		if (look_rank(l = look_of(alerts[i])) > look_rank(best))
			best = l;
	return best;
}

/* A string built with printf, or abort on out of memory (callers have
 * no better answer). */
static char *
fmt(const char *format, ...) __attribute__((format(printf, 1, 2)));

static char *
fmt(const char *format, ...)
{
	va_list ap;
	char *s;

	va_start(ap, format);
	if (vasprintf(&s, format, ap) == -1)
		abort();
	va_end(ap);
	return s;
}

/* sink_text_line, aborting on out of memory. */
static char *
line(const char *s, size_t max)
{
	char *out;

	if ((out = sink_text_line(s, max)) == NULL)
		abort();
	return out;
}

/* Put value under key in obj, taking the reference; strings come from
 * fmt()/line() and are freed here. */
static void
put_str(json_t *obj, const char *key, char *value)
{
	json_object_set_new(obj, key, json_string(value));
	free(value);
}

/* "2026-11-23T06:00:00Z" -> "2026-11-23 06:00:00 UTC". */
/*
 * The feed, and for an update of a story (story.h) how many articles
 * from which feeds reported it: "wire \xc2\xb7 update: 7 articles from
 * wire, daily, ...".  Caller frees.
 */
static char *
feed_of(const json_t *alert)
{
	const json_t *story = json_object_get(alert, "story");
	const json_t *feeds = json_object_get(story, "feeds"), *f;
	char *feed, *list, *out, *more;
	size_t i;

	feed = line(sink_text_get(alert, "feed"), 200);
	if (story == NULL || json_is_true(json_object_get(story, "first")))
		return feed;
	list = fmt("%s", "");
	json_array_foreach(feeds, i, f) {
		if (json_string_value(f) == NULL)
			continue;
		more = fmt("%s%s%s", list, *list != '\0' ? ", " : "",
		    json_string_value(f));
		free(list);
		list = more;
	}
	out = fmt("%s \xc2\xb7 update: %lld article%s from %s", feed,
	    (long long)json_integer_value(json_object_get(story, "articles")),
	    json_integer_value(json_object_get(story, "articles")) == 1 ?
	    "" : "s", list);
	free(feed);
	free(list);
	more = line(out, 400);
	free(out);
	return more;
}

static char *
human_time(const char *rfc3339)
{
	char *s = line(rfc3339, 64), *p;
	size_t len = strlen(s);

	if ((p = strchr(s, 'T')) != NULL)
		*p = ' ';
	if (len > 0 && s[len - 1] == 'Z') {
		s[len - 1] = '\0';
		p = fmt("%s UTC", s);
		free(s);
		s = p;
	}
	return s;
}

/* Seconds since the epoch of an RFC 3339 UTC time; 0 if unreadable. */
static long long
epoch_of(const char *rfc3339)
{
	struct tm tm;
	const char *end;

	memset(&tm, 0, sizeof(tm));
	end = strptime(rfc3339, "%Y-%m-%dT%H:%M:%S", &tm);
	if (end == NULL)
		return 0;
	return (long long)timegm(&tm);
}

/* "iran -> israel" with a real arrow, or "unknown actor". */
static char *
who_of(const json_t *alert, size_t max)
{
	char *who, *out;

	if ((who = sink_text_who(alert, "\xe2\x86\x92")) == NULL)
		abort();
	out = line(*who != '\0' ? who : "unknown actor", max);
	free(who);
	return out;
}

/* The article's link as it may be sent, or NULL (caller frees). */
static char *
link_of(const json_t *alert)
{
	char why[256];

	return webhook_text_link(sink_text_item(alert, "link"), why,
	    sizeof(why));
}

static const char *
title_of(const json_t *alert)
{
	const char *t = sink_text_item(alert, "title");

	return *t != '\0' ? t : "(no title)";
}

/* "🔴 HIGH retaliation: iran → israel"; bold marks "**" or "*" or "". */
static char *
headline(const json_t *alert, const char *bold)
{
	char *sev, *who, *cat, *out;

	if ((sev = sink_text_upper(sink_text_get(alert, "severity"))) == NULL)
		abort();
	who = who_of(alert, 200);
	cat = line(sink_text_get(alert, "category"), 100);
	out = fmt("%s %s%s%s %s: %s", look_of(alert)->emoji, bold, sev, bold,
	    cat, who);
	free(sev);
	free(who);
	free(cat);
	return out;
}

/*
 * Slack, Mattermost, Rocket.Chat: a headline, then one attachment with
 * the severity's colour, the title linked, the sentence as a quote, and
 * short fields.  Attachments, because all three render them.  The two
 * markups differ on bold: Slack's mrkdwn writes *bold* and shows **
 * as typed, Mattermost's markdown reads *x* as italic.  So the headline
 * is given twice: as "text" with **bold** (Mattermost and Rocket.Chat
 * show it) and as a Block Kit section with *bold*, which Slack shows
 * instead of "text" and the others ignore.
 */
static json_t *
slack_field(const char *title, char *value)
{
	json_t *f = json_object();

	json_object_set_new(f, "title", json_string(title));
	put_str(f, "value", webhook_text_slack_plain(value));
	free(value);
	json_object_set_new(f, "short", json_true());
	return f;
}

static json_t *
slack_alert(const json_t *alert)
{
	json_t *body, *att, *fields;
	char *s, *quote, *link, *title;

	body = json_object();
	s = headline(alert, "**");
	put_str(body, "text", webhook_text_slack(s));
	free(s);
	s = headline(alert, "*");
	json_object_set_new(body, "blocks", json_pack("[{s:s,s:{s:s,s:o}}]",
	    "type", "section", "text", "type", "mrkdwn", "text",
	    json_string(quote = webhook_text_slack(s))));
	free(quote);
	att = json_object();
	title = line(title_of(alert), 250);
	quote = fmt("%s: %s", s, title);
	put_str(att, "fallback", webhook_text_slack_plain(quote));
	free(quote);
	free(s);
	json_object_set_new(att, "color", json_string(look_of(alert)->colour));
	put_str(att, "title", webhook_text_slack_plain(title));
	free(title);
	if ((link = link_of(alert)) != NULL)
		put_str(att, "title_link", link);
	s = line(sink_text_sentence(alert), 3000);
	quote = webhook_text_slack(s);
	free(s);
	put_str(att, "text", *quote != '\0' ? fmt("> %s", quote) :
	    fmt("%s", ""));
	free(quote);
	json_object_set_new(att, "mrkdwn_in", json_pack("[s]", "text"));
	fields = json_array();
	json_array_append_new(fields, slack_field("Severity",
	    line(sink_text_get(alert, "severity"), 50)));
	json_array_append_new(fields, slack_field("Category",
	    line(sink_text_get(alert, "category"), 100)));
	json_array_append_new(fields, slack_field("Who", who_of(alert, 500)));
	json_array_append_new(fields, slack_field("Feed",
	    feed_of(alert)));
	json_object_set_new(att, "fields", fields);
	s = human_time(sink_text_get(alert, "time"));
	put_str(att, "footer", fmt("brink \xc2\xb7 %s", s));
	free(s);
	json_object_set_new(att, "ts",
	    json_integer(epoch_of(sink_text_get(alert, "time"))));
	json_object_set_new(body, "attachments", json_pack("[o]", att));
	return body;
}

/*
 * Discord: the headline as "content" (what phones show), one embed with
 * the title linked (256), the sentence (4096), fields (1024 each) and
 * the time.  allowed_mentions is empty: an article that says @everyone
 * must not ping anyone.
 */
static json_t *
discord_field(const char *name, char *value)
{
	json_t *f = json_object();

	json_object_set_new(f, "name", json_string(name));
	if (*value == '\0') {
		free(value);
		value = fmt("-");
	}
	put_str(f, "value", value);
	json_object_set_new(f, "inline", json_true());
	return f;
}

static json_t *
discord_mentions_off(void)
{
	return json_pack("{s:[]}", "parse");
}

static json_t *
discord_alert(const json_t *alert)
{
	json_t *body, *embed, *fields;
	char *s, *e, *link;

	body = json_object();
	put_str(body, "content", headline(alert, "**"));
	json_object_set_new(body, "allowed_mentions", discord_mentions_off());
	embed = json_object();
	s = webhook_text_unlinked(title_of(alert));
	put_str(embed, "title", line(s, 256));
	free(s);
	if ((link = link_of(alert)) != NULL)
		put_str(embed, "url", link);
	/* Escaping may double it: 1500 bytes stay within the 4096 of a
	 * description and the 6000 of a whole embed. */
	s = line(sink_text_sentence(alert), 1500);
	e = webhook_text_discord(s);
	free(s);
	put_str(embed, "description", *e != '\0' ? fmt("> %s", e) :
	    fmt("%s", ""));
	free(e);
	json_object_set_new(embed, "color",
	    json_integer(strtol(look_of(alert)->colour + 1, NULL, 16)));
	fields = json_array();
	json_array_append_new(fields, discord_field("Severity",
	    line(sink_text_get(alert, "severity"), 50)));
	json_array_append_new(fields, discord_field("Category",
	    line(sink_text_get(alert, "category"), 100)));
	json_array_append_new(fields, discord_field("Who",
	    who_of(alert, 500)));
	json_array_append_new(fields, discord_field("Feed",
	    feed_of(alert)));
	json_object_set_new(embed, "fields", fields);
	put_str(embed, "timestamp", line(sink_text_get(alert, "time"), 64));
	s = fmt("brink \xc2\xb7 alert %s", sink_text_get(alert, "id"));
	json_object_set_new(embed, "footer", json_pack("{s:s}", "text", s));
	free(s);
	json_object_set_new(body, "embeds", json_pack("[o]", embed));
	return body;
}

/*
 * Microsoft Teams Workflows: a "message" whose one attachment is an
 * Adaptive Card (1.4, which Teams renders on every client).
 */
static json_t *
teams_text(char *text, const char *size, const char *weight,
    const char *colour)
{
	json_t *t = json_object();

	json_object_set_new(t, "type", json_string("TextBlock"));
	put_str(t, "text", text);
	json_object_set_new(t, "wrap", json_true());
	if (size != NULL)
		json_object_set_new(t, "size", json_string(size));
	if (weight != NULL)
		json_object_set_new(t, "weight", json_string(weight));
	if (colour != NULL)
		json_object_set_new(t, "color", json_string(colour));
	return t;
}

static json_t *
teams_fact(const char *title, char *value)
{
	json_t *f = json_object();

	json_object_set_new(f, "title", json_string(title));
	put_str(f, "value", value);
	return f;
}

/* A markdown link "[title](url)", or the bare title without a link. */
static char *
md_link(const json_t *alert, size_t max)
{
	char *text, *link, *url, *out;

	text = webhook_text_md_link_text(title_of(alert), max);
	if ((link = link_of(alert)) == NULL)
		return text;
	url = webhook_text_md_url(link);
	out = fmt("[%s](%s)", text, url);
	free(text);
	free(link);
	free(url);
	return out;
}

static json_t *
teams_message(json_t *card_body, const char *link)
{
	json_t *card, *actions;

	card = json_object();
	json_object_set_new(card, "$schema",
	    json_string("http://adaptivecards.io/schemas/adaptive-card.json"));
	json_object_set_new(card, "type", json_string("AdaptiveCard"));
	json_object_set_new(card, "version", json_string("1.4"));
	json_object_set_new(card, "body", card_body);
	if (link != NULL && *link != '\0') {
		actions = json_pack("[{s:s,s:s,s:s}]", "type",
		    "Action.OpenUrl", "title", "Read the article", "url", link);
		json_object_set_new(card, "actions", actions);
	}
	return json_pack("{s:s,s:[{s:s,s:n,s:o}]}", "type", "message",
	    "attachments", "contentType",
	    "application/vnd.microsoft.card.adaptive", "contentUrl",
	    "content", card);
}

static json_t *
teams_alert(const json_t *alert)
{
	json_t *body, *facts;
	char *sev, *s, *link;

	body = json_array();
	if ((sev = sink_text_upper(sink_text_get(alert, "severity"))) == NULL)
		abort();
	s = line(sink_text_get(alert, "category"), 100);
	json_array_append_new(body, teams_text(fmt("%s %s \xc2\xb7 %s",
	    look_of(alert)->emoji, sev, s), NULL, "Bolder",
	    look_of(alert)->teams));
	free(sev);
	free(s);
	s = who_of(alert, 500);
	json_array_append_new(body, teams_text(webhook_text_unlinked(s), "Large",
	    "Bolder", NULL));
	free(s);
	json_array_append_new(body, teams_text(md_link(alert, 500), "Medium",
	    NULL, NULL));
	s = line(sink_text_sentence(alert), 3000);
	if (*s != '\0') {
		char *guarded = webhook_text_unlinked(s);

		json_array_append_new(body, teams_text(
		    fmt("\xe2\x80\x9c%s\xe2\x80\x9d", guarded), NULL, NULL,
		    NULL));
		free(guarded);
	}
	free(s);
	facts = json_array();
	json_array_append_new(facts, teams_fact("Feed",
	    feed_of(alert)));
	json_array_append_new(facts, teams_fact("Time",
	    human_time(sink_text_get(alert, "time"))));
	json_array_append_new(facts, teams_fact("Rule",
	    line(sink_text_get(alert, "rule"), 200)));
	json_array_append_new(body, json_pack("{s:s,s:o}", "type", "FactSet",
	    "facts", facts));
	link = link_of(alert);
	body = teams_message(body, link);
	free(link);
	return body;
}

/*
 * ntfy: JSON publishing; the title carries who threatened whom, the
 * message the article title, the sentence, feed and time; a tap opens
 * the article.  ntfy's message limit is 4096 bytes.
 */
static json_t *
ntfy_alert(const json_t *alert, const char *topic)
{
	json_t *body;
	char *sev, *who, *cat, *title, *sentence, *feed, *when, *link;

	body = json_object();
	json_object_set_new(body, "topic", json_string(topic));
	if ((sev = sink_text_upper(sink_text_get(alert, "severity"))) == NULL)
		abort();
	who = who_of(alert, 200);
	cat = line(sink_text_get(alert, "category"), 100);
	put_str(body, "title", fmt("%s %s: %s", sev, cat, who));
	title = line(title_of(alert), 500);
	sentence = line(sink_text_sentence(alert), 2500);
	feed = feed_of(alert);
	when = human_time(sink_text_get(alert, "time"));
	put_str(body, "message", fmt("%s\n%s%s%s%sfeed %s \xc2\xb7 %s", title,
	    *sentence != '\0' ? "\xe2\x80\x9c" : "", sentence,
	    *sentence != '\0' ? "\xe2\x80\x9d" : "",
	    *sentence != '\0' ? "\n" : "", feed, when));
	json_object_set_new(body, "priority",
	    json_integer(look_of(alert)->ntfy_priority));
	json_object_set_new(body, "tags", json_pack("[s,s]",
	    look_of(alert)->ntfy_tag, cat));
	if ((link = link_of(alert)) != NULL) {
		json_object_set_new(body, "click", json_string(link));
		json_object_set_new(body, "actions", json_pack(
		    "[{s:s,s:s,s:s}]", "action", "view", "label",
		    "Open article", "url", link));
	}
	free(sev);
	free(who);
	free(cat);
	free(title);
	free(sentence);
	free(feed);
	free(when);
	free(link);
	return body;
}

/* The alert record with its link as it may be sent, or null. */
static json_t *
generic_alert(const json_t *alert)
{
	json_t *copy = json_deep_copy(alert), *item;
	char *link;

	if (copy == NULL || !json_is_object(item = json_object_get(copy,
	    "item")))
		return copy;
	link = link_of(alert);
	json_object_set_new(item, "link", link != NULL ? json_string(link) :
	    json_null());
	free(link);
	return copy;
}

static char *
dump(json_t *body, char *err, size_t errlen)
{
	char *s;

	if (body == NULL) {
		snprintf(err, errlen, "cannot build the message");
		return NULL;
	}
	s = json_dumps(body, JSON_COMPACT);
	json_decref(body);
	if (s == NULL)
		snprintf(err, errlen, "cannot serialise the message");
	return s;
}

char *
webhook_format_alert(enum sink_format format, const json_t *alert,
    const char *topic, char *err, size_t errlen)
{
	if (!json_is_object(alert)) {
		snprintf(err, errlen, "the alert record is not a JSON object");
		return NULL;
	}
	switch (format) {
	case FORMAT_SLACK:
		return dump(slack_alert(alert), err, errlen);
	case FORMAT_DISCORD:
		return dump(discord_alert(alert), err, errlen);
	case FORMAT_TEAMS:
		return dump(teams_alert(alert), err, errlen);
	case FORMAT_NTFY:
		return dump(ntfy_alert(alert, topic != NULL ? topic : ""),
		    err, errlen);
	case FORMAT_GENERIC:
		return dump(generic_alert(alert), err, errlen);
	default:
		snprintf(err, errlen, "format %d is not a webhook format",
		    (int)format);
		return NULL;
	}
}

/* "12 alerts held by flood control on sink chat". */
static char *
digest_headline(size_t n, const char *sink)
{
	return fmt("%zu alert%s held by flood control on sink %s", n,
	    n == 1 ? "" : "s", sink);
}

/* How digest_list writes each alert's title and link. */
enum digest_style {
	DIGEST_PLAIN,		/* "title https://..." (ntfy) */
	DIGEST_MARKDOWN,	/* "[title](https://...)" (Discord, Teams) */
	DIGEST_SLACK		/* "<https://...|title>", escaped mrkdwn */
};

/* One line per alert: a bullet, the severity, the title and its link. */
static char *
digest_list(json_t *const *alerts, size_t n, enum digest_style style)
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
		link = link_of(alerts[i]);
		if (style == DIGEST_MARKDOWN) {
			s = md_link(alerts[i], 200);
			fprintf(f, "%s- %s %s", i > 0 ? "\n" : "", sev, s);
		} else if (style == DIGEST_SLACK) {
			t = line(title_of(alerts[i]), 200);
			s = webhook_text_slack(t);
			free(t);
			fprintf(f, "%s\xe2\x80\xa2 %s %s%s%s%s",
			    i > 0 ? "\n" : "", sev, link != NULL ? "<" : "",
			    link != NULL ? link : "", link != NULL ? "|" : "", s);
			if (link != NULL)
				fputc('>', f);
		} else {
			s = line(title_of(alerts[i]), 200);
			fprintf(f, "%s\xe2\x80\xa2 %s %s%s%s", i > 0 ? "\n" : "",
			    sev, s, link != NULL ? " " : "",
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

char *
webhook_format_digest(enum sink_format format, json_t *const *alerts,
    size_t n, const char *sink, const char *topic, char *err,
    size_t errlen)
{
	const struct look *l = look_max(alerts, n);
	json_t *body, *list;
	char *head, *s;
	size_t i;

	head = digest_headline(n, sink);
	switch (format) {
	case FORMAT_SLACK:
		s = digest_list(alerts, n, DIGEST_SLACK);
		body = json_pack("{s:s,s:[{s:s,s:s,s:s}]}", "text", head,
		    "attachments", "fallback", head, "color", l->colour,
		    "text", s);
		free(s);
		break;
	case FORMAT_DISCORD:
		s = digest_list(alerts, n, DIGEST_MARKDOWN);
		body = json_pack("{s:s,s:o,s:[{s:s,s:s,s:I}]}", "content",
		    head, "allowed_mentions", discord_mentions_off(),
		    "embeds", "title", head, "description", s, "color",
		    (json_int_t)strtol(l->colour + 1, NULL, 16));
		free(s);
		break;
	case FORMAT_TEAMS:
		list = json_array();
		json_array_append_new(list, teams_text(fmt("%s", head),
		    "Medium", "Bolder", l->teams));
		json_array_append_new(list, teams_text(digest_list(alerts, n,
		    DIGEST_MARKDOWN), NULL, NULL, NULL));
		body = teams_message(list, NULL);
		break;
	case FORMAT_NTFY:
		s = digest_list(alerts, n, DIGEST_PLAIN);
		body = json_pack("{s:s,s:s,s:s,s:i,s:[s]}", "topic",
		    topic != NULL ? topic : "", "title", head, "message", s,
		    "priority", l->ntfy_priority, "tags", l->ntfy_tag);
		free(s);
		break;
	case FORMAT_GENERIC:
		list = json_array();
		for (i = 0; i < n; i++)
			json_array_append(list, alerts[i]);
		body = json_pack("{s:s,s:s,s:I,s:o}", "type", "digest",
		    "sink", sink, "held", (json_int_t)n, "alerts", list);
		break;
	default:
		snprintf(err, errlen, "format %d is not a webhook format",
		    (int)format);
		free(head);
		return NULL;
	}
	free(head);
	return dump(body, err, errlen);
}
