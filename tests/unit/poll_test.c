/*
 * poll_test: poll_http against a small HTTP server this test forks on
 * 127.0.0.1 (one process per connection): a post arrives whole with its
 * headers, a 429's Retry-After reaches the caller, a refused connection,
 * a server that never answers and a file:// URL all end as errors, and a
 * cancelled post never calls back.
 */
#include "autoconf.h"

#include <sys/socket.h>
#include <sys/wait.h>

#include <netinet/in.h>
#include <arpa/inet.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <curl/curl.h>
#include <ev.h>

#include "../check.h"
#include "../../src/config.h"
#include "../../src/log.h"
#include "../../src/poll.h"

static int server_port;
static pid_t server_pid;

/* Answer one connection according to the path asked for. */
static void
serve(int fd)
{
	char req[65536], type[256] = "", resp[70000], *end, *h;
	size_t got = 0, body_len = 0, header_len;
	ssize_t n;

	while (got < sizeof(req) - 1) {
		if ((n = read(fd, req + got, sizeof(req) - 1 - got)) <= 0)
			_exit(0);
		got += (size_t)n;
		req[got] = '\0';
		if ((end = strstr(req, "\r\n\r\n")) == NULL)
			continue;
		header_len = (size_t)(end - req) + 4;
		if ((h = strcasestr(req, "\r\nContent-Length:")) != NULL)
			body_len = strtoul(h + 17, NULL, 10);
		if (got >= header_len + body_len)
			break;
	}
	header_len = (size_t)(strstr(req, "\r\n\r\n") - req) + 4;
	if ((h = strcasestr(req, "\r\nContent-Type:")) != NULL)
		sscanf(h + 15, " %255[^\r]", type);
	if (strncmp(req, "POST /echo ", 11) == 0) {
		char body[66000];

		n = snprintf(body, sizeof(body), "type=%s;len=%zu;body=%.*s",
		    type, body_len, (int)body_len, req + header_len);
		n = snprintf(resp, sizeof(resp), "HTTP/1.1 200 OK\r\n"
		    "Content-Length: %zd\r\nConnection: close\r\n\r\n%s",
		    n, body);
	} else if (strncmp(req, "POST /busy ", 11) == 0) {
		n = snprintf(resp, sizeof(resp), "HTTP/1.1 429 Too Many\r\n"
		    "Retry-After: 7\r\nContent-Length: 4\r\n"
		    "Connection: close\r\n\r\nslow");
	} else if (strncmp(req, "POST /hang ", 11) == 0) {
		pause();
		_exit(0);
	} else {
		n = snprintf(resp, sizeof(resp), "HTTP/1.1 404 Not Found\r\n"
		    "Content-Length: 0\r\nConnection: close\r\n\r\n");
	}
	if (write(fd, resp, (size_t)n) != n)
		_exit(1);
	_exit(0);
}

static void
start_server(void)
{
	struct sockaddr_in sin;
	socklen_t len = sizeof(sin);
	int s, c, one = 1;

	if ((s = socket(AF_INET, SOCK_STREAM, 0)) == -1) {
		perror("socket");
		exit(99);
	}
	setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(s, (struct sockaddr *)&sin, sizeof(sin)) == -1 ||
	    listen(s, 16) == -1 ||
	    getsockname(s, (struct sockaddr *)&sin, &len) == -1) {
		perror("bind");
		exit(99);
	}
	server_port = ntohs(sin.sin_port);
	if ((server_pid = fork()) == -1) {
		perror("fork");
		exit(99);
	}
	if (server_pid == 0) {
		signal(SIGCHLD, SIG_IGN);
		setpgid(0, 0);
		for (;;) {
			if ((c = accept(s, NULL, NULL)) == -1)
				continue;
			if (fork() == 0) {
				close(s);
				serve(c);
			}
			close(c);
		}
	}
	setpgid(server_pid, server_pid);
	close(s);
}

struct outcome {
	int		 calls;
	long		 status;
	char		 error[256];
	char		 body[1024];
	double		 retry_after;
	struct ev_loop	*loop;
};

static void
on_done(void *arg, const struct http_response *r)
{
	struct outcome *o = arg;

	o->calls++;
	o->status = r->status;
	o->retry_after = r->retry_after;
	snprintf(o->error, sizeof(o->error), "%s", r->error ? r->error : "");
	snprintf(o->body, sizeof(o->body), "%.*s", (int)r->body_len, r->body);
	ev_break(o->loop, EVBREAK_ALL);
}

static void
on_safety(struct ev_loop *loop, ev_timer *w, int revents)
{
	ev_break(loop, EVBREAK_ALL);
}

/* Post body to path and run the loop until the answer (or 20 s). */
static int
post(struct poll *p, struct outcome *o, const char *url, double timeout)
{
	static const char *const headers[] = {
		"Content-Type: application/json", NULL
	};
	struct http_request req;
	ev_timer safety;

	memset(o, 0, sizeof(*o));
	o->loop = poll_loop(p);
	memset(&req, 0, sizeof(req));
	req.url = url;
	req.method = "POST";
	req.body = "{\"alert\": 1}";
	req.body_len = strlen(req.body);
	req.headers = headers;
	req.timeout = timeout;
	req.what = "sink test";
	if (poll_http(p, &req, on_done, o) == -1)
		return -1;
	ev_timer_init(&safety, on_safety, 20., 0.);
	ev_timer_start(o->loop, &safety);
	ev_run(o->loop, 0);
	ev_timer_stop(o->loop, &safety);
	return 0;
}

int
main(void)
{
	struct ev_loop *loop;
	struct config cfg;
	struct poll *p;
	struct outcome o;
	char url[128];
	int closed_port;

	log_init("poll_test", LOG_TO_STDERR, LOG_LEVEL_ERROR);
	start_server();
	curl_global_init(CURL_GLOBAL_DEFAULT);
	loop = ev_loop_new(EVFLAG_AUTO);
	memset(&cfg, 0, sizeof(cfg));
	cfg.user_agent = "brinkd-test";
	p = poll_new(loop, &cfg, NULL, NULL, NULL);
	CHECK(p != NULL, "a poller starts without feeds or store");
	if (p == NULL)
		return check_done();

	snprintf(url, sizeof(url), "http://127.0.0.1:%d/echo", server_port);
	CHECK_INT(post(p, &o, url, 10), 0, "a post starts");
	CHECK_INT(o.calls, 1, "done is called once");
	CHECK_INT(o.status, 200, "the server's status arrives");
	CHECK_STR(o.error, "", "a good post has no error");
	CHECK_STR(o.body, "type=application/json;len=12;body={\"alert\": 1}",
	    "the body and the caller's header arrive whole");

	snprintf(url, sizeof(url), "http://127.0.0.1:%d/busy", server_port);
	post(p, &o, url, 10);
	CHECK_INT(o.status, 429, "a 429 arrives as such");
	CHECK(o.retry_after == 7, "Retry-After reaches the caller");

	/* A port that was free a moment ago: nothing listens there. */
	{
		struct sockaddr_in sin;
		socklen_t len = sizeof(sin);
		int s = socket(AF_INET, SOCK_STREAM, 0);

		memset(&sin, 0, sizeof(sin));
		sin.sin_family = AF_INET;
		sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		bind(s, (struct sockaddr *)&sin, sizeof(sin));
		getsockname(s, (struct sockaddr *)&sin, &len);
		closed_port = ntohs(sin.sin_port);
		close(s);
	}
	snprintf(url, sizeof(url), "http://127.0.0.1:%d/echo", closed_port);
	post(p, &o, url, 10);
	CHECK_INT(o.calls, 1, "a refused connection still calls back once");
	CHECK_INT(o.status, 0, "a refused connection has no status");
	CHECK(o.error[0] != '\0', "a refused connection says why");

	snprintf(url, sizeof(url), "http://127.0.0.1:%d/hang", server_port);
	post(p, &o, url, 1);
	CHECK_INT(o.calls, 1, "a server that never answers ends the post");
	CHECK(strcasestr(o.error, "timed out") != NULL ||
	    strcasestr(o.error, "timeout") != NULL,
	    "... with a timeout error");
	printf("# hang: %s\n", o.error);

	post(p, &o, "file:///etc/passwd", 5);
	CHECK_INT(o.status, 0, "a post to file:// is not made");
	CHECK(o.error[0] != '\0', "... and says why");

	/* Cancelled: done must never run, and nothing may leak. */
	{
		struct http_request req;
		ev_timer wait;
		struct outcome c;

		memset(&c, 0, sizeof(c));
		c.loop = loop;
		memset(&req, 0, sizeof(req));
		req.url = url;
		snprintf(url, sizeof(url), "http://127.0.0.1:%d/hang",
		    server_port);
		req.method = "POST";
		req.body = "x";
		req.body_len = 1;
		req.timeout = 5;
		CHECK_INT(poll_http(p, &req, on_done, &c), 0,
		    "a post to cancel starts");
		ev_timer_init(&wait, on_safety, 0.3, 0.);
		ev_timer_start(loop, &wait);
		ev_run(loop, 0);
		poll_http_cancel(p, &c);
		ev_timer_init(&wait, on_safety, 0.3, 0.);
		ev_timer_start(loop, &wait);
		ev_run(loop, 0);
		CHECK_INT(c.calls, 0, "a cancelled post never calls back");
	}

	/* Freed with a post in flight: its owner hears it failed. */
	{
		struct http_request req;
		ev_timer wait;
		struct outcome c;

		memset(&c, 0, sizeof(c));
		c.loop = loop;
		memset(&req, 0, sizeof(req));
		req.url = url;
		req.method = "POST";
		req.body = "x";
		req.body_len = 1;
		req.timeout = 5;
		poll_http(p, &req, on_done, &c);
		ev_timer_init(&wait, on_safety, 0.3, 0.);
		ev_timer_start(loop, &wait);
		ev_run(loop, 0);
		poll_free(p);
		CHECK_INT(c.calls, 1, "poll_free tells a post in flight");
		CHECK(c.error[0] != '\0', "... that it failed");
	}
	ev_loop_destroy(loop);
	curl_global_cleanup();
	kill(-server_pid, SIGTERM);
	waitpid(server_pid, NULL, 0);
	return check_done();
}
