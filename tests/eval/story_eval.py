#!/usr/bin/env python3
"""story_eval: brink's story grouping measured on real wire copy (AG News,
see ../shared/eval/agnews/README.md), against hand labels of which alerts
truly report the same story (agnews-world-stories.tsv beside this script,
made under LABELS-stories.md).

All the items of world-dev.csv go, in file order, into one temporary RSS
feed (guid = the CSV row; the dataset has no dates, so every item is
dated when brink reads it) and through one `brinkd -c CONFIG --match
FEED`, which groups its alerts into stories as the daemon does.  Over
every pair of labelled alerts it counts

  - true positives: one brink story, one labelled story;
  - false positives: one brink story, two labelled stories;
  - false negatives: two brink stories, one labelled story;

and prints pairwise precision and recall, each with its 95% Wilson
interval: with a handful of true pairs one pair moves recall by a
seventh, and the interval says how little a figure can tell.  It also
counts the labelled same-story pairs of which brink alerts on one item
only or none (the rule pack, not the stories, keeps those out).  An
alert without a label (the rule pack changed since the labels were
made) is listed and left out.
-v lists the wrong pairs: their rows, brink's stories and the titles.
--dump prints the alerts instead (row, brink story, category, actors ->
targets, title), sorted by actors, for labelling; --similarity and
--overlap run brink with another story_similarity or story_overlap,
for tuning; --dated dates the items by their row so that the story
window (--window) counts; --labels agnews-world-stories-second.tsv
scores against the second reading of the pairs (LABELS-stories.md).  The text is read from
the CSV and printed to the terminal only.

Exit status: 0; 1 when --min-precision or --min-recall is not met; 2
when brinkd fails or an input cannot be read; 77 when the CSV is absent.
"""

import argparse
import datetime
import email.utils
import itertools
import json
import math
import os
import subprocess
import sys
import tempfile

import agnews_eval

HERE = agnews_eval.HERE
TOP = agnews_eval.TOP
AGNEWS = agnews_eval.AGNEWS


def read_labels(path):
    """{row: story label}."""
    labels = {}
    for n, f in agnews_eval.tsv_rows(path):
        if len(f) != 2 or not f[0].isdigit() or not f[1]:
            raise ValueError("%s:%d: want row<TAB>story, got %r"
                             % (path, n, "\t".join(f)))
        if f[0] in labels:
            raise ValueError("%s:%d: row %s labelled twice"
                             % (path, n, f[0]))
        labels[f[0]] = f[1]
    return labels


# AG News has no dates, but its rows run in time: the 34 datelines of
# world-dev.csv that give a day ("NAJAF, Iraq, Aug. 17", "Nov 10") fall
# within three days of 2004-08-15 plus one day per 62.1 rows (one, row
# 2407, is a December item among September's and was left out of the
# fit).  --dated gives each item that estimated date, so that the story
# window works as on a live feed, to within about three days.
DATED_EPOCH = datetime.datetime(2004, 8, 1, tzinfo=datetime.timezone.utc)
DATED_FIRST_DAY = 14.29
DATED_ROWS_A_DAY = 62.1


def estimated_date(row):
    """The RFC 822 date --dated gives the item of row."""
    days = DATED_FIRST_DAY + int(row) / DATED_ROWS_A_DAY
    return email.utils.format_datetime(
        DATED_EPOCH + datetime.timedelta(days=days))


def run(brinkd, config, items, dates=None):
    """[(row, alert)] in feed order (items' order); dates, if given,
    {row: RFC 822 pubDate}."""
    with tempfile.TemporaryDirectory(prefix="stories-") as tmp:
        feed = os.path.join(tmp, "agnews.xml")
        agnews_eval.write_feed(feed, list(items), items, dates)
        proc = subprocess.run([brinkd, "-c", config, "--match", feed],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=3600)
    if proc.returncode != 0:
        raise RuntimeError("brinkd exited %d: %s" % (
            proc.returncode, proc.stderr.decode("utf-8", "replace")))
    out = []
    for line in proc.stdout.decode("utf-8").splitlines():
        alert = json.loads(line)
        out.append((alert["item"]["id"], alert))
    return out


def pair_name(alert):
    return "%s -> %s" % (",".join(alert["actors"]) or "-",
                         ",".join(alert["targets"]) or "-")


def dump(alerts, items):
    for row, a in sorted(alerts, key=lambda x: (pair_name(x[1]), x[0])):
        print("%5s  %s  %-12s %-28s %s" % (
            row, a["story"]["id"], a["category"], pair_name(a),
            items[row][1]))


def wilson(k, n, z=1.96):
    """The 95% Wilson score interval of k successes in n trials."""
    if n == 0:
        return 0.0, 1.0
    p = k / n
    mid = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / \
        (1 + z * z / n)
    return max(0.0, mid - half), min(1.0, mid + half)


def unalerted_pairs(story, labels):
    """Labelled same-story pairs not both alerted: (one, none)."""
    members = {}
    for row, name in labels.items():
        members.setdefault(name, []).append(row)
    one = none = 0
    for rows in members.values():
        for a, b in itertools.combinations(rows, 2):
            alerted = (a in story) + (b in story)
            if alerted == 1:
                one += 1
            elif alerted == 0:
                none += 1
    return one, none


def score(alerts, labels, items, verbose):
    story = {row: a["story"]["id"] for row, a in alerts}
    unlabelled = [row for row in story if row not in labels]
    rows = [row for row in story if row in labels]
    tp = fp = fn = 0
    wrong = []
    for a, b in itertools.combinations(rows, 2):
        same_brink = story[a] == story[b]
        same_label = labels[a] == labels[b]
        if same_brink and same_label:
            tp += 1
        elif same_brink:
            fp += 1
            wrong.append(("merged, not one story", a, b))
        elif same_label:
            fn += 1
            wrong.append(("one story, kept apart", a, b))
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    print("%d alerts, %d labelled, %d brink stories, %d labelled stories"
          % (len(story), len(rows), len({story[x] for x in rows}),
             len({labels[x] for x in rows})))
    print("pairwise precision %.2f (%d/%d)  recall %.2f (%d/%d)"
          % (p, tp, tp + fp, r, tp, tp + fn))
    print("95%% intervals: precision %.2f-%.2f  recall %.2f-%.2f"
          % (wilson(tp, tp + fp) + wilson(tp, tp + fn)))
    one, none = unalerted_pairs(story, labels)
    print("labelled same-story pairs not both alerted: %d with one "
          "alert, %d with none" % (one, none))
    if unlabelled:
        print("without a label (left out): %s" % " ".join(unlabelled))
    if verbose:
        for kind, a, b in wrong:
            print("  %-22s %5s %s  %s" % (kind, a, story[a], items[a][1]))
            print("  %-22s %5s %s  %s" % ("", b, story[b], items[b][1]))
    return p, r


def main():
    ap = argparse.ArgumentParser(
        description="brink's stories on AG News items (evaluation only)")
    ap.add_argument("--brinkd", default=os.path.join(TOP, "src", "brinkd"))
    ap.add_argument("--config", help="a brink.conf; default: one that "
                    "includes etc/rules/default.conf and countries.conf, "
                    "as etc/brink.conf does")
    ap.add_argument("--csv", default=os.path.join(AGNEWS, "world-dev.csv"))
    ap.add_argument("--labels",
                    default=os.path.join(HERE, "agnews-world-stories.tsv"))
    ap.add_argument("--similarity", type=float,
                    help="story_similarity for the default configuration")
    ap.add_argument("--overlap", type=float,
                    help="story_overlap for the default configuration")
    ap.add_argument("--window",
                    help="story_window for the default configuration, "
                    "a duration such as 96h (with --dated)")
    ap.add_argument("--dated", action="store_true",
                    help="date each item by its row (an estimate to "
                    "within about three days), so the story window counts")
    ap.add_argument("--min-precision", type=float)
    ap.add_argument("--min-recall", type=float)
    ap.add_argument("--dump", action="store_true",
                    help="print the alerts for labelling")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    if not os.path.exists(args.csv):
        return agnews_eval.csv_absent("story_eval", args.csv)
    with tempfile.TemporaryDirectory(prefix="stories-conf-") as tmp:
        settings = []
        if args.similarity is not None:
            settings.append("story_similarity = %g" % args.similarity)
        if args.overlap is not None:
            settings.append("story_overlap = %g" % args.overlap)
        if args.window is not None:
            settings.append('story_window = "%s"' % args.window)
        config = args.config or agnews_eval.default_config(tmp, settings)
        try:
            items = agnews_eval.read_items(args.csv, False)
            alerts = run(args.brinkd, config, items,
                         {row: estimated_date(row) for row in items}
                         if args.dated else None)
            if args.dump:
                dump(alerts, items)
                return 0
            p, r = score(alerts, read_labels(args.labels), items,
                         args.verbose)
        except (OSError, ValueError, RuntimeError) as e:
            sys.stderr.write("story_eval: %s\n" % e)
            return 2
    if (args.min_precision is not None and p < args.min_precision) or \
            (args.min_recall is not None and r < args.min_recall):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
