/* proof.c — the proofreading checks. Each walks the story's fields (the
 * body paragraph by paragraph) and records hits; the table below is the
 * list of checks, so a publication's own check is an entry and a function. */
#include "newsdesk/proof.h"
#include "newsdesk/buf.h"
#include "newsdesk/cleanup.h"
#include "newsdesk/count.h"
#include "newsdesk/lang.h"
#include "newsdesk/utf8.h"
#include "proof_int.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const struct nd_proof_check nd_proof_checks[] = {
	{ "unpaired", N_("paired punctuation that does not pair"), NULL, NULL, NULL },
	{ "closing-as-opening", N_("a closing quote used as an opening one"), NULL, NULL, NULL },
	{ "opening-as-closing", N_("an opening quote used as a closing one"), NULL, NULL, NULL },
	{ "repeated", N_("a phrase repeated back to back or across a comma"), NULL, NULL, NULL },
	{ "doubled", N_("a character doubled by mistake (的的)"), NULL, NULL, NULL },
	{ "halfwidth", N_("half-width punctuation in Chinese text"), "punctuation",
	  NP_("half-width mark", "half-width marks") },
	{ "straight-quotes", N_("straight quotes where “” ‘’ belong"), "quotes",
	  NP_("straight quote", "straight quotes") },
	{ "fullwidth-alnum", N_("full-width digits or Latin letters"), "halfwidth",
	  NP_("full-width digit or letter", "full-width digits or letters") },
	{ "split", N_("a paragraph split by a page or column break"), "rejoin",
	  NP_("paragraph split by a page break", "paragraphs split by a page break") },
	{ "quote-styles", N_("two quote styles in one item (「」 and “”)"), NULL, NULL, NULL },
	{ "doubled-mark", N_("a punctuation mark doubled by mistake (。。)"), NULL, NULL, NULL },
	{ "number-comma", N_("a thousands separator written ， (2，000)"), NULL, NULL, NULL },
	{ "dateline-date", N_("a wire dateline (…电) without a date"), NULL, NULL, NULL },
	{ "photo-credit", N_("a photo without a 摄 credit"), NULL, NULL, NULL },
	{ "photo-missing", N_("a photo item with no photo attached"), NULL, NULL, NULL },
	{ "error-rate", N_("more errors per 10,000 characters than the publication allows"), NULL,
	  NULL, NULL },
};
const size_t nd_proof_check_count = sizeof nd_proof_checks / sizeof *nd_proof_checks;

static const struct nd_proof_check *check(const char *id)
{
	for (size_t i = 0; i < nd_proof_check_count; i++)
		if (strcmp(nd_proof_checks[i].id, id) == 0)
			return &nd_proof_checks[i];
	return &nd_proof_checks[0];
}

static int decode(const char *s, size_t len, struct text *t)
{
	t->cp = malloc((len + 1) * sizeof *t->cp);
	t->off = malloc((len + 1) * sizeof *t->off);
	t->n = 0;
	t->s = s;
	t->seg = NULL;
	t->nseg = 0;
	t->para = 0;
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

static int add_hit(struct nd_proof_report *r, const char *id, const char *field,
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
	size_t k = 0;
	while (k + 1 < t->nseg && t->seg[k + 1] <= at)
		k++;
	h->paragraph = t->para ? t->para + (int)k : 0;
	h->offset = (long)(at - (t->nseg ? t->seg[k] : 0));
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

int nd_proof_hit(const struct ctx *c, const char *id, size_t at, const char *detail)
{
	return add_hit(c->r, id, c->field, c->t, at, detail);
}

/* "%s" of the characters [a, b) of the text, for a detail line. */
void nd_proof_span(const struct text *t, size_t a, size_t b, char *out, size_t size)
{
	snprintf(out, size, "%.*s", (int)(t->off[b] - t->off[a]), t->s + t->off[a]);
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
enum { QUOTE_PAIRS = 2, MAX_DEPTH = 64 }; /* pairs[0..1] are quotes, which are misused */

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

static bool ascii_letter(unsigned cp)
{
	return cp < 0x80 && (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
}

/* ’ between Latin letters is an apostrophe (O’Neill, don’t), not a quote. */
static bool apostrophe(const struct text *t, size_t i)
{
	return t->cp[i] == 0x2019 && i > 0 && i + 1 < t->n && ascii_letter(t->cp[i - 1]) &&
	       ascii_letter(t->cp[i + 1]);
}

/* The next mark of pair k at or after i, or t->n. */
static size_t next_mark(const struct text *t, size_t i, int k)
{
	while (i < t->n &&
	       ((t->cp[i] != pairs[k].open && t->cp[i] != pairs[k].close) || apostrophe(t, i)))
		i++;
	return i;
}

/* [a, b) reads as a quoted term (双进, APP): short, letters and digits only. */
static bool term_like(const struct text *t, size_t a, size_t b)
{
	if (b <= a || b - a > 10)
		return false;
	for (size_t i = a; i < b; i++) {
		unsigned cp = t->cp[i];
		if (!is_han(cp) && !(cp < 0x80 && (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') &&
		    !(cp >= '0' && cp <= '9') && cp != 0xB7)
			return false;
	}
	return true;
}

struct open_mark {
	size_t at;
	int k;
};

static int mark_hit(const struct ctx *c, const char *id, size_t at, const char *fmt)
{
	char mark[8], detail[96];
	nd_proof_span(c->t, at, at + 1, mark, sizeof mark);
	snprintf(detail, sizeof detail, fmt, mark);
	return nd_proof_hit(c, id, at, detail);
}

/* An opening quote inside an open one of its kind, with no closing quote
 * before the next opening (or the end): “扩容“，职工 — it was meant to close. */
static bool opening_as_closing(const struct text *t, size_t i, int k, const struct open_mark *top)
{
	if (k >= QUOTE_PAIRS || !top || top->k != k)
		return false;
	size_t j = next_mark(t, i + 1, k);
	return j == t->n || t->cp[j] == pairs[k].open;
}

/* A closing quote followed, after a short term, by another closing quote
 * with no opening between: “要推动”双进”工作 — the first of the two is the
 * one that should have opened. */
static bool closing_as_opening(const struct text *t, size_t i, int k)
{
	if (k >= QUOTE_PAIRS)
		return false;
	size_t j = next_mark(t, i + 1, k);
	return j < t->n && t->cp[j] == pairs[k].close && term_like(t, i + 1, j);
}

/* A closing mark with nothing of its kind open: a quote that a later
 * closing quote of its kind follows was meant to open. */
static bool lone_closing_opens(const struct text *t, size_t i, int k)
{
	if (k >= QUOTE_PAIRS)
		return false;
	size_t j = next_mark(t, i + 1, k);
	return j < t->n && t->cp[j] == pairs[k].close;
}

static int close_mark(const struct ctx *c, struct open_mark *stack, size_t *depth, size_t i, int k)
{
	const struct text *t = c->t;
	size_t d = *depth;
	while (d > 0 && stack[d - 1].k != k)
		d--;
	if (d > 0) {
		if (stack[*depth - 1].k == k && closing_as_opening(t, i, k)) {
			if (mark_hit(c, "closing-as-opening", i,
				     _("%s where an opening mark belongs")) < 0)
				return -1;
			if (*depth < MAX_DEPTH)
				stack[(*depth)++] = (struct open_mark){ i, k };
			return 0;
		}
		/* marks opened inside and never closed */
		for (size_t u = d; u < *depth; u++)
			if (mark_hit(c, "unpaired", stack[u].at, _("%s without its closing mark")) <
			    0)
				return -1;
		*depth = d - 1;
		return 0;
	}
	if (lone_closing_opens(t, i, k)) {
		if (mark_hit(c, "closing-as-opening", i, _("%s where an opening mark belongs")) < 0)
			return -1;
		if (*depth < MAX_DEPTH)
			stack[(*depth)++] = (struct open_mark){ i, k };
		return 0;
	}
	return mark_hit(c, "unpaired", i, _("%s without its opening mark"));
}

static size_t first_mark(const struct text *t)
{
	size_t i = 0;
	while (i < t->n && (t->cp[i] == ' ' || t->cp[i] == 0x3000 || t->cp[i] == '\t'))
		i++;
	return i;
}

static int check_pairs(const struct ctx *c)
{
	const struct text *t = c->t;
	struct open_mark stack[MAX_DEPTH];
	size_t depth = 0;
	for (size_t i = 0; i < t->n; i++) {
		bool opening;
		int k = pair_index(t->cp[i], &opening);
		if (k < 0 || apostrophe(t, i))
			continue;
		if (!opening) {
			if (close_mark(c, stack, &depth, i, k) < 0)
				return -1;
			continue;
		}
		if (opening_as_closing(t, i, k, depth ? &stack[depth - 1] : NULL)) {
			if (mark_hit(c, "opening-as-closing", i,
				     _("%s where a closing mark belongs")) < 0)
				return -1;
			depth--;
			continue;
		}
		if (depth < MAX_DEPTH)
			stack[depth++] = (struct open_mark){ i, k };
	}
	for (size_t d = 0; d < depth; d++) {
		size_t i = stack[d].at;
		if (t->cp[i] != pairs[stack[d].k].open)
			continue; /* a closing quote used as opening: reported already */
		if (c->continued && d == 0 && stack[d].k == 0 && i == first_mark(t))
			continue; /* a quotation going on in the next paragraph */
		if (mark_hit(c, "unpaired", i, _("%s without its closing mark")) < 0)
			return -1;
	}
	return 0;
}

/* ---- repeated phrases -------------------------------------------------- */

/* Two-character words whose ABAB form is Chinese, not a slip: verbs done
 * "a little" (研究研究, 讨论讨论) and state adjectives (雪白雪白). */
static const char abab_words[] =
    "研究讨论学习商量考虑休息锻炼活动交流了解打听收拾整理准备检查体验感受尝试比较练习介绍"
    "分析总结打扫清理放松参观认识琢磨思考关心照顾帮助表扬提醒联系沟通调查调整熟悉适应宣传"
    "享受高兴热闹凉快暖和轻松舒服溜达修理清洗比划指点合计商议议论切磋请教欣赏观察测试体会"
    "庆祝慰问鼓励安慰乐呵开心雪白通红冰凉笔直碧绿火红金黄漆黑滚烫乌黑蔚蓝";

static bool in_abab_words(unsigned a, unsigned b)
{
	const char *s = abab_words;
	size_t n = sizeof abab_words - 1;
	for (size_t i = 0; i < n;) {
		unsigned x, y;
		int l1 = nd_utf8_decode(s + i, n - i, &x);
		if (l1 <= 0)
			break;
		int l2 = nd_utf8_decode(s + i + l1, n - i - (size_t)l1, &y);
		if (l2 <= 0)
			break;
		if (x == a && y == b)
			return true;
		i += (size_t)(l1 + l2);
	}
	return false;
}

/* A two-character unit whose doubling is a known reduplicating pattern:
 * AAAA (谢谢谢谢), 一X一X (一步一步), ABAB of the words above. */
static bool reduplication(const unsigned *u, size_t len)
{
	if (len != 2)
		return false;
	return u[0] == u[1] || u[0] == 0x4E00 /* 一 */ || in_abab_words(u[0], u[1]);
}

static bool all_han(const struct text *t, size_t a, size_t len)
{
	for (size_t k = 0; k < len; k++)
		if (a + k >= t->n || !is_han(t->cp[a + k]))
			return false;
	return true;
}

static bool same(const struct text *t, size_t a, size_t b, size_t len)
{
	return memcmp(t->cp + a, t->cp + b, len * sizeof *t->cp) == 0;
}

static int repeat_hit(const struct ctx *c, size_t first, size_t second, size_t len)
{
	char unit[64], detail[96];
	nd_proof_span(c->t, first, first + len, unit, sizeof unit);
	snprintf(detail, sizeof detail, _("“%s” twice"), unit);
	return nd_proof_hit(c, "repeated", second, detail);
}

static bool is_comma(unsigned cp)
{
	return cp == 0xFF0C || cp == 0x3001 || cp == ',';
}

/* 推动全县，推动全县: the words before a comma start the clause after it.
 * Three characters at least (快跑，快跑 is emphasis), not a chant
 * (中国加油，中国加油！) and not a unit that opens with a reduplication
 * (谢谢你，谢谢你). */
static size_t comma_repeat(const struct text *t, size_t comma)
{
	for (size_t len = 3; len <= 10 && len <= comma; len++) {
		size_t a = comma - len, b = comma + 1;
		if (b + len > t->n || !all_han(t, a, len) || !same(t, a, b, len))
			continue;
		unsigned after = b + len < t->n ? t->cp[b + len] : 0;
		if (t->cp[a] == t->cp[a + 1] || after == 0xFF01 || after == '!' || is_comma(after))
			return 0;
		return len;
	}
	return 0;
}

static int check_repeats(const struct ctx *c)
{
	const struct text *t = c->t;
	for (size_t i = 0; i < t->n; i++) {
		if (is_comma(t->cp[i])) {
			size_t len = comma_repeat(t, i);
			if (len && repeat_hit(c, i - len, i + 1, len) < 0)
				return -1;
			continue;
		}
		for (size_t len = 2; len <= 10 && i + 2 * len <= t->n; len++) {
			if (!all_han(t, i, len) || !same(t, i, i + len, len) ||
			    reduplication(t->cp + i, len))
				continue;
			if (repeat_hit(c, i, i + len, len) < 0)
				return -1;
			i += 2 * len - 1;
			break;
		}
	}
	return 0;
}

/* ---- doubled single characters -------------------------------------------- */

/* Characters that do not reduplicate: a doubled one is a slip (的的, 了了).
 * Content characters are left alone on purpose: a word ending in a
 * character often meets one starting with it (农民工工资, 工会会员, 更新新增),
 * and telling those from a slip takes a dictionary. */
static const char never_doubled[] = "的了是在和与对把被将及并也都就还而或但让给于这那其之们";

/* Where such a pair is two words meeting: 目的的, 为了了解, 不了了之 (but
 * 据了了解 is a slip, so the words are written out in full). */
static const char *const doubled_words[] = {
	"目的的", "的的确", "为了了解", "除了了解", "不了了之", "对对手", "对对象",
	"对对方", "对对接", "对对口",   "对对照",   "对对话",   "把把关", "把把握",
	"及及时", "就就业", "是是否",   "在在职",   "在在场",   "和和谐", "将将来",
	"与与会", "给给予", "还还款",   "于于是",
};

static bool in_never_doubled(unsigned cp)
{
	const char *s = never_doubled;
	size_t n = sizeof never_doubled - 1;
	for (size_t i = 0; i < n;) {
		unsigned x;
		int l = nd_utf8_decode(s + i, n - i, &x);
		if (l <= 0)
			break;
		if (x == cp)
			return true;
		i += (size_t)l;
	}
	return false;
}

/* The text at i - k matches w (k characters into w). */
static bool word_at(const struct text *t, size_t i, const char *w, size_t k)
{
	if (i < k)
		return false;
	size_t at = i - k, n = strlen(w);
	for (size_t b = 0; b < n; at++) {
		unsigned x;
		int l = nd_utf8_decode(w + b, n - b, &x);
		if (l <= 0 || at >= t->n || t->cp[at] != x)
			return false;
		b += (size_t)l;
	}
	return true;
}

static bool two_words_meet(const struct text *t, size_t i)
{
	for (size_t w = 0; w < sizeof doubled_words / sizeof *doubled_words; w++)
		for (size_t k = 0; k < 3; k++)
			if (word_at(t, i, doubled_words[w], k))
				return true;
	/* AABB: 的的确确, 实实在在, 是是非非 */
	if (i + 3 < t->n && t->cp[i + 2] == t->cp[i + 3] && t->cp[i + 2] != t->cp[i] &&
	    is_han(t->cp[i + 2]))
		return true;
	return i >= 2 && t->cp[i - 2] == t->cp[i - 1] && t->cp[i - 1] != t->cp[i] &&
	       is_han(t->cp[i - 2]);
}

static int check_doubled(const struct ctx *c)
{
	const struct text *t = c->t;
	for (size_t i = 0; i + 1 < t->n; i++) {
		if (t->cp[i] != t->cp[i + 1] || !in_never_doubled(t->cp[i]) || two_words_meet(t, i))
			continue;
		char unit[8], detail[96];
		nd_proof_span(t, i, i + 1, unit, sizeof unit);
		snprintf(detail, sizeof detail, _("“%s” doubled"), unit);
		if (nd_proof_hit(c, "doubled", i + 1, detail) < 0)
			return -1;
		i++;
	}
	return 0;
}

typedef int (*text_check)(const struct ctx *);
static const text_check text_checks[] = {
	check_pairs,
	check_repeats,
	check_doubled,
	nd_proof_halfwidth,
	nd_proof_straight_quotes,
	nd_proof_fullwidth_alnum,
	nd_proof_split,
	nd_proof_doubled_mark,
	nd_proof_number_comma,
};

/* Runs the checks on s, the parts of which start at the byte offsets
 * seg_bytes[0..nseg) and are paragraphs para, para + 1, … (para 0: a field). */
static int run_text_checks(struct nd_proof_report *r, const char *field, int para, bool continued,
			   const char *s, size_t len, const size_t *seg_bytes, size_t nseg)
{
	struct text t;
	size_t *seg = calloc(nseg ? nseg : 1, sizeof *seg);
	if (!seg || decode(s, len, &t) < 0) {
		free(seg);
		text_free(&t);
		return -1;
	}
	for (size_t k = 0, i = 0; k < nseg; k++) {
		while (i < t.n && t.off[i] < seg_bytes[k])
			i++;
		seg[k] = i;
	}
	t.seg = seg;
	t.nseg = nseg;
	t.para = para;
	struct ctx c = { r, field, continued, &t };
	int rc = 0;
	for (size_t i = 0; i < sizeof text_checks / sizeof *text_checks && rc == 0; i++)
		rc = text_checks[i](&c);
	text_free(&t);
	free(seg);
	return rc;
}

static int check_field(struct nd_proof_report *r, const char *field, const char *s)
{
	size_t start = 0;
	return run_text_checks(r, field, 0, false, s, strlen(s), &start, 1);
}

/* The paragraph after p (past empty ones) opens with “. */
static bool next_opens_quote(const char *p)
{
	while (*p == '\n' || *p == ' ' || *p == '\t')
		p++;
	if (strncmp(p, "\xE3\x80\x80", 3) == 0) /* ideographic space indent */
		return next_opens_quote(p + 3);
	return strncmp(p, "“", strlen("“")) == 0;
}

/* The body, paragraph by paragraph, each rejoined as ^K would. */
static int check_body(struct nd_proof_report *r, const char *body)
{
	struct nd_buf joined = ND_BUF_INIT;
	size_t *seg = NULL, nseg = 0, cap = 0;
	int para = 1, rc = 0;
	for (const char *p = body; *p && rc == 0;) {
		int first = para;
		nd_buf_reset(&joined);
		nseg = 0;
		for (;;) {
			const char *nl = strchr(p, '\n');
			size_t len = nl ? (size_t)(nl - p) : strlen(p);
			if (nseg == cap) { /* doubling: a hostile body may be all short lines */
				size_t *ns = realloc(seg, (cap = cap ? 2 * cap : 8) * sizeof *ns);
				if (!ns) {
					free(seg);
					nd_buf_free(&joined);
					return -1;
				}
				seg = ns;
			}
			if (nd_buf_add(&joined, p, len) < 0) {
				free(seg);
				nd_buf_free(&joined);
				return -1;
			}
			seg[nseg++] = joined.len - len;
			para++;
			p += len + (nl ? 1 : 0);
			if (!nl)
				break;
			const char *nnl = strchr(p, '\n');
			size_t nlen = nnl ? (size_t)(nnl - p) : strlen(p);
			if (!nd_cleanup_rejoins(body, p - len - 1, len, p, nlen))
				break;
		}
		bool continued = *p && next_opens_quote(p);
		rc = run_text_checks(r, "body", first, continued, nd_buf_str(&joined), joined.len,
				     seg, nseg);
	}
	free(seg);
	nd_buf_free(&joined);
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
	int rc = add_hit(r, id, field, &t, 0, detail);
	text_free(&t);
	return rc;
}

/* A wire dateline (…电) needs its date. Filed with a header (标题: …) the
 * dateline is where the body begins, not in a field of its own. */
static int check_dateline_date(struct nd_proof_report *r, const struct nd_story *st)
{
	const char *field = "dateline", *d = st->dateline;
	char *lead = NULL;
	if (!d && st->body) {
		size_t len = nd_match_dateline(st->body);
		if (len && (lead = strndup(st->body, len)) == NULL)
			return -1;
		d = lead;
		field = "body";
	}
	int rc = 0;
	if (d && (strstr(d, "电") || strstr(d, "電")) && !(strstr(d, "月") && strstr(d, "日")))
		rc = whole_hit(r, "dateline-date", field, d, _("no 月…日 in the dateline"));
	free(lead);
	return rc;
}

/* A photo's 摄 credit: in the byline, or ending the body ("王某 摄"), as a
 * caption filed with a header leaves it (a paragraph of Chinese ends in 摄
 * only as a credit). */
static bool photo_credit(const struct nd_story *st)
{
	if (st->byline && strstr(st->byline, "摄"))
		return true;
	const char *b = st->body ? st->body : "";
	size_t n = strlen(b), k = strlen("摄");
	while (n > 0 && strchr(" \t\r\n", b[n - 1]))
		n--;
	return n >= k && memcmp(b + n - k, "摄", k) == 0;
}

int nd_proof_story(const struct nd_story *st, double limit, struct nd_proof_report *r)
{
	memset(r, 0, sizeof *r);
	r->limit = limit;
	const struct {
		const char *name, *text;
	} fields[] = { { "kicker", st->kicker },
		       { "headline", st->headline },
		       { "subhead", st->subhead },
		       { "dateline", st->dateline } }; /* the dateline is proofread too */
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
		if (fields[i].text && check_field(r, fields[i].name, fields[i].text) < 0)
			return -1;
	const char *body = st->body ? st->body : "";
	if (check_body(r, body) < 0)
		return -1;
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
	    whole_hit(r, "quote-styles", "body", body, _("「」 and “” both used")) < 0)
		return -1;
	if (check_dateline_date(r, st) < 0)
		return -1;
	if (st->kind && strcmp(st->kind, "photo") == 0 && !photo_credit(st) &&
	    whole_hit(r, "photo-credit", "byline", st->byline ? st->byline : "",
		      _("no 摄 credit")) < 0)
		return -1;

	/* The rate, over the whole item's 字数 and the hits clean-up leaves,
	 * against the limit: a chief learns nothing from 586 commas ^K fixes. */
	long chars = nd_count_chars(body);
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
		if (fields[i].text)
			chars += nd_count_chars(fields[i].text);
	r->chars = chars;
	for (size_t i = 0; i < r->n; i++)
		r->left += r->hits[i].check->fix == NULL;
	r->rate = chars ? (double)r->left * 10000.0 / (double)chars : 0;
	if (limit > 0 && r->rate > limit) {
		char detail[128];
		snprintf(detail, sizeof detail,
			 _("%1$.1f per 10,000 characters; the limit is %2$.0f"), r->rate, limit);
		if (whole_hit(r, "error-rate", "body", body, detail) < 0)
			return -1;
		r->left++;
	}
	return 0;
}

int nd_proof_photos(const struct nd_story *st, int photos, struct nd_proof_report *r)
{
	if (!st->kind || strcmp(st->kind, "photo") != 0 || photos > 0)
		return 0;
	if (whole_hit(r, "photo-missing", "photos", st->headline, _("no photo attached")) < 0)
		return -1;
	r->left++;
	r->rate = r->chars ? (double)r->left * 10000.0 / (double)r->chars : 0;
	return 0;
}

void nd_proof_free(struct nd_proof_report *r)
{
	free(r->hits);
	memset(r, 0, sizeof *r);
}

size_t nd_proof_count(const struct nd_proof_report *r, const struct nd_proof_check *c)
{
	size_t n = 0;
	for (size_t i = 0; i < r->n; i++)
		n += r->hits[i].check == c;
	return n;
}

const char *nd_proof_field_label(const char *field)
{
	static const struct {
		const char *field, *label;
	} labels[] = {
		{ "kicker", N_("Kicker") },   { "headline", N_("Headline") },
		{ "subhead", N_("Subhead") }, { "dateline", N_("Dateline") },
		{ "byline", N_("Byline") },   { "body", N_("Body") },
		{ "section", N_("Section") }, { "photos", N_("Photos") },
	};
	for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
		if (strcmp(labels[i].field, field) == 0)
			return _(labels[i].label);
	return field;
}
