/*
 * rules_context.c: whether a hit stands in the context its rule asks
 * for (the rule key context).  "Talks" are peace talks only in a story
 * about a war, or between parties at war: one of the rule's context
 * phrases must stand in the title, in the hit's sentence or in the one
 * before or after it (a feed item says what the story is about in one
 * sentence and who meets whom in the next; a long article turns from
 * the war to a coalition's talks at home), anywhere in the article for
 * a hit in the title (which names the whole story), or the hit must
 * name two actors that are rivals (an actor's key rivals: "India and
 * Pakistan resumed their dialogue").  Each sentence is scanned at most
 * once per rule, before a hit of the rule is judged near it: a scan
 * appends to the occurrences, so it never runs while a judge holds one
 * of them.  And whether a call for a step is a bystander's (the rule
 * key callers): a party to the conflict is known by its kind, its
 * forces or its rivals named beside it.  And whether a hit is between
 * rivals (the rule key between): the one acting and another party the
 * hit names, not two parties it only names ("the G7 met on the war
 * between Varnia and Ostland").
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "rules.h"
#include "rules_priv.h"
#include "text.h"

/* Per rule, in run->context, and per rule and sentence, in
 * run->context_at: not yet looked for, absent, present. */
enum { CONTEXT_UNKNOWN, CONTEXT_ABSENT, CONTEXT_PRESENT };

/* How many sentences on either side of the one judged a context phrase
 * may stand in: the judged BBC articles of 2025 in full text lost seven
 * talks judged wrong and none judged right with one, five with two. */
#define CONTEXT_REACH	1

/* Whether occurrences [from, run->n_occs) hold a context phrase of ri. */
static int
rules_context_found(const struct rules_run *run, size_t from, size_t ri)
{
	const struct rules_pat *p;
	size_t k;

	for (k = from; k < run->n_occs; k++) {
		p = &run->r->pats[run->occs[k].pat];
		if (p->kind == PAT_CONTEXT && p->owner == ri)
			return 1;
	}
	return 0;
}

/*
 * Whether sentence i holds a context phrase of rule ri: 1, 0, or -1 out
 * of memory.  The sentence being judged keeps its occurrences below
 * keep; the others' are appended a part at a time and dropped again.  A
 * hostile "sentence" of a megabyte is scanned in the parts that judging
 * cuts it into, so that its occurrences never pile up (a phrase across
 * a cut is not found, as in judging).
 */
static int
rules_context_in(struct rules_run *run, size_t ri, size_t i)
{
	const struct text_sentence *sn = &run->doc.sentences[i];
	unsigned char *at = run->context_at[ri];
	size_t keep = run->n_occs, first, end;
	int found = 0;

	if (at[i] != CONTEXT_UNKNOWN)
		return at[i] == CONTEXT_PRESENT;
	for (first = sn->first; first < sn->first + sn->n_tokens && !found;
	    first = end) {
		end = sn->first + sn->n_tokens;
		if (end - first > RULES_MAX_SENTENCE)
			end = first + RULES_MAX_SENTENCE;
		/* Walked only from the tokens a context phrase may begin
		 * with: a walk from every word that begins any phrase
		 * (actors, cues, terms) was 3% of a cold poll. */
		if (rules_scan_marked(run, first, end, RULES_CONTEXT) == -1) {
			run->n_occs = keep;
			return -1;
		}
		found = rules_context_found(run, keep, ri);
		run->n_occs = keep;
	}
	at[i] = found ? CONTEXT_PRESENT : CONTEXT_ABSENT;
	return found;
}

/*
 * The words that may begin a context phrase: the word of each edge from
 * the root of the trie under which a path ends in one.  Each node but
 * the root has one parent (rules_child makes a node per edge).
 */
int
rules_context_build(struct rules *r)
{
	uint32_t *parent, *word, w;
	unsigned char *below;
	size_t i, n;
	int32_t o;

	r->context_all = 0;
	if ((r->context_first = calloc(r->n_words + 1, 1)) == NULL)
		return -1;
	parent = calloc(r->n_nodes, sizeof(*parent));
	word = calloc(r->n_nodes, sizeof(*word));
	below = calloc(r->n_nodes, 1);
	if (parent == NULL || word == NULL || below == NULL) {
		free(parent);
		free(word);
		free(below);
		return -1;
	}
	for (i = 0; i < r->edges_cap; i++)
		if (r->edges[i].key != 0) {
			parent[r->edges[i].child] =
			    (uint32_t)((r->edges[i].key >> 32) - 1);
			word[r->edges[i].child] = (uint32_t)r->edges[i].key;
		}
	/* Each node on the way to an output of a context phrase. */
	for (i = 1; i < r->n_nodes; i++)
		for (o = r->nodes[i].out; o != -1; o = r->outs[o].next) {
			if (r->pats[r->outs[o].pat].kind != PAT_CONTEXT)
				continue;
			for (n = i; n != 0 && !below[n]; n = parent[n])
				below[n] = 1;
			break;
		}
	for (i = 1; i < r->n_nodes; i++) {
		if (parent[i] != 0 || !below[i])
			continue;
		w = word[i];
		if (w <= r->n_words)
			r->context_first[w] = 1;
		else
			r->context_all = 1;	/* a gap */
	}
	free(parent);
	free(word);
	free(below);
	return 0;
}

int
rules_context_scan(struct rules_run *run, size_t ri)
{
	size_t n = run->doc.n_sentences, i, from, to;
	int found = 0;

	if (run->r->cfg->rules[ri].context.n == 0)
		return 0;
	if (run->context == NULL &&
	    ((run->context = calloc(run->r->cfg->n_rules, 1)) == NULL ||
	    (run->context_at = calloc(run->r->cfg->n_rules,
	    sizeof(*run->context_at))) == NULL))
		return -1;
	if (run->context_at[ri] == NULL &&
	    (run->context_at[ri] = calloc(n > 0 ? n : 1, 1)) == NULL)
		return -1;
	from = run->judged > CONTEXT_REACH ? run->judged - CONTEXT_REACH : 0;
	to = run->judged + CONTEXT_REACH + 1 < n ?
	    run->judged + CONTEXT_REACH + 1 : n;
	/* a title names the story, so its context is the whole article */
	if (run->judged < n &&
	    run->doc.sentences[run->judged].start < run->title_end)
		to = n;
	/* the title's sentences first, then those near the one judged */
	for (i = 0; i < n && !found && i < from &&
	    run->doc.sentences[i].start < run->title_end; i++)
		if ((found = rules_context_in(run, ri, i)) == -1)
			return -1;
	for (i = from; i < to && !found; i++)
		if ((found = rules_context_in(run, ri, i)) == -1)
			return -1;
	run->context[ri] = found ? CONTEXT_PRESENT : CONTEXT_ABSENT;
	return 0;
}

/* Whether actor a names name among its rivals. */
static int
rules_names_rival(const struct config *cfg, long a, const char *name)
{
	size_t j;

	for (j = 0; j < cfg->actors[a].rivals.n; j++)
		if (strcmp(cfg->actors[a].rivals.v[j], name) == 0)
			return 1;
	return 0;
}

/* The name of the hit's k-th party, its actors first. */
static const char *
rules_party(const struct rule_hit *hit, size_t k)
{
	return k < hit->n_actors ? hit->actors[k] :
	    hit->targets[k - hit->n_actors];
}

/* Whether parties j and k of the hit are rivals, said on either side. */
static int
rules_parties_rivals(const struct config *cfg, const struct rule_hit *hit,
    size_t j, size_t k)
{
	long a;

	return ((a = config_actor_index(cfg, rules_party(hit, j))) != -1 &&
	    rules_names_rival(cfg, a, rules_party(hit, k))) ||
	    ((a = config_actor_index(cfg, rules_party(hit, k))) != -1 &&
	    rules_names_rival(cfg, a, rules_party(hit, j)));
}

/* Whether one of the hit's first sides parties (its actors come first)
 * and another of its parties are rivals: for the context waiver any
 * two (sides: all of them), for between the one acting and another. */
static int
rules_rivals_among(const struct config *cfg, const struct rule_hit *hit,
    size_t sides)
{
	size_t j, k, n = hit->n_actors + hit->n_targets;

	for (j = 0; j < sides; j++)
		for (k = j + 1; k < n; k++)
			if (rules_parties_rivals(cfg, hit, j, k))
				return 1;
	return 0;
}

int
rules_rivals(const struct config *cfg, long a, long b)
{
	return rules_names_rival(cfg, a, cfg->actors[b].name) ||
	    rules_names_rival(cfg, b, cfg->actors[a].name);
}

static int
rules_armed(enum actor_kind kind)
{
	return kind == ACTOR_MILITARY || kind == ACTOR_ARMED_GROUP ||
	    kind == ACTOR_HOSTAGE_TAKERS;
}

int
rules_bystander_call(const struct rules_run *run, long agent, int mood)
{
	const struct actor_mention *m;
	size_t k;

	if (!(mood & (CLAUSE_DEMAND | CLAUSE_WISH)) ||
	    (mood & CLAUSE_DEMAND_OTHER) || agent < 0)
		return 0;
	m = &run->am[agent];
	if (rules_armed(m->kind))
		return 0;
	/* "an aide to Sadr" calls for his militia */
	if (m->actor >= 0 &&
	    rules_armed((enum actor_kind)run->r->cfg->actors[m->actor].kind))
		return 0;
	for (k = 0; k < run->n_am; k++) {
		/* an order to its own forces, or to fighters ("ordered its
		 * troops to pull back") is a side's step */
		if (rules_armed(run->am[k].kind) && (run->am[k].actor < 0 ||
		    run->am[k].actor == m->actor))
			return 0;
		if (m->actor >= 0 && run->am[k].actor >= 0 &&
		    run->am[k].actor != m->actor &&
		    rules_rivals(run->r->cfg, m->actor, run->am[k].actor))
			return 0;
	}
	return 1;
}

int
rules_between_build(struct rules *r)
{
	const struct config *cfg = r->cfg;
	const char *p;
	size_t i, j;
	long a;

	if ((r->rival_linked = calloc(cfg->n_actors + 1, 1)) == NULL)
		return -1;
	r->rivals_by_index = 1;
	for (i = 0; i < cfg->n_actors; i++) {
		for (j = 0; j < cfg->actors[i].rivals.n; j++) {
			r->rival_linked[i] = 1;
			a = config_actor_index(cfg, cfg->actors[i].rivals.v[j]);
			if (a == -1)
				r->rivals_by_index = 0;
			else
				r->rival_linked[a] = 1;
		}
		for (p = cfg->actors[i].name; *p != '\0'; p++)
			if (*p >= 'A' && *p <= 'Z')
				r->rivals_by_index = 0;
		for (j = 0; j < cfg->n_roles; j++)
			if (strcmp(cfg->roles[j].name,
			    cfg->actors[i].name) == 0)
				r->rivals_by_index = 0;
	}
	return 0;
}

int
rules_between_met(const struct config *cfg, const struct rule_hit *hit)
{
	if (!hit->rule->between_rivals)
		return 1;
	/* with no one acting (agent "none"), any party may be one side */
	return rules_rivals_among(cfg, hit, hit->n_actors > 0 ?
	    hit->n_actors : hit->n_actors + hit->n_targets);
}

int
rules_context_met(const struct rules_run *run, const struct rule_hit *hit)
{
	const struct config *cfg = run->r->cfg;
	size_t ri = (size_t)(hit->rule - cfg->rules);

	if (hit->rule->context.n == 0)
		return 1;
	if (run->context != NULL && run->context[ri] == CONTEXT_PRESENT)
		return 1;
	return rules_rivals_among(cfg, hit, hit->n_actors + hit->n_targets);
}
