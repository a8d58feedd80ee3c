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

struct nd_revs;

/* For newsdesk check: that the two indexes hold exactly the current
 * revisions of the items not withdrawn (a line appended to report for
 * each problem; how many, or < 0), and the headline index's own structure
 * (FTS5's integrity-check; < 0 when it fails). With revs (what check
 * --full's pass over the revisions kept, revcheck.h), the first reads the
 * items and the indexes' row ids once and asks its queries only about the
 * items and rows where it cannot tell that nothing is wrong; without, it
 * runs them whole. */
int nd_search_members(struct nd_store *st, const struct nd_revs *revs, struct nd_buf *report,
		      struct nd_error *err);
int nd_search_head_check(struct nd_store *st, struct nd_error *err);

/* Rebuilds the index from the current revisions (admins; progress on stderr
 * for many items). */
int nd_search_reindex(struct nd_store *st, const struct nd_actor *actor, int64_t *indexed,
		      struct nd_error *err);
/* The same without the role check, for check --repair. */
int nd_search_rebuild(struct nd_store *st, int64_t *indexed, struct nd_error *err);

#endif
