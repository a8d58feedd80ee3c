/* test_import_edit.c — an editor's corrections to an imported page: merge,
 * split, re-label, set, skip, each on a page built by hand with the exact
 * result, and then thousands of random corrections on the test pages with
 * the promise checked after every one: blanks aside, the page's characters
 * are the items' plus what the editor dropped, less what they typed. */
#include "newsdesk/filing.h"
#include "newsdesk/import_edit.h"
#include "newsdesk/utf8.h"
#include "tap.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the promise ---------------------------------------------------------- */

struct cps {
	unsigned *v;
	size_t n, cap;
};

static bool blank(unsigned cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' ||
	       cp == 0x3000 || cp == 0xA0;
}

static void add(struct cps *c, const char *s)
{
	if (!s)
		return;
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		unsigned cp;
		int k = nd_utf8_decode(s + i, n - i, &cp);
		i += k > 0 ? (size_t)k : 1;
		if (blank(cp))
			continue;
		if (c->n == c->cap) {
			c->cap = c->cap ? 2 * c->cap : 256;
			c->v = realloc(c->v, c->cap * sizeof *c->v);
		}
		c->v[c->n++] = cp;
	}
}

static int cmp(const void *a, const void *b)
{
	unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;
	return x < y ? -1 : x > y;
}

static void add_items(struct cps *c, const struct nd_import_page *pg)
{
	for (size_t i = 0; i < pg->n; i++) {
		const struct nd_import_item *it = &pg->items[i];
		const struct nd_story *s = &it->story;
		const char *f[] = { it->markers, it->source,  s->kicker, s->headline,
				    s->subhead,  s->dateline, s->byline, s->body };
		for (size_t k = 0; k < sizeof f / sizeof *f; k++)
			add(c, f[k]);
	}
}

/* page + added == items + dropped, as multisets of characters */
static bool conserved(const char *page, const struct nd_import_edit *ed)
{
	struct cps a = { 0 }, b = { 0 };
	add(&a, page);
	add(&a, nd_buf_str(&ed->added));
	add_items(&b, &ed->page);
	add(&b, nd_buf_str(&ed->dropped));
	qsort(a.v, a.n, sizeof *a.v, cmp);
	qsort(b.v, b.n, sizeof *b.v, cmp);
	bool same = a.n == b.n && (!a.n || memcmp(a.v, b.v, a.n * sizeof *a.v) == 0);
	free(a.v);
	free(b.v);
	return same;
}

/* ---- a page by hand ---------------------------------------------------------- */

static char *dup(const char *s)
{
	return s ? strdup(s) : NULL;
}

static void item(struct nd_import_page *pg, const char *kind, const char *kicker,
		 const char *headline, const char *byline, const char *body)
{
	pg->items = realloc(pg->items, (pg->n + 1) * sizeof *pg->items);
	struct nd_import_item *it = &pg->items[pg->n++];
	memset(it, 0, sizeof *it);
	it->story.kind = dup(kind);
	it->story.section = dup("要闻");
	it->story.kicker = dup(kicker);
	it->story.headline = dup(headline);
	it->story.byline = dup(byline);
	it->story.body = dup(body);
}

/* Two articles and a fragment, and the page text they came from. */
static const char *const PAGE = "要闻 引 甲 张三 一段。 二段。 乙 李四 三段。 碎片。";

static void two_items(struct nd_import_edit *ed)
{
	struct nd_import_page pg = { 0 };
	item(&pg, "article", NULL, "甲", "张三", "一段。\n二段。");
	pg.items[0].markers = dup("要闻");
	item(&pg, "article", "引", "乙", "李四", "三段。");
	item(&pg, "note", NULL, "碎片。", NULL, "");
	pg.items[2].fragment = true;
	struct nd_error err = { 0 };
	nd_import_edit_init(ed, &pg, &err);
}

static const char *str(const char *s)
{
	return s ? s : "(null)";
}

static void test_merge(void)
{
	struct nd_import_edit ed;
	struct nd_error err = { 0 };
	two_items(&ed);
	ok(conserved(PAGE, &ed), "the hand-built page holds the page's characters");
	is_int(nd_import_merge(&ed, 0, &err), 0, "merge item 1 with item 2");
	is_int(ed.page.n, 2, "…one item fewer");
	const struct nd_story *s = &ed.page.items[0].story;
	is_str(str(s->headline), "甲", "…the upper item's headline stays");
	is_str(str(s->kicker), "引", "…a field it lacked (the kicker) comes from below");
	is_str(str(s->byline), "张三", "…its byline stays");
	is_str(str(s->body), "一段。\n二段。\n乙\n三段。\n李四",
	       "…the lower headline a paragraph, its byline where it stood, after its text");
	is_str(str(ed.page.items[0].markers), "要闻", "…the markers kept");
	ok(ed.page.items[0].why[ND_IF_BODY] == &nd_import_rule_editor,
	   "…the body says the editor made it");
	ok(conserved(PAGE, &ed), "…nothing lost");
	is_int(nd_import_merge(&ed, 1, &err), ND_EINVAL, "the last item has nothing below it");
	ok(strstr(err.msg, "last") != NULL, "…and the error says so: %s", err.msg);
	is_int(nd_import_skip(&ed, 1, &err), 0, "skip the fragment");
	is_int(nd_import_merge(&ed, 0, &err), ND_EINVAL, "a skipped item is not merged");
	ok(strstr(err.msg, "item 2 is skipped") != NULL, "…naming it: %s", err.msg);
	is_int(nd_import_skip(&ed, 1, &err), 0, "take it back");
	is_int(nd_import_merge(&ed, 0, &err), 0, "merge the fragment into the article");
	is_str(str(ed.page.items[0].story.body), "一段。\n二段。\n乙\n三段。\n李四\n碎片。",
	       "…its text after the rest");
	ok(!ed.page.items[0].fragment, "…the merged item is no fragment: an editor looked");
	ok(conserved(PAGE, &ed), "…nothing lost");
	nd_import_edit_free(&ed);
}

static void test_split(void)
{
	struct nd_import_page pg = { 0 };
	struct nd_error err = { 0 };
	const char *page = "甲 一段。 小标题 二段。 三段。 王五 摄";
	item(&pg, "photo", NULL, "甲", "王五 摄", "一段。\n小标题\n二段。\n三段。");
	struct nd_import_edit ed;
	nd_import_edit_init(&ed, &pg, &err);
	is_int(nd_import_paragraphs(&ed.page.items[0]), 4, "four paragraphs");
	is_int(nd_import_split_at(&ed, 0, 1, &err), ND_EINVAL, "no split before the first");
	is_int(nd_import_split_at(&ed, 0, 5, &err), ND_EINVAL, "nor past the last");
	ok(strstr(err.msg, "from 2 to 4") != NULL, "…the error gives the range: %s", err.msg);
	is_int(nd_import_split_at(&ed, 0, 2, &err), 0, "split before paragraph 2");
	is_int(ed.page.n, 2, "…two items");
	is_str(str(ed.page.items[0].story.body), "一段。", "…the first keeps paragraph 1");
	is_str(str(ed.page.items[0].story.byline), "王五 摄", "…and its byline");
	is_str(str(ed.page.items[1].story.headline), "小标题",
	       "…the new item's short first line is its headline");
	is_str(str(ed.page.items[1].story.body), "二段。\n三段。", "…the rest its body");
	is_str(str(ed.page.items[1].story.kind), "article", "…an article, not a second photo");
	is_str(str(ed.page.items[1].story.section), "要闻", "…in the same section");
	ok(conserved(page, &ed), "…nothing lost");
	is_int(nd_import_split_at(&ed, 1, 2, &err), 0, "split the new item again");
	ok(ed.page.items[2].story.headline == NULL,
	   "…a sentence is no headline: the new item has none");
	is_str(str(ed.page.items[2].story.body), "三段。", "…its text stays body");
	struct nd_import_page kept;
	is_int(nd_import_kept(&ed, &kept, &err), ND_EINVAL,
	       "an item without a headline is not filed");
	ok(strstr(err.msg, "item 3 has no headline") != NULL, "…naming it: %s", err.msg);
	is_int(nd_import_move(&ed, 2, ND_IF_BODY, ND_IF_HEADLINE, &err), 0,
	       "its first paragraph made its headline");
	is_str(str(ed.page.items[2].story.headline), "三段。", "…the headline");
	is_str(str(ed.page.items[2].story.body), "", "…an empty body");
	ok(conserved(page, &ed), "…nothing lost");
	is_int(nd_import_kept(&ed, &kept, &err), 0, "now every item can be filed");
	is_int(kept.n, 3, "…three");
	free(kept.items);
	nd_import_edit_free(&ed);
}

static void test_relabel(void)
{
	struct nd_import_edit ed;
	struct nd_error err = { 0 };
	two_items(&ed);
	struct nd_story *s = &ed.page.items[1].story;
	is_int(nd_import_move(&ed, 1, ND_IF_KICKER, ND_IF_HEADLINE, &err), 0,
	       "kicker to headline: a swap");
	is_str(str(s->headline), "引", "…the kicker is the headline");
	is_str(str(s->kicker), "乙", "…the headline the kicker");
	ok(ed.page.items[1].why[ND_IF_HEADLINE] == &nd_import_rule_editor,
	   "…says the editor did it");
	s = &ed.page.items[0].story;
	is_int(nd_import_move(&ed, 0, ND_IF_BODY, ND_IF_BYLINE, &err), 0,
	       "the body's last paragraph as the byline");
	is_str(str(s->byline), "二段。", "…the byline");
	is_str(str(s->body), "一段。\n张三", "…the old byline back at the end of the text");
	is_int(nd_import_move(&ed, 0, ND_IF_HEADLINE, ND_IF_BODY, &err), 0,
	       "the headline into the body");
	ok(s->headline == NULL, "…no headline now");
	is_str(str(s->body), "甲\n一段。\n张三", "…its line heads the text");
	is_int(nd_import_move(&ed, 0, ND_IF_KICKER, ND_IF_HEADLINE, &err), ND_EINVAL,
	       "moving a field that is empty is refused");
	is_int(nd_import_move(&ed, 0, ND_IF_KIND, ND_IF_HEADLINE, &err), ND_EINVAL,
	       "the kind is a label, not text to move");
	is_int(nd_import_move(&ed, 0, ND_IF_BODY, ND_IF_HEADLINE, &err), 0,
	       "the first paragraph back as the headline");
	is_str(str(s->headline), "甲", "…the headline");
	is_str(str(s->body), "一段。\n张三", "…the body");
	ok(conserved(PAGE, &ed), "…nothing lost through the moves");

	is_int(nd_import_set(&ed, 0, ND_IF_BYLINE, "王五", &err), 0, "the editor types a byline");
	is_str(str(s->byline), "王五", "…it is the byline");
	is_str(nd_buf_str(&ed.dropped), "二段。", "…what it replaced is shown as dropped");
	is_str(nd_buf_str(&ed.added), "王五", "…what was typed is known");
	ok(conserved(PAGE, &ed), "…so the count still holds");
	is_int(nd_import_set(&ed, 0, ND_IF_BYLINE, "王五\n赵六", &err), ND_EINVAL,
	       "a byline is one line");
	is_int(nd_import_set(&ed, 0, ND_IF_BODY, "x", &err), ND_EINVAL,
	       "the body is not typed over here");
	is_int(nd_import_set(&ed, 0, ND_IF_KIND, "图片", &err), 0, "the kind by its Chinese name");
	is_str(str(s->kind), "photo", "…stored canonical");
	is_int(nd_import_set(&ed, 0, ND_IF_KIND, "poem", &err), ND_EINVAL, "an unknown kind");
	ok(strstr(err.msg, "unknown kind 'poem'") != NULL, "…named: %s", err.msg);
	is_int(nd_import_set(&ed, 0, ND_IF_SECTION, "基层传真", &err), 0, "the section set");
	is_str(str(s->section), "基层传真", "…to what was typed");
	is_int(nd_import_set(&ed, 0, ND_IF_SECTION, "", &err), 0, "the section cleared");
	ok(s->section == NULL, "…none");
	ok(conserved(PAGE, &ed), "…labels are not the page's text: the count holds");
	nd_import_edit_free(&ed);
}

static void test_skip(void)
{
	struct nd_import_edit ed;
	struct nd_error err = { 0 };
	two_items(&ed);
	struct nd_import_page kept;
	is_int(nd_import_skip(&ed, 2, &err), 0, "skip the fragment");
	is_int(nd_import_kept(&ed, &kept, &err), 0, "the items to file");
	is_int(kept.n, 2, "…two: the skipped one is not filed");
	is_str(kept.items[1].story.headline, "乙", "…in page order");
	free(kept.items);
	is_int(ed.page.n, 3, "…but it is still on the page");
	ok(conserved(PAGE, &ed), "…with its text");
	is_int(nd_import_skip(&ed, 3, &err), ND_ENOENT, "no item 4");
	nd_import_skip(&ed, 0, &err);
	nd_import_skip(&ed, 1, &err);
	is_int(nd_import_kept(&ed, &kept, &err), ND_EINVAL, "every item skipped: nothing to file");
	nd_import_edit_free(&ed);
}

static void test_copy(void)
{
	struct nd_import_edit ed, snap;
	struct nd_error err = { 0 };
	two_items(&ed);
	nd_import_skip(&ed, 2, &err);
	is_int(nd_import_edit_copy(&snap, &ed, &err), 0, "a copy (an undo step)");
	nd_import_merge(&ed, 0, &err);
	nd_import_set(&ed, 0, ND_IF_BYLINE, "王五", &err);
	is_int(snap.page.n, 3, "…untouched by the corrections after it");
	is_str(str(snap.page.items[0].story.byline), "张三", "…its byline as it was");
	ok(snap.skipped[2] && !snap.skipped[0], "…its skips as they were");
	is_str(nd_buf_str(&snap.dropped), "", "…nothing dropped yet");
	ok(conserved(PAGE, &snap), "…the page's characters, all of them");
	nd_import_edit_free(&ed);
	nd_import_edit_free(&snap);
}

/* ---- random corrections on real pages ---------------------------------------- */

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = malloc(1 << 20);
	size_t n = fread(buf, 1, (1 << 20) - 1, f);
	fclose(f);
	buf[n] = '\0';
	return buf;
}

static unsigned long rng = 12345;
static size_t pick(size_t n)
{
	rng = rng * 6364136223846793005UL + 1442695040888963407UL;
	return n ? (size_t)((rng >> 33) % n) : 0;
}

static bool valid_fields(const struct nd_import_edit *ed)
{
	for (size_t i = 0; i < ed->page.n; i++) {
		const struct nd_story *s = &ed->page.items[i].story;
		const char *f[] = { s->kicker,   s->headline, s->subhead,
				    s->dateline, s->byline,   s->body };
		for (size_t k = 0; k < sizeof f / sizeof *f; k++)
			if (f[k] && !nd_utf8_valid(f[k], strlen(f[k]), NULL))
				return false;
		if (!s->kind)
			return false;
	}
	return true;
}

static void random_edits(const char *path)
{
	char *text = slurp(path);
	if (!ok(text != NULL, "read %s", path))
		return;
	struct nd_import_page pg;
	struct nd_error err = { 0 };
	if (nd_import_split(text, &pg, &err) < 0) {
		ok(false, "%s splits: %s", path, err.msg);
		free(text);
		return;
	}
	struct nd_import_edit ed;
	nd_import_edit_init(&ed, &pg, &err);
	static const enum nd_import_field fields[] = { ND_IF_KICKER,  ND_IF_HEADLINE,
						       ND_IF_SUBHEAD, ND_IF_DATELINE,
						       ND_IF_BYLINE,  ND_IF_BODY };
	int done = 0, bad = -1;
	for (int step = 0; step < 400 && ed.page.n && bad < 0; step++) {
		size_t i = pick(ed.page.n);
		int rc = 0;
		switch (pick(6)) {
		case 0:
			rc = nd_import_merge(&ed, i, &err);
			break;
		case 1:
			rc = nd_import_split_at(
			    &ed, i, 2 + pick(nd_import_paragraphs(&ed.page.items[i])), &err);
			break;
		case 2:
		case 3:
			rc = nd_import_move(&ed, i, fields[pick(6)], fields[pick(6)], &err);
			break;
		case 4:
			rc =
			    nd_import_set(&ed, i, fields[pick(5)], pick(2) ? "编辑加的" : "", &err);
			break;
		default:
			rc = nd_import_skip(&ed, i, &err);
			break;
		}
		done += rc == 0;
		if (!conserved(text, &ed) || !valid_fields(&ed))
			bad = step;
	}
	ok(bad < 0, "%s: %d corrections, the characters conserved and UTF-8 after each%s", path,
	   done, bad < 0 ? "" : " (broken)");
	nd_import_edit_free(&ed);
	free(text);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_merge();
	test_split();
	test_relabel();
	test_skip();
	test_copy();
	const char *pages[] = {
		"../demo/000_4ad8dda8878dd78b.txt", "../demo/001_32b84fd1deb61441.txt",
		"../demo/003_3e16ec6b22cd13a7.txt", "data/import/styles_a.txt",
		"data/import/styles_b.txt",         "data/import/styles_c.txt",
		"data/import/styles_d.txt",         "data/import/styles_e.txt"
	};
	for (size_t k = 0; k < sizeof pages / sizeof *pages; k++)
		random_edits(pages[k]);
	return tap_done();
}
