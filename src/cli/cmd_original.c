/* cmd_original.c — the bytes as filed: show --original and redecode. */
#include "newsdesk/cli.h"
#include "newsdesk/count.h"
#include "newsdesk/lang.h"
#include "newsdesk/original.h"
#include "newsdesk/sanitize.h"
#include "newsdesk/termcode.h"

#include <libintl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef _
#define _(s) gettext(s)
#endif

int nd_cli_show_original(struct nd_cli *cli, long long id)
{
	struct nd_error err = { 0 };
	struct nd_original o;
	if (nd_cli_open(cli, 0, &err) < 0 ||
	    nd_original_get(cli->st, &cli->actor, id, &o, &err) < 0)
		return nd_cli_fail(&err);
	char size[32];
	nd_format_count((long)o.n, size, sizeof size);
	if (isatty(STDOUT_FILENO)) {
		/* raw bytes from a reporter never reach a terminal (promise 2) */
		if (o.page.id)
			nd_fail(&err, ND_EINVAL,
				_("#%1$lld was cut from the imported page %2$s (item %3$zu of "
				  "%4$zu), kept as %5$s bytes (%6$s, SHA-256 %7$s); they are "
				  "shown raw, so send them to a file or a pipe: newsdesk show "
				  "%1$lld --original > %2$s"),
				id, o.page.name, o.page.part, o.page.parts, size,
				o.encoding[0] ? o.encoding : _("encoding unknown"), o.sha256);
		else
			nd_fail(
			    &err, ND_EINVAL,
			    _("#%1$lld was filed as %2$s bytes (%3$s, SHA-256 %4$s); they are "
			      "shown raw, so send them to a file or a pipe: newsdesk show %5$lld "
			      "--original > %6$lld.orig"),
			    id, size, o.encoding[0] ? o.encoding : _("encoding unknown"), o.sha256,
			    id, id);
		nd_original_free(&o);
		return nd_cli_fail(&err);
	}
	/* what is written is the whole page: say so where it does not mix
	 * with the bytes */
	if (o.page.id) {
		char *name = nd_sanitized(o.page.name, 0); /* a file name may hold anything */
		fprintf(stderr,
			_("newsdesk: #%1$lld was cut from the imported page %2$s (item "
			  "%3$zu of %4$zu): these are the whole page's %5$s bytes\n"),
			id, name ? name : "?", o.page.part, o.page.parts, size);
		free(name);
	}
	nd_term_stdout_bytes(); /* the bytes as filed, never converted */
	bool whole = fwrite(o.bytes, 1, o.n, stdout) == o.n;
	nd_original_free(&o);
	if (!whole || fflush(stdout) != 0) {
		nd_fail(&err, ND_EIO, _("writing the original of #%lld failed"), id);
		return nd_cli_fail(&err);
	}
	return ND_EXIT_OK;
}

int nd_cmd_redecode(struct nd_cli *cli, const struct nd_command *cmd, void *args)
{
	const struct nd_redecode_args *a = args;
	const char *encoding = a->encoding;
	if (a->npos != 1)
		return nd_cli_usage(cmd, _("redecode takes one item ID"));
	long long id = nd_cli_parse_id(a->pos[0]);
	if (!id)
		return nd_cli_usage(cmd, _("'%s' is not an item ID"), a->pos[0]);
	if (!encoding)
		return nd_cli_usage(cmd, _("redecode needs --encoding (big5, gb18030, utf-8, …)"));
	struct nd_error err = { 0 };
	struct nd_save_result res;
	if (nd_cli_open(cli, 0, &err) < 0 ||
	    nd_item_redecode(cli->st, &cli->actor, id, encoding, &res, &err) < 0)
		return nd_cli_fail(&err);
	if (res.unchanged)
		printf(_("#%1$lld read as %2$s is the current revision already\n"), id, encoding);
	else
		printf(_("#%1$lld decoded again as %2$s, saved as revision %3$d\n"), id, encoding,
		       res.rev);
	return ND_EXIT_OK;
}
