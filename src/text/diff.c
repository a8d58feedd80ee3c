/* diff.c — Myers' O(ND) diff over grapheme clusters, with the common
 * prefix and suffix trimmed first and a cap on the edit distance (past it
 * the middle is shown as one replacement), then the semantic clean-up of
 * diff-match-patch: an equality shorter than the edits on both sides of it
 * is folded into them. */
#include "newsdesk/diff.h"
#include "newsdesk/grapheme.h"
#include "newsdesk/utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_D 20000 /* beyond this many edits, one big replacement */

struct tok {
	size_t off, len;
	uint32_t hash;
};

struct toks {
	const char *s;
	struct tok *t;
	size_t n;
};

static int tokenize(const char *s, struct toks *out)
{
	size_t n = strlen(s), cap = n + 1;
	out->s = s;
	out->n = 0;
	out->t = malloc(cap * sizeof *out->t);
	if (!out->t)
		return -1;
	for (size_t off = 0; off < n;) {
		size_t next = nd_grapheme_next(s, n, off);
		if (next <= off)
			next = off + 1;
		uint32_t h = 2166136261u;
		for (size_t i = off; i < next; i++)
			h = (h ^ (unsigned char)s[i]) * 16777619u;
		out->t[out->n++] = (struct tok){ off, next - off, h };
		off = next;
	}
	return 0;
}

/* Paragraphs (with their newline) as tokens, for the first level. */
static int tokenize_lines(const char *s, struct toks *out)
{
	size_t n = strlen(s), cap = 16;
	out->s = s;
	out->n = 0;
	out->t = malloc(cap * sizeof *out->t);
	if (!out->t)
		return -1;
	for (size_t off = 0; off < n;) {
		const char *nl = memchr(s + off, '\n', n - off);
		size_t next = nl ? (size_t)(nl - s) + 1 : n;
		if (out->n == cap) {
			struct tok *nt = realloc(out->t, (cap *= 2) * sizeof *nt);
			if (!nt)
				return -1;
			out->t = nt;
		}
		uint32_t h = 2166136261u;
		for (size_t i = off; i < next; i++)
			h = (h ^ (unsigned char)s[i]) * 16777619u;
		out->t[out->n++] = (struct tok){ off, next - off, h };
		off = next;
	}
	return 0;
}

static int tok_eq(const struct toks *a, size_t i, const struct toks *b, size_t j)
{
	const struct tok *x = &a->t[i], *y = &b->t[j];
	return x->hash == y->hash && x->len == y->len &&
	       memcmp(a->s + x->off, b->s + y->off, x->len) == 0;
}

static int add_span(struct nd_diff *d, enum nd_diff_op op, const char *text, size_t len)
{
	if (len == 0)
		return 0;
	if (d->n && d->spans[d->n - 1].op == op) {
		struct nd_diff_span *last = &d->spans[d->n - 1];
		size_t old = strlen(last->text);
		char *t = realloc(last->text, old + len + 1);
		if (!t)
			return -1;
		memcpy(t + old, text, len);
		t[old + len] = '\0';
		last->text = t;
		return 0;
	}
	struct nd_diff_span *ns = realloc(d->spans, (d->n + 1) * sizeof *ns);
	if (!ns)
		return -1;
	d->spans = ns;
	char *t = malloc(len + 1);
	if (!t)
		return -1;
	memcpy(t, text, len);
	t[len] = '\0';
	/* t now belongs to the span (cppcheck does not follow the compound
	 * literal; LeakSanitizer over the test suite does) */
	d->spans[d->n++] = (struct nd_diff_span){ op, t };
	// cppcheck-suppress memleak
	return 0;
}

/* Text of tokens [i, j) of ts. */
static int add_toks(struct nd_diff *d, enum nd_diff_op op, const struct toks *ts, size_t i,
		    size_t j)
{
	if (i >= j)
		return 0;
	size_t from = ts->t[i].off, to = ts->t[j - 1].off + ts->t[j - 1].len;
	return add_span(d, op, ts->s + from, to - from);
}

/* Myers over a[a0..a1) and b[b0..b1), appending spans in order. The trace
 * of V arrays is kept to walk the path back. */
static int myers(const struct toks *a, size_t a0, size_t a1, const struct toks *b, size_t b0,
		 size_t b1, struct nd_diff *d)
{
	long n = (long)(a1 - a0), m = (long)(b1 - b0);
	long max = n + m;
	if (max > 2 * MAX_D)
		max = 2 * MAX_D;
	long offset = max + 1, width = 2 * max + 3;
	long **trace = calloc((size_t)max + 2, sizeof *trace);
	long *v = calloc((size_t)width, sizeof *v);
	long found = -1;
	if (!trace || !v)
		goto oom;
	for (long dd = 0; dd <= max && found < 0; dd++) {
		for (long k = -dd; k <= dd; k += 2) {
			long x;
			if (k == -dd || (k != dd && v[offset + k - 1] < v[offset + k + 1]))
				x = v[offset + k + 1];
			else
				x = v[offset + k - 1] + 1;
			long y = x - k;
			while (x < n && y < m && tok_eq(a, a0 + (size_t)x, b, b0 + (size_t)y)) {
				x++;
				y++;
			}
			v[offset + k] = x;
			if (x >= n && y >= m) {
				found = dd;
				break;
			}
		}
		trace[dd] = malloc((size_t)width * sizeof *v);
		if (!trace[dd])
			goto oom;
		memcpy(trace[dd], v, (size_t)width * sizeof *v);
	}
	if (found < 0) {
		/* Too different to diff finely: one replacement. */
		for (long i = 0; i <= max; i++)
			free(trace[i]);
		free(trace);
		free(v);
		return add_toks(d, ND_DIFF_DELETE, a, a0, a1) |
		       add_toks(d, ND_DIFF_INSERT, b, b0, b1);
	}
	/* Walk back from (n, m), collecting moves in reverse. */
	struct move {
		enum nd_diff_op op;
		long x, y; /* token index in a or b */
	};
	size_t cap = (size_t)(n + m + 1), nm = 0;
	struct move *moves = malloc(cap * sizeof *moves);
	if (!moves)
		goto oom;
	long x = n, y = m;
	for (long dd = found; dd > 0; dd--) {
		long *pv = trace[dd - 1], k = x - y, pk;
		if (k == -dd || (k != dd && pv[offset + k - 1] < pv[offset + k + 1]))
			pk = k + 1;
		else
			pk = k - 1;
		long px = pv[offset + pk], py = px - pk;
		while (x > px && y > py) {
			x--;
			y--;
			moves[nm++] = (struct move){ ND_DIFF_EQUAL, x, y };
		}
		if (x == px) {
			y--;
			moves[nm++] = (struct move){ ND_DIFF_INSERT, x, y };
		} else {
			x--;
			moves[nm++] = (struct move){ ND_DIFF_DELETE, x, y };
		}
	}
	while (x > 0 && y > 0) {
		x--;
		y--;
		moves[nm++] = (struct move){ ND_DIFF_EQUAL, x, y };
	}
	int rc = 0;
	for (size_t i = nm; i-- > 0 && rc == 0;) {
		const struct move *mv = &moves[i];
		if (mv->op == ND_DIFF_INSERT)
			rc = add_toks(d, ND_DIFF_INSERT, b, b0 + (size_t)mv->y,
				      b0 + (size_t)mv->y + 1);
		else
			rc = add_toks(d, mv->op, a, a0 + (size_t)mv->x, a0 + (size_t)mv->x + 1);
	}
	free(moves);
	for (long i = 0; i <= found; i++)
		free(trace[i]);
	free(trace);
	free(v);
	return rc;
oom:
	if (trace)
		for (long i = 0; i <= max; i++)
			free(trace[i]);
	free(trace);
	free(v);
	return -1;
}

static size_t chars(const char *s)
{
	return nd_utf8_length(s);
}

/* Puts each run of changes between equalities in order: deletions first,
 * then insertions, each merged into one span. */
static int normalise(struct nd_diff *d)
{
	struct nd_diff out = { 0 };
	struct nd_buf del = ND_BUF_INIT, ins = ND_BUF_INIT;
	int rc = 0;
	for (size_t i = 0; i <= d->n && rc == 0; i++) {
		if (i < d->n && d->spans[i].op == ND_DIFF_DELETE) {
			rc = nd_buf_adds(&del, d->spans[i].text);
			continue;
		}
		if (i < d->n && d->spans[i].op == ND_DIFF_INSERT) {
			rc = nd_buf_adds(&ins, d->spans[i].text);
			continue;
		}
		rc |= add_span(&out, ND_DIFF_DELETE, nd_buf_str(&del), del.len);
		rc |= add_span(&out, ND_DIFF_INSERT, nd_buf_str(&ins), ins.len);
		nd_buf_reset(&del);
		nd_buf_reset(&ins);
		if (i < d->n)
			rc |= add_span(&out, ND_DIFF_EQUAL, d->spans[i].text,
				       strlen(d->spans[i].text));
	}
	nd_buf_free(&del);
	nd_buf_free(&ins);
	nd_diff_free(d);
	*d = out;
	return rc;
}

/* diff-match-patch's cleanupSemantic: an equality no longer than the
 * changes on each side of it becomes a deletion plus an insertion. */
static int cleanup_semantic(struct nd_diff *d)
{
	int changed = 1, guard = 0;
	while (changed && guard++ < 64) {
		changed = 0;
		size_t before = 0, after = 0; /* edit lengths around the equality */
		for (size_t i = 0; i < d->n; i++) {
			if (d->spans[i].op != ND_DIFF_EQUAL)
				continue;
			before = after = 0;
			for (size_t j = i; j-- > 0 && d->spans[j].op != ND_DIFF_EQUAL;)
				before += chars(d->spans[j].text);
			for (size_t j = i + 1; j < d->n && d->spans[j].op != ND_DIFF_EQUAL; j++)
				after += chars(d->spans[j].text);
			size_t len = chars(d->spans[i].text);
			if (before && after && len <= before && len <= after) {
				/* Split the equality into a deletion and an insertion. */
				char *text = d->spans[i].text;
				struct nd_diff_span *ns =
				    realloc(d->spans, (d->n + 1) * sizeof *ns);
				char *copy = strdup(text);
				if (!ns || !copy) {
					free(copy);
					if (ns)
						d->spans = ns;
					return -1;
				}
				d->spans = ns;
				memmove(&d->spans[i + 1], &d->spans[i],
					(d->n - i) * sizeof *d->spans);
				d->n++;
				d->spans[i] = (struct nd_diff_span){ ND_DIFF_DELETE, copy };
				d->spans[i + 1].op = ND_DIFF_INSERT;
				changed = 1;
				break;
			}
		}
		if (changed && normalise(d) < 0)
			return -1;
	}
	return 0;
}

/* Diffs ta against tb (already tokenized), trimming the common ends. */
static int diff_tokens(struct toks *ta, struct toks *tb, struct nd_diff *out)
{
	size_t pre = 0, suf = 0;
	while (pre < ta->n && pre < tb->n && tok_eq(ta, pre, tb, pre))
		pre++;
	while (suf < ta->n - pre && suf < tb->n - pre &&
	       tok_eq(ta, ta->n - 1 - suf, tb, tb->n - 1 - suf))
		suf++;
	int rc = add_toks(out, ND_DIFF_EQUAL, ta, 0, pre);
	if (rc == 0)
		rc = myers(ta, pre, ta->n - suf, tb, pre, tb->n - suf, out);
	if (rc == 0)
		rc = add_toks(out, ND_DIFF_EQUAL, ta, ta->n - suf, ta->n);
	return rc;
}

static int diff_chars(const char *a, const char *b, struct nd_diff *out)
{
	struct toks ta, tb;
	if (tokenize(a, &ta) < 0)
		return -1;
	if (tokenize(b, &tb) < 0) {
		free(ta.t);
		return -1;
	}
	int rc = diff_tokens(&ta, &tb, out);
	free(ta.t);
	free(tb.t);
	if (rc == 0)
		rc = normalise(out);
	if (rc == 0)
		rc = cleanup_semantic(out);
	return rc;
}

static int append(struct nd_diff *to, const struct nd_diff *from)
{
	for (size_t i = 0; i < from->n; i++)
		if (add_span(to, from->spans[i].op, from->spans[i].text,
			     strlen(from->spans[i].text)) < 0)
			return -1;
	return 0;
}

/* Two levels, as git and diff-match-patch's line mode do: paragraphs
 * first, so a moved paragraph is one deletion and one insertion; then
 * characters inside the paragraphs replaced in place. */
int nd_diff_texts(const char *a, const char *b, struct nd_diff *out)
{
	struct toks la, lb;
	struct nd_diff lines = { 0 };
	memset(out, 0, sizeof *out);
	if (tokenize_lines(a, &la) < 0)
		return -1;
	if (tokenize_lines(b, &lb) < 0) {
		free(la.t);
		return -1;
	}
	int rc = diff_tokens(&la, &lb, &lines);
	free(la.t);
	free(lb.t);
	if (rc == 0)
		rc = normalise(&lines);
	for (size_t i = 0; rc == 0 && i < lines.n; i++) {
		const struct nd_diff_span *sp = &lines.spans[i];
		if (sp->op == ND_DIFF_DELETE && i + 1 < lines.n &&
		    lines.spans[i + 1].op == ND_DIFF_INSERT) {
			struct nd_diff inner = { 0 };
			rc = diff_chars(sp->text, lines.spans[i + 1].text, &inner);
			if (rc == 0)
				rc = append(out, &inner);
			nd_diff_free(&inner);
			i++;
		} else {
			rc = add_span(out, sp->op, sp->text, strlen(sp->text));
		}
	}
	nd_diff_free(&lines);
	if (rc < 0)
		nd_diff_free(out);
	return rc;
}

void nd_diff_free(struct nd_diff *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->spans[i].text);
	free(d->spans);
	d->spans = NULL;
	d->n = 0;
}

int nd_diff_markup(const struct nd_diff *d, struct nd_buf *out)
{
	int rc = 0;
	for (size_t i = 0; i < d->n; i++) {
		const struct nd_diff_span *s = &d->spans[i];
		if (s->op == ND_DIFF_DELETE)
			rc |= nd_buf_printf(out, "[-%s-]", s->text);
		else if (s->op == ND_DIFF_INSERT)
			rc |= nd_buf_printf(out, "{+%s+}", s->text);
		else
			rc |= nd_buf_adds(out, s->text);
	}
	return rc;
}

int nd_diff_changed(const struct nd_diff *d)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->spans[i].op != ND_DIFF_EQUAL)
			return 1;
	return 0;
}
