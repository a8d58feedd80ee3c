/* revcheck.h — check's proof of the revisions: each one's place in its
 * item's hash chain, and its kept counts (字数, 汉字, the line profile)
 * against its text. */
#ifndef NEWSDESK_REVCHECK_H
#define NEWSDESK_REVCHECK_H

#include "newsdesk/check.h"

#include <stdbool.h>
#include <stdint.h>

/* A revision r's story columns, as nd_hanzi(), nd_chars() and
 * nd_counts_same() take them. */
#define ND_STORY_COLUMNS "r.kicker, r.headline, r.subhead, r.dateline, r.byline, r.body"
/* 字数 by the publication's rule (the setting count-rule): what the counts
 * were made by, since the setting and a recount change in one transaction */
#define ND_COUNT_RULE_SQL "(SELECT value FROM meta WHERE key = 'count_rule')"

/* Each revision's hash recomputed after the hash of the one before it, and
 * no revision missing: a problem per revision that is not as written. */
int nd_revisions_check(struct nd_check *c, struct nd_error *err);

/* Each revision's kept counts against its text, counted again; a revision
 * with no counts at all (inserted outside newsdesk) is counted from its
 * text where it is shown, as newsdesk(1) says. */
int nd_revision_counts_verify(struct nd_check *c, struct nd_error *err);

/* What the one pass below keeps of each revision for the checks after it,
 * so that they need not read the rows again: a row is its text (7 GB at
 * a million items), and the hash and the conflict flag come after it.
 * The checks only pick with it what to ask SQL about: a revision not
 * kept, or not as they expect, is asked about. */
struct nd_rev {
	int64_t id;
	int32_t item, rev;
	int8_t conflict; /* 0 or 1, or -1: something else was stored */
	bool hashed; /* hash holds its stored hash (that was 64 hex digits) */
	unsigned char hash[32];
};
struct nd_revs;

/* The item's revision rev, or NULL (not kept). */
const struct nd_rev *nd_revs_find(const struct nd_revs *m, int64_t item, int64_t rev);
/* The revision of that id, or NULL. */
const struct nd_rev *nd_revs_by_id(const struct nd_revs *m, int64_t id);
/* The item's newest revision (conflict drafts too when drafts), or NULL
 * (none, or one of its revisions was not kept or not as written). */
const struct nd_rev *nd_revs_newest(const struct nd_revs *m, int64_t item, bool drafts);
/* Whether a revision's item or author may not be there (what SQLite's
 * foreign_key_check would tell of the revisions; false: nothing). */
bool nd_revs_orphans(const struct nd_revs *m);
/* How many revisions were kept; whether every revision was (none had an
 * item or a number the pass could not place); where e is among them
 * (0 … count - 1). */
size_t nd_revs_count(const struct nd_revs *m);
bool nd_revs_all(const struct nd_revs *m);
size_t nd_revs_at(const struct nd_revs *m, const struct nd_rev *e);
/* The revision at k (0 … count - 1), in the order of their ids; NULL
 * past the end (a walk beside another list in id order). */
const struct nd_rev *nd_revs_nth(const struct nd_revs *m, size_t k);
/* Whether column col of stmt's row is e's stored hash, as text. */
bool nd_rev_hash_is(const struct nd_rev *e, struct sqlite3_stmt *stmt, int col);
void nd_rev_hex(const struct nd_rev *e, char hex[65]);
void nd_revs_free(struct nd_revs *m);

/* Both in one pass over the revisions: the chain's problems reported into
 * c, the counts' into k, each as the checks above word and order them;
 * with kept, what the pass saw (*kept, to free; left NULL when it could
 * not be kept). < 0 when the pass could not run; then nothing was
 * reported. */
int nd_revisions_counted(struct nd_check *c, struct nd_check *k, struct nd_revs **kept,
			 struct nd_error *err);

#endif
