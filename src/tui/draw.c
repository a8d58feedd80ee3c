/* draw.c — drawing whole rows. We lay rows out ourselves at exact display
 * widths (nd_fit), so ncurses never has to wrap a wide character or cut one
 * in half, and every stored string passes the sanitiser on the way. */
#include "newsdesk/buf.h"
#include "newsdesk/tui_app.h"
#include "newsdesk/width.h"

void tui_draw_text(struct nd_buf *row, const char *text, int cols, bool pad, bool right)
{
	nd_fit(row, text ? text : "", cols, pad, right ? ND_ALIGN_RIGHT : ND_ALIGN_LEFT);
}

void tui_draw_row(int y, int x, int width, const char *text, int attr)
{
	/* ncurses refuses the bottom-right cell: leave it empty. */
	if (y == LINES - 1 && x + width >= COLS)
		width = COLS - x - 1;
	if (width <= 0)
		return;
	struct nd_buf row = ND_BUF_INIT;
	nd_fit(&row, text ? text : "", width, true, ND_ALIGN_LEFT);
	attrset(attr);
	mvaddstr(y, x, nd_buf_str(&row));
	attrset(A_NORMAL);
	nd_buf_free(&row);
}
