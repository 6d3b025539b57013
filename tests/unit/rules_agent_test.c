/*
 * rules_agent_test: who acts and against whom in a hit, on a
 * configuration built here: the noun a participle modifies, rules
 * with agent = "none", places that set the scene, fighters as
 * targets, the subject of a state of intent ("is poised to"), the
 * owner of a noun (agent = "owner"), a step demanded of the party
 * named after its noun, and the agent after a participle's "by".
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "../../src/actor.h"
#include "../../src/rules.h"

#include "rules_fixture.h"

static struct config_role roles[3];

/* One state, Chad, and one role of fighters, militants. */
static void
setup_chad_militants(void)
{
	actors[0].name = "chad";
	actors[0].names = LIST("Chad");
	actors[0].kind = ACTOR_STATE;
	cfg.n_actors = 1;
	roles[0].name = "militants";
	roles[0].names = LIST("militant*");
	roles[0].kind = ACTOR_ARMED_GROUP;
	cfg.roles = roles;
	cfg.n_roles = 1;
}

/* Chad, named also by its demonym, and Sudan, beside the militants. */
static void
setup_chad_sudan(void)
{
	setup_chad_militants();
	actors[0].names = LIST("Chad", "Chadian*");
	actors[1].name = "sudan";
	actors[1].names = LIST("Sudan*");
	actors[1].kind = ACTOR_STATE;
	cfg.n_actors = 2;
}

/*
 * A participle outside the verb group is done by the noun before it,
 * even after a preposition: the militants threaten, not the subject.
 */
static void
test_participle(void)
{
	struct config_rule *rt;
	struct rules *r;

	setup_chad_militants();
	rt = add_rule("threat", "threat", SEV_HIGH,
	    LIST("threaten* to attack"));
	rt->actor_kinds = LIST("state", "armed-group");
	if ((r = compile_checked("a rule with actor kinds compiles")) == NULL)
		goto out;
	CHECK_INT(run("Chad sent a reply to militants threatening to attack "
	    "the town."), 1, "a threat in a participle fires");
	CHECK_STR(hit_actor(0), "militants", "... done by the noun before "
	    "it, not the clause's subject");
	CHECK_INT(run("Chad was threatening to attack the town."), 1,
	    "a participle in the verb group fires");
	CHECK_STR(hit_actor(0), "chad", "... done by the subject");
	rules_free(r);
	compiled = NULL;
out:
	rules_result_free(&res);
}

/*
 * agent = "none": a rule that reads a situation, not a speaker's act,
 * names no one acting; every party named is a target.
 */
static void
test_agent_none(void)
{
	struct config_rule *rn, *rs;
	struct rules *r;
	char err[256];

	rs = add_rule("subject", "threat", SEV_HIGH,
	    LIST("hostage* ...12 deadline"));
	rs->actors = NONE;
	rn = add_rule("situation", "control", SEV_HIGH,
	    LIST("hostage* ...12 deadline"));
	rn->actors = NONE;
	rn->agent = RULE_AGENT_NONE;
	if ((r = compile_checked("a rule with agent none compiles")) == NULL)
		goto out;
	CHECK_INT(run("Iran said an Israeli hostage faces a deadline."), 2,
	    "both rules fire");
	CHECK_STR(hit_rule(0), "subject", "the first without agent none");
	CHECK_INT(res.n_hits == 2 ? res.hits[0].n_actors : 9, 1,
	    "... names a party acting");
	CHECK_STR(hit_rule(1), "situation", "the second with it");
	CHECK_INT(res.n_hits == 2 ? res.hits[1].n_actors : 9, 0,
	    "... names no one acting");
	CHECK(res.n_hits == 2 && res.hits[1].n_targets == 2 &&
	    strcmp(res.hits[1].targets[0], "iran") == 0 &&
	    strcmp(res.hits[1].targets[1], "israel") == 0,
	    "... and every party named as a target, in order");
	CHECK_INT(run("An Israeli hostage faces a deadline imposed by "
	    "Hamas."), 2, "a deadline with its maker named fires");
	CHECK_STR(res.n_hits == 2 ? hit_actor(1) : "", "hamas",
	    "... as the threat of the party that imposed it");
	CHECK(res.n_hits == 2 && res.hits[1].n_targets == 1 &&
	    strcmp(res.hits[1].targets[0], "israel") == 0,
	    "... against the parties named before it");
	CHECK_INT(run("An Israeli hostage faces the Iranian deadline."), 2,
	    "a deadline a name qualifies fires");
	CHECK_STR(res.n_hits == 2 ? hit_actor(1) : "", "iran",
	    "... as its owner's threat");
	rules_free(r);
	compiled = NULL;

	rn->actor_kinds = LIST("state");
	CHECK(rules_compile(&cfg, err, sizeof(err)) == NULL &&
	    strstr(err, "situation") != NULL &&
	    strstr(err, "actor_kinds can never be met") != NULL,
	    "agent none with actor_kinds is refused, naming the rule");
out:
	rules_result_free(&res);
}

/* Are the hit's targets exactly the names given, in order? */
static int
targets_are(size_t i, const char *a, const char *b)
{
	size_t n = b != NULL ? 2 : a != NULL ? 1 : 0;

	return i < res.n_hits && res.hits[i].n_targets == n &&
	    (n < 1 || strcmp(res.hits[i].targets[0], a) == 0) &&
	    (n < 2 || strcmp(res.hits[i].targets[1], b) == 0);
}

/*
 * A country in a phrase of place is threatened only where the force
 * would land, right after the term; elsewhere it is the scene.  In a
 * step down the place may be the other party, and stays.
 */
static void
test_place(void)
{
	struct config_rule *rt, *rn, *rd;
	struct rules *r;
	size_t k;

	for (k = 0; k < 4; k++)
		actors[k].kind = ACTOR_STATE;
	rt = add_rule("threat", "threat", SEV_HIGH,
	    LIST("threaten* to kill", "threaten* to strike"));
	rt->actor_kinds = LIST("state");
	rn = add_rule("situation", "threat", SEV_HIGH,
	    LIST("hostage* ...12 deadline", "hostage* ...3 facing death"));
	rn->actors = NONE;
	rn->agent = RULE_AGENT_NONE;
	rd = add_rule("talks", "deescalation", SEV_LOW, LIST("for talks"));
	rd->actor_kinds = LIST("state");
	if ((r = compile_checked("rules with clause keys and agent none "
	    "compile")) == NULL)
		goto out;
	CHECK_INT(run("Hamas threatened to kill an Israeli hostage held in "
	    "Iran unless Washington pulls its troops out of Iran."), 1,
	    "a threat fires");
	CHECK(targets_are(0, "israel", "us"), "... against the captive's "
	    "side and the party pressed, not where he is held or whence "
	    "troops leave");
	CHECK_INT(run("Hamas threatened to kill the hostage unless Iranian "
	    "prisoners are freed."), 1, "a threat for prisoners' release "
	    "fires");
	CHECK(targets_are(0, NULL, NULL), "... and the prisoners' side is "
	    "no target: the demand is made for it");
	CHECK_INT(run("Iran threatened to strike anywhere in Israel."), 1,
	    "a threat to a place fires");
	CHECK(targets_are(0, "israel", NULL), "... against the place the "
	    "force would land on");
	CHECK_INT(run("An Israeli hostage held in Iran faces a deadline."), 1,
	    "a rule with agent none fires");
	CHECK(targets_are(0, "israel", NULL), "... and every party named is "
	    "a target but the scene");
	CHECK_INT(run("An Israeli hostage facing death in Iran waits."), 1,
	    "a situation with its place right after its term fires");
	CHECK(targets_are(0, "israel", NULL), "... and with no one acting, "
	    "no force lands on that place: it is the scene");
	CHECK_INT(run("Hamas envoys arrived in Iran for talks."), 1,
	    "a step down fires");
	CHECK(targets_are(0, "iran", NULL), "... and its place is its "
	    "other party");
	rules_free(r);
	compiled = NULL;
out:
	rules_result_free(&res);
}

/*
 * A party that acts in a clause told beside the threat ("as X presses
 * for a truce", "after X voted") is a bystander, not a target; one
 * only named there, and a retaliation's cause, stay.
 */
static void
test_beside(void)
{
	struct config_rule *rt, *rr;
	struct rules *r;
	size_t k;

	for (k = 0; k < 4; k++)
		actors[k].kind = ACTOR_STATE;
	rt = add_rule("threat", "threat", SEV_HIGH,
	    LIST("threaten* to strike", "vow* to strike"));
	rt->actor_kinds = LIST("state");
	rr = add_rule("revenge", "retaliation", SEV_HIGH, LIST("vow* revenge"));
	rr->actor_kinds = LIST("state");
	if ((r = compile_checked("rules for parties beside the term "
	    "compile")) == NULL)
		goto out;
	CHECK_INT(run("Israel threatened to strike Hamas as Washington "
	    "pressed for a truce."), 1, "a threat beside a mediator fires");
	CHECK(targets_are(0, "hamas", NULL), "... against its object, not "
	    "the party pressing for a truce beside it");
	CHECK_INT(run("Israel vowed to strike Hamas after Iran voted for a "
	    "truce."), 1, "a threat after a vote fires");
	CHECK(targets_are(0, "hamas", NULL), "... and the voter is no "
	    "target");
	CHECK_INT(run("Israel vowed to strike as talks with Hamas went on."),
	    1, "a threat beside talks fires");
	CHECK(targets_are(0, "hamas", NULL), "... and a party only named "
	    "in the talks stays a target");
	CHECK_INT(run("Iran vowed revenge as Washington armed Israel."), 1,
	    "a retaliation fires");
	CHECK(targets_are(0, "us", "israel"), "... against the cause told "
	    "beside it");
	rules_free(r);
	compiled = NULL;
out:
	rules_result_free(&res);
}

/*
 * A title with no one acting in the term's verb group: its first party
 * of the rule's kinds lets the rule fire, and acts, unless it is named
 * after the term in a clause told beside it ("truce holds as Chadians
 * protest"): there it does something else, and the hit names no one.
 * A party before the term ("Sudan frees captives as the truce holds")
 * is one to it.
 */
static void
test_title_beside(void)
{
	struct config_rule *rd;
	struct rules *r;

	setup_chad_sudan();
	rd = add_rule("truce", "deescalation", SEV_LOW,
	    LIST("truce ...2 holds"));
	rd->actor_kinds = LIST("state");
	if ((r = compile_checked("a truce rule with actor kinds compiles")) ==
	    NULL)
		goto out;
	CHECK_INT(run_title("Darfur truce holds as Chadians protest a "
	    "killing"), 1, "a truce told beside a protest fires");
	CHECK_STR(hit_actor(0), "(none)", "... and the protesters named "
	    "after it do not act in it");
	CHECK_INT(run_title("Darfur truce holds while Chadian mourners "
	    "gather"), 1, "... so with 'while'");
	CHECK_STR(hit_actor(0), "(none)", "... no one acts in it");
	CHECK_INT(run_title("Sudanese fighters free captives as truce "
	    "holds"), 1, "a truce beside a release fires");
	CHECK_STR(hit_actor(0), "sudan", "... the party before it acts");
	rules_free(r);
	compiled = NULL;
out:
	rules_result_free(&res);
}

/*
 * "the militants" opening a reported clause are the speaker's own when
 * the speaker is an armed group, the role's kind; a state's speaker
 * leaves them the militants.
 */
static void
test_own_by_kind(void)
{
	struct config_rule *rd;
	struct rules *r;

	setup_chad_militants();
	actors[1].name = "ostland-front";
	actors[1].names = LIST("Ostland Front");
	actors[1].kind = ACTOR_ARMED_GROUP;
	cfg.n_actors = 2;
	rd = add_rule("free", "deescalation", SEV_LOW,
	    LIST("free the captives"));
	rd->actor_kinds = LIST("state", "armed-group");
	if ((r = compile_checked("a release rule with actor kinds compiles"))
	    == NULL)
		goto out;
	CHECK_INT(run("The Ostland Front said the militants would free the "
	    "captives."), 1, "a release the group's speaker reports fires");
	CHECK_STR(hit_actor(0), "ostland-front", "... by the speaker's own "
	    "fighters");
	CHECK_INT(run("Chad said the militants would free the captives."), 1,
	    "a release a state reports fires");
	CHECK_STR(hit_actor(0), "militants", "... by fighters not its own");
	rules_free(r);
	compiled = NULL;
out:
	rules_result_free(&res);
}

/*
 * Who reports a step between two other parties is a third party, not
 * the step's other side; with one other party named it may be.
 */
static void
test_reporter_step(void)
{
	struct config_rule *rd;
	struct rules *r;
	size_t k;

	for (k = 0; k < 4; k++)
		actors[k].kind = ACTOR_STATE;
	rd = add_rule("extend", "deescalation", SEV_LOW,
	    LIST("extend the truce"));
	rd->actor_kinds = LIST("state");
	if ((r = compile_checked("a truce rule compiles")) == NULL)
		goto out;
	CHECK_INT(run("Israel and Hamas agreed to extend the truce, the US "
	    "said."), 1, "a truce a third party reports fires");
	CHECK(targets_are(0, "hamas", NULL), "... its other side a target, "
	    "not the one reporting it");
	CHECK_INT(run("Israel agreed to extend the truce, Iran said."), 1,
	    "a truce one other party reports fires");
	CHECK(targets_are(0, "iran", NULL), "... and that party may be its "
	    "other side");
	rules_free(r);
	compiled = NULL;
out:
	rules_result_free(&res);
}

/*
 * Fighters with no owner are a party to a hit, named by their role,
 * unless those acting are fighters too.
 */
static void
test_role_target(void)
{
	struct config_rule *rt;
	struct rules *r;

	setup_chad_militants();
	rt = add_rule("threat", "threat", SEV_HIGH, LIST("vow* to crush"));
	rt->actor_kinds = LIST("state", "armed-group");
	if ((r = compile_checked("a rule with actor kinds compiles")) == NULL)
		goto out;
	CHECK_INT(run("Chad vowed to crush the militants."), 1,
	    "a state's vow against fighters fires");
	CHECK(targets_are(0, "militants", NULL), "... against the fighters, "
	    "by their role");
	CHECK_INT(run("The militants vowed to crush rival militants."), 1,
	    "fighters' vow against fighters fires");
	CHECK(targets_are(0, NULL, NULL), "... and the fighters are no "
	    "target of their own kind's vow");
	rules_free(r);
	compiled = NULL;
out:
	rules_result_free(&res);
}

/*
 * "Is poised to", "is prepared to": a participle of intent after "is" is
 * the subject's state, not a passive, so the subject acts, not the one
 * who reports it.
 */
static void
test_intent_state(void)
{
	struct config_rule *rt;
	struct rules *r;

	setup_chad_militants();
	roles[1].name = "official";
	roles[1].names = LIST("official*");
	roles[1].kind = ACTOR_OFFICIAL;
	cfg.n_roles = 2;
	rt = add_rule("threat", "threat", SEV_HIGH,
	    LIST("poised to attack", "prepared to attack"));
	rt->actor_kinds = LIST("state", "official");
	if ((r = compile_checked("a rule of intent compiles")) == NULL)
		goto out;
	CHECK_INT(run("Officials say Chad is poised to attack the town."), 1,
	    "a reported state of intent fires");
	CHECK_STR(hit_actor(0), "chad", "... done by its subject, not by "
	    "the officials who report it");
	CHECK_INT(run("Chad is prepared to attack the town."), 1,
	    "'is prepared to' fires");
	CHECK_STR(hit_actor(0), "chad", "... done by its subject");
	rules_free(r);
	/* a role that speaks for no party reports another's plan */
	roles[2].name = "observers";
	roles[2].names = LIST("analyst*");
	roles[2].kind = ACTOR_INDIVIDUAL;
	cfg.n_roles = 3;
	if ((r = compile_checked("the rule compiles with observers")) == NULL)
		goto out;
	CHECK_INT(run("Analysts say Chad is poised to attack the town."), 0,
	    "a plan that analysts report is their account, no threat");
	CHECK_INT(run("Officials say Chad is poised to attack the town."), 1,
	    "... while officials may speak for the one acting");
	rules_free(r);
	compiled = NULL;
out:
	rules_result_free(&res);
}

/*
 * agent = "owner": a threat told as a noun is its owner's ("amid Russia
 * threat", "threats from Chad"), and nobody's when it names no owner;
 * the clause's subject never stands in.
 */
static void
test_owner(void)
{
	struct config_rule *rt;
	struct rules *r;

	setup_chad_sudan();
	rt = add_rule("owned", "threat", SEV_LOW, LIST("threat"));
	rt->agent = RULE_AGENT_OWNER;
	if ((r = compile_checked("a rule with agent owner compiles")) == NULL)
		goto out;
	CHECK_INT(run("Sudan sends troops to the border amid Chad threat."), 1,
	    "a threat owned by a name before it fires");
	CHECK_STR(hit_actor(0), "chad", "... as its owner's, not the "
	    "subject's");
	CHECK_INT(run("Sudan fears a new Chadian military threat."), 1,
	    "an owner past adjectives fires");
	CHECK_STR(hit_actor(0), "chad", "... as the owner's");
	CHECK_INT(run("Sudan bolsters defences amid threats from Chad."), 1,
	    "an owner after 'from' fires");
	CHECK_STR(hit_actor(0), "chad", "... as the owner's");
	CHECK_INT(run("Sudan warned of the threat of encirclement."), 0,
	    "a threat with no owner does not fire");
	CHECK_INT(run("Chadian forces pose threat to Sudan."), 0,
	    "a danger posed is no owned threat: the verb stands between");
	CHECK_INT(run("Sudan faces a growing threat from militants."), 0,
	    "a role no party owns names a danger, not its maker");
	CHECK_INT(run("Sudan condemned Chad-backed threats to its officials."),
	    0, "a name that backs the threats does not own them");
	CHECK_INT(run("Chad's ties to Libya and threat to Sudan."), 1,
	    "a bare noun after 'and' shares the possessive before it");
	CHECK_STR(hit_actor(0), "chad", "... as the possessive's");
	CHECK_INT(run("Chad's envoy arrived and threats to Sudan followed."),
	    0, "not past a verb: the threats are another clause's");
	rules_free(r);
	compiled = NULL;
out:
	rules_result_free(&res);
}

/*
 * A guess reported of an act that a name right before it qualifies
 * ("Chad warns Sudanese offensive could continue", which a headline's
 * analysis reads with Sudan as the one warned) is the speaker's forecast
 * of that party's act; the speaker's own act, by its name or "its",
 * still fires.
 */
static void
test_act_qualifier(void)
{
	struct config_rule *rt;
	struct rules *r;

	setup_chad_sudan();
	rt = add_rule("goes-on", "threat", SEV_MEDIUM,
	    LIST("offensive ...4 continu*"));
	rt->mood = LIST("future", "intent", "threat");
	rt->actor_kinds = LIST("state");
	if ((r = compile_checked("a rule of force going on compiles")) == NULL)
		goto out;
	CHECK_INT(run_title("Chad Warns Sudanese Offensive Could Continue "
	    "for Months"), 0, "another party's act guessed at does not fire");
	CHECK_INT(run_title("Chad Warns Sudanese Offensive in Darfur Could "
	    "Continue for Months"), 0, "... nor with its target named");
	CHECK_INT(run_title("Chad Warns Chadian Offensive Could Continue for "
	    "Months"), 1, "the speaker's own act fires");
	CHECK_STR(hit_actor(0), "chad", "... as the speaker's");
	CHECK_INT(run_title("Chad Warns Its Offensive Could Continue for "
	    "Months"), 1, "... and so with a possessive");
	CHECK_INT(run_title("Chad Warns Sudanese Offensive Will Continue "
	    "for Months"), 0, "another party's act told as what will be "
	    "does not fire either");
	CHECK_INT(run_title("Chad Warns Chadian Offensive Will Continue for "
	    "Months"), 1, "the speaker's own act that will be fires");
	CHECK_STR(hit_actor(0), "chad", "... as the speaker's");
	CHECK_INT(run_title("Chad Warns Its Offensive Will Continue for "
	    "Months"), 1, "... and so with a possessive");
	rules_free(r);
	compiled = NULL;
out:
	rules_result_free(&res);
}

/*
 * A plan in the past told as the content of a warning or a report
 * ("warnings that Chad was preparing to attack") is the author's account
 * of the party, no threat by it; the party's own warning, or one whose
 * subject is a pronoun that may stand for its author, still is.
 */
static void
test_account_plan(void)
{
	struct config_rule *rt;
	struct rules *r;

	setup_chad_sudan();
	rt = add_rule("plan", "threat", SEV_HIGH,
	    LIST("prepar* to attack", "about to attack", "would attack"));
	rt->actor_kinds = LIST("state", "armed-group");
	if ((r = compile_checked("a rule of intent compiles")) == NULL)
		goto out;
	CHECK_INT(run("After months of warnings that Chad was preparing to "
	    "attack Sudan, the border is closed."), 0,
	    "a past plan in a warning's content does not fire");
	CHECK_INT(run("Families fled after a warning from the militants that "
	    "Chad was about to attack the camps."), 0,
	    "... nor one whose warning names its author after 'from'");
	CHECK_INT(run("Sudan closed the border after reports that Chad was "
	    "preparing to attack the camps."), 0,
	    "... nor a report's content");
	CHECK_INT(run("Chad was preparing to attack Sudan."), 1,
	    "a plan told by the writer still fires");
	CHECK_INT(run("Chad issued a warning that it was preparing to attack "
	    "the camps."), 1, "a pronoun subject may be the author's own");
	CHECK_INT(run("Chad's warning that Chadian troops were preparing to "
	    "attack the camps alarmed Sudan."), 1,
	    "the party's own warning still fires");
	CHECK_INT(run("Chad issued a warning that Chadian troops would attack "
	    "the camps."), 1, "a warning of what will be still fires");
	rules_free(r);
	compiled = NULL;
out:
	rules_result_free(&res);
}

/*
 * A step told as a noun and demanded of the party named after it ("the
 * disarmament of Chad") is a demand of another, which the rule refuses;
 * one the demander's own side would take is not.
 */
static void
test_step_demanded(void)
{
	struct config_rule *rt;
	struct rules *r;

	setup_chad_sudan();
	roles[1].name = "military";
	roles[1].names = LIST("troops");
	roles[1].kind = ACTOR_MILITARY;
	cfg.n_roles = 2;
	rt = add_rule("steps", "deescalation", SEV_LOW,
	    LIST("disarmament", "withdrawal"));
	rt->mood = LIST("!demand-of-other");
	if ((r = compile_checked("a rule refusing demand-of-other compiles"))
	    == NULL)
		goto out;
	CHECK_INT(run("Sudan demanded the complete disarmament of Chad."), 0,
	    "a step demanded of the party named after its noun is refused");
	CHECK_INT(run("Sudan demanded the withdrawal of Chadian troops."), 0,
	    "... and so is one demanded of that party's troops");
	CHECK_INT(run("Sudan agreed to the withdrawal of its troops."), 1,
	    "a step a party agrees to for itself fires");
	CHECK_INT(run("Sudan demanded the withdrawal of its own troops."), 1,
	    "a step demanded of the demander's own side is no demand of "
	    "another");
	rules_free(r);
	compiled = NULL;
out:
	rules_result_free(&res);
}

/*
 * A participle with "by" passes its act to the party after "by", before
 * any modifier of the noun: the hostages' own state, named before, is
 * the one the act is done to.
 */
static void
test_participle_by(void)
{
	struct config_rule *rt;
	struct rules *r;

	setup_chad_sudan();
	rt = add_rule("freed", "deescalation", SEV_LOW,
	    LIST("hostages ...3 freed by"));
	rt->actor_kinds = LIST("state", "armed-group");
	if ((r = compile_checked("a rule with a participle compiles")) == NULL)
		goto out;
	CHECK_INT(run("Two Chadian hostages freed by Sudan returned home."), 1,
	    "captives freed by a party fire");
	CHECK_STR(hit_actor(0), "sudan", "... as the act of the party after "
	    "'by', not of the captives' state");
	CHECK_INT((int)res.hits[0].n_targets, 1, "... with one target");
	CHECK_STR(res.hits[0].n_targets > 0 ? res.hits[0].targets[0] :
	    "(none)", "chad", "... the captives' state, named before");
	CHECK_INT(run("Two Chadian hostages just freed by militants spoke."),
	    1, "an adverb before the participle fires too");
	CHECK_STR(hit_actor(0), "militants", "... as the act of the party "
	    "after 'by'");
	rules_free(r);
	compiled = NULL;
out:
	rules_result_free(&res);
}

int
main(void)
{
	setup();
	test_participle();
	setup();
	test_agent_none();
	setup();
	test_place();
	setup();
	test_beside();
	setup();
	test_role_target();
	setup();
	test_intent_state();
	setup();
	test_owner();
	setup();
	test_step_demanded();
	setup();
	test_participle_by();
	setup();
	test_title_beside();
	setup();
	test_own_by_kind();
	setup();
	test_reporter_step();
	setup();
	test_account_plan();
	setup();
	test_act_qualifier();
	return check_done();
}
