/* tui_review.h — the review pane: two revisions side by side in one text,
 * deletions and insertions marked, the proofreading warnings, the notes,
 * and the sign-off keys. */
#ifndef NEWSDESK_TUI_REVIEW_H
#define NEWSDESK_TUI_REVIEW_H

#include "newsdesk/tui_app.h"

extern const struct pane_ops tui_review_pane;
/* Pushes the review pane for item id. */
bool tui_review_open(struct tui *t, int64_t id);

#endif
