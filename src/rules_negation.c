/*
 * rules_negation.c: the scope of a negation cue, by words alone: a cue
 * governs the terms after it in its clause, and the clause starts at
 * punctuation or at a word that opens one.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clause.h"
#include "config.h"
#include "rules.h"
#include "rules_priv.h"
#include "text.h"

/* Words that open a new clause, so that a cue before them governs
 * nothing after them ("does not want war, but if ...").  A concession
 * ("has not withdrawn despite a deadline to surrender") tells what is
 * so all the same: the cue before it does not reach into it. */
static const char *const rules_clause_words[] = {
	"but", "however", "although", "though", "while", "whereas", "yet",
	"if", "unless", "because", "otherwise", "whether", "and",
	"despite", "notwithstanding", NULL
};

static int
rules_is_clause_word(const struct text_token *t)
{
	size_t k;

	for (k = 0; rules_clause_words[k] != NULL; k++)
		if (strcmp(t->fold, rules_clause_words[k]) == 0)
			return 1;
	return 0;
}

/* First token of the clause that holds token ts of the sentence. */
size_t
rules_clause_start(const struct rules_run *run, const struct text_sentence *sn,
    size_t ts)
{
	size_t k;

	for (k = ts; k > sn->first; k--)
		if ((run->doc.tokens[k].flags & TEXT_CLAUSE) ||
		    rules_is_clause_word(&run->doc.tokens[k]))
			return k;
	return sn->first;
}

/*
 * Can occurrence o be a negation cue of the term occurrence t of rule
 * ri: a cue of the rule's (or of the shared ones in its language) that
 * ends within the term, close enough before it, and not in its own
 * words.  Cues inside the term count only in its gaps ("would not ...
 * attack"), never in its own words ("will not hesitate").
 */
static int
rules_cue_of(const struct rules *r, size_t ri, const struct rules_occ *t,
    const struct rules_occ *o)
{
	size_t j;

	if (r->pats[o->pat].kind != PAT_NEG || o->end > t->end)
		return 0;
	if (o->end <= t->start && t->start - o->end > RULES_NEG_REACH)
		return 0;
	if (r->cfg->rules[ri].has_negations ? r->pats[o->pat].owner != ri :
	    (r->pats[o->pat].owner != RULES_SHARED ||
	    r->pats[o->pat].lang != r->rule_lang[ri]))
		return 0;
	for (j = o->start; j < o->end; j++)
		if (j >= t->start && (t->literal >> (j - t->start)) & 1)
			return 0;
	return 1;
}

/*
 * Is the cue at token k the second half of an alternative that takes
 * both sides ("with or without a truce", "whether or not Chad
 * agrees")?  Then it denies nothing: what follows happens either way.
 */
static int
rules_either_way(const struct rules_run *run, const struct text_sentence *sn,
    size_t k)
{
	const char *w;

	if (k < sn->first + 2 ||
	    strcmp(run->doc.tokens[k - 1].fold, "or") != 0)
		return 0;
	w = run->doc.tokens[k - 2].fold;
	return strcmp(w, "with") == 0 || strcmp(w, "whether") == 0;
}

/*
 * Does the determiner "no" at token k deny the term that starts at
 * start?  It denies the noun phrase it opens, so only a term that
 * begins within a few words of it ("no plans to strike", "no immediate
 * end to the war"); one further on is outside its phrase ("no end to
 * the siege with no end to the war": the first "no" neither denies the
 * second phrase nor cancels the second "no").
 */
#define RULES_NO_REACH	3	/* words between "no" and its term */
static int
rules_no_out_of_reach(const struct rules_run *run,
    const struct text_sentence *sn, size_t k, size_t start)
{
	return run->cs_sentence == sn && clause_no_determiner(&run->cs, k) &&
	    k + 1 + RULES_NO_REACH < start;
}

/*
 * Is the term occurrence t of rule ri negated?  The cues that stand in
 * its clause, before it and close to it, are counted without overlaps;
 * an odd count negates ("did not rule out strikes" has two).  *cue gets
 * the nearest one for --explain.
 */
int
rules_negated(const struct rules_run *run, const struct text_sentence *sn,
    size_t ri, const struct rules_occ *t, const char **cue)
{
	const struct rules *r = run->r;
	const struct rules_occ *o, *best, *at[RULES_MAX_SENTENCE];
	size_t cs, pos, count = 0, k, span;

	cs = rules_clause_start(run, sn, t->start);
	*cue = NULL;
	/*
	 * The longest cue at each position of the clause, found in one
	 * pass over the occurrences: looked for among all of them at
	 * every position, a part of RULES_MAX_SENTENCE tokens dense with
	 * phrases cost tens of milliseconds a term.  Judging sees one part
	 * at a time (rules_match.c), so the clause and the term lie within
	 * RULES_MAX_SENTENCE tokens; the bound only keeps at[] in range.
	 */
	if (t->end > cs + RULES_MAX_SENTENCE)
		cs = t->end - RULES_MAX_SENTENCE;
	span = t->end > cs ? t->end - cs : 0;
	memset(at, 0, span * sizeof(at[0]));
	for (k = 0; k < run->n_occs; k++) {
		o = &run->occs[k];
		if (o->start < cs || o->start >= t->end ||
		    !rules_cue_of(r, ri, t, o))
			continue;
		if (at[o->start - cs] == NULL ||
		    o->end > at[o->start - cs]->end)
			at[o->start - cs] = o;
	}
	/* Greedy left to right: at each position the longest cue wins. */
	for (pos = cs; pos < t->end; ) {
		best = at[pos - cs];
		/* "asks for deeds not speeches": a contrast, no negation */
		if (best != NULL && best->end == best->start + 1 &&
		    run->cs_sentence == sn &&
		    clause_contrast_not(&run->cs, best->start)) {
			pos = best->end;
			continue;
		}
		if (best != NULL && rules_either_way(run, sn, best->start)) {
			pos = best->end;
			continue;
		}
		if (best != NULL && best->end == best->start + 1 &&
		    rules_no_out_of_reach(run, sn, best->start, t->start)) {
			pos = best->end;
			continue;
		}
		if (best != NULL) {
			count++;
			*cue = r->pats[best->pat].text;
			pos = best->end;
		} else
			pos++;
	}
	return count % 2 == 1;
}
