/*
 * text.h: plain text -> sentences and tokens, for the rules.  A pure
 * module: no I/O, no logging.
 *
 * Tokens are words (letters, marks and digits, with the apostrophes and
 * dots inside them) with their byte offsets in the text and a folded form
 * for matching: Unicode NFKC, case-folded and stripped of marks with
 * utf8proc, so "İran", "IRAN" and full-width "ＩＲＡＮ" all fold to
 * "iran".  A possessive "'s" is dropped ("Iran's" -> "iran"), the dots of
 * an abbreviation too ("U.S." -> "us"), and "n't" becomes its own token
 * "not" ("doesn't" -> "does", "not").  The text itself is never changed:
 * sentences are reported as written, in any script.
 */
#ifndef BRINK_TEXT_H
#define BRINK_TEXT_H

#include <stddef.h>
#include <stdint.h>

#define TEXT_CAPS	0x1	/* written in capitals only (US, U.K., NATO) */
#define TEXT_CLAUSE	0x2	/* punctuation (, ; : dash, quote, bracket)
				   stands between this token and the last */
#define TEXT_UPPER	0x4	/* starts with a capital (Iran, NATO, al-Sadr
				   does not): a proper name, when it is not
				   the first word of a sentence */
#define TEXT_POSS	0x8	/* a possessive 's was dropped ("Sudan's") */
#define TEXT_HYPHEN	0x10	/* a hyphen joins it to the last token
				   ("backed" in "Iran-backed") */
#define TEXT_DASH	0x20	/* of that punctuation, a dash ("- US",
				   an en or em dash) */
#define TEXT_COLON	0x40	/* of that punctuation, a colon ("Darfur
				   truce: ...") */

struct text_token {
	size_t	 start, end;	/* bytes of the word in the text */
	char	*fold;		/* folded form, NUL-terminated */
	size_t	 fold_len;
	uint64_t fold_hash;	/* memo_key_hash of fold's bytes, for
				   the memo of word ids (cand_cache.h) */
	int	 flags;		/* TEXT_CAPS, TEXT_CLAUSE */
};

struct text_sentence {
	size_t	 start, end;	/* bytes in the text, blanks trimmed */
	size_t	 first;		/* its first token */
	size_t	 n_tokens;
	size_t	 asked;		/* the first token of the question that ends
				   it, after a colon, semicolon or dash
				   ("Ukraine war: Could Russia ...?"); first
				   + n_tokens when it asks nothing */
};

struct text_doc {
	struct text_token	*tokens;
	size_t			 n_tokens;
	struct text_sentence	*sentences;
	size_t			 n_sentences;
	char			*pool;	/* the folded forms live here */
	size_t			 pool_len, pool_cap;
	int			 hyphens;	/* some token is TEXT_HYPHEN:
					   a text without one need not be
					   searched for hyphened pairs */
};

/*
 * Split len bytes of UTF-8 text into sentences and tokens.  Sentences end
 * at a line break, or at . ! ? (and any closing quotes or brackets) before
 * blank space and a word that does not start in lower case; titles (Mr.,
 * Gen.), abbreviations (U.S., U.K.), initials and decimals do not end one.
 * Invalid UTF-8 bytes are treated as spaces.  Fills doc (free with
 * text_doc_free, also after an error); returns 0, or -1 when out of memory.
 */
int	 text_analyse(const char *text, size_t len, struct text_doc *doc);
void	 text_doc_free(struct text_doc *);

/*
 * Fold a word as the tokens are folded (see above) into a new string;
 * NULL when out of memory or not UTF-8.  Caller frees.
 */
char	*text_fold(const char *word, size_t len);

/*
 * Where a title of len bytes ends without the outlet's name an aggregator
 * wrote after its last dash ("Chad shells a town - The Ostland Herald"):
 * that name is nobody in the story, neither speaker nor party.
 */
size_t	 text_title_end(const char *title, size_t len);

/* A Snowball stemmer (libstemmer) for one language. */
struct text_stemmer;

/* NULL if libstemmer has no such language ("english", "french", ...). */
struct text_stemmer	*text_stemmer_new(const char *language);
void			 text_stemmer_free(struct text_stemmer *);
/*
 * The stem of a folded word, borrowed until the next call on the same
 * stemmer; *stem_len is its length.  Returns the word itself when the
 * stemmer cannot stem it.
 */
const char		*text_stem(struct text_stemmer *, const char *fold,
			    size_t len, size_t *stem_len);

#endif
