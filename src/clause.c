/*
 * clause.c: clauses, verb groups, subjects and speakers (see clause.h).
 *
 * Four passes over a sentence, each linear in its length: cut it into
 * clauses at punctuation and at conjunctions (clause_cut.c); find each
 * clause's verb group, splitting "said it would" where English leaves
 * out "that" (clause_group.c); find each subject (clause_subject.c);
 * then read the frames between clauses (clause_frame.c): reported
 * speech, conditions, "or else".  Infinitive chains ("vowed to fight")
 * are followed on demand by clause_verb_at().  The words come from the
 * language's table (clause_lang.c), so this file knows word classes, not
 * words.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "clause.h"
#include "clause_priv.h"

/* Longer sentences are analysed up to here; the rest is one clause
 * without a verb, so that a run-on text costs no more than this. */
#define CLAUSE_MAX_TOKENS	256

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
		    (out->clauses[i].verb.mood & CLAUSE_GUESS)) {
			out->clauses[i].verb.mood &= ~CLAUSE_GUESS;
			out->clauses[i].verb.mood |= CLAUSE_SAID_GUESS;
		}
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
clause_parent(const struct clause_sentence *cs, const struct clause *c)
{
	return c->parent >= 0 && (size_t)c->parent < cs->n_clauses ?
	    &cs->clauses[c->parent] : NULL;
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
