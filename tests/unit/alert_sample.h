/*
 * alert_sample.h: alert records for the sink tests, in the shape of
 * DESIGN.md's "The alert", built with jansson as alert.c would.
 */
#ifndef BRINK_ALERT_SAMPLE_H
#define BRINK_ALERT_SAMPLE_H

#include <jansson.h>

#define SAMPLE_TITLE	"Northland vows response after strike on its port"
#define SAMPLE_LINK	"https://news.example/world/northland-port?id=7&src=rss"
#define SAMPLE_SENTENCE	"Northland's defence minister vowed to respond " \
	"at the right time to the strike on the port."

/* A new record (caller json_decref()s); title may be NULL for the
 * sample title. */
static inline json_t *
sample_alert(const char *id, const char *severity, const char *title)
{
	return json_pack("{s:s,s:s,s:s,s:s,s:s,s:s,"
	    "s:{s:s,s:s,s:s,s:s},s:[s],s:[s],"
	    "s:[{s:s,s:s,s:s,s:s,s:[s],s:[s],s:[s]}]}",
	    "id", id, "time", "2026-11-23T06:00:00Z",
	    "severity", severity, "category", "retaliation",
	    "rule", "retaliation-vow", "feed", "world-desk",
	    "item", "id", "item-7", "title", title != NULL ? title :
	    SAMPLE_TITLE, "link", SAMPLE_LINK,
	    "published", "2026-11-23T05:58:00Z",
	    "actors", "northland", "targets", "southland",
	    "hits", "rule", "retaliation-vow", "category", "retaliation",
	    "severity", severity, "sentence", SAMPLE_SENTENCE,
	    "terms", "respond at the right time", "actors", "northland",
	    "targets", "southland");
}

#endif
