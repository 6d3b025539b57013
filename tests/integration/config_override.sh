#!/bin/sh
# include() with a wildcard, and a local file changing the rule pack
# without copying it, as fail2ban's jail.local and jail.d do: names added
# to a pack actor, a pack rule disabled or given another severity; the
# last file read has the last word; mistakes named with their file:line.
. "$top_srcdir/tests/lib.sh"

mkdir -p "$T/rules" "$T/conf.d"
cat > "$T/rules/pack.conf" <<'CONF'
actor northland { names = {"Northland", "Northern"} }
actor southland { names = {"Southland"} }
rule vow {
	category = "retaliation"
	severity = "high"
	terms    = {"vow* to retaliat*"}
}
rule warn {
	category = "threat"
	severity = "medium"
	terms    = {"warn* of consequences"}
}
rule shipped-off {
	category = "threat"
	enabled  = false
	terms    = {"final ultimatum"}
}
rule talks {
	category = "deescalation"
	terms    = {"held talks"}
	context  = {"war"}
}
CONF
cat > "$T/brink.conf" <<'CONF'
include("rules/pack.conf")
include("conf.d/*.conf")
CONF

TEXT="Norland vowed to retaliate and warned of consequences, in a final ultimatum."
# alerts: the rules and severities --match reports for TEXT, as
# "rule:severity" words, sorted; "-" for none.
alerts() {
	printf '%s\n' "$TEXT" | "$BRINKD" -c "$T/brink.conf" --match - \
	    2> "$T/match.err" | "$PYTHON3" -c 'import json, sys
hits = sorted("%s:%s" % (h["rule"], h["severity"])
              for l in sys.stdin for h in json.loads(l)["hits"])
print(" ".join(hits) or "-")'
}
check_t() {
	"$BRINKD" -t -c "$T/brink.conf" > "$T/t.out" 2> "$T/t.err"
}

# An empty conf.d/ is fine.
check_t
check "no file in conf.d: -t passes: $(cat "$T/t.err")" \
    grep -qx "configuration ok" "$T/t.out"
check "the pack as shipped: \"Norland\" is nobody, shipped-off is off" \
    test "$(alerts)" = "-"

# Add a name to a pack actor.
cat > "$T/conf.d/10-names.conf" <<'CONF'
actor northland {
	override = true
	names    = {"Norland"}
}
CONF
got=$(alerts)
check "an added name makes the actor: $got" \
    test "$got" = "vow:high warn:medium"

# Make two pack actors rivals: their talks need no word of war then.
printf 'Northland and Southland held talks.\n' > "$T/talks.txt"
talks() {
	"$BRINKD" -c "$T/brink.conf" --match "$T/talks.txt" 2>/dev/null |
	    grep -c '"rule":"talks"'
}
check "talks of two actors, no war named: no alert" test "$(talks)" = 0
cat > "$T/conf.d/15-rivals.conf" <<'CONF'
actor southland {
	override = true
	rivals   = {"northland"}
}
CONF
check "the same talks once a local file makes them rivals: an alert" \
    test "$(talks)" = 1

# Change a severity, disable a rule, enable the one shipped off; a later
# file has the last word.
cat > "$T/conf.d/20-local.conf" <<'CONF'
rule vow  { override = true  severity = "low" }
rule warn { override = true  enabled = false }
rule shipped-off { override = true  enabled = true }
CONF
cat > "$T/conf.d/30-later.conf" <<'CONF'
rule vow { override = true  severity = "critical" }
CONF
got=$(alerts)
check "severity changed (last file wins), rule disabled, rule enabled: $got" \
    test "$got" = "shipped-off:medium vow:critical"
check_t
check "-t passes with the overrides: $(cat "$T/t.err")" \
    grep -qx "configuration ok" "$T/t.out"
# Files in order: without 30-later, 20-local's severity stands.
mv "$T/conf.d/30-later.conf" "$T/conf.d/30-later.conf.off"
got=$(alerts)
check "a file not matching *.conf is not read: $got" \
    test "$got" = "shipped-off:medium vow:low"
# A directory matching the pattern is not a file to read.
mkdir "$T/conf.d/40-dir.conf"
check_t
check "a directory in conf.d is passed over" \
    grep -qx "configuration ok" "$T/t.out"

# Mistakes, with their files and lines.
cat > "$T/conf.d/50-bad.conf" <<'CONF'
rule vw { override = true  severity = "low" }
rule vow {
	override = true
	terms    = {"vow revenge"}
}
actor westland { override = true  names = {"Westland"} }
actor northland { override = true  rivals = {"eastland"} }
rule warn {
	category = "threat"
	terms = {"warn*"}
}
CONF
check_t
check "-t refuses them (exit 1)" test $? -eq 1
for want in \
    "conf.d/50-bad.conf:1: rule 'vw' is overridden here but defined nowhere; check the name and that its file is included" \
    "conf.d/50-bad.conf:4: rule 'vow': an override may set severity and enabled only; to change terms, copy the rule under a new name and disable this one" \
    "conf.d/50-bad.conf:6: actor 'westland' is overridden here but defined nowhere" \
    "conf.d/50-bad.conf:7: actor 'northland' names rival \"eastland\", which is not an actor" \
    "conf.d/50-bad.conf:8: rule 'warn' is defined twice: here and at $T/rules/pack.conf:8"; do
	check "-t says: $want" grep -qF -- "$want" "$T/t.err"
done
rm "$T/conf.d/50-bad.conf"

# A pattern with no match is fine, a plain name that is missing is not.
echo 'include("local/*.conf")' >> "$T/brink.conf"
check_t
check "an include pattern matching nothing: ok" \
    grep -qx "configuration ok" "$T/t.out"
echo 'include("local.conf")' >> "$T/brink.conf"
check_t
check "a missing file by name is still an error" \
    grep -qF "brink.conf:4: " "$T/t.err"

# The shipped example reads conf.d/, and the shipped local.conf.example,
# uncommented, is a good override of the shipped pack.
mkdir -p "$T/shipped"
cp -r "$top_srcdir/etc/rules" "$top_srcdir/etc/conf.d" "$T/shipped/"
sed -e "s|/var/log/brink/|$T/log/|" "$top_srcdir/etc/brink.conf" \
    > "$T/shipped/brink.conf"
"$BRINKD" -t -c "$T/shipped/brink.conf" > "$T/t.out" 2>&1
check "the shipped brink.conf with an empty conf.d: $(cat "$T/t.out")" \
    grep -qx "configuration ok" "$T/t.out"
sed -n '/^#\(actor\|rule\) /,/^#}/s/^#//p' \
    "$top_srcdir/etc/conf.d/local.conf.example" > "$T/shipped/conf.d/local.conf"
check "the example holds four overrides" \
    test "$(grep -c 'override = true' "$T/shipped/conf.d/local.conf")" -eq 4
"$BRINKD" -t -c "$T/shipped/brink.conf" > "$T/t.out" 2>&1
check "the shipped example's overrides fit the shipped pack: $(cat "$T/t.out")" \
    grep -qx "configuration ok" "$T/t.out"
echo "Persia vowed to retaliate against Israel." |
    "$BRINKD" -c "$T/shipped/brink.conf" --match - 2>/dev/null > "$T/persia"
check "and \"Persia\" is Iran then" grep -q '"actors":\["iran"\]' "$T/persia"

finish
