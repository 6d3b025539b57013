#!/bin/sh
# match.sh: brinkd --match end to end with the default rule pack: plain
# text, an HTML page, a feed, stdin, --explain, errors, and the seed
# articles beside the repository (skipped when they are absent).
. "$top_srcdir/tests/lib.sh"

M="$FIXTURES/match"
cat > "$T/brink.conf" <<CONF
state_dir = "$T/state"
include("$top_srcdir/etc/rules/default.conf")
include("$top_srcdir/etc/rules/countries.conf")
CONF

# json_get FILE EXPR: evaluate a Python expression over the alerts in
# FILE (a list, one per line, as "alerts") and print the result.
json_get() {
	"$PYTHON3" -c 'import json, sys
alerts = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
print(eval(sys.argv[2]))' "$1" "$2"
}

expect() {
	what=$1 got=$2 want=$3
	if [ "$got" = "$want" ]; then pass "$what"
	else fail "$what: got '$got', want '$want'"; fi
}

# expect_none WHAT NAME: $T/NAME.out holds no alert.
expect_none() {
	expect "$1" "$(wc -c < "$T/$2.out")" 0
}

# expect_category WHAT NAME CATEGORY: its first alert is of CATEGORY.
expect_category() {
	expect "$1" "$(json_get "$T/$2.out" 'alerts[0]["category"]')" "$3"
}

# The shipped packs are read top to bottom by users, in a terminal: no
# line wider than 80 columns (tabs at 8).
for pack in "$top_srcdir"/etc/rules/*.conf; do
	wide=$(expand -t 8 "$pack" | LC_ALL=C.UTF-8 awk \
	    'length($0) > 80 { printf "%s%d", sep, NR; sep = ", " }')
	expect "$(basename "$pack"): lines over 80 columns" "$wide" ""
done

# Match standard input with the test's configuration into $T/NAME.out.
match_stdin() {
	"$BRINKD" -c "$T/brink.conf" --match - > "$T/$1.out"
}

# body_rule NAME SENTENCE RULE: SENTENCE as the body of an article
# titled "x" raises its first alert by RULE.
body_rule() {
	printf 'x\n\n%s\n' "$2" | match_stdin "$1"
	expect "$2: $3" "$(json_get "$T/$1.out" 'alerts[0]["rule"]')" "$3"
}

# body_none NAME SENTENCE: SENTENCE as such a body raises no alert.
body_none() {
	printf 'x\n\n%s\n' "$2" | match_stdin "$1"
	expect_none "$2: no alert" "$1"
}

# title_rule NAME TITLE RULE: TITLE as an article's title, with no body,
# raises its first alert by RULE (a headline reads its verbs as news).
title_rule() {
	printf '%s\n' "$2" | match_stdin "$1"
	expect "$2: $3" "$(json_get "$T/$1.out" 'alerts[0]["rule"]')" "$3"
}

# title_none NAME TITLE: TITLE as such a title raises no alert.
title_none() {
	printf '%s\n' "$2" | match_stdin "$1"
	expect_none "$2: no alert" "$1"
}

# title_category NAME TITLE CATEGORY, body_category NAME SENTENCE
# CATEGORY: the first alert's category, whichever rule raised it.
title_category() {
	printf '%s\n' "$2" | match_stdin "$1"
	expect_category "$2: $3" "$1" "$3"
}
body_category() {
	printf 'x\n\n%s\n' "$2" | match_stdin "$1"
	expect_category "$2: $3" "$1" "$3"
}

# Plain text: the first line is the title.
"$BRINKD" -c "$T/brink.conf" --match "$M/threat.txt" > "$T/text.out" 2> "$T/text.err"
expect "plain text exits 0" $? 0
expect "plain text: one alert line" "$(wc -l < "$T/text.out")" 1
expect_category "the top category is retaliation" text retaliation
expect "the actor is iran" "$(json_get "$T/text.out" 'alerts[0]["actors"][0]')" iran
expect "the feed name is the file's base name" \
    "$(json_get "$T/text.out" 'alerts[0]["feed"]')" threat.txt
expect "the title is the first line" \
    "$(json_get "$T/text.out" 'alerts[0]["item"]["title"]')" \
    "Tehran vows a response to the strike on its consulate"
expect "the keys are in the design's order" \
    "$(json_get "$T/text.out" '",".join(alerts[0].keys())')" \
    "id,time,severity,category,rule,feed,item,actors,targets,hits,story"
expect "the vow is quoted" \
    "$(json_get "$T/text.out" 'any("respond at the right time" in h["sentence"] for h in alerts[0]["hits"])')" True
expect "the dock workers' strike raises nothing" \
    "$(json_get "$T/text.out" 'any("workers" in h["sentence"] for h in alerts[0]["hits"])')" False
expect "the same article gets the same id" \
    "$("$BRINKD" -c "$T/brink.conf" --match "$M/threat.txt" | "$PYTHON3" -c 'import json,sys; print(json.load(sys.stdin)["id"])')" \
    "$(json_get "$T/text.out" 'alerts[0]["id"]')"

# Stories: two wordings of one threat are one story; the same link
# again is the same article, printed once; Iran's vow is its own story.
cat > "$T/story.rss" <<'RSS'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>t</title><link>https://s.example/</link>
<item><title>Red Sea threat</title><link>https://s.example/1</link>
<description>The Houthis threatened to sink any ship bound for Israeli ports.</description></item>
<item><title>Shipping warned</title><link>https://s.example/2</link>
<description>Houthi leaders threatened to sink ships bound for Israeli ports in the Red Sea.</description></item>
<item><title>Red Sea threat (updated)</title><link>https://s.example/1</link>
<description>The Houthis threatened to sink any ship bound for Israeli ports.</description></item>
<item><title>Consulate strike</title><link>https://s.example/3</link>
<description>Iran said it would respond at the right time to the strike on its consulate.</description></item>
</channel></rss>
RSS
"$BRINKD" -c "$T/brink.conf" --match "$T/story.rss" > "$T/story.out"
expect "stories: the repeated link is printed once" "$(wc -l < "$T/story.out")" 3
expect "stories: the two wordings share a story, Iran's vow has its own" \
    "$(json_get "$T/story.out" '[a["story"]["id"] == alerts[0]["story"]["id"] for a in alerts]')" \
    "[True, True, False]"
expect "stories: first, then an update with two articles" \
    "$(json_get "$T/story.out" '[(a["story"]["first"], a["story"]["articles"]) for a in alerts]')" \
    "[(True, 1), (False, 2), (True, 1)]"

# Nothing fires: no output, exit 0.
printf 'Strike looms\nWorkers threatened to strike over pay.\n' > "$T/strike.txt"
"$BRINKD" -c "$T/brink.conf" --match "$T/strike.txt" > "$T/strike.out"
expect "workers threatening a strike: exit 0" $? 0
expect_none "and no alert" strike

# "Iran does not want a wider war in the region" is de-escalation, not a threat.
printf 'Iran does not want a wider war in the region\n' | match_stdin stdin
expect "stdin: one alert" "$(wc -l < "$T/stdin.out")" 1
expect "stdin: the feed name is match" "$(json_get "$T/stdin.out" 'alerts[0]["feed"]')" match
expect "not wanting war is deescalation" \
    "$(json_get "$T/stdin.out" 'sorted({h["category"] for h in alerts[0]["hits"]})')" \
    "['deescalation']"

# Each hit lists the words of its sentence that its terms matched, as
# written: which members of the classes of "@step_toward ...4 @talks"
# it read, a hyphened compound as one word.
title_category words 'Sudan agreed to a cease-fire with Chad.' deescalation
expect "the words a hit's terms matched" \
    "$(json_get "$T/words.out" 'alerts[0]["hits"][0]["words"]')" \
    "['agreed', 'cease-fire']"

# A warning of force on a condition is a threat; of a price war, none.
title_category warn 'The minister warned of war unless the occupation ended.' threat
title_none price 'Economists warned of a price war if the merger goes ahead.'

# Captors' threats are against their captive whatever the verb; workers
# threatening a strike stay nothing (above).
title_category captors 'Kidnappers threaten to sell the aid worker to a rival faction.' threat
expect "... by the kidnappers" \
    "$(json_get "$T/captors.out" 'alerts[0]["actors"][0]')" hostage-takers

# A state's intelligence services act for it, as its ministries do: the
# CIA's envoy is the US, not the country he visits; the FSB is Russia.
# Talks taken part in are attended, however far the talks stand from
# the agreement.
title_category takepart 'Darfur rebels agreed to take part in the peace talks in Chad' deescalation
title_category participate 'The Darfur rebels are participating in the Abeche talks with Sudan' deescalation
title_category cia 'CIA director travels to Cairo to revive ceasefire talks' deescalation
expect "... by the US, in Egypt" \
    "$(json_get "$T/cia.out" 'alerts[0]["actors"][0] + " " + alerts[0]["targets"][0]')" "us egypt"
title_category fsb 'The FSB warned it would strike the saboteurs' threat
expect "... by Russia" "$(json_get "$T/fsb.out" 'alerts[0]["actors"][0]')" russia

# A threat carried out is force used, not a threat any more; a threat
# to carry something out still is.
title_none mounted 'Sudan mounted its long-threatened invasion of Chad.'
title_category carry 'Sudan threatened to carry out air strikes on Chad.' threat

# Force reported with its reason is no vow; a vow with one still is.
title_none revenge 'Sudanese militants killed two soldiers in revenge for the raid.'
# Revenge in a phrase with no verb gives another act's motive: no vow.
title_none revengemotive 'Sudanese lawmaker calls for raids on Chadian border posts, revenge for lost airfield'
# A strike named by its motive, a war of revenge waged: force used.
body_none retaliatory_done 'Two Chadian soldiers died in a retaliatory raid by Sudanese rebels on Monday.'
title_none revenge_waged 'Sudan is waging a war of revenge on Darfur, rebel leader says'
title_rule revengetime 'Sudan says revenge for the raid on Darfur is only a matter of time.' retaliation-talk
# A vow recalled in the past perfect is background to what followed,
# for revenge told as for revenge vowed (retaliation-talk takes the
# exclusions of retaliation-vow and adds its own).
body_none revenge_recalled "Chad's army had vowed revenge after the ambush near the border."
body_rule revenge_vowed "Chad's army vowed revenge after the ambush near the border." retaliation-vow
printf 'Sudan will strike Chad in retaliation for the raid.\n' | match_stdin retal
expect "a strike to come in retaliation: retaliation among the hits" \
    "$(json_get "$T/retal.out" '"retaliation" in {h["category"] for h in alerts[0]["hits"]}')" True

# A pause in fighting agreed is a step down, with or without an article.
title_category pause 'Varnia and Ostland rebels agreed to a four-day pause in fighting.' deescalation

# Fighting paused and hostilities ceased, in the words of truces.
title_category pause_fighting 'The rebels agreed to pause fighting in the north for four hours a day.' deescalation
title_category cessation 'Ethiopia and the rebels agreed to a cessation of hostilities.' deescalation

# A pull-back is a step down; told with a defeat, it is a retreat.
title_category pullback 'The rebels pulled back from the town.' deescalation
title_none rout 'The rebels pulled back from the town, a defeat that left the army in full control.'
# An assault called off by the side that planned it is a step down; one
# only urged on it is not, nor a workers' strike called off.
title_rule calledoff 'Sudan calls off its assault on the rebel town' deescalation-called-off
title_rule calledoff_ing 'Calling off the assault on Abeche, Sudan claims victory in Darfur' deescalation-called-off
title_none calledoff_urged 'Chad urged Sudan to call off the assault'
title_none calledoff_strike 'Varnian dock workers call off their strike'
# Besieged men evacuated, or their evacuation offered, end a siege; a
# besieged place holds civilians too.
title_rule evac_offer 'Niger offers to evacuate the Abeche fighters' deescalation-evacuation
title_rule evac_besieged 'Hundreds of besieged Chadian soldiers evacuated from Abeche' deescalation-evacuation
title_none evac_hospital 'Chad to evacuate the besieged hospital in Abeche'
# Captives home again, or men held by a side who return, were let go.
title_rule captives_home 'Tears and smiles as Chadian hostages come home from Darfur' deescalation-captives-home
title_rule held_return 'Two Chadian soldiers held by the Darfur rebels return to Chad' deescalation-captives-home
# Captives home only at the end of an "until" have not come home: the
# fight vowed until then is still the threat.
printf 'x\n\n%s\n' 'The war will go on until the Chadian captives are back home, a Sudan army officer said.' | match_stdin until_home
expect "war until the captives are home: a threat" \
    "$(json_get "$T/until_home.out" 'alerts[0]["rule"]')" threat-war-continues
expect "war until the captives are home: no de-escalation among the hits" \
    "$(json_get "$T/until_home.out" '"deescalation" in {h["category"] for h in alerts[0]["hits"]}')" False
# Told in the past, the end an "until" waited for came.
title_category until_came 'Shelling of Abeche went on until the Chad truce took effect at dawn' deescalation
# Peace a side will negotiate or make with its foe is talks offered;
# a negotiated peace only supposed is none.
title_rule negotiate_peace 'Chad vows to negotiate peace with Sudan after the war' deescalation-make-peace
title_rule make_peace 'Chad is ready to make peace with the Darfur rebels' deescalation-make-peace
title_none negotiated_peace 'Chad must rearm even in the event of a negotiated peace in Darfur, the minister said'
# One man disarmed is subdued; a side that disarms steps down.
title_none disarm_shooter 'Chad praised the guard for disarming the shooter at the Darfur camp'
title_rule disarm_side 'The Darfur rebels agreed to disarm' deescalation-steps
# Talks told beside an ally or a partnership are allies' talks.
body_none talks_ally 'After the Darfur war, Sudan held talks in Niamey with Chad, its closest ally.'
body_rule talks_rebels 'After the Darfur war, Sudan held talks in Niamey with the rebels.' deescalation-talks

# What a party will be able to do is capability, no threat.
body_none able 'The Ostlander army will be able to overrun Varnia within two days.'
# A step asked about ("when to", "how to") is no step taken.
body_none whento 'The army chief said the government must decide soon when to withdraw its troops from the border.'
body_none howto 'NATO allies are split over how to avoid a war with Russia.'
# Talks that hit a deadlock are no step.
body_none deadlock 'Peace talks between the army and the rebels hit a deadlock on Monday.'
# A step laid on a party as an obligation is not taken.
body_none obliged 'The envoy said the rebels have to lay down their arms by Friday.'
# Force or a reply laid on a party as an obligation is advice, no
# threat; the speaker's own "we must" still is.
body_none mustcrush 'Chad must destroy the Sudanese army, most voters in a Chadian poll say.'
body_none mustreply "Chad's response to the Sudanese attacks must spare the border villages, the envoy said."
body_rule wemust 'We must crush the Darfur rebels, the Varnian president said.' threat-force-future
# A hypothetical attack's toll is a forecast; a party's own offensive
# that will crush the rebels is its threat.  What goes on despite an
# offensive threatens nothing; an offensive that goes on does.
body_none toll 'A Sudanese offensive would kill thousands of civilians in Chad, Chadian intelligence warned.'
body_rule ownoffensive 'Sudan said its offensive would crush the rebels in Darfur within a week.' threat-force-future
title_none despiteop 'Rebel presence in Darfur will continue despite Chadian offensive'
body_rule goeson 'Sudan will continue its offensive despite the Chadian warnings.' threat-force-future
# Peace sought, negated, is none; war disowned, negated, is the point.
body_none notbegun 'Negotiations between the army and the rebels on an end to the war have not yet begun.'
# Retaliation in a lawsuit is no force.
body_none lawsuit 'A lawsuit accuses the US Army of retaliation against a whistleblower.'
# An act called a grave mistake to come is the warner's veiled threat.
printf 'x\n\nThe Indian army chief warned Pakistan that any incursion would be a grave mistake.\n' | match_stdin mistake
expect "would be a grave mistake: the warner's threat" \
    "$(json_get "$T/mistake.out" 'alerts[0]["category"] + " " + alerts[0]["actors"][0] + " " + alerts[0]["targets"][0]')" "threat india pakistan"
# Peacekeepers sent to a war are a step down; opposed, none.
printf 'x\n\nTwo hundred soldiers left for the war-torn province on Monday to join an African Union peacekeeping force.\n' | match_stdin peacekeepers
expect "peacekeepers sent: de-escalation" \
    "$(json_get "$T/peacekeepers.out" 'alerts[0]["rule"]')" deescalation-peacekeeping
body_none peaceopposed 'The rebels said they opposed the deployment of a peacekeeping force in the war-torn province.'
# A party that wants or is ready to talk offers talks.
body_category want_talk 'The rebels want to talk to Chad again, their leader says.' deescalation
body_category ready_talk 'The Darfur rebels said they were ready to talk to Chad.' deescalation
# A party that drops its demands in a story of war moves toward a deal.
body_category drop_demands 'The Darfur rebels dropped their key demands, raising hopes of a truce with Chad.' deescalation
body_none easiest_demands 'The Darfur rebels said the easiest demands would be met in the truce talks with Chad.'

# A truce offer on the table is news in a headline with no verb too;
# talks a party is said to wreck do not go on.
title_rule verbless_offer 'A look at the new Darfur ceasefire proposal' deescalation-new-offer
# Talks ongoing or dragging on go on; a firm's talks with a union do not.
title_rule talks_drag 'Darfur rebels shell Abeche as truce negotiations drag on' deescalation-talks-ongoing
body_rule talks_ongoing 'Negotiations ongoing for release of Darfur hostages, reports say.' deescalation-talks-ongoing
title_none talks_ongoing_pay 'Ongoing talks with the union over pay, the firm says'
title_none talks_stall 'Chad shells a market in Abeche as the Darfur truce talks stall'
printf '%s\n' 'Critics accuse the Chadian leader of seeking to blow up the negotiations and resume the war in Darfur' | match_stdin wreck
expect "talks wrecked: no de-escalation among the hits" \
    "$(json_get "$T/wreck.out" '"deescalation" in {h["category"] for h in alerts[0]["hits"]}')" False

# Talks or a truce that news happens amid or during are under way,
# whatever the main verb demands; a truce only called for is not.
title_rule amid_demand 'Chad urges the Darfur rebels to free the wounded amid the truce talks' deescalation-truce-amid
title_rule during_truce 'Aid reaches Abeche during the Darfur truce' deescalation-truce-amid
title_none amid_calls 'Chad shells Abeche amid calls for a Darfur truce'

# A pause named by its kind or by the war it pauses is one; one only
# hoped for is not.
title_rule military_pause 'Chad to begin daily six-hour military pauses in Darfur' deescalation-steps
title_rule pause_in_war 'Chad and the rebels agree to a new pause in the Darfur war' deescalation-steps
# A negation or a demand does not reach across a comma into a headline's
# clause with its own subject and -ing verb (gaza-2024-labels-4 dev 8945);
# "with or without" takes both ways and negates nothing (gaza dev 8549).
title_rule comma_progressive 'Ostland pushed Varnia not to attack Abeche, Chad reviewing truce proposal' deescalation-talks
title_rule comma_demand 'Ostland pressed Varnia not to attack Abeche, Chad reviewing truce proposal' deescalation-talks
title_category either_way "Chad's parliament meets with or without a quorum as truce talks with the rebels resume" deescalation
# The word after a phrasal verb's particle is its object, a noun: "scales
# back demands" demands nothing (gaza-2024-labels dev 8555).
title_rule scale_back 'Sudan scales back demands, raising hopes of a truce with Chad' deescalation-talks
title_none hopeful_pause 'Sudanese lawmakers hopeful of a pause in the Darfur war'

# A UN council's vote for a truce is a bystander's call, no step.
title_none council_vote 'UN Security Council approves the ceasefire proposal for the Darfur war'
# An ultimatum is a threat to a rival or when it demands a surrender;
# one inside a government over a policy is none.
body_rule ultimatum_surrender 'The Chadian army gave the Darfur rebels an ultimatum to surrender the town by Friday.' threat-ultimatum-set
body_none ultimatum_cabinet "Chad's defence minister gave the prime minister an ultimatum over the war budget on Monday."
body_none ultimatum_leave_cabinet "Chad's coalition partner gave the prime minister an ultimatum to leave the government by Friday."
body_rule ultimatum_leave_town 'Chad gave the Darfur rebels an ultimatum to leave the town by Friday.' threat-ultimatum-set
# A truce a party announces is a step, as one it unveils is.
body_category announce_truce 'Chad announced a three-day truce with the rebels for the harvest.' deescalation
# Talks not yet held are no step, nor one a party was to take.
body_none yet_to 'Chad and the rebels have yet to resume talks, the mediators said.'
body_none supposed_to 'Chad was supposed to free 40 rebel prisoners in exchange for the captured soldiers.'
body_none scheduled_to 'The rebels were scheduled to hand over their weapons to the Chadian army.'
# A response that comes is one made, and responsibility is none.
body_none response_comes "The Chadian government's response to the raid comes as the rebels regroup."
body_none responsibility 'Chad took responsibility for the border incident, coming under pressure from Sudan.'
# Immigrants told to leave a country are no people cleared for an attack.
body_none deport 'Chad orders Sudanese immigrants to leave within a month or face deportation.'
# A carmaker named by its country's adjective is a company, not the state.
body_none carmaker 'Some 900 jobs will be eliminated next year, the Chadian carmaker said.'
# A lone gunman is a person: his threat is no threat of a party, nor
# the threat of the official who tells of it.
body_none gunman 'A Chadian official says the gunman had threatened to shoot pupils at a school.'
# A party's supporters are people, not the party.
body_none supporter 'A rebel supporter threatened to shoot the Chadian minister, police said.'
# A step only wished is none taken; an exchange wanted is offered.
body_none wish 'The Ostlander army chief said his troops hope to end the war by the summer.'
# A strike of workers is no force, nor a threat to quit a government
# over the war or on a condition that speaks of the war (the "no" in
# the condition negates no threat either).
body_none general_strike 'The Varnian government called for general strikes across the country on Monday.'
body_none resign_over 'The Varnian defence minister threatened to resign over the war strategy.'
title_none resign_if 'Varnian minister threatens to resign if no post-war plan for Ostland'
# A threat not hesitated over is a threat, no denial.
printf 'x\n\nThe Varnian army said it would not hesitate to strike the rebels.\n' | match_stdin hesitate
expect "would not hesitate to strike: a threat, no de-escalation" \
    "$(json_get "$T/hesitate.out" 'sorted(set(h["category"] for h in alerts[0]["hits"]))')" "['threat']"
# An order to evacuate or leave an area announces the attack on it, even
# where the copy says no word of war; one for a flood or a hurricane
# does not, nor a state's order to its own citizens or to an envoy,
# nor orders denied.
printf 'x\n\nChad ordered the evacuation of the border town as its troops massed nearby.\n' | match_stdin evacuation
expect "an evacuation ordered as troops mass: threat-evacuation" \
    "$(json_get "$T/evacuation.out" 'alerts[0]["rule"]')" threat-evacuation
body_none flood 'Chad ordered the evacuation of the town as the river flooded it.'
printf 'x\n\nChad told the people of the valley to move south before dawn.\n' | match_stdin move_south
expect "told to move south, no word of war: threat-evacuation" \
    "$(json_get "$T/move_south.out" 'alerts[0]["rule"]')" threat-evacuation
body_none hurricane 'Chad ordered an evacuation of the coast as the hurricane neared.'
body_none own_citizens 'Chad told its citizens to evacuate the Libyan capital.'
# Citizens told to leave a country are the state's own, "its" or not.
body_none citizens_leave 'Sudan told citizens to leave Chad as the border fighting spread.'
title_none citizens_title 'Sudan and Niger tell citizens to leave Chad before the border closes'
printf 'x\n\nChad told the villagers to leave the border region.\n' | match_stdin told_to_leave
expect "villagers told to leave: threat-evacuation" \
    "$(json_get "$T/told_to_leave.out" 'alerts[0]["rule"]')" threat-evacuation
body_none envoy_leave 'Chad told the Libyan ambassador to leave the country.'
body_none no_orders 'The Chadian army said there were no orders to evacuate the town during the fighting.'
# War vowed to go on until the enemy is beaten, a date set for an
# offensive, a ground war begun are threats; a blockade is a word of
# armed conflict, as a siege is.
body_category no_truce_until 'The Chadian president said there would be no truce until the rebels were defeated.' threat
body_category until_victory 'The Chadian president said the war would go on until victory.' threat
body_category date_set 'Chad set a date for its offensive on the rebel stronghold, the minister said.' threat
title_category ground_war 'Chad to begin long ground war against rebels soon' threat
body_category blockade 'Chad asked residents of the border town to move south amid the blockade.' threat
# Force said to go on is a threat in the future, not when it went on,
# nor as the condition of something else.
body_category war_continues 'The Chadian army chief warned that the war would continue for months.' threat
body_none went_on 'The fighting between Chad and the rebels continued for a third day.'
body_none if_continues 'If the fighting continues, the Chadian minister said, aid will stop.'
title_none could_last 'The war in Chad could last for years, say western leaders'
# A war's length guessed at by a party that is in none of it is a
# forecast; by a rival of a party it names, a threat of its own war.
title_none could_last_other "Chad's army chief warns Sudan war could last for years"
# The outlet an aggregator writes after a title's last dash is nobody in
# the story: not the one who voices a guess (an outlet named for the
# party acting made its guess its own threat), nor a party.
title_none outlet_guess 'Chad could shell the border town - The Chad Times'
title_rule outlet_freed 'Freed Sudanese hostage recounts abuse in rebel captivity - Sudan News' deescalation-freed
title_rule could_last_own 'The fighting could go on for years, Sudan warns the RSF' threat-war-continues
# An offensive pressed ahead with or insisted on, a party's ruin
# insisted on, and a party vowed to be demolished are threats.
body_category press_ahead 'The Chadian president vowed to press ahead with the offensive on the rebel town.' threat
body_category demolish 'Chad vowed to demolish Boko Haram.' threat
body_category insist 'The Chadian president insisted on an offensive against the rebels.' threat
body_category insist_ruin "The Chadian president insisted on the rebels' elimination." threat
# An operation a party is set to finish goes on: a threat, where a
# bridge to finish is none.
body_category finish_op 'Chad is determined to finish its operation against the rebels.' threat
body_none finish_bridge 'Chad plans to finish the bridge by March.'
# A truce whose fighting resumed, a proposal called unworkable, a truce
# destabilised: no step down.
body_none resumed_fighting 'Chad and the rebels agreed a truce last week, but the fighting resumed on Monday.'
body_none unworkable 'The rebels said the truce proposal from Chad was unworkable.'
body_none destabilised 'The Chadian raid destabilised the truce agreed with the rebels.'
# A resolution calls for a truce and takes no step; a peaceful
# resolution sought by the parties is one.
body_none resolution 'The UN Security Council approved a draft resolution for a truce between Chad and the rebels.'
body_category peaceful_resolution 'The Chadian government and the rebels agreed to seek a peaceful resolution to the conflict.' deescalation
# Captives released by their holders are a step down; efforts to secure
# their release, or a video of them released, are none.
body_category released 'The rebels released two Chadian hostages after a week of fighting.' deescalation
body_none secure_release 'Elders are trying to secure the release of two Chadian hostages held by the rebels after the fighting.'
body_none video 'The rebels released a video of the hostages after a week of fighting.'
# A prison is no prisoner: its stem is theirs, so the class names them
# exactly.
title_none prison 'Convicted killer accidentally released from Chad prison after fighting'
# Troops withdrawn are no step down by themselves.
body_none withdrew 'Chad is withdrawing some of its troops from the rebel town after a week of fighting.'
# Retaliation told by its verb in the past is force used, no talk.
body_none retaliated 'The Chadian army retaliated against the rebels on Monday.'
# A question asks its main clause; an as-clause after it is stated.
body_category asked_as 'What is happening in the border town as Chad threatens to attack it?' threat
# A date set for an offensive (either word order), no truce until the
# enemy is beaten, plans for an operation approved, hostages
# threatened, people ordered out by an army, an offensive announced.
body_category date_was_set 'The Chadian president said a date was set for the offensive on the rebel town.' threat
body_category no_lasting_truce 'The Chadian president said there would be no lasting truce until the rebels were defeated.' threat
body_category plans_approved 'Chad approved plans for a military operation against the rebels.' threat
body_category threatened_hostages 'The rebels threatened the hostages held in the forest, Chadian officials said.' threat
body_category ordered_out 'The Chadian army ordered villagers to leave the border area.' threat
body_category announced 'Chad announced a large offensive against the rebels.' threat
# A halt of one's own force announced is a step down, no threat; a halt of
# something else beside the force threatened leaves the threat.
body_category announced_halt 'The Darfur rebels announced they were halting raids on Chad.' deescalation
body_category halt_and_threat 'The Darfur rebels threatened to suspend the border talks and launch raids on Chad.' threat
# A halt of one's own force foreseen is no threat either.
body_category halt_future 'Sudan said it would halt attacks on the Darfur rebels during the harvest.' deescalation
# A vote to widen an offensive is a decision to use force.
body_category voted 'The Chadian cabinet voted to expand the offensive against the rebels.' threat
# Force that will not stop is a threat; a halt denied in the past is
# news, and a war that will not end, said by no one, threatens nothing.
printf 'x\n\nChad will not halt its attacks on the rebels.\n' | match_stdin no_halt
expect "will not halt its attacks: threat-no-let-up" \
    "$(json_get "$T/no_halt.out" 'alerts[0]["rule"]')" threat-no-let-up
printf 'x\n\nThe Chadian defence minister said operations against the rebels would not stop soon.\n' | match_stdin no_stop_said
expect "operations would not stop, the minister said: Chad threatens" \
    "$(json_get "$T/no_stop_said.out" 'alerts[0]["rule"] + " " + alerts[0]["actors"][0]')" \
    "threat-no-let-up-said chad"
body_none no_stop_past 'Chad did not stop shelling the town.'
body_none no_end_unsaid 'The war will not end until the rebels answer three questions.'
# A party vowed to be defeated is threatened with force, as one vowed
# to be crushed is.
printf 'x\n\nChad pledged to defeat Sudan.\n' | match_stdin defeat
expect "pledged to defeat Sudan: threat-force-party" \
    "$(json_get "$T/defeat.out" 'alerts[0]["rule"]')" threat-force-party
# Action vowed against a named party is force against it; against a
# thing it is none.
title_rule action_party 'Sudan vows action against the RSF in Darfur' threat-action-party
title_none action_thing 'Chad vows action against fraud'
# So is readiness or a vow to fight a named party; fighting a thing is none.
title_rule fight_party 'Darfur rebels ready to fight Chad if Sudan helps them' threat-fight-party
title_none fight_thing 'Chad army ready to fight poverty in Darfur'
# A party that plans an act of force announces it ("plans ground
# attack"); a plan another party reports is that party's account, and a
# weapon planned is an arsenal, not an act.
printf 'x\n\nSudan plans ground offensive on the border towns.\n' | match_stdin plans_act
expect "Sudan plans ground offensive: threat-of-force by sudan" \
    "$(json_get "$T/plans_act.out" 'alerts[0]["rule"] + " " + alerts[0]["actors"][0]')" \
    "threat-of-force sudan"
body_none plans_reported 'Chad says Sudan plans ground offensive on the border towns.'
body_none plans_weapon 'Sudan plans nuclear bomb, Chad fears.'
# Captives freed by the armed group that holds them are released; a
# state's "frees" may be its rescuers', and the dead handed back are no
# release.
body_rule freed 'The rebels freed 12 hostages in Abeche on Monday.' deescalation-freed
body_rule released_hostages 'The rebels released 12 hostages in Abeche on Monday.' deescalation-freed
body_rule released_prisoners 'Sudan released 39 prisoners after the truce with the rebels.' deescalation-release
body_none release_effort 'Sudan pledged to focus on releasing the hostages in Darfur.'
title_rule hostages_released 'Darfur war: ten more hostages released in the north' deescalation-captives-released
title_none hostages_rescued 'Darfur war: four hostages freed in an army raid'
body_none state_frees 'Chad frees 12 hostages held by the rebels.'
body_none dead_over 'The rebels handed over the bodies of two dead hostages.'
# "Free" in a headline's present is the release; the title's "to free"
# is one to come.
title_rule free_now 'Photos: Darfur rebels free more captives' deescalation-free-now
title_none free_to 'Darfur rebels to free captives'
# A swap of captives is a step between the sides that hold them, whoever
# the sentence is about; not one still to come, nor the dead handed back.
body_rule swap_told 'The poet was one of twelve prisoners released in the second prisoner swap of the Darfur war.' deescalation-exchange-told
body_none swap_due 'Five prisoners are due to be freed in the Darfur war in exchange for captives.'
# A release greeted or announced has happened; one demanded has not,
# and a report released is no captive.
title_rule release_hailed 'Sudan hails release of its border guards held by Darfur rebels' deescalation-release-hailed
title_rule release_announced 'Darfur rebels announce release of nine captured Chadian soldiers' deescalation-release-hailed
title_none release_demanded 'Sudan demands release of its border guards held by Darfur rebels'
title_none release_report 'Chad welcomes release of report on the Darfur war'
# Force said to go ahead or to happen is force said to go on; the oil
# firm Shell is no shelling.
body_rule go_ahead 'The Chadian army said its offensive on Abeche would go ahead.' threat-war-continues
body_none shell_firm 'Shell will go ahead with its seismic tests off Chad, the minister said.'
# To push on with force is to press on with it.
body_rule push_on 'Chad will push on with its offensive, the minister said.' threat-force-future
# A retaliation that is the subject of a past verb is an act done, not
# talk of one; one a party judges certain still is.
body_none retaliation_done 'Retaliation by the rebels killed nine soldiers in Abeche on Monday.'
# A threat recalled in the past perfect or with "previously" is
# background to force since done; the same threat told now, or earlier
# the same day, still counts.
body_none recalled_warning 'Chad struck rebel depots in Darfur. The army had warned it would strike the depots.'
body_none recalled_before 'Chad previously vowed it would retaliate for the raid.'
body_rule earlier_today 'Earlier on Monday, Chad warned it would strike the rebel depots.' threat-force-future
body_rule warned_now 'Chad warned it would strike the rebel depots.' threat-force-future
body_rule retaliation_certain 'The rebels said that retaliation was certain.' retaliation-talk
# A punitive response approved is a penalty decided (permits revoked,
# a home sealed), no force; force approved is still a threat, and a
# punitive response vowed or claimed as a right is still talk of one.
title_none punitive_approved 'Chad approves punitive response to Sudanese court bid'
title_rule punitive_strikes 'Chad approves punitive strikes on Sudan' threat-of-force
title_rule punitive_right 'Chad says a punitive response is its right after the raid' retaliation-talk
# A state's plan or promise to move people out of an area announces the
# attack as its order does; its own citizens brought home do not.
body_rule plan_evacuate 'Chad plans to evacuate civilians from the border towns.' threat-evacuation
body_none plan_citizens 'Chad plans to evacuate its citizens from Sudan.'
# People told to flee the force itself flee force under way; told to
# leave ahead of it, they are warned of force to come.
body_none flee_assault 'Families in Abeche were given three days to flee the shelling, which has killed nine.'
body_none flee_fighting 'Sudan told villagers to flee the fighting in Darfur.'
body_rule flee_ahead 'The Chadian army told residents of Abeche to flee ahead of the assault.' threat-evacuation
# An army telling people not to return to an area keeps it cleared; a
# government advising its refugees to wait does not threaten.
body_rule no_return 'The Chadian army told villagers not to return to the border towns.' threat-no-return
body_none no_return_state 'Chad told the refugees not to return before the spring.'
# An order with the area named between it and its participle.
body_rule ordered_evacuated 'Chad ordered the town of Abeche evacuated.' threat-evacuation
# A party's envoys come for truce talks, a place named before them.
body_rule for_truce_talks 'A rebel delegation arrived in Doha for Darfur truce talks with Sudan.' deescalation-talks
# A party that says it widens its operation announces more force; a
# reporter's account of the widening names no one who says so.
printf 'x\n\nThe Chadian army said its offensive on Abeche is expanding.\n' | match_stdin widening_said
expect "the army said its offensive is expanding: threat-widening-said by chad" \
    "$(json_get "$T/widening_said.out" 'alerts[0]["rule"] + " " + alerts[0]["actors"][0]')" \
    "threat-widening-said chad"
body_none widening_told 'Chad is expanding its offensive on Abeche.'
# The widening as an attribute of the offensive the party is "in" is the
# reporter's account, whatever the party says about where it stands.
title_none widening_attr 'Chad says its tanks have reached Abeche during widening offensive'
title_none widening_amid 'Chad says its troops reached Abeche amid widening offensive'
# Force vowed as a noun is a threat as force vowed as a verb is; a vow
# of an inquiry into an attack is none.
body_rule vow_noun 'Chad vowed a military operation against the rebels.' threat-of-force
body_none vow_inquiry 'Chad vowed an inquiry into the attack on the town.'
# To flatten a town is to raze it.
body_rule flatten 'A Chadian commander vowed to flatten the rebel town.' threat-of-force
# A deadline named for an offensive is a date set for it.
body_rule deadline_for 'Chad announced an April deadline for its offensive on Abeche.' threat-of-force
# An act done as part of a truce, or on a day of one, says the truce
# holds.
body_rule part_of_truce 'Chad freed twelve prisoners as part of its truce with the rebels.' deescalation-talks
# A truce edging closer is one said to be closer.
body_rule edging_closer 'Chad and the rebels said a truce was edging closer.' deescalation-talks
# A party that rejoins talks, or returns to them, resumes them.
body_rule rejoin 'The rebels said they would rejoin the truce talks with Chad.' deescalation-talks
# Talks or a truce halted, shelved, put off or run out are no step, nor
# is a third party's truce plan that a side refuses; talks agreed after
# raids halted, or resumed, still are.
body_none talks_suspended 'Talks between Chad and the Darfur rebels were suspended after the raid.'
body_none talks_on_hold 'Truce talks between Sudan and the Darfur rebels have been put on hold.'
body_none truce_lapsed 'The truce between Chad and the Darfur rebels lapsed on Sunday.'
body_none plan_refused 'Chad refused a Niger proposal to extend its truce with the Darfur rebels.'
body_rule halted_agreed 'Chad halted its raids and agreed to talks with the Darfur rebels.' deescalation-talks
body_rule talks_resumed 'Talks between Chad and the Darfur rebels resumed on Monday.' deescalation-talks
# A warning of escalation on a condition is a threat, as one of force is.
body_rule warn_escalation 'Chad warned the rebels of a wider escalation if they moved on Abeche.' threat-of-force
# "Cease fire" as a verb is a step down; "cease-fire" is the noun
# "ceasefire", which needs a step taken as that spelling does.
body_rule cease_fire_verb 'The rebels agreed to cease fire at midnight.' deescalation-steps
body_none cease_fire_noun 'The US is hopeful for a cease-fire in Sudan.'
# Flexibility shown or a stance softened in talks moves them on.
body_rule flexibility 'The rebels showed flexibility on the truce plan, Chad said.' deescalation-talks
# A plan to end a war, put forward or accepted, is a peace plan; one
# only sought is not.
title_rule end_plan 'Chad unveils a proposal to end the conflict with Sudan' deescalation-talks
body_rule end_plan_ok 'The Darfur rebels accepted the plan to end the fighting, Sudan said.' deescalation-talks
body_none end_plan_sought 'The Sudanese army seeks a plan to end the conflict in Darfur.'
# Truce talks that news is told in or over are under way.
title_rule in_truce_talks 'Chad hardens its stance in ceasefire talks with the rebels' deescalation-talks-go-on
title_rule over_truce_talks 'Pressure grows on Sudan over the Darfur truce talks with the rebels' deescalation-talks-go-on
# A new or latest truce offer on the table is one made.
title_rule latest_truce_plan 'Sudan weighs the latest ceasefire plan as fighting goes on in Darfur' deescalation-talks-go-on
# To wipe out is force against a party or a foe, not against debt or
# losses; a call for a party to be destroyed or wiped out is a call to
# force.
body_none wipe_debt 'The finance minister of Chad vowed to wipe out the debt of its farmers.'
body_rule wipe_rebels 'Chad vowed to wipe out the rebels.' threat-of-force
body_rule call_wiped 'A Chadian minister called for Abeche to be wiped out if the captives were not freed.' threat-call
# A call to escalate, to arms or to jihad by those who command force is
# a call for force; lawmakers' calls are none.
body_rule call_escalate 'The Chad army chief called for an escalation against the Sudanese rebels.' threat-call
body_rule call_arms 'The Darfur rebels issued a call to arms against the Chad army.' threat-call
title_category call_calm 'Darfur rebels call for de-escalation along the Chad border' deescalation
title_category urge_calm 'Chad army chief urges the rebels to de-escalate' deescalation
body_none call_escalate_mps 'Sudanese lawmakers called for an escalation of the strike.'
# Blows vowed with a word of force are force; a blow to an economy is
# none.
body_rule vow_blows 'Chad vowed painful blows against the Darfur rebels.' threat-of-force
body_none vow_blow_economy 'Chad promised a painful blow to the Sudanese economy.'
# Insisting that a party be destroyed is a threat; insisting that one's
# side not be beaten is defiance, neither a threat nor a step down.
body_rule insist_ruined 'The Chad president insisted that the Darfur rebels be destroyed.' threat-insisted
body_none insist_not_beaten 'Chad insists that Sudan must not be defeated.'
# A party's ruin denied in the future is defiance too, whoever says it;
# a denied attack on it is still the speaker's step down.
body_none never_crushed 'The Chadian minister said Sudan will never be crushed.'
body_category not_shelled 'The Chadian minister said Sudan will not be shelled.' deescalation
# A step told in a relative clause says what a party did before, not
# the news of the sentence.
body_none relative_step 'Chad, which mediated the truce talks between the rebels and Sudan, condemned the raid on Abeche.'
body_rule main_step 'Chad mediated the truce talks between the rebels and Sudan.' deescalation-talks
# A truce that begins or holds is a step down with no one named acting,
# as news (a headline, the present, the future); one that collapsed
# after it began, or the time since it began, is none.
printf 'Cease-fire begins in the north after a week of fighting\n' | match_stdin truce_begins
expect "a headline's truce that begins: deescalation-truce-holds" \
    "$(json_get "$T/truce_begins.out" 'alerts[0]["rule"]')" deescalation-truce-holds
body_rule truce_holding 'The ceasefire is holding in the north after a week of fighting.' deescalation-truce-holds
title_rule truce_takes_hold 'Celebrations in Darfur as the ceasefire takes hold' deescalation-truce-holds
body_none truce_since 'Twelve captives have been freed since the ceasefire took effect in January.'
# A pause by any of its names (a break, a lull, a respite) in a war or
# from it is a step down whoever is named, as a truce that holds is;
# one a raid ends or breaks is none.
title_rule lull_from 'Villagers in Darfur enjoy a rare break from the war' deescalation-lull
body_rule lull_in 'A lull in the fighting around Abeche is holding for a third day.' deescalation-lull
title_none lull_ended 'Darfur rebels shell Abeche, ending a lull in the fighting'
# A mediator's role reassessed, reconsidered or given up is talks in
# trouble, no step down; the mediation itself still is one.
title_none role_rethink 'Niger rethinking its role as mediator between Chad and the Darfur rebels'
title_none role_suspend 'Niger suspends its role as mediator in the Darfur truce talks'
title_rule role_kept 'Niger to keep mediating between Chad and the Darfur rebels' deescalation-talks
body_none lull_broken 'The raid on Abeche broke a two-week respite from the war.'
# A war to prevent is averted; a preventative war is a war.
body_rule prevent_war 'Chad said it wanted to prevent a war with the rebels.' deescalation-restraint
body_none preventative_war 'For Chad, the campaign in the north is a preventative war.'
# In a headline, "as" or "after" and a subject before a verb of the
# news open a clause of its own: the step is the rebels', not Sudan's.
title_rule as_clause 'Sudan shells Abeche as the rebels agree to a truce' deescalation-talks
expect "... by the rebels" "$(json_get "$T/as_clause.out" 'alerts[0]["actors"]')" "['armed-group']"
# Restraint pledged is a step; restraint urged on another named party
# is a step that party has not taken, and none of the one who urges it.
body_rule restraint_pledged 'Chad and Sudan pledged restraint on the border.' deescalation-restraint
body_none restraint_urged 'Chad urged Sudan to show restraint on the border.'
# A settlement or restraint a party is only for is a stance: a step
# down between rivals or with fighters, not a bystander's.
title_none settle_bystander 'The US reiterates its commitment to a political solution as Sudan shells Darfur'
body_none settle_praised 'France says Chad acted with restraint.'
body_rule settle_rivals 'Sudan and the RSF said they wanted a peaceful resolution of the war.' deescalation-settlement
body_rule settle_foe 'Chad told the rebels it wants a political solution.' deescalation-settlement-foe
# Forces reported on alert are capability; forces a party puts on alert
# are its move.
body_none on_alert 'Chadian troops were on high alert near the border with Sudan.'
body_rule put_on_alert 'Chad put its army on high alert near the border with Sudan.' threat-mobilisation
# Civilians named by their nationality are people, not the state.
body_none settlers 'Chadian settlers vowed to attack the village.'
body_none truce_collapsed 'The truce in the north collapsed after it had begun on Monday.'
# An adverb is written as it stands where its stem is a noun's: the
# "forces" of an army's name are not "forcefully".
printf "Chad Defence Forces' response to claims about the border camps\n" |
    match_stdin forces_response
expect_none "an army's response to claims: no retaliation" forces_response
# Nor do the words of a class's exceptions: "accession" (business) is
# not "access", "nationals" (whom an evacuation only brings home) not
# "nations".
body_rule truce_access 'Chad and the rebels agreed to a truce that gives aid agencies access to the border camps.' deescalation-talks
body_rule evacuate_nations 'The Chadian army told residents of Abeche to evacuate, the United Nations said.' threat-evacuation
# A prefix reaches only words of its meaning: trade's imports are not
# "important".
body_rule important_bases "The Chadian army said it would attack the rebels' most important bases." threat-force-future
# Nor does a word of conflict that the talks need: "invasive" weeds
# are no invasion.
body_none invasive_talks 'Chad and Niger agreed to hold talks on the invasive weeds in Lake Chad.'
body_rule on_duty 'The rebels said they would attack the soldiers on duty at the border.' threat-force-future
body_rule good_sign 'Chad said it would attack the rebels, a good sign for its allies.' threat-force-future
# A denial disowns a threat or a plan, not an act: "denied the strike"
# says it did not strike.
body_rule denied_threat 'Chad denied threatening Sudan.' deescalation-disown
body_none denied_strike 'Chad denied the strike on the camp near Abeche.'
# "PM", as headlines write a prime minister, is an official.
body_rule pm_vows 'The PM vowed to crush the rebels in the north.' threat-of-force
# A role's name is written as it stands where its stem is another
# word's: regional "groupings" are no armed group.
body_none groupings 'The regional groupings will hold a summit to end the fighting in Chad.'
# Talks that resume are a step whoever is named; talks that must
# resume are a call.
printf 'Fighting goes on in the north as peace talks resume in the capital\n' |
    match_stdin talks_resume
expect "a headline's talks that resume: deescalation-talks-go-on" \
    "$(json_get "$T/talks_resume.out" 'alerts[0]["rule"]')" deescalation-talks-go-on
body_none talks_must_resume 'Peace talks must resume in the capital, the envoy said.'
# Talks that other news happens amid are under way.
title_rule amid_talks 'Rebels shell Darfur town amid ceasefire talks in Doha' deescalation-truce-amid
# A party's favourable stance toward a truce is a step toward it.
body_rule truce_positively 'The rebels said they would deal positively with any truce.' deescalation-talks
# A threat to computers is no threat of force.
printf "Chad: Don't underestimate the Sudanese cyber-threat, warns its army chief\n" |
    match_stdin cyber_threat
expect_none "a cyber-threat: no threat" cyber_threat
# To raid is force, as to storm is.
body_rule will_raid 'The Chadian army said it would raid the rebel camp near Abeche.' threat-force-future
# The fighting's place and a word of likelihood may stand between it and
# its going on.
title_rule war_likely "Fighting in Darfur likely to go on for months, Chad's army chief says" threat-war-continues
# A party that says it wants to destroy a party declares its aim.
title_rule wants_to 'Chad says it wants to eliminate Boko Haram' threat-force-party
# An order to evacuate reaches past the place its people are in.
title_rule evac_far "Sudan's army orders civilians in the crowded northern town evacuated" threat-evacuation
# A party that calls for an evacuation orders it; an aid agency's call
# is none.
title_rule evac_call "Villagers fear the worst as Sudan's army calls for evacuation of the north" threat-evacuation
title_none evac_call_agency 'The WHO calls for evacuation of the hospital in Darfur'
# Troops that will advance, or move south, are force on the move.
title_rule advance "Sudan's army says its troops will advance on the rebel town" threat-military-move
# People told to leave an area, no one named telling them, in a story of
# force; not for a wildfire, nor one man told to leave a meeting.
title_rule evac_told 'Darfur town shelled and residents told to evacuate' threat-evacuation-told
title_none evac_wildfire 'Residents told to evacuate as wildfire nears the shelled town'
body_none evac_meeting 'After the war talks broke down the envoy was told to leave the meeting.'
# So is the order told by its deadline or as issued; not for a storm,
# nor envoys given days to leave a country.
body_rule evac_given "The clinic's patients in Abeche were given two hours to leave before the assault." threat-evacuation-given
body_rule evac_issued 'New evacuation orders were issued for Abeche as the war goes on.' threat-evacuation-given
body_none evac_given_storm 'Residents of the coast were given two days to evacuate before the hurricane.'
body_none evac_given_envoys 'Diplomats were given 72 hours to leave the country after the war began.'
# An evacuation order or warning as a noun is news in a headline or
# told as given; in a body's present it is a judgment of such orders.
body_none evac_noun_judged "Sudan's evacuation warnings to the villages are nothing more than a pose."
body_rule evac_noun_given 'The Sudanese army issued evacuation warnings to the villages near Abeche.' threat-evacuation-noun
title_rule evac_noun_title "Sudan's Evacuation Warnings Reach Villages Near Abeche" threat-evacuation-noun
# People facing expulsion, or a plan to move them out, are threatened
# with force; a pupil's or migrants' expulsion is none.
title_rule expulsion 'Darfur villagers face immediate expulsion' threat-expulsion
title_rule displacement_plan 'Villagers stand ground amid displacement plan' threat-expulsion
title_none pupil_expelled 'Pupil faces expulsion over war protest'
title_none migrants_expelled 'Migrants face expulsion as war rages'
title_none migrants_plan 'Sudan unveils an expulsion plan for Chadian migrants'
title_none asylum_order 'Asylum seekers in Chad handed expulsion orders'
# A determiner "no" denies its own phrase: it neither reaches a term
# further on nor cancels a second "no" that denies the term.
title_category no_no 'Sudan with no allies at all has no plans to attack Chad' deescalation
# A leader set on an offensive, or approving the plans of one, threatens it.
title_rule set_on "Chad's president set on an offensive against the rebels in the north" threat-of-force
title_rule assault_plans "Sudan's army chief approves assault plans for the rebel-held town" threat-of-force
# A vow to go on with a war left unnamed is a threat in a story of war,
# by one that commands force; a policy pressed ahead with is none.
body_rule vow_press_on "Chad's army vowed to press on in the north despite the fighting." threat-vow-go-on
body_rule vow_no_halt 'Sudan vowed not to stop, whatever the cost of the long war.' threat-vow-no-halt
body_none vow_policy 'The government vowed to press ahead with the tax reform.'
body_none vow_protest 'The students vowed to press on with their protests against the war.'
# Resigning over a step is a stance against it.
body_none resign_over "Chad's ministers threaten to resign over the ceasefire proposal"
# A role's name is no word of its stem: "governing" names no official.
printf 'The governing party of Chad threatened to attack the rebels\n' |
    match_stdin governing
expect "the governing party of Chad: actor chad" \
    "$(json_get "$T/governing.out" 'alerts[0]["actors"][0]')" chad
# Families and relatives are people, whatever they push for.
title_none relatives 'Relatives of hostages held by the rebels push for a ceasefire in Darfur'
# A world court's order is no step by the party it orders.
title_none court_orders 'ICJ orders Sudan to halt its offensive on the rebels'
# The public named by nationality is people, not the state.
body_none public_backs 'The Chadian public backs an immediate ceasefire with the rebels, a poll shows'
# "Destroyers" are warships; "destroyed" is no armed force to strike at.
body_none destroyed 'Sudan vowed to rebuild and board up what was destroyed'
# A verb of a step is no word that only begins like it.
body_none openly 'Sudan openly mocked the ceasefire talks with the rebels'
title_none seekers "Asylum seekers fled Darfur as Sudan's truce talks with the rebels faltered"
# Verbs that block or damage a step are a stance against it.
body_none blocked_talks 'Chad blocked the resumption of ceasefire talks with the rebels'
body_none resisted_talks 'Sudan resisted the offer of truce talks with the rebels'
body_none thwarted_talks 'Sudan thwarted the renewed peace talks with the rebels'
body_none obstructed_talks 'Sudan obstructed the resumed ceasefire talks with the rebels'
# To mediate talks is a step; a mediator's role is none.
body_rule mediated 'Niger mediated the ceasefire talks between Chad and the rebels' deescalation-talks
body_none mediator_role 'Niger is reassessing its role as mediator in the Chad ceasefire talks'
# A negated threat is a step down when a party disowns force, not when
# a thing fails ("hunger will not defeat them": a means judged).
printf "Chad's failed siege: hunger will not defeat the rebels\n" | match_stdin thing_negated
expect_none "a thing that will not defeat the rebels: no de-escalation" thing_negated
# A truce plan unveiled, outlined or set out is a step, as one offered is.
printf 'x\n\nChad unveiled a ceasefire plan for the border war.\n' | match_stdin unveiled
expect "a ceasefire plan unveiled: deescalation-talks" \
    "$(json_get "$T/unveiled.out" 'alerts[0]["rule"]')" deescalation-talks
# A truce that takes effect is a step, as one agreed or begun is.
printf 'x\n\nCalm returned to the towns as the truce took effect at dawn, Chad said.\n' | match_stdin took_effect
expect "a truce took effect: deescalation-talks" \
    "$(json_get "$T/took_effect.out" 'alerts[0]["rule"]')" deescalation-talks
# A closed word of the pack ("ceasefire") meets its hyphened spelling.
printf 'x\n\nThe Chadian army said there would be no cease-fire until the rebels were destroyed.\n' | match_stdin cease_fire
expect "no cease-fire until the rebels are destroyed: threat-war-goes-on" \
    "$(json_get "$T/cease_fire.out" 'alerts[0]["rule"]')" threat-war-goes-on
# A truce refused on a condition is the war kept up until it is met;
# talks refused so, or a truce's chances judged, are not.
title_rule truce_if 'Darfur rebels say no ceasefire if their fighters are not freed' threat-war-goes-on-if
title_rule truce_unless 'Chad says no truce unless the rebels quit Abeche' threat-war-goes-on-if
title_none talks_unless 'Darfur rebels say no ceasefire talks unless Chad frees prisoners'
title_none truce_judged 'No ceasefire can last if aid is blocked, UN envoy says'
# Force to be increased is more of it ("will increase its attacks"),
# and military pressure is force.
printf 'x\n\nChad said it would increase its attacks on the rebels.\n' | match_stdin increase
expect "would increase its attacks: threat-force-future" \
    "$(json_get "$T/increase.out" 'alerts[0]["rule"]')" threat-force-future
printf 'x\n\nChad vowed to increase military pressure on the rebels.\n' | match_stdin pressure
expect "vowed to increase military pressure: threat-of-force" \
    "$(json_get "$T/pressure.out" 'alerts[0]["rule"]')" threat-of-force
# Vengeance vowed is retaliation, as revenge is.
printf 'x\n\nChad vowed mighty vengeance for the raid on its border post.\n' | match_stdin vengeance
expect "vowed vengeance: retaliation-vow" \
    "$(json_get "$T/vengeance.out" 'alerts[0]["rule"]')" retaliation-vow
# A headline's "says X to V" reports X's future: the war said to go on.
printf 'Chad says war with rebels to last months\n' | match_stdin war_to_last
expect "says war to last months: threat-war-continues" \
    "$(json_get "$T/war_to_last.out" 'alerts[0]["rule"]')" threat-war-continues
# A truce approved or sealed, talks closer to one, are steps; two sides
# still far apart on it have not stepped down, whatever they resumed.
body_category approved 'The Varnian cabinet approved the truce with the rebels after a week of fighting.' deescalation
body_category closer 'The Varnian minister said the government was closer to a truce with the rebels after a year of war.' deescalation
body_none far_apart 'The Varnian government resumed talks with the rebels last week, but the two sides remain far apart on a truce to end the war.'
# Troops massed at a border are capability, no threat said.
body_none massed 'The Ostlander army massed tanks and troops along its border with Varnia.'
# Troops ordered back from a border step down; they do not mobilise.
printf 'Russia ordered its troops to pull back from the border.\n' | match_stdin ordered_back
expect "troops ordered to pull back from the border: de-escalation" \
    "$(json_get "$T/ordered_back.out" '[h["category"] for h in alerts[0]["hits"]]')" "['deescalation']"

# Leaders named by the pack act for their country; a deal struck is no
# strike, however many words stand between.
printf 'Soleimani vowed to avenge the killing.\n' | match_stdin soleimani
expect "a named leader's vow: retaliation by his country" \
    "$(json_get "$T/soleimani.out" '[alerts[0]["category"], alerts[0]["actors"]]')" \
    "['retaliation', ['iran']]"
title_none deal 'Theresa May hoped to strike a lasting trade deal with Japan.'
body_none plandeal 'Fiji plans to strike a fisheries deal with Japan, officials said.'
# A truce ended on a condition is war threatened; one that ends on its
# date is not.
printf 'x\n\nAzerbaijan said the truce with Armenia would end unless the prisoners were freed by Friday.\n' | match_stdin truceend
expect "a truce ended on a condition: Azerbaijan threatens Armenia" \
    "$(json_get "$T/truceend.out" 'alerts[0]["rule"] + " " + alerts[0]["actors"][0] + " " + ",".join(alerts[0]["targets"])')" \
    "threat-truce-end azerbaijan armenia"
body_category truceenddate 'The first phase of the truce between Azerbaijan and Armenia will end on Saturday, the mediators said.' deescalation
# Trade is no force, whichever rule reads the sentence; nor is aid
# withheld, a vote banned or a release postponed.
body_none tradewar 'Beijing said it would fight any trade war with Washington to the end.'
body_none tariffreply 'Mexican officials said that if new tariffs were imposed, the response would be targeted.'
body_none withhold 'The US threatened to withhold aid unless Egypt accepted the plan.'
body_none ban_vote 'Chad threatened to ban voting in the border province if the rebels ran in the election.'
# Nor is a threat to leave a summit or a treaty, by the threat's verb
# or its noun, nor one of a subpoena.
body_none pullout_noun "Chad said Sudan's threat to pull out of the summit was a bluff."
body_none withdraw_if 'The Chadian minister threatened to withdraw from the treaty if the rebels were armed.'
body_none subpoena "Chad threatened to subpoena Sudan's envoy unless he testified before the inquiry."
printf 'x\n\nHamas'"'"'s threat to postpone the next prisoner release angered Israel.\n' | match_stdin postpone
expect_none "a threat to postpone a release: no alert" postpone
# "Group" alone may be armed, but a rights group or a Facebook group is
# none.
body_none rightsgroup 'A rights group said it was determined to track down the officers who ordered the killings.'
body_category armedgroup 'The armed group said it was determined to track down the soldiers.' threat
# Idioms of harm suffered threaten only in the irrealis, and then the
# speaker threatens the one who would suffer.
body_none noplace 'The government said that attacks on refugees have no place in our society.'
printf 'x\n\nPakistan'"'"'s crushing defeat by India on Sunday stunned its fans.\n' | match_stdin crushingdefeat
expect_none "a crushing defeat at cricket: no alert" crushingdefeat
# A country that plays another in a contest named after "in" or "for"
# is its team: sport.  Force against the contest itself, or by gunmen
# in a sentence that only mentions a sport, still alerts.
title_none cupforce 'Sudan will attack Chad in the Nations Cup qualifier'
title_none cupcrush 'Chad will crush Sudan in the cup semi-final'
body_none titlefight 'Chad has vowed to fight Sudan for the championship title.'
title_category cupattacked 'Insurgents threaten to bomb the football tournament' threat
body_category sportsmention 'Gunmen vowed to kill the athletes as they left the stadium after the league match.' threat
body_category fightfinal 'Chad vowed to fight Sudan in the final battle for Darfur.' threat
printf 'x\n\nNorth Korea said South Korea would suffer a crushing defeat if it attacked.\n' | match_stdin wouldsuffer
expect "a crushing defeat threatened: North Korea threatens South Korea" \
    "$(json_get "$T/wouldsuffer.out" 'alerts[0]["category"] + " " + alerts[0]["actors"][0] + " " + ",".join(alerts[0]["targets"])')" \
    "threat north-korea south-korea"
# Routine drills are no mobilisation; troops put on combat readiness
# are.
body_none routine 'The South Korean air force held routine drills to maintain combat readiness against the North.'
body_category readiness 'North Korea ordered its troops to combat readiness along the border.' threat
# Standing down, scaling back and disengaging are steps down only for
# forces: not a president who would resign, restrictions eased or a
# country's politics.
body_none resign 'The president said he was willing to stand down if the opposition won the vote.'
body_none scaleback 'North Korea will scale back its Covid restrictions next month.'
body_none disengage 'The opposition party in Germany campaigned for Berlin to disengage from Kyiv.'
body_category standdown 'The Indian army ordered its troops to stand down along the border with China.' deescalation
body_category troopsdisengage 'Indian and Chinese troops began to disengage at two friction points.' deescalation
# Truces that have failed are no step down.
body_none havefailed 'Several truces between the rebels and the Congolese army have failed since 2012.'
# A deal said to be far away is no step down.
body_none faraway 'The Ukrainian president said a deal to end the war with Russia was still very far away.'
# What one believes, fears or predicts another will do is a forecast;
# what the one acting believes it will do is its own.
body_none fears 'The Canadian prime minister fears Russia will invade Ukraine.'
body_none fearwithdraw 'The Kurds fear Trump might withdraw the troops from Syria.'
# So is what a noun of belief holds ("fears that", "concerns that"),
# unless the one who would act is its own subject (a pronoun).
title_none fearsnoun 'Oil climbs on concerns that Chad will attack Sudan'"'"'s border posts'
title_none fearsplan 'Stocks fall on fears that Chad plans to attack Sudan'
title_category fearsown 'Sudan dismissed fears that it would attack Chad' deescalation
# A question asked with "whether" or "how" and a finite verb is no one's
# act: the writer asks what a party will do.
body_none whether 'It is still unclear whether Sudan will attack the Darfur rebels this week.'
title_none howwill 'Traders watch to see how Chad will retaliate'
title_none howtruce 'Nobody in Ostland knows how the truce between Varnia and the rebels will hold'
# With a pronoun for its subject the asker weighs its own act.
body_rule howown 'Sudan will decide how it will retaliate against the rebels.' retaliation-future
printf 'x\n\nRussia believes it will crush the Ukrainian army.\n' | match_stdin believes
expect "what the one acting believes it will do: a threat" \
    "$(json_get "$T/believes.out" 'alerts[0]["category"] + " " + alerts[0]["actors"][0]')" \
    "threat russia"
# Exact forms where a stem would join other words: talks, not "talked
# about"; operations, not cameras "operated" from a room.
body_none talked 'Despite the war, an Iranian leaflet talked about plans to hold a festival in Tehran.'
body_none talkabout 'Hamas said there was nothing to talk about and it would hold on to the hostages.'
body_category talking 'Israel and Hamas are talking through mediators about the next phase of the truce.' deescalation
body_none operated 'The ministry insisted its street cameras pose no threat to privacy because staff operate them in a locked room.'
# Nurses, doctors and teachers named by nationality are people, not
# their state.
body_none doctors 'Two Canadian doctors were suspended after a video showed them threatening to kill patients.'
# Energy supply talks are business, even in a story of war.
body_none gastalks 'Norway is in talks with Poland on gas supplies as the war in Ukraine drags on.'
printf 'x\n\nSelling the port to foreign buyers is not in Greece'"'"'s interest, the prime minister said.\n' | match_stdin notinterest
expect_none "a sale not in a country's interest: no alert" notinterest
printf 'x\n\nThe Greek prime minister said a war with Turkey was not in anyone'"'"'s interest.\n' | match_stdin warinterest
expect_category "a war in nobody's interest: de-escalation" warinterest deescalation

# Force vowed against protests or an uprising is a threat, as against
# an enemy; the soft verb alone ("crush inflation") is none.
title_category protests 'The president vowed to crush the protests.' threat
title_none inflation 'The president vowed to crush inflation.'

# "By force" after a vow or a threat names the force; "all necessary
# measures" alone does not: a government takes them against a virus.
title_category by_force 'The Taliban vowed to take Kabul by force.' threat
title_none measures 'The government will take all necessary measures to contain the virus.'
title_none adequate 'The government will take adequate measures to contain the virus.'

# Talks with unions are labour talks; the European Union is no union.
title_none unions 'The prime minister held talks with unions to avert a rail strike.'
title_category eu_talks 'European Union leaders held talks with Iran on its nuclear programme.' deescalation

# Where two parties meet is no party to their talks; a country one party
# travels to for talks is the other party.
printf 'Iran and the US held indirect talks in Oman.\n' | match_stdin venue
expect "talks of two parties in a third country: the two" \
    "$(json_get "$T/venue.out" '[alerts[0]["actors"], alerts[0]["targets"]]')" \
    "[['iran'], ['us']]"
# A headline's truce told beside a party's own deed after it ("as ...
# protest") is no act of that party: no one named acts in it.
printf 'Darfur truce holds as Chadians protest a killing\n' | match_stdin beside_protest
expect "a truce beside a protest after it: a step, acted by no one named" \
    "$(json_get "$T/beside_protest.out" '[alerts[0]["category"], alerts[0]["actors"]]')" \
    "['deescalation', []]"
# "the group" an armed group's official speaks of is that group.
printf 'An RSF official says the group is ready to extend the truce\n' | match_stdin own_group
expect "the group of an armed group's speaker: that group" \
    "$(json_get "$T/own_group.out" '[alerts[0]["category"], alerts[0]["actors"]]')" \
    "['deescalation', ['rsf']]"
# Who reports a truce between two other parties is no side of it.
printf 'Chad and Sudan agree to extend the truce, Egypt says\n' | match_stdin reporter_truce
expect "a truce a third party reports: the two its parties" \
    "$(json_get "$T/reporter_truce.out" '[alerts[0]["actors"], alerts[0]["targets"]]')" \
    "[['chad'], ['sudan']]"
# A truce someone is only for is wanted, not taken; talks a party
# travels to are a step.
title_none support_truce "Ostland marchers rally for truce in Chad's war with rebels"
body_category flew_for_talks 'The Chadian envoy flew to Darfur for talks with the rebels.' deescalation
printf 'The Pakistani leader arrived in India for talks.\n' | match_stdin visit
expect "talks a leader travels to a country for: that country" \
    "$(json_get "$T/visit.out" '[alerts[0]["actors"], alerts[0]["targets"]]')" \
    "[['pakistan'], ['india']]"

# Talks are peace talks in a story of war, wherever the article names
# it, or between rivals; a leader meeting his country's parties, or an
# ally, is politics.
title_none parties 'The French president will hold talks with the main political parties.'
title_none ally 'The French president will hold talks with the Russian leader.'
printf 'Fighting rages in the east\nThe French president will hold talks with the Russian leader.\n' | match_stdin war_title
expect_category "the same talks under a title of fighting: de-escalation" war_title deescalation
title_category rivals 'India and Pakistan agreed to resume their dialogue.' deescalation
title_category foes 'Qatar held indirect talks with its adversaries in Oman.' deescalation
# Ties mended likewise: between rivals, not between friends.
title_none friends 'The government is promising to restore ties with its neighbours.'
title_category ties 'Iran and Saudi Arabia agreed to restore diplomatic ties.' deescalation
printf 'Israel restored ties with the Palestinians.\n' | match_stdin palestinians
expect "the Palestinians are Palestine, Israel's rival" \
    "$(json_get "$T/palestinians.out" 'alerts[0]["category"] + " " + ",".join(alerts[0]["targets"])')" \
    "deescalation palestine"

# Leaders of rivals meeting are a step down in their standoff; allies
# meeting, two rivals met by a third, or "meets" of a thing are not.
# Two invented rivals and a neighbour at peace with both.
cat > "$T/rivals.conf" <<CONF
state_dir = "$T/state"
include("$top_srcdir/etc/rules/default.conf")
include("$top_srcdir/etc/rules/countries.conf")
actor varnia { names = {"Varnia", "Varnian"} rivals = {"ostland"} }
actor ostland { names = {"Ostland", "Ostlander"} }
actor norland { names = {"Norland", "Norlander"} }
CONF
# between_rivals NAME TITLE: the rule of TITLE's first alert, or none.
between_rivals() {
	printf '%s\n' "$2" |
	    "$BRINKD" -c "$T/rivals.conf" --match - > "$T/$1.out"
	if [ -s "$T/$1.out" ]; then
		json_get "$T/$1.out" 'alerts[0]["rule"]'
	else
		echo none
	fi
}
expect "rivals' leaders to meet: a step down" \
    "$(between_rivals meet_rival 'Varnian president to meet Ostland leader in the capital next week')" \
    deescalation-summit
expect "a summit of rivals: a step down" \
    "$(between_rivals summit_rival 'Ostland agrees to a summit with Varnia')" \
    deescalation-summit
expect "allies' leaders to meet: none" \
    "$(between_rivals meet_ally 'Varnian president to meet Norland leader in the capital next week')" \
    none
expect "two rivals met by a third: none" \
    "$(between_rivals meet_third 'Norland president meets Varnian and Ostlander envoys')" \
    none
expect "a plan that meets criticism: none" \
    "$(between_rivals meet_thing 'Varnian plan for Ostland border meets criticism')" \
    none

# A town or a region taken by force is a hostile object, as a city is;
# a storm hitting the region is no one's threat.
title_category province 'The army will retake the province within weeks, the minister said.' threat
title_none storm 'The storm will hit the region on Monday.'
title_none poverty 'The government vowed to fight poverty in the region.'
title_none assembly 'Officials will target demonstrations with new rules on assembly.'

# A role named in its exact form: legal aid is no aide, so no official.
title_none legal_aid 'Lawyers will strike over cuts to legal aid.'

# An order to halt attacks is no order to attack.
title_none halt_order 'Iran ordered Hezbollah to halt attacks on Israel.'

# A step down one party demands of another is not taken; a leader
# ordering his own fighters to take it steps down.
title_none asked_of 'Ukraine demanded that Russia withdraw its troops.'
printf 'x\n\nUkraine demanded that Russia pull back its troops.\n' |
    "$BRINKD" -c "$T/brink.conf" --match - --explain > "$T/asked_of.explain" 2>&1
expect "--explain names the mood demand-of-other" \
    "$(grep -c 'demand-of-other' "$T/asked_of.explain")" 1
title_category own_side 'The rebel leader ordered his fighters to lay down their arms.' deescalation

# A threat in scare quotes keeps its subject and its condition.
printf 'China said it would take "forceful measures" if the Philippines sent more ships.\n' | match_stdin scare
expect "a threat in scare quotes: China's, against the Philippines" \
    "$(json_get "$T/scare.out" 'alerts[0]["category"] + " " + alerts[0]["actors"][0] + " " + ",".join(alerts[0]["targets"])')" \
    "threat china philippines"

# Consequences warned of: the one who warns threatens, even when
# nobody reports the warning.
printf 'Iran warned Israel of grave consequences.\n' | match_stdin warned
expect "consequences warned of: Iran threatens Israel" \
    "$(json_get "$T/warned.out" 'alerts[0]["category"] + " " + alerts[0]["actors"][0] + " " + ",".join(alerts[0]["targets"])')" \
    "threat iran israel"

# A step down that a threat demands is its condition, not a step taken.
printf 'Israel said Gaza would be destroyed unless Hamas laid down its weapons.\n' | match_stdin unless
expect "a step demanded by a threat: the threat alone" \
    "$(json_get "$T/unless.out" 'sorted({h["category"] for h in alerts[0]["hits"]})')" \
    "['threat']"
title_category offer_if 'Sudan said it would halt military operations if the rebels withdrew.' deescalation

# Talks that stall are no step; resuming stalled talks is one.
title_none stalled 'Talks between Russia and Ukraine stalled on Friday.'
title_category resume 'Ukraine agreed to resume the stalled talks with Russia.' deescalation
# A deal or a truce reached is a step; one urged or wanted as a goal is
# not reached.
body_rule truce_reached 'Chad and the Darfur rebels reached a ceasefire deal on Sunday after a week of fighting.' deescalation-reached
# Talks confirmed are held; trade talks are none, confirmed or not.
title_rule talks_confirmed 'Chad confirms truce talks with Darfur rebels' deescalation-talks-confirmed
title_none trade_confirmed 'Minister confirms trade talks with Japan'
title_category truce_declared 'Darfur rebels declare a unilateral ceasefire in their war with Chad' deescalation
title_none reach_urged 'Ostland urges Chad and the rebels to reach a truce'
body_none reach_goal 'Ostland said Chad would have to make concessions to reach a truce with the rebels.'
# Talks in trouble are no step, whatever the trouble is called; talks
# resumed after a setback are one.
title_none complicates 'Rebel raids complicate the renewed talks between Chad and the Darfur rebels'
title_none snag 'Renewed peace talks between Chad and rebels hit a snag over prisoners'
body_none fail_at 'The talks between Chad and the Darfur rebels failed at the last hurdle on Monday.'
title_category after_setback 'Chad and Darfur rebels resume talks after a setback' deescalation

# A may or might is a threat in the mouth of the one who would act,
# a forecast in an onlooker's or another party's.
title_none analysts 'Analysts say China might invade Taiwan within two years.'
title_none forecast 'Israel said Iran could attack within days.'
printf 'Iran said it could strike American bases.\n' | match_stdin could
expect "the one who would act says it could: a threat" \
    "$(json_get "$T/could.out" 'alerts[0]["category"] + " " + alerts[0]["actors"][0]')" \
    "threat iran"

# Likely, unlikely or a verb of belief between "be" and the act is a
# forecast, the writer's or its source's, as may or might is: no threat
# nor vow of revenge, and unlikely no step toward peace either; the one
# who would act saying its act is likely still threatens.  A step toward
# peace expected is news of a step, as "talks to resume" is; "is set to"
# is a plan, no forecast.
title_none unlikely_attack 'Sudan is unlikely to attack Chad'
title_none unlikely_headline 'Sudan unlikely to attack Chad'
body_none likely_attack 'The Sudanese army is likely to attack the Chadian border town.'
body_none expected_revenge 'The Sudanese army is widely expected to retaliate against Chad.'
body_none likely_said 'Sudan is likely to shell the Chadian border town, the Chadian minister said.'
body_none unlikely_truce 'The truce between Chad and Sudan is unlikely to hold.'
body_category likely_own 'Sudan is likely to attack Chad, the Sudanese defence minister said.' threat
body_category expected_truce 'Sudan and Chad are expected to sign a ceasefire next week.' deescalation
title_category set_to 'Sudan set to attack Chad' threat

# Shooting is force: a junta's warning that protesters could be shot.
printf 'The junta warned that protesters could be shot.\n' | match_stdin shot
expect "protesters could be shot, a junta warns: a threat" \
    "$(json_get "$T/shot.out" 'alerts[0]["category"] + " " + alerts[0]["actors"][0]')" \
    "threat military"

# "X are legitimate targets", somebody says: the speaker threatens X.
printf 'The Houthis said American ships in the Red Sea were legitimate targets.\n' | match_stdin legitimate
expect "named legitimate targets: the Houthis threaten the US" \
    "$(json_get "$T/legitimate.out" 'alerts[0]["actors"][0] + " " + ",".join(alerts[0]["targets"])')" \
    "houthis us"

# Consequences faced with no word between, ashes after a longer object.
printf 'Iran warned that anyone who interfered would face consequences never seen before.\n' | match_stdin never_seen
expect "would face consequences: Iran threatens" \
    "$(json_get "$T/never_seen.out" 'alerts[0]["category"] + " " + alerts[0]["actors"][0]')" \
    "threat iran"
title_category ashes 'North Korea said it would reduce the southern capital to ashes.' threat

# A vow to destroy a named party is a threat; one to destroy a thing
# is none (object = "party").
printf "Israel's prime minister vowed to destroy Hamas.\n" | match_stdin destroy
expect "a vow to destroy a party: Israel threatens Hamas" \
    "$(json_get "$T/destroy.out" 'alerts[0]["actors"][0] + " " + ",".join(alerts[0]["targets"])')" \
    "israel hamas"
title_none inflation 'The Iranian government vowed to crush inflation.'
# A name that only qualifies the noun after it is no party as the
# object: the ruling, the cartel, the plan are crushed, not Sudan.
title_none objnoun 'Chad vowed to crush the Sudan court ruling'
title_none objadj 'Chad vowed to crush the Sudanese grain cartel'
title_none objposs "Chad will destroy Sudan's oil wealth"
title_none objcaps "Chad Will Crush Sudan Envoy's Plan"
title_rule objonce 'Chad vowed to destroy Sudan once and for all' threat-force-party
# A demand that another party not attack is no step down of the one
# who demands ("warned Russia not to invade"), but a party's own "would
# not" still is.
body_none warnednot 'The US warned Russia not to invade Ukraine.'
body_none urgednot 'China urged North Korea not to attack the South.'
# ... even one of the demander's side named by its own name, while a
# leader's order to his own men is his side's step down.
body_none ownsidenot 'A retired Russian general warned Putin not to invade Ukraine.'
body_category ownmennot 'The Hamas leader ordered his fighters not to attack Israel.' deescalation
body_category toldnot 'Russia told Ukraine it would not invade.' deescalation
# Reacting is responding; a step that would trigger a response is a
# warning of one.
body_category react 'The US will react decisively if Russia invades Ukraine, Biden warned.' retaliation
body_category trigger 'Any move on Taiwan would trigger a response, the US said.' threat
# An ultimatum's "or face" threatens force only when force is faced.
title_category orface 'The rebels were told to leave the town by Friday or face an assault.' threat
title_none orbans 'Moscow told the networks to open offices in Russia by January or face bans.'
# Ground retaken: the compass and territory are ground as a region is.
body_category recapture 'Ukraine aims to recapture the south, the defence minister said.' threat
body_none recapturelead 'The company aims to recapture the lead in the south.'
# Annexed or reclaimed, ground is taken as it is seized.
title_rule annex 'Chad threatens to annex Sudan'"'"'s border region' threat-of-force
title_category reclaim 'Sudan will reclaim the eastern province from Chad, its army chief says' threat
# A step only aimed at, by an effort or a party that works for it, is
# none; the step itself still is.
title_none aimbid 'Niger renews its bid to end the war between Chad and Sudan'
title_none aimworks 'Niger works to keep the war between Chad and Sudan from spreading'
title_none aimrole 'Niger plays a bigger role in ending the war between Chad and Sudan'
title_none aimease 'Niger seeks to ease tensions between Chad and Sudan'
title_none aimpushfor 'Sudan shells Chad amid a push for a new halt in fighting'
title_none aimworkon 'Niger working with Chad on a quick end to the Sudan war'
title_category aimtaken 'Chad agrees to end the war with Sudan' deescalation
# Nor one pressed for, expected or named as a goal.
title_none aimpressure 'Sudan resists pressure for a humanitarian pause in Darfur'
title_none aimpressureon 'Chad keeps up pressure on Sudan to pull back its troops from the border'
title_none aimgoal 'Our goal is to avoid a war with Sudan, the Chadian minister said'
title_none aimexpect 'Chad expects a significant de-escalation in Darfur this week'
# A step backed or debated is a stance on it, none taken.
title_none backedpause 'Niger'"'"'s foreign minister backs a pause in the Darfur war'
title_none debatedpause 'The EU debates a humanitarian pause in Darfur'
# A step an outsider says is due is urged, not taken; the step told as
# done still is one.
title_none timefor 'Norland says it is time for the Varnian army to pull back from Darfur'
title_none timeforscale 'Norland says it is the right time for the Varnian army to scale back its offensive in Darfur'
title_rule timefordone 'For the first time in a year the Varnian army pulls back from Darfur' deescalation-steps
title_none stepplans 'Chad to Sudan: show us disarmament plans or no summit'
title_category aimeased 'Chad and Sudan ease tensions' deescalation
# So is one that a plan, a way, a solution, a resolution or a summit is
# for; a plan to end a war put out is a peace plan, leaked or unveiled.
# Force resumed or restarted after a truce: the truce is when, no step.
title_none strikes_resume 'Sudan strikes on Darfur towns resume after the truce'
title_none ops_restart 'Sudan says operations have restarted in Darfur after the truce ran out'
title_rule talks_resume 'Sudan resumes truce talks with the RSF' deescalation-talks
title_none aimsolutions 'Sudan talks of solutions to end the war with Chad'
title_none aimresolution 'UN members approve a resolution to halt the fighting in Darfur'
title_none aimsummit 'Norland hosts a summit to de-escalate the Chad-Sudan war'
title_none aimpushing 'The US says it is pushing to avoid a regional escalation as Sudan shells Darfur'
title_rule aimavoid 'Sudan says it wants to avoid escalation with the RSF' deescalation-restraint
title_category aimleaked 'Sudan leaks its plan to end the war with Chad' deescalation
title_category aimagreed 'Chad and the rebels agree to a plan and halt the fighting in Darfur' deescalation
# A threat told as a noun is its owner's, low, and nobody's without one.
printf 'Latvia asked for more allied troops amid the Russian threat.\n' | match_stdin owned
expect "an owned threat: Russia's, low" \
    "$(json_get "$T/owned.out" 'alerts[0]["rule"] + " " + alerts[0]["severity"] + " " + alerts[0]["actors"][0]')" \
    "threat-owned low russia"
title_none posed 'Russian forces pose a threat to Latvia.'
title_none ownsanction 'Lawmakers in Ankara condemned the American threat of sanctions.'
# A threat given as the topic or cause of another's act ("over", "on") is
# no news of a threat made.
title_none owncause 'Chad buys fighter jets over the Sudanese threat'
title_none owntopic 'Chad and Libya confer on Sudan threats at the summit'
# One in the subject of its own verb is told as a cause, no threat made.
body_none owncause2 'The Sudanese threat forced Chad to close its eastern border.'
# Threats an act invites, risks or courts are a cost foreseen, none
# made; threats it drew were made.
body_none owninvite 'Chad agreed to host the rebels, inviting fresh threats from Sudan.'
title_none ownrisk 'Chad risks Sudanese threats by opening its border to refugees'
body_rule owndrew 'Chad drew threats from Sudan after it hosted the rebels.' threat-owned
# A plan in the past told as a warning's content is its author's
# account, no threat by the party; a pronoun may be the author's own.
body_none accountplan 'Refugees crossed into Chad after a warning from Darfur elders that Sudan was about to launch an attack on the camps.'
body_category accountown 'Sudan issued a warning that it was ready to strike the camps.' threat
# A guess at an act a name right before it qualifies is the speaker's
# forecast of that party's act; the speaker's own act still threatens.
title_none actqualified 'Chad Warns Sudanese Invasion of Libya Could Happen at Any Time'
title_rule actown 'Chad Warns Its Offensive Could Continue for Months' threat-war-continues
# So is what such a party will do, told by another as what will be.
title_none actqualifiedwill 'Chad Warns Sudanese Offensive Will Go On Past Winter'
title_rule actownwill 'Chad Warns Its Offensive Will Go On Past Winter' threat-war-continues
# A declaration of war on a thing is a figure of speech; on a party, a
# cause of war the speaker threatens over.
body_none waronthing '"This decree is nothing but a declaration of war on democracy," the Chadian minister said.'
body_rule waronparty 'The Chadian minister said the blockade was a declaration of war on Sudan.' threat-veiled-war-on
body_none owncause3 'Sudanese threats have left the Chadian border towns uneasy.'
# So is a plan of attack or a declaration of war told as a noun; with
# no owner it is nobody's.
printf 'Sudanese villagers fled west amid reports of Chadian offensive plans.\n' | match_stdin ownplan
expect "an owned attack plan: Chad's, low" \
    "$(json_get "$T/ownplan.out" 'alerts[0]["rule"] + " " + alerts[0]["severity"] + " " + alerts[0]["actors"][0]')" \
    "threat-act-owned low chad"
title_rule owndeclare 'Border towns empty after the Sudanese declaration of war' threat-act-owned
title_none unowneddeclare 'Border towns empty after a declaration of war'
# What an act would amount to is a judgment of it, not the owner's
# declaration: the one who judges it threatens only if it is a party
# (threat-veiled-target, which asks who speaks).
body_none judgedeclare 'A naval blockade of Darfur would amount to a Chadian declaration of war on Sudan, analysts said.'
body_rule judgedeclare2 'Sudan said a blockade would be tantamount to a declaration of war.' threat-veiled-target
# A step named a cause of war is the speaker's threat.
printf 'Any strike on Crimea could lead to World War Three, the Russian foreign minister said.\n' | match_stdin warcause
expect "a cause of war: the speaker threatens" \
    "$(json_get "$T/warcause.out" 'alerts[0]["category"] + " " + alerts[0]["actors"][0]')" \
    "threat russia"
# Prisoners brought home are a step down in a war, not in a swap of
# students between states at peace.
printf 'Ukraine brought 144 soldiers home from Russian captivity.\n' | match_stdin captivity
expect "prisoners home from captivity: de-escalation" \
    "$(json_get "$T/captivity.out" 'alerts[0]["rule"] + " " + alerts[0]["actors"][0]')" \
    "deescalation-exchange ukraine"
title_none swappeace 'Israel released six Egyptian students from prison in a prisoner swap.'
# Hostages freed for prisoners, however many words between; not a
# gunfight with hostage-takers.
printf 'x\n\nHamas freed three hostages in exchange for hundreds of jailed Palestinian prisoners.\n' | match_stdin hostageswap
expect "hostages freed in exchange for prisoners: de-escalation" \
    "$(json_get "$T/hostageswap.out" 'alerts[0]["rule"] + " " + alerts[0]["actors"][0]')" \
    "deescalation-exchange hamas"
title_category ceasefireswap 'Ukrainian and Russian soldiers freed in new ceasefire swap' deescalation
# Freed by a party at war: the party named after "by" frees them,
# not the captives' own state.
printf 'x\n\nThree Israeli hostages released by Hamas on Saturday were reunited with their families.\n' | match_stdin freedby
expect "a captive freed by a party at war: its step down" \
    "$(json_get "$T/freedby.out" 'alerts[0]["rule"] + " " + alerts[0]["actors"][0]')" \
    "deescalation-exchange hamas"
body_none exchangefire 'Iraqi police exchanged fire with the gunmen holding hostages in the war-torn city.'
# A step on a condition told with a noun is no step taken.
title_none inevent 'Croatia will withdraw its troops from the mission in the event of a war.'
# A man is a person, not the state of those he threatened; "based" is
# no military base.
title_none manthreat 'Man who threatened to kill two US senators pleads guilty'
body_none based 'The president ordered officials to seize voting machines based on a conspiracy theory.'
# A plan that observers report is their account; officials may speak
# for the one acting.
body_none analystplan 'Analysts say Russia is ready to invade Ukraine.'
body_category officials 'Officials say Russia is ready to invade Ukraine.' threat
# Those who did violence are force's object: "punish those responsible",
# not "punish corrupt officials".
body_category punish 'The Ukrainian president vowed to punish those responsible for the massacre.' threat
body_none punishcorrupt 'The Ukrainian president vowed to punish corrupt officials.'
printf 'x\n\nUkrainian troops told the Russian soldiers to go home while they are still alive.\n' | match_stdin stillalive
expect "'go home while you are still alive': Ukraine threatens Russia" \
    "$(json_get "$T/stillalive.out" 'alerts[0]["category"] + " " + alerts[0]["actors"][0] + " " + ",".join(alerts[0]["targets"])')" \
    "threat ukraine russia"
# Operations suspended may be a company's; military operations are a
# step down, and operations expanded a threat.
body_none suspendops 'A Chinese payment system suspended operations in Russia.'
body_category suspendmil 'The Houthis agreed to suspend military operations.' deescalation
body_category endwar 'South Korea pushed for a formal end to the Korean war.' deescalation
# Lawmakers call for force but order none; a parliament's own threat
# still counts.
body_none lawmaker 'A Russian lawmaker called for airstrikes on the US embassy in Kyiv.'
printf 'x\n\nThe Russian defence minister called for airstrikes on the US embassy in Kyiv.\n' | match_stdin ministercall
expect "a minister's call for airstrikes: a threat" \
    "$(json_get "$T/ministercall.out" 'alerts[0]["rule"] + " " + alerts[0]["actors"][0]')" \
    "threat-call russia"
body_category parliament 'The Azerbaijani parliament threatened to attack the radar base unless Russia closed it.' threat
body_none spacerocket 'Japan will resume space rocket launches next month.'
# Force words that an idiom or a qualifier makes no force.
title_none hitstreets 'Chad: Sudanese defy threats to hit streets'
title_none fightpeace 'Sudanese vow to keep fighting for peace'
title_none legalattack 'Chad threatens legal attack on the boycott.'
title_none probeinto 'Chad urges Sudan to finish probe into killing of a Darfur reporter'
title_none probeattack 'Sudan announces probe into attack on a Darfur funeral'
# A present after "as" and its subject is a clause of its own: the
# speaker of the sentence does not say it.
body_none asexpands 'Chadians say they have nowhere to run as Sudan’s army expands its assault.'
# An aim told in a relative clause is background, no threat.
body_none whereaim 'Chadian troops are fighting to hold the east, where Sudan is seeking to capture the town of Abeche.'
body_rule seekaim 'Sudan is seeking to capture the town of Abeche.' threat-force-future
# "To" before a participle is a preposition, no infinitive.
body_none toparticiple 'Chad will send aid to besieged Abeche.'
# A passive "announced" has no object; "is announcing" has one.
body_none passiveannounce 'As Chadians await the results to be announced, Sudan continues its bombardment on Darfur.'
body_category announcing 'Sudan is announcing a new offensive in Darfur.' threat
title_none answers 'Chadian senator demands answers on killing'
title_category answerattack 'Chad vowed to answer any attack on its troops.' retaliation
# A standing order to shoot on sight is a threat even when the copy
# names no one who gave it.
printf 'x\n\nA shoot-on-sight curfew was imposed in Kathmandu after riots.\n' | match_stdin onsight
expect "a shoot-on-sight curfew: a threat, no one named acting" \
    "$(json_get "$T/onsight.out" 'alerts[0]["rule"] + " " + str(len(alerts[0]["actors"]))')" \
    "threat-standing-order 0"
# Shooting to kill told as conduct, done or alleged, is no order.
body_none shootingtokill 'Darfur villagers accused the Sudanese army of shooting to kill.'
body_category ordershoot 'The Sudanese army ordered its troops to shoot to kill in Darfur.' threat
printf 'Ukraine vowed to fight off Russia.\n' | match_stdin fightoff
expect "a vow to fight off a party: Ukraine threatens Russia" \
    "$(json_get "$T/fightoff.out" 'alerts[0]["category"] + " " + alerts[0]["actors"][0] + " " + ",".join(alerts[0]["targets"])')" \
    "threat ukraine russia"
title_none virus 'The minister vowed to fight off the virus.'
# Starting a war is force; a party saying it will not, a step down.
title_category nostart 'Russia said it would not start a war with Ukraine.' deescalation
title_none tradewar 'China said it would not start a trade war.'

# A person named by nationality is a person: the head noun decides the
# kind.  "Hamas men" are still Hamas.
title_none teen 'A Canadian teen threatened to attack the embassy.'
printf 'Hamas men vowed to attack Israel.\n' | match_stdin hamas_men
expect "Hamas men's vow is Hamas's threat" \
    "$(json_get "$T/hamas_men.out" 'alerts[0]["category"] + " " + alerts[0]["actors"][0]')" \
    "threat hamas"

printf 'China said Japan was playing with fire over the islands.\n' | match_stdin fire
expect "X is playing with fire, as China says: China threatens Japan" \
    "$(json_get "$T/fire.out" 'alerts[0]["actors"][0] + " " + ",".join(alerts[0]["targets"])')" \
    "china japan"

# An offensive paused, troops disengaged: steps down.
title_category pause_offensive 'Israel said it would pause its offensive for four hours a day.' deescalation
title_category disengage 'China and India agreed to disengage troops along the border.' deescalation

# An offer to meet is talks offered; a meeting planned is not.
printf 'North Korea offered to meet the South Korean president.\n' | match_stdin offer
expect "an offer to meet: de-escalation by the one who offers" \
    "$(json_get "$T/offer.out" 'alerts[0]["category"] + " " + alerts[0]["actors"][0]')" \
    "deescalation north-korea"
title_none meet 'The French president will meet the German chancellor next week.'

# Force the subject would face is the speaker's threat against it; a
# penalty it would face is none, nor are weapons of mass destruction.
title_category face 'Ostland would face total decimation if it struck, the Varnian minister said.' threat
expect "... by the speaker" \
    "$(json_get "$T/face.out" 'alerts[0]["actors"][0]')" official
printf 'Trump warned that Iran would face obliteration if it attacked American interests.\n' | match_stdin obliteration
expect "obliteration the subject would face: the warner's threat against it" \
    "$(json_get "$T/obliteration.out" '[alerts[0]["actors"], alerts[0]["targets"]]')" \
    "[['us'], ['iran']]"
title_category ruin 'The minister warned of total destruction if the rebels attacked.' threat
title_none fines 'The ministers could face fines, and Ostland would destroy its weapons of mass destruction.'

# A headline's "to" after an -ing word is that word's, not a future.
printf 'Soldiers face prison for refusing to attack\n\nThe court heard the case.\n' | match_stdin refusing
expect_none "refusing to attack, in a headline: no alert" refusing

# A relative clause set off by commas leaves the subject before it.
printf 'Hamas, which rules Gaza, vowed to attack Israel.\n' | match_stdin which
expect "X, which ..., vowed to attack Y: X threatens" \
    "$(json_get "$T/which.out" 'alerts[0]["actors"]')" "['hamas']"
expect "... Y" "$(json_get "$T/which.out" 'alerts[0]["targets"]')" "['israel']"
printf 'Hezbollah, backed by Iran, vowed to attack Israel.\n' | match_stdin backer
expect "a backer is no target" \
    "$(json_get "$T/backer.out" 'alerts[0]["targets"]')" "['israel']"
# To fight alongside a party is to go to war beside it: a threat, and
# the ally is no target.
printf 'Belarus will fight alongside Russia, Lukashenko said.\n' | match_stdin alongside
expect "fighting alongside an ally: a threat with no target" \
    "$(json_get "$T/alongside.out" 'alerts[0]["category"] + " " + alerts[0]["actors"][0] + " " + str(alerts[0]["targets"])')" \
    "threat belarus []"
printf 'Iran said its forces would strike any ship in the strait.\n' | match_stdin its
expect "X said its forces would: X threatens" \
    "$(json_get "$T/its.out" 'alerts[0]["actors"]')" "['iran']"
# A phrasal verb with its object between verb and particle.
body_category blowup 'Gunmen who seized a bus said they would blow it up unless their comrades were freed.' threat

# A threat by the speaker (agent = "speaker") that one party says
# another did not make is that party's account, not a step down.
title_none account 'Chad said Sudan had not warned that Chad would pay a heavy price.'
title_category own 'Sudan had not warned that Chad would pay a heavy price.' deescalation

# A passive threat is the speaker's, against the subject.
printf "Sudan's army chief said Chad's border towns would be destroyed if the raids went on.\n" | match_stdin passive
expect "X said Y would be destroyed: X threatens" \
    "$(json_get "$T/passive.out" 'alerts[0]["actors"]')" "['sudan']"
expect "... Y" "$(json_get "$T/passive.out" 'alerts[0]["targets"]')" "['chad']"
printf 'Health\n\nPolio could be eradicated next year, the World Health Organisation said.\n' | match_stdin eradicated
expect_none "a disease that could be eradicated, a health body says: no alert" eradicated

# A truce that breaks down is no step, in any form of the verb.
title_none breaks 'The ceasefire between Sudan and the rebels breaks down.'

# The ones a count names act ("numbers of firms"): firms, not Russia.
title_none firms 'Growing numbers of firms pull back from Russia.'

# A may or could on a condition that a named party says of another is
# its forecast; one that unnamed officials say may be the actor's own.
# A headline's source after a dash says the headline.
title_none forecast 'US officials say China may fire missiles near Taiwan if a US lawmaker visits the island.'
title_category unnamed 'Officials said Iran could strike the bases if attacked.' threat
title_none source 'China could strike Taiwan if a US lawmaker visits - US'

# A reply on the condition that force is used is retaliation; a
# positive one is not.
title_category respondif 'Nato will respond if Russia uses chemical weapons, warns Biden.' retaliation
printf 'Israel said it would respond positively if militants ceased attacks.\n' | match_stdin positive
expect "would respond positively if attacks cease: no alarm" \
    "$(json_get "$T/positive.out" '[a["category"] for a in alerts if a["category"] in ("threat", "retaliation")]')" "[]"

# A standing order to shoot is a threat of force.
title_category sight 'The army issued shoot-on-sight orders against curfew breakers.' threat

# Military activity reduced is a step down.
title_category reduce 'Russia said it would radically reduce its military activity around Kyiv.' deescalation

# A "not" that sets two nouns against each other negates no verb.
title_category contrast 'Sudan wants deeds not words at the resumed talks with the rebels.' deescalation
title_none notwant 'Sudan does not want the resumed talks with the rebels.'

# Consequences warned of by a party that can use force: a veiled
# threat; by doctors, none.
printf 'Russia warned Lithuania of consequences over the blockade.\n' | match_stdin consequences
expect "warned X of consequences: a threat" \
    "$(json_get "$T/consequences.out" 'alerts[0]["category"] + " " + alerts[0]["actors"][0]')" "threat russia"
title_none doctors 'Doctors warned of consequences for patients.'

# Northern Ireland is the UK's, not Ireland's.
printf "The IRA reopened disarmament talks with Northern Ireland's disarmament chief.\n" | match_stdin ni
expect "Northern Ireland is named as the UK" \
    "$(json_get "$T/ni.out" '"uk" in alerts[0]["actors"] + alerts[0]["targets"] and "ireland" not in alerts[0]["actors"] + alerts[0]["targets"]')" True

# A party saying only talks can end the war stands for talks.
title_category onlytalks 'Sudan says only talks can end the war with the rebels.' deescalation

# "In response to" gives a reason; it names no force.
title_none inresponse 'The president threatened to impose a curfew in the capital in response to the unrest.'
# A response named as the reason of an act to come is that act's motive:
# what the act is decides, not the response ("will tighten its rules in
# response to the war" is no force; "will strike in response" is).
title_none inresponse_rules 'Acme will tighten its shipping rules in response to the war in Sudan.'
title_category inresponse_strike 'Chad will strike the camps in response to the raids by Sudan.' threat

# A response that a party would face is the speaker's threat.
printf 'Any nation that meddles in the war will face a lightning-fast response, the Russian president said.\n' | match_stdin faceresp
expect "will face a response: a threat by the speaker" \
    "$(json_get "$T/faceresp.out" 'alerts[0]["category"] + " " + alerts[0]["actors"][0]')" "threat russia"

# Gas cut off on a condition is pressure, not force.
title_none gas 'Russia has threatened to cut off gas supplies if countries ban its oil.'

# A threat disowned is a step down, rated as one: low.
printf "Russia won't use nuclear weapons in Ukraine, the ambassador said.\n" | match_stdin disowned
expect "a nuclear threat disowned: de-escalation, low" \
    "$(json_get "$T/disowned.out" 'alerts[0]["category"] + " " + alerts[0]["severity"]')" "deescalation low"

# An aircraft carrier is no airline.
printf 'x\n\nA US aircraft carrier will strike Houthi targets.\n' | match_stdin carrier
expect "an aircraft carrier will strike: a US threat" \
    "$(json_get "$T/carrier.out" 'alerts[0]["category"] + " " + alerts[0]["actors"][0]')" "threat us"

# What is within reach of missiles is the target; the speaker threatens.
printf 'x\n\nThe Houthis warned that American aircraft carriers in the Red Sea were within reach of their missiles.\n' | match_stdin reach
expect "X within reach of our missiles: the speaker threatens X" \
    "$(json_get "$T/reach.out" 'alerts[0]["actors"][0] + " " + alerts[0]["targets"][0]')" "houthis us"

# A verb that shares its stem with a role ("forced", "forces") is no role.
printf 'x\n\nIsrael forced residents to flee and vowed to attack the town.\n' | match_stdin forcedverb
expect "X forced ... and vowed to attack: X's threat" \
    "$(json_get "$T/forcedverb.out" 'alerts[0]["category"] + " " + alerts[0]["actors"][0]')" "threat israel"

# A vow to keep attacking is a vow of more force.
body_category keep 'Houthi rebels vowed to keep attacking ships in the Red Sea.' threat

# Prisoners swapped are prisoners exchanged.
body_category swap 'Russia and Ukraine swapped prisoners on Friday.' deescalation

# Shipments and convoys are what force soft verbs may hit.
body_category shipments 'Russia warned it would target Western weapons shipments.' threat

# Drills launched as a warning, and an army told to be ready for war,
# are threats by mobilisation.
printf "x\n\nChina's military launched drills around Taiwan as a warning.\n" | match_stdin drills
expect "drills launched as a warning: a threat" \
    "$(json_get "$T/drills.out" 'alerts[0]["category"] + " " + alerts[0]["rule"]')" "threat threat-mobilisation"
body_category readywar 'Kim Jong Un ordered his army to be ready for war.' threat

# More force promised, an offensive pressed on with; a leader who vows to
# fight on for his post threatens no one.
body_category more 'The Houthis claimed responsibility and promised more attacks.' threat
body_category presson 'The prime minister of Israel vowed to press on with the offensive.' threat
body_none fighton 'The prime minister vowed to fight on despite the resignations.'

# The warring sides are the parties to a truce.
body_category warring 'The warring sides in Sudan agreed to a seven-day truce.' deescalation

# A plan another named party reports is a plot uncovered, not a threat;
# the one acting declaring it is.
body_none plot 'Russia is preparing to attack Ukraine, Zelensky said.'
printf "x\n\nRussia's military said it was ready to strike Ukraine.\n" | match_stdin ownplan
expect_category "a plan its own side declares: a threat" ownplan threat
# The warning is the speaker's, the plan still Russia's: no threat of
# Russia's (a headline's "Russia plans to ..., UK warns").
body_none warnedplan 'Russia plans to attack the capital, Ukraine warned.'
body_category warnedthreat 'Russia threatened to attack the capital, Ukraine warned.' threat

# Force kept as an option is a threat; ruled out or renounced, a step
# down.
body_category notruleout 'China did not rule out the use of force against Taiwan.' threat
body_category neverrenounce 'China will never renounce the use of force against Taiwan.' threat
body_category ruledout 'China ruled out the use of force against Taiwan.' deescalation
body_category renounced 'China has renounced the use of force.' deescalation

# A response warned of is a retaliation threatened; drills held as a
# warning, in a headline's words too.
printf 'Russia Warns Of Nuclear Response If Nato Intervenes\n\n' | match_stdin warnresp
expect_category "warns of a response: retaliation" warnresp retaliation
printf 'China Holds Drills Near Taiwan As Warning\n\n' | match_stdin aswarning
expect_category "drills as warning: a threat" aswarning threat

# A demand that a side surrender is a threat by the one who demands,
# against the side named; a suspect asked to give himself up is not.
printf 'The rebel garrison must surrender by noon, the Varnian minister said.\n' | match_stdin surrender
expect "a garrison that must surrender: the minister's threat" \
    "$(json_get "$T/surrender.out" '[alerts[0]["category"], alerts[0]["actors"]]')" \
    "['threat', ['official']]"
title_none guns 'The minister urged citizens to surrender unlicensed guns.'
printf 'Police urged the gunman to surrender.\n' | match_stdin gunman
expect "police asking a gunman to surrender: no alert" \
    "$(wc -l < "$T/gunman.out")" 0
# A demand, a deadline or an ultimatum for a surrender is a threat
# whoever the copy names making it, refused or defied; in no story of
# force it is none.
title_category surrenderdemand 'Darfur rebels reject Sudan army demand for surrender of the besieged town' threat
title_category surrenderdeadline 'Varnia army gives Darfur rebels a deadline to surrender the town' threat
title_none surrenderpolitics 'Ostland opposition must not surrender to the ruling party'
# A noun of force as the subject of what is reported names an act, not
# the one who reports it: a forecast of an invasion, no threat of his.
body_none invasionsaid 'An invasion would kill thousands of civilians in Varnia, Ostland'"'"'s envoy warned.'
# A headline's "as" and a name before a present the tables lack opens a
# clause of its own: the revenge plotted is Chad's, not the caller's.
printf '%s\n' 'Sudan urges restraint as Chad plots revenge' | match_stdin plots
expect "a present the tables lack after as: its own subject acts" \
    "$(json_get "$T/plots.out" '[(h["rule"], h["actors"]) for h in alerts[0]["hits"] if h["category"] == "retaliation"]')" \
    "[('retaliation-talk', ['chad'])]"
# A cue before "despite" does not reach into its phrase: what it tells
# happened all the same.
title_rule despite 'Darfur rebels have not left Abeche despite Chad'"'"'s deadline to surrender' threat-surrender-demanded

# A question asks; it does not report a threat.  What stands before a
# colon is said all the same.
title_none asked 'Will Iran strike Israel?'
title_category asked2 'Iran vows to strike Israel: what next?' threat
title_category asked3 'Iran says it will strike Israel -what next?' threat

# Words of force completed by their synonyms: an onslaught or a siege
# threatened, a party vowed dismantled, hideouts and strongholds as
# what force is used on, an offensive ramped up; pounds of money are
# no pounding.
title_rule onslaught 'Sudan threatens a new onslaught on Darfur' threat-of-force
title_rule siege 'Sudan threatens a siege of the Darfur camps' threat-of-force
title_rule dismantle 'Sudan vows to dismantle the RSF' threat-force-party
body_rule pound "Chad's army will pound the strongholds in the hills." threat-force-future
body_rule rampup 'Chad will ramp up its offensive in Darfur, the minister said.' threat-force-future
body_none pounds 'Chad threatened to fine the bank ten million pounds.'

# Words of retaliation completed by their synonyms: retribution vowed,
# a score to settle, a reply robust, disproportionate or adequate,
# dire consequences; a reply to floods is none.
title_rule retribution 'Chad vows retribution against the Darfur rebels' retaliation-vow
title_rule settlescore 'Chad will settle the score with the Darfur rebels' retaliation-future
title_rule robustly 'Chad will respond robustly if Sudan crosses the border' retaliation-future
title_rule disproportionate 'Sudan says any incursion would meet a disproportionate reaction' retaliation-future
title_rule direcons 'Chad says any raid would have dire consequences for Sudan' threat-veiled-suffered
# Consequences "on" a field (health care, trade) are a forecast of an
# act's effect, no price a party will pay.
body_none consequences_on 'The dam closure would have dire consequences on farming in Darfur, the rebels said.'
body_none floodreply 'The minister said Chad would take time to study the response to the heavy floods.'

# Force approved, urged or to be gone ahead with, however worded; a
# union's strikes and a merger gone ahead with are none.
title_rule greenlight 'Chad gives green light to Darfur offensive' threat-of-force
title_rule authorises 'Chad cabinet authorises raids on the Darfur rebels' threat-of-force
title_rule urgestrikes 'Chad army chief urges strikes on Darfur rebels' threat-call
title_rule goahead 'Chad says it will go ahead with Darfur offensive' threat-force-future
title_none unionstrikes 'Union urges strikes over pay in Chad'
title_none merger 'Chad says it will go ahead with the bank merger'
body_none strikefund 'The Chadian council approved the strike fund for the union.'

# A party threatened with force, a deadline for a named force to
# surrender; forced retirement is no force.
title_rule withforce 'Chad threatens Sudan with force' threat-of-force
title_rule deadlinefor 'Chad sets deadline for Darfur rebels to surrender' threat-surrender-demanded
title_none forcedret 'Chad threatened the strikers with forced retirement'

# Forces moved, by the verbs and arms of their kind: paratroopers rushed
# toward a border, battalions redeployed as a warning.
title_rule rushes 'Chad rushes paratroopers toward the Sudanese border' threat-mobilisation
title_rule redeploys 'Sudan redeploys battalions toward Darfur as a warning to Chad' threat-mobilisation

# A safe passage, corridor or safe zone a party opens or declares is a
# step down; not one that is bombed, nor one offered for a surrender.
title_rule corridor 'Chad opens a humanitarian corridor out of Abeche' deescalation-corridor
title_rule safezone 'Sudan declares a safe zone for Darfur villagers' deescalation-corridor
title_rule safepassage 'Darfur rebels agree to safe passage for the wounded' deescalation-corridor
title_none safezonehit 'Sudanese jets bomb a Darfur camp that Sudan had declared a safe zone'
title_none corridorsurrender 'Varnia offers safe passage out of Abeche in return for its surrender'

# HTML: title from <title>, scripts and styles never matched.
"$BRINKD" -c "$T/brink.conf" --match "$M/calm.html" > "$T/html.out"
expect "html: one alert" "$(wc -l < "$T/html.out")" 1
expect "html: the title from <title>" \
    "$(json_get "$T/html.out" 'alerts[0]["item"]["title"]')" \
    "Leaders urge calm after border clash"
expect "html: only deescalation (script and style are not text)" \
    "$(json_get "$T/html.out" 'sorted({h["category"] for h in alerts[0]["hits"]})')" \
    "['deescalation']"
expect "html: entities decoded in the quoted sentence" \
    "$(json_get "$T/html.out" 'any("Pakistan\u2019s prime minister" in h["sentence"] for h in alerts[0]["hits"])')" True

# A feed: every item is an article; trade retaliation and wheat do not fire.
"$BRINKD" -c "$T/brink.conf" --match "$M/feed.rss" > "$T/feed.out"
expect "feed: exit 0" $? 0
expect "feed: two of four items fire" "$(wc -l < "$T/feed.out")" 2
expect "feed: the Houthi threat first, with its link" \
    "$(json_get "$T/feed.out" 'alerts[0]["category"] + " " + alerts[0]["item"]["link"] + " " + alerts[0]["actors"][0]')" \
    "threat https://news.example/1 houthis"
expect "feed: the target is israel" "$(json_get "$T/feed.out" 'alerts[0]["targets"]')" "['israel']"
expect "feed: the date is kept" \
    "$(json_get "$T/feed.out" 'alerts[0]["item"]["published"]')" 2026-11-23T06:00:00Z
expect "feed: the talks are deescalation" \
    "$(json_get "$T/feed.out" 'alerts[1]["category"] + " " + alerts[1]["item"]["id"]')" \
    "deescalation https://news.example/4"

# --explain: why it fired, and what was cancelled.  A denied threat
# counts as de-escalation; a footballer's vow is cancelled by the kind
# of its actor, a vow against tariffs by the rule's exclusion.
printf 'Title\nIran did not threaten to attack Israel. Our striker vowed revenge on Iran.\nChina vowed revenge for the new tariffs.\nIran vowed revenge.\n' \
    > "$T/explain.txt"
"$BRINKD" -c "$T/brink.conf" --match "$T/explain.txt" --explain \
    > "$T/explain.out" 2> "$T/explain.err"
check "explain says the denied threat counts as de-escalation" \
    grep -q 'negated.*: counts as deescalation' "$T/explain.err"
check "explain says the striker's kind cancels his vow" sh -c \
    "grep -A1 'at \"vowed\".*actor sports (sports)' '$T/explain.err' |
    grep -q 'not fired: its actor.s kind is not among actor_kinds'"
check "explain names the exclusion" grep -q 'exclusion "@trade"' "$T/explain.err"
check "explain shows the hit and its actor" \
    grep -q 'hit: rule retaliation-vow.*actors "iran"' "$T/explain.err"
expect "explain keeps stdout for alerts" "$(wc -l < "$T/explain.out")" 1

# Errors: exit 1 with a message naming the file.
"$BRINKD" -c "$T/brink.conf" --match "$T/nonexistent.txt" 2> "$T/err1"
expect "a missing document exits 1" $? 1
check "and is named" grep -q nonexistent.txt "$T/err1"
printf 'rule bad {\n  terms = {"x"}\n  actors = {"nobody"}\n}\n' > "$T/bad.conf"
"$BRINKD" -c "$T/bad.conf" --match "$M/threat.txt" 2> "$T/err2"
expect "a rule naming an unknown actor exits 1" $? 1
check "and names the actor" grep -q nobody "$T/err2"

# A situation (agent "none") is the threat of the party that owns its
# demand: the one "by" names after "set", or the one that qualifies it.
printf 'x\n\n%s\n' 'A Chadian hostage faces a deadline set by Sudan.' | match_stdin demander
expect "a deadline set by a party is its threat" \
    "$(json_get "$T/demander.out" 'alerts[0]["actors"][0] + " " + ",".join(alerts[0]["targets"])')" \
    "sudan chad"
printf '%s\n' 'Chad rejects Sudanese demand for surrender in Darfur war' | match_stdin demand_owner
expect "a demand for surrender is its owner's threat" \
    "$(json_get "$T/demand_owner.out" 'alerts[0]["actors"][0] + " " + ",".join(alerts[0]["targets"])')" \
    "sudan chad"

# A party that acts in a clause told beside a threat ("as ...", "after
# ...") presses, votes or mediates: it is no target of the threat.
printf 'x\n\n%s\n' 'Chad vowed to strike the Darfur rebels as Sudan pressed for a truce.' | match_stdin beside
expect "a mediator beside a threat is not its target" \
    "$(json_get "$T/beside.out" 'alerts[0]["actors"][0] + " " + ",".join(alerts[0]["targets"])')" \
    "chad armed-group"

# A hostage and a deadline: no one acts, so a country named after "in"
# is where the captive is held, not a party threatened.
printf 'x\n\n%s\n' 'A Chadian hostage facing execution in Sudan has days left before the deadline.' | match_stdin scene
expect "a hostage's place is the scene, not a target" \
    "$(json_get "$T/scene.out" 'alerts[0]["rule"] + " " + ",".join(alerts[0]["targets"])')" \
    "threat-hostage-deadline chad"

# A verb of intent's bare form after a noun that a preposition opens is
# a compound noun's head ("the truce plan"), no verb: the edits Chad
# put forward are its own step, not a plan Sudan reports of it.
title_rule compoundplan 'Sudan says a few of Chad'"'"'s proposed edits to the truce plan in Darfur look fair' deescalation-talks

# A truce or talks a headline names as its topic, before its colon,
# are news of them; talks in no story of conflict, or a topic told
# turned down, raise nothing; a phrase with its own verb is no topic.
title_category topictruce 'Darfur truce: aid convoys roll into the camps' deescalation
title_rule topictalks 'Chad peace talks: what the envoys want' deescalation-truce-topic
# War declared on a party, or bare, is a threat; on a thing, a campaign.
title_rule wardeclared 'Sudan declares war on Chad over the border raids' threat-war-declared-on
title_rule atwar 'Chad declares it is at war as Darfur rebels shell its towns' threat-war-declared
# A warning against force is a threat from the rival of the one warned,
# advice from any other.
title_rule warned_against 'Sudan warns the RSF against attacking Darfur towns' threat-warned-against
title_none warned_ally 'Chad warns Sudan against an invasion of Darfur'
# Every course kept open is a veiled threat in a story of conflict.
title_rule all_open "'All scenarios open': RSF chief in first speech since Darfur war" threat-all-open
title_none all_open_trade 'Japan keeps all options open on the trade pact'
title_none warcampaign 'Sudan declares war on locusts and drought'
title_none warrenters 'Sudanese renters declare war on Chadian landlords'
# A truce after which news happens, a pause during which it does, is
# in effect; not one that ended, force after one, nor what would follow
# one; what goes on despite a truce is mostly force.
title_rule during_pause 'Aid convoy reaches Abeche during a pause in the Darfur fighting' deescalation-truce-amid
title_rule after_truce 'Darfur villagers return home after the ceasefire' deescalation-truce-after
title_none after_truce_ends 'Darfur villagers flee again after the truce ends'
body_none after_would 'Chadian troops would deploy to Darfur only after any lasting ceasefire.'
body_none after_op 'Days after the truce took hold, Chad began an operation in Darfur.'
body_none despite_truce 'Despite the truce, the Chad army kept shelling Darfur villages.'
title_none topicmerger 'Merger talks: what the bankers want'
title_none topicrefused 'Darfur truce: Chad turns down the terms'
title_none topicpay 'Pay talks: union leaders meet the bosses'

# The seed articles (real text, kept beside the repository).
SEEDS="$BRINK_SHARED/corpus/seeds"
if [ ! -d "$SEEDS" ]; then
	echo "# seeds skipped: $SEEDS is not there"
	finish
fi
for f in "$SEEDS"/*.txt; do
	n=$(basename "$f" | cut -c1-3)
	"$BRINKD" -c "$T/brink.conf" --match "$f" > "$T/seed$n.out" ||
	    fail "seed $n: brinkd failed"
done
for n in 001 002 004; do
	expect "seed $n: threat or retaliation fires" \
	    "$(json_get "$T/seed$n.out" 'any(h["category"] in ("threat", "retaliation") for h in alerts[0]["hits"])')" True
done
# De-escalation on all five seeds, as issue 10 asks.  Steps down are
# labelled in 001 and 004 only (tests/eval/seeds-sentences.tsv): 000
# and 003 tell the UK's call on Iran to use its influence against
# escalation, which raises Iran, the party asked, not the UK, a caller
# not fighting (LABELS.md).
for n in 000 001 002 003 004; do
	expect "seed $n: deescalation fires" \
	    "$(json_get "$T/seed$n.out" 'any(h["category"] == "deescalation" for h in alerts[0]["hits"])')" True
done
names() {
	json_get "$T/seed$1.out" 'sorted(set(alerts[0]["actors"]) | set(alerts[0]["targets"]))'
}
has_actors() {
	n=$1; shift
	got=$(names "$n")
	for a in "$@"; do
		case "$got" in
		*"'$a'"*) ;;
		*) fail "seed $n: actor $a not named in $got"; return ;;
		esac
	done
	pass "seed $n names $*"
}
has_actors 000 us iran israel hezbollah
# 001 names Hezbollah in no hit: its one sentence with a hit on
# Hezbollah was Iran's account that the US had not threatened it, which
# no one acting has disowned (seeds_eval labels it none).
has_actors 001 iran us israel hamas
# 002 names Hezbollah only in a guess ("there's a chance Hezbollah
# could retaliate"), which is no one's threat and raises no hit.
# 002 named the UK only in its prime minister's call for a ceasefire
# in Gaza, a war it does not fight, asked of no one: a bystander's hope
# (LABELS.md; seeds_eval labels it none), no step down since callers.
has_actors 002 iran israel hamas
has_actors 003 iran
has_actors 004 iran us israel hamas
expect "seed 002: Iran's vow to respond at the right time is Iran's" \
    "$(json_get "$T/seed002.out" '[h["actors"] for h in alerts[0]["hits"] if "at the right time" in h["terms"]][0]')" \
    "['iran']"
expect "seed 004: the vow to avenge is Iran's" \
    "$(json_get "$T/seed004.out" '[h["actors"] for h in alerts[0]["hits"] if h["category"] == "retaliation" and "avenge" in h["sentence"]][0]')" \
    "['iran']"
finish
