#!/usr/bin/env python3
"""An HTTP server on 127.0.0.1 that answers every GET with a small RSS
feed after a pause, and records the most requests it ever had in flight
at once, for the tests of brinkd's transfer caps; PEAK_FILE.headers gets
the User-Agent and Accept-Encoding of the last request.

It listens on a port the kernel picks and writes it to PORT_FILE (a port
chosen beforehand could be taken meanwhile).

Usage: poll_slow_server.py PORT_FILE PAUSE_SECONDS PEAK_FILE"""
import http.server
import os
import sys
import threading
import time

port_file, pause, peak_file = sys.argv[1], float(sys.argv[2]), sys.argv[3]
lock = threading.Lock()
in_flight = 0
peak = 0

FEED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Slow</title>
<item><title>Slow news</title><guid>urn:slow:1</guid></item>
</channel></rss>
"""


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        global in_flight, peak
        with lock:
            in_flight += 1
            peak = max(peak, in_flight)
            with open(peak_file, "w") as out:
                out.write("%d\n" % peak)
            with open(peak_file + ".headers", "w") as out:
                out.write("user-agent: %s\naccept-encoding: %s\n" % (
                    self.headers.get("User-Agent", ""),
                    self.headers.get("Accept-Encoding", "")))
        time.sleep(pause)
        with lock:
            in_flight -= 1
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(FEED)))
        self.end_headers()
        self.wfile.write(FEED)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
with open(port_file + ".tmp", "w") as out:
    out.write("%d\n" % server.server_address[1])
os.rename(port_file + ".tmp", port_file)
server.serve_forever()
