/* bench.c — the --bench-keys harness, outside the panes: a desk on a
 * terminal, the editor pushed on one item, and the time of a keystroke
 * with its redraw (and with the autosave on its path) measured. */
#include "newsdesk/drafts.h"
#include "newsdesk/lang.h"
#include "newsdesk/termcode.h"
#include "newsdesk/tui_app.h"
#include "newsdesk/tui_editor.h"

#include <stdlib.h>
#include <time.h>

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double since_ms(const struct timespec *a)
{
	struct timespec b;
	clock_gettime(CLOCK_MONOTONIC, &b);
	return (double)(b.tv_sec - a->tv_sec) * 1e3 + (double)(b.tv_nsec - a->tv_nsec) / 1e6;
}

/* n keystrokes (字) with their redraw; force: with the draft written. */
static void type(struct tui *t, double *ms, int n, bool force)
{
	for (int i = 0; i < n; i++) {
		struct timespec a;
		clock_gettime(CLOCK_MONOTONIC, &a);
		tui_editor_key(t, OK, (wint_t)0x5B57, tui_available() - 1);
		tui_editor_autosave(t, force); /* as the loop does after each key */
		tui_frame_draw(t);
		ms[i] = since_ms(&a);
	}
	qsort(ms, (size_t)n, sizeof *ms, cmp_double);
}

int nd_tui_bench_keys(struct nd_store *st, const struct nd_actor *actor, int64_t id, int n,
		      struct nd_bench_keys *out, struct nd_error *err)
{
	struct tui t;
	if (tui_init(&t, st, actor, err) < 0)
		return err->code;
	SCREEN *screen = newterm(NULL, nd_term_raw_stdout(), stdin);
	if (!screen) {
		tui_done(&t);
		return nd_fail(err, ND_EIO, _("cannot start the terminal interface"));
	}
	t.split = (tui_available() * 45) / 100;
	tui_reload_list(&t);
	int rc = 0;
	if (!tui_editor_open(&t, id)) {
		rc = nd_fail(err, ND_ELOCKED, "%s", t.message);
		goto out;
	}
	struct tui_editor *ed = tui_pane_find(&t, &tui_editor_pane);
	struct nd_doc *d = &ed->doc;
	size_t middle = nd_doc_len(d, ND_F_BODY) / 2;
	while (middle > 0 && ((unsigned char)nd_doc_text(d, ND_F_BODY)[middle] & 0xC0) == 0x80)
		middle--;
	nd_doc_set_cursor(d, ND_F_BODY, middle);
	tui_frame_draw(&t);
	double *ms = calloc((size_t)n, sizeof *ms);
	if (ms && n > 0) {
		type(&t, ms, n, false);
		out->median_ms = ms[n / 2];
		out->p95_ms = ms[(n * 95) / 100];
		out->max_ms = ms[n - 1];
		/* The autosave itself, as it falls due (2 s idle, 15 s typing):
		 * one keystroke and the draft written on its path, the worst case. */
		int drafts = n < 20 ? n : 20;
		type(&t, ms, drafts, true);
		out->draft_median_ms = ms[drafts / 2];
		out->draft_max_ms = ms[drafts - 1];
	}
	free(ms);
	out->chars = ed->body_chars;
	nd_draft_discard(st, actor, id, NULL); /* the bench leaves nothing behind */
	tui_pane_pop(&t); /* closes the editor: nothing is saved */
out:
	endwin();
	delscreen(screen);
	tui_done(&t);
	return rc;
}
