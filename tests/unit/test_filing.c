/* test_filing.c — the filing format: header blocks, the headerless
 * conventions on every corpus article, and each refusal. */
#include "newsdesk/filing.h"
#include "tap.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int parse(const char *text, struct nd_story *st, struct nd_error *err)
{
	return nd_story_from_bytes(text, strlen(text), NULL, st, NULL, err);
}

static void check_refused(const char *text, size_t n, const char *needle, const char *name)
{
	struct nd_story st;
	struct nd_error err = { 0 };
	int rc = nd_story_from_bytes(text, n, NULL, &st, NULL, &err);
	ok(rc < 0, "%s: refused", name);
	if (!ok(strstr(err.msg, needle) != NULL, "…saying '%s'", needle))
		printf("#   message: %s\n", err.msg);
	if (rc == 0)
		nd_story_free(&st);
}

static void test_header(void)
{
	struct nd_story st;
	struct nd_error err = { 0 };
	const char *text = "标题：大丰区总工会“双进”宣讲向纵深挺进\n"
			   "引题: 劳模工匠进校园\n"
			   "Section: 新闻速递\n"
			   "电头：本刊讯\n"
			   "作者: 朱建良 王娟\n"
			   "类型: 文章\n"
			   "\n"
			   "第一段。  \n"
			   "\n"
			   "　　第二段。\n"
			   "第三段。\n";
	if (!ok(parse(text, &st, &err) == 0, "a header block parses"))
		printf("#   %s\n", err.msg);
	is_str(st.headline, "大丰区总工会“双进”宣讲向纵深挺进", "标题 with a full-width colon");
	is_str(st.kicker, "劳模工匠进校园", "引题");
	is_str(st.section, "新闻速递", "an English key, any case");
	is_str(st.dateline, "本刊讯", "电头");
	is_str(st.byline, "朱建良 王娟", "作者");
	is_str(st.kind, "article", "类型 文章 is article");
	is_str(st.body, "第一段。\n第二段。\n第三段。",
	       "paragraphs: one a line or blank-separated, indents and trailing spaces trimmed");

	char *formatted = nd_story_format(&st);
	struct nd_story again;
	ok(parse(formatted, &again, &err) == 0, "the formatted story parses again");
	is_str(again.headline, st.headline, "round trip: headline");
	is_str(again.body, st.body, "round trip: body");
	is_str(again.byline, st.byline, "round trip: byline");
	nd_story_free(&again);
	free(formatted);
	nd_story_free(&st);

	check_refused("标题: 甲\n记者: 乙\n\n正文", strlen("标题: 甲\n记者: 乙\n\n正文"), "记者",
		      "an unknown header key is named");
	check_refused("标题: 甲\n这一行没有冒号\n\n正文",
		      strlen("标题: 甲\n这一行没有冒号\n\n正文"), "line 2",
		      "a header line that is not key: value");
	check_refused("类型: 小说\n标题: 甲\n\n正文", strlen("类型: 小说\n标题: 甲\n\n正文"),
		      "小说", "an unknown kind");
	check_refused("引题: 甲\n\n正文", strlen("引题: 甲\n\n正文"), "no headline",
		      "a header without a headline");
}

static void test_headerless(void)
{
	struct nd_story st;
	struct nd_error err = { 0 };
	ok(parse("图片新闻\r\n\r\n职工在驿站休息。\r\n\r\n金晖 摄\r\n", &st, &err) == 0,
	   "CRLF text parses");
	is_str(st.headline, "图片新闻", "first line is the headline");
	is_str(st.byline, "金晖 摄", "a photo credit is the byline");
	is_str(st.kind, "photo", "…and makes the item a photo");
	is_str(st.body, "职工在驿站休息。", "body without the credit");
	nd_story_free(&st);

	ok(parse("标题一行\n\n本报讯\n\n正文一段。\n", &st, &err) == 0,
	   "a dateline alone on a line");
	is_str(st.dateline, "本报讯", "…is the dateline");
	is_str(st.body, "正文一段。", "…and the body starts after it");
	nd_story_free(&st);

	ok(parse("Title: Hello\n\nbody\n", &st, &err) == 0, "an English header key works");
	is_str(st.headline, "Hello", "Title is the headline");
	nd_story_free(&st);

	ok(parse("专访：王师傅的三十年\n\n他说。\n", &st, &err) == 0,
	   "a headline with a colon is not a header");
	is_str(st.headline, "专访：王师傅的三十年", "…the whole line is the headline");
	nd_story_free(&st);

	ok(parse("标题\x1b[2J清屏\n\n正文\x07响铃\n", &st, &err) == 0,
	   "control characters are stripped");
	is_str(st.headline, "标题[2J清屏", "ESC never reaches the store");
	is_str(st.body, "正文响铃", "nor BEL");
	nd_story_free(&st);
}

static void test_refusals(void)
{
	check_refused("", 0, "empty", "empty input");
	check_refused(" \n\n\t\n　\n", strlen(" \n\n\t\n　\n"), "empty", "all-blank input");
	check_refused("abc\0def", 7, "NUL byte at offset 3", "a NUL byte");
	char *big = malloc(ND_MAX_INPUT + 2);
	memset(big, 'a', ND_MAX_INPUT + 1);
	big[ND_MAX_INPUT + 1] = '\0';
	check_refused(big, ND_MAX_INPUT + 1, "1 MiB", "1 MiB + 1 byte");
	free(big);
	char longline[1024] = "";
	for (int i = 0; i < 201; i++)
		strcat(longline, "长");
	strcat(longline, "\n\n正文\n");
	check_refused(longline, strlen(longline), "201 characters", "a 201-character headline");
	check_refused("\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f", 10, "binary", "binary content");
	check_refused("标题\xFF\xFE\xFD\n", 9, "offset", "bytes in no encoding");
}

static char *read_all(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = malloc(ND_MAX_INPUT + 1);
	*n = fread(buf, 1, ND_MAX_INPUT, f);
	buf[*n] = '\0';
	fclose(f);
	return buf;
}

/* Every article of the corpus, as a reporter would file it without a
 * header, gives the fields an editor reads off the page. */
static void test_corpus_articles(void)
{
	FILE *f = fopen("data/articles/expected.tsv", "r");
	if (!ok(f != NULL, "expected.tsv is there"))
		return;
	char line[2048];
	int articles = 0;
	fgets(line, sizeof line, f); /* the header row */
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\n")] = '\0';
		char *fields[5] = { 0 }, *p = line;
		for (int i = 0; i < 5; i++) {
			fields[i] = p;
			p = strchr(p, '\t');
			if (p)
				*p++ = '\0';
			else
				p = line + strlen(line);
		}
		char path[256];
		size_t n;
		snprintf(path, sizeof path, "data/articles/%s", fields[0]);
		char *text = read_all(path, &n);
		struct nd_story st;
		struct nd_error err = { 0 };
		if (!ok(text && nd_story_from_bytes(text, n, NULL, &st, NULL, &err) == 0,
			"%s parses", fields[0])) {
			printf("#   %s\n", err.msg);
			free(text);
			continue;
		}
		char name[300];
		snprintf(name, sizeof name, "%s kicker", fields[0]);
		is_str(st.kicker ? st.kicker : "", fields[1], name);
		snprintf(name, sizeof name, "%s headline", fields[0]);
		is_str(st.headline, fields[2], name);
		snprintf(name, sizeof name, "%s dateline", fields[0]);
		is_str(st.dateline ? st.dateline : "", fields[3], name);
		snprintf(name, sizeof name, "%s byline", fields[0]);
		is_str(st.byline ? st.byline : "", fields[4], name);
		snprintf(name, sizeof name, "%s body has no dateline or byline left in it",
			 fields[0]);
		ok((!fields[3][0] || strncmp(st.body, fields[3], strlen(fields[3])) != 0) &&
		       (!fields[4][0] || !strstr(st.body, fields[4])),
		   "%s", name);
		nd_story_free(&st);
		free(text);
		articles++;
	}
	fclose(f);
	is_int(articles, 25, "all 25 corpus articles were checked");
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_header();
	test_headerless();
	test_refusals();
	test_corpus_articles();
	return tap_done();
}
