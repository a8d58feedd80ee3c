/* app.c — the desk's main loop over a stack of panes, as tig's view stack:
 * the pane on top gets each request first (tui_request_for_key over the
 * table in keys.c) and hands back what it does not handle to the generic
 * requests here; q pops one pane. Live refresh from PRAGMA data_version on
 * the input timeout. */
#include "newsdesk/drafts.h"
#include "newsdesk/lang.h"
#include "newsdesk/termcode.h"
#include "newsdesk/tui_app.h"
#include "newsdesk/tui_editor.h"
#include "newsdesk/tui_import.h"
#include "newsdesk/tui_review.h"
#include "newsdesk/tui_rundown.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the list's data ------------------------------------------------------ */

void tui_reload_list(struct tui *t)
{
	tui_reload(t, tui_list_height(t) ? tui_list_height(t) : 2);
}

const struct nd_item *tui_selected(const struct tui *t)
{
	size_t r = (size_t)(t->sel - t->top);
	return r < t->nrows ? &t->rows[r] : NULL;
}

/* ---- the stack ------------------------------------------------------------ */

bool tui_pane_push(struct tui *t, const struct pane_ops *ops, void *data)
{
	if (t->depth == TUI_STACK) {
		tui_message(t, true, "%s", _("too many panes open: press q"));
		if (ops->close)
			ops->close(t, data);
		return false;
	}
	t->stack[t->depth++] = (struct tui_pane){ ops, data };
	if (ops->open && !ops->open(t, data)) {
		tui_pane_pop(t);
		return false;
	}
	return true;
}

void tui_pane_pop(struct tui *t)
{
	if (t->depth <= 1)
		return; /* the desk stays */
	struct tui_pane p = t->stack[--t->depth];
	if (p.ops->close)
		p.ops->close(t, p.data);
	tui_reload_list(t);
}

void *tui_pane_find(const struct tui *t, const struct pane_ops *ops)
{
	for (int i = t->depth - 1; i >= 0; i--)
		if (t->stack[i].ops == ops)
			return t->stack[i].data;
	return NULL;
}

const struct tui_pane *tui_pane_top(const struct tui *t)
{
	return &t->stack[t->depth - 1];
}

/* ---- requests no pane handled --------------------------------------------- */

static unsigned keys_kind(const struct tui *t)
{
	const struct tui_pane *p = tui_pane_top(t);
	return p->ops->keys_as ? p->ops->keys_as(t, p->data) : p->ops->kind;
}

static void dispatch(struct tui *t, enum tui_req req, long count);

static void generic(struct tui *t, enum tui_req req)
{
	const char *verb = NULL;
	switch (req) {
	case REQ_BACK:
	case REQ_CLOSE:
		tui_pane_pop(t);
		break;
	case REQ_DESK:
		while (t->depth > 1 && tui_pane_top(t)->ops != &tui_editor_pane)
			tui_pane_pop(t);
		t->focus = FOCUS_LIST;
		break;
	case REQ_QUIT:
		if (tui_pane_find(t, &tui_editor_pane))
			tui_message(t, true, "%s", _("leave the editor first (Esc)"));
		else
			t->quit = true;
		break;
	case REQ_COMMAND:
		req = tui_command(t, &verb);
		if (verb)
			tui_desk_verb(t, verb);
		else if (req != REQ_NONE && req != REQ_COMMAND)
			dispatch(t, req, 0);
		break;
	case REQ_MESSAGES:
		tui_messages_open(t);
		break;
	case REQ_BINDINGS:
		tui_bindings_open(t);
		break;
	case REQ_MOUSE:
		t->mouse = !t->mouse;
		mousemask(t->mouse ? BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED : 0, NULL);
		mouseinterval(0);
		tui_message(t, false, "%s",
			    t->mouse ? _("mouse on (:mouse turns it off; Shift selects text)")
				     : _("mouse off"));
		break;
	case REQ_HELP:
		if (tui_pane_top(t)->ops == &tui_pager_pane)
			tui_pane_pop(t); /* ? again closes the help */
		else
			tui_help_open(t, keys_kind(t));
		break;
	case REQ_REDRAW:
		clearok(curscr, TRUE);
		tui_reload_list(t);
		break;
	case REQ_SUSPEND:
		tui_suspend();
		break;
	case REQ_INTERRUPT:
		if (tui_confirm(_("Quit newsdesk? (y/n) ")))
			t->quit = true;
		break;
	default:
		break;
	}
}

static void dispatch(struct tui *t, enum tui_req req, long count)
{
	const struct tui_request *r = tui_request_info(req);
	if (r && !r->verb && !tui_may(t, r)) {
		/* the workflow refuses verbs with its own words; these are ours */
		tui_message(t, true, "%s", _("your role may not do that"));
		return;
	}
	const struct tui_pane *p = tui_pane_top(t);
	if (p->ops->request)
		req = p->ops->request(t, p->data, req, count, tui_available());
	if (req != REQ_NONE)
		generic(t, req);
}

/* ---- the loop ------------------------------------------------------------- */

static void tui_free(struct tui *t)
{
	while (t->depth > 1)
		tui_pane_pop(t);
	tui_list_clear(t);
	tui_itemview_clear(&t->preview);
	nd_state_counts_free(t->counts, t->ncounts);
	free(t->matches);
	tui_messages_free(t);
	nd_workflow_free(&t->wf);
}

/* Another process committed: every pane that shows stored data reloads. */
static void refresh_data(struct tui *t)
{
	int64_t v = nd_store_data_version(t->st);
	if (v == t->data_version)
		return;
	t->data_version = v;
	tui_itemview_invalidate(&t->preview);
	t->total_stale = true; /* counted again when idle: the window first */
	tui_reload_list(t);
	tui_rundown_refresh(t);
	tui_review_refresh(t);
	for (int i = 1; i < t->depth; i++)
		if (t->stack[i].ops == &tui_item_pane)
			tui_itemview_invalidate(t->stack[i].data);
}

/* The wheel scrolls whatever pane is on top; a click in the desk's list
 * selects the row, in its item pane focuses it. */
static void mouse(struct tui *t)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return;
	t->message[0] = '\0';
	if (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		dispatch(t, ev.bstate & BUTTON4_PRESSED ? REQ_UP : REQ_DOWN, 3);
		return;
	}
	if (!(ev.bstate & BUTTON1_PRESSED) || t->depth != 1)
		return;
	int lh = tui_list_height(t);
	if (ev.y >= 2 && ev.y < 1 + lh && t->top + (ev.y - 2) < t->total) {
		t->focus = FOCUS_LIST;
		t->sel = t->top + (ev.y - 2);
		t->sel_id = 0;
		tui_reload_list(t);
	} else if (ev.y > 1 + lh && ev.y < LINES - 2) {
		t->focus = FOCUS_ITEM;
	}
}

/* One key: a raw pane (the editor) takes it whole; elsewhere digits make a
 * count (5j) and the table makes the key a request. */
static void key(struct tui *t, int kind, wint_t ch, long *count)
{
	const struct tui_pane *p = tui_pane_top(t);
	if (p->ops->key) {
		t->message[0] = '\0';
		if (!p->ops->key(t, p->data, kind, ch, tui_available()))
			tui_pane_pop(t);
		return;
	}
	if (kind == KEY_CODE_YES && ch == KEY_MOUSE) {
		mouse(t);
		return;
	}
	if (kind == OK && ch >= '0' && ch <= '9' && (ch != '0' || *count)) {
		if (*count < 1000000)
			*count = *count * 10 + (long)(ch - '0');
		return;
	}
	enum tui_req req = tui_request_for_key(keys_kind(t), kind, ch);
	long n = *count;
	*count = 0;
	if (req == REQ_NONE)
		return;
	t->message[0] = '\0';
	int64_t changes = nd_store_changes(t->st);
	if (nd_store_data_version(t->st) != t->data_version)
		t->total_stale = true; /* a commit elsewhere this key's reload takes in */
	dispatch(t, req, n);
	t->data_version = nd_store_data_version(t->st);
	if (nd_store_changes(t->st) != changes)
		t->total_stale = true; /* our own commit: the list's length too */
}

static int loop(struct tui *t, const struct nd_tui_options *opt)
{
	long count = 0;
	while (!t->quit) {
		tui_frame_draw(t);
		if (opt && opt->once)
			break;
		/* Wake for the autosave when it falls due before the refresh;
		 * with counting left to do, at once when no key is waiting. */
		int due = tui_editor_autosave_due(t);
		int wait = tui_idle_pending(t) ? 0 : 500;
		timeout(due >= 0 && due < wait ? due : wait);
		wint_t ch;
		int kind = get_wch(&ch);
		int hangup = tui_hangup(kind);
		if (hangup)
			return hangup;
		if (tui_pane_find(t, &tui_editor_pane))
			tui_editor_autosave(t, false);
		if (kind == ERR) {
			refresh_data(t);
			tui_list_idle(t);
			continue;
		}
		if (kind == KEY_CODE_YES && ch == KEY_RESIZE) {
			clear();
			tui_reload_list(t);
			continue;
		}
		key(t, kind, ch, &count);
		if (tui_pane_find(t, &tui_editor_pane))
			tui_editor_autosave(t, false);
	}
	return 0;
}

int tui_init(struct tui *t, struct nd_store *st, const struct nd_actor *actor, struct nd_error *err)
{
	memset(t, 0, sizeof *t);
	t->st = st;
	t->actor = actor;
	t->stack[0] = (struct tui_pane){ &tui_desk_pane, NULL };
	t->depth = 1;
	t->total = -1; /* counted at the first reload */
	return nd_workflow_load(st, &t->wf, err) < 0 ? err->code : 0;
}

void tui_done(struct tui *t)
{
	tui_free(t);
}

/* The user's key bindings; a bad line is a message (all of them in
 * :messages) and the desk starts all the same. */
static void bindings_start(struct tui *t, const char *path)
{
	struct nd_buf errors = ND_BUF_INIT;
	tui_bindings_clear();
	int bad = tui_bindings_load(path, &errors);
	const char *s = nd_buf_str(&errors);
	for (const char *p = s; *p;) {
		const char *nl = strchr(p, '\n');
		int len = nl ? (int)(nl - p) : (int)strlen(p);
		tui_message(t, true, "%.*s", len, p);
		p += len + (nl ? 1 : 0);
	}
	if (bad > 1)
		tui_message(t, true,
			    ngettext("%d bad line in the key bindings (M shows them all)",
				     "%d bad lines in the key bindings (M shows them all)",
				     (unsigned long)bad),
			    bad);
	nd_buf_free(&errors);
}

int nd_tui_run(struct nd_store *st, const struct nd_actor *actor, const struct nd_tui_options *opt,
	       struct nd_error *err)
{
	if (nd_term_kind() == ND_TERM_NARROW)
		return nd_fail(
		    err, ND_EINVAL,
		    _("the terminal's locale %1$s writes %2$s, which cannot show Chinese; "
		      "open the desk under a UTF-8 or GB18030 locale, e.g. "
		      "LC_ALL=zh_CN.UTF-8 newsdesk"),
		    nd_term_locale(), nd_term_charset());
	struct tui t;
	if (tui_init(&t, st, actor, err) < 0)
		return err->code;
	/* curses writes the terminal's own charset itself (tui_put): it gets
	 * the stdout that converts nothing */
	SCREEN *screen = newterm(NULL, nd_term_raw_stdout(), stdin);
	if (!screen) {
		nd_workflow_free(&t.wf);
		return nd_fail(err, ND_EIO, _("cannot start the terminal interface (TERM=%s)"),
			       getenv("TERM") ? getenv("TERM") : "");
	}
	/* Raw in every pane: Ctrl-S, Ctrl-Q, Ctrl-C and Ctrl-Z reach us as
	 * keys (no flow control freezing the screen, no signals). */
	raw();
	noecho();
	keypad(stdscr, TRUE);
	tui_keys_init();
	set_escdelay(25);
	curs_set(0);
	timeout(500); /* how often another process's commits are noticed */
	tui_signals_install();
	tui_setup_colors(&t);
	t.split = (tui_available() * 45) / 100;
	t.data_version = nd_store_data_version(st);
	tui_reload_list(&t);
	if (opt->note)
		tui_message(&t, false, "%s", opt->note);
	if (t.total)
		tui_message(&t, false,
			    ngettext("%lld item · ? for help", "%lld items · ? for help",
				     (unsigned long)t.total),
			    (long long)t.total);
	bindings_start(&t, opt ? opt->keys_file : NULL);
	tui_notices_show(&t);
	/* import --interactive: the desk opens on the page's review */
	bool no_import = opt && opt->import && !tui_import_open(&t, opt->import);
	int hangup = no_import ? 0 : loop(&t, opt);
	if (hangup)
		tui_editor_hangup(&t); /* the draft first, then the terminal */
	while (t.depth > 1)
		tui_pane_pop(&t);
	endwin();
	delscreen(screen);
	tui_signals_restore();
	tui_free(&t);
	if (no_import)
		return nd_fail(err, ND_ENOMEM, _("out of memory opening the page's review"));
	if (hangup)
		return nd_fail(
		    err, ND_EINVAL,
		    _("the desk ended on signal %1$d (%2$s); unsaved text is kept as a draft "
		      "('newsdesk drafts'), offered when the item is opened again"),
		    hangup, strsignal(hangup));
	return 0;
}
