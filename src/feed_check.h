/*
 * feed_check.h: what brinkd -t, a start and a reload check of the feeds
 * beyond the file's syntax: that the secrets in their headers resolve.
 */
#ifndef BRINK_FEED_CHECK_H
#define BRINK_FEED_CHECK_H

#include "config.h"

/*
 * Expand ${env:} and ${file:} in every feed header of cfg as the user
 * running us.  Each one that does not resolve goes to report as
 * "FILE:LINE: feed NAME: header N: what is missing" (never a value).
 * Returns the number of errors.
 */
int	feeds_check(const struct config *cfg, config_report_fn *report,
	    void *arg);

#endif
