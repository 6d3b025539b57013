/*
 * config_value.c: the small languages inside configuration values:
 * durations, sizes, counts, booleans, severities, sink types, formats and
 * syslog facilities.  Pure: no I/O, no logging.
 */
#include "autoconf.h"

#include <ctype.h>
#include <stdio.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <syslog.h>

#include <curl/curl.h>

#include "config.h"
#include "config_priv.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* Longer than any poll interval or retention anyone means; keeps later
 * conversions to integer types well defined. */
#define DURATION_MAX	(100.0 * 365 * 86400)
/* A size past this is a typo, and it keeps size_t arithmetic safe. */
#define SIZE_LIMIT	((double)(1ULL << 40))

static const char *const severity_names[] = {
	"info", "low", "medium", "high", "critical"
};

int
config_severity_parse(const char *name)
{
	size_t i;

	for (i = 0; i < NELEM(severity_names); i++)
		if (strcmp(name, severity_names[i]) == 0)
			return (int)i;
	return -1;
}

const char *
config_severity_name(enum severity sev)
{
	if ((size_t)sev >= NELEM(severity_names))
		return "unknown";
	return severity_names[sev];
}

/*
 * A plain decimal number at the start of text: digits with at most one
 * dot.  strtod alone would also take "1e9", "0x10", "inf" and " 5", none
 * of which a person writes for "five minutes".  Returns the characters
 * used, 0 if there is no number.
 */
static size_t
number_prefix(const char *text, double *value)
{
	char buf[64];
	size_t n;

	n = strspn(text, "0123456789");
	if (text[n] == '.')
		n += 1 + strspn(text + n + 1, "0123456789");
	if (n == 0 || (n == 1 && text[0] == '.') || n >= sizeof(buf))
		return 0;
	memcpy(buf, text, n);
	buf[n] = '\0';
	*value = strtod(buf, NULL);
	return n;
}

int
config_parse_duration(const char *text, double *seconds)
{
	static const struct {
		const char	*suffix;
		double		 factor;
	} units[] = {
		{ "", 1 }, { "s", 1 }, { "ms", 0.001 }, { "m", 60 },
		{ "h", 3600 }, { "d", 86400 }, { "w", 7 * 86400 }
	};
	double value;
	size_t n, i;

	if ((n = number_prefix(text, &value)) == 0)
		return -1;
	for (i = 0; i < NELEM(units); i++) {
		if (strcmp(text + n, units[i].suffix) != 0)
			continue;
		value *= units[i].factor;
		if (!isfinite(value) || value > DURATION_MAX)
			return -1;
		*seconds = value;
		return 0;
	}
	return -1;
}

int
config_parse_size(const char *text, size_t *bytes)
{
	double value, factor;
	size_t n;
	const char *unit;

	if ((n = number_prefix(text, &value)) == 0)
		return -1;
	unit = text + n;
	switch (toupper((unsigned char)*unit)) {
	case '\0':
		factor = 1;
		break;
	case 'K':
		factor = 1024.0;
		break;
	case 'M':
		factor = 1024.0 * 1024;
		break;
	case 'G':
		factor = 1024.0 * 1024 * 1024;
		break;
	default:
		return -1;
	}
	/* "10M", "10MB" and "10MiB" all mean the same to a reader. */
	if (*unit != '\0') {
		unit++;
		if (*unit == 'i')
			unit++;
		if (*unit == 'B' || *unit == 'b')
			unit++;
		if (*unit != '\0')
			return -1;
	}
	value *= factor;
	if (!isfinite(value) || value > SIZE_LIMIT || value > (double)SIZE_MAX)
		return -1;
	*bytes = (size_t)value;
	return 0;
}

/* A whole number from 0 to max. */
int
config_parse_count(const char *text, long max, long *out)
{
	long value = 0;
	const char *p;

	if (*text == '\0')
		return -1;
	for (p = text; *p != '\0'; p++) {
		if (!isdigit((unsigned char)*p))
			return -1;
		if (value > (max - (*p - '0')) / 10)
			return -1;
		value = value * 10 + (*p - '0');
	}
	*out = value;
	return 0;
}

int
config_parse_bool(const char *text, int *out)
{
	static const char *const yes[] = { "true", "yes", "on", "1" };
	static const char *const no[] = { "false", "no", "off", "0" };
	size_t i;

	for (i = 0; i < NELEM(yes); i++) {
		if (strcasecmp(text, yes[i]) == 0) {
			*out = 1;
			return 0;
		}
		if (strcasecmp(text, no[i]) == 0) {
			*out = 0;
			return 0;
		}
	}
	return -1;
}

static const struct {
	const char	*name;
	int		 value;
} facilities[] = {
	{ "auth", LOG_AUTH }, { "authpriv", LOG_AUTHPRIV },
	{ "cron", LOG_CRON }, { "daemon", LOG_DAEMON }, { "ftp", LOG_FTP },
	{ "lpr", LOG_LPR }, { "mail", LOG_MAIL }, { "news", LOG_NEWS },
	{ "syslog", LOG_SYSLOG }, { "user", LOG_USER }, { "uucp", LOG_UUCP },
	{ "local0", LOG_LOCAL0 }, { "local1", LOG_LOCAL1 },
	{ "local2", LOG_LOCAL2 }, { "local3", LOG_LOCAL3 },
	{ "local4", LOG_LOCAL4 }, { "local5", LOG_LOCAL5 },
	{ "local6", LOG_LOCAL6 }, { "local7", LOG_LOCAL7 }
};

/* "daemon", "local3", ... -> LOG_DAEMON, LOG_LOCAL3; -1 if unknown. */
int
config_facility_parse(const char *name)
{
	size_t i;

	for (i = 0; i < NELEM(facilities); i++)
		if (strcmp(name, facilities[i].name) == 0)
			return facilities[i].value;
	return -1;
}

const char *
config_facility_names(void)
{
	return "auth, authpriv, cron, daemon, ftp, lpr, mail, news, syslog, "
	    "user, uucp, local0 to local7";
}

/* The one list of sink types, in the order of enum sink_type: parsing,
 * suggestions and every message that lists the types read it. */
static const char *const sink_type_names[] = {
	"syslog", "file", "webhook", "alertmanager"
};

const char *const *
config_sink_types(size_t *n)
{
	*n = NELEM(sink_type_names);
	return sink_type_names;
}

/* "a, b, c or d", each name between quote and quote, built once. */
static const char *
join_names(char *buf, size_t len, const char *quote)
{
	size_t i, n = NELEM(sink_type_names), used = 0;
	int w;

	buf[0] = '\0';
	for (i = 0; i < n && used < len; i++) {
		w = snprintf(buf + used, len - used, "%s%s%s%s",
		    i == 0 ? "" : i + 1 == n ? " or " : ", ", quote,
		    sink_type_names[i], quote);
		if (w < 0)
			break;
		used += (size_t)w;
	}
	return buf;
}

const char *
config_sink_type_list(int quoted)
{
	static char plain[128], with_quotes[128];

	if (quoted)
		return with_quotes[0] != '\0' ? with_quotes :
		    join_names(with_quotes, sizeof(with_quotes), "\"");
	return plain[0] != '\0' ? plain : join_names(plain, sizeof(plain), "");
}

int
config_sink_type_parse(const char *name)
{
	size_t i;

	for (i = 0; i < NELEM(sink_type_names); i++)
		if (strcmp(name, sink_type_names[i]) == 0)
			return (int)i;
	return -1;
}

const char *
config_sink_type_name(enum sink_type type)
{
	if ((size_t)type >= NELEM(sink_type_names))
		return "unknown";
	return sink_type_names[type];
}

static const char *const format_names[] = {
	"json", "text", "generic", "slack", "discord", "teams", "ntfy",
	"mattermost"
};

int
config_format_parse(const char *name)
{
	size_t i;

	for (i = 0; i < NELEM(format_names); i++)
		if (strcmp(name, format_names[i]) == 0)
			return (int)i;
	return -1;
}

const char *
config_format_name(enum sink_format format)
{
	if ((size_t)format >= NELEM(format_names))
		return "unknown";
	return format_names[format];
}

/* Whether a sink of this type can write this format. */
int
config_format_fits(enum sink_type type, enum sink_format format)
{
	switch (type) {
	case SINK_FILE:
		return format == FORMAT_JSON || format == FORMAT_TEXT;
	case SINK_WEBHOOK:
		return format >= FORMAT_GENERIC && format <= FORMAT_MATTERMOST;
	case SINK_SYSLOG:
	case SINK_ALERTMANAGER:
		return 0;
	}
	return 0;
}

/* The formats a type takes, for messages. */
const char *
config_formats_for(enum sink_type type)
{
	switch (type) {
	case SINK_FILE:
		return "json or text";
	case SINK_WEBHOOK:
		return "generic, slack, mattermost, discord, teams or ntfy";
	case SINK_ALERTMANAGER:
		return "none (Alertmanager takes its own JSON)";
	case SINK_SYSLOG:
		break;
	}
	return "none (syslog sinks write one line per alert)";
}

/*
 * Edit distance, for "did you mean": short words only.  Past max it
 * stops: once every entry of a row is above max, so is the distance
 * (no later row has a smaller least entry), and it returns max + 1.
 */
static size_t
distance(const char *a, const char *b, size_t max)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	size_t row[33], prev, tmp, least;

	if (la > 32 || lb > 32)
		return (size_t)-1;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = least = i;
		for (j = 1; j <= lb; j++) {
			tmp = row[j];
			row[j] = prev + (tolower((unsigned char)a[i - 1]) !=
			    tolower((unsigned char)b[j - 1]));
			if (row[j - 1] + 1 < row[j])
				row[j] = row[j - 1] + 1;
			if (tmp + 1 < row[j])
				row[j] = tmp + 1;
			if (row[j] < least)
				least = row[j];
			prev = tmp;
		}
		if (least > max)
			return max + 1;
	}
	return row[lb];
}

/*
 * The choice closest to word if it is close enough to be a likely typo
 * ("intervall", "severty", "slak"), else NULL.
 */
const char *
config_suggest(const char *word, const char *const *choices, size_t n)
{
	const char *best = NULL;
	size_t i, d, best_d = (size_t)-1, limit, len, clen;

	len = strlen(word);
	limit = len <= 4 ? 1 : 2;
	for (i = 0; i < n; i++) {
		if (choices[i] == NULL)
			continue;
		/*
		 * An edit distance is at least the difference of the lengths,
		 * so a choice longer or shorter than word by more than the
		 * limit could never be suggested: not worth the distance
		 * table, which a file of many unknown keys pays per choice.
		 */
		clen = strlen(choices[i]);
		if ((clen > len ? clen - len : len - clen) > limit)
			continue;
		/* Only a distance within the limit can be suggested. */
		d = distance(word, choices[i], limit);
		if (d < best_d) {
			best_d = d;
			best = choices[i];
		}
	}
	return best_d <= limit ? best : NULL;
}

int
config_list_has(const struct config_list *list, const char *word)
{
	size_t i;

	for (i = 0; i < list->n; i++)
		if (strcmp(list->v[i], word) == 0)
			return 1;
	return 0;
}

/*
 * Whether url is one brink may fetch: http or https with a host, or,
 * when allow_file, a file:// URL with an absolute path.  On failure,
 * why says what is wrong.  curl's own parser judges the syntax, so that
 * what passes here is what the fetch will accept.
 */
int
config_url_check(const char *url, int allow_file, char *why, size_t len)
{
	CURLU *h;
	CURLUcode rc;
	char *scheme = NULL;
	int ok = 0;

	if ((h = curl_url()) == NULL) {
		snprintf(why, len, "out of memory");
		return -1;
	}
	rc = curl_url_set(h, CURLUPART_URL, url, 0);
	if (rc == CURLUE_BAD_FILE_URL) {
		snprintf(why, len, "a file:// URL needs an absolute path, as "
		    "in file:///var/lib/brink/sample.xml");
		goto done;
	}
	/* libcurl reads the scheme; the only words of our own are the
	 * advice when it is missing or not one brink fetches. */
	if (rc == CURLUE_OK)
		rc = curl_url_get(h, CURLUPART_SCHEME, &scheme, 0);
	if ((rc == CURLUE_OK && strcasecmp(scheme, "http") != 0 &&
	    strcasecmp(scheme, "https") != 0 &&
	    (!allow_file || strcasecmp(scheme, "file") != 0)) ||
	    (rc != CURLUE_OK && strstr(url, "://") == NULL)) {
		snprintf(why, len, "it must start with http:// or https://%s",
		    allow_file ? " (or file:// for a local file)" : "");
		goto done;
	}
	if (rc != CURLUE_OK) {
		snprintf(why, len, "%s", curl_url_strerror(rc));
		goto done;
	}
	ok = 1;
done:
	curl_free(scheme);
	curl_url_cleanup(h);
	return ok ? 0 : -1;
}
