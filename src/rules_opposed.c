/*
 * rules_opposed.c: whether a verb of opposition or of force takes a
 * term for its object (the rule key opposed_by): "opposed the
 * mediation", "accused X of stalling the talks", "ambushed truce
 * monitors" voice a stance against a step or act on it, so the term is
 * nobody's act.  Judged by rules_clause.c.
 */
#include "autoconf.h"

#include <stddef.h>
#include <stdint.h>

#include "clause.h"
#include "config.h"
#include "rules.h"
#include "rules_priv.h"
#include "text.h"

/* Are tokens [from, end) inside occurrence o, none of them one of its
 * own words? */
static int
rules_in_gap(const struct rules_occ *o, size_t from, size_t end)
{
	size_t k;

	for (k = from; k < end; k++)
		if (k - o->start >= RULES_MAX_SPAN ||
		    ((o->literal >> (k - o->start)) & 1))
			return 0;
	return 1;
}

/* Is token t a verb: its clause's, or after "to" ("to withdraw from")?
 * Not a participle before a noun ("resume stalled talks"). */
static int
rules_gap_verb(const struct rules_run *run, size_t t)
{
	const struct clause *c = clause_at(&run->cs, t);

	return clause_after_to(&run->cs, t) ||
	    (c != NULL && t >= c->verb.first && t < c->verb.end);
}

/* Are tokens [from, to) none of them a verb? */
static int
rules_not_verbs(const struct rules_run *run, size_t from, size_t to)
{
	size_t k;

	for (k = from; k < to; k++)
		if (clause_may_be_verb(&run->cs, k))
			return 0;
	return 1;
}

/* Does a verb other than the one at `from` stand in tokens [from + 1,
 * to): its clause's, after "to", or after "and" ("suspend the talks and
 * launch strikes": the strikes are launched, not suspended)? */
static int
rules_later_verb(const struct rules_run *run, size_t from, size_t to)
{
	size_t k;

	for (k = from + 1; k < to; k++)
		if (rules_gap_verb(run, k) ||
		    clause_coord_verb(&run->cs, k))
			return 1;
	return 0;
}

/*
 * The occurrence of a verb of opposition of rule ri in verb group v, the
 * group that governs the term ("opposed the mediation", "accused X of
 * stalling the talks"), not one of the term's own words; NULL when there
 * is none.  The verb must stand in the term's stretch of words as a
 * negation cue must (rules_negation.c): a verb after "and" shares its
 * subject, and so the clause analysis its group ("condemned the attack
 * and agreed to talks"), but the talks are agreed, not condemned.  Or
 * one in the gap of a term, whatever group it is in (rules_in_gap), when
 * no later verb takes the term's last word (rules_later_verb), or
 * one right before it that takes it for its object.
 */
const struct rules_occ *
rules_opposed(const struct rules_run *run, const struct text_sentence *sn,
    size_t ri, const struct clause_verb *v, const struct rules_occ *term)
{
	const struct rules *r = run->r;
	const struct rules_occ *o;
	size_t k, from;

	from = rules_clause_start(run, sn, term->start);
	for (k = 0; k < run->n_occs; k++) {
		o = &run->occs[k];
		if (r->pats[o->pat].kind != PAT_OPPOSED ||
		    r->pats[o->pat].owner != ri || o->start < from)
			continue;
		/* A verb in the term's gap, none of its own words: "began
		 * preparing to withdraw from the peacekeeping mission"
		 * withdraws from what the term names; not when another verb
		 * stands between it and the term's last word, which that
		 * verb governs ("threatened to suspend the talks and launch
		 * strikes" threatens the strikes). */
		if (o->start > term->start && o->end < term->end &&
		    rules_in_gap(term, o->start, o->end) &&
		    rules_gap_verb(run, o->start) &&
		    !rules_later_verb(run, o->end - 1, term->end - 1))
			return o;
		/* A verb whose object the term is, with at most an article
		 * or a possessive between: "plotting to wreck the
		 * ceasefire", whatever group the clause analysis gave the
		 * term. */
		if (o->end <= term->start && term->start - o->end <= 1 &&
		    rules_gap_verb(run, o->start) &&
		    rules_not_verbs(run, o->end, term->start))
			return o;
		if (v->first == v->end || o->end <= v->first ||
		    o->start >= v->end)
			continue;
		if (o->start < term->end && o->end > term->start)
			continue;
		return o;
	}
	return NULL;
}
