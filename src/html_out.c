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

/*
 * Elements that end a word (a space) or, with HTML_KEEP_BLOCKS, a line,
 * and those whose content is never text a reader sees, by first letter:
 * every tag of every field passes here, and a scan of one list of them
 * all cost more than the rest of the tag's handling.  The implied html
 * and body of every field come first of theirs.
 */
static const char *const block_a[] = { "address", "article", "aside", NULL };
static const char *const block_b[] = { "body", "br", "blockquote", NULL };
static const char *const block_c[] = { "caption", NULL };
static const char *const block_d[] = { "dd", "div", "dl", "dt", NULL };
static const char *const block_f[] = { "fieldset", "figcaption", "figure",
	"footer", "form", NULL };
static const char *const block_h[] = { "html", "h1", "h2", "h3", "h4", "h5",
	"h6", "header", "hr", NULL };
static const char *const block_l[] = { "li", NULL };
static const char *const block_m[] = { "main", NULL };
static const char *const block_n[] = { "nav", NULL };
static const char *const block_o[] = { "ol", NULL };
static const char *const block_p[] = { "p", "pre", NULL };
static const char *const block_s[] = { "section", NULL };
static const char *const block_t[] = { "table", "tbody", "td", "tfoot", "th",
	"thead", "tr", "title", NULL };
static const char *const block_u[] = { "ul", NULL };
static const char *const dropped_h[] = { "head", NULL };
static const char *const dropped_n[] = { "noscript", NULL };
static const char *const dropped_s[] = { "script", "style", NULL };
static const char *const dropped_t[] = { "template", NULL };

static const struct {
	const char *const	*block;
	const char *const	*dropped;
} by_letter[26] = {
	['a' - 'a'] = { block_a, NULL },
	['b' - 'a'] = { block_b, NULL },
	['c' - 'a'] = { block_c, NULL },
	['d' - 'a'] = { block_d, NULL },
	['f' - 'a'] = { block_f, NULL },
	['h' - 'a'] = { block_h, dropped_h },
	['l' - 'a'] = { block_l, NULL },
	['m' - 'a'] = { block_m, NULL },
	['n' - 'a'] = { block_n, dropped_n },
	['o' - 'a'] = { block_o, NULL },
	['p' - 'a'] = { block_p, NULL },
	['s' - 'a'] = { block_s, dropped_s },
	['t' - 'a'] = { block_t, dropped_t },
	['u' - 'a'] = { block_u, NULL },
};

enum tag_role {
	ROLE_INLINE,
	ROLE_BLOCK,
	ROLE_DROPPED
};

static int
in_list(const char *name, const char *const *list)
{
	for (; list != NULL && *list != NULL; list++)
		if (strcmp(name, *list) == 0)
			return 1;
	return 0;
}

/* libxml2's HTML parser gives element names in lower case. */
static enum tag_role
tag_role(const char *name)
{
	unsigned int c = (unsigned char)name[0] - 'a';

	if (c >= 26)
		return ROLE_INLINE;
	if (in_list(name, by_letter[c].dropped))
		return ROLE_DROPPED;
	if (in_list(name, by_letter[c].block))
		return ROLE_BLOCK;
	return ROLE_INLINE;
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
	const xmlChar *run;
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
		/* This byte, the rest of the word, and single spaces
		 * between words: that is most text, found first and then
		 * copied in one go (a byte at a time cost twice as much). */
		run = s++;
		while (s < end) {
			if (byte_class[*s] == BYTE_WORD)
				s++;
			else if (*s == ' ' && s + 1 < end &&
			    byte_class[s[1]] == BYTE_WORD)
				s += 2;
			else
				break;
		}
		memcpy(d, run, (size_t)(s - run));
		d += s - run;
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
	enum tag_role role;

	if (o->skip > 0)
		o->skip++;
	else if ((role = tag_role(name)) == ROLE_DROPPED)
		o->skip++;
	else if (role == ROLE_BLOCK)
		out_break(o);
}

void
html_tag_end(struct out *o, const char *name)
{
	if (o->skip > 0)
		o->skip--;
	else if (tag_role(name) == ROLE_BLOCK)
		out_break(o);
}
