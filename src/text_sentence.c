/*
 * text_sentence.c: where a sentence ends (a full stop after a title or
 * an initial does not end one; one before lower case does not either),
 * and what a finished sentence holds: its short quotations, read as part
 * of their clause, and the question it may end with.  text.c asks as it
 * scans.
 */
#include "autoconf.h"

#include <stdint.h>
#include <string.h>

#include <utf8proc.h>

#include "text.h"
#include "text_char.h"
#include "text_priv.h"

/*
 * Titles and short forms whose full stop does not end a sentence, by
 * first letter: asked at every full stop after a short word, and a scan
 * of one list of them all cost more than the rest of the test.
 */
static const char *const titles_a[] = { "adm", "amb", "apr", "aug", "approx",
	"al", NULL };
static const char *const titles_b[] = { "brig", NULL };
static const char *const titles_c[] = { "col", "capt", "cpt", "cmdr", "co",
	"corp", "cf", NULL };
static const char *const titles_d[] = { "dr", "dept", "dec", NULL };
static const char *const titles_f[] = { "ft", "feb", "fig", NULL };
static const char *const titles_g[] = { "gen", "gov", NULL };
static const char *const titles_h[] = { "hon", NULL };
static const char *const titles_i[] = { "inc", "insp", NULL };
static const char *const titles_j[] = { "jr", "jan", "jun", "jul", NULL };
static const char *const titles_l[] = { "lt", "ltd", NULL };
static const char *const titles_m[] = { "mr", "mrs", "ms", "maj", "mt", "mar",
	"messrs", NULL };
static const char *const titles_n[] = { "nov", NULL };
static const char *const titles_o[] = { "oct", NULL };
static const char *const titles_p[] = { "pres", "prof", "pp", NULL };
static const char *const titles_r[] = { "rep", "rev", NULL };
static const char *const titles_s[] = { "sgt", "sen", "st", "sr", "sep", "sept",
	"supt", NULL };
static const char *const titles_v[] = { "vs", "vol", NULL };

static const char *const *const text_titles[26] = {
	['a' - 'a'] = titles_a,
	['b' - 'a'] = titles_b,
	['c' - 'a'] = titles_c,
	['d' - 'a'] = titles_d,
	['f' - 'a'] = titles_f,
	['g' - 'a'] = titles_g,
	['h' - 'a'] = titles_h,
	['i' - 'a'] = titles_i,
	['j' - 'a'] = titles_j,
	['l' - 'a'] = titles_l,
	['m' - 'a'] = titles_m,
	['n' - 'a'] = titles_n,
	['o' - 'a'] = titles_o,
	['p' - 'a'] = titles_p,
	['r' - 'a'] = titles_r,
	['s' - 'a'] = titles_s,
	['v' - 'a'] = titles_v,
};

#define TEXT_TITLE_MAX	6	/* bytes of the longest title above */
#define TEXT_SCARE_WORDS 6	/* the longest quotation read as part of
				   its clause (text_scare_quotes) */

/* Count the quotation marks (*quotes) and the other marks (*others) in
 * bytes [from, to) of the text, between two tokens. */
static void
text_gap_marks(const struct text_scan *sc, size_t from, size_t to,
    int *quotes, int *others)
{
	size_t w;
	int32_t cp;

	*quotes = *others = 0;
	for (; from < to; from += w) {
		cp = text_cp(sc->s, sc->len, from, &w);
		if (text_is_quote(cp))
			(*quotes)++;
		else if (!text_is_space(cp) && !text_is_break(cp))
			(*others)++;
	}
}

/*
 * In the sentence in progress, a short quotation that opens right after
 * a word ("would take "adequate measures" if", "vowed a "crushing"
 * response") is part of the clause around it: its marks no longer cut
 * one, so the words before and after it keep their subject and verb.
 * A quotation that opens the sentence or follows other punctuation,
 * one of more than TEXT_SCARE_WORDS words, and one with punctuation
 * inside keep their marks: they are what somebody said.
 */
void
text_scare_quotes(struct text_scan *sc)
{
	struct text_token *tok = sc->doc->tokens;
	size_t a, b, end = sc->doc->n_tokens;
	int quotes, others, inside;

	if (end < sc->sent_first + 2 || !(sc->marks & TEXT_MET_QUOTE) ||
	    !text_span_has_quote(sc->s, tok[sc->sent_first].end,
	    tok[end - 1].start))
		return;
	for (a = sc->sent_first + 1; a < end; a++) {
		text_gap_marks(sc, tok[a - 1].end, tok[a].start, &quotes,
		    &others);
		if (quotes != 1 || others != 0)
			continue;
		/* b: the token after the closing mark, or the end */
		for (inside = 0, b = a + 1; b < end; b++) {
			text_gap_marks(sc, tok[b - 1].end, tok[b].start,
			    &quotes, &others);
			if (quotes != 0)
				break;
			inside |= others;
		}
		if (b - a <= TEXT_SCARE_WORDS && !inside) {
			tok[a].flags &= ~TEXT_CLAUSE;
			if (b < end && others == 0)
				tok[b].flags &= ~TEXT_CLAUSE;
		}
		a = b;	/* go on after the closing mark */
	}
}

/*
 * Is the apostrophe at byte j (w bytes) of the sentence in progress a
 * plural's possessive ("the rebels' demands", "Oligarchs' Properties")
 * rather than the mark that closes a quotation in single quotes?  It
 * follows an s and comes before a space and a word, and no quotation
 * in single quotes is open before it in the sentence: a mark that opens
 * one stands at the sentence's start or after a space, a bracket or a
 * double quote, before a letter or digit.  A plural's apostrophe is
 * part of its word, so it reads as the word's own possessive.
 */
int
text_plural_possessive(struct text_scan *sc, size_t j, size_t w)
{
	size_t at, k, cw;
	int32_t cp, prev, next = -1;
	int open;

	if (j == 0 || (sc->s[j - 1] != 's' && sc->s[j - 1] != 'S') ||
	    j + w >= sc->len || !text_is_space(text_cp(sc->s, sc->len,
	    j + w, &cw)) || text_is_break(text_cp(sc->s, sc->len, j + w,
	    &cw)))
		return 0;
	for (k = j + w; k < sc->len; k += cw) {
		next = text_cp(sc->s, sc->len, k, &cw);
		if (!text_is_space(next) || next == -1)
			break;
	}
	if (k >= sc->len || !(text_is_letter(next) || text_is_digit(next)))
		return 0;
	if (sc->sent_start == SIZE_MAX)
		return 1;
	/* Walk on from where the last apostrophe of this sentence left
	 * off: what a mark means depends only on the bytes before it (and
	 * the byte after, which for the mark before j is j's apostrophe,
	 * never a letter). */
	if (sc->quote_sent == sc->sent_start && sc->quote_at > sc->sent_start &&
	    sc->quote_at <= j) {
		at = sc->quote_at;
		prev = sc->quote_prev;
		open = sc->quote_open;
	} else {
		at = sc->sent_start;
		prev = ' ';
		open = 0;
	}
	for (; at < j; at += cw) {
		cp = text_cp(sc->s, sc->len, at, &cw);
		if (cp == 0x2018 || (cp == '\'' && (prev == ' ' ||
		    prev == '(' || prev == '[' || text_is_quote(prev)))) {
			next = at + cw < j ? text_cp(sc->s, sc->len, at + cw,
			    &k) : ' ';
			if (text_is_letter(next) || text_is_digit(next))
				open = 1;
		} else if (text_is_apostrophe(cp) && at + cw <= j) {
			next = text_cp(sc->s, sc->len, at + cw, &k);
			if (!text_is_letter(next))
				open = 0;
		}
		prev = text_is_space(cp) ? ' ' : cp;
	}
	sc->quote_sent = sc->sent_start;
	sc->quote_at = at;
	sc->quote_prev = prev;
	sc->quote_open = open;
	return !open;
}

/* Is there a strong break (text_is_strong_break, or a hyphen used as a
 * dash) in the bytes [from, to) between two words? */
static int
text_gap_breaks(const struct text_scan *sc, size_t from, size_t to)
{
	size_t w, at = from;
	int32_t cp;

	for (; at < to; at += w) {
		cp = text_cp(sc->s, sc->len, at, &w);
		if (text_is_strong_break(cp) ||
		    text_hyphen_is_dash(sc->s, sc->len, at))
			return 1;
	}
	return 0;
}

/*
 * The first token of the question that ends the sentence in progress at
 * byte end, or the token after its last when its last mark before end
 * is no question mark.  A question runs back to the sentence's start or
 * to a strong break: what stands before a colon is a label or a
 * statement of its own ("Iran vows revenge: what next?").
 */
size_t
text_question(const struct text_scan *sc, size_t end)
{
	const struct text_token *tok = sc->doc->tokens;
	size_t k = sc->doc->n_tokens, at, w;
	int32_t cp, last = 0;

	if (!(sc->marks & TEXT_MET_ASK))
		return k;
	for (at = tok[k - 1].end; at < end; at += w) {
		cp = text_cp(sc->s, sc->len, at, &w);
		if (text_is_terminal(cp))
			last = cp;
	}
	if (!text_is_question_mark(last))
		return k;
	for (k--; k > sc->sent_first; k--)
		if (text_gap_breaks(sc, tok[k - 1].end, tok[k].start))
			break;
	return k;
}

/* Is the full stop at byte i a title's or an initial's, not a sentence's? */
static int
text_dot_is_short_form(struct text_scan *sc, size_t i, int32_t next_cp)
{
	struct text_doc *doc = sc->doc;
	const struct text_token *t;
	const char *const *titles;
	const char *fold;
	size_t k;

	if (doc->n_tokens == sc->sent_first)
		return 0;
	t = &doc->tokens[doc->n_tokens - 1];
	if (t->end != i)
		return 0;
	fold = t->fold;
	/* An initial: "John F. Kennedy". */
	if (t->end - t->start == 1 && (t->flags & TEXT_CAPS))
		return 1;
	/* The length and the first letter first: asked at every full
	 * stop, and most words before one are no title. */
	if (t->fold_len > TEXT_TITLE_MAX)
		return 0;
	/* compared by length and bytes: no call to strcmp at each stop */
	if ((t->fold_len == 2 && memcmp(fold, "no", 2) == 0) ||
	    (t->fold_len == 3 && memcmp(fold, "nos", 3) == 0))
		return text_is_digit(next_cp);
	if ((unsigned char)fold[0] < 'a' || (unsigned char)fold[0] > 'z' ||
	    (titles = text_titles[fold[0] - 'a']) == NULL)
		return 0;
	for (k = 0; titles[k] != NULL; k++)
		if (fold[1] == titles[k][1] && strcmp(fold, titles[k]) == 0)
			return 1;
	return 0;
}

/*
 * At a terminal mark at byte i: if it ends the sentence, return the byte
 * after it and its closing quotes; else return 0.
 */
size_t
text_sentence_end(struct text_scan *sc, size_t i, int32_t mark)
{
	size_t j = i, w, k;
	int32_t cp, next;

	while (j < sc->len) {
		cp = text_cp(sc->s, sc->len, j, &w);
		if (!text_is_terminal(cp) && !text_is_closer(cp))
			break;
		/* the marks passed here are not met by the scan */
		if (text_is_quote(cp))
			sc->marks |= TEXT_MET_QUOTE;
		else if (text_is_question_mark(cp))
			sc->marks |= TEXT_MET_ASK;
		j += w;
	}
	if (j >= sc->len)
		return j;
	cp = text_cp(sc->s, sc->len, j, &w);
	if (!text_is_space(cp) || cp == -1) {
		if (text_is_break(cp))
			return j;
		return 0;	/* "3.5", "gov.uk", "?!x" */
	}
	for (k = j; k < sc->len; k += w) {
		cp = text_cp(sc->s, sc->len, k, &w);
		if (!text_is_space(cp) || cp == -1)
			break;
	}
	if (k >= sc->len)
		return j;
	next = text_cp(sc->s, sc->len, k, &w);
	if (text_is_lower(next))
		return 0;	/* "e.g. this", "“Why?” he asked" */
	if (mark == '.' && text_dot_is_short_form(sc, i, next))
		return 0;
	return j;
}

/* Words an outlet's name may hold in lower case ("The Times of Ostland",
 * "Varnia News | English"). */
static const char *const text_outlet_joins[] = {
	"of", "the", "and", "for", "on", "de", "du", "la", "le", "al", "el",
	"|", "&", "-", NULL
};

/* Is the word [s, e) a joiner of an outlet's name? */
static int
text_outlet_join(const char *s, size_t n)
{
	size_t k;

	for (k = 0; text_outlet_joins[k] != NULL; k++)
		if (strlen(text_outlet_joins[k]) == n &&
		    memcmp(text_outlet_joins[k], s, n) == 0)
			return 1;
	return 0;
}

/*
 * Is title[s, e) the name of the outlet that aggregators write after a
 * title's last dash ("Chad shells a town - The Ostland Herald")?  Two
 * to six words, each capitalised or a joiner, none a possessive ("-
 * Varnia's president" is a speaker); a lone word ("- US", "- Reuters")
 * may be a party that speaks and is left to the clause analysis.
 */
static int
text_outlet(const char *t, size_t s, size_t e)
{
	size_t n = 0, w;

	while (s < e) {
		while (s < e && t[s] == ' ')
			s++;
		if (s >= e)
			break;
		for (w = s; w < e && t[w] != ' '; w++)
			;
		if (++n > 6)
			return 0;
		if (t[s] == '(')
			s++;
		if (s < w && !((t[s] >= 'A' && t[s] <= 'Z') ||
		    (t[s] >= '0' && t[s] <= '9') ||
		    ((unsigned char)t[s] >= 0xc0 && w - s > 2)) &&
		    !text_outlet_join(t + s, w - s))
			return 0;
		if ((w - s >= 2 && t[w - 2] == '\'' && t[w - 1] == 's') ||
		    (w - s >= 4 && memcmp(t + w - 4, "\xe2\x80\x99s", 4) == 0))
			return 0;
		s = w;
	}
	return n >= 2;
}

size_t
text_title_end(const char *t, size_t len)
{
	size_t k, round;

	/* "... - Voice of Varnia - VN News": at most two names */
	for (round = 0; round < 2; round++) {
		for (k = len; k >= 3; k--)
			if (t[k - 1] == ' ' && t[k - 2] == '-' &&
			    t[k - 3] == ' ')
				break;
		if (k < 3 || k - 3 == 0 || !text_outlet(t, k, len))
			break;
		len = k - 3;
	}
	return len;
}
