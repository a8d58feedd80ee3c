/* rundown.c — rendering a loaded rundown. No SQL here: the data comes from
 * nd_rundown_load. The JSON schema is documented in newsdesk(1). */
#include "newsdesk/rundown.h"
#include "newsdesk/count.h"
#include "newsdesk/csv.h"
#include "newsdesk/html.h"
#include "newsdesk/json.h"
#include "newsdesk/lang.h"
#include "newsdesk/sanitize.h"
#include "newsdesk/width.h"

#include <libintl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#ifndef _
#define _(s) gettext(s)
#endif

static void when(int64_t t, char *out, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!t || !localtime_r(&tt, &tm) || !strftime(out, size, "%Y-%m-%d %H:%M", &tm))
		snprintf(out, size, "-");
}

static bool signed_off(const struct nd_rundown_item *it)
{
	return it->signed_off;
}

/* ---- text ---------------------------------------------------------------- */

enum { C_PAGE, C_POS, C_SECTION, C_HEADLINE, C_BYLINE, C_CHARS, C_HANZI, C_LAYOUT, C_STATE, NCOL };

/* below: the column is left out of a text rundown narrower than that */
static const struct {
	const char *name; /* translated where shown */
	int width;
	bool right;
	int below;
} cols[NCOL] = {
	[C_PAGE] = { N_("Pg"), 3, true, 0 },
	[C_POS] = { N_("#"), 2, true, 0 },
	[C_SECTION] = { N_("Section"), 8, false, 80 },
	[C_HEADLINE] = { N_("Headline"), 0, false, 0 },
	[C_BYLINE] = { N_("Byline"), 12, false, 0 },
	[C_CHARS] = { N_("Chars"), 6, true, 0 },
	[C_HANZI] = { N_("Han"), 6, true, 80 },
	[C_LAYOUT] = { N_("Layout"), 8, true, 0 },
	[C_STATE] = { N_("State"), 9, false, 0 },
};

static void row(struct nd_buf *out, const char *cells[NCOL], const int w[NCOL])
{
	size_t start = out->len;
	for (int c = 0; c < NCOL; c++) {
		if (w[c] < 0)
			continue; /* left out at this width */
		if (c)
			nd_buf_addc(out, ' ');
		nd_fit(out, cells[c] ? cells[c] : "", w[c], true,
		       cols[c].right ? ND_ALIGN_RIGHT : ND_ALIGN_LEFT);
	}
	while (out->len > start && out->data[out->len - 1] == ' ')
		out->data[--out->len] = '\0';
	nd_buf_addc(out, '\n');
}

/* A page's 版面字数 against its budget (a budget is in 版面字数), and the
 * 字/行 it was counted at. */
static void budget_text(long layout, long budget, int cpl, char *out, size_t size)
{
	char c[32], b[32], d[32];
	nd_format_count(layout, c, sizeof c);
	if (budget < 0) {
		snprintf(out, size, _("%1$s layout chars at %2$d a line"), c, cpl);
		return;
	}
	nd_format_count(budget, b, sizeof b);
	long diff = layout - budget;
	nd_format_count(diff < 0 ? -diff : diff, d, sizeof d);
	if (diff > 0)
		snprintf(out, size, _("%1$s / %2$s layout chars at %3$d a line, over by %4$s"), c,
			 b, cpl, d);
	else if (diff < 0)
		snprintf(out, size, _("%1$s / %2$s layout chars at %3$d a line, under by %4$s"), c,
			 b, cpl, d);
	else
		snprintf(out, size, _("%1$s / %2$s layout chars at %3$d a line"), c, b, cpl);
}

/* The three figures of the whole issue. */
static void totals_text(const struct nd_rundown *r, char *out, size_t size)
{
	char c[32], h[32], l[32];
	nd_format_count(r->chars, c, sizeof c);
	nd_format_count(r->hanzi, h, sizeof h);
	nd_format_count(r->layout, l, sizeof l);
	snprintf(out, size, _("%1$s chars, %2$s Han characters, %3$s layout chars"), c, h, l);
}

/* head then tail on one line, or tail on a line of its own, indented, when
 * both do not fit in width; each sanitised for one line. */
static void head_tail(struct nd_buf *out, const char *head, const char *tail, int width)
{
	size_t n = strlen(head);
	bool wrap = nd_text_width(head) + nd_text_width(tail) > width;
	while (wrap && n && head[n - 1] == ' ')
		n--;
	nd_sanitize(out, head, n, 0);
	nd_buf_adds(out, wrap ? "\n    " : "");
	nd_sanitize(out, tail, strlen(tail), 0);
	nd_buf_addc(out, '\n');
}

/* An empty page with nothing planned for it (no section, no budget): such
 * pages fold into one line, as 第 9–48 版：空. */
static bool unplanned(const struct nd_rundown_page *pg)
{
	return pg->count == 0 && pg->budget < 0 && !(pg->section && pg->section[0]);
}

/* The run of unplanned pages from p: its last index. */
static size_t unplanned_run(const struct nd_rundown *r, size_t p)
{
	size_t q = p;
	while (q + 1 < r->npages && unplanned(&r->pages[q + 1]))
		q++;
	return q;
}

static void empty_pages(struct nd_buf *out, int first, int last)
{
	char a[16], b[16];
	snprintf(a, sizeof a, "%d", first);
	snprintf(b, sizeof b, "%d", last);
	if (first == last)
		nd_buf_printf(out, _("page %s: empty"), a);
	else
		nd_buf_printf(out, _("pages %1$s–%2$s: empty"), a, b);
}

static bool over_budget(const struct nd_rundown_page *pg)
{
	return pg->budget >= 0 && pg->layout > pg->budget;
}

/* A page number padded to the widest of the issue's, so labels line up past
 * page 9. */
static void page_label(const struct nd_rundown *r, int page, char *out, size_t size)
{
	int digits = snprintf(NULL, 0, "%zu", r->npages);
	snprintf(out, size, "%*d", digits, page);
}

/* "#id" padded to the widest id of the issue, so the lists line up. */
static void id_label(const struct nd_rundown *r, int64_t id, struct nd_buf *out)
{
	int64_t max = 0;
	for (size_t i = 0; i < r->n; i++)
		if (r->items[i].id > max)
			max = r->items[i].id;
	int digits = snprintf(NULL, 0, "%lld", (long long)max);
	nd_buf_printf(out, "  #%-*lld ", digits, (long long)id);
}

/* The items with review notes on their current revision, one line each. */
static void open_notes_text(const struct nd_rundown *r, struct nd_buf *out, int width)
{
	bool header = false;
	struct nd_buf line = ND_BUF_INIT;
	for (size_t i = 0; i < r->n; i++) {
		const struct nd_rundown_item *it = &r->items[i];
		if (!it->open_notes)
			continue;
		if (!header)
			nd_buf_adds(out, _("\nReview notes not yet answered by an edit:\n"));
		header = true;
		nd_buf_reset(&line);
		id_label(r, it->id, &line);
		nd_buf_printf(&line, _("p.%d"), it->page);
		nd_buf_adds(&line, "  ");
		nd_buf_printf(&line, ngettext("%d note", "%d notes", it->open_notes),
			      it->open_notes);
		nd_buf_printf(&line, "  %s", it->headline);
		nd_fit(out, nd_buf_str(&line), width, false, ND_ALIGN_LEFT);
		nd_buf_addc(out, '\n');
	}
	nd_buf_free(&line);
}

static int render_text(const struct nd_rundown *r, int width, int64_t printed_at,
		       struct nd_buf *out)
{
	int w[NCOL], fixed = 0;
	for (int c = 0; c < NCOL; c++) {
		w[c] = width < cols[c].below ? -1 : cols[c].width;
		if (c != C_HEADLINE && w[c] >= 0)
			fixed += w[c] + 1;
	}
	w[C_HEADLINE] = width - fixed > 12 ? width - fixed : 12;
	char printed[32], chars[32];
	when(printed_at, printed, sizeof printed);
	struct nd_buf line = ND_BUF_INIT;
	nd_buf_printf(&line, "%s  %s  ", r->issue.title, r->issue.date ? r->issue.date : "");
	nd_buf_printf(&line, ngettext("%d page", "%d pages", r->npages), (int)r->npages);
	/* the printing time goes on a line of its own when the title leaves no room */
	int title_cols = nd_fit(out, nd_buf_str(&line), width, false, ND_ALIGN_LEFT);
	nd_buf_reset(&line);
	nd_buf_printf(&line, _("printed %s"), printed);
	nd_buf_adds(out, title_cols + 2 + nd_text_width(nd_buf_str(&line)) <= width ? "  " : "\n");
	nd_buf_adds(out, nd_buf_str(&line));
	nd_buf_adds(out, "\n\n");
	const char *head[NCOL];
	for (int c = 0; c < NCOL; c++)
		head[c] = _(cols[c].name);
	row(out, head, w);
	for (size_t p = 0; p < r->npages; p++) {
		const struct nd_rundown_page *pg = &r->pages[p];
		if (unplanned(pg)) {
			size_t q = unplanned_run(r, p);
			nd_buf_reset(&line);
			nd_buf_adds(&line, "  ");
			empty_pages(&line, pg->page, r->pages[q].page);
			head_tail(out, nd_buf_str(&line), "", width);
			p = q;
			continue;
		}
		for (size_t i = pg->first; i < pg->first + pg->count; i++) {
			const struct nd_rundown_item *it = &r->items[i];
			char page[16], pos[16];
			snprintf(page, sizeof page, "%d", it->page);
			snprintf(pos, sizeof pos, "%d", it->position);
			char hanzi[32], layout[32];
			nd_format_figure(it->chars, chars, sizeof chars);
			nd_format_figure(it->hanzi, hanzi, sizeof hanzi);
			nd_format_figure(it->layout, layout, sizeof layout);
			const char *cells[NCOL] = { page,         pos,        it->section,
						    it->headline, it->byline, chars,
						    hanzi,        layout,     it->state_label };
			row(out, cells, w);
			/* kicker and subhead under the headline */
			const char *extra[] = { it->kicker, it->subhead };
			const char *labels[] = { _("kicker: "), _("subhead: ") };
			for (int k = 0; k < 2; k++) {
				if (!extra[k] || !extra[k][0])
					continue;
				nd_buf_reset(&line);
				nd_buf_printf(&line, "%s%s", labels[k], extra[k]);
				const char *sub[NCOL] = { "", "", "", nd_buf_str(&line), "" };
				row(out, sub, w);
			}
			if (it->photos) { /* photos (issue 22) */
				nd_buf_reset(&line);
				nd_buf_printf(&line, _("photos: %d"), it->photos);
				const char *sub[NCOL] = {
					"", "", "", nd_buf_str(&line), "", "", ""
				};
				row(out, sub, w);
			}
		}
		char budget[160], label[16];
		budget_text(pg->layout, pg->budget, pg->cpl, budget, sizeof budget);
		page_label(r, pg->page, label, sizeof label);
		nd_buf_reset(&line);
		nd_buf_printf(&line,
			      ngettext("  page %1$s%2$s%3$s: %4$zu item, ",
				       "  page %1$s%2$s%3$s: %4$zu items, ", pg->count),
			      label, pg->section ? " " : "", pg->section ? pg->section : "",
			      pg->count);
		head_tail(out, nd_buf_str(&line), budget, width);
	}
	char totals[256];
	totals_text(r, totals, sizeof totals);
	nd_buf_reset(&line);
	nd_buf_printf(&line, ngettext("Whole issue: %zu item, ", "Whole issue: %zu items, ", r->n),
		      r->n);
	nd_buf_addc(out, '\n');
	head_tail(out, nd_buf_str(&line), totals, width);
	if (r->unsigned_items) {
		nd_buf_adds(out, _("\nNot yet signed off:\n"));
		for (size_t i = 0; i < r->n; i++) {
			const struct nd_rundown_item *it = &r->items[i];
			if (signed_off(it))
				continue;
			nd_buf_reset(&line);
			id_label(r, it->id, &line);
			nd_buf_printf(&line, _("p.%d"), it->page);
			nd_buf_printf(&line, "  %s  %s", it->state_label, it->headline);
			/* the list is for the printed sheet too: keep it inside --width */
			nd_fit(out, nd_buf_str(&line), width, false, ND_ALIGN_LEFT);
			nd_buf_addc(out, '\n');
		}
	}
	bool header = false;
	for (size_t p = 0; p < r->npages; p++) {
		const struct nd_rundown_page *pg = &r->pages[p];
		if (pg->budget < 0 || pg->layout == pg->budget)
			continue;
		if (!header)
			nd_buf_adds(out, _("\nPages over or under budget:\n"));
		header = true;
		char budget[160], label[16];
		budget_text(pg->layout, pg->budget, pg->cpl, budget, sizeof budget);
		page_label(r, pg->page, label, sizeof label);
		nd_buf_reset(&line);
		nd_buf_printf(&line, _("  page %s: "), label);
		head_tail(out, nd_buf_str(&line), budget, width);
	}
	open_notes_text(r, out, width);
	if (r->root[0]) /* what check --against proves later */
		nd_buf_printf(out, _("\nRoot when published: %s\n"), r->root);
	nd_buf_free(&line);
	return 0;
}

/* ---- CSV (RFC 4180) ------------------------------------------------------- */

static int render_csv(const struct nd_rundown *r, struct nd_buf *out)
{
	/* UTF-8 with a BOM, so spreadsheet programs read the Chinese right */
	nd_buf_adds(out, "\xEF\xBB\xBF");
	/* CSV is for people who open it in a spreadsheet: the header row and
	 * the states in the reader's language (JSON's keys stay English) */
	const char *head[] = { C_("csv", "issue"),          C_("csv", "page"),
			       C_("csv", "position"),       C_("csv", "id"),
			       C_("csv", "section"),        C_("csv", "kicker"),
			       C_("csv", "headline"),       C_("csv", "subhead"),
			       C_("csv", "byline"),         C_("csv", "chars"),
			       C_("csv", "hanzi"),          C_("csv", "layout_chars"),
			       C_("csv", "chars_per_line"), C_("csv", "state"),
			       C_("csv", "photos") };
	for (size_t i = 0; i < sizeof head / sizeof *head; i++)
		nd_csv_cell(out, head[i], i + 1 == sizeof head / sizeof *head);
	for (size_t i = 0; i < r->n; i++) {
		const struct nd_rundown_item *it = &r->items[i];
		char page[16], pos[16], id[24], chars[24], hanzi[24], layout[24], cpl[16],
		    photos[16];
		snprintf(photos, sizeof photos, "%d", it->photos);
		snprintf(page, sizeof page, "%d", it->page);
		snprintf(pos, sizeof pos, "%d", it->position);
		snprintf(id, sizeof id, "%lld", (long long)it->id);
		snprintf(chars, sizeof chars, "%ld", it->chars);
		/* an unknown figure is an empty cell, never a number */
		hanzi[0] = layout[0] = '\0';
		if (it->hanzi >= 0)
			snprintf(hanzi, sizeof hanzi, "%ld", it->hanzi);
		if (it->layout >= 0)
			snprintf(layout, sizeof layout, "%ld", it->layout);
		snprintf(cpl, sizeof cpl, "%d", it->cpl);
		const char *cells[] = {
			r->issue.code, page,
			pos,           id,
			it->section,   it->kicker,
			it->headline,  it->subhead,
			it->byline,    chars,
			hanzi,         layout,
			cpl,           it->state_label ? it->state_label : it->state,
			photos
		};
		for (size_t c = 0; c < sizeof cells / sizeof *cells; c++)
			nd_csv_cell(out, cells[c], c + 1 == sizeof cells / sizeof *cells);
	}
	return 0;
}

/* ---- JSON -------------------------------------------------------------------- */

static int render_json(const struct nd_rundown *r, int64_t printed_at, struct nd_buf *out)
{
	nd_buf_adds(out, "{\"issue\":{");
	nd_json_kv_str(out, 1, "code", r->issue.code);
	nd_json_kv_str(out, 0, "title", r->issue.title);
	nd_json_kv_str(out, 0, "date", r->issue.date);
	nd_json_kv_int(out, 0, "pages", (int64_t)r->npages);
	nd_json_kv_str(out, 0, "state", r->issue.state);
	if (r->root[0])
		nd_json_kv_str(out, 0, "root", r->root);
	nd_buf_adds(out, "},");
	nd_json_kv_int(out, 1, "printed_at", printed_at);
	nd_buf_adds(out, ",\"pages\":[");
	for (size_t p = 0; p < r->npages; p++) {
		const struct nd_rundown_page *pg = &r->pages[p];
		nd_buf_adds(out, p ? ",\n {" : "\n {");
		nd_json_kv_int(out, 1, "page", pg->page);
		nd_json_kv_str(out, 0, "section", pg->section);
		if (pg->budget >= 0)
			nd_json_kv_int(out, 0, "budget", pg->budget);
		else
			nd_buf_adds(out, ",\"budget\":null");
		nd_json_kv_int(out, 0, "chars", pg->chars);
		nd_json_kv_int(out, 0, "hanzi", pg->hanzi);
		nd_json_kv_int(out, 0, "layout_chars", pg->layout);
		nd_json_kv_int(out, 0, "chars_per_line", pg->cpl);
		nd_buf_adds(out, ",\"items\":[");
		for (size_t i = pg->first; i < pg->first + pg->count; i++) {
			const struct nd_rundown_item *it = &r->items[i];
			nd_buf_adds(out, i > pg->first ? ",{" : "{");
			nd_json_kv_int(out, 1, "id", it->id);
			nd_json_kv_int(out, 0, "position", it->position);
			nd_json_kv_str(out, 0, "section", it->section);
			nd_json_kv_str(out, 0, "kicker", it->kicker);
			nd_json_kv_str(out, 0, "headline", it->headline);
			nd_json_kv_str(out, 0, "subhead", it->subhead);
			nd_json_kv_str(out, 0, "byline", it->byline);
			nd_json_kv_int(out, 0, "chars", it->chars);
			nd_json_kv_int(out, 0, "hanzi", it->hanzi);
			nd_json_kv_int(out, 0, "layout_chars", it->layout);
			nd_json_kv_int(out, 0, "chars_per_line", it->cpl);
			nd_json_kv_str(out, 0, "state", it->state);
			nd_json_kv_str(out, 0, "state_label", it->state_label);
			nd_json_kv_int(out, 0, "signed_off", signed_off(it));
			nd_json_kv_int(out, 0, "photos", it->photos);
			nd_buf_addc(out, '}');
		}
		nd_buf_adds(out, "]}");
	}
	nd_buf_printf(
	    out,
	    "],\n\"totals\":{\"items\":%zu,\"chars\":%ld,\"hanzi\":%ld,\"layout_chars\":%ld,"
	    "\"not_signed_off\":%zu}}\n",
	    r->n, r->chars, r->hanzi, r->layout, r->unsigned_items);
	return 0;
}

/* ---- HTML ------------------------------------------------------------------------ */

static void html_text(struct nd_buf *out, const char *s)
{
	struct nd_buf clean = ND_BUF_INIT;
	nd_sanitize(&clean, s ? s : "", s ? strlen(s) : 0, 0);
	nd_html_escape(out, nd_buf_str(&clean));
	nd_buf_free(&clean);
}

/* The pages whose 版面字数 is not their budget, as the text has them; the
 * pages over it in red. */
static void html_budgets(const struct nd_rundown *r, struct nd_buf *out)
{
	bool header = false;
	for (size_t p = 0; p < r->npages; p++) {
		const struct nd_rundown_page *pg = &r->pages[p];
		if (pg->budget < 0 || pg->layout == pg->budget)
			continue;
		if (!header)
			nd_buf_printf(out, "<h2>%s</h2>\n<ul>\n", _("Pages over or under budget"));
		header = true;
		char budget[160];
		budget_text(pg->layout, pg->budget, pg->cpl, budget, sizeof budget);
		nd_buf_printf(out, "<li%s>", over_budget(pg) ? " class=\"unsigned\"" : "");
		nd_buf_printf(out, _("Page %d"), pg->page);
		nd_buf_adds(out, _(": "));
		html_text(out, budget);
		nd_buf_adds(out, "</li>\n");
	}
	if (header)
		nd_buf_adds(out, "</ul>\n");
}

static void html_notes(const struct nd_rundown *r, struct nd_buf *out)
{
	bool header = false;
	for (size_t i = 0; i < r->n; i++) {
		const struct nd_rundown_item *it = &r->items[i];
		if (!it->open_notes)
			continue;
		if (!header)
			nd_buf_printf(out, "<h2>%s</h2>\n<ul>\n",
				      _("Review notes not yet answered by an edit"));
		header = true;
		nd_buf_printf(out, "<li>#%lld ", (long long)it->id);
		nd_buf_printf(out, _("p.%d"), it->page);
		nd_buf_adds(out, " · ");
		nd_buf_printf(out, ngettext("%d note", "%d notes", it->open_notes), it->open_notes);
		nd_buf_adds(out, " · ");
		html_text(out, it->headline);
		nd_buf_adds(out, "</li>\n");
	}
	if (header)
		nd_buf_adds(out, "</ul>\n");
}

static int render_html(const struct nd_rundown *r, int64_t printed_at, struct nd_buf *out)
{
	char printed[32], chars[32];
	when(printed_at, printed, sizeof printed);
	nd_buf_adds(
	    out,
	    "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
	html_text(out, r->issue.title);
	nd_buf_adds(
	    out,
	    "</title>\n<style>\n"
	    "@page { size: A4; margin: 15mm; }\n"
	    "body { font-family: \"Noto Serif CJK SC\", \"Songti SC\", serif; font-size: 10.5pt; }\n"
	    "table { border-collapse: collapse; width: 100%; }\n"
	    "th, td { border-bottom: 1px solid #999; padding: 2pt 4pt; text-align: left; "
	    "vertical-align: top; }\n"
	    "td.n { text-align: right; } tr.total td { font-weight: bold; border-bottom: 2px solid #000; }\n"
	    "tr.page { page-break-inside: avoid; } .sub { color: #555; font-size: 9pt; }\n"
	    ".unsigned { color: #b00; } tr.over td { color: #b00; }\n"
	    "@media print { a { color: inherit; } }\n"
	    "</style>\n</head>\n<body>\n<h1>");
	html_text(out, r->issue.title);
	nd_buf_adds(out, "</h1>\n<p>");
	html_text(out, r->issue.date);
	nd_buf_adds(out, " · ");
	nd_buf_printf(out, ngettext("%d page", "%d pages", r->npages), (int)r->npages);
	nd_buf_adds(out, " · ");
	nd_buf_printf(out, _("printed %s"), printed);
	nd_buf_adds(out, "</p>\n<table>\n<thead><tr>");
	for (int c = 0; c < NCOL; c++)
		nd_buf_printf(out, "<th>%s</th>", _(cols[c].name));
	nd_buf_adds(out, "</tr></thead>\n<tbody>\n");
	for (size_t p = 0; p < r->npages; p++) {
		const struct nd_rundown_page *pg = &r->pages[p];
		if (unplanned(pg)) {
			size_t q = unplanned_run(r, p);
			struct nd_buf empty = ND_BUF_INIT;
			empty_pages(&empty, pg->page, r->pages[q].page);
			nd_buf_adds(out, "<tr class=\"total\"><td colspan=\"9\">");
			html_text(out, nd_buf_str(&empty));
			nd_buf_adds(out, "</td></tr>\n");
			nd_buf_free(&empty);
			p = q;
			continue;
		}
		for (size_t i = pg->first; i < pg->first + pg->count; i++) {
			const struct nd_rundown_item *it = &r->items[i];
			char hanzi[32], layout[32];
			nd_format_figure(it->chars, chars, sizeof chars);
			nd_format_figure(it->hanzi, hanzi, sizeof hanzi);
			nd_format_figure(it->layout, layout, sizeof layout);
			nd_buf_printf(
			    out, "<tr%s><td class=\"n\">%d</td><td class=\"n\">%d</td><td>",
			    signed_off(it) ? "" : " class=\"unsigned\"", it->page, it->position);
			html_text(out, it->section);
			nd_buf_adds(out, "</td><td>");
			if (it->kicker && it->kicker[0]) {
				nd_buf_adds(out, "<div class=\"sub\">");
				html_text(out, it->kicker);
				nd_buf_adds(out, "</div>");
			}
			html_text(out, it->headline);
			if (it->subhead && it->subhead[0]) {
				nd_buf_adds(out, "<div class=\"sub\">");
				html_text(out, it->subhead);
				nd_buf_adds(out, "</div>");
			}
			if (it->photos) {
				char photos[64];
				snprintf(photos, sizeof photos, _("photos: %d"), it->photos);
				nd_buf_adds(out, "<div class=\"sub\">");
				html_text(out, photos);
				nd_buf_adds(out, "</div>");
			}
			nd_buf_adds(out, "</td><td>");
			html_text(out, it->byline);
			nd_buf_printf(out,
				      "</td><td class=\"n\">%s</td><td class=\"n\">%s</td>"
				      "<td class=\"n\">%s</td><td>",
				      chars, hanzi, layout);
			html_text(out, it->state_label);
			nd_buf_adds(out, "</td></tr>\n");
		}
		char budget[160];
		budget_text(pg->layout, pg->budget, pg->cpl, budget, sizeof budget);
		nd_buf_printf(out, "<tr class=\"total%s\"><td class=\"n\">%d</td><td></td><td>",
			      over_budget(pg) ? " over" : "", pg->page);
		html_text(out, pg->section);
		nd_buf_printf(out, "</td><td colspan=\"6\">%zu · ", pg->count);
		html_text(out, budget);
		nd_buf_adds(out, "</td></tr>\n");
	}
	char totals[256];
	totals_text(r, totals, sizeof totals);
	nd_buf_printf(out, "</tbody>\n</table>\n<p>%s %zu · ", _("Items"), r->n);
	html_text(out, totals);
	nd_buf_adds(out, "</p>\n");
	if (r->unsigned_items) {
		nd_buf_printf(out, "<h2>%s</h2>\n<ul>\n", _("Not yet signed off"));
		for (size_t i = 0; i < r->n; i++) {
			if (signed_off(&r->items[i]))
				continue;
			nd_buf_printf(out, "<li>#%lld ", (long long)r->items[i].id);
			nd_buf_printf(out, _("p.%d"), r->items[i].page);
			nd_buf_addc(out, ' ');
			html_text(out, r->items[i].headline);
			nd_buf_adds(out, "</li>\n");
		}
		nd_buf_adds(out, "</ul>\n");
	}
	html_budgets(r, out);
	html_notes(r, out);
	if (r->root[0])
		nd_buf_printf(out, "<p class=\"root\">%s <code>%s</code></p>\n",
			      _("Root when published:"), r->root);
	nd_buf_adds(out, "</body>\n</html>\n");
	return 0;
}

int nd_rundown_render(const struct nd_rundown *r, enum nd_rundown_format format, int width,
		      int64_t printed_at, struct nd_buf *out)
{
	switch (format) {
	case ND_RUNDOWN_CSV:
		return render_csv(r, out);
	case ND_RUNDOWN_JSON:
		return render_json(r, printed_at, out);
	case ND_RUNDOWN_HTML:
		return render_html(r, printed_at, out);
	default:
		return render_text(r, width, printed_at, out);
	}
}

/* ---- what is still open ----------------------------------------------------- */

void nd_rundown_open(const struct nd_rundown *r, struct nd_buf *out)
{
	/* TRANSLATORS: between the items of a list, as 第 1、5、6 版 */
	const char *sep = C_("list", ", ");
	struct nd_buf list = ND_BUF_INIT;
	size_t n = 0;
	for (size_t p = 0; p < r->npages; p++)
		if (over_budget(&r->pages[p])) {
			nd_buf_printf(&list, "%s%d", n++ ? sep : "", r->pages[p].page);
		}
	size_t parts = 0;
	if (n) {
		nd_buf_printf(out,
			      ngettext("%1$zu page over budget (p.%2$s)",
				       "%1$zu pages over budget (p.%2$s)", n),
			      n, nd_buf_str(&list));
		parts++;
	}
	nd_buf_reset(&list);
	n = 0;
	for (size_t i = 0; i < r->n; i++)
		if (r->items[i].open_notes)
			nd_buf_printf(&list, "%s#%lld", n++ ? sep : "", (long long)r->items[i].id);
	if (n) {
		nd_buf_adds(out, parts++ ? C_("list", "; ") : "");
		nd_buf_printf(out,
			      ngettext("%1$zu item with review notes not yet answered (%2$s)",
				       "%1$zu items with review notes not yet answered (%2$s)", n),
			      n, nd_buf_str(&list));
	}
	if (r->unsigned_items) {
		nd_buf_adds(out, parts++ ? C_("list", "; ") : "");
		nd_buf_printf(out,
			      ngettext("%zu item not signed off", "%zu items not signed off",
				       r->unsigned_items),
			      r->unsigned_items);
	}
	nd_buf_free(&list);
}
