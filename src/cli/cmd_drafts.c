/* cmd_drafts.c — unsaved drafts: the built-in editor's (in the store) and
 * $EDITOR's (files beside the database). */
#include "newsdesk/cli.h"
#include "newsdesk/drafts.h"
#include "newsdesk/external.h"
#include "newsdesk/lang.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void list_store(const struct nd_draft *d, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char when[32];
		nd_cli_time(d[i].saved_at, when, sizeof when);
		printf("#%-6lld %-12s %s  ", (long long)d[i].item_id, d[i].author, when);
		printf(_("rev %d"), d[i].base_rev);
		printf("%s  ", d[i].current_rev != d[i].base_rev ? "*" : " ");
		printf(_("%6ld chars  "), d[i].chars);
		nd_cli_put(stdout, d[i].story.headline, 0);
		putchar('\n');
	}
}

static void list_files(struct nd_cli *cli, const struct nd_draft_file *f, size_t n)
{
	struct nd_error err = { 0 };
	for (size_t i = 0; i < n; i++) {
		char when[32], path[4096];
		nd_cli_time(f[i].mtime, when, sizeof when);
		if (nd_draft_file_path(cli->st, f[i].author, f[i].item_id, false, path, sizeof path,
				       &err) < 0)
			continue;
		printf(_("#%1$-6lld %2$-12s %3$s  $EDITOR  %4$lld bytes  "),
		       (long long)f[i].item_id, f[i].author, when, f[i].size);
		nd_cli_put(stdout, path, 0);
		putchar('\n');
	}
}

int nd_cmd_drafts(struct nd_cli *cli, const struct nd_command *cmd, void *args)
{
	const struct nd_words *a = args;
	bool discard = a->npos == 2 && strcmp(a->pos[0], "discard") == 0;
	long long id = discard ? nd_cli_parse_id(a->pos[1]) : 0;
	if ((a->npos != 0 && !discard) || (discard && !id))
		return nd_cli_usage(cmd, _("drafts takes no arguments, or: discard ID"));
	struct nd_error err = { 0 };
	if (nd_cli_open(cli, 0, &err) < 0)
		return nd_cli_fail(&err);
	if (discard) {
		char path[4096];
		if (nd_draft_discard(cli->st, &cli->actor, id, &err) < 0 ||
		    nd_draft_file_path(cli->st, cli->actor.user.login, id, false, path, sizeof path,
				       &err) < 0)
			return nd_cli_fail(&err);
		remove(path);
		printf(_("#%lld: your drafts discarded\n"), id);
		return ND_EXIT_OK;
	}
	struct nd_draft *d;
	struct nd_draft_file *f;
	size_t n, nf;
	if (nd_drafts_list(cli->st, &cli->actor, &d, &n, &err) < 0)
		return nd_cli_fail(&err);
	if (nd_draft_files(cli->st, &cli->actor, &f, &nf, &err) < 0) {
		nd_drafts_free(d, n);
		return nd_cli_fail(&err);
	}
	list_store(d, n);
	list_files(cli, f, nf);
	if (n + nf > 0 && isatty(STDOUT_FILENO))
		puts(_("(* after rev: the item has a newer revision since; opening the "
		       "item offers the draft)"));
	nd_drafts_free(d, n);
	free(f);
	return ND_EXIT_OK;
}

/* One answer from stdin: its first character, lower-cased; 0 at EOF. */
static int answer(const char *question)
{
	char line[64];
	fputs(question, stderr);
	fflush(stderr);
	if (!fgets(line, sizeof line, stdin))
		return 0;
	return line[0] >= 'A' && line[0] <= 'Z' ? line[0] + 32 : line[0];
}

int nd_cli_offer_draft(struct nd_cli *cli, long long id, unsigned *flags)
{
	struct nd_error err = { 0 };
	struct nd_draft d;
	char path[4096], who[72], when[32];
	int64_t at;
	if (nd_draft_other(cli->st, &cli->actor, id, who, sizeof who, &at) == 1) {
		nd_cli_time(at, when, sizeof when);
		fprintf(stderr, _("newsdesk: note: %1$s has an unsaved draft of #%2$lld (%3$s)\n"),
			who, id, when);
	}
	int found = nd_draft_get(cli->st, &cli->actor, id, &d, &err);
	if (found < 0 || nd_draft_file_path(cli->st, cli->actor.user.login, id, false, path,
					    sizeof path, &err) < 0)
		return nd_cli_fail(&err);
	bool file = access(path, F_OK) == 0;
	if (found == 1) {
		nd_cli_time(d.saved_at, when, sizeof when);
		fprintf(
		    stderr,
		    _("newsdesk: #%1$lld has your unsaved draft from the desk (%2$s, %3$ld chars)\n"),
		    id, when, d.chars);
		nd_draft_free(&d);
	}
	if (file)
		fprintf(stderr, _("newsdesk: #%1$lld has your unsaved $EDITOR draft: %2$s\n"), id,
			path);
	if (found != 1 && !file)
		return -1;
	for (;;) {
		int c =
		    answer(_("(r)ecover it, (d)iff against the current revision, (x) discard it, "
			     "(q)uit? "));
		if (c == 'r') {
			*flags |= ND_EDIT_RECOVER;
			return -1;
		}
		if (c == 'd') {
			struct nd_buf diff = ND_BUF_INIT;
			if (nd_draft_diff_current(cli->st, &cli->actor, id, file, &diff, &err) <
			    0) {
				nd_buf_free(&diff);
				return nd_cli_fail(&err);
			}
			nd_cli_put(stdout, nd_buf_str(&diff), ND_SAN_NEWLINES);
			fputc('\n', stdout);
			fflush(stdout);
			nd_buf_free(&diff);
			continue;
		}
		if (c == 'x') {
			if (answer(
				_("discard your draft for good? it cannot be recovered (y/n) ")) !=
			    'y')
				continue;
			if (nd_draft_discard(cli->st, &cli->actor, id, &err) < 0)
				return nd_cli_fail(&err);
			if (file && unlink(path) < 0)
				perror(path);
			fprintf(stderr, _("newsdesk: #%lld: draft discarded\n"), id);
			return -1;
		}
		if (c == 'q' || c == 0) {
			fprintf(stderr, _("newsdesk: #%lld not edited; your draft is kept\n"), id);
			return ND_EXIT_FAIL;
		}
	}
}
