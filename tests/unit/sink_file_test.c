/*
 * sink_file_test.c: the alert log: json lines parse, text lines read
 * well, modes are safe, a move + reopen loses nothing, a full disk is an
 * error the caller sees.
 */
#include "autoconf.h"

#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../check.h"
#include "../../src/sink_file.c"
#include "alert_sample.h"

static char *
slurp(const char *path)
{
	static char buf[65536];
	size_t n;
	FILE *f;

	if ((f = fopen(path, "r")) == NULL)
		return NULL;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static struct sink
make_sink(struct config_sink *cfg, const char *path, enum sink_format f)
{
	struct sink s;

	memset(cfg, 0, sizeof(*cfg));
	cfg->name = "log";
	cfg->type = SINK_FILE;
	cfg->path = (char *)path;
	cfg->format = f;
	cfg->fsync = 1;
	memset(&s, 0, sizeof(s));
	s.cfg = cfg;
	s.ops = &sink_file_ops;
	return s;
}

/* How many times needle is in text. */
static int
count(const char *text, const char *needle)
{
	int n = 0;

	while (text != NULL && (text = strstr(text, needle)) != NULL) {
		n++;
		text++;
	}
	return n;
}

int
main(void)
{
	char dir[] = "/tmp/brink-file-XXXXXX", path[256], moved[256], *text;
	struct config_sink cfg;
	struct sink s;
	struct stat st;
	json_t *a, *b, *j;
	char *line2;

	umask(022);
	if (mkdtemp(dir) == NULL)
		return 99;
	a = sample_alert("0123456789abcdef", "high", NULL);
	b = sample_alert("fedcba9876543210", "medium",
	    "Second\ntitle with a line break");

	snprintf(path, sizeof(path), "%s/log/alerts.jsonl", dir);
	s = make_sink(&cfg, path, FORMAT_JSON);
	CHECK_INT(file_open(&s), 0, "json sink opens, creating its directory");
	CHECK_INT(file_deliver(&s, a), 0, "deliver one");
	CHECK_INT(file_deliver(&s, b), 0, "deliver another");
	stat(path, &st);
	CHECK_INT(st.st_mode & 0777, 0640, "file mode 0640");
	snprintf(moved, sizeof(moved), "%s/log", dir);
	stat(moved, &st);
	CHECK_INT(st.st_mode & 0777, 0750, "directory mode 0750");
	text = slurp(path);
	line2 = strchr(text, '\n');
	CHECK(line2 != NULL && strchr(line2 + 1, '\n') != NULL &&
	    line2[1 + strcspn(line2 + 1, "\n") + 1] == '\0',
	    "two lines, each ending in a newline");
	*line2 = '\0';
	j = json_loads(text, 0, NULL);
	CHECK(json_equal(j, a), "first line is the alert record");
	json_decref(j);
	j = json_loads(line2 + 1, JSON_DISABLE_EOF_CHECK, NULL);
	CHECK(json_equal(j, b), "second line too, line break escaped");
	json_decref(j);

	/* logrotate: move the file, reopen, write: the new file has it,
	 * the old one kept everything before. */
	snprintf(moved, sizeof(moved), "%s/log/alerts.jsonl.1", dir);
	rename(path, moved);
	CHECK_INT(file_reopen(&s), 0, "reopen after a move");
	CHECK_INT(file_deliver(&s, a), 0, "deliver after reopen");
	text = slurp(path);
	CHECK(text != NULL && strstr(text, "0123456789abcdef") != NULL &&
	    strstr(text, "fedcba9876543210") == NULL,
	    "new file has only the new alert");
	text = slurp(moved);
	CHECK(text != NULL && strstr(text, "fedcba9876543210") != NULL,
	    "moved file kept the old alerts");
	file_close(&s);

	/* A crash after the write, before the item was marked seen: the
	 * next start raises the same alert; it is not written twice. */
	s = make_sink(&cfg, path, FORMAT_JSON);
	CHECK_INT(file_open(&s), 0, "json sink opens again, as after a crash");
	CHECK_INT(file_deliver(&s, a), 0,
	    "an alert already at the log's tail counts as delivered");
	CHECK_INT(file_deliver(&s, b), 0, "... and a new one is delivered");
	CHECK_INT(file_deliver(&s, b), 0, "... and once more");
	file_close(&s);
	text = slurp(path);
	CHECK(count(text, "\n") == 2 && count(text, "0123456789abcdef") == 1 &&
	    count(text, "fedcba9876543210") == 1,
	    "after the restart: each alert once in the log");

	snprintf(path, sizeof(path), "%s/alerts.log", dir);
	s = make_sink(&cfg, path, FORMAT_TEXT);
	CHECK_INT(file_open(&s), 0, "text sink opens");
	file_deliver(&s, a);
	file_deliver(&s, b);
	file_close(&s);
	s = make_sink(&cfg, path, FORMAT_TEXT);
	CHECK_INT(file_open(&s), 0, "text sink opens again, as after a crash");
	CHECK_INT(file_deliver(&s, a), 0, "text: an alert already written "
	    "counts as delivered");
	file_close(&s);
	text = slurp(path);
	CHECK_INT(count(text, "\n"), 4, "text: two alerts, each once");
	CHECK_STR(strtok(text, "\n"), "2026-11-23T06:00:00Z HIGH     "
	    "retaliation northland -> southland: " SAMPLE_TITLE " <"
	    SAMPLE_LINK "> id 0123456789abcdef",
	    "text: time, SEVERITY, category, who, title, link, alert id");
	CHECK_STR(strtok(NULL, "\n"), "    \"" SAMPLE_SENTENCE "\"",
	    "text: the quoted sentence, indented");
	CHECK(strncmp(strtok(NULL, "\n"), "2026-11-23T06:00:00Z MEDIUM   "
	    "retaliation northland -> southland: Second title with a line "
	    "break <", 50) == 0, "text: a title's line break is a space");

	/* A text line whose first field opens with a brace is still read
	 * back to its id (found by fuzz_alert_line). */
	{
		char braced[] = "{x HIGH     threat a: t <l> id 0123456789abcdef";
		size_t n = 0;
		const char *got = file_line_id(braced, &n);

		CHECK(got != NULL && n == ID_LEN &&
		    memcmp(got, "0123456789abcdef", ID_LEN) == 0,
		    "text: a headline starting with a brace reads back to its id");
	}

	/* A full disk: the write fails, the caller is told. */
	s = make_sink(&cfg, "/dev/full", FORMAT_JSON);
	CHECK_INT(file_open(&s), 0, "open /dev/full");
	CHECK_INT(file_deliver(&s, a), -1, "full disk: deliver fails");
	file_close(&s);

	/* A path that cannot be created: open fails. */
	snprintf(path, sizeof(path), "%s/alerts.log/sub/x.log", dir);
	s = make_sink(&cfg, path, FORMAT_JSON);
	CHECK_INT(file_open(&s), -1, "unwritable path: open fails");

	json_decref(a);
	json_decref(b);
	snprintf(path, sizeof(path), "rm -rf '%s'", dir);
	if (system(path) != 0)
		return 99;
	return check_done();
}
