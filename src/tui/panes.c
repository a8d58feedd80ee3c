/* panes.c — the desk's panes, listed once, as tig's VIEW_INFO: each pane's
 * name (a binding file's and :bind's word), its flag (the request table's
 * pane masks), its operations and the title help gives its keys. Bindings,
 * :bind, help, the hints and the main loop read this list; a new pane is
 * its own file and one row here. */
#include "newsdesk/tui_app.h"
#include "newsdesk/tui_editor.h"
#include "newsdesk/tui_import.h"
#include "newsdesk/tui_review.h"
#include "newsdesk/tui_rundown.h"

#include <string.h>

const struct tui_pane_info tui_panes[] = {
	{ "list", PANE_LIST, &tui_list_pane, N_("Keys in the list") },
	{ "item", PANE_ITEM, &tui_item_pane, N_("Keys in an item") },
	{ "review", PANE_REVIEW, &tui_review_pane, N_("Keys in the review") },
	{ "rundown", PANE_RUNDOWN, &tui_rundown_pane, N_("Keys in the rundown") },
	{ "flatplan", PANE_FLAT, &tui_flat_pane, N_("Keys in the flat plan") },
	{ "pager", PANE_PAGER, &tui_pager_pane, N_("Keys in help and the messages") },
	{ "editor", PANE_EDITOR, &tui_editor_pane, N_("Keys in the editor") },
	{ "import", PANE_IMPORT, &tui_import_pane, N_("Keys in the import review") },
	{ "text", PANE_TEXT, &tui_text_pane, N_("Keys in a whole text") },
	{ "photo", PANE_PHOTO, &tui_photo_pane, N_("Keys in the photos") },
};
const size_t tui_pane_count = sizeof tui_panes / sizeof *tui_panes;

const struct tui_pane_info *tui_pane_by_name(const char *name)
{
	for (size_t i = 0; i < tui_pane_count; i++)
		if (strcmp(tui_panes[i].name, name) == 0)
			return &tui_panes[i];
	return NULL;
}

const struct tui_pane_info *tui_pane_by_flag(unsigned flag)
{
	for (size_t i = 0; i < tui_pane_count; i++)
		if (tui_panes[i].flag == flag)
			return &tui_panes[i];
	return NULL;
}

const struct tui_pane_info *tui_pane_by_ops(const struct pane_ops *ops)
{
	for (size_t i = 0; i < tui_pane_count; i++)
		if (tui_panes[i].ops == ops)
			return &tui_panes[i];
	return NULL;
}

const char *tui_pane_name(unsigned kind)
{
	const struct tui_pane_info *p = tui_pane_by_flag(kind);
	return p ? p->name : "?";
}

unsigned tui_pane_keys(const struct tui *t, const struct tui_pane *p)
{
	(void)t;
	const struct tui_pane_info *info = tui_pane_by_ops(p->ops);
	return info ? info->flag : 0;
}

/* The desk's first panes: each pane's start, in the registry's order (the
 * list first, at the bottom; the import review over it when asked for). */
bool tui_panes_start(struct tui *t, const struct nd_tui_options *opt)
{
	for (size_t i = 0; i < tui_pane_count; i++)
		if (tui_panes[i].ops->start && !tui_panes[i].ops->start(t, opt))
			return false;
	return t->depth > 0;
}

/* "list, item, …" for a message that names them all. */
void tui_pane_names(char *out, size_t size)
{
	size_t len = 0;
	out[0] = '\0';
	for (size_t i = 0; i < tui_pane_count && len < size; i++)
		len += (size_t)snprintf(out + len, size - len, "%s%s", i ? ", " : "",
					tui_panes[i].name);
}
