/* cmd_ssh.c — reporters over SSH: the forced-command shell, mine, and the
 * authorized_keys lines. Modelled on gitolite: one shared account, a key
 * per person, the identity only ever from the forced command's argument. */
#include "newsdesk/authkeys.h"
#include "newsdesk/buf.h"
#include "newsdesk/cli.h"
#include "newsdesk/count.h"
#include "newsdesk/external.h"
#include "newsdesk/items.h"
#include "newsdesk/journal.h"
#include "newsdesk/meta.h"
#include "newsdesk/tui.h"
#include "newsdesk/width.h"
#include "newsdesk/words.h"
#include "newsdesk/workflow.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int nd_cmd_mine(struct nd_cli *cli, const struct nd_command *cmd, int argc, char **argv)
{
	(void)argv;
	if (argc > 1)
		return nd_cli_usage(cmd, "mine takes no arguments");
	struct nd_error err = { 0 };
	struct nd_item *rows;
	size_t n;
	if (nd_cli_open(cli, 0, &err) < 0)
		return nd_cli_fail(&err);
	struct nd_filter f = { .reporter = cli->actor.user.login };
	if (nd_item_list(cli->st, &cli->actor, &f, 0, INT_MAX, cli->zh, &rows, &n, &err) < 0)
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
		nd_buf_adds(&line, cli->zh ? " 字" : " 字");
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
		if (nd_events_list(cli->st, &cli->actor, rows[i].id, cli->zh, &ev, &ne, &err) == 0)
			for (size_t k = ne; k-- > 0;)
				if (ev[k].note && strcmp(ev[k].actor, cli->actor.user.login) != 0) {
					if (ev[k].at >= at) {
						who = ev[k].actor;
						text = ev[k].note;
					}
					break;
				}
		if (text) {
			nd_buf_adds(&line, "  ");
			nd_buf_adds(&line, who);
			nd_buf_adds(&line, ": ");
			nd_fit(&line, text, 60, false, ND_ALIGN_LEFT);
		}
		nd_notes_free(notes, nn);
		nd_events_free(ev, ne);
		nd_buf_addc(&line, '\n');
		fputs(nd_buf_str(&line), stdout);
	}
	if (n == 0)
		puts(cli->zh ? "（你还没有提交稿件）" : "(you have filed nothing yet)");
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
		return nd_fail(err, ND_EIO, "cannot find newsdesk's own path");
	exe[len] = '\0';
	if (!realpath(cli->db_path, db))
		return nd_fail(err, ND_EIO, "cannot resolve %s: %s", cli->db_path, strerror(errno));
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
		rc = nd_fail(err, ND_ENOMEM, "out of memory");
	if (rc == 0) {
		/* atomically: a temporary file beside it, fsync, rename */
		char tmp[PATH_MAX];
		snprintf(tmp, sizeof tmp, "%s.newsdesk-XXXXXX", path);
		int fd = mkstemp(tmp);
		if (fd < 0) {
			rc = nd_fail(err, ND_EIO, "cannot write next to %s: %s", path,
				     strerror(errno));
		} else {
			size_t off = 0;
			while (off < out.len) {
				ssize_t w = write(fd, out.data + off, out.len - off);
				if (w < 0 && errno == EINTR)
					continue;
				if (w <= 0)
					break;
				off += (size_t)w;
			}
			bool ok = off == out.len && fchmod(fd, 0600) == 0 && fsync(fd) == 0;
			if (close(fd) < 0)
				ok = false;
			if (!ok || rename(tmp, path) < 0) {
				rc = nd_fail(err, ND_EIO, "cannot write %s: %s", path,
					     strerror(errno));
				unlink(tmp);
			}
		}
	}
	nd_buf_free(&existing);
	nd_buf_free(&out);
	return rc;
}

int nd_cmd_keys(struct nd_cli *cli, const struct nd_command *cmd, int argc, char **argv)
{
	const char *install = NULL;
	if (argc == 3 && strcmp(argv[1], "--install") == 0)
		install = argv[2];
	else if (argc == 2 && strcmp(argv[1], "--help") == 0) {
		nd_cli_print_usage(stdout, cmd);
		return ND_EXIT_OK;
	} else if (argc != 1)
		return nd_cli_usage(cmd, "keys takes only --install PATH");
	struct nd_error err = { 0 };
	struct nd_buf block = ND_BUF_INIT;
	int rc = nd_cli_open(cli, 0, &err);
	if (rc == 0)
		rc = nd_require_rank(&cli->actor, ND_RANK_ADMIN, "manage keys", &err);
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
		printf("installed newsdesk's keys in %s\n", install);
	return ND_EXIT_OK;
}

/* ---- the shell ------------------------------------------------------------------ */

/* What may be run over SSH, and by whom. Anything that names a file on the
 * server (edit --from, --output, FILE arguments to file) or changes users is
 * not here; the desk itself opens with ssh -t. */
static const struct ssh_command {
	const char *name;
	int min_rank;
	const char *what_en, *what_zh;
} ssh_commands[] = {
	{ "file", ND_RANK_REPORTER,
	  "file [--encoding E] [--token T] [--bytes N] [--sha256 H] < story.txt",
	  "file [--encoding 编码] [--token 标记] [--bytes 字节数] [--sha256 校验值] < 稿件.txt" },
	{ "mine", ND_RANK_REPORTER, "mine — your items and the last note on each",
	  "mine — 我的稿件和最新意见" },
	{ "show", ND_RANK_REPORTER, "show ID", "show 编号" },
	{ "log", ND_RANK_REPORTER, "log ID", "log 编号" },
	{ "help", ND_RANK_REPORTER, "help", "help" },
	{ "list", ND_RANK_EDITOR, "list [options]", "list [选项]" },
	{ "search", ND_RANK_REPORTER, "search WORDS (your items)", "search 关键词（你的稿件）" },
	{ "revisions", ND_RANK_EDITOR, "revisions ID", "revisions 编号" },
	{ "diff", ND_RANK_EDITOR, "diff ID [A [B]]", "diff 编号 [版本 [版本]]" },
	{ "proof", ND_RANK_EDITOR, "proof ID", "proof 编号" },
	{ "note", ND_RANK_EDITOR, "note ID TEXT", "note 编号 意见" },
	{ "workflow", ND_RANK_EDITOR, "workflow", "workflow" },
	{ "issue", ND_RANK_EDITOR, "issue list|show|add|page …", "issue list|show|add|page …" },
	{ "assign", ND_RANK_EDITOR, "assign ID --issue CODE --page N",
	  "assign 编号 --issue 期号 --page 版" },
	{ "move", ND_RANK_EDITOR, "move ID --page N", "move 编号 --page 版" },
	{ "unassign", ND_RANK_EDITOR, "unassign ID", "unassign 编号" },
	{ "rundown", ND_RANK_EDITOR, "rundown CODE [--format …]", "rundown 期号 [--format …]" },
	{ "stats", ND_RANK_EDITOR, "stats [--year Y]", "stats [--year 年]" },
	{ "publish", ND_RANK_CHIEF, "publish ID | --issue CODE", "publish 编号 | --issue 期号" },
	{ "unlock", ND_RANK_CHIEF, "unlock ID", "unlock 编号" },
};

/* --original writes a reporter's raw bytes, and over SSH the server cannot
 * tell whether the client's terminal receives them. */
static const char *const ssh_forbidden_options[] = { "--from", "--output",  "--db",
						     "--as",   "--install", "--original" };

static void ssh_help(struct nd_cli *cli, FILE *out)
{
	fprintf(out,
		cli->zh ? "newsdesk，%s（%s）可用的命令：\n" : "newsdesk commands for %s (%s):\n",
		cli->actor.user.login, cli->actor.user.role);
	for (size_t i = 0; i < sizeof ssh_commands / sizeof *ssh_commands; i++)
		if (cli->actor.user.rank >= ssh_commands[i].min_rank)
			fprintf(out, "  %s\n",
				cli->zh ? ssh_commands[i].what_zh : ssh_commands[i].what_en);
	fputs(cli->zh ? "  以及流程动作，如 refile 编号（退回的稿件重新提交）\n"
			"  ssh -t 打开编辑台\n"
		      : "  and the workflow verbs, e.g. refile ID (a returned item)\n"
			"  ssh -t opens the desk\n",
	      out);
}

static int refuse(struct nd_cli *cli, const char *en, const char *zh, const char *what)
{
	char *clean = nd_sanitized(what ? what : "", 0);
	fprintf(stderr, "newsdesk: ");
	fprintf(stderr, cli->zh ? zh : en, clean ? clean : "");
	fputc('\n', stderr);
	free(clean);
	return ND_EXIT_USAGE;
}

int nd_cmd_ssh_shell(struct nd_cli *cli, const struct nd_command *cmd, int argc, char **argv)
{
	if (argc != 2)
		return nd_cli_usage(cmd, "ssh-shell takes the LOGIN the key belongs to");
	struct nd_error err = { 0 };
	/* The identity comes only from our own argument; the Unix account
	 * running this (the desk account) must be an admin to act for it. */
	cli->as = argv[1];
	if (nd_cli_open(cli, 0, &err) < 0)
		return nd_cli_fail(&err);
	if (!cli->lang_given) {
		char lang[16];
		if (nd_meta_get(cli->st, "language", lang, sizeof lang, &err) == 0)
			cli->zh = strcmp(lang, "en") != 0;
	}
	const char *original = getenv("SSH_ORIGINAL_COMMAND");
	if (!original || !original[0]) {
		if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
			struct nd_tui_options opt = { 0 };
			if (nd_tui_run(cli->st, &cli->actor, cli->zh, &opt, &err) < 0)
				return nd_cli_fail(&err);
			return ND_EXIT_OK;
		}
		ssh_help(cli, stdout);
		return ND_EXIT_OK;
	}
	char **words;
	int n;
	if (nd_split_words(original, &words, &n, &err) < 0)
		return refuse(cli, "refused: %s", "拒绝：%s", err.msg);
	int rc;
	if (n == 0) {
		ssh_help(cli, stdout);
		rc = ND_EXIT_OK;
		goto out;
	}
	for (int i = 1; i < n; i++)
		for (size_t k = 0; k < sizeof ssh_forbidden_options / sizeof *ssh_forbidden_options;
		     k++)
			if (strncmp(words[i], ssh_forbidden_options[k],
				    strlen(ssh_forbidden_options[k])) == 0) {
				rc = refuse(cli, "refused: %s is not available over SSH",
					    "拒绝：SSH 不支持 %s", words[i]);
				goto out;
			}
	const struct ssh_command *sc = NULL;
	for (size_t i = 0; i < sizeof ssh_commands / sizeof *ssh_commands; i++)
		if (strcmp(ssh_commands[i].name, words[0]) == 0)
			sc = &ssh_commands[i];
	if (sc && strcmp(sc->name, "help") == 0) {
		ssh_help(cli, stdout);
		rc = ND_EXIT_OK;
		goto out;
	}
	if (sc && cli->actor.user.rank < sc->min_rank) {
		rc = refuse(cli, "refused: '%s' is not for your role", "拒绝：你的角色不能使用“%s”",
			    words[0]);
		goto out;
	}
	if (sc && strcmp(sc->name, "file") == 0) {
		/* the story comes on standard input, never from a server path */
		for (int i = 1; i < n; i++) {
			bool takes_value = strcmp(words[i], "--encoding") == 0 ||
					   strcmp(words[i], "--token") == 0 ||
					   strcmp(words[i], "--bytes") == 0 ||
					   strcmp(words[i], "--sha256") == 0;
			if (takes_value) {
				i++;
				continue;
			}
			if (words[i][0] != '-' || strcmp(words[i], "-") == 0) {
				rc = refuse(
				    cli,
				    "refused: file reads the story from standard input, not '%s'",
				    "拒绝：file 从标准输入读取稿件，不接受“%s”", words[i]);
				goto out;
			}
		}
	}
	const struct nd_command *command = sc ? nd_cli_find_command(words[0]) : NULL;
	if (command) {
		rc = command->run(cli, command, n, words);
		goto out;
	}
	/* A workflow verb (refile, approve, …): the workflow checks the role. */
	struct nd_workflow wf;
	if (nd_workflow_load(cli->st, &wf, &err) < 0) {
		rc = nd_cli_fail(&err);
		goto out;
	}
	bool verb = nd_workflow_has_verb(&wf, words[0]);
	nd_workflow_free(&wf);
	if (verb)
		rc = nd_cmd_verb(cli, words[0], n, words);
	else
		rc = refuse(cli, "refused: '%s' is not a newsdesk command (try help)",
			    "拒绝：“%s”不是 newsdesk 命令（可用 help 查看）", words[0]);
out:
	nd_words_free(words, n);
	return rc;
}
