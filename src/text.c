/*
 * text.c: sentences, tokens and folding for the rules (see text.h).
 *
 * One pass over the text finds the words and the sentence ends together,
 * because most sentence traps are questions about the word before a full
 * stop (a title, an initial) or the one after it (lower case); what those
 * questions are, and what a finished sentence holds (its quotations, its
 * question), is text_sentence.c's.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "memo.h"
#include "text.h"
#include "text_char.h"
#include "text_priv.h"

/* Words longer than this are not words anyone writes a rule for; they
 * are cut so that a hostile text cannot make folding quadratic. */
#define TEXT_MAX_WORD	256

#define TEXT_RESERVE	65536	/* text_analyse's first guess at most */

/* Fold len bytes of ASCII into dst, NUL-terminated: for ASCII, NFKC
 * and case folding are lower case and nothing else. */
static void
text_lower_ascii(char *dst, const char *src, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		dst[i] = (src[i] >= 'A' && src[i] <= 'Z') ?
		    src[i] - 'A' + 'a' : src[i];
	dst[len] = '\0';
}

char *
text_fold(const char *word, size_t len)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n;
	char *ascii;
	size_t i;

	for (i = 0; i < len; i++)
		if ((unsigned char)word[i] >= 0x80)
			break;
	if (i == len) {
		/* The common case, without utf8proc's allocations. */
		if ((ascii = malloc(len + 1)) == NULL)
			return NULL;
		text_lower_ascii(ascii, word, len);
		return ascii;
	}
	n = utf8proc_map((const utf8proc_uint8_t *)word, (utf8proc_ssize_t)len,
	    &out, UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE |
	    UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);
	if (n < 0)
		return NULL;
	return (char *)out;
}

/*
 * Room in the pool for n more bytes and a NUL after what it holds.  The
 * tokens point into the pool from the start (text_analyse_scan makes it
 * large enough for most texts at once): when it must grow, the new one
 * is copied and each fold moved there before the old one is freed.
 */
static int
text_pool_reserve(struct text_scan *sc, size_t n)
{
	struct text_doc *doc = sc->doc;
	char *p;
	size_t cap, k;

	if (doc->pool_len + n + 1 <= doc->pool_cap)
		return 0;
	cap = doc->pool_cap ? doc->pool_cap * 2 : 4096;
	while (cap < doc->pool_len + n + 1)
		cap *= 2;
	if ((p = malloc(cap)) == NULL)
		return -1;
	if (doc->pool_len > 0)
		memcpy(p, doc->pool, doc->pool_len);
	for (k = 0; k < doc->n_tokens; k++)
		doc->tokens[k].fold = p + (doc->tokens[k].fold - doc->pool);
	free(doc->pool);
	doc->pool = p;
	doc->pool_cap = cap;
	return 0;
}

/* Room for one more token. */
static int
text_tokens_reserve(struct text_scan *sc)
{
	struct text_doc *doc = sc->doc;
	struct text_token *t;
	size_t cap;

	if (doc->n_tokens < sc->tok_cap)
		return 0;
	cap = sc->tok_cap ? sc->tok_cap * 2 : 256;
	if ((t = realloc(doc->tokens, cap * sizeof(*t))) == NULL)
		return -1;
	doc->tokens = t;
	sc->tok_cap = cap;
	return 0;
}

/* Does a hyphen join the word at start to the token before it, in the
 * same sentence ("cease-fire", "de-escalate")? */
static inline int
text_hyphen_joined(const struct text_scan *sc, size_t start)
{
	const struct text_doc *doc = sc->doc;

	return start > 0 && sc->s[start - 1] == '-' &&
	    doc->n_tokens > sc->sent_first &&
	    doc->tokens[doc->n_tokens - 1].end == start - 1;
}

/*
 * A token whose folded form (fold_len bytes) is in the pool already,
 * just past what it holds, and whose room text_tokens_reserve made.
 */
static inline void
text_token_add(struct text_scan *sc, size_t start, size_t end,
    size_t fold_len, uint64_t fold_hash, int flags)
{
	struct text_doc *doc = sc->doc;
	struct text_token *t;

	t = &doc->tokens[doc->n_tokens];
	t->start = start;
	t->end = end;
	t->fold = doc->pool + doc->pool_len;
	t->fold_len = fold_len;
	t->fold_hash = fold_hash;
	t->flags = flags | sc->clause;
	sc->clause = 0;
	if (flags & TEXT_HYPHEN)	/* rules_scan_cands asks it once */
		doc->hyphens = 1;
	doc->pool[doc->pool_len + fold_len] = '\0';
	doc->pool_len += fold_len + 1;
	doc->n_tokens++;
}

static int
text_push_token(struct text_scan *sc, size_t start, size_t end,
    const char *fold, size_t fold_len, int flags)
{
	if (text_tokens_reserve(sc) == -1 ||
	    text_pool_reserve(sc, fold_len) == -1)
		return -1;
	memcpy(sc->doc->pool + sc->doc->pool_len, fold, fold_len);
	text_token_add(sc, start, end, fold_len,
	    memo_key_hash(fold, fold_len), flags);
	return 0;
}

/* Close the sentence in progress at byte end (exclusive). */
static int
text_end_sentence(struct text_scan *sc, size_t end)
{
	struct text_doc *doc = sc->doc;
	struct text_sentence *sn;
	size_t cap;

	if (doc->n_tokens > sc->sent_first && sc->sent_start != SIZE_MAX) {
		text_scare_quotes(sc);
		if (doc->n_sentences == sc->sent_cap) {
			cap = sc->sent_cap ? sc->sent_cap * 2 : 32;
			if ((sn = realloc(doc->sentences, cap * sizeof(*sn))) ==
			    NULL)
				return -1;
			doc->sentences = sn;
			sc->sent_cap = cap;
		}
		while (end > sc->sent_start && (sc->s[end - 1] == ' ' ||
		    sc->s[end - 1] == '\t'))
			end--;
		sn = &doc->sentences[doc->n_sentences++];
		sn->start = sc->sent_start;
		sn->end = end;
		sn->first = sc->sent_first;
		sn->n_tokens = doc->n_tokens - sc->sent_first;
		sn->asked = text_question(sc, end);
	}
	sc->sent_first = doc->n_tokens;
	sc->sent_start = SIZE_MAX;
	sc->clause = 0;
	sc->marks = 0;
	return 0;
}

/*
 * Fold the word s[start..end) into a token (or two, for "n't").  The
 * possessive and the dots of an abbreviation go before folding, so that
 * they go whatever the script of the apostrophe.
 */
static int
text_word(struct text_scan *sc, size_t start, size_t end, int abbrev)
{
	char buf[TEXT_MAX_WORD + 1], *fold, *fold_mem = NULL;
	size_t i, w, n = 0, core = end, fl;
	int32_t cp;
	unsigned c;
	int upper = 0, lower = 0, flags = 0, ascii = 1, lowered = 0, rc;

	/* Drop a final 's or ’s (possessive; "it's" loses little), or
	 * the apostrophe of a plural's (text_plural_possessive). */
	if (end - start > 2 && (sc->s[end - 1] == 's' || sc->s[end - 1] == 'S')) {
		if (sc->s[end - 2] == '\'')
			core = end - 2;
		else if (end - start > 4 && memcmp(sc->s + end - 4,
		    "\xe2\x80\x99", 3) == 0)
			core = end - 4;
	} else if (end - start > 2 && sc->s[end - 1] == '\'')
		core = end - 1;
	else if (end - start > 4 && memcmp(sc->s + end - 3, "\xe2\x80\x99",
	    3) == 0)
		core = end - 3;
	if (core < end)
		flags |= TEXT_POSS;
	if (text_is_upper(text_cp(sc->s, sc->len, start, &w)))
		flags |= TEXT_UPPER;
	if (text_hyphen_joined(sc, start))
		flags |= TEXT_HYPHEN;
	/* ASCII (nearly every word of English news): classed and lowered
	 * byte by byte in one pass.  At a byte beyond ASCII the word is
	 * read again from its start by the general loop below. */
	for (i = start; i < core && n < TEXT_MAX_WORD - 3; i++) {
		c = (unsigned char)sc->s[i];
		if (c >= 0x80)
			break;
		if (abbrev && c == '.')
			continue;
		if (c >= 'A' && c <= 'Z') {
			upper = 1;
			c = c - 'A' + 'a';
		} else if (c >= 'a' && c <= 'z')
			lower = 1;
		buf[n++] = (char)c;
	}
	if (i < core && (unsigned char)sc->s[i] >= 0x80) {
		i = start;
		n = 0;
		upper = lower = 0;
	} else
		lowered = 1;
	for (; i < core && n < TEXT_MAX_WORD - 3; i += w) {
		cp = text_cp(sc->s, sc->len, i, &w);
		if (abbrev && cp == '.')
			continue;
		if (cp == 0x2019) {
			buf[n++] = '\'';
			continue;
		}
		if (text_is_upper(cp))
			upper = 1;
		else if (text_is_lower(cp))
			lower = 1;
		if (w == 1) {
			buf[n++] = sc->s[i];
			if (cp < 0)
				ascii = 0;
			continue;
		}
		ascii = 0;
		memcpy(buf + n, sc->s + i, w);
		n += w;
	}
	if (upper && !lower)
		flags |= TEXT_CAPS;
	if (ascii) {
		/* Most words: folded in place, no allocation per token. */
		if (lowered)
			buf[n] = '\0';
		else
			text_lower_ascii(buf, buf, n);
		fold = buf;
		fl = n;
	} else if ((fold = fold_mem = text_fold(buf, n)) == NULL) {
		/* Not foldable (cannot happen for text_cp's output, but a
		 * token without a form is harmless): keep the bytes. */
		buf[n] = '\0';
		fold = buf;
		fl = strlen(fold);
	} else
		fl = strlen(fold);
	if (fl > 3 && memcmp(fold + fl - 3, "n't", 3) == 0) {
		/* "didn't" reads "did not": the cue the rules look for.
		 * "won't", "can't" and "shan't" lost more of their verb. */
		const char *verb = fold;
		size_t vl = fl - 3, cut = core, k;

		if (vl == 2 && memcmp(fold, "wo", 2) == 0) {
			verb = "will";
			vl = 4;
		} else if (vl == 2 && memcmp(fold, "ca", 2) == 0) {
			verb = "can";
			vl = 3;
		} else if (vl == 3 && memcmp(fold, "sha", 3) == 0) {
			verb = "shall";
			vl = 5;
		}
		/* The split falls three characters from the end, before the
		 * "n", whatever bytes its apostrophe takes (three for
		 * U+2019): between characters, never inside one. */
		for (k = 0; k < 3 && cut > start; k++)
			do
				cut--;
			while (cut > start &&
			    ((unsigned char)sc->s[cut] & 0xc0) == 0x80);
		rc = text_push_token(sc, start, cut, verb, vl, flags);
		if (rc == 0)
			rc = text_push_token(sc, cut, core, "not", 3, flags);
	} else
		rc = text_push_token(sc, start, end, fold, fl, flags);
	free(fold_mem);
	return rc;
}

/*
 * memo_key_hash of the n bytes at p, which may be written up to eight
 * bytes past them (the fast path's room in the pool): padded with
 * zeros there, they are read a word of eight bytes at a time where the
 * machine is little-endian, as memo_key_hash reads them.
 */
static inline uint64_t
text_hash_padded(char *p, size_t n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	uint64_t h = MEMO_HASH_SEED, word;
	size_t k;

	memset(p + n, 0, 8);
	for (k = 0; k < n; k += 8) {
		memcpy(&word, p + k, 8);
		h = memo_hash_step(h, word);
	}
	return memo_hash_end(h, n);
#else
	return memo_key_hash(p, n);
#endif
}

/*
 * The word at byte i (an ASCII letter or digit) if it is of the
 * commonest kind, as text_word would make it: ASCII letters and digits
 * only, fewer than TEXT_MAX_WORD - 3, that nothing after them carries
 * on (no apostrophe, no "." or "," before a letter or digit as in
 * "U.S." or "3.5", no byte beyond ASCII).  Such a word has no
 * possessive, no "n't" and no dots to drop, and folds to its lower
 * case, so it is read, classed and lowered in one pass straight into
 * the pool.  Returns the byte after it; 0 for any other word, which
 * the general scan then reads from i (what was written past the pool's
 * end is not kept); SIZE_MAX when out of memory.
 */
static size_t
text_word_ascii(struct text_scan *sc, size_t i)
{
	const unsigned char *u = (const unsigned char *)sc->s;
	struct text_doc *doc = sc->doc;
	size_t j, lim, len = sc->len;
	unsigned cls, seen = 0;
	char *dst;
	int flags = 0;

	/* the tests of the two reserves, without a call per word */
	if ((doc->n_tokens == sc->tok_cap && text_tokens_reserve(sc) == -1) ||
	    (doc->pool_cap - doc->pool_len <= TEXT_MAX_WORD + 8 &&
	    text_pool_reserve(sc, TEXT_MAX_WORD + 8) == -1))
		return SIZE_MAX;
	dst = doc->pool + doc->pool_len;
	lim = len - i > TEXT_MAX_WORD - 3 ? i + TEXT_MAX_WORD - 3 : len;
	for (j = i; j < lim && (cls = text_ascii_class[u[j]]) != 0; j++) {
		seen |= cls;
		dst[j - i] = (char)(u[j] | 0x20);
	}
	if (j < len) {
		if (j == lim || u[j] >= 0x80 || u[j] == '\'')
			return 0;
		if ((u[j] == '.' || u[j] == ',') && j + 1 < len &&
		    (u[j + 1] >= 0x80 || text_ascii_class[u[j + 1]] != 0))
			return 0;
	}
	if (text_ascii_class[u[i]] & TEXT_C_UPPER)
		flags |= TEXT_UPPER;
	if ((seen & (TEXT_C_UPPER | TEXT_C_LOWER)) == TEXT_C_UPPER)
		flags |= TEXT_CAPS;
	if (text_hyphen_joined(sc, i))
		flags |= TEXT_HYPHEN;
	text_token_add(sc, i, j, j - i, text_hash_padded(dst, j - i), flags);
	return j;
}

/*
 * At byte i, neither a space nor an ASCII letter or digit: a line
 * break, another space, a mark, or a word of another script.  Returns 1
 * for a word (its first code point is *w bytes); 0 when the bytes were
 * taken (*next: the byte to go on from); -1 when out of memory.
 */
static int
text_other(struct text_scan *sc, size_t i, size_t *w, size_t *next)
{
	const char *text = sc->s;
	size_t len = sc->len, end;
	int32_t cp;

	cp = text_cp(text, len, i, w);
	if (text_is_break(cp)) {
		if (text_end_sentence(sc, i) == -1)
			return -1;
		*next = i + *w;
		return 0;
	}
	if (text_is_space(cp)) {
		*next = i + *w;
		return 0;
	}
	if (sc->sent_start == SIZE_MAX)
		sc->sent_start = i;
	if (text_is_word(cp))
		return 1;
	if (text_is_quote(cp))
		sc->marks |= TEXT_MET_QUOTE;
	else if (text_is_question_mark(cp))
		sc->marks |= TEXT_MET_ASK;
	if (text_is_terminal(cp)) {
		if ((end = text_sentence_end(sc, i, cp)) != 0) {
			if (text_end_sentence(sc, end) == -1)
				return -1;
			*next = end;
			return 0;
		}
		if (cp != '.')
			sc->clause |= TEXT_CLAUSE;
	} else if (cp == 0x2014 || cp == 0x2013)
		sc->clause |= TEXT_CLAUSE | TEXT_DASH;
	else if (text_is_clause_mark(cp))
		sc->clause |= TEXT_CLAUSE | (cp == ':' ? TEXT_COLON : 0);
	else if (text_hyphen_is_dash(text, len, i))
		sc->clause |= TEXT_CLAUSE | TEXT_DASH;
	*next = i + *w;
	return 0;
}

/*
 * text_analyse, with the one-pass reading of plain ASCII words
 * (text_word_ascii) or without it: the general scan alone makes the
 * same tokens, and a unit test holds the two to that.
 */
static int
text_analyse_scan(const char *text, size_t len, struct text_doc *doc,
    int fast)
{
	struct text_scan sc;
	size_t i, j, w, w2, k, seg;
	int32_t c2, c3;
	int abbrev, rc;

	memset(doc, 0, sizeof(*doc));
	memset(&sc, 0, sizeof(sc));
	sc.s = text;
	sc.len = len;
	sc.doc = doc;
	sc.sent_start = SIZE_MAX;
	/* Room for most texts at once, so that the arrays are not grown
	 * and copied as the tokens come: a word of English news and its
	 * space take about six bytes, and an ASCII word folds to no more
	 * bytes than it has.  They still grow where this is too little,
	 * and a long text starts from TEXT_RESERVE bytes' worth. */
	sc.tok_cap = (len < TEXT_RESERVE ? len : TEXT_RESERVE) / 5 + 8;
	doc->pool_cap = (len < TEXT_RESERVE ? len : TEXT_RESERVE) +
	    TEXT_MAX_WORD + 16;	/* the room text_word_ascii asks for */
	if ((doc->tokens = malloc(sc.tok_cap * sizeof(*doc->tokens))) ==
	    NULL || (doc->pool = malloc(doc->pool_cap)) == NULL)
		return -1;

	for (i = 0; i < len; ) {
		if (text[i] == ' ') {	/* the commonest byte after letters */
			i++;
			continue;
		}
		if (text_ascii_class[(unsigned char)text[i]] != 0) {
			/* a word begins: no break, space or mark to ask for */
			if (sc.sent_start == SIZE_MAX)
				sc.sent_start = i;
			if (fast && (j = text_word_ascii(&sc, i)) != 0) {
				if (j == SIZE_MAX)
					return -1;
				i = j;
				continue;
			}
			w = 1;
		} else if ((rc = text_other(&sc, i, &w, &i)) == -1)
			return -1;
		else if (rc == 0)
			continue;

		/* A word: letters and digits, with apostrophes between
		 * letters, separators between digits, and the dots of a
		 * one-letter-at-a-time abbreviation (U.S., e.g.). */
		j = i + w;
		seg = i;
		abbrev = 0;
		while (j < len && j - i < 4 * TEXT_MAX_WORD) {
			if (text_is_ascii_alnum((unsigned char)text[j])) {
				j++;
				continue;
			}
			/* Of ASCII, only an apostrophe, a full stop or a
			 * comma may go on with the word (below). */
			if ((unsigned char)text[j] < 0x80 && text[j] != '\'' &&
			    text[j] != '.' && text[j] != ',')
				break;
			c2 = text_cp(text, len, j, &w);
			if (text_is_word(c2)) {
				j += w;
				continue;
			}
			if (j + w >= len)
				break;
			c3 = text_cp(text, len, j + w, &w2);
			if (text_is_apostrophe(c2) && text_is_letter(c3) &&
			    !abbrev) {
				j += w + w2;
				continue;
			}
			if (text_is_apostrophe(c2) && !abbrev &&
			    text_plural_possessive(&sc, j, w)) {
				j += w;	/* "the rebels' demands" */
				break;
			}
			if ((c2 == '.' || c2 == ',') && text_is_digit(c3) &&
			    j > i && text[j - 1] >= '0' && text[j - 1] <= '9') {
				j += w + w2;
				continue;
			}
			if (c2 == '.' && text_is_letter(c3) && j + w + w2 < len &&
			    text[j + w + w2] == '.') {
				/* Only single letters between the dots. */
				(void)text_cp(text, len, seg, &k);
				if (seg + k == j && text_is_letter(
				    text_cp(text, len, seg, &k))) {
					abbrev = 1;
					seg = j + w;
					j += w + w2 + 1;
					continue;
				}
			}
			break;
		}
		while (j - i > 4 * TEXT_MAX_WORD) {
			/* cut at a code point boundary */
			j--;
			while (j > i && ((unsigned char)text[j] & 0xc0) == 0x80)
				j--;
		}
		if (text_word(&sc, i, j, abbrev) == -1)
			return -1;
		i = j;
	}
	if (text_end_sentence(&sc, len) == -1)
		return -1;
	return 0;
}

int
text_analyse(const char *text, size_t len, struct text_doc *doc)
{
	return text_analyse_scan(text, len, doc, 1);
}

void
text_doc_free(struct text_doc *doc)
{
	free(doc->tokens);
	free(doc->sentences);
	free(doc->pool);
	memset(doc, 0, sizeof(*doc));
}
