/*
 * rules_agent.c: what a rule with clause keys reads of a sentence before
 * it judges a term, done once per sentence and language: the clauses
 * (clause.h), the actor mentions (actor.h), and who acts for a term,
 * with a pronoun's antecedent carried from the sentence before when the
 * sentence names no one it could stand for.  And, before all that,
 * whether a rule asking for rivals can fire there at all.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actor.h"
#include "clause.h"
#include "config.h"
#include "rules.h"
#include "rules_priv.h"
#include "text.h"

/* Sentences before a pronoun's that its antecedent may be in. */
#define RULES_CARRY_BACK	1

void
rules_clause_reset(struct rules_run *run)
{
	clause_sentence_free(&run->cs);
	free(run->am);
	run->am = NULL;
	run->n_am = 0;
	run->cs_sentence = NULL;
	run->carry_state = 0;
}

static int
rules_word_order(const void *a, const void *b)
{
	const struct actor_word *x = a, *y = b;

	if (x->first != y->first)
		return x->first < y->first ? -1 : 1;
	return x->end > y->end ? -1 : x->end < y->end;
}

/*
 * "A Darfur rebel spokesman said the group would free the captives":
 * a role with "the" that opens the subject of a reported clause is
 * the speaker's own party when the speaker's actor is of the role's
 * kind (the group of an armed group's spokesman, the army of a
 * military's).  Sets the actor of such mentions in m.
 */
static void
rules_own_by_kind(const struct rules_run *run, struct actor_mention *m,
    size_t n, const struct clause_sentence *cs)
{
	const struct config *cfg = run->r->cfg;
	const struct clause *c;
	size_t k;
	long sp;

	for (k = 0; k < n; k++) {
		if (m[k].role < 0 || m[k].actor >= 0 || m[k].first == 0 ||
		    strcmp(run->doc.tokens[m[k].first - 1].fold, "the") != 0 ||
		    (c = clause_at(cs, m[k].first)) == NULL ||
		    c->subj_first != m[k].first - 1 ||
		    c->role != CLAUSE_REPORTED)
			continue;
		sp = actor_speaker_at(m, n, cs, &run->doc, m[k].first);
		if (sp >= 0 && (size_t)sp != k && m[sp].actor >= 0 &&
		    (enum actor_kind)cfg->actors[m[sp].actor].kind ==
		    m[k].kind)
			m[k].actor = m[sp].actor;
	}
}

/* The actor mentions of sentence sn, from the name and role words
 * among run->occs, read with sn's clause analysis cs (which also gives
 * "its forces" in reported speech their speaker as owner). */
static int
rules_actor_mentions(struct rules_run *run, const struct text_sentence *sn,
    const struct clause_sentence *cs, struct actor_mention **am,
    size_t *n_am)
{
	const struct rules *r = run->r;
	const struct rules_pat *p;
	struct actor_word *words;
	size_t k, n = 0;
	int rc;

	if ((words = calloc(run->n_occs + 1, sizeof(*words))) == NULL)
		return -1;
	for (k = 0; k < run->n_occs; k++) {
		p = &r->pats[run->occs[k].pat];
		if (!RULES_OCC_NAME(r, &run->occs[k], PAT_ACTOR) &&
		    !RULES_OCC_NAME(r, &run->occs[k], PAT_ROLE))
			continue;
		words[n].first = run->occs[k].start;
		words[n].end = run->occs[k].end;
		words[n].actor = p->kind == PAT_ACTOR ? (long)p->owner : -1;
		words[n].role = p->kind == PAT_ROLE ? (long)p->owner : -1;
		words[n].kind = (enum actor_kind)(p->kind == PAT_ACTOR ?
		    r->cfg->actors[p->owner].kind :
		    r->cfg->roles[p->owner].kind);
		n++;
	}
	qsort(words, n, sizeof(*words), rules_word_order);
	rc = actor_mentions(&run->doc, sn, sn->start < run->title_end, cs,
	    words, n, am, n_am);
	if (rc == 0) {
		actor_own_by_speaker(*am, *n_am, cs, &run->doc);
		rules_own_by_kind(run, *am, *n_am, cs);
	}
	free(words);
	return rc;
}

/* The agent of the first main clause of cs that has one, or -1. */
static long
rules_main_agent(const struct rules_run *run, const struct clause_sentence *cs,
    const struct actor_mention *am, size_t n_am)
{
	size_t i;
	long k = -1;

	for (i = 0; i < cs->n_clauses && k < 0; i++)
		if (cs->clauses[i].role == CLAUSE_MAIN &&
		    cs->clauses[i].verb.first < cs->clauses[i].verb.end)
			k = actor_agent(am, n_am, cs, &run->doc,
			    cs->clauses[i].verb.head);
	return k;
}

/* Keep the agent of sentence sn (NULL: it has none) in run->seen. */
static void
rules_seen_push(struct rules_run *run, const struct text_sentence *sn,
    const struct actor_mention *agent)
{
	run->seen[1] = run->seen[0];
	run->seen[0].first = sn->first;
	run->seen[0].state = agent != NULL ? 2 : 1;
	if (agent != NULL)
		run->seen[0].agent = *agent;
}

/* The clauses and the actor mentions of sentence sn, in language lang. */
int
rules_clause_prepare(struct rules_run *run, const struct text_sentence *sn,
    int lang)
{
	const struct rules *r = run->r;

	if (run->cs_sentence == sn && run->cs_lang == lang)
		return 0;
	rules_clause_reset(run);
	if (r->clause_lang[lang] != NULL && clause_analyse(r->clause_lang[lang],
	    &run->doc, sn, sn->start < run->title_end, &run->cs) == -1) {
		clause_sentence_free(&run->cs);
		return -1;
	}
	if (rules_actor_mentions(run, sn, &run->cs, &run->am, &run->n_am) ==
	    -1)
		return -1;
	run->cs_sentence = sn;
	run->cs_lang = lang;
	/* a part of an overlong sentence is a copy, outside the array: its
	 * agent is not the whole sentence's, which rules_carried reads */
	if (r->clause_lang[lang] != NULL && run->seen[0].first != sn->first &&
	    sn >= run->doc.sentences &&
	    sn < run->doc.sentences + run->doc.n_sentences) {
		long k = rules_main_agent(run, &run->cs, run->am, run->n_am);

		rules_seen_push(run, sn, k >= 0 ? &run->am[k] : NULL);
	}
	return 0;
}

/* The agent of the first main clause of sentence ps that has one
 * (written into *out); 1 when found, 0 when not, -1 out of memory.
 * run->occs are set aside meanwhile: the caller holds pointers into
 * them. */
static int
rules_agent_of(struct rules_run *run, const struct text_sentence *ps,
    int lang, struct actor_mention *out)
{
	struct rules_occ *occs = run->occs;
	size_t n_occs = run->n_occs, cap_occs = run->cap_occs, n_am = 0;
	struct clause_sentence cs;
	struct actor_mention *am = NULL;
	long k = -1;
	int rc = -1;

	memset(&cs, 0, sizeof(cs));
	run->occs = NULL;
	run->n_occs = run->cap_occs = 0;
	if (rules_scan(run, ps->first, ps->first + ps->n_tokens) == -1 ||
	    clause_analyse(run->r->clause_lang[lang], &run->doc, ps,
	    ps->start < run->title_end, &cs) == -1 ||
	    rules_actor_mentions(run, ps, &cs, &am, &n_am) == -1)
		goto done;
	k = rules_main_agent(run, &cs, am, n_am);
	if (k >= 0)
		*out = am[k];
	rc = k >= 0;
done:
	clause_sentence_free(&cs);
	free(am);
	free(run->occs);
	run->occs = occs;
	run->n_occs = n_occs;
	run->cap_occs = cap_occs;
	return rc;
}

/* The agent a pronoun of sentence sn may stand for, that of the
 * sentence before (written into *out): 1 when there is one, 0 when not,
 * -1 out of memory.  The parts of an overlong sentence carry nothing. */
static int
rules_carried(struct rules_run *run, const struct text_sentence *sn,
    int lang, struct actor_mention *out)
{
	size_t si, back, k;
	int rc = 0;

	if (run->r->clause_lang[lang] == NULL)
		return 0;
	/* a part of an overlong sentence is a copy, outside the array */
	if (sn < run->doc.sentences ||
	    sn >= run->doc.sentences + run->doc.n_sentences)
		return 0;
	si = (size_t)(sn - run->doc.sentences);
	for (back = 1; back <= RULES_CARRY_BACK && back <= si && rc == 0;
	    back++) {
		const struct text_sentence *ps = &run->doc.sentences[si - back];

		for (k = 0; k < 2; k++)
			if (run->seen[k].state != 0 &&
			    run->seen[k].first == ps->first)
				break;
		if (k < 2) {
			/* analysed already, its agent kept */
			rc = run->seen[k].state == 2;
			if (rc)
				*out = run->seen[k].agent;
			continue;
		}
		if ((rc = rules_agent_of(run, ps, lang, out)) == -1)
			return -1;
		/* kept: asked before the analysis (rules_between_possible),
		 * it is asked again after it */
		rules_seen_push(run, ps, rc ? out : NULL);
	}
	return rc;
}

/* Look for the carried agent of sentence sn once (rules_run). */
static int
rules_carry(struct rules_run *run, const struct text_sentence *sn, int lang)
{
	struct actor_mention carried, *am;
	int rc;

	if (run->carry_state != 0)
		return 0;
	run->carry_state = 1;
	if ((rc = rules_carried(run, sn, lang, &carried)) <= 0)
		return rc;
	if ((am = realloc(run->am, (run->n_am + 1) * sizeof(*am))) == NULL)
		return -1;
	run->am = am;
	am[run->n_am] = carried;
	run->carry_state = 2;
	return 0;
}

/* Who acts for rule ri at token t, among the first n of run->am. */
static long
rules_agent_among(const struct rules_run *run, size_t ri, size_t t, size_t n)
{
	switch (run->r->cfg->rules[ri].agent) {
	case RULE_AGENT_SPEAKER:
		return actor_speaker_at(run->am, n, &run->cs, &run->doc, t);
	case RULE_AGENT_OWNER:
		return actor_owner_at(run->am, n, &run->cs, &run->doc, t);
	default:
		return actor_agent(run->am, n, &run->cs, &run->doc, t);
	}
}

/*
 * Does mention m stand after token t, in a clause told beside the
 * term's that a word such as "as" or "while" opens ("truce holds as
 * Chadians protest")?  Then the party does something of its own there.
 * Not before the term: "Chad frees captives as the truce holds" tells
 * of a party to it.
 */
static int
rules_beside_after(const struct rules_run *run,
    const struct actor_mention *m, size_t t)
{
	size_t k;

	/* not "and": "truce talks with Chad and Sudan" joins parties */
	for (k = t + 1; k < m->first; k++)
		if (rules_in(&run->doc.tokens[k], rules_beside_words) &&
		    strcmp(run->doc.tokens[k].fold, "and") != 0)
			return 1;
	return 0;
}

/*
 * Who acts for rule ri at token t: by the clause analysis, with a name
 * carried from the sentences before for a pronoun.  A title whose verb
 * group has no one acting ("Hopes high among rebels before truce
 * talks": headlines drop verbs and articles, and the analysis takes
 * their nouns for subjects) is acted in by its first actor of one of
 * the rule's kinds (the mentions are the title's own); not for agent =
 * "speaker", whose subject suffers.  When that actor is named after the
 * term in a clause told beside it ("truce holds as Chadians protest"),
 * it does something of its own there: it still shows the title's
 * parties to be of the rule's kinds, but *unnamed is set, and the hit
 * names no one acting.  Looking for that name analyses
 * those sentences again, so it is done only when a stand-in before the
 * sentence would be taken: when a pronoun stands for no one named in
 * this one.
 */
int
rules_acting(struct rules_run *run, const struct text_sentence *sn,
    size_t ri, size_t t, long *agent, int *unnamed)
{
	const struct rules *r = run->r;
	struct actor_mention *am;

	*unnamed = 0;
	if (r->cfg->rules[ri].agent == RULE_AGENT_NONE) {
		*agent = -1;
		return 0;
	}
	*agent = rules_agent_among(run, ri, t, run->n_am);
	/* a noun's owner is named beside it, or there is none */
	if (r->cfg->rules[ri].agent == RULE_AGENT_OWNER)
		return 0;
	if (*agent < 0 && sn->start < run->title_end &&
	    r->cfg->rules[ri].agent != RULE_AGENT_SPEAKER) {
		size_t k;

		for (k = 0; k < run->n_am; k++)
			if ((r->rule_kinds[ri] >> run->am[k].kind) & 1) {
				*agent = (long)k;
				*unnamed = rules_beside_after(run,
				    &run->am[k], t);
				return 0;
			}
	}
	if (*agent >= 0 || r->rule_kinds[ri] == 0 || sn->first == 0 ||
	    run->carry_state == 1)
		return 0;
	if (run->carry_state == 0) {
		if ((am = realloc(run->am, (run->n_am + 1) * sizeof(*am))) ==
		    NULL)
			return -1;
		run->am = am;
		memset(&am[run->n_am], 0, sizeof(*am));
		am[run->n_am].actor = am[run->n_am].role = -1;
		if (rules_agent_among(run, ri, t, run->n_am + 1) !=
		    (long)run->n_am)
			return 0;
		if (rules_carry(run, sn, r->rule_lang[ri]) == -1)
			return -1;
	}
	if (run->carry_state == 2)
		*agent = rules_agent_among(run, ri, t, run->n_am + 1);
	return 0;
}

/* Whether an actor of run->occs is a rival of actor a (none is its
 * own: config_check_rival). */
static int
rules_rival_named(const struct rules_run *run, long a)
{
	const struct rules *r = run->r;
	const struct rules_pat *p;
	size_t k;

	for (k = 0; k < run->n_occs; k++) {
		p = &r->pats[run->occs[k].pat];
		if (p->kind == PAT_ACTOR &&
		    rules_rivals(r->cfg, a, (long)p->owner))
			return 1;
	}
	return 0;
}

/*
 * The clause analysis costs more than this answer, and common words
 * ("meet", "met") send many sentences naming no rivals to it.  A hit's
 * parties are mentions of the actors among the sentence's phrases, and
 * the one acting may be the agent carried from the sentence before
 * (rules_acting), so two of those must be rivals (rivals_by_index says
 * when nothing else can be).  The carried agent is looked for only when
 * an actor named has rivals at all, and only where rules_acting would.
 */
int
rules_between_possible(struct rules_run *run, const struct text_sentence *sn,
    size_t ri)
{
	const struct rules *r = run->r;
	const struct config_rule *rule = &r->cfg->rules[ri];
	const struct rules_pat *p;
	struct actor_mention carried;
	size_t k;
	int linked = 0, rc;

	if (!rule->between_rivals || !r->rivals_by_index)
		return 1;
	for (k = 0; k < run->n_occs; k++) {
		p = &r->pats[run->occs[k].pat];
		if (p->kind != PAT_ACTOR || !r->rival_linked[p->owner])
			continue;
		linked = 1;
		if (rules_rival_named(run, (long)p->owner))
			return 1;
	}
	if (!linked || rule->agent == RULE_AGENT_NONE ||
	    rule->agent == RULE_AGENT_OWNER || r->rule_kinds[ri] == 0 ||
	    sn->first == 0)
		return 0;
	if ((rc = rules_carried(run, sn, r->rule_lang[ri], &carried)) <= 0)
		return rc;
	return carried.actor >= 0 && rules_rival_named(run, carried.actor);
}
