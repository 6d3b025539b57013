/*
 * clause_start.c: where a verb group may start, the test that both the
 * cut into clauses (clause_cut.c) and the search for each clause's verb
 * group (clause_group.c) make.
 */
#include "autoconf.h"

#include <stdint.h>
#include <string.h>

#include "clause.h"
#include "clause_priv.h"

/* Could token k be a verb after "to" or an auxiliary? */
int
clause_verbish(const struct clause_work *w, size_t k, size_t end)
{
	return k < end && !(wcls(w, k) & (CW_NOT_VERB | CW_ADV));
}

/* The next token at or after k that is not an adverb or a negation. */
size_t
clause_skip_adv(const struct clause_work *w, size_t k, size_t end)
{
	while (k < end && (wcls(w, k) & (CW_ADV | CW_NEG)))
		k++;
	return k;
}

/*
 * Is token k the object of a phrasal verb, right after its particle
 * ("scales back demands", "steps up attacks"): a lower-case word of a
 * verb's present or past shape, its particle, then k?  A noun, then,
 * whatever verb it may also be.
 */
static int
after_particle(const struct clause_work *w, size_t k, size_t from)
{
	const struct text_token *v;

	if (k < from + 2 || !(wcls(w, k - 1) & CW_PARTICLE) ||
	    (wcls(w, k - 2) & (CW_DET | CW_POSS | CW_NUM | CW_PREP | CW_TO |
	    CW_OF | CW_AUX | CW_PRON | CW_NOT_VERB)))
		return 0;
	v = &w->doc->tokens[k - 2];
	return !(v->flags & TEXT_CLAUSE) && !(w->doc->tokens[k - 1].flags &
	    TEXT_CLAUSE) && (clause_pres_form(w, k - 2) ||
	    (wcls(w, k - 2) & (CW_PAST | CW_EDSHAPE | CW_VERB)));
}

/*
 * Is token k, the bare form of a verb of intent, the head of a compound
 * noun: after a singular common noun that a possessive or a preposition
 * (and its article) opens, with neither an object, a name nor an
 * infinitive after it ("changes to a truce plan in Darfur", "Varnia's
 * peace bid")?  Not after a name ("doctors in Varnia plan a strike").  A subject before
 * a bare present is plural ("the rebels plan an attack", "the police
 * warn of raids"), and a verb with its "to" or its object stays one
 * ("the army plan to").
 */
static int
compound_head(const struct clause_work *w, size_t k, size_t from)
{
	const struct text_token *tok = w->doc->tokens;
	uint64_t next = wcls(w, k + 1);
	size_t j, nouns = 0;

	if (k < from + 2 || !(wcls(w, k) & CW_INTENT) ||
	    clause_pres_form(w, k) ||
	    (wcls(w, k) & (CW_PAST | CW_PART | CW_AUX)) ||
	    clause_pres_form(w, k - 1) || (next & (CW_TO | CW_DET |
	    CW_PRON | CW_POSS | CW_NUM | CW_THAT | CW_PARTICLE)) ||
	    (tok[k - 1].flags & TEXT_UPPER) ||
	    (k + 1 < w->end && (tok[k + 1].flags & TEXT_UPPER)))
		return 0;
	/* back over the nouns before it ("a cease-fire plan", "to Darfur
	 * truce plan"), a hyphened word as one */
	for (j = k - 1; j > from && nouns < 3; j--, nouns++) {
		if (tok[j].flags & TEXT_CLAUSE)
			return 0;
		if ((tok[j].flags & TEXT_HYPHEN) && j - 1 > from)
			j--;
		else if (wcls(w, j) != 0)
			break;
	}
	if (nouns == 0 || j < from)
		return 0;
	/* a preposition's object ("to the peace plan"), not a subject
	 * that an article opens ("the police warn of raids") */
	if ((wcls(w, j) & (CW_DET | CW_NUM)) && j > from)
		j--;
	return (wcls(w, j) & (CW_POSS | CW_PREP | CW_OF | CW_TO)) != 0;
}

/*
 * Is token k a verb's bare form in a phrase that a singular article
 * opens, past at most two words that are no verb, no plural and no
 * function word ("a Varnian demand", "an Ostland army plan")?  A noun,
 * then: the present of a singular subject takes the language's ending
 * ("a Varnian envoy demands"), and a past or an auxiliary ("a soldier
 * said", "a soldier will") is no bare form.  "A dozen soldiers plan"
 * has a plural before its verb, which is one.
 */
int
clause_after_article(const struct clause_work *w, size_t k, size_t from)
{
	const struct text_token *tok = w->doc->tokens;
	size_t j;

	if (w->lang->singular_articles == NULL ||
	    (wcls(w, k) & (CW_AUX | CW_PAST | CW_PART | CW_ING)) ||
	    clause_pres_form(w, k))
		return 0;
	for (j = k; j > from && k - j < 3; j--) {
		if (tok[j].flags & TEXT_CLAUSE)
			return 0;
		if (clause_word_in(w->lang->singular_articles,
		    tok[j - 1].fold))
			return j < k;
		if ((wcls(w, j - 1) & (CW_VERB | CW_AUX | CW_NOT_VERB |
		    CW_ADV | CW_NUM | CW_POSS | CW_AND | CW_OR | CW_CONJ)) ||
		    clause_pres_form(w, j - 1))
			return 0;
	}
	return 0;
}

/* Does the text at k look like the start of a finite verb group? */
int
clause_finite_start(const struct clause_work *w, size_t k, size_t from)
{
	uint64_t b = wcls(w, k), prev = k > from ? wcls(w, k - 1) : 0;

	if (prev & (CW_DET | CW_PREP | CW_TO | CW_POSS | CW_OF))
		return 0;
	if (!(b & CW_AUX) && after_particle(w, k, from))
		return 0;
	if (b & CW_AUX)
		return 1;
	if (!(b & CW_VERB) || (b & CW_ADJ))
		return 0;
	if ((b & CW_RULE) && !(wcls(w, k + 1) & CW_PARTICLE))
		return 0;	/* "the rule of law" */
	if (b & (CW_REPORTING | CW_INTENT | CW_RULE | CW_CALL | CW_GIVE))
		return ((b & (CW_PAST | CW_PRES)) &&
		    !compound_head(w, k, from)) || k == from;
	return (b & CW_PAST) && !(b & CW_NEWS && b & CW_PRES) && k > from;
}

int
clause_pres_form(const struct clause_work *w, size_t k)
{
	const struct text_token *t = &w->doc->tokens[k];

	return t->fold_len > w->lang->pres_len + 1 &&
	    memcmp(t->fold + t->fold_len - w->lang->pres_len,
	    w->lang->pres_suffix, w->lang->pres_len) == 0;
}

/* A weak candidate: an unknown "-ed" word, a participle alone, or the
 * "-s" form of a verb of the news ("Iran attacks"). */
int
clause_weak_start(const struct clause_work *w, size_t k, size_t from, int bare)
{
	uint64_t b = wcls(w, k), prev = k > from ? wcls(w, k - 1) : 0;

	if ((k == from && !bare) || (prev & (CW_DET | CW_PREP | CW_TO |
	    CW_POSS | CW_OF | CW_NUM)))
		return 0;
	if (after_particle(w, k, from))
		return 0;
	if (b & (CW_EDSHAPE | CW_PART | CW_ADJ) && !(b & CW_NOT_VERB))
		return 1;
	/* "Varnia attacks Ostland" but not "face attacks and threats" */
	return (b & CW_NEWS) && (b & CW_PRES) && (w->headline ||
	    (clause_pres_form(w, k) && k + 1 < w->end &&
	    !(wcls(w, k + 1) & (CW_AND | CW_OR | CW_PREP | CW_OF))));
}
