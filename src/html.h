/*
 * html.h: HTML fragments and pages -> plain text, with libxml2's HTML
 * parser (no network, recover mode).  Character references decoded,
 * comments, <script> and <style> dropped, block elements (p, div, br,
 * li, h1-h6, table cells, ...) become breaks.  A pure module.
 */
#ifndef BRINK_HTML_H
#define BRINK_HTML_H

#include <stddef.h>

/* Block elements become "\n" instead of " ", for sentence splitting. */
#define HTML_KEEP_BLOCKS	0x1

/*
 * Return the text of len bytes of UTF-8 HTML: runs of white space (and
 * no-break spaces) collapsed to one space (or one "\n" where a block ended, with
 * HTML_KEEP_BLOCKS) and trimmed.  Caller frees; NULL only when out
 * of memory.
 */
char	*html_to_text(const char *html, size_t len, int flags);

#endif
