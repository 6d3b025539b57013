/*
 * actor_test: noun phrases of names and roles, their kinds, and who
 * acts in a clause.  The names and roles are found here by a plain word
 * lookup standing in for the rules' trie; the clauses of the agent
 * tests are written out by hand, so that what is tested is actor.c's
 * reading of a given analysis, not the analysis.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/actor.h"
#include "../../src/clause.h"
#include "../../src/text.h"
#include "../check.h"

enum { SUDAN, IRAN, JAPAN, HEZBOLLAH, UK, ISRAEL, HAMAS, VARNIA };
enum { ARMY, OFFICIALS, MILITANTS, KIDNAPPERS, PLAYERS, WORKERS,
    CIVILIANS };

/* One folded word of a name or role. */
static const struct entry {
	const char	*fold;
	long		 actor, role;
	enum actor_kind	 kind;
} dict[] = {
	{ "sudan", SUDAN, -1, ACTOR_STATE },
	{ "sudanese", SUDAN, -1, ACTOR_STATE },
	{ "iran", IRAN, -1, ACTOR_STATE },
	{ "iranian", IRAN, -1, ACTOR_STATE },
	{ "khamenei", IRAN, -1, ACTOR_STATE },
	{ "pezeshkian", IRAN, -1, ACTOR_STATE },
	{ "japanese", JAPAN, -1, ACTOR_STATE },
	{ "hezbollah", HEZBOLLAH, -1, ACTOR_ARMED_GROUP },
	{ "britain", UK, -1, ACTOR_STATE },
	{ "starmer", UK, -1, ACTOR_STATE },
	{ "israel", ISRAEL, -1, ACTOR_STATE },
	{ "israeli", ISRAEL, -1, ACTOR_STATE },
	{ "hamas", HAMAS, -1, ACTOR_ARMED_GROUP },
	{ "haniyeh", HAMAS, -1, ACTOR_ARMED_GROUP },
	{ "varnia", VARNIA, -1, ACTOR_STATE },
	{ "varnian", VARNIA, -1, ACTOR_STATE },
	{ "army", -1, ARMY, ACTOR_MILITARY },
	{ "troops", -1, ARMY, ACTOR_MILITARY },
	/* as "forces" would match it: names meet on their stem */
	{ "forced", -1, ARMY, ACTOR_MILITARY },
	{ "officials", -1, OFFICIALS, ACTOR_OFFICIAL },
	{ "president", -1, OFFICIALS, ACTOR_OFFICIAL },
	{ "militants", -1, MILITANTS, ACTOR_ARMED_GROUP },
	{ "militias", -1, MILITANTS, ACTOR_ARMED_GROUP },
	{ "kidnappers", -1, KIDNAPPERS, ACTOR_HOSTAGE_TAKERS },
	{ "players", -1, PLAYERS, ACTOR_SPORTS },
	{ "fans", -1, PLAYERS, ACTOR_SPORTS },
	{ "cricketer", -1, PLAYERS, ACTOR_SPORTS },
	{ "workers", -1, WORKERS, ACTOR_WORKERS },
	{ "civilians", -1, CIVILIANS, ACTOR_INDIVIDUAL },
};

/* The text, analysed, and the mentions of its first sentence. */
struct sample {
	struct text_doc		 doc;
	struct actor_word	 words[64];
	size_t			 n_words;
	struct actor_mention	*m;
	size_t			 n;
};

static void
sample_words(struct sample *s, const struct text_sentence *sn)
{
	size_t t, k;

	s->n_words = 0;
	for (t = sn->first; t < sn->first + sn->n_tokens && s->n_words < 64;
	    t++)
		for (k = 0; k < sizeof(dict) / sizeof(dict[0]); k++)
			if (strcmp(s->doc.tokens[t].fold, dict[k].fold) == 0) {
				s->words[s->n_words++] = (struct actor_word){
				    t, t + 1, dict[k].actor, dict[k].role,
				    dict[k].kind };
				break;
			}
}

/* Analyse text; the mentions of its first sentence.  0 or -1. */
static int
sample_load(struct sample *s, const char *text, int headline)
{
	memset(s, 0, sizeof(*s));
	if (text_analyse(text, strlen(text), &s->doc) == -1 ||
	    s->doc.n_sentences == 0)
		return -1;
	sample_words(s, &s->doc.sentences[0]);
	return actor_mentions(&s->doc, &s->doc.sentences[0], headline, NULL,
	    s->words, s->n_words, &s->m, &s->n);
}

/* The same, the mentions read with the clauses clause.c finds (cs, which
 * the caller frees). */
static int
sample_analyse(struct sample *s, const char *text,
    const struct clause_lang *lang, struct clause_sentence *cs)
{
	memset(s, 0, sizeof(*s));
	if (text_analyse(text, strlen(text), &s->doc) == -1 ||
	    s->doc.n_sentences == 0 || clause_analyse(lang, &s->doc,
	    &s->doc.sentences[0], 0, cs) == -1)
		return -1;
	sample_words(s, &s->doc.sentences[0]);
	return actor_mentions(&s->doc, &s->doc.sentences[0], 0, cs, s->words,
	    s->n_words, &s->m, &s->n);
}

static void
sample_free(struct sample *s)
{
	free(s->m);
	text_doc_free(&s->doc);
}

/* The phrase of mention k as its folded tokens joined by spaces. */
static const char *
phrase(const struct sample *s, size_t k)
{
	static char buf[256];
	size_t t, n = 0, len;

	buf[0] = '\0';
	if (k >= s->n)
		return "(none)";
	for (t = s->m[k].first; t < s->m[k].end; t++) {
		len = s->doc.tokens[t].fold_len;
		if (n + len + 2 >= sizeof(buf))
			break;
		if (n > 0)
			buf[n++] = ' ';
		memcpy(buf + n, s->doc.tokens[t].fold, len);
		n += len;
		buf[n] = '\0';
	}
	return buf;
}

/* The token whose fold is word, from token from on. */
static size_t
token(const struct sample *s, const char *word, size_t from)
{
	size_t t;

	for (t = from; t < s->doc.n_tokens; t++)
		if (strcmp(s->doc.tokens[t].fold, word) == 0)
			return t;
	return SIZE_MAX;
}

static void
test_kinds(void)
{
	CHECK_INT(actor_kind_parse("armed-group"), ACTOR_ARMED_GROUP,
	    "armed-group is a kind");
	CHECK_INT(actor_kind_parse("hostage-takers"), ACTOR_HOSTAGE_TAKERS,
	    "hostage-takers is a kind");
	CHECK_INT(actor_kind_parse("organisation"), ACTOR_ORGANISATION,
	    "organisation is a kind");
	CHECK_INT(actor_kind_parse("legislature"), ACTOR_LEGISLATURE,
	    "legislature is the last kind");
	CHECK_INT(actor_kind_parse("pirates"), -1, "an unknown kind is -1");
	CHECK_STR(actor_kind_name(ACTOR_SPORTS), "sports",
	    "the name of a kind");
	CHECK_STR(actor_kind_name(ACTOR_N_KINDS), "unknown",
	    "out of range: unknown");
}

/* One mention expected: its phrase, actor, role and kind. */
static void
expect_one(const char *text, int headline, const char *want_phrase,
    long actor, long role, enum actor_kind kind, const char *what)
{
	struct sample s;
	char label[300];

	CHECK(sample_load(&s, text, headline) == 0 && s.n == 1, what);
	if (s.n == 1) {
		snprintf(label, sizeof(label), "%s: the phrase", what);
		CHECK_STR(phrase(&s, 0), want_phrase, label);
		snprintf(label, sizeof(label), "%s: the actor", what);
		CHECK_INT(s.m[0].actor, actor, label);
		snprintf(label, sizeof(label), "%s: the role", what);
		CHECK_INT(s.m[0].role, role, label);
		snprintf(label, sizeof(label), "%s: the kind", what);
		CHECK_STR(actor_kind_name(s.m[0].kind), actor_kind_name(kind),
		    label);
		snprintf(label, sizeof(label), "%s: not an unknown name",
		    what);
		CHECK_INT(s.m[0].proper, 0, label);
	} else
		printf("# %zu mentions\n", s.n);
	sample_free(&s);
}

static void
test_phrases(void)
{
	expect_one("On Monday Sudan's army said it would attack.", 0,
	    "sudan army", SUDAN, ARMY, ACTOR_MILITARY,
	    "a possessive owner and its role");
	expect_one("Later Iranian troops crossed the border.", 0,
	    "iranian troops", IRAN, ARMY, ACTOR_MILITARY,
	    "a nationality and a role");
	expect_one("Israeli security officials warned of a long war.", 0,
	    "israeli security officials", ISRAEL, OFFICIALS, ACTOR_OFFICIAL,
	    "a nationality and a role past a lower-case word");
	expect_one("Later Iranian peacekeeping troops crossed the border.", 0,
	    "iranian peacekeeping troops", IRAN, ARMY, ACTOR_MILITARY,
	    "a nationality and a role past a listed -ing modifier");
	expect_one("The militants fled into the hills.", 0, "militants", -1,
	    MILITANTS, ACTOR_ARMED_GROUP, "a role alone");
	expect_one("Later Sudanese militants crossed the border.", 0,
	    "sudanese militants", -1, MILITANTS, ACTOR_ARMED_GROUP,
	    "a country's adjective does not own fighters outside its forces");
	expect_one("On Monday Sudan's militias said it would attack.", 0,
	    "sudan militias", SUDAN, MILITANTS, ACTOR_ARMED_GROUP,
	    "a possessive does");
	expect_one("Later Hamas militants crossed the border.", 0,
	    "hamas militants", HAMAS, MILITANTS, ACTOR_ARMED_GROUP,
	    "a named group owns its fighters");
	expect_one("Then kidnappers threatened to kill the driver.", 0,
	    "kidnappers", -1, KIDNAPPERS, ACTOR_HOSTAGE_TAKERS,
	    "kidnappers are hostage-takers");
	expect_one("Japanese Baseball Players Set to Strike", 1,
	    "japanese baseball players", JAPAN, PLAYERS, ACTOR_SPORTS,
	    "the head decides: players, not Japan");
	expect_one("Later on, Iran-backed Hezbollah fired rockets.", 0,
	    "iran backed hezbollah", HEZBOLLAH, -1, ACTOR_ARMED_GROUP,
	    "X-backed Y is Y");
	expect_one("Iranian-backed militias attacked the base.", 0,
	    "iranian backed militias", -1, MILITANTS, ACTOR_ARMED_GROUP,
	    "X-backed militias are militias, with no owner");
	expect_one("Yesterday the army of Sudan shelled the city.", 0,
	    "army of sudan", SUDAN, ARMY, ACTOR_MILITARY,
	    "the role of an owner");
	expect_one("Then Iran's Khamenei spoke.", 0, "iran khamenei", IRAN, -1,
	    ACTOR_STATE, "two names of one actor are one phrase");
	expect_one("Later President Pezeshkian spoke.", 0,
	    "president pezeshkian", IRAN, OFFICIALS, ACTOR_STATE,
	    "a title and a name");
	expect_one("Hezbollah said so.", 0, "hezbollah", HEZBOLLAH, -1,
	    ACTOR_ARMED_GROUP, "a named actor alone, first in its sentence");
}

static void
test_apart(void)
{
	const struct clause_lang *lang = clause_lang_find("english");
	struct clause_sentence cs;
	struct sample s;

	CHECK(sample_load(&s, "Israeli troops killed Sudanese civilians.",
	    0) == 0 && s.n == 2, "a verb between two phrases parts them");
	CHECK_STR(phrase(&s, 0), "israeli troops", "the first phrase");
	CHECK_STR(phrase(&s, 1), "sudanese civilians", "the second phrase");
	if (s.n == 2)
		CHECK_STR(actor_kind_name(s.m[1].kind), "individual",
		    "civilians are individuals, not Sudan's state");
	sample_free(&s);

	CHECK(sample_load(&s, "Yesterday Iran warns militants again.", 0) ==
	    0 && s.n == 2, "a verb in -s parts owner and role");
	sample_free(&s);

	/* An irregular past has the shape of a modifier; the clause
	 * analysis knows it is the verb. */
	memset(&cs, 0, sizeof(cs));
	CHECK(lang != NULL && sample_analyse(&s, "Sudan sent troops to the "
	    "border.", lang, &cs) == 0 && s.n == 2, "the clause's verb parts "
	    "owner and role");
	if (s.n == 2)
		CHECK_INT(s.m[1].actor, -1, "the troops Sudan sent are not "
		    "read as owned through the verb");
	clause_sentence_free(&cs);
	sample_free(&s);
	CHECK(lang != NULL && sample_analyse(&s, "Later Iranian peacekeeping "
	    "troops crossed the border.", lang, &cs) == 0 && s.n == 1,
	    "with the clauses too, a listed -ing modifier stays inside");
	clause_sentence_free(&cs);
	sample_free(&s);

	CHECK(sample_load(&s, "Talks between Israel, Hamas and Iran.", 0) ==
	    0 && s.n == 3, "commas and and part names");
	sample_free(&s);

	CHECK(sample_load(&s, "The Israeli, Japanese players met.", 0) == 0 &&
	    s.n == 2, "a comma parts an owner from a role");
	sample_free(&s);

	/* "of" after captors names whom they hold, not whose they are
	 * (as it does after "the army"). */
	CHECK(sample_load(&s, "The kidnappers of a Sudanese driver spoke.",
	    0) == 0 && s.n == 2, "captors and their captive: two phrases");
	if (s.n == 2) {
		CHECK_INT(s.m[0].actor, -1, "the captors belong to no one");
		CHECK_STR(actor_kind_name(s.m[0].kind), "hostage-takers",
		    "and stay hostage-takers");
	}
	sample_free(&s);
}

static void
test_proper(void)
{
	struct sample s;

	CHECK(sample_load(&s, "Officials said Abdel Rahman threatened the "
	    "town.", 0) == 0 && s.n == 2, "an unknown proper name is a "
	    "mention");
	if (s.n == 2) {
		CHECK_INT(s.m[1].proper, 1, "marked as unknown");
		CHECK_STR(phrase(&s, 1), "abdel rahman",
		    "both words of the name");
		CHECK_STR(actor_kind_name(s.m[1].kind), "unknown",
		    "of no kind");
		CHECK_INT(s.m[1].actor, -1, "no actor");
	}
	sample_free(&s);

	CHECK(sample_load(&s, "Police said Izzat Ibrahim al-Douri and Chen "
	    "Shui-bian met al-Sadr.", 0) == 0 && s.n == 3, "names with "
	    "particles and hyphens");
	CHECK_STR(phrase(&s, 0), "izzat ibrahim al douri", "al-Douri");
	CHECK_STR(phrase(&s, 1), "chen shui bian", "Shui-bian");
	CHECK_STR(phrase(&s, 2), "al sadr", "al-Sadr alone");
	sample_free(&s);

	CHECK(sample_load(&s, "Witnesses saw smoke over the town.", 0) ==
	    0 && s.n == 0, "a capital that starts a sentence is no name");
	sample_free(&s);

	CHECK(sample_load(&s, "Rapid Support Forces said they would fight.",
	    0) == 0 && s.n == 1, "a name of several words may start one");
	CHECK_STR(phrase(&s, 0), "rapid support forces", "all of it");
	sample_free(&s);

	CHECK(sample_load(&s, "Rebels Storm Capital", 1) == 0 && s.n == 0,
	    "a headline's capitals are no names");
	sample_free(&s);

	CHECK(sample_load(&s, "He said on Monday in May that We would.", 0) ==
	    0 && s.n == 0, "days, months and pronouns are no names");
	sample_free(&s);

	CHECK(sample_load(&s, "Police said cricketer Shoaib Akhtar would "
	    "strike.", 0) == 0 && s.n == 1, "a title and an unknown name");
	if (s.n == 1) {
		CHECK_STR(phrase(&s, 0), "shoaib akhtar",
		    "reported as the name alone");
		CHECK_INT(s.m[0].proper, 1, "an unknown name");
		CHECK_INT(s.m[0].role, PLAYERS, "with the title's role");
		CHECK_STR(actor_kind_name(s.m[0].kind), "sports",
		    "and the title's kind");
	}
	sample_free(&s);

	CHECK(sample_load(&s, "Then Israeli officials met Abdullah.", 0) == 0 &&
	    s.n == 2, "a name a word covers is not an unknown name");
	if (s.n == 2)
		CHECK_INT(s.m[0].proper, 0, "Israeli is known");
	sample_free(&s);

	CHECK(sample_load(&s, "In NAJAF (Reuters) - Explosions rattled the "
	    "city.", 0) == 0 && s.n == 1, "a capital first in a clause is no "
	    "name, nor a news agency");
	CHECK_STR(phrase(&s, 0), "najaf", "a place in capitals is");
	sample_free(&s);

	CHECK(sample_load(&s, "Later the Sudan Liberation Army said so.", 0) ==
	    0 && s.n == 1, "a name ending in a capitalised role");
	if (s.n == 1) {
		CHECK_STR(phrase(&s, 0), "liberation army", "is a name");
		CHECK_INT(s.m[0].proper, 1, "reported as written");
		CHECK_STR(actor_kind_name(s.m[0].kind), "military",
		    "of the role's kind");
		CHECK_INT(s.m[0].actor, SUDAN, "belonging to its owner");
	}
	sample_free(&s);

	CHECK(sample_load(&s, "Officials in New Britain said so.", 0) == 0 &&
	    s.n == 2, "New before a one-word name");
	if (s.n == 2) {
		CHECK_STR(phrase(&s, 1), "new britain", "makes another place");
		CHECK_INT(s.m[1].actor, -1, "not the country");
	}
	sample_free(&s);
	CHECK(sample_load(&s, "New Britain Dispatches Troops", 1) == 0 &&
	    s.n == 2 && s.m[0].actor == -1, "in a headline too");
	sample_free(&s);

	CHECK(sample_load(&s, "Later Sudan's Kenana Sugar said it would "
	    "grow.", 0) == 0 && s.n == 1, "an owner and an unknown name");
	if (s.n == 1) {
		CHECK_STR(phrase(&s, 0), "kenana sugar", "the name is reported");
		CHECK_INT(s.m[0].proper, 1, "as an unknown name");
		CHECK_INT(s.m[0].actor, SUDAN, "that belongs to its owner");
		CHECK_STR(actor_kind_name(s.m[0].kind), "unknown",
		    "but is not of the owner's kind");
	}
	sample_free(&s);
}

static void
test_overlap(void)
{
	struct text_doc doc;
	struct actor_word w[3];
	struct actor_mention *m;
	size_t n;
	const char *text = "The Islamic Republic of Iran said so.";

	CHECK(text_analyse(text, strlen(text), &doc) == 0, "analysed");
	/* "Islamic Republic of Iran" and "Iran" and "Republic" */
	w[0] = (struct actor_word){ 1, 5, IRAN, -1, ACTOR_STATE };
	w[1] = (struct actor_word){ 2, 3, ISRAEL, -1, ACTOR_STATE };
	w[2] = (struct actor_word){ 4, 5, IRAN, -1, ACTOR_STATE };
	CHECK(actor_mentions(&doc, &doc.sentences[0], 0, NULL, w, 3, &m,
	    &n) == 0 &&
	    n == 1, "overlapping words: one mention");
	if (n == 1) {
		CHECK_INT(m[0].first, 1, "the longest wins: from Islamic");
		CHECK_INT(m[0].end, 5, "to Iran");
		CHECK_INT(m[0].actor, IRAN, "its actor");
	}
	free(m);
	/* Out of the sentence: ignored. */
	w[0] = (struct actor_word){ 40, 41, IRAN, -1, ACTOR_STATE };
	CHECK(actor_mentions(&doc, &doc.sentences[0], 1, NULL, w, 1, &m,
	    &n) == 0 &&
	    n == 0 && m == NULL, "words outside the sentence are ignored");
	text_doc_free(&doc);
}

/* A clause of tokens [first, end). */
static struct clause
clause_of(size_t first, size_t end, enum clause_role role, long parent,
    size_t subj_first, size_t subj_end, size_t sp_first, size_t sp_end)
{
	struct clause c;

	memset(&c, 0, sizeof(c));
	c.first = first;
	c.end = end;
	c.role = role;
	c.parent = parent;
	c.subj_first = subj_first;
	c.subj_end = subj_end;
	c.speaker_first = sp_first;
	c.speaker_end = sp_end;
	c.verb.first = c.verb.end = subj_end;
	return c;
}

/* The kind of the last agent found. */
static enum actor_kind agent_kind;

/* The actor of the agent of token word in text, given its clauses (-10
 * - its role when it has no actor); -2 when no mention acts. */
static long
agent(const char *text, struct clause *c, size_t n, const char *word)
{
	struct sample s;
	struct clause_sentence cs;
	long k, actor = -3;

	memset(&cs, 0, sizeof(cs));
	cs.clauses = c;
	cs.n_clauses = n;

	if (sample_load(&s, text, 0) == 0) {
		k = actor_agent(s.m, s.n, &cs, &s.doc, token(&s, word, 0));
		agent_kind = k < 0 ? ACTOR_UNKNOWN : s.m[k].kind;
		actor = k < 0 ? -2 : s.m[k].actor >= 0 ? s.m[k].actor :
		    -10 - s.m[k].role;
	}
	sample_free(&s);
	return actor;
}

static void
test_agent(void)
{
	struct clause c[3];

	/* Starmer told Pezeshkian | that it would respond . */
	c[0] = clause_of(0, 3, CLAUSE_MAIN, -1, 0, 1, 0, 0);
	c[1] = clause_of(3, 7, CLAUSE_REPORTED, 0, 4, 5, 0, 1);
	CHECK_INT(agent("Starmer told Pezeshkian that it would respond.", c, 2,
	    "respond"), UK, "reported speech with a pronoun: the speaker, "
	    "not the listener");
	/* Officials said | Iran would retaliate */
	c[0] = clause_of(0, 2, CLAUSE_MAIN, -1, 0, 1, 0, 0);
	c[1] = clause_of(2, 5, CLAUSE_REPORTED, 0, 2, 3, 0, 1);
	CHECK_INT(agent("Officials said Iran would retaliate.", c, 2,
	    "retaliate"), IRAN, "reported speech with a named subject: the "
	    "subject");
	/* We will strike | Hamas said */
	c[0] = clause_of(0, 3, CLAUSE_REPORTED, 1, 0, 1, 3, 4);
	c[1] = clause_of(3, 5, CLAUSE_MAIN, -1, 3, 4, 0, 0);
	CHECK_INT(agent("\"We will strike,\" Hamas said.", c, 2, "strike"),
	    HAMAS, "a quote's speaker after it");
	/* Iran said | its missiles would fly */
	c[0] = clause_of(0, 2, CLAUSE_MAIN, -1, 0, 1, 0, 0);
	c[1] = clause_of(2, 6, CLAUSE_REPORTED, 0, 2, 4, 0, 1);
	CHECK_INT(agent("Iran said its missiles would fly.", c, 2, "fly"),
	    IRAN, "a reported subject that is no actor: the speaker");
	/* Iran said | an invasion would kill thousands */
	c[0] = clause_of(0, 2, CLAUSE_MAIN, -1, 0, 1, 0, 0);
	c[1] = clause_of(2, 7, CLAUSE_REPORTED, 0, 2, 4, 0, 1);
	CHECK_INT(agent("Iran said an invasion would kill thousands.", c, 2,
	    "kill"), -2, "a noun of force as a reported subject names an "
	    "act, not the speaker's");
	/* Iran said | its offensive would go on */
	c[1] = clause_of(2, 7, CLAUSE_REPORTED, 0, 2, 4, 0, 1);
	CHECK_INT(agent("Iran said its offensive would go on.", c, 2, "go"),
	    IRAN, "its own, after a possessive: the speaker's");
	/* The killing of Haniyeh will be avenged */
	c[0] = clause_of(0, 7, CLAUSE_MAIN, -1, 0, 4, 0, 0);
	CHECK_INT(agent("The killing of Haniyeh will be avenged.", c, 1,
	    "avenged"), -2, "an object after a preposition never acts");
	/* Iran-backed Hezbollah vowed to attack */
	c[0] = clause_of(0, 6, CLAUSE_MAIN, -1, 0, 3, 0, 0);
	CHECK_INT(agent("Iran-backed Hezbollah vowed to attack.", c, 1,
	    "attack"), HEZBOLLAH, "X-backed Y: Y acts");
	/* Iran-backed groups vowed to attack: Iran only backs */
	CHECK_INT(agent("Iran-backed groups vowed to attack.", c, 1,
	    "attack"), -2, "a backer before an unknown noun does not act");
	/* Militants | who attacked the base | vowed more */
	c[0] = clause_of(0, 1, CLAUSE_MAIN, -1, 0, 1, 0, 0);
	c[1] = clause_of(1, 5, CLAUSE_RELATIVE, 0, 5, 5, 0, 0);
	c[2] = clause_of(5, 7, CLAUSE_OTHER, 0, 5, 5, 0, 0);
	CHECK_INT(agent("Militants who attacked the base vowed more.", c, 3,
	    "attacked"), -10 - MILITANTS, "a relative clause: its antecedent");
	/* Iran denied the report | and vowed to retaliate */
	c[0] = clause_of(0, 4, CLAUSE_MAIN, -1, 0, 1, 0, 0);
	c[1] = clause_of(4, 8, CLAUSE_OTHER, 0, 5, 5, 0, 0);
	CHECK_INT(agent("Iran denied the report and vowed to retaliate.", c, 2,
	    "retaliate"), IRAN, "a coordinated clause without a subject: "
	    "its parent's");
	/* The missiles will hit Israel */
	c[0] = clause_of(0, 5, CLAUSE_MAIN, -1, 0, 2, 0, 0);
	CHECK_INT(agent("The missiles will hit Israel.", c, 1, "hit"), -2,
	    "an object after the verb does not act");
	/* Japanese baseball players threatened to strike */
	c[0] = clause_of(0, 7, CLAUSE_MAIN, -1, 0, 3, 0, 0);
	CHECK_INT(agent("Japanese baseball players threatened to strike.", c,
	    1, "strike"), JAPAN, "players of Japan act");
	CHECK_STR(actor_kind_name(agent_kind), "sports", "as players");
	CHECK_INT(agent("Japanese baseball players threatened to strike.", c,
	    1, "nothing"), -2, "a token outside every clause: no agent");
	/* Militants linked to Hamas vowed revenge */
	c[0] = clause_of(0, 6, CLAUSE_MAIN, -1, 0, 4, 0, 0);
	CHECK_INT(agent("Militants linked to Hamas vowed revenge.", c, 1,
	    "vowed"), -10 - MILITANTS, "a group linked to another acts");
	/* Officials said | Israel would not dare attack | since it could
	 * strike back */
	c[0] = clause_of(0, 2, CLAUSE_MAIN, -1, 0, 1, 0, 0);
	c[1] = clause_of(2, 7, CLAUSE_REPORTED, 0, 2, 3, 0, 1);
	c[2] = clause_of(7, 12, CLAUSE_REPORTED, 1, 8, 9, 0, 0);
	CHECK_INT(agent("Officials said Israel would not dare attack since it "
	    "could strike back.", c, 3, "strike"), -10 - OFFICIALS,
	    "reported speech without its own speaker: the one above");
	/* A subject span that starts inside a phrase (found by the
	 * fuzz target): the phrase still acts, nothing before it read */
	c[0] = clause_of(0, 4, CLAUSE_MAIN, -1, 1, 2, 0, 0);
	CHECK_INT(agent("Iranian troops crossed.", c, 1, "crossed"), IRAN,
	    "a subject span starting inside the phrase");
	/* Flights on Iranian and Israeli planes | resumed */
	c[0] = clause_of(0, 7, CLAUSE_MAIN, -1, 0, 6, 0, 0);
	CHECK_INT(agent("Flights on Iranian and Israeli planes resumed.", c, 1,
	    "resumed"), -2, "a name joined to an object is an object too");
	/* Israel and Hamas agreed */
	c[0] = clause_of(0, 4, CLAUSE_MAIN, -1, 0, 3, 0, 0);
	CHECK_INT(agent("Israel and Hamas agreed.", c, 1, "agreed"), ISRAEL,
	    "joined subjects: the first leads");
}

/* The actor of the agent of word in text, as clause.c analyses it. */
static long
agent_analysed(const char *text, const char *word)
{
	struct sample s;
	struct clause_sentence cs;
	const struct clause_lang *lang = clause_lang_find("english");
	long k, actor = -3;

	memset(&cs, 0, sizeof(cs));
	memset(&s, 0, sizeof(s));
	if (lang != NULL && sample_analyse(&s, text, lang, &cs) == 0) {
		k = actor_agent(s.m, s.n, &cs, &s.doc, token(&s, word, 0));
		actor = k < 0 ? -2 : s.m[k].actor >= 0 ? s.m[k].actor :
		    -10 - s.m[k].role;
		agent_kind = k < 0 ? ACTOR_UNKNOWN : s.m[k].kind;
	}
	clause_sentence_free(&cs);
	sample_free(&s);
	return actor;
}

/* The same with the clauses that clause.c finds. */
static void
test_agent_analysed(void)
{
	CHECK_INT(agent_analysed("Starmer told Pezeshkian that it would "
	    "respond.", "respond"), UK, "analysed: the speaker, not the "
	    "listener");
	CHECK_INT(agent_analysed("\"We will strike back,\" Hezbollah said.",
	    "strike"), HEZBOLLAH, "analysed: the speaker after a quote");
	CHECK_INT(agent_analysed("The killing of Haniyeh will be avenged, Iran "
	    "said.", "avenged"), IRAN, "analysed: not the object, the "
	    "speaker");
	CHECK_INT(agent_analysed("Iran-backed Hezbollah vowed to attack "
	    "Israel.", "attack"), HEZBOLLAH, "analysed: the backed acts");
	CHECK_INT(agent_analysed("Iran denied the report and vowed to "
	    "retaliate.", "retaliate"), IRAN, "analysed: a subject shared by "
	    "and");
	CHECK_INT(agent_analysed("Japanese baseball players threatened to "
	    "strike.", "strike"), JAPAN, "analysed: players of Japan");
	CHECK_STR(actor_kind_name(agent_kind), "sports", "who are sports");
	CHECK_INT(agent_analysed("Officials said Iran would retaliate.",
	    "retaliate"), IRAN, "analysed: a reported subject");
	/* A role's word read as the clause's verb names no one. */
	CHECK_INT(agent_analysed("Israel forced residents to flee and vowed "
	    "to attack.", "vowed"), ISRAEL, "analysed: a role's word that is "
	    "the verb is no role");
	CHECK_INT(agent_analysed("Hamas fans the flames and vows to "
	    "attack.", "vows"), HAMAS, "analysed: fans a verb here");
	CHECK_STR(actor_kind_name(agent_kind), "armed-group",
	    "so Hamas acts as itself, not as its fans");
	/* A count before "of" is transparent: the ones counted act. */
	CHECK_INT(agent_analysed("Hundreds of militants vowed to attack.",
	    "vowed"), -10 - MILITANTS, "analysed: hundreds of militants act");
	CHECK_INT(agent_analysed("Growing numbers of players threatened to "
	    "strike.", "threatened"), -10 - PLAYERS,
	    "analysed: numbers of players act as players");
	CHECK_INT(agent_analysed("The killing of hundreds of militants "
	    "enraged Iran.", "enraged"), -2,
	    "analysed: a count after another preposition does not act");
	/* A passive's agent acts, its subject is the target. */
	CHECK_INT(agent_analysed("Israel was threatened by Hamas on Monday.",
	    "threatened"), HAMAS, "analysed: a passive's agent, not its "
	    "subject");
	CHECK_INT(agent_analysed("Britain was warned by Iran that it would "
	    "retaliate.", "retaliate"), IRAN, "analysed: a passive frame's "
	    "agent speaks");
	/* A noun names its agent: owner, modifier, by or from. */
	CHECK_INT(agent_analysed("Markets shrugged off Iran's threat to "
	    "strike.", "threat"), IRAN, "analysed: a possessive owns the "
	    "threat");
	CHECK_INT(agent_analysed("Israel braced for Iran's ultimatum.",
	    "ultimatum"), IRAN, "analysed: a possessive owns its noun after "
	    "a preposition too");
	CHECK_INT(agent_analysed("Israel braced for Iran's threatened "
	    "retaliation.", "retaliation"), IRAN, "analysed: a possessive "
	    "owns its noun past the words that qualify it");
	CHECK_INT(agent_analysed("Oil flows despite a militants threat to "
	    "attack.", "threat"), -10 - MILITANTS, "analysed: a modifier "
	    "owns the threat");
	CHECK_INT(agent_analysed("Markets shrugged off an ultimatum from "
	    "Hamas.", "ultimatum"), HAMAS, "analysed: an ultimatum from X");
	CHECK_INT(agent_analysed("Iran and Hamas met officials.", "met"),
	    IRAN, "analysed: a verb after a name is no noun it owns");
	/* A name after a preposition, an article and a modifier does not
	 * act in the clause. */
	CHECK_INT(agent_analysed("Israeli officials said a response to the "
	    "attack on the former president was coming.", "coming"),
	    ISRAEL, "analysed: not the president after \"on the former\"");
	/* After a comma, a participle tells of what the author before
	 * it made; else of the subject. */
	CHECK_INT(agent_analysed("Sudan aired a tape from Hamas, threatening "
	    "attacks on Israel.", "threatening"), HAMAS, "analysed: a tape "
	    "from X, threatening: X threatens");
	CHECK_INT(agent_analysed("Sudan shelled the town of Israel, "
	    "threatening more attacks.", "threatening"), SUDAN, "analysed: "
	    "..., threatening after no author: the subject");
	/* Accused of an -ing act: the accused does it. */
	CHECK_INT(agent_analysed("Israel accused Hezbollah of planning to "
	    "attack.", "planning"), HEZBOLLAH, "analysed: accused X of "
	    "planning: X plans");
	CHECK_INT(agent_analysed("Israel warned Hezbollah of attacking.",
	    "attacking"), ISRAEL, "analysed: only after a verb of "
	    "accusation");
	/* The sides of talks or a truce act in it, after "between". */
	CHECK_INT(agent_analysed("Talks between Sudan and the militants "
	    "will resume.", "resume"), SUDAN, "analysed: talks between two "
	    "sides are theirs");
	CHECK_INT(agent_analysed("The fragile truce between Israel and "
	    "Hamas in the north of Gaza held.", "held"), ISRAEL,
	    "analysed: a place after the sides does not act for them");
	CHECK_INT(agent_analysed("Officials in Sudan said Iran would "
	    "retaliate.", "said"), -10 - OFFICIALS, "analysed: only "
	    "\"between\" lends a name after it the subject's act");
	/* A pronoun stands for the subject before it. */
	CHECK_INT(agent_analysed("Kidnappers showed a hostage, who they "
	    "threatened to kill.", "threatened"), -10 - KIDNAPPERS,
	    "analysed: a pronoun's antecedent in the sentence");
	/* A clause whose verb the analysis does not know has no subject;
	 * its first name that can act is the antecedent, not the nearest
	 * one (an object after a preposition). */
	CHECK_INT(agent_analysed("Masked kidnappers squat beside a Sudanese "
	    "civilian, whom they threatened to kill.", "threatened"),
	    -10 - KIDNAPPERS, "analysed: a verbless clause's first name is "
	    "the antecedent");
	/* A recording or statement speaks for whoever made it: the name
	 * after "by" or "from" in its subject acts. */
	CHECK_INT(agent_analysed("A video apparently made by Hamas calls for "
	    "attacks.", "calls"), HAMAS, "analysed: the author of a "
	    "recording after its subject");
	CHECK_INT(agent_analysed("A statement from Hezbollah vowed to attack.",
	    "attack"), HEZBOLLAH, "analysed: the author inside the subject");
	CHECK_INT(agent_analysed("A recording attributed to Hamas urges "
	    "attacks.", "urges"), HAMAS, "analysed: attributed to X: X is "
	    "its author");
	CHECK_INT(agent_analysed("A letter sent to Hamas urges attacks.",
	    "urges"), -2, "analysed: a letter sent to X is not X's");
	/* A passive's subject suffers its group; the speaker acts. */
	CHECK_INT(agent_analysed("Iran said Israel would be attacked.",
	    "attacked"), IRAN, "analysed: a reported passive is the "
	    "speaker's, not its subject's");
	CHECK_INT(agent_analysed("Israel was attacked on Monday.",
	    "attacked"), -2, "analysed: a passive without by names no one");
	CHECK_INT(agent_analysed("Iran is prepared to attack.", "attack"),
	    IRAN, "analysed: after the group its subject acts again");
	CHECK_INT(agent_analysed("A bomb found near Hamas offices will explode.",
	    "explode"), -2, "analysed: a name after another preposition is no "
	    "author");
}

/* A pronoun in the second sentence of text, with the agent of the
 * first's main clause put after its own mentions as actor_agent says. */
static long
agent_carried(const char *text, const char *word, int carry)
{
	const struct clause_lang *lang = clause_lang_find("english");
	struct clause_sentence cs0, cs1;
	struct actor_mention *m0 = NULL, *m1 = NULL, *all;
	size_t n0 = 0, n1 = 0, i;
	struct sample s;
	long k0 = -1, k, actor = -3;

	memset(&cs0, 0, sizeof(cs0));
	memset(&cs1, 0, sizeof(cs1));
	memset(&s, 0, sizeof(s));
	if (lang == NULL || text_analyse(text, strlen(text), &s.doc) == -1 ||
	    s.doc.n_sentences < 2)
		goto out;
	sample_words(&s, &s.doc.sentences[0]);
	if (clause_analyse(lang, &s.doc, &s.doc.sentences[0], 0, &cs0) ==
	    -1 || actor_mentions(&s.doc, &s.doc.sentences[0], 0, &cs0,
	    s.words, s.n_words, &m0, &n0) == -1)
		goto out;
	for (i = 0; i < cs0.n_clauses && k0 < 0; i++)
		if (cs0.clauses[i].role == CLAUSE_MAIN)
			k0 = actor_agent(m0, n0, &cs0, &s.doc,
			    cs0.clauses[i].verb.head);
	sample_words(&s, &s.doc.sentences[1]);
	if (clause_analyse(lang, &s.doc, &s.doc.sentences[1], 0, &cs1) ==
	    -1 || actor_mentions(&s.doc, &s.doc.sentences[1], 0, &cs1,
	    s.words, s.n_words, &m1, &n1) == -1 ||
	    (all = realloc(m1, (n1 + 1) * sizeof(*all))) == NULL)
		goto out;
	m1 = all;
	if (carry && k0 >= 0)
		m1[n1++] = m0[k0];
	k = actor_agent(m1, n1, &cs1, &s.doc, token(&s, word, 0));
	actor = k < 0 ? -2 : m1[k].actor >= 0 ? m1[k].actor :
	    -10 - m1[k].role;
out:
	clause_sentence_free(&cs0);
	clause_sentence_free(&cs1);
	free(m0);
	free(m1);
	text_doc_free(&s.doc);
	return actor;
}

static void
test_agent_carried(void)
{
	CHECK_INT(agent_carried("Hamas fighters met in Gaza on Monday. They "
	    "vowed to attack Israel.", "attack", 1), HAMAS,
	    "a pronoun with no antecedent in its sentence: the one carried");
	CHECK_INT(agent_carried("Hamas fighters met in Gaza on Monday. They "
	    "vowed to attack Israel.", "attack", 0), -2,
	    "and none when nothing is carried");
	CHECK_INT(agent_carried("Hamas fighters met in Gaza on Monday. "
	    "\"We will attack,\" he said.", "attack", 1), HAMAS,
	    "a quote whose speaker is a pronoun: the one carried");
	CHECK_INT(agent_carried("Hamas fighters met in Gaza on Monday. "
	    "Israeli troops vowed to attack.", "attack", 1), ISRAEL,
	    "a named subject is not replaced by the one carried");
}

/* The party that is the object of the verb word in text (its actor),
 * -2 when none is; text read as a headline when headline is set. */
static long
object_in(const char *text, const char *word, int headline)
{
	struct sample s;
	long k, actor = -3;
	size_t t;

	if (sample_load(&s, text, headline) == 0 &&
	    (t = token(&s, word, 0)) != SIZE_MAX) {
		k = actor_object_at(s.m, s.n, &s.doc, t + 1);
		actor = k < 0 ? -2 : s.m[k].actor;
	}
	sample_free(&s);
	return actor;
}

static long
object_after(const char *text, const char *word)
{
	return object_in(text, word, 0);
}

static void
test_object_at(void)
{
	CHECK_INT(object_after("Ostland will crush Varnia.", "crush"),
	    VARNIA, "object: a name alone");
	CHECK_INT(object_after("Ostland will crush the Varnian army.",
	    "crush"), VARNIA, "object: a party's army is the party's");
	CHECK_INT(object_after("Ostland will crush Varnia again.", "crush"),
	    VARNIA, "object: an adverb after the name");
	CHECK_INT(object_after("Ostland will crush Varnia utterly.", "crush"),
	    VARNIA, "object: an -ly adverb after the name");
	CHECK_INT(object_after("Ostland will crush Varnia in a week.",
	    "crush"), VARNIA, "object: a preposition after the name");
	CHECK_INT(object_after("Ostland will crush the Varnia plum harvest.",
	    "crush"), -2, "object: a name before a noun qualifies it");
	CHECK_INT(object_after("Ostland vowed to cut Varnian grain prices.",
	    "cut"), -2, "object: an adjective of a name qualifies its noun");
	CHECK_INT(object_after("Ostland vowed to seize Varnia's barges.",
	    "seize"), -2, "object: a possessive's noun, not its owner");
	CHECK_INT(object_after("Ostland vowed to seize Varnia's.", "seize"),
	    VARNIA, "object: a possessive with no noun after it");
	/* In a headline every word has a capital: one after the name
	 * may be a noun naming a party, only an owner's is a thing. */
	CHECK_INT(object_in("Ostland Will Crush Varnian Proxy In Week",
	    "crush", 1), VARNIA, "object: a headline's capital after the "
	    "name is no thing it qualifies");
	CHECK_INT(object_in("Ostland Will Crush Varnia Envoy's Plan",
	    "crush", 1), -2, "object: a headline's owner after the name is");
}

int
main(void)
{
	test_kinds();
	test_phrases();
	test_apart();
	test_proper();
	test_overlap();
	test_agent();
	test_agent_analysed();
	test_agent_carried();
	test_object_at();
	return check_done();
}
