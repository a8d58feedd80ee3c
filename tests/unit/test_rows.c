/* test_rows.c — the editor's rows kept across edits: after any run of
 * random edits, and whatever part was asked for in between, the rows once
 * all broken are the ones a fresh wrap of every paragraph gives, they tile
 * the text, and the count of the whole is the count of the text. The
 * edits come as bytes and through the document (its merged changes). */
#include "newsdesk/count.h"
#include "newsdesk/doc.h"
#include "newsdesk/rows.h"
#include "newsdesk/wrap.h"
#include "tap.h"

#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const pieces[] = {
	"工",      "会",
	"职",      "工",
	"的",      "劳",
	"模",      "工",
	"匠",      "，",
	"。",      "、",
	"“",       "”",
	"——",      "……",
	"（",      "）",
	"《",      "》",
	"App",     "2024年",
	"3.5万元", "12%",
	" ",       "https://ex.cn/a/b",
	"\n",      "\n",
	"ü",       "e\xCC\x81",
	"！",      "：",
	"字",      "数",
};
#define NPIECES (sizeof pieces / sizeof *pieces)

static uint64_t seed = 42; /* ROWS_SEED=N tries another */
static unsigned rnd(unsigned n)
{
	seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((seed >> 33) % n);
}

static void random_text(char *buf, size_t want)
{
	buf[0] = '\0';
	size_t len = 0;
	while (len < want) {
		const char *p = pieces[rnd(NPIECES)];
		/* long runs of Han characters, as in a real paragraph */
		if (rnd(3) == 0)
			p = pieces[rnd(9)];
		memcpy(buf + len, p, strlen(p) + 1);
		len += strlen(p);
	}
}

/* A char boundary at or before off. */
static size_t boundary(const char *s, size_t off)
{
	while (off > 0 && ((unsigned char)s[off] & 0xC0) == 0x80)
		off--;
	return off;
}

/* The rows a fresh wrap of every paragraph gives, compared with rows. */
static bool same_as_fresh(const struct nd_rows *rows, const char *text, size_t len, int cols,
			  const char *name)
{
	size_t i = 0, start = 0;
	for (;;) {
		const char *nl = memchr(text + start, '\n', len - start);
		size_t plen = nl ? (size_t)(nl - (text + start)) : len - start;
		struct nd_wrap_line *w;
		long n = nd_wrap(text + start, plen, cols, &w);
		for (long k = 0; k < n; k++, i++) {
			const struct nd_row *r = &rows->r[i];
			size_t next = k == n - 1 ? start + plen : start + w[k + 1].start;
			if (i >= rows->n || r->start != start + (k ? w[k].start : 0) ||
			    r->end != start + w[k].end || r->next != next ||
			    r->width != w[k].width || r->para_end != (k == n - 1) || !r->known) {
				ok(false, "%s: row %zu differs from a fresh wrap", name, i);
				for (size_t q = i > 2 ? i - 2 : 0; q < i + 3 && q < rows->n; q++)
					printf("#  row %zu: [%.*s] known %d end %d\n", q,
					       (int)(rows->r[q].end - rows->r[q].start),
					       text + rows->r[q].start, rows->r[q].known,
					       rows->r[q].para_end);
				for (long q = k > 2 ? k - 2 : 0; q < k + 3 && q < n; q++)
					printf("#  fresh %ld: [%.*s]\n", q,
					       (int)(w[q].end - w[q].start),
					       text + start + w[q].start);
				free(w);
				return false;
			}
		}
		free(w);
		if (!nl)
			break;
		start += plen + 1;
	}
	return ok(i == rows->n, "%s: as many rows as a fresh wrap (%zu, %zu)", name, rows->n, i);
}

/* The rows tile the text and their counts add up to the text's. */
static bool tiled(const struct nd_rows *rows, const char *text, size_t len)
{
	if (rows->n == 0 || rows->r[0].start != 0)
		return false;
	long sum = 0;
	for (size_t i = 0; i < rows->n; i++) {
		const struct nd_row *r = &rows->r[i];
		size_t end = i + 1 < rows->n ? rows->r[i + 1].start : len;
		if (end < r->start || (i + 1 < rows->n && end == r->start)) {
			printf("# row %zu of %zu: tile [%zu, %zu)\n", i, rows->n, r->start, end);
			return false;
		}
		if (i < rows->unknown && !r->known) {
			printf("# row %zu not known before %zu\n", i, rows->unknown);
			return false;
		}
		sum += r->chars;
		long c = nd_count_span(text + r->start, end - r->start, text);
		if (c != r->chars)
			printf("# row %zu [%zu,%zu) known %d: %ld counted, %ld kept: [%.*s]\n", i,
			       r->start, end, r->known, c, r->chars, (int)(end - r->start),
			       text + r->start);
	}
	char *copy = strndup(text, len);
	bool good = sum == rows->chars && sum == nd_count_chars(copy);
	if (!good)
		printf("# counts: rows %ld, kept %ld, text %ld\n", sum, rows->chars,
		       nd_count_chars(copy));
	free(copy);
	return good;
}

static void edits_as_bytes(int cols, size_t size, int rounds)
{
	char *text = malloc(size * 2 + 4096), piece[256];
	random_text(text, size);
	size_t len = strlen(text);
	struct nd_rows rows = { 0 };
	nd_rows_reset(&rows, text, len, cols);
	bool good = true;
	for (int e = 0; e < rounds && good; e++) {
		size_t from = boundary(text, rnd((unsigned)len + 1)), del = 0;
		if (rnd(2) && from < len) {
			size_t to = from + 1 + rnd(40);
			del = boundary(text, to < len ? to : len) - from;
		}
		random_text(piece, rnd(3) ? 1 + rnd(8) : 0);
		size_t ins = rnd(4) == 0 ? 0 : strlen(piece);
		memmove(text + from + ins, text + from + del, len - from - del + 1);
		memcpy(text + from, piece, ins);
		len = len - del + ins;
		nd_rows_edit(&rows, text, len, from, from + del, from + ins);
		good = tiled(&rows, text, len);
		if (!good)
			printf("# after edit %d: %zu -%zu +%zu\n", e, from, del, ins);
		/* the screen's part around the edit, as the editor asks */
		size_t at = nd_rows_find(&rows, from);
		nd_rows_ensure(&rows, text, len, at + 20, from + ins);
		if (good && !(good = tiled(&rows, text, len)))
			printf("# after ensure %d: %zu -%zu +%zu\n", e, from, del, ins);
	}
	ok(good, "%d edits at %d columns: the rows tile the text, the counts add up", rounds, cols);
	nd_rows_ensure(&rows, text, len, SIZE_MAX, SIZE_MAX);
	char name[64];
	snprintf(name, sizeof name, "%zu bytes at %d columns", size, cols);
	same_as_fresh(&rows, text, len, cols, name);
	nd_rows_free(&rows);
	free(text);
}

/* Typing, deleting and paragraph breaks through the document: its merged
 * change is what the rows are told. */
static void edits_through_doc(int cols)
{
	char *body = malloc(60000);
	random_text(body, 50000);
	struct nd_story story = { .headline = "标题", .body = body };
	struct nd_doc d;
	nd_doc_init(&d, &story);
	struct nd_rows rows = { 0 };
	nd_rows_reset(&rows, nd_doc_text(&d, ND_F_BODY), nd_doc_len(&d, ND_F_BODY), cols);
	bool good = true;
	for (int e = 0; e < 300 && good; e++) {
		size_t len = nd_doc_len(&d, ND_F_BODY);
		nd_doc_set_cursor(&d, ND_F_BODY,
				  boundary(nd_doc_text(&d, ND_F_BODY), rnd((unsigned)len + 1)));
		for (int k = 0, n = 1 + (int)rnd(6); k < n; k++) {
			switch (rnd(5)) {
			case 0:
				nd_doc_backspace(&d);
				break;
			case 1:
				nd_doc_delete(&d);
				break;
			case 2:
				nd_doc_newline(&d);
				break;
			case 3:
				if (e % 50 == 49)
					nd_doc_undo(&d);
				break;
			default: {
				const char *p = pieces[rnd(NPIECES)];
				nd_doc_insert(&d, p, strlen(p));
			}
			}
		}
		const char *t = nd_doc_text(&d, ND_F_BODY);
		len = nd_doc_len(&d, ND_F_BODY);
		struct nd_doc_change c = nd_doc_take_change(&d, ND_F_BODY);
		if (c.any)
			nd_rows_edit(&rows, t, len, c.from, c.old_end, c.new_end);
		nd_rows_ensure(&rows, t, len, nd_rows_find(&rows, d.cur) + 30, d.cur);
		good = tiled(&rows, t, len);
	}
	ok(good, "300 runs of document edits at %d columns: tiled and counted", cols);
	nd_rows_ensure(&rows, nd_doc_text(&d, ND_F_BODY), nd_doc_len(&d, ND_F_BODY), SIZE_MAX,
		       SIZE_MAX);
	same_as_fresh(&rows, nd_doc_text(&d, ND_F_BODY), nd_doc_len(&d, ND_F_BODY), cols,
		      "after document edits");
	nd_rows_free(&rows);
	nd_doc_free(&d);
	free(body);
}

/* One paragraph of 200,000 characters: a keystroke breaks a screenful. */
static void one_huge_paragraph(void)
{
	size_t size = 600000;
	char *text = malloc(size + 16);
	for (size_t i = 0; i < size; i += 3)
		memcpy(text + i, i % 69 == 66 ? "，" : "工", 3);
	text[size] = '\0';
	struct nd_rows rows = { 0 };
	nd_rows_reset(&rows, text, size, 80);
	nd_rows_ensure(&rows, text, size, SIZE_MAX, SIZE_MAX);
	size_t all = rows.n;
	/* a character typed in the middle */
	size_t mid = 300000;
	memmove(text + mid + 3, text + mid, size - mid + 1);
	memcpy(text + mid, "字", 3);
	nd_rows_edit(&rows, text, size + 3, mid, mid, mid + 3);
	size_t at = nd_rows_find(&rows, mid);
	nd_rows_ensure(&rows, text, size + 3, at + 40, mid + 3);
	ok(rows.unknown < rows.n && rows.unknown <= at + 40 + 64,
	   "a keystroke in one 200,000-character paragraph breaks only the rows around it "
	   "(%zu of %zu rows known)",
	   rows.unknown, all);
	nd_rows_ensure(&rows, text, size + 3, SIZE_MAX, SIZE_MAX);
	same_as_fresh(&rows, text, size + 3, 80, "the huge paragraph, broken to its end");
	nd_rows_free(&rows);
	free(text);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	if (getenv("ROWS_SEED"))
		seed = strtoull(getenv("ROWS_SEED"), NULL, 10);
	const int cols[] = { 1, 7, 20, 63 };
	for (size_t i = 0; i < sizeof cols / sizeof *cols; i++)
		edits_as_bytes(cols[i], 6000, 400);
	edits_as_bytes(40, 60000, 200);
	edits_through_doc(30);
	edits_through_doc(75);
	one_huge_paragraph();
	return tap_done();
}
