/* grid.h — setting a unit of text (a title, a paragraph) on the printed
 * column's grid of 字/行 characters, as a galley proof shows it: every line
 * but the last filled to the measure, by the same half-slots 版面字数 counts
 * (layout.h) and the same 禁则 classes the editor wraps by (wrap.h): a
 * closing mark never starts a line (the marks that end a unit, up to two,
 * hang in the margin rather than open its last line, 挤进; elsewhere the
 * character before goes down with the mark, 推出), an opening mark never
 * ends one (it moves down), —— and …… are never split, nor a run of
 * half-width characters (a number, a word) that fits a line. */
#ifndef NEWSDESK_GRID_H
#define NEWSDESK_GRID_H
#include <stdbool.h>
#include <stddef.h>

struct nd_grid_cell {
	size_t off, len; /* bytes of the character in the unit's text */
	long chars; /* characters before it in the unit's text (proof offsets) */
	int x; /* half-slots from the column's left edge */
	int halves; /* room it takes: 0, 1 or 2 */
	bool hang; /* set in the margin past the measure */
};

struct nd_grid_line {
	size_t first, count; /* its cells */
	int halves; /* the room they take, hanging marks left out: past 2·cpl
		     * when the line is squeezed */
};

struct nd_grid {
	struct nd_grid_cell *cells;
	size_t ncells;
	struct nd_grid_line *lines;
	size_t nlines;
};

/* Sets s[0..n) on a column of cpl characters (2·cpl half-slots), its first
 * line indented by indent half-slots (4 for a paragraph, 0 for a title),
 * each line taking up to squeeze half-slots more, set closer (a compositor
 * squeezes a paragraph into the lines it was counted at: 缩排).
 * Leading and trailing blanks take no room; a blank that would start a line
 * is dropped there. A unit with no text takes no line. Returns 0, or -1 when
 * out of memory (g is then empty). */
int nd_grid_set(const char *s, size_t n, int cpl, int indent, int squeeze, struct nd_grid *g);
void nd_grid_free(struct nd_grid *g);

#endif
