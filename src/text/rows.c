/* rows.c — rows of a text kept across edits and broken again only where
 * asked. Breaking restarts at the first row not known, whose start is
 * right because every row before it is; it goes a chunk at a time (a
 * paragraph's tail, or a stretch of it whose last two rows are dropped,
 * since they may end where the stretch was cut) and stops as soon as a new
 * row starts where a known old row starts: from there on the old rows are
 * the ones the rules would make. */
#include "newsdesk/rows.h"
#include "newsdesk/count.h"
#include "newsdesk/wrap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* How far before an edit rows may have looked at its text: a row's break
 * looks ahead at the next row's first marks, and a URL or address of up to
 * a row's width moves to the next row whole when it fits there. */
#define LOOKBACK(cols) ((size_t)(cols)*2 + 64)

/* May breaking restart at p and give what breaking the whole paragraph
 * gives? Not inside a run of ASCII letters, digits and marks: an address
 * is found by its start (https://, www.), a unit by the number before it. */
static bool restartable(const char *text, size_t p)
{
	unsigned char c = p ? (unsigned char)text[p - 1] : '\n';
	return c <= ' ' || c >= 0x80;
}

static int reserve(struct nd_rows *rows, size_t extra)
{
	if (rows->n + extra <= rows->cap)
		return 0;
	size_t cap = rows->cap ? rows->cap : 64;
	while (cap < rows->n + extra)
		cap *= 2;
	struct nd_row *r = realloc(rows->r, cap * sizeof *r);
	if (!r)
		return -1;
	rows->r = r;
	rows->cap = cap;
	return 0;
}

/* Replaces rows [a, b) by the m rows nr, keeping the count of the whole. */
static int replace(struct nd_rows *rows, size_t a, size_t b, const struct nd_row *nr, size_t m)
{
	if (m > b - a && reserve(rows, m - (b - a)) < 0)
		return -1;
	for (size_t i = a; i < b; i++)
		rows->chars -= rows->r[i].chars;
	memmove(&rows->r[a + m], &rows->r[b], (rows->n - b) * sizeof *rows->r);
	if (m)
		memcpy(&rows->r[a], nr, m * sizeof *nr);
	rows->n = rows->n - (b - a) + m;
	for (size_t i = 0; i < m; i++)
		rows->chars += nr[i].chars;
	return 0;
}

/* A row not known yet: a tile [start, end) and its count. */
static struct nd_row unknown_row(const char *text, size_t start, size_t end)
{
	return (struct nd_row){ .start = start,
				.end = end,
				.next = end,
				.chars = nd_count_span(text + start, end - start, text),
				.joins = nd_count_joins(text + start, end - start, text) };
}

/* The first row whose start is past off (rows->n when none is). */
static size_t upper(const struct nd_rows *rows, size_t off)
{
	size_t lo = 0, hi = rows->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (rows->r[mid].start <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

size_t nd_rows_find(const struct nd_rows *rows, size_t off)
{
	size_t i = upper(rows, off);
	return i ? i - 1 : 0;
}

/* A row must start at len when the text is empty or ends a paragraph. */
static bool row_at_end(const char *text, size_t len)
{
	return len == 0 || text[len - 1] == '\n';
}

int nd_rows_reset(struct nd_rows *rows, const char *text, size_t len, int cols)
{
	rows->n = 0;
	rows->cols = cols < 1 ? 1 : cols;
	rows->chars = 0;
	rows->unknown = 0;
	struct nd_row u = unknown_row(text, 0, len);
	return replace(rows, 0, 0, &u, 1);
}

void nd_rows_free(struct nd_rows *rows)
{
	free(rows->r);
	memset(rows, 0, sizeof *rows);
}

int nd_rows_edit(struct nd_rows *rows, const char *text, size_t len, size_t from, size_t old_end,
		 size_t new_end)
{
	if (rows->n == 0)
		return nd_rows_reset(rows, text, len, rows->cols);
	/* the rows before the edit whose breaks may have looked at it */
	size_t a = nd_rows_find(rows, from);
	if (a > 0)
		a--;
	while (a > 0 && (rows->r[a].start + LOOKBACK(rows->cols) > from ||
			 !restartable(text, rows->r[a].start)))
		a--;
	/* the rows from old_end on: their text is the same, moved */
	size_t b = upper(rows, old_end);
	if (b > 0 && rows->r[b - 1].start == old_end)
		b--;
	if (b < a)
		b = a;
	size_t delta = new_end - old_end; /* modulo arithmetic: a shrink works too */
	for (size_t i = b; i < rows->n; i++) {
		rows->r[i].start += delta;
		rows->r[i].end += delta;
		rows->r[i].next += delta;
	}
	size_t ustart = a < b ? rows->r[a].start : from;
	size_t uend = b < rows->n ? rows->r[b].start : len;
	struct nd_row u = unknown_row(text, ustart, uend);
	bool need = uend > ustart || (b == rows->n && ustart == len && row_at_end(text, len));
	if (replace(rows, a, b, &u, need ? 1 : 0) < 0)
		return -1;
	/* the row after keeps its tile, but the character before it changed:
	 * a run there may now go on from it (however long the tile) */
	size_t after = a + (need ? 1 : 0);
	for (size_t i = after; i < rows->n; i++) {
		struct nd_row *r = &rows->r[i];
		bool joins = nd_count_joins(text + r->start, r->end - r->start, text);
		long now = r->chars + (r->joins ? 1 : 0) - (joins ? 1 : 0);
		rows->chars += now - r->chars;
		r->chars = now;
		r->joins = joins;
		/* a row wholly inside a run of half-width marks passes the run on
		 * (字数 counts a run once, at its first letter or digit) */
		if (!nd_count_within_run(text + r->start, r->next - r->start))
			break;
	}
	if (rows->unknown > a)
		rows->unknown = a;
	return 0;
}

/* The new rows of one chunk broken from start s: *m of them in *out,
 * *end where the next row starts, *more when one does. */
static int break_chunk(const struct nd_rows *rows, const char *text, size_t len, size_t s,
		       struct nd_row **out, size_t *m, size_t *end, bool *more)
{
	size_t chunk = (size_t)rows->cols * 16 + 256; /* some ten rows */
	for (;;) {
		size_t avail = len - s, lim = avail < chunk ? avail : chunk;
		const char *nl = memchr(text + s, '\n', lim);
		bool whole = nl || lim == avail; /* the paragraph's tail is all here */
		size_t seg = nl ? (size_t)(nl - (text + s)) : lim;
		while (!whole && seg > 0 && ((unsigned char)text[s + seg] & 0xC0) == 0x80)
			seg--;
		struct nd_wrap_line *w;
		long n = nd_wrap(text + s, seg, rows->cols, &w);
		if (n < 0)
			return -1;
		long keep = whole ? n : n - 2;
		while (!whole && keep > 0 && !restartable(text, s + w[keep].start))
			keep--; /* the next chunk starts where breaking may restart */
		if (keep < 1) {
			free(w);
			chunk *= 2; /* rows of zero-width marks: a longer stretch */
			continue;
		}
		struct nd_row *nr = malloc((size_t)keep * sizeof *nr);
		if (!nr) {
			free(w);
			return -1;
		}
		for (long k = 0; k < keep; k++) {
			bool last = whole && k == n - 1;
			nr[k] = (struct nd_row){ .start = k ? s + w[k].start : s,
						 .end = s + w[k].end,
						 .next = last ? s + seg : s + w[k + 1].start,
						 .width = w[k].width,
						 .para_end = last,
						 .known = true };
		}
		*end = whole ? (nl ? s + seg + 1 : len) : s + w[keep].start;
		*more = !whole || nl;
		for (long k = 0; k < keep; k++) {
			size_t te = k + 1 < keep ? nr[k + 1].start : *end;
			nr[k].chars = nd_count_span(text + nr[k].start, te - nr[k].start, text);
			nr[k].joins = nd_count_joins(text + nr[k].start, te - nr[k].start, text);
		}
		free(w);
		*out = nr;
		*m = (size_t)keep;
		return 0;
	}
}

/* Breaks from the first unknown row u: one chunk, spliced in. */
static int rebreak(struct nd_rows *rows, const char *text, size_t len, size_t u)
{
	struct nd_row *nr;
	size_t m, end;
	bool more;
	if (break_chunk(rows, text, len, rows->r[u].start, &nr, &m, &end, &more) < 0)
		return -1;
	/* where the new rows meet a known old row, the old ones are right */
	size_t j = u + 1, use = m;
	bool met = false;
	for (size_t k = 1; k < m && !met; k++) {
		while (j < rows->n && rows->r[j].start < nr[k].start)
			j++;
		if (j < rows->n && rows->r[j].start == nr[k].start && rows->r[j].known &&
		    restartable(text, nr[k].start)) {
			use = k;
			met = true;
		}
	}
	bool filler = false;
	if (!met) {
		while (j < rows->n && rows->r[j].start < end)
			j++;
		if (!more)
			j = rows->n;
		else if (j == rows->n || rows->r[j].start > end)
			filler = true; /* the rest of the old rows' tile there, unknown */
	}
	struct nd_row *all = nr;
	if (filler) {
		all = realloc(nr, (m + 1) * sizeof *nr);
		if (!all) {
			free(nr);
			return -1;
		}
		/* its count is what the old rows held less the new ones: counting
		 * the rest of a long paragraph again would cost what it is long */
		size_t fend = j < rows->n ? rows->r[j].start : len;
		long old = 0, now = 0;
		for (size_t i = u; i < j; i++)
			old += rows->r[i].chars;
		for (size_t i = 0; i < m; i++)
			now += all[i].chars;
		all[m] = (struct nd_row){ .start = end,
					  .end = fend,
					  .next = fend,
					  .chars = old - now,
					  .joins = nd_count_joins(text + end, fend - end, text) };
		use = m + 1;
	}
	int rc = replace(rows, u, j, all, use);
	free(all);
	if (rc < 0)
		return -1;
	size_t i = u + use - (filler ? 1 : 0);
	while (i < rows->n && rows->r[i].known)
		i++;
	rows->unknown = i;
	return 0;
}

int nd_rows_ensure(struct nd_rows *rows, const char *text, size_t len, size_t upto_row,
		   size_t upto_off)
{
	for (;;) {
		size_t u = rows->unknown;
		if (u >= rows->n || (u > upto_row && rows->r[u].start > upto_off))
			return 0;
		if (rebreak(rows, text, len, u) < 0)
			return -1;
	}
}
