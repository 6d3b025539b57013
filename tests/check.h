/*
 * check.h: a tiny TAP producer for brink's C unit tests.
 *
 *	CHECK(cond, "what a user would expect")
 *	CHECK_STR(got, expected, "what")	strings, NULL-safe
 *	CHECK_INT(got, expected, "what")
 *	return check_done();			prints the plan, exit status
 *
 * Each check prints "ok N - what" or "not ok N - what" with the values
 * that differed; automake's tap-driver counts them.
 */
#ifndef BRINK_CHECK_H
#define BRINK_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_count;
static int check_failed;

static inline int
check_report(int ok, const char *what, const char *file, int line)
{
	check_count++;
	if (!ok)
		check_failed++;
	printf("%sok %d - %s\n", ok ? "" : "not ", check_count, what);
	if (!ok)
		printf("# failed at %s:%d\n", file, line);
	return ok;
}

#define CHECK(cond, what) \
	check_report((cond) != 0, (what), __FILE__, __LINE__)

#define CHECK_STR(got, expected, what) do {				\
	const char *check_g_ = (got), *check_e_ = (expected);		\
	int check_ok_ = (check_g_ == NULL && check_e_ == NULL) ||	\
	    (check_g_ != NULL && check_e_ != NULL &&			\
	    strcmp(check_g_, check_e_) == 0);				\
	if (!check_report(check_ok_, (what), __FILE__, __LINE__))	\
		printf("#   got:      %s\n#   expected: %s\n",		\
		    check_g_ ? check_g_ : "(null)",			\
		    check_e_ ? check_e_ : "(null)");			\
} while (0)

#define CHECK_INT(got, expected, what) do {				\
	long long check_g_ = (long long)(got);				\
	long long check_e_ = (long long)(expected);			\
	if (!check_report(check_g_ == check_e_, (what), __FILE__,	\
	    __LINE__))							\
		printf("#   got:      %lld\n#   expected: %lld\n",	\
		    check_g_, check_e_);				\
} while (0)

static inline int
check_done(void)
{
	printf("1..%d\n", check_count);
	return check_failed ? 1 : 0;
}

#endif
