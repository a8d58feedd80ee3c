/* tui_counter.h — a search's exact total, or the list's under a text
 * limit, counted on a connection and a thread of its own (tui/counter.c),
 * so no key ever waits for it: the
 * total of a word in most items takes FTS5's prefix merge (one character)
 * or a re-check of every candidate (three and more), up to seconds at a
 * million items, and the merge cannot give way to a key. */
#ifndef NEWSDESK_TUI_COUNTER_H
#define NEWSDESK_TUI_COUNTER_H

#include "newsdesk/error.h"
#include "newsdesk/items.h"
#include "newsdesk/search.h"
#include "newsdesk/store.h"
#include "newsdesk/users.h"

#include <stdbool.h>
#include <stdint.h>

struct tui_counter;

/* Starts counting query's hits with o's filters (both copied) on the
 * store's file, as actor. NULL when no memory, thread or thread-safe
 * SQLite can be had: the caller counts on its own connection. */
struct tui_counter *tui_counter_start(struct nd_store *st, const struct nd_actor *actor,
				      const char *query, const struct nd_search_options *o);
/* The same for the list's total under f's text limit (nd_item_count). */
struct tui_counter *tui_counter_start_list(struct nd_store *st, const struct nd_actor *actor,
					   const struct nd_filter *f);
/* Is c the list's count under this filter? */
bool tui_counter_is_list(const struct tui_counter *c, const struct nd_filter *f);
/* Is c the count of this query with these filters? */
bool tui_counter_is(const struct tui_counter *c, const char *query,
		    const struct nd_search_options *o);
/* 0: still counting; 1: counted, into *total; negative: it failed (err). */
int tui_counter_poll(struct tui_counter *c, int64_t *total, struct nd_error *err);
/* No longer wanted: interrupted at its next step, freed once its thread
 * has ended (by tui_counter_reap). c may be NULL. */
void tui_counter_drop(struct tui_counter *c);
/* Frees the dropped counts whose threads have ended; wait: waits for
 * them all (the desk's end). */
void tui_counter_reap(bool wait);

#endif
