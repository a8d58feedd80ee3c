/* edview.c — the built-in editor's view: lays the document out into rows
 * (only changed paragraphs are re-wrapped, by a per-paragraph cache), keeps
 * the cursor on its visual row, and draws the visible rows. */
#include "newsdesk/count.h"
#include "newsdesk/grapheme.h"
#include "newsdesk/sanitize.h"
#include "newsdesk/tui_editor.h"
#include "newsdesk/utf8.h"
#include "newsdesk/width.h"

#include <stdlib.h>
#include <string.h>

#define LABEL_W 8 /* the field labels column */
#define ED(t) ((struct tui_editor *)tui_pane_find((t), &tui_editor_pane))

static const char *const field_labels[ND_F_COUNT] = { N_("Kicker"), N_("Head"),   N_("Subhd"),
						      N_("Date"),   N_("Byline"), N_("Body") };

/* ---- layout ------------------------------------------------------------- */

static uint64_t fnv(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

static struct ed_line *new_line(struct tui_editor *ed)
{
	if (ed->nlines == ed->cap_lines) {
		size_t cap = ed->cap_lines ? ed->cap_lines * 2 : 256;
		struct ed_line *nl = realloc(ed->lines, cap * sizeof *nl);
		if (!nl)
			return NULL;
		ed->lines = nl;
		ed->cap_lines = cap;
	}
	struct ed_line *l = &ed->lines[ed->nlines++];
	memset(l, 0, sizeof *l);
	return l;
}

static void add_wrapped(struct tui_editor *ed, int field, size_t base, size_t para_len,
			const struct nd_wrap_line *w, long n)
{
	for (long i = 0; i < n; i++) {
		struct ed_line *l = new_line(ed);
		if (!l)
			return;
		l->field = field;
		l->start = base + w[i].start;
		l->end = base + w[i].end;
		l->para_end = i == n - 1;
		l->next = l->para_end ? base + para_len : base + w[i + 1].start;
		l->width = w[i].width;
	}
}

static void para_free(struct ed_para *p)
{
	if (p->n > 0)
		free(p->lines);
	memset(p, 0, sizeof *p);
}

void tui_ed_layout_free(struct tui_editor *ed)
{
	for (size_t i = 0; i < ed->nparas; i++)
		para_free(&ed->paras[i]);
	free(ed->paras);
	free(ed->lines);
}

void tui_ed_layout(struct tui_editor *ed, int width)
{
	if (width != ed->layout_width) {
		for (size_t i = 0; i < ed->nparas; i++)
			para_free(&ed->paras[i]);
		ed->nparas = 0;
	}
	ed->layout_width = width;
	ed->nlines = 0;
	int field_w = width - LABEL_W - ND_WRAP_HANG;
	int body_w = width - 1 - ND_WRAP_HANG;
	ed->field_chars = 0;
	for (int f = 0; f < ND_F_BODY; f++) {
		const char *s = nd_doc_text(&ed->doc, f);
		size_t n = nd_doc_len(&ed->doc, f);
		struct nd_wrap_line *w;
		long count = nd_wrap(s, n, field_w > 1 ? field_w : 1, &w);
		add_wrapped(ed, f, 0, n, w, count);
		if (count > 0)
			free(w);
		ed->field_chars += nd_count_chars(s);
	}
	struct ed_line *div = new_line(ed);
	if (div)
		div->field = -1;

	const char *body = nd_doc_text(&ed->doc, ND_F_BODY);
	size_t blen = nd_doc_len(&ed->doc, ND_F_BODY), start = 0, p = 0;
	ed->body_chars = 0;
	for (;;) {
		const char *nl = memchr(body + start, '\n', blen - start);
		size_t len = nl ? (size_t)(nl - (body + start)) : blen - start;
		uint64_t h = fnv(body + start, len);
		if (p == ed->nparas) {
			if (ed->nparas == ed->cap_paras) {
				size_t cap = ed->cap_paras ? ed->cap_paras * 2 : 64;
				struct ed_para *np = realloc(ed->paras, cap * sizeof *np);
				if (!np)
					return;
				ed->paras = np;
				ed->cap_paras = cap;
			}
			memset(&ed->paras[ed->nparas++], 0, sizeof *ed->paras);
			ed->paras[p].hash = h + 1; /* force a wrap */
		}
		struct ed_para *para = &ed->paras[p];
		if (para->hash != h || para->len != len || para->n <= 0) {
			/* Only a paragraph whose text changed is wrapped and counted again. */
			para_free(para);
			para->n = nd_wrap(body + start, len, body_w > 1 ? body_w : 1, &para->lines);
			char *copy = strndup(body + start, len);
			para->chars = copy ? nd_count_chars(copy) : 0;
			free(copy);
			para->hash = h;
			para->len = len;
		}
		add_wrapped(ed, ND_F_BODY, start, len, para->lines, para->n);
		ed->body_chars += para->chars;
		p++;
		if (!nl)
			break;
		start += len + 1;
	}
	for (size_t i = p; i < ed->nparas; i++)
		para_free(&ed->paras[i]);
	ed->nparas = p;
	ed->field_chars += ed->body_chars;
}

/* ---- cursor ------------------------------------------------------------- */

size_t tui_ed_cursor_row(const struct tui_editor *ed)
{
	const struct nd_doc *d = &ed->doc;
	/* after ^E the cursor sits at the end of its row, which is the same
	 * offset as the start of the next: it stays on the row it was on */
	if (ed->at_row_end && ed->end_row < ed->nlines &&
	    ed->lines[ed->end_row].field == d->field && ed->lines[ed->end_row].next == d->cur)
		return ed->end_row;
	for (size_t i = 0; i < ed->nlines; i++) {
		const struct ed_line *l = &ed->lines[i];
		if (l->field != d->field || d->cur < l->start)
			continue;
		if (d->cur < l->next || (l->para_end && d->cur <= l->next))
			return i;
	}
	return 0;
}

static int span_width(const char *s, size_t from, size_t to)
{
	int w = 0;
	for (size_t i = from; i < to;) {
		unsigned cp;
		int len = nd_utf8_decode(s + i, to - i, &cp);
		i += len > 0 ? (size_t)len : 1;
		unsigned repl = nd_sanitize_cp(cp, 0);
		w += nd_cp_width(repl ? repl : cp);
	}
	return w;
}

static int line_x(const struct ed_line *l)
{
	return l->field == ND_F_BODY ? 1 : LABEL_W;
}

static int cursor_col(const struct tui_editor *ed, size_t row)
{
	const struct ed_line *l = &ed->lines[row];
	const char *s = nd_doc_text(&ed->doc, l->field);
	size_t cur = ed->doc.cur;
	int col = span_width(s, l->start, cur < l->end ? cur : l->end);
	if (cur > l->end)
		col += span_width(s, l->end, cur); /* in the hanging spaces */
	return col;
}

/* The offset in row whose column is the last not past col. */
static size_t offset_at(const struct tui_editor *ed, const struct ed_line *l, int col)
{
	const char *s = nd_doc_text(&ed->doc, l->field);
	size_t n = nd_doc_len(&ed->doc, l->field), off = l->start;
	int w = 0;
	while (off < l->end) {
		size_t next = nd_grapheme_next(s, n, off);
		int cw = span_width(s, off, next);
		if (w + cw > col)
			break;
		w += cw;
		off = next;
	}
	return off;
}

void tui_ed_vertical(struct tui_editor *ed, int rows)
{
	size_t row = tui_ed_cursor_row(ed);
	if (!ed->have_goal) {
		ed->goal_col = cursor_col(ed, row);
		ed->have_goal = true;
	}
	long target = (long)row;
	int step = rows < 0 ? -1 : 1;
	for (int k = 0; k != rows;) {
		long next = target + step;
		while (next >= 0 && next < (long)ed->nlines && ed->lines[next].field < 0)
			next += step;
		if (next < 0 || next >= (long)ed->nlines)
			break;
		target = next;
		k += step;
	}
	const struct ed_line *l = &ed->lines[target];
	int goal = ed->goal_col;
	bool keep = ed->have_goal;
	nd_doc_set_cursor(&ed->doc, l->field, offset_at(ed, l, goal));
	ed->have_goal = keep;
}

/* ---- drawing ------------------------------------------------------------ */

static void status(struct tui *t, int y, int width)
{
	struct tui_editor *ed = ED(t);
	char body[32], all[32];
	nd_format_count(ed->body_chars, body, sizeof body);
	nd_format_count(ed->field_chars, all, sizeof all);
	struct nd_buf b = ND_BUF_INIT;
	nd_buf_printf(&b, "── %s #%lld · %s · ", _("editing"), (long long)ed->id,
		      _(field_labels[ed->doc.field]));
	nd_buf_printf(&b, _("body %1$s chars · item %2$s chars"), body, all);
	nd_buf_printf(&b, _(" · rev %d"), ed->base_rev);
	if (nd_doc_dirty(&ed->doc))
		nd_buf_printf(&b, " · %s", _("unsaved"));
	if (ed->doc.mark_set)
		nd_buf_printf(&b, " · %s", _("selecting"));
	nd_buf_adds(&b, " ");
	tui_rule(&b, width);
	tui_draw_row(y, 0, width, nd_buf_str(&b), A_BOLD);
	nd_buf_free(&b);
}

static void draw_row(struct tui *t, const struct ed_line *l, int y, int width, bool first_of_field)
{
	struct tui_editor *ed = ED(t);
	struct nd_buf row = ND_BUF_INIT;
	if (l->field < 0) {
		nd_buf_printf(&row, "── %s ", _(field_labels[ND_F_BODY]));
		tui_rule(&row, width);
		tui_draw_row(y, 0, width, nd_buf_str(&row), A_DIM);
		nd_buf_free(&row);
		return;
	}
	const char *s = nd_doc_text(&ed->doc, l->field);
	int x = line_x(l);
	if (l->field != ND_F_BODY)
		tui_draw_text(&row, first_of_field ? _(field_labels[l->field]) : "", LABEL_W - 1,
			      true, false);
	else /* a paragraph's first row is marked in the margin */
		nd_buf_adds(&row, first_of_field || ed->lines_prev_para_end ? "\xC2\xB6" : " ");
	if (l->field != ND_F_BODY)
		nd_buf_addc(&row, ' ');
	struct nd_buf text = ND_BUF_INIT;
	nd_sanitize(&text, s + l->start, l->end - l->start, 0);
	nd_buf_add(&row, text.data ? text.data : "", text.len);
	nd_buf_free(&text);
	tui_draw_row(y, 0, width, nd_buf_str(&row), l->field == ND_F_HEADLINE ? A_BOLD : A_NORMAL);
	nd_buf_free(&row);

	size_t from, to;
	if (l->field == ed->doc.field && nd_doc_selection(&ed->doc, &from, &to)) {
		size_t a = from > l->start ? from : l->start, b = to < l->end ? to : l->end;
		if (a < b) {
			struct nd_buf sel = ND_BUF_INIT;
			nd_sanitize(&sel, s + a, b - a, 0);
			attrset(A_REVERSE);
			tui_put(y, x + span_width(s, l->start, a), nd_buf_str(&sel));
			attrset(A_NORMAL);
			nd_buf_free(&sel);
		}
	}
}

void tui_editor_draw(struct tui *t, int y, int height, int width)
{
	struct tui_editor *ed = ED(t);
	tui_ed_layout(ed, width);
	status(t, y, width);
	y++;
	height--;
	size_t row = tui_ed_cursor_row(ed);
	if ((int)row < ed->top)
		ed->top = (int)row;
	if ((int)row >= ed->top + height)
		ed->top = (int)row - height + 1;
	for (int i = 0; i < height; i++) {
		size_t r = (size_t)(ed->top + i);
		if (r >= ed->nlines) {
			tui_draw_row(y + i, 0, width, "", A_NORMAL);
			continue;
		}
		const struct ed_line *l = &ed->lines[r];
		bool first = r == 0 || ed->lines[r - 1].field != l->field;
		ed->lines_prev_para_end = r > 0 && ed->lines[r - 1].para_end;
		draw_row(t, l, y + i, width, first);
	}
	int cy = y + (int)row - ed->top, cx = line_x(&ed->lines[row]) + cursor_col(ed, row);
	move(cy, cx < width ? cx : width - 1);
	curs_set(1);
}
