/* tui_rundown.h — the rundown view and the flat plan of an issue. */
#ifndef NEWSDESK_TUI_RUNDOWN_H
#define NEWSDESK_TUI_RUNDOWN_H

#include "newsdesk/tui_app.h"

bool tui_rundown_open(struct tui *t, const char *code);
void tui_rundown_draw(struct tui *t, int y, int height, int width);
bool tui_rundown_key(struct tui *t, int kind, wint_t ch); /* false: closed */
void tui_rundown_close(struct tui *t);
void tui_rundown_reload(struct tui *t);

#endif
