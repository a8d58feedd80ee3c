/* review.c — the review pane. The comparison is laid out once per revision
 * pair and width as rows of attributed segments: the text always carries
 * [-deleted-] and {+inserted+} markers (readable without colour), and
 * colour where the terminal has it. */
#include "newsdesk/review.h"
#include "newsdesk/buf.h"
#include "newsdesk/sanitize.h"
#include "newsdesk/tui_review.h"
#include "newsdesk/utf8.h"
#include "newsdesk/width.h"
#include "newsdesk/wrap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { SEG_PLAIN, SEG_DEL, SEG_INS, SEG_BOLD, SEG_DIM, SEG_WARN };

struct seg {
	size_t start, end; /* byte range in the row's text */
	int kind;
};

struct rv_row {
	char *text; /* sanitised */
	struct seg *segs;
	size_t nsegs;
};

struct tui_review {
	int64_t id;
	int rev_a, rev_b, current;
	struct rv_row *rows;
	size_t nrows;
	int width;
	int scroll;
	char *head; /* the item's state and headline, as built: "已编 · 标题" */
};

/* A paragraph being assembled: its text with segment kinds. */
struct para {
	struct nd_buf text;
	struct seg *segs;
	size_t nsegs;
};

static void para_add(struct para *p, const char *s, int kind)
{
	struct nd_buf clean = ND_BUF_INIT;
	nd_sanitize(&clean, s, strlen(s), 0);
	struct seg *ns = realloc(p->segs, (p->nsegs + 1) * sizeof *ns);
	if (ns) {
		p->segs = ns;
		p->segs[p->nsegs++] = (struct seg){ p->text.len, p->text.len + clean.len, kind };
	}
	nd_buf_add(&p->text, clean.data ? clean.data : "", clean.len);
	nd_buf_free(&clean);
}

static void add_row(struct tui_review *rv, const char *text, size_t n, const struct para *p,
		    size_t base)
{
	struct rv_row *nr = realloc(rv->rows, (rv->nrows + 1) * sizeof *nr);
	if (!nr)
		return;
	rv->rows = nr;
	struct rv_row *r = &rv->rows[rv->nrows++];
	r->text = strndup(text, n);
	r->segs = NULL;
	r->nsegs = 0;
	for (size_t i = 0; p && i < p->nsegs; i++) {
		size_t a = p->segs[i].start > base ? p->segs[i].start - base : 0;
		size_t b = p->segs[i].end > base ? p->segs[i].end - base : 0;
		if (b > n)
			b = n;
		if (a >= b || p->segs[i].start >= base + n || p->segs[i].end <= base)
			continue;
		struct seg *ns = realloc(r->segs, (r->nsegs + 1) * sizeof *ns);
		if (!ns)
			continue;
		r->segs = ns;
		r->segs[r->nsegs++] = (struct seg){ a, b, p->segs[i].kind };
	}
}

/* Wraps an assembled paragraph into rows, keeping the segments. */
static void flush(struct tui_review *rv, struct para *p, int width)
{
	const char *s = nd_buf_str(&p->text);
	struct nd_wrap_line *lines;
	long n = nd_wrap(s, p->text.len, width > 1 ? width : 1, &lines);
	for (long i = 0; i < n; i++)
		add_row(rv, s + lines[i].start, lines[i].end - lines[i].start, p, lines[i].start);
	if (n > 0)
		free(lines);
	nd_buf_reset(&p->text);
	free(p->segs);
	p->segs = NULL;
	p->nsegs = 0;
}

static void line(struct tui_review *rv, const char *text, int kind, int width)
{
	struct para p = { ND_BUF_INIT, NULL, 0 };
	para_add(&p, text, kind);
	flush(rv, &p, width);
	nd_buf_free(&p.text);
}

/* The diff's spans into paragraphs (a '\n' in any span ends one). */
static void add_diff(struct tui_review *rv, const struct nd_diff *d, int width)
{
	struct para p = { ND_BUF_INIT, NULL, 0 };
	for (size_t i = 0; i < d->n; i++) {
		const struct nd_diff_span *sp = &d->spans[i];
		int kind = sp->op == ND_DIFF_DELETE   ? SEG_DEL
			   : sp->op == ND_DIFF_INSERT ? SEG_INS
						      : SEG_PLAIN;
		const char *open = kind == SEG_DEL ? "[-" : kind == SEG_INS ? "{+" : "";
		const char *close = kind == SEG_DEL ? "-]" : kind == SEG_INS ? "+}" : "";
		if (open[0])
			para_add(&p, open, kind);
		for (const char *s = sp->text; *s;) {
			const char *nl = strchr(s, '\n');
			size_t len = nl ? (size_t)(nl - s) : strlen(s);
			char *piece = strndup(s, len);
			if (piece && piece[0])
				para_add(&p, piece, kind);
			free(piece);
			if (!nl)
				break;
			if (kind != SEG_PLAIN)
				para_add(&p, "¶", kind); /* a changed paragraph break shows */
			flush(rv, &p, width);
			s = nl + 1;
		}
		if (close[0])
			para_add(&p, close, kind);
	}
	flush(rv, &p, width);
	nd_buf_free(&p.text);
}

static void clear_rows(struct tui_review *rv)
{
	for (size_t i = 0; i < rv->nrows; i++) {
		free(rv->rows[i].text);
		free(rv->rows[i].segs);
	}
	free(rv->rows);
	rv->rows = NULL;
	rv->nrows = 0;
}

static void when(int64_t t, char *out, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!localtime_r(&tt, &tm) || !strftime(out, size, "%m-%d %H:%M", &tm))
		snprintf(out, size, "-");
}

static void build(struct tui *t, struct tui_review *rv, int width)
{
	struct nd_error err = { 0 };
	struct nd_review r;
	char buf[512], wa[32], wb[32];
	clear_rows(rv);
	rv->width = width;
	int w = width - 1 - ND_WRAP_HANG;
	if (nd_review_load(t->st, t->actor, rv->id, rv->rev_a, rv->rev_b, &r, &err) < 0) {
		line(rv, err.msg, SEG_WARN, w);
		return;
	}
	rv->current = r.b.current_rev;
	free(rv->head);
	rv->head = NULL;
	struct nd_buf head = ND_BUF_INIT;
	nd_buf_printf(&head, "%s · %s", r.b.state_label ? r.b.state_label : r.b.state,
		      r.b.story.headline ? r.b.story.headline : "");
	rv->head = nd_buf_take(&head);
	rv->rev_a = r.a.rev;
	rv->rev_b = r.b.rev;
	when(r.a.rev_created, wa, sizeof wa);
	when(r.b.rev_created, wb, sizeof wb);
	snprintf(buf, sizeof buf,
		 _("#%1$lld · revision %2$d (%3$s, %4$s) → %5$d (%6$s, %7$s) · [ ] change sides"),
		 (long long)rv->id, r.a.rev, r.a.rev_author, wa, r.b.rev, r.b.rev_author, wb);
	line(rv, buf, SEG_BOLD, w);

	/* who signed off, and when */
	struct nd_event *ev;
	size_t nev;
	if (nd_events_list(t->st, t->actor, rv->id, &ev, &nev, &err) == 0) {
		for (size_t i = nev; i-- > 0;) {
			if (strcmp(ev[i].verb, "approve") == 0) {
				char at[32];
				when(ev[i].at, at, sizeof at);
				snprintf(buf, sizeof buf, _("signed off (签发) by %1$s at %2$s"),
					 ev[i].actor, at);
				line(rv, buf, SEG_INS, w);
				break;
			}
		}
		nd_events_free(ev, nev);
	}
	line(rv, "", SEG_PLAIN, w);
	for (int i = 0; i < ND_REVIEW_FIELDS; i++) {
		if (!r.fields[i].changed)
			continue;
		struct para p = { ND_BUF_INIT, NULL, 0 };
		snprintf(buf, sizeof buf, "%s: ", _(r.fields[i].name_en));
		para_add(&p, buf, SEG_BOLD);
		for (size_t k = 0; k < r.fields[i].diff.n; k++) {
			const struct nd_diff_span *sp = &r.fields[i].diff.spans[k];
			int kind = sp->op == ND_DIFF_DELETE   ? SEG_DEL
				   : sp->op == ND_DIFF_INSERT ? SEG_INS
							      : SEG_PLAIN;
			if (kind == SEG_DEL)
				para_add(&p, "[-", kind);
			if (kind == SEG_INS)
				para_add(&p, "{+", kind);
			para_add(&p, sp->text, kind);
			if (kind == SEG_DEL)
				para_add(&p, "-]", kind);
			if (kind == SEG_INS)
				para_add(&p, "+}", kind);
		}
		flush(rv, &p, w);
		nd_buf_free(&p.text);
	}
	if (!nd_diff_changed(&r.body) && r.a.rev != r.b.rev)
		line(rv, _("(the body is unchanged)"), SEG_DIM, w);
	snprintf(buf, sizeof buf, "── %s ──", _("Body"));
	line(rv, buf, SEG_DIM, w);
	if (r.coarse)
		line(rv, _("(the texts differ too much for a character diff; shown by paragraph)"),
		     SEG_WARN, w);
	add_diff(rv, &r.body, w);
	nd_review_free(&r);

	struct nd_proof_report pr;
	if (nd_proof_item(t->st, t->actor, rv->id, rv->rev_b, &pr, &err) == 0) {
		line(rv, "", SEG_PLAIN, w);
		snprintf(buf, sizeof buf,
			 _("── Proofreading: %1$zu warnings, %2$.1f per 10,000 (limit %3$.0f) ──"),
			 pr.left, pr.rate, pr.limit);
		line(rv, buf, pr.left ? SEG_WARN : SEG_DIM, w);
		for (size_t c = 0; c < nd_proof_check_count; c++) {
			const struct nd_proof_check *k = &nd_proof_checks[c];
			size_t n = k->fix ? nd_proof_count(&pr, k) : 0;
			if (n) { /* a mechanical class: one line, ^K fixes them all */
				snprintf(buf, sizeof buf, _("%1$zu %2$s — ^K fixes them"), n,
					 ngettext(k->noun1_en, k->noun_en, n));
				line(rv, buf, SEG_DIM, w);
			}
		}
		for (size_t i = 0; i < pr.n; i++) {
			const struct nd_proof_hit *h = &pr.hits[i];
			if (h->check->fix)
				continue;
			if (h->paragraph)
				snprintf(buf, sizeof buf, "%s ¶%d: %s — %s", h->check->id,
					 h->paragraph, h->detail, h->excerpt);
			else
				snprintf(buf, sizeof buf, "%s %s: %s — %s", h->check->id,
					 nd_proof_field_label(h->field), h->detail, h->excerpt);
			line(rv, buf, SEG_PLAIN, w);
		}
		nd_proof_free(&pr);
	}

	struct nd_note *notes;
	size_t nn;
	if (nd_notes_list(t->st, t->actor, rv->id, &notes, &nn, &err) == 0) {
		line(rv, "", SEG_PLAIN, w);
		snprintf(buf, sizeof buf, "── %s (%zu) · c %s ──", _("Notes"), nn, _("adds one"));
		line(rv, buf, SEG_DIM, w);
		for (size_t i = 0; i < nn; i++) {
			char at[32];
			when(notes[i].at, at, sizeof at);
			struct nd_buf b = ND_BUF_INIT;
			nd_buf_printf(&b, _("%1$s %2$s (rev %3$d): %4$s"), at,
				      notes[i].author_name ? notes[i].author_name : notes[i].author,
				      notes[i].rev, notes[i].body);
			line(rv, nd_buf_str(&b), SEG_PLAIN, w);
			nd_buf_free(&b);
		}
		nd_notes_free(notes, nn);
	}
}

static int seg_attr(const struct tui *t, int kind)
{
	switch (kind) {
	case SEG_DEL:
		return t->colors ? (int)COLOR_PAIR(6) | A_BOLD : A_BOLD;
	case SEG_INS:
		return t->colors ? (int)COLOR_PAIR(3) | A_UNDERLINE : A_UNDERLINE;
	case SEG_BOLD:
		return A_BOLD;
	case SEG_DIM:
		return A_DIM;
	case SEG_WARN:
		return t->colors ? (int)COLOR_PAIR(1) | A_BOLD : A_BOLD;
	default:
		return A_NORMAL;
	}
}

static void review_draw(struct tui *t, void *data, int y, int height, int width)
{
	struct tui_review *rv = data;
	if (rv->width != width)
		build(t, rv, width); /* the header's state and headline too */
	struct nd_buf b = ND_BUF_INIT;
	nd_buf_printf(&b, "── %s #%lld ", _("review"), (long long)rv->id);
	if (rv->head)
		nd_buf_printf(&b, "%s ", rv->head);
	tui_rule(&b, width);
	tui_draw_row(y, 0, width, nd_buf_str(&b), A_BOLD);
	nd_buf_free(&b);
	y++;
	height--;
	int max = (int)rv->nrows - height;
	if (rv->scroll > max)
		rv->scroll = max > 0 ? max : 0;
	for (int i = 0; i < height; i++) {
		size_t r = (size_t)(rv->scroll + i);
		if (r >= rv->nrows) {
			tui_draw_row(y + i, 0, width, "", A_NORMAL);
			continue;
		}
		const struct rv_row *row = &rv->rows[r];
		tui_draw_row(y + i, 0, 1, "", A_NORMAL);
		tui_draw_row(y + i, 1, width - 1, row->text, A_NORMAL);
		for (size_t k = 0; k < row->nsegs; k++) {
			const struct seg *s = &row->segs[k];
			if (s->kind == SEG_PLAIN)
				continue;
			char *piece = strndup(row->text + s->start, s->end - s->start);
			char *before = strndup(row->text, s->start);
			if (piece && before) {
				attrset(seg_attr(t, s->kind));
				tui_put(y + i, 1 + nd_text_width(before), piece);
				attrset(A_NORMAL);
			}
			free(piece);
			free(before);
		}
	}
}

static void review_close(struct tui *t, void *data)
{
	(void)t;
	struct tui_review *rv = data;
	clear_rows(rv);
	free(rv->head);
	free(rv);
}

/* [ and ] step the older and the newer side through the revisions; the
 * workflow requests act on the item under review. */
static const char *rv_row(const void *data, size_t i)
{
	const struct tui_review *rv = data;
	return i < rv->nrows ? rv->rows[i].text : NULL;
}

static enum tui_req review_request(struct tui *t, void *data, enum tui_req req, long count,
				   int height)
{
	struct tui_review *rv = data;
	struct tui_nav n = { rv->scroll, rv->scroll, (int64_t)rv->nrows, true };
	if (tui_nav_request(&n, req, count, height - 1) || tui_nav_find(t, &n, req, rv_row, rv)) {
		rv->scroll = (int)n.top;
		return REQ_NONE;
	}
	const struct tui_request *r = tui_request_info(req);
	if (req == REQ_OLDER) {
		rv->rev_a = rv->rev_a > 1 ? rv->rev_a - 1 : rv->rev_b - 1 > 0 ? rv->rev_b - 1 : 1;
		rv->width = 0;
	} else if (req == REQ_NEWER) {
		rv->rev_b = rv->rev_b > rv->rev_a + 1 ? rv->rev_b - 1 : rv->current;
		rv->width = 0;
	} else if (r && r->verb) {
		tui_run_verb(t, rv->id, r->verb); /* every pane refreshes after the key */
	} else if (req == REQ_NOTE) {
		tui_add_note(t, rv->id);
		rv->width = 0;
	} else {
		return req;
	}
	return REQ_NONE;
}

/* The store changed: rebuilt (header included) at the next draw. */
static void review_refresh(struct tui *t, void *data)
{
	(void)t;
	struct tui_review *rv = data;
	rv->width = 0;
}

const struct pane_ops tui_review_pane = {
	.draw = review_draw,
	.request = review_request,
	.free = review_close,
	.refresh = review_refresh,
	.grep = rv_row,
};

bool tui_review_open(struct tui *t, int64_t id)
{
	struct tui_review *rv = calloc(1, sizeof *rv);
	if (!rv)
		return false;
	rv->id = id;
	return tui_pane_push(t, &tui_review_pane, rv);
}
