/* importer.c — page dumps into items. The rules are tables (markers) and
 * small classifiers reused from the filing format (datelines, bylines,
 * author lines); the order of the passes is the algorithm:
 *   1. classify each line, noting the vertical gap before it;
 *   2. walk the lines into items (a gap of two or more blank lines, a
 *      marker, a title run or a dateline starts a new one);
 *   3. give headless articles the title the layout displaced;
 *   4. join displaced continuations, or keep them as flagged fragments;
 *   5. rejoin paragraphs a page or column break split.
 * Every field an item gets names the rule that gave it (struct
 * nd_import_rule), so --dry-run can say why and an editor can correct it.
 * The tables, the line classifiers (pass 1) and the title-group rules are
 * importer_rules.c; this file is passes 2 to 5. */
#include "importer_int.h"
#include "newsdesk/buf.h"
#include "newsdesk/cleanup.h"
#include "newsdesk/lang.h"
#include "newsdesk/utf8.h"

#include <stdlib.h>
#include <string.h>

#define ND_MAX_BYLINE 200 /* what nd_story_validate lets a byline be */

static char *dup(const char *s)
{
	return s ? strdup(s) : NULL;
}

static void why(struct work *w, enum nd_import_field f, enum rule_id r)
{
	nd_imp_why(w, f, r);
}

static struct work *open_item(struct split *sp)
{
	if (sp->n == sp->cap) {
		size_t cap = sp->cap ? sp->cap * 2 : 16;
		struct work *nw = realloc(sp->w, cap * sizeof *nw);
		if (!nw)
			return NULL;
		sp->w = nw;
		sp->cap = cap;
	}
	struct work *w = &sp->w[sp->n++];
	memset(w, 0, sizeof *w);
	w->after_photo = -1;
	w->it.story.section = dup(sp->section);
	if (sp->section)
		why(w, ND_IF_SECTION, sp->section_rule);
	if (sp->markers.len) {
		w->it.markers = nd_buf_take(&sp->markers);
	}
	return w;
}

void nd_imp_add_para(struct work *w, const char *text)
{
	if (w->body.len)
		nd_buf_addc(&w->body, '\n');
	nd_buf_adds(&w->body, text);
	w->paras++;
}

/* A short title line inside the text is a subhead: its own paragraph,
 * which the page-break repair must not join to the next. */
void nd_imp_add_subhead(struct work *w, const char *text)
{
	nd_imp_add_para(w, text);
	static const char *const stops[] = { "。", "！", "？", "；" };
	if (nd_utf8_length(text) > 20 || has_any(text, stops, sizeof stops / sizeof *stops))
		return; /* a sentence a break cut short, not a subhead */
	if ((w->nsubheads & (w->nsubheads - 1)) == 0) { /* 0, 1, 2, 4 …: grow */
		size_t *ns =
		    realloc(w->subheads, (w->nsubheads ? 2 * w->nsubheads : 1) * sizeof *ns);
		if (!ns)
			return; /* then only the repair may join it: nothing is lost */
		w->subheads = ns;
	}
	w->subheads[w->nsubheads++] = w->paras - 1;
}

static void set(char **field, const char *text)
{
	free(*field);
	*field = dup(text);
}

static void set_byline(struct work *w, const struct line *l, enum rule_id r)
{
	if (!w->it.story.byline) {
		w->it.story.byline = dup(l->text);
		w->it.byline_name = r == R_COLUMN_AUTHOR ? nd_imp_position_line(l->text) : 0;
		why(w, ND_IF_BYLINE, r);
	} else if ((l->kind == L_AUTHOR || l->kind == L_POSITION) &&
		   nd_utf8_length(w->it.story.byline) + 1 + nd_utf8_length(l->text) <=
		       ND_MAX_BYLINE) {
		/* author lines one under another: one byline */
		struct nd_buf b = ND_BUF_INIT;
		nd_buf_printf(&b, "%s %s", w->it.story.byline, l->text);
		free(w->it.story.byline);
		w->it.story.byline = nd_buf_take(&b);
		w->it.byline_name = 0;
	} else if (r == R_BYLINE_TAIL || r == R_CREDIT_TAIL) {
		/* the item is signed already: the name stays where it stood */
		nd_buf_addc(&w->body, ' ');
		nd_buf_adds(&w->body, l->text);
	} else {
		nd_imp_add_para(w, l->text);
	}
}

static void add_source(struct work *w, const char *text)
{
	struct nd_buf b = ND_BUF_INIT;
	if (w->it.source)
		nd_buf_printf(&b, "%s\n", w->it.source);
	nd_buf_adds(&b, text);
	free(w->it.source);
	w->it.source = nd_buf_take(&b);
}

static void add_marker(struct split *sp, const char *text)
{
	if (sp->markers.len)
		nd_buf_addc(&sp->markers, '\n');
	nd_buf_adds(&sp->markers, text);
}

static char *marker_name(const char *line)
{
	size_t n = strlen(line);
	if (starts(line, "【") && n >= 6 && strcmp(line + n - 3, "】") == 0)
		return strndup(line + 3, n - 6);
	return strdup(line);
}

/* A run of titles before a dateline, an author line or body text. */
static struct work *open_titled(struct split *sp, struct titles *tl)
{
	struct roles r = nd_imp_title_roles(tl);
	enum rule_id banner = r.banner >= 0 ? r.banner_rule : R_COUNT;
	for (int i = 0; i < r.kicker; i++) {
		add_marker(sp, tl->t[i]);
		if (nd_imp_two_part(tl->t[i])) {
			banner = R_SLOGAN_ABOVE; /* a slogan banner names no section */
			continue;
		}
		if (i == 0 && nd_imp_place_banner(tl->t[i])) {
			banner = R_PLACE_BANNER; /* 舟山 names a place, not a section */
			continue;
		}
		set(&sp->section, tl->t[i]);
		sp->section_rule = R_BANNER;
	}
	if (r.banner >= 0)
		add_marker(sp, tl->t[r.banner]);
	struct work *w = open_item(sp);
	if (!w)
		return NULL;
	w->titled = true;
	if (banner != R_COUNT)
		why(w, ND_IF_MARKERS, banner);
	if (r.headline >= 0) {
		w->it.story.headline = dup(tl->t[r.headline]);
		why(w, ND_IF_HEADLINE, r.headline_rule);
	} else {
		w->headless = true;
	}
	if (r.kicker >= 0) {
		w->it.story.kicker = dup(tl->t[r.kicker]);
		why(w, ND_IF_KICKER, r.kicker_rule);
		/* three titles: the middle may be someone else's */
		w->spare_kicker = r.kicker >= 1 && r.subhead < 0;
	}
	if (r.subhead >= 0) {
		w->it.story.subhead = dup(tl->t[r.subhead]);
		why(w, ND_IF_SUBHEAD, r.subhead_rule);
	}
	for (int i = 0; i < tl->n; i++)
		free(tl->t[i]);
	tl->n = 0;
	return w;
}

/* Titles that no article claimed become markers of what follows. */
static void titles_to_markers(struct split *sp, struct titles *tl)
{
	for (int i = 0; i < tl->n; i++) {
		add_marker(sp, tl->t[i]);
		free(tl->t[i]);
	}
	tl->n = 0;
}

static bool photo_line(const struct line *l)
{
	return l->kind == L_CREDIT && strstr(l->text, "摄");
}

/* Does this page set photo titles under the credit? Only when one title
 * clearly belongs below (nothing it could head follows it) and none is
 * set above a caption on its own. */
static bool page_titles_after_photos(const struct line *lines, size_t n)
{
	bool after = false, before = false;
	for (size_t i = 0; i + 1 < n; i++) {
		const struct line *t = &lines[i + 1];
		if (photo_line(&lines[i]) && t->kind == L_TITLE && t->gap <= 1 &&
		    (i + 2 == n || lines[i + 2].kind == L_MARKER || lines[i + 2].gap >= 2))
			after = true;
		if (lines[i].kind == L_TITLE && (i == 0 || !photo_line(&lines[i - 1])) &&
		    lines[i + 1].kind == L_PARA && i + 2 < n && photo_line(&lines[i + 2]))
			before = true;
	}
	return after && !before;
}

/* A short line right under a photo's credit, which nothing below claims
 * as its headline, is the title of that photo. */
static bool photo_title_after(const struct split *sp, const struct line *lines, size_t n, size_t i)
{
	const struct line *l = &lines[i];
	if (i == 0 || !photo_line(&lines[i - 1]) || l->gap > 1 || nd_utf8_length(l->text) > 24 ||
	    !sp->n || sp->w[sp->n - 1].it.story.headline)
		return false;
	if (i + 1 == n || lines[i + 1].kind == L_MARKER || lines[i + 1].gap >= 2)
		return true;
	enum kind next = lines[i + 1].kind;
	return sp->titles_after_photos && (next == L_TITLE || next == L_PARA);
}

static int walk_title(struct split *sp, struct titles *tl, struct work **cur,
		      const struct line *lines, size_t n, size_t i)
{
	const struct line *l = &lines[i];
	enum kind next = i + 1 < n ? lines[i + 1].kind : L_MARKER;
	bool next_gap = i + 1 < n && lines[i + 1].gap >= 2;
	if (!tl->n && photo_title_after(sp, lines, n, i)) {
		struct work *p = &sp->w[sp->n - 1];
		p->it.story.headline = dup(l->text);
		why(p, ND_IF_HEADLINE, R_PHOTO_TITLE_AFTER);
		p->orphan = false;
		p->headless = false;
		*cur = NULL;
		return 0;
	}
	/* Photo news: a title, one caption paragraph, a 摄 credit. */
	bool photo = next == L_PARA && i + 2 < n && photo_line(&lines[i + 2]);
	/* Inside an article, a title followed by body text is a subhead;
	 * unless that text opens as a photo's caption does (photo news) */
	bool caption = next == L_PARA && nd_imp_caption_opening(lines[i + 1].text);
	if (*cur && (*cur)->body.len && tl->n == 0 && next == L_PARA && !next_gap && !photo &&
	    !(*cur)->ed_note && !caption) {
		nd_imp_add_subhead(*cur, l->text);
		return 0;
	}
	sp->caption_title = caption && *cur && (*cur)->body.len && tl->n == 0 && !next_gap &&
			    !photo && !(*cur)->ed_note;
	/* a titled photo inside an article's paragraphs: the text after it
	 * may go on with the article */
	sp->interrupted = photo && *cur && (*cur)->body.len && !(*cur)->closed && !tl->n
			      ? (long)(*cur - sp->w)
			      : -1;
	*cur = NULL;
	if (tl->n < 16) {
		if (!(tl->t[tl->n] = strdup(l->text)))
			return -1;
		tl->n++;
	} else
		add_marker(sp, l->text); /* a run this long is no title group */
	return 0;
}

static struct work *walk_dateline(struct split *sp, struct titles *tl, struct work *under,
				  const char *text)
{
	/* a dateline after the 【编者按】 under a headline starts that article's
	 * text, not another article */
	struct work *cur = under && under->note_only && !tl->n ? under : open_titled(sp, tl);
	sp->interrupted = -1;
	if (!cur)
		return NULL;
	size_t dl = nd_match_dateline(text);
	char *date = strndup(text, dl);
	if (!date)
		return NULL;
	const char *rest = skip_blank(text + dl);
	/* trim the dateline's own trailing blanks */
	size_t dn = strlen(date);
	while (dn && date[dn - 1] == ' ')
		date[--dn] = '\0';
	cur->note_only = false;
	free(cur->it.story.dateline);
	cur->it.story.dateline = date;
	why(cur, ND_IF_DATELINE, R_DATELINE);
	if (*rest)
		nd_imp_add_para(cur, rest);
	return cur;
}

/* A 【column】 marker names the pieces under it up to a block break; then
 * the section it interrupted is back. */
static void end_column(struct split *sp)
{
	free(sp->section);
	sp->section = sp->outer;
	sp->section_rule = sp->outer_rule;
	sp->outer = NULL;
	sp->in_column = false;
}

static int walk_lines(struct split *sp, struct line *lines, size_t n, struct titles *tl);
static int walk_end(struct split *sp, struct titles *tl);
static int walk_para(struct split *sp, struct titles *tl, struct work **cur,
		     const struct line *lines, size_t n, size_t i);

static void walk_marker(struct split *sp, struct titles *tl, const char *text)
{
	titles_to_markers(sp, tl);
	add_marker(sp, text);
	if (starts(text, "【") && !sp->in_column) {
		sp->outer = sp->section;
		sp->outer_rule = sp->section_rule;
		sp->section = NULL;
		sp->in_column = true;
		sp->column_from = sp->n;
	} else if (!starts(text, "【") && sp->in_column) {
		end_column(sp);
	}
	free(sp->section);
	sp->section = marker_name(text);
	sp->section_rule = sp->in_column ? R_COLUMN_MARKER : R_MARKER;
}

/* A byline line or a photo credit: it signs and closes the item open. */
static int walk_credit(struct split *sp, struct titles *tl, struct work **cur,
		       const struct line *lines, size_t n, size_t i)
{
	const struct line *l = &lines[i];
	if (!*cur && !tl->n && l->rule == R_BYLINE_LINE && i + 1 < n &&
	    lines[i + 1].kind == L_TITLE && lines[i + 1].gap <= 1) {
		/* a short line over a title, with nothing above to sign: a
		 * column heading (工人先锋), not a name */
		if (!(tl->t[0] = strdup(l->text)))
			return -1;
		tl->n = 1;
		return 0;
	}
	if (tl->n && !*cur) {
		/* a title then a credit: a photo with no caption text */
		if (!(*cur = open_titled(sp, tl)))
			return -1;
	}
	if (!*cur) {
		if (!(*cur = open_item(sp)))
			return -1;
		(*cur)->orphan = true;
	}
	set_byline(*cur, l, l->rule);
	(*cur)->closed = true;
	*cur = NULL;
	return 0;
}

/* An article by its head: a dateline or an author line says a reporter
 * wrote it, so a … 摄 credit inside it signs a photo, not the article. */
static bool article_by_head(const struct work *w)
{
	const struct nd_import_rule *b = w->it.why[ND_IF_BYLINE];
	return w->it.story.dateline ||
	       (b && (b == &nd_imp_rules[R_AUTHOR] || b == &nd_imp_rules[R_COLUMN_AUTHOR]));
}

/* A paragraph: an editor's note (placed by pass 4), a caption inside an
 * article (a photo of its own), or text of the item open, of the titles
 * waiting, or of no head at all (an orphan pass 4 places). */
static int walk_para(struct split *sp, struct titles *tl, struct work **cur,
		     const struct line *lines, size_t n, size_t i)
{
	const struct line *l = &lines[i];
	bool captioned = i + 1 < n && photo_line(&lines[i + 1]) && lines[i + 1].gap <= 1;
	if (starts(l->text, "【编者按】")) {
		if (tl->n && !(*cur = open_titled(sp, tl)))
			return -1;
		if (*cur && (*cur)->titled && !(*cur)->body.len) {
			nd_imp_add_para(*cur, l->text); /* under its headline */
			(*cur)->note_only = true;
			why(*cur, ND_IF_BODY, R_NOTE_UNDER_HEAD);
			return 0;
		}
		if (!(*cur = open_item(sp)))
			return -1;
		(*cur)->ed_note = true;
		nd_imp_add_para(*cur, l->text);
		return 0;
	}
	if (captioned && *cur && !tl->n && (*cur)->body.len && !(*cur)->closed &&
	    article_by_head(*cur)) {
		sp->interrupted = (long)(*cur - sp->w);
		if (!(*cur = open_item(sp)))
			return -1;
		why(*cur, ND_IF_BODY, R_CAPTION_IN_ARTICLE);
		nd_imp_add_para(*cur, l->text);
		return 0;
	}
	if (tl->n) {
		*cur = open_titled(sp, tl); /* photo news, or an article without a dateline */
		if (!*cur)
			return -1;
		if (sp->caption_title) {
			why(*cur, ND_IF_HEADLINE, R_CAPTION_TITLE);
			nd_imp_flag(*cur, F_CAPTION_TITLE);
			sp->caption_title = false;
		}
		if (!captioned)
			sp->interrupted = -1; /* not the photo inside an article: that ends */
	} else if (!*cur) {
		if (!(*cur = open_item(sp)))
			return -1;
		(*cur)->orphan = true;
		if (l->gap <= 1)
			(*cur)->after_photo = sp->interrupted;
	}
	nd_imp_add_para(*cur, l->text);
	return 0;
}

/* Pass 2, and on failure the titles still waiting freed. */
static int walk(struct split *sp, struct line *lines, size_t n)
{
	struct titles tl = { 0 };
	sp->interrupted = -1;
	int rc = walk_lines(sp, lines, n, &tl);
	for (int i = 0; i < tl.n; i++)
		free(tl.t[i]);
	return rc;
}

static int walk_lines(struct split *sp, struct line *lines, size_t n, struct titles *tl)
{
	struct work *cur = NULL;
	sp->titles_after_photos = page_titles_after_photos(lines, n);
	for (size_t i = 0; i < n; i++) {
		struct line *l = &lines[i];
		if (l->gap >= 2 && cur && l->kind != L_CREDIT)
			cur = NULL; /* a column or block break ends the item */
		if (l->gap >= 2 && sp->in_column && sp->n > sp->column_from && l->kind != L_CREDIT)
			end_column(sp);
		switch (l->kind) {
		case L_MARKER:
			cur = NULL;
			sp->interrupted = -1;
			walk_marker(sp, tl, l->text);
			break;
		case L_SOURCE:
			if (cur)
				add_source(cur, l->text);
			else
				add_marker(sp, l->text);
			break;
		case L_TITLE:
			if (walk_title(sp, tl, &cur, lines, n, i) < 0)
				return -1;
			break;
		case L_DATELINE:
			if (!(cur = walk_dateline(sp, tl, cur, l->text)))
				return -1;
			break;
		case L_POSITION:
			if (!tl->n && cur && cur->body.len) {
				/* signed at the end of a column piece */
				set_byline(cur, l, R_COLUMN_AUTHOR);
				cur->closed = true;
				cur = NULL;
				break;
			}
			/* under a headline, like any author line */
			__attribute__((fallthrough));
		case L_AUTHOR:
			if (tl->n || !cur) {
				cur = open_titled(sp, tl);
				if (!cur)
					return -1;
			}
			set_byline(cur, l, l->kind == L_POSITION ? R_COLUMN_AUTHOR : R_AUTHOR);
			break;
		case L_CREDIT:
			if (walk_credit(sp, tl, &cur, lines, n, i) < 0)
				return -1;
			break;
		case L_PARA:
			if (walk_para(sp, tl, &cur, lines, n, i) < 0)
				return -1;
			break;
		}
	}
	return walk_end(sp, tl);
}

/* What the page leaves at its foot still lands in some item. */
static int walk_end(struct split *sp, struct titles *tl)
{
	if (tl->n) {
		/* trailing titles: an item of their own, for an editor */
		struct work *w = open_titled(sp, tl);
		if (!w)
			return -1;
		w->it.fragment = true;
	}
	if (sp->markers.len) {
		/* markers after the last item still belong to some item */
		struct work *w = sp->n ? &sp->w[sp->n - 1] : open_item(sp);
		if (!w)
			return -1;
		if (w->it.markers) {
			struct nd_buf b = ND_BUF_INIT;
			nd_buf_printf(&b, "%s\n%s", w->it.markers, nd_buf_str(&sp->markers));
			free(w->it.markers);
			w->it.markers = nd_buf_take(&b);
		} else {
			w->it.markers = nd_buf_take(&sp->markers);
		}
	}
	return 0;
}

/* A headline for an item that has none: the first sentence of its text
 * (taken out of the body, so nothing is counted twice). */
static void head_from_body(struct work *w)
{
	const char *s = nd_buf_str(&w->body);
	size_t len = strcspn(s, "\n");
	const char *stop = NULL;
	static const char *const ends[] = { "。", "！", "？" };
	for (size_t k = 0; k < 3; k++) {
		const char *e = strstr(s, ends[k]);
		if (e && (size_t)(e - s) < len && (!stop || e < stop))
			stop = e;
	}
	size_t cut = stop ? (size_t)(stop - s) + 3 : len;
	if (nd_utf8_length(s) > 0 && cut > 0) {
		char *head = strndup(s, cut);
		if (nd_utf8_length(head) > 200) {
			free(head);
			head = strndup(s, nd_utf8_prefix(s, 190));
			cut = strlen(head);
		}
		w->it.story.headline = head;
		why(w, ND_IF_HEADLINE, R_HEAD_FROM_BODY);
		struct nd_buf rest = ND_BUF_INIT;
		const char *r = s + cut;
		if (*r == '\n' || (!*r && w->paras)) {
			/* the first paragraph went whole: the subheads move up one */
			size_t k = 0;
			for (size_t j = 0; j < w->nsubheads; j++)
				if (w->subheads[j] > 0)
					w->subheads[k++] = w->subheads[j] - 1;
			w->nsubheads = k;
			w->paras = w->paras ? w->paras - 1 : 0;
		}
		if (*r == '\n')
			r++;
		nd_buf_adds(&rest, r);
		nd_buf_free(&w->body);
		w->body = rest;
	}
}

/* The page-break repair, run on the text between subheads. */
static long rejoin_around_subheads(const struct work *w, struct nd_buf *out)
{
	const struct nd_cleanup_rule *rejoin = nd_cleanup_find("rejoin");
	struct nd_buf seg = ND_BUF_INIT;
	long joins = 0;
	size_t k = 0, sub = 0;
	const char *p = nd_buf_str(&w->body);
	for (;;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		bool is_sub = sub < w->nsubheads && w->subheads[sub] == k;
		if (is_sub || !nl) {
			if (!is_sub) {
				if (seg.len)
					nd_buf_addc(&seg, '\n');
				nd_buf_add(&seg, p, len);
			}
			if (seg.len) {
				if (out->len)
					nd_buf_addc(out, '\n');
				long j = rejoin->apply(nd_buf_str(&seg), out);
				joins += j > 0 ? j : 0;
				nd_buf_reset(&seg);
			}
			if (is_sub) {
				if (out->len)
					nd_buf_addc(out, '\n');
				nd_buf_add(out, p, len);
				sub++;
			}
		} else {
			if (seg.len)
				nd_buf_addc(&seg, '\n');
			nd_buf_add(&seg, p, len);
		}
		if (!nl)
			break;
		p = nl + 1;
		k++;
	}
	nd_buf_free(&seg);
	return joins;
}

static int finish(struct split *sp, struct nd_import_page *page)
{
	page->items = calloc(sp->n ? sp->n : 1, sizeof *page->items);
	if (!page->items)
		return -1;
	for (size_t i = 0; i < sp->n; i++) {
		struct work *w = &sp->w[i];
		if (!w->body.len && !w->it.story.headline && !w->it.story.byline &&
		    !w->it.markers && !w->it.source && !w->it.story.dateline)
			continue; /* emptied by a join */
		if (!w->it.story.headline) {
			if (w->body.len) {
				head_from_body(w);
				if (!(w->it.story.byline && strstr(w->it.story.byline, "摄")))
					w->it.fragment = true;
			} else {
				w->it.story.headline =
				    dup(w->it.story.byline ? w->it.story.byline : "");
				w->it.why[ND_IF_HEADLINE] = w->it.why[ND_IF_BYLINE];
				free(w->it.story.byline);
				w->it.story.byline = NULL;
				w->it.why[ND_IF_BYLINE] = NULL;
				w->it.fragment = true;
			}
		}
		/* Pass 5: paragraphs split by a page or column break. */
		struct nd_buf fixed = ND_BUF_INIT;
		long joins = rejoin_around_subheads(w, &fixed);
		if (joins > 0) {
			w->it.repairs = (int)joins;
			nd_buf_free(&w->body);
			w->body = fixed;
		} else {
			nd_buf_free(&fixed);
		}
		w->it.story.body = nd_buf_take(&w->body);
		const char *kind = "article";
		enum rule_id kr = R_KIND_ARTICLE;
		if (w->it.story.byline && strstr(w->it.story.byline, "摄")) {
			kind = "photo";
			kr = R_KIND_PHOTO;
		} else if (w->it.fragment) {
			kind = "note";
			kr = R_KIND_NOTE;
		}
		w->it.story.kind = strdup(kind);
		why(w, ND_IF_KIND, kr);
		if (w->it.fragment)
			w->it.flag = &nd_imp_rules[R_KIND_NOTE]; /* the flag that matters most */
		page->items[page->n++] = w->it;
		memset(&w->it, 0, sizeof w->it);
	}
	return 0;
}

int nd_import_split(const char *text, struct nd_import_page *page, struct nd_error *err)
{
	memset(page, 0, sizeof *page);
	struct line *lines = NULL;
	size_t n = 0;
	if (nd_imp_read_lines(text, &lines, &n) < 0)
		return nd_fail(err, ND_ENOMEM, _("out of memory"));
	if (n == 0) {
		free(lines);
		return nd_fail(err, ND_EINVAL, _("the page is empty"));
	}
	struct split sp = { 0 };
	int rc = walk(&sp, lines, n);
	if (rc == 0) {
		nd_imp_fix_headless(&sp);
		nd_imp_fix_notes(&sp);
		nd_imp_fix_orphans(&sp);
		rc = nd_imp_fix_sections(&sp);
		if (rc == 0) {
			nd_imp_flag_unfinished(&sp);
			rc = finish(&sp, page);
		}
	}
	for (size_t i = 0; i < sp.n; i++) {
		nd_story_free(&sp.w[i].it.story);
		free(sp.w[i].it.markers);
		free(sp.w[i].it.source);
		nd_buf_free(&sp.w[i].body);
		free(sp.w[i].subheads);
	}
	free(sp.w);
	nd_buf_free(&sp.markers);
	free(sp.section);
	free(sp.outer);
	for (size_t i = 0; i < n; i++)
		free(lines[i].text);
	free(lines);
	if (rc < 0) {
		nd_import_page_free(page);
		return nd_fail(err, ND_ENOMEM, _("out of memory splitting the page"));
	}
	return 0;
}

void nd_import_page_free(struct nd_import_page *page)
{
	for (size_t i = 0; i < page->n; i++) {
		nd_story_free(&page->items[i].story);
		free(page->items[i].markers);
		free(page->items[i].source);
	}
	free(page->items);
	memset(page, 0, sizeof *page);
}
