#!/usr/bin/env python3
"""Hold the write lock of an SQLite database, as a second brinkd would,
until killed: usage poll_hold_lock.py DATABASE READY_FILE."""
import sqlite3
import sys
import time

db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
db.execute("BEGIN IMMEDIATE")
db.execute("UPDATE feed_state SET failures = failures")
with open(sys.argv[2], "w"):
    pass
while True:
    time.sleep(1)
