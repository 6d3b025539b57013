/*
 * actor_agent.c: which of the mentions actor.c made acts in a clause
 * (see actor.h): the subject, the agent of a passive, the owner of a
 * noun of threat, the speaker of reported speech, or the antecedent of
 * a pronoun, in the sentence or carried from the ones before.  The
 * lookups by position it asks are actor_span.c's.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "actor.h"
#include "actor_priv.h"
#include "clause.h"
#include "text.h"

/* Subjects that stand for a name said before: the antecedent acts. */
static const char *const actor_pronouns[] = {
	"he", "i", "it", "she", "they", "we"
};

/* Of those, the ones whose antecedent may be in the same sentence ("we"
 * and "I" are the speaker's, found by the frame or carried over). */
static const char *const actor_third_pronouns[] = {
	"he", "it", "she", "they"
};

/* Possessives that, opening a reported subject, stand for the speaker. */
static const char *const actor_possessives[] = {
	"her", "his", "its", "their"
};

/* Nouns of an act of force: as a subject ("an invasion would kill
 * thousands", "a strike would hit the port, the envoy said") they name
 * the act, not who reports it; a war or an escalation that goes on is
 * the speaker's own ("the war would go on, the minister said").
 * Sorted. */
static const char *const actor_force_nouns[] = {
	"assault", "attack", "attacks", "bombardment", "bombing",
	"bombings", "incursion", "invasion", "offensive", "raid", "raids",
	"strike", "strikes"
};

/* After a noun of threat or demand, these name who makes it ("an
 * ultimatum from Baghdad", "warnings by the army"). */
static const char *const actor_agent_prepositions[] = { "by", "from" };

/* Verbs whose object, before "of" and an -ing word, is who does that
 * ("accused Hezbollah of planning to attack": Hezbollah plans). */
static const char *const actor_accusations[] = {
	"accuse", "accused", "accuses", "accusing", "blame", "blamed",
	"blames", "blaming", "charged", "suspected", "suspects"
};

/* Participles after which "to" names an author ("a tape attributed to
 * X"), as "by" does after others. */
static const char *const actor_attributions[] = {
	"ascribed", "attributed", "credited"
};

static long	actor_antecedent(const struct actor_mention *, size_t,
		    const struct clause_sentence *, const struct text_doc *,
		    const struct clause *, size_t, size_t);

const struct clause *
actor_frame(const struct clause_sentence *cs, const struct clause *c)
{
	int depth;

	for (depth = 0; c != NULL && depth < 8; depth++) {
		if (c->speaker_first < c->speaker_end)
			return c;
		c = clause_parent(cs, c);
	}
	return NULL;
}

/* The speaker of reported clause c, or of the nearest clause above it
 * that has one; -1 if none acts. */
static long
actor_speaker(const struct actor_mention *m, size_t n,
    const struct clause_sentence *cs, const struct text_doc *doc,
    const struct clause *c)
{
	long k;

	if ((c = actor_frame(cs, c)) == NULL)
		return -1;
	k = actor_in_span(m, n, doc, c->speaker_first, c->speaker_end);
	/* "'We will respond,' he said" */
	return k >= 0 ? k : actor_antecedent(m, n, cs, doc, c,
	    c->speaker_first, c->speaker_end);
}

/* A passive's agent: the mention after "by" close behind the verb
 * group ("the village was attacked on Monday by rebels"), or -1. */
static long
actor_passive_agent(const struct actor_mention *m, size_t n,
    const struct text_doc *doc, const struct clause *c)
{
	size_t k;

	if (!c->verb.passive || c->verb.first == c->verb.end)
		return -1;
	for (k = c->verb.end; k < c->end && k < c->verb.end + 6; k++) {
		if (k > c->verb.end && (doc->tokens[k].flags & TEXT_CLAUSE))
			return -1;
		if (strcmp(doc->tokens[k].fold, "by") == 0)
			return actor_object_of(m, n, doc, k, c->end);
	}
	return -1;
}

/* Do tokens [from, to) overlap clause c's verb group? */
static int
actor_in_verb(const struct clause *c, size_t from, size_t to)
{
	return c->verb.first < c->verb.end && to > c->verb.first &&
	    from < c->verb.end;
}

/* Words a possessive reaches over to the noun it owns. */
#define ACTOR_POSS_REACH	2

/* Are tokens [from, to) lower-case words of one phrase, no function
 * word among them? */
static int
actor_qualifies(const struct text_doc *doc, size_t from, size_t to)
{
	size_t k;

	for (k = from; k < to; k++)
		if ((doc->tokens[k].flags & (TEXT_CLAUSE | TEXT_UPPER |
		    TEXT_POSS)) || actor_in(doc->tokens[k].fold,
		    actor_stop_words, actor_n_stop_words))
			return 0;
	return 1;
}

/* Words a possessive reaches over to "and" and the noun after it
 * ("Iran's ties to Chad and threats"). */
#define ACTOR_AND_REACH	5

/* Do tokens [from, to) join a possessive's first noun to "and" at to
 * with no clause break, possessive or article ("ties to Chad")? */
static int
actor_joined(const struct text_doc *doc, size_t from, size_t to)
{
	size_t k;

	for (k = from; k < to; k++)
		if ((doc->tokens[k].flags & (TEXT_CLAUSE | TEXT_POSS)) ||
		    actor_in(doc->tokens[k].fold, actor_determiners,
		    actor_n_determiners))
			return 0;
	return 1;
}

/*
 * A noun that names its own agent: "a rebel threat to shell", "Iran's
 * ultimatum", "the rebels' vow", "an ultimatum from Baghdad", "warnings
 * by the army".  Token t is a noun when it is no part of its clause's
 * verb group; the mention right before it (an owner or a modifier) or
 * after "by"/"from" right behind it acts.  -1 when t has none.
 */
static long
actor_noun_agent(const struct actor_mention *m, size_t n,
    const struct text_doc *doc, const struct clause *c, size_t t)
{
	size_t k;

	if (actor_in_verb(c, t, t + 1))
		return -1;
	if (actor_in(doc->tokens[t].fold, actor_stop_words,
	    actor_n_stop_words))
		return -1;
	/* A possessive owns its noun wherever the phrase stands: the
	 * preposition before "for Iran's ultimatum" governs the whole
	 * phrase, and Iran still sets the ultimatum.  A modifier ("a rebel
	 * threat") acts only where a name could. */
	for (k = 0; k < n; k++)
		if (m[k].end == t && m[k].head + 1 == t &&
		    !(doc->tokens[t].flags & TEXT_CLAUSE) &&
		    ((doc->tokens[t - 1].flags & TEXT_POSS) ||
		    (m[k].first > c->first && actor_in(doc->tokens[
		    m[k].first - 1].fold, actor_determiners,
		    actor_n_determiners) && actor_can_act(m, k, doc,
		    c->first))))
			return (long)k;
	/* ... and past the words that qualify the noun ("Iran's threatened
	 * retaliation", "Hamas's latest threat"). */
	for (k = 0; k < n; k++)
		if (m[k].end < t && m[k].end + ACTOR_POSS_REACH >= t &&
		    m[k].end > m[k].first &&
		    (doc->tokens[m[k].end - 1].flags & TEXT_POSS) &&
		    actor_qualifies(doc, m[k].end, t + 1))
			return (long)k;
	/* "Varnia's ties to Chad and threats to Sudan": a bare noun right
	 * after "and" shares the possessive of the phrase it is joined
	 * to, a few words back past no verb, clause break, article or
	 * other possessive. */
	if (t >= 3 && t > c->first + 2 && strcmp(doc->tokens[t - 1].fold,
	    "and") == 0 && !(doc->tokens[t].flags & TEXT_CLAUSE) &&
	    !(doc->tokens[t - 1].flags & TEXT_CLAUSE) &&
	    !actor_in_verb(c, c->first, t))
		for (k = 0; k < n; k++)
			if (m[k].end < t - 1 && m[k].end + ACTOR_AND_REACH >= t &&
			    m[k].first >= c->first && m[k].end > m[k].first &&
			    (doc->tokens[m[k].end - 1].flags & TEXT_POSS) &&
			    actor_joined(doc, m[k].end, t - 1))
				return (long)k;
	if (t + 2 < c->end &&
	    ACTOR_IN(doc->tokens[t + 1].fold, actor_agent_prepositions) &&
	    !(doc->tokens[t + 1].flags & TEXT_CLAUSE))
		return actor_object_of(m, n, doc, t + 1, c->end);
	return -1;
}

/* Does token k ("by", "from", "to" after "attributed") name who made
 * the noun before it? */
static int
actor_names_author(const struct text_doc *doc, size_t k)
{
	const char *w = doc->tokens[k].fold;

	if (ACTOR_IN(w, actor_agent_prepositions))
		return 1;
	return k > 0 && strcmp(w, "to") == 0 &&
	    ACTOR_IN(doc->tokens[k - 1].fold, actor_attributions);
}

/*
 * The author of a subject that names no one who acts: a recording, a
 * statement, a letter speaks for whoever made it or sent it ("a
 * statement from X vowed", "a tape released by X calls for", "a tape
 * attributed to X").  The name after "by" or "from" in the subject or
 * between it and the verb group,
 * or right after the group when that is a bare past form, a participle
 * the analysis took for the verb ("a tape released by X calls"); -1
 * when there is none.
 */
static long
actor_author(const struct actor_mention *m, size_t n,
    const struct text_doc *doc, const struct clause *c)
{
	size_t k, to;
	long a;

	if (c->subj_first >= c->subj_end)
		return -1;
	to = c->verb.first < c->verb.end && c->verb.first > c->subj_end ?
	    c->verb.first : c->subj_end;
	for (k = c->subj_first + 1; k < to && k < c->end; k++)
		if (actor_names_author(doc, k) &&
		    (a = actor_object_of(m, n, doc, k, to)) >= 0)
			return a;
	k = c->verb.end;
	if (c->verb.first < k && k + 1 < c->end && c->verb.tense ==
	    CLAUSE_PAST && !c->verb.passive && !c->verb.perfect &&
	    !(doc->tokens[k].flags & TEXT_CLAUSE) &&
	    actor_names_author(doc, k))
		return actor_object_of(m, n, doc, k, c->end);
	return -1;
}

/* Is tokens [first, end) one pronoun of the list? */
static int
actor_is_pronoun(const struct text_doc *doc, size_t first, size_t end,
    const char *const *list, size_t n_list)
{
	return end == first + 1 && actor_in(doc->tokens[first].fold, list,
	    n_list);
}

/*
 * Who a pronoun subject in tokens [first, end) of clause c stands for:
 * a third-person one, the subject of the nearest clause before c that
 * names one ("gunmen pose with a hostage, who they threatened to
 * behead"); any one, else the name carried over from the sentences
 * before (the mentions after the sentence's own, actor_agent).  -1
 * when it is no pronoun or stands for no one known.
 */
static long
actor_antecedent(const struct actor_mention *m, size_t n,
    const struct clause_sentence *cs, const struct text_doc *doc,
    const struct clause *c, size_t first, size_t end)
{
	size_t i, k, sfirst;
	long a;

	if (!actor_is_pronoun(doc, first, end, actor_pronouns,
	    NELEM(actor_pronouns)) || cs->n_clauses == 0)
		return -1;
	if (actor_is_pronoun(doc, first, end, actor_third_pronouns,
	    NELEM(actor_third_pronouns)))
		for (i = (size_t)(c - cs->clauses); i-- > 0; ) {
			const struct clause *p = &cs->clauses[i];

			if ((a = actor_in_span(m, n, doc, p->subj_first,
			    p->subj_end)) >= 0)
				return a;
			/* A clause whose verb the analysis does not know
			 * ("gunmen pose with a hostage, who they ...") has
			 * no subject: its first name that can act is one,
			 * not the nearest name (an object). */
			if (p->subj_first == p->subj_end &&
			    p->verb.first == p->verb.end &&
			    (a = actor_in_span(m, n, doc, p->first,
			    p->end)) >= 0)
				return a;
		}
	sfirst = cs->clauses[0].first;
	for (k = n; k-- > 0; )
		if (m[k].end <= sfirst)
			return (long)k;
	return -1;
}

/*
 * The agent of clause c: its subject, else by its role up the tree.
 * patient: the term is the clause's own passive group ("Chad's towns
 * would be destroyed"), whose subject suffers it and does not act;
 * after the group the subject does act again ("Sudan is prepared to
 * halt operations", "was ordered to withdraw").
 */
static long
actor_of_clause(const struct actor_mention *m, size_t n,
    const struct clause_sentence *cs, const struct text_doc *doc,
    const struct clause *c, int patient, int depth)
{
	const struct clause *parent;
	long k;

	if ((k = actor_passive_agent(m, n, doc, c)) >= 0)
		return k;
	if (!patient && ((k = actor_between(m, n, doc, c->subj_first,
	    c->subj_end)) >= 0 || (k = actor_in_span(m, n, doc,
	    c->subj_first, c->subj_end)) >= 0))
		return k;
	if ((k = actor_author(m, n, doc, c)) >= 0)
		return k;
	if (c->role != CLAUSE_REPORTED && (k = actor_antecedent(m, n, cs,
	    doc, c, c->subj_first, c->subj_end)) >= 0)
		return k;
	/* The subject is a pronoun, a thing ("the missiles") or missing:
	 * reported speech is its speaker's, or when the analysis found
	 * none for this clause ("said X would not dare attack since it
	 * could strike back"), the nearest speaker above it. */
	/* ... but a noun of force as the subject, no possessive before
	 * it ("an invasion would kill", not "its offensive will go on"),
	 * names an act, not the one who reports it: no one named acts */
	if (c->subj_first < c->subj_end && ACTOR_IN(doc->tokens[
	    c->subj_end - 1].fold, actor_force_nouns) &&
	    !ACTOR_IN(doc->tokens[c->subj_first].fold, actor_possessives))
		return -1;
	if (c->role == CLAUSE_REPORTED)
		return actor_speaker(m, n, cs, doc, c);
	if (c->subj_first < c->subj_end)
		return -1;
	parent = clause_parent(cs, c);
	if (c->role == CLAUSE_RELATIVE &&
	    (k = actor_before(m, n, c->first)) >= 0)
		return k;
	if (parent != NULL && depth < 8)
		return actor_of_clause(m, n, cs, doc, parent, 0, depth + 1);
	/* No subject found by the analysis: the first name before the
	 * verb that can act. */
	if (c->verb.first < c->verb.end)
		return actor_in_span(m, n, doc, c->first, c->verb.first);
	return -1;
}

void
actor_own_by_speaker(struct actor_mention *m, size_t n,
    const struct clause_sentence *cs, const struct text_doc *doc)
{
	const struct clause *c;
	size_t k, p;
	long sp;

	for (k = 0; k < n; k++) {
		if (m[k].role < 0 || m[k].actor >= 0 || m[k].first == 0)
			continue;
		p = m[k].first - 1;
		if (!ACTOR_IN(doc->tokens[p].fold, actor_possessives) ||
		    (c = clause_at(cs, m[k].first)) == NULL ||
		    c->subj_first != p || c->role != CLAUSE_REPORTED)
			continue;
		sp = actor_speaker(m, n, cs, doc, c);
		if (sp >= 0 && (size_t)sp != k && m[sp].actor >= 0)
			m[k].actor = m[sp].actor;
	}
}

long
actor_reporter_at(const struct actor_mention *m, size_t n,
    const struct clause_sentence *cs, const struct text_doc *doc, size_t t)
{
	const struct clause *f = actor_frame(cs, clause_at(cs, t));

	return f != NULL ? actor_speaker(m, n, cs, doc, clause_parent(cs, f)) :
	    -1;
}

long
actor_speaker_at(const struct actor_mention *m, size_t n,
    const struct clause_sentence *cs, const struct text_doc *doc, size_t t)
{
	const struct clause *c;
	int depth;

	if ((c = clause_at(cs, t)) == NULL)
		return -1;
	if (actor_frame(cs, c) != NULL)
		return actor_speaker(m, n, cs, doc, c);
	/* Nobody reports it ("Iran warned Israel of grave consequences",
	 * "told Chad to withdraw or bear the consequences"): the one who
	 * warns or demands speaks, the subject of the threat or demand
	 * that governs the clause or the nearest one above it. */
	for (depth = 0; c != NULL && depth < 8; depth++) {
		if ((c->verb.mood & (CLAUSE_THREAT | CLAUSE_DEMAND)) &&
		    c->verb.first < c->verb.end)
			return actor_of_clause(m, n, cs, doc, c,
			    c->verb.passive, 0);
		c = clause_parent(cs, c);
	}
	return -1;
}

/*
 * "Sudan rejected Chad's ultimatum to withdraw or face attack": the
 * consequence of a demand (a clause of its own on a condition, with no
 * subject of its own, or the one before it lends) is the threat of
 * whoever owns the demand, when a noun in the clause above names it.
 * -1 when it names no one.
 */
static long
actor_demand_owner(const struct actor_mention *m, size_t n,
    const struct clause_sentence *cs, const struct text_doc *doc,
    const struct clause *c)
{
	const struct clause *p;
	size_t u;
	long k;

	if (c->role != CLAUSE_OTHER || (c->subj_first != c->subj_end &&
	    c->subj_end > c->first) ||
	    !(c->verb.mood & CLAUSE_COND) ||
	    (p = clause_parent(cs, c)) == NULL)
		return -1;
	for (u = p->first; u < p->end; u++)
		if (clause_demand_noun(cs, u) &&
		    (k = actor_noun_agent(m, n, doc, p, u)) >= 0)
			return k;
	return -1;
}

/* Are tokens [from, to) of clause c no verb: outside its verb group,
 * and none a word the tables know as a verb ("forces pose threat",
 * where the analysis found no group)? */
static int
actor_no_verb(const struct clause_sentence *cs, const struct clause *c,
    size_t from, size_t to)
{
	size_t k;

	if (actor_in_verb(c, from, to))
		return 0;
	for (k = from; k < to; k++)
		if (clause_may_be_verb(cs, k))
			return 0;
	return 1;
}

long
actor_owner_at(const struct actor_mention *m, size_t n,
    const struct clause_sentence *cs, const struct text_doc *doc, size_t t)
{
	const struct clause *c;
	long k;

	if ((c = clause_at(cs, t)) == NULL || actor_in_verb(c, t, t + 1))
		return -1;
	/* A threat noun in the subject of a clause with a verb of its own
	 * ("Ostland's threat forced Varnia to close the border", "Ostland
	 * threats leave Varnia uneasy") is told as the cause of the news,
	 * not as a threat made in it. */
	if (c->verb.first != c->verb.end &&
	    t >= c->subj_first && t < c->subj_end)
		return -1;
	/* A role no party owns ("the threat from terrorists", "the rebel
	 * threat") names a kind of danger, not the one who made it. */
	if ((k = actor_noun_agent(m, n, doc, c, t)) >= 0)
		return m[k].actor >= 0 ? k : -1;
	/* A name that qualifies the noun, past its adjectives ("new
	 * Russian threat", "Chinese military threats"), owns it even
	 * with no article before it, as long as no verb stands between:
	 * "Russia sees nuclear threat" is a threat Russia sees.  A name
	 * that backs ("Iranian-backed threats") sponsors, not owns. */
	if (doc->tokens[t].flags & TEXT_CLAUSE)
		return -1;
	for (k = 0; (size_t)k < n; k++)
		if (m[k].actor >= 0 && m[k].end <= t &&
		    m[k].end + ACTOR_POSS_REACH >= t &&
		    m[k].head + 1 == m[k].end &&
		    !(m[k].end < t && actor_backing(doc, m[k].end)) &&
		    actor_qualifies(doc, m[k].end, t) &&
		    actor_no_verb(cs, c, m[k].end, t))
			return k;
	return -1;
}

long
actor_agent(const struct actor_mention *m, size_t n,
    const struct clause_sentence *cs, const struct text_doc *doc, size_t t)
{
	const struct clause *c;
	long k;
	size_t p;

	if ((c = clause_at(cs, t)) == NULL)
		return -1;
	/* "a British hostage freed by the rebels": the name after the
	 * participle's "by" did it, whoever the noun's modifier names. */
	if (!actor_in_verb(c, t, t + 1) && t + 1 < c->end &&
	    (p = clause_participle_by(cs, t + 1)) > 0 &&
	    (k = actor_object_of(m, n, doc, p, c->end)) >= 0)
		return k;
	if ((k = actor_noun_agent(m, n, doc, c, t)) >= 0)
		return k;
	if ((k = actor_demand_owner(m, n, cs, doc, c)) >= 0)
		return k;
	/* "a response to insurgents threatening to kill him": the noun a
	 * participle modifies does what it says, even after a
	 * preposition. */
	if (clause_participle(cs, t) && !(doc->tokens[t].flags & TEXT_CLAUSE))
		for (k = 0; (size_t)k < n; k++)
			if (m[k].end == t && m[k].head + 1 == t)
				return k;
	/* "accused Hezbollah of planning to attack": the accused */
	if (t >= 3 && strcmp(doc->tokens[t - 1].fold, "of") == 0 &&
	    !(doc->tokens[t].flags & TEXT_CLAUSE))
		for (k = 0; (size_t)k < n; k++)
			if (m[k].end == t - 1 && (p = actor_phrase_start(doc,
			    m[k].first, 0)) > 0 &&
			    ACTOR_IN(doc->tokens[p - 1].fold, actor_accusations))
				return k;
	/* "obtained a tape from al-Qaeda, threatening attacks": after a
	 * comma, a participle tells of the thing whose author ends the
	 * phrase before it. */
	if (clause_participle_opens(cs, t) &&
	    (doc->tokens[t].flags & TEXT_CLAUSE))
		for (k = 0; (size_t)k < n; k++)
			if (m[k].end == t && (p = actor_phrase_start(doc,
			    m[k].first, 0)) > 0 && actor_names_author(doc, p - 1))
				return k;
	return actor_of_clause(m, n, cs, doc, c, c->verb.passive &&
	    t >= c->verb.first && t < c->verb.end, 0);
}
