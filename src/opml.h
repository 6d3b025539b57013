/*
 * opml.h: the feeds of an OPML subscription list, the file every feed
 * reader exports (OPML 1.0 and 2.0: outline elements with an xmlUrl,
 * nested in folders).  A pure module: no I/O, no logging; problems go
 * into the caller's buffer with the line they are on.
 */
#ifndef BRINK_OPML_H
#define BRINK_OPML_H

#include <stddef.h>

struct opml_feed {
	char	*url;		/* xmlUrl, trimmed; never NULL or empty */
	char	*title;		/* title, else text; NULL if neither */
	char	*folder;	/* the enclosing outline's title or text,
				   innermost; NULL at the top */
	int	 line;		/* of the outline element */
};

struct opml {
	struct opml_feed	*feeds;		/* in document order */
	size_t			 n_feeds;
	/* The first outline that was skipped (an empty xmlUrl), and why,
	 * for a warning; line 0 if none. */
	int			 skipped_line;
	char			 skipped[128];
};

/*
 * Parse len bytes of buf as OPML.  Returns the feeds (caller frees with
 * opml_free), or NULL with "line N: what is wrong" (or what is missing)
 * in err: XML that is not well-formed, a root that is not <opml>, no
 * <body>.  Entities are never loaded from outside and nothing is read
 * from the network.
 */
struct opml	*opml_parse(const char *buf, size_t len, char *err,
		    size_t errlen);
void		 opml_free(struct opml *);

/*
 * A feed name for f (config_name_ok's alphabet: letters, digits, '-',
 * '_', '.'; at most 64 bytes): its title in lower case with every other
 * run of characters made one '-', else its URL's host.  Caller frees;
 * NULL only when out of memory.
 */
char		*opml_feed_name(const struct opml_feed *f);

#endif
