/*
 * rules_match.c: an article against the compiled rules (see rules.h),
 * the top of the matching files.  Each sentence is scanned for phrases
 * (rules_scan.c), then judged rule by rule: a rule's exclusion vetoes
 * the sentence; a rule with clause keys is judged on the clause
 * analysis (rules_clause.c); any other drops a term governed by a
 * negation cue (rules_negation.c) and checks its actor and target
 * conditions (rules_actor.c); a rule with context fires only in its
 * context (rules_context.c); one hit per category is kept
 * (rules_hit.c).  Each of those files uses only the ones below it and
 * the types of rules_priv.h.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actor.h"
#include "config.h"
#include "rules.h"
#include "rules_priv.h"
#include "text.h"

#define RULES_MATCH_ENDS	16	/* terms' ends kept for the targets */

/* Judge rule ri on sentence sn; append a hit if it fires. */
static int
rules_judge(struct rules_run *run, const struct text_sentence *sn, size_t ri)
{
	const struct rules *r = run->r;
	const struct config_rule *rule = &r->cfg->rules[ri];
	const struct rules_occ *o, *first = NULL;
	const struct rules_mention *m, *subject = NULL;
	const char *cue, *stext;
	struct rule_hit hit;
	size_t k, slen, ends[RULES_MATCH_ENDS], n_ends = 0;
	int needed, found;

	memset(&hit, 0, sizeof(hit));
	stext = run->text + sn->start;
	slen = sn->end - sn->start;

	for (k = 0; k < run->n_occs; k++) {
		o = &run->occs[k];
		if (r->pats[o->pat].kind == PAT_EXCL &&
		    r->pats[o->pat].owner == ri) {
			rules_say(run, "cancelled: rule %s: exclusion \"%s\" "
			    "vetoes the sentence: %.*s", rule->name,
			    r->pats[o->pat].text, (int)slen, stext);
			return 0;
		}
	}
	/* Before any occurrence is held: the scan appends to them. */
	if (rules_context_scan(run, ri) == -1)
		return -1;
	if (r->rule_clauses[ri])
		return rules_judge_clauses(run, sn, ri);
	for (k = 0; k < run->n_occs; k++) {
		o = &run->occs[k];
		if (r->pats[o->pat].kind != PAT_TERM ||
		    r->pats[o->pat].owner != ri)
			continue;
		if (o->start >= sn->asked) {
			rules_say(run, "cancelled: rule %s: term \"%s\" is "
			    "asked in a question, not said: %.*s", rule->name,
			    r->pats[o->pat].text, (int)slen, stext);
			continue;
		}
		if (rules_negated(run, sn, ri, o, &cue)) {
			rules_say(run, "cancelled: rule %s: term \"%s\" is "
			    "negated by \"%s\": %.*s", rule->name,
			    r->pats[o->pat].text, cue, (int)slen, stext);
			continue;
		}
		if (first == NULL || o->start < first->start)
			first = o;
		if (n_ends < RULES_MATCH_ENDS)
			ends[n_ends++] = o->end;
		if (rules_add_string(&hit.terms, &hit.n_terms,
		    r->pats[o->pat].text) == -1 ||
		    rules_hit_words(run, &hit, o) == -1)
			goto oom;
	}
	if (first == NULL)
		goto cancelled;

	/* The actor condition, then the actor of the hit (rules_subject). */
	needed = r->rule_any_actor[ri] || r->rule_n_actor_ids[ri] > 0;
	found = 0;
	for (k = 0; k < run->n_mentions; k++) {
		m = &run->mentions[k];
		run->allowed[k] = rules_allowed(run, ri, m);
		if (run->allowed[k])
			found = 1;
	}
	/* agent = "none": no one acts but the owner of a demand, and
	 * every other party named is a target. */
	if (rule->agent != RULE_AGENT_NONE)
		subject = rules_subject(run, sn, first->start);
	else
		subject = rules_demander(run, sn);
	if (needed && !found) {
		rules_say(run, "cancelled: rule %s: no actor %s: %.*s",
		    rule->name, rule->window > 0 ? "within the window" :
		    "in the sentence", (int)slen, stext);
		goto cancelled;
	}
	if (subject != NULL && rules_add_string(&hit.actors, &hit.n_actors,
	    r->cfg->actors[subject->actor].name) == -1)
		goto oom;

	/* Targets: the other actors named after the subject. */
	found = 0;
	for (k = 0; k < run->n_mentions; k++) {
		m = &run->mentions[k];
		if (subject != NULL && (m->actor == subject->actor ||
		    (m->start < subject->end &&
		    rule->agent != RULE_AGENT_NONE)))
			continue;
		/* with no one acting (a hostage and a deadline), no force
		 * is aimed at a place: a place named is the scene */
		if (!rules_may_target(run, sn, rule->category, m->start,
		    m->end, r->cfg->actors[m->actor].kind == ACTOR_STATE,
		    ends, rule->agent == RULE_AGENT_NONE ? 0 : n_ends))
			continue;
		if (rules_add_string(&hit.targets, &hit.n_targets,
		    r->cfg->actors[m->actor].name) == -1)
			goto oom;
		if (r->rule_any_target[ri] || rules_has_id(
		    r->rule_target_ids[ri], r->rule_n_target_ids[ri], m->actor))
			found = 1;
	}
	if (rule->targets.n > 0 && !found) {
		rules_say(run, "cancelled: rule %s: no target among its "
		    "targets: %.*s", rule->name, (int)slen, stext);
		goto cancelled;
	}
	hit.rule = rule;
	hit.raise = rules_raised(run, ri);
	return rules_hit_push(run, &hit, sn);

cancelled:
	rules_hit_clear(&hit);
	return 0;
oom:
	rules_hit_clear(&hit);
	return -1;
}

/* Match one sentence: find its phrases, then judge each rule that has a
 * term in it (only those: no loop over all rules). */
static int
rules_sentence(struct rules_run *run, const struct text_sentence *sn)
{
	const struct rules *r = run->r;
	size_t k, j, n_rules = 0, *touched, h0;
	int rc = 0;

	run->n_occs = 0;
	rules_clause_reset(run);
	/* Most sentences lack a word that every term would need: they
	 * can fire nothing, so their phrases, actors and cues are not
	 * looked for. */
	if (!rules_filter_pass(run, sn->first, sn->first + sn->n_tokens))
		return 0;
	if (rules_scan(run, sn->first, sn->first + sn->n_tokens) == -1)
		return -1;
	if (run->n_occs == 0)
		return 0;
	if (rules_find_mentions(run) == -1)
		return -1;
	if ((touched = calloc(run->n_occs, sizeof(*touched))) == NULL)
		return -1;
	for (k = 0; k < run->n_occs; k++) {
		const struct rules_pat *p = &r->pats[run->occs[k].pat];

		if (p->kind != PAT_TERM)
			continue;
		for (j = 0; j < n_rules && touched[j] != p->owner; j++)
			;
		if (j == n_rules)
			touched[n_rules++] = p->owner;
	}
	/* rules in configuration order, for stable output */
	for (k = 1; k < n_rules; k++)
		for (j = k; j > 0 && touched[j - 1] > touched[j]; j--) {
			size_t tmp = touched[j];

			touched[j] = touched[j - 1];
			touched[j - 1] = tmp;
		}
	h0 = run->out->n_hits;
	for (k = 0; k < n_rules && rc == 0; k++)
		rc = rules_judge(run, sn, touched[k]);
	free(touched);
	if (rc == 0)
		rules_keep_strongest(run, h0);
	return rc;
}

/*
 * A "sentence" of thousands of words (a feed without punctuation, or a
 * hostile one) is judged in parts of RULES_MAX_SENTENCE tokens: judging
 * is quadratic in a sentence's length (negation cues, mentions and the
 * window are each looked for among all of its phrases), and 20,000
 * repetitions of one threat in one sentence held the loop for a minute.
 * A phrase across the cut between two parts is not found.
 */
static int
rules_sentence_parts(struct rules_run *run, const struct text_sentence *sn)
{
	const struct text_token *tok = run->doc.tokens;
	struct text_sentence part;
	size_t off, n;

	if (sn->n_tokens <= RULES_MAX_SENTENCE)
		return rules_sentence(run, sn);
	for (off = 0; off < sn->n_tokens; off += n) {
		n = sn->n_tokens - off;
		if (n > RULES_MAX_SENTENCE)
			n = RULES_MAX_SENTENCE;
		part.first = sn->first + off;
		part.n_tokens = n;
		part.start = off == 0 ? sn->start : tok[part.first].start;
		part.end = off + n == sn->n_tokens ? sn->end :
		    tok[part.first + n - 1].end;
		part.asked = sn->asked > part.first ? sn->asked : part.first;
		if (rules_sentence(run, &part) == -1)
			return -1;
	}
	return 0;
}

int
rules_match_explain(const struct rules *r, const char *title,
    const char *body, struct rules_result *out, rules_explain_fn *explain,
    void *arg)
{
	struct rules_run run;
	size_t tl, bl, i;
	char *text = NULL;
	int rc = -1;

	memset(out, 0, sizeof(*out));
	memset(&run, 0, sizeof(run));
	run.r = r;
	run.out = out;
	run.explain = explain;
	run.arg = arg;
	if (title == NULL)
		title = "";
	tl = text_title_end(title, strlen(title));
	bl = body != NULL ? strlen(body) : 0;
	if ((text = malloc(tl + bl + 2)) == NULL)
		return -1;
	memcpy(text, title, tl);
	text[tl] = '\n';
	if (bl > 0)
		memcpy(text + tl + 1, body, bl);
	text[tl + 1 + bl] = '\0';
	run.text = text;
	run.title_end = tl;

	if (text_analyse(text, tl + 1 + bl, &run.doc) == -1)
		goto done;
	if (rules_scan_cands(&run) == -1)
		goto done;
	for (i = 0; i < run.doc.n_sentences; i++) {
		run.judged = i;
		if (rules_sentence_parts(&run, &run.doc.sentences[i]) == -1)
			goto done;
	}
	rc = 0;
done:
	if (rc == -1)
		rules_result_free(out);
	free(run.cands);
	free(run.cand_off);
	free(run.join_cands);
	free(run.join_off);
	free(run.starts);
	free(run.occs);
	free(run.mentions);
	free(run.allowed);
	free(run.context);
	if (run.context_at != NULL)
		for (i = 0; i < r->cfg->n_rules; i++)
			free(run.context_at[i]);
	free(run.context_at);
	rules_clause_reset(&run);
	text_doc_free(&run.doc);
	free(text);
	return rc;
}

int
rules_match(const struct rules *r, const char *title, const char *body,
    struct rules_result *out)
{
	return rules_match_explain(r, title, body, out, NULL, NULL);
}

