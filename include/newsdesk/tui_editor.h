/* tui_editor.h — the built-in editor pane over one item. */
#ifndef NEWSDESK_TUI_EDITOR_H
#define NEWSDESK_TUI_EDITOR_H

#include "newsdesk/doc.h"
#include "newsdesk/tui_app.h"
#include "newsdesk/wrap.h"

#include <stdint.h>
#include <time.h>

/* One laid-out row of the editor. */
struct ed_line {
	int field; /* ND_F_…, or -1 for a divider */
	size_t start, end; /* byte range in the field's text */
	size_t next; /* where the next row of the same paragraph starts */
	bool para_end; /* the last row of its paragraph */
	int width;
};

/* Wrapped rows of one paragraph, kept while its text is unchanged. */
struct ed_para {
	uint64_t hash;
	size_t len;
	struct nd_wrap_line *lines;
	long n;
	long chars; /* 字数 of the paragraph */
};

struct tui_editor {
	int64_t id;
	int base_rev;
	bool conflict_pending; /* a newer revision exists; the user was told */
	struct nd_doc doc;
	struct ed_line *lines;
	size_t nlines, cap_lines;
	struct ed_para *paras; /* the body's paragraphs, by index */
	size_t nparas, cap_paras;
	int layout_width;
	long body_chars, field_chars;
	int top;
	int goal_col;
	bool have_goal;
	time_t last_renew;
	char search[256];
	bool lines_prev_para_end; /* while drawing: the row above ended a paragraph */
};

/* Opens the editor on item id (takes the lock); a refusal is a message. */
bool tui_editor_open(struct tui *t, int64_t id);
/* Draws the editor in rows [y, y+height). */
void tui_editor_draw(struct tui *t, int y, int height, int width);
/* Handles one key; returns false when the editor closed. */
bool tui_editor_key(struct tui *t, int kind, wint_t ch, int height);
void tui_editor_close(struct tui *t);
/* The editor's keys, for the help screen. */
struct ed_key_help {
	const char *label, *help;
};
extern const struct ed_key_help tui_editor_help[];
extern const size_t tui_editor_help_count;

#endif
