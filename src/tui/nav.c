/* nav.c — movement written once for every pane that lists or scrolls:
 * j/k, half and whole pages, g/G, each with a count (5j, 12G). */
#include "newsdesk/tui_app.h"

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
