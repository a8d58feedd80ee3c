/* list.c — the article list pane. It holds only the rows on screen; the
 * core reads that window from SQLite, so a million items open as fast as
 * ten. */
#include "newsdesk/buf.h"
#include "newsdesk/count.h"
#include "newsdesk/tui_app.h"
#include "newsdesk/tui_counter.h"
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

void tui_list_draw(struct tui *t, struct tui_list *l, int y, int height, int width)
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
		if (r >= l->nrows) {
			tui_draw_row(y + i, 0, width,
				     r == 0 && l->nrows == 0 ? _("(no items here)") : "", A_NORMAL);
			continue;
		}
		const struct nd_item *it = &l->rows[r];
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
		bool selected = l->top + (int64_t)r == l->sel;
		int attr = selected ? (tui_pane_has_focus(t, l) ? A_REVERSE : A_BOLD) : A_NORMAL;
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

static void recount(struct tui *t, struct tui_list *l);
static void apply_total(struct tui *t, struct tui_list *l, int64_t total);
static void reload(struct tui *t, struct tui_list *l, int list_height);

int64_t tui_list_extent(const struct tui_list *l)
{
	if (l->total >= 0)
		return l->total;
	if (l->far)
		return TUI_LIST_FAR;
	return l->at_end ? l->top + (int64_t)l->nrows : TUI_LIST_FAR;
}

bool tui_list_request(struct tui *t, struct tui_list *l, enum tui_req req, long count)
{
	int height = l->height;
	/* a move to the end needs the list's length: counted now if not yet,
	   but a text limit's is counted beside the desk (its index's prefix
	   merge cannot give way to a key) and the moves go by what is known */
	if (!l->filter.text &&
	    (l->total < 0 || (l->total_stale && (req == REQ_BOTTOM || req == REQ_PAGE_DOWN))))
		recount(t, l);
	/* G before the end is known: read from it, positions counted back */
	if (l->total < 0 && !l->at_end && req == REQ_BOTTOM && count <= 0 && !l->far) {
		l->far = true; /* where the window was, counted back, is not known */
		tui_list_clear(l);
	}
	struct tui_nav n = { l->sel, l->top, tui_list_extent(l), false };
	int visible = height > 1 ? height - 1 : 1;
	if (!tui_nav_request(&n, req, count, visible))
		return false;
	if (tui_list_extent(l) == 0)
		return true;
	l->sel = n.sel;
	l->sel_id = 0; /* the index decides; reload finds the id */
	reload(t, l, height);
	return true;
}

void tui_list_clear(struct tui_list *l)
{
	nd_items_free(l->rows, l->nrows);
	l->rows = NULL;
	l->nrows = 0;
}

void tui_list_reset(struct tui_list *l, bool keep)
{
	tui_list_clear(l);
	l->total = -1;
	l->total_stale = false;
	l->at_end = false;
	l->far = false;
	tui_counter_drop(l->total_counter); /* of the list as it was */
	l->total_counter = NULL;
	if (!keep) {
		l->sel_id = 0;
		l->top = l->sel = 0;
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
static void take_rows(struct tui_list *l, struct nd_item *rows, size_t n)
{
	if (!l->rows) {
		l->rows = rows;
		l->nrows = n;
		return;
	}
	struct nd_item *all = realloc(l->rows, (l->nrows + n) * sizeof *all);
	if (!all) {
		nd_items_free(rows, n);
		return;
	}
	memcpy(all + l->nrows, rows, n * sizeof *rows);
	free(rows);
	l->rows = all;
	l->nrows += n;
}

/* One window query into t's rows. */
static int window(struct tui *t, struct tui_list *l, const struct nd_list_key *from, bool backward,
		  int64_t skip, int limit, struct nd_error *err)
{
	struct nd_item *rows;
	size_t n;
	int rc = nd_item_window(t->st, t->actor, &l->filter, from, backward, skip, limit, &rows, &n,
				err);
	if (rc == 0)
		take_rows(l, rows, n);
	return rc;
}

/* Forward from the anchor while the end is not known: the rows passed
 * over are read too, so a window past the end stops at it and its
 * positions stay exact. */
static int window_to_end(struct tui *t, struct tui_list *l, const struct nd_list_key *anchor,
			 int64_t old_top, int64_t skip, int visible, struct nd_error *err)
{
	int rc = window(t, l, anchor, false, 0, (int)(skip + visible), err);
	size_t drop = l->nrows > (size_t)visible ? l->nrows - (size_t)visible : 0;
	for (size_t i = 0; i < drop; i++)
		nd_item_free(&l->rows[i]);
	memmove(l->rows, l->rows + drop, (l->nrows - drop) * sizeof *l->rows);
	l->nrows -= drop;
	l->top = old_top + (int64_t)drop;
	return rc;
}

/* Back from the anchor: the rows before it, then from it on. Counting
 * back from the end (far), fewer rows than asked met the start: the
 * positions count from it again. */
static int window_back(struct tui *t, struct tui_list *l, const struct nd_list_key *anchor,
		       int64_t before, int visible, struct nd_error *err)
{
	int first = before < visible ? (int)before : visible;
	int rc = window(t, l, anchor, true, before - first, first, err);
	if (rc == 0 && l->far && l->nrows < (size_t)first) {
		tui_list_clear(l);
		l->far = false;
		l->top = l->sel = 0;
		return window(t, l, NULL, false, 0, visible, err);
	}
	if (rc == 0 && first < visible)
		rc = window(t, l, anchor, false, 0, visible - first, err);
	return rc;
}

/* Reads the window whose first row is at position top, the old window's
 * first row (at old_top, key anchor) known: the cheapest of a seek from
 * the anchor, from the start or from the end. */
static int read_window(struct tui *t, struct tui_list *l, int64_t top, int visible,
		       const struct nd_list_key *anchor, int64_t old_top, struct nd_error *err)
{
	bool total_known = l->total >= 0 || l->far;
	int64_t from_end = total_known ? tui_list_extent(l) - top - visible : INT64_MAX;
	int64_t from_anchor = anchor ? distance(top, old_top) : INT64_MAX;
	l->at_end = false;
	if (top == 0) { /* from the start: what is new at the top shows */
		l->far = false;
		return window(t, l, NULL, false, 0, visible, err);
	}
	if (anchor && top >= old_top && from_anchor <= top && from_anchor <= from_end)
		return total_known || top - old_top > INT32_MAX / 4
			   ? window(t, l, anchor, false, top - old_top, visible, err)
			   : window_to_end(t, l, anchor, old_top, top - old_top, visible, err);
	if (anchor && top < old_top && from_anchor <= top && from_anchor <= from_end)
		return window_back(t, l, anchor, old_top - top, visible, err);
	if (total_known && from_end < top) {
		l->at_end = from_end <= 0;
		return window(t, l, NULL, true, from_end > 0 ? from_end : 0, visible, err);
	}
	return window(t, l, NULL, false, top, visible, err);
}

/* Clamps the selection into the list and the window around it. */
static void place(struct tui_list *l, int visible)
{
	int64_t total = tui_list_extent(l);
	if (l->sel > total - 1)
		l->sel = total - 1;
	if (l->sel < 0)
		l->sel = 0;
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + visible)
		l->top = l->sel - visible + 1;
	if (l->top > total - visible)
		l->top = total - visible;
	if (l->top < 0)
		l->top = 0;
}

/* The selected item is still in the window read from the old first row's
 * key (the reload after another process's commit, a layout change): only
 * that window is read. */
static bool reload_in_place(struct tui *t, struct tui_list *l, const struct nd_list_key *anchor,
			    int visible, struct nd_error *err, int *rc)
{
	/* as many rows as before, when the pane shrank the selection may be
	   further down than it now shows */
	int want = (int)l->nrows > visible ? (int)l->nrows : visible;
	tui_list_clear(l);
	/* at the top the window is read from the start: items new there
	   show, and the selection moves down with its item */
	if ((*rc = window(t, l, l->top == 0 ? NULL : anchor, false, 0, want, err)) < 0)
		return true;
	l->at_end = l->nrows < (size_t)want;
	for (size_t r = 0; r < l->nrows; r++) {
		if (l->rows[r].id != l->sel_id)
			continue;
		size_t drop = r >= (size_t)visible ? r - (size_t)visible + 1 : 0;
		for (size_t i = 0; i < drop; i++)
			nd_item_free(&l->rows[i]);
		memmove(l->rows, l->rows + drop, (l->nrows - drop) * sizeof *l->rows);
		l->nrows -= drop;
		l->top += (int64_t)drop;
		while (l->nrows > (size_t)visible)
			nd_item_free(&l->rows[--l->nrows]);
		l->sel = l->top + (int64_t)(r - drop);
		return true;
	}
	return false;
}

static void reload(struct tui *t, struct tui_list *l, int list_height)
{
	struct nd_error err = { 0 };
	int visible = list_height > 1 ? list_height - 1 : 1;
	nd_state_counts_free(t->counts, t->ncounts);
	t->counts = NULL;
	t->ncounts = 0;
	if (nd_item_state_counts(t->st, t->actor, &t->counts, &t->ncounts, &err) < 0 ||
	    (l->total < 0 && !l->filter.text &&
	     nd_item_count(t->st, t->actor, &l->filter, &l->total, &err) < 0)) {
		tui_message(t, true, "%s", err.msg);
		return;
	}
	struct nd_list_key anchor;
	bool have_anchor = l->nrows > 0;
	if (have_anchor)
		nd_item_key(&l->filter, &l->rows[0], &anchor);
	int64_t old_top = l->top;
	int rc = 0;
	if (l->sel_id && have_anchor && reload_in_place(t, l, &anchor, visible, &err, &rc)) {
		if (rc < 0)
			tui_message(t, true, "%s", err.msg);
		return;
	}
	if (l->sel_id) {
		/* a jump to an item elsewhere: its position is counted */
		int64_t pos;
		if (nd_item_position(t->st, t->actor, &l->filter, l->sel_id, &pos, &err) == 0) {
			l->sel = pos;
			/* counted from the start: the window's place from the end
			   (far) says nothing of where that is */
			have_anchor = have_anchor && !l->far;
			l->far = false;
		}
	}
	place(l, visible);
	tui_list_clear(l);
	if (read_window(t, l, l->top, visible, have_anchor ? &anchor : NULL, old_top, &err) < 0) {
		tui_message(t, true, "%s", err.msg);
		return;
	}
	if (l->at_end && (l->total >= 0 || l->far)) {
		/* read from the end: exact there */
		l->top = tui_list_extent(l) - (int64_t)l->nrows;
	} else if (l->nrows < (size_t)visible) {
		l->at_end = true;
		if (l->total >= 0 && l->top + (int64_t)l->nrows != l->total)
			l->total_stale = true; /* the list ended sooner than counted */
	}
	if (l->top < 0)
		l->top = 0;
	if (l->sel >= l->top + (int64_t)l->nrows)
		l->sel = l->top + (int64_t)l->nrows - 1;
	if (l->sel < l->top)
		l->sel = l->top;
	size_t r = (size_t)(l->sel - l->top);
	l->sel_id = r < l->nrows ? l->rows[r].id : 0;
}

int64_t tui_list_next_id(struct tui *t, struct tui_list *l)
{
	size_t r = (size_t)(l->sel - l->top) + 1;
	if (r < l->nrows)
		return l->rows[r].id;
	if (!l->nrows)
		return 0;
	struct nd_list_key k;
	nd_item_key(&l->filter, &l->rows[l->nrows - 1], &k);
	struct nd_item *rows;
	size_t n;
	struct nd_error err = { 0 };
	int64_t id = 0;
	if (nd_item_window(t->st, t->actor, &l->filter, &k, false, 1, 1, &rows, &n, &err) == 0) {
		if (n)
			id = rows[0].id;
		nd_items_free(rows, n);
	}
	return id;
}

bool tui_list_idle_pending(const struct tui_list *l)
{
	return l->total < 0 || l->total_stale || (l->search[0] && l->match_total < 0);
}

bool tui_list_counting(const struct tui_list *l)
{
	return l->counter || l->total_counter;
}

/* A text limit's total, counted beside the desk (tui_counter.h): FTS5's
 * prefix merge for a word of one character (1.2 s at a million items)
 * cannot give way to a key. Where no thread can count it, here. */
static void count_beside(struct tui *t, struct tui_list *l)
{
	if (l->total_counter && !tui_counter_is_list(l->total_counter, &l->filter)) {
		tui_counter_drop(l->total_counter);
		l->total_counter = NULL;
	}
	if (!l->total_counter &&
	    !(l->total_counter = tui_counter_start_list(t->st, t->actor, &l->filter))) {
		recount(t, l);
		return;
	}
	struct nd_error err = { 0 };
	int64_t total = -1;
	int rc = tui_counter_poll(l->total_counter, &total, &err);
	if (rc == 0)
		return; /* still counting: looked at again soon */
	tui_counter_drop(l->total_counter);
	l->total_counter = NULL;
	if (rc < 0) {
		l->total_stale = false;
		tui_message(t, true, "%s", err.msg);
		total = tui_list_extent(l) < TUI_LIST_FAR ? tui_list_extent(l) : 0;
		l->total = total;
		if (l->far) { /* positions from the end cannot be placed: the start */
			l->far = false;
			l->top = l->sel = 0;
			tui_list_clear(l);
			tui_list_reload(t, l);
		}
		return;
	}
	apply_total(t, l, total);
}

/* The total counted again; a window at the end stays at the end. */
static void recount(struct tui *t, struct tui_list *l)
{
	struct nd_error err = { 0 };
	int64_t total;
	l->interrupted = false;
	if (nd_item_count(t->st, t->actor, &l->filter, &total, &err) < 0) {
		if (l->interrupted)
			return; /* a key first; counted when idle again */
		l->total_stale = false;
		tui_message(t, true, "%s", err.msg);
		l->total = l->total < 0 ? 0 : l->total;
		return;
	}
	apply_total(t, l, total);
}

/* A total counted: positions counted back from the end (far) move to the
 * start's count; a window at the end stays at the end. */
static void apply_total(struct tui *t, struct tui_list *l, int64_t total)
{
	l->total_stale = false;
	bool first = l->total < 0;
	if (l->far) {
		int64_t shift = total - TUI_LIST_FAR;
		l->far = false;
		l->top = l->top + shift > 0 ? l->top + shift : 0;
		l->sel = l->sel + shift > l->top ? l->sel + shift : l->top;
	} else if (l->at_end && l->top > 0 && (int64_t)l->nrows <= total) {
		/* a window read at the start is exact there whatever the count says */
		int64_t shift = total - (int64_t)l->nrows - l->top;
		l->top += shift;
		l->sel += shift;
	}
	l->total = total;
	if (first && l->filter.text)
		tui_message(t, false,
			    ngettext("limit %2$s: %1$lld item", "limit %2$s: %1$lld items",
				     (unsigned long)total),
			    (long long)total, l->limit);
}

/* A key waiting on the terminal: the idle count gives way to it. */
static int key_waiting(void *data)
{
	struct tui_list *l = data;
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
	if (poll(&p, 1, 0) > 0) {
		l->interrupted = true;
		return 1;
	}
	return 0;
}

bool tui_list_idle(struct tui *t, struct tui_list *l)
{
	/* in steps: a key that arrives ends the count, which starts again
	   from the beginning the next time the loop is idle */
	bool tty = isatty(STDIN_FILENO); /* /dev/null (the bench) always polls readable */
	if (tty)
		nd_store_set_interrupt(t->st, key_waiting, l);
	bool list_pending = l->total < 0 || l->total_stale;
	if (list_pending && l->filter.text)
		count_beside(t, l);
	else if (list_pending)
		recount(t, l);
	/* a limit's total and the search's are both counted beside: polled
	   side by side */
	if ((!list_pending || l->filter.text) && l->search[0] && l->match_total < 0)
		tui_search_count(t, l);
	if (tty)
		nd_store_set_interrupt(t->st, NULL, NULL);
	return tui_list_idle_pending(l);
}

void tui_list_reload(struct tui *t, struct tui_list *l)
{
	reload(t, l, l->height > 1 ? l->height : tui_available());
}

const struct nd_item *tui_list_selected(const struct tui_list *l)
{
	size_t r = (size_t)(l->sel - l->top);
	return r < l->nrows ? &l->rows[r] : NULL;
}

struct tui_list *tui_list_new(void)
{
	struct tui_list *l = calloc(1, sizeof *l);
	if (l)
		l->total = -1; /* counted at the first reload */
	return l;
}
