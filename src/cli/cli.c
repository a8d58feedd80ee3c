/* cli.c — global options, the command table and dispatch. A word that is
 * not a command is looked up among the workflow verbs in the database, so a
 * stage added as rows is a command at once. */
#include "newsdesk/cli.h"
#include "newsdesk/buf.h"
#include "newsdesk/sanitize.h"
#include "newsdesk/workflow.h"

#include <errno.h>
#include <getopt.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#define VERSION "0.1.0"

static const struct nd_command commands[] = {
	{ "init", nd_cmd_init, "", "create the database and register you as its admin" },
	{ "user", nd_cmd_user,
	  "add LOGIN --role ROLE [--name 姓名] | list | disable LOGIN | enable LOGIN",
	  "manage users (admins)" },
	{ "file", nd_cmd_file, "[--encoding NAME] [--token T] [FILE...]",
	  "file stories (stdin when no FILE) as new items" },
	{ "list", nd_cmd_list,
	  "[--state S] [--section S] [--reporter L] [--issue CODE] [--sort updated|id|filed|chars] "
	  "[--limit N] [--format table|tsv|json] [--width N]",
	  "list items, newest first" },
	{ "show", nd_cmd_show, "ID [--rev N] [--format text|json]", "show one item" },
	{ "revisions", nd_cmd_revisions, "ID", "list an item's revisions" },
	{ "log", nd_cmd_log, "ID", "the item's workflow log and notes" },
	{ "note", nd_cmd_note, "ID TEXT", "add a review note to an item" },
	{ "edit", nd_cmd_edit, "ID [--from FILE] [--keep-state]",
	  "edit an item in $EDITOR (or save FILE) as a new revision, under the edit lock" },
	{ "diff", nd_cmd_diff, "ID [REV_A [REV_B]]",
	  "what changed between two revisions ([-deleted-] {+inserted+}); default: filed → current" },
	{ "proof", nd_cmd_proof, "ID [--rev N] [--format text|json]",
	  "proofreading warnings (校对): pairs, repeats, half-width marks, datelines, credits" },
	{ "issue", nd_cmd_issue,
	  "add CODE --title T [--date D] [--pages N] | list | show CODE | page CODE N "
	  "[--section S] [--budget 字数]",
	  "plan the publication's issues (期) and their pages" },
	{ "assign", nd_cmd_assign, "ID --issue CODE --page N [--position P]",
	  "place an item on a page (position defaults to the end; others shift)" },
	{ "move", nd_cmd_assign, "ID --page N [--position P]",
	  "move a placed item within its issue" },
	{ "unassign", nd_cmd_unassign, "ID", "take an item off its page" },
	{ "rundown", nd_cmd_rundown,
	  "CODE [--format text|csv|json|html] [--output FILE] [--width N]",
	  "the issue's rundown: pages, items, 字数 against budgets, what is not signed off" },
	{ "publish", nd_cmd_publish, "ID | --issue CODE [--partial]",
	  "publish an approved item, or every approved item of an issue in one transaction" },
	{ "export", nd_cmd_export, "CODE --format txt|json|html --output DIR",
	  "write a published issue: one file per item in page order, and an index" },
	{ "stats", nd_cmd_stats, "[--year YYYY] [--reporter LOGIN]",
	  "items filed and published, and published 字数, per reporter for a year (通联)" },
	{ "import", nd_cmd_import,
	  "[--issue CODE] [--state submitted|published] [--dry-run] [--format text|json] FILE...",
	  "split page dumps (pages copied out of print) into items and file them" },
	{ "search", nd_cmd_search,
	  "QUERY… [--state S] [--issue CODE] [--limit N] [--format table|json]",
	  "find items by their text: words ANDed, \"a phrase\" as is; headline hits first" },
	{ "reindex", nd_cmd_reindex, "", "rebuild the full-text index (admins)" },
	{ "backup", nd_cmd_backup, "FILE",
	  "copy the database while others work, then check the copy (admins)" },
	{ "check", nd_cmd_check, "[--repair]",
	  "check the database and prove its history; --repair rebuilds the index and counts" },
	{ "mine", nd_cmd_mine, "", "my items: state, headline, 字数 and the last note on each" },
	{ "keys", nd_cmd_keys, "[--install PATH]",
	  "the authorized_keys lines for every enabled user with a key (admins)" },
	{ "ssh-shell", nd_cmd_ssh_shell, "LOGIN",
	  "the forced command of authorized_keys: runs SSH_ORIGINAL_COMMAND as LOGIN" },
	{ "unlock", nd_cmd_unlock, "ID", "break another editor's edit lock (chiefs; logged)" },
	{ "workflow", nd_cmd_workflow, "", "list the workflow's states and verbs" },
	{ "desk", nd_cmd_desk, "[--once] [--bench-keys ID [--keys N]]",
	  "open the desk (what newsdesk with no command does on a terminal); --once draws one screen" },
};

const struct nd_command *nd_cli_find_command(const char *name)
{
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

int nd_cli_fail(const struct nd_error *err)
{
	char *msg = nd_sanitized(err->msg, 0);
	fprintf(stderr, "newsdesk: %s\n", msg ? msg : "error");
	free(msg);
	switch (err->code) {
	case ND_EUSAGE:
		return ND_EXIT_USAGE;
	case ND_EPERM:
		return ND_EXIT_PERM;
	case ND_EDB:
	case ND_EIO:
	case ND_ENOMEM:
		return ND_EXIT_STORE;
	default:
		return ND_EXIT_FAIL;
	}
}

void nd_cli_print_usage(FILE *out, const struct nd_command *cmd)
{
	fprintf(out, "usage: newsdesk [--db PATH] [--as LOGIN] %s %s\n  %s\n", cmd->name,
		cmd->usage, cmd->summary);
}

int nd_cli_usage(const struct nd_command *cmd, const char *fmt, ...)
{
	va_list ap;
	fputs("newsdesk: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	nd_cli_print_usage(stderr, cmd);
	return ND_EXIT_USAGE;
}

long long nd_cli_parse_id(const char *s)
{
	if (!s)
		return 0;
	if (*s == '#')
		s++;
	char *end;
	long long id = strtoll(s, &end, 10);
	return (*s && !*end && id > 0) ? id : 0;
}

int nd_cli_parse_number(const char *s, long long min, long long max, long long *out)
{
	if (!s || !(*s == '-' || (*s >= '0' && *s <= '9')))
		return -1;
	char *end;
	errno = 0;
	long long n = strtoll(s, &end, 10);
	if (errno || *end || end == s || n < min || n > max)
		return -1;
	*out = n;
	return 0;
}

int nd_cli_width(int option)
{
	if (option > 0)
		return option;
	struct winsize ws;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	long long cols;
	if (nd_cli_parse_number(getenv("COLUMNS"), 21, 10000, &cols) == 0)
		return (int)cols;
	return 100;
}

void nd_cli_time(long long t, char *out, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!t || !localtime_r(&tt, &tm) || !strftime(out, size, "%Y-%m-%d %H:%M", &tm))
		snprintf(out, size, "-");
}

void nd_cli_put(FILE *out, const char *s, unsigned flags)
{
	char *clean = nd_sanitized(s ? s : "", flags);
	if (clean)
		fputs(clean, out);
	free(clean);
}

int nd_cli_open(struct nd_cli *cli, unsigned store_flags, struct nd_error *err)
{
	int rc;
	if (!cli->st) {
		if (!cli->db_path && !(cli->db_path = nd_store_default_path(cli->db_option)))
			return nd_fail(err, ND_ENOMEM, "out of memory");
		if ((rc = nd_store_open(&cli->st, cli->db_path, store_flags, err)) < 0)
			return rc;
	}
	if (!cli->have_actor) {
		if ((rc = nd_actor_resolve(cli->st, cli->unix_login, cli->as, &cli->actor, err)) <
		    0)
			return rc;
		cli->have_actor = true;
	}
	return 0;
}

static bool language_is_zh(bool *given)
{
	const char *vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	for (size_t i = 0; i < sizeof vars / sizeof *vars; i++) {
		const char *v = getenv(vars[i]);
		if (v && v[0]) {
			*given = true;
			return strncmp(v, "zh", 2) == 0;
		}
	}
	*given = false;
	return false;
}

static void print_help(FILE *out)
{
	fputs("newsdesk — a newsroom desk in the terminal\n\n"
	      "usage: newsdesk [--db PATH] [--as LOGIN] [COMMAND [ARGS...]]\n\n"
	      "With no command, opens the desk on a terminal (lists it when piped).\n"
	      "Global options:\n"
	      "  --db PATH     the database (default: $NEWSDESK_DB, else\n"
	      "                $XDG_DATA_HOME/newsdesk/newsdesk.db)\n"
	      "  --as LOGIN    act as another user (admins only)\n"
	      "  --help        this help; COMMAND --help for one command\n"
	      "  --version\n\n"
	      "Commands:\n",
	      out);
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
	fputs(
	    "\nWorkflow verbs (from the database; 'newsdesk workflow' lists them):\n"
	    "  finish, approve, publish, return, refile, reopen, spike, restore ID [--note TEXT]\n\n"
	    "Exit codes: 0 done, 1 refused or failed, 2 usage, 3 not allowed, 4 storage error.\n"
	    "See newsdesk(1).\n",
	    out);
}

static void cli_free(struct nd_cli *cli)
{
	if (cli->have_actor)
		nd_actor_free(&cli->actor);
	nd_store_close(cli->st);
	free(cli->db_path);
}

int nd_cli_main(int argc, char **argv)
{
	static const struct option options[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "as", required_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct nd_cli cli = { 0 };
	struct passwd *pw = getpwuid(geteuid());
	cli.unix_login = pw ? pw->pw_name : "";
	cli.zh = language_is_zh(&cli.lang_given);

	int c;
	opterr = 0;
	/* '+': stop at the command; its options are its own. */
	while ((c = getopt_long(argc, argv, "+h", options, NULL)) != -1) {
		switch (c) {
		case 'd':
			cli.db_option = optarg;
			break;
		case 'a':
			cli.as = optarg;
			break;
		case 'h':
			print_help(stdout);
			return ND_EXIT_OK;
		case 'V':
			puts("newsdesk " VERSION);
			return ND_EXIT_OK;
		default:
			fprintf(stderr, "newsdesk: unknown option '%s'; see newsdesk --help\n",
				argv[optind - 1]);
			return ND_EXIT_USAGE;
		}
	}
	int rest = argc - optind;
	char **args = argv + optind;
	int rc;
	if (rest == 0) {
		/* The desk itself on a terminal; the list when piped. */
		char *desk_argv[] = { "desk", NULL };
		char *list_argv[] = { "list", NULL };
		if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))
			rc = nd_cmd_desk(&cli, nd_cli_find_command("desk"), 1, desk_argv);
		else
			rc = nd_cmd_list(&cli, nd_cli_find_command("list"), 1, list_argv);
	} else if (strcmp(args[0], "help") == 0) {
		const struct nd_command *cmd = rest > 1 ? nd_cli_find_command(args[1]) : NULL;
		if (cmd)
			nd_cli_print_usage(stdout, cmd);
		else
			print_help(stdout);
		rc = ND_EXIT_OK;
	} else {
		const struct nd_command *cmd = nd_cli_find_command(args[0]);
		optind = 0; /* glibc: a full reset for the new argv */
		if (cmd)
			rc = cmd->run(&cli, cmd, rest, args);
		else
			rc = nd_cmd_verb(&cli, args[0], rest, args);
	}
	cli_free(&cli);
	fflush(stdout);
	if (ferror(stdout) && rc == ND_EXIT_OK) {
		fprintf(stderr, "newsdesk: writing the output failed\n");
		rc = ND_EXIT_STORE;
	}
	return rc;
}
