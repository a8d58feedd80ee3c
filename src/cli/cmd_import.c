/* cmd_import.c — importing page dumps: legacy pages and archives split
 * into items by text/importer.c, filed through core/import.c. */
#include "newsdesk/buf.h"
#include "newsdesk/cli.h"
#include "newsdesk/count.h"
#include "newsdesk/external.h"
#include "newsdesk/import.h"
#include "newsdesk/importer.h"
#include "newsdesk/json.h"
#include "newsdesk/lang.h"
#include "newsdesk/tui.h"
#include "newsdesk/width.h"

#include <libintl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_PAGE (8 * 1024 * 1024)

/* The rules' reasons are gettext strings (text/importer.c marks them). */
/* Length of the byline's title (organisation and position), without the
 * blanks before the name. */
static int title_len(const struct nd_import_item *it)
{
	size_t n = it->byline_name;
	const char *s = it->story.byline;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
		     (n >= 3 && memcmp(s + n - 3, "\xE3\x80\x80", 3) == 0)))
		n -= s[n - 1] == ' ' || s[n - 1] == '\t' ? 1 : 3;
	return (int)n;
}

/* Why each field was chosen: one line a field, the rule's reason and id,
 * so an editor can correct a judgement before anything is filed. */
static void dry_why(struct nd_buf *b, const struct nd_import_item *it)
{
	for (int f = 0; f < ND_IF_COUNT; f++) {
		const struct nd_import_rule *r = it->why[f];
		if (!r)
			continue;
		nd_buf_adds(b, "\n       ");
		nd_buf_printf(b, _("%1$s: %2$s [%3$s]"), _(nd_import_field_name(f)), _(r->why),
			      r->id);
		if (f == ND_IF_MARKERS && it->markers) {
			/* the banner itself, which the head line does not show */
			nd_buf_adds(b, "\n         ");
			for (const char *p = it->markers; *p; p++)
				if (*p == '\n')
					nd_buf_adds(b, " / ");
				else
					nd_buf_addc(b, *p);
		}
		if (f == ND_IF_BYLINE && it->byline_name)
			nd_buf_printf(b, "\n         %s %s · %s %.*s", _("name"),
				      it->story.byline + it->byline_name, _("title"), title_len(it),
				      it->story.byline);
	}
}

static void dry_text(const char *name, const struct nd_import_page *pg)
{
	size_t flagged = nd_import_flagged(pg);
	printf("%s: ", name);
	printf(ngettext("%zu item", "%zu items", pg->n), pg->n);
	printf(ngettext(", %zu flagged for an editor to look at first",
			", %zu flagged for an editor to look at first", flagged),
	       flagged);
	putchar('\n');
	for (size_t i = 0; i < pg->n; i++) {
		const struct nd_import_item *it = &pg->items[i];
		const struct nd_story *s = &it->story;
		char chars[32];
		nd_format_count(nd_count_chars(s->body) + nd_count_chars(s->headline), chars,
				sizeof chars);
		struct nd_buf b = ND_BUF_INIT;
		nd_buf_printf(&b, "%2zu ", i + 1);
		nd_fit(&b, nd_kind_label(s->kind), 7, true, ND_ALIGN_LEFT);
		nd_buf_printf(&b, " %s",
			      it->fragment ? _("[fragment] ")
			      : it->flag   ? _("[flagged] ")
					   : "");
		nd_buf_printf(&b, "[%s] ", s->section ? s->section : "-");
		if (s->kicker)
			nd_buf_printf(&b, "%s ▸ ", s->kicker);
		nd_buf_adds(&b, s->headline);
		if (s->subhead)
			nd_buf_printf(&b, "\n     ▹ %s", s->subhead);
		if (it->flag)
			nd_buf_printf(&b, "\n     ⚑ %s [%s]", _(it->flag->why), it->flag->id);
		nd_buf_adds(&b, "\n     ");
		if (s->dateline)
			nd_buf_printf(&b, "%s · ", s->dateline);
		nd_buf_printf(&b, "%s · ", s->byline ? s->byline : "-");
		if (it->repairs)
			nd_buf_printf(&b, "%s · ", _("paragraphs rejoined"));
		if (it->displaced)
			nd_buf_printf(&b, "%s · ", _("continuation joined"));
		nd_buf_printf(&b, "%s 字", chars);
		nd_buf_adds(&b, "\n     ");
		nd_fit(&b, s->body, 60, false, ND_ALIGN_LEFT);
		nd_buf_printf(&b, "\n     %s", _("why:"));
		dry_why(&b, it);
		nd_buf_addc(&b, '\n');
		nd_cli_put(stdout, nd_buf_str(&b), ND_SAN_NEWLINES);
		nd_buf_free(&b);
	}
}

static void dry_json(const char *name, const struct nd_import_page *pg, bool first)
{
	struct nd_buf b = ND_BUF_INIT;
	nd_buf_adds(&b, first ? "[\n" : ",\n");
	nd_buf_adds(&b, "{\"file\":");
	nd_json_str(&b, name);
	nd_buf_adds(&b, ",\"items\":[");
	for (size_t i = 0; i < pg->n; i++) {
		const struct nd_import_item *it = &pg->items[i];
		const struct nd_story *s = &it->story;
		nd_buf_adds(&b, i ? ",\n {" : "\n {");
		nd_json_kv_str(&b, 1, "kind", s->kind);
		nd_json_kv_str(&b, 0, "section", s->section);
		nd_json_kv_str(&b, 0, "markers", it->markers);
		nd_json_kv_str(&b, 0, "kicker", s->kicker);
		nd_json_kv_str(&b, 0, "headline", s->headline);
		nd_json_kv_str(&b, 0, "subhead", s->subhead);
		nd_json_kv_str(&b, 0, "dateline", s->dateline);
		nd_json_kv_str(&b, 0, "byline", s->byline);
		nd_json_kv_str(&b, 0, "source", it->source);
		nd_json_kv_str(&b, 0, "body", s->body);
		nd_json_kv_int(&b, 0, "chars", nd_count_chars(s->body));
		nd_json_kv_int(&b, 0, "fragment", it->fragment);
		nd_json_kv_str(&b, 0, "flag", it->flag ? it->flag->id : NULL);
		nd_json_kv_int(&b, 0, "repairs", it->repairs);
		nd_json_kv_int(&b, 0, "displaced", it->displaced);
		if (it->byline_name) {
			/* the byline's parts, not more text: lossless counts byline only */
			nd_buf_adds(&b, ",\"byline_parts\":{");
			nd_json_kv_str(&b, 1, "name", s->byline + it->byline_name);
			char *title = strndup(s->byline, (size_t)title_len(it));
			nd_json_kv_str(&b, 0, "title", title);
			free(title);
			nd_buf_addc(&b, '}');
		}
		nd_buf_adds(&b, ",\"why\":{");
		bool any = false;
		for (int f = 0; f < ND_IF_COUNT; f++)
			if (it->why[f]) {
				nd_json_kv_str(&b, !any, nd_import_field_name(f), it->why[f]->id);
				any = true;
			}
		nd_buf_adds(&b, "}}");
	}
	nd_buf_adds(&b, "]}");
	fputs(nd_buf_str(&b), stdout);
	nd_buf_free(&b);
}

/* --interactive: the desk on the page's review; it files, or not. */
static int review(struct nd_cli *cli, const char *name, const struct nd_buf *bytes,
		  struct nd_import_page *pg, const char *enc, const char *issue, const char *state)
{
	struct nd_error err = { 0 };
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		nd_fail(&err, ND_EINVAL,
			_("--interactive needs a terminal; --dry-run shows the items without one"));
		return nd_cli_fail(&err);
	}
	struct nd_tui_import imp = {
		name, pg, enc, issue, state, 1, nd_buf_str(bytes), bytes->len
	};
	struct nd_tui_options opt = { .import = &imp };
	if (nd_tui_run(cli->st, &cli->actor, &opt, &err) < 0)
		return nd_cli_fail(&err);
	return ND_EXIT_OK;
}

int nd_cmd_import(struct nd_cli *cli, const struct nd_command *cmd, void *args)
{
	const struct nd_import_args *a = args;
	const char *issue = a->issue, *encoding = a->encoding;
	const char *state = a->state; /* the workflow says which states may start */
	bool dry = a->dry_run, interactive = a->interactive;
	bool json = strcmp(a->format, "json") == 0;
	if (a->npos == 0)
		return nd_cli_usage(cmd, _("import takes one or more page FILEs"));
	if (interactive && (dry || a->npos != 1))
		return nd_cli_usage(cmd,
				    _("--interactive reviews one page FILE, without --dry-run"));
	struct nd_error err = { 0 };
	if (!dry && nd_cli_open(cli, 0, &err) < 0)
		return nd_cli_fail(&err);
	int worst = ND_EXIT_OK;
	bool first = true;
	for (int i = 0; i < a->npos; i++) {
		struct nd_buf bytes = ND_BUF_INIT;
		struct nd_import_page pg;
		char *text = NULL;
		const char *enc = NULL;
		int rc = nd_read_file(a->pos[i], &bytes, &err);
		if (rc == ND_EINVAL) /* over nd_read_file's 1 MiB: pages may be larger */
			rc = nd_fail(&err, ND_EINVAL, _("%s is over 1 MiB; split it into pages"),
				     a->pos[i]);
		if (rc == 0)
			rc = nd_text_from_bytes(nd_buf_str(&bytes), bytes.len, MAX_PAGE, encoding,
						&text, &enc, &err);
		if (rc == 0)
			rc = nd_import_split(text, &pg, &err);
		free(text);
		if (rc < 0) {
			nd_buf_free(&bytes);
			nd_error_prefix(&err, "%s: ", a->pos[i]);
			worst = nd_cli_fail(&err);
			continue;
		}
		if (interactive) {
			worst = review(cli, a->pos[i], &bytes, &pg, enc, issue, state);
		} else if (dry) {
			if (json)
				dry_json(a->pos[i], &pg, first);
			else
				dry_text(a->pos[i], &pg);
			first = false;
		} else {
			struct nd_import_result res;
			/* the page as it arrived is kept with its items */
			struct nd_page_source src = { nd_buf_str(&bytes), bytes.len, a->pos[i] };
			if (nd_import_file(cli->st, &cli->actor, &pg, &src, enc, issue, i + 1,
					   state, &res, &err) < 0) {
				nd_error_prefix(&err, "%s: ", a->pos[i]);
				worst = nd_cli_fail(&err);
			} else {
				printf(
				    _("%1$s: imported %2$zu items (#%3$lld–#%4$lld), %5$zu fragments "
				      "flagged for an editor\n"),
				    a->pos[i], res.filed, (long long)res.first, (long long)res.last,
				    res.fragments);
				if (res.flagged > res.fragments)
					printf(
					    ngettext(
						"%zu more item flagged for an editor to look at "
						"first: its log says why\n",
						"%zu more items flagged for an editor to look at "
						"first: their logs say why\n",
						res.flagged - res.fragments),
					    res.flagged - res.fragments);
			}
		}
		nd_import_page_free(&pg);
		nd_buf_free(&bytes);
	}
	if (dry && json && !first)
		puts("\n]");
	return worst;
}
