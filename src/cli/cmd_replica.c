/* cmd_replica.c — replicate, replica config and restore --from-replica:
 * the command-line side of replica.h (Litestream). */
#include "newsdesk/backup.h"
#include "newsdesk/cli.h"
#include "newsdesk/lang.h"
#include "newsdesk/replica.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int admin_only(struct nd_cli *cli, const char *what, struct nd_error *err)
{
	int rc = nd_cli_open(cli, 0, err);
	return rc < 0 ? rc : nd_require_rank(&cli->actor, ND_RANK_ADMIN, what, err);
}

int nd_cmd_replicate(struct nd_cli *cli, const struct nd_command *cmd, void *args)
{
	const struct nd_words *a = args;
	if (a->npos != 1)
		return nd_cli_usage(cmd, _("replicate takes the replica's URL"));
	struct nd_error err = { 0 };
	struct nd_buf yml = ND_BUF_INIT;
	/* the URL is checked before anything is written or started */
	if (admin_only(cli, N_("replicate the database"), &err) < 0 ||
	    nd_replica_config(cli->db_path, a->pos[0], &yml, &err) < 0) {
		nd_buf_free(&yml);
		return nd_cli_fail(&err);
	}
	nd_buf_free(&yml);
	/* Litestream keeps its own connection; ours would only hold the file. */
	nd_store_close(cli->st);
	cli->st = NULL;
	fprintf(stderr, _("newsdesk: replicating %1$s to %2$s with %3$s (runs until stopped)\n"),
		cli->db_path, a->pos[0], nd_litestream());
	nd_replicate(cli->db_path, a->pos[0], &err);
	return nd_cli_fail(&err);
}

int nd_cmd_replica(struct nd_cli *cli, const struct nd_command *cmd, void *args)
{
	const struct nd_words *a = args;
	if (a->npos != 1)
		return nd_cli_usage(cmd, _("replica config takes the replica's URL"));
	struct nd_error err = { 0 };
	struct nd_buf yml = ND_BUF_INIT;
	if (admin_only(cli, N_("configure replication"), &err) < 0 ||
	    nd_replica_config(cli->db_path, a->pos[0], &yml, &err) < 0) {
		nd_buf_free(&yml);
		return nd_cli_fail(&err);
	}
	fputs(nd_buf_str(&yml), stdout);
	nd_buf_free(&yml);
	return ND_EXIT_OK;
}

/* restore --from-replica URL [--timestamp T] [--force]: Litestream
 * restores to a new file beside the database; that file is then put in
 * place exactly as a backup is (checked, the old files moved aside). */
int nd_cli_restore_replica(struct nd_cli *cli, const char *url, const char *when, bool force)
{
	struct nd_error err = { 0 };
	char stamp[64], tmp[PATH_MAX];
	if (when && nd_replica_timestamp(when, stamp, sizeof stamp, &err) < 0)
		return nd_cli_fail(&err);
	if (access(cli->db_path, F_OK) == 0 && !force) {
		nd_fail(&err, ND_ESTATE,
			_("there is a database at %s already; --force moves it (with its -wal and "
			  "-shm) aside and restores the replica in its place"),
			cli->db_path);
		return nd_cli_fail(&err);
	}
	if (snprintf(tmp, sizeof tmp, "%s.from-replica-%d", cli->db_path, (int)getpid()) >=
	    (int)sizeof tmp) {
		nd_fail(&err, ND_EINVAL, _("database path too long"));
		return nd_cli_fail(&err);
	}
	if (nd_replica_fetch(cli->db_path, url, when ? stamp : NULL, tmp, &err) < 0)
		return nd_cli_fail(&err);
	struct nd_restore_result res;
	int rc = nd_cli_restore_allowed(cli, tmp, &err);
	if (rc == 0)
		rc = nd_restore(cli->db_path, tmp, &res, &err);
	/* our own copy, and what SQLite and Litestream left beside it:
	   nd_restore put a copy of it in place */
	static const char *const leftovers[] = {
		"", "-wal", "-shm", ".tmp", ".tmp-wal", ".tmp-shm"
	};
	for (size_t i = 0; i < sizeof leftovers / sizeof *leftovers; i++) {
		char p[PATH_MAX + 16];
		snprintf(p, sizeof p, "%s%s", tmp, leftovers[i]);
		unlink(p);
	}
	if (rc < 0)
		return nd_cli_fail(&err);
	nd_cli_say_moved_aside(&res);
	printf(_("restored %1$s from the replica at %2$s%3$s%4$s; checking it:\n"), cli->db_path,
	       url, when ? " as of " : "", when ? stamp : "");
	char *check_argv[] = { "check", NULL };
	return nd_cli_run(cli, nd_cli_find_command("check"), 1, check_argv);
}
