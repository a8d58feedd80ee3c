/* test_wrap.c — line breaking by the Chinese rules. Each case shows the
 * lines as "|"-separated text. */
#include "newsdesk/buf.h"
#include "newsdesk/wrap.h"
#include "tap.h"

#include <locale.h>
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

static void check(const char *s, int cols, const char *want, const char *name)
{
	char *got = wrapped(s, cols);
	is_str(got, want, name);
	free(got);
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
	check("等等——就是这样", 5, "等等|——就|是这|样", "—— is never split: it moves down whole");
	check("好……好……", 5, "好……|好……", "…… stays whole");
	check("使用App软件", 6, "使用|App软|件", "a Latin word is not cut");
	check("2024年的事", 3, "202|4年|的|事",
	      "a number wider than the line is cut only when it must");
	check("hello world again", 11, "hello world|again", "spaces hang at the line end");
	check("工会", 1, "工|会", "a 1-column pane still shows each wide character");
	check("ab", 1, "a|b", "a 1-column pane, narrow characters");
	check("中\033[2J文", 4, "中\033|[2J|文", "a control's placeholder counts one column");
	return tap_done();
}
