/*
 * metrics_addr.c: metrics_listen's address; see metrics_addr.h.
 *
 * Numeric only: a name would be resolved by brinkd -t on one machine
 * and by the daemon on another, and a scrape target is an address
 * anyway.  getaddrinfo(3) with AI_NUMERICHOST does the reading.
 */
#include "autoconf.h"

#include <sys/types.h>
#include <sys/socket.h>

#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "metrics_addr.h"

#define EXAMPLE	"write an address and a port, as in 127.0.0.1:9464 or " \
		"[::1]:9464"

int
metrics_addr_parse(const char *text, struct sockaddr_storage *ss,
    char *why, size_t whylen)
{
	struct addrinfo hints, *res = NULL;
	char host[64];
	const char *colon, *start = text, *end;
	char *port_end;
	long port;
	size_t len;
	int rc;

	if (*text == '[') {
		start = text + 1;
		if ((end = strchr(start, ']')) == NULL || end[1] != ':') {
			snprintf(why, whylen, "an IPv6 address needs its "
			    "brackets and a port; " EXAMPLE);
			return -1;
		}
		colon = end + 1;
	} else {
		if ((colon = strrchr(text, ':')) == NULL ||
		    memchr(text, ':', (size_t)(colon - text)) != NULL) {
			snprintf(why, whylen, "no port; " EXAMPLE);
			return -1;
		}
		end = colon;
	}
	len = (size_t)(end - start);
	if (len == 0 || len >= sizeof(host)) {
		snprintf(why, whylen, "no address before the port; " EXAMPLE);
		return -1;
	}
	memcpy(host, start, len);
	host[len] = '\0';
	port = strtol(colon + 1, &port_end, 10);
	if (colon[1] == '\0' || *port_end != '\0' || port < 1 ||
	    port > 65535) {
		snprintf(why, whylen, "the port must be a number from 1 to "
		    "65535; " EXAMPLE);
		return -1;
	}
	memset(&hints, 0, sizeof(hints));
	hints.ai_family = *text == '[' ? AF_INET6 : AF_INET;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV | AI_PASSIVE;
	if ((rc = getaddrinfo(host, colon + 1, &hints, &res)) != 0) {
		snprintf(why, whylen, "\"%s\" is not a numeric IP%s address "
		    "(%s); %s", host, *text == '[' ? "v6" : "v4",
		    gai_strerror(rc), EXAMPLE);
		return -1;
	}
	if (ss != NULL) {
		memset(ss, 0, sizeof(*ss));
		memcpy(ss, res->ai_addr, res->ai_addrlen);
	}
	freeaddrinfo(res);
	return 0;
}
