/* item.c — the item pane: a preview of the selected item (kicker,
 * headline, subhead, dateline, the body wrapped to the pane by the Chinese
 * line-breaking rules, byline, notes). Lines are laid out once per item and
 * width, then only the visible ones are drawn. */
#include "newsdesk/buf.h"
#include "newsdesk/count.h"
#include "newsdesk/sanitize.h"
#include "newsdesk/tui_app.h"
#include "newsdesk/wrap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void tui_item_clear(struct tui *t)
{
	for (size_t i = 0; i < t->nlines; i++)
		free(t->lines[i].text);
	free(t->lines);
	t->lines = NULL;
	t->nlines = 0;
}

void tui_item_invalidate(struct tui *t)
{
	tui_item_clear(t);
	t->preview_id = 0;
	t->lines_width = 0;
}

static void add_line(struct tui *t, const char *text, size_t n, int attr)
{
	struct tui_line *nl = realloc(t->lines, (t->nlines + 1) * sizeof *nl);
	if (!nl)
		return;
	t->lines = nl;
	struct nd_buf b = ND_BUF_INIT;
	nd_sanitize(&b, text, n, 0);
	t->lines[t->nlines].text = nd_buf_take(&b);
	t->lines[t->nlines].attr = attr;
	t->nlines++;
}

/* Wraps text (paragraphs separated by '\n') into lines of width. */
static void add_wrapped(struct tui *t, const char *text, int width, int attr, const char *indent)
{
	int indent_w = (int)strlen(indent);
	for (const char *p = text; p && *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		struct nd_wrap_line *lines;
		long n = nd_wrap(p, len, width - indent_w > 1 ? width - indent_w : 1, &lines);
		for (long i = 0; i < n; i++) {
			struct nd_buf b = ND_BUF_INIT;
			nd_buf_adds(&b, indent);
			nd_buf_add(&b, p + lines[i].start, lines[i].end - lines[i].start);
			add_line(t, nd_buf_str(&b), b.len, attr);
			nd_buf_free(&b);
		}
		if (n > 0)
			free(lines);
		p += len + (nl ? 1 : 0);
	}
}

static void build(struct tui *t, int width)
{
	struct nd_item it;
	struct nd_error err = { 0 };
	tui_item_clear(t);
	t->preview_id = t->sel_id;
	t->lines_width = width;
	t->scroll = 0;
	if (!t->sel_id)
		return;
	if (nd_item_get(t->st, t->actor, t->sel_id, 0, t->zh, &it, &err) < 0) {
		add_line(t, err.msg, strlen(err.msg), A_BOLD);
		return;
	}
	if (it.story.kicker)
		add_wrapped(t, it.story.kicker, width, A_DIM, "");
	add_wrapped(t, it.story.headline, width, A_BOLD, "");
	if (it.story.subhead)
		add_wrapped(t, it.story.subhead, width, A_NORMAL, "");
	add_line(t, "", 0, A_NORMAL);
	struct nd_buf b = ND_BUF_INIT;
	if (it.story.dateline && it.story.dateline[0]) {
		/* The dateline leads the first paragraph, as printed. */
		nd_buf_printf(&b, "%s %s", it.story.dateline, it.story.body);
		add_wrapped(t, nd_buf_str(&b), width, A_NORMAL, "");
	} else {
		add_wrapped(t, it.story.body, width, A_NORMAL, "");
	}
	if (it.story.byline && it.story.byline[0]) {
		add_line(t, "", 0, A_NORMAL);
		add_wrapped(t, it.story.byline, width, A_DIM, "");
	}

	struct nd_note *notes;
	size_t nn;
	if (nd_notes_list(t->st, t->actor, t->sel_id, &notes, &nn, &err) == 0) {
		if (nn) {
			add_line(t, "", 0, A_NORMAL);
			add_line(t, _("── Notes ──"), strlen(_("── Notes ──")), A_BOLD);
		}
		for (size_t i = 0; i < nn; i++) {
			char when[32];
			time_t at = (time_t)notes[i].at;
			struct tm tm;
			if (!localtime_r(&at, &tm) ||
			    !strftime(when, sizeof when, "%m-%d %H:%M", &tm))
				snprintf(when, sizeof when, "-");
			nd_buf_reset(&b);
			nd_buf_printf(&b, "%s %s: %s", when,
				      notes[i].author_name ? notes[i].author_name : notes[i].author,
				      notes[i].body);
			add_wrapped(t, nd_buf_str(&b), width, A_NORMAL, "");
		}
		nd_notes_free(notes, nn);
	}
	nd_buf_free(&b);
	nd_item_free(&it);
}

static void item_draw(struct tui *t, int y, int height, int width)
{
	int text_width = width - 1 - ND_WRAP_HANG; /* room for hanging punctuation */
	if (t->preview_id != t->sel_id || t->lines_width != text_width)
		build(t, text_width);
	if (t->scroll > (int)t->nlines - 1)
		t->scroll = t->nlines ? (int)t->nlines - 1 : 0;
	for (int i = 0; i < height; i++) {
		size_t l = (size_t)(t->scroll + i);
		if (l < t->nlines) {
			tui_draw_row(y + i, 0, 1, "", A_NORMAL);
			tui_draw_row(y + i, 1, width - 1, t->lines[l].text, t->lines[l].attr);
		} else {
			tui_draw_row(y + i, 0, width,
				     i == 0 && !t->sel_id ? _("(nothing selected)") : "", A_NORMAL);
		}
	}
}

static bool item_act(struct tui *t, enum tui_action action, int height)
{
	int max = (int)t->nlines - height;
	if (max < 0)
		max = 0;
	switch (action) {
	case ACT_DOWN:
		t->scroll = t->scroll < max ? t->scroll + 1 : max;
		return true;
	case ACT_UP:
		t->scroll = t->scroll > 0 ? t->scroll - 1 : 0;
		return true;
	case ACT_PAGE_DOWN:
		t->scroll = t->scroll + height - 1 < max ? t->scroll + height - 1 : max;
		return true;
	case ACT_PAGE_UP:
		t->scroll = t->scroll - (height - 1) > 0 ? t->scroll - (height - 1) : 0;
		return true;
	case ACT_TOP:
		t->scroll = 0;
		return true;
	case ACT_BOTTOM:
		t->scroll = max;
		return true;
	default:
		return false;
	}
}

const struct pane_ops tui_item_pane = { "item", item_draw, item_act };
