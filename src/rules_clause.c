/*
 * rules_clause.c: a rule with clause keys (mood, actor_kinds, negated)
 * judged on one sentence.  For each occurrence of its terms: the verb
 * group that governs the term's first own word (clause.h) must have one
 * of the rule's tenses or moods and none that it refuses ("!demand": a
 * step urged on someone else is nobody's step); a negated or denied
 * group drops the occurrence or makes it a hit of the rule's negated
 * category (a denied threat is de-escalation evidence); who acts in the
 * group (actor.h) must be of one of the rule's kinds; a group whose verb
 * is one of the rule's opposed_by ("opposed", "accused") voices a stance
 * against the term ("opposed mediation"), so the term is nobody's act.
 * The sentence is analysed once, when the first such rule needs it
 * (rules_agent.c).
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
#include "rules_whose.h"
#include "text.h"

/* How an alert names a mention: a named actor (or the owner of a role,
 * "Sudan's army") by its configuration name, a role alone by the role's
 * name, an unknown proper name as written.  buf holds the last. */
static const char *
rules_mention_name(const struct rules_run *run, const struct actor_mention *m,
    char *buf, size_t len)
{
	const struct text_token *tok = run->doc.tokens;

	if (m->actor >= 0)
		return run->r->cfg->actors[m->actor].name;
	if (m->role >= 0)
		return run->r->cfg->roles[m->role].name;
	if (m->end <= m->first)
		return "(unknown)";
	snprintf(buf, len, "%.*s", (int)(tok[m->end - 1].end -
	    tok[m->first].start), run->text + tok[m->first].start);
	return buf;
}

/* Tokens [first, end) as written, for --explain; "-" when empty. */
static void
rules_span(const struct rules_run *run, size_t first, size_t end, char *buf,
    size_t len)
{
	const struct text_token *tok = run->doc.tokens;

	if (end <= first || end > run->doc.n_tokens) {
		snprintf(buf, len, "-");
		return;
	}
	snprintf(buf, len, "\"%.*s\"", (int)(tok[end - 1].end -
	    tok[first].start), run->text + tok[first].start);
}

/* The clause analysis behind a candidate, one line for --explain. */
static void
rules_explain_candidate(struct rules_run *run, size_t ri,
    const struct rules_occ *o, size_t t, const struct clause_verb *v,
    long agent)
{
	const struct clause *c = clause_at(&run->cs, t);
	char verb[256], subj[256], speaker[256], name[256], word[128];

	if (run->explain == NULL)
		return;
	clause_verb_describe(v, verb, sizeof(verb));
	rules_span(run, t, t + 1, word, sizeof(word));
	if (c != NULL) {
		rules_span(run, c->subj_first, c->subj_end, subj, sizeof(subj));
		rules_span(run, c->speaker_first, c->speaker_end, speaker,
		    sizeof(speaker));
	} else {
		snprintf(subj, sizeof(subj), "-");
		snprintf(speaker, sizeof(speaker), "-");
	}
	rules_say(run, "candidate: rule %s: term \"%s\" at %s: %s; subject "
	    "%s; speaker %s; actor %s%s%s%s", run->r->cfg->rules[ri].name,
	    run->r->pats[o->pat].text, word, verb, subj, speaker,
	    agent >= 0 ? rules_mention_name(run, &run->am[agent], name,
	    sizeof(name)) : "none", agent >= 0 ? " (" : "",
	    agent >= 0 ? actor_kind_name(run->am[agent].kind) : "",
	    agent >= 0 ? ")" : "");
}

#define RULES_GROUP_ENDS	16	/* terms' ends kept for the targets */

/* The hits of one rule on one sentence being gathered: [0] in the
 * rule's category, [1] in its negated one. */
struct rules_group {
	const struct rules_occ	*first;
	long			 agent;
	int			 unnamed;	/* the agent only shows
						   the kinds (rules_acting) */
	struct rule_hit		 hit;
	size_t			 ends[RULES_GROUP_ENDS];	/* its terms' ends */
	size_t			 n_ends;
};

/* May the acting mention agent stand for rule ri?  why gets the reason
 * when not. */
static int
rules_agent_ok(struct rules_run *run, size_t ri, long agent, const char **why)
{
	const struct rules *r = run->r;
	const struct actor_mention *m;
	size_t k;

	if (agent < 0 && r->cfg->rules[ri].agent == RULE_AGENT_OWNER) {
		*why = "its noun names no owner (agent = \"owner\")";
		return 0;
	}
	if (r->rule_kinds[ri] == 0) {
		/* No kinds: the old condition, a named actor in reach. */
		if (!r->rule_any_actor[ri] && r->rule_n_actor_ids[ri] == 0)
			return 1;
		for (k = 0; k < run->n_mentions; k++)
			if (rules_allowed(run, ri, &run->mentions[k]))
				return 1;
		*why = "no actor in the sentence";
		return 0;
	}
	if (agent < 0) {
		*why = "no one acts in its verb group";
		return 0;
	}
	m = &run->am[agent];
	if (!((r->rule_kinds[ri] >> m->kind) & 1)) {
		*why = "its actor's kind is not among actor_kinds";
		return 0;
	}
	if (!r->rule_any_actor[ri] && r->rule_n_actor_ids[ri] > 0 &&
	    (m->actor < 0 || !rules_has_id(r->rule_actor_ids[ri],
	    r->rule_n_actor_ids[ri], (size_t)m->actor))) {
		*why = "its actor is not among the rule's actors";
		return 0;
	}
	return 1;
}

/*
 * Is the party named at token t, in a threat, beside the term at token
 * term rather than its object: named in a clause that such a word opens
 * ("..., as Varnia presses for a truce", "after Varnia's envoys
 * approved a ceasefire", "and Varnia warns of famine") that does not
 * hold the term nor govern it?  There the party does something of its
 * own next to the threat (mediates, votes, warns) and is not the one
 * threatened.  A retaliation's cause is told so too ("vows a response
 * as Varnia arms the rebels"), so it keeps its parties.
 */
static int
rules_beside_term(const struct rules_run *run, const char *cat, size_t term,
    const struct actor_mention *m)
{
	size_t t = m->first;
	const struct clause *ct = clause_at(&run->cs, term);
	const struct clause *cm = clause_at(&run->cs, t);
	const struct clause *c;
	size_t n;

	if (cat == NULL || strcmp(cat, "threat") != 0 || ct == NULL ||
	    cm == NULL || ct == cm || cm->role != CLAUSE_OTHER ||
	    !(rules_in(&run->doc.tokens[cm->first], rules_beside_words) ||
	    (cm->first > 0 && rules_in(&run->doc.tokens[cm->first - 1],
	    rules_beside_words))))
		return 0;
	/* it acts there: it is the clause's subject (past "the"), or the
	 * agent after "by"; one only named in it ("as talks with Varnia
	 * go on") may still be the one threatened */
	if (!(m->end == cm->subj_end && (t == cm->subj_first ||
	    (t == cm->subj_first + 1 && strcmp(run->doc.tokens[t - 1].fold,
	    "the") == 0))) && !(t > cm->first &&
	    strcmp(run->doc.tokens[t - 1].fold, "by") == 0))
		return 0;
	for (c = clause_parent(&run->cs, ct), n = 0; c != NULL &&
	    n < run->cs.n_clauses; c = clause_parent(&run->cs, c), n++)
		if (c == cm)
			return 0;
	return 1;
}

/* Actors and targets of a gathered hit of category cat; 0 when the
 * rule's targets are not met. */
static int
rules_group_parties(struct rules_run *run, const struct text_sentence *sn,
    size_t ri, const char *cat, struct rules_group *g)
{
	const struct rules *r = run->r;
	const struct rules_mention *s;
	const struct actor_mention *a = NULL;
	char buf[256];
	size_t k, after = 0;
	long own = -1, subject, reporter;
	int found = 0, step;
	enum actor_kind acting = ACTOR_UNKNOWN;

	if (g->agent >= 0) {
		a = &run->am[g->agent];
		own = a->actor;
		acting = a->kind;
		/* The speaker's threat is against its subject, wherever
		 * the speaker stands ("X would pay, Y said"); so is an
		 * agent's named after the term ("Israeli hostages freed by
		 * Hamas", "threats from Chad to Sudan's towns"): the party
		 * before it undergoes the act. */
		after = r->cfg->rules[ri].agent == RULE_AGENT_SPEAKER ||
		    a->first > g->first->start || g->unnamed ? 0 : a->end;
		if (!g->unnamed && rules_add_string(&g->hit.actors,
		    &g->hit.n_actors, rules_mention_name(run, a, buf,
		    sizeof(buf))) == -1)
			return -1;
	} else if (r->cfg->rules[ri].agent != RULE_AGENT_NONE) {
		for (k = 0; k < run->n_mentions; k++)
			run->allowed[k] = rules_allowed(run, ri,
			    &run->mentions[k]);
		if ((s = rules_subject(run, sn, g->first->start)) != NULL) {
			own = (long)s->actor;
			acting = (enum actor_kind)r->cfg->actors[s->actor].kind;
			after = s->end;
			if (rules_add_string(&g->hit.actors, &g->hit.n_actors,
			    r->cfg->actors[s->actor].name) == -1)
				return -1;
		}
	} else if ((s = rules_demander(run, sn)) != NULL) {
		/* a situation's demand is its owner's threat; the parties
		 * named before it stay targets */
		own = (long)s->actor;
		acting = (enum actor_kind)r->cfg->actors[s->actor].kind;
		if (rules_add_string(&g->hit.actors, &g->hit.n_actors,
		    r->cfg->actors[s->actor].name) == -1)
			return -1;
	}
	/* "Sudan rejected Chad's ultimatum": the acting party is named
	 * inside the predicate, and the subject, another party, is the
	 * one the threat is made to. */
	if (a != NULL && (subject = rules_subject_other(run, g->first->start,
	    g->agent)) >= 0 && cat != NULL && strcmp(cat, "deescalation") != 0 &&
	    rules_add_string(&g->hit.targets, &g->hit.n_targets,
	    r->cfg->actors[run->am[subject].actor].name) == -1)
		return -1;
	step = cat != NULL && strcmp(cat, "deescalation") == 0;
	reporter = step ? actor_speaker_at(run->am, run->n_am, &run->cs,
	    &run->doc, g->first->start) : -1;
	for (k = 0; k < run->n_am; k++) {
		const struct actor_mention *m = &run->am[k];

		if (rules_beside_term(run, cat, g->first->start, m))
			continue;
		if (m->actor < 0 && m->role >= 0 && m->first >= after &&
		    rules_role_is_target(m, acting)) {
			if (rules_add_string(&g->hit.targets, &g->hit.n_targets,
			    r->cfg->roles[m->role].name) == -1)
				return -1;
			continue;
		}
		if (m->actor < 0 || m->actor == own || m->first < after)
			continue;
		/* "Chad and Sudan agreed a truce, Ostland says": who
		 * reports a step between two other parties is a third,
		 * not its other side ("Chad says Sudan agreed to talks":
		 * it may be) */
		if (step && (long)k == reporter &&
		    rules_others_named(run, sn, m->first, m->end) >= 2)
			continue;
		if (!rules_may_target(run, sn, r->cfg->rules[ri].category,
		    m->first, m->end,
		    m->kind == ACTOR_STATE && m->role < 0 && !m->proper,
		    g->ends, r->cfg->rules[ri].agent == RULE_AGENT_NONE ? 0 :
		    g->n_ends))
			continue;
		if (rules_add_string(&g->hit.targets, &g->hit.n_targets,
		    r->cfg->actors[m->actor].name) == -1)
			return -1;
		if (r->rule_any_target[ri] || rules_has_id(
		    r->rule_target_ids[ri], r->rule_n_target_ids[ri],
		    (size_t)m->actor))
			found = 1;
	}
	return r->cfg->rules[ri].targets.n == 0 || found;
}

int
rules_judge_clauses(struct rules_run *run, const struct text_sentence *sn,
    size_t ri)
{
	const struct rules *r = run->r;
	const struct config_rule *rule = &r->cfg->rules[ri];
	const struct rules_occ *o, *against;
	struct rules_group g[2];
	struct clause_verb v;
	const char *cue, *why;
	char word[128];
	size_t k, t;
	long agent;
	int lang = r->rule_lang[ri], neg, drop, i, rc, unnamed;

	memset(g, 0, sizeof(g));
	if ((rc = rules_between_possible(run, sn, ri)) != 1) {
		if (rc == 0)
			rules_say(run, "cancelled: rule %s: not between rivals "
			    "(between = \"rivals\"): no actor the sentence "
			    "names, nor one carried from the sentence before, "
			    "is a rival of another it names: %.*s", rule->name,
			    (int)(sn->end - sn->start), run->text + sn->start);
		return rc;
	}
	if (rules_clause_prepare(run, sn, lang) == -1)
		return -1;
	drop = rule->negated == NULL || strcmp(rule->negated, "drop") == 0;
	for (k = 0; k < run->n_occs; k++) {
		o = &run->occs[k];
		if (r->pats[o->pat].kind != PAT_TERM ||
		    r->pats[o->pat].owner != ri)
			continue;
		/* The term's first own word, not a wildcard's or a gap's. */
		t = o->start + (o->literal != 0 ?
		    (size_t)__builtin_ctzll(o->literal) : 0);
		memset(&v, 0, sizeof(v));
		if (r->clause_lang[lang] != NULL)
			(void)clause_verb_at(&run->cs, &run->doc, t, &v);
		if (rules_acting(run, sn, ri, t, &agent, &unnamed) == -1)
			goto oom;
		if (rules_demand_of_other(run, o, t, agent, &v))
			v.mood |= CLAUSE_DEMAND_OTHER;
		rules_explain_candidate(run, ri, o, t, &v, agent);
		if (t >= sn->asked && !clause_presupposed(&run->cs, t)) {
			rules_say(run, "  not fired: asked in a question, not "
			    "said");
			continue;
		}
		/* a term that opens with the infinitive's "to" ("to
		 * @harm") names no act when the "to" is a preposition
		 * before a participle ("aid to besieged towns") */
		if (r->clause_lang[lang] != NULL &&
		    clause_to_preposition(&run->cs, &run->doc, t)) {
			rules_say(run, "  not fired: \"to\" before a "
			    "participle is a preposition, no infinitive");
			continue;
		}
		if ((r->rule_tenses[ri] | r->rule_moods[ri]) != 0 &&
		    r->clause_lang[lang] != NULL &&
		    !((r->rule_tenses[ri] >> v.tense) & 1) &&
		    !(v.mood & (int)r->rule_moods[ri])) {
			rules_say(run, "  not fired: its verb group's tense "
			    "and mood are not in the rule's mood list");
			continue;
		}
		if (r->clause_lang[lang] != NULL &&
		    (((r->rule_not_tenses[ri] >> v.tense) & 1) ||
		    (v.mood & (int)r->rule_not_moods[ri]))) {
			rules_say(run, "  not fired: its verb group's tense "
			    "or mood is one the rule's mood list refuses "
			    "(\"!\")");
			continue;
		}
		/* "Varnia is expected to strike" is a forecast of the act,
		 * a guess, the writer's or, reported, the speaker's; a step
		 * toward peace forecast ("talks are expected to resume") is
		 * news of a step, as "talks to resume" is */
		if (r->clause_lang[lang] != NULL &&
		    (v.mood & CLAUSE_FORECAST) &&
		    strcmp(rule->category, "deescalation") != 0)
			v.mood |= CLAUSE_BELIEF | (rules_clause_said(run, t) ?
			    CLAUSE_SAID_GUESS : CLAUSE_GUESS);
		if (r->clause_lang[lang] != NULL && clause_is_guess(&v)) {
			rules_say(run, "  not fired: a guess (may, might, "
			    "could) that no one is reported to say");
			continue;
		}
		if (r->clause_lang[lang] != NULL && clause_is_said_guess(&v) &&
		    rules_guess_of_other(run, t, agent,
		    (v.mood & CLAUSE_COND) != 0,
		    (v.mood & CLAUSE_BELIEF) != 0)) {
			rules_say(run, "  not fired: a guess (may, might, "
			    "could) or a belief reported by another than the "
			    "one acting");
			continue;
		}
		if (r->clause_lang[lang] != NULL &&
		    rules_forecast_of_other(run, t, agent, &v)) {
			rules_say(run, "  not fired: what another party will "
			    "do, its name qualifying the act, told by the "
			    "speaker: a forecast");
			continue;
		}
		if (r->clause_lang[lang] != NULL && rules_plan_of_other(run, t,
		    agent, &v)) {
			rules_say(run, "  not fired: a plan another named party "
			    "reports, not one the one acting declares");
			continue;
		}
		if (r->clause_lang[lang] != NULL && rules_account_of_plan(run,
		    t, agent, &v)) {
			rules_say(run, "  not fired: a plan in the past told as "
			    "a warning's or a report's content, another's "
			    "account of the one acting");
			continue;
		}
		if (rule->callers_parties && r->clause_lang[lang] != NULL &&
		    rules_bystander_call(run, agent, v.mood)) {
			rules_say(run, "  not fired: a call by one not party "
			    "to the conflict (callers = \"parties\")");
			continue;
		}
		if (rule->object_party &&
		    actor_object_at(run->am, run->n_am, &run->doc, o->end) < 0) {
			rules_say(run, "  not fired: no party the rules know "
			    "follows it as its object (object = \"party\")");
			continue;
		}
		if (r->clause_lang[lang] != NULL &&
		    (against = rules_opposed(run, sn, ri, &v, o)) != NULL) {
			rules_span(run, against->start, against->end, word,
			    sizeof(word));
			rules_say(run, "  not fired: its verb group opposes, "
			    "strikes or carries out what it names (%s, "
			    "opposed_by)", word);
			continue;
		}
		cue = NULL;
		neg = v.negated || rules_negated(run, sn, ri, o, &cue);
		if (neg && r->clause_lang[lang] != NULL &&
		    rules_refused_by_other(run, t, agent)) {
			rules_say(run, "  refused by another party than the "
			    "one acting: it stands");
			neg = 0;
		}
		/* A rule whose negated category is its own carries its
		 * negation in its terms ("does not want war"); a cue outside
		 * them ("brushed aside the plea for restraint") refuses the step
		 * down. */
		if (neg && !v.negated && !drop &&
		    strcmp(rule->negated, rule->category) == 0) {
			rules_say(run, "  not fired: refused by \"%s\"",
			    cue ? cue : "");
			continue;
		}
		if (neg && !drop && v.negated &&
		    strcmp(rule->negated, rule->category) != 0 &&
		    r->clause_lang[lang] != NULL &&
		    rules_thing_subject(run, t)) {
			rules_say(run, "  not fired: negated of a thing, not "
			    "a party (\"the siege will not defeat them\"): "
			    "no party disowns force");
			continue;
		}
		if (neg && (v.mood & CLAUSE_DEMAND_OTHER)) {
			rules_say(run, "  not fired: negated in a demand of "
			    "another party (\"urged X not to attack\"): a "
			    "call, no step down of the one acting");
			continue;
		}
		if (neg && drop) {
			rules_say(run, "  not fired: negated%s%s%s", cue ?
			    " by \"" : "", cue ? cue : "", cue ? "\"" : "");
			continue;
		}
		if (!rules_agent_ok(run, ri, agent, &why)) {
			rules_say(run, "  not fired: %s", why);
			continue;
		}
		if (neg && rules_denied_by_other(run, t, agent)) {
			rules_say(run, "  not fired: negated, but said by "
			    "another party than the one acting");
			continue;
		}
		if (neg)
			rules_say(run, "  negated%s%s%s: counts as %s", cue ?
			    " by \"" : "", cue ? cue : "", cue ? "\"" : "",
			    rule->negated);
		if (g[neg].first == NULL) {
			g[neg].first = o;
			g[neg].agent = agent;
			g[neg].unnamed = unnamed;
		}
		if (g[neg].n_ends < RULES_GROUP_ENDS)
			g[neg].ends[g[neg].n_ends++] = o->end;
		if (rules_add_string(&g[neg].hit.terms, &g[neg].hit.n_terms,
		    r->pats[o->pat].text) == -1 ||
		    rules_hit_words(run, &g[neg].hit, o) == -1)
			goto oom;
	}
	for (i = 0; i < 2; i++) {
		if (g[i].first == NULL)
			continue;
		if ((rc = rules_group_parties(run, sn, ri,
		    i == 1 ? rule->negated : rule->category, &g[i])) == -1)
			goto oom;
		if (rc == 0) {
			rules_say(run, "cancelled: rule %s: no target among "
			    "its targets", rule->name);
			rules_hit_clear(&g[i].hit);
			continue;
		}
		g[i].hit.rule = rule;
		if (i == 1)
			g[i].hit.category = rule->negated;
		else
			g[i].hit.raise = rules_raised(run, ri);
		if (rules_hit_push(run, &g[i].hit, sn) == -1) {
			memset(&g[i].hit, 0, sizeof(g[i].hit));
			goto oom;
		}
		memset(&g[i].hit, 0, sizeof(g[i].hit));
	}
	return 0;
oom:
	rules_hit_clear(&g[0].hit);
	rules_hit_clear(&g[1].hit);
	return -1;
}
