#!/usr/bin/env python3
"""A chat-service stand-in for brink's webhook tests (standard library only).

Listens on 127.0.0.1, records every request as one JSON line in --log
(method, path, headers, body, the body parsed as JSON when it is, and
the status it answered), and answers 200 "ok", or misbehaves for the
first N requests:

  --mode 500 --count 3          answer 500 three times
  --mode 429 --retry-after 2    answer 429 with "Retry-After: 2"
  --mode hang                   accept, then never answer
  --mode slow --delay 2.5       answer 200, but only after 2.5 s
  --mode hold --release FILE    answer 200 once FILE exists
  --mode 400 / 404              refuse

--check-links: like Discord, answer 400 to a body whose link fields
("url", "title_link", "click", "link") hold anything but a well-formed
http(s) URL (printable ASCII, a host, at most 2048 bytes).

--control FILE: a JSON object {"mode": ..., "count": N, "retry_after": S,
"delay": S, "release": FILE}
read again whenever the file changes, so a test can switch behaviour
while brink runs; the count starts anew with each change.  The chosen
port is written to --port-file once the socket listens.
"""

import argparse
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

LINK_KEYS = ("url", "title_link", "click", "link")


def bad_links(value):
    """The link fields of a parsed JSON body a strict service refuses."""
    found = []
    if isinstance(value, dict):
        for key, v in value.items():
            if key in LINK_KEYS and isinstance(v, str):
                parts = urlsplit(v) if v.isascii() else None
                if (parts is None or parts.scheme not in ("http", "https")
                        or not parts.netloc or len(v) > 2048
                        or any(not 33 <= ord(c) <= 126 for c in v)):
                    found.append(v)
            else:
                found += bad_links(v)
    elif isinstance(value, list):
        for v in value:
            found += bad_links(v)
    return found


class State:
    def __init__(self, args):
        self.lock = threading.Lock()
        self.log = open(args.log, "a", encoding="utf-8")
        self.control = args.control
        self.control_mtime = None
        self.seq = 0
        self.set_mode(args.mode, args.count, args.retry_after, args.delay,
                      args.release)

    def set_mode(self, mode, count, retry_after, delay=None, release=None):
        self.mode = mode
        self.left = count
        self.retry_after = retry_after
        self.delay = delay
        self.release = release

    def reload(self):
        if not self.control:
            return
        try:
            mtime = os.stat(self.control).st_mtime_ns
        except FileNotFoundError:
            return
        if mtime == self.control_mtime:
            return
        self.control_mtime = mtime
        with open(self.control, encoding="utf-8") as f:
            c = json.load(f)
        self.set_mode(c.get("mode", "ok"), int(c.get("count", 1 << 30)),
                      c.get("retry_after"), c.get("delay"), c.get("release"))

    def answer(self):
        """The status for the next request, and counts it."""
        with self.lock:
            self.reload()
            self.seq += 1
            seq = self.seq
            if self.mode != "ok" and self.left > 0:
                self.left -= 1
                return seq, self.mode
            return seq, "200"

    def record(self, entry):
        with self.lock:
            self.log.write(json.dumps(entry, ensure_ascii=False) + "\n")
            self.log.flush()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes; with Nagle on, the client's
    # delayed ACK would add 40 ms to every post.
    disable_nagle_algorithm = True

    def log_message(self, fmt, *args):
        pass

    def do_POST(self):
        state = self.server.state
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        seq, status = state.answer()
        body = raw.decode("utf-8", errors="replace")
        try:
            parsed = json.loads(body)
        except ValueError:
            parsed = None
        if self.server.check_links and status == "200" and bad_links(parsed):
            status = "400"
        state.record({
            "seq": seq, "time": time.time(), "method": self.command,
            "path": self.path, "headers": dict(self.headers.items()),
            "body": body, "json": parsed, "status": status,
        })
        if status == "hang":
            # Keep the connection open and silent until brink gives up.
            time.sleep(3600)
            return
        if status == "slow":
            # Act on the post (it is logged above), answer late.
            time.sleep(float(state.delay or 0))
            status = "200"
        if status == "hold":
            # Act on the post, answer once the test says so.
            for _ in range(6000):
                if state.release and os.path.exists(state.release):
                    break
                time.sleep(0.1)
            status = "200"
        code = int(status)
        reply = {
            200: b"ok\n",
            400: b"invalid_payload\nmore detail on a second line\n",
            404: b"no_such_hook\n",
            429: b"slow down\n",
            500: b"internal error\n",
        }.get(code, b"answer\n")
        self.send_response(code)
        if code == 429 and state.retry_after is not None:
            self.send_header("Retry-After", str(state.retry_after))
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    do_PUT = do_POST


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--log", required=True)
    p.add_argument("--port-file", required=True)
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--mode", default="ok",
                   choices=["ok", "500", "503", "429", "hang", "slow", "hold",
                            "400", "404"])
    p.add_argument("--count", type=int, default=1 << 30)
    p.add_argument("--retry-after", type=int)
    p.add_argument("--delay", type=float)
    p.add_argument("--release")
    p.add_argument("--control")
    p.add_argument("--check-links", action="store_true")
    args = p.parse_args()

    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    server.state = State(args)
    server.check_links = args.check_links
    tmp = args.port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write("%d\n" % server.server_address[1])
    os.rename(tmp, args.port_file)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
