/* quotas.h — what one reporter may send through the door (schema:
 * quotas): items filed a day, photo bytes a day, and the share of the
 * store their photos may take. The defaults are far above honest work;
 * the admin sets a value per reporter or for everyone. Editors and above
 * have no quota. A refusal is ND_EQUOTA, names the quota (err->detail) and
 * says when it resets. */
#ifndef NEWSDESK_QUOTAS_H
#define NEWSDESK_QUOTAS_H

#include "newsdesk/error.h"
#include "newsdesk/store.h"
#include "newsdesk/users.h"

#include <stddef.h>
#include <stdint.h>

struct nd_quota_def {
	const char *name; /* items-a-day, photo-bytes-a-day, store-share */
	int64_t fallback; /* the default when nobody set one */
	int64_t max; /* the largest value accepted */
	const char *help; /* one line, English; N_() for the catalogue */
};

/* The quotas there are, ending with { 0 }. */
extern const struct nd_quota_def nd_quota_defs[];

/* The value in force for login (their own, else everyone's, else the
 * default): *value, and *whose ("login", "*" or "" for the default). */
int nd_quota_get(struct nd_store *st, const char *login, const char *name, int64_t *value,
		 char *whose, size_t whose_size, struct nd_error *err);

/* Sets login's (or "*": everyone's) quota name; value < 0 goes back to the
 * default. Admins only. */
int nd_quota_set(struct nd_store *st, const struct nd_actor *actor, const char *login,
		 const char *name, int64_t value, struct nd_error *err);

/* What login used today (since local midnight) and in all: items filed,
 * photo bytes today, their photo bytes in the store and the store's size. */
struct nd_quota_use {
	int64_t items_today, photo_bytes_today, photo_bytes, store_bytes;
};
int nd_quota_use(struct nd_store *st, const char *login, struct nd_quota_use *use,
		 struct nd_error *err);

/* Inside the filing's transaction: may actor file one more item today? */
int nd_quota_check_item(struct nd_store *st, const struct nd_actor *actor, struct nd_error *err);

/* Inside the attaching's transaction: may actor attach n more bytes? */
int nd_quota_check_photo(struct nd_store *st, const struct nd_actor *actor, int64_t n,
			 struct nd_error *err);

/* Uploads over SSH at once: past this many, the next waits for one to end
 * (each holds its bytes in memory while they are checked). */
#define ND_UPLOAD_SLOTS 2

/* Takes one of ND_UPLOAD_SLOTS slots — a write lock on one byte of the
 * file DB.uploads beside the store (created 0660) — waiting while all are
 * held. *fd holds it; nd_upload_slot_give(*fd) (or the process's end)
 * frees it. */
int nd_upload_slot_take(const char *db_path, int *fd, struct nd_error *err);
void nd_upload_slot_give(int fd);

#endif
