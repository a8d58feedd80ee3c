/* drafts.h — what an editor typed but has not saved. The built-in editor
 * autosaves into the store (one draft per item and editor, replaced each
 * time); an $EDITOR edit keeps its file in a drafts folder beside the
 * database, where the next `edit ID` finds it. Drafts are not revisions:
 * only saving or discarding one on purpose deletes it. */
#ifndef NEWSDESK_DRAFTS_H
#define NEWSDESK_DRAFTS_H

#include "newsdesk/buf.h"
#include "newsdesk/filing.h"
#include "newsdesk/store.h"
#include "newsdesk/users.h"

#include <stdbool.h>
#include <stdint.h>

/* How large a draft may be: an editor's text, bounded all the same. */
#define ND_DRAFT_MAX (4 * ND_MAX_INPUT)

struct nd_draft {
	int64_t item_id;
	char author[72];
	int base_rev; /* the revision the editing started from */
	int current_rev; /* the item's current revision now */
	int64_t saved_at;
	int64_t rev_at; /* when the current revision was written */
	long chars;
	struct nd_story story; /* in lists: the headline only */
};

/* Writes (replaces) the actor's draft of item id. */
int nd_draft_put(struct nd_store *st, const struct nd_actor *actor, int64_t id, int base_rev,
		 const struct nd_story *story, struct nd_error *err);
/* The actor's own draft of item id: 1 found, 0 none, < 0 an error. */
int nd_draft_get(struct nd_store *st, const struct nd_actor *actor, int64_t id,
		 struct nd_draft *out, struct nd_error *err);
/* Deletes the actor's draft of item id (no error when there is none). */
int nd_draft_discard(struct nd_store *st, const struct nd_actor *actor, int64_t id,
		     struct nd_error *err);
/* Drafts in the store: one's own, or everyone's for editors and above. */
int nd_drafts_list(struct nd_store *st, const struct nd_actor *actor, struct nd_draft **out,
		   size_t *n, struct nd_error *err);
/* Another editor's newest draft of item id, in the store or an $EDITOR
 * file: 1 (who and when filled), 0 none. */
int nd_draft_other(struct nd_store *st, const struct nd_actor *actor, int64_t id, char *who,
		   size_t who_size, int64_t *at);
/* After a hang-up: releases the actor's lock on id and logs a 'draft'
 * event saying that the unsaved text is kept as a draft. */
int nd_draft_hangup(struct nd_store *st, const struct nd_actor *actor, int64_t id,
		    struct nd_error *err);
void nd_draft_free(struct nd_draft *d);
void nd_drafts_free(struct nd_draft *d, size_t n);

/* What the draft changes against revision story `from`, with [-deleted-]
 * and {+inserted+} marks, in the filing format. */
int nd_draft_diff(const struct nd_story *from, const struct nd_story *to, struct nd_buf *out);

/* What the actor's draft of id changes against the current revision: the
 * store's draft, or (file) the $EDITOR one. */
int nd_draft_diff_current(struct nd_store *st, const struct nd_actor *actor, int64_t id, bool file,
			  struct nd_buf *out, struct nd_error *err);

/* $EDITOR drafts: <database>-drafts/<ID>-<LOGIN>.txt, mode 0660. The
 * folder is made (0770) when make_dir is set. */
int nd_draft_file_path(struct nd_store *st, const char *login, int64_t id, bool make_dir, char *out,
		       size_t size, struct nd_error *err);

struct nd_draft_file {
	int64_t item_id;
	char author[72];
	int64_t mtime;
	long long size;
};
/* The $EDITOR drafts in the folder: one's own, or all for editors. */
int nd_draft_files(struct nd_store *st, const struct nd_actor *actor, struct nd_draft_file **out,
		   size_t *n, struct nd_error *err);

#endif
