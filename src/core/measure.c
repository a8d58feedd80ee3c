/* measure.c — the 字/行 settings 版面字数 is counted at (measure.h). */
#include "newsdesk/measure.h"
#include "newsdesk/lang.h"
#include "newsdesk/stats.h"
#include "newsdesk/store_sql.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fill_measure(sqlite3_stmt *stmt, void *elem)
{
	struct nd_measure *m = elem;
	m->section = nd_column_dup(stmt, 0);
	m->cpl = sqlite3_column_int(stmt, 1);
	return 0;
}

int nd_measure_list(struct nd_store *st, struct nd_measure **rows, size_t *n, struct nd_error *err)
{
	*rows = NULL;
	*n = 0;
	int rc = nd_sql_list(
	    st, rows, n, sizeof **rows, fill_measure, err, "reading 字/行",
	    "SELECT NULL, " ND_SQL_CPL_PUBLICATION " "
	    "UNION ALL SELECT * FROM (SELECT name, coalesce(chars_per_line, 0) FROM sections "
	    "ORDER BY position, name)",
	    "");
	if (rc < 0) {
		nd_measures_free(*rows, *n);
		*rows = NULL;
		*n = 0;
	}
	return rc < 0 ? rc : 0;
}

void nd_measures_free(struct nd_measure *rows, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(rows[i].section);
	free(rows);
}

static int check_cpl(int cpl, bool may_clear, struct nd_error *err)
{
	if ((cpl == 0 && may_clear) || (cpl >= ND_CPL_MIN && cpl <= ND_CPL_MAX))
		return 0;
	if (may_clear)
		return nd_fail(
		    err, ND_EINVAL,
		    _("字/行 is %1$d to %2$d characters a line, or 0 to clear (not %3$d)"),
		    ND_CPL_MIN, ND_CPL_MAX, cpl);
	return nd_fail(err, ND_EINVAL, _("字/行 is %1$d to %2$d characters a line (not %3$d)"),
		       ND_CPL_MIN, ND_CPL_MAX, cpl);
}

int nd_measure_set(struct nd_store *st, const struct nd_actor *actor, const char *section, int cpl,
		   struct nd_error *err)
{
	int rc = nd_require_rank(
	    actor, section ? ND_RANK_EDITOR : ND_RANK_CHIEF,
	    section ? N_("set a section's 字/行") : N_("set the publication's 字/行"), err);
	if (rc < 0 || (rc = check_cpl(cpl, section != NULL, err)) < 0)
		return rc;
	if (section && !section[0])
		return nd_fail(err, ND_EINVAL, _("a section has a name"));
	if ((rc = nd_store_begin(st, err)) < 0)
		return rc;
	char value[16];
	snprintf(value, sizeof value, "%d", cpl);
	if (section)
		rc = nd_sql_exec(
		    st, err, "setting the section's 字/行",
		    "INSERT INTO sections(name, chars_per_line) "
		    "VALUES (?1, CASE WHEN ?2 > 0 THEN ?2 END) "
		    "ON CONFLICT(name) DO UPDATE SET chars_per_line = excluded.chars_per_line",
		    "si", section, (int64_t)cpl);
	else if ((rc = nd_sql_exec(st, err, "setting the publication's 字/行",
				   "INSERT INTO meta(key, value) VALUES ('chars_per_line', ?) "
				   "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
				   "s", value)) >= 0)
		rc = nd_stats_recount(st, err); /* the stats' 版面字数 are at this 字/行 */
	if (rc < 0) {
		nd_store_rollback(st);
		return rc;
	}
	return nd_store_commit(st, err);
}

int nd_measure_set_page(struct nd_store *st, const struct nd_actor *actor, const char *code,
			int page, int cpl, struct nd_error *err)
{
	int rc = nd_require_rank(actor, ND_RANK_EDITOR, N_("plan issues"), err);
	if (rc < 0 || (rc = check_cpl(cpl, true, err)) < 0)
		return rc;
	if ((rc = nd_store_begin(st, err)) < 0)
		return rc;
	int64_t known = 0;
	if ((rc = nd_sql_int(st, &known, err, "reading issues",
			     "SELECT count(*) FROM issues WHERE code = ?", "s", code)) < 0)
		return rc;
	if (!known) {
		nd_store_rollback(st);
		return nd_fail(err, ND_ENOENT, _("no issue %s"), code);
	}
	rc = nd_sql_exec(
	    st, err, "setting the page's 字/行",
	    "INSERT INTO issue_pages(issue, page, chars_per_line) "
	    "VALUES (?1, ?2, CASE WHEN ?3 > 0 THEN ?3 END) "
	    "ON CONFLICT(issue, page) DO UPDATE SET chars_per_line = excluded.chars_per_line",
	    "sii", code, (int64_t)page, (int64_t)cpl);
	if (rc < 0) {
		nd_store_rollback(st);
		return rc;
	}
	return nd_store_commit(st, err);
}
