/* cmd_issue.c — issues, placing items, the rundown, publishing, export and
 * stats. No SQL: planning, rundown and stats in core do the work. */
#include "newsdesk/anchor.h"
#include "newsdesk/buf.h"
#include "newsdesk/cli.h"
#include "newsdesk/count.h"
#include "newsdesk/files.h"
#include "newsdesk/html.h"
#include "newsdesk/json.h"
#include "newsdesk/lang.h"
#include "newsdesk/measure.h"
#include "newsdesk/planning.h"
#include "newsdesk/rundown.h"
#include "newsdesk/stats.h"
#include "newsdesk/width.h"

#include <errno.h>
#include <fcntl.h>
#include <libintl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifndef _
#define _(s) gettext(s)
#endif

static int issue_add(struct nd_cli *cli, const struct nd_command *cmd,
		     const struct nd_issue_args *a)
{
	if (a->npos != 1)
		return nd_cli_usage(cmd, _("issue add takes one CODE, like 2024-07"));
	struct nd_error err = { 0 };
	if (nd_cli_open(cli, 0, &err) < 0 || nd_issue_add(cli->st, &cli->actor, a->pos[0], a->title,
							  a->date, (int)a->pages, &err) < 0)
		return nd_cli_fail(&err);
	printf(_("added issue %s\n"), a->pos[0]);
	return ND_EXIT_OK;
}

static int issue_page(struct nd_cli *cli, const struct nd_command *cmd,
		      const struct nd_issue_args *a)
{
	long long page;
	if (a->npos != 2 || nd_cli_parse_number(a->pos[1], 1, 1000, &page) < 0)
		return nd_cli_usage(cmd,
				    _("issue page takes CODE PAGE (a page number, 1 to 1000)"));
	struct nd_error err = { 0 };
	if (nd_cli_open(cli, 0, &err) < 0 ||
	    nd_issue_page_set(cli->st, &cli->actor, a->pos[0], (int)page, a->section,
			      (long)a->budget, &err) < 0 ||
	    (a->chars_per_line >= 0 &&
	     nd_measure_set_page(cli->st, &cli->actor, a->pos[0], (int)page, (int)a->chars_per_line,
				 &err) < 0))
		return nd_cli_fail(&err);
	printf(_("issue %1$s page %2$lld planned\n"), a->pos[0], page);
	return ND_EXIT_OK;
}

int nd_cmd_issue(struct nd_cli *cli, const struct nd_command *cmd, void *args)
{
	const struct nd_issue_args *a = args;
	struct nd_error err = { 0 };
	if (strcmp(cmd->name, "add") == 0)
		return issue_add(cli, cmd, a);
	if (strcmp(cmd->name, "page") == 0)
		return issue_page(cli, cmd, a);
	if (strcmp(cmd->name, "list") == 0) {
		if (a->npos != 0)
			return nd_cli_usage(cmd, _("issue list takes no arguments"));
		struct nd_issue *issues;
		size_t n;
		if (nd_cli_open(cli, 0, &err) < 0 || nd_issue_list(cli->st, &issues, &n, &err) < 0)
			return nd_cli_fail(&err);
		for (size_t i = 0; i < n; i++) {
			const char *state = strcmp(issues[i].state, "published") == 0
						? C_("issue", "published")
						: C_("issue", "planning");
			struct nd_buf st = ND_BUF_INIT;
			nd_fit(&st, state, 9, true, ND_ALIGN_LEFT);
			printf(_("%1$-10s %2$-10s %3$3d pages %4$4lld items  %5$s  "),
			       issues[i].code, issues[i].date ? issues[i].date : "-",
			       issues[i].pages, (long long)issues[i].items, nd_buf_str(&st));
			nd_buf_free(&st);
			nd_cli_put(stdout, issues[i].title, 0);
			putchar('\n');
		}
		nd_issues_free(issues, n);
		return ND_EXIT_OK;
	}
	/* show */
	if (a->npos != 1)
		return nd_cli_usage(cmd, _("issue show takes one CODE"));
	char *rd_argv[] = { "rundown", "--", a->pos[0], NULL };
	return nd_cli_run(cli, nd_cli_find_command("rundown"), 3, rd_argv);
}

/* ---- placing --------------------------------------------------------------- */

int nd_cmd_assign(struct nd_cli *cli, const struct nd_command *cmd, void *args)
{
	const struct nd_assign_args *a = args;
	const char *issue = a->issue;
	int page = (int)a->page, position = (int)a->position;
	bool move = strcmp(cmd->name, "move") == 0;
	long long id = a->npos == 1 ? nd_cli_parse_id(a->pos[0]) : 0;
	if (!id)
		return nd_cli_usage(cmd, _("%s takes one item ID"), cmd->name);
	if ((!move && !issue) || page <= 0)
		return nd_cli_usage(cmd, "%s",
				    move ? _("move needs --page N")
					 : _("assign needs --issue CODE --page N"));
	struct nd_error err = { 0 };
	int rc = nd_cli_open(cli, 0, &err);
	if (rc == 0)
		rc = move ? nd_item_move(cli->st, &cli->actor, id, page, position, &err)
			  : nd_item_assign(cli->st, &cli->actor, id, issue, page, position, &err);
	if (rc < 0)
		return nd_cli_fail(&err);
	printf(move ? _("#%1$lld moved to page %2$d\n") : _("#%1$lld placed on page %2$d\n"), id,
	       page);
	return ND_EXIT_OK;
}

int nd_cmd_unassign(struct nd_cli *cli, const struct nd_command *cmd, void *args)
{
	const struct nd_words *a = args;
	long long id = a->npos == 1 ? nd_cli_parse_id(a->pos[0]) : 0;
	if (!id)
		return nd_cli_usage(cmd, _("unassign takes one item ID"));
	struct nd_error err = { 0 };
	if (nd_cli_open(cli, 0, &err) < 0 || nd_item_unassign(cli->st, &cli->actor, id, &err) < 0)
		return nd_cli_fail(&err);
	printf(_("#%lld taken off its page\n"), id);
	return ND_EXIT_OK;
}

/* ---- the rundown ------------------------------------------------------------- */

static const struct {
	const char *name;
	enum nd_rundown_format format;
} formats[] = { { "text", ND_RUNDOWN_TEXT },
		{ "csv", ND_RUNDOWN_CSV },
		{ "json", ND_RUNDOWN_JSON },
		{ "html", ND_RUNDOWN_HTML } };

int nd_cmd_rundown(struct nd_cli *cli, const struct nd_command *cmd, void *args)
{
	const struct nd_rundown_args *a = args;
	enum nd_rundown_format format = ND_RUNDOWN_TEXT;
	const char *output = a->output;
	int width = (int)a->width;
	unsigned force = a->force ? ND_OUT_FORCE : 0;
	for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
		if (strcmp(formats[i].name, a->format) == 0)
			format = formats[i].format;
	if (a->npos != 1)
		return nd_cli_usage(cmd, _("rundown takes one issue CODE"));
	struct nd_error err = { 0 };
	struct nd_rundown r;
	if (nd_cli_open(cli, 0, &err) < 0 ||
	    nd_rundown_load(cli->st, &cli->actor, a->pos[0], &r, &err) < 0)
		return nd_cli_fail(&err);
	struct nd_buf out = ND_BUF_INIT;
	/* below 60 columns the fixed columns leave no headline; a narrow terminal
	   gets the 60-column sheet and wraps it rather than a broken table */
	int cols = output ? (width ? width : 100) : nd_cli_width(width);
	nd_rundown_render(&r, format, cols < 60 ? 60 : cols, (int64_t)time(NULL), &out);
	nd_rundown_free(&r);
	int rc = ND_EXIT_OK;
	if (output) {
		if (nd_output_file(output, nd_buf_str(&out), out.len, force, &err) < 0)
			rc = nd_cli_fail(&err);
	} else {
		fwrite(nd_buf_str(&out), 1, out.len, stdout);
	}
	nd_buf_free(&out);
	return rc;
}

/* publish ID is the workflow verb; publish --issue CODE the whole issue. */
int nd_cmd_publish(struct nd_cli *cli, const struct nd_command *cmd, void *args)
{
	const struct nd_publish_args *a = args;
	const char *issue = a->issue, *note = a->note;
	bool partial = a->partial;
	if (!issue) {
		if (partial || a->npos != 1)
			return nd_cli_usage(cmd, _("publish takes one item ID, or --issue CODE"));
		return nd_cli_apply_verb(cli, cmd, "publish", a->pos[0], note);
	}
	if (a->npos != 0 || note)
		return nd_cli_usage(cmd, _("publish --issue CODE takes no item ID and no --note"));
	struct nd_error err = { 0 };
	struct nd_publish_result res;
	if (nd_cli_open(cli, 0, &err) < 0)
		return nd_cli_fail(&err);
	/* what is still open, read before: the pages over budget and the
	 * review notes go out with the issue, and publish says so */
	struct nd_rundown before;
	struct nd_buf open = ND_BUF_INIT;
	struct nd_error ignored = { 0 };
	if (nd_rundown_load(cli->st, &cli->actor, issue, &before, &ignored) == 0) {
		nd_rundown_open(&before, &open);
		nd_rundown_free(&before);
	}
	if (nd_issue_publish(cli->st, &cli->actor, issue, partial, &res, &err) < 0) {
		int rc = nd_cli_fail(&err);
		if (open.len)
			fprintf(stderr, _("still open: %s\n"), nd_buf_str(&open));
		nd_buf_free(&open);
		return rc;
	}
	printf(ngettext("published %1$s: %2$zu item\n", "published %1$s: %2$zu items\n",
			res.published),
	       issue, res.published);
	if (res.held)
		printf(_("not signed off, stayed behind: %s\n"), res.held_ids);
	if (open.len)
		printf(_("went out with what was still open: %s\n"), nd_buf_str(&open));
	nd_buf_free(&open);
	return ND_EXIT_OK;
}

/* ---- export ------------------------------------------------------------------- */

static void export_txt(struct nd_buf *b, const struct nd_item *it)
{
	const struct nd_story *s = &it->story;
	if (s->kicker)
		nd_buf_printf(b, "%s\n", s->kicker);
	nd_buf_printf(b, "%s\n", s->headline);
	if (s->subhead)
		nd_buf_printf(b, "%s\n", s->subhead);
	nd_buf_addc(b, '\n');
	if (s->dateline)
		nd_buf_printf(b, "%s ", s->dateline);
	nd_buf_printf(b, "%s\n", s->body);
	if (s->byline)
		nd_buf_printf(b, "\n%s\n", s->byline);
}

static void export_html(struct nd_buf *b, const struct nd_item *it, const char *figures)
{
	const struct nd_story *s = &it->story;
	nd_buf_adds(
	    b, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head><meta charset=\"utf-8\"><title>");
	nd_html_escape(b, s->headline);
	nd_buf_adds(b, "</title></head>\n<body>\n<article>\n");
	if (s->kicker) {
		nd_buf_adds(b, "<p class=\"kicker\">");
		nd_html_escape(b, s->kicker);
		nd_buf_adds(b, "</p>\n");
	}
	nd_buf_adds(b, "<h1>");
	nd_html_escape(b, s->headline);
	nd_buf_adds(b, "</h1>\n");
	if (s->subhead) {
		nd_buf_adds(b, "<p class=\"subhead\">");
		nd_html_escape(b, s->subhead);
		nd_buf_adds(b, "</p>\n");
	}
	bool first = true;
	for (const char *p = s->body; p && *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char *para = strndup(p, len);
		nd_buf_adds(b, "<p>");
		if (first && s->dateline) {
			nd_buf_adds(b, "<span class=\"dateline\">");
			nd_html_escape(b, s->dateline);
			nd_buf_adds(b, "</span> ");
		}
		nd_html_escape(b, para);
		nd_buf_adds(b, "</p>\n");
		free(para);
		first = false;
		p += len + (nl ? 1 : 0);
	}
	if (s->byline) {
		nd_buf_adds(b, "<p class=\"byline\">");
		nd_html_escape(b, s->byline);
		nd_buf_adds(b, "</p>\n");
	}
	nd_buf_adds(b, figures); /* its photos (issue 22) */
	nd_buf_adds(b, "</article>\n</body>\n</html>\n");
}

static void export_json(struct nd_buf *b, const struct nd_item *it, const char *photos)
{
	const struct nd_story *s = &it->story;
	nd_buf_addc(b, '{');
	nd_json_kv_int(b, 1, "id", it->id);
	nd_json_kv_int(b, 0, "revision", it->rev);
	nd_json_kv_str(b, 0, "issue", it->issue);
	nd_json_kv_int(b, 0, "page", it->page);
	nd_json_kv_int(b, 0, "position", it->position);
	nd_json_kv_str(b, 0, "section", s->section);
	nd_json_kv_str(b, 0, "kicker", s->kicker);
	nd_json_kv_str(b, 0, "headline", s->headline);
	nd_json_kv_str(b, 0, "subhead", s->subhead);
	nd_json_kv_str(b, 0, "dateline", s->dateline);
	nd_json_kv_str(b, 0, "byline", s->byline);
	nd_json_kv_str(b, 0, "body", s->body);
	nd_json_kv_int(b, 0, "chars", it->chars);
	nd_buf_printf(b, ",\"photos\":[%s]", photos);
	nd_buf_adds(b, "}\n");
}

/* index.FORMAT in dir: the list of the issue's files, page by page. */
/* The root the issue was published with (anchor.h), kept with the copy in
 * its index (txt and html; the JSON index is a list of the files). */
static int export_root(struct nd_cli *cli, const char *code, const char *format,
		       struct nd_buf *index, struct nd_error *err)
{
	struct nd_root root;
	char text[ND_ROOT_TEXT];
	int rc = nd_issue_root(cli->st, code, &root, err);
	if (rc <= 0)
		return rc;
	nd_root_text(&root, text);
	if (strcmp(format, "txt") == 0)
		nd_buf_printf(index, "root\t%s\n", text);
	else if (strcmp(format, "html") == 0)
		nd_buf_printf(index, "</ul>\n<p>%s <code>%s</code></p>\n<ul>\n",
			      _("Root when published:"), text);
	return 0;
}

static int export_index(const char *dir, const char *format, const char *code,
			const struct nd_buf *index, unsigned force, struct nd_error *err)
{
	char path[4200];
	struct nd_buf whole = ND_BUF_INIT;
	if (strcmp(format, "json") == 0) {
		nd_buf_add(&whole, nd_buf_str(index), index->len);
		nd_buf_adds(&whole, "\n]\n");
	} else if (strcmp(format, "html") == 0) {
		nd_buf_adds(&whole, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head><meta "
				    "charset=\"utf-8\"><title>");
		nd_html_escape(&whole, code);
		nd_buf_adds(&whole, "</title></head>\n<body>\n<ul>\n");
		nd_buf_add(&whole, nd_buf_str(index), index->len);
		nd_buf_adds(&whole, "</ul>\n</body>\n</html>\n");
	} else {
		nd_buf_add(&whole, nd_buf_str(index), index->len);
	}
	snprintf(path, sizeof path, "%s/index.%s", dir, format);
	int rc = nd_output_file(path, nd_buf_str(&whole), whole.len, force, err);
	nd_buf_free(&whole);
	return rc;
}

int nd_cmd_export(struct nd_cli *cli, const struct nd_command *cmd, void *args)
{
	const struct nd_export_args *a = args;
	const char *format = a->format, *dir = a->output;
	unsigned force = a->force ? ND_OUT_FORCE : 0;
	if (a->npos != 1 || !dir)
		return nd_cli_usage(cmd, _("export takes an issue CODE and --output DIR"));
	const char *code = a->pos[0];
	struct nd_error err = { 0 };
	struct nd_item *items;
	size_t n;
	if (nd_cli_open(cli, 0, &err) < 0 ||
	    nd_issue_published(cli->st, &cli->actor, code, &items, &n, &err) < 0)
		return nd_cli_fail(&err);
	if (n == 0) {
		nd_fail(&err, ND_EINVAL, _("issue %s has nothing published to export"), code);
		nd_items_free(items, n);
		return nd_cli_fail(&err);
	}
	if (nd_output_dir(dir, &err) < 0) {
		nd_items_free(items, n);
		return nd_cli_fail(&err);
	}
	struct nd_buf index = ND_BUF_INIT, file = ND_BUF_INIT, figures = ND_BUF_INIT,
		      photos = ND_BUF_INIT;
	int rc = 0;
	if (strcmp(format, "json") == 0)
		nd_buf_adds(&index, "[\n");
	for (size_t i = 0; i < n && rc == 0; i++) {
		const struct nd_item *it = &items[i];
		char name[128], path[4200], base[96];
		snprintf(base, sizeof base, "p%03d-%02d-%lld", it->page, it->position,
			 (long long)it->id);
		snprintf(name, sizeof name, "%s.%s", base, format);
		snprintf(path, sizeof path, "%s/%s", dir, name);
		nd_buf_reset(&file);
		nd_buf_reset(&figures);
		nd_buf_reset(&photos);
		/* each photo beside the text, BASE-N.jpg (issue 22) */
		rc = nd_cli_export_photos(cli, it->id, dir, base, force, &figures, &photos, &err);
		if (rc < 0)
			break;
		if (strcmp(format, "txt") == 0)
			export_txt(&file, it);
		else if (strcmp(format, "html") == 0)
			export_html(&file, it, nd_buf_str(&figures));
		else
			export_json(&file, it, nd_buf_str(&photos));
		rc = nd_output_file(path, nd_buf_str(&file), file.len, force, &err);
		if (strcmp(format, "json") == 0) {
			nd_buf_printf(&index, "%s {\"file\":", i ? ",\n" : "");
			nd_json_str(&index, name);
			nd_buf_printf(&index,
				      ",\"page\":%d,\"position\":%d,\"headline\":", it->page,
				      it->position);
			nd_json_str(&index, it->story.headline);
			nd_buf_addc(&index, '}');
		} else if (strcmp(format, "html") == 0) {
			nd_buf_adds(&index, "<li>");
			nd_buf_printf(&index, _("p.%d"), it->page);
			nd_buf_printf(&index, " <a href=\"%s\">", name);
			nd_html_escape(&index, it->story.headline);
			nd_buf_adds(&index, "</a></li>\n");
		} else {
			nd_buf_printf(&index, _("p.%d"), it->page);
			nd_buf_printf(&index, "\t%s\t%s\n", name, it->story.headline);
		}
	}
	if (rc == 0)
		rc = export_root(cli, code, format, &index, &err);
	if (rc == 0)
		rc = export_index(dir, format, code, &index, force, &err);
	nd_buf_free(&index);
	nd_buf_free(&file);
	nd_buf_free(&figures);
	nd_buf_free(&photos);
	nd_items_free(items, n);
	if (rc < 0)
		return nd_cli_fail(&err);
	printf(ngettext("exported %1$zu item of %2$s to %3$s\n",
			"exported %1$zu items of %2$s to %3$s\n", n),
	       n, code, dir);
	return ND_EXIT_OK;
}

int nd_cmd_stats(struct nd_cli *cli, const struct nd_command *cmd, void *args)
{
	const struct nd_stats_args *a = args;
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	int year = a->year ? (int)a->year : tm.tm_year + 1900;
	const char *reporter = a->reporter;
	if (year < 1900 || year > 9999 || a->npos != 0)
		return nd_cli_usage(cmd, _("stats takes --year YYYY and --reporter LOGIN"));
	struct nd_error err = { 0 };
	struct nd_stat_row *rows;
	size_t n;
	if (nd_cli_open(cli, 0, &err) < 0 ||
	    nd_stats(cli->st, &cli->actor, year, reporter, &rows, &n, &err) < 0)
		return nd_cli_fail(&err);
	struct nd_buf b = ND_BUF_INIT;
	enum { NSTAT = 6 };
	const char *head[NSTAT] = { C_("stats", "Reporter"),
				    C_("stats", "Filed"),
				    C_("stats", "Published"),
				    C_("stats", "Chars"),
				    _("Han"),
				    _("Layout") };
	nd_buf_printf(&b, "%d\n", year);
	nd_fit(&b, head[0], 20, true, ND_ALIGN_LEFT);
	for (int i = 1; i < NSTAT; i++) {
		nd_buf_addc(&b, ' ');
		nd_fit(&b, head[i], 10, true, ND_ALIGN_RIGHT);
	}
	nd_buf_addc(&b, '\n');
	long total[NSTAT - 1] = { 0 };
	char cell[NSTAT - 1][32];
	for (size_t i = 0; i < n; i++) {
		char name[160];
		snprintf(name, sizeof name, "%s%s%s%s", rows[i].name ? rows[i].name : "",
			 rows[i].name ? " (" : "", rows[i].reporter, rows[i].name ? ")" : "");
		const long v[NSTAT - 1] = { rows[i].filed, rows[i].published,
					    rows[i].published_chars, rows[i].published_hanzi,
					    rows[i].published_layout };
		nd_fit(&b, name, 20, true, ND_ALIGN_LEFT);
		for (int k = 0; k < NSTAT - 1; k++) {
			nd_format_count(v[k], cell[k], sizeof cell[k]);
			nd_buf_addc(&b, ' ');
			nd_fit(&b, cell[k], 10, true, ND_ALIGN_RIGHT);
			total[k] += v[k];
		}
		nd_buf_addc(&b, '\n');
	}
	nd_fit(&b, _("Total"), 20, true, ND_ALIGN_LEFT);
	for (int k = 0; k < NSTAT - 1; k++) {
		nd_format_count(total[k], cell[k], sizeof cell[k]);
		nd_buf_addc(&b, ' ');
		nd_fit(&b, cell[k], 10, true, ND_ALIGN_RIGHT);
	}
	nd_buf_addc(&b, '\n');
	fputs(nd_buf_str(&b), stdout);
	nd_buf_free(&b);
	nd_stats_free(rows, n);
	return ND_EXIT_OK;
}

/* ---- measure: 字/行 ------------------------------------------------------------ */

static void measure_print(const struct nd_measure *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (!rows[i].section) {
			printf(_("publication: %d chars a line\n"), rows[i].cpl);
			continue;
		}
		nd_cli_put(stdout, rows[i].section, 0);
		if (rows[i].cpl)
			printf(_(": %d chars a line\n"), rows[i].cpl);
		else
			printf(_(": the publication's\n"));
	}
}

int nd_cmd_measure(struct nd_cli *cli, const struct nd_command *cmd, void *args)
{
	const struct nd_measure_args *a = args;
	const char *section = a->section;
	long long cpl = -1;
	if (a->npos > 1 ||
	    (a->npos == 1 && nd_cli_parse_number(a->pos[0], 0, ND_CPL_MAX, &cpl) < 0))
		return nd_cli_usage(cmd, _("measure takes one number: 4 to 100 characters a line "
					   "(0 clears a section's)"));
	if (section && cpl < 0)
		return nd_cli_usage(cmd, _("--section names the section whose 字/行 N sets"));
	struct nd_error err = { 0 };
	if (nd_cli_open(cli, 0, &err) < 0 ||
	    (cpl >= 0 && nd_measure_set(cli->st, &cli->actor, section, (int)cpl, &err) < 0))
		return nd_cli_fail(&err);
	struct nd_measure *rows;
	size_t n;
	if (nd_measure_list(cli->st, &rows, &n, &err) < 0)
		return nd_cli_fail(&err);
	measure_print(rows, n);
	nd_measures_free(rows, n);
	return ND_EXIT_OK;
}
