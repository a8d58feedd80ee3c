/* tui_rundown.h — the rundown pane and the flat plan of an issue. */
#ifndef NEWSDESK_TUI_RUNDOWN_H
#define NEWSDESK_TUI_RUNDOWN_H

#include "newsdesk/tui_app.h"

extern const struct pane_ops tui_rundown_pane;
extern const struct pane_ops tui_flat_pane;
/* Pushes the rundown of issue code; false (with a message) when it has none. */
bool tui_rundown_open(struct tui *t, const char *code);

#endif
