/* tui_import.h — the import review pane: an imported page's items as the
 * importer proposes them, corrected (merge, split, re-label, skip) and
 * filed all at once, or left with nothing filed. */
#ifndef NEWSDESK_TUI_IMPORT_H
#define NEWSDESK_TUI_IMPORT_H

#include "newsdesk/tui.h"
#include "newsdesk/tui_app.h"

extern const struct pane_ops tui_import_pane;
/* Pushes the review of imp's page (taking the page); false when it could
 * not open (the page is freed). */
bool tui_import_open(struct tui *t, const struct nd_tui_import *imp);

#endif
