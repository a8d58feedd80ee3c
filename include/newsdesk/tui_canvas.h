/* tui_canvas.h — a picture laid out in terminal cells by chafa, in the
 * module nd_preview (src/tui/photo_canvas.c, with chafa and glib), opened
 * the first time the desk shows a photo: the desk's start loads neither. */
#ifndef NEWSDESK_TUI_CANVAS_H
#define NEWSDESK_TUI_CANVAS_H

#include "newsdesk/error.h"
#include "newsdesk/tui_photo.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A layout of w × h cells: for block symbols a character and its colours
 * per cell (row after row; -1: the terminal's own colour), for sixel and
 * kitty the escape sequence that draws the whole picture. */
struct tui_canvas {
	int w, h;
	uint32_t *chars;
	int *fg, *bg;
	char *seq;
	size_t seq_len;
};

/* Lays out rgba (pw × ph pixels, 4 bytes each) in at most max_w × max_h
 * cells, in mode (TUI_GFX_SYMBOLS, _SIXEL or _KITTY), with 240 colours or
 * none. 0, or a negative code with err filled (the module is missing). */
int tui_canvas_draw(const uint8_t *rgba, int pw, int ph, int max_w, int max_h, enum tui_gfx mode,
		    bool colors, struct tui_canvas *out, struct nd_error *err);
/* Frees what tui_canvas_draw allocated; out is then empty. */
void tui_canvas_free(struct tui_canvas *c);

#endif
