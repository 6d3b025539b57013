/*
 * clause_english.c: the cue words the clause analysis reads in English
 * (struct clause_lang, clause_priv.h): word forms with their classes,
 * regular verbs by base form and how they inflect, the words of belief,
 * wish, guess and doubt, and the endings a headline's present has.  A
 * new language is a file like this one and a line in clause_lang.c.
 */
#include "autoconf.h"

#include <stdint.h>
#include <string.h>

#include "clause.h"
#include "clause_priv.h"

/* English words by exact form.  Irregular verbs are listed here with
 * their tenses; regular ones are in english_verbs below. */
static const struct clause_word english_words[] = {
	/* auxiliaries */
	{ "be", CW_BE }, { "been", CW_BE | CW_PART }, { "being", CW_BE },
	{ "is", CW_BE_PRES }, { "are", CW_BE_PRES }, { "am", CW_BE_PRES },
	{ "was", CW_BE_PAST }, { "were", CW_BE_PAST },
	{ "have", CW_HAVE }, { "has", CW_HAVE }, { "having", CW_HAVE },
	{ "had", CW_HAVE_PAST },
	{ "do", CW_DO }, { "does", CW_DO }, { "did", CW_DO_PAST },
	{ "done", CW_PART | CW_VERB },
	{ "will", CW_WILL }, { "shall", CW_WILL }, { "wo", CW_WILL },
	{ "would", CW_WOULD },
	{ "could", CW_MODAL }, { "may", CW_MODAL | CW_TIME },
	{ "might", CW_MODAL }, { "should", CW_MODAL },
	{ "must", CW_MODAL | CW_MUST },
	{ "can", CW_CAN }, { "ca", CW_CAN }, { "cannot", CW_CAN | CW_NEG },
	/* negation */
	{ "not", CW_NEG }, { "never", CW_NEG | CW_NEVER }, { "no", CW_NO | CW_DET },
	{ "longer", CW_LONGER },
	/* determiners, pronouns, prepositions */
	{ "the", CW_DET }, { "a", CW_DET }, { "an", CW_DET },
	{ "this", CW_DET | CW_TIMEPREP }, { "these", CW_DET },
	{ "those", CW_DET }, { "its", CW_DET }, { "their", CW_DET },
	{ "his", CW_DET }, { "her", CW_DET }, { "our", CW_DET },
	{ "my", CW_DET }, { "your", CW_DET }, { "some", CW_DET },
	{ "any", CW_DET }, { "every", CW_DET }, { "each", CW_DET },
	{ "all", CW_DET }, { "both", CW_DET }, { "another", CW_DET },
	{ "such", CW_DET }, { "what", CW_DET }, { "other", CW_DET },
	{ "more", CW_DET }, { "many", CW_DET }, { "several", CW_DET },
	{ "he", CW_PRON }, { "she", CW_PRON }, { "they", CW_PRON },
	{ "we", CW_PRON }, { "i", CW_PRON },
	/* also an object or an adverb ("saw it happen", "troops there") */
	{ "it", CW_PRON | CW_FUNC }, { "you", CW_PRON | CW_FUNC },
	{ "there", CW_PRON | CW_FUNC },
	{ "him", CW_FUNC }, { "them", CW_FUNC }, { "us", CW_FUNC },
	{ "me", CW_FUNC }, { "itself", CW_FUNC }, { "themselves", CW_FUNC },
	{ "to", CW_TO }, { "of", CW_OF },
	{ "in", CW_PREP }, { "on", CW_PREP | CW_TIMEPREP | CW_CALLPREP },
	{ "at", CW_PREP }, { "for", CW_PREP | CW_CALLPREP }, { "with", CW_PREP },
	{ "by", CW_PREP | CW_AGENT }, { "from", CW_PREP }, { "into", CW_PREP },
	{ "onto", CW_PREP }, { "over", CW_PREP }, { "under", CW_PREP },
	{ "against", CW_PREP }, { "about", CW_PREP | CW_ABOUT },
	{ "after", CW_PREP | CW_SUBORD | CW_ADJUNCT },
	{ "before", CW_PREP | CW_SUBORD | CW_ADJUNCT },
	{ "during", CW_PREP | CW_ADJUNCT },
	{ "since", CW_PREP | CW_SUBORD | CW_ADJUNCT },
	{ "until", CW_PREP | CW_SUBORD }, { "within", CW_PREP },
	{ "without", CW_PREP }, { "between", CW_PREP }, { "among", CW_PREP },
	{ "across", CW_PREP }, { "through", CW_PREP }, { "toward", CW_PREP },
	{ "towards", CW_PREP }, { "near", CW_PREP }, { "amid", CW_PREP | CW_ADJUNCT },
	{ "despite", CW_PREP | CW_ADJUNCT }, { "via", CW_PREP }, { "per", CW_PREP },
	{ "than", CW_PREP }, { "like", CW_PREP }, { "upon", CW_PREP | CW_CALLPREP },
	{ "around", CW_PREP }, { "behind", CW_PREP }, { "beyond", CW_PREP },
	{ "along", CW_PREP }, { "as", CW_PREP | CW_SUBORD }, { "if", CW_COND },
	{ "unless", CW_COND }, { "provided", CW_PROVIDED | CW_PART },
	{ "conditional", CW_PROVIDED }, { "contingent", CW_PROVIDED },
	{ "who", CW_REL }, { "which", CW_REL }, { "whom", CW_REL },
	{ "whose", CW_REL }, { "where", CW_REL }, { "that", CW_THAT },
	{ "but", CW_CONJ }, { "while", CW_CONJ }, { "whereas", CW_CONJ },
	{ "although", CW_CONJ }, { "though", CW_CONJ },
	{ "because", CW_CONJ }, { "when", CW_CONJ }, { "whenever", CW_CONJ },
	{ "whether", CW_CONJ }, { "how", CW_CONJ },
	{ "otherwise", CW_OTHERWISE }, { "else", CW_ELSE },
	{ "and", CW_AND }, { "or", CW_OR }, { "according", CW_ACCORDING },
	{ "going", CW_GOING },
	/* adverbs a verb group or a clause's start may hold */
	{ "also", CW_ADV }, { "still", CW_ADV }, { "already", CW_ADV },
	{ "now", CW_ADV }, { "reportedly", CW_ADV }, { "allegedly", CW_ADV },
	{ "again", CW_ADV }, { "further", CW_ADV }, { "just", CW_ADV },
	{ "soon", CW_ADV }, { "even", CW_ADV }, { "then", CW_ADV },
	{ "immediately", CW_ADV }, { "quickly", CW_ADV },
	{ "probably", CW_ADV }, { "possibly", CW_ADV }, { "likely", CW_ADV },
	{ "certainly", CW_ADV }, { "definitely", CW_ADV }, { "ever", CW_ADV },
	{ "apparently", CW_ADV }, { "repeatedly", CW_ADV },
	{ "previously", CW_ADV }, { "recently", CW_ADV | CW_TIME },
	{ "later", CW_ADV | CW_TIMEPREP }, { "earlier", CW_ADV | CW_TIMEPREP },
	{ "formally", CW_ADV }, { "publicly", CW_ADV },
	{ "officially", CW_ADV }, { "separately", CW_ADV },
	{ "meanwhile", CW_ADV }, { "however", CW_ADV }, { "swiftly", CW_ADV },
	{ "strongly", CW_ADV }, { "firmly", CW_ADV }, { "directly", CW_ADV },
	{ "eventually", CW_ADV }, { "finally", CW_ADV }, { "instead", CW_ADV },
	{ "indeed", CW_ADV }, { "once", CW_ADV | CW_SUBORD }, { "fully", CW_ADV },
	{ "openly", CW_ADV }, { "next", CW_TIMEPREP },
	/* "last week", and the verb after "to" ("siege to last weeks") */
	{ "last", CW_TIMEPREP | CW_VERB | CW_PRES },
	{ "early", CW_TIMEPREP }, { "late", CW_TIMEPREP },
	/* time words */
	{ "monday", CW_TIME }, { "tuesday", CW_TIME }, { "wednesday", CW_TIME },
	{ "thursday", CW_TIME }, { "friday", CW_TIME }, { "saturday", CW_TIME },
	{ "sunday", CW_TIME }, { "today", CW_TIME }, { "tonight", CW_TIME },
	{ "yesterday", CW_TIME }, { "tomorrow", CW_TIME },
	{ "morning", CW_TIME }, { "afternoon", CW_TIME },
	{ "evening", CW_TIME }, { "night", CW_TIME }, { "week", CW_TIME },
	{ "weekend", CW_TIME }, { "month", CW_TIME }, { "year", CW_TIME },
	{ "january", CW_TIME }, { "february", CW_TIME }, { "march", CW_TIME },
	{ "april", CW_TIME }, { "june", CW_TIME }, { "july", CW_TIME },
	{ "august", CW_TIME }, { "september", CW_TIME },
	{ "october", CW_TIME }, { "november", CW_TIME },
	{ "december", CW_TIME },
	/* particles of phrasal verbs */
	{ "out", CW_PARTICLE }, { "back", CW_PARTICLE }, { "off", CW_PARTICLE },
	{ "up", CW_PARTICLE }, { "down", CW_PARTICLE },
	/* numbers and spans of time for deadlines */
	{ "one", CW_NUM }, { "two", CW_NUM }, { "three", CW_NUM },
	{ "four", CW_NUM }, { "five", CW_NUM }, { "six", CW_NUM },
	{ "seven", CW_NUM }, { "ten", CW_NUM }, { "dozens", CW_NUM },
	{ "hundreds", CW_NUM }, { "thousands", CW_NUM },
	{ "hours", CW_SPAN }, { "hour", CW_SPAN }, { "days", CW_SPAN },
	{ "minutes", CW_SPAN }, { "weeks", CW_SPAN }, { "months", CW_SPAN },
	/* nouns and adjectives that govern an infinitive */
	{ "threat", CW_THREAT }, { "threats", CW_THREAT },
	{ "warning", CW_THREAT }, { "warnings", CW_THREAT },
	{ "ultimatum", CW_DEMAND }, { "deadline", CW_DEMAND },
	{ "intention", CW_INTENT }, { "intentions", CW_INTENT },
	{ "intent", CW_INTENT }, { "readiness", CW_INTENT },
	{ "preparations", CW_INTENT }, { "ready", CW_INTENT },
	{ "poised", CW_INTENT | CW_PART }, { "determined", CW_INTENT | CW_PART },
	{ "willing", CW_INTENT }, { "eager", CW_INTENT },
	{ "able", CW_ABLE }, { "unable", CW_ABLE | CW_NEG },
	{ "capable", CW_ABLE }, { "incapable", CW_ABLE | CW_NEG },
	{ "ability", CW_ABLE }, { "capability", CW_ABLE },
	{ "capabilities", CW_ABLE }, { "capacity", CW_ABLE },
	{ "refusal", CW_DENY }, { "denial", CW_DENY },
	/* nouns through which the mood reaches the phrase after them:
	 * "threatened a wave of attacks" */
	{ "wave", CW_LIGHT }, { "waves", CW_LIGHT }, { "series", CW_LIGHT },
	{ "campaign", CW_LIGHT }, { "string", CW_LIGHT }, { "spate", CW_LIGHT },
	{ "barrage", CW_LIGHT }, { "round", CW_LIGHT }, { "risk", CW_LIGHT },
	{ "possibility", CW_LIGHT }, { "prospect", CW_LIGHT },
	{ "act", CW_LIGHT }, { "acts", CW_LIGHT }, { "kind", CW_LIGHT },
	{ "sort", CW_LIGHT }, { "type", CW_LIGHT }, { "number", CW_LIGHT },
	{ "use", CW_LIGHT }, { "threat", CW_LIGHT }, { "threats", CW_LIGHT },
	{ "day", CW_LIGHT }, { "days", CW_LIGHT }, { "rain", CW_LIGHT },
	/* participles read as adjectives more often than as verbs */
	{ "armed", CW_ADJ | CW_PAST | CW_PART },
	{ "backed", CW_ADJ | CW_PAST | CW_PART },
	{ "based", CW_ADJ | CW_PAST | CW_PART },
	{ "led", CW_ADJ | CW_PAST | CW_PART },
	{ "linked", CW_ADJ | CW_PAST | CW_PART },
	{ "allied", CW_ADJ | CW_PAST | CW_PART },
	{ "alleged", CW_ADJ | CW_PAST | CW_PART },
	/* "United States/Nations": a name, never "united" + a verb */
	{ "united", CW_DET }, { "disputed", CW_ADJ | CW_PAST | CW_PART },
	{ "occupied", CW_ADJ | CW_PAST | CW_PART },
	{ "wounded", CW_ADJ | CW_PAST | CW_PART },
	{ "hundred", CW_NUM }, { "need", 0 }, { "speed", 0 }, { "red", 0 },
	{ "seed", 0 }, { "bed", 0 }, { "shed", 0 }, { "sacred", 0 },
	{ "naked", 0 }, { "wicked", 0 }, { "ahmed", 0 }, { "mohammed", 0 },
	{ "muhammad", 0 }, { "hamed", 0 }, { "thing", 0 },
	{ "during", CW_PREP | CW_ADJUNCT }, { "morning", CW_TIME }, { "evening", CW_TIME },
	{ "italy", 0 }, { "family", 0 }, { "rally", 0 }, { "ally", 0 },
	{ "assembly", 0 }, { "supply", 0 },
	{ "anomaly", 0 }, { "monopoly", 0 }, { "reply", CW_VERB | CW_PRES },
	{ "apply", 0 }, { "comply", 0 }, { "rely", 0 }, { "daily", 0 },
	{ "weekly", 0 }, { "mostly", CW_ADV }, { "nearly", CW_ADV },
	{ "building", 0 }, { "meeting", 0 }, { "beijing", 0 },
	{ "spring", 0 }, { "string", 0 }, { "king", 0 }, { "wing", 0 },
	{ "ring", 0 }, { "bring", CW_VERB | CW_PRES }, { "nothing", 0 },
	{ "something", 0 }, { "anything", 0 }, { "everything", 0 },
	{ "ceiling", 0 }, { "offspring", 0 }, { "uprising", 0 },
	{ "shelling", 0 }, { "bombing", 0 }, { "bombings", 0 },
	{ "killing", 0 }, { "killings", 0 }, { "fighting", 0 },
	{ "shooting", 0 }, { "funding", 0 }, { "briefing", 0 },
	{ "warming", 0 }, { "landing", 0 }, { "ceasefire", 0 },
	/* irregular verbs: speech, threats and denial first */
	{ "said", CW_SPEECH | CW_VERB | CW_PAST | CW_PART },
	{ "thought", CW_SPEECH | CW_VERB | CW_PAST | CW_PART },
	{ "says", CW_SPEECH | CW_VERB | CW_PRES },
	{ "told", CW_SPEECH | CW_OBJECT | CW_DEMAND | CW_VERB | CW_PAST |
	    CW_PART },
	{ "wrote", CW_SPEECH | CW_VERB | CW_PAST },
	{ "written", CW_PART | CW_VERB },
	{ "spoke", CW_PAST | CW_VERB }, { "spoken", CW_PART | CW_VERB },
	{ "swore", CW_THREAT | CW_SPEECH | CW_VERB | CW_PAST },
	{ "sworn", CW_THREAT | CW_SPEECH | CW_VERB | CW_PART },
	{ "sought", CW_INTENT | CW_VERB | CW_PAST | CW_PART },
	{ "set", CW_INTENT | CW_VERB | CW_PAST | CW_PART },
	{ "gave", CW_GIVE | CW_VERB | CW_PAST },
	{ "given", CW_GIVE | CW_VERB | CW_PART },
	{ "give", CW_GIVE | CW_VERB | CW_PRES },
	{ "gives", CW_GIVE | CW_VERB | CW_PRES },
	{ "giving", CW_GIVE | CW_VERB | CW_ING },
	/* irregular verbs of the news: past and participle */
	{ "struck", CW_VERB | CW_PAST | CW_PART | CW_NEWS },
	{ "hit", CW_VERB | CW_PAST | CW_PART | CW_PRES | CW_NEWS },
	{ "shot", CW_VERB | CW_PAST | CW_PART | CW_NEWS },
	{ "fought", CW_VERB | CW_PAST | CW_PART },
	{ "went", CW_VERB | CW_PAST }, { "gone", CW_VERB | CW_PART },
	{ "came", CW_VERB | CW_PAST }, { "took", CW_VERB | CW_PAST },
	{ "taken", CW_VERB | CW_PART }, { "made", CW_VERB | CW_PAST | CW_PART },
	{ "held", CW_VERB | CW_PAST | CW_PART },
	{ "kept", CW_VERB | CW_PAST | CW_PART },
	{ "left", CW_VERB | CW_PAST | CW_PART },
	{ "met", CW_VERB | CW_PAST | CW_PART },
	{ "sent", CW_VERB | CW_PAST | CW_PART },
	{ "won", CW_VERB | CW_PAST | CW_PART },
	{ "lost", CW_VERB | CW_PAST | CW_PART },
	{ "began", CW_VERB | CW_PAST }, { "begun", CW_VERB | CW_PART },
	{ "broke", CW_VERB | CW_PAST }, { "broken", CW_VERB | CW_PART },
	{ "brought", CW_VERB | CW_PAST | CW_PART },
	{ "built", CW_VERB | CW_PAST | CW_PART },
	{ "bought", CW_VERB | CW_PAST | CW_PART },
	{ "caught", CW_VERB | CW_PAST | CW_PART },
	{ "chose", CW_VERB | CW_PAST }, { "chosen", CW_VERB | CW_PART },
	{ "drew", CW_VERB | CW_PAST }, { "drawn", CW_VERB | CW_PART },
	{ "drove", CW_VERB | CW_PAST }, { "driven", CW_VERB | CW_PART },
	{ "fell", CW_VERB | CW_PAST }, { "fallen", CW_VERB | CW_PART },
	{ "fled", CW_VERB | CW_PAST | CW_PART },
	{ "flew", CW_VERB | CW_PAST }, { "flown", CW_VERB | CW_PART },
	{ "got", CW_VERB | CW_PAST | CW_PART },
	{ "grew", CW_VERB | CW_PAST }, { "grown", CW_VERB | CW_PART },
	{ "hid", CW_VERB | CW_PAST }, { "hidden", CW_VERB | CW_PART },
	{ "knew", CW_VERB | CW_PAST }, { "known", CW_VERB | CW_PART },
	{ "meant", CW_VERB | CW_PAST | CW_PART },
	{ "paid", CW_VERB | CW_PAST | CW_PART },
	{ "put", CW_VERB | CW_PAST | CW_PART },
	{ "ran", CW_VERB | CW_PAST }, { "rose", CW_VERB | CW_PAST },
	{ "risen", CW_VERB | CW_PART }, { "saw", CW_VERB | CW_PAST },
	{ "seen", CW_VERB | CW_PART }, { "sold", CW_VERB | CW_PAST | CW_PART },
	{ "shook", CW_VERB | CW_PAST }, { "stood", CW_VERB | CW_PAST | CW_PART },
	{ "stole", CW_VERB | CW_PAST }, { "stolen", CW_VERB | CW_PART },
	{ "thought", CW_VERB | CW_PAST | CW_PART },
	{ "threw", CW_VERB | CW_PAST }, { "thrown", CW_VERB | CW_PART },
	{ "understood", CW_VERB | CW_PAST | CW_PART },
	{ "withdrew", CW_VERB | CW_PAST }, { "withdrawn", CW_VERB | CW_PART },
	{ "became", CW_VERB | CW_PAST }, { "blew", CW_VERB | CW_PAST },
	{ "blown", CW_VERB | CW_PART }, { "cut", CW_VERB | CW_PAST | CW_PART },
	{ "found", CW_VERB | CW_PAST | CW_PART },
	{ "felt", CW_VERB | CW_PAST | CW_PART },
	{ "hung", CW_VERB | CW_PAST | CW_PART },
	{ "hurt", CW_VERB | CW_PAST | CW_PART },
	{ "let", CW_VERB | CW_PAST | CW_PART },
	{ "spent", CW_VERB | CW_PAST | CW_PART },
	{ "spread", CW_VERB | CW_PAST | CW_PART },
	{ "tore", CW_VERB | CW_PAST }, { "torn", CW_VERB | CW_PART },
	{ "beat", CW_VERB | CW_PAST | CW_PRES },
	{ "beaten", CW_VERB | CW_PART },
	{ "overran", CW_VERB | CW_PAST }, { "overrun", CW_VERB | CW_PART },
	{ "sank", CW_VERB | CW_PAST }, { "sunk", CW_VERB | CW_PART },
	{ "slew", CW_VERB | CW_PAST }, { "slain", CW_VERB | CW_PART },
	{ "upheld", CW_VERB | CW_PAST | CW_PART },
	{ "withheld", CW_VERB | CW_PAST | CW_PART },
	{ "oversaw", CW_VERB | CW_PAST }, { "arose", CW_VERB | CW_PAST },
	{ "dealt", CW_VERB | CW_PAST | CW_PART },
	{ "fed", CW_VERB | CW_PAST | CW_PART },
	{ "bled", CW_VERB | CW_PAST | CW_PART },
	{ "laid", CW_VERB | CW_PAST | CW_PART },
	{ "lit", CW_VERB | CW_PAST | CW_PART },
	{ "shut", CW_VERB | CW_PAST | CW_PART },
	{ "quit", CW_VERB | CW_PAST | CW_PART },
	{ "forbade", CW_VERB | CW_PAST }, { "forbidden", CW_VERB | CW_PART },
	{ "woke", CW_VERB | CW_PAST }, { "wore", CW_VERB | CW_PAST },
	{ NULL, 0 }
};

/* Regular English verbs by base form, with what each cues. */
static const struct clause_word english_verbs[] = {
	/* speech */
	{ "say", CW_SPEECH }, { "tell", CW_SPEECH | CW_OBJECT | CW_DEMAND },
	{ "state", CW_SPEECH }, { "announce", CW_SPEECH },
	{ "add", CW_SPEECH }, { "declare", CW_SPEECH },
	{ "claim", CW_SPEECH }, { "insist", CW_SPEECH },
	{ "note", CW_SPEECH }, { "explain", CW_SPEECH },
	{ "confirm", CW_SPEECH }, { "stress", CW_SPEECH },
	{ "emphasise", CW_SPEECH }, { "emphasize", CW_SPEECH },
	{ "underline", CW_SPEECH },
	{ "assert", CW_SPEECH }, { "reiterate", CW_SPEECH },
	{ "acknowledge", CW_SPEECH }, { "admit", CW_SPEECH },
	{ "allege", CW_SPEECH }, { "argue", CW_SPEECH },
	{ "tweet", CW_SPEECH }, { "reply", CW_SPEECH },
	{ "inform", CW_SPEECH | CW_OBJECT }, { "assure", CW_SPEECH | CW_OBJECT },
	{ "remind", CW_SPEECH | CW_OBJECT }, { "report", CW_SPEECH },
	{ "signal", CW_SPEECH }, { "indicate", CW_SPEECH },
	{ "suggest", CW_SPEECH }, { "hint", CW_SPEECH },
	/* belief (english_belief_verbs says which forms): they report */
	{ "think", CW_SPEECH }, { "believe", CW_SPEECH },
	{ "fear", CW_SPEECH }, { "expect", CW_SPEECH },
	{ "suspect", CW_SPEECH }, { "predict", CW_SPEECH },
	/* threats: they report speech too ("vowed that ...") */
	{ "threaten", CW_THREAT | CW_SPEECH },
	{ "vow", CW_THREAT | CW_SPEECH }, { "pledge", CW_THREAT | CW_SPEECH },
	{ "promise", CW_THREAT | CW_SPEECH | CW_OBJECT },
	{ "swear", CW_THREAT | CW_SPEECH },
	{ "warn", CW_THREAT | CW_SPEECH | CW_OBJECT | CW_DEMAND },
	/* denial and refusal */
	{ "deny", CW_DENY | CW_SPEECH }, { "reject", CW_DENY },
	{ "dismiss", CW_DENY }, { "refute", CW_DENY },
	{ "disavow", CW_DENY }, { "repudiate", CW_DENY },
	{ "renounce", CW_DENY },
	{ "refuse", CW_DENY }, { "decline", CW_DENY },
	{ "hesitate", 0 },
	{ "rule", CW_RULE },
	/* what is said of a condition: "would depend on X pulling back" */
	{ "depend", CW_PROVIDED }, { "hinge", CW_PROVIDED },
	/* demands */
	{ "demand", CW_DEMAND | CW_SPEECH }, { "order", CW_DEMAND },
	{ "urge", CW_DEMAND }, { "command", CW_DEMAND },
	{ "instruct", CW_DEMAND }, { "call", CW_CALL },
	{ "implore", CW_DEMAND }, { "plead", CW_DEMAND },
	{ "appeal", CW_CALL },
	/* a demand only with an object and "to": "pressed Varnia to
	 * withdraw", not "pressed ahead"; "asked it to", not "asked
	 * whether" */
	{ "press", CW_DEMAND | CW_OBJECT }, { "ask", CW_DEMAND | CW_OBJECT },
	{ "encourage", CW_DEMAND | CW_OBJECT },
	/* verbs a purpose "to" often takes, so that the chain reaches
	 * past them: "used its influence to avert a war" */
	{ "avert", 0 }, { "prevent", 0 }, { "ensure", 0 }, { "defuse", 0 },
	{ "curb", 0 },
	/* intent */
	{ "plan", CW_INTENT | CW_LIGHT }, { "intend", CW_INTENT }, { "aim", CW_INTENT },
	{ "prepare", CW_INTENT }, { "want", CW_INTENT },
	{ "seek", CW_INTENT }, { "hope", CW_INTENT }, { "mean", 0 },
	/* light verbs: "launch a wave of strikes" */
	{ "wage", CW_LIGHT }, { "mount", CW_LIGHT }, { "stage", CW_LIGHT },
	{ "conduct", CW_LIGHT }, { "unleash", CW_LIGHT },
	{ "start", CW_LIGHT }, { "step", CW_LIGHT }, { "intensify", CW_LIGHT },
	{ "continue", CW_LIGHT }, { "carry", CW_LIGHT }, { "deliver", CW_LIGHT },
	{ "begin", CW_LIGHT | CW_NEWS }, { "face", CW_LIGHT },
	/* verbs of the news, for headlines in the present */
	{ "attack", CW_NEWS }, { "strike", CW_NEWS }, { "kill", CW_NEWS },
	{ "bomb", CW_NEWS }, { "shell", CW_NEWS }, { "fire", CW_NEWS | CW_LIGHT },
	{ "launch", CW_NEWS | CW_LIGHT }, { "invade", CW_NEWS }, { "seize", CW_NEWS },
	{ "capture", CW_NEWS }, { "raid", CW_NEWS }, { "target", CW_NEWS },
	{ "retaliate", CW_NEWS }, { "respond", CW_NEWS }, { "fight", CW_NEWS },
	{ "storm", CW_NEWS }, { "ambush", CW_NEWS }, { "shoot", CW_NEWS },
	{ "pound", CW_NEWS }, { "destroy", CW_NEWS }, { "sink", CW_NEWS },
	{ "clash", CW_NEWS }, { "kidnap", CW_NEWS }, { "abduct", CW_NEWS },
	{ "execute", CW_NEWS }, { "detain", CW_NEWS }, { "arrest", CW_NEWS },
	{ "free", CW_NEWS }, { "release", CW_NEWS }, { "hold", CW_NEWS },
	{ "agree", CW_NEWS }, { "sign", CW_NEWS }, { "accept", CW_NEWS },
	{ "withdraw", CW_NEWS }, { "resume", CW_NEWS | CW_LIGHT }, { "halt", CW_NEWS },
	{ "end", CW_NEWS }, { "meet", CW_NEWS }, { "deploy", CW_NEWS },
	{ "mobilise", CW_NEWS }, { "mobilize", CW_NEWS }, { "send", CW_NEWS },
	{ "test", CW_NEWS }, { "approve", CW_NEWS }, { "impose", CW_NEWS },
	{ "condemn", CW_NEWS }, { "blame", CW_NEWS }, { "accuse", CW_NEWS },
	{ "wound", CW_NEWS }, { "injure", CW_NEWS }, { "die", CW_NEWS },
	{ "flee", CW_NEWS }, { "return", CW_NEWS }, { "enter", CW_NEWS },
	{ "mass", CW_NEWS }, { "down", CW_NEWS }, { "push", CW_NEWS },
	{ "open", CW_NEWS }, { "close", CW_NEWS }, { "lift", CW_NEWS },
	{ "back", CW_NEWS }, { "slam", CW_NEWS }, { "hail", CW_NEWS },
	{ "welcome", CW_NEWS }, { "vote", CW_NEWS | CW_INTENT }, { "escalate", CW_NEWS | CW_LIGHT },
	{ "expand", CW_NEWS | CW_LIGHT }, { "widen", CW_NEWS | CW_LIGHT },
	{ "fan", CW_NEWS },
	{ "retake", CW_NEWS }, { "repel", CW_NEWS }, { "expel", CW_NEWS },
	{ "visit", CW_NEWS }, { "join", CW_NEWS }, { "leave", CW_NEWS },
	{ "ban", CW_NEWS }, { "boost", CW_NEWS }, { "probe", CW_NEWS },
	{ "review", CW_NEWS }, { "raise", CW_NEWS }, { "build", CW_NEWS },
	{ "sell", CW_NEWS }, { "buy", CW_NEWS }, { "hand", CW_NEWS },
	{ "pull", CW_NEWS }, { "bar", CW_NEWS }, { "avoid", CW_NEWS },
	{ "allow", CW_NEWS }, { "stop", CW_NEWS }, { "stay", CW_NEWS },
	{ "go", CW_NEWS }, { "last", CW_NEWS },
	{ "talk", CW_NEWS }, { "surrender", CW_NEWS },
	{ "negotiate", CW_NEWS }, { "invest", CW_NEWS },
	{ "offer", CW_NEWS }, { "propose", CW_NEWS }, { "recommend", CW_NEWS },
	{ "endorse", CW_NEWS }, { "support", CW_NEWS }, { "renew", CW_NEWS },
	{ "reopen", CW_NEWS }, { "revive", CW_NEWS }, { "restore", CW_NEWS },
	{ "pose", CW_NEWS },
	{ NULL, 0 }
};

static int
english_is_vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* base, -s, -ed, -ing; with e-drop, y -> i, and a doubled last letter
 * ("planned"): a spelling that no word has is harmless. */
static void
english_inflect(const char *base, uint64_t bits,
    void (*add)(void *, const char *, size_t, uint64_t), void *ctx)
{
	char buf[64];
	size_t n = strlen(base);
	char last;

	if (n == 0 || n + 5 > sizeof(buf))
		return;
	last = base[n - 1];
	bits |= CW_VERB;
	add(ctx, base, n, bits | CW_PRES);
	memcpy(buf, base, n);
	if (last == 'y' && n > 1 && !english_is_vowel(base[n - 2])) {
		memcpy(buf + n - 1, "ies", 3);
		add(ctx, buf, n + 2, bits | CW_PRES);
		memcpy(buf + n - 1, "ied", 3);
		add(ctx, buf, n + 2, bits | CW_PAST | CW_PART);
	} else {
		buf[n] = 's';
		add(ctx, buf, n + 1, bits | CW_PRES);
		memcpy(buf + n, "es", 2);
		add(ctx, buf, n + 2, bits | CW_PRES);
		if (last == 'e') {
			buf[n] = 'd';
			add(ctx, buf, n + 1, bits | CW_PAST | CW_PART);
		} else {
			memcpy(buf + n, "ed", 2);
			add(ctx, buf, n + 2, bits | CW_PAST | CW_PART);
			buf[n] = last;
			memcpy(buf + n + 1, "ed", 2);
			add(ctx, buf, n + 3, bits | CW_PAST | CW_PART);
		}
	}
	if (last == 'e' && n > 2 && base[n - 2] != 'e') {
		memcpy(buf + n - 1, "ing", 3);
		add(ctx, buf, n + 2, bits | CW_ING);
	} else {
		memcpy(buf + n, "ing", 3);
		add(ctx, buf, n + 3, bits | CW_ING);
		buf[n] = last;
		memcpy(buf + n + 1, "ing", 3);
		add(ctx, buf, n + 4, bits | CW_ING);
	}
}

static const char *const english_reason_preps[] = { "as", "in", NULL };
static const char *const english_belief_verbs[] = {
	"think", "thinks", "thought", "believe", "believes", "believed",
	"fear", "fears", "feared", "expect", "expects", "expected",
	"suspect", "suspects", "suspected", "predict", "predicts",
	"predicted", NULL
};
static const char *const english_wish_verbs[] = {
	"hope", "hopes", "hoped", "hoping", "want", "wants", "wanted",
	"wanting", "wish", "wishes", "wished", "wishing", NULL
};

static const char *const english_since_words[] = {
	"since", NULL
};

/* "until" only: "unless" is a condition already (CW_COND), and "till"
 * opens no clause in the word table. */
static const char *const english_until_words[] = {
	"until", NULL
};

static const char *const english_hesitate_verbs[] = {
	"hesitate", "hesitates", "hesitated", "hesitating", "hesitation",
	NULL
};

static const char *const english_guess_words[] = {
	"likely", NULL
};

static const char *const english_doubt_words[] = {
	"unlikely", NULL
};

static const char *const english_question_words[] = {
	"whether", "how", NULL
};

static const char *const english_belief_nouns[] = {
	"fear", "fears", "concern", "concerns", "worry", "worries",
	"speculation", "expectation", "expectations", "suspicion",
	"suspicions", "prediction", "predictions", NULL
};

static const char *const english_no_present_endings[] = {
	"ss", "us", "is", NULL
};

static const char *const english_noun_endings[] = {
	"ers", "ors", "ions", "ists", "ants", "ents", "ians", "ties", "ries",
	NULL
};

static const char *const english_singular_articles[] = {
	"a", "an", NULL
};

static const char *const english_negating_prefixes[] = {
	"de", "anti", "non", NULL
};

struct clause_lang clause_english = {
	.name = "english",
	.words = english_words,
	.verbs = english_verbs,
	.inflect = english_inflect,
	.past_suffix = "ed",
	.ing_suffix = "ing",
	.adv_suffix = "ly",
	.pres_suffix = "s",
	.reason_preps = english_reason_preps,
	.belief_verbs = english_belief_verbs,
	.wish_verbs = english_wish_verbs,
	.since_words = english_since_words,
	.until_words = english_until_words,
	.hesitate_verbs = english_hesitate_verbs,
	.guess_words = english_guess_words,
	.doubt_words = english_doubt_words,
	.question_words = english_question_words,
	.belief_nouns = english_belief_nouns,
	.no_present_endings = english_no_present_endings,
	.noun_endings = english_noun_endings,
	.negating_prefixes = english_negating_prefixes,
	.singular_articles = english_singular_articles,
};
