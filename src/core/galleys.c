/* galleys.c — reads what galley proofs are made of (galleys.h): the items'
 * current revisions through nd_item_get (so a reporter's limits and the
 * lock's state apply as everywhere), their warnings through nd_proof_item,
 * an issue's order and budgets through nd_rundown_load. */
#include "newsdesk/galleys.h"
#include "newsdesk/lang.h"
#include "newsdesk/review.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int alloc_items(struct nd_galleys *g, size_t n, struct nd_error *err)
{
	g->items = calloc(n ? n : 1, sizeof *g->items);
	g->proofs = calloc(n ? n : 1, sizeof *g->proofs);
	g->galley = calloc(n ? n : 1, sizeof *g->galley);
	if (!g->items || !g->proofs || !g->galley)
		return nd_fail(err, ND_ENOMEM, _("out of memory"));
	return 0;
}

static void stamp(struct nd_galleys *g)
{
	time_t now = time(NULL);
	struct tm tm;
	char when[40];
	localtime_r(&now, &tm);
	strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
	snprintf(g->printed, sizeof g->printed, _("printed %s"), when);
	g->doc.printed = g->printed;
}

/* Item k of g: read, proofread, and described for the proof. */
static int load_one(struct nd_store *st, const struct nd_actor *actor, int64_t id,
		    struct nd_galleys *g, size_t k, struct nd_error *err)
{
	struct nd_item *it = &g->items[k];
	int rc = nd_item_get(st, actor, id, 0, it, err);
	if (rc < 0)
		return rc;
	g->n = k + 1; /* freed from here on */
	if ((rc = nd_proof_item(st, actor, id, 0, &g->proofs[k], err)) < 0)
		return rc;
	g->galley[k] = (struct nd_galley_item){
		.id = it->id,
		.rev = it->rev,
		.state_label = it->state_label ? it->state_label : it->state,
		.chars = it->chars,
		.layout_lines = it->layout.lines,
		.layout_chars = it->layout.chars,
		.cpl = it->cpl >= ND_CPL_MIN && it->cpl <= ND_CPL_MAX ? it->cpl : ND_CPL_DEFAULT,
		.story = &it->story,
		.proof = &g->proofs[k],
	};
	return 0;
}

int nd_galleys_items(struct nd_store *st, const struct nd_actor *actor, const int64_t *ids,
		     size_t n, struct nd_galleys *g, struct nd_error *err)
{
	memset(g, 0, sizeof *g);
	int rc = alloc_items(g, n, err);
	for (size_t k = 0; rc == 0 && k < n; k++)
		rc = load_one(st, actor, ids[k], g, k, err);
	if (rc < 0) {
		nd_galleys_free(g);
		return rc;
	}
	g->title = strdup(n == 1 ? _("Proofs") : _("Proofs (several items)"));
	stamp(g);
	g->doc.title = g->title;
	g->doc.items = g->galley;
	g->doc.nitems = g->n;
	return g->title ? 0 : nd_fail(err, ND_ENOMEM, _("out of memory"));
}

/* The issue's pages that carry items, in page order. */
static int issue_pages(struct nd_galleys *g, struct nd_error *err)
{
	const struct nd_rundown *r = &g->rundown;
	g->pages = calloc(r->npages ? r->npages : 1, sizeof *g->pages);
	if (!g->pages)
		return nd_fail(err, ND_ENOMEM, _("out of memory"));
	size_t np = 0;
	for (size_t k = 0; k < r->npages; k++) {
		const struct nd_rundown_page *p = &r->pages[k];
		if (!p->count)
			continue;
		g->pages[np++] = (struct nd_galley_page){
			.page = p->page,
			.section = p->section,
			.budget = p->budget,
			.fill = p->layout,
			.first = p->first,
			.count = p->count,
		};
	}
	g->doc.pages = g->pages;
	g->doc.npages = np;
	return 0;
}

int nd_galleys_issue(struct nd_store *st, const struct nd_actor *actor, const char *code,
		     struct nd_galleys *g, struct nd_error *err)
{
	memset(g, 0, sizeof *g);
	int rc = nd_rundown_load(st, actor, code, &g->rundown, err);
	if (rc < 0)
		return rc;
	g->has_rundown = true;
	const struct nd_rundown *r = &g->rundown;
	rc = alloc_items(g, r->n, err);
	for (size_t k = 0; rc == 0 && k < r->n; k++)
		rc = load_one(st, actor, r->items[k].id, g, k, err);
	if (rc == 0)
		rc = issue_pages(g, err);
	if (rc == 0 && !(g->title = strdup(r->issue.title && r->issue.title[0] ? r->issue.title
									       : r->issue.code)))
		rc = nd_fail(err, ND_ENOMEM, _("out of memory"));
	if (rc < 0) {
		nd_galleys_free(g);
		return rc;
	}
	stamp(g);
	g->doc.title = g->title;
	g->doc.items = g->galley;
	g->doc.nitems = g->n;
	return 0;
}

void nd_galleys_free(struct nd_galleys *g)
{
	for (size_t k = 0; k < g->n; k++) {
		nd_item_free(&g->items[k]);
		nd_proof_free(&g->proofs[k]);
	}
	free(g->items);
	free(g->proofs);
	free(g->galley);
	free(g->pages);
	free(g->title);
	if (g->has_rundown)
		nd_rundown_free(&g->rundown);
	memset(g, 0, sizeof *g);
}
