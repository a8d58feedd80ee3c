/* proof.c — the proofreading checks. Each walks the story's fields (the
 * body paragraph by paragraph) and records hits; the table below is the
 * list of checks, so a publication's own check is an entry and a function. */
#include "newsdesk/proof.h"
#include "newsdesk/count.h"
#include "newsdesk/utf8.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const struct nd_proof_check nd_proof_checks[] = {
	{ "unpaired", "paired punctuation that does not pair", "成对标点不成对" },
	{ "closing-as-opening", "a closing quote used as an opening one", "后引号用作了前引号" },
	{ "repeated", "a phrase repeated back to back", "词语重复" },
	{ "halfwidth", "half-width punctuation between Chinese characters",
	  "中文之间用了半角标点" },
	{ "quote-styles", "two quote styles in one item (「」 and “”)", "同一稿件混用两种引号" },
	{ "dateline-date", "a wire dateline (…电) without a date", "电头缺日期" },
	{ "photo-credit", "a photo without a 摄 credit", "图片稿缺少摄影署名" },
	{ "error-rate", "more errors per 10,000 characters than the publication allows",
	  "差错率超过本刊标准" },
};
const size_t nd_proof_check_count = sizeof nd_proof_checks / sizeof *nd_proof_checks;

static const struct nd_proof_check *check(const char *id)
{
	for (size_t i = 0; i < nd_proof_check_count; i++)
		if (strcmp(nd_proof_checks[i].id, id) == 0)
			return &nd_proof_checks[i];
	return &nd_proof_checks[0];
}

struct text {
	unsigned *cp;
	size_t *off; /* byte offset of each code point */
	size_t n;
	const char *s;
};

static int decode(const char *s, size_t len, struct text *t)
{
	t->cp = malloc((len + 1) * sizeof *t->cp);
	t->off = malloc((len + 1) * sizeof *t->off);
	t->n = 0;
	t->s = s;
	if (!t->cp || !t->off)
		return -1;
	for (size_t i = 0; i < len;) {
		t->off[t->n] = i;
		int l = nd_utf8_decode(s + i, len - i, &t->cp[t->n++]);
		i += l > 0 ? (size_t)l : 1;
	}
	t->off[t->n] = len;
	return 0;
}

static void text_free(struct text *t)
{
	free(t->cp);
	free(t->off);
}

static bool is_han(unsigned cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0x20000 && cp <= 0x3134F);
}

static int add_hit(struct nd_proof_report *r, const char *id, const char *field, int para,
		   const struct text *t, size_t at, const char *detail)
{
	struct nd_proof_hit *nh = realloc(r->hits, (r->n + 1) * sizeof *nh);
	if (!nh)
		return -1;
	r->hits = nh;
	struct nd_proof_hit *h = &r->hits[r->n++];
	memset(h, 0, sizeof *h);
	h->check = check(id);
	h->field = field;
	h->paragraph = para;
	h->offset = (long)at;
	/* about eight characters either side */
	size_t from = at > 8 ? at - 8 : 0, to = at + 9 < t->n ? at + 9 : t->n;
	size_t b0 = t->off[from], b1 = t->off[to];
	if (b1 - b0 >= sizeof h->excerpt)
		b1 = b0 + sizeof h->excerpt - 1;
	while (b1 > b0 && ((unsigned char)t->s[b1] & 0xC0) == 0x80)
		b1--;
	snprintf(h->excerpt, sizeof h->excerpt, "%s%.*s%s", from ? "…" : "", (int)(b1 - b0),
		 t->s + b0, to < t->n ? "…" : "");
	snprintf(h->detail, sizeof h->detail, "%s", detail ? detail : "");
	return 0;
}

/* ---- paired punctuation ------------------------------------------------ */

static const struct {
	unsigned open, close;
} pairs[] = {
	{ 0x201C, 0x201D }, /* “ ” */
	{ 0x2018, 0x2019 }, /* ‘ ’ */
	{ 0x300A, 0x300B }, /* 《 》 */
	{ 0xFF08, 0xFF09 }, /* （ ） */
	{ 0x300C, 0x300D }, /* 「 」 */
	{ 0x300E, 0x300F }, /* 『 』 */
	{ 0x3010, 0x3011 }, /* 【 】 */
};

static int pair_index(unsigned cp, bool *opening)
{
	for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
		if (pairs[i].open == cp) {
			*opening = true;
			return (int)i;
		}
		if (pairs[i].close == cp) {
			*opening = false;
			return (int)i;
		}
	}
	return -1;
}

static int check_pairs(struct nd_proof_report *r, const char *field, int para, const struct text *t)
{
	size_t stack[64], depth = 0;
	for (size_t i = 0; i < t->n; i++) {
		bool opening;
		int k = pair_index(t->cp[i], &opening);
		if (k < 0)
			continue;
		if (opening) {
			if (depth < 64)
				stack[depth++] = i;
			continue;
		}
		if (depth && t->cp[stack[depth - 1]] == pairs[k].open) {
			depth--;
			continue;
		}
		char detail[96];
		char closer[8] = "";
		snprintf(closer, sizeof closer, "%.*s", (int)(t->off[i + 1] - t->off[i]),
			 t->s + t->off[i]);
		/* A closing quote where an opening one belongs: it is followed by
		 * text and, later, another closing quote. */
		bool as_opening = false;
		if (k <= 1)
			for (size_t j = i + 1; j < t->n; j++)
				if (t->cp[j] == pairs[k].close) {
					as_opening = true;
					break;
				}
		snprintf(detail, sizeof detail,
			 as_opening ? "%s where an opening mark belongs"
				    : "%s without its opening mark",
			 closer);
		if (add_hit(r, as_opening ? "closing-as-opening" : "unpaired", field, para, t, i,
			    detail) < 0)
			return -1;
		if (as_opening) {
			/* treat it as the opening it should be */
			if (depth < 64)
				stack[depth++] = i;
			i++;
			while (i < t->n && t->cp[i] != pairs[k].close)
				i++;
			if (depth)
				depth--;
		}
	}
	for (size_t d = 0; d < depth; d++) {
		char detail[96];
		size_t i = stack[d];
		snprintf(detail, sizeof detail, "%.*s without its closing mark",
			 (int)(t->off[i + 1] - t->off[i]), t->s + t->off[i]);
		if (add_hit(r, "unpaired", field, para, t, i, detail) < 0)
			return -1;
	}
	return 0;
}

/* ---- repeated phrases -------------------------------------------------- */

static int check_repeats(struct nd_proof_report *r, const char *field, int para,
			 const struct text *t)
{
	for (size_t i = 0; i + 4 <= t->n; i++) {
		for (size_t len = 2; len <= 10 && i + 2 * len <= t->n; len++) {
			bool han = true, same = true;
			for (size_t k = 0; k < len && han && same; k++) {
				han = is_han(t->cp[i + k]);
				same = t->cp[i + k] == t->cp[i + len + k];
			}
			if (!han || !same)
				continue;
			char detail[96];
			snprintf(detail, sizeof detail, "“%.*s” twice",
				 (int)(t->off[i + len] - t->off[i]), t->s + t->off[i]);
			if (add_hit(r, "repeated", field, para, t, i, detail) < 0)
				return -1;
			i += 2 * len - 1;
			break;
		}
	}
	return 0;
}

/* ---- half-width punctuation in Chinese ----------------------------------- */

static int check_halfwidth(struct nd_proof_report *r, const char *field, int para,
			   const struct text *t)
{
	for (size_t i = 1; i + 1 < t->n; i++) {
		unsigned cp = t->cp[i];
		if (!strchr(",:;?!()", (int)(cp < 0x80 ? cp : 1)) || cp >= 0x80)
			continue;
		unsigned prev = t->cp[i - 1], next = t->cp[i + 1];
		if (next == ' ' && i + 2 < t->n)
			next = t->cp[i + 2];
		bool chinese = (cp == '(' && is_han(next)) || (cp == ')' && is_han(prev)) ||
			       (is_han(prev) && is_han(next));
		if (!chinese)
			continue;
		char detail[64];
		snprintf(detail, sizeof detail, "half-width '%c'", (char)cp);
		if (add_hit(r, "halfwidth", field, para, t, i, detail) < 0)
			return -1;
	}
	return 0;
}

typedef int (*text_check)(struct nd_proof_report *, const char *, int, const struct text *);
static const text_check text_checks[] = { check_pairs, check_repeats, check_halfwidth };

static int run_text_checks(struct nd_proof_report *r, const char *field, int para, const char *s,
			   size_t len)
{
	struct text t;
	if (decode(s, len, &t) < 0) {
		text_free(&t);
		return -1;
	}
	int rc = 0;
	for (size_t i = 0; i < sizeof text_checks / sizeof *text_checks && rc == 0; i++)
		rc = text_checks[i](r, field, para, &t);
	text_free(&t);
	return rc;
}

static int whole_hit(struct nd_proof_report *r, const char *id, const char *field, const char *text,
		     const char *detail)
{
	struct text t;
	const char *s = text ? text : "";
	if (decode(s, strlen(s), &t) < 0) {
		text_free(&t);
		return -1;
	}
	int rc = add_hit(r, id, field, 0, &t, 0, detail);
	text_free(&t);
	return rc;
}

int nd_proof_story(const struct nd_story *st, double limit, struct nd_proof_report *r)
{
	memset(r, 0, sizeof *r);
	r->limit = limit;
	const struct {
		const char *name, *text;
	} fields[] = { { "kicker", st->kicker },
		       { "headline", st->headline },
		       { "subhead", st->subhead } };
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
		if (fields[i].text && run_text_checks(r, fields[i].name, 0, fields[i].text,
						      strlen(fields[i].text)) < 0)
			return -1;
	const char *body = st->body ? st->body : "";
	int para = 1;
	for (const char *p = body; *p; para++) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		if (run_text_checks(r, "body", para, p, len) < 0)
			return -1;
		p += len + (nl ? 1 : 0);
	}
	/* whole-item checks */
	const char *all[] = { st->kicker, st->headline, st->subhead, body };
	bool corner = false, curly = false;
	for (size_t i = 0; i < sizeof all / sizeof *all; i++) {
		if (!all[i])
			continue;
		corner |= strstr(all[i], "「") || strstr(all[i], "」");
		curly |= strstr(all[i], "“") || strstr(all[i], "”");
	}
	if (corner && curly &&
	    whole_hit(r, "quote-styles", "body", body, "「」 and “” both used") < 0)
		return -1;
	if (st->dateline && (strstr(st->dateline, "电") || strstr(st->dateline, "電")) &&
	    !(strstr(st->dateline, "月") && strstr(st->dateline, "日")) &&
	    whole_hit(r, "dateline-date", "dateline", st->dateline, "no 月…日 in the dateline") < 0)
		return -1;
	if (st->kind && strcmp(st->kind, "photo") == 0 &&
	    !(st->byline && strstr(st->byline, "摄")) &&
	    whole_hit(r, "photo-credit", "byline", st->byline ? st->byline : "", "no 摄 credit") <
		0)
		return -1;

	/* The rate, over the whole item's 字数, against the limit. */
	long chars = nd_count_chars(body);
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
		if (fields[i].text)
			chars += nd_count_chars(fields[i].text);
	r->chars = chars;
	r->rate = chars ? (double)r->n * 10000.0 / (double)chars : 0;
	if (limit > 0 && r->rate > limit) {
		char detail[128];
		snprintf(detail, sizeof detail, "%.1f per 10,000 characters; the limit is %.0f",
			 r->rate, limit);
		if (whole_hit(r, "error-rate", "body", body, detail) < 0)
			return -1;
	}
	return 0;
}

void nd_proof_free(struct nd_proof_report *r)
{
	free(r->hits);
	memset(r, 0, sizeof *r);
}
