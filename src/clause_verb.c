/*
 * clause_verb.c: the verb group that governs a token, following chains
 * of infinitives from a clause's main group (clause.h), and its
 * description for --explain.
 *
 * The chain is followed on demand, for the few tokens the rules ask
 * about, rather than stored for every token: "vowed to fight back"
 * gives "fight" the group of "vowed" (past, THREAT) with "fight" as its
 * head; "has no plans to strike" gives "strike" INTENT and negation.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "clause.h"
#include "clause_priv.h"

/* Verb-less clauses a list may run to before its verb is lost:
 * "vowed revenge, retaliation, war". */
#define CLAUSE_LIST_MAX	8

/* Heads whose "to" is an infinitive whatever the verb after it. */
#define CLAUSE_GOVERNS	(CW_SPEECH | CW_THREAT | CW_DENY | CW_DEMAND | \
	CW_INTENT | CW_ABLE | CW_GIVE | CW_CALL | CW_RULE)

struct clause_chain {
	const struct clause_sentence *cs;
	const struct clause	*c;
};

/* A token's classes as the analysis found them; 0 outside the clause
 * and past the analysed tokens of a very long sentence. */
static uint64_t
ccls(const struct clause_chain *ch, size_t k)
{
	if (k < ch->c->first || k >= ch->c->end ||
	    k < ch->cs->class_first ||
	    k - ch->cs->class_first >= ch->cs->n_classes)
		return 0;
	return ch->cs->classes[k - ch->cs->class_first];
}

/* The mood words between a group and its "to" give the infinitive. */
struct clause_pending {
	int	 mood;
	int	 neg;
	int	 deny;
};

static void
pending_add(const struct clause_chain *ch, size_t k, uint64_t b,
    struct clause_pending *p)
{
	uint64_t next = ccls(ch, k + 1);
	size_t j;

	if (b & CW_ABLE)
		p->mood |= CLAUSE_ABILITY;
	if (b & CW_NEG)
		p->neg ^= 1;
	if ((b & CW_NO) && (next & (CW_INTENT | CW_ABLE | CW_DEMAND |
	    CW_THREAT)))
		p->neg ^= 1;
	if (b & CW_THREAT)
		p->mood |= CLAUSE_THREAT;
	/* "in order to": a purpose, no demand */
	if ((b & CW_DEMAND) && !((ccls(ch, k - 1) & CW_PREP) &&
	    (next & CW_TO)))
		p->mood |= CLAUSE_DEMAND;
	if (b & CW_INTENT)
		p->mood |= CLAUSE_INTENT;
	if ((b & CW_DENY) || ((b & CW_RULE) && (next & CW_PARTICLE)))
		p->deny ^= 1;
	if ((b & CW_CALL) && (next & CW_CALLPREP))
		p->mood |= CLAUSE_DEMAND;
	if (b & CW_GIVE)
		for (j = k + 1; j < k + 5; j++)
			if (ccls(ch, j) & CW_SPAN)
				p->mood |= CLAUSE_DEMAND;
}

/*
 * A phrase inside the head's argument is not what the head says:
 * "prepared to bury victims of a bomb attack", "vowed revenge for the
 * attack", "will flow despite a threat".  Through a light word it still
 * is: "threatened a wave of attacks", "launch a series of strikes"; and
 * "warned Israel of retaliation" has a second argument.  At a
 * preposition k that starts such a phrase, the group lets go.
 */
static void
chain_detach(const struct clause_chain *ch, size_t k, struct clause_verb *out,
    int *second)
{
	uint64_t head = ccls(ch, out->head), b = ccls(ch, k);

	if (k < out->end || (k == out->end && !(b & CW_ADJUNCT)) ||
	    !(b & (CW_PREP | CW_OF | CW_TO)) ||
	    (ccls(ch, k - 1) & (CW_LIGHT | CW_PARTICLE)) ||
	    ((head & CW_LIGHT) && (b & CW_OF)) ||
	    (!(b & CW_ADJUNCT) && (*second)-- > 0))
		return;
	out->tense = CLAUSE_NO_TENSE;
	out->mood &= CLAUSE_HEADLINE;
	out->framed = 0;
	out->negated = 0;
}

/* The group governing token t in clause c: its main group, moved along
 * each "to" + verb (and "capable of", "threat of" + noun) before t. */
static void
chain_follow(const struct clause_chain *ch, size_t t, struct clause_verb *out)
{
	const struct clause *c = ch->c;
	struct clause_pending p;
	size_t k, h;
	int second, dropped = 0;

	*out = c->verb;
	if (t < c->verb.end)
		return;
	memset(&p, 0, sizeof(p));
	second = (ccls(ch, out->head) & CW_OBJECT) != 0;
	for (k = c->verb.end; k < t && k < c->end &&
	    k - ch->cs->class_first < ch->cs->n_classes; k++) {
		uint64_t b = ccls(ch, k), prev = ccls(ch, k - 1);

		if ((b & CW_AUX) && !(prev & (CW_DET | CW_PREP | CW_TO |
		    CW_POSS)) && !(b & CW_BE))
			break;	/* a group of its own */
		if (!(b & (CW_TO | CW_OF)) ||
		    ((b & CW_OF) && p.mood == 0 && !p.deny)) {
			dropped |= out->mood & CLAUSE_DEMAND;
			chain_detach(ch, k, out, &second);
			pending_add(ch, k, b, &p);
			/* "stressed his calls for a truce": what a call
			 * is for is demanded, whatever governs the call */
			if ((prev & CW_CALL) && (b & CW_CALLPREP))
				out->mood |= CLAUSE_DEMAND;
			continue;
		}
		for (h = k + 1; h < c->end && (ccls(ch, h) & (CW_ADV |
		    CW_NEG)); h++)
			if (ccls(ch, h) & CW_NEG)
				p.neg ^= 1;
		if (h >= c->end || (ccls(ch, h) & (CW_NOT_VERB | CW_AUX) &&
		    !(ccls(ch, h) & CW_BE)) || ((b & CW_TO) && p.mood == 0 &&
		    !p.neg && !p.deny && !(ccls(ch, h) & CW_VERB) &&
		    !(ccls(ch, out->head) & CLAUSE_GOVERNS))) {
			/* "sent troops to Iraq" is no chain */
			dropped |= out->mood & CLAUSE_DEMAND;
			chain_detach(ch, k, out, &second);
			memset(&p, 0, sizeof(p));
			continue;
		}
		out->mood |= p.mood;
		/* "urged Varnia to use its influence with the militias to
		 * avert a war": a purpose "to" after a phrase the demand let
		 * go of is still what is demanded */
		if (b & CW_TO)
			out->mood |= dropped;
		/* "told its allies to press": a verb of speech with an
		 * object and an infinitive gives an order, where "told them
		 * that" reports */
		if ((b & CW_TO) && (ccls(ch, out->head) & CW_DEMAND) &&
		    (ccls(ch, out->head) & CW_OBJECT))
			out->mood |= CLAUSE_DEMAND;
		if (p.neg)
			out->negated ^= 1;
		if (p.deny)
			clause_deny(out);
		if (b & CW_TO)
			clause_cue_mood(ccls(ch, h), ccls(ch, h + 1), out);
		out->first = k;
		out->head = h;
		out->end = h + 1;
		if (ccls(ch, out->end) & CW_PARTICLE)
			out->end++;
		memset(&p, 0, sizeof(p));
		second = (ccls(ch, h) & CW_OBJECT) != 0;
		k = out->end - 1;
	}
	/* A term that opens with its "to" ("would be able to seize",
	 * "not ready to attack") takes the mood words before that "to",
	 * as the verb after it would. */
	if (k == t && t < c->end && (ccls(ch, t) & CW_TO)) {
		out->mood |= p.mood;
		if (p.neg)
			out->negated ^= 1;
		if (p.deny)
			clause_deny(out);
	}
	/* So does one that opens with what a call is for: "reiterated
	 * the call for a ceasefire" */
	if (k == t && t > c->first && (ccls(ch, t) & CW_CALLPREP) &&
	    (ccls(ch, t - 1) & CW_CALL))
		out->mood |= CLAUSE_DEMAND;
}

/*
 * Does token t, a bare noun after a preposition of reason and before
 * another preposition or the clause's end, name why the act of clause
 * c's own group is done ("pulled back its troops from the border in
 * retaliation for the raids", "as revenge for")?  Then it is that act,
 * not a phrase inside one of its arguments.
 */
static int
chain_reason(const struct clause_chain *ch, const struct text_doc *doc,
    size_t t)
{
	uint64_t next;
	size_t before;

	if (ch->cs->lang->reason_preps == NULL || t <= ch->c->first ||
	    t + 1 > ch->c->end || (t >= ch->c->verb.first &&
	    t < ch->c->verb.end) || (ccls(ch, t) & CW_NOT_VERB) ||
	    (doc->tokens[t].flags & TEXT_CLAUSE) ||
	    (!ch->cs->headline && (doc->tokens[t].flags & TEXT_UPPER)))
		return 0;	/* "attacked towns in Darfur for weeks" */
	next = t + 1 < ch->c->end ? ccls(ch, t + 1) : CW_PREP;
	if (!(next & (CW_PREP | CW_TO | CW_AND)))
		return 0;
	/* "in an act of defiance": past a noun and its "of" */
	before = t - 1;
	if (before >= ch->c->first + 2 && (ccls(ch, before) & CW_OF) &&
	    !(ccls(ch, before - 1) & (CW_DET | CW_FUNC | CW_PREP))) {
		before -= 2;
		if (before > ch->c->first && (ccls(ch, before) & CW_DET))
			before--;
	}
	return clause_word_in(ch->cs->lang->reason_preps,
	    doc->tokens[before].fold);
}

/*
 * Is token t in the subject of clause ch->c, a clause no one is
 * reported to say, whose verb tells a past act ("the army's retaliation
 * killed hundreds", a headline's "rebel retaliatory raid shocks town")?
 * Then the noun names an act done, as a reason does.  Not under a
 * speaker ("Iran said retaliation came"), nor with a copula or
 * auxiliary for its verb ("retaliation was certain" judges).
 */
static int
subject_act_done(const struct clause_chain *ch, size_t t)
{
	const struct clause *c = ch->c;

	return t >= c->subj_first && t < c->subj_end &&
	    c->role != CLAUSE_REPORTED && c->verb.first < c->verb.end &&
	    c->verb.tense == CLAUSE_PAST && !c->verb.negated &&
	    !(c->verb.mood & ~CLAUSE_HEADLINE) &&
	    !(ccls(ch, c->verb.head) & CW_AUX);
}

/*
 * Has verb-less clause c a subject and an "-ing" verb of its own, a
 * headline's progressive without its "is" ("..., Sudan weighing the
 * offer")?  Then it is no piece of a list, and the group before it
 * (its tense, its negation) does not reach into it.
 */
static int
own_participle(const struct clause_chain *ch, const struct text_doc *doc)
{
	size_t k;

	for (k = ch->c->first + 1; k < ch->c->end; k++)
		if ((ccls(ch, k) & CW_ING) &&
		    !(ccls(ch, k) & (CW_NOT_VERB | CW_DET | CW_PREP)) &&
		    !(doc->tokens[k].flags & TEXT_CLAUSE) &&
		    ((doc->tokens[k - 1].flags & TEXT_UPPER) ||
		    (ccls(ch, k - 1) & CW_PRON)))
			return 1;
	return 0;
}

static int	verb_of_token(const struct clause_sentence *,
		    const struct text_doc *, size_t, struct clause_verb *);

/* Does clause c open with a word of list (NULL: no list)? */
static int
clause_opens_with(const struct text_doc *doc, const struct clause *c,
    const char *const *list)
{
	return list != NULL && c->first < doc->n_tokens &&
	    clause_word_in(list, doc->tokens[c->first].fold);
}

/*
 * Is clause c a headline's topic: its first clause, that the headline's
 * first colon ends ("Darfur truce: what we know"), of nouns only, with
 * no verb group but a present's "-s" form alone that ends it, a plural
 * noun to read ("Varnia peace talks: what next")?
 */
static int
headline_topic(const struct clause_sentence *cs, const struct text_doc *doc,
    const struct clause *c)
{
	struct clause_chain ch;
	const struct text_token *h;
	size_t sl, k;

	if (!cs->headline || cs->n_clauses < 2 || c != &cs->clauses[0] ||
	    cs->lang == NULL || c->end >= cs->clauses[cs->n_clauses - 1].end ||
	    c->end >= doc->n_tokens || !(doc->tokens[c->end].flags &
	    TEXT_COLON))
		return 0;
	ch.cs = cs;
	ch.c = c;
	/* a name for a thing alone, nouns: not "ceasefire now", "truce
	 * and beyond", "Varnia working for a truce in Kidal" */
	for (k = c->first; k < c->end; k++)
		if ((ccls(&ch, k) & ~(CW_DET | CW_POSS | CW_NUM)) &&
		    (k != c->verb.head || c->verb.first == c->verb.end))
			return 0;
	if (c->verb.first == c->verb.end)
		return 1;
	h = &doc->tokens[c->verb.head];
	sl = cs->lang->pres_len;
	return c->verb.first == c->verb.head && c->verb.end == c->end &&
	    c->verb.head > c->first && (ccls(&ch, c->verb.head) & CW_PRES) &&
	    !(ccls(&ch, c->verb.head) & (CW_AUX | CW_PAST)) &&
	    h->fold_len > sl + 1 && memcmp(h->fold + h->fold_len - sl,
	    cs->lang->pres_suffix, sl) == 0;
}

int
clause_verb_at(const struct clause_sentence *cs, const struct text_doc *doc,
    size_t t, struct clause_verb *out)
{
	const struct clause *c;
	int rc;

	rc = verb_of_token(cs, doc, t, out);
	if ((c = clause_at(cs, t)) == NULL)
		return rc;
	/* told of a noun in a relative clause, whatever group it hangs on */
	if (rc == 0 && c->role == CLAUSE_RELATIVE)
		out->mood |= CLAUSE_BACKGROUND;
	/* told as the start of a time ("since Varnia restored ties"): an
	 * event before the news, background */
	if (rc == 0 && c->role == CLAUSE_OTHER && clause_opens_with(doc, c,
	    cs->lang != NULL ? cs->lang->since_words : NULL))
		out->mood |= CLAUSE_BACKGROUND;
	/* told as the end a time waits for ("fight until Varnia pulls
	 * back"): an event not yet real, the condition the main clause
	 * sets, as "unless" sets one.  Only a clause with its own verb: a
	 * verb-less "until Friday" hangs on the main group, which is real.
	 * A speaker's frame ("..., X said") makes it a reported clause.
	 * Told in the past ("shelling went on until the truce took
	 * effect") the end came: real. */
	if (rc == 0 && out->tense != CLAUSE_PAST &&
	    (c->role == CLAUSE_OTHER ||
	    c->role == CLAUSE_REPORTED) &&
	    c->verb.first != c->verb.end && out->head >= c->first &&
	    out->head < c->end && clause_opens_with(doc, c,
	    cs->lang != NULL ? cs->lang->until_words : NULL))
		out->mood |= CLAUSE_ASKED;
	/* named as what the headline is about, whatever chain it holds */
	if (headline_topic(cs, doc, c))
		out->mood |= CLAUSE_TOPIC;
	return rc;
}

static int
verb_of_token(const struct clause_sentence *cs, const struct text_doc *doc,
    size_t t, struct clause_verb *out)
{
	struct clause_chain ch;
	const struct clause *c;
	size_t i, steps;
	int reason;

	memset(out, 0, sizeof(*out));
	if ((c = clause_at(cs, t)) == NULL || cs->lang == NULL)
		return -1;
	i = (size_t)(c - cs->clauses);
	ch.cs = cs;
	ch.c = c;
	reason = chain_reason(&ch, doc, t);
	if (c->verb.first == c->verb.end) {
		/* "despite a rebel threat to shell": a chain of its own,
		 * without tense */
		struct clause bare = *c;

		bare.verb.first = bare.verb.end = bare.verb.head = c->first;
		bare.verb.mood = cs->headline ? CLAUSE_HEADLINE : 0;
		bare.verb.framed = 0;
		ch.c = &bare;
		/* "decide when to pull out", "debate whether to strike":
		 * a question asked, as "if" asks it, no act */
		if ((ccls(&ch, c->first) & CW_CONJ) &&
		    (ccls(&ch, c->first + 1) & CW_TO))
			bare.verb.mood |= CLAUSE_ASKED;
		chain_follow(&ch, t, out);
		if (out->head != c->first || (i > 0 && cs->headline &&
		    own_participle(&ch, doc)))
			return 0;
		memset(out, 0, sizeof(*out));
	}
	/* a verb-less piece of a list hangs on the group before it */
	for (steps = 0; c->verb.first == c->verb.end && i > 0 &&
	    steps < CLAUSE_LIST_MAX && c->role != CLAUSE_CONDITION &&
	    c->role != CLAUSE_RELATIVE; steps++) {
		c = &cs->clauses[--i];
		t = c->end;
	}
	if (c->verb.first == c->verb.end && c->role == CLAUSE_CONDITION) {
		/* "would depend on Russia pulling back": a condition without
		 * a finite verb is still a condition */
		out->first = out->end = out->head = c->first;
		out->mood = c->verb.mood;
		return 0;
	}
	if (c->verb.first == c->verb.end)
		return -1;
	ch.c = c;
	if (reason || subject_act_done(&ch, t)) {
		*out = c->verb;
		out->mood |= CLAUSE_REASON;
		return 0;
	}
	chain_follow(&ch, t, out);
	return 0;
}

/* The chain of token t's clause, for its word classes: 0 when t has no
 * clause or the sentence no language tables. */
static int
chain_at(const struct clause_sentence *cs, size_t t, struct clause_chain *ch)
{
	if ((ch->c = clause_at(cs, t)) == NULL || cs->lang == NULL)
		return 0;
	ch->cs = cs;
	return 1;
}

/* Is token t an -ing word: inside its clause, outside the verb group
 * (opens 0), or opening a clause after the sentence's first (opens 1)? */
static int
participle_at(const struct clause_sentence *cs, size_t t, int opens)
{
	struct clause_chain ch;

	if (!chain_at(cs, t, &ch))
		return 0;
	if (opens ? t != ch.c->first || ch.c == &cs->clauses[0] :
	    t == ch.c->first || (t >= ch.c->verb.first && t < ch.c->verb.end))
		return 0;
	return (ccls(&ch, t) & CW_ING) != 0;
}

int
clause_participle(const struct clause_sentence *cs, size_t t)
{
	return participle_at(cs, t, 0);
}

int
clause_participle_opens(const struct clause_sentence *cs, size_t t)
{
	return participle_at(cs, t, 1);
}

size_t
clause_participle_by(const struct clause_sentence *cs, size_t t)
{
	struct clause_chain ch;

	if (!chain_at(cs, t, &ch))
		return 0;
	if (ccls(&ch, t) & CW_ADV)	/* "the hostages just freed by" */
		t++;
	if (!(ccls(&ch, t) & (CW_PART | CW_EDSHAPE)) ||
	    !(ccls(&ch, t + 1) & CW_AGENT))
		return 0;
	return t + 1;
}

/* Words that make a neighbour of "not" part of a verb group or a phrase
 * it governs ("did not", "not to", "not ready", "not behind"). */
#define CW_NOT_CONTRAST	(CW_AUX | CW_VERB | CW_EDSHAPE | CW_ING | CW_PART | \
	CW_PAST | CW_PRES | CW_ADV | CW_NEG | CW_INTENT | CW_ABLE | \
	CW_NOT_VERB)

int
clause_contrast_not(const struct clause_sentence *cs, size_t t)
{
	uint64_t prev, here, next;
	size_t k;

	if (cs->lang == NULL || t <= cs->class_first ||
	    (k = t - cs->class_first) + 1 >= cs->n_classes)
		return 0;
	prev = cs->classes[k - 1];
	here = cs->classes[k];
	next = cs->classes[k + 1];
	/* the noun after it may take an article: "peace, not the war" */
	return (here & CW_NEG) && !(here & CW_NEVER) &&
	    !(prev & CW_NOT_CONTRAST) &&
	    !(next & (CW_NOT_CONTRAST & ~CW_DET));
}

int
clause_no_determiner(const struct clause_sentence *cs, size_t t)
{
	uint64_t here, next;
	size_t k;

	if (cs->lang == NULL || t < cs->class_first ||
	    (k = t - cs->class_first) + 1 >= cs->n_classes)
		return 0;
	here = cs->classes[k];
	next = cs->classes[k + 1];
	/* a word that opens a noun phrase follows: not "said no to it",
	 * "no longer", "no, it will not" */
	return (here & CW_NO) && (here & CW_DET) &&
	    !(next & (CW_PREP | CW_TO | CW_OF | CW_LONGER | CW_FUNC |
	    CW_AND | CW_OR | CW_CONJ));
}

int
clause_demand_noun(const struct clause_sentence *cs, size_t t)
{
	struct clause_chain ch;

	if (!chain_at(cs, t, &ch) ||
	    (t >= ch.c->verb.first && t < ch.c->verb.end))
		return 0;
	return (ccls(&ch, t) & CW_DEMAND) && !(ccls(&ch, t) & CW_VERB);
}

int
clause_may_be_verb(const struct clause_sentence *cs, size_t t)
{
	struct clause_chain ch;

	if (!chain_at(cs, t, &ch))
		return 0;
	return (ccls(&ch, t) & CW_VERB) && !(ccls(&ch, t) & CW_ADJ);
}

int
clause_coord_verb(const struct clause_sentence *cs, size_t t)
{
	struct clause_chain ch;

	if (t == 0 || !clause_may_be_verb(cs, t) || !chain_at(cs, t - 1, &ch))
		return 0;
	return (ccls(&ch, t - 1) & (CW_AND | CW_OR)) != 0;
}

int
clause_presupposed(const struct clause_sentence *cs, size_t t)
{
	struct clause_chain ch, later;

	if (!chain_at(cs, t, &ch))
		return 0;
	if (ch.c != &cs->clauses[0] && (ccls(&ch, ch.c->first) & CW_SUBORD))
		return 1;
	/* not when the clause asks itself: an auxiliary opens it ("Will
	 * Chad attack, and is the town safe?") or follows its question
	 * word ("Why does Chad attack, and will it stop?") */
	if ((ccls(&ch, ch.c->first) & CW_AUX) ||
	    (ccls(&ch, ch.c->first + 1) & CW_AUX))
		return 0;
	later.cs = cs;
	for (later.c = ch.c + 1; later.c < cs->clauses + cs->n_clauses;
	    later.c++)
		if ((ccls(&later, later.c->first) & (CW_CONJ | CW_AND |
		    CW_OR)) && (ccls(&later, later.c->first + 1) & CW_AUX))
			return 1;
	return 0;
}

int
clause_after_to(const struct clause_sentence *cs, size_t t)
{
	struct clause_chain ch;

	if (t == 0 || !chain_at(cs, t - 1, &ch))
		return 0;
	return (ccls(&ch, t - 1) & CW_TO) != 0;
}

/* A past participle after "to" qualifies the noun after it ("aid to
 * besieged towns", "travel to occupied land"): no infinitive takes one,
 * so the "to" is a preposition.  Only a form that ends as a regular
 * past does: "to put", "to set" are base forms of their own. */
int
clause_to_preposition(const struct clause_sentence *cs,
    const struct text_doc *doc, size_t t)
{
	struct clause_chain ch;
	const struct text_token *next;
	const struct clause_lang *l = cs->lang;
	uint64_t b;

	if (l == NULL || t + 1 >= doc->n_tokens || !chain_at(cs, t, &ch) ||
	    !(ccls(&ch, t) & CW_TO))
		return 0;
	b = ccls(&ch, t + 1);
	next = &doc->tokens[t + 1];
	return (b & (CW_PAST | CW_PART)) && !(b & CW_PRES) &&
	    next->fold_len > l->past_len &&
	    memcmp(next->fold + next->fold_len - l->past_len, l->past_suffix,
	    l->past_len) == 0;
}

int
clause_subject_pronoun(const struct clause_sentence *cs, size_t t)
{
	struct clause_chain ch;

	if (!chain_at(cs, t, &ch) || ch.c->subj_end != ch.c->subj_first + 1)
		return 0;
	return (ccls(&ch, ch.c->subj_first) & CW_PRON) != 0;
}

int
clause_demand_not_to(const struct clause_sentence *cs, size_t t)
{
	struct clause_chain ch;

	if (!chain_at(cs, t, &ch) || t < ch.c->verb.end + 2)
		return 0;
	return (ccls(&ch, t) & CW_TO) && (ccls(&ch, t - 1) & CW_NEG) &&
	    !(ccls(&ch, t - 2) & (CW_VERB | CW_AUX | CW_NEG | CW_TO)) &&
	    (ccls(&ch, ch.c->verb.head) & CW_DEMAND) &&
	    (ccls(&ch, ch.c->verb.head) & CW_OBJECT);
}

int
clause_is_said_guess(const struct clause_verb *v)
{
	return (v->mood & CLAUSE_SAID_GUESS) && !(v->mood & (CLAUSE_DEMAND |
	    CLAUSE_INTENT));
}

int
clause_is_guess(const struct clause_verb *v)
{
	/* a plan that a noun of belief holds ("fears that Varnia plans
	 * to invade") is guessed at as much as an act */
	return (v->mood & CLAUSE_GUESS) && !(v->mood & (CLAUSE_THREAT |
	    CLAUSE_COND | CLAUSE_DEMAND |
	    ((v->mood & CLAUSE_BELIEF) ? 0 : CLAUSE_INTENT)));
}

void
clause_verb_describe(const struct clause_verb *v, char *buf, size_t len)
{
	static const char *const tenses[] = { "none", "past", "present",
	    "future" };
	static const struct {
		int		 bit;
		const char	*name;
	} moods[] = {
		{ CLAUSE_MODAL, "modal" }, { CLAUSE_ABILITY, "ability" },
		{ CLAUSE_INTENT, "intent" }, { CLAUSE_THREAT, "threat" },
		{ CLAUSE_COND, "conditional" }, { CLAUSE_DEMAND, "demand" },
		{ CLAUSE_DENIED, "denied" }, { CLAUSE_HEADLINE, "headline" },
		{ CLAUSE_REASON, "reason" }, { CLAUSE_ASKED, "condition" },
		{ CLAUSE_GUESS, "guess" }, { CLAUSE_SAID_GUESS, "said-guess" },
		{ CLAUSE_DEMAND_OTHER, "demand-of-other" },
		{ CLAUSE_WISH, "wish" }, { CLAUSE_OBLIGED, "obligation" },
		{ CLAUSE_BELIEF, "belief" },
		{ CLAUSE_BACKGROUND, "background" },
		{ CLAUSE_FORECAST, "forecast" },
		{ CLAUSE_TOPIC, "topic" },
	};
	char mood[128];
	size_t i, used = 0;

	mood[0] = '\0';
	for (i = 0; i < sizeof(moods) / sizeof(moods[0]); i++)
		if ((v->mood & moods[i].bit) && used < sizeof(mood))
			used += (size_t)snprintf(mood + used,
			    sizeof(mood) - used, "%s%s", used ? "," : "",
			    moods[i].name);
	if (len == 0)
		return;
	snprintf(buf, len, "tense=%s mood=%s negated=%s%s%s",
	    (unsigned)v->tense < 4 ? tenses[v->tense] : "none",
	    mood[0] != '\0' ? mood : "none", v->negated ? "yes" : "no",
	    v->perfect ? " perfect" : "", v->passive ? " passive" : "");
}
