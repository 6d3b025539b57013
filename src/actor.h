/*
 * actor.h: who a sentence names, as noun phrases with a kind.  Named
 * actors (the configuration's `actor` blocks, countries among them),
 * role nouns (`role` blocks: "army", "militants", "kidnappers",
 * "workers", "players") and unknown proper names are grouped into the
 * noun phrases they stand in, so that "Sudan's army" is Sudan acting as
 * a military, "Varnian football players" are players (sports) and not
 * Varnia, and a threat by "kidnappers" has an actor though no list names
 * them.  The kind of a phrase is the kind of its head.  A pure module:
 * no I/O, no logging.
 */
#ifndef BRINK_ACTOR_H
#define BRINK_ACTOR_H

#include <stddef.h>

#include "clause.h"
#include "text.h"

enum actor_kind {
	ACTOR_UNKNOWN,		/* an unknown proper name, or no kind given */
	ACTOR_STATE,		/* a country, its government, its capital */
	ACTOR_OFFICIAL,		/* a leader, minister, spokesman, ministry */
	ACTOR_MILITARY,		/* army, troops, navy, a commander */
	ACTOR_ARMED_GROUP,	/* militants, rebels, militia, insurgents,
				   a gang, a faction */
	ACTOR_HOSTAGE_TAKERS,	/* kidnappers, hostage-takers, captors */
	ACTOR_POLICE,
	ACTOR_INDIVIDUAL,	/* a man, residents, protesters, citizens */
	ACTOR_WORKERS,		/* workers, a union, pilots, staff */
	ACTOR_SPORTS,		/* players, a team, a club, fans */
	ACTOR_COMPANY,		/* a company, a bank, investors */
	ACTOR_COURT,		/* a judge, a court, prosecutors */
	ACTOR_ORGANISATION,	/* the UN, an agency, an NGO, a party */
	ACTOR_LEGISLATURE,	/* a parliament, lawmakers, senators: they
				   speak and vote, and command no force */
	ACTOR_N_KINDS
};

/* "state", "armed-group", ... -> the kind, or -1 when unknown. */
int		 actor_kind_parse(const char *name);
const char	*actor_kind_name(enum actor_kind);

/* A name or role word the rules found in a sentence (their trie finds
 * both), the input of actor_mentions. */
struct actor_word {
	size_t		 first, end;	/* tokens [first, end) */
	long		 actor;		/* configuration actor index, or -1 */
	long		 role;		/* configuration role index, or -1 */
	enum actor_kind	 kind;		/* the actor's or the role's kind */
};

/* A noun phrase that names who may act. */
struct actor_mention {
	size_t		 first, end;	/* the phrase, tokens [first, end) */
	size_t		 head;		/* its head token */
	long		 actor;		/* the named actor it is or belongs to
					   ("Sudan's army", "Iranian troops":
					   that country), or -1 */
	long		 role;		/* its role ("army"), or -1 */
	enum actor_kind	 kind;		/* the kind of its head */
	int		 proper;	/* an unknown proper name heads it:
					   reported as written (first..end,
					   the name alone); actor is then its
					   owner, if any ("Sudan's Kenana
					   Sugar"), and kind its title's */
};

/*
 * Group the words found in sentence sn of doc (sorted by first token;
 * overlapping words allowed, the longest wins) into mentions, adding
 * unknown proper names (capitalised words outside the headline and
 * outside any word given, not at the start of the sentence, not a
 * common word).  cs, when not NULL, is the clause analysis of sn: no
 * phrase reaches over a verb group it found ("Nigeria sent troops" is
 * Nigeria, then troops, not Nigeria's troops).  *out is a new array in
 * text order (caller frees); returns 0, or -1 when out of memory.
 */
int		 actor_mentions(const struct text_doc *doc,
		    const struct text_sentence *sn, int headline,
		    const struct clause_sentence *cs,
		    const struct actor_word *words, size_t n_words,
		    struct actor_mention **out, size_t *n_out);

/*
 * Who acts in the verb group that governs token t: the mention that is
 * the subject of t's clause, or, when the clause is reported speech and
 * its subject is a pronoun or missing, the speaker.  A passive's agent
 * ("was warned by Y": Y) comes before its subject; a noun names its own
 * agent ("a rebel threat to shell", "Iran's ultimatum", "an ultimatum
 * from Baghdad").  A pronoun subject or speaker stands for the subject
 * of a clause before it, else for a mention of an earlier sentence:
 * the caller may put those after the sentence's own in m (their tokens
 * before the sentence), the nearest last.  Returns the index of the
 * mention in m, or -1 when none is found.
 */
long		 actor_agent(const struct actor_mention *m, size_t n,
		    const struct clause_sentence *cs, const struct text_doc *doc,
		    size_t t);

/*
 * The first token of the preposition of place ("in", "from", "out of")
 * before the phrase that starts at token first, past its articles
 * ("hostages held in Darfur", "raids in Chad"); -1 when there is none.
 * Tokens before lo are not looked at.
 */
long		 actor_place_prep(const struct text_doc *doc, size_t first,
		    size_t lo);

/*
 * Does the phrase at tokens [first, end) qualify prisoners or detainees
 * whose release is spoken of within a few words ("unless Varnian women
 * prisoners are freed", "the release of Darfur rebel prisoners")?  Tokens
 * outside [lo, hi) are not looked at.
 */
int		 actor_names_freed(const struct text_doc *doc, size_t first,
		    size_t end, size_t lo, size_t hi);

/*
 * Does the phrase that starts at token first name a backer ("the Darfur
 * rebels, backed by Chad, vowed", "militias allied with Varnia") or an ally ("would
 * march alongside Ostland")?  The backer takes no part in what the
 * sentence says the backed one does, nor is the ally acted against.
 * Tokens before lo are not looked at.
 */
int		 actor_names_backer(const struct text_doc *doc, size_t first,
		    size_t lo);

/*
 * A role whose owner is a possessive pronoun opening the subject of a
 * reported clause is the speaker's ("Iran said its forces would strike":
 * Iran's forces).  Sets the actor of such mentions in m, the mentions of
 * the sentence cs analyses.
 */
void		 actor_own_by_speaker(struct actor_mention *m, size_t n,
		    const struct clause_sentence *cs,
		    const struct text_doc *doc);

/* Clause c, or the nearest clause above it, that names a speaker; NULL
 * when none does (c may be NULL). */
const struct clause *actor_frame(const struct clause_sentence *cs,
		    const struct clause *c);

/*
 * The named party (a mention with an actor) that begins at token t, past
 * its articles: the object of a verb that ends before t ("vowed to
 * destroy the Houthis").  -1 when none does, or punctuation comes first,
 * or the party only qualifies the noun after it ("seize Varnia's
 * ships", "crush the Varnia court ruling": the ships, the ruling).
 */
long		 actor_object_at(const struct actor_mention *m, size_t n,
		    const struct text_doc *doc, size_t t);

/*
 * The named party in the "of" phrase that begins at token end, right
 * after a step's noun: the one who would take the step ("demanded the
 * complete disarmament of the Darfur rebels", "the pullback of Ostland
 * troops").
 * -1 when no "of" follows, punctuation comes first, or it names none.
 */
long		 actor_step_party_after(const struct actor_mention *m, size_t n,
		    const struct text_doc *doc, size_t end);

/*
 * The owner of the noun at token t: its possessor ("Iran's threats"),
 * the name that qualifies it wherever the phrase stands ("amid Ostland
 * threat", "the Ostland naval threat") or the one after "by" or
 * "from" ("threats from Varnia").  Unlike actor_agent(), no subject
 * stands in: in "Norland moves troops amid Ostland threat" the threat
 * is not Norland's.  -1 when the noun names no owner, or t is a verb,
 * or it stands in the subject of a clause with a verb of its own
 * ("Ostland's threat forced Varnia to act": told as a cause, no threat
 * made).
 */
long		 actor_owner_at(const struct actor_mention *m, size_t n,
		    const struct clause_sentence *cs, const struct text_doc *doc,
		    size_t t);

/*
 * Who says what governs token t: the speaker of t's clause, or of the
 * nearest clause above it that has one ("Varnia would pay a heavy
 * price, the minister said": the minister).  The index of the mention
 * in m, or -1 when no speaker is found.
 */
long		 actor_speaker_at(const struct actor_mention *m, size_t n,
		    const struct clause_sentence *cs, const struct text_doc *doc,
		    size_t t);

/*
 * Who reports that speaker: the speaker of the nearest clause above the
 * one whose speaker actor_speaker_at() finds ("Iran said the US had not
 * threatened that it could be hit": Iran reports the US).  -1 when none.
 */
long		 actor_reporter_at(const struct actor_mention *m, size_t n,
		    const struct clause_sentence *cs, const struct text_doc *doc,
		    size_t t);

#endif
