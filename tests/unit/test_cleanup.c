/* test_cleanup.c — every clean-up rule with before/after pairs, including
 * the paragraph repairs found in the corpus. */
#include "newsdesk/cleanup.h"
#include "tap.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

static void check(const char *rule, const char *in, const char *want, long changes,
		  const char *name)
{
	const struct nd_cleanup_rule *r = nd_cleanup_find(rule);
	struct nd_buf out = ND_BUF_INIT;
	long n = r ? r->apply(in, &out) : -2;
	is_str(nd_buf_str(&out), want, name);
	is_int(n, changes, "…counting its changes");
	nd_buf_free(&out);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	/* rejoin: the corpus's page and column breaks */
	check(
	    "rejoin",
	    "用质朴的语言,讲述了一名普通的退伍军人埋头苦干、励志进取、甘于奉\n献的人生历程,凭借着精气神。",
	    "用质朴的语言,讲述了一名普通的退伍军人埋头苦干、励志进取、甘于奉献的人生历程,凭借着精气神。",
	    1, "甘于奉 + 献的人生历程 (corpus 000)");
	check("rejoin",
	      "建立企业技术需求数据库。做好企业专\n业技术、技能素质等方面需求的调查摸底。",
	      "建立企业技术需求数据库。做好企业专业技术、技能素质等方面需求的调查摸底。", 1,
	      "a short paragraph with a sentence inside (corpus 000)");
	check("rejoin", "搭载新工具增添新功能\n“即将为您播放……”在海宁市盐官镇。",
	      "搭载新工具增添新功能\n“即将为您播放……”在海宁市盐官镇。", 0,
	      "an in-body subhead is not joined to the next paragraph");
	check("rejoin", "第一段结束了。\n第二段开始。", "第一段结束了。\n第二段开始。", 0,
	      "a finished paragraph stays");
	check("rejoin", "他说了很长的一段话，内容涉及方方面面，还没有说完就\n“当然”他又补充道。",
	      "他说了很长的一段话，内容涉及方方面面，还没有说完就\n“当然”他又补充道。", 0,
	      "a paragraph starting with a quotation is not joined");
	check(
	    "rejoin",
	    "海宁市总工会持续推进新就业形态劳动者入会工作，已经向3200多名新就业形态劳动者普\n及了法律知识。",
	    "海宁市总工会持续推进新就业形态劳动者入会工作，已经向3200多名新就业形态劳动者普及了法律知识。",
	    1, "…向3200多名新就业形态劳动者普 + its tail");

	/* punctuation */
	check("punctuation", "3月22日上午,大丰区总工会举行活动。",
	      "3月22日上午，大丰区总工会举行活动。", 1, "a comma between Han characters");
	check("punctuation", "他说：“这样更好.”", "他说：“这样更好。”", 1,
	      "a half-width full stop before a closing quote (issue 30)");
	check("punctuation", "增长3.5%，见www.acftu.org.", "增长3.5%，见www.acftu.org.", 0,
	      "…but never 3.5 or a web address");
	check("punctuation", "助力他们: 奔跑无忧", "助力他们：奔跑无忧", 1,
	      "a colon with a space after it, after Han");
	check("punctuation", "比分42:59,真精彩", "比分42:59，真精彩", 1, "42:59 keeps its colon");
	check("punctuation", "本报讯 (记者郑莉 朱欣)记者从", "本报讯 （记者郑莉 朱欣）记者从", 2,
	      "parentheses around Chinese");
	check("punctuation", "真的吗?是的!", "真的吗？是的！", 2, "question and exclamation marks");
	check("punctuation", "use a,b and f(x)", "use a,b and f(x)", 0,
	      "English text is left alone");
	check("punctuation", "1,000元", "1,000元", 0, "a thousands separator stays");
	check("punctuation", "一是;二是", "一是；二是", 1, "a semicolon");

	/* quotes */
	check("quotes", "他说\"要推动双进工作\"。", "他说“要推动双进工作”。", 2,
	      "double quotes pair");
	check("quotes", "称为'长BA'", "称为‘长BA’", 2, "single quotes pair");
	check("quotes", "it's \"fine\"", "it's “fine”", 2, "an English apostrophe stays");
	check("quotes", "\"未完\n\"新段\"", "“未完\n“新段”", 3,
	      "pairing restarts with each paragraph");

	/* spaces */
	check("spaces", "正文  有两个空格 \n第二段\t", "正文 有两个空格\n第二段", 3,
	      "doubled and trailing spaces and tabs");
	check("spaces", "没有多余空格", "没有多余空格", 0, "nothing to do");

	/* full-width digits and letters */
	check("halfwidth", "２０２４年ＡＰＰ", "2024年APP", 7, "full-width digits and letters");
	check("halfwidth", "全角标点，不动", "全角标点，不动", 0,
	      "full-width punctuation is not touched");

	/* half-width marks right after a Han character */
	check("after-han", "参加人数超过3万人.", "参加人数超过3万人。", 1, "a full stop after Han");
	check("after-han", "他说:OK", "他说：OK", 1, "a colon after Han before Latin");
	check("after-han", "时间:10:30", "时间：10:30", 1, "…before a time: only its own colon");
	check("after-han", "真的?是!", "真的？是！", 2, "question and exclamation marks");
	check("after-han", "一是;二是", "一是；二是", 1, "a semicolon");
	check("after-han", "3.6万人 增长3.5%", "3.6万人 增长3.5%", 0, "decimals are kept");
	check("after-han", "见http://example.com 和 10:30", "见http://example.com 和 10:30", 0,
	      "URLs and times are kept");
	check("after-han", "报告.docx 与工会.cn", "报告.docx 与工会.cn", 0,
	      "a file name or a host is kept");
	check("after-han", "等等...", "等等...", 0, "an ellipsis of dots is left to a person");
	check("after-han", "OK. Fine: yes", "OK. Fine: yes", 0, "English is left alone");
	check("after-han", "万人. 下一句", "万人。下一句", 1, "the mark carries its own space");

	/* a space before a full-width mark */
	check("space-before-mark", "今年以来 ，全市", "今年以来，全市", 1, "before a comma");
	check("space-before-mark", "完成了 。 “好” ）", "完成了。 “好”）", 2,
	      "before a full stop and a closing mark, not after");
	check("space-before-mark", "a , b", "a , b", 0,
	      "a half-width comma is not a full-width mark");

	/* a space between two Han characters, in running text */
	check("han-space", "继续 扩大覆盖面，", "继续扩大覆盖面，", 1, "继续 扩大");
	check("han-space", "本刊讯 去年以来，滨海", "本刊讯 去年以来，滨海", 0,
	      "the space after a dateline stays");
	check("han-space", "朱建良 王娟 仲齐慧", "朱建良 王娟 仲齐慧", 0,
	      "a line of names (no sentence marks) stays");
	check("han-space", "现场照片，陈荣中 摄", "现场照片，陈荣中 摄", 0,
	      "a photo credit's space stays");
	check("han-space", "使用App 平台，Wi Fi", "使用App 平台，Wi Fi", 0,
	      "spaces beside Latin stay");
	check("han-space", "第一段 有空格。\n名单 甲 乙", "第一段有空格。\n名单 甲 乙", 1,
	      "each paragraph judged by itself");

	/* a full-width decimal point inside a number */
	check("decimal", "增长3．6%，达１．５万", "增长3.6%，达１.５万", 2, "3．6 → 3.6");
	check("decimal", "一．二．三", "一．二．三", 0, "between Han it stays");
	check("decimal", "第3．", "第3．", 0, "at the end of a number it stays");

	is_int(nd_cleanup_rule_count, 9, "nine rules, each its own undo step");
	return tap_done();
}
