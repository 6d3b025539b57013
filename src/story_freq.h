/*
 * story_freq.h: how common each word is in the news of the last days,
 * for the looser sameness test of story.h.
 *
 * "Hostages", "truce" and "Rafah" tell two reports of one event apart
 * from two reports of one war; "Gaza", "Israel" and "strike" do not,
 * because every report of that war has them.  Which words are common
 * depends on the week's news, not on a list: the memory counts, for
 * every item the daemon reads (its title: cheap, and a headline is
 * the item's own statement), in how many items each word (hashed as a
 * statement's words are, story.h) was, per day of the items' own
 * dates.  A word's weight is then its rarity over the items of the
 * days of a story's window, log((items + 1) / (items with it + 1)).
 *
 * Bounded: at most STORY_FREQ_DAYS days are kept (the oldest forgotten
 * first) and at most STORY_FREQ_WORDS words a day (a word first met when
 * the day is full is left out: it stays as rare as it was).  The days
 * are saved in the store (story_db.c) and forgotten with the window.
 */
#ifndef BRINK_STORY_FREQ_H
#define BRINK_STORY_FREQ_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "story.h"

#define STORY_FREQ_DAYS		8
#define STORY_FREQ_WORDS	65536

/* The fewest items read in a window for the rarity of its words to
 * tell (fewer, and the looser test counts words instead, story.h). */
#define STORY_RARE_ITEMS	50
/* The share of the lighter statement's weight the two must have in
 * common: lower than the share of words story_overlap asks, since the
 * stock words that made that share easy to reach weigh little here. */
#define STORY_RARE_SHARE	0.5
/* The least weight in common: a word met in one item of fifty weighs
 * about 3.2, one in every other item 0.7, so two or three uncommon
 * words, never stock words alone. */
#define STORY_RARE_MASS		7.0
/* And the fewest stems in common, as STORY_OVERLAP_WORDS: two rare
 * words alone ("hostage", "deadline") are two stories as often as
 * one. */
#define STORY_RARE_WORDS	3

struct story_freq;
struct story_lex;

struct story_freq	*story_freq_new(void);
void			 story_freq_free(struct story_freq *);

/*
 * Count the words of len bytes of text (a title, read as lex reads
 * which may be NULL) as one item of t's day.  0, or -1 when out of
 * memory (nothing counted).
 */
int		 story_freq_note(struct story_freq *,
		    const struct story_lex *lex, const char *text, size_t len,
		    time_t t);

/* Forget the hashes of the words met: the synonyms changed. */
void		 story_freq_forget(struct story_freq *);

/* Count the hashes of words as one item of t's day (story_freq_note
 * once the words are hashed).  0 or -1 as story_freq_note. */
int		 story_freq_note_words(struct story_freq *,
		    const struct story_sketch *words, time_t t);

/* Forget the days that end before t. */
void		 story_freq_expire(struct story_freq *, time_t t);

/*
 * The weights of the days from from to to (inclusive): the number of
 * items read of those days in *items, and in w[i] the weight of
 * sk->h[i] (story_freq.h's rarity).
 */
void		 story_freq_weigh(const struct story_freq *, time_t from,
		    time_t to, const struct story_sketch *sk, double *w,
		    size_t *items);

/* The bytes a word takes in a saved day: its hash and its count,
 * little-endian, 8 and 4 bytes. */
#define STORY_FREQ_ROW		12

/*
 * Each day counted since the last save, to fn: the day (t / 86400), its
 * items, and its words (len bytes, STORY_FREQ_ROW each).  0, or -1 when
 * out of memory or when fn returned -1 (the days not given stay to be
 * saved).
 */
typedef int	 story_freq_save_fn(void *arg, long day, size_t items,
		    const unsigned char *words, size_t len);
int		 story_freq_save(struct story_freq *, story_freq_save_fn *fn,
		    void *arg);

/* A day saved by story_freq_save, read back (its counts replace those
 * of the day).  0, or -1 when out of memory. */
int		 story_freq_load(struct story_freq *, long day, size_t items,
		    const unsigned char *words, size_t len);

/*
 * The looser test of story.h with each stem weighed by its rarity in
 * the items of the days from from to to: 0 when mine and theirs (the
 * two statements' stems, actors' names left out) have STORY_RARE_SHARE
 * of the lighter one's weight, STORY_RARE_MASS and STORY_RARE_WORDS
 * stems in common (story_overlap_weighed), 1 when not, with the share
 * in *overlap; -1 when fewer than STORY_RARE_ITEMS items were read (or
 * f is NULL), *overlap untouched.
 */
int		 story_freq_rare(const struct story_freq *f, time_t from,
		    time_t to, const struct story_sketch *mine,
		    const struct story_sketch *theirs, double *overlap);

#endif
