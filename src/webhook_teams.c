/*
 * webhook_teams.c: Microsoft Teams (a Workflows message carrying an
 * Adaptive Card); see webhook_impl.h.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "sink_text.h"
#include "webhook_impl.h"
#include "webhook_text.h"

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
	webhook_put_str(t, "text", text);
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
	webhook_put_str(f, "value", value);
	return f;
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

json_t *
webhook_teams_alert(const json_t *alert, const json_t *names)
{
	json_t *body, *facts;
	char *sev, *s, *link;

	body = json_array();
	if ((sev = sink_text_upper(sink_text_get(alert, "severity"))) == NULL)
		abort();
	s = webhook_line(sink_text_get(alert, "category"), 100);
	json_array_append_new(body, teams_text(webhook_fmt("%s %s \xc2\xb7 %s",
	    webhook_look_of(alert)->emoji, sev, s), NULL, "Bolder",
	    webhook_look_of(alert)->teams));
	free(sev);
	free(s);
	s = webhook_who_of(alert, names, 500);
	json_array_append_new(body, teams_text(webhook_text_unlinked(s), "Large",
	    "Bolder", NULL));
	free(s);
	json_array_append_new(body, teams_text(webhook_md_link(alert, 500), "Medium",
	    NULL, NULL));
	s = webhook_line(sink_text_sentence(alert), 3000);
	if (*s != '\0') {
		char *guarded = webhook_text_unlinked(s);

		json_array_append_new(body, teams_text(
		    webhook_fmt("\xe2\x80\x9c%s\xe2\x80\x9d", guarded), NULL, NULL,
		    NULL));
		free(guarded);
	}
	free(s);
	facts = json_array();
	json_array_append_new(facts, teams_fact("Feed",
	    webhook_feed_of(alert)));
	json_array_append_new(facts, teams_fact("Time",
	    webhook_human_time(sink_text_get(alert, "time"))));
	json_array_append_new(facts, teams_fact("Rule",
	    webhook_line(sink_text_get(alert, "rule"), 200)));
	json_array_append_new(body, json_pack("{s:s,s:o}", "type", "FactSet",
	    "facts", facts));
	link = webhook_link_of(alert);
	body = teams_message(body, link);
	free(link);
	return body;
}

json_t *
webhook_teams_digest(json_t *const *alerts, size_t n, const char *sink)
{
	const struct webhook_look *l = webhook_look_max(alerts, n);
	json_t *list;

	list = json_array();
	json_array_append_new(list, teams_text(webhook_digest_headline(n,
	    sink), "Medium", "Bolder", l->teams));
	json_array_append_new(list, teams_text(webhook_digest_list(alerts, n,
	    DIGEST_MARKDOWN), NULL, NULL, NULL));
	return teams_message(list, NULL);
}
