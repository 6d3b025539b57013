/*
 * fuzz_webhook.c: what the webhook sink reads back from its spool.  A
 * spool row's body is parsed as JSON and formatted for every service,
 * alone and in a digest, the way sink_webhook.c posts it; the same bytes
 * go through the one-line cleaner, ntfy's url split and the ${...}
 * expansion of sink settings (with ${file:...} kept to a path that does
 * not exist, so that the fuzzer reads nothing from the machine).
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "config.h"
#include "secret.h"
#include "sink_text.h"
#include "webhook_format.h"
#include "webhook_target.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const enum sink_format formats[] = {
	FORMAT_GENERIC, FORMAT_SLACK, FORMAT_MATTERMOST, FORMAT_DISCORD,
	FORMAT_TEAMS,
	FORMAT_NTFY
};

static void
fuzz_format(const json_t *alert)
{
	json_t *digest[3];
	char err[256], *body;
	size_t i;

	digest[0] = digest[1] = digest[2] = (json_t *)alert;
	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		body = webhook_format_alert(formats[i], alert, "topic", NULL, err,
		    sizeof(err));
		free(body);
		body = webhook_format_digest(formats[i], digest, 3, "chat",
		    "topic", err, sizeof(err));
		free(body);
	}
}

/* s with every "${file:" followed by a directory that does not exist. */
static char *
jailed(const char *s)
{
	static const char jail[] = "/nonexistent-brink-fuzz/";
	const char *p;
	char *out, *o;
	size_t n = 0;

	for (p = s; (p = strstr(p, "${file:")) != NULL; p++)
		n++;
	if ((out = malloc(strlen(s) + n * strlen(jail) + 1)) == NULL)
		return NULL;
	for (o = out; *s != '\0';) {
		if (strncmp(s, "${file:", 7) == 0) {
			memcpy(o, s, 7);
			memcpy(o + 7, jail, strlen(jail));
			o += 7 + strlen(jail);
			s += 7;
		} else
			*o++ = *s++;
	}
	*o = '\0';
	return out;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	json_t *alert;
	char err[256], *s, *out, *root, *topic;

	if (size > 1 << 20)
		return 0;
	if ((s = malloc(size + 1)) == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';

	/* As spool.c hands it over: a NUL-terminated column. */
	if ((alert = json_loads(s, 0, NULL)) != NULL) {
		fuzz_format(alert);
		json_decref(alert);
	}

	out = sink_text_line(s, size % 300);
	free(out);
	if (webhook_target_ntfy_url(s, &root, &topic) == 0) {
		free(root);
		free(topic);
	}
	if ((out = jailed(s)) != NULL) {
		free(secret_expand(out, err, sizeof(err)));
		free(out);
	}
	free(s);
	return 0;
}
