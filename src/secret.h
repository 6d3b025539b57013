/*
 * secret.h: values that stay out of a world-readable configuration.  A
 * webhook URL or header value, or a feed's header value, may hold
 * ${env:NAME} (the environment variable) or ${file:PATH} (the file's
 * first line); a sink's are expanded when it opens, a feed's at each
 * fetch.  The result is a secret: never log it.
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
/* Wipe and free what secret_expand returned (NULL is fine). */
void	 secret_free(char *);

#endif
