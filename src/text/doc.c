/* doc.c — the editor's document. Undo keeps snapshots of the whole text:
 * simple and exact, and cheap because a snapshot is taken once per step
 * (a typed run, a deletion run, a paste, a clean-up rule), not per key. */
#include "newsdesk/doc.h"
#include "newsdesk/grapheme.h"
#include "newsdesk/utf8.h"

#include <stdlib.h>
#include <string.h>

enum { OP_NONE, OP_TYPE, OP_BACKSPACE, OP_DELETE };

#define UNDO_LIMIT 1000

static char *dup_or_empty(const char *s)
{
	return strdup(s ? s : "");
}

int nd_doc_init(struct nd_doc *d, const struct nd_story *s)
{
	memset(d, 0, sizeof *d);
	const char *v[ND_F_COUNT] = { s->kicker,   s->headline, s->subhead,
				      s->dateline, s->byline,   s->body };
	for (int i = 0; i < ND_F_COUNT; i++)
		if (nd_buf_adds(&d->f[i], v[i] ? v[i] : "") < 0)
			return -1;
	d->kind = dup_or_empty(s->kind ? s->kind : "article");
	d->section = s->section ? strdup(s->section) : NULL;
	d->field = ND_F_BODY;
	return d->kind ? 0 : -1;
}

static void snapshot_free(struct nd_doc_snapshot *s)
{
	for (int i = 0; i < ND_F_COUNT; i++)
		free(s->text[i]);
}

void nd_doc_free(struct nd_doc *d)
{
	for (int i = 0; i < ND_F_COUNT; i++)
		nd_buf_free(&d->f[i]);
	for (size_t i = 0; i < d->n_undo; i++)
		snapshot_free(&d->undo[i]);
	for (size_t i = 0; i < d->n_redo; i++)
		snapshot_free(&d->redo[i]);
	free(d->undo);
	free(d->redo);
	free(d->clipboard);
	free(d->kind);
	free(d->section);
	memset(d, 0, sizeof *d);
}

const char *nd_doc_text(const struct nd_doc *d, int field)
{
	return nd_buf_str(&d->f[field]);
}

size_t nd_doc_len(const struct nd_doc *d, int field)
{
	return d->f[field].len;
}

static char *field_or_null(const struct nd_doc *d, int field)
{
	return d->f[field].len ? strdup(nd_buf_str(&d->f[field])) : NULL;
}

int nd_doc_story(const struct nd_doc *d, struct nd_story *out)
{
	memset(out, 0, sizeof *out);
	out->kind = strdup(d->kind);
	out->section = d->section ? strdup(d->section) : NULL;
	out->kicker = field_or_null(d, ND_F_KICKER);
	out->headline = strdup(nd_buf_str(&d->f[ND_F_HEADLINE]));
	out->subhead = field_or_null(d, ND_F_SUBHEAD);
	out->dateline = field_or_null(d, ND_F_DATELINE);
	out->byline = field_or_null(d, ND_F_BYLINE);
	out->body = strdup(nd_buf_str(&d->f[ND_F_BODY]));
	if (!out->kind || !out->headline || !out->body) {
		nd_story_free(out);
		return -1;
	}
	return 0;
}

bool nd_doc_dirty(const struct nd_doc *d)
{
	return d->changes != d->saved_changes;
}

void nd_doc_mark_saved(struct nd_doc *d)
{
	d->saved_changes = d->changes;
	d->last_op = OP_NONE;
}

/* ---- undo ---------------------------------------------------------------- */

static int take(const struct nd_doc *d, struct nd_doc_snapshot *s)
{
	for (int i = 0; i < ND_F_COUNT; i++) {
		s->text[i] = strdup(nd_buf_str(&d->f[i]));
		if (!s->text[i]) {
			while (i-- > 0)
				free(s->text[i]);
			return -1;
		}
	}
	s->field = d->field;
	s->cur = d->cur;
	return 0;
}

static int push(struct nd_doc_snapshot **stack, size_t *n, size_t *cap,
		const struct nd_doc_snapshot *s)
{
	if (*n == UNDO_LIMIT) {
		snapshot_free(&(*stack)[0]);
		memmove(*stack, *stack + 1, (*n - 1) * sizeof **stack);
		(*n)--;
	}
	if (*n == *cap) {
		size_t ncap = *cap ? *cap * 2 : 16;
		struct nd_doc_snapshot *ns = realloc(*stack, ncap * sizeof *ns);
		if (!ns)
			return -1;
		*stack = ns;
		*cap = ncap;
	}
	(*stack)[(*n)++] = *s;
	return 0;
}

static void clear_redo(struct nd_doc *d)
{
	for (size_t i = 0; i < d->n_redo; i++)
		snapshot_free(&d->redo[i]);
	d->n_redo = 0;
}

/* Called before every change: a new undo step starts unless this change
 * continues the same run (typing after typing, in the same place). */
static int begin_change(struct nd_doc *d, int op)
{
	if (op != OP_NONE && op == d->last_op)
		return 0;
	d->changes++; /* counts undo steps, so undo back to a save is clean */
	struct nd_doc_snapshot s;
	if (take(d, &s) < 0 || push(&d->undo, &d->n_undo, &d->cap_undo, &s) < 0)
		return -1;
	clear_redo(d);
	d->last_op = op;
	return 0;
}

/* Widens the field's pending change by a splice at `at` (del bytes out,
 * n in), in today's offsets: one range, from its start in both texts to
 * its old end and its new end. */
static void note_change(struct nd_doc_change *c, size_t at, size_t del, size_t n)
{
	if (!c->any) {
		*c = (struct nd_doc_change){
			.any = true, .from = at, .old_end = at + del, .new_end = at + n
		};
		return;
	}
	size_t end = at + del > c->new_end ? at + del : c->new_end; /* today's offsets */
	c->old_end += end - c->new_end;
	c->new_end = end - del + n;
	if (at < c->from)
		c->from = at;
}

/* A field replaced whole (undo, redo, a clean-up rule): the change is what
 * lies between the common start and the common end, so the editor lays
 * out only that again. */
static void note_replace(struct nd_doc_change *c, const char *was, size_t was_len, const char *now)
{
	size_t now_len = strlen(now), pre = 0, suf = 0;
	while (pre < was_len && pre < now_len && was[pre] == now[pre])
		pre++;
	while (suf < was_len - pre && suf < now_len - pre &&
	       was[was_len - 1 - suf] == now[now_len - 1 - suf])
		suf++;
	if (pre == was_len && pre == now_len)
		return;
	note_change(c, pre, was_len - pre - suf, now_len - pre - suf);
}

static int restore(struct nd_doc *d, struct nd_doc_snapshot *s)
{
	for (int i = 0; i < ND_F_COUNT; i++) {
		note_replace(&d->change[i], nd_buf_str(&d->f[i]), d->f[i].len, s->text[i]);
		nd_buf_reset(&d->f[i]);
		if (nd_buf_adds(&d->f[i], s->text[i]) < 0)
			return -1;
	}
	d->field = s->field;
	d->cur = s->cur <= d->f[d->field].len ? s->cur : d->f[d->field].len;
	d->mark_set = false;
	d->last_op = OP_NONE;
	return 0;
}

static int swap(struct nd_doc *d, struct nd_doc_snapshot **from, size_t *nfrom,
		struct nd_doc_snapshot **to, size_t *nto, size_t *capto, long delta)
{
	if (*nfrom == 0)
		return 0;
	struct nd_doc_snapshot now;
	if (take(d, &now) < 0 || push(to, nto, capto, &now) < 0)
		return -1;
	struct nd_doc_snapshot *s = &(*from)[--(*nfrom)];
	int rc = restore(d, s);
	snapshot_free(s);
	d->changes += delta;
	return rc < 0 ? -1 : 1;
}

int nd_doc_undo(struct nd_doc *d)
{
	return swap(d, &d->undo, &d->n_undo, &d->redo, &d->n_redo, &d->cap_redo, -1);
}

int nd_doc_redo(struct nd_doc *d)
{
	return swap(d, &d->redo, &d->n_redo, &d->undo, &d->n_undo, &d->cap_undo, 1);
}

/* ---- editing ------------------------------------------------------------- */

static struct nd_buf *cur_buf(struct nd_doc *d)
{
	return &d->f[d->field];
}

/* Every change to a field goes through here (or through note_replace). */
static int splice(struct nd_doc *d, size_t at, size_t del, const char *ins, size_t n)
{
	struct nd_buf *b = &d->f[d->field];
	if (n > del && nd_buf_reserve(b, n - del) < 0)
		return -1;
	memmove(b->data + at + n, b->data + at + del, b->len - at - del + 1);
	if (n)
		memcpy(b->data + at, ins, n);
	b->len = b->len - del + n;
	note_change(&d->change[d->field], at, del, n);
	return 0;
}

struct nd_doc_change nd_doc_take_change(struct nd_doc *d, int field)
{
	struct nd_doc_change c = d->change[field];
	d->change[field] = (struct nd_doc_change){ 0 };
	return c;
}

/* Keeps what may be in a field: no controls; newlines only in the body. */
static char *clean_input(const char *text, size_t n, bool multiline, size_t *out_len)
{
	char *out = malloc(n + 1);
	size_t o = 0;
	if (!out)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)text[i];
		if (c == '\r') {
			if (i + 1 < n && text[i + 1] == '\n')
				continue;
			c = '\n';
		}
		if (c == '\n') {
			out[o++] = multiline ? '\n' : ' ';
			continue;
		}
		if (c == '\t') {
			out[o++] = ' ';
			continue;
		}
		if (c < 0x20 || c == 0x7F)
			continue;
		if (c == 0xC2 && i + 1 < n && (unsigned char)text[i + 1] >= 0x80 &&
		    (unsigned char)text[i + 1] <= 0x9F) {
			i++;
			continue;
		}
		out[o++] = (char)c;
	}
	out[o] = '\0';
	/* Invalid UTF-8 never enters the document. */
	size_t bad;
	while (!nd_utf8_valid(out, o, &bad)) {
		memmove(out + bad, out + bad + 1, o - bad);
		o--;
	}
	*out_len = o;
	return out;
}

static int delete_selection(struct nd_doc *d)
{
	size_t from, to;
	if (!nd_doc_selection(d, &from, &to))
		return 0;
	if (begin_change(d, OP_NONE) < 0 || splice(d, from, to - from, "", 0) < 0)
		return -1;
	d->cur = from;
	d->mark_set = false;
	return 1;
}

int nd_doc_insert(struct nd_doc *d, const char *text, size_t n)
{
	size_t len;
	char *clean = clean_input(text, n, d->field == ND_F_BODY, &len);
	if (!clean)
		return -1;
	int rc = 0;
	if (len) {
		if (delete_selection(d) < 0 ||
		    begin_change(d, len == 1 || nd_utf8_length(clean) == 1 ? OP_TYPE : OP_NONE) <
			0 ||
		    splice(d, d->cur, 0, clean, len) < 0)
			rc = -1;
		else
			d->cur += len;
		/* a paste is a step of its own; typing continues a run */
		if (nd_utf8_length(clean) > 1)
			d->last_op = OP_NONE;
	}
	free(clean);
	return rc;
}

int nd_doc_newline(struct nd_doc *d)
{
	if (d->field != ND_F_BODY) {
		nd_doc_next_field(d);
		return 0;
	}
	if (delete_selection(d) < 0 || begin_change(d, OP_NONE) < 0 ||
	    splice(d, d->cur, 0, "\n", 1) < 0)
		return -1;
	d->cur++;
	return 0;
}

int nd_doc_backspace(struct nd_doc *d)
{
	int sel = delete_selection(d);
	if (sel != 0)
		return sel < 0 ? -1 : 0;
	if (d->cur == 0)
		return 0;
	struct nd_buf *b = cur_buf(d);
	size_t prev = nd_grapheme_prev(b->data, b->len, d->cur);
	if (begin_change(d, OP_BACKSPACE) < 0 || splice(d, prev, d->cur - prev, "", 0) < 0)
		return -1;
	d->cur = prev;
	return 0;
}

int nd_doc_delete(struct nd_doc *d)
{
	int sel = delete_selection(d);
	if (sel != 0)
		return sel < 0 ? -1 : 0;
	struct nd_buf *b = cur_buf(d);
	if (d->cur >= b->len)
		return 0;
	size_t next = nd_grapheme_next(b->data, b->len, d->cur);
	if (begin_change(d, OP_DELETE) < 0 || splice(d, d->cur, next - d->cur, "", 0) < 0)
		return -1;
	return 0;
}

/* ---- moving ---------------------------------------------------------------- */

static void moved(struct nd_doc *d)
{
	d->last_op = OP_NONE;
}

void nd_doc_set_cursor(struct nd_doc *d, int field, size_t off)
{
	if (field != d->field)
		d->mark_set = false;
	d->field = field;
	d->cur = off <= d->f[field].len ? off : d->f[field].len;
	moved(d);
}

void nd_doc_left(struct nd_doc *d)
{
	struct nd_buf *b = cur_buf(d);
	d->cur = nd_grapheme_prev(nd_buf_str(b), b->len, d->cur);
	moved(d);
}

void nd_doc_right(struct nd_doc *d)
{
	struct nd_buf *b = cur_buf(d);
	d->cur = nd_grapheme_next(nd_buf_str(b), b->len, d->cur);
	moved(d);
}

/* Word classes for word moves: Chinese has no spaces, so a run of Han, a
 * run of Latin letters and digits, and a run of marks are each a word. */
enum { W_SPACE, W_HAN, W_LATIN, W_MARK, W_NEWLINE };

static int word_class(unsigned cp)
{
	if (cp == '\n')
		return W_NEWLINE;
	if (cp == ' ' || cp == 0x3000 || cp == '\t')
		return W_SPACE;
	if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || cp >= 0x20000)
		return W_HAN;
	if ((cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ||
	    (cp >= 0xC0 && cp < 0x2000))
		return W_LATIN;
	return W_MARK;
}

static int class_at(const char *s, size_t n, size_t off)
{
	unsigned cp;
	if (off >= n)
		return -1;
	nd_utf8_decode(s + off, n - off, &cp);
	return word_class(cp);
}

void nd_doc_word_right(struct nd_doc *d)
{
	struct nd_buf *b = cur_buf(d);
	const char *s = nd_buf_str(b);
	size_t off = d->cur;
	int cls = class_at(s, b->len, off);
	while (off < b->len && class_at(s, b->len, off) == cls && cls != W_NEWLINE)
		off = nd_grapheme_next(s, b->len, off);
	if (cls == W_NEWLINE)
		off = nd_grapheme_next(s, b->len, off);
	while (off < b->len && class_at(s, b->len, off) == W_SPACE)
		off = nd_grapheme_next(s, b->len, off);
	d->cur = off;
	moved(d);
}

void nd_doc_word_left(struct nd_doc *d)
{
	struct nd_buf *b = cur_buf(d);
	const char *s = nd_buf_str(b);
	size_t off = d->cur;
	while (off > 0 && class_at(s, b->len, nd_grapheme_prev(s, b->len, off)) == W_SPACE)
		off = nd_grapheme_prev(s, b->len, off);
	if (off > 0) {
		int cls = class_at(s, b->len, nd_grapheme_prev(s, b->len, off));
		off = nd_grapheme_prev(s, b->len, off);
		while (off > 0 && cls != W_NEWLINE &&
		       class_at(s, b->len, nd_grapheme_prev(s, b->len, off)) == cls)
			off = nd_grapheme_prev(s, b->len, off);
	}
	d->cur = off;
	moved(d);
}

static size_t para_start(const char *s, size_t off)
{
	while (off > 0 && s[off - 1] != '\n')
		off--;
	return off;
}

static size_t para_end(const char *s, size_t n, size_t off)
{
	while (off < n && s[off] != '\n')
		off++;
	return off;
}

void nd_doc_paragraph_up(struct nd_doc *d)
{
	const char *s = nd_buf_str(cur_buf(d));
	size_t start = para_start(s, d->cur);
	d->cur = start == d->cur && start > 0 ? para_start(s, start - 1) : start;
	moved(d);
}

void nd_doc_paragraph_down(struct nd_doc *d)
{
	struct nd_buf *b = cur_buf(d);
	size_t end = para_end(nd_buf_str(b), b->len, d->cur);
	d->cur = end < b->len ? end + 1 : end;
	moved(d);
}

void nd_doc_next_field(struct nd_doc *d)
{
	nd_doc_set_cursor(d, (d->field + 1) % ND_F_COUNT, 0);
	d->cur = d->f[d->field].len;
	if (d->field == ND_F_BODY)
		d->cur = 0;
}

void nd_doc_prev_field(struct nd_doc *d)
{
	nd_doc_set_cursor(d, (d->field + ND_F_COUNT - 1) % ND_F_COUNT, 0);
	d->cur = d->field == ND_F_BODY ? 0 : d->f[d->field].len;
}

/* ---- selection and clipboard ------------------------------------------------ */

void nd_doc_toggle_mark(struct nd_doc *d)
{
	d->mark_set = !d->mark_set;
	d->mark = d->cur;
	moved(d);
}

bool nd_doc_selection(const struct nd_doc *d, size_t *from, size_t *to)
{
	if (!d->mark_set || d->mark == d->cur)
		return false;
	size_t len = d->f[d->field].len, mark = d->mark <= len ? d->mark : len;
	*from = mark < d->cur ? mark : d->cur;
	*to = mark < d->cur ? d->cur : mark;
	return true;
}

/* The range cut or copy works on: the selection, else the paragraph (with
 * its newline) or the whole one-line field. */
static void clip_range(const struct nd_doc *d, size_t *from, size_t *to)
{
	if (nd_doc_selection(d, from, to))
		return;
	const struct nd_buf *b = &d->f[d->field];
	const char *s = nd_buf_str(b);
	*from = para_start(s, d->cur);
	*to = para_end(s, b->len, d->cur);
	if (*to < b->len)
		(*to)++;
	else if (*from > 0)
		(*from)--;
}

int nd_doc_copy(struct nd_doc *d)
{
	size_t from, to;
	clip_range(d, &from, &to);
	char *clip = malloc(to - from + 1);
	if (!clip)
		return -1;
	memcpy(clip, nd_buf_str(cur_buf(d)) + from, to - from);
	clip[to - from] = '\0';
	free(d->clipboard);
	d->clipboard = clip;
	d->mark_set = false;
	moved(d);
	return 0;
}

int nd_doc_cut(struct nd_doc *d)
{
	size_t from, to;
	clip_range(d, &from, &to);
	if (from == to)
		return 0;
	if (nd_doc_copy(d) < 0 || begin_change(d, OP_NONE) < 0 ||
	    splice(d, from, to - from, "", 0) < 0)
		return -1;
	d->cur = from;
	d->last_op = OP_NONE;
	return 0;
}

int nd_doc_paste(struct nd_doc *d)
{
	if (!d->clipboard || !d->clipboard[0])
		return 0;
	d->last_op = OP_NONE;
	int rc = nd_doc_insert(d, d->clipboard, strlen(d->clipboard));
	d->last_op = OP_NONE;
	return rc;
}

bool nd_doc_find(struct nd_doc *d, const char *text)
{
	size_t tl = strlen(text);
	if (!tl)
		return false;
	/* From just after the cursor to the end, then from the top. */
	for (int pass = 0; pass < 2; pass++) {
		for (int k = 0; k < ND_F_COUNT; k++) {
			int field = pass == 0 ? d->field + k : k;
			if (field >= ND_F_COUNT)
				break;
			const char *s = nd_buf_str(&d->f[field]);
			size_t from = pass == 0 && field == d->field ? d->cur + 1 : 0;
			if (from > d->f[field].len)
				continue;
			const char *hit = strstr(s + from, text);
			if (hit) {
				nd_doc_set_cursor(d, field, (size_t)(hit - s));
				return true;
			}
		}
	}
	return false;
}

int nd_doc_replace_body(struct nd_doc *d, const char *body)
{
	if (begin_change(d, OP_NONE) < 0)
		return -1;
	note_replace(&d->change[ND_F_BODY], nd_buf_str(&d->f[ND_F_BODY]), d->f[ND_F_BODY].len,
		     body);
	nd_buf_reset(&d->f[ND_F_BODY]);
	if (nd_buf_adds(&d->f[ND_F_BODY], body) < 0)
		return -1;
	if (d->field == ND_F_BODY && d->cur > d->f[ND_F_BODY].len)
		d->cur = d->f[ND_F_BODY].len;
	if (d->field == ND_F_BODY && d->cur < d->f[ND_F_BODY].len) {
		/* keep the cursor on a grapheme boundary of the new text */
		size_t n = d->f[ND_F_BODY].len, p = nd_grapheme_prev(body, n, d->cur);
		d->cur = nd_grapheme_next(body, n, p) == d->cur ? d->cur : p;
	}
	d->mark_set = false;
	d->last_op = OP_NONE;
	return 0;
}
