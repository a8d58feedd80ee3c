/* cmd_desk.c — opening the TUI from the command line. */
#include "newsdesk/cli.h"
#include "newsdesk/lang.h"
#include "newsdesk/tui.h"

#include <stdlib.h>
#include <string.h>

int nd_cmd_desk(struct nd_cli *cli, const struct nd_command *cmd, int argc, char **argv)
{
	struct nd_tui_options opt = { 0 };
	long long bench_id = 0;
	int bench_n = 500;
	struct nd_args a;
	int rc;
	if (nd_cli_parse(cli, cmd, argc, argv, &a, &rc))
		return rc;
	if (a.npos)
		return nd_cli_usage(cmd, _("desk takes no arguments"));
	for (int k = 0; k < a.n; k++) {
		long long n;
		if (a.opt[k].key == ND_O_ONCE)
			opt.once = true;
		else if (a.opt[k].key == ND_O_KEYS_FILE)
			opt.keys_file = a.opt[k].value;
		else if (a.opt[k].key == ND_O_BENCH_KEYS &&
			 !(bench_id = nd_cli_parse_id(a.opt[k].value)))
			return nd_cli_usage(cmd, _("--bench-keys needs an item ID"));
		else if (a.opt[k].key == ND_O_KEYS) {
			if (nd_cli_parse_number(a.opt[k].value, 1, 1000000, &n) < 0)
				return nd_cli_usage(cmd, _("--keys needs a number of keystrokes"));
			bench_n = (int)n;
		}
	}
	struct nd_error err = { 0 };
	if (nd_cli_open(cli, 0, &err) < 0)
		return nd_cli_fail(&err);
	if (bench_id) {
		struct nd_bench_keys b = { 0 };
		if (nd_tui_bench_keys(cli->st, &cli->actor, bench_id, bench_n, &b, &err) < 0)
			return nd_cli_fail(&err);
		fprintf(
		    stderr,
		    _("keystroke %1$.3f ms median, %2$.3f ms p95, %3$.3f ms max, %4$d keys, item #%5$lld of "
		      "%6$ld chars (autosave on)\n"),
		    b.median_ms, b.p95_ms, b.max_ms, bench_n, bench_id, b.chars);
		fprintf(
		    stderr,
		    _("keystroke with its draft written: %1$.3f ms median, %2$.3f ms max (once per "
		      "2 s pause or 15 s of typing)\n"),
		    b.draft_median_ms, b.draft_max_ms);
		return ND_EXIT_OK;
	}
	opt.note = cli->ambiwidth_note[0] ? cli->ambiwidth_note : NULL;
	if (nd_tui_run(cli->st, &cli->actor, &opt, &err) < 0)
		return nd_cli_fail(&err);
	return ND_EXIT_OK;
}
