/*
 * text_priv.h: the scan in progress, shared by text.c, which reads the
 * words, and text_sentence.c, which decides where a sentence ends and
 * what a finished one holds.
 */
#ifndef BRINK_TEXT_PRIV_H
#define BRINK_TEXT_PRIV_H

#include <stddef.h>
#include <stdint.h>

#include "text.h"

struct text_scan {
	const char		*s;
	size_t			 len;
	struct text_doc		*doc;
	size_t			 tok_cap, sent_cap;
	size_t			 sent_first;	/* first token of the sentence */
	size_t			 sent_start;	/* its first byte, or SIZE_MAX */
	int			 clause;	/* TEXT_CLAUSE, TEXT_DASH: the marks
					   since the last word */
	int			 marks;		/* TEXT_MET_QUOTE, TEXT_MET_ASK:
					   met in the sentence so far */
	/* text_plural_possessive's walk for quotations in single quotes:
	 * the sentence it walked (its first byte), how far, the mark
	 * before there and whether one was open, so that each apostrophe
	 * walks on from the last one's place rather than from the
	 * sentence's start (a sentence of many plurals would be quadratic). */
	size_t			 quote_sent, quote_at;
	int32_t			 quote_prev;
	int			 quote_open;
};

/* Marks met in the sentence in progress, asked before its quotations
 * and its question are looked for: most sentences hold neither. */
#define TEXT_MET_QUOTE	0x1	/* a mark of text_is_quote */
#define TEXT_MET_ASK	0x2	/* a mark of text_is_question_mark */

/*
 * At a terminal mark at byte i: if it ends the sentence, return the byte
 * after it and its closing quotes; else return 0.
 */
size_t	text_sentence_end(struct text_scan *sc, size_t i, int32_t mark);

/* Is the apostrophe at byte j (w bytes) a plural's possessive ("the
 * rebels' demands"), not a closing single quote? */
int	text_plural_possessive(struct text_scan *sc, size_t j,
	    size_t w);

/* In the sentence in progress, join short quotations to their clause
 * (see text_sentence.c). */
void	text_scare_quotes(struct text_scan *sc);

/* The first token of the question that ends the sentence in progress at
 * byte end, or the token after its last when it asks nothing. */
size_t	text_question(const struct text_scan *sc, size_t end);

#endif
