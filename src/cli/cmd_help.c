/* cmd_help.c — help [COMMAND]: the whole list, one command's usage, or
 * over SSH what the acting user may run there. */
#include "newsdesk/cli.h"
#include "newsdesk/lang.h"

#include <stdio.h>

int nd_cmd_help(struct nd_cli *cli, const struct nd_command *cmd, void *args)
{
	const struct nd_words *a = args;
	if (a->npos > 1)
		return nd_cli_usage(cmd, _("help takes at most one COMMAND"));
	const struct nd_command *c = a->npos ? nd_cli_find_command(a->pos[0]) : NULL;
	if (a->npos && !c)
		return nd_cli_usage(cmd, _("'%s' is not a command"), a->pos[0]);
	if (cli->ssh && (!c || !(c->flags & ND_CMD_SSH)))
		nd_ssh_help(cli, stdout);
	else if (c)
		nd_cli_print_usage(stdout, c);
	else
		nd_cli_print_help(stdout);
	return ND_EXIT_OK;
}
