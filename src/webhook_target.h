/*
 * webhook_target.h: where and how a webhook sink posts: its url and
 * headers expanded from their secrets, its format, and the headers of
 * one post with its Idempotency-Key.  No I/O beyond reading secrets.
 */
#ifndef BRINK_WEBHOOK_TARGET_H
#define BRINK_WEBHOOK_TARGET_H

#include <stddef.h>

#include "config.h"

#define WEBHOOK_KEY_HEADER	"Idempotency-Key"

struct webhook_target {
	enum sink_format	 format;	/* json is read as generic */
	char			*url;		/* expanded: a secret */
	char			*topic;		/* ntfy's, else NULL */
	char			**headers;	/* expanded: secrets */
	size_t			 n_headers;	/* with Content-Type added */
	int			 own_key;	/* the user sets the key */
};

/*
 * url is an http or https URL with a host, as libcurl's URL API reads
 * it: 0, or -1 with why filled (never quoting the url, a secret).
 */
int			 webhook_target_url_check(const char *url, char *why,
			    size_t whylen);
/*
 * ntfy: "https://ntfy.example/prefix/alerts?auth=X" -> root
 * "https://ntfy.example/prefix/?auth=X" (where ntfy takes JSON) and
 * topic "alerts" (both new strings, caller frees).  -1 when the URL does
 * not parse or names no topic.
 */
int			 webhook_target_ntfy_url(const char *url, char **root,
			    char **topic);

/* Expand cfg's url and headers.  NULL on error (logged, naming the
 * sink).  Caller frees with webhook_target_free, which wipes secrets. */
struct webhook_target	*webhook_target_new(const struct config_sink *cfg);
void			 webhook_target_free(struct webhook_target *);
/* Same url and headers: a reload changed nothing about the endpoint. */
int			 webhook_target_same(const struct webhook_target *,
			    const struct webhook_target *);
/*
 * The headers of one post of the alerts with ids[0..n), NULL-terminated:
 * the target's, and Idempotency-Key (the alert id, or for a digest a
 * hash of the ids, the same on every try) unless the user set one.
 * Free with webhook_target_headers_free.
 */
const char		**webhook_target_headers(const struct webhook_target *,
			    const char *const *ids, size_t n);
void			 webhook_target_headers_free(
			    const struct webhook_target *, const char **);

#endif
