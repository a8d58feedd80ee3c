/* cmd_items.c — file, list, show, revisions. */
#include "newsdesk/buf.h"
#include "newsdesk/cli.h"
#include "newsdesk/count.h"
#include "newsdesk/docx.h"
#include "newsdesk/files.h"
#include "newsdesk/filing.h"
#include "newsdesk/items.h"
#include "newsdesk/json.h"
#include "newsdesk/lang.h"
#include "newsdesk/original.h"
#include "newsdesk/sha256.h"
#include "newsdesk/width.h"
#include "newsdesk/workflow.h"

#include <errno.h>
#include <libintl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#ifndef _
#define _(s) gettext(s)
#endif

/* A Word document (or what claims to be one) may carry its photos: it is
 * read up to the story's and an item's photos' limits together. */
static bool looks_like_document(const struct nd_buf *b)
{
	return b->len >= 4 && (memcmp(b->data, "PK\3\4", 4) == 0 ||
			       memcmp(b->data, "\xD0\xCF\x11\xE0", 4) == 0);
}

/* Reads all of f, at most its limit + 1 bytes so an oversize input is seen
 * without reading it all. */
static int read_input(struct nd_cli *cli, FILE *f, const char *name, struct nd_buf *b,
		      struct nd_error *err)
{
	char chunk[65536];
	size_t got, max = ND_MAX_INPUT;
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (nd_buf_add(b, chunk, got) < 0)
			return nd_fail(err, ND_ENOMEM, _("out of memory"));
		if (b->len == got && looks_like_document(b))
			max = nd_cli_tar_limit(cli);
		if (b->len > max && max == ND_MAX_INPUT)
			return nd_fail(err, ND_EINVAL,
				       _("%1$s is over 1 MiB; a story may have at most %2$d bytes"),
				       name, ND_MAX_INPUT);
		if (b->len > max)
			return nd_fail(err, ND_EINVAL,
				       _("%1$s is over %2$zu bytes, a story's and an item's photos' "
					 "limits together; nothing was filed"),
				       name, max);
	}
	if (ferror(f))
		return nd_fail(err, ND_EIO, _("cannot read %1$s: %2$s"), name, strerror(errno));
	return 0;
}

struct upload_check {
	long long bytes; /* -1: not given */
	const char *sha256;
};

/* How file takes its bytes: by what they are, or as --format says. */
enum file_as { FILE_AS_SNIFFED, FILE_AS_TEXT, FILE_AS_DOCUMENT };

static int file_input(struct nd_cli *cli, FILE *f, const char *name, const char *encoding,
		      const char *token, const struct upload_check *check, enum file_as as,
		      int64_t *filed);

/* A cut SSH connection looks like a normal end of input: the sender's
 * own size and hash are the only way to know the story arrived whole. */
static int check_upload(const struct nd_buf *input, const struct upload_check *check,
			struct nd_error *err)
{
	if (check->bytes >= 0 && (long long)input->len != check->bytes)
		return nd_fail(
		    err, ND_EINVAL,
		    _("received %1$zu bytes but --bytes says %2$lld: the upload was cut short or "
		      "changed; nothing was filed, send it again"),
		    input->len, check->bytes);
	if (check->sha256) {
		char hex[65];
		nd_sha256_hex(input->data ? input->data : "", input->len, hex);
		if (strcasecmp(hex, check->sha256) != 0)
			return nd_fail(
			    err, ND_EINVAL,
			    _("the SHA-256 of what arrived is %1$s, not %2$s: the upload was cut "
			      "short or changed; nothing was filed, send it again"),
			    hex, check->sha256);
	}
	return 0;
}

static int file_one(struct nd_cli *cli, FILE *f, const char *name, const char *encoding,
		    const char *token, const struct upload_check *check, int64_t *filed)
{
	return file_input(cli, f, name, encoding, token, check, FILE_AS_SNIFFED, filed);
}

static int file_input(struct nd_cli *cli, FILE *f, const char *name, const char *encoding,
		      const char *token, const struct upload_check *check, enum file_as as,
		      int64_t *filed)
{
	struct nd_error err = { 0 };
	struct nd_buf input = ND_BUF_INIT;
	struct nd_story story;
	struct nd_file_result res;
	const char *detected = NULL;
	char sha256[65];
	int rc = read_input(cli, f, name, &input, &err);
	if (rc == 0)
		rc = check_upload(&input, check, &err);
	/* the token stands for these bytes, as they arrived */
	nd_sha256_hex(input.data ? input.data : "", input.len, sha256);
	struct nd_token tok = { token, sha256 };
	if (rc == 0 && (as == FILE_AS_DOCUMENT ||
			(as == FILE_AS_SNIFFED && nd_docx_sniff(input.data, input.len) != ND_DOCX_NOT))) {
		rc = nd_cli_file_document(cli, nd_buf_str(&input), input.len, name,
					  token ? &tok : NULL, filed);
		nd_buf_free(&input);
		return rc;
	}
	if (rc == 0)
		rc = nd_story_from_bytes(nd_buf_str(&input), input.len, encoding, &story, &detected,
					 &err);
	if (rc < 0) {
		nd_buf_free(&input);
		nd_error_prefix(&err, "%s: ", name);
		return nd_cli_fail(&err);
	}
	/* the bytes as they arrived are kept with the item (newsdesk redecode) */
	rc = nd_item_file_original(cli->st, &cli->actor, &story, detected, token ? &tok : NULL,
				   nd_buf_str(&input), input.len, &res, &err);
	nd_buf_free(&input);
	if (rc < 0) {
		nd_story_free(&story);
		nd_error_prefix(&err, "%s: ", name);
		return nd_cli_fail(&err);
	}
	char count[32];
	nd_format_count(res.chars, count, sizeof count);
	if (filed)
		*filed = res.id;
	/* Printed only after COMMIT returned: the reporter may rely on it. */
	printf(res.duplicate ? _("already filed #%lld ") : _("filed #%lld "), (long long)res.id);
	nd_cli_put(stdout, story.headline, 0);
	printf(_(" (%s 字)\n"), count);
	nd_story_free(&story);
	return ND_EXIT_OK;
}

int nd_cli_file_bytes(struct nd_cli *cli, const char *bytes, size_t n, const char *name,
		      const char *encoding, const char *token, int64_t *id)
{
	struct upload_check none = { -1, NULL };
	FILE *f = fmemopen((void *)bytes, n ? n : 1, "r");
	if (!f) {
		struct nd_error err = { 0 };
		nd_fail(&err, ND_ENOMEM, _("out of memory"));
		return nd_cli_fail(&err);
	}
	if (!n)
		fgetc(f); /* an empty story: an empty stream */
	int rc = file_one(cli, f, name, encoding, token, &none, id);
	fclose(f);
	return rc;
}

/* file --tar: the whole stream read (bounded), checked as one upload,
 * then its story and photos (cmd_photos.c). */
static int file_tar(struct nd_cli *cli, const char *encoding, const char *token,
		    const struct upload_check *check)
{
	struct nd_error err = { 0 };
	struct nd_buf in = ND_BUF_INIT;
	size_t max = nd_cli_tar_limit(cli);
	char chunk[65536];
	size_t got;
	int rc = 0;
	while (rc == 0 && (got = fread(chunk, 1, sizeof chunk, stdin)) > 0)
		if (nd_buf_add(&in, chunk, got) < 0)
			rc = nd_fail(&err, ND_ENOMEM, _("out of memory"));
		else if (in.len > max)
			rc = nd_fail(&err, ND_EINVAL,
				     _("the tar stream is over %zu bytes, a story's and an item's "
				       "photos' limits together; nothing was filed"),
				     max);
	if (rc == 0 && ferror(stdin))
		rc = nd_fail(&err, ND_EIO, _("cannot read the tar stream: %s"), strerror(errno));
	if (rc == 0)
		rc = check_upload(&in, check, &err);
	if (rc < 0) {
		nd_buf_free(&in);
		return nd_cli_fail(&err);
	}
	rc = nd_cli_file_tar(cli, in.data ? in.data : "", in.len, encoding, token);
	nd_buf_free(&in);
	return rc;
}

int nd_cmd_file(struct nd_cli *cli, const struct nd_command *cmd, void *args)
{
	const struct nd_file_args *a = args;
	const char *encoding = a->encoding, *token = a->token;
	bool tar = a->tar; /* a story and its photos in one tar stream (issue 22) */
	enum file_as as = !a->format			   ? FILE_AS_SNIFFED
			  : strcmp(a->format, "docx") == 0 ? FILE_AS_DOCUMENT
							   : FILE_AS_TEXT;
	struct upload_check check = { a->bytes, a->sha256 };
	if ((token || check.bytes >= 0 || check.sha256) && a->npos > 1)
		return nd_cli_usage(
		    cmd,
		    _("--token, --bytes and --sha256 describe one upload: give one FILE at most"));
	struct nd_error err = { 0 };
	if (nd_cli_open(cli, 0, &err) < 0)
		return nd_cli_fail(&err);
	if (tar)
		return a->npos
			   ? nd_cli_usage(cmd, _("--tar reads the tar stream on standard input"))
			   : file_tar(cli, encoding, token, &check);
	if (a->npos == 0)
		return file_input(cli, stdin, "<stdin>", encoding, token, &check, as, NULL);
	int worst = ND_EXIT_OK;
	for (int i = 0; i < a->npos; i++) {
		int rc;
		FILE *f;
		if (strcmp(a->pos[i], "-") == 0) {
			rc = file_input(cli, stdin, "<stdin>", encoding, token, &check, as, NULL);
		} else if (nd_open_input(a->pos[i], &f, &err) < 0) {
			rc = nd_cli_fail(&err);
		} else {
			rc = file_input(cli, f, a->pos[i], encoding, token, &check, as, NULL);
			fclose(f);
		}
		if (rc != ND_EXIT_OK && worst == ND_EXIT_OK)
			worst = rc;
	}
	return worst;
}

/* ---- list --------------------------------------------------------------- */

enum list_format { FORMAT_TABLE, FORMAT_TSV, FORMAT_JSON };

struct column {
	const char *title; /* a msgid */
	int width; /* 0: takes the rest */
	enum nd_align align;
};

enum {
	COL_ID,
	COL_STATE,
	COL_SECTION,
	COL_HEADLINE,
	COL_BYLINE,
	COL_CHARS,
	COL_HANZI,
	COL_LAYOUT,
	COL_UPDATED,
	NCOLS
};

static const struct column list_columns[NCOLS] = {
	[COL_ID] = { N_("ID"), 6, ND_ALIGN_RIGHT },
	[COL_STATE] = { N_("State"), 9, ND_ALIGN_LEFT },
	[COL_SECTION] = { N_("Section"), 8, ND_ALIGN_LEFT },
	[COL_HEADLINE] = { N_("Headline"), 0, ND_ALIGN_LEFT },
	[COL_BYLINE] = { N_("Byline"), 10, ND_ALIGN_LEFT },
	[COL_CHARS] = { N_("Chars"), 7, ND_ALIGN_RIGHT },
	[COL_HANZI] = { N_("Han"), 6, ND_ALIGN_RIGHT },
	[COL_LAYOUT] = { N_("Layout"), 8, ND_ALIGN_RIGHT },
	[COL_UPDATED] = { N_("Updated"), 16, ND_ALIGN_LEFT },
};

static const char *item_byline(const struct nd_item *it)
{
	if (it->story.byline && it->story.byline[0])
		return it->story.byline;
	return it->reporter_name ? it->reporter_name : it->reporter;
}

static void table_row(struct nd_buf *line, const char *cells[NCOLS], const int widths[NCOLS])
{
	for (int c = 0; c < NCOLS; c++) {
		if (c)
			nd_buf_adds(line, "  ");
		nd_fit(line, cells[c], widths[c], c != NCOLS - 1, list_columns[c].align);
	}
	/* Never leave trailing blanks on a line: paper and diffs hate them. */
	while (line->len && line->data[line->len - 1] == ' ')
		line->data[--line->len] = '\0';
	nd_buf_addc(line, '\n');
}

static void list_table(const struct nd_item *rows, size_t n, int width)
{
	int widths[NCOLS], fixed = 0;
	for (int c = 0; c < NCOLS; c++) {
		widths[c] = list_columns[c].width;
		fixed += widths[c] + (c ? 2 : 0);
	}
	widths[COL_HEADLINE] = width - fixed > 12 ? width - fixed : 12;
	struct nd_buf line = ND_BUF_INIT;
	const char *head[NCOLS];
	for (int c = 0; c < NCOLS; c++)
		head[c] = _(list_columns[c].title);
	table_row(&line, head, widths);
	for (size_t i = 0; i < n; i++) {
		const struct nd_item *it = &rows[i];
		char id[24], chars[32], hanzi[32], layout[32], updated[32];
		snprintf(id, sizeof id, "%lld", (long long)it->id);
		nd_format_figure(it->chars, chars, sizeof chars);
		nd_format_figure(it->hanzi, hanzi, sizeof hanzi);
		nd_format_figure(it->layout.chars, layout, sizeof layout);
		nd_cli_time(it->updated_at, updated, sizeof updated);
		const char *cells[NCOLS] = {
			[COL_ID] = id,
			[COL_STATE] = it->state_label,
			[COL_SECTION] = it->story.section ? it->story.section : "",
			[COL_HEADLINE] = it->story.headline,
			[COL_BYLINE] = item_byline(it),
			[COL_CHARS] = chars,
			[COL_HANZI] = hanzi,
			[COL_LAYOUT] = layout,
			[COL_UPDATED] = updated,
		};
		table_row(&line, cells, widths);
	}
	fputs(nd_buf_str(&line), stdout);
	nd_buf_free(&line);
}

static void list_tsv(const struct nd_item *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct nd_item *it = &rows[i];
		printf("%lld\t%s\t", (long long)it->id, it->state);
		nd_cli_put(stdout, it->story.section ? it->story.section : "", 0);
		putchar('\t');
		nd_cli_put(stdout, it->story.headline, 0);
		putchar('\t');
		nd_cli_put(stdout, item_byline(it), 0);
		printf("\t%s\t%ld\t%lld\t%ld\t%ld\t%d\n", it->reporter, it->chars,
		       (long long)it->updated_at, it->hanzi, it->layout.chars, it->cpl);
	}
}

static int item_json(struct nd_buf *b, const struct nd_item *it, bool with_body)
{
	int rc = nd_buf_addc(b, '{');
	rc |= nd_json_kv_int(b, 1, "id", it->id);
	rc |= nd_json_kv_str(b, 0, "state", it->state);
	rc |= nd_json_kv_str(b, 0, "state_label", it->state_label);
	rc |= nd_json_kv_str(b, 0, "kind", it->story.kind);
	rc |= nd_json_kv_str(b, 0, "section", it->story.section);
	rc |= nd_json_kv_str(b, 0, "kicker", it->story.kicker);
	rc |= nd_json_kv_str(b, 0, "headline", it->story.headline);
	rc |= nd_json_kv_str(b, 0, "subhead", it->story.subhead);
	rc |= nd_json_kv_str(b, 0, "dateline", it->story.dateline);
	rc |= nd_json_kv_str(b, 0, "byline", it->story.byline);
	rc |= nd_json_kv_str(b, 0, "reporter", it->reporter);
	rc |= nd_json_kv_str(b, 0, "issue", it->issue);
	rc |= nd_json_kv_int(b, 0, "chars", it->chars);
	rc |= nd_json_kv_int(b, 0, "body_chars", it->body_chars);
	rc |= nd_json_kv_int(b, 0, "hanzi", it->hanzi);
	rc |= nd_json_kv_int(b, 0, "layout_chars", it->layout.chars);
	rc |= nd_json_kv_int(b, 0, "layout_lines", it->layout.lines);
	rc |= nd_json_kv_int(b, 0, "chars_per_line", it->cpl);
	rc |= nd_json_kv_int(b, 0, "rev", it->rev);
	rc |= nd_json_kv_int(b, 0, "current_rev", it->current_rev);
	rc |= nd_json_kv_int(b, 0, "filed_at", it->filed_at);
	rc |= nd_json_kv_int(b, 0, "updated_at", it->updated_at);
	rc |= nd_json_kv_str(b, 0, "locked_by", it->lock_holder);
	if (with_body) {
		rc |= nd_json_kv_str(b, 0, "author", it->rev_author);
		rc |= nd_json_kv_int(b, 0, "rev_created_at", it->rev_created);
		rc |= nd_json_kv_int(b, 0, "conflict", it->conflict);
		rc |= nd_json_kv_str(b, 0, "encoding", it->encoding);
		rc |= nd_json_kv_str(b, 0, "body", it->story.body);
	}
	return rc | nd_buf_addc(b, '}');
}

static void list_json(const struct nd_item *rows, size_t n)
{
	struct nd_buf b = ND_BUF_INIT;
	nd_buf_addc(&b, '[');
	for (size_t i = 0; i < n; i++) {
		if (i)
			nd_buf_addc(&b, ',');
		nd_buf_adds(&b, "\n ");
		item_json(&b, &rows[i], false);
	}
	nd_buf_adds(&b, "\n]\n");
	fputs(nd_buf_str(&b), stdout);
	nd_buf_free(&b);
}

static const struct {
	const char *name;
	enum nd_sort sort;
} sorts[] = { { "updated", ND_SORT_UPDATED },
	      { "id", ND_SORT_ID },
	      { "filed", ND_SORT_FILED },
	      { "chars", ND_SORT_CHARS } };

static const struct {
	const char *name;
	enum list_format format;
} list_formats[] = { { "table", FORMAT_TABLE }, { "tsv", FORMAT_TSV }, { "json", FORMAT_JSON } };

int nd_cmd_list(struct nd_cli *cli, const struct nd_command *cmd, void *args)
{
	const struct nd_list_args *a = args;
	struct nd_filter filter = { .section = a->section,
				    .reporter = a->reporter,
				    .issue = a->issue };
	enum list_format format = FORMAT_TABLE;
	long limit = (long)a->limit;
	int width = (int)a->width;
	const char *state_word = a->state;
	for (size_t i = 0; a->sort && i < sizeof sorts / sizeof *sorts; i++)
		if (strcmp(sorts[i].name, a->sort) == 0)
			filter.sort = sorts[i].sort;
	for (size_t i = 0; i < sizeof list_formats / sizeof *list_formats; i++)
		if (strcmp(list_formats[i].name, a->format) == 0)
			format = list_formats[i].format;
	if (a->npos != 0)
		return nd_cli_usage(cmd, _("unexpected argument '%s'"), a->pos[0]);

	struct nd_error err = { 0 };
	if (nd_cli_open(cli, 0, &err) < 0)
		return nd_cli_fail(&err);
	if (state_word) {
		struct nd_workflow wf;
		if (nd_workflow_load(cli->st, &wf, &err) < 0)
			return nd_cli_fail(&err);
		const struct nd_state *s = nd_workflow_find_state(&wf, state_word);
		static char state_name[32];
		if (s)
			snprintf(state_name, sizeof state_name, "%s", s->name);
		nd_workflow_free(&wf);
		if (!s) {
			nd_fail(&err, ND_EINVAL,
				_("unknown state '%s'; 'newsdesk workflow' lists them"),
				state_word);
			return nd_cli_fail(&err);
		}
		filter.state = state_name;
	}
	struct nd_item *rows;
	size_t n;
	if (nd_item_list(cli->st, &cli->actor, &filter, 0, limit ? (int)limit : INT_MAX, &rows, &n,
			 &err) < 0)
		return nd_cli_fail(&err);
	if (format == FORMAT_TABLE)
		list_table(rows, n, nd_cli_width(width));
	else if (format == FORMAT_TSV)
		list_tsv(rows, n);
	else
		list_json(rows, n);
	nd_items_free(rows, n);
	return ND_EXIT_OK;
}

/* ---- show, revisions ---------------------------------------------------- */

static void show_field(const char *name, const char *value)
{
	if (!value || !value[0])
		return;
	/* TRANSLATORS: a field's name and its value, as 字数：1,699 */
	printf(_("%s: "), name);
	nd_cli_put(stdout, value, 0);
	putchar('\n');
}

/* 汉字 and 版面字数 under 字数, the measure and lines 版面字数 came from
 * said, so an editor can check it by hand. */
static void show_counts(const struct nd_item *it)
{
	char hanzi[32], layout[32];
	nd_format_figure(it->hanzi, hanzi, sizeof hanzi);
	nd_format_figure(it->layout.chars, layout, sizeof layout);
	printf(_("Han characters: %s\n"), hanzi);
	if (it->layout.lines < 0)
		printf(_("Layout count: %s\n"), layout);
	else
		printf(_("Layout count: %1$s (%2$d chars a line × %3$ld lines)\n"), layout, it->cpl,
		       it->layout.lines);
}

static void show_text(const struct nd_item *it)
{
	char chars[32], body_chars[32], when[32];
	nd_format_figure(it->chars, chars, sizeof chars);
	nd_format_count(it->body_chars, body_chars, sizeof body_chars);
	nd_cli_time(it->rev_created, when, sizeof when);
	printf("#%lld  ", (long long)it->id);
	nd_cli_put(stdout, it->state_label, 0);
	printf("  %s", nd_kind_label(it->story.kind));
	if (it->issue) {
		/* an issue code is shown as it is (the glossary: 2024-07 期) */
		char where[160];
		if (it->page)
			snprintf(where, sizeof where, _("issue %1$s p.%2$d"), it->issue, it->page);
		else
			snprintf(where, sizeof where, _("issue %s"), it->issue);
		fputs("  ", stdout);
		nd_cli_put(stdout, where, 0);
	}
	putchar('\n');
	show_field(_("Section"), it->story.section);
	show_field(_("Kicker"), it->story.kicker);
	show_field(_("Headline"), it->story.headline);
	show_field(_("Subhead"), it->story.subhead);
	show_field(_("Dateline"), it->story.dateline);
	show_field(_("Byline"), it->story.byline);
	printf(_("%s: "), _("Reporter"));
	nd_cli_put(stdout, it->reporter, 0);
	if (it->reporter_name) {
		printf(" (");
		nd_cli_put(stdout, it->reporter_name, 0);
		printf(")");
	}
	putchar('\n');
	printf(_("Revision: %1$d/%2$d, "), it->rev, it->current_rev);
	nd_cli_put(stdout, it->rev_author, 0);
	printf(_(", %1$s%2$s\n"), when, it->conflict ? _(" (conflict draft)") : "");
	printf(_("Chars: %1$s (body %2$s)\n"), chars, body_chars);
	show_counts(it);
	if (it->lock_holder) {
		printf(_("%s: "), _("Locked by"));
		nd_cli_put(stdout, it->lock_holder, 0);
		putchar('\n');
	}
	putchar('\n');
	/* One paragraph a line, a blank line between: as it reads on paper. */
	const char *p = it->story.body ? it->story.body : "";
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char *para = strndup(p, len);
		if (para) {
			nd_cli_put(stdout, para, 0);
			free(para);
		}
		fputs(nl ? "\n\n" : "\n", stdout);
		p += len + (nl ? 1 : 0);
	}
}

int nd_cmd_show(struct nd_cli *cli, const struct nd_command *cmd, void *args)
{
	const struct nd_show_args *a = args;
	int rev = (int)a->rev;
	bool json = strcmp(a->format, "json") == 0, original = a->original;
	if (a->npos != 1)
		return nd_cli_usage(cmd, _("show takes one item ID"));
	long long id = nd_cli_parse_id(a->pos[0]);
	if (!id)
		return nd_cli_usage(cmd, _("'%s' is not an item ID"), a->pos[0]);
	if (original)
		return nd_cli_show_original(cli, id);
	struct nd_error err = { 0 };
	struct nd_item it;
	if (nd_cli_open(cli, 0, &err) < 0 ||
	    nd_item_get(cli->st, &cli->actor, id, rev, &it, &err) < 0)
		return nd_cli_fail(&err);
	if (json) {
		struct nd_buf b = ND_BUF_INIT;
		item_json(&b, &it, true);
		nd_buf_addc(&b, '\n');
		fputs(nd_buf_str(&b), stdout);
		nd_buf_free(&b);
	} else {
		show_text(&it);
	}
	nd_item_free(&it);
	return ND_EXIT_OK;
}

int nd_cmd_revisions(struct nd_cli *cli, const struct nd_command *cmd, void *args)
{
	const struct nd_words *a = args;
	long long id = a->npos == 1 ? nd_cli_parse_id(a->pos[0]) : 0;
	if (!id)
		return nd_cli_usage(cmd, _("revisions takes one item ID"));
	struct nd_error err = { 0 };
	struct nd_item *revs;
	size_t n;
	if (nd_cli_open(cli, 0, &err) < 0 ||
	    nd_item_revisions(cli->st, &cli->actor, id, &revs, &n, &err) < 0)
		return nd_cli_fail(&err);
	for (size_t i = 0; i < n; i++) {
		char when[32], chars[32];
		nd_cli_time(revs[i].rev_created, when, sizeof when);
		nd_format_count(revs[i].chars, chars, sizeof chars);
		printf("%3d  %s  %-12s %8s 字", revs[i].rev, when, revs[i].rev_author, chars);
		if (revs[i].rev == revs[i].current_rev)
			printf("  %s", _("current"));
		if (revs[i].conflict)
			printf(_("  conflict draft (from %d)"), revs[i].base_rev);
		putchar('\n');
	}
	nd_items_free(revs, n);
	return ND_EXIT_OK;
}
