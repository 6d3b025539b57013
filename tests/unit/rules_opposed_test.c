/*
 * rules_opposed_test: the rule key opposed_by (issue 10), on a
 * configuration built here.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "../../src/actor.h"
#include "../../src/rules.h"

#include "rules_fixture.h"

/* The word classes a test sets up for its rules. */
static struct config_class classes[4];

/*
 * opposed_by: a step down named as the object of a verb of opposition
 * or of force is that party's stance against it, not its step; the verb
 * must be the one that governs the term, in the term's own stretch of
 * words.  Sentences of our own with Sudan and Chad.
 */
static void
test_opposed(void)
{
	struct config_rule *rt, *rs;
	struct rules *r;
	char err[256];

	setup_sudan_chad();
	classes[0].name = "talks";
	classes[0].words = LIST("talks", "truce", "mediation");
	classes[1].name = "step";
	classes[1].words = LIST("agree*", "resum*", "offer*", "monitor*");
	classes[2].name = "against";
	classes[2].words = LIST("oppos*", "accus*", "condemn*",
	    "vot* against", "withdr* from", "stall*", "disrupt*");
	classes[3].name = "assail";
	classes[3].words = LIST("shot down", "ambush*");
	cfg.classes = classes;
	cfg.n_classes = 4;
	rt = add_rule("talks", "deescalation", SEV_LOW,
	    LIST("@step ...4 @talks", "@talks ...4 @step"));
	rt->actor_kinds = LIST("state", "armed-group");
	rt->negated = "drop";
	rt->opposed_by = LIST("@against", "@assail");
	/* the same terms without the key, in a category of its own (one
	 * hit per category is kept), to show what the key changes */
	rs = add_rule("plain", "control", SEV_LOW,
	    LIST("@step ...4 @talks", "@talks ...4 @step"));
	rs->actor_kinds = LIST("state", "armed-group");
	rs->negated = "drop";

	if ((r = compile_checked("rules with opposed_by compile")) == NULL)
		goto out;
	CHECK_INT(run("Sudan agreed to a truce with Chad."), 2,
	    "a truce agreed fires with and without opposed_by");
	CHECK_INT(run("Sudan opposed the mediation offered by Chad."), 1, "mediation opposed: only the rule without opposed_by fires");
	CHECK_STR(hit_rule(0), "plain", "that one");
	CHECK_INT(run("Sudan accused Chad of stalling the talks it had "
	    "offered."), 1, "talks named in an accusation are no step");
	CHECK_STR(hit_rule(0), "plain", "for the rule with opposed_by");
	CHECK_INT(run("Sudan voted against the truce agreed by Chad."), 1,
	    "a phrase of several words opposes too");
	CHECK_STR(hit_rule(0), "plain", "only without the key");
	CHECK_INT(run("Sudan ambushed a convoy of truce monitors."), 1,
	    "force against a truce's monitors is no step");
	CHECK_STR(hit_rule(0), "plain", "with the key");
	CHECK_INT(run("Sudan condemned the raid and agreed to talks with "
	    "Chad."), 2, "a second verb after \"and\": the talks are "
	    "agreed, not condemned");
	CHECK_INT(run("Chad opposed the plan, but Sudan resumed talks with "
	    "the rebels."), 2, "opposition in another clause leaves the "
	    "step alone");
	CHECK_INT(run("Sudan agreed to withdraw from the truce with Chad."),
	    1, "a verb of opposition in the term's gap opposes it");
	CHECK_STR(hit_rule(0), "plain", "only without the key");
	CHECK_INT(run("Sudan agreed to resume stalled talks with Chad."), 2,
	    "... but a participle before the noun does not");
	CHECK_INT(run("Sudan agreed to disrupt and hold talks."), 2,
	    "... nor one whose object is another, when a later verb takes "
	    "the term's last word");
	CHECK_INT(run("Sudan has in turn accused Chad of deliberately "
	    "trying to disrupt the truce agreement."), 1, "a verb that "
	    "takes the term for its object opposes it, wherever the "
	    "analysis put the term");
	CHECK_STR(hit_rule(0), "plain", "only without the key");
	rules_result_free(&res);
	explained[0] = '\0';
	CHECK_INT(rules_match_explain(r, "", "Sudan condemned the truce "
	    "offered by Chad.", &res, collect, NULL), 0, "explain runs");
	CHECK(strstr(explained, "what it names (\"condemned\", opposed_by)") !=
	    NULL, "explain names the verb that opposes the term");
	rules_free(r);
	compiled = NULL;

	rt->opposed_by = LIST("@nowhere");
	CHECK(rules_compile(&cfg, err, sizeof(err)) == NULL &&
	    strstr(err, "@nowhere") != NULL, "an unknown class in opposed_by "
	    "is refused");
out:
	rules_result_free(&res);
}

int
main(void)
{
	setup();
	test_opposed();
	return check_done();
}
