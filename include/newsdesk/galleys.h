/* galleys.h — what galley proofs (galley.h) are made of, read from the
 * store: items by id, or an issue's items page by page in rundown order,
 * each with its current revision, state, counts at its 字/行 and its open
 * proofreading warnings. */
#ifndef NEWSDESK_GALLEYS_H
#define NEWSDESK_GALLEYS_H
#include "newsdesk/error.h"
#include "newsdesk/galley.h"
#include "newsdesk/items.h"
#include "newsdesk/planning.h"
#include "newsdesk/proof.h"
#include "newsdesk/store.h"
#include "newsdesk/users.h"

struct nd_galleys {
	struct nd_galley_doc doc; /* what nd_galley_render takes */
	struct nd_item *items;
	struct nd_proof_report *proofs;
	struct nd_galley_item *galley;
	struct nd_galley_page *pages;
	size_t n;
	struct nd_rundown rundown; /* an issue's; zeroed for items */
	bool has_rundown;
	char *title;
	char printed[96];
};

/* The items ids[0..n) as they stand (each must be one the actor may read). */
int nd_galleys_items(struct nd_store *st, const struct nd_actor *actor, const int64_t *ids,
		     size_t n, struct nd_galleys *g, struct nd_error *err);
/* Every item placed in issue code, page by page, each page's budget and
 * its fill in 版面字数. */
int nd_galleys_issue(struct nd_store *st, const struct nd_actor *actor, const char *code,
		     struct nd_galleys *g, struct nd_error *err);
void nd_galleys_free(struct nd_galleys *g);

#endif
