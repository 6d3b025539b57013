/*
 * rules_hit.c: the hits of a match: made, named, said (--explain),
 * raised by concreteness, one per category and sentence kept, freed.
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

	/* Counted as its negated category, a threat disowned ("will not
	 * use nuclear weapons") is a step down: no more urgent than the
	 * steps down the pack rates low, so that a sink for high threats
	 * is not paged by it. */
	if (h->category != NULL && s > SEV_LOW)
		s = SEV_LOW;

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
	for (k = 0; k < h->n_words; k++)
		free(h->words[k]);
	free(h->words);
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

int
rules_hit_words(const struct rules_run *run, struct rule_hit *hit,
    const struct rules_occ *o)
{
	const struct text_token *tok = run->doc.tokens;
	char word[RULES_WORD_MAX + 1];
	size_t k, start, len, end = o->end;

	if (end > o->start + RULES_MAX_SPAN)
		end = o->start + RULES_MAX_SPAN;
	for (k = o->start; k < end; k++) {
		if (!((o->literal >> (k - o->start)) & 1))
			continue;
		/* A compound hyphened is one word as written
		 * ("cease-fire"), as the rules read it. */
		start = tok[k].start;
		while (k + 1 < end && ((o->literal >> (k + 1 - o->start)) &
		    1) && (tok[k + 1].flags & TEXT_HYPHEN))
			k++;
		/* A word of a megabyte (a hostile feed) matched by a
		 * prefix is cut, on a character's boundary. */
		if ((len = tok[k].end - start) > RULES_WORD_MAX) {
			len = RULES_WORD_MAX;
			while (len > 0 && ((unsigned char)run->text[start +
			    len] & 0xc0) == 0x80)
				len--;
		}
		if (len == 0)
			continue;	/* no character begins in it */
		memcpy(word, run->text + start, len);
		word[len] = '\0';
		if (rules_add_string(&hit->words, &hit->n_words, word) == -1)
			return -1;
	}
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


/* Append hit (taken over: cleared here when it is out of its rule's
 * context or not between rivals as its rule asks, or on failure) to the
 * result, and say why it fired. */
int
rules_hit_push(struct rules_run *run, struct rule_hit *hit,
    const struct text_sentence *sn)
{
	const struct config_list *context = &hit->rule->context;
	struct rule_hit *nh;
	size_t cap;

	if (!rules_context_met(run, hit)) {
		rules_say(run, "cancelled: rule %s: out of context: none of "
		    "its context phrases (\"%s\"%s) in the title, the "
		    "sentence or the ones beside it, and the hit names no two "
		    "rivals: %.*s", hit->rule->name,
		    context->v[0], context->n > 1 ? ", ..." : "",
		    (int)(sn->end - sn->start), run->text + sn->start);
		rules_hit_clear(hit);
		return 0;
	}
	if (!rules_between_met(run->r->cfg, hit)) {
		rules_say(run, "cancelled: rule %s: not between rivals "
		    "(between = \"rivals\"): none of the parties acting "
		    "names another party of the hit as its rival, nor is named "
		    "by one: %.*s", hit->rule->name,
		    (int)(sn->end - sn->start), run->text + sn->start);
		rules_hit_clear(hit);
		return 0;
	}
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

/*
 * One hit per category and sentence: where two rules of a category fire
 * on the same sentence ("vowed to retaliate" is a vow and talk of
 * retaliation), the more severe one stays, or the first of equals.
 */
void
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

