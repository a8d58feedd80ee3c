/* curses_width.c — ncursesw counts with newsdesk's width. ncursesw asks
 * the C library's wcwidth where each character it draws ends and where the
 * terminal's cursor is then. This definition in the program takes its place
 * (the dynamic linker binds ncursesw's call to the executable's symbol
 * first), so the curses screen model, the desk's layout and the 'ambiwidth'
 * setting are one width function (nd_wcwidth, src/text/width.c): with 2,
 * ncurses itself moves on two cells after “ and cannot drift from the
 * layout. Built into every program linked with newsdesk (meson.build's
 * newsdesk_dep), not into a library, so no link order can leave it out. */
#include "newsdesk/width.h"

#include <wchar.h>

int wcwidth(wchar_t wc)
{
	return wc < 0 ? -1 : nd_wcwidth((unsigned)wc);
}
