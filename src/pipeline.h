/*
 * pipeline.h: what happens to a fetched feed.  Each new item goes
 * text -> rules -> alert -> sinks and is marked seen in the same store
 * transaction that recorded what the sinks must deliver, so a crash
 * re-processes an item and never skips one.
 */
#ifndef BRINK_PIPELINE_H
#define BRINK_PIPELINE_H

#include <stddef.h>

struct config;
struct config_feed;
struct poll_result;
struct rules;
struct sinks;
struct store;

struct pipeline;

/* A pipeline writing to store (borrowed until pipeline_free). */
struct pipeline	*pipeline_new(struct store *store);
/*
 * What items go through: cfg for retention, rules (may be NULL: items
 * are only recorded) and sinks (may be NULL: alerts are only logged).
 * All borrowed until the next pipeline_set or pipeline_free.
 */
void		 pipeline_set(struct pipeline *, const struct config *cfg,
		    const struct rules *rules, struct sinks *sinks);
/*
 * A poll_process_fn (poll.h) with the pipeline as arg: parse len bytes
 * of body fetched from url for feed and process every new item.  Fills
 * out; returns 0, or -1 when the feed could not be parsed or an item
 * could not be recorded or delivered (logged; the item stays unseen).
 */
int		 pipeline_feed(void *pipeline, const struct config_feed *feed,
		    const char *url, const char *body, size_t len,
		    struct poll_result *out);
void		 pipeline_free(struct pipeline *);

#endif
