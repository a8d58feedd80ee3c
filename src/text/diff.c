/* diff.c — a two-level diff: paragraphs first, then grapheme clusters
 * inside each run of changed paragraphs, each level by Myers'
 * divide-and-conquer (the middle snake, as diff-match-patch's bisect), so
 * memory is linear in the texts, never edit distance × length. Then the
 * semantic clean-up: an equality no longer than the changes on both sides
 * of it is folded into them.
 *
 * Every step of the search is counted against a fixed budget, so any two
 * texts (a hostile filing included) diff in bounded time and the output
 * depends only on the input. A run of paragraphs that cannot be diffed by
 * character within its budget is shown whole, and the diff says so
 * (nd_diff.coarse).
 *
 * Nothing is copied until the end: the diff is a list of segments, byte
 * ranges of a and b, and a change's deletions (and insertions) are always
 * one contiguous range, so folding an equality into its neighbours is
 * arithmetic on offsets. */
#include "newsdesk/diff.h"
#include "newsdesk/grapheme.h"
#include "newsdesk/utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ND_DIFF_STEPS (a step: a diagonal tried, a token compared, a V cell
 * reset; 2–7 ns here) bounds the whole of one diff; half of it bounds the
 * paragraph level and each run of changed paragraphs, so that one hopeless
 * run leaves work for the others. */

/* Edit distance explored by one middle-snake search at most: bounds the V
 * arrays (d² steps would exceed half of ND_DIFF_STEPS well before). */
#define DCAP 8192L
/* Edit distance up to which the greedy search with its whole trace is used
 * (the output of every ordinary edit unchanged); its trace takes 2 MB. */
#define DT 1024L
#define TRACE_CELLS ((DT + 1) * (DT + 2) / 2)
#define MAX_BYTES ((size_t)1 << 30)

struct tok {
	uint32_t off; /* byte offset in the whole text; t[n].off is the end */
	uint32_t hash;
};

struct toks {
	const char *s;
	struct tok *t;
	size_t n;
};

/* A segment: an equality (a[a, a+alen) == b[b, b+blen)) or a change
 * (a[a, a+alen) deleted, b[b, b+blen) inserted). cp counts characters for
 * the clean-up: an equality's once, a change's on both sides. */
struct seg {
	size_t a, alen, b, blen, cp;
	bool eq;
};

struct segs {
	struct seg *v;
	size_t n, cap;
};

/* The search's working memory, allocated once per nd_diff_texts. */
struct scratch {
	long *v;
	int32_t *trace;
	long *steps;
	uint64_t *bits; /* SIM_BITS bits: which pairs of tokens one side has */
};

/* How alike two ranges of tokens are, before searching them: the share of
 * one side's adjacent pairs of characters that the other side has too (a
 * bit per hashed pair; a clash only makes them look more alike). Two
 * unrelated texts share almost none; an edited text shares most. */
#define SIM_BITS 21
/* Runs this long (tokens, each side) that share fewer pairs than this are
 * shown by paragraph at once: the search could only spend its whole bound
 * on them and come to the same. */
#define HOPELESS_MIN 1000
#define HOPELESS_PCT 10
/* Paragraphs paired in place (a run of as many old as new) are diffed
 * pair by pair when every pair shares at least this much. */
#define PAIR_PCT 20

struct ctx {
	const struct toks *a, *b;
	struct segs *out;
	long *vf, *vb; /* forward and backward V, 2 * DCAP + 3 each */
	int32_t *trace; /* the greedy search's rows, TRACE_CELLS */
	long *steps; /* its path, DT + 1 */
	long work; /* steps left */
	bool spent; /* the work ran out: the rest is shown coarsely */
	bool oom;
};

/* A token's hash: its bytes themselves up to 4 (every CJK character, every
 * ASCII one), so that equal hashes and lengths mean equal tokens without a
 * memcmp; FNV-1a beyond. */
static uint32_t tok_hash(const char *s, size_t from, size_t to)
{
	uint32_t h = 0;
	if (to - from <= 4) {
		for (size_t i = from; i < to; i++)
			h = h << 8 | (unsigned char)s[i];
		return h;
	}
	h = 2166136261u;
	for (size_t i = from; i < to; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static int tok_push(struct toks *ts, size_t *cap, size_t off, uint32_t hash)
{
	if (ts->n + 1 >= *cap) {
		size_t nc = *cap ? *cap * 2 : 64;
		struct tok *nt = realloc(ts->t, nc * sizeof *nt);
		if (!nt)
			return -1;
		ts->t = nt;
		*cap = nc;
	}
	ts->t[ts->n++] = (struct tok){ (uint32_t)off, hash };
	return 0;
}

/* Tokens of s[from, to): paragraphs with their newline, or grapheme
 * clusters. A cluster never spans a paragraph's end (UAX #29 breaks after
 * a newline), so clusters of a paragraph run are those of the whole text. */
static int tokenize(const char *s, size_t from, size_t to, bool lines, struct toks *out)
{
	size_t cap = 0;
	out->s = s;
	out->t = NULL;
	out->n = 0;
	for (size_t off = from; off < to;) {
		size_t next;
		if (lines) {
			const char *nl = memchr(s + off, '\n', to - off);
			next = nl ? (size_t)(nl - s) + 1 : to;
		} else {
			next = nd_grapheme_next(s, to, off);
			if (next <= off)
				next = off + 1;
		}
		if (tok_push(out, &cap, off, tok_hash(s, off, next)) < 0)
			return -1;
		off = next;
	}
	if (tok_push(out, &cap, to, 0) < 0) /* the sentinel end */
		return -1;
	out->n--;
	return 0;
}

static bool tok_eq(const struct ctx *c, size_t i, size_t j)
{
	const struct tok *x = &c->a->t[i], *y = &c->b->t[j];
	size_t len = x[1].off - x->off;
	return x->hash == y->hash && len == y[1].off - y->off &&
	       (len <= 4 || memcmp(c->a->s + x->off, c->b->s + y->off, len) == 0);
}

static uint32_t pair_bit(const struct tok *t)
{
	uint64_t k = ((uint64_t)t[0].hash << 32 | t[1].hash) * 0x9E3779B97F4A7C15ULL;
	return (uint32_t)(k >> (64 - SIM_BITS));
}

/* Percent of the adjacent pairs of the shorter of a[a0, a1) and b[b0, b1)
 * that the other has; 100 when either is too short to tell. Leaves the
 * bits clear. */
static long shared_pct(const struct toks *a, size_t a0, size_t a1, const struct toks *b, size_t b0,
		       size_t b1, uint64_t *bits)
{
	if (a1 - a0 < 2 || b1 - b0 < 2)
		return 100;
	for (size_t i = b0; i + 1 < b1; i++) {
		uint32_t k = pair_bit(&b->t[i]);
		bits[k >> 6] |= 1ULL << (k & 63);
	}
	size_t hits = 0;
	for (size_t i = a0; i + 1 < a1; i++) {
		uint32_t k = pair_bit(&a->t[i]);
		hits += (bits[k >> 6] >> (k & 63)) & 1;
	}
	for (size_t i = b0; i + 1 < b1; i++) {
		uint32_t k = pair_bit(&b->t[i]);
		bits[k >> 6] &= ~(1ULL << (k & 63));
	}
	size_t na = a1 - a0 - 1, nb = b1 - b0 - 1, den = na < nb ? na : nb;
	return hits >= den ? 100 : (long)(hits * 100 / den);
}

/* Appends a segment of byte ranges, merged into the last one when it is of
 * the same kind (the ranges are then contiguous). */
static int seg_add(struct segs *s, bool eq, size_t a, size_t alen, size_t b, size_t blen)
{
	if (alen == 0 && blen == 0)
		return 0;
	if (s->n && s->v[s->n - 1].eq == eq) {
		s->v[s->n - 1].alen += alen;
		s->v[s->n - 1].blen += blen;
		return 0;
	}
	if (s->n == s->cap) {
		size_t nc = s->cap ? s->cap * 2 : 16;
		struct seg *nv = realloc(s->v, nc * sizeof *nv);
		if (!nv)
			return -1;
		s->v = nv;
		s->cap = nc;
	}
	s->v[s->n++] = (struct seg){ a, alen, b, blen, 0, eq };
	return 0;
}

/* Tokens a[i, j) and b[k, l) as one segment. */
static void emit(struct ctx *c, bool eq, size_t i, size_t j, size_t k, size_t l)
{
	const struct tok *ta = c->a->t, *tb = c->b->t;
	if (seg_add(c->out, eq, ta[i].off, ta[j].off - ta[i].off, tb[k].off,
		    tb[l].off - tb[k].off) < 0)
		c->oom = true;
}

/* One pass of the middle-snake search, forward (dir 1) or backward (dir
 * -1) at distance d. Returns 1 with the split point when the paths meet. */
static int bisect_pass(struct ctx *c, int dir, size_t a0, long n, size_t b0, long m, long d,
		       long *kb, long lim, long *x_out, long *y_out)
{
	long *v = dir > 0 ? c->vf : c->vb, *w = dir > 0 ? c->vb : c->vf;
	long off = lim + 1, len = 2 * lim + 3, delta = n - m;
	bool check = dir > 0 ? delta % 2 != 0 : delta % 2 == 0;
	for (long k = -d + kb[0]; k <= d - kb[1]; k += 2) {
		long i = off + k, x;
		if (k == -d || (k != d && v[i - 1] < v[i + 1]))
			x = v[i + 1];
		else
			x = v[i - 1] + 1;
		long y = x - k, x0 = x;
		if (dir > 0)
			while (x < n && y < m && tok_eq(c, a0 + (size_t)x, b0 + (size_t)y))
				x++, y++;
		else
			while (x < n && y < m &&
			       tok_eq(c, a0 + (size_t)(n - x - 1), b0 + (size_t)(m - y - 1)))
				x++, y++;
		c->work -= 1 + (x - x0);
		v[i] = x;
		if (x > n) {
			kb[1] += 2; /* ran off the right: stop trying this side */
		} else if (y > m) {
			kb[0] += 2; /* ran off the bottom */
		} else if (check) {
			long j = off + delta - k;
			if (j < 0 || j >= len || w[j] == -1)
				continue;
			long fx = dir > 0 ? x : w[j]; /* forward x on this diagonal */
			long bx = dir > 0 ? n - w[j] : n - x; /* backward x */
			if (fx >= bx) {
				*x_out = fx;
				*y_out = dir > 0 ? y : fx - (delta - k);
				return 1;
			}
		}
	}
	return 0;
}

/* Myers' middle snake over a[a0, a0+n) × b[b0, b0+m), both non-empty and
 * differing at both ends: 0 with a point on a shortest edit path (each
 * side of it at most *d edits), 1 when the texts have nothing in common,
 * -1 when the work ran out. */
static int bisect(struct ctx *c, size_t a0, long n, size_t b0, long m, long *x, long *y, long *d)
{
	long max_d = (n + m + 1) / 2, lim = max_d < DCAP ? max_d : DCAP;
	long len = 2 * lim + 3, off = lim + 1;
	for (long i = 0; i < len; i++)
		c->vf[i] = c->vb[i] = -1;
	c->work -= len;
	c->vf[off + 1] = c->vb[off + 1] = 0;
	long kf[2] = { 0, 0 }, kb[2] = { 0, 0 };
	for (*d = 0; *d < lim; ++*d) {
		if (c->work < 0)
			return -1;
		if (bisect_pass(c, 1, a0, n, b0, m, *d, kf, lim, x, y) ||
		    bisect_pass(c, -1, a0, n, b0, m, *d, kb, lim, x, y))
			return 0;
	}
	return lim < max_d ? -1 : 1;
}

/* Emits the path greedy() found, walking its trace back from (n, m): per
 * edit, whether it inserts and the diagonal run after it. */
static int walk_back(struct ctx *c, size_t a0, long n, size_t b0, long m, long found)
{
	long x = n, y = m;
	for (long d = found; d > 0; d--) {
		const int32_t *pv = c->trace + (d - 1) * d / 2; /* k = -(d-1), …, d-1 */
		long k = x - y, i = (k + d) / 2, px;
		if (k < -d || k > d || (k + d) % 2)
			return 1; /* never: Myers' path stays inside the trace */
		bool ins = k == -d || (k != d && pv[i - 1] < pv[i]);
		px = ins ? pv[i] : pv[i - 1];
		long py = px - (ins ? k + 1 : k - 1);
		long t = x - px - !ins;
		if (t < 0 || y - py - ins != t)
			return 1;
		c->steps[d] = t * 2 + ins;
		x = px;
		y = py;
	}
	if (x != y)
		return 1;
	emit(c, true, a0, a0 + (size_t)x, b0, b0 + (size_t)y);
	for (long d = 1; d <= found; d++) {
		bool ins = c->steps[d] & 1;
		long t = c->steps[d] / 2;
		emit(c, false, a0 + (size_t)x, a0 + (size_t)x + !ins, b0 + (size_t)y,
		     b0 + (size_t)y + ins);
		x += !ins;
		y += ins;
		emit(c, true, a0 + (size_t)x, a0 + (size_t)(x + t), b0 + (size_t)y,
		     b0 + (size_t)(y + t));
		x += t;
		y += t;
	}
	return 0;
}

/* Myers' greedy forward search with its trace, row d holding V for
 * k = -d, -d+2, …, d: (D+1)(D+2)/2 cells for edit distance D, so only
 * while D ≤ DT. Ordinary edits get the very path they always got (the
 * middle snake may choose another of the same length). 0 when done, 1
 * when the distance is past DT, -1 when the work ran out. */
static int greedy(struct ctx *c, size_t a0, long n, size_t b0, long m)
{
	long found = -1;
	for (long d = 0; d <= DT && found < 0; d++) {
		if (c->work < 0)
			return -1;
		int32_t *row = c->trace + d * (d + 1) / 2, *pv = row - d;
		for (long k = -d; k <= d; k += 2) {
			long i = (k + d) / 2, x;
			if (d == 0)
				x = 0;
			else if (k == -d || (k != d && pv[i - 1] < pv[i]))
				x = pv[i];
			else
				x = pv[i - 1] + 1;
			long y = x - k, x0 = x;
			while (x < n && y < m && tok_eq(c, a0 + (size_t)x, b0 + (size_t)y))
				x++, y++;
			c->work -= 1 + (x - x0);
			row[i] = (int32_t)x;
			if (x >= n && y >= m) {
				found = d;
				break;
			}
		}
	}
	return found < 0 ? 1 : walk_back(c, a0, n, b0, m, found);
}

/* Diffs tokens a[a0, a1) against b[b0, b1), appending segments in order.
 * hint bounds the edit distance when known (≤ DT: the greedy search
 * suffices), 0 when not known (the greedy search is tried first). */
static void diff_range(struct ctx *c, size_t a0, size_t a1, size_t b0, size_t b1, long hint)
{
	size_t pre = 0, suf = 0;
	while (a0 + pre < a1 && b0 + pre < b1 && tok_eq(c, a0 + pre, b0 + pre))
		pre++;
	while (a0 + pre + suf < a1 && b0 + pre + suf < b1 && tok_eq(c, a1 - 1 - suf, b1 - 1 - suf))
		suf++;
	c->work -= (long)(pre + suf);
	emit(c, true, a0, a0 + pre, b0, b0 + pre);
	size_t ma0 = a0 + pre, ma1 = a1 - suf, mb0 = b0 + pre, mb1 = b1 - suf;
	long n = (long)(ma1 - ma0), m = (long)(mb1 - mb0), x = 0, y = 0, d = 0;
	int rc = 1;
	if (n && m && !c->spent && !c->oom) {
		rc = hint <= DT ? greedy(c, ma0, n, mb0, m) : 1;
		if (rc == 1) {
			rc = bisect(c, ma0, n, mb0, m, &x, &y, &d);
			rc = rc == 0 ? 2 : rc;
		}
		c->spent |= rc < 0;
	}
	/* a split at either corner would recurse forever; Myers never gives
	 * one, but a diff must end whatever the input */
	if (rc == 2 && ((x == 0 && y == 0) || (x == n && y == m)))
		rc = 1;
	if (rc == 2) {
		diff_range(c, ma0, ma0 + (size_t)x, mb0, mb0 + (size_t)y, d + 1);
		diff_range(c, ma0 + (size_t)x, ma1, mb0 + (size_t)y, mb1, d + 1);
	} else if (rc != 0) { /* nothing in common, or the work ran out */
		emit(c, false, ma0, ma1, mb0, mb1);
	}
	emit(c, true, a1 - suf, a1, b1 - suf, b1);
}

/* Characters in s[from, from+len), as nd_utf8_length counts them. */
static size_t chars(const char *s, size_t from, size_t len)
{
	size_t i = 0, count = 0;
	while (i < len) {
		unsigned cp;
		int l = nd_utf8_decode(s + from + i, len - i, &cp);
		i += l > 0 ? (size_t)l : 1;
		count++;
	}
	return count;
}

/* diff-match-patch's semantic clean-up, as a single pass: an equality no
 * longer than the changes on each side of it (counted in characters,
 * deletions plus insertions) becomes part of one change with them. Folding
 * only grows changes, so folding until nothing qualifies has one result
 * whatever the order: each new change is checked against the equality to
 * its left, again after every fold. */
static void cleanup_semantic(struct segs *s, const char *a, const char *b)
{
	size_t w = 0;
	for (size_t i = 0; i < s->n; i++) {
		struct seg g = s->v[i];
		g.cp = chars(a, g.a, g.alen) + (g.eq ? 0 : chars(b, g.b, g.blen));
		while (!g.eq && w >= 2 && s->v[w - 1].eq && !s->v[w - 2].eq &&
		       s->v[w - 1].cp <= s->v[w - 2].cp && s->v[w - 1].cp <= g.cp) {
			const struct seg *l = &s->v[w - 2], *e = &s->v[w - 1];
			g = (struct seg){ l->a,
					  g.a + g.alen - l->a,
					  l->b,
					  g.b + g.blen - l->b,
					  l->cp + 2 * e->cp + g.cp,
					  false };
			w -= 2;
		}
		s->v[w++] = g;
	}
	s->n = w;
}

/* Diffs tokens ta[a0, a1) against tb[b0, b1) with the work given, into
 * out. Returns the work used, or -1 when out of memory. */
static long diff_tokens(const struct toks *ta, size_t a0, size_t a1, const struct toks *tb,
			size_t b0, size_t b1, long work, struct segs *out, bool *spent,
			const struct scratch *sc)
{
	struct ctx c = { .a = ta,
			 .b = tb,
			 .out = out,
			 .vf = sc->v,
			 .vb = sc->v + 2 * DCAP + 3,
			 .trace = sc->trace,
			 .steps = sc->steps,
			 .work = work };
	diff_range(&c, a0, a1, b0, b1, 0);
	*spent = c.spent;
	return c.oom ? -1 : work - (c.work > 0 ? c.work : 0);
}

/* Diffs the tokens of ta and tb with the work given, into out. */
static long diff_level(const struct toks *ta, const struct toks *tb, long work, struct segs *out,
		       bool *spent, const struct scratch *sc)
{
	return diff_tokens(ta, 0, ta->n, tb, 0, tb->n, work, out, spent, sc);
}

/* The token indices where paragraphs start in ts (a token ending in a
 * newline ends one), and the end: *n + 1 entries in *out. */
static int para_starts(const struct toks *ts, size_t **out, size_t *n)
{
	size_t count = 1;
	for (size_t i = 0; i + 1 < ts->n; i++)
		count += ts->s[ts->t[i + 1].off - 1] == '\n';
	size_t *p = malloc((count + 1) * sizeof *p);
	if (!p)
		return -1;
	size_t k = 0;
	p[k++] = 0;
	for (size_t i = 0; i + 1 < ts->n; i++)
		if (ts->s[ts->t[i + 1].off - 1] == '\n')
			p[k++] = i + 1;
	p[k] = ts->n;
	*out = p;
	*n = count;
	return 0;
}

/* A run of as many new paragraphs as old, each pair alike: rewritten in
 * place, diffed pair by pair (the edit distance of each pair, not of the
 * run, bounds the search). 1 when done so, 0 when the run is not such. */
static int diff_pairs(const struct toks *ta, const struct toks *tb, long budget, long *used,
		      struct segs *inner, bool *spent, const struct scratch *sc)
{
	size_t *pa = NULL, *pb = NULL, na, nb;
	int rc = 0;
	if (para_starts(ta, &pa, &na) < 0 || para_starts(tb, &pb, &nb) < 0) {
		rc = -1;
		goto done;
	}
	if (na != nb || na < 2)
		goto done;
	for (size_t i = 0; i < na; i++)
		if (shared_pct(ta, pa[i], pa[i + 1], tb, pb[i], pb[i + 1], sc->bits) < PAIR_PCT)
			goto done;
	*used = 0;
	for (size_t i = 0; i < na && !*spent; i++) {
		long u = diff_tokens(ta, pa[i], pa[i + 1], tb, pb[i], pb[i + 1], budget - *used,
				     inner, spent, sc);
		if (u < 0) {
			rc = -1;
			goto done;
		}
		*used += u;
	}
	rc = 1;
done:
	free(pa);
	free(pb);
	return rc;
}

/* Diffs one run of changed paragraphs a[ao, ao+alen) → b[bo, bo+blen) by
 * character into out; shown whole (*coarse) when its work runs out, or at
 * once when it is long and the two sides have next to nothing in common. */
static int diff_run(const char *a, const char *b, const struct seg *run, long run_work, long *work,
		    struct segs *out, bool *coarse, const struct scratch *sc)
{
	struct toks ta = { 0 }, tb = { 0 };
	struct segs inner = { 0 };
	bool spent = false;
	int rc = -1;
	if (tokenize(a, run->a, run->a + run->alen, false, &ta) < 0 ||
	    tokenize(b, run->b, run->b + run->blen, false, &tb) < 0)
		goto done;
	long budget = *work < run_work ? *work : run_work, used = 0;
	int paired = diff_pairs(&ta, &tb, budget, &used, &inner, &spent, sc);
	if (paired < 0)
		goto done;
	if (!paired) {
		if (ta.n >= HOPELESS_MIN && tb.n >= HOPELESS_MIN &&
		    shared_pct(&ta, 0, ta.n, &tb, 0, tb.n, sc->bits) < HOPELESS_PCT)
			spent = true;
		else
			used = diff_level(&ta, &tb, budget, &inner, &spent, sc);
	}
	if (used < 0)
		goto done;
	*work -= used;
	if (spent) {
		*coarse = true;
		rc = seg_add(out, false, run->a, run->alen, run->b, run->blen);
		goto done;
	}
	cleanup_semantic(&inner, a, b);
	rc = 0;
	for (size_t i = 0; i < inner.n && rc == 0; i++)
		rc = seg_add(out, inner.v[i].eq, inner.v[i].a, inner.v[i].alen, inner.v[i].b,
			     inner.v[i].blen);
done:
	free(ta.t);
	free(tb.t);
	free(inner.v);
	return rc;
}

static int add_span(struct nd_diff *d, enum nd_diff_op op, const char *text, size_t len)
{
	if (len == 0)
		return 0;
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

/* The segments as spans: equalities, then each change's deletion before
 * its insertion. Adjacent equalities (across runs) are one span. */
static int to_spans(const struct segs *s, const char *a, const char *b, struct nd_diff *out)
{
	size_t n = 0;
	for (size_t i = 0; i < s->n; i++)
		n += s->v[i].eq ? 1 : (s->v[i].alen > 0) + (s->v[i].blen > 0);
	if (n == 0)
		return 0;
	out->spans = malloc(n * sizeof *out->spans);
	if (!out->spans)
		return -1;
	for (size_t i = 0; i < s->n; i++) {
		const struct seg *g = &s->v[i];
		size_t alen = g->alen;
		if (g->eq) {
			while (i + 1 < s->n && s->v[i + 1].eq)
				alen += s->v[++i].alen;
			if (add_span(out, ND_DIFF_EQUAL, a + g->a, alen) < 0)
				return -1;
		} else if (add_span(out, ND_DIFF_DELETE, a + g->a, g->alen) < 0 ||
			   add_span(out, ND_DIFF_INSERT, b + g->b, g->blen) < 0) {
			return -1;
		}
	}
	return 0;
}

/* Two levels, as git and diff-match-patch's line mode do: paragraphs
 * first, so a moved paragraph is one deletion and one insertion; then
 * characters inside each run of replaced paragraphs. */
static int diff_texts(const char *a, const char *b, long steps, struct segs *out, bool *coarse)
{
	struct toks la = { 0 }, lb = { 0 };
	struct segs lines = { 0 };
	struct scratch sc = { malloc(2 * (2 * DCAP + 3) * sizeof *sc.v),
			      malloc(TRACE_CELLS * sizeof *sc.trace),
			      malloc((DT + 1) * sizeof *sc.steps),
			      calloc((1u << SIM_BITS) / 64, sizeof *sc.bits) };
	long work = steps;
	bool spent = false;
	int rc = -1;
	if (!sc.v || !sc.trace || !sc.steps || !sc.bits ||
	    tokenize(a, 0, strlen(a), true, &la) < 0 || tokenize(b, 0, strlen(b), true, &lb) < 0)
		goto done;
	/* past its bound the paragraph level leaves bigger runs, still diffed
	 * by character below if their own bound allows */
	long used = diff_level(&la, &lb, steps / 2, &lines, &spent, &sc);
	if (used < 0)
		goto done;
	work -= used;
	free(la.t); /* the segments hold byte offsets: the paragraphs can go */
	free(lb.t);
	la.t = lb.t = NULL;
	rc = 0;
	for (size_t i = 0; i < lines.n && rc == 0; i++) {
		const struct seg *g = &lines.v[i];
		if (!g->eq && g->alen && g->blen)
			rc = diff_run(a, b, g, steps / 2, &work, out, coarse, &sc);
		else
			rc = seg_add(out, g->eq, g->a, g->alen, g->b, g->blen);
	}
done:
	free(sc.v);
	free(sc.trace);
	free(sc.steps);
	free(sc.bits);
	free(la.t);
	free(lb.t);
	free(lines.v);
	return rc;
}

int nd_diff_texts(const char *a, const char *b, struct nd_diff *out)
{
	return nd_diff_texts_within(a, b, ND_DIFF_STEPS, out);
}

int nd_diff_texts_within(const char *a, const char *b, long steps, struct nd_diff *out)
{
	struct segs s = { 0 };
	memset(out, 0, sizeof *out);
	/* offsets are 32-bit and the greedy search's x may pass a text's end
	 * by DT: texts past 1 GiB (never filed: 1 MiB is the limit) are shown
	 * whole, without a search */
	size_t alen = strlen(a), blen = strlen(b);
	int rc;
	if (alen > MAX_BYTES || blen > MAX_BYTES) {
		out->coarse = alen && blen;
		rc = seg_add(&s, false, 0, alen, 0, blen);
	} else {
		rc = diff_texts(a, b, steps, &s, &out->coarse);
	}
	if (rc == 0)
		rc = to_spans(&s, a, b, out);
	free(s.v);
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
	d->coarse = false;
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
