/* app.c — the desk's main loop over a stack of panes, as tig's view stack.
 * It names no pane: the registry (panes.c) gives the bottom one, and every
 * pane is reached through its pane_ops. The pane on top gets each request
 * first (tui_request_for_key over the table in keys.c) and hands back what
 * it does not handle to the generic requests here; q pops one pane (when
 * the pane agrees). After the keys waiting are all read, a store that
 * changed (our commit or another process's) is shown by every pane on the
 * stack; then the screen is drawn once. Idle, nothing is written. */
#include "newsdesk/tui_app.h"
#include "newsdesk/tui_counter.h"

#include <string.h>

/* How long after a key the loop waits for the next of a burst before it
 * draws: below what anyone sees, above the gaps between the keys of one
 * burst as a terminal or tmux writes them. */
#define BURST_MS 4

/* ---- the stack ------------------------------------------------------------ */

bool tui_pane_push(struct tui *t, const struct pane_ops *ops, void *data)
{
	if (t->depth == TUI_STACK) {
		tui_message(t, true, "%s", _("too many panes open: press q"));
		if (ops->free)
			ops->free(t, data);
		return false;
	}
	t->stack[t->depth] = (struct tui_pane){ ops, data, false, t->focus, 0, 0 };
	t->focus = t->depth++;
	if (ops->open && !ops->open(t, data)) {
		tui_pane_pop(t);
		return false;
	}
	return true;
}

/* Off the stack and freed. The panes below are shown as they are: they
 * reload only when the store changed (refresh_all, after the key). */
void tui_pane_pop(struct tui *t)
{
	if (t->depth <= 1)
		return; /* the desk stays */
	struct tui_pane p = t->stack[--t->depth];
	t->focus = p.was_focus < t->depth ? p.was_focus : t->depth - 1;
	if (p.ops->free)
		p.ops->free(t, p.data);
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

const struct tui_pane *tui_pane_focused(const struct tui *t)
{
	return &t->stack[t->focus];
}

bool tui_pane_has_focus(const struct tui *t, const void *data)
{
	return t->depth > 0 && t->stack[t->focus].data == data;
}

bool tui_pane_split(struct tui *t, const struct pane_ops *ops, void *data, bool focus)
{
	if (t->depth < 1 || !tui_pane_push(t, ops, data))
		return false;
	t->stack[t->depth - 1].split = true;
	if (!focus)
		t->focus = t->depth - 2;
	return true;
}

void tui_pane_focus_below(struct tui *t, bool below)
{
	t->focus =
	    below && t->depth > 1 && t->stack[t->depth - 1].split ? t->depth - 2 : t->depth - 1;
}

const struct tui_pane *tui_pane_below(const struct tui *t, const void *data)
{
	for (int i = t->depth - 1; i > 0; i--)
		if (t->stack[i].data == data)
			return &t->stack[i - 1];
	return NULL;
}

/* May the pane be left? It may ask, or say why not. */
static bool may_close(struct tui *t, const struct tui_pane *p)
{
	return !p->ops->close || p->ops->close(t, p->data);
}

/* Every pane over the desk, as long as each agrees. */
static bool close_all(struct tui *t)
{
	while (t->depth > 1) {
		if (!may_close(t, tui_pane_top(t)))
			return false;
		tui_pane_pop(t);
	}
	return true;
}

/* ---- requests no pane handled --------------------------------------------- */

static unsigned keys_kind(const struct tui *t)
{
	return tui_pane_keys(t, tui_pane_focused(t));
}

/* A verb no request carries (`:`), on the item of the pane the user is
 * looking at (the focused one), never on a pane's underneath. */
static void run_verb(struct tui *t, const char *verb)
{
	const struct tui_pane *p = tui_pane_focused(t);
	int64_t id = p->ops->about ? p->ops->about(t, p->data, NULL) : 0;
	if (p->ops->verb)
		p->ops->verb(t, p->data, verb);
	else if (id)
		tui_run_verb(t, id, verb);
	else
		tui_message(t, true, "%s", _("no item selected"));
}

/* + and -: the upper pane of a split grows or shrinks. */
static void resplit(struct tui *t, int by)
{
	t->split = tui_split_height(t) + by;
	if (t->split > tui_available() - 4)
		t->split = tui_available() - 4;
	if (t->split < 3)
		t->split = 3;
}

static void dispatch(struct tui *t, enum tui_req req, long count);

static void toggle_mouse(struct tui *t)
{
	t->mouse = !t->mouse;
	mousemask(t->mouse ? BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED : 0, NULL);
	mouseinterval(0);
	tui_message(t, false, "%s",
		    t->mouse ? _("mouse on (:mouse turns it off; Shift selects text)")
			     : _("mouse off"));
}

static void generic(struct tui *t, enum tui_req req)
{
	const char *verb = NULL;
	switch (req) {
	case REQ_BACK:
	case REQ_CLOSE:
		if (may_close(t, tui_pane_top(t)))
			tui_pane_pop(t);
		break;
	case REQ_DESK:
		/* the bottom pane hears it too (the list takes the focus back) */
		if (close_all(t) && t->stack[0].ops->request)
			t->stack[0].ops->request(t, t->stack[0].data, REQ_DESK, 0, tui_available());
		break;
	case REQ_QUIT:
		if (close_all(t))
			t->quit = true;
		break;
	case REQ_COMMAND:
		req = tui_command(t, &verb);
		if (verb)
			run_verb(t, verb);
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
		toggle_mouse(t);
		break;
	case REQ_GROW:
	case REQ_SHRINK:
		resplit(t, req == REQ_GROW ? 2 : -2);
		break;
	case REQ_HELP:
		tui_help_open(t, keys_kind(t));
		break;
	case REQ_REDRAW:
		clearok(curscr, TRUE);
		t->data_version = -1; /* ^L reads everything again */
		break;
	case REQ_SUSPEND:
		tui_suspend();
		break;
	case REQ_INTERRUPT:
		if (tui_confirm(_("Quit newsdesk? (y/n) ")) && close_all(t))
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
	const struct tui_pane *p = tui_pane_focused(t);
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
	if (t->depth && t->stack[0].ops->free)
		t->stack[0].ops->free(t, t->stack[0].data);
	t->depth = 0;
	tui_counter_reap(true); /* counts a pane dropped, their threads ended */
	nd_state_counts_free(t->counts, t->ncounts);
	t->counts = NULL;
	t->ncounts = 0;
	tui_messages_free(t);
	nd_workflow_free(&t->wf);
}

/* The store changed, by another process's commit (data_version) or by our
 * own (the connection's change count): every pane on the stack reloads
 * what it shows, bottom first, before the next key is read. True when it
 * did. */
static bool refresh_all(struct tui *t)
{
	int64_t v = nd_store_data_version(t->st), c = nd_store_changes(t->st);
	if (v == t->data_version && c == t->changes)
		return false;
	t->data_version = v;
	t->changes = c;
	for (int i = 0; i < t->depth; i++)
		if (t->stack[i].ops->refresh)
			(*t->stack[i].ops->refresh)(t, t->stack[i].data);
	/* a pane's reload may have written (a lock taken back): not again */
	t->data_version = nd_store_data_version(t->st);
	t->changes = nd_store_changes(t->st);
	return true;
}

/* Idle work of every pane (typing: only what the clock makes due, as a
 * draft's autosave); returns the milliseconds until some pane wants it
 * again, -1: none. *changed when the screen may show something new. */
static int idle_all(struct tui *t, bool typing, bool *changed)
{
	int wait = -1;
	for (int i = t->depth - 1; i >= 0; i--) {
		const struct tui_pane *p = &t->stack[i];
		if (!p->ops->idle)
			continue;
		int w = p->ops->idle(t, p->data, typing, changed);
		if (w >= 0 && (wait < 0 || w < wait))
			wait = w;
	}
	return wait;
}

/* The wheel scrolls whatever pane is on top; a click is the pane's. */
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
	/* the click's pane (of a split's two) takes the keys */
	for (int i = t->depth - 1; i >= 0; i--) {
		const struct tui_pane *p = &t->stack[i];
		if (ev.y >= p->y && ev.y < p->y + p->height) {
			t->focus = i;
			if (p->ops->mouse)
				p->ops->mouse(t, p->data, &ev);
			return;
		}
		if (!p->split)
			return; /* the panes under it are not shown */
	}
}

/* While the screen is too small to show what a key would do, no key acts
 * unseen: ^L redraws and ^C quits after asking (over any pane, the editor
 * too); every other key rings the bell and does nothing. True when the key
 * was taken here. (A resize is handled before.) */
static bool held(struct tui *t, int kind, wint_t ch)
{
	if (!tui_too_small())
		return false;
	if (kind == OK && ch == TK_CTRL('L'))
		dispatch(t, REQ_REDRAW, 0);
	else if (kind == OK && ch == TK_CTRL('C'))
		dispatch(t, REQ_INTERRUPT, 0);
	else
		beep();
	return true;
}

/* One key: a raw pane (the editor) takes it whole; elsewhere digits make a
 * count (5j) and the table makes the key a request. */
static void key(struct tui *t, int kind, wint_t ch, long *count)
{
	if (held(t, kind, ch))
		return;
	const struct tui_pane *p = tui_pane_focused(t);
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
	dispatch(t, req, n);
}

static void resize(struct tui *t)
{
	clearok(curscr, TRUE);
	for (int i = 0; i < t->depth; i++)
		if (t->stack[i].ops->resize)
			t->stack[i].ops->resize(t, t->stack[i].data);
}

/* Draws only when something changed; reads every key already waiting
 * before it draws again (ten j in a burst: one frame); writes nothing
 * while idle. The store's data_version is looked at every half second. */
int tui_loop(struct tui *t, const struct nd_tui_options *opt)
{
	long count = 0;
	bool dirty = true;
	int wait = -1;
	while (!t->quit) {
		if (dirty)
			tui_frame_draw(t);
		dirty = false;
		if (opt && opt->once)
			break;
		timeout(wait >= 0 && wait < 500 ? wait : 500);
		wint_t ch;
		int kind = get_wch(&ch);
		int hangup = tui_hangup(kind);
		if (hangup)
			return hangup;
		if (kind == ERR) {
			dirty = refresh_all(t);
			dirty |= tui_title_idle(t);
			wait = idle_all(t, false, &dirty);
			continue;
		}
		for (;;) {
			if (kind == KEY_CODE_YES && ch == KEY_RESIZE)
				resize(t);
			else
				key(t, kind, ch, &count);
			if (t->quit || tui_hangup(OK))
				break;
			/* the rest of a burst (a paste, a held key, keys over a
			 * slow link) is read before drawing; a few milliseconds
			 * more for keys still on their way from the terminal */
			timeout(0);
			kind = get_wch(&ch);
			if (kind == ERR) {
				timeout(BURST_MS);
				kind = get_wch(&ch);
			}
			if (kind == ERR || tui_hangup(kind))
				break;
		}
		refresh_all(t);
		wait = idle_all(t, true, &dirty);
		dirty = true;
	}
	return 0;
}

void tui_done(struct tui *t)
{
	tui_free(t);
}
