/* import.c — filing an imported page: every item in one transaction, each
 * logged as 'import'; fragments get a note so an editor finds them. The
 * page's bytes are kept once, in the same transaction, and every item
 * names them (original.h), so nothing of the page is ever lost. */
#include "newsdesk/import.h"
#include "newsdesk/history.h"
#include "newsdesk/items.h"
#include "newsdesk/lang.h"
#include "newsdesk/original.h"
#include "newsdesk/store_sql.h"
#include "newsdesk/sysnote.h"

#include <stdio.h>
#include <string.h>

static int note(struct nd_store *st, const struct nd_actor *actor, int64_t id, const char *text,
		struct nd_error *err)
{
	return nd_note_append(st, id, 1, actor->user.login, text, err);
}

static int place(struct nd_store *st, int64_t id, const char *issue, int page, int position,
		 struct nd_error *err)
{
	int rc = nd_sql_exec(st, err, "placing the item",
			     "UPDATE items SET issue = ?, page = ?, position = ? WHERE id = ?",
			     "sddi", issue, page, position, id);
	return rc < 0 ? rc : 0;
}

/* The state imports start in: the initial one, or (archives) one that
 * means published, named by its name or label. */
static int import_state(struct nd_store *st, const char *word, char *name, size_t size,
			bool *published, struct nd_error *err)
{
	sqlite3_stmt *stmt;
	int rc = nd_sql_prepare(st, &stmt, err,
				"SELECT name, published FROM states WHERE CASE WHEN ?1 IS NULL "
				"THEN initial ELSE (initial OR published) AND ?1 IN "
				"(name, label_en, label_zh) END ORDER BY position LIMIT 1",
				"s", word);
	if (rc < 0)
		return rc;
	if ((rc = nd_sql_step(st, stmt, "reading the workflow", err)) > 0) {
		snprintf(name, size, "%s", sqlite3_column_text(stmt, 0));
		*published = sqlite3_column_int(stmt, 1) != 0;
		rc = 0;
	} else if (rc == 0) {
		rc = nd_fail(err, ND_EINVAL,
			     _("imports start in the workflow's first state or a published one; "
			       "'%s' is neither"),
			     word ? word : "");
	}
	sqlite3_finalize(stmt);
	return rc;
}

int nd_import_file(struct nd_store *st, const struct nd_actor *actor,
		   const struct nd_import_page *page, const struct nd_page_source *src,
		   const char *encoding, const char *issue, int page_no, const char *state,
		   struct nd_import_result *res, struct nd_error *err)
{
	char start[32];
	bool published = false;
	memset(res, 0, sizeof *res);
	int rc = import_state(st, state, start, sizeof start, &published, err);
	if (rc < 0)
		return rc;
	if ((rc = nd_require_rank(
		 actor, published ? ND_RANK_CHIEF : ND_RANK_EDITOR,
		 published ? N_("import archives as published") : N_("import pages"), err)) < 0)
		return rc;
	if ((rc = nd_store_begin(st, err)) < 0)
		return rc;
	/* the page's bytes first: every item below names them */
	int64_t page_id;
	if ((rc = nd_page_original_keep(st, actor, src, encoding, &page_id, err)) < 0)
		goto fail;
	res->page_original = page_id;
	int64_t existing = 0;
	if (issue) {
		int64_t found = 0;
		if ((rc = nd_sql_int(st, &found, err, "reading issues",
				     "SELECT count(*) FROM issues WHERE code = ?", "s", issue)) < 0)
			goto fail;
		if (!found) {
			rc = nd_fail(err, ND_ENOENT,
				     _("no issue '%s': add it first with newsdesk issue add"),
				     issue);
			goto fail;
		}
		if ((rc = nd_sql_int(st, &existing, err, "reading the page",
				     "SELECT count(*) FROM items WHERE issue = ? AND page = ?",
				     "sd", issue, page_no)) < 0)
			goto fail;
	}
	for (size_t i = 0; i < page->n; i++) {
		const struct nd_import_item *it = &page->items[i];
		struct nd_file_result fr;
		if ((rc = nd_item_insert(st, actor, &it->story, encoding, NULL, start, "import",
					 &fr, err)) < 0) {
			nd_error_prefix(err, _("item %1$zu (%2$s): "), i + 1, it->story.headline);
			goto fail;
		}
		if ((rc = nd_item_page_link(st, fr.id, page_id, i + 1, page->n, err)) < 0)
			goto fail;
		if (!res->first)
			res->first = fr.id;
		res->last = fr.id;
		res->filed++;
		if (it->fragment) {
			res->fragments++;
			if ((rc = nd_note_append_code(st, fr.id, 1, actor->user.login,
						      ND_SN_FRAGMENT, NULL, err)) < 0)
				goto fail;
		} else if (it->flag &&
			   (rc = nd_note_append_code(st, fr.id, 1, actor->user.login,
						     ND_SN_IMPORT_CHECK, it->flag->id, err)) < 0) {
			goto fail; /* why an editor should look: the rule, rendered when shown */
		}
		res->flagged += it->flag != NULL;
		if (it->markers && (rc = note(st, actor, fr.id, it->markers, err)) < 0)
			goto fail;
		if (it->source && (rc = note(st, actor, fr.id, it->source, err)) < 0)
			goto fail;
		if (issue && (rc = place(st, fr.id, issue, page_no,
					 (int)(existing + (int64_t)i + 1), err)) < 0)
			goto fail;
	}
	return nd_store_commit(st, err);
fail:
	nd_store_rollback(st);
	return rc;
}
