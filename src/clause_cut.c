/*
 * clause_cut.c: pass 1 of the clause analysis (clause.c): a sentence cut
 * into clauses at punctuation and at the conjunctions that open one
 * ("if", "who", "that", "but", "and vowed", "or else"), after a
 * headline's present the tables lack is guessed ("as Varnia plots").
 */
#include "autoconf.h"

#include <stdint.h>
#include <string.h>

#include "clause.h"
#include "clause_priv.h"

/*
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
	/* "any deal would depend on Russia pulling back", "contingent
	 * upon a ceasefire": what follows is the condition.  Not after a
	 * participle: "aid provided on Monday" states a fact. */
	if ((prev & CW_PROVIDED) && !(prev & CW_PART) && (b & CW_CALLPREP) &&
	    k > w->first)
		return OP_COND;
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
	/* "knew he planned to", "a report they would": a pronoun that is
	 * only ever a subject, after a verb and before a finite verb,
	 * opens a clause as "that" would have */
	if ((b & CW_PRON) && !(b & CW_FUNC) && verb_seen &&
	    !(prev & (CW_AND | CW_OR | CW_CONJ | CW_THAT | CW_REL |
	    CW_COND | CW_SUBORD | CW_PRON)) &&
	    clause_finite_start(w, k + 1, k)) {
		*skip = 0;	/* the pronoun is the new clause's subject */
		return OP_THAT;
	}
	if ((b & CW_AND) && (next & CW_ING) && (next & (CW_REPORTING |
	    CW_INTENT)))
		return OP_AND;	/* "..., raising the toll and threatening" */
	if (!(b & (CW_AND | CW_OR | CW_SUBORD)) ||
	    (!verb_seen && !(b & CW_SUBORD)))
		return -1;
	/* "and vowed", "and agreed", "and they will", "after the flood
	 * killed": a second clause, not a list or a prepositional phrase.
	 * A plain past form right after the word counts: it is no
	 * clause's first word, which could be an adjective. */
	for (j = k + 1; j < w->end && j < k + (b & CW_SUBORD ? 9 : 5); j++) {
		if (j > k + 1 && (w->doc->tokens[j].flags & TEXT_CLAUSE))
			break;
		/* "closes the border after rebel attack and vows": a
		 * phrase without a verb before "and" and a verb; that verb
		 * is the main clause's, not the phrase's */
		if ((b & CW_SUBORD) && (wcls(w, j) & CW_AND) &&
		    j + 1 < w->end && clause_finite_start(w, j + 1, j + 1))
			break;
		if (clause_finite_start(w, j, k))
			return b & CW_SUBORD ? OP_CONJ : OP_AND;
		/* a present after its subject ("as Hamas accepts truce"),
		 * a verb of the news, in a headline or in the present a
		 * standfirst tells ("they flee as the army expands its
		 * assault"); not a noun before "and" and the main clause's
		 * verb ("after Hamas attack and vows") */
		if ((b & CW_SUBORD) && j > k + 1 &&
		    clause_weak_start(w, j, k, 0) && (wcls(w, j) & CW_NEWS) &&
		    !(wcls(w, j + 1) & (CW_AND | CW_OR)))
			return OP_CONJ;
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

/* Does fold end in one of the endings of list (NULL-ended), with more
 * than one letter before it?  0 for a NULL list. */
static int
ends_in(const char *const *list, const char *fold, size_t len)
{
	size_t n;

	for (; list != NULL && *list != NULL; list++) {
		n = strlen(*list);
		if (len > n + 1 && memcmp(fold + len - n, *list, n) == 0)
			return 1;
	}
	return 0;
}

/*
 * A headline's present the tables lack: "after Chad cancels the talks",
 * "as Sudan blocks aid", "Chad cancels the talks".  After a subject of
 * one to three names and nouns that opens a clause (at a word that may
 * open one, or at the headline's or a punctuation's start), an unknown
 * word with the present's ending before its object is the clause's
 * verb: marked a verb of the news, so that the clause is cut there and
 * the verb found.  Not one right after an article, nor a noun before a
 * verb, "and" or a preposition ("as Sudan troops attack", "Chad
 * protests over"), nor a word ending as "-ss", "-us" or "-is" does;
 * before a bare word, not an agent or abstract noun's ending ("as
 * Sudan soldiers rest"): the language's no_present_endings and
 * noun_endings.  Where no word opens the clause, only before
 * an object that cannot be a verb (an article, a possessive, a
 * particle, a number): in "Darfur towns brace for war" the verb may
 * be the next word.
 */
static void
guess_present(struct clause_work *w, size_t from, int opened)
{
	const struct text_token *t;
	uint64_t after;
	size_t j, len;

	for (j = from; j < from + 4 && j + 1 < w->end; j++) {
		t = &w->doc->tokens[j];
		if (j > from && (t->flags & TEXT_CLAUSE))
			return;
		/* at a clause's start a name in capitals is one ("US
		 * cancels the talks"), whatever word it folds to */
		if ((wcls(w, j) & ~(CW_DET | CW_POSS | CW_NUM | CW_PRON)) &&
		    (opened || j != from || !(t->flags & TEXT_CAPS)))
			return;
		len = t->fold_len;
		if (j == from || wcls(w, j) != 0 || (t->flags & TEXT_CAPS) ||
		    !clause_pres_form(w, j) || len < 4 ||
		    ends_in(w->lang->no_present_endings, t->fold, len) ||
		    (wcls(w, j - 1) & (CW_DET | CW_POSS | CW_NUM)))
			continue;
		after = wcls(w, j + 1);
		if ((w->doc->tokens[j + 1].flags & TEXT_CLAUSE) ||
		    (after & (CW_AND | CW_OR | CW_PREP | CW_OF | CW_TO |
		    CW_AUX | CW_VERB | CW_EDSHAPE | CW_ING | CW_NEG)))
			return;
		if (!opened && !(after & (CW_DET | CW_POSS | CW_PARTICLE |
		    CW_NUM | CW_FUNC)))
			return;
		if (!(after & (CW_DET | CW_POSS | CW_NUM | CW_FUNC)) &&
		    ends_in(w->lang->noun_endings, t->fold, len))
			continue;
		w->cls[j - w->first] |= CW_VERB | CW_PRES | CW_NEWS;
		return;
	}
}

static void
guess_presents(struct clause_work *w)
{
	size_t k;

	if (!w->headline)
		return;
	for (k = w->first; k + 2 < w->end; k++) {
		if (wcls(w, k) & (CW_SUBORD | CW_CONJ | CW_COND))
			guess_present(w, k + 1, 1);
		else if (k == w->first ||
		    (w->doc->tokens[k].flags & TEXT_CLAUSE))
			guess_present(w, k, 0);
	}
}

int
clause_cut(struct clause_work *w)
{
	size_t k, skip;
	int op, verb_seen = 0, demand_seen = 0, speech_open = 0;

	guess_presents(w);
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
		    !clause_finite_start(w, k + 1, k + 1);

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
		if (clause_finite_start(w, k, w->it[w->n - 1].c.first) ||
		    clause_weak_start(w, k, w->it[w->n - 1].c.first, 0)) {
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
