/* test_importer.c — the importer's flags on the corpus pages: which items
 * an unsure rule flags (hand-labelled), that every flag names a rule of the
 * table, that a page no rule is unsure of flags nothing, and that an
 * editor's merge (they have looked) clears it. The items themselves are
 * checked through the real binary (tests/cli/import.sh). */
#include "newsdesk/import_edit.h"
#include "newsdesk/importer.h"
#include "newsdesk/sysnote.h"
#include "tap.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

static int split(const char *text, struct nd_import_page *pg)
{
	struct nd_error err = { 0 };
	int rc = nd_import_split(text, pg, &err);
	if (rc < 0)
		printf("# split: %s\n", err.msg);
	return rc;
}

/* The items a person would look at first on each page, and why. */
static const struct {
	const char *page, *headline, *flag;
} flagged[] = {
	{ "../demo/000_4ad8dda8878dd78b.txt", "滨海县总工会深化产改打造“硬核”增长极",
	  "check-tail" },
	{ "../demo/000_4ad8dda8878dd78b.txt", "射阳县工人文化宫打造最美职工书屋",
	  "check-unfinished" },
	{ "../demo/000_4ad8dda8878dd78b.txt", "琼港农场工会发挥组织优势凝聚职工力量",
	  "check-unfinished" },
	{ "../demo/001_32b84fd1deb61441.txt",
	  "宁波鄞州“最强技师”出手 解决了技术难题 还提出了节流方案", "check-title" },
	{ "../demo/003_3e16ec6b22cd13a7.txt", "210万元补贴助千余名职工圆大学梦", "check-section" },
	{ "../demo/003_3e16ec6b22cd13a7.txt", "法治暖“新”人", "check-credit" },
};

static void test_corpus_flags(void)
{
	const char *pages[] = { "../demo/000_4ad8dda8878dd78b.txt",
				"../demo/001_32b84fd1deb61441.txt",
				"../demo/003_3e16ec6b22cd13a7.txt" };
	for (size_t p = 0; p < 3; p++) {
		char *text = slurp(pages[p]);
		struct nd_import_page pg;
		if (!ok(text && split(text, &pg) == 0, "%s splits", pages[p])) {
			free(text);
			continue;
		}
		size_t want = 0;
		for (size_t k = 0; k < sizeof flagged / sizeof *flagged; k++) {
			if (strcmp(flagged[k].page, pages[p]) != 0)
				continue;
			want++;
			const struct nd_import_item *it = NULL;
			for (size_t i = 0; i < pg.n && !it; i++)
				if (strcmp(pg.items[i].story.headline, flagged[k].headline) == 0)
					it = &pg.items[i];
			is_str(it && it->flag ? it->flag->id : "(none)", flagged[k].flag,
			       flagged[k].headline);
		}
		is_int((long)nd_import_flagged(&pg), (long)want, "…and no other item flagged");
		for (size_t i = 0; i < pg.n; i++)
			if (pg.items[i].flag &&
			    nd_import_rule_find(pg.items[i].flag->id) != pg.items[i].flag)
				ok(false, "flag %s is a rule of the table", pg.items[i].flag->id);
		nd_import_page_free(&pg);
		free(text);
	}
}

static void test_sure_page(void)
{
	struct nd_import_page pg;
	const char *page =
	    "新闻速递\n\n一线职工的心里话\n\n本报讯 近日，某某区总工会为户外劳动者送去"
	    "清凉，受到欢迎。\n\n王五\n";
	if (ok(split(page, &pg) == 0, "a page no rule is unsure of")) {
		is_int((long)nd_import_flagged(&pg), 0, "…flags nothing");
		nd_import_page_free(&pg);
	}
	/* an editor's note with no article beside it: a fragment, flagged so */
	if (ok(split("【编者按】本期起开设新栏目，欢迎来稿。\n", &pg) == 0, "a lone 编者按")) {
		is_str(pg.n == 1 && pg.items[0].flag ? pg.items[0].flag->id : "(none)", "fragment",
		       "…is a fragment, flagged");
		nd_import_page_free(&pg);
	}
}

/* A title inside an article over text that opens as a caption does is an
 * item of its own (flagged); over any other text it is a subhead. */
static void test_caption_title(void)
{
	static const struct {
		const char *opening;
		size_t items;
		const char *flag;
	} cases[] = {
		{ "7月5日上午，北京市东城区，环卫工人在驿站内消暑。", 2, "check-split" },
		{ "近日，河北省秦皇岛市总工会启动普法宣传活动。", 2, "check-split" },
		{ "3月20日,建湖县总工会开展困难职工调查摸底。", 2, "check-split" },
		{ "近年来，县总工会坚持把职工书屋建在一线。", 1, NULL },
		{ "日前获悉，这项工作已经完成。", 1, NULL },
		{ "2021年6月，襄阳市总工会走访了一批企业。", 1, NULL },
	};
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
		char page[512];
		snprintf(page, sizeof page,
			 "江苏省核电重点工程项目劳动竞赛启动\n本报讯 近日，核电项目劳动竞赛启动。"
			 "\n为环卫工送清凉\n%s\n",
			 cases[k].opening);
		struct nd_import_page pg;
		if (!ok(split(page, &pg) == 0, "a title over: %s", cases[k].opening))
			continue;
		is_int((long)pg.n, (long)cases[k].items,
		       cases[k].items == 2 ? "…an item of its own" : "…a subhead of the article");
		const struct nd_import_item *it = &pg.items[pg.n - 1];
		is_str(it->flag ? it->flag->id : "(none)", cases[k].flag ? cases[k].flag : "(none)",
		       "…flagged so");
		nd_import_page_free(&pg);
	}
}

static void test_merge_clears(void)
{
	char *text = slurp("../demo/003_3e16ec6b22cd13a7.txt");
	struct nd_import_page pg;
	struct nd_error err = { 0 };
	if (!ok(text && split(text, &pg) == 0, "003 splits")) {
		free(text);
		return;
	}
	struct nd_import_edit ed;
	nd_import_edit_init(&ed, &pg, &err);
	size_t at = ed.page.n;
	for (size_t i = 0; i < ed.page.n; i++)
		if (ed.page.items[i].flag &&
		    strcmp(ed.page.items[i].flag->id, "check-section") == 0)
			at = i;
	if (ok(at + 1 < ed.page.n, "the 襄阳 story is flagged, an item follows it")) {
		ok(nd_import_merge(&ed, at, &err) == 0, "…an editor merges the next into it");
		ok(ed.page.items[at].flag == NULL, "…and the flag is gone: an editor has looked");
		is_int((long)nd_import_flagged(&ed.page), 1, "…the credit's flag stays");
	}
	nd_import_edit_free(&ed);
	free(text);
}

static void test_note(void)
{
	char args[64];
	nd_sysnote_args(args, sizeof args, 1, (const char *const[]){ "check-credit" });
	bool sys = false;
	char *got = nd_sysnote_render(ND_SN_IMPORT_CHECK, args, NULL, &sys);
	is_str(got ? got : "(null)",
	       "import: its photo credit stood apart from its caption: check whose photo it is",
	       "a flag filed as a code renders the rule's reason");
	ok(sys, "…as the program's");
	free(got);
	got = nd_sysnote_render(ND_SN_IMPORT_CHECK, "no-such-rule", NULL, &sys);
	is_str(got ? got : "(null)", "import-check: no-such-rule",
	       "…a rule this version does not know is shown as stored");
	free(got);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_corpus_flags();
	test_sure_page();
	test_caption_title();
	test_merge_clears();
	test_note();
	return tap_done();
}
