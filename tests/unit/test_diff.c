/* test_diff.c — the character diff on Chinese with known edit scripts. */
#include "newsdesk/diff.h"
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
	return tap_done();
}
