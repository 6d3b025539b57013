/*
 * html_int.h: what html.c (libxml2's HTML parser) and html_simple.c
 * (the common subset without it) share: the text being written, kept by
 * html_out.c.  Imports run one way: html.c -> html_simple.c ->
 * html_out.c.  Not a public contract: see html.h.
 */
#ifndef BRINK_HTML_INT_H
#define BRINK_HTML_INT_H

#include <stddef.h>

#include <libxml/xmlstring.h>

enum sep {
	SEP_NONE,
	SEP_SPACE,
	SEP_BREAK
};

struct out {
	char		*buf;		/* the text so far, NUL-terminated */
	size_t		 len, cap;
	enum sep	pending;	/* owed before the next character */
	int		keep_blocks;
	int		skip;		/* inside script, style, head */
	int		failed;
};

/* Room for n more bytes and a NUL; -1 (and failed set) if there is none. */
int		 html_out_reserve(struct out *, size_t);
/* Append text, white space collapsed; with stop_at_markup, up to the
 * first '<' or '&'.  Returns where it stopped. */
const xmlChar	*html_out_run(struct out *, const xmlChar *, const xmlChar *,
		    int);
void		 html_out_text(struct out *, const xmlChar *, size_t);
/* What a start or end tag does to the text (html_out.c). */
void		 html_tag_start(struct out *, const char *);
void		 html_tag_end(struct out *, const char *);
/* The text of simple HTML into out (html_simple.c); -1 if html is
 * outside the subset it reads, and out must be started again. */
int		 html_simple(struct out *, const char *, size_t);

#endif
