/* original.h — the bytes of a filing as they arrived, kept compressed beside
 * the item, so that a wrong decoding can be redone as a new revision
 * (promise 1: not a byte a reporter sent is lost). */
#ifndef NEWSDESK_ORIGINAL_H
#define NEWSDESK_ORIGINAL_H

#include "newsdesk/edit.h"
#include "newsdesk/error.h"
#include "newsdesk/filing.h"
#include "newsdesk/items.h"
#include "newsdesk/store.h"
#include "newsdesk/users.h"

#include <stddef.h>
#include <stdint.h>

struct nd_original {
	char *bytes; /* as they arrived (malloc'd) */
	size_t n;
	char encoding[32]; /* as detected or named at filing; "" when unknown */
	char sha256[65];
	/* An imported item's original is the page it was cut from: */
	struct {
		int64_t id; /* 0: the bytes are the item's own filing */
		char name[256]; /* the page file's name */
		size_t part, parts; /* the item is the part-th of the page's parts */
		int64_t imported_at;
	} page;
};

/* An imported page dump as it arrived: its bytes and its file's name. */
struct nd_page_source {
	const char *bytes;
	size_t n;
	const char *name;
};

/* Files story (decoded from bytes[0..n) as encoding) like nd_item_file, and
 * keeps the bytes in the same transaction: both or neither. */
int nd_item_file_original(struct nd_store *st, const struct nd_actor *actor,
			  const struct nd_story *story, const char *encoding,
			  const struct nd_token *token, const char *bytes, size_t n,
			  struct nd_file_result *res, struct nd_error *err);

/* Keeps the bytes of item id's filing, compressed, inside the caller's
 * transaction (encoding: as decoded, or "docx" for a Word document). */
int nd_original_keep(struct nd_store *st, int64_t id, const char *bytes, size_t n,
		     const char *encoding, struct nd_error *err);
/* Keeps an imported page's bytes, compressed, inside the caller's
 * transaction, once: the same bytes imported again give the same *page_id. */
int nd_page_original_keep(struct nd_store *st, const struct nd_actor *actor,
			  const struct nd_page_source *src, const char *encoding, int64_t *page_id,
			  struct nd_error *err);

/* Records that item was the part-th of the parts items cut from page_id. */
int nd_item_page_link(struct nd_store *st, int64_t item, int64_t page_id, size_t part, size_t parts,
		      struct nd_error *err);

/* The original of item id, for an actor who may see the item: its filing's
 * bytes, or for an imported item the whole page it was cut from (o->page
 * says which, and its place on it). ND_ENOENT when the item was filed
 * before originals were kept, or imported before pages were. */
int nd_original_get(struct nd_store *st, const struct nd_actor *actor, int64_t id,
		    struct nd_original *o, struct nd_error *err);
void nd_original_free(struct nd_original *o);

/* check: every kept original (a filing's, an imported page's) inflated and
 * proved against its SHA-256; one problem line for each that is not. */
struct nd_check;
int nd_originals_check(struct nd_check *c, struct nd_error *err);

/* Decodes the original again as encoding and saves it as a new revision
 * (under the edit lock, as an edit); a note says what was done. Refused
 * for an imported item: its original is a whole page. */
int nd_item_redecode(struct nd_store *st, const struct nd_actor *actor, int64_t id,
		     const char *encoding, struct nd_save_result *res, struct nd_error *err);

#endif
