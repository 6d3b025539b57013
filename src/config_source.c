/*
 * config_source.c: the files of a configuration, read, cleaned and joined
 * into the one text that libconfuse parses.
 *
 * Why not hand libconfuse the files as they are?  libconfuse 3.3 has
 * habits brink cannot live with:
 *  - its line counter runs ahead by two on every "#" or "//" comment and
 *    by one after every block comment, so each message after a comment
 *    would name the wrong line.  We blank comments out (newlines stay)
 *    and the count is right again.
 *  - it replaces ${NAME} inside double quotes with the environment
 *    variable NAME, which would eat the ${env:TOKEN} that a webhook URL
 *    holds for the sink to expand.  We escape "${" as "\${", which it
 *    reads back as the two characters.
 *  - its include() opens paths from the working directory, and after an
 *    error inside an included file it leaves its include stack (and the
 *    file) open for the next parse.  We read included files ourselves,
 *    relative to the including file, and splice them in, keeping a map
 *    from lines of the joined text back to files and lines.
 * The same walk notes where each top-level section opens and closes:
 * libconfuse only tells where a section ends.
 */
#include "autoconf.h"

#include <sys/types.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <utf8proc.h>

#include "config.h"
#include "config_priv.h"

/* The joined text as it grows. */
struct joined {
	char	*p;
	size_t	 len;
	size_t	 cap;
	int	 line;		/* line of the joined text being written */
	int	 depth;		/* brace depth, for the section spans */
	int	 open_line;
	/* After a marked "KEY +=": waiting for its value or its list,
	 * and the depth of that list, until it closes. */
	int	 append_wait;
	int	 append_list;
};

/* Add a file to the load; its name is kept in config->files. */
int
config_source_add(struct config_load *ld, const char *name, int parent)
{
	struct config_files *files = ld->config->files;
	struct config_source *src;
	char **names;

	names = reallocarray(files->names, files->n + 1, sizeof(*names));
	if (names == NULL)
		return -1;
	files->names = names;
	src = reallocarray(ld->sources, ld->n_sources + 1, sizeof(*src));
	if (src == NULL)
		return -1;
	ld->sources = src;
	if ((names[files->n] = strdup(name)) == NULL)
		return -1;
	src = &ld->sources[ld->n_sources];
	src->name = names[files->n++];
	src->parent = parent;
	return (int)ld->n_sources++;
}

/* The whole of path; NULL and a message at (from, line) if it fails. */
static char *
read_whole(struct config_load *ld, const char *path, int from, int line,
    size_t *lenp)
{
	struct stat st;
	char *buf = NULL, *grown;
	size_t len = 0, size = 0;
	ssize_t got;
	int fd, saved;

	/* An include() that names a FIFO or a terminal by mistake must
	 * not hold the load (and a reload) forever: it is opened without
	 * waiting and refused below.  The main file may be a pipe. */
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY |
	    (from >= 0 ? O_NONBLOCK : 0))) == -1) {
		saved = errno;
		config_msg(ld, 1, from, line, "cannot open %s: %s%s", path,
		    strerror(saved), from < 0 ? "" :
		    " (a relative path starts from the including file's "
		    "directory)");
		return NULL;
	}
	if (from >= 0 && (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode))) {
		config_msg(ld, 1, from, line, "%s is not a regular file; "
		    "name a configuration file", path);
		goto fail;
	}
	for (;;) {
		if (len + 1 >= size) {
			size = size ? size * 2 : 8192;
			if ((grown = realloc(buf, size)) == NULL) {
				config_msg(ld, 1, from, line,
				    "out of memory reading %s", path);
				goto fail;
			}
			buf = grown;
		}
		got = read(fd, buf + len, size - len - 1);
		if (got == -1 && errno == EINTR)
			continue;
		if (got == -1) {
			saved = errno;
			config_msg(ld, 1, from, line, "cannot read %s: %s",
			    path, strerror(saved));
			goto fail;
		}
		if (got == 0)
			break;
		len += (size_t)got;
		if (len > CONFIG_MAX_FILE) {
			config_msg(ld, 1, from, line, "%s is larger than "
			    "%d MB; is it the right file?", path,
			    CONFIG_MAX_FILE / (1024 * 1024));
			goto fail;
		}
	}
	close(fd);
	buf[len] = '\0';
	*lenp = len;
	return buf;
fail:
	close(fd);
	free(buf);
	return NULL;
}

static int
put(struct joined *out, char c)
{
	char *grown;
	size_t cap;

	if (out->len + 2 > out->cap) {
		cap = out->cap ? out->cap * 2 : 4096;
		if ((grown = realloc(out->p, cap)) == NULL)
			return -1;
		out->p = grown;
		out->cap = cap;
	}
	out->p[out->len++] = c;
	out->p[out->len] = '\0';
	if (c == '\n')
		out->line++;
	return 0;
}

static int
add_segment(struct config_load *ld, int line, int source, int source_line)
{
	struct config_segment *seg;

	seg = reallocarray(ld->segments, ld->n_segments + 1, sizeof(*seg));
	if (seg == NULL)
		return -1;
	ld->segments = seg;
	seg[ld->n_segments].line = line;
	seg[ld->n_segments].source = source;
	seg[ld->n_segments].source_line = source_line;
	ld->n_segments++;
	return 0;
}

static int
add_span(struct config_load *ld, int open_line, int close_line)
{
	struct config_span *spans;
	size_t cap;

	/* Doubled, not grown by one: one span per section of the file. */
	if (ld->n_spans == ld->cap_spans) {
		cap = ld->cap_spans ? ld->cap_spans * 2 : 64;
		spans = reallocarray(ld->spans, cap, sizeof(*spans));
		if (spans == NULL)
			return -1;
		ld->spans = spans;
		ld->cap_spans = cap;
	}
	spans = ld->spans;
	spans[ld->n_spans].open_line = open_line;
	spans[ld->n_spans].close_line = close_line;
	ld->n_spans++;
	return 0;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Characters that end an unquoted word in libconfuse's lexer. */
static int
is_delimiter(char c)
{
	return c == '\0' || strchr(" #\"'\t\n\r={}()+,*", c) != NULL;
}

/*
 * Before "KEY +=", where out ends, put CONFIG_APPEND_KEY = KEY (see
 * config_priv.h).  A key in quotes, or none, gets no mark: its += reads
 * as =.  Only the top level and the sections in it have the mark's key.
 * Returns 1 if marked, 0 if not, -1 without memory.
 */
static int
mark_append(struct joined *out)
{
	static const char head[] = "\"" CONFIG_APPEND_KEY "\" = ";
	size_t end = out->len, start, n, i, cap;
	char *grown;

	if (out->depth > 1)
		return 0;
	while (end > 0 && is_space(out->p[end - 1]))
		end--;
	for (start = end; start > 0 && !is_delimiter(out->p[start - 1]);
	    start--)
		continue;
	if (start == end)
		return 0;
	/* head, KEY and a space, in front of KEY: no newline, so the
	 * lines stay where they were. */
	n = sizeof(head) - 1 + (end - start) + 1;
	if (out->len + n + 2 > out->cap) {
		/* Doubled, as put() does: many marks stay linear. */
		cap = out->cap * 2 > out->len + n + 2 ? out->cap * 2 :
		    out->len + n + 2;
		if ((grown = realloc(out->p, cap)) == NULL)
			return -1;
		out->p = grown;
		out->cap = cap;
	}
	memmove(out->p + start + n, out->p + start, out->len - start + 1);
	memcpy(out->p + start, head, sizeof(head) - 1);
	i = start + sizeof(head) - 1;
	memcpy(out->p + i, out->p + start + n, end - start);
	out->p[i + (end - start)] = ' ';
	out->len += n;
	return 1;
}

/*
 * After the list of a marked "KEY += {...}": CONFIG_APPEND_KEY = "",
 * a mark of no key, ends the +=.  libconfuse calls back for no part of
 * an empty list, so without it the mark of KEY += {} would be taken by
 * the first value of a later KEY = {...}, which would then add.
 */
static int
end_append(struct joined *out)
{
	static const char end[] = " \"" CONFIG_APPEND_KEY "\" = \"\" ";
	size_t i;

	for (i = 0; i < sizeof(end) - 1; i++)
		if (put(out, end[i]) == -1)
			return -1;
	return 0;
}

/*
 * At text[i] stands the word "include": find the rest of the call,
 * include("path"), include('path') or include(path).  Returns the index
 * just past ')' and the path (caller frees), or 0 if it is no such call.
 */
static size_t
include_call(const char *text, size_t len, size_t i, char **path)
{
	size_t start, n;
	char quote, *p;

	i += strlen("include");
	while (i < len && is_space(text[i]))
		i++;
	if (i >= len || text[i] != '(')
		return 0;
	i++;
	while (i < len && is_space(text[i]))
		i++;
	if (i >= len)
		return 0;
	if ((p = malloc(len - i + 1)) == NULL)
		return 0;
	n = 0;
	if (text[i] == '"' || text[i] == '\'') {
		quote = text[i++];
		while (i < len && text[i] != quote && text[i] != '\n') {
			if (text[i] == '\\' && i + 1 < len)
				i++;
			p[n++] = text[i++];
		}
		if (i >= len || text[i] != quote)
			goto no;
		i++;
	} else {
		start = i;
		while (i < len && !is_delimiter(text[i]))
			i++;
		n = i - start;
		memcpy(p, text + start, n);
	}
	p[n] = '\0';
	while (i < len && is_space(text[i]))
		i++;
	if (n == 0 || i >= len || text[i] != ')')
		goto no;
	*path = p;
	return i + 1;
no:
	free(p);
	return 0;
}

/* Whether the word "include" at text[i] is followed by '(': a call. */
static int
is_call(const char *text, size_t len, size_t i)
{
	i += strlen("include");
	while (i < len && is_space(text[i]))
		i++;
	return i < len && text[i] == '(';
}

/* path taken from the directory of the file from. */
static char *
resolve(const char *from, const char *path)
{
	const char *slash;
	char *joined;
	int n;

	slash = strrchr(from, '/');
	if (path[0] == '/' || slash == NULL)
		return strdup(path);
	n = (int)(slash - from) + 1;
	if (asprintf(&joined, "%.*s%s", n, from, path) == -1)
		return NULL;
	return joined;
}

static int
same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	if (stat(a, &sa) == -1 || stat(b, &sb) == -1)
		return strcmp(a, b) == 0;
	return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static int	join(struct config_load *, struct joined *, int source,
		    const char *text, size_t len, int depth);

/*
 * Splice the file resolved (a path from the working directory), named at
 * line of source, into out: a newline, its text, a newline.  Returns 0,
 * or -1 after a message (out unchanged).
 */
static int
include_file(struct config_load *ld, struct joined *out, int source,
    int line, const char *resolved, int depth)
{
	struct joined saved = *out;
	size_t n_segments = ld->n_segments, n_spans = ld->n_spans;
	char *text = NULL;
	size_t len;
	int up, child = -1, rc = -1;

	for (up = source; up >= 0; up = ld->sources[up].parent) {
		if (same_file(ld->sources[up].name, resolved)) {
			config_msg(ld, 1, source, line, "%s would include "
			    "itself; remove this include()", resolved);
			goto done;
		}
	}
	if (depth >= CONFIG_MAX_INCLUDE) {
		config_msg(ld, 1, source, line, "include() nested more than "
		    "%d deep", CONFIG_MAX_INCLUDE);
		goto done;
	}
	if ((text = read_whole(ld, resolved, source, line, &len)) == NULL)
		goto done;
	if ((child = config_source_add(ld, resolved, source)) == -1) {
		config_msg(ld, 1, source, line, "out of memory");
		goto done;
	}
	/* The joined text owns its buffer: work on a copy of the pointer
	 * state, and roll back to it if the included file is refused. */
	if (put(out, '\n') == -1 ||
	    add_segment(ld, out->line, child, 1) == -1 ||
	    join(ld, out, child, text, len, depth + 1) == -1 ||
	    put(out, '\n') == -1) {
		out->len = saved.len;
		if (out->p != NULL)
			out->p[out->len] = '\0';
		out->line = saved.line;
		out->depth = saved.depth;
		out->open_line = saved.open_line;
		ld->n_segments = n_segments;
		ld->n_spans = n_spans;
		goto done;
	}
	rc = 0;
done:
	/* What the file held is unknown: checks that need the whole
	 * configuration would only add noise. */
	if (rc == -1)
		ld->incomplete = 1;
	free(text);
	return rc;
}

/* glob(3)'s error callback takes no pointer: the first real error of
 * the current include_path(), kept here (loads do not nest). */
static int glob_errno;

static int
glob_error(const char *path, int err)
{
	/* A missing conf.d/ holds no file: the same as an empty one. */
	if (err == ENOENT || err == ENOTDIR)
		return 0;
	glob_errno = err;
	return 1;
}

/*
 * include(path) at line of source: the file, or with a wildcard (*, ?,
 * [...]) every regular file it matches, in sorted order; a pattern that
 * matches nothing includes nothing, so that an empty conf.d/ is fine.
 * Returns the number of files spliced in, or -1 if none was and one was
 * refused (after a message).
 */
static int
include_path(struct config_load *ld, struct joined *out, int source,
    int line, const char *path, int depth)
{
	struct stat st;
	char *resolved;
	glob_t g;
	size_t i;
	int n = 0, failed = 0, rc;

	if (!ld->allow_include) {
		config_msg(ld, 1, source, line, "include() is not allowed "
		    "here");
		ld->incomplete = 1;
		return -1;
	}
	if ((resolved = resolve(ld->sources[source].name, path)) == NULL) {
		config_msg(ld, 1, source, line, "out of memory");
		return -1;
	}
	if (strpbrk(path, "*?[") == NULL) {
		rc = include_file(ld, out, source, line, resolved, depth);
		free(resolved);
		return rc == 0 ? 1 : -1;
	}
	glob_errno = 0;
	rc = glob(resolved, 0, glob_error, &g);
	if (rc != 0 && rc != GLOB_NOMATCH) {
		config_msg(ld, 1, source, line, "include(\"%s\"): cannot read "
		    "the directory: %s", path, rc == GLOB_NOSPACE ?
		    "out of memory" : strerror(glob_errno));
		ld->incomplete = 1;
		free(resolved);
		return -1;
	}
	for (i = 0; rc == 0 && i < g.gl_pathc; i++) {
		if (stat(g.gl_pathv[i], &st) == -1 || !S_ISREG(st.st_mode))
			continue;
		if (include_file(ld, out, source, line, g.gl_pathv[i],
		    depth) == 0)
			n++;
		else
			failed = 1;
	}
	if (rc == 0)
		globfree(&g);
	free(resolved);
	return n == 0 && failed ? -1 : n;
}

/*
 * include(...) at text[*ip], on line *linep of source: splice in the file
 * it names, or report a call we cannot read and blank the rest of its
 * line (libconfuse never sees include(): its parser leaks what a broken
 * call held).  Moves *ip to the last character used and *linep along.
 * Returns -1 if out of memory.
 */
static int
splice_include(struct config_load *ld, struct joined *out, int source,
    const char *text, size_t len, size_t *ip, int *linep, int depth)
{
	size_t i = *ip, end;
	char *path;
	int call_line = *linep, line = *linep, rc = 0;

	if ((end = include_call(text, len, i, &path)) == 0) {
		config_msg(ld, 1, source, line, "include() takes one file "
		    "name in quotes: include(\"rules/default.conf\")");
		ld->incomplete = 1;
		for (; i < len && text[i] != '\n'; i++)
			if (put(out, ' ') == -1)
				return -1;
		*ip = i - 1;
		return 0;
	}
	/* Keep the lines the call spans, so that the text after it keeps
	 * its line numbers. */
	for (; i < end; i++)
		if (text[i] == '\n')
			line++;
	if (include_path(ld, out, source, call_line, path, depth) > 0)
		rc = add_segment(ld, out->line, source, line);
	else
		for (; call_line < line && rc == 0; call_line++)
			rc = put(out, '\n');
	free(path);
	*ip = end - 1;
	*linep = line;
	return rc;
}

/*
 * The file must be UTF-8: names and phrases are matched against UTF-8
 * text, and a Latin-1 "é" would be a name that never matches, quietly.
 * Returns 0, or -1 after naming the first line that is not.
 */
static int
check_utf8(struct config_load *ld, int source, const char *text, size_t len)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)text;
	utf8proc_int32_t cp;
	utf8proc_ssize_t n;
	size_t i = 0;
	int line = 1;

	while (i < len) {
		if (p[i] < 0x80) {
			line += p[i++] == '\n';
			continue;
		}
		n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
		if (n < 0) {
			config_msg(ld, 1, source, line, "byte 0x%02X is not "
			    "UTF-8; brink reads its configuration as UTF-8: "
			    "convert the file (iconv -f LATIN1 -t UTF-8, or "
			    "the encoding it is in)", p[i]);
			return -1;
		}
		i += (size_t)n;
	}
	return 0;
}

/*
 * Append the cleaned text of source to out: comments blanked, "${" in
 * double quotes escaped, include() replaced by the file it names.  The
 * states follow libconfuse's lexer.  Returns 0, or -1 after a message
 * (not UTF-8, a NUL byte, an unterminated string or comment, no memory).
 */
static int
join(struct config_load *ld, struct joined *out, int source,
    const char *text, size_t len, int depth)
{
	enum { NORMAL, DQUOTE, SQUOTE, LINE_COMMENT, BLOCK_COMMENT } state;
	size_t i;
	int line = 1, start_line = 0, in_word = 0, ended, marked;

	if (check_utf8(ld, source, text, len) == -1)
		return -1;
	state = NORMAL;
	for (i = 0; i < len; i++) {
		char c = text[i], next = i + 1 < len ? text[i + 1] : '\0';

		if (c == '\0') {
			config_msg(ld, 1, source, line, "NUL byte in the file; "
			    "is it a text file?");
			return -1;
		}
		ended = 0;
		switch (state) {
		case NORMAL:
			/* A value without braces: the += ends with it. */
			if (out->append_wait && (c == '"' || c == '\'' ||
			    (!is_delimiter(c) && c != '/')))
				out->append_wait = 0;
			if (c == '#' || (c == '/' && next == '/')) {
				if (c == '/' && i > 0 && text[i - 1] == ':')
					config_msg(ld, 1, source, line, "a URL "
					    "must be in double quotes: // "
					    "starts a comment");
				state = LINE_COMMENT;
				c = ' ';
			} else if (c == '/' && next == '*') {
				state = BLOCK_COMMENT;
				start_line = line;
				if (put(out, ' ') == -1)
					goto nomem;
				i++;
				c = ' ';
			} else if (c == '"') {
				state = DQUOTE;
				start_line = line;
			} else if (c == '\'') {
				state = SQUOTE;
				start_line = line;
			} else if (c == '$' && next == '{') {
				/* Unquoted, libconfuse would put the
				 * environment variable in its place. */
				config_msg(ld, 1, source, line, "a value with "
				    "${...} must be in double quotes, as in "
				    "url = \"https://host/${env:TOKEN}\"");
				/* Quote it, so that it stays as written and
				 * its braces are no section's. */
				if (put(out, '"') == -1 || put(out, '\\') == -1)
					goto nomem;
				for (; i < len && text[i] != '}'; i++) {
					if (put(out, text[i]) == -1)
						goto nomem;
					if (text[i] == '\n')
						line++;
				}
				if ((i < len && put(out, '}') == -1) ||
				    put(out, '"') == -1)
					goto nomem;
				in_word = 0;
				continue;
			} else if (c == '+' && next == '=') {
				if ((marked = mark_append(out)) == -1)
					goto nomem;
				out->append_wait = marked;
			} else if (c == '{') {
				if (out->depth++ == 0)
					out->open_line = out->line;
				if (out->append_wait) {
					out->append_list = out->depth;
					out->append_wait = 0;
				}
			} else if (c == '}' && out->depth > 0) {
				if (out->depth == out->append_list) {
					out->append_list = 0;
					ended = 1;
				}
				if (--out->depth == 0 && add_span(ld,
				    out->open_line, out->line) == -1)
					goto nomem;
			} else if (c == 'i' && !in_word &&
			    len - i >= 7 &&
			    memcmp(text + i, "include", 7) == 0 &&
			    is_call(text, len, i)) {
				if (splice_include(ld, out, source, text, len,
				    &i, &line, depth) == -1)
					goto nomem;
				in_word = 0;
				continue;
			}
			in_word = !is_delimiter(c) && c != '/';
			break;
		case DQUOTE:
		case SQUOTE:
			if (c == '\\' && i + 1 < len && next != '\0') {
				if (put(out, c) == -1)
					goto nomem;
				c = next;
				i++;
			} else if (c == (state == DQUOTE ? '"' : '\'')) {
				state = NORMAL;
			} else if (state == DQUOTE && c == '$' && next == '{') {
				if (put(out, '\\') == -1)
					goto nomem;
			}
			break;
		case LINE_COMMENT:
			if (c == '\n')
				state = NORMAL;
			else
				c = ' ';
			break;
		case BLOCK_COMMENT:
			if (c == '*' && next == '/') {
				if (put(out, ' ') == -1)
					goto nomem;
				i++;
				state = NORMAL;
				c = ' ';
			} else if (c != '\n') {
				c = ' ';
			}
			break;
		}
		if (c == '\n') {
			line++;
			in_word = 0;
		}
		if (put(out, c) == -1 || (ended && end_append(out) == -1))
			goto nomem;
	}
	switch (state) {
	case DQUOTE:
	case SQUOTE:
		config_msg(ld, 1, source, start_line, "this string has no "
		    "closing %s quote", state == DQUOTE ? "double" : "single");
		return -1;
	case BLOCK_COMMENT:
		config_msg(ld, 1, source, start_line, "this comment has no "
		    "closing */");
		return -1;
	default:
		break;
	}
	return 0;
nomem:
	config_msg(ld, 1, source, line, "out of memory");
	return -1;
}

/*
 * The text libconfuse is to parse: the file name (or, when text is not
 * NULL, text itself, as if read from name) with everything it includes.
 * Returns it (caller frees) or NULL after a message.
 */
char *
config_source_join(struct config_load *ld, const char *name,
    const char *text, size_t len)
{
	struct joined out = { NULL, 0, 0, 1, 0, 0, 0, 0 };
	char *read = NULL;
	int source;

	if ((source = config_source_add(ld, name, -1)) == -1 ||
	    add_segment(ld, 1, source, 1) == -1) {
		config_msg(ld, 1, -1, 0, "%s: out of memory", name);
		return NULL;
	}
	if (text == NULL) {
		if ((read = read_whole(ld, name, -1, 0, &len)) == NULL)
			return NULL;
		text = read;
	}
	if (join(ld, &out, source, text, len, 0) == -1 ||
	    (out.p == NULL && put(&out, '\n') == -1)) {
		free(read);
		free(out.p);
		return NULL;
	}
	free(read);
	/* libconfuse takes the end of the file for the end of a section
	 * left open; we do not. */
	if (out.depth > 0) {
		int at, at_line;

		config_source_where(ld, out.open_line, &at, &at_line);
		config_msg(ld, 1, at, at_line, "this '{' is never closed: a "
		    "'}' is missing");
		free(out.p);
		return NULL;
	}
	return out.p;
}

