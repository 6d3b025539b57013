/*
 * rules_test: each condition of a rule, on a configuration built here
 * (the loader is tested in the configuration area's tests).
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "../../src/actor.h"
#include "../../src/rules.h"
#include "../../src/rules_priv.h"	/* the trie's size, for classes */

#include "rules_fixture.h"

/* The word classes a test sets up for its rules. */
static struct config_class classes[4];

/* The words hit i's terms matched, joined by "|". */
static const char *
hit_words(size_t i)
{
	static char buf[512];
	size_t k, used = 0;

	buf[0] = '\0';
	if (i >= res.n_hits)
		return "(none)";
	for (k = 0; k < res.hits[i].n_words && used < sizeof(buf); k++)
		used += (size_t)snprintf(buf + used, sizeof(buf) - used,
		    "%s%s", k ? "|" : "", res.hits[i].words[k]);
	return buf;
}

/*
 * Word classes (@name) in terms, exclusions and raise phrases, on a
 * configuration of their own.  Rules without clause keys: the classes
 * alone.
 */
static void
test_classes(void)
{
	static struct config_rule save[8];
	static char words[120][16];
	static const char *many[121];
	struct config_rule *rf;
	struct rules *r;
	char err[256];
	size_t i, nodes_small;

	memcpy(save, rules, sizeof(save));
	memset(rules, 0, sizeof(rules));
	cfg.n_rules = 0;
	classes[0].name = "force";
	classes[0].words = LIST("attack*", "strike", "bomb*", "go to war",
	    "warplane*", "ceasefire");
	classes[1].name = "modal";
	classes[1].words = LIST("will", "would", "could", "is going to");
	classes[2].name = "threatish";
	classes[2].words = LIST("@force", "menace");
	classes[3].name = "deadline";
	classes[3].words = LIST("within * hours", "ultimatum");
	cfg.classes = classes;
	cfg.n_classes = 4;
	rf = add_rule("force", "threat", SEV_MEDIUM,
	    LIST("@modal ...6 @force"));
	rf->exclude = LIST("@deadline game");
	rf->raise = LIST("@deadline", "nuclear");
	add_rule("menace", "retaliation", SEV_LOW, LIST("vow* to @threatish"));

	if ((r = compile_checked("classes compile")) == NULL)
		goto out;
	CHECK_INT(run("Iran would swiftly attack Israel."), 1,
	    "@modal ...6 @force: one-word members on both sides");
	CHECK_INT(run("Iran could be attacking Israel."), 1,
	    "a prefix member (attack*) meets attacking");
	CHECK_INT(run("Iran is going to bomb Israel."), 1,
	    "a multiword member of the first class");
	CHECK_STR(hit_words(0), "is|going|to|bomb",
	    "each word of a multiword member");
	CHECK_INT(run("Iran will go to war with Israel."), 1,
	    "a multiword member of the second");
	CHECK_INT(run("Iran attacked Israel."), 0, "no modal, no hit");
	CHECK_INT(run("Iran would not attack Israel."), 0,
	    "a rule without clause keys: a cue negates");
	CHECK_INT(run("Iran did not back down despite warnings that Israel "
	    "would attack."), 1, "but not past despite: what its phrase "
	    "tells happened all the same");
	CHECK_INT(run("Iran would not hesitate to attack Israel."), 1,
	    "and hesitate cancels it (the language's clause tables)");
	CHECK_INT(run("Iran would attack Israel without hesitation."), 1,
	    "as hesitation does without");
	CHECK_INT(run("Iran would with or without allies attack "
	    "Israel."), 1, "with or without takes both ways: no cue");
	CHECK_INT(run("Iran would without allies attack Israel."), 0,
	    "where without alone is one");
	CHECK_INT(run("Iran would send war-planes over Israel."), 1,
	    "a hyphened word meets the closed word of a class (a prefix)");
	CHECK_INT(run("Iran would break the cease-fires with Israel."), 1,
	    "and a stem");
	CHECK_STR(hit_words(0), "would|cease-fires",
	    "the words a hit's terms matched: the members met, a "
	    "hyphened word whole, as written, not the gap's");
	CHECK_INT(run("Iran would send war planes over Israel."), 0,
	    "the open spelling is the rule's to name");
	/* Only a pair that stands for a word has its offsets written
	 * (rules_scan_joins): the ones around it must not be read. */
	CHECK_INT(run("Iran would send its so-called war-planes over "
	    "Israel."), 1, "a hyphened pair after one that stands for no "
	    "word");
	CHECK_INT(run("Iran would break a long-awaited cease-fire-deal with "
	    "Israel."), 1, "the first two of three hyphened words");
	CHECK_INT(run("Iran would send its well-known fighter-jets over "
	    "Israel."), 0, "hyphened pairs that stand for no word of the "
	    "rules");
	CHECK_INT(run("Hamas would attack the Israeli-Iranian border."), 1,
	    "a hyphened pair of names");
	CHECK_INT(res.n_hits ? (int)res.hits[0].n_targets : 0, 2,
	    "names two parties: a name is not read closed up "
	    "(\"israeliiranian\" would meet Israel*)");
	CHECK_INT(run("Iran vowed to strike Israel."), 1,
	    "a class of a class (@threatish holds @force)");
	CHECK_STR(hit_rule(0), "menace", "the rule of the nested class");
	CHECK_INT(run("Iran vowed to menace Israel."), 1,
	    "and its own member");
	CHECK_INT(run("Iran will attack Israel."), 1, "a plain hit");
	CHECK_INT(res.n_hits ? (int)rules_hit_severity(&res.hits[0]) : -1,
	    SEV_MEDIUM, "keeps the rule's severity");
	CHECK_INT(run("Iran will attack Israel within 48 hours."), 1,
	    "a deadline in the sentence");
	CHECK_INT(res.n_hits ? (int)rules_hit_severity(&res.hits[0]) : -1,
	    SEV_HIGH, "raises the severity one step");
	CHECK_INT(run("Iran will attack Israel within 48 hours, a nuclear "
	    "ultimatum."), 1, "three raise phrases");
	CHECK_INT(res.n_hits ? (int)rules_hit_severity(&res.hits[0]) : -1,
	    SEV_CRITICAL, "raise up to critical, never beyond");
	CHECK_INT(run("Nuclear talks within 48 hours."), 0,
	    "a raise phrase never fires alone");
	CHECK_INT(run("Iran will attack in the ultimatum game."), 0,
	    "a class in an exclusion");
	nodes_small = r->n_nodes;
	rules_free(r);
	compiled = NULL;

	/* A class of 120 words is one edge: the trie does not grow with
	 * the product of two classes. */
	for (i = 0; i < 120; i++) {
		snprintf(words[i], sizeof(words[i]), "word%zu", i);
		many[i] = words[i];
	}
	many[120] = NULL;
	classes[0].words = mklist(many);
	classes[1].words = mklist(many);
	r = rules_compile(&cfg, err, sizeof(err));
	CHECK(r != NULL, "two large classes compile");
	CHECK(r != NULL && r->n_nodes <= nodes_small + 4,
	    "a class is one edge, not a path per member");
	compiled = r;
	CHECK_INT(run("Iran word7 then word119 Israel."), 1,
	    "members of large classes match");
	rules_free(r);
	compiled = NULL;
	classes[0].words = LIST("attack*", "strike");
	classes[1].words = LIST("will", "would");

	/* errors */
	rf->terms = LIST("@nothing attack");
	CHECK(rules_compile(&cfg, err, sizeof(err)) == NULL,
	    "an unknown class is refused");
	CHECK(strstr(err, "@nothing") != NULL && strstr(err, "force") != NULL,
	    "naming the class and the rule");
	rf->terms = LIST("@threatish");
	classes[0].words = LIST("@threatish", "attack");
	CHECK(rules_compile(&cfg, err, sizeof(err)) == NULL,
	    "classes in a circle are refused");
	classes[0].words = LIST("attack*", "strike");
out:
	rules_result_free(&res);
	memcpy(rules, save, sizeof(save));
	cfg.n_rules = 0;
	cfg.classes = NULL;
	cfg.n_classes = 0;
}

/*
 * The word filter (rules_filter.c): only a sentence that holds every
 * word of a term is scanned, whichever of them anchors the term.  A
 * class is weighed by its members: one in one term is commoner than a
 * word in two, which anchors their term instead.
 */
static void
test_filter(void)
{
	static struct config_rule save[8];
	struct config_rule *rs;
	struct rules *r;

	memcpy(save, rules, sizeof(save));
	memset(rules, 0, sizeof(rules));
	cfg.n_rules = 0;
	classes[0].name = "meet";
	classes[0].words = LIST("meet*", "met", "summit", "talks");
	cfg.classes = classes;
	cfg.n_classes = 1;
	rs = add_rule("rivals", "deescalation", SEV_LOW,
	    LIST("@meet ...3 rivals", "rivals ...2 truce",
	    "sides agree to peace", "sides agree to calm"));
	rs->actors = NONE;
	if ((r = compile_checked("a class in a term compiles")) == NULL)
		goto out;
	CHECK(!(r->anchor[r->class_id[0]] & RULES_ANCHOR),
	    "a class of several members anchors no term");
	CHECK_INT(run("Leaders met the rivals in Oslo."), 1,
	    "a member of the class, then the word: a hit");
	CHECK_INT(run("Leaders met in Oslo."), 0, "the class alone: none");
	CHECK_INT(run("The rivals met in Oslo."), 0,
	    "both, in the wrong order: the filter passes, the trie does not");
	CHECK_INT(run("The rivals signed a truce."), 1, "another term");
	CHECK_INT(run("The sides agree to peace."), 1,
	    "terms that share their first two words: the one held");
	CHECK_INT(run("The sides agree to calm."), 1, "and the other");
	CHECK_INT(run("The sides agree to war."), 0, "but not a third");
	rules_free(r);
	compiled = NULL;
	/* Terms within terms: the paths that need more are dropped from
	 * the filter (rules_path_bits tells most pairs apart first). */
	rs->terms = LIST("sides agree to peace", "agree to peace",
	    "agree to peace now", "sides agree to calm");
	if ((r = compile_checked("terms within terms compile")) == NULL)
		goto out;
	CHECK_INT(run("They agree to peace."), 1,
	    "a term within another: the shorter is asked for");
	CHECK_INT(run("The sides agree to peace now."), 1,
	    "and holds where the longer ones do");
	CHECK_INT(run("The sides agree to calm."), 1,
	    "a term beside them keeps its own words");
	CHECK_INT(run("The sides agree to war."), 0, "still not a third");
	rules_free(r);
	compiled = NULL;
out:
	rules_result_free(&res);
	memcpy(rules, save, sizeof(save));
	cfg.n_rules = 0;
	cfg.classes = NULL;
	cfg.n_classes = 0;
}

/*
 * A word that a hyphen binds to a negating prefix ("escalation" in
 * "de-escalation") is not the word alone: only a phrase that names the
 * prefix finds it.  Names of parties are still found after one.
 */
static void
test_bound(void)
{
	static struct config_rule save[8];
	struct config_rule *rs;
	struct rules *r;

	memcpy(save, rules, sizeof(save));
	memset(rules, 0, sizeof(rules));
	cfg.n_rules = 0;
	rs = add_rule("escalate", "threat", SEV_MEDIUM,
	    LIST("call* for ...2 escalation", "war ...2 protest*"));
	rs->actors = NONE;
	add_rule("calm", "deescalation", SEV_LOW,
	    LIST("call* for ...2 de-escalation"))->actors = NONE;
	add_rule("named", "threat", SEV_LOW, LIST("protest*"))->actors =
	    LIST("israel");
	if ((r = compile_checked("the bound words' rules compile")) == NULL)
		goto out;
	CHECK_INT(run("Chad called for an escalation."), 1,
	    "the word alone: a hit");
	CHECK_STR(hit_rule(0), "escalate", "of the rule that names it");
	CHECK_INT(run("Chad called for de-escalation."), 1,
	    "after de-, only the phrase that names the prefix");
	CHECK_STR(hit_rule(0), "calm", "the prefix's rule");
	CHECK_INT(run("Chad called for a de-escalation."), 1,
	    "past a gap too");
	CHECK_STR(hit_rule(0), "calm", "still the prefix's rule");
	CHECK_INT(run("Students held anti-war protests."), 0,
	    "anti-: the bound word starts no phrase");
	CHECK_INT(run("Students held war protests."), 1, "where the bare "
	    "word does");
	CHECK_INT(run("Students held anti-Israel protests."), 1,
	    "a party's name after a prefix is still the party");
	CHECK_STR(hit_rule(0), "named", "for the rule that needs it");
	rules_free(r);
	compiled = NULL;
out:
	rules_result_free(&res);
	memcpy(rules, save, sizeof(save));
	cfg.n_rules = 0;
}

/* A path's bits: one per word but its anchor (the first), by id mod 64;
 * bits not all among another path's mean a word the other lacks. */
static void
test_path_bits(void)
{
	static uint32_t start[] = { 0, 3, 5, 6, 8 };
	static uint32_t words[] = { 7, 1, 65, 7, 1, 9, 9, 1 };
	struct rules r;

	memset(&r, 0, sizeof(r));
	r.req_start = start;
	r.req_words = words;
	CHECK(rules_path_bits(&r, 0) == 0x2, "the anchor aside; 1 and 65 "
	    "share a bit");
	CHECK(rules_path_bits(&r, 1) == 0x2, "a path within the first: "
	    "the same bits");
	CHECK(rules_path_bits(&r, 2) == 0, "a path of its anchor alone");
	CHECK(rules_path_bits(&r, 3) == 0x2, "another anchor, the same word "
	    "after it: the same bit");
	CHECK((rules_path_bits(&r, 0) & ~rules_path_bits(&r, 2)) != 0,
	    "a path that needs a word another does not: a bit apart");
}

/* A class's multiword member spelt out before the rest of its phrase. */
static void
test_join(void)
{
	char *s;

	s = rules_member_join("give up", "arms ...2 talks");
	CHECK_STR(s, "give up arms ...2 talks", "a member, a blank, the rest");
	free(s);
	s = rules_member_join("cease fire", "");
	CHECK_STR(s, "cease fire ", "no rest: a blank at the end, as "
	    "rules_path skips");
	free(s);
}

/*
 * The clause keys (mood, actor_kinds, negated, raise) over sentences
 * of our own, with the clause analysis and the actors of clause.c and
 * actor.c.
 */
static struct config_role roles[3];

static const char *
hit_category(size_t i)
{
	return i < res.n_hits ? rules_hit_category(&res.hits[i]) : "(none)";
}

static void
test_clauses(void)
{
	static struct config_rule save[8];
	struct config_rule *rf, *rr, *ru;
	struct rules *r;
	struct config_class kept;
	char err[256];

	memcpy(save, rules, sizeof(save));
	memset(rules, 0, sizeof(rules));
	cfg.n_rules = 0;
	setup_sudan_chad();
	roles[0].name = "militants";
	roles[0].names = LIST("militant*", "rebel*");
	roles[0].kind = ACTOR_ARMED_GROUP;
	roles[1].name = "players";
	roles[1].names = LIST("player*", "team");
	roles[1].kind = ACTOR_SPORTS;
	roles[2].name = "army";
	roles[2].names = LIST("army", "troops");
	roles[2].kind = ACTOR_MILITARY;
	cfg.roles = roles;
	cfg.n_roles = 3;
	classes[0].name = "force";
	classes[0].words = LIST("attack*", "strike", "bomb*", "invade");
	cfg.classes = classes;
	cfg.n_classes = 1;
	rf = add_rule("force", "threat", SEV_HIGH, LIST("@force"));
	rf->mood = LIST("future", "modal", "intent", "threat", "conditional",
	    "demand");
	rf->actor_kinds = LIST("state", "military", "armed-group");
	rf->negated = "deescalation";
	rf->raise = LIST("within * hours");
	rr = add_rule("revenge", "retaliation", SEV_MEDIUM, LIST("retaliat*"));
	rr->mood = LIST("future", "threat");
	/* negated as its own category: its terms carry their negation */
	rr = add_rule("restraint", "deescalation", SEV_LOW,
	    LIST("restraint", "not want* ...4 war"));
	rr->actor_kinds = LIST("state");
	rr->negated = "deescalation";
	ru = add_rule("ultimatum", "threat", SEV_CRITICAL,
	    LIST("ultimatum", "or face"));
	ru->actor_kinds = LIST("state");
	ru->negated = "deescalation";

	if ((r = compile_checked("rules with clause keys compile")) == NULL)
		goto out;

	/* mood */
	CHECK_INT(run("Sudan will attack Chad."), 1, "a future attack fires");
	CHECK_STR(hit_category(0), "threat", "as a threat");
	CHECK_STR(hit_words(0), "attack", "a hit judged on its clauses has "
	    "the words its terms matched too");
	CHECK_STR(hit_actor(0), "sudan", "by the subject");
	CHECK_STR(res.n_hits && res.hits[0].n_targets ? res.hits[0].targets[0] :
	    "", "chad", "against the actor after it");
	CHECK_INT(run("Sudan attacked Chad."), 0,
	    "a past attack is news, not a threat (mood)");
	CHECK_INT(run("Sudan threatened to attack Chad."), 1,
	    "a past threat act governs the attack (mood threat)");
	CHECK_INT(run("Sudan vowed to retaliate."), 1, "mood threat, another "
	    "rule without actor_kinds");
	CHECK_STR(hit_rule(0), "revenge", "the retaliation rule");
	CHECK_INT(run("Sudan retaliated on Monday."), 0,
	    "its past retaliation does not fire");

	/* negated */
	CHECK_INT(run("Sudan will not attack Chad."), 1,
	    "a negated threat with negated = a category fires");
	CHECK_STR(hit_category(0), "deescalation", "in that category");
	CHECK_INT(run("Sudan has no plans to attack Chad."), 1,
	    "no plans to attack");
	CHECK_STR(hit_category(0), "deescalation", "is de-escalation evidence");
	CHECK_INT(run("Chad said Sudan had not threatened to attack it."), 0,
	    "a threat denied by another party than the one acting is no "
	    "one's step down");
	CHECK_INT(run("Sudan said it had not threatened to attack Chad."), 1,
	    "denied by the one acting, it is");
	CHECK_STR(hit_category(0), "deescalation", "as de-escalation");
	CHECK_INT(run("Sudan rejected Chad's ultimatum."), 1,
	    "an ultimatum another party rejects fires");
	CHECK_STR(hit_category(0), "threat", "as the threat it still is");
	CHECK_STR(hit_actor(0), "chad", "by the one that set it");
	CHECK_STR(res.n_hits && res.hits[0].n_targets ? res.hits[0].targets[0] :
	    "", "sudan", "against the subject it was made to");
	CHECK_INT(run("Sudan rejected Chad's ultimatum to withdraw or face "
	    "attack."), 1, "its consequence is the same threat: one hit");
	CHECK_STR(hit_actor(0), "chad", "by the one that set the ultimatum");
	CHECK_INT(run("Chad denied issuing an ultimatum."), 1,
	    "an ultimatum its own party denies fires");
	CHECK_STR(hit_category(0), "deescalation", "as de-escalation");
	CHECK_INT(run("Sudan does not want a war with Chad."), 1,
	    "a rule negated as its own category: the negation in its term "
	    "keeps it");
	CHECK_STR(hit_rule(0), "restraint", "the step down fires");
	CHECK_INT(run("Sudan showed restraint."), 1, "restraint shown fires");
	CHECK_INT(run("Sudan rejected the call for restraint."), 0,
	    "but a cue outside its terms refuses the step down");
	CHECK_INT(run("Sudan will not retaliate."), 0,
	    "a negated term of a rule without negated is dropped");

	/* actor_kinds */
	CHECK_INT(run("The players will attack the ball."), 0,
	    "players (sports) never threaten force");
	CHECK_INT(run("The rebels will attack the town."), 1,
	    "a role of an allowed kind needs no name");
	CHECK_STR(hit_actor(0), "militants", "and is named by its role");
	CHECK_INT(run("Sudan's army will attack Chad."), 1,
	    "a role with an owner");
	CHECK_STR(hit_actor(0), "sudan", "is named by its owner");
	CHECK_INT(run("They will attack the town."), 0,
	    "with actor_kinds, no actor is no hit");
	CHECK_INT(run("Sudan massed tanks on Monday. They will attack the "
	    "town."), 1, "a pronoun stands for the actor of the sentence "
	    "before");
	CHECK_STR(hit_actor(0), "sudan", "named by the carried actor");
	CHECK_INT(run("The players trained on Monday. They will attack the "
	    "town."), 0, "a carried actor keeps its kind");
	CHECK_INT(run("Chad was warned by Sudan on Monday. It will attack "
	    "Chad."), 1, "a passive's agent");
	CHECK_STR(hit_actor(0), "sudan", "is carried, not its subject");
	/* A headline's grammar often hides its subject: there the first
	 * actor of an allowed kind in it acts. */
	CHECK_INT(run("Anger rising among troops ready to attack."), 0,
	    "a sentence whose verb group has no actor does not fire");
	CHECK_INT(run_title("Anger rising among troops ready to attack"), 1,
	    "a title whose verb group has no actor: an actor in it acts");
	CHECK_STR(hit_actor(0), "army", "and is named");
	CHECK_INT(run_title("Anger rising among players ready to attack"), 0,
	    "but only one of an allowed kind");

	/* raise */
	CHECK_INT(run("Sudan will attack Chad within 48 hours."), 1,
	    "a deadline");
	CHECK_INT(res.n_hits ? (int)rules_hit_severity(&res.hits[0]) : -1,
	    SEV_CRITICAL, "raises high to critical");
	CHECK_INT(run("Sudan will not attack Chad within 48 hours."), 1,
	    "a denial with a deadline");
	CHECK_INT(res.n_hits ? (int)rules_hit_severity(&res.hits[0]) : -1,
	    SEV_LOW, "is not raised: a step down, rated low");

	/* explain */
	rules_result_free(&res);
	explained[0] = '\0';
	CHECK_INT(rules_match_explain(r, "", "Sudan attacked Chad. The players "
	    "will strike.", &res, collect, NULL), 0, "explain runs");
	CHECK(strstr(explained, "candidate: rule force") != NULL &&
	    strstr(explained, "tense=past") != NULL,
	    "explain shows the verb group of a candidate");
	CHECK(strstr(explained, "actor players (sports)") != NULL,
	    "and its actor with its kind");
	CHECK(strstr(explained, "not fired: its actor's kind") != NULL,
	    "and why it did not fire");
	CHECK_INT(run("Sudan urged Chad to show restraint."), 1,
	    "without a refused mood, restraint urged on another fires");
	rules_free(r);
	compiled = NULL;

	/* mood = {"!demand"}: any verb group but a demand */
	rr->mood = LIST("!demand");
	r = rules_compile(&cfg, err, sizeof(err));
	CHECK(r != NULL, "a refused mood compiles");
	if (r != NULL) {
		compiled = r;
		rules_result_free(&res);
		explained[0] = '\0';
		CHECK_INT(rules_match_explain(r, "", "Sudan urged Chad to show "
		    "restraint.", &res, collect, NULL), 0, "explain runs");
		CHECK_INT((int)res.n_hits, 0, "a step urged on another party "
		    "is refused");
		CHECK(strstr(explained, "mood list refuses") != NULL,
		    "and explain says why");
		CHECK_INT(run("Sudan showed restraint."), 1,
		    "a step taken still fires");
		CHECK_INT(run("Sudan does not want a war with Chad."), 1,
		    "and so does a war disowned");
		rules_free(r);
		compiled = NULL;
	}
	rr->mood = LIST("!past");
	r = rules_compile(&cfg, err, sizeof(err));
	CHECK(r != NULL, "a refused tense compiles");
	if (r != NULL) {
		compiled = r;
		CHECK_INT(run("Sudan showed restraint."), 0,
		    "a refused tense does not fire");
		CHECK_INT(run("Sudan will show restraint."), 1,
		    "another tense does");
		rules_free(r);
		compiled = NULL;
	}
	rr->mood = LIST("past", "!past");
	CHECK(rules_compile(&cfg, err, sizeof(err)) == NULL &&
	    strstr(err, "required and refused") != NULL,
	    "a tense both required and refused is refused");
	rr->mood = LIST("!");
	CHECK(rules_compile(&cfg, err, sizeof(err)) == NULL,
	    "a bare \"!\" is refused");
	rr->mood = LIST("!!demand");
	CHECK(rules_compile(&cfg, err, sizeof(err)) == NULL,
	    "a doubled \"!\" is refused");
	rr->mood = NONE;

	rf->mood = LIST("futuristic");
	CHECK(rules_compile(&cfg, err, sizeof(err)) == NULL,
	    "an unknown mood is refused");
	rf->mood = LIST("future");
	rf->actor_kinds = LIST("wizards");
	CHECK(rules_compile(&cfg, err, sizeof(err)) == NULL &&
	    strstr(err, "wizards") != NULL, "an unknown kind is refused");

	/* actor_kinds = {"@armed"}: a class of kinds */
	classes[1].name = "armed";
	classes[1].words = LIST("state", "military", "armed-group");
	cfg.n_classes = 2;
	rf->actor_kinds = LIST("@armed");
	r = rules_compile(&cfg, err, sizeof(err));
	CHECK(r != NULL, "a class of kinds in actor_kinds compiles");
	if (r != NULL) {
		compiled = r;
		CHECK_INT(run("The rebels will attack the town."), 1,
		    "a kind of the class may act");
		CHECK_INT(run("The players will attack the ball."), 0,
		    "a kind outside the class may not");
		rules_free(r);
		compiled = NULL;
	}
	classes[1].words = LIST("state", "wizards");
	CHECK(rules_compile(&cfg, err, sizeof(err)) == NULL &&
	    strstr(err, "wizards") != NULL, "a class member that is no kind "
	    "is refused");
	rf->actor_kinds = LIST("@nowhere");
	CHECK(rules_compile(&cfg, err, sizeof(err)) == NULL &&
	    strstr(err, "@nowhere") != NULL, "an unknown class of kinds is "
	    "refused");

	/* mood = {"@unreal"}: a class of moods (and of tenses) */
	kept = classes[2];
	rf->actor_kinds = LIST("@armed");
	classes[1].words = LIST("state", "military", "armed-group");
	classes[2].name = "unreal";
	classes[2].words = LIST("future", "modal");
	cfg.n_classes = 3;
	rf->mood = LIST("@unreal");
	r = rules_compile(&cfg, err, sizeof(err));
	CHECK(r != NULL, "a class of moods in mood compiles");
	if (r != NULL) {
		compiled = r;
		CHECK_INT(run("The rebels will attack the town."), 1,
		    "a tense of the class fires");
		CHECK_INT(run("The rebels said they could attack the "
		    "town."), 1, "a mood of the class fires");
		CHECK_INT(run("The rebels could attack the town."), 0,
		    "but not on a guess that no one is reported to say");
		CHECK_INT(run("The rebels attacked the town."), 0,
		    "a tense outside the class does not");
		rules_free(r);
		compiled = NULL;
	}
	classes[2].words = LIST("future", "someday");
	CHECK(rules_compile(&cfg, err, sizeof(err)) == NULL &&
	    strstr(err, "someday") != NULL, "a class member that is no mood "
	    "is refused");
	rf->mood = LIST("@never");
	CHECK(rules_compile(&cfg, err, sizeof(err)) == NULL &&
	    strstr(err, "@never") != NULL && strstr(err, "mood") != NULL,
	    "an unknown class of moods is refused, naming the key");
	classes[2] = kept;
out:
	rules_result_free(&res);
	memcpy(rules, save, sizeof(save));
	cfg.n_rules = 0;
	cfg.classes = NULL;
	cfg.n_classes = 0;
	cfg.roles = NULL;
	cfg.n_roles = 0;
}

/*
 * The bits of a node (rules_edge_find): every edge of the trie is found
 * through them, and a word with the bit of an edge's word (64 ids
 * apart) but no edge of its own is not.
 */
static void
test_edge_bits(void)
{
	struct rules *r;
	size_t i, missed = 0, phantom = 0;
	uint32_t node, word;
	long child;

	classes[0].name = "strike";
	classes[0].words = LIST("airstrike", "bombard*", "shell", "raid");
	cfg.classes = classes;
	cfg.n_classes = 1;
	add_rule("strikes", "military", SEV_HIGH,
	    LIST("launched @strike on", "* struck ...2 targets"));
	if ((r = compile_checked("rules for the edge bits compile")) == NULL)
		return;
	for (i = 0; i < r->edges_cap; i++) {
		if (r->edges[i].key == 0)
			continue;
		node = (uint32_t)((r->edges[i].key >> 32) - 1);
		word = (uint32_t)r->edges[i].key;
		if (rules_edge_find(r, node, word) != (long)r->edges[i].child)
			missed++;
		/* the same bit, another word: answered by the table */
		child = rules_edge_find(r, node, word + 64);
		if (child != rules_edge_lookup(r, node, word + 64))
			phantom++;
	}
	CHECK(r->n_edges > 10, "the trie has edges");
	CHECK_INT(missed, 0, "every edge is found through the node's bits");
	CHECK_INT(phantom, 0, "a word that shares an edge's bit is looked up");
	CHECK_INT(rules_edge_find(r, 0, r->n_words + 1), -1,
	    "an id of no word has no edge");
	rules_free(r);
	compiled = NULL;
	cfg.n_rules = 0;
	cfg.classes = NULL;
	cfg.n_classes = 0;
}

int
main(void)
{
	struct rules *r;
	struct config_rule *rv, *rt, *rd, *rw, *rg, *rx, *re;
	char err[256];

	setup();
	rv = add_rule("vow", "retaliation", SEV_HIGH,
	    LIST("vow* to retaliat*", "respond at the right time",
	    "heavy price"));
	rv->exclude = LIST("football", "tariff*");
	rt = add_rule("threaten", "threat", SEV_HIGH,
	    LIST("threaten* to attack", "threaten* * to strike",
	    "would ... smash"));
	rt->actors = NONE;
	rd = add_rule("calm", "deescalation", SEV_LOW,
	    LIST("not want * war", "de-escalat*",
	    "deny ...3 plan* ...3 attack*"));
	rd->has_negations = 1;
	rd->negations = LIST("rejected");
	re = add_rule("exact", "threat", SEV_LOW, LIST("=aides =quit*"));
	re->actors = NONE;
	rw = add_rule("window", "threat", SEV_MEDIUM, LIST("all options"));
	rw->window = 3;
	rg = add_rule("targeted", "threat", SEV_CRITICAL, LIST("wipe out"));
	rg->actors = LIST("iran");
	rg->targets = LIST("israel");

	r = rules_compile(&cfg, err, sizeof(err));
	CHECK(r != NULL, "a configuration compiles");
	if (r == NULL) {
		printf("# %s\n", err);
		return check_done();
	}
	compiled = r;

	/* terms: stems, prefixes, wildcard, case, possessive */
	CHECK_INT(run("Iran vowed to retaliate."), 1, "a term fires");
	CHECK_STR(hit_rule(0), "vow", "the rule that fired");
	CHECK_STR(hit_actor(0), "iran", "the actor is named");
	CHECK_INT(run("IRAN VOWS TO RETALIATE"), 1, "capitals match");
	CHECK_INT(run("Tehran is vowing to retaliate."), 1, "stems meet "
	    "(vowing/vow*) and the capital stands for the country");
	CHECK_INT(run("Iran's leaders vowed retaliation"), 0,
	    "a phrase needs its words in order");
	CHECK_INT(run("Iran's army will respond at the right time."), 1,
	    "a possessive still names the actor");
	CHECK_INT(run("Iranians warned Israel would pay a heavy price."), 1,
	    "prefix alias Iranian* finds Iranians");
	CHECK_INT(run("Israel threatened Monday to strike"), 1,
	    "a lone * is any one word");
	CHECK_STR(hit_words(0), "threatened|to|strike",
	    "a hit's words are its terms' own: not the one a lone * met");
	CHECK_INT(run("Israel threatened to strike"), 0,
	    "but exactly one word");
	CHECK_INT(run("They said they would resolutely smash it"), 1,
	    "... is up to three words");
	CHECK_STR(hit_words(0), "would|smash", "nor a gap's");
	{
		char text[256] = "Iran vowed to retaliate";
		size_t k;

		/* 40 two-byte letters: the 64th byte is inside one */
		for (k = 0; k < 40; k++)
			strcat(text, "\xc3\xa9");
		CHECK_INT(run(text), 1, "a prefix meets a long word");
		CHECK_INT(res.n_hits ? (int)res.hits[0].n_words : 0, 3,
		    "its words");
		CHECK_INT(res.n_hits && res.hits[0].n_words == 3 ?
		    (int)strlen(res.hits[0].words[2]) : 0, 63,
		    "a word past 64 bytes is cut on a character's boundary");
	}
	CHECK_INT(run("They would smash it"), 1, "... is also none");
	CHECK_INT(run("They would soon and very resolutely smash it"), 0,
	    "but never four");
	CHECK_INT(run("They would not smash it"), 0,
	    "a negation cue in a gap cancels the term");
	CHECK_INT(run("Two aides quit."), 1, "a word's exact form (=aides)");
	CHECK_INT(run("Two aids quit."), 0, "and not another word of its stem");
	CHECK_INT(run("Two aide quit."), 0, "nor another form of it");
	CHECK_INT(run("Two aides quitting."), 1,
	    "=...* is a prefix, as without the =");
	CHECK_INT(run("the government threatened to attack the town"), 1,
	    "actors = {} needs no actor");
	CHECK_INT(res.n_hits ? res.hits[0].n_actors : 9, 0, "and names none");

	/* the actor condition */
	CHECK_INT(run("They vowed to retaliate."), 0, "actors = {\"*\"} needs an actor");
	CHECK_INT(run("Let us vow to retaliate."), 0,
	    "US in an alias does not match the pronoun us");
	CHECK_INT(run("The U.S. vowed to retaliate."), 1, "but U.S. matches");
	CHECK_STR(hit_actor(0), "us", "as actor us");
	CHECK_INT(run("Let us wait. Let us vow to retaliate. US vowed to "
	    "retaliate."), 1, "a word met again in other capitals is told "
	    "apart (the candidates kept per word)");
	CHECK_INT(run("US officials met. Let us vow to retaliate."), 0,
	    "and the other way round");

	/* negation */
	CHECK_INT(run("Iran did not vow to retaliate."), 0,
	    "a negation cue before the term cancels it");
	CHECK_INT(run("Iran never vowed to retaliate."), 0, "never cancels");
	CHECK_INT(run("Iran denied it had vowed to retaliate."), 0,
	    "denied cancels");
	CHECK_INT(run("Iran said no, and vowed to retaliate."), 1,
	    "a cue in another clause does not");
	CHECK_INT(run("If the attacks do not stop, Iran will respond at the "
	    "right time."), 1, "a cue in the conditional clause does not");

	/* a rule's own negations replace the default cues */
	CHECK_INT(run("Iran does not want this war"), 1,
	    "a term that holds not is not cancelled by it");
	CHECK_STR(hit_rule(0), "calm", "the deescalation rule fires");
	CHECK_INT(run("Israel rejected calls to de-escalate"), 0,
	    "the rule's own cue cancels");
	CHECK_INT(run("Israel did not de-escalate"), 1,
	    "the default cues do not apply to a rule with its own");
	/* The demo's denial: "denies" and "any" are default cues, and the
	 * term holds them, so its rule fires on the title. */
	CHECK_INT(run("Iran denies any plan to attack the dam"), 1,
	    "a denial of a plan to attack fires");
	CHECK_STR(hit_rule(0), "calm", "as de-escalation");
	CHECK_INT(run("Iran denied that it was planning an attack"), 1,
	    "plan* meets planning, with words between");

	/* exclusions */
	CHECK_INT(run("Iran's football coach vowed to retaliate"), 0,
	    "an exclusion vetoes the sentence");
	CHECK_INT(run("Iran vowed to retaliate with tariffs."), 0,
	    "a prefix exclusion too");

	/* window */
	CHECK_INT(run("Iran said all options were open"), 1,
	    "an actor within the window");
	CHECK_INT(run("Iran, in a long statement on Monday, said all options "
	    "remain"), 0, "an actor beyond the window does not count");

	/* actor list and targets */
	CHECK_INT(run("Iran vowed to wipe out Israel"), 1,
	    "the listed actor and target");
	CHECK_INT(res.n_hits ? res.hits[0].n_targets : 0, 1, "one target");
	CHECK_STR(res.n_hits && res.hits[0].n_targets ? res.hits[0].targets[0] :
	    "", "israel", "the target is named");
	CHECK_INT(run("Israel vowed to wipe out Iran"), 0,
	    "an actor not in the rule's list does not fire it");
	CHECK_INT(run("Iran vowed to wipe out Hamas"), 0,
	    "a target not in the list does not");

	/* reported speech keeps its actor */
	CHECK_INT(run("US officials said Iran had vowed to retaliate."), 1,
	    "reported speech fires");
	CHECK_STR(hit_actor(0), "iran", "and the vow is Iran's, not the US's");
	CHECK_INT(run("Iran said that after the killing of Haniyeh it had "
	    "vowed to retaliate."), 1, "a vow after an object fires");
	CHECK_STR(hit_actor(0), "iran", "the object (of Haniyeh) is not the actor");
	CHECK_INT(run("\"We will respond at the right time,\" Iran said."), 1,
	    "speaker after the quote");
	CHECK_STR(hit_actor(0), "iran", "is the actor");

	/* names joined by "and" */
	CHECK_INT(run("Israel and Iran vowed to retaliate."), 1,
	    "joined subjects fire");
	CHECK_STR(hit_actor(0), "israel", "the first of them acts");

	/* the longest alias wins */
	CHECK_INT(run("The Islamic Republic of Iran vowed to retaliate "
	    "against Israel."), 1, "a long alias");
	CHECK_INT(res.n_hits ? res.hits[0].n_actors : 0, 1, "counts once");

	/* offsets and the title */
	rules_result_free(&res);
	CHECK_INT(rules_match(r, "Iran vows to retaliate", "Nothing else.",
	    &res), 0, "title and body");
	CHECK_INT(res.n_hits, 1, "the title is matched");
	CHECK_INT(res.n_hits ? res.hits[0].start : 9, 0, "at offset 0");
	CHECK_INT(res.n_hits ? res.hits[0].end : 9, 22, "to its end");

	/* one hit per category and sentence */
	CHECK_INT(run("Iran vowed to retaliate and threatened to attack."), 2,
	    "two categories, two hits");

	/* explain */
	rules_result_free(&res);
	explained[0] = '\0';
	CHECK_INT(rules_match_explain(r, "", "Iran did not vow to retaliate. "
	    "Iran's football team vowed to retaliate. Iran vowed to retaliate.",
	    &res, collect, NULL), 0, "explain runs");
	CHECK(strstr(explained, "negated by \"not\"") != NULL,
	    "explain names the negation cue");
	CHECK(strstr(explained, "exclusion \"football\"") != NULL,
	    "explain names the exclusion");
	CHECK(strstr(explained, "hit: rule vow") != NULL, "explain shows the hit");
	rules_result_free(&res);
	rules_free(r);

	/* errors */
	rv->actors = LIST("nobody");
	CHECK(rules_compile(&cfg, err, sizeof(err)) == NULL,
	    "an unknown actor is refused");
	CHECK(strstr(err, "nobody") != NULL, "naming the actor");
	rv->actors = LIST("*");
	rx = rv;
	rx->language = "klingon";
	CHECK(rules_compile(&cfg, err, sizeof(err)) == NULL,
	    "an unknown language is refused");
	CHECK(strstr(err, "klingon") != NULL && strstr(err, "vow") != NULL,
	    "naming the rule and the language");
	rx->language = "english";
	rv->terms = LIST("  ");
	CHECK(rules_compile(&cfg, err, sizeof(err)) == NULL,
	    "an empty term is refused");
	rv->terms = LIST("... at the end");
	CHECK(rules_compile(&cfg, err, sizeof(err)) == NULL,
	    "a term that starts with ... is refused");
	CHECK(strstr(err, "goes between two words") != NULL, "saying why");

	setup();
	test_classes();
	setup();
	test_filter();
	test_path_bits();
	test_join();
	setup();
	test_bound();
	setup();
	test_clauses();
	setup();
	test_edge_bits();
	return check_done();
}
