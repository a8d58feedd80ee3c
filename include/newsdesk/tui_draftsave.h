/* tui_draftsave.h — the editor's draft written by a thread of its own, off
 * the key path (tui/draftsave.c). */
#ifndef NEWSDESK_TUI_DRAFTSAVE_H
#define NEWSDESK_TUI_DRAFTSAVE_H

#include "newsdesk/filing.h"
#include "newsdesk/store.h"
#include "newsdesk/users.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct tui_draftsave;

/* Starts the writer for the actor on the store's file (NULL: no memory or
 * no thread; the caller then writes on its own connection). */
struct tui_draftsave *tui_draftsave_start(struct nd_store *st, const struct nd_actor *actor);
/* Hands over story (taken: *story is emptied) as the draft of item id. */
void tui_draftsave_put(struct tui_draftsave *s, int64_t id, int base_rev, struct nd_story *story);
/* Waits until nothing is pending or being written; false (and the message)
 * when the last write failed. */
bool tui_draftsave_settle(struct tui_draftsave *s, char *error, size_t size);
/* Without waiting: false (and the message) when a write failed since. */
bool tui_draftsave_poll(struct tui_draftsave *s, char *error, size_t size);
/* Writes what is pending, then ends the thread and frees. */
void tui_draftsave_stop(struct tui_draftsave *s);

#endif
