/* desk.c — the list pane, as tig's main view: its own window of rows,
 * selection, filter, limit and search (struct tui_list, read by list.c).
 * Enter splits the item pane beside it (item.c), as tig splits main and
 * diff; the item pane follows the selection. After a workflow action the
 * selection moves to the item that was below the acted-on one, in the
 * order the user was reading (mutt's resolve), never to wherever the
 * re-sort put it. */
#include "newsdesk/buf.h"
#include "newsdesk/tui_app.h"
#include "newsdesk/tui_counter.h"
#include "newsdesk/tui_editor.h"
#include "newsdesk/tui_photo.h"
#include "newsdesk/tui_review.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void list_draw(struct tui *t, void *data, int y, int height, int width)
{
	struct tui_list *l = data;
	l->y = y;
	if (height != l->height) { /* a new split, a zoom, a resize */
		l->height = height;
		tui_list_reload(t, l);
	}
	tui_list_draw(t, l, y, height, width);
}

static void act_on_selected(struct tui *t, struct tui_list *l, enum tui_req req, const char *verb)
{
	const struct nd_item *it = tui_list_selected(l);
	int64_t id = it ? it->id : 0;
	if (verb) {
		int64_t next = tui_list_next_id(t, l);
		bool done = tui_run_verb(t, id, verb);
		/* resolve: on to the next item, as read before the re-sort */
		l->sel_id = done && next ? next : id;
		tui_list_reload(t, l);
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

/* Is the item pane split over the list (the list focused in a split)? */
static bool split_shown(const struct tui *t, const struct tui_list *l)
{
	const struct tui_pane *top = tui_pane_top(t);
	return top->split && tui_pane_below(t, top->data) &&
	       tui_pane_below(t, top->data)->data == l;
}

/* Enter, Tab, z, q and Esc: the list alone (zoomed) or split with its
 * item pane, the keys on one of them. True when req was one. */
static bool layout_request(struct tui *t, struct tui_list *l, enum tui_req req, enum tui_req *rest)
{
	bool split = split_shown(t, l);
	*rest = REQ_NONE;
	switch (req) {
	case REQ_OPEN: /* the item pane takes the keys, split if zoomed */
		if (split)
			tui_pane_focus_below(t, false);
		else
			tui_item_split(t, true);
		return true;
	case REQ_SWITCH: /* zoomed: the item pane zoomed instead */
		if (split)
			tui_pane_focus_below(t, false);
		else if (tui_item_split(t, true))
			t->stack[t->depth - 1].split = false;
		return true;
	case REQ_ZOOM:
		if (split)
			tui_pane_pop(t);
		else
			tui_item_split(t, false);
		return true;
	case REQ_BACK: /* q: unzoom, then quit */
	case REQ_CLOSE: /* Esc: the same, without the quitting */
	case REQ_DESK: /* :desk, the panes over it closed: split again */
		if (!split)
			tui_item_split(t, false);
		else if (req == REQ_BACK)
			*rest = REQ_QUIT;
		return true;
	default:
		return false;
	}
}

static enum tui_req list_request(struct tui *t, void *data, enum tui_req req, long count,
				 int height)
{
	struct tui_list *l = data;
	(void)height;
	enum tui_req rest;
	if (tui_list_request(t, l, req, count))
		return REQ_NONE;
	if (layout_request(t, l, req, &rest))
		return rest;
	const struct tui_request *r = tui_request_info(req);
	switch (req) {
	case REQ_SEARCH:
		tui_search_prompt(t, l);
		return REQ_NONE;
	case REQ_NEXT:
	case REQ_PREV:
		tui_search_jump(t, l, req == REQ_NEXT ? 1 : -1);
		return REQ_NONE;
	case REQ_FILTER:
		tui_filter_prompt(t, l);
		return REQ_NONE;
	case REQ_LIMIT:
		tui_limit_prompt(t, l);
		return REQ_NONE;
	case REQ_SORT:
		tui_sort_cycle(t, l);
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
		act_on_selected(t, l, req, NULL);
		return REQ_NONE;
	default:
		if (r && r->verb) {
			act_on_selected(t, l, req, r->verb);
			return REQ_NONE;
		}
		return req;
	}
}

/* A verb no request carries (from `:`), on the selected item, resolved. */
static void list_verb(struct tui *t, void *data, const char *verb)
{
	act_on_selected(t, data, REQ_NONE, verb);
}

static int64_t list_about(const struct tui *t, const void *data, const struct nd_item **row)
{
	(void)t;
	const struct nd_item *it = tui_list_selected(data);
	if (row)
		*row = it;
	return it ? it->id : 0;
}

static const char *list_hit(const struct tui *t, const void *data)
{
	(void)t;
	const struct tui_list *l = data;
	return l->search[0] ? l->search : NULL;
}

/* :42 — the item selected, when the list (its filter, its limit) holds it. */
static bool list_select(struct tui *t, void *data, int64_t id)
{
	struct tui_list *l = data;
	int64_t was = l->sel_id;
	l->sel_id = id;
	tui_list_reload(t, l);
	if (l->sel_id == id)
		return true;
	l->sel_id = was; /* the selection stays where it was */
	tui_list_reload(t, l);
	return false;
}

/* The title says what the list is limited, filtered and sorted by. */
static void list_title(const struct tui *t, const void *data, struct nd_buf *left)
{
	const struct tui_list *l = data;
	if (l->limit[0]) {
		nd_buf_printf(left, "  [%s %s", _("limit"), l->limit);
		if (l->total >= 0)
			nd_buf_printf(left, ": %lld", (long long)l->total);
		else /* counted beside the desk, when idle */
			nd_buf_printf(left, ": %s", _("counting…"));
		nd_buf_addc(left, ']');
	}
	if (l->f_state[0] || l->f_section[0] || l->f_reporter[0] || l->f_issue[0]) {
		nd_buf_printf(left, "  [%s", _("filter"));
		if (l->f_state[0])
			nd_buf_printf(left, " %s", tui_state_label(t, l->f_state));
		/* the keys as the f prompt offers them */
		if (l->f_section[0])
			nd_buf_printf(left, " %s%s", _("section:"), l->f_section);
		if (l->f_reporter[0])
			nd_buf_printf(left, " %s%s", _("reporter:"), l->f_reporter);
		if (l->f_issue[0])
			nd_buf_printf(left, " %s%s", _("issue:"), l->f_issue);
		nd_buf_addc(left, ']');
	}
	if (l->filter.sort != ND_SORT_UPDATED || l->filter.ascending)
		nd_buf_printf(left, "  [%s %s%s]", _("sort"), tui_sort_name(l->filter.sort),
			      l->filter.ascending ? " ↑" : "");
}

/* Another process's commit or our own: the window read again where it
 * was (by its first row's key), the total and the title's counts
 * recounted when idle. */
static void list_refresh(struct tui *t, void *data)
{
	struct tui_list *l = data;
	l->total_stale = true;
	tui_list_reload(t, l);
}

/* The list's total and the search's, counted while no key waits. */
static int list_idle(struct tui *t, void *data, bool typing, bool *changed)
{
	struct tui_list *l = data;
	if (typing)
		return tui_list_idle_pending(l) ? 0 : -1;
	if (!tui_list_idle_pending(l))
		return -1;
	int64_t total = l->total, match_total = l->match_total;
	bool still = tui_list_idle(t, l);
	/* a count beside the desk (tui_counter.h) is looked at again soon;
	   nothing to draw until it is done */
	if (!tui_list_counting(l) || total != l->total || match_total != l->match_total)
		*changed = true;
	return !still ? -1 : tui_list_counting(l) ? 25 : 0;
}

static void list_resize(struct tui *t, void *data)
{
	tui_list_reload(t, data);
}

/* A click on a row selects it. */
static void list_mouse(struct tui *t, void *data, const MEVENT *ev)
{
	struct tui_list *l = data;
	int row = ev->y - (l->y + 1);
	if (!(ev->bstate & BUTTON1_PRESSED) || row < 0 || row >= l->height - 1 ||
	    row >= (int)l->nrows)
		return;
	l->sel = l->top + row;
	l->sel_id = 0;
	tui_list_reload(t, l);
}

static void list_free(struct tui *t, void *data)
{
	(void)t;
	struct tui_list *l = data;
	tui_list_clear(l);
	tui_counter_drop(l->counter);
	tui_counter_drop(l->total_counter);
	free(l->matches);
	free(l);
}

/* The desk starts on the list, its item pane split beside it. */
static bool list_start(struct tui *t, const struct nd_tui_options *opt)
{
	(void)opt;
	struct tui_list *l = tui_list_new();
	if (!l || !tui_pane_push(t, &tui_list_pane, l))
		return false;
	tui_list_reload(t, l);
	if (l->total)
		tui_message(t, false,
			    ngettext("%lld item · ? for help", "%lld items · ? for help",
				     (unsigned long)l->total),
			    (long long)l->total);
	return tui_item_split(t, false);
}

const struct pane_ops tui_list_pane = {
	.draw = list_draw,
	.request = list_request,
	.refresh = list_refresh,
	.idle = list_idle,
	.resize = list_resize,
	.mouse = list_mouse,
	.free = list_free,
	.about = list_about,
	.hit = list_hit,
	.verb = list_verb,
	.select = list_select,
	.title = list_title,
	.start = list_start,
};
