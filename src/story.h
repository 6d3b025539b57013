/*
 * story.h: what makes two alerts one story, as a pure module (no I/O, no
 * logging); story_db.c keeps the stories in the store and routes them to
 * the sinks.
 *
 * Two alerts are one story when they share the category family (threat
 * and retaliation are one family, de-escalation another), the actors
 * (not the targets: outlets name different ones), and a near-duplicate
 * statement, within a window.  The statement is compared as a bottom-k MinHash
 * sketch of word shingles (each content word's stem, and each pair of
 * neighbouring stems) of the quoted sentences, folded and stemmed with
 * text.h, British spellings written the American way first
 * ("programme", "program").  Bottom-k rather than SimHash: a quoted
 * sentence has a dozen or two content words, too few for SimHash's 64 bits to settle (one word
 * more flips many bits), while a bottom-k sketch of 64 hashes is the
 * exact Jaccard overlap for sets that small and a bounded estimate for
 * long ones, with one hash function and a fixed 512 bytes per story.
 *
 * Reports of one event from different outlets are seldom near
 * duplicates ("an aide told the militia to cease fire", "the cleric
 * called on the militia to stop fighting"), so a second, looser test
 * joins them too: an actor in common (or one of the two naming no actor,
 * only roles: "the cleric", "militants" do not say who, so they are not
 * another actor), most of
 * the shorter statement's content stems found in the other (the overlap
 * coefficient of the two sets of stems, story_overlap; four or more),
 * both counted without the actors' own names (each word of the
 * configuration name stemmed as the text's words are: "hamas" is
 * "hama" there), though a target's name counts, and a name in common
 * among them (a capitalised word: a person, a place, a group; or a
 * named actor, which "Iran says" puts where a capital is no name),
 * so that two short statements of stock words ("officials said talks
 * would resume next week") from two conflicts stay apart.  A count in
 * common with an actor in common joins them too, whatever the other
 * words: "Darfur rebels free 31 hostages" and "Darfur rebels release 31
 * captives" tell one release, where a fold of synonyms would also join
 * the next day's release of 12.  Once enough items of the window were
 * read, the looser test weighs each stem by its rarity in them
 * (story_freq.h) rather than counting stems.  Two words a hyphen joins
 * are also, for that test, the word they spell closed up, as the rules
 * read them ("cease-fire" holds "ceasefire" as well as "cease" and
 * "fire"): outlets write a compound closed or hyphened.  And a word of
 * a class of the rule pack marked synonyms = true is also the class's
 * name, which the class's other words share ("begins", "starts"):
 * added to the word, not put for it, so the same word still weighs
 * more than a synonym, and only in the classes the pack marks, since
 * most classes gather the words of a kind of act, not of one act.
 * A statement that asks ("What did the parties agree?") tells no event,
 * so it joins no story and no report joins its story (story_record.h):
 * a crisis desk reads an explainer as a story of its own.
 * Stems, not pairs: a rewording keeps the names and the key nouns and
 * changes the phrasing.  The share of the shorter one, not Jaccard: a
 * headline's few words against a lead's many are one statement.
 */
#ifndef BRINK_STORY_H
#define BRINK_STORY_H

#include <stddef.h>
#include <stdint.h>

#define STORY_SKETCH_MAX	64
/* The fewest stems in common for story_overlap to join two statements,
 * the names of the actors they share not counted: a three-word headline
 * is a subset of too many others. */
#define STORY_OVERLAP_WORDS	4

struct config;
struct text_stemmer;

/* A word of a synonym class of the rule pack (story_lex.c): a stem, a
 * folded form ("=" in the pack) or a prefix ("*"), and the class. */
struct story_syn {
	char		*word;		/* NULL for a stem */
	size_t		 len;
	uint64_t	 hash;		/* a stem's story_word_hash */
	int		 kind;
	char		*name;		/* "@" and the class's name */
};
#define STORY_SYN_STEM		0
#define STORY_SYN_EXACT		1
#define STORY_SYN_PREFIX	2

/*
 * How a statement's words are read: stemmed with stem (NULL: folded
 * only), and a word of a synonym class of the pack (synonyms = true in
 * the class) also as the class's name, a word the class's other words
 * share ("begins" and "starts" share "@starts").
 */
struct story_lex {
	struct text_stemmer	*stem;
	struct story_syn	*syn;
	size_t			 n_syn;
};

/* Fill lex's synonyms from cfg's classes (lex->stem set first): 0, or
 * -1 when out of memory (none kept).  story_lex_clear frees them. */
int		 story_lex_build(struct story_lex *lex,
		    const struct config *cfg);
void		 story_lex_clear(struct story_lex *lex);

struct story_sketch {
	uint64_t	h[STORY_SKETCH_MAX];	/* ascending, distinct */
	size_t		n;
};

/* The family of a category: "hostile" for threat and retaliation, the
 * category itself for any other.  Borrowed (static or category). */
const char	*story_family(const char *category);

/*
 * Add the shingles of len bytes of text (stemmed with stem, which may be
 * NULL: folded words only) to sk, keeping the STORY_SKETCH_MAX smallest.
 * Returns 0, or -1 when out of memory (sk unchanged).
 */
int		 story_sketch_add(struct story_sketch *sk,
		    struct text_stemmer *stem, const char *text, size_t len);

/*
 * Add the content stems of len bytes of text to sk (no pairs), and
 * those of its capitalised words to names (which may be NULL), for
 * story_overlap; as story_sketch_add otherwise.
 */
int		 story_words_add(struct story_sketch *sk,
		    struct story_sketch *names, struct text_stemmer *stem,
		    const char *text, size_t len);

/*
 * Add a named actor (its configuration name, len bytes) to names: a
 * name wherever the text puts it ("Iran says" opens a sentence, where a
 * capital is no name), each of its words (split at '-') hashed as a
 * statement's word is, stemmed with stem (which may be NULL).
 */
void		 story_name_add(struct story_sketch *names,
		    struct text_stemmer *stem, const char *name, size_t len);

/* The hash of a folded word (len bytes, NUL-terminated) as a
 * statement's words are hashed, stemmed with stem (which may be NULL);
 * 0 for a stop word. */
uint64_t	 story_word_hash(struct text_stemmer *stem, const char *fold,
		    size_t len);
/* The hash of the synonym class of lex that holds the folded word, as a
 * statement's words hold it too (story_statement_lex); 0 for none. */
uint64_t	 story_word_class(const struct story_lex *lex,
		    const char *fold, size_t len);

/* The hashes of sk that drop does not hold, in out (which may not be
 * sk). */
void		 story_sketch_without(struct story_sketch *out,
		    const struct story_sketch *sk,
		    const struct story_sketch *drop);

/* Is h among the hashes of sk? */
int		 story_sketch_has(const struct story_sketch *sk, uint64_t h);

/*
 * The share of the smaller set of stems found in the other, 0..1 (0
 * when either is empty), and in *shared how many they have in common.
 * Sets cut at STORY_SKETCH_MAX stems compare their smallest hashes, an
 * estimate for statements that long.
 */
double		 story_overlap(const struct story_sketch *,
		    const struct story_sketch *, size_t *shared);

/*
 * story_overlap with each stem weighed: wa and wb the weights of a's and
 * b's hashes (NULL: 1 each), the share by weight of the lighter set
 * found in the other, the weight in common in *mass (which may be NULL)
 * and the number of stems in common in *shared.
 */
double		 story_overlap_weighed(const struct story_sketch *a,
		    const double *wa, const struct story_sketch *b,
		    const double *wb, double *mass, size_t *shared);

/* Do two comma-joined name lists have a name in common? */
int		 story_names_share(const char *a, const char *b);

/*
 * story_sketch_add into sk and story_words_add into words and names at
 * once (one reading of the text), and the text's counts into counts
 * (numbers of two or more written in digits, "24 hostages", "1,200
 * troops", or any before a magnitude, "1.1 million people"; not a
 * year nor a time, "48 hours"), which words holds too, hashed apart
 * from the same digits that are no count; any of the four may be NULL.
 */
int		 story_statement_add(struct story_sketch *sk,
		    struct story_sketch *words, struct story_sketch *names,
		    struct story_sketch *counts, struct text_stemmer *stem,
		    const char *text, size_t len);
/* story_statement_add with the words read as lex reads them. */
int		 story_statement_lex(struct story_sketch *sk,
		    struct story_sketch *words, struct story_sketch *names,
		    struct story_sketch *counts, const struct story_lex *lex,
		    const char *text, size_t len);

/* Is one of the counts (story_statement_add) among words? */
int		 story_counts_share(const struct story_sketch *counts,
		    const struct story_sketch *words);

/* The bytes of a wire dateline at the start of text ("WASHINGTON --",
 * "KABUL (Reuters) -"), which says where the copy was filed, not what
 * was said; 0 when there is none. */
size_t		 story_dateline(const char *text, size_t len);

/* Does len bytes of text ask rather than tell: does it end in a
 * question mark of its own ("What did Ostland offer?"), not one inside
 * a closing quote ("Varnia replied: 'Why not?'"), which tells of a
 * question asked? */
int		 story_asks(const char *text, size_t len);

/* The estimated Jaccard overlap of the two statements, 0..1; 0 when
 * either is empty. */
double		 story_similarity(const struct story_sketch *,
		    const struct story_sketch *);

#endif
