#!/usr/bin/env python3
"""Stand in for systemd's notification socket: receive sd_notify(3)
datagrams on the unix socket PATH and append each, one per line, to
OUTPUT.  Usage: poll_notify_listen.py PATH OUTPUT."""
import os
import socket
import sys

path, output = sys.argv[1], sys.argv[2]
sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
sock.bind(path)
with open(output + ".ready", "w"):
    pass
while True:
    data = sock.recv(4096).decode("utf-8", "replace")
    with open(output, "a") as out:
        for line in data.splitlines():
            out.write(line + "\n")
