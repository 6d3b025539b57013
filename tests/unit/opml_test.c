/*
 * opml_test.c: the feeds of an OPML export as brink reads them: every
 * outline with an xmlUrl, nested folders and titles kept, names a user
 * recognises, and each mistake reported with the OPML file and line;
 * then feeds_opml in brink.conf with enabled = false and headers.
 */
#include "autoconf.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "../check.h"
#include "../../src/config.h"
#include "../../src/opml.h"
#include "config_messages.h"

static const struct config_feed *
feed_named(const struct config *c, const char *name)
{
	size_t i;

	for (i = 0; c != NULL && i < c->n_feeds; i++)
		if (strcmp(c->feeds[i].name, name) == 0)
			return &c->feeds[i];
	return NULL;
}

/* As a feed reader exports it (the shape of Feedly's, Inoreader's,
 * NetNewsWire's and newsboat's exports). */
static const char export[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"			/* 1 */
    "<opml version=\"2.0\">\n"						/* 2 */
    "  <head><title>Subscriptions</title></head>\n"			/* 3 */
    "  <body>\n"							/* 4 */
    "    <outline text=\"World\" title=\"World\">\n"			/* 5 */
    "      <outline type=\"rss\" text=\"Ostrel Daily\" "
    "title=\"Ostrel Daily\" xmlUrl=\"https://ostrel.example/rss\" "
    "htmlUrl=\"https://ostrel.example/\"/>\n"				/* 6 */
    "      <outline text=\"Regional\">\n"				/* 7 */
    "        <outline type=\"rss\" text=\"D&#xE9;fense &amp; "
    "S&#xE9;curit&#xE9;\" xmlurl=\" https://def.example/feed.xml \"/>\n"/* 8 */
    "      </outline>\n"						/* 9 */
    "    </outline>\n"							/* 10 */
    "    <outline type=\"rss\" text=\"Ostrel Daily\" "
    "xmlUrl=\"https://mirror.example/rss\"/>\n"				/* 11 */
    "    <outline type=\"rss\" text=\"\" "
    "xmlUrl=\"http://no-title.example/x.rss\"/>\n"			/* 12 */
    "    <outline type=\"rss\" text=\"Empty\" xmlUrl=\"\"/>\n"		/* 13 */
    "  </body>\n"
    "</opml>\n";

static void
test_parse(void)
{
	struct opml *o;
	char err[256], *name;

	o = opml_parse(export, strlen(export), err, sizeof(err));
	CHECK(o != NULL, "an OPML export parses");
	if (o == NULL)
		return;
	CHECK_INT(o->n_feeds, 4, "every outline with an xmlUrl is a feed");
	CHECK_STR(o->feeds[0].url, "https://ostrel.example/rss",
	    "the first feed's URL");
	CHECK_STR(o->feeds[0].title, "Ostrel Daily", "its title");
	CHECK_STR(o->feeds[0].folder, "World", "its folder");
	CHECK_INT(o->feeds[0].line, 6, "its line");
	CHECK_STR(o->feeds[1].url, "https://def.example/feed.xml",
	    "xmlurl in any case, trimmed");
	CHECK_STR(o->feeds[1].title, "D\xc3\xa9" "fense & S\xc3\xa9" "curit"
	    "\xc3\xa9", "references in the title decoded");
	CHECK_STR(o->feeds[1].folder, "Regional",
	    "a nested folder: the innermost");
	CHECK_STR(o->feeds[2].folder, NULL, "a feed at the top has no folder");
	CHECK_STR(o->feeds[3].title, NULL, "an empty text is no title");
	CHECK_INT(o->skipped_line, 13, "the outline with an empty xmlUrl "
	    "is skipped, and its line kept for the warning");

	name = opml_feed_name(&o->feeds[0]);
	CHECK_STR(name, "ostrel-daily", "a name from the title");
	free(name);
	name = opml_feed_name(&o->feeds[1]);
	CHECK_STR(name, "d-fense-s-curit", "only ASCII letters and digits");
	free(name);
	name = opml_feed_name(&o->feeds[3]);
	CHECK_STR(name, "no-title.example", "no title: the URL's host");
	free(name);
	opml_free(o);

	o = opml_parse("<opml><body><outline xmlUrl=\"http://a/\">\n"
	    "<outline></body></opml>", 56, err, sizeof(err));
	CHECK(o == NULL, "ill-formed OPML is refused");
	CHECK(strncmp(err, "line 2: not well-formed", 23) == 0,
	    "with the line of the damage");
	o = opml_parse("<rss version=\"2.0\"><channel/></rss>", 35, err,
	    sizeof(err));
	CHECK(o == NULL && strstr(err, "not <opml>") != NULL,
	    "a feed is not an OPML file, and the error says so");
	o = opml_parse("<opml version=\"1.0\"><head/></opml>", 34, err,
	    sizeof(err));
	CHECK(o == NULL && strstr(err, "no <body>") != NULL,
	    "OPML without a body is refused");
	o = opml_parse("", 0, err, sizeof(err));
	CHECK(o == NULL && strstr(err, "empty") != NULL,
	    "an empty file is refused");
	o = opml_parse("<!DOCTYPE opml [<!ENTITY x SYSTEM \"/etc/passwd\">]>"
	    "<opml><body><outline text=\"&x;\" xmlUrl=\"http://a.example/\"/>"
	    "</body></opml>", 122, err, sizeof(err));
	CHECK(o == NULL || o->n_feeds == 0 || o->feeds[0].title == NULL ||
	    strstr(o->feeds[0].title, "root:") == NULL,
	    "an external entity is never read");
	opml_free(o);
}

static void
test_config(void)
{
	struct config *c;
	const struct config_feed *f;
	char conf[PATH_MAX];

	put_file("feeds.opml", export);
	snprintf(conf, sizeof(conf), "%s", put_file("brink.conf",
	    "feeds_opml = \"feeds.opml\"\n"
	    "feed mirror {\n"
	    "\turl = \"https://mirror.example/rss\"\n"
	    "\tenabled = false\n"
	    "}\n"
	    "feed private {\n"
	    "\turl = \"https://private.example/rss\"\n"
	    "\theaders = {\"Authorization: Bearer t0ken\", \"X-Desk: 7\"}\n"
	    "}\n"));
	forget();
	c = config_load(conf, collect, NULL);
	CHECK(c != NULL, "feeds_opml loads");
	CHECK(said("feeds.opml:13: warning: an outline with an empty xmlUrl "
	    "skipped"), "the skipped outline is named by file and line");
	CHECK_INT(c != NULL ? c->n_feeds : 0, 4,
	    "the OPML feeds and the sections, the disabled one left out");
	f = feed_named(c, "ostrel-daily");
	CHECK(f != NULL && strcmp(f->url, "https://ostrel.example/rss") == 0,
	    "an OPML feed is named after its title");
	CHECK(f != NULL && f->line == 6 && strstr(f->file, "feeds.opml") !=
	    NULL, "and its origin is the OPML file and line");
	CHECK(f != NULL && f->limits.interval == c->limits.interval &&
	    f->limits.max_items == c->limits.max_items,
	    "with the global limits");
	CHECK(feed_named(c, "d-fense-s-curit") != NULL,
	    "a feed from a nested folder is read");
	CHECK(feed_named(c, "ostrel-daily-2") == NULL &&
	    feed_named(c, "mirror") == NULL,
	    "a feed section with the URL of an OPML feed replaces it: "
	    "enabled = false leaves it out");
	f = feed_named(c, "private");
	CHECK(f != NULL && f->headers.n == 2 &&
	    strcmp(f->headers.v[0], "Authorization: Bearer t0ken") == 0,
	    "a feed's request headers");
	config_free(c);

	/* The same title twice: the second is told apart. */
	put_file("brink.conf", "feeds_opml = \"feeds.opml\"\n");
	forget();
	c = config_load(conf, collect, NULL);
	CHECK(feed_named(c, "ostrel-daily-2") != NULL,
	    "a title given twice: the second feed's name gets -2");
	config_free(c);

	put_file("bad.opml", "<opml>\n<body>\n<outline xmlUrl=\"ftp://x/\" "
	    "text=\"x\"/>\n<outline xmlUrl=\"http://a.example/\">\n</body>"
	    "</opml>\n");
	put_file("brink.conf", "feeds_opml = \"bad.opml\"\n");
	forget();
	c = config_load(conf, collect, NULL);
	CHECK(c == NULL, "ill-formed OPML is an error");
	CHECK(said("bad.opml:5: not well-formed XML"),
	    "named by the OPML file and line");
	config_free(c);

	put_file("bad.opml", "<opml>\n<body>\n<outline xmlUrl=\"ftp://x/\" "
	    "text=\"x\"/>\n</body></opml>\n");
	forget();
	c = config_load(conf, collect, NULL);
	CHECK(c == NULL && said("bad.opml:3: xmlUrl \"ftp://x/\" is "
	    "not usable"), "an unusable xmlUrl: its OPML line");
	config_free(c);

	put_file("brink.conf", "feeds_opml = \"missing.opml\"\n");
	forget();
	c = config_load(conf, collect, NULL);
	CHECK(c == NULL && said("brink.conf:1: feeds_opml") &&
	    said("cannot open"), "a missing OPML file: the line naming it");
	config_free(c);

	put_file("brink.conf", "feed a {\n\turl = \"https://a.example/\"\n"
	    "\tenabled = maybe\n\theaders = {\"no colon\"}\n}\n");
	forget();
	c = config_load(conf, collect, NULL);
	CHECK(c == NULL && said("brink.conf:3: enabled \"maybe\" is "
	    "not a boolean"), "enabled must be a boolean, at its line");
	CHECK(said("brink.conf:4: feed 'a': header \"no colon\" must "
	    "read \"Name: value\""), "a header must be Name: value");
	config_free(c);
}

int
main(void)
{
	char cmd[PATH_MAX + 16];

	xmlInitParser();
	scratch_make("/tmp/opml_test.XXXXXX");
	test_parse();
	test_config();
	forget();
	snprintf(cmd, sizeof(cmd), "rm -rf %s", scratch);
	if (system(cmd) != 0)
		fprintf(stderr, "# could not remove %s\n", scratch);
	xmlCleanupParser();
	return check_done();
}
