/* frame.c — what surrounds the panes: the title line, the key hints (from
 * the request table, for the pane on top and the user's role), the message
 * line and its history, the colours and the layout of the desk's split. */
#include "newsdesk/buf.h"
#include "newsdesk/tui_app.h"
#include "newsdesk/width.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MIN_COLS 60
#define MIN_LINES 15
/* How often the title reads the replica's state again: a few stat calls
 * (nd_replica_peek), so the desk never waits on it. */
#define REPLICA_EVERY_MS 3000

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
	return s ? nd_state_label(s) : state;
}

void tui_setup_colors(struct tui *t)
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

/* Every message is kept (the last TUI_MESSAGES): the line shows what fits,
 * M or :messages shows them whole. */
void tui_message(struct tui *t, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(t->message, sizeof t->message, fmt, ap);
	va_end(ap);
	t->message_error = error;
	if (!t->message[0])
		return;
	if (t->nhistory == TUI_MESSAGES) {
		free(t->history[0]);
		memmove(t->history, t->history + 1, (TUI_MESSAGES - 1) * sizeof *t->history);
		t->nhistory--;
	}
	char *copy = strdup(t->message);
	if (copy)
		t->history[t->nhistory++] = copy;
}

void tui_messages_free(struct tui *t)
{
	for (size_t i = 0; i < t->nhistory; i++)
		free(t->history[i]);
	t->nhistory = 0;
	for (size_t i = 0; i < t->nsearches; i++)
		free(t->searches[i]);
	t->nsearches = 0;
}

/* ---- layout ------------------------------------------------------------- */

bool tui_too_small(void)
{
	return COLS < MIN_COLS || LINES < MIN_LINES;
}

int tui_available(void)
{
	return LINES - 3; /* title, hints, message */
}

int tui_split_height(const struct tui *t)
{
	int h = t->split;
	if (h > tui_available() - 4)
		h = tui_available() - 4;
	return h < 3 ? 3 : h;
}

/* ---- the title ---------------------------------------------------------- */

static const char *const sort_names[] = { N_("updated"), N_("id"), N_("filed"), N_("chars") };

const char *tui_sort_name(int sort)
{
	return _(sort_names[sort]);
}

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

/* How far behind the replica is, for admins; a replica that stopped, or
 * fell more than ND_REPLICA_WARN_SECONDS behind, is a warning (!). */
/* The replica's state, read again when REPLICA_EVERY_MS passed (for
 * admins); true when what the title says of it changed. The loop asks
 * while idle, so the title follows the replica without a key. */
bool tui_title_idle(struct tui *t)
{
	if (t->actor->user.rank < ND_RANK_ADMIN)
		return false;
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	int64_t now = (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000 + 1;
	if (t->replica_ms && now - t->replica_ms < REPLICA_EVERY_MS)
		return false;
	struct nd_replica_status was = t->replica;
	nd_replica_peek(nd_store_path(t->st), &t->replica);
	t->replica_ms = now;
	const struct nd_replica_status *r = &t->replica;
	return was.configured != r->configured || was.running != r->running ||
	       was.known != r->known || (long)was.lag_seconds != (long)r->lag_seconds ||
	       strcmp(was.url, r->url) != 0;
}

/* How far behind the replica is, for admins; a replica that stopped, or
 * fell more than ND_REPLICA_WARN_SECONDS behind, is a warning (!). */
static void title_replica(struct tui *t, struct nd_buf *right)
{
	if (t->actor->user.rank < ND_RANK_ADMIN)
		return;
	if (!t->replica_ms)
		tui_title_idle(t); /* the first frame reads it at once */
	const struct nd_replica_status *r = &t->replica;
	if (!r->configured)
		return;
	if (!r->running && r->known)
		nd_buf_printf(right, _("! replica stopped, %.0f s behind"), r->lag_seconds);
	else if (!r->running)
		nd_buf_adds(right, _("! replica stopped"));
	else if (!r->known && r->url[0] == '/')
		nd_buf_adds(right, _("! replica holds no copy yet"));
	else if (!r->known)
		nd_buf_adds(right, _("replica running"));
	else if (r->lag_seconds > ND_REPLICA_WARN_SECONDS)
		nd_buf_printf(right, _("! replica %.0f s behind"), r->lag_seconds);
	else
		nd_buf_printf(right, _("replica %.0f s behind"), r->lag_seconds);
	nd_buf_adds(right, " · ");
}

static void draw_title(struct tui *t)
{
	struct nd_buf left = ND_BUF_INIT, right = ND_BUF_INIT, row = ND_BUF_INIT;
	nd_buf_adds(&left, " newsdesk");
	for (size_t i = 0; i < t->ncounts; i++)
		if (t->counts[i].count)
			nd_buf_printf(&left, " · %s %lld", t->counts[i].label,
				      (long long)t->counts[i].count);
	/* what the panes add: the list's limit, filter and sort */
	for (int i = 0; i < t->depth; i++)
		if (t->stack[i].ops->title)
			t->stack[i].ops->title(t, t->stack[i].data, &left);
	title_replica(t, &right);
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

/* ---- hints -------------------------------------------------------------- */

/* A reporter's hint line follows the selected item: a verb only when the
 * workflow lets the reporter take it from the item's state (B refile on a
 * returned item), and e edit when the item is theirs and returned to
 * them. NULL: no item to follow (hints by role alone). */
static const struct nd_item *reporter_item(const struct tui *t)
{
	const struct tui_pane *p = tui_pane_focused(t);
	const struct nd_item *row = NULL;
	if (t->actor->user.rank >= ND_RANK_EDITOR || !p->ops->about)
		return NULL;
	p->ops->about(t, p->data, &row);
	return row;
}

static bool verb_from(const struct tui *t, const char *verb, const char *state)
{
	for (size_t i = 0; i < t->wf.n_transitions; i++) {
		const struct nd_transition *tr = &t->wf.transitions[i];
		if (strcmp(tr->verb, verb) == 0 && tr->min_rank <= t->actor->user.rank &&
		    (!tr->from_state || strcmp(tr->from_state, state) == 0))
			return true;
	}
	return false;
}

static bool hinted(const struct tui *t, const struct tui_request *r, const struct nd_item *it)
{
	if (!it)
		return r->hint != NULL;
	if (r->req == REQ_EDIT) {
		const struct nd_state *s = nd_workflow_state(&t->wf, it->state);
		return s && s->reporter_edits && strcmp(it->reporter, t->actor->user.login) == 0;
	}
	if (r->verb)
		return verb_from(t, r->verb, it->state);
	return r->hint != NULL;
}

/* The hint line: every request bound in this pane that has a hint and that
 * the user's role may make, with its first key as the user bound it. */
static void draw_hints(struct tui *t)
{
	const struct tui_pane *p = tui_pane_focused(t);
	struct nd_buf b = ND_BUF_INIT;
	unsigned kind = tui_pane_keys(t, p);
	const struct nd_item *it = reporter_item(t);
	for (size_t i = 0; i < tui_request_count; i++) {
		const struct tui_request *r = &tui_requests[i];
		char buf[160];
		if (!hinted(t, r, it) || !(r->panes & kind) || !tui_may(t, r))
			continue;
		const char *keys = tui_request_label(r, kind, buf, sizeof buf);
		if (!keys[0])
			continue; /* unbound */
		/* q quits from the desk's list, else it goes back */
		const char *label = r->req == REQ_BACK && t->focus == 0 && kind == PANE_LIST
					? N_("quit")
				    : r->req == REQ_EDIT ? N_("edit")
							 : r->hint;
		char key[32];
		snprintf(key, sizeof key, "%s", keys);
		char *space = strchr(key, ' ');
		if (space)
			*space = '\0';
		nd_buf_printf(&b, "%s%s %s", b.len ? "  " : " ", key, _(label));
	}
	tui_draw_row(LINES - 2, 0, COLS, nd_buf_str(&b), A_REVERSE);
	nd_buf_free(&b);
}

/* The desk last drawn, for a prompt that must draw it again (a resize
 * while it waits for an answer). */
static struct tui *shown;

void tui_frame_redraw(void)
{
	if (shown) {
		clearok(curscr, TRUE);
		tui_frame_draw(shown);
	}
}

static void draw_pane(struct tui *t, struct tui_pane *p, int y, int height)
{
	p->y = y;
	p->height = height;
	p->ops->draw(t, p->data, y, height, COLS);
}

/* The top pane, and the one below it above it when the top is split with
 * it (tig's main over diff). The top pane last: a pane with a cursor
 * leaves it where the user types. */
static void draw_panes(struct tui *t)
{
	struct tui_pane *top = &t->stack[t->depth - 1];
	/* the cursor is set once, not hidden and shown again on each frame */
	curs_set(tui_pane_focused(t)->ops->cursor ? 1 : 0);
	if (top->split && t->depth > 1) {
		int h = tui_split_height(t);
		draw_pane(t, &t->stack[t->depth - 2], 1, h);
		draw_pane(t, top, 1 + h, tui_available() - h);
	} else {
		draw_pane(t, top, 1, tui_available());
	}
}

void tui_frame_draw(struct tui *t)
{
	shown = t;
	erase();
	if (tui_too_small()) {
		char msg[128];
		snprintf(msg, sizeof msg,
			 _("window too small: %1$dx%2$d, newsdesk needs %3$dx%4$d"), COLS, LINES,
			 MIN_COLS, MIN_LINES);
		tui_draw_row(0, 0, COLS, msg, A_BOLD);
		refresh();
		return;
	}
	draw_title(t);
	draw_hints(t);
	tui_draw_row(LINES - 1, 0, COLS, t->message,
		     t->message_error ? (t->colors ? (int)COLOR_PAIR(PAIR_ERROR) | A_BOLD : A_BOLD)
				      : A_NORMAL);
	draw_panes(t);
	tui_refresh();
}
