/*
 * rules_agent_test: who acts and against whom in a hit, on a
 * configuration built here: the noun a participle modifies, and rules
 * with agent = "none".
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "../../src/actor.h"
#include "../../src/rules.h"

#include "rules_fixture.h"

static struct config_role roles[1];

/*
 * A participle outside the verb group is done by the noun before it,
 * even after a preposition: the militants threaten, not the subject.
 */
static void
test_participle(void)
{
	struct config_rule *rt;
	struct rules *r;
	char err[256];

	actors[0].name = "chad";
	actors[0].names = LIST("Chad");
	actors[0].kind = ACTOR_STATE;
	cfg.n_actors = 1;
	roles[0].name = "militants";
	roles[0].names = LIST("militant*");
	roles[0].kind = ACTOR_ARMED_GROUP;
	cfg.roles = roles;
	cfg.n_roles = 1;
	rt = add_rule("threat", "threat", SEV_HIGH,
	    LIST("threaten* to attack"));
	rt->actor_kinds = LIST("state", "armed-group");
	r = rules_compile(&cfg, err, sizeof(err));
	CHECK(r != NULL, "a rule with actor kinds compiles");
	if (r == NULL) {
		printf("# %s\n", err);
		goto out;
	}
	compiled = r;
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
	r = rules_compile(&cfg, err, sizeof(err));
	CHECK(r != NULL, "a rule with agent none compiles");
	if (r == NULL) {
		printf("# %s\n", err);
		goto out;
	}
	compiled = r;
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

int
main(void)
{
	setup();
	test_participle();
	setup();
	test_agent_none();
	return check_done();
}
