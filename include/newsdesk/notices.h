/* notices.h — what the desk has to tell a user the next time it starts:
 * a chief released their edit lock, or another editor took an item their
 * gone desk held. Stored as a code with its arguments (the item, who did
 * it, when, whether the user's draft is kept) and rendered in the
 * reader's language; shown once, never deleted. */
#ifndef NEWSDESK_NOTICES_H
#define NEWSDESK_NOTICES_H

#include "newsdesk/error.h"
#include "newsdesk/store.h"
#include "newsdesk/users.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct nd_notice {
	char code[24];
	int64_t item_id;
	char actor[72];
	bool draft; /* the told user's draft of the item is kept */
	int64_t at;
};

/* Inside the caller's transaction: tells login (code: "lock-released",
 * "lock-taken") about item id, done by actor; notes whether login has a
 * draft of it in the store. */
int nd_notice_add(struct nd_store *st, const char *login, const char *code, int64_t id,
		  const char *actor, struct nd_error *err);
/* The actor's notices not shown yet, oldest first, marked shown. */
int nd_notices_take(struct nd_store *st, const struct nd_actor *actor, struct nd_notice **out,
		    size_t *n, struct nd_error *err);
/* The notice in the reader's language (times as HH:MM). */
void nd_notice_text(const struct nd_notice *notice, char *out, size_t size);

#endif
