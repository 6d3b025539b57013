/*
 * rules_actor.c: which actors a sentence names, and which of them acts.
 * Word lists and positions only, no parsing: the subject is looked for
 * in the term's clause, then after the last verb of speech before the
 * term ("officials said Iran had vowed ..."), passing over names that
 * follow a preposition or qualify another ("Iran-backed Hezbollah").
 */
#include "autoconf.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actor.h"
#include "config.h"
#include "rules.h"
#include "rules_priv.h"
#include "text.h"

/* Verbs that report speech.  The actor of a term is looked for first
 * after the last of them ("officials said Iran had vowed ..."). */
static const char *const rules_speech_words[] = {
	"said", "say", "says", "saying", "added", "stated", "states",
	"claimed", "claims", "reported", "according", "announced",
	"insisted", "noted", "argued", "declared", "believes", "believe",
	"thinks", "wrote", "tweeted", "posted", "confirmed", "revealed",
	"told", "tells", "tell", "warned", "warns", "urged", "urges",
	"urge", "informed", "assured", "reminded", "called", "asked",
	"implored", "pressed", "press", NULL
};

/* Of those, the ones whose next word is the listener, not the speaker
 * ("Starmer told Pezeshkian that ..."). */
static const char *const rules_object_speech_words[] = {
	"told", "tells", "tell", "warned", "warns", "urged", "urges",
	"urge", "informed", "assured", "reminded", "called", "asked",
	"implored", "pressed", "press", NULL
};

/* A name after one of these is an object or a place, not who speaks
 * ("the arrest of Marko", "militias in Chad"). */
static const char *const rules_object_words[] = {
	"of", "to", "in", "on", "at", "by", "for", "from", "with", "against",
	"into", "onto", "toward", "towards", "over", "near", "across",
	"inside", "about", "via", "through", "between", "among", "than",
	"upon", "within", NULL
};

/* A name before one of these only qualifies the next one
 * ("Iran-backed Hezbollah", "Iranian-backed militias"). */
static const char *const rules_modifier_words[] = {
	"backed", "back", "allied", "aligned", "affiliated", "sponsored",
	"supported", "linked", "funded", "armed", "controlled", "led",
	"run", "based", "held", NULL
};

static const char *const rules_article_words[] = {
	"the", "a", "an", "its", "their", "his", "her", NULL
};

/* Actors named in the sentence: the longest name wins where two overlap
 * ("Islamic Republic of Iran" over "Iran"). */
int
rules_find_mentions(struct rules_run *run)
{
	const struct rules *r = run->r;
	struct rules_mention *m;
	const struct rules_occ *o;
	size_t k, j, n = 0;
	int overlap;

	free(run->mentions);
	free(run->allowed);
	run->mentions = NULL;
	run->n_mentions = 0;
	if ((run->allowed = calloc(run->n_occs + 1, sizeof(int))) == NULL)
		return -1;
	if ((m = calloc(run->n_occs + 1, sizeof(*m))) == NULL)
		return -1;
	for (k = 0; k < run->n_occs; k++) {
		o = &run->occs[k];
		if (!RULES_OCC_NAME(r, o, PAT_ACTOR))
			continue;
		overlap = 0;
		for (j = 0; j < n; j++) {
			if (o->start >= m[j].end || o->end <= m[j].start)
				continue;
			overlap = 1;
			if (o->end - o->start > m[j].end - m[j].start) {
				m[j].actor = r->pats[o->pat].owner;
				m[j].start = o->start;
				m[j].end = o->end;
			}
			break;
		}
		if (!overlap) {
			m[n].actor = r->pats[o->pat].owner;
			m[n].start = o->start;
			m[n].end = o->end;
			n++;
		}
	}
	/* text order, for "actors in text order" */
	for (k = 1; k < n; k++)
		for (j = k; j > 0 && m[j - 1].start > m[j].start; j--) {
			struct rules_mention tmp = m[j];

			m[j] = m[j - 1];
			m[j - 1] = tmp;
		}
	run->mentions = m;
	run->n_mentions = n;
	return 0;
}

int
rules_has_id(const size_t *ids, size_t n, size_t id)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (ids[k] == id)
			return 1;
	return 0;
}

size_t
rules_distance(size_t as, size_t ae, size_t bs, size_t be)
{
	if (ae <= bs)
		return bs - ae;
	if (be <= as)
		return as - be;
	return 0;
}

/* Words that open a clause told beside another, at the same time or
 * after it, or against it ("as", "after", "while", "but"); here, below
 * both rules_agent.c and rules_clause.c that read them. */
const char *const rules_beside_words[] = {
	"after", "although", "and", "as", "but", "though", "whereas",
	"while", NULL
};

int
rules_in(const struct text_token *t, const char *const *words)
{
	size_t k;

	for (k = 0; words[k] != NULL; k++)
		if (strcmp(t->fold, words[k]) == 0)
			return 1;
	return 0;
}

/* May mention m stand as rule ri's actor (the list, the window)? */
int
rules_allowed(const struct rules_run *run, size_t ri,
    const struct rules_mention *m)
{
	const struct rules *r = run->r;
	const struct config_rule *rule = &r->cfg->rules[ri];
	const struct rules_occ *o;
	size_t j;

	if (!r->rule_any_actor[ri] && r->rule_n_actor_ids[ri] > 0 &&
	    !rules_has_id(r->rule_actor_ids[ri], r->rule_n_actor_ids[ri],
	    m->actor))
		return 0;
	if (rule->window <= 0)
		return 1;
	for (j = 0; j < run->n_occs; j++) {
		o = &run->occs[j];
		if (r->pats[o->pat].kind == PAT_TERM &&
		    r->pats[o->pat].owner == ri && rules_distance(m->start,
		    m->end, o->start, o->end) <= (size_t)rule->window)
			return 1;
	}
	return 0;
}

/*
 * Could mention k be the one who acts, by the words around it?  Not
 * after a preposition (skipping an article), not before "backed", not
 * right after a verb that takes a listener; a name joined by "and" to
 * one that cannot act cannot either.
 */
static int
rules_can_act(const struct rules_run *run, const struct text_sentence *sn,
    size_t k)
{
	const struct text_token *tok = run->doc.tokens;
	const struct rules_mention *m = &run->mentions[k];
	size_t p = m->start;

	if (m->end < sn->first + sn->n_tokens &&
	    rules_in(&tok[m->end], rules_modifier_words))
		return 0;
	while (p > sn->first && rules_in(&tok[p - 1], rules_article_words))
		p--;
	if (p == sn->first)
		return 1;
	if (rules_in(&tok[p - 1], rules_object_words) ||
	    rules_in(&tok[p - 1], rules_object_speech_words))
		return 0;
	if ((strcmp(tok[p - 1].fold, "and") == 0 ||
	    strcmp(tok[p - 1].fold, "or") == 0) && k > 0 &&
	    run->mentions[k - 1].end == p - 1)
		return rules_can_act(run, sn, k - 1);
	return 1;
}

/* The first mention in tokens [from, to) that is allowed and can act. */
static const struct rules_mention *
rules_first_actor(const struct rules_run *run, const struct text_sentence *sn,
    size_t from, size_t to)
{
	size_t k;

	for (k = 0; k < run->n_mentions; k++) {
		const struct rules_mention *m = &run->mentions[k];

		if (m->start >= from && m->end <= to && run->allowed[k] &&
		    rules_can_act(run, sn, k))
			return m;
	}
	return NULL;
}

/* In tokens [from, to): after the last verb of speech, else before it. */
static const struct rules_mention *
rules_speaker(const struct rules_run *run, const struct text_sentence *sn,
    size_t from, size_t to)
{
	const struct rules_mention *m;
	size_t k, speech = SIZE_MAX;

	for (k = from; k < to; k++)
		if (rules_in(&run->doc.tokens[k], rules_speech_words))
			speech = k;
	if (speech == SIZE_MAX)
		return rules_first_actor(run, sn, from, to);
	if ((m = rules_first_actor(run, sn, speech + 1, to)) != NULL)
		return m;
	return rules_first_actor(run, sn, from, speech);
}

/*
 * Who acts in a sentence whose first term starts at token ts: looked
 * for in the term's clause, then in the sentence before the term (the
 * speaker keeps the reported vow: "US officials said Iran had vowed to
 * retaliate" is Iran's), then the first allowed name after it ("'We will
 * respond,' Iran said").
 */
const struct rules_mention *
rules_subject(const struct rules_run *run, const struct text_sentence *sn,
    size_t ts)
{
	const struct rules_mention *m;
	size_t k, cs;

	/* "India and Pakistan agreed": an "and" between two names joins
	 * subjects, it does not open a clause; the first name leads. */
	cs = rules_clause_start(run, sn, ts);
	for (k = run->n_mentions; k > 0; k--)
		if (run->mentions[k - 1].end == cs && cs < ts &&
		    (strcmp(run->doc.tokens[cs].fold, "and") == 0 ||
		    strcmp(run->doc.tokens[cs].fold, "or") == 0)) {
			cs = rules_clause_start(run, sn,
			    run->mentions[k - 1].start);
			break;
		}
	if ((m = rules_speaker(run, sn, cs, ts)) != NULL)
		return m;
	if ((m = rules_speaker(run, sn, sn->first, ts)) != NULL)
		return m;
	for (k = 0; k < run->n_mentions; k++)
		if (run->allowed[k] && run->mentions[k].start >= ts)
			return &run->mentions[k];
	for (k = 0; k < run->n_mentions; k++)
		if (run->allowed[k])
			return &run->mentions[k];
	return NULL;
}

/* Nouns of a demand, and the verbs after which "by" names who made it
 * ("the deadline set by Varnia"). */
static const char *const rules_demand_nouns[] = {
	"demand", "demands", "ultimatum", "ultimatums", "deadline",
	"deadlines", NULL
};
static const char *const rules_demand_by_verbs[] = {
	"demanded", "set", "imposed", "issued", NULL
};

/*
 * The party that owns a demand in sentence sn: one that qualifies a
 * noun of demand ("Varnia's ultimatum", "the Varnian demand for
 * surrender") or that "by" names after a verb of demanding ("as
 * demanded by a Varnian faction", "the deadline set by Varnia").  In a
 * rule that reads a situation (agent = "none"), it is the one who
 * threatens; NULL when the sentence names none.
 */
const struct rules_mention *
rules_demander(const struct rules_run *run, const struct text_sentence *sn)
{
	const struct text_token *tok = run->doc.tokens;
	size_t k, p, hi = sn->first + sn->n_tokens;

	for (k = 0; k < run->n_mentions; k++) {
		const struct rules_mention *m = &run->mentions[k];

		if (m->start < sn->first || m->end > hi)
			continue;
		if (m->end < hi && rules_in(&tok[m->end], rules_demand_nouns))
			return m;
		for (p = m->start; p > sn->first &&
		    rules_in(&tok[p - 1], rules_article_words); p--)
			;
		if (p > sn->first + 1 && strcmp(tok[p - 1].fold, "by") == 0 &&
		    rules_in(&tok[p - 2], rules_demand_by_verbs))
			return m;
	}
	return NULL;
}

/* How many named parties of sentence sn, other than the one named at
 * tokens [first, end), its mentions name (at most 2: enough to know). */
size_t
rules_others_named(const struct rules_run *run, const struct text_sentence *sn,
    size_t first, size_t end)
{
	size_t k, n = 0, own = SIZE_MAX, seen = SIZE_MAX;

	for (k = 0; k < run->n_mentions; k++)
		if (run->mentions[k].start >= first &&
		    run->mentions[k].end <= end)
			own = run->mentions[k].actor;
	for (k = 0; k < run->n_mentions && n < 2; k++) {
		const struct rules_mention *m = &run->mentions[k];

		if (m->start < sn->first ||
		    m->start >= sn->first + sn->n_tokens ||
		    m->actor == own || m->actor == seen)
			continue;
		seen = m->actor;
		n++;
	}
	return n;
}

/*
 * May the party named at tokens [first, end) be a target of a hit of
 * category cat whose terms end at ends?  In a threat, a country (place
 * is 1) named in a phrase of place ("in", "from") only right after the
 * end of a term: there the place is where the force would land
 * ("raids in Chad", "hit anywhere in Ostland").  Anywhere else the
 * place sets the scene ("a Norlander held hostage in Darfur", "a band in
 * Darfur threatened", "unless Varnia pulls its soldiers out of Darfur"), and
 * the party threatened is somebody else.  Nor is the side whose
 * prisoners the threat would have freed ("unless Varnian women prisoners
 * are freed"): the demand is made for it.  A step down's place and
 * prisoners may be its other party ("landed in Norland for talks",
 * "agreed to free Varnian prisoners"): there every party stays,
 * unless two other parties are named, when the place is where they meet
 * ("Iran and the US held talks in Oman").
 * A backer ("Hezbollah, backed by Iran, vowed") is no party to either.
 */
int
rules_may_target(const struct rules_run *run, const struct text_sentence *sn,
    const char *cat, size_t first, size_t end, int place, const size_t *ends,
    size_t n_ends)
{
	int step = cat == NULL || strcmp(cat, "deescalation") == 0;
	long p;
	size_t k;

	if (actor_names_backer(&run->doc, first, sn->first))
		return 0;
	if (!step && actor_names_freed(&run->doc, first, end, sn->first,
	    sn->first + sn->n_tokens))
		return 0;
	if (!place || (p = actor_place_prep(&run->doc, first, sn->first)) < 0)
		return 1;
	if (step)
		return rules_others_named(run, sn, first, end) < 2;
	for (k = 0; k < n_ends; k++)
		if (ends[k] <= (size_t)p &&
		    (size_t)p - ends[k] <= RULES_PLACE_REACH)
			return 1;
	return 0;
}
