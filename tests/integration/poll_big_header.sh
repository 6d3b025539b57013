#!/bin/sh
# A server that answers with a 1 MB response header: libcurl refuses it
# and calls it "Out of memory", which would send the operator after
# brinkd's memory.  brinkd says the header is too large, for that feed.
. "$top_srcdir/tests/lib.sh"

[ -x "$BRINKD" ] || hard_error "$BRINKD not built"

cat > "$T/server.py" <<'PY'
import socket, sys
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(8)
with open(sys.argv[1] + ".tmp", "w") as f:
    f.write("%d\n" % s.getsockname()[1])
import os
os.rename(sys.argv[1] + ".tmp", sys.argv[1])
body = b'<rss version="2.0"><channel><title>t</title></channel></rss>'
while True:
    c, _ = s.accept()
    try:
        c.recv(65536)
        c.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
                  b"X-Padding: " + b"a" * (1 << 20) + b"\r\n"
                  b"Content-Length: %d\r\n\r\n" % len(body) + body)
    except OSError:
        pass
    c.close()
PY
"$PYTHON3" "$T/server.py" "$T/port" &
track $!
wait_for 10 test -s "$T/port" || hard_error "the test server did not start"

cat > "$T/brink.conf" <<CONF
state_dir = "$T/state"
feed padded { url = "http://127.0.0.1:$(cat "$T/port")/feed.rss" }
rule r { category = "threat" terms = {"vow*"} }
sink log { type = "file" path = "$T/alerts.jsonl" }
CONF
rc=0
"$BRINKD" -c "$T/brink.conf" --once > "$T/out" 2>&1 || rc=$?
check "the feed fails (exit 1, got $rc)" test "$rc" -eq 1
check "named, with the header too large" \
    grep -qF "feed padded: failed: response header too large" "$T/out"
check "not as brinkd out of memory" \
    sh -c "! grep -qi '^[^(]*out of memory' '$T/out'"

finish
