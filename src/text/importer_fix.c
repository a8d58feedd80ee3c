/* importer_fix.c — passes 3 and 4 of the importer: what the layout set
 * apart is put back where a reader puts it. A headless article takes the
 * title displaced over another; an editor's note (【编者按】) goes to the
 * article it shares its words with; text with no head goes to the article
 * whose sentence it continues; a subhead and text set apart go back to the
 * one article whose words they share, their credit to the photo that has
 * none. Every guess among these flags its item for an editor (struct
 * nd_import_item.flag), so the review starts there. */
#include "importer_int.h"
#include "newsdesk/utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void why(struct work *w, enum nd_import_field f, enum rule_id r)
{
	nd_imp_why(w, f, r);
}

/* How far back (in items) a displaced title or tail is looked for: more
 * than a page holds, and what bounds the cost of a hostile page. */
#define LOOKBACK 64

const char *nd_imp_last_para(const struct work *w)
{
	const char *s = nd_buf_str(&w->body), *nl = strrchr(s, '\n');
	return nl ? nl + 1 : s;
}

void nd_imp_move_body(struct work *to, struct work *from, bool join_first)
{
	const char *s = nd_buf_str(&from->body);
	if (join_first) {
		nd_buf_adds(&to->body, s);
		to->paras += from->paras ? from->paras - 1 : 0;
	} else {
		nd_imp_add_para(to, s);
		to->paras += from->paras ? from->paras - 1 : 0;
	}
	if (from->it.story.byline && !to->it.story.byline) {
		to->it.story.byline = from->it.story.byline;
		to->it.byline_name = from->it.byline_name;
		from->it.story.byline = NULL;
		why(to, ND_IF_BYLINE, R_TAIL_BYLINE);
	}
	if (from->it.markers) {
		/* markers travel with the text, so nothing is lost */
		if (to->it.markers) {
			struct nd_buf b = ND_BUF_INIT;
			nd_buf_printf(&b, "%s\n%s", to->it.markers, from->it.markers);
			free(to->it.markers);
			free(from->it.markers);
			to->it.markers = nd_buf_take(&b);
		} else {
			to->it.markers = from->it.markers;
		}
		from->it.markers = NULL;
	}
	nd_buf_reset(&from->body);
	to->it.displaced = true;
	why(to, ND_IF_BODY, R_TAIL_JOINED);
}

/* Pass 3: a headless article takes the nearest earlier spare kicker. */
void nd_imp_fix_headless(struct split *sp)
{
	for (size_t i = 0; i < sp->n; i++) {
		struct work *h = &sp->w[i];
		if (!h->headless || h->it.story.headline)
			continue; /* a head given since: never overwrite it */
		for (size_t j = i; j-- > 0 && i - j <= LOOKBACK;) {
			struct work *d = &sp->w[j];
			if (d->spare_kicker && d->it.story.kicker) {
				h->it.story.headline = d->it.story.kicker;
				d->it.story.kicker = NULL;
				d->it.why[ND_IF_KICKER] = NULL;
				why(h, ND_IF_HEADLINE, R_SPARE_KICKER);
				nd_imp_flag(h, F_SPARE_TITLE);
				d->spare_kicker = false;
				h->headless = false;
				break;
			}
		}
	}
}

bool nd_imp_photo_credit(const struct work *w)
{
	return w->it.story.byline && strstr(w->it.story.byline, "摄");
}

/* ---- the words two pieces of text share -------------------------------------- */

/* Pairs of adjacent Han characters or digits, sorted and unique: what a
 * piece of text is about, in a form two pieces can be compared by. */
struct grams {
	uint64_t *g;
	size_t n;
};

enum { MAX_GRAMS = 8192 }; /* enough to tell what a piece is about; bounds a hostile page */

static bool gram_char(unsigned cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= '0' && cp <= '9');
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

static void grams_add(struct grams *gr, const char *s)
{
	unsigned prev = 0;
	for (const char *p = s ? s : ""; *p && gr->n < MAX_GRAMS;) {
		unsigned cp;
		int k = nd_utf8_decode(p, strlen(p), &cp);
		if (k <= 0) {
			p++;
			prev = 0;
			continue;
		}
		p += k;
		if (!gram_char(cp)) {
			prev = 0;
			continue;
		}
		if (prev)
			gr->g[gr->n++] = (uint64_t)prev << 32 | cp;
		prev = cp;
	}
}

/* The grams of an item's titles and text; 0, or -1 out of memory. */
static int grams_of(const struct work *w, struct grams *gr)
{
	gr->n = 0;
	if (!(gr->g = malloc(MAX_GRAMS * sizeof *gr->g)))
		return -1;
	grams_add(gr, w->it.story.headline);
	grams_add(gr, nd_buf_str(&w->body));
	qsort(gr->g, gr->n, sizeof *gr->g, cmp_u64);
	size_t k = 0;
	for (size_t i = 0; i < gr->n; i++)
		if (!k || gr->g[k - 1] != gr->g[i])
			gr->g[k++] = gr->g[i];
	gr->n = k;
	return 0;
}

/* Every item's pairs, each pair once an item, sorted by pair: a pair held
 * by exactly two items is a word those two share and no third has. */
struct owned {
	uint64_t g;
	size_t item;
};

struct page_grams {
	struct owned *v;
	size_t n;
};

/* Pairs a page may hold before the passes that compare words give up
 * (nothing is moved then, and nothing lost): bounds a hostile page. */
enum { MAX_PAGE_GRAMS = 1 << 20 };

static int cmp_owned(const void *a, const void *b)
{
	const struct owned *x = a, *y = b;
	return x->g != y->g ? (x->g < y->g ? -1 : 1) : (x->item > y->item) - (x->item < y->item);
}

static void page_grams_free(struct page_grams *pg)
{
	free(pg->v);
	pg->v = NULL;
	pg->n = 0;
}

/* 0; 1 for a page with too many pairs to compare; -1 out of memory. */
static int page_grams(const struct split *sp, struct page_grams *pg)
{
	size_t cap = 0;
	for (size_t i = 0; i < sp->n; i++) {
		struct grams gr;
		if (grams_of(&sp->w[i], &gr) < 0)
			goto fail;
		if (pg->n + gr.n > MAX_PAGE_GRAMS) {
			free(gr.g);
			page_grams_free(pg);
			return 1;
		}
		if (pg->n + gr.n > cap) {
			size_t nc = cap ? cap : 4096;
			while (nc < pg->n + gr.n)
				nc *= 2;
			struct owned *nv = realloc(pg->v, nc * sizeof *nv);
			if (!nv) {
				free(gr.g);
				goto fail;
			}
			pg->v = nv;
			cap = nc;
		}
		for (size_t k = 0; k < gr.n; k++)
			pg->v[pg->n++] = (struct owned){ gr.g[k], i };
		free(gr.g);
	}
	if (pg->n) /* a page of no pairs has no array */
		qsort(pg->v, pg->n, sizeof *pg->v, cmp_owned);
	return 0;
fail:
	page_grams_free(pg);
	return -1;
}

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return (x > y) - (x < y);
}

/* The items that share a word with item a that no third item has, one
 * entry a shared pair, sorted (so runs count the pairs shared with each):
 * malloc'd into *out, their number into *n, a's own pairs into *own.
 * 0, or -1 out of memory. */
static int partners(const struct split *sp, const struct page_grams *pg, size_t a, size_t **out,
		    size_t *n, size_t *own)
{
	struct grams ga;
	*out = NULL;
	*n = 0;
	if (grams_of(&sp->w[a], &ga) < 0)
		return -1;
	*own = ga.n; /* the pairs a has */
	if (!(*out = malloc((ga.n ? ga.n : 1) * sizeof **out))) {
		free(ga.g);
		return -1;
	}
	for (size_t k = 0; k < ga.n; k++) {
		/* the first entry of this pair */
		size_t lo = 0, hi = pg->n;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (pg->v[mid].g < ga.g[k])
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo + 1 < pg->n && pg->v[lo + 1].g == ga.g[k] &&
		    (lo + 2 == pg->n || pg->v[lo + 2].g != ga.g[k]))
			(*out)[(*n)++] = pg->v[lo].item == a ? pg->v[lo + 1].item : pg->v[lo].item;
	}
	free(ga.g);
	qsort(*out, *n, sizeof **out, cmp_size);
	return 0;
}

/* How many of a's pairs b shares that no third item has. */
static size_t shared_with(const size_t *p, size_t n, size_t b)
{
	size_t c = 0;
	for (size_t k = 0; k < n; k++)
		c += p[k] == b;
	return c;
}

/* An article text can be joined to: a head and text, not a photo, not a
 * note waiting for its place, not text with no head. */
static bool article(const struct work *w)
{
	return (w->it.story.headline || w->it.story.dateline) && w->body.len && !w->orphan &&
	       !w->ed_note && !nd_imp_photo_credit(w);
}

/* Pass 4: displaced continuations. Text with no head of its own, after a
 * byline, is the tail of an earlier article: the one whose last paragraph
 * stops mid-sentence; when the tail brings a byline, the article must have
 * none (its tail carried it). Exactly one candidate, or it stays a flagged
 * fragment. A caption with a 摄 credit is a photo, not a tail. */
void nd_imp_fix_orphans(struct split *sp)
{
	for (size_t i = 0; i < sp->n; i++) {
		struct work *o = &sp->w[i];
		if (!o->orphan || !o->body.len || nd_imp_photo_credit(o))
			continue;
		bool has_byline = o->it.story.byline != NULL;
		struct work *unfinished = NULL, *no_byline = NULL;
		int n_unfinished = 0, n_no_byline = 0;
		for (size_t j = i > LOOKBACK ? i - LOOKBACK : 0; j < i; j++) {
			struct work *c = &sp->w[j];
			if (c->orphan || !c->it.story.headline || !c->body.len ||
			    nd_imp_photo_credit(c))
				continue;
			/* a tail's byline fits an article with none, or with the same
			 * writer already named (本报记者 张静 … then 张静) */
			bool fits_byline = !has_byline || !c->it.story.byline ||
					   strstr(c->it.story.byline, o->it.story.byline);
			if (!nd_imp_finished(nd_imp_last_para(c)) && fits_byline) {
				unfinished = c;
				n_unfinished++;
			}
			if (!c->it.story.byline) {
				no_byline = c;
				n_no_byline++;
			}
		}
		struct work *inside = o->after_photo >= 0 ? &sp->w[o->after_photo] : NULL;
		if (n_unfinished == 1) {
			nd_imp_move_body(unfinished, o, true);
		} else if (n_unfinished == 0 && inside && !inside->orphan && inside->body.len &&
			   (!has_byline || !inside->it.story.byline)) {
			/* a photo stood inside the article's paragraphs: what
			 * follows it goes on with the article */
			nd_imp_move_body(inside, o, false);
			why(inside, ND_IF_BODY, R_AFTER_PHOTO);
		} else if (n_unfinished == 0 && has_byline && n_no_byline == 1) {
			nd_imp_move_body(no_byline, o, false);
			nd_imp_flag(no_byline, F_TAIL_BY_BYLINE);
		} else {
			o->it.fragment = true;
			continue;
		}
		o->orphan = false;
		o->closed = true;
	}
}

/* Prepends from's text (an editor's note) to to's body. */
static void prepend_body(struct work *to, struct work *from)
{
	struct nd_buf b = ND_BUF_INIT;
	nd_buf_adds(&b, nd_buf_str(&from->body));
	if (to->body.len) {
		nd_buf_addc(&b, '\n');
		nd_buf_adds(&b, nd_buf_str(&to->body));
	}
	for (size_t k = 0; k < to->nsubheads; k++)
		to->subheads[k] += from->paras;
	to->paras += from->paras;
	nd_buf_free(&to->body);
	to->body = b;
	if (from->it.markers && !to->it.markers) {
		to->it.markers = from->it.markers;
		from->it.markers = NULL;
	}
	nd_buf_reset(&from->body);
}

/* The nearest item before (step -1) or after (+1) i that still holds
 * something, or -1. */
static long neighbour(const struct split *sp, size_t i, int step)
{
	for (long j = (long)i + step; j >= 0 && (size_t)j < sp->n; j += step) {
		const struct work *w = &sp->w[j];
		if (w->body.len || w->it.story.headline)
			return article(w) ? j : -1;
	}
	return -1;
}

/* Pass 4a: a 【编者按】 goes to the article it introduces, above or below it:
 * the one it shares its words with; with neither (or both alike), the one
 * below, as an editor's note stands over what it introduces — flagged. */
void nd_imp_fix_notes(struct split *sp)
{
	struct page_grams pg = { 0 };
	bool have = false;
	for (size_t i = 0; i < sp->n; i++) {
		struct work *e = &sp->w[i];
		if (!e->ed_note || !e->body.len)
			continue;
		if (!have && page_grams(sp, &pg) != 0)
			break; /* too many words, or out of memory: it stays a fragment */
		have = true;
		long up = neighbour(sp, i, -1), down = neighbour(sp, i, +1);
		size_t *p, np, own;
		if (partners(sp, &pg, i, &p, &np, &own) < 0)
			break;
		size_t su = up >= 0 ? shared_with(p, np, (size_t)up) : 0;
		size_t sd = down >= 0 ? shared_with(p, np, (size_t)down) : 0;
		free(p);
		struct work *to;
		if (up >= 0 && (su > sd || down < 0)) {
			to = &sp->w[up];
			nd_imp_move_body(to, e, false);
			to->it.displaced = false;
			why(to, ND_IF_BODY, R_NOTE_BELOW);
			if (su == 0)
				nd_imp_flag(to, F_NOTE_ORDER);
		} else if (down >= 0) {
			to = &sp->w[down];
			prepend_body(to, e);
			why(to, ND_IF_BODY, R_NOTE_ABOVE);
			if (sd <= su)
				nd_imp_flag(to, F_NOTE_ORDER);
		} else {
			continue; /* no article beside it: a fragment, flagged */
		}
		e->ed_note = false;
	}
	page_grams_free(&pg);
}

/* A titled piece with no dateline and no writer of its own (a photo's
 * credit aside): photo news, or a subhead and text the layout set apart. */
static bool set_apart(const struct work *w)
{
	return w->titled && w->body.len && !w->it.story.dateline && !w->it.story.kicker &&
	       !w->it.story.subhead && !w->orphan && !w->ed_note &&
	       (!w->it.story.byline || nd_imp_photo_credit(w));
}

/* The nearest titled photo before i with no credit (its caption and no
 * writer), other than item skip, or -1. */
static long creditless_photo(const struct split *sp, size_t i, size_t skip)
{
	for (size_t j = i; j-- > 0 && i - j <= LOOKBACK;) {
		const struct work *p = &sp->w[j];
		if (j != skip && p->titled && p->body.len && !p->it.story.dateline &&
		    !p->it.story.byline && !p->orphan && !p->ed_note)
			return (long)j;
	}
	return -1;
}

/* The article whose words piece i shares, clearly more than any other's
 * (12 pairs or more, four times the next, a sixth of its own): else -1. */
static long clear_match(const struct split *sp, const struct page_grams *pg, size_t i)
{
	size_t *p, np, own, best = 0, second = 0;
	long at = -1;
	if (partners(sp, pg, i, &p, &np, &own) < 0)
		return -1; /* out of memory: nothing moved */
	for (size_t k = 0; k < np;) {
		size_t j = p[k], c = 0;
		while (k < np && p[k] == j)
			k++, c++;
		if (!article(&sp->w[j]) || set_apart(&sp->w[j]))
			continue;
		if (c > best) {
			second = best;
			best = c;
			at = (long)j;
		} else if (c > second) {
			second = c;
		}
	}
	free(p);
	if (best >= 12 && best >= 4 * second && best * 6 >= own)
		return at;
	return -1;
}

/* Pass 4c: a subhead and text set apart by the layout, which share their
 * words with one article clearly, are that article's section (page 003:
 * 104个专业供职工自主选择 and the 襄阳 story's paragraph under it); a 摄
 * credit under them is the photo's above that has none. Flagged both. A
 * piece whose credit has no photo to go to is a photo itself. */
int nd_imp_fix_sections(struct split *sp)
{
	struct page_grams pg = { 0 };
	bool have = false;
	int rc = 0;
	for (size_t i = 0; i < sp->n; i++) {
		struct work *b = &sp->w[i];
		if (!set_apart(b))
			continue;
		if (!have && (rc = page_grams(sp, &pg)) != 0) {
			rc = rc < 0 ? -1 : 0; /* too many words to compare: nothing moved */
			break;
		}
		have = true;
		long to = clear_match(sp, &pg, i);
		if (to < 0)
			continue;
		long photo = -1;
		if (b->it.story.byline && (photo = creditless_photo(sp, i, (size_t)to)) < 0)
			continue;
		struct work *a = &sp->w[to];
		nd_imp_add_subhead(a, b->it.story.headline);
		free(b->it.story.headline);
		b->it.story.headline = NULL;
		b->titled = false;
		if (photo >= 0) {
			struct work *p = &sp->w[photo];
			p->it.story.byline = b->it.story.byline;
			b->it.story.byline = NULL;
			why(p, ND_IF_BYLINE, R_CREDIT_MOVED);
			nd_imp_flag(p, F_CREDIT);
		}
		nd_imp_move_body(a, b, false);
		a->it.displaced = true;
		why(a, ND_IF_BODY, R_SECTION_JOINED);
		nd_imp_flag(a, F_SECTION);
	}
	page_grams_free(&pg);
	return rc;
}

/* Pass 4d: an article whose text stops mid-sentence, with nothing on the
 * page to go on with it, is flagged: its end is elsewhere. */
void nd_imp_flag_unfinished(struct split *sp)
{
	for (size_t i = 0; i < sp->n; i++) {
		struct work *w = &sp->w[i];
		if (article(w) && !w->it.fragment && !nd_imp_finished(nd_imp_last_para(w)))
			nd_imp_flag(w, F_UNFINISHED);
	}
}
