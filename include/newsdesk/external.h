/* external.h — editing an item in the user's own editor ($VISUAL or
 * $EDITOR): lock, write the item in the filing format to a temporary file,
 * run the editor, parse what comes back, save it as a revision, unlock.
 * Shared by `newsdesk edit` and the desk's E key. */
#ifndef NEWSDESK_EXTERNAL_H
#define NEWSDESK_EXTERNAL_H

#include "newsdesk/buf.h"
#include "newsdesk/edit.h"

#include <stdint.h>

struct nd_external_result {
	bool unchanged;
	int rev; /* the revision saved */
	bool moved; /* submitted → edited */
	char kept[4096]; /* when not saved: the $EDITOR draft file keeping the text */
	char took_over[72];
};

/* In save_flags: start from the user's draft — the $EDITOR file left by
 * an edit that did not finish, else the desk's draft in the store.
 * Without it an existing $EDITOR draft file is never written over: the
 * edit is refused, naming it in kept. */
#define ND_EDIT_RECOVER 0x100u

/* Runs the whole round trip for item id. The child execs the editor at
 * once and never touches the database. */
int nd_external_edit(struct nd_store *st, const struct nd_actor *actor, int64_t id,
		     unsigned save_flags, struct nd_external_result *res, struct nd_error *err);

/* Saves the filing-format text in bytes as a new revision of id, under
 * the edit lock (taken and released here). */
int nd_save_text(struct nd_store *st, const struct nd_actor *actor, int64_t id, const char *bytes,
		 size_t n, unsigned save_flags, struct nd_save_result *res, struct nd_error *err);

/* The one way newsdesk starts another program ($EDITOR, a pager): argv
 * run directly (no shell), waited for. Refused (ND_EPERM) in the
 * restricted context (an SSH session). */
int nd_run_program(char *const argv[], struct nd_error *err);

/* Reads a whole file of at most ND_MAX_INPUT bytes (through nd_open_input). */
int nd_read_file(const char *path, struct nd_buf *b, struct nd_error *err);

#endif
