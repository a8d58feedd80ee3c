/* wire.c — a frame to the terminal, quiet on a slow link. ncurses sends
 * only the cells that changed, but it moves a row's cells with the
 * terminal's insert- or delete-character only in a case a typed character
 * never makes (its row's end must not have moved, and nothing may follow
 * the change), so a 汉字 typed in the middle of a paragraph had ncurses
 * rewrite the rest of its row and of every row the paragraph re-wraps (326
 * bytes). Here a row whose cells moved by a few columns is moved on the
 * terminal first (ICH or DCH at the point), curses told what the terminal
 * now holds (curscr, the cells the move opened marked unknown), and then
 * ncurses sends what is left: the new cells and the rows' ends. Only where
 * the terminal has ich and dch, and only rows that lose nothing at the
 * margin. */
#include "newsdesk/tui_app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define MAX_SHIFT 8 /* columns a row may move by in one frame */
#define MIN_KEPT 8 /* non-blank cells the move must keep for it to pay */

struct cell {
	cchar_t c;
	int w; /* columns of the character starting here; 0: the second column of a wide one */
};

static void read_row(WINDOW *win, int y, struct cell *row, int cols)
{
	for (int x = 0; x < cols;) {
		cchar_t cc;
		wchar_t wch[CCHARW_MAX + 1] = { 0 };
		attr_t a;
		short pair;
		if (mvwin_wch(win, y, x, &cc) == ERR ||
		    getcchar(&cc, wch, &a, &pair, NULL) == ERR) {
			memset(&cc, 0, sizeof cc);
			setcchar(&cc, L" ", A_NORMAL, 0, NULL);
		}
		int w = wch[0] ? wcwidth(wch[0]) : 1;
		w = w == 2 && x + 1 < cols ? 2 : 1;
		row[x] = (struct cell){ cc, w };
		if (w == 2)
			row[x + 1] = (struct cell){ cc, 0 };
		x += w;
	}
}

static bool same(const struct cell *a, const struct cell *b)
{
	wchar_t wa[CCHARW_MAX + 1] = { 0 }, wb[CCHARW_MAX + 1] = { 0 };
	attr_t aa, ab;
	short pa, pb;
	if (a->w != b->w)
		return false;
	getcchar(&a->c, wa, &aa, &pa, NULL);
	getcchar(&b->c, wb, &ab, &pb, NULL);
	return wcscmp(wa, wb) == 0 && aa == ab && pa == pb;
}

static bool blank(const struct cell *c)
{
	wchar_t w[CCHARW_MAX + 1] = { 0 };
	attr_t a;
	short pair;
	getcchar(&c->c, w, &a, &pair, NULL);
	return c->w == 1 && w[0] == L' ' && !w[1] && (a & ~A_CHARTEXT) == A_NORMAL && pair == 0;
}

/* Non-blank cells of now that old holds shifted by k (k > 0: inserted at
 * f, k < 0: deleted there), counted from where the move ends; 0 when the
 * move would cut a wide character or lose a cell at the margin. */
static int kept(const struct cell *old, const struct cell *now, int cols, int f, int k)
{
	int n = 0;
	if (k > 0) {
		if (f + k >= cols || now[f + k].w == 0)
			return 0;
		for (int x = cols - k; x < cols; x++)
			if (!blank(&old[x]))
				return 0;
		for (int x = f + k; x < cols && same(&now[x], &old[x - k]); x++)
			n += !blank(&now[x]);
	} else {
		int d = -k;
		if (f + d >= cols || old[f + d].w == 0)
			return 0;
		for (int x = f; x + d < cols && same(&now[x], &old[x + d]); x++)
			n += !blank(&now[x]);
	}
	return n;
}

/* The row as the terminal will hold it after the move: old, with now's
 * cells inserted at f (k > 0) or old's cells deleted there (k < 0). */
static void moved(const struct cell *old, const struct cell *now, int cols, int f, int k,
		  struct cell *out)
{
	memcpy(out, old, (size_t)f * sizeof *out);
	if (k > 0) {
		memcpy(out + f, now + f, (size_t)k * sizeof *out);
		memcpy(out + f + k, old + f, (size_t)(cols - f - k) * sizeof *out);
		return;
	}
	int d = -k;
	memcpy(out + f, old + f + d, (size_t)(cols - f - d) * sizeof *out);
	for (int x = cols - d; x < cols; x++) {
		out[x] = (struct cell){ .w = 1 };
		setcchar(&out[x].c, L" ", A_NORMAL, 0, NULL);
	}
}

/* How the row moved, if it did: *f and *k (0: it did not, or too little). */
static void find_move(const struct cell *old, const struct cell *now, int cols, int *f, int *k)
{
	int best = MIN_KEPT - 1;
	*k = 0;
	for (*f = 0; *f < cols && same(&old[*f], &now[*f]); (*f)++)
		;
	if (*f >= cols || old[*f].w == 0 || now[*f].w == 0)
		return;
	for (int s = 1; s <= MAX_SHIFT; s++) {
		int in = kept(old, now, cols, *f, s), out = kept(old, now, cols, *f, -s);
		if (in > best) {
			best = in;
			*k = s;
		}
		if (out > best) {
			best = out;
			*k = -s;
		}
	}
}

static void write_row(WINDOW *win, int y, const struct cell *row, int cols)
{
	for (int x = 0; x < cols; x++)
		if (row[x].w)
			mvwadd_wch(win, y, x, &row[x].c);
}

/* A cell the terminal holds but curses cannot know (a cell the move
 * opened): never equal to a drawn one, so ncurses writes it. */
static void unknown(struct cell *c)
{
	*c = (struct cell){ .w = 1 };
	setcchar(&c->c, L"\uFFFD", A_PROTECT | A_INVIS, 0, NULL);
}

/* Moves row y on the terminal as old -> now's cells moved by k at f, and
 * tells curses. mvcur and putp write to stdout (curses' own low-level
 * output, which also keeps where curses knows the cursor is); the caller
 * flushes it before curses writes the frame. *at is where the cursor is
 * (-1: not known). */
static void move_row(int y, const struct cell *old, const struct cell *now, int cols, int f, int k,
		     const char *ich, const char *dch, int at[2])
{
	struct cell *after = malloc((size_t)cols * sizeof *after);
	if (!after)
		return;
	moved(old, now, cols, f, k, after);
	/* what the terminal opened: the inserted cells, or the right margin's */
	for (int x = k > 0 ? f : cols + k; x < (k > 0 ? f + k : cols); x++)
		unknown(&after[x]);
	mvcur(at[0], at[1], y, f);
	at[0] = y;
	at[1] = f;
	putp(tiparm(k > 0 ? ich : dch, k > 0 ? k : -k));
	write_row(curscr, y, after, cols);
	free(after);
}

static const char *capability(const char *name)
{
	const char *s = tigetstr(name);
	return s && s != (const char *)-1 ? s : NULL;
}

void tui_refresh(void)
{
	const char *ich = capability("ich"), *dch = capability("dch");
	/* the last row is left alone: ncurses keeps its bottom-right cell */
	int rows = LINES - 1, cols = COLS;
	struct cell *old = malloc((size_t)(cols > 0 ? cols : 1) * sizeof *old);
	struct cell *now = malloc((size_t)(cols > 0 ? cols : 1) * sizeof *now);
	/* where curses left the terminal's cursor (curscr's, after each frame;
	 * reading cells moves a window's cursor, so both are kept) */
	int cy, cx, sy, sx;
	getyx(curscr, cy, cx);
	getyx(stdscr, sy, sx);
	int at[2] = { cy, cx };
	bool any = false;
	for (int y = 0; ich && dch && old && now && y < rows; y++) {
		read_row(stdscr, y, now, cols);
		read_row(curscr, y, old, cols);
		int f, k;
		find_move(old, now, cols, &f, &k);
		if (k) {
			move_row(y, old, now, cols, f, k, ich, dch, at);
			any = true;
		}
	}
	if (any)
		fflush(stdout); /* the moves, before curses writes the frame */
	wmove(curscr, cy, cx);
	wmove(stdscr, sy, sx);
	free(old);
	free(now);
	refresh();
}
