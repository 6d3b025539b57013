#!/bin/sh
# figures.sh: every figure of the evaluation yardsticks in one run, each
# line prefixed with the yardstick's name, so that a change of the rule
# pack is measured on all of them at once (dev and test halves, the
# false-alarm corpora, stories, PLOVER, the seeds).  Evaluation only.
#
#   DATA=DIR sh tests/eval/figures.sh [> figures.txt]
#
# DIR holds the public texts that LABELS-*.md name, under the names the
# scripts are given below: gaza-news.txt, headlines.json,
# bbc_news_2022.csv, bbc_news_2025.csv, News_Category_Dataset_v3.json,
# aljazeera_news_data.csv, nyt_ukraine_2022.csv.
# A yardstick whose text is absent is skipped with a line that says so;
# AG News, the seeds and PLOVER are read from ../shared.
#
#   BRINKD=PATH   the brinkd to measure (default: src/brinkd)
#   ONLY=REGEX    only the yardsticks whose name matches
#   LIST=1        keep the scripts' indented listings (alerts on
#                 unlabelled items, the other corpora's alerts)
set -u

top=$(cd "$(dirname "$0")/../.." && pwd)
E=$top/tests/eval
SHARED=${SHARED:-$(dirname "$top")/shared}
BRINKD=${BRINKD:-$top/src/brinkd}
DATA=${DATA:-}
case $BRINKD in /*) ;; *) BRINKD=$(pwd)/$BRINKD ;; esac
if [ ! -x "$BRINKD" ]; then
	echo "figures.sh: $BRINKD is not executable (make, or set BRINKD)" >&2
	exit 2
fi
if [ -z "$DATA" ] || [ ! -d "$DATA" ]; then
	echo "figures.sh: set DATA to the folder of the texts that" \
	    "tests/eval/LABELS-*.md name" >&2
	exit 2
fi
export PYTHONDONTWRITEBYTECODE=1
fails=0

# run NAME TEXT SCRIPT ARGS...: one script of tests/eval over TEXT (a
# file that must exist, or - for none), its lines prefixed with NAME.
run() {
	name=$1 text=$2 script=$3
	shift 3
	if [ -n "${ONLY:-}" ] && ! echo "$name" | grep -Eq "$ONLY"; then
		return 0
	fi
	if [ "$text" != - ] && [ ! -f "$text" ]; then
		echo "$name: skipped, no $text"
		return 0
	fi
	out=$(cd "$top" && nice -n 5 python3 "$E/$script" --brinkd "$BRINKD" \
	    "$@" 2>&1) || { echo "$name: exit $?"; fails=$((fails + 1)); }
	if [ "${LIST:-0}" = 1 ]; then
		printf '%s\n' "$out"
	else
		printf '%s\n' "$out" | grep -v '^  '
	fi | sed "s|^|$name: |"
}

# The BBC 2025 feed of leads and of whole articles, made from the scrape
# as LABELS-bbc2025.md says, once.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
b25=$DATA/bbc_news_2025.csv
if [ -f "$b25" ]; then
	python3 "$E/bbc2025_items.py" "$b25" > "$tmp/leads.csv"
	python3 "$E/bbc2025_items.py" --full "$b25" > "$tmp/full.csv"
fi
# The Al Jazeera items, less those the Gaza collection holds
# (LABELS-aljazeera.md): both texts are needed.
aj=$DATA/aljazeera_news_data.csv
if [ -f "$aj" ] && [ -f "$DATA/gaza-news.txt" ]; then
	python3 "$E/aljazeera_items.py" --exclude "$DATA/gaza-news.txt" \
	    "$aj" > "$tmp/aj-items.csv"
fi
# The labelled sample of the New York Times items (LABELS-nyt.md).
nyt=$DATA/nyt_ukraine_2022.csv
if [ -f "$nyt" ]; then
	python3 "$E/nyt_items.py" --sample "$nyt" > "$tmp/nyt-items.csv"
fi

rev=$(git -C "$top" rev-parse --short HEAD 2>/dev/null)
echo "# figures.sh ${rev:-(no git)} brinkd=$BRINKD"
run agnews - agnews_eval.py
run agnews-parties - agnews_eval.py --parties
run agnews-other - agnews_eval.py --other
run stories - story_eval.py
run stories-dated - story_eval.py --dated
run stories2 - story_eval.py --labels "$E/agnews-world-stories-second.tsv"
run seeds - seeds_eval.py
run plover "$SHARED/eval/plover/labels.jsonl" plover_check.py \
    --config "$top/etc/brink.conf" --labels "$SHARED/eval/plover/labels.jsonl"
run bbc2022 "$DATA/bbc_news_2022.csv" bbc_eval.py \
    --csv "$DATA/bbc_news_2022.csv"
run bbc2025 "$tmp/leads.csv" bbc_eval.py --csv "$tmp/leads.csv" \
    --labels "$E/bbc-2025-labels.tsv"
run bbc2025-fulltext "$tmp/full.csv" fulltext_judged.py \
    --csv "$tmp/full.csv"
run headlines "$DATA/headlines.json" headlines_eval.py \
    --json "$DATA/headlines.json"
run headlines-other "$DATA/headlines.json" headlines_eval.py \
    --json "$DATA/headlines.json" --other
run headlines-us "$DATA/headlines.json" headlines_eval.py \
    --json "$DATA/headlines.json" --categories news,politics \
    --labels "$E/headlines-2022-us-labels.tsv" --split test
hp=$DATA/News_Category_Dataset_v3.json
run huffpost-dev "$hp" huffpost_judged.py --json "$hp" --split dev
run huffpost-test "$hp" huffpost_judged.py --json "$hp" --split test
run huffpost-other "$hp" huffpost_judged.py --json "$hp" --other
g=$DATA/gaza-news.txt
run gaza1 "$g" gaza_eval.py --txt "$g"
run gaza3 "$g" gaza_eval.py --txt "$g" --labels "$E/gaza-2024-labels-3.tsv"
run gaza4 "$g" gaza_eval.py --txt "$g" --labels "$E/gaza-2024-labels-4.tsv"
run gaza5 "$g" gaza_eval.py --txt "$g" --labels "$E/gaza-2024-labels-5.tsv"
run gaza-stories "$g" gaza_eval.py --txt "$g" --stories
run gaza-stories4 "$g" gaza_eval.py --txt "$g" --stories \
    --labels "$E/gaza-2024-stories-4.tsv"
run gaza-stories5 "$g" gaza_eval.py --txt "$g" --stories \
    --labels "$E/gaza-2024-stories-5.tsv"
run aljazeera "$tmp/aj-items.csv" bbc_eval.py --csv "$tmp/aj-items.csv" \
    --labels "$E/aljazeera-2021-2023-labels.tsv"
run aljazeera-parties "$tmp/aj-items.csv" bbc_eval.py \
    --csv "$tmp/aj-items.csv" --labels "$E/aljazeera-2021-2023-labels.tsv" \
    --parties "$E/aljazeera-2021-2023-parties.tsv" --split dev
run nyt "$nyt" bbc_eval.py --csv "$tmp/nyt-items.csv" \
    --labels "$E/nyt-2022-labels.tsv"
echo "# figures.sh: $fails run(s) failed"
[ "$fails" -eq 0 ]
