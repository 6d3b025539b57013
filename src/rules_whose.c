/*
 * rules_whose.c: whose act, guess, plan or demand a term's clause tells
 * (rules_whose.h), for the clause judgement of rules_clause.c: the
 * one acting, who says it, or another party the sentence names.
 */
#include "autoconf.h"

#include <stddef.h>
#include <string.h>

#include "actor.h"
#include "clause.h"
#include "config.h"
#include "rules.h"
#include "rules_priv.h"
#include "rules_whose.h"
#include "text.h"

/*
 * A negated term that becomes a hit of another category says that the
 * actor disowns something ("Iran said it has no plans to attack").  Said
 * by another named party than the one acting ("Chad said Sudan had not
 * threatened it"), it is that party's account of the other, and nobody
 * has disowned anything: 1 then.
 */
int
rules_denied_by_other(struct rules_run *run, size_t t, long agent)
{
	long sp;

	if (agent < 0 || run->am[agent].actor < 0)
		return 0;
	/* When the speaker acts (agent = "speaker", or a passive group
	 * that its speaker reports): who reports that speaker. */
	sp = actor_speaker_at(run->am, run->n_am, &run->cs, &run->doc, t);
	if (sp == agent)
		sp = actor_reporter_at(run->am, run->n_am, &run->cs, &run->doc,
		    t);
	return sp >= 0 && run->am[sp].actor >= 0 &&
	    run->am[sp].actor != run->am[agent].actor;
}

/*
 * Is m, a role no party owns, one that can speak for no party: analysts,
 * residents, a court?  Then what it reports of a party ("analysts say
 * Varnia is ready to invade") is another's account of that party, where
 * unnamed officials or commanders may be its own.
 */
static int
rules_observer(const struct actor_mention *m)
{
	switch (m->kind) {
	case ACTOR_UNKNOWN:
	case ACTOR_STATE:
	case ACTOR_OFFICIAL:
	case ACTOR_MILITARY:
	case ACTOR_ARMED_GROUP:
	case ACTOR_HOSTAGE_TAKERS:
		return 0;
	default:
		return 1;
	}
}

/*
 * Is token t's clause about a thing, not a party: a subject that names
 * no party nor role and is no pronoun ("mass arrests won't defeat
 * the Darfur rebels")?  Then a negation there judges a means, and no party
 * disowns force by it.  1 then.
 */
int
rules_thing_subject(const struct rules_run *run, size_t t)
{
	const struct clause *c;
	size_t k;

	if ((c = clause_at(&run->cs, t)) == NULL ||
	    c->subj_first >= c->subj_end ||
	    clause_subject_pronoun(&run->cs, t))
		return 0;
	for (k = 0; k < run->n_am; k++)
		if (run->am[k].first < c->subj_end &&
		    run->am[k].end > c->subj_first)
			return 0;
	return 1;
}

/*
 * Is the speaker at am[sp] none of the parties to a thing it guesses at
 * ("the war could last years, Norland's alliance chief warned", the
 * war Varnia's and Ostland's): the sentence names another party that
 * the rules know in a war or a standoff (it has rivals or is one), and
 * the speaker is a rival of no other party it names?  A party
 * forecasting its own war ("the war with Varnia could last months,
 * Ostland warns") is a rival of one named, or the only party named;
 * one naming only parties the rules know at no war may be warning them
 * ("shipments could be targets, Varnia warns Norland"), as before.
 * 1 then.
 */
static int
rules_thing_of_others(const struct rules_run *run, long sp)
{
	long own = run->am[sp].actor, other;
	size_t k;
	int warring = 0;

	for (k = 0; k < run->n_am; k++) {
		if ((other = run->am[k].actor) < 0 || other == own)
			continue;
		if (rules_rivals(run->r->cfg, own, other))
			return 0;
		if (run->r->rival_linked[other])
			warring = 1;
	}
	return warring;
}

/*
 * The party whose name stands right before the subject of token t's
 * clause when the subject opens with t, the term's own word, and no
 * punctuation between ("White House warns Russian invasion of Ukraine
 * could happen": the headline's analysis takes "Russian" for the one
 * warned, but a name before a bare noun of the act qualifies it, and
 * the act is that party's; "warns Varnia it could strike" has a
 * pronoun for its subject, "warns its offensive could go on" a
 * possessive).  Its index in run->am, or -1.
 */
static long
rules_act_qualifier(const struct rules_run *run, size_t t)
{
	const struct clause *c = clause_at(&run->cs, t);
	size_t k;

	if (c == NULL || c->subj_first != t || t == 0 ||
	    c->subj_first >= c->subj_end ||
	    (run->doc.tokens[t].flags & TEXT_CLAUSE))
		return -1;
	for (k = 0; k < run->n_am; k++)
		if (run->am[k].end == t && run->am[k].actor >= 0)
			return (long)k;
	return -1;
}

/*
 * When the speaker sp stands for the one acting (agent) and a name
 * before the subject qualifies the act at t (rules_act_qualifier): 1
 * if that name is another party's, 0 if the speaker's own; -1 when
 * the reading does not apply.
 */
static int
rules_qualified_by_other(const struct rules_run *run, size_t t, long sp,
    long agent)
{
	long q;

	if (sp < 0 || sp != agent || run->am[sp].actor < 0 ||
	    (q = rules_act_qualifier(run, t)) < 0)
		return -1;
	return run->am[q].actor != run->am[sp].actor;
}

/* Does somebody the text names say the clause at token t ("Varnia could
 * strike, Ostland said")?  1 then. */
int
rules_clause_said(const struct rules_run *run, size_t t)
{
	const struct clause *c = clause_at(&run->cs, t);

	return c != NULL && c->speaker_first != c->speaker_end;
}

/*
 * Is a may, might or could reported at token t somebody's forecast of
 * another's act, not a threat?  Yes when who says it is no party the
 * text names ("analysts say Varnia might invade") or a named party
 * other than the one acting ("Ostland said Varnia could attack within
 * days"); no when the one acting says it ("Varnia warned it could
 * strike", agent = "speaker" rules) or either is a role no party owns.
 * On a condition (cond) only a named party's report is a forecast ("US
 * officials say China may fire missiles if ..."): unnamed "officials"
 * saying Varnia could strike if attacked may be Varnia's own.  What a
 * verb of belief reports (belief) is the believer's forecast whoever
 * believes it ("the Kurds fear Trump might withdraw", "many think
 * Varnia could strike"), unless the one acting believes it.
 */
int
rules_guess_of_other(const struct rules_run *run, size_t t, long agent,
    int cond, int belief)
{
	const struct clause *c;
	size_t k;
	long sp;
	int other;

	if (agent < 0)
		return 0;
	sp = actor_speaker_at(run->am, run->n_am, &run->cs, &run->doc, t);
	if (sp < 0)
		return belief || !cond;
	/* the speaker stands for a subject that opens with an act a name
	 * before it qualifies: the speaker guesses at that party's act,
	 * unless it is the speaker's own */
	if ((other = rules_qualified_by_other(run, t, sp, agent)) != -1)
		return other;
	/* ... or for a subject that names no party: its guess is a
	 * forecast unless the thing is its own */
	if (sp == agent && run->am[sp].actor >= 0 &&
	    rules_thing_subject(run, t))
		return rules_thing_of_others(run, sp);
	if (sp == agent || run->am[agent].actor < 0)
		return 0;
	if (run->am[sp].actor < 0)
		return belief || rules_observer(&run->am[sp]);
	/* The acting party anywhere in the words naming the speaker
	 * ("Russia's security council deputy") is the speaker's side. */
	c = actor_frame(&run->cs, clause_at(&run->cs, t));
	for (k = 0; c != NULL && k < run->n_mentions; k++)
		if (run->mentions[k].start >= c->speaker_first &&
		    run->mentions[k].end <= c->speaker_end &&
		    (long)run->mentions[k].actor == run->am[agent].actor)
			return 0;
	return run->am[sp].actor != run->am[agent].actor;
}

/*
 * Is the act at token t one a speaker says will come, of a party whose
 * name right before the subject qualifies it ("Chad warns Sudanese
 * offensive will continue": the headline's analysis takes Sudan for the
 * one warned, and the speaker stands in for the subject)?  What another
 * party will do, told by the speaker, is the speaker's forecast, as a
 * guess at it is (rules_guess_of_other); the speaker's own act ("warns
 * its offensive will continue") and a will of the clause's own threat,
 * demand or condition are no such forecast.  1 then.
 */
int
rules_forecast_of_other(const struct rules_run *run, size_t t, long agent,
    const struct clause_verb *v)
{
	long sp;

	if (agent < 0 || v->tense != CLAUSE_FUTURE || (v->mood & ~v->framed &
	    (CLAUSE_THREAT | CLAUSE_DEMAND | CLAUSE_COND)))
		return 0;
	sp = actor_speaker_at(run->am, run->n_am, &run->cs, &run->doc, t);
	return rules_qualified_by_other(run, t, sp, agent) == 1;
}

/*
 * Is the plan at token t ("is preparing to attack", "plans to") one that
 * another named party reports ("Russia is preparing to attack, Ukraine
 * said"): a plot uncovered by others, not a threat?  Not when the one
 * acting says it, nor when a threat, demand or condition of its own
 * governs it; a warning that reports it is the speaker's ("Russia plans
 * to attack, Ukraine warned").  An unnamed speaker ("officials said") may
 * be the actor's own.
 */
int
rules_plan_of_other(const struct rules_run *run, size_t t, long agent,
    const struct clause_verb *v)
{
	const struct clause *c = clause_at(&run->cs, t);

	if (!(v->mood & CLAUSE_INTENT) || (v->mood & ~v->framed &
	    (CLAUSE_THREAT | CLAUSE_DEMAND | CLAUSE_COND)) || c == NULL ||
	    actor_frame(&run->cs, c) == NULL)
		return 0;
	return rules_guess_of_other(run, t, agent, 1,
	    (v->mood & CLAUSE_BELIEF) != 0);
}

/* Nouns whose "that" clause is their author's account ("warnings that
 * Varnia was preparing to invade", "a report that Chad was about to
 * strike"), NULL-terminated. */
static const char *const rules_account_nouns[] = {
	"alert", "alerts", "assessment", "assessments", "claim", "claims",
	"intelligence", "report", "reports", "warning", "warnings", NULL
};

/* Words a noun of account reaches over to its "that" ("a warning from
 * the rebel leaders in the north that ..."). */
#define RULES_ACCOUNT_REACH	8

/* Does verb group v tell a plan in the past: "was preparing to",
 * "were about to", "planned to"?  A threat is told as what will be
 * ("would strike", "will strike"); a plan told as what was is the
 * writer's or another's account of the party's state. */
static int
rules_past_plan(const struct rules_run *run, const struct clause_verb *v)
{
	const char *aux;

	if (v->first >= v->end)
		return 0;
	if (v->tense == CLAUSE_PAST && (v->mood & CLAUSE_INTENT))
		return 1;
	aux = run->doc.tokens[v->first].fold;
	return (strcmp(aux, "was") == 0 || strcmp(aux, "were") == 0) &&
	    ((v->mood & CLAUSE_INTENT) || v->tense == CLAUSE_FUTURE);
}

/*
 * Is the term at token t a plan in the past told as the content of a
 * noun of warning or report, of a party the clause names as its subject
 * ("months of warnings that Varnia was preparing to invade", "after a
 * warning from the rebels that Chad was about to attack")?  That is the
 * warning's author's account of another party, background to the
 * news, not the party's threat; no one reports the clause, so
 * rules_plan_of_other does not see it.  Not when the noun is the acting
 * party's own ("Chad's warning that its army was ready to strike"), nor
 * when the subject is a pronoun, which may stand for the author ("a
 * warning that it was ready to strike"), nor a plan on a condition.
 * 1 then.
 */
int
rules_account_of_plan(const struct rules_run *run, size_t t, long agent,
    const struct clause_verb *v)
{
	const struct text_token *tok = run->doc.tokens;
	const struct clause *c = clause_at(&run->cs, t), *p;
	size_t k, low;
	long owner;

	if (agent < 0 || run->am[agent].actor < 0 || c == NULL ||
	    actor_frame(&run->cs, c) != NULL ||
	    (v->mood & ~v->framed & (CLAUSE_THREAT | CLAUSE_DEMAND |
	    CLAUSE_COND)) || !rules_past_plan(run, v))
		return 0;
	/* the one acting is named in the subject, right after "that" */
	if (c->subj_first >= c->subj_end || c->subj_first == 0 ||
	    clause_subject_pronoun(&run->cs, t) ||
	    run->am[agent].first < c->subj_first ||
	    run->am[agent].end > c->subj_end ||
	    strcmp(tok[c->subj_first - 1].fold, "that") != 0)
		return 0;
	low = c->subj_first - 1 > RULES_ACCOUNT_REACH ?
	    c->subj_first - 1 - RULES_ACCOUNT_REACH : 0;
	for (k = c->subj_first - 1; k-- > low; ) {
		if ((p = clause_at(&run->cs, k)) == NULL ||
		    (k >= p->verb.first && k < p->verb.end) ||
		    (tok[k + 1].flags & TEXT_CLAUSE))
			return 0;
		if (!rules_in(&tok[k], rules_account_nouns))
			continue;
		owner = actor_owner_at(run->am, run->n_am, &run->cs,
		    &run->doc, k);
		return owner < 0 ||
		    run->am[owner].actor != run->am[agent].actor;
	}
	return 0;
}

/*
 * Is the term of occurrence o, in a group of mood demand, one that the
 * acting party asks of another named party ("the UN demanded Rwanda
 * pull out its forces", "Peru issued an ultimatum to Ecuador to halt
 * attacks", "EC ministers demanded the withdrawal of Serbian forces")?
 * A party named after the subject the one acting heads, up to the
 * term's end, other than the one acting, or one who says it of the one
 * acting ("Ukraine demanded that Russia withdraw"): a leader ordering
 * "his men" to lay down arms names neither.  A term at the "to" of "warned
 * Russia not to invade" is in such a group too, though the group before
 * the "to" is the warning alone; there a party named by its own name is
 * asked even when it is on the side of the one acting.
 */
int
rules_demand_of_other(const struct rules_run *run, const struct rules_occ *o,
    size_t t, long agent, const struct clause_verb *v)
{
	const struct clause *c;
	size_t k, from;
	long sp, party;
	int not_to = clause_demand_not_to(&run->cs, t);

	if (!((v->mood & CLAUSE_DEMAND) || not_to) || agent < 0)
		return 0;
	/* the one asked acts, and another named party demands it */
	sp = actor_speaker_at(run->am, run->n_am, &run->cs, &run->doc, t);
	if (sp >= 0 && sp != agent && run->am[sp].actor >= 0 &&
	    run->am[sp].actor != run->am[agent].actor)
		return 1;
	/* past the subject the one acting heads: "an aide to Sadr called
	 * on ..." is Sadr's aide, not a demand of Sadr */
	from = run->am[agent].end;
	c = clause_at(&run->cs, run->am[agent].first);
	if (c != NULL && run->am[agent].first >= c->subj_first &&
	    run->am[agent].first < c->subj_end && c->subj_end > from)
		from = c->subj_end;
	/* Told not to act, a party named by its own name is the one who
	 * would act even on the demander's side ("a Russian general warned
	 * Putin not to invade"); a role it owns is its own men ("ordered
	 * his fighters not to attack": a step down of its own). */
	for (k = 0; k < run->n_am; k++)
		if (run->am[k].first >= from &&
		    run->am[k].first < o->end && run->am[k].actor >= 0 &&
		    (run->am[k].actor != run->am[agent].actor ||
		    (not_to && run->am[k].role < 0 && (long)k != agent)))
			return 1;
	/* A step told as a noun names who would take it after it:
	 * "Israel demanded the complete disarmament of Hamas". */
	party = actor_step_party_after(run->am, run->n_am, &run->doc, o->end);
	return party >= 0 && run->am[party].actor != run->am[agent].actor;
}

/*
 * The named subject of token t's clause when the acting mention agent
 * is another party, named neither in the subject nor as the one who
 * says it ("Sudan rejected Chad's ultimatum": Sudan); -1 otherwise.
 */
long
rules_subject_other(const struct rules_run *run, size_t t, long agent)
{
	const struct clause *c;
	size_t k;

	if (agent < 0 || run->am[agent].actor < 0 ||
	    (c = clause_at(&run->cs, t)) == NULL ||
	    (run->am[agent].first >= c->subj_first &&
	    run->am[agent].end <= c->subj_end) ||
	    actor_speaker_at(run->am, run->n_am, &run->cs, &run->doc, t) ==
	    agent)
		return -1;	/* the subject, or the one who says it */
	for (k = 0; k < run->n_am; k++)
		if (run->am[k].first >= c->subj_first &&
		    run->am[k].end <= c->subj_end && run->am[k].actor >= 0)
			return run->am[k].actor != run->am[agent].actor ?
			    (long)k : -1;
	return -1;
}

/*
 * Is the negation of a term that names its own actor ("Chad's
 * ultimatum", "a Norland ultimatum") that of the clause's subject,
 * another named party ("Sudan rejected Chad's ultimatum")?  Then that
 * party refuses the threat, which stands: nobody disowned it.  1 then.
 */
int
rules_refused_by_other(const struct rules_run *run, size_t t, long agent)
{
	return rules_subject_other(run, t, agent) >= 0;
}

/*
 * Is role mention m, with no owner, a party to a hit whose acting party
 * is of kind acting?  Fighters and captors are ("vowed to crush the
 * insurgents", "agreed to talks with the rebels"), unless those acting
 * are of their kind ("Sadr ordered his fighters to lay down arms"):
 * other roles name no side.
 */
int
rules_role_is_target(const struct actor_mention *m, enum actor_kind acting)
{
	return (m->kind == ACTOR_ARMED_GROUP ||
	    m->kind == ACTOR_HOSTAGE_TAKERS) && m->kind != acting;
}
