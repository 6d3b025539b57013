/*
 * webhook_discord.c: Discord's incoming webhook body; see
 * webhook_impl.h.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "sink_text.h"
#include "webhook_impl.h"
#include "webhook_text.h"

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
		value = webhook_fmt("-");
	}
	webhook_put_str(f, "value", value);
	json_object_set_new(f, "inline", json_true());
	return f;
}

static json_t *
discord_mentions_off(void)
{
	return json_pack("{s:[]}", "parse");
}

json_t *
webhook_discord_alert(const json_t *alert, const json_t *names)
{
	json_t *body, *embed;
	char *s, *e, *link;

	body = json_object();
	webhook_put_str(body, "content", webhook_headline(alert, names, "**"));
	json_object_set_new(body, "allowed_mentions", discord_mentions_off());
	embed = json_object();
	s = webhook_text_unlinked(webhook_title_of(alert));
	webhook_put_str(embed, "title", webhook_line(s, 256));
	free(s);
	if ((link = webhook_link_of(alert)) != NULL)
		webhook_put_str(embed, "url", link);
	/* Escaping may double it: 1500 bytes stay within the 4096 of a
	 * description and the 6000 of a whole embed. */
	s = webhook_line(sink_text_sentence(alert), 1500);
	e = webhook_text_discord(s);
	free(s);
	webhook_put_str(embed, "description", *e != '\0' ? webhook_fmt("> %s", e) :
	    webhook_fmt("%s", ""));
	free(e);
	json_object_set_new(embed, "color",
	    json_integer(strtol(webhook_look_of(alert)->colour + 1, NULL, 16)));
	json_object_set_new(embed, "fields", webhook_fields(alert, names,
	    discord_field));
	webhook_put_str(embed, "timestamp",
	    webhook_line(sink_text_get(alert, "time"), 64));
	s = webhook_fmt("brink \xc2\xb7 alert %s", sink_text_get(alert, "id"));
	json_object_set_new(embed, "footer", json_pack("{s:s}", "text", s));
	free(s);
	json_object_set_new(body, "embeds", json_pack("[o]", embed));
	return body;
}

json_t *
webhook_discord_digest(json_t *const *alerts, size_t n, const char *sink)
{
	const struct webhook_look *l = webhook_look_max(alerts, n);
	char *head, *s;
	json_t *body;

	head = webhook_digest_headline(n, sink);
	s = webhook_digest_list(alerts, n, DIGEST_MARKDOWN);
	body = json_pack("{s:s,s:o,s:[{s:s,s:s,s:I}]}", "content", head,
	    "allowed_mentions", discord_mentions_off(), "embeds", "title",
	    head, "description", s, "color",
	    (json_int_t)strtol(l->colour + 1, NULL, 16));
	free(s);
	free(head);
	return body;
}
