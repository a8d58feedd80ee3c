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

#include <stddef.h>
#include <stdint.h>

enum {
	ND_CHECK_REPAIR = 1,
	ND_CHECK_FULL = 2, /* the whole proof, not only what changed since the last */
};

struct nd_root;
struct nd_revs;
struct sqlite3_stmt;

struct nd_check {
	struct nd_store *st;
	struct nd_buf *report;
	int problems;
	bool repair;
	/* The incremental check: the ledger entries a check proved before
	 * (0: prove everything), the id of that proof in roots, and the
	 * counts of records it saw. */
	int64_t since;
	int64_t since_root;
	char since_hex[65];
	char counts[256];
	/* Roots given on the command line, proved besides the recorded ones. */
	const struct nd_root *against;
	size_t n_against;
	/* What check --full's pass over the revisions kept (revcheck.h), for
	 * the checks after it; NULL: they read the rows. */
	const struct nd_revs *revs;
};

/* Runs a query whose rows are problems: (item id, what is wrong) or just
 * (item id) when what says it; a NULL item id reports against what. A
 * query with ?1 gets arg bound to it. */
int nd_check_rows(struct nd_check *c, const char *what, const char *sql, int64_t arg,
		  struct nd_error *err);
/* The same for a statement prepared and bound by the caller; finalizes it. */
int nd_check_stmt(struct nd_check *c, const char *what, struct sqlite3_stmt *stmt,
		  struct nd_error *err);

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

/* The same with roots to prove (against, n_against) and, when proven is
 * not NULL, the root this check proved (n = -1 when it found problems).
 * Without ND_CHECK_FULL, and when a check proved a root before, only what
 * was written since is proved (the ledger's new entries and the records
 * they name, the records' counts, the roots recorded since, the guards
 * and the write-ahead log); a full check records the root it proved. */
int nd_check_run(struct nd_store *st, const struct nd_actor *actor, unsigned flags,
		 const struct nd_root *against, size_t n_against, struct nd_root *proven,
		 struct nd_buf *report, struct nd_error *err);

#endif
