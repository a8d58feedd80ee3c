/* app.c — the desk's frame and main loop: the title line, the list and item
 * panes, the key hints and the message line; dispatch through the keymap;
 * live refresh from PRAGMA data_version on the input timeout. */
#include "newsdesk/buf.h"
#include "newsdesk/count.h"
#include "newsdesk/drafts.h"
#include "newsdesk/external.h"
#include "newsdesk/files.h"
#include "newsdesk/planning.h"
#include "newsdesk/search.h"
#include "newsdesk/tui_app.h"
#include "newsdesk/tui_editor.h"
#include "newsdesk/tui_review.h"
#include "newsdesk/tui_rundown.h"
#include "newsdesk/width.h"

#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifndef ND_LOCALEDIR
#define ND_LOCALEDIR "/usr/local/share/locale"
#endif

#define MIN_COLS 60
#define CTRL_KEY(c) ((c)&0x1F)
#define MIN_LINES 15

/* Colours by a state's place in the workflow (states are ordered by
 * position), never by its name: a newsroom's own states get colours too. */
static const short state_colors[] = { COLOR_YELLOW, COLOR_CYAN,    COLOR_GREEN,
				      COLOR_BLUE,   COLOR_MAGENTA, COLOR_RED };
#define N_STATE_COLORS ((short)(sizeof state_colors / sizeof *state_colors))
enum { PAIR_ERROR = N_STATE_COLORS + 1 };

int tui_state_attr(const struct tui *t, const char *state)
{
	for (size_t i = 0; i < t->wf.n_states; i++)
		if (strcmp(t->wf.states[i].name, state) == 0)
			return t->colors ? (int)COLOR_PAIR(1 + (short)(i % N_STATE_COLORS))
					 : A_NORMAL;
	return A_NORMAL;
}

const char *tui_state_label(const struct tui *t, const char *state)
{
	const struct nd_state *s = nd_workflow_state(&t->wf, state);
	return s ? nd_state_label(s, t->zh) : state;
}

void tui_message(struct tui *t, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(t->message, sizeof t->message, fmt, ap);
	va_end(ap);
	t->message_error = error;
}

/* ---- layout ------------------------------------------------------------- */

static int available(void)
{
	return LINES - 3; /* title, hints, message */
}

int tui_list_height(const struct tui *t)
{
	if (t->zoom == ZOOM_LIST)
		return available();
	if (t->zoom == ZOOM_ITEM)
		return 0;
	int h = t->split;
	if (h > available() - 4)
		h = available() - 4;
	return h < 3 ? 3 : h;
}

int tui_item_height(const struct tui *t)
{
	if (t->zoom == ZOOM_LIST)
		return 0;
	if (t->zoom == ZOOM_ITEM)
		return available() - 1;
	return available() - tui_list_height(t) - 1;
}

/* ---- data --------------------------------------------------------------- */

void tui_reload(struct tui *t, int list_height)
{
	struct nd_error err = { 0 };
	int visible = list_height > 1 ? list_height - 1 : 1;
	nd_state_counts_free(t->counts, t->ncounts);
	t->counts = NULL;
	t->ncounts = 0;
	if (nd_item_state_counts(t->st, t->actor, t->zh, &t->counts, &t->ncounts, &err) < 0 ||
	    nd_item_count(t->st, t->actor, &t->filter, &t->total, &err) < 0) {
		tui_message(t, true, "%s", err.msg);
		return;
	}
	if (t->sel_id) {
		int64_t pos;
		if (nd_item_position(t->st, t->actor, &t->filter, t->sel_id, &pos, &err) == 0)
			t->sel = pos;
	}
	if (t->sel > t->total - 1)
		t->sel = t->total - 1;
	if (t->sel < 0)
		t->sel = 0;
	if (t->sel < t->top)
		t->top = t->sel;
	if (t->sel >= t->top + visible)
		t->top = t->sel - visible + 1;
	if (t->top > t->total - visible)
		t->top = t->total - visible;
	if (t->top < 0)
		t->top = 0;
	tui_list_clear(t);
	if (nd_item_list(t->st, t->actor, &t->filter, t->top, visible, t->zh, &t->rows, &t->nrows,
			 &err) < 0) {
		tui_message(t, true, "%s", err.msg);
		return;
	}
	int64_t old = t->sel_id;
	size_t r = (size_t)(t->sel - t->top);
	t->sel_id = r < t->nrows ? t->rows[r].id : 0;
	if (t->sel_id != old || t->preview_id != t->sel_id)
		tui_item_invalidate(t);
}

static void reload(struct tui *t)
{
	tui_reload(t, tui_list_height(t) ? tui_list_height(t) : 2);
}

static const struct nd_item *selected(const struct tui *t)
{
	size_t r = (size_t)(t->sel - t->top);
	return r < t->nrows ? &t->rows[r] : NULL;
}

/* ---- drawing ------------------------------------------------------------ */

static const char *const sort_names[] = { N_("updated"), N_("id"), N_("filed"), N_("chars") };

static const char *role_label(const struct tui *t)
{
	static const struct {
		const char *role, *label;
	} roles[] = { { "reporter", N_("reporter") },
		      { "editor", N_("editor") },
		      { "chief", N_("chief editor") },
		      { "admin", N_("admin") } };
	for (size_t i = 0; i < sizeof roles / sizeof *roles; i++)
		if (strcmp(roles[i].role, t->actor->user.role) == 0)
			return _(roles[i].label);
	return t->actor->user.role;
}

static void draw_title(struct tui *t)
{
	struct nd_buf left = ND_BUF_INIT, right = ND_BUF_INIT, row = ND_BUF_INIT;
	nd_buf_adds(&left, " newsdesk");
	for (size_t i = 0; i < t->ncounts; i++)
		if (t->counts[i].count)
			nd_buf_printf(&left, " · %s %lld", t->counts[i].label,
				      (long long)t->counts[i].count);
	if (t->f_state[0] || t->f_section[0] || t->f_reporter[0] || t->f_issue[0]) {
		nd_buf_printf(&left, "  [%s", _("filter"));
		if (t->f_state[0])
			nd_buf_printf(&left, " %s", tui_state_label(t, t->f_state));
		if (t->f_section[0])
			nd_buf_printf(&left, " %s:%s", _("section"), t->f_section);
		if (t->f_reporter[0])
			nd_buf_printf(&left, " %s:%s", _("reporter"), t->f_reporter);
		if (t->f_issue[0])
			nd_buf_printf(&left, " %s:%s", _("issue"), t->f_issue);
		nd_buf_addc(&left, ']');
	}
	if (t->filter.sort != ND_SORT_UPDATED || t->filter.ascending)
		nd_buf_printf(&left, "  [%s %s%s]", _("sort"), _(sort_names[t->filter.sort]),
			      t->filter.ascending ? " ↑" : "");
	nd_buf_printf(&right, "%s %s ",
		      t->actor->user.name ? t->actor->user.name : t->actor->user.login,
		      role_label(t));
	int rw = nd_text_width(nd_buf_str(&right));
	tui_draw_text(&row, nd_buf_str(&left), COLS - rw - 1 > 0 ? COLS - rw - 1 : 0, true, false);
	nd_buf_addc(&row, ' ');
	nd_buf_add(&row, right.data, right.len);
	tui_draw_row(0, 0, COLS, nd_buf_str(&row), A_REVERSE);
	nd_buf_free(&left);
	nd_buf_free(&right);
	nd_buf_free(&row);
}

static void draw_separator(struct tui *t, int y)
{
	const struct nd_item *it = selected(t);
	struct nd_buf b = ND_BUF_INIT;
	if (it) {
		char chars[32];
		nd_format_count(it->chars, chars, sizeof chars);
		nd_buf_printf(&b, "── #%lld %s · %s", (long long)it->id, it->state_label,
			      it->story.section ? it->story.section : "-");
		nd_buf_printf(&b, " · %s · ", it->reporter_name ? it->reporter_name : it->reporter);
		nd_buf_printf(&b, _("%s chars"), chars);
		nd_buf_printf(&b, " · rev %d", it->current_rev);
		if (it->lock_holder)
			nd_buf_printf(&b, " · %s %s", _("being edited by"), it->lock_holder);
		nd_buf_adds(&b, " ");
	}
	/* fill with rules to the edge */
	int w = nd_text_width(nd_buf_str(&b));
	for (; w < COLS; w++)
		nd_buf_adds(&b, "─");
	tui_draw_row(y, 0, COLS, nd_buf_str(&b), t->focus == FOCUS_ITEM ? A_BOLD : A_DIM);
	nd_buf_free(&b);
}

/* The key hint lines, one table per screen, drawn by one function. */
struct hint {
	const char *key, *label;
};

static void draw_hint_line(const struct hint *h, size_t n)
{
	struct nd_buf b = ND_BUF_INIT;
	for (size_t i = 0; i < n; i++)
		nd_buf_printf(&b, "%s%s %s", i ? "  " : " ", h[i].key, _(h[i].label));
	tui_draw_row(LINES - 2, 0, COLS, nd_buf_str(&b), A_REVERSE);
	nd_buf_free(&b);
}

static const struct hint hints[] = {
	{ "Enter", N_("open") }, { "/", N_("search") }, { "f", N_("filter") },
	{ "s", N_("sort") },     { "D", N_("edited") }, { "a", N_("sign off") },
	{ "R", N_("return") },   { "S", N_("spike") },  { "c", N_("note") },
	{ "?", N_("help") },     { "q", N_("quit") },
};

static void draw_hints(void)
{
	draw_hint_line(hints, sizeof hints / sizeof *hints);
}

static const struct hint editor_hints[] = {
	{ "^S", N_("save") },     { "^Z", N_("undo") },   { "^R", N_("redo") },
	{ "^K", N_("clean up") }, { "^F", N_("find") },   { "^X/^C/^V", N_("cut/copy/paste") },
	{ "Tab", N_("field") },   { "Esc", N_("leave") },
};

static void draw_editor_hints(void)
{
	draw_hint_line(editor_hints, sizeof editor_hints / sizeof *editor_hints);
}

static const struct hint review_hints[] = {
	{ "[ ]", N_("revisions") }, { "a", N_("sign off") }, { "R", N_("return") },
	{ "O", N_("reopen") },      { "S", N_("spike") },    { "c", N_("note") },
	{ "j/k", N_("scroll") },    { "q", N_("back") },
};

static const struct hint rundown_hints[] = {
	{ "j/k", N_("select") },  { "J/K", N_("move down/up") }, { "m", N_("to page") },
	{ "F", N_("flat plan") }, { "q", N_("back") },
};

static void draw_rundown_hints(void)
{
	draw_hint_line(rundown_hints, sizeof rundown_hints / sizeof *rundown_hints);
}

static void draw_review_hints(void)
{
	draw_hint_line(review_hints, sizeof review_hints / sizeof *review_hints);
}

static void draw(struct tui *t)
{
	erase();
	if (COLS < MIN_COLS || LINES < MIN_LINES) {
		char msg[128];
		snprintf(msg, sizeof msg, _("window too small: %dx%d, newsdesk needs %dx%d"), COLS,
			 LINES, MIN_COLS, MIN_LINES);
		tui_draw_row(0, 0, COLS, msg, A_BOLD);
		refresh();
		return;
	}
	draw_title(t);
	if (t->help) {
		tui_help_pane.draw(t, 1, available(), COLS);
	} else if (t->rd) {
		tui_rundown_draw(t, 1, available(), COLS);
		draw_rundown_hints();
	} else if (t->rv) {
		const struct nd_item *it = selected(t);
		struct nd_buf b = ND_BUF_INIT;
		nd_buf_printf(&b, "── %s #%lld ", _("review"), it ? (long long)it->id : 0LL);
		if (it)
			nd_buf_printf(&b, "%s · %s ", it->state_label, it->story.headline);
		for (int w = nd_text_width(nd_buf_str(&b)); w < COLS; w++)
			nd_buf_adds(&b, "─");
		tui_draw_row(1, 0, COLS, nd_buf_str(&b), A_BOLD);
		nd_buf_free(&b);
		tui_review_draw(t, 2, available() - 1, COLS);
		draw_review_hints();
	} else if (t->ed) {
		draw_editor_hints();
		tui_draw_row(LINES - 1, 0, COLS, t->message, t->message_error ? A_BOLD : A_NORMAL);
		/* drawn last: it leaves the cursor where the user types */
		tui_editor_draw(t, 1, available(), COLS);
		refresh();
		return;
	} else {
		int lh = tui_list_height(t), y = 1;
		if (lh) {
			tui_list_pane.draw(t, y, lh, COLS);
			y += lh;
		}
		if (tui_item_height(t) > 0) {
			draw_separator(t, y);
			tui_item_pane.draw(t, y + 1, tui_item_height(t), COLS);
		}
	}
	curs_set(0);
	if (!t->rv && !t->rd)
		draw_hints();
	tui_draw_row(LINES - 1, 0, COLS, t->message,
		     t->message_error ? (t->colors ? (int)COLOR_PAIR(PAIR_ERROR) | A_BOLD : A_BOLD)
				      : A_NORMAL);
	refresh();
}

/* ---- actions ------------------------------------------------------------ */

/* The transition row for verb from the selected item's state, if any. */
static const struct nd_transition *transition_for(const struct tui *t, const char *verb,
						  const char *state)
{
	for (size_t i = 0; i < t->wf.n_transitions; i++)
		if (strcmp(t->wf.transitions[i].verb, verb) == 0 &&
		    strcmp(t->wf.transitions[i].from_state, state) == 0)
			return &t->wf.transitions[i];
	return NULL;
}

static void run_verb(struct tui *t, const char *verb)
{
	const struct nd_item *it = selected(t);
	struct nd_error err = { 0 };
	if (!it) {
		tui_message(t, true, "%s", _("no item selected"));
		return;
	}
	if (!nd_workflow_has_verb(&t->wf, verb)) {
		tui_message(t, true, _("the workflow has no verb '%s'"), verb);
		return;
	}
	int64_t id = it->id;
	const struct nd_transition *tr = transition_for(t, verb, it->state);
	/* Check before asking for a note: a refusal should not cost typing. */
	if (nd_workflow_check(t->st, t->actor, id, verb, "-", t->zh, &err) < 0) {
		tui_message(t, true, "%s", err.msg);
		return;
	}
	char *note = NULL;
	if (tr && tr->note_required) {
		char question[160];
		snprintf(question, sizeof question, _("Note for %s #%lld (Esc cancels): "), verb,
			 (long long)id);
		note = tui_prompt(question, NULL);
		if (!note) {
			tui_message(t, false, "%s", _("cancelled"));
			return;
		}
	}
	struct nd_transition_result res;
	if (nd_workflow_apply(t->st, t->actor, id, verb, note, t->zh, &res, &err) < 0)
		tui_message(t, true, "%s", err.msg);
	else
		tui_message(t, false, "#%lld %s → %s", (long long)id, res.from, res.to);
	free(note);
	t->sel_id = id;
	tui_item_invalidate(t);
	reload(t);
}

static void add_note(struct tui *t)
{
	const struct nd_item *it = selected(t);
	struct nd_error err = { 0 };
	if (!it) {
		tui_message(t, true, "%s", _("no item selected"));
		return;
	}
	int64_t id = it->id, note_id;
	char question[96];
	snprintf(question, sizeof question, _("Note on #%lld: "), (long long)id);
	char *text = tui_prompt(question, NULL);
	if (!text || !text[0]) {
		tui_message(t, false, "%s", _("cancelled"));
	} else if (nd_note_add(t->st, t->actor, id, text, &note_id, &err) < 0) {
		tui_message(t, true, "%s", err.msg);
	} else {
		tui_message(t, false, _("noted on #%lld"), (long long)id);
		tui_item_invalidate(t);
	}
	free(text);
}

static void set_field(char *dst, size_t size, const char *value)
{
	snprintf(dst, size, "%s", value);
}

static void apply_filter_fields(struct tui *t)
{
	t->filter.state = t->f_state[0] ? t->f_state : NULL;
	t->filter.section = t->f_section[0] ? t->f_section : NULL;
	t->filter.reporter = t->f_reporter[0] ? t->f_reporter : NULL;
	t->filter.issue = t->f_issue[0] ? t->f_issue : NULL;
}

/* Filter words, mutt-limit style: state:待编 section:新闻速递 reporter:zhujl
 * issue:2024-07, or a bare state label. An empty line clears. */
static void filter_prompt(struct tui *t)
{
	char current[256] = "";
	if (t->f_state[0])
		snprintf(current + strlen(current), sizeof current - strlen(current), "state:%s ",
			 tui_state_label(t, t->f_state));
	if (t->f_section[0])
		snprintf(current + strlen(current), sizeof current - strlen(current), "section:%s ",
			 t->f_section);
	if (t->f_reporter[0])
		snprintf(current + strlen(current), sizeof current - strlen(current),
			 "reporter:%s ", t->f_reporter);
	if (t->f_issue[0])
		snprintf(current + strlen(current), sizeof current - strlen(current), "issue:%s ",
			 t->f_issue);
	char *line =
	    tui_prompt(_("Filter (state: section: reporter: issue:, empty clears): "), current);
	if (!line)
		return;
	char state[32] = "", section[64] = "", reporter[72] = "", issue[40] = "";
	static const struct {
		const char *key;
		int field;
	} keys[] = { { "state:", 0 },    { "状态:", 0 }, { "section:", 1 }, { "栏目:", 1 },
		     { "reporter:", 2 }, { "记者:", 2 }, { "issue:", 3 },   { "期:", 3 } };
	char *save = NULL;
	for (char *word = strtok_r(line, " \t", &save); word; word = strtok_r(NULL, " \t", &save)) {
		int field = -1;
		const char *value = word;
		for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
			if (strncmp(word, keys[i].key, strlen(keys[i].key)) == 0) {
				field = keys[i].field;
				value = word + strlen(keys[i].key);
				break;
			}
		}
		if (field < 0 && nd_workflow_find_state(&t->wf, word))
			field = 0;
		if (field == 0) {
			const struct nd_state *s = nd_workflow_find_state(&t->wf, value);
			if (!s) {
				tui_message(t, true, _("unknown state '%s'"), value);
				free(line);
				return;
			}
			set_field(state, sizeof state, s->name);
		} else if (field == 1) {
			set_field(section, sizeof section, value);
		} else if (field == 2) {
			set_field(reporter, sizeof reporter, value);
		} else if (field == 3) {
			set_field(issue, sizeof issue, value);
		} else {
			tui_message(
			    t, true,
			    _("unknown filter '%s': use state:, section:, reporter:, issue:"),
			    word);
			free(line);
			return;
		}
	}
	free(line);
	set_field(t->f_state, sizeof t->f_state, state);
	set_field(t->f_section, sizeof t->f_section, section);
	set_field(t->f_reporter, sizeof t->f_reporter, reporter);
	set_field(t->f_issue, sizeof t->f_issue, issue);
	apply_filter_fields(t);
	reload(t);
	tui_message(t, false, ngettext("%lld item", "%lld items", (unsigned long)t->total),
		    (long long)t->total);
}

static void sort_cycle(struct tui *t)
{
	/* updated → id → filed → 字数, then the same keys reversed */
	if (t->filter.sort == ND_SORT_CHARS) {
		t->filter.sort = ND_SORT_UPDATED;
		t->filter.ascending = !t->filter.ascending;
	} else {
		t->filter.sort++;
	}
	reload(t);
	tui_message(t, false, _("sorted by %s%s"), _(sort_names[t->filter.sort]),
		    t->filter.ascending ? _(", ascending") : "");
}

/* The desk's / is newsdesk search, with the list's filter: hits in
 * search order (headline hits first, newest first), a page at a time. */
enum { SEARCH_PAGE = 50 };

/* Loads the page of hits that holds hit number index. */
static int search_page(struct tui *t, int64_t index, struct nd_error *err)
{
	struct nd_search_options o = { .state = t->filter.state,
				       .section = t->filter.section,
				       .reporter = t->filter.reporter,
				       .issue = t->filter.issue,
				       .limit = SEARCH_PAGE,
				       .offset = index / SEARCH_PAGE * SEARCH_PAGE };
	struct nd_search_hit *hits;
	size_t n;
	int rc = nd_search(t->st, t->actor, t->search, &o, t->zh, &hits, &n, err);
	if (rc < 0)
		return rc;
	free(t->matches);
	t->matches = calloc(n ? n : 1, sizeof *t->matches);
	t->nmatches = t->matches ? n : 0;
	for (size_t i = 0; i < t->nmatches; i++)
		t->matches[i].id = hits[i].id;
	nd_search_hits_free(hits, n);
	t->match_offset = o.offset;
	t->match_total = o.total;
	return t->matches ? 0 : nd_fail(err, ND_ENOMEM, "out of memory");
}

/* Starts a search (dir 0) or moves to the next (1) or previous (-1) hit,
 * and selects its item in the list. */
static void search_jump(struct tui *t, int dir)
{
	struct nd_error err = { 0 };
	if (!t->search[0]) {
		tui_message(t, true, "%s", _("no search yet: press /"));
		return;
	}
	int64_t index = dir == 0 ? 0 : t->match_index + dir;
	bool wrapped = false;
	if (dir != 0 && t->match_total > 0 && (index < 0 || index >= t->match_total)) {
		index = index < 0 ? t->match_total - 1 : 0;
		wrapped = true;
	}
	if ((dir == 0 || index < t->match_offset ||
	     index >= t->match_offset + (int64_t)t->nmatches) &&
	    search_page(t, index, &err) < 0) {
		tui_message(t, true, "%s", err.msg);
		return;
	}
	if (!t->match_total || index - t->match_offset >= (int64_t)t->nmatches) {
		tui_message(t, true, _("not found: %s"), t->search);
		return;
	}
	t->match_index = index;
	t->sel_id = t->matches[index - t->match_offset].id;
	reload(t);
	char at[32], of[32];
	nd_format_count((long)index + 1, at, sizeof at);
	nd_format_count((long)t->match_total, of, sizeof of);
	tui_message(t, false, _("%s: match %s of %s%s"), t->search, at, of,
		    wrapped ? _(" (wrapped)") : "");
}

static void search_prompt(struct tui *t)
{
	char *text = tui_prompt(_("Search: "), t->search);
	if (!text)
		return;
	snprintf(t->search, sizeof t->search, "%s", text);
	free(text);
	search_jump(t, 0);
}

static void command(struct tui *t)
{
	char *verb = tui_prompt(_("Workflow verb: "), NULL);
	if (verb && verb[0])
		run_verb(t, verb);
	free(verb);
}

/* The issue code to work on: the last one used, else the newest. */
static void default_issue(struct tui *t, char *out, size_t size)
{
	if (t->last_issue[0]) {
		snprintf(out, size, "%s", t->last_issue);
		return;
	}
	struct nd_issue *issues;
	size_t n;
	struct nd_error err = { 0 };
	out[0] = '\0';
	if (nd_issue_list(t->st, &issues, &n, &err) == 0) {
		if (n)
			snprintf(out, size, "%s", issues[0].code);
		nd_issues_free(issues, n);
	}
}

static void rundown(struct tui *t)
{
	char code[40];
	default_issue(t, code, sizeof code);
	char *answer = tui_prompt(_("Rundown of issue: "), code);
	if (!answer || !answer[0]) {
		free(answer);
		return;
	}
	if (tui_rundown_open(t, answer))
		snprintf(t->last_issue, sizeof t->last_issue, "%s", answer);
	free(answer);
}

static void assign(struct tui *t)
{
	const struct nd_item *it = selected(t);
	struct nd_error err = { 0 };
	if (!it) {
		tui_message(t, true, "%s", _("no item selected"));
		return;
	}
	int64_t id = it->id;
	char code[40], q[128];
	default_issue(t, code, sizeof code);
	snprintf(q, sizeof q, _("Place #%lld on (issue page [position]): "), (long long)id);
	char initial[48];
	snprintf(initial, sizeof initial, "%s%s", code, code[0] ? " " : "");
	char *answer = tui_prompt(q, initial);
	if (!answer)
		return;
	char issue[40] = "";
	int page = 0, position = 0;
	if (sscanf(answer, "%39s %d %d", issue, &page, &position) < 2 || page <= 0) {
		tui_message(t, true, "%s", _("give the issue code and a page, like: 2024-07 5"));
	} else if (nd_item_assign(t->st, t->actor, id, issue, page, position, &err) < 0) {
		tui_message(t, true, "%s", err.msg);
	} else {
		snprintf(t->last_issue, sizeof t->last_issue, "%s", issue);
		tui_message(t, false, _("#%lld placed in %s on page %d"), (long long)id, issue,
			    page);
		t->sel_id = id;
		reload(t);
	}
	free(answer);
}

bool tui_review_verb_key(struct tui *t, int kind, wint_t ch)
{
	const struct tui_key *k = tui_key_find((int)ch, kind == KEY_CODE_YES);
	if (!k)
		return true;
	if (k->action == ACT_VERB)
		run_verb(t, k->verb);
	else if (k->action == ACT_NOTE)
		add_note(t);
	else if (k->action == ACT_COMMAND)
		command(t);
	else
		return true;
	tui_review_reload(t);
	return true;
}

/* E: the item in the user's own editor, the desk suspended meanwhile. */
static void external(struct tui *t)
{
	const struct nd_item *it = selected(t);
	struct nd_error err = { 0 };
	struct nd_external_result res;
	if (!it) {
		tui_message(t, true, "%s", _("no item selected"));
		return;
	}
	if (nd_restricted()) {
		/* over SSH no program is started (nd_run_program refuses too) */
		tui_message(t, true, "%s",
			    _("over SSH the desk's own editor is the one available: press e"));
		return;
	}
	int64_t id = it->id;
	def_prog_mode();
	endwin();
	int rc = nd_external_edit(t->st, t->actor, id, 0, &res, &err);
	reset_prog_mode();
	clearok(curscr, TRUE);
	if (rc < 0 && res.kept[0])
		tui_message(t, true, _("%s (your text is kept in %s)"), err.msg, res.kept);
	else if (rc < 0)
		tui_message(t, true, "%s", err.msg);
	else if (res.unchanged)
		tui_message(t, false, _("#%lld unchanged"), (long long)id);
	else
		tui_message(t, false, _("saved #%lld as revision %d"), (long long)id, res.rev);
	t->sel_id = id;
	tui_item_invalidate(t);
	reload(t);
}

static void act(struct tui *t, const struct tui_key *k)
{
	if (t->help) {
		if (k->action == ACT_QUIT || k->action == ACT_HELP)
			t->help = false;
		else
			tui_help_pane.act(t, k->action, available());
		return;
	}
	const struct pane_ops *pane = t->focus == FOCUS_LIST ? &tui_list_pane : &tui_item_pane;
	int height = t->focus == FOCUS_LIST ? tui_list_height(t) : tui_item_height(t);
	if (pane->act(t, k->action, height))
		return;
	switch (k->action) {
	case ACT_QUIT:
		if (t->zoom != ZOOM_NONE)
			t->zoom = ZOOM_NONE;
		else if (t->focus == FOCUS_ITEM)
			t->focus = FOCUS_LIST;
		else
			t->quit = true;
		reload(t);
		break;
	case ACT_OPEN:
		t->focus = FOCUS_ITEM;
		if (t->zoom == ZOOM_LIST)
			t->zoom = ZOOM_NONE;
		break;
	case ACT_SWITCH:
		t->focus = t->focus == FOCUS_LIST ? FOCUS_ITEM : FOCUS_LIST;
		if (t->zoom != ZOOM_NONE)
			t->zoom = t->focus == FOCUS_LIST ? ZOOM_LIST : ZOOM_ITEM;
		reload(t);
		break;
	case ACT_GROW:
	case ACT_SHRINK:
		t->split = tui_list_height(t) + (k->action == ACT_GROW ? 2 : -2);
		if (t->split > available() - 4)
			t->split = available() - 4;
		if (t->split < 3)
			t->split = 3;
		reload(t);
		break;
	case ACT_ZOOM:
		t->zoom = t->zoom != ZOOM_NONE ? ZOOM_NONE
					       : (t->focus == FOCUS_LIST ? ZOOM_LIST : ZOOM_ITEM);
		reload(t);
		break;
	case ACT_SEARCH:
		search_prompt(t);
		break;
	case ACT_NEXT:
		search_jump(t, 1);
		break;
	case ACT_PREV:
		search_jump(t, -1);
		break;
	case ACT_FILTER:
		filter_prompt(t);
		break;
	case ACT_SORT:
		sort_cycle(t);
		break;
	case ACT_VERB:
		run_verb(t, k->verb);
		break;
	case ACT_NOTE:
		add_note(t);
		break;
	case ACT_COMMAND:
		command(t);
		break;
	case ACT_EDIT:
		if (!selected(t))
			tui_message(t, true, "%s", _("no item selected"));
		else
			tui_editor_open(t, selected(t)->id);
		break;
	case ACT_EXTERNAL:
		external(t);
		break;
	case ACT_RUNDOWN:
		rundown(t);
		break;
	case ACT_ASSIGN:
		assign(t);
		break;
	case ACT_REVIEW:
		if (!selected(t))
			tui_message(t, true, "%s", _("no item selected"));
		else
			tui_review_open(t, selected(t)->id);
		break;
	case ACT_HELP:
		t->help = true;
		t->help_scroll = 0;
		break;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		reload(t);
		break;
	case ACT_SUSPEND:
		tui_suspend();
		break;
	case ACT_INTERRUPT:
		if (tui_confirm(_("Quit newsdesk? (y/n) ")))
			t->quit = true;
		break;
	default:
		break;
	}
}

static void setup_colors(struct tui *t)
{
	const char *no_color = getenv("NO_COLOR");
	t->colors = has_colors() && !(no_color && no_color[0]);
	if (!t->colors)
		return;
	start_color();
	use_default_colors();
	for (short i = 0; i < N_STATE_COLORS; i++)
		init_pair(1 + i, state_colors[i], -1);
	init_pair(PAIR_ERROR, COLOR_RED, -1);
}

static void tui_free(struct tui *t)
{
	tui_list_clear(t);
	tui_item_clear(t);
	nd_state_counts_free(t->counts, t->ncounts);
	free(t->matches);
	nd_workflow_free(&t->wf);
}

int nd_tui_run(struct nd_store *st, const struct nd_actor *actor, bool zh,
	       const struct nd_tui_options *opt, struct nd_error *err)
{
	struct tui t = { 0 };
	t.st = st;
	t.actor = actor;
	t.zh = zh;
	if (nd_workflow_load(st, &t.wf, err) < 0)
		return err->code;
	SCREEN *screen = newterm(NULL, stdout, stdin);
	if (!screen) {
		nd_workflow_free(&t.wf);
		return nd_fail(err, ND_EIO, "cannot start the terminal interface (TERM=%s)",
			       getenv("TERM") ? getenv("TERM") : "");
	}
	/* Raw in every pane: Ctrl-S, Ctrl-Q, Ctrl-C and Ctrl-Z reach us as
	 * keys (no flow control freezing the screen, no signals). */
	raw();
	noecho();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	timeout(500); /* how often another process's commits are noticed */
	tui_signals_install();
	setup_colors(&t);
	t.split = (available() * 45) / 100;
	t.data_version = nd_store_data_version(st);
	reload(&t);
	if (t.total)
		tui_message(&t, false,
			    ngettext("%lld item · ? for help", "%lld items · ? for help",
				     (unsigned long)t.total),
			    (long long)t.total);
	int hangup = 0;
	while (!t.quit) {
		draw(&t);
		if (opt && opt->once)
			break;
		/* Wake for the autosave when it falls due before the refresh. */
		int due = tui_editor_autosave_due(&t);
		timeout(due >= 0 && due < 500 ? due : 500);
		wint_t ch;
		int kind = get_wch(&ch);
		if ((hangup = tui_hangup(kind)) != 0)
			break;
		if (t.ed)
			tui_editor_autosave(&t, false);
		if (kind == ERR) {
			int64_t v = nd_store_data_version(st);
			if (v != t.data_version) {
				t.data_version = v;
				tui_item_invalidate(&t);
				reload(&t);
				tui_rundown_reload(&t);
			}
			continue;
		}
		if (kind == KEY_CODE_YES && ch == KEY_RESIZE) {
			clear();
			reload(&t);
			continue;
		}
		if (!t.ed && kind == OK && ch == CTRL_KEY('Z')) {
			tui_suspend();
			continue;
		}
		if (t.rd) {
			t.message[0] = '\0';
			if (!tui_rundown_key(&t, kind, ch))
				reload(&t);
			continue;
		}
		if (t.rv) {
			t.message[0] = '\0';
			if (!tui_review_key(&t, kind, ch, available() - 1))
				reload(&t);
			continue;
		}
		if (t.ed) {
			t.message[0] = '\0';
			if (!tui_editor_key(&t, kind, ch, available() - 1))
				reload(&t);
			else
				tui_editor_autosave(&t, false);
			continue;
		}
		const struct tui_key *k = tui_key_find((int)ch, kind == KEY_CODE_YES);
		if (!k) {
			continue;
		}
		t.message[0] = '\0';
		act(&t, k);
		t.data_version = nd_store_data_version(st);
	}
	if (hangup)
		tui_editor_hangup(&t); /* the draft first, then the terminal */
	tui_editor_close(&t);
	tui_review_close(&t);
	tui_rundown_close(&t);
	endwin();
	delscreen(screen);
	tui_signals_restore();
	tui_free(&t);
	if (hangup)
		return nd_fail(err, ND_EINVAL,
			       "the desk ended on signal %d (%s); unsaved text is kept as a draft "
			       "('newsdesk drafts'), offered when the item is opened again",
			       hangup, strsignal(hangup));
	return 0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

int nd_tui_bench_keys(struct nd_store *st, const struct nd_actor *actor, int64_t id, int n,
		      struct nd_bench_keys *out, struct nd_error *err)
{
	struct tui t = { 0 };
	t.st = st;
	t.actor = actor;
	if (nd_workflow_load(st, &t.wf, err) < 0)
		return err->code;
	SCREEN *screen = newterm(NULL, stdout, stdin);
	if (!screen) {
		nd_workflow_free(&t.wf);
		return nd_fail(err, ND_EIO, "cannot start the terminal interface");
	}
	t.split = (available() * 45) / 100;
	reload(&t);
	int rc = 0;
	if (!tui_editor_open(&t, id)) {
		rc = nd_fail(err, ND_ELOCKED, "%s", t.message);
		goto out;
	}
	struct nd_doc *d = &t.ed->doc;
	size_t middle = nd_doc_len(d, ND_F_BODY) / 2;
	while (middle > 0 && ((unsigned char)nd_doc_text(d, ND_F_BODY)[middle] & 0xC0) == 0x80)
		middle--;
	nd_doc_set_cursor(d, ND_F_BODY, middle);
	draw(&t);
	double *ms = calloc((size_t)n, sizeof *ms);
	for (int i = 0; i < n && ms; i++) {
		struct timespec a, b;
		clock_gettime(CLOCK_MONOTONIC, &a);
		tui_editor_key(&t, OK, (wint_t)0x5B57, available() - 1); /* 字 */
		tui_editor_autosave(&t, false); /* as the loop does after each key */
		draw(&t);
		clock_gettime(CLOCK_MONOTONIC, &b);
		ms[i] = (double)(b.tv_sec - a.tv_sec) * 1e3 + (double)(b.tv_nsec - a.tv_nsec) / 1e6;
	}
	if (ms) {
		qsort(ms, (size_t)n, sizeof *ms, cmp_double);
		out->median_ms = ms[n / 2];
		out->p95_ms = ms[(n * 95) / 100];
		out->max_ms = ms[n - 1];
	}
	/* The autosave itself, as it falls due (2 s idle, 15 s typing): one
	 * keystroke and the draft written on its path, the worst case. */
	int drafts = n < 20 ? n : 20;
	for (int i = 0; i < drafts && ms; i++) {
		struct timespec a, b;
		clock_gettime(CLOCK_MONOTONIC, &a);
		tui_editor_key(&t, OK, (wint_t)0x5B57, available() - 1);
		tui_editor_autosave(&t, true);
		draw(&t);
		clock_gettime(CLOCK_MONOTONIC, &b);
		ms[i] = (double)(b.tv_sec - a.tv_sec) * 1e3 + (double)(b.tv_nsec - a.tv_nsec) / 1e6;
	}
	if (ms && drafts > 0) {
		qsort(ms, (size_t)drafts, sizeof *ms, cmp_double);
		out->draft_median_ms = ms[drafts / 2];
		out->draft_max_ms = ms[drafts - 1];
	}
	free(ms);
	out->chars = t.ed->body_chars;
	nd_draft_discard(st, actor, id, NULL); /* the bench leaves nothing behind */
	tui_editor_close(&t); /* discards: nothing is saved */
out:
	endwin();
	delscreen(screen);
	tui_free(&t);
	return rc;
}
