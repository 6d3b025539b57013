/*
 * secret.c: ${env:NAME} and ${file:PATH} in sink and feed settings; see
 * secret.h.
 */
#include "autoconf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "secret.h"

#define SECRET_FILE_MAX	8192	/* a token, not a document */

void
secret_free(char *s)
{
	if (s == NULL)
		return;
	explicit_bzero(s, strlen(s));
	free(s);
}

/* The first line of path, without its newline (and a CR before it).
 * NULL with err filled. */
static char *
secret_read_file(const char *path, char *err, size_t errlen)
{
	char *buf;
	size_t n;
	FILE *f;

	if ((f = fopen(path, "re")) == NULL) {
		snprintf(err, errlen, "cannot read ${file:%s}: %s", path,
		    strerror(errno));
		return NULL;
	}
	if ((buf = malloc(SECRET_FILE_MAX + 1)) == NULL)
		abort();
	n = fread(buf, 1, SECRET_FILE_MAX, f);
	if (ferror(f)) {
		snprintf(err, errlen, "cannot read ${file:%s}: %s", path,
		    strerror(errno));
		fclose(f);
		free(buf);
		return NULL;
	}
	fclose(f);
	buf[n] = '\0';
	buf[strcspn(buf, "\r\n")] = '\0';
	if (*buf == '\0') {
		snprintf(err, errlen, "${file:%s} is empty", path);
		free(buf);
		return NULL;
	}
	return buf;
}

char *
secret_expand(const char *in, char *err, size_t errlen)
{
	char *out = NULL, *name = NULL, *value;
	const char *p, *end;
	size_t len;
	FILE *f;

	if ((f = open_memstream(&out, &len)) == NULL)
		abort();
	for (p = in; *p != '\0'; p++) {
		if (strncmp(p, "${", 2) != 0) {
			fputc(*p, f);
			continue;
		}
		if ((end = strchr(p, '}')) == NULL) {
			snprintf(err, errlen, "unclosed \"${\" (write "
			    "${env:NAME} or ${file:PATH})");
			goto fail;
		}
		if ((name = strndup(p + 2, (size_t)(end - p - 2))) == NULL)
			abort();
		if (strncmp(name, "env:", 4) == 0 && name[4] != '\0') {
			if ((value = getenv(name + 4)) == NULL) {
				snprintf(err, errlen, "${%s}: the environment "
				    "variable %s is not set", name, name + 4);
				goto fail;
			}
			/* In a header a line break would start another
			 * header: a secret is one line, as ${file:} reads. */
			if (strpbrk(value, "\r\n") != NULL) {
				snprintf(err, errlen, "${%s}: the environment "
				    "variable %s holds a line break; a secret is "
				    "one line", name, name + 4);
				goto fail;
			}
			fputs(value, f);
		} else if (strncmp(name, "file:", 5) == 0 && name[5] != '\0') {
			if ((value = secret_read_file(name + 5, err,
			    errlen)) == NULL)
				goto fail;
			fputs(value, f);
			free(value);
		} else {
			snprintf(err, errlen, "unknown \"${%s}\" (write "
			    "${env:NAME} or ${file:PATH})", name);
			goto fail;
		}
		free(name);
		name = NULL;
		p = end;
	}
	if (fclose(f) != 0)
		abort();
	return out;
fail:
	fclose(f);
	free(out);
	free(name);
	return NULL;
}
