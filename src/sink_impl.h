/*
 * sink_impl.h: what the sink back ends share with sink.c, and nobody
 * else: one struct sink per configured sink, and the operations of each
 * type.
 */
#ifndef BRINK_SINK_IMPL_H
#define BRINK_SINK_IMPL_H

#include "sink.h"

struct sink {
	const struct config_sink	*cfg;	/* borrowed from the config */
	const struct config		*config; /* the whole of it; NULL in
						   tools that open one sink */
	const struct sink_ops		*ops;
	struct store			*store;	/* NULL outside the daemon */
	struct poll			*poll;	/* NULL outside the daemon */
	void				*data;	/* the back end's own state */
};

extern const struct sink_ops sink_syslog_ops;
extern const struct sink_ops sink_file_ops;
extern const struct sink_ops sink_webhook_ops;
extern const struct sink_ops sink_alertmanager_ops;

#endif
