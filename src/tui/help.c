/* help.c — the help screen, rendered from the keymap table itself. */
#include "newsdesk/buf.h"
#include "newsdesk/tui_app.h"
#include "newsdesk/tui_editor.h"

static void help_draw(struct tui *t, int y, int height, int width)
{
	struct nd_buf row = ND_BUF_INIT;
	int line = 0, shown = 0;
	tui_draw_row(y, 0, width, _("Keys (q closes this help)"), A_BOLD | A_UNDERLINE);
	for (size_t i = 0; i < tui_key_count && shown < height - 1; i++) {
		const struct tui_key *k = &tui_keys[i];
		if (!k->label)
			continue; /* an alias of the row above */
		if (line++ < t->help_scroll)
			continue;
		nd_buf_reset(&row);
		tui_draw_text(&row, k->label, 12, true, false);
		nd_buf_adds(&row, "  ");
		nd_buf_adds(&row, _(k->help));
		tui_draw_row(y + 1 + shown++, 0, width, nd_buf_str(&row), A_NORMAL);
	}
	/* then the editor's own keys */
	if (shown < height - 1 && line++ >= t->help_scroll)
		tui_draw_row(y + 1 + shown++, 0, width, _("In the editor:"), A_BOLD);
	for (size_t i = 0; i < tui_editor_help_count && shown < height - 1; i++) {
		if (line++ < t->help_scroll)
			continue;
		nd_buf_reset(&row);
		tui_draw_text(&row, tui_editor_help[i].label, 18, true, false);
		nd_buf_adds(&row, "  ");
		nd_buf_adds(&row, _(tui_editor_help[i].help));
		tui_draw_row(y + 1 + shown++, 0, width, nd_buf_str(&row), A_NORMAL);
	}
	for (; shown < height - 1; shown++)
		tui_draw_row(y + 1 + shown, 0, width, "", A_NORMAL);
	nd_buf_free(&row);
}

static bool help_act(struct tui *t, enum tui_action action, int height)
{
	(void)height;
	size_t rows = 1 + tui_editor_help_count;
	for (size_t i = 0; i < tui_key_count; i++)
		rows += tui_keys[i].label != NULL;
	if (action == ACT_DOWN || action == ACT_PAGE_DOWN) {
		int step = action == ACT_DOWN ? 1 : (height > 3 ? height - 2 : 1);
		int max = (int)rows - (height - 1) > 0 ? (int)rows - (height - 1) : 0;
		t->help_scroll = t->help_scroll + step < max ? t->help_scroll + step : max;
	} else if (action == ACT_PAGE_UP)
		t->help_scroll = t->help_scroll > height - 2 ? t->help_scroll - (height - 2) : 0;
	else if (action == ACT_UP && t->help_scroll > 0)
		t->help_scroll--;
	else if (action == ACT_TOP)
		t->help_scroll = 0;
	else
		return false;
	return true;
}

const struct pane_ops tui_help_pane = { "help", help_draw, help_act };
