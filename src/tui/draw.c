/* draw.c — drawing whole rows. We lay rows out ourselves at exact display
 * widths (nd_fit), so ncurses never has to wrap a wide character or cut one
 * in half, and every stored string passes the sanitiser on the way. */
#include "newsdesk/buf.h"
#include "newsdesk/termcode.h"
#include "newsdesk/tui_app.h"
#include "newsdesk/utf8.h"
#include "newsdesk/width.h"

#include <stdlib.h>
#include <string.h>

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
	tui_put(y, x, nd_buf_str(&row));
	attrset(A_NORMAL);
	nd_buf_free(&row);
}

/* Wide characters, not bytes: ncursesw converts them to the locale's
 * multibyte charset (GB18030 under zh_CN.GB18030), where bytes would be
 * taken as that charset already. */
void tui_put(int y, int x, const char *utf8)
{
	size_t n = strlen(utf8), k = 0;
	wchar_t *wide = malloc((n + 1) * 2 * sizeof *wide);
	if (!wide)
		return;
	for (size_t i = 0; i < n;) {
		unsigned cp;
		int len = nd_utf8_decode(utf8 + i, n - i, &cp);
		i += len > 0 ? (size_t)len : 1;
		if (nd_term_shows(cp)) {
			wide[k++] = (wchar_t)cp;
			continue;
		}
		for (int c = nd_cp_width(cp); c > 0; c--)
			wide[k++] = L'?';
	}
	wide[k] = L'\0';
	mvaddnwstr(y, x, wide, (int)k);
	free(wide);
}

static const struct {
	unsigned cp;
	const char *utf8, *ascii;
} glyphs[] = {
	[GL_HLINE] = { 0x2500, "─", "-" }, [GL_VLINE] = { 0x2502, "│", "|" },
	[GL_TL] = { 0x250C, "┌", "+" },    [GL_TR] = { 0x2510, "┐", "+" },
	[GL_BL] = { 0x2514, "└", "+" },    [GL_BR] = { 0x2518, "┘", "+" },
	[GL_FULL] = { 0x2588, "█", "#" },  [GL_LIGHT] = { 0x2591, "░", "." },
};

const char *tui_glyph(enum tui_glyph g)
{
	if (nd_cp_width(glyphs[g].cp) != 1 || !nd_term_shows(glyphs[g].cp))
		return glyphs[g].ascii;
	return glyphs[g].utf8;
}

void tui_rule(struct nd_buf *b, int cols)
{
	const char *line = tui_glyph(GL_HLINE);
	for (int w = nd_text_width(nd_buf_str(b)); w < cols; w++)
		nd_buf_adds(b, line);
}
