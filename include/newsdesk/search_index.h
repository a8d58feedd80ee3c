/* search_index.h — the search indexes' upkeep (core/search_index.c):
 * verifying that they hold exactly the current revisions of the items not
 * withdrawn, and rebuilding them. Searching them is search.h's. */
#ifndef NEWSDESK_SEARCH_INDEX_H
#define NEWSDESK_SEARCH_INDEX_H

#include "newsdesk/buf.h"
#include "newsdesk/error.h"
#include "newsdesk/store.h"
#include "newsdesk/users.h"

#include <stdint.h>

/* Verifies the index holds exactly the current revisions of the items not
 * withdrawn: appends a line to report for each problem; returns how many,
 * or < 0. (newsdesk check) */
int nd_search_check(struct nd_store *st, struct nd_buf *report, struct nd_error *err);

/* Rebuilds the index from the current revisions (admins; progress on stderr
 * for many items). */
int nd_search_reindex(struct nd_store *st, const struct nd_actor *actor, int64_t *indexed,
		      struct nd_error *err);
/* The same without the role check, for check --repair. */
int nd_search_rebuild(struct nd_store *st, int64_t *indexed, struct nd_error *err);

#endif
