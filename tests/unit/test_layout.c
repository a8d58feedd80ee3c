/* test_layout.c — 汉字 and 版面字数 by the rules in newsdesk(1), COUNTS, on
 * small examples worked by hand. Most run at 10 字/行: a line is 20 halves
 * (a Han character is 2, a half-width letter or digit 1). */
#include "newsdesk/count.h"
#include "newsdesk/layout.h"
#include "tap.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long lines_of(const struct nd_story *s, int cpl)
{
	struct nd_layout l;
	if (nd_story_layout(s, cpl, &l) < 0)
		return -1;
	if (l.chars != l.lines * cpl)
		return -2; /* 版面字数 is lines × 字/行, always */
	return l.lines;
}

static long body_lines(const char *body, int cpl)
{
	struct nd_story s = { .headline = NULL, .body = (char *)body };
	return lines_of(&s, cpl);
}

static long title_lines(const char *headline, int cpl)
{
	struct nd_story s = { .headline = (char *)headline, .body = "" };
	return lines_of(&s, cpl);
}

static void hanzi(void)
{
	is_int(nd_count_hanzi(""), 0, "汉字: empty is 0");
	is_int(nd_count_hanzi("工会，职工。"), 4, "汉字: punctuation is not a Han character");
	is_int(nd_count_hanzi("二〇二四年"), 5, "汉字: 〇 writes a digit of a year: it counts");
	is_int(nd_count_hanzi("ひらがな한국"), 0, "汉字: kana and hangul are not");
	is_int(nd_count_hanzi("ＡＢ１２ App 2024"), 0,
	       "汉字: letters and digits, wide or not, are not");
	is_int(nd_count_hanzi("\xF0\xA0\x80\x80\xE3\x90\x80"), 2,
	       "汉字: extension B (U+20000) and A (U+3400) count");
	is_int(nd_count_hanzi("\xEF\xA4\x80"), 1,
	       "汉字: a compatibility ideograph (U+F900) counts");
	is_int(nd_count_hanzi("\xE4\xB8\x80\xFF\xE4"), 1, "汉字: broken UTF-8 counts nothing");
	struct nd_story s = { .kicker = "工会",
			      .headline = "职工之家",
			      .byline = "朱建良",
			      .dateline = "本刊讯",
			      .body = "正文，两段。\n第二段" };
	is_int(nd_story_hanzi(&s), 2 + 4 + 3 + 3 + 4 + 3,
	       "汉字 of a story: every field 字数 counts");
}

static void halves(void)
{
	is_int(nd_layout_halves("工会"), 4, "a Han character takes a whole slot (2 halves)");
	is_int(nd_layout_halves("App 2024"), 8,
	       "letters, digits and a space take half a slot each");
	is_int(nd_layout_halves("“工会”——…"), 14,
	       "quotes, dashes and the ellipsis are set on whole slots in Chinese");
	is_int(nd_layout_halves("  工会 \xE3\x80\x80"), 4,
	       "white space at either end takes no room");
	is_int(nd_layout_halves("工\xE3\x80\x80会"), 6, "an ideographic space inside takes a slot");
	is_int(nd_layout_halves(NULL), 0, "no field takes nothing");
}

static void paragraphs(void)
{
	/* a paragraph is indented two characters: 8 more fill a 10-character line */
	is_int(body_lines("一二三四五六七八", 10), 1,
	       "a paragraph of exactly one line: 2 + 8 = 10");
	is_int(body_lines("一二三四五六七八九", 10), 2,
	       "one character more starts a second line, which counts whole");
	is_int(body_lines("一二三四五六七八九十一二三四五六七八", 10), 2,
	       "2 + 18 = 20: exactly two full lines");
	is_int(body_lines("一二三四五六七八九十一二三四五六七八九", 10), 3,
	       "a short last line of one character counts as a line");
	is_int(body_lines("2024年3月22日", 10), 1,
	       "half-width digits take half a slot: 4 + 4 + 6 + 6 halves = 20, one line");
	is_int(body_lines("一二三\n\n\n四五六", 10), 2, "blank paragraphs take no line");
	is_int(body_lines("", 10), 0, "no text, no lines");
	is_int(body_lines("一二三四五六七八。", 10), 1,
	       "a closing mark that would begin the last line is squeezed into the one "
	       "before (挤进): 2 + 8 + 。 is one line");
	is_int(body_lines("一二三四五六七八。”", 10), 1, "…two closing marks (。”) too");
	is_int(body_lines("一二三四五六七八。”）", 10), 2,
	       "…three are more than a line can take: a second line");
	is_int(body_lines("一二三四五六七八九。", 10), 2,
	       "a closing mark after a character on the last line squeezes nothing");
	is_int(body_lines("一二三四五六七八“", 10), 2, "an opening mark is not squeezed");
	is_int(body_lines("一二三四五六七八，九", 10), 2,
	       "a closing mark inside the paragraph: the arithmetic as before");
	is_int(body_lines("一二三四五六七2024", 10), 2,
	       "a number the line end would split goes whole to the next line (推出): 2 + 7 "
	       "+ 2 slots, then 2024");
	is_int(body_lines("一二三四五六2024", 10), 1, "…one that fits stays: 2 + 6 + 2 = 10");
	is_int(body_lines("一二三四五六七八2024年", 10), 2,
	       "…and the number's slots then count from the new line: 2024年 on line 2");
	is_int(body_lines("一二三四五六七 1234567890123456789012", 10), 3,
	       "a run longer than a line is split where it must: 2 + 7 + 0.5 + 11 slots");
}

static void titles(void)
{
	is_int(title_lines("工会", 10), 1, "a short title counts as a full line");
	is_int(title_lines("一二三四五六七八九十", 10), 1,
	       "a title of exactly a line is one line (no indent)");
	is_int(title_lines("一二三四五六七八九十一", 10), 2,
	       "a longer title counts its lines, each whole");
	struct nd_story s = { .kicker = "引题",
			      .headline = "主题",
			      .subhead = "副题",
			      .byline = "本报记者 朱建良",
			      .body = "一二三" };
	is_int(lines_of(&s, 10), 5, "kicker, headline, subhead and byline each take a line");
	struct nd_story d = { .headline = "题", .dateline = "本刊讯", .body = "一二三四五六七" };
	/* 本刊讯 (6) + a space (2) + 7 characters (14) + indent (4) = 26 halves */
	is_int(lines_of(&d, 10), 3, "the dateline runs into the first paragraph: 1 + 2 lines");
	struct nd_story alone = { .headline = "题", .dateline = "本刊讯", .body = "" };
	is_int(lines_of(&alone, 10), 2, "a dateline with no body stands on its own line");
}

static void worked_example(void)
{
	/* The example of newsdesk(1), COUNTS, at 12 字/行. */
	struct nd_story s = { .headline = "职工书屋开进车间",
			      .dateline = "本报讯",
			      .byline = "记者 朱建良",
			      .body = "3月22日上午，区总工会为五家企业送去图书两千册。\n"
				      "职工们说：“下了班就能读书。”\n好！" };
	char *profile = nd_layout_profile(&s);
	/* 本报讯 6 + space 2 + (3 1, 月 2, 22 2, 日 2, 上午 4, ， 2, 区总工会 8, 为 2,
	 * 五家企业 8, 送去 4, 图书 4, 两千册 6, 。 2 = 47) = 55 */
	is_str(profile, "t16 t11 55.2@11+2 30.4 4.2",
	       "the line profile: titles, then paragraph widths, each with its closing marks "
	       "(.2: 。) and half-width runs (@11+2: 22)");
	free(profile);
	struct nd_layout l;
	ok(nd_story_layout(&s, 12, &l) == 0, "counts at 12 字/行");
	/* headline 1, byline 1, (55+4)/24 → 3, (30+4)/24 → 2, (4+4)/24 → 1 */
	is_int(l.lines, 8, "worked example: 1 + 1 + 3 + 2 + 1 = 8 lines");
	is_int(l.chars, 96, "worked example: 8 lines × 12 = 96 版面字数");
	ok(nd_story_layout(&s, 17, &l) == 0 && l.lines == 1 + 1 + 2 + 1 + 1,
	   "at 17 字/行 (34 halves): 1 + 1 + 2 (55 + 4 = 59) + 1 (30 + 4 = 34) + 1 = 6 lines");
	long body;
	is_int(nd_story_chars(&s, &body), 57, "worked example: 字数 57, as the man page says");
	is_int(nd_story_hanzi(&s), 48, "worked example: 汉字 48 (8 + 3 + 5 + 20 + 11 + 1)");
}

static void bad_input(void)
{
	struct nd_layout l = { 7, 7 };
	is_int(nd_layout_count("t4 12", 3, &l), -1, "字/行 below 4 is refused");
	is_int(l.chars, 0, "…and leaves no figure behind");
	is_int(nd_layout_count("t4 12", 101, &l), -1, "字/行 above 100 is refused");
	is_int(nd_layout_count("t4 x", 10, &l), -1, "a malformed profile is refused");
	is_int(nd_layout_count("t", 10, &l), -1, "a unit with no width is refused");
	is_int(nd_layout_count("-3", 10, &l), -1, "a negative width is refused");
	is_int(nd_layout_count(NULL, 10, &l), -1, "no profile is refused");
	is_int(nd_layout_count("", 10, &l), 0, "an empty profile is no lines");
	ok(nd_layout_count("t16 55 30", 12, &l) == 0 && l.lines == 1 + 3 + 2,
	   "a profile stored before the squeeze (no tails, no runs) still counts");
	is_int(nd_layout_count("12.9", 10, &l), -1, "a tail of more than two marks is refused");
	is_int(nd_layout_count("12@3", 10, &l), -1, "a run with no width is refused");
	is_int(nd_layout_count("12@10+4", 10, &l), -1, "a run past the unit's end is refused");
	is_int(l.lines, 0, "…0 lines");
	ok(nd_layout_count("t4 16", 4, &l) == 0 && l.lines == 1 + 3,
	   "at the narrowest measure: title 1, paragraph (16+4)/8 → 3");
}

/* nd_story_measure against the functions it stands in for: 字数 by the
 * rule (nd_story_chars_by), the body's, 汉字 (nd_story_hanzi) and the
 * profile (nd_layout_profile). */
static bool measured_alike(const struct nd_story *s, enum nd_count_rule rule)
{
	struct nd_story_measure m;
	if (nd_story_measure(s, rule, &m) < 0)
		return false;
	long body;
	long chars = nd_story_chars_by(s, &body, rule);
	char *profile = nd_layout_profile(s);
	bool same = profile && m.chars == chars && m.body_chars == body &&
		    m.hanzi == nd_story_hanzi(s) && strcmp(m.profile, profile) == 0;
	if (!same)
		printf("# measure: %ld/%ld/%ld \"%s\", apart: %ld/%ld/%ld \"%s\"\n", m.chars,
		       m.body_chars, m.hanzi, m.profile, chars, body, nd_story_hanzi(s),
		       profile ? profile : "(none)");
	free(profile);
	free(m.profile);
	return same;
}

/* Pieces a random story is made of: the Unified block's ends and middle,
 * what lies just outside it (U+4DFF a hexagram, U+4DB5 extension A, 〇),
 * half-width runs and marks, white space of every kind, Chinese marks
 * (closing ones too), a combining mark, a control, broken and cut UTF-8,
 * a four-byte character. */
static const char *const pieces[] = {
	"工",
	"会",
	"\xE4\xB8\x80",
	"\xE9\xBF\xBF",
	"\xE4\xB7\xBF",
	"\xE4\xB6\xB5",
	"〇",
	"2024",
	"App",
	",",
	".",
	"-",
	" ",
	"\t",
	"\r",
	"\n",
	"\n\n",
	"\xE3\x80\x80",
	"，",
	"。",
	"“",
	"”",
	"、",
	"……",
	"e\xCC\x81",
	"\x01",
	"\xFF",
	"\xE4\xB8",
	"\xF0\x9F\x98\x80",
	"ＡＢ１",
	"（",
	"）",
	"《",
	"》",
	"\xE2\x80\x94",
	"\xC2\xB7",
};

static char *random_text(unsigned *seed, int max_pieces)
{
	char *t = calloc(1, 16 * (size_t)max_pieces + 1);
	int n = (int)(*seed % (unsigned)max_pieces);
	for (int i = 0; i < n; i++) {
		*seed = *seed * 1103515245u + 12345u;
		strcat(t, pieces[(*seed >> 8) % (sizeof pieces / sizeof *pieces)]);
	}
	*seed = *seed * 1103515245u + 12345u;
	return t;
}

static void measure(void)
{
	struct nd_story s = { .kicker = "工会",
			      .headline = "App 2024版上线",
			      .dateline = "本刊讯 记者Li",
			      .byline = "朱建良",
			      .body = "正文，两段。\n第二段有2,000人。\n\n“结尾。”" };
	struct nd_story_measure m;
	ok(nd_story_measure(&s, ND_COUNT_WORD, &m) == 0 && m.hanzi == nd_story_hanzi(&s),
	   "measure: a story's 汉字 as nd_story_hanzi counts them");
	free(m.profile);
	ok(measured_alike(&s, ND_COUNT_WORD) && measured_alike(&s, ND_COUNT_MARKS),
	   "measure: a worked story, both rules, as counted apart");
	size_t n = 0x9FFF - 0x4E00 + 1;
	char *block = malloc(3 * n + 1), *p = block;
	for (unsigned cp = 0x4E00; cp <= 0x9FFF; cp++) {
		*p++ = (char)(0xE0 | cp >> 12);
		*p++ = (char)(0x80 | (cp >> 6 & 0x3F));
		*p++ = (char)(0x80 | (cp & 0x3F));
	}
	*p = '\0';
	struct nd_story whole = { .body = block };
	ok(nd_story_measure(&whole, ND_COUNT_WORD, &m) == 0 && m.chars == (long)n &&
	       m.hanzi == (long)n && strcmp(m.profile, "41984") == 0,
	   "measure: the whole Unified block: each one 字, one 汉字, two half-slots");
	free(m.profile);
	ok(measured_alike(&whole, ND_COUNT_MARKS), "measure: …as counted apart");
	free(block);
	unsigned seed = 20261207u;
	int apart = 0;
	for (int i = 0; i < 3000; i++) {
		char *f[6];
		for (int k = 0; k < 6; k++)
			f[k] = random_text(&seed, k == 5 ? 60 : 12);
		struct nd_story r = { .kicker = seed & 1 ? f[0] : NULL,
				      .headline = f[1],
				      .subhead = seed & 2 ? f[2] : NULL,
				      .dateline = seed & 4 ? f[3] : NULL,
				      .byline = seed & 8 ? f[4] : NULL,
				      .body = seed & 16 ? f[5] : NULL };
		apart += !measured_alike(&r, (seed >> 5) & 1 ? ND_COUNT_MARKS : ND_COUNT_WORD);
		for (int k = 0; k < 6; k++)
			free(f[k]);
	}
	is_int(apart, 0, "measure: 3,000 random stories of hard pieces, as counted apart");
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	hanzi();
	halves();
	paragraphs();
	titles();
	worked_example();
	bad_input();
	measure();
	return tap_done();
}
