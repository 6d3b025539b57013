/*
 * sink_check.c: check each sink as far as can be done without sending;
 * see sink_check.h.
 *
 * The file's syntax is config.c's job.  What is left is what only shows
 * when a sink opens: a secret that does not resolve, a URL libcurl will
 * not take, a directory brinkd may not write.  The service restarted in
 * a loop on exactly these, so -t must find them before systemd does.
 */
#include "autoconf.h"

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <syslog.h>
#include <unistd.h>

#include "secret.h"
#include "sink_check.h"
#include "webhook_target.h"

struct check {
	config_report_fn	*report;
	void			*arg;
	int			 errors;
};

static void
problem(struct check *c, const struct config_sink *sc, int is_error,
    const char *fmt, ...)
{
	char text[1024], msg[1536];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	snprintf(msg, sizeof(msg), "%s:%d: %ssink %s: %s", sc->file, sc->line,
	    is_error ? "" : "warning: ", sc->name, text);
	c->report(c->arg, is_error, msg);
	if (is_error)
		c->errors++;
}

/* 0 if dir exists and we may create files in it; else errno. */
static int
dir_writable(const char *dir)
{
	struct stat st;

	if (stat(dir, &st) == -1)
		return errno;
	if (!S_ISDIR(st.st_mode))
		return ENOTDIR;
	return access(dir, W_OK | X_OK) == -1 ? errno : 0;
}

/*
 * The file sink appends to path, creating it and, if missing, its
 * directory (one level).  An existing file is opened for appending and
 * closed at once, which writes nothing; a missing one is not created,
 * so that a check as root leaves no file the service user cannot use.
 */
static void
check_file(struct check *c, const struct config_sink *sc)
{
	char *copy, *dir, *copy2;
	int fd, rc;

	if (sc->path == NULL || *sc->path == '\0')
		return;		/* config.c said so */
	fd = open(sc->path, O_WRONLY | O_APPEND | O_CLOEXEC | O_NOCTTY |
	    O_NONBLOCK);
	if (fd != -1) {
		close(fd);
		return;
	}
	if (errno != ENOENT) {
		problem(c, sc, 1, "cannot write %s: %s (check the path and "
		    "that brinkd may write there)", sc->path, strerror(errno));
		return;
	}
	if ((copy = strdup(sc->path)) == NULL ||
	    (copy2 = strdup(sc->path)) == NULL)
		abort();
	dir = dirname(copy);
	if ((rc = dir_writable(dir)) == ENOENT) {
		/* The sink makes this directory: its parent must allow it. */
		if ((rc = dir_writable(dirname(dirname(copy2)))) != 0)
			problem(c, sc, 1, "cannot create directory %s: %s "
			    "(create it, or check the path)", dir,
			    strerror(rc));
	} else if (rc != 0)
		problem(c, sc, 1, "cannot create %s in %s: %s (check the "
		    "path and that brinkd may write there)", sc->path, dir,
		    strerror(rc));
	free(copy);
	free(copy2);
}

/* syslog(3) drops messages silently when nothing listens. */
static void
check_syslog(struct check *c, const struct config_sink *sc)
{
	static const int types[] = { SOCK_DGRAM, SOCK_STREAM };
	struct sockaddr_un sun;
	size_t i;
	int fd, err = 0;

	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	strncpy(sun.sun_path, _PATH_LOG, sizeof(sun.sun_path) - 1);
	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		if ((fd = socket(AF_UNIX, types[i] | SOCK_CLOEXEC, 0)) == -1)
			return;	/* cannot tell; syslog(3) will try */
		if (connect(fd, (struct sockaddr *)&sun, sizeof(sun)) == 0) {
			close(fd);
			return;
		}
		err = errno;
		close(fd);
	}
	problem(c, sc, 0, "no syslog daemon answers on %s (%s): its alerts "
	    "would be lost; start rsyslog or systemd-journald", _PATH_LOG,
	    strerror(err));
}

/* url is a secret: say what is wrong with it, never what it is. */
static void
check_url(struct check *c, const struct config_sink *sc, const char *url)
{
	char why[256], *root = NULL, *topic = NULL;

	if (webhook_target_url_check(url, why, sizeof(why)) == -1)
		problem(c, sc, 1, "%s", why);
	else if (sc->format == FORMAT_NTFY &&
	    webhook_target_ntfy_url(url, &root, &topic) == -1)
		problem(c, sc, 1, "an ntfy url names the topic, as in "
		    "https://ntfy.sh/TOPIC");
	free(root);
	free(topic);
}

static void
check_webhook(struct check *c, const struct config_sink *sc)
{
	char err[512], *value;
	size_t i;

	if (sc->url != NULL && *sc->url != '\0') {
		if ((value = secret_expand(sc->url, err, sizeof(err))) == NULL)
			problem(c, sc, 1, "url: %s", err);
		else
			check_url(c, sc, value);
		secret_free(value);
	}
	for (i = 0; i < sc->headers.n; i++) {
		if (strchr(sc->headers.v[i], ':') == NULL) {
			problem(c, sc, 1, "header %zu is not \"Name: value\"",
			    i + 1);
			continue;
		}
		if ((value = secret_expand(sc->headers.v[i], err,
		    sizeof(err))) == NULL)
			problem(c, sc, 1, "header %zu: %s", i + 1, err);
		secret_free(value);
	}
}

int
sinks_check(const struct config *cfg, config_report_fn *report, void *arg)
{
	struct check c = { report, arg, 0 };
	size_t i;

	for (i = 0; i < cfg->n_sinks; i++) {
		switch (cfg->sinks[i].type) {
		case SINK_FILE:
			check_file(&c, &cfg->sinks[i]);
			break;
		case SINK_SYSLOG:
			check_syslog(&c, &cfg->sinks[i]);
			break;
		case SINK_WEBHOOK:
		case SINK_ALERTMANAGER:
			check_webhook(&c, &cfg->sinks[i]);
			break;
		}
	}
	return c.errors;
}
