#!/usr/bin/env python3
"""Print brinkd's alert records (JSON lines on stdin) as readable lines.

make demo uses it only while brinkd --once is not built: it shows what
--match finds in the sample feeds, the way the text alert log will.
"""
import json
import sys

for line in sys.stdin:
    alert = json.loads(line)
    who = ", ".join(alert.get("actors") or ["?"])
    if alert.get("targets"):
        who += " -> " + ", ".join(alert["targets"])
    item = alert["item"]
    print("%s %-8s %-12s %s: %s <%s>" % (
        item.get("published") or alert["time"], alert["severity"].upper(),
        alert["category"], who, item["title"], item["link"]))
    # The sentence of the strongest hit, which gave the alert its rule.
    for hit in alert["hits"]:
        if hit["rule"] == alert["rule"]:
            print('    "%s"' % hit["sentence"])
            break
