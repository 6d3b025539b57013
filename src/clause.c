/*
 * clause.c: clauses, verb groups, subjects and speakers (see clause.h).
 *
 * Four passes over a sentence, each linear in its length: cut it into
 * clauses at punctuation and at conjunctions; find each clause's verb
 * group (splitting "said it would" where English leaves out "that");
 * find each subject (clause_subject.c); then read the frames between
 * clauses (clause_frame.c): reported
 * speech, conditions, "or else".  Infinitive chains ("vowed to fight")
 * are followed on demand by clause_verb_at().  The words come from the
 * language's table (clause_lang.c), so this file knows word classes, not
 * words.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clause.h"
#include "clause_priv.h"

/* Longer sentences are analysed up to here; the rest is one clause
 * without a verb, so that a run-on text costs no more than this. */
#define CLAUSE_MAX_TOKENS	256
/* Tokens a verb group spans at most ("would not have been able"). */
#define CLAUSE_GROUP_MAX	8

/* Could token k be a verb after "to" or an auxiliary? */
static int
verbish(const struct clause_work *w, size_t k, size_t end)
{
	return k < end && !(wcls(w, k) & (CW_NOT_VERB | CW_ADV));
}

/* The next token at or after k that is not an adverb or a negation. */
static size_t
skip_adv(const struct clause_work *w, size_t k, size_t end)
{
	while (k < end && (wcls(w, k) & (CW_ADV | CW_NEG)))
		k++;
	return k;
}

/* Does the text at k look like the start of a finite verb group? */
static int
finite_start(const struct clause_work *w, size_t k, size_t from)
{
	uint64_t b = wcls(w, k), prev = k > from ? wcls(w, k - 1) : 0;

	if (prev & (CW_DET | CW_PREP | CW_TO | CW_POSS | CW_OF))
		return 0;
	if (b & CW_AUX)
		return 1;
	if (!(b & CW_VERB) || (b & CW_ADJ))
		return 0;
	if ((b & CW_RULE) && !(wcls(w, k + 1) & CW_PARTICLE))
		return 0;	/* "the rule of law" */
	if (b & (CW_REPORTING | CW_INTENT | CW_RULE | CW_CALL | CW_GIVE))
		return (b & (CW_PAST | CW_PRES)) || k == from;
	return (b & CW_PAST) && !(b & CW_NEWS && b & CW_PRES) && k > from;
}

/* A weak candidate: an unknown "-ed" word, a participle alone, or the
 * "-s" form of a verb of the news ("Iran attacks"). */
static int
weak_start(const struct clause_work *w, size_t k, size_t from, int bare)
{
	const struct text_token *t = &w->doc->tokens[k];
	uint64_t b = wcls(w, k), prev = k > from ? wcls(w, k - 1) : 0;

	if ((k == from && !bare) || (prev & (CW_DET | CW_PREP | CW_TO |
	    CW_POSS | CW_OF | CW_NUM)))
		return 0;
	if (b & (CW_EDSHAPE | CW_PART | CW_ADJ) && !(b & CW_NOT_VERB))
		return 1;
	/* "Iran attacks Israel" but not "face attacks and abuse" */
	return (b & CW_NEWS) && (b & CW_PRES) && (w->headline ||
	    (t->fold_len > w->lang->pres_len + 1 &&
	    memcmp(t->fold + t->fold_len - w->lang->pres_len,
	    w->lang->pres_suffix, w->lang->pres_len) == 0 &&
	    k + 1 < w->end && !(wcls(w, k + 1) & (CW_AND | CW_OR |
	    CW_PREP | CW_OF))));
}

/*
 * Pass 1: clauses at punctuation and at the conjunctions that open one.
 * Returns the opener at k (and its length in *skip), or -1.
 */
static int
opener_at(const struct clause_work *w, size_t k, int verb_seen,
    int demand_seen, size_t *skip)
{
	uint64_t b = wcls(w, k), next = wcls(w, k + 1), prev;
	size_t j;

	*skip = 1;
	prev = k > w->first ? wcls(w, k - 1) : 0;
	if (k + 1 < w->end && (w->doc->tokens[k + 1].flags & TEXT_CLAUSE))
		next = 0;	/* "according] to" is no "according to" */
	if (b & CW_COND)
		return OP_COND;
	if ((b & CW_PROVIDED) && (next & CW_THAT)) {
		*skip = 2;
		return OP_COND;
	}
	if (b & CW_REL)
		return k > w->first ? OP_REL : -1;
	if (b & CW_THAT)
		return k > w->first &&
		    !(prev & (CW_PREP | CW_OF | CW_TO | CW_DET)) ? OP_THAT : -1;
	if (b & CW_CONJ)
		return OP_CONJ;
	if (b & CW_OTHERWISE)
		return OP_ORELSE;
	if ((b & CW_ACCORDING) && (next & CW_TO)) {
		*skip = 2;
		return OP_ACCORDING;
	}
	if ((b & CW_OR) && (next & CW_ELSE)) {
		*skip = 2;
		return OP_ORELSE;
	}
	if ((b & CW_OR) && demand_seen)
		return OP_ORELSE;
	if ((b & CW_AND) && (next & CW_ING) && (next & (CW_REPORTING |
	    CW_INTENT)))
		return OP_AND;	/* "..., raising the toll and threatening" */
	if (!(b & (CW_AND | CW_OR | CW_SUBORD)) || !verb_seen)
		return -1;
	/* "and vowed", "and they will", "after the flood killed": a
	 * second clause, not a list or a prepositional phrase. */
	for (j = k + 1; j < w->end && j < k + (b & CW_SUBORD ? 9 : 5); j++) {
		if (j > k + 1 && (w->doc->tokens[j].flags & TEXT_CLAUSE))
			break;
		if (finite_start(w, j, k + 1))
			return b & CW_SUBORD ? OP_CONJ : OP_AND;
		if (wcls(w, j) & (CW_CONJ | CW_THAT | CW_REL | CW_COND))
			break;
	}
	return -1;
}

static int
clause_push(struct clause_work *w, size_t first, enum clause_opener op,
    size_t skip)
{
	struct clause_item *ci;

	if (w->n == w->cap)
		return -1;	/* cannot happen: one clause per token */
	ci = &w->it[w->n++];
	memset(ci, 0, sizeof(*ci));
	ci->c.first = first;
	ci->c.end = first;
	ci->c.parent = -1;
	ci->op = op;
	ci->skip = skip;
	return 0;
}

static int
clause_cut(struct clause_work *w)
{
	size_t k, skip;
	int op, verb_seen = 0, demand_seen = 0, speech_open = 0;

	op = opener_at(w, w->first, 0, 0, &skip);
	if (clause_push(w, w->first, op < 0 ? OP_START : (enum clause_opener)op,
	    op < 0 ? 0 : skip) == -1)
		return -1;
	for (k = w->first + (op < 0 ? 0 : skip - 1); k < w->end; k++) {
		int punct = k > w->first &&
		    (w->doc->tokens[k].flags & TEXT_CLAUSE);
		/* after a verb of speech with no verb of its own yet, "and"
		 * before a noun joins the reported subject ("said American
		 * and British vessels would be"); before a verb ("denied the
		 * report and vowed") it opens a clause */
		int in_subject = speech_open &&
		    (wcls(w, k) & (CW_AND | CW_OR)) && k + 1 < w->end &&
		    !finite_start(w, k + 1, k + 1);

		/* ", and vowed" opens a clause even after a list */
		op = k > w->first ? opener_at(w, k, punct || (verb_seen &&
		    !in_subject), demand_seen, &skip) : -1;
		if (punct || op >= 0) {
			w->it[w->n - 1].c.end = k;
			if (clause_push(w, k, op < 0 ? OP_PUNCT :
			    (enum clause_opener)op, op < 0 ? 0 : skip) == -1)
				return -1;
			/* "must hand them over, all of them, or face": a
			 * demand carries over plain punctuation */
			verb_seen = speech_open = 0;
			if (op >= 0)
				demand_seen = 0;
			if (op >= 0 && skip > 1)
				k += skip - 1;
			continue;
		}
		if (finite_start(w, k, w->it[w->n - 1].c.first) ||
		    weak_start(w, k, w->it[w->n - 1].c.first, 0)) {
			speech_open = !verb_seen &&
			    (wcls(w, k) & CW_SPEECH) != 0;
			verb_seen = 1;
		}
		if (wcls(w, k) & (CW_MUST | CW_DEMAND))
			demand_seen = 1;
	}
	w->it[w->n - 1].c.end = w->end;
	for (k = 0; k < w->n; k++)
		if (w->it[k].skip > w->it[k].c.end - w->it[k].c.first)
			w->it[k].skip = w->it[k].c.end - w->it[k].c.first;
	return 0;
}

/* Pass 2: the verb group that starts at k ("to" at k is a headline's
 * future: "Iran to strike"). */
static void
group_parse(const struct clause_work *w, size_t k, size_t end,
    struct clause_verb *v)
{
	size_t i = k, j, m, head = k, last_aux = k;
	size_t lim = k + CLAUSE_GROUP_MAX;
	int aux = 0, neg = 0, found = 0;
	uint64_t b;

	memset(v, 0, sizeof(*v));
	v->first = k;
	if (wcls(w, k) & CW_TO) {
		v->tense = CLAUSE_FUTURE;
		i = k + 1;
	}
	for (; i < end && i < lim && !found; i++) {
		b = wcls(w, i);
		if (b & CW_NEG) {
			neg = 1;
			if (b & CW_CAN)
				goto modal;
			continue;
		}
		if ((b & CW_NO) && (wcls(w, i + 1) & CW_LONGER)) {
			neg = 1;
			i++;
			continue;
		}
		if ((b & CW_ADV) && i > k)
			continue;
modal:
		if (b & (CW_WILL | CW_WOULD | CW_MODAL | CW_CAN)) {
			if (v->tense == CLAUSE_NO_TENSE)
				v->tense = b & (CW_WILL | CW_WOULD) ?
				    CLAUSE_FUTURE : CLAUSE_PRESENT;
			if (b & (CW_WOULD | CW_MODAL))
				v->mood |= CLAUSE_MODAL;
			/* may, might, could: a possibility (clause_is_guess
			 * keeps it only where no one says it) */
			if ((b & CW_MODAL) && !(b & CW_MUST))
				v->mood |= CLAUSE_GUESS;
			if (b & CW_CAN)
				v->mood |= CLAUSE_ABILITY;
			aux++;
			last_aux = i;
			continue;
		}
		if (b & (CW_HAVE | CW_HAVE_PAST | CW_DO | CW_DO_PAST | CW_BE |
		    CW_BE_PRES | CW_BE_PAST)) {
			if (v->tense == CLAUSE_NO_TENSE)
				v->tense = b & (CW_HAVE_PAST | CW_DO_PAST |
				    CW_BE_PAST) ? CLAUSE_PAST :
				    b & CW_BE ? CLAUSE_NO_TENSE :
				    CLAUSE_PRESENT;
			aux++;
			last_aux = i;
			j = skip_adv(w, i + 1, end);
			for (m = i + 1; m < j; m++)
				if (wcls(w, m) & CW_NEG)
					neg = 1;
			if (b & (CW_HAVE | CW_HAVE_PAST)) {
				if ((wcls(w, j) & CW_PART) &&
				    !(wcls(w, j) & CW_NOT_VERB)) {
					v->perfect = 1;
					if (aux == 1)
						v->tense = CLAUSE_PAST;
					continue;
				}
				if (wcls(w, j) & CW_TO) {
					/* "has to": a necessity */
					v->mood |= CLAUSE_MODAL;
					i = j;
					continue;
				}
			} else if (b & (CW_BE | CW_BE_PRES | CW_BE_PAST)) {
				if ((wcls(w, j) & CW_GOING) &&
				    (wcls(w, j + 1) & CW_TO)) {
					v->tense = CLAUSE_FUTURE;
					i = j + 1;
					continue;
				}
				if ((wcls(w, j) & CW_ABOUT) &&
				    (wcls(w, j + 1) & CW_TO)) {
					v->tense = CLAUSE_FUTURE;
					i = j + 1;
					continue;
				}
				if ((wcls(w, j) & CW_TO) &&
				    verbish(w, j + 1, end)) {
					v->tense = CLAUSE_FUTURE;
					i = j;
					continue;
				}
				if (wcls(w, j) & CW_BE)
					continue;
				if ((wcls(w, j) & CW_PART) &&
				    !(wcls(w, j) & CW_NOT_VERB)) {
					v->passive = 1;
					continue;
				}
				if (wcls(w, j) & CW_ING)
					continue;
				/* a copula: "is ready", "is the" */
				found = 1;
				head = i;
				break;
			} else if (verbish(w, j, end))
				continue;
			found = 1;
			head = i;
			break;
		}
		if (i > k && !verbish(w, i, end))
			break;
		if (!verbish(w, i, end) && !(b & CW_VERB))
			break;
		head = i;
		found = 1;
		if (v->tense == CLAUSE_NO_TENSE && aux == 0 &&
		    !(wcls(w, k) & CW_TO))
			v->tense = b & (CW_PAST | CW_PART) ? CLAUSE_PAST :
			    b & CW_ING ? CLAUSE_NO_TENSE : CLAUSE_PRESENT;
		break;
	}
	if (!found)
		head = aux > 0 ? last_aux : k;
	if (v->tense == CLAUSE_NO_TENSE && aux > 0)
		v->tense = CLAUSE_PRESENT;
	v->head = head;
	v->end = head + 1;
	if (v->end < end && (wcls(w, v->end) & CW_PARTICLE))
		v->end++;
	v->negated = neg;
	clause_cue_mood(wcls(w, head), head + 1 < end ? wcls(w, head + 1) : 0,
	    v);
	if (wcls(w, head) & CW_GIVE)
		for (j = head + 1; j < end && j < head + 5; j++)
			if (wcls(w, j) & CW_SPAN)
				v->mood |= CLAUSE_DEMAND;	/* 48 hours to */
	if (w->headline) {
		v->mood |= CLAUSE_HEADLINE;
		if (v->tense == CLAUSE_PRESENT && aux == 0)
			v->tense = CLAUSE_PAST;
	}
}

/*
 * In a headline, is there a present verb before token to that the
 * tables do not know: a lower-case word in -s right after a name and
 * before a lower-case noun ("Bush defends decision to invade")?  Then
 * the "to" is that noun's, not the headline future ("Iran to strike").
 * Title-case headlines give no such cue.
 */
static int
headline_verb_before(const struct clause_work *w, size_t from, size_t to)
{
	const struct text_token *tok = w->doc->tokens;
	size_t k, n;

	for (k = from + 1; k + 1 < to; k++) {
		n = tok[k].fold_len;
		if (n > 3 && tok[k].fold[n - 1] == 's' &&
		    tok[k].fold[n - 2] != 's' && tok[k].fold[n - 2] != 'u' &&
		    !(tok[k].flags & (TEXT_UPPER | TEXT_CLAUSE)) &&
		    (tok[k - 1].flags & TEXT_UPPER) &&
		    !(tok[k + 1].flags & (TEXT_UPPER | TEXT_CLAUSE)) &&
		    !(wcls(w, k + 1) & (CW_FUNC | CW_PREP | CW_DET | CW_TO |
		    CW_OF | CW_VERB | CW_ADV | CW_INTENT | CW_ABLE)))
			return 1;
	}
	return 0;
}

/* The main verb group of tokens [from, end): returns 0 when none.
 * bare: the clause may start with its verb ("who attacked"). */
static int
group_find(const struct clause_work *w, size_t from, size_t end, int bare,
    struct clause_verb *v)
{
	size_t k, weak = SIZE_MAX, weak_good = SIZE_MAX, weak_best = SIZE_MAX;

	for (k = from; k < end; k++) {
		uint64_t b = wcls(w, k);

		if (finite_start(w, k, from) && !((b & CW_NEG) &&
		    !(b & CW_CAN))) {
			/* "Iraq continued to export oil after an attack
			 * took ...": an "-ed" word with its object or
			 * infinitive comes first */
			group_parse(w, weak_best != SIZE_MAX ? weak_best : k,
			    end, v);
			return 1;
		}
		if (((b & CW_NEVER) || ((b & CW_NO) &&
		    (wcls(w, k + 1) & CW_LONGER))) && k > from &&
		    verbish(w, skip_adv(w, k + 1, end), end)) {
			/* "never attacked", "no longer control" */
			group_parse(w, k, end, v);
			return 1;
		}
		if (w->headline && (b & CW_TO) && k > from &&
		    (wcls(w, k + 1) & CW_VERB) && weak == SIZE_MAX &&
		    !(wcls(w, k - 1) & CW_ING) &&
		    !headline_verb_before(w, from, k)) {
			group_parse(w, k, end, v);
			return 1;
		}
		if (weak_start(w, k, from, bare)) {
			uint64_t next = wcls(w, k + 1);

			if (weak_good == SIZE_MAX && (k + 1 == end ||
			    (next & (CW_NOT_VERB | CW_PARTICLE))))
				weak_good = k;
			if (weak_best == SIZE_MAX && !(b & CW_ADJ) &&
			    (b & CW_PAST) && (next & (CW_TO | CW_DET |
			    CW_NUM | CW_PRON | CW_POSS)) && !(next & CW_AGENT))
				weak_best = k;
			weak = k;
		}
	}
	if (weak_good != SIZE_MAX)
		weak = weak_good;
	if (weak == SIZE_MAX)
		return 0;
	group_parse(w, weak, end, v);
	return 1;
}

/* After a verb of speech, denial or threat, a second finite group
 * without "that" is its complement: where does that clause start? */
static size_t
complement_start(const struct clause_work *w, const struct clause *c)
{
	size_t k, p, from = c->verb.end;
	uint64_t hb = wcls(w, c->verb.head);

	if (!(hb & CW_REPORTING) || !(hb & CW_VERB) ||
	    (wcls(w, c->verb.head) & CW_DEMAND && !(hb & CW_SPEECH)))
		return 0;
	for (k = from + 1; k < c->end && k < from + 12; k++) {
		/* "told them to leave": an infinitive chain; "said the
		 * response to the raid would": "to" before an article, a
		 * possessive or a number is a preposition */
		if ((wcls(w, k) & CW_TO) && !(k + 1 < c->end &&
		    (wcls(w, k + 1) & (CW_DET | CW_POSS | CW_NUM))))
			return 0;
		if (!finite_start(w, k, from) || (wcls(w, k) & CW_NEG))
			continue;
		/* "warned the rebel-held city": a past form that takes
		 * no object here is an adjective */
		if (!(wcls(w, k) & CW_AUX) && k + 1 < c->end &&
		    !(wcls(w, k + 1) & (CW_TO | CW_DET | CW_NUM | CW_PRON |
		    CW_POSS | CW_PARTICLE | CW_PREP | CW_OF | CW_THAT)))
			continue;
		p = from;
		if (hb & CW_OBJECT) {
			size_t j;

			for (j = k - 1; j > from; j--)
				if (wcls(w, j) & (CW_PRON | CW_DET))
					break;
			p = j > from ? j : k - from >= 2 ? from + 1 : from;
		}
		return p < k ? p : 0;
	}
	return 0;
}

/*
 * Where a relative clause without commas ends and the main clause goes
 * on ("gunmen who seized a bus said they would"): a second finite verb
 * of the language's tables after the relative's own group and a word
 * that ends its object; 0 when there is none.
 */
static size_t
relative_end(const struct clause_work *w, const struct clause *c)
{
	size_t k;

	for (k = c->verb.end + 1; k < c->end; k++) {
		uint64_t prev = wcls(w, k - 1);

		if (prev & (CW_AND | CW_OR | CW_THAT | CW_REL | CW_COND |
		    CW_CONJ))
			return 0;
		if ((wcls(w, k) & CW_VERB) && finite_start(w, k, c->first) &&
		    !(prev & (CW_NOT_VERB | CW_AUX | CW_ADV | CW_NEG)))
			return k;
	}
	return 0;
}

/* Does clause i follow a subject and an aside set off by commas, both
 * without a verb (their groups are found already: the pass goes in
 * order), with an object or infinitive after its first word? */
static int
clause_after_aside(const struct clause_work *w, size_t i)
{
	const struct clause *c = &w->it[i].c;

	return i >= 2 && w->it[i - 2].op == OP_START &&
	    w->it[i - 1].op == OP_PUNCT && c->first + 1 < c->end &&
	    (wcls(w, w->it[i - 1].c.first) & CW_PREP) &&
	    !clause_has_verb(&w->it[i - 2].c) &&
	    !clause_has_verb(&w->it[i - 1].c) &&
	    (wcls(w, c->first) & (CW_EDSHAPE | CW_PAST)) &&
	    (wcls(w, c->first + 1) & (CW_TO | CW_DET | CW_NUM | CW_PRON |
	    CW_POSS));
}

/* Clause i ends at token p, and a clause opened by op goes on from there
 * (the next one the pass looks at); nothing when the table is full. */
static void
clause_split(struct clause_work *w, size_t i, size_t p,
    enum clause_opener op)
{
	struct clause *c = &w->it[i].c;

	if (w->n == w->cap)
		return;
	memmove(&w->it[i + 2], &w->it[i + 1],
	    (w->n - i - 1) * sizeof(*w->it));
	w->n++;
	memset(&w->it[i + 1], 0, sizeof(*w->it));
	w->it[i + 1].c.first = p;
	w->it[i + 1].c.end = c->end;
	w->it[i + 1].c.parent = -1;
	w->it[i + 1].op = op;
	c->end = p;
}

static int
clause_groups(struct clause_work *w)
{
	size_t i, p;

	for (i = 0; i < w->n; i++) {
		struct clause *c = &w->it[i].c;
		size_t from = c->first + w->it[i].skip;

		if (from > c->end)
			from = c->end;
		/* a clause may start with its verb after a relative, "and",
		 * in a headline ("Storm Hits Coast, Kills 12"), or after a
		 * subject and a phrase set off, neither with a verb ("Israel
		 * and Hamas, under pressure from Egypt, agreed to") */
		if (!group_find(w, from, c->end, w->it[i].op == OP_REL ||
		    w->it[i].op == OP_THAT || w->it[i].op == OP_AND ||
		    (w->it[i].op == OP_PUNCT && (w->headline ||
		    clause_after_aside(w, i))), &c->verb)) {
			size_t k = skip_adv(w, from, c->end);

			if (w->it[i].op == OP_ORELSE && verbish(w, k, c->end)) {
				/* "or face the consequences": a bare verb, the
				 * consequence to come */
				group_parse(w, k, c->end, &c->verb);
				c->verb.tense = CLAUSE_FUTURE;
				continue;
			}
			c->verb.first = c->verb.end = c->verb.head = c->end;
			continue;
		}
		if (w->it[i].op == OP_REL && (p = relative_end(w, c)) != 0)
			clause_split(w, i, p, OP_RESUME);
		else if ((p = complement_start(w, c)) != 0)
			clause_split(w, i, p, OP_SPLIT);
	}
	return 0;
}

int
clause_analyse(const struct clause_lang *lang, const struct text_doc *doc,
    const struct text_sentence *sn, int headline, struct clause_sentence *out)
{
	struct clause_work w;
	size_t i, n, rest;

	memset(out, 0, sizeof(*out));
	out->lang = lang;
	out->headline = headline;
	memset(&w, 0, sizeof(w));
	n = sn->n_tokens;
	if (lang == NULL || n == 0 || sn->first + n > doc->n_tokens)
		return 0;
	rest = n > CLAUSE_MAX_TOKENS ? n - CLAUSE_MAX_TOKENS : 0;
	w.lang = lang;
	w.doc = doc;
	w.headline = headline;
	w.first = sn->first;
	w.end = sn->first + n - rest;
	w.cap = (n - rest) + 2;
	if ((w.cls = malloc((n - rest) * sizeof(*w.cls))) == NULL ||
	    (w.it = malloc(w.cap * sizeof(*w.it))) == NULL)
		goto fail;
	for (i = w.first; i < w.end; i++) {
		const struct text_token *t = &doc->tokens[i];

		w.cls[i - w.first] = clause_token_class(lang, t);
#ifdef TEXT_UPPER
		/* A capital inside a sentence of the body makes a name
		 * ("in May", "Mark Said"), not a verb; headlines capitalise
		 * every word, capitals only ("US") tell nothing. */
		if (!headline && i > w.first && (t->flags & TEXT_UPPER) &&
		    !(t->flags & TEXT_CAPS) &&
		    !(t->flags & TEXT_CLAUSE))
			w.cls[i - w.first] &= ~(CW_AUX | CW_VERB | CW_PAST |
			    CW_PART | CW_PRES | CW_ING | CW_EDSHAPE | CW_ADJ |
			    CW_NEWS);
#endif
	}
	if (clause_cut(&w) == -1 || clause_groups(&w) == -1)
		goto fail;
	clause_subjects(&w);
	clause_frames(&w);
	clause_conditions(&w);
	clause_obligations(&w);
	if (rest > 0) {
		/* the unread tail: a clause without a verb */
		memset(&w.it[w.n], 0, sizeof(w.it[w.n]));
		w.it[w.n].c.first = w.end;
		w.it[w.n].c.end = sn->first + n;
		w.it[w.n].c.role = CLAUSE_OTHER;
		w.it[w.n].c.parent = -1;
		w.it[w.n].c.subj_first = w.it[w.n].c.subj_end = w.end;
		w.it[w.n].c.speaker_first = w.it[w.n].c.speaker_end = w.end;
		w.it[w.n].c.verb.first = w.it[w.n].c.verb.end =
		    w.it[w.n].c.verb.head = sn->first + n;
		w.n++;
	}
	if ((out->clauses = calloc(w.n, sizeof(*out->clauses))) == NULL)
		goto fail;
	for (i = 0; i < w.n; i++) {
		out->clauses[i] = w.it[i].c;
		/* what a speaker is reported to say is the speaker's, not a
		 * guess */
		if (out->clauses[i].speaker_first !=
		    out->clauses[i].speaker_end &&
		    (out->clauses[i].verb.mood & CLAUSE_GUESS))
			out->clauses[i].verb.mood ^= CLAUSE_GUESS |
			    CLAUSE_SAID_GUESS;
		if (out->clauses[i].speaker_first == out->clauses[i].speaker_end)
			out->clauses[i].speaker_first =
			    out->clauses[i].speaker_end = out->clauses[i].first;
	}
	out->n_clauses = w.n;
	/* the classes stay with the result, for clause_verb_at() */
	out->classes = w.cls;
	out->class_first = w.first;
	out->n_classes = w.end - w.first;
	free(w.it);
	return 0;
fail:
	free(w.cls);
	free(w.it);
	return -1;
}

void
clause_sentence_free(struct clause_sentence *cs)
{
	free(cs->clauses);
	free(cs->classes);
	cs->clauses = NULL;
	cs->n_clauses = 0;
	cs->classes = NULL;
	cs->n_classes = 0;
}

const struct clause *
clause_at(const struct clause_sentence *cs, size_t t)
{
	size_t lo = 0, hi = cs->n_clauses;

	/* the clauses tile the sentence in order */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (t < cs->clauses[mid].first)
			hi = mid;
		else if (t >= cs->clauses[mid].end)
			lo = mid + 1;
		else
			return &cs->clauses[mid];
	}
	return NULL;
}
