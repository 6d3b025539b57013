#!/usr/bin/env python3
"""Hostile feed servers on 127.0.0.1 for harden_hostile.sh (standard
library only).  Usage: harden_hostile_server.py PORT_FILE

  /endless.rss  a feed that never ends: chunked items, forever
  /slow.rss     slowloris: the headers, then one byte a second, forever

The chosen port is written to PORT_FILE once the socket listens; every
request is counted in PORT_FILE.requests as "PATH" lines."""
import os
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def do_GET(self):
        with open(sys.argv[1] + ".requests", "a") as log:
            log.write(self.path + "\n")
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        try:
            if self.path == "/endless.rss":
                self.endless()
            else:
                self.slow()
        except (BrokenPipeError, ConnectionResetError):
            pass

    def chunk(self, data):
        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        self.wfile.flush()

    def endless(self):
        self.chunk(b'<?xml version="1.0"?><rss version="2.0"><channel>'
                   b"<title>Endless</title>")
        item = b"<item><title>More of the same</title>" \
               b"<description>%s</description></item>" % (b"x" * 4000)
        while True:
            self.chunk(item * 16)

    def slow(self):
        for byte in b'<?xml version="1.0"?><rss version="2.0">' * 100:
            self.chunk(bytes([byte]))
            time.sleep(1)


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    tmp = sys.argv[1] + ".tmp"
    with open(tmp, "w") as f:
        f.write("%d\n" % server.server_address[1])
    os.rename(tmp, sys.argv[1])
    server.serve_forever()


if __name__ == "__main__":
    main()
