/* maintenance.h — backing the store up while others write, and checking
 * it: SQLite's integrity and the schema's own invariants. */
#ifndef NEWSDESK_MAINTENANCE_H
#define NEWSDESK_MAINTENANCE_H

#include "newsdesk/backup.h"
#include "newsdesk/buf.h"
#include "newsdesk/store.h"
#include "newsdesk/users.h"

/* Appends one line per problem to report; returns the number found
 * (0: all is well) or a negative error. */
int nd_check(struct nd_store *st, const struct nd_actor *actor, struct nd_buf *report,
	     struct nd_error *err);

#endif
