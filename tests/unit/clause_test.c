/*
 * clause_test: tense, mood, negation, subjects, speakers and conditions
 * as clause_verb_at() reports them for the words a rule would look at.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "../../src/clause.h"

static const struct clause_lang *english;
static struct text_doc doc;
static struct clause_sentence cs;

/* Analyse text as one sentence (a headline when headline is 1). */
static void
analyse(const char *text, int headline)
{
	clause_sentence_free(&cs);
	text_doc_free(&doc);
	if (text_analyse(text, strlen(text), &doc) == -1 ||
	    doc.n_sentences == 0 ||
	    clause_analyse(english, &doc, &doc.sentences[0], headline,
	    &cs) == -1)
		abort();
}

/* The first token folded as word. */
static size_t
token(const char *word)
{
	size_t i;

	for (i = 0; i < doc.n_tokens; i++)
		if (strcmp(doc.tokens[i].fold, word) == 0)
			return i;
	return doc.n_tokens;
}

/* "tense=... mood=... negated=..." for the group governing word. */
static const char *
verb(const char *word)
{
	static char buf[256];
	struct clause_verb v;

	if (clause_verb_at(&cs, &doc, token(word), &v) == -1)
		return "(no verb)";
	clause_verb_describe(&v, buf, sizeof(buf));
	return buf;
}

static const char *
words(size_t first, size_t end)
{
	static char buf[256];
	size_t i, used = 0;

	buf[0] = '\0';
	for (i = first; i < end && used < sizeof(buf); i++)
		used += snprintf(buf + used, sizeof(buf) - used, "%s%s",
		    i > first ? " " : "", doc.tokens[i].fold);
	return buf;
}

static const char *
speaker(const char *word)
{
	const struct clause *c = clause_at(&cs, token(word));

	return c == NULL ? "(none)" : words(c->speaker_first, c->speaker_end);
}

static const char *
subject(const char *word)
{
	const struct clause *c = clause_at(&cs, token(word));

	return c == NULL ? "(none)" : words(c->subj_first, c->subj_end);
}

static int
role(const char *word)
{
	const struct clause *c = clause_at(&cs, token(word));

	return c == NULL ? -1 : (int)c->role;
}

static void
test_tense(void)
{
	analyse("Rebels attacked the town on Sunday.", 0);
	CHECK_STR(verb("attacked"), "tense=past mood=none negated=no",
	    "an -ed verb is past");
	CHECK_STR(verb("town"), "tense=past mood=none negated=no",
	    "its object is governed by it");
	analyse("Iran will retaliate against any aggression.", 0);
	CHECK_STR(verb("retaliate"), "tense=future mood=none negated=no",
	    "will: future");
	analyse("The army is going to launch an offensive.", 0);
	CHECK_STR(verb("launch"), "tense=future mood=none negated=no",
	    "is going to: future");
	analyse("Troops are about to enter the city.", 0);
	CHECK_STR(verb("enter"), "tense=future mood=none negated=no",
	    "are about to: future");
	analyse("The president is to visit Tehran next week.", 0);
	CHECK_STR(verb("visit"), "tense=future mood=none negated=no",
	    "is to: future");
	analyse("Militants have seized the airport.", 0);
	CHECK_STR(verb("seized"), "tense=past mood=none negated=no perfect",
	    "have + participle: past, perfect");
	analyse("The embassy was attacked by a mob.", 0);
	CHECK_STR(verb("attacked"), "tense=past mood=none negated=no passive",
	    "was + participle: past, passive");
	analyse("Hackers are attacking the network.", 0);
	CHECK_STR(verb("network"), "tense=present mood=none negated=no",
	    "are + -ing: present");
	analyse("Iran attacks Israel every year.", 0);
	CHECK_STR(verb("attacks"), "tense=present mood=none negated=no",
	    "a verb of the news in -s: present");
	analyse("The envoy recommends that both sides accept the plan.", 0);
	CHECK_STR(verb("recommends"), "tense=present mood=none negated=no",
	    "a verb of diplomacy in -s: present");
	analyse("Displaced villagers face attacks and abuse.", 0);
	CHECK_STR(verb("attacks"), "(no verb)",
	    "but not a plural before 'and'");
	analyse("Gunmen shot two guards and fled.", 0);
	CHECK_STR(verb("shot"), "tense=past mood=none negated=no",
	    "an irregular past form");
	analyse("Armed men stormed the building.", 0);
	CHECK_STR(verb("building"), "tense=past mood=none negated=no",
	    "'armed' before a noun is not the verb");
	CHECK_STR(subject("stormed"), "armed men", "the subject keeps it");
	analyse("Iran-backed militants fired rockets at the base.", 0);
	CHECK_STR(verb("rockets"), "tense=past mood=none negated=no",
	    "'backed' in a compound is not the verb");
	CHECK_STR(subject("fired"), "iran backed militants",
	    "the compound is the subject");
}

static void
test_modality(void)
{
	analyse("The missiles could reach Europe.", 0);
	CHECK_STR(verb("reach"), "tense=present mood=modal,guess negated=no",
	    "could: modal, and a guess when no one says it");
	analyse("The country can build a nuclear bomb.", 0);
	CHECK_STR(verb("bomb"), "tense=present mood=ability negated=no",
	    "can: a capability");
	analyse("Iran is capable of striking Israel.", 0);
	CHECK_STR(verb("striking"), "tense=present mood=ability negated=no",
	    "capable of: a capability");
	analyse("Russia will be able to overrun Ukraine.", 0);
	CHECK_STR(verb("overrun"), "tense=future mood=ability negated=no",
	    "will be able to: a capability to come, not a threat");
	analyse("Russia is able to overrun Ukraine.", 0);
	CHECK_STR(verb("overrun"), "tense=present mood=ability negated=no",
	    "is able to: a capability");
	analyse("Russia is willing to invade.", 0);
	CHECK_STR(verb("willing"), "tense=present mood=intent negated=no",
	    "is willing to: the copula's group is an intent");
	analyse("The army is ready to invade.", 0);
	CHECK_STR(verb("invade"), "tense=present mood=intent negated=no",
	    "ready to: intent");
	analyse("Russia plans to deploy more troops.", 0);
	CHECK_STR(verb("troops"), "tense=present mood=intent negated=no",
	    "plans to: intent");
	analyse("Troops were poised to attack the city.", 0);
	CHECK_STR(verb("attack"), "tense=past mood=intent negated=no",
	    "poised to: intent, and no passive: the troops mean to act");
	analyse("Russia is prepared to launch an attack.", 0);
	CHECK_STR(verb("launch"), "tense=present mood=intent negated=no",
	    "is prepared to: intent, not a passive");
	analyse("The plan was prepared by the staff.", 0);
	CHECK_STR(verb("prepared"), "tense=past mood=none negated=no passive",
	    "was prepared by: still a passive");
	analyse("Varnia is likely to attack Ostland.", 0);
	CHECK_STR(verb("attack"), "tense=future mood=forecast negated=no",
	    "is likely to: the writer's forecast of the act");
	analyse("Varnia is unlikely to attack Ostland.", 0);
	CHECK_STR(verb("attack"),
	    "tense=future mood=guess,belief,forecast negated=no",
	    "is unlikely to: a forecast that the act will not come, a guess");
	analyse("Varnia is widely expected to attack Ostland.", 0);
	CHECK_STR(verb("attack"),
	    "tense=present mood=forecast negated=no passive",
	    "is expected to: a belief with no believer, a forecast");
	analyse("Varnia likely to attack Ostland", 1);
	CHECK_STR(verb("attack"), "tense=future mood=headline,forecast "
	    "negated=no", "a headline's likely to: a forecast");
	analyse("Varnia is set to attack Ostland.", 0);
	CHECK_STR(verb("attack"), "tense=present mood=intent negated=no",
	    "is set to: a plan, no forecast");
}

static void
test_threats(void)
{
	analyse("Hezbollah vowed to fight back.", 0);
	CHECK_STR(verb("fight"), "tense=past mood=threat negated=no",
	    "vowed to: the infinitive is a past threat");
	analyse("The group has threatened to attack shipping.", 0);
	CHECK_STR(verb("shipping"), "tense=past mood=threat negated=no perfect",
	    "threatened to: threat");
	analyse("Iran warned of retaliation.", 0);
	CHECK_STR(verb("retaliation"), "tense=past mood=threat negated=no",
	    "warned of + noun: threat");
	analyse("The general warned that his forces would strike.", 0);
	CHECK_STR(verb("strike"), "tense=future mood=modal,threat negated=no",
	    "warned that ... would: future, modal, threat");
	CHECK_STR(speaker("strike"), "the general", "the warner speaks");
	CHECK_INT(role("strike"), CLAUSE_REPORTED, "the warning is reported");
}

/* A reported clause takes a threat act from its frame, and remembers
 * that it is the frame's: "Ukraine warned that Russia plans to attack"
 * is Ukraine's warning of Russia's plan. */
static void
test_framed_mood(void)
{
	struct clause_verb v;

	analyse("Ukraine warned that Russia plans to attack the capital.", 0);
	CHECK(clause_verb_at(&cs, &doc, token("attack"), &v) == 0 &&
	    (v.mood & CLAUSE_THREAT) && (v.framed & CLAUSE_THREAT) &&
	    (v.mood & CLAUSE_INTENT), "the threat act is the frame's");
	analyse("Ukraine said that Russia threatened to attack the capital.",
	    0);
	CHECK(clause_verb_at(&cs, &doc, token("attack"), &v) == 0 &&
	    (v.mood & CLAUSE_THREAT) && !(v.framed & CLAUSE_THREAT),
	    "a threat act of the reported clause's own is its own");
	analyse("Ukraine warned that Russia threatened to attack the capital.",
	    0);
	CHECK(clause_verb_at(&cs, &doc, token("attack"), &v) == 0 &&
	    !(v.framed & CLAUSE_THREAT), "even under a warning");
}

/* "Warned Russia not to invade": the negation is the demand's, and the
 * object is the one who would act. */
static void
test_demand_not_to(void)
{
	analyse("The US warned Russia not to invade Ukraine.", 0);
	CHECK_INT(clause_demand_not_to(&cs, token("to")), 1,
	    "warned X not to: a demand that X not act");
	analyse("The UN told the militias never to attack again.", 0);
	CHECK_INT(clause_demand_not_to(&cs, token("to")), 1,
	    "told X never to: too");
	analyse("Russia decided not to invade Ukraine.", 0);
	CHECK_INT(clause_demand_not_to(&cs, token("to")), 0,
	    "decided not to: the subject's own");
	analyse("Russia said it would not invade Ukraine.", 0);
	CHECK_INT(clause_demand_not_to(&cs, token("invade")), 0,
	    "no to: no demand");
}

static void
test_to_preposition(void)
{
	analyse("Chad will send aid to besieged towns in Darfur.", 0);
	CHECK_INT(clause_to_preposition(&cs, &doc, token("to")), 1,
	    "to before a participle: a preposition");
	analyse("The envoy was to travel to occupied villages.", 0);
	CHECK_INT(clause_to_preposition(&cs, &doc, token("to") + 2), 1,
	    "the second to, before occupied: a preposition");
	CHECK_INT(clause_to_preposition(&cs, &doc, token("to")), 0,
	    "the first, before travel: an infinitive");
	analyse("Sudan vowed to attack the rebels.", 0);
	CHECK_INT(clause_to_preposition(&cs, &doc, token("to")), 0,
	    "to before a base form: an infinitive");
	analyse("Sudan plans to put troops on the border.", 0);
	CHECK_INT(clause_to_preposition(&cs, &doc, token("to")), 0,
	    "to put: a base form that is also a past one");
	analyse("Sudan sent troops to the border.", 0);
	CHECK_INT(clause_to_preposition(&cs, &doc, token("to")), 0,
	    "to before an article: not this case");
}

/* What the head says reaches its arguments, not the phrases inside
 * them, unless a light word carries it on. */
static void
test_arguments(void)
{
	analyse("Villagers prepared to bury victims of a bomb attack.", 0);
	CHECK_STR(verb("bury"), "tense=past mood=intent negated=no",
	    "prepared to: intent");
	CHECK_STR(verb("attack"), "tense=none mood=none negated=no",
	    "but not for a phrase inside its object");
	analyse("The group vowed revenge for the attack.", 0);
	CHECK_STR(verb("revenge"), "tense=past mood=threat negated=no",
	    "vowed + object: threat");
	CHECK_STR(verb("attack"), "tense=none mood=none negated=no",
	    "the attack avenged is no threat");
	analyse("Hamas threatened a wave of attacks.", 0);
	CHECK_STR(verb("attacks"), "tense=past mood=threat negated=no",
	    "a wave of: the threat carries on");
	analyse("Iran warned Israel of retaliation.", 0);
	CHECK_STR(verb("retaliation"), "tense=past mood=threat negated=no",
	    "warned X of: a second argument");
	analyse("Rebels will launch a series of strikes.", 0);
	CHECK_STR(verb("strikes"), "tense=future mood=none negated=no",
	    "launch a series of: still the future");
	/* A bare noun between "in" or "as" and a preposition is the
	 * reason for the group's own act, past arguments before it. */
	analyse("The army pulled its troops from the border in retaliation "
	    "for the raids.", 0);
	CHECK_STR(verb("retaliation"), "tense=past mood=reason negated=no",
	    "in retaliation for: the act done, with its tense");
	CHECK_STR(verb("raids"), "tense=none mood=none negated=no",
	    "what it answers is no act of the group");
	analyse("Iran will strike in retaliation for the killing.", 0);
	CHECK_STR(verb("retaliation"), "tense=future mood=reason negated=no",
	    "in retaliation for a future act: the future");
	analyse("Hamas fired rockets, as revenge for the raid.", 0);
	CHECK_STR(verb("revenge"), "tense=past mood=reason negated=no",
	    "as revenge for, after a comma: the act before it");
	analyse("The army attacked towns in Darfur for weeks.", 0);
	CHECK_STR(verb("darfur"), "tense=none mood=none negated=no",
	    "a name after \"in\" is a place, no reason");
	analyse("The militia shelled the camp in an act of revenge and "
	    "terror.", 0);
	CHECK_STR(verb("revenge"), "tense=past mood=reason negated=no",
	    "in an act of revenge: the reason, past a noun and its of");
}

static void
test_negation(void)
{
	analyse("Iran has no plans to strike Israel.", 0);
	CHECK_STR(verb("strike"), "tense=present mood=intent negated=yes",
	    "no plans to: negated intent");
	analyse("Iran has no intention of attacking anyone.", 0);
	CHECK_STR(verb("attacking"), "tense=present mood=intent negated=yes",
	    "no intention of: negated intent");
	analyse("The army will not attack civilians.", 0);
	CHECK_STR(verb("attack"), "tense=future mood=none negated=yes",
	    "will not: negated future");
	analyse("The rebels no longer control the town.", 0);
	CHECK_STR(verb("control"), "tense=present mood=none negated=yes",
	    "no longer: negated");
	analyse("Israel vowed never to negotiate.", 0);
	CHECK_STR(verb("negotiate"), "tense=past mood=threat negated=yes",
	    "vowed never to: negated threat");
	/* Not ruling something out keeps it open: a live threat, read as
	 * a possibility (modal), never as a negation. */
	analyse("Israel did not rule out strikes.", 0);
	CHECK_STR(verb("strikes"), "tense=past mood=modal negated=no",
	    "did not rule out: not negated, a possibility");
	analyse("Iran refused to rule out retaliation.", 0);
	CHECK_STR(verb("retaliation"), "tense=past mood=modal negated=no",
	    "refused to rule out: not negated either");
	analyse("Israel ruled out a ground offensive.", 0);
	CHECK_STR(verb("offensive"), "tense=past mood=denied negated=yes",
	    "ruled out: denied");
	/* A headline's piece after a comma with a subject and an -ing
	 * verb of its own is a clause, no item of a list: the negation
	 * and the demand before the comma stay there. */
	analyse("Ostland urged Varnia not to attack Abeche, Chad reviewing "
	    "truce proposal", 1);
	CHECK_STR(verb("reviewing"), "tense=none mood=headline negated=no",
	    "a progressive of its own after a comma: not negated");
	analyse("Varnia vowed not to attack Abeche, Kidal or Gao", 1);
	CHECK_STR(verb("kidal"), "tense=past mood=threat,headline "
	    "negated=yes", "but a list's item still hangs on the group");
	/* A word after a phrasal verb's particle is its object, a noun,
	 * though it may also be a verb ("demands", "attacks"). */
	analyse("Sudan scales back demands in the talks with Chad", 1);
	CHECK_STR(verb("demands"), "tense=past mood=headline negated=no",
	    "scales back demands: the object, no demand");
	CHECK_STR(subject("scales"), "sudan",
	    "and the unknown -s word before the particle is the verb");
}

static void
test_denials(void)
{
	analyse("The ministry denied it would attack.", 0);
	CHECK_STR(verb("attack"), "tense=future mood=modal,denied negated=yes",
	    "denied it would attack: the attack is negated");
	CHECK_STR(speaker("attack"), "the ministry", "the denier speaks");
	analyse("Iran denied that it had attacked the tanker.", 0);
	CHECK_STR(verb("tanker"), "tense=past mood=denied negated=yes perfect",
	    "denied that: negated");
	analyse("Tehran rejected calls to halt enrichment.", 0);
	CHECK_STR(verb("halt"), "tense=past mood=denied negated=yes",
	    "rejected calls to halt: negated");
	analyse("Officials did not deny that troops would move.", 0);
	CHECK_STR(verb("move"), "tense=future mood=modal negated=no",
	    "did not deny: not negated");
	analyse("The West wants actions not words from Russia.", 0);
	CHECK(clause_contrast_not(&cs, token("not")),
	    "actions not words: a contrast");
	analyse("Peace, not war, is the aim.", 0);
	CHECK(clause_contrast_not(&cs, token("not")), "peace, not war: too");
	analyse("Iran does not want war.", 0);
	CHECK(!clause_contrast_not(&cs, token("not")),
	    "does not want: a negation");
	analyse("Iran not planning attack", 1);
	CHECK(!clause_contrast_not(&cs, token("not")),
	    "a headline's not before a verb: a negation");
	analyse("Iran not behind the attacks", 1);
	CHECK(!clause_contrast_not(&cs, token("not")),
	    "nor before a preposition");
	analyse("Chad has no plans to attack.", 0);
	CHECK(clause_no_determiner(&cs, token("no")),
	    "no before a noun: a determiner, denying its phrase");
	analyse("Chad said no to the attack.", 0);
	CHECK(!clause_no_determiner(&cs, token("no")),
	    "said no: no determiner");
	analyse("Chad does not plan an attack.", 0);
	CHECK(!clause_no_determiner(&cs, token("not")),
	    "not is no determiner");
}

static void
test_reported(void)
{
	analyse("Israel will strike back, the defence minister said.", 0);
	CHECK_STR(speaker("strike"), "the defence minister",
	    "..., X said: X speaks the clause before");
	CHECK_INT(role("strike"), CLAUSE_REPORTED, "it is reported");
	CHECK_INT(role("said"), CLAUSE_MAIN, "the frame is the main clause");
	analyse("Troops will withdraw, said the minister.", 0);
	CHECK_STR(speaker("withdraw"), "the minister",
	    "..., said X: X speaks");
	/* A participle set off by a comma is no "..., said X": its
	 * subject is the main clause's, and it reports nothing before. */
	analyse("The militia published a recording on Sunday, threatening "
	    "raids on the port.", 0);
	CHECK_STR(subject("threatening"), "the militia",
	    "..., threatening ...: the main clause's subject");
	CHECK_INT(role("published"), CLAUSE_MAIN,
	    "and the clause before is not what it reports");
	CHECK_STR(speaker("published"), "", "so it has no speaker");
	/* Without "that": a "to" before an article is a preposition in
	 * the reported subject, no infinitive after the verb of speech. */
	analyse("Russia said the response to the seizure of its ship would "
	    "be harsh.", 0);
	CHECK_STR(subject("response"), "the response to the seizure of its "
	    "ship", "said X to the Y would: X to the Y is the subject");
	CHECK_STR(verb("response"), "tense=future mood=modal negated=no",
	    "and the reported group is its verb");
	/* Without "that": a pronoun that is only ever a subject opens
	 * the clause it is the subject of, however far from the verb. */
	analyse("The agency knew he planned to attack the school.", 0);
	CHECK_STR(subject("planned"), "he", "knew he planned: he plans, "
	    "not the agency");
	analyse("The rebels said in a radio message on Friday they would "
	    "free the captives, state television reported.", 0);
	CHECK_STR(subject("free"), "they", "said ... they would: they "
	    "are the subject");
	CHECK_STR(speaker("free"), "the rebels", "and the rebels speak, "
	    "past a phrase of time and place, not the television");
	/* A bare verb form that a singular article opens, past an
	 * adjective, is a noun: the object of the denial, no clause it
	 * reports.  Its -s form is a singular subject's verb. */
	analyse("Chad refused a Sudanese demand to surrender the town.", 0);
	CHECK_STR(subject("demand"), "chad", "refused a Sudanese demand: "
	    "Chad refuses, no clause with a Sudanese as its subject");
	CHECK_STR(speaker("demand"), "", "and no one reports it");
	analyse("Chad said a Sudanese envoy demands the town.", 0);
	CHECK_STR(subject("demands"), "a sudanese envoy", "said a Sudanese "
	    "envoy demands: the -s form is the reported verb");
	analyse("Chad said a dozen soldiers plan to attack.", 0);
	CHECK_STR(subject("plan"), "a dozen soldiers", "said a dozen "
	    "soldiers plan: a plural before the bare form, a verb");
	analyse("Chad says it will attack the rebels.", 0);
	CHECK_STR(subject("attack"), "it", "says it will: it is the "
	    "subject");
	CHECK_STR(speaker("attack"), "chad", "and Chad speaks");
	analyse("The minister told the army to attack the town.", 0);
	CHECK_INT(role("attack"), CLAUSE_MAIN, "told X to attack: one "
	    "clause still");
	analyse("According to officials, the rebels will attack the capital.",
	    0);
	CHECK_STR(speaker("attack"), "officials", "according to X: X speaks");
	CHECK_STR(subject("attack"), "the rebels", "the rebels are the subject");
	analyse("China could strike Taiwan - US officials", 1);
	CHECK_STR(speaker("strike"), "us officials",
	    "a headline's source after a dash speaks");
	analyse("China could strike Taiwan - US officials", 0);
	CHECK_STR(speaker("strike"), "",
	    "not outside a headline");
	analyse("China could strike Taiwan, US officials", 1);
	CHECK_STR(speaker("strike"), "", "nor after a comma");
	analyse("The spokesman told reporters the army would respond.", 0);
	CHECK_STR(speaker("respond"), "the spokesman",
	    "told reporters + clause without that");
	CHECK_STR(subject("respond"), "the army",
	    "the object is not the subject");
	analyse("Officials said Iran warned that it would respond.", 0);
	CHECK_STR(speaker("respond"), "iran", "the nearest frame speaks");
	CHECK_STR(speaker("warned"), "officials", "and is itself reported");
	analyse("Oil will flow despite a rebel threat to attack workers.", 0);
	CHECK_STR(verb("attack"), "tense=none mood=threat negated=no",
	    "a threat to + verb in a verb-less phrase: threat, no tense");
	analyse("The province faced epidemics after the flood killed "
	    "hundreds of people.", 0);
	CHECK_STR(verb("killed"), "tense=past mood=none negated=no",
	    "after + a finite verb opens a clause of its own");
	analyse("The United States says it will act.", 0);
	CHECK_STR(subject("says"), "the united states",
	    "'United States' is a name, not a verb");
	analyse("Rebels attacked the town.", 0);
	CHECK_STR(speaker("attacked"), "", "a plain clause has no speaker");
	CHECK_INT(role("attacked"), CLAUSE_MAIN, "and is the main clause");
	analyse("On Monday the rebels attacked the base.", 0);
	CHECK_STR(subject("attacked"), "the rebels",
	    "a time phrase is not the subject");
	analyse("Police arrested the militants who attacked the bus.", 0);
	CHECK_STR(subject("bus"), "militants",
	    "a relative clause's subject is the noun before");
	CHECK_INT(role("bus"), CLAUSE_RELATIVE, "who: a relative clause");
	analyse("Iran denied the report and vowed to retaliate.", 0);
	CHECK_STR(subject("vowed"), "iran", "and + verb: the same subject");
	CHECK_STR(verb("retaliate"), "tense=past mood=threat negated=no",
	    "and the second verb's own chain");
	analyse("The rebels rejected violence and agreed to talks.", 0);
	CHECK_STR(subject("agreed"), "the rebels",
	    "and + a plain past verb: the same subject, no complement");
	CHECK_STR(verb("agreed"), "tense=past mood=none negated=no",
	    "not denied by the verb before the and");
	/* A relative clause set off by commas: the noun phrase before it
	 * is the subject of the verb after it, not the infinitive's
	 * object after the verb. */
	analyse("Hamas, which rules Gaza, vowed to attack Israel.", 0);
	CHECK_STR(subject("vowed"), "hamas",
	    "X, which ..., vowed: X is the subject");
	analyse("Officials in Chad, who had opposed the plan, vowed to attack.",
	    0);
	CHECK_STR(subject("vowed"), "officials in chad",
	    "X, who had ..., vowed: the whole phrase before");
	analyse("The militants, angry at the raid, vowed to attack the town.",
	    0);
	CHECK_STR(subject("vowed"), "the militants",
	    "..., vowed to: what follows is no inverted subject");
	analyse("A spokesman said American and British vessels would be "
	    "targeted.", 0);
	CHECK_STR(speaker("targeted"), "a spokesman",
	    "said X and Y would: one reported clause, not two");
	analyse("Pakistan said India would pay a heavy price, and vowed to "
	    "respond.", 0);
	CHECK_STR(subject("vowed"), "pakistan",
	    "said ..., and vowed: the frame's subject, not the reported one");
	analyse("Iran said that Israel attacked the port and killed ten.", 0);
	CHECK_STR(subject("killed"), "israel",
	    "and + verb inside what is reported: its subject");
	analyse("Israel and Hamas, under pressure from Egypt, agreed to a "
	    "truce.", 0);
	CHECK_STR(subject("agreed"), "israel and hamas",
	    "subject, aside, then an -ed verb: the verb and its subject");
	analyse("In Baghdad, armed men seized two drivers.", 0);
	CHECK_STR(subject("seized"), "armed men",
	    "a phrase of place first: no verb taken from the subject");
	/* A relative clause without commas, then the main clause's verb. */
	analyse("The gunmen who seized a bus said they would blow it up.", 0);
	CHECK_STR(speaker("blow"), "the gunmen",
	    "X who seized a bus said: X speaks, not the relative clause");
	CHECK_INT(role("seized"), CLAUSE_RELATIVE, "who seized: relative");
	CHECK_STR(verb("seized"), "tense=past mood=background negated=no",
	    "and told of the noun: background");
	CHECK_STR(verb("blow"), "tense=future mood=modal negated=no",
	    "the main clause's reported group is none");
	analyse("Police arrested the militants who attacked the bus.", 0);
	CHECK_INT(role("bus"), CLAUSE_RELATIVE,
	    "a relative clause at the end keeps its object");
	/* An event told as the start of a time is background. */
	analyse("The envoys met for the first time since Chad and Sudan "
	    "signed the truce.", 0);
	CHECK_STR(verb("signed"), "tense=past mood=background negated=no",
	    "since Chad and Sudan signed: background");
	CHECK_STR(verb("met"), "tense=past mood=none negated=no",
	    "the main clause before it: the news");
	/* An event an "until" clause waits for has not come: the
	 * condition the main clause sets, which stays real. */
	analyse("Darfur militias will keep fighting until the last "
	    "Sudanese soldier leaves the valley.", 0);
	CHECK_STR(verb("leaves"), "tense=present mood=condition negated=no",
	    "until the last soldier leaves: a condition");
	CHECK_STR(verb("fighting"), "tense=future mood=none negated=no",
	    "the main clause before it: no condition");
	analyse("Darfur militias will keep fighting until the last "
	    "Sudanese soldier leaves, their leader said.", 0);
	CHECK_STR(verb("leaves"), "tense=present mood=condition negated=no",
	    "until, reported by a frame after it: a condition");
	analyse("Shelling of the valley went on until the Darfur truce "
	    "took effect at dawn.", 0);
	CHECK_STR(verb("took"), "tense=past mood=none negated=no",
	    "until, told in the past: the end came, no condition");
}

static void
test_conditions(void)
{
	analyse("If Israel attacks, Iran will respond.", 0);
	CHECK_STR(verb("respond"),
	    "tense=future mood=conditional negated=no",
	    "the main clause of if is conditional");
	CHECK_INT(role("israel"), CLAUSE_CONDITION, "if opens a condition");
	CHECK_STR(verb("attacks"),
	    "tense=present mood=conditional,condition negated=no",
	    "and the group inside it is the condition itself");
	analyse("Any deal would depend on the rebels pulling their forces "
	    "back.", 0);
	CHECK_INT(role("rebels"), CLAUSE_CONDITION,
	    "depend on opens a condition");
	CHECK_STR(verb("pulling"),
	    "tense=none mood=conditional,condition negated=no",
	    "and what it depends on is the condition, with no finite verb");
	analyse("The aid provided on Monday will feed the town.", 0);
	CHECK_INT(role("monday"), CLAUSE_MAIN,
	    "a participle before on opens no condition");
	analyse("Militants threatened to kill the hostages unless their "
	    "demands are met.", 0);
	CHECK_STR(verb("kill"), "tense=past mood=threat,conditional negated=no",
	    "threatened to kill ... unless: threat and condition");
	analyse("Israel must withdraw or face the consequences.", 0);
	CHECK_STR(verb("withdraw"),
	    "tense=present mood=modal,conditional,demand,obligation "
	    "negated=no", "must ... or: a demand, an obligation");
	CHECK_STR(verb("face"), "tense=future mood=conditional negated=no",
	    "or + bare verb: the conditional consequence");
	analyse("Leave the area now, otherwise we will attack.", 0);
	CHECK_STR(verb("attack"),
	    "tense=future mood=conditional negated=no",
	    "otherwise: conditional");
	analyse("The premier warned the city it must hand over the "
	    "gunmen or face an assault.", 0);
	CHECK_STR(verb("assault"),
	    "tense=future mood=threat,conditional negated=no",
	    "a warned demand's 'or face': threat and condition");
	CHECK_STR(speaker("assault"), "the premier",
	    "and the warner speaks it");
	analyse("The army gave the rebels 48 hours to surrender.", 0);
	CHECK_STR(verb("surrender"), "tense=past mood=demand negated=no",
	    "gave ... hours to: a demand");
	analyse("The UN urged both sides to stop the fighting.", 0);
	CHECK_STR(verb("stop"), "tense=past mood=demand negated=no",
	    "urged ... to: a demand");
	analyse("Washington called on Iran to halt enrichment.", 0);
	CHECK_STR(verb("halt"), "tense=past mood=demand negated=no",
	    "called on ... to: a demand");
}

/* Appeals: a step urged, asked or laid on another party is a demand,
 * however the appeal is put. */
static void
test_appeals(void)
{
	analyse("The envoy told the rebels to lay down their arms.", 0);
	CHECK_STR(verb("lay"), "tense=past mood=demand negated=no",
	    "told ... to: an order");
	analyse("The envoy told the rebels that talks would resume.", 0);
	CHECK(strstr(verb("resume"), "demand") == NULL,
	    "told ... that: speech, no order");
	analyse("The ministry asked its partners to press Varnia to keep "
	    "the truce.", 0);
	CHECK_STR(verb("keep"), "tense=past mood=demand negated=no",
	    "asked ... to press ... to: a demand along the chain");
	analyse("Ostland pressed Varnia to avoid a wider war.", 0);
	CHECK_STR(verb("avoid"), "tense=past mood=demand negated=no",
	    "pressed ... to: a demand");
	analyse("Ostland pressed ahead with the offensive.", 0);
	CHECK(strstr(verb("offensive"), "demand") == NULL,
	    "pressed ahead: none");
	analyse("The council implored the militias in the north to end the "
	    "siege.", 0);
	CHECK_STR(verb("end"), "tense=none mood=demand negated=no",
	    "implored ... to: a demand, past a phrase");
	analyse("The envoy urged Varnia to use its sway over the militias "
	    "to avert a war.", 0);
	CHECK_STR(verb("avert"), "tense=none mood=demand negated=no",
	    "a purpose 'to' after a phrase is still demanded");
	analyse("The premier repeated his calls for a lasting truce.", 0);
	CHECK_STR(verb("truce"), "tense=none mood=demand negated=no",
	    "what a call is for is demanded, even a noun's call");
	analyse("The envoy said Varnia must rein in the militias.", 0);
	CHECK_STR(verb("rein"), "tense=present mood=modal,demand,obligation "
	    "negated=no", "must laid on a named party: a demand, an "
	    "obligation");
	analyse("The envoy said we must rein in the militias.", 0);
	CHECK_STR(verb("rein"), "tense=present mood=modal negated=no",
	    "must of a pronoun: the speaker's own resolve");
}

static void
test_headlines(void)
{
	analyse("Iran to strike Israel", 1);
	CHECK_STR(verb("strike"), "tense=future mood=headline negated=no",
	    "a headline's to + verb: future");
	analyse("Israel To Expand Gaza Offensive", 1);
	CHECK_STR(verb("expand"), "tense=future mood=headline negated=no",
	    "to + a verb that widens force: future, in title case too");
	analyse("Iran Says Will Respond To Israeli Attack", 1);
	CHECK_STR(verb("respond"), "tense=future mood=headline negated=no",
	    "says + will, the subject left out: the complement's future");
	CHECK_STR(speaker("respond"), "iran", "which the sayer speaks");
	analyse("Chad will be able to shell the town.", 0);
	CHECK_STR(verb("to"), "tense=future mood=ability negated=no",
	    "a term that opens with its to: the mood words before it");
	analyse("Chad shelled the town in order to punish the rebels.", 0);
	CHECK_STR(verb("punish"), "tense=none mood=none negated=no",
	    "in order to: a purpose, no demand");
	analyse("Peace talks brokered by Sudan hit a deadlock.", 0);
	CHECK_STR(subject("deadlock"), "peace talks brokered by sudan",
	    "a participle with its agent is a phrase of the subject when "
	    "a verb follows");
	analyse("Chad must decide when to withdraw its troops.", 0);
	CHECK_STR(verb("withdraw"), "tense=none mood=condition negated=no",
	    "when to: a question asked, as if asks it");
	analyse("Chad is debating whether to strike the town.", 0);
	CHECK_STR(verb("strike"), "tense=none mood=condition negated=no",
	    "whether to: likewise");
	analyse("Chad has to withdraw its troops.", 0);
	CHECK_STR(verb("withdraw"),
	    "tense=present mood=modal,demand,obligation negated=no",
	    "has to laid on a party: an obligation, a demand");
	analyse("We have to withdraw our troops.", 0);
	CHECK_STR(verb("withdraw"), "tense=present mood=modal negated=no",
	    "has to of a pronoun: the speaker's own resolve");
	analyse("Chad hopes to end the war.", 0);
	CHECK_STR(verb("end"), "tense=present mood=intent,wish negated=no",
	    "hopes to: intent, and only wished");
	analyse("Chad wants the war to end.", 0);
	CHECK_STR(verb("end"), "tense=present mood=none negated=no",
	    "wants + object + to: no wish of the subject's own act");
	analyse("Thousands in panic as Chad plans to bomb the town", 1);
	CHECK_STR(subject("plans"), "chad", "a headline's as-clause after "
	    "a verbless phrase is a clause of its own");
	analyse("What is happening in the town as Chad threatens to "
	    "attack?", 1);
	CHECK_INT(clause_presupposed(&cs, token("threatens")), 1,
	    "a question's as-clause is stated, not asked");
	CHECK_INT(clause_presupposed(&cs, token("happening")), 0,
	    "its main clause is asked");
	analyse("Chad tells villagers to leave, but is any place safe?", 1);
	CHECK_INT(clause_presupposed(&cs, token("tells")), 1,
	    "before but and an auxiliary, the question's own order: stated");
	analyse("Will Chad attack, and is the town safe?", 1);
	CHECK_INT(clause_presupposed(&cs, token("attack")), 0,
	    "a clause that opens with its auxiliary asks itself");
	analyse("Why does Chad attack, and will it stop?", 1);
	CHECK_INT(clause_presupposed(&cs, token("attack")), 0,
	    "or whose question word comes before it");
	analyse("Chad closes the border after rebel attack and vows "
	    "an offensive", 1);
	CHECK_STR(subject("vows"), "chad", "a verbless phrase after "
	    "'after', then 'and' and a verb: the main clause's verb");
	analyse("Chad shells Abeche as rebels accept truce", 1);
	CHECK_STR(subject("accept"), "rebels", "a headline's present "
	    "after 'as' and its subject opens a clause of its own");
	analyse("Villagers say they have nowhere to run as the Sudanese "
	    "army expands its assault.", 0);
	CHECK_STR(subject("expands"), "the sudanese army", "outside a "
	    "headline too, a present of the news after 'as' and its subject "
	    "opens a clause of its own");
	CHECK_STR(verb("expands"), "tense=present mood=none negated=no",
	    "told in the present");
	CHECK_STR(speaker("expands"), "", "which the villagers do not say");
	analyse("Chad hits Abeche after the rebels agree to talks", 1);
	CHECK_STR(subject("agree"), "the rebels", "after 'after' too");
	analyse("Panic in Abeche as Sudan cancels the talks", 1);
	CHECK_STR(subject("talks"), "sudan", "an -s word the tables lack "
	    "after 'as' and a name, before its object: the clause's verb");
	CHECK_STR(verb("talks"), "tense=past mood=headline negated=no",
	    "a headline's present: past");
	analyse("Chad will not withdraw as Sudan scraps the truce", 1);
	CHECK_STR(verb("truce"), "tense=past mood=headline negated=no",
	    "the main clause's negation stays in it");
	analyse("Chad cancels the talks", 1);
	CHECK_STR(subject("talks"), "chad", "and at the headline's start, "
	    "before an article");
	analyse("Panic in Abeche as Sudan soldiers rest", 1);
	CHECK_STR(subject("rest"), "", "a plural noun's ending before a bare "
	    "word: no verb guessed");
	analyse("Chad towns brace for war", 1);
	CHECK_STR(subject("war"), "", "nor at the start before a bare word");
	analyse("US plays down the raid, says it will talk", 1);
	CHECK_STR(subject("says"), "us", "a name in capitals opens a title "
	    "whatever word it folds to: a verb after the comma takes its "
	    "subject, not the clause before");
	analyse("Chad launches retaliatory strikes", 1);
	CHECK_STR(subject("launches"), "chad", "a light verb before a "
	    "noun of force that ends the headline is its verb");
	analyse("Panic in the town as Chad continues to bomb it", 1);
	CHECK(strstr(verb("bomb"), "tense=future") == NULL,
	    "a headline's to after continues: no future");
	analyse("The Chadian cabinet voted to expand the offensive.", 0);
	CHECK(strstr(verb("expand"), "intent") != NULL, "voted to: a "
	    "decision, intent");
	analyse("Chad did not hesitate to attack the town.", 0);
	CHECK_STR(verb("attack"), "tense=past mood=none negated=no",
	    "did not hesitate to: the act told, in the past");
	analyse("Chad will not hesitate to attack the town.", 0);
	CHECK_STR(verb("attack"), "tense=future mood=none negated=no",
	    "will not hesitate to: the act to come, not denied");
	analyse("Chad hopes for a truce.", 0);
	CHECK_STR(verb("truce"), "tense=present mood=wish negated=no",
	    "hopes for: what is hoped for is only wished");
	analyse("The envoy repeated the call for talks.", 0);
	CHECK_STR(verb("for"), "tense=past mood=demand negated=no",
	    "a term that opens with what a call is for: demanded");
	analyse("Chad says Sudan amassed troops near the border", 1);
	CHECK_STR(subject("amassed"), "sudan", "says + a name + an unknown "
	    "past form: the complement has its own subject");
	CHECK_STR(speaker("amassed"), "chad", "which the sayer speaks");
	analyse("Chad said it also opposed the deployment.", 0);
	CHECK_STR(subject("opposed"), "it", "... and past the subject's "
	    "adverbs");
	analyse("Chad warned the rebel-held towns", 1);
	CHECK_STR(subject("towns"), "chad", "a past form after an article "
	    "is an adjective, no complement");
	analyse("Rebels attack town near capital", 1);
	CHECK_STR(verb("town"), "tense=past mood=headline negated=no",
	    "a headline's present simple: past");
	analyse("US warns Iran", 1);
	CHECK_STR(verb("iran"), "tense=past mood=threat,headline negated=no",
	    "warns in a headline: a threat, reported as past");
	analyse("Iran threatens to close strait", 1);
	CHECK_STR(verb("close"),
	    "tense=past mood=threat,headline negated=no",
	    "threatens to in a headline");
	analyse("Iran will attack, general says", 1);
	CHECK_STR(verb("attack"), "tense=future mood=headline negated=no",
	    "will stays future in a headline");
	CHECK_STR(speaker("attack"), "general", "and the headline has a speaker");
	/* "-ing to": the infinitive is the -ing word's, not a future */
	analyse("Crews face trial after refusing to shell town", 1);
	CHECK(strstr(verb("shell"), "tense=future") == NULL,
	    "a headline's to after an -ing word: no future");
	/* a name, an -s verb the tables lack, a noun: that noun's "to" */
	analyse("Sharon defends choice to bomb town", 1);
	CHECK(strstr(verb("bomb"), "tense=future") == NULL,
	    "X defends choice to bomb: no headline future");
	analyse("Hamas fighters to attack town", 1);
	CHECK_STR(verb("attack"), "tense=future mood=headline negated=no",
	    "a plural noun before to is still the subject");
	analyse("Chad says war with rebels to last months", 1);
	CHECK_STR(verb("war"), "tense=future mood=headline negated=no",
	    "says + a noun + to: what is said, in the headline future");
	CHECK_STR(subject("war"), "war with rebels", "with a subject of "
	    "its own");
	CHECK_STR(speaker("war"), "chad", "which the sayer speaks");
	analyse("Chad says fighting to go on", 1);
	CHECK_STR(verb("fighting"), "tense=future mood=headline negated=no",
	    "go and last are verbs after to");
	analyse("Chad tells rebels to leave town", 1);
	CHECK_STR(subject("rebels"), "chad", "tells + an object + to: the "
	    "demand's infinitive, no complement");
	analyse("Chad says plan to bomb town approved", 1);
	CHECK(strstr(verb("bomb"), "tense=future") == NULL,
	    "says + a noun that takes to itself: no headline future");
	analyse("Chad is signaling rebels to attack town", 1);
	CHECK_STR(subject("rebels"), "chad", "a reporting verb with an "
	    "auxiliary is no headline's: no complement");
}

static void
test_limits(void)
{
	char *text;
	size_t i, n = 5000;
	struct clause_verb v;

	CHECK(clause_lang_find("english") != NULL, "English has a table");
	CHECK(clause_lang_find("klingon") == NULL, "an unknown language none");
	if ((text = malloc(n * 7 + 1)) == NULL)
		abort();
	for (i = 0; i < n; i++)
		memcpy(text + i * 7, "attack ", 7);
	text[n * 7] = '\0';
	analyse(text, 0);
	CHECK(clause_at(&cs, doc.n_tokens - 1) != NULL,
	    "a very long sentence is covered to its end");
	CHECK(clause_verb_at(&cs, &doc, doc.n_tokens - 1, &v) == -1,
	    "past the cap there is no verb group");
	CHECK(clause_at(&cs, doc.n_tokens) == NULL,
	    "a token outside the sentence has no clause");
	free(text);
}

/* Frames that reach past a passive, an inserted phrase, a relative. */
static void
test_frames_more(void)
{
	analyse("The town was warned by the general that his men would "
	    "storm it.", 0);
	CHECK_STR(speaker("storm"), "the general",
	    "a passive frame: the one after by speaks, not the subject");
	analyse("The mayor warned the town it must give up the gunmen, "
	    "including their chief, or face an assault.", 0);
	CHECK_STR(speaker("face"), "the mayor",
	    "a phrase set off inside what is said keeps the frame");
	CHECK_STR(verb("face"), "tense=future mood=threat,conditional "
	    "negated=no", "and the demand's 'or' across it");
	analyse("Aides denied the move was tied to gunmen who shot two "
	    "guards and are threatening to attack the port.", 0);
	CHECK_INT(role("threatening"), CLAUSE_RELATIVE,
	    "a relative's second verb after and is relative too");
	CHECK_STR(verb("attack"), "tense=present mood=threat,background "
	    "negated=no", "so the denial around it does not reach it");
}

/* A may/might/could that no one is reported to say is a guess; said by
 * a speaker, under a condition or a threat act it is not. */
static void
test_guesses(void)
{
	struct clause_verb v;

	analyse("There is a chance that the militants could retaliate against "
	    "Israel.", 0);
	CHECK(clause_verb_at(&cs, &doc, token("retaliate"), &v) == 0 &&
	    clause_is_guess(&v), "an onlooker's could is a guess");
	analyse("Diplomats are worried that Varnia might respond against "
	    "Ostland.", 0);
	CHECK(clause_verb_at(&cs, &doc, token("respond"), &v) == 0 &&
	    clause_is_guess(&v), "a worry's may is a guess");
	analyse("The army said it may attack the town.", 0);
	CHECK(clause_verb_at(&cs, &doc, token("attack"), &v) == 0 &&
	    !clause_is_guess(&v), "what a speaker says it may do is none");
	CHECK(clause_is_said_guess(&v), "but a reported one, for the rules "
	    "to weigh by who speaks");
	analyse("Iran warned it could strike the bases.", 0);
	CHECK(clause_verb_at(&cs, &doc, token("strike"), &v) == 0 &&
	    !clause_is_guess(&v), "nor a warning's could");
	analyse("Iran could strike the bases if the attacks go on.", 0);
	CHECK(clause_verb_at(&cs, &doc, token("strike"), &v) == 0 &&
	    !clause_is_guess(&v), "nor a could under a condition");
	/* whether it is a forecast the rules decide by who says it
	 * (match.sh) */
	analyse("Officials said Iran could strike the bases if attacked.", 0);
	CHECK(clause_verb_at(&cs, &doc, token("strike"), &v) == 0 &&
	    clause_is_said_guess(&v) && (v.mood & CLAUSE_COND),
	    "a reported could under a condition is reported, on a condition");
	analyse("The rebels would retaliate against the army.", 0);
	CHECK(clause_verb_at(&cs, &doc, token("retaliate"), &v) == 0 &&
	    !clause_is_guess(&v), "would is no guess");
	analyse("Israel must retaliate against the militants.", 0);
	CHECK(clause_verb_at(&cs, &doc, token("retaliate"), &v) == 0 &&
	    !clause_is_guess(&v), "nor must");	/* what one believes another will do is a forecast, even with
	 * will; the rules weigh it by who believes it */
	analyse("Biden predicts Russia will invade Ukraine.", 0);
	CHECK(clause_verb_at(&cs, &doc, token("invade"), &v) == 0 &&
	    clause_is_said_guess(&v) && (v.mood & CLAUSE_BELIEF),
	    "a belief's will is a reported forecast");
	CHECK_STR(speaker("invade"), "biden", "... whose speaker is the "
	    "believer");
	CHECK_STR(subject("invade"), "russia", "... and whose subject acts");
	analyse("The Kurds fear Trump might withdraw the troops.", 0);
	CHECK(clause_verb_at(&cs, &doc, token("withdraw"), &v) == 0 &&
	    (v.mood & CLAUSE_BELIEF) && !clause_is_guess(&v),
	    "a fear's might is the one who fears it's, no onlooker's guess");
	analyse("Russia said it will invade Ukraine.", 0);
	CHECK(clause_verb_at(&cs, &doc, token("invade"), &v) == 0 &&
	    !(v.mood & (CLAUSE_BELIEF | CLAUSE_SAID_GUESS)),
	    "what is said with will is no belief");
	/* so is what a noun of belief holds, unless the one who would
	 * act is its subject */
	analyse("Oil climbs on fears that Chad will attack Sudan.", 0);
	CHECK(clause_verb_at(&cs, &doc, token("attack"), &v) == 0 &&
	    clause_is_guess(&v) && (v.mood & CLAUSE_BELIEF),
	    "fears that + will: a forecast");
	analyse("Stocks fell on concerns that Chad plans to attack Sudan.", 0);
	CHECK(clause_verb_at(&cs, &doc, token("attack"), &v) == 0 &&
	    clause_is_guess(&v), "concerns that + plans to: likewise");
	analyse("Sudan dismissed fears that it would attack Chad.", 0);
	CHECK(clause_verb_at(&cs, &doc, token("attack"), &v) == 0 &&
	    !clause_is_guess(&v), "but not the subject's own act");
	/* a question asked with whether or how is nobody's act */
	analyse("It is unclear whether Varnia will strike the port.", 0);
	CHECK(clause_verb_at(&cs, &doc, token("strike"), &v) == 0 &&
	    clause_is_guess(&v), "whether + will: a question, a guess");
	analyse("Markets wait to see how Ostland will respond.", 0);
	CHECK(clause_verb_at(&cs, &doc, token("respond"), &v) == 0 &&
	    clause_is_guess(&v), "how + will: likewise");
	analyse("Chad warned how it would respond to any raid.", 0);
	CHECK(clause_verb_at(&cs, &doc, token("respond"), &v) == 0 &&
	    !clause_is_guess(&v), "but not under a warning");
}

/* "X said A, adding that B": X adds, and speaks B. */
static void
test_participle_frames(void)
{
	analyse("The president said the war was a mistake, adding that a "
	    "punitive response is a right.", 0);
	CHECK_STR(speaker("punitive"), "the president",
	    "a participle of speech after what X said: X speaks");
	CHECK_STR(speaker("mistake"), "the president",
	    "and the clause before stays X's");
	analyse("Iran stated that the war must end, emphasising that "
	    "revenge is its right.", 0);
	CHECK_STR(speaker("revenge"), "iran", "emphasising is speech");
	analyse("The rebels seized the town, threatening to kill the "
	    "guards.", 0);
	CHECK_STR(subject("threatening"), "the rebels",
	    "a participle after a plain clause keeps that clause's subject");
}

/* A verb of intent's bare form after a noun that a preposition or a
 * possessive opens heads a compound noun ("a truce plan"), no verb;
 * after a plural or a name, or before its "to", it stays one. */
static void
test_compound_heads(void)
{
	analyse("Ostland says some of Varnia's revised changes to a truce "
	    "plan in Kidal are fair", 1);
	CHECK_STR(subject("are"), "some of varnia revised changes to a "
	    "truce plan in kidal", "a truce plan after to: a noun, and the "
	    "clause's verb comes after it");
	CHECK_STR(verb("revised"), "tense=present mood=headline negated=no",
	    "so no intent reaches the words before it");
	analyse("Ostland backs the changes to the peace plan", 1);
	CHECK_STR(subject("backs"), "ostland",
	    "the clause's own verb comes first");
	analyse("The rebels plan an assault on the port.", 0);
	CHECK_STR(subject("plan"), "the rebels",
	    "after a plural subject, still a verb");
	analyse("Doctors in Kidal plan a strike over pay.", 0);
	CHECK_STR(subject("plan"), "doctors in kidal", "after a name too");
	analyse("The army plan to seize the port.", 0);
	CHECK_STR(subject("plan"), "the army", "and before its infinitive");
}

/* Is word in a headline's topic, whatever group it hangs on? */
static int
topic(const char *word)
{
	struct clause_verb v;

	(void)clause_verb_at(&cs, &doc, token(word), &v);
	return (v.mood & CLAUSE_TOPIC) != 0;
}

/* The phrase before a headline's first colon is its topic when it holds
 * no verb, or a present's "-s" form alone that may be a plural noun;
 * the words after the colon, and a body's, are not. */
static void
test_topic(void)
{
	analyse("Kidal truce: envoys meet again", 1);
	CHECK(topic("truce"), "before a headline's colon: the topic");
	CHECK(!topic("envoys"), "not the words after the colon");
	analyse("Kidal truce talks: what the envoys want", 1);
	CHECK(topic("truce"), "an -s form that ends it may be a noun");
	analyse("Kidal truce: envoys meet again", 0);
	CHECK(!topic("truce"), "not in a body");
	analyse("Ostland resumes truce talks: what the envoys want", 1);
	CHECK(!topic("truce"), "nor a phrase with a verb of its own");
	analyse("Kidal truce talks, envoys say", 1);
	CHECK(!topic("truce"), "nor before a comma");
}

int
main(void)
{
	english = clause_lang_find("english");
	test_tense();
	test_modality();
	test_threats();
	test_framed_mood();
	test_demand_not_to();
	test_to_preposition();
	test_arguments();
	test_negation();
	test_denials();
	test_reported();
	test_conditions();
	test_appeals();
	test_headlines();
	test_limits();
	test_frames_more();
	test_guesses();
	test_participle_frames();
	test_compound_heads();
	test_topic();
	clause_sentence_free(&cs);
	text_doc_free(&doc);
	return check_done();
}
