/*
 * text_scan_test: text_analyse's fast paths give what its general scan
 * gives.  Each text is analysed twice, with the fast paths and without
 * them (text_analyse_scan's last argument), and every token (bytes,
 * folded form, its hash, flags) and every sentence must be the same;
 * the hash must be memo_key_hash's of the folded form.  The texts
 * are made from pieces that sit on the edges the fast paths must see:
 * capitals, digits, apostrophes straight and curly, "n't", abbreviation
 * dots, decimals, commas, hyphens, words of other scripts and words
 * with a letter beyond ASCII inside, invalid UTF-8, long words and
 * very long words.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "../../src/text.c"

/* The pieces: words, marks and spaces, joined at random. */
static const char *const pieces[] = {
	"army", "Army", "ARMY", "the", "US", "U.S.", "u.s.", "e.g.", "Mr.",
	"No.", "no", "3", "3.5", "1,000", "2024", "A1", "b2b", "x",
	"Iran's", "IRAN'S", "Hamas'", "didn't", "DIDN'T", "can't", "n't",
	"Iran\xe2\x80\x99s", "rock'n'roll", "o'clock", "'", "''", "'s",
	"Israel-Hamas", "-", " - ", "--", "Iran-backed", "well-", "-led",
	"\xc4\xb0ran", "Erdo\xc4\x9f" "an", "caf\xc3\xa9", "na\xc3\xafve",
	"\xef\xbc\xa9\xef\xbc\xb2", "\xd0\x98\xd0\xb7\xd1\x80",
	"\xd7\x99\xd7\xa9", "\xd8\xa5\xd9\x8a", "\xe4\xb8\xad\xe5\x9b\xbd",
	"\xe2\x80\x9c", "\xe2\x80\x9d", "\xe2\x80\x94", "\xe2\x80\xa6",
	"\xc2\xa0", "\xe3\x80\x82", "\xff", "\xc3", "\xe2\x80",
	".", ",", ";", ":", "!", "?", "?!", "...", "(", ")", "\"", "[", "]",
	" ", " ", " ", " ", "  ", "\t", "\n", "\r\n", ".\n", ". ", ", ",
	"a.b.", "A.B.C.", "gov.uk", "x.Y", "3.x", "5,a", "a,5", "a.5",
	"he", "He", "said", "Said", "and", "Gen.", "St.", "approx.",
	/* words of eight bytes and more */
	"abcdefgh", "ABCDEFGH", "abcdefghijklmnop", "abcdefghi", "Ceasefire",
	"NEGOTIATIONS", "Negotiations", "x1234567", "12345678", "MiXeDcAsE",
	"internationally", "Iran-Backed", "Kalashnikovs'", "counterattack's",
};

#define N_PIECES	(sizeof(pieces) / sizeof(pieces[0]))

static uint32_t rng = 2463534242u;

static uint32_t
next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}

/* A text of n pieces into buf (cap bytes); its length. */
static size_t
make_text(char *buf, size_t cap, size_t n)
{
	size_t len = 0, k, l;
	const char *p;

	for (k = 0; k < n; k++) {
		p = pieces[next() % N_PIECES];
		l = strlen(p);
		if (len + l >= cap)
			break;
		memcpy(buf + len, p, l);
		len += l;
	}
	buf[len] = '\0';
	return len;
}

/* Do a and b hold the same tokens and sentences? */
static int
same_doc(const struct text_doc *a, const struct text_doc *b)
{
	size_t k;
	int hyphens = 0;

	if (a->n_tokens != b->n_tokens || a->n_sentences != b->n_sentences)
		return 0;
	for (k = 0; k < a->n_tokens; k++) {
		const struct text_token *x = &a->tokens[k], *y = &b->tokens[k];

		hyphens |= (x->flags & TEXT_HYPHEN) != 0;

		if (x->start != y->start || x->end != y->end ||
		    x->flags != y->flags || x->fold_len != y->fold_len ||
		    strcmp(x->fold, y->fold) != 0 ||
		    strlen(x->fold) != x->fold_len ||
		    x->fold_hash != memo_key_hash(x->fold, x->fold_len) ||
		    y->fold_hash != x->fold_hash)
			return 0;
	}
	for (k = 0; k < a->n_sentences; k++)
		if (a->sentences[k].start != b->sentences[k].start ||
		    a->sentences[k].end != b->sentences[k].end ||
		    a->sentences[k].first != b->sentences[k].first ||
		    a->sentences[k].n_tokens != b->sentences[k].n_tokens)
			return 0;
	/* the note rules_scan_cands asks instead of every token's flags */
	return a->hyphens == hyphens && b->hyphens == hyphens;
}

/* Analyse text both ways; 1 if they agree. */
static int
both_ways(const char *text, size_t len)
{
	struct text_doc fast, slow;
	int ok;

	if (text_analyse_scan(text, len, &fast, 1) == -1 ||
	    text_analyse_scan(text, len, &slow, 0) == -1)
		abort();
	ok = same_doc(&fast, &slow);
	text_doc_free(&fast);
	text_doc_free(&slow);
	return ok;
}

static void
test_pieces(void)
{
	static char buf[4096];
	size_t k, len, bad = 0;

	for (k = 0; k < 20000; k++) {
		len = make_text(buf, sizeof(buf), 1 + next() % 40);
		if (!both_ways(buf, len)) {
			if (bad++ == 0)
				printf("# differs: \"%s\"\n", buf);
		}
	}
	CHECK_INT(bad, 0, "20,000 texts of mixed ASCII and UTF-8 pieces: "
	    "the same tokens and sentences with and without the fast path");
}

static void
test_edges(void)
{
	static char buf[2048];
	size_t k;
	int ok = 1;

	/* Words of every length around the cut (TEXT_MAX_WORD - 3), in
	 * capitals and not, before a space, a full stop, a letter beyond
	 * ASCII and the end of the text. */
	for (k = 248; k < 262 && ok; k++) {
		memset(buf, 'a', k);
		buf[0] = 'Q';
		strcpy(buf + k, " b");
		ok = both_ways(buf, strlen(buf)) && both_ways(buf, k);
		strcpy(buf + k, ". C");
		ok = ok && both_ways(buf, strlen(buf));
		strcpy(buf + k, "\xc3\xa9");
		ok = ok && both_ways(buf, strlen(buf));
		memset(buf, 'A', k);
		ok = ok && both_ways(buf, k);
	}
	CHECK(ok, "words around the longest kept: the same both ways");

	/* A word longer than the scan's reach (4 * TEXT_MAX_WORD). */
	memset(buf, 'z', sizeof(buf) - 1);
	buf[sizeof(buf) - 1] = '\0';
	CHECK(both_ways(buf, sizeof(buf) - 1), "a 2 KB word: the same both ways");

	CHECK(both_ways("end.", 4) && both_ways("end,", 4) &&
	    both_ways("x", 1) && both_ways("Go.\xe2\x80\x9d", 6),
	    "a word at the very end of the text: the same both ways");
}

static void
test_fast_tokens(void)
{
	struct text_doc doc;

	/* What the fast path itself makes, spelled out. */
	if (text_analyse("NATO, Nato and nato-led 42 forces.", 34, &doc) == -1)
		abort();
	CHECK_INT(doc.n_tokens, 7, "seven words");
	CHECK_STR(doc.tokens[0].fold, "nato", "NATO lowers");
	CHECK_INT(doc.tokens[0].flags, TEXT_CAPS | TEXT_UPPER,
	    "NATO: capitals, and starts with one");
	CHECK_INT(doc.tokens[1].flags, TEXT_UPPER | TEXT_CLAUSE,
	    "Nato after a comma: a capital first, a clause mark");
	CHECK_INT(doc.tokens[4].flags, TEXT_HYPHEN, "led: joined by a hyphen");
	CHECK_INT(doc.tokens[5].flags, 0, "42: no capitals");
	CHECK_INT(doc.tokens[6].end, 33, "forces ends before its full stop");
	text_doc_free(&doc);
}

int
main(void)
{
	test_fast_tokens();
	test_edges();
	test_pieces();
	return check_done();
}
