/*
 * story_record.c: an alert's parts as the story tables keep them (see
 * story_record.h).
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "config.h"
#include "log.h"
#include "story.h"
#include "story_record.h"

static int
story_cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The strings of a JSON array, sorted and comma-joined; caller frees. */
char *
story_record_names(const json_t *arr)
{
	const char **v;
	char *out;
	size_t i, n = json_array_size(arr), len = 1, at = 0;

	if ((v = calloc(n + 1, sizeof(*v))) == NULL)
		log_fatal("out of memory");
	for (i = 0; i < n; i++) {
		if ((v[i] = json_string_value(json_array_get(arr, i))) == NULL)
			v[i] = "";
		len += strlen(v[i]) + 1;
	}
	qsort(v, n, sizeof(*v), story_cmp_str);
	if ((out = malloc(len)) == NULL)
		log_fatal("out of memory");
	out[0] = '\0';
	for (i = 0; i < n; i++)
		at += (size_t)snprintf(out + at, len - at, "%s%s",
		    i > 0 ? "," : "", v[i]);
	free(v);
	return out;
}

void
story_record_pack(const struct story_sketch *sk, unsigned char *out)
{
	size_t i, b;

	for (i = 0; i < sk->n; i++)
		for (b = 0; b < 8; b++)
			out[i * 8 + b] = (unsigned char)(sk->h[i] >> (8 * b));
}

void
story_record_unpack(const unsigned char *in, size_t len,
    struct story_sketch *sk)
{
	size_t i, b;

	memset(sk, 0, sizeof(*sk));
	sk->n = len / 8 < STORY_SKETCH_MAX ? len / 8 : STORY_SKETCH_MAX;
	for (i = 0; i < sk->n; i++)
		for (b = 0; b < 8; b++)
			sk->h[i] |= (uint64_t)in[i * 8 + b] << (8 * b);
}

char *
story_record_article_key(const json_t *alert, const char *field,
    const char *tag)
{
	const char *v;
	char *out;

	v = json_string_value(json_object_get(json_object_get(alert, "item"),
	    field));
	if (v == NULL || *v == '\0')
		return NULL;
	if (asprintf(&out, "%s:%s", tag, v) == -1)
		log_fatal("out of memory");
	return out;
}

/* The next name of a comma-joined actor list (story_record_names) at
 * *p: its length, with *name at it and *p past it; 0 at the end. */
size_t
story_record_next_name(const char **p, const char **name)
{
	const char *end;

	while (**p != '\0') {
		if ((end = strchr(*p, ',')) == NULL)
			end = *p + strlen(*p);
		*name = *p;
		*p = *end == ',' ? end + 1 : end;
		if (end > *name)
			return (size_t)(end - *name);
	}
	return 0;
}

int
story_record_unnamed(const struct config *cfg, const char *actors)
{
	const char *p = actors, *name;
	size_t len, i;

	while ((len = story_record_next_name(&p, &name)) > 0) {
		for (i = 0; i < cfg->n_roles; i++)
			if (strlen(cfg->roles[i].name) == len &&
			    memcmp(cfg->roles[i].name, name, len) == 0)
				break;
		if (i == cfg->n_roles)
			return 0;
	}
	return 1;
}

/* Add the named actors (cfg's actors, not roles) among the strings of
 * list to names and to actors (which may be NULL). */
static void
story_record_named(const struct config *cfg, const struct story_lex *lex,
    const json_t *list, struct story_sketch *names,
    struct story_sketch *actors)
{
	const json_t *v;
	const char *s;
	size_t i, k;

	json_array_foreach(list, i, v) {
		if ((s = json_string_value(v)) == NULL)
			continue;
		for (k = 0; k < cfg->n_actors; k++)
			if (strcmp(cfg->actors[k].name, s) == 0) {
				story_name_add(names, lex->stem, s, strlen(s));
				if (actors != NULL)
					story_name_add(actors, lex->stem, s,
					    strlen(s));
				break;
			}
	}
}

int
story_record_statement(const json_t *alert, const struct config *cfg,
    const struct story_lex *lex, struct story_sketch *sketch,
    struct story_sketch *words, struct story_sketch *names,
    struct story_sketch *counts, struct story_sketch *actors)
{
	const json_t *hit;
	const char *s;
	size_t i, skip, statements = 0, asks = 0;

	memset(sketch, 0, sizeof(*sketch));
	memset(words, 0, sizeof(*words));
	memset(names, 0, sizeof(*names));
	memset(counts, 0, sizeof(*counts));
	memset(actors, 0, sizeof(*actors));
	json_array_foreach(json_object_get(alert, "hits"), i, hit) {
		if ((s = json_string_value(json_object_get(hit,
		    "sentence"))) == NULL)
			continue;
		skip = story_dateline(s, strlen(s));
		if (story_statement_lex(sketch, words, names, counts, lex,
		    s + skip, strlen(s) - skip) == -1)
			return -1;
		statements++;
		asks += story_asks(s, strlen(s));
	}
	if (sketch->n == 0 && (s = json_string_value(json_object_get(
	    json_object_get(alert, "item"), "title"))) != NULL) {
		if (story_statement_lex(sketch, words, names, counts, lex, s,
		    strlen(s)) == -1)
			return -1;
		statements++;
		asks += story_asks(s, strlen(s));
	}
	/* A question tells no event: nothing to compare. */
	if (statements > 0 && asks == statements) {
		sketch->n = 0;
		words->n = 0;
		counts->n = 0;
	}
	story_record_named(cfg, lex, json_object_get(alert, "actors"),
	    names, actors);
	story_record_named(cfg, lex, json_object_get(alert, "targets"),
	    names, NULL);
	return 0;
}
