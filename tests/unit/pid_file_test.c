/*
 * pid_file_test.c: the pid file written, locked against a second
 * brinkd, known under another name, and removed by its writer only
 * while it is still the file written.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/log.h"
#include "../../src/pid_file.h"
#include "../check.h"

static char *
slurp(const char *path)
{
	static char buf[64];
	size_t n;
	FILE *f;

	if ((f = fopen(path, "r")) == NULL)
		return NULL;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

int
main(void)
{
	char dir[] = "/tmp/brink-pid-XXXXXX", path[256], other[256];
	char pid[32], alias[256];
	struct pid_file *pf, *second;

	log_init("pid_file_test", LOG_TO_STDERR, LOG_LEVEL_ERROR);
	if (mkdtemp(dir) == NULL)
		return 99;
	snprintf(path, sizeof(path), "%s/brinkd.pid", dir);
	snprintf(alias, sizeof(alias), "%s/./brinkd.pid", dir);
	snprintf(other, sizeof(other), "%s/other.pid", dir);
	snprintf(pid, sizeof(pid), "%ld\n", (long)getpid());

	pf = pid_file_open(path);
	CHECK(pf != NULL, "the pid file opens");
	CHECK_STR(slurp(path), pid, "it holds our pid");
	CHECK_STR(pid_file_path(pf), path, "it knows its path");
	second = pid_file_open(path);
	CHECK(second == NULL, "a second open of a locked file is refused");
	CHECK_STR(slurp(path), pid, "... and leaves the pid alone");
	CHECK(pid_file_is(pf, alias), "the same file by another name is it");
	CHECK(!pid_file_is(pf, other), "a missing file is not it");
	pid_file_close(pf);
	CHECK(access(path, F_OK) == -1, "closed, the file is removed");

	/* Replaced meanwhile (by hand, by another program): not ours to
	 * remove any more. */
	pf = pid_file_open(path);
	CHECK(pf != NULL, "the pid file opens again");
	CHECK(rename(path, other) == 0, "moved aside");
	CHECK(fclose(fopen(path, "w")) == 0, "another file in its place");
	pid_file_close(pf);
	CHECK(access(path, F_OK) == 0, "a file that replaced ours is kept");
	CHECK(access(other, F_OK) == 0, "... and ours, moved, is not chased");

	CHECK(pid_file_open(dir) == NULL, "a directory is refused");
	snprintf(other, sizeof(other), "%s/missing/brinkd.pid", dir);
	CHECK(pid_file_open(other) == NULL, "a missing directory is refused");
	pid_file_close(NULL);

	snprintf(other, sizeof(other), "rm -rf %s", dir);
	if (system(other) != 0)
		return 99;
	return check_done();
}
