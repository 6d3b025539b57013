/*
 * html_out.c: the text being written from HTML, whoever reads the
 * markup (html_simple.c without a parser, html.c with libxml2's): white
 * space collapsed, blocks turned into breaks, script and style skipped.
 * It knows nothing of its callers.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/xmlstring.h>

#include "html_int.h"

/* Elements that end a word (a space) or, with HTML_KEEP_BLOCKS, a line. */
static const char *const block_tags[] = {
	"address", "article", "aside", "blockquote", "br", "caption", "dd",
	"div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
	"form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
	"main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td",
	"tfoot", "th", "thead", "tr", "ul", "body", "html", "title", NULL
};

/* Elements whose content is never text a reader sees. */
static const char *const dropped_tags[] = {
	"script", "style", "head", "noscript", "template", NULL
};

/* libxml2's HTML parser gives element names in lower case. */
static int
in_list(const xmlChar *name, const char *const *list)
{
	for (; *list != NULL; list++)
		if ((*list)[0] == (char)name[0] &&
		    strcmp((const char *)name, *list) == 0)
			return 1;
	return 0;
}

static void
out_break(struct out *o)
{
	enum sep want = o->keep_blocks ? SEP_BREAK : SEP_SPACE;

	if (o->pending < want)
		o->pending = want;
}

/* Room for n more bytes and a NUL. */
int
html_out_reserve(struct out *o, size_t n)
{
	char *grown;
	size_t cap;

	if (o->len + n + 1 <= o->cap)
		return 0;
	for (cap = o->cap ? o->cap : 256; cap < o->len + n + 1; cap *= 2)
		;
	if ((grown = realloc(o->buf, cap)) == NULL) {
		o->failed = 1;
		return -1;
	}
	o->buf = grown;
	o->cap = cap;
	return 0;
}

/* What html_out_run() does with a byte. */
enum byte_class {
	BYTE_WORD,
	BYTE_SPACE,
	BYTE_C2,		/* perhaps the start of a no-break space */
	BYTE_MARKUP		/* '<' or '&' */
};

static const unsigned char byte_class[256] = {
	['\t'] = BYTE_SPACE, ['\n'] = BYTE_SPACE, ['\r'] = BYTE_SPACE,
	['\f'] = BYTE_SPACE, [' '] = BYTE_SPACE, [0xc2] = BYTE_C2,
	['<'] = BYTE_MARKUP, ['&'] = BYTE_MARKUP
};

/*
 * Append text from s, collapsing white space on the way; a separator
 * owed from before is written only when more text follows.  With
 * stop_at_markup, stop before a '<' or '&'.  Returns where it stopped.
 */
const xmlChar *
html_out_run(struct out *o, const xmlChar *s, const xmlChar *end,
    int stop_at_markup)
{
	char *d;
	int cls;

	/* At most one byte out per byte in, plus the owed separator. */
	if (html_out_reserve(o, (size_t)(end - s) + 1) == -1)
		return end;
	d = o->buf + o->len;
	while (s < end) {
		cls = byte_class[*s];
		/* A no-break space (&nbsp;) is a space in plain text. */
		if (cls == BYTE_SPACE || (cls == BYTE_C2 && s + 1 < end &&
		    s[1] == 0xa0)) {
			if (o->pending < SEP_SPACE)
				o->pending = SEP_SPACE;
			s += cls == BYTE_C2 ? 2 : 1;
			continue;
		}
		if (cls == BYTE_MARKUP && stop_at_markup)
			break;
		if (o->pending != SEP_NONE) {
			if (d != o->buf)
				*d++ = o->pending == SEP_BREAK ? '\n' : ' ';
			o->pending = SEP_NONE;
		}
		*d++ = (char)*s++;
		/* The rest of the word, and single spaces between words,
		 * in one go: that is most text. */
		while (s < end) {
			if (byte_class[*s] == BYTE_WORD)
				*d++ = (char)*s++;
			else if (*s == ' ' && s + 1 < end &&
			    byte_class[s[1]] == BYTE_WORD) {
				d[0] = ' ';
				d[1] = (char)s[1];
				d += 2;
				s += 2;
			} else
				break;
		}
	}
	o->len = d - o->buf;
	o->buf[o->len] = '\0';
	return s;
}

void
html_out_text(struct out *o, const xmlChar *s, size_t len)
{
	(void)html_out_run(o, s, s + len, 0);
}

/* What a tag does to the text, for both readers. */
void
html_tag_start(struct out *o, const char *name)
{
	if (o->skip > 0 || in_list((const xmlChar *)name, dropped_tags))
		o->skip++;
	else if (in_list((const xmlChar *)name, block_tags))
		out_break(o);
}

void
html_tag_end(struct out *o, const char *name)
{
	if (o->skip > 0)
		o->skip--;
	else if (in_list((const xmlChar *)name, block_tags))
		out_break(o);
}
