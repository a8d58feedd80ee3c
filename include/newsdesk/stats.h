/* stats.h — the yearly stats (通联): items filed and published per reporter,
 * and the published revisions' 字数, 汉字 and 版面字数, read from the summary
 * by day that the schema keeps (stat_days), so a year costs what a year's
 * days cost, however many items there are. */
#ifndef NEWSDESK_STATS_H
#define NEWSDESK_STATS_H

#include "newsdesk/buf.h"
#include "newsdesk/error.h"
#include "newsdesk/store.h"
#include "newsdesk/users.h"

#include <stddef.h>
#include <stdint.h>

struct nd_stat_row {
	char *reporter, *name;
	long filed, published, published_chars;
	long published_hanzi, published_layout; /* 汉字, 版面字数 at the publication's 字/行 */
};

/* The year's figures for every reporter with items (an editor), or for
 * REPORTER alone; a reporter sees their own line. The year is the
 * reader's (local time). */
int nd_stats(struct nd_store *st, const struct nd_actor *actor, int year, const char *reporter,
	     struct nd_stat_row **rows, size_t *n, struct nd_error *err);
void nd_stats_free(struct nd_stat_row *rows, size_t n);

/* Keeping the summary, inside the caller's transaction: the item's part
 * taken out (SIGN -1) before its reporter, filing or publication changes
 * and put in (SIGN +1) after, or when it is filed (after its first
 * revision's counts are stored). */
int nd_stats_item(struct nd_store *st, int64_t id, int sign, struct nd_error *err);

/* Every day counted again, inside the caller's transaction (the
 * publication's 字/行 changed). */
int nd_stats_recount(struct nd_store *st, struct nd_error *err);

/* The summary against the same figures counted from the items: one line
 * in REPORT for each day and reporter that differs; returns how many (or
 * a negative code when it could not be read). */
int nd_stats_verify(struct nd_store *st, struct nd_buf *report, struct nd_error *err);

/* The summary counted again from the items, in one transaction
 * (check --repair; the benchmark generator after loading its rows). */
int nd_stats_rebuild(struct nd_store *st, struct nd_error *err);

#endif
