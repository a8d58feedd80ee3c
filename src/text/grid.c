/* grid.c — a unit of text set on the printed column's grid (grid.h). The
 * room of each character is 版面字数's (layout.c), the 禁则 classes are the
 * editor's (wrap.c): a proof's lines are the lines that are counted and the
 * breaks the editor shows. */
#include "newsdesk/grid.h"
#include "newsdesk/layout.h"
#include "newsdesk/utf8.h"
#include "newsdesk/wrap.h"

#include <stdlib.h>
#include <string.h>

enum { CLOSING = 1, OPENING = 2 };

/* Signs that close a number rather than a clause: they never hang. */
static bool never_hangs(unsigned cp)
{
	return cp == '%' || cp == 0xFF05 || cp == 0x2103 || cp == 0x2030 || cp == 0x2014 ||
	       cp == 0x2013;
}

/* —— and …… are one mark set on two slots: never split. */
static bool pair_mark(unsigned cp)
{
	return cp == 0x2014 || cp == 0x2026;
}

struct setter {
	struct nd_grid *g;
	unsigned *cps; /* the cells' code points */
	size_t cap_lines;
	int width; /* 2 × 字/行, plus the squeeze allowed */
	size_t tail; /* the first of the closing marks the unit ends with */
};

static int add_line(struct setter *t, size_t first, size_t count, int halves)
{
	struct nd_grid *g = t->g;
	if (g->nlines == t->cap_lines) {
		size_t cap = t->cap_lines ? t->cap_lines * 2 : 16;
		struct nd_grid_line *l = realloc(g->lines, cap * sizeof *l);
		if (!l)
			return -1;
		g->lines = l;
		t->cap_lines = cap;
	}
	g->lines[g->nlines++] = (struct nd_grid_line){ first, count, halves };
	return 0;
}

/* A half-width character other than a space: a run of them (2024, 3.5%,
 * App, a URL) is never cut at a line's end, it moves down whole — the run
 * 版面字数 counts as one (layout.c). */
static bool word_char(unsigned cp)
{
	return cp > 0x20 && cp < 0x7F;
}

/* Where the line that cell i overflows must end: before i, or earlier so
 * that no line starts with a closing mark, ends with an opening one, or
 * splits a pair. first is the line's first cell. */
static size_t break_point(const struct setter *t, size_t first, size_t i)
{
	size_t s = i;
	while (s > first + 1 && nd_wrap_class(t->cps[s]) == CLOSING)
		s--;
	if (s > first + 1 && pair_mark(t->cps[s]) && t->cps[s - 1] == t->cps[s])
		s--;
	while (s > first + 1 && nd_wrap_class(t->cps[s - 1]) == OPENING)
		s--;
	size_t w = s; /* a word or number cut here moves down whole, if it fits a line */
	while (w > first && word_char(t->cps[w - 1]) && word_char(t->cps[w]))
		w--;
	size_t e = s;
	while (e < t->g->ncells && word_char(t->cps[e]))
		e++;
	if (w > first && w < s && (long)(e - w) <= t->width)
		s = w;
	return s;
}

/* The room cells [a, b) take on their line, hanging marks left out. */
static int line_halves(const struct nd_grid *g, size_t a, size_t b)
{
	int h = 0;
	for (size_t k = a; k < b; k++)
		if (!g->cells[k].hang)
			h = g->cells[k].x + g->cells[k].halves;
	return h;
}

/* Lays cells [from, n) out, opening a new line at each overflow. */
static int set_cells(struct setter *t, int indent)
{
	struct nd_grid *g = t->g;
	size_t first = 0, i = 0;
	int x = indent, hung = 0;
	while (i < g->ncells) {
		struct nd_grid_cell *c = &g->cells[i];
		unsigned cp = t->cps[i];
		c->hang = false;
		c->halves = nd_layout_cp_halves(cp);
		if (i == first && g->nlines > 0 && nd_layout_cp_blank(cp))
			c->halves = 0; /* a blank never opens a continued line */
		if (x + c->halves <= t->width || c->halves == 0) {
			c->x = x;
			x += c->halves;
			i++;
			continue;
		}
		/* the closing marks that end the unit hang rather than open its last
		 * line (挤进, as 版面字数 counts); elsewhere the character before
		 * goes down with the mark (推出) */
		if (i > first && i >= t->tail && nd_wrap_class(cp) == CLOSING && !never_hangs(cp) &&
		    hung < 2) {
			c->x = x;
			c->hang = true;
			x += c->halves;
			hung++;
			i++;
			continue;
		}
		size_t s = i > first ? break_point(t, first, i) : i + 1;
		if (add_line(t, first, s - first, line_halves(g, first, s)) < 0)
			return -1;
		first = i = s;
		x = 0;
		hung = 0;
	}
	if (g->ncells > first &&
	    add_line(t, first, g->ncells - first, line_halves(g, first, g->ncells)) < 0)
		return -1;
	return 0;
}

/* The cells of s[a..b) (the text between leading and trailing blanks). */
static int make_cells(struct setter *t, const char *s, size_t n)
{
	struct nd_grid *g = t->g;
	size_t a = 0, b = 0, k = 0, off = 0;
	long chars = 0, a_chars = 0;
	bool seen = false;
	while (off < n) { /* the trimmed range, in bytes */
		unsigned cp;
		int len = nd_utf8_decode(s + off, n - off, &cp);
		size_t step = len > 0 ? (size_t)len : 1;
		if (len > 0 && !nd_layout_cp_blank(cp)) {
			if (!seen)
				a = off, a_chars = chars;
			seen = true;
			b = off + step;
		}
		off += step;
		chars++;
	}
	if (!seen)
		return 0;
	g->cells = calloc(b - a, sizeof *g->cells);
	t->cps = calloc(b - a, sizeof *t->cps);
	if (!g->cells || !t->cps)
		return -1;
	chars = a_chars;
	for (off = a; off < b; k++, chars++) {
		unsigned cp;
		int len = nd_utf8_decode(s + off, b - off, &cp);
		size_t step = len > 0 ? (size_t)len : 1;
		t->cps[k] = len > 0 ? cp : 0xFFFD;
		g->cells[k] = (struct nd_grid_cell){ .off = off, .len = step, .chars = chars };
		off += step;
	}
	g->ncells = k;
	return 0;
}

int nd_grid_set(const char *s, size_t n, int cpl, int indent, int squeeze, struct nd_grid *g)
{
	struct setter t = { .g = g, .width = 2 * (cpl < ND_CPL_MIN ? ND_CPL_MIN : cpl) + squeeze };
	memset(g, 0, sizeof *g);
	int rc = make_cells(&t, s, n);
	if (rc == 0 && g->ncells) {
		t.tail = g->ncells;
		while (t.tail > 0 && nd_wrap_class(t.cps[t.tail - 1]) == CLOSING)
			t.tail--;
		rc = set_cells(&t, indent);
	}
	free(t.cps);
	if (rc < 0)
		nd_grid_free(g);
	return rc;
}

void nd_grid_free(struct nd_grid *g)
{
	free(g->cells);
	free(g->lines);
	memset(g, 0, sizeof *g);
}
