/* galley_pdf.c — drawing galley proofs (galley.h) with Cairo and Pango:
 * galley.c decided every character's line and slot; here each line's
 * glyphs are shaped by Pango in the CJK serif face and moved onto their
 * slots, the line's number stands in the left margin, the proofreading
 * marks in the right one (a 校对's margin), and each PDF page carries the
 * item's (or the issue page's) header. */
#include "galley_int.h"
#include "newsdesk/count.h"
#include "newsdesk/lang.h"
#include "newsdesk/sanitize.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAGE_W 595.28 /* A4, in points */
#define PAGE_H 841.89
#define TOP 72.0 /* the first line's top: the running header stands above */
#define BOTTOM 56.0
#define LEFT 84.0 /* the column's left edge: line numbers stand before it */
#define MARK_W 156.0 /* the right margin a 校对 writes in */
#define BODY_PT 10.5 /* 五号 */

struct pen {
	cairo_t *cr;
	PangoLayout *layout;
	PangoFontDescription *regular, *bold, *small, *head;
	double pt, pitch; /* the body's size and the line pitch */
	double y; /* the next line's top */
	int pdf_page;
	bool fresh; /* nothing drawn on this PDF page yet */
	const struct nd_galley_doc *doc;
	char running[512]; /* the header of what is being set, for each page */
};

struct sink {
	nd_galley_write_fn write;
	void *ctx;
	bool failed;
};

static cairo_status_t sink_write(void *closure, const unsigned char *data, unsigned int n)
{
	struct sink *s = closure;
	if (s->write(s->ctx, data, n) < 0) {
		s->failed = true;
		return CAIRO_STATUS_WRITE_ERROR;
	}
	return CAIRO_STATUS_SUCCESS;
}

/* Headers and marks quote stored text (a section, a proof's excerpt): no
 * control or bidi override may reorder the proof. */
static void clean_line(struct nd_buf *out, const char *s)
{
	nd_sanitize(out, s, strlen(s), 0);
}

/* Text at (x, y) in a face, cut to width points (0: no limit). */
static void show(struct pen *p, const PangoFontDescription *font, double x, double y,
		 const char *text, double width, bool right)
{
	pango_layout_set_font_description(p->layout, font);
	pango_layout_set_width(p->layout, width > 0 ? (int)(width * PANGO_SCALE) : -1);
	pango_layout_set_ellipsize(p->layout, width > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
	pango_layout_set_alignment(p->layout, right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
	pango_layout_set_text(p->layout, text, -1);
	cairo_move_to(p->cr, x, y);
	pango_cairo_show_layout(p->cr, p->layout);
	pango_layout_set_alignment(p->layout, PANGO_ALIGN_LEFT);
	pango_layout_set_width(p->layout, -1);
	pango_layout_set_ellipsize(p->layout, PANGO_ELLIPSIZE_NONE);
}

static void page_header(struct pen *p)
{
	char num[64];
	cairo_set_source_rgb(p->cr, 0.35, 0.35, 0.35);
	show(p, p->small, LEFT, 28, p->doc->title ? p->doc->title : "", 300, false);
	snprintf(num, sizeof num, _("proofs, page %d"), p->pdf_page);
	show(p, p->small, PAGE_W - 40 - 200, 28, num, 200, true);
	show(p, p->small, LEFT, 42, p->running, PAGE_W - LEFT - 40, false);
	if (p->doc->printed)
		show(p, p->small, LEFT, PAGE_H - 36, p->doc->printed, 300, false);
	cairo_set_line_width(p->cr, 0.4);
	cairo_move_to(p->cr, LEFT, 58);
	cairo_line_to(p->cr, PAGE_W - 40, 58);
	cairo_stroke(p->cr);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
}

static void new_page(struct pen *p)
{
	if (p->pdf_page > 0)
		cairo_show_page(p->cr);
	p->pdf_page++;
	p->y = TOP;
	p->fresh = true;
	page_header(p);
}

/* Room for n more lines on this page, else a new one. */
static void need(struct pen *p, double height)
{
	if (p->pdf_page == 0 || p->y + height > PAGE_H - BOTTOM)
		new_page(p);
}

/* One line of a unit: its glyphs moved onto their slots. */
static void draw_line(struct pen *p, const struct galley_unit *u, const struct nd_grid_line *ln,
		      double x0, int cpl)
{
	const struct nd_grid *g = &u->grid;
	const char *text = u->text.data;
	/* a squeezed line is set closer, to end at the measure */
	double half = p->pt / 2 * (ln->halves > 2 * cpl ? 2.0 * cpl / ln->halves : 1.0);
	struct nd_buf line = ND_BUF_INIT;
	size_t *cell_at = calloc(1, sizeof *cell_at); /* byte in line → cell */
	size_t cap = 1;
	for (size_t c = 0; c < ln->count && cell_at; c++) {
		const struct nd_grid_cell *cell = &g->cells[ln->first + c];
		size_t at = line.len;
		/* A tab or control would move Pango's pen: a space holds its slot. */
		if (cell->halves == 0 || (unsigned char)text[cell->off] < 0x20)
			nd_buf_addc(&line, ' ');
		else
			nd_buf_add(&line, text + cell->off, cell->len);
		if (line.len > cap) {
			size_t *n = realloc(cell_at, (cap = line.len * 2) * sizeof *n);
			if (!n)
				break;
			cell_at = n;
		}
		for (size_t b = at; b < line.len; b++)
			cell_at[b] = ln->first + c;
	}
	if (!cell_at || !line.len) {
		free(cell_at);
		nd_buf_free(&line);
		return;
	}
	pango_layout_set_font_description(p->layout, u->title ? p->bold : p->regular);
	pango_layout_set_text(p->layout, line.data, (int)line.len);
	PangoLayoutLine *pl = pango_layout_get_line_readonly(p->layout, 0);
	/* Pango sets glyphs one after another by their advances: give each the
	 * advance that lands the next on its slot, and centre narrow ones. */
	for (GSList *r = pl ? pl->runs : NULL; r; r = r->next) {
		PangoGlyphItem *run = r->data;
		PangoGlyphString *gs = run->glyphs;
		for (int k = 0; k < gs->num_glyphs; k++) {
			size_t byte = (size_t)(run->item->offset + gs->log_clusters[k]);
			const struct nd_grid_cell *cell = &g->cells[cell_at[byte < line.len ? byte : 0]];
			bool same = k > 0 && gs->log_clusters[k] == gs->log_clusters[k - 1];
			int slot = (int)(cell->halves * half * PANGO_SCALE);
			int natural = gs->glyphs[k].geometry.width;
			gs->glyphs[k].geometry.width = same ? 0 : slot;
			gs->glyphs[k].geometry.x_offset =
			    same ? 0 : (cell->halves == 1 && natural > slot ? slot - natural : (slot - natural) / 2);
		}
	}
	const struct nd_grid_cell *first = &g->cells[ln->first];
	cairo_move_to(p->cr, x0 + first->x * half, p->y + p->pt * 1.1);
	if (pl)
		pango_cairo_show_layout_line(p->cr, pl);
	free(cell_at);
	nd_buf_free(&line);
}

/* The marks of one line: a red rule under each character marked, and in
 * the margin their explanations, each once (with a count when repeated). */
static void draw_marks(struct pen *p, const struct galley_set *s, size_t line, double x0, int cpl)
{
	double half = p->pt / 2;
	double mx = x0 + (2.0 * cpl + 7) * half; /* past the hanging room */
	struct nd_buf note = ND_BUF_INIT;
	for (size_t i = 0; i < s->nmarks; i++) {
		if (s->marks[i].line != line)
			continue;
		double cx = x0 + s->marks[i].x * half;
		cairo_set_source_rgb(p->cr, 0.8, 0.05, 0.05);
		cairo_set_line_width(p->cr, 0.6);
		cairo_move_to(p->cr, cx, p->y + p->pt * 1.35);
		cairo_line_to(p->cr, cx + p->pt, p->y + p->pt * 1.35);
		cairo_stroke(p->cr);
		bool seen = false;
		int times = 1;
		for (size_t j = 0; j < s->nmarks; j++)
			if (s->marks[j].line == line && strcmp(s->marks[j].text, s->marks[i].text) == 0) {
				seen = seen || j < i;
				times += j > i;
			}
		if (seen)
			continue;
		if (note.len)
			nd_buf_adds(&note, _("; "));
		nd_buf_adds(&note, s->marks[i].text);
		if (times > 1)
			nd_buf_printf(&note, " ×%d", times);
	}
	if (note.len) {
		struct nd_buf clean = ND_BUF_INIT;
		clean_line(&clean, nd_buf_str(&note));
		cairo_set_source_rgb(p->cr, 0.8, 0.05, 0.05);
		show(p, p->small, mx, p->y + p->pt * 0.2, nd_buf_str(&clean), PAGE_W - mx - 24, false);
		nd_buf_free(&clean);
	}
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	nd_buf_free(&note);
}

static void item_header(struct pen *p, const struct nd_galley_item *it, size_t lines)
{
	char chars[32], layout[32];
	nd_format_count(it->chars, chars, sizeof chars);
	nd_format_count(it->layout_chars, layout, sizeof layout);
	struct nd_buf b = ND_BUF_INIT;
	if (it->layout_chars >= 0)
		nd_buf_printf(&b,
			      _("#%1$lld · revision %2$d · %3$s · %4$s chars · layout %5$s (%6$zu lines × %7$d)"),
			      (long long)it->id, it->rev, it->state_label, chars, layout, lines, it->cpl);
	else
		nd_buf_printf(&b, _("#%1$lld · revision %2$d · %3$s · %4$s chars · %5$zu lines × %6$d"),
			      (long long)it->id, it->rev, it->state_label, chars, lines, it->cpl);
	struct nd_buf clean = ND_BUF_INIT;
	clean_line(&clean, nd_buf_str(&b));
	need(p, p->pitch * 3); /* a new page here heads with this item's own line */
	snprintf(p->running, sizeof p->running, "%s", nd_buf_str(&clean));
	nd_buf_free(&b);
	nd_buf_free(&clean);
	if (!p->fresh) { /* a rule between two items on one page */
		cairo_set_source_rgb(p->cr, 0.6, 0.6, 0.6);
		cairo_set_line_width(p->cr, 0.3);
		cairo_move_to(p->cr, LEFT, p->y + 2);
		cairo_line_to(p->cr, PAGE_W - 40, p->y + 2);
		cairo_stroke(p->cr);
		p->y += p->pitch * 0.5;
	}
	cairo_set_source_rgb(p->cr, 0.1, 0.1, 0.45);
	show(p, p->small, LEFT, p->y, p->running, PAGE_W - LEFT - 40, false);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	p->y += p->pitch * 1.2;
	p->fresh = false;
}

/* An item: its header, then every line numbered, the marks beside. */
static int draw_item(struct pen *p, const struct nd_galley_item *it)
{
	struct galley_set s;
	if (nd_galley_set_item(it, &s) < 0) {
		nd_galley_set_free(&s);
		return -1;
	}
	item_header(p, it, s.lines);
	double x0 = LEFT;
	size_t line = 0;
	for (size_t u = 0; u < s.n; u++) {
		const struct galley_unit *unit = &s.units[u];
		for (size_t l = 0; l < unit->grid.nlines; l++, line++) {
			need(p, p->pitch);
			char num[24];
			snprintf(num, sizeof num, "%zu", line + 1);
			cairo_set_source_rgb(p->cr, 0.45, 0.45, 0.45);
			show(p, p->small, LEFT - 44, p->y + p->pt * 0.3, num, 34, true);
			cairo_set_source_rgb(p->cr, 0, 0, 0);
			draw_line(p, unit, &unit->grid.lines[l], x0, it->cpl);
			draw_marks(p, &s, line, x0, it->cpl);
			p->y += p->pitch;
			p->fresh = false;
		}
	}
	p->y += p->pitch * 0.6;
	nd_galley_set_free(&s);
	return 0;
}

/* The head of an issue's page (版): its number, section, budget and fill;
 * a page over or under its budget by more than a line stands out in red. */
static void page_head(struct pen *p, const struct nd_galley_page *pg)
{
	char budget[32], fill[32];
	struct nd_buf b = ND_BUF_INIT, clean = ND_BUF_INIT;
	nd_format_count(pg->fill, fill, sizeof fill);
	if (pg->budget >= 0) {
		nd_format_count(pg->budget, budget, sizeof budget);
		nd_buf_printf(&b, _("page %1$d · %2$s · budget %3$s · set %4$s (layout count) · %5$zu items"),
			      pg->page, pg->section ? pg->section : "", budget, fill, pg->count);
	} else {
		nd_buf_printf(&b, _("page %1$d · %2$s · set %3$s (layout count) · %4$zu items"), pg->page,
			      pg->section ? pg->section : "", fill, pg->count);
	}
	clean_line(&clean, nd_buf_str(&b));
	snprintf(p->running, sizeof p->running, "%s", nd_buf_str(&clean));
	new_page(p);
	bool over = pg->budget >= 0 && pg->fill > pg->budget;
	cairo_set_source_rgb(p->cr, over ? 0.8 : 0.1, over ? 0.05 : 0.1, over ? 0.05 : 0.1);
	show(p, p->head, LEFT, p->y, nd_buf_str(&clean), PAGE_W - LEFT - 40, false);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	p->y += 28;
	nd_buf_free(&b);
	nd_buf_free(&clean);
}

/* The face must be the CJK serif: a fallback would set other glyphs on
 * another grid, and the proof would not be the page. */
static int check_font(PangoContext *ctx, const PangoFontDescription *want, struct nd_error *err)
{
	PangoFontMap *map = pango_context_get_font_map(ctx);
	PangoFont *font = pango_font_map_load_font(map, ctx, want);
	bool ok = false;
	if (font) {
		PangoFontDescription *got = pango_font_describe(font);
		const char *family = pango_font_description_get_family(got);
		ok = family && strstr(family, "Noto Serif CJK") != NULL;
		pango_font_description_free(got);
		g_object_unref(font);
	}
	if (!ok)
		return nd_fail(err, ND_EIO,
			       _("the font %s is not installed: galley proofs are set in it (Debian: "
				 "apt-get install fonts-noto-cjk)"),
			       ND_GALLEY_FONT);
	return 0;
}

static void pen_fonts(struct pen *p, int cpl)
{
	/* 五号 where the column fits the page beside its margins, smaller where
	 * a wide measure needs it. */
	double room = PAGE_W - LEFT - MARK_W - 24;
	p->pt = room / (cpl + 2) < BODY_PT ? room / (cpl + 2) : BODY_PT;
	p->pitch = p->pt * 1.75;
	pango_font_description_set_absolute_size(p->regular, p->pt * PANGO_SCALE);
	pango_font_description_set_absolute_size(p->bold, p->pt * PANGO_SCALE);
}

static int render_all(struct pen *p, const struct nd_galley_doc *d)
{
	if (!d->pages) {
		for (size_t i = 0; i < d->nitems; i++) {
			pen_fonts(p, d->items[i].cpl);
			if (draw_item(p, &d->items[i]) < 0)
				return -1;
		}
		return 0;
	}
	for (size_t k = 0; k < d->npages; k++) {
		const struct nd_galley_page *pg = &d->pages[k];
		page_head(p, pg);
		for (size_t i = pg->first; i < pg->first + pg->count && i < d->nitems; i++) {
			pen_fonts(p, d->items[i].cpl);
			if (draw_item(p, &d->items[i]) < 0)
				return -1;
		}
	}
	return 0;
}

int nd_galley_render(const struct nd_galley_doc *d, nd_galley_write_fn write, void *ctx,
		     struct nd_error *err)
{
	struct sink sink = { write, ctx, false };
	cairo_surface_t *surface =
	    cairo_pdf_surface_create_for_stream(sink_write, &sink, PAGE_W, PAGE_H);
	cairo_t *cr = cairo_create(surface);
	struct pen p = { .cr = cr, .doc = d };
	p.layout = pango_cairo_create_layout(cr);
	p.regular = pango_font_description_from_string(ND_GALLEY_FONT);
	p.bold = pango_font_description_from_string(ND_GALLEY_FONT " Bold");
	p.small = pango_font_description_from_string(ND_GALLEY_FONT " 7");
	pango_font_description_set_absolute_size(p.small, 7.5 * PANGO_SCALE);
	p.head = pango_font_description_from_string(ND_GALLEY_FONT " Bold");
	pango_font_description_set_absolute_size(p.head, 12 * PANGO_SCALE);
	PangoLanguage *zh = pango_language_from_string("zh-cn");
	pango_context_set_language(pango_layout_get_context(p.layout), zh);
	pango_layout_context_changed(p.layout);
	int rc = check_font(pango_layout_get_context(p.layout), p.regular, err);
	if (rc == 0 && render_all(&p, d) < 0)
		rc = nd_fail(err, ND_ENOMEM, _("out of memory setting the galley proofs"));
	if (rc == 0 && p.pdf_page == 0)
		new_page(&p); /* an empty issue still prints its head */
	pango_font_description_free(p.regular);
	pango_font_description_free(p.bold);
	pango_font_description_free(p.small);
	pango_font_description_free(p.head);
	g_object_unref(p.layout);
	cairo_destroy(cr);
	cairo_surface_finish(surface);
	cairo_status_t st = cairo_surface_status(surface);
	cairo_surface_destroy(surface);
	if (rc == 0 && (sink.failed || st != CAIRO_STATUS_SUCCESS))
		rc = nd_fail(err, ND_EIO, _("writing the galley proofs failed: %s"),
			     sink.failed ? _("the output could not be written")
					 : cairo_status_to_string(st));
	return rc;
}
