/*
 * secret_test.c: ${env:NAME} and ${file:PATH} in webhook and feed
 * settings.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../check.h"
#include "secret.h"

int
main(void)
{
	char err[256], path[] = "/tmp/brink-secret-XXXXXX", *s, in[128];
	FILE *f;
	int fd;

	setenv("BRINK_TEST_TOKEN", "t0ken", 1);
	unsetenv("BRINK_TEST_UNSET");
	s = secret_expand("Authorization: Bearer ${env:BRINK_TEST_TOKEN}",
	    err, sizeof(err));
	CHECK_STR(s, "Authorization: Bearer t0ken", "env expanded");
	free(s);
	s = secret_expand("https://hooks.example/plain", err, sizeof(err));
	CHECK_STR(s, "https://hooks.example/plain", "plain value unchanged");
	free(s);

	if ((fd = mkstemp(path)) == -1 || (f = fdopen(fd, "w")) == NULL)
		return 99;
	fputs("s3cret-from-file\nsecond line\n", f);
	fclose(f);
	snprintf(in, sizeof(in), "https://hooks.example/${file:%s}/x", path);
	s = secret_expand(in, err, sizeof(err));
	CHECK_STR(s, "https://hooks.example/s3cret-from-file/x",
	    "file's first line expanded");
	free(s);
	unlink(path);

	s = secret_expand("${env:BRINK_TEST_UNSET}", err, sizeof(err));
	CHECK(s == NULL, "unset variable is an error");
	CHECK(strstr(err, "BRINK_TEST_UNSET") != NULL,
	    "the error names the variable");
	s = secret_expand(in, err, sizeof(err));
	CHECK(s == NULL && strstr(err, path) != NULL,
	    "missing file is an error naming it");
	s = secret_expand("${oops}", err, sizeof(err));
	CHECK(s == NULL && strstr(err, "${env:NAME}") != NULL,
	    "unknown expansion says what to write");
	s = secret_expand("abc ${env:X", err, sizeof(err));
	CHECK(s == NULL, "unclosed expansion is an error");
	s = secret_expand("Bearer ${env:BRINK_TEST_TOKEN}${env:BRINK_TEST_UNSET}",
	    err, sizeof(err));
	CHECK(s == NULL && strstr(err, "t0ken") == NULL,
	    "errors never carry an expanded value");
	/* A line break would start another header of the request. */
	setenv("BRINK_TEST_TWO_LINES", "t0ken\r\nX-Injected: 1", 1);
	s = secret_expand("Authorization: Bearer ${env:BRINK_TEST_TWO_LINES}",
	    err, sizeof(err));
	CHECK(s == NULL && strstr(err, "BRINK_TEST_TWO_LINES") != NULL &&
	    strstr(err, "line break") != NULL,
	    "a variable with a line break is an error naming it");
	CHECK(strstr(err, "Injected") == NULL, "... without its value");
	return check_done();
}
