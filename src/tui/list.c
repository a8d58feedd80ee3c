/* list.c — the article list pane. It holds only the rows on screen; the
 * core reads that window from SQLite, so a million items open as fast as
 * ten. */
#include "newsdesk/buf.h"
#include "newsdesk/count.h"
#include "newsdesk/tui_app.h"
#include "newsdesk/width.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

struct column {
	const char *title; /* N_() */
	int width; /* 0: the rest */
	bool right;
};

enum { COL_ID, COL_STATE, COL_SECTION, COL_HEADLINE, COL_BYLINE, COL_CHARS, COL_UPDATED, NCOLS };

static const struct column columns[NCOLS] = {
	[COL_ID] = { N_("ID"), 6, true },
	[COL_STATE] = { N_("State"), 9, false },
	[COL_SECTION] = { N_("Section"), 8, false },
	[COL_HEADLINE] = { N_("Headline"), 0, false },
	[COL_BYLINE] = { N_("Byline"), 12, false },
	[COL_CHARS] = { N_("Chars"), 6, true },
	[COL_UPDATED] = { N_("Updated"), 11, false },
};

/* Column widths for a pane width; narrow panes drop the less needed. */
static void layout(int width, int w[NCOLS])
{
	int fixed = 0;
	for (int c = 0; c < NCOLS; c++)
		w[c] = columns[c].width;
	if (width < 100)
		w[COL_UPDATED] = 0;
	if (width < 80)
		w[COL_SECTION] = 0;
	for (int c = 0; c < NCOLS; c++)
		if (c != COL_HEADLINE && w[c])
			fixed += w[c] + 1;
	w[COL_HEADLINE] = width - fixed - 1;
	if (w[COL_HEADLINE] < 10)
		w[COL_HEADLINE] = 10;
}

static const char *byline_of(const struct nd_item *it)
{
	if (it->story.byline && it->story.byline[0])
		return it->story.byline;
	return it->reporter_name ? it->reporter_name : it->reporter;
}

/* Lays out one row; *state_x receives the column where the state starts. */
static void format_row(struct nd_buf *row, const char *cells[NCOLS], const int w[NCOLS],
		       int *state_x)
{
	int x = 0;
	for (int c = 0; c < NCOLS; c++) {
		if (!w[c])
			continue;
		if (c == COL_STATE && state_x)
			*state_x = x;
		tui_draw_text(row, cells[c], w[c], true, columns[c].right);
		nd_buf_addc(row, ' ');
		x += w[c] + 1;
	}
}

void tui_list_draw(struct tui *t, int y, int height, int width)
{
	int w[NCOLS];
	layout(width, w);
	const char *titles[NCOLS];
	for (int c = 0; c < NCOLS; c++)
		titles[c] = _(columns[c].title);
	struct nd_buf row = ND_BUF_INIT;
	format_row(&row, titles, w, NULL);
	tui_draw_row(y, 0, width, nd_buf_str(&row), A_BOLD | A_UNDERLINE);
	for (int i = 1; i < height; i++) {
		size_t r = (size_t)(i - 1);
		if (r >= t->nrows) {
			tui_draw_row(y + i, 0, width,
				     r == 0 && t->total == 0 ? _("(no items here)") : "", A_NORMAL);
			continue;
		}
		const struct nd_item *it = &t->rows[r];
		char id[24], chars[32], updated[32];
		snprintf(id, sizeof id, "%lld", (long long)it->id);
		nd_format_count(it->chars, chars, sizeof chars);
		time_t when = (time_t)it->updated_at;
		struct tm tm;
		if (!localtime_r(&when, &tm) ||
		    !strftime(updated, sizeof updated, "%m-%d %H:%M", &tm))
			snprintf(updated, sizeof updated, "-");
		const char *cells[NCOLS] = {
			[COL_ID] = id,
			[COL_STATE] = it->state_label,
			[COL_SECTION] = it->story.section,
			[COL_HEADLINE] = it->story.headline,
			[COL_BYLINE] = byline_of(it),
			[COL_CHARS] = chars,
			[COL_UPDATED] = updated,
		};
		int state_x = 0;
		nd_buf_reset(&row);
		format_row(&row, cells, w, &state_x);
		bool selected = t->top + (int64_t)r == t->sel;
		int attr = selected ? (t->focus == FOCUS_LIST ? A_REVERSE : A_BOLD) : A_NORMAL;
		tui_draw_row(y + i, 0, width, nd_buf_str(&row), attr);
		if (!selected && w[COL_STATE]) {
			nd_buf_reset(&row);
			tui_draw_text(&row, it->state_label, w[COL_STATE], true, false);
			attrset(tui_state_attr(t, it->state));
			tui_put(y + i, state_x, nd_buf_str(&row));
			attrset(A_NORMAL);
		}
	}
	nd_buf_free(&row);
}

bool tui_list_request(struct tui *t, enum tui_req req, long count, int height)
{
	struct tui_nav n = { t->sel, t->top, t->total, false };
	int visible = height > 1 ? height - 1 : 1;
	if (!tui_nav_request(&n, req, count, visible))
		return false;
	if (t->total == 0)
		return true;
	t->sel = n.sel;
	t->sel_id = 0; /* the index decides; reload finds the id */
	tui_reload(t, height);
	return true;
}

void tui_list_clear(struct tui *t)
{
	nd_items_free(t->rows, t->nrows);
	t->rows = NULL;
	t->nrows = 0;
}
