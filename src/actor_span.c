/*
 * actor_span.c: which mention stands where, for actor_agent.c: the first
 * one in a span of tokens that can act, the one right before a token or
 * after a preposition, and the sides named after "between".  It calls
 * nothing of actor_agent.c: the lookups run one way.
 */
#include "autoconf.h"

#include <string.h>

#include "actor.h"
#include "actor_priv.h"
#include "text.h"

/* What links a step's noun to the party that would take it ("the
 * disarmament of the Darfur rebels", "the pullback of Ostland troops"). */
static const char *const actor_step_prepositions[] = {
	"of"
};

/* After the subject's own noun, these name the sides that do what it
 * names together ("talks between Sudan and the rebels will resume"). */
static const char *const actor_reciprocal[] = {
	"between"
};

/* Nouns that count the ones named after their "of" ("dozens of
 * soldiers", "rising numbers of traders", "a band of gunmen"): those
 * act as the count would. */
static const char *const actor_counts[] = {
	"dozens", "group", "handful", "hundreds", "majority", "millions",
	"number", "numbers", "scores", "tens", "thousands"
};

/*
 * Do up to two lower-case modifiers and one article before token p
 * follow a preposition ("on the foreign minister", "in the western
 * port")?  Then the name after them is in that phrase too.
 */
static int
actor_after_modifiers(const struct text_doc *doc, size_t p, size_t lo)
{
	size_t q = p;

	while (q > lo && p - q < 2 && !(doc->tokens[q].flags &
	    (TEXT_CLAUSE | TEXT_HYPHEN)) && !(doc->tokens[q - 1].flags &
	    TEXT_UPPER) && actor_modifier_ok(&doc->tokens[q - 1]))
		q--;
	if (q == p || actor_phrase_start(doc, q, lo) != q - 1 || q - 1 <= lo)
		return 0;
	q--;
	return !(doc->tokens[q].flags & TEXT_CLAUSE) &&
	    actor_in(doc->tokens[q - 1].fold, actor_prepositions,
	    actor_n_prepositions);
}

/*
 * Can mention k act?  Not after a preposition, even past an article
 * ("the arrest of Marko", "militias in Chad"), nor when it only
 * backs another name ("Varnia-backed": grouped already, but a lone one
 * before an unknown noun, "Varnia-backed groups", stays a backer).  A
 * name joined by "and" or "or" to one that cannot act cannot either
 * ("on U.S. and NATO airplanes").
 */
int
actor_can_act(const struct actor_mention *m, size_t k,
    const struct text_doc *doc, size_t lo)
{
	size_t p = m[k].first;
	const char *before;

	if (m[k].end < doc->n_tokens && actor_backing(doc, m[k].end))
		return 0;
	p = actor_phrase_start(doc, p, lo);
	/* A phrase may begin before the span whose head it is in. */
	if (p <= lo)
		return 1;
	before = doc->tokens[p - 1].fold;
	/* "thousands of troops" acts where "thousands" would */
	while (p >= lo + 2 && strcmp(before, "of") == 0 &&
	    !(doc->tokens[p].flags & TEXT_CLAUSE) &&
	    !(doc->tokens[p - 1].flags & TEXT_CLAUSE) &&
	    actor_in(doc->tokens[p - 2].fold, actor_counts,
	    NELEM(actor_counts))) {
		p = actor_phrase_start(doc, p - 2, lo);
		if (p <= lo)
			return 1;
		before = doc->tokens[p - 1].fold;
	}
	if (actor_in(before, actor_prepositions,
	    actor_n_prepositions))
		return 0;
	if (actor_after_modifiers(doc, p, lo))
		return 0;
	if ((strcmp(before, "and") == 0 || strcmp(before, "or") == 0) &&
	    k > 0 && m[k - 1].end == p - 1)
		return actor_can_act(m, k - 1, doc, lo);
	return 1;
}

/* The first mention in tokens [from, to) that can act, or -1. */
long
actor_in_span(const struct actor_mention *m, size_t n,
    const struct text_doc *doc, size_t from, size_t to)
{
	size_t k;

	if (from >= to)
		return -1;
	for (k = 0; k < n; k++)
		if (m[k].head >= from && m[k].head < to &&
		    actor_can_act(m, k, doc, from))
			return (long)k;
	return -1;
}

/* The mention that ends right before token t (a relative clause's
 * antecedent: "militants who vowed"), or -1. */
long
actor_before(const struct actor_mention *m, size_t n, size_t t)
{
	size_t k;

	for (k = n; k > 0; k--)
		if (m[k - 1].end == t)
			return (long)(k - 1);
	return -1;
}

/*
 * The first side named after "between" when it follows the subject's
 * head noun, within its first four words ("talks between", "the fragile
 * truce between"): talks, a truce or a clash are the sides' doing,
 * where a name after a preposition otherwise never acts.  -1 if none.
 */
long
actor_between(const struct actor_mention *m, size_t n,
    const struct text_doc *doc, size_t from, size_t to)
{
	size_t k, t, last = from + 4 < to ? from + 4 : to;

	for (t = from + 1; t < last; t++)
		if (ACTOR_IN(doc->tokens[t].fold, actor_reciprocal))
			break;
	if (t >= last)
		return -1;
	for (k = 0; k < n; k++)
		if (m[k].head > t && m[k].head < to &&
		    actor_phrase_start(doc, m[k].first, t + 1) == t + 1)
			return (long)k;
	return -1;
}

/* The first mention that starts in tokens [from, to], or -1. */
static long
actor_starting(const struct actor_mention *m, size_t n, size_t from,
    size_t to)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (m[k].first >= from && m[k].first <= to)
			return (long)k;
	return -1;
}

/* The mention after token p, past its determiners ("by the army"). */
long
actor_object_of(const struct actor_mention *m, size_t n,
    const struct text_doc *doc, size_t p, size_t end)
{
	size_t q = p + 1;

	while (q < end && actor_in(doc->tokens[q].fold, actor_determiners,
	    actor_n_determiners))
		q++;
	return q < end ? actor_starting(m, n, p + 1, q) : -1;
}

long
actor_step_party_after(const struct actor_mention *m, size_t n,
    const struct text_doc *doc, size_t end)
{
	long k;

	if (end >= doc->n_tokens || (doc->tokens[end].flags & TEXT_CLAUSE) ||
	    !ACTOR_IN(doc->tokens[end].fold, actor_step_prepositions))
		return -1;
	return (k = actor_object_of(m, n, doc, end, doc->n_tokens)) >= 0 &&
	    m[k].actor >= 0 ? k : -1;
}

/*
 * Words after mention k that leave the mention whole, never the noun
 * the name would qualify: adverbs, subordinators and verbs of speech
 * ("crush Varnia again", "defeat Ostland whatever it takes", "crush
 * Varnia says the envoy").  Sorted.
 */
static const char *const actor_after_object[] = {
	"again", "alone", "altogether", "because", "even", "ever", "first",
	"forever", "here", "instead", "next", "now", "once", "says", "soon",
	"still", "today", "together", "tomorrow", "tonight", "too", "unless",
	"warns", "whatever", "wherever", "yesterday"
};

/*
 * Does mention k only qualify the noun after it: a possessive with its
 * noun ("Varnia's oligarchs"), or a name or its adjective before a noun
 * ("the Varnia court ruling", "Varnian living costs")?
 * Then what the phrase names is that noun, not the party.  A capital
 * after the name may be a name of its own or, in a headline, where
 * every word has one, a noun that names a party ("Varnian Proxy"): only
 * an owner's ("Varnia Envoy's Plan") is taken for the noun.  An
 * adverb, a past form, a verb of speech or a function word ends the
 * phrase.
 */
static int
actor_qualifies_noun(const struct actor_mention *m, size_t n,
    const struct text_doc *doc, size_t k)
{
	size_t e = m[k].end;
	const struct text_token *t;

	if (e >= doc->n_tokens || e == 0)
		return 0;
	t = &doc->tokens[e];
	if ((t->flags & (TEXT_CLAUSE | TEXT_HYPHEN)) || t->fold_len == 0 ||
	    actor_starting(m, n, e, e) >= 0 ||
	    actor_in(t->fold, actor_stop_words, actor_n_stop_words) ||
	    actor_in(t->fold, actor_prepositions, actor_n_prepositions))
		return 0;
	if ((doc->tokens[e - 1].flags & TEXT_POSS) || (t->flags & TEXT_POSS))
		return 1;
	return !(t->flags & TEXT_UPPER) &&
	    !ACTOR_IN(t->fold, actor_after_object) &&
	    !actor_ends(t->fold, t->fold_len, "ly") &&
	    !actor_ends(t->fold, t->fold_len, "ed");
}

long
actor_object_at(const struct actor_mention *m, size_t n,
    const struct text_doc *doc, size_t t)
{
	long k;

	if (t == 0 || t > doc->n_tokens || (t < doc->n_tokens &&
	    (doc->tokens[t].flags & TEXT_CLAUSE)))
		return -1;
	return (k = actor_object_of(m, n, doc, t - 1, doc->n_tokens)) >= 0 &&
	    m[k].actor >= 0 && !actor_qualifies_noun(m, n, doc, (size_t)k) ?
	    k : -1;
}
