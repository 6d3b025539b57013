/*
 * webhook_format_test.c: every webhook format has its service's
 * documented shape, field by field, and hostile article text stays
 * inside it.
 */
#include "autoconf.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>

#include "../check.h"
#include "alert_sample.h"
#include "webhook_format.h"
#include "webhook_text.h"

#define ARROW	"\xe2\x86\x92"

static json_t *
format(enum sink_format f, const json_t *alert, const char *topic)
{
	char err[256], *body;
	json_t *j;

	body = webhook_format_alert(f, alert, topic, NULL, err, sizeof(err));
	if (body == NULL) {
		printf("# format error: %s\n", err);
		return json_null();
	}
	j = json_loads(body, 0, NULL);
	free(body);
	return j != NULL ? j : json_null();
}

/* The value at "a.b.0.c": objects by key, arrays by index. */
static const json_t *
at(const json_t *j, const char *path)
{
	char key[64];
	size_t len;

	while (*path != '\0' && j != NULL) {
		len = strcspn(path, ".");
		snprintf(key, sizeof(key), "%.*s", (int)len, path);
		if (json_is_array(j))
			j = json_array_get(j, strtoul(key, NULL, 10));
		else
			j = json_object_get(j, key);
		path += len + (path[len] == '.');
	}
	return j;
}

/* The string at path, or "(not a string)". */
static const char *
str(const json_t *j, const char *path)
{
	const char *s = json_string_value(at(j, path));

	return s != NULL ? s : "(not a string)";
}

static int
has(const char *s, const char *part)
{
	return strstr(s, part) != NULL;
}

static void
test_slack(const json_t *a)
{
	json_t *j = format(FORMAT_SLACK, a, NULL);
	const json_t *att;

	CHECK(has(str(j, "text"), "HIGH") &&
	    has(str(j, "text"), "retaliation") &&
	    has(str(j, "text"), "northland " ARROW " southland") &&
	    has(str(j, "text"), SAMPLE_TITLE),
	    "slack: text (for notifications) says severity, category, who, "
	    "title");
	CHECK_STR(str(j, "blocks.0.type"), "section", "slack: Block Kit");
	CHECK_STR(str(j, "blocks.0.text.type"), "mrkdwn",
	    "slack: the headline in mrkdwn");
	CHECK(has(str(j, "blocks.0.text.text"), "*HIGH* retaliation: "
	    "northland " ARROW " southland"),
	    "slack: the headline with the severity in *bold*");
	CHECK_STR(str(j, "blocks.1.text.text"), "*<" SAMPLE_LINK "|"
	    SAMPLE_TITLE ">*\n> " SAMPLE_SENTENCE,
	    "slack: the title as a link, the sentence quoted");
	CHECK_INT(json_array_size(at(j, "attachments")), 1,
	    "slack: one attachment, for the colour");
	att = at(j, "attachments.0");
	CHECK_STR(str(att, "color"), "#d9302c", "slack: colour of high");
	CHECK(at(att, "title") == NULL && at(att, "fields") == NULL &&
	    at(att, "text") == NULL, "slack: no legacy attachment fields");
	CHECK_STR(str(att, "blocks.0.fields.0.text"), "*Severity*\nhigh",
	    "slack: field severity");
	CHECK_STR(str(att, "blocks.0.fields.1.text"), "*Category*\n"
	    "retaliation", "slack: field category");
	CHECK_STR(str(att, "blocks.0.fields.2.text"), "*Who*\nnorthland "
	    ARROW " southland", "slack: field who");
	CHECK_STR(str(att, "blocks.0.fields.3.text"), "*Feed*\nworld-desk",
	    "slack: field feed");
	CHECK_STR(str(att, "blocks.1.type"), "context", "slack: a context");
	CHECK(has(str(att, "blocks.1.elements.0.text"),
	    "2026-11-23 06:00:00 UTC"), "slack: the time in the context");
	json_decref(j);
}

/* Actors by their display names in every chat format; the generic
 * record keeps the names rules use. */
static void
test_display_names(const json_t *a)
{
	json_t *names = json_pack("{s:s,s:s}", "northland", "Northland",
	    "southland", "the Southern Republic"), *j;
	char err[256], *body;
	size_t k;
	static const char *const who = "Northland " ARROW
	    " the Southern Republic";

	body = webhook_format_alert(FORMAT_SLACK, a, NULL, names, err,
	    sizeof(err));
	j = json_loads(body, 0, NULL);
	free(body);
	CHECK(has(str(j, "blocks.0.text.text"), who) &&
	    has(str(j, "text"), who),
	    "slack: the headline names actors by display name");
	CHECK_STR(str(j, "attachments.0.blocks.0.fields.2.text"),
	    "*Who*\nNorthland " ARROW " the Southern Republic",
	    "slack: the who field too");
	json_decref(j);
	for (k = 0; k < 5; k++) {
		static const enum sink_format f[] = {
			FORMAT_MATTERMOST, FORMAT_DISCORD, FORMAT_TEAMS,
			FORMAT_NTFY, FORMAT_SLACK
		};

		body = webhook_format_alert(f[k], a, "t", names, err,
		    sizeof(err));
		CHECK(body != NULL && has(body, who) &&
		    !has(body, "northland " ARROW),
		    "every chat format shows display names");
		free(body);
	}
	body = webhook_format_alert(FORMAT_GENERIC, a, NULL, names, err,
	    sizeof(err));
	j = json_loads(body, 0, NULL);
	free(body);
	CHECK_STR(str(j, "actors.0"), "northland",
	    "generic: the record keeps the actor's name");
	json_decref(j);
	json_decref(names);
}

static void
test_mattermost(const json_t *a)
{
	json_t *j = format(FORMAT_MATTERMOST, a, NULL);
	struct tm tm = { .tm_year = 126, .tm_mon = 10, .tm_mday = 23,
	    .tm_hour = 6 };

	CHECK(has(str(j, "text"), "HIGH") &&
	    has(str(j, "text"), "retaliation") &&
	    has(str(j, "text"), "northland " ARROW " southland"),
	    "mattermost: text says severity, category, who threatened whom");
	CHECK_INT(json_array_size(at(j, "attachments")), 1,
	    "mattermost: one attachment");
	CHECK_STR(str(j, "attachments.0.color"), "#d9302c",
	    "mattermost: colour of high");
	CHECK_STR(str(j, "attachments.0.title"), SAMPLE_TITLE,
	    "mattermost: title");
	CHECK_STR(str(j, "attachments.0.title_link"), SAMPLE_LINK,
	    "mattermost: title links the article");
	CHECK_STR(str(j, "attachments.0.text"), "> " SAMPLE_SENTENCE,
	    "mattermost: the sentence, quoted");
	CHECK(has(str(j, "attachments.0.fallback"), SAMPLE_TITLE),
	    "mattermost: fallback for notifications");
	CHECK_STR(str(j, "attachments.0.fields.0.title"), "Severity",
	    "mattermost: field severity");
	CHECK_STR(str(j, "attachments.0.fields.0.value"), "high",
	    "mattermost: field severity value");
	CHECK_STR(str(j, "attachments.0.fields.1.value"), "retaliation",
	    "mattermost: field category");
	CHECK_STR(str(j, "attachments.0.fields.2.title"), "Who",
	    "mattermost: field who");
	CHECK_STR(str(j, "attachments.0.fields.2.value"),
	    "northland " ARROW " southland", "mattermost: who value");
	CHECK_STR(str(j, "attachments.0.fields.3.value"), "world-desk",
	    "mattermost: field feed");
	CHECK(json_is_true(at(j, "attachments.0.fields.0.short")),
	    "mattermost: short fields");
	CHECK(has(str(j, "attachments.0.footer"), "2026-11-23 06:00:00 UTC"),
	    "mattermost: time in the footer");
	CHECK_INT(json_integer_value(at(j, "attachments.0.ts")), timegm(&tm),
	    "mattermost: ts is the alert time");
	CHECK_STR(str(j, "attachments.0.mrkdwn_in.0"), "text",
	    "mattermost: markdown in the text");
	json_decref(j);
}

static void
test_discord(const json_t *a)
{
	json_t *j = format(FORMAT_DISCORD, a, NULL);

	CHECK(has(str(j, "content"), "**HIGH**") &&
	    has(str(j, "content"), "northland " ARROW " southland"),
	    "discord: content says severity and who");
	CHECK(json_is_array(at(j, "allowed_mentions.parse")) &&
	    json_array_size(at(j, "allowed_mentions.parse")) == 0,
	    "discord: mentions disabled");
	CHECK_INT(json_array_size(at(j, "embeds")), 1, "discord: one embed");
	CHECK_STR(str(j, "embeds.0.title"), SAMPLE_TITLE, "discord: title");
	CHECK_STR(str(j, "embeds.0.url"), SAMPLE_LINK,
	    "discord: title links the article");
	CHECK(has(str(j, "embeds.0.description"), "> Northland\\'s") ||
	    has(str(j, "embeds.0.description"), "> Northland's"),
	    "discord: sentence quoted");
	CHECK_INT(json_integer_value(at(j, "embeds.0.color")), 0xd9302c,
	    "discord: colour as an integer");
	CHECK_STR(str(j, "embeds.0.timestamp"), "2026-11-23T06:00:00Z",
	    "discord: ISO 8601 timestamp");
	CHECK_STR(str(j, "embeds.0.fields.0.name"), "Severity",
	    "discord: field name");
	CHECK_STR(str(j, "embeds.0.fields.2.value"),
	    "northland " ARROW " southland", "discord: who field");
	CHECK_STR(str(j, "embeds.0.fields.3.value"), "world-desk",
	    "discord: feed field");
	CHECK(json_is_true(at(j, "embeds.0.fields.0.inline")),
	    "discord: inline fields");
	CHECK(has(str(j, "embeds.0.footer.text"), "0123456789abcdef"),
	    "discord: footer carries the alert id");
	json_decref(j);
}

static void
test_teams(const json_t *a)
{
	json_t *j = format(FORMAT_TEAMS, a, NULL);
	const json_t *body, *facts;
	char want[512];

	CHECK_STR(str(j, "type"), "message", "teams: a message");
	CHECK_STR(str(j, "attachments.0.contentType"),
	    "application/vnd.microsoft.card.adaptive",
	    "teams: an Adaptive Card attachment");
	CHECK(json_is_null(at(j, "attachments.0.contentUrl")),
	    "teams: contentUrl null");
	CHECK_STR(str(j, "attachments.0.content.type"), "AdaptiveCard",
	    "teams: card type");
	CHECK_STR(str(j, "attachments.0.content.version"), "1.4",
	    "teams: card version");
	CHECK_STR(str(j, "attachments.0.content.$schema"),
	    "http://adaptivecards.io/schemas/adaptive-card.json",
	    "teams: card schema");
	body = at(j, "attachments.0.content.body");
	CHECK_STR(str(body, "0.type"), "TextBlock", "teams: text blocks");
	CHECK(has(str(body, "0.text"), "HIGH") &&
	    has(str(body, "0.text"), "retaliation"),
	    "teams: severity and category");
	CHECK_STR(str(body, "0.color"), "Attention", "teams: colour");
	CHECK_STR(str(body, "1.text"), "northland " ARROW " southland",
	    "teams: who threatened whom");
	snprintf(want, sizeof(want), "[%s](%s)", SAMPLE_TITLE, SAMPLE_LINK);
	CHECK_STR(str(body, "2.text"), want, "teams: title as a link");
	CHECK(has(str(body, "3.text"), SAMPLE_SENTENCE),
	    "teams: the sentence");
	CHECK_STR(str(body, "4.type"), "FactSet", "teams: facts");
	facts = at(body, "4.facts");
	CHECK_STR(str(facts, "0.title"), "Feed", "teams: feed fact");
	CHECK_STR(str(facts, "0.value"), "world-desk", "teams: feed value");
	CHECK_STR(str(facts, "1.value"), "2026-11-23 06:00:00 UTC",
	    "teams: time fact");
	CHECK(json_is_true(at(body, "0.wrap")), "teams: text wraps");
	CHECK_STR(str(j, "attachments.0.content.actions.0.type"),
	    "Action.OpenUrl", "teams: open-url action");
	CHECK_STR(str(j, "attachments.0.content.actions.0.url"), SAMPLE_LINK,
	    "teams: action opens the article");
	json_decref(j);
}

static void
test_ntfy(const json_t *a)
{
	json_t *j = format(FORMAT_NTFY, a, "crisis-desk");

	CHECK_STR(str(j, "topic"), "crisis-desk", "ntfy: topic");
	CHECK_STR(str(j, "title"), "HIGH retaliation: northland " ARROW
	    " southland", "ntfy: title says severity, category, who");
	CHECK(has(str(j, "message"), SAMPLE_TITLE) &&
	    has(str(j, "message"), SAMPLE_SENTENCE) &&
	    has(str(j, "message"), "world-desk") &&
	    has(str(j, "message"), "2026-11-23 06:00:00 UTC"),
	    "ntfy: message has title, sentence, feed and time");
	CHECK_INT(json_integer_value(at(j, "priority")), 4,
	    "ntfy: high is priority 4");
	CHECK_STR(str(j, "tags.0"), "red_circle", "ntfy: emoji tag");
	CHECK_STR(str(j, "tags.1"), "retaliation", "ntfy: category tag");
	CHECK_STR(str(j, "click"), SAMPLE_LINK, "ntfy: tap opens the article");
	CHECK_STR(str(j, "actions.0.action"), "view", "ntfy: view action");
	CHECK_STR(str(j, "actions.0.url"), SAMPLE_LINK, "ntfy: action url");
	json_decref(j);

}

static void
test_generic(const json_t *a)
{
	json_t *j = format(FORMAT_GENERIC, a, NULL);

	CHECK(json_equal(j, (json_t *)a), "generic: the alert record itself");
	json_decref(j);
}

static void
test_severities(void)
{
	static const char *const sev[] = {
		"info", "low", "medium", "high", "critical"
	};
	static const int prio[] = { 1, 2, 3, 4, 5 };
	json_t *a, *j;
	size_t i;

	for (i = 0; i < 5; i++) {
		a = sample_alert("1111222233334444", sev[i], NULL);
		j = format(FORMAT_NTFY, a, "t");
		CHECK_INT(json_integer_value(json_object_get(j, "priority")),
		    prio[i], "ntfy: priority follows severity");
		json_decref(j);
		json_decref(a);
	}
}

/* Article text is untrusted: cut to the service's limits, no line
 * breaks in titles, no mentions. */
static void
test_hostile(void)
{
	char title[1200];
	json_t *a, *j;

	memset(title, 'x', sizeof(title) - 1);
	title[sizeof(title) - 1] = '\0';
	memcpy(title, "@everyone\nline [two](http://evil.example)", 41);
	a = sample_alert("5555666677778888", "critical", title);
	j = format(FORMAT_DISCORD, a, NULL);
	CHECK(strlen(str(j, "embeds.0.title")) <= 256,
	    "discord: title within 256");
	CHECK(strchr(str(j, "embeds.0.title"), '\n') == NULL,
	    "discord: no line break in the title");
	CHECK(json_array_size(at(j, "allowed_mentions.parse")) == 0,
	    "discord: @everyone cannot ping");
	json_decref(j);
	j = format(FORMAT_TEAMS, a, NULL);
	CHECK(!has(str(j, "attachments.0.content.body.2.text"),
	    "[two](http://evil"), "teams: title cannot smuggle a link");
	json_decref(j);
	{
		char sentence[6001];
		size_t total;

		memset(sentence, '*', sizeof(sentence) - 1);
		sentence[sizeof(sentence) - 1] = '\0';
		json_object_set_new(json_array_get(json_object_get(a, "hits"),
		    0), "sentence", json_string(sentence));
		j = format(FORMAT_DISCORD, a, NULL);
		total = strlen(str(j, "embeds.0.title")) +
		    strlen(str(j, "embeds.0.description")) +
		    strlen(str(j, "embeds.0.footer.text"));
		for (size_t i = 0; i < 4; i++) {
			char path[64];

			snprintf(path, sizeof(path), "embeds.0.fields.%zu.value",
			    i);
			total += strlen(str(j, path)) + 8;
		}
		CHECK(strlen(str(j, "embeds.0.description")) <= 4096,
		    "discord: an escaped long sentence fits a description");
		CHECK(total <= 6000, "discord: the embed stays within 6000");
		json_decref(j);
	}
	json_decref(a);
}


/* 1 if some string anywhere in j contains needle. */
static int
any_has(const json_t *j, const char *needle)
{
	const char *key;
	json_t *v;
	size_t i;

	if (json_is_string(j))
		return strstr(json_string_value(j), needle) != NULL;
	if (json_is_array(j)) {
		json_array_foreach(j, i, v)
			if (any_has(v, needle))
				return 1;
	} else if (json_is_object(j)) {
		json_object_foreach((json_t *)j, key, v)
			if (strstr(key, needle) != NULL || any_has(v, needle))
				return 1;
	}
	return 0;
}

/* 1 if some string value in j is s. */
static int
any_has_equal(const json_t *j, const char *s)
{
	const char *key;
	json_t *v;
	size_t i;

	if (json_is_string(j))
		return strcmp(json_string_value(j), s) == 0;
	if (json_is_array(j)) {
		json_array_foreach(j, i, v)
			if (any_has_equal(v, s))
				return 1;
	} else if (json_is_object(j)) {
		json_object_foreach((json_t *)j, key, v)
			if (any_has_equal(v, s))
				return 1;
	}
	return 0;
}

static json_t *
with_link(const char *link)
{
	json_t *a = sample_alert("1212121212121212", "high", NULL);

	json_object_set_new(json_object_get(a, "item"), "link",
	    json_string(link));
	return a;
}

static const enum sink_format all_formats[] = {
	FORMAT_SLACK, FORMAT_MATTERMOST, FORMAT_DISCORD, FORMAT_TEAMS,
	FORMAT_NTFY, FORMAT_GENERIC
};
static const char *const all_names[] = {
	"slack", "mattermost", "discord", "teams", "ntfy", "generic"
};
#define N_FORMATS	(sizeof(all_formats) / sizeof(all_formats[0]))

/* Item 10: a link that cannot be sent is left out, the alert is not. */
static void
test_links(void)
{
	static const char *const bad[] = {
		"javascript:alert(1)", "JavaScript:alert(1)",
		"data:text/html,<b>x</b>", "file:///etc/passwd",
		"mailto:desk@news.example", "http://", "https://exa mple.org/",
		"//news.example/no-scheme"
	};
	char why[256], msg[512], *s, longlink[2100];
	json_t *a, *j;
	size_t i, k;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		s = webhook_text_link(bad[i], why, sizeof(why));
		snprintf(msg, sizeof(msg), "%s: refused with a reason (%s)",
		    bad[i], why);
		CHECK(s == NULL && *why != '\0', msg);
		free(s);
		a = with_link(bad[i]);
		for (k = 0; k < N_FORMATS; k++) {
			j = format(all_formats[k], a, "t");
			snprintf(msg, sizeof(msg), "%s, %s: sent, with its title "
			    "and without the link", all_names[k], bad[i]);
			/* "http://" is also the start of Teams' $schema. */
			CHECK(json_is_object(j) && any_has(j, "Northland vows") &&
			    (strcmp(bad[i], "http://") == 0 ?
			    !any_has_equal(j, bad[i]) : !any_has(j, bad[i])) &&
			    !any_has(j, "javascript") &&
			    !any_has(j, "JavaScript"), msg);
			json_decref(j);
		}
		j = format(FORMAT_GENERIC, a, NULL);
		CHECK(json_is_null(at(j, "item.link")),
		    "generic: the record's unusable link is null");
		json_decref(j);
		j = format(FORMAT_DISCORD, a, NULL);
		CHECK(at(j, "embeds.0.url") == NULL,
		    "discord: no embed url (Discord answers 400 to a bad one)");
		json_decref(j);
		json_decref(a);
	}
	s = webhook_text_link("", why, sizeof(why));
	CHECK(s == NULL && *why == '\0', "no link: nothing to say");
	s = webhook_text_link("javascript:alert(1)", why, sizeof(why));
	CHECK(strstr(why, "only http and https") != NULL,
	    "javascript: is refused as not http(s)");

	/* What can be mended is mended, the same in every format. */
	a = with_link("https://news.example/world/a b|c>d");
	for (k = 0; k < N_FORMATS; k++) {
		j = format(all_formats[k], a, "t");
		snprintf(msg, sizeof(msg), "%s: a space and | > percent-encoded",
		    all_names[k]);
		CHECK(any_has(j, "https://news.example/world/a%20b%7Cc%3Ed") &&
		    !any_has(j, "a b|c"), msg);
		json_decref(j);
	}
	j = format(FORMAT_MATTERMOST, a, NULL);
	CHECK_STR(str(j, "attachments.0.title_link"),
	    "https://news.example/world/a%20b%7Cc%3Ed",
	    "mattermost: title_link");
	json_decref(j);
	j = format(FORMAT_SLACK, a, NULL);
	CHECK(has(str(j, "blocks.1.text.text"),
	    "*<https://news.example/world/a%20b%7Cc%3Ed|"),
	    "slack: the link of the title");
	json_decref(j);
	json_decref(a);
	s = webhook_text_link(SAMPLE_LINK, why, sizeof(why));
	CHECK_STR(s, SAMPLE_LINK, "a good link is kept as it is");
	free(s);

	/* libidn2 reads the host only under a UTF-8 locale: without one
	 * the link is left out with a reason, never sent as it is. */
	s = webhook_text_link("https://b\xc3\xbc" "cher.example/neu", why,
	    sizeof(why));
	CHECK(s == NULL ? strstr(why, "punycode") != NULL :
	    strcmp(s, "https://xn--bcher-kva.example/neu") == 0,
	    "an international host: punycode or left out, in the C locale");
	free(s);
	if ((curl_version_info(CURLVERSION_NOW)->features & CURL_VERSION_IDN)
	    && setlocale(LC_CTYPE, "C.UTF-8") != NULL) {
		s = webhook_text_link("https://b\xc3\xbc" "cher.example/neu",
		    why, sizeof(why));
		CHECK_STR(s, "https://xn--bcher-kva.example/neu",
		    "an international host in punycode (UTF-8 locale)");
		free(s);
		setlocale(LC_CTYPE, "C");
	}

	memcpy(longlink, "https://news.example/", 21);
	memset(longlink + 21, 'a', sizeof(longlink) - 22);
	longlink[sizeof(longlink) - 1] = '\0';
	s = webhook_text_link(longlink, why, sizeof(why));
	CHECK(s == NULL && strstr(why, "longer than") != NULL,
	    "a link over 2000 bytes is left out");
	free(s);
}

/* Item 11: article text cannot ping, link or bolden its way out. */
static void
test_markup(void)
{
	json_t *a, *j;
	const json_t *text;
	int k;

	a = sample_alert("3434343434343434", "critical",
	    "@channel <!here> and @all: read [this](https://evil.example) "
	    "or <https://evil.example|this>");
	json_object_set_new(json_array_get(json_object_get(a, "hits"), 0),
	    "sentence", json_string("@here Northland vowed revenge, see "
	    "[proof](javascript:alert(1)) and <!channel>"));

	for (k = 0; k < 2; k++) {
		j = format(k == 0 ? FORMAT_SLACK : FORMAT_MATTERMOST, a, NULL);
		CHECK(!any_has(j, "@channel") && !any_has(j, "@here") &&
		    !any_has(j, "@all"),
		    "slack/mattermost: no @channel, @here or @all anywhere");
		CHECK(!any_has(j, "<!"),
		    "slack/mattermost: no <!...> anywhere");
		CHECK(!any_has(j, "<https://evil"),
		    "slack/mattermost: no <url|text> link from the article");
		CHECK(!any_has(j, "](https://evil") &&
		    !any_has(j, "](javascript"),
		    "slack/mattermost: no markdown link from the article");
		CHECK(any_has(j, "read [") &&
		    any_has(j, "Northland vowed revenge"),
		    "slack/mattermost: the text still reads as written");
		if (k == 1)
			CHECK(has(str(j, "text"), "**CRITICAL**"),
			    "mattermost: the severity in **bold** in \"text\"");
		else {
			text = at(j, "blocks.0.text");
			CHECK_STR(str(text, "type"), "mrkdwn",
			    "slack: a mrkdwn section");
			CHECK(has(str(text, "text"), "*CRITICAL*") &&
			    !has(str(text, "text"), "**"),
			    "slack: the severity in *bold* (Slack's) in the "
			    "block");
		}
		json_decref(j);
	}

	j = format(FORMAT_TEAMS, a, NULL);
	CHECK(!any_has(j, "](https://evil") && !any_has(j, "](javascript"),
	    "teams: no markdown link from the title or the sentence");
	CHECK(has(str(j, "attachments.0.content.body.2.text"),
	    "(" SAMPLE_LINK ")") || has(str(j,
	    "attachments.0.content.body.2.text"), "news.example"),
	    "teams: the article's own link is there");
	json_decref(j);

	j = format(FORMAT_DISCORD, a, NULL);
	CHECK(!any_has(j, "](https://evil") && !any_has(j, "](javascript"),
	    "discord: no markdown link from the sentence");
	json_decref(j);
	json_decref(a);
}

static void
test_digest(void)
{
	json_t *alerts[30], *j;
	char err[256], *body, id[17], title[64];
	size_t i;

	for (i = 0; i < 30; i++) {
		snprintf(id, sizeof(id), "%016zx", i);
		snprintf(title, sizeof(title), "Held alert number %zu", i);
		alerts[i] = sample_alert(id, i == 7 ? "critical" : "medium",
		    title);
	}
	body = webhook_format_digest(FORMAT_SLACK, alerts, 30, "chat", NULL,
	    err, sizeof(err));
	j = json_loads(body, 0, NULL);
	CHECK(has(str(j, "text"), "30 alerts held"), "digest: how many");
	CHECK(has(str(j, "attachments.0.blocks.0.text.text"),
	    "Held alert number 0") && has(str(j,
	    "attachments.0.blocks.0.text.text"), "Held alert number 24"),
	    "digest: lists titles");
	CHECK(has(str(j, "attachments.0.blocks.0.text.text"), "and 5 more"),
	    "digest: says how many more");
	CHECK_STR(str(j, "attachments.0.color"), "#8b0000",
	    "digest: colour of the worst");
	json_decref(j);
	free(body);
	body = webhook_format_digest(FORMAT_MATTERMOST, alerts, 30, "chat",
	    NULL, err, sizeof(err));
	j = json_loads(body, 0, NULL);
	CHECK(has(str(j, "attachments.0.text"), "Held alert number 24") &&
	    has(str(j, "attachments.0.text"), "and 5 more"),
	    "mattermost digest: lists titles, says how many more");
	json_decref(j);
	free(body);
	body = webhook_format_digest(FORMAT_GENERIC, alerts, 30, "chat", NULL,
	    err, sizeof(err));
	j = json_loads(body, 0, NULL);
	CHECK_STR(str(j, "type"), "digest", "generic digest: type");
	CHECK_INT(json_integer_value(at(j, "held")), 30, "generic: held");
	CHECK_INT(json_array_size(at(j, "alerts")), 30,
	    "generic digest: every record");
	json_decref(j);
	free(body);
	for (i = 0; i < 3; i++) {
		static const enum sink_format f[] = {
			FORMAT_DISCORD, FORMAT_TEAMS, FORMAT_NTFY
		};
		body = webhook_format_digest(f[i], alerts, 30, "chat", "t",
		    err, sizeof(err));
		j = body != NULL ? json_loads(body, 0, NULL) : NULL;
		CHECK(j != NULL && has(body, "30 alerts held") &&
		    has(body, "Held alert number 3"),
		    "digest in discord, teams, ntfy");
		json_decref(j);
		free(body);
	}
	for (i = 0; i < 30; i++)
		json_decref(alerts[i]);
}

/* A story's update says how many articles from which feeds. */
static void
test_story_update(void)
{
	json_t *a = sample_alert("0123456789abcdef", "high", NULL), *j;

	json_object_set_new(a, "story", json_pack("{s:s, s:s, s:i, s:[s,s],"
	    " s:b}", "id", "5555", "first_seen", "2026-11-23T05:00:00Z",
	    "articles", 7, "feeds", "world-desk", "wire", "first", 0));
	j = format(FORMAT_MATTERMOST, a, NULL);
	CHECK_STR(str(j, "attachments.0.fields.3.value"), "world-desk "
	    "\xc2\xb7 update: 7 articles from world-desk, wire",
	    "mattermost: an update says how many articles from which feeds");
	json_decref(j);
	j = format(FORMAT_SLACK, a, NULL);
	CHECK_STR(str(j, "attachments.0.blocks.0.fields.3.text"),
	    "*Feed*\nworld-desk \xc2\xb7 update: 7 articles from world-desk, "
	    "wire", "slack: an update says how many articles from which feeds");
	json_decref(j);
	json_object_set_new(json_object_get(a, "story"), "first",
	    json_true());
	j = format(FORMAT_NTFY, a, "alerts");
	CHECK(!has(str(j, "message"), "update"),
	    "ntfy: a story's first alert is no update");
	json_decref(j);
	json_decref(a);
}

int
main(void)
{
	json_t *a = sample_alert("0123456789abcdef", "high", NULL);
	char err[256];

	test_slack(a);
	test_mattermost(a);
	test_display_names(a);
	test_discord(a);
	test_teams(a);
	test_ntfy(a);
	test_generic(a);
	test_severities();
	test_hostile();
	test_links();
	test_markup();
	test_digest();
	test_story_update();
	CHECK(webhook_format_alert(FORMAT_JSON, a, NULL, NULL, err,
	    sizeof(err)) == NULL, "a file format is refused");
	json_decref(a);
	return check_done();
}
