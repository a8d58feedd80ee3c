/* cmd_galley.c — galley proofs (校样) as PDF: `galley ID… > proofs.pdf`, or
 * `galley --issue CODE --output FILE` for an issue page by page. PDF bytes
 * never go to a terminal (as photo get's do not). */
#include "newsdesk/buf.h"
#include "newsdesk/cli.h"
#include "newsdesk/cli_args.h"
#include "newsdesk/files.h"
#include "newsdesk/galleys.h"
#include "newsdesk/lang.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int to_buf(void *ctx, const unsigned char *data, size_t n)
{
	return nd_buf_add(ctx, data, n);
}

static int write_proofs(const struct nd_buf *pdf, const char *output, unsigned flags)
{
	struct nd_error err = { 0 };
	if (output) {
		if (nd_output_file(output, pdf->data, pdf->len, flags, &err) < 0)
			return nd_cli_fail(&err);
		return ND_EXIT_OK;
	}
	if (fwrite(pdf->data, 1, pdf->len, stdout) != pdf->len || fflush(stdout) != 0) {
		nd_fail(&err, ND_EIO, _("cannot write the proofs: %s"), strerror(errno));
		return nd_cli_fail(&err);
	}
	return ND_EXIT_OK;
}

int nd_cmd_galley(struct nd_cli *cli, const struct nd_command *cmd, void *args)
{
	const struct nd_galley_args *a = args;
	const char *issue = a->issue, *output = a->output;
	unsigned flags = a->force ? ND_OUT_FORCE : 0;
	if (issue ? a->npos != 0 : a->npos == 0)
		return nd_cli_usage(cmd, _("galley takes item IDs, or --issue CODE"));
	int64_t *ids = calloc((size_t)a->npos + 1, sizeof *ids);
	if (!ids)
		return nd_cli_usage(cmd, _("out of memory"));
	for (int k = 0; k < a->npos; k++)
		if (!(ids[k] = nd_cli_parse_id(a->pos[k]))) {
			free(ids);
			return nd_cli_usage(cmd, _("'%s' is not an item ID"), a->pos[k]);
		}
	if (!output && isatty(STDOUT_FILENO)) {
		free(ids);
		return nd_cli_usage(cmd, _("the proofs are a PDF: send them to a file (newsdesk galley "
					   "ID > proofs.pdf, or --output FILE) or a pipe, not a "
					   "terminal"));
	}
	struct nd_error err = { 0 };
	struct nd_galleys g;
	int rc = nd_cli_open(cli, 0, &err);
	if (rc == 0)
		rc = issue ? nd_galleys_issue(cli->st, &cli->actor, issue, &g, &err)
			   : nd_galleys_items(cli->st, &cli->actor, ids, (size_t)a->npos, &g, &err);
	free(ids);
	if (rc < 0)
		return nd_cli_fail(&err);
	struct nd_buf pdf = ND_BUF_INIT;
	rc = nd_galley_render(&g.doc, to_buf, &pdf, &err);
	nd_galleys_free(&g);
	int exit = rc < 0 ? nd_cli_fail(&err) : write_proofs(&pdf, output, flags);
	nd_buf_free(&pdf);
	return exit;
}
