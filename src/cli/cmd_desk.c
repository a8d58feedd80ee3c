/* cmd_desk.c — opening the TUI from the command line. */
#include "newsdesk/cli.h"
#include "newsdesk/lang.h"
#include "newsdesk/store.h"
#include "newsdesk/tui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The benchmarks' modes are a test build's only (-Dtest_hooks=true):
 * bench/run uses them; the shipped binary has neither. */
#ifdef ND_TEST_HOOKS
/* --bench-list "WORD…": the list's steps at this store's size. The bench
 * only reads, so the store is opened read-only (a bench store made by an
 * older schema is measured as it is, not migrated). */
static int bench_list(struct nd_cli *cli, const char *words)
{
	struct nd_bench_list b = { 0 };
	struct nd_error err = { 0 };
	if (nd_cli_open(cli, ND_STORE_READONLY, &err) < 0 ||
	    nd_tui_bench_list(cli->st, &cli->actor, words, 15, &b, &err) < 0)
		return nd_cli_fail(&err);
	for (int i = 0; i < b.nwords; i++)
		fprintf(stderr, "/ %s: first hits %.2f ms\n", b.word[i], b.word_ms[i]);
	if (b.nwords)
		fprintf(stderr, "/ first hits, %d words: median %.2f ms, slowest %s %.2f ms\n",
			b.nwords, b.words_median_ms, b.word[b.slowest], b.slowest_ms);
	const char *word = b.nwords ? b.word[0] : words;
	fprintf(stderr, "/ %s: first hits %.2f ms, then their count %.2f ms (%lld matches)\n", word,
		b.search_ms, b.search_count_ms, (long long)b.matches);
	fprintf(stderr,
		"G: %.2f ms; reload at the bottom: %.2f ms, then the count %.2f ms (%lld items)\n",
		b.bottom_ms, b.reload_ms, b.recount_ms, (long long)b.total);
	fprintf(stderr, "section %s: G %.2f ms; reload at the bottom %.2f ms (%lld items)\n",
		b.section, b.filter_bottom_ms, b.filter_reload_ms, (long long)b.filter_total);
	fprintf(stderr,
		"l %s: first window %.2f ms; before its total: PgDn %.2f ms, a jump to the sixth "
		"item %.2f ms, G %.2f ms, reload at the bottom %.2f ms; the total beside the desk "
		"%.2f ms (%lld items); G then %.2f ms\n",
		word, b.limit_ms, b.limit_page_ms, b.limit_jump_ms, b.limit_bottom_ms,
		b.limit_reload_ms, b.limit_count_ms, (long long)b.limit_total,
		b.limit_counted_bottom_ms);
	return ND_EXIT_OK;
}

/* --walk-list WORDS [--walk-state S]: the list limited to WORDS walked by
 * the desk's keys, each window on stderr (tests/cli/recall.sh). */
static int walk_list(struct nd_cli *cli, const char *words, const char *state)
{
	struct nd_error err = { 0 };
	if (nd_cli_open(cli, ND_STORE_READONLY, &err) < 0 ||
	    nd_tui_walk_list(cli->st, &cli->actor, words, state, stderr, &err) < 0)
		return nd_cli_fail(&err);
	return ND_EXIT_OK;
}

/* --bench-keys ID [--keys N]: the editor's keystroke, measured. */
static int bench_keys(struct nd_cli *cli, long long bench_id, int bench_n)
{
	struct nd_bench_keys b = { 0 };
	struct nd_error err = { 0 };
	if (nd_tui_bench_keys(cli->st, &cli->actor, bench_id, bench_n, &b, &err) < 0)
		return nd_cli_fail(&err);
	fprintf(
	    stderr,
	    _("keystroke %1$.3f ms median, %2$.3f ms p95, %3$.3f ms max, %4$d keys, item #%5$lld of "
	      "%6$ld chars (autosave on)\n"),
	    b.median_ms, b.p95_ms, b.max_ms, bench_n, bench_id, b.chars);
	fprintf(stderr,
		_("keystroke whose draft falls due: %1$.3f ms median, %2$.3f ms max; the write "
		  "itself, off the key path: %3$.3f ms median (once per 1.5 s of typing)\n"),
		b.draft_median_ms, b.draft_max_ms, b.write_median_ms);
	return ND_EXIT_OK;
}
#endif

int nd_cmd_desk(struct nd_cli *cli, const struct nd_command *cmd, void *args)
{
	const struct nd_desk_args *a = args;
	struct nd_tui_options opt = { .once = a->once, .keys_file = a->keys_file };
	if (a->npos)
		return nd_cli_usage(cmd, _("desk takes no arguments"));
#ifdef ND_TEST_HOOKS
	if (a->bench_list)
		return bench_list(cli, a->bench_list);
	if (a->walk_list)
		return walk_list(cli, a->walk_list, a->walk_state);
#endif
	struct nd_error err = { 0 };
	if (nd_cli_open(cli, 0, &err) < 0)
		return nd_cli_fail(&err);
#ifdef ND_TEST_HOOKS
	if (a->bench_keys)
		return bench_keys(cli, a->bench_keys, (int)a->keys);
#endif
	opt.note = cli->ambiwidth_note[0] ? cli->ambiwidth_note : NULL;
	if (nd_tui_run(cli->st, &cli->actor, &opt, &err) < 0)
		return nd_cli_fail(&err);
	return ND_EXIT_OK;
}
