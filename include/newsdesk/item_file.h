/* item_file.h — filing a story as a new item (core/item_file.c), the
 * upload token that makes a retried upload file once. */
#ifndef NEWSDESK_ITEM_FILE_H
#define NEWSDESK_ITEM_FILE_H

#include "newsdesk/error.h"
#include "newsdesk/filing.h"
#include "newsdesk/store.h"
#include "newsdesk/users.h"

#include <stdbool.h>
#include <stdint.h>

struct nd_file_result {
	int64_t id;
	long chars;
	bool duplicate; /* the token was seen before: nothing new was filed */
};

/* An upload's idempotency token and the SHA-256 (hex) of the bytes sent
 * under it (NULL: the story as filed stands for them). */
struct nd_token {
	const char *token;
	const char *sha256;
};

/* Files a story as a new item (state submitted, revision 1) in one
 * transaction. token, when given, makes a retried upload file only once:
 * the same reporter, token and bytes is res->duplicate; the token with
 * other bytes, or another reporter's token, is ND_EINVAL and files nothing. */
int nd_item_file(struct nd_store *st, const struct nd_actor *actor, const struct nd_story *story,
		 const char *encoding, const struct nd_token *token, struct nd_file_result *res,
		 struct nd_error *err);

/* The insert behind nd_item_file, for core modules that file several
 * items in one transaction they opened (the importer): state is the state
 * to start in (NULL: the workflow's initial one; a published state records
 * revision 1 as published), verb what the event log calls it. */
int nd_item_insert(struct nd_store *st, const struct nd_actor *actor, const struct nd_story *story,
		   const char *encoding, const struct nd_token *token, const char *state,
		   const char *verb, struct nd_file_result *res, struct nd_error *err);

#endif
