/* galley.c — galley proofs as PDF (galley.h). Each unit of an item (the
 * titles, then the paragraphs with the dateline running into the first, in
 * the order 版面字数 counts them: layout.c) is set on the grid by grid.c;
 * this file only places what grid.c decided: each line's glyphs, shaped by
 * Pango in the CJK serif face, moved onto their grid slots, the line's
 * number in the left margin and the proofreading marks in the right. */
#include "newsdesk/galley.h"
#include "galley_int.h"
#include "newsdesk/buf.h"
#include "newsdesk/layout.h"
#include "newsdesk/lang.h"
#include "newsdesk/utf8.h"

#include <stdlib.h>
#include <string.h>

void nd_galley_set_free(struct galley_set *s)
{
	for (size_t i = 0; i < s->n; i++) {
		nd_buf_free(&s->units[i].text);
		nd_grid_free(&s->units[i].grid);
	}
	for (size_t i = 0; i < s->nmarks; i++)
		free(s->notes[i]);
	free(s->units);
	free(s->marks);
	free(s->notes);
	memset(s, 0, sizeof *s);
}

static struct galley_unit *add_unit(struct galley_set *s, const char *field, int paragraph, bool title)
{
	struct galley_unit *u = realloc(s->units, (s->n + 1) * sizeof *u);
	if (!u)
		return NULL;
	s->units = u;
	u = &s->units[s->n++];
	*u = (struct galley_unit){ .text = ND_BUF_INIT, .title = title, .field = field, .paragraph = paragraph };
	return u;
}

static bool has_text(const char *s)
{
	return s && nd_layout_halves(s) > 0;
}

static long count_chars(const char *s, size_t n)
{
	long k = 0;
	for (size_t i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

/* Bytes of blanks at the start of s[0..n). */
static size_t leading_blanks(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned cp;
		int len = nd_utf8_decode(s + i, n - i, &cp);
		if (len <= 0 || !nd_layout_cp_blank(cp))
			break;
		i += (size_t)len;
	}
	return i;
}

/* The units in 版面字数's order: kicker, headline, subhead, byline, then
 * the paragraphs (the dateline and an ideographic space before the first). */
static int make_units(const struct nd_story *st, struct galley_set *s)
{
	const struct {
		const char *field, *text;
	} titles[] = { { "kicker", st->kicker },
		       { "headline", st->headline },
		       { "subhead", st->subhead },
		       { "byline", st->byline } };
	for (size_t i = 0; i < sizeof titles / sizeof *titles; i++) {
		struct galley_unit *u;
		if (!has_text(titles[i].text))
			continue;
		if (!(u = add_unit(s, titles[i].field, 0, true)) || nd_buf_adds(&u->text, titles[i].text) < 0)
			return -1;
	}
	const char *lead = has_text(st->dateline) ? st->dateline : NULL;
	const char *p = st->body ? st->body : "";
	for (int para = 1; *p; para++) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		struct nd_buf line = ND_BUF_INIT;
		if (nd_buf_add(&line, p, len) < 0)
			return -1;
		bool text = has_text(nd_buf_str(&line));
		nd_buf_free(&line);
		if (text) {
			struct galley_unit *u = add_unit(s, "body", para, false);
			if (!u)
				return -1;
			size_t skip = 0;
			if (lead) { /* the dateline, a slot, then the text (its indent dropped) */
				skip = leading_blanks(p, len);
				u->base = count_chars(lead, strlen(lead)) + 1 - count_chars(p, skip);
				if (nd_buf_adds(&u->text, lead) < 0 || nd_buf_adds(&u->text, "\xE3\x80\x80") < 0)
					return -1;
				lead = NULL;
			}
			if (nd_buf_add(&u->text, p + skip, len - skip) < 0)
				return -1;
		}
		p += len + (nl ? 1 : 0);
	}
	if (lead) {
		struct galley_unit *u = add_unit(s, "body", 1, false);
		if (!u || nd_buf_adds(&u->text, lead) < 0)
			return -1;
	}
	return 0;
}

/* Where a proof hit falls: the item's line and the character's slot. */
static bool locate(const struct galley_set *s, const struct nd_proof_hit *h, size_t *line, int *x)
{
	size_t before = 0;
	for (size_t i = 0; i < s->n; i++) {
		const struct galley_unit *u = &s->units[i];
		bool dateline = strcmp(h->field, "dateline") == 0 && strcmp(u->field, "body") == 0 &&
				u->base > 0;
		bool here = dateline || (strcmp(h->field, u->field) == 0 &&
					 (h->paragraph == 0 || h->paragraph == u->paragraph));
		if (here && u->grid.nlines) {
			long want = h->offset + (dateline ? 0 : u->base);
			size_t ln = 0, cell = 0;
			for (size_t l = 0; l < u->grid.nlines; l++)
				for (size_t c = 0; c < u->grid.lines[l].count; c++) {
					size_t k = u->grid.lines[l].first + c;
					if (u->grid.cells[k].chars <= want)
						ln = l, cell = k;
				}
			*line = before + ln;
			*x = u->grid.cells[cell].x;
			return true;
		}
		before += u->grid.nlines;
	}
	return false;
}

static int add_mark(struct galley_set *s, const struct nd_proof_hit *h)
{
	size_t line;
	int x;
	if (!locate(s, h, &line, &x))
		return 0;
	struct galley_mark *m = realloc(s->marks, (s->nmarks + 1) * sizeof *m);
	if (!m)
		return -1;
	s->marks = m;
	char **n = realloc(s->notes, (s->nmarks + 1) * sizeof *n);
	if (!n)
		return -1;
	s->notes = n;
	struct nd_buf b = ND_BUF_INIT;
	const char *explain = _(h->check->explain_en);
	if (nd_buf_adds(&b, explain) < 0 ||
	    (h->detail[0] && strcmp(h->detail, explain) != 0 &&
	     nd_buf_printf(&b, _(": %s"), h->detail) < 0)) {
		nd_buf_free(&b);
		return -1;
	}
	s->notes[s->nmarks] = nd_buf_take(&b);
	s->marks[s->nmarks] = (struct galley_mark){ line, x, s->notes[s->nmarks] };
	s->nmarks++;
	return 0;
}

/* The lines 版面字数 counts the unit at (layout.c), so the proof and the
 * count agree: the unit alone, as a story. */
static long counted_lines(const struct galley_unit *u, int cpl)
{
	struct nd_story one = { 0 };
	struct nd_layout l;
	char *text = (char *)nd_buf_str(&u->text);
	if (u->title)
		one.headline = text;
	else
		one.body = text;
	return nd_story_layout(&one, cpl, &l) < 0 ? -1 : l.lines;
}

/* Sets a unit on the grid; where the greedy fill (whole characters, the
 * 禁则) takes more lines than were counted, squeezed a half-slot a line at a
 * time, as a compositor sets a paragraph into its count. */
static int set_unit(struct galley_unit *u, int cpl)
{
	long want = counted_lines(u, cpl);
	for (int squeeze = 0;; squeeze++) {
		nd_grid_free(&u->grid);
		if (nd_grid_set(nd_buf_str(&u->text), u->text.len, cpl, u->title ? 0 : 4, squeeze,
				&u->grid) < 0)
			return -1;
		if (want < 0 || (long)u->grid.nlines <= want || squeeze == ND_GALLEY_SQUEEZE_MAX)
			return 0;
	}
}

int nd_galley_set_item(const struct nd_galley_item *it, struct galley_set *s)
{
	memset(s, 0, sizeof *s);
	if (make_units(it->story, s) < 0)
		return -1;
	for (size_t i = 0; i < s->n; i++) {
		struct galley_unit *u = &s->units[i];
		if (set_unit(u, it->cpl) < 0)
			return -1;
		s->lines += u->grid.nlines;
	}
	for (size_t i = 0; it->proof && i < it->proof->n; i++)
		if (add_mark(s, &it->proof->hits[i]) < 0)
			return -1;
	return 0;
}

