/* measure.h — 字/行, the characters a line of the printed column holds,
 * which 版面字数 is counted at (layout.h). Set for the publication, for a
 * section and for a page of an issue: for an item the page's applies, else
 * its section's, else the publication's. */
#ifndef NEWSDESK_MEASURE_H
#define NEWSDESK_MEASURE_H

#include "newsdesk/error.h"
#include "newsdesk/layout.h"
#include "newsdesk/store.h"
#include "newsdesk/users.h"

#include <stddef.h>

/* The 字/行 of the item aliased I (columns issue, page, section), as an SQL
 * expression: its page's, else the page's section's, else its own
 * section's, else the publication's, else the default. */
#define ND_SQL_CPL(I)                                                                              \
	"coalesce((SELECT coalesce(cpl_p.chars_per_line, (SELECT cpl_q.chars_per_line FROM "       \
	"sections cpl_q WHERE cpl_q.name = cpl_p.section)) FROM issue_pages cpl_p WHERE "          \
	"cpl_p.issue = " I ".issue AND cpl_p.page = " I ".page), (SELECT cpl_s.chars_per_line "    \
	"FROM sections cpl_s WHERE cpl_s.name = " I ".section), " ND_SQL_CPL_PUBLICATION ")"

/* The publication's 字/行, else the default (ND_CPL_DEFAULT). */
#define ND_SQL_CPL_PUBLICATION                                                                     \
	"coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'chars_per_line'), 14)"

/* 汉字 and the line profile of revision R (an alias of revisions), as two
 * SQL expressions. */
#define ND_SQL_HANZI(R) "(SELECT hanzi FROM revision_counts WHERE revision_id = " R ".id)"
#define ND_SQL_LINES(R) "(SELECT lines FROM revision_counts WHERE revision_id = " R ".id)"

/* 字数 of revision R, whole and of the body, as SQL expressions; -1 for a
 * revision with no stored counts. Counts are derived data, kept out of the
 * hash chain: revisions.chars and body_chars hold what was counted when a
 * revision was written before schema word_counts, and -1 since. */
#define ND_SQL_CHARS(R)                                                                            \
	"coalesce((SELECT chars FROM revision_counts WHERE revision_id = " R ".id), -1)"
#define ND_SQL_BODY_CHARS(R)                                                                       \
	"coalesce((SELECT body_chars FROM revision_counts WHERE revision_id = " R ".id), -1)"

struct nd_measure {
	char *section; /* NULL: the publication's */
	int cpl; /* 0: not set (the publication's applies) */
};

/* The publication's 字/行, then every section's, in the sections' order. */
int nd_measure_list(struct nd_store *st, struct nd_measure **rows, size_t *n, struct nd_error *err);
void nd_measures_free(struct nd_measure *rows, size_t n);

/* Sets the publication's 字/行 (section NULL; chiefs) or a section's
 * (editors; cpl 0 clears it, so the publication's applies). */
int nd_measure_set(struct nd_store *st, const struct nd_actor *actor, const char *section, int cpl,
		   struct nd_error *err);

/* Sets the 字/行 of page of issue code (editors; 0 clears it). */
int nd_measure_set_page(struct nd_store *st, const struct nd_actor *actor, const char *code,
			int page, int cpl, struct nd_error *err);

#endif
