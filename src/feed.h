/*
 * feed.h: RSS 0.9x/1.0/2.0 and Atom 1.0 documents -> items.  A pure
 * module: no I/O, no logging; problems go into the caller's buffer.
 * Hostile documents (external entities, entity bombs, deep nesting,
 * huge text nodes) are refused as errors, never followed.
 */
#ifndef BRINK_FEED_H
#define BRINK_FEED_H

#include <stddef.h>
#include <time.h>

enum feed_kind {
	FEED_RSS,		/* RSS 0.91, 0.92, 2.0 */
	FEED_RDF,		/* RSS 1.0 */
	FEED_ATOM
};

struct feed_item {
	char	 *id;		/* guid, atom:id or rdf:about; NULL if absent */
	char	 *key;		/* never NULL: id, else link, else "h:" and a
				   hash of title and summary (see hash.h) */
	char	 *title;	/* plain text; "" if absent */
	char	 *link;		/* absolute where it could be resolved; NULL */
	time_t	  published;	/* pubDate, dcterms:issued, atom:published */
	int	  has_published;
	time_t	  updated;	/* dc:date, dcterms:modified, atom:updated */
	int	  has_updated;
	char	 *author;	/* NULL if absent */
	char	 *summary;	/* plain text of description/summary, else of
				   the first non-empty content; "" if none */
	char	 *content;	/* plain text of content:encoded / atom:content,
				   blocks separated by '\n'; NULL if absent */
	char	**categories;
	size_t	  n_categories;
};

struct feed {
	enum feed_kind	  kind;
	char		 *title;	/* plain text; "" if absent */
	char		 *link;		/* NULL if absent */
	struct feed_item *items;	/* in document order */
	size_t		  n_items;
	int		  recovered;	/* ill-formed XML was recovered */
};

struct feed_limits {
	size_t	max_items;	/* items beyond are dropped; 0: default 1000 */
	size_t	max_depth;	/* element nesting; 0: default 256 */
	size_t	max_text;	/* bytes in one field; 0: default 1M */
	int	skip_content;	/* items' content stays NULL (the summary
				   is still made from it where there is no
				   other): for callers that never read it */
};

/*
 * Parse len bytes of buf.  base_url (may be NULL) resolves relative links
 * when the document gives no xml:base.  Returns a feed (caller frees with
 * feed_free) or NULL with the reason in err.  A feed that was recovered
 * or cut short keeps the items read so far and has a warning in err.
 */
struct feed	*feed_parse(const char *buf, size_t len, const char *base_url,
		    const struct feed_limits *limits, char *err, size_t errlen);
/*
 * The streaming form, for documents too large to hold: read the document
 * from fd until end of file and hand each item to on_item as soon as it
 * is complete (the item is borrowed for the call; its link is resolved
 * and its key set).  The returned feed holds the channel's title and link
 * and no items.  Errors as for feed_parse: NULL if the document is not a
 * feed or nothing could be read from it, a warning in err if it was
 * recovered or cut short after some items.
 */
struct feed	*feed_parse_fd(int fd, const char *base_url,
		    const struct feed_limits *limits,
		    void (*on_item)(const struct feed_item *, void *),
		    void *arg, char *err, size_t errlen);
void		 feed_free(struct feed *);

/*
 * The text the rules read for item: its summary and its content, or only
 * the content when that already holds the summary, or only the summary
 * when there is no content.  Caller frees; NULL only when out of memory.
 */
char		*feed_item_text(const struct feed_item *item);

#endif
