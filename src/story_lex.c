/*
 * story_lex.c: the synonyms of the story sameness test (story.h), read
 * from the rule pack's word classes that say synonyms = true.
 *
 * The pack already groups the words of one meaning to find them in the
 * news ("ceasefire", "truce", "armistice"), so the same classes tell two
 * reports of one event in other words apart from two events: a user who
 * edits the pack edits the stories with it, in any language's pack.
 * Only classes marked so: most classes gather the words of a kind of
 * act, not of one act (every force verb, every step toward talks), and
 * read as one word they would join unrelated stories.  Of a class, the
 * single words count (a phrase is no word of a statement), with the
 * words of the classes it names.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "story.h"
#include "text.h"

/* How deep a class may name classes that name classes; the pack's
 * own check refuses circles, this only bounds the walk. */
#define LEX_DEPTH	8

static const struct config_class *
story_lex_class(const struct config *cfg, const char *name)
{
	size_t i;

	for (i = 0; i < cfg->n_classes; i++)
		if (strcmp(cfg->classes[i].name, name) == 0)
			return &cfg->classes[i];
	return NULL;
}

/* Add the single words of class k (and of those it names) to lex under
 * name.  0, or -1 when out of memory. */
static int
story_lex_add(struct story_lex *lex, const struct config *cfg,
    const struct config_class *k, const char *name, int depth)
{
	const struct config_class *sub;
	struct story_syn *y;
	const char *w;
	char *fold;
	size_t i, len;
	int kind;

	for (i = 0; i < k->words.n; i++) {
		w = k->words.v[i];
		if (w[0] == '@') {
			if (depth < LEX_DEPTH && (sub = story_lex_class(cfg,
			    w + 1)) != NULL && story_lex_add(lex, cfg, sub,
			    name, depth + 1) == -1)
				return -1;
			continue;
		}
		if (strchr(w, ' ') != NULL || w[0] == '\0')
			continue;
		kind = STORY_SYN_STEM;
		if (w[0] == '=') {
			kind = STORY_SYN_EXACT;
			w++;
		}
		len = strlen(w);
		if (len > 1 && w[len - 1] == '*') {
			kind = STORY_SYN_PREFIX;
			len--;
		}
		if (strchr(w, '*') != NULL && kind != STORY_SYN_PREFIX)
			continue;
		if ((fold = text_fold(w, len)) == NULL)
			return -1;
		if ((y = realloc(lex->syn, (lex->n_syn + 1) *
		    sizeof(*y))) == NULL) {
			free(fold);
			return -1;
		}
		lex->syn = y;
		y = &lex->syn[lex->n_syn];
		memset(y, 0, sizeof(*y));
		y->kind = kind;
		if (kind == STORY_SYN_STEM) {
			y->hash = story_word_hash(lex->stem, fold,
			    strlen(fold));
			free(fold);
		} else {
			y->word = fold;
			y->len = strlen(fold);
		}
		if ((y->name = strdup(name)) == NULL) {
			free(y->word);
			return -1;
		}
		lex->n_syn++;
	}
	return 0;
}

int
story_lex_build(struct story_lex *lex, const struct config *cfg)
{
	char *name;
	size_t i;
	int rc;

	story_lex_clear(lex);
	for (i = 0; cfg != NULL && i < cfg->n_classes; i++) {
		if (!cfg->classes[i].synonyms)
			continue;
		/* "@": no word of a statement begins so. */
		if ((name = malloc(strlen(cfg->classes[i].name) + 2)) == NULL) {
			story_lex_clear(lex);
			return -1;
		}
		name[0] = '@';
		memcpy(name + 1, cfg->classes[i].name,
		    strlen(cfg->classes[i].name) + 1);
		rc = story_lex_add(lex, cfg, &cfg->classes[i], name, 0);
		free(name);
		if (rc == -1) {
			story_lex_clear(lex);
			return -1;
		}
	}
	return 0;
}

void
story_lex_clear(struct story_lex *lex)
{
	size_t i;

	for (i = 0; i < lex->n_syn; i++) {
		free(lex->syn[i].word);
		free(lex->syn[i].name);
	}
	free(lex->syn);
	lex->syn = NULL;
	lex->n_syn = 0;
}
