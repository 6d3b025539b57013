/*
 * clause.h: the clauses of one sentence, the verb group of each (tense,
 * modality, negation), its subject, and who speaks it when it is
 * reported speech.  For the rules: a threat is a future, modal or
 * conditional harm, or a threat act, said by an actor; a past harm is
 * news, not a threat.  A pure module: no I/O, no logging.
 *
 * The analysis is driven by per-language cue lists (auxiliaries, modals,
 * verbs of speech, of threat, of denial, conjunctions): a language is a
 * table (struct clause_lang in clause.c), not code.  No part-of-speech
 * tagger: the cues and the shapes of words (English "-ed", "-ing") are
 * enough for the verb groups news copy uses.
 */
#ifndef BRINK_CLAUSE_H
#define BRINK_CLAUSE_H

#include <stddef.h>
#include <stdint.h>

#include "text.h"

enum clause_tense {
	CLAUSE_NO_TENSE,	/* no finite verb: a noun phrase, a bare
				   infinitive */
	CLAUSE_PAST,		/* attacked, has attacked, was attacked */
	CLAUSE_PRESENT,		/* attacks, is attacking */
	CLAUSE_FUTURE		/* will attack, is going to, is to, about to;
				   a headline's "to" ("Iran to strike") */
};

/* What a verb group says of its event, as bits of clause_verb.mood. */
#define CLAUSE_MODAL	0x001	/* would, could, may, might, should, must */
#define CLAUSE_ABILITY	0x002	/* can, be able to, capable of: a capability,
				   not a threat */
#define CLAUSE_INTENT	0x004	/* ready to, plans to, prepared to, set to,
				   poised to, intends to */
#define CLAUSE_THREAT	0x008	/* governed by a threat act: threaten to, vow
				   to, pledge to, warn (that) ..., promise to */
#define CLAUSE_COND	0x010	/* in an if/unless clause, or the main clause
				   of one, or before "or (else)"/"otherwise" */
#define CLAUSE_DEMAND	0x020	/* must/demand/order ... or, an ultimatum, a
				   call to arms (urge to, call on ... to),
				   an appeal (told/asked/pressed X to, calls
				   for), a must laid on a named party */
#define CLAUSE_DENIED	0x040	/* governed by a verb of denial or refusal:
				   deny, rule out, reject ("denied it would
				   attack"); also sets negated */
#define CLAUSE_HEADLINE	0x080	/* in a headline, where the present simple
				   reports the past ("Rebels Attack Town") */
#define CLAUSE_REASON	0x100	/* a noun that names why the group's own
				   act is done ("struck in retaliation for
				   the raid"), or the act done as the
				   subject of a past verb no one is said
				   to report ("the retaliation killed
				   nine"): it takes the group's tense */
#define CLAUSE_ASKED	0x200	/* inside an if/unless clause: the condition
				   a threat or an offer sets ("unless Varnia
				   pulls back"), not an act of its own;
				   also inside an "until" clause, the
				   event waited for ("fight on until
				   Varnia pulls back"), not yet come */
#define CLAUSE_GUESS	0x400	/* may, might, could in a clause no one is
				   reported to say: the writer's or an
				   onlooker's guess ("fears that Varnia
				   might respond"), see clause_is_guess();
				   no rule's mood list names it */
#define CLAUSE_SAID_GUESS 0x800	/* the same, reported of somebody ("X said
				   Varnia could strike"): a threat in the
				   mouth of the one who would act, a
				   forecast in anyone else's (the rules
				   decide, by who speaks); no rule's mood
				   list names it */
#define CLAUSE_DEMAND_OTHER 0x1000 /* a demand that the one acting makes
				   of another named party ("the UN demanded
				   Rwanda pull out"): set by the rules, who
				   know the parties, not by the clause
				   analysis */
#define CLAUSE_BELIEF	0x2000	/* what a verb of belief reports ("Norland
				   predicts Ostland will invade", "fears
				   it might"): the believer's forecast,
				   unless the believer is the one who
				   would act; set with CLAUSE_SAID_GUESS;
				   no rule's mood list names it */
#define CLAUSE_WISH	0x4000	/* a verb of wish governs ("hopes to end
				   the war", "wants to withdraw"): what
				   one wishes, no step taken */
#define CLAUSE_OBLIGED	0x8000	/* "must" or "has to" laid on a subject
				   that names a party ("Hamas has to lay
				   down its arms"): set with
				   CLAUSE_DEMAND; an obligation, no step
				   taken */
#define CLAUSE_BACKGROUND 0x10000 /* in a relative clause ("Qatar, which
				   mediated the truce, condemned ...", "the
				   deal that ended the war"): what is said
				   of a noun, not the sentence's news */
#define CLAUSE_FORECAST 0x20000	/* a form of "be" with likely, unlikely or
				   a verb of belief before the infinitive
				   ("Varnia is expected to strike", "is
				   unlikely to invade"): the writer's or a
				   source's forecast of the act; a guess
				   to the rules but for a step toward peace
				   ("talks are expected to resume"); no
				   rule's mood list names it */

#define CLAUSE_TOPIC	0x40000	/* in a headline, the phrase without a
				   verb before its first colon: the topic
				   that the rest of the title tells of
				   ("Darfur truce: aid convoys roll in",
				   "Varnia peace talks: what we know") */

struct clause_verb {
	size_t		 first, end;	/* tokens [first, end): auxiliaries,
					   adverbs, negation, the verb */
	size_t		 head;		/* the main verb's token */
	enum clause_tense tense;
	int		 mood;		/* CLAUSE_* bits */
	int		 negated;	/* not, never, no longer ... in the group,
					   or CLAUSE_DENIED */
	int		 perfect;	/* has/had + participle */
	int		 passive;	/* be + participle */
	int		 framed;	/* the mood bits it has only from the
					   frame that reports it ("UK warns
					   Russia plans to ...": threat is the
					   speaker's warning, not Russia's) */
};

enum clause_role {
	CLAUSE_MAIN,
	CLAUSE_REPORTED,	/* what a speaker says: "X said (that) ...",
				   "X warned Y that ...", a quote */
	CLAUSE_CONDITION,	/* if, unless, provided ... */
	CLAUSE_RELATIVE,	/* who, which, that after a noun */
	CLAUSE_OTHER		/* coordinated or adverbial */
};

struct clause {
	size_t		 first, end;	/* tokens [first, end) of the doc */
	enum clause_role role;
	long		 parent;	/* clause it hangs on, or -1 */
	size_t		 subj_first, subj_end;	/* its subject noun phrase,
					   tokens; empty (first == end) when
					   none is found */
	size_t		 speaker_first, speaker_end; /* who says it, for
					   CLAUSE_REPORTED (the subject of
					   the reporting clause, or the
					   "according to" phrase); empty if
					   not reported */
	struct clause_verb verb;	/* its main verb group; verb.first ==
					   verb.end when it has none */
};

struct clause_sentence {
	struct clause	*clauses;	/* in text order */
	size_t		 n_clauses;
	/* Private to clause.c: what clause_verb_at() needs to follow
	 * chains of infinitives, and the word classes of the tokens
	 * [class_first, class_first + n_classes) as the analysis found
	 * them. */
	const struct clause_lang *lang;
	int		 headline;
	uint64_t	*classes;
	size_t		 class_first, n_classes;
};

struct clause_lang;

/* The built-in cues of a language by its Snowball name ("english");
 * NULL when there is no table for it (the rules then ignore mood). */
const struct clause_lang *clause_lang_find(const char *language);

/*
 * The language's verbs whose negation asserts the act ("hesitate": "will
 * not hesitate to strike" will strike), NULL-terminated.  The clause
 * analysis undoes a group's negation at one; the rules' built-in word
 * cues count one as a cue of its own, so that "not" and it cancel.
 */
const char *const *clause_lang_hesitate_verbs(const struct clause_lang *);

/*
 * The language's prefixes that a hyphen joins to a word to deny or undo
 * it ("de" in "de-escalation", "anti", "non"), NULL-terminated: the word
 * after one is not the word alone ("escalation").
 */
const char *const *clause_lang_negating_prefixes(const struct clause_lang *);

/*
 * Analyse sentence sn of doc (its tokens as text_analyse made them).
 * headline is 1 when the sentence is an article's title.  Fills out
 * (free with clause_sentence_free, also after an error); returns 0, or
 * -1 when out of memory.
 */
int	 clause_analyse(const struct clause_lang *, const struct text_doc *doc,
	    const struct text_sentence *sn, int headline,
	    struct clause_sentence *out);
void	 clause_sentence_free(struct clause_sentence *);

/* The clause that holds token t, or NULL when t is not in the sentence
 * analysed.  Borrowed from cs. */
const struct clause *clause_at(const struct clause_sentence *cs, size_t t);

/* The clause c hangs on, or NULL for a clause on top.  Borrowed from cs. */
const struct clause *clause_parent(const struct clause_sentence *cs,
	    const struct clause *c);

/*
 * The verb group that governs token t: the group whose verb t is, or
 * the one whose chain of infinitives reaches it ("vowed to fight back":
 * for "fight" the group is past and THREAT); else its clause's main
 * group.  Written into *out; returns 0, or -1 when t governs no verb
 * group (then *out has no tense and no mood).
 */
int	 clause_verb_at(const struct clause_sentence *cs,
	    const struct text_doc *doc, size_t t, struct clause_verb *out);

/*
 * Is token t a participle outside its clause's verb group, not the
 * clause's first word: one that modifies the noun before it
 * ("gunmen threatening to burn the village")?  1 or 0.
 */
int	 clause_participle(const struct clause_sentence *cs, size_t t);

/*
 * Does a clause other than the sentence's first open with a participle
 * at token t ("..., threatening attacks")?  1 or 0.
 */
int	 clause_participle_opens(const struct clause_sentence *cs, size_t t);

/*
 * Is token t, or the one after an adverb there, a past participle with
 * "by" right after it ("the hostages [just] freed by the rebels",
 * "threats made by the army")?  The token of "by", or 0.  A headline
 * may have taken the participle for its verb: the caller knows that no
 * auxiliary stands before t.
 */
size_t	 clause_participle_by(const struct clause_sentence *cs, size_t t);

/*
 * Is token t a "not" that sets two phrases against each other ("actions
 * not words", "peace, not war", "Iran, not Israel, will") rather than
 * negating a verb?  1 or 0.
 */
int	 clause_contrast_not(const struct clause_sentence *cs, size_t t);

/*
 * Is token t the determiner "no" ("no plans", "no end to the war"),
 * which denies the noun phrase it opens and no more?  1 or 0.
 */
int	 clause_no_determiner(const struct clause_sentence *cs, size_t t);

/*
 * Is token t a noun of demand outside its clause's verb group
 * ("Chad's ultimatum to withdraw", "the rebels' demands")?  1 or 0.
 */
int	 clause_demand_noun(const struct clause_sentence *cs, size_t t);

/*
 * May token t be a verb, by the language's tables ("pose", "sees"),
 * whether or not the analysis took it for its clause's verb?  An
 * adjective in participle form ("armed", "backed") is none.  1 or 0.
 */
int	 clause_may_be_verb(const struct clause_sentence *cs, size_t t);

/*
 * Does token t open a verb of its own after "and" or "or" ("halt the
 * talks and launch strikes"): may it be a verb, with a coordinator
 * right before it?  1 or 0.
 */
int	 clause_coord_verb(const struct clause_sentence *cs, size_t t);

/*
 * Is token t in a clause that a question does not ask: one that a
 * subordinator opens after the sentence's first ("What is happening in
 * Rafah as Israel threatens to attack?": a question asks its main
 * clause), or one before a clause that a conjunction opens with an
 * auxiliary, the question's own inverted order ("Israel asks Gazans to
 * leave, but is any place safe?")?  1 or 0.
 */
int	 clause_presupposed(const struct clause_sentence *cs, size_t t);

/*
 * Does the language's infinitive marker stand right before token t ("to
 * disrupt")?  1 or 0.
 */
int	 clause_after_to(const struct clause_sentence *cs, size_t t);

/*
 * Is token t the infinitive marker used as a preposition, before a past
 * participle that qualifies a noun ("aid to besieged towns", "travel to
 * occupied land")?  1 or 0.
 */
int	 clause_to_preposition(const struct clause_sentence *cs,
	    const struct text_doc *doc, size_t t);

/*
 * Is the subject of token t's clause a pronoun alone ("it", "we"), which
 * stands for a party named elsewhere?  1 or 0.
 */
int	 clause_subject_pronoun(const struct clause_sentence *cs, size_t t);

/*
 * Is token t the "to" of a demand that its object not act: a verb of
 * demand, an object, then "not to" or "never to" ("warned Russia not to
 * invade", "told them never to attack")?  Whoever the object is, it is
 * the one who would act, not the one who demands.  1 or 0.
 */
int	 clause_demand_not_to(const struct clause_sentence *cs, size_t t);

/*
 * Does v only guess at its event?  A may/might/could that no speaker
 * says (CLAUSE_GUESS) and that no threat act, condition, demand or plan
 * governs: "there is a chance the militia could retaliate", "worried
 * that Varnia might respond" are forecasts, not anyone's threat or step.
 * "Iran warned it could strike", "would strike back if attacked" and
 * "the army said it may attack" are no guesses.
 */
int	 clause_is_guess(const struct clause_verb *v);

/*
 * Does v guess at its event in somebody's report (CLAUSE_SAID_GUESS),
 * with no demand or plan governing it?  Whether that is a threat or a
 * forecast depends on who speaks, and under a condition (CLAUSE_COND)
 * on whether the text names who speaks: the caller decides.
 */
int	 clause_is_said_guess(const struct clause_verb *v);

/* "past", "future", "modal", ...: for --explain; writes a line into buf
 * such as "tense=past mood=threat negated=no". */
void	 clause_verb_describe(const struct clause_verb *, char *buf,
	    size_t len);

#endif
