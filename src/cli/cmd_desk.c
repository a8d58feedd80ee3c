/* cmd_desk.c — opening the TUI from the command line. */
#include "newsdesk/cli.h"
#include "newsdesk/tui.h"

#include <stdlib.h>
#include <string.h>

int nd_cmd_desk(struct nd_cli *cli, const struct nd_command *cmd, int argc, char **argv)
{
	struct nd_tui_options opt = { 0 };
	long long bench_id = 0;
	int bench_n = 500;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--once") == 0)
			opt.once = true;
		else if (strcmp(argv[i], "--bench-keys") == 0 && i + 1 < argc)
			bench_id = nd_cli_parse_id(argv[++i]);
		else if (strcmp(argv[i], "--keys") == 0 && i + 1 < argc) {
			long long n;
			if (nd_cli_parse_number(argv[++i], 1, 1000000, &n) < 0)
				return nd_cli_usage(cmd, "--keys needs a number of keystrokes");
			bench_n = (int)n;
		} else if (strcmp(argv[i], "--help") == 0) {
			nd_cli_print_usage(stdout, cmd);
			return ND_EXIT_OK;
		} else
			return nd_cli_usage(cmd, "unknown option '%s'", argv[i]);
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
		    "keystroke %.3f ms median, %.3f ms p95, %.3f ms max, %d keys, item #%lld of "
		    "%ld chars (autosave on)\n",
		    b.median_ms, b.p95_ms, b.max_ms, bench_n, bench_id, b.chars);
		fprintf(stderr,
			"keystroke with its draft written: %.3f ms median, %.3f ms max (once per "
			"2 s pause or 15 s of typing)\n",
			b.draft_median_ms, b.draft_max_ms);
		return ND_EXIT_OK;
	}
	if (nd_tui_run(cli->st, &cli->actor, cli->zh, &opt, &err) < 0)
		return nd_cli_fail(&err);
	return ND_EXIT_OK;
}
