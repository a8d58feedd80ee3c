/* test_grid.c — setting text on the printed column's grid (grid.h): the
 * measure filled, the 禁则 kept, hanging marks, pairs never split, and the
 * squeeze that keeps a paragraph within its counted lines. Most at 4 字/行:
 * a line is 8 half-slots. */
#include "newsdesk/grid.h"
#include "newsdesk/layout.h"
#include "tap.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The lines of s at cpl, as "text|text|…" (hanging marks in brackets). */
static char *lines(const char *s, int cpl, int indent, int squeeze)
{
	static char out[4096];
	struct nd_grid g;
	out[0] = 0;
	if (nd_grid_set(s, strlen(s), cpl, indent, squeeze, &g) < 0)
		return strcpy(out, "ENOMEM");
	for (size_t l = 0; l < g.nlines; l++) {
		if (l)
			strcat(out, "|");
		for (size_t c = 0; c < g.lines[l].count; c++) {
			const struct nd_grid_cell *cell = &g.cells[g.lines[l].first + c];
			if (cell->hang)
				strcat(out, "[");
			strncat(out, s + cell->off, cell->len);
			if (cell->hang)
				strcat(out, "]");
		}
	}
	nd_grid_free(&g);
	return out;
}

static void fill(void)
{
	is_str(lines("一二三四五六七八九", 4, 0, 0), "一二三四|五六七八|九", "four characters a line");
	is_str(lines("一二三四五六", 4, 4, 0), "一二|三四五六", "a paragraph's indent takes two");
	is_str(lines("ab一二三四", 4, 0, 0), "ab一二三|四", "half-width letters take half a slot");
	is_str(lines("  一二  ", 4, 0, 0), "一二", "leading and trailing blanks take no room");
	is_str(lines("", 4, 0, 0), "", "no text, no line");
	struct nd_grid g;
	const char *s = "一二三四 五六";
	nd_grid_set(s, strlen(s), 4, 0, 0, &g);
	ok(g.nlines == 2 && g.cells[4].halves == 0 && g.cells[5].x == 0,
	   "a blank that would open a line takes no room there");
	nd_grid_free(&g);
}

static void kinsoku(void)
{
	is_str(lines("一二三四五六七八。", 4, 0, 0), "一二三四|五六七八[。]",
	       "the full stop that ends a unit hangs rather than open a line (挤进)");
	is_str(lines("一二三四。”", 4, 0, 0), "一二三四[。][”]", "…two closing marks too");
	is_str(lines("一二三四。五六", 4, 0, 0), "一二三|四。五六",
	       "inside a unit the character before goes down with the mark (推出)");
	is_str(lines("一二三四。”）五", 4, 0, 0), "一二三|四。”）|五", "…with three marks too");
	is_str(lines("一二三“四五", 4, 0, 0), "一二三|“四五",
	       "an opening mark moves to the next line");
	is_str(lines("一二三——四", 4, 0, 0), "一二|三——四",
	       "—— is never split, nor starts a line (clreq strict): its word goes down with it");
	is_str(lines("一二三……四", 4, 0, 0), "一二|三……四", "…… is never split, nor opens a line");
	is_str(lines("一二三四50%", 4, 0, 0), "一二三四|50%", "% never hangs");
	is_str(lines("一二三2024年", 4, 0, 0), "一二三|2024年", "a number is never cut: it moves down whole");
	is_str(lines("一二三App好", 4, 0, 0), "一二三|App好", "nor a Latin word");
	is_str(lines("一二abcdefghij", 4, 0, 0), "一二abcd|efghij",
	       "a run longer than a line is cut where it must be");
}

static void squeeze(void)
{
	/* 3 + 1 + … halves: a line of 8 holds 一二三 and a, not the next 四 */
	is_str(lines("一二三a四五六七", 4, 0, 0), "一二三a|四五六七", "greedy: a half slot left");
	is_str(lines("一二三a四五六七b", 4, 0, 0), "一二三a|四五六七|b", "…which may cost a line");
	is_str(lines("一二三a四五六七b", 4, 0, 1), "一二三a四|五六七b", "squeezed, it does not");
	struct nd_grid g;
	const char *s = "一二三a四五六七b";
	nd_grid_set(s, strlen(s), 4, 0, 1, &g);
	is_int(g.lines[0].halves, 9, "a squeezed line says how much it holds");
	nd_grid_free(&g);
}

static void offsets(void)
{
	struct nd_grid g;
	const char *s = "　一二三四五";
	nd_grid_set(s, strlen(s), 4, 0, 0, &g);
	is_int(g.cells[0].chars, 1, "cells count characters from the unit's start");
	is_int(g.cells[4].x, 0, "the fifth character opens the second line");
	nd_grid_free(&g);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	fill();
	kinsoku();
	squeeze();
	offsets();
	return tap_done();
}
