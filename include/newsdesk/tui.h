/* tui.h — the desk: the editors' full-screen interface. */
#ifndef NEWSDESK_TUI_H
#define NEWSDESK_TUI_H

#include "newsdesk/error.h"
#include "newsdesk/store.h"
#include "newsdesk/users.h"

#include <stdbool.h>

struct nd_tui_options {
	bool once; /* draw the first screen and exit (for benchmarks) */
};

int nd_tui_run(struct nd_store *st, const struct nd_actor *actor, bool zh,
	       const struct nd_tui_options *opt, struct nd_error *err);

/* For bench/: opens the editor on item id, types n characters in the
 * middle of the body, and measures each keystroke from the key to the
 * redrawn screen (layout, autosave check, draw, doupdate); then keys whose
 * autosave falls due (the draft written). Leaves without saving. */
struct nd_bench_keys {
	double median_ms, p95_ms, max_ms; /* key to screen, autosave on */
	double draft_median_ms, draft_max_ms; /* a key whose autosave fell due */
	long chars;
};
int nd_tui_bench_keys(struct nd_store *st, const struct nd_actor *actor, int64_t id, int n,
		      struct nd_bench_keys *out, struct nd_error *err);

/* For bench/: the desk's list at a million items, each step timed from
 * the request to the drawn screen (medians): / for each of words (blank-
 * separated; its first hits, 5 runs each), then for the first word runs
 * times: the idle step that counts its hits, G and a reload at the bottom
 * (what another process's commit costs), the same under a section filter
 * (the newest item's section), and under l word. */
#define ND_BENCH_WORDS 40
struct nd_bench_list {
	char word[ND_BENCH_WORDS][64];
	double word_ms[ND_BENCH_WORDS];
	int nwords, slowest;
	double words_median_ms, slowest_ms;
	double search_ms, search_count_ms, bottom_ms, reload_ms, recount_ms;
	double filter_bottom_ms, filter_reload_ms, limit_ms, limit_bottom_ms, limit_reload_ms;
	int64_t matches, total, filter_total, limit_total;
	char section[64];
};
int nd_tui_bench_list(struct nd_store *st, const struct nd_actor *actor, const char *words,
		      int runs, struct nd_bench_list *out, struct nd_error *err);

#endif
