/*
 * fuzz_rules: text analysis and rule matching on hostile text.  The
 * input's first line is the title and the rest the body; an input that
 * starts with "T:" also brings its own term (the rest of the first line),
 * so the phrase compiler is fuzzed too.  A third rule reads clauses
 * (mood, actor_kinds, negated, raise) with a word class and a role, so
 * the clause analysis and the actors are fuzzed with it; the extra term
 * may use the classes.  A fourth needs context (a phrase anywhere in the
 * article, or two rivals), so the whole article is scanned again.
 * Every token's bytes must lie within the input and begin and end
 * between characters.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "actor.h"
#include "rules.h"
#include "text.h"
#include "text_char.h"

static char *iran_names[] = { "Iran", "Iranian*", "Tehran", "US", "U.S." };
static char *israel_names[] = { "Israel*", "Netanyahu" };
static char *israel_rivals[] = { "iran" };
static struct config_actor actors[] = {
	{ .name = "iran", .names = { iran_names, 5 }, .kind = ACTOR_STATE },
	{ .name = "israel", .names = { israel_names, 2 },
	    .kind = ACTOR_STATE, .rivals = { israel_rivals, 1 } },
};
static char *militant_names[] = { "militant*", "rebel*", "Hamas's army" };
static struct config_role roles[] = {
	{ "militants", { militant_names, 3 }, ACTOR_ARMED_GROUP, NULL, 0 },
};
static char *force_words[] = { "attack*", "strike", "go to war", "@modal" };
static char *modal_words[] = { "will", "would", "is going to" };
static struct config_class classes[] = {
	{ .name = "force", .words = { force_words, 4 } },
	{ .name = "modal", .words = { modal_words, 3 } },
};
static char *clause_terms[] = { "@force", "@modal ...6 @force" };
static char *moods[] = { "future", "modal", "threat", "conditional" };
static char *kinds[] = { "state", "armed-group" };
static char *raise[] = { "within * hours", "@modal nuclear" };
static char *any[] = { "*" };
static char *vow_terms[] = { "vow* to retaliat*", "respond at the right time",
    "would ... smash", "threaten* * to attack", "de-escalat*" };
static char *excl[] = { "football", "tariff*" };
static char *negs[] = { "rejected", "not" };
static char *targets[] = { "israel" };
static char *talks_terms[] = { "talks", "agree* ...4 truce" };
static char *context_words[] = { "war", "@force", "cease ...1 fire" };

/*
 * The four rules, the second with term for its terms when there is one,
 * compiled from cfg and rules, which the compiled rules point into.
 */
static struct rules *
fuzz_compile(struct config *cfg, struct config_rule rules[4], char *term,
    char *extra[1])
{
	char err[256];

	memset(cfg, 0, sizeof(*cfg));
	memset(rules, 0, 4 * sizeof(rules[0]));
	rules[0].name = "vow";
	rules[0].category = "retaliation";
	rules[0].severity = SEV_HIGH;
	rules[0].terms = (struct config_list){ vow_terms, 5 };
	rules[0].actors = (struct config_list){ any, 1 };
	rules[0].exclude = (struct config_list){ excl, 2 };
	rules[0].language = "english";
	rules[1] = rules[0];
	rules[1].name = "extra";
	rules[1].window = 4;
	rules[1].has_negations = 1;
	rules[1].negations = (struct config_list){ negs, 2 };
	rules[1].targets = (struct config_list){ targets, 1 };
	extra[0] = term;
	rules[1].terms = term != NULL ? (struct config_list){ extra, 1 } :
	    (struct config_list){ vow_terms, 5 };
	rules[2] = rules[0];
	rules[2].name = "clauses";
	rules[2].category = "threat";
	rules[2].terms = (struct config_list){ clause_terms, 2 };
	rules[2].mood = (struct config_list){ moods, 4 };
	rules[2].actor_kinds = (struct config_list){ kinds, 2 };
	rules[2].negated = "deescalation";
	rules[2].raise = (struct config_list){ raise, 2 };
	rules[3] = rules[2];
	rules[3].name = "context";
	rules[3].category = "deescalation";
	rules[3].terms = (struct config_list){ talks_terms, 2 };
	rules[3].mood = (struct config_list){ NULL, 0 };
	rules[3].negated = "drop";
	rules[3].context = (struct config_list){ context_words, 3 };
	cfg->actors = actors;
	cfg->n_actors = 2;
	cfg->roles = roles;
	cfg->n_roles = 1;
	cfg->classes = classes;
	cfg->n_classes = 2;
	cfg->rules = rules;
	cfg->n_rules = 4;
	return rules_compile(cfg, err, sizeof(err));
}

/*
 * An input without its own term is matched by the four rules compiled
 * once, on the first such input, and kept: compiling them anew for
 * every input (their stemmer, their caches allocated and cleared) took
 * about half of each run, so the kept rules double the runs an hour
 * buys, and running many articles through one compiled set is how
 * brinkd uses it (its caches carried from one article to the next).
 *
 * An input with a term compiles its own, and they are kept too (with
 * their caches, as the fixed ones) until an input brings another term:
 * most mutations of such an input change its body, not its first line,
 * and compiling the same term again runs the same code to the same
 * rules (rules_compile reads nothing else, and a term that fails, fails
 * again), while it took a fifth of a fuzz-long run's time.  Each new
 * term is compiled as before.
 */
static int
fuzz_one(const char *title, const char *body, const char *term)
{
	static struct config fixed_cfg, term_cfg;
	static struct config_rule fixed_rules[4], term_rules[4];
	static char *fixed_extra[1], *term_extra[1];
	static struct rules *fixed, *term_compiled;
	static char *term_kept;		/* what term_compiled was made of */
	struct rules *r;
	struct rules_result res;

	if (term == NULL) {
		if (fixed == NULL)
			fixed = fuzz_compile(&fixed_cfg, fixed_rules, NULL,
			    fixed_extra);
		r = fixed;
	} else {
		if (term_kept == NULL || strcmp(term_kept, term) != 0) {
			rules_free(term_compiled);
			free(term_kept);
			term_compiled = NULL;
			/* the compiled rules point into the term: a copy
			 * that outlives this input */
			if ((term_kept = strdup(term)) == NULL)
				return 0;
			term_compiled = fuzz_compile(&term_cfg, term_rules,
			    term_kept, term_extra);
		}
		r = term_compiled;
	}
	if (r == NULL)
		return 0;
	if (rules_match(r, title, body, &res) == 0) {
		size_t h, k, n;

		/* A hit's words (what its terms matched) are quoted in the
		 * alert: none empty, none over 64 bytes. */
		for (h = 0; h < res.n_hits; h++)
			for (k = 0; k < res.hits[h].n_words; k++) {
				n = strlen(res.hits[h].words[k]);
				if (n == 0 || n > 64)
					abort();
			}
		rules_result_free(&res);
	}
	return 0;
}

/* Does byte at of s[0..n) fall inside a well-formed UTF-8 character
 * that begins before it (decoded as the text module decodes)?  A token
 * must not: its bytes are quoted. */
static int
inside_char(const char *s, size_t n, size_t at)
{
	size_t p = at, w;

	while (p > 0 && at - p < 3)
		if (((unsigned char)s[--p] & 0xc0) != 0x80)
			return text_cp(s, n, p, &w) >= 0 && p + w > at;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct text_doc doc;
	char *buf, *nl, *body, *term = NULL;

	if (size > 1 << 20)
		return 0;
	if ((buf = malloc(size + 1)) == NULL)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	if (text_analyse(buf, size, &doc) == 0) {
		size_t i;

		/* the offsets a caller relies on */
		for (i = 0; i < doc.n_tokens; i++)
			if (doc.tokens[i].start > doc.tokens[i].end ||
			    doc.tokens[i].end > size ||
			    inside_char(buf, size, doc.tokens[i].start) ||
			    inside_char(buf, size, doc.tokens[i].end))
				abort();
		for (i = 0; i < doc.n_sentences; i++)
			if (doc.sentences[i].start > doc.sentences[i].end ||
			    doc.sentences[i].end > size)
				abort();
	}
	text_doc_free(&doc);

	body = "";
	if ((nl = strchr(buf, '\n')) != NULL) {
		*nl = '\0';
		body = nl + 1;
	}
	if (strncmp(buf, "T:", 2) == 0)
		term = buf + 2;
	fuzz_one(term != NULL ? "" : buf, body, term);
	free(buf);
	return 0;
}
