/*
 * rules_priv.h: what rules.c (compiling), rules_trie.c (the trie and the
 * word classes) and the files of matching share: the types at the
 * bottom, and the functions each file of matching offers those above
 * it (listed bottom up below).  Not a contract: only those include it.
 */
#ifndef BRINK_RULES_PRIV_H
#define BRINK_RULES_PRIV_H

#include <stddef.h>
#include <stdint.h>

#include "actor.h"
#include "cand_cache.h"
#include "clause.h"
#include "rules.h"
#include "text.h"

#define RULES_WILDCARD	0	/* word id of a lone "*" */
/* "..." is 0 to 3 words, "...N" 0 to N words (N up to GAP_MAX); the gap
 * of N words has word id GAP - N, and a node knows which it has. */
#define RULES_GAP	UINT32_MAX
#define RULES_GAP_DEFAULT 3
#define RULES_GAP_MAX	12
#define RULES_MAX_SPAN	63	/* tokens one occurrence may cover */
/* In an occurrence's literal bits, past the span: a hyphened pair was
 * read as one word on the way (rules_scan.c), which makes a word of a
 * rule, never a name (RULES_OCC_NAME). */
#define RULES_LIT_JOINED (UINT64_C(1) << 63)
#define RULES_MAX_SENTENCE 256	/* tokens judged or scanned at once: a
				   longer sentence is cut in parts
				   (rules_match.c says why) */
#define RULES_MAX_LANGS	8
#define RULES_NEG_REACH	8	/* tokens from a cue's end to the term */
#define RULES_PLACE_REACH 2	/* words from a term's end to a place that
				   is its target ("hit anywhere in") */
#define RULES_MAX_DEPTH	32	/* words in one phrase */
#define RULES_MAX_CANDS	64	/* word ids one token may stand for */
#define RULES_MAX_KEY	600	/* bytes of a word id's key */
#define RULES_MAX_NEST	16	/* classes inside classes */
#define RULES_MAX_PATHS	4096	/* paths one phrase may expand into */

enum rules_kind {
	PAT_TERM,
	PAT_ACTOR,
	PAT_NEG,
	PAT_EXCL,
	PAT_ROLE,		/* a role noun; owner is the role */
	PAT_RAISE,		/* a phrase that raises a rule's severity */
	PAT_OPPOSED,		/* a verb by which a party opposes a term */
	PAT_CONTEXT		/* a phrase the article must hold */
};

/* What a token may be to the phrases (bits of rules_run.starts). */
#define RULES_START	0x1	/* the first word of a phrase */
#define RULES_ANCHOR	0x2	/* the anchor of a term (rules_filter.c) */
#define RULES_JOINED	0x4	/* it and the next token, hyphened, stand
				   for word ids of their own (rules_scan.c) */
#define RULES_NEEDED	0x8	/* a word a term needs beside its anchor
				   (rules_filter.c) */
#define RULES_CONTEXT	0x10	/* the first word of a context phrase
				   (rules_context.c) */
#define RULES_BOUND	0x20	/* a hyphen binds it to a negating prefix
				   ("escalation" in "de-escalation") */

#define RULES_SHARED	SIZE_MAX	/* owner of the shared negation cues */

struct rules_pat {
	enum rules_kind	 kind;
	size_t		 owner;		/* rule or actor index, or SHARED */
	int		 lang;
	const char	*text;		/* as written, borrowed */
};

struct rules_node {
	int32_t		 out;		/* first of its outputs, or -1 */
	uint32_t	 gaps;		/* bit N: it has a gap of N words */
	uint64_t	 words;		/* bit w % 64: it may have an edge
					   for word id w (rules_edge_find) */
};

struct rules_out {
	uint32_t	 pat;
	int32_t		 next;
};

struct rules_strslot {
	char		*key;		/* NULL: empty */
	size_t		 len;
	uint64_t	 hash;
	uint32_t	 id;
};

struct rules_edgeslot {
	uint64_t	 key;		/* 0: empty */
	uint32_t	 child;
};

struct rules {
	const struct config	 *cfg;
	struct text_stemmer	 *stem[RULES_MAX_LANGS];
	const char		 *lang_name[RULES_MAX_LANGS];
	int			  n_langs;
	int			 *rule_lang;	/* per rule */
	int			 *rule_any_actor;
	int			 *rule_any_target;
	size_t			**rule_actor_ids;	/* per rule, sorted list */
	size_t			 *rule_n_actor_ids;
	size_t			**rule_target_ids;
	size_t			 *rule_n_target_ids;

	struct rules_pat	 *pats;
	size_t			  n_pats, cap_pats;
	struct rules_node	 *nodes;
	size_t			  n_nodes, cap_nodes;
	struct rules_out	 *outs;
	size_t			  n_outs, cap_outs;
	struct rules_strslot	 *words;	/* word id by key */
	size_t			  words_cap, n_words;
	struct rules_edgeslot	 *edges;	/* child by (node, word id) */
	size_t			  edges_cap, n_edges;
	size_t			  max_prefix;	/* bytes of the longest prefix */
	uint64_t		  prefix_lens;	/* bit N: a prefix of N bytes
						   (63: of 63 or more) */
	int			  has_caps;
	int			  has_exact;	/* a word in its exact form
						   ("=aide") */

	/* While the phrases are added: the word ids of each word of a
	 * phrase as written (rules_word_ids), and room for them. */
	struct memo		 *phrase_words;
	uint32_t		 *word_ids;
	size_t			  word_ids_cap;

	/* Word classes: a token whose id is a single-word member of a
	 * class also stands for the class's id (rules_token_cands). */
	uint32_t		 *class_id;	/* per class */
	int			 *class_single;	/* has single-word members */
	unsigned char		**member_single; /* per class, per member:
						   one word of one token
						   (rules_member_single) */
	uint32_t		 *class_off;	/* word id w: class_of[off[w]..
						   off[w + 1]) */
	uint32_t		 *class_of;
	size_t			  n_class_map;	/* word ids with an entry + 1 */

	/* The keys by which a rule reads clauses (rules_clause.c). */
	const struct clause_lang *clause_lang[RULES_MAX_LANGS];
	int			 *rule_clauses;	/* mood, actor_kinds or negated */
	unsigned		 *rule_tenses;	/* bit per enum clause_tense */
	unsigned		 *rule_moods;	/* CLAUSE_* bits */
	unsigned		 *rule_not_tenses; /* "!past": tenses refused */
	unsigned		 *rule_not_moods; /* "!demand": CLAUSE_* bits
					   refused */
	unsigned		 *rule_kinds;	/* bit per enum actor_kind */

	/* What a sentence must hold to hold a rule's term (rules_filter.c).
	 * Each path of a term through the trie needs its literal words (not
	 * wildcards, not gaps): path p the word ids req_words[req_start[p]
	 * .. req_start[p + 1]), the first of them its anchor.  anchor[w]:
	 * RULES_ANCHOR if w anchors a path, RULES_NEEDED if a path needs it
	 * past its anchor (a path of one word, its anchor).  The paths w
	 * anchors, by their second word (their anchor again if they have
	 * one word), which is asked before a path is walked: the words
	 * anchor_next[anchor_off[w] .. anchor_off[w + 1]), and for the j-th
	 * of those the paths by_anchor[next_off[j] .. next_off[j + 1]).
	 * anchor_all: a term is all wildcards, so every sentence may hold
	 * one.  stamp[w] is the last sentence seen holding w, a needed
	 * word, stamp[n_anchor] the count of sentences: scratch, as
	 * cand_cache is. */
	unsigned char		 *anchor;
	size_t			  n_anchor;
	int			  anchor_all;
	uint32_t		 *req_start, *req_words;
	uint32_t		 *anchor_off, *anchor_next, *next_off;
	uint32_t		 *by_anchor;
	uint32_t		 *stamp;

	/* Rivals by actor (rules_context.c).  rival_linked[a]: actor a
	 * names rivals or is named one.  rivals_by_index: every rival
	 * named is an actor, and only a mention of an actor bears its
	 * name (no role shares it, and none has the capital that an
	 * unknown proper name, reported as written, would), so two of a
	 * hit's parties are rivals only if two actors it names are. */
	unsigned char		 *rival_linked;
	int			  rivals_by_index;
	/* context_first[w]: a context phrase may begin with word id w;
	 * context_all: with any token (a gap at the root). */
	unsigned char		 *context_first;
	int			  context_all;

	/* The word ids of tokens met before (rules_scan.c): filled while
	 * matching, the one part of the rules that a match changes. */
	struct cand_cache	 *cand_cache;
};

/* A phrase found in the text: tokens [start, end). */
struct rules_occ {
	uint32_t	 pat;
	size_t		 start, end;
	uint64_t	 literal;	/* bit k: token start+k is one of the
					   phrase's own words, not a gap's */
};

/* Is occurrence o a name of the kind given (PAT_ACTOR or PAT_ROLE), as
 * written: not one read through a hyphened pair closed up
 * ("Israeli-Palestinian" names two parties, not "israeli*" once)? */
#define RULES_OCC_NAME(r, o, k) \
	((r)->pats[(o)->pat].kind == (k) && \
	!((o)->literal & RULES_LIT_JOINED))

struct rules_mention {
	size_t		 actor;
	size_t		 start, end;
};

/* Everything one call of rules_match works with. */
struct rules_run {
	const struct rules	*r;
	const char		*text;
	struct text_doc		 doc;
	uint32_t		*cands;		/* word ids, per token */
	size_t			*cand_off;	/* token i: cands[off[i]..off[i+1]) */
	unsigned char		*starts;	/* per token: RULES_START,
						   RULES_ANCHOR, RULES_JOINED,
						   RULES_NEEDED, RULES_BOUND */
	int			 bound;		/* a token has RULES_BOUND */
	uint32_t		*join_cands;	/* word ids of hyphened pairs */
	size_t			*join_off;	/* pair i (tokens i, i + 1):
						   join_cands[off[i]..
						   off[i+1]), where
						   RULES_JOINED marks i */
	struct rules_occ	*occs;
	size_t			 n_occs, cap_occs;
	struct rules_mention	*mentions;
	int			*allowed;	/* per mention, for one rule */
	size_t			 n_mentions;
	struct rules_result	*out;
	size_t			 cap_hits;
	rules_explain_fn	*explain;
	void			*arg;
	size_t			 title_end;	/* bytes of the title */
	size_t			 judged;	/* the sentence being judged */
	unsigned char		*context;	/* per rule: whether its context
						   phrases stand near the
						   sentence being judged
						   (rules_context.c); NULL
						   until one is asked */
	unsigned char		**context_at;	/* per rule, per sentence:
						   whether that sentence holds
						   one; NULL until asked */

	/* The clause analysis of the sentence being judged, made when a
	 * rule first needs it (rules_clause.c). */
	const struct text_sentence *cs_sentence;	/* NULL: none yet */
	int			 cs_lang;
	struct clause_sentence	 cs;
	struct actor_mention	*am;		/* n_am of the sentence, then
						   the carried one (below) */
	size_t			 n_am;

	/* Who a pronoun of the sentence may stand for when the sentence
	 * names no one: the agent of an earlier sentence of the article
	 * ("Rebels seized the town.  They threatened to ..."), looked
	 * for once per sentence, when a rule needs it. */
	int			 carry_state;	/* 0: not looked for, 1: none,
						   2: am[n_am] */
	/* The agents of the last two sentences analysed, so that the
	 * sentence before is rarely analysed twice. */
	struct rules_seen {
		size_t			 first;	/* its first token */
		int			 state;	/* 0: empty, 1: no agent,
						   2: agent */
		struct actor_mention	 agent;
	}			 seen[2];
};

/* rules_trie.c */
long	 rules_word_find(const struct rules *, const char *key, size_t len);
long	 rules_word_add(struct rules *, const char *key, size_t len);
long	 rules_edge_lookup(const struct rules *, uint32_t node,
	    uint32_t word);
size_t	 rules_key(char *buf, size_t cap, char tag, int lang, const char *s,
	    size_t n);
long	 rules_node_new(struct rules *);
int	 rules_lang(struct rules *, const char *name);
int	 rules_add_phrase(struct rules *, enum rules_kind, size_t owner,
	    int lang, const char *text, char *err, size_t errlen);
/* The child of node by word id, or -1.  A walk asks most nodes for
 * words they have no edge for (a node past a phrase's first word has a
 * few): the node's bits say so first, without a call or a probe of the
 * table of edges. */
static inline long
rules_edge_find(const struct rules *r, uint32_t node, uint32_t word)
{
	if (!((r->nodes[node].words >> (word & 63)) & 1))
		return -1;
	return rules_edge_lookup(r, node, word);
}
/* How a word of a phrase meets a token: on its stem ("threaten"), as a
 * prefix ("retaliat*") or in its exact form ("=aide", not "aid"). */
enum rules_form { RULES_STEM, RULES_PREFIX, RULES_EXACT };
enum rules_form rules_word_form(const char *word, size_t len);
size_t	 rules_token_key(struct rules *, enum rules_kind, int lang,
	    const struct text_token *, enum rules_form, char *key,
	    size_t cap);
int	 rules_member_single(const char *member);
char	*rules_member_join(const char *member, const char *rest);
long	 rules_class_index(const struct config *, const char *name,
	    size_t n);

/* The files of matching, bottom up: each uses only those above it in
 * this list (and rules_trie.c).
 *
 * rules_scan.c: the phrases of a text */
int	 rules_scan_cands(struct rules_run *);
int	 rules_scan(struct rules_run *, size_t first, size_t end);
/* The same, of the phrases that begin in a token marked mark (a bit of
 * run->starts): those are the only phrases a walk from it finds. */
int	 rules_scan_marked(struct rules_run *, size_t first, size_t end,
	    int mark);

/* rules_context.c: the context a rule asks for.  rules_context_scan
 * looks for rule ri's context phrases near the sentence being judged
 * (run->judged): in the title, that sentence or the one before or after
 * it (0, or -1 out of memory); rules_context_met says whether a hit
 * stands in the context (1: the rule has none, a phrase of it stands
 * there, or the hit names two rivals; 0: not). */
int	 rules_context_scan(struct rules_run *, size_t ri);
int	 rules_context_met(const struct rules_run *, const struct rule_hit *);
/* rival_linked and rivals_by_index of the compiled rules: 0, or -1 out
 * of memory.  rules_free frees them. */
int	 rules_between_build(struct rules *);
/* context_first and context_all of the compiled rules: 0, or -1 out of
 * memory.  rules_free frees them. */
int	 rules_context_build(struct rules *);
/* Whether actors a and b are rivals, said on either side: 1 or 0. */
int	 rules_rivals(const struct config *, long a, long b);
/* Is a call in a verb group of mood (urged, called for, hoped for: demand
 * or wish, not asked of a named party) a bystander's: the one acting
 * (mention agent) is no armed side (an army, an armed group, captors),
 * the sentence names no forces of its own or of no one's, and none of
 * its rivals?  "Biden calls for an immediate ceasefire" is a
 * bystander's hope; "Hamas calls for a truce", "Russia calls for talks
 * with Ukraine" are a party's.  1 or 0. */
int	 rules_bystander_call(const struct rules_run *, long agent, int mood);
/* Does a hit of a rule with between = "rivals" stand between rivals:
 * one acting (any party, when no one is named acting) and another party
 * of the hit, one of which names the other among its rivals?  1 (also
 * for a rule without the key) or 0.  "Varnia's leader met Ostland's" is
 * between rivals when they are; "the G7 met on the war between Varnia
 * and Ostland" is not: the G7 is the one acting. */
int	 rules_between_met(const struct config *, const struct rule_hit *);

/* rules_filter.c: the words a sentence needs to hold a term */
int	 rules_filter_build(struct rules *);
void	 rules_filter_free(struct rules *);
int	 rules_filter_pass(const struct rules_run *, size_t first, size_t end);
uint64_t rules_path_bits(const struct rules *, uint32_t path);

/* rules_hit.c: hits made, said, kept, freed */
void	 rules_say(struct rules_run *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
int	 rules_add_string(char ***v, size_t *n, const char *s);
#define RULES_WORD_MAX	64	/* bytes of a hit's word kept */
/* Add to hit's words those of the sentence that occurrence o's own
 * words matched (not a gap's), as written, each once, a word of more
 * than RULES_WORD_MAX bytes cut: 0, or -1 out of memory. */
int	 rules_hit_words(const struct rules_run *, struct rule_hit *,
	    const struct rules_occ *o);
void	 rules_hit_clear(struct rule_hit *);
int	 rules_hit_push(struct rules_run *, struct rule_hit *,
	    const struct text_sentence *);
int	 rules_raised(const struct rules_run *, size_t ri);
void	 rules_keep_strongest(struct rules_run *, size_t h0);

/* rules_negation.c: a negation cue's scope by words */
size_t	 rules_clause_start(const struct rules_run *,
	    const struct text_sentence *, size_t ts);
int	 rules_negated(const struct rules_run *, const struct text_sentence *,
	    size_t ri, const struct rules_occ *, const char **cue);

/* rules_actor.c: named actors and who acts, by words */
int	 rules_find_mentions(struct rules_run *);
int	 rules_in(const struct text_token *, const char *const *words);
/* Words that open a clause told beside another ("as", "while"). */
extern const char *const rules_beside_words[];
int	 rules_has_id(const size_t *ids, size_t n, size_t id);
size_t	 rules_distance(size_t as, size_t ae, size_t bs, size_t be);
int	 rules_allowed(const struct rules_run *, size_t ri,
	    const struct rules_mention *);
const struct rules_mention *
	 rules_subject(const struct rules_run *, const struct text_sentence *,
	    size_t ts);
const struct rules_mention *
	 rules_demander(const struct rules_run *,
	    const struct text_sentence *);
/* How many named parties of a sentence, other than the one at tokens
 * [first, end), it names (at most 2). */
size_t	 rules_others_named(const struct rules_run *,
	    const struct text_sentence *, size_t first, size_t end);
int	 rules_may_target(const struct rules_run *,
	    const struct text_sentence *, const char *cat, size_t first,
	    size_t end, int place, const size_t *ends, size_t n_ends);

/* rules_agent.c: the sentence's clauses and actor mentions, and who
 * acts for a term */
void	 rules_clause_reset(struct rules_run *);
int	 rules_clause_prepare(struct rules_run *,
	    const struct text_sentence *, int lang);
int	 rules_acting(struct rules_run *, const struct text_sentence *,
	    size_t ri, size_t t, long *agent, int *unnamed);
/* May a hit of rule ri on sentence sn stand between rivals, as its key
 * between asks?  Asked before the clause analysis, on the actors of the
 * sentence's phrases and the one acting carried from the sentence
 * before: 1 (also for a rule without the key), 0, or -1 out of
 * memory. */
int	 rules_between_possible(struct rules_run *,
	    const struct text_sentence *, size_t ri);

/* rules_opposed.c: the occurrence of a verb of opposition of rule ri
 * that takes the term for its object, in verb group v or in the term's
 * gap (opposed_by); NULL when there is none */
const struct rules_occ *
	 rules_opposed(const struct rules_run *, const struct text_sentence *,
	    size_t ri, const struct clause_verb *v,
	    const struct rules_occ *term);

/* rules_clause.c: rules with clause keys */
int	 rules_judge_clauses(struct rules_run *, const struct text_sentence *,
	    size_t ri);

/* rules_match.c (on top): rules_match, rules_match_explain (rules.h) */

#endif
