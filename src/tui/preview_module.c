/* preview_module.c — the desk's photo layouts through the module
 * nd_preview (photo_canvas.c, with chafa and glib), opened the first time
 * a photo is shown (tui_canvas.h). */
#include "newsdesk/module.h"
#include "newsdesk/tui_canvas.h"

#include <stdlib.h>
#include <string.h>

typedef int (*draw_fn)(const uint8_t *, int, int, int, int, enum tui_gfx, bool, struct tui_canvas *,
		       struct nd_error *);
typedef void (*free_fn)(struct tui_canvas *);

int tui_canvas_draw(const uint8_t *rgba, int pw, int ph, int max_w, int max_h, enum tui_gfx mode,
		    bool colors, struct tui_canvas *out, struct nd_error *err)
{
	memset(out, 0, sizeof *out);
	draw_fn f = (draw_fn)nd_module_symbol("nd_preview", "tui_canvas_draw", err);
	return f ? f(rgba, pw, ph, max_w, max_h, mode, colors, out, err) : ND_EIO;
}

void tui_canvas_free(struct tui_canvas *c)
{
	/* only a module that drew the canvas can have filled it */
	if (!c->chars && !c->seq && !c->fg && !c->bg)
		return;
	free_fn f = (free_fn)nd_module_symbol("nd_preview", "tui_canvas_free", NULL);
	if (f)
		f(c);
}
