/*
 * webhook_text.h: article text and links made safe for each chat
 * service's markup, for webhook_format.c (and the link check for
 * sink.c, which says why a link was left out).  Pure: no I/O, no
 * logging.  Every function returns a new string (caller frees) and
 * aborts when out of memory, unless it says otherwise.
 *
 * Article text is untrusted: "@channel" in a headline must not page a
 * channel, and "[click](https://evil.example)" in a title must stay
 * text.  Where markup cannot be escaped reliably in every client, a
 * word joiner (U+2060, invisible and zero-width) is put after the
 * character that would start it, which keeps the text as it reads.
 */
#ifndef BRINK_WEBHOOK_TEXT_H
#define BRINK_WEBHOOK_TEXT_H

#include <stddef.h>

/*
 * The article's link as it may go into a message: an http or https URL
 * with a host, as libcurl's URL API parses and writes it again (spaces
 * and other bytes percent-encoded, an international host in punycode
 * where the locale lets libidn2 read it),
 * at most WEBHOOK_LINK_MAX bytes.  NULL when link is empty (why is "")
 * or cannot be used (why says why, without the link).
 */
#define WEBHOOK_LINK_MAX	2000
char	*webhook_text_link(const char *link, char *why, size_t whylen);

/* Slack mrkdwn ("text" fields, read by Slack and Mattermost): &, < and
 * > as entities (the only characters Slack's mrkdwn reads), and a word
 * joiner after "@" (no @channel, @here, @all or @someone) and "]" (no
 * markdown link in Mattermost). */
char	*webhook_text_slack(const char *s);
/* The same for fields shown as plain text (titles, fields, fallback),
 * where entities might show as typed: a word joiner after "<" instead
 * (no <!channel>, no <url|text>). */
char	*webhook_text_slack_plain(const char *s);
/* Discord markdown: every character markdown reads, backslashed. */
char	*webhook_text_discord(const char *s);
/* Markdown shown as it is (Teams' Adaptive Cards, Discord's embed
 * title): a word joiner after "]" and "@", so that no link or mention
 * forms. */
char	*webhook_text_unlinked(const char *s);

/* A URL inside markdown's (...): spaces, parentheses and control
 * characters percent-encoded. */
char	*webhook_text_md_url(const char *url);
/* The text of a markdown link, at most max bytes: brackets, which would
 * end it early, become parentheses. */
char	*webhook_text_md_link_text(const char *s, size_t max);

#endif
