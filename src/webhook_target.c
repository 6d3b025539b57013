/*
 * webhook_target.c: a webhook sink's endpoint and headers; see
 * webhook_target.h.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

#include "config.h"
#include "hash.h"
#include "log.h"
#include "secret.h"
#include "webhook_target.h"

int
webhook_target_url_check(const char *url, char *why, size_t whylen)
{
	char *scheme = NULL, *host = NULL;
	CURLUcode uc;
	CURLU *u;
	int rc = -1;

	if ((u = curl_url()) == NULL)
		log_fatal("out of memory");
	if ((uc = curl_url_set(u, CURLUPART_URL, url, 0)) != CURLUE_OK) {
		/* curl's words name the part, never the secret itself. */
		snprintf(why, whylen, "url does not parse: %s (write "
		    "https://host/path)", curl_url_strerror(uc));
		goto done;
	}
	if (curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
	    (strcmp(scheme, "https") != 0 && strcmp(scheme, "http") != 0)) {
		snprintf(why, whylen, "the url must start with https:// (or "
		    "http://)");
		goto done;
	}
	if (curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK ||
	    *host == '\0') {
		snprintf(why, whylen, "the url has no host");
		goto done;
	}
	rc = 0;
done:
	curl_free(scheme);
	curl_free(host);
	curl_url_cleanup(u);
	return rc;
}

/*
 * ntfy publishes JSON at its root; the topic goes into the body.  With
 * ntfy behind a path prefix (https://host/ntfy/TOPIC) the root is the
 * prefix, and a query (?auth=...) belongs to every request, so it stays.
 * curl's URL API splits and joins, so that what is posted is what curl
 * itself would read from the configured url.
 */
int
webhook_target_ntfy_url(const char *url, char **root, char **topic)
{
	char *path = NULL, *out = NULL, *prefix = NULL, *decoded = NULL;
	char *last;
	CURLU *u;
	int rc = -1;

	*root = *topic = NULL;
	if ((u = curl_url()) == NULL)
		log_fatal("out of memory");
	if (curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_PATH, &path, 0) != CURLUE_OK)
		goto done;
	/* A trailing slash ends the topic: ".../alerts/" is "alerts". */
	while (strlen(path) > 1 && path[strlen(path) - 1] == '/')
		path[strlen(path) - 1] = '\0';
	last = strrchr(path, '/');
	if (last == NULL || last[1] == '\0')
		goto done;
	if ((prefix = strndup(path, (size_t)(last + 1 - path))) == NULL)
		log_fatal("out of memory");
	/* The topic as ntfy names it: decoded (it is one path segment). */
	if (curl_url_set(u, CURLUPART_PATH, prefix, 0) != CURLUE_OK ||
	    curl_url_set(u, CURLUPART_FRAGMENT, NULL, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_URL, &out, 0) != CURLUE_OK)
		goto done;
	if ((decoded = curl_easy_unescape(NULL, last + 1, 0, NULL)) == NULL ||
	    (*topic = strdup(decoded)) == NULL || (*root = strdup(out)) == NULL)
		log_fatal("out of memory");
	rc = 0;
done:
	curl_free(path);
	curl_free(out);
	curl_free(decoded);
	free(prefix);
	curl_url_cleanup(u);
	return rc;
}

void
webhook_target_free(struct webhook_target *t)
{
	size_t i;

	if (t == NULL)
		return;
	secret_free(t->url);
	free(t->topic);
	for (i = 0; t->headers != NULL && t->headers[i] != NULL; i++)
		secret_free(t->headers[i]);
	free(t->headers);
	free(t);
}

struct webhook_target *
webhook_target_new(const struct config_sink *cfg)
{
	struct webhook_target *t;
	const char *name = cfg->name;
	char err[512], *root;
	size_t i, n = 0;
	int has_type = 0;

	if ((t = calloc(1, sizeof(*t))) == NULL)
		log_fatal("out of memory");
	/* "json" on a webhook is the record as the body: generic. */
	t->format = cfg->format == FORMAT_JSON ? FORMAT_GENERIC : cfg->format;
	if (t->format != FORMAT_GENERIC && t->format != FORMAT_SLACK &&
	    t->format != FORMAT_MATTERMOST && t->format != FORMAT_DISCORD &&
	    t->format != FORMAT_TEAMS && t->format != FORMAT_NTFY) {
		log_error("sink %s: a webhook's format is generic, slack, "
		    "mattermost, discord, teams or ntfy", name);
		goto fail;
	}
	if (cfg->url == NULL || *cfg->url == '\0') {
		log_error("sink %s: a webhook sink needs a url", name);
		goto fail;
	}
	if ((t->url = secret_expand(cfg->url, err, sizeof(err))) == NULL) {
		log_error("sink %s: url: %s", name, err);
		goto fail;
	}
	if (webhook_target_url_check(t->url, err, sizeof(err)) == -1) {
		log_error("sink %s: %s", name, err);
		goto fail;
	}
	if (t->format == FORMAT_NTFY) {
		if (webhook_target_ntfy_url(t->url, &root, &t->topic) == -1) {
			log_error("sink %s: an ntfy url names the topic, as "
			    "in https://ntfy.sh/TOPIC", name);
			goto fail;
		}
		secret_free(t->url);
		t->url = root;
	}
	if ((t->headers = calloc(cfg->headers.n + 2, sizeof(char *))) == NULL)
		log_fatal("out of memory");
	for (i = 0; i < cfg->headers.n; i++) {
		if (strchr(cfg->headers.v[i], ':') == NULL) {
			log_error("sink %s: header %zu is not \"Name: value\"",
			    name, i + 1);
			goto fail;
		}
		if (strncasecmp(cfg->headers.v[i], "content-type:", 13) == 0)
			has_type = 1;
		if (strncasecmp(cfg->headers.v[i], WEBHOOK_KEY_HEADER ":",
		    sizeof(WEBHOOK_KEY_HEADER)) == 0)
			t->own_key = 1;
		if ((t->headers[n] = secret_expand(cfg->headers.v[i], err,
		    sizeof(err))) == NULL) {
			log_error("sink %s: header %zu: %s", name, i + 1,
			    err);
			goto fail;
		}
		n++;
	}
	/* Every format posts JSON, unless the user says otherwise. */
	if (!has_type && (t->headers[n++] =
	    strdup("Content-Type: application/json")) == NULL)
		log_fatal("out of memory");
	t->n_headers = n;
	return t;
fail:
	webhook_target_free(t);
	return NULL;
}

int
webhook_target_same(const struct webhook_target *a,
    const struct webhook_target *b)
{
	size_t i;

	if (strcmp(a->url, b->url) != 0 || a->n_headers != b->n_headers)
		return 0;
	for (i = 0; i < a->n_headers; i++)
		if (strcmp(a->headers[i], b->headers[i]) != 0)
			return 0;
	return 1;
}

const char **
webhook_target_headers(const struct webhook_target *t,
    const char *const *ids, size_t n)
{
	char hex[HASH_HEX_LEN + 1], *key;
	const char **out;
	size_t i;

	if ((out = calloc(t->n_headers + 2, sizeof(*out))) == NULL)
		log_fatal("out of memory");
	for (i = 0; i < t->n_headers; i++)
		out[i] = t->headers[i];
	if (t->own_key || n == 0)
		return out;
	if (n == 1) {
		if (asprintf(&key, WEBHOOK_KEY_HEADER ": %s", ids[0]) == -1)
			log_fatal("out of memory");
	} else {
		/* A digest is tried again with the same alerts, so the
		 * chained hash of their ids is the same on every try. */
		hex[0] = '\0';
		for (i = 0; i < n; i++)
			hash_hex(hash_strings(hex, ids[i], NULL), hex);
		if (asprintf(&key, WEBHOOK_KEY_HEADER ": digest-%s", hex) == -1)
			log_fatal("out of memory");
	}
	out[t->n_headers] = key;
	return out;
}

void
webhook_target_headers_free(const struct webhook_target *t,
    const char **headers)
{
	if (headers == NULL)
		return;
	free((char *)headers[t->n_headers]);
	free(headers);
}
