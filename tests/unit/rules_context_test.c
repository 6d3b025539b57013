/*
 * rules_context_test: the rule keys context, callers and between and
 * the actor key rivals (issue 10), on a configuration built here.
 * Sentences of our own.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "../../src/actor.h"
#include "../../src/rules.h"

#include "rules_fixture.h"

static struct config_class classes[1];
static struct config_role roles[1];

/*
 * Talks are peace talks only in an article about a war, wherever in it
 * the war is named, or between rivals, whichever of them is said to
 * have the other as its rival; a rule without context is the control.
 */
static void
test_context(void)
{
	struct config_rule *rt, *rp;
	struct rules *r;
	char err[256];

	classes[0].name = "conflict";
	classes[0].words = LIST("war", "fighting", "cease ...1 fire");
	cfg.classes = classes;
	cfg.n_classes = 1;
	actors[0].kind = actors[1].kind = actors[2].kind = ACTOR_STATE;
	actors[3].kind = ACTOR_ARMED_GROUP;
	actors[1].rivals = LIST("hamas");
	/* actor_kinds: the subject acts, the others named are its targets */
	rt = add_rule("talks", "deescalation", SEV_LOW, LIST("held talks"));
	rt->actor_kinds = LIST("state", "armed-group");
	rt->context = LIST("@conflict");
	rp = add_rule("plain", "control", SEV_LOW, LIST("held talks"));
	rp->actor_kinds = LIST("state", "armed-group");

	r = rules_compile(&cfg, err, sizeof(err));
	CHECK(r != NULL, "a rule with context compiles");
	if (r == NULL) {
		printf("# %s\n", err);
		return;
	}
	compiled = r;
	CHECK_INT(run("Iran and the US held talks."), 1,
	    "talks in an article without a word of conflict: only the rule "
	    "without context fires");
	CHECK_STR(hit_rule(0), "plain", "that one");
	CHECK_INT(run("Iran and the US held talks on the war."), 2,
	    "a word of conflict in the sentence: both fire");
	CHECK_INT(run_article("Fighting rages on", "Iran and the US held "
	    "talks."), 2, "a word of conflict in the title is the article's");
	CHECK_INT(run("Iran and the US held talks.  The cease-fire holds."),
	    2, "so is one in a later sentence, of several words");
	CHECK_INT(run("Iran and the US held talks.  Trade grew.  Prices "
	    "fell.  The war goes on."), 1, "a word of conflict three "
	    "sentences after the talks is another part of the story");
	CHECK_INT(run_article("Iran and the US held talks", "Trade grew.  "
	    "Prices fell.  The war goes on."), 2, "but talks in the title "
	    "stand in the whole article's context");
	CHECK_INT(run("Trade grew.  Iran and the US held talks.  Fighting "
	    "goes on."), 2, "and a word of conflict in the next sentence is "
	    "near");
	CHECK_INT(run("Israel and Hamas held talks."), 2,
	    "talks between rivals need no word of conflict");
	CHECK_INT(run("Hamas held talks with Israel."), 2,
	    "whichever of the two names the other as its rival");
	CHECK_INT(run("Israel and the US held talks."), 1,
	    "but two parties that are no rivals do");
	/* a word of conflict 600 words into one long sentence: the scan
	 * goes on past its parts of 256 words */
	{
		static char longer[8192];
		size_t k, used;

		used = (size_t)snprintf(longer, sizeof(longer),
		    "Iran and the US held talks.  Then");
		for (k = 0; k < 600 && used + 8 < sizeof(longer); k++)
			used += (size_t)snprintf(longer + used,
			    sizeof(longer) - used, " more");
		snprintf(longer + used, sizeof(longer) - used, " war.");
		CHECK_INT(run(longer), 2, "a word of conflict far into a long "
		    "sentence is found");
	}
	rules_result_free(&res);
	explained[0] = '\0';
	CHECK_INT(rules_match_explain(r, "", "Iran held talks.", &res,
	    collect, NULL), 0, "explain runs");
	CHECK(strstr(explained, "cancelled: rule talks: out of context") !=
	    NULL && strstr(explained, "(\"@conflict\")") != NULL,
	    "explain says the hit is out of context, naming the phrases");
	rules_result_free(&res);
	rules_free(r);
	compiled = NULL;

	rt->context = LIST("@nowhere");
	CHECK(rules_compile(&cfg, err, sizeof(err)) == NULL &&
	    strstr(err, "@nowhere") != NULL, "an unknown class in context is "
	    "refused");
}

/*
 * callers = "parties": a call for a step (urged, called for, hoped for)
 * counts only from a party to the conflict: an armed side, or one whose
 * rival the sentence names, or when it is asked of a named party; a
 * rule without the key is the control.
 */
static void
test_callers(void)
{
	struct config_rule *rt, *rp;
	struct rules *r;

	classes[0].name = "talks";
	classes[0].words = LIST("ceasefire", "truce");
	cfg.classes = classes;
	cfg.n_classes = 1;
	cfg.n_rules = 0;
	actors[0].kind = actors[1].kind = actors[2].kind = ACTOR_STATE;
	actors[3].kind = ACTOR_ARMED_GROUP;
	actors[1].rivals = LIST("hamas");
	rt = add_rule("calls", "deescalation", SEV_LOW, LIST("@talks"));
	rt->actor_kinds = LIST("state", "armed-group");
	rt->callers_parties = 1;
	rp = add_rule("plain", "control", SEV_LOW, LIST("@talks"));
	rp->actor_kinds = LIST("state", "armed-group");
	if ((r = compile_checked("a rule with callers compiles")) == NULL)
		return;
	CHECK_INT(run("The US called for a ceasefire."), 1,
	    "an outsider's call for a ceasefire: only the control fires");
	CHECK_STR(hit_rule(0), "plain", "that one");
	CHECK_INT(run("The US hopes for a truce."), 1,
	    "so does an outsider's hope");
	CHECK_INT(run("Hamas called for a ceasefire."), 2,
	    "an armed group's call is a party's");
	CHECK_INT(run("Israel called for a ceasefire with Hamas."), 2,
	    "so is one whose rival the sentence names");
	CHECK_INT(run("The US urged Israel to agree to a ceasefire."), 2,
	    "a call asked of a named party counts");
	CHECK_INT(run("The US agreed to a ceasefire."), 2,
	    "a step taken is no call");
	rules_result_free(&res);
	explained[0] = '\0';
	CHECK_INT(rules_match_explain(r, "", "The US called for a truce.",
	    &res, collect, NULL), 0, "explain runs");
	CHECK(strstr(explained, "not fired: a call by one not party to the "
	    "conflict") != NULL, "explain says why");
	rules_result_free(&res);
	rules_free(r);
	compiled = NULL;
}

/*
 * between = "rivals": a hit counts only when the one acting and another
 * party it names are rivals, whichever of the two says so; two rivals
 * named beside a third who acts are not enough.  With no one named
 * acting (agent "none"), any two parties named may be the rivals.  A
 * rule without the key is the control.
 */
static void
test_between(void)
{
	struct config_rule *rb, *rn;
	struct rules *r;

	cfg.n_classes = 0;
	cfg.n_rules = 0;
	actors[0].kind = actors[1].kind = actors[2].kind = ACTOR_STATE;
	actors[3].kind = ACTOR_ARMED_GROUP;
	actors[1].rivals = LIST("hamas");
	actors[0].rivals = NONE;
	actors[2].rivals = NONE;
	actors[3].rivals = NONE;
	rb = add_rule("meets", "deescalation", SEV_LOW, LIST("met"));
	rb->actor_kinds = LIST("state", "armed-group");
	rb->between_rivals = 1;
	(void)add_rule("plain", "control", SEV_LOW, LIST("met"));
	rn = add_rule("held", "situation", SEV_LOW, LIST("truce held"));
	rn->agent = RULE_AGENT_NONE;
	rn->actors = NONE;
	rn->between_rivals = 1;
	if ((r = compile_checked("a rule with between compiles")) == NULL)
		return;
	CHECK_INT(run("Israel met Hamas."), 2,
	    "the one acting meets its rival: both fire");
	CHECK_INT(run("Hamas met Israel."), 2,
	    "whichever of the two names the other as its rival");
	CHECK_INT(run("Israel met the US."), 1,
	    "allies meet: only the control fires");
	CHECK_STR(hit_rule(0), "plain", "that one");
	CHECK_INT(run("Iran met Israel and Hamas."), 1,
	    "two rivals met by a third: only the control");
	CHECK_INT(run("Israel met."), 1, "no other party: only the control");
	CHECK_INT(run("A truce held between Israel and Hamas."), 1,
	    "no one acting: two rivals named are the sides");
	CHECK_STR(hit_rule(0), "held", "that one");
	CHECK_INT(run("A truce held between Israel and the US."), 0,
	    "but not two allies");
	rules_result_free(&res);
	explained[0] = '\0';
	CHECK_INT(rules_match_explain(r, "", "Israel met the US.", &res,
	    collect, NULL), 0, "explain runs");
	CHECK(strstr(explained, "cancelled: rule meets: not between rivals") !=
	    NULL, "explain says the hit is not between rivals");
	/* Asked before the clause analysis (rules_between_possible), the
	 * one acting carried from the sentence before still counts. */
	CHECK_INT(run("Israel sent an envoy to Doha.  He met Hamas."), 2,
	    "the one acting carried for a pronoun meets its rival: both "
	    "fire");
	CHECK_INT(run("Iran sent an envoy to Doha.  He met Hamas."), 1,
	    "one carried who is no rival of the other: only the control");
	CHECK_STR(hit_rule(0), "plain", "that one");
	rules_free(r);
	compiled = NULL;

	/* A rival that is no actor (the configuration check refuses it)
	 * but a role of that name: the parties are asked by name, after
	 * the clause analysis, as before. */
	roles[0].name = "militants";
	roles[0].names = LIST("militant*");
	roles[0].kind = ACTOR_ARMED_GROUP;
	cfg.roles = roles;
	cfg.n_roles = 1;
	actors[1].rivals = LIST("militants");
	if ((r = compile_checked("a rival named by a role's name compiles")) ==
	    NULL)
		return;
	CHECK_INT(run("Israel met the militants."), 2,
	    "the one acting meets the role its rivals name: both fire");
	rules_result_free(&res);
	rules_free(r);
	compiled = NULL;
	cfg.n_roles = 0;
	actors[1].rivals = NONE;
}

/*
 * A guess about a thing, not a party ("the war could last for years"):
 * the speaker stands for the one acting, and it is that speaker's
 * forecast, which fires nothing, when the speaker is in none of it: the
 * sentence names another party known at war (one with rivals) and
 * none that is the speaker's rival.  A party guessing at its own war,
 * with its rival or alone, still fires, and so does one naming only
 * parties known at no war.
 */
static void
test_thing_forecast(void)
{
	struct config_rule *rw;
	struct rules *r;

	cfg.n_classes = 0;
	cfg.n_rules = 0;
	actors[0].kind = actors[1].kind = actors[2].kind = ACTOR_STATE;
	actors[3].kind = ACTOR_ARMED_GROUP;
	actors[0].rivals = actors[2].rivals = actors[3].rivals = NONE;
	actors[1].rivals = LIST("hamas");
	rw = add_rule("lasts", "threat", SEV_MEDIUM, LIST("war ...4 last"));
	rw->mood = LIST("modal", "future", "threat");
	if ((r = compile_checked("a rule on a war's length compiles")) == NULL)
		return;
	CHECK_INT(run("The war with Hamas could last for months, Israel "
	    "warned."), 1, "a party's guess at its war with its rival fires");
	CHECK_INT(run("The war could last for months, Israel warned."), 1,
	    "so does one naming no other party");
	CHECK_INT(run("The war could last for months, the US warned "
	    "Hamas."), 0, "an outsider's guess at a war is a forecast");
	CHECK_INT(run("The war will last for months, the US warned "
	    "Hamas."), 1, "but a will is no guess");
	CHECK_INT(run("The war could last for months, Israel warned "
	    "Iran."), 1, "naming only a party known at no war, the guess "
	    "may be a warning to it");
	rules_result_free(&res);
	explained[0] = '\0';
	CHECK_INT(rules_match_explain(r, "", "The war could last for months, "
	    "the US warned Hamas.", &res, collect, NULL), 0, "explain runs");
	CHECK(strstr(explained, "a guess (may, might, could) or a belief "
	    "reported by another") != NULL, "explain says it is a forecast");
	rules_result_free(&res);
	rules_free(r);
	compiled = NULL;
	actors[1].rivals = NONE;
}

/*
 * A context phrase is looked for by walking from the tokens it may
 * begin with (RULES_CONTEXT): each shape of first word must still be
 * found there, in the sentence judged and in its neighbours: a stem, a
 * prefix, a class's member, a wildcard, a word closed up from two
 * hyphened tokens, and a first word that also begins an actor's name.
 */
static void
test_context_first(void)
{
	struct config_rule *rt;
	struct rules *r;

	classes[0].name = "truce";
	classes[0].words = LIST("ceasefire", "armistice");
	cfg.classes = classes;
	cfg.n_classes = 1;
	cfg.n_rules = 0;
	actors[0].kind = actors[1].kind = actors[2].kind = ACTOR_STATE;
	actors[3].kind = ACTOR_ARMED_GROUP;
	actors[1].rivals = NONE;
	rt = add_rule("talks", "deescalation", SEV_LOW, LIST("held talks"));
	rt->context = LIST("bombard*", "@truce", "* invasion",
	    "Islamic Republic forces", "shelling");
	if ((r = compile_checked("context phrases of each shape compile")) ==
	    NULL)
		return;
	CHECK_INT(run("Iran and the US held talks."), 0,
	    "no context phrase: no hit");
	CHECK_INT(run("Iran and the US held talks after the bombardment."),
	    1, "a prefix in the sentence judged");
	CHECK_INT(run("Iran and the US held talks.  The shelling went on."),
	    1, "a stem in the next sentence");
	CHECK_INT(run("A cease-fire holds.  Iran and the US held talks."), 1,
	    "a class member closed up from a hyphened pair, the sentence "
	    "before");
	CHECK_INT(run("Iran and the US held talks.  The armistice holds."),
	    1, "a class member in the next sentence");
	CHECK_INT(run("Iran and the US held talks.  They feared an "
	    "invasion."), 1, "a phrase that begins with a wildcard");
	CHECK_INT(run("Iran and the US held talks.  Invasion feared."), 0,
	    "but the wildcard is a word: not at a sentence's start");
	CHECK_INT(run("Iran and the US held talks.  Islamic Republic forces "
	    "massed."), 1, "a phrase that begins as an actor's name does");
	CHECK_INT(run("Iran and the US held talks.  The Islamic Republic "
	    "waited."), 0, "that name alone is no context");
	rules_result_free(&res);
	rules_free(r);
	compiled = NULL;
}

int
main(void)
{
	setup();
	test_context();
	test_callers();
	test_between();
	test_thing_forecast();
	test_context_first();
	return check_done();
}
