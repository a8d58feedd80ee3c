/* fixture.h — a fresh database in a temporary folder, with one user per
 * role: root (admin), zhu and li (reporters), wang (editor), chen (chief). */
#ifndef NEWSDESK_FIXTURE_H
#define NEWSDESK_FIXTURE_H

#include "newsdesk/store.h"
#include "newsdesk/users.h"

#include <stdint.h>

struct fixture {
	char dir[256];
	char path[300];
	struct nd_store *st;
	struct nd_actor admin, zhu, li, wang, chen;
};

void fixture_open(struct fixture *fx);
void fixture_close(struct fixture *fx);
/* Files a small story as actor; returns the new item's id. */
int64_t fixture_file(struct fixture *fx, const struct nd_actor *actor, const char *headline);
/* Runs SQL straight on the store (tests only). Returns the SQLite code. */
int fixture_sql(struct fixture *fx, const char *sql);
/* The first column of the first row of sql as an integer. */
int64_t fixture_int(struct fixture *fx, const char *sql);

#endif
