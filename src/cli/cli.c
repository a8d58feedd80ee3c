/* cli.c — global options, the command table and dispatch. A word that is
 * not a command is looked up among the workflow verbs in the database, so a
 * stage added as rows is a command at once. */
#include "newsdesk/cli.h"
#include "newsdesk/buf.h"
#include "newsdesk/files.h"
#include "newsdesk/lang.h"
#include "newsdesk/meta.h"
#include "newsdesk/number.h"
#include "newsdesk/sanitize.h"
#include "newsdesk/settings.h"
#include "newsdesk/termcode.h"
#include "newsdesk/width.h"
#include "newsdesk/workflow.h"

#include <errno.h>
#include <libintl.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#define VERSION "0.1.0"
#define _(s) gettext(s)

static struct {
	const char *code;
	char argument[256];
} refusal;

void nd_cli_note_refusal(const char *code, const char *argument)
{
	if (refusal.code)
		return;
	refusal.code = code;
	snprintf(refusal.argument, sizeof refusal.argument, "%s", argument ? argument : "");
}

const char *nd_cli_refusal(const char **argument)
{
	*argument = refusal.argument;
	return refusal.code;
}

/* The audit log's code for an error of the core (cmd_audit.c renders it). */
static const char *error_code(int code)
{
	static const struct {
		int code;
		const char *name;
	} codes[] = {
		{ ND_EINVAL, "refused-input" }, { ND_ENOENT, "not-found" },
		{ ND_EPERM, "not-permitted" },  { ND_ESTATE, "wrong-state" },
		{ ND_ELOCKED, "locked" },       { ND_ECONFLICT, "conflict" },
		{ ND_EDB, "store-error" },      { ND_EIO, "store-error" },
		{ ND_ENOMEM, "store-error" },   { ND_EENCODING, "encoding" },
		{ ND_EUSAGE, "usage" },         { ND_EQUOTA, "quota" },
	};
	for (size_t i = 0; i < sizeof codes / sizeof *codes; i++)
		if (codes[i].code == code)
			return codes[i].name;
	return "failed";
}

int nd_cli_fail(const struct nd_error *err)
{
	nd_cli_note_refusal(error_code(err->code), err->code == ND_EQUOTA ? err->detail : NULL);
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

/* A command's one-line summary in the reader's language ("" stays "":
 * gettext would answer the catalogue's header). */
static const char *summary_of(const struct nd_command *c)
{
	return c->summary && c->summary[0] ? _(c->summary) : "";
}

void nd_cli_print_usage(FILE *out, const struct nd_command *cmd)
{
	struct nd_buf b = ND_BUF_INIT;
	nd_cli_synopsis(&b, cmd, nd_restricted());
	if (nd_restricted())
		fprintf(out, _("usage: %1$s\n  %2$s\n"), nd_buf_str(&b), summary_of(cmd));
	else
		fprintf(out, _("usage: newsdesk [--db PATH] [--as LOGIN] %1$s\n  %2$s\n"),
			nd_buf_str(&b), summary_of(cmd));
	nd_buf_free(&b);
}

int nd_cli_usage(const struct nd_command *cmd, const char *fmt, ...)
{
	/* the message quotes words someone typed: never echo them raw */
	struct nd_buf msg = ND_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	nd_buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	char *clean = nd_sanitized(nd_buf_str(&msg), 0);
	nd_cli_note_refusal("usage", NULL);
	fprintf(stderr, "newsdesk: %s\n", clean ? clean : _("usage error"));
	free(clean);
	nd_buf_free(&msg);
	nd_cli_print_usage(stderr, cmd);
	return ND_EXIT_USAGE;
}

long long nd_cli_parse_id(const char *s)
{
	if (!s)
		return 0;
	if (*s == '#')
		s++;
	/* digits only, and in range: past LLONG_MAX strtoll clamps, and a
	   clamped id would name another item than the one asked for */
	if (*s < '0' || *s > '9')
		return 0;
	char *end;
	errno = 0;
	long long id = strtoll(s, &end, 10);
	return (!*end && errno == 0 && id > 0) ? id : 0;
}

int nd_cli_parse_number(const char *s, long long min, long long max, long long *out)
{
	return nd_parse_number(s, min, max, out);
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

/* The terminal's ambiguous width: --ambiwidth, else NEWSDESK_AMBIWIDTH,
 * else the user's own setting in the store (the only one that reaches the
 * desk over SSH), else 1; auto asks the terminal once, before anything is
 * laid out. */
void nd_cli_ambiwidth(struct nd_cli *cli)
{
	if (cli->ambiwidth_done)
		return;
	cli->ambiwidth_done = true;
	const char *value = cli->ambiwidth, *from = "--ambiwidth";
	const char *env = getenv("NEWSDESK_AMBIWIDTH");
	if (!value && env && env[0]) {
		value = env;
		from = "NEWSDESK_AMBIWIDTH";
	}
	char stored[16];
	struct nd_error err = { 0 };
	if (!value && cli->st && cli->have_actor &&
	    nd_setting_get(cli->st, &cli->actor, "ambiwidth", stored, sizeof stored, &err) > 0) {
		value = stored;
		from = _("your setting: newsdesk settings");
	}
	int cols = value ? nd_width_parse_ambiguous(value) : 1;
	if (cols == 0) {
		/* 300 ms: a terminal answers in well under that, over SSH too */
		cols = nd_term_probe_ambiguous(300);
		if (cols)
			snprintf(
			    cli->ambiwidth_note, sizeof cli->ambiwidth_note,
			    ngettext("ambiwidth auto: the terminal drew “ %1$d column wide, so "
				     "ambiguous characters (“ ” · … —) are laid out %1$d wide",
				     "ambiwidth auto: the terminal drew “ %1$d columns wide, so "
				     "ambiguous characters (“ ” · … —) are laid out %1$d wide",
				     (unsigned long)cols),
			    cols);
		else
			snprintf(cli->ambiwidth_note, sizeof cli->ambiwidth_note,
				 _("ambiwidth auto: the terminal did not say where its cursor was; "
				   "ambiguous characters are laid out 1 wide (--ambiwidth 2 to "
				   "change)"));
		cols = cols ? cols : 1;
	} else if (value) {
		snprintf(cli->ambiwidth_note, sizeof cli->ambiwidth_note,
			 _("ambiguous characters (“ ” · … —) are laid out "
			   "%1$d wide (%2$s)"),
			 cols, from);
	}
	nd_width_set_ambiguous(cols);
}

int nd_cli_open(struct nd_cli *cli, unsigned store_flags, struct nd_error *err)
{
	int rc;
	if (!cli->st) {
		if (!cli->db_path && !(cli->db_path = nd_store_default_path(cli->db_option)))
			return nd_fail(err, ND_ENOMEM, _("out of memory"));
		if ((rc = nd_store_open(&cli->st, cli->db_path, store_flags, err)) < 0)
			return rc;
		/* no language from the environment: the publication's */
		char lang[16];
		struct nd_error ignored = { 0 };
		if (!cli->lang_given &&
		    nd_meta_get(cli->st, "language", lang, sizeof lang, &ignored) == 0)
			nd_lang_set(lang);
	}
	if (!cli->have_actor) {
		if ((rc = nd_actor_resolve(cli->st, cli->unix_login, cli->as, &cli->actor, err)) <
		    0)
			return rc;
		cli->have_actor = true;
	}
	nd_cli_ambiwidth(cli);
	return 0;
}

void nd_cli_print_help(FILE *out)
{
	fputs(_("newsdesk — a newsroom desk in the terminal\n\n"
		"usage: newsdesk [--db PATH] [--as LOGIN] [COMMAND [ARGS...]]\n\n"
		"With no command, opens the desk on a terminal (lists it when piped).\n"
		"Global options:\n"
		"  --db PATH     the database (default: $NEWSDESK_DB, else\n"
		"                $XDG_DATA_HOME/newsdesk/newsdesk.db)\n"
		"  --as LOGIN    act as another user (admins only)\n"
		"  --ambiwidth 1|2|auto\n"
		"                columns of an ambiguous character (“ · … ─) on this\n"
		"                terminal (default: $NEWSDESK_AMBIWIDTH, else 1); auto asks it\n"
		"  --help        this help; COMMAND --help for one command\n"
		"  --version\n\n"
		"Commands:\n"),
	      out);
	for (const struct nd_command *c = nd_commands; c->name; c++)
		fprintf(out, "  %-10s %s\n", c->name, summary_of(c));
	fputs(
	    _("\nWorkflow verbs (from the database; 'newsdesk workflow' lists them):\n"
	      "  finish, approve, publish, return, refile, reopen, spike, restore ID [--note TEXT]\n\n"
	      "Exit codes: 0 done, 1 refused or failed, 2 usage, 3 not allowed, 4 storage error.\n"
	      "See newsdesk(1).\n"),
	    out);
}

static void cli_free(struct nd_cli *cli)
{
	if (cli->have_actor)
		nd_actor_free(&cli->actor);
	nd_store_close(cli->st);
	free(cli->db_path);
}

/* The global options, before the command: exact names only. Returns the
   index of the command word, or -1 with *rc set when done. */
static int global_options(struct nd_cli *cli, int argc, char **argv, int *rc)
{
	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		const char *w = argv[i];
		const char **slot = NULL;
		if (strcmp(w, "--help") == 0 || strcmp(w, "-h") == 0) {
			nd_cli_print_help(stdout);
			*rc = ND_EXIT_OK;
			return -1;
		}
		if (strcmp(w, "--version") == 0) {
			puts("newsdesk " VERSION);
			*rc = ND_EXIT_OK;
			return -1;
		}
		if (strncmp(w, "--ambiwidth", 11) == 0 && (w[11] == '\0' || w[11] == '=')) {
			const char *v = w[11] == '=' ? w + 12 : (i + 1 < argc ? argv[++i] : NULL);
			if (nd_width_parse_ambiguous(v) < 0) {
				char *clean = nd_sanitized(v ? v : "", 0);
				fprintf(stderr,
					_("newsdesk: --ambiwidth takes 1, 2 or auto, not '%s'\n"),
					clean ? clean : "?");
				free(clean);
				*rc = ND_EXIT_USAGE;
				return -1;
			}
			cli->ambiwidth = v;
			continue;
		}
		if (strncmp(w, "--db", 4) == 0 && (w[4] == '\0' || w[4] == '='))
			slot = &cli->db_option;
		else if (strncmp(w, "--as", 4) == 0 && (w[4] == '\0' || w[4] == '='))
			slot = &cli->as;
		if (slot && w[4] == '=')
			*slot = w + 5;
		else if (slot && i + 1 < argc)
			*slot = argv[++i];
		else {
			char *clean = nd_sanitized(w, 0);
			fprintf(stderr, _("newsdesk: %1$s '%2$s'; see newsdesk --help\n"),
				slot ? _("a value is missing after") : _("unknown option"),
				clean ? clean : "?");
			free(clean);
			*rc = ND_EXIT_USAGE;
			return -1;
		}
	}
	return i;
}

int nd_cli_main(int argc, char **argv)
{
	struct nd_cli cli = { 0 };
	struct passwd *pw = getpwuid(geteuid());
	cli.unix_login = pw ? pw->pw_name : "";
	/* The language: the environment's (over SSH, the client's forwarded
	   LANG), else the publication's once the store is open. */
	cli.lang_given = nd_lang_env_given();
	nd_lang_set(NULL);
	int rc, first = global_options(&cli, argc, argv, &rc);
	if (first < 0)
		return rc;
	const char *env = getenv("NEWSDESK_AMBIWIDTH");
	if (!cli.ambiwidth && env && env[0] && nd_width_parse_ambiguous(env) < 0) {
		char *clean = nd_sanitized(env, 0);
		fprintf(stderr, _("newsdesk: NEWSDESK_AMBIWIDTH takes 1, 2 or auto, not '%s'\n"),
			clean ? clean : "?");
		free(clean);
		return ND_EXIT_USAGE;
	}
	int rest = argc - first;
	char **args = argv + first;
	if (rest == 0) {
		/* The desk itself on a terminal; the list when piped. */
		char *desk_argv[] = { "desk", NULL };
		char *list_argv[] = { "list", NULL };
		bool tty = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
		rc = nd_cli_run(&cli, nd_cli_find_command(tty ? "desk" : "list"), 1,
				tty ? desk_argv : list_argv);
	} else {
		/* a word that is no command is a workflow verb's (or unknown) */
		const struct nd_command *cmd = nd_cli_resolve(rest, args);
		rc = nd_cli_run(&cli, cmd ? cmd : &nd_verb_command, rest, args);
	}
	cli_free(&cli);
	fflush(stdout);
	if (ferror(stdout) && rc == ND_EXIT_OK) {
		fprintf(stderr, _("newsdesk: writing the output failed\n"));
		rc = ND_EXIT_STORE;
	}
	return rc;
}
