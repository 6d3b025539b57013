#!/bin/sh
# agnews_other.sh: the default rule pack over real Sports, Business and
# Sci/Tech wire copy (AG News, ../shared/eval/agnews/other-classes.csv:
# 5,700 items that nobody on the project wrote).  An alarm there is
# almost always wrong -- players set to strike, an ultimatum to a club,
# a price war -- and so is most de-escalation (merger talks).  It holds:
#
#   items with a threat or retaliation alert:  at most 2
#   items with a de-escalation alert:          at most 6
#
# The items stay outside the repository (research use only); the test
# is skipped when they are absent.  tests/eval/agnews_eval.py does the
# work; run it by hand with -v to see the items that fired.
. "$top_srcdir/tests/lib.sh"

csv="$BRINK_SHARED/eval/agnews/other-classes.csv"
[ -r "$csv" ] || skip "no AG News items at $csv (they are kept beside" \
    "the repository, in ../shared/eval/agnews; set BRINK_SHARED to the" \
    "folder that holds eval/agnews to run this test)"
command -v "$PYTHON3" >/dev/null 2>&1 || skip "python3 not installed"

# The pack as etc/brink.conf ships it: the rules and every country.
printf 'include("%s/etc/rules/%s.conf")\n' "$top_srcdir" default \
    "$top_srcdir" countries > "$T/brink.conf"

"$PYTHON3" "$top_srcdir/tests/eval/agnews_eval.py" --other -v \
    --brinkd "$BRINKD" --config "$T/brink.conf" --csv "$csv" \
    --max-alarm 2 --max-deesc 6
rc=$?
case $rc in
0)	pass "at most 2 alarms and 6 de-escalations on other-classes.csv" ;;
1)	fail "too many alerts on other-classes.csv (listed above)" ;;
*)	hard_error "agnews_eval.py exited $rc" ;;
esac
finish
