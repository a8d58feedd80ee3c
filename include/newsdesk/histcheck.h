/* histcheck.h — check's proof of the items' logs, notes and heads, and of
 * the workflow's invariants: each a row of check.c's table. */
#ifndef NEWSDESK_HISTCHECK_H
#define NEWSDESK_HISTCHECK_H

#include "newsdesk/check.h"

/* Each item's events chained after the one before, none missing, each
 * naming a revision that is there. */
int nd_events_check(struct nd_check *c, struct nd_error *err);
/* Each item's notes chained likewise. */
int nd_notes_check(struct nd_check *c, struct nd_error *err);
/* The newest revision, event and note of each item are the ones it names. */
int nd_heads_check(struct nd_check *c, struct nd_error *err);
/* What the workflow never allows (a current revision missing, a state it
 * does not have, two items at one place on a page, …). */
int nd_invariants_check(struct nd_check *c, struct nd_error *err);

#endif
