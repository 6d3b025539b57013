/*
 * feed_value.h: turning the raw content of one feed element into the
 * text brink keeps (feed.c's helper; not a public contract).  Feeds say
 * how their text is meant in three ways: Atom's type and mode
 * attributes, RSS's habit of holding HTML in description, and markup
 * written straight into the element.  These functions apply those rules.
 */
#ifndef BRINK_FEED_VALUE_H
#define BRINK_FEED_VALUE_H

#include <stddef.h>

enum value_type {
	VALUE_TEXT,		/* literal text: Atom type="text" */
	VALUE_GUESS,		/* RSS text: HTML only if it looks like it */
	VALUE_HTML,		/* escaped HTML: description, type="html" */
	VALUE_XHTML,		/* inline markup: type="xhtml" */
	VALUE_BINARY		/* Atom content of another media type */
};

/* Map a type attribute (Atom 1.0 or 0.3 spelling) to how the element's
 * content is meant; dflt when the attribute is absent or says nothing. */
enum value_type	 value_type_of(const char *type_attr, enum value_type dflt);
/* 1 if s looks like HTML: a closing tag or an entity reference, and only
 * tags and entity names HTML knows. */
int		 value_looks_like_html(const char *s);
/* Decode base64 in place (white space skipped); returns the new length,
 * or -1 if s is not base64. */
long		 value_base64_decode(char *s);
/* Collapse runs of ASCII white space and no-break spaces to one space
 * and trim, in place. */
void		 value_collapse(char *s);
/*
 * len bytes of in as valid UTF-8: bytes that are not UTF-8 are read as
 * Windows-1252 (what a feed that says UTF-8 and is not usually holds),
 * and C1 controls, which no text means, as the Windows-1252 characters
 * their authors typed ("don\u0092t" is "don't" with a curly quote).
 * NULL when in needs no repair (or out of memory: see *failed);
 * otherwise a NUL-terminated copy the caller frees, its length in *outlen.
 */
char		*value_utf8_repair(const char *in, size_t len, size_t *outlen,
		    int *failed);
/*
 * The plain text of raw (len bytes) meant as type; markup says raw was
 * serialised from child elements (so it is markup whatever the type
 * says); html_flags go to html_to_text (HTML_KEEP_BLOCKS for content).
 * Returns a string the caller frees, NULL on out of memory.
 */
char		*value_to_text(const char *raw, size_t len, enum value_type type,
		    int markup, int html_flags);

#endif
