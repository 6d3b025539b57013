/*
 * config_alloc.c: making and freeing struct config and the arrays and
 * lists in it.  The bottom of the loader: it calls none of the others.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "config_priv.h"
#include "log.h"

struct config *
config_new(const char *path)
{
	struct config *c;

	if ((c = calloc(1, sizeof(*c))) == NULL ||
	    (c->files = calloc(1, sizeof(*c->files))) == NULL)
		log_fatal("out of memory");
	c->path = config_strdup(path);
	c->state_dir = config_strdup("/var/lib/brink");
	c->user_agent = config_strdup("brinkd/" PACKAGE_VERSION);
	c->log_level = LOG_LEVEL_INFO;
	c->limits.interval = 5 * 60;
	c->limits.connect_timeout = 10;
	c->limits.timeout = 60;
	c->limits.low_speed_time = 30;
	c->limits.low_speed_limit = 100;
	c->limits.max_body = 10 * 1024 * 1024;
	c->limits.max_items = 1000;
	c->limits.max_age = 2 * 86400;
	c->retention = 30 * 86400;
	c->backoff_max = 6 * 3600;
	c->max_transfers = 32;
	c->max_per_host = 4;
	c->max_redirects = 5;
	c->story_window = 48 * 3600;
	c->story_retention = 30 * 86400;
	c->story_update = 3600;
	c->story_similarity = 0.3;
	c->story_overlap = 0.6;
	c->trend_factor = 3;
	c->trend_floor = 3;
	return c;
}

void
config_feed_clear(struct config_feed *f)
{
	free(f->name);
	free(f->url);
	config_list_free(&f->headers);
}

void
config_free(struct config *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->n_feeds; i++)
		config_feed_clear(&c->feeds[i]);
	free(c->feeds);
	for (i = 0; i < c->n_actors; i++) {
		free(c->actors[i].name);
		free(c->actors[i].display);
		config_list_free(&c->actors[i].names);
		config_list_free(&c->actors[i].rivals);
	}
	free(c->actors);
	for (i = 0; i < c->n_roles; i++) {
		free(c->roles[i].name);
		config_list_free(&c->roles[i].names);
	}
	free(c->roles);
	for (i = 0; i < c->n_classes; i++) {
		free(c->classes[i].name);
		config_list_free(&c->classes[i].words);
		free(c->classes[i].language);
	}
	free(c->classes);
	for (i = 0; i < c->n_rules; i++) {
		struct config_rule *r = &c->rules[i];

		free(r->name);
		free(r->category);
		config_list_free(&r->terms);
		config_list_free(&r->actors);
		config_list_free(&r->targets);
		config_list_free(&r->negations);
		config_list_free(&r->exclude);
		config_list_free(&r->mood);
		config_list_free(&r->actor_kinds);
		free(r->negated);
		config_list_free(&r->raise);
		config_list_free(&r->opposed_by);
		config_list_free(&r->context);
		free(r->language);
	}
	free(c->rules);
	for (i = 0; i < c->n_sinks; i++) {
		struct config_sink *k = &c->sinks[i];

		free(k->name);
		config_list_free(&k->categories);
		config_list_free(&k->feeds);
		config_list_free(&k->actors);
		free(k->ident);
		free(k->path);
		free(k->url);
		config_list_free(&k->headers);
	}
	free(c->sinks);
	config_list_free(&c->negations);
	free(c->path);
	free(c->state_dir);
	free(c->pid_file);
	free(c->user_agent);
	free(c->ca_file);
	free(c->metrics_listen);
	if (c->files != NULL) {
		for (i = 0; i < c->files->n; i++)
			free(c->files->names[i]);
		free(c->files->names);
		free(c->files);
	}
	free(c);
}

char *
config_strdup(const char *text)
{
	char *copy;

	if ((copy = strdup(text)) == NULL)
		log_fatal("out of memory");
	return copy;
}

void *
config_grow(void *array, size_t n, size_t size)
{
	void *grown;

	if ((grown = reallocarray(array, n + 1, size)) == NULL)
		log_fatal("out of memory");
	memset((char *)grown + n * size, 0, size);
	return grown;
}

void
config_list_free(struct config_list *list)
{
	size_t i;

	for (i = 0; i < list->n; i++)
		free(list->v[i]);
	free(list->v);
	list->v = NULL;
	list->n = 0;
}
