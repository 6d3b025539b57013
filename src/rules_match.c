/*
 * rules_match.c: an article against the compiled rules (see rules.h).
 * Each sentence is walked through the trie, then judged rule by rule:
 * a term governed by a negation cue in its clause is dropped, a rule's
 * exclusion vetoes the sentence, the actor and target conditions are
 * checked, and one hit per category is kept.
 */
#include "autoconf.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "rules.h"
#include "rules_priv.h"
#include "text.h"

#define RULES_MAX_SENTENCE	256	/* tokens judged at once; see below */

/* Words that open a new clause, so that a cue before them governs
 * nothing after them ("does not want war, but if ..."). */
static const char *const rules_clause_words[] = {
	"but", "however", "although", "though", "while", "whereas", "yet",
	"if", "unless", "because", "otherwise", "whether", "and", NULL
};

/* The word ids token t may stand for; returns how many were written. */
static size_t
rules_token_cands(const struct rules *r, const struct text_token *t,
    uint32_t *ids)
{
	char key[RULES_MAX_KEY];
	const char *stem;
	size_t n = 0, k, klen, stem_len;
	long id;
	int l;

	ids[n++] = RULES_WILDCARD;
	if (t->fold_len + 2 > sizeof(key))
		return n;
	for (l = 0; l < r->n_langs; l++) {
		stem = text_stem(r->stem[l], t->fold, t->fold_len, &stem_len);
		klen = rules_key(key, sizeof(key), 'E', l, stem, stem_len);
		if (klen != 0 && (id = rules_word_find(r, key, klen)) != -1)
			ids[n++] = (uint32_t)id;
	}
	if (r->has_caps && (t->flags & TEXT_CAPS)) {
		klen = rules_key(key, sizeof(key), 'C', 0, t->fold, t->fold_len);
		if ((id = rules_word_find(r, key, klen)) != -1)
			ids[n++] = (uint32_t)id;
	}
	/* Every prefix up to the longest one in the rules, at code point
	 * boundaries. */
	for (k = 1; k <= t->fold_len && k <= r->max_prefix &&
	    n < RULES_MAX_CANDS; k++) {
		if (k < t->fold_len && ((unsigned char)t->fold[k] & 0xc0) == 0x80)
			continue;
		klen = rules_key(key, sizeof(key), 'P', 0, t->fold, k);
		if ((id = rules_word_find(r, key, klen)) != -1)
			ids[n++] = (uint32_t)id;
	}
	/* The classes its ids are members of, and the classes that use
	 * those: each once. */
	for (k = 1; k < n && r->n_class_map > 0; k++) {
		uint32_t c, j;

		if (ids[k] >= r->n_class_map)
			continue;
		for (c = r->class_off[ids[k]]; c < r->class_off[ids[k] + 1] &&
		    n < RULES_MAX_CANDS; c++) {
			for (j = 1; j < n && ids[j] != r->class_of[c]; j++)
				;
			if (j == n)
				ids[n++] = r->class_of[c];
		}
	}
	return n;
}

static int
rules_push_occ(struct rules_run *run, uint32_t pat, size_t start, size_t end,
    uint64_t literal)
{
	struct rules_occ *o;
	size_t cap;

	if (run->n_occs == run->cap_occs) {
		cap = run->cap_occs ? run->cap_occs * 2 : 64;
		if ((o = realloc(run->occs, cap * sizeof(*o))) == NULL)
			return -1;
		run->occs = o;
		run->cap_occs = cap;
	}
	o = &run->occs[run->n_occs++];
	o->pat = pat;
	o->start = start;
	o->end = end;
	o->literal = literal;
	return 0;
}

/*
 * Follow the trie from node with token j onwards; phrases begin at i.
 * literal marks the tokens matched by words of the phrase so far (a
 * wildcard's or a gap's are not: a negation cue there still counts).
 */
static int
rules_walk(struct rules_run *run, uint32_t node, size_t i, size_t j,
    size_t end, uint64_t literal)
{
	const struct rules *r = run->r;
	uint64_t lit;
	size_t c, skip;
	uint32_t gap;
	long child;
	int32_t o;

	if (j - i >= RULES_MAX_SPAN)
		return 0;
	for (gap = 1; r->nodes[node].gaps >> gap != 0; gap++) {
		if (!((r->nodes[node].gaps >> gap) & 1) ||
		    (child = rules_edge_find(r, node, RULES_GAP - gap)) == -1)
			continue;
		for (skip = 0; skip <= gap && j + skip < end; skip++)
			if (rules_walk(run, (uint32_t)child, i, j + skip, end,
			    literal) == -1)
				return -1;
	}
	for (c = run->cand_off[j]; c < run->cand_off[j + 1]; c++) {
		if ((child = rules_edge_find(r, node, run->cands[c])) == -1)
			continue;
		lit = literal;
		if (run->cands[c] != RULES_WILDCARD)
			lit |= UINT64_C(1) << (j - i);
		for (o = r->nodes[child].out; o != -1; o = r->outs[o].next)
			if (rules_push_occ(run, r->outs[o].pat, i, j + 1, lit)
			    == -1)
				return -1;
		if (j + 1 < end && rules_walk(run, (uint32_t)child, i, j + 1,
		    end, lit) == -1)
			return -1;
	}
	return 0;
}

static int
rules_is_clause_word(const struct text_token *t)
{
	size_t k;

	for (k = 0; rules_clause_words[k] != NULL; k++)
		if (strcmp(t->fold, rules_clause_words[k]) == 0)
			return 1;
	return 0;
}

/* First token of the clause that holds token ts of the sentence. */
size_t
rules_clause_start(const struct rules_run *run, const struct text_sentence *sn,
    size_t ts)
{
	size_t k;

	for (k = ts; k > sn->first; k--)
		if ((run->doc.tokens[k].flags & TEXT_CLAUSE) ||
		    rules_is_clause_word(&run->doc.tokens[k]))
			return k;
	return sn->first;
}

/*
 * Is the term occurrence t of rule ri negated?  The cues that stand in
 * its clause, before it and close to it, are counted without overlaps;
 * an odd count negates ("did not rule out strikes" has two).  *cue gets
 * the nearest one for --explain.
 */
int
rules_negated(const struct rules_run *run, const struct text_sentence *sn,
    size_t ri, const struct rules_occ *t, const char **cue)
{
	const struct rules *r = run->r;
	const struct config_rule *rule = &r->cfg->rules[ri];
	const struct rules_occ *o, *best;
	size_t cs, pos, count = 0, k, j;

	cs = rules_clause_start(run, sn, t->start);
	*cue = NULL;
	/* Greedy left to right: at each position the longest cue wins.
	 * Cues inside the term count only in its gaps ("would not ...
	 * attack"), never in its own words ("will not hesitate"). */
	for (pos = cs; pos < t->end; ) {
		best = NULL;
		for (k = 0; k < run->n_occs; k++) {
			o = &run->occs[k];
			if (r->pats[o->pat].kind != PAT_NEG || o->start != pos ||
			    o->end > t->end)
				continue;
			if (o->end <= t->start &&
			    t->start - o->end > RULES_NEG_REACH)
				continue;
			if (rule->has_negations ? r->pats[o->pat].owner != ri :
			    (r->pats[o->pat].owner != RULES_SHARED ||
			    r->pats[o->pat].lang != r->rule_lang[ri]))
				continue;
			for (j = o->start; j < o->end; j++)
				if (j >= t->start &&
				    (t->literal >> (j - t->start)) & 1)
					break;
			if (j < o->end)
				continue;
			if (best == NULL || o->end > best->end)
				best = o;
		}
		if (best != NULL) {
			count++;
			*cue = r->pats[best->pat].text;
			pos = best->end;
		} else
			pos++;
	}
	return count % 2 == 1;
}

static const char *const rules_severity_names[] = {
	"info", "low", "medium", "high", "critical"
};

const char *
rules_hit_category(const struct rule_hit *h)
{
	return h->category != NULL ? h->category : h->rule->category;
}

enum severity
rules_hit_severity(const struct rule_hit *h)
{
	int s = (int)h->rule->severity + h->raise;

	return s > SEV_CRITICAL ? SEV_CRITICAL : (enum severity)s;
}

/* Steps rule ri's raise phrases in the sentence add: one per phrase
 * found, however often. */
int
rules_raised(const struct rules_run *run, size_t ri)
{
	const struct rules *r = run->r;
	size_t k, j;
	int steps = 0;

	for (k = 0; k < run->n_occs; k++) {
		if (r->pats[run->occs[k].pat].kind != PAT_RAISE ||
		    r->pats[run->occs[k].pat].owner != ri)
			continue;
		for (j = 0; j < k && run->occs[j].pat != run->occs[k].pat; j++)
			;
		if (j == k)
			steps++;
	}
	return steps;
}

void
rules_hit_clear(struct rule_hit *h)
{
	size_t k;

	free(h->sentence);
	for (k = 0; k < h->n_terms; k++)
		free(h->terms[k]);
	free(h->terms);
	for (k = 0; k < h->n_actors; k++)
		free(h->actors[k]);
	free(h->actors);
	for (k = 0; k < h->n_targets; k++)
		free(h->targets[k]);
	free(h->targets);
	memset(h, 0, sizeof(*h));
}

void
rules_say(struct rules_run *run, const char *fmt, ...)
{
	char line[2048];
	va_list ap;

	if (run->explain == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	run->explain(run->arg, line);
}

int
rules_add_string(char ***v, size_t *n, const char *s)
{
	char **nv;
	size_t k;

	for (k = 0; k < *n; k++)
		if (strcmp((*v)[k], s) == 0)
			return 0;
	if ((nv = realloc(*v, (*n + 1) * sizeof(*nv))) == NULL)
		return -1;
	*v = nv;
	if ((nv[*n] = strdup(s)) == NULL)
		return -1;
	(*n)++;
	return 0;
}

/* Join a hit's strings for --explain. */
static void
rules_join(char *buf, size_t len, char **v, size_t n)
{
	size_t k, used = 0;

	buf[0] = '\0';
	for (k = 0; k < n && used < len; k++)
		used += (size_t)snprintf(buf + used, len - used, "%s\"%s\"",
		    k ? ", " : "", v[k]);
	if (n == 0)
		snprintf(buf, len, "(none)");
}


/* Append hit (taken over: cleared here on failure) to the result, and
 * say why it fired. */
int
rules_hit_push(struct rules_run *run, struct rule_hit *hit,
    const struct text_sentence *sn)
{
	struct rule_hit *nh;
	size_t cap;

	hit->start = sn->start;
	hit->end = sn->end;
	if ((hit->sentence = strndup(run->text + sn->start,
	    sn->end - sn->start)) == NULL)
		goto oom;
	if (run->out->n_hits == run->cap_hits) {
		cap = run->cap_hits ? run->cap_hits * 2 : 8;
		if ((nh = realloc(run->out->hits, cap * sizeof(*nh))) == NULL)
			goto oom;
		run->out->hits = nh;
		run->cap_hits = cap;
	}
	if (run->explain != NULL) {
		char terms[512], actors[256], targets[512];

		rules_join(terms, sizeof(terms), hit->terms, hit->n_terms);
		rules_join(actors, sizeof(actors), hit->actors, hit->n_actors);
		rules_join(targets, sizeof(targets), hit->targets,
		    hit->n_targets);
		rules_say(run, "hit: rule %s (%s, %s): terms %s; actors %s; "
		    "targets %s: %s", hit->rule->name, rules_hit_category(hit),
		    rules_severity_names[rules_hit_severity(hit)], terms,
		    actors, targets, hit->sentence);
	}
	run->out->hits[run->out->n_hits++] = *hit;
	return 0;
oom:
	rules_hit_clear(hit);
	return -1;
}

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
	size_t k, slen;
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
	if (r->rule_clauses[ri])
		return rules_judge_clauses(run, sn, ri);
	for (k = 0; k < run->n_occs; k++) {
		o = &run->occs[k];
		if (r->pats[o->pat].kind != PAT_TERM ||
		    r->pats[o->pat].owner != ri)
			continue;
		if (rules_negated(run, sn, ri, o, &cue)) {
			rules_say(run, "cancelled: rule %s: term \"%s\" is "
			    "negated by \"%s\": %.*s", rule->name,
			    r->pats[o->pat].text, cue, (int)slen, stext);
			continue;
		}
		if (first == NULL || o->start < first->start)
			first = o;
		if (rules_add_string(&hit.terms, &hit.n_terms,
		    r->pats[o->pat].text) == -1)
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
	subject = rules_subject(run, sn, first->start);
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
		    m->start < subject->end))
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

/*
 * One hit per category and sentence: where two rules of a category fire
 * on the same sentence ("vowed to retaliate" is a vow and talk of
 * retaliation), the more severe one stays, or the first of equals.
 */
static void
rules_keep_strongest(struct rules_run *run, size_t h0)
{
	struct rule_hit *h = run->out->hits;
	size_t i, j, n = run->out->n_hits;

	for (i = h0; i < n; i++) {
		for (j = h0; j < n; j++) {
			if (i == j || strcmp(rules_hit_category(&h[i]),
			    rules_hit_category(&h[j])) != 0)
				continue;
			if (rules_hit_severity(&h[j]) >
			    rules_hit_severity(&h[i]) ||
			    (rules_hit_severity(&h[j]) ==
			    rules_hit_severity(&h[i]) && j < i))
				break;
		}
		if (j < n) {
			rules_say(run, "superseded: rule %s by rule %s on the "
			    "same sentence", h[i].rule->name, h[j].rule->name);
			rules_hit_clear(&h[i]);
			memmove(&h[i], &h[i + 1], (n - i - 1) * sizeof(*h));
			n--;
			i--;
		}
	}
	run->out->n_hits = n;
}

/* Match one sentence: find its phrases, then judge each rule that has a
 * term in it (only those: no loop over all rules). */
static int
rules_sentence(struct rules_run *run, const struct text_sentence *sn)
{
	const struct rules *r = run->r;
	size_t i, k, j, n_rules = 0, *touched, h0;
	int rc = 0;

	run->n_occs = 0;
	rules_clause_reset(run);
	for (i = sn->first; i < sn->first + sn->n_tokens; i++)
		if (rules_walk(run, 0, i, i, sn->first + sn->n_tokens, 0) == -1)
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
	uint32_t ids[RULES_MAX_CANDS];
	size_t tl, bl, i, n, total = 0, cap = 0;
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
	tl = strlen(title);
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
	if ((run.cand_off = calloc(run.doc.n_tokens + 1,
	    sizeof(*run.cand_off))) == NULL)
		goto done;
	for (i = 0; i < run.doc.n_tokens; i++) {
		uint32_t *nc;

		n = rules_token_cands(r, &run.doc.tokens[i], ids);
		/* Grown by doubling: one realloc per token made a long
		 * text quadratic (10 minutes for a 1 MB title under ASan). */
		if (total + n > cap) {
			cap = cap * 2 > total + n ? cap * 2 : total + n + 64;
			if ((nc = realloc(run.cands, cap * sizeof(*nc))) ==
			    NULL)
				goto done;
			run.cands = nc;
		}
		if (n > 0)
			memcpy(run.cands + total, ids, n * sizeof(*ids));
		run.cand_off[i] = total;
		total += n;
		run.cand_off[i + 1] = total;
	}
	for (i = 0; i < run.doc.n_sentences; i++)
		if (rules_sentence_parts(&run, &run.doc.sentences[i]) == -1)
			goto done;
	rc = 0;
done:
	if (rc == -1)
		rules_result_free(out);
	free(run.cands);
	free(run.cand_off);
	free(run.occs);
	free(run.mentions);
	free(run.allowed);
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

void
rules_result_free(struct rules_result *res)
{
	size_t k;

	for (k = 0; k < res->n_hits; k++)
		rules_hit_clear(&res->hits[k]);
	free(res->hits);
	res->hits = NULL;
	res->n_hits = 0;
}

