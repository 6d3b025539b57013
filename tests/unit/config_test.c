/*
 * config_test.c: what a user of brink.conf sees: values read as written,
 * defaults and inheritance as documented, and every mistake reported at
 * its file and line.
 */
#include "autoconf.h"

#include <sys/stat.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>

#include "../check.h"
#include "../../src/config.h"
#include "../../src/config_priv.h"
#include "config_messages.h"

static const char *srcdir;

static struct config *
load_fixture(const char *name)
{
	char path[PATH_MAX];

	forget();
	snprintf(path, sizeof(path), "%s/%s", srcdir, name);
	return config_load(path, collect, NULL);
}

static void
test_values(void)
{
	size_t size = 0;
	double d = 0;

	CHECK(config_parse_duration("90s", &d) == 0 && d == 90, "90s is 90 s");
	CHECK(config_parse_duration("5m", &d) == 0 && d == 300, "5m is 300 s");
	CHECK(config_parse_duration("1.5h", &d) == 0 && d == 5400,
	    "1.5h is 5400 s");
	CHECK(config_parse_duration("2d", &d) == 0 && d == 172800,
	    "2d is two days");
	CHECK(config_parse_duration("300", &d) == 0 && d == 300,
	    "a bare number is seconds");
	CHECK(config_parse_duration("500ms", &d) == 0 && d == 0.5,
	    "500ms is half a second");
	CHECK(config_parse_duration("5 minutes", &d) == -1,
	    "\"5 minutes\" is refused");
	CHECK(config_parse_duration("-5m", &d) == -1, "negative refused");
	CHECK(config_parse_duration("1e3s", &d) == -1, "exponent refused");
	CHECK(config_parse_duration("", &d) == -1, "empty refused");
	CHECK(config_parse_duration("m", &d) == -1, "unit alone refused");
	CHECK(config_parse_duration("99999999999d", &d) == -1,
	    "absurdly long refused");

	CHECK(config_parse_size("512", &size) == 0 && size == 512,
	    "512 is bytes");
	CHECK(config_parse_size("512K", &size) == 0 && size == 512 * 1024,
	    "512K");
	CHECK(config_parse_size("10M", &size) == 0 &&
	    size == 10 * 1024 * 1024, "10M");
	CHECK(config_parse_size("1G", &size) == 0 && size == 1 << 30, "1G");
	CHECK(config_parse_size("10MB", &size) == 0 &&
	    size == 10 * 1024 * 1024, "10MB reads as 10M");
	CHECK(config_parse_size("10X", &size) == -1, "10X refused");
	CHECK(config_parse_size("99999999G", &size) == -1, "too large");

	CHECK_INT(config_severity_parse("high"), SEV_HIGH, "high");
	CHECK_INT(config_severity_parse("critical"), SEV_CRITICAL, "critical");
	CHECK_INT(config_severity_parse("severe"), -1, "severe is unknown");
	CHECK_STR(config_severity_name(SEV_INFO), "info", "info's name");
}

static void
test_minimal(void)
{
	struct config *c = load_fixture("tests/fixtures/config/minimal.conf");

	CHECK(c != NULL, "minimal config loads");
	CHECK_INT(n_msgs, 0, "minimal config: not a word said");
	if (c == NULL)
		return;
	CHECK_INT(c->n_feeds, 1, "one feed");
	CHECK_STR(c->feeds[0].name, "local", "feed name");
	CHECK_STR(c->feeds[0].url, "file:///var/tmp/brink-sample.xml",
	    "file:// URL kept");
	CHECK(c->feeds[0].line == 2 && strstr(c->feeds[0].file,
	    "minimal.conf") != NULL, "feed remembers minimal.conf:2");
	CHECK(c->feeds[0].limits.interval == 300, "interval defaults to 5m");
	CHECK(c->feeds[0].limits.timeout == 60, "timeout defaults to 60s");
	CHECK(c->feeds[0].limits.max_body == 10 * 1024 * 1024,
	    "max_body defaults to 10M");
	CHECK(c->feeds[0].limits.max_items == 1000, "max_items 1000");
	CHECK(c->feeds[0].limits.max_age == 2 * 86400, "max_age 2d");
	CHECK_STR(c->state_dir, "/var/lib/brink", "state_dir default");
	CHECK_STR(c->user_agent, "brinkd/" PACKAGE_VERSION,
	    "user agent names the version");
	CHECK(c->pid_file == NULL && c->ca_file == NULL,
	    "no pid file, system CAs");
	CHECK(c->retention == 30 * 86400 && c->backoff_max == 6 * 3600,
	    "retention 30d, backoff_max 6h");
	CHECK(c->max_transfers == 32 && c->max_per_host == 4 &&
	    c->max_redirects == 5, "transfer limits default");
	CHECK_INT(c->n_actors, 1, "one actor");
	CHECK_INT(c->actors[0].names.n, 2, "two names");
	CHECK_STR(c->actors[0].names.v[1], "Northland's", "apostrophe kept");
	CHECK_INT(c->n_rules, 1, "one rule");
	CHECK_INT(c->rules[0].severity, SEV_MEDIUM, "severity defaults to "
	    "medium");
	CHECK(c->rules[0].actors.n == 1 &&
	    strcmp(c->rules[0].actors.v[0], "*") == 0,
	    "actors defaults to {\"*\"}");
	CHECK_INT(c->rules[0].targets.n, 0, "no targets");
	CHECK_INT(c->rules[0].window, 0, "window 0: same sentence");
	CHECK_INT(c->rules[0].has_negations, 0, "global negations");
	CHECK_STR(c->rules[0].language, "english", "language english");
	CHECK_INT(c->n_sinks, 1, "one sink");
	CHECK_INT(c->sinks[0].type, SINK_FILE, "file sink");
	CHECK_INT(c->sinks[0].format, FORMAT_JSON, "file format json");
	CHECK_INT(c->sinks[0].fsync, 1, "fsync on by default");
	CHECK_INT(c->sinks[0].min_severity, SEV_INFO, "min_severity info");
	config_free(c);
}

static void
test_full(void)
{
	struct config *c = load_fixture("tests/fixtures/config/full.conf");
	const struct config_feed *world, *slow;
	const struct config_sink *sys, *log, *chat;

	CHECK(c != NULL, "full config loads");
	CHECK_INT(n_msgs, 0, "full config: not a word said");
	if (c == NULL)
		return;
	CHECK_STR(c->state_dir, "/srv/brink/state", "state_dir");
	CHECK_STR(c->pid_file, "/run/brink/brinkd.pid", "pid_file");
	CHECK_STR(c->ca_file, "/etc/ssl/certs/ca-certificates.crt", "ca_file");
	CHECK_INT(c->log_level, 3, "log_level debug");
	CHECK(c->limits.interval == 90, "global interval 90s");
	CHECK(c->limits.max_age == 1.5 * 86400, "global max_age 1.5d");
	CHECK(c->retention == 14 * 86400, "retention 14d");
	CHECK(c->backoff_max == 7200, "backoff_max 2h");
	CHECK(c->max_transfers == 8 && c->max_per_host == 2 &&
	    c->max_redirects == 3, "transfer limits");
	CHECK(c->negations.n == 3 && strcmp(c->negations.v[2], "denied") == 0,
	    "global negations");

	world = &c->feeds[0];
	slow = &c->feeds[1];
	CHECK(world->limits.interval == 90 && world->limits.timeout == 45 &&
	    world->limits.connect_timeout == 5 &&
	    world->limits.low_speed_time == 20 &&
	    world->limits.low_speed_limit == 50 &&
	    world->limits.max_body == 2 * 1024 * 1024 &&
	    world->limits.max_items == 300 &&
	    world->limits.max_age == 1.5 * 86400,
	    "a feed inherits every limit from the globals");
	CHECK(slow->limits.interval == 3600 && slow->limits.timeout == 120 &&
	    slow->limits.connect_timeout == 3 &&
	    slow->limits.low_speed_time == 60 &&
	    slow->limits.low_speed_limit == 1024 &&
	    slow->limits.max_body == 512 * 1024 &&
	    slow->limits.max_items == 50 && slow->limits.max_age == 6 * 3600,
	    "a feed's own limits win");

	CHECK_INT(c->rules[0].severity, SEV_CRITICAL, "critical rule");
	CHECK_STR(c->rules[0].actors.v[0], "north", "rule actors");
	CHECK_STR(c->rules[0].targets.v[0], "south", "rule targets");
	CHECK_INT(c->rules[0].window, 12, "window");
	CHECK(c->rules[0].has_negations && c->rules[0].negations.n == 1,
	    "rule's own negations");
	CHECK_STR(c->rules[0].exclude.v[0], "video game", "exclude");
	CHECK_INT(c->rules[1].actors.n, 0, "actors = {} means none needed");
	CHECK_INT(c->rules[1].severity, SEV_LOW, "low rule");

	sys = &c->sinks[0];
	log = &c->sinks[1];
	chat = &c->sinks[2];
	CHECK(sys->type == SINK_SYSLOG && sys->facility == LOG_LOCAL3 &&
	    strcmp(sys->ident, "brink-alerts") == 0 &&
	    sys->min_severity == SEV_HIGH, "syslog sink");
	CHECK(log->type == SINK_FILE && log->format == FORMAT_TEXT &&
	    log->fsync == 0 && strcmp(log->path, "/srv/brink/alerts.txt") == 0,
	    "file sink");
	CHECK(log->categories.n == 1 && log->feeds.n == 1 &&
	    log->actors.n == 1, "file sink filters");
	CHECK(chat->type == SINK_WEBHOOK && chat->format == FORMAT_SLACK,
	    "webhook sink");
	CHECK_STR(chat->url, "https://hooks.example.org/services/"
	    "${env:BRINK_HOOK}", "${env:...} kept for the sink to expand");
	CHECK_STR(chat->headers.v[0], "Authorization: Bearer "
	    "${file:/etc/brink/token}", "${file:...} kept in headers");
	CHECK(chat->timeout == 5 && chat->max_age == 12 * 3600 &&
	    chat->rate_limit == 3 && chat->rate_interval == 600,
	    "webhook limits");
	config_free(c);
}

static void
test_five_mistakes(void)
{
	struct config *c;

	c = load_fixture("tests/fixtures/config/five-mistakes.conf");
	CHECK(c == NULL, "a broken file is refused");
	CHECK_INT(n_errors, 5, "five mistakes, five errors");
	CHECK(said("five-mistakes.conf:4: interval \"5 minutes\""),
	    "bad duration at line 4");
	CHECK(said("five-mistakes.conf:13: severity \"severe\" is unknown"),
	    "unknown severity at line 13");
	CHECK(said("five-mistakes.conf:15: rule 'threat-1' names actor "
	    "\"nort\", which is not defined (did you mean \"north\"?)"),
	    "unknown actor at line 15, with a suggestion");
	CHECK(said("five-mistakes.conf:20: format \"json\" does not fit a "
	    "webhook sink"), "format that does not fit at line 20");
	CHECK(said("five-mistakes.conf:24: sink 'log' writes a file but has "
	    "no path"), "file sink without path at line 24");
	config_free(c);
}

static void
test_include(void)
{
	char here[PATH_MAX];
	struct config *c;

	/* Relative include() starts from the including file, not the
	 * working directory. */
	if (getcwd(here, sizeof(here)) == NULL || chdir("/") == -1)
		exit(99);
	c = load_fixture("tests/fixtures/config/include-main.conf");
	CHECK(c == NULL, "an error in an included file fails the load");
	CHECK_INT(n_errors, 1, "one error");
	CHECK(said("tests/fixtures/config/rules/broken.conf:7: severity "
	    "\"mild\""), "it names the included file and its line");
	if (chdir(here) == -1)
		exit(99);

	put_file("rules.conf", "# the rules\n\nactor a { names = {\"A\"} }\n"
	    "rule r { category = \"threat\"\n terms = {\"x\"}\n"
	    " actors = {\"b\"} }\n");
	c = load_text("feed f { url = \"https://example.org/f\" }\n"
	    "include(\"rules.conf\")\n"
	    "sink s { type = \"file\"\n path = \"/tmp/x\" }\n"
	    "feed g { url = \"ftp://example.org/g\" }\n");
	CHECK(c == NULL, "refused");
	CHECK(said("rules.conf:6: rule 'r' names actor \"b\""),
	    "line in the included file");
	CHECK(said("test.conf:5: feed 'g': url \"ftp://example.org/g\" is not "
	    "usable"), "lines after include() keep their numbers");
	config_free(c);

	c = load_text("include(\"test.conf\")\n");
	CHECK(c == NULL && said("test.conf:1:") && said("would include itself"),
	    "a file including itself is an error, not a loop");
	config_free(c);

	c = load_text("include(\"missing.conf\")\n");
	CHECK(c == NULL && said("test.conf:1: cannot open ") &&
	    said("missing.conf: No such file"), "a missing include is named");
	config_free(c);
}

static void
test_unknown_keys(void)
{
	struct config *c;

	c = load_text("statedir = \"/x\"\n"
	    "feed f {\n"
	    "  urll = \"https://example.org/f\"\n"
	    "  interval = \"5m\"\n"
	    "}\n"
	    "feeds g {\n"
	    "  url = \"https://example.org/g\"\n"
	    "}\n"
	    "rule r { category = \"threat\" terms = {\"x\"} colour = {\"red\","
	    " \"blue\"} }\n"
	    "sink s { type = \"file\" path = \"/tmp/x\" fsync = maybe }\n");
	CHECK(c == NULL, "refused");
	CHECK(said("test.conf:1: unknown key 'statedir' (did you mean "
	    "'state_dir'?)"), "unknown global, with a suggestion");
	CHECK(said("test.conf:3: unknown key 'urll' in feed 'f' (did you mean "
	    "'url'?)"), "unknown key in a feed");
	CHECK(said("test.conf:2: feed 'f' has no url"), "so the feed has none");
	CHECK(said("test.conf:6: unknown section 'feeds' (did you mean "
	    "'feed'?)"), "unknown section");
	CHECK(said("test.conf:9: unknown key 'colour' in rule 'r'; a rule "
	    "takes category,"), "unknown key without a near miss lists keys");
	CHECK(said("test.conf:10: fsync \"maybe\" is not a boolean"),
	    "and the check goes on after all of them");
	CHECK_INT(n_errors, 6, "six errors");
	config_free(c);
}

/*
 * A near miss is within two edits (one for a word of four letters or
 * fewer), and no nearer: the words at either side of the limit, longer
 * and shorter than the key they miss.
 */
static void
test_suggest_limit(void)
{
	struct config *c;

	c = load_text("actor a {\n"
	    "  names = {\"A\"}\n"
	    "  kindxx = \"state\"\n"
	    "  kindxxx = \"state\"\n"
	    "  kin = \"state\"\n"
	    "  ki = \"state\"\n"
	    "  rivalsrivals = {\"b\"}\n"
	    "}\n");
	CHECK(c == NULL, "refused");
	CHECK(said("test.conf:3: unknown key 'kindxx' in actor 'a' (did you "
	    "mean 'kind'?)"), "two letters too many is a near miss");
	CHECK(said("test.conf:4: unknown key 'kindxxx' in actor 'a'; "),
	    "three letters too many is not");
	CHECK(said("test.conf:5: unknown key 'kin' in actor 'a' (did you "
	    "mean 'kind'?)"), "a short word one letter short is a near miss");
	CHECK(said("test.conf:6: unknown key 'ki' in actor 'a'; "),
	    "a short word two letters short is not");
	CHECK(said("test.conf:7: unknown key 'rivalsrivals' in actor 'a'; "),
	    "a long word is no near miss of a short key it starts with");
	config_free(c);
}

static void
test_nesting(void)
{
	struct config *c;

	c = load_text("bogus {\n  inner {\n    x = 1\n  }\n}\n"
	    "actor n { names = {\"A\"}\n  names += {\"B\", \"C\"} }\n"
	    "feed a { url = 'https://a.example/${env:T}' }\n"
	    "feed b { url \"https://b.example/\" }\n");
	CHECK(c == NULL, "refused");
	CHECK(said("test.conf:1: unknown section 'bogus'"),
	    "an unknown section, reported once with what it held");
	CHECK(!said("inner") && !said("'x'"), "not what is inside it");
	CHECK(said("test.conf:9: expected '=' after 'url'"),
	    "a missing '=' after the unknown section is still found");
	CHECK_INT(n_errors, 2, "two errors");
	config_free(c);

	c = load_text("actor n { names = {\"A\"}\n  names += {\"B\", \"C\"} }\n"
	    "feed a { url = 'https://a.example/${env:T}' }\n");
	CHECK(c != NULL && c->actors[0].names.n == 3 &&
	    strcmp(c->actors[0].names.v[2], "C") == 0, "+= adds to a list");
	CHECK(c != NULL && strcmp(c->feeds[0].url,
	    "https://a.example/${env:T}") == 0,
	    "single quotes keep ${...} as written too");
	config_free(c);
}

static void
test_references(void)
{
	struct config *c;
	char quoted[64];
	int i;

	c = load_text("feed f { url = \"https://example.org/f\" }\n"
	    "feed f { url = \"https://example.org/g\" }\n"
	    "actor a { names = {\"A\"} }\n"
	    "actor a { names = {\"A2\"} }\n"
	    "rule r { category = \"threat\" terms = {\"x\"} }\n"
	    "rule r2 { terms = {\"x\"} }\n"
	    "rule r3 { category = \"threat\" }\n"
	    "rule r4 { category = \"threat\" terms = {\"x\"}\n"
	    "  targets = {\"a\", \"zz\"} }\n"
	    "sink s { type = \"webhook\" url = \"https://h.example/x\" }\n"
	    "sink s { type = \"syslog\" }\n"
	    "sink w { type = \"webhook\" }\n"
	    "sink x { type = \"syslog\" feeds = {\"nope\"}\n"
	    " actors = {\"ghost\"} }\n"
	    "sink y { type = \"mail\" }\n"
	    "sink z { type = \"webhook\" url = \"https://h.example/x\" "
	    "format = \"slak\" }\n"
	    "sink v { type = \"syslog\" facility = \"local9\" }\n"
	    "sink u { min_severity = \"high\" }\n");
	CHECK(c == NULL, "refused");
	CHECK(said("test.conf:2: feed 'f' is defined twice: here and at ") &&
	    said("test.conf:1; rename or remove one"),
	    "duplicate feed names both lines");
	CHECK(said("test.conf:4: actor 'a' is defined twice"), "actor twice");
	CHECK(said("test.conf:11: sink 's' is defined twice"), "sink twice");
	CHECK(said("test.conf:6: rule 'r2' has no category"), "no category");
	CHECK(said("test.conf:7: rule 'r3' has no terms"), "no terms");
	CHECK(said("test.conf:9: rule 'r4' names actor \"zz\""),
	    "unknown target on its own line");
	CHECK(said("test.conf:12: sink 'w' is a webhook but has no url"),
	    "webhook without url");
	CHECK(said("test.conf:13: sink 'x' names feed \"nope\""),
	    "sink filter naming an unknown feed");
	CHECK(said("test.conf:14: sink 'x' names actor \"ghost\""),
	    "sink filter naming an unknown actor");
	CHECK(said("test.conf:15: sink type \"mail\" is unknown; use syslog, "
	    "file, webhook or alertmanager"),
	    "unknown sink type lists the valid ones");
	CHECK(said("test.conf:16: format \"slak\" is unknown (did you mean "
	    "\"slack\"?)"), "unknown format");
	CHECK(said("test.conf:17: facility \"local9\" is unknown"),
	    "unknown facility");
	CHECK(said("test.conf:18: sink 'u' has no type; add type = "
	    "\"syslog\", \"file\", \"webhook\" or \"alertmanager\""),
	    "a sink without a type is told every type");
	/* Both lists come from the one table: a type added there is in
	 * each message. */
	for (i = 0; strcmp(config_sink_type_name((enum sink_type)i),
	    "unknown") != 0; i++) {
		snprintf(quoted, sizeof(quoted), "\"%s\"",
		    config_sink_type_name((enum sink_type)i));
		CHECK(strstr(config_sink_type_list(1), quoted) != NULL &&
		    strstr(config_sink_type_list(0),
		    config_sink_type_name((enum sink_type)i)) != NULL,
		    "every sink type is in the lists of the messages");
	}
	CHECK(i > 0, "the sink types are listed");
	config_free(c);
}

/* like = "NAME": a rule takes the keys it does not set from one above. */
static void
test_like(void)
{
	struct config *c;
	const struct config_rule *r;

	c = load_text("actor a { names = {\"A\"} }\n"
	    "rule first { category = \"threat\" severity = \"high\"\n"
	    "  terms = {\"x\"} mood = {\"future\"} actor_kinds = {\"state\"}\n"
	    "  negated = \"calm\" raise = {\"soon\"} exclude = {\"game\"}\n"
	    "  targets = {\"a\"} agent = \"speaker\" opposed_by = {\"foe*\"}\n"
	    "  context = {\"war\"} }\n"
	    "rule second { like = \"first\" terms = {\"y\"}\n"
	    "  severity = \"low\" exclude = {} }\n");
	CHECK(c != NULL, "a rule like another loads");
	if (c == NULL || c->n_rules != 2)
		return;
	r = &c->rules[1];
	CHECK_STR(r->category, "threat", "the category is taken");
	CHECK_INT(r->severity, SEV_LOW, "a key set stays its own");
	CHECK_INT(r->terms.n == 1 && strcmp(r->terms.v[0], "y") == 0, 1,
	    "the terms are its own");
	CHECK_INT(r->mood.n == 1 && strcmp(r->mood.v[0], "future") == 0, 1,
	    "the mood is taken");
	CHECK_INT(r->actor_kinds.n, 1, "the kinds are taken");
	CHECK_STR(r->negated, "calm", "negated is taken");
	CHECK_INT(r->raise.n, 1, "raise is taken");
	CHECK_INT(r->targets.n, 1, "the targets are taken");
	CHECK_INT(r->agent, RULE_AGENT_SPEAKER, "the agent is taken");
	CHECK_INT(r->opposed_by.n == 1 &&
	    strcmp(r->opposed_by.v[0], "foe*") == 0, 1,
	    "opposed_by is taken");
	CHECK_INT(r->context.n == 1 && strcmp(r->context.v[0], "war") == 0,
	    1, "context is taken");
	CHECK_INT(r->exclude.n, 0, "a list set empty stays empty");
	config_free(c);

	c = load_text("rule one { category = \"threat\" terms = {\"x\"}\n"
	    "  agent = \"none\" }\n");
	CHECK(c != NULL && c->n_rules == 1 &&
	    c->rules[0].agent == RULE_AGENT_NONE, "agent = \"none\" loads");
	config_free(c);
	c = load_text("rule one { category = \"threat\" terms = {\"x\"}\n"
	    "  agent = \"owner\" }\n");
	CHECK(c != NULL && c->n_rules == 1 &&
	    c->rules[0].agent == RULE_AGENT_OWNER, "agent = \"owner\" loads");
	config_free(c);
	c = load_text("rule one { category = \"threat\" terms = {\"x\"}\n"
	    "  agent = \"object\" }\n");
	CHECK(c == NULL && said("test.conf:2: agent \"object\" is unknown; "
	    "use \"subject\"") && said("\"owner\" (who owns the term's noun"),
	    "an unknown agent is refused at its line, naming every choice");
	c = load_text("rule one { category = \"threat\" terms = {\"x\"}\n"
	    "  object = \"party\" }\nrule two { like = \"one\" terms = {\"y\"} }\n");
	CHECK(c != NULL && c->n_rules == 2 && c->rules[0].object_party &&
	    c->rules[1].object_party, "object = \"party\" loads, and like "
	    "takes it");
	config_free(c);
	c = load_text("rule one { category = \"threat\" terms = {\"x\"}\n"
	    "  object = \"thing\" }\n");
	CHECK(c == NULL && said("test.conf:2: object \"thing\" is unknown; "
	    "use \"party\""), "an unknown object is refused at its line");
	c = load_text("rule one { category = \"deescalation\" terms = "
	    "{\"x\"}\n  callers = \"parties\" }\n"
	    "rule two { like = \"one\" terms = {\"y\"} }\n");
	CHECK(c != NULL && c->n_rules == 2 && c->rules[0].callers_parties &&
	    c->rules[1].callers_parties, "callers = \"parties\" loads, and "
	    "like takes it");
	config_free(c);
	c = load_text("rule one { category = \"deescalation\" terms = "
	    "{\"x\"}\n  callers = \"bystanders\" }\n");
	CHECK(c == NULL && said("test.conf:2: callers \"bystanders\" is "
	    "unknown; use \"parties\""), "an unknown callers is refused at "
	    "its line");
	c = load_text("rule one { category = \"deescalation\" terms = "
	    "{\"x\"}\n  between = \"rivals\" }\n"
	    "rule two { like = \"one\" terms = {\"y\"} }\n"
	    "rule three { like = \"one\" terms = {\"z\"} between = "
	    "\"any\" }\n");
	CHECK(c != NULL && c->n_rules == 3 && c->rules[0].between_rivals &&
	    c->rules[1].between_rivals && !c->rules[2].between_rivals,
	    "between = \"rivals\" loads, like takes it, \"any\" undoes it");
	config_free(c);
	c = load_text("rule one { category = \"deescalation\" terms = "
	    "{\"x\"}\n  between = \"allies\" }\n");
	CHECK(c == NULL && said("test.conf:2: between \"allies\" is "
	    "unknown; use \"rivals\""), "an unknown between is refused at "
	    "its line");

	/* rivals: actors at war with one another (the rule key context) */
	c = load_text("actor a { names = {\"A\"} rivals = {\"b\"} }\n"
	    "actor b { names = {\"B\"} }\n");
	CHECK(c != NULL && c->n_actors == 2 && c->actors[0].rivals.n == 1 &&
	    strcmp(c->actors[0].rivals.v[0], "b") == 0, "rivals load");
	config_free(c);
	c = load_text("actor a { names = {\"A\"}\n  rivals = {\"bee\"} }\n"
	    "actor bee2 { names = {\"B\"} }\n");
	CHECK(c == NULL && said("test.conf:2: actor 'a' names rival \"bee\", "
	    "which is not an actor (did you mean \"bee2\"?)"),
	    "an unknown rival is refused at its line, with a suggestion");
	c = load_text("actor a { names = {\"A\"} rivals = {\"a\"} }\n");
	CHECK(c == NULL && said("test.conf:1: actor 'a' names itself as a "
	    "rival"), "an actor is no rival of its own");

	c = load_text("rule early { like = \"late\" terms = {\"x\"} }\n"
	    "rule late { category = \"threat\" terms = {\"y\"} }\n");
	CHECK(c == NULL, "a rule like one below it is refused");
	CHECK(said("test.conf:1: rule 'early' is like 'late', but no rule "
	    "'late' comes before it"), "at its line, saying why");
	CHECK(said("test.conf:1: rule 'early' has no category"),
	    "and what it then lacks");
	config_free(c);
}

/* A list of the rule's own, its entries joined with commas. */
static const char *
joined(const struct config_list *list)
{
	static char buf[256];
	size_t i, used = 0;

	buf[0] = '\0';
	for (i = 0; i < list->n && used < sizeof(buf); i++)
		used += (size_t)snprintf(buf + used, sizeof(buf) - used,
		    "%s%s", i ? "," : "", list->v[i]);
	return buf;
}

/* key += {...} after like adds to the list taken; = replaces it. */
static void
test_like_append(void)
{
	struct config *c;

	c = load_text("rule first { category = \"threat\" terms = {\"x\"}\n"
	    "  exclude = {\"game\"} mood = {\"future\"} }\n"
	    "rule extend { like = \"first\" terms = {\"y\"}\n"
	    "  exclude += {\"match\"} }\n"
	    "rule replace { like = \"first\" terms = {\"y\"}\n"
	    "  exclude = {\"match\"} }\n"
	    "rule lines { like = \"first\" terms = {\"y\"} exclude +=\n"
	    "  {\"a\"} mood += {\"past\"} exclude += {\"b\"} }\n"
	    "rule none { like = \"first\" terms = {\"y\"} exclude += {} }\n"
	    "rule reset { like = \"first\" terms = {\"y\"} exclude = {}\n"
	    "  exclude += {\"c\"} }\n"
	    "rule own { category = \"threat\" terms = {\"y\"}\n"
	    "  exclude += {\"d\"} }\n"
	    "rule after { like = \"own\" terms = {\"z\"} exclude = {\"e\"} }\n");
	CHECK(c != NULL && c->n_rules == 8, "rules with += load");
	if (c == NULL || c->n_rules != 8)
		return;
	CHECK_STR(joined(&c->rules[1].exclude), "game,match",
	    "exclude += after like adds to the list taken");
	CHECK_STR(joined(&c->rules[2].exclude), "match",
	    "exclude = after like replaces it");
	CHECK_STR(joined(&c->rules[3].exclude), "game,a,b",
	    "+= across lines, twice, adds both");
	CHECK_STR(joined(&c->rules[3].mood), "future,past",
	    "mood += adds too");
	CHECK_STR(joined(&c->rules[4].exclude), "game",
	    "exclude += {} keeps the list taken");
	CHECK_STR(joined(&c->rules[5].exclude), "c",
	    "exclude = {} then += starts from nothing");
	CHECK_STR(joined(&c->rules[6].exclude), "d",
	    "without like, += is =");
	CHECK_STR(joined(&c->rules[7].exclude), "e",
	    "a rule on the line after a += is not touched by it");
	config_free(c);

	c = load_text("rule first { category = \"threat\" terms = {\"x\"} }\n"
	    "rule second { terms = {\"y\"}\n"
	    "  like += \"first\" }\n"
	    "state_dir += \"/tmp/x\"\n");
	CHECK(c == NULL, "+= on a key of one value is refused");
	CHECK(said("test.conf:3: like takes one value in rule 'second', "
	    "and += adds to a list; write like = \"...\""),
	    "at its file and line, in its rule");
	CHECK(said("test.conf:4: state_dir takes one value, and += adds "
	    "to a list"), "and at the top level");
	config_free(c);

	/* The mark of an empty += ends with its list: a later = is a
	 * second setting, not one more +=. */
	c = load_text("rule first { category = \"threat\" terms = {\"x\"}\n"
	    "  exclude = {\"game\"} }\n"
	    "rule second { like = \"first\" terms = {\"y\"}\n"
	    "  exclude += { }\n"
	    "  exclude = {\"match\"} }\n");
	CHECK(c == NULL, "exclude += {} then exclude = {...} is refused");
	CHECK(said("test.conf:5: exclude is set twice in rule 'second': here "
	    "and at ") && said("test.conf:4; keep one"),
	    "as a key set twice, naming both lines");
	config_free(c);

	c = load_text("rule first { category = \"threat\" terms = {\"x\"}\n"
	    "  exclude = {\"game\"} }\n"
	    "rule second { like = \"first\" terms = {\"y\"}\n"
	    "  exclude += {} # none yet\n  exclude +=\n  {\"match\"} }\n"
	    "rule third { like = \"first\" exclude += {} terms = {\"z\"} }\n"
	    "rule fourth { like = \"first\" terms = {\"w\"}\n"
	    "  exclude = {\"set\"} }\n");
	CHECK(c != NULL && n_errors == 0 && c->n_rules == 4,
	    "+= {} then += loads, a key after += {}, and = in the next rule");
	if (c != NULL && c->n_rules == 4) {
		CHECK_STR(joined(&c->rules[1].exclude), "game,match",
		    "+= {} then += adds to the list taken");
		CHECK_STR(joined(&c->rules[2].exclude), "game",
		    "+= {} keeps it");
		CHECK_STR(joined(&c->rules[2].terms), "z",
		    "the key after it is as written");
		CHECK_STR(joined(&c->rules[3].exclude), "set",
		    "the next rule's = replaces");
	}
	config_free(c);
}

/* mood = {"!demand"}: a "!" refuses a mood; a bad name after it is
 * refused at its line. */
static void
test_mood_refused(void)
{
	struct config *c;

	c = load_text("rule calm { category = \"deescalation\"\n"
	    "  terms = {\"x\"} mood = {\"!demand\", \"!past\",\n"
	    "  \"!reason\"} }\n");
	CHECK(c != NULL, "a refused mood and a refused tense load");
	if (c != NULL && c->n_rules == 1)
		CHECK_INT(c->rules[0].mood.n == 3 &&
		    strcmp(c->rules[0].mood.v[0], "!demand") == 0, 1,
		    "as written");
	config_free(c);
	c = load_text("rule calm { category = \"deescalation\"\n"
	    "  terms = {\"x\"} mood = {\"!hope\"}\n"
	    "  }\n"
	    "rule other { category = \"deescalation\" terms = {\"y\"}\n"
	    "  mood = {\"!\"} }\n");
	CHECK(c == NULL, "an unknown mood after \"!\" is refused");
	CHECK(said("test.conf:2: mood \"!hope\" is unknown"),
	    "at its line, naming it");
	CHECK(said("denied, headline, reason, condition, wish, obligation, "
	    "background, each alone"), "and every mood it could be, reason, "
	    "wish, obligation and background among them");
	CHECK(said("test.conf:5: mood \"!\" is unknown"),
	    "and a \"!\" alone");
	config_free(c);
}

static void
test_urls(void)
{
	struct config *c;

	c = load_text("feed a { url = \"https://\" }\n"
	    "feed b { url = \"https://exa mple.org/\" }\n"
	    "feed c { url = \"file://relative/x.xml\" }\n"
	    "feed d { url = \"gopher://example.org/\" }\n"
	    "feed e { url = \"https://example.org:99999/\" }\n"
	    "feed f { url = \"file:///srv/feeds/x.xml\" }\n"
	    "feed g { url = \"HTTPS://example.org/g\" }\n"
	    "sink s { type = \"webhook\" url = ${env:HOOK} }\n"
	    "sink t { type = \"webhook\" url = \"ftp://h.example/\" }\n");
	CHECK(c == NULL, "refused");
	CHECK(said("test.conf:1: feed 'a': url \"https://\" is not usable: "
	    "No host part"), "no host");
	CHECK(said("test.conf:2: feed 'b'"), "a space in the host");
	CHECK(said("test.conf:3: feed 'c'") && said("needs an absolute path"),
	    "a relative file:// URL");
	CHECK(said("test.conf:4: feed 'd': url \"gopher://example.org/\" is "
	    "not usable: it must start with http:// or https://"),
	    "another scheme");
	CHECK(said("test.conf:5: feed 'e'"), "a port out of range");
	CHECK(!said("feed 'f'") && !said("feed 'g'"), "file:///abs and an "
	    "upper-case scheme are fine");
	CHECK(said("test.conf:8: a value with ${...} must be in double "
	    "quotes"), "an unquoted ${...} is refused (libconfuse would "
	    "expand it)");
	CHECK(said("test.conf:9: sink 't': url is not usable: it must start "
	    "with http:// or https://"), "a webhook is http or https");
	CHECK_INT(n_errors, 7, "seven errors");
	config_free(c);

	c = load_text("feed a {\n  url = https://example.org/a\n}\n");
	CHECK(c == NULL && said("test.conf:2: a URL must be in double quotes: "
	    "// starts a comment"), "an unquoted URL is explained");
	config_free(c);
}

static void
test_twice_and_bytes(void)
{
	struct config *c;

	c = load_text("feed f {\n  url = \"https://example.org/a\"\n"
	    "  url = \"https://example.org/b\"\n}\n"
	    "state_dir = \"/tmp/a\"\nstate_dir = \"/tmp/b\"\n"
	    "actor a { names = {\"A\"}\n names += {\"B\"} }\n");
	CHECK(c == NULL, "a key set twice is refused");
	CHECK(said("test.conf:3: url is set twice in feed 'f': here and at "
	    "") && said("test.conf:2; keep one"),
	    "a key twice in a section names both lines");
	CHECK(said("test.conf:6: state_dir is set twice: here and at ") &&
	    said("test.conf:5; keep one"), "a global twice names both lines");
	CHECK_INT(n_errors, 2, "+= adds to a list: not a second setting");
	config_free(c);

	c = load_text("feed f { url = \"https://example.org/a\" }\n"
	    "actor a {\n  names = {\"Caf\xe9\"}\n}\n");
	CHECK(c == NULL && said("test.conf:3: byte 0xE9 is not UTF-8"),
	    "a Latin-1 name is refused at its line");
	config_free(c);

	c = load_text("feed f { url = \"https://example.org/a\" }\n"
	    "actor a { names = {\"Caf\xc3\xa9\"} }\n");
	CHECK(c != NULL && n_errors == 0, "the same name in UTF-8 loads");
	config_free(c);

	c = load_text("rule all {\n  category = \"threat\"\n"
	    "  terms = {\"vow*\", \"*\"}\n  actors = {}\n}\n"
	    "rule some {\n  category = \"threat\"\n  terms = {\"*\"}\n}\n");
	CHECK(c == NULL && said("test.conf:3: rule 'all': the term \"*\" "
	    "matches every word and the rule names no actors"),
	    "a lone * without actors is refused");
	CHECK_INT(n_errors, 1, "a lone * with actors (the default) is not");
	config_free(c);
}

static void
test_warnings(void)
{
	struct config *c;

	c = load_text("actor a { names = {\"A\"} }\n"
	    "rule r { category = \"threat\" severity = \"low\"\n"
	    "  terms = {\"x\"} }\n"
	    "sink s { type = \"syslog\" min_severity = \"high\" }\n"
	    "sink t { type = \"syslog\" path = \"/x\" }\n");
	CHECK(c != NULL, "warnings do not fail the load");
	CHECK_INT(n_errors, 0, "no errors");
	CHECK(said("test.conf:1: warning: no feed is defined"), "no feeds");
	CHECK(said("test.conf:4: warning: sink 's' can match nothing"),
	    "a sink no rule reaches");
	CHECK(said("test.conf:5: warning: path has no effect on a syslog "
	    "sink"), "a key that does nothing");
	config_free(c);
}

static void
test_syntax(void)
{
	struct config *c;

	/* libconfuse 3.3 miscounts lines after comments: not here. */
	c = load_text("# one\n// two\n/* three\n four */\n"
	    "feed f { url = \"https://example.org/f\" # five\n"
	    "  interval = \"often\"\n}\n");
	CHECK(said("test.conf:6: interval \"often\""),
	    "comments do not shift line numbers");
	config_free(c);

	c = load_text("feed f {\n  url = \"https://example.org/f\"\n"
	    "  interval = = \"5m\"\n}\n");
	CHECK(c == NULL && said("test.conf:3: syntax error at '='"),
	    "syntax error with its line");
	config_free(c);

	c = load_text("feed f {\n  url = \"https://example.org/f\n}\n");
	CHECK(c == NULL && said("test.conf:2: this string has no closing "
	    "double quote"), "an unterminated string names where it starts");
	config_free(c);

	c = load_text("feed f {\n  url = \"https://example.org/f\"\n");
	CHECK(c == NULL && said("a '}' is missing"), "a missing brace");
	config_free(c);

	c = load_text("feed {\n  url = \"https://example.org/f\"\n}\n");
	CHECK(c == NULL && said("test.conf:1: a feed needs a name"),
	    "a section without a name");
	config_free(c);

	c = load_text("feed f {\n  url = {\"https://a.example/\", "
	    "\"https://b.example/\"}\n}\n");
	CHECK(c == NULL && said("test.conf:2: url takes one value, not a "
	    "list"), "a list where one value goes");
	config_free(c);

	c = load_text("");
	CHECK(c != NULL && said("no feed is defined"), "an empty file loads, "
	    "with warnings");
	config_free(c);

	forget();
	c = config_load("/nonexistent/brink.conf", collect, NULL);
	CHECK(c == NULL && said("cannot open /nonexistent/brink.conf: No such "
	    "file or directory"), "a missing file is named");
	config_free(c);
}

static void
test_example(void)
{
	struct config *c = load_fixture("etc/brink.conf");

	CHECK(c != NULL, "etc/brink.conf loads");
	CHECK_INT(n_msgs, 0, "etc/brink.conf: not a word said");
	CHECK(c != NULL && c->n_feeds > 0 && c->n_actors >= 2 &&
	    c->n_rules >= 3 && c->n_sinks > 0,
	    "it has feeds, actors, rules (through include) and sinks");
	config_free(c);

	/* The pack stands alone too: a configuration may include it
	 * without countries.conf, so nothing in it (a rival, a target)
	 * may name an actor only countries.conf makes. */
	c = load_fixture("etc/rules/default.conf");
	CHECK(c != NULL, "etc/rules/default.conf loads alone (warned only "
	    "that it has no feed and no sink)");
	config_free(c);
}

int
main(void)
{
	if ((srcdir = getenv("top_srcdir")) == NULL)
		srcdir = ".";
	scratch_make("/tmp/brink-config-test.XXXXXX");

	test_values();
	test_minimal();
	test_full();
	test_five_mistakes();
	test_include();
	test_unknown_keys();
	test_suggest_limit();
	test_nesting();
	test_references();
	test_like();
	test_like_append();
	test_mood_refused();
	test_urls();
	test_twice_and_bytes();
	test_warnings();
	test_syntax();
	test_example();

	forget();
	unlink(put_file("rules.conf", ""));
	unlink(put_file("test.conf", ""));
	rmdir(scratch);
	return check_done();
}
