/* editor.c — the built-in editor: lays the document out into rows (only
 * changed paragraphs are re-wrapped, by a per-paragraph cache), draws the
 * visible rows, maps keys through its own table, and saves through the
 * workflow module's save path under the edit lock. */
#include "newsdesk/cleanup.h"
#include "newsdesk/count.h"
#include "newsdesk/drafts.h"
#include "newsdesk/edit.h"
#include "newsdesk/grapheme.h"
#include "newsdesk/sanitize.h"
#include "newsdesk/tui_editor.h"
#include "newsdesk/utf8.h"
#include "newsdesk/width.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define LABEL_W 8 /* the field labels column */
#define RENEW_EVERY 300 /* seconds between lock renewals while typing */
#define AUTOSAVE_IDLE_MS 2000 /* a draft this long after the last key */
#define AUTOSAVE_MAX_MS 15000 /* and at least this often while typing */

enum ed_action {
	ED_NONE,
	ED_LEFT,
	ED_RIGHT,
	ED_UP,
	ED_DOWN,
	ED_HOME,
	ED_END,
	ED_PAGE_UP,
	ED_PAGE_DOWN,
	ED_WORD_LEFT,
	ED_WORD_RIGHT,
	ED_PARA_UP,
	ED_PARA_DOWN,
	ED_DOC_TOP,
	ED_DOC_BOTTOM,
	ED_BACKSPACE,
	ED_DELETE,
	ED_NEWLINE,
	ED_NEXT_FIELD,
	ED_PREV_FIELD,
	ED_UNDO,
	ED_REDO,
	ED_MARK,
	ED_CUT,
	ED_COPY,
	ED_PASTE,
	ED_FIND,
	ED_SAVE,
	ED_CLEANUP,
	ED_LEAVE,
};

#define CTRL(c) ((c)&0x1F)
#define ED(t) ((struct tui_editor *)tui_pane_find((t), &tui_editor_pane))

/* Keys by code; extended keys (Ctrl-arrows) by their terminfo name. */
static const struct ed_key {
	int key;
	bool function;
	const char *name;
	enum ed_action action;
} ed_keys[] = {
	{ KEY_LEFT, true, NULL, ED_LEFT },
	{ KEY_RIGHT, true, NULL, ED_RIGHT },
	{ KEY_UP, true, NULL, ED_UP },
	{ KEY_DOWN, true, NULL, ED_DOWN },
	{ KEY_HOME, true, NULL, ED_HOME },
	{ CTRL('A'), false, NULL, ED_HOME },
	{ KEY_END, true, NULL, ED_END },
	{ CTRL('E'), false, NULL, ED_END },
	{ KEY_PPAGE, true, NULL, ED_PAGE_UP },
	{ KEY_NPAGE, true, NULL, ED_PAGE_DOWN },
	{ 0, true, "kLFT5", ED_WORD_LEFT },
	{ 0, true, "kRIT5", ED_WORD_RIGHT },
	{ 0, true, "kUP5", ED_PARA_UP },
	{ 0, true, "kDN5", ED_PARA_DOWN },
	{ 0, true, "kHOM5", ED_DOC_TOP },
	{ 0, true, "kEND5", ED_DOC_BOTTOM },
	{ TUI_KEY_CLEFT, true, NULL, ED_WORD_LEFT },
	{ TUI_KEY_CRIGHT, true, NULL, ED_WORD_RIGHT },
	{ TUI_KEY_CUP, true, NULL, ED_PARA_UP },
	{ TUI_KEY_CDOWN, true, NULL, ED_PARA_DOWN },
	{ TUI_KEY_CHOME, true, NULL, ED_DOC_TOP },
	{ TUI_KEY_CEND, true, NULL, ED_DOC_BOTTOM },
	{ KEY_BACKSPACE, true, NULL, ED_BACKSPACE },
	{ 127, false, NULL, ED_BACKSPACE },
	{ CTRL('H'), false, NULL, ED_BACKSPACE },
	{ KEY_DC, true, NULL, ED_DELETE },
	{ CTRL('D'), false, NULL, ED_DELETE },
	{ '\n', false, NULL, ED_NEWLINE },
	{ '\r', false, NULL, ED_NEWLINE },
	{ KEY_ENTER, true, NULL, ED_NEWLINE },
	{ '\t', false, NULL, ED_NEXT_FIELD },
	{ KEY_BTAB, true, NULL, ED_PREV_FIELD },
	{ CTRL('Z'), false, NULL, ED_UNDO },
	{ CTRL('R'), false, NULL, ED_REDO },
	{ CTRL('Y'), false, NULL, ED_REDO },
	{ 0, false, NULL, ED_MARK }, /* Ctrl-Space */
	{ CTRL('X'), false, NULL, ED_CUT },
	{ CTRL('C'), false, NULL, ED_COPY },
	{ CTRL('V'), false, NULL, ED_PASTE },
	{ CTRL('F'), false, NULL, ED_FIND },
	{ CTRL('S'), false, NULL, ED_SAVE },
	{ CTRL('K'), false, NULL, ED_CLEANUP },
	{ CTRL('Q'), false, NULL, ED_LEAVE },
};

const struct ed_key_help tui_editor_help[] = {
	{ "← → ↑ ↓", N_("move by character (grapheme) and row") },
	{ "Home End ^A ^E", N_("start or end of the row") },
	{ "PgUp PgDn", N_("a page up or down") },
	{ "^← ^→ Alt-b Alt-f", N_("a word left or right") },
	{ "^↑ ^↓", N_("a paragraph up or down") },
	{ "Tab Shift-Tab", N_("next or previous field") },
	{ "Enter", N_("split the paragraph (next field in one-line fields)") },
	{ "^Z  ^R ^Y", N_("undo, redo (a typed run is one step)") },
	{ "^Space", N_("start or end a selection") },
	{ "^X ^C ^V", N_("cut, copy, paste (the paragraph when nothing is selected)") },
	{ "^F", N_("find in the item") },
	{ "^K", N_("clean up: each rule its own undo step") },
	{ "^S", N_("save as a new revision") },
	{ "Esc ^Q", N_("leave (asks when there are unsaved changes)") },
};
const size_t tui_editor_help_count = sizeof tui_editor_help / sizeof *tui_editor_help;

static const char *const field_labels[ND_F_COUNT] = { N_("Kicker"), N_("Head"),   N_("Subhd"),
						      N_("Date"),   N_("Byline"), N_("Body") };

/* ---- layout ------------------------------------------------------------- */

static uint64_t fnv(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

static struct ed_line *new_line(struct tui_editor *ed)
{
	if (ed->nlines == ed->cap_lines) {
		size_t cap = ed->cap_lines ? ed->cap_lines * 2 : 256;
		struct ed_line *nl = realloc(ed->lines, cap * sizeof *nl);
		if (!nl)
			return NULL;
		ed->lines = nl;
		ed->cap_lines = cap;
	}
	struct ed_line *l = &ed->lines[ed->nlines++];
	memset(l, 0, sizeof *l);
	return l;
}

static void add_wrapped(struct tui_editor *ed, int field, size_t base, size_t para_len,
			const struct nd_wrap_line *w, long n)
{
	for (long i = 0; i < n; i++) {
		struct ed_line *l = new_line(ed);
		if (!l)
			return;
		l->field = field;
		l->start = base + w[i].start;
		l->end = base + w[i].end;
		l->para_end = i == n - 1;
		l->next = l->para_end ? base + para_len : base + w[i + 1].start;
		l->width = w[i].width;
	}
}

static void para_free(struct ed_para *p)
{
	if (p->n > 0)
		free(p->lines);
	memset(p, 0, sizeof *p);
}

static void layout(struct tui_editor *ed, int width)
{
	if (width != ed->layout_width) {
		for (size_t i = 0; i < ed->nparas; i++)
			para_free(&ed->paras[i]);
		ed->nparas = 0;
	}
	ed->layout_width = width;
	ed->nlines = 0;
	int field_w = width - LABEL_W - ND_WRAP_HANG;
	int body_w = width - 1 - ND_WRAP_HANG;
	ed->field_chars = 0;
	for (int f = 0; f < ND_F_BODY; f++) {
		const char *s = nd_doc_text(&ed->doc, f);
		size_t n = nd_doc_len(&ed->doc, f);
		struct nd_wrap_line *w;
		long count = nd_wrap(s, n, field_w > 1 ? field_w : 1, &w);
		add_wrapped(ed, f, 0, n, w, count);
		if (count > 0)
			free(w);
		ed->field_chars += nd_count_chars(s);
	}
	struct ed_line *div = new_line(ed);
	if (div)
		div->field = -1;

	const char *body = nd_doc_text(&ed->doc, ND_F_BODY);
	size_t blen = nd_doc_len(&ed->doc, ND_F_BODY), start = 0, p = 0;
	ed->body_chars = 0;
	for (;;) {
		const char *nl = memchr(body + start, '\n', blen - start);
		size_t len = nl ? (size_t)(nl - (body + start)) : blen - start;
		uint64_t h = fnv(body + start, len);
		if (p == ed->nparas) {
			if (ed->nparas == ed->cap_paras) {
				size_t cap = ed->cap_paras ? ed->cap_paras * 2 : 64;
				struct ed_para *np = realloc(ed->paras, cap * sizeof *np);
				if (!np)
					return;
				ed->paras = np;
				ed->cap_paras = cap;
			}
			memset(&ed->paras[ed->nparas++], 0, sizeof *ed->paras);
			ed->paras[p].hash = h + 1; /* force a wrap */
		}
		struct ed_para *para = &ed->paras[p];
		if (para->hash != h || para->len != len || para->n <= 0) {
			/* Only a paragraph whose text changed is wrapped and counted again. */
			para_free(para);
			para->n = nd_wrap(body + start, len, body_w > 1 ? body_w : 1, &para->lines);
			char *copy = strndup(body + start, len);
			para->chars = copy ? nd_count_chars(copy) : 0;
			free(copy);
			para->hash = h;
			para->len = len;
		}
		add_wrapped(ed, ND_F_BODY, start, len, para->lines, para->n);
		ed->body_chars += para->chars;
		p++;
		if (!nl)
			break;
		start += len + 1;
	}
	for (size_t i = p; i < ed->nparas; i++)
		para_free(&ed->paras[i]);
	ed->nparas = p;
	ed->field_chars += ed->body_chars;
}

/* ---- cursor ------------------------------------------------------------- */

static size_t cursor_row(const struct tui_editor *ed)
{
	const struct nd_doc *d = &ed->doc;
	/* after ^E the cursor sits at the end of its row, which is the same
	 * offset as the start of the next: it stays on the row it was on */
	if (ed->at_row_end && ed->end_row < ed->nlines &&
	    ed->lines[ed->end_row].field == d->field && ed->lines[ed->end_row].next == d->cur)
		return ed->end_row;
	for (size_t i = 0; i < ed->nlines; i++) {
		const struct ed_line *l = &ed->lines[i];
		if (l->field != d->field || d->cur < l->start)
			continue;
		if (d->cur < l->next || (l->para_end && d->cur <= l->next))
			return i;
	}
	return 0;
}

static int span_width(const char *s, size_t from, size_t to)
{
	int w = 0;
	for (size_t i = from; i < to;) {
		unsigned cp;
		int len = nd_utf8_decode(s + i, to - i, &cp);
		i += len > 0 ? (size_t)len : 1;
		unsigned repl = nd_sanitize_cp(cp, 0);
		w += nd_cp_width(repl ? repl : cp);
	}
	return w;
}

static int line_x(const struct ed_line *l)
{
	return l->field == ND_F_BODY ? 1 : LABEL_W;
}

static int cursor_col(const struct tui_editor *ed, size_t row)
{
	const struct ed_line *l = &ed->lines[row];
	const char *s = nd_doc_text(&ed->doc, l->field);
	size_t cur = ed->doc.cur;
	int col = span_width(s, l->start, cur < l->end ? cur : l->end);
	if (cur > l->end)
		col += span_width(s, l->end, cur); /* in the hanging spaces */
	return col;
}

/* The offset in row whose column is the last not past col. */
static size_t offset_at(const struct tui_editor *ed, const struct ed_line *l, int col)
{
	const char *s = nd_doc_text(&ed->doc, l->field);
	size_t n = nd_doc_len(&ed->doc, l->field), off = l->start;
	int w = 0;
	while (off < l->end) {
		size_t next = nd_grapheme_next(s, n, off);
		int cw = span_width(s, off, next);
		if (w + cw > col)
			break;
		w += cw;
		off = next;
	}
	return off;
}

static void vertical(struct tui_editor *ed, int rows)
{
	size_t row = cursor_row(ed);
	if (!ed->have_goal) {
		ed->goal_col = cursor_col(ed, row);
		ed->have_goal = true;
	}
	long target = (long)row;
	int step = rows < 0 ? -1 : 1;
	for (int k = 0; k != rows;) {
		long next = target + step;
		while (next >= 0 && next < (long)ed->nlines && ed->lines[next].field < 0)
			next += step;
		if (next < 0 || next >= (long)ed->nlines)
			break;
		target = next;
		k += step;
	}
	const struct ed_line *l = &ed->lines[target];
	int goal = ed->goal_col;
	bool keep = ed->have_goal;
	nd_doc_set_cursor(&ed->doc, l->field, offset_at(ed, l, goal));
	ed->have_goal = keep;
}

/* ---- drawing ------------------------------------------------------------ */

static void status(struct tui *t, int y, int width)
{
	struct tui_editor *ed = ED(t);
	char body[32], all[32];
	nd_format_count(ed->body_chars, body, sizeof body);
	nd_format_count(ed->field_chars, all, sizeof all);
	struct nd_buf b = ND_BUF_INIT;
	nd_buf_printf(&b, "── %s #%lld · %s · ", _("editing"), (long long)ed->id,
		      _(field_labels[ed->doc.field]));
	nd_buf_printf(&b, _("body %1$s chars · item %2$s chars"), body, all);
	nd_buf_printf(&b, _(" · rev %d"), ed->base_rev);
	if (nd_doc_dirty(&ed->doc))
		nd_buf_printf(&b, " · %s", _("unsaved"));
	if (ed->doc.mark_set)
		nd_buf_printf(&b, " · %s", _("selecting"));
	nd_buf_adds(&b, " ");
	tui_rule(&b, width);
	tui_draw_row(y, 0, width, nd_buf_str(&b), A_BOLD);
	nd_buf_free(&b);
}

static void draw_row(struct tui *t, const struct ed_line *l, int y, int width, bool first_of_field)
{
	struct tui_editor *ed = ED(t);
	struct nd_buf row = ND_BUF_INIT;
	if (l->field < 0) {
		nd_buf_printf(&row, "── %s ", _(field_labels[ND_F_BODY]));
		tui_rule(&row, width);
		tui_draw_row(y, 0, width, nd_buf_str(&row), A_DIM);
		nd_buf_free(&row);
		return;
	}
	const char *s = nd_doc_text(&ed->doc, l->field);
	int x = line_x(l);
	if (l->field != ND_F_BODY)
		tui_draw_text(&row, first_of_field ? _(field_labels[l->field]) : "", LABEL_W - 1,
			      true, false);
	else /* a paragraph's first row is marked in the margin */
		nd_buf_adds(&row, first_of_field || ed->lines_prev_para_end ? "\xC2\xB6" : " ");
	if (l->field != ND_F_BODY)
		nd_buf_addc(&row, ' ');
	struct nd_buf text = ND_BUF_INIT;
	nd_sanitize(&text, s + l->start, l->end - l->start, 0);
	nd_buf_add(&row, text.data ? text.data : "", text.len);
	nd_buf_free(&text);
	tui_draw_row(y, 0, width, nd_buf_str(&row), l->field == ND_F_HEADLINE ? A_BOLD : A_NORMAL);
	nd_buf_free(&row);

	size_t from, to;
	if (l->field == ed->doc.field && nd_doc_selection(&ed->doc, &from, &to)) {
		size_t a = from > l->start ? from : l->start, b = to < l->end ? to : l->end;
		if (a < b) {
			struct nd_buf sel = ND_BUF_INIT;
			nd_sanitize(&sel, s + a, b - a, 0);
			attrset(A_REVERSE);
			tui_put(y, x + span_width(s, l->start, a), nd_buf_str(&sel));
			attrset(A_NORMAL);
			nd_buf_free(&sel);
		}
	}
}

void tui_editor_draw(struct tui *t, int y, int height, int width)
{
	struct tui_editor *ed = ED(t);
	layout(ed, width);
	status(t, y, width);
	y++;
	height--;
	size_t row = cursor_row(ed);
	if ((int)row < ed->top)
		ed->top = (int)row;
	if ((int)row >= ed->top + height)
		ed->top = (int)row - height + 1;
	for (int i = 0; i < height; i++) {
		size_t r = (size_t)(ed->top + i);
		if (r >= ed->nlines) {
			tui_draw_row(y + i, 0, width, "", A_NORMAL);
			continue;
		}
		const struct ed_line *l = &ed->lines[r];
		bool first = r == 0 || ed->lines[r - 1].field != l->field;
		ed->lines_prev_para_end = r > 0 && ed->lines[r - 1].para_end;
		draw_row(t, l, y + i, width, first);
	}
	int cy = y + (int)row - ed->top, cx = line_x(&ed->lines[row]) + cursor_col(ed, row);
	move(cy, cx < width ? cx : width - 1);
	curs_set(1);
}

/* ---- actions -------------------------------------------------------------- */

static void renew(struct tui *t)
{
	struct tui_editor *ed = ED(t);
	struct nd_error err = { 0 };
	time_t now = time(NULL);
	if (now - ed->last_renew < RENEW_EVERY)
		return;
	ed->last_renew = now;
	if (nd_lock_renew(t->st, t->actor, ed->id, &err) < 0)
		tui_message(t, true, "%s", err.msg);
}

static int64_t mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int tui_editor_autosave_due(const struct tui *t)
{
	const struct tui_editor *ed = ED(t);
	if (!ed || !ed->unsynced)
		return -1;
	int64_t due = ed->last_key_ms + AUTOSAVE_IDLE_MS;
	if (ed->pending_ms + AUTOSAVE_MAX_MS < due)
		due = ed->pending_ms + AUTOSAVE_MAX_MS;
	int64_t left = due - mono_ms();
	return left < 0 ? 0 : (int)left;
}

/* Writes the text as the user's draft of the item; true when stored. */
static bool write_draft(struct tui *t)
{
	struct tui_editor *ed = ED(t);
	struct nd_error err = { 0 };
	struct nd_story story;
	if (nd_doc_story(&ed->doc, &story) < 0) {
		tui_message(t, true, "%s", _("out of memory: the draft was not written"));
		return false;
	}
	int rc = nd_draft_put(t->st, t->actor, ed->id, ed->base_rev, &story, &err);
	nd_story_free(&story);
	if (rc < 0) {
		tui_message(t, true, _("the draft was not written: %s"), err.msg);
		return false;
	}
	ed->unsynced = false;
	ed->pending_ms = 0;
	return true;
}

void tui_editor_autosave(struct tui *t, bool force)
{
	int due = tui_editor_autosave_due(t);
	if (due < 0 || (due > 0 && !force))
		return;
	if (!write_draft(t))
		ED(t)->last_key_ms = mono_ms(); /* try again in 2 s, not at once */
}

/* The draft is done with: saved as a revision, or discarded on purpose. */
static void drop_draft(struct tui *t)
{
	struct nd_error err = { 0 };
	ED(t)->unsynced = false;
	ED(t)->pending_ms = 0;
	if (nd_draft_discard(t->st, t->actor, ED(t)->id, &err) < 0)
		tui_message(t, true, "%s", err.msg);
}

void tui_editor_hangup(struct tui *t)
{
	struct tui_editor *ed = ED(t);
	if (!ed)
		return;
	struct nd_error err = { 0 };
	bool kept = ed->unsynced ? write_draft(t) : nd_doc_dirty(&ed->doc);
	/* bracketed paste off; write(2), since the terminal may be gone */
	if (write(STDOUT_FILENO, "\033[?2004l", 8) < 0) {
		/* the terminal is gone: nothing to switch off */
	}
	if (kept)
		nd_draft_hangup(t->st, t->actor, ed->id, &err);
	else
		nd_lock_release(t->st, t->actor, ed->id, NULL);
	ed->hung = true; /* closing now only frees */
}

/* Keys that cannot change the text do not make a draft due. */
static bool changes_text(enum ed_action a)
{
	switch (a) {
	case ED_LEFT:
	case ED_RIGHT:
	case ED_UP:
	case ED_DOWN:
	case ED_HOME:
	case ED_END:
	case ED_PAGE_UP:
	case ED_PAGE_DOWN:
	case ED_WORD_LEFT:
	case ED_WORD_RIGHT:
	case ED_PARA_UP:
	case ED_PARA_DOWN:
	case ED_DOC_TOP:
	case ED_DOC_BOTTOM:
	case ED_NEXT_FIELD:
	case ED_PREV_FIELD:
	case ED_MARK:
	case ED_COPY:
	case ED_FIND:
	case ED_SAVE:
	case ED_LEAVE:
		return false;
	default:
		return true;
	}
}

static void note_key(struct tui_editor *ed, enum ed_action a)
{
	ed->last_key_ms = mono_ms();
	if (changes_text(a) && !ed->unsynced) {
		ed->unsynced = true;
		ed->pending_ms = ed->last_key_ms;
	}
}

static bool save(struct tui *t)
{
	struct tui_editor *ed = ED(t);
	struct nd_error err = { 0 };
	struct nd_story story;
	struct nd_save_result res;
	if (ed->conflict_pending) {
		char q[200];
		snprintf(
		    q, sizeof q,
		    _("#%lld has a newer revision by someone else. Save yours on top of it? (y/n) "),
		    (long long)ed->id);
		if (!tui_confirm(q)) {
			tui_message(t, false, "%s", _("not saved"));
			return false;
		}
	}
	if (nd_doc_story(&ed->doc, &story) < 0) {
		tui_message(t, true, "%s", _("out of memory"));
		return false;
	}
	int rc = nd_item_save(t->st, t->actor, ed->id, ed->base_rev, &story, 0, &res, &err);
	nd_story_free(&story);
	if (rc == ND_ECONFLICT) {
		/* The text is stored as a conflict draft: nothing is lost. */
		nd_doc_mark_saved(&ed->doc);
		drop_draft(t);
		ed->conflict_pending = true;
		ed->base_rev = res.current_rev;
		tui_message(t, true, "%s", err.msg);
		return false;
	}
	if (rc < 0) {
		tui_message(t, true, "%s", err.msg);
		return false;
	}
	ed->conflict_pending = false;
	nd_doc_mark_saved(&ed->doc);
	drop_draft(t);
	ed->last_renew = time(NULL);
	if (res.unchanged) {
		tui_message(t, false, "%s", _("no changes to save"));
	} else {
		ed->base_rev = res.rev;
		tui_message(t, false, _("saved #%1$lld as revision %2$d"), (long long)ed->id,
			    res.rev);
	}
	return true;
}

static void cleanup(struct tui *t)
{
	struct tui_editor *ed = ED(t);
	struct nd_buf report = ND_BUF_INIT;
	for (size_t i = 0; i < nd_cleanup_rule_count; i++) {
		const struct nd_cleanup_rule *r = &nd_cleanup_rules[i];
		struct nd_buf out = ND_BUF_INIT;
		long n = r->apply(nd_doc_text(&ed->doc, ND_F_BODY), &out);
		if (n > 0 && nd_doc_replace_body(&ed->doc, nd_buf_str(&out)) == 0)
			nd_buf_printf(&report, "%s%ld %s", report.len ? ", " : "", n,
				      _(r->what_en));
		nd_buf_free(&out);
	}
	if (report.len)
		tui_message(t, false, _("clean-up: %s (^Z undoes one rule at a time)"),
			    nd_buf_str(&report));
	else
		tui_message(t, false, "%s", _("clean-up: nothing to do"));
	nd_buf_free(&report);
}

static void find(struct tui *t)
{
	struct tui_editor *ed = ED(t);
	char *text = tui_prompt(t, _("Find: "), ed->search, NULL);
	if (!text)
		return;
	if (text[0])
		snprintf(ed->search, sizeof ed->search, "%s", text);
	free(text);
	if (!ed->search[0])
		return;
	if (!nd_doc_find(&ed->doc, ed->search))
		tui_message(t, true, _("not found: %s"), ed->search);
}

/* Leaves, asking first when there are unsaved changes. */
static bool leave(struct tui *t)
{
	struct tui_editor *ed = ED(t);
	if (nd_doc_dirty(&ed->doc)) {
		char q[160];
		snprintf(q, sizeof q,
			 _("#%lld has unsaved changes. Save them? (y)es (n)o (c)ancel "),
			 (long long)ed->id);
		int answer = tui_choice(q, "ync");
		if (answer == 'c' || answer == 0)
			return true;
		if (answer == 'y' && !save(t))
			return true;
		if (answer == 'n') {
			drop_draft(t);
			tui_message(t, false, _("#%lld: changes discarded"), (long long)ed->id);
		}
	}
	return false; /* the loop pops the pane, which closes it */
}

/* Bracketed paste: ESC [ 200 ~ text ESC [ 201 ~, inserted as one step. */
static void paste(struct tui *t)
{
	struct nd_buf text = ND_BUF_INIT;
	timeout(500);
	for (;;) {
		wint_t ch;
		int kind = get_wch(&ch);
		if (kind == ERR)
			break;
		if (kind == KEY_CODE_YES)
			continue;
		nd_buf_add_cp(&text, (unsigned)ch);
		if (text.len >= 6 && memcmp(text.data + text.len - 6, "\033[201~", 6) == 0) {
			text.len -= 6;
			text.data[text.len] = '\0';
			break;
		}
	}
	nd_doc_insert(&ED(t)->doc, nd_buf_str(&text), text.len);
	nd_buf_free(&text);
	ED(t)->doc.last_op = 0;
	timeout(500);
}

/* ESC: alone it leaves; ESC b / ESC f move by word; ESC [200~ pastes. */
static bool escape(struct tui *t)
{
	wint_t ch;
	timeout(30);
	int kind = get_wch(&ch);
	timeout(500);
	if (kind == ERR)
		return leave(t);
	if (kind == OK && ch == 'b')
		nd_doc_word_left(&ED(t)->doc);
	else if (kind == OK && ch == 'f')
		nd_doc_word_right(&ED(t)->doc);
	else if (kind == OK && ch == '[') {
		char seq[8] = "";
		for (int i = 0; i < 4; i++) {
			timeout(30);
			if (get_wch(&ch) != OK)
				break;
			seq[i] = (char)ch;
		}
		timeout(500);
		if (strcmp(seq, "200~") == 0)
			paste(t);
	}
	return true;
}

static enum ed_action action_for(int kind, wint_t ch)
{
	const char *name = kind == KEY_CODE_YES ? keyname((int)ch) : NULL;
	for (size_t i = 0; i < sizeof ed_keys / sizeof *ed_keys; i++) {
		const struct ed_key *k = &ed_keys[i];
		if (k->name) {
			if (name && strcmp(name, k->name) == 0)
				return k->action;
		} else if (k->function == (kind == KEY_CODE_YES) && k->key == (int)ch) {
			return k->action;
		}
	}
	return ED_NONE;
}

bool tui_editor_key(struct tui *t, int kind, wint_t ch, int height)
{
	struct tui_editor *ed = ED(t);
	struct nd_doc *d = &ed->doc;
	if (kind == OK && ch == 27) {
		note_key(ed, ED_PASTE); /* a bracketed paste comes this way */
		return escape(t);
	}
	enum ed_action a = action_for(kind, ch);
	note_key(ed, a);
	if (a != ED_UP && a != ED_DOWN && a != ED_PAGE_UP && a != ED_PAGE_DOWN)
		ed->have_goal = false;
	if (a == ED_NONE) {
		ed->at_row_end = false;
		if (kind == OK && ch >= 0x20) {
			struct nd_buf one = ND_BUF_INIT;
			nd_buf_add_cp(&one, (unsigned)ch);
			nd_doc_insert(d, nd_buf_str(&one), one.len);
			nd_buf_free(&one);
			renew(t);
		}
		return true;
	}
	size_t row = cursor_row(ed);
	ed->at_row_end = false;
	switch (a) {
	case ED_LEFT:
		nd_doc_left(d);
		break;
	case ED_RIGHT:
		nd_doc_right(d);
		break;
	case ED_UP:
		vertical(ed, -1);
		break;
	case ED_DOWN:
		vertical(ed, 1);
		break;
	case ED_PAGE_UP:
		vertical(ed, -(height - 2 > 1 ? height - 2 : 1));
		break;
	case ED_PAGE_DOWN:
		vertical(ed, height - 2 > 1 ? height - 2 : 1);
		break;
	case ED_HOME:
		nd_doc_set_cursor(d, ed->lines[row].field, ed->lines[row].start);
		break;
	case ED_END:
		nd_doc_set_cursor(d, ed->lines[row].field,
				  ed->lines[row].para_end ? ed->lines[row].next
							  : ed->lines[row].end);
		ed->at_row_end = !ed->lines[row].para_end;
		ed->end_row = row;
		break;
	case ED_WORD_LEFT:
		nd_doc_word_left(d);
		break;
	case ED_WORD_RIGHT:
		nd_doc_word_right(d);
		break;
	case ED_PARA_UP:
		nd_doc_paragraph_up(d);
		break;
	case ED_PARA_DOWN:
		nd_doc_paragraph_down(d);
		break;
	case ED_DOC_TOP:
		nd_doc_set_cursor(d, ND_F_KICKER, 0);
		break;
	case ED_DOC_BOTTOM:
		nd_doc_set_cursor(d, ND_F_BODY, nd_doc_len(d, ND_F_BODY));
		break;
	case ED_BACKSPACE:
		nd_doc_backspace(d);
		break;
	case ED_DELETE:
		nd_doc_delete(d);
		break;
	case ED_NEWLINE:
		nd_doc_newline(d);
		break;
	case ED_NEXT_FIELD:
		nd_doc_next_field(d);
		break;
	case ED_PREV_FIELD:
		nd_doc_prev_field(d);
		break;
	case ED_UNDO:
		if (nd_doc_undo(d) == 0)
			tui_message(t, false, "%s", _("nothing to undo"));
		break;
	case ED_REDO:
		if (nd_doc_redo(d) == 0)
			tui_message(t, false, "%s", _("nothing to redo"));
		break;
	case ED_MARK:
		nd_doc_toggle_mark(d);
		break;
	case ED_CUT:
		nd_doc_cut(d);
		break;
	case ED_COPY:
		nd_doc_copy(d);
		tui_message(t, false, "%s", _("copied"));
		break;
	case ED_PASTE:
		nd_doc_paste(d);
		break;
	case ED_FIND:
		find(t);
		break;
	case ED_SAVE:
		save(t);
		break;
	case ED_CLEANUP:
		cleanup(t);
		break;
	case ED_LEAVE:
		return leave(t);
	case ED_NONE:
		break;
	}
	return true;
}

/* The user's own draft of the item, if any: offered before editing. A
 * draft equal to the current revision holds nothing and goes quietly.
 * Returns false when the user chose not to open the item. */
static bool take_draft(struct tui *t, int64_t id, const struct nd_story *current,
		       struct nd_draft *d, bool *recover)
{
	struct nd_error err = { 0 };
	*recover = false;
	int found = nd_draft_get(t->st, t->actor, id, d, &err);
	if (found < 0) {
		tui_message(t, true, "%s", err.msg);
		return false;
	}
	if (found == 0)
		return true;
	char *a = nd_story_format(current), *b = nd_story_format(&d->story);
	bool same = a && b && strcmp(a, b) == 0;
	free(a);
	free(b);
	if (same) {
		nd_draft_discard(t->st, t->actor, id, NULL);
		return true;
	}
	int choice = tui_draft_offer(t, d, current);
	*recover = choice == 'r';
	return choice != 0;
}

static void tell_others(struct tui *t, int64_t id)
{
	char who[72], when[16];
	int64_t at;
	if (nd_draft_other(t->st, t->actor, id, who, sizeof who, &at) != 1)
		return;
	time_t tt = (time_t)at;
	struct tm tm;
	if (!localtime_r(&tt, &tm) || !strftime(when, sizeof when, "%H:%M", &tm))
		snprintf(when, sizeof when, "?");
	tui_message(t, false, _("note: %1$s has an unsaved draft of #%2$lld (from %3$s)"), who,
		    (long long)id, when);
}

bool tui_editor_open(struct tui *t, int64_t id)
{
	struct nd_error err = { 0 };
	struct nd_lock lock;
	struct nd_item it;
	struct nd_draft draft = { 0 };
	bool recover = false;
	if (nd_lock_take(t->st, t->actor, id, &lock, &err) < 0) {
		tui_message(t, true, "%s", err.msg);
		return false;
	}
	if (nd_item_get(t->st, t->actor, id, lock.base_rev, &it, &err) < 0) {
		nd_lock_release(t->st, t->actor, id, NULL);
		tui_message(t, true, "%s", err.msg);
		return false;
	}
	if (!take_draft(t, id, &it.story, &draft, &recover)) {
		nd_draft_free(&draft);
		nd_item_free(&it);
		nd_lock_release(t->st, t->actor, id, NULL);
		if (!t->message[0])
			tui_message(t, false, _("#%lld not opened; your draft is kept"),
				    (long long)id);
		return false;
	}
	struct tui_editor *ed = calloc(1, sizeof *ed);
	if (!ed || nd_doc_init(&ed->doc, recover ? &draft.story : &it.story) < 0) {
		free(ed);
		nd_draft_free(&draft);
		nd_item_free(&it);
		nd_lock_release(t->st, t->actor, id, NULL);
		tui_message(t, true, "%s", _("out of memory"));
		return false;
	}
	nd_item_free(&it);
	ed->id = id;
	ed->base_rev = lock.base_rev;
	ed->last_renew = time(NULL);
	if (!tui_pane_push(t, &tui_editor_pane, ed)) {
		nd_draft_free(&draft);
		return false; /* closed by push */
	}
	if (recover) {
		/* Unsaved until saved; from an older revision a save is a
		 * conflict, which the save path handles without loss. */
		ed->doc.saved_changes = ed->doc.changes - 1;
		if (draft.base_rev > 0 && draft.base_rev < lock.base_rev)
			ed->base_rev = draft.base_rev;
		tui_message(t, false, _("recovered your draft of #%lld: unsaved until ^S"),
			    (long long)id);
	} else if (lock.took_over) {
		tui_message(t, false, _("took over %s's expired lock"), lock.previous);
	} else {
		tui_message(t, false, "%s", _("editing: ^S saves, Esc leaves, ^K cleans up"));
		tell_others(t, id);
	}
	nd_draft_free(&draft);
	/* Ask the terminal to bracket pastes. (The whole desk runs raw, so
	 * Ctrl-S, Ctrl-Z, Ctrl-C and Ctrl-Q are keys, never signals.) */
	fputs("\033[?2004h", stdout);
	fflush(stdout);
	return true;
}

static void editor_close(struct tui *t, void *data)
{
	struct tui_editor *ed = data;
	/* after a hang-up the lock and the draft are dealt with, and the
	 * terminal may be gone: only the memory is left to free */
	if (!ed->hung)
		nd_lock_release(t->st, t->actor, ed->id, NULL);
	for (size_t i = 0; i < ed->nparas; i++)
		para_free(&ed->paras[i]);
	free(ed->paras);
	free(ed->lines);
	nd_doc_free(&ed->doc);
	int64_t id = ed->id;
	bool hung = ed->hung;
	free(ed);
	if (hung)
		return;
	fputs("\033[?2004l", stdout);
	fflush(stdout);
	curs_set(0);
	t->sel_id = id;
	tui_itemview_invalidate(&t->preview);
}

static void editor_draw(struct tui *t, void *data, int y, int height, int width)
{
	(void)data;
	tui_editor_draw(t, y, height, width);
}

static bool editor_key(struct tui *t, void *data, int kind, wint_t ch, int height)
{
	(void)data;
	return tui_editor_key(t, kind, ch, height);
}

static const struct tui_hint editor_hints[] = {
	{ "^S", N_("save") },     { "^Z", N_("undo") },   { "^R", N_("redo") },
	{ "^K", N_("clean up") }, { "^F", N_("find") },   { "^X/^C/^V", N_("cut/copy/paste") },
	{ "Tab", N_("field") },   { "Esc", N_("leave") },
};

const struct pane_ops tui_editor_pane = {
	.name = "editor",
	.kind = PANE_EDITOR,
	.draw = editor_draw,
	.key = editor_key,
	.close = editor_close,
	.hints = editor_hints,
	.nhints = sizeof editor_hints / sizeof *editor_hints,
};
