/* bench.c — the --bench-keys harness, outside the panes: a desk on a
 * terminal, the editor pushed on one item, and the time of a keystroke
 * with its redraw (and with the autosave on its path) measured. */
#include "newsdesk/drafts.h"
#include "newsdesk/lang.h"
#include "newsdesk/termcode.h"
#include "newsdesk/tui_app.h"
#include "newsdesk/tui_draftsave.h"
#include "newsdesk/tui_editor.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The list pane's state: the bench drives the list's own functions. */
#define LS(t) ((struct tui_list *)(t)->stack[0].data)

/* The desk's first panes, as it starts (the list at its split height). */
static bool start_list(struct tui *t)
{
	struct nd_tui_options opt = { 0 };
	t->split = (tui_available() * 45) / 100;
	if (!tui_panes_start(t, &opt))
		return false;
	LS(t)->height = tui_split_height(t);
	tui_list_reload(t, LS(t));
	return true;
}

/* The desk on its terminal with its list read: 0, or < 0 with nothing
 * left to end. */
static int bench_start(struct tui *t, SCREEN **screen, struct nd_store *st,
		       const struct nd_actor *actor, struct nd_error *err)
{
	if (tui_init(t, st, actor, err) < 0)
		return err->code;
	if (!(*screen = newterm(NULL, stdout, stdin))) {
		tui_done(t);
		return nd_fail(err, ND_EIO, _("cannot start the terminal interface"));
	}
	if (!start_list(t)) {
		endwin();
		delscreen(*screen);
		tui_done(t);
		return nd_fail(err, ND_ENOMEM, "%s", _("out of memory"));
	}
	return 0;
}

static void bench_end(struct tui *t, SCREEN *screen)
{
	endwin();
	delscreen(screen);
	tui_done(t);
}

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
		return nd_fail(err, ND_EIO, _(_("cannot start the terminal interface")));
	}
	if (!start_list(&t)) {
		endwin();
		delscreen(screen);
		tui_done(&t);
		return nd_fail(err, ND_ENOMEM, "%s", _("out of memory"));
	}
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
		/* The key on which the autosave falls due (1.5 s after the first
		 * key the draft lacks): the text handed to the draft writer. */
		int drafts = n < 20 ? n : 20;
		type(&t, ms, drafts, true);
		out->draft_median_ms = ms[drafts / 2];
		out->draft_max_ms = ms[drafts - 1];
		/* the write itself, in the writer's thread: one, waited for */
		for (int i = 0; i < drafts; i++) {
			tui_draftsave_settle(ed->saver, NULL, 0);
			tui_editor_key(&t, OK, (wint_t)0x5B57, tui_available() - 1);
			struct timespec a;
			clock_gettime(CLOCK_MONOTONIC, &a);
			tui_editor_autosave(&t, true);
			tui_draftsave_settle(ed->saver, NULL, 0);
			ms[i] = since_ms(&a);
		}
		qsort(ms, (size_t)drafts, sizeof *ms, cmp_double);
		out->write_median_ms = ms[drafts / 2];
	}
	free(ms);
	out->chars = ed->body_chars;
	tui_pane_pop(&t); /* closes the editor (its writer done): nothing is saved */
	nd_draft_discard(st, actor, id, NULL); /* the bench leaves nothing behind */
out:
	endwin();
	delscreen(screen);
	tui_done(&t);
	return rc;
}

/* The median of runs timings of step (each drawn), with setup before each
 * untimed. */
static double timed(struct tui *t, int runs, void (*setup)(struct tui *),
		    void (*step)(struct tui *))
{
	double ms[64];
	if (runs > 64)
		runs = 64;
	for (int i = 0; i < runs; i++) {
		if (setup)
			setup(t);
		struct timespec a;
		clock_gettime(CLOCK_MONOTONIC, &a);
		step(t);
		tui_frame_draw(t);
		ms[i] = since_ms(&a);
	}
	qsort(ms, (size_t)runs, sizeof *ms, cmp_double);
	return ms[runs / 2];
}

static void to_top(struct tui *t)
{
	tui_list_request(t, LS(t), REQ_TOP, 0);
}

static void to_bottom(struct tui *t)
{
	tui_list_request(t, LS(t), REQ_BOTTOM, 0);
}

static void page_down(struct tui *t)
{
	tui_list_request(t, LS(t), REQ_PAGE_DOWN, 0);
}

/* What the loop does when another process committed (app.c refresh_data). */
static void reload(struct tui *t)
{
	LS(t)->total_stale = true;
	tui_list_reload(t, LS(t));
}

static void search(struct tui *t)
{
	tui_search_jump(t, LS(t), 0);
}

/* Idle time until the totals are known: the search's is counted on a
 * thread of its own (tui_counter.h), looked at every millisecond here. */
static void idle(struct tui *t)
{
	const struct timespec tick = { 0, 1000 * 1000 };
	while (tui_list_idle(t, LS(t)) && tui_list_counting(LS(t)))
		nanosleep(&tick, NULL);
}

static void stale(struct tui *t)
{
	LS(t)->total_stale = true;
}

static void unlimit(struct tui *t)
{
	LS(t)->filter.text = NULL;
	tui_list_reset(LS(t), false);
	tui_list_reload(t, LS(t));
}

static void limit(struct tui *t)
{
	LS(t)->filter.text = LS(t)->limit;
	tui_list_reset(LS(t), false);
	tui_list_reload(t, LS(t));
}

/* A jump to the item in the sixth row (its position counted), as :ID or
 * a search's hit does. */
static void jump_near(struct tui *t)
{
	int64_t id = LS(t)->nrows > 5 ? LS(t)->rows[5].id : 0;
	tui_list_clear(LS(t));
	LS(t)->sel_id = id;
	tui_list_reload(t, LS(t));
}

static void list_steps(struct tui *t, int runs, struct nd_bench_list *out)
{
	out->search_ms = timed(t, runs, to_top, search);
	out->search_count_ms = timed(t, runs, search, idle);
	out->matches = LS(t)->match_total;
	LS(t)->search[0] = '\0';
	out->bottom_ms = timed(t, runs, to_top, to_bottom);
	out->reload_ms = timed(t, runs, NULL, reload);
	out->recount_ms = timed(t, runs, stale, idle);
	out->total = LS(t)->total;
	if (LS(t)->nrows && LS(t)->rows[0].story.section) {
		to_top(t);
		snprintf(out->section, sizeof out->section, "%s", LS(t)->rows[0].story.section);
		snprintf(LS(t)->f_section, sizeof LS(t)->f_section, "%s", out->section);
		LS(t)->filter.section = LS(t)->f_section;
		tui_list_reset(LS(t), false);
		tui_list_reload(t, LS(t));
		out->filter_bottom_ms = timed(t, runs, to_top, to_bottom);
		out->filter_reload_ms = timed(t, runs, NULL, reload);
		tui_list_idle(t, LS(t));
		out->filter_total = LS(t)->total;
		LS(t)->filter.section = NULL;
		LS(t)->f_section[0] = '\0';
		tui_list_reset(LS(t), false);
		tui_list_reload(t, LS(t));
	}
	out->limit_ms = timed(t, runs, unlimit, limit);
	/* the moves before the limit's total is known (it is counted beside) */
	out->limit_page_ms = timed(t, runs, limit, page_down);
	out->limit_jump_ms = timed(t, runs, limit, jump_near);
	out->limit_bottom_ms = timed(t, runs, limit, to_bottom);
	out->limit_reload_ms = timed(t, runs, NULL, reload);
	out->limit_count_ms = timed(t, runs, limit, idle);
	out->limit_total = LS(t)->total;
	out->limit_counted_bottom_ms = timed(t, runs, to_top, to_bottom);
}

/* / for each word: the first hits shown, median of 5 runs each. */
static void search_words(struct tui *t, const char *words, struct nd_bench_list *out)
{
	char *copy = strdup(words), *save = NULL;
	double med[ND_BENCH_WORDS];
	int n = 0;
	for (char *w = copy ? strtok_r(copy, " ", &save) : NULL; w && n < ND_BENCH_WORDS;
	     w = strtok_r(NULL, " ", &save)) {
		snprintf(LS(t)->search, sizeof LS(t)->search, "%s", w);
		med[n] = timed(t, 5, to_top, search);
		snprintf(out->word[n], sizeof out->word[n], "%s", w);
		out->word_ms[n] = med[n];
		if (med[n] > out->slowest_ms) {
			out->slowest_ms = med[n];
			out->slowest = n;
		}
		n++;
	}
	free(copy);
	out->nwords = n;
	qsort(med, (size_t)n, sizeof *med, cmp_double);
	out->words_median_ms = n ? med[n / 2] : 0;
}

int nd_tui_bench_list(struct nd_store *st, const struct nd_actor *actor, const char *words,
		      int runs, struct nd_bench_list *out, struct nd_error *err)
{
	struct tui t;
	SCREEN *screen;
	int rc = bench_start(&t, &screen, st, actor, err);
	if (rc < 0)
		return rc;
	search_words(&t, words, out);
	/* the first word for the other steps */
	snprintf(LS(&t)->search, sizeof LS(&t)->search, "%s", out->nwords ? out->word[0] : words);
	snprintf(LS(&t)->limit, sizeof LS(&t)->limit, "%s", LS(&t)->search);
	list_steps(&t, runs > 0 ? runs : 1, out);
	bench_end(&t, screen);
	return 0;
}

/* One window of the walk: its direction, whether its positions count back
 * from the end (far), its first row's position and its rows' ids. */
static void print_window(FILE *out, const char *dir, const struct tui_list *l)
{
	fprintf(out, "%s %d %lld", dir, l->far, (long long)l->top);
	for (size_t r = 0; r < l->nrows; r++)
		fprintf(out, " %lld", (long long)l->rows[r].id);
	fputc('\n', out);
}

/* Presses req until the window stops moving (at most max times). */
static void walk(struct tui *t, enum tui_req req, const char *dir, FILE *out, int max)
{
	for (int i = 0; i < max; i++) {
		int64_t top = LS(t)->top, sel = LS(t)->sel;
		int64_t first = LS(t)->nrows ? LS(t)->rows[0].id : 0;
		bool far = LS(t)->far;
		tui_list_request(t, LS(t), req, 0);
		if (LS(t)->top == top && LS(t)->sel == sel && far == LS(t)->far &&
		    first == (LS(t)->nrows ? LS(t)->rows[0].id : 0))
			return;
		print_window(out, dir, LS(t));
	}
}

int nd_tui_walk_list(struct nd_store *st, const struct nd_actor *actor, const char *words,
		     const char *state, FILE *out, struct nd_error *err)
{
	struct tui t;
	SCREEN *screen;
	int rc = bench_start(&t, &screen, st, actor, err);
	if (rc < 0)
		return rc;
	struct tui_list *l = LS(&t);
	snprintf(l->limit, sizeof l->limit, "%s", words);
	l->filter.text = l->limit;
	snprintf(l->f_state, sizeof l->f_state, "%s", state ? state : "");
	l->filter.state = state ? l->f_state : NULL;
	tui_list_reset(l, false);
	tui_list_reload(&t, l);
	/* down from the first window, then G and up, before the total is
	   known (it is never asked for until then); then counted, G again */
	print_window(out, "down", l);
	int64_t near[4] = { 0 }; /* items to jump to: the first window's, the last's */
	for (size_t r = 0; r < 2 && r < l->nrows; r++)
		near[r] = l->rows[r * (l->nrows - 1)].id;
	walk(&t, REQ_PAGE_DOWN, "down", out, 1000000);
	tui_list_request(&t, l, REQ_BOTTOM, 0);
	print_window(out, "up", l);
	walk(&t, REQ_PAGE_UP, "up", out, 1000000);
	const struct timespec tick = { 0, 1000 * 1000 };
	while (tui_list_idle(&t, l) && tui_list_counting(l))
		nanosleep(&tick, NULL);
	fprintf(out, "total %lld\n", (long long)l->total);
	tui_list_request(&t, l, REQ_BOTTOM, 0);
	print_window(out, "end", l);
	for (size_t r = 0; r < 2 && r < l->nrows; r++)
		near[2 + r] = l->rows[r * (l->nrows - 1)].id;
	walk(&t, REQ_PAGE_UP, "end", out, 2);
	/* a jump to each (:ID): its position counted, the window read there */
	for (int k = 0; k < 4; k++) {
		if (!near[k])
			continue;
		tui_list_clear(l);
		l->sel_id = near[k];
		tui_list_reload(&t, l);
		fprintf(out, "at %lld %lld\n", (long long)near[k],
			(long long)(l->sel_id == near[k] ? l->sel : -1));
		print_window(out, "at", l);
	}
	bench_end(&t, screen);
	return 0;
}
