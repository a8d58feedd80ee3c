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

static void show(const char *question, const unsigned *cps, size_t n, bool selected)
{
	/* Show the tail of the input when it is wider than the row. */
	size_t first = 0;
	int qw = nd_text_width(question);
	for (;;) {
		char *text = to_utf8(cps + first, n - first);
		int w = nd_text_width(text);
		if (qw + w < COLS - 1 || first >= n) {
			tui_draw_row(LINES - 1, 0, COLS, question, A_NORMAL);
			/* pre-filled text is shown selected: typing replaces it */
			tui_draw_row(LINES - 1, qw < COLS ? qw : COLS - 1,
				     COLS - qw > 1 ? COLS - qw : 1, text,
				     selected && n ? A_REVERSE : A_NORMAL);
			move(LINES - 1, qw + w < COLS - 1 ? qw + w : COLS - 2);
			free(text);
			break;
		}
		free(text);
		first++;
	}
	refresh();
}

/* The question alone on the bottom row, the cursor after it. */
static void ask(const char *question)
{
	tui_draw_row(LINES - 1, 0, COLS, question, A_BOLD);
	int qw = nd_text_width(question);
	move(LINES - 1, qw < COLS - 1 ? qw : COLS - 2);
	refresh();
}

/* The next key for a prompt or a question. A resize draws the desk again
 * (then the caller shows its question again: true in *resized); while
 * the window is too small to show the question, no key answers it unseen:
 * each rings the bell and waits. ERR when the terminal went away. */
static int read_key(wint_t *ch, bool *resized)
{
	*resized = false;
	for (;;) {
		int kind = get_wch(ch);
		if (kind == ERR && tui_hangup(kind))
			return ERR;
		if (kind == ERR)
			continue;
		if (kind == KEY_CODE_YES && *ch == KEY_RESIZE) {
			tui_frame_redraw();
			curs_set(1);
			if (!tui_too_small()) {
				*resized = true;
				return kind;
			}
			continue;
		}
		if (tui_too_small()) {
			beep();
			continue;
		}
		return kind;
	}
}

static size_t set_text(unsigned *cps, const char *text)
{
	size_t n = 0;
	for (size_t i = 0, len = text ? strlen(text) : 0; i < len && n < PROMPT_MAX;) {
		int l = nd_utf8_decode(text + i, len - i, &cps[n]);
		i += l > 0 ? (size_t)l : 1;
		n++;
	}
	return n;
}

static void remember(struct tui *t, const char *text)
{
	if (!t || !text[0])
		return;
	if (t->nsearches && strcmp(t->searches[t->nsearches - 1], text) == 0)
		return;
	if (t->nsearches == TUI_MESSAGES) {
		free(t->searches[0]);
		memmove(t->searches, t->searches + 1, (TUI_MESSAGES - 1) * sizeof *t->searches);
		t->nsearches--;
	}
	char *copy = strdup(text);
	if (copy)
		t->searches[t->nsearches++] = copy;
}

/* ↑/↓: step through the history; past the newest, what was being typed. */
static size_t recall(struct tui *t, unsigned *cps, size_t n, size_t *at, int dir, char **typed)
{
	if (!t || !t->nsearches)
		return n;
	if (*at == t->nsearches && dir < 0) {
		free(*typed);
		*typed = to_utf8(cps, n);
	}
	if (dir < 0 && *at > 0)
		(*at)--;
	else if (dir > 0 && *at < t->nsearches)
		(*at)++;
	else
		return n;
	return set_text(cps, *at < t->nsearches ? t->searches[*at] : *typed);
}

char *tui_prompt(struct tui *t, const char *question, const char *initial,
		 char *(*complete)(struct tui *t, const char *text))
{
	unsigned *cps = calloc(PROMPT_MAX, sizeof *cps);
	if (!cps)
		return NULL;
	size_t n = set_text(cps, initial), at = t ? t->nsearches : 0;
	bool selected = n > 0;
	char *typed = NULL, *result = NULL;
	curs_set(1);
	timeout(-1);
	for (;;) {
		show(question, cps, n, selected);
		wint_t ch;
		bool resized;
		int kind = read_key(&ch, &resized);
		if (kind == ERR)
			break; /* cancelled: the loop ends the desk */
		if (resized)
			continue;
		bool was_selected = selected;
		selected = false;
		if (kind == KEY_CODE_YES) {
			if ((ch == KEY_BACKSPACE || ch == KEY_DC) && was_selected)
				n = 0; /* the pre-filled text, selected, goes whole */
			else if (ch == KEY_BACKSPACE && n > 0)
				n--;
			else if (ch == KEY_UP || ch == KEY_DOWN)
				n = recall(t, cps, n, &at, ch == KEY_UP ? -1 : 1, &typed);
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
		if (ch == '\t' && complete) {
			char *text = to_utf8(cps, n);
			char *done = text ? complete(t, text) : NULL;
			if (done)
				n = set_text(cps, done);
			free(done);
			free(text);
		} else if (ch == 127 || ch == 8) {
			if (was_selected)
				n = 0; /* the pre-filled text, selected, goes whole */
			else if (n > 0)
				n--;
		} else if (ch == 21) { /* Ctrl-U: clear */
			n = 0;
		} else if (ch >= 0x20 && n < PROMPT_MAX) {
			if (was_selected)
				n = 0; /* typing replaces the pre-filled text */
			cps[n++] = (unsigned)ch;
		}
	}
	curs_set(0);
	timeout(500);
	free(cps);
	free(typed);
	if (result)
		remember(t, result);
	return result;
}

bool tui_confirm(const char *question)
{
	curs_set(1);
	timeout(-1);
	ask(question);
	wint_t ch;
	int kind;
	bool resized;
	while ((kind = read_key(&ch, &resized)) != ERR && resized)
		ask(question);
	curs_set(0);
	timeout(500);
	return kind == OK && (ch == 'y' || ch == 'Y');
}

int tui_choice(const char *question, const char *choices)
{
	curs_set(1);
	timeout(-1);
	ask(question);
	int answer = 0;
	for (;;) {
		wint_t ch;
		bool resized;
		int kind = read_key(&ch, &resized);
		if (kind == ERR)
			break;
		if (resized)
			ask(question);
		if (kind == KEY_CODE_YES)
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
