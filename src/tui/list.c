/* list.c — the article list pane. It holds only the rows on screen; the
 * core reads that window from SQLite, so a million items open as fast as
 * ten. */
#include "newsdesk/buf.h"
#include "newsdesk/count.h"
#include "newsdesk/tui_app.h"
#include "newsdesk/width.h"

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

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
		if (r >= LS(t)->nrows) {
			tui_draw_row(y + i, 0, width,
				     r == 0 && LS(t)->nrows == 0 ? _("(no items here)") : "",
				     A_NORMAL);
			continue;
		}
		const struct nd_item *it = &LS(t)->rows[r];
		char id[24], chars[32], updated[32];
		snprintf(id, sizeof id, "%lld", (long long)it->id);
		nd_format_figure(it->chars, chars, sizeof chars);
		time_t when = (time_t)it->updated_at;
		struct tm tm;
		if (!localtime_r(&when, &tm) ||
		    !strftime(updated, sizeof updated, "%m-%d %H:%M", &tm))
			snprintf(updated, sizeof updated, "-");
		const char *cells[NCOLS] = {
			[COL_ID] = id,
			[COL_STATE] = tui_state_label(t, it->state),
			[COL_SECTION] = it->story.section,
			[COL_HEADLINE] = it->story.headline,
			[COL_BYLINE] = byline_of(it),
			[COL_CHARS] = chars,
			[COL_UPDATED] = updated,
		};
		int state_x = 0;
		nd_buf_reset(&row);
		format_row(&row, cells, w, &state_x);
		bool selected = LS(t)->top + (int64_t)r == LS(t)->sel;
		int attr = selected ? (LS(t)->focus == FOCUS_LIST ? A_REVERSE : A_BOLD) : A_NORMAL;
		tui_draw_row(y + i, 0, width, nd_buf_str(&row), attr);
		if (!selected && w[COL_STATE]) {
			nd_buf_reset(&row);
			tui_draw_text(&row, tui_state_label(t, it->state), w[COL_STATE], true,
				      false);
			attrset(tui_state_attr(t, it->state));
			tui_put(y + i, state_x, nd_buf_str(&row));
			attrset(A_NORMAL);
		}
	}
	nd_buf_free(&row);
}

static void recount(struct tui *t);

bool tui_list_request(struct tui *t, enum tui_req req, long count, int height)
{
	/* a move to the end needs the list's length: counted now if not yet */
	if (LS(t)->total < 0 || (LS(t)->total_stale && (req == REQ_BOTTOM || req == REQ_PAGE_DOWN)))
		recount(t);
	struct tui_nav n = { LS(t)->sel, LS(t)->top, LS(t)->total, false };
	int visible = height > 1 ? height - 1 : 1;
	if (!tui_nav_request(&n, req, count, visible))
		return false;
	if (LS(t)->total == 0)
		return true;
	LS(t)->sel = n.sel;
	LS(t)->sel_id = 0; /* the index decides; reload finds the id */
	tui_reload(t, height);
	return true;
}

void tui_list_clear(struct tui *t)
{
	nd_items_free(LS(t)->rows, LS(t)->nrows);
	LS(t)->rows = NULL;
	LS(t)->nrows = 0;
}

void tui_list_reset(struct tui *t, bool keep)
{
	tui_list_clear(t);
	LS(t)->total = -1;
	LS(t)->total_stale = false;
	LS(t)->at_end = false;
	if (!keep) {
		LS(t)->sel_id = 0;
		LS(t)->top = LS(t)->sel = 0;
	}
}

/* ---- the window ------------------------------------------------------------
 * The list is read a window at a time by keyset (nd_item_window): from the
 * key of the window's first row, or from whichever end is nearer, so a
 * reload after G, in the middle or under a filter reads about the rows it
 * shows. Positions (top, sel) are what navigation counts in; the total is
 * counted again in idle time after another process's commit. */

static int64_t distance(int64_t a, int64_t b)
{
	return a > b ? a - b : b - a;
}

/* Appends rows (taking them) to t's window. */
static void take_rows(struct tui *t, struct nd_item *rows, size_t n)
{
	if (!LS(t)->rows) {
		LS(t)->rows = rows;
		LS(t)->nrows = n;
		return;
	}
	struct nd_item *all = realloc(LS(t)->rows, (LS(t)->nrows + n) * sizeof *all);
	if (!all) {
		nd_items_free(rows, n);
		return;
	}
	memcpy(all + LS(t)->nrows, rows, n * sizeof *rows);
	free(rows);
	LS(t)->rows = all;
	LS(t)->nrows += n;
}

/* One window query into t's rows. */
static int window(struct tui *t, const struct nd_list_key *from, bool backward, int64_t skip,
		  int limit, struct nd_error *err)
{
	struct nd_item *rows;
	size_t n;
	int rc = nd_item_window(t->st, t->actor, &LS(t)->filter, from, backward, skip, limit, &rows,
				&n, err);
	if (rc == 0)
		take_rows(t, rows, n);
	return rc;
}

/* Reads the window whose first row is at position top, the old window's
 * first row (at old_top, key anchor) known: the cheapest of a seek from
 * the anchor, from the start or from the end. */
static int read_window(struct tui *t, int64_t top, int visible, const struct nd_list_key *anchor,
		       int64_t old_top, struct nd_error *err)
{
	bool total_known = LS(t)->total >= 0;
	int64_t from_end = total_known ? LS(t)->total - top - visible : INT64_MAX;
	int64_t from_anchor = anchor ? distance(top, old_top) : INT64_MAX;
	LS(t)->at_end = false;
	if (top == 0) /* from the start: what is new at the top shows */
		return window(t, NULL, false, 0, visible, err);
	if (anchor && top >= old_top && from_anchor <= top && from_anchor <= from_end)
		return window(t, anchor, false, top - old_top, visible, err);
	if (anchor && top < old_top && from_anchor <= top && from_anchor <= from_end) {
		/* the rows before the anchor, then from the anchor on */
		int64_t before = old_top - top;
		int first = before < visible ? (int)before : visible;
		int rc = window(t, anchor, true, before - first, first, err);
		if (rc == 0 && first < visible)
			rc = window(t, anchor, false, 0, visible - first, err);
		return rc;
	}
	if (total_known && from_end < top) {
		LS(t)->at_end = from_end <= 0;
		return window(t, NULL, true, from_end > 0 ? from_end : 0, visible, err);
	}
	return window(t, NULL, false, top, visible, err);
}

/* Clamps the selection into the list and the window around it. */
static void place(struct tui *t, int visible)
{
	int64_t total = LS(t)->total >= 0 ? LS(t)->total : INT64_MAX / 2;
	if (LS(t)->sel > total - 1)
		LS(t)->sel = total - 1;
	if (LS(t)->sel < 0)
		LS(t)->sel = 0;
	if (LS(t)->sel < LS(t)->top)
		LS(t)->top = LS(t)->sel;
	if (LS(t)->sel >= LS(t)->top + visible)
		LS(t)->top = LS(t)->sel - visible + 1;
	if (LS(t)->top > total - visible)
		LS(t)->top = total - visible;
	if (LS(t)->top < 0)
		LS(t)->top = 0;
}

/* The selected item is still in the window read from the old first row's
 * key (the reload after another process's commit, a layout change): only
 * that window is read. */
static bool reload_in_place(struct tui *t, const struct nd_list_key *anchor, int visible,
			    struct nd_error *err, int *rc)
{
	/* as many rows as before, when the pane shrank the selection may be
	   further down than it now shows */
	int want = (int)LS(t)->nrows > visible ? (int)LS(t)->nrows : visible;
	tui_list_clear(t);
	/* at the top the window is read from the start: items new there
	   show, and the selection moves down with its item */
	if ((*rc = window(t, LS(t)->top == 0 ? NULL : anchor, false, 0, want, err)) < 0)
		return true;
	LS(t)->at_end = LS(t)->nrows < (size_t)want;
	for (size_t r = 0; r < LS(t)->nrows; r++) {
		if (LS(t)->rows[r].id != LS(t)->sel_id)
			continue;
		size_t drop = r >= (size_t)visible ? r - (size_t)visible + 1 : 0;
		for (size_t i = 0; i < drop; i++)
			nd_item_free(&LS(t)->rows[i]);
		memmove(LS(t)->rows, LS(t)->rows + drop,
			(LS(t)->nrows - drop) * sizeof *LS(t)->rows);
		LS(t)->nrows -= drop;
		LS(t)->top += (int64_t)drop;
		while (LS(t)->nrows > (size_t)visible)
			nd_item_free(&LS(t)->rows[--LS(t)->nrows]);
		LS(t)->sel = LS(t)->top + (int64_t)(r - drop);
		return true;
	}
	return false;
}

void tui_reload(struct tui *t, int list_height)
{
	struct nd_error err = { 0 };
	int visible = list_height > 1 ? list_height - 1 : 1;
	nd_state_counts_free(t->counts, t->ncounts);
	t->counts = NULL;
	t->ncounts = 0;
	if (nd_item_state_counts(t->st, t->actor, &t->counts, &t->ncounts, &err) < 0 ||
	    (LS(t)->total < 0 && !LS(t)->filter.text &&
	     nd_item_count(t->st, t->actor, &LS(t)->filter, &LS(t)->total, &err) < 0)) {
		tui_message(t, true, "%s", err.msg);
		return;
	}
	struct nd_list_key anchor;
	bool have_anchor = LS(t)->nrows > 0;
	if (have_anchor)
		nd_item_key(&LS(t)->filter, &LS(t)->rows[0], &anchor);
	int64_t old_top = LS(t)->top;
	int rc = 0;
	if (LS(t)->sel_id && have_anchor && reload_in_place(t, &anchor, visible, &err, &rc)) {
		if (rc < 0)
			tui_message(t, true, "%s", err.msg);
		return;
	}
	if (LS(t)->sel_id) {
		/* a jump to an item elsewhere: its position is counted */
		int64_t pos;
		if (nd_item_position(t->st, t->actor, &LS(t)->filter, LS(t)->sel_id, &pos, &err) ==
		    0)
			LS(t)->sel = pos;
	}
	place(t, visible);
	tui_list_clear(t);
	if (read_window(t, LS(t)->top, visible, have_anchor ? &anchor : NULL, old_top, &err) < 0) {
		tui_message(t, true, "%s", err.msg);
		return;
	}
	if (LS(t)->at_end && LS(t)->total >= 0) {
		LS(t)->top =
		    LS(t)->total - (int64_t)LS(t)->nrows; /* read from the end: exact there */
	} else if (LS(t)->nrows < (size_t)visible) {
		LS(t)->at_end = true;
		if (LS(t)->total >= 0 && LS(t)->top + (int64_t)LS(t)->nrows != LS(t)->total)
			LS(t)->total_stale = true; /* the list ended sooner than counted */
	}
	if (LS(t)->top < 0)
		LS(t)->top = 0;
	if (LS(t)->sel >= LS(t)->top + (int64_t)LS(t)->nrows)
		LS(t)->sel = LS(t)->top + (int64_t)LS(t)->nrows - 1;
	if (LS(t)->sel < LS(t)->top)
		LS(t)->sel = LS(t)->top;
	int64_t old = LS(t)->sel_id;
	size_t r = (size_t)(LS(t)->sel - LS(t)->top);
	LS(t)->sel_id = r < LS(t)->nrows ? LS(t)->rows[r].id : 0;
	if (LS(t)->sel_id != old || LS(t)->preview.id != LS(t)->sel_id)
		tui_itemview_invalidate(&LS(t)->preview);
}

int64_t tui_list_next_id(struct tui *t)
{
	size_t r = (size_t)(LS(t)->sel - LS(t)->top) + 1;
	if (r < LS(t)->nrows)
		return LS(t)->rows[r].id;
	if (!LS(t)->nrows)
		return 0;
	struct nd_list_key k;
	nd_item_key(&LS(t)->filter, &LS(t)->rows[LS(t)->nrows - 1], &k);
	struct nd_item *rows;
	size_t n;
	struct nd_error err = { 0 };
	int64_t id = 0;
	if (nd_item_window(t->st, t->actor, &LS(t)->filter, &k, false, 1, 1, &rows, &n, &err) ==
	    0) {
		if (n)
			id = rows[0].id;
		nd_items_free(rows, n);
	}
	return id;
}

bool tui_idle_pending(const struct tui *t)
{
	return LS(t)->total < 0 || LS(t)->total_stale ||
	       (LS(t)->search[0] && LS(t)->match_total < 0);
}

/* The total counted again; a window at the end stays at the end. */
static void recount(struct tui *t)
{
	struct nd_error err = { 0 };
	int64_t total;
	LS(t)->interrupted = false;
	if (nd_item_count(t->st, t->actor, &LS(t)->filter, &total, &err) < 0) {
		if (LS(t)->interrupted)
			return; /* a key first; counted when idle again */
		LS(t)->total_stale = false;
		tui_message(t, true, "%s", err.msg);
		LS(t)->total = LS(t)->total < 0 ? 0 : LS(t)->total;
		return;
	}
	LS(t)->total_stale = false;
	bool first = LS(t)->total < 0;
	/* a window read at the start is exact there whatever the count says */
	if (LS(t)->at_end && LS(t)->top > 0 && (int64_t)LS(t)->nrows <= total) {
		int64_t shift = total - (int64_t)LS(t)->nrows - LS(t)->top;
		LS(t)->top += shift;
		LS(t)->sel += shift;
	}
	LS(t)->total = total;
	if (first && LS(t)->filter.text)
		tui_message(t, false,
			    ngettext("limit %2$s: %1$lld item", "limit %2$s: %1$lld items",
				     (unsigned long)total),
			    (long long)total, LS(t)->limit);
}

/* A key waiting on the terminal: the idle count gives way to it. */
static int key_waiting(void *data)
{
	struct tui *t = data;
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
	if (poll(&p, 1, 0) > 0) {
		LS(t)->interrupted = true;
		return 1;
	}
	return 0;
}

bool tui_list_idle(struct tui *t)
{
	/* in steps: a key that arrives ends the count, which starts again
	   from the beginning the next time the loop is idle */
	bool tty = isatty(STDIN_FILENO); /* /dev/null (the bench) always polls readable */
	if (tty)
		nd_store_set_interrupt(t->st, key_waiting, t);
	if (LS(t)->total < 0 || LS(t)->total_stale)
		recount(t);
	else if (LS(t)->search[0] && LS(t)->match_total < 0)
		tui_search_count(t);
	if (tty)
		nd_store_set_interrupt(t->st, NULL, NULL);
	return tui_idle_pending(t);
}

void tui_reload_list(struct tui *t)
{
	tui_reload(t, tui_list_height(t) ? tui_list_height(t) : 2);
}

const struct nd_item *tui_selected(const struct tui *t)
{
	size_t r = (size_t)(LS(t)->sel - LS(t)->top);
	return r < LS(t)->nrows ? &LS(t)->rows[r] : NULL;
}

struct tui_list *tui_list_new(void)
{
	struct tui_list *l = calloc(1, sizeof *l);
	if (l)
		l->total = -1; /* counted at the first reload */
	return l;
}
