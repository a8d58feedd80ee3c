/* prompt.c — a one-line input on the bottom row: wide characters from an
 * IME or a paste go in whole (get_wch), Backspace removes one character,
 * Enter accepts, Esc or Ctrl-G cancels. */
#include "newsdesk/buf.h"
#include "newsdesk/tui_app.h"
#include "newsdesk/utf8.h"
#include "newsdesk/width.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define PROMPT_MAX 1024

static char *to_utf8(const unsigned *cps, size_t n)
{
	struct nd_buf b = ND_BUF_INIT;
	for (size_t i = 0; i < n; i++)
		nd_buf_add_cp(&b, cps[i]);
	return nd_buf_take(&b);
}

static void show(const char *question, const unsigned *cps, size_t n)
{
	/* Show the tail of the input when it is wider than the row. */
	size_t first = 0;
	int qw = nd_text_width(question);
	for (;;) {
		char *text = to_utf8(cps + first, n - first);
		int w = nd_text_width(text);
		if (qw + w < COLS - 1 || first >= n) {
			struct nd_buf row = ND_BUF_INIT;
			nd_buf_adds(&row, question);
			nd_buf_adds(&row, text);
			tui_draw_row(LINES - 1, 0, COLS, nd_buf_str(&row), A_NORMAL);
			move(LINES - 1, qw + w < COLS - 1 ? qw + w : COLS - 2);
			nd_buf_free(&row);
			free(text);
			break;
		}
		free(text);
		first++;
	}
	refresh();
}

char *tui_prompt(const char *question, const char *initial)
{
	unsigned *cps = calloc(PROMPT_MAX, sizeof *cps);
	size_t n = 0;
	if (!cps)
		return NULL;
	for (size_t i = 0, len = initial ? strlen(initial) : 0; i < len && n < PROMPT_MAX;) {
		int l = nd_utf8_decode(initial + i, len - i, &cps[n]);
		i += l > 0 ? (size_t)l : 1;
		n++;
	}
	curs_set(1);
	timeout(-1);
	char *result = NULL;
	for (;;) {
		show(question, cps, n);
		wint_t ch;
		int kind = get_wch(&ch);
		if (kind == ERR && tui_hangup(kind))
			break; /* cancelled: the loop ends the desk */
		if (kind == ERR)
			continue;
		if (kind == KEY_CODE_YES) {
			if (ch == KEY_BACKSPACE && n > 0)
				n--;
			else if (ch == KEY_ENTER) {
				result = to_utf8(cps, n);
				break;
			}
			continue;
		}
		if (ch == 27 || ch == 7) /* Esc, Ctrl-G */
			break;
		if (ch == '\n' || ch == '\r') {
			result = to_utf8(cps, n);
			break;
		}
		if (ch == 127 || ch == 8) {
			if (n > 0)
				n--;
		} else if (ch == 21) { /* Ctrl-U: clear */
			n = 0;
		} else if (ch >= 0x20 && n < PROMPT_MAX) {
			cps[n++] = (unsigned)ch;
		}
	}
	curs_set(0);
	timeout(500);
	free(cps);
	return result;
}

bool tui_confirm(const char *question)
{
	curs_set(1);
	timeout(-1);
	tui_draw_row(LINES - 1, 0, COLS, question, A_BOLD);
	move(LINES - 1, nd_text_width(question) < COLS - 1 ? nd_text_width(question) : COLS - 2);
	refresh();
	wint_t ch;
	int kind;
	do
		kind = get_wch(&ch);
	while (kind == ERR && !tui_hangup(kind));
	curs_set(0);
	timeout(500);
	return kind == OK && (ch == 'y' || ch == 'Y');
}

int tui_choice(const char *question, const char *choices)
{
	curs_set(1);
	timeout(-1);
	tui_draw_row(LINES - 1, 0, COLS, question, A_BOLD);
	int qw = nd_text_width(question);
	move(LINES - 1, qw < COLS - 1 ? qw : COLS - 2);
	refresh();
	int answer = 0;
	for (;;) {
		wint_t ch;
		int kind = get_wch(&ch);
		if (kind == ERR && tui_hangup(kind))
			break;
		if (kind == ERR || kind == KEY_CODE_YES)
			continue;
		if (ch == 27 || ch == 7)
			break;
		if (ch < 0x80 && strchr(choices, (int)(ch | 0x20))) {
			answer = (int)(ch | 0x20);
			break;
		}
	}
	curs_set(0);
	timeout(500);
	return answer;
}
