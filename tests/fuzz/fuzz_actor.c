/*
 * fuzz_actor: noun phrases and agents on hostile text.  Names and roles
 * come from a small word list, as the rules' trie would find them, plus
 * overlapping and out-of-order-length words chosen by the input's own
 * bytes; every clause the analysis finds is asked for its agent.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "actor.h"
#include "clause.h"
#include "text.h"

static const struct {
	const char	*fold;
	long		 actor, role;
	enum actor_kind	 kind;
} dict[] = {
	{ "iran", 0, -1, ACTOR_STATE },
	{ "iranian", 0, -1, ACTOR_STATE },
	{ "sudan", 1, -1, ACTOR_STATE },
	{ "hezbollah", 2, -1, ACTOR_ARMED_GROUP },
	{ "army", -1, 0, ACTOR_MILITARY },
	{ "troops", -1, 0, ACTOR_MILITARY },
	{ "militants", -1, 1, ACTOR_ARMED_GROUP },
	{ "players", -1, 2, ACTOR_SPORTS },
	{ "president", -1, 3, ACTOR_OFFICIAL },
};

/* The words of sentence sn, sorted by first token; how many. */
static size_t
find_words(const struct text_doc *doc, const struct text_sentence *sn,
    struct actor_word *w, size_t cap)
{
	size_t t, k, n = 0, end = sn->first + sn->n_tokens;

	for (t = sn->first; t < end && n + 2 <= cap; t++) {
		const struct text_token *tok = &doc->tokens[t];

		for (k = 0; k < sizeof(dict) / sizeof(dict[0]); k++)
			if (strcmp(tok->fold, dict[k].fold) == 0)
				w[n++] = (struct actor_word){ t, t + 1,
				    dict[k].actor, dict[k].role, dict[k].kind };
		/* A longer word over the next tokens, by the token's
		 * bytes, as a multiword name would be. */
		if (tok->fold_len > 0 && (unsigned char)tok->fold[0] % 5 == 0)
			w[n++] = (struct actor_word){ t, t + 1 +
			    (unsigned char)tok->fold[0] % 4 > end ? end :
			    t + 1 + (unsigned char)tok->fold[0] % 4, 3, -1,
			    (enum actor_kind)(tok->fold_len % ACTOR_N_KINDS) };
	}
	return n;
}

/* carry: a mention of the sentence before, put after this one's own
 * as a pronoun's antecedent (actor.h); kept for the next. */
static void
fuzz_sentence(const struct clause_lang *lang, const struct text_doc *doc,
    const struct text_sentence *sn, int headline,
    struct actor_mention *carry, int *has_carry)
{
	struct actor_mention *all;
	struct actor_word w[256];
	struct actor_mention *m;
	struct clause_sentence cs;
	size_t n_w, n, k, t;
	long a;
	int analysed;

	n_w = find_words(doc, sn, w, 256);
	memset(&cs, 0, sizeof(cs));
	analysed = lang != NULL && clause_analyse(lang, doc, sn, headline,
	    &cs) == 0;
	if (actor_mentions(doc, sn, headline, analysed ? &cs : NULL, w, n_w,
	    &m, &n) == -1) {
		clause_sentence_free(&cs);
		return;
	}
	if (analysed)
		actor_own_by_speaker(m, n, &cs, doc);
	for (k = 0; k < n; k++) {
		/* the contract: in the sentence, in text order, head inside */
		if (m[k].first >= m[k].end || m[k].first < sn->first ||
		    m[k].end > sn->first + sn->n_tokens ||
		    m[k].head < m[k].first || m[k].head >= m[k].end ||
		    (k > 0 && m[k].first < m[k - 1].end) ||
		    m[k].kind >= ACTOR_N_KINDS)
			abort();
	}
	if ((all = realloc(m, (n + 1) * sizeof(*all))) == NULL) {
		free(m);
		clause_sentence_free(&cs);
		return;
	}
	m = all;
	if (*has_carry)
		m[n] = *carry;
	if (analysed)
		for (t = sn->first; t <= sn->first + sn->n_tokens; t++) {
			a = actor_agent(m, n + (size_t)*has_carry, &cs, doc,
			    t);
			if (a < -1 || a >= (long)(n + (size_t)*has_carry))
				abort();
			/* an owner is a named party, never a carried one */
			a = actor_owner_at(m, n, &cs, doc, t);
			if (a < -1 || a >= (long)n || (a >= 0 &&
			    m[a].actor < 0))
				abort();
			/* so is the party that a step's noun names after it,
			 * wherever t stands, the sentence's end included */
			a = actor_step_party_after(m, n, doc, t);
			if (a < -1 || a >= (long)n || (a >= 0 &&
			    m[a].actor < 0))
				abort();
		}
	clause_sentence_free(&cs);
	if (n > 0) {
		*carry = m[0];
		*has_carry = 1;
	}
	free(m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct clause_lang *lang = clause_lang_find("english");
	struct text_doc doc;
	struct actor_mention carry;
	int has_carry = 0;
	size_t i;

	if (size > 1 << 16)
		return 0;
	if (text_analyse((const char *)data, size, &doc) == 0)
		for (i = 0; i < doc.n_sentences; i++)
			fuzz_sentence(lang, &doc, &doc.sentences[i], i == 0,
			    &carry, &has_carry);
	text_doc_free(&doc);
	return 0;
}
