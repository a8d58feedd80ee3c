/* cmd_audit.c — newsdesk audit: the SSH door's log for the admin, every
 * command asked over SSH and how it ended. The reasons are stored as
 * codes with an argument (core/audit.c); this table renders them in the
 * reader's language. The words and arguments are what a client sent:
 * shown only through the sanitiser. */
#include "newsdesk/audit.h"
#include "newsdesk/buf.h"
#include "newsdesk/cli.h"
#include "newsdesk/cli_args.h"
#include "newsdesk/lang.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* code → what it means; %s is the argument (the word refused, the quota) */
static const struct {
	const char *code;
	const char *text;
} reasons[] = {
	{ "not-a-command", N_("'%s' is not a newsdesk command") },
	{ "not-over-ssh", N_("'%s' is not available over SSH") },
	{ "not-for-role", N_("'%s' is not for their role") },
	{ "server-path", N_("'%s' names a file on the server") },
	{ "unreadable-words",
	  N_("the words could not be read (an open quote, a control character)") },
	{ "usage", N_("the words do not fit the command's usage") },
	{ "usage-at", N_("the words do not fit the command's usage (at '%s')") },
	{ "refused-input", N_("the input was refused") },
	{ "not-found", N_("no such item, user or issue (or not theirs)") },
	{ "not-permitted", N_("not allowed for their role") },
	{ "wrong-state", N_("the item's state does not allow it") },
	{ "locked", N_("someone else holds the edit lock") },
	{ "conflict", N_("a newer revision was saved meanwhile") },
	{ "store-error", N_("the database or a file could not be read or written") },
	{ "encoding", N_("the text is in no encoding newsdesk reads") },
	{ "quota", N_("over the quota %s") },
	{ "desk-off", N_("the desk is turned off for them") },
	{ "unknown-login", N_("the key's login is not an enabled user") },
	{ "failed", N_("failed") },
};

static void render_reason(struct nd_buf *b, const char *code, const char *arg)
{
	for (size_t i = 0; i < sizeof reasons / sizeof *reasons; i++)
		if (strcmp(reasons[i].code, code) == 0) {
			nd_buf_printf(b, _(reasons[i].text), arg ? arg : "");
			return;
		}
	nd_buf_printf(b, "%s %s", code, arg ? arg : ""); /* a code of a newer newsdesk */
}

static void print_entry(const struct nd_audit_entry *e)
{
	char when[32];
	struct nd_buf line = ND_BUF_INIT, why = ND_BUF_INIT;
	nd_cli_time(e->at, when, sizeof when);
	if (!e->ended)
		nd_buf_adds(&why, _("no answer recorded: the session ended first"));
	else if (e->refused)
		render_reason(&why, e->reason ? e->reason : "failed", e->argument);
	nd_buf_printf(&line, "%s  #%lld  %s  %s  ", when, (long long)e->id, e->login,
		      e->client ? e->client : "-");
	nd_buf_printf(&line, "%s  ",
		      !e->ended    ? _("cut off")
		      : e->refused ? _("refused")
				   : _("accepted"));
	nd_buf_adds(&line, e->words[0] ? e->words : _("(no command: the desk or the help)"));
	if (e->bytes_in)
		nd_buf_printf(&line, _("  [%lld bytes in]"), (long long)e->bytes_in);
	if (why.len)
		nd_buf_printf(&line, "  — %s (exit %d)", nd_buf_str(&why), e->exit_code);
	nd_cli_put(stdout, nd_buf_str(&line), 0);
	fputc('\n', stdout);
	nd_buf_free(&line);
	nd_buf_free(&why);
}

int nd_cmd_audit(struct nd_cli *cli, const struct nd_command *cmd, void *args)
{
	const struct nd_audit_args *a = args;
	if (a->npos)
		return nd_cli_usage(cmd, _("audit takes only options"));
	struct nd_audit_filter f = { .refused = a->refused,
				     .since = a->since,
				     .limit = (int)a->limit };
	struct nd_error err = { 0 };
	struct nd_audit_entry *rows;
	size_t n;
	if (nd_cli_open(cli, 0, &err) < 0 ||
	    nd_audit_list(cli->st, &cli->actor, &f, &rows, &n, &err) < 0)
		return nd_cli_fail(&err);
	for (size_t i = 0; i < n; i++)
		print_entry(&rows[i]);
	if (n == 0)
		puts(_("(nothing recorded)"));
	nd_audit_free(rows, n);
	return ND_EXIT_OK;
}
