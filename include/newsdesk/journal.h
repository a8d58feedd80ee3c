/* journal.h — an item's workflow events and review notes, both
 * append-only. */
#ifndef NEWSDESK_JOURNAL_H
#define NEWSDESK_JOURNAL_H

#include "newsdesk/error.h"
#include "newsdesk/store.h"
#include "newsdesk/users.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct nd_event {
	int64_t id;
	char *actor;
	char *actor_name; /* the actor's name, or NULL */
	char *verb;
	char *verb_label; /* the verb in the reader's language (sysnote.h) */
	char *from_state; /* labels in the language asked for; may be NULL */
	char *to_state;
	char *note; /* as shown: a person's words as typed, or a system note rendered */
	bool system; /* the note is the program's (a placement, a hang-up), not a person's */
	int rev;
	int64_t at;
};

struct nd_note {
	int64_t id;
	char *author;
	char *author_name;
	char *body; /* as shown (a system note rendered) */
	bool system;
	int rev;
	int64_t at;
};

/* Appends a workflow event inside the caller's transaction. rev: > 0 that
 * revision, ND_EVENT_CURRENT_REV the item's current one, 0 none. */
#define ND_EVENT_CURRENT_REV (-1)
int nd_event_append(struct nd_store *st, int64_t item, const char *actor, const char *verb,
		    const char *from, const char *to, const char *note, int rev,
		    struct nd_error *err);
/* The same with a system note: code (sysnote.h) and its arguments joined
 * by nd_sysnote_args; code NULL is a person's note as typed. */
int nd_event_append_code(struct nd_store *st, int64_t item, const char *actor, const char *verb,
			 const char *from, const char *to, const char *code, const char *note,
			 int rev, struct nd_error *err);

int nd_events_list(struct nd_store *st, const struct nd_actor *actor, int64_t id,
		   struct nd_event **events, size_t *n, struct nd_error *err);
void nd_events_free(struct nd_event *events, size_t n);

/* Adds a review note (editors and above) on the item's current revision. */
int nd_note_add(struct nd_store *st, const struct nd_actor *actor, int64_t id, const char *text,
		int64_t *note_id, struct nd_error *err);
int nd_notes_list(struct nd_store *st, const struct nd_actor *actor, int64_t id,
		  struct nd_note **notes, size_t *n, struct nd_error *err);
void nd_notes_free(struct nd_note *notes, size_t n);

#endif
