#!/usr/bin/env python3
"""A TCP server on 127.0.0.1 that accepts connections and never answers,
for the timeout test: usage poll_never_answer.py PORT_FILE [LOG].  It
listens on a port the kernel picks and writes it to PORT_FILE (a port
chosen beforehand could be taken meanwhile).  With LOG, a line is
appended to it for each connection accepted, so that a test can wait
until a client is hanging on it."""
import os
import socket
import sys
import time

server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", 0))
server.listen(16)
with open(sys.argv[1] + ".tmp", "w") as out:
    out.write("%d\n" % server.getsockname()[1])
os.rename(sys.argv[1] + ".tmp", sys.argv[1])
held = []
while True:
    conn, _ = server.accept()
    held.append(conn)  # keep it open, say nothing
    if len(sys.argv) > 2:
        with open(sys.argv[2], "a") as log:
            log.write("accepted\n")
    if len(held) > 64:
        held.pop(0).close()
    time.sleep(0)
