/*
 * sink_check.h: what brinkd -t and a start check of the sinks beyond the
 * file's syntax: that the secrets resolve and each sink could open, all
 * without sending anything.
 */
#ifndef BRINK_SINK_CHECK_H
#define BRINK_SINK_CHECK_H

#include "config.h"

/*
 * Check every sink of cfg as the user running us:
 *   file     the path can be written (or created, with one missing
 *            directory, as the sink does); nothing is created
 *   syslog   a syslog daemon listens on /dev/log (a warning if not:
 *            the alerts would be lost, but brinkd runs)
 *   webhook, alertmanager
 *            ${env:} and ${file:} in the url and headers resolve, the
 *            url parses (libcurl's URL API) as http(s) with a host,
 *            an ntfy url names its topic, headers are "Name: value"
 * Each problem goes to report as "FILE:LINE: sink NAME: what to do"
 * (warnings as "FILE:LINE: warning: ...").  Secrets are never in a
 * message.  Returns the number of errors.
 */
int	sinks_check(const struct config *cfg, config_report_fn *report,
	    void *arg);

#endif
