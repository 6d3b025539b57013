#!/bin/sh
# match_summary.sh: the rule language's clause keys end to end, on a
# configuration of its own (word classes, roles, mood, actor_kinds,
# negated, raise): brinkd --match over a feed of more items than
# max_items, --summary's counts, --explain's clause analysis, and the
# loader's errors for the new keys.
. "$top_srcdir/tests/lib.sh"

cat > "$T/brink.conf" <<'CONF'
max_items = 10
class force { words = {"attack*", "strike", "bomb*", "invade"} }
class deadline { words = {"within * hours", "ultimatum"} }
role militants {
	kind  = "armed-group"
	names = {"militant*", "rebel*"}
}
role players {
	kind  = "sports"
	names = {"player*"}
}
actor sudan { names = {"Sudan", "Khartoum"} }
actor chad { names = {"Chad"} }
rule force-threat {
	category    = "threat"
	severity    = "high"
	terms       = {"@force"}
	mood        = {"future", "modal", "intent", "threat", "conditional"}
	actor_kinds = {"state", "military", "armed-group"}
	negated     = "deescalation"
	raise       = {"@deadline"}
}
CONF

# 1,200 items, 300 of each: a threat, a denial, players, a past attack.
"$PYTHON3" - "$T/corpus.rss" <<'PY'
import sys
texts = ["Sudan will attack Chad within 48 hours.",
         "Sudan has no plans to attack Chad.",
         "The players will strike the ball hard.",
         "Sudan attacked Chad on Monday."]
with open(sys.argv[1], "w") as f:
    f.write('<?xml version="1.0"?><rss version="2.0"><channel><title>c</title>')
    for i in range(1200):
        f.write("<item><guid>i%d</guid><title>Item %d</title>"
                "<description>%s</description></item>" % (i, i, texts[i % 4]))
    f.write("</channel></rss>")
PY

"$BRINKD" -c "$T/brink.conf" --match "$T/corpus.rss" > "$T/all.out" 2> "$T/all.err"
check "--match over 1,200 items exits 0" [ $? -eq 0 ]
check "--match reads every item, not max_items" \
    [ "$(wc -l < "$T/all.out")" -eq 600 ]
check "a future attack by a state is a critical threat (raised by a deadline)" \
    [ "$(grep -c '"severity":"critical","category":"threat"' "$T/all.out")" -eq 300 ]
check "a denied attack is de-escalation" \
    [ "$(grep -c '"category":"deescalation"' "$T/all.out")" -eq 300 ]
check "the threat names its actor and target" \
    grep -q '"actors":\["sudan"\],"targets":\["chad"\]' "$T/all.out"

"$BRINKD" -c "$T/brink.conf" --match "$T/corpus.rss" --summary \
    > "$T/sum.out" 2> "$T/sum.err"
check "--summary exits 0" [ $? -eq 0 ]
check "--summary counts the items read" grep -qx 'items read: 1200' "$T/sum.out"
check "and the items with an alert" grep -qx 'items with an alert: 600' "$T/sum.out"
check "and those without" grep -qx 'items without an alert: 600' "$T/sum.out"
check "alerts per category: threat" grep -qx '  threat: 300' "$T/sum.out"
check "alerts per category: deescalation" grep -qx '  deescalation: 300' "$T/sum.out"
check "alerts per rule" grep -qx '  force-threat: 600' "$T/sum.out"
check "--summary prints no alert lines" sh -c "! grep -q '^{' '$T/sum.out'"
# Each text is one statement told 300 times: two stories (the players'
# and the past attack raise none), listed with their first titles.
check "--summary counts the stories" \
    grep -qx 'stories: 2 (alerts that joined an earlier story: 598)' "$T/sum.out"
check "and lists those of more than one article, the first first" \
    sh -c "grep -A2 '^stories told by more than one article' '$T/sum.out' |
        tail -n 2 | tr '\n' '|' | grep -qx '  300 articles: Item 0|  300 articles: Item 1|'"

printf 'Test\nThe players will strike. Sudan attacked Chad. Rebels vowed to attack Chad.\n' \
    > "$T/explain.txt"
"$BRINKD" -c "$T/brink.conf" --match "$T/explain.txt" --explain \
    > "$T/explain.out" 2> "$T/explain.err"
check "--explain shows each candidate's verb group" \
    grep -q 'candidate: rule force-threat: term "@force" at "attacked": tense=past' "$T/explain.err"
check "and its subject" grep -q 'subject "Sudan"' "$T/explain.err"
check "and the actor with its kind" grep -q 'actor players (sports)' "$T/explain.err"
check "and why it did not fire" \
    grep -q "not fired: its actor's kind is not among actor_kinds" "$T/explain.err"
check "a role alone is named by the role" \
    grep -q 'hit: rule force-threat (threat, high).*actors "militants"' "$T/explain.err"

cat > "$T/bad.conf" <<'CONF'
class a { words = {"x", "@b"} }
class b { words = {"@a y"} }
role r { names = {"foo"} }
rule q {
	category    = "threat"
	terms       = {"@nope attack"}
	mood        = {"sometime"}
	actor_kinds = {"aliens"}
	negated     = "de escalation"
}
CONF
"$BRINKD" -t -c "$T/bad.conf" > "$T/bad.out" 2>&1
check "a bad configuration is refused" [ $? -eq 1 ]
check "classes in a circle, at their line" grep -q "bad.conf:2: class 'b' uses itself" "$T/bad.out"
check "a role without a kind" grep -q "bad.conf:3: role 'r' has no kind" "$T/bad.out"
check "an unknown class" grep -q 'bad.conf:6: @nope names no class' "$T/bad.out"
check "an unknown mood" grep -q 'bad.conf:7: mood "sometime" is unknown' "$T/bad.out"
check "an unknown kind" grep -q 'bad.conf:8: actor_kinds: kind "aliens" is unknown' "$T/bad.out"
check "a negated that is no category" grep -q 'bad.conf:9: negated "de escalation"' "$T/bad.out"

# A class of moods is checked when the rules are compiled, at its rule.
cat > "$T/moods.conf" <<'CONF'
class unreal { words = {"future", "someday"} }
rule q {
	category = "threat"
	terms    = {"attack"}
	mood     = {"@unreal"}
}
CONF
"$BRINKD" -t -c "$T/moods.conf" > "$T/moods.out" 2>&1
check "a class of moods with no mood is refused" [ $? -eq 1 ]
check "at its rule's line" grep -q 'moods.conf:2: rule q: mood: "someday" is unknown' "$T/moods.out"
finish
