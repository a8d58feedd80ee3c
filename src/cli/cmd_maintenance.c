/* cmd_maintenance.c — backup and check. */
#include "newsdesk/check.h"
#include "newsdesk/cli.h"
#include "newsdesk/filemodes.h"
#include "newsdesk/maintenance.h"

#include <string.h>

int nd_cmd_backup(struct nd_cli *cli, const struct nd_command *cmd, int argc, char **argv)
{
	struct nd_args a;
	int parse_rc;
	if (nd_cli_parse(cli, cmd, argc, argv, &a, &parse_rc))
		return parse_rc;
	if (a.npos != 1)
		return nd_cli_usage(cmd, "backup takes the FILE to write");
	bool force = a.n > 0; /* --force, the one option */
	struct nd_error err = { 0 };
	if (nd_cli_open(cli, 0, &err) < 0 ||
	    nd_backup(cli->st, &cli->actor, a.pos[0], force, &err) < 0)
		return nd_cli_fail(&err);
	printf("backed up to %s (checked: integrity and foreign keys)\n", a.pos[0]);
	return ND_EXIT_OK;
}

int nd_cmd_check(struct nd_cli *cli, const struct nd_command *cmd, int argc, char **argv)
{
	struct nd_args a;
	int parse_rc;
	if (nd_cli_parse(cli, cmd, argc, argv, &a, &parse_rc))
		return parse_rc;
	if (a.npos != 0)
		return nd_cli_usage(cmd, "check takes no arguments");
	unsigned flags = 0;
	for (int k = 0; k < a.n; k++)
		if (a.opt[k].key == ND_O_REPAIR)
			flags |= ND_CHECK_REPAIR;
	struct nd_error err = { 0 };
	struct nd_buf report = ND_BUF_INIT;
	int problems;
	if (nd_cli_open(cli, 0, &err) < 0 ||
	    (problems = nd_check(cli->st, &cli->actor, flags, &report, &err)) < 0) {
		nd_buf_free(&report);
		return nd_cli_fail(&err);
	}
	fputs(nd_buf_str(&report), stdout);
	nd_buf_reset(&report);
	if (nd_check_file_modes(cli->db_path, &report) > 0) /* warnings, not problems */
		fputs(nd_buf_str(&report), stdout);
	nd_buf_free(&report);
	if (problems) {
		fprintf(stderr, "newsdesk: %d problem%s found%s\n", problems,
			problems == 1 ? "" : "s",
			flags & ND_CHECK_REPAIR ? " that --repair cannot fix (history is never "
						  "rewritten)"
						: "");
		return ND_EXIT_FAIL;
	}
	puts("ok");
	return ND_EXIT_OK;
}
