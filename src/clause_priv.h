/*
 * clause_priv.h: the word classes the clause analysis reads, and a
 * language's table of them (clause_lang.c), shared by the clause*.c files
 * and the unit test.
 */
#ifndef BRINK_CLAUSE_PRIV_H
#define BRINK_CLAUSE_PRIV_H

#include <stddef.h>
#include <stdint.h>

#include "clause.h"
#include "text.h"

/* What a word can be, as bits; a word may have several. */
#define CW_BE		(1ULL << 0)	/* be, been, being */
#define CW_BE_PRES	(1ULL << 1)	/* is, are, am */
#define CW_BE_PAST	(1ULL << 2)	/* was, were */
#define CW_HAVE		(1ULL << 3)	/* have, has, having */
#define CW_HAVE_PAST	(1ULL << 4)	/* had */
#define CW_DO		(1ULL << 5)	/* do, does */
#define CW_DO_PAST	(1ULL << 6)	/* did */
#define CW_WILL		(1ULL << 7)	/* will, shall: the future */
#define CW_WOULD	(1ULL << 8)	/* would: a future seen from the past */
#define CW_MODAL	(1ULL << 9)	/* could, may, might, must, should */
#define CW_CAN		(1ULL << 10)	/* can: ability */
#define CW_MUST		(1ULL << 11)	/* must, have to: a demand with "or" */
#define CW_NEG		(1ULL << 12)	/* not, never */
#define CW_NO		(1ULL << 13)	/* no ("no plans", "no longer") */
#define CW_LONGER	(1ULL << 14)	/* longer, after no */
#define CW_PAST		(1ULL << 15)	/* a past form */
#define CW_PART		(1ULL << 16)	/* a past participle */
#define CW_ING		(1ULL << 17)	/* a present participle */
#define CW_PRES		(1ULL << 18)	/* a present form (base or -s) */
#define CW_VERB		(1ULL << 19)	/* a form of a known verb */
#define CW_EDSHAPE	(1ULL << 20)	/* unknown, ends as a past form does */
#define CW_ADJ		(1ULL << 21)	/* a participle mostly used as an
					   adjective ("armed", "backed") */
#define CW_ADV		(1ULL << 22)	/* adverbs inside a verb group or
					   before a subject */
#define CW_DET		(1ULL << 23)	/* a noun follows: the, its, ... */
#define CW_PREP		(1ULL << 24)
#define CW_PRON		(1ULL << 25)	/* subject pronouns */
#define CW_FUNC		(1ULL << 26)	/* other words that are never verbs */
#define CW_TIME		(1ULL << 27)	/* monday, yesterday, ... */
#define CW_TIMEPREP	(1ULL << 28)	/* on, last, late: a time phrase */
#define CW_PARTICLE	(1ULL << 29)	/* out, back, off: part of the verb */
#define CW_TO		(1ULL << 30)
#define CW_OF		(1ULL << 31)
#define CW_SPEECH	(1ULL << 32)	/* reports speech: say, tell, warn */
#define CW_OBJECT	(1ULL << 33)	/* speech with an object: tell, warn */
#define CW_THREAT	(1ULL << 34)	/* threaten, vow, pledge; threat */
#define CW_DENY		(1ULL << 35)	/* deny, reject, dismiss, refuse */
#define CW_DEMAND	(1ULL << 36)	/* demand, order, urge; ultimatum */
#define CW_INTENT	(1ULL << 37)	/* plan, intend, ready, poised */
#define CW_ABLE		(1ULL << 38)	/* able, capable, capability */
#define CW_NEWS		(1ULL << 39)	/* a verb of the news (attack,
					   kill), for headlines */
#define CW_COND		(1ULL << 40)	/* if, unless */
#define CW_REL		(1ULL << 41)	/* who, which, whom, whose */
#define CW_THAT		(1ULL << 42)
#define CW_CONJ		(1ULL << 43)	/* but, while, because, although */
#define CW_AND		(1ULL << 44)
#define CW_OR		(1ULL << 45)
#define CW_ELSE		(1ULL << 46)	/* else, after or */
#define CW_OTHERWISE	(1ULL << 47)
#define CW_ACCORDING	(1ULL << 48)	/* according (to) */
#define CW_GOING	(1ULL << 49)	/* going (to) */
#define CW_ABOUT	(1ULL << 50)	/* about (to) */
#define CW_SPAN		(1ULL << 51)	/* hours, days: "give them 48 hours
					   to" */
#define CW_GIVE		(1ULL << 52)
#define CW_RULE		(1ULL << 53)	/* denies with "out" */
#define CW_CALL		(1ULL << 54)	/* demands with "on" or "for" */
#define CW_NUM		(1ULL << 55)	/* digits, number words */
#define CW_POSS		(1ULL << 56)	/* a possessive ("Iran's") */
#define CW_PROVIDED	(1ULL << 57)	/* provided (that), depends (on),
					   contingent (on) */
#define CW_AGENT	(1ULL << 59)	/* by: a passive's agent follows */
#define CW_CALLPREP	(1ULL << 60)	/* on, for: "call on X to" */
#define CW_SUBORD	(1ULL << 61)	/* after, since, as: a preposition
					   that may open a clause */
#define CW_LIGHT	(1ULL << 62)	/* "a wave of", "launch ... of": a
					   phrase after it is still the
					   argument */
#define CW_ADJUNCT	(1ULL << 63)	/* despite, amid: never an argument */
#define CW_NEVER	(1ULL << 58)	/* a negation that needs no
					   auxiliary: never */

/* Words that are never the verb of a clause. */
#define CW_NOT_VERB	(CW_DET | CW_PREP | CW_PRON | CW_FUNC | CW_TO | \
	CW_OF | CW_NUM | CW_COND | CW_REL | CW_THAT | CW_CONJ | CW_AND | \
	CW_OR | CW_POSS | CW_TIME)
/* Auxiliaries and modals: a verb group starts here. */
#define CW_AUX		(CW_BE | CW_BE_PRES | CW_BE_PAST | CW_HAVE | \
	CW_HAVE_PAST | CW_DO | CW_DO_PAST | CW_WILL | CW_WOULD | CW_MODAL | \
	CW_CAN)

/* A word and its classes, in a language's table. */
struct clause_word {
	const char	*word;
	uint64_t	 bits;
};

#define CLAUSE_SLOTS	4096		/* a power of two */
#define CLAUSE_POOL	32768

/*
 * A language: its words (exact forms) and its verbs (base forms, whose
 * inflections inflect() writes), hashed on first use.
 */
struct clause_lang {
	const char			*name;
	const struct clause_word	*words;		/* {NULL, 0} ends */
	const struct clause_word	*verbs;
	/* Calls add(ctx, form, bits) for each inflected form of base. */
	void	(*inflect)(const char *base, uint64_t bits,
		    void (*add)(void *, const char *, size_t, uint64_t),
		    void *ctx);
	/* The shape of an unknown past form, present participle and
	 * adverb, and of a present form that is no base ("attacks"). */
	const char	*past_suffix, *ing_suffix, *adv_suffix, *pres_suffix;
	/* Prepositions that, before a bare noun and another preposition,
	 * give the reason for the act of the verb ("in retaliation for",
	 * "as revenge for"); NULL ends. */
	const char *const *reason_preps;
	/* Every form of the verbs of belief ("thinks", "believed",
	 * "fears", "predicts"): what their clause reports is the
	 * believer's account, a forecast unless the believer is the one
	 * who would act; NULL ends. */
	const char *const *belief_verbs;
	/* Every form of the verbs of wish ("hopes", "wanted"): the
	 * infinitive after one is wished, not done; NULL ends. */
	const char *const *wish_verbs;
	/* The words that open a clause of what came before the news
	 * ("the first call since Varnia restored ties"): an event told as
	 * a time's start is background, not the news; NULL ends. */
	const char *const *since_words;
	/* The words that open a clause of what has not yet come ("will
	 * fight until the last captive is home"): the event is the
	 * condition the main clause sets, not one that happened; NULL
	 * ends. */
	const char *const *until_words;
	/* Every form of the verbs whose negation asserts the act ("will
	 * not hesitate to strike": it will strike; "did not hesitate to":
	 * it did); NULL ends. */
	const char *const *hesitate_verbs;
	/* The words of a guess between a form of "be" and the infinitive
	 * ("is likely to strike"): the writer's forecast of the act;
	 * NULL ends. */
	const char *const *guess_words;
	/* The same that forecast the act will not come ("is unlikely to
	 * strike"); NULL ends. */
	const char *const *doubt_words;
	/* The words that open an indirect question with a finite verb
	 * ("waits to see how Varnia will respond", "unclear whether
	 * Ostland will strike"): what it asks is nobody's act; NULL
	 * ends. */
	const char *const *question_words;
	/* The nouns of belief ("fears", "concerns", "speculation"): the
	 * clause after one and "that" ("amid fears that Varnia will
	 * invade") is somebody's forecast, as what a verb of belief
	 * reports is; NULL ends. */
	const char *const *belief_nouns;
	/* Endings of words that are no present form though they end as
	 * one ("-ss", "-us", "-is": "Hamas", "status"), and the endings
	 * of agent and abstract nouns ("-ers", "-ions") that before a
	 * bare word are a plural subject ("as Varnian soldiers rest"),
	 * for the present a headline's clause cut guesses
	 * (clause_cut.c); NULL ends. */
	const char *const *no_present_endings;
	const char *const *noun_endings;
	/* Prefixes that a hyphen joins to a word to deny or undo it
	 * ("de-escalation", "anti-war", "non-aggression"); NULL ends. */
	const char *const *negating_prefixes;
	/* The articles of one thing ("a", "an"): a subject they open is
	 * singular, so a verb's bare form after it and its adjectives ("a
	 * Varnian demand to surrender") is a noun, since a singular verb
	 * would take pres_suffix ("a Varnian envoy demands"); NULL ends. */
	const char *const *singular_articles;

	int		 built;		/* 1 built, -1 failed */
	size_t		 past_len, ing_len, adv_len, pres_len;
	struct {
		const char	*word;
		size_t		 len;
		uint64_t	 bits;
	}		 slots[CLAUSE_SLOTS];
	char		 pool[CLAUSE_POOL];
	size_t		 pool_used;
};

/* The classes of a folded word in lang (0 for a word it does not know
 * and whose shape says nothing). */
/* Is fold one of the words of list, a language's NULL-ended list
 * (reason_preps, belief_verbs)?  0 for a NULL list. */
int		 clause_word_in(const char *const *list, const char *fold);
/* The English tables (clause_english.c). */
extern struct clause_lang clause_english;

uint64_t	 clause_word_class(const struct clause_lang *, const char *fold,
		    size_t len);
/* The classes of a token: its word's, or CW_POSS for a possessive. */
uint64_t	 clause_token_class(const struct clause_lang *,
		    const struct text_token *);
/* Negate a group, or for a denial of a negation ("did not rule out")
 * keep the event open: CLAUSE_MODAL, not negated. */
void		 clause_deny(struct clause_verb *);
/* The mood a head verb of threat, demand, intent or denial gives its
 * group (next: the classes of the word after the head). */
void		 clause_cue_mood(uint64_t head, uint64_t next,
		    struct clause_verb *);

/* What opened a clause. */
enum clause_opener {
	OP_START,	/* the sentence's start */
	OP_PUNCT,	/* punctuation */
	OP_COND,	/* if, unless, provided that */
	OP_REL,		/* who, which */
	OP_THAT,
	OP_CONJ,	/* but, while, because */
	OP_AND,		/* and, or + a verb */
	OP_ORELSE,	/* or else, otherwise, or after a demand */
	OP_ACCORDING,	/* according to */
	OP_SPLIT,	/* "said it would": a complement without "that" */
	OP_RESUME	/* "gunmen who seized a bus said": the main clause
			   goes on after a relative one */
};

/* A clause while the sentence is analysed (clause.c, clause_frame.c). */
struct clause_item {
	struct clause		 c;
	enum clause_opener	 op;
	size_t			 skip;		/* opener's tokens */
	int			 covered;	/* reported by a frame */
};

struct clause_work {
	const struct clause_lang *lang;
	const struct text_doc	*doc;
	size_t			 first, end;	/* analysed tokens */
	uint64_t		*cls;
	int			 headline;
	struct clause_item	*it;
	size_t			 n, cap;
};

/* Verbs that report what their complement says. */
#define CW_REPORTING	(CW_SPEECH | CW_THREAT | CW_DENY | CW_DEMAND)

/* The classes of token k, 0 outside the analysed tokens. */
static inline uint64_t
wcls(const struct clause_work *w, size_t k)
{
	return k >= w->first && k < w->end ? w->cls[k - w->first] : 0;
}

static inline int
clause_has_verb(const struct clause *c)
{
	return c->verb.first != c->verb.end;
}

/* Where a verb group may start (clause_start.c).  Could token k be a
 * verb after "to" or an auxiliary? */
int		 clause_verbish(const struct clause_work *, size_t k, size_t end);
/* The next token at or after k that is not an adverb or a negation. */
size_t		 clause_skip_adv(const struct clause_work *, size_t k,
		    size_t end);
/* Does the text at k, in a clause from from, look like the start of a
 * finite verb group? */
int		 clause_finite_start(const struct clause_work *, size_t k,
		    size_t from);
/* Is token k a verb's bare form in a phrase a singular article opens
 * ("a Varnian demand"): a noun, no verb of a complement clause? */
int		 clause_after_article(const struct clause_work *, size_t k,
		    size_t from);
/* Does token k end in the language's present ending ("-s"), with more
 * than one letter before it? */
int		 clause_pres_form(const struct clause_work *, size_t k);
/* A weaker start: an unknown "-ed" word, a participle alone, the "-s"
 * form of a verb of the news; bare allows one at the clause's start. */
int		 clause_weak_start(const struct clause_work *, size_t k,
		    size_t from, int bare);

/* Pass 1 (clause_cut.c): the clauses; -1 when there is no room. */
int		 clause_cut(struct clause_work *);
/* Pass 2 (clause_group.c): each clause's verb group. */
int		 clause_groups(struct clause_work *);
/* Pass 3 (clause_subject.c): the subjects. */
void		 clause_subjects(struct clause_work *);
/* Passes 4 to 6 (clause_frame.c): roles, reported speech, conditions,
 * obligations. */
void		 clause_frames(struct clause_work *);
void		 clause_conditions(struct clause_work *);
void		 clause_obligations(struct clause_work *);

#endif
