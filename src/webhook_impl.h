/*
 * webhook_impl.h: what the chat formats share, for webhook_format.c and
 * the files of each format (webhook_slack.c, webhook_mattermost.c,
 * webhook_discord.c, webhook_teams.c, webhook_ntfy.c), and nobody else.
 * The parts (webhook_parts.c) build the pieces every message has; each
 * format file builds its service's JSON from them; webhook_format.c
 * picks the format.  Calls go one way: format -> service -> parts.
 *
 * Strings returned are new (caller frees) and the functions abort when
 * out of memory: a chat message has no better answer.  names maps an
 * actor's name to its display name (NULL: none).
 */
#ifndef BRINK_WEBHOOK_IMPL_H
#define BRINK_WEBHOOK_IMPL_H

#include <stddef.h>

#include <jansson.h>

/* How a severity looks in each service. */
struct webhook_look {
	const char	*name;
	const char	*emoji;
	const char	*colour;	/* "#rrggbb" */
	const char	*teams;		/* Adaptive Card text colour */
	int		 ntfy_priority;	/* 1 min .. 5 max */
	const char	*ntfy_tag;	/* an emoji short code */
};

/* How digest_list writes each alert's title and link. */
enum webhook_digest_style {
	DIGEST_PLAIN,		/* "title https://..." (ntfy) */
	DIGEST_MARKDOWN,	/* "[title](https://...)" (Discord, Teams) */
	DIGEST_SLACK		/* "<https://...|title>", escaped mrkdwn */
};

/* webhook_parts.c */
const struct webhook_look *webhook_look_of(const json_t *alert);
/* The strongest look among alerts, for a digest's colour. */
const struct webhook_look *webhook_look_max(json_t *const *alerts,
	    size_t n);
char	*webhook_fmt(const char *format, ...)
	    __attribute__((format(printf, 1, 2)));
/* sink_text_line: one line, at most max bytes. */
char	*webhook_line(const char *s, size_t max);
/* Put value under key in obj, and free value. */
void	 webhook_put_str(json_t *obj, const char *key, char *value);
/* The feed, and for a story's update how many articles from where. */
char	*webhook_feed_of(const json_t *alert);
/* "2026-11-23 06:00:00 UTC"; seconds since the epoch (0: unreadable). */
char	*webhook_human_time(const char *rfc3339);
long long webhook_epoch_of(const char *rfc3339);
/* "Iran → Israel" by display names, or "unknown actor". */
char	*webhook_who_of(const json_t *alert, const json_t *names,
	    size_t max);
/* The card fields every chat shows beside the quote -- Severity,
 * Category, Who, Feed -- as an array of what make(title, value) builds
 * of each; make takes value over. */
json_t	*webhook_fields(const json_t *alert, const json_t *names,
	    json_t *(*make)(const char *title, char *value));
/* The article's link as it may be sent, or NULL. */
char	*webhook_link_of(const json_t *alert);
/* The title, or "(no title)"; borrowed from alert. */
const char *webhook_title_of(const json_t *alert);
/* "🔴 HIGH retaliation: Iran → Israel"; bold is "**", "*" or "". */
char	*webhook_headline(const json_t *alert, const json_t *names,
	    const char *bold);
/* "[title](url)", or the bare title without a link. */
char	*webhook_md_link(const json_t *alert, size_t max);
/* "12 alerts held by flood control on sink chat". */
char	*webhook_digest_headline(size_t n, const char *sink);
/* One line per alert (at most 25, then "and N more"). */
char	*webhook_digest_list(json_t *const *alerts, size_t n,
	    enum webhook_digest_style style);

/* One file per service: the body of an alert, and of a digest. */
json_t	*webhook_slack_alert(const json_t *alert, const json_t *names);
json_t	*webhook_slack_digest(json_t *const *alerts, size_t n,
	    const char *sink);
json_t	*webhook_mattermost_alert(const json_t *alert, const json_t *names);
json_t	*webhook_mattermost_digest(json_t *const *alerts, size_t n,
	    const char *sink);
json_t	*webhook_discord_alert(const json_t *alert, const json_t *names);
json_t	*webhook_discord_digest(json_t *const *alerts, size_t n,
	    const char *sink);
json_t	*webhook_teams_alert(const json_t *alert, const json_t *names);
json_t	*webhook_teams_digest(json_t *const *alerts, size_t n,
	    const char *sink);
json_t	*webhook_ntfy_alert(const json_t *alert, const json_t *names,
	    const char *topic);
json_t	*webhook_ntfy_digest(json_t *const *alerts, size_t n,
	    const char *sink, const char *topic);

#endif
