/* test_proof.c — each proofreading check, positive and negative, with
 * cases from the corpus. */
#include "newsdesk/proof.h"
#include "tap.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct nd_proof_check *check_named(const char *id)
{
	for (size_t i = 0; i < nd_proof_check_count; i++)
		if (strcmp(nd_proof_checks[i].id, id) == 0)
			return &nd_proof_checks[i];
	return NULL;
}

static size_t count(const char *check, struct nd_story *s, double limit)
{
	struct nd_proof_report r;
	size_t n = 0;
	nd_proof_story(s, limit, &r);
	for (size_t i = 0; i < r.n; i++)
		n += strcmp(r.hits[i].check->id, check) == 0;
	nd_proof_free(&r);
	return n;
}

static size_t body_hits(const char *check, const char *body)
{
	struct nd_story s = { .kind = "article", .headline = "标题", .body = (char *)body };
	return count(check, &s, 0);
}

/* ---- the recall and precision set (tests/data/proof) ----------------------
 * A case is "== name", then its paragraphs, then a blank line; {{check}}
 * stands before the character where that check must report. */

struct expect {
	int para;
	long offset;
	char check[32];
	bool found;
};

struct tally {
	size_t expected, found; /* recall */
	size_t hits, right; /* precision */
};

static long chars_in(const char *s, size_t n)
{
	long c = 0;
	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

/* Takes the {{check}} marks out of one paragraph into e. */
static size_t unmark(char *line, int para, struct expect *e, size_t ne, size_t max)
{
	char *out = line, *p = line;
	while (*p) {
		char *close;
		if (strncmp(p, "{{", 2) == 0 && (close = strstr(p, "}}")) && ne < max) {
			e[ne] = (struct expect){ para, chars_in(line, (size_t)(out - line)), "",
						 false };
			snprintf(e[ne].check, sizeof e[ne].check, "%.*s", (int)(close - p - 2),
				 p + 2);
			ne++;
			p = close + 2;
			continue;
		}
		*out++ = *p++;
	}
	*out = '\0';
	return ne;
}

static void run_case(const char *name, char *body, struct expect *e, size_t ne, struct tally *t)
{
	struct nd_story s = { .kind = "article", .headline = "标题", .body = body };
	struct nd_proof_report r;
	if (nd_proof_story(&s, 0, &r) < 0) {
		ok(0, "proofreading %s ran", name);
		return;
	}
	for (size_t i = 0; i < r.n; i++) {
		const struct nd_proof_hit *h = &r.hits[i];
		bool right = false;
		for (size_t k = 0; k < ne; k++)
			if (!e[k].found && h->paragraph == e[k].para && h->offset == e[k].offset &&
			    strcmp(h->check->id, e[k].check) == 0)
				right = e[k].found = true;
		t->hits++;
		t->right += right;
		if (!right)
			printf("# false alarm in %s: %s ¶%d @%ld %s  %s\n", name, h->check->id,
			       h->paragraph, h->offset, h->detail, h->excerpt);
	}
	for (size_t k = 0; k < ne; k++) {
		t->expected++;
		t->found += e[k].found;
		if (!e[k].found)
			printf("# missed in %s: %s ¶%d @%ld\n", name, e[k].check, e[k].para,
			       e[k].offset);
	}
	nd_proof_free(&r);
}

static size_t run_file(const char *path, struct tally *t)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		ok(0, "%s opens", path);
		return 0;
	}
	char line[4096], name[128] = "", body[16384] = "";
	struct expect e[16];
	size_t ne = 0, cases = 0;
	int para = 0;
	for (bool more = true; more;) {
		more = fgets(line, sizeof line, f) != NULL;
		line[strcspn(line, "\n")] = '\0';
		if (more && strncmp(line, "== ", 3) == 0) {
			snprintf(name, sizeof name, "%.100s:%d", line + 3, (int)cases + 1);
			body[0] = '\0';
			ne = 0;
			para = 0;
		} else if (more && line[0] && line[0] != '#' && name[0]) {
			ne = unmark(line, ++para, e, ne, sizeof e / sizeof *e);
			size_t len = strlen(body);
			snprintf(body + len, sizeof body - len, "%s%s", len ? "\n" : "", line);
		} else if (name[0] && para) {
			run_case(name, body, e, ne, t);
			cases++;
			name[0] = '\0';
		}
	}
	fclose(f);
	return cases;
}

static void recall_and_precision(void)
{
	struct tally errors = { 0 }, all = { 0 };
	size_t ne = run_file("data/proof/errors.txt", &errors);
	all = errors;
	size_t nl = run_file("data/proof/legit.txt", &all);
	ok(ne >= 60 && errors.expected >= 60, "at least 60 inserted slips (%zu in %zu cases)",
	   errors.expected, ne);
	ok(nl >= 40, "at least 40 legitimate constructions (%zu)", nl);
	double recall = all.expected ? 100.0 * (double)all.found / (double)all.expected : 0;
	double precision = all.hits ? 100.0 * (double)all.right / (double)all.hits : 0;
	printf("# recall %.1f%% (%zu of %zu slips found at the right place), precision %.1f%% (%zu "
	       "of %zu warnings right)\n",
	       recall, all.found, all.expected, precision, all.right, all.hits);
	ok(recall >= 95.0, "recall %.1f%% ≥ 95%%", recall);
	ok(precision >= 98.0, "precision %.1f%% ≥ 98%%", precision);
}

/* ---- the corpus articles ---------------------------------------------------
 * Every warning a person must judge on the corpus articles is one of these,
 * judged by hand: the source's own slips (a quote left open where the page
 * cut the article, 要推动”双进”, a quotation missing its “). */
static const struct {
	const char *file, *check;
	int para;
	long offset;
} corpus_slips[] = {
	{ "a01.txt", "closing-as-opening", 2, 162 }, /* “要推动”双进” */
	{ "a05.txt", "unpaired", 2, 196 }, /* the article cut after “线 */
	{ "b02.txt", "unpaired", 4, 171 }, /* a quotation without its “ */
	{ "b05.txt", "unpaired", 3, 74 }, /* …奉献新时代!” without “ */
	{ "c08.txt", "unpaired", 5, 18 }, /* the middle of the article lost */
};

static void corpus_articles(void)
{
	static const char *const files[] = { "a01", "a02", "a03", "a04", "a05", "a06", "a07",
					     "a08", "b01", "b02", "b03", "b04", "b05", "b06",
					     "b07", "c01", "c02", "c03", "c04", "c05", "c06",
					     "c07", "c08", "c09", "c10" };
	size_t judged = 0, other = 0, fixable = 0;
	for (size_t f = 0; f < sizeof files / sizeof *files; f++) {
		char path[64], name[16];
		snprintf(name, sizeof name, "%s.txt", files[f]);
		snprintf(path, sizeof path, "data/articles/%s", name);
		FILE *in = fopen(path, "r");
		static char text[256 * 1024];
		size_t n = in ? fread(text, 1, sizeof text - 1, in) : 0;
		text[n] = '\0';
		if (in)
			fclose(in);
		struct nd_story st = { 0 };
		struct nd_error err = { 0 };
		struct nd_proof_report r;
		if (nd_story_parse(text, &st, &err) < 0 || nd_proof_story(&st, 0, &r) < 0) {
			ok(0, "%s parses and proofreads", name);
			continue;
		}
		for (size_t i = 0; i < r.n; i++) {
			const struct nd_proof_hit *h = &r.hits[i];
			if (h->check->fix) {
				fixable++;
				continue;
			}
			bool known = false;
			for (size_t k = 0; k < sizeof corpus_slips / sizeof *corpus_slips; k++)
				known |= strcmp(corpus_slips[k].file, name) == 0 &&
					 strcmp(corpus_slips[k].check, h->check->id) == 0 &&
					 corpus_slips[k].para == h->paragraph &&
					 corpus_slips[k].offset == h->offset;
			judged += known;
			other += !known;
			if (!known)
				printf("# %s: %s ¶%d @%ld %s  %s\n", name, h->check->id,
				       h->paragraph, h->offset, h->detail, h->excerpt);
		}
		nd_proof_free(&r);
		nd_story_free(&st);
	}
	is_int(judged, sizeof corpus_slips / sizeof *corpus_slips,
	       "the corpus articles' own slips are all found");
	is_int(other, 0, "…and nothing else a person must judge");
	printf("# corpus articles: %zu slips found, %zu false alarms, %zu mechanical hits\n",
	       judged, other, fixable);
}

/* issue 30: the misses and the false alarms */
static void issue30(void)
{
	is_int(body_hits("halfwidth", "他说：“这样更好.”"), 1,
	       "a half-width . before a closing quote is found (更好.”)");
	is_int(body_hits("halfwidth", "他说：\"这样更好.\""), 1, "…and before a straight one");
	is_int(body_hits("doubled-mark", "会议在北京召开。。代表们发言。"), 1, "。。 is found");
	is_int(body_hits("doubled-mark", "职工们，，纷纷"), 1, "…and ，，");
	is_int(body_hits("doubled-mark", "他说……好——了"), 0, "…but …… and —— are one mark");
	is_int(body_hits("number-comma", "共有2，000名职工参加"), 1,
	       "a thousands separator written ， (2，000) is found");
	is_int(body_hits("number-comma", "共有12，345，678元"), 2, "…each one (12，345，678)");
	is_int(body_hits("number-comma", "第1，2，3名"), 0, "…but not a list of numbers (1，2，3)");
	is_int(body_hits("number-comma", "2020，2021年"), 0, "…nor two years (four digits after)");

	struct nd_story hd = { .kind = "article",
			       .headline = "职工书屋开进车间",
			       .body = "本报北京电 记者张三报道 职工书屋今天开进车间。" };
	is_int(count("dateline-date", &hd, 0), 1,
	       "filed with a 标题: header, 本报北京电 at the start of the body lacks its date");
	hd.body = "本报北京7月5日电 记者张三报道 职工书屋今天开进车间。";
	is_int(count("dateline-date", &hd, 0), 0, "…and one with its date is fine");
	struct nd_story dl = { .kind = "article",
			       .headline = "标题",
			       .dateline = "本报讯 (记者 张三,李四)",
			       .body = "正文。" };
	is_int(count("halfwidth", &dl, 0), 3,
	       "the dateline is proofread like the body: ( , ) are half-width");

	struct nd_story photo = { .kind = "photo",
				  .headline = "职工运动会",
				  .body = "一线职工参加运动会。\n王某 摄" };
	is_int(count("photo-credit", &photo, 0), 0,
	       "a photo whose caption ends 王某 摄 (filed with a header) has its credit");
	photo.body = "一线职工参加运动会。";
	is_int(count("photo-credit", &photo, 0), 1, "…one with none is still told");

	const char *subheads = "山东省建材工会探索“五项赋能”。\n"
			       "技能竞赛赋能,让产业工人创新有平台\n"
			       "搭建企业竞赛平台,开展技术革新竞赛项目超800个。\n"
			       "工匠精神赋能,让产业工人创新有灵魂\n"
			       "山东省建材工会在全系统努力营造争当工匠的浓厚氛围。";
	is_int(body_hits("split", subheads), 0,
	       "parallel subheads are not paragraphs split by a page break");
	is_int(body_hits("split", "比起借助电子新工具搭载新服务的盐官镇总工会,马桥街道\n"
				  "总工会则选择深耕已有阵地。"),
	       1, "…while a short fragment with no twin still is");
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	/* corpus 000: “要推动”双进”工作…。” */
	const char *corpus =
	    "汤云庆要求。“要推动”双进”工作进一步提质、扩面、增效,推动“双进”规范化开展。”";
	is_int(body_hits("closing-as-opening", corpus), 1,
	       "“要推动”双进”: a closing quote used as an opening one");
	is_int(body_hits("closing-as-opening", "“要推动‘双进’工作。”"), 0,
	       "…not when the quotes are right");
	is_int(body_hits("unpaired", "他说：“要推动工作。"), 1, "“ without ”");
	is_int(body_hits("unpaired", "制定印发《建湖县实施方案,既为劳模"), 1, "《 without 》");
	is_int(body_hits("unpaired", "15个镇（街道、开发区"), 1, "（ without ）");
	is_int(body_hits("unpaired", "对照《方案》，五部门联合打造“企业下单”体系。"), 0,
	       "paired marks pass (corpus 000)");
	is_int(body_hits("unpaired", "走进职工心里。”区教育工会负责人说"), 1, "” without “");

	is_int(body_hits("repeated", "为推进中国式现代化现代化大丰新实践"), 1, "现代化现代化");
	is_int(body_hits("repeated", "为推进中国式现代化大丰新实践"), 0, "…but not once");
	is_int(body_hits("repeated", "天天向上，常常来"), 0,
	       "one-character doubling (天天) is Chinese, not an error");

	is_int(body_hits("halfwidth", "3月22日上午,大丰区总工会"), 1,
	       "a half-width comma between Han (corpus 000)");
	is_int(body_hits("halfwidth", "比分42:59真精彩"), 0, "42:59 is not Chinese context");
	is_int(body_hits("halfwidth", "开展“扩容”,职工书屋"), 1, "a half-width comma after ”");
	is_int(body_hits("halfwidth", "对照《方案》,五部门"), 1, "…after 》");
	is_int(body_hits("halfwidth", "他表示:“我们要"), 1, "…a colon before “");
	is_int(body_hits("halfwidth", "15个镇(街道)、开发区"), 2,
	       "half-width parentheses around Chinese");
	is_int(body_hits("halfwidth", "3月22日上午，大丰区总工会"), 0, "full-width passes");

	is_int(body_hits("quote-styles", "他说「好」，她说“好”。"), 1, "「」 and “” in one item");
	is_int(body_hits("quote-styles", "他说“好”，她说“好”。"), 0, "one style passes");

	struct nd_story wire = {
		.kind = "article", .headline = "标题", .dateline = "本报北京电", .body = "正文。"
	};
	is_int(count("dateline-date", &wire, 0), 1, "本报北京电 without a date");
	wire.dateline = "本报北京7月5日电 (记者郑莉 朱欣)";
	is_int(count("dateline-date", &wire, 0), 0, "本报北京7月5日电 passes (corpus 003)");
	wire.dateline = "本刊讯";
	is_int(count("dateline-date", &wire, 0), 0, "本刊讯 needs no date");

	struct nd_story photo = {
		.kind = "photo", .headline = "为环卫工送清凉", .byline = "王娟", .body = "说明。"
	};
	is_int(count("photo-credit", &photo, 0), 1, "a photo without 摄");
	photo.byline = "陈荣中 摄";
	is_int(count("photo-credit", &photo, 0), 0, "陈荣中 摄 passes (corpus 000)");

	struct nd_story rate = { .kind = "article", .headline = "标题", .body = "甲,乙。丙丁。" };
	struct nd_proof_report r;
	nd_proof_story(&rate, 2, &r);
	ok(r.rate == 0 && r.left == 0 && r.n == 1,
	   "a half-width comma alone: no rate, ^K fixes it");
	ok(r.hits[0].paragraph == 1 && r.hits[0].offset == 1, "hits say where: ¶1 at character 1");
	ok(r.hits[0].check->fix && strcmp(r.hits[0].check->fix, "punctuation") == 0,
	   "…and which clean-up rule fixes it");
	nd_proof_free(&r);
	rate.body = "甲,乙的的丙。丁,戊。";
	nd_proof_story(&rate, 2, &r);
	ok(r.rate > 2, "one slip left in a few characters is over the limit (%.0f)", r.rate);
	ok(r.n >= 2 && strcmp(r.hits[r.n - 1].check->id, "error-rate") == 0, "…and says so");
	is_int(nd_proof_count(&r, check_named("halfwidth")), 2, "the two commas are counted");
	nd_proof_free(&r);

	/* the closing-as-opening quote, at its place, and nothing after it */
	struct nd_story q = { .kind = "article", .headline = "标题", .body = (char *)corpus };
	nd_proof_story(&q, 0, &r);
	size_t quote_hits = 0;
	for (size_t i = 0; i < r.n; i++)
		if (!r.hits[i].check->fix) {
			quote_hits++;
			is_int(r.hits[i].offset, 10, "the ” after 要推动 is the wrong one");
		}
	is_int(quote_hits, 1, "…and the correct final ” is not flagged");
	nd_proof_free(&r);
	is_int(body_hits("unpaired", "“要推动”双进”工作，落实方案》，推动“双进”开展。”"), 1,
	       "a 》 with no 《 after a closing-as-opening quote");
	is_int(body_hits("opening-as-closing", "开展“扩容“，职工书屋"), 1,
	       "an opening quote used as a closing one");

	is_int(body_hits("doubled", "打造一支有爱心的的劳模队伍"), 1, "的的");
	is_int(body_hits("doubled", "这些数字的的确确说明了问题"), 0, "…but not 的的确确");
	is_int(body_hits("doubled", "为了了解职工需求"), 0, "…nor 为了了解 (two words)");
	is_int(body_hits("doubled", "切实维护农民工工资权益"), 0,
	       "content characters are left alone (农民工工资)");
	is_int(body_hits("repeated", "平台，推动全县，推动全县劳模发展"), 1,
	       "推动全县，推动全县: a repeat across a comma");
	is_int(body_hits("repeated", "这件事还要研究研究，大家讨论讨论"), 0, "研究研究, 讨论讨论");
	is_int(body_hits("repeated", "一步一步学，谢谢谢谢"), 0, "一步一步, 谢谢谢谢");
	is_int(body_hits("unpaired", "他说：\n“第一，要认识。\n“第二，要落实。”"), 0,
	       "a quotation over paragraphs: each opens with “, the last closes");
	is_int(body_hits("unpaired", "他说：\n“第一，要认识。\n第二，要落实。"), 1,
	       "…but a quotation that never closes is flagged");
	is_int(body_hits("split", "要切实加强机制保障，加强与宣传\n教育等部门的协调联动。"), 1,
	       "a paragraph split by a page break");
	is_int(body_hits("unpaired", "推进管理合作，让职工享受更加方便、快捷的“线\n上”服务。"), 0,
	       "…whose quote pairs across it");

	{ /* a photo item must carry a photo (issue 22) */
		struct nd_story ps = { .kind = "photo",
				       .headline = "车间里的运动会",
				       .body = "一线职工参加运动会。",
				       .byline = "朱建良 摄" };
		struct nd_proof_report pr;
		nd_proof_story(&ps, 0, &pr);
		nd_proof_photos(&ps, 0, &pr);
		ok(pr.n == 1 && strcmp(pr.hits[0].check->id, "photo-missing") == 0,
		   "a photo item with no photo is flagged");
		nd_proof_free(&pr);
		nd_proof_story(&ps, 0, &pr);
		nd_proof_photos(&ps, 2, &pr);
		is_int(pr.n, 0, "…with its photos and 摄 credit, nothing");
		nd_proof_free(&pr);
		ps.kind = "article";
		nd_proof_story(&ps, 0, &pr);
		nd_proof_photos(&ps, 0, &pr);
		is_int(pr.n, 0, "…and an article needs none");
		nd_proof_free(&pr);
	}
	issue30();
	recall_and_precision();
	corpus_articles();
	is_int(nd_proof_check_count, 16, "sixteen checks, each with an id and an explanation");
	return tap_done();
}
