/*
 * countries_test.c: the countries key and country blocks, as a user of
 * brink.conf sees them: every country of the ISO list an actor of kind
 * state, the configuration's own actors winning, the names brink adds,
 * and a clear message for a missing or broken file.  A small list in
 * iso-codes' shape is written here; the real one (installed by
 * ./bootstrap) is read too, with the shipped etc/rules/countries.conf.
 */
#include "autoconf.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../check.h"
#include "../../src/actor.h"
#include "../../src/config.h"
#include "config_messages.h"

#define ISO_CODES	"/usr/share/iso-codes/json/iso_3166-1.json"

static const char *srcdir;

/* Four entries in the shape iso-codes writes them. */
static const char iso_sample[] =
    "{\"3166-1\": [\n"
    "  {\"alpha_2\": \"SD\", \"name\": \"Sudan\",\n"
    "   \"official_name\": \"Republic of the Sudan\"},\n"
    "  {\"alpha_2\": \"KR\", \"common_name\": \"South Korea\",\n"
    "   \"name\": \"Korea, Republic of\"},\n"
    "  {\"alpha_2\": \"CD\", \"name\": \"Congo, The Democratic Republic of "
    "the\"},\n"
    "  {\"alpha_2\": \"IR\", \"common_name\": \"Iran\",\n"
    "   \"name\": \"Iran, Islamic Republic of\",\n"
    "   \"official_name\": \"Islamic Republic of Iran\"},\n"
    "  {\"alpha_2\": \"RU\", \"name\": \"Russian Federation\"},\n"
    "  {\"alpha_2\": \"EE\", \"name\": \"Estonia\"},\n"
    "  {\"alpha_2\": \"YE\", \"name\": \"Yemen\"},\n"
    "  {\"alpha_2\": \"FK\", \"name\": \"Falkland Islands (Malvinas)\"}\n"
    "]}\n";

static const struct config_actor *
actor(const struct config *c, const char *name)
{
	size_t i;

	for (i = 0; c != NULL && i < c->n_actors; i++)
		if (strcmp(c->actors[i].name, name) == 0)
			return &c->actors[i];
	return NULL;
}

static int
has_name(const struct config_actor *a, const char *name)
{
	size_t i;

	for (i = 0; a != NULL && i < a->names.n; i++)
		if (strcmp(a->names.v[i], name) == 0)
			return 1;
	return 0;
}

static void
test_sample(void)
{
	struct config *c;
	const struct config_actor *a;

	put_file("iso.json", iso_sample);
	c = load_text(
	    "countries = \"iso.json\"\n"
	    "actor iran {\n"
	    "  names = {\"Iran\", \"Khamenei\"}\n"
	    "}\n"
	    "actor baltic-states { names = {\"Estonia\", \"Latvia\"} }\n"
	    "country sudan { names = {\"Sudanese\", \"Khartoum\"} }\n"
	    "country iran { names = {\"Iranian*\", \"Tehran\"} }\n"
	    "country russia {\n"
	    "  code = \"RU\"\n"
	    "  names = {\"Russia\", \"Moscow\"}\n"
	    "}\n"
	    "country estonia { names = {\"Tallinn\"} }\n"
	    "actor houthis { names = {\"Houthi*\", \"Sanaa\"} }\n"
	    "country yemen { names = {\"Yemeni*\", \"Sanaa\"} }\n");
	CHECK(c != NULL && n_errors == 0, "a countries file relative to the "
	    "configuration loads");

	a = actor(c, "sudan");
	CHECK(a != NULL, "sudan is an actor");
	CHECK(a != NULL && a->kind == ACTOR_STATE, "of kind state");
	CHECK(has_name(a, "Sudan") && has_name(a, "Republic of the Sudan"),
	    "named by its ISO names");
	CHECK(has_name(a, "Sudanese") && has_name(a, "Khartoum"),
	    "and by the country block's");
	CHECK(a != NULL && strstr(a->file, "test.conf") != NULL &&
	    a->line == 1, "defined where countries is set");

	a = actor(c, "south-korea");
	CHECK(a != NULL && has_name(a, "South Korea") &&
	    has_name(a, "Republic of Korea"), "the common name makes the "
	    "slug; the ISO name reads as a phrase");
	CHECK(actor(c, "democratic-republic-of-the-congo") != NULL &&
	    has_name(actor(c, "democratic-republic-of-the-congo"),
	    "Democratic Republic of the Congo"), "an ISO name's comma turned "
	    "round");
	CHECK(actor(c, "falkland-islands") != NULL, "an ISO name's bracket "
	    "left out");

	a = actor(c, "iran");
	CHECK(a != NULL && has_name(a, "Khamenei"), "the configuration's "
	    "iran keeps its names");
	CHECK(has_name(a, "Islamic Republic of Iran"), "and gains the ISO "
	    "ones");
	CHECK(has_name(a, "Iranian*") && has_name(a, "Tehran"), "and the "
	    "country block's");

	a = actor(c, "russia");
	CHECK(a != NULL && has_name(a, "Russian Federation") &&
	    has_name(a, "Moscow"), "a code renames a country");
	CHECK(actor(c, "russian-federation") == NULL, "and the ISO slug is "
	    "not made");

	CHECK(actor(c, "estonia") == NULL, "an actor that lists a country's "
	    "name stands for it");
	CHECK(has_name(actor(c, "baltic-states"), "Tallinn"), "and gets its "
	    "block's names");
	CHECK(has_name(actor(c, "yemen"), "Yemeni*") &&
	    !has_name(actor(c, "yemen"), "Sanaa"), "a name another actor "
	    "lists stays that actor's");
	CHECK(c != NULL && c->n_actors == 9, "one actor per country, none "
	    "twice");
	config_free(c);
}

static void
test_mistakes(void)
{
	struct config *c;

	put_file("iso.json", iso_sample);
	c = load_text("countries = \"missing.json\"\n");
	CHECK(c == NULL && said("test.conf:1: countries") &&
	    said("missing.json\": No such file"), "a missing file: its name "
	    "and why");
	CHECK(said("apt-get install iso-codes"), "and what to do");

	put_file("bad.json", "{\"3166-1\": [ {\"name\": \"X\",} ]}\n");
	c = load_text("\n# the list\ncountries = \"bad.json\"\n");
	CHECK(c == NULL && said("test.conf:3: countries") &&
	    said("bad.json\": line 1:"), "bad JSON: the file and the line");

	put_file("other.json", "{\"3166-2\": []}\n");
	c = load_text("countries = \"other.json\"\n");
	CHECK(c == NULL && said("no \"3166-1\" list"), "JSON of another "
	    "shape is refused");

	c = load_text("countries = \"iso.json\"\n"
	    "country sout-korea { names = {\"Seoul\"} }\n");
	CHECK(c == NULL && said("test.conf:2: country 'sout-korea' is not "
	    "in") && said("did you mean 'south-korea'"), "a misspelt country "
	    "at its line, with a suggestion");

	c = load_text("countries = \"iso.json\"\n"
	    "country russia { code = \"XX\"\n names = {\"Moscow\"} }\n");
	CHECK(c == NULL && said("code XX is not in"), "an unknown code");

	c = load_text("countries = \"iso.json\"\n"
	    "country russia { code = \"ru\"\n names = {\"Moscow\"} }\n");
	CHECK(c == NULL && said("not an ISO 3166-1 alpha-2 code") &&
	    !said("is not in"), "a code in lower case, said once");

	c = load_text("country sudan { names = {\"Sudanese\"} }\n");
	CHECK(c == NULL && said("test.conf:1: country 'sudan'") &&
	    said("add countries = "), "country blocks without countries");

	c = load_text("countries = \"iso.json\"\n"
	    "country sudan { names = {\"Sudanese\"} }\n"
	    "country sudan { names = {\"Khartoum\"} }\n");
	CHECK(c == NULL && said("test.conf:3: country 'sudan' is given "
	    "twice") && !said("is not in"), "a country given twice");
	forget();
}

/* The real list and the shipped table. */
static void
test_iso_codes(void)
{
	struct config *c;
	char text[PATH_MAX + 64];

	if (access(ISO_CODES, R_OK) == -1) {
		printf("# %s is missing: ./bootstrap installs iso-codes\n",
		    ISO_CODES);
		CHECK(0, "iso-codes is installed");
		return;
	}
	snprintf(text, sizeof(text), "include(\"%s/etc/rules/countries.conf\")"
	    "\n", srcdir);
	c = load_text(text);
	CHECK(c != NULL && n_errors == 0, "etc/rules/countries.conf loads "
	    "with iso-codes");
	CHECK(c != NULL && c->n_actors > 240, "every country is an actor");
	CHECK(has_name(actor(c, "sudan"), "Sudanese"), "sudan, with its "
	    "demonym");
	CHECK(has_name(actor(c, "turkey"), "Ankara"), "turkey, renamed");
	CHECK(has_name(actor(c, "uk"), "United Kingdom"), "uk, with its ISO "
	    "name");
	CHECK(actor(c, "south-korea") != NULL && actor(c, "north-korea") !=
	    NULL, "both Koreas");
	config_free(c);

	snprintf(text, sizeof(text), "include(\"%s/etc/rules/default.conf\")\n"
	    "include(\"%s/etc/rules/countries.conf\")\n", srcdir, srcdir);
	c = load_text(text);
	CHECK(c != NULL && n_errors == 0, "with the default pack: no actor "
	    "defined twice");
	config_free(c);
}

int
main(void)
{
	const char *files[] = { "iso.json", "bad.json", "other.json",
	    "test.conf" };
	size_t i;

	if ((srcdir = getenv("top_srcdir")) == NULL)
		srcdir = ".";
	scratch_make("/tmp/brink-countries-test.XXXXXX");

	test_sample();
	test_mistakes();
	test_iso_codes();

	forget();
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		unlink(put_file(files[i], ""));
	rmdir(scratch);
	return check_done();
}
