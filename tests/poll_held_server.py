#!/usr/bin/env python3
"""An HTTP server on 127.0.0.1 that holds every GET until a file exists,
then answers with a feed, for the tests that must act while a fetch is
under way (a signal in the middle of brinkd --once).

It listens on a port the kernel picks and writes it to PORT_FILE; each
request accepted appends a line to PORT_FILE.held before it waits.

Usage: poll_held_server.py PORT_FILE RELEASE_FILE FEED_FILE"""
import http.server
import os
import sys
import time

port_file, release, feed = sys.argv[1], sys.argv[2], sys.argv[3]


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        with open(port_file + ".held", "a") as out:
            out.write(self.path + "\n")
        while not os.path.exists(release):
            time.sleep(0.05)
        with open(feed, "rb") as f:
            body = f.read()
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
with open(port_file + ".tmp", "w") as out:
    out.write("%d\n" % server.server_address[1])
os.rename(port_file + ".tmp", port_file)
server.serve_forever()
