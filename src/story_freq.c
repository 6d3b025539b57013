/*
 * story_freq.c: the word-frequency memory of the stories (story_freq.h).
 */
#include "autoconf.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "story.h"
#include "story_freq.h"
#include "text.h"
#include "text_char.h"

#define DAY		86400
#define FIRST_SLOTS	1024

/* One day's counts: an open-addressed table of word hashes (0 marks an
 * empty slot; a word hashed to 0 is counted as 1). */
struct story_freq_day {
	long		 day;		/* t / DAY; -1 when unused */
	size_t		 items;
	int		 dirty;		/* changed since story_freq_save */
	size_t		 n, cap;	/* words, slots (a power of two) */
	uint64_t	*key;
	uint32_t	*count;
};

/* The hash of each word met (story_word_hash), by the FNV-1a hash of
 * its lowered bytes: a title's words are hashed by one look-up, the
 * stemmer run once per word, not once per use. */
#define MEMO_SLOTS	(1 << 15)

struct story_freq_memo {
	uint64_t	 key;		/* 0: empty */
	uint64_t	 word;		/* 0: a stop word */
	uint64_t	 cls;		/* its synonym class, 0: none */
};

struct story_freq {
	struct story_freq_day	 days[STORY_FREQ_DAYS];
	struct story_freq_memo	*memo;	/* MEMO_SLOTS, or NULL */
	size_t			 memo_n;
};

struct story_freq *
story_freq_new(void)
{
	struct story_freq *f;
	size_t i;

	if ((f = calloc(1, sizeof(*f))) == NULL)
		return NULL;
	for (i = 0; i < STORY_FREQ_DAYS; i++)
		f->days[i].day = -1;
	return f;
}

static void
story_freq_clear(struct story_freq_day *d)
{
	free(d->key);
	free(d->count);
	memset(d, 0, sizeof(*d));
	d->day = -1;
}

void
story_freq_free(struct story_freq *f)
{
	size_t i;

	if (f == NULL)
		return;
	for (i = 0; i < STORY_FREQ_DAYS; i++)
		story_freq_clear(&f->days[i]);
	free(f->memo);
	free(f);
}

static long
story_freq_day_of(time_t t)
{
	return t < 0 ? -1 - (long)(-(t + 1) / DAY) : (long)(t / DAY);
}

/* The slot of h in d: where it is, or the empty slot it would go. */
static size_t
story_freq_slot(const struct story_freq_day *d, uint64_t h)
{
	size_t i = (size_t)(h ^ (h >> 29)) & (d->cap - 1);

	while (d->key[i] != 0 && d->key[i] != h)
		i = (i + 1) & (d->cap - 1);
	return i;
}

static int
story_freq_grow(struct story_freq_day *d)
{
	struct story_freq_day old = *d;
	size_t i, s;

	d->cap = old.cap == 0 ? FIRST_SLOTS : old.cap * 2;
	d->key = calloc(d->cap, sizeof(*d->key));
	d->count = calloc(d->cap, sizeof(*d->count));
	if (d->key == NULL || d->count == NULL) {
		free(d->key);
		free(d->count);
		*d = old;
		return -1;
	}
	for (i = 0; i < old.cap; i++)
		if (old.key[i] != 0) {
			s = story_freq_slot(d, old.key[i]);
			d->key[s] = old.key[i];
			d->count[s] = old.count[i];
		}
	free(old.key);
	free(old.count);
	return 0;
}

/* The day of t, made (the oldest day forgotten for it) if need be;
 * NULL for a day older than all those kept when none is free. */
static struct story_freq_day *
story_freq_day(struct story_freq *f, time_t t)
{
	long day = story_freq_day_of(t);
	size_t i, oldest = 0;

	for (i = 0; i < STORY_FREQ_DAYS; i++) {
		if (f->days[i].day == day)
			return &f->days[i];
		if (f->days[i].day < f->days[oldest].day)
			oldest = i;
	}
	if (f->days[oldest].day != -1 && f->days[oldest].day > day)
		return NULL;
	story_freq_clear(&f->days[oldest]);
	f->days[oldest].day = day;
	return &f->days[oldest];
}

int
story_freq_note_words(struct story_freq *f, const struct story_sketch *words,
    time_t t)
{
	struct story_freq_day *d;
	uint64_t h;
	size_t i, s;

	if ((d = story_freq_day(f, t)) == NULL)
		return 0;
	d->dirty = 1;
	/* Room for every word first, so that an item is counted whole or
	 * not at all. */
	if ((d->n + words->n) * 2 > d->cap && d->cap < 2 * STORY_FREQ_WORDS &&
	    story_freq_grow(d) == -1)
		return -1;
	d->items++;
	for (i = 0; i < words->n; i++) {
		h = words->h[i] != 0 ? words->h[i] : 1;
		s = story_freq_slot(d, h);
		if (d->key[s] == 0) {
			if (d->n >= STORY_FREQ_WORDS)
				continue;
			d->key[s] = h;
			d->n++;
		}
		d->count[s]++;
	}
	return 0;
}

/* The hash of the folded word w (len bytes, NUL-terminated),
 * from the memo when it was met before; 0 for a stop word; its
 * synonym class's in *cls (story_word_class). */
static uint64_t
story_freq_word(struct story_freq *f, const struct story_lex *lex,
    const char *w, size_t len, uint64_t *cls)
{
	uint64_t key = 0xcbf29ce484222325ULL, word;
	size_t i;

	for (i = 0; i < len; i++) {
		key ^= (unsigned char)w[i];
		key *= 0x100000001b3ULL;
	}
	if (key == 0)
		key = 1;
	if (f->memo == NULL &&
	    (f->memo = calloc(MEMO_SLOTS, sizeof(*f->memo))) == NULL) {
		*cls = story_word_class(lex, w, len);
		return story_word_hash(lex != NULL ? lex->stem : NULL, w, len);
	}
	i = (size_t)(key ^ (key >> 32)) & (MEMO_SLOTS - 1);
	while (f->memo[i].key != 0) {
		if (f->memo[i].key == key) {
			*cls = f->memo[i].cls;
			return f->memo[i].word;
		}
		i = (i + 1) & (MEMO_SLOTS - 1);
	}
	word = story_word_hash(lex != NULL ? lex->stem : NULL, w, len);
	*cls = story_word_class(lex, w, len);
	/* A memo three quarters full starts again: the words of the
	 * week come back at once. */
	if (f->memo_n >= MEMO_SLOTS / 4 * 3) {
		memset(f->memo, 0, MEMO_SLOTS * sizeof(*f->memo));
		f->memo_n = 0;
		i = (size_t)(key ^ (key >> 32)) & (MEMO_SLOTS - 1);
	}
	f->memo[i].key = key;
	f->memo[i].word = word;
	f->memo[i].cls = *cls;
	f->memo_n++;
	return word;
}

/*
 * The hash of the word of len bytes at w, or 0 for none to count (a
 * stop word, one too long, or not UTF-8).  An ASCII word is lowered
 * here; any other is folded as text.h folds a token, so "Kyiv" and
 * "Київ" count as the statements' words do, in every script.
 */
static uint64_t
story_freq_any(struct story_freq *f, const struct story_lex *lex,
    const char *w, size_t len, int ascii, uint64_t *cls)
{
	char low[64], *fold;
	uint64_t h;
	size_t i;

	if (len >= sizeof(low))
		return 0;
	if (ascii) {
		for (i = 0; i < len; i++)
			low[i] = (char)((w[i] >= 'A' && w[i] <= 'Z') ?
			    w[i] | 0x20 : w[i]);
		low[len] = '\0';
		return story_freq_word(f, lex, low, len, cls);
	}
	if ((fold = text_fold(w, len)) == NULL)
		return 0;
	h = strlen(fold) < sizeof(low) ?
	    story_freq_word(f, lex, fold, strlen(fold), cls) : 0;
	free(fold);
	return h;
}

/* How many bytes of a possessive (an apostrophe of text_char.h and
 * "s" before a non-letter) begin at text[i]; 0 when none does. */
static size_t
story_freq_possessive(const char *text, size_t len, size_t i)
{
	size_t q, w;

	if (i >= len || !text_is_apostrophe(text_cp(text, len, i, &q)))
		return 0;
	if (i + q >= len || (text[i + q] | 0x20) != 's')
		return 0;
	if (i + q + 1 < len && text_is_letter(text_cp(text, len, i + q + 1,
	    &w)))
		return 0;
	return q + 1;
}

/*
 * A title's words as a statement's are hashed (story.h), read cheaply:
 * every item of every poll comes here, and the full analysis of
 * text.h costs some ten thousand instructions a title.  Words are runs
 * of letters and digits (text_char.h), a possessive dropped as text.h
 * drops it; ASCII words, most of the news, are lowered without
 * utf8proc.
 */
/* Add h (not 0) to words, once. */
static void
story_freq_put(struct story_sketch *words, uint64_t h)
{
	size_t k;

	if (h == 0)
		return;
	for (k = 0; k < words->n && words->h[k] != h; k++)
		;
	if (k == words->n && words->n < STORY_SKETCH_MAX)
		words->h[words->n++] = h;
}

/* The bytes of the run of word characters at text[i], *ascii cleared
 * when one is beyond ASCII. */
static size_t
story_freq_run(const char *text, size_t len, size_t i, int *ascii,
    size_t *w)
{
	size_t start = i;
	int32_t cp;

	while (i < len && text_is_word(cp = text_cp(text, len, i, w))) {
		*ascii &= cp < 0x80;
		i += *w;
	}
	return i - start;
}

/*
 * A title's words as a statement's are hashed (story.h), read cheaply:
 * every item of every poll comes here, and the full analysis of
 * text.h costs some ten thousand instructions a title.  Words are runs
 * of letters and digits (text_char.h), a possessive dropped as text.h
 * drops it, two a hyphen joins read closed up when the news writes
 * them so; ASCII words, most of the news, are lowered without utf8proc.
 */
int
story_freq_note(struct story_freq *f, const struct story_lex *lex,
    const char *text, size_t len, time_t t)
{
	struct story_sketch words;
	char both[64];
	size_t i = 0, start, w = 1, run, next;
	uint64_t h, cls;
	int ascii, ascii2;

	words.n = 0;
	while (i < len) {
		start = i;
		ascii = 1;
		run = story_freq_run(text, len, i, &ascii, &w);
		i += run;
		if (run == 0) {
			i += w;		/* a character between words */
			continue;
		}
		cls = 0;
		h = story_freq_any(f, lex, text + start, run, ascii, &cls);
		story_freq_put(&words, h);
		story_freq_put(&words, cls);
		/* Two words a hyphen joins are also the word they spell
		 * closed up, as a statement reads them (story.c). */
		ascii2 = ascii;
		if (i + 1 < len && text[i] == '-' && (next =
		    story_freq_run(text, len, i + 1, &ascii2, &w)) > 0 &&
		    run + next < sizeof(both)) {
			memcpy(both, text + start, run);
			memcpy(both + run, text + i + 1, next);
			cls = 0;
			story_freq_put(&words, story_freq_any(f, lex, both,
			    run + next, ascii2, &cls));
			story_freq_put(&words, cls);
		}
		i += story_freq_possessive(text, len, i);
	}
	return story_freq_note_words(f, &words, t);
}

void
story_freq_forget(struct story_freq *f)
{
	if (f == NULL || f->memo == NULL)
		return;
	memset(f->memo, 0, MEMO_SLOTS * sizeof(*f->memo));
	f->memo_n = 0;
}

void
story_freq_expire(struct story_freq *f, time_t t)
{
	long day = story_freq_day_of(t);
	size_t i;

	for (i = 0; i < STORY_FREQ_DAYS; i++)
		if (f->days[i].day != -1 && f->days[i].day < day)
			story_freq_clear(&f->days[i]);
}

void
story_freq_weigh(const struct story_freq *f, time_t from, time_t to,
    const struct story_sketch *sk, double *w, size_t *items)
{
	const struct story_freq_day *d;
	long first = story_freq_day_of(from), last = story_freq_day_of(to);
	size_t i, k, s, n = 0, df;
	uint64_t h;

	for (k = 0; k < STORY_FREQ_DAYS; k++)
		if (f->days[k].day >= first && f->days[k].day <= last)
			n += f->days[k].items;
	for (i = 0; i < sk->n; i++) {
		h = sk->h[i] != 0 ? sk->h[i] : 1;
		df = 0;
		for (k = 0; k < STORY_FREQ_DAYS; k++) {
			d = &f->days[k];
			if (d->day < first || d->day > last || d->cap == 0)
				continue;
			s = story_freq_slot(d, h);
			if (d->key[s] == h)
				df += d->count[s];
		}
		if (df > n)
			df = n;
		w[i] = log((double)(n + 1) / (double)(df + 1));
	}
	*items = n;
}

int
story_freq_rare(const struct story_freq *f, time_t from, time_t to,
    const struct story_sketch *mine, const struct story_sketch *theirs,
    double *overlap)
{
	double wm[STORY_SKETCH_MAX], wt[STORY_SKETCH_MAX], mass, share;
	size_t items, shared;

	if (f == NULL)
		return -1;
	story_freq_weigh(f, from, to, mine, wm, &items);
	if (items < STORY_RARE_ITEMS)
		return -1;
	story_freq_weigh(f, from, to, theirs, wt, &items);
	share = story_overlap_weighed(mine, wm, theirs, wt, &mass, &shared);
	*overlap = share;
	return share >= STORY_RARE_SHARE && mass >= STORY_RARE_MASS &&
	    shared >= STORY_RARE_WORDS ? 0 : 1;
}

int
story_freq_save(struct story_freq *f, story_freq_save_fn *fn, void *arg)
{
	struct story_freq_day *d;
	unsigned char *blob;
	size_t i, k, len, b;
	int rc;

	for (k = 0; k < STORY_FREQ_DAYS; k++) {
		d = &f->days[k];
		if (d->day == -1 || !d->dirty)
			continue;
		if ((blob = malloc(d->n * STORY_FREQ_ROW + 1)) == NULL)
			return -1;
		for (i = 0, len = 0; i < d->cap; i++) {
			if (d->key[i] == 0)
				continue;
			for (b = 0; b < 8; b++)
				blob[len++] = (unsigned char)(d->key[i] >>
				    (8 * b));
			for (b = 0; b < 4; b++)
				blob[len++] = (unsigned char)(d->count[i] >>
				    (8 * b));
		}
		rc = fn(arg, d->day, d->items, blob, len);
		free(blob);
		if (rc == -1)
			return -1;
		d->dirty = 0;
	}
	return 0;
}

int
story_freq_load(struct story_freq *f, long day, size_t items,
    const unsigned char *blob, size_t len)
{
	struct story_freq_day *d;
	uint64_t h;
	uint32_t c;
	size_t at, b, s;

	if ((d = story_freq_day(f, (time_t)day * DAY)) == NULL)
		return 0;
	d->items = items;
	for (at = 0; at + STORY_FREQ_ROW <= len && d->n < STORY_FREQ_WORDS;
	    at += STORY_FREQ_ROW) {
		if ((d->n + 1) * 2 > d->cap && story_freq_grow(d) == -1)
			return -1;
		for (h = 0, b = 0; b < 8; b++)
			h |= (uint64_t)blob[at + b] << (8 * b);
		for (c = 0, b = 0; b < 4; b++)
			c |= (uint32_t)blob[at + 8 + b] << (8 * b);
		if (h == 0)
			continue;
		s = story_freq_slot(d, h);
		if (d->key[s] == 0)
			d->n++;
		d->key[s] = h;
		d->count[s] = c;
	}
	return 0;
}
