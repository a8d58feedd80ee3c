/* edit.h — editing an item: the lease lock and the save path. A save never
 * overwrites: it appends a revision, and a save from a stale base is kept
 * as a conflict draft instead of being lost. */
#ifndef NEWSDESK_EDIT_H
#define NEWSDESK_EDIT_H

#include "newsdesk/error.h"
#include "newsdesk/filing.h"
#include "newsdesk/store.h"
#include "newsdesk/users.h"

#include <stdbool.h>
#include <stdint.h>

#define ND_LOCK_SECONDS (30 * 60)

struct nd_lock {
	int64_t id;
	int base_rev; /* the current revision when the lock was taken */
	int64_t expires;
	bool took_over; /* an expired lock of someone else's was taken */
	bool stale; /* …a live one whose process is gone from this host */
	char previous[72]; /* whose */
	char previous_host[256]; /* …and where its process was */
	long previous_pid;
};

/* Is a lock held from host by process pid (started at pid_start, clock
 * ticks after boot) stale: that process gone from this host? Locks from
 * elsewhere, or that do not say where, are not. */
bool nd_lock_stale(const char *host, long pid, int64_t pid_start);

/* Takes (or renews) the edit lock on item id for the actor. Refused with
 * ND_ELOCKED naming the holder while another's lock is live. */
int nd_lock_take(struct nd_store *st, const struct nd_actor *actor, int64_t id,
		 struct nd_lock *lock, struct nd_error *err);
/* Extends the actor's lock by ND_LOCK_SECONDS from now. */
int nd_lock_renew(struct nd_store *st, const struct nd_actor *actor, int64_t id,
		  struct nd_error *err);
/* Releases the actor's own lock (no error when not held). */
int nd_lock_release(struct nd_store *st, const struct nd_actor *actor, int64_t id,
		    struct nd_error *err);
/* A chief breaks whoever's lock; logged as an 'unlock' event. */
int nd_lock_break(struct nd_store *st, const struct nd_actor *actor, int64_t id, char *holder,
		  size_t holder_size, struct nd_error *err);

/* Every save keeps the item's state (finishing is the 'finish' verb); the
 * flag, and `edit --keep-state`, are still accepted for scripts written when
 * a save finished a submitted item. */
enum { ND_SAVE_KEEP_STATE = 1 };

struct nd_save_result {
	int rev; /* the revision written (0 when nothing changed) */
	bool unchanged; /* the text equals the current revision */
	bool conflict; /* kept as a conflict draft: ND_ECONFLICT returned */
	bool moved; /* a published item, corrected, went back to be signed off */
	int current_rev; /* the newest revision the save was measured against */
	char other[72]; /* on conflict: who wrote the newer revision */
};

/* Saves story as a new revision of item id, edited from base_rev. On a
 * stale base or a lock held by another, the text is still stored, as a
 * conflict draft, and ND_ECONFLICT is returned with the details. */
int nd_item_save(struct nd_store *st, const struct nd_actor *actor, int64_t id, int base_rev,
		 const struct nd_story *story, unsigned flags, struct nd_save_result *res,
		 struct nd_error *err);

#endif
