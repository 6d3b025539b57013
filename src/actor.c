/*
 * actor.c: who a sentence names, grouped into noun phrases with a kind
 * (see actor.h; which of them acts is actor_agent.c).
 *
 * The rules' trie finds the name and role words; this file adds unknown
 * proper names and groups neighbouring units into one phrase:
 *
 *	owner + role		"Sudan's army", "Iranian troops",
 *				"Varnian football players" (modifiers
 *				between them allowed)
 *	title + name		"President Trump", "rebel leader Kony"
 *	name + name		"Iran's Khamenei", "Masoud Pezeshkian"
 *	role of owner		"the army of Sudan", "the leader of Hamas"
 *	X-backed Y		"Iran-backed Hezbollah": Y, and X is no owner
 *
 * The head of a phrase is its last unit (the first in "role of owner");
 * the phrase has the head's kind.  No part-of-speech tagger: which words
 * may stand between an owner and its role is decided by small lists and
 * the shape of the word.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "actor.h"
#include "actor_priv.h"
#include "clause.h"
#include "text.h"


/* Words between an owner and its role ("Sudan's new army chief"). */
#define ACTOR_MAX_MODIFIERS	3

static const char *const actor_kind_names[ACTOR_N_KINDS] = {
	"unknown", "state", "official", "military", "armed-group",
	"hostage-takers", "police", "individual", "workers", "sports",
	"company", "court", "organisation", "legislature"
};

/* Words that cannot be inside a noun phrase between an owner and its
 * role: they end one phrase or link two ("Iran told Britain", "Chad
 * and Sudan", "gunmen in Darfur"). */
const char *const actor_stop_words[] = {
	"a", "about", "across", "after", "against", "also", "am", "among",
	"an", "and", "are", "as", "at", "be", "been", "before", "being",
	"between", "but", "by", "can", "could", "did", "do", "does", "for",
	"from", "had", "has", "have", "he", "her", "his", "how", "i", "if",
	"in", "into", "is", "it", "its", "may", "might", "must", "near",
	"no", "nor", "not", "of", "on", "or", "our", "over", "said", "say",
	"shall", "she", "should", "since", "so", "than", "that", "the",
	"their", "them", "then", "there", "these", "they", "this", "those",
	"through", "to", "told", "toward", "towards", "under", "until",
	"upon", "was", "we", "were", "what", "when", "where", "which",
	"while", "who", "whom", "whose", "will", "with", "within",
	"without", "would", "yet", "you"
};

/* "-ed" and "-ing" words that do qualify a noun ("Iran's armed forces",
 * "Britain's ruling party", "Indian peacekeeping troops", "a South
 * African mining company"); others are read as verbs.  Sorted. */
static const char *const actor_verbal_adjectives[] = {
	"alleged", "allied", "armed", "banking", "broadcasting", "elected",
	"engineering", "exiled", "fighting", "fishing", "governing",
	"leading", "manufacturing", "mining", "opposing", "organised",
	"organized", "peacekeeping", "publishing", "retired", "ruling",
	"shipping", "suspected", "trained", "united", "warring"
};

/* "backed by Iran", "allied with Iran", "linked to Iran". */
static const char *const actor_backer_preps[] = {
	"by", "to", "with"
};

/* "would march alongside Ostland": an ally, no party acted against. */
static const char *const actor_ally_preps[] = {
	"alongside"
};

/* "Iran-backed Hezbollah": the first name only qualifies the second.
 * These do so with a hyphen or without ("Iranian backed militias"). */
static const char *const actor_backing_words[] = {
	"affiliated", "aligned", "allied", "backed", "funded", "inspired",
	"linked", "sponsored", "supported"
};

/* These only with a hyphen ("US-led coalition"): alone they are verbs
 * ("the army held talks"). */
static const char *const actor_hyphen_backing_words[] = {
	"armed", "based", "controlled", "held", "led", "run", "trained"
};

/* Capitalised words in running text that name no one: pronouns,
 * articles at the start of a quote, days, months, titles, the news
 * agencies of a byline. */
static const char *const actor_common_words[] = {
	"a", "afp", "after", "also", "an", "and", "ap", "april", "as", "at",
	"august", "but", "cp", "december", "dpa", "dr", "february", "for",
	"friday", "he", "her", "his", "i", "if", "in", "it", "its",
	"january", "jr", "july", "june", "march", "may", "meanwhile",
	"monday", "mr", "mrs", "ms", "my", "no", "not", "november",
	"october", "on", "or", "our", "reuters", "saturday", "september",
	"she", "so", "sunday", "that", "the", "their", "there", "these",
	"they", "this", "those", "thursday", "tuesday", "upi", "we",
	"wednesday", "what", "when", "where", "who", "why", "yes", "you",
	"your"
};

/* Lower-case particles inside Arabic, Dutch, French... names. */
static const char *const actor_name_particles[] = {
	"abu", "al", "bin", "bint", "da", "de", "del", "der", "di", "el",
	"ibn", "la", "le", "van", "von"
};

/* Before a one-word name, these make the name of another place ("New
 * Jersey", "South Ossetia", "East Jerusalem"). */
static const char *const actor_place_prefixes[] = {
	"east", "new", "north", "south", "west"
};

/* Before a name, these make it an object or a place, never who acts
 * ("the arrest of Marko", "militias in Chad"). */
const char *const actor_prepositions[] = {
	"about", "across", "against", "among", "at", "between", "by",
	"for", "from", "in", "inside", "into", "near", "of", "on", "onto",
	"over", "than", "through", "to", "toward", "towards", "upon", "via",
	"with", "within"
};

/* Before a place, these say where something is or happens, or whence
 * it comes ("jailed in Varnia", "raids inside Chad", "soldiers out of
 * Darfur"). */
static const char *const actor_place_prepositions[] = {
	"from", "in", "inside", "within"
};

/* Whose release a demand is about ("unless Iraqi prisoners are freed"). */
static const char *const actor_detainee_nouns[] = {
	"detainees", "inmates", "prisoners"
};
static const char *const actor_release_words[] = {
	"free", "freed", "freeing", "frees", "release", "released",
	"releases", "releasing"
};

/* Skipped when looking for the preposition before a phrase. */
const char *const actor_determiners[] = {
	"a", "an", "her", "his", "its", "the", "their"
};

int
actor_kind_parse(const char *name)
{
	size_t k;

	for (k = 0; k < ACTOR_N_KINDS; k++)
		if (strcmp(name, actor_kind_names[k]) == 0)
			return (int)k;
	return -1;
}

const char *
actor_kind_name(enum actor_kind kind)
{
	if ((unsigned)kind >= ACTOR_N_KINDS)
		return "unknown";
	return actor_kind_names[kind];
}

static int
actor_cmp_word(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

/* Is fold in the sorted list words? */
int
actor_in(const char *fold, const char *const *words, size_t n)
{
	return bsearch(fold, words, n, sizeof(*words), actor_cmp_word) != NULL;
}

int
actor_ends(const char *fold, size_t len, const char *tail)
{
	size_t n = strlen(tail);

	return len > n + 2 && memcmp(fold + len - n, tail, n) == 0;
}

/*
 * May token t stand between an owner and its role?  Not a function word,
 * not a verb by its shape ("Iran warns militants", "US troops killed
 * civilians"): plural nouns are rare as modifiers, "-ed" and "-ing" words
 * read as verbs unless listed.
 */
int
actor_modifier_ok(const struct text_token *t)
{
	const char *f = t->fold;
	size_t n = t->fold_len;

	if (n == 0 || ACTOR_IN(f, actor_stop_words))
		return 0;
	if (ACTOR_IN(f, actor_verbal_adjectives))
		return 1;
	if (actor_ends(f, n, "ed") || actor_ends(f, n, "ing"))
		return 0;
	if (n > 3 && f[n - 1] == 's' && f[n - 2] != 's' && f[n - 2] != 'u' &&
	    f[n - 2] != 'i')
		return 0;
	return 1;
}

/* A unit: a word the rules found, or a run of unknown proper names. */
struct actor_unit {
	size_t		 first, end;
	long		 actor, role;
	enum actor_kind	 kind;
	int		 proper;
};

/* Is token t in the verb group of its clause (cs may be NULL)?  An
 * irregular past ("Nigeria sent soldiers", "Iran put troops") has no
 * shape that tells it from a modifier; the analysis knows it. */
static int
actor_in_verb(const struct clause_sentence *cs, size_t t)
{
	const struct clause *c;

	return cs != NULL && (c = clause_at(cs, t)) != NULL &&
	    t >= c->verb.first && t < c->verb.end;
}

/*
 * Keep the longest of overlapping words; words come sorted by first.  A
 * role's word that the clause analysis reads as a verb names no one:
 * names meet on their stem, and "forced", "guarded" and "staffed" share
 * theirs with the roles "forces", "guards" and "staff".
 */
static size_t
actor_pick_words(const struct actor_word *words, size_t n_words,
    const struct text_sentence *sn, const struct clause_sentence *cs,
    struct actor_unit *u)
{
	size_t k, n = 0, send = sn->first + sn->n_tokens;

	for (k = 0; k < n_words; k++) {
		const struct actor_word *w = &words[k];

		if (w->first >= w->end || w->first < sn->first ||
		    w->end > send)
			continue;
		if (w->actor < 0 && w->role >= 0 && w->end == w->first + 1 &&
		    actor_in_verb(cs, w->first))
			continue;
		if (n > 0 && w->first < u[n - 1].end) {
			if (w->end - w->first <= u[n - 1].end - u[n - 1].first)
				continue;
			/* Longer: it replaces the last, and any earlier one
			 * it now overlaps goes too. */
			while (n > 0 && w->first < u[n - 1].end)
				n--;
		}
		u[n].first = w->first;
		u[n].end = w->end;
		u[n].actor = w->actor;
		u[n].role = w->role;
		u[n].kind = w->kind;
		u[n].proper = 0;
		n++;
	}
	return n;
}

/*
 * Could token t begin or continue an unknown proper name?  Capitalised,
 * not a common word, not in a headline (where every word is).  The first
 * word of a sentence or clause only as the start of a longer name
 * ("Rapid Support Forces said").
 */
static int
actor_proper_token(const struct text_doc *doc, size_t t, int first,
    size_t end)
{
	const struct text_token *tok = &doc->tokens[t];

	if (tok->fold_len == 0)
		return 0;
	if (tok->flags & TEXT_UPPER)
		return !ACTOR_IN(tok->fold, actor_common_words);
	/* "Chen Shui-bian" */
	if (!first && (tok->flags & TEXT_HYPHEN))
		return 1;
	/* "bin Laden", "Ibrahim al-Douri", "al-Sadr" */
	return t + 1 < end && ACTOR_IN(tok->fold, actor_name_particles) &&
	    (tok[1].flags & TEXT_UPPER) && !(tok[1].flags & TEXT_CLAUSE) &&
	    (!first || (tok[1].flags & TEXT_HYPHEN));
}

/* Merge the words (sorted) and the proper-name runs into units in text
 * order; returns how many.  In a headline, where every word has a
 * capital, only "New Jersey" and its like are found. */
static size_t
actor_add_proper(const struct text_doc *doc, const struct text_sentence *sn,
    int headline, struct actor_unit *u, size_t n_words, struct actor_unit *out)
{
	const struct text_token *tok = doc->tokens;
	size_t t, end = sn->first + sn->n_tokens, k = 0, n = 0, run;
	long role = -1;
	enum actor_kind kind = ACTOR_UNKNOWN;

	for (t = sn->first; t < end;) {
		if (k < n_words && u[k].first == t) {
			out[n++] = u[k];
			t = u[k++].end;
			continue;
		}
		for (run = t; run < end && (k >= n_words || run < u[k].first) &&
		    actor_proper_token(doc, run, run == t, end) && (run == t ||
		    !(tok[run].flags & TEXT_CLAUSE)) &&
		    (run == t || !(tok[run - 1].flags & TEXT_POSS)) &&
		    (!headline || run == t); run++)
			;
		role = -1;
		kind = ACTOR_UNKNOWN;
		if (run == t + 1 && k < n_words && u[k].first == run &&
		    u[k].end == run + 1 && u[k].actor >= 0 && u[k].role < 0 &&
		    (tok[run].flags & TEXT_UPPER) &&
		    ACTOR_IN(tok[t].fold, actor_place_prefixes)) {
			/* "New Jersey", "South Ossetia": another place */
			run = u[k++].end;
		} else if (headline) {
			t++;
			continue;
		} else if (run > t && (run - t > 1 || (t > sn->first &&
		    !(tok[t].flags & TEXT_CLAUSE))) &&
		    k < n_words && u[k].first == run &&
		    u[k].actor < 0 && u[k].role >= 0 &&
		    (tok[run].flags & TEXT_UPPER) &&
		    !(tok[run].flags & TEXT_CLAUSE) &&
		    !(tok[run - 1].flags & TEXT_POSS)) {
			/* A capitalised role ends a name ("Rapid Support
			 * Forces", "Supreme Court"): a name of that kind */
			role = u[k].role;
			kind = u[k].kind;
			run = u[k++].end;
		}
		/* One word first in its sentence or clause is a capital of
		 * style ("NAJAF, Iraq - Explosions rattled"), not a name. */
		if (run == t || ((t == sn->first ||
		    (tok[t].flags & TEXT_CLAUSE)) && run - t < 2)) {
			t++;
			continue;
		}
		out[n].first = t;
		out[n].end = run;
		out[n].actor = -1;
		out[n].role = role;
		out[n].kind = kind;
		out[n].proper = 1;
		n++;
		t = run;
	}
	return n;
}

/* A named unit: a configured actor or an unknown proper name. */
static int
actor_named(const struct actor_unit *u)
{
	return u->actor >= 0 || u->proper;
}

/*
 * Does token t, after a name, make that name a backer ("Iran-backed",
 * "US-led")?  Hyphenated, or before the noun it qualifies: "a group
 * linked to al-Qaeda" is the group, linked.
 */
int
actor_backing(const struct text_doc *doc, size_t t)
{
	const struct text_token *tok = &doc->tokens[t];

	if (tok->flags & TEXT_HYPHEN)
		return ACTOR_IN(tok->fold, actor_backing_words) ||
		    ACTOR_IN(tok->fold, actor_hyphen_backing_words);
	return ACTOR_IN(tok->fold, actor_backing_words) &&
	    t + 1 < doc->n_tokens && !(tok[1].flags & TEXT_CLAUSE) &&
	    !ACTOR_IN(tok[1].fold, actor_prepositions) &&
	    !ACTOR_IN(tok[1].fold, actor_stop_words);
}

/* Is the token after unit a, in the sentence, a backing word? */
static int
actor_backs(const struct text_doc *doc, const struct text_sentence *sn,
    const struct actor_unit *a)
{
	return a->end < sn->first + sn->n_tokens && actor_backing(doc, a->end);
}

/* May tokens [from, to) stand between two units of one phrase? */
static int
actor_between_ok(const struct text_doc *doc, const struct clause_sentence *cs,
    int stop, size_t from, size_t to)
{
	size_t t;

	for (t = from; t < to; t++)
		if ((doc->tokens[t].flags & stop) ||
		    !actor_modifier_ok(&doc->tokens[t]) || actor_in_verb(cs, t))
			return 0;
	return 1;
}

/*
 * Can unit b join the phrase whose last unit is a?  Adjacent units join
 * unless punctuation stands between them ("Israel, Hamas"); a named
 * owner reaches over a few modifiers to a role ("Varnian football
 * players"), never over a verb; a backing word joins a backer to what
 * it backs.  *backed is set when it does.
 */
static int
actor_joins(const struct text_doc *doc, const struct text_sentence *sn,
    int headline, const struct clause_sentence *cs, const struct actor_unit *a,
    const struct actor_unit *b, int *backed)
{
	const struct text_token *tok = doc->tokens;
	/* A capital between owner and role is a name of its own, except
	 * in a headline, where every word has one. */
	int stop = TEXT_CLAUSE | (headline ? 0 : TEXT_UPPER);

	*backed = 0;
	if (tok[b->first].flags & TEXT_CLAUSE)
		return 0;
	if (b->first == a->end)
		return 1;
	if (actor_backs(doc, sn, a)) {
		/* "Iran-backed Hezbollah", "Iranian-backed armed militias" */
		if (!actor_between_ok(doc, cs, TEXT_CLAUSE, a->end + 1,
		    b->first) || b->first - a->end - 1 > ACTOR_MAX_MODIFIERS)
			return 0;
		*backed = 1;
		return 1;
	}
	if (!actor_named(a) || b->role < 0 || b->actor >= 0 ||
	    b->first - a->end > ACTOR_MAX_MODIFIERS)
		return 0;
	return actor_between_ok(doc, cs, stop, a->end, b->first);
}

/* "the army of Sudan": unit b (named) after "of" (and an article) that
 * follows role unit a.  Hostage-takers are named by whom they hold:
 * after them "of" names the captive ("the kidnappers of a French
 * journalist"), never their owner. */
static int
actor_of_owner(const struct text_doc *doc, const struct actor_unit *a,
    const struct actor_unit *b)
{
	const struct text_token *tok = doc->tokens;
	size_t t = a->end;

	if (a->role < 0 || a->actor >= 0 || b->actor < 0 ||
	    a->kind == ACTOR_HOSTAGE_TAKERS ||
	    t >= b->first || strcmp(tok[t].fold, "of") != 0)
		return 0;
	for (t++; t < b->first; t++)
		if (!ACTOR_IN(tok[t].fold, actor_determiners))
			return 0;
	return 1;
}

/*
 * Does named unit a, joined before role unit b, own it?  A country's
 * name or adjective owns its army, officials and troops ("Iranian
 * troops"), a named group its fighters ("Taliban militants").  Fighters
 * outside a state's forces and captors are only from the country an
 * adjective names ("an Iraqi group", "Afghan kidnappers"), not the
 * state's: only a possessive makes them its ("Iran's militias").
 */
static int
actor_owns(const struct text_doc *doc, const struct actor_unit *a,
    const struct actor_unit *b)
{
	if (a->kind != ACTOR_STATE || (b->kind != ACTOR_ARMED_GROUP &&
	    b->kind != ACTOR_HOSTAGE_TAKERS))
		return 1;
	return a->end > a->first &&
	    (doc->tokens[a->end - 1].flags & TEXT_POSS) != 0;
}

/* The mention of units u[from..to), whose head is u[head]. */
static void
actor_make(const struct actor_unit *u, size_t from, size_t to, size_t head,
    const long *owner_of, struct actor_mention *m)
{
	const struct actor_unit *h = &u[head];
	size_t k;
	long title = -1;
	enum actor_kind title_kind = ACTOR_UNKNOWN;

	for (k = from; k < head; k++)
		if (u[k].role >= 0) {
			title = u[k].role;
			title_kind = u[k].kind;
		}
	m->first = u[from].first;
	m->end = u[to - 1].end;
	m->head = h->end - 1;
	m->actor = h->actor;
	m->role = h->role >= 0 ? h->role : title;
	m->kind = h->kind;
	m->proper = 0;
	if (m->actor < 0)
		m->actor = owner_of[head];
	if (h->proper) {
		/* A name no list knows heads the phrase: reported as
		 * written, of the kind its own last word gives ("Rapid
		 * Support Forces") or its title ("cricketer Shoaib
		 * Akhtar"), else of none ("India's Tata Steel" is no
		 * state); it still belongs to its owner. */
		m->kind = h->role >= 0 ? h->kind : title >= 0 ? title_kind :
		    ACTOR_UNKNOWN;
		m->proper = 1;
		m->first = h->first;
		m->end = h->end;
	}
}

int
actor_mentions(const struct text_doc *doc, const struct text_sentence *sn,
    int headline, const struct clause_sentence *cs,
    const struct actor_word *words, size_t n_words,
    struct actor_mention **out, size_t *n_out)
{
	struct actor_unit *w = NULL, *u = NULL;
	struct actor_mention *m = NULL;
	long *owner_of = NULL, owner;
	size_t n_w, n_u, k, from, head, owner_unit, n = 0, cap;
	int backed;

	*out = NULL;
	*n_out = 0;
	cap = n_words + sn->n_tokens + 1;
	if ((w = calloc(n_words + 1, sizeof(*w))) == NULL ||
	    (u = calloc(cap, sizeof(*u))) == NULL ||
	    (owner_of = calloc(cap, sizeof(*owner_of))) == NULL ||
	    (m = calloc(cap, sizeof(*m))) == NULL)
		goto fail;
	n_w = actor_pick_words(words, n_words, sn, cs, w);
	n_u = actor_add_proper(doc, sn, headline, w, n_w, u);

	for (from = 0; from < n_u; from = k) {
		/* Grow the phrase from u[from] while the next unit joins;
		 * the owner is the last named unit before the head that
		 * does not merely back it. */
		owner = -1;
		owner_unit = 0;
		head = from;
		owner_of[from] = -1;
		for (k = from + 1; k < n_u; k++) {
			if (actor_of_owner(doc, &u[k - 1], &u[k])) {
				/* "the army of Sudan": the role heads */
				owner_of[head] = u[k].actor;
				k++;
				break;
			}
			if (!actor_joins(doc, sn, headline, cs, &u[k - 1],
			    &u[k], &backed))
				break;
			if (backed)
				owner = -1;
			else if (u[k - 1].actor >= 0) {
				owner = u[k - 1].actor;
				owner_unit = k - 1;
			}
			head = k;
			owner_of[k] = actor_owns(doc, &u[owner_unit], &u[k]) ?
			    owner : -1;
		}
		actor_make(u, from, k, head, owner_of, &m[n]);
		if (m[n].actor < 0 && m[n].role < 0 && !m[n].proper &&
		    m[n].kind == ACTOR_UNKNOWN)
			continue;
		n++;
	}
	free(w);
	free(u);
	free(owner_of);
	if (n == 0) {
		free(m);
		m = NULL;
	}
	*out = m;
	*n_out = n;
	return 0;

fail:
	free(w);
	free(u);
	free(owner_of);
	free(m);
	return -1;
}

size_t
actor_phrase_start(const struct text_doc *doc, size_t first, size_t lo)
{
	while (first > lo && ACTOR_IN(doc->tokens[first - 1].fold,
	    actor_determiners))
		first--;
	return first;
}

long
actor_place_prep(const struct text_doc *doc, size_t first, size_t lo)
{
	const struct text_token *tok = doc->tokens;
	size_t p;

	p = actor_phrase_start(doc, first, lo);
	if (p <= lo)
		return -1;
	if (ACTOR_IN(tok[p - 1].fold, actor_place_prepositions))
		return (long)(p - 1);
	if (p - 1 > lo && strcmp(tok[p - 1].fold, "of") == 0 &&
	    strcmp(tok[p - 2].fold, "out") == 0)
		return (long)(p - 2);
	return -1;
}

int
actor_names_freed(const struct text_doc *doc, size_t first, size_t end,
    size_t lo, size_t hi)
{
	const struct text_token *tok = doc->tokens;
	size_t t, noun;

	for (noun = end; noun < hi && noun < end + 3; noun++)
		if (ACTOR_IN(tok[noun].fold, actor_detainee_nouns))
			break;
	if (noun >= hi || noun >= end + 3)
		return 0;
	for (t = first > lo + 6 ? first - 6 : lo; t < first; t++)
		if (ACTOR_IN(tok[t].fold, actor_release_words))
			return 1;
	for (t = noun + 1; t < hi && t <= noun + 3; t++)
		if (ACTOR_IN(tok[t].fold, actor_release_words))
			return 1;
	return 0;
}

int
actor_names_backer(const struct text_doc *doc, size_t first, size_t lo)
{
	const struct text_token *tok = doc->tokens;
	size_t p = actor_phrase_start(doc, first, lo);

	if (p >= lo + 1 && ACTOR_IN(tok[p - 1].fold, actor_ally_preps))
		return 1;
	return p >= lo + 2 && ACTOR_IN(tok[p - 1].fold, actor_backer_preps) &&
	    ACTOR_IN(tok[p - 2].fold, actor_backing_words);
}

const size_t actor_n_stop_words = NELEM(actor_stop_words);
const size_t actor_n_prepositions = NELEM(actor_prepositions);
const size_t actor_n_determiners = NELEM(actor_determiners);
