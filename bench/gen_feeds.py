#!/usr/bin/env python3
"""gen_feeds.py: synthetic news feeds for brink's benchmarks.

Every word comes from the lists below; sentences are composed from them
with a seeded random generator, so a corpus is the same on every machine
for the same arguments.  About one item in forty carries a threat-like
sentence (an actor warning, vowing or issuing an ultimatum to another) so
that alerts fire, and a few carry near misses (strikes by workers,
negated threats) that a good rule pack must not alert on.

  gen_feeds.py corpus OUT --feeds N [--big-mb 50] [--seed S]
      OUT/f1.xml .. OUT/fN.xml: N feeds of 20 items, half RSS 2.0 and half
      Atom 1.0, HTML in descriptions and content; OUT/big.xml: one RSS 2.0
      feed of about --big-mb megabytes (0: none).
  gen_feeds.py latency FILE --trial K [--seed S]
      FILE: a feed of 20 quiet items; with K > 0 the newest K items are
      threat items, each with its own guid, the newest dated now.  The
      latency benchmark rewrites FILE with K = 1, 2, ... to add one threat
      item per trial.  Prints the time of the change (Unix seconds, the
      moment the new file replaced the old one).
"""

import argparse
import os
import random
import sys
import time
from xml.sax.saxutils import escape

# Our own vocabulary.  Place names are real so that a default rule pack's
# actors can be exercised; every sentence built from them is invented.
PLACES = ["Norway", "Chile", "Kenya", "Portugal", "Vietnam", "Canada",
          "Peru", "Ghana", "Finland", "Morocco", "Uruguay", "Nepal",
          "Austria", "Senegal", "Mongolia", "Ireland"]
ACTORS = ["Iran", "Israel", "Russia", "Ukraine", "China", "Taiwan",
          "North Korea", "South Korea", "India", "Pakistan", "the United States",
          "Hezbollah", "Hamas", "Turkey", "Syria", "Venezuela"]
PEOPLE = ["the finance minister", "a senior official", "the mayor",
          "the central bank governor", "local farmers", "the opposition leader",
          "a spokeswoman for the ministry", "analysts", "residents",
          "the port authority", "union representatives", "the health agency",
          "school teachers", "a group of engineers", "the regional council"]
VERBS = ["announced", "reviewed", "postponed", "welcomed", "criticised",
         "approved", "questioned", "described", "expanded", "delayed",
         "published", "defended", "outlined", "rejected", "discussed"]
THINGS = ["a new budget", "the rail project", "water prices", "the harvest",
          "a trade agreement", "the election timetable", "hospital funding",
          "the coastal road", "fishing quotas", "a housing plan",
          "tax relief for small firms", "the museum renovation",
          "a cyber security review", "the wind farm", "bus fares"]
ADJS = ["cautious", "lengthy", "unexpected", "modest", "detailed", "heated",
        "brief", "careful", "public", "quarterly", "informal", "formal"]
WHENS = ["on Monday", "on Tuesday", "late on Wednesday", "this week",
         "after a long meeting", "before the holiday", "in a statement",
         "at a press conference", "during a visit", "overnight"]
TAILS = ["citing rising costs", "after months of debate",
         "despite objections from neighbours", "to the surprise of many",
         "as talks continued", "while inflation eased",
         "pending a final vote", "with little fanfare",
         "according to people familiar with the matter",
         "in a move expected to last into next year"]
TOPICS = ["Economy", "Politics", "World", "Science", "Health", "Sport",
          "Culture", "Energy", "Transport", "Climate"]
AUTHORS = ["Ada Lindqvist", "Tomas Herrera", "Mei Okafor", "Jon Baptiste",
           "Ravi Castellano", "Ines Moreau", "Kofi Andersen", "Lena Duarte"]

# Threat-like sentences a rule pack should raise an alert on.
THREATS = [
    "{a} warned that it would strike {b} if the convoys kept moving.",
    "Officials in {a} vowed to retaliate against {b} for the attack on the port.",
    "{a} issued an ultimatum to {b}, demanding that its ships withdraw within 48 hours.",
    "{a} threatened to launch missiles at {b} unless the blockade was lifted.",
    "The leader of {a} vowed revenge on {b} after the raid killed six soldiers.",
    "{a} said the strike by {b} would not go unanswered and promised a response.",
]
# Near misses: they look alarming to a naive keyword match but are not.
NEAR_MISSES = [
    "Dock workers threatened to strike over pay in {p}.",
    "{a} said it does not want the conflict to spread to {b}.",
    "{a} ruled out any military response to {b} and called for talks.",
    "Fans in {p} vowed revenge on the rival club after the cup final.",
]


def sentence(rng):
    """One ordinary news sentence."""
    form = rng.randrange(4)
    if form == 0:
        s = "%s %s %s %s, %s." % (rng.choice(PEOPLE), rng.choice(VERBS),
                                   rng.choice(THINGS), rng.choice(WHENS),
                                   rng.choice(TAILS))
    elif form == 1:
        s = "In %s, %s %s %s %s." % (rng.choice(PLACES), rng.choice(PEOPLE),
                                     rng.choice(VERBS), rng.choice(THINGS),
                                     rng.choice(WHENS))
    elif form == 2:
        s = "The %s review of %s was %s %s, %s said." % (
            rng.choice(ADJS), rng.choice(THINGS),
            rng.choice(VERBS), rng.choice(WHENS), rng.choice(PEOPLE))
    else:
        adj = rng.choice(ADJS)
        s = "%s %s %s %s plan for %s, %s." % (
            rng.choice(PEOPLE), rng.choice(VERBS),
            "an" if adj[0] in "aeiou" else "a", adj,
            rng.choice(THINGS), rng.choice(TAILS))
    return s[0].upper() + s[1:]


def threat(rng, k=None):
    a, b = rng.sample(ACTORS, 2)
    t = THREATS[k % len(THREATS)] if k is not None else rng.choice(THREATS)
    s = t.format(a=a, b=b)
    return s[0].upper() + s[1:]


def near_miss(rng):
    a, b = rng.sample(ACTORS, 2)
    s = rng.choice(NEAR_MISSES).format(a=a, b=b, p=rng.choice(PLACES))
    return s[0].upper() + s[1:]


def title(rng):
    words = ("%s %s %s" % (rng.choice(PEOPLE), rng.choice(VERBS),
                           rng.choice(THINGS))).split()
    return " ".join(w.capitalize() if i == 0 else w
                    for i, w in enumerate(words))


def paragraphs(rng, n_par, special=None):
    """HTML body: n_par paragraphs, the special sentence (if any) in the
    first one, some emphasis and a link here and there."""
    out = []
    for p in range(n_par):
        sents = [sentence(rng) for _ in range(rng.randint(2, 5))]
        if p == 0 and special:
            sents.insert(rng.randint(0, 1), special)
        if rng.random() < 0.3:
            i = rng.randrange(len(sents))
            sents[i] = "<em>%s</em>" % sents[i]
        if rng.random() < 0.2:
            sents.append('<a href="https://news.example/more/%d">Read more</a>.'
                         % rng.randrange(100000))
        out.append("<p>%s</p>" % " ".join(sents))
    return "\n".join(out)


class Item:
    def __init__(self, rng, feed_no, item_no, when, special=None, full=False):
        self.guid = "urn:brink-bench:f%d:i%d" % (feed_no, item_no)
        self.title = title(rng)
        self.link = "https://news.example/f%d/%d.html" % (feed_no, item_no)
        self.when = when
        self.author = rng.choice(AUTHORS)
        self.topic = rng.choice(TOPICS)
        self.summary = paragraphs(rng, 1, special)
        # Full-text feeds carry the whole article, which opens with the
        # teaser as real ones do; summary feeds carry the teaser only.
        self.content = (self.summary + "\n" +
                        paragraphs(rng, rng.randint(2, 6), None)) if full else None


def special_for(rng):
    r = rng.random()
    if r < 0.025:
        return threat(rng)
    if r < 0.04:
        return near_miss(rng)
    return None


def rfc822(t):
    return time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime(t))


def rfc3339(t):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))


def cdata(html):
    return "<![CDATA[%s]]>" % html.replace("]]>", "]]]]><![CDATA[>")


def write_rss(out, feed_no, items, use_cdata):
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<rss version="2.0" '
              'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
              'xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>\n'
              "<title>Bench Desk %d</title>\n"
              "<link>https://news.example/f%d/</link>\n"
              "<description>Synthetic news for brink's benchmarks</description>\n"
              "<language>en</language>\n" % (feed_no, feed_no))
    wrap = cdata if use_cdata else escape
    for it in items:
        out.write("<item>\n<title>%s</title>\n<link>%s</link>\n"
                  '<guid isPermaLink="false">%s</guid>\n<pubDate>%s</pubDate>\n'
                  "<dc:creator>%s</dc:creator>\n<category>%s</category>\n"
                  "<description>%s</description>\n"
                  % (escape(it.title), it.link, it.guid, rfc822(it.when),
                     it.author, it.topic, wrap(it.summary)))
        if it.content:
            out.write("<content:encoded>%s</content:encoded>\n"
                      % wrap(it.content))
        out.write("</item>\n")
    out.write("</channel>\n</rss>\n")


def write_atom(out, feed_no, items, xhtml):
    newest = max(it.when for it in items)
    out.write('<?xml version="1.0" encoding="utf-8"?>\n'
              '<feed xmlns="http://www.w3.org/2005/Atom">\n'
              "<title>Bench Wire %d</title>\n"
              '<link href="https://news.example/f%d/"/>\n'
              "<id>urn:brink-bench:f%d</id>\n<updated>%s</updated>\n"
              % (feed_no, feed_no, feed_no, rfc3339(newest)))
    for it in items:
        out.write("<entry>\n<title>%s</title>\n"
                  '<link rel="alternate" href="%s"/>\n<id>%s</id>\n'
                  "<published>%s</published>\n<updated>%s</updated>\n"
                  "<author><name>%s</name></author>\n"
                  '<category term="%s"/>\n'
                  % (escape(it.title), it.link, it.guid, rfc3339(it.when),
                     rfc3339(it.when), it.author, it.topic))
        if xhtml:
            out.write('<summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">'
                      "%s</div></summary>\n" % it.summary)
        else:
            out.write('<summary type="html">%s</summary>\n'
                      % escape(it.summary))
        if it.content:
            out.write('<content type="html">%s</content>\n'
                      % escape(it.content))
        out.write("</entry>\n")
    out.write("</feed>\n")


def write_atomically(path, fill):
    """Write through a temporary file and rename, so that nginx never
    serves half a feed; returns the time of the rename."""
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        fill(f)
    os.replace(tmp, path)
    return time.time()


def make_feed(path, feed_no, seed, now):
    rng = random.Random(seed * 100003 + feed_no)
    full = rng.random() < 0.5
    items = [Item(rng, feed_no, i, now - 3600 * (i + 1) - rng.randrange(3000),
                  special_for(rng), full) for i in range(20)]
    kind = feed_no % 4  # RSS escaped, RSS CDATA, Atom html, Atom xhtml
    if kind < 2:
        write_atomically(path, lambda f: write_rss(f, feed_no, items, kind == 1))
    else:
        write_atomically(path, lambda f: write_atom(f, feed_no, items, kind == 3))


def make_big(path, megabytes, seed, now):
    """One RSS 2.0 feed of about megabytes MB, written item by item."""
    rng = random.Random(seed)
    target = megabytes * 1000 * 1000
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<rss version="2.0" '
                'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
                'xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>\n'
                "<title>Bench Archive</title>\n"
                "<link>https://news.example/archive/</link>\n"
                "<description>Every story, one big feed</description>\n")
        n = 0
        while f.tell() < target:
            batch = [Item(rng, 0, n + i, now - 60 * (n + i), special_for(rng),
                          True) for i in range(100)]
            for it in batch:
                f.write("<item>\n<title>%s</title>\n<link>%s</link>\n"
                        '<guid isPermaLink="false">%s</guid>\n'
                        "<pubDate>%s</pubDate>\n<dc:creator>%s</dc:creator>\n"
                        "<category>%s</category>\n"
                        "<description>%s</description>\n"
                        "<content:encoded>%s</content:encoded>\n</item>\n"
                        % (escape(it.title), it.link, it.guid, rfc822(it.when),
                           it.author, it.topic, escape(it.summary),
                           escape(it.content)))
            n += len(batch)
        f.write("</channel>\n</rss>\n")
    os.replace(tmp, path)
    return n


def make_latency(path, trial, seed, now):
    """A quiet feed whose newest `trial` items are threats, one per trial."""
    rng = random.Random(seed)
    quiet = [Item(rng, 9999, i, now - 86400 - 3600 * i, None, False)
             for i in range(20)]
    threats = []
    for k in range(1, trial + 1):
        trng = random.Random(seed * 7919 + k)
        it = Item(trng, 9999, 100000 + k, now - (trial - k), threat(trng, k),
                  False)
        it.title = "Trial %d: tension rises" % k
        threats.append(it)
    items = (list(reversed(threats)) + quiet)[:20]
    return write_atomically(path, lambda f: write_rss(f, 9999, items, False))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("corpus", help="N feeds and one big feed")
    c.add_argument("out")
    c.add_argument("--feeds", type=int, default=1000)
    c.add_argument("--big-mb", type=int, default=50)
    c.add_argument("--seed", type=int, default=1)
    lat = sub.add_parser("latency", help="the latency benchmark's feed")
    lat.add_argument("file")
    lat.add_argument("--trial", type=int, default=0)
    lat.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    now = time.time()
    if args.cmd == "latency":
        print("%.6f" % make_latency(args.file, args.trial, args.seed, now))
        return 0
    if args.feeds < 1 or args.feeds > 100000:
        ap.error("--feeds must be between 1 and 100000")
    os.makedirs(args.out, exist_ok=True)
    total = 0
    for n in range(1, args.feeds + 1):
        p = os.path.join(args.out, "f%d.xml" % n)
        make_feed(p, n, args.seed, now)
        total += os.path.getsize(p)
    print("gen_feeds: %d feeds, %.1f MB in %s" % (args.feeds, total / 1e6,
                                                  args.out))
    if args.big_mb > 0:
        p = os.path.join(args.out, "big.xml")
        n = make_big(p, args.big_mb, args.seed, now)
        print("gen_feeds: big.xml, %d items, %.1f MB" % (n,
                                                         os.path.getsize(p) / 1e6))
    return 0


if __name__ == "__main__":
    sys.exit(main())
