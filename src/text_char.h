/*
 * text_char.h: the character classes of the tokeniser (text.c), which
 * asks them of nearly every byte of a text.  Inline in a header of its
 * own so that they are compiled into the scan, with no call per byte,
 * and so that text.c stays one job: sentences and tokens.
 *
 * ASCII is answered first everywhere: most news is ASCII, and
 * utf8proc's tables are the slow part of a text's analysis.
 */
#ifndef BRINK_TEXT_CHAR_H
#define BRINK_TEXT_CHAR_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <utf8proc.h>

/* One code point at s[i], or -1 (and one byte) where UTF-8 is invalid. */
static inline int32_t
text_cp(const char *s, size_t len, size_t i, size_t *width)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t n;

	if ((unsigned char)s[i] < 0x80) {
		*width = 1;
		return (unsigned char)s[i];
	}
	n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
	    (utf8proc_ssize_t)(len - i), &cp);
	if (n <= 0) {
		*width = 1;
		return -1;
	}
	*width = (size_t)n;
	return cp;
}

static inline int
text_is_word(int32_t cp)
{
	if (cp < 0)
		return 0;
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		    (cp >= '0' && cp <= '9');
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
	case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return 1;
	default:
		return 0;
	}
}

/* ASCII answers first: most news is ASCII, and utf8proc's tables are
 * the slow part of a text's analysis. */
static inline int
text_is_letter(int32_t cp)
{
	if (cp >= 0 && cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
	return text_is_word(cp) && utf8proc_category(cp) != UTF8PROC_CATEGORY_ND;
}

static inline int
text_is_lower(int32_t cp)
{
	if (cp >= 0 && cp < 0x80)
		return cp >= 'a' && cp <= 'z';
	return cp >= 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

static inline int
text_is_upper(int32_t cp)
{
	utf8proc_category_t c;

	if (cp >= 0 && cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	if (cp < 0)
		return 0;
	c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

static inline int
text_is_digit(int32_t cp)
{
	if (cp >= 0 && cp < 0x80)
		return cp >= '0' && cp <= '9';
	return cp >= 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

static inline int
text_is_apostrophe(int32_t cp)
{
	return cp == '\'' || cp == 0x2019;
}

static inline int
text_is_space(int32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\f' || cp == '\v' ||
	    cp == 0xa0 || cp == 0x202f || (cp >= 0x2000 && cp <= 0x200b) ||
	    cp == 0x3000 || cp == -1;
}

static inline int
text_is_break(int32_t cp)
{
	return cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029 ||
	    cp == 0x85;
}

/* Quotes and brackets that may close a sentence after its full stop. */
static inline int
text_is_closer(int32_t cp)
{
	return cp == '"' || cp == '\'' || cp == ')' || cp == ']' ||
	    cp == 0x2019 || cp == 0x201d || cp == 0xbb || cp == 0x203a ||
	    cp == 0x300d || cp == 0x300f;
}

static inline int
text_is_terminal(int32_t cp)
{
	return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 ||
	    cp == 0x3002 || cp == 0xff01 || cp == 0xff1f || cp == 0x061f ||
	    cp == 0x06d4;
}

static inline int
text_is_question_mark(int32_t cp)
{
	return cp == '?' || cp == 0xff1f || cp == 0x061f;
}

/* Marks that part a headline's label or a statement from a question
 * after it ("Ukraine war: Could ...?"): a colon, a semicolon, a dash. */
static inline int
text_is_strong_break(int32_t cp)
{
	return cp == ':' || cp == ';' || cp == 0x2014 || cp == 0x2013 ||
	    cp == 0x061b;
}

/* Is the hyphen at byte i of s (len bytes) a dash: a space on either
 * side, as in "clashes - US" or "... -TV", where a hyphen inside a word
 * ("Iran-backed") joins? */
static inline int
text_hyphen_is_dash(const char *s, size_t len, size_t i)
{
	return s[i] == '-' && i > 0 && i + 1 < len &&
	    (s[i - 1] == ' ' || s[i + 1] == ' ');
}

/* Punctuation that ends a clause inside a sentence.  Hyphens do not
 * ("Iran-backed"), nor full stops inside one (after "Mr."). */
static inline int
text_is_clause_mark(int32_t cp)
{
	switch (cp) {
	case ',': case ';': case ':': case '(': case ')': case '[':
	case ']': case '{': case '}': case '"': case 0x201c: case 0x201d:
	case 0x201e: case 0xab: case 0xbb: case 0x2014: case 0x2013:
	case 0x060c: case 0x061b: case 0xff0c: case 0x3001: case 0x2026:
		return 1;
	default:
		return 0;
	}
}

/* Double quotation marks, which may open or close a quotation. */
static inline int
text_is_quote(int32_t cp)
{
	return cp == '"' || cp == 0x201c || cp == 0x201d || cp == 0x201e ||
	    cp == 0xab || cp == 0xbb;
}

/*
 * Whether bytes [from, to) of s hold a mark of text_is_quote (in UTF-8:
 * '"', E2 80 9C-9E, C2 AB, C2 BB), looked for with memchr: most
 * sentences hold none, and then none of their gaps need be decoded.
 * Kept beside text_is_quote, whose marks it must name.
 */
static inline int
text_span_has_quote(const char *s, size_t from, size_t to)
{
	const unsigned char *p = (const unsigned char *)s + from;
	const unsigned char *end = (const unsigned char *)s + to, *q;

	if (from >= to)
		return 0;
	if (memchr(p, '"', (size_t)(end - p)) != NULL)
		return 1;
	for (q = p; (q = memchr(q, 0xe2, (size_t)(end - q))) != NULL; q++)
		if (end - q >= 3 && q[1] == 0x80 && q[2] >= 0x9c &&
		    q[2] <= 0x9e)
			return 1;
	for (q = p; (q = memchr(q, 0xc2, (size_t)(end - q))) != NULL; q++)
		if (end - q >= 2 && (q[1] == 0xab || q[1] == 0xbb))
			return 1;
	return 0;
}

/* The class of each byte of an ASCII word, for the scan that reads such
 * a word, classes and lowers it in one pass (text_word_ascii in text.c):
 * 0 for a byte that is no ASCII letter or digit.  An ASCII letter or
 * digit lowers to itself with 0x20 set (the digits have it already). */
#define TEXT_C_DIGIT	0x1
#define TEXT_C_LOWER	0x2
#define TEXT_C_UPPER	0x4

static const unsigned char text_ascii_class[256] = {
	['0' ... '9'] = TEXT_C_DIGIT,
	['a' ... 'z'] = TEXT_C_LOWER,
	['A' ... 'Z'] = TEXT_C_UPPER,
};

/* ASCII letters and digits: the bytes of most words of most news, told
 * apart without a call (the word scan asks this of every byte). */
static inline int
text_is_ascii_alnum(unsigned char c)
{
	/* c | 0x20 folds A-Z onto a-z (and nothing else onto them) */
	return (unsigned)((c | 0x20) - 'a') < 26 || (unsigned)(c - '0') < 10;
}

#endif
