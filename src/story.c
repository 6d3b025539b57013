/*
 * story.c: the story signature and the sameness test (story.h).
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "story.h"
#include "text.h"

/* FNV-1a offset and prime, as hash.c; a separator byte between the two
 * words of a pair keeps ("ab","c") apart from ("a","bc"). */
#define FNV_OFFSET	0xcbf29ce484222325ULL
#define FNV_PRIME	0x100000001b3ULL

/*
 * Words that say nothing of what happened: every report has them, so
 * they would make any two statements look alike.  Folded forms.
 */
static const char *const story_stopwords[] = {
	"a", "an", "and", "are", "as", "at", "be", "been", "but", "by",
	"for", "from", "had", "has", "have", "he", "her", "his", "in", "into",
	"is", "it", "its", "of", "on", "or", "said", "says", "she", "that",
	"the", "their", "them", "they", "this", "to", "told", "was", "were",
	"which", "who", "will", "with", "would", NULL
};

/* Capitalised words that name no one and no place: every day's copy
 * has them.  Folded forms. */
static const char *const story_calendar[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "january", "february", "march", "april", "may", "june",
	"july", "august", "september", "october", "november", "december",
	NULL
};

/* A number before these measures a time ("48 hours", "a 4-day truce"),
 * which the steps of one crisis repeat (a deadline given, then passed),
 * not a count of what one event did.  Folded forms. */
static const char *const story_time_units[] = {
	"minute", "minutes", "hour", "hours", "hr", "hrs", "day", "days",
	"week", "weeks", "month", "months", "year", "years", NULL
};

const char *
story_family(const char *category)
{
	if (category == NULL)
		return "";
	if (strcmp(category, "threat") == 0 ||
	    strcmp(category, "retaliation") == 0)
		return "hostile";
	return category;
}

static int
story_listed(const char *const *list, const char *fold)
{
	size_t i;

	for (i = 0; list[i] != NULL; i++)
		if (strcmp(fold, list[i]) == 0)
			return 1;
	return 0;
}

static int
story_is_stopword(const char *fold)
{
	return story_listed(story_stopwords, fold);
}

/*
 * British spellings that differ from the American one by an ending,
 * written the American way, so that wire copy from either side of the
 * Atlantic reads as one text ("programme" and "program", "criticise"
 * and "criticize", "labour" and "labor", "centre" and "center",
 * "defence" and "defense"): the stemmer keeps them apart.  Both
 * statements are rewritten alike, so a word with no other spelling
 * ("promise", "science") only takes a form that no other word has.
 * from is matched at the end of a folded word, after at least base
 * bytes, the same for every form of a word ("raise" and "raised" are
 * both left alone, "praise" and "praised" both rewritten).
 */
#define SPELLING(from, to, base) \
	{ from, sizeof(from) - 1, to, sizeof(to) - 1, base }

static const struct story_spelling {
	const char	*from;
	size_t		 flen;
	const char	*to;
	size_t		 tlen, base;
} story_spellings[] = {
	SPELLING("isations", "izations", 3),
	SPELLING("isation", "ization", 3),
	SPELLING("ising", "izing", 3),
	SPELLING("isers", "izers", 3),
	SPELLING("iser", "izer", 3),
	SPELLING("ised", "ized", 3),
	SPELLING("ises", "izes", 3),
	SPELLING("ise", "ize", 3),
	SPELLING("ysing", "yzing", 3),
	SPELLING("ysed", "yzed", 3),
	SPELLING("yses", "yzes", 3),
	SPELLING("yse", "yze", 3),
	SPELLING("mmes", "ms", 3),
	SPELLING("mme", "m", 3),
	SPELLING("ours", "ors", 3),
	SPELLING("our", "or", 3),
	SPELLING("tres", "ters", 2),
	SPELLING("tre", "ter", 2),
	SPELLING("ences", "enses", 3),
	SPELLING("ence", "ense", 3),
	{ NULL, 0, NULL, 0, 0 }
};

/*
 * The American spelling of fold (len bytes) in buf (cap bytes), or fold
 * itself when it has none; *out_len its length.
 */
static const char *
story_american(const char *fold, size_t len, char *buf, size_t cap,
    size_t *out_len)
{
	const struct story_spelling *sp;

	*out_len = len;
	for (sp = story_spellings; sp->from != NULL; sp++) {
		if (len < sp->flen + sp->base ||
		    len - sp->flen + sp->tlen >= cap ||
		    fold[len - 1] != sp->from[sp->flen - 1] ||
		    memcmp(fold + len - sp->flen, sp->from, sp->flen) != 0)
			continue;
		memcpy(buf, fold, len - sp->flen);
		memcpy(buf + len - sp->flen, sp->to, sp->tlen);
		*out_len = len - sp->flen + sp->tlen;
		buf[*out_len] = '\0';
		return buf;
	}
	return fold;
}

/*
 * The stem of fold (len bytes) that a statement's word is hashed as:
 * its American spelling (in buf, cap bytes), stemmed with stem (which
 * may be NULL); *out_len its length.
 */
static const char *
story_stem(struct text_stemmer *stem, const char *fold, size_t len,
    char *buf, size_t cap, size_t *out_len)
{
	const char *word;
	size_t word_len;

	word = story_american(fold, len, buf, cap, &word_len);
	if (stem == NULL) {
		*out_len = word_len;
		return word;
	}
	return text_stem(stem, word, word_len, out_len);
}

static uint64_t
story_fnv(uint64_t h, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= FNV_PRIME;
	}
	return h;
}

/* A final mix (splitmix64's): FNV's low bits alone order short words
 * poorly, and the sketch keeps the smallest values. */
static uint64_t
story_mix(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	x ^= x >> 31;
	return x;
}

/* Where h is, or would go, in the ascending sketch. */
static size_t
story_sketch_place(const struct story_sketch *sk, uint64_t h)
{
	size_t lo = 0, hi = sk->n, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (sk->h[mid] < h)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Insert h into the ascending, distinct sketch, keeping the smallest. */
static void
story_sketch_insert(struct story_sketch *sk, uint64_t h)
{
	size_t lo = story_sketch_place(sk, h);

	if (lo < sk->n && sk->h[lo] == h)
		return;
	if (lo >= STORY_SKETCH_MAX)
		return;
	if (sk->n == STORY_SKETCH_MAX)
		sk->n--;
	memmove(&sk->h[lo + 1], &sk->h[lo], (sk->n - lo) * sizeof(sk->h[0]));
	sk->h[lo] = h;
	sk->n++;
}

/* Does the word at text[start..end) begin with a capital letter? */
static int
story_is_name(const char *text, size_t start, size_t end)
{
	utf8proc_int32_t cp;

	if (utf8proc_iterate((const utf8proc_uint8_t *)text + start,
	    (utf8proc_ssize_t)(end - start), &cp) <= 0)
		return 0;
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}

int
story_asks(const char *text, size_t len)
{
	while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t' ||
	    text[len - 1] == '\n' || text[len - 1] == '\r'))
		len--;
	return len > 0 && text[len - 1] == '?';
}

/*
 * The bytes of a wire dateline at the start of text ("WASHINGTON --",
 * "KABUL (Reuters) -", "NAJAF, Iraq -", "AFP -"): capitals, spaces and
 * commas, a country after a comma, then an optional agency in
 * brackets, then a dash and a space.  It says where
 * and by whom the copy was filed, not what was said.  0 when there is
 * none.
 */
size_t
story_dateline(const char *text, size_t len)
{
	size_t i = 0, caps = 0;

	while (i < len && ((text[i] >= 'A' && text[i] <= 'Z') ||
	    text[i] == ' ' || text[i] == ',' || text[i] == '.')) {
		if (text[i] >= 'A' && text[i] <= 'Z') {
			if (i + 1 < len && text[i + 1] >= 'a' &&
			    text[i + 1] <= 'z')
				break;	/* a word in its own case */
			caps++;
		}
		i++;
	}
	if (caps < 2)
		return 0;
	/* "NAJAF, Iraq": the country in its own case after a comma. */
	if (i > 1 && text[i - 1] == ' ' && text[i - 2] == ',')
		while (i < len && ((text[i] >= 'A' && text[i] <= 'Z') ||
		    (text[i] >= 'a' && text[i] <= 'z') || text[i] == ' ' ||
		    text[i] == '.'))
			i++;
	if (i < len && text[i] == '(') {
		while (i < len && text[i] != ')' && text[i] != '\n')
			i++;
		if (i == len || text[i] != ')')
			return 0;
		i++;
		while (i < len && text[i] == ' ')
			i++;
	}
	if (i + 1 < len && text[i] == '-' && text[i + 1] == '-')
		i += 2;
	else if (i < len && text[i] == '-')
		i++;
	else if (i + 2 < len && memcmp(text + i, "\xe2\x80\x94", 3) == 0)
		i += 3;		/* an em dash */
	else
		return 0;
	if (i >= len || text[i] != ' ')
		return 0;
	return i + 1;
}

/* Words that scale a number ("1.1 million people"). */
static const char *const story_magnitudes[] = {
	"thousand", "million", "billion", NULL
};

/*
 * The count that token i of doc is, as a key in buf (cap bytes), and
 * its length; 0 when it is none.  A count is a number of things an
 * event did, in digits: two or more ("24 hostages", "1,200 troops"), or
 * any number before a magnitude ("1.1 million people", key "1.1million");
 * not a year (1900 to 2099), a fraction alone ("7.8 magnitude"), nor a
 * time ("48 hours").
 */
static size_t
story_count(const struct text_doc *doc, size_t i, char *buf, size_t cap)
{
	const struct text_token *tok = &doc->tokens[i];
	const char *next = i + 1 < doc->n_tokens ? doc->tokens[i + 1].fold :
	    "";
	size_t k, digits = 0, len;
	int point = 0, scaled;

	if (tok->fold_len == 0 || tok->fold_len + 16 > cap)
		return 0;
	for (k = 0; k < tok->fold_len; k++) {
		if (tok->fold[k] >= '0' && tok->fold[k] <= '9')
			digits++;
		else if ((tok->fold[k] == ',' || tok->fold[k] == '.') &&
		    k > 0 && k + 1 < tok->fold_len)
			point |= tok->fold[k] == '.';
		else
			return 0;
	}
	scaled = story_listed(story_magnitudes, next);
	if (story_listed(story_time_units, next) || (point && !scaled))
		return 0;
	if (!scaled && ((digits == 1 && tok->fold[0] < '2') ||
	    (tok->fold_len == 4 && (memcmp(tok->fold, "19", 2) == 0 ||
	    memcmp(tok->fold, "20", 2) == 0))))
		return 0;
	memcpy(buf, tok->fold, tok->fold_len);
	len = tok->fold_len;
	if (scaled) {
		memcpy(buf + len, next, strlen(next));
		len += strlen(next);
	}
	return len;
}

/*
 * The hash string of the stem s (slen bytes) of fold: the name of the
 * synonym class of lex that holds the word, or s; *out_len its length.
 */
static const char *
story_lex_map(const struct story_lex *lex, const char *fold, size_t flen,
    const char *s, size_t *slen)
{
	const struct story_syn *y;
	uint64_t h = 0;
	size_t i;

	for (i = 0; lex != NULL && i < lex->n_syn; i++) {
		y = &lex->syn[i];
		if (y->kind == STORY_SYN_STEM) {
			if (h == 0)
				h = story_mix(story_fnv(FNV_OFFSET, s, *slen));
			if (h != y->hash)
				continue;
		} else if (flen < y->len || (y->kind == STORY_SYN_EXACT &&
		    flen != y->len) || memcmp(fold, y->word, y->len) != 0)
			continue;
		*slen = strlen(y->name);
		return y->name;
	}
	return s;
}

/*
 * The word tokens i and i + 1 of doc spell closed up when a hyphen
 * joins them ("cease-fire": "ceasefire"), in buf (cap bytes): its
 * length, or 0 when no hyphen joins them.
 */
static size_t
story_closed(const struct text_doc *doc, size_t i, char *buf, size_t cap)
{
	const struct text_token *a = &doc->tokens[i], *b = a + 1;

	if (i + 1 >= doc->n_tokens || !(b->flags & TEXT_HYPHEN) ||
	    a->fold_len + b->fold_len >= cap)
		return 0;
	memcpy(buf, a->fold, a->fold_len);
	memcpy(buf + a->fold_len, b->fold, b->fold_len);
	buf[a->fold_len + b->fold_len] = '\0';
	return a->fold_len + b->fold_len;
}

/*
 * Add to words what else the word fold (flen bytes, of stem s, slen
 * bytes) stands for: the synonym class of lex that holds it.
 */
static void
story_also(struct story_sketch *words, const struct story_lex *lex,
    const char *fold, size_t flen, const char *s, size_t slen)
{
	const char *c;
	size_t clen = slen;

	if (words == NULL || lex == NULL || lex->n_syn == 0)
		return;
	c = story_lex_map(lex, fold, flen, s, &clen);
	if (c != s)
		story_sketch_insert(words, story_mix(story_fnv(FNV_OFFSET, c,
		    clen)));
}

int
story_statement_lex(struct story_sketch *sk, struct story_sketch *words,
    struct story_sketch *names, struct story_sketch *counts,
    const struct story_lex *lex, const char *text, size_t len)
{
	struct text_doc doc;
	const struct text_token *tok;
	const char *s;
	char american[64], count[64], closed[64];
	uint64_t word, prev = 0;
	size_t i, slen, clen, count_len, sentence = 0;
	int have_prev = 0, opens;

	memset(&doc, 0, sizeof(doc));
	if (text_analyse(text, len, &doc) == -1) {
		text_doc_free(&doc);
		return -1;
	}
	for (i = 0; i < doc.n_tokens; i++) {
		tok = &doc.tokens[i];
		/* A sentence's first word is capitalised whatever it is
		 * ("Officials said"): a name there only in capitals ("US"). */
		while (sentence < doc.n_sentences &&
		    doc.sentences[sentence].first < i)
			sentence++;
		opens = sentence < doc.n_sentences &&
		    doc.sentences[sentence].first == i &&
		    !(tok->flags & TEXT_CAPS);
		/* A compound is written closed, with a hyphen or open
		 * ("ceasefire", "cease-fire"), as the rules read it: the
		 * hyphened pair is also the closed word. */
		if (words != NULL && (clen = story_closed(&doc, i, closed,
		    sizeof(closed))) > 0 && !story_is_stopword(closed)) {
			s = story_stem(lex != NULL ? lex->stem : NULL, closed,
			    clen, american, sizeof(american), &slen);
			story_sketch_insert(words, story_mix(story_fnv(
			    FNV_OFFSET, s, slen)));
			story_also(words, lex, closed, clen, s, slen);
		}
		/* Stop words are skipped: the pairs are of neighbouring
		 * content words, so "vowed to retaliate" and "vows
		 * retaliation" share one. */
		if (story_is_stopword(tok->fold))
			continue;
		s = story_stem(lex != NULL ? lex->stem : NULL, tok->fold,
		    tok->fold_len, american, sizeof(american), &slen);
		word = story_fnv(FNV_OFFSET, s, slen);
		/* A count is hashed apart from the same digits that are
		 * no count ("24 hostages", "within 24 hours"). */
		if ((count_len = story_count(&doc, i, count,
		    sizeof(count))) > 0) {
			word = story_fnv(story_fnv(FNV_OFFSET, "#", 1), count,
			    count_len);
			if (counts != NULL)
				story_sketch_insert(counts, story_mix(word));
		} else
			story_also(words, lex, tok->fold, tok->fold_len, s,
			    slen);
		if (sk != NULL)
			story_sketch_insert(sk, story_mix(word));
		if (words != NULL)
			story_sketch_insert(words, story_mix(word));
		if (names != NULL && !opens &&
		    story_is_name(text, tok->start, tok->end) &&
		    !story_listed(story_calendar, tok->fold))
			story_sketch_insert(names, story_mix(word));
		if (sk != NULL && have_prev)
			story_sketch_insert(sk, story_mix(story_fnv(
			    story_fnv(prev, "\0", 1), s, slen)));
		prev = word;
		have_prev = 1;
	}
	text_doc_free(&doc);
	return 0;
}

int
story_statement_add(struct story_sketch *sk, struct story_sketch *words,
    struct story_sketch *names, struct story_sketch *counts,
    struct text_stemmer *stem, const char *text, size_t len)
{
	struct story_lex lex;

	memset(&lex, 0, sizeof(lex));
	lex.stem = stem;
	return story_statement_lex(sk, words, names, counts, &lex, text,
	    len);
}

uint64_t
story_word_class(const struct story_lex *lex, const char *fold, size_t len)
{
	const char *s, *c;
	char american[64];
	size_t slen, clen;

	if (lex == NULL || lex->n_syn == 0 || story_is_stopword(fold))
		return 0;
	s = story_stem(lex->stem, fold, len, american, sizeof(american),
	    &slen);
	clen = slen;
	c = story_lex_map(lex, fold, len, s, &clen);
	return c != s ? story_mix(story_fnv(FNV_OFFSET, c, clen)) : 0;
}

uint64_t
story_word_hash(struct text_stemmer *stem, const char *fold, size_t len)
{
	const char *s;
	char american[64];
	size_t slen;

	if (story_is_stopword(fold))
		return 0;
	s = story_stem(stem, fold, len, american, sizeof(american), &slen);
	return story_mix(story_fnv(FNV_OFFSET, s, slen));
}

void
story_name_add(struct story_sketch *names, struct text_stemmer *stem,
    const char *name, size_t len)
{
	const char *s;
	char *fold, american[64];
	size_t at = 0, end, slen;

	/* Each word of the name as the statement's words are hashed
	 * ("hamas" is the stem "hama" there, "saudi-arabia" the two
	 * words "saudi" and "arabia"), so that the name is found among
	 * them. */
	while (at < len) {
		for (end = at; end < len && name[end] != '-' &&
		    name[end] != ' '; end++)
			;
		if (end > at && (fold = text_fold(name + at, end - at)) !=
		    NULL) {
			if (!story_is_stopword(fold)) {
				s = story_stem(stem, fold, strlen(fold),
				    american, sizeof(american), &slen);
				story_sketch_insert(names, story_mix(
				    story_fnv(FNV_OFFSET, s, slen)));
			}
			free(fold);
		}
		at = end + 1;
	}
}

void
story_sketch_without(struct story_sketch *out, const struct story_sketch *sk,
    const struct story_sketch *drop)
{
	size_t i;

	out->n = 0;
	for (i = 0; i < sk->n; i++)
		if (!story_sketch_has(drop, sk->h[i]))
			out->h[out->n++] = sk->h[i];
}

int
story_sketch_has(const struct story_sketch *sk, uint64_t h)
{
	size_t lo = story_sketch_place(sk, h);

	return lo < sk->n && sk->h[lo] == h;
}

int
story_sketch_add(struct story_sketch *sk, struct text_stemmer *stem,
    const char *text, size_t len)
{
	return story_statement_add(sk, NULL, NULL, NULL, stem, text, len);
}

int
story_words_add(struct story_sketch *sk, struct story_sketch *names,
    struct text_stemmer *stem, const char *text, size_t len)
{
	return story_statement_add(NULL, sk, names, NULL, stem, text, len);
}

double
story_overlap_weighed(const struct story_sketch *a, const double *wa,
    const struct story_sketch *b, const double *wb, double *mass,
    size_t *shared)
{
	double ta = 0, tb = 0, both = 0;
	size_t i, j, n = 0;

	for (i = 0; i < a->n; i++)
		ta += wa != NULL ? wa[i] : 1;
	for (j = 0; j < b->n; j++)
		tb += wb != NULL ? wb[j] : 1;
	i = j = 0;
	while (i < a->n && j < b->n) {
		if (a->h[i] < b->h[j])
			i++;
		else if (b->h[j] < a->h[i])
			j++;
		else {
			both += wa != NULL ? wa[i] : 1;
			n++;
			i++;
			j++;
		}
	}
	if (mass != NULL)
		*mass = both;
	*shared = n;
	if (ta <= 0 || tb <= 0)
		return 0;
	return both / (ta < tb ? ta : tb);
}

double
story_overlap(const struct story_sketch *a, const struct story_sketch *b,
    size_t *shared)
{
	return story_overlap_weighed(a, NULL, b, NULL, NULL, shared);
}

int
story_counts_share(const struct story_sketch *counts,
    const struct story_sketch *words)
{
	size_t i;

	for (i = 0; i < counts->n; i++)
		if (story_sketch_has(words, counts->h[i]))
			return 1;
	return 0;
}

int
story_names_share(const char *a, const char *b)
{
	const char *p, *q, *pe, *qe;

	if (a == NULL || b == NULL)
		return 0;
	for (p = a; *p != '\0'; p = *pe == ',' ? pe + 1 : pe) {
		if ((pe = strchr(p, ',')) == NULL)
			pe = p + strlen(p);
		if (pe == p)
			continue;
		for (q = b; *q != '\0'; q = *qe == ',' ? qe + 1 : qe) {
			if ((qe = strchr(q, ',')) == NULL)
				qe = q + strlen(q);
			if (qe - q == pe - p &&
			    memcmp(p, q, (size_t)(pe - p)) == 0)
				return 1;
		}
	}
	return 0;
}

double
story_similarity(const struct story_sketch *a, const struct story_sketch *b)
{
	size_t i = 0, j = 0, taken = 0, both = 0, k;

	if (a->n == 0 || b->n == 0)
		return 0;
	/* The bottom-k of the union, and how many of those both hold. */
	k = STORY_SKETCH_MAX;
	while (taken < k && (i < a->n || j < b->n)) {
		if (j >= b->n || (i < a->n && a->h[i] < b->h[j]))
			i++;
		else if (i >= a->n || b->h[j] < a->h[i])
			j++;
		else {
			both++;
			i++;
			j++;
		}
		taken++;
	}
	return (double)both / (double)taken;
}

