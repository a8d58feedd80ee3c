/* photoview.c — an item's photos in the terminal (v): one at a time, drawn
 * by chafa in the way the terminal can show — kitty or sixel graphics where
 * the terminal is known to draw them, block symbols in colour elsewhere,
 * and nothing, said plainly, where it can draw neither. The terminal is
 * judged from TERM and the environment, conservatively: a guess wrong
 * toward graphics would fill the screen with escape codes. Over ssh -t the
 * desk runs the same way, with the client's TERM. */
#include "newsdesk/count.h"
#include "newsdesk/photos.h"
#include "newsdesk/tui_app.h"
#include "newsdesk/tui_canvas.h"
#include "newsdesk/tui_photo.h"

#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	const char *name;
	enum tui_gfx mode;
} gfx_names[] = {
	{ "none", TUI_GFX_NONE },
	{ "symbols", TUI_GFX_SYMBOLS },
	{ "sixel", TUI_GFX_SIXEL },
	{ "kitty", TUI_GFX_KITTY },
};

static bool starts(const char *s, const char *prefix)
{
	return s && strncmp(s, prefix, strlen(prefix)) == 0;
}

enum tui_gfx tui_photo_mode(const struct tui_photo_env *e)
{
	if (e->override && e->override[0]) /* NEWSDESK_PREVIEW, the user's word */
		for (size_t i = 0; i < sizeof gfx_names / sizeof *gfx_names; i++)
			if (strcmp(gfx_names[i].name, e->override) == 0)
				return gfx_names[i].mode;
	const char *term = e->term ? e->term : "";
	/* terminals with no block characters, or no UTF-8 to send them in */
	if (!e->utf8 || !term[0] || strcmp(term, "dumb") == 0 || strcmp(term, "linux") == 0 ||
	    starts(term, "vt") || starts(term, "ansi") || strcmp(term, "unknown") == 0)
		return TUI_GFX_NONE;
	/* a multiplexer passes no graphics through unless told to */
	if (e->multiplexer || starts(term, "screen") || starts(term, "tmux"))
		return TUI_GFX_SYMBOLS;
	if (strcmp(term, "xterm-kitty") == 0 || strcmp(term, "xterm-ghostty") == 0 || e->kitty)
		return TUI_GFX_KITTY;
	if (starts(term, "foot") || starts(term, "mlterm") || starts(term, "contour") ||
	    (e->term_program && strcmp(e->term_program, "WezTerm") == 0))
		return TUI_GFX_SIXEL;
	return TUI_GFX_SYMBOLS;
}

const char *tui_photo_mode_name(enum tui_gfx mode)
{
	for (size_t i = 0; i < sizeof gfx_names / sizeof *gfx_names; i++)
		if (gfx_names[i].mode == mode)
			return gfx_names[i].name;
	return "none";
}

struct photoview {
	int64_t id;
	struct nd_photo *list;
	size_t n;
	int cur; /* index into list */
	enum tui_gfx mode;
	/* the rendering of list[cur] in an area of aw × ah cells */
	int rcur, aw, ah;
	struct tui_canvas canvas; /* chafa's layout (the module nd_preview) */
	char error[sizeof((struct nd_error *)0)->msg];
};

static void forget(struct photoview *v)
{
	tui_canvas_free(&v->canvas);
	v->rcur = -1;
	v->error[0] = '\0';
}

static bool load(struct tui *t, struct photoview *v)
{
	struct nd_error err = { 0 };
	nd_photos_free(v->list, v->n);
	v->list = NULL;
	v->n = 0;
	forget(v);
	if (nd_photo_list(t->st, t->actor, v->id, &v->list, &v->n, &err) < 0) {
		tui_message(t, true, "%s", err.msg);
		return false;
	}
	if (v->n == 0) {
		tui_message(t, true, _("#%1$lld has no photos"), (long long)v->id);
		return false;
	}
	if (v->cur >= (int)v->n)
		v->cur = (int)v->n - 1;
	return true;
}

/* Decodes list[cur] and lets chafa lay it out in at most w × h cells. */
static void render(struct tui *t, struct photoview *v, int w, int h)
{
	struct nd_error err = { 0 };
	struct nd_photo p;
	void *bytes;
	size_t len;
	uint8_t *px = NULL;
	int pw = 0, ph = 0;
	forget(v);
	v->rcur = v->cur;
	v->aw = w;
	v->ah = h;
	if (nd_photo_get(t->st, t->actor, v->id, v->list[v->cur].n, &p, &bytes, &len, &err) < 0) {
		snprintf(v->error, sizeof v->error, "%s", err.msg);
		return;
	}
	nd_photo_free(&p);
	/* enough pixels for chafa to choose each cell's symbol from */
	int rc = nd_photo_thumbnail(bytes, len, w * 8, h * 16, &px, &pw, &ph, &err);
	free(bytes);
	if (rc < 0) {
		snprintf(v->error, sizeof v->error, "%s", err.msg);
		return;
	}
	bool colors = t->colors && COLORS >= 256;
	rc = tui_canvas_draw(px, pw, ph, w, h, v->mode, colors, &v->canvas, &err);
	free(px);
	if (rc < 0)
		snprintf(v->error, sizeof v->error, "%s", err.msg);
}

static void draw_cells(const struct photoview *v, int y, int x0)
{
	const struct tui_canvas *k = &v->canvas;
	for (int r = 0; k->chars && r < k->h; r++)
		for (int c = 0; c < k->w; c++) {
			size_t i = (size_t)r * (size_t)k->w + (size_t)c;
			wchar_t wc[2] = { (wchar_t)(k->chars[i] ? k->chars[i] : ' '), 0 };
			int pair = 0;
			if (k->fg[i] >= 0 && k->bg[i] >= 0)
				pair = alloc_pair(k->fg[i], k->bg[i]);
			cchar_t cc;
			setcchar(&cc, wc, A_NORMAL, 0, pair > 0 ? &pair : NULL);
			mvadd_wch(y + r, x0 + c, &cc);
		}
}

/* Graphics go to the terminal after curses has drawn the blank area, so
 * curses's next refresh has nothing to change there and leaves them. */
static void draw_graphics(const struct photoview *v, int y, int x0)
{
	refresh();
	if (v->mode == TUI_GFX_KITTY)
		fputs("\033_Ga=d\033\\", stdout); /* the previous picture's placement */
	printf("\0337\033[%d;%dH", y + 1, x0 + 1);
	fwrite(v->canvas.seq, 1, v->canvas.seq_len, stdout);
	fputs("\0338", stdout);
	fflush(stdout);
}

static void photo_draw(struct tui *t, void *data, int y, int height, int width)
{
	struct photoview *v = data;
	const struct nd_photo *p = &v->list[v->cur];
	struct nd_buf b = ND_BUF_INIT;
	char size[32];
	nd_format_count((long)p->size, size, sizeof size);
	nd_buf_printf(&b,
		      _("── #%1$lld photo %2$d/%3$zu: %4$s  %5$d×%6$d  %7$s bytes  %8$s  %9$s "),
		      (long long)v->id, p->n, v->n, p->name, p->width, p->height, size,
		      p->exif_date, p->exif_camera);
	tui_draw_row(y, 0, width, nd_buf_str(&b), A_BOLD);
	nd_buf_reset(&b);
	if (p->caption[0])
		nd_buf_printf(&b, _("caption: %s"), p->caption);
	else
		nd_buf_adds(&b, _("(no caption: C writes one)"));
	tui_draw_row(y + height - 1, 0, width, nd_buf_str(&b), A_NORMAL);
	nd_buf_free(&b);
	int area = height - 2;
	for (int r = 0; r < area; r++)
		tui_draw_row(y + 1 + r, 0, width, "", A_NORMAL);
	if (v->mode == TUI_GFX_NONE) {
		char msg[320];
		const char *term = getenv("TERM");
		snprintf(msg, sizeof msg,
			 _("this terminal (TERM=%1$s) can draw no picture: no preview. "
			   "newsdesk photo get %2$lld %3$d > FILE writes it out to view elsewhere"),
			 term ? term : "", (long long)v->id, p->n);
		tui_draw_row(y + 1, 1, width - 1, msg, A_NORMAL);
		return;
	}
	if (area < 2 || width < 4)
		return;
	if (v->rcur != v->cur || v->aw != width || v->ah != area)
		render(t, v, width, area);
	if (v->error[0]) {
		tui_draw_row(y + 1, 1, width - 1, v->error, A_BOLD);
		return;
	}
	int x0 = (width - v->canvas.w) / 2;
	if (v->canvas.seq)
		draw_graphics(v, y + 1, x0);
	else
		draw_cells(v, y + 1, x0);
}

static void edit_caption(struct tui *t, struct photoview *v)
{
	const struct nd_photo *p = &v->list[v->cur];
	char q[64];
	snprintf(q, sizeof q, _("Caption of photo %d: "), p->n);
	char *text = tui_prompt(t, q, p->caption, NULL);
	if (!text)
		return;
	struct nd_error err = { 0 };
	if (nd_photo_caption(t->st, t->actor, v->id, p->n, text, &err) < 0)
		tui_message(t, true, "%s", err.msg);
	else
		tui_message(t, false, _("photo %1$d of #%2$lld: caption saved"), p->n,
			    (long long)v->id);
	free(text);
	int keep = v->cur;
	load(t, v);
	v->cur = keep < (int)v->n ? keep : 0;
	/* the item pane lists captions: every pane refreshes after the key */
}

static enum tui_req photo_request(struct tui *t, void *data, enum tui_req req, long count,
				  int height)
{
	struct photoview *v = data;
	(void)height;
	/* n and N step as j and k do; one photo is a page */
	enum tui_req move = req == REQ_NEXT ? REQ_DOWN : req == REQ_PREV ? REQ_UP : req;
	struct tui_nav n = { v->cur, v->cur, (int64_t)v->n, false };
	if (tui_nav_request(&n, move, count, 1)) {
		v->cur = (int)n.sel;
		return REQ_NONE;
	}
	switch (req) {
	case REQ_CAPTION:
		edit_caption(t, v);
		return REQ_NONE;
	default:
		return req;
	}
}

static void photo_close(struct tui *t, void *data)
{
	struct photoview *v = data;
	(void)t;
	if (v->mode == TUI_GFX_KITTY) {
		fputs("\033_Ga=d\033\\", stdout);
		fflush(stdout);
	}
	if (v->mode == TUI_GFX_SIXEL || v->mode == TUI_GFX_KITTY)
		clearok(curscr, TRUE); /* the picture is not curses's: paint over it */
	forget(v);
	nd_photos_free(v->list, v->n);
	free(v);
}

static bool photo_open(struct tui *t, void *data)
{
	return load(t, data);
}

/* The store changed (a caption saved elsewhere): read again, on the
 * same photo where it still is. */
static void photo_refresh(struct tui *t, void *data)
{
	struct photoview *v = data;
	int keep = v->cur;
	if (load(t, v))
		v->cur = keep < (int)v->n ? keep : 0;
}

/* The item whose photos these are: a `:verb` acts on it. */
static int64_t photo_about(const struct tui *t, const void *data, const struct nd_item **row)
{
	(void)t;
	if (row)
		*row = NULL;
	return ((const struct photoview *)data)->id;
}

const struct pane_ops tui_photo_pane = {
	.about = photo_about,
	.open = photo_open,
	.draw = photo_draw,
	.request = photo_request,
	.free = photo_close,
	.refresh = photo_refresh,
};

bool tui_photos_open(struct tui *t, int64_t id)
{
	if (!id) {
		tui_message(t, true, "%s", _("no item selected"));
		return false;
	}
	struct photoview *v = calloc(1, sizeof *v);
	if (!v)
		return false;
	v->id = id;
	v->rcur = -1;
	const char *tmux = getenv("TMUX"), *sty = getenv("STY");
	struct tui_photo_env e = {
		.override = getenv("NEWSDESK_PREVIEW"),
		.term = getenv("TERM"),
		.term_program = getenv("TERM_PROGRAM"),
		.kitty = getenv("KITTY_WINDOW_ID") != NULL,
		.multiplexer = (tmux && tmux[0]) || (sty && sty[0]),
		.utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0,
	};
	v->mode = tui_photo_mode(&e);
	return tui_pane_push(t, &tui_photo_pane, v);
}
