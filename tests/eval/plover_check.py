#!/usr/bin/env python3
"""plover_check: an outside check of brink's rules on PLOVER's coded
sentences (see ../shared/eval/plover/README.md).

Runs `brinkd -c CONFIG --match -` over each sentence as plain text (an
empty title line, then the sentence) and reports:

  - recall on `threat`: the share of threat sentences on which a rule of
    category threat or retaliation fires;
  - false alarms on `cooperative`: the share of cooperative sentences on
    which one does.

It prints the figures and exits 0; it exits 1 only when brinkd crashes
or the labels cannot be read, since the figures are a report, not a
gate.  The sentences stay where they are: nothing is copied.

usage: plover_check.py --brinkd PATH --config FILE --labels FILE [-v]
"""

import argparse
import concurrent.futures
import json
import subprocess
import sys

ALARM = {"threat", "retaliation"}


def categories(brinkd, config, text):
    """The categories of the hits brinkd raises on text; None if it
    crashed."""
    proc = subprocess.run(
        [brinkd, "-c", config, "--match", "-"],
        input=("\n" + text + "\n").encode("utf-8"),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
    if proc.returncode != 0:
        sys.stderr.write("brinkd exited %d on %r: %s\n" % (
            proc.returncode, text[:60], proc.stderr.decode("utf-8", "replace")))
        return None
    found = set()
    for line in proc.stdout.decode("utf-8").splitlines():
        if line.strip():
            for hit in json.loads(line)["hits"]:
                found.add(hit["category"])
    return found


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--brinkd", required=True)
    ap.add_argument("--config", required=True)
    ap.add_argument("--labels", required=True)
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="list the misses and the false alarms")
    args = ap.parse_args()

    try:
        with open(args.labels, encoding="utf-8") as f:
            rows = [json.loads(l) for l in f if l.strip()]
    except (OSError, ValueError) as e:
        sys.stderr.write("plover_check: %s: %s\n" % (args.labels, e))
        return 1
    rows = [r for r in rows if r.get("label") in ("threat", "cooperative")]

    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(
            lambda r: categories(args.brinkd, args.config, r["text"]), rows))
    if any(r is None for r in results):
        return 1

    threat = [(r, c) for r, c in zip(rows, results) if r["label"] == "threat"]
    coop = [(r, c) for r, c in zip(rows, results)
            if r["label"] == "cooperative"]
    found = sum(1 for _, c in threat if c & ALARM)
    alarms = sum(1 for _, c in coop if c & ALARM)
    print("plover: threat recall %d/%d = %.2f" % (
        found, len(threat), found / len(threat) if threat else 0))
    print("plover: false alarms on cooperative %d/%d = %.2f" % (
        alarms, len(coop), alarms / len(coop) if coop else 0))
    if args.verbose:
        for r, c in threat:
            if not c & ALARM:
                print("  missed %s" % r["id"])
        for r, c in coop:
            if c & ALARM:
                print("  false alarm %s" % r["id"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
