/* check.h — newsdesk check: the store proves its own history. A table of
 * checks, each reading the store and adding one line per problem, naming
 * the item and what is wrong with it. With ND_CHECK_REPAIR the derived
 * data (the search index, the per-state counts) is rebuilt when found
 * wrong; history (revisions, events, notes) is never touched.
 *
 * Another module adds a check by adding one row to the table in check.c
 * with a function of type nd_check_fn. */
#ifndef NEWSDESK_CHECK_H
#define NEWSDESK_CHECK_H

#include "newsdesk/buf.h"
#include "newsdesk/error.h"
#include "newsdesk/store.h"
#include "newsdesk/users.h"

#include <stdbool.h>

enum { ND_CHECK_REPAIR = 1 };

struct nd_check {
	struct nd_store *st;
	struct nd_buf *report;
	int problems;
	bool repair;
};

/* Reports one problem: a line in the report, counted. */
void nd_check_problem(struct nd_check *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* One check: 0 when it ran (whatever it found), < 0 when it could not run;
 * a check that cannot run makes check fail, never say ok. */
typedef int (*nd_check_fn)(struct nd_check *c, struct nd_error *err);

/* Runs every check; returns the number of problems (0: all is well) or a
 * negative error. Editors and above; repairing needs an admin. */
int nd_check(struct nd_store *st, const struct nd_actor *actor, unsigned flags,
	     struct nd_buf *report, struct nd_error *err);

#endif
