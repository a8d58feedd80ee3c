/* test_wrap.c — line breaking by the Chinese rules. Each case shows the
 * lines as "|"-separated text. */
#include "newsdesk/buf.h"
#include "newsdesk/wrap.h"
#include "tap.h"

#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *wrapped(const char *s, int cols)
{
	struct nd_wrap_line *lines;
	long n = nd_wrap(s, strlen(s), cols, &lines);
	struct nd_buf b = ND_BUF_INIT;
	for (long i = 0; i < n; i++) {
		if (i)
			nd_buf_addc(&b, '|');
		nd_buf_add(&b, s + lines[i].start, lines[i].end - lines[i].start);
		if (lines[i].width > cols + ND_WRAP_HANG && lines[i].end - lines[i].start > 4)
			nd_buf_adds(&b, "<TOO WIDE>");
	}
	if (n > 0)
		free(lines);
	return nd_buf_take(&b);
}

static void diag_lines(const char *s, const struct nd_wrap_line *l, long n, int cols)
{
	printf("# at %d:", cols);
	for (long i = 0; i < n; i++)
		printf(" %.*s|", (int)(l[i].end - l[i].start), s + l[i].start);
	putchar('\n');
}

static void check(const char *s, int cols, const char *want, const char *name)
{
	char *got = wrapped(s, cols);
	is_str(got, want, name);
	free(got);
}

/* The lines of s at cols, each with its width, or NULL. */
static long lines_of(const char *s, int cols, struct nd_wrap_line **lines)
{
	return nd_wrap(s, strlen(s), cols, lines);
}

static bool starts(const char *s, const struct nd_wrap_line *l, const char *prefix)
{
	size_t k = strlen(prefix);
	return l->end - l->start >= k && memcmp(s + l->start, prefix, k) == 0;
}

static bool ends(const char *s, const struct nd_wrap_line *l, const char *suffix)
{
	size_t k = strlen(suffix);
	return l->end - l->start >= k && memcmp(s + l->end - k, suffix, k) == 0;
}

/* At every width from lo to hi, no line starts with any of bad[]. */
static void never_starts(const char *s, int lo, int hi, const char *const *bad, size_t nbad,
			 const char *name)
{
	int wrong = 0;
	for (int cols = lo; cols <= hi; cols++) {
		struct nd_wrap_line *l;
		long n = lines_of(s, cols, &l);
		for (long i = 1; i < n; i++)
			for (size_t b = 0; b < nbad; b++)
				if (starts(s, &l[i], bad[b])) {
					if (!wrong)
						diag_lines(s, l, n, cols);
					wrong++;
				}
		free(l);
	}
	ok(!wrong, "%s (%d widths from %d to %d)", name, hi - lo + 1, lo, hi);
}

/* Every paragraph of the corpus articles at 10 to 40 columns: no line
 * starts with a dash or with the unit of a number the line above ends with,
 * and no % or ℃ hangs past the measure. */
static void corpus_breaks(void)
{
	static const char *const files[] = { "a01", "a02", "a03", "a04", "a05", "a06", "a07",
					     "a08", "b01", "b02", "b03", "b04", "b05", "b06",
					     "b07", "c01", "c02", "c03", "c04", "c05", "c06",
					     "c07", "c08", "c09", "c10" };
	long breaks = 0, dash = 0, unit = 0, hang = 0;
	for (size_t f = 0; f < sizeof files / sizeof *files; f++) {
		char path[64], line[16384];
		snprintf(path, sizeof path, "data/articles/%s.txt", files[f]);
		FILE *in = fopen(path, "r");
		while (in && fgets(line, sizeof line, in)) {
			line[strcspn(line, "\n")] = '\0';
			for (int cols = 10; cols <= 40; cols++) {
				struct nd_wrap_line *l;
				long n = lines_of(line, cols, &l);
				for (long i = 0; i < n; i++) {
					const char *p = line + l[i].start;
					breaks += i > 0;
					dash += i > 0 && (starts(line, &l[i], "—") ||
							  starts(line, &l[i], "–"));
					unit += i > 0 && l[i - 1].end > l[i - 1].start &&
						line[l[i - 1].end - 1] >= '0' &&
						line[l[i - 1].end - 1] <= '9' &&
						(unsigned char)*p >= 0xE4 &&
						(unsigned char)*p <= 0xE9;
					hang +=
					    (ends(line, &l[i], "%") || ends(line, &l[i], "℃")) &&
					    l[i].width > cols;
				}
				free(l);
			}
		}
		if (in)
			fclose(in);
	}
	ok(breaks > 10000, "the corpus articles wrap at 10 to 40 columns (%ld breaks)", breaks);
	is_int(dash, 0, "…no line starts with a dash");
	is_int(unit, 0, "…no number is split from the Han unit after it");
	is_int(hang, 0, "…no % or ℃ hangs past the measure");
}

static void remaining_cases(void)
{
	corpus_breaks();
	/* corpus 003: an address that fits on the next line moves there whole */
	const char *url = "详情请登录中华全国总工会网站www.acftu.org.cn查询";
	check(url, 20, "详情请登录中华全国总|工会网站|www.acftu.org.cn查询",
	      "a URL that fits on the next line is not split after a dot");
	int split = 0;
	for (int cols = 16; cols <= 40; cols++) {
		char *got = wrapped(url, cols);
		split += !strstr(got, "www.acftu.org.cn");
		free(got);
	}
	is_int(split, 0, "…at every width it fits in (16 to 40 columns)");
	check("来信请寄news@acftu.org.cn，谢谢", 18, "来信请寄|news@acftu.org.cn，|谢谢",
	      "an e-mail address is not split either");
	check("https://www.acftu.org.cn/zt/2024/index.html", 12,
	      "https://www.|acftu.org.|cn/zt/2024/|index.html",
	      "an address wider than the line is cut after a . or /");
	check("请访问www.acftu.org.cn。", 16, "请访问|www.acftu.org.cn。",
	      "the sentence's 。 is not part of the address, and hangs");

	static const char *const dashes[] = { "—", "–" };
	never_starts("执行GB/T 15834—2011《标点符号用法》的规定，破折号——不可以出现在行首。", 10,
		     40, dashes, 2, "—— and the dash of GB/T 15834—2011 never start a line");
	check("执行GB/T 15834—2011", 10, "执行GB/T|15834—2011", "15834—2011 stays whole");

	static const char *const units[] = { "年", "万元", "元", "个", "%", "℃" };
	never_starts(
	    "全县新增技能人才2024年，投入资金3.5万元，建成15个站点，气温高达38℃，同比增长12%。", 8,
	    40, units, sizeof units / sizeof *units,
	    "a number is not split from its unit (2024年, 3.5万元, 38℃, 12%)");
	check("全县新增技能人才2024年", 20, "全县新增技能人才|2024年", "2024|年 does not happen");
	check("投入资金达到3.5万元", 15, "投入资金达到|3.5万元", "3.5|万元 does not happen");

	int overhang = 0;
	const char *signs = "同比增长百分之十二12%，气温高达38℃，全年增长3‰。";
	for (int cols = 4; cols <= 40; cols++) {
		struct nd_wrap_line *l;
		long n = lines_of(signs, cols, &l);
		for (long i = 0; i < n; i++)
			if ((ends(signs, &l[i], "%") || ends(signs, &l[i], "℃") ||
			     ends(signs, &l[i], "‰")) &&
			    l[i].width > cols)
				overhang++;
		free(l);
	}
	is_int(overhang, 0, "% ℃ ‰ never hang past the measure");
	check("同比增长了百分之十二12%", 22, "同比增长了百分之十二|12%",
	      "12% moves down whole instead of hanging");
	check("中文中文。”", 8, "中文中文。”", "。” still hang");
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	check("中文中文中文", 4, "中文|中文|中文", "Han wraps at the width");
	check("中文中文中", 5, "中文|中文|中", "a wide character never splits at the edge");
	check("", 10, "", "an empty paragraph is one empty line");

	/* No line starts with a closing mark: the character before moves over. */
	const char *closers[] = { "，", "。", "、", "；", "：", "？", "！",
				  "）", "》", "」", "』", "”",  "’",  "…" };
	for (size_t i = 0; i < sizeof closers / sizeof *closers; i++) {
		char s[64], bad[16];
		snprintf(s, sizeof s, "中文%s中文", closers[i]);
		snprintf(bad, sizeof bad, "|%s", closers[i]);
		for (int cols = 3; cols <= 6; cols++) {
			char *got = wrapped(s, cols);
			ok(!strstr(got, bad), "at %d columns no line starts with %s (%s)", cols,
			   closers[i], got);
			free(got);
		}
	}
	check("中文，中文", 4, "中文，|中文", "a closing mark hangs at the end of the line above");
	check("中文。”中文", 4, "中文。”|中文", "two closing marks may hang");

	/* No line ends with an opening mark. */
	const char *openers[] = { "（", "《", "「", "『", "“", "‘" };
	for (size_t i = 0; i < sizeof openers / sizeof *openers; i++) {
		char s[64];
		snprintf(s, sizeof s, "中文%s中文", openers[i]);
		char *got = wrapped(s, 6);
		char bad[16];
		snprintf(bad, sizeof bad, "%s|", openers[i]);
		ok(!strstr(got, bad), "no line ends with %s (%s)", openers[i], got);
		free(got);
	}
	check("他说“要推动双进工作”", 8, "他说“要|推动双进|工作”",
	      "“ stays with the text it opens");
	check("等等——就是这样", 5, "等|等——|就是|这样",
	      "—— is never split and never starts a line (clreq strict)");
	check("好……好……", 5, "好……|好……", "…… stays whole");
	check("使用App软件", 6, "使用|App软|件", "a Latin word is not cut");
	check("2024年的事", 3, "202|4年|的|事",
	      "a number wider than the line is cut only when it must");
	check("hello world again", 11, "hello world|again", "spaces hang at the line end");
	check("工会", 1, "工|会", "a 1-column pane still shows each wide character");
	check("ab", 1, "a|b", "a 1-column pane, narrow characters");
	check("中\033[2J文", 4, "中\033|[2J|文", "a control's placeholder counts one column");
	remaining_cases();
	return tap_done();
}
