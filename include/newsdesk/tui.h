/* tui.h — the desk: the editors' full-screen interface. */
#ifndef NEWSDESK_TUI_H
#define NEWSDESK_TUI_H

#include "newsdesk/error.h"
#include "newsdesk/store.h"
#include "newsdesk/users.h"

#include <stdbool.h>

struct nd_tui_options {
	bool once; /* draw the first screen and exit (for benchmarks) */
	/* the key-binding file; NULL: $XDG_CONFIG_HOME/newsdesk/keys if there
	 * (never in the restricted SSH context) */
	const char *keys_file;
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

#endif
