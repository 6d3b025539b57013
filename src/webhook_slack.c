/*
 * webhook_slack.c: Slack's incoming webhook body in Block Kit; see
 * webhook_impl.h.
 *
 * The message itself is top-level blocks, which Slack never folds away:
 * the headline (severity emoji and *bold*, category, who threatened
 * whom by display name), the article's title as a link with the quoted
 * sentence under it.  The details (severity, category, who, feed as
 * fields, then the time and rule as context) go into one attachment,
 * for its colour: Block Kit has no colour of its own, and a bar in the
 * severity's colour is what lets a crisis desk scan a busy channel for
 * red.  An attachment holding blocks is the bridge Slack documents for
 * that.  "text" is what notifications and screen readers show.
 *
 * Article text goes through webhook_text_slack (mrkdwn: entities, and a
 * word joiner after "@") so that it cannot ping or link.  Block Kit's
 * limits: 3000 characters a section, 2000 a field, 10 fields.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "sink_text.h"
#include "webhook_impl.h"
#include "webhook_text.h"

/* A mrkdwn text object; text is escaped here and freed. */
static json_t *
mrkdwn(char *text)
{
	json_t *t = json_pack("{s:s,s:s}", "type", "mrkdwn", "text", text);

	free(text);
	return t;
}

static json_t *
section(char *text)
{
	return json_pack("{s:s,s:o}", "type", "section", "text",
	    mrkdwn(text));
}

/* "*Who*\nIran → Israel", with value escaped (and freed). */
static json_t *
field(const char *title, char *value)
{
	char *escaped = webhook_text_slack(value);
	json_t *f;

	f = mrkdwn(webhook_fmt("*%s*\n%s", title, *escaped != '\0' ?
	    escaped : "-"));
	free(escaped);
	free(value);
	return f;
}

/* "*<https://...|Title>*" and the sentence quoted under it. */
static char *
title_and_quote(const json_t *alert)
{
	char *title, *t, *link, *sentence, *s, *out;

	t = webhook_line(webhook_title_of(alert), 250);
	title = webhook_text_slack(t);
	free(t);
	s = webhook_line(sink_text_sentence(alert), 2500);
	sentence = webhook_text_slack(s);
	free(s);
	link = webhook_link_of(alert);
	out = webhook_fmt("*%s%s%s%s%s*%s%s", link != NULL ? "<" : "",
	    link != NULL ? link : "", link != NULL ? "|" : "", title,
	    link != NULL ? ">" : "", *sentence != '\0' ? "\n> " : "",
	    sentence);
	free(title);
	free(sentence);
	free(link);
	return out;
}

json_t *
webhook_slack_alert(const json_t *alert, const json_t *names)
{
	json_t *body, *blocks, *details, *fields;
	char *s, *e, *when, *rule;

	body = json_object();
	s = webhook_headline(alert, names, "");
	e = webhook_fmt("%s: %s", s, webhook_title_of(alert));
	free(s);
	s = webhook_line(e, 400);
	free(e);
	webhook_put_str(body, "text", webhook_text_slack_plain(s));
	free(s);

	blocks = json_array();
	s = webhook_headline(alert, names, "*");
	json_array_append_new(blocks, section(webhook_text_slack(s)));
	free(s);
	json_array_append_new(blocks, section(title_and_quote(alert)));
	json_object_set_new(body, "blocks", blocks);

	fields = webhook_fields(alert, names, field);
	details = json_array();
	json_array_append_new(details, json_pack("{s:s,s:o}", "type",
	    "section", "fields", fields));
	when = webhook_human_time(sink_text_get(alert, "time"));
	rule = webhook_line(sink_text_get(alert, "rule"), 200);
	s = webhook_fmt("brink \xc2\xb7 %s \xc2\xb7 rule %s", when, rule);
	json_array_append_new(details, json_pack("{s:s,s:[o]}", "type",
	    "context", "elements", mrkdwn(webhook_text_slack(s))));
	free(s);
	free(when);
	free(rule);
	json_object_set_new(body, "attachments", json_pack("[{s:s,s:o}]",
	    "color", webhook_look_of(alert)->colour, "blocks", details));
	return body;
}

json_t *
webhook_slack_digest(json_t *const *alerts, size_t n, const char *sink)
{
	const struct webhook_look *l = webhook_look_max(alerts, n);
	json_t *body;
	char *head, *list;

	head = webhook_digest_headline(n, sink);
	list = webhook_digest_list(alerts, n, DIGEST_SLACK);
	/* A section holds 3000 characters; long links may pass that. */
	list[sink_text_cut(list, 2900)] = '\0';
	body = json_pack("{s:s,s:[o],s:[{s:s,s:[o]}]}", "text", head,
	    "blocks", section(webhook_fmt("%s *%s*", l->emoji, head)),
	    "attachments", "color", l->colour, "blocks",
	    section(webhook_fmt("%s", list)));
	free(head);
	free(list);
	return body;
}
