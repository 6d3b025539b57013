/*
 * webhook_format.c: chat messages for alerts; see webhook_format.h.
 *
 * Every message says, at a glance: how bad (colour and emoji), what kind
 * (category), who threatened whom, the article's title as a link, the
 * quoted sentence, the feed and the time.  Each service's shape is built
 * in its own file (webhook_slack.c, webhook_mattermost.c,
 * webhook_discord.c, webhook_teams.c, webhook_ntfy.c) from the parts in
 * webhook_parts.c; this file picks one and writes the JSON.  A link that
 * is not a well-formed http(s) URL is left out and the alert sent
 * without it: a service that refuses the message for its link would
 * otherwise lose the alert.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>

#include <jansson.h>

#include "alert.h"
#include "config.h"
#include "webhook_format.h"
#include "webhook_impl.h"

/* The alert record with its link as it may be sent, or null. */
static json_t *
generic_alert(const json_t *alert)
{
	json_t *copy = json_deep_copy(alert), *item;
	char *link;

	if (copy == NULL || !json_is_object(item = json_object_get(copy,
	    "item")))
		return copy;
	link = webhook_link_of(alert);
	json_object_set_new(item, "link", link != NULL ? json_string(link) :
	    json_null());
	free(link);
	return copy;
}

static json_t *
generic_digest(json_t *const *alerts, size_t n, const char *sink)
{
	json_t *list = json_array();
	size_t i;

	for (i = 0; i < n; i++)
		json_array_append(list, alerts[i]);
	return json_pack("{s:s,s:s,s:I,s:o}", "type", "digest", "sink", sink,
	    "held", (json_int_t)n, "alerts", list);
}

static char *
dump(json_t *body, char *err, size_t errlen)
{
	char *s;

	if (body == NULL) {
		snprintf(err, errlen, "cannot build the message");
		return NULL;
	}
	s = json_dumps(body, ALERT_JSON_FLAGS);
	json_decref(body);
	if (s == NULL)
		snprintf(err, errlen, "cannot serialise the message");
	return s;
}

static char *
not_webhook(enum sink_format format, char *err, size_t errlen)
{
	snprintf(err, errlen, "format %d is not a webhook format",
	    (int)format);
	return NULL;
}

char *
webhook_format_alert(enum sink_format format, const json_t *alert,
    const char *topic, const json_t *names, char *err, size_t errlen)
{
	if (!json_is_object(alert)) {
		snprintf(err, errlen, "the alert record is not a JSON object");
		return NULL;
	}
	switch (format) {
	case FORMAT_SLACK:
		return dump(webhook_slack_alert(alert, names), err, errlen);
	case FORMAT_MATTERMOST:
		return dump(webhook_mattermost_alert(alert, names), err,
		    errlen);
	case FORMAT_DISCORD:
		return dump(webhook_discord_alert(alert, names), err, errlen);
	case FORMAT_TEAMS:
		return dump(webhook_teams_alert(alert, names), err, errlen);
	case FORMAT_NTFY:
		return dump(webhook_ntfy_alert(alert, names, topic != NULL ?
		    topic : ""), err, errlen);
	case FORMAT_GENERIC:
		return dump(generic_alert(alert), err, errlen);
	default:
		return not_webhook(format, err, errlen);
	}
}

char *
webhook_format_digest(enum sink_format format, json_t *const *alerts,
    size_t n, const char *sink, const char *topic, char *err,
    size_t errlen)
{
	switch (format) {
	case FORMAT_SLACK:
		return dump(webhook_slack_digest(alerts, n, sink), err,
		    errlen);
	case FORMAT_MATTERMOST:
		return dump(webhook_mattermost_digest(alerts, n, sink), err,
		    errlen);
	case FORMAT_DISCORD:
		return dump(webhook_discord_digest(alerts, n, sink), err,
		    errlen);
	case FORMAT_TEAMS:
		return dump(webhook_teams_digest(alerts, n, sink), err,
		    errlen);
	case FORMAT_NTFY:
		return dump(webhook_ntfy_digest(alerts, n, sink, topic), err,
		    errlen);
	case FORMAT_GENERIC:
		return dump(generic_digest(alerts, n, sink), err, errlen);
	default:
		return not_webhook(format, err, errlen);
	}
}
