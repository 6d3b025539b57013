/*
 * webhook_mattermost.c: Mattermost's and Rocket.Chat's incoming
 * webhook body, the Slack shape they render: "text" with the headline
 * in **bold** (their markdown; *x* would be italic), then one legacy
 * attachment with the severity's colour, the title linked, the sentence
 * as a quote and short fields.  Neither renders Block Kit, which the
 * slack format now posts.  See webhook_impl.h.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "sink_text.h"
#include "webhook_impl.h"
#include "webhook_text.h"

static json_t *
field(const char *title, char *value)
{
	json_t *f = json_object();

	json_object_set_new(f, "title", json_string(title));
	webhook_put_str(f, "value", webhook_text_slack_plain(value));
	free(value);
	json_object_set_new(f, "short", json_true());
	return f;
}

json_t *
webhook_mattermost_alert(const json_t *alert, const json_t *names)
{
	json_t *body, *att;
	char *s, *quote, *link, *title;

	body = json_object();
	s = webhook_headline(alert, names, "**");
	webhook_put_str(body, "text", webhook_text_slack(s));
	att = json_object();
	title = webhook_line(webhook_title_of(alert), 250);
	quote = webhook_fmt("%s: %s", s, title);
	webhook_put_str(att, "fallback", webhook_text_slack_plain(quote));
	free(quote);
	free(s);
	json_object_set_new(att, "color",
	    json_string(webhook_look_of(alert)->colour));
	webhook_put_str(att, "title", webhook_text_slack_plain(title));
	free(title);
	if ((link = webhook_link_of(alert)) != NULL)
		webhook_put_str(att, "title_link", link);
	s = webhook_line(sink_text_sentence(alert), 3000);
	quote = webhook_text_slack(s);
	free(s);
	webhook_put_str(att, "text", *quote != '\0' ?
	    webhook_fmt("> %s", quote) : webhook_fmt("%s", ""));
	free(quote);
	json_object_set_new(att, "mrkdwn_in", json_pack("[s]", "text"));
	json_object_set_new(att, "fields", webhook_fields(alert, names,
	    field));
	s = webhook_human_time(sink_text_get(alert, "time"));
	webhook_put_str(att, "footer", webhook_fmt("brink \xc2\xb7 %s", s));
	free(s);
	json_object_set_new(att, "ts",
	    json_integer(webhook_epoch_of(sink_text_get(alert, "time"))));
	json_object_set_new(body, "attachments", json_pack("[o]", att));
	return body;
}

json_t *
webhook_mattermost_digest(json_t *const *alerts, size_t n, const char *sink)
{
	const struct webhook_look *l = webhook_look_max(alerts, n);
	char *head, *s;
	json_t *body;

	head = webhook_digest_headline(n, sink);
	s = webhook_digest_list(alerts, n, DIGEST_SLACK);
	body = json_pack("{s:s,s:[{s:s,s:s,s:s}]}", "text", head,
	    "attachments", "fallback", head, "color", l->colour, "text", s);
	free(s);
	free(head);
	return body;
}
