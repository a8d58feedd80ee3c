/* tui_review.h — the review pane: two revisions side by side in one text,
 * deletions and insertions marked, the proofreading warnings, the notes,
 * and the sign-off keys. */
#ifndef NEWSDESK_TUI_REVIEW_H
#define NEWSDESK_TUI_REVIEW_H

#include "newsdesk/tui_app.h"

struct tui_review;

bool tui_review_open(struct tui *t, int64_t id);
void tui_review_draw(struct tui *t, int y, int height, int width);
/* Handles a key; false when the pane closed. */
bool tui_review_key(struct tui *t, int kind, wint_t ch, int height);
void tui_review_close(struct tui *t);
/* The workflow and note keys of the desk's keymap, from inside a pane
 * (defined in app.c); true when the key was one of them or ignored. */
bool tui_review_verb_key(struct tui *t, int kind, wint_t ch);
/* Reloads after a workflow action or a note. */
void tui_review_reload(struct tui *t);

#endif
