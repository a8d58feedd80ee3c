/* cmd_desk.c — opening the TUI from the command line. */
#include "newsdesk/cli.h"
#include "newsdesk/tui.h"

#include <string.h>

int nd_cmd_desk(struct nd_cli *cli, const struct nd_command *cmd, int argc, char **argv)
{
	struct nd_tui_options opt = {0};
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--once") == 0)
			opt.once = true;
		else if (strcmp(argv[i], "--help") == 0) {
			nd_cli_print_usage(stdout, cmd);
			return ND_EXIT_OK;
		} else
			return nd_cli_usage(cmd, "unknown option '%s'", argv[i]);
	}
	struct nd_error err = {0};
	if (nd_cli_open(cli, 0, &err) < 0 ||
	    nd_tui_run(cli->st, &cli->actor, cli->zh, &opt, &err) < 0)
		return nd_cli_fail(&err);
	return ND_EXIT_OK;
}
