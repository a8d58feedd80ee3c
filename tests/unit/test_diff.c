/* test_diff.c — the character diff on Chinese with known edit scripts; its
 * invariants on random texts; its bound on texts too different to diff by
 * character (shown by paragraph, and said). */
#include "newsdesk/diff.h"
#include "newsdesk/utf8.h"
#include "tap.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void check(const char *a, const char *b, const char *want, const char *name)
{
	struct nd_diff d;
	struct nd_buf out = ND_BUF_INIT;
	ok(nd_diff_texts(a, b, &d) == 0, "%s: diffs", name);
	nd_diff_markup(&d, &out);
	is_str(nd_buf_str(&out), want, name);
	/* the diff always rebuilds both sides */
	struct nd_buf left = ND_BUF_INIT, right = ND_BUF_INIT;
	for (size_t i = 0; i < d.n; i++) {
		if (d.spans[i].op != ND_DIFF_INSERT)
			nd_buf_adds(&left, d.spans[i].text);
		if (d.spans[i].op != ND_DIFF_DELETE)
			nd_buf_adds(&right, d.spans[i].text);
	}
	ok(strcmp(nd_buf_str(&left), a) == 0 && strcmp(nd_buf_str(&right), b) == 0,
	   "%s: both sides rebuild exactly", name);
	nd_buf_free(&left);
	nd_buf_free(&right);
	nd_buf_free(&out);
	nd_diff_free(&d);
}

/* Both texts rebuild from the spans; no span is empty, no two neighbours
 * share an op, and a change's deletion comes before its insertion. */
static bool well_formed(const struct nd_diff *d, const char *a, const char *b)
{
	struct nd_buf left = ND_BUF_INIT, right = ND_BUF_INIT;
	bool good = true;
	for (size_t i = 0; i < d->n; i++) {
		const struct nd_diff_span *s = &d->spans[i];
		good &= s->text[0] != '\0';
		good &= i == 0 || d->spans[i - 1].op != s->op;
		good &= !(s->op == ND_DIFF_DELETE && i > 0 && d->spans[i - 1].op == ND_DIFF_INSERT);
		if (s->op != ND_DIFF_INSERT)
			nd_buf_adds(&left, s->text);
		if (s->op != ND_DIFF_DELETE)
			nd_buf_adds(&right, s->text);
	}
	good &= strcmp(nd_buf_str(&left), a) == 0 && strcmp(nd_buf_str(&right), b) == 0;
	nd_buf_free(&left);
	nd_buf_free(&right);
	return good;
}

static unsigned long long rng = 0x9E3779B97F4A7C15ull;
static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

/* pieces a random text is made of: Chinese, ASCII, a combining accent, a
 * paragraph break, a character that is not valid UTF-8 on its own */
static const char *const pieces[] = { "工", "会", "职", "，", "a", "b", "\n", "e\xCC\x81", "\xE5" };

static void random_text(struct nd_buf *out, size_t n, unsigned alphabet)
{
	for (size_t i = 0; i < n; i++)
		nd_buf_adds(out, pieces[rnd(alphabet)]);
}

/* b from a: k random deletions, insertions and replacements of pieces */
static char *mutate(const char *a, unsigned k, unsigned alphabet)
{
	struct nd_buf b = ND_BUF_INIT;
	nd_buf_adds(&b, a);
	for (unsigned e = 0; e < k && b.len; e++) {
		char *s = nd_buf_take(&b);
		size_t at = rnd((unsigned)strlen(s) + 1), cut = rnd(3);
		nd_buf_add(&b, s, at);
		if (rnd(3))
			random_text(&b, 1 + rnd(3), alphabet);
		nd_buf_adds(&b, s + at + (strlen(s + at) < cut ? strlen(s + at) : cut));
		free(s);
	}
	return nd_buf_take(&b);
}

static void random_invariants(void)
{
	int bad = 0, coarse = 0, runs = 400;
	for (int r = 0; r < runs; r++) {
		unsigned alphabet = 2 + rnd(sizeof pieces / sizeof *pieces - 1);
		struct nd_buf a = ND_BUF_INIT;
		random_text(&a, rnd(400), alphabet);
		char *b;
		if (r % 4 == 0) {
			struct nd_buf o = ND_BUF_INIT;
			random_text(&o, rnd(400), alphabet);
			b = nd_buf_take(&o);
		} else {
			b = mutate(nd_buf_str(&a), 1 + rnd(r % 3 ? 5 : 60), alphabet);
		}
		struct nd_diff d;
		if (nd_diff_texts(nd_buf_str(&a), b, &d) < 0 ||
		    !well_formed(&d, nd_buf_str(&a), b)) {
			if (bad++ == 0)
				printf("# first failure: run %d\n", r);
		}
		coarse += d.coarse;
		nd_diff_free(&d);
		nd_buf_free(&a);
		free(b);
	}
	is_int(bad, 0, "random texts: old = equal + deleted, new = equal + inserted, spans tidy");
	is_int(coarse, 0, "…and texts this short are always diffed by character");
}

/* Past the edit distance kept whole (1,024 characters) the middle-snake
 * search splits the work: still exact, still by character. */
static void long_distance(void)
{
	struct nd_buf a = ND_BUF_INIT;
	random_text(&a, 6000, 4); /* 工会职， — no paragraph break */
	char *b = mutate(nd_buf_str(&a), 2500, 4);
	struct nd_diff d;
	ok(nd_diff_texts(nd_buf_str(&a), b, &d) == 0, "2,500 edits in 6,000 characters diff");
	ok(well_formed(&d, nd_buf_str(&a), b), "…and rebuild both texts");
	ok(!d.coarse, "…by character");
	size_t changed = 0;
	for (size_t i = 0; i < d.n; i++)
		changed += d.spans[i].op != ND_DIFF_EQUAL;
	ok(changed > 100, "…with the changes in many places (%zu spans changed)", changed);
	nd_diff_free(&d);
	nd_buf_free(&a);
	free(b);
}

/* Unrelated Chinese text in paragraphs of about 200 characters. */
static char *unrelated(size_t n, unsigned long long seed)
{
	struct nd_buf out = ND_BUF_INIT;
	rng = seed;
	for (size_t i = 0; i < n; i++) {
		nd_buf_add_cp(&out, 0x4E00 + rnd(3000));
		if (i % 200 == 199)
			nd_buf_addc(&out, '\n');
	}
	return nd_buf_take(&out);
}

static void too_different(void)
{
	/* The old diff kept edit distance × length: these took gigabytes. */
	char *a = unrelated(200000, 1), *b = unrelated(200000, 2);
	struct nd_diff d, again;
	ok(nd_diff_texts(a, b, &d) == 0, "two unrelated 200,000-character texts diff");
	ok(d.coarse, "…flagged as too different for a character diff");
	ok(well_formed(&d, a, b), "…and the spans still rebuild both texts");
	ok(d.n == 2 && d.spans[0].op == ND_DIFF_DELETE && d.spans[1].op == ND_DIFF_INSERT,
	   "…shown by paragraph: every old paragraph out, every new one in");
	struct nd_buf m1 = ND_BUF_INIT, m2 = ND_BUF_INIT;
	nd_diff_texts(a, b, &again);
	nd_diff_markup(&d, &m1);
	nd_diff_markup(&again, &m2);
	ok(again.coarse && strcmp(nd_buf_str(&m1), nd_buf_str(&m2)) == 0,
	   "…the same way every time (the bound counts steps, not time)");
	nd_diff_free(&again);
	nd_diff_free(&d);
	ok(!d.coarse && d.n == 0, "nd_diff_free clears the flag");

	/* One hopeless run of paragraphs does not cost the others their
	 * character diff. */
	struct nd_buf x = ND_BUF_INIT, y = ND_BUF_INIT;
	nd_buf_printf(&x, "宣讲活动启动\n不变的一段。\n%.*s", 500 * 601, a); /* 500 paragraphs */
	nd_buf_printf(&y, "宣讲活动正式启动\n不变的一段。\n%.*s", 500 * 601, b);
	ok(nd_diff_texts(nd_buf_str(&x), nd_buf_str(&y), &d) == 0 && d.coarse,
	   "a small edit beside 100,000 unrelated characters: flagged");
	nd_buf_reset(&m1);
	nd_diff_markup(&d, &m1);
	const char *want = "宣讲活动{+正式+}启动\n不变的一段。\n[-";
	ok(strncmp(nd_buf_str(&m1), want, strlen(want)) == 0,
	   "…the small edit still shown by character, the rest by paragraph");
	ok(well_formed(&d, nd_buf_str(&x), nd_buf_str(&y)), "…and both texts rebuild");
	nd_diff_free(&d);
	nd_buf_free(&x);
	nd_buf_free(&y);
	nd_buf_free(&m1);
	nd_buf_free(&m2);
	free(a);
	free(b);
}

/* 30% of every paragraph rewritten in place: diffed pair by pair (fast:
 * the edit distance of a pair bounds the search), by character, every
 * paragraph's changes within it. */
static void rewritten_in_place(void)
{
	char *a = unrelated(12000, 3);
	struct nd_buf b = ND_BUF_INIT;
	rng = 11;
	for (const char *p = a; *p;) {
		unsigned cp;
		int len = nd_utf8_decode(p, strlen(p), &cp);
		if (cp != '\n' && rnd(10) < 3)
			nd_buf_add_cp(&b, 0x4E00 + rnd(3000));
		else
			nd_buf_add(&b, p, (size_t)len);
		p += len;
	}
	struct nd_diff d;
	ok(nd_diff_texts(a, nd_buf_str(&b), &d) == 0 && !d.coarse,
	   "60 paragraphs, 30%% of each rewritten: diffed by character");
	ok(well_formed(&d, a, nd_buf_str(&b)), "…and both texts rebuild");
	size_t changed = 0;
	for (size_t i = 0; i < d.n; i++)
		changed += d.spans[i].op != ND_DIFF_EQUAL;
	ok(changed > 600, "…with the changes where they are (%zu spans changed)", changed);
	nd_diff_free(&d);
	nd_buf_free(&b);

	/* two paragraphs swapped and touched: not paired (they are not
	 * alike), diffed as one run */
	const char *x = "工会组织开展劳模工匠进校园宣讲活动\n职工之家举行示范宣讲会议\n";
	const char *y = "职工之家举行示范宣讲大会\n工会组织开展劳模工匠进校园宣讲活动。\n";
	ok(nd_diff_texts(x, y, &d) == 0 && !d.coarse && well_formed(&d, x, y),
	   "two paragraphs swapped and edited: by character, both texts rebuild");
	nd_diff_free(&d);
	free(a);
}

static void small_bound(void)
{
	const char *a = "今天天气很好我们出去玩\n第二段", *b = "明日风和日丽我们出去玩\n第二段";
	struct nd_diff d;
	struct nd_buf m = ND_BUF_INIT;
	ok(nd_diff_texts_within(a, b, 10, &d) == 0 && d.coarse, "within 10 steps: flagged");
	nd_diff_markup(&d, &m);
	is_str(nd_buf_str(&m), "[-今天天气很好我们出去玩\n-]{+明日风和日丽我们出去玩\n+}第二段",
	       "…and shown by paragraph");
	nd_diff_free(&d);
	nd_buf_reset(&m);
	ok(nd_diff_texts_within(a, b, ND_DIFF_STEPS, &d) == 0 && !d.coarse,
	   "the same texts within the usual bound: not flagged");
	nd_diff_markup(&d, &m);
	is_str(nd_buf_str(&m), "[-今天天气很好-]{+明日风和日丽+}我们出去玩\n第二段",
	       "…and diffed by character");
	nd_diff_free(&d);
	nd_buf_free(&m);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	check("大丰区总工会", "大丰区总工会", "大丰区总工会", "no change");
	check("宣讲活动启动", "宣讲活动正式启动", "宣讲活动{+正式+}启动", "an insertion");
	check("宣讲活动正式启动", "宣讲活动启动", "宣讲活动[-正式-]启动", "a deletion");
	check("区总工会副主席陈惠娟参加活动", "区总工会主席汤云庆参加活动",
	      "区总工会[-副-]主席[-陈惠娟-]{+汤云庆+}参加活动",
	      "a title shortened and a name replaced");
	check("今天天气很好我们出去玩", "明日风和日丽我们出去玩",
	      "[-今天天气很好-]{+明日风和日丽+}我们出去玩",
	      "no confetti: a rewritten phrase is one deletion and one insertion");
	check("电头缺日期", "电头补上了日期", "电头[-缺-]{+补上了+}日期", "a word replaced");
	check(
	    "第一段讲的是工会活动。\n第二段讲的是劳模工匠的故事。\n第三段。",
	    "第二段讲的是劳模工匠的故事。\n第一段讲的是工会活动。\n第三段。",
	    "[-第一段讲的是工会活动。\n-]第二段讲的是劳模工匠的故事。\n{+第一段讲的是工会活动。\n+}第三段。",
	    "a moved paragraph");
	check("", "新稿件", "{+新稿件+}", "from nothing");
	check("e\xCC\x81t\xC3\xA9", "et\xC3\xA9", "[-e\xCC\x81-]{+e+}t\xC3\xA9",
	      "a combining accent is part of its character");

	/* 50,000 characters with scattered edits: fast. */
	char *a = malloc(200000), *b = malloc(200000);
	a[0] = b[0] = '\0';
	const char *unit = "工会职工劳模工匠宣讲活动启动仪式，";
	for (int i = 0; i < 2900; i++) {
		strcat(a, unit);
		strcat(b, i % 300 == 0 ? "工会职工劳模工匠宣讲活动正式启动仪式，" : unit);
	}
	struct nd_diff d;
	clock_t t0 = clock();
	ok(nd_diff_texts(a, b, &d) == 0, "a 50,000-character item diffs");
	double ms = (double)(clock() - t0) * 1000 / CLOCKS_PER_SEC;
	ok(nd_diff_changed(&d), "…and finds the changes");
	size_t inserts = 0;
	for (size_t i = 0; i < d.n; i++)
		inserts += d.spans[i].op == ND_DIFF_INSERT;
	is_int(inserts, 10, "…exactly the ten insertions");
	printf("# took %.1f ms (bench/ measures it; not asserted here)\n", ms);
	nd_diff_free(&d);
	free(a);
	free(b);

	random_invariants();
	small_bound();
	rewritten_in_place();
	long_distance();
	too_different();
	return tap_done();
}
