/*
 * clause_group.c: pass 2 of the clause analysis (clause.c): each
 * clause's verb group, with its tense, mood and negation; a clause split
 * where English leaves out "that" ("said it would") and where a relative
 * clause without commas gives way to the main one.
 */
#include "autoconf.h"

#include <stdint.h>
#include <string.h>

#include "clause.h"
#include "clause_priv.h"

/* Tokens a verb group spans at most ("would not have been able"). */
#define CLAUSE_GROUP_MAX	8

/* The mood a word of guess at m before an infinitive gives its group:
 * "is likely to strike" a forecast, a guess to the rules but for a step
 * toward peace; "is unlikely to", a forecast that the act will not come,
 * a guess to every rule ("talks are unlikely to resume" is no step);
 * 0 for another word. */
static int
group_forecast(const struct clause_work *w, size_t m)
{
	const char *f = w->doc->tokens[m].fold;

	if (clause_word_in(w->lang->doubt_words, f))
		return CLAUSE_FORECAST | CLAUSE_GUESS | CLAUSE_BELIEF;
	if (clause_word_in(w->lang->guess_words, f))
		return CLAUSE_FORECAST;
	return 0;
}

/* The verb group that starts at k ("to" at k is a headline's
 * future: "Iran to strike"). */
static void
group_parse(const struct clause_work *w, size_t k, size_t end,
    struct clause_verb *v)
{
	size_t i = k, j, m, head = k, last_aux = k;
	size_t lim = k + CLAUSE_GROUP_MAX;
	int aux = 0, neg = 0, found = 0, intent_to = 0;
	uint64_t b;

	memset(v, 0, sizeof(*v));
	v->first = k;
	if (wcls(w, k) & CW_TO) {
		/* "Iran to strike": a headline's future; not "continues to
		 * strike", the infinitive of a verb the tables found no
		 * group in */
		if (k == 0 || !(wcls(w, k - 1) & CW_LIGHT) ||
		    (wcls(w, k - 1) & CW_INTENT))
			v->tense = CLAUSE_FUTURE;
		/* "Varnia likely to strike", a headline's "is likely
		 * to": the writer's forecast of the act */
		if (k > 0)
			v->mood |= group_forecast(w, k - 1);
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
			j = clause_skip_adv(w, i + 1, end);
			for (m = i + 1; m < j; m++) {
				if (wcls(w, m) & CW_NEG)
					neg = 1;
				/* "Varnia is likely to strike": the
				 * writer's forecast of the act */
				if ((b & (CW_BE | CW_BE_PRES |
				    CW_BE_PAST)) && (wcls(w, j) & CW_TO))
					v->mood |= group_forecast(w, m);
			}
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
				    clause_verbish(w, j + 1, end)) {
					v->tense = CLAUSE_FUTURE;
					i = j;
					continue;
				}
				if (wcls(w, j) & CW_BE)
					continue;
				/* "is prepared to", "is poised to": a state
				 * of intent, whose subject is the one who
				 * means to act, not a passive */
				intent_to = (wcls(w, j) & CW_INTENT) &&
				    (wcls(w, j + 1) & CW_TO);
				if ((wcls(w, j) & CW_PART) &&
				    !(wcls(w, j) & CW_NOT_VERB)) {
					if (!intent_to)
						v->passive = 1;
					/* "Varnia is expected to strike":
					 * a belief with no believer, a
					 * forecast of the act */
					if ((wcls(w, j + 1) & CW_TO) &&
					    clause_word_in(
					    w->lang->belief_verbs,
					    w->doc->tokens[j].fold))
						v->mood |= CLAUSE_FORECAST;
					continue;
				}
				if (wcls(w, j) & CW_ING)
					continue;
				/* a copula: "is ready", "is the"; "is ready
				 * to", "is willing to" is an intent */
				if (intent_to)
					v->mood |= CLAUSE_INTENT;
				found = 1;
				head = i;
				break;
			} else if (clause_verbish(w, j, end))
				continue;
			found = 1;
			head = i;
			break;
		}
		if (i > k && !clause_verbish(w, i, end))
			break;
		if (!clause_verbish(w, i, end) && !(b & CW_VERB))
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
	/* "will not hesitate to strike" will strike, in the group's own
	 * tense: no denial, no possibility */
	if (clause_word_in(w->lang->hesitate_verbs, w->doc->tokens[head].fold))
		v->negated ^= 1;
	/* "hopes to stop the fighting", "hopes for a calm": wished */
	if (head + 1 < end && (wcls(w, head + 1) & (CW_TO | CW_CALLPREP)) &&
	    clause_word_in(w->lang->wish_verbs, w->doc->tokens[head].fold))
		v->mood |= CLAUSE_WISH;
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
 * before a lower-case noun ("Norland backs plan to mobilise")?  Then
 * the "to" is that noun's, not the headline future ("Ostland to strike").
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
	size_t light = SIZE_MAX;

	for (k = from; k < end; k++) {
		uint64_t b = wcls(w, k);

		if (clause_finite_start(w, k, from) && !((b & CW_NEG) &&
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
		    clause_verbish(w, clause_skip_adv(w, k + 1, end), end)) {
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
		if (clause_weak_start(w, k, from, bare)) {
			uint64_t next = wcls(w, k + 1);

			/* not a participle with its agent ("talks brokered
			 * by Norland stalled"): a phrase of the
			 * subject, when a verb comes after it */
			if (weak_good == SIZE_MAX && (k + 1 == end ||
			    (next & (CW_NOT_VERB | CW_PARTICLE))) &&
			    !(next & CW_AGENT))
				weak_good = k;
			if (weak_best == SIZE_MAX && !(b & CW_ADJ) &&
			    (b & CW_PAST) && (next & (CW_TO | CW_DET |
			    CW_NUM | CW_PRON | CW_POSS)) && !(next & CW_AGENT))
				weak_best = k;
			if (light == SIZE_MAX && (b & CW_LIGHT) &&
			    !(next & (CW_NOT_VERB | CW_PARTICLE)))
				light = k;
			weak = k;
		}
	}
	if (weak_good != SIZE_MAX)
		weak = weak_good;
	/* "Chad launches retaliatory strikes": a light verb with its object
	 * before a noun of force that ends the clause is the verb */
	if (light != SIZE_MAX && weak > light && weak + 1 == end)
		weak = light;
	if (weak == SIZE_MAX)
		return 0;
	group_parse(w, weak, end, v);
	return 1;
}

/*
 * In a headline, is the "to" at k after clause c's verb of speech the
 * headline future of what is said ("Netanyahu says war to last six
 * months", "US says Israel to begin daily pauses")?  Only after a verb
 * that takes no object of its own: "told them to leave", "warns Hamas
 * to free", "urged Iran to halt" are a demand's infinitive.  Nor after
 * a noun that takes "to" itself ("says plan to attack", "threat to"),
 * nor after a group of more than its verb ("is signaling extremists to
 * attack": a headline's reporting verb stands alone).
 */
static int
headline_reported_future(const struct clause_work *w, const struct clause *c,
    size_t k)
{
	uint64_t hb = wcls(w, c->verb.head);

	return w->headline && k > c->verb.end && k + 1 < c->end &&
	    c->verb.first == c->verb.head && (hb & CW_SPEECH) &&
	    !(hb & (CW_OBJECT | CW_DEMAND | CW_THREAT | CW_DENY)) &&
	    !(wcls(w, k - 1) & (CW_INTENT | CW_DEMAND | CW_THREAT |
	    CW_DENY | CW_ABLE | CW_CALL | CW_ING | CW_FUNC | CW_PREP)) &&
	    clause_verbish(w, clause_skip_adv(w, k + 1, c->end), c->end);
}

/* Is the word at k a verb's present form with the language's ending
 * ("plans", "wants") and the word at j before it (past its adverbs) a
 * name? */
static int
present_after_name(const struct clause_work *w, size_t k, size_t j)
{
	return (wcls(w, k) & CW_PRES) && (wcls(w, k) & CW_VERB) &&
	    !(wcls(w, k) & (CW_PAST | CW_PART)) && clause_pres_form(w, k) &&
	    (w->doc->tokens[j].flags & TEXT_UPPER);
}

/* After a verb of speech, denial or threat, a second finite group
 * without "that" is its complement: where does that clause start? */
static size_t
complement_start(const struct clause_work *w, const struct clause *c)
{
	size_t j, k, p, from = c->verb.end;
	uint64_t hb = wcls(w, c->verb.head);
	int named;

	if (!(hb & CW_REPORTING) || !(hb & CW_VERB) ||
	    (wcls(w, c->verb.head) & CW_DEMAND && !(hb & CW_SPEECH)))
		return 0;
	/* "Iran Says Will Respond": a headline leaves the complement's
	 * subject out, and it is the speaker's */
	if (w->headline && from + 1 < c->end && (wcls(w, from) & CW_AUX))
		return from;
	for (k = from + 1; k < c->end && k < from + 12; k++) {
		/* "told them to leave": an infinitive chain; "said the
		 * response to the raid would": "to" before an article, a
		 * possessive or a number is a preposition */
		if ((wcls(w, k) & CW_TO) && !(k + 1 < c->end &&
		    (wcls(w, k + 1) & (CW_DET | CW_POSS | CW_NUM))))
			return headline_reported_future(w, c, k) ? from : 0;
		/* "says Ostland massed troops", "said they also objected":
		 * an unknown "-ed" word right after a name or a pronoun
		 * (and its adverbs), its subject, is the complement's verb
		 * too, whatever follows it */
		for (j = k - 1; j > from && (wcls(w, j) & CW_ADV); j--)
			;
		named = k > from && (wcls(w, k) & CW_EDSHAPE) &&
		    clause_weak_start(w, k, from, 0) &&
		    ((w->doc->tokens[j].flags & TEXT_UPPER) ||
		    (wcls(w, j) & CW_PRON));
		if ((!clause_finite_start(w, k, from) && !named) ||
		    (wcls(w, k) & CW_NEG) || clause_after_article(w, k, from))
			continue;
		/* "shelled the rebel-held port": a past form that takes
		 * no object here is an adjective; a present "-s" form right
		 * after a name is its verb, whatever noun follows ("says
		 * Sudan plans ground offensive") */
		if (!named && !present_after_name(w, k, j) &&
		    !(wcls(w, k) & CW_AUX) && k + 1 < c->end &&
		    !(wcls(w, k + 1) & (CW_TO | CW_DET | CW_NUM | CW_PRON |
		    CW_POSS | CW_PARTICLE | CW_PREP | CW_OF | CW_THAT)))
			continue;
		p = from;
		if (hb & CW_OBJECT) {
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
		if ((wcls(w, k) & CW_VERB) && clause_finite_start(w, k, c->first) &&
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

int
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
			size_t k = clause_skip_adv(w, from, c->end);

			if (w->it[i].op == OP_ORELSE && clause_verbish(w, k, c->end)) {
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
