/* importer.c — page dumps into items. The rules are tables (markers) and
 * small classifiers reused from the filing format (datelines, bylines,
 * author lines); the order of the passes is the algorithm:
 *   1. classify each line, noting the vertical gap before it;
 *   2. walk the lines into items (a gap of two or more blank lines, a
 *      marker, a title run or a dateline starts a new one);
 *   3. give headless articles the title the layout displaced;
 *   4. join displaced continuations, or keep them as flagged fragments;
 *   5. rejoin paragraphs a page or column break split. */
#include "newsdesk/importer.h"
#include "newsdesk/buf.h"
#include "newsdesk/cleanup.h"
#include "newsdesk/utf8.h"

#include <stdlib.h>
#include <string.h>

/* Column and section names of the trade-union press; 【…】 alone on a line
 * is a marker whatever it says. A publication adds its own here. */
static const char *const section_markers[] = {
	"新闻速递", "图说新闻", "图片新闻", "工会动态", "基层传真", "一线传真", "职工风采",
	"劳模风采", "工会博览", "主席之声", "理论园地", "维权在线", "文化园地", "要闻",
	"综合新闻", "地方新闻", "工运时评", "本期导读", "特别报道", "深度报道",
};

enum kind { L_MARKER, L_TITLE, L_DATELINE, L_AUTHOR, L_CREDIT, L_SOURCE, L_PARA };

struct line {
	char *text;
	enum kind kind;
	int gap; /* blank lines before it */
};

static bool starts(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

bool nd_import_is_marker(const char *line)
{
	size_t n = strlen(line);
	if (n >= 6 && starts(line, "【") && strcmp(line + n - 3, "】") == 0 &&
	    !strstr(line + 3, "【") && nd_utf8_length(line) <= 12)
		return true;
	for (size_t i = 0; i < sizeof section_markers / sizeof *section_markers; i++)
		if (strcmp(line, section_markers[i]) == 0)
			return true;
	return false;
}

/* Finished: the paragraph ends a sentence (or a quotation that does). */
static bool finished(const char *s)
{
	static const char *const finals[] = { "。", "！", "？", "…", "”", "’", "」",
					      "』", "）", ".",  "!", "?", ")" };
	size_t n = strlen(s);
	for (size_t i = 0; i < sizeof finals / sizeof *finals; i++) {
		size_t k = strlen(finals[i]);
		if (n >= k && memcmp(s + n - k, finals[i], k) == 0)
			return true;
	}
	return false;
}

/* A sentence ends: 。！？… (a closing quote may end a headline too). */
static bool ends_sentence(const char *s)
{
	static const char *const finals[] = { "。", "！", "？", "…", ".", "!", "?" };
	size_t n = strlen(s);
	for (size_t i = 0; i < sizeof finals / sizeof *finals; i++) {
		size_t k = strlen(finals[i]);
		if (n >= k && memcmp(s + n - k, finals[i], k) == 0)
			return true;
	}
	return false;
}

static enum kind classify(const char *s)
{
	if (starts(s, "【编者按】"))
		return L_PARA; /* an editor's note is text of an article, not a marker */
	if (nd_import_is_marker(s))
		return L_MARKER;
	if (starts(s, "来源：") || starts(s, "来源:"))
		return L_SOURCE;
	if (nd_match_dateline(s))
		return L_DATELINE;
	size_t n = strlen(s);
	if (n >= 3 && strcmp(s + n - 3, "摄") == 0 && nd_is_byline(s))
		return L_CREDIT; /* a photo credit, even when it names 本报记者 */
	if (nd_is_author_line(s))
		return L_AUTHOR;
	if (nd_is_byline(s))
		return L_CREDIT;
	size_t len = nd_utf8_length(s);
	if (len <= 40 && !nd_ends_like_prose(s) && !ends_sentence(s))
		return L_TITLE;
	return L_PARA;
}

/* ---- items under construction ------------------------------------------------ */

struct work {
	struct nd_import_item it;
	struct nd_buf body;
	bool headless; /* started at a dateline with no title above */
	bool spare_kicker; /* its kicker may be a displaced headline */
	bool orphan; /* body text with no head of its own */
	bool closed;
};

struct split {
	struct work *w;
	size_t n, cap;
	struct nd_buf markers;
	char *section;
};

static char *dup(const char *s)
{
	return s ? strdup(s) : NULL;
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
	w->it.story.section = dup(sp->section);
	if (sp->markers.len) {
		w->it.markers = nd_buf_take(&sp->markers);
	}
	return w;
}

static void add_para(struct work *w, const char *text)
{
	if (w->body.len)
		nd_buf_addc(&w->body, '\n');
	nd_buf_adds(&w->body, text);
}

static void set(char **field, const char *text)
{
	free(*field);
	*field = dup(text);
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

/* Titles waiting for what follows them to say what they are. */
struct titles {
	char *t[16];
	int n;
};

/* A run of titles before a dateline, an author line or body text: the last
 * is the headline, the one before it the kicker; earlier ones are banners
 * (column titles), kept as markers. */
static struct work *open_titled(struct split *sp, struct titles *tl)
{
	for (int i = 0; i + 2 < tl->n; i++) {
		add_marker(sp, tl->t[i]);
		set(&sp->section, tl->t[i]);
	}
	struct work *w = open_item(sp);
	if (!w)
		return NULL;
	if (tl->n >= 1)
		w->it.story.headline = dup(tl->t[tl->n - 1]);
	else
		w->headless = true;
	if (tl->n >= 2) {
		w->it.story.kicker = dup(tl->t[tl->n - 2]);
		w->spare_kicker = tl->n >= 3; /* three titles: the middle may be someone else's */
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

static int walk(struct split *sp, struct line *lines, size_t n)
{
	struct work *cur = NULL;
	struct titles tl = { 0 };
	for (size_t i = 0; i < n; i++) {
		struct line *l = &lines[i];
		enum kind next = i + 1 < n ? lines[i + 1].kind : L_MARKER;
		bool next_gap = i + 1 < n && lines[i + 1].gap >= 2;
		if (l->gap >= 2 && cur && l->kind != L_CREDIT)
			cur = NULL; /* a column or block break ends the item */
		switch (l->kind) {
		case L_MARKER:
			cur = NULL;
			titles_to_markers(sp, &tl);
			add_marker(sp, l->text);
			free(sp->section);
			sp->section = marker_name(l->text);
			break;
		case L_SOURCE:
			if (cur)
				set(&cur->it.source, l->text);
			else
				add_marker(sp, l->text);
			break;
		case L_TITLE: {
			/* Photo news: a title, one caption paragraph, a 摄 credit. */
			bool photo = next == L_PARA && i + 2 < n && lines[i + 2].kind == L_CREDIT &&
				     strstr(lines[i + 2].text, "摄");
			/* Inside an article, a title followed by body text is a subhead. */
			if (cur && cur->body.len && tl.n == 0 && next == L_PARA && !next_gap &&
			    !photo) {
				add_para(cur, l->text);
				break;
			}
			cur = NULL;
			if (tl.n < 16)
				tl.t[tl.n++] = strdup(l->text);
			break;
		}
		case L_DATELINE: {
			cur = open_titled(sp, &tl);
			if (!cur)
				return -1;
			size_t dl = nd_match_dateline(l->text);
			char *date = strndup(l->text, dl);
			const char *rest = l->text + dl;
			while (*rest == ' ' || starts(rest, "\xE3\x80\x80"))
				rest += *rest == ' ' ? 1 : 3;
			/* trim the dateline's own trailing blanks */
			size_t dn = strlen(date);
			while (dn && date[dn - 1] == ' ')
				date[--dn] = '\0';
			cur->it.story.dateline = date;
			if (*rest)
				add_para(cur, rest);
			break;
		}
		case L_AUTHOR:
			if (tl.n || !cur) {
				cur = open_titled(sp, &tl);
				if (!cur)
					return -1;
			}
			set(&cur->it.story.byline, l->text);
			break;
		case L_CREDIT:
			if (tl.n && !cur) {
				/* a title then a credit: a photo with no caption text */
				cur = open_titled(sp, &tl);
				if (!cur)
					return -1;
			}
			if (!cur) {
				cur = open_item(sp);
				if (!cur)
					return -1;
				cur->orphan = true;
			}
			set(&cur->it.story.byline, l->text);
			cur->closed = true;
			cur = NULL;
			break;
		case L_PARA:
			if (!cur && !tl.n && starts(l->text, "【编者按】") && sp->n) {
				/* an editor's note belongs to the article it follows */
				cur = &sp->w[sp->n - 1];
				cur->closed = false;
			}
			if (tl.n) {
				cur = open_titled(
				    sp, &tl); /* photo news, or an article without a dateline */
				if (!cur)
					return -1;
			} else if (!cur) {
				cur = open_item(sp);
				if (!cur)
					return -1;
				cur->orphan = true;
			}
			add_para(cur, l->text);
			break;
		}
	}
	if (tl.n) {
		/* trailing titles: an item of their own, for an editor */
		struct work *w = open_titled(sp, &tl);
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

static const char *last_para(const struct work *w)
{
	const char *s = nd_buf_str(&w->body), *nl = strrchr(s, '\n');
	return nl ? nl + 1 : s;
}

static void move_body(struct work *to, struct work *from, bool join_first)
{
	const char *s = nd_buf_str(&from->body);
	if (join_first)
		nd_buf_adds(&to->body, s);
	else
		add_para(to, s);
	if (from->it.story.byline && !to->it.story.byline) {
		to->it.story.byline = from->it.story.byline;
		from->it.story.byline = NULL;
	}
	if (from->it.markers) {
		/* markers travel with the text, so nothing is lost */
		if (to->it.markers) {
			struct nd_buf b = ND_BUF_INIT;
			nd_buf_printf(&b, "%s\n%s", to->it.markers, from->it.markers);
			free(to->it.markers);
			to->it.markers = nd_buf_take(&b);
		} else {
			to->it.markers = from->it.markers;
		}
		from->it.markers = NULL;
	}
	nd_buf_reset(&from->body);
	to->it.displaced = true;
}

/* Pass 3: a headless article takes the nearest earlier spare kicker. */
static void fix_headless(struct split *sp)
{
	for (size_t i = 0; i < sp->n; i++) {
		struct work *h = &sp->w[i];
		if (!h->headless)
			continue;
		for (size_t j = i; j-- > 0;) {
			struct work *d = &sp->w[j];
			if (d->spare_kicker && d->it.story.kicker) {
				h->it.story.headline = d->it.story.kicker;
				d->it.story.kicker = NULL;
				d->spare_kicker = false;
				h->headless = false;
				break;
			}
		}
	}
}

static bool photo_credit(const struct work *w)
{
	return w->it.story.byline && strstr(w->it.story.byline, "摄");
}

/* Pass 4: displaced continuations. Text with no head of its own, after a
 * byline, is the tail of an earlier article: the one whose last paragraph
 * stops mid-sentence; when the tail brings a byline, the article must have
 * none (its tail carried it). Exactly one candidate, or it stays a flagged
 * fragment. A caption with a 摄 credit is a photo, not a tail. */
static void fix_orphans(struct split *sp)
{
	for (size_t i = 0; i < sp->n; i++) {
		struct work *o = &sp->w[i];
		if (!o->orphan || !o->body.len || photo_credit(o))
			continue;
		bool has_byline = o->it.story.byline != NULL;
		struct work *unfinished = NULL, *no_byline = NULL;
		int n_unfinished = 0, n_no_byline = 0;
		for (size_t j = 0; j < i; j++) {
			struct work *c = &sp->w[j];
			if (c->orphan || !c->it.story.headline || !c->body.len || photo_credit(c))
				continue;
			bool fits_byline = !has_byline || !c->it.story.byline;
			if (!finished(last_para(c)) && fits_byline) {
				unfinished = c;
				n_unfinished++;
			}
			if (!c->it.story.byline) {
				no_byline = c;
				n_no_byline++;
			}
		}
		if (n_unfinished == 1) {
			move_body(unfinished, o, true);
		} else if (n_unfinished == 0 && has_byline && n_no_byline == 1) {
			move_body(no_byline, o, false);
		} else {
			o->it.fragment = true;
			continue;
		}
		o->orphan = false;
		o->closed = true;
	}
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
		struct nd_buf rest = ND_BUF_INIT;
		const char *r = s + cut;
		if (*r == '\n')
			r++;
		nd_buf_adds(&rest, r);
		nd_buf_free(&w->body);
		w->body = rest;
	}
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
				free(w->it.story.byline);
				w->it.story.byline = NULL;
				w->it.fragment = true;
			}
		}
		/* Pass 5: paragraphs split by a page or column break. */
		struct nd_buf fixed = ND_BUF_INIT;
		const struct nd_cleanup_rule *rejoin = nd_cleanup_find("rejoin");
		long joins = rejoin->apply(nd_buf_str(&w->body), &fixed);
		if (joins > 0) {
			w->it.repairs = (int)joins;
			nd_buf_free(&w->body);
			w->body = fixed;
		} else {
			nd_buf_free(&fixed);
		}
		w->it.story.body = nd_buf_take(&w->body);
		const char *kind = "article";
		if (w->it.story.byline && strstr(w->it.story.byline, "摄"))
			kind = "photo";
		else if (w->it.fragment)
			kind = "note";
		w->it.story.kind = strdup(kind);
		page->items[page->n++] = w->it;
		memset(&w->it, 0, sizeof w->it);
	}
	return 0;
}

int nd_import_split(const char *text, struct nd_import_page *page, struct nd_error *err)
{
	memset(page, 0, sizeof *page);
	struct line *lines = NULL;
	size_t n = 0, cap = 0;
	int gap = 0;
	for (const char *p = text; *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char *line = strndup(p, len);
		if (!line)
			goto oom;
		/* trim blanks, ideographic too */
		char *s = line;
		while (*s == ' ' || *s == '\t' || starts(s, "\xE3\x80\x80"))
			s += starts(s, "\xE3\x80\x80") ? 3 : 1;
		size_t sl = strlen(s);
		while (sl && (s[sl - 1] == ' ' || s[sl - 1] == '\t' || s[sl - 1] == '\r'))
			s[--sl] = '\0';
		if (!*s) {
			gap++;
			free(line);
		} else {
			if (n == cap) {
				struct line *nl2 =
				    realloc(lines, (cap = cap ? cap * 2 : 64) * sizeof *nl2);
				if (!nl2) {
					free(line);
					goto oom;
				}
				lines = nl2;
			}
			memmove(line, s, sl + 1);
			lines[n].text = line;
			lines[n].kind = classify(line);
			lines[n].gap = n == 0 ? 0 : gap;
			n++;
			gap = 0;
		}
		p += len + (nl ? 1 : 0);
	}
	if (n == 0) {
		free(lines);
		return nd_fail(err, ND_EINVAL, "the page is empty");
	}
	struct split sp = { 0 };
	int rc = walk(&sp, lines, n);
	if (rc == 0) {
		fix_headless(&sp);
		fix_orphans(&sp);
		rc = finish(&sp, page);
	}
	for (size_t i = 0; i < sp.n; i++) {
		nd_story_free(&sp.w[i].it.story);
		free(sp.w[i].it.markers);
		free(sp.w[i].it.source);
		nd_buf_free(&sp.w[i].body);
	}
	free(sp.w);
	nd_buf_free(&sp.markers);
	free(sp.section);
	for (size_t i = 0; i < n; i++)
		free(lines[i].text);
	free(lines);
	if (rc < 0) {
		nd_import_page_free(page);
		return nd_fail(err, ND_ENOMEM, "out of memory splitting the page");
	}
	return 0;
oom:
	for (size_t i = 0; i < n; i++)
		free(lines[i].text);
	free(lines);
	return nd_fail(err, ND_ENOMEM, "out of memory");
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
