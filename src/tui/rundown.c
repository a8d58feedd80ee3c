/* rundown.c — the rundown view of an issue: pages in order with their
 * items, 字数 against each page's budget; J/K move the selected item, m to
 * another page; F switches to the flat plan, the pages as a grid of boxes
 * the way a layout desk pins them on the wall. */
#include "newsdesk/buf.h"
#include "newsdesk/count.h"
#include "newsdesk/planning.h"
#include "newsdesk/tui_app.h"
#include "newsdesk/tui_rundown.h"
#include "newsdesk/width.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct tui_rundown {
	char code[40];
	struct nd_rundown r;
	bool loaded;
	size_t sel; /* index into r.items */
	int64_t sel_id;
	bool flat;
	int scroll;
};

static void load(struct tui *t)
{
	struct tui_rundown *rd = t->rd;
	struct nd_error err = { 0 };
	if (rd->loaded)
		nd_rundown_free(&rd->r);
	rd->loaded = false;
	if (nd_rundown_load(t->st, t->actor, rd->code, t->zh, &rd->r, &err) < 0) {
		tui_message(t, true, "%s", err.msg);
		return;
	}
	rd->loaded = true;
	rd->sel = 0;
	for (size_t i = 0; i < rd->r.n; i++)
		if (rd->r.items[i].id == rd->sel_id)
			rd->sel = i;
	if (rd->r.n)
		rd->sel_id = rd->r.items[rd->sel].id;
}

bool tui_rundown_open(struct tui *t, const char *code)
{
	struct tui_rundown *rd = calloc(1, sizeof *rd);
	if (!rd)
		return false;
	snprintf(rd->code, sizeof rd->code, "%s", code);
	t->rd = rd;
	load(t);
	if (!rd->loaded) {
		tui_rundown_close(t);
		return false;
	}
	return true;
}

void tui_rundown_close(struct tui *t)
{
	if (!t->rd)
		return;
	if (t->rd->loaded)
		nd_rundown_free(&t->rd->r);
	free(t->rd);
	t->rd = NULL;
}

static void budget(const struct nd_rundown_page *pg, char *out, size_t size)
{
	char c[32], b[32];
	nd_format_count(pg->chars, c, sizeof c);
	if (pg->budget < 0) {
		snprintf(out, size, "%s", c);
		return;
	}
	nd_format_count(pg->budget, b, sizeof b);
	snprintf(out, size, "%s/%s%s", c, b, pg->chars > pg->budget ? " !" : "");
}

static bool page_unsigned(const struct nd_rundown *r, const struct nd_rundown_page *pg)
{
	for (size_t i = pg->first; i < pg->first + pg->count; i++)
		if (!r->items[i].signed_off)
			return true;
	return false;
}

static void draw_list(struct tui *t, int y, int height, int width)
{
	struct tui_rundown *rd = t->rd;
	const struct nd_rundown *r = &rd->r;
	struct nd_buf row = ND_BUF_INIT;
	int line = 0, sel_line = 0;
	/* find the selection's row to keep it in view */
	for (size_t p = 0; p < r->npages; p++) {
		line++;
		for (size_t i = r->pages[p].first; i < r->pages[p].first + r->pages[p].count;
		     i++, line++)
			if (i == rd->sel)
				sel_line = line;
	}
	if (sel_line < rd->scroll)
		rd->scroll = sel_line;
	if (sel_line >= rd->scroll + height)
		rd->scroll = sel_line - height + 1;
	line = 0;
	int drawn = 0;
	for (size_t p = 0; p < r->npages && drawn < height; p++) {
		const struct nd_rundown_page *pg = &r->pages[p];
		char b[80];
		budget(pg, b, sizeof b);
		if (line++ >= rd->scroll) {
			nd_buf_reset(&row);
			nd_buf_printf(&row, _("Page %d"), pg->page);
			nd_buf_printf(&row, "  %s  %s %s", pg->section ? pg->section : "", b,
				      _("chars"));
			tui_draw_row(y + drawn++, 0, width, nd_buf_str(&row), A_BOLD);
		}
		for (size_t i = pg->first; i < pg->first + pg->count && drawn < height; i++) {
			if (line++ < rd->scroll)
				continue;
			const struct nd_rundown_item *it = &r->items[i];
			char pos[16], chars[32];
			snprintf(pos, sizeof pos, "%4d ", it->position);
			nd_format_count(it->chars, chars, sizeof chars);
			nd_buf_reset(&row);
			nd_buf_adds(&row, pos);
			tui_draw_text(&row, it->state_label, 9, true, false);
			nd_buf_addc(&row, ' ');
			tui_draw_text(&row, it->headline, width - 40 > 10 ? width - 40 : 10, true,
				      false);
			nd_buf_addc(&row, ' ');
			tui_draw_text(&row, it->byline ? it->byline : it->reporter, 12, true,
				      false);
			nd_buf_addc(&row, ' ');
			tui_draw_text(&row, chars, 7, true, true);
			tui_draw_row(y + drawn++, 0, width, nd_buf_str(&row),
				     i == rd->sel ? A_REVERSE : A_NORMAL);
		}
	}
	for (; drawn < height; drawn++)
		tui_draw_row(y + drawn, 0, width, drawn == 0 && !r->npages ? _("(no pages)") : "",
			     A_NORMAL);
	nd_buf_free(&row);
}

/* The flat plan: boxes of 16 columns × 4 rows. */
static void draw_flat(struct tui *t, int y, int height, int width)
{
	struct tui_rundown *rd = t->rd;
	const struct nd_rundown *r = &rd->r;
	enum { BOX_W = 16, BOX_H = 5 };
	int per_row = width / BOX_W > 0 ? width / BOX_W : 1;
	for (int i = 0; i < height; i++)
		tui_draw_row(y + i, 0, width, "", A_NORMAL);
	const struct nd_rundown_item *sel = r->n ? &r->items[rd->sel] : NULL;
	for (size_t p = 0; p < r->npages; p++) {
		const struct nd_rundown_page *pg = &r->pages[p];
		int bx = (int)(p % (size_t)per_row) * BOX_W,
		    by = y + (int)(p / (size_t)per_row) * BOX_H;
		if (by + BOX_H > y + height)
			break;
		bool here = sel && sel->page == pg->page;
		int attr = here ? A_BOLD : A_NORMAL;
		char line[128], b[80];
		budget(pg, b, sizeof b);
		struct nd_buf cell = ND_BUF_INIT;
		snprintf(line, sizeof line, "┌%s┐", "──────────────");
		mvaddstr(by, bx, line);
		nd_buf_printf(&cell, "P%d %s", pg->page, pg->section ? pg->section : "");
		struct nd_buf row = ND_BUF_INIT;
		nd_buf_adds(&row, "│");
		tui_draw_text(&row, nd_buf_str(&cell), 14, true, false);
		nd_buf_adds(&row, "│");
		attrset(attr);
		mvaddstr(by + 1, bx, nd_buf_str(&row));
		nd_buf_reset(&row);
		nd_buf_adds(&row, "│");
		tui_draw_text(&row, b, 14, true, false);
		nd_buf_adds(&row, "│");
		mvaddstr(by + 2, bx, nd_buf_str(&row));
		/* fill against budget: ten cells */
		nd_buf_reset(&row);
		nd_buf_adds(&row, "│");
		int fill =
		    pg->budget > 0 ? (int)(pg->chars * 10 / pg->budget) : (pg->count ? 10 : 0);
		if (fill > 10)
			fill = 10;
		for (int k = 0; k < 10; k++)
			nd_buf_adds(&row, k < fill ? "█" : "░");
		nd_buf_printf(&row, " %s  │", page_unsigned(r, pg) ? "!" : (pg->count ? "✓" : " "));
		mvaddstr(by + 3, bx, nd_buf_str(&row));
		attrset(A_NORMAL);
		snprintf(line, sizeof line, "└%s┘", "──────────────");
		mvaddstr(by + 4, bx, line);
		nd_buf_free(&row);
		nd_buf_free(&cell);
	}
}

void tui_rundown_draw(struct tui *t, int y, int height, int width)
{
	struct tui_rundown *rd = t->rd;
	struct nd_buf head = ND_BUF_INIT;
	char chars[32];
	nd_format_count(rd->r.chars, chars, sizeof chars);
	nd_buf_printf(&head, "── %s · %s %s · %zu %s · %s %s · %s %zu ", rd->r.issue.title,
		      rd->r.issue.date ? rd->r.issue.date : "", rd->code, rd->r.n, _("items"),
		      chars, _("chars"), _("not signed off"), rd->r.unsigned_items);
	for (int w = nd_text_width(nd_buf_str(&head)); w < width; w++)
		nd_buf_adds(&head, "─");
	tui_draw_row(y, 0, width, nd_buf_str(&head), A_BOLD);
	nd_buf_free(&head);
	if (rd->flat)
		draw_flat(t, y + 1, height - 1, width);
	else
		draw_list(t, y + 1, height - 1, width);
}

static void move_item(struct tui *t, int page, int position)
{
	struct tui_rundown *rd = t->rd;
	struct nd_error err = { 0 };
	const struct nd_rundown_item *it = &rd->r.items[rd->sel];
	int64_t id = it->id;
	if (nd_item_move(t->st, t->actor, id, page, position, &err) < 0)
		tui_message(t, true, "%s", err.msg);
	else
		tui_message(t, false, _("#%lld now on page %d"), (long long)id, page);
	rd->sel_id = id;
	load(t);
}

bool tui_rundown_key(struct tui *t, int kind, wint_t ch)
{
	struct tui_rundown *rd = t->rd;
	const struct nd_rundown *r = &rd->r;
	if (kind == OK && (ch == 'q' || ch == 27)) {
		tui_rundown_close(t);
		return false;
	}
	if (kind == OK && ch == 'F') {
		rd->flat = !rd->flat;
		return true;
	}
	if (!r->n)
		return true;
	const struct nd_rundown_item *it = &r->items[rd->sel];
	const struct nd_rundown_page *pg = &r->pages[it->page - 1];
	if ((kind == OK && ch == 'j') || (kind == KEY_CODE_YES && ch == KEY_DOWN)) {
		if (rd->sel + 1 < r->n)
			rd->sel++;
	} else if ((kind == OK && ch == 'k') || (kind == KEY_CODE_YES && ch == KEY_UP)) {
		if (rd->sel > 0)
			rd->sel--;
	} else if (kind == OK && ch == 'K') {
		if (it->position > 1)
			move_item(t, it->page, it->position - 1);
		else if (it->page > 1)
			move_item(t, it->page - 1, 0);
	} else if (kind == OK && ch == 'J') {
		if ((size_t)it->position < pg->count)
			move_item(t, it->page, it->position + 1);
		else if ((size_t)it->page < r->npages)
			move_item(t, it->page + 1, 1);
	} else if (kind == OK && ch == 'm') {
		char q[96];
		snprintf(q, sizeof q, _("Move #%lld to page: "), (long long)it->id);
		char *answer = tui_prompt(q, NULL);
		if (answer && atoi(answer) > 0)
			move_item(t, atoi(answer), 0);
		free(answer);
	} else if (kind == OK && ch == 'g') {
		rd->sel = 0;
	} else if (kind == OK && ch == 'G') {
		rd->sel = r->n - 1;
	}
	if (rd->loaded && rd->r.n)
		rd->sel_id = rd->r.items[rd->sel < rd->r.n ? rd->sel : 0].id;
	return true;
}

void tui_rundown_reload(struct tui *t)
{
	if (t->rd)
		load(t);
}
