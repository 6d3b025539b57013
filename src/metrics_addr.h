/*
 * metrics_addr.h: the address of metrics_listen ("127.0.0.1:9464",
 * "[::1]:9464") as a socket address.  Pure: no I/O, no logging, so that
 * brinkd -t and the listener read it the same way.
 */
#ifndef BRINK_METRICS_ADDR_H
#define BRINK_METRICS_ADDR_H

#include <sys/socket.h>

#include <stddef.h>

/*
 * Read text, a numeric IPv4 or bracketed IPv6 address, a colon and a
 * port 1..65535, into ss (may be NULL to only check).  0, or -1 with why
 * filled in words that say what to write instead.
 */
int	metrics_addr_parse(const char *text, struct sockaddr_storage *ss,
	    char *why, size_t whylen);

#endif
