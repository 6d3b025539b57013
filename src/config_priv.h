/*
 * config_priv.h: what the pieces of the configuration loader share: the
 * types of a load at the bottom, then each file's functions, bottom up
 * (see the list below the types).  Not for other modules: they see only
 * config.h.
 */
#ifndef BRINK_CONFIG_PRIV_H
#define BRINK_CONFIG_PRIV_H

#include <limits.h>
#include <stddef.h>

#include <confuse.h>

#include "config.h"

/* Files bigger than this are refused: a configuration is a few kB. */
#define CONFIG_MAX_FILE		(16 * 1024 * 1024)
/* include() nested deeper than this is refused. */
#define CONFIG_MAX_INCLUDE	8

/* The file names that every file/line in struct config points into. */
struct config_files {
	char	**names;
	size_t	  n;
};

/* A pair of top-level braces in the joined text: where a section opened
 * and closed. */
struct config_span {
	int	open_line;
	int	close_line;
};

/* One file read for this load: the main one or an included one. */
struct config_source {
	const char	*name;		/* as the user wrote it */
	int		 parent;	/* index of the includer; -1 */
};

/* From this line of the joined text on, lines belong to source, starting
 * at source_line. */
struct config_segment {
	int	line;
	int	source;
	int	source_line;
};

/* One message, kept until the load ends so they come out in file order. */
struct config_msg {
	int	 is_error;
	int	 source;	/* index in sources; -1: none */
	int	 line;
	size_t	 seq;		/* order of discovery, to keep sorting stable */
	char	*text;
};

/* Where a value came from: libconfuse keeps no line per value. */
struct config_origin {
	const void	*opt;		/* the cfg_opt_t in its section */
	unsigned	 index;		/* which value of a list */
	int		 line;		/* in the joined text */
	int		 appended;	/* the list began with key += */
};

/* The index of an origin that marks where "key += ..." began a list
 * that then got no value: key += {}. */
#define CONFIG_ORIGIN_START	UINT_MAX

/*
 * libconfuse reads "key += {...}" as "key = {...}" when the key has no
 * values yet, and says nothing of which it was; like (a rule taking
 * another's lists) needs to know.  The joined text says it ahead of
 * each such key, as the assignment CONFIG_APPEND_KEY = key, a key of
 * every section that no file can name by mistake (not "+=": libconfuse
 * reads "=" in a key it looks up as a path to a section).
 */
#define CONFIG_APPEND_KEY	"+"


/* A key libconfuse did not know: added to the schema on the next pass
 * so that the pass can get past it and find the next mistake. */
enum config_stub_kind {
	STUB_VALUE,		/* key = value or key = {list} */
	STUB_TITLED,		/* key NAME { ... } */
	STUB_SECTION		/* key { ... } */
};

struct config_stub {
	char			*parent;	/* section; "root" at the top */
	char			*name;
	enum config_stub_kind	 kind;
};

/* A name a rule or sink refers to, checked once every section is in. */
enum {
	REF_RULE_ACTOR,
	REF_RULE_TARGET,
	REF_SINK_FEED,
	REF_SINK_ACTOR,
	REF_SINK_CATEGORY,
	REF_ACTOR_RIVAL,
	REF_CLASS		/* "@name" in a phrase; name runs to the end
				   of the class name, not of the string */
};

struct config_ref {
	int		 what;
	const char	*name;		/* borrowed from the config */
	int		 line;		/* joined text */
	size_t		 owner;		/* index of the rule or sink */
};

/* The name of a section, noted as it is taken; sorted once all are in
 * to find a name defined twice. */
struct config_name {
	const char	*kind;		/* "feed", ...; a static string */
	char		*name;		/* owned */
	int		 line;		/* joined text */
	size_t		 seq;		/* order of definition */
};

/* The state of one pass over the files. */
struct config_load {
	struct config		*config;
	int			 allow_include;
	int			 incomplete;	/* an include() failed */
	struct config_source	*sources;
	size_t			 n_sources;
	struct config_segment	*segments;
	size_t			 n_segments;
	struct config_span	*spans;
	size_t			 n_spans;
	size_t			 cap_spans;
	size_t			 cap_feeds;	/* room in config->feeds */
	struct config_name	*names;		/* every section's name */
	size_t			 n_names;
	size_t			 cap_names;
	struct config_msg	*msgs;
	size_t			 n_msgs;
	size_t			 n_errors;
	struct config_origin	*origins;
	size_t			 n_origins;
	struct config_ref	*refs;
	size_t			 n_refs;
	/* What stopped libconfuse, if anything. */
	int			 stopped;	/* STOP_* in config.c */
	char			*stop_name;	/* the key it stopped at */
	char			*stop_parent;	/* and its section */
	int			 stop_line;
	const struct config_stub *stubs;
	size_t			 n_stubs;
	struct config_country	*countries;	/* country blocks of the pass */
	size_t			 n_countries;
	struct config_override	*overrides;	/* config_override.c */
	size_t			 n_overrides;
	/* The key of the last "+=" read, until its first value comes,
	 * and whether the key had not been set before in its section
	 * (config.c). */
	const cfg_opt_t		*append_opt;
	int			 append_start;
};

/*
 * The loader, bottom up; each file calls only those above it in this
 * list (and config_value.c, which calls none):
 *
 *	config_alloc.c	struct config and its arrays, made and freed
 *	config_msg.c	messages, and where a line of the joined text is
 *	config_source.c	the files, read, cleaned and joined
 *	config_read.c	one section's values and their lines; the checks
 *			every kind of section shares
 *	config_take_lang.c, config_override.c, config_countries.c
 *	config_feeds.c	a feed's enabled and headers; feeds_opml
 *	config_take.c	one closed section into struct config
 *	config_check.c	what needs the whole configuration: references
 *	config.c	the schema, the callbacks, the passes: config_load
 */

/* config_alloc.c */
struct config *config_new(const char *path);
char	*config_strdup(const char *);
void	*config_grow(void *array, size_t n, size_t size);
void	config_feed_clear(struct config_feed *);
void	config_list_free(struct config_list *);

/* config_msg.c.  source -1 names no file. */
void	config_msg(struct config_load *, int is_error, int source, int line,
	    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* The same at a line of the joined text. */
void	config_msg_at(struct config_load *, int is_error, int line,
	    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void	config_msg_deliver(struct config_load *, config_report_fn *,
	    void *arg);
void	config_source_where(const struct config_load *, int line,
	    int *source, int *source_line);
int	config_span_open(const struct config_load *, int close_line);
void	config_where(struct config_load *, int line, const char **file,
	    int *file_line);

/* config_source.c */
int	config_source_add(struct config_load *, const char *name, int parent);
char	*config_source_join(struct config_load *, const char *name,
	    const char *text, size_t len);

/* One section of the file being taken over into struct config. */
struct config_section {
	struct config_load	*ld;
	cfg_t			*cfg;
	const char		*kind;		/* "feed", ... */
	const char		*title;
	int			 line;		/* where it opens (joined) */
};

/* config_read.c */
void	config_origin_note(struct config_load *, cfg_opt_t *, int line,
	    int appended);
void	config_origin_start(struct config_load *, const cfg_opt_t *,
	    int line);
int	config_origin_started(struct config_load *, const cfg_opt_t *);
int	config_origin_line(struct config_load *, const cfg_opt_t *,
	    unsigned index, int fallback);
void	config_origin_forget(struct config_load *, cfg_t *section);
cfg_opt_t *config_option(struct config_section *, const char *key);
int	config_option_appends(struct config_section *, const char *key);
const char *config_value(struct config_section *, const char *key,
	    int *line);
char	*config_take_string(struct config_section *, const char *key,
	    const char *fallback);
int	config_take_list(struct config_section *, const char *key,
	    struct config_list *, int **lines);
int	config_name_ok(const char *);
void	config_check_name(struct config_section *, const char *what,
	    const char *name);
void	config_check_language(struct config_load *, const char *language,
	    int line);
void	config_defer_refs(struct config_section *, int what,
	    const struct config_list *, int *lines, size_t owner);
int	config_has_feed(const struct config *, const char *name);
ssize_t	config_rule_index(const struct config *, const char *name);

/* config_take.c */
void	config_take_feed(struct config_section *);
void	config_take_actor(struct config_section *);
void	config_take_rule(struct config_section *);
void	config_take_sink(struct config_section *);
void	config_take_globals(struct config_load *, cfg_t *);
void	config_inherit_limits(struct config *);

/* config_take_lang.c: word classes, roles and the keys by which a rule
 * reads clauses (mood, actor_kinds, negated, raise). */
void	config_take_class(struct config_section *);
void	config_take_role(struct config_section *);
int	config_take_kind(struct config_section *, const char *fallback);
void	config_take_rule_clauses(struct config_section *,
	    struct config_rule *);
/* like = "NAME": the keys rule r's section does not set, terms aside,
 * are copied from the rule NAME defined before it. */
void	config_take_rule_like(struct config_section *, struct config_rule *);
void	config_defer_classes(struct config_section *,
	    const struct config_list *, int *lines);
size_t	config_class_ref(const char *word);
void	config_check_classes(struct config_load *);

/* config_check.c: after every section is in, the cross-references. */
void	config_check_all(struct config_load *);
/* Is rival, named at line, a rival actor owner may have (an actor, not
 * itself)?  Says why not, at the line. */
void	config_check_rival(struct config_load *, int line, const char *owner,
	    const char *rival);
void	config_check_twice(struct config_load *);

/* config_countries.c: country blocks are kept until the pass ends, when
 * the countries key's file is read. */
void	config_take_country(struct config_section *);
void	config_countries_load(struct config_load *, cfg_t *);
void	config_countries_free(struct config_load *);
/* config_override.c: override = true in a rule or actor section changes
 * the section of that name (from the rule pack) instead of defining one. */
/* The extra keys of a section kind, NULL-terminated; NULL for none. */
const char *const *config_override_keys(const char *section);
/* Before a rule or actor is taken: 1 if s is an override (noted, not to
 * be taken as a definition). */
int	config_override_take(struct config_section *);
/* Once every section is in and checked: apply the overrides in order. */
void	config_override_apply(struct config_load *);
void	config_override_free(struct config_load *);

/* config_feeds.c: a feed's enabled and headers; feeds_opml. */
void	config_take_feed_extra(struct config_section *, struct config_feed *);
void	config_feeds_opml(struct config_load *, cfg_t *);
void	config_feeds_drop_disabled(struct config *);

/* config.c: the top; config_load_text is the fuzz target's door. */
struct config *config_load_text(const char *name, const char *text,
	    size_t len, config_report_fn *report, void *arg);
void	config_load_free(struct config_load *);

/* config_value.c */
int	config_parse_bool(const char *, int *);
int	config_parse_count(const char *, long max, long *);
int	config_facility_parse(const char *);
const char *config_facility_names(void);
int	config_sink_type_parse(const char *);
const char *config_sink_type_name(enum sink_type);
/* Every sink type's name, n of them, in enum sink_type's order. */
const char *const *config_sink_types(size_t *n);
/* Every sink type for a message, "syslog, file, webhook or
 * alertmanager", or with quoted each name in double quotes; static. */
const char *config_sink_type_list(int quoted);
int	config_format_parse(const char *);
const char *config_format_name(enum sink_format);
int	config_format_fits(enum sink_type, enum sink_format);
const char *config_formats_for(enum sink_type);
const char *config_suggest(const char *word, const char *const *choices,
	    size_t n);
int	config_url_check(const char *url, int allow_file, char *why,
	    size_t len);
int	config_list_has(const struct config_list *, const char *);

#endif
