/*
 * config.h: brink's configuration, as loaded and checked by config.c from a
 * libconfuse file.  Everything here is owned by the struct config and lives
 * until config_free(); other modules borrow pointers into it.
 *
 * (autoconf's own header is autoconf.h, so that this one can be config.h.)
 *
 * Durations are seconds as double ("90s", "5m", "1h", "2d" in the file);
 * sizes are bytes ("512K", "10M", "1G").
 */
#ifndef BRINK_CONFIG_H
#define BRINK_CONFIG_H

#include <stddef.h>

enum severity {
	SEV_INFO,
	SEV_LOW,
	SEV_MEDIUM,
	SEV_HIGH,
	SEV_CRITICAL
};

enum sink_type {
	SINK_SYSLOG,
	SINK_FILE,
	SINK_WEBHOOK,
	SINK_ALERTMANAGER	/* POST /api/v2/alerts (sink_alertmanager.c) */
};

/* Which alerts of a story a sink gets (brink.conf(5), "stories"). */
enum sink_stories {
	STORIES_DEFAULT,	/* all; updates for a webhook */
	STORIES_FIRST,		/* the first alert of each story only */
	STORIES_UPDATES,	/* the first, then one per story_update, or
				   sooner when the severity rises */
	STORIES_ALL		/* every alert */
};

enum sink_format {
	FORMAT_JSON,		/* file: one alert record per line */
	FORMAT_TEXT,		/* file: a human line and the quoted sentence */
	FORMAT_GENERIC,		/* webhook: the alert record as the body */
	FORMAT_SLACK,		/* webhook: Slack, Block Kit */
	FORMAT_DISCORD,
	FORMAT_TEAMS,		/* Microsoft Teams workflow, Adaptive Card */
	FORMAT_NTFY,
	FORMAT_MATTERMOST	/* webhook: Mattermost, Rocket.Chat */
};

/* A list of strings from the file, e.g. names = {"Iran", "Tehran"}. */
struct config_list {
	char	**v;
	size_t	  n;
};

/* Limits of one fetch; globals give the defaults, a feed may override. */
struct config_limits {
	double	 interval;		/* poll every; default 5m */
	double	 connect_timeout;	/* default 10s */
	double	 timeout;		/* whole transfer; default 60s */
	double	 low_speed_time;	/* abort below low_speed_limit for this long; 30s, 0 off */
	long	 low_speed_limit;	/* bytes/s; default 100, 0 off */
	size_t	 max_body;		/* decompressed bytes; default 10M */
	size_t	 max_items;		/* items kept per fetch; default 1000 */
	double	 max_age;		/* first poll: older items are seen, not alerted; 2d */
};

struct config_feed {
	char			*name;
	char			*url;
	struct config_limits	 limits;
	const char		*file;	/* where it was defined, for messages */
	int			 line;
	int			 enabled;	/* enabled = false: not polled
						   (dropped once loaded) */
	struct config_list	 headers;	/* "Name: value", sent with
						   each fetch */
};

struct config_actor {
	char			*name;
	char			*display;	/* "Iran" for chat; NULL: name */
	struct config_list	 names;	/* aliases as phrases, "*" ends a prefix */
	int			 kind;	/* enum actor_kind (actor.h); default state */
	struct config_list	 rivals;	/* actors it is in conflict with:
						   their talks are peace talks */
	const char		*file;
	int			 line;
};

/* A role noun: a generic actor of a kind ("army", "militants"). */
struct config_role {
	char			*name;
	struct config_list	 names;	/* phrases, "*" ends a prefix */
	int			 kind;	/* enum actor_kind (actor.h) */
	const char		*file;
	int			 line;
};

/* A word class, used as @name inside phrases. */
struct config_class {
	char			*name;
	struct config_list	 words;	/* phrases; may use other classes */
	char			*language;	/* NULL: english */
	int			 synonyms;	/* its words are one word
						   to stories (story.h) */
	const char		*file;
	int			 line;
};

struct config_rule {
	char			*name;
	char			*category;	/* threat, retaliation, deescalation, ... */
	enum severity		 severity;	/* default medium */
	struct config_list	 terms;		/* phrases; "*" ends a prefix */
	struct config_list	 actors;	/* actor names; "*" any; empty: none needed.
						   default {"*"} */
	struct config_list	 targets;	/* if not empty, one of these must be a target */
	int			 window;	/* max tokens term..actor; 0: same sentence */
	struct config_list	 negations;	/* cues that cancel a term; see has_negations */
	int			 has_negations;	/* 0: use the global negations */
	struct config_list	 exclude;	/* phrases that veto the sentence */
	struct config_list	 context;	/* if not empty, the article must
						   hold one of these phrases */
	struct config_list	 mood;		/* tense/mood names the term's verb
						   group must have; empty: any */
	struct config_list	 actor_kinds;	/* kinds the acting actor must have;
						   empty: any */
	char			*negated;	/* NULL or "drop": a negated term is
						   dropped; else its category */
	struct config_list	 raise;		/* phrases that raise the severity */
	struct config_list	 opposed_by;	/* verbs of opposition: a term they
						   govern is dropped */
	enum rule_agent {
		RULE_AGENT_SUBJECT,	/* the subject acts (the default) */
		RULE_AGENT_SPEAKER,	/* the speaker acts, the subject is
					   a target */
		RULE_AGENT_NONE,	/* no one is named acting: every
					   party named is a target */
		RULE_AGENT_OWNER	/* the owner of the term's noun
					   acts ("the Russian threat"),
					   never the clause's subject */
	}			 agent;
	int			 object_party;	/* object = "party": a named
						   party must follow the term,
						   its object */
	int			 callers_parties; /* callers = "parties": a
						   bystander's call for the
						   term is none */
	int			 between_rivals; /* between = "rivals": the
						   one acting and another
						   party the hit names must
						   be rivals */
	char			*language;	/* Snowball stemmer name; default "english" */
	const char		*file;
	int			 line;
};

struct config_sink {
	char			*name;
	enum sink_type		 type;
	/* Filters: an alert goes to the sink only if it passes all of them. */
	enum severity		 min_severity;	/* default info */
	struct config_list	 categories;	/* empty: any */
	struct config_list	 feeds;		/* empty: any */
	struct config_list	 actors;	/* empty: any */
	/* syslog */
	char			*ident;		/* default "brinkd" */
	int			 facility;	/* LOG_DAEMON by default; "local0".. */
	/* file */
	char			*path;
	int			 fsync;		/* fsync after every alert; default true */
	/* file and webhook */
	enum sink_format	 format;	/* file: json; webhook: generic */
	/* webhook and alertmanager; url and header values may hold
	 * ${env:NAME} or ${file:PATH}, expanded when the sink opens, never
	 * logged */
	char			*url;
	struct config_list	 headers;	/* "Name: value" */
	double			 timeout;	/* per post; default 10s */
	double			 max_age;	/* drop a spooled alert after; 24h */
	int			 rate_limit;	/* messages per rate_interval; 0: no limit; 10 */
	double			 rate_interval;	/* default 1m */
	enum sink_stories	 stories;	/* which alerts of a story; default
						   all, webhooks updates */
	const char		*file;
	int			 line;
};

struct config {
	char			*path;		/* the main file */
	char			*state_dir;	/* default /var/lib/brink */
	char			*pid_file;	/* NULL: none */
	char			*user_agent;	/* default "brinkd/VERSION" */
	char			*ca_file;	/* NULL: the system's */
	char			*metrics_listen; /* "127.0.0.1:9464"; NULL: off */
	int			 log_level;	/* enum log_level; default info */
	struct config_limits	 limits;	/* defaults for every feed */
	double			 retention;	/* keep seen items gone from a feed; 30d */
	double			 backoff_max;	/* ceiling for failure backoff; 6h */
	int			 max_transfers;	/* at once, in all; default 32 */
	int			 max_per_host;	/* at once, per host; default 4 */
	int			 max_redirects;	/* default 5; 0 follows none */
	struct config_list	 negations;	/* global negation cues; empty: rules' built-in */
	double			 story_window;	/* an alert joins a story first
						   seen this long ago; 48h */
	double			 story_retention; /* stories kept; 30d */
	double			 story_update;	/* a sink's updates of one story
						   at most this often; 1h */
	double			 story_similarity; /* statements' overlap to be one
						   story, 0..1; 0.3 */
	double			 story_overlap;	/* share of the shorter statement's
						   stems that joins reports with
						   an actor in common; 0.6, 0 off */
	double			 trend_factor;	/* a pair's last 24 h over its
						   baseline that raises a trend; 3 */
	double			 trend_floor;	/* the least baseline, in
						   weight a day; 3 */
	struct config_feed	*feeds;
	size_t			 n_feeds;
	struct config_actor	*actors;
	size_t			 n_actors;
	struct config_role	*roles;
	size_t			 n_roles;
	struct config_class	*classes;
	size_t			 n_classes;
	struct config_rule	*rules;
	size_t			 n_rules;
	struct config_sink	*sinks;
	size_t			 n_sinks;
	struct config_files	*files;		/* file names that file/line point into */
};

/*
 * Called once per problem, with a message "FILE:LINE: text" ready to
 * print.  is_error is 0 for a warning (the configuration still loads).
 */
typedef void config_report_fn(void *arg, int is_error, const char *msg);

/*
 * Load path (and what it includes) and check it whole: every problem is
 * reported, not only the first.  Returns the configuration (caller frees
 * with config_free) or NULL when there was at least one error.
 */
struct config	*config_load(const char *path, config_report_fn *report, void *arg);
void		 config_free(struct config *);
/* The index of the actor called name in c->actors, or -1. */
long		 config_actor_index(const struct config *, const char *name);

/* "info".."critical" -> enum severity; -1 if unknown. */
int		 config_severity_parse(const char *name);
const char	*config_severity_name(enum severity);
/*
 * A name of a rule's mood list -> 0 to 3 for the tenses "none", "past",
 * "present", "future" (enum clause_tense's order), 4 + N for bit N of
 * clause_verb.mood: "modal", "ability", "intent", "threat",
 * "conditional", "demand", "denied", "headline", "reason", "condition",
 * "demand-of-other", "wish", "obligation", "background" (bits 10 and 11,
 * the guesses, and 13, a belief, have no name).  -1 if unknown.
 */
int		 config_mood_parse(const char *name);
/* "90s", "5m", "1.5h", "2d", "300" (seconds) -> 0, or -1 if malformed. */
int		 config_parse_duration(const char *text, double *seconds);
/* "512", "64K", "10M", "1G" -> 0, or -1 if malformed or too large. */
int		 config_parse_size(const char *text, size_t *bytes);

#endif
