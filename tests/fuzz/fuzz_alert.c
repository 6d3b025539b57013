/*
 * fuzz_alert.c: alert_build on a hostile item and hostile hits, then
 * the record through the file and syslog sinks' lines (sink_lines.h).
 * The input is lines: the feed name, the item's id, key, title and
 * link, then one hit per line as
 * "SENTENCE\tTERMS\tACTORS\tTARGETS\tWORDS" (lists comma-separated,
 * the words those its terms matched), up to 40 hits; the first byte
 * chooses the rule's severity, the raise and whether the hit carries a
 * category of its own.  Strings are taken as they come, valid UTF-8 or
 * not; when they are valid, a record must be made.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "alert.h"
#include "feed.h"
#include "rules.h"
#include "sink_lines.h"

#define MAX_HITS	40
#define MAX_LIST	8

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Split s in place at sep into at most max pieces; how many. */
static size_t
split(char *s, int sep, char **v, size_t max)
{
	size_t n = 0;
	char *p;

	if (s == NULL || *s == '\0')
		return 0;
	while (n < max) {
		v[n++] = s;
		if ((p = strchr(s, sep)) == NULL)
			break;
		*p = '\0';
		s = p + 1;
	}
	return n;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char *lists[MAX_HITS][4][MAX_LIST];
	struct config_rule rule;
	struct rule_hit hits[MAX_HITS];
	struct rules_result res;
	struct feed_item item;
	char *copy, *lines[5 + MAX_HITS], *field[5];
	unsigned char mode;
	int utf8 = 0;
	size_t n, k, j;
	json_t *alert;

	if (size < 1 || size > 1 << 16)
		return 0;
	mode = data[0];
	if ((copy = malloc(size)) == NULL)
		return 0;
	memcpy(copy, data + 1, size - 1);
	copy[size - 1] = '\0';
	/* Text from a feed is valid UTF-8 (feed.h): then the record must
	 * be made. */
	if ((alert = json_stringn(copy, size - 1)) != NULL) {
		utf8 = 1;
		json_decref(alert);
	}
	n = split(copy, '\n', lines, 5 + MAX_HITS);

	memset(&rule, 0, sizeof(rule));
	rule.name = "fuzz-rule";
	rule.category = (mode & 0x40) ? "deescalation" : "threat";
	rule.severity = (enum severity)(mode % 5);

	memset(&item, 0, sizeof(item));
	item.id = n > 1 && *lines[1] != '\0' ? lines[1] : NULL;
	item.key = n > 2 ? lines[2] : "key";
	item.title = n > 3 ? lines[3] : "";
	item.link = n > 4 && *lines[4] != '\0' ? lines[4] : NULL;
	item.summary = "";
	item.has_published = (mode & 0x80) != 0;
	item.published = (time_t)(int32_t)(mode * 2654435761u);

	memset(hits, 0, sizeof(hits));
	res.hits = hits;
	res.n_hits = 0;
	for (k = 5; k < n; k++) {
		struct rule_hit *h = &hits[res.n_hits++];

		memset(field, 0, sizeof(field));
		(void)split(lines[k], '\t', field, 5);
		h->rule = &rule;
		h->sentence = field[0] != NULL ? field[0] : "";
		h->n_terms = split(field[1], ',', lists[k - 5][0], MAX_LIST);
		h->terms = lists[k - 5][0];
		h->n_actors = split(field[2], ',', lists[k - 5][1], MAX_LIST);
		h->actors = lists[k - 5][1];
		h->n_targets = split(field[3], ',', lists[k - 5][2], MAX_LIST);
		h->targets = lists[k - 5][2];
		h->n_words = split(field[4], ',', lists[k - 5][3], MAX_LIST);
		h->words = lists[k - 5][3];
		h->raise = (int)((mode >> 3) & 3) * (int)(k & 1);
		if ((mode & 0x20) && (k & 2))
			h->category = "denied-threat";
	}
	alert = alert_build(n > 0 ? lines[0] : "", &item, &res,
	    (time_t)1700000000 + (time_t)mode * 86400);
	if (utf8 && res.n_hits > 0 && alert == NULL)
		abort();	/* only when out of memory, never here */
	if (alert != NULL) {
		/* The id is the stable hash of feed and key: 16 hex digits. */
		const char *id = json_string_value(json_object_get(alert,
		    "id"));

		if (id == NULL || strlen(id) != 16)
			abort();
		check_lines(alert);
		json_decref(alert);
	}
	for (j = 0; j < MAX_HITS; j++)
		memset(lists[j], 0, sizeof(lists[j]));
	free(copy);
	return 0;
}
