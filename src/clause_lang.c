/*
 * clause_lang.c: the cue words of each language the clause analysis
 * reads (clause_priv.h), and the lookup of a word's classes.
 *
 * A language is its tables (clause_english.c for English): exact word
 * forms with their classes, and verbs by base form, inflected by the
 * language's own function.  The forms are hashed once, on the first
 * clause_lang_find(), so that a token costs one probe.
 */
#include "autoconf.h"

#include <string.h>

#include "clause.h"
#include "clause_priv.h"

static struct clause_lang *const clause_langs[] = { &clause_english };

static size_t
clause_hash(const char *s, size_t len)
{
	size_t h = 2166136261u, i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

/* Add a form, or OR its classes into the form already there.  An exact
 * word listed later wins over an inflection: the exact list is added
 * last with its bits replacing (see clause_lang_build). */
static void
clause_lang_put(struct clause_lang *l, const char *w, size_t len,
    uint64_t bits, int replace)
{
	size_t i = clause_hash(w, len) & (CLAUSE_SLOTS - 1), probes;

	for (probes = 0; probes < CLAUSE_SLOTS; probes++) {
		if (l->slots[i].word == NULL)
			break;
		if (l->slots[i].len == len &&
		    memcmp(l->slots[i].word, w, len) == 0) {
			if (replace)
				l->slots[i].bits = bits;
			else
				l->slots[i].bits |= bits;
			return;
		}
		i = (i + 1) & (CLAUSE_SLOTS - 1);
	}
	if (probes == CLAUSE_SLOTS || l->pool_used + len + 1 > CLAUSE_POOL) {
		l->built = -1;
		return;
	}
	memcpy(l->pool + l->pool_used, w, len);
	l->pool[l->pool_used + len] = '\0';
	l->slots[i].word = l->pool + l->pool_used;
	l->slots[i].len = len;
	l->slots[i].bits = bits;
	l->pool_used += len + 1;
}

static void
clause_lang_add(void *ctx, const char *w, size_t len, uint64_t bits)
{
	clause_lang_put(ctx, w, len, bits, 0);
}

static void
clause_lang_build(struct clause_lang *l)
{
	const struct clause_word *w;

	l->built = 1;
	l->past_len = strlen(l->past_suffix);
	l->ing_len = strlen(l->ing_suffix);
	l->adv_len = strlen(l->adv_suffix);
	l->pres_len = strlen(l->pres_suffix);
	for (w = l->verbs; w->word != NULL; w++)
		l->inflect(w->word, w->bits, clause_lang_add, l);
	/* An exact form says all there is to say of it ("need" is no
	 * past tense, "said" no present one); forms listed twice add up. */
	for (w = l->words; w->word != NULL; w++)
		clause_lang_put(l, w->word, strlen(w->word), 0, 1);
	for (w = l->words; w->word != NULL; w++)
		clause_lang_put(l, w->word, strlen(w->word), w->bits, 0);
}

const char *const *
clause_lang_hesitate_verbs(const struct clause_lang *l)
{
	return l->hesitate_verbs;
}

const char *const *
clause_lang_negating_prefixes(const struct clause_lang *l)
{
	return l->negating_prefixes;
}

const struct clause_lang *
clause_lang_find(const char *language)
{
	size_t i;

	if (language == NULL)
		return NULL;
	for (i = 0; i < sizeof(clause_langs) / sizeof(clause_langs[0]); i++) {
		struct clause_lang *l = clause_langs[i];

		if (strcmp(l->name, language) != 0)
			continue;
		if (l->built == 0)
			clause_lang_build(l);
		return l->built == 1 ? l : NULL;
	}
	return NULL;
}

int
clause_word_in(const char *const *list, const char *fold)
{
	if (list == NULL)
		return 0;
	for (; *list != NULL; list++)
		if (strcmp(*list, fold) == 0)
			return 1;
	return 0;
}

uint64_t
clause_word_class(const struct clause_lang *l, const char *fold, size_t len)
{
	size_t i, probes, sl;

	if (len > 0 && len < 40) {
		i = clause_hash(fold, len) & (CLAUSE_SLOTS - 1);
		for (probes = 0; probes < CLAUSE_SLOTS; probes++) {
			if (l->slots[i].word == NULL)
				break;
			if (l->slots[i].len == len &&
			    memcmp(l->slots[i].word, fold, len) == 0)
				return l->slots[i].bits;
			i = (i + 1) & (CLAUSE_SLOTS - 1);
		}
	}
	if (len > 0 && fold[0] >= '0' && fold[0] <= '9')
		return CW_NUM;
	sl = l->past_len;
	if (len >= sl + 3 && memcmp(fold + len - sl, l->past_suffix, sl) == 0)
		return CW_EDSHAPE | CW_PAST | CW_PART;
	sl = l->adv_len;
	if (len >= sl + 4 && memcmp(fold + len - sl, l->adv_suffix, sl) == 0)
		return CW_ADV;
	sl = l->ing_len;
	if (len >= sl + 3 && memcmp(fold + len - sl, l->ing_suffix, sl) == 0)
		return CW_ING;
	return 0;
}

/* A possessive lost its "'s" in folding: the token is longer than its
 * folded ASCII form by the apostrophe and the s. */
static int
clause_possessive(const struct text_token *t)
{
	size_t i, span = t->end - t->start;

	if (t->flags & TEXT_CAPS)
		return 0;
	for (i = 0; i < t->fold_len; i++)
		if ((unsigned char)t->fold[i] >= 0x80)
			return 0;
	return span == t->fold_len + 2 || span == t->fold_len + 4;
}

uint64_t
clause_token_class(const struct clause_lang *l, const struct text_token *t)
{
	uint64_t b = clause_word_class(l, t->fold, t->fold_len);

#ifdef TEXT_POSS
	if (t->flags & TEXT_POSS)
		return b & (CW_PRON | CW_THAT | CW_REL) ? b : CW_POSS;
#endif
	if (!(b & (CW_PRON | CW_THAT | CW_REL)) && clause_possessive(t))
		b = CW_POSS;
#ifdef TEXT_HYPHEN
	/* "Iran-backed", "rebel-held", "cease-fire": part of a compound,
	 * never the verb */
	if ((t->flags & TEXT_HYPHEN) && (b & (CW_PAST | CW_PART | CW_ING |
	    CW_EDSHAPE | CW_NEWS | CW_ADJ)))
		b = 0;
#endif
	return b;
}

void
clause_deny(struct clause_verb *v)
{
	if (v->negated) {
		v->negated = 0;
		v->mood &= ~CLAUSE_DENIED;
		v->mood |= CLAUSE_MODAL;
	} else {
		v->negated = 1;
		v->mood |= CLAUSE_DENIED;
	}
}

void
clause_cue_mood(uint64_t b, uint64_t next, struct clause_verb *v)
{
	if ((b & CW_THREAT) && (b & CW_VERB))
		v->mood |= CLAUSE_THREAT;
	if ((b & CW_DEMAND) && !(b & CW_OBJECT))
		v->mood |= CLAUSE_DEMAND;
	if ((b & CW_CALL) && (next & CW_CALLPREP))
		v->mood |= CLAUSE_DEMAND;
	if ((b & CW_INTENT) && (next & CW_TO))
		v->mood |= CLAUSE_INTENT;	/* "plans to", not "planned" */
	/* "plans an attack", "is planning an offensive": a plan of one's
	 * own, told in the present, is intent as "plans to" is; not a
	 * plan made ("planned the raid"), a wish ("seeks a role"), nor
	 * the noun before a participle ("plan needed to ...") */
	if ((b & CW_INTENT) && (b & CW_LIGHT) && (b & (CW_PRES | CW_ING)) &&
	    !(b & (CW_PAST | CW_PART)) &&
	    !(next & (CW_PAST | CW_PART | CW_EDSHAPE)))
		v->mood |= CLAUSE_INTENT;
	if (b & CW_ABLE)
		v->mood |= CLAUSE_ABILITY;
	if (((b & CW_DENY) && (b & CW_VERB)) ||
	    ((b & CW_RULE) && (next & CW_PARTICLE)))
		clause_deny(v);
}
