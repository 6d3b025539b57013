/*
 * sink_file.c: the alert log people tail during a crisis.  Format json is
 * one alert record per line (jq friendly); format text is one human line
 * and the quoted sentence on an indented second line.
 *
 * Each alert is one write(2) on an O_APPEND descriptor, so a reader never
 * sees half an alert and logrotate's copy never splits one.  SIGHUP
 * reopens the path, so the file can be moved away.  A failed write is
 * logged with the path and reported, and the item stays unseen until a
 * later attempt succeeds.  With fsync on, the lines of a batch (the new
 * items of one fetched feed) are synced once, by file_sync, before the
 * store commit that marks the batch's items seen.
 *
 * Exactly once across crashes: an alert is written before its item is
 * marked seen, so a crash in between brings the item, and the same alert
 * id, back at the next start.  Every line carries the id (the record's
 * "id", the text headline's "id ..." at its end), and the ids in the last
 * TAIL_BYTES of the file, read at open and reopen, are not written again.
 */
#include "autoconf.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "alert.h"
#include "config.h"
#include "log.h"
#include "sink_impl.h"
#include "sink_text.h"

#define FILE_DIR_MODE	0750
#define FILE_MODE	0640
#define TITLE_MAX	400	/* bytes of title on a text line */
#define WHO_MAX		300	/* bytes of actors -> targets */
#define SENTENCE_MAX	1500	/* bytes of the quoted sentence */
/* The tail read for ids at open: far more than the alerts of one batch
 * that a crash can leave written but not committed. */
#define TAIL_BYTES	(256 * 1024)
#define TAIL_IDS	1024
#define ID_LEN		16	/* hex digits of an alert id */

struct file_sink {
	int	fd;		/* -1 while the path could not be opened */
	int	failing;	/* the last write failed: log recovery */
	int	unsynced;	/* written since the last good fsync */
	/* Ids at the file's tail and written since, a ring. */
	char	ids[TAIL_IDS][ID_LEN + 1];
	size_t	n_ids, next_id;
};

/*
 * The text format: "TIME SEVERITY category who: title <link>" and the
 * quoted sentence below, indented.  Caller frees.
 */
static char *
file_text_line(const json_t *alert)
{
	char *out = NULL, *sev, *who, *title, *sentence, *link;
	size_t len;
	FILE *f;

	sev = sink_text_upper(sink_text_get(alert, "severity"));
	if ((who = sink_text_who(alert, "->")) != NULL) {
		char *w = sink_text_line(who, WHO_MAX);

		free(who);
		who = w;
	}
	title = sink_text_line(sink_text_item(alert, "title"), TITLE_MAX);
	sentence = sink_text_line(sink_text_sentence(alert), SENTENCE_MAX);
	link = sink_text_line(sink_text_item(alert, "link"), 4096);
	if (sev == NULL || who == NULL || title == NULL || sentence == NULL ||
	    link == NULL || (f = open_memstream(&out, &len)) == NULL)
		goto done;
	fprintf(f, "%s %-8s %s", sink_text_get(alert, "time"), sev,
	    sink_text_get(alert, "category"));
	if (*who != '\0')
		fprintf(f, " %s", who);
	fprintf(f, ": %s", *title != '\0' ? title : "(no title)");
	if (*link != '\0')
		fprintf(f, " <%s>", link);
	fprintf(f, " id %s\n", sink_text_get(alert, "id"));
	if (*sentence != '\0')
		fprintf(f, "    \"%s\"\n", sentence);
	if (fclose(f) != 0) {
		free(out);
		out = NULL;
	}
done:
	free(sev);
	free(who);
	free(title);
	free(sentence);
	free(link);
	return out;
}

static char *
file_json_line(const json_t *alert)
{
	char *body, *line;
	size_t len;

	if ((body = json_dumps(alert, ALERT_JSON_FLAGS)) == NULL)
		return NULL;
	len = strlen(body);
	if ((line = realloc(body, len + 2)) == NULL) {
		free(body);
		return NULL;
	}
	line[len] = '\n';
	line[len + 1] = '\0';
	return line;
}

/* Create the directory of path (one level) with safe modes if missing. */
static int
file_make_dir(struct sink *s)
{
	char *copy, *dir;
	int rc = 0;

	if ((copy = strdup(s->cfg->path)) == NULL)
		log_fatal("out of memory");
	dir = dirname(copy);
	if (mkdir(dir, FILE_DIR_MODE) == -1 && errno != EEXIST) {
		log_error("sink %s: cannot create directory %s: %s",
		    s->cfg->name, dir, strerror(errno));
		rc = -1;
	}
	free(copy);
	return rc;
}

static int
file_open_path(struct sink *s)
{
	int fd;

	if (file_make_dir(s) == -1)
		return -1;
	fd = open(s->cfg->path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC |
	    O_NOCTTY, FILE_MODE);
	if (fd == -1)
		log_error("sink %s: cannot open %s: %s (check the path and "
		    "that brinkd may write there)", s->cfg->name,
		    s->cfg->path, strerror(errno));
	return fd;
}

static int
file_has_id(const struct file_sink *fs, const char *id)
{
	size_t i;

	for (i = 0; i < fs->n_ids; i++)
		if (strcmp(fs->ids[i], id) == 0)
			return 1;
	return 0;
}

static void
file_add_id(struct file_sink *fs, const char *id, size_t len)
{
	if (len != ID_LEN)
		return;
	memcpy(fs->ids[fs->next_id], id, ID_LEN);
	fs->ids[fs->next_id][ID_LEN] = '\0';
	fs->next_id = (fs->next_id + 1) % TAIL_IDS;
	if (fs->n_ids < TAIL_IDS)
		fs->n_ids++;
}

/* The alert id of one whole line of the log, json or text; NULL if none. */
static const char *
file_line_id(char *line, size_t *len)
{
	const char *id = NULL;
	json_t *j;
	char *end;

	/* A text headline may start with a brace too (its first field is
	 * the record's time, whatever that holds): a line that is no JSON
	 * is read as text. */
	if (line[0] == '{' && (j = json_loads(line, 0, NULL)) != NULL) {
		/* Borrowed from j: copy out before it goes. */
		if ((id = json_string_value(json_object_get(j, "id"))) !=
		    NULL && strlen(id) == ID_LEN)
			memcpy(line, id, ID_LEN);
		else
			id = NULL;
		json_decref(j);
		*len = ID_LEN;
		return id != NULL ? line : NULL;
	}
	/* A text headline ends in " id " and the id. */
	end = line + strlen(line);
	if (end - line > ID_LEN + 4 && memcmp(end - ID_LEN - 4, " id ", 4) == 0) {
		*len = ID_LEN;
		return end - ID_LEN;
	}
	return NULL;
}

/* Load the ids of the whole lines in the last TAIL_BYTES of the file at
 * the path (it may be missing or unreadable: nothing to skip then). */
static void
file_read_tail(struct sink *s, struct file_sink *fs)
{
	char *buf, *line, *nl;
	const char *id;
	struct stat st;
	off_t from;
	ssize_t n;
	size_t len;
	int fd;

	fs->n_ids = fs->next_id = 0;
	if ((fd = open(s->cfg->path, O_RDONLY | O_CLOEXEC | O_NOCTTY)) == -1)
		return;
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) || st.st_size == 0) {
		close(fd);
		return;
	}
	from = st.st_size > TAIL_BYTES ? st.st_size - TAIL_BYTES : 0;
	if ((buf = malloc(TAIL_BYTES + 1)) == NULL)
		log_fatal("out of memory");
	do
		n = pread(fd, buf, TAIL_BYTES, from);
	while (n == -1 && errno == EINTR);
	close(fd);
	if (n <= 0) {
		free(buf);
		return;
	}
	buf[n] = '\0';
	line = buf;
	/* Started mid-file: the first line is cut, skip it. */
	if (from > 0 && (line = strchr(buf, '\n')) != NULL)
		line++;
	for (; line != NULL && (nl = strchr(line, '\n')) != NULL;
	    line = nl + 1) {
		*nl = '\0';
		if ((id = file_line_id(line, &len)) != NULL)
			file_add_id(fs, id, len);
	}
	free(buf);
}

static int
file_open(struct sink *s)
{
	struct file_sink *fs;

	if (s->cfg->path == NULL || *s->cfg->path == '\0') {
		log_error("sink %s: a file sink needs a path", s->cfg->name);
		return -1;
	}
	/* "generic" on a file is the record: json. */
	if (s->cfg->format != FORMAT_JSON && s->cfg->format != FORMAT_TEXT &&
	    s->cfg->format != FORMAT_GENERIC) {
		log_error("sink %s: a file sink's format is json or text",
		    s->cfg->name);
		return -1;
	}
	if ((fs = calloc(1, sizeof(*fs))) == NULL)
		log_fatal("out of memory");
	if ((fs->fd = file_open_path(s)) == -1) {
		free(fs);
		return -1;
	}
	file_read_tail(s, fs);
	s->data = fs;
	return 0;
}

/*
 * Write all of line with one write(2).  A short write (disk full) is
 * taken back with ftruncate, so that the retry does not leave half an
 * alert in front of the whole one.
 */
static int
file_write(struct sink *s, struct file_sink *fs, const char *line)
{
	size_t len = strlen(line);
	struct stat st;
	ssize_t n;
	int have_size;

	have_size = fstat(fs->fd, &st) == 0;
	do
		n = write(fs->fd, line, len);
	while (n == -1 && errno == EINTR);
	if (n == (ssize_t)len)
		return 0;
	if (n >= 0) {
		if (have_size && ftruncate(fs->fd, st.st_size) == -1)
			log_warn("sink %s: cannot take back a partial line "
			    "in %s: %s", s->cfg->name, s->cfg->path,
			    strerror(errno));
		errno = ENOSPC;
	}
	return -1;
}

static int
file_deliver(struct sink *s, const json_t *alert)
{
	struct file_sink *fs = s->data;
	const char *id = json_string_value(json_object_get(alert, "id"));
	char *line;
	int rc = -1;

	/* A path that could not be reopened is tried again each time. */
	if (fs->fd == -1 && (fs->fd = file_open_path(s)) == -1)
		return -1;
	if (id != NULL && file_has_id(fs, id)) {
		log_info("sink %s: alert %s is already at the end of %s; "
		    "not written again", s->cfg->name, id, s->cfg->path);
		return 0;
	}
	if (s->cfg->format == FORMAT_TEXT)
		line = file_text_line(alert);
	else
		line = file_json_line(alert);
	if (line == NULL)
		log_fatal("out of memory");
	if (file_write(s, fs, line) == -1)
		log_error("sink %s: cannot write to %s: %s; the alert is "
		    "kept and retried", s->cfg->name, s->cfg->path,
		    strerror(errno));
	else {
		fs->unsynced = 1;
		rc = 0;
	}
	free(line);
	if (rc == 0 && id != NULL)
		file_add_id(fs, id, strlen(id));
	if (rc == 0 && fs->failing)
		log_info("sink %s: writing to %s again", s->cfg->name,
		    s->cfg->path);
	fs->failing = rc == -1;
	return rc;
}

/*
 * One fsync for every line written since the last one.  Until one
 * succeeds the lines stay unsynced, even those a retry skipped as
 * already written (file_has_id), so their items are not marked seen.
 */
static int
file_sync(struct sink *s)
{
	struct file_sink *fs = s->data;

	if (!fs->unsynced || !s->cfg->fsync || fs->fd == -1)
		return 0;
	if (fsync(fs->fd) == -1) {
		log_error("sink %s: cannot sync %s: %s; the alerts are kept "
		    "and retried", s->cfg->name, s->cfg->path,
		    strerror(errno));
		fs->failing = 1;
		return -1;
	}
	fs->unsynced = 0;
	return 0;
}

/* Open the path anew before closing the old descriptor: if that fails,
 * alerts keep going to the old file rather than nowhere. */
static int
file_reopen(struct sink *s)
{
	struct file_sink *fs = s->data;
	int fd;

	if ((fd = file_open_path(s)) == -1)
		return -1;
	if (fs->fd != -1)
		close(fs->fd);
	fs->fd = fd;
	/* The file at the path now (new, after logrotate). */
	file_read_tail(s, fs);
	return 0;
}

static void
file_close(struct sink *s)
{
	struct file_sink *fs = s->data;

	if (fs == NULL)
		return;
	if (fs->fd != -1)
		close(fs->fd);
	free(fs);
	s->data = NULL;
}

const struct sink_ops sink_file_ops = {
	.type = "file",
	.open = file_open,
	.deliver = file_deliver,
	.sync = file_sync,
	.reopen = file_reopen,
	.close = file_close,
};
