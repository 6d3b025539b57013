/*
 * webhook_ntfy.c: ntfy's JSON publishing body; see webhook_impl.h.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "sink_text.h"
#include "webhook_impl.h"
#include "webhook_text.h"

/*
 * ntfy: JSON publishing; the title carries who threatened whom, the
 * message the article title, the sentence, feed and time; a tap opens
 * the article.  ntfy's message limit is 4096 bytes.
 */
json_t *
webhook_ntfy_alert(const json_t *alert, const json_t *names,
    const char *topic)
{
	json_t *body;
	char *sev, *who, *cat, *title, *sentence, *feed, *when, *link;

	body = json_object();
	json_object_set_new(body, "topic", json_string(topic));
	if ((sev = sink_text_upper(sink_text_get(alert, "severity"))) == NULL)
		abort();
	who = webhook_who_of(alert, names, 200);
	cat = webhook_line(sink_text_get(alert, "category"), 100);
	webhook_put_str(body, "title", webhook_fmt("%s %s: %s", sev, cat, who));
	title = webhook_line(webhook_title_of(alert), 500);
	sentence = webhook_line(sink_text_sentence(alert), 2500);
	feed = webhook_feed_of(alert);
	when = webhook_human_time(sink_text_get(alert, "time"));
	webhook_put_str(body, "message", webhook_fmt("%s\n%s%s%s%sfeed %s \xc2\xb7 %s", title,
	    *sentence != '\0' ? "\xe2\x80\x9c" : "", sentence,
	    *sentence != '\0' ? "\xe2\x80\x9d" : "",
	    *sentence != '\0' ? "\n" : "", feed, when));
	json_object_set_new(body, "priority",
	    json_integer(webhook_look_of(alert)->ntfy_priority));
	json_object_set_new(body, "tags", json_pack("[s,s]",
	    webhook_look_of(alert)->ntfy_tag, cat));
	if ((link = webhook_link_of(alert)) != NULL) {
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

json_t *
webhook_ntfy_digest(json_t *const *alerts, size_t n, const char *sink,
    const char *topic)
{
	const struct webhook_look *l = webhook_look_max(alerts, n);
	char *head, *s;
	json_t *body;

	head = webhook_digest_headline(n, sink);
	s = webhook_digest_list(alerts, n, DIGEST_PLAIN);
	body = json_pack("{s:s,s:s,s:s,s:i,s:[s]}", "topic",
	    topic != NULL ? topic : "", "title", head, "message", s,
	    "priority", l->ntfy_priority, "tags", l->ntfy_tag);
	free(s);
	free(head);
	return body;
}
