/*
 * webhook_format.h: the body of a chat message for an alert, in each
 * service's documented incoming-webhook shape.  Pure: no I/O, no logging.
 *
 *   generic  the alert record itself
 *   slack    Block Kit: the headline, the title linked and the quoted
 *            sentence as blocks; fields and context in one attachment
 *            for the severity's colour
 *   mattermost  "text" and one legacy attachment (colour, title +
 *            title_link, quoted sentence, fields): what Mattermost and
 *            Rocket.Chat render
 *   discord  "content" and one embed; mentions disabled
 *   teams    a Workflows ("when a Teams webhook request is received")
 *            message carrying one Adaptive Card 1.4
 *   ntfy     ntfy's JSON publishing shape, posted to the server root
 *            with the topic in the body
 */
#ifndef BRINK_WEBHOOK_FORMAT_H
#define BRINK_WEBHOOK_FORMAT_H

#include <stddef.h>

#include <jansson.h>

#include "config.h"

/*
 * The body for one alert.  topic is ntfy's topic (ignored otherwise);
 * names maps actor names to the display names messages show (NULL:
 * none).
 * Returns a new string (caller frees), or NULL with err filled when the
 * record cannot be formatted.
 */
char	*webhook_format_alert(enum sink_format format, const json_t *alert,
	    const char *topic, const json_t *names, char *err, size_t errlen);

/*
 * One message for the n alerts that flood control held back: how many,
 * and their titles as links.  sink names the sink in the message.
 */
char	*webhook_format_digest(enum sink_format format,
	    json_t *const *alerts, size_t n, const char *sink,
	    const char *topic, char *err, size_t errlen);

#endif
