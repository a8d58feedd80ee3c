/* cmd_ssh.c — reporters over SSH: the forced-command shell, mine, and the
 * authorized_keys lines. Modelled on gitolite: one shared account, a key
 * per person, the identity only ever from the forced command's argument. */
#include "newsdesk/audit.h"
#include "newsdesk/authkeys.h"
#include "newsdesk/buf.h"
#include "newsdesk/cli.h"
#include "newsdesk/count.h"
#include "newsdesk/external.h"
#include "newsdesk/files.h"
#include "newsdesk/items.h"
#include "newsdesk/journal.h"
#include "newsdesk/lang.h"
#include "newsdesk/meta.h"
#include "newsdesk/photos.h"
#include "newsdesk/quotas.h"
#include "newsdesk/tui.h"
#include "newsdesk/width.h"
#include "newsdesk/words.h"
#include "newsdesk/workflow.h"

#include <errno.h>
#include <libintl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

extern char **environ;

#define _(s) gettext(s)

int nd_cmd_mine(struct nd_cli *cli, const struct nd_command *cmd, void *args)
{
	const struct nd_words *a = args;
	if (a->npos > 0)
		return nd_cli_usage(cmd, _("mine takes no arguments"));
	struct nd_error err = { 0 };
	struct nd_item *rows;
	size_t n;
	if (nd_cli_open(cli, 0, &err) < 0)
		return nd_cli_fail(&err);
	struct nd_filter f = { .reporter = cli->actor.user.login };
	if (nd_item_list(cli->st, &cli->actor, &f, 0, INT_MAX, &rows, &n, &err) < 0)
		return nd_cli_fail(&err);
	struct nd_buf line = ND_BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		char id[24], chars[32];
		snprintf(id, sizeof id, "#%lld", (long long)rows[i].id);
		nd_format_count(rows[i].chars, chars, sizeof chars);
		nd_buf_reset(&line);
		nd_fit(&line, id, 7, true, ND_ALIGN_LEFT);
		nd_fit(&line, rows[i].state_label, 10, true, ND_ALIGN_LEFT);
		nd_fit(&line, rows[i].story.headline, 40, true, ND_ALIGN_LEFT);
		nd_fit(&line, chars, 7, true, ND_ALIGN_RIGHT);
		nd_buf_adds(&line, " 字");
		int photos = 0; /* photos (issue 22) */
		if (nd_photo_count(cli->st, rows[i].id, &photos, &err) == 0 && photos) {
			char label[64];
			snprintf(label, sizeof label, _("  photos: %d"), photos);
			nd_buf_adds(&line, label);
		}
		/* The last word from the desk: a review note, or the reason an
		 * item was returned or spiked, whichever is newer. */
		struct nd_note *notes = NULL;
		struct nd_event *ev = NULL;
		size_t nn = 0, ne = 0;
		const char *who = NULL, *text = NULL;
		int64_t at = -1;
		if (nd_notes_list(cli->st, &cli->actor, rows[i].id, &notes, &nn, &err) == 0 && nn) {
			who = notes[nn - 1].author_name ? notes[nn - 1].author_name
							: notes[nn - 1].author;
			text = notes[nn - 1].body;
			at = notes[nn - 1].at;
		}
		if (nd_events_list(cli->st, &cli->actor, rows[i].id, &ev, &ne, &err) == 0)
			for (size_t k = ne; k-- > 0;)
				if (ev[k].note && !ev[k].system &&
				    strcmp(ev[k].actor, cli->actor.user.login) != 0) {
					if (ev[k].at >= at) {
						who = ev[k].actor_name ? ev[k].actor_name
								       : ev[k].actor;
						text = ev[k].note;
					}
					break;
				}
		if (text) {
			nd_buf_adds(&line, "  ");
			nd_buf_adds(&line, who);
			nd_buf_adds(&line, _(": "));
			nd_fit(&line, text, 60, false, ND_ALIGN_LEFT);
		}
		nd_notes_free(notes, nn);
		nd_events_free(ev, ne);
		nd_buf_addc(&line, '\n');
		fputs(nd_buf_str(&line), stdout);
	}
	if (n == 0)
		puts(_("(you have filed nothing yet)"));
	nd_buf_free(&line);
	nd_items_free(rows, n);
	return ND_EXIT_OK;
}

/* ---- keys ------------------------------------------------------------------ */

static int render_keys(struct nd_cli *cli, struct nd_buf *block, struct nd_error *err)
{
	struct nd_user *users;
	size_t n;
	char exe[PATH_MAX], db[PATH_MAX];
	ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (len <= 0)
		return nd_fail(err, ND_EIO, _("cannot find newsdesk's own path"));
	exe[len] = '\0';
	if (!realpath(cli->db_path, db))
		return nd_fail(err, ND_EIO, _("cannot resolve %1$s: %2$s"), cli->db_path,
			       strerror(errno));
	int rc = nd_user_list(cli->st, &users, &n, err);
	if (rc < 0)
		return rc;
	nd_buf_adds(block, ND_KEYS_BEGIN "\n");
	for (size_t i = 0; i < n; i++)
		if (users[i].enabled && users[i].ssh_key)
			nd_key_line(block, exe, db, users[i].login, users[i].ssh_key);
	nd_buf_adds(block, ND_KEYS_END "\n");
	nd_users_free(users, n);
	return 0;
}

static int install_keys(const char *path, const char *block, struct nd_error *err)
{
	struct nd_buf existing = ND_BUF_INIT, out = ND_BUF_INIT;
	int rc = 0;
	if (access(path, F_OK) == 0)
		rc = nd_read_file(path, &existing, err);
	if (rc == 0 && nd_keys_merge(nd_buf_str(&existing), block, &out) < 0)
		rc = nd_fail(err, ND_ENOMEM, _("out of memory"));
	/* the file is read above and merged: replacing it is the point */
	if (rc == 0)
		rc = nd_output_file(path, out.data ? out.data : "", out.len,
				    ND_OUT_MERGE | ND_OUT_PRIVATE, err);
	nd_buf_free(&existing);
	nd_buf_free(&out);
	return rc;
}

int nd_cmd_keys(struct nd_cli *cli, const struct nd_command *cmd, void *args)
{
	const struct nd_keys_args *a = args;
	const char *install = a->install;
	if (a->npos)
		return nd_cli_usage(cmd, _("keys takes only --install PATH"));
	struct nd_error err = { 0 };
	struct nd_buf block = ND_BUF_INIT;
	int rc = nd_cli_open(cli, 0, &err);
	if (rc == 0)
		rc = nd_require_rank(&cli->actor, ND_RANK_ADMIN, N_("manage keys"), &err);
	if (rc == 0)
		rc = render_keys(cli, &block, &err);
	if (rc == 0 && install)
		rc = install_keys(install, nd_buf_str(&block), &err);
	if (rc == 0 && !install)
		fputs(nd_buf_str(&block), stdout);
	nd_buf_free(&block);
	if (rc < 0)
		return nd_cli_fail(&err);
	if (install)
		printf(_("installed newsdesk's keys in %s\n"), install);
	return ND_EXIT_OK;
}

/* ---- the shell ------------------------------------------------------------------ */

/* What may be run over SSH, and by whom, is the command table's: the
 * commands marked ND_CMD_SSH, for the roles they name, with only their
 * options that name no server path. The session is also a restricted
 * context (files.h), so a file open, create or program start that some
 * path still reached would be refused where it happens. */

void nd_ssh_help(struct nd_cli *cli, FILE *out)
{
	fprintf(out, _("newsdesk commands for %1$s (%2$s):\n"), cli->actor.user.login,
		cli->actor.user.role);
	struct nd_buf b = ND_BUF_INIT;
	for (const struct nd_command *c = nd_commands; c->name; c++)
		if ((c->flags & ND_CMD_SSH) && cli->actor.user.rank >= c->min_rank) {
			nd_buf_reset(&b);
			nd_cli_synopsis(&b, c, true);
			fprintf(out, "  %s\n", nd_buf_str(&b));
		}
	nd_buf_free(&b);
	fputs(_("  and the workflow verbs, e.g. refile ID (a returned item)\n"
		"  ssh -t opens the desk\n"),
	      out);
}

static int refuse(const char *code, const char *fmt, const char *what)
{
	nd_cli_note_refusal(code, what);
	char *clean = nd_sanitized(what ? what : "", 0);
	fprintf(stderr, "newsdesk: ");
	fprintf(stderr, fmt, clean ? clean : "");
	fputc('\n', stderr);
	free(clean);
	return ND_EXIT_USAGE;
}

/* The forced command reads only the NEWSDESK_* variables the man page lists
 * for it (ENVIRONMENT): whatever else an AcceptEnv lets a client send, or
 * the account's environment holds, is dropped before anything reads it.
 * NEWSDESK_LOCALEDIR is kept only when its folder and catalogue are root's
 * or the desk account's and nobody else may write them: a catalogue's
 * translations are printf formats (issue 32). */
static bool trusted_path(const char *path)
{
	struct stat s;
	return stat(path, &s) == 0 && (s.st_uid == 0 || s.st_uid == geteuid()) &&
	       !(s.st_mode & (S_IWGRP | S_IWOTH));
}

static void ssh_environment(void)
{
	static const char *const kept[] = { "NEWSDESK_DB=", "NEWSDESK_AMBIWIDTH=",
					    "NEWSDESK_PREVIEW=", "NEWSDESK_LOCALEDIR=" };
	for (size_t i = 0; environ && environ[i];) {
		const char *v = environ[i];
		bool keep = strncmp(v, "NEWSDESK_", 9) != 0 || !strchr(v, '=');
		for (size_t k = 0; !keep && k < sizeof kept / sizeof *kept; k++)
			keep = strncmp(v, kept[k], strlen(kept[k])) == 0;
		char name[128];
		size_t len = (size_t)(strchr(v, '=') ? strchr(v, '=') - v : 0);
		if (keep || len >= sizeof name) {
			i++;
			continue;
		}
		memcpy(name, v, len);
		name[len] = '\0';
		unsetenv(name); /* environ shifts down: i stays */
	}
	const char *dir = getenv("NEWSDESK_LOCALEDIR");
	if (dir) {
		char mo[PATH_MAX];
		snprintf(mo, sizeof mo, "%s/zh_CN/LC_MESSAGES/newsdesk.mo", dir);
		if (!trusted_path(dir) || (access(mo, F_OK) == 0 && !trusted_path(mo))) {
			unsetenv("NEWSDESK_LOCALEDIR");
			bindtextdomain("newsdesk", ND_LOCALEDIR);
		}
	}
}

/* Standard input through a counter: the audit log's bytes in. */
static int64_t bytes_in;

static ssize_t counted_read(void *cookie, char *buf, size_t size)
{
	(void)cookie;
	ssize_t r;
	do
		r = read(STDIN_FILENO, buf, size);
	while (r < 0 && errno == EINTR);
	if (r > 0)
		bytes_in += r;
	return r;
}

static void count_stdin(void)
{
	cookie_io_functions_t io = { .read = counted_read };
	FILE *in = fopencookie(NULL, "r", io);
	if (in)
		stdin = in;
}

/* The commands that take an upload on standard input: past
 * ND_UPLOAD_SLOTS at once they wait, so concurrent uploads do not
 * multiply the memory each holds while its bytes are checked. */
static int run_command(struct nd_cli *cli, const struct nd_command *command, int n, char **words)
{
	static const char *const uploads[] = { "file", "attach" };
	bool upload = false;
	for (size_t k = 0; k < sizeof uploads / sizeof *uploads; k++)
		upload |= strcmp(command->name, uploads[k]) == 0;
	int slot = -1;
	struct nd_error err = { 0 };
	if (upload && nd_upload_slot_take(cli->db_path, &slot, &err) < 0)
		return nd_cli_fail(&err);
	int rc = nd_cli_run(cli, command, n, words);
	nd_upload_slot_give(slot);
	return rc;
}

/* The words of SSH_ORIGINAL_COMMAND, run as the command line would run
 * them (strictly, by the command table), or the help. */
static int run_words(struct nd_cli *cli, const char *original)
{
	struct nd_error err = { 0 };
	char **words;
	int n;
	if (nd_split_words(original, &words, &n, &err) < 0)
		return refuse("unreadable-words", _("refused: %s"), err.msg);
	int rc;
	const struct nd_command *command = n ? nd_cli_resolve(n, words) : NULL;
	if (n == 0) {
		nd_ssh_help(cli, stdout);
		rc = ND_EXIT_OK;
	} else if (command) {
		rc = run_command(cli, command, n, words);
	} else {
		/* A workflow verb (refile, approve, …): the workflow checks the role. */
		struct nd_workflow wf;
		bool verb = false;
		if (nd_workflow_load(cli->st, &wf, &err) == 0) {
			verb = nd_workflow_has_verb(&wf, words[0]);
			nd_workflow_free(&wf);
		}
		if (verb)
			rc = nd_cli_run(cli, &nd_verb_command, n, words);
		else if (err.msg[0])
			rc = nd_cli_fail(&err);
		else
			rc = refuse("not-a-command",
				    _("refused: '%s' is not a newsdesk command (try help)"),
				    words[0]);
	}
	nd_words_free(words, n);
	return rc;
}

/* No command: the desk on a terminal, else the help. */
static int no_words(struct nd_cli *cli)
{
	struct nd_error err = { 0 };
	int desk = 1;
	if (nd_user_desk(cli->st, cli->actor.user.login, &desk, &err) < 0)
		return nd_cli_fail(&err);
	if (!desk && isatty(STDOUT_FILENO)) {
		/* turned off for them (user desk LOGIN off): what they may do instead */
		nd_cli_note_refusal("desk-off", NULL);
		printf(_("The desk is turned off for you: file and follow your items with "
			 "commands.\n"));
		nd_ssh_help(cli, stdout);
		return ND_EXIT_PERM;
	}
	if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
		struct nd_tui_options opt = { 0 };
		if (nd_tui_run(cli->st, &cli->actor, &opt, &err) < 0)
			return nd_cli_fail(&err);
		return ND_EXIT_OK;
	}
	nd_ssh_help(cli, stdout);
	return ND_EXIT_OK;
}

int nd_cmd_ssh_shell(struct nd_cli *cli, const struct nd_command *cmd, int argc, char **argv)
{
	/* Before anything else: from here on no file a user names is opened
	   or created and no program started, whatever the words say. */
	nd_restrict();
	cli->ssh = true;
	ssh_environment();
	if (argc != 2)
		return nd_cli_usage(cmd, _("ssh-shell takes the LOGIN the key belongs to"));
	struct nd_error err = { 0 };
	/* The identity comes only from our own argument; the Unix account
	 * running this (the desk account) must be an admin to act for it. */
	cli->as = argv[1];
	const char *original = getenv("SSH_ORIGINAL_COMMAND");
	if (!original)
		original = "";
	int opened = nd_cli_open(cli, 0, &err);
	if (!cli->st)
		return nd_cli_fail(&err);
	/* Every command is on record before it runs; no record, no command. */
	int64_t id;
	struct nd_error audit_err = { 0 };
	char client[128] = ""; /* SSH_CONNECTION: the client's address and port */
	const char *conn = getenv("SSH_CONNECTION");
	if (conn) {
		size_t sp = strcspn(conn, " ");
		sp += conn[sp] ? 1 + strcspn(conn + sp + 1, " ") : 0;
		snprintf(client, sizeof client, "%.*s", (int)(sp < 127 ? sp : 127), conn);
	}
	if (nd_audit_begin(cli->st, argv[1], conn ? client : NULL, original, &id, &audit_err) < 0)
		return nd_cli_fail(&audit_err);
	int rc;
	if (opened < 0) {
		nd_cli_note_refusal("unknown-login", argv[1]);
		rc = nd_cli_fail(&err);
	} else if (!original[0]) {
		rc = no_words(cli);
	} else {
		count_stdin();
		rc = run_words(cli, original);
	}
	const char *argument = NULL, *reason = rc ? nd_cli_refusal(&argument) : NULL;
	if (rc && !reason)
		reason = "failed";
	fflush(stdout);
	if (nd_audit_end(cli->st, id, reason, argument, bytes_in, rc, &audit_err) < 0)
		nd_cli_fail(&audit_err);
	return rc;
}
