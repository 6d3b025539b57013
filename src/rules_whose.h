/*
 * rules_whose.h: whose act, guess, plan or demand a term's clause tells,
 * asked by rules_clause.c of each occurrence of a rule with clause keys.
 * Each answers of token t of run's sentence and agent, the index of the
 * acting party's mention in run->am (or -1); the comments in
 * rules_whose.c say each question with examples.
 */
#ifndef BRINK_RULES_WHOSE_H
#define BRINK_RULES_WHOSE_H

#include <stddef.h>

#include "actor.h"
#include "rules_priv.h"

int	 rules_denied_by_other(struct rules_run *run, size_t t, long agent);
int	 rules_thing_subject(const struct rules_run *run, size_t t);
int	 rules_clause_said(const struct rules_run *run, size_t t);
int	 rules_guess_of_other(const struct rules_run *run, size_t t, long agent,
		    int cond, int belief);
int	 rules_forecast_of_other(const struct rules_run *run, size_t t,
		    long agent, const struct clause_verb *v);
int	 rules_plan_of_other(const struct rules_run *run, size_t t, long agent,
		    const struct clause_verb *v);
int	 rules_account_of_plan(const struct rules_run *run, size_t t,
		    long agent, const struct clause_verb *v);
int	 rules_demand_of_other(const struct rules_run *run,
		    const struct rules_occ *o, size_t t, long agent,
		    const struct clause_verb *v);
long	 rules_subject_other(const struct rules_run *run, size_t t, long agent);
int	 rules_refused_by_other(const struct rules_run *run, size_t t,
		    long agent);
int	 rules_role_is_target(const struct actor_mention *m,
		    enum actor_kind acting);

#endif
