/* revcheck.h — check's proof of the revisions: each one's place in its
 * item's hash chain, and its kept counts (字数, 汉字, the line profile)
 * against its text. */
#ifndef NEWSDESK_REVCHECK_H
#define NEWSDESK_REVCHECK_H

#include "newsdesk/check.h"

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

/* Both in one pass over the revisions: the chain's problems reported into
 * c, the counts' into k, each as the checks above word and order them.
 * < 0 when the pass could not run; then nothing was reported. */
int nd_revisions_counted(struct nd_check *c, struct nd_check *k, struct nd_error *err);

#endif
