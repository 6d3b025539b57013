/*
 * fuzz_include.c: include() as config_load reads it from files.  The
 * input is two texts split at the first line "---": the main file and
 * conf.d/c.conf beside it; conf.d/ also holds a.conf (an actor) and
 * b.conf (a rule), and rules.conf a feed, so that include() by name, by
 * glob, nested, of itself and of missing files all have something to
 * find.  Everything is in a scratch directory made at start; a path out
 * of it reaches only what config_load refuses or reads as text (a FIFO
 * or a device is refused, never waited on).
 *
 * The files are in etc/ of a directory of the target's own, so that a
 * "../" the fuzzer writes (or ".?/", which globs to "..") finds nothing
 * but etc/: beside /tmp's other files it read whatever was left there
 * (our own evaluation scripts' b.conf, including a whole rules pack,
 * took a second a run, on that machine only).  That directory is on
 * /dev/shm where there is one: each run writes two files, which a tmpfs
 * never writes back to a disk (ext4 starts to at the close of a file
 * truncated and written again).
 */
#include "autoconf.h"

#include <sys/stat.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"

int	LLVMFuzzerInitialize(int *, char ***);
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static char top[64], dir[80];
static char main_path[96], child_path[96];

static void
put_file(const char *path, const void *text, size_t len)
{
	FILE *f;

	if ((f = fopen(path, "w")) == NULL ||
	    fwrite(text, 1, len, f) != len || fclose(f) != 0)
		abort();
}

static void
cleanup(void)
{
	static const char *const files[] = { "main.conf", "rules.conf",
	    "conf.d/a.conf", "conf.d/b.conf", "conf.d/c.conf", "conf.d" };
	char path[128];
	size_t i;

	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, files[i]);
		(void)remove(path);
	}
	(void)rmdir(dir);
	(void)rmdir(top);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static const char actor[] = "actor ostrel {\n\tnames = {\"Ostrel\"}\n"
	    "}\n";
	static const char rule[] = "rule vow {\n\tcategory = \"threat\"\n"
	    "\tterms = {\"vow* to strike\"}\n\tactors = {\"*\"}\n}\n"
	    "include(\"../rules.conf\")\n";
	static const char feed[] = "feed f {\n\turl = "
	    "\"https://news.example.org/f.rss\"\n}\n";
	char path[128];

	snprintf(top, sizeof(top), "%s/fuzz_include.XXXXXX",
	    access("/dev/shm", W_OK | X_OK) == 0 ? "/dev/shm" : "/tmp");
	if (mkdtemp(top) == NULL)
		abort();
	snprintf(dir, sizeof(dir), "%s/etc", top);
	if (mkdir(dir, 0700) == -1) {
		(void)rmdir(top);
		abort();
	}
	atexit(cleanup);
	snprintf(path, sizeof(path), "%s/conf.d", dir);
	if (mkdir(path, 0700) == -1)
		abort();
	snprintf(path, sizeof(path), "%s/conf.d/a.conf", dir);
	put_file(path, actor, sizeof(actor) - 1);
	snprintf(path, sizeof(path), "%s/conf.d/b.conf", dir);
	put_file(path, rule, sizeof(rule) - 1);
	snprintf(path, sizeof(path), "%s/rules.conf", dir);
	put_file(path, feed, sizeof(feed) - 1);
	snprintf(main_path, sizeof(main_path), "%s/main.conf", dir);
	snprintf(child_path, sizeof(child_path), "%s/conf.d/c.conf", dir);
	return 0;
}

static void
ignore(void *arg, int is_error, const char *msg)
{
	(void)strlen(msg);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data, *sep = NULL;
	size_t main_len = size, i;
	struct config *c;

	if (size > 1 << 16)
		return 0;
	for (i = 0; i + 4 <= size; i++)
		if ((i == 0 || text[i - 1] == '\n') &&
		    memcmp(text + i, "---\n", 4) == 0) {
			sep = text + i;
			break;
		}
	if (sep != NULL) {
		main_len = (size_t)(sep - text);
		put_file(child_path, sep + 4, size - main_len - 4);
	} else
		put_file(child_path, "", 0);
	put_file(main_path, text, main_len);
	c = config_load(main_path, ignore, NULL);
	config_free(c);
	return 0;
}
