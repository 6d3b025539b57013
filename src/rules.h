/*
 * rules.h: actors and rules compiled from the configuration, matched
 * against an article's text.  A pure module: no I/O, no logging.
 */
#ifndef BRINK_RULES_H
#define BRINK_RULES_H

#include <stddef.h>

#include "config.h"

struct rules;

/* One rule firing on one sentence. */
struct rule_hit {
	const struct config_rule *rule;	/* borrowed from the configuration */
	char	 *sentence;		/* the sentence as written */
	size_t	  start, end;		/* its byte offsets in the text matched
					   (title, "\n", body) */
	char	**terms;		/* the rule's terms that matched, as written */
	size_t	  n_terms;
	char	**actors;		/* actor names: a config actor's or role's
					   name, an unknown name as written */
	size_t	  n_actors;
	char	**targets;		/* other actors in the sentence */
	size_t	  n_targets;
	const char *category;		/* NULL: the rule's; else its negated
					   category (a denied threat) */
	int	  raise;		/* steps above the rule's severity, from
					   its raise phrases */
	char	**words;		/* the sentence's words its terms' own
					   words matched (not a gap's nor a lone
					   *'s), as written, each once: which
					   act of the rule was told */
	size_t	  n_words;
};

/* The category and severity of a hit (see above). */
const char	*rules_hit_category(const struct rule_hit *);
enum severity	 rules_hit_severity(const struct rule_hit *);

struct rules_result {
	struct rule_hit	*hits;		/* in text order */
	size_t		 n_hits;
};

/*
 * Compile the actors and rules of cfg.  cfg must outlive the result.
 * Returns NULL with the reason in err (e.g. an unknown stemmer language).
 */
struct rules	*rules_compile(const struct config *cfg, char *err, size_t errlen);
void		 rules_free(struct rules *);

/*
 * Match an article: title (may be "") and body (plain text, may be NULL).
 * Fills out (caller frees with rules_result_free, also when it is empty).
 * Returns 0, or -1 when out of memory.  The rules keep a memo of the
 * tokens met (cand_cache.h), so two calls on the same rules must not run
 * at once (brinkd has one thread).
 */
int		 rules_match(const struct rules *, const char *title,
		    const char *body, struct rules_result *out);
void		 rules_result_free(struct rules_result *);

/*
 * As rules_match, and also call explain with one line of text (no final
 * newline) per hit saying why it fired, and per candidate that a negation
 * cue, an exclusion, a missing actor or a missing target cancelled.
 */
typedef void	 rules_explain_fn(void *arg, const char *line);
int		 rules_match_explain(const struct rules *, const char *title,
		    const char *body, struct rules_result *out,
		    rules_explain_fn *explain, void *arg);

#endif
