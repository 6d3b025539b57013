/*
 * feed_int.h: what the files of the feed parser share.  Imports run
 * one way, top down: feed.c (the entry points) -> feed_sax.c (the
 * stream, libxml2's SAX2 push parser) and feed_recover.c (the second
 * pass, a tree) -> feed_read.c (what each start tag, text and end tag
 * means) -> feed_item.c (what an element means for an item) ->
 * feed_xml.c (the current element, content being collected), with
 * feed_fix.c and feed_value.c at the bottom.  Not a public contract:
 * see feed.h.
 */
#ifndef BRINK_FEED_INT_H
#define BRINK_FEED_INT_H

#include <stddef.h>

#include <libxml/tree.h>
#include <libxml/parser.h>

#include "feed.h"
#include "feed_value.h"

#define DEFAULT_MAX_ITEMS	1000
#define DEFAULT_MAX_DEPTH	256
#define DEFAULT_MAX_TEXT	(1024 * 1024)
/* Bytes of internal entity text one document may expand, and how deep
 * entities may refer to entities: enough for real DOCTYPEs, far too
 * little for an entity bomb. */
#define ENTITY_BUDGET		(256 * 1024)
#define ENTITY_DEPTH		8
/* The stream gives up at the first well-formedness error.  Documents up
 * to this size are then read again as a tree in libxml2's recovery mode,
 * which gets past an unescaped "&" or an undeclared "&nbsp;"; larger
 * ones keep the items read before the error. */
#define RECOVER_MAX		(4 * 1024 * 1024)
/* Elements the recovery tree may hold: a tree costs some hundred bytes
 * a node, and "<a/>" is four bytes of input. */
#define RECOVER_MAX_ELEMENTS	100000

#define PARSE_OPTIONS	(XML_PARSE_NONET | XML_PARSE_RECOVER | \
			 XML_PARSE_NOCDATA | XML_PARSE_COMPACT)
/* Bytes handed to libxml2's push parser at a time when streaming. */
#define PUSH_CHUNK		(64 * 1024)

enum field {
	FLD_NONE,
	FLD_TITLE,
	FLD_MEDIA_TITLE,	/* a title only where there is no other */
	FLD_LINK,
	FLD_GUID,
	FLD_ID,
	FLD_PUBLISHED,
	FLD_UPDATED,
	FLD_AUTHOR,
	FLD_PERSON_NAME,	/* inside an Atom author */
	FLD_PERSON_EMAIL,
	FLD_SUMMARY,
	FLD_CONTENT,
	FLD_CATEGORY,
	FLD_CATEGORY_LIST,	/* comma-separated: media:keywords, tags */
	FLD_FEED_TITLE,
	FLD_FEED_LINK
};

/* An item's content as read, while skip_content: made into text only
 * if the item turns out to have no summary of its own. */
struct raw_content {
	char		*raw;
	size_t		 len;
	enum value_type	 type;
	int		 markup;
};

/* Bytes collected, NUL-terminated once any are. */
struct cap_buf {
	char		*data;
	size_t		 len, alloc;
};

/* The element whose content is being collected. */
struct capture {
	int		 active;
	int		 depth;
	enum field	 field;
	enum value_type	 type;
	int		 base64;	/* Atom 0.3 mode="base64" */
	int		 markup;	/* child elements were serialised */
	int		 child_depth;	/* inside children of a plain field */
	int		 permalink;	/* RSS guid: isPermaLink absent/"true" */
	char		*base;		/* xml:base in force, for links */
	struct cap_buf	 buf;
};

/*
 * The element the walk is at, named as libxml2's reader named it: the
 * local name, or "dc:creator" whole when the document never declared
 * the prefix.  Filled by feed_sax.c from a SAX2 callback or by
 * feed_recover.c from a tree node; read through feed_xml.c.
 */
struct xml_node {
	int		 depth;		/* the root element is 0 */
	int		 empty;		/* <x/>: no end event follows */
	const char	*local;
	const char	*prefix;	/* NULL if none */
	const char	*uri;		/* NULL if none */
	/* Attributes: SAX2's five pointers each (local name, prefix,
	 * URI, value, end of value), or the tree's list. */
	const xmlChar	**sax_attrs;
	int		 n_sax_attrs;
	xmlAttrPtr	 tree_attrs;
};

/* An xml:base in force, from the element at depth on. */
struct xml_base {
	int		 depth;
	char		*uri;
};

struct parser {
	struct xml_node	 node;
	xmlParserCtxtPtr ctxt;		/* the stream's push parser */
	xmlDocPtr	 doc;		/* where the DTD's entities are */
	struct xml_base	*bases;
	size_t		 n_bases, bases_alloc;
	int		 halted;	/* the walk was stopped */
	int		 status;	/* how: 0 at the end of the document,
					   -1 an XML error or not a feed,
					   1 a limit of ours or no memory */
	int		 sax_depth;	/* elements open in the stream */
	int		 skip_end;	/* the next end event closes <x/> */
	char		*err;		/* the caller's, for feed_ev_start */
	size_t		 errlen;
	struct feed		*feed;
	size_t			 max_items, max_depth, max_text;
	int			 skip_content;
	const char		*base_url;

	int		 root_seen;
	int		 chan_depth;	/* depth of channel (Atom: feed) */
	int		 feed_link_prio;

	int		 in_item;
	int		 item_depth;
	struct feed_item item;
	int		 title_set;	/* by title, not media:title */
	int		 permalink;	/* the guid may stand for the link */
	char		*guid;
	int		 link_prio;
	int		 person_depth;	/* > 0 inside an Atom author */
	char		*person_name, *person_email;
	size_t		 cat_alloc;
	struct raw_content *raw_contents;	/* with skip_content */
	size_t		 n_raw_contents, raw_contents_alloc;

	/* Streaming (feed_parse_fd): items go to on_item, not the feed. */
	void		(*on_item)(const struct feed_item *, void *);
	void		*on_item_arg;
	size_t		 n_done;	/* items completed so far */

	struct capture	 cap;
	size_t		 entity_spent;
	char		 cname[128];

	/* Why the parse stopped or what was wrong: the first of each. */
	int		 xml_stopped;	/* libxml2 gave up on an XML error */
	int		 utf8_error;	/* said UTF-8 and was not */
	int		 utf8_input;	/* read as UTF-8 at its first error */
	int		 nul_byte;	/* libxml2 stopped at a NUL */
	int		 bad_encoding;	/* declared one libxml2 does not know */
	int		 over_limit;	/* libxml2 hit one of its safety limits */
	size_t		 tree_elements;	/* elements in the recovery tree */
	/* HTML entities a feed used without declaring them ("&nbsp;"),
	 * made for the recovery pass; HTML has some 250. */
	xmlEntityPtr	 html_entities[256];
	size_t		 n_html_entities;
	startElementNsSAX2Func tree_start;	/* libxml2's own handler */
	char		 stop_reason[256];
	char		 xml_error[256];
	int		 truncated;
	int		 dropped_items;
	int		 nomem;
};

/* feed_sax.c: the stream */
int		 feed_sax_begin(struct parser *, const char *, size_t);
void		 feed_sax_push(struct parser *, const char *, size_t, int,
		    char *, size_t);
void		 feed_sax_end(struct parser *);

/* feed_read.c: what the events mean, for the stream and the tree.
 * Each stops the walk (p->halted, p->status) when it must. */
void		 feed_on_xml_error(void *, xmlErrorPtr);
void		 feed_ev_start(struct parser *, char *, size_t);
void		 feed_ev_end(struct parser *, int);
void		 feed_ev_text(struct parser *, int, const char *, size_t);
void		 feed_ev_reference(struct parser *, int, const char *);
struct feed	*feed_finish(struct parser *, char *, size_t);

/* feed_recover.c: the second pass for ill-formed documents */
struct feed	*feed_recover(struct parser *, const char *, size_t,
		    const char *, char *, size_t);

/* feed_xml.c: the current element and the content being captured */
void		 feed_set_reason(char *, size_t, const char *, ...)
		    __attribute__((format(printf, 3, 4)));
char		*feed_strdup(struct parser *, const char *);
void		 feed_replace(char **, char *);
char		*feed_trim(char *);
const char	*feed_cname(struct parser *);
char		*feed_attr(struct parser *, const char *);
char		*feed_base_uri(struct parser *);
void		 feed_base_enter(struct parser *);
void		 feed_base_leave(struct parser *, int);
void		 feed_halt(struct parser *, int);
int		 feed_is_absolute(const char *);
char		*feed_resolve(struct parser *, const char *, const char *);
void		 feed_cap_begin(struct parser *, int, enum field,
		    enum value_type);
void		 feed_cap_text(struct parser *, const char *, size_t);
void		 feed_cap_child_start(struct parser *, const char *, int);
void		 feed_cap_child_end(struct parser *, const char *);
int		 feed_expand_entity(struct parser *, const char *, int);

/* feed_fix.c: repairs to the bytes before the recovery pass */
char		*feed_fix_references(const char *, size_t, size_t *, int *);
char		*feed_fix_nul(const char *, size_t, size_t *, size_t *, size_t *,
		    int *);

/* feed_item.c: what each element means for the item or the channel */
void		 feed_cap_finish(struct parser *);
int		 feed_atom_link(struct parser *, char **, int *);
void		 feed_add_category(struct parser *, const char *, size_t);
void		 feed_item_begin(struct parser *, int);
void		 feed_item_child(struct parser *, const char *, int, int);
void		 feed_person_end(struct parser *);
void		 feed_item_end(struct parser *);
void		 feed_item_clear(struct feed_item *);
void		 feed_raw_contents_clear(struct parser *);
int		 feed_item_finish(struct parser *, struct feed_item *);

#endif
