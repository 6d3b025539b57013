/*
 * pid_file.c: the pid file of the daemon (pid_file.h).
 *
 * The lock is flock(2) on the open file, held as long as the descriptor:
 * it dies with the process, so a pid file left by a crash does not stop
 * the next start, as a file that only exists would.
 */
#include "autoconf.h"

#include <sys/file.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "log.h"
#include "pid_file.h"

struct pid_file {
	char	*path;
	int	 fd;
};

struct pid_file *
pid_file_open(const char *path)
{
	struct pid_file *pf;
	char buf[32];
	int fd, n;

	if ((fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644)) == -1) {
		log_error("pid file %s: %s (make its directory writable or "
		    "change pid_file)", path, strerror(errno));
		return NULL;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) == -1) {
		n = (int)read(fd, buf, sizeof(buf) - 1);
		buf[n > 0 ? n : 0] = '\0';
		buf[strcspn(buf, "\n")] = '\0';
		log_error("pid file %s is locked: brinkd is already running "
		    "(pid %s); stop it first", path, buf);
		close(fd);
		return NULL;
	}
	n = snprintf(buf, sizeof(buf), "%ld\n", (long)getpid());
	if (ftruncate(fd, 0) == -1 || write(fd, buf, (size_t)n) != n) {
		log_error("pid file %s: %s", path, strerror(errno));
		/* Ours and locked: what it holds now is no pid to trust. */
		unlink(path);
		close(fd);
		return NULL;
	}
	if ((pf = malloc(sizeof(*pf))) == NULL ||
	    (pf->path = strdup(path)) == NULL)
		log_fatal("out of memory");
	pf->fd = fd;
	return pf;
}

const char *
pid_file_path(const struct pid_file *pf)
{
	return pf->path;
}

int
pid_file_is(const struct pid_file *pf, const char *path)
{
	struct stat held, named;

	if (fstat(pf->fd, &held) == -1 || stat(path, &named) == -1)
		return 0;
	return held.st_dev == named.st_dev && held.st_ino == named.st_ino;
}

void
pid_file_close(struct pid_file *pf)
{
	if (pf == NULL)
		return;
	/* Unlinked while still locked: a brinkd starting meanwhile makes
	 * a new file rather than finding ours unlocked. */
	if (pid_file_is(pf, pf->path))
		unlink(pf->path);
	close(pf->fd);
	free(pf->path);
	free(pf);
}
