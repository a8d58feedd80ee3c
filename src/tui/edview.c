/* edview.c — the built-in editor's view: lays the document out into rows
 * (the body's rows are kept across edits by text/rows.c and broken again
 * only as far as the screen shows), keeps the cursor on its visual row,
 * and draws the visible rows. */
#include "newsdesk/count.h"
#include "newsdesk/grapheme.h"
#include "newsdesk/rows.h"
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

/* The head: the one-line fields, wrapped whole each time (they are short),
 * and the divider. The body's rows are ed->rows, kept across edits. */
static struct ed_line *new_line(struct tui_editor *ed)
{
	if (ed->nhead == ed->cap_head) {
		size_t cap = ed->cap_head ? ed->cap_head * 2 : 16;
		struct ed_line *nl = realloc(ed->head, cap * sizeof *nl);
		if (!nl)
			return NULL;
		ed->head = nl;
		ed->cap_head = cap;
	}
	struct ed_line *l = &ed->head[ed->nhead++];
	memset(l, 0, sizeof *l);
	return l;
}

static void layout_head(struct tui_editor *ed, int width)
{
	int field_w = width - LABEL_W - ND_WRAP_HANG;
	ed->nhead = 0;
	ed->head_chars = 0;
	for (int f = 0; f < ND_F_BODY; f++) {
		const char *s = nd_doc_text(&ed->doc, f);
		size_t n = nd_doc_len(&ed->doc, f);
		struct nd_wrap_line *w;
		long count = nd_wrap(s, n, field_w > 1 ? field_w : 1, &w);
		for (long i = 0; i < count; i++) {
			struct ed_line *l = new_line(ed);
			if (!l)
				break;
			*l = (struct ed_line){ .field = f,
					       .start = w[i].start,
					       .end = w[i].end,
					       .para_end = i == count - 1,
					       .next = i == count - 1 ? n : w[i + 1].start,
					       .width = w[i].width };
		}
		if (count > 0)
			free(w);
		ed->head_chars += nd_count_chars(s);
	}
	struct ed_line *div = new_line(ed);
	if (div)
		div->field = -1;
}

void tui_ed_layout_free(struct tui_editor *ed)
{
	free(ed->head);
	nd_rows_free(&ed->rows);
}

/* Takes in the document's changes: the head laid out again when it
 * changed, the body's rows told what changed (all of them afresh at a new
 * width). Breaks nothing yet: tui_ed_ensure does. */
void tui_ed_layout(struct tui_editor *ed, int width)
{
	bool head = width != ed->layout_width || ed->nhead == 0;
	for (int f = 0; f < ND_F_BODY; f++)
		head |= nd_doc_take_change(&ed->doc, f).any;
	if (head)
		layout_head(ed, width);
	const char *body = nd_doc_text(&ed->doc, ND_F_BODY);
	size_t blen = nd_doc_len(&ed->doc, ND_F_BODY);
	struct nd_doc_change c = nd_doc_take_change(&ed->doc, ND_F_BODY);
	int body_w = width - 1 - ND_WRAP_HANG;
	if (width != ed->layout_width || ed->rows.n == 0)
		nd_rows_reset(&ed->rows, body, blen, body_w > 1 ? body_w : 1);
	else if (c.any)
		nd_rows_edit(&ed->rows, body, blen, c.from, c.old_end, c.new_end);
	ed->layout_width = width;
	ed->body_chars = ed->rows.chars;
	ed->field_chars = ed->head_chars + ed->body_chars;
}

/* Rows up to row (and the cursor's) broken by the rules. */
void tui_ed_ensure(struct tui_editor *ed, size_t row)
{
	size_t upto = row > ed->nhead ? row - ed->nhead : 0;
	size_t off = ed->doc.field == ND_F_BODY ? ed->doc.cur : 0;
	nd_rows_ensure(&ed->rows, nd_doc_text(&ed->doc, ND_F_BODY), nd_doc_len(&ed->doc, ND_F_BODY),
		       upto, off);
}

/* Before a key reads the rows: the changes taken in, the cursor's known. */
void tui_ed_prepare(struct tui_editor *ed)
{
	if (ed->layout_width <= 0)
		return;
	tui_ed_layout(ed, ed->layout_width);
	tui_ed_ensure(ed, 0);
}

size_t tui_ed_nlines(const struct tui_editor *ed)
{
	return ed->nhead + ed->rows.n;
}

struct ed_line tui_ed_line(const struct tui_editor *ed, size_t i)
{
	if (i < ed->nhead)
		return ed->head[i];
	const struct nd_row *r = &ed->rows.r[i - ed->nhead];
	return (struct ed_line){ .field = ND_F_BODY,
				 .start = r->start,
				 .end = r->end,
				 .next = r->next,
				 .para_end = r->para_end,
				 .width = r->width };
}

/* ---- cursor ------------------------------------------------------------- */

size_t tui_ed_cursor_row(const struct tui_editor *ed)
{
	const struct nd_doc *d = &ed->doc;
	/* after ^E the cursor sits at the end of its row, which is the same
	 * offset as the start of the next: it stays on the row it was on */
	if (ed->at_row_end && ed->end_row < tui_ed_nlines(ed)) {
		struct ed_line l = tui_ed_line(ed, ed->end_row);
		if (l.field == d->field && l.next == d->cur)
			return ed->end_row;
	}
	if (d->field == ND_F_BODY)
		return ed->nhead + nd_rows_find(&ed->rows, d->cur);
	for (size_t i = 0; i < ed->nhead; i++) {
		const struct ed_line *l = &ed->head[i];
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
	struct ed_line line = tui_ed_line(ed, row);
	const struct ed_line *l = &line;
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
	tui_ed_prepare(ed);
	size_t row = tui_ed_cursor_row(ed);
	tui_ed_ensure(ed, row + (size_t)(rows < 0 ? -rows : rows) + 1);
	if (!ed->have_goal) {
		ed->goal_col = cursor_col(ed, row);
		ed->have_goal = true;
	}
	long target = (long)row;
	int step = rows < 0 ? -1 : 1;
	for (int k = 0; k != rows;) {
		long next = target + step;
		while (next >= 0 && next < (long)tui_ed_nlines(ed) &&
		       tui_ed_line(ed, (size_t)next).field < 0)
			next += step;
		if (next < 0 || next >= (long)tui_ed_nlines(ed))
			break;
		target = next;
		k += step;
	}
	struct ed_line l = tui_ed_line(ed, (size_t)target);
	int goal = ed->goal_col;
	bool keep = ed->have_goal;
	nd_doc_set_cursor(&ed->doc, l.field, offset_at(ed, &l, goal));
	ed->have_goal = keep;
}

/* ---- drawing ------------------------------------------------------------ */

static void status(struct tui *t, int y, int width)
{
	struct tui_editor *ed = ED(t);
	char body[32], all[32];
	nd_format_count(ed->body_chars, body, sizeof body);
	nd_format_count(ed->field_chars, all, sizeof all);
	struct nd_buf b = ND_BUF_INIT, counts = ND_BUF_INIT;
	nd_buf_printf(&b, "── %s #%lld · %s · ", _("editing"), (long long)ed->id,
		      _(field_labels[ed->doc.field]));
	int counts_x = nd_text_width(nd_buf_str(&b));
	nd_buf_printf(&counts, _("body %1$s chars · item %2$s chars"), body, all);
	nd_buf_adds(&b, nd_buf_str(&counts));
	nd_buf_printf(&b, _(" · rev %d"), ed->base_rev);
	if (nd_doc_dirty(&ed->doc))
		nd_buf_printf(&b, " · %s", _("unsaved"));
	if (ed->doc.mark_set)
		nd_buf_printf(&b, " · %s", _("selecting"));
	nd_buf_adds(&b, " ");
	tui_rule(&b, width);
	tui_draw_row(y, 0, width, nd_buf_str(&b), A_BOLD);
	/* The counts change with every key: drawn plain, a key sends their
	 * digits and no attribute switches on a slow link (11 of a 汉字's bytes). */
	int counts_w = nd_text_width(nd_buf_str(&counts));
	if (counts_x < width)
		tui_draw_row(y, counts_x, counts_x + counts_w < width ? counts_w : width - counts_x,
			     nd_buf_str(&counts), A_NORMAL);
	nd_buf_free(&counts);
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
	y++;
	height--;
	/* the cursor's row first, then the rows the screen shows */
	tui_ed_ensure(ed, 0);
	size_t row = tui_ed_cursor_row(ed);
	if ((int)row < ed->top)
		ed->top = (int)row;
	if ((int)row >= ed->top + height)
		ed->top = (int)row - height + 1;
	tui_ed_ensure(ed, (size_t)(ed->top + height));
	status(t, y - 1, width);
	for (int i = 0; i < height; i++) {
		size_t r = (size_t)(ed->top + i);
		if (r >= tui_ed_nlines(ed)) {
			tui_draw_row(y + i, 0, width, "", A_NORMAL);
			continue;
		}
		struct ed_line l = tui_ed_line(ed, r);
		bool first = r == 0 || tui_ed_line(ed, r - 1).field != l.field;
		ed->lines_prev_para_end = r > 0 && tui_ed_line(ed, r - 1).para_end;
		draw_row(t, &l, y + i, width, first);
	}
	struct ed_line cl = tui_ed_line(ed, row);
	int cy = y + (int)row - ed->top, cx = line_x(&cl) + cursor_col(ed, row);
	move(cy, cx < width ? cx : width - 1);
	curs_set(1);
}
