/* test_proof.c — each proofreading check, positive and negative, with
 * cases from the corpus. */
#include "newsdesk/proof.h"
#include "tap.h"

#include <locale.h>
#include <string.h>

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
	is_int(body_hits("halfwidth", "比分42:59,真精彩"), 0, "42:59 is not Chinese context");
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
	ok(r.rate > 2, "one error in a few characters is over the limit (%.0f)", r.rate);
	ok(r.n >= 2 && strcmp(r.hits[r.n - 1].check->id, "error-rate") == 0, "…and says so");
	ok(r.hits[0].paragraph == 1 && r.hits[0].offset == 1, "hits say where: ¶1 at character 1");
	nd_proof_free(&r);
	is_int(nd_proof_check_count, 8, "eight checks, each with an id and an explanation");
	return tap_done();
}
