/* planning.c — issues, pages, placing items, the rundown and publishing
 * (the yearly stats are stats.c's). Every placement change shifts the other items on the
 * page in the same BEGIN IMMEDIATE transaction and is logged as an event. */
#include "newsdesk/planning.h"
#include "newsdesk/anchor.h"
#include "newsdesk/buf.h"
#include "newsdesk/journal.h"
#include "newsdesk/lang.h"
#include "newsdesk/measure.h"
#include "newsdesk/store_sql.h"
#include "newsdesk/sysnote.h"
#include "newsdesk/workflow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static char *col(sqlite3_stmt *s, int i)
{
	return nd_column_dup(s, i);
}

/* ---- issues ---------------------------------------------------------------- */

static bool valid_code(const char *code)
{
	size_t n = strlen(code);
	if (n == 0 || n > 32)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = code[i];
		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      c == '-' || c == '_' || c == '.'))
			return false;
	}
	return true;
}

int nd_issue_add(struct nd_store *st, const struct nd_actor *actor, const char *code,
		 const char *title, const char *date, int pages, struct nd_error *err)
{
	int rc = nd_require_rank(actor, ND_RANK_EDITOR, N_("plan issues"), err);
	if (rc < 0)
		return rc;
	if (!valid_code(code))
		return nd_fail(
		    err, ND_EINVAL,
		    _("'%s' is not an issue code: use letters, digits and - like 2024-07"), code);
	if (!title || !title[0])
		return nd_fail(err, ND_EINVAL,
			       _("the issue needs a title (--title \"《…》2024年第7期\")"));
	if (pages < 0 || pages > 999)
		return nd_fail(err, ND_EINVAL, _("an issue has 1 to 999 pages"));
	if (date && date[0]) {
		int y, m, d;
		if (sscanf(date, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 ||
		    d > 31)
			return nd_fail(err, ND_EINVAL, _("'%s' is not a date like 2024-07-15"),
				       date);
	}
	if ((rc = nd_store_begin(st, err)) < 0)
		return rc;
	int64_t taken = 0;
	if ((rc = nd_sql_int(st, &taken, err, "reading issues",
			     "SELECT count(*) FROM issues WHERE code = ?", "s", code)) < 0)
		goto fail;
	if (taken) {
		rc = nd_fail(err, ND_EINVAL, _("issue %s already exists"), code);
		goto fail;
	}
	if ((rc = nd_sql_exec(st, err, "adding the issue",
			      "INSERT INTO issues(code, title, date, pages, created_at) "
			      "VALUES (?, ?, ?, CASE WHEN ?4 > 0 THEN ?4 END, ?5)",
			      "sssdi", code, title, date && date[0] ? date : NULL, pages,
			      nd_now())) < 0)
		goto fail;
	return nd_store_commit(st, err);
fail:
	nd_store_rollback(st);
	return rc;
}

#define ISSUE_COLUMNS                                                                              \
	"i.code, i.title, i.date, coalesce(i.pages, 0), i.state, i.published_at, "                 \
	"(SELECT count(*) FROM items t WHERE t.issue = i.code), i.published_at IS NOT NULL "       \
	"FROM issues i "

static void fill_issue(sqlite3_stmt *s, struct nd_issue *is)
{
	is->code = col(s, 0);
	is->title = col(s, 1);
	is->date = col(s, 2);
	is->pages = sqlite3_column_int(s, 3);
	is->state = col(s, 4);
	is->published_at = sqlite3_column_int64(s, 5);
	is->published = sqlite3_column_int(s, 7) != 0;
	is->items = sqlite3_column_int64(s, 6);
}

int nd_issue_get(struct nd_store *st, const char *code, struct nd_issue *is, struct nd_error *err)
{
	sqlite3_stmt *stmt;
	memset(is, 0, sizeof *is);
	int rc =
	    nd_sql_prepare(st, &stmt, err, "SELECT " ISSUE_COLUMNS "WHERE i.code = ?", "s", code);
	if (rc < 0)
		return rc;
	if ((rc = nd_sql_step(st, stmt, "reading the issue", err)) > 0) {
		fill_issue(stmt, is);
		rc = 0;
	} else if (rc == 0) {
		rc = nd_fail(err, ND_ENOENT, _("no issue '%s' ('newsdesk issue list' shows them)"),
			     code);
	}
	sqlite3_finalize(stmt);
	return rc;
}

static int fill_issue_row(sqlite3_stmt *stmt, void *elem)
{
	fill_issue(stmt, elem);
	return 0;
}

int nd_issue_list(struct nd_store *st, struct nd_issue **issues, size_t *n, struct nd_error *err)
{
	*issues = NULL;
	*n = 0;
	int rc = nd_sql_list(st, issues, n, sizeof **issues, fill_issue_row, err, "listing issues",
			     "SELECT " ISSUE_COLUMNS "ORDER BY i.date DESC, i.code DESC", NULL);
	if (rc < 0) {
		nd_issues_free(*issues, *n);
		*issues = NULL;
		*n = 0;
	}
	return rc;
}

void nd_issue_free(struct nd_issue *is)
{
	free(is->code);
	free(is->title);
	free(is->date);
	free(is->state);
	memset(is, 0, sizeof *is);
}

void nd_issues_free(struct nd_issue *issues, size_t n)
{
	for (size_t i = 0; i < n; i++)
		nd_issue_free(&issues[i]);
	free(issues);
}

static int check_page(const struct nd_issue *is, int page, struct nd_error *err)
{
	if (page < 1 || (is->pages > 0 && page > is->pages))
		return nd_fail(err, ND_EINVAL,
			       _("issue %1$s has pages 1 to %2$d; there is no page %3$d"), is->code,
			       is->pages, page);
	return 0;
}

int nd_issue_page_set(struct nd_store *st, const struct nd_actor *actor, const char *code, int page,
		      const char *section, long budget, struct nd_error *err)
{
	struct nd_issue is;
	int rc = nd_require_rank(actor, ND_RANK_EDITOR, N_("plan issues"), err);
	if (rc < 0 || (rc = nd_issue_get(st, code, &is, err)) < 0)
		return rc;
	rc = check_page(&is, page, err);
	nd_issue_free(&is);
	if (rc < 0)
		return rc;
	if ((rc = nd_store_begin(st, err)) < 0)
		return rc;
	rc = nd_sql_exec(st, err, "planning the page",
			 "INSERT INTO issue_pages(issue, page, section, budget) "
			 "VALUES (?1, ?2, ?3, CASE WHEN ?5 THEN ?4 END) "
			 "ON CONFLICT(issue, page) DO UPDATE SET "
			 "section = coalesce(excluded.section, section), "
			 "budget = CASE WHEN ?5 THEN excluded.budget ELSE budget END",
			 "sisii", code, (int64_t)page, section && section[0] ? section : NULL,
			 (int64_t)(budget >= 0 ? budget : 0), (int64_t)(budget >= 0));
	if (rc < 0) {
		nd_store_rollback(st);
		return rc;
	}
	return nd_store_commit(st, err);
}

/* ---- placing items -------------------------------------------------------------- */

struct placement {
	char issue[40];
	int page, position;
	char state[32];
	bool withdrawn;
	bool exists;
};

static int read_placement(struct nd_store *st, int64_t id, struct placement *p,
			  struct nd_error *err)
{
	sqlite3_stmt *stmt;
	memset(p, 0, sizeof *p);
	int rc =
	    nd_sql_prepare(st, &stmt, err,
			   "SELECT i.issue, i.page, i.position, i.state, s.withdrawn FROM items i "
			   "JOIN states s ON s.name = i.state WHERE i.id = ?",
			   "i", id);
	if (rc < 0)
		return rc;
	if ((rc = nd_sql_step(st, stmt, "reading the item", err)) > 0) {
		rc = 0;
		p->exists = true;
		const char *v = (const char *)sqlite3_column_text(stmt, 0);
		if (v)
			snprintf(p->issue, sizeof p->issue, "%s", v);
		p->page = sqlite3_column_int(stmt, 1);
		p->position = sqlite3_column_int(stmt, 2);
		snprintf(p->state, sizeof p->state, "%s", sqlite3_column_text(stmt, 3));
		p->withdrawn = sqlite3_column_int(stmt, 4) != 0;
	} else if (rc == 0) {
		rc = nd_fail(err, ND_ENOENT, _("no item #%lld"), (long long)id);
	}
	sqlite3_finalize(stmt);
	return rc;
}

static int take_off(struct nd_store *st, int64_t id, const struct placement *p,
		    struct nd_error *err)
{
	int rc = nd_sql_exec(
	    st, err, "taking the item off its page",
	    "UPDATE items SET issue = NULL, page = NULL, position = NULL WHERE id = ?", "i", id);
	if (rc == 0 && p->issue[0])
		rc = nd_sql_exec(st, err, "closing the gap",
				 "UPDATE items SET position = position - 1 "
				 "WHERE issue = ? AND page = ? AND position > ?",
				 "sii", p->issue, (int64_t)p->page, (int64_t)p->position);
	return rc;
}

static int place(struct nd_store *st, const struct nd_actor *actor, int64_t id, const char *code,
		 int page, int position, const char *verb, struct nd_error *err)
{
	struct placement p;
	struct nd_issue is;
	int rc;
	if ((rc = nd_require_rank(actor, ND_RANK_EDITOR, N_("plan issues"), err)) < 0)
		return rc;
	if ((rc = nd_store_begin(st, err)) < 0)
		return rc;
	if ((rc = read_placement(st, id, &p, err)) < 0)
		goto fail;
	if (!code) {
		if (!p.issue[0]) {
			rc = nd_fail(err, ND_EINVAL,
				     _("#%lld is not placed in an issue: use assign"),
				     (long long)id);
			goto fail;
		}
		code = p.issue;
	}
	if ((rc = nd_issue_get(st, code, &is, err)) < 0)
		goto fail;
	rc = check_page(&is, page, err);
	bool published = is.published;
	nd_issue_free(&is);
	if (rc < 0)
		goto fail;
	if (published) {
		rc = nd_fail(err, ND_ESTATE, _("issue %s is already published"), code);
		goto fail;
	}
	if (p.withdrawn) {
		rc = nd_fail(err, ND_ESTATE, _("#%1$lld is %2$s; restore it before placing it"),
			     (long long)id, p.state);
		goto fail;
	}
	/* The placement note: where from (when placed before) and where to. */
	char was[3][40], now_at[3][40];
	snprintf(was[0], sizeof was[0], "%s", p.issue);
	snprintf(was[1], sizeof was[1], "%d", p.page);
	snprintf(was[2], sizeof was[2], "%d", p.position);
	bool placed = p.issue[0] != '\0';
	char target_issue[40];
	snprintf(target_issue, sizeof target_issue, "%s", code);
	if ((rc = take_off(st, id, &p, err)) < 0)
		goto fail;
	int64_t others = 0;
	if ((rc = nd_sql_int(st, &others, err, "counting the page",
			     "SELECT count(*) FROM items WHERE issue = ? AND page = ? AND id <> ?",
			     "sdi", target_issue, page, id)) < 0)
		goto fail;
	if (position <= 0 || position > others + 1)
		position = (int)others + 1;
	if ((rc = nd_sql_exec(st, err, "making room on the page",
			      "UPDATE items SET position = position + 1 "
			      "WHERE issue = ? AND page = ? AND position >= ? AND id <> ?",
			      "siii", target_issue, (int64_t)page, (int64_t)position, id)) < 0 ||
	    (rc = nd_sql_exec(st, err, "placing the item",
			      "UPDATE items SET issue = ?, page = ?, position = ?, updated_at = ? "
			      "WHERE id = ?",
			      "siiii", target_issue, (int64_t)page, (int64_t)position, nd_now(),
			      id)) < 0)
		goto fail;
	snprintf(now_at[0], sizeof now_at[0], "%s", target_issue);
	snprintf(now_at[1], sizeof now_at[1], "%d", page);
	snprintf(now_at[2], sizeof now_at[2], "%d", position);
	const char *args[6] = { was[0], was[1], was[2], now_at[0], now_at[1], now_at[2] };
	char note[160];
	nd_sysnote_args(note, sizeof note, placed ? 6 : 3, placed ? args : args + 3);
	if ((rc = nd_event_append_code(st, id, actor->user.login, verb, p.state, p.state,
				       placed ? ND_SN_REPLACE : ND_SN_PLACE, note, 0, err)) < 0)
		goto fail;
	return nd_store_commit(st, err);
fail:
	nd_store_rollback(st);
	return rc;
}

int nd_item_assign(struct nd_store *st, const struct nd_actor *actor, int64_t id, const char *code,
		   int page, int position, struct nd_error *err)
{
	return place(st, actor, id, code, page, position, "assign", err);
}

int nd_item_move(struct nd_store *st, const struct nd_actor *actor, int64_t id, int page,
		 int position, struct nd_error *err)
{
	return place(st, actor, id, NULL, page, position, "move", err);
}

int nd_item_unassign(struct nd_store *st, const struct nd_actor *actor, int64_t id,
		     struct nd_error *err)
{
	struct placement p;
	int rc;
	if ((rc = nd_require_rank(actor, ND_RANK_EDITOR, N_("plan issues"), err)) < 0)
		return rc;
	if ((rc = nd_store_begin(st, err)) < 0)
		return rc;
	if ((rc = read_placement(st, id, &p, err)) < 0)
		goto fail;
	if (!p.issue[0]) {
		rc = nd_fail(err, ND_EINVAL, _("#%lld is not placed in an issue"), (long long)id);
		goto fail;
	}
	char page_s[16], pos_s[16], note[96];
	snprintf(page_s, sizeof page_s, "%d", p.page);
	snprintf(pos_s, sizeof pos_s, "%d", p.position);
	nd_sysnote_args(note, sizeof note, 3, (const char *const[]){ p.issue, page_s, pos_s });
	if ((rc = take_off(st, id, &p, err)) < 0 ||
	    (rc = nd_event_append_code(st, id, actor->user.login, "unassign", p.state, p.state,
				       ND_SN_UNPLACE, note, 0, err)) < 0)
		goto fail;
	return nd_store_commit(st, err);
fail:
	nd_store_rollback(st);
	return rc;
}

/* ---- the rundown ---------------------------------------------------------------- */

void nd_rundown_free(struct nd_rundown *r)
{
	for (size_t i = 0; i < r->n; i++) {
		struct nd_rundown_item *it = &r->items[i];
		free(it->section);
		free(it->kicker);
		free(it->headline);
		free(it->subhead);
		free(it->byline);
		free(it->reporter);
		free(it->state);
		free(it->state_label);
	}
	for (size_t i = 0; i < r->npages; i++)
		free(r->pages[i].section);
	free(r->items);
	free(r->pages);
	nd_issue_free(&r->issue);
	memset(r, 0, sizeof *r);
}

/* 汉字 and 版面字数 at the page's 字/行, from the columns at col (ND_SQL_HANZI,
 * ND_SQL_LINES, ND_SQL_CPL): -1 when the revision has no stored counts. */
static void rundown_counts(sqlite3_stmt *stmt, int col, struct nd_rundown_item *it)
{
	struct nd_layout l;
	it->cpl = sqlite3_column_int(stmt, col + 2);
	const char *lines = (const char *)sqlite3_column_text(stmt, col + 1);
	bool known = lines && nd_layout_count(lines, it->cpl, &l) == 0;
	it->hanzi = known ? (long)sqlite3_column_int64(stmt, col) : -1;
	it->layout = known ? l.chars : -1;
}

/* 字数, then 汉字, the line profile and 字/行 of the rundown's rows. */
#define RUNDOWN_COUNTS ND_SQL_CHARS("r")
#define RUNDOWN_MEASURES ND_SQL_HANZI("r") ", " ND_SQL_LINES("r") ", " ND_SQL_CPL("i")

int nd_rundown_load(struct nd_store *st, const struct nd_actor *actor, const char *code,
		    struct nd_rundown *r, struct nd_error *err)
{
	sqlite3_stmt *stmt;
	memset(r, 0, sizeof *r);
	int rc = nd_require_rank(actor, ND_RANK_EDITOR, N_("read the rundown"), err);
	struct nd_root root;
	if (rc < 0 || (rc = nd_issue_get(st, code, &r->issue, err)) < 0 ||
	    (rc = nd_issue_root(st, code, &root, err)) < 0)
		return rc;
	if (rc > 0) /* printed on the rundown, where a chief keeps it */
		nd_root_text(&root, r->root);
	if ((rc = nd_store_prepare(
		 st,
		 "SELECT i.id, i.page, i.position, i.section, r.kicker, r.headline, r.subhead, "
		 "r.byline, i.reporter, i.state, CASE WHEN ? THEN s.label_zh ELSE s.label_en END, " RUNDOWN_COUNTS
		 ", i.current_rev, coalesce(i.published_rev, 0), s.signed_off, "
		 "(SELECT count(*) FROM photos_current p WHERE p.item_id = i.id), " RUNDOWN_MEASURES
		 ", (SELECT count(*) FROM notes n WHERE n.item_id = i.id AND n.rev = i.current_rev)"
		 " FROM items i JOIN revisions r ON r.item_id = i.id AND "
		 "r.rev = i.current_rev JOIN states s ON s.name = i.state WHERE i.issue = ? "
		 "ORDER BY i.page, i.position, i.id",
		 &stmt, err)) < 0)
		goto fail;
	sqlite3_bind_int(stmt, 1, nd_lang_is_zh());
	nd_bind_text(stmt, 2, code);
	int max_page = r->issue.pages;
	while ((rc = nd_sql_step(st, stmt, "reading the rundown", err)) > 0) {
		struct nd_rundown_item *ni = realloc(r->items, (r->n + 1) * sizeof *ni);
		if (!ni) {
			rc = nd_fail(err, ND_ENOMEM, _("out of memory"));
			break;
		}
		r->items = ni;
		struct nd_rundown_item *it = &r->items[r->n++];
		it->id = sqlite3_column_int64(stmt, 0);
		it->page = sqlite3_column_int(stmt, 1);
		it->position = sqlite3_column_int(stmt, 2);
		it->section = col(stmt, 3);
		it->kicker = col(stmt, 4);
		it->headline = col(stmt, 5);
		it->subhead = col(stmt, 6);
		it->byline = col(stmt, 7);
		it->reporter = col(stmt, 8);
		it->state = col(stmt, 9);
		it->state_label = col(stmt, 10);
		it->chars = (long)sqlite3_column_int64(stmt, 11);
		it->rev = sqlite3_column_int(stmt, 12);
		it->published_rev = sqlite3_column_int(stmt, 13);
		if (it->page > max_page)
			max_page = it->page;
		r->chars += it->chars;
		it->signed_off = sqlite3_column_int(stmt, 14) != 0;
		it->photos = sqlite3_column_int(stmt, 15);
		rundown_counts(stmt, 16, it);
		it->open_notes = sqlite3_column_int(stmt, 19);
		r->hanzi += it->hanzi > 0 ? it->hanzi : 0;
		r->layout += it->layout > 0 ? it->layout : 0;
		if (!it->signed_off)
			r->unsigned_items++;
	}
	sqlite3_finalize(stmt);
	if (rc < 0)
		goto fail;

	int64_t publication_cpl = ND_CPL_DEFAULT;
	if ((rc = nd_sql_int(st, &publication_cpl, err, "reading 字/行",
			     "SELECT " ND_SQL_CPL_PUBLICATION, "")) < 0)
		goto fail;
	r->npages = (size_t)max_page;
	r->pages = calloc(r->npages ? r->npages : 1, sizeof *r->pages);
	if (!r->pages) {
		rc = nd_fail(err, ND_ENOMEM, _("out of memory"));
		goto fail;
	}
	for (size_t p = 0; p < r->npages; p++) {
		r->pages[p].page = (int)p + 1;
		r->pages[p].budget = -1;
		r->pages[p].cpl = publication_cpl;
	}
	if ((rc = nd_sql_prepare(
		 st, &stmt, err,
		 "SELECT p.page, p.section, p.budget, coalesce(p.chars_per_line, "
		 "(SELECT x.chars_per_line FROM sections x WHERE x.name = p.section), " ND_SQL_CPL_PUBLICATION
		 ") FROM issue_pages p WHERE p.issue = ?",
		 "s", code)) < 0)
		goto fail;
	while ((rc = nd_sql_step(st, stmt, "reading the pages", err)) > 0) {
		int p = sqlite3_column_int(stmt, 0);
		if (p < 1 || (size_t)p > r->npages)
			continue;
		r->pages[p - 1].section = col(stmt, 1);
		r->pages[p - 1].budget = sqlite3_column_type(stmt, 2) == SQLITE_NULL
					     ? -1
					     : sqlite3_column_int64(stmt, 2);
		r->pages[p - 1].cpl = sqlite3_column_int(stmt, 3);
	}
	sqlite3_finalize(stmt);
	if (rc < 0)
		goto fail;
	for (size_t i = 0; i < r->n; i++) {
		struct nd_rundown_page *pg = &r->pages[r->items[i].page - 1];
		if (pg->count == 0)
			pg->first = i;
		pg->count++;
		pg->chars += r->items[i].chars;
		pg->hanzi += r->items[i].hanzi > 0 ? r->items[i].hanzi : 0;
		pg->layout += r->items[i].layout > 0 ? r->items[i].layout : 0;
	}
	return 0;
fail:
	nd_rundown_free(r);
	return rc;
}

/* ---- publishing --------------------------------------------------------------- */

struct to_publish {
	int64_t id;
	const char *verb; /* the row of wf that publishes it */
};

/* The issue's placed items, sorted into those to publish now and those
 * held back (not signed off); those already out are left as they are. */
static int sort_issue(struct nd_store *st, const struct nd_workflow *wf, const char *code,
		      struct to_publish **out, size_t *n, size_t *placed, struct nd_buf *held,
		      struct nd_publish_result *res, struct nd_error *err)
{
	sqlite3_stmt *stmt;
	int rc = nd_sql_prepare(st, &stmt, err,
				"SELECT i.id, i.state, CASE WHEN ?2 THEN s.label_zh ELSE "
				"s.label_en END FROM items i JOIN states s ON s.name = i.state "
				"WHERE i.issue = ?1 ORDER BY i.page, i.position",
				"sd", code, nd_lang_is_zh());
	if (rc < 0)
		return rc;
	while ((rc = nd_sql_step(st, stmt, "reading the issue's items", err)) > 0) {
		(*placed)++;
		int64_t id = sqlite3_column_int64(stmt, 0);
		const char *name = (const char *)sqlite3_column_text(stmt, 1);
		const struct nd_state *state = nd_workflow_state(wf, name);
		if (state && state->published)
			continue;
		const char *verb =
		    state && state->signed_off ? nd_workflow_publish_verb(wf, name) : NULL;
		if (!verb) {
			res->held++;
			if (held->len)
				nd_buf_adds(held, C_("list", ", "));
			/* TRANSLATORS: an item and its state, in a list */
			nd_buf_printf(held, _("#%1$lld (%2$s)"), (long long)id,
				      (const char *)sqlite3_column_text(stmt, 2));
			continue;
		}
		struct to_publish *ni = realloc(*out, (*n + 1) * sizeof *ni);
		if (!ni) {
			rc = nd_fail(err, ND_ENOMEM, _("out of memory"));
			break;
		}
		*out = ni;
		ni[(*n)++] = (struct to_publish){ id, verb };
	}
	sqlite3_finalize(stmt);
	return rc;
}

int nd_issue_publish(struct nd_store *st, const struct nd_actor *actor, const char *code,
		     bool partial, struct nd_publish_result *res, struct nd_error *err)
{
	struct nd_workflow wf;
	struct nd_issue is;
	struct nd_buf held = ND_BUF_INIT;
	struct to_publish *ids = NULL;
	size_t n = 0, placed = 0;
	int rc;
	memset(res, 0, sizeof *res);
	if ((rc = nd_store_begin(st, err)) < 0)
		return rc;
	if ((rc = nd_workflow_load(st, &wf, err)) < 0) {
		nd_store_rollback(st);
		return rc;
	}
	/* The least role comes from the workflow's rows, as for one item. */
	if ((rc = nd_require_rank(actor, nd_workflow_publish_rank(&wf), N_("publish"), err)) < 0 ||
	    (rc = nd_issue_get(st, code, &is, err)) < 0)
		goto fail;
	nd_issue_free(&is);
	if ((rc = sort_issue(st, &wf, code, &ids, &n, &placed, &held, res, err)) < 0)
		goto fail;
	snprintf(res->held_ids, sizeof res->held_ids, "%s", nd_buf_str(&held));
	if (placed == 0) {
		rc = nd_fail(err, ND_EINVAL, _("issue %s has no items placed on its pages"), code);
		goto fail;
	}
	if (res->held && !partial) {
		rc = nd_fail(
		    err, ND_ESTATE,
		    ngettext("cannot publish %1$s: %2$zu item is not signed off: %3$s. Sign it "
			     "off, or publish the signed-off ones with --partial",
			     "cannot publish %1$s: %2$zu items are not signed off: %3$s. Sign "
			     "them off, or publish the signed-off ones with --partial",
			     res->held),
		    code, res->held, nd_buf_str(&held));
		goto fail;
	}
	/* Each item through the one engine: the same checks, the same
	 * published_rev, the same event, as 'publish ID'. */
	for (size_t i = 0; i < n; i++) {
		struct nd_transition_result tr;
		if ((rc = nd_workflow_move_code(st, &wf, actor, ids[i].id, ids[i].verb,
						ND_SN_WITH_ISSUE, code, &tr, err)) < 0)
			goto fail;
	}
	if ((rc = nd_sql_exec(st, err, "marking the issue published",
			      "UPDATE issues SET published_at = ? WHERE code = ?", "is", nd_now(),
			      code)) < 0)
		goto fail;
	res->published = n;
	free(ids);
	nd_buf_free(&held);
	nd_workflow_free(&wf);
	return nd_store_commit(st, err);
fail:
	free(ids);
	nd_buf_free(&held);
	nd_workflow_free(&wf);
	nd_store_rollback(st);
	return rc;
}

struct pair {
	int64_t id;
	int rev;
};

static int fill_pair(sqlite3_stmt *stmt, void *elem)
{
	struct pair *p = elem;
	p->id = sqlite3_column_int64(stmt, 0);
	p->rev = sqlite3_column_int(stmt, 1);
	return 0;
}

int nd_issue_published(struct nd_store *st, const struct nd_actor *actor, const char *code,
		       struct nd_item **items, size_t *n, struct nd_error *err)
{
	struct nd_issue is;
	*items = NULL;
	*n = 0;
	int rc = nd_issue_get(st, code, &is, err);
	if (rc < 0)
		return rc;
	nd_issue_free(&is);
	struct pair *pairs = NULL;
	size_t np = 0;
	if ((rc = nd_sql_list(st, &pairs, &np, sizeof *pairs, fill_pair, err,
			      "reading the issue's items",
			      "SELECT id, published_rev FROM items WHERE issue = ? AND "
			      "published_rev IS NOT NULL ORDER BY page, position, id",
			      "s", code)) < 0) {
		free(pairs);
		return rc;
	}
	if (np && !(*items = calloc(np, sizeof **items))) {
		free(pairs);
		return nd_fail(err, ND_ENOMEM, _("out of memory"));
	}
	for (size_t i = 0; i < np && rc == 0; i++)
		if ((rc = nd_item_get(st, actor, pairs[i].id, pairs[i].rev, &(*items)[i], err)) ==
		    0)
			(*n)++;
	free(pairs);
	if (rc < 0) {
		nd_items_free(*items, *n);
		*items = NULL;
		*n = 0;
	}
	return rc;
}
