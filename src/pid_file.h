/*
 * pid_file.h: the daemon's pid file (pid_file): written with our pid and
 * locked while we run, so that a second brinkd on it refuses to start;
 * removed by the process that wrote it, at exit or when a reload moves
 * or drops it.
 */
#ifndef BRINK_PID_FILE_H
#define BRINK_PID_FILE_H

struct pid_file;

/*
 * Create or take over path, lock it and write our pid.  NULL on failure,
 * logged with what to do (the file locked by a running brinkd, or a
 * directory that cannot be written).  pid_file_close frees the result.
 */
struct pid_file	*pid_file_open(const char *path);
/* The path written, as given to pid_file_open; borrowed. */
const char	*pid_file_path(const struct pid_file *pf);
/*
 * 1 if path names the file pf holds (the same file under any spelling,
 * so that a reload does not lock itself out), 0 if not or if there is
 * no such file.
 */
int		 pid_file_is(const struct pid_file *pf, const char *path);
/* Remove the file we wrote, release the lock and free pf; NULL is none. */
void		 pid_file_close(struct pid_file *pf);

#endif
