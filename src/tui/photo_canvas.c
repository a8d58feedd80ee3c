/* photo_canvas.c — chafa lays a picture out in terminal cells (block
 * symbols with 240 colours or none, or a sixel or kitty sequence). Built as
 * the module nd_preview (meson.build); preview_module.c opens it the first
 * time the desk shows a photo, so the desk's start loads neither chafa nor
 * glib. Nothing here draws: photoview.c does, with curses. */
#include "newsdesk/lang.h"
#include "newsdesk/tui_canvas.h"

#include <chafa.h>
#include <stdlib.h>
#include <string.h>

static ChafaCanvas *canvas_for(enum tui_gfx mode, bool colors, int w, int h)
{
	ChafaSymbolMap *map = chafa_symbol_map_new();
	chafa_symbol_map_add_by_tags(map, CHAFA_SYMBOL_TAG_BLOCK | CHAFA_SYMBOL_TAG_SPACE);
	ChafaCanvasConfig *cfg = chafa_canvas_config_new();
	chafa_canvas_config_set_geometry(cfg, w, h);
	chafa_canvas_config_set_symbol_map(cfg, map);
	chafa_canvas_config_set_cell_geometry(cfg, 10, 20);
	if (mode == TUI_GFX_SIXEL || mode == TUI_GFX_KITTY) {
		chafa_canvas_config_set_pixel_mode(
		    cfg, mode == TUI_GFX_SIXEL ? CHAFA_PIXEL_MODE_SIXELS : CHAFA_PIXEL_MODE_KITTY);
		chafa_canvas_config_set_canvas_mode(cfg, CHAFA_CANVAS_MODE_TRUECOLOR);
	} else {
		chafa_canvas_config_set_canvas_mode(cfg, colors ? CHAFA_CANVAS_MODE_INDEXED_240
								: CHAFA_CANVAS_MODE_FGBG);
	}
	ChafaCanvas *c = chafa_canvas_new(cfg);
	chafa_canvas_config_unref(cfg);
	chafa_symbol_map_unref(map);
	return c;
}

/* The cells of a symbols layout, read out of the canvas. */
static int read_cells(ChafaCanvas *c, bool colors, struct tui_canvas *out)
{
	size_t cells = (size_t)out->w * (size_t)out->h;
	out->chars = calloc(cells, sizeof *out->chars);
	out->fg = calloc(cells, sizeof *out->fg);
	out->bg = calloc(cells, sizeof *out->bg);
	if (!out->chars || !out->fg || !out->bg)
		return ND_ENOMEM;
	for (int y = 0; y < out->h; y++)
		for (int x = 0; x < out->w; x++) {
			size_t i = (size_t)y * (size_t)out->w + (size_t)x;
			gint fg = -1, bg = -1;
			out->chars[i] = chafa_canvas_get_char_at(c, x, y);
			if (colors)
				chafa_canvas_get_colors_at(c, x, y, &fg, &bg);
			out->fg[i] = fg;
			out->bg[i] = bg;
		}
	return 0;
}

int tui_canvas_draw(const uint8_t *rgba, int pw, int ph, int max_w, int max_h, enum tui_gfx mode,
		    bool colors, struct tui_canvas *out, struct nd_error *err)
{
	memset(out, 0, sizeof *out);
	gint cw = max_w, ch = max_h;
	chafa_calc_canvas_geometry(pw, ph, &cw, &ch, 0.5f, FALSE, FALSE);
	ChafaCanvas *c = canvas_for(mode, colors, cw, ch);
	chafa_canvas_draw_all_pixels(c, CHAFA_PIXEL_RGBA8_UNASSOCIATED, rgba, pw, ph, pw * 4);
	out->w = cw;
	out->h = ch;
	int rc = 0;
	if (mode == TUI_GFX_SIXEL || mode == TUI_GFX_KITTY) {
		GString *seq = chafa_canvas_print(c, NULL);
		out->seq_len = seq->len;
		out->seq = g_string_free(seq, FALSE); /* the bytes are ours now */
	} else {
		rc = read_cells(c, colors, out);
	}
	chafa_canvas_unref(c);
	if (rc < 0) {
		tui_canvas_free(out);
		return nd_fail(err, rc, _("out of memory"));
	}
	return 0;
}

void tui_canvas_free(struct tui_canvas *c)
{
	free(c->chars);
	free(c->fg);
	free(c->bg);
	g_free(c->seq);
	memset(c, 0, sizeof *c);
}
