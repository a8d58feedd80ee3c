/* test_requests.c — the desk's request table, which dispatch, help and the
 * hints all read: every request is in it once, has help text, a name for
 * `:`, and a key in every pane that lists it; no key means two requests in
 * one pane. And the shared navigation: counts, pages, ends. */
#include "newsdesk/number.h"
#include "newsdesk/tui_app.h"
#include "tap.h"

#include <string.h>

static const unsigned kinds[] = { PANE_LIST, PANE_ITEM, PANE_REVIEW, PANE_RUNDOWN, PANE_PAGER,
				  PANE_IMPORT };

static void table(void)
{
	for (int req = REQ_NONE + 1; req < REQ_COUNT; req++) {
		int rows = 0;
		for (size_t i = 0; i < tui_request_count; i++)
			rows += tui_requests[i].req == (enum tui_req)req;
		ok(rows == 1, "request %d has exactly one row (%d)", req, rows);
	}
	for (size_t i = 0; i < tui_request_count; i++) {
		const struct tui_request *r = &tui_requests[i];
		ok(r->name && r->name[0], "row %zu has a name", i);
		ok(r->help && r->help[0], "'%s' has help text", r->name);
		ok(tui_request_by_name(r->name) == r->req, "':%s' finds it", r->name);
		for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
			if (!(r->panes & kinds[k]))
				continue;
			ok(r->keys[0] != 0 && r->label, "'%s' has a key (and its label) in pane %#x",
			   r->name, kinds[k]);
			for (int j = 0; j < TUI_MAX_KEYS && r->keys[j]; j++) {
				int key = r->keys[j];
				bool fn = key & 0x200000;
				enum tui_req got = tui_request_for_key(
				    kinds[k], fn ? KEY_CODE_YES : OK, (wint_t)(fn ? key & ~0x200000 : key));
				ok(got == r->req, "key %#x makes '%s' in pane %#x (not another)", key,
				   r->name, kinds[k]);
			}
		}
		if (r->hint)
			ok(r->panes != 0, "'%s' has a hint and is bound somewhere", r->name);
	}
	ok(tui_request_by_name("zzz") == REQ_NONE, "an unknown name is no request");
	ok(tui_request_by_name("") == REQ_NONE, "an empty name is no request");
	is_int(tui_request_for_key(PANE_RUNDOWN, OK, 'P'), REQ_PUBLISH_ISSUE,
	       "P in the rundown publishes the issue");
	is_int(tui_request_for_key(PANE_LIST, OK, 'P'), REQ_PUBLISH, "P in the list, the item");
	is_int(tui_request_for_key(PANE_LIST, OK, 'J'), REQ_NONE, "J is the rundown's only");
}

static void nav(void)
{
	struct tui_nav n = { 0, 0, 100, false };
	ok(tui_nav_request(&n, REQ_DOWN, 5, 10) && n.sel == 5, "5j: five down");
	ok(n.top == 0, "…still on the first page");
	tui_nav_request(&n, REQ_DOWN, 0, 10);
	is_int(n.sel, 6, "j without a count: one");
	tui_nav_request(&n, REQ_HALF_DOWN, 0, 10);
	is_int(n.sel, 11, "^D: half a page");
	is_int(n.top, 2, "…and the view follows");
	tui_nav_request(&n, REQ_PAGE_DOWN, 2, 10);
	is_int(n.sel, 27, "2^F: two pages of 8");
	tui_nav_request(&n, REQ_BOTTOM, 0, 10);
	is_int(n.sel, 99, "G: the last");
	tui_nav_request(&n, REQ_BOTTOM, 42, 10);
	is_int(n.sel, 41, "42G: the 42nd");
	tui_nav_request(&n, REQ_UP, 1000, 10);
	is_int(n.sel, 0, "1000k stops at the first");
	ok(!tui_nav_request(&n, REQ_SORT, 0, 10), "not a movement: left alone");
	struct tui_nav s = { 0, 0, 30, true };
	tui_nav_request(&s, REQ_BOTTOM, 0, 10);
	is_int(s.top, 20, "a scroller's G shows the last page");
	tui_nav_request(&s, REQ_PAGE_UP, 0, 10);
	is_int(s.top, 12, "PgUp scrolls back a page");
	struct tui_nav e = { 0, 0, 0, false };
	tui_nav_request(&e, REQ_DOWN, 3, 10);
	is_int(e.sel, 0, "an empty list stays at 0");
}

static void numbers(void)
{
	long long v;
	ok(nd_parse_number("12", 1, 100, &v) == 0 && v == 12, "12 is a number");
	ok(nd_parse_number("2-07", 1, 100, &v) < 0, "2-07 is not a page");
	ok(nd_parse_number(" 3", 1, 100, &v) < 0, "a leading space is refused");
	ok(nd_parse_number("0", 1, 100, &v) < 0, "below the range is refused");
}

int main(void)
{
	table();
	nav();
	numbers();
	return tap_done();
}
