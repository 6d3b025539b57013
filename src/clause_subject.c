/*
 * clause_subject.c: pass 3 of the clause analysis, the subject of each
 * clause once clause.c has cut the sentence and found the verb groups:
 * the words before the group, the noun a relative clause follows, an
 * inverted subject after a verb of speech ("..., said the minister"),
 * a subject set off by an aside or a relative clause, or the subject a
 * clause shares with the one before it ("... and vowed").
 */
#include "autoconf.h"

#include <stdint.h>
#include <string.h>

#include "clause.h"
#include "clause_priv.h"

/* Skip adverbs and time phrases ("on Monday", "late last night"). */
static size_t
skip_adverbials(const struct clause_work *w, size_t s, size_t e)
{
	size_t m;

	while (s < e) {
		uint64_t b = wcls(w, s);

		if (b & (CW_ADV | CW_TIME | CW_SUBORD | CW_AND | CW_OR |
		    CW_CONJ) && !(b & CW_MODAL)) {
			s++;
			continue;
		}
		if (!(b & CW_TIMEPREP))
			break;
		for (m = s + 1; m < e && m < s + 4; m++)
			if (wcls(w, m) & CW_TIME)
				break;
		if (m >= e || m >= s + 4)
			break;
		s = m + 1;
		while (s < e && (wcls(w, s) & CW_NUM))
			s++;
	}
	return s;
}

/* Pass 3: subjects. */
void
clause_subjects(struct clause_work *w)
{
	size_t i, s, e, j;

	for (i = 0; i < w->n; i++) {
		struct clause_item *ci = &w->it[i];
		struct clause *c = &ci->c;

		c->subj_first = c->subj_end = c->first;
		if (c->verb.first == c->verb.end)
			continue;
		s = skip_adverbials(w, c->first + ci->skip, c->verb.first);
		e = c->verb.first;
		while (e > s && (wcls(w, e - 1) & CW_ADV))
			e--;
		if (s < e) {
			c->subj_first = s;
			c->subj_end = e;
			continue;
		}
		if (ci->op == OP_REL && i > 0) {
			/* "militants, who vowed": the noun before */
			for (j = c->first; j > w->it[i - 1].c.first &&
			    j > c->first - 4 && !(wcls(w, j - 1) &
			    (CW_NOT_VERB | CW_AUX)); j--)
				;
			c->subj_first = j;
			c->subj_end = c->first;
			continue;
		}
		if ((wcls(w, c->verb.head) & CW_SPEECH) && ci->op == OP_PUNCT &&
		    c->verb.tense != CLAUSE_NO_TENSE) {
			/* "..., said the minister"; not a participle,
			 * ", threatening raids", whose subject is the
			 * clause's before */
			s = skip_adverbials(w, c->verb.end, c->end);
			if (s < c->end && !(wcls(w, s) & (CW_TO | CW_THAT))) {
				c->subj_first = s;
				c->subj_end = c->end < s + 5 ? c->end : s + 5;
				continue;
			}
		}
		if ((ci->op == OP_PUNCT || ci->op == OP_RESUME) && i > 1 &&
		    w->it[i - 1].op == OP_REL &&
		    w->it[i - 2].c.verb.first == w->it[i - 2].c.verb.end) {
			/* "Hamas, which rules Gaza, vowed": the noun phrase
			 * the relative clause set off */
			s = skip_adverbials(w, w->it[i - 2].c.first +
			    w->it[i - 2].skip, w->it[i - 2].c.end);
			if (s < w->it[i - 2].c.end) {
				c->subj_first = s;
				c->subj_end = w->it[i - 2].c.end;
				continue;
			}
		}
		if (ci->op == OP_PUNCT && i > 0 &&
		    w->it[i - 1].c.verb.first == w->it[i - 1].c.verb.end) {
			/* "the minister, General X, said": a subject set off
			 * by an appositive is the first of the verb-less
			 * clauses before the verb */
			for (j = i - 1; j > 0 && j + 3 > i && w->it[j].op ==
			    OP_PUNCT && w->it[j - 1].c.verb.first ==
			    w->it[j - 1].c.verb.end; j--)
				;
			s = skip_adverbials(w, w->it[j].c.first +
			    w->it[j].skip, w->it[j].c.end);
			if (s < w->it[j].c.end) {
				c->subj_first = s;
				c->subj_end = w->it[j].c.end;
				continue;
			}
		}
		for (j = i; j > 0 && j + 3 > i && ci->op != OP_START &&
		    ci->op != OP_COND; j--) {
			/* "... and vowed": the subject of the clause before */
			const struct clause *p = &w->it[j - 1].c;

			if (p->subj_first == p->subj_end)
				continue;
			/* ", and vowed" after what a frame reports ("Pakistan
			 * said India would pay, and vowed"): the frame's */
			if (ci->op == OP_AND && (w->it[j - 1].op == OP_SPLIT ||
			    w->it[j - 1].op == OP_THAT) &&
			    (w->doc->tokens[c->first].flags & TEXT_CLAUSE))
				continue;
			c->subj_first = p->subj_first;
			c->subj_end = p->subj_end;
			break;
		}
	}
}
