/*
 * log_test.c: brinkd's own messages, without a journal: the priorities
 * they are filed at, the FEED=/SINK= names taken from them, the line on
 * a terminal, when stderr counts as the journal's stream, and the level
 * prefix written there when the journal's socket is not there.  (The
 * real journal: tests/integration/log_journal.sh.)
 */
#include "../../src/log.c"

#include <sys/stat.h>

#include <unistd.h>

#include "../check.h"

static char out_path[] = "/tmp/brink-log-test-XXXXXX";

/* What was written to stderr since the last call. */
static const char *
stderr_text(void)
{
	static char buf[4096];
	size_t n;
	FILE *f;

	fflush(stderr);
	if ((f = fopen(out_path, "r")) == NULL)
		return "(unreadable)";
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	if (truncate(out_path, 0) == -1)
		return "(cannot truncate)";
	rewind(stderr);
	return buf;
}

static void
set_stream(unsigned long long dev, unsigned long long ino)
{
	char v[64];

	snprintf(v, sizeof(v), "%llu:%llu", dev, ino);
	setenv("JOURNAL_STREAM", v, 1);
}

int
main(void)
{
	char name[LOG_NAME_MAX];
	struct stat st;
	int fd;

	CHECK_INT(log_priority[LOG_LEVEL_ERROR], 3, "an error is priority 3");
	CHECK_INT(log_priority[LOG_LEVEL_WARNING], 4,
	    "a warning is priority 4 (journalctl -p warning)");
	CHECK_INT(log_priority[LOG_LEVEL_INFO], 6, "info is priority 6");
	CHECK_INT(log_priority[LOG_LEVEL_DEBUG], 7, "debug is priority 7");

	CHECK(log_subject("feed reuters-world: HTTP 429, retrying in 120 s",
	    "feed", name, sizeof(name)), "a feed's message names it");
	CHECK_STR(name, "reuters-world", "FEED= is the feed's name");
	CHECK(log_subject("sink chat: HTTP 400", "sink", name, sizeof(name)),
	    "a sink's message names it");
	CHECK_STR(name, "chat", "SINK= is the sink's name");
	CHECK(!log_subject("sink chat: x", "feed", name, sizeof(name)),
	    "a sink is not a feed");
	CHECK(!log_subject("feeds: 3", "feed", name, sizeof(name)),
	    "\"feeds:\" names no feed");
	CHECK(!log_subject("feed : x", "feed", name, sizeof(name)),
	    "an empty name is none");
	CHECK(!log_subject("feed two words: x", "feed", name, sizeof(name)),
	    "a name is one word");
	CHECK(!log_subject("started: 3 feeds", "feed", name, sizeof(name)),
	    "other messages name nothing");

	if ((fd = mkstemp(out_path)) == -1 || dup2(fd, STDERR_FILENO) == -1 ||
	    fstat(STDERR_FILENO, &st) == -1) {
		perror(out_path);
		return 99;
	}
	close(fd);

	unsetenv("JOURNAL_STREAM");
	log_init("brinkd", LOG_TO_STDERR, LOG_LEVEL_INFO);
	log_warn("feed %s: HTTP %d", "world", 429);
	log_error("sink chat: gone");
	log_info("started");
	log_debug("not shown at level info");
	CHECK_STR(stderr_text(), "brinkd: warning: feed world: HTTP 429\n"
	    "brinkd: error: sink chat: gone\nbrinkd: started\n",
	    "on a terminal: the name and the level in words");

	CHECK(!log_stderr_is_journal(), "no JOURNAL_STREAM: not the journal");
	set_stream((unsigned long long)st.st_dev,
	    (unsigned long long)st.st_ino);
	CHECK(log_stderr_is_journal(), "JOURNAL_STREAM naming stderr");
	set_stream((unsigned long long)st.st_dev,
	    (unsigned long long)st.st_ino + 1);
	CHECK(!log_stderr_is_journal(),
	    "JOURNAL_STREAM naming another file (stderr redirected)");
	setenv("JOURNAL_STREAM", "12:34x", 1);
	CHECK(!log_stderr_is_journal(), "a malformed JOURNAL_STREAM");

	/* Without the journal's socket, the stream gets sd-daemon(3)'s
	 * level prefix.  Where a journal runs this would log into it. */
	if (access(LOG_JOURNAL_SOCKET, F_OK) == -1) {
		set_stream((unsigned long long)st.st_dev,
		    (unsigned long long)st.st_ino);
		log_init("brinkd", LOG_TO_JOURNAL, LOG_LEVEL_INFO);
		log_warn("feed world: HTTP 429");
		log_info("started");
		CHECK_STR(stderr_text(), "<4>feed world: HTTP 429\n<6>started\n",
		    "the journal's stream without its socket: level prefixes, "
		    "no doubled name");
	} else
		printf("# a journal runs here: the fall-back is not tried\n");

	unlink(out_path);
	return check_done();
}
