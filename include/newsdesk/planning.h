/* planning.h — issues of the publication (期), their pages, placing items
 * on pages, the rundown, publishing an issue (the yearly stats: stats.h). */
#ifndef NEWSDESK_PLANNING_H
#define NEWSDESK_PLANNING_H

#include "newsdesk/error.h"
#include "newsdesk/items.h"
#include "newsdesk/store.h"
#include "newsdesk/users.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct nd_issue {
	char *code;
	char *title;
	char *date;
	int pages;
	char *state; /* planning, published */
	bool published;
	int64_t published_at;
	int64_t items; /* items placed in it */
};

int nd_issue_add(struct nd_store *st, const struct nd_actor *actor, const char *code,
		 const char *title, const char *date, int pages, struct nd_error *err);
int nd_issue_get(struct nd_store *st, const char *code, struct nd_issue *is, struct nd_error *err);
int nd_issue_list(struct nd_store *st, struct nd_issue **issues, size_t *n, struct nd_error *err);
void nd_issue_free(struct nd_issue *is);
void nd_issues_free(struct nd_issue *issues, size_t n);

/* A page's section and 字数 budget (budget < 0: leave as is). */
int nd_issue_page_set(struct nd_store *st, const struct nd_actor *actor, const char *code, int page,
		      const char *section, long budget, struct nd_error *err);

/* Places item id on page of issue code at position (0: the end of the
 * page); the others on that page shift. Also moves it from where it was. */
int nd_item_assign(struct nd_store *st, const struct nd_actor *actor, int64_t id, const char *code,
		   int page, int position, struct nd_error *err);
int nd_item_unassign(struct nd_store *st, const struct nd_actor *actor, int64_t id,
		     struct nd_error *err);
/* Within its issue: to another page and/or position. */
int nd_item_move(struct nd_store *st, const struct nd_actor *actor, int64_t id, int page,
		 int position, struct nd_error *err);

struct nd_rundown_item {
	int64_t id;
	int page, position;
	char *section, *kicker, *headline, *subhead, *byline, *reporter;
	char *state, *state_label;
	long chars;
	long hanzi; /* 汉字; -1: not known */
	long layout; /* 版面字数 at cpl; -1: not known */
	int cpl; /* 字/行 of its page (measure.h) */
	int rev, published_rev;
	bool signed_off; /* its state counts as signed off (schema: states) */
	int photos; /* how many photos it carries (schema: photos) */
	int open_notes; /* review notes on its current revision: not yet answered by an edit */
};

struct nd_rundown_page {
	int page;
	char *section;
	long budget; /* -1: none; in 版面字数 */
	long chars, hanzi, layout; /* sums over its items (unknown ones left out) */
	int cpl; /* its 字/行: its own, its section's, the publication's */
	size_t first, count; /* its items in the items array */
};

struct nd_rundown {
	struct nd_issue issue;
	struct nd_rundown_item *items;
	size_t n;
	struct nd_rundown_page *pages; /* every page 1..pages, and any beyond */
	size_t npages;
	long chars, hanzi, layout;
	size_t unsigned_items; /* in a state that is not signed off */
	char root[96]; /* the store's root when the issue was published (anchor.h), or "" */
};

int nd_rundown_load(struct nd_store *st, const struct nd_actor *actor, const char *code,
		    struct nd_rundown *r, struct nd_error *err);
void nd_rundown_free(struct nd_rundown *r);

struct nd_publish_result {
	size_t published;
	size_t held; /* not approved: stayed behind (with --partial) */
	char held_ids[512]; /* "#3 #7 …" */
};

/* Publishes every signed-off item of the issue in one transaction, each
 * through the workflow engine (nd_workflow_move). Refused, listing them,
 * while any placed item is not signed off, unless partial. */
int nd_issue_publish(struct nd_store *st, const struct nd_actor *actor, const char *code,
		     bool partial, struct nd_publish_result *res, struct nd_error *err);

/* The published revisions of the issue's items, in page order. */
int nd_issue_published(struct nd_store *st, const struct nd_actor *actor, const char *code,
		       struct nd_item **items, size_t *n, struct nd_error *err);

#endif
