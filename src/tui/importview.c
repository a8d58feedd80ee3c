/* importview.c — the import review (newsdesk import --interactive): the
 * items the importer proposes for a page, each field with the rule that
 * chose it, as --dry-run names them; the editor merges, splits, re-labels
 * and skips, then files every item at once or leaves with nothing filed.
 * The corrections are text/import_edit.c; this pane draws and dispatches. */
#include "newsdesk/buf.h"
#include "newsdesk/count.h"
#include "newsdesk/import.h"
#include "newsdesk/import_edit.h"
#include "newsdesk/number.h"
#include "newsdesk/tui_import.h"
#include "newsdesk/width.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Corrections u takes back: bounded, as a page may be a megabyte. */
#define UNDO 16

struct tui_import {
	char *name, *encoding, *issue, *state;
	int page_no;
	char *bytes; /* the page as it arrived: kept with what is filed */
	size_t nbytes;
	struct nd_import_edit ed;
	int64_t sel, top;
	struct nd_import_edit undo[UNDO]; /* the page before each correction, oldest first */
	int nundo;
	int dtop, drows, dlines; /* the detail: first row shown, rows shown, rows */
};

/* ---- drawing ------------------------------------------------------------- */

/* Rows of the item list: two fifths of the pane, at least three. */
static int list_rows(const struct tui_import *im, int height)
{
	int h = (height - 2) * 2 / 5;
	if (h < 3)
		h = 3;
	if (h > (int)im->ed.page.n)
		h = (int)im->ed.page.n;
	return h > 0 ? h : 1;
}

static void item_row(struct nd_buf *row, const struct nd_import_edit *ed, size_t i)
{
	const struct nd_import_item *it = &ed->page.items[i];
	const struct nd_story *s = &it->story;
	char chars[32];
	nd_format_count(nd_count_chars(s->body ? s->body : "") +
			    nd_count_chars(s->headline ? s->headline : ""),
			chars, sizeof chars);
	/* ⚑: an unsure rule shaped it, so the editor looks there first */
	nd_buf_printf(row, "%s%3zu ", ed->skipped[i] ? "✗" : it->flag ? "⚑" : " ", i + 1);
	tui_draw_text(row, s->kind, 7, true, false);
	nd_buf_addc(row, ' ');
	if (ed->skipped[i])
		nd_buf_printf(row, "%s ", _("[skipped]"));
	if (it->fragment)
		nd_buf_adds(row, _("[fragment] "));
	else if (it->flag)
		nd_buf_adds(row, _("[flagged] "));
	nd_buf_printf(row, "[%s] ", s->section ? s->section : "-");
	if (s->kicker)
		nd_buf_printf(row, "%s ▸ ", s->kicker);
	nd_buf_adds(row, s->headline ? s->headline : _("(no headline)"));
	nd_buf_printf(row, " · %s · %s 字", s->byline ? s->byline : "-", chars);
}

/* label, value, and the rule that chose it: one row of the detail */
static void field_row(struct nd_buf *out, const char *label, const char *value,
		      const struct nd_import_rule *r, int width)
{
	tui_draw_text(out, label, 9, true, false);
	nd_buf_addc(out, ' ');
	int vw = width - 10;
	if (r) {
		vw = vw / 2;
		tui_draw_text(out, value, vw, true, false);
		nd_buf_printf(out, " ← [%s] %s", r->id, _(r->why));
	} else {
		tui_draw_text(out, value, vw, false, false);
	}
	nd_buf_addc(out, '\n');
}

/* a field of several lines (markers, a source) on one row */
static char *one_line(const char *s)
{
	struct nd_buf b = ND_BUF_INIT;
	for (; s && *s; s++)
		if (*s == '\n')
			nd_buf_adds(&b, " / ");
		else
			nd_buf_addc(&b, *s);
	return nd_buf_take(&b);
}

/* The selected item whole: each field and its rule, then its paragraphs
 * numbered (the numbers split asks for). */
static void detail(struct nd_buf *out, const struct tui_import *im, int width)
{
	const struct nd_import_item *it = &im->ed.page.items[im->sel];
	const struct nd_story *s = &it->story;
	static const enum nd_import_field shown[] = { ND_IF_KIND,     ND_IF_SECTION,  ND_IF_MARKERS,
						      ND_IF_KICKER,   ND_IF_HEADLINE, ND_IF_SUBHEAD,
						      ND_IF_DATELINE, ND_IF_BYLINE };
	const char *values[ND_IF_COUNT] = {
		[ND_IF_KIND] = s->kind,       [ND_IF_SECTION] = s->section,
		[ND_IF_KICKER] = s->kicker,   [ND_IF_HEADLINE] = s->headline,
		[ND_IF_SUBHEAD] = s->subhead, [ND_IF_DATELINE] = s->dateline,
		[ND_IF_BYLINE] = s->byline
	};
	if (it->flag) { /* why an editor should look, before the fields */
		struct nd_buf f = ND_BUF_INIT;
		nd_buf_printf(&f, "%s [%s]", _(it->flag->why), it->flag->id);
		field_row(out, "⚑", nd_buf_str(&f), NULL, width);
		nd_buf_free(&f);
	}
	char *markers = one_line(it->markers);
	values[ND_IF_MARKERS] = markers;
	for (size_t k = 0; k < sizeof shown / sizeof *shown; k++) {
		enum nd_import_field f = shown[k];
		if (values[f] && values[f][0])
			field_row(out, _(nd_import_field_name(f)), values[f], it->why[f], width);
	}
	free(markers);
	if (it->source) {
		char *src = one_line(it->source);
		field_row(out, _("source"), src, NULL, width);
		free(src);
	}
	if (it->why[ND_IF_BODY])
		field_row(out, _(nd_import_field_name(ND_IF_BODY)), "", it->why[ND_IF_BODY], width);
	size_t k = 1;
	for (const char *p = s->body; p && *p; k++) {
		size_t len = strcspn(p, "\n");
		char label[24], *para = strndup(p, len);
		snprintf(label, sizeof label, "¶%zu", k);
		field_row(out, label, para ? para : "", NULL, width);
		free(para);
		p += len + (p[len] ? 1 : 0);
	}
}

static void draw_list(struct tui_import *im, int y, int lh, int width)
{
	const struct nd_import_edit *ed = &im->ed;
	struct nd_buf row = ND_BUF_INIT;
	if (im->sel < im->top)
		im->top = im->sel;
	if (im->sel >= im->top + lh)
		im->top = im->sel - lh + 1;
	for (int i = 0; i < lh; i++) {
		size_t k = (size_t)(im->top + i);
		nd_buf_reset(&row);
		if (k < ed->page.n)
			item_row(&row, ed, k);
		int attr = k >= ed->page.n         ? A_NORMAL
			   : (int64_t)k == im->sel ? A_REVERSE
			   : ed->skipped[k]        ? A_DIM
						   : A_NORMAL;
		tui_draw_row(y + i, 0, width, nd_buf_str(&row), attr);
	}
	nd_buf_free(&row);
}

/* The selected item from row y to end: its header, what the editor
 * dropped, then its fields and paragraphs from dtop on. */
static void draw_detail(struct tui_import *im, int y, int end, int width)
{
	const struct nd_import_edit *ed = &im->ed;
	struct nd_buf row = ND_BUF_INIT;
	nd_buf_printf(&row, _("── item %zu "), (size_t)im->sel + 1);
	if (ed->skipped[im->sel])
		nd_buf_printf(&row, "%s ", _("(skipped: it will not be filed)"));
	for (int w = nd_text_width(nd_buf_str(&row)); w < width; w++)
		nd_buf_adds(&row, "─");
	tui_draw_row(y++, 0, width, nd_buf_str(&row), A_BOLD);
	if (ed->dropped.len && y < end) {
		char *d = one_line(nd_buf_str(&ed->dropped));
		nd_buf_reset(&row);
		nd_buf_printf(&row, _("dropped by the editor: %s"), d ? d : "");
		free(d);
		tui_draw_row(y++, 0, width, nd_buf_str(&row), A_BOLD);
	}
	struct nd_buf text = ND_BUF_INIT;
	detail(&text, im, width);
	const char *p = nd_buf_str(&text);
	im->dlines = 0;
	for (const char *q = p; *q; q++)
		im->dlines += *q == '\n';
	im->drows = end - y;
	if (im->dtop > im->dlines - im->drows)
		im->dtop = im->dlines - im->drows > 0 ? im->dlines - im->drows : 0;
	for (int skip = 0; skip < im->dtop && *p; skip++)
		p += strcspn(p, "\n") + 1;
	for (; y < end; y++) {
		size_t len = *p ? strcspn(p, "\n") : 0;
		char *line = strndup(p, len);
		tui_draw_row(y, 0, width, line ? line : "", A_NORMAL);
		free(line);
		p += len + (p[len] ? 1 : 0);
	}
	nd_buf_free(&text);
	nd_buf_free(&row);
}

static void import_draw(struct tui *t, void *data, int y, int height, int width)
{
	(void)t;
	struct tui_import *im = data;
	const struct nd_import_edit *ed = &im->ed;
	size_t skipped = 0;
	for (size_t i = 0; i < ed->page.n; i++)
		skipped += ed->skipped[i];
	size_t flagged = nd_import_flagged(&ed->page);
	struct nd_buf row = ND_BUF_INIT;
	nd_buf_printf(&row, _("── import %1$s · %2$zu items · %3$zu skipped · nothing filed yet "),
		      im->name, ed->page.n, skipped);
	if (flagged)
		nd_buf_printf(&row,
			      ngettext("· %zu flagged (⚑): look there first ",
				       "· %zu flagged (⚑): look there first ", flagged),
			      flagged);
	for (int w = nd_text_width(nd_buf_str(&row)); w < width; w++)
		nd_buf_adds(&row, "─");
	tui_draw_row(y, 0, width, nd_buf_str(&row), A_BOLD);
	nd_buf_free(&row);
	int lh = list_rows(im, height);
	draw_list(im, y + 1, lh, width);
	draw_detail(im, y + 1 + lh, y + height, width);
}

/* ---- requests -------------------------------------------------------------- */

static void report(struct tui *t, int rc, const struct nd_error *err, const char *done)
{
	if (rc < 0)
		tui_message(t, true, "%s", err->msg);
	else
		tui_message(t, false, "%s", done);
}

static void split(struct tui *t, struct tui_import *im)
{
	size_t i = (size_t)im->sel, n = nd_import_paragraphs(&im->ed.page.items[i]);
	if (n < 2) {
		tui_message(t, true, "%s", _("one paragraph or none: nothing to split"));
		return;
	}
	char q[128];
	snprintf(q, sizeof q, _("Split item %1$zu before paragraph (2–%2$zu): "), i + 1, n);
	char *answer = tui_prompt(t, q, NULL, NULL);
	long long para;
	struct nd_error err = { 0 };
	if (answer && answer[0] && nd_parse_number(answer, 2, (long long)n, &para) == 0)
		report(t, nd_import_split_at(&im->ed, i, (size_t)para, &err), &err,
		       _("split: the new item is below"));
	else if (answer && answer[0])
		tui_message(t, true, _("not a paragraph from 2 to %1$zu: '%2$s'"), n, answer);
	free(answer);
}

/* r: which field's text, then where to: two keys. */
static void relabel(struct tui *t, struct tui_import *im)
{
	static const char keys[] = "khsdbp";
	static const enum nd_import_field fields[] = { ND_IF_KICKER,  ND_IF_HEADLINE,
						       ND_IF_SUBHEAD, ND_IF_DATELINE,
						       ND_IF_BYLINE,  ND_IF_BODY };
	int from = tui_choice(_("Move: k kicker · h headline · s subhead · d dateline · b byline "
				"· p a paragraph (¶1; the last to the byline) "),
			      keys);
	if (!from)
		return;
	int to = tui_choice(_("…to: k kicker · h headline · s subhead · d dateline · b byline · "
			      "p the text "),
			    keys);
	if (!to)
		return;
	struct nd_error err = { 0 };
	report(t,
	       nd_import_move(&im->ed, (size_t)im->sel, fields[strchr(keys, from) - keys],
			      fields[strchr(keys, to) - keys], &err),
	       &err, _("moved (what the field held went where it came from)"));
}

static void byline(struct tui *t, struct tui_import *im)
{
	const struct nd_story *s = &im->ed.page.items[im->sel].story;
	char *answer = tui_prompt(t, _("Byline (empty: back into the text): "), s->byline, NULL);
	if (!answer)
		return;
	struct nd_error err = { 0 };
	if (!answer[0] && s->byline)
		report(t, nd_import_move(&im->ed, (size_t)im->sel, ND_IF_BYLINE, ND_IF_BODY, &err),
		       &err, _("the byline is the text's last paragraph again"));
	else if (answer[0])
		report(t, nd_import_set(&im->ed, (size_t)im->sel, ND_IF_BYLINE, answer, &err), &err,
		       _("byline set"));
	free(answer);
}

static void kind(struct tui *t, struct tui_import *im)
{
	static const char *const kinds[] = { "article", "photo", "brief", "note" };
	const char *now = im->ed.page.items[im->sel].story.kind;
	size_t k = 0;
	while (k < 4 && (!now || strcmp(kinds[k], now) != 0))
		k++;
	struct nd_error err = { 0 };
	report(t, nd_import_set(&im->ed, (size_t)im->sel, ND_IF_KIND, kinds[(k + 1) % 4], &err),
	       &err, _("kind changed"));
}

static void section(struct tui *t, struct tui_import *im)
{
	const struct nd_story *s = &im->ed.page.items[im->sel].story;
	char *answer = tui_prompt(t, _("Section (empty: none): "), s->section, NULL);
	if (!answer)
		return;
	struct nd_error err = { 0 };
	report(t, nd_import_set(&im->ed, (size_t)im->sel, ND_IF_SECTION, answer, &err), &err,
	       _("section set"));
	free(answer);
}

/* F: every item not skipped, in one transaction; true when filed. */
static bool file_all(struct tui *t, struct tui_import *im)
{
	struct nd_import_page kept;
	struct nd_error err = { 0 };
	if (nd_import_kept(&im->ed, &kept, &err) < 0) {
		tui_message(t, true, "%s", err.msg);
		return false;
	}
	char q[160];
	snprintf(q, sizeof q, _("File %1$zu items of %2$s now, %3$zu skipped? (y/n) "), kept.n,
		 im->name, im->ed.page.n - kept.n);
	bool filed = false;
	struct nd_import_result res;
	if (!tui_confirm(q)) {
		tui_message(t, false, "%s", _("not filed"));
	} else if (nd_import_file(t->st, t->actor, &kept,
				  &(struct nd_page_source){ im->bytes, im->nbytes, im->name },
				  im->encoding, im->issue, im->page_no, im->state, &res,
				  &err) < 0) {
		tui_message(t, true, "%s", err.msg);
	} else {
		tui_message(
		    t, false,
		    _("%1$s: imported %2$zu items (#%3$lld–#%4$lld), %5$zu fragments flagged "
		      "for an editor"),
		    im->name, res.filed, (long long)res.first, (long long)res.last, res.fragments);
		filed = true;
	}
	free(kept.items);
	return filed;
}

/* The page as it is, kept before a correction; false when memory is short
 * (the correction is still made, only not undoable). */
static bool keep_undo(struct tui_import *im)
{
	if (im->nundo == UNDO) {
		nd_import_edit_free(&im->undo[0]);
		memmove(&im->undo[0], &im->undo[1], (UNDO - 1) * sizeof *im->undo);
		im->nundo--;
	}
	struct nd_error err = { 0 };
	if (nd_import_edit_copy(&im->undo[im->nundo], &im->ed, &err) < 0)
		return false;
	im->nundo++;
	return true;
}

static bool corrects(enum tui_req req)
{
	switch (req) {
	case REQ_IMP_MERGE:
	case REQ_IMP_SPLIT:
	case REQ_IMP_SWAP:
	case REQ_IMP_RELABEL:
	case REQ_IMP_BYLINE:
	case REQ_IMP_KIND:
	case REQ_IMP_SECTION:
	case REQ_IMP_SKIP:
		return true;
	default:
		return false;
	}
}

static void undo(struct tui *t, struct tui_import *im)
{
	if (!im->nundo) {
		tui_message(t, true, "%s", _("nothing to undo"));
		return;
	}
	nd_import_edit_free(&im->ed);
	im->ed = im->undo[--im->nundo];
	tui_message(t, false, "%s", _("undone"));
}

/* Enter: the selected item whole, a text pane of its own over this one
 * (j/k scroll it, / finds in it, Enter or q come back). */
static void whole_text(struct tui *t, struct tui_import *im)
{
	struct nd_buf text = ND_BUF_INIT, title = ND_BUF_INIT;
	detail(&text, im, COLS);
	nd_buf_printf(&title, _("── item %zu "), (size_t)im->sel + 1);
	if (im->ed.skipped[im->sel])
		nd_buf_printf(&title, "%s ", _("(skipped: it will not be filed)"));
	tui_text_open(t, nd_buf_str(&title), nd_buf_str(&text));
	nd_buf_free(&text);
	nd_buf_free(&title);
}

/* q, Esc, :desk, :q: leaving files nothing, so it asks first. */
static enum tui_req leave(struct tui *t, struct tui_import *im, enum tui_req req)
{
	if (!tui_confirm(_("Leave without filing anything from this page? (y/n) ")))
		return REQ_NONE;
	tui_message(t, false, _("nothing filed from %s"), im->name);
	return req;
}

static enum tui_req import_request(struct tui *t, void *data, enum tui_req req, long count,
				   int height)
{
	struct tui_import *im = data;
	struct tui_nav n = { im->sel, im->top, (int64_t)im->ed.page.n, false };
	if (tui_nav_request(&n, req, count, list_rows(im, height))) {
		im->sel = n.sel;
		im->top = n.top;
		im->dtop = 0;
		return REQ_NONE;
	}
	struct nd_error err = { 0 };
	size_t i = (size_t)im->sel;
	/* a correction is undoable: the page kept before, dropped if unchanged */
	int edits = im->ed.edits;
	bool kept = corrects(req) && keep_undo(im);
	switch (req) {
	case REQ_BACK:
	case REQ_CLOSE:
	case REQ_DESK:
	case REQ_QUIT:
		return leave(t, im, req);
	case REQ_IMP_TEXT:
		whole_text(t, im);
		break;
	case REQ_IMP_MERGE:
		report(t, nd_import_merge(&im->ed, i, &err), &err, _("merged with the item below"));
		break;
	case REQ_IMP_SPLIT:
		split(t, im);
		break;
	case REQ_IMP_SWAP:
		report(t, nd_import_move(&im->ed, i, ND_IF_KICKER, ND_IF_HEADLINE, &err), &err,
		       _("kicker and headline swapped"));
		break;
	case REQ_IMP_RELABEL:
		relabel(t, im);
		break;
	case REQ_IMP_BYLINE:
		byline(t, im);
		break;
	case REQ_IMP_KIND:
		kind(t, im);
		break;
	case REQ_IMP_SECTION:
		section(t, im);
		break;
	case REQ_IMP_SKIP:
		report(t, nd_import_skip(&im->ed, i, &err), &err,
		       im->ed.skipped[i] ? _("taken back") : _("skipped: it will not be filed"));
		if (im->sel + 1 < (int64_t)im->ed.page.n)
			im->sel++; /* as mutt's d goes on to the next */
		break;
	case REQ_IMP_UNDO:
		undo(t, im);
		break;
	case REQ_IMP_FILE:
		return file_all(t, im) ? REQ_CLOSE : REQ_NONE;
	default:
		return req;
	}
	if (kept && im->ed.edits == edits)
		nd_import_edit_free(&im->undo[--im->nundo]);
	if (im->sel >= (int64_t)im->ed.page.n)
		im->sel = (int64_t)im->ed.page.n - 1;
	return REQ_NONE;
}

static void import_close(struct tui *t, void *data)
{
	(void)t;
	struct tui_import *im = data;
	nd_import_edit_free(&im->ed);
	while (im->nundo)
		nd_import_edit_free(&im->undo[--im->nundo]);
	free(im->name);
	free(im->encoding);
	free(im->issue);
	free(im->state);
	free(im->bytes);
	free(im);
}

const struct pane_ops tui_import_pane = {
	.draw = import_draw,
	.request = import_request,
	.free = import_close,
};

static char *dup(const char *s)
{
	return s ? strdup(s) : NULL;
}

bool tui_import_open(struct tui *t, const struct nd_tui_import *imp)
{
	struct tui_import *im = calloc(1, sizeof *im);
	struct nd_error err = { 0 };
	if (!im || nd_import_edit_init(&im->ed, imp->page, &err) < 0) {
		nd_import_page_free(imp->page);
		free(im);
		return false;
	}
	im->name = dup(imp->name ? imp->name : "");
	im->encoding = dup(imp->encoding);
	im->issue = dup(imp->issue);
	im->state = dup(imp->state);
	im->page_no = imp->page_no;
	im->nbytes = imp->nbytes;
	im->bytes = malloc(imp->nbytes ? imp->nbytes : 1);
	if (im->bytes && imp->nbytes)
		memcpy(im->bytes, imp->bytes, imp->nbytes);
	if (!im->bytes || !im->name || (imp->encoding && !im->encoding) ||
	    (imp->issue && !im->issue) || (imp->state && !im->state)) {
		import_close(t, im);
		return false;
	}
	/* the editor looks first where an importer's rule was unsure */
	for (size_t i = im->ed.page.n; i-- > 0;)
		if (im->ed.page.items[i].flag)
			im->sel = (int64_t)i;
	if (!tui_pane_push(t, &tui_import_pane, im))
		return false;
	tui_message(t, false, "%s",
		    _("nothing is filed until F; m merge · x split · r relabel · d skip · ? help"));
	return true;
}
