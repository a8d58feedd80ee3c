/* rundown.c — the rundown view of an issue: pages in order with their
 * items, 版面字数 against each page's budget; J/K move the selected item, m to
 * another page; F switches to the flat plan, the pages as a grid of boxes
 * the way a layout desk pins them on the wall. */
#include "newsdesk/rundown.h"
#include "newsdesk/buf.h"
#include "newsdesk/count.h"
#include "newsdesk/number.h"
#include "newsdesk/planning.h"
#include "newsdesk/tui_app.h"
#include "newsdesk/tui_review.h"
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
	int scroll;
};

static void load(struct tui *t, struct tui_rundown *rd)
{
	struct nd_error err = { 0 };
	if (rd->loaded)
		nd_rundown_free(&rd->r);
	rd->loaded = false;
	if (nd_rundown_load(t->st, t->actor, rd->code, &rd->r, &err) < 0) {
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

static void budget(const struct nd_rundown_page *pg, char *out, size_t size)
{
	/* a budget is in 版面字数 */
	char c[32], b[32];
	nd_format_count(pg->layout, c, sizeof c);
	if (pg->budget < 0) {
		snprintf(out, size, "%s", c);
		return;
	}
	nd_format_count(pg->budget, b, sizeof b);
	/* over budget: by how much (the box's mark is for its items' sign-off:
	 * ! one not signed off, ✓ all signed off, never both) */
	if (pg->layout > pg->budget) {
		char d[32];
		nd_format_count(pg->layout - pg->budget, d, sizeof d);
		snprintf(out, size, "%s/%s +%s", c, b, d);
	} else {
		snprintf(out, size, "%s/%s", c, b);
	}
}

/* The same in a flat-plan box (14 columns): over budget, the page's
 * 版面字数 and by how much. */
static void box_budget(const struct nd_rundown_page *pg, char *out, size_t size)
{
	if (pg->budget < 0 || pg->layout <= pg->budget) {
		budget(pg, out, size);
		return;
	}
	char c[32], d[32];
	nd_format_count(pg->layout, c, sizeof c);
	nd_format_count(pg->layout - pg->budget, d, sizeof d);
	snprintf(out, size, "%s (+%s)", c, d);
}

static bool page_unsigned(const struct nd_rundown *r, const struct nd_rundown_page *pg)
{
	for (size_t i = pg->first; i < pg->first + pg->count; i++)
		if (!r->items[i].signed_off)
			return true;
	return false;
}

static void draw_list(struct tui_rundown *rd, int y, int height, int width)
{
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
		char b[112];
		budget(pg, b, sizeof b);
		if (line++ >= rd->scroll) {
			nd_buf_reset(&row);
			nd_buf_printf(&row, _("Page %d"), pg->page);
			nd_buf_printf(&row, "  %s  ", pg->section ? pg->section : "");
			nd_buf_printf(&row, _("%1$s layout chars at %2$d a line"), b, pg->cpl);
			tui_draw_row(y + drawn++, 0, width, nd_buf_str(&row), A_BOLD);
		}
		for (size_t i = pg->first; i < pg->first + pg->count && drawn < height; i++) {
			if (line++ < rd->scroll)
				continue;
			const struct nd_rundown_item *it = &r->items[i];
			char pos[16], chars[32];
			snprintf(pos, sizeof pos, "%4d ", it->position);
			nd_format_figure(it->layout, chars,
					 sizeof chars); /* what the budget counts */
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
/* The top or bottom edge of a page's box: corner, 14 rules, corner. */
static void box_edge(char *out, size_t size, enum tui_glyph left, enum tui_glyph right)
{
	struct nd_buf b = ND_BUF_INIT;
	nd_buf_adds(&b, tui_glyph(left));
	for (int i = 0; i < 14; i++)
		nd_buf_adds(&b, tui_glyph(GL_HLINE));
	nd_buf_adds(&b, tui_glyph(right));
	snprintf(out, size, "%s", nd_buf_str(&b));
	nd_buf_free(&b);
}

static void draw_flat(struct tui_rundown *rd, int y, int height, int width)
{
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
		char line[128], b[112];
		box_budget(pg, b, sizeof b);
		struct nd_buf cell = ND_BUF_INIT;
		box_edge(line, sizeof line, GL_TL, GL_TR);
		tui_put(by, bx, line);
		nd_buf_printf(&cell, _("P%d"), pg->page);
		nd_buf_printf(&cell, " %s", pg->section ? pg->section : "");
		struct nd_buf row = ND_BUF_INIT;
		nd_buf_adds(&row, tui_glyph(GL_VLINE));
		tui_draw_text(&row, nd_buf_str(&cell), 14, true, false);
		nd_buf_adds(&row, tui_glyph(GL_VLINE));
		attrset(attr);
		tui_put(by + 1, bx, nd_buf_str(&row));
		nd_buf_reset(&row);
		nd_buf_adds(&row, tui_glyph(GL_VLINE));
		tui_draw_text(&row, b, 14, true, false);
		nd_buf_adds(&row, tui_glyph(GL_VLINE));
		tui_put(by + 2, bx, nd_buf_str(&row));
		/* fill against budget: ten cells */
		nd_buf_reset(&row);
		nd_buf_adds(&row, tui_glyph(GL_VLINE));
		int fill =
		    pg->budget > 0 ? (int)(pg->layout * 10 / pg->budget) : (pg->count ? 10 : 0);
		if (fill > 10)
			fill = 10;
		for (int k = 0; k < 10; k++)
			nd_buf_adds(&row, tui_glyph(k < fill ? GL_FULL : GL_LIGHT));
		nd_buf_printf(&row, " %s  %s", page_unsigned(r, pg) ? "!" : (pg->count ? "✓" : " "),
			      tui_glyph(GL_VLINE));
		tui_put(by + 3, bx, nd_buf_str(&row));
		attrset(A_NORMAL);
		box_edge(line, sizeof line, GL_BL, GL_BR);
		tui_put(by + 4, bx, line);
		nd_buf_free(&row);
		nd_buf_free(&cell);
	}
}

/* The issue's line over the rundown and over its flat plan. */
static void draw_head(struct tui_rundown *rd, int y, int width)
{
	struct nd_buf head = ND_BUF_INIT;
	char chars[32], hanzi[32], layout[32];
	nd_format_count(rd->r.chars, chars, sizeof chars);
	nd_format_count(rd->r.hanzi, hanzi, sizeof hanzi);
	nd_format_count(rd->r.layout, layout, sizeof layout);
	nd_buf_printf(&head, "── %s · %s %s · %zu %s · ", rd->r.issue.title,
		      rd->r.issue.date ? rd->r.issue.date : "", rd->code, rd->r.n, _("items"));
	nd_buf_printf(&head, _("%1$s chars · %2$s Han · %3$s layout"), chars, hanzi, layout);
	nd_buf_printf(&head, " · %s %zu ", _("not signed off"), rd->r.unsigned_items);
	for (int w = nd_text_width(nd_buf_str(&head)); w < width; w++)
		nd_buf_adds(&head, "─");
	tui_draw_row(y, 0, width, nd_buf_str(&head), A_BOLD);
	nd_buf_free(&head);
}

static void rundown_draw(struct tui *t, void *data, int y, int height, int width)
{
	(void)t;
	struct tui_rundown *rd = data;
	draw_head(rd, y, width);
	draw_list(rd, y + 1, height - 1, width);
}

static void move_item(struct tui *t, struct tui_rundown *rd, int page, int position)
{
	struct nd_error err = { 0 };
	const struct nd_rundown_item *it = &rd->r.items[rd->sel];
	int64_t id = it->id;
	if (nd_item_move(t->st, t->actor, id, page, position, &err) < 0)
		tui_message(t, true, "%s", err.msg);
	else
		tui_message(t, false, _("#%1$lld now on page %2$d"), (long long)id, page);
	rd->sel_id = id;
	load(t, rd);
}

/* m: the page typed is read by the CLI's own number parser. */
static void to_page(struct tui *t, struct tui_rundown *rd, int64_t id)
{
	char q[96];
	long long page;
	snprintf(q, sizeof q, _("Move #%lld to page: "), (long long)id);
	char *answer = tui_prompt(t, q, NULL, NULL);
	if (answer && answer[0] && nd_parse_number(answer, 1, 10000, &page) == 0)
		move_item(t, rd, (int)page, 0);
	else if (answer && answer[0])
		tui_message(t, true, _("not a page number: '%s'"), answer);
	free(answer);
}

/* P: the issue published as `newsdesk issue publish` does (its rule: every
 * placed item signed off), after asking. */
static void publish_issue(struct tui *t, struct tui_rundown *rd)
{
	struct nd_error err = { 0 };
	struct nd_publish_result res;
	/* the question names what is still open before the chief says yes */
	struct nd_buf open = ND_BUF_INIT, q = ND_BUF_INIT;
	nd_rundown_open(&rd->r, &open);
	if (open.len) {
		/* on the row above the question, which is one line */
		struct nd_buf above = ND_BUF_INIT;
		nd_buf_printf(&above, _("Still open: %s"), nd_buf_str(&open));
		tui_draw_row(LINES - 2, 0, COLS, nd_buf_str(&above), A_BOLD);
		nd_buf_free(&above);
		nd_buf_printf(&q,
			      _("Publish issue %1$s (%2$zu items) with what is still open (above)? "
				"This cannot be undone. (y/n) "),
			      rd->code, rd->r.n);
	} else
		nd_buf_printf(&q,
			      _("Publish issue %1$s (%2$zu items)? This cannot be undone. (y/n) "),
			      rd->code, rd->r.n);
	bool yes = tui_confirm(nd_buf_str(&q));
	nd_buf_free(&open);
	nd_buf_free(&q);
	if (!yes) {
		tui_message(t, false, "%s", _("not published"));
		return;
	}
	if (nd_issue_publish(t->st, t->actor, rd->code, false, &res, &err) < 0)
		tui_message(t, true, "%s", err.msg);
	else
		tui_message(t, false, _("issue %1$s published: %2$zu items"), rd->code,
			    res.published);
	load(t, rd);
}

static const char *rd_row(const void *data, size_t i)
{
	const struct tui_rundown *rd = data;
	return i < rd->r.n ? rd->r.items[i].headline : NULL;
}

/* Moving the selection (j k … and / n N over the rows' headlines), shared
 * by the rundown and its flat plan; true when req was one of them. */
static bool rd_move(struct tui *t, struct tui_rundown *rd, enum tui_req req, long count, int height)
{
	const struct nd_rundown *r = &rd->r;
	struct tui_nav n = { (int64_t)rd->sel, rd->scroll, (int64_t)r->n, false };
	if (!tui_nav_request(&n, req, count, height - 1) && !tui_nav_find(t, &n, req, rd_row, rd))
		return false;
	rd->sel = (size_t)n.sel;
	if (r->n)
		rd->sel_id = r->items[rd->sel].id;
	return true;
}

/* What the rundown and the flat plan do to the selected item: open it,
 * review it, the workflow's verbs and a note. REQ_NONE when handled. */
static enum tui_req rd_act(struct tui *t, struct tui_rundown *rd, enum tui_req req)
{
	const struct tui_request *info = tui_request_info(req);
	bool verb = info && info->verb;
	if (req != REQ_OPEN && req != REQ_REVIEW && req != REQ_NOTE && !verb)
		return req;
	if (!rd->r.n) {
		tui_message(t, true, "%s", _("no item placed in this issue"));
		return REQ_NONE;
	}
	int64_t id = rd->r.items[rd->sel].id;
	if (req == REQ_OPEN)
		tui_item_open(t, id);
	else if (req == REQ_REVIEW)
		tui_review_open(t, id);
	else if (req == REQ_NOTE)
		tui_add_note(t, id);
	else
		tui_run_verb(t, id, info->verb); /* every pane refreshes after the key */
	return REQ_NONE;
}

static enum tui_req rundown_request(struct tui *t, void *data, enum tui_req req, long count,
				    int height)
{
	struct tui_rundown *rd = data;
	const struct nd_rundown *r = &rd->r;
	if (req == REQ_FLAT) {
		tui_pane_push(t, &tui_flat_pane, rd);
		return REQ_NONE;
	}
	if (req == REQ_PUBLISH_ISSUE) {
		publish_issue(t, rd);
		return REQ_NONE;
	}
	if (rd_move(t, rd, req, count, height))
		return REQ_NONE;
	if (req != REQ_MOVE_UP && req != REQ_MOVE_DOWN && req != REQ_TO_PAGE)
		return rd_act(t, rd, req);
	if (!r->n) {
		tui_message(t, true, "%s", _("no item placed in this issue"));
		return REQ_NONE;
	}
	const struct nd_rundown_item *it = &r->items[rd->sel];
	const struct nd_rundown_page *pg = &r->pages[it->page - 1];
	if (req == REQ_MOVE_UP) {
		if (it->position > 1)
			move_item(t, rd, it->page, it->position - 1);
		else if (it->page > 1)
			move_item(t, rd, it->page - 1, 0);
	} else if (req == REQ_MOVE_DOWN) {
		if ((size_t)it->position < pg->count)
			move_item(t, rd, it->page, it->position + 1);
		else if ((size_t)it->page < r->npages)
			move_item(t, rd, it->page + 1, 1);
	} else {
		to_page(t, rd, it->id);
	}
	return REQ_NONE;
}

static bool rundown_open(struct tui *t, void *data)
{
	struct tui_rundown *rd = data;
	load(t, rd);
	return rd->loaded;
}

static void rundown_close(struct tui *t, void *data)
{
	(void)t;
	struct tui_rundown *rd = data;
	if (rd->loaded)
		nd_rundown_free(&rd->r);
	free(rd);
}

/* The store changed (a verb here, a move, another desk): read again, the
 * selection kept by its item. */
static void rundown_refresh(struct tui *t, void *data)
{
	load(t, data);
}

/* The selected row's item: a `:verb` acts on it. */
static int64_t rundown_about(const struct tui *t, const void *data, const struct nd_item **row)
{
	(void)t;
	const struct tui_rundown *rd = data;
	if (row)
		*row = NULL;
	return rd->loaded && rd->sel < rd->r.n ? rd->r.items[rd->sel].id : 0;
}

const struct pane_ops tui_rundown_pane = {
	.about = rundown_about,
	.open = rundown_open,
	.draw = rundown_draw,
	.request = rundown_request,
	.free = rundown_close,
	.refresh = rundown_refresh,
	.grep = rd_row,
};

/* ---- the flat plan: a pane over the rundown, its data the rundown's ---- */

static void flat_draw(struct tui *t, void *data, int y, int height, int width)
{
	(void)t;
	struct tui_rundown *rd = data;
	draw_head(rd, y, width);
	draw_flat(rd, y + 1, height - 1, width);
}

static enum tui_req flat_request(struct tui *t, void *data, enum tui_req req, long count,
				 int height)
{
	struct tui_rundown *rd = data;
	if (req == REQ_FLAT)
		return REQ_BACK; /* F again: back to the rundown */
	if (rd_move(t, rd, req, count, height))
		return REQ_NONE;
	return rd_act(t, rd, req);
}

/* Nothing of its own to free or reload: the rundown under it does both. */
const struct pane_ops tui_flat_pane = {
	.about = rundown_about,
	.draw = flat_draw,
	.request = flat_request,
	.grep = rd_row,
};

bool tui_rundown_open(struct tui *t, const char *code)
{
	struct tui_rundown *rd = calloc(1, sizeof *rd);
	if (!rd)
		return false;
	snprintf(rd->code, sizeof rd->code, "%s", code);
	return tui_pane_push(t, &tui_rundown_pane, rd);
}
