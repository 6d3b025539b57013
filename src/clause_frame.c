/*
 * clause_frame.c: what the clauses of a sentence are to each other, once
 * clause.c has cut them and found their verb groups and subjects: the
 * main clause, what a speaker reports ("X said (that) ...", "..., X
 * said", "according to X"), relatives, conditions ("if", "unless",
 * "or else") with the clause they make conditional, and obligations
 * laid on a party ("Varnia must withdraw").
 */
#include "autoconf.h"

#include <stdint.h>
#include <string.h>

#include "clause.h"
#include "clause_priv.h"

/* Tokens after a verb of speech that still leave it a frame: "..., he
 * told reporters on Monday". */
#define CLAUSE_FRAME_TAIL	4
/* Words a headline's source after a dash runs to at most ("- US
 * officials", "- state media"). */
#define CLAUSE_SOURCE_WORDS	4

/* Clause f reports clause j: role, speaker and the frame's mood. */
static void
report(struct clause_work *w, size_t f, size_t j)
{
	const struct clause *fc = &w->it[f].c;
	struct clause *c = &w->it[j].c;

	w->it[j].covered = 1;
	if (c->role == CLAUSE_MAIN || c->role == CLAUSE_OTHER ||
	    c->role == CLAUSE_REPORTED) {
		c->role = CLAUSE_REPORTED;
		c->parent = (long)f;
	}
	c->speaker_first = fc->subj_first;
	c->speaker_end = fc->subj_end;
	if (fc->verb.passive) {
		/* "X was warned by Y that ...": Y speaks, X listens */
		size_t k;

		for (k = fc->verb.end; k < fc->end &&
		    k < fc->verb.end + CLAUSE_FRAME_TAIL; k++)
			if ((wcls(w, k) & CW_AGENT) && k + 1 < fc->end) {
				c->speaker_first = k + 1;
				c->speaker_end = fc->end;
				break;
			}
	}
	/* what is presupposed (a relative) or supposed (a condition) is
	 * not what is threatened or denied */
	if (c->verb.first == c->verb.end || c->role != CLAUSE_REPORTED)
		return;
	/* "Norland predicts Ostland will invade": what one believes of
	 * another is a forecast, as a reported "could" is */
	if (fc->verb.first != fc->verb.end &&
	    clause_word_in(w->lang->belief_verbs,
	    w->doc->tokens[fc->verb.head].fold))
		c->verb.mood |= CLAUSE_SAID_GUESS | CLAUSE_BELIEF;
	c->verb.framed |= fc->verb.mood & (CLAUSE_THREAT | CLAUSE_DEMAND) &
	    ~c->verb.mood;
	c->verb.mood |= fc->verb.mood & (CLAUSE_THREAT | CLAUSE_DEMAND);
	if (fc->verb.mood & CLAUSE_DENIED)
		clause_deny(&c->verb);
}

/* Frame f reports the clauses from i: its complement, with the
 * conditions, relatives and verb-less pieces around it. */
static void
report_from(struct clause_work *w, size_t f, size_t i)
{
	size_t j;
	int complement = 0;

	for (j = i; j < w->n; j++) {
		const struct clause_item *ci = &w->it[j];
		int has_verb = ci->c.verb.first != ci->c.verb.end;

		if (j > i && ci->op == OP_ORELSE) {
			report(w, f, j);	/* "it must ... or face" */
			continue;
		}
		if (j > i && complement && ci->op == OP_PUNCT &&
		    (wcls(w, ci->c.first) & CW_ING) &&
		    (!has_verb || ci->c.verb.first == ci->c.first)) {
			/* ", including its leader, or face ...": a phrase
			 * set off inside what is said */
			report(w, f, j);
			continue;
		}
		if (j > i && complement && ci->c.role != CLAUSE_CONDITION &&
		    ci->c.role != CLAUSE_RELATIVE &&
		    !(ci->op == OP_AND && ci->c.subj_first ==
		    w->it[j - 1].c.subj_first))
			break;
		if (j > i && (ci->op == OP_CONJ || ci->op == OP_ACCORDING))
			break;
		report(w, f, j);
		if (has_verb && ci->c.role != CLAUSE_CONDITION &&
		    ci->c.role != CLAUSE_RELATIVE)
			complement = 1;
	}
}

/* Is clause f "X said" with nothing much after the verb?  Its verb is
 * finite: ", threatening raids" is a participle whose subject is the
 * main clause's, and it reports nothing before it. */
static int
short_frame(const struct clause_work *w, const struct clause *c)
{
	return c->verb.first != c->verb.end &&
	    c->verb.tense != CLAUSE_NO_TENSE &&
	    (wcls(w, c->verb.head) & CW_SPEECH) &&
	    (wcls(w, c->verb.head) & CW_VERB) &&
	    c->end - c->verb.end <= CLAUSE_FRAME_TAIL;
}

/*
 * "X said A, adding that B": the participle ("adding", "warning",
 * "threatening") took the subject of the clause before it, A's; when A
 * is what X is reported to say, the one adding is X, who then speaks B.
 */
static void
participle_speaker(struct clause_work *w, size_t i)
{
	struct clause *c = &w->it[i].c;
	const struct clause *a = &w->it[i - 1].c;

	if (w->it[i].op != OP_PUNCT || c->verb.first == c->verb.end ||
	    c->verb.tense != CLAUSE_NO_TENSE ||
	    !(wcls(w, c->verb.head) & CW_ING) ||
	    c->verb.first != c->first + w->it[i].skip ||
	    a->role != CLAUSE_REPORTED ||
	    a->speaker_first == a->speaker_end ||
	    c->subj_first != a->subj_first || c->subj_end != a->subj_end)
		return;
	c->subj_first = a->speaker_first;
	c->subj_end = a->speaker_end;
}

/* Tokens [s, e) of clause i name who says every clause no frame
 * reports yet. */
static void
said_by(struct clause_work *w, size_t i, size_t s, size_t e)
{
	size_t j;

	for (j = 0; j < w->n; j++) {
		struct clause *c = &w->it[j].c;

		if (j == i || w->it[j].covered)
			continue;
		if (c->role == CLAUSE_MAIN || c->role == CLAUSE_OTHER) {
			c->role = CLAUSE_REPORTED;
			c->parent = (long)i;
		}
		c->speaker_first = s;
		c->speaker_end = e;
	}
}

/*
 * "said in a radio address on Monday they would": a clause opened by
 * its subject pronoun with no "that" (clause_cut.c) after a verb and a
 * phrase of time or place is what the verb reports, however long the
 * phrase; a "that" so far away may open a relative clause instead.
 */
static int
zero_that_after_adjunct(const struct clause_work *w, size_t i)
{
	const struct clause *p = &w->it[i - 1].c;

	return w->it[i].op == OP_THAT && w->it[i].skip == 0 &&
	    p->verb.end < p->end &&
	    (wcls(w, p->verb.end) & (CW_PREP | CW_TIMEPREP | CW_TIME));
}

/* Pass 4: roles, reported speech. */
void
clause_frames(struct clause_work *w)
{
	size_t i, j, last_main = 0;

	for (i = 0; i < w->n; i++) {
		struct clause_item *ci = &w->it[i];

		switch (ci->op) {
		case OP_COND:
			ci->c.role = CLAUSE_CONDITION;
			break;
		case OP_REL:
			ci->c.role = CLAUSE_RELATIVE;
			ci->c.parent = i > 0 ? (long)i - 1 : -1;
			break;
		case OP_THAT:
			ci->c.role = ci->c.subj_first == ci->c.subj_end &&
			    clause_has_verb(&ci->c) &&
			    ci->c.verb.first == ci->c.first + 1 ?
			    CLAUSE_RELATIVE : CLAUSE_OTHER;
			if (ci->c.role == CLAUSE_RELATIVE)
				ci->c.parent = (long)i - 1;
			break;
		case OP_START: case OP_PUNCT: case OP_SPLIT: case OP_RESUME:
			ci->c.role = CLAUSE_MAIN;
			break;
		case OP_AND:
			/* "militants who killed two and are threatening": a
			 * second verb of a relative clause is relative too */
			if (i > 0 && w->it[i - 1].c.role == CLAUSE_RELATIVE &&
			    ci->c.subj_first == w->it[i - 1].c.subj_first) {
				ci->c.role = CLAUSE_RELATIVE;
				ci->c.parent = w->it[i - 1].c.parent;
				break;
			}
			ci->c.role = CLAUSE_OTHER;
			break;
		default:
			ci->c.role = CLAUSE_OTHER;
			break;
		}
		if (ci->c.role == CLAUSE_MAIN)
			last_main = i;
		else if (ci->c.parent == -1 && i > 0)
			ci->c.parent = (long)last_main;
	}
	for (i = 1; i < w->n; i++) {
		const struct clause *p = &w->it[i - 1].c;
		enum clause_opener op = w->it[i].op;

		participle_speaker(w, i);

		/* a nearer frame takes over from an outer one: "officials
		 * said Iran warned that ..." */
		if ((op == OP_THAT || op == OP_SPLIT ||
		    ((op == OP_PUNCT || op == OP_COND) && short_frame(w, p) &&
		    p->verb.end == p->end)) && p->verb.first != p->verb.end &&
		    (wcls(w, p->verb.head) & CW_REPORTING) && (op == OP_SPLIT ||
		    p->end - p->verb.end <= CLAUSE_FRAME_TAIL + 1 ||
		    zero_that_after_adjunct(w, i)))
			report_from(w, i - 1, i);
	}
	/* "..., the minister said": the clauses before are what he said */
	for (i = 1; i < w->n; i++) {
		const struct clause_item *f = &w->it[i];

		if (f->op != OP_PUNCT || f->covered || !short_frame(w, &f->c) ||
		    (i + 1 < w->n && w->it[i + 1].covered &&
		    w->it[i + 1].c.parent == (long)i))
			continue;
		for (j = i; j-- > 0 && !w->it[j].covered; )
			report(w, i, j);
	}
	/* "according to officials" */
	for (i = 0; i < w->n; i++) {
		struct clause *a = &w->it[i].c;
		size_t s = a->first + w->it[i].skip, e;

		if (w->it[i].op != OP_ACCORDING)
			continue;
		e = a->verb.first != a->verb.end ? a->verb.first : a->end;
		if (e > s + 6)
			e = s + 6;
		if (e < s)
			e = s;
		said_by(w, i, s, e);
	}
	/* A headline's source after a dash ("China could strike if Pelosi
	 * visits Taiwan - US", "... -TV"): a last clause of a few words
	 * with no verb says the ones before it. */
	i = w->n - 1;
	if (w->headline && w->n > 1 && w->it[i].op == OP_PUNCT &&
	    (w->doc->tokens[w->it[i].c.first].flags & TEXT_DASH) &&
	    !clause_has_verb(&w->it[i].c) &&
	    w->it[i].c.end - w->it[i].c.first <= CLAUSE_SOURCE_WORDS)
		said_by(w, i, w->it[i].c.first, w->it[i].c.end);
}

/* Is the subject of clause c a lone pronoun ("it", "they")? */
static int
clause_pronoun_subject(const struct clause_work *w, const struct clause *c)
{
	return c->subj_end == c->subj_first + 1 &&
	    (wcls(w, c->subj_first) & CW_PRON);
}

/* Does a noun of belief govern clause c, right before its "that"
 * ("fears that Varnia will ...")?  Without the "that" the analysis
 * may take the noun's whole phrase for a subject, and is not asked. */
static int
belief_noun_before(const struct clause_work *w, const struct clause *c)
{
	return c->first > 0 && (wcls(w, c->first) & CW_THAT) &&
	    clause_word_in(w->lang->belief_nouns,
	    w->doc->tokens[c->first - 1].fold);
}

/* Pass 5: "if"/"unless" and "or else" mark their main clause; a
 * question asked with "whether"/"how", and what a noun of belief holds,
 * are guesses. */
void
clause_conditions(struct clause_work *w)
{
	size_t i, j;

	for (i = 0; i < w->n; i++) {
		struct clause_item *ci = &w->it[i];
		struct clause *target = NULL;

		/* "how Varnia will respond", "whether Ostland will
		 * strike": a question asked of another's act, nobody's
		 * act; a guess, or, reported, the asker's (clause.c).
		 * "amid fears that Varnia will invade": what a noun of
		 * belief holds is a forecast, as a verb of belief's is.
		 * With a pronoun for its subject ("will decide how it
		 * will respond", "dismissed fears that it would attack")
		 * it is the subject's own act: the rules judge it. */
		if (clause_has_verb(&ci->c) &&
		    !clause_pronoun_subject(w, &ci->c)) {
			if (clause_word_in(w->lang->question_words,
			    w->doc->tokens[ci->c.first].fold))
				ci->c.verb.mood |= CLAUSE_GUESS;
			if (belief_noun_before(w, &ci->c))
				ci->c.verb.mood |= CLAUSE_GUESS |
				    CLAUSE_BELIEF;
		}
		if (ci->op == OP_ORELSE) {
			ci->c.verb.mood |= CLAUSE_COND;
			if (i > 0 && clause_has_verb(&w->it[i - 1].c))
				w->it[i - 1].c.verb.mood |= CLAUSE_COND |
				    CLAUSE_DEMAND;
			continue;
		}
		if (ci->c.role != CLAUSE_CONDITION)
			continue;
		ci->c.verb.mood |= CLAUSE_COND | CLAUSE_ASKED;
		if (i > 0 && clause_has_verb(&w->it[i - 1].c) &&
		    w->it[i - 1].c.role != CLAUSE_CONDITION &&
		    !(short_frame(w, &w->it[i - 1].c) &&
		    w->it[i - 1].c.verb.end == w->it[i - 1].c.end))
			target = &w->it[i - 1].c;
		for (j = i + 1; target == NULL && j < w->n; j++)
			if (clause_has_verb(&w->it[j].c) &&
			    w->it[j].c.role != CLAUSE_CONDITION)
				target = &w->it[j].c;
		if (target != NULL) {
			target->verb.mood |= CLAUSE_COND;
			for (j = 0; j < w->n; j++)
				if (&w->it[j].c == target)
					ci->c.parent = (long)j;
		}
	}
}

/*
 * Pass 6: a "must" or a "has to" whose subject names a party ("Varnia
 * must withdraw", "the envoy said the rebels have to disarm") lays an
 * obligation on it: a demand, whoever says it, not a step the party
 * takes.  A pronoun
 * ("we must", "it must") is most often the speaker's own resolve, and
 * stays a plain modal.
 */
void
clause_obligations(struct clause_work *w)
{
	size_t i, k;

	for (i = 0; i < w->n; i++) {
		struct clause *c = &w->it[i].c;

		if (!clause_has_verb(c) || c->subj_first == c->subj_end ||
		    (c->subj_end - c->subj_first == 1 &&
		    (wcls(w, c->subj_first) & CW_PRON)))
			continue;
		for (k = c->verb.first; k < c->verb.end; k++)
			if ((wcls(w, k) & CW_MUST) || ((wcls(w, k) &
			    (CW_HAVE | CW_HAVE_PAST)) && k + 1 < c->verb.end &&
			    (wcls(w, k + 1) & CW_TO)))
				c->verb.mood |= CLAUSE_DEMAND | CLAUSE_OBLIGED;
	}
}
