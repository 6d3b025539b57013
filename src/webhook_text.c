/*
 * webhook_text.c: text and links made safe for chat markup; see
 * webhook_text.h.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

#include "sink_text.h"
#include "webhook_text.h"

#define WORD_JOINER	"\xe2\x81\xa0"	/* U+2060 */

/* Bytes a URL may carry as they are (RFC 3986's unreserved and reserved
 * characters, and "%" of what is already encoded); the rest is encoded. */
#define URL_SAFE	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz" \
			"0123456789-._~:/?#[]@!$&'()*+,;=%"

static FILE *
text_open(char **out, size_t *len)
{
	FILE *f;

	if ((f = open_memstream(out, len)) == NULL)
		abort();
	return f;
}

/* Ends what text_open started; the string is only complete then. */
static char *
text_close(FILE *f, char **out)
{
	if (fclose(f) != 0)
		abort();
	return *out;
}

char *
webhook_text_link(const char *link, char *why, size_t whylen)
{
	char *scheme = NULL, *host = NULL, *url = NULL, *out = NULL;
	const unsigned char *p;
	CURLUcode uc;
	size_t len, n;
	CURLU *u;
	FILE *f;

	*why = '\0';
	if (*link == '\0')
		return NULL;
	if ((u = curl_url()) == NULL)
		abort();
	/* URLENCODE: a space in a feed's link is common, and fixable. */
	if ((uc = curl_url_set(u, CURLUPART_URL, link, CURLU_URLENCODE)) !=
	    CURLUE_OK) {
		/* "javascript:x" fails for its missing "//": say what it is. */
		n = strspn(link, "abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-");
		if (n > 0 && n < 32 && link[n] == ':' &&
		    !(n == 4 && strncasecmp(link, "http", 4) == 0) &&
		    !(n == 5 && strncasecmp(link, "https", 5) == 0))
			snprintf(why, whylen, "only http and https links are "
			    "sent (this one is %.*s:)", (int)n, link);
		else
			snprintf(why, whylen, "it does not parse as a URL (%s)",
			    curl_url_strerror(uc));
		goto done;
	}
	if (curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
	    (strcasecmp(scheme, "http") != 0 &&
	    strcasecmp(scheme, "https") != 0)) {
		snprintf(why, whylen, "only http and https links are sent "
		    "(this one is %s:)", scheme != NULL ? scheme : "?");
		goto done;
	}
	if (curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK ||
	    *host == '\0') {
		snprintf(why, whylen, "it has no host");
		goto done;
	}
	/* Chat services refuse a host that is not ASCII: punycode (which
	 * libidn2 does only under a UTF-8 locale). */
	if ((uc = curl_url_get(u, CURLUPART_URL, &url, CURLU_PUNYCODE)) !=
	    CURLUE_OK) {
		snprintf(why, whylen, "its host cannot be written in ASCII "
		    "(punycode: %s)", curl_url_strerror(uc));
		goto done;
	}
	f = text_open(&out, &len);
	for (p = (const unsigned char *)url; *p != '\0'; p++) {
		if (*p < 0x80 && strchr(URL_SAFE, *p) != NULL)
			fputc(*p, f);
		else
			fprintf(f, "%%%02X", *p);
	}
	text_close(f, &out);
	if (strlen(out) > WEBHOOK_LINK_MAX) {
		snprintf(why, whylen, "it is longer than %d bytes",
		    WEBHOOK_LINK_MAX);
		free(out);
		out = NULL;
	}
done:
	curl_free(scheme);
	curl_free(host);
	curl_free(url);
	curl_url_cleanup(u);
	return out;
}

/*
 * s with each character of entities replaced by its entity, and a word
 * joiner after each character of joined.
 */
static char *
text_guard(const char *s, int entities, const char *joined)
{
	char *out = NULL;
	size_t len;
	FILE *f;

	f = text_open(&out, &len);
	for (; *s != '\0'; s++) {
		if (entities && *s == '&')
			fputs("&amp;", f);
		else if (entities && *s == '<')
			fputs("&lt;", f);
		else if (entities && *s == '>')
			fputs("&gt;", f);
		else
			fputc(*s, f);
		if (strchr(joined, *s) != NULL)
			fputs(WORD_JOINER, f);
	}
	return text_close(f, &out);
}

char *
webhook_text_slack(const char *s)
{
	return text_guard(s, 1, "@]");
}

char *
webhook_text_slack_plain(const char *s)
{
	return text_guard(s, 0, "<@]");
}

char *
webhook_text_unlinked(const char *s)
{
	return text_guard(s, 0, "@]");
}

char *
webhook_text_discord(const char *s)
{
	char *out, *o;

	if ((out = malloc(strlen(s) * 2 + 1)) == NULL)
		abort();
	for (o = out; *s != '\0'; s++) {
		if (strchr("\\*_~`|>[]()#@<", *s) != NULL)
			*o++ = '\\';
		*o++ = *s;
	}
	*o = '\0';
	return out;
}

char *
webhook_text_md_url(const char *url)
{
	char *out = NULL;
	size_t len;
	FILE *f;

	f = text_open(&out, &len);
	for (; *url != '\0'; url++) {
		if (*url == '(' || *url == ')' || *url == ' ' ||
		    (unsigned char)*url < 0x20)
			fprintf(f, "%%%02X", (unsigned char)*url);
		else
			fputc(*url, f);
	}
	return text_close(f, &out);
}

char *
webhook_text_md_link_text(const char *s, size_t max)
{
	char *out, *p;

	if ((out = sink_text_line(s, max)) == NULL)
		abort();
	for (p = out; *p != '\0'; p++) {
		if (*p == '[')
			*p = '(';
		else if (*p == ']')
			*p = ')';
	}
	return out;
}
