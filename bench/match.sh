#!/bin/sh
# bench/match.sh: how fast brinkd --match reads article text, through the
# default rule pack and through 100 and 10,000 generated terms, next to
# `grep -F -i -w -f TERMS` on the same text and terms.  A benchmark, not
# a test: it prints figures for bench/README.md ("## Match").
#
#   bench/match.sh [MB]          (default 20 MB of text)
#
# BRINKD picks the binary (default src/brinkd; build it without the
# sanitizers for honest figures).  The text is the seed articles of
# ../shared/corpus/seeds repeated, when they are there, else generated.
set -eu

cd "$(dirname "$0")/.."
top=$(pwd)
: "${BRINKD:=$top/src/brinkd}"
: "${BRINK_SHARED:=$top/../shared}"
MB=${1:-20}
T=$(mktemp -d "${TMPDIR:-/tmp}/brink-bench-match.XXXXXX")
trap 'rm -rf "$T"' EXIT

[ -x "$BRINKD" ] || { echo "bench: build brinkd first ($BRINKD)" >&2; exit 1; }

python3 - "$T" "$MB" "$BRINK_SHARED/corpus/seeds" <<'PY'
import glob, os, random, sys
out, mb, seeds = sys.argv[1], int(sys.argv[2]), sys.argv[3]
random.seed(7)
texts = [open(f, encoding="utf-8").read() for f in sorted(glob.glob(seeds + "/*.txt"))]
if not texts:
    words = ("the minister said talks would resume next week after a "
             "long dispute over the border and the army moved troops "
             "while officials urged calm in the region").split()
    texts = [" ".join(random.choice(words) for _ in range(400)) + ".\n"
             for _ in range(20)]
body = []
size = 0
while size < mb << 20:
    t = random.choice(texts)
    body.append(t)
    size += len(t.encode())
with open(os.path.join(out, "article.txt"), "w", encoding="utf-8") as f:
    f.write("Benchmark article\n" + "\n".join(body))
# Terms: a word of the text, then one or two made-up words, so that the
# first word often matches and the rest rarely does: the matcher walks.
vocab = sorted({w.strip(".,;:\"'()").lower() for t in texts for w in t.split()
                if w.isalpha() and len(w) > 3})
def term():
    made = "".join(random.choice("bdfgklmnprstvz") + random.choice("aeiou")
                   for _ in range(3))
    return random.choice(vocab) + " " + made
for n in (100, 10000):
    terms = sorted({term() for _ in range(n * 2)})[:n]
    with open(os.path.join(out, "terms%d.txt" % n), "w") as f:
        f.write("\n".join(terms) + "\n")
    with open(os.path.join(out, "terms%d.conf" % n), "w") as f:
        f.write("rule generated {\n\tcategory = \"threat\"\n\tactors = {}\n"
                "\tterms = {" + ", ".join('"%s"' % t for t in terms) + "}\n}\n")
PY
# The pack as etc/brink.conf ships it: the rules and every country.
printf 'include("%s/etc/rules/%s.conf")\n' "$top" default "$top" countries \
    > "$T/pack.conf"
: > "$T/empty.txt"

# best of three runs, in CPU seconds (user + system) of the child: the
# machine may be shared, and wall-clock time then measures the neighbours
best() {
	python3 - "$@" <<'PY'
import resource, subprocess, sys
best = None
for _ in range(3):
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, check=False)
    if p.returncode not in (0, 1) or (p.returncode == 1 and
                                     sys.argv[1] != "grep"):
        sys.exit("bench: %s exited %d: %s" % (sys.argv[1], p.returncode,
                 p.stderr.decode(errors="replace")[:300]))
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    best = t if best is None or t < best else best
print("%.3f" % best)
PY
}
# A line for bench/run.sh's table when it runs us ($RESULTS): figure,
# tool, wall s (not measured), CPU s, peak RSS, runs, notes.
record() {
	[ -n "${RESULTS:-}" ] || return 0
	printf '%s\t%s\t\t%s\t\t3\t%s\n' "$1" "$2" "$3" "$4" >> "$RESULTS"
}
size=$(wc -c < "$T/article.txt")
mbs() { python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[3]); print('%.1f' % (int(sys.argv[1])/1048576/s) if s > 0 else 'n/a')" "$size" "$1" "${2:-0}"; }

echo "text: $(python3 -c "print('%.1f' % ($size/1048576))") MB; brinkd: $BRINKD"
printf '%-38s %9s %9s %9s\n' "run" "CPU s" "setup s" "MB/s"
for c in pack terms100 terms10000; do
	setup=$(best "$BRINKD" -c "$T/$c.conf" --match "$T/empty.txt")
	total=$(best "$BRINKD" -c "$T/$c.conf" --match "$T/article.txt")
	rate=$(mbs "$total" "$setup")
	printf '%-38s %9s %9s %9s\n' "brinkd --match, $c" "$total" "$setup" \
	    "$rate"
	record "match $c" "brinkd --match" "$total" "$rate MB/s, setup $setup s"
done
# grep in the C locale: in a UTF-8 locale GNU grep -i -w with thousands
# of fixed strings takes minutes on 20 MB (we stopped it after ten).
for n in 100 10000; do
	total=$(LC_ALL=C best grep -c -F -i -w -f "$T/terms$n.txt" "$T/article.txt")
	rate=$(mbs "$total")
	printf '%-38s %9s %9s %9s\n' "grep -F -i -w (C locale), $n terms" \
	    "$total" - "$rate"
	record "match terms$n" "grep -F -i -w" "$total" "$rate MB/s"
done
