/*
 * text_test: sentences, tokens, folding and stems as the rules see them.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "../../src/text.h"

static struct text_doc doc;
static const char *src;

static void
analyse(const char *text)
{
	text_doc_free(&doc);
	src = text;
	if (text_analyse(text, strlen(text), &doc) == -1)
		abort();
}

/* Sentence i as written. */
static const char *
sentence(size_t i)
{
	static char buf[512];

	if (i >= doc.n_sentences)
		return "(none)";
	snprintf(buf, sizeof(buf), "%.*s",
	    (int)(doc.sentences[i].end - doc.sentences[i].start),
	    src + doc.sentences[i].start);
	return buf;
}

/* The folded tokens, space-separated. */
static const char *
folds(void)
{
	static char buf[1024];
	size_t i, used = 0;

	buf[0] = '\0';
	for (i = 0; i < doc.n_tokens && used < sizeof(buf); i++)
		used += snprintf(buf + used, sizeof(buf) - used, "%s%s",
		    i ? " " : "", doc.tokens[i].fold);
	return buf;
}

static void
test_sentences(void)
{
	analyse("Mr. Smith met Gen. Ward. Then he left.");
	CHECK_INT(doc.n_sentences, 2, "titles (Mr., Gen.) do not end a sentence");
	CHECK_STR(sentence(0), "Mr. Smith met Gen. Ward.", "first sentence whole");
	CHECK_STR(sentence(1), "Then he left.", "second sentence");

	analyse("Talks in the U.S. began on Monday. The U.K. said 3.5 percent "
	    "was enough. John F. Kennedy agreed.");
	CHECK_INT(doc.n_sentences, 3, "U.S., decimals and initials do not split");
	CHECK_STR(sentence(1), "The U.K. said 3.5 percent was enough.",
	    "U.K. and 3.5 stay inside the sentence");

	analyse("\"We will respond.\" Officials left. Why? he asked. Go!");
	CHECK_STR(sentence(0), "\"We will respond.\"",
	    "a quote closing after the full stop stays with its sentence");
	CHECK_STR(sentence(2), "Why? he asked.",
	    "a question mark before lower case does not split");
	CHECK_STR(sentence(3), "Go!", "an exclamation ends a sentence");

	analyse("Iran warns Israel\nThe minister spoke at length");
	CHECK_INT(doc.n_sentences, 2, "a headline without a full stop ends at "
	    "the line break");
	CHECK_STR(sentence(0), "Iran warns Israel", "the headline");

	analyse("\xe2\x80\x9cWe are ready.\xe2\x80\x9d The army moved. "
	    "Sources said e.g. this one.");
	CHECK_INT(doc.n_sentences, 3, "curly quotes close a sentence; e.g. does not");

	/* A question asks from its start, or from the last colon,
	 * semicolon or dash before it; a statement asks nothing. */
	analyse("Will Iran strike back? Iran vows revenge: what next?\n"
	    "Iran vows revenge - will it strike? Iran vowed revenge.\n"
	    "\xe2\x80\x9cWho will stop us?\xe2\x80\x9d\nWho? He asked.");
	CHECK_INT(doc.n_sentences, 7, "questions and statements");
	CHECK_INT((long)doc.sentences[0].asked, (long)doc.sentences[0].first,
	    "a question asks from its first word");
	CHECK_INT((long)doc.sentences[1].asked,
	    (long)doc.sentences[1].first + 3,
	    "a statement before a colon is no part of the question after it");
	CHECK_INT((long)doc.sentences[2].asked,
	    (long)doc.sentences[2].first + 3,
	    "nor one before a dash between spaces");
	CHECK_INT((long)doc.sentences[3].asked,
	    (long)(doc.sentences[3].first + doc.sentences[3].n_tokens),
	    "a statement asks nothing");
	CHECK_INT((long)doc.sentences[4].asked, (long)doc.sentences[4].first,
	    "a question in quotes asks");
	CHECK_INT((long)doc.sentences[6].asked,
	    (long)(doc.sentences[6].first + doc.sentences[6].n_tokens),
	    "a sentence after a question asks nothing");

	/* A question mark passed over with the marks that end a sentence
	 * (text_sentence_end), not met by the scan itself, still asks;
	 * one met earlier in a statement does not make it one. */
	analyse("Did Iran strike!? Why? he asked. Iran struck.");
	CHECK_INT(doc.n_sentences, 3, "three sentences around questions");
	CHECK_INT((long)doc.sentences[0].asked, (long)doc.sentences[0].first,
	    "a question mark after another mark asks");
	CHECK_INT((long)doc.sentences[1].asked,
	    (long)(doc.sentences[1].first + doc.sentences[1].n_tokens),
	    "a statement with a question inside asks nothing");
	CHECK_INT((long)doc.sentences[2].asked,
	    (long)(doc.sentences[2].first + doc.sentences[2].n_tokens),
	    "nor does the sentence after it");

	analyse("   \n\n  ...  \n");
	CHECK_INT(doc.n_sentences, 0, "blank and punctuation-only text has "
	    "no sentence");
}

static void
test_tokens(void)
{
	analyse("Iran's army didn't act, Hamas' men said.");
	CHECK_STR(folds(), "iran army did not act hamas men said",
	    "possessives dropped, n't is not");
	CHECK_INT(doc.tokens[0].start, 0, "first token starts at 0");
	CHECK_INT(doc.tokens[0].end, 6, "Iran's spans its possessive");
	CHECK_INT(doc.tokens[5].flags & TEXT_CLAUSE, TEXT_CLAUSE,
	    "a comma marks a clause before Hamas");
	CHECK_INT(doc.tokens[1].flags & TEXT_CLAUSE, 0,
	    "no clause mark between Iran's and army");

	/* A short quotation after a word is part of its clause; one that
	 * opens the sentence, or a long one, is somebody's words. */
	analyse("Iran would \"pay dearly\" for it.");
	CHECK_INT((doc.tokens[2].flags | doc.tokens[4].flags) & TEXT_CLAUSE,
	    0, "scare quotes mark no clause");
	/* The quotation marks of one sentence are asked of it alone:
	 * closing another's quotation is no scare quote here. */
	analyse("\"We will act.\" Iran would \"pay dearly\" for it. It "
	    "would, \"we said\".");
	CHECK_INT(doc.n_sentences, 3, "three sentences with quotations");
	CHECK_INT((doc.tokens[5].flags | doc.tokens[7].flags) & TEXT_CLAUSE,
	    0, "scare quotes after a quoted sentence mark no clause");
	CHECK_INT(doc.tokens[11].flags & TEXT_CLAUSE, TEXT_CLAUSE,
	    "a quotation after a comma still marks a clause");
	analyse("Iran would pay dearly for it.");
	CHECK_INT(doc.tokens[3].flags & TEXT_CLAUSE, 0,
	    "no mark, no clause");
	analyse("It vowed a \xe2\x80\x9c" "crushing\xe2\x80\x9d response.");
	CHECK_INT((doc.tokens[3].flags | doc.tokens[4].flags) & TEXT_CLAUSE,
	    0, "curly scare quotes mark no clause");
	/* Each mark of text_is_quote, found by text_span_has_quote. */
	analyse("It vowed a \xc2\xab" "crushing\xc2\xbb response.");
	CHECK_INT((doc.tokens[3].flags | doc.tokens[4].flags) & TEXT_CLAUSE,
	    0, "scare guillemets mark no clause");
	analyse("It vowed a \xe2\x80\x9e" "crushing\xe2\x80\x9c response.");
	CHECK_INT((doc.tokens[3].flags | doc.tokens[4].flags) & TEXT_CLAUSE,
	    0, "low-high scare quotes mark no clause");
	analyse("Iran\xe2\x80\x99s army would \xe2\x80\x9c" "pay dearly"
	    "\xe2\x80\x9d for it.");
	CHECK_INT((doc.tokens[3].flags | doc.tokens[5].flags) & TEXT_CLAUSE,
	    0, "a curly apostrophe first hides no scare quotes after it");
	analyse("Iran said \"we will strike every base in the region\" today.");
	CHECK_INT(doc.tokens[2].flags & TEXT_CLAUSE, TEXT_CLAUSE,
	    "a quotation of eight words marks a clause");
	analyse("Iran warned, \"pay dearly\" and more.");
	CHECK_INT(doc.tokens[2].flags & TEXT_CLAUSE, TEXT_CLAUSE,
	    "a quotation after a comma keeps its mark");
	analyse("Iran said \"we will, if we must\" strike.");
	CHECK_INT(doc.tokens[2].flags & TEXT_CLAUSE, TEXT_CLAUSE,
	    "a quotation with a comma inside keeps its marks");
	CHECK_INT(doc.tokens[7].flags & TEXT_CLAUSE, TEXT_CLAUSE,
	    "and its closing mark opens no quotation of its own");

	/* The apostrophe after a plural's s, before a word, makes the
	 * word a possessive, in title case and with the curly mark; an
	 * open quotation in single quotes ends there instead. */
	analyse("Varnia Burns Smugglers' Boats, Ostland Shrugs");
	CHECK_STR(folds(), "varnia burns smugglers boats ostland shrugs",
	    "a plural possessive folds without its apostrophe");
	CHECK_INT(doc.tokens[2].flags & TEXT_POSS, TEXT_POSS,
	    "a title-case plural possessive is a possessive");
	CHECK_INT(doc.tokens[2].end, 23, "and its word spans its apostrophe");
	CHECK_INT(doc.tokens[3].flags & TEXT_CLAUSE, 0,
	    "no mark stands between the owner and its noun");
	analyse("the herders\xe2\x80\x99 wells ran dry.");
	CHECK_INT(doc.tokens[1].flags & TEXT_POSS, TEXT_POSS,
	    "a curly plural possessive is a possessive");
	analyse("Chad called it 'a game of the generals' and left.");
	CHECK_INT(doc.tokens[7].flags & TEXT_POSS, 0,
	    "a single quote closing a quotation is no possessive");
	analyse("Chad was angry at the generals'");
	CHECK_INT(doc.tokens[5].flags & TEXT_POSS, 0,
	    "nor is an apostrophe with no word after it");

	analyse("Iran\xe2\x80\x99s Israel-Hamas war");
	CHECK_STR(folds(), "iran israel hamas war",
	    "curly possessive dropped, hyphen splits words");

	analyse("the U.S. and US and us");
	CHECK_STR(folds(), "the us and us and us", "U.S. folds to us");
	CHECK_INT(doc.tokens[1].flags & TEXT_CAPS, TEXT_CAPS, "U.S. is in capitals");
	CHECK_INT(doc.tokens[3].flags & TEXT_CAPS, TEXT_CAPS, "US is in capitals");
	CHECK_INT(doc.tokens[5].flags & TEXT_CAPS, 0, "us is not");
	analyse("Iran won't act, can't wait and shan't go.");
	CHECK_STR(folds(), "iran will not act can not wait and shall not go",
	    "won't, can't and shan't read will not, can not, shall not");
	/* With the typographic apostrophe (three bytes), both tokens
	 * still hold whole characters: "wo" and "n't" as written. */
	analyse("Iran won\xe2\x80\x99t act.");
	CHECK_STR(folds(), "iran will not act",
	    "won't with a curly apostrophe reads will not");
	CHECK_INT(doc.tokens[1].start, 5, "curly won't: will starts at wo");
	CHECK_INT(doc.tokens[1].end, 7, "curly won't: will ends before n't");
	CHECK_INT(doc.tokens[2].start, 7,
	    "curly won't: not starts at n, not inside the apostrophe");
	CHECK_INT(doc.tokens[2].end, 12, "curly won't: not ends after t");
}

static void
test_folding(void)
{
	char *f;

	analyse("\xc4\xb0ran IRAN \xef\xbc\xa9\xef\xbc\xb2\xef\xbc\xa1\xef\xbc\xae "
	    "Erdo\xc4\x9f" "an");
	CHECK_STR(folds(), "iran iran iran erdogan",
	    "dotted capital I, capitals, full-width forms and marks fold");

	analyse("\xd0\x98\xd0\xb7\xd1\x80\xd0\xb0\xd0\xb8\xd0\xbb\xd1\x8c "
	    "\xd7\x99\xd7\xa9\xd7\xa8\xd7\x90\xd7\x9c "
	    "\xd8\xa5\xd9\x8a\xd8\xb1\xd8\xa7\xd9\x86.");
	CHECK_INT(doc.n_tokens, 3, "Cyrillic, Hebrew and Arabic words are words");
	CHECK_STR(sentence(0), src, "and the sentence survives as written");
	CHECK_STR(doc.tokens[0].fold,
	    "\xd0\xb8\xd0\xb7\xd1\x80\xd0\xb0\xd0\xb8\xd0\xbb\xd1\x8c",
	    "Cyrillic is case-folded");

	f = text_fold("TEHRAN", 6);
	CHECK_STR(f, "tehran", "text_fold folds a word");
	free(f);

	analyse("ab\xff\xfe" "cd ef");
	CHECK(doc.n_tokens >= 2, "invalid UTF-8 is a space, not a failure");
}

static void
test_stems(void)
{
	struct text_stemmer *st;
	const char *words[] = { "retaliate", "retaliated", "retaliation",
	    "retaliates", NULL };
	char first[64];
	const char *s;
	size_t n, i;
	int same = 1;

	st = text_stemmer_new("english");
	CHECK(st != NULL, "libstemmer has English");
	s = text_stem(st, words[0], strlen(words[0]), &n);
	snprintf(first, sizeof(first), "%.*s", (int)n, s);
	for (i = 1; words[i] != NULL; i++) {
		s = text_stem(st, words[i], strlen(words[i]), &n);
		if (strlen(first) != n || strncmp(first, s, n) != 0)
			same = 0;
	}
	CHECK(same, "retaliate, retaliated, retaliation, retaliates meet");
	text_stemmer_free(st);
	CHECK(text_stemmer_new("klingon") == NULL, "unknown language: NULL");
}

/* Where a title ends without its outlet's name after the last dash. */
static void
test_title_end(void)
{
	static const struct {
		const char	*title;
		size_t		 end;
	} t[] = {
		/* an aggregator's outlet: nobody in the story */
		{ "Chad shells a town - The Ostland Herald", 18 },
		{ "Chad shells a town - The Times of Sudan", 18 },
		{ "Chad shells a town - Varnia News | English", 18 },
		{ "Chad shells a town - Voice of Ostland - VO News", 18 },
		/* a lone word may be a party that speaks ("- US") */
		{ "Chad could shell a town - US", 28 },
		/* lower case or a possessive: a speaker, not an outlet */
		{ "Chad could shell a town - Sudan officials", 41 },
		{ "Chad could shell a town - Sudan's president", 43 },
		{ "Chad shells a town - and Sudan waits", 36 },
		/* too long for a name */
		{ "Chad - A B C D E F G", 20 },
		{ "- Ostland Herald", 16 },
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		CHECK_INT(text_title_end(t[i].title, strlen(t[i].title)),
		    t[i].end, t[i].title);
}

int
main(void)
{
	test_sentences();
	test_tokens();
	test_folding();
	test_stems();
	test_title_end();
	text_doc_free(&doc);
	return check_done();
}
