/* revcheck.c — check's proof of the revisions (revcheck.h): each one's
 * place in its item's hash chain, and its kept counts (字数, 汉字, the line
 * profile) counted again from its text; alone, or both in one pass over
 * the table, which is what check --full runs (at a million items each pass
 * over the revisions is a read of 7 GB). */
#include "newsdesk/revcheck.h"
#include "newsdesk/lang.h"
#include "newsdesk/store_sql.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Each record's hash recomputed over its stored values after the stored
 * hash of the record before it (history.c and journal.c wrote them). */
#define REVISION_PROBLEM                                                                            \
	"CASE WHEN hash IS NULL THEN printf('revision %d has no hash: newsdesk did not write it', " \
	"rev) "                                                                                     \
	"WHEN prev_rev IS NULL AND rev <> 1 THEN printf('the revisions before %d are missing "      \
	"(deleted)', rev) "                                                                         \
	"WHEN prev_rev IS NOT NULL AND rev <> prev_rev + 1 THEN printf('revision %d is "            \
	"missing (deleted): its history jumps from revision %d to %d', prev_rev + 1, "              \
	"prev_rev, rev) "                                                                           \
	"ELSE printf('revision %d was changed after it was written: its text no longer "            \
	"matches its hash', rev) END "
#define REVISION_WANT                                                                              \
	"nd_chain(lag(r.hash) OVER w, r.item_id, r.rev, r.base_rev, r.kind, r.section, r.kicker, " \
	"r.headline, r.subhead, r.dateline, r.byline, r.body, r.chars, r.body_chars, r.author, "   \
	"r.created_at, r.conflict, r.encoding) AS want"
#define REVISION_BROKEN "(hash IS NOT want OR rev <> coalesce(prev_rev + 1, 1))"

int nd_revisions_check(struct nd_check *c, struct nd_error *err)
{
	return nd_check_rows(
	    c, "revisions",
	    "SELECT item_id, " REVISION_PROBLEM
	    "FROM (SELECT r.item_id, r.rev, r.hash, lag(r.rev) OVER w AS prev_rev, " REVISION_WANT
	    " FROM revisions r WINDOW w AS (PARTITION BY r.item_id "
	    "ORDER BY r.rev)) WHERE " REVISION_BROKEN " ORDER BY item_id, rev",
	    0, err);
}

/* Every revision's 字数, 汉字 and line profile, counted again from its text:
 * derived data, outside the hash chain, so recounted here rather than
 * proved. A revision with no counts at all (inserted outside newsdesk) is
 * counted from its text where it is shown, as newsdesk(1) says. */
int nd_revision_counts_verify(struct nd_check *c, struct nd_error *err)
{
	return nd_check_rows(
	    c, "revision counts",
	    "SELECT r.item_id, printf('revision %d: its stored counts (字数 %s, 汉字 %s) are "
	    "not its text''s (字数 %d, 汉字 %d)', r.rev, coalesce(k.chars, '-'), "
	    "coalesce(k.hanzi, '-'), nd_chars(" ND_STORY_COLUMNS ", " ND_COUNT_RULE_SQL
	    "), nd_hanzi(" ND_STORY_COLUMNS
	    ")) FROM revisions r JOIN revision_counts k ON k.revision_id = r.id "
	    "WHERE NOT nd_counts_same(k.chars, k.body_chars, k.hanzi, k.lines, " ND_STORY_COLUMNS
	    ", " ND_COUNT_RULE_SQL ") ORDER BY r.id",
	    0, err);
}

/* ---- the revisions' chains and counts in one pass ---------------------------- */

/* check --full reads the revisions once for both (at a million items each
 * pass over them is a read of 7 GB): the rows whose hash or counts are
 * wrong, then the problems each check reports, in the order it reports
 * them (the chain's by item and revision, the counts' by revision id). */
struct bad_revision {
	int64_t item_id, rev, id;
	bool no_item;
	char *chain; /* what is wrong with its place in the chain, or NULL */
	bool counts;
};

static int by_item_rev(const void *a, const void *b)
{
	const struct bad_revision *x = a, *y = b;
	if (x->item_id != y->item_id)
		return x->item_id < y->item_id ? -1 : 1;
	if (x->rev != y->rev)
		return x->rev < y->rev ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

static int by_id(const void *a, const void *b)
{
	const struct bad_revision *x = a, *y = b;
	return x->id < y->id ? -1 : x->id > y->id;
}

static int read_bad_revisions(struct nd_check *c, struct bad_revision **bad, size_t *n,
			      struct nd_error *err)
{
	sqlite3_stmt *stmt;
	size_t cap = 0;
	int rc = nd_sql_prepare(
	    c->st, &stmt, err,
	    "SELECT item_id, rev, id, CASE WHEN " REVISION_BROKEN " THEN " REVISION_PROBLEM
	    "END, counted FROM (SELECT r.id, r.item_id, r.rev, r.hash, lag(r.rev) OVER w AS "
	    "prev_rev, " REVISION_WANT ", CASE WHEN k.revision_id IS NULL THEN 1 ELSE "
	    "nd_counts_same(k.chars, k.body_chars, k.hanzi, k.lines, " ND_STORY_COLUMNS
	    ", " ND_COUNT_RULE_SQL
	    ") END AS counted FROM revisions r LEFT JOIN revision_counts k ON k.revision_id = "
	    "r.id WINDOW w AS (PARTITION BY r.item_id ORDER BY r.rev)) WHERE " REVISION_BROKEN
	    " OR NOT counted",
	    NULL);
	if (rc < 0)
		return rc;
	while ((rc = nd_sql_step(c->st, stmt, "revisions", err)) > 0) {
		if (*n == cap) {
			struct bad_revision *more =
			    realloc(*bad, (cap = cap ? 2 * cap : 16) * sizeof **bad);
			if (!more) {
				rc = nd_fail(err, ND_ENOMEM, _("out of memory"));
				break;
			}
			*bad = more;
		}
		struct bad_revision *b = &(*bad)[(*n)++];
		const char *chain = (const char *)sqlite3_column_text(stmt, 3);
		*b = (struct bad_revision){ .item_id = sqlite3_column_int64(stmt, 0),
					    .rev = sqlite3_column_int64(stmt, 1),
					    .id = sqlite3_column_int64(stmt, 2),
					    .no_item = sqlite3_column_type(stmt, 0) == SQLITE_NULL,
					    .chain = chain ? strdup(chain) : NULL,
					    .counts = !sqlite3_column_int(stmt, 4) };
	}
	sqlite3_finalize(stmt);
	return rc;
}

/* c reports the chains' problems, k the counts'; < 0 when the pass could
 * not run (then nothing was reported, and each check runs its own way). */
int nd_revisions_counted(struct nd_check *c, struct nd_check *k, struct nd_error *err)
{
	struct bad_revision *bad = NULL;
	size_t n = 0;
	int rc = read_bad_revisions(c, &bad, &n, err);
	if (rc >= 0 && n > 0) { /* qsort takes no NULL, not even for 0 */
		qsort(bad, n, sizeof *bad, by_item_rev);
		for (size_t i = 0; i < n; i++)
			if (bad[i].chain && bad[i].no_item)
				nd_check_problem(c, "revisions: %s", bad[i].chain);
			else if (bad[i].chain)
				nd_check_problem(c, "#%lld: %s", (long long)bad[i].item_id,
						 bad[i].chain);
		qsort(bad, n, sizeof *bad, by_id);
	}
	/* what the counts' own check says of each (its words, its order) */
	for (size_t i = 0; rc >= 0 && i < n; i++)
		if (bad[i].counts)
			rc = nd_check_rows(
			    k, "revision counts",
			    "SELECT r.item_id, printf('revision %d: its stored counts (字数 %s, 汉字 "
			    "%s) are not its text''s (字数 %d, 汉字 %d)', r.rev, coalesce(k.chars, "
			    "'-'), coalesce(k.hanzi, '-'), nd_chars(" ND_STORY_COLUMNS
			    ", " ND_COUNT_RULE_SQL "), nd_hanzi(" ND_STORY_COLUMNS
			    ")) FROM revisions r JOIN revision_counts k "
			    "ON k.revision_id = r.id WHERE r.id = ?1",
			    bad[i].id, err);
	for (size_t i = 0; i < n; i++)
		free(bad[i].chain);
	free(bad);
	return rc < 0 ? rc : 0;
}
