/* pager.c — a pane of text lines that scrolls: the help, written from the
 * request table for the pane it was opened over, and the message history
 * (M, :messages), where a message cut at the edge is read whole. */
#include "newsdesk/buf.h"
#include "newsdesk/tui_app.h"
#include "newsdesk/wrap.h"

#include <stdlib.h>
#include <string.h>

struct pager {
	char *title;
	bool help; /* ? again closes it */
	struct nd_buf text; /* lines, '\n' separated, sanitised when drawn */
	struct tui_line *lines;
	size_t nlines;
	int width;
	int scroll;
};

static void lay_out(struct pager *pg, int width)
{
	for (size_t i = 0; i < pg->nlines; i++)
		free(pg->lines[i].text);
	free(pg->lines);
	pg->lines = NULL;
	pg->nlines = 0;
	pg->width = width;
	const char *s = nd_buf_str(&pg->text);
	for (const char *p = s; *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		struct nd_wrap_line *w;
		long n = len ? nd_wrap(p, len, width > 2 ? width - 2 : 1, &w) : 0;
		for (long i = 0; i < (n > 0 ? n : 1); i++) {
			struct tui_line *nl2 = realloc(pg->lines, (pg->nlines + 1) * sizeof *nl2);
			if (!nl2)
				break;
			pg->lines = nl2;
			pg->lines[pg->nlines].text =
			    n > 0 ? strndup(p + w[i].start, w[i].end - w[i].start) : strdup("");
			pg->lines[pg->nlines++].attr = A_NORMAL;
		}
		if (n > 0)
			free(w);
		p += len + (nl ? 1 : 0);
	}
}

static void pager_draw(struct tui *t, void *data, int y, int height, int width)
{
	(void)t;
	struct pager *pg = data;
	if (pg->width != width)
		lay_out(pg, width);
	int max = (int)pg->nlines - (height - 1);
	if (pg->scroll > max)
		pg->scroll = max > 0 ? max : 0;
	tui_draw_row(y, 0, width, pg->title, A_BOLD | A_UNDERLINE);
	for (int i = 1; i < height; i++) {
		size_t l = (size_t)(pg->scroll + i - 1);
		tui_draw_row(y + i, 0, width,
			     l < pg->nlines && pg->lines[l].text ? pg->lines[l].text : "",
			     A_NORMAL);
	}
}

static const char *pg_row(const void *data, size_t i)
{
	const struct pager *pg = data;
	return i < pg->nlines ? pg->lines[i].text : NULL;
}

static enum tui_req pager_request(struct tui *t, void *data, enum tui_req req, long count,
				  int height)
{
	struct pager *pg = data;
	struct tui_nav n = { pg->scroll, pg->scroll, (int64_t)pg->nlines, true };
	if (tui_nav_request(&n, req, count, height - 1) || tui_nav_find(t, &n, req, pg_row, pg)) {
		pg->scroll = (int)n.top;
		return REQ_NONE;
	}
	if (req == REQ_HELP && pg->help)
		return REQ_BACK; /* ? again closes the help */
	if (req == REQ_IMP_TEXT)
		return REQ_BACK; /* a whole text: Enter goes back, as it came */
	return req;
}

static void pager_close(struct tui *t, void *data)
{
	(void)t;
	struct pager *pg = data;
	for (size_t i = 0; i < pg->nlines; i++)
		free(pg->lines[i].text);
	free(pg->lines);
	nd_buf_free(&pg->text);
	free(pg->title);
	free(pg);
}

const struct pane_ops tui_pager_pane = {
	.draw = pager_draw,
	.request = pager_request,
	.free = pager_close,
	.grep = pg_row,
};

/* A whole text (an imported item's, from its review): a pager of its own
 * kind, so its keys are its own row of the registry. */
const struct pane_ops tui_text_pane = {
	.draw = pager_draw,
	.request = pager_request,
	.free = pager_close,
	.grep = pg_row,
};

static struct pager *pager_new(const char *title)
{
	struct pager *pg = calloc(1, sizeof *pg);
	if (pg) {
		pg->title = strdup(title);
		pg->text = (struct nd_buf)ND_BUF_INIT;
	}
	return pg;
}

/* One help row: the keys in a column of 18, then the text. */
static void help_row(struct nd_buf *b, const char *label, const char *help)
{
	struct nd_buf cell = ND_BUF_INIT;
	tui_draw_text(&cell, label, 18, true, false);
	nd_buf_printf(b, "%s  %s\n", nd_buf_str(&cell), help);
	nd_buf_free(&cell);
}

/* The rows of the table for kind: keys first, then the `:`-only names. */
static void help_rows(struct tui *t, struct nd_buf *b, unsigned kind)
{
	char buf[160];
	for (size_t i = 0; i < tui_request_count; i++) {
		const struct tui_request *r = &tui_requests[i];
		const char *label = tui_request_label(r, kind, buf, sizeof buf);
		if ((r->panes & kind) && label[0] && tui_may(t, r))
			help_row(b, label, _(r->help));
	}
	if (kind & PANE_EDITOR)
		return;
	nd_buf_printf(b, "\n%s\n", _("At : (Tab completes):"));
	for (size_t i = 0; i < tui_request_count; i++) {
		const struct tui_request *r = &tui_requests[i];
		const char *label = tui_request_label(r, kind, buf, sizeof buf);
		if (!tui_may(t, r) || !((r->panes & kind) || !r->panes))
			continue;
		if (!r->panes && label[0]) /* a `:` request the user gave a key */
			help_row(b, label, _(r->help));
		else if (!label[0])
			help_row(b, r->name, _(r->help));
	}
	help_row(b, ":q", _("quit the desk"));
	help_row(b, ":42", _("select item #42"));
	help_row(b, ":messages", _("the message history"));
	help_row(b, ":finish :编完 …", _("a workflow verb by English or Chinese name"));
}

void tui_help_text(struct tui *t, unsigned for_kind, struct nd_buf *b)
{
	if (tui_bindings_source())
		nd_buf_printf(b,
			      _("Keys as %s binds them; every request's name is the one "
				"a binding file writes.\n\n"),
			      tui_bindings_source());
	const struct tui_pane_info *info = tui_pane_by_flag(for_kind);
	if (info)
		nd_buf_printf(b, "%s\n", _(info->title));
	help_rows(t, b, for_kind);
	if (!(for_kind & PANE_EDITOR)) {
		nd_buf_printf(b, "\n%s\n", _(tui_pane_by_flag(PANE_EDITOR)->title));
		help_rows(t, b, PANE_EDITOR);
	}
}

bool tui_help_open(struct tui *t, unsigned for_kind)
{
	struct pager *pg = pager_new(_("Keys (q closes this help)"));
	if (!pg)
		return false;
	pg->help = true;
	tui_help_text(t, for_kind, &pg->text);
	return tui_pane_push(t, &tui_pager_pane, pg);
}

bool tui_messages_open(struct tui *t)
{
	struct pager *pg = pager_new(_("Messages (q closes)"));
	if (!pg)
		return false;
	for (size_t i = 0; i < t->nhistory; i++)
		nd_buf_printf(&pg->text, "%s\n", t->history[i]);
	if (!t->nhistory)
		nd_buf_printf(&pg->text, "%s\n", _("(no messages yet)"));
	if (!tui_pane_push(t, &tui_pager_pane, pg))
		return false;
	/* the newest at the bottom, in view */
	pg->scroll = 1 << 30; /* clamped when drawn */
	return true;
}

/* One pane's lines: `bind PANE KEY NAME  # help`, each key its own line. */
static void bind_lines(struct tui *t, struct nd_buf *b, unsigned kind)
{
	nd_buf_printf(b, "\n# %s\n", tui_pane_name(kind));
	for (size_t i = 0; i < tui_request_count; i++) {
		const struct tui_request *r = &tui_requests[i];
		int codes[TUI_MAX_KEYS + 16];
		if (!tui_may(t, r) || (r->panes && !(r->panes & kind)))
			continue;
		if (!r->panes && kind == PANE_EDITOR)
			continue;
		size_t n = tui_request_keys(r, kind, codes, sizeof codes / sizeof *codes);
		char last[32] = "";
		for (size_t k = 0; k < n; k++) {
			char key[32];
			tui_key_name(codes[k], key, sizeof key);
			if (strcmp(key, last) == 0)
				continue; /* Enter: \n and KEY_ENTER, one name */
			snprintf(last, sizeof last, "%s", key);
			struct nd_buf cell = ND_BUF_INIT;
			nd_buf_printf(&cell, "bind %s %s %s", tui_pane_name(kind), key, r->name);
			tui_draw_text(b, nd_buf_str(&cell), 36, true, false);
			nd_buf_printf(b, "  # %s\n", _(r->help));
			nd_buf_free(&cell);
		}
		if (!n && r->panes)
			nd_buf_printf(b, "# (%s: %s)\n", r->name, _("no key"));
	}
}

void tui_bindings_text(struct tui *t, struct nd_buf *b)
{
	const char *src = tui_bindings_source();
	nd_buf_printf(b, "# %s\n", src ? src : _("the built-in keys: no binding file read"));
	for (size_t i = 0; i < tui_pane_count; i++)
		bind_lines(t, b, tui_panes[i].flag);
	nd_buf_printf(b, "\n# %s\n", _("at : only (bind one to a key in any pane but the editor)"));
	for (size_t i = 0; i < tui_request_count; i++)
		if (!tui_requests[i].panes && tui_may(t, &tui_requests[i]))
			nd_buf_printf(b, "# :%s  %s\n", tui_requests[i].name,
				      _(tui_requests[i].help));
}

bool tui_bindings_open(struct tui *t)
{
	struct pager *pg = pager_new(_("Key bindings in force (q closes)"));
	if (!pg)
		return false;
	tui_bindings_text(t, &pg->text);
	return tui_pane_push(t, &tui_pager_pane, pg);
}

bool tui_text_open(struct tui *t, const char *title, const char *text)
{
	struct pager *pg = pager_new(title);
	if (!pg)
		return false;
	nd_buf_adds(&pg->text, text);
	return tui_pane_push(t, &tui_text_pane, pg);
}
