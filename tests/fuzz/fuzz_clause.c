/*
 * fuzz_clause: the clause analysis on hostile text.  The first byte
 * says whether the text is a headline; the rest is split into sentences
 * and each is analysed, then every token asked for its verb group.
 * Aborts when the clauses do not tile the sentence in order or a span
 * (subject, speaker, verb group, head) leaves it.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "clause.h"
#include "text.h"

static void
check_span(size_t first, size_t end, size_t lo, size_t hi)
{
	if (first > end || (first != end && (first < lo || end > hi)))
		abort();
}

static void
check_sentence(const struct text_doc *doc, const struct text_sentence *sn,
    const struct clause_sentence *cs)
{
	size_t i, t, lo = sn->first, hi = sn->first + sn->n_tokens;
	struct clause_verb v;
	char line[256];

	for (i = 0; i < cs->n_clauses; i++) {
		const struct clause *c = &cs->clauses[i];

		if (c->first != (i == 0 ? lo : cs->clauses[i - 1].end) ||
		    c->end <= c->first || c->end > hi)
			abort();
		if (c->parent < -1 || c->parent >= (long)cs->n_clauses ||
		    c->parent == (long)i)
			abort();
		check_span(c->subj_first, c->subj_end, lo, hi);
		check_span(c->speaker_first, c->speaker_end, lo, hi);
		check_span(c->verb.first, c->verb.end, c->first, c->end);
		if (c->verb.first != c->verb.end && (c->verb.head < c->first ||
		    c->verb.head >= c->end))
			abort();
		clause_verb_describe(&c->verb, line, sizeof(line));
	}
	if (sn->n_tokens > 0 && cs->clauses[cs->n_clauses - 1].end != hi)
		abort();
	for (t = lo; t < hi; t++) {
		if (clause_at(cs, t) == NULL)
			abort();
		if (clause_verb_at(cs, doc, t, &v) == 0 &&
		    (v.head < lo || v.head >= hi || v.first > v.end))
			abort();
		/* what a group has from its frame, it has */
		if (v.framed & ~v.mood)
			abort();
		clause_verb_describe(&v, line, 16);
		(void)clause_demand_not_to(cs, t);
		(void)clause_to_preposition(cs, doc, t);
		(void)clause_no_determiner(cs, t);
		(void)clause_contrast_not(cs, t);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct clause_lang *english = clause_lang_find("english");
	struct clause_sentence cs;
	struct text_doc doc;
	int headline;
	size_t s;

	if (size < 1 || size > 1 << 16 || english == NULL)
		return 0;
	headline = data[0] & 1;
	if (text_analyse((const char *)data + 1, size - 1, &doc) == 0)
		for (s = 0; s < doc.n_sentences; s++) {
			if (clause_analyse(english, &doc, &doc.sentences[s],
			    headline, &cs) == 0)
				check_sentence(&doc, &doc.sentences[s], &cs);
			clause_sentence_free(&cs);
		}
	text_doc_free(&doc);
	return 0;
}
