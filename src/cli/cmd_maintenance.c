/* cmd_maintenance.c — backup, restore and check. */
#include "newsdesk/anchor.h"
#include "newsdesk/backup.h"
#include "newsdesk/check.h"
#include "newsdesk/cli.h"
#include "newsdesk/filemodes.h"
#include "newsdesk/files.h"
#include "newsdesk/lang.h"
#include "newsdesk/replica.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* backup.c reads the store and checks the copy through mmap: there a read
 * error of a failing disk, or a file cut short under it, is a SIGBUS, not an
 * error code. Told in the user's words with the store's exit code; the
 * partial copy never has the final name, and the next backup removes it. */
static char bus_message[1024];
static size_t bus_length;

static void on_bus_error(int sig)
{
	(void)sig;
	if (write(STDERR_FILENO, bus_message, bus_length) < 0) { /* nothing more to try */
	}
	_exit(ND_EXIT_STORE);
}

static void guard_bus_errors(const char *file, struct sigaction *before)
{
	snprintf(bus_message, sizeof bus_message,
		 _("newsdesk: backup stopped: reading the database or its copy failed (a bus "
		   "error: the disk may be failing, or a file was cut short); nothing was written "
		   "to %s, and the next backup removes the partial copy beside it\n"),
		 file);
	bus_length = strlen(bus_message);
	struct sigaction sa = { .sa_handler = on_bus_error };
	sigemptyset(&sa.sa_mask);
	sigaction(SIGBUS, &sa, before);
}

int nd_cmd_backup(struct nd_cli *cli, const struct nd_command *cmd, void *args)
{
	const struct nd_backup_args *a = args;
	if (a->npos != 1)
		return nd_cli_usage(cmd, _("backup takes the FILE to write"));
	bool force = a->force;
	struct nd_error err = { 0 };
	int cleaned = 0;
	struct nd_root root;
	if (nd_cli_open(cli, 0, &err) < 0)
		return nd_cli_fail(&err);
	struct sigaction before;
	guard_bus_errors(a->pos[0], &before);
	int rc = nd_backup(cli->st, &cli->actor, a->pos[0], force, &cleaned, &root, &err);
	sigaction(SIGBUS, &before, NULL);
	if (rc < 0)
		return nd_cli_fail(&err);
	if (cleaned)
		printf(ngettext("removed %d partial file left by killed backups\n",
				"removed %d partial files left by killed backups\n", cleaned),
		       cleaned);
	char text[ND_ROOT_TEXT];
	nd_root_text(&root, text);
	printf(_("backed up to %s (checked: every page and record, application id)\n"), a->pos[0]);
	printf(_("root: %s\n"), text);
	return ND_EXIT_OK;
}

/* Only an admin restores: one of the current database if it opens, else
 * one of the backup's (the current file may be what is broken). */
int nd_cli_restore_allowed(struct nd_cli *cli, const char *backup, struct nd_error *err)
{
	struct nd_store *st = NULL;
	struct nd_actor actor;
	int rc = nd_store_open(&st, cli->db_path, ND_STORE_READONLY, err);
	if (rc < 0 && access(cli->db_path, F_OK) == 0)
		fprintf(stderr,
			_("newsdesk: the current database does not open (%s); checking you "
			  "against the backup's users\n"),
			err->msg);
	if (rc < 0 && (rc = nd_store_open(&st, backup, ND_STORE_READONLY, err)) < 0)
		return rc;
	if ((rc = nd_actor_resolve(st, cli->unix_login, cli->as, &actor, err)) == 0) {
		rc = nd_require_rank(&actor, ND_RANK_ADMIN, N_("restore the database"), err);
		nd_actor_free(&actor);
	}
	nd_store_close(st);
	return rc;
}

/* Where restore put the database that was in the way (never deleted). */
void nd_cli_say_moved_aside(const struct nd_restore_result *res)
{
	if (res->cleaned)
		printf(ngettext("removed %d file left by a killed restore\n",
				"removed %d files left by killed restores\n", res->cleaned),
		       res->cleaned);
	if (res->moved)
		printf(ngettext("the database that was there is kept as %1$s (with its -wal/-shm: "
				"%2$d file)\n",
				"the database that was there is kept as %1$s (with its -wal/-shm: "
				"%2$d files)\n",
				res->moved),
		       res->aside, res->moved);
}

int nd_cmd_restore(struct nd_cli *cli, const struct nd_command *cmd, void *args)
{
	const struct nd_restore_args *a = args;
	const char *replica = a->from_replica, *when = a->timestamp;
	bool force = a->force;
	if (replica ? a->npos != 0 : a->npos != 1)
		return nd_cli_usage(cmd, _("restore takes the BACKUP file to put in place, or "
					   "--from-replica URL"));
	if (!replica && (when || force))
		return nd_cli_usage(cmd, _("--timestamp and --force go with --from-replica"));
	struct nd_error err = { 0 };
	struct nd_restore_result res;
	if (!cli->db_path && !(cli->db_path = nd_store_default_path(cli->db_option))) {
		nd_fail(&err, ND_ENOMEM, _("out of memory"));
		return nd_cli_fail(&err);
	}
	if (replica)
		return nd_cli_restore_replica(cli, replica, when, force);
	const char *backup = a->pos[0];
	if (nd_cli_restore_allowed(cli, backup, &err) < 0 ||
	    nd_restore(cli->db_path, backup, &res, &err) < 0)
		return nd_cli_fail(&err);
	nd_cli_say_moved_aside(&res);
	printf(_("restored %1$s from %2$s; checking it:\n"), cli->db_path, backup);
	char *check_argv[] = { "check", NULL };
	return nd_cli_run(cli, nd_cli_find_command("check"), 1, check_argv);
}

/* --against's value: a root, or a file of roots (one a line, the last word
 * of each line that is a root: "root: N-DIGEST" as check prints it). */
static int add_against(const char *value, struct nd_root **roots, size_t *n, struct nd_error *err)
{
	struct nd_root r;
	struct nd_error not_root = { 0 };
	if (nd_root_parse(value, &r, &not_root) == 0 ||
	    (!strchr(value, '/') && access(value, F_OK) < 0))
		goto add;
	FILE *f;
	int rc = nd_open_input(value, &f, err);
	if (rc < 0)
		return rc;
	char line[512];
	size_t before = *n;
	while (fgets(line, sizeof line, f)) {
		char *word = NULL, *save = NULL;
		for (char *w = strtok_r(line, " \t\r\n", &save); w;
		     w = strtok_r(NULL, " \t\r\n", &save))
			word = w;
		struct nd_root *grown;
		if (!word || nd_root_parse(word, &r, &not_root) < 0)
			continue;
		if (!(grown = realloc(*roots, (*n + 1) * sizeof **roots))) {
			fclose(f);
			return nd_fail(err, ND_ENOMEM, _("out of memory"));
		}
		*roots = grown;
		(*roots)[(*n)++] = r;
	}
	fclose(f);
	if (*n == before)
		return nd_fail(err, ND_EINVAL, _("%s holds no root (N-DIGEST as check prints it)"),
			       value);
	return 0;
add:
	if (nd_root_parse(value, &r, err) < 0)
		return ND_EINVAL;
	struct nd_root *grown = realloc(*roots, (*n + 1) * sizeof **roots);
	if (!grown)
		return nd_fail(err, ND_ENOMEM, _("out of memory"));
	*roots = grown;
	(*roots)[(*n)++] = r;
	return 0;
}

int nd_cmd_check(struct nd_cli *cli, const struct nd_command *cmd, void *args)
{
	const struct nd_check_args *a = args;
	if (a->npos != 0)
		return nd_cli_usage(cmd, _("check takes no arguments"));
	unsigned flags = (a->repair ? ND_CHECK_REPAIR : 0) | (a->full ? ND_CHECK_FULL : 0);
	struct nd_error err = { 0 };
	struct nd_root *against = NULL, proven;
	size_t n_against = 0;
	if (a->against && add_against(a->against, &against, &n_against, &err) < 0) {
		free(against);
		return err.code == ND_EINVAL ? nd_cli_usage(cmd, "%s", err.msg) : nd_cli_fail(&err);
	}
	struct nd_buf report = ND_BUF_INIT;
	int problems;
	if (nd_cli_open(cli, 0, &err) < 0 ||
	    (problems = nd_check_run(cli->st, &cli->actor, flags, against, n_against, &proven,
				     &report, &err)) < 0) {
		free(against);
		nd_buf_free(&report);
		return nd_cli_fail(&err);
	}
	free(against);
	fputs(nd_buf_str(&report), stdout);
	nd_buf_reset(&report);
	if (nd_check_file_modes(cli->db_path, &report) > 0) /* warnings, not problems */
		fputs(nd_buf_str(&report), stdout);
	nd_buf_reset(&report);
	if (nd_restore_leftovers(cli->db_path, false, &report) > 0) /* warnings too */
		fputs(nd_buf_str(&report), stdout);
	nd_buf_reset(&report);
	struct nd_replica_status rs;
	nd_replica_check(cli->db_path, &rs, &report); /* a stopped replica warns */
	fputs(nd_buf_str(&report), stdout);
	nd_buf_free(&report);
	if (problems) {
		if (flags & ND_CHECK_REPAIR)
			fprintf(stderr,
				ngettext("newsdesk: %d problem found that --repair cannot fix "
					 "(history is never rewritten)\n",
					 "newsdesk: %d problems found that --repair cannot fix "
					 "(history is never rewritten)\n",
					 problems),
				problems);
		else
			fprintf(stderr,
				ngettext("newsdesk: %d problem found\n",
					 "newsdesk: %d problems found\n", problems),
				problems);
		return ND_EXIT_FAIL;
	}
	char text[ND_ROOT_TEXT];
	nd_root_text(&proven, text);
	printf(_("root: %s\n"), text);
	puts(_("ok"));
	return ND_EXIT_OK;
}
