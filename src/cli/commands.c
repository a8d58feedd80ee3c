/* commands.c — the one command table: every command with its options
 * (whether each takes a value, whether the value names a server path), its
 * least role and whether the SSH shell may run it. The command line's
 * parser, the SSH shell's, --help and the SSH help all read it; the man
 * page's synopses are checked against it (tests/cli/synopsis.sh). */
#include "newsdesk/cli.h"
#include "newsdesk/files.h"
#include "newsdesk/lang.h"
#include "newsdesk/sanitize.h"
#include "newsdesk/termcode.h"

#include <stdlib.h>
#include <string.h>

#define V ND_OPT_VALUE
#define P (ND_OPT_VALUE | ND_OPT_PATH)
#define R ND_OPT_REQUIRED

static const struct nd_option file_opts[] = {
	{ ND_O_ENCODING, "encoding", V, "NAME" },
	{ ND_O_TOKEN, "token", V, "T" },
	{ ND_O_BYTES, "bytes", V, "N" },
	{ ND_O_SHA256, "sha256", V, "HEX" },
	{ ND_O_TAR, "tar", 0, NULL }, /* photos (issue 22) */
	{ ND_O_FORMAT, "format", V, "text|docx" }, /* a Word document (issue 34) */
	{ 0 },
};
static const struct nd_option list_opts[] = {
	{ ND_O_STATE, "state", V, "S" },
	{ ND_O_SECTION, "section", V, "S" },
	{ ND_O_REPORTER, "reporter", V, "LOGIN" },
	{ ND_O_ISSUE, "issue", V, "CODE" },
	{ ND_O_SORT, "sort", V, "updated|id|filed|chars" },
	{ ND_O_LIMIT, "limit", V, "N" },
	{ ND_O_FORMAT, "format", V, "table|tsv|json" },
	{ ND_O_WIDTH, "width", V, "N" },
	{ 0 },
};
static const struct nd_option rev_format_opts[] = {
	{ ND_O_REV, "rev", V, "N" },
	{ ND_O_FORMAT, "format", V, "text|json" },
	{ 0 },
};
/* --original writes a reporter's raw bytes: over SSH the server cannot
 * tell whether they reach a terminal, so it is the command line's only. */
static const struct nd_option show_opts[] = {
	{ ND_O_REV, "rev", V, "N" },
	{ ND_O_FORMAT, "format", V, "text|json" },
	{ ND_O_ORIGINAL, "original", ND_OPT_LOCAL, NULL },
	{ 0 },
};
static const struct nd_option redecode_opts[] = {
	{ ND_O_ENCODING, "encoding", V | R, "NAME" },
	{ 0 },
};
static const struct nd_option edit_opts[] = {
	{ ND_O_FROM, "from", P, "FILE" },
	{ ND_O_KEEP_STATE, "keep-state", 0, NULL },
	{ 0 },
};
static const struct nd_option issue_add_opts[] = {
	{ ND_O_TITLE, "title", V | R, "T" },
	{ ND_O_DATE, "date", V, "YYYY-MM-DD" },
	{ ND_O_PAGES, "pages", V, "N" },
	{ 0 },
};
static const struct nd_option issue_page_opts[] = {
	{ ND_O_SECTION, "section", V, "S" },
	{ ND_O_BUDGET, "budget", V, "版面字数" },
	{ ND_O_CHARS_PER_LINE, "chars-per-line", V, "N" },
	{ 0 },
};
static const struct nd_option assign_opts[] = {
	{ ND_O_ISSUE, "issue", V | R, "CODE" },
	{ ND_O_PAGE, "page", V | R, "N" },
	{ ND_O_POSITION, "position", V, "P" },
	{ 0 },
};
static const struct nd_option move_opts[] = {
	{ ND_O_PAGE, "page", V | R, "N" },
	{ ND_O_POSITION, "position", V, "P" },
	{ 0 },
};
static const struct nd_option rundown_opts[] = {
	{ ND_O_FORMAT, "format", V, "text|csv|json|html" },
	{ ND_O_OUTPUT, "output", P, "FILE" },
	{ ND_O_FORCE, "force", ND_OPT_LOCAL, NULL },
	{ ND_O_WIDTH, "width", V, "N" },
	{ 0 },
};
static const struct nd_option publish_opts[] = {
	{ ND_O_ISSUE, "issue", V, "CODE" },
	{ ND_O_PARTIAL, "partial", 0, NULL },
	{ ND_O_NOTE, "note", V, "TEXT" },
	{ 0 },
};
static const struct nd_option export_opts[] = {
	{ ND_O_FORMAT, "format", V | R, "txt|json|html" },
	{ ND_O_OUTPUT, "output", P | R, "DIR" },
	{ ND_O_FORCE, "force", ND_OPT_LOCAL, NULL },
	{ 0 },
};
/* Proofs go to a file or a pipe; over SSH an editor's standard output only
 * (--output names a server path). */
static const struct nd_option galley_opts[] = {
	{ ND_O_ISSUE, "issue", V, "CODE" },
	{ ND_O_OUTPUT, "output", P, "FILE" },
	{ ND_O_FORCE, "force", ND_OPT_LOCAL, NULL },
	{ 0 },
};
static const struct nd_option stats_opts[] = {
	{ ND_O_YEAR, "year", V, "YYYY" },
	{ ND_O_REPORTER, "reporter", V, "LOGIN" },
	{ 0 },
};
static const struct nd_option measure_opts[] = {
	{ ND_O_SECTION, "section", V, "S" },
	{ 0 },
};
/* --interactive opens the desk on this terminal: the command line's only. */
static const struct nd_option import_opts[] = {
	{ ND_O_ISSUE, "issue", V, "CODE" },
	{ ND_O_STATE, "state", V, "submitted|published" },
	{ ND_O_DRY_RUN, "dry-run", 0, NULL },
	{ ND_O_INTERACTIVE, "interactive", ND_OPT_LOCAL, NULL },
	{ ND_O_FORMAT, "format", V, "text|json" },
	{ ND_O_ENCODING, "encoding", V, "NAME" },
	{ 0 },
};
static const struct nd_option search_opts[] = {
	{ ND_O_STATE, "state", V, "S" },
	{ ND_O_SECTION, "section", V, "S" },
	{ ND_O_REPORTER, "reporter", V, "LOGIN" },
	{ ND_O_ISSUE, "issue", V, "CODE" },
	{ ND_O_SINCE, "since", V, "YYYY-MM-DD" },
	{ ND_O_UNTIL, "until", V, "YYYY-MM-DD" },
	{ ND_O_LIMIT, "limit", V, "N" },
	{ ND_O_PAGE, "page", V, "N" },
	{ ND_O_OFFSET, "offset", V, "N" },
	{ ND_O_FORMAT, "format", V, "table|json" },
	{ 0 },
};
static const struct nd_option backup_opts[] = {
	{ ND_O_FORCE, "force", ND_OPT_LOCAL, NULL },
	{ 0 },
};
static const struct nd_option check_opts[] = {
	{ ND_O_REPAIR, "repair", 0, NULL },
	{ 0 },
};
static const struct nd_option restore_opts[] = {
	{ ND_O_FROM_REPLICA, "from-replica", P, "URL" },
	{ ND_O_TIMESTAMP, "timestamp", V, "T" },
	{ ND_O_FORCE, "force", ND_OPT_LOCAL, NULL },
	{ 0 },
};
static const struct nd_option keys_opts[] = {
	{ ND_O_INSTALL, "install", P, "PATH" },
	{ 0 },
};
static const struct nd_option desk_opts[] = {
	{ ND_O_ONCE, "once", 0, NULL },
	{ ND_O_BENCH_KEYS, "bench-keys", V | ND_OPT_LOCAL, "ID" },
	{ ND_O_BENCH_LIST, "bench-list", V | ND_OPT_LOCAL, "WORD" },
	{ ND_O_KEYS, "keys", V | ND_OPT_LOCAL, "N" },
	{ ND_O_KEYS_FILE, "keys-file", P, "FILE" },
	{ 0 },
};
static const struct nd_option user_add_opts[] = {
	{ ND_O_ROLE, "role", V | R, "ROLE" },
	{ ND_O_NAME, "name", V, "姓名" },
	{ ND_O_KEY, "key", P, "FILE" },
	{ 0 },
};
static const struct nd_option user_key_opts[] = {
	{ ND_O_KEY, "key", P | R, "FILE" },
	{ 0 },
};
/* photos (issue 22) */
static const struct nd_option attach_opts[] = {
	{ ND_O_NAME, "name", V, "NAME" },
	{ ND_O_CAPTION, "caption", V, "TEXT" },
	{ ND_O_BYTES, "bytes", V, "N" },
	{ ND_O_SHA256, "sha256", V, "HEX" },
	{ 0 },
};
static const struct nd_option note_opts[] = {
	{ ND_O_NOTE, "note", V, "TEXT" },
	{ 0 },
};

#undef V
#undef P
#undef R

enum {
	REPORTER = ND_RANK_REPORTER,
	EDITOR = ND_RANK_EDITOR,
	CHIEF = ND_RANK_CHIEF,
	ADMIN = ND_RANK_ADMIN,
	SSH = ND_CMD_SSH,
	PATHS = ND_CMD_PATH_ARGS,
	ALSO_VERB = ND_CMD_ALSO_VERB
};

#define CMD(name, run, args, summary, opts, rank, flags)                                           \
	{                                                                                          \
		name, run, args, summary, opts, rank, flags, NULL, NULL                            \
	}
#define GROUP(name, summary, rank, flags, subs)                                                    \
	{                                                                                          \
		name, NULL, "", summary, NULL, rank, flags, subs, NULL                             \
	}
#define SUB(name, run, args, summary, opts, rank, flags, group)                                    \
	{                                                                                          \
		name, run, args, summary, opts, rank, flags, NULL, group                           \
	}

static const struct nd_command user_subs[] = {
	SUB("add", nd_cmd_user, "LOGIN", "add a user (admins)", user_add_opts, ADMIN, 0, "user"),
	SUB("key", nd_cmd_user, "LOGIN", "store a user's SSH public key (admins)", user_key_opts,
	    ADMIN, 0, "user"),
	SUB("list", nd_cmd_user, "", "list the users", NULL, ADMIN, 0, "user"),
	SUB("disable", nd_cmd_user, "LOGIN", "disable a user (admins)", NULL, ADMIN, 0, "user"),
	SUB("enable", nd_cmd_user, "LOGIN", "enable a user again (admins)", NULL, ADMIN, 0, "user"),
	{ 0 },
};

static const struct nd_command issue_subs[] = {
	SUB("add", nd_cmd_issue, "CODE", "plan a new issue", issue_add_opts, EDITOR, SSH, "issue"),
	SUB("list", nd_cmd_issue, "", "the issues", NULL, EDITOR, SSH, "issue"),
	SUB("show", nd_cmd_issue, "CODE", "the issue's rundown", NULL, EDITOR, SSH, "issue"),
	SUB("page", nd_cmd_issue, "CODE N",
	    "plan a page: its section, 版面字数 budget and 字/行 (chars a line)", issue_page_opts,
	    EDITOR, SSH, "issue"),
	{ 0 },
};

/* photos (issue 22): get writes a picture's bytes, which over SSH could
 * reach a terminal the server cannot see: the command line's only */
static const struct nd_command photo_subs[] = {
	SUB("list", nd_cmd_photo, "ID", "an item's photos: name, size, EXIF date, caption", NULL,
	    REPORTER, SSH, "photo"),
	SUB("get", nd_cmd_photo, "ID N", "photo N's bytes as filed, to a file or pipe", NULL,
	    REPORTER, 0, "photo"),
	SUB("caption", nd_cmd_photo, "ID N TEXT...", "a new caption for photo N", NULL, REPORTER,
	    SSH, "photo"),
	SUB("move", nd_cmd_photo, "ID N TO", "put photo N at place TO", NULL, REPORTER, SSH,
	    "photo"),
	SUB("detach", nd_cmd_photo, "ID N", "take photo N off the item (its history keeps it)",
	    NULL, REPORTER, SSH, "photo"),
	{ 0 },
};

static const struct nd_command replica_subs[] = {
	SUB("config", nd_cmd_replica, "URL", "print the litestream.yml replicate would use", NULL,
	    ADMIN, PATHS, "replica"),
	{ 0 },
};

const struct nd_command nd_commands[] = {
	CMD("init", nd_cmd_init, "", "create the database and register you as its admin", NULL, 0,
	    0),
	GROUP("user", "manage users (admins)", ADMIN, 0, user_subs),
	CMD("file", nd_cmd_file, "[FILE...]", "file stories (stdin when no FILE) as new items",
	    file_opts, REPORTER, SSH | PATHS),
	/* photos (issue 22) */
	CMD("attach", nd_cmd_attach, "ID [FILE...]",
	    "attach photos (JPEG, PNG, WebP) to an item; over SSH one, on standard input",
	    attach_opts, REPORTER, SSH),
	GROUP("photo", "an item's photos: list, get, caption, move, detach", REPORTER, SSH,
	      photo_subs),
	CMD("list", nd_cmd_list, "", "list items, newest first", list_opts, EDITOR, SSH),
	CMD("show", nd_cmd_show, "ID",
	    "show one item (--original: the bytes as filed, to a file or pipe)", show_opts,
	    REPORTER, SSH),
	CMD("revisions", nd_cmd_revisions, "ID", "list an item's revisions", NULL, EDITOR, SSH),
	CMD("log", nd_cmd_log, "ID", "the item's workflow log and notes", NULL, REPORTER, SSH),
	CMD("note", nd_cmd_note, "ID TEXT...", "add a review note to an item", NULL, EDITOR, SSH),
	CMD("edit", nd_cmd_edit, "ID",
	    "edit an item in $EDITOR (or save FILE) as a new revision, under the edit lock",
	    edit_opts, REPORTER, 0),
	CMD("redecode", nd_cmd_redecode, "ID",
	    "decode the filed original again in NAME (big5, gb18030, …) as a new revision",
	    redecode_opts, EDITOR, SSH),
	CMD("drafts", nd_cmd_drafts, "[discard ID]",
	    "unsaved drafts (autosaved by the desk, left by $EDITOR); discard your own", NULL,
	    REPORTER, 0),
	CMD("diff", nd_cmd_diff, "ID [REV_A [REV_B]]",
	    "what changed between two revisions ([-deleted-] {+inserted+}); default: filed → current",
	    NULL, EDITOR, SSH),
	CMD("proof", nd_cmd_proof, "ID",
	    "proofreading warnings (校对): pairs, repeats, half-width marks, datelines, credits",
	    rev_format_opts, EDITOR, SSH),
	GROUP("issue", "plan the publication's issues (期) and their pages", EDITOR, SSH,
	      issue_subs),
	CMD("assign", nd_cmd_assign, "ID",
	    "place an item on a page (position defaults to the end; others shift)", assign_opts,
	    EDITOR, SSH),
	CMD("move", nd_cmd_assign, "ID", "move a placed item within its issue", move_opts, EDITOR,
	    SSH),
	CMD("unassign", nd_cmd_unassign, "ID", "take an item off its page", NULL, EDITOR, SSH),
	CMD("rundown", nd_cmd_rundown, "CODE",
	    "the issue's rundown: pages, items, 字数 汉字 版面字数, 版面字数 against budgets, what is "
	    "not signed off",
	    rundown_opts, EDITOR, SSH),
	CMD("publish", nd_cmd_publish, "[ID]",
	    "publish an approved item, or every approved item of an issue in one transaction",
	    publish_opts, CHIEF, SSH),
	CMD("export", nd_cmd_export, "CODE",
	    "write a published issue: one file per item in page order, and an index", export_opts,
	    EDITOR, 0),
	CMD("galley", nd_cmd_galley, "[ID...]",
	    "galley proofs (校样) as PDF: items, or an issue page by page, set on the grid of 字/行 "
	    "with line numbers and proofreading marks",
	    galley_opts, EDITOR, SSH),
	CMD("stats", nd_cmd_stats, "",
	    "items filed and published, and published 字数, 汉字, 版面字数, per reporter for a "
	    "year (通联)",
	    stats_opts, EDITOR, SSH),
	CMD("measure", nd_cmd_measure, "[N]",
	    "字/行 (chars a line) 版面字数 is counted at: the publication's and each section's; N "
	    "sets the publication's (chiefs) or, with --section, a section's (0 clears it)",
	    measure_opts, EDITOR, SSH),
	CMD("import", nd_cmd_import, "FILE...",
	    "split page dumps (pages copied out of print) into items and file them", import_opts,
	    EDITOR, PATHS),
	CMD("search", nd_cmd_search, "QUERY...",
	    "find items by their text: words ANDed, \"a phrase\" as is; headline hits first",
	    search_opts, REPORTER, SSH),
	CMD("reindex", nd_cmd_reindex, "", "rebuild the full-text index (admins)", NULL, ADMIN, 0),
	CMD("backup", nd_cmd_backup, "FILE",
	    "copy the database while others work, then check the copy (admins)", backup_opts, ADMIN,
	    PATHS),
	CMD("restore", nd_cmd_restore, "[BACKUP]",
	    "put a backup in place: checked first, refused while the database is open, the old "
	    "files kept (admins); --from-replica: the standby replica's copy, as of T",
	    restore_opts, ADMIN, PATHS | ALSO_VERB),
	CMD("replicate", nd_cmd_replicate, "URL",
	    "stream the database to a standby replica with Litestream, in the foreground (admins)",
	    NULL, ADMIN, PATHS),
	GROUP("replica", "the standby replica's Litestream configuration (admins)", ADMIN, 0,
	      replica_subs),
	CMD("check", nd_cmd_check, "",
	    "check the database and prove its history, and its file modes; --repair rebuilds "
	    "the index and counts",
	    check_opts, REPORTER, 0),
	CMD("mine", nd_cmd_mine, "", "my items: state, headline, 字数 and the last note on each",
	    NULL, REPORTER, SSH),
	CMD("settings", nd_cmd_settings, "[NAME [VALUE|default]]",
	    "your own settings (ambiwidth 1|2|auto: how wide your terminal draws “ · … ─)", NULL,
	    REPORTER, SSH),
	CMD("keys", nd_cmd_keys, "",
	    "the authorized_keys lines for every enabled user with a key (admins)", keys_opts,
	    ADMIN, 0),
	CMD("ssh-shell", nd_cmd_ssh_shell, "LOGIN",
	    "the forced command of authorized_keys: runs SSH_ORIGINAL_COMMAND as LOGIN", NULL, 0,
	    0),
	CMD("unlock", nd_cmd_unlock, "ID", "break another editor's edit lock (chiefs; logged)",
	    NULL, CHIEF, SSH),
	CMD("workflow", nd_cmd_workflow, "", "list the workflow's states and verbs", NULL, EDITOR,
	    SSH),
	CMD("desk", nd_cmd_desk, "",
	    "open the desk (what newsdesk with no command does on a terminal); --once draws one screen",
	    desk_opts, REPORTER, 0),
	CMD("help", nd_cmd_help, "[COMMAND]", "this list, or one command's usage", NULL, REPORTER,
	    SSH),
	{ 0 },
};

/* The workflow checks each verb's role itself. */
const struct nd_command nd_verb_command =
    CMD("VERB", NULL, "ID", "a workflow verb: finish, approve, publish, return, refile, …",
	note_opts, REPORTER, SSH);

const struct nd_command *nd_cli_find_command(const char *name)
{
	for (const struct nd_command *c = nd_commands; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

const struct nd_command *nd_cli_resolve(int n, char **words)
{
	const struct nd_command *cmd = n > 0 ? nd_cli_find_command(words[0]) : NULL;
	if (cmd && (cmd->flags & ND_CMD_ALSO_VERB) && n > 1 && nd_cli_parse_id(words[1]))
		return NULL;
	return cmd;
}

static bool option_over_ssh(const struct nd_option *o)
{
	return !(o->flags & (ND_OPT_PATH | ND_OPT_LOCAL));
}

void nd_cli_synopsis(struct nd_buf *b, const struct nd_command *cmd, bool ssh)
{
	if (cmd->subs) {
		for (const struct nd_command *s = cmd->subs; s->name; s++) {
			if (ssh && !(s->flags & ND_CMD_SSH))
				continue;
			if (s != cmd->subs)
				nd_buf_adds(b, " | ");
			nd_cli_synopsis(b, s, ssh);
		}
		return;
	}
	if (cmd->group)
		nd_buf_printf(b, "%s ", cmd->group);
	nd_buf_adds(b, cmd->name);
	if (cmd->args[0] && !(ssh && (cmd->flags & ND_CMD_PATH_ARGS)))
		nd_buf_printf(b, " %s", cmd->args);
	for (const struct nd_option *o = cmd->options; o && o->name; o++) {
		if (ssh && !option_over_ssh(o))
			continue;
		bool req = o->flags & ND_OPT_REQUIRED;
		nd_buf_printf(b, " %s--%s", req ? "" : "[", o->name);
		if (o->flags & ND_OPT_VALUE)
			nd_buf_printf(b, " %s", o->value);
		if (!req)
			nd_buf_addc(b, ']');
	}
	if (ssh && (cmd->flags & ND_CMD_PATH_ARGS))
		nd_buf_adds(b, " < FILE");
}

/* ---- parsing ---------------------------------------------------------------- */

static const struct nd_option *find_option(const struct nd_command *cmd, const char *name,
					   size_t len)
{
	for (const struct nd_option *o = cmd->options; o && o->name; o++)
		if (strlen(o->name) == len && strncmp(o->name, name, len) == 0)
			return o;
	return NULL;
}

/* Prints "newsdesk: refused: …" with the word sanitised, and the usage. */
static int refuse(const struct nd_command *cmd, const char *fmt, const char *word)
{
	char *clean = nd_sanitized(word, 0);
	int rc = nd_cli_usage(cmd, fmt, clean ? clean : "?");
	free(clean);
	return rc;
}

/* One option word at argv[*i]; true when it was taken. */
static bool take_option(struct nd_cli *cli, const struct nd_command *cmd, int argc, char **argv,
			int *i, struct nd_args *a, int *rc)
{
	const char *word = argv[*i] + 2;
	const char *eq = cli->ssh ? NULL : strchr(word, '=');
	size_t len = eq ? (size_t)(eq - word) : strlen(word);
	const struct nd_option *o = find_option(cmd, word, len);
	if (!o) {
		if (cli->ssh && strchr(word, '='))
			*rc = refuse(cmd, _("'%s': give an option's value as the next word"),
				     argv[*i]);
		else
			*rc = refuse(cmd, _("unknown option '%s'"), argv[*i]);
		return false;
	}
	if (cli->ssh && !option_over_ssh(o)) {
		*rc = refuse(cmd, _("refused: '%s' is not available over SSH"), argv[*i]);
		return false;
	}
	if (a->n == ND_MAX_OPTION_WORDS) {
		*rc = refuse(cmd, _("too many options (at '%s')"), argv[*i]);
		return false;
	}
	const char *value = NULL;
	if (o->flags & ND_OPT_VALUE) {
		if (eq)
			value = eq + 1;
		else if (*i + 1 < argc)
			value = argv[++*i];
		else {
			*rc = refuse(cmd, _("'%s' needs a value"), argv[*i]);
			return false;
		}
	} else if (eq) {
		*rc = refuse(cmd, _("'%s' takes no value"), argv[*i]);
		return false;
	}
	a->opt[a->n].key = o->key;
	a->opt[a->n].value = value;
	a->n++;
	return true;
}

/* Machine formats stay UTF-8 on a terminal of another charset (JSON is
 * UTF-8 by its RFC; the others declare or assume it): stdout stops
 * converting. Text for people is converted (src/text/termcode.c). */
static void machine_format(const struct nd_args *a)
{
	static const char *const machine[] = { "json", "tsv", "csv", "html" };
	for (int k = 0; k < a->n; k++)
		for (size_t m = 0; m < sizeof machine / sizeof *machine; m++)
			if (a->opt[k].key == ND_O_FORMAT && a->opt[k].value &&
			    strcmp(a->opt[k].value, machine[m]) == 0)
				nd_term_stdout_bytes();
}

bool nd_cli_parse(struct nd_cli *cli, const struct nd_command *cmd, int argc, char **argv,
		  struct nd_args *a, int *rc)
{
	a->n = 0;
	a->npos = 0;
	a->pos = argv + 1;
	bool only_words = false;
	*rc = ND_EXIT_OK;
	for (int i = 1; i < argc; i++) {
		const char *w = argv[i];
		if (only_words || w[0] != '-' || strcmp(w, "-") == 0) {
			if (cli->ssh && (cmd->flags & ND_CMD_PATH_ARGS)) {
				*rc = refuse(cmd,
					     _("refused: '%s': over SSH a story comes on standard "
					       "input, never from a file on the server"),
					     w);
				return true;
			}
			/* moved to the front by rotating the option words after
			   it, so argv keeps every pointer once (the SSH shell
			   frees its words); option words are few (bounded) */
			char *word = argv[i];
			int to = 1 + a->npos++;
			memmove(&argv[to + 1], &argv[to], (size_t)(i - to) * sizeof *argv);
			argv[to] = word;
		} else if (strcmp(w, "--") == 0) {
			only_words = true;
		} else if (strcmp(w, "--help") == 0 || (!cli->ssh && strcmp(w, "-h") == 0)) {
			nd_cli_print_usage(stdout, cmd);
			return true;
		} else if (w[1] != '-') {
			*rc = refuse(cmd, _("unknown option '%s' (options are spelled --name)"), w);
			return true;
		} else if (!take_option(cli, cmd, argc, argv, &i, a, rc)) {
			return true;
		}
	}
	machine_format(a);
	return false;
}

/* Over SSH: may the acting user run cmd (a command or a subcommand)? */
static bool ssh_allows(struct nd_cli *cli, const struct nd_command *cmd, const char *word, int *rc)
{
	if (!cli->ssh)
		return true;
	char *clean = nd_sanitized(word, 0);
	*rc = ND_EXIT_USAGE;
	if (!(cmd->flags & ND_CMD_SSH))
		fprintf(stderr, _("newsdesk: refused: '%s' is not available over SSH\n"),
			clean ? clean : "?");
	else if (cli->actor.user.rank < cmd->min_rank)
		fprintf(stderr, _("newsdesk: refused: '%s' is not for your role\n"),
			clean ? clean : "?");
	else
		*rc = ND_EXIT_OK;
	free(clean);
	return *rc == ND_EXIT_OK;
}

int nd_cli_run(struct nd_cli *cli, const struct nd_command *cmd, int argc, char **argv)
{
	int rc;
	if (!ssh_allows(cli, cmd, argv[0], &rc))
		return rc;
	if (!cmd->subs)
		return cmd->run(cli, cmd, argc, argv);
	if (argc < 2)
		return nd_cli_usage(cmd, _("%s needs a subcommand"), cmd->name);
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "help") == 0) {
		nd_cli_print_usage(stdout, cmd);
		return ND_EXIT_OK;
	}
	for (const struct nd_command *s = cmd->subs; s->name; s++)
		if (strcmp(s->name, argv[1]) == 0)
			return ssh_allows(cli, s, argv[1], &rc) ? s->run(cli, s, argc - 1, argv + 1)
								: rc;
	return refuse(cmd, _("unknown subcommand '%s'"), argv[1]);
}
