#!/usr/bin/env python3
"""receiver.py: a webhook receiver for the alert latency benchmark.

  receiver.py PORT_FILE LOG_FILE [--max-seconds S]

Listens on 127.0.0.1 on a port the kernel picks, writes the port to
PORT_FILE, answers every POST with 200 and appends one line per POST to
LOG_FILE: the arrival time (Unix seconds, float, taken when the whole body
has been read) and the body on one line.  Exits on SIGTERM or after
--max-seconds, so a forgotten receiver cannot outlive the benchmark.
"""

import argparse
import http.server
import os
import signal
import sys
import threading
import time


class Handler(http.server.BaseHTTPRequestHandler):
    log_file = None

    def do_POST(self):
        n = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(n) if n > 0 else b""
        arrived = time.time()
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()
        line = body.decode("utf-8", "replace").replace("\n", " ")
        with open(self.log_file, "a", encoding="utf-8") as f:
            f.write("%.6f\t%s\n" % (arrived, line))

    def log_message(self, fmt, *args):
        pass  # the log file is the record; stderr stays quiet


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("port_file")
    ap.add_argument("log_file")
    ap.add_argument("--max-seconds", type=float, default=3600)
    a = ap.parse_args()
    Handler.log_file = a.log_file
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    threading.Timer(a.max_seconds, lambda: os._exit(0)).start()
    tmp = a.port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write("%d\n" % srv.server_address[1])
    os.replace(tmp, a.port_file)
    srv.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
