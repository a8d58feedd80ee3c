/* tui_photo.h — the desk's photo preview (photoview.c): which way the
 * terminal can draw a picture, judged from its environment, and the pane. */
#ifndef NEWSDESK_TUI_PHOTO_H
#define NEWSDESK_TUI_PHOTO_H

#include <stdbool.h>
#include <stdint.h>

enum tui_gfx { TUI_GFX_NONE, TUI_GFX_SYMBOLS, TUI_GFX_SIXEL, TUI_GFX_KITTY };

/* What the decision reads (the process environment, in the desk). */
struct tui_photo_env {
	const char *override; /* NEWSDESK_PREVIEW: none, symbols, sixel, kitty */
	const char *term; /* TERM */
	const char *term_program; /* TERM_PROGRAM */
	bool kitty; /* KITTY_WINDOW_ID is set */
	bool multiplexer; /* inside tmux or screen (TMUX, STY) */
	bool utf8; /* the locale's character set is UTF-8 */
};

/* Graphics only where the terminal is known to draw them; block symbols
 * where it can show UTF-8; none on the console, vt*, dumb, or without
 * UTF-8. */
enum tui_gfx tui_photo_mode(const struct tui_photo_env *env);
const char *tui_photo_mode_name(enum tui_gfx mode);

struct tui;
/* Opens the photo pane on item id's photos (a message when it has none). */
bool tui_photos_open(struct tui *t, int64_t id);

#endif
