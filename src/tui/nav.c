/* nav.c — movement written once for every pane that lists or scrolls:
 * j/k, half and whole pages, g/G, each with a count (5j, 12G); and / n N
 * over the rows of a pane that shows text. */
#include "newsdesk/tui_app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int64_t clamp(int64_t v, int64_t lo, int64_t hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

bool tui_nav_request(struct tui_nav *n, enum tui_req req, long count, int height)
{
	int64_t page = height > 2 ? height - 2 : 1, half = height > 3 ? height / 2 : 1;
	int64_t times = count > 0 ? count : 1;
	/* a scroller's position is its top row, which stops a page from the end */
	int64_t last = n->scroller ? n->total - height : n->total - 1;
	if (last < 0)
		last = 0;
	int64_t at = n->scroller ? n->top : n->sel;
	switch (req) {
	case REQ_DOWN:
		at += times;
		break;
	case REQ_UP:
		at -= times;
		break;
	case REQ_HALF_DOWN:
		at += half * times;
		break;
	case REQ_HALF_UP:
		at -= half * times;
		break;
	case REQ_PAGE_DOWN:
		at += page * times;
		break;
	case REQ_PAGE_UP:
		at -= page * times;
		break;
	case REQ_TOP: /* vim: 5g and 5G go to the fifth */
		at = count > 0 ? count - 1 : 0;
		break;
	case REQ_BOTTOM:
		at = count > 0 ? count - 1 : last;
		break;
	default:
		return false;
	}
	at = clamp(at, 0, last);
	if (n->scroller) {
		n->top = n->sel = at;
		return true;
	}
	n->sel = at;
	if (n->sel < n->top)
		n->top = n->sel;
	if (height > 0 && n->sel >= n->top + height)
		n->top = n->sel - height + 1;
	return true;
}

/* The next row (dir 1) or previous (-1) from `from` whose text holds what,
 * wrapping once around; -1 when no row does. */
static long find_row(const char *(*row)(const void *data, size_t i), const void *data, size_t n,
		     long from, int dir, const char *what, bool *wrapped)
{
	*wrapped = false;
	for (size_t k = 1; k <= n; k++) {
		long i = from + dir * (long)k;
		if (i < 0 || i >= (long)n) {
			*wrapped = true;
			i = (i % (long)n + (long)n) % (long)n;
		}
		const char *text = row(data, (size_t)i);
		if (text && strstr(text, what))
			return i;
	}
	return -1;
}

bool tui_nav_find(struct tui *t, struct tui_nav *n, enum tui_req req,
		  const char *(*row)(const void *data, size_t i), const void *data)
{
	if (req == REQ_SEARCH) {
		char *what = tui_prompt(t, _("Find: "), t->find, NULL);
		if (!what)
			return true;
		snprintf(t->find, sizeof t->find, "%s", what);
		free(what);
	} else if (req != REQ_NEXT && req != REQ_PREV) {
		return false;
	}
	if (!t->find[0]) {
		tui_message(t, true, "%s", _("nothing to find yet: press /"));
		return true;
	}
	bool wrapped;
	/* a scroller finds from its top row, a list from its selection */
	long cur = n->scroller ? (long)n->top : (long)n->sel;
	long from = req == REQ_SEARCH ? cur - 1 : cur;
	long at = n->total > 0 ? find_row(row, data, (size_t)n->total, from,
					  req == REQ_PREV ? -1 : 1, t->find, &wrapped)
			       : -1;
	if (at < 0) {
		tui_message(t, true, _("not found: %s"), t->find);
		return true;
	}
	n->sel = at;
	if (n->scroller)
		n->top = at;
	tui_message(t, false, "%s%s", t->find, wrapped ? _(" (wrapped)") : "");
	return true;
}
