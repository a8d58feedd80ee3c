/* cmd_document.c — file, for a Word document: `ssh desk@paper file <
 * story.docx` (known by its bytes, or --format docx) is read by docx.c and
 * filed with its pictures and its original in one transaction; what the
 * reading dropped or took as accepted is told to the filer. */
#include "newsdesk/buf.h"
#include "newsdesk/cli.h"
#include "newsdesk/count.h"
#include "newsdesk/documents.h"
#include "newsdesk/docx.h"
#include "newsdesk/filing.h"
#include "newsdesk/lang.h"
#include "newsdesk/photo.h"

#include <stdio.h>
#include <string.h>

static void report(const struct nd_story *story, const struct nd_docx *d,
		   const struct nd_document_result *res)
{
	char count[32];
	nd_format_count(res->file.chars, count, sizeof count);
	/* Printed only after COMMIT returned: the reporter may rely on it. */
	printf(res->file.duplicate ? _("already filed #%lld ") : _("filed #%lld "),
	       (long long)res->file.id);
	nd_cli_put(stdout, story->headline, 0);
	printf(_(" (%s 字, from a Word document)\n"), count);
	for (size_t k = 0; k < res->nphotos; k++)
		printf(_("attached photo %1$d to #%2$lld: %3$s %4$d×%5$d\n"), res->photos[k].n,
		       (long long)res->file.id, nd_photo_format_name(res->photos[k].info.format),
		       res->photos[k].info.width, res->photos[k].info.height);
	if (res->nskipped) {
		printf(ngettext("not attached (not JPEG, PNG or WebP; kept in the original): ",
				"not attached (not JPEG, PNG or WebP; kept in the original): ",
				(unsigned long)res->nskipped));
		nd_cli_put(stdout, res->skipped, 0);
		putchar('\n');
	}
	struct nd_buf notes = ND_BUF_INIT;
	if (!res->file.duplicate && nd_docx_notes(d, &notes) == 0 && notes.len)
		nd_cli_put(stdout, nd_buf_str(&notes), ND_SAN_NEWLINES);
	nd_buf_free(&notes);
}

int nd_cli_file_document(struct nd_cli *cli, const char *bytes, size_t n, const char *name,
			 const struct nd_token *token, int64_t *filed)
{
	struct nd_error err = { 0 };
	struct nd_docx d;
	struct nd_story story;
	struct nd_document_result res = { 0 };
	const char *detected = NULL;
	int rc = nd_docx_read(bytes, n, &d, &err);
	if (rc == 0 && (rc = nd_story_from_bytes(nd_buf_str(&d.text), d.text.len, "UTF-8", &story,
						  &detected, &err)) < 0)
		nd_docx_free(&d);
	if (rc < 0) {
		nd_error_prefix(&err, _("%s: nothing was filed: "), name);
		return nd_cli_fail(&err);
	}
	rc = nd_item_file_document(cli->st, &cli->actor, &story, &d, token, bytes, n, &res, &err);
	if (rc == 0) {
		report(&story, &d, &res);
		if (filed)
			*filed = res.file.id;
	}
	nd_document_result_free(&res);
	nd_story_free(&story);
	nd_docx_free(&d);
	if (rc < 0) {
		nd_error_prefix(&err, _("%s: nothing was filed: "), name);
		return nd_cli_fail(&err);
	}
	return ND_EXIT_OK;
}
