/* desk.c — the desk, the pane at the bottom of the stack: the list over
 * the selected item, one of them focused. After a workflow action the
 * selection moves to the item that was below the acted-on one, in the order
 * the user was reading (mutt's resolve), never to wherever the re-sort put
 * it. */
#include "newsdesk/buf.h"
#include "newsdesk/count.h"
#include "newsdesk/tui_app.h"
#include "newsdesk/tui_editor.h"
#include "newsdesk/tui_photo.h"
#include "newsdesk/tui_review.h"
#include "newsdesk/width.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void draw_separator(struct tui *t, int y)
{
	const struct nd_item *it = tui_selected(t);
	struct nd_buf b = ND_BUF_INIT;
	if (it) {
		char chars[32], hanzi[32], layout[32];
		nd_format_figure(it->chars, chars, sizeof chars);
		nd_format_figure(it->hanzi, hanzi, sizeof hanzi);
		nd_format_figure(it->layout.chars, layout, sizeof layout);
		nd_buf_printf(&b, "── #%lld %s · %s", (long long)it->id,
			      tui_state_label(t, it->state),
			      it->story.section ? it->story.section : "-");
		nd_buf_printf(&b, " · %s · ", it->reporter_name ? it->reporter_name : it->reporter);
		nd_buf_printf(&b, _("%1$s chars · %2$s Han · %3$s layout"), chars, hanzi, layout);
		nd_buf_printf(&b, _(" · rev %d"), it->current_rev);
		if (it->lock_holder)
			nd_buf_printf(&b, " · %s %s", _("being edited by"), it->lock_holder);
		nd_buf_adds(&b, " ");
	}
	tui_rule(&b, COLS);
	tui_draw_row(y, 0, COLS, nd_buf_str(&b), LS(t)->focus == FOCUS_ITEM ? A_BOLD : A_DIM);
	nd_buf_free(&b);
}

static void desk_draw(struct tui *t, void *data, int y, int height, int width)
{
	(void)data;
	(void)height;
	int lh = tui_list_height(t);
	if (lh) {
		tui_list_draw(t, y, lh, width);
		y += lh;
	}
	if (tui_item_height(t) > 0) {
		draw_separator(t, y);
		LS(t)->preview.id = LS(t)->sel_id;
		LS(t)->preview.hit = LS(t)->search[0] ? LS(t)->search : NULL;
		tui_itemview_draw(t, &LS(t)->preview, y + 1, tui_item_height(t), width);
	}
}

static void act_on_selected(struct tui *t, enum tui_req req, const char *verb)
{
	const struct nd_item *it = tui_selected(t);
	int64_t id = it ? it->id : 0;
	if (verb) {
		int64_t next = tui_list_next_id(t);
		bool done = tui_run_verb(t, id, verb);
		/* resolve: on to the next item, as read before the re-sort */
		LS(t)->sel_id = done && next ? next : id;
		tui_reload_list(t);
		return;
	}
	switch (req) {
	case REQ_NOTE:
		tui_add_note(t, id);
		break;
	case REQ_EDIT:
		if (id)
			tui_editor_open(t, id);
		else
			tui_message(t, true, "%s", _("no item selected"));
		break;
	case REQ_EXTERNAL:
		tui_external(t, id);
		break;
	case REQ_UNLOCK:
		tui_unlock(t, id);
		break;
	case REQ_REVIEW:
		if (id)
			tui_review_open(t, id);
		else
			tui_message(t, true, "%s", _("no item selected"));
		break;
	case REQ_ASSIGN:
		tui_assign(t, id);
		break;
	case REQ_PHOTOS:
		tui_photos_open(t, id);
		break;
	default:
		break;
	}
}

static void layout_request(struct tui *t, enum tui_req req)
{
	switch (req) {
	case REQ_OPEN:
		LS(t)->focus = FOCUS_ITEM;
		if (LS(t)->zoom == ZOOM_LIST)
			LS(t)->zoom = ZOOM_NONE;
		break;
	case REQ_SWITCH:
		LS(t)->focus = LS(t)->focus == FOCUS_LIST ? FOCUS_ITEM : FOCUS_LIST;
		if (LS(t)->zoom != ZOOM_NONE)
			LS(t)->zoom = LS(t)->focus == FOCUS_LIST ? ZOOM_LIST : ZOOM_ITEM;
		break;
	case REQ_GROW:
	case REQ_SHRINK:
		LS(t)->split = tui_list_height(t) + (req == REQ_GROW ? 2 : -2);
		if (LS(t)->split > tui_available() - 4)
			LS(t)->split = tui_available() - 4;
		if (LS(t)->split < 3)
			LS(t)->split = 3;
		break;
	case REQ_ZOOM:
		LS(t)->zoom = LS(t)->zoom != ZOOM_NONE
				  ? ZOOM_NONE
				  : (LS(t)->focus == FOCUS_LIST ? ZOOM_LIST : ZOOM_ITEM);
		break;
	default:
		break;
	}
	tui_reload_list(t);
}

static enum tui_req desk_request(struct tui *t, void *data, enum tui_req req, long count,
				 int height)
{
	(void)data;
	(void)height;
	if (LS(t)->focus == FOCUS_LIST
		? tui_list_request(t, req, count, tui_list_height(t))
		: tui_itemview_request(&LS(t)->preview, req, count, tui_item_height(t)))
		return REQ_NONE;
	const struct tui_request *r = tui_request_info(req);
	switch (req) {
	case REQ_DESK: /* :desk, the panes over it closed: the list in front */
		LS(t)->focus = FOCUS_LIST;
		return REQ_NONE;
	case REQ_BACK: /* q: unzoom, then back to the list, then quit */
	case REQ_CLOSE: /* Esc: the same, without the quitting */
		if (LS(t)->zoom == ZOOM_NONE && LS(t)->focus == FOCUS_LIST)
			return req == REQ_BACK ? REQ_QUIT : REQ_NONE;
		if (LS(t)->zoom != ZOOM_NONE)
			LS(t)->zoom = ZOOM_NONE;
		else
			LS(t)->focus = FOCUS_LIST;
		tui_reload_list(t);
		return REQ_NONE;
	case REQ_OPEN:
	case REQ_SWITCH:
	case REQ_GROW:
	case REQ_SHRINK:
	case REQ_ZOOM:
		layout_request(t, req);
		return REQ_NONE;
	case REQ_SEARCH:
		tui_search_prompt(t);
		return REQ_NONE;
	case REQ_NEXT:
	case REQ_PREV:
		tui_search_jump(t, req == REQ_NEXT ? 1 : -1);
		return REQ_NONE;
	case REQ_FILTER:
		tui_filter_prompt(t);
		return REQ_NONE;
	case REQ_LIMIT:
		tui_limit_prompt(t);
		return REQ_NONE;
	case REQ_SORT:
		tui_sort_cycle(t);
		return REQ_NONE;
	case REQ_RUNDOWN:
		tui_rundown_prompt(t);
		return REQ_NONE;
	case REQ_NOTE:
	case REQ_EDIT:
	case REQ_EXTERNAL:
	case REQ_UNLOCK:
	case REQ_REVIEW:
	case REQ_ASSIGN:
	case REQ_PHOTOS:
		act_on_selected(t, req, NULL);
		return REQ_NONE;
	default:
		if (r && r->verb) {
			act_on_selected(t, req, r->verb);
			return REQ_NONE;
		}
		return req;
	}
}

/* The desk's keys are the list's or the item pane's, by focus. */
static unsigned desk_keys_as(const struct tui *t, const void *data)
{
	(void)data;
	return LS(t)->focus == FOCUS_LIST ? PANE_LIST : PANE_ITEM;
}

/* A verb no request carries (from `:`), on the selected item, resolved. */
void tui_desk_verb(struct tui *t, const char *verb)
{
	act_on_selected(t, REQ_NONE, verb);
}

/* Another process's commit or our own: the window read again where it
 * was (by its first row's key), the preview rebuilt, the total and the
 * title's counts recounted when idle. */
static void desk_refresh(struct tui *t, void *data)
{
	(void)data;
	tui_itemview_invalidate(&LS(t)->preview);
	LS(t)->total_stale = true;
	tui_reload_list(t);
}

/* The list's total and the search's, counted while no key waits. */
static int desk_idle(struct tui *t, void *data, bool typing, bool *changed)
{
	(void)data;
	if (typing)
		return tui_idle_pending(t) ? 0 : -1;
	bool pending = tui_idle_pending(t);
	if (pending)
		*changed = true;
	return pending && tui_list_idle(t) ? 0 : -1;
}

static void desk_resize(struct tui *t, void *data)
{
	(void)data;
	tui_reload_list(t);
}

/* A click in the list selects the row, in the item pane focuses it. */
static void desk_mouse(struct tui *t, void *data, const MEVENT *ev)
{
	(void)data;
	if (!(ev->bstate & BUTTON1_PRESSED))
		return;
	int lh = tui_list_height(t);
	if (ev->y >= 2 && ev->y < 1 + lh && LS(t)->top + (ev->y - 2) < LS(t)->total) {
		LS(t)->focus = FOCUS_LIST;
		LS(t)->sel = LS(t)->top + (ev->y - 2);
		LS(t)->sel_id = 0;
		tui_reload_list(t);
	} else if (ev->y > 1 + lh && ev->y < LINES - 2) {
		LS(t)->focus = FOCUS_ITEM;
	}
}

static void desk_free(struct tui *t, void *data)
{
	(void)data;
	tui_list_clear(t);
	tui_itemview_clear(&LS(t)->preview);
	free(LS(t)->matches);
	free(data);
}

const struct pane_ops tui_desk_pane = {
	.draw = desk_draw,
	.request = desk_request,
	.refresh = desk_refresh,
	.idle = desk_idle,
	.resize = desk_resize,
	.mouse = desk_mouse,
	.free = desk_free,
	.keys_as = desk_keys_as,
};
