/*
 * clause.c: clauses, verb groups, subjects and speakers (see clause.h).
 *
 * First version: one clause per sentence and no cues yet; the cue
 * tables come next.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clause.h"

struct clause_lang {
	const char	*name;
};

static const struct clause_lang clause_english = { "english" };

const struct clause_lang *
clause_lang_find(const char *language)
{
	if (language != NULL && strcmp(language, "english") == 0)
		return &clause_english;
	return NULL;
}

int
clause_analyse(const struct clause_lang *lang, const struct text_doc *doc,
    const struct text_sentence *sn, int headline, struct clause_sentence *out)
{
	struct clause *c;

	(void)lang;
	(void)doc;
	out->clauses = NULL;
	out->n_clauses = 0;
	if ((c = calloc(1, sizeof(*c))) == NULL)
		return -1;
	c->first = sn->first;
	c->end = sn->first + sn->n_tokens;
	c->role = CLAUSE_MAIN;
	c->parent = -1;
	c->subj_first = c->subj_end = c->first;
	c->speaker_first = c->speaker_end = c->first;
	c->verb.first = c->verb.end = c->verb.head = c->first;
	c->verb.mood = headline ? CLAUSE_HEADLINE : 0;
	out->clauses = c;
	out->n_clauses = 1;
	return 0;
}

void
clause_sentence_free(struct clause_sentence *cs)
{
	free(cs->clauses);
	cs->clauses = NULL;
	cs->n_clauses = 0;
}

const struct clause *
clause_at(const struct clause_sentence *cs, size_t t)
{
	size_t i;

	for (i = 0; i < cs->n_clauses; i++)
		if (t >= cs->clauses[i].first && t < cs->clauses[i].end)
			return &cs->clauses[i];
	return NULL;
}

int
clause_verb_at(const struct clause_sentence *cs, const struct text_doc *doc,
    size_t t, struct clause_verb *out)
{
	const struct clause *c;

	(void)doc;
	memset(out, 0, sizeof(*out));
	if ((c = clause_at(cs, t)) == NULL || c->verb.first == c->verb.end)
		return -1;
	*out = c->verb;
	return 0;
}

void
clause_verb_describe(const struct clause_verb *v, char *buf, size_t len)
{
	static const char *const tenses[] = { "none", "past", "present",
	    "future" };

	snprintf(buf, len, "tense=%s mood=%#x negated=%s", tenses[v->tense],
	    v->mood, v->negated ? "yes" : "no");
}
