/*
 * cmd_match.c: brinkd -c FILE --match DOC [--explain].  Runs the rules
 * of the configuration over one document and prints the alerts it would
 * raise, one JSON line per article, as a file sink would write them; so
 * a user can try a rule on an article as with fail2ban-regex.
 *
 * DOC is a feed (every item is an article), an HTML page (its <title>,
 * else its first heading, is the title) or plain text (the first line is
 * the title); "-" reads stdin.  The alerts' feed name is DOC's base name,
 * or "match" for stdin.  --explain says on stderr, per article, why each
 * rule fired or which negation cue or exclusion cancelled it, with the
 * clause analysis behind each candidate of a rule that reads clauses.
 * Every item of a feed is read, however many (a feed file is a corpus
 * here, not a fetch with max_items).  --summary prints, instead of the
 * alerts, what a corpus gave: items read, alerts per category and per
 * rule, hits per rule, items without an alert.
 *
 * The alerts are grouped into stories as the daemon groups them (each
 * line has its "story"), in a store that lives for the run only, timed
 * by the items' own dates where they have them; an article whose link
 * or GUID was already alerted is printed once.
 */
#include "autoconf.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "alert.h"
#include "cmd.h"
#include "config.h"
#include "feed.h"
#include "hash.h"
#include "html.h"
#include "log.h"
#include "rules.h"
#include "store.h"
#include "story_db.h"

/* Larger documents are refused rather than read: no article is. */
#define MATCH_MAX_BYTES	(256UL * 1024 * 1024)

enum match_kind {
	MATCH_FEED,
	MATCH_HTML,
	MATCH_TEXT
};

/* One line of the summary: a rule or a category and its counts. */
struct match_count {
	const char	*name;		/* borrowed from the configuration */
	size_t		 alerts;	/* items it is the alert's rule or
					   category of */
	size_t		 hits;		/* sentences it fired on */
};

/* A story of the document for --summary: how many of its articles
 * alerted, and the title of the first. */
struct match_story {
	char		*id;
	char		*title;
	size_t		 articles;
	size_t		 order;		/* the first article's place */
};

/* At most this many stories of more than one article are listed. */
#define MATCH_STORIES_LISTED	10

struct match {
	const struct config	*cfg;
	const struct rules	*rules;
	const char		*feed_name;
	struct story_db		*stories;
	int			 explain;
	int			 summary;
	int			 failed;
	size_t			 items, alerted;
	struct match_count	*rule_counts;	/* per rule of cfg */
	struct match_count	*cat_counts;	/* per category seen */
	size_t			 n_cats;
	struct match_story	*stories_seen;	/* per story of an alert */
	size_t			 n_stories;
};

/* Errors always; warnings (no feed, no sink: normal for a rules file
 * tried alone) only with --explain. */
static void
match_report(void *arg, int is_error, const char *msg)
{
	const int *explain = arg;

	if (is_error)
		log_error("%s", msg);
	else if (*explain)
		log_warn("%s", msg);
}

static void
match_explain(void *arg, const char *line)
{
	fprintf(stderr, "  %s\n", line);
}

/* Read all of path ("-": stdin) into a NUL-terminated buffer. */
static char *
match_read(const char *path, size_t *lenp, char *err, size_t errlen)
{
	FILE *fp;
	char *buf = NULL, *grown;
	size_t len = 0, cap = 0, n;

	if (strcmp(path, "-") == 0)
		fp = stdin;
	else if ((fp = fopen(path, "rb")) == NULL) {
		snprintf(err, errlen, "cannot open: %s", strerror(errno));
		return NULL;
	}
	for (;;) {
		if (len + 1 >= cap) {
			if (cap > MATCH_MAX_BYTES) {
				snprintf(err, errlen, "larger than %lu MB; "
				    "give brinkd one article or feed at a time",
				    MATCH_MAX_BYTES >> 20);
				goto fail;
			}
			cap = cap ? cap * 2 : 65536;
			if ((grown = realloc(buf, cap + 1)) == NULL) {
				snprintf(err, errlen, "out of memory");
				goto fail;
			}
			buf = grown;
		}
		n = fread(buf + len, 1, cap - len, fp);
		len += n;
		if (n == 0)
			break;
	}
	if (ferror(fp)) {
		snprintf(err, errlen, "cannot read: %s", strerror(errno));
		goto fail;
	}
	if (fp != stdin)
		fclose(fp);
	buf[len] = '\0';
	*lenp = len;
	return buf;
fail:
	if (fp != stdin)
		fclose(fp);
	free(buf);
	return NULL;
}

/* Whether the len bytes at s start with tag, without case.  The bytes
 * need no NUL after them: a tag cut by the end does not match. */
static int
match_starts(const char *s, size_t len, const char *tag)
{
	size_t n = strlen(tag);

	return len >= n && strncasecmp(s, tag, n) == 0;
}

/* What is it?  A feed names its root early; a page has a tag a feed
 * does not; anything else is text. */
static enum match_kind
match_sniff(const char *buf, size_t len)
{
	static const char *const feed_roots[] = { "<rss", "<feed", "<rdf:rdf",
	    NULL };
	static const char *const html_tags[] = { "<!doctype html", "<html",
	    "<head", "<body", "<p>", "<p ", "<div", "<h1", "<article",
	    "<title", "<br", NULL };
	size_t i, n = len < 4096 ? len : 4096;
	int k;

	for (i = 0; i < len && (buf[i] == ' ' || buf[i] == '\t' ||
	    buf[i] == '\r' || buf[i] == '\n' || (unsigned char)buf[i] >= 0xef);
	    i++)
		;
	if (i == len || buf[i] != '<')
		return MATCH_TEXT;
	for (; i < n; i++) {
		if (buf[i] != '<')
			continue;
		for (k = 0; feed_roots[k] != NULL; k++)
			if (match_starts(buf + i, len - i, feed_roots[k]))
				return MATCH_FEED;
		for (k = 0; html_tags[k] != NULL; k++)
			if (match_starts(buf + i, len - i, html_tags[k]))
				return MATCH_HTML;
	}
	return MATCH_HTML;
}

/* The count of category name, added if new; NULL when out of memory. */
static struct match_count *
match_category(struct match *m, const char *name)
{
	struct match_count *c;
	size_t k;

	for (k = 0; k < m->n_cats; k++)
		if (strcmp(m->cat_counts[k].name, name) == 0)
			return &m->cat_counts[k];
	if ((c = reallocarray(m->cat_counts, m->n_cats + 1, sizeof(*c))) ==
	    NULL)
		return NULL;
	m->cat_counts = c;
	c = &c[m->n_cats++];
	memset(c, 0, sizeof(*c));
	c->name = name;
	return c;
}

/* Count alert under its story for --summary. */
static void
match_count_story(struct match *m, const json_t *alert)
{
	const json_t *item = json_object_get(alert, "item");
	const char *id, *title;
	struct match_story *st;
	size_t k;

	id = json_string_value(json_object_get(json_object_get(alert,
	    "story"), "id"));
	if (id == NULL)
		return;
	for (k = 0; k < m->n_stories; k++)
		if (strcmp(m->stories_seen[k].id, id) == 0) {
			m->stories_seen[k].articles++;
			return;
		}
	if ((title = json_string_value(json_object_get(item, "title"))) ==
	    NULL || *title == '\0')
		title = "(no title)";
	if ((st = reallocarray(m->stories_seen, m->n_stories + 1,
	    sizeof(*st))) == NULL)
		log_fatal("out of memory");
	m->stories_seen = st;
	st = &st[m->n_stories];
	if ((st->id = strdup(id)) == NULL || (st->title = strdup(title)) ==
	    NULL)
		log_fatal("out of memory");
	st->articles = 1;
	st->order = m->n_stories++;
}

/* The most articles first, then the first seen. */
static int
match_story_cmp(const void *a, const void *b)
{
	const struct match_story *x = a, *y = b;

	if (x->articles != y->articles)
		return x->articles > y->articles ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* Count an article's hits and its alert for --summary. */
static void
match_count(struct match *m, const struct rules_result *res,
    const json_t *alert)
{
	struct match_count *c;
	const char *rule, *cat;
	size_t k;

	for (k = 0; k < res->n_hits; k++) {
		m->rule_counts[res->hits[k].rule - m->cfg->rules].hits++;
		if ((c = match_category(m, rules_hit_category(&res->hits[k])))
		    == NULL)
			log_fatal("out of memory");
		c->hits++;
	}
	if (alert == NULL)
		return;
	m->alerted++;
	match_count_story(m, alert);
	rule = json_string_value(json_object_get(alert, "rule"));
	cat = json_string_value(json_object_get(alert, "category"));
	for (k = 0; rule != NULL && k < m->cfg->n_rules; k++)
		if (strcmp(m->cfg->rules[k].name, rule) == 0)
			m->rule_counts[k].alerts++;
	for (k = 0; cat != NULL && k < m->n_cats; k++)
		if (strcmp(m->cat_counts[k].name, cat) == 0)
			m->cat_counts[k].alerts++;
}

static void
match_print_summary(struct match *m)
{
	size_t k;

	printf("items read: %zu\n", m->items);
	printf("items with an alert: %zu\n", m->alerted);
	printf("items without an alert: %zu\n", m->items - m->alerted);
	printf("alerts per category (the category of each alert):\n");
	for (k = 0; k < m->n_cats; k++)
		if (m->cat_counts[k].alerts > 0)
			printf("  %s: %zu\n", m->cat_counts[k].name,
			    m->cat_counts[k].alerts);
	printf("alerts per rule (the rule of each alert, its strongest "
	    "hit):\n");
	for (k = 0; k < m->cfg->n_rules; k++)
		if (m->rule_counts[k].alerts > 0)
			printf("  %s: %zu\n", m->rule_counts[k].name,
			    m->rule_counts[k].alerts);
	printf("hits per category (sentences):\n");
	for (k = 0; k < m->n_cats; k++)
		printf("  %s: %zu\n", m->cat_counts[k].name,
		    m->cat_counts[k].hits);
	printf("hits per rule (sentences):\n");
	for (k = 0; k < m->cfg->n_rules; k++)
		if (m->rule_counts[k].hits > 0)
			printf("  %s: %zu\n", m->rule_counts[k].name,
			    m->rule_counts[k].hits);
	printf("stories: %zu (alerts that joined an earlier story: %zu)\n",
	    m->n_stories, m->alerted - m->n_stories);
	qsort(m->stories_seen, m->n_stories, sizeof(*m->stories_seen),
	    match_story_cmp);
	printf("stories told by more than one article (the most first, at "
	    "most %d):\n", MATCH_STORIES_LISTED);
	for (k = 0; k < m->n_stories && k < MATCH_STORIES_LISTED &&
	    m->stories_seen[k].articles > 1; k++)
		printf("  %zu articles: %s\n", m->stories_seen[k].articles,
		    m->stories_seen[k].title);
}

/* Match one article and print its alert, if any. */
static void
match_article(struct match *m, const struct feed_item *item,
    const char *body)
{
	struct rules_result res;
	json_t *alert = NULL;
	char *line;
	int r = STORY_JOINED;

	m->items++;
	if (m->explain)
		fprintf(stderr, "article: %s\n", item->title[0] != '\0' ?
		    item->title : "(no title)");
	/* Every article read tells which words are common news
	 * (story_freq.h), alerted or not. */
	story_db_read(m->stories, item->title, strlen(item->title),
	    item->has_published ? item->published : time(NULL));
	if (rules_match_explain(m->rules, item->title, body, &res,
	    m->explain ? match_explain : NULL, NULL) == -1) {
		log_error("%s: out of memory matching \"%s\"", m->feed_name,
		    item->title);
		m->failed = 1;
		return;
	}
	if (res.n_hits > 0) {
		alert = alert_build(m->feed_name, item, &res, time(NULL));
		/* Its story, timed by the item's own date where it has one;
		 * an article already alerted is not alerted again. */
		if (alert != NULL && (r = story_db_join(m->stories, alert,
		    item->has_published ? item->published : time(NULL))) ==
		    -1)
			m->failed = 1;
		else if (r == STORY_DUPLICATE) {
			if (m->explain)
				fprintf(stderr, "  the same article as an "
				    "earlier one: no alert\n");
			json_decref(alert);
			alert = NULL;
		}
	}
	if (m->summary)
		match_count(m, &res, alert);
	if (res.n_hits > 0 && !m->summary && r == STORY_JOINED) {
		line = alert != NULL ? json_dumps(alert,
		    JSON_PRESERVE_ORDER | ALERT_JSON_FLAGS) : NULL;
		if (line == NULL) {
			log_error("%s: cannot write the alert for \"%s\"",
			    m->feed_name, item->title);
			m->failed = 1;
		} else
			printf("%s\n", line);
		free(line);
	} else if (res.n_hits == 0 && m->explain)
		fprintf(stderr, "  no alert\n");
	json_decref(alert);
	rules_result_free(&res);
}

/* An article that is not a feed item gets a key from its text, as a
 * feed item without id or link does (feed.h). */
static void
match_single(struct match *m, const char *title, const char *body)
{
	struct feed_item item;
	char hex[HASH_HEX_LEN + 1], key[HASH_HEX_LEN + 3];

	memset(&item, 0, sizeof(item));
	hash_hex(hash_strings(title, body, NULL), hex);
	snprintf(key, sizeof(key), "h:%s", hex);
	item.key = key;
	item.title = (char *)title;
	item.summary = (char *)body;
	match_article(m, &item, body);
}

static void
match_text(struct match *m, char *buf)
{
	char *nl, *title = buf, *body = "";

	if ((nl = strchr(buf, '\n')) != NULL) {
		*nl = '\0';
		body = nl + 1;
		if (nl > buf && nl[-1] == '\r')
			nl[-1] = '\0';
	}
	match_single(m, title, body);
}

/* The text of the first element named one of names, depth first. */
static char *
match_find_text(xmlNodePtr n, const char *const *names)
{
	xmlNodePtr c;
	char *found;
	int k;

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		for (k = 0; names[k] != NULL; k++)
			if (xmlStrcasecmp(n->name, (const xmlChar *)names[k])
			    == 0)
				return (char *)xmlNodeGetContent(n);
		c = n->children;
		if (c != NULL && (found = match_find_text(c, names)) != NULL)
			return found;
	}
	return NULL;
}

/*
 * The text of an HTML page (blocks kept) into *text and its title (its
 * <title>, else its first heading; NULL if none) into *title; body is
 * where the text starts once a heading that is the title is left out.
 * Caller frees both; -1 when out of memory.
 */
static int
match_page(const char *buf, size_t len, char **title, char **text,
    const char **body)
{
	static const char *const title_tag[] = { "title", NULL };
	static const char *const headings[] = { "h1", "h2", "h3", "h4", "h5",
	    "h6", NULL };
	htmlDocPtr doc;
	char *raw = NULL;
	size_t tl;

	*title = NULL;
	if ((*text = html_to_text(buf, len, HTML_KEEP_BLOCKS)) == NULL)
		return -1;
	doc = htmlReadMemory(buf, (int)(len > 0x7fffffff ? 0x7fffffff : len),
	    NULL, "UTF-8", HTML_PARSE_NONET | HTML_PARSE_RECOVER |
	    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
	if (doc != NULL) {
		raw = match_find_text(xmlDocGetRootElement(doc), title_tag);
		if (raw == NULL || raw[strspn(raw, " \t\r\n")] == '\0') {
			xmlFree(raw);
			raw = match_find_text(xmlDocGetRootElement(doc),
			    headings);
		}
		xmlFreeDoc(doc);
	}
	/* The title through the same HTML-to-text, for its white space. */
	if (raw != NULL) {
		*title = html_to_text(raw, strlen(raw), 0);
		xmlFree(raw);
	}
	*body = *text;
	if (*title != NULL && (tl = strlen(*title)) > 0 &&
	    strncmp(*body, *title, tl) == 0 &&
	    ((*body)[tl] == '\n' || (*body)[tl] == '\0'))
		*body += tl;	/* the heading is the title: not twice */
	return 0;
}

static int
match_html(struct match *m, const char *buf, size_t len)
{
	char *text, *title;
	const char *body;

	if (match_page(buf, len, &title, &text, &body) == -1) {
		log_error("%s: out of memory reading the page", m->feed_name);
		return -1;
	}
	match_single(m, title != NULL ? title : "", body);
	free(title);
	free(text);
	return 0;
}

static int
match_feed(struct match *m, const char *path, const char *buf, size_t len)
{
	struct feed *f;
	const struct feed_item *it;
	struct feed_limits lim;
	char err[512], *body;
	size_t i;

	/* Every item: a feed file here is a corpus, not one fetch. */
	memset(&lim, 0, sizeof(lim));
	lim.max_items = SIZE_MAX;
	err[0] = '\0';
	if ((f = feed_parse(buf, len, NULL, &lim, err, sizeof(err))) == NULL) {
		log_error("%s: %s", path, err);
		return -1;
	}
	if (err[0] != '\0' && f->recovered)
		log_warn("%s: %s", path, err);
	for (i = 0; i < f->n_items; i++) {
		it = &f->items[i];
		/* The same text the daemon reads (feed_item_text). */
		if ((body = feed_item_text(it)) == NULL)
			log_fatal("out of memory");
		match_article(m, it, body);
		free(body);
	}
	feed_free(f);
	return 0;
}

int
cmd_match(const char *config_path, const char *path, int explain, int summary)
{
	struct config *cfg;
	struct rules *rules = NULL;
	struct store *store = NULL;
	struct match m;
	char err[512], *buf = NULL;
	const char *slash;
	size_t len, i;
	int status = EXIT_BAD_INPUT, rc = 0;

	if ((cfg = config_load(config_path, match_report, &explain)) == NULL)
		return EXIT_BAD_INPUT;
	memset(&m, 0, sizeof(m));
	if ((rules = rules_compile(cfg, err, sizeof(err))) == NULL) {
		log_error("%s", err);
		goto done;
	}
	if ((buf = match_read(path, &len, err, sizeof(err))) == NULL) {
		log_error("%s: %s", path, err);
		goto done;
	}
	if ((store = store_open(NULL)) == NULL ||
	    (m.stories = story_db_open(store, cfg)) == NULL)
		goto done;
	m.cfg = cfg;
	m.rules = rules;
	m.explain = explain;
	m.summary = summary;
	if ((m.rule_counts = calloc(cfg->n_rules + 1,
	    sizeof(*m.rule_counts))) == NULL)
		log_fatal("out of memory");
	for (i = 0; i < cfg->n_rules; i++)
		m.rule_counts[i].name = cfg->rules[i].name;
	if (strcmp(path, "-") == 0)
		m.feed_name = "match";
	else
		m.feed_name = (slash = strrchr(path, '/')) != NULL ?
		    slash + 1 : path;

	switch (match_sniff(buf, len)) {
	case MATCH_FEED:
		rc = match_feed(&m, path, buf, len);
		break;
	case MATCH_HTML:
		rc = match_html(&m, buf, len);
		break;
	case MATCH_TEXT:
		match_text(&m, buf);
		break;
	}
	if (summary && rc == 0)
		match_print_summary(&m);
	fflush(stdout);
	free(m.rule_counts);
	free(m.cat_counts);
	for (i = 0; i < m.n_stories; i++) {
		free(m.stories_seen[i].id);
		free(m.stories_seen[i].title);
	}
	free(m.stories_seen);
	status = rc == 0 && !m.failed ? EXIT_OK : EXIT_BAD_INPUT;
done:
	story_db_close(m.stories);
	store_close(store);
	free(buf);
	rules_free(rules);
	config_free(cfg);
	xmlCleanupParser();
	return status;
}
