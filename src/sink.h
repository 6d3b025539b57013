/*
 * sink.h: where alerts go.  Each sink type is one struct sink_ops in its
 * own file (sink_syslog.c, sink_file.c, sink_webhook.c), found through the
 * table in sink.c; struct sinks is the configured set with its filters.
 */
#ifndef BRINK_SINK_H
#define BRINK_SINK_H

#include <jansson.h>

struct config;
struct config_sink;
struct poll;
struct store;
struct sink;
struct sinks;

struct sink_ops {
	const char	*type;				/* "syslog", "file", "webhook" */
	int		(*open)(struct sink *);		/* 0 or -1 (logged) */
	int		(*deliver)(struct sink *, const json_t *alert);
	int		(*reopen)(struct sink *);	/* SIGHUP: logrotate */
	void		(*close)(struct sink *);
	/* Optional: make durable what deliver wrote since the last sync
	 * (the alert log's fsync); 0 or -1 (logged).  Called once per
	 * batch, before the store commit that marks its items seen. */
	int		(*sync)(struct sink *);
	/* Optional: the item's transaction committed, send what was
	 * spooled (webhooks).  NULL for sinks that write at once. */
	void		(*flush)(struct sink *);
	/* Optional: SIGHUP, take over the work in flight of old, the same
	 * sink in the configuration loaded before (webhooks: the post
	 * under way, so that it is not cancelled and sent again). */
	void		(*adopt)(struct sink *, struct sink *old);
};

/*
 * Open every sink of cfg.  store is where webhook alerts are spooled and
 * poll what posts them; either may be NULL for a one-shot mode that only
 * prints (the webhook sinks then refuse to open).  NULL on error (logged).
 */
struct sinks	*sinks_open(const struct config *cfg, struct store *store,
		    struct poll *poll);

/*
 * Hand alert to every sink whose filters it passes.  Called inside the
 * item's store transaction: file and syslog sinks write now, webhook sinks
 * spool.  Returns 0 if every sink took it, -1 if one failed (logged): the
 * caller rolls back and keeps the item unseen, to retry.
 */
int		 sinks_deliver(struct sinks *, const json_t *alert);
/*
 * Before the batch's transaction commits: make what the sinks wrote
 * durable (one fsync per alert log, not one per alert).  0, or -1 if a
 * sink could not (logged): the caller rolls back, the items stay unseen.
 */
int		 sinks_sync(struct sinks *);
/* After the transaction committed: start posting what was spooled. */
void		 sinks_flush(struct sinks *);
/*
 * SIGHUP, with the new sinks open: each takes over the work in flight of
 * the old sink of the same name and type.  Call before sinks_close(old).
 */
void		 sinks_adopt(struct sinks *, struct sinks *old);
/* SIGHUP: reopen files.  0, or -1 if one failed (logged). */
int		 sinks_reopen(struct sinks *);
void		 sinks_close(struct sinks *);

#endif
