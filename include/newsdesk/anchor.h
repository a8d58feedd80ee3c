/* anchor.h — the store's root digest and the proofs against it (schema:
 * ledger). Every record of history enters one ledger as it is written,
 * each entry hashed after the one before; the newest entry's root covers
 * every item's heads, photos and originals included. A root written down
 * outside the store (a backup, a published issue's rundown, an admin's
 * note) is proved a prefix of today's history by finding it at its place
 * in the ledger: history rolled back or rewritten since has lost it. */
#ifndef NEWSDESK_ANCHOR_H
#define NEWSDESK_ANCHOR_H

#include "newsdesk/check.h"
#include "newsdesk/error.h"
#include "newsdesk/store.h"

#include <stdint.h>

/* A root as text: "N-HEX", the ledger's entries then and the root digest
 * (64 hex digits; all zeros for an empty ledger). */
#define ND_ROOT_TEXT 96

struct nd_root {
	int64_t n; /* ledger entries; -1: not known (a bare digest was given) */
	char hex[65];
};

/* The root now, read in the caller's transaction or snapshot. */
int nd_root_now(struct nd_store *st, struct nd_root *r, struct nd_error *err);
void nd_root_text(const struct nd_root *r, char out[ND_ROOT_TEXT]);
/* "N-HEX" or a bare HEX: 0, or ND_EINVAL naming what is wrong. */
int nd_root_parse(const char *text, struct nd_root *r, struct nd_error *err);

/* Records r as kind ('backup', 'issue', 'check') of ref, in its own
 * transaction. */
int nd_root_record(struct nd_store *st, const char *kind, const char *ref, const struct nd_root *r,
		   struct nd_error *err);

/* The root recorded when issue code was published: 1 (filled), 0 when it
 * has none (not published, or published before roots were recorded). */
int nd_issue_root(struct nd_store *st, const char *code, struct nd_root *r, struct nd_error *err);

/* The checks (check.c's table runs them). c->since > 0: only the ledger
 * entries after it, the records' counts, and the roots recorded since. */
int nd_ledger_check(struct nd_check *c, struct nd_error *err);
int nd_roots_check(struct nd_check *c, struct nd_error *err);

/* The last root a check proved, with the counts of records then: 1, or 0
 * when no check has proved one. */
int nd_proven_root(struct nd_store *st, struct nd_root *r, int64_t *root_id, char *counts,
		   size_t counts_size, struct nd_error *err);
/* Records r as proven by a check (with the counts of records now). */
int nd_root_prove(struct nd_store *st, const struct nd_root *r, struct nd_error *err);

#endif
