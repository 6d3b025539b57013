/*
 * webhook_target_test.c: a webhook's endpoint and headers: the secrets
 * expanded, Content-Type added, and the Idempotency-Key of a post (the
 * alert id; for a digest the same key on every try of the same alerts).
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "config.h"
#include "log.h"
#include "webhook_target.h"

static char *
header_copy(const char **h, size_t at)
{
	return h[at] != NULL ? strdup(h[at]) : NULL;
}

/* Split url as an ntfy sink does; expect root and topic, or NULL: -1. */
static void
ntfy(const char *url, const char *root, const char *topic)
{
	char *r = NULL, *t = NULL, what[300];
	int rc = webhook_target_ntfy_url(url, &r, &t);

	snprintf(what, sizeof(what), "ntfy: %s %s", url, root == NULL ?
	    "is refused" : "splits into root and topic");
	CHECK_INT(rc, root == NULL ? -1 : 0, what);
	snprintf(what, sizeof(what), "ntfy: %s posts to %s", url,
	    root != NULL ? root : "nothing");
	CHECK_STR(r, root, what);
	snprintf(what, sizeof(what), "ntfy: %s has topic %s", url,
	    topic != NULL ? topic : "none");
	CHECK_STR(t, topic, what);
	free(r);
	free(t);
}

static void
test_ntfy_urls(void)
{
	ntfy("https://ntfy.example/crisis-desk", "https://ntfy.example/",
	    "crisis-desk");
	/* The query carries ntfy's ?auth= token: every post needs it. */
	ntfy("https://ntfy.example/crisis-desk?auth=QmFzaWM", 
	    "https://ntfy.example/?auth=QmFzaWM", "crisis-desk");
	/* ntfy behind a reverse proxy under a path prefix. */
	ntfy("https://example.org/tools/ntfy/desk?auth=x&b=2",
	    "https://example.org/tools/ntfy/?auth=x&b=2", "desk");
	ntfy("http://127.0.0.1:8080/ntfy/desk/", "http://127.0.0.1:8080/ntfy/",
	    "desk");
	ntfy("https://ntfy.example/desk#frag", "https://ntfy.example/",
	    "desk");
	ntfy("https://ntfy.example/crisis%20desk", "https://ntfy.example/",
	    "crisis desk");
	ntfy("https://ntfy.example/", NULL, NULL);
	ntfy("https://ntfy.example", NULL, NULL);
	ntfy("https://ntfy.example/?auth=x", NULL, NULL);
	ntfy("not a url", NULL, NULL);
}

static void
test_url_check(void)
{
	char why[256];

	CHECK(webhook_target_url_check("https://hooks.example/x", why,
	    sizeof(why)) == 0, "an https url passes");
	CHECK(webhook_target_url_check("HTTP://hooks.example/x", why,
	    sizeof(why)) == 0, "the scheme's case does not matter");
	CHECK(webhook_target_url_check("ftp://hooks.example/x", why,
	    sizeof(why)) == -1 && strstr(why, "https://") != NULL,
	    "ftp is refused, saying https://");
	CHECK(webhook_target_url_check("https://", why, sizeof(why)) == -1,
	    "a url without a host is refused");
	CHECK(webhook_target_url_check("https://secret token@/", why,
	    sizeof(why)) == -1 && strstr(why, "secret") == NULL,
	    "a bad url is refused without quoting it");
}

int
main(void)
{
	static char *user_headers[] = { "Authorization: Bearer ${env:BT_TOKEN}" };
	static char *own_key[] = { "Idempotency-Key: mine" };
	const char *one[] = { "a1" }, *three[] = { "a1", "a2", "a3" },
	    *other[] = { "a1", "a2", "a4" };
	struct config_sink sc;
	struct webhook_target *t, *u;
	const char **h;
	char *k1, *k2;

	log_init("webhook_target_test", LOG_TO_STDERR, LOG_LEVEL_ERROR);
	test_ntfy_urls();
	test_url_check();
	setenv("BT_TOKEN", "t0ken", 1);
	memset(&sc, 0, sizeof(sc));
	sc.name = "chat";
	sc.type = SINK_WEBHOOK;
	sc.format = FORMAT_GENERIC;
	sc.url = "https://hooks.example/x";
	sc.headers.v = user_headers;
	sc.headers.n = 1;
	t = webhook_target_new(&sc);
	CHECK(t != NULL, "a target opens");
	CHECK_INT(t->n_headers, 2, "the user's header and Content-Type");
	CHECK_STR(t->headers[0], "Authorization: Bearer t0ken",
	    "the secret is expanded");

	h = webhook_target_headers(t, one, 1);
	CHECK_STR(h[2], "Idempotency-Key: a1", "one alert: its id is the key");
	CHECK(h[3] == NULL, "the list ends");
	webhook_target_headers_free(t, h);

	h = webhook_target_headers(t, three, 3);
	k1 = header_copy(h, 2);
	webhook_target_headers_free(t, h);
	h = webhook_target_headers(t, three, 3);
	k2 = header_copy(h, 2);
	webhook_target_headers_free(t, h);
	CHECK(k1 != NULL && strncmp(k1, "Idempotency-Key: digest-", 24) == 0,
	    "a digest has a digest key");
	CHECK_STR(k1, k2, "the same alerts give the same key on a retry");
	free(k2);
	h = webhook_target_headers(t, other, 3);
	CHECK(h[2] != NULL && strcmp(h[2], k1) != 0,
	    "other alerts, another key");
	webhook_target_headers_free(t, h);
	free(k1);

	u = webhook_target_new(&sc);
	CHECK(webhook_target_same(t, u), "the same settings: the same target");
	webhook_target_free(u);
	sc.headers.v = own_key;
	u = webhook_target_new(&sc);
	CHECK(!webhook_target_same(t, u), "other headers: another target");
	h = webhook_target_headers(u, one, 1);
	CHECK(h[1] != NULL && h[2] == NULL && strcmp(h[0],
	    "Idempotency-Key: mine") == 0, "the user's own key is kept alone");
	webhook_target_headers_free(u, h);
	webhook_target_free(u);
	webhook_target_free(t);

	sc.url = "ftp://hooks.example/x";
	CHECK(webhook_target_new(&sc) == NULL, "only http and https");
	return check_done();
}
