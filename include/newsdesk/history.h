/* history.h — appending to an item's history: revisions and notes (events
 * are nd_event_append in journal.h). Each record is hashed as it is
 * written, chained to the item's previous record of its kind (schema:
 * history_hashes), so newsdesk check can prove that nothing was changed or removed since.
 * These are the only statements that insert revisions or notes. */
#ifndef NEWSDESK_HISTORY_H
#define NEWSDESK_HISTORY_H

#include "newsdesk/error.h"
#include "newsdesk/items.h"
#include "newsdesk/store.h"

#include <stdbool.h>
#include <stdint.h>

struct nd_revision_in {
	int64_t item;
	int rev;
	int base_rev; /* 0: none (the filed original) */
	const struct nd_story *story;
	const char *author;
	const char *encoding; /* of the filed original, or NULL */
	int64_t at;
	bool conflict;
};

/* Appends a revision inside the caller's transaction. */
int nd_revision_append(struct nd_store *st, const struct nd_revision_in *r, struct nd_error *err);

/* Appends a note on revision rev (ND_EVENT_CURRENT_REV: the item's current
 * one) inside the caller's transaction; ND_ENOENT when there is no item. */
int nd_note_append(struct nd_store *st, int64_t item, int rev, const char *author, const char *body,
		   struct nd_error *err);
/* The same with a system note: code (sysnote.h) and its arguments. */
int nd_note_append_code(struct nd_store *st, int64_t item, int rev, const char *author,
			const char *code, const char *body, struct nd_error *err);

#endif
