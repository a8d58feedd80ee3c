/* items.h — filing, listing and reading items. A reporter sees only their
 * own items; every other role sees all. */
#ifndef NEWSDESK_ITEMS_H
#define NEWSDESK_ITEMS_H

#include "newsdesk/error.h"
#include "newsdesk/filing.h"
#include "newsdesk/item_file.h"
#include "newsdesk/layout.h"
#include "newsdesk/store.h"
#include "newsdesk/users.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct nd_item {
	int64_t id;
	char *state; /* states.name */
	char *state_label; /* in the language asked for */
	char *reporter;
	char *reporter_name;
	char *issue; /* may be NULL */
	int page, position;
	char *lock_holder; /* NULL when unlocked or expired */
	int64_t lock_expires;
	int current_rev;
	int64_t filed_at, updated_at;
	/* The revision read (the current one unless asked otherwise). */
	int rev;
	int base_rev;
	bool conflict;
	char *rev_author;
	int64_t rev_created;
	long chars, body_chars;
	long hanzi; /* 汉字; -1: not known */
	int cpl; /* 字/行 where the item stands (measure.h) */
	struct nd_layout layout; /* 版面字数 at cpl; -1: not known */
	char *encoding;
	int64_t rev_id; /* the revision's row (the search index's rowid) */
	struct nd_story story;
};

enum nd_sort { ND_SORT_UPDATED, ND_SORT_ID, ND_SORT_FILED, ND_SORT_CHARS };

struct nd_filter {
	const char *state;
	const char *section;
	const char *reporter;
	const char *issue;
	enum nd_sort sort;
	bool ascending;
	/* A limit by text (the desk's l): only the items the search finds for
	 * it, in the search's own order (the newest revision first; sort is
	 * then set aside), paged through the index; a word that needs its
	 * prefix merge (one character) read from the items' text near the
	 * window first (nd_search_walk). Withdrawn items are never in the
	 * index, so never found. NULL: no limit. */
	const char *text;
};

/* Where a keyset window starts: a row's sort key and id (nd_item_key). */
struct nd_list_key {
	int64_t key, id;
};

/* Rows [offset, offset+limit) of the filtered list; only those are read. */
int nd_item_list(struct nd_store *st, const struct nd_actor *actor, const struct nd_filter *f,
		 int64_t offset, int limit, struct nd_item **rows, size_t *n, struct nd_error *err);
int nd_item_count(struct nd_store *st, const struct nd_actor *actor, const struct nd_filter *f,
		  int64_t *count, struct nd_error *err);

/* The key of row it in the list f orders. */
void nd_item_key(const struct nd_filter *f, const struct nd_item *it, struct nd_list_key *key);

/* A window of the filtered list found by the sort key, never by walking
 * from the top: forward, the rows at and after from (NULL: the first row)
 * in list order; backward, the rows before from (NULL: past the last row),
 * nearest first. skip of them are passed over, then limit are read; rows
 * come back in list order either way. The cost is skip + limit rows of an
 * index, wherever in the list the window is. state_label is the English
 * label: a caller in another language labels states from the workflow. */
int nd_item_window(struct nd_store *st, const struct nd_actor *actor, const struct nd_filter *f,
		   const struct nd_list_key *from, bool backward, int64_t skip, int limit,
		   struct nd_item **rows, size_t *n, struct nd_error *err);

/* The 0-based position of item id in the filtered, sorted list (where it
 * would be, if the filter no longer holds it). */
int nd_item_position(struct nd_store *st, const struct nd_actor *actor, const struct nd_filter *f,
		     int64_t id, int64_t *pos, struct nd_error *err);

/* A search hit the desk jumps to (its list position is found then). */
struct nd_match {
	int64_t id;
	int64_t position;
};

/* Reads item id at revision rev (0: the current one). */
int nd_item_get(struct nd_store *st, const struct nd_actor *actor, int64_t id, int rev,
		struct nd_item *it, struct nd_error *err);

/* The item's revisions, oldest first (body not filled). */
int nd_item_revisions(struct nd_store *st, const struct nd_actor *actor, int64_t id,
		      struct nd_item **revs, size_t *n, struct nd_error *err);

/* The number of items in each state, for the title line. */
struct nd_state_count {
	char *state;
	char *label;
	int64_t count;
};
int nd_item_state_counts(struct nd_store *st, const struct nd_actor *actor,
			 struct nd_state_count **counts, size_t *n, struct nd_error *err);
void nd_state_counts_free(struct nd_state_count *c, size_t n);

void nd_item_free(struct nd_item *it);
void nd_items_free(struct nd_item *items, size_t n);

#endif
