/* item.c — the item pane: a preview of the selected item (kicker,
 * headline, subhead, dateline, the body wrapped to the pane by the Chinese
 * line-breaking rules, byline, notes). Lines are laid out once per item and
 * width, then only the visible ones are drawn. */
#include "newsdesk/buf.h"
#include "newsdesk/count.h"
#include "newsdesk/photos.h"
#include "newsdesk/sanitize.h"
#include "newsdesk/tui_app.h"
#include "newsdesk/tui_photo.h"
#include "newsdesk/width.h"
#include "newsdesk/wrap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void tui_itemview_clear(struct tui_itemview *iv)
{
	for (size_t i = 0; i < iv->nlines; i++)
		free(iv->lines[i].text);
	free(iv->lines);
	iv->lines = NULL;
	iv->nlines = 0;
	if (iv->item.id)
		nd_item_free(&iv->item);
	memset(&iv->item, 0, sizeof iv->item);
}

void tui_itemview_invalidate(struct tui_itemview *iv)
{
	tui_itemview_clear(iv);
	iv->built_id = 0;
	iv->width = 0;
}

static void add_line(struct tui_itemview *iv, const char *text, size_t n, int attr)
{
	struct tui_line *nl = realloc(iv->lines, (iv->nlines + 1) * sizeof *nl);
	if (!nl)
		return;
	iv->lines = nl;
	struct nd_buf b = ND_BUF_INIT;
	nd_sanitize(&b, text, n, 0);
	iv->lines[iv->nlines].text = nd_buf_take(&b);
	iv->lines[iv->nlines].attr = attr;
	iv->nlines++;
}

/* Wraps text (paragraphs separated by '\n') into lines of width. */
static void add_wrapped(struct tui_itemview *iv, const char *text, int width, int attr,
			const char *indent)
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
			add_line(iv, nd_buf_str(&b), b.len, attr);
			nd_buf_free(&b);
		}
		if (n > 0)
			free(lines);
		p += len + (nl ? 1 : 0);
	}
}

static void when(int64_t at, char *out, size_t size)
{
	time_t tt = (time_t)at;
	struct tm tm;
	if (!localtime_r(&tt, &tm) || !strftime(out, size, "%m-%d %H:%M", &tm))
		snprintf(out, size, "-");
}

/* The latest move, when it came with a note (a return's reason, a spike's),
 * leads the pane; the whole workflow log ends it. */
static void add_log(struct tui *t, struct tui_itemview *iv, int width, bool head)
{
	struct nd_event *ev;
	size_t n;
	struct nd_error err = { 0 };
	if (nd_events_list(t->st, t->actor, iv->id, &ev, &n, &err) < 0)
		return;
	struct nd_buf b = ND_BUF_INIT;
	char at[32];
	/* A person's note only: what the program noted (a placement, a
	 * hang-up) is in the log below. */
	if (head && n && ev[n - 1].note && ev[n - 1].note[0] && !ev[n - 1].system) {
		const struct nd_event *e = &ev[n - 1];
		when(e->at, at, sizeof at);
		nd_buf_printf(&b, _("%1$s by %2$s at %3$s, with the note: %4$s"),
			      e->to_state ? e->to_state : e->verb, e->actor, at, e->note);
		add_wrapped(iv, nd_buf_str(&b), width, A_BOLD, "");
		add_line(iv, "", 0, A_NORMAL);
	}
	if (!head && n) {
		add_line(iv, "", 0, A_NORMAL);
		add_line(iv, _("── Log ──"), strlen(_("── Log ──")), A_BOLD);
		for (size_t i = 0; i < n; i++) {
			when(ev[i].at, at, sizeof at);
			nd_buf_reset(&b);
			nd_buf_printf(&b, "%s %s %s %s → %s%s%s", at, ev[i].actor, ev[i].verb_label,
				      ev[i].from_state ? ev[i].from_state : "-",
				      ev[i].to_state ? ev[i].to_state : "-",
				      ev[i].note && ev[i].note[0] ? ": " : "",
				      ev[i].note ? ev[i].note : "");
			add_wrapped(iv, nd_buf_str(&b), width, A_DIM, "");
		}
	}
	nd_buf_free(&b);
	nd_events_free(ev, n);
}

/* The item's photos, one line each: place, name, W×H, bytes, EXIF date and
 * caption (every field sanitised by add_line). */
static void add_photos(struct tui *t, struct tui_itemview *iv, int width)
{
	struct nd_photo *p;
	size_t n;
	struct nd_error err = { 0 };
	if (nd_photo_list(t->st, t->actor, iv->id, &p, &n, &err) < 0 || n == 0)
		return;
	struct nd_buf b = ND_BUF_INIT;
	add_line(iv, "", 0, A_NORMAL);
	nd_buf_printf(&b, _("── Photos (%zu; v shows them) ──"), n);
	add_line(iv, nd_buf_str(&b), b.len, A_BOLD);
	for (size_t i = 0; i < n; i++) {
		char size[32];
		nd_format_count((long)p[i].size, size, sizeof size);
		nd_buf_reset(&b);
		nd_buf_printf(&b, _("%1$d. %2$s  %3$d×%4$d  %5$s B  %6$s  %7$s"), p[i].n, p[i].name,
			      p[i].width, p[i].height, size,
			      p[i].exif_date[0] ? p[i].exif_date : "-", p[i].caption);
		add_wrapped(iv, nd_buf_str(&b), width, A_NORMAL, "");
	}
	nd_buf_free(&b);
	nd_photos_free(p, n);
}

static void build(struct tui *t, struct tui_itemview *iv, int width)
{
	struct nd_item it = { 0 };
	struct nd_error err = { 0 };
	tui_itemview_clear(iv);
	iv->built_id = iv->id;
	iv->width = width;
	iv->scroll = 0;
	if (!iv->id)
		return;
	if (nd_item_get(t->st, t->actor, iv->id, 0, &it, &err) < 0) {
		add_line(iv, err.msg, strlen(err.msg), A_BOLD);
		return;
	}
	add_log(t, iv, width, true);
	if (it.story.kicker)
		add_wrapped(iv, it.story.kicker, width, A_DIM, "");
	add_wrapped(iv, it.story.headline, width, A_BOLD, "");
	if (it.story.subhead)
		add_wrapped(iv, it.story.subhead, width, A_NORMAL, "");
	add_line(iv, "", 0, A_NORMAL);
	struct nd_buf b = ND_BUF_INIT;
	if (it.story.dateline && it.story.dateline[0]) {
		/* The dateline leads the first paragraph, as printed. */
		nd_buf_printf(&b, "%s %s", it.story.dateline, it.story.body);
		add_wrapped(iv, nd_buf_str(&b), width, A_NORMAL, "");
	} else {
		add_wrapped(iv, it.story.body, width, A_NORMAL, "");
	}
	if (it.story.byline && it.story.byline[0]) {
		add_line(iv, "", 0, A_NORMAL);
		add_wrapped(iv, it.story.byline, width, A_DIM, "");
	}

	add_photos(t, iv, width);
	struct nd_note *notes;
	size_t nn;
	if (nd_notes_list(t->st, t->actor, iv->id, &notes, &nn, &err) == 0) {
		if (nn) {
			add_line(iv, "", 0, A_NORMAL);
			add_line(iv, _("── Notes ──"), strlen(_("── Notes ──")), A_BOLD);
		}
		for (size_t i = 0; i < nn; i++) {
			char at[32];
			when(notes[i].at, at, sizeof at);
			nd_buf_reset(&b);
			nd_buf_printf(&b, "%s %s: %s", at,
				      notes[i].author_name ? notes[i].author_name : notes[i].author,
				      notes[i].body);
			add_wrapped(iv, nd_buf_str(&b), width, A_NORMAL, "");
		}
		nd_notes_free(notes, nn);
	}
	nd_buf_free(&b);
	add_log(t, iv, width, false);
	iv->item = it; /* kept: the pane's header and what it is about */
}

/* Search hits drawn reversed over the row already drawn at (y, x). */
static void highlight(const char *text, const char *hit, int y, int x, int width)
{
	size_t n = strlen(hit);
	if (!n)
		return;
	for (const char *p = strstr(text, hit); p; p = strstr(p + n, hit)) {
		char *before = strndup(text, (size_t)(p - text));
		char *piece = strndup(p, n);
		int bx = before ? nd_text_width(before) : 0;
		if (piece && bx + nd_text_width(piece) <= width) {
			attrset(A_REVERSE | A_BOLD);
			tui_put(y, x + bx, piece);
			attrset(A_NORMAL);
		}
		free(before);
		free(piece);
	}
}

/* Laid out again when the item or the width changed. */
static void ensure_built(struct tui *t, struct tui_itemview *iv, int width)
{
	int text_width = width - 1 - ND_WRAP_HANG; /* room for hanging punctuation */
	if (iv->built_id != iv->id || iv->width != text_width)
		build(t, iv, text_width);
}

void tui_itemview_draw(struct tui *t, struct tui_itemview *iv, int y, int height, int width)
{
	ensure_built(t, iv, width);
	if (iv->scroll > (int)iv->nlines - 1)
		iv->scroll = iv->nlines ? (int)iv->nlines - 1 : 0;
	for (int i = 0; i < height; i++) {
		size_t l = (size_t)(iv->scroll + i);
		if (l < iv->nlines) {
			tui_draw_row(y + i, 0, 1, "", A_NORMAL);
			tui_draw_row(y + i, 1, width - 1, iv->lines[l].text, iv->lines[l].attr);
			if (iv->hit && iv->hit[0])
				highlight(iv->lines[l].text, iv->hit, y + i, 1, width - 1);
		} else {
			tui_draw_row(y + i, 0, width,
				     i == 0 && !iv->id ? _("(nothing selected)") : "", A_NORMAL);
		}
	}
}

bool tui_itemview_request(struct tui_itemview *iv, enum tui_req req, long count, int height)
{
	struct tui_nav n = { iv->scroll, iv->scroll, (int64_t)iv->nlines, true };
	if (!tui_nav_request(&n, req, count, height))
		return false;
	iv->scroll = (int)n.top;
	return true;
}

/* ---- the item pane -------------------------------------------------------
 * Split beside the list (Enter), as tig's diff view beside its main view,
 * it follows the item the pane below it is about (the list's selection)
 * and hands the keys it has no use for to that pane (the list's search,
 * filter, verbs with their resolve); opened alone (from the rundown) it is
 * about its own item. Either way its id, scroll and lines are its own. */

struct item_pane {
	struct tui_itemview iv;
	bool follows; /* shows the item of the pane below it */
	int height; /* the rows it was last drawn in, its header included */
};

static const struct tui_pane *followed(const struct tui *t, const struct item_pane *ip)
{
	return ip->follows ? tui_pane_below(t, ip) : NULL;
}

/* "── #5 已编 · 要闻 · reporter · … chars · rev 3 ─────": the item's own row. */
static void draw_header(struct tui *t, struct item_pane *ip, int y, int width)
{
	const struct nd_item *it = &ip->iv.item;
	struct nd_buf b = ND_BUF_INIT;
	if (it->id) {
		char chars[32], hanzi[32], layout[32];
		nd_format_figure(it->chars, chars, sizeof chars);
		nd_format_figure(it->hanzi, hanzi, sizeof hanzi);
		nd_format_figure(it->layout.chars, layout, sizeof layout);
		nd_buf_printf(&b, "── #%lld %s · %s", (long long)it->id,
			      tui_state_label(t, it->state),
			      it->story.section ? it->story.section : "-");
		nd_buf_printf(&b, " · %s · ", it->reporter_name ? it->reporter_name : it->reporter);
		nd_buf_printf(&b, _("%1$s chars · %2$s Han · %3$s layout"), chars, hanzi, layout);
		nd_buf_printf(&b, _(" · rev %d"), it->current_rev);
		if (it->lock_holder)
			nd_buf_printf(&b, " · %s %s", _("being edited by"), it->lock_holder);
		nd_buf_adds(&b, " ");
	} else if (ip->iv.id) {
		nd_buf_printf(&b, "── #%lld ", (long long)ip->iv.id);
	}
	tui_rule(&b, width);
	tui_draw_row(y, 0, width, nd_buf_str(&b), tui_pane_has_focus(t, ip) ? A_BOLD : A_DIM);
	nd_buf_free(&b);
}

static void item_draw(struct tui *t, void *data, int y, int height, int width)
{
	struct item_pane *ip = data;
	const struct tui_pane *below = followed(t, ip);
	if (below) {
		ip->iv.id = below->ops->about ? below->ops->about(t, below->data, NULL) : 0;
		ip->iv.hit = below->ops->hit ? below->ops->hit(t, below->data) : NULL;
	}
	ip->height = height;
	ensure_built(t, &ip->iv, width);
	draw_header(t, ip, y, width);
	tui_itemview_draw(t, &ip->iv, y + 1, height - 1, width);
}

static const char *iv_row(const void *data, size_t i)
{
	const struct tui_itemview *iv = &((const struct item_pane *)data)->iv;
	return i < iv->nlines ? iv->lines[i].text : NULL;
}

/* Beside the list: q and Esc give the keys back to it (unzooming first),
 * Tab too, z zooms; the rest is the list's. */
static enum tui_req follower_request(struct tui *t, struct item_pane *ip, enum tui_req req,
				     long count, int height)
{
	struct tui_pane *self = &t->stack[t->depth - 1];
	bool top = self->data == ip;
	switch (req) {
	case REQ_BACK:
	case REQ_CLOSE:
		if (top && !self->split)
			self->split = true;
		else
			tui_pane_focus_below(t, true);
		return REQ_NONE;
	case REQ_SWITCH: /* zoomed: the list zoomed instead */
		if (top && !self->split)
			tui_pane_pop(t);
		else
			tui_pane_focus_below(t, true);
		return REQ_NONE;
	case REQ_ZOOM:
		if (top)
			self->split = !self->split;
		return REQ_NONE;
	default: {
		const struct tui_pane *below = followed(t, ip);
		if (below && below->ops->request)
			return below->ops->request(t, below->data, req, count, height);
		return req;
	}
	}
}

static enum tui_req item_request(struct tui *t, void *data, enum tui_req req, long count,
				 int height)
{
	struct item_pane *ip = data;
	struct tui_itemview *iv = &ip->iv;
	if (tui_itemview_request(iv, req, count, (ip->height ? ip->height : height) - 1))
		return REQ_NONE;
	if (ip->follows)
		return follower_request(t, ip, req, count, height);
	struct tui_nav n = { iv->scroll, iv->scroll, (int64_t)iv->nlines, true };
	if (tui_nav_find(t, &n, req, iv_row, ip)) {
		iv->scroll = (int)n.top;
		iv->hit = t->find[0] ? t->find : NULL;
		return REQ_NONE;
	}
	const struct tui_request *r = tui_request_info(req);
	if (r && r->verb) {
		tui_run_verb(t, iv->id, r->verb); /* every pane refreshes after the key */
		return REQ_NONE;
	}
	if (req == REQ_NOTE) {
		tui_add_note(t, iv->id);
		return REQ_NONE;
	}
	if (req == REQ_PHOTOS) {
		tui_photos_open(t, iv->id);
		return REQ_NONE;
	}
	return req;
}

static int64_t item_about(const struct tui *t, const void *data, const struct nd_item **row)
{
	const struct item_pane *ip = data;
	const struct tui_pane *below = followed(t, ip);
	if (below && below->ops->about)
		return below->ops->about(t, below->data, row);
	if (row)
		*row = ip->iv.item.id ? &ip->iv.item : NULL;
	return ip->iv.id;
}

/* A verb no request carries: beside the list the list's (resolved). */
static void item_verb(struct tui *t, void *data, const char *verb)
{
	struct item_pane *ip = data;
	const struct tui_pane *below = followed(t, ip);
	if (below && below->ops->verb)
		below->ops->verb(t, below->data, verb);
	else
		tui_run_verb(t, item_about(t, ip, NULL), verb);
}

static void item_free(struct tui *t, void *data)
{
	(void)t;
	struct item_pane *ip = data;
	tui_itemview_clear(&ip->iv);
	free(ip);
}

static void item_refresh(struct tui *t, void *data)
{
	(void)t;
	tui_itemview_invalidate(&((struct item_pane *)data)->iv);
}

const struct pane_ops tui_item_pane = {
	.draw = item_draw,
	.request = item_request,
	.free = item_free,
	.refresh = item_refresh,
	.grep = iv_row,
	.about = item_about,
	.verb = item_verb,
};

bool tui_item_open(struct tui *t, int64_t id)
{
	struct item_pane *ip = calloc(1, sizeof *ip);
	if (!ip)
		return false;
	ip->iv.id = id;
	return tui_pane_push(t, &tui_item_pane, ip);
}

bool tui_item_split(struct tui *t, bool focus)
{
	struct item_pane *ip = calloc(1, sizeof *ip);
	if (!ip)
		return false;
	ip->follows = true;
	return tui_pane_split(t, &tui_item_pane, ip, focus);
}
