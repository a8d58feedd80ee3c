/* tui.h — the desk: the editors' full-screen interface. */
#ifndef NEWSDESK_TUI_H
#define NEWSDESK_TUI_H

#include "newsdesk/error.h"
#include "newsdesk/store.h"
#include "newsdesk/users.h"

#include <stdbool.h>
#include <stdio.h>

struct nd_import_page;

/* import --interactive: a page split into items, reviewed in the desk
 * before anything is filed (src/tui/importview.c). */
struct nd_tui_import {
	const char *name; /* the page's file, for the title */
	struct nd_import_page *page; /* taken by the desk */
	const char *encoding, *issue, *state; /* as nd_import_file takes them */
	int page_no;
	const char *bytes; /* the page as it arrived, kept with its items */
	size_t nbytes;
};

struct nd_tui_options {
	bool once; /* draw the first screen and exit (for benchmarks) */
	const struct nd_tui_import *import; /* open on this page's review */
	const char *note; /* said first on the message line (the ambiwidth probe) */
	/* the key-binding file; NULL: $XDG_CONFIG_HOME/newsdesk/keys if there
	 * (never in the restricted SSH context) */
	const char *keys_file;
};

int nd_tui_run(struct nd_store *st, const struct nd_actor *actor, const struct nd_tui_options *opt,
	       struct nd_error *err);

/* For bench/: opens the editor on item id, types n characters in the
 * middle of the body, and measures each keystroke from the key to the
 * redrawn screen (layout, autosave check, draw, doupdate); then keys whose
 * autosave falls due (the draft written). Leaves without saving. */
struct nd_bench_keys {
	double median_ms, p95_ms, max_ms; /* key to screen, autosave on */
	double draft_median_ms, draft_max_ms; /* a key whose autosave fell due */
	double write_median_ms; /* the draft's write itself, off the key path */
	long chars;
};
int nd_tui_bench_keys(struct nd_store *st, const struct nd_actor *actor, int64_t id, int n,
		      struct nd_bench_keys *out, struct nd_error *err);

/* For bench/: the desk's list at a million items, each step timed from
 * the request to the drawn screen (medians): / for each of words (blank-
 * separated; its first hits, 5 runs each), then for the first word runs
 * times: the idle step that counts its hits, G and a reload at the bottom
 * (what another process's commit costs), the same under a section filter
 * (the newest item's section), and under l word: its first window, PgDn,
 * a jump to its sixth item and G before its total is known (it is counted
 * beside the desk), the reload, the count itself, and G once it is known. */
#define ND_BENCH_WORDS 40
struct nd_bench_list {
	char word[ND_BENCH_WORDS][64];
	double word_ms[ND_BENCH_WORDS];
	int nwords, slowest;
	double words_median_ms, slowest_ms;
	double search_ms, search_count_ms, bottom_ms, reload_ms, recount_ms;
	double filter_bottom_ms, filter_reload_ms, limit_ms, limit_bottom_ms, limit_reload_ms;
	double limit_page_ms, limit_jump_ms, limit_count_ms, limit_counted_bottom_ms;
	int64_t matches, total, filter_total, limit_total;
	char section[64];
};
int nd_tui_bench_list(struct nd_store *st, const struct nd_actor *actor, const char *words,
		      int runs, struct nd_bench_list *out, struct nd_error *err);

/* For tests/cli/recall.sh: the list limited to words (and to state, when
 * given) walked with the desk's own keys: PgDn from the top to the end, G
 * and PgUp to the top before its total is known, then G once it is; each
 * window a line on out: its direction (down, up, end), 1 when its
 * positions count back from the end (TUI_LIST_FAR), its first row's
 * position and its rows' ids; the total; then a jump (:ID) to the first
 * and last items of the first window and of the last: "at ID POSITION"
 * and the window read there. */
int nd_tui_walk_list(struct nd_store *st, const struct nd_actor *actor, const char *words,
		     const char *state, FILE *out, struct nd_error *err);

#endif
