/*
 * secret.h: values that stay out of a world-readable configuration.  A
 * webhook URL or header value may hold ${env:NAME} (the environment
 * variable) or ${file:PATH} (the file's first line); they are expanded
 * when the sink opens.  The result is a secret: never log it.
 */
#ifndef BRINK_SECRET_H
#define BRINK_SECRET_H

#include <stddef.h>

/*
 * in with every ${env:NAME} and ${file:PATH} replaced.  Returns a new
 * string (caller frees), or NULL with err filled (naming the variable or
 * file, never a value) when one is unset, unreadable or malformed.
 */
char	*secret_expand(const char *in, char *err, size_t errlen);

#endif
